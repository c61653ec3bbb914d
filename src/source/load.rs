//! Finding and reading the documents of one or more folders. Every `.txt` and
//! `.md` file below a folder is a source; hidden files and folders are skipped.

use std::path::{Path, PathBuf};

use super::manifest;
use super::{Document, Metadata};
use crate::diagnostic::{Problem, SourceFile};

/// Loads every document under `paths` (folders or single files), in path order.
/// `shown` turns a path into the name reports use.
pub fn load_sources(
    paths: &[PathBuf],
    shown: &dyn Fn(&Path) -> String,
) -> Result<Vec<Document>, Vec<Problem>> {
    let mut documents = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        match load_path(path, shown) {
            Ok(mut docs) => documents.append(&mut docs),
            Err(mut errs) => problems.append(&mut errs),
        }
    }
    if problems.is_empty() {
        documents.sort_by(|a, b| a.name().cmp(b.name()));
        documents.dedup_by(|a, b| a.name() == b.name());
        Ok(documents)
    } else {
        Err(problems)
    }
}

fn load_path(path: &Path, shown: &dyn Fn(&Path) -> String) -> Result<Vec<Document>, Vec<Problem>> {
    if path.is_file() {
        let folder = path.parent().unwrap_or(Path::new("."));
        let manifest = manifest::read_manifest(folder, &shown(&folder.join(manifest::MANIFEST)))?;
        let relative = PathBuf::from(path.file_name().unwrap_or_default());
        return read_document(path, &shown(path), manifest.get(&relative))
            .map(|d| vec![d])
            .map_err(|p| vec![p]);
    }
    if !path.is_dir() {
        return Err(vec![
            Problem::error(
                "concord::source::missing_folder",
                format!("document folder `{}` does not exist", shown(path)),
            )
            .help("pass an existing folder, or fix `sources` in concord.toml"),
        ]);
    }
    let manifest = manifest::read_manifest(path, &shown(&path.join(manifest::MANIFEST)))?;
    let mut files = Vec::new();
    crate::walk::files_below(path, &is_document, &mut files)
        .map_err(|e| vec![io_problem(path, shown, &e)])?;
    files.sort();
    let mut documents = Vec::new();
    let mut problems = Vec::new();
    for file in files {
        if !stays_inside(path, &file) {
            problems.push(
                Problem::error(
                    "concord::source::escapes",
                    format!(
                        "`{}` links to a file outside the document folder",
                        shown(&file)
                    ),
                )
                .help("copy the document into the folder instead of linking to it"),
            );
            continue;
        }
        let relative = file.strip_prefix(path).unwrap_or(&file).to_path_buf();
        match read_document(&file, &shown(&file), manifest.get(&relative)) {
            Ok(doc) => documents.push(doc),
            Err(problem) => problems.push(problem),
        }
    }
    if problems.is_empty() {
        Ok(documents)
    } else {
        Err(problems)
    }
}

pub(super) fn is_document(path: &Path) -> bool {
    matches!(
        path.extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref(),
        Some("txt" | "md" | "markdown")
    )
}

/// True when `path`, with links resolved, is inside `folder`.
pub(super) fn stays_inside(folder: &Path, path: &Path) -> bool {
    match (folder.canonicalize(), path.canonicalize()) {
        (Ok(folder), Ok(path)) => path.starts_with(folder),
        _ => false,
    }
}

fn read_document(path: &Path, shown: &str, listed: Option<&Metadata>) -> Result<Document, Problem> {
    let file = read_text(path, shown)?;
    let bom = if file.text.starts_with('\u{feff}') {
        3
    } else {
        0
    };
    let (front, body_start) = manifest::front_matter(&file, bom)?;
    let listed = listed.cloned().unwrap_or_default();
    let meta = Metadata {
        outlet: listed.outlet.or(front.outlet),
        url: listed.url.or(front.url),
        published: listed.published.or(front.published),
    };
    let end = file.text.len();
    Ok(Document::new(file, meta, body_start..end))
}

/// Reads a UTF-8 text file; anything else is a diagnostic naming the byte.
pub fn read_text(path: &Path, shown: &str) -> Result<SourceFile, Problem> {
    let bytes = std::fs::read(path).map_err(|e| {
        Problem::error("concord::io", format!("cannot read `{shown}`: {e}"))
            .help("check that the file exists and is readable")
    })?;
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

fn io_problem(path: &Path, shown: &dyn Fn(&Path) -> String, err: &std::io::Error) -> Problem {
    Problem::error(
        "concord::io",
        format!("cannot read folder `{}`: {err}", shown(path)),
    )
}
