//! Who says so: attributions in a sentence, found from reporting cues.
//!
//! Three shapes cover news prose: a named subject before a reporting verb
//! ("Kremlin spokesman Dmitry Peskov told reporters", "Politico had reported
//! that"), an inverted one after a quotation (`," said Peskov`), and "according
//! to NAME". Titles are stripped ("U.S. Secretary of State Marco Rubio" → Marco
//! Rubio). A pronoun or a common noun ("he said", "officials said") is an
//! attribution without a name: the caller abstains rather than guess.

use std::ops::Range;

use crate::text::lexicon::is_calendar_name;
use crate::text::words::{Word, words};

#[derive(Debug, Clone, PartialEq)]
pub struct Attribution {
    /// The speaker's name, titles stripped; `None` when no name is given.
    pub speaker: Option<String>,
    /// The reporting cue ("said", "according to").
    pub cue: Range<usize>,
    /// The subject is "he" or "she": the speaker is someone named earlier.
    pub pronoun: bool,
}

const VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "reported",
    "reports",
    "stated",
    "states",
    "confirmed",
    "confirms",
    "denied",
    "denies",
    "added",
    "adds",
    "announced",
    "announces",
    "claimed",
    "claims",
    "wrote",
    "writes",
    "insisted",
    "insists",
    "noted",
    "notes",
    "explained",
    "warned",
    "warns",
    "emphasized",
    "emphasised",
    "stressed",
    "responded",
    "replied",
    "asked",
    "acknowledged",
    "argued",
    "argues",
    "suggested",
    "indicated",
    "predicted",
    "declared",
    "posted",
    "tweeted",
    "cautioned",
    "cautions",
    "admitted",
    "recalled",
    "remarked",
    "commented",
    "continued",
];

/// Words that may stand between a subject and its verb ("Politico had reported").
const AUXILIARIES: &[&str] = &[
    "had",
    "has",
    "have",
    "also",
    "earlier",
    "later",
    "previously",
    "then",
    "reportedly",
    "again",
    "separately",
    "publicly",
    "repeatedly",
    "once",
    "first",
    "further",
];

const PRONOUNS: &[&str] = &[
    "he", "she", "they", "it", "we", "i", "you", "who", "which", "that", "this", "one",
];

/// Capitalized words that open a sentence without naming anyone.
const NOT_NAMES: &[&str] = &[
    "officials",
    "sources",
    "analysts",
    "experts",
    "critics",
    "observers",
    "reports",
    "authorities",
    "diplomats",
    "residents",
    "witnesses",
    "people",
    "many",
    "some",
    "others",
    "both",
    "all",
    "these",
    "those",
    "there",
    "media",
    "the",
    "a",
    "an",
    "but",
    "and",
    "yet",
    "so",
];

/// Words that make up a title before a name; the name is what follows the last one.
const TITLES: &[&str] = &[
    "president",
    "vice",
    "secretary",
    "state",
    "minister",
    "prime",
    "foreign",
    "defense",
    "defence",
    "deputy",
    "chief",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "press",
    "presidential",
    "aide",
    "adviser",
    "advisor",
    "envoy",
    "special",
    "ambassador",
    "senator",
    "sen",
    "rep",
    "representative",
    "gen",
    "general",
    "lt",
    "col",
    "colonel",
    "adm",
    "admiral",
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "chancellor",
    "premier",
    "king",
    "queen",
    "pope",
    "governor",
    "gov",
    "mayor",
    "commander",
    "director",
    "head",
    "chairman",
    "chairwoman",
    "chair",
    "ceo",
    "national",
    "security",
    "former",
    "capt",
    "captain",
    "cpt",
    "maj",
    "major",
    "sgt",
    "sergeant",
    "cmdr",
    "cdr",
    "brig",
    "cpl",
    "pvt",
    "rev",
    "reverend",
    "fr",
    "father",
    "sir",
    "dame",
    "lord",
    "lady",
    "judge",
    "justice",
    "officer",
    "inspector",
    "det",
    "detective",
    "harbour",
    "harbor",
    "master",
    "sitting",
    "executive",
    "senior",
    "fellow",
    "agency",
    "news",
    "editor",
    "correspondent",
];

/// Words allowed between "according to" and a name.
const DESCRIPTORS: &[&str] = &[
    "the",
    "a",
    "an",
    "state",
    "news",
    "agency",
    "outlet",
    "newspaper",
    "daily",
    "broadcaster",
    "channel",
    "website",
    "tabloid",
    "official",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "aide",
    "envoy",
    "minister",
    "president",
    "secretary",
    "adviser",
    "advisor",
    "russian",
    "ukrainian",
];

/// Words of time that can open a run of capitalized words ("On Thursday
/// Putin said"); month and weekday names come from `dates`.
const CALENDAR: &[&str] = &["today", "yesterday", "earlier", "later", "on", "in"];

/// Every attribution in `text[sentence]`, in order of their cues.
pub fn attributions(text: &str, sentence: Range<usize>) -> Vec<Attribution> {
    let words = words(text, sentence);
    let mut found = Vec::new();
    for (i, word) in words.iter().enumerate() {
        let lower = word.lower();
        if lower == "according" && words.get(i + 1).is_some_and(|w| w.lower() == "to") {
            let cue = word.start..words[i + 1].end;
            found.push(Attribution {
                speaker: name_after(&words[i + 2..], DESCRIPTORS),
                cue,
                pronoun: false,
            });
        } else if VERBS.contains(&lower.as_str()) && !reacts_to(&words, i) {
            if let Some(speaker) =
                subject_before(&words, i).or_else(|| appositive_before(&words, i))
            {
                found.push(Attribution {
                    pronoun: speaker.is_none() && personal_pronoun_before(&words, i),
                    speaker,
                    cue: word.span(),
                });
            } else if inverted(word) {
                if let Some(name) = name_after(&words[i + 1..], TITLES) {
                    found.push(Attribution {
                        speaker: Some(name),
                        cue: word.span(),
                        pronoun: false,
                    });
                }
            }
        }
    }
    found
}

/// The attribution whose cue is nearest to `span`.
pub fn nearest<'a>(
    attributions: &'a [Attribution],
    span: &Range<usize>,
) -> Option<&'a Attribution> {
    // In text order, only the cues on either side of the span can be nearest.
    let after = attributions.partition_point(|a| a.cue.start < span.end);
    let around = &attributions[after.saturating_sub(1)..(after + 1).min(attributions.len())];
    around.iter().min_by_key(|a| {
        if a.cue.start >= span.end {
            a.cue.start - span.end
        } else {
            span.start.saturating_sub(a.cue.end)
        }
    })
}

/// "he said", "she had told": a personal pronoun is the verb's subject.
fn personal_pronoun_before(words: &[Word], verb: usize) -> bool {
    let mut at = verb;
    while at > 0 && AUXILIARIES.contains(&words[at - 1].lower().as_str()) {
        at -= 1;
    }
    at > 0 && matches!(words[at - 1].lower().as_str(), "he" | "she") && words[at].joined()
}

/// "responded to", "replied to": a reaction to something, not reported speech.
fn reacts_to(words: &[Word], verb: usize) -> bool {
    matches!(
        words[verb].lower().as_str(),
        "responded" | "replied" | "reacted"
    ) && words
        .get(verb + 1)
        .is_some_and(|w| w.lower() == "to" && w.joined())
}

/// `Some(Some(name))` for a named subject of the verb at `verb`, `Some(None)`
/// for a pronoun or common-noun subject, `None` when no subject sits right
/// before it (a comma or quotation mark comes first).
fn subject_before(words: &[Word], verb: usize) -> Option<Option<String>> {
    let mut end = verb;
    loop {
        if end == 0 || !words[end].joined() {
            return None;
        }
        if AUXILIARIES.contains(&words[end - 1].lower().as_str()) {
            end -= 1;
        } else {
            break;
        }
    }
    let last = &words[end - 1];
    if PRONOUNS.contains(&last.lower().as_str()) || !last.is_capitalized() {
        return Some(None);
    }
    let mut start = end - 1;
    while start > 0 && words[start].joined() && joins_name(words, start) {
        start -= 1;
    }
    Some(clean_name(&words[start..end]))
}

/// A subject set off by commas: "Peskov, the Kremlin spokesman, said" or
/// "the harbour master, Capt. Oren Vale, said". `None` unless the words between
/// the last comma and the verb are a name, or a description right after one.
fn appositive_before(words: &[Word], verb: usize) -> Option<Option<String>> {
    let gap = words[verb].gap;
    if !gap.contains(',') || gap.contains(['"', '“', '”']) {
        return None;
    }
    let start = (verb.saturating_sub(8)..verb)
        .rev()
        .find(|&j| words[j].gap.contains(','))?;
    let segment = &words[start..verb];
    let determiner = matches!(segment[0].lower().as_str(), "the" | "a" | "an");
    let named = &segment[usize::from(determiner)..];
    let all_name = !named.is_empty()
        && named
            .iter()
            .enumerate()
            .all(|(i, w)| w.is_capitalized() || (i > 0 && is_connector(w)));
    if all_name && named.len() <= 5 {
        return Some(clean_name(named));
    }
    let described = start.checked_sub(1)?;
    if !determiner || !words[described].is_capitalized() {
        return None;
    }
    let mut first = described;
    while first > 0 && words[first].joined() && joins_name(words, first) {
        first -= 1;
    }
    Some(clean_name(&words[first..=described]))
}

/// Does the word before index `at` belong to the same name run?
fn joins_name(words: &[Word], at: usize) -> bool {
    let prev = &words[at - 1];
    if prev.is_capitalized() {
        return true;
    }
    // "Secretary of State": a connector between two capitalized words.
    is_connector(prev) && at >= 2 && words[at - 2].is_capitalized() && prev.joined()
}

fn is_connector(word: &Word) -> bool {
    matches!(
        word.lower().as_str(),
        "of" | "de" | "von" | "van" | "bin" | "al"
    )
}

/// A verb placed after its quotation: `," said Peskov`.
fn inverted(verb: &Word) -> bool {
    verb.gap.contains([',', '"', '”', '“', '—'])
}

/// The name opening `after`, skipping words from `skippable` before it and
/// passing through lower-case titles ("Kremlin spokesman Dmitry Peskov").
fn name_after(after: &[Word], skippable: &[&str]) -> Option<String> {
    let mut start = 0;
    while start < after.len()
        && !after[start].is_capitalized()
        && skippable.contains(&after[start].lower().as_str())
    {
        start += 1;
    }
    let mut end = start;
    while end < after.len() && (end == start || after[end].joined()) {
        let word = &after[end];
        let bridges = (is_connector(word) || TITLES.contains(&word.lower().as_str()))
            && after
                .get(end + 1)
                .is_some_and(|n| n.is_capitalized() && n.joined());
        if !(word.is_capitalized() || (end > start && bridges)) {
            break;
        }
        end += 1;
    }
    clean_name(&after[start..end])
}

/// "President", "Secretary-General", "Gen.": a word of a title.
fn is_title(word: &&Word) -> bool {
    word.lower()
        .trim_end_matches('.')
        .split('-')
        .all(|part| TITLES.contains(&part))
}

/// Strips titles, calendar words and possessives off a run of capitalized words.
fn clean_name(run: &[Word]) -> Option<String> {
    let mut run: Vec<&Word> = run.iter().collect();
    while run.first().is_some_and(|w| {
        let lower = w.lower();
        CALENDAR.contains(&lower.as_str()) || is_calendar_name(&lower) || lower == "the"
    }) {
        run.remove(0);
    }
    if let Some(owner) = run.iter().position(|w| w.lower().ends_with("'s")) {
        if owner + 1 < run.len() {
            run.drain(..=owner);
        }
    }
    if let Some(last_title) = run.iter().rposition(is_title) {
        if last_title + 1 < run.len() {
            run.drain(..=last_title);
        }
    }
    let first = run.first()?;
    if run.len() == 1 && NOT_NAMES.contains(&first.lower().as_str()) {
        return None;
    }
    // "US Secretary of State", "the President": a title names no one.
    let title_or_place = |w: &&Word| {
        is_title(w) || is_connector(w) || w.text.chars().all(|c| c.is_uppercase() || c == '.')
    };
    if run.len() > 1 && run.iter().all(title_or_place) {
        return None;
    }
    Some(run.iter().map(|w| w.text).collect::<Vec<_>>().join(" "))
}
