//! Names as news text writes them: runs of capitalized words with particles
//! ("Ursula von der Alm", "Henri de la Tour-Vasseur"), the titles before them
//! ("regional police chief", "Capt."), and what is left when titles, calendar
//! words and possessives are stripped. Attribution finds cues; this finds who
//! a cue's words name.

use crate::text::lexicon::WordSet;
use std::ops::Range;

use crate::text::lexicon::{ORGANISATION_WORDS, SENTENCE_OPENERS, is_calendar_name};
use crate::text::words::Word;

/// A person's gender as the text gives it (a pronoun, a title, a kinship word).
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
            | "son" | "brother" | "husband" | "grandfather" | "uncle" | "nephew" | "monsieur"
            | "herr" | "señor" | "signor" | "senhor" => Some(Gender::Male),
            "she" | "her" | "hers" | "herself" | "mrs" | "ms" | "miss" | "dame" | "lady"
            | "queen" | "mother" | "daughter" | "sister" | "wife" | "grandmother" | "aunt"
            | "niece" | "madame" | "mme" | "frau" | "señora" | "signora" | "senhora" => {
                Some(Gender::Female)
            }
            _ => None,
        }
    }
}

/// Possessive determiners: what follows one is owned, and names no one
/// ("My gran used to say", "her Third Quartet").
const POSSESSIVES: &[&str] = &["my", "our", "your", "his", "her", "their", "its"];

/// A kinship word ("father", "niece"): who it names is someone's relative.
pub(super) fn is_kin(word: &str) -> bool {
    matches!(
        word,
        "father"
            | "son"
            | "brother"
            | "husband"
            | "grandfather"
            | "uncle"
            | "nephew"
            | "mother"
            | "daughter"
            | "sister"
            | "wife"
            | "grandmother"
            | "aunt"
            | "niece"
    )
}

/// Nouns for a kind of organisation, which may stand right before its name
/// ("the operator Calder Link") or for it ("the company said").
/// Nouns that stand for a document someone issued: "the statement said" is
/// its author speaking.
pub(super) static DOCUMENTS: WordSet = WordSet::new(&[
    "statement",
    "letter",
    "release",
    "post",
    "filing",
    "ruling",
    "judgment",
    "judgement",
    "email",
    "message",
    "tweet",
    "notice",
    "memo",
    "note",
    "communique",
    "communiqué",
    "declaration",
    "announcement",
    "petition",
    "report",
    "update",
    "bulletin",
    "complaint",
    "verdict",
    "decision",
]);

pub(super) static ORGANISATION_NOUNS: WordSet = WordSet::new(&[
    "company",
    "firm",
    "group",
    "operator",
    "airline",
    "carrier",
    "bank",
    "insurer",
    "retailer",
    "developer",
    "contractor",
    "manufacturer",
    "maker",
    "lender",
    "startup",
    "app",
    "platform",
    "charity",
    "body",
    "campaign",
    "utility",
    "regulator",
    "watchdog",
    "broadcaster",
    "publisher",
    "supplier",
    "chain",
    "society",
    "union",
    "trust",
    "association",
    "federation",
    "foundation",
    "organisation",
    "organization",
    "agency",
    "authority",
    "board",
    "network",
    "force",
]);

/// Words that stand for someone without naming them.
pub(super) static PRONOUNS: WordSet = WordSet::new(&[
    "he", "she", "they", "it", "we", "i", "you", "who", "which", "that", "this", "one",
]);

/// Capitalized words that open a sentence without naming anyone.
pub(super) static NOT_NAMES: WordSet = WordSet::new(&[
    "nobody",
    "everyone",
    "everybody",
    "someone",
    "somebody",
    "anyone",
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
]);

/// Words that make up a title before a name; the name is what follows the last one.
pub(super) static TITLES: WordSet = WordSet::new(&[
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
    "prosecutor",
    "coroner",
    "magistrate",
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
    // Offices and ranks of law, legislatures, churches and courts
    // ("Sheriff Dwayne Okorie", "DS Ruth O’Hare", "Congresswoman Ana Ruiz").
    "sheriff",
    "marshal",
    // Other languages' ranks and forms of address, as translations keep them.
    "capitaine",
    "commandant",
    "comandante",
    "capitán",
    "kapitein",
    "monsieur",
    "madame",
    "mme",
    "herr",
    "frau",
    "señor",
    "señora",
    "signor",
    "signora",
    "senhor",
    "senhora",
    "canon",
    "substitute",
    "parent",
    "speaker",
    "trooper",
    "ds",
    "dci",
    "dcs",
    "congressman",
    "congresswoman",
    "assemblyman",
    "assemblywoman",
    "alderman",
    "alderwoman",
    "provost",
    "rector",
    "chaplain",
    "cardinal",
    "monsignor",
    "msgr",
    "prince",
    "princess",
    "duke",
    "duchess",
    "baron",
    "baroness",
    "emir",
    "sultan",
    "lieutenant-general",
    "major-general",
    "brigadier",
    "commodore",
    "corporal",
    "ambassador-at-large",
]);

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

/// Words of time that can open a run of capitalized words ("On Thursday
/// Putin said"); month and weekday names come from `dates`.
pub(super) const CALENDAR: &[&str] = &["today", "yesterday", "earlier", "later", "on", "in"];

/// Is `words[at]` joined to the word before it, counting the full stop of a
/// title abbreviation ("Capt. Luis Moreno", "Gen. Kováč")?
pub(super) fn linked(words: &[Word], at: usize) -> bool {
    words[at].joined()
        || (at > 0
            && words[at].gap.trim() == "."
            && words[at - 1].is_capitalized()
            && is_title(&&words[at - 1]))
}

/// Does the word before index `at` belong to the same name run?
pub(super) fn joins_name(words: &[Word], at: usize) -> bool {
    let prev = &words[at - 1];
    if prev.is_capitalized() {
        return true;
    }
    // "Secretary of State": a connector between two capitalized words.
    is_connector(prev) && at >= 2 && words[at - 2].is_capitalized() && prev.joined()
}

pub(super) fn is_connector(word: &Word) -> bool {
    matches!(
        &*word.lower(),
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
pub(super) fn bridges_to_name(after: &[Word], at: usize) -> bool {
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
pub(super) fn names_in(words: &[Word], quoted: &dyn Fn(usize) -> bool) -> Vec<Named> {
    let mut out = Vec::new();
    // A headline in title case ("Kremlin Says Putin Open to Talks") or a
    // byline names no one reliably.
    let capitalized = words.iter().filter(|w| w.is_capitalized()).count();
    let headline = words.len() >= 4 && capitalized * 10 >= words.len() * 7;
    // ("By Nell Okafor in Harwick" is a byline; "By Monday morning, race
    // director Hedda Ljungqvist had …" is not.)
    let byline = words.first().is_some_and(|w| w.text == "By")
        && words.len() <= 10
        && words[1..].iter().all(|w| {
            w.is_capitalized() || matches!(w.text, "and" | "in" | "of" | "the" | "for" | "at")
        });
    if headline || byline {
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
            && linked(words, end)
            && (words[end].is_capitalized()
                || (is_connector(&words[end])
                    && !(words[end].lower() == "of" && names_someone(&words[i..end]))
                    && bridges_to_name(words, end - 1)))
        {
            end += 1;
        }
        // "hearing her Third Quartet", "his Porsche": what a pronoun owns is
        // a thing, not a person ("her son Iñaki" has a kinship word between).
        let owned = i > 0 && words[i].joined() && POSSESSIVES.contains(&&*words[i - 1].lower());
        if owned {
            i = end;
            continue;
        }
        // A nickname in quotation marks inside a name is no part of it:
        // "Bernard “Bunny” Oyelowo" is Bernard Oyelowo.
        let mut joined: Vec<Word> = words[i..end].to_vec();
        if let Some(surname) = nickname_at(words, end) {
            let mut rest = surname + 1;
            while rest < words.len() && linked(words, rest) && words[rest].is_capitalized() {
                rest += 1;
            }
            let mut after = words[surname];
            after.gap = " ";
            joined.push(after);
            joined.extend_from_slice(&words[surname + 1..rest]);
            end = rest;
        }
        let mut before = Vec::new();
        let mut k = i;
        while k > 0 && before.len() < 4 {
            let w = words[k - 1].lower();
            if words[k - 1].is_capitalized() || PRONOUNS.contains(&*w) {
                break;
            }
            before.push(w.trim_end_matches('.').to_string());
            if !words[k].joined() {
                break;
            }
            k -= 1;
        }
        let run = joined.as_slice();
        // The title words up to the name, past a capitalized department
        // ("Finance Minister Rupert Oyelaran-Mills": a later "the minister").
        let titled_to = run
            .iter()
            .rposition(|w| is_title(&w))
            .filter(|&t| t + 1 < run.len())
            .map_or(0, |t| t + 1);
        let titles: Vec<String> = run[..titled_to]
            .iter()
            .filter(|w| is_title(w))
            .map(|w| w.lower().trim_end_matches('.').to_string())
            .chain(
                before
                    .iter()
                    .filter(|w| TITLES.contains(&w.as_str()) || Gender::of(w).is_some())
                    .cloned(),
            )
            .collect();
        let person_title = |w: &str| TITLES.contains(&w) && !NOT_PERSON_TITLES.contains(&w);
        // "Her son Iñaki": a kinship word names a person too.
        let kin = |w: &str| {
            Gender::of(w).is_some() && !PRONOUNS.contains(&w) && !matches!(w, "her" | "his" | "him")
        };
        // "Ane, Iñaki’s daughter, is 15": kinship after the name.
        let kin_after = words.get(end).is_some_and(|w| {
            w.gap.trim() == "," && (w.text.ends_with("’s") || w.text.ends_with("'s"))
        }) && words
            .get(end + 1)
            .is_some_and(|w| w.joined() && kin(&w.lower()));
        // "Losa, 34, is his elder daughter": an age in apposition says a
        // person, even of a name given alone.
        let aged = words.get(end).is_some_and(|w| {
            w.gap.trim() == ","
                && (1..=3).contains(&w.text.len())
                && w.text.chars().all(|c| c.is_ascii_digit())
        }) && words.get(end + 1).is_some_and(|w| w.gap.trim() == ",");
        let mut titles = titles;
        if kin_after {
            titles.push(words[end + 1].lower().into_owned());
        }
        let titled = (run.len() > 1 && is_title(&&run[0]))
            || before.first().is_some_and(|w| person_title(w) || kin(w))
            || kin_after
            || aged
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
                    | "on"
            )
        };
        // "according to Dr Helen Achebe", "the account belongs to Ann
        // Petrak": a person after "to". ("by" names an agent, not a place.)
        let agent = i >= 2
            && words[i - 1].lower() == "to"
            && matches!(
                &*words[i - 2].lower(),
                "according" | "belongs" | "belonged" | "belonging"
            );
        // "in Bergholt", "at the Kemble Lane works"
        let after_preposition = !agent
            && (before.first().is_some_and(preposition)
                || (before.first().is_some_and(|w| w == "the")
                    && before.get(1).is_some_and(preposition)));
        if let Some(name) = clean_name(run) {
            let words_in_name = name.split(' ').count();
            // "Gianni, who sells ice cream from a van, …" / "Teresa is
            // Rosa’s younger sister": a common given name alone is a person
            // (a later "Rosa" after "Rosa Venturelli" is her again).
            let given_alone = words_in_name == 1
                && super::given_names::of(&name).is_some()
                && !COMMON_WORD_NAMES.contains(&name.as_str());
            if words_in_name >= 2 || titled || given_alone {
                // A title says it; else, weakly, a common given name does.
                let given = (words_in_name >= 2 || given_alone)
                    .then(|| name.split(' ').next().and_then(super::given_names::of))
                    .flatten();
                let gender = titles.iter().find_map(|t| Gender::of(t)).or(given);
                // "Consumer group WaterWatch Tarrow", "the carrier Zoomly".
                let kind =
                    |w: &str| ORGANISATION_WORDS.contains(&w) || ORGANISATION_NOUNS.contains(&w);
                // "Greystone Civils, the contractor expected to build it, said"
                let described = words.get(end).is_some_and(|w| {
                    w.gap.contains(',') && matches!(&*w.lower(), "the" | "a" | "an")
                }) && words[end + 1..].iter().take(2).any(|w| kind(&w.lower()));
                let organisation = described || before.first().is_some_and(|w| kind(w.as_str()));
                out.push(Named {
                    at: words[i].start..words[end - 1].end,
                    name,
                    titles,
                    gender,
                    organisation,
                    aged,
                    after_preposition,
                    // (An owner opens no sentence as its subject: "Van
                    // Aelst’s co-star, Conceição Graça Mourão, won".)
                    opens_sentence: opens_sentence(&words[..i])
                        && !words[end - 1].text.ends_with(['’', '\''])
                        && !["’s", "'s"]
                            .iter()
                            .any(|s| words[end - 1].text.ends_with(s)),
                });
            }
        }
        i = end;
    }
    out
}

/// `“Bunny” Oyelowo` at `at`, right after a given name: where the surname
/// after the quoted nickname stands.
fn nickname_at(words: &[Word], at: usize) -> Option<usize> {
    let nickname = words.get(at)?;
    let surname = words.get(at + 1)?;
    let opens = matches!(nickname.gap.trim(), "“" | "\"" | "‘");
    let closes = matches!(surname.gap.trim(), "”" | "\"" | "’");
    (at > 0
        && opens
        && closes
        && nickname.is_capitalized()
        && surname.is_capitalized()
        && nickname.gap.starts_with(' ')
        && surname.gap.ends_with(' '))
    .then_some(at + 1)
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
    /// Called an organisation right before its name ("consumer group").
    pub(super) organisation: bool,
    /// Given an age in apposition ("Losa, 34,"): a person.
    pub(super) aged: bool,
    /// "in Bergholt", "from Kessel": more likely a place than a person.
    pub(super) after_preposition: bool,
    /// The name opens its sentence (after "The" at most): its subject.
    pub(super) opens_sentence: bool,
}

/// The name opening `after`, skipping words from `skippable` before it and
/// passing through lower-case titles ("Kremlin spokesman Dmitry Peskov").
pub(super) fn name_after(after: &[Word], skippable: &WordSet) -> Option<String> {
    let mut start = 0;
    while start < after.len()
        && !after[start].is_capitalized()
        && skippable.contains(&&*after[start].lower())
    {
        start += 1;
    }
    let mut end = start;
    while end < after.len() && (end == start || linked(after, end)) {
        let word = &after[end];
        // "Secretary of State", but not "Selina Marchetti of Vantor University".
        let affiliation = word.lower() == "of" && names_someone(&after[start..end]);
        let bridges = (is_connector(word) || TITLES.contains(&*word.lower()))
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
            let titled = k > end && TITLES.contains(&*after[k - 1].lower());
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
pub(super) fn names_someone(run: &[Word]) -> bool {
    run.iter()
        .filter(|w| {
            !is_title(w)
                && !w.text.chars().all(|c| c.is_uppercase() || c == '.')
                && !matches!(&*w.lower(), "the" | "a" | "an")
        })
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

/// Whether a name after `before` (its sentence's first words) opens the
/// sentence, as its subject does: nothing before it but "the" or a live
/// blog's timestamp ("10:58 The judge is passing sentence").
pub(super) fn opens_sentence(before: &[Word]) -> bool {
    // (Or after title words: "Team leader Gareth Pryce has been a member".)
    before[timestamp_len(before)..]
        .iter()
        .all(|w| w.lower() == "the" || is_title(&w))
}

/// How many of `words` are a live blog's timestamp opening them ("10:58"
/// is the words "10" and "58").
pub(super) fn timestamp_len(words: &[Word]) -> usize {
    words
        .iter()
        .take_while(|w| w.text.chars().all(|c| c.is_ascii_digit()))
        .count()
}

/// A lower-case word of a title ("mayor", "chief").
pub(super) fn is_title_word(word: &str) -> bool {
    TITLES.contains(&word)
}

/// "President", "Secretary-General", "Gen.": a word of a title.
pub(super) fn is_title(word: &&Word) -> bool {
    word.lower()
        .trim_end_matches('.')
        .split('-')
        .all(|part| TITLES.contains(&part))
}

/// Strips titles, calendar words and possessives off a run of capitalized words.
/// Given names that are also common words, which a capital at a
/// sentence's start does not make a name.
const COMMON_WORD_NAMES: &[&str] = &[
    "Mark", "Bill", "Frank", "Grace", "Joy", "Rose", "Jack", "Victor", "Ray", "Guy", "Olive",
    "Iris", "Violet", "Ruby", "Heather", "Holly", "Daisy", "Lily",
];

/// Letters after a name: honours, degrees, silk, a seat.
const POST_NOMINALS: &[&str] = &[
    "KC", "QC", "SC", "MP", "MSP", "MS", "AM", "MLA", "MEP", "TD", "OBE", "MBE", "CBE", "KBE",
    "DBE", "GBE", "PhD", "MD", "FRS", "JP", "DL",
];

pub(super) fn clean_name(run: &[Word]) -> Option<String> {
    let mut run: Vec<&Word> = run.iter().collect();
    while run.first().is_some_and(|w| {
        let lower = w.lower();
        // ("June Hallworth, 72": a month that is a given name, before a
        // name, is hers.)
        let given = run.len() > 1 && super::given_names::of(w.text).is_some();
        CALENDAR.contains(&&*lower)
            || (is_calendar_name(&lower) && !given)
            || SENTENCE_OPENERS.contains(&*lower)
            || PRONOUNS.contains(&*lower)
            || matches!(
                &*lower,
                "by" | "from" | "with" | "to" | "of" | "for" | "into" | "another" | "priority"
            )
            // possessives: "My gran used to say" names no one
            || POSSESSIVES.contains(&&*lower)
    }) {
        run.remove(0);
    }
    // "Hearing Okafor's people have asked …": a gerund opening the run is
    // no given name (a known one, "Sterling Moss", is).
    if run.len() > 1 {
        let lower = run[0].lower();
        // ("Drinking Water Regulator" keeps its first word.)
        let rest: Vec<&str> = run[1..].iter().map(|w| w.text).collect();
        if lower.len() > 5
            && lower.ends_with("ing")
            && super::given_names::of(run[0].text).is_none()
            && !is_organisation_name(&rest)
        {
            run.remove(0);
        }
    }
    while run.last().is_some_and(|w| PRONOUNS.contains(&*w.lower())) {
        run.pop();
    }
    // "Philippa Arrowsmith KC", "Dame Ada Rowe DBE": letters after a name
    // are not part of it.
    while run.len() > 2 && run.last().is_some_and(|w| POST_NOMINALS.contains(&w.text)) {
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
        // ("The Foreign Ministry" is the ministry's whole name.)
        let rest: Vec<&str> = run[last_title + 1..].iter().map(|w| w.text).collect();
        let organisation = rest.len() == 1 && is_organisation_name(&rest);
        if last_title + 1 < run.len() && !organisation {
            run.drain(..=last_title);
        }
    }
    let first = run.first()?;
    if run.len() == 1 && (NOT_NAMES.contains(&*first.lower()) || is_title(first)) {
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
    // "Ruth Adebayo’s office": the owner, without the possessive.
    for mark in ["’s", "'s"] {
        if let Some(owner) = name.strip_suffix(mark) {
            name.truncate(owner.len());
        }
    }
    Some(name)
}
