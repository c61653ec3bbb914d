//! `concord explain` shows what a rule failed to catch: sentences that match
//! its `context` but none of its patterns are near misses.

use std::process::Command;

#[test]
fn explain_lists_near_misses_of_a_rules_context() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir(d.join("rules")).unwrap();
    std::fs::write(
        d.join("rules/quake.toml"),
        "[[fact]]\nid = \"quake-magnitude\"\ntype = \"number\"\ncontext = ['quake']\n\
         pattern = 'magnitude (of )?(?P<value>\\d\\.\\d)'\n",
    )
    .unwrap();
    std::fs::write(
        d.join("a.txt"),
        "The quake had a magnitude of 6.4, the survey said.\n\n\
         The quake measured 6.6 on the Richter scale.\n\n\
         Schools stayed shut on Wednesday.\n",
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_concord"))
        .args(["--color", "never", "explain", "quake-magnitude"])
        .current_dir(d)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.contains("“6.4” → 6.4"), "{text}");
    assert!(
        text.contains("a.txt:3:1  near miss (matches `context`, no pattern): “The quake measured 6.6 on the Richter scale.”"),
        "{text}"
    );
    assert_eq!(text.matches("near miss").count(), 1, "{text}");
}
