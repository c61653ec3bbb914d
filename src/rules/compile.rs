//! What every rule kind compiles alike: ids, patterns, time windows, examples
//! and where a rule was defined. Every refusal is a diagnostic on the span of
//! the offending value inside the rule file.

use std::cell::Cell;
use std::ops::Range;

use jiff::civil::Date;
use toml::Spanned;

use super::pattern::{Checker, Pattern, PatternError, PatternErrorKind};
use super::raw::RawExample;
use crate::config::Limits;
use crate::diagnostic::{Problem, SourceFile};
use crate::input::toml as toml_input;

#[derive(Debug, Clone)]
/// A rule's embedded example, checked by `concord test`.
pub struct Example {
    pub text: String,
    pub expect: String,
    pub holder: Option<String>,
    pub published: Option<Date>,
    /// Where the example sits in the rule file (its `expect` value).
    pub span: Range<usize>,
}

/// Where a rule was defined: the file and the span of its `id`.
#[derive(Debug, Clone)]
pub struct Origin {
    pub file: SourceFile,
    pub id_span: Range<usize>,
}

/// Is `date` inside the rule's time window? A source of unknown date is
/// outside every window.
pub(super) fn in_window(window: Option<(Date, Date)>, date: Option<Date>) -> bool {
    match (window, date) {
        (Some((from, to)), Some(date)) => from <= date && date <= to,
        (Some(_), None) => false,
        (None, _) => true,
    }
}

/// The rule's id, with a problem pushed if it is not kebab-case.
pub(super) fn checked_id(
    file: &SourceFile,
    id: &Spanned<String>,
    problems: &mut Vec<Problem>,
) -> String {
    let text = id.get_ref().clone();
    if !is_kebab_case(&text) {
        problems.push(
            Problem::error(
                "concord::rule::bad_id",
                format!("rule id `{text}` is not kebab-case"),
            )
            .in_file(file)
            .label(id.span(), "lowercase words joined by `-`")
            .help(format!("e.g. id = \"{}\"", to_kebab_case(&text))),
        );
    }
    text
}

pub(super) fn push_err<T>(result: Result<T, Problem>, problems: &mut Vec<Problem>) -> Option<T> {
    result.map_err(|p| problems.push(p)).ok()
}

pub(super) fn compile_example(file: &SourceFile, raw: &RawExample) -> Result<Example, Problem> {
    let published = raw
        .published
        .as_ref()
        .map(|d| toml_input::to_date(file, d))
        .transpose()?;
    Ok(Example {
        text: raw.text.get_ref().clone(),
        expect: raw.expect.get_ref().clone(),
        holder: raw.holder.as_ref().map(|h| h.get_ref().clone()),
        published,
        span: raw.expect.span(),
    })
}

pub(super) fn date_window(
    file: &SourceFile,
    window: &Spanned<Vec<Spanned<toml::value::Datetime>>>,
) -> Result<(Date, Date), Problem> {
    let bad = |why: &str| {
        Problem::error("concord::rule::bad_window", format!("`published` {why}"))
            .in_file(file)
            .label(window.span(), "expected [first-date, last-date]")
            .help("e.g. published = [2025-04-01, 2025-04-07]")
    };
    let [from, to] = window.get_ref().as_slice() else {
        return Err(bad("needs exactly two dates"));
    };
    let (from, to) = (
        toml_input::to_date(file, from)?,
        toml_input::to_date(file, to)?,
    );
    if from > to {
        return Err(bad("ends before it starts"));
    }
    Ok((from, to))
}

/// What compiled patterns may hold: each at most `per_pattern` bytes of
/// automaton, all of a run's rules together at most `total` (counted as each
/// pattern reports its memory: its two NFAs, measured when it is checked,
/// since its regex is only built when first searched), so no rule set can
/// exhaust the machine.
#[derive(Debug)]
pub(super) struct Budget {
    per_pattern: usize,
    total: usize,
    used: Cell<usize>,
    /// Set once the total is spent: later patterns are not compiled, and
    /// only the first one over is reported.
    spent: Cell<bool>,
    /// Checks each pattern without building its regex (see `Checker`).
    checker: Checker,
}

impl Budget {
    pub(super) fn new(limits: &Limits) -> Budget {
        Budget {
            per_pattern: limits.max_pattern_bytes,
            total: limits.max_total_pattern_bytes,
            used: Cell::new(0),
            spent: Cell::new(false),
            checker: Checker::default(),
        }
    }
}

/// Compiles each pattern under `budget`, pushing a problem for each that fails.
pub(super) fn compile_patterns(
    file: &SourceFile,
    raw: &[Spanned<String>],
    budget: &Budget,
    problems: &mut Vec<Problem>,
) -> Vec<Pattern> {
    let mut compiled = Vec::with_capacity(raw.len());
    for pattern in raw {
        if budget.spent.get() {
            break;
        }
        if let Some(p) = push_err(compile_pattern(file, pattern, budget), problems) {
            compiled.push(p);
        }
    }
    compiled
}

fn compile_pattern(
    file: &SourceFile,
    raw: &Spanned<String>,
    budget: &Budget,
) -> Result<Pattern, Problem> {
    let left = budget.total.saturating_sub(budget.used.get());
    let over_total = |budget: &Budget| {
        budget.spent.set(true);
        let err = PatternError {
            kind: PatternErrorKind::OverBudget,
            message: format!(
                "the patterns up to here compile to more than the total limit of {} bytes",
                budget.total
            ),
            at: None,
        };
        pattern_problem(file, raw, &err)
    };
    let pattern = Pattern::checked(raw.get_ref(), budget.per_pattern.min(left), &budget.checker)
        .map_err(|err| {
            if err.kind == PatternErrorKind::TooBig && left < budget.per_pattern {
                over_total(budget)
            } else {
                pattern_problem(file, raw, &err)
            }
        })?;
    budget.used.set(budget.used.get() + pattern.memory());
    if budget.used.get() > budget.total {
        return Err(over_total(budget));
    }
    Ok(pattern)
}

pub(super) fn pattern_problem(
    file: &SourceFile,
    raw: &Spanned<String>,
    err: &PatternError,
) -> Problem {
    let span = raw.span();
    let written = &file.text[span.clone()];
    let verbatim =
        written.len() == raw.get_ref().len() + 2 && &written[1..written.len() - 1] == raw.get_ref();
    let (label_span, label) = match &err.at {
        Some(at) if verbatim => {
            let start = span.start + 1 + at.start;
            let end = (span.start + 1 + at.end.max(at.start + 1)).min(span.end - 1);
            (start..end.max(start), err.message.clone())
        }
        _ => (span, err.message.clone()),
    };
    let (code, headline, help) = match err.kind {
        PatternErrorKind::Syntax => (
            "concord::rule::bad_regex",
            "this pattern is not a valid regular expression",
            "patterns use the syntax of the `regex` crate; escape literal characters such as ( [ . ? with a backslash, and prefer '…' literal strings so backslashes stay single",
        ),
        PatternErrorKind::TooBig => (
            "concord::rule::regex_too_big",
            "this pattern is too large to compile",
            "bound repetitions more tightly (e.g. {2,40} of a Unicode class is large), or split the pattern into several",
        ),
        PatternErrorKind::OverBudget => (
            "concord::limit::patterns",
            "the rules' patterns are too large together; compiling stopped here",
            "raise `max_total_pattern_bytes` under [limits] in concord.toml, or make patterns smaller (a Unicode class such as \\w repeated {100} is large; [a-z] is small)",
        ),
        PatternErrorKind::MatchesEmpty => (
            "concord::rule::empty_match",
            "this pattern can match empty text",
            "make at least one part of the pattern required",
        ),
    };
    Problem::error(code, headline)
        .in_file(file)
        .label(label_span, label)
        .help(help)
}

fn is_kebab_case(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

fn to_kebab_case(id: &str) -> String {
    let words: Vec<String> = id
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    if words.is_empty() {
        "my-rule".into()
    } else {
        words.join("-")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kebab_case_ids() {
        assert!(is_kebab_case("call-planned-april-4"));
        assert!(!is_kebab_case("Call_Planned"));
        assert!(!is_kebab_case("a--b"));
        assert_eq!(to_kebab_case("Call_Planned april"), "call-planned-april");
    }
}
