//! Rules: TOML files of `[[claim]]` tables. `raw` mirrors the files, `compile`
//! validates them, `pattern` is the one regex wrapper every rule uses.

mod compile;
mod pattern;
mod raw;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

pub use compile::{Claim, ClaimExample, NO_STANCE, Origin, Stance};
pub use pattern::Pattern;

use crate::diagnostic::Problem;
use crate::toml_input;

/// Every rule concord was given, in file order.
#[derive(Debug, Clone, Default)]
pub struct RuleSet {
    pub claims: Vec<Claim>,
}

impl RuleSet {
    pub fn len(&self) -> usize {
        self.claims.len()
    }

    pub fn is_empty(&self) -> bool {
        self.claims.is_empty()
    }
}

/// Reads and compiles every rule file under `paths` (folders or files).
pub fn load_rules(
    paths: &[PathBuf],
    shown: &dyn Fn(&Path) -> String,
) -> Result<RuleSet, Vec<Problem>> {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        if path.is_file() {
            files.push(path.clone());
        } else if path.is_dir() {
            if let Err(err) = crate::walk::files_below(path, &is_rule_file, &mut files) {
                problems.push(Problem::error(
                    "concord::io",
                    format!("cannot read rule folder `{}`: {err}", shown(path)),
                ));
            }
        } else {
            problems.push(
                Problem::error(
                    "concord::rule::missing",
                    format!("rule file or folder `{}` does not exist", shown(path)),
                )
                .help("pass --rules with an existing folder, or fix `rules` in concord.toml"),
            );
        }
    }
    files.sort();
    files.dedup();
    let mut rules = RuleSet::default();
    for path in &files {
        let (mut claims, mut errs) = load_file(path, &shown(path));
        rules.claims.append(&mut claims);
        problems.append(&mut errs);
    }
    problems.extend(duplicate_ids(&rules));
    if problems.is_empty() {
        Ok(rules)
    } else {
        Err(problems)
    }
}

fn load_file(path: &Path, shown: &str) -> (Vec<Claim>, Vec<Problem>) {
    let parsed = crate::source::read_text_file(path, shown)
        .and_then(|file| toml_input::parse(&file, 0, &file.text).map(|raw| (file, raw)));
    match parsed {
        Ok((file, raw)) => compile::compile_file(&file, raw),
        Err(problem) => (Vec::new(), vec![problem]),
    }
}

fn is_rule_file(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "toml")
}

/// Each id defined twice: both definitions labelled, in one or two files.
fn duplicate_ids(rules: &RuleSet) -> Vec<Problem> {
    let mut first: HashMap<&str, &Origin> = HashMap::new();
    let mut problems = Vec::new();
    for claim in &rules.claims {
        let Some(earlier) = first.get(claim.id.as_str()) else {
            first.insert(&claim.id, &claim.origin);
            continue;
        };
        let here = &claim.origin;
        let mut problem = Problem::error(
            "concord::rule::duplicate_id",
            format!("rule id `{}` is defined twice", claim.id),
        )
        .in_file(&here.file)
        .label(here.id_span.clone(), "defined again here");
        if earlier.file.name == here.file.name {
            problem = problem.label(earlier.id_span.clone(), "first defined here");
        } else {
            problem = problem.related(
                Problem::error(
                    "concord::rule::duplicate_id",
                    format!("`{}` was first defined here", claim.id),
                )
                .in_file(&earlier.file)
                .label(earlier.id_span.clone(), "first defined here"),
            );
        }
        problems.push(problem.help("rule ids must be unique across all rule files; rename one"));
    }
    problems
}
