//! On a real terminal: stdout and stderr are ttys, so colors are on and the
//! progress bar draws from its own thread. Regression: `main` once held the
//! stderr lock for the whole run, and `check` deadlocked on any terminal.
//! Runs concord under a pseudo-terminal made by `script` (util-linux).

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[test]
fn check_finishes_on_a_terminal_with_colors() {
    let bin = env!("CARGO_BIN_EXE_concord");
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/ci");
    let mut child = Command::new("script")
        .args(["-qec", &format!("{bin} check --fail-on never"), "/dev/null"])
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .env("COLUMNS", "100")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("`script` (util-linux) runs concord under a pseudo-terminal");
    let deadline = Instant::now() + Duration::from_secs(60);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            child.kill().unwrap();
            panic!("concord check did not finish on a terminal within a minute: deadlocked?");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let out = child.wait_with_output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.contains('\u{1b}'), "no colors on a terminal");
    assert!(text.contains("concord: 3 sources"), "{text}");
}
