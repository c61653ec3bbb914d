//! Word diffs: their runs ([`runs`], which the HTML report draws too), and
//! as text, removed words in `[-…-]`, added ones in `{+…+}`, red and green
//! when colors are on.

use crate::finding::DiffOp;

const RED: &str = "\u{1b}[31m";
const GREEN: &str = "\u{1b}[32m";
const RESET: &str = "\u{1b}[0m";

/// One stretch of a word diff: a word both share, or the words removed and
/// added between two shared ones (removed first).
pub(super) enum Run<'d> {
    Same(&'d str),
    Removed(Vec<&'d str>),
    Added(Vec<&'d str>),
}

/// The diff as runs: each changed stretch's removed words, then its added ones.
pub(super) fn runs(diff: &[DiffOp]) -> Vec<Run<'_>> {
    let mut out = Vec::new();
    let (mut removed, mut added): (Vec<&str>, Vec<&str>) = (Vec::new(), Vec::new());
    fn flush<'d>(out: &mut Vec<Run<'d>>, removed: &mut Vec<&'d str>, added: &mut Vec<&'d str>) {
        if !removed.is_empty() {
            out.push(Run::Removed(std::mem::take(removed)));
        }
        if !added.is_empty() {
            out.push(Run::Added(std::mem::take(added)));
        }
    }
    for op in diff {
        match op {
            DiffOp::Same(word) => {
                flush(&mut out, &mut removed, &mut added);
                out.push(Run::Same(word));
            }
            DiffOp::Removed(word) => removed.push(word),
            DiffOp::Added(word) => added.push(word),
        }
    }
    flush(&mut out, &mut removed, &mut added);
    out
}

/// "nothing in the schedule [-for now-] {+yet+}".
pub(super) fn markup(diff: &[DiffOp], color: bool) -> String {
    let (red, green, reset) = if color {
        (RED, GREEN, RESET)
    } else {
        ("", "", "")
    };
    runs(diff)
        .into_iter()
        .map(|run| match run {
            Run::Same(word) => word.to_string(),
            Run::Removed(words) => format!("{red}[-{}-]{reset}", words.join(" ")),
            Run::Added(words) => format!("{green}{{+{}+}}{reset}", words.join(" ")),
        })
        .collect::<Vec<_>>()
        .join(" ")
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
