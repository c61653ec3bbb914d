//! Walking input folders: every file below a folder that a filter accepts,
//! hidden files and folders skipped, and what ignore files (`.gitignore`,
//! `.ignore`, `.concordignore`) or `exclude` globs leave out. Links to files are read; links to
//! folders are not followed, so a link back up the tree (`docs/up -> ..`)
//! cannot read a document twice or loop. Callers sort the result.

use std::path::{Path, PathBuf};

use ignore::WalkBuilder;
use ignore::overrides::{Override, OverrideBuilder};

/// A place below a folder that the walk could not read (a folder it may not
/// list, a path longer than the system allows), with why.
#[derive(Debug)]
pub struct Unread {
    pub path: PathBuf,
    pub reason: String,
}

/// Pushes onto `out` every file below `folder` that `accept` takes; returns
/// what could not be read, each named, so that nothing is passed over
/// silently.
pub fn files_below(
    folder: &Path,
    accept: &dyn Fn(&Path) -> bool,
    exclude: &[String],
    out: &mut Vec<PathBuf>,
) -> Vec<Unread> {
    let mut builder = WalkBuilder::new(folder);
    builder
        .standard_filters(false)
        .hidden(true)
        .follow_links(false)
        // `.gitignore`, `.ignore` and `.concordignore` files are honoured,
        // in a git repository or not; git's global excludes are not.
        .git_ignore(true)
        .ignore(true)
        .parents(true)
        .require_git(false)
        .add_custom_ignore_filename(".concordignore");
    // (The globs were checked by `check_globs`; a bad one matches nothing.)
    if let Ok(overrides) = overrides(folder, exclude) {
        builder.overrides(overrides);
    }
    let walk = builder.build();
    let mut unread = Vec::new();
    for entry in walk {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                unread.push(unread_of(folder, &err));
                continue;
            }
        };
        let path = entry.path();
        // A link is yielded unfollowed: a link to a folder is not entered,
        // any other (a dangling one too, so that reading it says why) is kept.
        if !path.is_dir() && accept(path) {
            out.push(path.to_path_buf());
        }
    }
    unread
}

/// `exclude` globs as the walk's overrides: each leaves out what it matches
/// (gitignore syntax, relative to `folder`).
fn overrides(folder: &Path, exclude: &[String]) -> Result<Override, ignore::Error> {
    let mut builder = OverrideBuilder::new(folder);
    for glob in exclude {
        builder.add(&format!("!{glob}"))?;
    }
    builder.build()
}

/// Why `glob` is not a valid exclude glob, if it is not.
pub fn bad_glob(glob: &str) -> Option<String> {
    let err = OverrideBuilder::new(".").add(&format!("!{glob}")).err()?;
    // (The message quotes the glob as the walk sees it, with its `!`.)
    Some(reason(&err).replace(&format!("'!{glob}'"), &format!("'{glob}'")))
}

fn unread_of(folder: &Path, err: &ignore::Error) -> Unread {
    match err {
        ignore::Error::WithPath { path, err } => Unread {
            path: path.clone(),
            reason: reason(err),
        },
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            unread_of(folder, err)
        }
        other => Unread {
            path: folder.to_path_buf(),
            reason: reason(other),
        },
    }
}

/// The innermost cause, without the path the message would repeat.
fn reason(err: &ignore::Error) -> String {
    match err {
        ignore::Error::WithPath { err, .. }
        | ignore::Error::WithDepth { err, .. }
        | ignore::Error::WithLineNumber { err, .. } => reason(err),
        other => other.to_string(),
    }
}
