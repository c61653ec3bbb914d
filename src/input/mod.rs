//! Reading what the user gives: text files (size-limited, UTF-8 with the
//! offending byte named), TOML with errors on spans, and folder walks. Below every loader (config, sources, rules), so none of them depends
//! on another to read a file.

pub(crate) mod toml;
mod walk;

use std::path::Path;

pub use self::toml::nearest;
pub use walk::files_below;

use crate::diagnostic::{Problem, SourceFile};

/// Reads a UTF-8 text file of at most `max_bytes`; anything else is a
/// diagnostic naming the file (and, for bad UTF-8, the byte).
pub fn read_text(path: &Path, shown: &str, max_bytes: u64) -> Result<SourceFile, Problem> {
    decode(read_bytes(path, shown, max_bytes)?, shown)
}

pub(crate) fn read_bytes(path: &Path, shown: &str, max_bytes: u64) -> Result<Vec<u8>, Problem> {
    let io_error = |e: std::io::Error| {
        Problem::error("concord::io", format!("cannot read `{shown}`: {e}"))
            .help("check that the file exists and is readable")
    };
    let size = std::fs::metadata(path).map_err(io_error)?.len();
    if size > max_bytes {
        return Err(Problem::error(
            "concord::limit::file_size",
            format!("`{shown}` is {} bytes, over the limit of {max_bytes}", size),
        )
        .help(
            "raise `max_file_bytes` under [limits] in concord.toml if the file is meant to be read",
        ));
    }
    std::fs::read(path).map_err(io_error)
}

pub(crate) fn decode(bytes: Vec<u8>, shown: &str) -> Result<SourceFile, Problem> {
    match String::from_utf8(bytes) {
        Ok(text) => Ok(SourceFile::new(shown, text)),
        Err(err) => {
            let at = err.utf8_error().valid_up_to();
            let byte = err.as_bytes()[at];
            let lossy = String::from_utf8_lossy(err.as_bytes()).into_owned();
            let width = lossy[at..].chars().next().map_or(0, char::len_utf8);
            let file = SourceFile::new(shown, lossy);
            Err(Problem::error(
                "concord::source::not_utf8",
                format!("`{shown}` is not valid UTF-8 (byte 0x{byte:02X} at offset {at})"),
            )
            .in_file(&file)
            .label(at..at + width, format!("byte offset {at}"))
            .help("convert the file to UTF-8, e.g. `iconv -f latin1 -t utf-8`"))
        }
    }
}
