//! `concord init`: a new project passes `concord test` and `concord check`
//! at once, its example rules find a conflict as soon as two documents
//! disagree, and nothing the user has is ever written over without
//! `--force` (and sources/ not even then).

use std::fs;
use std::path::Path;

#[allow(dead_code)]
mod common;
use common::concord;

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn a_new_project_passes_test_and_check_and_says_what_to_do_next() {
    let dir = tempfile::tempdir().unwrap();
    let out = concord(dir.path(), &["init", "news"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let project = dir.path().join("news");
    for file in ["concord.toml", "rules/example.toml", "sources/sources.toml"] {
        assert!(project.join(file).is_file(), "{file} not written");
    }
    let text = stdout(&out);
    for step in [
        "1. cd news",
        "sources/",
        "`concord test`",
        "`concord check`",
    ] {
        assert!(text.contains(step), "next steps lack {step:?}:\n{text}");
    }

    let test = concord(&project, &["test"]);
    assert_eq!(
        test.status.code(),
        Some(0),
        "{}{}",
        stdout(&test),
        stderr(&test)
    );
    assert!(
        stdout(&test).contains("examples: 6 passed, 0 failed"),
        "{}",
        stdout(&test)
    );

    let check = concord(&project, &["check"]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    assert!(
        stdout(&check).contains("0 sources, 2 rules"),
        "{}",
        stdout(&check)
    );
}

#[test]
fn the_example_rules_find_a_conflict_between_two_documents() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert!(concord(d, &["init"]).status.success());
    fs::write(
        d.join("sources/courier.txt"),
        "The union called off the strike on Monday, its leader Ana Ruiz said.\n",
    )
    .unwrap();
    fs::write(
        d.join("sources/herald.txt"),
        "Dock workers remain on strike, Mara Lind told reporters.\n",
    )
    .unwrap();
    let out = concord(d, &["check", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let findings = json["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "{json}");
    assert_eq!(findings[0]["rule"], "strike-over");
    assert_eq!(findings[0]["kind"], "conflict");
}

fn files_below(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let name = path.strip_prefix(dir).unwrap().display().to_string();
                files.push((name, fs::read(&path).unwrap()));
            }
        }
    }
    files.sort();
    files
}

#[test]
fn an_existing_file_is_never_written_over_and_nothing_else_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::create_dir(d.join("rules")).unwrap();
    fs::write(d.join("rules/example.toml"), "# mine\n").unwrap();
    let before = files_below(d);
    let out = concord(d, &["init"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("`rules/example.toml` exists already"),
        "{}",
        stderr(&out)
    );
    assert_eq!(files_below(d), before, "a refused init wrote something");
}

#[test]
fn force_replaces_concords_files_but_never_touches_sources() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(d.join("concord.toml"), "# old\n").unwrap();
    fs::create_dir(d.join("sources")).unwrap();
    fs::write(d.join("sources/sources.toml"), "# my metadata\n").unwrap();
    fs::write(d.join("sources/a.txt"), "A report.\n").unwrap();
    let out = concord(d, &["init", "--force"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("Replaced concord.toml"), "{text}");
    assert!(text.contains("Wrote rules/example.toml"), "{text}");
    assert!(text.contains("Kept sources/ as it is"), "{text}");
    assert!(
        !text.contains("cd "),
        "no cd step for the current folder: {text}"
    );
    let config = fs::read_to_string(d.join("concord.toml")).unwrap();
    assert!(config.contains("sources = [\"sources\"]"), "{config}");
    assert_eq!(
        fs::read_to_string(d.join("sources/sources.toml")).unwrap(),
        "# my metadata\n"
    );
}

#[test]
fn a_folder_where_the_config_should_be_is_an_error_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::create_dir(d.join("concord.toml")).unwrap();
    let out = concord(d, &["init", "--force"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("cannot write `concord.toml`"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn every_key_the_config_template_comments_out_is_a_valid_key() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert!(concord(d, &["init"]).status.success());
    let template = fs::read_to_string(d.join("concord.toml")).unwrap();
    // Uncomment the lines that are TOML (keys, tables), not prose.
    let uncommented: String = template
        .lines()
        .map(|line| match line.strip_prefix("# ") {
            Some(rest) if rest.starts_with(['[', '"']) || rest.contains(" = ") => rest,
            _ => line,
        })
        .map(|line| format!("{line}\n"))
        .collect();
    assert!(uncommented.contains("\n[severity]\n"), "{uncommented}");
    assert!(uncommented.contains("\n[[accept]]\n"), "{uncommented}");
    assert!(uncommented.contains("\nbaseline = "), "{uncommented}");
    assert!(uncommented.contains("\n[links]\n"), "{uncommented}");
    fs::write(d.join("concord.toml"), &uncommented).unwrap();
    // the configured baseline must exist: `concord baseline` writes it there
    let recorded = concord(d, &["baseline"]);
    assert_eq!(recorded.status.code(), Some(0), "{}", stderr(&recorded));
    assert!(d.join("concord-baseline.json").is_file());
    let out = concord(d, &["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}
