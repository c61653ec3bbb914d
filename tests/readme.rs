//! The README's promises about itself: it opens with the two set-up
//! commands, says why the first exits 1 (and it does), documents every
//! command and the install steps, and links nowhere outside the repository.

use std::path::Path;

mod common;
use common::{concord, root};

fn readme() -> String {
    std::fs::read_to_string(root().join("README.md")).unwrap()
}

#[test]
fn it_opens_with_the_two_commands_and_the_first_exits_1_on_purpose() {
    let text = readme();
    assert!(
        text.starts_with("# concord\n\n```sh\ncargo run --release -- check\ncargo test\n```\n"),
        "the README no longer opens with the two set-up commands"
    );
    assert!(text.contains("exits with status 1 on purpose: the samples conflict"));
    let out = concord(&root(), &["check", "--quiet"]);
    assert_eq!(out.status.code(), Some(1), "the samples no longer conflict");
}

#[test]
fn the_commands_table_and_install_section_name_every_command() {
    let text = readme();
    for line in [
        "| `concord init [DIR]`",
        "| `concord check --select GLOB --ignore GLOB`",
        "| `concord explain CODE`",
        "| `concord completions bash",
        "| `concord man [--dir DIR]`",
        "cargo install --path .",
        "concord completions zsh",
        "concord man --dir",
    ] {
        assert!(text.contains(line), "README lacks {line:?}");
    }
}

/// Markdown links and images whose target is a URL or leaves the repository.
fn outside_links(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let mut rest = line;
        while let Some(at) = rest.find("](") {
            let target: String = rest[at + 2..].chars().take_while(|c| *c != ')').collect();
            let outside = target.contains("://")
                || target.starts_with("..")
                || (!target.starts_with('#') && !root().join(Path::new(&target)).exists());
            if outside {
                found.push(format!("{}: {target}", n + 1));
            }
            rest = &rest[at + 2..];
        }
    }
    found
}

#[test]
fn no_document_links_outside_the_repository() {
    for doc in [
        "README.md",
        "docs/reference.md",
        "ARCHITECTURE.md",
        "CHANGELOG.md",
    ] {
        let text = std::fs::read_to_string(root().join(doc)).unwrap();
        assert_eq!(outside_links(&text), Vec::<String>::new(), "{doc}");
    }
    assert_eq!(outside_links("[x](https://example.org)").len(), 1);
    assert_eq!(outside_links("[x](../shared/STYLE.md)").len(), 1);
    assert!(outside_links("[x](docs/reference.md)").is_empty());
}
