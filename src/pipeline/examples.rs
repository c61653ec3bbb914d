//! Rule examples (`[[claim.example]]`, `[[fact.example]]`): each runs its rule
//! alone through analysis on the example's text; a failure is a diagnostic
//! pointing at the example's `expect` in the rule file.

use std::collections::BTreeSet;
use std::ops::Range;

use jiff::civil::Date;

use crate::analyze::analyze;
use crate::diagnostic::{Problem, SourceFile};
use crate::rules::{NO_STANCE, Origin, RuleSet};
use crate::source::{Document, Metadata};
use crate::value::{DateOrder, ValueContext, ValueType, normalize};

/// How the examples of a rule set fared.
#[derive(Debug, Default)]
pub struct ExampleRun {
    pub passed: usize,
    /// One diagnostic per failing example, in rule order.
    pub failures: Vec<Problem>,
}

/// Runs every example embedded in `rules`.
pub fn run_examples(rules: &RuleSet, date_order: DateOrder) -> ExampleRun {
    let mut run = ExampleRun::default();
    for example in examples(rules) {
        match example.run(date_order) {
            Ok(()) => run.passed += 1,
            Err(problem) => run.failures.push(problem),
        }
    }
    run
}

/// One embedded example, with its rule alone in a rule set.
struct Example<'a> {
    id: &'a str,
    origin: &'a Origin,
    rules: RuleSet,
    text: &'a str,
    published: Option<Date>,
    expect: &'a str,
    holder: Option<&'a str>,
    span: Range<usize>,
}

fn examples(rules: &RuleSet) -> Vec<Example<'_>> {
    // Each example runs its rule alone; the time window needs a date to
    // judge by, so an undated example ignores it.
    let mut out = Vec::new();
    for rule in rules.iter() {
        for ex in rule.examples() {
            let alone = if ex.published.is_some() {
                RuleSet::only(rule)
            } else {
                rule.without_window()
            };
            out.push(example_run(rule.id(), rule.origin(), alone, ex));
        }
    }
    out
}

fn example_run<'a>(
    id: &'a str,
    origin: &'a Origin,
    rules: RuleSet,
    ex: &'a crate::rules::Example,
) -> Example<'a> {
    Example {
        id,
        origin,
        rules,
        text: &ex.text,
        published: ex.published,
        expect: &ex.expect,
        holder: ex.holder.as_deref(),
        span: ex.span.clone(),
    }
}

/// What an example yields: stances or normalized values, and their holders.
struct Outcome {
    answers: BTreeSet<String>,
    holders: BTreeSet<String>,
    set_aside: Vec<String>,
}

impl Example<'_> {
    fn evaluate(&self, date_order: DateOrder) -> Outcome {
        const OUTLET: &str = "the source";
        let file = SourceFile::new(format!("example of {}", self.id), self.text.to_string());
        let meta = Metadata {
            outlet: Some(OUTLET.into()),
            url: None,
            published: self.published,
        };
        let doc = Document::new(file, meta, 0..self.text.len());
        let analysis = analyze(&doc, &self.rules, date_order);
        let holder = |h: &Option<String>| h.clone().unwrap_or_else(|| OUTLET.into());
        let stance = |i: usize| self.rules.claims[0].stances[i].name.clone();
        let mut answers: BTreeSet<String> =
            analysis.evidence.iter().map(|e| stance(e.stance)).collect();
        answers.extend(analysis.facts.iter().map(|e| e.value.to_string()));
        let mut holders: BTreeSet<String> = analysis
            .evidence
            .iter()
            .map(|e| holder(&e.holder))
            .collect();
        holders.extend(analysis.facts.iter().map(|e| holder(&e.holder)));
        let set_aside = analysis
            .skipped
            .iter()
            .chain(&analysis.fact_skipped)
            .map(|s| format!("'{}': {}", &self.text[s.matched.clone()], s.reason))
            .chain(analysis.notes.iter().map(|n| n.message.clone()))
            .collect();
        Outcome {
            answers,
            holders,
            set_aside,
        }
    }

    /// A fact example's `expect` read as a value of the fact's type, so a
    /// duration may be written in any unit ("2922 days" is "8 years") and a
    /// text in any case; `None` for claims or an `expect` that is no value.
    fn expected_value(&self) -> Option<String> {
        let [fact] = self.rules.facts.as_slice() else {
            return None;
        };
        if !matches!(fact.kind, ValueType::Duration | ValueType::Text) {
            return None;
        }
        let cx = ValueContext {
            before: "",
            after: "",
            published: None,
            date_order: DateOrder::default(),
            synonyms: &fact.synonyms,
        };
        normalize(fact.kind, self.expect, &cx)
            .ok()
            .map(|v| v.to_string())
    }

    fn run(&self, date_order: DateOrder) -> Result<(), Problem> {
        let outcome = self.evaluate(date_order);
        let answer_ok = if self.expect == NO_STANCE {
            outcome.answers.is_empty()
        } else {
            outcome.answers.len() == 1
                && (outcome.answers.contains(self.expect)
                    || self
                        .expected_value()
                        .is_some_and(|v| outcome.answers.contains(&v)))
        };
        let holder_ok = match self.holder {
            Some(holder) if answer_ok && self.expect != NO_STANCE => {
                outcome.holders.len() == 1 && outcome.holders.contains(holder)
            }
            _ => true,
        };
        if answer_ok && holder_ok {
            return Ok(());
        }
        let found = if outcome.answers.is_empty() {
            "nothing".to_string()
        } else {
            let quoted: Vec<String> = outcome.answers.iter().map(|s| format!("`{s}`")).collect();
            quoted.join(" and ")
        };
        let (message, label) = if answer_ok {
            let holders = outcome
                .holders
                .iter()
                .cloned()
                .collect::<Vec<_>>()
                .join(", ");
            (
                format!(
                    "example of `{}` expects holder {:?}, found {holders:?}",
                    self.id,
                    self.holder.unwrap_or("")
                ),
                format!("attributed to {holders}"),
            )
        } else {
            (
                format!(
                    "example of `{}` expects `{}`, found {found}",
                    self.id, self.expect
                ),
                format!("found {found}"),
            )
        };
        let mut problem = Problem::error("concord::test::failed", message)
            .in_file(&self.origin.file)
            .label(self.span.clone(), label);
        if !outcome.set_aside.is_empty() {
            problem = problem.help(format!("set aside: {}", outcome.set_aside.join("; ")));
        }
        Err(problem)
    }
}
