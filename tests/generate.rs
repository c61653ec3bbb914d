//! `concord completions SHELL` and `concord man`: generated from the clap
//! definition, so they name every command and the flags added with them.

use std::process::Output;

mod common;
use common::{concord, root};

fn run(args: &[&str]) -> Output {
    let out = concord(&root(), args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

const COMMANDS: [&str; 8] = [
    "check",
    "test",
    "quotes",
    "explain",
    "baseline",
    "init",
    "completions",
    "man",
];

#[test]
fn every_shell_completes_every_command_and_the_new_flags() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let script = String::from_utf8(run(&["completions", shell]).stdout).unwrap();
        for word in COMMANDS
            .iter()
            .chain(&["--select", "--ignore", "--force", "--list"])
        {
            let bare = word.trim_start_matches('-');
            assert!(script.contains(bare), "{shell} completion lacks {word}");
        }
    }
    let bash = String::from_utf8(run(&["completions", "bash"]).stdout).unwrap();
    assert!(bash.contains("complete -F _concord"), "{bash}");
    assert!(bash.contains("--select"), "bash lacks --select");
}

#[test]
fn an_unknown_shell_is_refused_by_name() {
    let out = concord(&root(), &["completions", "tcsh"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bash") && err.contains("powershell"), "{err}");
}

#[test]
fn the_man_page_names_every_command_and_the_global_flags() {
    let page = String::from_utf8(run(&["man"]).stdout).unwrap();
    assert!(page.starts_with(".ie"), "not roff: {page}");
    assert!(page.contains(".TH concord 1"), "{page}");
    assert!(
        page.contains(env!("CARGO_PKG_VERSION")),
        "no version: {page}"
    );
    for command in COMMANDS {
        assert!(page.contains(command), "man page lacks {command}");
    }
    assert!(page.contains("\\-\\-config"), "{page}");
    assert!(
        !page.contains("\n.TP\nconcord\\-help"),
        "clap's help pseudo-command"
    );
}

#[test]
fn man_dir_writes_a_page_per_command_with_its_flags() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("man1");
    let out = run(&["man", "--dir", target.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("9 man pages written"));
    let check = std::fs::read_to_string(target.join("concord-check.1")).unwrap();
    for flag in ["select", "ignore", "baseline", "fail\\-on"] {
        assert!(
            check.contains(&format!("\\-\\-{flag}")),
            "concord-check.1 lacks --{flag}"
        );
    }
    let init = std::fs::read_to_string(target.join("concord-init.1")).unwrap();
    assert!(init.contains("\\-\\-force"), "{init}");
    for command in COMMANDS {
        assert!(
            target.join(format!("concord-{command}.1")).is_file(),
            "{command}"
        );
    }
    assert!(!target.join("concord-help.1").exists());
}
