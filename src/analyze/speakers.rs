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

use super::attribution::{Attribution, Gender, OWNED, Subject, is_speech_verb, nearest};
use super::names::{
    Named, ORGANISATION_NOUNS, is_kin, is_organisation_name, is_title_word, names_in,
    opens_sentence, timestamp_len,
};
use crate::text::words::{Word, words};

use super::names::DOCUMENTS;

/// Nouns of people that are neither titles nor kin nor made like one
/// (see [`is_person_noun`]): "a local", "one neighbour".
const PEOPLE: &[&str] = &[
    "person",
    "witness",
    "neighbour",
    "local",
    "fan",
    "official",
    "source",
    "voice",
    "victim",
    "relative",
    "friend",
    "colleague",
    "regular",
    "veteran",
    "youth",
    "child",
    "pupil",
    "nun",
    "monk",
    "guard",
    "shepherd",
];

/// A noun that names a person: a gendered noun, a title, kin, one of
/// [`PEOPLE`], or a word made the way nouns of people are ("stallholder",
/// "walker", "pianist", "attendant").
fn is_person_noun(lower: &str) -> bool {
    noun_gender(lower).is_some()
        || is_title_word(lower)
        || is_kin(lower)
        || PEOPLE.contains(&lower)
        || ["er", "or", "ist", "ian", "ant", "ent", "man", "woman", "ee"]
            .iter()
            .any(|end| lower.len() > end.len() + 2 && lower.ends_with(end))
}

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
    /// The number of its sentence.
    sentence: usize,
}

impl Mention {
    /// A person by what the text says (a gender, a person's title), not
    /// just by the shape of the name.
    fn surely_person(&self) -> bool {
        self.gender.is_some() || self.titles.iter().any(|t| is_person_title(t))
    }
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
    /// is more likely them than anyone named before. With the gender their
    /// noun gives ("a man in a club scarf"): a later "she" is not him.
    unnamed: Vec<(usize, Option<Gender>)>,
    /// Where an interviewer's question asks about a "he" or "she" ("Is
    /// that why she was so combative?"): it turns back to the interviewee,
    /// past anyone unnamed quoted before it.
    questions: Vec<(usize, Gender)>,
    /// Sentences that speak of a document ("An open letter organised by the
    /// union…"), with the document noun: where "the letter said" finds its author.
    documents: Vec<(Range<usize>, String, Introduced)>,
    /// The byline's name ("By Danny Holm"): who "I ask" is.
    writer: Option<String>,
    /// Where an unnamed spokesperson speaks, and for whom: a "she said"
    /// after "An authority spokeswoman said" is the authority.
    spokespeople: Vec<(usize, String)>,
    /// Where each post of a thread begins ("@PensionJustice · 11:06"), and
    /// its author: what a post says with no one cited, its author holds.
    posts: Vec<(usize, String)>,
    /// Handles written with an at sign outside quotations ("the food
    /// account @crumbsandcrusts"): whom "the account wrote" can mean when
    /// no handle has spoken yet.
    handles: Vec<(usize, String)>,
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
        // Each sentence's words, split once for every pass below.
        let words_of: Vec<Vec<Word>> = sentences.iter().map(|s| words(text, s.clone())).collect();
        let mut mentions: Vec<Mention> = Vec::new();
        for (number, sentence_words) in words_of.iter().enumerate() {
            for Named {
                at,
                name,
                titles,
                gender,
                after_preposition,
                opens_sentence,
                organisation,
                aged,
            } in names_in(sentence_words, &inside)
            {
                let person = !after_preposition
                    && !organisation
                    && !is_organisation(&name)
                    && (gender.is_some()
                        || aged
                        || titles.iter().any(|t| is_person_title(t))
                        || looks_like_person(&name));
                // "Adebayo, 64, retires": a surname given alone after the
                // full name is that person again.
                // (A titled one, "Ms Marsh", is completed by its title.)
                let fuller = (!name.contains(' ') && titles.is_empty())
                    .then(|| {
                        mentions.iter().rev().take(LOOKBACK).find(|m| {
                            let mut parts = m.name.split(' ');
                            m.name.contains(' ')
                                && (parts.next() == Some(&name) || parts.next_back() == Some(&name))
                        })
                    })
                    .flatten()
                    .or_else(|| {
                        // "De la Motte-Bérenger said", opening a sentence:
                        // the surname with its particle, of the full name
                        // "Adélaïde de la Motte-Bérenger".
                        let (first, rest) = name.split_once(' ')?;
                        let lower = first.to_lowercase();
                        if !PARTICLES.contains(&lower.as_str()) {
                            return None;
                        }
                        let surname = format!(" {lower} {rest}");
                        let exact = format!(" {name}");
                        mentions
                            .iter()
                            .rev()
                            .take(LOOKBACK)
                            .find(|m| m.name.ends_with(&surname) || m.name.ends_with(&exact))
                    })
                    .map(|m| m.name.clone());
                mentions.push(Mention {
                    at: at.start,
                    short: fuller.is_some(),
                    name: fuller.unwrap_or(name),
                    titles,
                    gender,
                    person,
                    place: after_preposition,
                    subject: opens_sentence,
                    sentence: number,
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
            writer: byline(text, sentences),
            spokespeople: Vec::new(),
            posts: post_headers(text),
            handles: words_of
                .iter()
                .flatten()
                .filter(|w| w.gap.ends_with('@') && !inside(w.start))
                .map(|w| (w.start, w.text.trim_end_matches('.').to_string()))
                .collect(),
            paragraphs: text.match_indices("\n\n").map(|(i, _)| i).collect(),
            questions: Vec::new(),
            unnamed: attributions
                .iter()
                .flatten()
                .filter(|a| a.subject == Subject::Someone && !inside(a.cue.start))
                .map(|a| (a.cue.start, someone_gender(text, a.cue.clone())))
                .collect(),
        };
        // "On the gallery, a volunteer in a yellow oilskin is scraping rust":
        // someone unnamed opens a clause, and a "she" after is likely them.
        for all in &words_of {
            // After an opening phrase of place or time ("On the gallery,"),
            // not after a name ("in Szentalma, a village she describes").
            let introduced = all.first().is_some_and(|w| {
                matches!(
                    &*w.lower(),
                    "on" | "at"
                        | "in"
                        | "outside"
                        | "inside"
                        | "nearby"
                        | "later"
                        | "earlier"
                        | "meanwhile"
                        | "across"
                        | "behind"
                        | "near"
                        | "after"
                        | "before"
                        | "back"
                        | "down"
                        | "up"
                        | "over"
                        | "along"
                        | "elsewhere"
                        | "there"
                )
            });
            // (After a place's name, only a noun that says a person: "At the
            // shelter in Kampung Seri Tebing, one woman clutched …", not "in
            // Szentalma, a village she describes".)
            let personal = |i: usize| {
                all.get(i + 1)
                    .is_some_and(|w| noun_gender(&w.lower()).is_some())
            };
            let opener = all.iter().position(|w| w.gap.contains(',')).filter(|&i| {
                i > 0 && i <= 8 && introduced && (!all[i - 1].is_capitalized() || personal(i))
            });
            for i in [Some(0), opener].into_iter().flatten() {
                let starts = all.get(i).is_some_and(|w| {
                    matches!(&*w.lower(), "a" | "an" | "one" | "another") && !inside(w.start)
                });
                // "A woman", "a young nurse", "one dog walker": a noun of a
                // person within three words ("A penalty at Sallow" is none).
                let person_like = all.get(i + 1).is_some_and(|w| !w.is_capitalized())
                    && all[i + 1..]
                        .iter()
                        .take(3)
                        .any(|w| is_person_noun(&w.lower()));
                if starts && person_like {
                    // "a man", "a young woman", "an elderly man": the noun's gender.
                    let gender = all[i + 1..]
                        .iter()
                        .take(3)
                        .find_map(|w| noun_gender(&w.lower()));
                    cast.unnamed.push((all[i].start, gender));
                }
            }
        }
        cast.unnamed.sort_unstable_by_key(|(at, _)| *at);
        for (sentence, all) in sentences.iter().zip(&words_of) {
            let asked = text[sentence.clone()].trim_end().ends_with('?');
            if !asked || inside(sentence.start) || inside(sentence.end.saturating_sub(1)) {
                continue;
            }
            let pronoun = all
                .iter()
                .filter(|w| !inside(w.start))
                .find_map(|w| match &*w.lower() {
                    "he" => Some(Gender::Male),
                    "she" => Some(Gender::Female),
                    _ => None,
                });
            if let Some(gender) = pronoun {
                cast.questions.push((sentence.start, gender));
            }
        }
        cast.reindex();
        for (sentence, all) in sentences.iter().zip(&words_of) {
            for (i, word) in all.iter().enumerate() {
                let lower = word.lower();
                if inside(word.start) {
                    continue;
                }
                if DOCUMENTS.contains(&*lower) {
                    // "A letter sent to local media …" is a new one.
                    // ("An open letter", not "… a library,” the letter".)
                    let new = all[i.saturating_sub(2)..i]
                        .iter()
                        .any(|w| matches!(&*w.lower(), "a" | "an" | "another") && !inside(w.start))
                        && word.joined();
                    cast.documents
                        .push((sentence.clone(), lower.into_owned(), Introduced(new)));
                } else if matches!(&*lower, "wrote" | "writes" | "written")
                    && all
                        .get(i + 1)
                        .is_some_and(|w| w.lower() == "to" && w.joined())
                {
                    // "Sir Godfrey Ellacombe wrote to shareholders …" /
                    // "“…,” the letter said": his letter.
                    cast.documents
                        .push((sentence.clone(), "letter".to_string(), Introduced(true)));
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
                let full = full.as_str();
                speakers.push(Mention {
                    at: attribution.cue.start,
                    name: full.to_string(),
                    titles: Vec::new(),
                    gender: None,
                    // A person if named as one elsewhere (a title, a gender),
                    // or by the shape of the name.
                    person: looks_like_person(full),
                    place: false,
                    short: false,
                    subject: true,
                    sentence: sentences.partition_point(|s| s.end <= attribution.cue.start),
                });
            }
        }
        cast.mentions.extend(speakers);
        cast.mentions.sort_by_key(|m| m.at);
        cast.reindex();
        cast.add_short_forms(&words_of, &inside);
        cast.reindex();
        cast.unify();
        cast.learn_genders(sentences, &words_of, &inside);
        cast.learn_from_pronouns(text, attributions, &inside);
        for attribution in attributions.iter().flatten() {
            if inside(attribution.cue.start)
                || matches!(attribution.subject, Subject::Unnamed | Subject::Someone)
            {
                continue;
            }
            if let Some(name) = cast.resolve(attribution) {
                if matches!(&attribution.subject, Subject::Reference(noun) if noun.ends_with("spokesperson"))
                {
                    cast.spokespeople
                        .push((attribution.cue.start, name.clone()));
                }
                cast.spoken.push((attribution.cue.start, name));
            }
        }
        cast.spoken.sort_by_key(|(at, _)| *at);
        cast.spokespeople.sort_by_key(|(at, _)| *at);
        cast
    }

    /// Rebuilds the look-up tables after mentions were added.
    fn reindex(&mut self) {
        self.forms.clear();
        self.words.clear();
        for (i, m) in self.mentions.iter().enumerate() {
            let parts: Vec<&str> = m.name.split(' ').collect();
            // (A person named by one word, "Losa, 34,", is that word again.)
            if parts.len() == 1 && m.person && !m.short {
                self.forms.entry(m.name.clone()).or_default().push(i);
            }
            if parts.len() > 1 {
                let mut forms = vec![parts[0].to_string(), parts[parts.len() - 1].to_string()];
                forms.push(parts[1..].join(" "));
                forms.push(parts[..parts.len() - 1].join(" "));
                // "Lawrence Oduya Jr." is "Oduya" too.
                let suffix = parts.len() > 2 && is_suffix(parts[parts.len() - 1]);
                if suffix {
                    forms.push(parts[parts.len() - 2].to_string());
                    forms.push(parts[1..parts.len() - 1].join(" "));
                }
                // "@WestmoorRail" is "Westmoor Rail": the name squashed.
                forms.push(squashed(&m.name));
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

    /// "Her father" when no one was called her father: the nearest person
    /// of the father's gender who shares a surname with someone who could
    /// be the "her" — "Samuel Okoro" after Dani Okoro.
    fn kin_by_surname(&self, owner: &str, kin: &str, at: usize) -> Option<&Mention> {
        let (owner, kin) = (Gender::of(owner)?, Gender::of(kin)?);
        let split = self.mentions.partition_point(|m| m.at < at);
        let people = || {
            self.mentions[..split]
                .iter()
                .rev()
                .take(LOOKBACK)
                .filter(|m| m.person && !m.short && m.name.contains(' '))
        };
        let surname = |m: &Mention| m.name.rsplit(' ').next().unwrap_or_default().to_string();
        people().filter(|m| m.gender == Some(kin)).find(|m| {
            people().any(|o| {
                o.name != m.name && o.gender.is_none_or(|g| g == owner) && surname(o) == surname(m)
            })
        })
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
    fn add_short_forms(&mut self, words_of: &[Vec<Word>], inside: &dyn Fn(usize) -> bool) {
        let mut found = Vec::new();
        for (number, all) in words_of.iter().enumerate() {
            for (i, word) in all.iter().enumerate() {
                let lower = word.lower();
                // "Her father has eaten there once": the person introduced as
                // someone's father.
                let kin = Gender::of(&lower).is_some()
                    && !matches!(&*lower, "he" | "she" | "her" | "his" | "him")
                    && i > 0
                    && matches!(&*all[i - 1].lower(), "her" | "his" | "their");
                // "The judge is passing sentence now", after "Judge Imogen
                // Thackery took her seat": the person who holds that title.
                let role = !word.is_capitalized()
                    && i > 0
                    && all[i - 1].lower() == "the"
                    && is_role(&lower);
                if !(word.is_capitalized() || kin || role) || inside(word.start) {
                    continue;
                }
                let split = self.mentions.partition_point(|m| m.at < word.start);
                let earlier = if kin {
                    self.nearest_of(self.words.get(&*lower), word.start, |m| !m.short, false)
                        // (Only as the subject, and with no name set off
                        // after it: "Her father, Lajos Varga," names him.)
                        .or_else(|| {
                            let named_after =
                                all.get(i + 1).is_none_or(|w| w.gap.contains([',', ':']));
                            (opens_sentence(&all[..i - 1]) && !named_after)
                                .then(|| {
                                    self.kin_by_surname(&all[i - 1].lower(), &lower, word.start)
                                })
                                .flatten()
                        })
                } else if role {
                    self.nearest_of(
                        self.words.get(&*lower),
                        word.start,
                        |m| !m.short && m.person && m.titles.iter().any(|t| *t == *lower),
                        false,
                    )
                } else {
                    // "Okonjo’s message": the owner.
                    let owner = word
                        .text
                        .strip_suffix("’s")
                        .or_else(|| word.text.strip_suffix("'s"))
                        .unwrap_or(word.text);
                    self.nearest_of(self.forms.get(owner), word.start, |_| true, false)
                };
                if let Some(m) = earlier {
                    let already = self.mentions[..split]
                        .last()
                        .is_some_and(|last| last.at >= word.start.saturating_sub(2));
                    if !already {
                        // ("Her father has eaten there": a he, the subject.)
                        let (gender, subject) = if kin {
                            (
                                m.gender.or(Gender::of(&lower)),
                                opens_sentence(&all[..i - 1]),
                            )
                        } else {
                            (m.gender, opens_sentence(&all[..i]))
                        };
                        found.push(Mention {
                            at: word.start,
                            titles: Vec::new(),
                            short: true,
                            subject,
                            gender,
                            sentence: number,
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
        sentences: &[Range<usize>],
        words_of: &[Vec<Word>],
        inside: &dyn Fn(usize) -> bool,
    ) {
        let mut learned: HashMap<String, Gender> = HashMap::new();
        for (sentence, all) in sentences.iter().zip(words_of) {
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
                    .filter(|_| subject && matches!(&*word.lower(), "he" | "she"))
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
                    .find(|m| !m.place && m.subject && m.person && !is_organisation(&m.name))
                else {
                    continue;
                };
                // Only about someone named just before, in the same paragraph:
                // "“Terrified,” she says" after a paragraph about someone else
                // teaches nothing.
                if self.unnamed_between(mention.at, word.start, gender)
                    || !self.same_paragraph(mention.at, word.start)
                {
                    continue;
                }
                // Across at most the sentence before, and never against what
                // a title or given name already says.
                if sentence.start.saturating_sub(mention.at) > 400 || mention.gender.is_some() {
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

    /// Makes what is known of a name true of all its mentions: a person
    /// once is a person everywhere, and a gender once is the gender
    /// everywhere.
    fn unify(&mut self) {
        let mut known: HashMap<&str, (bool, Option<Gender>)> = HashMap::new();
        for m in &self.mentions {
            let entry = known.entry(m.name.as_str()).or_default();
            entry.0 |= m.person;
            entry.1 = entry.1.or(m.gender);
        }
        let known: HashMap<String, (bool, Option<Gender>)> = known
            .into_iter()
            .map(|(name, k)| (name.to_string(), k))
            .collect();
        for m in &mut self.mentions {
            if let Some(&(person, gender)) = known.get(&m.name) {
                m.person |= person;
                m.gender = m.gender.or(gender);
            }
        }
    }

    /// "“…,” says Lind. / … she tells me": a pronoun that can only be the
    /// person of unknown gender named just before gives that person its
    /// gender, so that a "she" further on still finds her. Cues are read in
    /// text order, each learning from what the ones before it taught.
    ///
    /// So does the pronoun that opens what a named speaker reports: "Ann
    /// Petrak said she had been amused" makes Ann Petrak a she.
    fn learn_from_pronouns(
        &mut self,
        text: &str,
        attributions: &[Vec<Attribution>],
        inside: &dyn Fn(usize) -> bool,
    ) {
        self.unify();
        let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, m) in self.mentions.iter().enumerate() {
            by_name.entry(m.name.clone()).or_default().push(i);
        }
        for attribution in attributions.iter().flatten() {
            if inside(attribution.cue.start) {
                continue;
            }
            let (name, gender) = match &attribution.subject {
                Subject::Pronoun(gender) => match self.pronoun(*gender, attribution.cue.start) {
                    Some(name) => (name, *gender),
                    None => continue,
                },
                Subject::Name(name) => match reported_pronoun(text, attribution.cue.end) {
                    Some(gender) => (self.full_name(name, attribution.cue.start), gender),
                    None => continue,
                },
                _ => continue,
            };
            for &i in by_name.get(&name).into_iter().flatten() {
                let m = &mut self.mentions[i];
                if m.gender.is_some() {
                    break;
                }
                m.gender = Some(gender);
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
            Subject::Writer => self.writer.clone(),
            Subject::Unnamed | Subject::Someone => None,
        }
    }

    /// "Lind" → the nearest earlier "Mara Lind" (or, in a headline, the first
    /// later one); a name with no fuller form is itself.
    pub(super) fn full_name(&self, name: &str, at: usize) -> String {
        // "Van der Berg said", opening a sentence, is "Luuk van der Berg".
        let particle = name
            .split_once(' ')
            .filter(|(first, _)| PARTICLES.contains(&first.to_lowercase().as_str()))
            .map(|(first, rest)| format!("{} {rest}", first.to_lowercase()));
        let forms = self
            .forms
            .get(name)
            .or_else(|| particle.as_ref().and_then(|p| self.forms.get(p)))
            .or_else(|| {
                // (A handle: the organisation or person it squashes.)
                (!name.contains(' ') && name.len() > 3)
                    .then(|| self.forms.get(&squashed(name)))
                    .flatten()
            });
        self.nearest_of(forms, at, |m| m.name != name, true)
            .map_or_else(|| name.to_string(), |m| m.name.clone())
    }

    /// The person named last before `at` whom `gender` fits: one known to be
    /// of that gender, or one of no known gender named in the same paragraph.
    fn pronoun(&self, gender: Gender, at: usize) -> Option<String> {
        let split = self.mentions.partition_point(|m| m.at < at);
        // A spokesperson who spoke earlier in the paragraph, with no one
        // named since who could be "she" ("Brightwell’s plant" cannot), is
        // who "she said" is.
        let spoke = self.spokespeople.partition_point(|(a, _)| *a < at);
        if let Some((from, organisation)) = spoke.checked_sub(1).map(|i| &self.spokespeople[i]) {
            let named_since = self.mentions[..split]
                .iter()
                .rev()
                .take_while(|m| m.at > *from)
                .any(|m| {
                    !m.place
                        && (m.person || m.gender.is_some())
                        && m.gender.is_none_or(|g| g == gender)
                });
            if self.same_paragraph(*from, at) && !named_since {
                return Some(organisation.clone());
            }
        }
        let people = || {
            self.mentions[..split]
                .iter()
                .rev()
                .take(LOOKBACK)
                .filter(|m| !m.place && m.person)
        };
        let near = |m: &&Mention| self.paragraph_of(at) <= self.paragraph_of(m.at) + 1;
        let free = |m: &&Mention| !self.unnamed_between(m.at, at, gender);
        // In order: one known to be of that gender, named in this paragraph
        // or the one before ("Coroner Dr Helen Pryce asked … ‘No,’ he
        // replied" is Mr Tate, named before her); one of unknown gender in
        // this paragraph; the last person named, of unknown gender, in the
        // paragraph before ("Cllr Raj Dhillon said …" / "“…,” he said"); one
        // known to be of that gender further back.
        // (The subject of that sentence, of that gender too, before an
        // object: "Ruairí, who runs a youth project, sends his Tavita the
        // kids" / "“…,” he says" is Ruairí.)
        let known = people().find(|m| m.gender == Some(gender)).map(|k| {
            if k.subject {
                return k;
            }
            people()
                .skip_while(|m| m.at > k.at)
                .take_while(|m| m.sentence == k.sentence)
                .filter(|m| m.subject && m.name != k.name && m.gender == Some(gender))
                .last()
                .unwrap_or(k)
        });
        let unknown_here = people()
            .take_while(|m| self.same_paragraph(m.at, at))
            .find(|m| m.gender.is_none());
        // (Of those, the subject of its sentence before an object: "Dagný
        // Þórsdóttir has taken Marlow Vale Women to the top" / "she says".)
        let before =
            || people().take_while(|m| self.paragraph_of(at) == self.paragraph_of(m.at) + 1);
        let last_before = before()
            .find(|m| m.subject && !m.short)
            .or_else(|| before().next())
            .filter(|m| m.gender.is_none());
        // A subject of unknown gender named in this paragraph after the one
        // known to be of that gender is nearer: "Helena Brisco … She says." /
        // "The judge is passing sentence now. She tells Vareham".
        let nearer = unknown_here
            .filter(|u| u.subject && known.is_none_or(|k| u.at > k.at && u.name != k.name));
        nearer
            .filter(free)
            .or(known.filter(near).filter(free))
            .or(unknown_here.filter(free))
            .or(last_before.filter(free))
            .or(known.filter(free))
            .map(|m| m.name.clone())
    }

    fn paragraph_of(&self, at: usize) -> usize {
        self.paragraphs.partition_point(|&p| p < at)
    }

    fn same_paragraph(&self, a: usize, b: usize) -> bool {
        self.paragraphs.partition_point(|&p| p < a) == self.paragraphs.partition_point(|&p| p < b)
    }

    /// Does someone unnamed whom `gender` fits speak after `from` and
    /// before `to`?
    fn unnamed_between(&self, from: usize, to: usize, gender: Gender) -> bool {
        let i = self.unnamed.partition_point(|&(u, _)| u <= from);
        let asked_after = |u: usize| {
            let q = self.questions.partition_point(|&(at, _)| at <= u);
            self.questions[q..]
                .iter()
                .take_while(|&&(at, _)| at < to)
                .any(|&(_, g)| g == gender)
        };
        self.unnamed[i..]
            .iter()
            .take_while(|&&(u, _)| u < to)
            .any(|&(u, g)| g.is_none_or(|g| g == gender) && !asked_after(u))
    }

    /// "the statement" → who issued it, as the sentence that spoke of it
    /// last says; "the ministry" → the nearest name with that word in it or
    /// that title; an institution never named (the army) → the noun itself.
    fn reference(&self, noun: &str, at: usize) -> Option<String> {
        // "it said", "a spokesman said": the organisation last named in the
        // paragraph, as a subject.
        if noun == "spokesperson" {
            // "A Kestova spokesman said … “…,” the spokesman said."
            let i = self.spokespeople.partition_point(|(a, _)| *a < at);
            if let Some((from, organisation)) = i.checked_sub(1).map(|i| &self.spokespeople[i]) {
                if self.same_paragraph(*from, at) {
                    return Some(organisation.clone());
                }
            }
        }
        if matches!(noun, "it" | "spokesperson") {
            // Surely a person: a gender or a person's title, not just the
            // shape of the name ("WaterWatch Tarrow … it said").
            let person = |name: &str| {
                self.words
                    .get(&name.split(' ').next_back().unwrap_or(name).to_lowercase())
                    .is_some_and(|ids| {
                        ids.iter().any(|&i| {
                            let m = &self.mentions[i];
                            m.name == name && m.surely_person()
                        })
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
        // "a council spokesman said": the council, else whoever spoke last.
        if let Some(organisation) = noun.strip_suffix(" spokesperson") {
            // "A Kestova spokesman": the organisation by its name, in full.
            if organisation.starts_with(char::is_uppercase) {
                return Some(self.full_name(organisation, at));
            }
            return self
                .reference(organisation, at)
                .or_else(|| self.reference("spokesperson", at));
        }
        if let Some(bare) = noun
            .strip_prefix("its ")
            .or_else(|| noun.strip_prefix("their "))
        {
            // ("its official account told a commuter": the account's owner.)
            if DOCUMENTS.contains(&bare) || OWNED.contains(&bare) {
                let split = self.spoken.partition_point(|(a, _)| *a < at);
                return split.checked_sub(1).map(|i| self.spoken[i].1.clone());
            }
            // ("A video by @tunnelvisionvlogs … “…,” its creator wrote".)
            if bare == "creator" {
                return self.reference(bare, at);
            }
            return self.reference(bare, at);
        }
        if DOCUMENTS.contains(&noun) {
            return self.author(noun, at);
        }
        // "said his wife": the one called his wife, else the woman who
        // shares a surname with a man named before.
        if let Some((owner, kin)) = noun
            .split_once(' ')
            .filter(|(owner, _)| matches!(*owner, "his" | "her"))
        {
            return self
                .nearest_of(self.words.get(kin), at, |m| !m.short, false)
                .or_else(|| is_kin(kin).then(|| self.kin_by_surname(owner, kin, at))?)
                .map(|m| m.name.clone());
        }
        // "One user, sandyfeet88, asked …" / "“…,” the user wrote": the
        // handle that spoke last in the paragraph.
        if matches!(
            noun,
            "user" | "account" | "poster" | "commenter" | "creator"
        ) {
            let split = self.spoken.partition_point(|(a, _)| *a < at);
            // (Else the handle named last, in this paragraph or the one
            // before: "posted by the food account @crumbsandcrusts" /
            // "“…,” the account wrote".)
            let named = || {
                let split = self.handles.partition_point(|(a, _)| *a < at);
                split
                    .checked_sub(1)
                    .map(|i| &self.handles[i])
                    .filter(|(a, _)| self.paragraph_of(at) <= self.paragraph_of(*a) + 1)
                    .map(|(_, handle)| handle.clone())
            };
            return self.spoken[..split]
                .iter()
                .rev()
                .take_while(|(a, _)| self.same_paragraph(*a, at))
                .find(|(_, name)| looks_like_handle(name))
                .map(|(_, name)| name.clone())
                .or_else(named);
        }
        let split = self.mentions.partition_point(|m| m.at < at);
        if let Some(m) = self.nearest_of(self.words.get(noun), at, |_| true, false) {
            return Some(m.name.clone());
        }
        // "the company said", after "Halden Hydro rejected the accusation":
        // the organisation named last, not long before.
        if ORGANISATION_NOUNS.contains(&noun) {
            let org = self.mentions[..split]
                .iter()
                .rev()
                .take_while(|m| at - m.at < 600)
                // (A short form counts: "Northgate’s portal went offline"
                // names Northgate Mutual again; so does an organisation's
                // name anywhere in its sentence: "A second chain, Baylight
                // Foods, has stepped in.")
                .find(|m| {
                    !m.surely_person()
                        && !m.place
                        && (m.subject || (is_organisation(&m.name) && !m.short))
                        && m.name.contains(' ')
                });
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
    /// The person or organisation a sentence with no reporting verb is
    /// about, as its subject: "Asked whether the levee would hold, the
    /// governor paused.", "Her grandfather, listening, shakes his head.",
    /// "She laughs." A quotation that follows such a beat is theirs. Only a
    /// subject the document names as a person or an organisation counts.
    pub(super) fn beat_subject(&self, text: &str, sentence: Range<usize>) -> Option<String> {
        let all = words(text, sentence);
        let clause = all
            .iter()
            .take(15)
            .position(|w| w.gap.contains(','))
            .filter(|&i| i > 0);
        // (Past a live blog's timestamp: "11:00 Judge Thackery:".)
        for start in [Some(timestamp_len(&all)), clause].into_iter().flatten() {
            let mut i = start;
            // Past a determiner or possessive and lower-case title words:
            // "the regional governor", "her grandfather".
            while i < all.len() && i < start + 5 {
                let lower = all[i].lower();
                if matches!(&*lower, "he" | "she") {
                    return Gender::of(&lower).and_then(|g| self.pronoun(g, all[i].start));
                }
                // "Vareham's lawyer Helena Brisco": the owner is not the
                // subject; "Okonjo’s message was simple:" is Okonjo's.
                let possessive = lower.ends_with("'s") || lower.ends_with("’s");
                let person_noun = |w: &crate::text::words::Word| {
                    let next = w.lower();
                    !w.is_capitalized() && (is_title_word(&next) || Gender::of(&next).is_some())
                };
                if possessive && all.get(i + 1).is_some_and(person_noun) {
                    i += 1;
                    continue;
                }
                if let Some(m) = self.mention_at(all[i].start) {
                    let org = is_organisation(&m.name) || (m.subject && !m.person);
                    return (!m.place && (m.person || org)).then(|| m.name.clone());
                }
                if all[i].is_capitalized() && i > start {
                    break;
                }
                // "the governor paused": the governor the document names.
                if i > start && all[i - 1].lower() == "the" && all[i].joined() {
                    let lower = all[i].lower();
                    if let Some(name) = self.reference(&lower, all[i].start) {
                        return Some(name);
                    }
                }
                i += 1;
            }
        }
        None
    }

    /// A bare label before a colon that names a person the document knows
    /// ("11:00 Judge Thackery: “…”"): that person. A label naming anything
    /// else ("Kyiv Independent: “…”") is a source line, not a speaker.
    pub(super) fn labelled_person(&self, text: &str, label: Range<usize>) -> Option<String> {
        let all = words(text, label);
        let name = &all[timestamp_len(&all)..];
        if name.is_empty() || name.len() > 5 || !name.iter().all(|w| w.is_capitalized()) {
            return None;
        }
        name.iter()
            .find_map(|w| self.mention_at(w.start))
            .filter(|m| m.surely_person() && !m.place)
            .map(|m| m.name.clone())
    }

    /// The author of the post that `at` stands in, in a thread of posts.
    pub(super) fn post_author(&self, at: usize) -> Option<String> {
        let i = self.posts.partition_point(|(start, _)| *start <= at);
        i.checked_sub(1).map(|i| self.posts[i].1.clone())
    }

    /// The mention that starts at byte `at`, if any.
    /// The one person the reporter's words in `before` (a paragraph up to a
    /// quotation) name, if they name exactly one, as the subject of a
    /// sentence: "Lena Hart tells me the squad calls her coach “the
    /// Professor”. “She notices everything.”" is Lena Hart.
    pub(super) fn sole_person_in(&self, text: &str, before: Range<usize>) -> Option<String> {
        let from = self.mentions.partition_point(|m| m.at < before.start);
        let mut people = self.mentions[from..]
            .iter()
            .take_while(|m| m.at < before.end)
            .filter(|m| !m.place && !is_organisation(&m.name));
        let first = people.next()?;
        // ("Ingrid’s brother is less sentimental" is about her brother.)
        let owner = text[first.at..before.end]
            .split_whitespace()
            .next()
            .is_some_and(|w| w.ends_with("’s") || w.ends_with("'s"));
        (first.person && first.subject && !owner && people.all(|m| m.name == first.name))
            .then(|| first.name.clone())
    }

    fn mention_at(&self, at: usize) -> Option<&Mention> {
        let i = self.mentions.partition_point(|m| m.at < at);
        self.mentions.get(i).filter(|m| m.at == at)
    }

    /// Who issued the `noun` ("letter") a cue at `at` refers to: the speaker,
    /// else the first name, of the last earlier sentence that speaks of one.
    fn author(&self, noun: &str, at: usize) -> Option<String> {
        // The cue's own sentence first ("An open letter organised by the
        // Staff Union called the decision “…”"), then only the nearest
        // earlier one: a letter introduced there with no author is not an
        // earlier letter's.
        let of_noun = || self.documents.iter().rev().filter(|(_, n, _)| n == noun);
        let own = of_noun().find(|(s, _, _)| s.contains(&at));
        // (Not past a new one in the cue's own sentence.)
        let nearest = of_noun()
            .find(|(s, _, _)| s.end <= at)
            .filter(|_| !own.is_some_and(|(_, _, Introduced(new))| *new));
        own.into_iter().chain(nearest).find_map(|(sentence, _, _)| {
            // (`spoken` and `mentions` are in text order: start at the
            // sentence, not at the top of the document.)
            let from = self.spoken.partition_point(|(a, _)| *a < sentence.start);
            let spoken = self.spoken[from..]
                .first()
                .filter(|(a, _)| sentence.contains(a))
                .map(|(_, name)| name.clone());
            spoken.or_else(|| {
                let from = self.mentions.partition_point(|m| m.at < sentence.start);
                self.mentions[from..]
                    .iter()
                    .take_while(|m| m.at < sentence.end)
                    .find(|m| {
                        (!m.place || is_organisation(&m.name)) && !m.short && m.name.contains(' ')
                    })
                    .map(|m| m.name.clone())
            })
        })
    }
}

/// Whether a sentence brings in a new document ("A letter sent to …",
/// "Sir Godfrey wrote to shareholders") rather than speaking of one already
/// there ("the letter said").
#[derive(Debug, Clone, Copy)]
struct Introduced(bool);

/// The gender of someone unnamed who speaks at `cue`, as the nouns next to
/// it give it: "a woman waiting at the centre said", "said one man".
/// "he" or "she" right after a reporting cue, or after its "that" ("said
/// she had been", "told the court that he"): whom the speaker reports about
/// first, most often themself.
fn reported_pronoun(text: &str, cue_end: usize) -> Option<Gender> {
    let rest = text.get(cue_end..)?;
    let mut next = rest
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(2);
    let first = next.next()?;
    let gap = &rest[..rest.find(first)?];
    if !gap.trim().is_empty() {
        return None;
    }
    let pronoun = if first == "that" { next.next()? } else { first };
    matches!(pronoun, "he" | "she")
        .then(|| Gender::of(pronoun))
        .flatten()
}

fn someone_gender(text: &str, cue: Range<usize>) -> Option<Gender> {
    let boundary = |mut at: usize| {
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    let window = boundary(cue.start.saturating_sub(60))..boundary((cue.end + 30).min(text.len()));
    let all = words(text, window);
    all.iter()
        .enumerate()
        .filter(|(_, w)| matches!(&*w.lower(), "a" | "an" | "one" | "another"))
        .find_map(|(i, _)| {
            all[i + 1..]
                .iter()
                .take(3)
                .find_map(|w| noun_gender(&w.lower()))
        })
}

/// The gender a noun for an unnamed person gives: "a man", "a woman",
/// "a grandmother".
fn noun_gender(noun: &str) -> Option<Gender> {
    match noun {
        "man" | "boy" | "gentleman" | "businessman" | "fisherman" | "policeman" => {
            Some(Gender::Male)
        }
        "woman" | "girl" | "lady" | "businesswoman" | "policewoman" => Some(Gender::Female),
        _ => Gender::of(noun).filter(|_| !matches!(noun, "he" | "she" | "her" | "his" | "him")),
    }
}

/// The writer a byline near the top names: "By Danny Holm".
fn byline(text: &str, sentences: &[Range<usize>]) -> Option<String> {
    sentences.iter().take(4).find_map(|s| {
        let all = words(text, s.clone());
        let rest = all.split_first().filter(|(by, _)| by.text == "By")?.1;
        let name: Vec<&str> = rest
            .iter()
            .take(4)
            .take_while(|w| w.is_capitalized())
            .map(|w| w.text)
            .collect();
        ((2..=3).contains(&name.len()) && name.len() == rest.len()).then(|| name.join(" "))
    })
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
        let given = format!("{} ", mentions[i].name);
        let titles = mentions[i].titles.clone();
        // "Sir Keir", "Dame Eulalia": titles that go with the given name.
        let by_given = titles.iter().any(|t| matches!(t.as_str(), "sir" | "dame"));
        let full = mentions[..i].iter().rev().take(LOOKBACK).find(|m| {
            (m.name.ends_with(&short) || (by_given && m.name.starts_with(&given)))
                && m.titles.iter().any(|t| titles.contains(t))
        });
        // "Mr Hendry" after "Alan Hendry and Moira Hendry": the nearest one
        // the title's gender fits, known to be of it or not known to be of
        // the other ("Reg Hallworth denied this. … Mr Hallworth told the
        // BBC" after his brother Len).
        let gendered = titles.iter().find_map(|t| Gender::of(t));
        let full = full.or_else(|| {
            let gender = gendered?;
            mentions[..i]
                .iter()
                .rev()
                .take(LOOKBACK)
                .find(|m| m.name.ends_with(&short) && m.gender.is_none_or(|g| g == gender))
        });
        if let Some(full) = full {
            let (name, gender) = (full.name.clone(), full.gender);
            mentions[i].name = name;
            mentions[i].gender = mentions[i].gender.or(gender);
        }
    }
}

/// Particles of surnames, written lower case inside a name ("Luuk van der
/// Berg") and capitalized when the surname opens a sentence.
const PARTICLES: &[&str] = &[
    "van", "von", "de", "der", "den", "da", "di", "del", "della", "du", "le", "la", "ap", "ter",
];

/// "Jr", "III": a suffix after the surname.
fn is_suffix(word: &str) -> bool {
    matches!(
        word.trim_end_matches('.'),
        "Jr" | "Sr" | "Jnr" | "Snr" | "II" | "III" | "IV" | "V"
    )
}

/// "Southcoast Water", "Harbour Workers’ Union": an organisation by its name.
/// "sandyfeet88", "river_watch", "WestmoorRail": one word with a digit,
/// an underscore or a capital inside.
fn looks_like_handle(name: &str) -> bool {
    !name.contains(' ')
        && (name.contains(|c: char| c.is_ascii_digit() || c == '_')
            || name.chars().skip(1).any(char::is_uppercase))
}

/// A name as a handle writes it: letters and digits only, lower case,
/// with a mark no other form has ("Westmoor Rail" → "@westmoorrail").
fn squashed(name: &str) -> String {
    let letters = name
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase);
    std::iter::once('@').chain(letters).collect()
}

fn is_organisation(name: &str) -> bool {
    is_organisation_name(&name.split(' ').collect::<Vec<_>>())
}

/// "Jess Moreland", "Zbigniew Łukasik": two or three capitalized words and
/// no word of an organisation's name look like a person's name.
fn looks_like_person(name: &str) -> bool {
    let words: Vec<&str> = name.split(' ').collect();
    let place = words.last().is_some_and(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "street"
                | "town"
                | "road"
                | "avenue"
                | "lane"
                | "square"
                | "bridge"
                | "river"
                | "valley"
                | "park"
                | "hall"
                | "house"
                | "centre"
                | "center"
                | "station"
                | "airport"
                | "island"
                | "islands"
                | "bay"
                | "beach"
                | "hill"
                | "hills"
                | "mountains"
                | "sea"
                | "lake"
                | "coast"
                | "pier"
                | "quay"
                | "harbour"
                | "harbor"
                | "port"
                | "wharf"
                | "canal"
                | "forest"
                | "castle"
                | "tower"
                | "general"
        )
    });
    (2..=3).contains(&words.len()) && !place && !is_organisation(name)
}

/// Titles that only a person holds.
/// The headers of a thread's posts: a line that is a handle alone, or a
/// handle and a time or date after a separator ("@PensionJustice · 11:06",
/// "@river_watch - 2h"). Returns where each header starts, and the handle.
fn post_headers(text: &str) -> Vec<(usize, String)> {
    let mut headers = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let start = at;
        at += line.len();
        let trimmed = line.trim();
        let Some(rest) = trimmed.strip_prefix('@') else {
            continue;
        };
        let handle: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        let after = rest[handle.len()..].trim_start();
        let header = after.is_empty()
            || (after.starts_with(['·', '•', '|', '-', '–', '—']) && trimmed.len() <= 80);
        if !handle.is_empty() && handle.len() <= 30 && header {
            headers.push((start, format!("@{handle}")));
        }
    }
    headers
}

/// A title that names one role, so "the judge" is whoever the document
/// titled so: not a modifier ("former", "deputy", "chief"), a courtesy
/// ("Mr"), a kinship word, or a spokesperson (who speaks for an organisation).
fn is_role(word: &str) -> bool {
    is_person_title(word)
        && !matches!(
            word,
            "vice"
                | "state"
                | "prime"
                | "foreign"
                | "defense"
                | "defence"
                | "deputy"
                | "chief"
                | "press"
                | "presidential"
                | "special"
                | "national"
                | "security"
                | "head"
                | "executive"
                | "senior"
                | "fellow"
                | "agency"
                | "news"
                | "harbour"
                | "harbor"
                | "master"
                | "sitting"
                | "mr"
                | "mrs"
                | "ms"
                | "dr"
                | "sir"
                | "dame"
                | "lord"
                | "lady"
                | "father"
                | "sister"
                | "brother"
                | "spokesman"
                | "spokeswoman"
                | "spokesperson"
        )
}

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
        // A cue inside the matched words that names no one is part of the
        // claim, and gives way to one outside them: in "“We never asked for
        // a recount,” Okafor said", Okafor holds it. ("Peskov said on April
        // 4, TASS reported" stays Peskov's.)
        let all = &self.attributions[sentence];
        let Some(nearest_cue) = nearest(all, matched) else {
            // In a thread, the post's author holds what the post says.
            return (self.cast.post_author(matched.start), None);
        };
        let holder = self.cast.resolve(nearest_cue);
        let inside = |a: &Attribution| matched.start <= a.cue.start && a.cue.end <= matched.end;
        if holder.is_none() && inside(nearest_cue) {
            let outside: Vec<Attribution> = all.iter().filter(|a| !inside(a)).cloned().collect();
            if let Some(a) = nearest(&outside, matched) {
                return (self.cast.resolve(a), Some(a.cue.clone()));
            }
        }
        (holder, Some(nearest_cue.cue.clone()))
    }
}
