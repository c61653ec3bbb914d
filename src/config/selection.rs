//! Which rules a run reports, and at what severity: `select` and `ignore`
//! (rule-id globs) and the `[severity]` table of concord.toml, with the
//! command line's `--select` and `--ignore` applied on top. Here the globs
//! are parsed and validated; `compare::select` applies them to findings.
//!
//! Decisions, documented in docs/reference.md:
//! - `--select` replaces the config's `select` (the command line narrows the
//!   run at hand); `--ignore` adds to the config's `ignore`.
//! - A rule that matches both `select` and `ignore` is ignored.
//! - `[severity]`: the most specific key that matches wins, whatever the
//!   order of the keys (TOML gives a table's keys no order, and formatters
//!   sort them): an exact id beats every glob; then the glob with more
//!   literal characters (`call-*` beats `*`); between equally specific
//!   globs, the higher severity.

use std::collections::BTreeMap;
use std::ops::Range;

use globset::{Glob, GlobMatcher};

use crate::diagnostic::{Problem, SourceFile};
use crate::finding::Severity;

/// A rule-id glob (`call-*`, `quote-?`, or a plain id), and where it was
/// written: a span into concord.toml, or the command-line flag.
#[derive(Debug, Clone)]
pub struct RuleGlob {
    pub text: String,
    pub written: Written,
    matcher: GlobMatcher,
}

/// Where a glob was written, for the diagnostics that name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Written {
    /// In concord.toml, at this span.
    Config(Range<usize>),
    /// On the command line, after this flag (`--select`).
    Flag(&'static str),
}

impl RuleGlob {
    fn new(text: &str, written: Written) -> Result<Self, String> {
        let glob = Glob::new(text).map_err(|e| e.kind().to_string())?;
        Ok(RuleGlob {
            text: text.to_string(),
            written,
            matcher: glob.compile_matcher(),
        })
    }

    pub fn matches(&self, id: &str) -> bool {
        self.matcher.is_match(id)
    }

    /// How specific the glob is, for `[severity]`: an exact id first, then
    /// the count of characters outside wildcards and `[…]`/`{…}` groups.
    fn specificity(&self) -> (bool, usize) {
        let mut depth = 0usize;
        let mut literal = 0;
        let mut exact = true;
        for c in self.text.chars() {
            match c {
                '[' | '{' => {
                    depth += 1;
                    exact = false;
                }
                ']' | '}' => depth = depth.saturating_sub(1),
                '*' | '?' => exact = false,
                _ if depth == 0 => literal += 1,
                _ => {}
            }
        }
        (exact, literal)
    }
}

/// The rules a run reports and the severities it gives them.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    /// Only rules matching one of these are reported; `None`: every rule.
    pub select: Option<Vec<RuleGlob>>,
    /// Rules matching one of these are not reported.
    pub ignore: Vec<RuleGlob>,
    /// `[severity]` entries: the severity of every finding of the rules a
    /// glob matches (agreements stay `info`).
    pub severity: Vec<(RuleGlob, Severity)>,
}

impl Selection {
    /// Whether findings of rule `id` are reported.
    pub fn reports(&self, id: &str) -> bool {
        let selected = self
            .select
            .as_ref()
            .is_none_or(|globs| globs.iter().any(|g| g.matches(id)));
        selected && !self.ignore.iter().any(|g| g.matches(id))
    }

    /// The severity `[severity]` gives rule `id`, if an entry matches it:
    /// the most specific entry's, the higher severity between equals.
    pub fn severity_of(&self, id: &str) -> Option<Severity> {
        self.severity
            .iter()
            .filter(|(glob, _)| glob.matches(id))
            .max_by_key(|(glob, severity)| (glob.specificity(), *severity))
            .map(|(_, severity)| *severity)
    }

    /// Whether nothing is selected, ignored or overridden.
    pub fn is_empty(&self) -> bool {
        self.select.is_none() && self.ignore.is_empty() && self.severity.is_empty()
    }

    /// This selection with the command line's globs applied last:
    /// `--select` replaces `select`, `--ignore` adds to `ignore`.
    pub fn with_flags(&self, select: &[String], ignore: &[String]) -> Result<Selection, Problem> {
        let flag = |globs: &[String], name: &'static str| -> Result<Vec<RuleGlob>, Problem> {
            globs
                .iter()
                .map(|text| {
                    RuleGlob::new(text, Written::Flag(name))
                        .map_err(|why| bad_glob(text, &why, name))
                })
                .collect()
        };
        let mut selection = self.clone();
        if !select.is_empty() {
            selection.select = Some(flag(select, "--select")?);
        }
        selection.ignore.extend(flag(ignore, "--ignore")?);
        Ok(selection)
    }
}

/// The TOML shapes of the keys, as `RawConfig` holds them.
pub(super) type RawGlobs = Vec<toml::Spanned<String>>;
pub(super) type RawSeverities = BTreeMap<toml::Spanned<String>, Severity>;

/// Validates the `select`, `ignore` and `[severity]` keys of `file`: a glob
/// that does not parse is an error on its span.
pub(super) fn compile(
    select: Option<RawGlobs>,
    ignore: RawGlobs,
    severity: RawSeverities,
    file: &SourceFile,
) -> Result<Selection, Problem> {
    let glob = |spanned: &toml::Spanned<String>, key: &str| {
        RuleGlob::new(spanned.get_ref(), Written::Config(spanned.span())).map_err(|why| {
            bad_glob(spanned.get_ref(), &why, key)
                .in_file(file)
                .label(spanned.span(), "not a valid glob")
        })
    };
    let globs = |list: &RawGlobs, key: &str| -> Result<Vec<RuleGlob>, Problem> {
        list.iter().map(|g| glob(g, key)).collect()
    };
    Ok(Selection {
        select: select.as_ref().map(|s| globs(s, "select")).transpose()?,
        ignore: globs(&ignore, "ignore")?,
        severity: severity
            .iter()
            .map(|(key, level)| Ok((glob(key, "[severity]")?, *level)))
            .collect::<Result<_, Problem>>()?,
    })
}

fn bad_glob(text: &str, why: &str, key: &str) -> Problem {
    Problem::error(
        "concord::config::bad_glob",
        format!("`{text}` is not a valid rule-id glob ({key}): {why}"),
    )
    .help("rule-id globs match whole ids: `call-*`, `quote-*`, `fine-?`, `{court,prison-term}`")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glob(text: &str) -> RuleGlob {
        RuleGlob::new(text, Written::Flag("--select")).unwrap()
    }

    fn levels(entries: &[(&str, Severity)]) -> Selection {
        Selection {
            severity: entries.iter().map(|(g, s)| (glob(g), *s)).collect(),
            ..Selection::default()
        }
    }

    #[test]
    fn an_exact_id_beats_every_glob_and_order_does_not_matter() {
        use Severity::*;
        let forward = levels(&[("*", Info), ("call-*", Error), ("call-planned", Warning)]);
        let backward = levels(&[("call-planned", Warning), ("call-*", Error), ("*", Info)]);
        for s in [&forward, &backward] {
            assert_eq!(s.severity_of("call-planned"), Some(Warning));
            assert_eq!(s.severity_of("call-progress"), Some(Error));
            assert_eq!(s.severity_of("fine-amount"), Some(Info));
        }
    }

    #[test]
    fn a_trailing_star_does_not_make_a_glob_as_specific_as_the_id() {
        use Severity::*;
        let s = levels(&[("court*", Error), ("court", Info)]);
        assert_eq!(s.severity_of("court"), Some(Info));
        assert_eq!(s.severity_of("courts"), Some(Error));
    }

    #[test]
    fn equally_specific_globs_give_the_higher_severity() {
        use Severity::*;
        let s = levels(&[("a-*", Info), ("*-b", Error)]);
        assert_eq!(s.severity_of("a-b"), Some(Error));
        assert_eq!(s.severity_of("a-c"), Some(Info));
        assert_eq!(s.severity_of("x-y"), None);
    }

    #[test]
    fn ignore_wins_over_select_and_the_flags_apply_last() {
        let config = Selection {
            select: Some(vec![glob("call-*")]),
            ignore: vec![glob("call-progress")],
            ..Selection::default()
        };
        assert!(config.reports("call-planned"));
        assert!(!config.reports("call-progress"));
        assert!(!config.reports("fine-amount"));
        let flags = config
            .with_flags(&["fine-*".into()], &["fine-date".into()])
            .unwrap();
        assert!(flags.reports("fine-amount"));
        assert!(!flags.reports("fine-date"));
        assert!(!flags.reports("call-planned"), "--select replaces select");
        assert!(!flags.reports("call-progress"), "--ignore adds to ignore");
    }

    #[test]
    fn a_bad_flag_glob_is_a_diagnostic() {
        let err = Selection::default()
            .with_flags(&["call-[".into()], &[])
            .unwrap_err();
        assert!(
            err.to_string()
                .contains("`call-[` is not a valid rule-id glob (--select)")
        );
    }
}
