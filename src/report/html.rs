//! `--format html`: the findings as one self-contained page for editors and
//! fact-checkers — the matrix of rules × outlets, then a card per finding
//! with every source's evidence side by side, grouped by what it says.
//!
//! The page is complete as HTML: it reads and prints with scripts off. The
//! script only sorts, filters, searches and opens collapsed evidence, from an
//! index built out of the report's own JSON (version 1, byte for byte what
//! `--format json` writes), which the page carries for tools to read back.
//! Every piece of text from a document, a manifest or a rule goes through
//! [`Esc`]; a Content-Security-Policy forbids any load from the network and
//! runs only the page's own script, by its hash.

use std::collections::{BTreeSet, HashMap};
use std::fmt::{self, Display, Write as _};

use super::diff::Run;
use crate::diagnostic::Problem;
use crate::finding::{Answer, DiffOp, Evidence, Finding, Kind, Severity};
use crate::pipeline::Outcome;
use crate::rules::RuleRef;
use crate::text::visible::{escape, hidden};

mod csp;

/// Evidence shown per group of a card before the rest is collapsed.
const SHOWN_PER_GROUP: usize = 5;
/// The most outlets the matrix gives a column; the rest are named below it.
const MATRIX_OUTLETS: usize = 30;

const STYLE: &str = include_str!("html/report.css");
/// The page's one script, as it stands between its tags (the CSP hashes it so).
const SCRIPT: &str = concat!("\n", include_str!("html/report.js"));

/// Text for HTML, in an element or a quoted attribute: `& < > " '` as
/// references, and characters that would act on a terminal or reorder what
/// a reader sees shown as `\u{202e}`, as the terminal gate shows them.
struct Esc<'a>(&'a str);

impl Display for Esc<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut visible = String::new();
        for c in self.0.chars() {
            match c {
                '&' => f.write_str("&amp;")?,
                '<' => f.write_str("&lt;")?,
                '>' => f.write_str("&gt;")?,
                '"' => f.write_str("&quot;")?,
                '\'' => f.write_str("&#39;")?,
                c if hidden(c) => {
                    visible.clear();
                    escape(c, &mut visible);
                    f.write_str(&visible)?;
                }
                c => f.write_char(c)?,
            }
        }
        Ok(())
    }
}

/// The page of a run that could not use its input: each problem with its
/// code, place and help, and `json` (the failure's JSON report) embedded
/// as on a report page. No script runs on it.
pub(super) fn render_html_problems(problems: &[Problem], json: &str) -> String {
    let mut out = String::new();
    let _ = problems_page(&mut out, problems, json);
    out
}

fn problems_page(out: &mut String, problems: &[Problem], json: &str) -> fmt::Result {
    writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"color-scheme\" content=\"light dark\">\n\
         <meta name=\"generator\" content=\"concord {}\">\n\
         <title>concord report: the input could not be used</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n\
         <header>\n<h1>concord report</h1>\n<p class=\"summary\">The input could not be used: \
         no findings were produced.</p>\n</header>\n<main>\n<ul class=\"problems\">",
        env!("CARGO_PKG_VERSION"),
    )?;
    for p in problems {
        let place = p.place().map(|place| match place.region {
            Some(r) => format!("{}:{}:{}", place.file, r.line, r.column),
            None => place.file.to_string(),
        });
        write!(
            out,
            "<li class=\"problem\"><strong>{}</strong> <code>{}</code>",
            Esc(p.severity_word()),
            Esc(p.code())
        )?;
        if let Some(place) = place {
            write!(out, " <code>{}</code>", Esc(&place))?;
        }
        write!(out, "<p>{}</p>", Esc(&p.message_with_label()))?;
        if let Some(help) = p.help_text() {
            write!(out, "<p>help: {}</p>", Esc(help))?;
        }
        writeln!(out, "</li>")?;
    }
    writeln!(
        out,
        "</ul>\n</main>\n<script type=\"application/json\" id=\"concord-report\">{}</script>\n</body>\n</html>",
        json.replace('<', "\\u003c")
    )
}

/// The page for `outcome`; `json` is its `--format json` report.
pub(super) fn render_html(outcome: &Outcome, json: &str) -> String {
    let mut out = String::with_capacity(json.len() * 3 + 16 * 1024);
    // Writing into a String cannot fail.
    let _ = page(&mut out, outcome, json);
    out
}

fn page(out: &mut String, outcome: &Outcome, json: &str) -> fmt::Result {
    let findings = &outcome.findings;
    let outlets = outlet_columns(outcome);
    writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"color-scheme\" content=\"light dark\">\n\
         <meta name=\"generator\" content=\"concord {}\">\n\
         <title>concord report: {}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>",
        csp::policy(SCRIPT),
        env!("CARGO_PKG_VERSION"),
        Esc(&counts_line(findings)),
    )?;
    writeln!(
        out,
        "<a class=\"skip\" href=\"#findings\">Skip to the findings</a>\n<header>\n\
         <h1>concord report</h1>\n<p class=\"summary\">{} · {}</p>\n\
         <noscript><p>Sorting, filters and search need JavaScript; the matrix and \
         every finding are here without it.</p></noscript>\n</header>\n<main>",
        Esc(&sources_line(outcome)),
        Esc(&counts_line(findings)),
    )?;
    filters(out, outcome, &outlets.all)?;
    matrix(out, findings, &outlets)?;
    writeln!(
        out,
        "<section id=\"findings\" aria-labelledby=\"findings-h\" tabindex=\"-1\">\n\
         <h2 id=\"findings-h\">Findings</h2>\n\
         <p id=\"shown\" class=\"shown\" aria-live=\"polite\">{} findings</p>\n<div id=\"cards\">",
        findings.len()
    )?;
    for (i, finding) in findings.iter().enumerate() {
        card(out, outcome, i, finding)?;
    }
    writeln!(out, "</div>\n</section>\n</main>")?;
    // `<` escaped: no text in the JSON can close the script element or open
    // a comment; JSON.parse reads `\u003c` back as `<`.
    writeln!(
        out,
        "<script type=\"application/json\" id=\"concord-report\">{}</script>\n\
         <script>{SCRIPT}</script>\n</body>\n</html>",
        json.replace('<', "\\u003c")
    )
}

/// "2 conflicts, 1 misquote, 6 agreements".
fn counts_line(findings: &[Finding]) -> String {
    let parts: Vec<String> = KINDS
        .iter()
        .map(|&kind| (kind, findings.iter().filter(|f| f.kind == kind).count()))
        .filter(|&(kind, n)| n > 0 || kind == Kind::Conflict)
        .map(|(kind, n)| format!("{n} {}", plural(kind_word(kind), n)))
        .collect();
    parts.join(", ")
}

fn sources_line(outcome: &Outcome) -> String {
    let (sources, rules) = (outcome.corpus.docs.len(), outcome.corpus.rules.count());
    let mut line = format!(
        "{sources} {}, {rules} {}",
        plural("source", sources),
        plural("rule", rules)
    );
    if outcome.accepted > 0 {
        let _ = write!(line, ", {} accepted", outcome.accepted);
    }
    if outcome.baselined > 0 {
        let _ = write!(line, ", {} in the baseline", outcome.baselined);
    }
    line
}

fn plural(word: &str, n: usize) -> String {
    if n == 1 {
        word.to_string()
    } else {
        format!("{word}s")
    }
}

const KINDS: [Kind; 4] = [
    Kind::Conflict,
    Kind::Misquote,
    Kind::Misattribution,
    Kind::Agreement,
];
const SEVERITIES: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Info];

fn kind_word(kind: Kind) -> &'static str {
    match kind {
        Kind::Agreement => "agreement",
        kind => kind.as_str(),
    }
}

/// The verdict as a symbol and a word, so color is never the only signal.
fn verdict(kind: Kind) -> &'static str {
    match kind {
        Kind::Conflict => "✗ conflict",
        Kind::Misquote => "≠ misquote",
        Kind::Misattribution => "⇄ misattribution",
        Kind::Agreement => "✓ agree",
    }
}

/// Outlets in the order of the documents; the matrix's columns are the
/// most-cited [`MATRIX_OUTLETS`] of them, in that order.
struct Outlets<'a> {
    all: Vec<&'a str>,
    columns: Vec<&'a str>,
}

fn outlet_columns(outcome: &Outcome) -> Outlets<'_> {
    let mut all: Vec<&str> = Vec::new();
    let mut seen = BTreeSet::new();
    for doc in &outcome.corpus.docs {
        if seen.insert(doc.outlet.as_str()) {
            all.push(&doc.outlet);
        }
    }
    if all.len() <= MATRIX_OUTLETS {
        return Outlets {
            columns: all.clone(),
            all,
        };
    }
    let mut cited: HashMap<&str, usize> = HashMap::new();
    for f in &outcome.findings {
        let outlets: BTreeSet<&str> = evidence_of(f).map(|(_, e)| e.outlet.as_str()).collect();
        for outlet in outlets {
            *cited.entry(outlet).or_default() += 1;
        }
    }
    let mut ranked: Vec<(usize, &str)> = all.iter().copied().enumerate().collect();
    ranked.sort_by_key(|&(i, o)| (std::cmp::Reverse(cited.get(o).copied().unwrap_or(0)), i));
    ranked.truncate(MATRIX_OUTLETS);
    ranked.sort_by_key(|&(i, _)| i);
    Outlets {
        columns: ranked.into_iter().map(|(_, o)| o).collect(),
        all,
    }
}

/// A finding's reference (when a source holds it) and its evidence, each
/// with the id of its element on the page.
fn evidence_of(f: &Finding) -> impl Iterator<Item = (EvidenceId, &Evidence)> {
    f.reference
        .iter()
        .map(|e| (EvidenceId::Reference, e))
        .chain(
            f.evidence
                .iter()
                .enumerate()
                .map(|(j, e)| (EvidenceId::At(j), e)),
        )
}

#[derive(Clone, Copy)]
enum EvidenceId {
    Reference,
    At(usize),
}

/// `f-3-ref`, `f-3-e0`: the element of a finding's piece of evidence.
struct Anchor(usize, EvidenceId);

impl Display for Anchor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.1 {
            EvidenceId::Reference => write!(f, "f-{}-ref", self.0),
            EvidenceId::At(j) => write!(f, "f-{}-e{j}", self.0),
        }
    }
}

/// One checked filter box with its count: `name=value`, shown as `label`.
fn checkbox(
    out: &mut String,
    name: &str,
    value: &str,
    label: impl Display,
    class: &str,
    n: usize,
) -> fmt::Result {
    let class = if class.is_empty() {
        String::new()
    } else {
        format!(" class=\"{class}\"")
    };
    writeln!(
        out,
        "<label{class}><input type=\"checkbox\" name=\"{name}\" value=\"{value}\" checked> \
         {label} <span class=\"n\">({n})</span></label>"
    )
}

/// The filter bar, hidden until the script shows it (it does nothing without one).
fn filters(out: &mut String, outcome: &Outcome, outlets: &[&str]) -> fmt::Result {
    let findings = &outcome.findings;
    writeln!(
        out,
        "<form id=\"filters\" class=\"filters\" role=\"search\" aria-label=\"Filter findings\" hidden>"
    )?;
    writeln!(out, "<fieldset><legend>Kind</legend>")?;
    for kind in KINDS {
        let n = findings.iter().filter(|f| f.kind == kind).count();
        let class = format!("k-{}", kind.as_str());
        checkbox(out, "kind", kind.as_str(), verdict(kind), &class, n)?;
    }
    writeln!(out, "</fieldset>\n<fieldset><legend>Severity</legend>")?;
    for severity in SEVERITIES {
        let n = findings.iter().filter(|f| f.severity == severity).count();
        checkbox(out, "severity", severity.as_str(), severity.as_str(), "", n)?;
    }
    writeln!(out, "</fieldset>")?;
    let rules: BTreeSet<&str> = findings.iter().map(|f| f.rule.as_str()).collect();
    let holders: BTreeSet<&str> = findings
        .iter()
        .flat_map(|f| evidence_of(f).map(|(_, e)| e))
        .flat_map(|e| e.holder.iter().chain(&e.speaker))
        .map(String::as_str)
        .collect();
    select(out, "rule", "Rule", "all rules", rules.iter().copied())?;
    select(
        out,
        "outlet",
        "Outlet",
        "all outlets",
        outlets.iter().copied(),
    )?;
    select(
        out,
        "holder",
        "Holder",
        "all holders",
        holders.iter().copied(),
    )?;
    writeln!(
        out,
        "<label class=\"search\">Search <input type=\"search\" name=\"q\" id=\"q\" \
         placeholder=\"words, outlet, holder… ( / )\" autocomplete=\"off\"></label>\n\
         <button type=\"reset\">Clear filters</button>\n\
         <p class=\"keys\">Keys: <kbd>/</kbd> search, <kbd>j</kbd>/<kbd>k</kbd> next/previous finding</p>\n</form>"
    )
}

fn select<'a>(
    out: &mut String,
    name: &str,
    label: &str,
    any: &str,
    values: impl Iterator<Item = &'a str>,
) -> fmt::Result {
    writeln!(
        out,
        "<label>{label} <select name=\"{name}\"><option value=\"\">{any}</option>"
    )?;
    for value in values {
        writeln!(out, "<option>{}</option>", Esc(value))?;
    }
    writeln!(out, "</select></label>")
}

/// The rules × outlets table: a row per finding, the stance or value each
/// outlet gives (blank where it is silent), each cell a link to its evidence.
fn matrix(out: &mut String, findings: &[Finding], outlets: &Outlets) -> fmt::Result {
    writeln!(
        out,
        "<section id=\"matrix\" aria-labelledby=\"matrix-h\">\n<h2 id=\"matrix-h\">Matrix</h2>\n\
         <p class=\"hint\">One row per finding, one column per outlet: what each source says, \
         blank where it is silent. A cell links to its evidence; a column heading sorts.</p>"
    )?;
    if findings.is_empty() {
        return writeln!(out, "<p>No findings.</p>\n</section>");
    }
    writeln!(
        out,
        "<div class=\"matrix-wrap\" tabindex=\"0\" role=\"region\" aria-labelledby=\"matrix-h\">\n\
         <table class=\"matrix\">\n<thead><tr>\
         <th scope=\"col\" aria-sort=\"none\"><button type=\"button\">Rule</button></th>\
         <th scope=\"col\" aria-sort=\"none\"><button type=\"button\">Verdict</button></th>"
    )?;
    for outlet in &outlets.columns {
        write!(
            out,
            "<th scope=\"col\" aria-sort=\"none\" title=\"{0}\"><button type=\"button\">{0}</button></th>",
            Esc(outlet)
        )?;
    }
    writeln!(out, "</tr></thead>\n<tbody>")?;
    let column: HashMap<&str, usize> = outlets
        .columns
        .iter()
        .enumerate()
        .map(|(c, o)| (*o, c))
        .collect();
    for (i, f) in findings.iter().enumerate() {
        matrix_row(out, i, f, &column, outlets.columns.len())?;
    }
    writeln!(out, "</tbody>\n</table>\n</div>")?;
    let left_out = outlets.all.len() - outlets.columns.len();
    if left_out > 0 {
        writeln!(
            out,
            "<p class=\"hint\">{} of {} outlets have a column (the most cited); \
             the other {left_out} are in the cards and the outlet filter.</p>",
            outlets.columns.len(),
            outlets.all.len()
        )?;
    }
    writeln!(out, "</section>")
}

fn matrix_row(
    out: &mut String,
    i: usize,
    f: &Finding,
    column: &HashMap<&str, usize>,
    columns: usize,
) -> fmt::Result {
    // Per column: the first piece of evidence, and each answer once.
    let mut cells: Vec<Option<(EvidenceId, Vec<&str>)>> = vec![None; columns];
    for (id, e) in evidence_of(f) {
        let Some(&c) = column.get(e.outlet.as_str()) else {
            continue;
        };
        let answer = e.answer.label().unwrap_or("quoted");
        let cell = cells[c].get_or_insert_with(|| (id, Vec::new()));
        if !cell.1.contains(&answer) {
            cell.1.push(answer);
        }
    }
    let kind = f.kind.as_str();
    write!(
        out,
        "<tr id=\"m-{i}\" class=\"k-{kind}\"><th scope=\"row\"><a href=\"#f-{i}\" title=\"{0}\">{0}</a></th>\
         <td class=\"verdict\">{1}</td>",
        Esc(&f.rule),
        verdict(f.kind)
    )?;
    for cell in cells {
        match cell {
            None => out.push_str("<td></td>"),
            Some((id, answers)) => {
                let reference = matches!(id, EvidenceId::Reference) && answers == ["reference"];
                write!(
                    out,
                    "<td class=\"{}\"><a href=\"#{}\">{}</a></td>",
                    if reference { "ref" } else { "said" },
                    Anchor(i, id),
                    Esc(&answers.join(" / "))
                )?;
            }
        }
    }
    writeln!(out, "</tr>")
}

/// One finding: its verdict and question, then its evidence grouped by what
/// each source says, groups side by side.
fn card(out: &mut String, outcome: &Outcome, i: usize, f: &Finding) -> fmt::Result {
    writeln!(
        out,
        "<article class=\"card k-{}\" id=\"f-{i}\" tabindex=\"-1\" aria-labelledby=\"f-{i}-h\">\n\
         <h3 id=\"f-{i}-h\"><span class=\"verdict\">{}</span> <code class=\"rule\">{}</code> \
         <span class=\"sev s-{sev}\">{sev}</span></h3>",
        f.kind.as_str(),
        verdict(f.kind),
        Esc(&f.rule),
        sev = f.severity.as_str(),
    )?;
    let quotation = matches!(f.kind, Kind::Misquote | Kind::Misattribution);
    // A claim's or fact's help is its question; a quotation's names the
    // reference, which the card shows itself when a source or the rule holds it.
    if let (false, Some(question)) = (quotation, &f.help) {
        writeln!(out, "<p class=\"question\">{}</p>", Esc(question))?;
    }
    writeln!(out, "<p class=\"message\">{}</p>", Esc(&f.headline()))?;
    let pinned = quotation && f.reference.is_none() && pinned_reference(out, outcome, f)?;
    if let (true, false, None, Some(help)) = (quotation, pinned, &f.reference, &f.help) {
        writeln!(out, "<p class=\"help\">{}</p>", Esc(help))?;
    }
    writeln!(out, "<div class=\"groups\">")?;
    for group in groups(f) {
        evidence_group(out, i, &group)?;
    }
    writeln!(
        out,
        "</div>\n<p class=\"fp\">fingerprint <code>{}</code></p>\n</article>",
        Esc(&f.fingerprint)
    )
}

/// A quotation rule's own wording, when no source holds the reference;
/// false when the finding's rule pins none.
fn pinned_reference(out: &mut String, outcome: &Outcome, f: &Finding) -> Result<bool, fmt::Error> {
    let Some(RuleRef::Quote(_, rule)) = outcome.corpus.rules.get(&f.rule) else {
        return Ok(false);
    };
    write!(
        out,
        "<figure class=\"reference\"><figcaption>Reference, as rule <code>{}</code> pins it</figcaption>\n\
         <blockquote class=\"excerpt\">{}</blockquote>",
        Esc(&rule.id),
        Esc(&rule.text)
    )?;
    if let Some(speaker) = &rule.speaker {
        write!(
            out,
            "<p class=\"said\">said by <strong>{}</strong>",
            Esc(speaker)
        )?;
        if let Some(origin) = &rule.origin_note {
            write!(out, " ({})", Esc(origin))?;
        }
        write!(out, "</p>")?;
    }
    writeln!(out, "</figure>")?;
    Ok(true)
}

/// Evidence that says the same: the reference, a stance, a value, a class
/// of difference, or (misattributions) the speaker a source names.
struct Group<'a> {
    label: String,
    items: Vec<(EvidenceId, &'a Evidence)>,
}

fn groups(f: &Finding) -> Vec<Group<'_>> {
    let mut groups: Vec<Group> = Vec::new();
    for (id, e) in evidence_of(f) {
        let label = match (&e.answer, id) {
            (_, EvidenceId::Reference) => "reference".to_string(),
            (Answer::Quotation, _) => format!(
                "attributed to {}",
                e.speaker.as_deref().unwrap_or("no one named")
            ),
            (answer, _) => answer.label().unwrap_or("quoted").to_string(),
        };
        match groups.iter_mut().find(|g| g.label == label) {
            Some(group) => group.items.push((id, e)),
            None => groups.push(Group {
                label,
                items: vec![(id, e)],
            }),
        }
    }
    // The reference first, then the most-held answers (ties keep their order).
    groups.sort_by_key(|g| (g.label != "reference", std::cmp::Reverse(g.items.len())));
    groups
}

fn evidence_group(out: &mut String, i: usize, group: &Group) -> fmt::Result {
    let n = group.items.len();
    let outlets: BTreeSet<&str> = group.items.iter().map(|(_, e)| e.outlet.as_str()).collect();
    writeln!(
        out,
        "<section class=\"group\"><h4>{} <span class=\"n\">({n} {}, {} {})</span></h4>\n\
         <ol class=\"evidence\">",
        Esc(&group.label),
        plural("passage", n),
        outlets.len(),
        plural("outlet", outlets.len())
    )?;
    let (shown, rest) = group.items.split_at(n.min(SHOWN_PER_GROUP));
    for &(id, e) in shown {
        evidence_item(out, i, id, e)?;
    }
    writeln!(out, "</ol>")?;
    if !rest.is_empty() {
        writeln!(
            out,
            "<details class=\"more\"><summary>{} more</summary>\n<ol class=\"evidence\" start=\"{}\">",
            rest.len(),
            SHOWN_PER_GROUP + 1
        )?;
        for &(id, e) in rest {
            evidence_item(out, i, id, e)?;
        }
        writeln!(out, "</ol>\n</details>")?;
    }
    writeln!(out, "</section>")
}

/// A source's sentence with its match marked, its word diff, and who and
/// where: outlet, date, holder, speaker, value, file and line.
fn evidence_item(out: &mut String, i: usize, id: EvidenceId, e: &Evidence) -> fmt::Result {
    write!(
        out,
        "<li class=\"ev\" id=\"{}\" tabindex=\"-1\"><blockquote class=\"excerpt\">",
        Anchor(i, id)
    )?;
    excerpt(out, e)?;
    writeln!(out, "</blockquote>")?;
    if let Answer::Rendering { diff, class } = &e.answer {
        write!(
            out,
            "<p class=\"diff\"><span class=\"label\">{}:</span> ",
            class.as_str()
        )?;
        word_diff(out, diff)?;
        writeln!(out, "</p>")?;
    }
    write!(out, "<dl class=\"meta\">")?;
    meta(out, "outlet", outlet(e))?;
    if let Some(date) = e.published {
        meta(out, "published", date)?;
    }
    if let Answer::Value(value) = &e.answer {
        let shown = if value.raw.trim() == value.normalized {
            value.normalized.clone()
        } else {
            format!("{} → {}", value.raw.trim(), value.normalized)
        };
        meta(out, "value", Esc(&shown))?;
    }
    // A quotation's holder is its speaker, shown next.
    if let Some(holder) = e.holder.as_ref().filter(|h| Some(*h) != e.speaker.as_ref()) {
        meta(out, "holder", Esc(holder))?;
    }
    if let Some(speaker) = &e.speaker {
        meta(out, "speaker", Esc(speaker))?;
    }
    let place = format!("{}:{}:{}", e.file, e.line, e.column);
    meta(out, "where", format_args!("<code>{}</code>", Esc(&place)))?;
    writeln!(out, "</dl></li>")
}

/// One `<dt>`/`<dd>` pair; `html` writes itself escaped.
fn meta(out: &mut String, term: &str, html: impl Display) -> fmt::Result {
    write!(out, "<dt>{term}</dt><dd>{html}</dd>")
}

/// The outlet, a link to the source's url when it is a web address (no
/// other scheme: a `javascript:` url stays text).
fn outlet(e: &Evidence) -> String {
    let web = e.url.as_deref().filter(|url| {
        let lower = url.trim_start().to_ascii_lowercase();
        lower.starts_with("https://") || lower.starts_with("http://")
    });
    match web {
        Some(url) => format!(
            "<a href=\"{}\" rel=\"noreferrer noopener\">{}</a>",
            Esc(url.trim()),
            Esc(&e.outlet)
        ),
        None => Esc(&e.outlet).to_string(),
    }
}

/// The excerpt with its matched words in `<mark>`.
fn excerpt(out: &mut String, e: &Evidence) -> fmt::Result {
    let text = e.excerpt.as_str();
    let parts = e.excerpt_match.and_then(|m| {
        Some((
            text.get(..m.start)?,
            text.get(m.start..m.end)?,
            text.get(m.end..)?,
        ))
    });
    match parts {
        Some((before, hit, after)) => write!(
            out,
            "{}<mark>{}</mark>{}",
            Esc(before),
            Esc(hit),
            Esc(after)
        ),
        None => write!(out, "{}", Esc(text)),
    }
}

/// A word diff: runs of removed words in `<del>`, added ones in `<ins>`.
fn word_diff(out: &mut String, diff: &[DiffOp]) -> fmt::Result {
    let words: Vec<String> = super::diff::runs(diff)
        .into_iter()
        .map(|run| match run {
            Run::Same(word) => Esc(word).to_string(),
            Run::Removed(words) => {
                format!("<del title=\"removed\">{}</del>", Esc(&words.join(" ")))
            }
            Run::Added(words) => format!("<ins title=\"added\">{}</ins>", Esc(&words.join(" "))),
        })
        .collect();
    write!(out, "{}", words.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_quotes_and_hidden_characters() {
        let text = r#"<script>alert('x')</script> & <img src=x onerror="y"> a\u{202e}b"#;
        let text = text.replace(r"\u{202e}", "\u{202e}");
        assert_eq!(
            Esc(&text).to_string(),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; \
             &lt;img src=x onerror=&quot;y&quot;&gt; a\\u{202e}b"
        );
    }

    #[test]
    fn a_diff_groups_runs_of_removed_and_added_words() {
        let diff = [
            DiffOp::Same("nothing".into()),
            DiffOp::Removed("for".into()),
            DiffOp::Removed("now".into()),
            DiffOp::Added("<yet>".into()),
        ];
        let mut out = String::new();
        word_diff(&mut out, &diff).unwrap();
        assert_eq!(
            out,
            "nothing <del title=\"removed\">for now</del> <ins title=\"added\">&lt;yet&gt;</ins>"
        );
    }
}
