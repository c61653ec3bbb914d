//! Rules: TOML files of `[[claim]]` tables. `raw` mirrors the files, `compile`
//! validates them, `pattern` is the one regex wrapper every rule uses.

mod compile;
mod fact;
mod pattern;
mod quote;
mod raw;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

pub use compile::{Claim, Example, NO_STANCE, Origin, Stance};
pub use fact::{Fact, VALUE_GROUP};
pub use pattern::Pattern;
pub use quote::{QuoteRule, SpeakerRule, Speakers};

use crate::config::Limits;
use crate::diagnostic::{Problem, SourceFile};
use crate::toml_input;

/// Every rule concord was given, in file order.
#[derive(Debug, Clone, Default)]
pub struct RuleSet {
    pub claims: Vec<Claim>,
    pub facts: Vec<Fact>,
    pub quotes: Vec<QuoteRule>,
    pub speakers: Vec<SpeakerRule>,
}

impl RuleSet {
    pub fn len(&self) -> usize {
        self.claims.len() + self.facts.len() + self.quotes.len() + self.speakers.len()
    }

    /// Names to people, from `[[speaker]]` and `[[quote]]` rules.
    pub fn speaker_names(&self) -> Speakers {
        Speakers::new(&self.speakers, &self.quotes)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Every rule's id and where it was defined, claims first.
    fn origins(&self) -> impl Iterator<Item = (&str, &Origin)> {
        let claims = self.claims.iter().map(|c| (c.id.as_str(), &c.origin));
        let facts = self.facts.iter().map(|f| (f.id.as_str(), &f.origin));
        let quotes = self.quotes.iter().map(|q| (q.id.as_str(), &q.origin));
        let speakers = self.speakers.iter().map(|s| (s.id.as_str(), &s.origin));
        claims.chain(facts).chain(quotes).chain(speakers)
    }
}

/// Reads and compiles every rule file under `paths` (folders or files).
pub fn load_rules(
    paths: &[PathBuf],
    shown: &dyn Fn(&Path) -> String,
    limits: &Limits,
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
        let shown = shown(path);
        let parsed = crate::source::read_text_file(path, &shown, limits.max_file_bytes)
            .and_then(|file| toml_input::parse(&file, 0, &file.text).map(|raw| (file, raw)));
        match parsed {
            Ok((file, raw)) => add_compiled(
                &mut rules,
                &mut problems,
                compile::compile_file(&file, raw, limits.max_pattern_bytes),
            ),
            Err(problem) => problems.push(problem),
        }
        if rules.len() > limits.max_rules {
            problems.push(too_many_rules(limits.max_rules));
            return Err(problems);
        }
    }
    problems.extend(duplicate_ids(&rules));
    if problems.is_empty() {
        Ok(rules)
    } else {
        Err(problems)
    }
}

/// Compiles rules from text, as if read from a file named `name`, under
/// `limits`: what `load_rules` does for one file (for tests and fuzzing).
pub fn compile_rule_text(name: &str, text: &str, limits: &Limits) -> Result<RuleSet, Vec<Problem>> {
    let file = SourceFile::new(name, text);
    let raw = toml_input::parse(&file, 0, text).map_err(|p| vec![p])?;
    let mut rules = RuleSet::default();
    let mut problems = Vec::new();
    add_compiled(
        &mut rules,
        &mut problems,
        compile::compile_file(&file, raw, limits.max_pattern_bytes),
    );
    problems.extend(duplicate_ids(&rules));
    if rules.len() > limits.max_rules {
        problems.push(too_many_rules(limits.max_rules));
    }
    if problems.is_empty() {
        Ok(rules)
    } else {
        Err(problems)
    }
}

fn add_compiled(
    rules: &mut RuleSet,
    problems: &mut Vec<Problem>,
    compiled: (compile::Compiled, Vec<Problem>),
) {
    let (mut compiled, mut errs) = compiled;
    rules.claims.append(&mut compiled.claims);
    rules.facts.append(&mut compiled.facts);
    rules.quotes.append(&mut compiled.quotes);
    rules.speakers.append(&mut compiled.speakers);
    problems.append(&mut errs);
}

fn too_many_rules(max: usize) -> Problem {
    Problem::error("concord::limit::rules", format!("more than {max} rules"))
        .help("raise `max_rules` under [limits] in concord.toml, or check fewer rule files at once")
}

fn is_rule_file(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "toml")
}

/// Each id defined twice: both definitions labelled, in one or two files.
fn duplicate_ids(rules: &RuleSet) -> Vec<Problem> {
    let mut first: HashMap<&str, &Origin> = HashMap::new();
    let mut problems = Vec::new();
    for (id, here) in rules.origins() {
        let Some(earlier) = first.get(id) else {
            first.insert(id, here);
            continue;
        };
        let mut problem = Problem::error(
            "concord::rule::duplicate_id",
            format!("rule id `{id}` is defined twice"),
        )
        .in_file(&here.file)
        .label(here.id_span.clone(), "defined again here");
        if earlier.file.name == here.file.name {
            problem = problem.label(earlier.id_span.clone(), "first defined here");
        } else {
            problem = problem.related(
                Problem::error(
                    "concord::rule::duplicate_id",
                    format!("`{id}` was first defined here"),
                )
                .in_file(&earlier.file)
                .label(earlier.id_span.clone(), "first defined here"),
            );
        }
        problems.push(problem.help("rule ids must be unique across all rule files; rename one"));
    }
    problems
}
