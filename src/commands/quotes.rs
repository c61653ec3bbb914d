//! `concord quotes`: every quotation, its speaker, source and line, grouped by
//! utterance across sources; unpaired quotation marks last.

use std::path::Path;

use serde::Serialize;

use super::{EXIT_OK, Io, Prepared, prepare, suspicious_marks};
use crate::cli::{ListFormat, QuotesArgs};
use crate::compare::quotes::{Rendering, renderings, utterances};
use crate::finding::Span;
use crate::text::fold_whitespace;

/// Longest quotation text shown on one line of the human listing.
const SHOWN_CHARS: usize = 90;

pub fn quotes(args: &QuotesArgs, config_path: Option<&Path>, io: &mut Io) -> u8 {
    let Prepared {
        config,
        docs,
        rules,
        analyses,
    } = match prepare(io, config_path, &args.inputs, false) {
        Ok(prepared) => prepared,
        Err(code) => return code,
    };
    let all = renderings(&docs, &analyses, &rules);
    let mut grouped = vec![false; all.len()];
    let mut listing = Listing {
        version: 1,
        ..Listing::default()
    };
    for (rule, members) in utterances(&all, &rules, &config.quotes) {
        for &i in &members {
            grouped[i] = true;
        }
        listing.utterances.push(Utterance {
            rule: rule.map(|r| r.id.clone()),
            renderings: members.iter().map(|&i| entry(&all[i])).collect(),
        });
    }
    listing.quotations = (0..all.len())
        .filter(|&i| !grouped[i])
        .map(|i| entry(&all[i]))
        .collect();
    let marks = suspicious_marks(&docs, &analyses);
    let text = match args.format {
        ListFormat::Json => {
            listing.suspicious = docs
                .iter()
                .zip(&analyses)
                .flat_map(|(doc, a)| a.suspicious.iter().map(move |s| (doc, s)))
                .map(|(doc, s)| {
                    let (line, column) = doc.line_col(s.at.start);
                    Mark {
                        file: doc.name().to_string(),
                        line,
                        column,
                        span: Span {
                            start: s.at.start,
                            end: s.at.end,
                        },
                        message: s.message,
                    }
                })
                .collect();
            let mut json = serde_json::to_string_pretty(&listing).unwrap_or_default();
            json.push('\n');
            json
        }
        ListFormat::Human => {
            let mut text = human(&listing);
            for mark in &marks {
                text.push_str(&io.out_style.render(mark));
            }
            text
        }
    };
    io.report(&text);
    EXIT_OK
}

#[derive(Serialize, Default)]
struct Listing {
    version: u32,
    /// Renderings of one utterance in two or more sources, or pinned by a rule.
    utterances: Vec<Utterance>,
    /// Every other quotation.
    quotations: Vec<Entry>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    suspicious: Vec<Mark>,
}

#[derive(Serialize)]
struct Utterance {
    #[serde(skip_serializing_if = "Option::is_none")]
    rule: Option<String>,
    renderings: Vec<Entry>,
}

#[derive(Serialize)]
struct Entry {
    file: String,
    outlet: String,
    line: usize,
    column: usize,
    span: Span,
    speaker: Option<String>,
    text: String,
}

#[derive(Serialize)]
struct Mark {
    file: String,
    line: usize,
    column: usize,
    span: Span,
    message: &'static str,
}

fn entry(r: &Rendering) -> Entry {
    let span = r.quotation.span();
    let (line, column) = r.doc.line_col(span.start);
    Entry {
        file: r.doc.name().to_string(),
        outlet: r.doc.outlet.clone(),
        line,
        column,
        span: Span {
            start: span.start,
            end: span.end,
        },
        speaker: r.speaker.clone(),
        text: r.quotation.text(r.doc.text()),
    }
}

fn human(listing: &Listing) -> String {
    let mut out = String::new();
    let line = |e: &Entry| {
        let speaker = e.speaker.as_deref().unwrap_or("(no speaker)");
        format!(
            "  {}:{}:{}  {speaker}  “{}”\n",
            e.file,
            e.line,
            e.column,
            shorten(&e.text)
        )
    };
    for utterance in &listing.utterances {
        let pinned = utterance
            .rule
            .as_deref()
            .map(|r| format!(" (rule `{r}`)"))
            .unwrap_or_default();
        out.push_str(&format!(
            "utterance{pinned}, {} renderings:\n",
            utterance.renderings.len()
        ));
        utterance
            .renderings
            .iter()
            .for_each(|e| out.push_str(&line(e)));
        out.push('\n');
    }
    if !listing.quotations.is_empty() {
        out.push_str(&format!("{} other quotations:\n", listing.quotations.len()));
        listing
            .quotations
            .iter()
            .for_each(|e| out.push_str(&line(e)));
    }
    out
}

fn shorten(text: &str) -> String {
    let folded = fold_whitespace(text);
    if folded.chars().count() <= SHOWN_CHARS {
        return folded;
    }
    let cut: String = folded.chars().take(SHOWN_CHARS - 1).collect();
    format!("{cut}…")
}
