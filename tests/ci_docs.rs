//! The CI recipes in `docs/ci/` (shown in README.md) and the pre-commit hook
//! manifest must keep working: the workflow parses as YAML, pins the actions
//! GitHub supports and builds concord once per release; every `concord`
//! command in them names real flags; the README shows them verbatim;
//! `pre-commit validate-manifest` accepts the manifest; and the hooks pass
//! and fail as their comments say.

// A skipped check says so on stderr.
#![allow(clippy::print_stderr)]

use std::path::{Path, PathBuf};
use std::process::Command;

use clap::Parser;
use yaml_rust2::YamlLoader;

// The binary's argument definitions, compiled into this test to parse the
// workflow's command lines exactly as `concord` would.
#[allow(dead_code, unreachable_pub)]
#[path = "../src/bin/concord/cli.rs"]
mod cli;
use cli::Cli;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn the_workflow_parses_and_names_real_flags() {
    let text = std::fs::read_to_string(root().join("docs/ci/concord.yml")).unwrap();
    let docs = YamlLoader::load_from_str(&text).expect("the workflow is valid YAML");
    let steps = docs[0]["jobs"]["check"]["steps"]
        .as_vec()
        .expect("jobs.check.steps");
    let commands: Vec<&str> = steps
        .iter()
        .filter_map(|step| step["run"].as_str())
        .flat_map(str::lines)
        .filter(|line| line.trim_start().starts_with("concord "))
        .collect();
    assert!(!commands.is_empty(), "the workflow runs no concord command");
    for command in commands {
        let args: Vec<&str> = command.split_whitespace().collect();
        if let Err(err) = Cli::try_parse_from(&args) {
            panic!("`{command}` would fail: {err}");
        }
    }
    let upload = steps
        .iter()
        .find(|s| {
            s["uses"]
                .as_str()
                .is_some_and(|u| u.contains("upload-sarif"))
        })
        .unwrap();
    assert!(text.contains("--output sarif=concord.sarif"));
    assert_eq!(upload["with"]["sarif_file"].as_str(), Some("concord.sarif"));
    // v3 of the CodeQL actions is deprecated
    assert!(
        upload["uses"].as_str().unwrap().ends_with("@v4"),
        "{:?}",
        upload["uses"]
    );
    let permissions = &docs[0]["jobs"]["check"]["permissions"];
    assert_eq!(permissions["security-events"].as_str(), Some("write"));
    assert_eq!(permissions["actions"].as_str(), Some("read"));
    // concord is built from a checked-out source, once per commit of it
    let source = steps
        .iter()
        .find(|s| s["id"].as_str() == Some("concord-source"))
        .expect("a step checks out concord's source");
    let path = source["with"]["path"].as_str().unwrap();
    let install = steps
        .iter()
        .find(|s| s["name"].as_str() == Some("Install concord"))
        .unwrap();
    assert_eq!(
        install["run"].as_str(),
        Some(format!("cargo install --locked --path {path}").as_str())
    );
    let cache = steps
        .iter()
        .find(|s| {
            s["uses"]
                .as_str()
                .is_some_and(|u| u.starts_with("actions/cache@"))
        })
        .expect("the binary is cached");
    assert!(
        cache["with"]["key"]
            .as_str()
            .unwrap()
            .contains("steps.concord-source.outputs.commit")
    );
    assert!(install["if"].as_str().unwrap().contains("cache-hit"));
}

/// The hook manifest's one hook.
fn manifest_hook() -> yaml_rust2::Yaml {
    let text = std::fs::read_to_string(root().join(".pre-commit-hooks.yaml")).unwrap();
    let docs = YamlLoader::load_from_str(&text).expect("the manifest is valid YAML");
    docs[0][0].clone()
}

#[test]
fn the_pre_commit_manifest_is_valid_and_runs_real_flags() {
    let hook = manifest_hook();
    assert_eq!(hook["id"].as_str(), Some("concord"));
    let entry = hook["entry"].as_str().unwrap();
    let args: Vec<&str> = entry.split_whitespace().collect();
    if let Err(err) = Cli::try_parse_from(&args) {
        panic!("`{entry}` would fail: {err}");
    }
    // it runs when a document, rule file or the config is staged, never on other files
    let files = regex::Regex::new(hook["files"].as_str().unwrap()).unwrap();
    for staged in ["docs/a.txt", "notes.md", "rules/r.toml", "concord.toml"] {
        assert!(files.is_match(staged), "{staged}");
    }
    assert!(!files.is_match("photo.jpg"));
    assert_eq!(hook["pass_filenames"].as_bool(), Some(false));
    let validate = |path: &Path| {
        Command::new("pre-commit")
            .arg("validate-manifest")
            .arg(path)
            .output()
    };
    match validate(&root().join(".pre-commit-hooks.yaml")) {
        Ok(out) => {
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stdout)
            );
            // a control: pre-commit refuses a manifest without an entry
            let dir = tempfile::tempdir().unwrap();
            let broken = dir.path().join("hooks.yaml");
            std::fs::write(
                &broken,
                "- id: concord\n  name: concord\n  language: rust\n",
            )
            .unwrap();
            assert!(!validate(&broken).unwrap().status.success());
        }
        Err(_) => {
            assert!(
                std::env::var_os("CI").is_none(),
                "CI must install pre-commit (see .ci/run)"
            );
            eprintln!("skipped: pre-commit is not installed (pip install pre-commit)");
        }
    }
}

#[test]
fn the_readme_shows_the_recipes_verbatim() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    for recipe in [
        "docs/ci/concord.yml",
        "docs/ci/pre-commit",
        ".pre-commit-hooks.yaml",
    ] {
        let text = std::fs::read_to_string(root().join(recipe)).unwrap();
        assert!(
            readme.contains(text.trim_end()),
            "README.md does not show {recipe} as it is"
        );
    }
}

/// The built concord first on PATH.
fn path_with_concord() -> String {
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_concord"));
    format!(
        "{}:{}",
        bin.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    )
}

fn hook(dir: &Path) -> Option<i32> {
    Command::new("sh")
        .arg(root().join("docs/ci/pre-commit"))
        .current_dir(dir)
        .env("PATH", path_with_concord())
        .output()
        .unwrap()
        .status
        .code()
}

/// The manifest's entry run as pre-commit runs it (no file names passed).
fn manifest_entry(dir: &Path) -> std::process::Output {
    let hook = manifest_hook();
    Command::new("sh")
        .arg("-c")
        .arg(hook["entry"].as_str().unwrap())
        .current_dir(dir)
        .env("PATH", path_with_concord())
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

#[test]
fn the_pre_commit_hook_blocks_error_level_findings_only() {
    // an error-level conflict: the commit is refused
    assert_eq!(hook(&root().join("tests/fixtures/ci")), Some(1));
    // warnings only: the commit goes through
    assert_eq!(hook(&root().join("tests/fixtures/quotes-set")), Some(0));
    // the same for the pre-commit framework's hook, which says why it refuses
    let refused = manifest_entry(&root().join("tests/fixtures/ci"));
    assert_eq!(refused.status.code(), Some(1));
    let why = String::from_utf8_lossy(&refused.stdout);
    assert!(
        why.contains("bridge-reopens-september: sources disagree"),
        "{why}"
    );
    assert_eq!(
        manifest_entry(&root().join("tests/fixtures/quotes-set"))
            .status
            .code(),
        Some(0)
    );
}
