//! `concord explain CODE` and `concord explain --list`: what each code a
//! finding can carry means, when it is reported, its severity and how to
//! silence it. Written for people; needs no documents or rules.

use std::fmt::Write as _;

use crate::finding::Kind;

/// What one code means, in sections.
struct Described {
    /// One line, for `--list` and the heading.
    summary: &'static str,
    meaning: &'static str,
    reported: &'static str,
    severity: &'static str,
    silence: &'static str,
}

/// How findings of every kind are silenced; each kind adds its own lines.
const SILENCE: &str = "\
- accept it in concord.toml, with the reason kept:
    [[accept]]
    fingerprint = \"2c64b87b\"   # from `concord check --format json`
    reason = \"Two translations of the same remark.\"
  or `rule = \"ID\"` (optionally with `sources = [...]`) for every finding
  of a rule; an entry that matches nothing is a warning;
- record today's findings in a baseline, `concord baseline --output FILE`,
  and report only new ones with `concord check --baseline FILE`;
- leave the rule out: `concord check --ignore ID` (a glob: `--ignore 'quote-*'`)
  or `ignore = [\"ID\"]` in concord.toml; or lower it below `fail_on` with
  `[severity]` in concord.toml: `\"ID\" = \"info\"`.";

fn described(kind: Kind) -> Described {
    match kind {
        Kind::Conflict => Described {
            summary: "sources disagree on a claim or a fact",
            meaning: "\
Two holders (the people or outlets the evidence is attributed to) take
different stances on a `[[claim]]`, or give values of a `[[fact]]` that
cannot denote the same thing, even within the fact's `tolerance`. Holders
may differ across sources or inside one.",
            reported: "\
By `concord check` (and recorded by `concord baseline`), once per rule
whose evidence conflicts, with every piece of evidence labelled with its
stance or value and holder. Evidence is a sentence that matches one of the
rule's patterns and passes its `context`, `unless`, `published` and
`during`, the negation guard and the time guard. A fact finding near the
edge carries a note saying which tolerance decided.",
            severity: "\
The rule's `severity` (`error`, `warning` by default, or `info`), or the
one a `[severity]` entry in concord.toml gives the rule. `check` exits 1
when it is at or above `fail_on` (default `warning`).",
            silence: "\
- if the rule misreads a sentence, fix the rule: `concord explain ID` shows
  every match, what decided its holder and what was set aside; rule
  examples run by `concord test` keep it fixed;",
        },
        Kind::Misquote => Described {
            summary: "renderings of one quotation differ beyond typography",
            meaning: "\
The same utterance is quoted in several sources, and a rendering differs
from the reference: the text of a `[[quote]]` rule that pins it, else the
wording most renderings share, else the earliest. The finding carries the
word diff (`[-removed-]` `{+added+}`). Differences of typography (marks,
dashes, case, a contraction written out) are never reported; a plain
fragment of a longer rendering is no misquote.",
            reported: "\
By `concord check`, once per utterance with a differing rendering. Its id
is the `[[quote]]` rule's, or for a quotation no rule pins, `quote-`
followed by its first words (`concord explain quote-…` shows it).",
            severity: "\
A substantive difference (a content word, number, name or negation): the
`[[quote]]` rule's `severity`, `warning` for quotations no rule pins. A
minor one (a function word added, dropped or changed): `info`. A
`[severity]` entry in concord.toml sets every finding of the rule.",
            silence: "\
- pin the wording the sources should follow with a `[[quote]]` rule, or
  raise `[quotes] min_similarity` if two different remarks were taken
  for one;",
        },
        Kind::Misattribution => Described {
            summary: "the same words are given to different speakers",
            meaning: "\
Renderings of one utterance name different speakers: the reference
rendering's speaker (or the `[[quote]]` rule's `speaker`) and another.
Names are unified before comparing: short forms resolve to the full name a
document gives, and `[[speaker]]` rules list one person's other names.",
            reported: "\
By `concord check`, once per utterance whose renderings name more than one
speaker; a rendering with no speaker named does not count. Its id is the
`[[quote]]` rule's or the quotation's `quote-…` id.",
            severity: "\
The `[[quote]]` rule's `severity`, `warning` for quotations no rule pins,
or what a `[severity]` entry in concord.toml gives the rule.",
            silence: "\
- if both names are one person, say so with a `[[speaker]]` rule
  (`name` and `aliases`); `concord quotes` shows who each source names;",
        },
        Kind::Agreement => Described {
            summary: "every holder agrees (shown with --show agree)",
            meaning: "\
Every holder of a claim takes the same stance, or every value of a fact
can denote the same thing (within its `tolerance` and the reach of
\"about\"). Not a problem: a record of what the sources confirm.",
            reported: "\
By `concord check`: the human report shows agreements with
`--show agree`; JSON, SARIF, GitHub and HTML reports always carry them.
Baselines never record them.",
            severity: "\
Always `info`, whatever the rule or `[severity]` says, and never counted
by `fail_on`: an agreement never makes `check` exit 1.",
            silence: "\
- leave out `--show agree`; `--ignore ID` (or `ignore` in concord.toml)
  also drops a rule's agreements from the machine formats.",
        },
    }
}

/// The full explanation of one code.
pub fn code_explanation(kind: Kind) -> String {
    let d = described(kind);
    let mut out = String::new();
    let _ = writeln!(out, "{} — {}", kind.code(), d.summary);
    let _ = writeln!(out, "  kind in JSON: \"{}\"", kind.as_str());
    let silence = if kind == Kind::Agreement {
        d.silence.to_string()
    } else {
        format!("{}\n{SILENCE}", d.silence)
    };
    for (heading, text) in [
        ("What it means", d.meaning),
        ("When it is reported", d.reported),
        ("Severity", d.severity),
        ("How to silence it", silence.as_str()),
    ] {
        let _ = writeln!(out, "\n{heading}");
        for line in text.lines() {
            let _ = writeln!(out, "  {line}");
        }
    }
    out
}

/// One line per code, for `concord explain --list`.
pub fn code_list() -> String {
    let mut out = String::new();
    for kind in Kind::ALL {
        let _ = writeln!(out, "{:<25} {}", kind.code(), described(kind).summary);
    }
    out.push_str(
        "\n`concord explain CODE` says what a code means, when it is reported, its\n\
         severity and how to silence it; `concord explain ID` what a rule (or a\n\
         `quote-…` quotation) matched in the documents.\n",
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_has_every_section() {
        for kind in Kind::ALL {
            let text = code_explanation(kind);
            for heading in [
                "What it means",
                "When it is reported",
                "Severity",
                "How to silence it",
            ] {
                assert!(text.contains(heading), "{}: no {heading}", kind.code());
            }
            assert!(code_list().contains(kind.code()));
        }
    }
}
