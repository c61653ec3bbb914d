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

/// A default-ignorable code point (Unicode's `Default_Ignorable_Code_Point`):
/// drawn as nothing, so it can sit inside a word ("pl\u{200b}ans") and hide
/// it from a pattern without a reader seeing any difference.
pub fn ignorable(c: char) -> bool {
    matches!(
        c,
        '\u{00ad}'
            | '\u{034f}'
            | '\u{061c}'
            | '\u{115f}'..='\u{1160}'
            | '\u{17b4}'..='\u{17b5}'
            | '\u{180b}'..='\u{180f}'
            | '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{206f}'
            | '\u{3164}'
            | '\u{fe00}'..='\u{fe0f}'
            | '\u{feff}'
            | '\u{ffa0}'
            | '\u{fff0}'..='\u{fff8}'
            | '\u{1bca0}'..='\u{1bca3}'
            | '\u{1d173}'..='\u{1d17a}'
            | '\u{e0000}'..='\u{e0fff}'
    )
}

/// Text with its [`ignorable`] code points taken out, as patterns match it,
/// and the way back to the bytes on disk.
#[derive(Debug)]
pub struct Folded<'a> {
    pub text: std::borrow::Cow<'a, str>,
    /// For each byte of `text`, its offset in the original (`None`: nothing
    /// was taken out, offsets are the same).
    map: Option<Vec<usize>>,
}

impl<'a> Folded<'a> {
    pub fn new(original: &'a str) -> Folded<'a> {
        if !original.contains(ignorable) {
            return Folded {
                text: original.into(),
                map: None,
            };
        }
        let mut text = String::with_capacity(original.len());
        let mut map = Vec::with_capacity(original.len());
        for (at, c) in original.char_indices() {
            if !ignorable(c) {
                text.push(c);
                map.extend(at..at + c.len_utf8());
            }
        }
        Folded {
            text: text.into(),
            map: Some(map),
        }
    }

    /// The range of the original that `folded` (a range of `text`) covers,
    /// from its first character to the end of its last.
    pub fn original(&self, folded: std::ops::Range<usize>) -> std::ops::Range<usize> {
        let Some(map) = &self.map else {
            return folded;
        };
        let at = |i: usize| {
            map.get(i)
                .copied()
                .unwrap_or_else(|| map.last().map_or(0, |&l| l + 1))
        };
        if folded.is_empty() {
            let start = at(folded.start);
            return start..start;
        }
        at(folded.start)..at(folded.end - 1) + 1
    }
}

/// Where `text` hides an [`ignorable`] code point inside a word (between two
/// letters or digits): the byte offset of the first.
pub fn ignorable_inside_word(text: &str) -> Option<usize> {
    let mut previous: Option<char> = None;
    let mut pending: Option<usize> = None;
    for (at, c) in text.char_indices() {
        if ignorable(c) {
            if previous.is_some_and(char::is_alphanumeric) && pending.is_none() {
                pending = Some(at);
            }
            continue;
        }
        if c.is_alphanumeric() {
            if let Some(found) = pending {
                return Some(found);
            }
        }
        pending = None;
        previous = Some(c);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_maps_matches_back_to_the_bytes_on_disk() {
        let original = "no pl\u{200b}ans at\u{00ad}all";
        let folded = Folded::new(original);
        assert_eq!(folded.text, "no plans atall");
        let plans = folded.text.find("plans").unwrap();
        let back = folded.original(plans..plans + 5);
        assert_eq!(&original[back], "pl\u{200b}ans");
        let all = folded.text.find("all").unwrap();
        assert_eq!(&original[folded.original(all..all + 3)], "all");
        assert_eq!(folded.original(3..3), 3..3);
    }

    #[test]
    fn text_without_ignorables_is_borrowed() {
        let folded = Folded::new("no plans");
        assert!(matches!(folded.text, std::borrow::Cow::Borrowed(_)));
        assert_eq!(folded.original(3..8), 3..8);
    }

    #[test]
    fn only_ignorables_inside_words_are_reported() {
        assert_eq!(ignorable_inside_word("pl\u{200b}ans"), Some(2));
        assert_eq!(ignorable_inside_word("\u{feff}plans"), None);
        assert_eq!(ignorable_inside_word("plans\u{200b} now"), None);
        assert_eq!(ignorable_inside_word("co\u{00ad}\u{200d}op"), Some(2));
    }
}
