//! Rules: TOML files of `[[claim]]`, `[[fact]]`, `[[quote]]` and `[[speaker]]`
//! tables. `raw` mirrors the files; each kind compiles in its own file
//! (`claim`, `fact`, `quote`, `speaker`) with the helpers in `compile`;
//! `pattern` is the one regex wrapper every rule uses. This file registers
//! the kinds: [`RuleSet`] holds them, [`RuleRef`] names one, and
//! [`RuleSet::iter`] is what every consumer (SARIF, explain, test, duplicate
//! ids) walks, so none of them lists the kinds by hand.

mod claim;
mod compile;
mod fact;
mod pattern;
mod prefilter;
mod quote;
mod raw;
mod speaker;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

pub use claim::{Claim, NO_STANCE, Stance};
pub use compile::{Example, Origin};
pub use fact::{Fact, VALUE_GROUP};
pub use pattern::Pattern;
pub use prefilter::Candidates;
use prefilter::{Owner, Prefilter};
pub use quote::QuoteRule;
pub use speaker::{SpeakerRule, Speakers};

use compile::Budget;
use raw::RawRuleFile;

use crate::config::Limits;
use crate::diagnostic::{Problem, SourceFile};
use crate::finding::Severity;
use crate::input::toml as toml_input;

/// Every rule concord was given, in file order.
#[derive(Debug, Clone, Default)]
pub struct RuleSet {
    pub claims: Vec<Claim>,
    pub facts: Vec<Fact>,
    pub quotes: Vec<QuoteRule>,
    pub speakers: Vec<SpeakerRule>,
    /// One automaton over the claims' and facts' patterns' literals, built
    /// once the set is complete; without it every pattern is searched.
    prefilter: Option<std::sync::Arc<Prefilter>>,
}

impl RuleSet {
    /// Builds the prefilter over every claim and fact pattern, giving each
    /// its slot. Called once a set is complete; a set changed afterwards
    /// must call it again.
    pub fn index_patterns(&mut self) {
        let claims = self.claims.iter_mut().enumerate().flat_map(|(i, c)| {
            c.context
                .iter_mut()
                .chain(c.stances.iter_mut().flat_map(|s| s.patterns.iter_mut()))
                .map(move |p| (Owner::Claim(i), p))
        });
        let facts = self.facts.iter_mut().enumerate().flat_map(|(i, f)| {
            f.context
                .iter_mut()
                .chain(f.patterns.iter_mut())
                .map(move |p| (Owner::Fact(i), p))
        });
        self.prefilter = Some(std::sync::Arc::new(Prefilter::new(claims.chain(facts))));
    }

    /// The patterns of claims and facts that may match `text`.
    pub fn candidates(&self, text: &str) -> Candidates {
        self.prefilter
            .as_ref()
            .map_or(Candidates::All, |p| p.scan(text))
    }

    /// How many rules of every kind.
    pub fn count(&self) -> usize {
        self.claims.len() + self.facts.len() + self.quotes.len() + self.speakers.len()
    }

    /// Names to people, from `[[speaker]]` and `[[quote]]` rules.
    pub fn speaker_names(&self) -> Speakers {
        Speakers::new(&self.speakers, &self.quotes)
    }

    /// Every rule, claims first, then facts, quotes and speakers, each in file order.
    pub fn iter(&self) -> impl Iterator<Item = RuleRef<'_>> {
        let claims = self.claims.iter().enumerate();
        let facts = self.facts.iter().enumerate();
        let quotes = self.quotes.iter().enumerate();
        let speakers = self.speakers.iter().enumerate();
        claims
            .map(|(i, r)| RuleRef::Claim(i, r))
            .chain(facts.map(|(i, r)| RuleRef::Fact(i, r)))
            .chain(quotes.map(|(i, r)| RuleRef::Quote(i, r)))
            .chain(speakers.map(|(i, r)| RuleRef::Speaker(i, r)))
    }

    /// The rule with this id.
    pub fn get(&self, id: &str) -> Option<RuleRef<'_>> {
        self.iter().find(|r| r.id() == id)
    }

    /// The rule set holding only `rule` (each example runs its rule alone).
    pub fn only(rule: RuleRef<'_>) -> RuleSet {
        let mut set = RuleSet::default();
        match rule {
            RuleRef::Claim(_, r) => set.claims.push(r.clone()),
            RuleRef::Fact(_, r) => set.facts.push(r.clone()),
            RuleRef::Quote(_, r) => set.quotes.push(r.clone()),
            RuleRef::Speaker(_, r) => set.speakers.push(r.clone()),
        }
        set.index_patterns();
        set
    }
}

/// One rule of a [`RuleSet`], with its index among the rules of its kind.
#[derive(Debug, Clone, Copy)]
pub enum RuleRef<'a> {
    Claim(usize, &'a Claim),
    Fact(usize, &'a Fact),
    Quote(usize, &'a QuoteRule),
    Speaker(usize, &'a SpeakerRule),
}

impl<'a> RuleRef<'a> {
    pub fn id(self) -> &'a str {
        match self {
            RuleRef::Claim(_, r) => &r.id,
            RuleRef::Fact(_, r) => &r.id,
            RuleRef::Quote(_, r) => &r.id,
            RuleRef::Speaker(_, r) => &r.id,
        }
    }

    /// The table name: "claim", "fact", "quote", "speaker".
    pub fn kind(self) -> &'static str {
        match self {
            RuleRef::Claim(..) => "claim",
            RuleRef::Fact(..) => "fact",
            RuleRef::Quote(..) => "quote",
            RuleRef::Speaker(..) => "speaker",
        }
    }

    pub fn origin(self) -> &'a Origin {
        match self {
            RuleRef::Claim(_, r) => &r.origin,
            RuleRef::Fact(_, r) => &r.origin,
            RuleRef::Quote(_, r) => &r.origin,
            RuleRef::Speaker(_, r) => &r.origin,
        }
    }

    /// The severity of its findings; `None` for rules that make none (speakers).
    pub fn severity(self) -> Option<Severity> {
        match self {
            RuleRef::Claim(_, r) => Some(r.severity),
            RuleRef::Fact(_, r) => Some(r.severity),
            RuleRef::Quote(_, r) => Some(r.severity),
            RuleRef::Speaker(..) => None,
        }
    }

    /// What the rule asks, in a sentence, when it says.
    pub fn question(self) -> Option<String> {
        match self {
            RuleRef::Claim(_, r) => r.question.clone(),
            RuleRef::Fact(_, r) => r.question.clone(),
            RuleRef::Quote(_, r) => {
                Some(format!("Is this quotation rendered as said: “{}”?", r.text))
            }
            RuleRef::Speaker(..) => None,
        }
    }

    /// Its embedded examples, checked by `concord test`.
    pub fn examples(self) -> &'a [Example] {
        match self {
            RuleRef::Claim(_, r) => &r.examples,
            RuleRef::Fact(_, r) => &r.examples,
            RuleRef::Quote(..) | RuleRef::Speaker(..) => &[],
        }
    }

    /// The same rule with its publication window dropped (an undated
    /// example cannot be judged by one).
    pub fn without_window(self) -> RuleSet {
        let mut set = RuleSet::only(self);
        set.claims.iter_mut().for_each(|c| c.published = None);
        set.facts.iter_mut().for_each(|f| f.published = None);
        set
    }
}

/// Compiles one parsed rule file: the rules that compiled, and every problem
/// found (the valid rules are still checked for duplicate ids). Patterns
/// compile within `budget`.
fn compile_file(file: &SourceFile, raw: RawRuleFile, budget: &Budget) -> (RuleSet, Vec<Problem>) {
    let mut problems = Vec::new();
    let set = RuleSet {
        claims: kept(
            raw.claim,
            |r| claim::compile_claim(file, r, budget),
            &mut problems,
        ),
        facts: kept(
            raw.fact,
            |r| fact::compile_fact(file, r, budget),
            &mut problems,
        ),
        quotes: kept(raw.quote, |r| quote::compile_quote(file, r), &mut problems),
        speakers: kept(
            raw.speaker,
            |r| speaker::compile_speaker(file, r),
            &mut problems,
        ),
        prefilter: None,
    };
    (set, problems)
}

/// The rules that compile; the problems of the others pushed.
fn kept<R, T>(
    raw: Vec<R>,
    compile: impl Fn(R) -> Result<T, Vec<Problem>>,
    problems: &mut Vec<Problem>,
) -> Vec<T> {
    raw.into_iter()
        .filter_map(|r| compile(r).map_err(|mut e| problems.append(&mut e)).ok())
        .collect()
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
        if crate::input::exists(path) && !path.is_dir() {
            // (A FIFO or a dangling link is refused when it is read.)
            files.push(path.clone());
        } else if path.is_dir() {
            for unread in crate::input::files_below(path, &is_rule_file, &[], &mut files) {
                problems.push(Problem::error(
                    "concord::io",
                    format!(
                        "cannot read rule folder `{}`: {}",
                        shown(&unread.path),
                        unread.reason
                    ),
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
    // One file named twice (`rules` and `./rules/../rules`, or through a
    // link) is read once.
    let mut seen = std::collections::HashSet::new();
    files.retain(|f| seen.insert(f.canonicalize().unwrap_or_else(|_| f.clone())));
    // Every file is parsed and its rules counted before any pattern is
    // compiled: a set over the limit is refused before it costs memory.
    let mut parsed = Vec::with_capacity(files.len());
    for path in &files {
        let shown = shown(path);
        match crate::input::read_text(path, &shown, limits.max_file_bytes).and_then(|file| {
            toml_input::parse::<RawRuleFile>(&file, 0, &file.text).map(|raw| (file, raw))
        }) {
            Ok(file_and_raw) => parsed.push(file_and_raw),
            Err(problem) => problems.push(problem),
        }
    }
    let count: usize = parsed.iter().map(|(_, raw)| raw.rule_count()).sum();
    if count > limits.max_rules {
        problems.push(too_many_rules(limits.max_rules));
        return Err(problems);
    }
    let budget = Budget::new(limits);
    let mut rules = RuleSet::default();
    for (file, raw) in parsed {
        add_compiled(&mut rules, &mut problems, compile_file(&file, raw, &budget));
    }
    problems.extend(duplicate_ids(&rules));
    if problems.is_empty() {
        rules.index_patterns();
        Ok(rules)
    } else {
        Err(problems)
    }
}

/// Compiles rules from text, as if read from a file named `name`, under
/// `limits`: what `load_rules` does for one file (for tests and fuzzing).
pub fn compile_rule_text(name: &str, text: &str, limits: &Limits) -> Result<RuleSet, Vec<Problem>> {
    let file = SourceFile::new(name, text);
    let raw: RawRuleFile = toml_input::parse(&file, 0, text).map_err(|p| vec![p])?;
    if raw.rule_count() > limits.max_rules {
        return Err(vec![too_many_rules(limits.max_rules)]);
    }
    let mut rules = RuleSet::default();
    let mut problems = Vec::new();
    add_compiled(
        &mut rules,
        &mut problems,
        compile_file(&file, raw, &Budget::new(limits)),
    );
    problems.extend(duplicate_ids(&rules));
    if problems.is_empty() {
        rules.index_patterns();
        Ok(rules)
    } else {
        Err(problems)
    }
}

fn add_compiled(
    rules: &mut RuleSet,
    problems: &mut Vec<Problem>,
    compiled: (RuleSet, Vec<Problem>),
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
    for rule in rules.iter() {
        let (id, here) = (rule.id(), rule.origin());
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
