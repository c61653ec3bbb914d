//! The CI recipes in `docs/ci/` (shown in README.md) must keep working: the
//! workflow parses as YAML, every `concord` command in it names real flags,
//! the README shows it verbatim, and the pre-commit hook passes and fails as
//! its comment says.

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
}

#[test]
fn the_readme_shows_the_recipes_verbatim() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    for recipe in ["docs/ci/concord.yml", "docs/ci/pre-commit"] {
        let text = std::fs::read_to_string(root().join(recipe)).unwrap();
        assert!(
            readme.contains(text.trim_end()),
            "README.md does not show {recipe} as it is"
        );
    }
}

fn hook(dir: &Path) -> Option<i32> {
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_concord"));
    let path = format!(
        "{}:{}",
        bin.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    Command::new("sh")
        .arg(root().join("docs/ci/pre-commit"))
        .current_dir(dir)
        .env("PATH", path)
        .output()
        .unwrap()
        .status
        .code()
}

#[test]
fn the_pre_commit_hook_blocks_error_level_findings_only() {
    // an error-level conflict: the commit is refused
    assert_eq!(hook(&root().join("tests/fixtures/ci")), Some(1));
    // warnings only: the commit goes through
    assert_eq!(hook(&root().join("tests/fixtures/quotes-set")), Some(0));
}
