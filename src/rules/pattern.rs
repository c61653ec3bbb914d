//! A rule pattern: a `regex`-crate expression matched case-insensitively, with a
//! word boundary at each end where the pattern's edge is a word character
//! (docs/reference.md: a boundary at each end whose character is a word character).
//!
//! The edges are read off the parsed pattern, so `(full )?ceasefire`,
//! `(no|not) plans` and `\d+ days` get boundaries while `\$\d+` and `[-–]` do not.

use std::ops::Range;

use regex_automata::meta::Regex;
use regex_automata::util::syntax;
use regex_syntax::ast::{self, Ast};

#[derive(Debug, Clone)]
pub struct Pattern {
    /// The pattern as the rule author wrote it.
    pub source: String,
    regex: Regex,
    /// What every match starts or ends with, lower case (see `prefilter`).
    pub(super) literals: Option<Vec<Vec<u8>>>,
    /// Its place in the rule set's prefilter; `NO_SLOT` until it has one.
    pub(super) slot: u32,
}

/// The slot of a pattern no prefilter knows: always searched.
pub(super) const NO_SLOT: u32 = u32::MAX;

/// Why a pattern was refused; `at` is a byte range inside the pattern.
#[derive(Debug, Clone, PartialEq)]
pub struct PatternError {
    pub kind: PatternErrorKind,
    pub message: String,
    pub at: Option<Range<usize>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PatternErrorKind {
    Syntax,
    TooBig,
    /// The rule set's total budget is spent (set by `compile::Budget`).
    OverBudget,
    MatchesEmpty,
}

impl Pattern {
    /// Compiles `source`; its program may take at most `size_limit` bytes.
    pub fn compile(source: &str, size_limit: usize) -> Result<Pattern, PatternError> {
        let ast = ast::parse::Parser::new()
            .parse(source)
            .map_err(|e| PatternError {
                kind: PatternErrorKind::Syntax,
                message: e.kind().to_string(),
                at: Some(e.span().start.offset..e.span().end.offset),
            })?;
        let hir = regex_syntax::hir::translate::Translator::new()
            .translate(source, &ast)
            .map_err(|e| PatternError {
                kind: PatternErrorKind::Syntax,
                message: e.kind().to_string(),
                at: Some(e.span().start.offset..e.span().end.offset),
            })?;
        let start = if edge(&ast, Side::Start) == Edge::Word {
            r"\b"
        } else {
            ""
        };
        let end = if edge(&ast, Side::End) == Edge::Word {
            r"\b"
        } else {
            ""
        };
        // regex-automata's meta regex is what the `regex` crate wraps; used
        // directly, it says how much memory it holds, which the rule set's
        // total budget counts (`Budget` in compile.rs).
        let regex = Regex::builder()
            .syntax(syntax::Config::new().case_insensitive(true))
            .configure(Regex::config().nfa_size_limit(Some(size_limit)))
            .build(&format!("{start}(?:{source}){end}"))
            .map_err(|e| match e.size_limit() {
                Some(limit) => PatternError {
                    kind: PatternErrorKind::TooBig,
                    message: format!("compiles to more than the limit of {limit} bytes"),
                    at: None,
                },
                None => PatternError {
                    kind: PatternErrorKind::Syntax,
                    message: e.to_string(),
                    at: None,
                },
            })?;
        if hir.properties().minimum_len() == Some(0) {
            return Err(PatternError {
                kind: PatternErrorKind::MatchesEmpty,
                message: "matches empty text, so it would match everywhere".into(),
                at: None,
            });
        }
        Ok(Pattern {
            source: source.to_string(),
            regex,
            literals: super::prefilter::required_literals(&hir),
            slot: NO_SLOT,
        })
    }

    /// Bytes the compiled pattern holds (its automata, not the per-search
    /// caches).
    pub fn memory(&self) -> usize {
        self.regex.memory_usage()
    }

    /// Byte ranges of the non-overlapping matches in `text`.
    pub fn find_iter<'t>(&'t self, text: &'t str) -> impl Iterator<Item = Range<usize>> + 't {
        self.regex.find_iter(text).map(|m| m.range())
    }

    /// For each match, its range and the range of its `group` capture.
    pub fn group_matches<'t>(
        &'t self,
        text: &'t str,
        group: &'t str,
    ) -> impl Iterator<Item = (Range<usize>, Range<usize>)> + 't {
        self.regex.captures_iter(text).filter_map(move |c| {
            let whole = c.get_match()?.range();
            Some((whole, c.get_group_by_name(group)?.range()))
        })
    }

    pub fn is_match(&self, text: &str) -> bool {
        self.regex.is_match(text)
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Side {
    Start,
    End,
}

#[derive(Clone, Copy, PartialEq, Debug)]
enum Edge {
    Word,
    Other,
}

/// Whether every way the pattern can begin (or end) is with a word character.
fn edge(ast: &Ast, side: Side) -> Edge {
    match ast {
        Ast::Literal(lit) => word_char(lit.c),
        Ast::ClassPerl(class) => match (class.kind.clone(), class.negated) {
            (ast::ClassPerlKind::Digit | ast::ClassPerlKind::Word, false) => Edge::Word,
            _ => Edge::Other,
        },
        Ast::ClassBracketed(class) => bracketed(&class.kind, class.negated),
        Ast::Repetition(rep) => edge(&rep.ast, side),
        Ast::Group(group) => edge(&group.ast, side),
        Ast::Alternation(alt) => all_word(alt.asts.iter().map(|a| edge(a, side))),
        Ast::Concat(concat) => concat_edge(&concat.asts, side),
        _ => Edge::Other,
    }
}

/// The edge of a sequence: its first (or last) element that must match,
/// combined with any optional elements before it.
fn concat_edge(items: &[Ast], side: Side) -> Edge {
    let ordered: Vec<&Ast> = match side {
        Side::Start => items.iter().collect(),
        Side::End => items.iter().rev().collect(),
    };
    let mut edges = Vec::new();
    for item in ordered {
        if matches!(item, Ast::Flags(_) | Ast::Empty(_)) {
            continue;
        }
        edges.push(edge(item, side));
        if !may_be_empty(item) {
            break;
        }
    }
    all_word(edges.into_iter())
}

fn may_be_empty(ast: &Ast) -> bool {
    match ast {
        Ast::Repetition(rep) => match &rep.op.kind {
            ast::RepetitionKind::ZeroOrOne | ast::RepetitionKind::ZeroOrMore => true,
            ast::RepetitionKind::OneOrMore => may_be_empty(&rep.ast),
            ast::RepetitionKind::Range(range) => {
                let min = match range {
                    ast::RepetitionRange::Exactly(n)
                    | ast::RepetitionRange::AtLeast(n)
                    | ast::RepetitionRange::Bounded(n, _) => *n,
                };
                min == 0 || may_be_empty(&rep.ast)
            }
        },
        Ast::Group(group) => may_be_empty(&group.ast),
        Ast::Alternation(alt) => alt.asts.iter().any(may_be_empty),
        Ast::Concat(concat) => concat.asts.iter().all(may_be_empty),
        Ast::Empty(_) | Ast::Flags(_) | Ast::Assertion(_) => true,
        _ => false,
    }
}

fn bracketed(set: &ast::ClassSet, negated: bool) -> Edge {
    if negated {
        return Edge::Other;
    }
    let item_is_word = |item: &ast::ClassSetItem| match item {
        ast::ClassSetItem::Literal(lit) => word_char(lit.c) == Edge::Word,
        ast::ClassSetItem::Range(range) => word_char(range.start.c) == Edge::Word,
        ast::ClassSetItem::Perl(perl) => {
            !perl.negated && !matches!(perl.kind, ast::ClassPerlKind::Space)
        }
        _ => false,
    };
    match set {
        ast::ClassSet::Item(ast::ClassSetItem::Union(union)) => {
            all_word(union.items.iter().map(|i| {
                if item_is_word(i) {
                    Edge::Word
                } else {
                    Edge::Other
                }
            }))
        }
        ast::ClassSet::Item(item) if item_is_word(item) => Edge::Word,
        _ => Edge::Other,
    }
}

fn all_word(mut edges: impl Iterator<Item = Edge>) -> Edge {
    let mut any = false;
    let all = edges.all(|e| {
        any = true;
        e == Edge::Word
    });
    if any && all { Edge::Word } else { Edge::Other }
}

fn word_char(c: char) -> Edge {
    if c.is_alphanumeric() || c == '_' {
        Edge::Word
    } else {
        Edge::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIMIT: usize = 10 << 20;

    fn matches(pattern: &str, text: &str) -> Vec<String> {
        let p = Pattern::compile(pattern, LIMIT).unwrap();
        p.find_iter(text).map(|r| text[r].to_string()).collect()
    }

    #[test]
    fn word_edges_get_boundaries() {
        assert!(matches("plan", "no plans").is_empty());
        assert_eq!(matches("plans?", "No Plans"), ["Plans"]);
        assert_eq!(
            matches("(full )?ceasefire", "a ceasefires, a ceasefire"),
            ["ceasefire"]
        );
        assert_eq!(
            matches("(no|not) plans", "snot plans, not plans"),
            ["not plans"]
        );
        assert_eq!(matches(r"\d+ days", "in 130 days"), ["130 days"]);
    }

    #[test]
    fn non_word_edges_do_not() {
        assert_eq!(matches(r"\$\d+", "US$60"), ["$60"]);
        assert_eq!(matches(r"[-–]day", "30-day"), ["-day"]);
        assert_eq!(matches(r"\d+[- ]day", "30-day"), ["30-day"]);
    }

    #[test]
    fn refuses_bad_and_empty_patterns() {
        let err = Pattern::compile("no (plans", LIMIT).unwrap_err();
        assert_eq!(err.at, Some(3..4));
        assert_eq!(
            Pattern::compile("(x)?", LIMIT).unwrap_err().kind,
            PatternErrorKind::MatchesEmpty
        );
        assert_eq!(
            Pattern::compile(r"\w{1000}{1000}", LIMIT).unwrap_err().kind,
            PatternErrorKind::TooBig
        );
        assert!(Pattern::compile(r"lasted (?P<value>[\w -]{2,40}?hours?)", LIMIT).is_ok());
    }
}
