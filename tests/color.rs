//! Colors follow `--color` and, under `auto`, the terminal and NO_COLOR.
//! Test output is never a terminal, so `auto` must be plain here.

use std::process::Command;

fn report(args: &[&str], no_color: Option<&str>) -> String {
    let mut command = Command::new(env!("CARGO_BIN_EXE_concord"));
    command.args(args).current_dir(format!(
        "{}/tests/fixtures/strike",
        env!("CARGO_MANIFEST_DIR")
    ));
    match no_color {
        Some(value) => command.env("NO_COLOR", value),
        None => command.env_remove("NO_COLOR"),
    };
    let output = command.output().unwrap();
    String::from_utf8(output.stdout).unwrap()
}

const ESC: char = '\u{1b}';

#[test]
fn always_colors_even_off_a_terminal_and_under_no_color() {
    assert!(report(&["check", "--color", "always"], None).contains(ESC));
    assert!(report(&["check", "--color", "always"], Some("1")).contains(ESC));
}

#[test]
fn never_and_auto_off_a_terminal_are_plain() {
    assert!(!report(&["check", "--color", "never"], None).contains(ESC));
    assert!(!report(&["check"], None).contains(ESC));
    assert!(!report(&["check", "--color", "auto"], Some("1")).contains(ESC));
}
