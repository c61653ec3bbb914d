//! Who said it, measured on a labelled set of 120 short documents in the styles
//! real news is written in (wire, British single-mark papers, features,
//! interviews, statements, social posts, translations), written for concord:
//! `tests/fixtures/attribution/docs/`. Of the first 44, odd-numbered documents
//! are the development half and even-numbered the test half; the 40 after
//! them (12 written to be hard, 28 ordinary) and the 16 after those (two of
//! each style plus press-conference transcripts, written to measure the
//! development half on documents it was not tuned on) are development
//! documents too, and so are the last 20 (doc101–doc120, written the same
//! way a session later, with harder constructions: Q&A sections, kin who
//! share a surname, letters, handles in replies).
//!
//! For each labelled quotation: was it extracted (span precision and recall),
//! and is its speaker the right person (any name form), the full name, the
//! wrong person, or none? And for each labelled claim, is its holder right?
//! The development half's figures are printed (the test half's too with
//! `CONCORD_SCORE_TEST=1`, and right speakers given by less than their full
//! name with `CONCORD_PARTIAL=1`); the floors below are the test half's figures, so
//! that attribution can only get better. Issue 10 sets the targets (right person ≥ 0.95, full name ≥ 0.85,
//! wrong ≤ 0.02, extraction ≥ 0.97).

#![allow(clippy::print_stderr)]

use concord::analyze::analyze;
use concord::config::Limits;
use concord::diagnostic::SourceFile;
use concord::rules::{RuleSet, compile_rule_text};
use concord::source::{Document, Metadata};
use concord::value::DateOrder;
use serde::Deserialize;

#[derive(Deserialize)]
struct Labelled {
    split: String,
    outlet: String,
    text: String,
    #[serde(default)]
    quote: Vec<Quote>,
    #[serde(default)]
    holder: Vec<Holder>,
}

#[derive(Deserialize)]
struct Holder {
    at: String,
    /// Absent: the outlet states it. Lower case: an unnamed role or group
    /// ("officials", "mayor"), for which no name is also right.
    holder: Option<String>,
}

#[derive(Deserialize)]
struct Quote {
    text: String,
    speaker: Option<String>,
    #[serde(default)]
    accept: Vec<String>,
    kind: String,
}

#[derive(Default, Debug)]
struct Score {
    labelled: usize,
    extracted: usize,
    matched: usize,
    with_speaker: usize,
    right: usize,
    full: usize,
    wrong: usize,
    abstained: usize,
    /// Quotations nobody (or no one named) speaks, given a name anyway.
    invented: usize,
    /// Claim holders: cases, right, wrong.
    holders: usize,
    holders_right: usize,
    holders_wrong: usize,
}

impl Score {
    fn ratio(a: usize, b: usize) -> f64 {
        a as f64 / b.max(1) as f64
    }
    fn line(&self, half: &str) -> String {
        format!(
            "{half}: extraction precision {:.3} recall {:.3}; of {} quotations with a speaker: right person {:.3}, full name {:.3}, wrong {:.3}, none {:.3}; {} named where nobody speaks",
            Self::ratio(self.matched, self.extracted),
            Self::ratio(self.matched, self.labelled),
            self.with_speaker,
            Self::ratio(self.right, self.with_speaker),
            Self::ratio(self.full, self.with_speaker),
            Self::ratio(self.wrong, self.with_speaker),
            Self::ratio(self.abstained, self.with_speaker),
            self.invented,
        ) + &format!(
            "; holders: {} cases, right {:.3}, wrong {:.3}",
            self.holders,
            Self::ratio(self.holders_right, self.holders),
            Self::ratio(self.holders_wrong, self.holders),
        )
    }
}

/// The same person: the full name, an accepted form, or a part of the name
/// ("Ruiz" for "Ana Ruiz").
fn same_person(got: &str, want: &str, accept: &[String]) -> bool {
    let fold = |s: &str| s.trim_start_matches('@').replace('.', "").to_lowercase();
    if fold(got) == fold(want) || accept.iter().any(|a| fold(a) == fold(got)) {
        return true;
    }
    let want_words: Vec<String> = want.split_whitespace().map(fold).collect();
    got.split_whitespace()
        .all(|w| want_words.contains(&fold(w)))
}

/// One claim per holder case, its one stance the case's words verbatim, so
/// that the holder comes from the same analysis `check` runs.
fn holder_rules(doc: &Labelled) -> RuleSet {
    let mut claims = Vec::new();
    for (i, case) in doc.holder.iter().enumerate() {
        let mut stances = toml::Table::new();
        stances.insert("yes".into(), vec![regex::escape(&case.at)].into());
        let mut claim = toml::Table::new();
        claim.insert("id".into(), format!("holder-{i}").into());
        claim.insert("stances".into(), stances.into());
        claims.push(toml::Value::Table(claim));
    }
    let mut file = toml::Table::new();
    file.insert("claim".into(), claims.into());
    let text = toml::to_string(&file).unwrap();
    compile_rule_text("holders.toml", &text, &Limits::default()).unwrap()
}

fn score(doc: &Labelled, score: &mut Score, misses: &mut Vec<String>) {
    let file = SourceFile::new("labelled.txt", doc.text.clone());
    let meta = Metadata {
        outlet: Some(doc.outlet.clone()),
        url: None,
        published: None,
    };
    let document = Document::new(file, meta, 0..doc.text.len());
    let analysis = analyze(&document, &holder_rules(doc), DateOrder::Mdy);
    for (i, case) in doc.holder.iter().enumerate() {
        score.holders += 1;
        let got = analysis
            .evidence
            .iter()
            .find(|e| e.claim == i)
            .and_then(|e| e.holder.as_deref());
        let unnamed = |w: &str| !w.chars().any(char::is_uppercase);
        let right = match (case.holder.as_deref(), got) {
            (None, None) => true,
            (Some(want), None) => unnamed(want),
            (Some(want), Some(got)) => same_person(got, want, &[]),
            (None, Some(_)) => false,
        };
        if right {
            score.holders_right += 1;
        } else {
            let wrong = got.is_some();
            score.holders_wrong += usize::from(wrong);
            misses.push(format!(
                "holder at {:?}: want {:?}, got {got:?}",
                case.at, case.holder
            ));
        }
    }
    let found: Vec<(String, Option<String>)> = analysis
        .quotations
        .iter()
        .map(|q| (q.text(&doc.text), q.speaker.clone()))
        .collect();
    score.labelled += doc.quote.len();
    score.extracted += found.len();
    let mut used = vec![false; found.len()];
    for want in &doc.quote {
        let at = found
            .iter()
            .enumerate()
            .position(|(i, (text, _))| !used[i] && *text == want.text);
        let Some(i) = at else {
            misses.push(format!("missed {:?}", want.text));
            continue;
        };
        used[i] = true;
        score.matched += 1;
        let got = found[i].1.as_deref();
        match (&want.speaker, got) {
            (Some(name), Some(got)) => {
                score.with_speaker += 1;
                if same_person(got, name, &want.accept) {
                    score.right += 1;
                    score.full += usize::from(got == name);
                    if got != name && std::env::var_os("CONCORD_PARTIAL").is_some() {
                        misses.push(format!("{:?}: partial {name}, got {got}", want.text));
                    }
                } else {
                    score.wrong += 1;
                    misses.push(format!("{:?}: want {name}, got {got}", want.text));
                }
            }
            (Some(name), None) => {
                score.with_speaker += 1;
                score.abstained += 1;
                misses.push(format!("{:?}: want {name}, got none", want.text));
            }
            (None, Some(got)) => {
                score.invented += 1;
                misses.push(format!(
                    "{:?} ({}): nobody speaks, got {got}",
                    want.text, want.kind
                ));
            }
            (None, None) => {}
        }
    }
}

#[test]
fn speakers_on_news_styles_do_not_fall_below_todays_figures() {
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/attribution/docs"
    );
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    assert!(
        paths.len() >= 40,
        "the labelled set shrank to {}",
        paths.len()
    );
    let (mut dev, mut test) = (Score::default(), Score::default());
    let mut test_misses = Vec::new();
    for path in &paths {
        let doc: Labelled = toml::from_str(&std::fs::read_to_string(path).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let mut misses = Vec::new();
        match doc.split.as_str() {
            "dev" => score(&doc, &mut dev, &mut misses),
            "test" => score(&doc, &mut test, &mut misses),
            other => panic!("{}: split {other:?}", path.display()),
        }
        let name = path.file_name().unwrap().to_string_lossy();
        let misses = misses.into_iter().map(|m| format!("{name}: {m}"));
        if doc.split == "test" {
            test_misses.extend(misses);
        } else {
            // What to work on: shown with `-- --nocapture`.
            misses.for_each(|m| eprintln!("dev miss: {m}"));
        }
    }
    eprintln!("{}", dev.line("dev"));
    // The test half is scored once, at the end of a piece of work: tune on dev.
    if std::env::var_os("CONCORD_SCORE_TEST").is_some() {
        eprintln!("{}", test.line("test"));
    }
    assert!(
        test.labelled >= 250 && dev.labelled >= 250,
        "{dev:?} {test:?}"
    );
    let right = Score::ratio(test.right, test.with_speaker);
    let full = Score::ratio(test.full, test.with_speaker);
    let wrong = Score::ratio(test.wrong, test.with_speaker);
    let recall = Score::ratio(test.matched, test.labelled);
    let shown = test_misses.join("\n");
    assert!(
        right >= FLOOR_RIGHT,
        "right person {right:.3} < {FLOOR_RIGHT}\n{shown}"
    );
    assert!(
        full >= FLOOR_FULL,
        "full name {full:.3} < {FLOOR_FULL}\n{shown}"
    );
    assert!(
        wrong <= CEILING_WRONG,
        "wrong person {wrong:.3} > {CEILING_WRONG}\n{shown}"
    );
    let holders = Score::ratio(test.holders_right, test.holders);
    assert!(
        holders >= FLOOR_HOLDERS,
        "holders right {holders:.3} < {FLOOR_HOLDERS}\n{shown}"
    );
    assert!(
        recall >= FLOOR_RECALL,
        "extraction recall {recall:.3} < {FLOOR_RECALL}\n{shown}"
    );
}

// Floors at the test half's figures. Before document-level attribution:
// right person 0.401, wrong 0.060, extraction recall 0.760, holders right
// 0.704. Then: right 0.747, wrong 0.042, recall 0.997, holders 0.810. Now
// (tuned on the development half only, grown to 54 documents): right 0.861,
// holders 0.859, recall 0.997 — but wrong 0.063: the cues that now give a
// speaker where there was none (pronouns taught their gender by earlier
// cues, action beats, interview answers) name the wrong person on the test
// half more often than on the development half (0.012). The ceiling holds
// today's figure so it cannot get worse; issue 10 wants ≤ 0.02. Then
// (spokespeople for organisations, letters for their issuers): right 0.865,
// holders 0.873, wrong 0.063. Then (ages and titles naming lone names,
// unnamed people blocking only pronouns of their gender, interviewers'
// questions, "quoted X as saying", handles, attitude verbs): right 0.878,
// full name 0.840, wrong 0.055, holders 0.887. Then (fragments whose cue
// names no one, commas before auxiliaries, possessives, relative clauses
// about the speaker; dev right 0.924 → 0.930, holders 0.933 → 0.942):
// right 0.878, full name 0.840, wrong 0.055, holders 0.880 (one case fewer).
// Then (2026-12-03: "who" after descriptions, passives, spokeswomen,
// handles, kin by surname, headline "told"; dev right 0.930 → 0.949, wrong
// 0.012 → 0.008, holders 0.942 → 0.954): right 0.878, full name 0.844,
// wrong 0.055, holders 0.887 — the dev gains did not carry to the test
// half, so the floors stay. Then (second 2026-12-03 session: 16 new
// development documents written to stand in for unseen text, which took dev
// right from 0.949 to 0.929; offices as titles, owned things, "said his
// wife", datelines, issuers after "according to", Arabic articles, the one
// person a paragraph names, nicknames, ~2,460 given names; dev right 0.929
// → 0.945, wrong 0.022 → 0.013): right 0.890, full name 0.861, wrong 0.055, none
// 0.055, holders 0.901. The new documents' gains carried over in part.
// Then (third 2026-12-03 session: 20 more development documents, doc101–
// doc120, which took dev right from 0.945 to 0.897; Q&A answers, handles in
// replies, offices and post-nominals, given names alone, "with X saying",
// letters by "wrote to"; dev on 120 documents right 0.897 → 0.936, wrong
// 0.049 → 0.020, holders 0.923 → 0.934): the test half did not move (right
// 0.890, full name 0.861, wrong 0.055, holders 0.901), so the floors stay.
const FLOOR_RIGHT: f64 = 0.88;
const FLOOR_FULL: f64 = 0.85;
const CEILING_WRONG: f64 = 0.06;
const FLOOR_RECALL: f64 = 0.99;
const FLOOR_HOLDERS: f64 = 0.89;

#[derive(Deserialize)]
struct Pairs {
    pair: Vec<Pair>,
}

#[derive(Deserialize)]
struct Pair {
    split: String,
    a: String,
    b: String,
    a_speaker: Option<String>,
    b_speaker: Option<String>,
    expect: String,
}

/// Rendering pairs (`tests/fixtures/attribution/renderings.toml`): is the pair
/// reported as a misquote (minor, substantive or paraphrase) or not (identical,
/// typography, a fragment, different utterances)? Floors are today's figures
/// on the test half; issue 10 targets precision ≥ 0.95 and recall ≥ 0.90.
#[test]
fn misquotes_in_rendering_pairs_do_not_fall_below_todays_figures() {
    use concord::compare::align::{Class, compare, same_utterance_of};
    use concord::text::tokenize;
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/attribution/renderings.toml"
    );
    let pairs: Pairs = toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert!(
        pairs.pair.len() >= 200,
        "the set shrank to {}",
        pairs.pair.len()
    );
    let mut figures = Vec::new();
    for half in ["dev", "test"] {
        let (mut tp, mut fp, mut fn_) = (0, 0, 0);
        for p in pairs.pair.iter().filter(|p| p.split == half) {
            let (a, b) = (tokenize(&p.a), tokenize(&p.b));
            // Speakers as the comparison sees them: one canonical name per
            // person ("Ruiz" and "Ana Ruiz" are one), as `[[speaker]]` rules
            // and full names seen in the sources make them.
            // Titles are stripped from speakers, as attribution does.
            let untitled = |name: &Option<String>| {
                name.as_ref().map(|n| {
                    n.split(' ')
                        .filter(|w| !TITLES.contains(&w.to_lowercase().trim_end_matches('.')))
                        .collect::<Vec<_>>()
                        .join(" ")
                })
            };
            let (mut x, mut y) = (untitled(&p.a_speaker), untitled(&p.b_speaker));
            if let (Some(u), Some(v)) = (&x, &y) {
                if same_person(u, v, &[]) || same_person(v, u, &[]) {
                    y = x.clone();
                }
            }
            if x.is_none() || y.is_none() {
                (x, y) = (None, None);
            }
            let one = same_utterance_of(&a, &b, 0.6, (x.as_deref(), y.as_deref()));
            let reported = one && compare(&a, &b).class >= Class::Minor;
            let expected = matches!(p.expect.as_str(), "minor" | "substantive" | "paraphrase");
            match (expected, reported) {
                (true, true) => tp += 1,
                (false, true) => fp += 1,
                (true, false) => fn_ += 1,
                (false, false) => {}
            }
            if half == "dev" && expected != reported {
                // What to work on: shown with `-- --nocapture`.
                eprintln!("dev pair miss ({}): {:?} | {:?}", p.expect, p.a, p.b);
            }
        }
        let precision = tp as f64 / (tp + fp).max(1) as f64;
        let recall = tp as f64 / (tp + fn_).max(1) as f64;
        eprintln!(
            "{half}: misquote precision {precision:.3}, recall {recall:.3} ({tp} found, {fp} false, {fn_} missed)"
        );
        figures.push((precision, recall));
    }
    let (precision, recall) = figures[1];
    assert!(
        precision >= PAIRS_PRECISION,
        "precision {precision:.3} < {PAIRS_PRECISION}"
    );
    assert!(
        recall >= PAIRS_RECALL,
        "recall {recall:.3} < {PAIRS_RECALL}"
    );
}

// Floors at the test half's figures: precision 0.741, recall 0.889 before
// (contractions counted as changes, shared openings as one utterance, speakers
// ignored); precision 0.975, recall 0.867 then; precision 0.976, recall
// 0.911 with one speaker's paraphrases (2026-12-03; dev recall 0.822 → 0.889).
const PAIRS_PRECISION: f64 = 0.97;

/// Titles in the pairs' speaker names.
const TITLES: &[&str] = &[
    "dr", "maj", "cllr", "insp", "lord", "capt", "mr", "ms", "mrs", "sir", "dame", "prof", "gen",
    "sgt", "det", "rev", "lady", "supt", "col",
];
const PAIRS_RECALL: f64 = 0.90;
