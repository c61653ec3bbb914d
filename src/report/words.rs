//! Words in text for people: counted nouns ("1 source", "2 sources", so no
//! report says "1 renderings"), and text cut to a number of columns.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// `n` and the noun in the form its number takes.
pub(super) fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A noun whose plural adds an `s`.
pub(super) fn counted(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// `text` in `width` display columns: cut with `…`, or padded with spaces.
pub(super) fn fit(text: &str, width: usize) -> String {
    let shown = text.width();
    if shown <= width {
        return format!("{text}{}", " ".repeat(width - shown));
    }
    let mut cut = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        cut.push(c);
        used += w;
    }
    format!("{cut}…{}", " ".repeat(width.saturating_sub(used + 1)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_is_singular_and_every_other_count_plural() {
        assert_eq!(counted(1, "rendering"), "1 rendering");
        assert_eq!(counted(0, "rendering"), "0 renderings");
        assert_eq!(counted(2, "holder"), "2 holders");
        assert_eq!(count(1, "piece", "pieces"), "1 piece");
        assert_eq!(count(990, "piece", "pieces"), "990 pieces");
    }

    #[test]
    fn text_is_cut_by_display_width() {
        assert_eq!(fit("8 years", 6), "8 yea…");
        assert_eq!(fit("漢字漢字", 5), "漢字…");
        assert_eq!(fit("no", 4), "no  ");
    }
}
