//! Quotation tokens: the words of a quotation as they are compared, with the
//! gaps (`…`, `[…]`) and editorial insertions (`[Putin]`) that stand for
//! words, and the punctuation after each word (typography lives there).

use std::ops::Range;

use super::words::word_end;

/// A word of a quotation, as compared. Its three strings share one
/// allocation: a large set has hundreds of thousands of quoted words, all
/// held while quotations are compared.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    /// `raw`, `norm` and `tail`, one after another.
    text: Box<str>,
    /// Where `norm` and `tail` start in `text`.
    norm_at: u32,
    tail_at: u32,
    pub kind: TokenKind,
    /// Byte range in the text tokenized.
    pub at: Range<usize>,
}

impl Token {
    fn new(raw: &str, norm: &str, kind: TokenKind, at: Range<usize>) -> Token {
        let text: Box<str> = [raw, norm].concat().into();
        let tail_at = text.len() as u32;
        Token {
            text,
            norm_at: raw.len() as u32,
            tail_at,
            kind,
            at,
        }
    }

    /// Lower-cased, typographic apostrophes and dashes straightened.
    pub fn norm(&self) -> &str {
        &self.text[self.norm_at as usize..self.tail_at as usize]
    }

    /// As written.
    pub fn raw(&self) -> &str {
        &self.text[..self.norm_at as usize]
    }

    /// Punctuation between this token and the next, spaces dropped
    /// (typography: "No," and "No —" differ only here).
    pub fn tail(&self) -> &str {
        &self.text[self.tail_at as usize..]
    }

    fn set_tail(&mut self, tail: &str) {
        let kept = &self.text[..self.tail_at as usize];
        if tail.is_empty() && kept.len() == self.text.len() {
            return;
        }
        self.text = [kept, tail].concat().into();
    }
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
            tokens.push(Token::new("…", "…", TokenKind::Gap, i..i + len));
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
                tokens.push(Token::new(
                    &text[i..i + len + 1],
                    &normalize(inner),
                    kind,
                    i..i + len + 1,
                ));
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
            tokens.push(Token::new(raw, &normalize(raw), TokenKind::Word, i..end));
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
        let tail: String = between.chars().filter(|c| !c.is_whitespace()).collect();
        token.set_tail(&tail);
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
