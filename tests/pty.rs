//! The human report on a real terminal of 60 columns (issue: the report at
//! scale). concord runs in a pseudo-terminal made by `portable-pty`, with no
//! `COLUMNS`, so the width comes from the terminal itself; every line it
//! prints must fit in 60 display columns once colour escapes are taken out,
//! and each conflict must have exactly one `concord::conflict` header (miette
//! used to repeat it for every source). Run on the sample set and on a
//! generated set of 65 outlets.

use std::io::Read;
use std::path::Path;
use std::process::Command;

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use regex::Regex;
use unicode_width::UnicodeWidthStr;

const COLUMNS: u16 = 60;

/// What `concord ARGS` prints on a pseudo-terminal of [`COLUMNS`] columns,
/// as the terminal shows it: escapes removed, each line as its last
/// carriage return leaves it. And the exit code.
fn on_a_terminal(dir: &Path, args: &[&str]) -> (Vec<String>, u32) {
    let (raw, code) = raw_on_a_terminal(dir, args, "xterm-256color");
    let escapes =
        Regex::new(r"\x1b(\[[0-9;?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[()][0-9A-Za-z])")
            .unwrap();
    let plain = escapes.replace_all(&raw, "");
    let lines = plain
        .split('\n')
        .map(|l| l.trim_end_matches('\r'))
        .map(|l| l.rsplit('\r').next().unwrap_or("").to_string())
        .collect();
    (lines, code)
}

/// What `concord ARGS` writes to a pseudo-terminal of [`COLUMNS`] columns
/// whose `TERM` is `term`, as it is written, and the exit code.
fn raw_on_a_terminal(dir: &Path, args: &[&str], term: &str) -> (String, u32) {
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 40,
            cols: COLUMNS,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("a pseudo-terminal");
    let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_concord"));
    command.args(args);
    command.cwd(dir);
    command.env_remove("COLUMNS");
    command.env_remove("NO_COLOR");
    command.env("TERM", term);
    let mut child = pty.slave.spawn_command(command).expect("concord starts");
    drop(pty.slave);
    let mut reader = pty.master.try_clone_reader().unwrap();
    let mut raw = Vec::new();
    // Linux ends the master's reads with EIO once the child has exited.
    let _ = reader.read_to_end(&mut raw);
    let status = child.wait().unwrap();
    (
        String::from_utf8_lossy(&raw).into_owned(),
        status.exit_code(),
    )
}

/// The number of conflicts `check` finds, from its JSON report.
fn conflicts(dir: &Path) -> usize {
    let out = Command::new(env!("CARGO_BIN_EXE_concord"))
        .args(["check", "--format", "json"])
        .current_dir(dir)
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == "conflict")
        .count()
}

fn assert_fits(dir: &Path, args: &[&str]) -> Vec<String> {
    let (lines, code) = on_a_terminal(dir, args);
    assert_eq!(code, 1, "{}", lines.join("\n"));
    let too_wide: Vec<(usize, &String)> = lines
        .iter()
        .filter(|l| l.width() > usize::from(COLUMNS))
        .map(|l| (l.width(), l))
        .collect();
    assert!(
        too_wide.is_empty(),
        "{} lines wider than {COLUMNS} columns: {too_wide:#?}",
        too_wide.len()
    );
    let headers = lines
        .iter()
        .filter(|l| l.trim() == "concord::conflict")
        .count();
    assert_eq!(headers, conflicts(dir), "{}", lines.join("\n"));
    assert!(
        !lines
            .iter()
            .any(|l| l.starts_with("Error:") || l.starts_with("Warning:")),
        "a repeated miette header:\n{}",
        lines.join("\n")
    );
    lines
}

#[test]
fn the_sample_set_fits_60_columns() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let lines = assert_fits(root, &["check", "--statistics"]);
    assert!(lines.iter().any(|l| l.starts_with("concord: 5 sources")));
    assert_fits(root, &["check", "--show", "agree", "--max-evidence", "0"]);
}

/// 65 outlets with long names (some in wide characters), each a document
/// with a long paragraph: most say talks will be held, every thirteenth
/// says there are no plans, and each gives a number of ships.
fn many_outlets(dir: &Path) {
    std::fs::create_dir_all(dir.join("docs")).unwrap();
    std::fs::create_dir_all(dir.join("rules")).unwrap();
    let mut manifest = String::new();
    for i in 0..65 {
        let says = if i % 13 == 5 {
            "There are no plans for talks with the union, the ministry said."
        } else {
            "The ministry will hold talks with the union on Friday, officials said."
        };
        let ships = 10 + i % 4;
        let text = format!(
            "Port news {i}\n\n{says} Some {ships} ships were waiting off the coast \
             while the harbour master, who has run the port for eleven years, \
             said the queue would clear by the weekend if the weather held.\n"
        );
        std::fs::write(dir.join(format!("docs/outlet-{i:02}.txt")), text).unwrap();
        let outlet = if i % 10 == 3 {
            format!("東京湾岸新聞 第{i}号")
        } else {
            format!("The Regional Harbour Gazette and Shipping News, edition {i}")
        };
        manifest.push_str(&format!(
            "[[source]]\nfile = \"outlet-{i:02}.txt\"\noutlet = \"{outlet}\"\npublished = 2025-04-04\n\n"
        ));
    }
    std::fs::write(dir.join("docs/sources.toml"), manifest).unwrap();
    std::fs::write(
        dir.join("rules/port.toml"),
        r#"[[claim]]
id = "talks-with-the-union-planned-for-the-end-of-the-week"
question = "Were talks with the dock workers' union planned for the end of that week, as officials said?"
[claim.stances]
yes = ['will hold talks']
no = ['no plans for talks']

[[fact]]
id = "ships-waiting"
question = "How many ships were waiting?"
type = "number"
pattern = 'some (?P<value>\d+) ships'
"#,
    )
    .unwrap();
    std::fs::write(
        dir.join("concord.toml"),
        "sources = [\"docs\"]\nrules = [\"rules\"]\n",
    )
    .unwrap();
}

#[test]
fn sixty_five_outlets_fit_60_columns() {
    let dir = tempfile::tempdir().unwrap();
    many_outlets(dir.path());
    let lines = assert_fits(dir.path(), &["check", "--statistics"]);
    let more = lines
        .iter()
        .filter(|l| l.contains("(--max-evidence 0 shows all)"));
    assert_eq!(more.count(), 2, "{}", lines.join("\n"));
    // Evidence for both stances is shown, the five dissenters among it.
    let dissent = |l: &&String| l.contains("╰── no — ") || l.contains("╰─┤ no — ");
    assert_eq!(
        lines.iter().filter(dissent).count(),
        5,
        "{}",
        lines.join("\n")
    );
    assert_fits(dir.path(), &["check", "--max-evidence", "0"]);
}

#[test]
fn a_dumb_terminal_gets_no_colors() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let colour = Regex::new(r"\x1b\[[0-9;]*m").unwrap();
    let (colored, _) = raw_on_a_terminal(root, &["check", "--quiet"], "xterm-256color");
    assert!(
        colour.is_match(&colored),
        "colors on a terminal:\n{colored}"
    );
    let (plain, code) = raw_on_a_terminal(root, &["check", "--quiet"], "dumb");
    assert_eq!(code, 1);
    assert!(plain.contains("concord::conflict"), "{plain}");
    assert!(!colour.is_match(&plain), "colors under TERM=dumb:\n{plain}");
}
