//! Line starts of a text, for turning byte offsets into lines and columns and
//! back. Built once per file; every lookup is a binary search.

/// The byte offset at which each line of a text starts (the first is 0).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { starts }
    }

    /// The 0-based line holding byte `offset` (an offset just past a line
    /// feed is on the next line).
    pub fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&start| start <= offset) - 1
    }

    /// The byte offset where 0-based `line` starts (the text's end past the last).
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.starts.get(line).copied()
    }

    /// 1-based line and column of byte `offset` in `text`, the column counted
    /// in characters as editors count them (a BOM is not a column).
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let line = self.line(offset);
        let before = &text[self.starts[line]..offset];
        let column = before.trim_start_matches('\u{feff}').chars().count() + 1;
        (line + 1, column)
    }

    /// The byte offset of a 1-based line and 1-based byte column (as JSON
    /// and TOML parsers report them), clamped to `text` and to a character
    /// boundary.
    pub fn offset(&self, text: &str, line: usize, column: usize) -> usize {
        let start = self
            .line_start(line.saturating_sub(1))
            .unwrap_or(text.len());
        let mut at = (start + column.saturating_sub(1)).min(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        at
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_columns_and_offsets_round_trip() {
        let text = "\u{feff}ab\nçd\n\nlast";
        let index = LineIndex::new(text);
        assert_eq!(index.line_col(text, 3), (1, 1));
        assert_eq!(index.line_col(text, text.find('d').unwrap()), (2, 2));
        assert_eq!(index.line(text.find("last").unwrap()), 3);
        assert_eq!(index.offset(text, 4, 1), text.find("last").unwrap());
        // past the end, and inside a character, clamp
        assert_eq!(index.offset(text, 9, 1), text.len());
        assert_eq!(index.offset(text, 2, 2), text.find('ç').unwrap());
    }
}
