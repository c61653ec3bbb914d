//! Quotation tokens: the words of a quotation as they are compared, with the
//! gaps (`…`, `[…]`) and editorial insertions (`[Putin]`) that stand for
//! words, and the punctuation after each word (typography lives there).

use std::ops::Range;

use super::words::word_end;

/// A word of a quotation, as compared.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    /// Lower-cased, typographic apostrophes and dashes straightened.
    pub norm: String,
    /// As written.
    pub raw: String,
    pub kind: TokenKind,
    /// Byte range in the text tokenized.
    pub at: Range<usize>,
    /// Punctuation between this token and the next, spaces dropped
    /// (typography: "No," and "No —" differ only here).
    pub tail: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    /// `…`, `...`, `[…]`: words left out, matching whatever they stand for.
    Gap,
    /// `[Putin]`: an editor's insertion, matching what it stands for.
    Editorial,
}

/// Splits quotation text into tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == '…' || (c == '.' && text[i..].starts_with("...")) {
            if c == '.' {
                chars.next();
                chars.next();
            }
            let len = if c == '.' { 3 } else { c.len_utf8() };
            tokens.push(Token {
                norm: "…".into(),
                raw: "…".into(),
                kind: TokenKind::Gap,
                at: i..i + len,
                tail: String::new(),
            });
        } else if c == '[' || c == '(' {
            let close = if c == '[' { ']' } else { ')' };
            let Some(len) = text[i..].find(close) else {
                continue;
            };
            let inner = text[i + 1..i + len].trim();
            let is_gap = inner.chars().all(|c| c == '.' || c == '…') && !inner.is_empty();
            if is_gap || c == '[' {
                let kind = if is_gap {
                    TokenKind::Gap
                } else {
                    TokenKind::Editorial
                };
                tokens.push(Token {
                    norm: normalize(inner),
                    raw: text[i..i + len + 1].to_string(),
                    kind,
                    at: i..i + len + 1,
                    tail: String::new(),
                });
                while chars.peek().is_some_and(|&(j, _)| j <= i + len) {
                    chars.next();
                }
            }
        } else if c.is_alphanumeric() {
            let end = word_end(text, i);
            while chars.peek().is_some_and(|&(j, _)| j < end) {
                chars.next();
            }
            let raw = &text[i..end];
            tokens.push(Token {
                norm: normalize(raw),
                raw: raw.to_string(),
                kind: TokenKind::Word,
                at: i..end,
                tail: String::new(),
            });
        }
    }
    // What stands between one token and the next is its tail.
    let ends: Vec<usize> = tokens
        .iter()
        .skip(1)
        .map(|t| t.at.start)
        .chain([text.len()])
        .collect();
    for (token, next) in tokens.iter_mut().zip(ends) {
        let between = text.get(token.at.end..next).unwrap_or_default();
        token.tail = between.chars().filter(|c| !c.is_whitespace()).collect();
    }
    tokens
}

fn normalize(word: &str) -> String {
    word.to_lowercase()
        .replace(['’', '‘'], "'")
        .replace(['‑', '–', '—'], "-")
        .replace(super::visible::ignorable, "")
}

/// Tokens of a quotation's pieces, with `at` as byte ranges in `source`.
pub fn tokenize_pieces(source: &str, pieces: &[Range<usize>]) -> Vec<Token> {
    pieces
        .iter()
        .flat_map(|piece| {
            tokenize(&source[piece.clone()])
                .into_iter()
                .map(move |mut t| {
                    t.at = piece.start + t.at.start..piece.start + t.at.end;
                    t
                })
        })
        .collect()
}

/// Number of words (not gaps or insertions).
pub fn word_count(tokens: &[Token]) -> usize {
    tokens.iter().filter(|t| t.kind == TokenKind::Word).count()
}
