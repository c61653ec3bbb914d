//! The one gate between text from documents and a reader's terminal (or a
//! CI runner reading the log). Every human-facing output passes through
//! [`safe`] before it is written:
//!
//! - control characters (C0 but newline and tab, DEL, C1, carriage return)
//!   and the characters that reorder or hide text (bidi embeddings,
//!   overrides and isolates, "Trojan Source", CVE-2021-42574; zero-width
//!   marks; line and paragraph separators) are shown as `\u{202e}` (a byte
//!   order mark, which reorders nothing, is left alone);
//! - an escape sequence is kept only when it is a colour change of the kinds
//!   concord's own renderers emit (SGR with colour and weight parameters), so
//!   a document cannot clear the screen, set the window title, start an
//!   operating-system command or conceal the rest of the report;
//! - a line that would begin with `::` (a GitHub Actions workflow command)
//!   has its first colon shown as `\u{3a}`, so no text a document supplies
//!   can forge an annotation.
//!
//! Machine formats (JSON, SARIF, `--format github`) are not passed through
//! here: their own encoders escape what they carry.

use crate::text::visible::{escape, hidden};

/// `text`, safe to print on a terminal or in a CI log.
pub fn safe(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c == '\u{1b}' {
            if let Some(len) = colour_sequence(rest) {
                out.push_str(&rest[..len]);
                rest = &rest[len..];
                continue;
            }
        }
        if hidden(c) {
            escape(c, &mut out);
        } else {
            out.push(c);
        }
        rest = &rest[c.len_utf8()..];
    }
    no_workflow_commands(out)
}

/// The length of the SGR colour sequence at the start of `text`, when it is
/// one concord's renderers emit: `ESC [ params m` with parameters for reset,
/// weight, italics, underline, and the 8, 16, 256 and RGB colours.
fn colour_sequence(text: &str) -> Option<usize> {
    let body = text.strip_prefix("\u{1b}[")?;
    let end = body.find(|c: char| !(c.is_ascii_digit() || c == ';'))?;
    if !body[end..].starts_with('m') || end > 32 {
        return None;
    }
    let params: Vec<u32> = body[..end]
        .split(';')
        .map(|p| {
            if p.is_empty() {
                Some(0)
            } else {
                p.parse().ok()
            }
        })
        .collect::<Option<_>>()?;
    let mut i = 0;
    while i < params.len() {
        match params[i] {
            0..=4 | 22..=24 | 30..=37 | 39 | 40..=47 | 49 | 90..=97 | 100..=107 => i += 1,
            // 38;5;n and 48;5;n, 38;2;r;g;b and 48;2;r;g;b
            38 | 48 => match params.get(i + 1) {
                Some(5) if params.get(i + 2).is_some_and(|&n| n < 256) => i += 3,
                Some(2)
                    if params
                        .get(i + 2..i + 5)
                        .is_some_and(|rgb| rgb.iter().all(|&n| n < 256)) =>
                {
                    i += 5;
                }
                _ => return None,
            },
            _ => return None,
        }
    }
    Some(2 + end + 1)
}

/// Escapes the first colon of every line that would begin (after spaces) with `::`.
fn no_workflow_commands(text: String) -> String {
    let starts = |line: &str| line.trim_start().starts_with("::");
    if !starts(&text) && !text.contains("\n::") && !text.lines().any(starts) {
        return text;
    }
    let mut out = String::with_capacity(text.len() + 16);
    for line in text.split_inclusive('\n') {
        if starts(line) {
            let at = line.len() - line.trim_start().len();
            out.push_str(&line[..at]);
            out.push_str("\\u{3a}");
            out.push_str(&line[at + 1..]);
        } else {
            out.push_str(line);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_bidi_are_shown_and_colours_kept() {
        let text = "a\u{1b}[31mred\u{1b}[0m \u{1b}]0;title\u{7} \u{1b}[2J \u{1b}[8mhidden \
                    \u{202e}evil\u{2066} tab\tok\r\n";
        assert_eq!(
            safe(text),
            "a\u{1b}[31mred\u{1b}[0m \\u{1b}]0;title\\u{7} \\u{1b}[2J \\u{1b}[8mhidden \
             \\u{202e}evil\\u{2066} tab\tok\\u{d}\n"
        );
    }

    #[test]
    fn no_line_starts_a_workflow_command() {
        let text =
            "Outlet: Evil\n::error file=README.md,line=1::forged\n  ::warning::x\nfine :: here";
        let shown = safe(text);
        assert!(
            shown.lines().all(|l| !l.trim_start().starts_with("::")),
            "{shown}"
        );
        assert!(shown.contains("\\u{3a}:error file=README.md"));
        assert!(shown.ends_with("fine :: here"));
    }

    #[test]
    fn every_control_and_bidi_code_point_is_neutralised() {
        let all = (0..=0x10ffffu32)
            .filter_map(char::from_u32)
            .filter(|&c| hidden(c) || c == '\u{1b}');
        for c in all {
            let shown = safe(&format!("x{c}y"));
            assert!(
                !shown.chars().any(hidden),
                "{:x} passed: {shown:?}",
                u32::from(c)
            );
        }
    }
}
