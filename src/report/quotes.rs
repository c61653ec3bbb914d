//! The quotation listing for people: one line per quotation, grouped by
//! utterance; `--format json` serializes the listing as it is.

use super::Style;
use super::words::{count, counted};
use crate::compare::{Entry, Listing};
use crate::diagnostic::Problem;
use crate::text::fold_whitespace;

/// Longest quotation text shown on one line of the human listing.
const SHOWN_CHARS: usize = 90;

/// The listing as JSON (`"version": 1`); unpaired marks included.
pub fn quotes_json(listing: &Listing) -> String {
    let mut json = serde_json::to_string_pretty(listing).unwrap_or_default();
    json.push('\n');
    json
}

/// The listing for people, then each unpaired mark as a diagnostic.
pub fn quotes_human(listing: &Listing, marks: &[Problem], style: Style) -> String {
    let mut text = human(listing);
    for mark in marks {
        text.push_str(&style.render(mark));
    }
    text
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
            "utterance{pinned}, {}:\n",
            counted(utterance.renderings.len(), "rendering")
        ));
        utterance
            .renderings
            .iter()
            .for_each(|e| out.push_str(&line(e)));
        out.push('\n');
    }
    if !listing.quotations.is_empty() {
        out.push_str(&format!(
            "{}:\n",
            count(
                listing.quotations.len(),
                "other quotation",
                "other quotations"
            )
        ));
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
