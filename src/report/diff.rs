//! Word diffs as text: runs of removed words in `[-…-]`, added ones in
//! `{+…+}`, red and green when colors are on. The one place a diff is drawn.

use crate::finding::DiffOp;

const RED: &str = "\u{1b}[31m";
const GREEN: &str = "\u{1b}[32m";
const RESET: &str = "\u{1b}[0m";

/// "nothing in the schedule [-for now-] {+yet+}".
pub(super) fn markup(diff: &[DiffOp], color: bool) -> String {
    let (red, green, reset) = if color {
        (RED, GREEN, RESET)
    } else {
        ("", "", "")
    };
    let mut out: Vec<String> = Vec::new();
    let (mut removed, mut added): (Vec<&str>, Vec<&str>) = (Vec::new(), Vec::new());
    let flush = |out: &mut Vec<String>, removed: &mut Vec<&str>, added: &mut Vec<&str>| {
        if !removed.is_empty() {
            out.push(format!("{red}[-{}-]{reset}", removed.join(" ")));
        }
        if !added.is_empty() {
            out.push(format!("{green}{{+{}+}}{reset}", added.join(" ")));
        }
        removed.clear();
        added.clear();
    };
    for op in diff {
        match op {
            DiffOp::Same(word) => {
                flush(&mut out, &mut removed, &mut added);
                out.push(word.clone());
            }
            DiffOp::Removed(word) => removed.push(word),
            DiffOp::Added(word) => added.push(word),
        }
    }
    flush(&mut out, &mut removed, &mut added);
    out.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_of_changes_are_grouped_and_colored() {
        let diff = [
            DiffOp::Same("nothing".into()),
            DiffOp::Removed("for".into()),
            DiffOp::Removed("now".into()),
            DiffOp::Added("yet".into()),
        ];
        assert_eq!(markup(&diff, false), "nothing [-for now-] {+yet+}");
        assert_eq!(
            markup(&diff, true),
            "nothing \u{1b}[31m[-for now-]\u{1b}[0m \u{1b}[32m{+yet+}\u{1b}[0m"
        );
    }
}
