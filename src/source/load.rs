//! Finding and reading the documents of one or more folders. Every `.txt` and
//! `.md` file below a folder is a source; hidden files and folders are skipped.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::manifest;
use super::{Document, Metadata};
use crate::config::Limits;
use crate::diagnostic::Problem;
use crate::input::{Wide, decode, not_a_file, read_bytes};
use crate::text::visible::ignorable_inside_word;

/// The documents of a set, and what was passed over (with a warning each).
#[derive(Debug, Default)]
pub struct Loaded {
    pub documents: Vec<Document>,
    pub warnings: Vec<Problem>,
    /// Canonical paths read so far: a file named twice (`docs` and
    /// `./docs/../docs`, or through a link) is one source.
    seen: HashSet<PathBuf>,
    /// The canonical config folder, when there is a config.
    root: Option<PathBuf>,
}

impl Loaded {
    /// `file`'s id: its path from the config's folder when it lies below it,
    /// else from `base` (the folder it was found in, or its own folder).
    fn id_of(&self, file: &Path, base: &Path) -> String {
        let canonical = file.canonicalize().ok();
        let from_root = self
            .root
            .as_ref()
            .zip(canonical.as_ref())
            .and_then(|(root, file)| file.strip_prefix(root).ok());
        let relative = match from_root {
            Some(relative) => relative.to_path_buf(),
            None => {
                let base = base.canonicalize().unwrap_or_else(|_| base.to_path_buf());
                let file = canonical.unwrap_or_else(|| file.to_path_buf());
                file.strip_prefix(&base).unwrap_or(&file).to_path_buf()
            }
        };
        relative.to_string_lossy().replace('\\', "/")
    }

    /// False when `path` is a file already read under another name.
    fn first_time(&mut self, path: &Path) -> bool {
        path.canonicalize()
            .map_or(true, |canonical| self.seen.insert(canonical))
    }
}

/// Loads every document under `paths` (folders or single files), in path order.
/// `shown` turns a path into the name reports use; `root` (the config's
/// folder) is what documents' ids are relative to.
pub fn load_sources(
    paths: &[PathBuf],
    shown: &dyn Fn(&Path) -> String,
    limits: &Limits,
    root: Option<&Path>,
    exclude: &[String],
) -> Result<Loaded, Vec<Problem>> {
    // (The config's globs were checked with their spans when it was read.)
    if let Some((glob, why)) = exclude
        .iter()
        .find_map(|g| crate::input::bad_glob(g).map(|why| (g, why)))
    {
        return Err(vec![crate::config::glob_problem(glob, &why)]);
    }
    let mut loaded = Loaded {
        root: root.and_then(|r| r.canonicalize().ok()),
        ..Loaded::default()
    };
    let mut problems = Vec::new();
    for path in paths {
        if let Err(mut errs) = load_path(path, shown, limits, exclude, &mut loaded) {
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
    exclude: &[String],
    loaded: &mut Loaded,
) -> Result<(), Vec<Problem>> {
    let reader = Reader { shown, limits };
    if path.is_file() {
        let folder = path.parent().unwrap_or(Path::new("."));
        let manifest =
            manifest::read_manifest(folder, &shown(&folder.join(manifest::MANIFEST)), limits)?;
        let relative = PathBuf::from(path.file_name().unwrap_or_default());
        if !loaded.first_time(path) {
            return Ok(());
        }
        return reader
            .document(path, folder, manifest.get(&relative), loaded)
            .map_err(|p| vec![p]);
    }
    if crate::input::exists(path) && !path.is_dir() {
        let problem = not_a_file(path, &shown(path)).unwrap_or_else(|| {
            Problem::error("concord::io", format!("cannot read `{}`", shown(path)))
        });
        return Err(vec![problem]);
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
    for unread in crate::input::files_below(path, &is_document, exclude, &mut files) {
        // A folder that cannot be listed may hold documents: each is named
        // in a warning, never passed over silently.
        loaded.warnings.push(
            Problem::warning(
                "concord::io::unread",
                format!(
                    "cannot read `{}`: {}; the documents in it are not checked",
                    shown(&unread.path),
                    unread.reason
                ),
            )
            .help("check its permissions, or shorten the path (the system limits a path's length)"),
        );
    }
    files.sort();
    let mut problems = Vec::new();
    for file in files {
        let relative = file.strip_prefix(path).unwrap_or(&file).to_path_buf();
        // (`only_listed = true`: the manifest names the documents.)
        if !manifest.admits(&relative) || !loaded.first_time(&file) {
            continue;
        }
        match not_a_file(&file, &shown(&file)) {
            // A FIFO, socket or device among the documents is passed over
            // (reading it would block or never end); a dangling link is an
            // error, since a document the user meant is missing.
            Some(problem) if !file.exists() => {
                problems.push(problem);
                continue;
            }
            Some(problem) => {
                loaded.warnings.push(
                    problem
                        .as_warning()
                        .help("only regular files are read as documents: this one was skipped"),
                );
                continue;
            }
            None => {}
        }
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
        if let Err(problem) = reader.document(&file, path, manifest.get(&relative), loaded) {
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
        base: &Path,
        listed: Option<&Metadata>,
        loaded: &mut Loaded,
    ) -> Result<(), Problem> {
        let shown = (self.shown)(path);
        let bytes = read_bytes(path, &shown, self.limits.max_file_bytes)?;
        if let Some(wide) = Wide::of(&bytes) {
            loaded.warnings.push(
                Problem::advice(
                    "concord::source::decoded",
                    format!("`{shown}` is {}: decoded", wide.name()),
                )
                .help("line and column numbers are right; byte offsets in JSON count the text as UTF-8, so convert the file to UTF-8 to keep them equal to the file's"),
            );
        }
        match document_from_bytes(&shown, bytes, listed)? {
            Ok(mut document) => {
                document.id = loaded.id_of(path, base);
                loaded
                    .warnings
                    .extend(invisible_inside_words(&document, &shown));
                loaded.documents.push(document);
            }
            Err(warning) => loaded.warnings.push(warning),
        }
        Ok(())
    }
}

/// A warning when `document` hides an invisible code point inside a word
/// (rules match as if it were absent; the reader should know it is there).
fn invisible_inside_words(document: &Document, shown: &str) -> Option<Problem> {
    let at = document.body.start + ignorable_inside_word(&document.text()[document.body.clone()])?;
    let c = document.text()[at..].chars().next()?;
    Some(
        Problem::warning(
            "concord::source::invisible",
            format!("`{shown}` hides invisible characters inside words"),
        )
        .in_document(&document.file)
        .label(at..at + c.len_utf8(), format!("U+{:04X} here", u32::from(c)))
        .help("rules match as if they were absent, and reports show them as \\u{…}; remove them from the document if they are not meant to be there"),
    )
}

/// A document from a file's bytes: decoded, front matter read, metadata merged
/// (the manifest's `listed` values win). The inner `Err` is a warning for a
/// binary file, which is passed over; the outer one, an unusable file.
pub fn document_from_bytes(
    shown: &str,
    bytes: Vec<u8>,
    listed: Option<&Metadata>,
) -> Result<Result<Document, Problem>, Problem> {
    let bytes = match Wide::of(&bytes) {
        Some(wide) => match wide.decode(&bytes) {
            // (The mark kept, as a UTF-8 BOM: the body starts after it.)
            Ok(text) => format!("\u{feff}{text}").into_bytes(),
            Err(at) => {
                return Err(Problem::error(
                    "concord::source::not_utf8",
                    format!(
                        "`{shown}` is not valid {} (at byte offset {at})",
                        wide.name()
                    ),
                )
                .help(format!(
                    "convert the file to UTF-8, e.g. `iconv -f {} -t utf-8`",
                    wide.name()
                )));
            }
        },
        None => bytes,
    };
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
