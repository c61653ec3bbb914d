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

use std::ops::Range;

use crate::text::lexicon::{ORGANISATION_WORDS, SENTENCE_OPENERS, is_calendar_name};
use crate::text::words::{Word, words};

#[derive(Debug, Clone, PartialEq)]
pub struct Attribution {
    pub subject: Subject,
    /// The reporting cue ("said", "according to").
    pub cue: Range<usize>,
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
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Female,
    Male,
}

impl Gender {
    /// The gender a pronoun or title gives, if any.
    pub fn of(word: &str) -> Option<Gender> {
        match word.trim_end_matches('.') {
            "he" | "him" | "his" | "himself" | "mr" | "sir" | "lord" | "king" | "father"
            | "son" | "brother" | "husband" | "grandfather" | "uncle" | "nephew" => {
                Some(Gender::Male)
            }
            "she" | "her" | "hers" | "herself" | "mrs" | "ms" | "miss" | "dame" | "lady"
            | "queen" | "mother" | "daughter" | "sister" | "wife" | "grandmother" | "aunt"
            | "niece" => Some(Gender::Female),
            _ => None,
        }
    }
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
    "asks",
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
];

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

const PRONOUNS: &[&str] = &[
    "he", "she", "they", "it", "we", "i", "you", "who", "which", "that", "this", "one",
];

/// Who speaks for an organisation without a name of their own.
const SPOKESPEOPLE: &[&str] = &["spokesman", "spokeswoman", "spokesperson", "representative"];

/// Determiners that make a subject someone unnamed ("one resident", "a witness").
const INDEFINITE: &[&str] = &[
    "one", "a", "an", "another", "two", "three", "several", "some", "many", "most", "few", "other",
    "others",
];

/// Words that end a run of lower-case title words after an inverted cue
/// ("said one engineer *who* was not authorised").
const STOPS: &[&str] = &[
    "in", "at", "on", "who", "which", "that", "when", "as", "after", "while", "because", "to",
    "from", "with", "before", "during", "outside", "inside", "near", "but", "and", "adding",
    "noting", "saying", "told", "than",
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
    "chef",
    "coach",
    "adv",
    "advocate",
    "professor",
    "councillor",
    "cllr",
    "councilman",
    "councilwoman",
    "supt",
    "superintendent",
    "insp",
    "bishop",
    "archbishop",
    "imam",
    "rabbi",
    "sheikh",
    "attorney",
    "lawyer",
    "barrister",
    "solicitor",
    "founder",
    "owner",
    "manager",
    "principal",
    "headteacher",
    "dean",
    "vicar",
    "pastor",
    "nurse",
    "surgeon",
    "analyst",
    "economist",
    "researcher",
    "scientist",
    "engineer",
    "historian",
    "activist",
    "campaigner",
    "organiser",
    "organizer",
    "leader",
    "president-elect",
    "mp",
    "mep",
    "lt.",
    "lieutenant",
    "col.",
    "constable",
    "pc",
    "sister",
    "brother",
    "midfielder",
    "striker",
    "defender",
    "goalkeeper",
    "skipper",
    "singer",
    "author",
    "novelist",
    "writer",
    "actor",
    "actress",
    "director-general",
    "secretary-general",
    "commissioner",
    "ombudsman",
    "auditor",
    "treasurer",
    "spokesperson",
    "hotelier",
    "angler",
    "farmer",
    "baker",
    "teacher",
    "fisherman",
    "fisherwoman",
    "shopkeeper",
    "landlord",
    "landlady",
    "publican",
    "resident",
    "driver",
    "pilot",
    "artist",
    "musician",
    "photographer",
    "paramedic",
    "firefighter",
    "volunteer",
    "student",
    "pensioner",
    "priest",
    "curator",
    "archaeologist",
    "glaciologist",
    "geologist",
    "biologist",
    "ecologist",
    "climatologist",
    "consultant",
    "broker",
    "trader",
    "investor",
    "entrepreneur",
    "lecturer",
    "headmistress",
    "headmaster",
    "winemaker",
    "brewer",
    "carpenter",
    "plumber",
    "electrician",
    "mechanic",
    "builder",
    "ranger",
    "warden",
    "climber",
    "mountaineer",
    "diver",
    "cyclist",
    "jockey",
    "trainer",
    "negotiator",
    "delegate",
    "guide",
];

/// Titles that name a role any organisation has, not a person ("press
/// secretary" is a person; "press" alone is not).
const NOT_PERSON_TITLES: &[&str] = &[
    "press",
    "news",
    "agency",
    "state",
    "national",
    "security",
    "former",
    "senior",
    "executive",
    "special",
    "vice",
    "deputy",
    "foreign",
    "defense",
    "defence",
    "sitting",
    "harbour",
    "harbor",
    "master",
    "fellow",
    "head",
    "chief",
    "prime",
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
            let after = &words[i + 2..];
            let subject = match name_after(after, DESCRIPTORS) {
                Some(name) => Subject::Name(name),
                None => reference_after(after).unwrap_or(Subject::Unnamed),
            };
            found.push(Attribution { subject, cue });
        } else if PARTICIPLES.contains(&lower.as_str()) && word.gap.contains(',') {
            // "…, saying that", "telling reporters:": the clause's subject,
            // which opens the sentence, speaks.
            if let Some(subject) = opening_subject(&words[..i]) {
                found.push(Attribution {
                    subject,
                    cue: word.span(),
                });
            }
        } else if VERBS.contains(&lower.as_str()) && !reacts_to(&words, i) {
            let subject = subject_before(&words, i)
                .or_else(|| appositive_before(&words, i))
                .or_else(|| {
                    inverted(word)
                        .then(|| subject_after(&words[i + 1..]))
                        .flatten()
                });
            if let Some(subject) = subject {
                found.push(Attribution {
                    subject,
                    cue: word.span(),
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
        .is_some_and(|w| matches!(w.lower().as_str(), "another" | "one" | "a" | "an"));
    opening_subject(&words).filter(|s| indefinite && matches!(s, Subject::Name(_)))
}

/// The subject that opens a clause: a name ("Health Minister Karin Aas
/// visited …"), a pronoun, or "the ministry".
fn opening_subject(words: &[Word]) -> Option<Subject> {
    let first = words.first()?;
    let lower = first.lower();
    if matches!(lower.as_str(), "he" | "she") {
        return Gender::of(&lower).map(Subject::Pronoun);
    }
    if matches!(lower.as_str(), "the" | "its" | "their") {
        return reference_after(words);
    }
    if matches!(lower.as_str(), "another" | "one" | "a" | "an") {
        // "Another user, binday_blues, was more sympathetic:"
        let named = words
            .iter()
            .take(6)
            .position(|w| w.gap.contains(','))
            .map(|i| &words[i]);
        return Some(match named {
            Some(w) if is_handle(w) => Subject::Name(w.text.to_string()),
            Some(w) if w.is_capitalized() => {
                let at = words.iter().position(|x| std::ptr::eq(x, w)).unwrap_or(0);
                name_after(&words[at..], TITLES).map_or(Subject::Someone, Subject::Name)
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
    clean_name(&words[..end]).map(Subject::Name)
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

/// "responded to", "replied to": a reaction to something, not reported speech.
fn reacts_to(words: &[Word], verb: usize) -> bool {
    matches!(
        words[verb].lower().as_str(),
        "responded" | "replied" | "reacted"
    ) && words
        .get(verb + 1)
        .is_some_and(|w| w.lower() == "to" && w.joined())
}

/// The subject right before the verb at `verb` ("Peskov said", "she
/// recalls", "the ministry said", "officials said"); `None` when none sits
/// right before it (a comma or quotation mark comes first).
fn subject_before(words: &[Word], verb: usize) -> Option<Subject> {
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
    let lower = last.lower();
    // "Corvane blamed human error and said …": the subject opens the sentence.
    if matches!(lower.as_str(), "and" | "but") {
        return opening_subject(&words[..end - 1]);
    }
    if let Some(gender) = matches!(lower.as_str(), "he" | "she")
        .then(|| Gender::of(&lower))
        .flatten()
    {
        return Some(Subject::Pronoun(gender));
    }
    // "“…,” it said": the organisation that spoke before.
    if lower == "it" {
        return Some(Subject::Reference("it".into()));
    }
    if PRONOUNS.contains(&lower.as_str()) {
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
    if after_preposition(words, start) {
        return Some(unnamed_opener(words));
    }
    Some(clean_name(&words[start..end]).map_or(Subject::Unnamed, Subject::Name))
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
            words[k - 1].lower().as_str(),
            "in" | "into" | "at" | "from" | "of" | "to" | "on" | "by" | "with" | "near" | "for"
        )
}

/// Who the subject is when the name before the verb is not it: someone
/// unnamed when the sentence opens with "A …", "One …", else nobody named.
fn unnamed_opener(words: &[Word]) -> Subject {
    match words.first().map(|w| w.lower()).as_deref() {
        Some("a" | "an" | "one" | "another") => Subject::Someone,
        _ => Subject::Unnamed,
    }
}

/// A social-media handle written as a name: `jdoe_77`, `@river_watch`.
fn is_handle(word: &Word) -> bool {
    (word.gap.ends_with('@') || word.text.contains('_'))
        && word.text.chars().all(|c| c.is_alphanumeric() || c == '_')
}

/// A lower-case noun ending at `last` as the subject: "the ministry", "the
/// 42-year-old", "its statement" refer to someone ([`Subject::Reference`]);
/// "one resident", "officials" name nobody.
fn reference_before(words: &[Word], last: usize) -> Subject {
    let noun = words[last].lower();
    let mut at = last;
    // Up to three modifiers back to a determiner: "the regional health ministry".
    for _ in 0..4 {
        if at == 0 || !words[at].joined() {
            break;
        }
        let before = words[at - 1].lower();
        if matches!(
            before.as_str(),
            "the" | "its" | "their" | "his" | "her" | "this"
        ) {
            // "A volunteer handing out sandbags on their street said"
            if after_preposition(words, at - 1) {
                return unnamed_opener(words);
            }
            // "Its statement described …": the document of whoever spoke last.
            if matches!(before.as_str(), "its" | "their") {
                return Subject::Reference(format!("{before} {noun}"));
            }
            return Subject::Reference(noun);
        }
        if matches!(before.as_str(), "one" | "a" | "an" | "another") {
            // "a spokesman said": someone speaking for the organisation.
            if SPOKESPEOPLE.contains(&noun.as_str()) {
                return Subject::Reference("spokesperson".into());
            }
            return Subject::Someone;
        }
        if INDEFINITE.contains(&before.as_str()) || words[at - 1].is_capitalized() {
            break;
        }
        at -= 1;
    }
    Subject::Unnamed
}

/// "the ministry", "the 42-year-old", after "according to" or an inverted cue.
fn reference_after(after: &[Word]) -> Option<Subject> {
    let first = after.first()?;
    if !matches!(first.lower().as_str(), "the" | "its" | "their") {
        return None;
    }
    let mut end = 1;
    while end < after.len()
        && end <= 4
        && after[end].joined()
        && !after[end].is_capitalized()
        && !STOPS.contains(&after[end].lower().as_str())
        && after[end].lower() != "of"
    {
        end += 1;
    }
    (end > 1).then(|| Subject::Reference(after[end - 1].lower()))
}

/// The subject after an inverted cue: `," said regional police chief Ana
/// Ruiz`, `," says Lind`, `," said the ministry`, `," said one resident`.
fn subject_after(after: &[Word]) -> Option<Subject> {
    let first = after.first()?;
    let lower = first.lower();
    if let Some(gender) = matches!(lower.as_str(), "he" | "she")
        .then(|| Gender::of(&lower))
        .flatten()
    {
        return Some(Subject::Pronoun(gender));
    }
    if matches!(lower.as_str(), "one" | "a" | "an" | "another") {
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
                name_after(&after[at..], TITLES).map_or(Subject::Someone, Subject::Name)
            }
            None => Subject::Someone,
        });
    }
    if INDEFINITE.contains(&lower.as_str()) {
        return Some(Subject::Unnamed);
    }
    if is_handle(first) {
        return Some(Subject::Name(first.text.to_string()));
    }
    // Lower-case title words before a name: "deputy director for epidemiology Tomas Ek".
    let determiner = matches!(lower.as_str(), "the" | "its" | "their");
    let mut start = usize::from(determiner);
    while start < after.len()
        && start < 8
        && after[start].joined()
        && !after[start].is_capitalized()
        && !STOPS.contains(&after[start].lower().as_str())
    {
        if is_handle(&after[start]) {
            return Some(Subject::Name(after[start].text.to_string()));
        }
        start += 1;
    }
    if start < after.len() && after[start].is_capitalized() && (start == 0 || after[start].joined())
    {
        if let Some(name) = name_after(&after[start..], TITLES) {
            return Some(Subject::Name(name));
        }
    }
    if determiner {
        return reference_after(after);
    }
    None
}

/// A subject set off by commas: "Peskov, the Kremlin spokesman, said", "the
/// harbour master, Capt. Oren Vale, said", "Mara Lind, an analyst at a
/// think-tank, told", "The Kessel Medical Association, in a letter, said".
fn appositive_before(words: &[Word], verb: usize) -> Option<Subject> {
    let gap = words[verb].gap;
    if !gap.contains(',') || gap.contains(['"', '“', '”', '‘', '’']) {
        return None;
    }
    let start = (verb.saturating_sub(12)..verb)
        .rev()
        .find(|&j| words[j].gap.contains(','))?;
    if words[start].gap.contains(['"', '“', '”', '.', ';', ':']) {
        return None;
    }
    let segment = &words[start..verb];
    let determiner = matches!(segment[0].lower().as_str(), "the" | "a" | "an");
    let named = &segment[usize::from(determiner)..];
    let all_name = !named.is_empty()
        && named
            .iter()
            .enumerate()
            .all(|(i, w)| w.is_capitalized() || (i > 0 && is_connector(w)));
    if all_name && named.len() <= 5 {
        return clean_name(named).map(Subject::Name);
    }
    let mut described = start.checked_sub(1)?;
    // "Zbigniew Łukasik, 44, another survivor, said": back over earlier
    // comma-separated descriptions to the name they describe.
    let mut segments = 1;
    while !words[described].is_capitalized() && segments < 3 {
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
    if !words[described].is_capitalized() {
        // "Another survivor, who did not give his name, said"
        let lower = words[described].lower();
        return Some(match Gender::of(&lower) {
            Some(gender) if matches!(lower.as_str(), "he" | "she") => Subject::Pronoun(gender),
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

/// Is `words[at]` joined to the word before it, counting the full stop of a
/// title abbreviation ("Capt. Luis Moreno", "Gen. Kováč")?
fn linked(words: &[Word], at: usize) -> bool {
    words[at].joined()
        || (at > 0
            && words[at].gap.trim() == "."
            && words[at - 1].is_capitalized()
            && is_title(&&words[at - 1]))
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
        "of" | "de"
            | "von"
            | "van"
            | "bin"
            | "bint"
            | "ibn"
            | "al"
            | "der"
            | "den"
            | "la"
            | "le"
            | "du"
            | "da"
            | "di"
            | "del"
            | "dos"
            | "das"
            | "ter"
            | "ten"
    )
}

/// Do connectors and then a capitalized word follow `after[at]`, joined
/// ("de la Tour", "von der Alm")?
fn bridges_to_name(after: &[Word], at: usize) -> bool {
    let mut next = at + 1;
    while next < after.len() && after[next].joined() && is_connector(&after[next]) {
        next += 1;
    }
    after
        .get(next)
        .is_some_and(|n| n.is_capitalized() && n.joined())
}

/// Every name run in `text[sentence]` outside `quoted`: capitalized words
/// (with connectors and particles), the lower-case title words just before
/// them, and the gender a title or kinship word before them gives. Runs of one
/// word count only after a title ("Mr Brady", "Dr Ek"); a sentence's first
/// word only when a second capitalized word follows.
pub(super) fn names_in(
    text: &str,
    sentence: Range<usize>,
    quoted: &dyn Fn(usize) -> bool,
) -> Vec<Named> {
    let words = words(text, sentence);
    let mut out = Vec::new();
    // A headline in title case ("Kremlin Says Putin Open to Talks") or a
    // byline names no one reliably.
    let capitalized = words.iter().filter(|w| w.is_capitalized()).count();
    let headline = words.len() >= 4 && capitalized * 10 >= words.len() * 7;
    if headline || words.first().is_some_and(|w| w.text == "By") {
        return out;
    }
    let mut i = 0;
    while i < words.len() {
        if !words[i].is_capitalized() || quoted(words[i].start) {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < words.len()
            && linked(&words, end)
            && (words[end].is_capitalized()
                || (is_connector(&words[end])
                    && !(words[end].lower() == "of" && names_someone(&words[i..end]))
                    && bridges_to_name(&words, end - 1)))
        {
            end += 1;
        }
        let mut before = Vec::new();
        let mut k = i;
        while k > 0 && before.len() < 4 {
            let w = words[k - 1].lower();
            if words[k - 1].is_capitalized() || PRONOUNS.contains(&w.as_str()) {
                break;
            }
            before.push(w.trim_end_matches('.').to_string());
            if !words[k].joined() {
                break;
            }
            k -= 1;
        }
        let run = &words[i..end];
        let titles: Vec<String> = run
            .iter()
            .take_while(|w| is_title(w))
            .map(|w| w.lower().trim_end_matches('.').to_string())
            .chain(
                before
                    .iter()
                    .filter(|w| TITLES.contains(&w.as_str()) || Gender::of(w).is_some())
                    .cloned(),
            )
            .collect();
        let person_title = |w: &str| TITLES.contains(&w) && !NOT_PERSON_TITLES.contains(&w);
        let titled = (run.len() > 1 && is_title(&&run[0]))
            || before.first().is_some_and(|w| person_title(w))
            || before.first().is_some_and(|w| TITLES.contains(&w.as_str()))
                && before.iter().any(|w| person_title(w));
        let preposition = |w: &String| {
            matches!(
                w.as_str(),
                "in" | "at"
                    | "from"
                    | "to"
                    | "near"
                    | "of"
                    | "across"
                    | "outside"
                    | "into"
                    | "via"
                    | "through"
                    | "around"
                    | "towards"
                    | "toward"
                    | "by"
                    | "on"
            )
        };
        // "in Bergholt", "at the Kemble Lane works"
        let after_preposition = before.first().is_some_and(preposition)
            || (before.first().is_some_and(|w| w == "the")
                && before.get(1).is_some_and(preposition));
        if let Some(name) = clean_name(run) {
            let words_in_name = name.split(' ').count();
            if words_in_name >= 2 || titled {
                let gender = titles.iter().find_map(|t| Gender::of(t));
                out.push(Named {
                    at: words[i].start..words[end - 1].end,
                    name,
                    titles,
                    gender,
                    after_preposition,
                    opens_sentence: words[..i].iter().all(|w| w.lower() == "the"),
                });
            }
        }
        i = end;
    }
    out
}

/// A name found in running text.
#[derive(Debug, Clone)]
pub(super) struct Named {
    pub(super) at: Range<usize>,
    pub(super) name: String,
    /// Title and descriptor words before the name, lower case ("mayor",
    /// "police", "chief"; "son" in "her son, Anders Lind").
    pub(super) titles: Vec<String>,
    pub(super) gender: Option<Gender>,
    /// "in Bergholt", "from Kessel": more likely a place than a person.
    pub(super) after_preposition: bool,
    /// The name opens its sentence (after "The" at most): its subject.
    pub(super) opens_sentence: bool,
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
    while end < after.len() && (end == start || linked(after, end)) {
        let word = &after[end];
        // "Secretary of State", but not "Selina Marchetti of Vantor University".
        let affiliation = word.lower() == "of" && names_someone(&after[start..end]);
        let bridges = (is_connector(word) || TITLES.contains(&word.lower().as_str()))
            && !affiliation
            && bridges_to_name(after, end);
        if !(word.is_capitalized() || (end > start && bridges)) {
            // "Danish fisheries minister Søren Ækerlund": lower-case words
            // ending in a title lead to the name.
            let mut k = end;
            while k < after.len() && k < end + 4 && after[k].joined() && !after[k].is_capitalized()
            {
                k += 1;
            }
            let titled = k > end && TITLES.contains(&after[k - 1].lower().as_str());
            if end > start
                && titled
                && k < after.len()
                && after[k].is_capitalized()
                && after[k].joined()
            {
                end = k;
                continue;
            }
            break;
        }
        end += 1;
    }
    // "Danish negotiator Søren Ækerlund": a capitalized word, a lower-case
    // role, then the name.
    if end == start + 1 {
        let mut k = end;
        while k < after.len() && k < end + 3 && after[k].joined() && !after[k].is_capitalized() {
            k += 1;
        }
        if k > end && k < after.len() && after[k].is_capitalized() && after[k].joined() {
            if let Some(name) = name_after(&after[k..], skippable) {
                return Some(name);
            }
        }
    }
    clean_name(&after[start..end])
}

/// Do these words already name someone (two words that are not titles or
/// abbreviations: "Selina Marchetti", not "US Secretary")?
fn names_someone(run: &[Word]) -> bool {
    run.iter()
        .filter(|w| !is_title(w) && !w.text.chars().all(|c| c.is_uppercase() || c == '.'))
        .count()
        >= 2
}

/// "Southcoast Water", "Harbour Workers’ Union": a name that is an
/// organisation's, by a word in it.
pub(super) fn is_organisation_name(words: &[&str]) -> bool {
    words
        .iter()
        .any(|w| ORGANISATION_WORDS.contains(&w.to_lowercase().trim_end_matches('.')))
}

/// A reporting verb ("said", "recalls").
pub(super) fn is_speech_verb(word: &str) -> bool {
    VERBS.contains(&word)
}

/// A lower-case word of a title ("mayor", "chief").
pub(super) fn is_title_word(word: &str) -> bool {
    TITLES.contains(&word)
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
        CALENDAR.contains(&lower.as_str())
            || is_calendar_name(&lower)
            || SENTENCE_OPENERS.contains(&lower.as_str())
            || PRONOUNS.contains(&lower.as_str())
            || matches!(
                lower.as_str(),
                "by" | "from" | "with" | "to" | "of" | "for" | "into" | "another" | "priority"
            )
    }) {
        run.remove(0);
    }
    while run
        .last()
        .is_some_and(|w| PRONOUNS.contains(&w.lower().as_str()))
    {
        run.pop();
    }
    if let Some(owner) = run.iter().position(|w| w.lower().ends_with("'s")) {
        if owner + 1 < run.len() {
            run.drain(..=owner);
        }
    }
    // "Selina Marchetti of Vantor University said": the person, not the place
    // she works.
    if let Some(of) = run.iter().position(|w| w.lower() == "of") {
        let person: Vec<&str> = run[..of].iter().map(|w| w.text).collect();
        let named = run[..of]
            .iter()
            .filter(|w| !is_title(w) && !w.text.chars().all(|c| c.is_uppercase() || c == '.'))
            .count();
        if named >= 2 && !is_organisation_name(&person) {
            run.truncate(of);
        }
    }
    if let Some(last_title) = run.iter().rposition(is_title) {
        if last_title + 1 < run.len() {
            run.drain(..=last_title);
        }
    }
    let first = run.first()?;
    if run.len() == 1 && (NOT_NAMES.contains(&first.lower().as_str()) || is_title(first)) {
        return None;
    }
    // "US Secretary of State", "the President": a title names no one.
    let title_or_place = |w: &&Word| {
        is_title(w) || is_connector(w) || w.text.chars().all(|c| c.is_uppercase() || c == '.')
    };
    if run.len() > 1 && run.iter().all(title_or_place) {
        return None;
    }
    let mut name = String::new();
    for (i, w) in run.iter().enumerate() {
        if i > 0 {
            // "the Nurses’ Guild": the possessive mark stays in the name.
            name.push_str(match w.gap.chars().next() {
                Some(mark @ ('’' | '\'')) if w.gap.len() > mark.len_utf8() => {
                    if mark == '’' {
                        "’ "
                    } else {
                        "' "
                    }
                }
                _ => " ",
            });
        }
        name.push_str(w.text);
    }
    Some(name)
}
