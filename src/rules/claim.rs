//! `[[claim]]` rules: which stance does each source take? Named stances, each
//! a list of patterns (with `unless` patterns that veto a match), an optional
//! `context` every matching sentence needs, and a publication window.

use jiff::civil::Date;

use super::compile::{
    Budget, Example, Origin, checked_id, compile_example, compile_patterns, date_window, in_window,
    push_err,
};
use super::pattern::Pattern;
use super::raw::{RawClaim, RawExample};
use crate::diagnostic::{Problem, SourceFile};
use crate::finding::Severity;
use crate::input::toml as toml_input;

/// The stance name examples use to say "no stance is evidenced".
pub const NO_STANCE: &str = "none";

#[derive(Debug, Clone)]
pub struct Claim {
    pub id: String,
    pub question: Option<String>,
    pub severity: Severity,
    pub context: Vec<Pattern>,
    pub stances: Vec<Stance>,
    /// Inclusive range of publication dates the rule applies to.
    pub published: Option<(Date, Date)>,
    /// The event's dates (`during`): what "another time" is measured against.
    pub during: Option<(Date, Date)>,
    pub examples: Vec<Example>,
    pub origin: Origin,
}

#[derive(Debug, Clone)]
pub struct Stance {
    pub name: String,
    pub patterns: Vec<Pattern>,
    pub unless: Vec<Pattern>,
}

impl Claim {
    /// Does the rule cover a source published on `date`?
    pub fn applies_on(&self, date: Option<Date>) -> bool {
        in_window(self.published, date)
    }
}

pub(super) fn compile_claim(
    file: &SourceFile,
    raw: RawClaim,
    budget: &Budget,
) -> Result<Claim, Vec<Problem>> {
    let mut problems = Vec::new();
    let id = checked_id(file, &raw.id, &mut problems);
    let context = compile_patterns(file, &raw.context, budget, &mut problems);
    let mut stances = Vec::new();
    for (name, stance) in &raw.stances.get_ref().0 {
        if name == NO_STANCE {
            problems.push(
                Problem::error(
                    "concord::rule::reserved_stance",
                    format!("`{NO_STANCE}` cannot name a stance"),
                )
                .in_file(file)
                .label(raw.stances.span(), format!("in these stances of `{id}`"))
                .help(format!(
                    "`{NO_STANCE}` is how examples say that no stance matches; rename the stance"
                )),
            );
        }
        if stance.patterns.is_empty() {
            problems.push(
                Problem::error(
                    "concord::rule::empty_stance",
                    format!("stance `{name}` of `{id}` has no patterns"),
                )
                .in_file(file)
                .label(raw.stances.span(), "give every stance at least one pattern"),
            );
        }
        stances.push(Stance {
            name: name.clone(),
            patterns: compile_patterns(file, &stance.patterns, budget, &mut problems),
            unless: compile_patterns(file, &stance.unless, budget, &mut problems),
        });
    }
    if stances.is_empty() {
        problems.push(
            Problem::error(
                "concord::rule::no_stances",
                format!("claim `{id}` has no stances"),
            )
            .in_file(file)
            .label(raw.stances.span(), "empty")
            .help("add at least one stance, e.g. yes = [\"pattern\"]"),
        );
    }
    let published = raw
        .published
        .as_ref()
        .and_then(|window| push_err(date_window(file, window), &mut problems));
    let during = raw
        .during
        .as_ref()
        .and_then(|window| push_err(date_window(file, window), &mut problems));
    let examples = raw
        .example
        .iter()
        .filter_map(|ex| push_err(compile_claim_example(file, ex, &stances), &mut problems))
        .collect();
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Claim {
        id,
        question: raw.question,
        severity: raw.severity.unwrap_or(Severity::Warning),
        context,
        stances,
        published,
        during,
        examples,
        origin: Origin {
            file: file.clone(),
            id_span: raw.id.span(),
        },
    })
}

/// A claim example must expect one of the claim's stances (or "none").
fn compile_claim_example(
    file: &SourceFile,
    raw: &RawExample,
    stances: &[Stance],
) -> Result<Example, Problem> {
    let expect = raw.expect.get_ref();
    if expect != NO_STANCE && !stances.iter().any(|s| &s.name == expect) {
        let names: Vec<String> = stances
            .iter()
            .map(|s| s.name.clone())
            .chain([NO_STANCE.to_string()])
            .collect();
        return Err(Problem::error(
            "concord::rule::unknown_stance",
            format!("example expects `{expect}`, which is not a stance of this claim"),
        )
        .in_file(file)
        .label(raw.expect.span(), "not a stance")
        .help(toml_input::suggestion(expect, &names, "stance")));
    }
    compile_example(file, raw)
}
