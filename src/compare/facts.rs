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
    let pairs = Pairs::of(values, fact.tolerance);
    let kind = if pairs.conflict {
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

/// A pair of values, in the order they were found, and their verdict.
type Pair<'a> = (&'a Value, &'a Value, Verdict);

/// What a fact's findings need from every pair of its values (each value
/// with every later one, in the order found), without keeping the pairs: a
/// fact given in thousands of sources has millions of them.
struct Pairs<'a> {
    /// Some pair does not agree.
    conflict: bool,
    /// Of the pairs apart, the first closest one (gap over magnitude).
    closest_apart: Option<Pair<'a>>,
    /// The first pair that agrees only within the fact's tolerance.
    within: Option<Pair<'a>>,
    /// The first pair that agrees only within the reach of "about".
    about: Option<Pair<'a>>,
}

impl<'a> Pairs<'a> {
    /// Sources repeat values, so each distinct value is compared once with
    /// each: a pair's verdict depends on the two values alone, and "first"
    /// is the first place in the order of pairs where two such values meet.
    fn of(values: &'a [Value], tolerance: Option<Tolerance>) -> Self {
        // Distinct values (field for field, as `Debug` writes them), each
        // with the places it is found at, in order.
        let mut index = std::collections::HashMap::new();
        let mut distinct: Vec<Vec<usize>> = Vec::new();
        for (at, value) in values.iter().enumerate() {
            let class = *index.entry(format!("{value:?}")).or_insert_with(|| {
                distinct.push(Vec::new());
                distinct.len() - 1
            });
            distinct[class].push(at);
        }
        let mut pairs = Pairs {
            conflict: false,
            closest_apart: None,
            within: None,
            about: None,
        };
        // (The place of the pair kept in each slot, to compare with.)
        let (mut closest_at, mut within_at, mut about_at) = ((0, 0), (0, 0), (0, 0));
        let ratio = |v: &Verdict| v.gap / v.magnitude;
        for a in &distinct {
            for b in &distinct {
                // The first pair: `a`'s first place, and `b`'s first place after it.
                let i = a[0];
                let Some(&j) = b.get(b.partition_point(|&j| j <= i)) else {
                    continue;
                };
                let verdict = values[i].compare(&values[j], tolerance);
                let pair = Some((&values[i], &values[j], verdict));
                pairs.conflict |= !verdict.agrees();
                match verdict.decided {
                    Decided::Apart => {
                        let closer = pairs.closest_apart.is_none_or(|(.., c)| {
                            ratio(&verdict)
                                .total_cmp(&ratio(&c))
                                .then((i, j).cmp(&closest_at))
                                .is_lt()
                        });
                        if closer {
                            (pairs.closest_apart, closest_at) = (pair, (i, j));
                        }
                    }
                    Decided::Tolerance if pairs.within.is_none() || (i, j) < within_at => {
                        (pairs.within, within_at) = (pair, (i, j));
                    }
                    Decided::About if pairs.about.is_none() || (i, j) < about_at => {
                        (pairs.about, about_at) = (pair, (i, j));
                    }
                    _ => {}
                }
            }
        }
        pairs
    }
}

/// Near the edge, which tolerance decided: for an agreement, the pair that
/// agrees only within the fact's `tolerance` or the reach of "about"; for a
/// conflict, the closest pair apart, when the gap is within 10% of the
/// larger value (2 days for dates) or twice the tolerance.
fn edge_note(tolerance: Option<Tolerance>, pairs: &Pairs) -> Option<String> {
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
    if let Some((a, b, v)) = pairs.closest_apart {
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
    if let Some(((a, b, v), t)) = pairs.within.zip(tolerance) {
        return Some(format!(
            "{} and {} are {} apart, within {}",
            shown(a),
            shown(b),
            a.describe_amount(v.gap),
            set(t, a, v.allowed)
        ));
    }
    pairs.about.map(|(a, b, _)| {
        format!(
            "{} and {} agree within the reach of “about”",
            shown(a),
            shown(b)
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::test_number as number;

    /// What `Pairs::of` must find, from every pair in order.
    fn every_pair(values: &[Value], tolerance: Option<Tolerance>) -> Vec<Pair<'_>> {
        let mut pairs = Vec::new();
        for (i, a) in values.iter().enumerate() {
            for b in &values[i + 1..] {
                pairs.push((a, b, a.compare(b, tolerance)));
            }
        }
        pairs
    }

    #[test]
    fn distinct_values_find_what_every_pair_finds() {
        let values: Vec<Value> = [
            "about 2,000",
            "1,990",
            "2,100",
            "about 2,000",
            "1,990",
            "2,500",
            "2,100",
            "1,800",
            "2,500",
            "about 2,000",
            "2,000",
        ]
        .iter()
        .map(|t| number(t))
        .collect();
        // (How often each kind of pair was found, so the test tests them all.)
        let mut seen = [0; 3];
        for tolerance in [
            None,
            Some(Tolerance::Percent(5.0)),
            Some(Tolerance::Absolute(150.0)),
        ] {
            for n in 0..=values.len() {
                let values = &values[..n];
                let all = every_pair(values, tolerance);
                let found = Pairs::of(values, tolerance);
                let first = |decided: Decided| {
                    all.iter()
                        .position(|(.., v)| v.decided == decided)
                        .map(|k| all[k])
                };
                let ratio = |v: &Verdict| v.gap / v.magnitude;
                let closest = all
                    .iter()
                    .filter(|(.., v)| v.decided == Decided::Apart)
                    .min_by(|x, y| ratio(&x.2).total_cmp(&ratio(&y.2)))
                    .copied();
                let same = |x: Option<Pair>, y: Option<Pair>| match (x, y) {
                    (Some(x), Some(y)) => std::ptr::eq(x.0, y.0) && std::ptr::eq(x.1, y.1),
                    (None, None) => true,
                    _ => false,
                };
                assert_eq!(found.conflict, all.iter().any(|(.., v)| !v.agrees()));
                assert!(same(found.closest_apart, closest), "{tolerance:?} {n}");
                assert!(
                    same(found.within, first(Decided::Tolerance)),
                    "{tolerance:?} {n}"
                );
                assert!(
                    same(found.about, first(Decided::About)),
                    "{tolerance:?} {n}"
                );
                for (k, slot) in [found.closest_apart, found.within, found.about]
                    .iter()
                    .enumerate()
                {
                    seen[k] += usize::from(slot.is_some());
                }
            }
        }
        assert!(seen.iter().all(|&n| n > 0), "{seen:?}");
    }
}
