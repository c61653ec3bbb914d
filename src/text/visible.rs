//! Characters that act on a terminal or reorder what a reader sees, and
//! their visible form. The one definition the terminal gate (`report`) and
//! shown file names (`config`) share.

/// Would `c` act on the terminal, or change what a reader sees, rather than
/// show itself? Controls (but newline and tab), bidi embeddings, overrides
/// and isolates ("Trojan Source", CVE-2021-42574), zero-width marks, line
/// and paragraph separators. (A byte order mark reorders nothing.)
pub fn hidden(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(
            c,
            '\u{061c}' | '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{2060}'..='\u{2069}'
        )
}

/// How `c` is shown when it is [`hidden`]: `\u{202e}`.
pub fn escape(c: char, out: &mut String) {
    use std::fmt::Write;
    let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
}
