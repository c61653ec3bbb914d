//! Spans are byte offsets into each file as it is on disk (docs/reference.md,
//! "Documents"): checked on the strike fixture, which has a BOM, CRLF line ends
//! and front matter, by reading the bytes back and recounting lines.

use std::process::Command;

#[test]
fn json_spans_point_at_the_matched_bytes_on_disk() {
    let fixture = format!("{}/tests/fixtures/strike", env!("CARGO_MANIFEST_DIR"));
    let output = Command::new(env!("CARGO_BIN_EXE_concord"))
        .args(["check", "--format", "json", "--show", "agree"])
        .current_dir(&fixture)
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let mut checked = 0;
    for finding in report["findings"].as_array().unwrap() {
        for ev in finding["evidence"].as_array().unwrap() {
            let bytes =
                std::fs::read(format!("{fixture}/{}", ev["file"].as_str().unwrap())).unwrap();
            let (start, end) = (
                ev["span"]["start"].as_u64().unwrap() as usize,
                ev["span"]["end"].as_u64().unwrap() as usize,
            );
            let matched = std::str::from_utf8(&bytes[start..end]).unwrap();
            let excerpt = ev["excerpt"].as_str().unwrap();
            assert!(excerpt.contains(matched), "{matched:?} not in {excerpt:?}");
            let position = |offset: usize| {
                let before = std::str::from_utf8(&bytes[..offset]).unwrap();
                let line = before.matches('\n').count() + 1;
                let column = before
                    .rsplit('\n')
                    .next()
                    .unwrap()
                    .trim_start_matches('\u{feff}')
                    .chars()
                    .count()
                    + 1;
                (line, column)
            };
            let number = |key: &str| ev[key].as_u64().unwrap() as usize;
            assert_eq!((number("line"), number("column")), position(start));
            assert_eq!((number("end_line"), number("end_column")), position(end));
            checked += 1;
        }
    }
    assert!(checked >= 8, "only {checked} pieces of evidence checked");
}
