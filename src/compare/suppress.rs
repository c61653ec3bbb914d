//! Suppression, the last step of compare: findings the team has reviewed
//! (`[[accept]]` in concord.toml) and findings a baseline recorded are set
//! aside, and counted, so a report says how many it does not show.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::config::{Accept, Config};
use crate::diagnostic::{Problem, SourceFile};
use crate::finding::Finding;

/// The baseline format this concord writes and reads.
pub(crate) const BASELINE_VERSION: u32 = 1;

/// What `concord baseline` writes and `check --baseline` reads.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub version: u32,
    pub findings: Vec<Recorded>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recorded {
    pub fingerprint: String,
    pub rule: String,
    pub kind: String,
    pub message: String,
}

impl Baseline {
    /// The baseline of `findings`: every problem (agreements are never recorded).
    pub fn of(findings: &[Finding]) -> Self {
        Baseline {
            version: BASELINE_VERSION,
            findings: findings
                .iter()
                .filter(|f| f.kind.is_problem())
                .map(|f| Recorded {
                    fingerprint: f.fingerprint.clone(),
                    rule: f.rule.clone(),
                    kind: f.kind.as_str().to_string(),
                    message: f.message.clone(),
                })
                .collect(),
        }
    }

    /// Reads a baseline file's text; a diagnostic on the spot where it is not one.
    pub fn parse(file: &SourceFile) -> Result<Self, Problem> {
        // The version first, so that a baseline of another version is named
        // as such, not as a file with unknown fields.
        #[derive(Deserialize)]
        struct Versioned {
            version: u32,
        }
        if let Ok(Versioned { version }) = serde_json::from_str(&file.text) {
            if version != BASELINE_VERSION {
                let key = "\"version\"";
                let at = file.text.find(key).map_or(0..0, |at| at..at + key.len());
                return Err(Problem::error(
                    "concord::baseline::version",
                    format!(
                        "`{}` is a version {version} baseline; this concord reads version {BASELINE_VERSION}",
                        file.name
                    ),
                )
                .in_file(file)
                .label(at, "this version")
                .help("regenerate it with this concord's `concord baseline --output FILE`"));
            }
        }
        serde_json::from_str(&file.text).map_err(|err| {
            let offset = file.lines().offset(&file.text, err.line(), err.column());
            Problem::error(
                "concord::baseline::invalid",
                format!("`{}` is not a concord baseline", file.name),
            )
            .in_file(file)
            .label(offset..offset, err.to_string())
            .help("regenerate it with `concord baseline --output FILE`")
        })
    }

    /// The findings it does not record.
    pub fn without_known(&self, findings: Vec<Finding>) -> Vec<Finding> {
        let known: HashSet<&str> = self
            .findings
            .iter()
            .map(|r| r.fingerprint.as_str())
            .collect();
        findings
            .into_iter()
            .filter(|f| !known.contains(f.fingerprint.as_str()))
            .collect()
    }
}

/// Drops findings that an `[[accept]]` entry covers; returns the rest, how
/// many were accepted, and a warning for each entry that matched nothing.
/// `outside` are findings the run does not report (`--select`, `ignore`):
/// an entry that covers one of them is in use, so that narrowing a run
/// does not make the config's entries look stale.
pub fn apply_accepts(
    findings: Vec<Finding>,
    outside: &[Finding],
    config: &Config,
) -> (Vec<Finding>, usize, Vec<Problem>) {
    let mut used = vec![false; config.accept.len()];
    for finding in outside.iter().filter(|f| f.kind.is_problem()) {
        if let Some(i) = config.accept.iter().position(|a| covers(a, finding)) {
            used[i] = true;
        }
    }
    let mut kept = Vec::new();
    let mut accepted = 0;
    for finding in findings {
        let covering = config.accept.iter().position(|a| covers(a, &finding));
        match covering {
            Some(i) if finding.kind.is_problem() => {
                used[i] = true;
                accepted += 1;
            }
            _ => kept.push(finding),
        }
    }
    let unused = config
        .accept
        .iter()
        .zip(&used)
        .filter(|(_, used)| !**used)
        .filter_map(|(accept, _)| {
            let file = config.file.as_ref()?;
            Some(
                Problem::warning("concord::config::unused_accept", "this [[accept]] entry matches no finding")
                    .in_file(file)
                    .label(accept.span.clone(), "matches nothing")
                    .help("the finding it silenced is gone or changed; remove the entry or update its fingerprint"),
            )
        })
        .collect();
    (kept, accepted, unused)
}

fn covers(accept: &Accept, finding: &Finding) -> bool {
    let fingerprint_ok = accept.fingerprint.as_deref().is_none_or(|fp| {
        fp.len() >= 8 && finding.fingerprint.starts_with(&fp.to_ascii_lowercase())
    });
    let rule_ok = accept
        .rule
        .as_deref()
        .is_none_or(|rule| rule == finding.rule);
    let named = |source: &str| accept.sources.iter().any(|s| s == source);
    let sources_ok = accept.sources.is_empty()
        || finding
            .reference
            .iter()
            .chain(&finding.evidence)
            .all(|e| named(&e.file) || named(&e.outlet));
    fingerprint_ok && rule_ok && sources_ok
}
