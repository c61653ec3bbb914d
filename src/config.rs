//! `concord.toml`: found in the current directory or its parents (or named with
//! `--config`); paths in it are relative to the folder that holds it. Command
//! line options are applied on top by the commands.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::diagnostic::{Problem, SourceFile};
use crate::finding::Severity;
use crate::input::toml as toml_input;
use crate::text::visible::{escape, hidden};
pub use crate::value::DateOrder;

mod selection;
pub use selection::{RuleGlob, Selection, Written};

pub const CONFIG_FILE: &str = "concord.toml";

/// The lowest severity that makes `check` exit 1, or never.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

impl FailOn {
    pub fn fails(self, severity: Severity) -> bool {
        match self {
            FailOn::Error => severity >= Severity::Error,
            FailOn::Warning => severity >= Severity::Warning,
            FailOn::Info => true,
            FailOn::Never => false,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct QuotesConfig {
    pub min_words: usize,
    pub min_similarity: f64,
}

impl Default for QuotesConfig {
    fn default() -> Self {
        QuotesConfig {
            min_words: 6,
            min_similarity: 0.6,
        }
    }
}

/// Ceilings on input, so that no document or rule set can exhaust the machine.
/// Each is configurable in `[limits]`; exceeding one is an input error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Limits {
    /// Largest document, rule or manifest file read, in bytes.
    pub max_file_bytes: u64,
    /// Largest compiled program one pattern may grow to, in bytes.
    pub max_pattern_bytes: usize,
    /// Largest memory all compiled patterns together may hold, in bytes.
    pub max_total_pattern_bytes: usize,
    /// Most rules (claims and facts) in one run.
    pub max_rules: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 16 << 20,
            max_pattern_bytes: 10 << 20,
            max_total_pattern_bytes: 512 << 20,
            max_rules: 10_000,
        }
    }
}

/// A reviewed finding, silenced with its reason kept.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Accept {
    pub fingerprint: Option<String>,
    pub rule: Option<String>,
    /// With `rule`: only findings whose evidence all comes from these sources
    /// (document paths as reported, or outlets).
    #[serde(default)]
    pub sources: Vec<String>,
    pub reason: String,
    #[serde(skip)]
    pub span: std::ops::Range<usize>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    sources: Option<Vec<String>>,
    rules: Option<Vec<String>>,
    #[serde(default)]
    exclude: Vec<toml::Spanned<String>>,
    fail_on: Option<FailOn>,
    date_order: Option<DateOrder>,
    #[serde(default)]
    quotes: QuotesConfig,
    #[serde(default)]
    accept: Vec<toml::Spanned<Accept>>,
    baseline: Option<String>,
    #[serde(default)]
    links: RawLinks,
    #[serde(default)]
    limits: Limits,
    select: Option<selection::RawGlobs>,
    #[serde(default)]
    ignore: selection::RawGlobs,
    #[serde(default)]
    severity: selection::RawSeverities,
}

#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLinks {
    tool: Option<toml::Spanned<String>>,
    rule: Option<toml::Spanned<String>>,
}

/// Where people read more, for reports that link out (SARIF): concord's own
/// documentation, and a rule's (`{id}`, `{file}` and `{line}` filled in).
#[derive(Debug, Clone, Default)]
pub struct Links {
    pub tool: Option<String>,
    pub rule: Option<String>,
}

impl Links {
    /// The rule's documentation address, from the `rule` template.
    pub fn rule(&self, id: &str, file: &str, line: usize) -> Option<String> {
        let template = self.rule.as_deref()?;
        Some(
            template
                .replace("{id}", id)
                .replace("{file}", file)
                .replace("{line}", &line.to_string()),
        )
    }
}

#[derive(Debug, Clone)]
pub struct Config {
    /// The config file, when there is one (accept warnings point into it).
    pub file: Option<SourceFile>,
    /// The folder that holds the config file, when there is one: paths in
    /// it, and documents' ids in fingerprints, are relative to it.
    pub root: Option<PathBuf>,
    pub sources: Vec<PathBuf>,
    pub rules: Vec<PathBuf>,
    /// Whether `rules` was written in the config (a default `rules/` that
    /// does not exist means no rules; a named one must exist).
    pub rules_named: bool,
    /// Globs of documents to leave out, relative to each document folder.
    pub exclude: Vec<String>,
    pub fail_on: FailOn,
    pub date_order: DateOrder,
    pub quotes: QuotesConfig,
    pub accept: Vec<Accept>,
    /// The baseline `check` reads and `baseline` writes by default.
    pub baseline: Option<PathBuf>,
    pub links: Links,
    pub limits: Limits,
    /// `select`, `ignore` and `[severity]`: which rules are reported, at
    /// what severity.
    pub selection: Selection,
}

impl Config {
    /// The defaults, relative to `base`: documents in `base`, rules in `base/rules`.
    fn defaults(base: &Path) -> Config {
        Config {
            file: None,
            root: None,
            sources: vec![base.to_path_buf()],
            rules: vec![base.join("rules")],
            rules_named: false,
            exclude: Vec::new(),
            fail_on: FailOn::Warning,
            date_order: DateOrder::default(),
            quotes: QuotesConfig::default(),
            accept: Vec::new(),
            baseline: None,
            links: Links::default(),
            limits: Limits::default(),
            selection: Selection::default(),
        }
    }
}

/// Loads `explicit`, or the nearest `concord.toml` from `cwd` upwards, or the
/// defaults when there is none.
pub fn load(
    explicit: Option<&Path>,
    cwd: &Path,
    shown: &dyn Fn(&Path) -> String,
) -> Result<Config, Problem> {
    let path = match explicit {
        Some(path) => {
            let path = cwd.join(path);
            if crate::input::exists(&path) {
                if let Some(problem) = crate::input::not_a_file(&path, &shown(&path)) {
                    return Err(problem);
                }
            } else {
                return Err(Problem::error(
                    "concord::config::missing",
                    format!("config file `{}` does not exist", shown(&path)),
                )
                .help("pass an existing file to --config, or leave it out to use concord.toml"));
            }
            path
        }
        None => match discover(cwd) {
            Some(path) => path,
            None => return Ok(Config::defaults(cwd)),
        },
    };
    let base = path.parent().unwrap_or(cwd).to_path_buf();
    let file = crate::input::read_text(&path, &shown(&path), Limits::default().max_file_bytes)?;
    let raw: RawConfig = toml_input::parse(&file, 0, &file.text)?;
    let mut config = Config::defaults(&base);
    if let Some(sources) = raw.sources {
        config.sources = sources.iter().map(|s| base.join(s)).collect();
    }
    if let Some(rules) = raw.rules {
        config.rules = rules.iter().map(|s| base.join(s)).collect();
        config.rules_named = true;
    }
    for glob in &raw.exclude {
        if let Some(why) = crate::input::bad_glob(glob.get_ref()) {
            return Err(glob_problem(glob.get_ref(), &why)
                .in_file(&file)
                .label(glob.span(), "not a valid glob"));
        }
    }
    config.exclude = raw
        .exclude
        .into_iter()
        .map(toml::Spanned::into_inner)
        .collect();
    config.fail_on = raw.fail_on.unwrap_or(config.fail_on);
    config.date_order = raw.date_order.unwrap_or_default();
    config.quotes = raw.quotes;
    config.limits = raw.limits;
    config.baseline = raw.baseline.map(|b| base.join(b));
    for link in [&raw.links.tool, &raw.links.rule].into_iter().flatten() {
        if !is_web_address(link.get_ref()) {
            return Err(Problem::error(
                "concord::config::bad_link",
                format!("`{}` is not an http(s) address", link.get_ref()),
            )
            .in_file(&file)
            .label(link.span(), "needs an absolute http:// or https:// address")
            .help("SARIF viewers open these links: e.g. `https://git.example.org/desk/checks/blob/main/{file}#L{line}`"));
        }
    }
    config.links = Links {
        tool: raw.links.tool.map(toml::Spanned::into_inner),
        rule: raw.links.rule.map(toml::Spanned::into_inner),
    };
    config.selection = selection::compile(raw.select, raw.ignore, raw.severity, &file)?;
    config.accept = raw
        .accept
        .into_iter()
        .map(|spanned| {
            let span = spanned.span();
            let mut accept = spanned.into_inner();
            accept.span = span;
            accept
        })
        .collect();
    if let Some(bad) = config
        .accept
        .iter()
        .find(|a| a.fingerprint.is_none() && a.rule.is_none())
    {
        return Err(Problem::error(
            "concord::config::bad_accept",
            format!("an [[accept]] entry in {} names no finding", file.name),
        )
        .in_file(&file)
        .label(bad.span.clone(), "needs `fingerprint` or `rule`")
        .help("copy the fingerprint of the finding from `concord check --format json`"));
    }
    config.file = Some(file);
    config.root = Some(base);
    Ok(config)
}

/// An absolute http(s) address with a host, and no whitespace or controls.
fn is_web_address(text: &str) -> bool {
    let rest = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"));
    rest.is_some_and(|rest| {
        !rest.is_empty()
            && !rest.starts_with('/')
            && !text.chars().any(|c| c.is_whitespace() || c.is_control())
    })
}

/// An `exclude` glob (from concord.toml or `--exclude`) that does not parse.
pub fn glob_problem(glob: &str, why: &str) -> Problem {
    Problem::error(
        "concord::config::bad_glob",
        format!("`{glob}` is not a valid exclude glob: {why}"),
    )
    .help("globs use .gitignore syntax: `notes/`, `*.draft.md`, `TRUTH.md`")
}

/// The nearest `concord.toml` from `cwd` upwards. Anything by that name
/// counts (a folder, a FIFO or a dangling link is then refused when read):
/// a broken config must never make a parent's config apply instead.
fn discover(cwd: &Path) -> Option<PathBuf> {
    cwd.ancestors()
        .map(|dir| dir.join(CONFIG_FILE))
        .find(|candidate| crate::input::exists(candidate))
}

/// Resolves user paths against the working directory and names them back the
/// way the user would type them.
pub struct Paths {
    pub cwd: PathBuf,
}

impl Paths {
    pub fn resolve(&self, path: &Path) -> PathBuf {
        self.cwd.join(path)
    }

    /// The paths given on the command line, or else the configured ones.
    pub fn given_or(&self, given: &[PathBuf], configured: &[PathBuf]) -> Vec<PathBuf> {
        if given.is_empty() {
            configured.to_vec()
        } else {
            given.iter().map(|p| self.resolve(p)).collect()
        }
    }

    pub fn shown(&self, path: &Path) -> String {
        let relative = path.strip_prefix(&self.cwd).unwrap_or(path);
        let text = relative.to_string_lossy().replace('\\', "/");
        // A file name may hold a line break or an escape: shown visibly, so
        // a name is always one plain line in every report.
        let shows = |c: char| c.is_control() || hidden(c);
        let text = if text.contains(shows) {
            let mut shown = String::with_capacity(text.len() + 8);
            for c in text.chars() {
                if shows(c) {
                    escape(c, &mut shown);
                } else {
                    shown.push(c);
                }
            }
            shown
        } else {
            text
        };
        let text = text.trim_start_matches("./");
        if text.is_empty() {
            ".".into()
        } else {
            text.to_string()
        }
    }
}
