//! Finding and reading the documents of one or more folders. Every `.txt` and
//! `.md` file below a folder is a source; hidden files and folders are skipped.

use std::path::{Path, PathBuf};

use super::manifest;
use super::{Document, Metadata};
use crate::config::Limits;
use crate::diagnostic::Problem;
use crate::input::{decode, read_bytes};

/// The documents of a set, and what was passed over (with a warning each).
#[derive(Debug, Default)]
pub struct Loaded {
    pub documents: Vec<Document>,
    pub warnings: Vec<Problem>,
}

/// Loads every document under `paths` (folders or single files), in path order.
/// `shown` turns a path into the name reports use.
pub fn load_sources(
    paths: &[PathBuf],
    shown: &dyn Fn(&Path) -> String,
    limits: &Limits,
) -> Result<Loaded, Vec<Problem>> {
    let mut loaded = Loaded::default();
    let mut problems = Vec::new();
    for path in paths {
        if let Err(mut errs) = load_path(path, shown, limits, &mut loaded) {
            problems.append(&mut errs);
        }
    }
    if problems.is_empty() {
        loaded.documents.sort_by(|a, b| a.name().cmp(b.name()));
        loaded.documents.dedup_by(|a, b| a.name() == b.name());
        Ok(loaded)
    } else {
        Err(problems)
    }
}

fn load_path(
    path: &Path,
    shown: &dyn Fn(&Path) -> String,
    limits: &Limits,
    loaded: &mut Loaded,
) -> Result<(), Vec<Problem>> {
    let reader = Reader { shown, limits };
    if path.is_file() {
        let folder = path.parent().unwrap_or(Path::new("."));
        let manifest =
            manifest::read_manifest(folder, &shown(&folder.join(manifest::MANIFEST)), limits)?;
        let relative = PathBuf::from(path.file_name().unwrap_or_default());
        return reader
            .document(path, manifest.get(&relative), loaded)
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
    let manifest = manifest::read_manifest(path, &shown(&path.join(manifest::MANIFEST)), limits)?;
    let mut files = Vec::new();
    crate::input::files_below(path, &is_document, &mut files)
        .map_err(|e| vec![io_problem(path, shown, &e)])?;
    files.sort();
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
        if let Err(problem) = reader.document(&file, manifest.get(&relative), loaded) {
            problems.push(problem);
        }
    }
    if problems.is_empty() {
        Ok(())
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

struct Reader<'a> {
    shown: &'a dyn Fn(&Path) -> String,
    limits: &'a Limits,
}

impl Reader<'_> {
    /// Reads one document into `loaded`, or passes over a binary file with a
    /// warning.
    fn document(
        &self,
        path: &Path,
        listed: Option<&Metadata>,
        loaded: &mut Loaded,
    ) -> Result<(), Problem> {
        let shown = (self.shown)(path);
        let bytes = read_bytes(path, &shown, self.limits.max_file_bytes)?;
        match document_from_bytes(&shown, bytes, listed)? {
            Ok(document) => loaded.documents.push(document),
            Err(warning) => loaded.warnings.push(warning),
        }
        Ok(())
    }
}

/// A document from a file's bytes: decoded, front matter read, metadata merged
/// (the manifest's `listed` values win). The inner `Err` is a warning for a
/// binary file, which is passed over; the outer one, an unusable file.
pub fn document_from_bytes(
    shown: &str,
    bytes: Vec<u8>,
    listed: Option<&Metadata>,
) -> Result<Result<Document, Problem>, Problem> {
    if let Some(at) = binary_at(&bytes) {
        return Ok(Err(Problem::warning(
            "concord::source::binary",
            format!("`{shown}` looks binary (a NUL byte at offset {at}): skipped"),
        )
        .help("sources are plain text or Markdown; convert the file, or move it out of the document folder")));
    }
    let file = decode(bytes, shown)?;
    let bom = if file.text.starts_with('\u{feff}') {
        3
    } else {
        0
    };
    let (front, body_start) = manifest::front_matter(&file, bom)?;
    let listed = listed.cloned().unwrap_or_default();
    let meta = Metadata {
        outlet: listed.outlet.or(front.outlet).map(|o| one_line(&o)),
        url: listed.url.or(front.url).map(|u| one_line(&u)),
        published: listed.published.or(front.published),
    };
    let end = file.text.len();
    Ok(Ok(Document::new(file, meta, body_start..end)))
}

/// An outlet or URL on one line: a metadata value is a label, and a line
/// break inside one (`"Evil\n::error …"`) would start a line of its own in
/// every report.
fn one_line(value: &str) -> String {
    if !value.contains(['\n', '\r', '\u{2028}', '\u{2029}', '\u{85}']) {
        return value.to_string();
    }
    value
        .split(['\n', '\r', '\u{2028}', '\u{2029}', '\u{85}'])
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Where a NUL byte shows the file is not text (looked for in the first 8 KiB,
/// as git and grep do).
fn binary_at(bytes: &[u8]) -> Option<usize> {
    bytes.iter().take(8192).position(|&b| b == 0)
}

fn io_problem(path: &Path, shown: &dyn Fn(&Path) -> String, err: &std::io::Error) -> Problem {
    Problem::error(
        "concord::io",
        format!("cannot read folder `{}`: {err}", shown(path)),
    )
}
