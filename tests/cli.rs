//! CLI tests as data: each `tests/cmd/NAME.toml` runs `concord` in a fixture
//! folder and compares exit code, stdout and stderr with the files beside it.
//! `tests/bad-input/NAME.toml` runs in `NAME.in/`: one unusable or odd input
//! each, with the exit code and diagnostic it must give.
//! Regenerate after a deliberate change with `TRYCMD=overwrite cargo test
//! --test cli`, then read the diff.

#[test]
fn cli() {
    trycmd::TestCases::new()
        .env("COLUMNS", "100")
        .env("NO_COLOR", "1")
        .case("tests/cmd/*.toml")
        .case("tests/bad-input/*.toml");
}
