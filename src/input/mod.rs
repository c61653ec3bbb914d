//! Reading what the user gives: text files (size-limited, UTF-8 with the
//! offending byte named), TOML with errors on spans, and folder walks. Below every loader (config, sources, rules), so none of them depends
//! on another to read a file.

pub(crate) mod toml;
mod walk;

use std::io::Read;
use std::path::Path;

pub use self::toml::nearest;
pub use walk::{Unread, bad_glob, files_below};

use crate::diagnostic::{Problem, SourceFile};

/// Reads a UTF-8 text file of at most `max_bytes`; anything else is a
/// diagnostic naming the file (and, for bad UTF-8, the byte).
pub fn read_text(path: &Path, shown: &str, max_bytes: u64) -> Result<SourceFile, Problem> {
    decode(read_bytes(path, shown, max_bytes)?, shown)
}

pub(crate) fn read_bytes(path: &Path, shown: &str, max_bytes: u64) -> Result<Vec<u8>, Problem> {
    let size = regular_file(path, shown)?.len();
    let too_big = |size: &str| {
        Problem::error(
            "concord::limit::file_size",
            format!("`{shown}` is {size} bytes, over the limit of {max_bytes}"),
        )
        .help(
            "raise `max_file_bytes` under [limits] in concord.toml if the file is meant to be read",
        )
    };
    if size > max_bytes {
        return Err(too_big(&size.to_string()));
    }
    // Read at most one byte over the limit, whatever the size said: a file
    // that grows while it is read cannot make the read endless.
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    std::fs::File::open(path)
        .and_then(|file| file.take(max_bytes + 1).read_to_end(&mut bytes))
        .map_err(|e| cannot_read(shown, &e))?;
    if bytes.len() as u64 > max_bytes {
        return Err(too_big(&format!("more than {max_bytes}")));
    }
    Ok(bytes)
}

/// Is there anything by this name, a dangling link included? (What
/// `Path::exists` says no to when a link's target is missing.)
pub fn exists(path: &Path) -> bool {
    path.symlink_metadata().is_ok()
}

/// Why `path` is not a file concord reads: missing, a dangling link, or not
/// a regular file (a folder, a FIFO, a socket or a device, which would block
/// or never end). `None` when it is a regular file (through links).
pub fn not_a_file(path: &Path, shown: &str) -> Option<Problem> {
    regular_file(path, shown).err()
}

/// The metadata of `path` when it is a regular file (through links), else why not.
fn regular_file(path: &Path, shown: &str) -> Result<std::fs::Metadata, Problem> {
    let what = match std::fs::metadata(path) {
        Ok(meta) if meta.is_file() => return Ok(meta),
        Ok(meta) => kind_of(&meta.file_type()),
        Err(_) if exists(path) => {
            let target = std::fs::read_link(path)
                .map(|t| t.display().to_string())
                .unwrap_or_default();
            return Err(Problem::error(
                "concord::io::dangling_link",
                format!("`{shown}` is a dangling link (to `{target}`, which does not exist)"),
            )
            .help("fix or remove the link"));
        }
        Err(err) => return Err(cannot_read(shown, &err)),
    };
    Err(Problem::error(
        "concord::io::not_a_file",
        format!("`{shown}` is {what}, not a regular file"),
    )
    .help("concord reads regular files only; give the path of a file"))
}

fn cannot_read(shown: &str, err: &std::io::Error) -> Problem {
    Problem::error("concord::io", format!("cannot read `{shown}`: {err}"))
        .help("check that the file exists and is readable")
}

fn kind_of(kind: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if kind.is_socket() {
            return "a socket";
        }
        if kind.is_block_device() || kind.is_char_device() {
            return "a device";
        }
    }
    if kind.is_dir() {
        "a folder"
    } else {
        "not a file"
    }
}

/// A byte-order mark of UTF-16 or UTF-32, which concord decodes for
/// documents (with a note) and names for every other file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wide {
    Utf16Le,
    Utf16Be,
    Utf32Le,
    Utf32Be,
}

impl Wide {
    /// The encoding a file's byte-order mark declares, if it is a wide one.
    pub fn of(bytes: &[u8]) -> Option<Wide> {
        match bytes {
            [0xFF, 0xFE, 0, 0, ..] => Some(Wide::Utf32Le),
            [0, 0, 0xFE, 0xFF, ..] => Some(Wide::Utf32Be),
            [0xFF, 0xFE, ..] => Some(Wide::Utf16Le),
            [0xFE, 0xFF, ..] => Some(Wide::Utf16Be),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Wide::Utf16Le => "UTF-16LE",
            Wide::Utf16Be => "UTF-16BE",
            Wide::Utf32Le => "UTF-32LE",
            Wide::Utf32Be => "UTF-32BE",
        }
    }

    /// The text after the byte-order mark, or the byte offset of the first
    /// unit that is not a character.
    pub fn decode(self, bytes: &[u8]) -> Result<String, usize> {
        let (unit, big) = match self {
            Wide::Utf16Le => (2, false),
            Wide::Utf16Be => (2, true),
            Wide::Utf32Le => (4, false),
            Wide::Utf32Be => (4, true),
        };
        let body = &bytes[unit..];
        let chunks = body.chunks_exact(unit);
        if !chunks.remainder().is_empty() {
            return Err(bytes.len() - chunks.remainder().len());
        }
        let value = |c: &[u8]| -> u32 {
            let c = c.iter().map(|&b| u32::from(b));
            if big {
                c.fold(0, |v, b| v << 8 | b)
            } else {
                c.rev().fold(0, |v, b| v << 8 | b)
            }
        };
        if unit == 4 {
            let mut text = String::with_capacity(body.len() / 4);
            for (i, c) in chunks.enumerate() {
                text.push(char::from_u32(value(c)).ok_or(unit + i * 4)?);
            }
            return Ok(text);
        }
        let units = chunks.map(|c| value(c) as u16);
        let mut text = String::with_capacity(body.len() / 2);
        let mut at = unit;
        for c in char::decode_utf16(units) {
            let c = c.map_err(|_| at)?;
            at += c.len_utf16() * 2;
            text.push(c);
        }
        Ok(text)
    }
}

pub(crate) fn decode(bytes: Vec<u8>, shown: &str) -> Result<SourceFile, Problem> {
    if let Some(wide) = Wide::of(&bytes) {
        return Err(Problem::error(
            "concord::source::not_utf8",
            format!(
                "`{shown}` is {} (it starts with that byte-order mark); concord reads UTF-8",
                wide.name()
            ),
        )
        .help(format!(
            "convert it: `iconv -f {} -t UTF-8 FILE > FILE.utf8`",
            wide.name()
        )));
    }
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
