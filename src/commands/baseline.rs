//! Baselines: `concord baseline` records the fingerprints of today's findings;
//! `check --baseline FILE` then reports only findings that are new. Like
//! `[[accept]]`, this lets a team adopt concord on third-party articles it
//! cannot edit. Fingerprints do not depend on byte offsets, so edits elsewhere
//! in a document do not bring a recorded finding back.

use std::collections::HashSet;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::{EXIT_OK, Io, Prepared, prepare};
use crate::cli::BaselineArgs;
use crate::diagnostic::{Problem, SourceFile};
use crate::finding::Finding;

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Baseline {
    version: u32,
    findings: Vec<Recorded>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Recorded {
    fingerprint: String,
    rule: String,
    kind: String,
    message: String,
}

pub fn baseline(args: &BaselineArgs, config_path: Option<&Path>, io: &mut Io) -> u8 {
    let Prepared {
        config,
        docs,
        rules,
        analyses,
    } = match prepare(io, config_path, &args.inputs, true) {
        Ok(prepared) => prepared,
        Err(code) => return code,
    };
    let findings = crate::compare::compare(&docs, &rules, &analyses, &config.quotes);
    let recorded = Baseline {
        version: 1,
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
    };
    let mut text = serde_json::to_string_pretty(&recorded).unwrap_or_default();
    text.push('\n');
    let shown = io.paths.shown(&args.output);
    if let Err(err) = std::fs::write(io.paths.resolve(&args.output), text) {
        return io.fail(&[Problem::error(
            "concord::io",
            format!("cannot write `{shown}`: {err}"),
        )]);
    }
    io.report(&format!(
        "concord: {} findings recorded in {shown}\n",
        recorded.findings.len()
    ));
    EXIT_OK
}

/// The findings whose fingerprints the baseline at `path` does not record.
pub(super) fn without_known(
    findings: Vec<Finding>,
    path: &Path,
    shown: &str,
) -> Result<Vec<Finding>, Problem> {
    let text = std::fs::read_to_string(path).map_err(|err| {
        Problem::error(
            "concord::baseline::unreadable",
            format!("cannot read baseline `{shown}`: {err}"),
        )
        .help("write one with `concord baseline --output FILE`")
    })?;
    let file = SourceFile::new(shown, text.clone());
    let baseline: Baseline = serde_json::from_str(&text).map_err(|err| {
        let offset = file.lines().offset(&text, err.line(), err.column());
        Problem::error(
            "concord::baseline::invalid",
            format!("`{shown}` is not a concord baseline"),
        )
        .in_file(&file)
        .label(offset..offset, err.to_string())
        .help("regenerate it with `concord baseline --output FILE`")
    })?;
    let known: HashSet<&str> = baseline
        .findings
        .iter()
        .map(|r| r.fingerprint.as_str())
        .collect();
    Ok(findings
        .into_iter()
        .filter(|f| !known.contains(f.fingerprint.as_str()))
        .collect())
}
