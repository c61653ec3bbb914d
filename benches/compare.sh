#!/usr/bin/env bash
# Side by side: concord `check` and ripgrep on the same stance and fact
# patterns, over a generated news-like set (benches/gen/corpus.rs). Prints the
# medians and the ratio; BENCHMARKS.md records the results.
#
#   bash benches/compare.sh [MB] [CLAIMS] [RUNS]     (defaults: 2 500 3)
#
# Needs hyperfine and ripgrep (Debian: apt-get install hyperfine ripgrep).
set -euo pipefail
mb=${1:-2}
claims=${2:-500}
runs=${3:-3}
root=$(cd "$(dirname "$0")/.." && pwd)
out=${BENCH_DIR:-/tmp/concord-bench-${mb}mb-${claims}}
for tool in hyperfine rg; do
    command -v "$tool" >/dev/null || { echo "compare.sh: $tool is not installed" >&2; exit 2; }
done
cargo build --release --quiet --manifest-path "$root/Cargo.toml" --bin concord --example bench-corpus
rm -rf "$out"
"$root/target/release/examples/bench-corpus" "$out" --mb "$mb" --claims "$claims" --facts $((claims / 10))
cd "$out"
# ripgrep without -w: with 2,000 word-bounded patterns its automaton outgrows
# memory (24 GB, killed), so it is given the easier job.
hyperfine --runs "$runs" --export-json "$out/hyperfine.json" \
    -n concord "$root/target/release/concord check --format json" \
    -n ripgrep "rg -i -c -f patterns.txt docs"
python3 - "$out/hyperfine.json" <<'PY'
import json, sys
results = {r["command"]: r["median"] for r in json.load(open(sys.argv[1]))["results"]}
print(f"median: concord {results['concord']:.2f} s, ripgrep {results['ripgrep']:.2f} s, "
      f"ratio {results['concord'] / results['ripgrep']:.1f}x")
PY
