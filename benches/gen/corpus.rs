//! A seeded generator of a news-like document set and rules for it, for the
//! benchmark in `benches/compare.sh` (see BENCHMARKS.md).
//!
//! `cargo run --release --example bench-corpus -- OUT [--mb 10] [--claims 500]
//! [--facts 50] [--seed 1]` writes `OUT/docs/*.txt` (about 2 KB each:
//! sentences with abbreviations, dates, numbers, quotations with speakers,
//! and planted stances and values), `OUT/rules/bench.toml` (claims with two
//! stances of two patterns each, facts), `OUT/concord.toml`, and
//! `OUT/patterns.txt`: every stance and fact pattern, one per line, for
//! ripgrep. The same seed writes the same bytes.

#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

#[path = "../support/rng.rs"]
mod rng;
use rng::Rng;

const GIVEN: &[&str] = &[
    "Mara", "Tomas", "Ana", "Jonah", "Ilse", "Kwame", "Priya", "Oren", "Lucia", "Dmitri", "Helen",
    "Samir", "Greta", "Ruth", "Felix", "Amara",
];
const FAMILY: &[&str] = &[
    "Lind", "Brell", "Ruiz", "Feld", "Varga", "Mensah", "Raman", "Vale", "Okafor", "Petrak",
    "Holm", "Kaur", "Ekwueme", "Sato", "Moreno", "Quint",
];
const ROLES: &[&str] = &[
    "spokeswoman",
    "mayor",
    "minister",
    "chief executive",
    "union leader",
    "analyst",
    "police chief",
];
const ORGS: &[&str] = &[
    "the Harbour Authority",
    "the Ministry of Water",
    "Calder Link",
    "the Dockers' Union",
    "the regional council",
    "Kestova Group",
];
const WEEKDAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
const MONTHS: &[&str] = &["Jan.", "Feb.", "March", "April", "Sept.", "Oct."];
const FILLER: &[&str] = &[
    "Officials in the port city met again late into the night, according to people familiar with the talks.",
    "The U.S. embassy said it was following events closely.",
    "Dr. Holm, who has studied the region for 20 years, said the figures were hard to verify.",
    "Traffic on the coast road was diverted for most of the afternoon.",
    "Prices rose 2.5% in the quarter, the statistics office said.",
    "Residents queued outside the town hall from 7 a.m. to register complaints.",
    "The committee will publish its findings in the spring, a spokesman said.",
    "Gen. Moreno declined to comment on the deployment.",
];
/// The nouns claims are about; each claim takes one, so patterns differ.
const TOPICS: &[&str] = &[
    "ceasefire",
    "levy",
    "tariff",
    "bypass",
    "merger",
    "strike",
    "curfew",
    "subsidy",
    "audit",
    "treaty",
    "pipeline",
    "reform",
    "ballot",
    "embargo",
    "budget",
    "lease",
];
const ADJECTIVES: &[&str] = &[
    "coastal",
    "northern",
    "interim",
    "federal",
    "proposed",
    "revised",
    "joint",
    "emergency",
    "regional",
    "annual",
    "temporary",
    "new",
];

struct Options {
    out: PathBuf,
    bytes: usize,
    claims: usize,
    facts: usize,
    seed: u64,
}

fn options() -> Result<Options, String> {
    let mut args = std::env::args().skip(1);
    let mut options = Options {
        out: PathBuf::new(),
        bytes: 10 << 20,
        claims: 500,
        facts: 50,
        seed: 1,
    };
    let mut out = None;
    while let Some(arg) = args.next() {
        let mut value = |name: &str| -> Result<u64, String> {
            args.next()
                .and_then(|v| v.parse().ok())
                .ok_or(format!("{name} needs a number"))
        };
        match arg.as_str() {
            "--mb" => options.bytes = value("--mb")? as usize * (1 << 20),
            "--claims" => options.claims = value("--claims")? as usize,
            "--facts" => options.facts = value("--facts")? as usize,
            "--seed" => options.seed = value("--seed")?,
            _ if out.is_none() => out = Some(PathBuf::from(arg)),
            _ => return Err(format!("unexpected argument {arg}")),
        }
    }
    options.out =
        out.ok_or("usage: bench-corpus OUT [--mb N] [--claims N] [--facts N] [--seed N]")?;
    Ok(options)
}

/// Claim `i`'s topic phrase: an adjective and a noun ("the interim levy").
fn topic(i: usize) -> String {
    let adjective = ADJECTIVES[i % ADJECTIVES.len()];
    let noun = TOPICS[(i / ADJECTIVES.len()) % TOPICS.len()];
    let round = i / (ADJECTIVES.len() * TOPICS.len());
    if round == 0 {
        format!("{adjective} {noun}")
    } else {
        format!("{adjective} {noun} {round}")
    }
}

fn name(rng: &mut Rng) -> String {
    format!("{} {}", rng.pick(GIVEN), rng.pick(FAMILY))
}

/// One document of about 2 KB.
fn document(rng: &mut Rng, claims: usize, facts: usize) -> String {
    let mut text = String::new();
    let speaker = name(rng);
    let role = rng.pick(ROLES);
    let org = rng.pick(ORGS);
    let _ = writeln!(
        text,
        "{} talks resume as {} weighs the {} plan\n",
        rng.pick(WEEKDAYS),
        org,
        rng.pick(ADJECTIVES)
    );
    while text.len() < 2000 {
        let sentence = match rng.below(6) {
            0 => {
                let claim = rng.below(claims.max(1));
                let phrase = topic(claim);
                if rng.below(2) == 0 {
                    format!(
                        "{speaker}, the {role} of {org}, said on {} that the group had accepted the {phrase}.",
                        rng.pick(WEEKDAYS)
                    )
                } else {
                    format!(
                        "{org} has rejected the {phrase}, {} said in a statement on {} {}.",
                        name(rng),
                        rng.pick(MONTHS),
                        1 + rng.below(28)
                    )
                }
            }
            1 => format!(
                "“We will not accept terms that leave {} workers without pay,” {speaker} said.",
                100 + rng.below(9000)
            ),
            2 if facts > 0 => {
                let fact = rng.below(facts);
                format!(
                    "About {} people attended meeting {fact} of the {}, the organisers said.",
                    10 * (1 + rng.below(500)),
                    topic(fact)
                )
            }
            3 => format!(
                "“It is too early to say,” said {}, a {} at the institute. “We need more data.”",
                name(rng),
                rng.pick(ROLES)
            ),
            _ => rng.pick(FILLER).to_string(),
        };
        let mut chars = sentence.chars();
        if let Some(first) = chars.next() {
            text.extend(first.to_uppercase());
            text.push_str(chars.as_str());
        }
        text.push(if rng.below(3) == 0 { '\n' } else { ' ' });
        if rng.below(4) == 0 {
            text.push('\n');
        }
    }
    text
}

fn rules(claims: usize, facts: usize, patterns: &mut String) -> String {
    let mut out =
        String::from("# Generated by benches/gen/corpus.rs: claims and facts for the benchmark.\n");
    for i in 0..claims {
        let phrase = topic(i);
        let yes = [
            format!("(accepted|agreed to|backed) the {phrase}"),
            format!("(will|would) (accept|back) the {phrase}"),
        ];
        let no = [
            format!("(rejected|refused) the {phrase}"),
            format!("(will|would) not (accept|back) the {phrase}"),
        ];
        let _ = write!(
            out,
            "\n[[claim]]\nid = \"claim-{i}\"\nquestion = \"Did they accept the {phrase}?\"\n\
             [claim.stances]\nyes = ['{}', '{}']\nno = ['{}', '{}']\n",
            yes[0], yes[1], no[0], no[1]
        );
        for p in yes.iter().chain(&no) {
            patterns.push_str(p);
            patterns.push('\n');
        }
    }
    for i in 0..facts {
        let pattern = format!(
            r"(?P<value>(about )?\d+) people attended meeting {i} of the {}",
            topic(i)
        );
        let _ = write!(
            out,
            "\n[[fact]]\nid = \"fact-{i}\"\ntype = \"number\"\npattern = '{pattern}'\n"
        );
        // (ripgrep takes the patterns as one alternation: no repeated names.)
        patterns.push_str(&pattern.replace("(?P<value>", "("));
        patterns.push('\n');
    }
    out
}

fn main() -> ExitCode {
    let options = match options() {
        Ok(options) => options,
        Err(why) => {
            eprintln!("bench-corpus: {why}");
            return ExitCode::from(2);
        }
    };
    let docs = options.out.join("docs");
    let rules_dir = options.out.join("rules");
    for dir in [&docs, &rules_dir] {
        if let Err(e) = std::fs::create_dir_all(dir) {
            eprintln!("bench-corpus: {}: {e}", dir.display());
            return ExitCode::from(2);
        }
    }
    let mut rng = Rng(options.seed.max(1) * 0x9e37_79b9_7f4a_7c15);
    let mut written = 0;
    let mut count = 0;
    let mut result = Ok(());
    while written < options.bytes && result.is_ok() {
        let text = document(&mut rng, options.claims, options.facts);
        written += text.len();
        result = std::fs::write(docs.join(format!("doc{count:05}.txt")), text);
        count += 1;
    }
    let mut patterns = String::new();
    let rule_text = rules(options.claims, options.facts, &mut patterns);
    let result = result
        .and_then(|()| std::fs::write(rules_dir.join("bench.toml"), rule_text))
        .and_then(|()| std::fs::write(options.out.join("patterns.txt"), patterns))
        .and_then(|()| {
            std::fs::write(
                options.out.join("concord.toml"),
                "sources = [\"docs\"]\nrules = [\"rules\"]\nfail_on = \"never\"\n",
            )
        });
    if let Err(e) = result {
        eprintln!("bench-corpus: {e}");
        return ExitCode::from(2);
    }
    println!(
        "wrote {count} documents ({:.1} MB), {} claims, {} facts to {}",
        written as f64 / (1 << 20) as f64,
        options.claims,
        options.facts,
        options.out.display()
    );
    ExitCode::SUCCESS
}
