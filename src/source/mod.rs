//! Documents: the files of a document set, their metadata (from `sources.toml`
//! or `+++` front matter), their text, and byte spans mapped to lines.

mod document;
mod load;
mod manifest;
pub use manifest::MANIFEST;

pub use document::{Document, Metadata};
pub use load::{Loaded, document_from_bytes, load_sources};
