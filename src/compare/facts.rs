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
use crate::value::{Decided, Tolerance, Value, Verdict};

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
                            fingerprinted: ev.value.fingerprinted(),
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
    let pairs: Vec<(&Value, &Value, Verdict)> = values
        .iter()
        .enumerate()
        .flat_map(|(i, a)| {
            values[i + 1..]
                .iter()
                .map(move |b| (a, b, a.compare(b, fact.tolerance)))
        })
        .collect();
    let conflict = pairs.iter().any(|(_, _, verdict)| !verdict.agrees());
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
    let mut finding = Finding::new(
        kind,
        &fact.id,
        fact.severity,
        message,
        fact.question.clone(),
        evidence,
    );
    finding.note = edge_note(fact.tolerance, &pairs);
    Some(finding)
}

/// Near the edge, which tolerance decided: for an agreement, the pair that
/// agrees only within the fact's `tolerance` or the reach of "about"; for a
/// conflict, the closest pair apart, when the gap is within 10% of the
/// larger value (2 days for dates) or twice the tolerance.
fn edge_note(tolerance: Option<Tolerance>, pairs: &[(&Value, &Value, Verdict)]) -> Option<String> {
    let shown = |v: &Value| match v.reach() {
        Some(reach) => format!("“{v}” ({reach})"),
        None => format!("“{v}”"),
    };
    // "this fact's tolerance of 10% (2.4)"
    let set = |t: Tolerance, a: &Value, allowed: f64| match t {
        Tolerance::Percent(_) => format!(
            "this fact's tolerance of {t} ({})",
            a.describe_amount(allowed)
        ),
        Tolerance::Absolute(_) => {
            format!("this fact's tolerance of {}", a.describe_amount(allowed))
        }
    };
    let closest_apart = pairs
        .iter()
        .filter(|(_, _, v)| v.decided == Decided::Apart)
        .min_by(|x, y| (x.2.gap / x.2.magnitude).total_cmp(&(y.2.gap / y.2.magnitude)));
    if let Some((a, b, v)) = closest_apart {
        let close = match a {
            Value::Date(_) => v.gap <= 2.0,
            _ => v.gap <= 0.1 * v.magnitude,
        } || (tolerance.is_some() && v.gap <= 2.0 * v.allowed);
        return close.then(|| {
            if v.gap == 0.0 {
                return format!("{} and {} do not overlap", shown(a), shown(b));
            }
            let beyond = match tolerance {
                Some(t) => format!(", more than {}", set(t, a, v.allowed)),
                None => " (the fact sets no tolerance)".to_string(),
            };
            format!(
                "{} and {} are {} apart{beyond}",
                shown(a),
                shown(b),
                a.describe_amount(v.gap),
            )
        });
    }
    let within = pairs
        .iter()
        .find(|(_, _, v)| v.decided == Decided::Tolerance)
        .zip(tolerance);
    if let Some(((a, b, v), t)) = within {
        return Some(format!(
            "{} and {} are {} apart, within {}",
            shown(a),
            shown(b),
            a.describe_amount(v.gap),
            set(t, a, v.allowed)
        ));
    }
    pairs
        .iter()
        .find(|(_, _, v)| v.decided == Decided::About)
        .map(|(a, b, _)| {
            format!(
                "{} and {} agree within the reach of “about”",
                shown(a),
                shown(b)
            )
        })
}
