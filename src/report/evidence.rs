//! Which evidence the human report shows of a finding that has more than
//! `--max-evidence` pieces. The first N would show only what the first
//! documents say; a reader needs every side. So a misquote's reference is
//! always shown (besides the N), every answer (stance, value, class of difference, speaker) keeps
//! at least one piece, and the remaining places go round the answers in
//! turn — the most-held answer first, then the minorities, smallest first —
//! so a lone dissenter is never cut and a minority is shown whole before the
//! majority fills the rest.

use crate::finding::{Answer, Evidence, Finding};

/// What a piece of evidence says, for grouping: its stance, value or class,
/// or for a quotation given to another speaker, that speaker.
fn answer_key(ev: &Evidence) -> String {
    match (&ev.answer, ev.answer.label()) {
        (Answer::Quotation, _) => format!("speaker {}", ev.speaker.as_deref().unwrap_or("")),
        (_, Some(label)) => label.to_string(),
        (_, None) => String::new(),
    }
}

/// The reference and evidence of `finding` to show, in their order: the
/// reference and at most `max` pieces of evidence (`0`: all); the rest is
/// counted by the caller.
pub(super) fn shown(finding: &Finding, max: usize) -> Vec<&Evidence> {
    let all: Vec<&Evidence> = finding.reference.iter().chain(&finding.evidence).collect();
    let reference = usize::from(finding.reference.is_some());
    if max == 0 || finding.evidence.len() <= max {
        return all;
    }
    let max = max + reference;
    // Groups of indices into `all`, in order of first appearance.
    let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
    for (i, ev) in all.iter().enumerate().skip(reference) {
        let key = answer_key(ev);
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, members)) => members.push(i),
            None => groups.push((key, vec![i])),
        }
    }
    let mut order: Vec<&Vec<usize>> = groups.iter().map(|(_, m)| m).collect();
    // The most-held answer (the first on a tie), then the others by size,
    // smallest first; a stable sort keeps document order among equals.
    if let Some(most) = (0..order.len()).min_by_key(|&g| std::cmp::Reverse(order[g].len())) {
        let most = order.remove(most);
        order.sort_by_key(|members| members.len());
        order.insert(0, most);
    }
    let mut keep: Vec<usize> = (0..reference).collect();
    let mut round = 0;
    while keep.len() < max && order.iter().any(|members| round < members.len()) {
        for members in &order {
            if keep.len() == max {
                break;
            }
            if let Some(&i) = members.get(round) {
                keep.push(i);
            }
        }
        round += 1;
    }
    keep.sort_unstable();
    keep.into_iter().map(|i| all[i]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{Kind, Severity, test_evidence};

    fn evidence(outlet: &str, answer: Answer) -> Evidence {
        test_evidence(outlet, answer)
    }

    fn stance(outlet: &str, name: &str) -> Evidence {
        evidence(outlet, Answer::Stance(name.to_string()))
    }

    fn claim(evidence: Vec<Evidence>) -> Finding {
        Finding::new(
            Kind::Conflict,
            "r",
            Severity::Warning,
            String::new(),
            None,
            evidence,
        )
    }

    fn answers(shown: &[&Evidence]) -> Vec<String> {
        shown.iter().map(|e| answer_key(e)).collect()
    }

    #[test]
    fn no_cap_or_few_pieces_show_everything() {
        let f = claim((0..5).map(|i| stance(&format!("o{i}"), "yes")).collect());
        assert_eq!(shown(&f, 0).len(), 5);
        assert_eq!(shown(&f, 5).len(), 5);
        assert_eq!(shown(&f, 3).len(), 3);
    }

    #[test]
    fn a_lone_dissenter_at_the_end_is_kept() {
        let mut all: Vec<Evidence> = (0..999).map(|i| stance(&format!("o{i}"), "yes")).collect();
        all.push(stance("last", "no"));
        let f = claim(all);
        let kept = shown(&f, 10);
        assert_eq!(kept.len(), 10);
        assert!(
            kept.iter().any(|e| e.outlet == "last"),
            "{:?}",
            answers(&kept)
        );
        // Document order is kept: the dissenter, last in the finding, is last.
        assert_eq!(kept.last().unwrap().outlet, "last");
    }

    #[test]
    fn a_minority_is_shown_whole_before_the_majority_fills_the_rest() {
        let mut all: Vec<Evidence> = (0..50).map(|i| stance(&format!("y{i}"), "yes")).collect();
        all.extend((0..3).map(|i| stance(&format!("n{i}"), "no")));
        all.extend((0..20).map(|i| stance(&format!("m{i}"), "maybe")));
        let kept = answers(&shown(&claim(all), 10));
        let count = |a: &str| kept.iter().filter(|k| *k == a).count();
        assert_eq!(count("no"), 3);
        assert_eq!((count("yes"), count("maybe")), (4, 3), "{kept:?}");
    }

    #[test]
    fn every_answer_is_represented_when_there_is_room() {
        let values = ["1", "2", "3", "4", "5", "6"];
        let all: Vec<Evidence> = (0..60)
            .map(|i| stance(&format!("o{i}"), values[i % values.len()]))
            .collect();
        let kept = answers(&shown(&claim(all), 6));
        for v in values {
            assert!(kept.iter().any(|k| k == v), "{v} missing from {kept:?}");
        }
    }

    #[test]
    fn the_reference_is_always_kept() {
        let mut f = claim(
            (0..30)
                .map(|i| {
                    evidence(
                        &format!("o{i}"),
                        Answer::Rendering {
                            class: crate::finding::Class::Minor,
                            diff: Vec::new(),
                        },
                    )
                })
                .collect(),
        );
        f.reference = Some(evidence("ref", Answer::Reference));
        let kept = shown(&f, 1);
        assert_eq!(kept.len(), 2);
        assert_eq!(kept[0].outlet, "ref");
        assert_eq!(kept[1].outlet, "o0");
    }

    #[test]
    fn misattributions_keep_each_speaker() {
        let speaker = |outlet: &str, who: &str| Evidence {
            speaker: Some(who.to_string()),
            ..evidence(outlet, Answer::Quotation)
        };
        let mut all: Vec<Evidence> = (0..20).map(|i| speaker(&format!("a{i}"), "Ana")).collect();
        all.push(speaker("b", "Bo"));
        let f = claim(all);
        let kept = shown(&f, 3);
        assert!(kept.iter().any(|e| e.speaker.as_deref() == Some("Bo")));
    }
}
