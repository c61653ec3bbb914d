//! Aligning quotations: words normalized for comparison, a local word diff
//! (so a fragment matches inside a longer quotation), the class of each
//! difference, and clusters of renderings of one utterance.
//!
//! Candidate pairs come from an index of word trigrams, never from all pairs;
//! a trigram shared by very many quotations ("I don't think") says nothing and
//! is skipped, which keeps clustering near-linear in the number of quotations.

use std::collections::HashMap;
use std::ops::Range;

use rust_stemmers::Stemmer;
use similar::{Algorithm, DiffTag, capture_diff_slices};

pub use crate::finding::Class;
use crate::finding::DiffOp;
use crate::text::fnv1a;
use crate::text::lexicon::{FUNCTION_WORDS, NEGATIONS};
use crate::text::{Token, TokenKind, word_count};

/// One difference: words of the reference and of the rendering.
#[derive(Debug, Clone, PartialEq)]
pub struct Hunk {
    pub old: Vec<String>,
    pub new: Vec<String>,
    pub class: Class,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// Words the two share, in order.
    pub shared: usize,
    /// Shared words over the words of the shorter one.
    pub similarity: f64,
    pub class: Class,
    /// Differences inside the stretch the two have in common (what one of
    /// them cuts at either end is not a difference).
    pub hunks: Vec<Hunk>,
    /// Both sides' words, aligned: (reference word, rendering word).
    pub diff: Vec<DiffOp>,
    /// The rendering's tokens that correspond to the reference.
    pub window: Range<usize>,
}

/// Compares a rendering with a reference.
pub fn compare(reference: &[Token], rendering: &[Token]) -> Comparison {
    if let Some(fragment) = exact_fragment(reference, rendering) {
        return fragment;
    }
    aligned(reference, rendering)
}

/// One quotation's words standing unchanged, in order, inside the other's: a
/// cut, not a change.
fn exact_fragment(reference: &[Token], rendering: &[Token]) -> Option<Comparison> {
    let positions = |t: &[Token]| -> Vec<usize> {
        (0..t.len())
            .filter(|&i| t[i].kind == TokenKind::Word)
            .collect()
    };
    let (old, new) = (positions(reference), positions(rendering));
    if old.is_empty() || new.is_empty() || old.len() == new.len() {
        return None;
    }
    let norm = |t: &[Token], i: &usize| t[*i].norm().to_string();
    let old_words: Vec<String> = old.iter().map(|i| norm(reference, i)).collect();
    let new_words: Vec<String> = new.iter().map(|i| norm(rendering, i)).collect();
    let (long, short) = if old_words.len() > new_words.len() {
        (&old_words, &new_words)
    } else {
        (&new_words, &old_words)
    };
    let at = long
        .windows(short.len())
        .position(|w| w == short.as_slice())?;
    // The stretch of the rendering that renders the reference.
    let window = if new_words.len() < old_words.len() {
        0..rendering.len()
    } else {
        new[at]..new[at + short.len() - 1] + 1
    };
    Some(Comparison {
        shared: short.len(),
        similarity: 1.0,
        class: Class::Identical,
        hunks: Vec::new(),
        diff: rendering[window.clone()]
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| DiffOp::Same(t.raw().to_string()))
            .collect(),
        window,
    })
}

/// Compares by a word diff, where neither is a plain fragment of the other.
fn aligned(reference: &[Token], rendering: &[Token]) -> Comparison {
    let old: Vec<&str> = reference.iter().map(|t| t.norm()).collect();
    let new: Vec<&str> = rendering.iter().map(|t| t.norm()).collect();
    let ops = capture_diff_slices(Algorithm::Patience, &old, &new);
    let equal = |tag: DiffTag| tag == DiffTag::Equal;
    let first = ops.iter().position(|op| equal(op.tag()));
    let last = ops.iter().rposition(|op| equal(op.tag()));
    let shared: usize = ops
        .iter()
        .filter(|op| equal(op.tag()))
        .map(|op| {
            reference[op.old_range()]
                .iter()
                .filter(|t| t.kind == TokenKind::Word)
                .count()
        })
        .sum();
    let shorter = word_count(reference).min(word_count(rendering)).max(1);
    let mut hunks = Vec::new();
    let mut diff = Vec::new();
    let mut retyped = false;
    let mut window = rendering.len()..0;
    if let (Some(first), Some(last)) = (first, last) {
        for (at, op) in ops.iter().enumerate() {
            let (tag, old_range, new_range) = op.as_tag_tuple();
            // What one side has beyond the shared stretch is a cut, not a
            // change; a replacement at the edge is a change.
            let edge = at < first || at > last;
            if edge && tag != DiffTag::Replace {
                continue;
            }
            // "We're" for "We are": a contraction written out or in is
            // typography, also where it meets a word added or dropped
            // ("There is" → "yet There's" adds "yet").
            if tag == DiffTag::Replace {
                let (old_tokens, new_tokens) =
                    (&reference[old_range.clone()], &rendering[new_range.clone()]);
                if let Some(split) = contraction_split(old_tokens, new_tokens) {
                    window.start = window.start.min(new_range.start);
                    window.end = window.end.max(new_range.end);
                    retyped = true;
                    for (op, hunk) in split.ops(old_tokens, new_tokens) {
                        diff.push(op);
                        if let Some(hunk) = hunk {
                            hunks.push(hunk);
                        }
                    }
                    continue;
                }
            }
            let (old_range, new_range) = if edge {
                // The rendering may quote more than the reference (the rest is
                // a cut), but every reference word here was replaced.
                let k = old_range.len().min(new_range.len());
                if at > last {
                    (old_range, new_range.start..new_range.start + k)
                } else {
                    (old_range, new_range.end - k..new_range.end)
                }
            } else {
                (old_range, new_range)
            };
            window.start = window.start.min(new_range.start);
            window.end = window.end.max(new_range.end);
            let old_tokens = &reference[old_range];
            let new_tokens = &rendering[new_range];
            if tag == DiffTag::Equal {
                // An editor's bracket differs from what it stands for by
                // design; and the last word of a shared stretch runs into a
                // change, gap or cut, so its punctuation is not compared.
                let words =
                    |o: &Token, n: &Token| o.kind == TokenKind::Word && n.kind == TokenKind::Word;
                retyped |= old_tokens
                    .iter()
                    .zip(new_tokens)
                    .enumerate()
                    .any(|(k, (o, n))| {
                        let inside = k + 1 < old_tokens.len();
                        words(o, n) && (o.raw() != n.raw() || (inside && o.tail() != n.tail()))
                    });
                diff.extend(new_tokens.iter().map(|n| DiffOp::Same(n.raw().to_string())));
                continue;
            }
            diff.extend(
                old_tokens
                    .iter()
                    .map(|t| DiffOp::Removed(t.raw().to_string())),
            );
            diff.extend(
                new_tokens
                    .iter()
                    .map(|t| DiffOp::Added(t.raw().to_string())),
            );
            let class = hunk_class(old_tokens, new_tokens);
            if class > Class::Typography {
                hunks.push(Hunk {
                    old: old_tokens.iter().map(|t| t.raw().to_string()).collect(),
                    new: new_tokens.iter().map(|t| t.raw().to_string()).collect(),
                    class,
                });
            }
        }
    }
    let class = hunks.iter().map(|h| h.class).max().unwrap_or(if retyped {
        Class::Typography
    } else {
        Class::Identical
    });
    if window.start > window.end {
        window = 0..0;
    }
    Comparison {
        shared,
        similarity: shared as f64 / shorter as f64,
        class,
        hunks,
        diff,
        window,
    }
}

/// How a replacement splits into words that are the same up to contractions
/// and extra words on one side, at its start or end.
struct Split {
    /// Extra tokens on the side that has them: `(at start, at end)`.
    extra: (usize, usize),
    /// The extras are the rendering's (else the reference's).
    added: bool,
}

/// A split of `old` → `new` whose core is equal once contractions are
/// written out, with at most three extra tokens on one side.
fn contraction_split(old: &[Token], new: &[Token]) -> Option<Split> {
    let words = |t: &[Token]| t.iter().all(|t| t.kind == TokenKind::Word);
    if !words(old) || !words(new) || old.is_empty() || new.is_empty() {
        return None;
    }
    // "long-term" and "long term" are one word written two ways.
    let joined = |words: Vec<String>| words.concat().replace('-', "");
    if joined(expand(old)) == joined(expand(new)) {
        return Some(Split {
            extra: (0, 0),
            added: true,
        });
    }
    for (longer, shorter, added) in [(new, old, true), (old, new, false)] {
        let target = expand(shorter);
        let spare = longer.len().saturating_sub(1).min(3);
        for start in 0..=spare {
            for end in 0..=spare - start {
                if start + end >= longer.len() {
                    continue;
                }
                if expand(&longer[start..longer.len() - end]) == target {
                    if !added && start + end == 0 {
                        continue; // the same split as the first pass
                    }
                    return Some(Split {
                        extra: (start, end),
                        added,
                    });
                }
            }
        }
    }
    None
}

impl Split {
    /// The diff of the split, and a hunk for each run of extra words.
    fn ops(&self, old: &[Token], new: &[Token]) -> Vec<(DiffOp, Option<Hunk>)> {
        let (longer, shorter) = if self.added { (new, old) } else { (old, new) };
        let (start, end) = self.extra;
        let extra = |tokens: &[Token]| -> Vec<(DiffOp, Option<Hunk>)> {
            if tokens.is_empty() {
                return Vec::new();
            }
            let words: Vec<String> = tokens.iter().map(|t| t.raw().to_string()).collect();
            let (old_t, new_t): (&[Token], &[Token]) = if self.added {
                (&[], tokens)
            } else {
                (tokens, &[])
            };
            let class = hunk_class(old_t, new_t);
            let hunk = (class > Class::Typography).then(|| Hunk {
                old: if self.added {
                    Vec::new()
                } else {
                    words.clone()
                },
                new: if self.added {
                    words.clone()
                } else {
                    Vec::new()
                },
                class,
            });
            let mut ops: Vec<(DiffOp, Option<Hunk>)> = words
                .into_iter()
                .map(|w| {
                    let op = if self.added {
                        DiffOp::Added(w)
                    } else {
                        DiffOp::Removed(w)
                    };
                    (op, None)
                })
                .collect();
            if let Some(first) = ops.first_mut() {
                first.1 = hunk;
            }
            ops
        };
        let mut out = extra(&longer[..start]);
        // The rendering's words stand for the shared core.
        let core = if self.added {
            &new[start..new.len() - end]
        } else {
            shorter
        };
        out.extend(
            core.iter()
                .map(|t| (DiffOp::Same(t.raw().to_string()), None)),
        );
        out.extend(extra(&longer[longer.len() - end..]));
        out
    }
}

/// Contractions written out, so "there's" and "there is" compare equal.
fn expand(tokens: &[Token]) -> Vec<String> {
    let mut out = Vec::new();
    for token in tokens.iter().filter(|t| t.kind == TokenKind::Word) {
        let word = token.norm();
        let irregular = match word {
            "won't" => Some(["will", "not"]),
            "can't" => Some(["can", "not"]),
            "shan't" => Some(["shall", "not"]),
            "let's" => Some(["let", "us"]),
            _ => None,
        };
        if let Some(parts) = irregular {
            out.extend(parts.iter().map(|p| p.to_string()));
            continue;
        }
        let suffixes = [
            ("n't", "not"),
            ("'ll", "will"),
            ("'re", "are"),
            ("'ve", "have"),
            ("'m", "am"),
            ("'d", "would"),
        ];
        if let Some((stem, full)) = suffixes
            .iter()
            .find_map(|(s, f)| word.strip_suffix(s).map(|stem| (stem, *f)))
        {
            out.push(stem.to_string());
            out.push(full.to_string());
        } else if let Some(stem) = word.strip_suffix("'s").filter(|s| {
            matches!(
                *s,
                "it" | "there" | "that" | "what" | "he" | "she" | "here" | "who" | "where"
            )
        }) {
            out.push(stem.to_string());
            out.push("is".to_string());
        } else {
            out.push(word.to_string());
        }
    }
    out
}

fn hunk_class(old: &[Token], new: &[Token]) -> Class {
    let words = |t: &[Token]| t.iter().any(|t| t.kind == TokenKind::Word);
    let gap = |t: &[Token]| t.iter().any(|t| t.kind != TokenKind::Word);
    if !words(old) && !words(new) {
        return Class::Identical;
    }
    // An ellipsis or an editor's insertion stands for what the other side says.
    if gap(old) || gap(new) {
        return Class::Identical;
    }
    let (old, new) = (expand(old), expand(new));
    if old == new {
        return Class::Typography; // a contraction written out
    }
    let changed: Vec<&String> = old
        .iter()
        .filter(|w| !new.contains(w))
        .chain(new.iter().filter(|w| !old.contains(w)))
        .collect();
    let negation = changed.iter().any(|w| NEGATIONS.contains(&w.as_str()));
    let number = changed
        .iter()
        .any(|w| w.chars().any(|c| c.is_ascii_digit()));
    if negation || number {
        return Class::Substantive;
    }
    if changed.iter().all(|w| FUNCTION_WORDS.contains(&w.as_str())) {
        Class::Minor
    } else {
        Class::Substantive
    }
}

/// Do two quotations render one utterance? Their shared words must make up
/// `min_similarity` of the shorter, and more than an opening: "We are working
/// closely with the police to understand what happened" and "… with the
/// families to make sure they have support" share only how they begin.
pub fn same_utterance(a: &[Token], b: &[Token], min_similarity: f64) -> bool {
    same_utterance_of(a, b, min_similarity, (None, None))
}

/// Two different people named as speakers say the same words only when the
/// words are nearly the same: below this share, their remarks are two.
const OTHER_SPEAKER_SIMILARITY: f64 = 0.8;

/// [`same_utterance`], knowing who each source says spoke.
pub fn same_utterance_of(
    a: &[Token],
    b: &[Token],
    min_similarity: f64,
    speakers: (Option<&str>, Option<&str>),
) -> bool {
    let mut stems = Stems::default();
    let (sa, sb) = (stems.of(a), stems.of(b));
    let stemmed = Stemmed {
        a: &sa,
        b: &sb,
        stems: &stems,
    };
    utterance(a, b, min_similarity, speakers, stemmed) != Rendering::Other
}

/// How two renderings stand to each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rendering {
    /// Enough of the same words, beyond how they begin.
    Same,
    /// One speaker's remark in other words ([`paraphrase`]).
    Reworded,
    /// Two utterances.
    Other,
}

/// [`same_utterance_of`], telling a paraphrase from the same words.
fn utterance(
    a: &[Token],
    b: &[Token],
    min_similarity: f64,
    speakers: (Option<&str>, Option<&str>),
    stems: Stemmed,
) -> Rendering {
    let needed = match speakers {
        (Some(x), Some(y)) if x != y => min_similarity.max(OTHER_SPEAKER_SIMILARITY),
        _ => min_similarity,
    };
    if compare(a, b).similarity >= needed {
        match same_words_beyond_an_opening(a, b) {
            true => Rendering::Same,
            false => Rendering::Other,
        }
    } else if one_speakers_paraphrase(a, b, speakers, stems) {
        Rendering::Reworded
    } else {
        Rendering::Other
    }
}

/// Both renderings name one speaker, and reword one remark ([`paraphrase`]).
fn one_speakers_paraphrase(
    a: &[Token],
    b: &[Token],
    speakers: (Option<&str>, Option<&str>),
    stems: Stemmed,
) -> bool {
    matches!(speakers, (Some(x), Some(y)) if x == y) && paraphrase(a, b, stems)
}

/// Words shared beyond how the two begin (see [`same_utterance`]).
fn same_words_beyond_an_opening(a: &[Token], b: &[Token]) -> bool {
    let words = |t: &[Token]| -> Vec<String> {
        t.iter()
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| t.norm().to_string())
            .collect()
    };
    let (a, b) = (words(a), words(b));
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let content = |w: &[String]| -> Vec<String> {
        w.iter()
            .filter(|w| !FUNCTION_WORDS.contains(&w.as_str()))
            .cloned()
            .collect()
    };
    let (rest_a, rest_b) = (content(&a[prefix..]), content(&b[prefix..]));
    let opening_only =
        rest_a.len() >= 2 && rest_b.len() >= 2 && !rest_a.iter().any(|w| rest_b.contains(w));
    !opening_only
}

/// A paraphrase keeps at least this many of the content words…
const PARAPHRASE_SHARED: usize = 2;
/// …of a quotation with at least this many: "Our nurses deserve better" and
/// "Better pay for nurses is coming" share two of three, and are two remarks
/// on one subject, not one remark reworded.
const PARAPHRASE_CONTENT: usize = 4;

/// One speaker's two renderings in other words: "It is hard to reach the
/// villages because the roads are full of debris" and "It is difficult to
/// get to the villages because of all the debris on the roads" keep half of
/// the shorter's content words (stemmed: "roads" is "road"), and at least
/// [`PARAPHRASE_SHARED`] of them. Only asked of renderings given one speaker;
/// the alignment then shows what changed.
fn paraphrase(a: &[Token], b: &[Token], stemmed: Stemmed) -> bool {
    let (x, y) = (stemmed.a, stemmed.b);
    let shorter = x.len().min(y.len());
    let shared = x.iter().filter(|w| y.binary_search(w).is_ok()).count();
    if shorter < PARAPHRASE_CONTENT || shared < PARAPHRASE_SHARED || shared * 2 < shorter {
        return false;
    }
    // Rewording keeps words here and there; two remarks that share one
    // phrase ("… bridge is closed to lorries …" / "… bridge is closed to
    // all traffic …") keep nothing outside it.
    let Some((at_a, at_b, len)) = longest_common_run(a, b) else {
        return false;
    };
    if len < 3 {
        return true;
    }
    let outside = |t: &[Token], at: usize| stemmed.stems.outside(&word_norms(t), at, len);
    let (x, y) = (outside(a, at_a), outside(b, at_b));
    x.iter().any(|w| y.binary_search(w).is_ok())
}

/// The longest run of words (normalized) two quotations share, as (start in
/// `a`'s words, start in `b`'s words, length); `None` for a quotation too
/// long to compare word by word with another (over 400 words).
fn longest_common_run(a: &[Token], b: &[Token]) -> Option<(usize, usize, usize)> {
    let (a, b) = (word_norms(a), word_norms(b));
    if a.len() > 400 || b.len() > 400 {
        return None;
    }
    // Lengths of the common run ending at each (i, j), a row at a time.
    let mut best = (0, 0, 0);
    let mut previous = vec![0usize; b.len() + 1];
    for i in 1..=a.len() {
        let mut row = vec![0usize; b.len() + 1];
        for j in 1..=b.len() {
            if a[i - 1] == b[j - 1] {
                row[j] = previous[j - 1] + 1;
                if row[j] > best.2 {
                    best = (i - row[j], j - row[j], row[j]);
                }
            }
        }
        previous = row;
    }
    Some(best)
}

/// A quotation's words, normalized.
fn word_norms(tokens: &[Token]) -> Vec<&str> {
    tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| t.norm())
        .collect()
}

/// What [`paraphrase`] reads of two renderings: each one's content stems
/// ([`Stems::of`]), and the stems of their words.
#[derive(Clone, Copy)]
struct Stemmed<'s, 'w> {
    a: &'s [u64],
    b: &'s [u64],
    stems: &'s Stems<'w>,
}

/// A function word's or a negation's stem (no word's stem hashes to it:
/// see [`Stems::word`]).
const NOT_CONTENT: u64 = 0;

/// Stems words, each distinct word once: a set of reports repeats its words,
/// and the stemmer is the dearest step of clustering.
struct Stems<'w> {
    stemmer: Stemmer,
    known: HashMap<&'w str, u64>,
}

impl Default for Stems<'_> {
    fn default() -> Self {
        Stems {
            stemmer: Stemmer::create(rust_stemmers::Algorithm::English),
            known: HashMap::new(),
        }
    }
}

impl<'w> Stems<'w> {
    /// A quotation's content stems (hashed), each once, sorted.
    fn of(&mut self, tokens: &'w [Token]) -> Vec<u64> {
        let mut content: Vec<u64> = tokens
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| self.word(t.norm()))
            .filter(|&stem| stem != NOT_CONTENT)
            .collect();
        content.sort_unstable();
        content.dedup();
        content
    }

    /// The content stems of `words` outside `len` words from word `at`,
    /// each once, sorted; the words are ones [`Stems::of`] has seen.
    fn outside(&self, words: &[&str], at: usize, len: usize) -> Vec<u64> {
        let around = words[..at].iter().chain(&words[at + len..]);
        let mut stems: Vec<u64> = around
            .filter_map(|w| self.known.get(w).copied())
            .filter(|&stem| stem != NOT_CONTENT)
            .collect();
        stems.sort_unstable();
        stems.dedup();
        stems
    }

    /// A content word's stem, hashed; [`NOT_CONTENT`] for a function word
    /// or a negation.
    fn word(&mut self, word: &'w str) -> u64 {
        let stemmer = &self.stemmer;
        *self.known.entry(word).or_insert_with(|| {
            if FUNCTION_WORDS.contains(word) || NEGATIONS.contains(&word) {
                NOT_CONTENT
            } else {
                word_hash(&stemmer.stem(word)).max(1)
            }
        })
    }
}

/// How many renderings paraphrase may bring to one utterance: a story has
/// few outlets, and a speaker's many remarks on one subject are not one.
const MAX_REWORDED: usize = 8;

/// A trigram shared by more quotations than this is too common to say they
/// are the same utterance, and is not used to find candidates.
const MAX_POSTINGS: usize = 64;

/// Groups quotations (given as tokens) that render one utterance: pairs with
/// at least `min_words` words each whose shared words make up at least
/// `min_similarity` of the shorter. Returns groups of two or more, each in
/// ascending order; groups ordered by their first member.
pub fn cluster<Q: AsRef<[Token]>>(
    quotations: &[Q],
    min_words: usize,
    min_similarity: f64,
) -> Vec<Vec<usize>> {
    cluster_spoken(quotations, &[], min_words, min_similarity)
}

/// [`cluster`], with each quotation's speaker where known (`speakers` may be
/// shorter than `quotations`: the rest are unknown). The quotations are
/// borrowed in any form (`Vec<Token>`, `&[Token]`), so a caller need not
/// copy the tokens it holds.
pub fn cluster_spoken<Q: AsRef<[Token]>>(
    quotations: &[Q],
    speakers: &[Option<&str>],
    min_words: usize,
    min_similarity: f64,
) -> Vec<Vec<usize>> {
    // Each quotation's word trigrams, as (key, quotation) postings.
    let mut grams: Vec<(u64, u32)> = Vec::new();
    // One speaker's paraphrase shares few trigrams with the words it
    // rewords, but it keeps content words: (speaker, stem) keys make the
    // same speaker's renderings that keep two of them candidates for a
    // paraphrase (and only for that).
    let mut stems: Vec<(u64, u32)> = Vec::new();
    // The stemmed words of quotations given a speaker (only they can be
    // paraphrases), worked out once each.
    let mut stemmer = Stems::default();
    let mut content_stems: Vec<Vec<u64>> = vec![Vec::new(); quotations.len()];
    for (id, tokens) in quotations.iter().enumerate() {
        let tokens = tokens.as_ref();
        if word_count(tokens) < min_words {
            continue;
        }
        let words: Vec<u64> = tokens
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| word_hash(t.norm()))
            .collect();
        let start = grams.len();
        grams.extend(
            words
                .windows(3)
                .map(|w| (trigram_key(w[0], w[1], w[2]), id as u32)),
        );
        keep_distinct(&mut grams, start);
        if let Some(speaker) = speakers.get(id).copied().flatten() {
            let who = word_hash(speaker);
            let content = stemmer.of(tokens);
            stems.extend(
                content
                    .iter()
                    .map(|&stem| (speaker_key(who, stem), id as u32)),
            );
            content_stems[id] = content;
        }
    }
    // A pair sharing one trigram by chance is common among common words; two
    // shared trigrams make a candidate, except between short quotations where
    // one changed word can leave only one intact.
    let short = |id: u32| word_count(quotations[id as usize].as_ref()) <= 8;
    let candidates = sharing(grams, |run| {
        run.len() >= 2 || short(run[0].0) || short(run[0].1)
    });
    let rewordings = sharing(stems, |run| run.len() >= PARAPHRASE_SHARED);
    let mut parent: Vec<usize> = (0..quotations.len()).collect();
    let speaker = |i: usize| speakers.get(i).copied().flatten();
    let stemmed = |a: usize, b: usize| Stemmed {
        a: &content_stems[a],
        b: &content_stems[b],
        stems: &stemmer,
    };
    let mut reworded = Vec::new();
    for (a, b) in candidates {
        let (a, b) = (a as usize, b as usize);
        if find(&mut parent, a) == find(&mut parent, b) {
            continue;
        }
        let (qa, qb) = (quotations[a].as_ref(), quotations[b].as_ref());
        match utterance(
            qa,
            qb,
            min_similarity,
            (speaker(a), speaker(b)),
            stemmed(a, b),
        ) {
            Rendering::Same => {
                let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
                parent[ra.max(rb)] = ra.min(rb);
            }
            Rendering::Reworded => reworded.push((a, b)),
            Rendering::Other => {}
        }
    }
    for (a, b) in rewordings {
        let (a, b) = (a as usize, b as usize);
        let (qa, qb) = (quotations[a].as_ref(), quotations[b].as_ref());
        if find(&mut parent, a) != find(&mut parent, b)
            && one_speakers_paraphrase(qa, qb, (speaker(a), speaker(b)), stemmed(a, b))
        {
            reworded.push((a, b));
        }
    }
    reworded.sort_unstable();
    reworded.dedup();
    // A paraphrase brings a rendering that nothing else joined to one that
    // was not itself brought in by a paraphrase, and to an utterance that has
    // taken fewer than MAX_REWORDED so: rewordings do not chain ("A" ~ "B" ~
    // "C" across one speaker's remarks on one subject would make one
    // utterance of many, and compare each with each).
    let mut size = vec![0u32; quotations.len()];
    for id in 0..quotations.len() {
        size[find(&mut parent, id)] += 1;
    }
    let mut alone: Vec<bool> = (0..quotations.len())
        .map(|id| size[find(&mut parent, id)] == 1)
        .collect();
    let mut brought = vec![false; quotations.len()];
    let mut gained = vec![0usize; quotations.len()];
    for (a, b) in reworded {
        let (anchor, joiner) = if alone[b] && !brought[a] {
            (a, b)
        } else if alone[a] && !brought[b] {
            (b, a)
        } else {
            continue;
        };
        let root = find(&mut parent, anchor);
        if gained[root] >= MAX_REWORDED {
            continue;
        }
        let (low, high) = (root.min(joiner), root.max(joiner));
        parent[high] = low;
        gained[low] = gained[root] + 1;
        (alone[anchor], alone[joiner], brought[joiner]) = (false, false, true);
    }
    let roots: Vec<usize> = (0..quotations.len())
        .map(|id| find(&mut parent, id))
        .collect();
    let mut sizes = vec![0u32; quotations.len()];
    for &root in &roots {
        sizes[root] += 1;
    }
    let mut members: Vec<(usize, usize)> = roots
        .iter()
        .enumerate()
        .filter(|&(_, &root)| sizes[root] > 1)
        .map(|(id, &root)| (root, id))
        .collect();
    members.sort_unstable();
    let mut groups: Vec<Vec<usize>> = members
        .chunk_by(|a, b| a.0 == b.0)
        .filter(|run| run.len() > 1)
        .map(|run| run.iter().map(|&(_, id)| id).collect())
        .collect();
    groups.sort();
    groups
}

/// Sorts one quotation's keys, from `start` on, and keeps each once.
fn keep_distinct(keys: &mut Vec<(u64, u32)>, start: usize) {
    keys[start..].sort_unstable();
    let mut kept = start;
    for k in start..keys.len() {
        if k == start || keys[k].0 != keys[kept - 1].0 {
            keys[kept] = keys[k];
            kept += 1;
        }
    }
    keys.truncate(kept);
}

/// Pairs of quotations that share keys ((key, quotation) postings, each key
/// once per quotation), in order, each once, where `enough` accepts the run
/// of its shared keys. Every (key, quotation) pair, sorted by key: the
/// quotations that share a key then stand next to each other. Sorting a
/// flat vector by radix is linear and reads memory in order, where a hash
/// index would miss the cache once per key as soon as it outgrows it. A key
/// held by more than [`MAX_POSTINGS`] quotations says nothing and is skipped.
fn sharing(mut keys: Vec<(u64, u32)>, enough: impl Fn(&[(u32, u32)]) -> bool) -> Vec<(u32, u32)> {
    radix_sort_by_key(&mut keys);
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    for run in keys.chunk_by(|a, b| a.0 == b.0) {
        if run.len() < 2 || run.len() > MAX_POSTINGS {
            continue;
        }
        for (k, a) in run.iter().enumerate() {
            pairs.extend(run[k + 1..].iter().map(|b| (a.1.min(b.1), a.1.max(b.1))));
        }
    }
    pairs.sort_unstable();
    pairs
        .chunk_by(|x, y| x == y)
        .filter(|run| enough(run))
        .map(|run| run[0])
        .collect()
}

/// FNV-1a of a word: stable, fast, and 64 bits make collisions negligible
/// (one only adds a candidate that the alignment then rejects).
fn word_hash(word: &str) -> u64 {
    fnv1a(word)
}

fn trigram_key(a: u64, b: u64, c: u64) -> u64 {
    (a.rotate_left(42) ^ b.rotate_left(21) ^ c).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

fn speaker_key(speaker: u64, stem: u64) -> u64 {
    (speaker.rotate_left(17) ^ stem).wrapping_mul(0xc2b2_ae3d_27d4_eb4f)
}

/// Least-significant-digit radix sort on the key, a byte at a time; a pass in
/// which every key has the same byte is skipped.
fn radix_sort_by_key(items: &mut Vec<(u64, u32)>) {
    let mut buffer = vec![(0, 0); items.len()];
    for shift in (0..64).step_by(8) {
        let mut counts = [0usize; 256];
        for item in items.iter() {
            counts[((item.0 >> shift) & 0xff) as usize] += 1;
        }
        if counts.contains(&items.len()) {
            continue;
        }
        let mut offsets = [0usize; 256];
        for digit in 1..256 {
            offsets[digit] = offsets[digit - 1] + counts[digit - 1];
        }
        for item in items.iter() {
            let digit = ((item.0 >> shift) & 0xff) as usize;
            buffer[offsets[digit]] = *item;
            offsets[digit] += 1;
        }
        std::mem::swap(items, &mut buffer);
    }
}

fn find(parent: &mut [usize], mut id: usize) -> usize {
    while parent[id] != id {
        parent[id] = parent[parent[id]];
        id = parent[id];
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn tokenized(quotes: &[&str]) -> Vec<Vec<Token>> {
        quotes.iter().map(|q| tokenize(q)).collect()
    }

    fn class(a: &str, b: &str) -> Class {
        compare(&tokenize(a), &tokenize(b)).class
    }

    #[test]
    fn classes() {
        assert_eq!(class("We will meet.", "We will meet."), Class::Identical);
        assert_eq!(
            class("We’ll meet soon", "We'll meet soon"),
            Class::Typography
        );
        assert_eq!(
            class("there is nothing", "there's nothing"),
            Class::Typography
        );
        assert_eq!(
            class("there is nothing", "yet there's nothing"),
            Class::Minor
        );
        assert_eq!(class("no plans for now", "no plans yet"), Class::Minor);
        assert_eq!(
            class("I think Putin would like", "I feel Putin would like"),
            Class::Substantive
        );
        assert_eq!(
            class("we will end the war", "we will not end the war"),
            Class::Substantive
        );
        assert_eq!(
            class("a 30-day truce now", "a 60-day truce now"),
            Class::Substantive
        );
    }

    #[test]
    fn a_replacement_at_the_end_keeps_every_reference_word() {
        // Regression: the diff once showed "[-for-] {+yet+}", losing "now".
        let c = compare(
            &tokenize("nothing in the schedule for now"),
            &tokenize("nothing in the schedule yet"),
        );
        let same = |w: &str| DiffOp::Same(w.into());
        assert_eq!(
            c.diff,
            [
                same("nothing"),
                same("in"),
                same("the"),
                same("schedule"),
                DiffOp::Removed("for".into()),
                DiffOp::Removed("now".into()),
                DiffOp::Added("yet".into()),
            ]
        );
        // ... while a rendering that goes on past the reference is cut there.
        let c = compare(
            &tokenize("STOP this ridiculous War!"),
            &tokenize("STOP this ridiculous Conflict! IT'S GOING ON"),
        );
        assert_eq!(
            c.diff[3..],
            [
                DiffOp::Removed("War".into()),
                DiffOp::Added("Conflict".into())
            ]
        );
        assert_eq!(c.diff.len(), 5);
    }

    #[test]
    fn fragments_ellipses_and_insertions_match() {
        let long =
            "It would be better for us to meet, based on the realities of today, to talk calmly";
        assert_eq!(
            class(long, "based on the realities of today"),
            Class::Identical
        );
        assert_eq!(
            class(long, "It would be better for us to meet … to talk calmly"),
            Class::Identical
        );
        assert_eq!(
            class(
                "I didn't make any progress with him today",
                "I didn't make any progress with [Putin] today"
            ),
            Class::Identical
        );
    }

    #[test]
    fn clusters_renderings_not_strangers() {
        let quotes = tokenized(&[
            "No, there are no plans for the next few days. There is nothing in the schedule for now",
            "We are on schedule and will open the bridge in September as planned",
            "No, there are no plans for the next few days yet. There's nothing on the schedule yet",
        ]);
        assert_eq!(cluster(&quotes, 6, 0.6), vec![vec![0, 2]]);
    }

    #[test]
    fn one_speakers_paraphrase_is_one_utterance_and_anothers_is_not() {
        let said =
            tokenize("We waited at the gate for five hours and nobody from the airline came.");
        let reworded = tokenize(
            "For five hours we sat by the gate, and not one person from the airline showed up.",
        );
        let same = (Some("Ida Marsh"), Some("Ida Marsh"));
        assert!(same_utterance_of(&said, &reworded, 0.6, same));
        assert!(!same_utterance_of(&said, &reworded, 0.6, (None, None)));
        let other = (Some("Ida Marsh"), Some("Tom Reyes"));
        assert!(!same_utterance_of(&said, &reworded, 0.6, other));
        // One subject, two remarks: too few content words to call it one.
        let short = tokenize("Our nurses deserve better.");
        let longer = tokenize("Better pay for nurses is coming, the board promised us in May.");
        assert!(!same_utterance_of(&short, &longer, 0.6, same));
        // Two remarks that share one phrase and nothing else are two.
        let first = tokenize("Rebuild the old stone bridge first, then the school and the clinic.");
        let second = tokenize("Locals begged us to rebuild the old stone bridge, not a new road.");
        assert!(!same_utterance_of(&first, &second, 0.6, same));
        // What they changed is a substantive change, not a cut.
        assert_eq!(compare(&said, &reworded).class, Class::Substantive);
    }

    #[test]
    fn clusters_one_speakers_paraphrase_though_it_shares_no_trigram() {
        let quotes = tokenized(&[
            "The roads into the valley are blocked and the bridge is gone.",
            "Every road to the valley is cut off, and we have lost the bridge.",
            "Every road to the valley is cut off, and we have lost the bridge.",
        ]);
        let speakers = [Some("Ana Ruiz"), Some("Ana Ruiz"), Some("Lev Okoro")];
        assert_eq!(
            cluster_spoken(&quotes, &speakers, 6, 0.6),
            vec![vec![0, 1, 2]],
            "the third joins as the second's exact words, whoever said them"
        );
        assert_eq!(
            cluster_spoken(&quotes[..2], &speakers[..2], 6, 0.6),
            vec![vec![0, 1]]
        );
        // Rewordings do not chain: the first and the third say different things.
        let chain = tokenized(&[
            "The roads into the valley are blocked and the bridge is gone.",
            "Every road to the valley is cut off, and we have lost the bridge.",
            "Every road is cut off and the phone lines are down across the valley.",
        ]);
        let one = [Some("Ana Ruiz"); 3];
        assert_eq!(cluster_spoken(&chain, &one, 6, 0.6), vec![vec![0, 1]]);
        let strangers = [Some("Ana Ruiz"), Some("Lev Okoro")];
        assert!(cluster_spoken(&quotes[..2], &strangers, 6, 0.6).is_empty());
    }
}
