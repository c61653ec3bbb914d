//! Findings: plain serializable data that `compare` produces and every
//! renderer reads. Nothing here knows how it will be displayed.

use serde::{Deserialize, Serialize};

use crate::text::{Fnv, fold_whitespace};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Conflict,
    Misquote,
    Misattribution,
    Agreement,
}

impl Kind {
    /// Every kind, in the order reports count them.
    pub const ALL: [Kind; 4] = [
        Kind::Conflict,
        Kind::Misquote,
        Kind::Misattribution,
        Kind::Agreement,
    ];

    /// The kind whose code is `code` (`concord::conflict`).
    pub fn from_code(code: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.code() == code)
    }

    pub fn code(self) -> &'static str {
        match self {
            Kind::Conflict => "concord::conflict",
            Kind::Misquote => "concord::misquote",
            Kind::Misattribution => "concord::misattribution",
            Kind::Agreement => "concord::agree",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Conflict => "conflict",
            Kind::Misquote => "misquote",
            Kind::Misattribution => "misattribution",
            Kind::Agreement => "agreement",
        }
    }

    /// Agreements are reported, never failed on.
    pub fn is_problem(self) -> bool {
        !matches!(self, Kind::Agreement)
    }
}

#[derive(Debug, Clone)]
pub struct Finding {
    pub kind: Kind,
    pub code: &'static str,
    pub rule: String,
    pub severity: Severity,
    pub message: String,
    pub help: Option<String>,
    /// Facts near the edge: which tolerance decided the agreement or conflict.
    pub note: Option<String>,
    pub fingerprint: String,
    pub evidence: Vec<Evidence>,
    /// Quotations: the rendering the evidence is compared with, when it is
    /// one in a source (not a rule's pinned text). Not itself evidence.
    pub reference: Option<Evidence>,
}

impl Finding {
    /// A finding with its code and fingerprint derived. Agreements are
    /// reported at `info` whatever the rule says: they are never a problem.
    pub fn new(
        kind: Kind,
        rule: &str,
        severity: Severity,
        message: String,
        help: Option<String>,
        evidence: Vec<Evidence>,
    ) -> Self {
        Finding {
            kind,
            code: kind.code(),
            rule: rule.to_string(),
            severity: if kind.is_problem() {
                severity
            } else {
                Severity::Info
            },
            message,
            help,
            note: None,
            fingerprint: fingerprint(rule, kind, &evidence),
            evidence,
            reference: None,
        }
    }
}

impl Finding {
    /// The message as reports headline it: with the note, when there is one.
    pub fn headline(&self) -> String {
        match &self.note {
            Some(note) => format!("{} — {note}", self.message),
            None => self.message.clone(),
        }
    }

    /// The piece of evidence a report with one place per finding (a GitHub
    /// annotation, a SARIF result) stands at: where the finding dissents.
    /// For a conflict, the first evidence of the answer the fewest holders
    /// give (of equally few, the last to appear); for a misquote, the first
    /// rendering of the most serious class; otherwise the first evidence.
    pub fn dissent(&self) -> Option<&Evidence> {
        match self.kind {
            Kind::Conflict => {
                // answer → (distinct holders, first evidence), in order of appearance
                let mut answers: Vec<(&str, Vec<&str>, &Evidence)> = Vec::new();
                for e in &self.evidence {
                    let answer = e.answer.label().unwrap_or("");
                    let holder = e.holder.as_deref().unwrap_or(&e.outlet);
                    match answers.iter_mut().find(|(a, ..)| *a == answer) {
                        Some((_, holders, _)) if !holders.contains(&holder) => holders.push(holder),
                        Some(_) => {}
                        None => answers.push((answer, vec![holder], e)),
                    }
                }
                let fewest = answers.iter().map(|(_, h, _)| h.len()).min()?;
                answers
                    .iter()
                    .rev()
                    .find(|(_, h, _)| h.len() == fewest)
                    .map(|(.., e)| *e)
            }
            Kind::Misquote => {
                let class = |e: &Evidence| match &e.answer {
                    Answer::Rendering { class, .. } => Some(*class),
                    _ => None,
                };
                let worst = self.evidence.iter().filter_map(class).max();
                self.evidence
                    .iter()
                    .find(|e| class(e) == worst)
                    .or(self.evidence.first())
            }
            Kind::Misattribution | Kind::Agreement => self.evidence.first(),
        }
    }

    /// Every place the finding cites but its [`Finding::dissent`]: the
    /// reference first, then the other evidence in order.
    pub fn others(&self) -> impl Iterator<Item = &Evidence> {
        let dissent = self.dissent().map(std::ptr::from_ref);
        self.reference
            .iter()
            .chain(&self.evidence)
            .filter(move |e| Some(std::ptr::from_ref(*e)) != dissent)
    }
}

#[derive(Debug, Clone)]
pub struct Evidence {
    pub file: String,
    /// The source's identity for fingerprints ([`crate::source::Document::id`]).
    pub source: String,
    pub outlet: String,
    /// The source's `url`, when its metadata gives one.
    pub url: Option<String>,
    pub span: Span,
    pub line: usize,
    pub column: usize,
    /// Where the span ends (1-based; the column just after its last character).
    pub end_line: usize,
    pub end_column: usize,
    pub excerpt: String,
    /// Where the matched words stand in `excerpt` (byte offsets into it),
    /// when they do: a claim's stance words, a fact's value. Quotations
    /// have none: their excerpt is the quotation.
    pub excerpt_match: Option<Span>,
    /// The source's publication date, when its metadata gives one.
    pub published: Option<jiff::civil::Date>,
    /// What this evidence says: a stance, a value, or how a quotation reads.
    pub answer: Answer,
    pub holder: Option<String>,
    /// Quotations: who the source says spoke the words.
    pub speaker: Option<String>,
}

/// What a piece of evidence answers.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    /// A claim's stance, by name.
    Stance(String),
    /// A fact's value.
    Value(FactValue),
    /// The rendering of a quotation that others are compared with.
    Reference,
    /// A rendering that differs from the reference: how much, and the words.
    Rendering { class: Class, diff: Vec<DiffOp> },
    /// A quotation given to another speaker than the reference's.
    Quotation,
}

impl Answer {
    /// The answer in a word or two, as reports show it: the stance, the
    /// normalized value, "reference", the class of a rendering's difference.
    pub fn label(&self) -> Option<&str> {
        match self {
            Answer::Stance(name) => Some(name),
            Answer::Value(value) => Some(&value.normalized),
            Answer::Reference => Some("reference"),
            Answer::Rendering { class, .. } => Some(class.as_str()),
            Answer::Quotation => None,
        }
    }
}

/// How two renderings of one utterance differ, least to most serious.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Class {
    Identical,
    /// Quotes, dashes, spacing, case.
    Typography,
    /// A function word added, dropped or changed ("yet", "in" / "on"). A
    /// contraction written out or in ("there is" / "there's") is typography.
    Minor,
    /// A content word, number, name or negation.
    Substantive,
}

impl Class {
    pub fn as_str(self) -> &'static str {
        match self {
            Class::Identical => "identical",
            Class::Typography => "typography",
            Class::Minor => "minor",
            Class::Substantive => "substantive",
        }
    }
}

/// One word of a word diff: in both, only in the reference, only in the rendering.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DiffOp {
    Same(String),
    Removed(String),
    Added(String),
}

/// A fact's value as the source wrote it and as concord reads it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FactValue {
    pub raw: String,
    pub normalized: String,
    /// What fingerprints hash: the normalized value in the notation of v1
    /// fingerprints, so a change of display keeps baselines valid.
    #[serde(skip)]
    pub fingerprinted: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// A finding's identity for `[[accept]]`: rule, kind, and each piece of
/// evidence's source (its path from the config's folder), stance and text (whitespace folded), never byte offsets, so
/// edits elsewhere in a document keep the fingerprint.
pub fn fingerprint(rule: &str, kind: Kind, evidence: &[Evidence]) -> String {
    let mut parts: Vec<String> = evidence
        .iter()
        .map(|e| {
            let excerpt = fold_whitespace(&e.excerpt);
            // v1 fingerprints: the stance (or a quotation's class) and the
            // value stood in two fields; keep hashing them so.
            let (stance, value) = match &e.answer {
                Answer::Value(v) => ("", v.fingerprinted.as_str()),
                answer => (answer.label().unwrap_or(""), ""),
            };
            format!("{}\u{1f}{stance}\u{1f}{value}\u{1f}{excerpt}", e.source)
        })
        .collect();
    parts.sort();
    parts.dedup();
    let hash = parts.iter().fold(
        Fnv::default().field(rule).field(kind.as_str()),
        |h, part| h.field(part),
    );
    format!("{:016x}", hash.finish())
}

/// Evidence for unit tests: in `{outlet}.txt`, from that outlet, answering
/// `answer`, at the file's first character.
#[cfg(test)]
pub(crate) fn test_evidence(outlet: &str, answer: Answer) -> Evidence {
    Evidence {
        file: format!("{outlet}.txt"),
        source: format!("{outlet}.txt"),
        outlet: outlet.to_string(),
        url: None,
        span: Span { start: 0, end: 1 },
        line: 1,
        column: 1,
        end_line: 1,
        end_column: 2,
        excerpt: String::new(),
        excerpt_match: None,
        published: None,
        answer,
        holder: None,
        speaker: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn evidence(start: usize, excerpt: &str) -> Evidence {
        Evidence {
            span: Span {
                start,
                end: start + 3,
            },
            excerpt: excerpt.into(),
            ..test_evidence("A", Answer::Stance("no".into()))
        }
    }

    #[test]
    fn fingerprint_ignores_offsets_but_not_text() {
        let a = fingerprint("r", Kind::Conflict, &[evidence(10, "no  plans")]);
        let moved = fingerprint("r", Kind::Conflict, &[evidence(99, "no plans")]);
        let edited = fingerprint("r", Kind::Conflict, &[evidence(10, "no talks")]);
        assert_eq!(a, moved);
        assert_ne!(a, edited);
        assert_ne!(
            a,
            fingerprint("s", Kind::Conflict, &[evidence(10, "no plans")])
        );
    }

    fn said(start: usize, stance: &str, holder: &str) -> Evidence {
        Evidence {
            answer: Answer::Stance(stance.into()),
            holder: Some(holder.into()),
            ..evidence(start, "words")
        }
    }

    fn conflict(evidence: Vec<Evidence>) -> Finding {
        Finding::new(
            Kind::Conflict,
            "r",
            Severity::Error,
            String::new(),
            None,
            evidence,
        )
    }

    #[test]
    fn a_conflict_dissents_where_the_fewest_holders_stand() {
        let f = conflict(vec![
            said(1, "no", "Kremlin"),
            said(2, "yes", "Politico"),
            said(3, "no", "Peskov"),
            // the same holder twice counts once
            said(4, "yes", "Politico"),
        ]);
        assert_eq!(f.dissent().unwrap().span.start, 2);
        let others: Vec<usize> = f.others().map(|e| e.span.start).collect();
        assert_eq!(others, [1, 3, 4]);
        // of equally few, the last answer to appear
        let tie = conflict(vec![said(1, "no", "A"), said(2, "yes", "B")]);
        assert_eq!(tie.dissent().unwrap().span.start, 2);
    }

    #[test]
    fn a_misquote_dissents_at_its_most_serious_rendering() {
        let rendering = |start, class| Evidence {
            answer: Answer::Rendering {
                class,
                diff: Vec::new(),
            },
            ..evidence(start, "words")
        };
        let mut f = Finding::new(
            Kind::Misquote,
            "q",
            Severity::Warning,
            String::new(),
            None,
            vec![
                rendering(1, Class::Minor),
                rendering(2, Class::Substantive),
                rendering(3, Class::Substantive),
            ],
        );
        f.reference = Some(evidence(0, "reference"));
        assert_eq!(f.dissent().unwrap().span.start, 2);
        let others: Vec<usize> = f.others().map(|e| e.span.start).collect();
        assert_eq!(others, [0, 1, 3]);
    }
}
