//! Text helpers every stage shares: words and quotation tokens, word lists,
//! folds, line/offset maps and a stable hash. The lowest layer: it imports no
//! other module of the crate.

mod fold;
mod hash;
pub mod lexicon;
mod lines;
mod tokens;
pub mod visible;
pub mod words;

pub use fold::{fold, fold_lower, fold_whitespace};
pub use hash::{Fnv, fnv1a};
pub use lines::LineIndex;
pub use tokens::{Token, TokenKind, tokenize, tokenize_pieces, word_count};
