//! Who says so: attributions in a sentence, found from reporting cues.
//!
//! The shapes news prose uses: a subject before a reporting verb ("Kremlin
//! spokesman Dmitry Peskov told reporters", "Politico had reported that"), a
//! subject set off by commas ("Mara Lind, an analyst, told the AP"), an
//! inverted one after a quotation (`," said regional police chief Ana Ruiz`),
//! and "according to NAME". Titles are stripped ("U.S. Secretary of State Marco
//! Rubio" → Marco Rubio). The subject may also be a pronoun ("she said"), a
//! reference to an organisation or document named elsewhere ("the ministry
//! said", "the statement said"), or nobody the text names ("one resident
//! said"): [`Subject`] says which, and the document's cast
//! (`speakers.rs`) resolves the first two to a name.

use crate::text::lexicon::{FUNCTION_WORDS, WEEKDAY_NAMES, WordSet};
use std::ops::Range;

pub use super::names::Gender;
use super::names::{
    DOCUMENTS, PRONOUNS, TITLES, clean_name, is_connector, is_organisation_name, is_title,
    joins_name, linked, name_after, names_someone,
};
use crate::text::words::{Word, words};

#[derive(Debug, Clone, PartialEq)]
pub struct Attribution {
    pub subject: Subject,
    /// The reporting cue ("said", "according to").
    pub cue: Range<usize>,
    /// Whether the cue can hold words before it ("…, she said") or only
    /// what follows ("she expects …": "Ships are waiting, and the harbour
    /// master expects them to dock" does not make him hold the ships).
    pub holds_before: bool,
    /// A clause set off between the subject and the cue ("Nia Talbot, who
    /// has designed the lanterns since 2011, said"): the reporter's words
    /// about the subject, which the subject does not hold.
    pub aside: Option<Range<usize>>,
}

impl Attribution {
    /// The speaker's name as written, titles stripped, when the cue names one.
    pub fn speaker(&self) -> Option<&str> {
        match &self.subject {
            Subject::Name(name) => Some(name),
            _ => None,
        }
    }
}

/// Who an attribution's subject is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    /// A name as written, titles stripped.
    Name(String),
    /// "he", "she": someone named earlier.
    Pronoun(Gender),
    /// "the ministry", "the statement", "the 42-year-old": a lower-case noun
    /// that refers to someone or something named elsewhere, or to no name.
    Reference(String),
    /// "one resident", "another survivor": one person the text does not name.
    Someone,
    /// "officials", "they": nobody the text names.
    Unnamed,
    /// "I ask": the writer, named by the byline if there is one.
    Writer,
}

static VERBS: WordSet = WordSet::new(&[
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
    "asks",
    "ask",
    "recalls",
    "reflects",
    "reflected",
    "shares",
    "shared",
    "laughs",
    "laughed",
    "explains",
    "concluded",
    "concludes",
    "urged",
    "urges",
    "accused",
    "accuses",
    "recounted",
    "recounts",
    "answered",
    "answers",
    "conceded",
    "concedes",
    "joked",
    "jokes",
    "admits",
    "wondered",
    "wonders",
    "mused",
    "muses",
    "sighed",
    "sighs",
    "shrugged",
    "shrugs",
    "smiled",
    "smiles",
    "grinned",
    "grins",
    "observed",
    "observes",
    "pleaded",
    "pleads",
    "protested",
    "protests",
    "promised",
    "promises",
    "vowed",
    "vows",
    "pledged",
    "boasted",
    "complained",
    "complains",
    "alleged",
    "alleges",
    "maintained",
    "maintains",
    "assured",
    "hinted",
    "revealed",
    "reveals",
    "disclosed",
    "told",
    "messaged",
    "emailed",
    "texted",
    "whispered",
    "shouted",
    "yelled",
    "cried",
    "snapped",
    "replies",
    "responds",
    "exclaimed",
    "demanded",
    "demands",
    "testified",
    "blamed",
    "blames",
    "described",
    "describes",
    "apologised",
    "apologized",
    "remembers",
]);

/// What someone expects or believes is theirs too ("She expects one more
/// rise"), but only what follows the verb: third-person present forms only,
/// which are never passive.
static ATTITUDES: WordSet = WordSet::new(&[
    "expects",
    "believes",
    "thinks",
    "hopes",
    "fears",
    "estimates",
    "forecasts",
    "predicts",
    "reckons",
    "doubts",
]);

/// Reporting participles that hang off a clause: "…, saying that …".
const PARTICIPLES: &[&str] = &[
    "saying",
    "telling",
    "adding",
    "noting",
    "warning",
    "insisting",
    "arguing",
    "explaining",
    "writing",
    "posting",
    "stressing",
    "claiming",
    "calling",
    "describing",
    "urging",
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

/// What belongs to whoever spoke last: "its official account told a
/// commuter", "Its owner, who gives no name, added".
pub(super) const OWNED: &[&str] = &["account", "website", "feed", "page", "owner", "author"];

/// Who speaks for an organisation without a name of their own.
const SPOKESPEOPLE: &[&str] = &["spokesman", "spokeswoman", "spokesperson", "representative"];

/// Determiners that make a subject someone unnamed ("one resident", "a witness").
const INDEFINITE: &[&str] = &[
    "one", "a", "an", "another", "two", "three", "several", "some", "many", "most", "few", "other",
    "others",
];

/// Words that end a run of lower-case title words after an inverted cue
/// ("said one engineer *who* was not authorised").
static STOPS: WordSet = WordSet::new(&[
    "in", "at", "on", "who", "which", "that", "when", "as", "after", "while", "because", "to",
    "from", "with", "before", "during", "outside", "inside", "near", "but", "and", "adding",
    "noting", "saying", "told", "than",
]);

/// Words allowed between "according to" and a name.
static DESCRIPTORS: WordSet = WordSet::new(&[
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
]);

/// Every attribution in `text[sentence]`, in order of their cues.
pub fn attributions(text: &str, sentence: Range<usize>) -> Vec<Attribution> {
    let words = words(text, sentence);
    let mut found = Vec::new();
    for (i, word) in words.iter().enumerate() {
        let lower = word.lower();
        if lower == "according" && words.get(i + 1).is_some_and(|w| w.lower() == "to") {
            let cue = word.start..words[i + 1].end;
            let after = &words[i + 2..];
            let source = |after: &[Word]| match name_after(after, &DESCRIPTORS)
                .or_else(|| described_name(after))
            {
                Some(name) => Some(Subject::Name(name)),
                None => reference_after(after),
            };
            // "according to figures from the Environment Directorate", "…
            // to a statement released by the ministry": who issued them.
            let issued = || {
                let by = after
                    .iter()
                    .take(6)
                    .position(|w| matches!(&*w.lower(), "from" | "by") && w.joined())?;
                let lower = after[..by]
                    .iter()
                    .all(|w| !w.is_capitalized() && w.joined());
                (by > 0 && lower).then(|| source(&after[by + 1..]))?
            };
            let subject = source(after).or_else(issued).unwrap_or(Subject::Unnamed);
            found.push(Attribution {
                subject,
                cue,
                holds_before: true,
                aside: None,
            });
        } else if lower == "saying" && i > 0 && words[i - 1].lower() == "as" {
            // "quoted President Aruzhan Bekova as saying …": the one quoted;
            // "Gen. Oralov … was quoted by state media as saying": the subject.
            let before = &words[..i - 1];
            let mut start = before.len();
            while start > 0 && before[start - 1].is_capitalized() && words[start].joined() {
                start -= 1;
            }
            let quoted = (start > 0 && start < before.len())
                .then(|| {
                    let run = &before[start..];
                    let verb = before[start - 1].lower();
                    (verb == "quoted" || is_title(&&before[start - 1]) || verb == "the")
                        .then(|| clean_name(run))
                        .flatten()
                })
                .flatten();
            let subject = quoted
                .map(Subject::Name)
                .or_else(|| opening_subject(before));
            if let Some(subject) = subject {
                found.push(Attribution {
                    subject,
                    cue: words[i - 1].start..word.end,
                    holds_before: false,
                    aside: None,
                });
            }
        } else if let Some(name) = with_participle(&words, i) {
            // "…, with Opposition Leader Ferris Okwuosa accusing the
            // government of “…”": the one named after "with".
            found.push(Attribution {
                subject: Subject::Name(name),
                cue: word.span(),
                holds_before: false,
                aside: None,
            });
        } else if PARTICIPLES.contains(&&*lower) && word.gap.contains(',') {
            // "…, saying that", "telling reporters:": the clause's subject,
            // which opens the sentence, speaks.
            // (After a cue in the same sentence, its subject goes on:
            // `“…,” Brito told reporters, adding that …`.)
            let subject = found
                .last()
                .map(|a: &Attribution| a.subject.clone())
                .or_else(|| opening_subject(&words[..i]));
            if let Some(subject) = subject {
                found.push(Attribution {
                    subject,
                    cue: word.span(),
                    holds_before: true,
                    aside: None,
                });
            }
        } else if (is_speech_verb(&lower) || concludes(&words, i))
            && !reacts_to(&words, i)
            && !counted(&words, i)
            && !told_in_a_headline(&words, i)
        {
            let before = subject_before(&words, i);
            let apposed = before
                .is_none()
                .then(|| appositive_before(&words, i))
                .flatten();
            let after = || {
                inverted(word)
                    .then(|| subject_after(&words[i + 1..]))
                    .flatten()
            };
            // ("Six people have died, including two children, said police
            // chief Faizal Omar": the name after the verb, not the phrase
            // set off before it.)
            // ("…, told the Herald": whom a person is told is no speaker.)
            let listener = matches!(
                &*lower,
                "told" | "tells" | "asked" | "asks" | "warned" | "warns" | "assured" | "reminded"
            );
            let unnamed = !listener && matches!(apposed, Some(Subject::Someone | Subject::Unnamed));
            let apposed =
                apposed.filter(|_| !(unnamed && matches!(after(), Some(Subject::Name(_)))));
            let aside = apposed.as_ref().and_then(|_| aside_before(&words, i));
            let subject = before.or(apposed).or_else(after);
            if let Some(subject) = subject {
                found.push(Attribution {
                    subject,
                    cue: word.span(),
                    holds_before: !ATTITUDES.contains(&lower),
                    aside,
                });
            }
        }
    }
    found
}

/// The subject of a sentence that introduces a quotation with a colon and
/// no reporting verb: "Another user, binday_blues, was more sympathetic: “…”".
pub(super) fn colon_subject(text: &str, sentence: Range<usize>, mark: usize) -> Option<Subject> {
    // The quotation may open before its first sentence does (a paragraph of
    // stray marks): then no introduction precedes it there.
    if mark <= sentence.start || mark > sentence.end {
        return None;
    }
    let before = text[sentence.start..mark].trim_end();
    if !before.ends_with(':') {
        return None;
    }
    let words = words(text, sentence.start..mark);
    // Only "Another user, X, …" names someone this way: "Asked about it,
    // Ekwueme's message was blunt:" does not.
    let indefinite = words
        .first()
        .is_some_and(|w| matches!(&*w.lower(), "another" | "one" | "a" | "an"));
    opening_subject(&words).filter(|s| indefinite && matches!(s, Subject::Name(_)))
}

/// The subject that opens a clause: a name ("Health Minister Karin Aas
/// visited …"), a pronoun, or "the ministry".
fn opening_subject(words: &[Word]) -> Option<Subject> {
    let words = &words[dateline_len(words)..];
    let first = words.first()?;
    let lower = first.lower();
    if matches!(&*lower, "he" | "she") {
        return Gender::of(&lower).map(Subject::Pronoun);
    }
    if matches!(&*lower, "the" | "its" | "their") {
        // "The Food Standards Authority issued a notice, describing …"
        if lower == "the"
            && words
                .get(1)
                .is_some_and(|w| w.is_capitalized() && w.joined())
        {
            if let Some(Subject::Name(name)) = opening_subject(&words[1..]) {
                return Some(Subject::Name(name));
            }
        }
        return reference_after(words);
    }
    if matches!(&*lower, "another" | "one" | "a" | "an") {
        if let Some(spokesperson) = spokesperson_for(words) {
            return Some(spokesperson);
        }
        // "An open letter organised by the union said: …"
        if let Some(document) = document_opener(words) {
            return Some(document);
        }
        // "Another user, binday_blues, was more sympathetic:"
        let named = words
            .iter()
            .take(6)
            .position(|w| w.gap.contains(','))
            .map(|i| match words.get(i..i + 3) {
                // "One user, posting as sandyfeet88, asked": the handle.
                Some([verb, as_, handle])
                    if matches!(&*verb.lower(), "posting" | "writing" | "known")
                        && as_.lower() == "as"
                        && is_handle(handle) =>
                {
                    handle
                }
                _ => &words[i],
            });
        return Some(match named {
            Some(w) if is_handle(w) => Subject::Name(w.text.to_string()),
            Some(w) if w.is_capitalized() => {
                let at = words.iter().position(|x| std::ptr::eq(x, w)).unwrap_or(0);
                name_after(&words[at..], &TITLES).map_or(Subject::Someone, Subject::Name)
            }
            _ => Subject::Someone,
        });
    }
    if !first.is_capitalized() {
        return None;
    }
    let mut end = 1;
    while end < words.len()
        && linked(words, end)
        && (words[end].is_capitalized() || is_connector(&words[end]))
    {
        end += 1;
    }
    // "Port of Vessgard chief executive Martin Ekwueme called …": the
    // organisation is part of the title; the person follows it.
    let titled = words
        .get(end)
        .is_some_and(|w| linked(words, end) && !w.is_capitalized() && TITLES.contains(&*w.lower()));
    if titled {
        if let Some(name) = name_after(&words[end..], &TITLES) {
            return Some(Subject::Name(name));
        }
    }
    clean_name(&words[..end]).map(Subject::Name)
}

/// "PORT CALDER, Estrava (HFW) - The Bank of Estrava left …", "LONDON,
/// May 3 (Reuters) —": the wire dateline before a story's first sentence,
/// in words (0 when there is none). It opens with a word in capitals and
/// ends at a dash within ten words, none of them lower case.
fn dateline_len(words: &[Word]) -> usize {
    let capitals = |w: &Word| w.text.chars().all(|c| !c.is_lowercase());
    if !words
        .first()
        .is_some_and(|w| w.text.chars().count() >= 2 && capitals(w))
    {
        return 0;
    }
    for (i, w) in words.iter().enumerate().take(10).skip(1) {
        if w.gap.contains(['—', '–']) || w.gap.contains(" - ") {
            return i;
        }
        if !(w.is_capitalized() || capitals(w)) {
            return 0;
        }
    }
    0
}

/// The attribution whose cue is nearest to `span`.
pub fn nearest<'a>(
    attributions: &'a [Attribution],
    span: &Range<usize>,
) -> Option<&'a Attribution> {
    // In text order, only the cues on either side of the span can be nearest.
    let after = attributions.partition_point(|a| a.cue.start < span.end);
    let around = &attributions[after.saturating_sub(1)..(after + 1).min(attributions.len())];
    around
        .iter()
        .filter(|a| a.holds_before || a.cue.start < span.end)
        .filter(|a| {
            a.aside
                .as_ref()
                .is_none_or(|aside| !(aside.start <= span.start && span.end <= aside.end))
        })
        .min_by_key(|a| {
            if a.cue.start >= span.end {
                a.cue.start - span.end
            } else {
                span.start.saturating_sub(a.cue.end)
            }
        })
}

/// "Dame Judith found that …", "the board believes that …": a finding or
/// a belief held by the subject, when "that" follows.
fn concludes(words: &[Word], verb: usize) -> bool {
    matches!(
        &*words[verb].lower(),
        "found" | "finds" | "believes" | "believed" | "estimates" | "estimated" | "thinks"
    ) && words
        .get(verb + 1)
        .is_some_and(|w| w.lower() == "that" && w.joined())
}

/// "according to its director, Agnieszka Róg", "according to hospital
/// spokeswoman Ilse Marten": a role before the name.
fn described_name(after: &[Word]) -> Option<String> {
    let mut k = 0;
    while k < after.len() && k < 5 && !after[k].is_capitalized() && (k == 0 || after[k].joined()) {
        if STOPS.contains(&*after[k].lower()) {
            return None;
        }
        k += 1;
    }
    let name = after.get(k).filter(|w| k > 0 && w.is_capitalized())?;
    // Right after the role, or after one comma: "her solicitor, Ms Anita Kaur".
    if !(name.joined() || name.gap.trim() == ",") {
        return None;
    }
    name_after(&after[k..], &TITLES)
}

/// "with Ferris Okwuosa accusing …", "with Pell saying …": the name
/// between "with" and a participle of speech at `verb`.
fn with_participle(words: &[Word], verb: usize) -> Option<String> {
    let lower = words[verb].lower();
    let speaking = PARTICIPLES.contains(&&*lower)
        || matches!(&*lower, "accusing" | "calling" | "describing" | "claiming");
    if !speaking || !words[verb].joined() {
        return None;
    }
    let mut start = verb;
    while start > 0 && words[start - 1].is_capitalized() && (start == verb || words[start].joined())
    {
        start -= 1;
    }
    let with = start.checked_sub(1).map(|w| &words[w])?;
    (start < verb && with.lower() == "with" && words[start].joined())
        .then(|| clean_name(&words[start..verb]))
        .flatten()
}

/// "this week", "last year", "on Thursday": when, between a subject and
/// its verb.
fn time_phrase(first: &Word, second: &Word) -> bool {
    let (first, second) = (first.lower(), second.lower());
    let period = matches!(
        &*second,
        "week" | "month" | "year" | "morning" | "afternoon" | "evening" | "night" | "weekend"
    );
    (period && matches!(&*first, "this" | "last" | "next"))
        || (first == "on" && WEEKDAY_NAMES.contains(&&*second))
}

/// "responded to", "replied to": a reaction to something, not reported
/// speech — unless a colon introduces the words of the reply ("replied to
/// the mayor: “…”").
fn reacts_to(words: &[Word], verb: usize) -> bool {
    // (A colon before one of the five words after "to".)
    let introduces = || {
        words
            .iter()
            .skip(verb + 2)
            .take(5)
            .any(|w| w.gap.contains(':'))
    };
    matches!(&*words[verb].lower(), "responded" | "replied" | "reacted")
        && words
            .get(verb + 1)
            .is_some_and(|w| w.lower() == "to" && w.joined())
        && !introduces()
}

/// The subject right before the verb at `verb` ("Peskov said", "she
/// recalls", "the ministry said", "officials said"); `None` when none sits
/// right before it (a comma or quotation mark comes first).
fn subject_before(words: &[Word], verb: usize) -> Option<Subject> {
    let mut end = verb;
    loop {
        // ("Dwayne Okorie Jr. said": a suffix's full stop ends no sentence.)
        let suffixed = end > 0
            && words[end].gap.trim() == "."
            && matches!(words[end - 1].text, "Jr" | "Sr" | "Jnr" | "Snr");
        if end == 0 || !(words[end].joined() || suffixed) {
            return None;
        }
        if AUXILIARIES.contains(&&*words[end - 1].lower()) {
            end -= 1;
        } else if end >= 3 && time_phrase(&words[end - 2], &words[end - 1]) {
            // "A letter sent to customers this week says": the subject
            // comes before the time.
            end -= 2;
        } else {
            break;
        }
    }
    let last = &words[end - 1];
    let lower = last.lower();
    // "No illnesses had been reported", "he was told": a passive names no
    // one who speaks (an agent, "reported by Reuters", is not looked for).
    if matches!(
        &*lower,
        "been" | "being" | "be" | "was" | "were" | "is" | "are" | "get" | "got"
    ) && !words[verb].lower().ends_with("ing")
    {
        return None;
    }
    // "Corvane blamed human error and said …": the subject opens the sentence.
    if matches!(&*lower, "and" | "but") {
        return opening_subject(&words[..end - 1]);
    }
    if let Some(gender) = matches!(&*lower, "he" | "she")
        .then(|| Gender::of(&lower))
        .flatten()
    {
        return Some(Subject::Pronoun(gender));
    }
    if lower == "i" {
        return Some(Subject::Writer);
    }
    // "“…,” it said": the organisation that spoke before.
    if lower == "it" {
        return Some(Subject::Reference("it".into()));
    }
    // "wrote @harbour_ann, who posted …": the handle just named.
    if lower == "who" && end >= 2 && last.gap.contains(',') {
        let named = &words[end - 2];
        if is_handle(named) {
            return Some(Subject::Name(named.text.to_string()));
        }
    }
    // "… belongs to Lucía Ferreiro, a physiotherapist from Ashby, who
    // said": the person the relative clause hangs on.
    if lower == "who" && last.gap.contains(',') {
        if let Some(subject) = who_antecedent(words, end - 1) {
            return Some(subject);
        }
    }
    if PRONOUNS.contains(&*lower) {
        return Some(Subject::Unnamed);
    }
    if is_handle(last) {
        return Some(Subject::Name(last.text.to_string()));
    }
    if !last.is_capitalized() {
        return Some(reference_before(words, end - 1));
    }
    let mut start = end - 1;
    while start > 0 && linked(words, start) && joins_name(words, start) {
        start -= 1;
    }
    // "a footbridge … into the River Eddle told": an object, not the subject;
    // but "the Kelsford branch of the Nurses’ Guild said" is the guild.
    let mut k = start;
    if k > 0 && words[k - 1].lower() == "the" {
        k -= 1;
    }
    // "Ingrid Haugen-Voss of the Alpine Habitat Alliance said": the person
    // the affiliation follows.
    if k > 0 && words[k - 1].lower() == "of" && words[k - 1].joined() {
        let of = k - 1;
        let mut first = of;
        while first > 0 && words[first - 1].is_capitalized() && words[first].joined() {
            first -= 1;
        }
        let person = &words[first..of];
        let texts: Vec<&str> = person.iter().map(|w| w.text).collect();
        if names_someone(person)
            && !is_organisation_name(&texts)
            && !after_preposition(words, first)
        {
            if let Some(name) = clean_name(person) {
                return Some(Subject::Name(name));
            }
        }
    }
    let of_organisation = k > 0
        && words[k - 1].lower() == "of"
        && is_organisation_name(&words[start..end].iter().map(|w| w.text).collect::<Vec<_>>());
    if after_preposition(words, start) && !of_organisation {
        return Some(unnamed_opener(words));
    }
    Some(clean_name(&words[start..end]).map_or(Subject::Unnamed, Subject::Name))
}

/// Whom ", who" at `who` refers to: the nearest name before it, back over
/// up to three descriptions set off by commas ("Ann Petrak, a nurse from
/// Ashby, who"), never a place ("from Ashby") and never what a clause of
/// its own already said ("“…”, said Ruiz, who").
fn who_antecedent(words: &[Word], who: usize) -> Option<Subject> {
    let mut j = who.checked_sub(1)?;
    // An organisation at the end of a description ("Ernesto Pirelli, head
    // of the union FILCOV, who") gives way to the person it describes.
    let mut organisation = None;
    for _ in 0..3 {
        if words[j].gap.contains(['"', '“', '”', '.', ';', ':']) && !words[j].is_capitalized() {
            return None;
        }
        if is_handle(&words[j]) {
            return Some(Subject::Name(words[j].text.to_string()));
        }
        if words[j].is_capitalized() {
            let mut first = j;
            while first > 0 && linked(words, first) && joins_name(words, first) {
                first -= 1;
            }
            let mut k = first;
            if k > 0 && words[k].joined() && words[k - 1].lower() == "the" {
                k -= 1;
            }
            let place = k > 0
                && words[k].joined()
                && matches!(
                    &*words[k - 1].lower(),
                    "in" | "into" | "at" | "from" | "near" | "on" | "of"
                );
            let run = &words[first..=j];
            let texts: Vec<&str> = run.iter().map(|w| w.text).collect();
            let acronym = run.len() == 1 && run[0].text.chars().all(|c| c.is_uppercase());
            if !place && (acronym || is_organisation_name(&texts)) && organisation.is_none() {
                organisation = clean_name(run).map(Subject::Name);
            } else if !place {
                return clean_name(run).map(Subject::Name);
            }
            j = first;
        }
        // Back to the comma that opens this description.
        let Some(earlier) = (j.saturating_sub(8)..=j)
            .rev()
            .find(|&i| words[i].gap.contains(','))
        else {
            return organisation;
        };
        if earlier == 0 || words[earlier].gap.contains(['"', '“', '”', '.', ';', ':']) {
            return organisation;
        }
        j = earlier - 1;
    }
    organisation
}

/// "a footbridge that collapsed into the River Eddle told an inquest", "One
/// customer in Stainby, a retired teacher, said": a name right after a
/// preposition is an object, not the subject.
fn after_preposition(words: &[Word], start: usize) -> bool {
    let mut k = start;
    if k > 0 && words[k].joined() && words[k - 1].lower() == "the" {
        k -= 1;
    }
    k > 0
        && words[k].joined()
        && matches!(
            &*words[k - 1].lower(),
            "in" | "into" | "at" | "from" | "of" | "to" | "on" | "by" | "with" | "near" | "for"
        )
}

/// "A Kestova spokesman", "a spokesperson for Calder Link": someone
/// speaking for a named organisation, as `Reference("Kestova spokesperson")`
/// (the organisation keeps its capitals, so the cast resolves it as a name).
/// `words` starts at the determiner.
fn spokesperson_for(words: &[Word]) -> Option<Subject> {
    if !matches!(&*words.first()?.lower(), "a" | "an") {
        return None;
    }
    let capitalized_run = |from: usize| -> Vec<&str> {
        words
            .iter()
            .skip(from)
            .take(4)
            .enumerate()
            .take_while(|(k, w)| w.is_capitalized() && (*k == 0 || w.joined()))
            .map(|(_, w)| w.text)
            .collect()
    };
    let noun = words
        .iter()
        .take(5)
        .position(|w| SPOKESPEOPLE.contains(&&*w.lower()))?;
    let before = capitalized_run(1);
    let organisation = if !before.is_empty() && before.len() + 1 == noun {
        before
    } else {
        let after = words.get(noun + 1)?;
        if after.lower() != "for" || !after.joined() {
            return None;
        }
        let start = noun + 2 + usize::from(words.get(noun + 2)?.lower() == "the");
        capitalized_run(start)
    };
    (!organisation.is_empty())
        .then(|| Subject::Reference(format!("{} spokesperson", organisation.join(" "))))
}

/// Who the subject is when the name before the verb is not it: someone
/// unnamed when the sentence opens with "A …", "One …", else nobody named.
fn unnamed_opener(words: &[Word]) -> Subject {
    if let Some(spokesperson) = spokesperson_for(words) {
        return spokesperson;
    }
    match words.first().map(|w| w.lower()).as_deref() {
        Some("a" | "an" | "one" | "another") => Subject::Someone,
        _ => Subject::Unnamed,
    }
}

/// A social-media handle written as a name: `jdoe_77`, `@river_watch`.
fn is_handle(word: &Word) -> bool {
    let text = word.text;
    // ("sandyfeet88": lower-case letters run into digits, as no word is.)
    let digits = text.starts_with(|c: char| c.is_ascii_lowercase())
        && text.len() >= 4
        && text.chars().any(|c| c.is_ascii_digit())
        && text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit());
    // ("@priya.runs.late": after an at sign, dots inside a handle too.)
    let at = word.gap.ends_with('@');
    (at || text.contains('_') || digits)
        && text
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || (at && c == '.'))
}

/// A lower-case noun ending at `last` as the subject: "the ministry", "the
/// 42-year-old", "its statement" refer to someone ([`Subject::Reference`]);
/// "one resident", "officials" name nobody.
fn reference_before(words: &[Word], last: usize) -> Subject {
    let noun = words[last].lower();
    // "the @WestmoorRail account replied": the handle.
    if matches!(&*noun, "account" | "page" | "profile")
        && last > 0
        && words[last].joined()
        && is_handle(&words[last - 1])
    {
        return Subject::Name(words[last - 1].text.to_string());
    }
    let mut at = last;
    // Up to three modifiers back to a determiner: "the regional health ministry".
    for _ in 0..4 {
        if at == 0 || !words[at].joined() {
            break;
        }
        let before = words[at - 1].lower();
        if matches!(&*before, "the" | "its" | "their" | "his" | "her" | "this") {
            // "A volunteer handing out sandbags on their street said"
            if after_preposition(words, at - 1) {
                return unnamed_opener(words);
            }
            // "Its statement described …": the document of whoever spoke last.
            if matches!(&*before, "its" | "their") {
                return Subject::Reference(format!("{before} {noun}"));
            }
            return referring_to(noun);
        }
        if matches!(&*before, "one" | "a" | "an" | "another") {
            // "a spokesman said": someone speaking for the organisation;
            // "a council spokesman said": for the council.
            if SPOKESPEOPLE.contains(&&*noun) {
                if at < last {
                    return Subject::Reference(format!("{} spokesperson", words[at].lower()));
                }
                return Subject::Reference("spokesperson".into());
            }
            return Subject::Someone;
        }
        if INDEFINITE.contains(&&*before) {
            break;
        }
        if words[at - 1].is_capitalized() {
            // "A Kestova spokesman said": speaking for Kestova.
            if at == last && SPOKESPEOPLE.contains(&&*noun) {
                let mut from = at - 1;
                while from > 0
                    && last - from < 4
                    && words[from].joined()
                    && words[from - 1].is_capitalized()
                    && !matches!(&*words[from - 1].lower(), "a" | "an")
                {
                    from -= 1;
                }
                if let Some(spokesperson) = from
                    .checked_sub(1)
                    .and_then(|d| spokesperson_for(&words[d..=last]))
                {
                    return spokesperson;
                }
            }
            // "the Vestmark foreign ministry said": a body named by its
            // country, the whole phrase.
            let the = at >= 2 && words[at - 1].joined() && words[at - 2].lower() == "the";
            if the && last - at < 3 {
                let phrase: Vec<&str> = words[at - 1..=last].iter().map(|w| w.text).collect();
                return Subject::Name(phrase.join(" "));
            }
            break;
        }
        at -= 1;
    }
    // "An open letter organised by the union and signed by 214 academics
    // called …": the sentence's subject is the letter, which speaks for
    // whoever issued it.
    document_opener(&words[..last]).unwrap_or(Subject::Unnamed)
}

/// A definite noun as a reference; "the spokesman", "the spokeswoman" and
/// "the representative" are all the spokesperson the cast tracks.
fn referring_to(noun: impl Into<String> + AsRef<str>) -> Subject {
    if SPOKESPEOPLE.contains(&noun.as_ref()) {
        return Subject::Reference("spokesperson".into());
    }
    Subject::Reference(noun.into())
}

/// "9,000 replies": a verb's form right after a number is a noun (but "the
/// 42-year-old said" is a cue).
fn counted(words: &[Word], i: usize) -> bool {
    i > 0
        && words[i].joined()
        && words[i - 1]
            .text
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
}

/// `Reference("letter")` when `words` open with "a/an/the [adjective]
/// letter" (or another document noun).
fn document_opener(words: &[Word]) -> Option<Subject> {
    if !matches!(&*words.first()?.lower(), "a" | "an" | "the") {
        return None;
    }
    words
        .iter()
        .skip(1)
        .take(3)
        .take_while(|w| w.joined() && !w.is_capitalized())
        .find(|w| DOCUMENTS.contains(&*w.lower()))
        .map(|w| Subject::Reference(w.lower().into_owned()))
}

/// "the ministry", "the 42-year-old", after "according to" or an inverted cue.
fn reference_after(after: &[Word]) -> Option<Subject> {
    let first = after.first()?;
    if !matches!(&*first.lower(), "the" | "its" | "their" | "his" | "her") {
        return None;
    }
    let mut end = 1;
    while end < after.len()
        && end <= 4
        && after[end].joined()
        && !after[end].is_capitalized()
        && !STOPS.contains(&*after[end].lower())
        && after[end].lower() != "of"
    {
        end += 1;
    }
    let noun = after[end - 1].lower();
    // ("said his wife": whom "his" makes her the wife of is found later.)
    let owner = matches!(&*first.lower(), "his" | "her");
    (end > 1).then(|| match owner {
        true => Subject::Reference(format!("{} {noun}", first.lower())),
        false => referring_to(noun),
    })
}

/// The subject after an inverted cue: `," said regional police chief Ana
/// Ruiz`, `," says Lind`, `," said the ministry`, `," said one resident`.
fn subject_after(after: &[Word]) -> Option<Subject> {
    let first = after.first()?;
    let lower = first.lower();
    if let Some(gender) = matches!(&*lower, "he" | "she")
        .then(|| Gender::of(&lower))
        .flatten()
    {
        return Some(Subject::Pronoun(gender));
    }
    if matches!(&*lower, "one" | "a" | "an" | "another") {
        // "wrote one user, quarry_dad": the description, then the name.
        let named = after
            .iter()
            .take(5)
            .position(|w| w.gap.contains(','))
            .and_then(|i| after.get(i))
            .filter(|w| is_handle(w) || w.is_capitalized());
        return Some(match named {
            Some(w) if is_handle(w) => Subject::Name(w.text.to_string()),
            Some(_) => {
                let at = after.iter().position(|w| w.gap.contains(',')).unwrap_or(0);
                name_after(&after[at..], &TITLES).map_or(Subject::Someone, Subject::Name)
            }
            None => Subject::Someone,
        });
    }
    if INDEFINITE.contains(&&*lower) {
        return Some(Subject::Unnamed);
    }
    if is_handle(first) {
        return Some(Subject::Name(first.text.to_string()));
    }
    // Lower-case title words before a name: "deputy director for epidemiology Tomas Ek".
    // ("said her husband, Piet Vos"; "said his wife", with no name, is the
    // person called his wife.)
    let determiner = matches!(&*lower, "the" | "its" | "their" | "his" | "her");
    let mut start = usize::from(determiner);
    while start < after.len()
        && start < 8
        && after[start].joined()
        && !after[start].is_capitalized()
        && !STOPS.contains(&*after[start].lower())
    {
        if is_handle(&after[start]) {
            return Some(Subject::Name(after[start].text.to_string()));
        }
        start += 1;
    }
    // ("said its chair, Olamide Penhaligon": the title, then the name.)
    let appositive =
        determiner && start >= 2 && after.get(start).is_some_and(|w| w.gap.trim() == ",");
    if start < after.len()
        && after[start].is_capitalized()
        && (start == 0 || after[start].joined() || appositive)
    {
        if let Some(name) = name_after(&after[start..], &TITLES) {
            return Some(Subject::Name(name));
        }
    }
    if determiner {
        return reference_after(after);
    }
    None
}

/// The relative clause set off by commas just before `verb` ("X, who has
/// run the kiosk since 1997, said"): where it stands in the text.
fn aside_before(words: &[Word], verb: usize) -> Option<Range<usize>> {
    let mut verb = verb;
    while verb > 0 && words[verb].joined() && AUXILIARIES.contains(&&*words[verb - 1].lower()) {
        verb -= 1;
    }
    let start = (verb.saturating_sub(20)..verb)
        .rev()
        .find(|&j| words[j].gap.contains(','))?;
    matches!(&*words[start].lower(), "who" | "whose" | "which")
        .then(|| words[start].span().start..words[verb - 1].span().end)
}

/// A subject set off by commas: "Peskov, the Kremlin spokesman, said", "the
/// harbour master, Capt. Oren Vale, said", "Mara Lind, an analyst at a
/// think-tank, told", "The Kessel Medical Association, in a letter, said".
fn appositive_before(words: &[Word], verb: usize) -> Option<Subject> {
    // "Ana Ruiz, who led the review, has described …": the commas set off
    // the subject before the auxiliaries.
    let mut verb = verb;
    while verb > 0 && words[verb].joined() && AUXILIARIES.contains(&&*words[verb - 1].lower()) {
        verb -= 1;
    }
    let gap = words[verb].gap;
    if !gap.contains(',') || gap.contains(['"', '“', '”', '‘', '’']) {
        return None;
    }
    // (A relative clause can be long: "Declan Ó Súilleabháin, 58, who has
    // run a rock and fudge kiosk at the pier entrance since 1997, said".)
    let start = (verb.saturating_sub(20)..verb)
        .rev()
        .find(|&j| words[j].gap.contains(','))?;
    // (A full stop ends the clause, except after "Jr." or "Inc.")
    let abbreviated = start > 0
        && matches!(
            words[start - 1].text,
            "Jr" | "Sr" | "Inc" | "Ltd" | "Co" | "Corp" | "Bros" | "Snr" | "Jnr"
        );
    if words[start].gap.contains(['"', '“', '”', ';', ':'])
        || (words[start].gap.contains('.') && !abbreviated)
    {
        return None;
    }
    let segment = &words[start..verb];
    // "One user, signal_failure_sam, replied": the handle.
    // ("One user, posting as sandyfeet88, asked": the handle too.)
    if let [handle] | [_, _, handle] = segment {
        let posing = segment.len() == 1 || segment[1].lower() == "as";
        if posing && is_handle(handle) {
            return Some(Subject::Name(handle.text.to_string()));
        }
    }
    let determiner = matches!(&*segment[0].lower(), "the" | "a" | "an");
    let named = &segment[usize::from(determiner)..];
    // ("the Associated Footplate and Guards’ Union": after "the", an "and"
    // between capitalized words is part of the organisation's name.)
    let the = segment[0].lower() == "the";
    let all_name = !named.is_empty()
        && named.iter().enumerate().all(|(i, w)| {
            w.is_capitalized()
                || (i > 0 && is_connector(w))
                || (the
                    && i > 0
                    && w.lower() == "and"
                    && named.get(i + 1).is_some_and(|n| n.is_capitalized()))
        });
    // (A capitalized job title, "Marcus Oyelaran, Senior Crown Prosecutor,
    // said", describes the name before it.)
    let job_title = named.last().is_some_and(|w| is_title(&w));
    if all_name && named.len() <= 5 && !job_title {
        return clean_name(named).map(Subject::Name);
    }
    // "The committee’s chair, consultant obstetrician Mr Olusegun
    // Adeyemi-Strand, told": a name after lower-case role words.
    let capitalized = named
        .iter()
        .rev()
        .take_while(|w| w.is_capitalized())
        .count();
    let roles = &named[..named.len() - capitalized];
    if capitalized >= 2
        && capitalized < named.len()
        && roles.len() <= 4
        && roles.iter().all(|w| !w.is_capitalized() && w.joined())
        && !roles.iter().any(|w| {
            let lower = w.lower();
            is_connector(w) || PRONOUNS.contains(&lower) || FUNCTION_WORDS.contains(&lower)
        })
    {
        let name = &named[named.len() - capitalized..];
        if names_someone(name) {
            return clean_name(name).map(Subject::Name);
        }
    }
    let mut described = start.checked_sub(1)?;
    // "Zbigniew Łukasik, 44, another survivor, said": back over earlier
    // comma-separated descriptions to the name they describe.
    let mut segments = 1;
    while !words[described].is_capitalized() && !is_handle(&words[described]) && segments < 3 {
        let Some(earlier) = (described.saturating_sub(8)..=described)
            .rev()
            .find(|&j| words[j].gap.contains(','))
        else {
            break;
        };
        if earlier == 0 || words[earlier].gap.contains(['"', '“', '”', '.', ';', ':']) {
            break;
        }
        if words[earlier - 1].is_capitalized() {
            described = earlier - 1;
            break;
        }
        described = earlier - 1;
        segments += 1;
    }
    // "Another account, river_watch, which tracks flooding, replied"
    if is_handle(&words[described]) {
        return Some(Subject::Name(words[described].text.to_string()));
    }
    if !words[described].is_capitalized() {
        // "Another survivor, who did not give his name, said"; "The mayor,
        // asked whether …, said" is the mayor named elsewhere.
        let lower = words[described].lower();
        let definite = described > 0
            && words[described].joined()
            && words[described - 1].lower() == "the"
            && !PRONOUNS.contains(&*lower);
        // ("Its owner, who gives no name, added": the account's owner.)
        let owned = described > 0
            && words[described].joined()
            && matches!(&*words[described - 1].lower(), "its" | "their")
            && OWNED.contains(&&*lower);
        return Some(match Gender::of(&lower) {
            Some(gender) if matches!(&*lower, "he" | "she") => Subject::Pronoun(gender),
            _ if definite => referring_to(lower),
            _ if owned => Subject::Reference(format!("{} {lower}", words[described - 1].lower())),
            _ => Subject::Someone,
        });
    }
    let mut first = described;
    while first > 0 && linked(words, first) && joins_name(words, first) {
        first -= 1;
    }
    if after_preposition(words, first) {
        return Some(unnamed_opener(words));
    }
    clean_name(&words[first..=described]).map(Subject::Name)
}

/// "Farmers told “help is coming”": "told" straight before a quotation,
/// with no one told, is a headline's passive; the farmers were told.
fn told_in_a_headline(words: &[Word], i: usize) -> bool {
    words[i].lower() == "told"
        && words
            .get(i + 1)
            .is_some_and(|next| next.gap.contains(['"', '“', '‘']))
}

/// A verb placed after its quotation: `," said Peskov`.
fn inverted(verb: &Word) -> bool {
    verb.gap.contains([',', '"', '”', '“', '—']) && !LABELLING.contains(&*verb.lower())
}

/// Verbs that label something with someone's words ("called the decision
/// “cultural vandalism”", "dismissed the letter as “anonymous noise”"):
/// speech of their subject, never placed after the quotation, so what
/// follows them is their object, not their subject.
static LABELLING: WordSet = WordSet::new(&[
    "called",
    "calls",
    "dismissed",
    "dismisses",
    "branded",
    "labelled",
    "labeled",
    "hailed",
    "condemned",
    "praised",
    "described",
    "describes",
]);

/// A reporting verb ("said", "recalls").
pub(super) fn is_speech_verb(word: &str) -> bool {
    VERBS.contains(&word) || LABELLING.contains(&word) || ATTITUDES.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn subject(text: &str) -> Option<Subject> {
        attributions(text, 0..text.len())
            .into_iter()
            .next()
            .map(|a| a.subject)
    }

    #[test]
    fn datelines_suffixes_issuers_and_names_after_a_set_off_phrase() {
        let name = |n: &str| Some(Subject::Name(n.into()));
        // A wire dateline before the subject of a participle's clause.
        let text = "PORT CALDER, Estrava (HFW) - The Bank of Estrava held its rate, \
                    saying inflation was cooling.";
        assert_eq!(subject(text), name("Bank of Estrava"));
        // A suffix's full stop before the verb.
        assert_eq!(
            subject("Dwayne Okorie Jr. said deputies had knocked on doors."),
            name("Dwayne Okorie Jr")
        );
        // Who issued the figures.
        assert_eq!(
            subject("Spills rose, according to figures from the Environment Directorate."),
            name("Environment Directorate")
        );
        assert_eq!(
            subject("It rained, according to residents."),
            Some(Subject::Unnamed)
        );
        // The name after an inverted verb, not the phrase set off before it.
        let text = "Six people have died, including two children, said police chief Faizal Omar.";
        assert_eq!(subject(text), name("Faizal Omar"));
    }

    #[test]
    fn a_relative_clause_about_the_speaker_is_not_what_they_say() {
        let text = "Nia Okoro, who has built boats on the estuary since 1999, said the yard \
                    would close in March.";
        let found = attributions(text, 0..text.len());
        let at = |words: &str| {
            let start = text.find(words).unwrap();
            nearest(&found, &(start..start + words.len())).and_then(|a| a.speaker())
        };
        assert_eq!(at("built boats on the estuary since 1999"), None);
        assert_eq!(at("the yard would close in March"), Some("Nia Okoro"));
    }

    #[test]
    fn who_after_a_described_name_is_that_name() {
        let name = |n: &str| Some(Subject::Name(n.to_string()));
        // Back over a description, past a place, to the person.
        assert_eq!(
            subject(
                "The account belongs to Ines Marlow-Ruiz, a nurse from Dunford, who said \
                 she had laughed."
            ),
            name("Ines Marlow-Ruiz")
        );
        // Past an organisation the description ends with.
        assert_eq!(
            subject(
                "The wreath was laid by Tomas Egede, head of the dockers’ union SIKA, who \
                 called the day “a debt paid”."
            ),
            name("Tomas Egede")
        );
        // A group before "who" names no one; nor does a place.
        assert_eq!(
            subject("Reporters spoke to the lifeguards, who said the beach was shut."),
            Some(Subject::Unnamed)
        );
        assert_eq!(
            subject("The storm hit hardest in Dunford, who said nothing."),
            Some(Subject::Unnamed)
        );
        // "the X and Y Union" set off by commas is the organisation.
        assert_eq!(
            subject("The drivers’ union, the United Cab and Coach Union, posted that fares rose."),
            name("United Cab and Coach Union")
        );
    }

    #[test]
    fn told_before_a_quotation_is_a_headline_passive() {
        assert_eq!(
            subject("Flood-hit Carrow Valley told “help is coming”"),
            None
        );
        assert_eq!(
            subject("Dara Quill told reporters “help is coming”."),
            Some(Subject::Name("Dara Quill".into()))
        );
    }

    #[test]
    fn a_passive_reporting_verb_names_no_one() {
        assert_eq!(
            subject("No injuries had been reported by late afternoon."),
            None
        );
        assert_eq!(
            subject("Drivers were told to stay away from the bridge."),
            None
        );
        // "had reported" is active: its subject's.
        assert_eq!(
            subject("Gulnara Sadykova had reported the leak in May."),
            Some(Subject::Name("Gulnara Sadykova".into()))
        );
    }

    #[test]
    fn affiliations_long_clauses_and_expectations_name_their_holder() {
        let name = |n: &str| Some(Subject::Name(n.to_string()));
        assert_eq!(
            subject("Tomas Brenner of the Lakeside Rowing Federation said entries fell."),
            name("Tomas Brenner")
        );
        assert_eq!(
            subject(
                "Aoife Carrick, 61, who has sold ice cream from the same blue van on the \
                 seafront since 1988, said takings were down."
            ),
            name("Aoife Carrick")
        );
        // Auxiliaries after the clause: "…, has described".
        assert_eq!(
            subject(
                "Maren Tolle, who chaired the harbour inquiry, has described the dredging \
                 plan as “a gamble”."
            ),
            name("Maren Tolle")
        );
        assert_eq!(
            subject("Helmut Sandor expects two more rate rises this year."),
            name("Helmut Sandor")
        );
        // "quoted X as saying" is X; "was quoted … as saying" its subject.
        assert_eq!(
            subject("The agency quoted Premier Ilse Varda as saying the deal was fair."),
            name("Ilse Varda")
        );
        assert_eq!(
            subject("Gen. Pavel Mirov was quoted by state radio as saying the troops would leave."),
            name("Pavel Mirov")
        );
        assert_eq!(
            subject("Her editor, Tom Ashe, remembers the draft arriving late."),
            name("Tom Ashe")
        );
        // Handles as the subject: "the @x account", "One user, x_y, replied".
        assert_eq!(
            subject("“No refunds,” the @ferry_co account replied."),
            name("ferry_co")
        );
        assert_eq!(
            subject("One user, tide_watcher, replied: “Told you.”"),
            name("tide_watcher")
        );
        // An expectation holds only what follows it.
        let text = "Ships are waiting in the bay, and the harbour master, Capt. Oren Vale, \
                    expects them to dock on Friday.";
        let found = attributions(text, 0..text.len());
        let at = |words: &str| {
            let start = text.find(words).unwrap();
            nearest(&found, &(start..start + words.len())).map(|a| a.subject.clone())
        };
        assert_eq!(at("Ships are waiting"), None);
        assert_eq!(at("to dock on Friday"), name("Oren Vale"));
        // "the Kelsford branch of the Nurses’ Guild" is the guild.
        assert_eq!(
            subject("The Kelsford branch of the Nurses’ Guild said it would ballot members."),
            name("Nurses’ Guild")
        );
    }
}
