//! Walking input folders: every file below a folder that a filter accepts,
//! hidden files and folders skipped. Links to files are read; links to
//! folders are not followed, so a link back up the tree (`docs/up -> ..`)
//! cannot read a document twice or loop. Callers sort the result.

use std::path::{Path, PathBuf};

use ignore::WalkBuilder;

pub fn files_below(
    folder: &Path,
    accept: &dyn Fn(&Path) -> bool,
    out: &mut Vec<PathBuf>,
) -> std::io::Result<()> {
    let walk = WalkBuilder::new(folder)
        .standard_filters(false)
        .hidden(true)
        .follow_links(false)
        .build();
    for entry in walk {
        let entry = entry.map_err(std::io::Error::other)?;
        let path = entry.path();
        // A link is yielded unfollowed: a link to a folder is not entered,
        // any other (a dangling one too, so that reading it says why) is kept.
        if !path.is_dir() && accept(path) {
            out.push(path.to_path_buf());
        }
    }
    Ok(())
}
