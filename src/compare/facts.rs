//! Facts across sources: values that cannot denote the same thing conflict
//! ("1.5 hours" and "more than two hours"); values that can agree, even when
//! written differently ("Friday" and "April 4", "about an hour" and "almost an
//! hour").

use std::collections::BTreeSet;

use super::evidence::{Found, Names, tally_message};
use crate::analyze::Analysis;
use crate::finding::{Answer, FactValue, Finding, Kind};
use crate::rules::Fact;
use crate::source::Document;
use crate::value::Value;

/// One finding per fact that any source gives a value for.
pub fn compare_facts(
    docs: &[Document],
    facts: &[Fact],
    analyses: &[Analysis],
    names: &Names,
) -> Vec<Finding> {
    facts
        .iter()
        .enumerate()
        .filter_map(|(index, fact)| {
            let mut values = Vec::new();
            let found: Vec<Found> = docs
                .iter()
                .zip(analyses)
                .flat_map(|(doc, analysis)| {
                    analysis
                        .facts
                        .iter()
                        .filter(move |e| e.fact == index)
                        .map(move |ev| (doc, ev))
                })
                .map(|(doc, ev)| {
                    values.push(ev.value.clone());
                    Found {
                        doc,
                        // the value itself is what a reader needs to see
                        matched: ev.value_span.clone(),
                        sentence: ev.sentence.clone(),
                        answer: Answer::Value(FactValue {
                            raw: doc.text()[ev.value_span.clone()].to_string(),
                            normalized: ev.value.to_string(),
                        }),
                        holder: names.holder(doc, ev.holder.as_deref()),
                    }
                })
                .collect();
            decide(fact, found, &values)
        })
        .collect()
}

fn decide(fact: &Fact, found: Vec<Found>, values: &[Value]) -> Option<Finding> {
    if found.is_empty() {
        return None;
    }
    let conflict = values
        .iter()
        .enumerate()
        .any(|(i, a)| values[i + 1..].iter().any(|b| !a.compatible(b)));
    let kind = if conflict {
        Kind::Conflict
    } else {
        Kind::Agreement
    };
    // normalized value → distinct holders, in order of first appearance
    let mut groups: Vec<(String, BTreeSet<&str>)> = Vec::new();
    for f in &found {
        let key = f.answer.label().unwrap_or_default().to_string();
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, holders)) => {
                holders.insert(&f.holder);
            }
            None => groups.push((key, BTreeSet::from([f.holder.as_str()]))),
        }
    }
    let message = tally_message(
        kind,
        groups.iter().map(|(k, h)| (k.clone(), h.len())).collect(),
    );
    let evidence: Vec<_> = found.into_iter().map(Found::into_evidence).collect();
    Some(Finding::new(
        kind,
        &fact.id,
        fact.severity,
        message,
        fact.question.clone(),
        evidence,
    ))
}
