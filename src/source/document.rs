//! One source document: its text exactly as on disk (decoded), the part of it
//! that is prose (after the BOM and front matter), and line/column lookup.

use std::ops::Range;

use jiff::civil::Date;

use crate::diagnostic::SourceFile;

/// What a report says about a source besides its text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Metadata {
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub published: Option<Date>,
}

#[derive(Debug, Clone)]
pub struct Document {
    /// The file, named by its path as the user would type it.
    pub file: SourceFile,
    /// The source's identity in fingerprints: its path relative to the
    /// config's folder (or to the folder it was found in), whatever the
    /// working directory, so a baseline holds from any folder.
    pub id: String,
    /// How reports name the source: the outlet, else the file stem.
    pub outlet: String,
    pub url: Option<String>,
    pub published: Option<Date>,
    /// The prose: byte range of `file.text` after any BOM and front matter.
    pub body: Range<usize>,
}

impl Document {
    pub fn new(file: SourceFile, meta: Metadata, body: Range<usize>) -> Self {
        let outlet = meta.outlet.unwrap_or_else(|| stem(&file.name));
        Document {
            id: file.name.to_string(),
            file,
            outlet,
            url: meta.url,
            published: meta.published,
            body,
        }
    }

    pub fn text(&self) -> &str {
        &self.file.text
    }

    pub fn name(&self) -> &str {
        &self.file.name
    }

    /// 1-based line and column (in characters, as editors count them: a BOM
    /// is not a column) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        self.file.lines().line_col(self.text(), offset)
    }
}

fn stem(name: &str) -> String {
    let file = name.rsplit(['/', '\\']).next().unwrap_or(name);
    file.rsplit_once('.')
        .map_or(file, |(stem, _)| stem)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let file = SourceFile::new("a.txt", "ab\n“cd” e\n");
        let doc = Document::new(file, Metadata::default(), 0..13);
        assert_eq!(doc.line_col(0), (1, 1));
        assert_eq!(doc.line_col(3), (2, 1));
        let e = doc.text().find('e').unwrap();
        assert_eq!(doc.line_col(e), (2, 6));
        assert_eq!(doc.outlet, "a");
    }

    #[test]
    fn a_bom_is_not_a_column() {
        let file = SourceFile::new("b.txt", "\u{feff}abc");
        let doc = Document::new(file, Metadata::default(), 3..6);
        assert_eq!(doc.line_col(4), (1, 2));
    }
}
