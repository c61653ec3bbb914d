//! Words with byte spans, and the punctuation between them, which the
//! attribution and negation heuristics read to find clause edges.

use std::borrow::Cow;
use std::ops::Range;

use super::visible::ignorable;

#[derive(Debug, Clone, Copy)]
pub(crate) struct Word<'t> {
    pub(crate) text: &'t str,
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// The text between the previous word (or the range start) and this one.
    pub(crate) gap: &'t str,
}

impl<'t> Word<'t> {
    /// The word lower case, with a straight apostrophe and no invisible
    /// code points: one allocation, read for every word of every document.
    /// (Borrowed when the word is already lower case ASCII, as most are.)
    pub(crate) fn lower(&self) -> Cow<'t, str> {
        if self.text.is_ascii() {
            if !self.text.bytes().any(|b| b.is_ascii_uppercase()) {
                return Cow::Borrowed(self.text);
            }
            return Cow::Owned(self.text.to_ascii_lowercase());
        }
        // (A final sigma lower-cases by its place in the word: `str` knows.)
        if self.text.contains('Σ') {
            return Cow::Owned(
                self.text
                    .to_lowercase()
                    .replace('’', "'")
                    .replace(ignorable, ""),
            );
        }
        let mut lower = String::with_capacity(self.text.len());
        for c in self.text.chars() {
            match c {
                '’' => lower.push('\''),
                c if ignorable(c) => {}
                c => lower.extend(c.to_lowercase()),
            }
        }
        Cow::Owned(lower)
    }

    /// Opens with a capital, or with an Arabic article before one
    /// ("al-Harithi", "el-Sayed"): how a name is written.
    pub(crate) fn is_capitalized(&self) -> bool {
        let text = ["al-", "el-", "ad-", "ar-", "as-", "ash-", "at-", "az-"]
            .iter()
            .find_map(|article| self.text.strip_prefix(article))
            .unwrap_or(self.text);
        text.chars().next().is_some_and(char::is_uppercase)
    }

    /// True when nothing but spaces and Markdown link brackets separate this
    /// word from the previous one ("the Kremlin [said](#)").
    pub(crate) fn joined(&self) -> bool {
        // A plural possessive joins too: "the Students’ Union".
        let gap = self
            .gap
            .strip_prefix(['’', '\''])
            .filter(|rest| rest.starts_with(' '))
            .unwrap_or(self.gap);
        gap.chars()
            .all(|c| c.is_whitespace() || matches!(c, '[' | ']' | '*' | '_'))
    }

    pub(crate) fn span(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// Where the word starting at byte `start` of `text` ends: letters and
/// digits, with an inner `'` `’` `.` `-` `‑` `_` kept when a letter or digit
/// follows it ("U.S", "Trump’s", "30-day", "jdoe_77"). The one definition of a word that
/// attribution, negation and quotation alignment share.
pub(crate) fn word_end(text: &str, start: usize) -> usize {
    let mut end = start;
    for (i, c) in text[start..].char_indices() {
        let at = start + i;
        if c.is_alphanumeric() {
            end = at + c.len_utf8();
        } else if end == at
            && end > start
            && matches!(c, '\'' | '’' | '.' | '-' | '‑' | '_')
            && text[at + c.len_utf8()..].starts_with(char::is_alphanumeric)
        {
            continue;
        } else if ignorable(c)
            && end > start
            && text[at + c.len_utf8()..]
                .trim_start_matches(ignorable)
                .starts_with(char::is_alphanumeric)
        {
            // An invisible code point inside a word ("pl\u{200b}ans") does
            // not split it.
            continue;
        } else {
            break;
        }
    }
    end
}

/// Words of `text[range]`: letters and digits, with inner `'` `’` `.` `-`
/// kept ("U.S", "Trump’s", "30-day"). Spans are offsets into `text`.
pub(crate) fn words(text: &str, range: Range<usize>) -> Vec<Word<'_>> {
    let slice = &text[range.clone()];
    let mut out = Vec::new();
    let mut prev_end = 0;
    let mut chars = slice.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !c.is_alphanumeric() {
            continue;
        }
        let end = word_end(slice, i);
        while chars.peek().is_some_and(|&(j, _)| j < end) {
            chars.next();
        }
        out.push(Word {
            text: &slice[i..end],
            start: range.start + i,
            end: range.start + end,
            gap: &slice[prev_end..i],
        });
        prev_end = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_inner_marks() {
        let text = "The U.S.-proposed 30-day truce, Trump’s [said](#).";
        let w: Vec<&str> = words(text, 0..text.len()).iter().map(|w| w.text).collect();
        assert_eq!(
            w,
            [
                "The",
                "U.S",
                "proposed",
                "30-day",
                "truce",
                "Trump’s",
                "said"
            ]
        );
        let said = words(text, 0..text.len())[6];
        assert!(said.joined());
        assert_eq!(&text[said.span()], "said");
    }
}
