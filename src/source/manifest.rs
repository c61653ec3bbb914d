//! Source metadata: the folder's `sources.toml` manifest and per-file `+++`
//! front matter. Both are checked here; a manifest `file` must name an existing
//! document inside its folder.

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;
use toml::value::Datetime;

use super::Metadata;
use crate::config::Limits;
use crate::diagnostic::{Problem, SourceFile};
use crate::input::toml as toml_input;

pub const MANIFEST: &str = "sources.toml";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawManifest {
    /// `true`: the listed files are the folder's documents, and no others.
    #[serde(default)]
    only_listed: bool,
    #[serde(default)]
    source: Vec<RawEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    file: Spanned<String>,
    outlet: Option<String>,
    url: Option<String>,
    published: Option<Spanned<Datetime>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFrontMatter {
    outlet: Option<String>,
    url: Option<String>,
    published: Option<Spanned<Datetime>>,
}

/// Metadata by path relative to the folder, as the manifest gives it.
/// A folder's `sources.toml`: metadata by file (relative to the folder), and
/// whether the listed files are the only documents.
#[derive(Debug, Default)]
pub(super) struct Manifest {
    entries: BTreeMap<PathBuf, Metadata>,
    only_listed: bool,
}

impl Manifest {
    pub(super) fn get(&self, relative: &Path) -> Option<&Metadata> {
        self.entries.get(relative)
    }

    /// Is `relative` a document of the folder? Every file is, unless the
    /// manifest says only its listed files are.
    pub(super) fn admits(&self, relative: &Path) -> bool {
        !self.only_listed || self.entries.contains_key(relative)
    }
}

/// Reads `folder/sources.toml` if there is one.
pub(super) fn read_manifest(
    folder: &Path,
    shown: &str,
    limits: &Limits,
) -> Result<Manifest, Vec<Problem>> {
    let path = folder.join(MANIFEST);
    // No manifest is fine; one that is a folder, a FIFO or a dangling link
    // is refused when read, never silently passed over.
    if !crate::input::exists(&path) {
        return Ok(Manifest::default());
    }
    let file = crate::input::read_text(&path, shown, limits.max_file_bytes).map_err(|p| vec![p])?;
    let raw: RawManifest = toml_input::parse(&file, 0, &file.text).map_err(|p| vec![p])?;
    let mut manifest = Manifest {
        only_listed: raw.only_listed,
        ..Manifest::default()
    };
    let mut first_span = BTreeMap::new();
    let mut problems = Vec::new();
    for entry in raw.source {
        match check_entry(folder, &file, &entry) {
            Ok(relative) => {
                if let Some(first) = first_span.get(&relative) {
                    problems.push(
                        Problem::error(
                            "concord::manifest::duplicate",
                            format!(
                                "`{}` is listed twice in {}",
                                entry.file.get_ref(),
                                file.name
                            ),
                        )
                        .in_file(&file)
                        .label(entry.file.span(), "listed again here")
                        .label(std::ops::Range::clone(first), "first listed here")
                        .help("merge the two [[source]] tables into one"),
                    );
                    continue;
                }
                first_span.insert(relative.clone(), entry.file.span());
                let published = match &entry.published {
                    Some(date) => match toml_input::to_date(&file, date) {
                        Ok(date) => Some(date),
                        Err(problem) => {
                            problems.push(problem);
                            None
                        }
                    },
                    None => None,
                };
                let meta = Metadata {
                    outlet: entry.outlet,
                    url: entry.url,
                    published,
                };
                manifest.entries.insert(relative, meta);
            }
            Err(problem) => problems.push(problem),
        }
    }
    if problems.is_empty() {
        Ok(manifest)
    } else {
        Err(problems)
    }
}

/// The entry's path relative to the folder, once it is known to be a document
/// inside the folder.
fn check_entry(folder: &Path, file: &SourceFile, entry: &RawEntry) -> Result<PathBuf, Problem> {
    let name = entry.file.get_ref();
    let error = |code: &str, message: String, label: &str, help: &str| {
        Problem::error(code, message)
            .in_file(file)
            .label(entry.file.span(), label)
            .help(help.to_string())
    };
    let relative = Path::new(name);
    let escapes = relative.is_absolute()
        || name.starts_with(['/', '\\'])
        || relative
            .components()
            .any(|c| !matches!(c, Component::Normal(_) | Component::CurDir));
    if escapes {
        return Err(error(
            "concord::manifest::escapes",
            format!("`{name}` is outside the document folder"),
            "must be a path inside this folder",
            "name the file relative to the folder that holds sources.toml, without `..`",
        ));
    }
    let path = folder.join(relative);
    if !path.is_file() {
        return Err(error(
            "concord::manifest::missing_file",
            format!("`{name}` does not exist"),
            "no such file in the document folder",
            "check the spelling, or remove this [[source]] table",
        ));
    }
    if !super::load::is_document(&path) {
        return Err(error(
            "concord::manifest::not_a_document",
            format!("`{name}` is not a .txt or .md file"),
            "sources are .txt and .md files",
            "convert the document to plain text or Markdown",
        ));
    }
    if !super::load::stays_inside(folder, &path) {
        return Err(error(
            "concord::manifest::escapes",
            format!("`{name}` links to a file outside the document folder"),
            "a symbolic link that leaves this folder",
            "copy the document into the folder instead of linking to it",
        ));
    }
    Ok(relative
        .components()
        .filter(|c| matches!(c, Component::Normal(_)))
        .collect())
}

/// Splits `+++` front matter off the start of a document (after any BOM).
/// Returns the metadata it gives and the byte offset where the prose begins.
pub(super) fn front_matter(file: &SourceFile, start: usize) -> Result<(Metadata, usize), Problem> {
    let text = &file.text[start..];
    let Some(first_len) = opening_fence(text) else {
        return Ok((Metadata::default(), start));
    };
    let inner_start = start + first_len;
    let mut at = inner_start;
    for line in file.text[inner_start..].split_inclusive('\n') {
        if line.trim_end() == "+++" {
            let raw: RawFrontMatter =
                toml_input::parse(file, inner_start, &file.text[inner_start..at])?;
            let published = raw
                .published
                .as_ref()
                .map(|d| toml_input::to_date(file, d))
                .transpose()?;
            let meta = Metadata {
                outlet: raw.outlet,
                url: raw.url,
                published,
            };
            return Ok((meta, at + line.len()));
        }
        at += line.len();
    }
    Err(Problem::error(
        "concord::source::front_matter",
        format!("front matter in {} is never closed", file.name),
    )
    .in_file(file)
    .label(start..start + 3, "opened here")
    .help("end the front matter with a line holding only `+++`"))
}

fn opening_fence(text: &str) -> Option<usize> {
    ["+++\n", "+++\r\n"]
        .into_iter()
        .find(|fence| text.starts_with(fence))
        .map(str::len)
}
