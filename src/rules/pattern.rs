//! A rule pattern: a `regex`-crate expression matched case-insensitively, with a
//! word boundary at each end where the pattern's edge is a word character
//! (docs/reference.md: a boundary at each end whose character is a word character).
//!
//! The edges are read off the parsed pattern, so `(full )?ceasefire`,
//! `(no|not) plans` and `\d+ days` get boundaries while `\$\d+` and `[-–]` do not.

use std::cell::RefCell;
use std::ops::Range;
use std::sync::OnceLock;

use regex_automata::meta::Regex;
use regex_automata::nfa::thompson;
use regex_automata::util::captures::Captures;
use regex_automata::util::look::LookMatcher;
use regex_automata::util::syntax;
use regex_syntax::ast::{self, Ast};
use regex_syntax::hir::Hir;

/// A pattern is checked when its rule is read, and its regex is built the
/// first time a sentence needs it: most patterns of a large rule set are
/// searched in few sentences or none (the prefilter skips the others), and
/// building all of them up front was most of the time and memory of
/// reading the rules.
#[derive(Debug, Clone)]
pub struct Pattern {
    /// The pattern as the rule author wrote it.
    pub source: String,
    /// What the regex is built from: `source` with its word boundaries.
    expression: Box<str>,
    /// The program size the regex was checked against (`nfa_size_limit`).
    size_limit: usize,
    regex: OnceLock<Regex>,
    /// Bytes the pattern's automata hold, as counted by the budget.
    memory: usize,
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

/// The syntax every pattern's regex is built with.
fn syntax_config() -> syntax::Config {
    syntax::Config::new().case_insensitive(true)
}

/// What builds a pattern's regex. regex-automata's meta regex is what the
/// `regex` crate wraps; used directly, it says how much memory it holds.
///
/// Without its lazy DFA or one-pass DFA: concord searches short texts (a
/// sentence) with many patterns, each only where the prefilter saw its
/// literals. A lazy DFA builds its states anew for each pattern in each
/// thread's cache, and 1,000 patterns' caches held about 100 MB on a
/// 10 MB set; the bounded backtracker (the PikeVM past its reach) finds the
/// same matches in a sentence sooner, with a cache of a few kilobytes, and
/// reports the capture groups a one-pass DFA would (BENCHMARKS.md,
/// 2026-12-03 (2)).
fn builder(size_limit: Option<usize>) -> regex_automata::meta::Builder {
    let mut builder = Regex::builder();
    builder.syntax(syntax_config()).configure(
        Regex::config()
            .nfa_size_limit(size_limit)
            .hybrid(false)
            .onepass(false),
    );
    builder
}

/// Checks patterns without building their regexes: each pattern's forward
/// and reverse NFA are compiled, as the meta regex compiles them, by two
/// compilers reused from pattern to pattern (a fresh compiler first clears
/// tables of some hundred kilobytes), measured and dropped. A pattern whose
/// NFAs fit its limit builds into a regex (the meta regex fails only when
/// one of them does not); any other pattern is built at once, and what
/// the build says is the verdict.
pub struct Checker {
    forward: RefCell<thompson::Compiler>,
    reverse: RefCell<thompson::Compiler>,
}

impl std::fmt::Debug for Checker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Checker").finish_non_exhaustive()
    }
}

impl Default for Checker {
    fn default() -> Self {
        Checker {
            forward: RefCell::new(thompson::Compiler::new()),
            reverse: RefCell::new(thompson::Compiler::new()),
        }
    }
}

impl Checker {
    /// The memory of `expression`'s NFAs under `size_limit`, or `None`
    /// when the meta regex must be built to tell. `hir` is what the meta
    /// regex parses `expression` to.
    fn nfa_memory(&self, hir: &Hir, size_limit: usize) -> Option<usize> {
        // (What `meta::Config::to_thompson_config` gives, with the default
        // line terminator.)
        let config = |reverse: bool| {
            let mut look = LookMatcher::new();
            look.set_line_terminator(b'\n');
            let config = thompson::Config::new()
                .utf8(true)
                .reverse(reverse)
                .nfa_size_limit(Some(size_limit))
                .shrink(false)
                .look_matcher(look);
            if reverse {
                config.which_captures(thompson::WhichCaptures::None)
            } else {
                config.which_captures(thompson::WhichCaptures::All)
            }
        };
        let mut forward = self.forward.borrow_mut();
        let nfa = forward.configure(config(false)).build_from_hir(hir).ok()?;
        let mut reverse = self.reverse.borrow_mut();
        let nfarev = reverse.configure(config(true)).build_from_hir(hir).ok()?;
        Some(nfa.memory_usage() + nfarev.memory_usage())
    }
}

/// What the meta regex parses `\b(?:source)\b` to (the boundaries where
/// `start` and `end` say), from `source`'s syntax tree: the tree translated
/// case-insensitively, between the boundaries, as the translator joins a
/// sequence. `None` where the meta regex's own parse must be asked: a
/// source long enough to come near the nesting limit (each level of nesting
/// takes a character at least, and the wrapping adds two), or one that does
/// not translate case-insensitively.
fn wrapped_hir(source: &str, ast: &Ast, start: bool, end: bool) -> Option<Hir> {
    if source.len() > 200 {
        return None;
    }
    let mut translator = regex_syntax::hir::translate::TranslatorBuilder::new();
    translator.case_insensitive(true);
    let inner = translator.build().translate(source, ast).ok()?;
    let boundary = || Hir::look(regex_syntax::hir::Look::WordUnicode);
    let parts: Vec<Hir> = start
        .then(boundary)
        .into_iter()
        .chain((!matches!(inner.kind(), regex_syntax::hir::HirKind::Empty)).then_some(inner))
        .chain(end.then(boundary))
        .collect();
    Some(Hir::concat(parts))
}

impl Pattern {
    /// Compiles `source`; its program may take at most `size_limit` bytes.
    pub fn compile(source: &str, size_limit: usize) -> Result<Pattern, PatternError> {
        Pattern::checked(source, size_limit, &Checker::default())
    }

    /// Compiles `source` as [`Pattern::compile`] does, checked by `checker`.
    pub fn checked(
        source: &str,
        size_limit: usize,
        checker: &Checker,
    ) -> Result<Pattern, PatternError> {
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
        let (start, end) = (
            edge(&ast, Side::Start) == Edge::Word,
            edge(&ast, Side::End) == Edge::Word,
        );
        let expression = format!(
            "{}(?:{source}){}",
            if start { r"\b" } else { "" },
            if end { r"\b" } else { "" }
        );
        let regex = OnceLock::new();
        let wrapped = wrapped_hir(source, &ast, start, end)
            .or_else(|| syntax::parse_with(&expression, &syntax_config()).ok());
        let memory = match wrapped.and_then(|hir| checker.nfa_memory(&hir, size_limit)) {
            Some(memory) => memory,
            None => {
                let built = builder(Some(size_limit)).build(&expression).map_err(|e| {
                    match e.size_limit() {
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
                    }
                })?;
                let memory = built.memory_usage();
                let _ = regex.set(built);
                memory
            }
        };
        if hir.properties().minimum_len() == Some(0) {
            return Err(PatternError {
                kind: PatternErrorKind::MatchesEmpty,
                message: "matches empty text, so it would match everywhere".into(),
                at: None,
            });
        }
        Ok(Pattern {
            source: source.to_string(),
            expression: expression.into(),
            size_limit,
            regex,
            memory,
            literals: super::prefilter::required_literals(&hir),
            slot: NO_SLOT,
        })
    }

    /// The regex, built on first use.
    fn regex(&self) -> &Regex {
        self.regex.get_or_init(|| {
            // (The check said it builds within its limit; should the meta
            // regex still disagree, the same regex without the limit
            // matches the same text.)
            if let Ok(regex) = builder(Some(self.size_limit)).build(&self.expression) {
                return regex;
            }
            match builder(None).build(&self.expression) {
                Ok(regex) => regex,
                Err(e) => panic!(
                    "pattern {:?} was checked but does not build: {e}",
                    self.source
                ),
            }
        })
    }

    /// Bytes the pattern's automata hold (its NFAs, or the regex where it
    /// was built to be checked; not the per-search caches).
    pub fn memory(&self) -> usize {
        self.memory
    }

    /// Byte ranges of the non-overlapping matches in `text`.
    pub fn find_iter<'t>(&'t self, text: &'t str) -> impl Iterator<Item = Range<usize>> + 't {
        self.regex().find_iter(text).map(|m| m.range())
    }

    /// For each match, its range and the range of its `group` capture.
    pub fn group_matches<'t>(
        &'t self,
        text: &'t str,
        group: &'t str,
    ) -> impl Iterator<Item = (Range<usize>, Range<usize>)> + 't {
        self.regex()
            .captures_iter(text)
            .filter_map(move |c: Captures| {
                let whole = c.get_match()?.range();
                Some((whole, c.get_group_by_name(group)?.range()))
            })
    }

    pub fn is_match(&self, text: &str) -> bool {
        self.regex().is_match(text)
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
    fn the_checked_tree_is_the_one_the_regex_is_built_from() {
        for source in [
            "plans",
            "(no|not) plans",
            r"(?P<value>\d+) (people|persons) died",
            r"\$\d+",
            r"[-–]day",
            "(?i:Kremlin)|ſtop",
            "(full )?ceasefire",
            r"lasted (?P<value>[\w -]{2,40}?hours?)",
            "a|",
        ] {
            let ast = ast::parse::Parser::new().parse(source).unwrap();
            let (start, end) = (
                edge(&ast, Side::Start) == Edge::Word,
                edge(&ast, Side::End) == Edge::Word,
            );
            let expression = format!(
                "{}(?:{source}){}",
                if start { r"\b" } else { "" },
                if end { r"\b" } else { "" }
            );
            assert_eq!(
                wrapped_hir(source, &ast, start, end),
                syntax::parse_with(&expression, &syntax_config()).ok(),
                "{source}"
            );
        }
    }

    #[test]
    fn a_regex_is_built_when_first_searched() {
        let p = Pattern::compile("no plans", LIMIT).unwrap();
        assert!(p.regex.get().is_none());
        assert!(p.memory() > 0);
        assert!(p.is_match("There were no plans."));
        assert!(p.regex.get().is_some());
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
