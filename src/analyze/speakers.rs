//! Who is who in one document: the people and organisations it names
//! outside quotations, in order, with the titles and gender the text gives
//! them, so that a later "Lind", "Mara", "Sir Keir", "she", "the ministry" or
//! "the statement" resolves to the full name the document established.
//!
//! Resolution prefers the nearest earlier mention: two people who share a
//! surname are told apart by which was named last, and a person is never
//! borrowed from another document. Where nothing fits, the answer is no name.

use std::collections::HashMap;
use std::ops::Range;

use super::attribution::{Attribution, Gender, Subject, is_speech_verb, nearest};
use super::names::{Named, is_organisation_name, is_title_word, names_in};
use crate::text::words::words;

/// Nouns that stand for a document someone issued: "the statement said" is
/// its author speaking.
const DOCUMENTS: &[&str] = &[
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
];

/// Nouns for a business that a report names once and then calls by its kind
/// ("Halden Hydro … the company said"); other organisations' names contain
/// the noun ("the union" → "University Staff Union").
const ORGANISATIONS: &[&str] = &[
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
];

/// Institutions a country has one of, which a report may name by the noun
/// alone ("the army said"); any other unresolved reference names no one.
const INSTITUTIONS: &[&str] = &[
    "army",
    "police",
    "government",
    "military",
    "navy",
    "kremlin",
    "pentagon",
    "coastguard",
];

/// One name in the document, where it stands.
#[derive(Debug, Clone)]
struct Mention {
    at: usize,
    name: String,
    titles: Vec<String>,
    gender: Option<Gender>,
    /// Spoken of as a person: a title, a kinship word, a pronoun that refers back.
    person: bool,
    /// Named after a preposition ("in Bergholt"): likely a place.
    place: bool,
    /// A later short form ("Lind") or kinship reference ("her father") of a
    /// name the document gave in full.
    short: bool,
    /// Opens its sentence, as the subject does ("Halden Hydro rejected …").
    subject: bool,
}

/// How far back a pronoun or a titled short form looks, in mentions: far
/// enough for any story, and bounded so a huge document stays linear.
const LOOKBACK: usize = 200;

/// The people and organisations of one document.
#[derive(Debug, Default)]
pub(super) struct Cast {
    mentions: Vec<Mention>,
    /// Mention indices (ascending) by the short forms of their names ("Lind",
    /// "Mara", "von der Alm") and by the words and titles that can refer to
    /// them ("ministry", "mayor"): every look-up is a binary search.
    forms: HashMap<String, Vec<usize>>,
    words: HashMap<String, Vec<usize>>,
    /// Who each named attribution resolved to, by cue position.
    spoken: Vec<(usize, String)>,
    /// Where paragraph breaks are.
    paragraphs: Vec<usize>,
    /// Where someone unnamed speaks ("another survivor said"): a later "he"
    /// is more likely them than anyone named before.
    unnamed: Vec<usize>,
    /// Sentences that speak of a document ("An open letter organised by the
    /// union…"), with the document noun: where "the letter said" finds its author.
    documents: Vec<(Range<usize>, String)>,
}

impl Cast {
    /// Reads the names of `sentences` (outside the `quoted` ranges) and the
    /// attributions found in them.
    pub(super) fn new(
        text: &str,
        sentences: &[Range<usize>],
        attributions: &[Vec<Attribution>],
        quoted: &[Range<usize>],
    ) -> Cast {
        let inside = |at: usize| {
            let i = quoted.partition_point(|q| q.end <= at);
            quoted.get(i).is_some_and(|q| q.start <= at)
        };
        let mut mentions: Vec<Mention> = Vec::new();
        for sentence in sentences {
            for Named {
                at,
                name,
                titles,
                gender,
                after_preposition,
                opens_sentence,
            } in names_in(text, sentence.clone(), &inside)
            {
                let person = !after_preposition
                    && !is_organisation(&name)
                    && (gender.is_some()
                        || titles.iter().any(|t| is_person_title(t))
                        || (opens_sentence && name.contains(' ')));
                mentions.push(Mention {
                    at: at.start,
                    name,
                    titles,
                    gender,
                    person,
                    place: after_preposition,
                    short: false,
                    subject: opens_sentence,
                });
            }
        }
        complete_titled(&mut mentions);
        let mut cast = Cast {
            mentions,
            forms: HashMap::new(),
            words: HashMap::new(),
            spoken: Vec::new(),
            documents: Vec::new(),
            paragraphs: text.match_indices("\n\n").map(|(i, _)| i).collect(),
            unnamed: attributions
                .iter()
                .flatten()
                .filter(|a| a.subject == Subject::Someone && !inside(a.cue.start))
                .map(|a| a.cue.start)
                .collect(),
        };
        // "On the gallery, a volunteer in a yellow oilskin is scraping rust":
        // someone unnamed opens a clause, and a "she" after is likely them.
        for sentence in sentences {
            let all = words(text, sentence.clone());
            let opener = all
                .iter()
                .position(|w| w.gap.contains(','))
                .filter(|&i| i <= 8);
            for i in [Some(0), opener].into_iter().flatten() {
                let starts = all.get(i).is_some_and(|w| {
                    matches!(w.lower().as_str(), "a" | "an" | "one" | "another") && !inside(w.start)
                });
                let person_like = all.get(i + 1).is_some_and(|w| !w.is_capitalized());
                if starts && person_like {
                    cast.unnamed.push(all[i].start);
                }
            }
        }
        cast.unnamed.sort_unstable();
        cast.reindex();
        for sentence in sentences {
            for word in words(text, sentence.clone()) {
                let lower = word.lower();
                if !inside(word.start) && DOCUMENTS.contains(&lower.as_str()) {
                    cast.documents.push((sentence.clone(), lower));
                }
            }
        }
        // Speakers are people or organisations named where they speak.
        let mut speakers = Vec::new();
        for attribution in attributions.iter().flatten() {
            if let Subject::Name(name) = &attribution.subject {
                if inside(attribution.cue.start) {
                    continue;
                }
                let full = cast.full_name(name, attribution.cue.start);
                speakers.push(Mention {
                    at: attribution.cue.start,
                    name: full,
                    titles: Vec::new(),
                    gender: None,
                    // A person if named as one elsewhere (a title, a gender).
                    person: false,
                    place: false,
                    short: false,
                    subject: true,
                });
            }
        }
        cast.mentions.extend(speakers);
        cast.mentions.sort_by_key(|m| m.at);
        cast.reindex();
        cast.add_short_forms(text, sentences, &inside);
        cast.reindex();
        cast.learn_genders(text, sentences, &inside);
        for attribution in attributions.iter().flatten() {
            if inside(attribution.cue.start)
                || matches!(attribution.subject, Subject::Unnamed | Subject::Someone)
            {
                continue;
            }
            if let Some(name) = cast.resolve(attribution) {
                cast.spoken.push((attribution.cue.start, name));
            }
        }
        cast.spoken.sort_by_key(|(at, _)| *at);
        cast
    }

    /// Rebuilds the look-up tables after mentions were added.
    fn reindex(&mut self) {
        self.forms.clear();
        self.words.clear();
        for (i, m) in self.mentions.iter().enumerate() {
            let parts: Vec<&str> = m.name.split(' ').collect();
            if parts.len() > 1 {
                let mut forms = vec![parts[0].to_string(), parts[parts.len() - 1].to_string()];
                forms.push(parts[1..].join(" "));
                forms.push(parts[..parts.len() - 1].join(" "));
                forms.sort();
                forms.dedup();
                for form in forms {
                    self.forms.entry(form).or_default().push(i);
                }
            }
            let words = parts.iter().map(|w| w.to_lowercase());
            for key in words.chain(m.titles.iter().cloned()) {
                let list = self.words.entry(key).or_default();
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
        }
    }

    /// The mention nearest before `at` among `indices` that `keep` accepts,
    /// else (`later`: a headline naming someone introduced below) the first after.
    fn nearest_of(
        &self,
        indices: Option<&Vec<usize>>,
        at: usize,
        keep: impl Fn(&Mention) -> bool,
        later: bool,
    ) -> Option<&Mention> {
        let indices = indices?;
        let split = indices.partition_point(|&i| self.mentions[i].at < at);
        let earlier = indices[..split]
            .iter()
            .rev()
            .take(LOOKBACK)
            .map(|&i| &self.mentions[i])
            .find(|m| keep(m));
        earlier.or_else(|| {
            if !later {
                return None;
            }
            indices[split..]
                .iter()
                .take(LOOKBACK)
                .map(|&i| &self.mentions[i])
                .find(|m| keep(m))
        })
    }

    /// "Zara rolls her eyes": a capitalized word that is the first or last
    /// word of a full name named earlier mentions that person again.
    fn add_short_forms(
        &mut self,
        text: &str,
        sentences: &[Range<usize>],
        inside: &dyn Fn(usize) -> bool,
    ) {
        let mut found = Vec::new();
        for sentence in sentences {
            let all = words(text, sentence.clone());
            for (i, word) in all.iter().enumerate() {
                let lower = word.lower();
                // "Her father has eaten there once": the person introduced as
                // someone's father.
                let kin = Gender::of(&lower).is_some()
                    && !matches!(lower.as_str(), "he" | "she" | "her" | "his" | "him")
                    && i > 0
                    && matches!(all[i - 1].lower().as_str(), "her" | "his" | "their");
                if !(word.is_capitalized() || kin) || inside(word.start) {
                    continue;
                }
                let split = self.mentions.partition_point(|m| m.at < word.start);
                let earlier = if kin {
                    self.nearest_of(self.words.get(&lower), word.start, |m| !m.short, false)
                } else {
                    self.nearest_of(self.forms.get(word.text), word.start, |_| true, false)
                };
                if let Some(m) = earlier {
                    let already = self.mentions[..split]
                        .last()
                        .is_some_and(|last| last.at >= word.start.saturating_sub(2));
                    if !already {
                        found.push(Mention {
                            at: word.start,
                            titles: Vec::new(),
                            short: true,
                            subject: all[..i].iter().all(|w| w.lower() == "the"),
                            ..m.clone()
                        });
                    }
                }
            }
        }
        self.mentions.extend(found);
        self.mentions.sort_by_key(|m| m.at);
    }

    /// A pronoun outside quotations refers to the person named last: "Mara
    /// Lind still wakes at four … the hour she climbed" makes Mara Lind a she.
    fn learn_genders(
        &mut self,
        text: &str,
        sentences: &[Range<usize>],
        inside: &dyn Fn(usize) -> bool,
    ) {
        let mut learned: HashMap<String, Gender> = HashMap::new();
        for sentence in sentences {
            let all = words(text, sentence.clone());
            for (i, word) in all.iter().enumerate() {
                if inside(word.start) {
                    continue;
                }
                // Only a pronoun that opens its sentence or says something
                // ("He remembers", "she recalls"): in "saw her when she was
                // eleven" the pronouns are about someone else.
                let subject = i == 0
                    || all
                        .get(i + 1)
                        .is_some_and(|next| is_speech_verb(&next.lower()));
                let Some(gender) = Gender::of(&word.lower())
                    .filter(|_| subject && matches!(word.lower().as_str(), "he" | "she"))
                else {
                    continue;
                };
                let last = self.mentions.partition_point(|m| m.at < word.start);
                // The subject named last: "Gwen Abara keeps a photograph of
                // Solomon Abara … she tells me" is about Gwen.
                let Some(mention) = self.mentions[..last]
                    .iter()
                    .rev()
                    .take(LOOKBACK)
                    .find(|m| !m.place && m.subject)
                else {
                    continue;
                };
                // Only about someone named just before, in the same paragraph:
                // "“Terrified,” she says" after a paragraph about someone else
                // teaches nothing.
                if self.unnamed_between(mention.at, word.start)
                    || !self.same_paragraph(mention.at, word.start)
                {
                    continue;
                }
                // Across at most the sentence before.
                if sentence.start.saturating_sub(mention.at) > 400 {
                    continue;
                }
                learned.entry(mention.name.clone()).or_insert(gender);
            }
        }
        for m in &mut self.mentions {
            if let Some(&gender) = learned.get(&m.name) {
                m.gender = m.gender.or(Some(gender));
                m.person = true;
            }
        }
    }

    /// Who an attribution names, resolved: a short form to the full name, a
    /// pronoun to the person it refers to, a reference to what it stands for.
    pub(super) fn resolve(&self, attribution: &Attribution) -> Option<String> {
        let at = attribution.cue.start;
        match &attribution.subject {
            Subject::Name(name) => Some(self.full_name(name, at)),
            Subject::Pronoun(gender) => self.pronoun(*gender, at),
            Subject::Reference(noun) => self.reference(noun, at),
            Subject::Unnamed | Subject::Someone => None,
        }
    }

    /// "Lind" → the nearest earlier "Mara Lind" (or, in a headline, the first
    /// later one); a name with no fuller form is itself.
    pub(super) fn full_name(&self, name: &str, at: usize) -> String {
        self.nearest_of(self.forms.get(name), at, |m| m.name != name, true)
            .map_or_else(|| name.to_string(), |m| m.name.clone())
    }

    /// The person named last before `at` whom `gender` fits: one known to be
    /// of that gender, or one of no known gender named in the same paragraph.
    fn pronoun(&self, gender: Gender, at: usize) -> Option<String> {
        let split = self.mentions.partition_point(|m| m.at < at);
        self.mentions[..split]
            .iter()
            .rev()
            .take(LOOKBACK)
            .filter(|m| !m.place && m.person)
            .find(|m| match m.gender {
                Some(g) => g == gender,
                None => self.same_paragraph(m.at, at),
            })
            .filter(|m| !self.unnamed_between(m.at, at))
            .or_else(|| {
                // Else the last person named, of no known gender, in the
                // paragraph before ("Cllr Raj Dhillon said …" / "“…,” he said").
                let last = self.mentions[..split]
                    .iter()
                    .rev()
                    .find(|m| !m.place && m.person)?;
                (last.gender.is_none()
                    && self.paragraph_of(at) == self.paragraph_of(last.at) + 1
                    && !self.unnamed_between(last.at, at))
                .then_some(last)
            })
            .map(|m| m.name.clone())
    }

    fn paragraph_of(&self, at: usize) -> usize {
        self.paragraphs.partition_point(|&p| p < at)
    }

    fn same_paragraph(&self, a: usize, b: usize) -> bool {
        self.paragraphs.partition_point(|&p| p < a) == self.paragraphs.partition_point(|&p| p < b)
    }

    /// Does someone unnamed speak after `from` and before `to`?
    fn unnamed_between(&self, from: usize, to: usize) -> bool {
        let i = self.unnamed.partition_point(|&u| u <= from);
        self.unnamed.get(i).is_some_and(|&u| u < to)
    }

    /// "the statement" → who issued it, as the sentence that spoke of it
    /// last says; "the ministry" → the nearest name with that word in it or
    /// that title; an institution never named (the army) → the noun itself.
    fn reference(&self, noun: &str, at: usize) -> Option<String> {
        // "it said", "a spokesman said": the organisation last named in the
        // paragraph, as a subject.
        if matches!(noun, "it" | "spokesperson") {
            let person = |name: &str| {
                self.words
                    .get(&name.split(' ').next_back().unwrap_or(name).to_lowercase())
                    .is_some_and(|ids| {
                        ids.iter()
                            .any(|&i| self.mentions[i].person && self.mentions[i].name == name)
                    })
            };
            let split = self.spoken.partition_point(|(a, _)| *a < at);
            return self.spoken[..split]
                .iter()
                .rev()
                .take_while(|(a, _)| self.same_paragraph(*a, at))
                .find(|(_, name)| is_organisation(name) || !person(name))
                .map(|(_, name)| name.clone());
        }
        if let Some(bare) = noun
            .strip_prefix("its ")
            .or_else(|| noun.strip_prefix("their "))
        {
            if DOCUMENTS.contains(&bare) {
                let split = self.spoken.partition_point(|(a, _)| *a < at);
                return split.checked_sub(1).map(|i| self.spoken[i].1.clone());
            }
            return self.reference(bare, at);
        }
        if DOCUMENTS.contains(&noun) {
            return self.author(noun, at);
        }
        let split = self.mentions.partition_point(|m| m.at < at);
        if let Some(m) = self.nearest_of(self.words.get(noun), at, |_| true, false) {
            return Some(m.name.clone());
        }
        // "the company said", after "Halden Hydro rejected the accusation":
        // the organisation named last, not long before.
        if ORGANISATIONS.contains(&noun) {
            let org = self.mentions[..split]
                .iter()
                .rev()
                .take_while(|m| at - m.at < 600)
                .find(|m| !m.person && !m.place && !m.short && m.subject && m.name.contains(' '));
            if let Some(org) = org {
                return Some(org.name.clone());
            }
        }
        if noun.ends_with("year-old") {
            return self.mentions[..split]
                .iter()
                .rev()
                .take(LOOKBACK)
                .find(|m| m.person)
                .map(|m| m.name.clone());
        }
        INSTITUTIONS.contains(&noun).then(|| noun.to_string())
    }
}

impl Cast {
    /// Who issued the `noun` ("letter") a cue at `at` refers to: the speaker,
    /// else the first name, of the last earlier sentence that speaks of one.
    fn author(&self, noun: &str, at: usize) -> Option<String> {
        let (sentence, _) = self
            .documents
            .iter()
            .rev()
            .find(|(s, n)| n == noun && s.end <= at)?;
        let spoken = self
            .spoken
            .iter()
            .find(|(a, _)| sentence.contains(a))
            .map(|(_, name)| name.clone());
        spoken.or_else(|| {
            self.mentions
                .iter()
                .find(|m| sentence.contains(&m.at) && !m.place && !m.short && m.name.contains(' '))
                .map(|m| m.name.clone())
        })
    }
}

/// "Capt. Moreno" after "Capt. Luis Moreno": a titled short form is the
/// earlier full name that shares its title, even when someone else of that
/// surname was named in between.
fn complete_titled(mentions: &mut [Mention]) {
    for i in 0..mentions.len() {
        if mentions[i].name.contains(' ') || mentions[i].titles.is_empty() {
            continue;
        }
        let short = format!(" {}", mentions[i].name);
        let titles = mentions[i].titles.clone();
        let full = mentions[..i]
            .iter()
            .rev()
            .take(LOOKBACK)
            .find(|m| m.name.ends_with(&short) && m.titles.iter().any(|t| titles.contains(t)));
        if let Some(full) = full {
            let (name, gender) = (full.name.clone(), full.gender);
            mentions[i].name = name;
            mentions[i].gender = mentions[i].gender.or(gender);
        }
    }
}

/// "Southcoast Water", "Harbour Workers’ Union": an organisation by its name.
fn is_organisation(name: &str) -> bool {
    is_organisation_name(&name.split(' ').collect::<Vec<_>>())
}

/// Titles that only a person holds.
fn is_person_title(title: &str) -> bool {
    !matches!(title, "the" | "a" | "an" | "of" | "and" | "former") && is_title_word(title)
}

/// Who holds what a sentence says: the attribution nearest the words, resolved
/// by the cast; `None` when the source itself says it (or nobody is named).
pub(super) struct Holders<'a> {
    pub(super) attributions: &'a [Vec<Attribution>],
    pub(super) cast: &'a Cast,
}

impl Holders<'_> {
    /// The holder of `matched`, inside sentence number `sentence`, and the
    /// cue that decided it (none when the source itself says it).
    pub(super) fn of(
        &self,
        sentence: usize,
        matched: &Range<usize>,
    ) -> (Option<String>, Option<Range<usize>>) {
        match nearest(&self.attributions[sentence], matched) {
            Some(a) => (self.cast.resolve(a), Some(a.cue.clone())),
            None => (None, None),
        }
    }
}
