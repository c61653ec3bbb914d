//! `[[fact]]` rules: patterns with a `value` capture, normalized by `type`.

use jiff::civil::Date;
use toml::Spanned;

use super::compile::{
    Budget, Example, Origin, checked_id, compile_example, compile_patterns, date_window, push_err,
};
use super::pattern::Pattern;
use super::raw::RawFact;
use crate::diagnostic::{Problem, SourceFile};
use crate::finding::Severity;
use crate::text::fold;
use crate::value::{Tolerance, ValueType};

/// The capture group every fact pattern must have.
pub const VALUE_GROUP: &str = "value";

#[derive(Debug, Clone)]
pub struct Fact {
    pub id: String,
    pub question: Option<String>,
    pub severity: Severity,
    pub kind: ValueType,
    pub patterns: Vec<Pattern>,
    pub context: Vec<Pattern>,
    /// A sentence matching one of these is no evidence for the fact.
    pub unless: Vec<Pattern>,
    /// How far apart values may lie and still agree (`tolerance`).
    pub tolerance: Option<Tolerance>,
    pub published: Option<(Date, Date)>,
    /// The event's dates (`during`): what "another time" is measured against.
    pub during: Option<(Date, Date)>,
    /// (variant, canonical), both folded; text facts only.
    pub synonyms: Vec<(String, String)>,
    pub examples: Vec<Example>,
    pub origin: Origin,
}

impl Fact {
    pub fn applies_on(&self, date: Option<Date>) -> bool {
        super::compile::in_window(self.published, date)
    }
}

pub(super) fn compile_fact(
    file: &SourceFile,
    raw: RawFact,
    budget: &Budget,
) -> Result<Fact, Vec<Problem>> {
    let mut problems = Vec::new();
    let id = checked_id(file, &raw.id, &mut problems);
    let written: Vec<Spanned<String>> = raw
        .pattern
        .iter()
        .cloned()
        .chain(raw.patterns.iter().cloned())
        .collect();
    if written.is_empty() {
        problems.push(
            Problem::error(
                "concord::rule::no_pattern",
                format!("fact `{id}` has no pattern"),
            )
            .in_file(file)
            .label(raw.id.span(), "this fact")
            .help("add pattern = '… (?P<value>…) …', or patterns = [...]"),
        );
    }
    for pattern in &written {
        if !pattern.get_ref().contains(&format!("(?P<{VALUE_GROUP}>"))
            && !pattern.get_ref().contains(&format!("(?<{VALUE_GROUP}>"))
        {
            problems.push(
                Problem::error(
                    "concord::rule::no_value",
                    "this fact pattern captures no `value`",
                )
                .in_file(file)
                .label(pattern.span(), "no (?P<value>…) group")
                .help("wrap the part that holds the value in (?P<value>…)"),
            );
        }
    }
    let patterns = compile_patterns(file, &written, budget, &mut problems);
    let context = compile_patterns(file, &raw.context, budget, &mut problems);
    let unless = compile_patterns(file, &raw.unless, budget, &mut problems);
    let published = raw
        .published
        .as_ref()
        .and_then(|window| push_err(date_window(file, window), &mut problems));
    let during = raw
        .during
        .as_ref()
        .and_then(|window| push_err(date_window(file, window), &mut problems));
    let synonyms = synonyms(file, &raw, &mut problems);
    let tolerance = raw.tolerance.as_ref().and_then(|written| {
        Tolerance::parse(raw.kind, written.get_ref())
            .map_err(|why| {
                problems.push(
                    Problem::error(
                        "concord::rule::bad_tolerance",
                        format!("fact `{id}` has an unusable tolerance"),
                    )
                    .in_file(file)
                    .label(written.span(), why),
                )
            })
            .ok()
    });
    let examples = raw
        .example
        .iter()
        .filter_map(|ex| push_err(compile_example(file, ex), &mut problems))
        .collect();
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Fact {
        id,
        question: raw.question,
        severity: raw.severity.unwrap_or(Severity::Warning),
        kind: raw.kind,
        patterns,
        context,
        unless,
        tolerance,
        published,
        during,
        synonyms,
        examples,
        origin: Origin {
            file: file.clone(),
            id_span: raw.id.span(),
        },
    })
}

fn synonyms(
    file: &SourceFile,
    raw: &RawFact,
    problems: &mut Vec<Problem>,
) -> Vec<(String, String)> {
    let Some(table) = &raw.synonyms else {
        return Vec::new();
    };
    if raw.kind != ValueType::Text {
        problems.push(
            Problem::error(
                "concord::rule::synonyms_need_text",
                "`synonyms` only apply to text facts",
            )
            .in_file(file)
            .label(
                table.span(),
                format!("this fact's type is {}", raw.kind.as_str()),
            )
            .help("remove [fact.synonyms], or make the fact type = \"text\""),
        );
        return Vec::new();
    }
    table
        .get_ref()
        .iter()
        .flat_map(|(canonical, variants)| {
            let canonical = fold(canonical);
            variants.iter().map(move |v| (fold(v), canonical.clone()))
        })
        .collect()
}
