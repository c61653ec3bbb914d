//! The summary a person takes in at a glance: one row per finding, one
//! column per outlet, each cell the stance or value that source gives (`·`
//! where it is silent), each row marked by its kind (`✗` conflict, `≠`
//! misquote, `⇄` misattribution, `✓` agreement).
//!
//! Fitted to the width (`--matrix auto`), in this order of preference:
//! outlets named in the column headings; outlets numbered, with a legend
//! below; outlets as rows and findings as numbered columns (a set of many
//! outlets and few rules); and when nothing fits, the most-cited outlets
//! only, saying how many are left out. `--matrix full` draws every cell in
//! full whatever the width.

use unicode_width::UnicodeWidthStr;

use super::Matrix;
use super::words::{count, fit};
use crate::finding::{Finding, Kind};
use crate::source::Document;

const SILENT: &str = "·";
/// The widest a row's label may be when fitted.
const LABEL_COLUMN: usize = 32;
/// The narrowest a fitted cell may be cut to ("8 yea…").
const MIN_CELL: usize = 6;
/// Spaces between columns.
const GAP: usize = 2;

pub(super) fn render_matrix(
    findings: &[Finding],
    docs: &[Document],
    width: usize,
    mode: Matrix,
) -> String {
    if findings.is_empty() || mode == Matrix::Off {
        return String::new();
    }
    let grid = Grid::new(findings, docs);
    match mode {
        Matrix::Full => {
            let table = grid.by_finding(grid.outlets.iter().map(|o| o.to_string()).collect());
            let label = widest(&table.labels);
            let widths = table.naturals();
            table.draw(label, &widths)
        }
        _ => fitted(&grid, width),
    }
}

/// What each outlet says on each finding.
struct Grid<'a> {
    outlets: Vec<&'a str>,
    /// `✗ rule`, one per finding.
    findings: Vec<String>,
    /// `cells[finding][outlet]`.
    cells: Vec<Vec<String>>,
}

impl<'a> Grid<'a> {
    fn new(findings: &[Finding], docs: &'a [Document]) -> Self {
        let mut outlets: Vec<&str> = Vec::new();
        for doc in docs {
            if !outlets.contains(&doc.outlet.as_str()) {
                outlets.push(&doc.outlet);
            }
        }
        let cells = findings
            .iter()
            .map(|f| outlets.iter().map(|outlet| cell(f, outlet)).collect())
            .collect();
        let findings = findings
            .iter()
            .map(|f| format!("{} {}", mark(f.kind), f.rule))
            .collect();
        Grid {
            outlets,
            findings,
            cells,
        }
    }

    /// Findings as rows, outlets as columns under `heads`.
    fn by_finding(&self, heads: Vec<String>) -> Table {
        Table {
            heads,
            labels: self.findings.clone(),
            cells: self.cells.clone(),
        }
    }

    /// The findings in which each outlet has its say.
    fn cited(&self, outlet: usize) -> usize {
        self.cells
            .iter()
            .filter(|row| row[outlet] != SILENT)
            .count()
    }
}

fn mark(kind: Kind) -> &'static str {
    match kind {
        Kind::Conflict => "✗",
        Kind::Misquote => "≠",
        Kind::Misattribution => "⇄",
        Kind::Agreement => "✓",
    }
}

/// What `outlet`'s evidence says on `f`: its answers, each once.
fn cell(f: &Finding, outlet: &str) -> String {
    let mut answers: Vec<&str> = Vec::new();
    for e in f.reference.iter().chain(&f.evidence) {
        let answer = e.answer.label().unwrap_or("quoted");
        if e.outlet == outlet && !answers.contains(&answer) {
            answers.push(answer);
        }
    }
    if answers.is_empty() {
        SILENT.to_string()
    } else {
        answers.join("/")
    }
}

/// The matrix in `width` columns, in the first layout that fits.
fn fitted(grid: &Grid, width: usize) -> String {
    let numbers = |n: usize| (1..=n).map(|i| i.to_string()).collect::<Vec<_>>();
    let by_finding = grid.by_finding(grid.outlets.iter().map(|o| o.to_string()).collect());
    let named = by_finding.naturals();
    let label = label_width(&by_finding.labels, width, &named);
    let room = width.saturating_sub(label);
    if named.iter().map(|w| w + GAP).sum::<usize>() <= room {
        return by_finding.draw(label, &named);
    }
    let outlet_legend = || {
        let entries: Vec<String> = grid
            .outlets
            .iter()
            .enumerate()
            .map(|(i, o)| format!("{} {o}", i + 1))
            .collect();
        legend(&entries, width)
    };
    let numbered = grid.by_finding(numbers(grid.outlets.len()));
    let label = label_width(&numbered.labels, width, &numbered.naturals());
    let room = width.saturating_sub(label);
    if let Some(widths) = fit_columns(&numbered.naturals(), room) {
        return numbered.draw(label, &widths) + &outlet_legend();
    }
    let by_outlet = Table {
        heads: numbers(grid.findings.len()),
        labels: grid.outlets.iter().map(|o| o.to_string()).collect(),
        cells: (0..grid.outlets.len())
            .map(|o| grid.cells.iter().map(|row| row[o].clone()).collect())
            .collect(),
    };
    let outlet_label = label_width(&by_outlet.labels, width, &by_outlet.naturals());
    if let Some(widths) = fit_columns(&by_outlet.naturals(), width.saturating_sub(outlet_label)) {
        let entries: Vec<String> = grid
            .findings
            .iter()
            .enumerate()
            .map(|(i, f)| format!("{} {f}", i + 1))
            .collect();
        return by_outlet.draw(outlet_label, &widths) + &legend(&entries, width);
    }
    most_cited(grid, &numbered, label, room, width)
}

/// The numbered matrix with only the most-cited outlets that fit, a line
/// saying how many are left out, and the legend of those shown.
fn most_cited(grid: &Grid, numbered: &Table, label: usize, room: usize, width: usize) -> String {
    let naturals = numbered.naturals();
    let mut ranked: Vec<usize> = (0..grid.outlets.len()).collect();
    ranked.sort_by_key(|&o| std::cmp::Reverse(grid.cited(o)));
    let mut kept = Vec::new();
    let mut used = 0;
    for o in ranked {
        let w = naturals[o].min(MIN_CELL) + GAP;
        if used + w > room {
            break;
        }
        used += w;
        kept.push(o);
    }
    kept.sort_unstable();
    let table = Table {
        heads: kept.iter().map(|&o| numbered.heads[o].clone()).collect(),
        labels: numbered.labels.clone(),
        cells: numbered
            .cells
            .iter()
            .map(|row| kept.iter().map(|&o| row[o].clone()).collect())
            .collect(),
    };
    let kept_naturals: Vec<usize> = kept.iter().map(|&o| naturals[o]).collect();
    let widths = fit_columns(&kept_naturals, room)
        .unwrap_or_else(|| kept_naturals.iter().map(|&n| n.min(MIN_CELL)).collect());
    let left_out = grid.outlets.len() - kept.len();
    let note = format!(
        "… and {} not in the matrix (--matrix full shows all)",
        count(left_out, "more outlet", "more outlets")
    );
    let options = textwrap::Options::new((label + room).max(1)).subsequent_indent("  ");
    let entries: Vec<String> = kept
        .iter()
        .map(|&o| format!("{} {}", numbered.heads[o], grid.outlets[o]))
        .collect();
    table.draw(label, &widths) + &textwrap::fill(&note, options) + "\n" + &legend(&entries, width)
}

/// Rows under headings, as text.
struct Table {
    heads: Vec<String>,
    labels: Vec<String>,
    /// `cells[row][column]`.
    cells: Vec<Vec<String>>,
}

impl Table {
    /// Each column's width with nothing cut.
    fn naturals(&self) -> Vec<usize> {
        (0..self.heads.len())
            .map(|c| {
                self.cells
                    .iter()
                    .map(|row| row[c].width())
                    .chain([self.heads[c].width(), 1])
                    .max()
                    .unwrap_or(1)
            })
            .collect()
    }

    fn draw(&self, label: usize, widths: &[usize]) -> String {
        let line = |first: &str, cells: &[String]| {
            let mut text = fit(first, label);
            for (cell, &w) in cells.iter().zip(widths) {
                text.push_str(&" ".repeat(GAP));
                text.push_str(&fit(cell, w));
            }
            text.trim_end().to_string() + "\n"
        };
        let mut out = line("", &self.heads);
        for (first, cells) in self.labels.iter().zip(&self.cells) {
            out.push_str(&line(first, cells));
        }
        out
    }
}

fn widest(texts: &[String]) -> usize {
    texts.iter().map(|t| t.width()).max().unwrap_or(0)
}

/// The row labels' column: as wide as the widest, within [`LABEL_COLUMN`],
/// taking what the columns leave but never less than a third of the width.
fn label_width(labels: &[String], width: usize, naturals: &[usize]) -> usize {
    let left = width.saturating_sub(naturals.iter().map(|n| n + GAP).sum());
    widest(labels)
        .min(LABEL_COLUMN)
        .min(left.max(width / 3).max(8))
}

/// Column widths that fit `room` with each column cut to a common cap, or
/// none when the cap would fall below [`MIN_CELL`].
fn fit_columns(naturals: &[usize], room: usize) -> Option<Vec<usize>> {
    let total = |cap: usize| naturals.iter().map(|&n| n.min(cap) + GAP).sum::<usize>();
    let most = naturals.iter().copied().max().unwrap_or(1);
    let cap = (1..=most).rev().find(|&cap| total(cap) <= room)?;
    (cap >= MIN_CELL || cap == most).then(|| naturals.iter().map(|&n| n.min(cap)).collect())
}

/// Entries laid out in as many columns as fit in `width`.
fn legend(entries: &[String], width: usize) -> String {
    let entry = widest(entries).min(width.max(1));
    let per_line = ((width + GAP) / (entry + GAP)).max(1);
    let mut out = String::new();
    for line in entries.chunks(per_line) {
        let cells: Vec<String> = line.iter().map(|e| fit(e, entry)).collect();
        out.push_str(cells.join(&" ".repeat(GAP)).trim_end());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A grid of `outlets` outlets and `rules` findings, outlet `o` saying
    /// `yes` on every finding but the last outlet, which says `no`.
    fn grid(outlets: &[String], rules: usize) -> Grid<'_> {
        let cells = (0..rules)
            .map(|_| {
                (0..outlets.len())
                    .map(|o| if o + 1 == outlets.len() { "no" } else { "yes" }.to_string())
                    .collect()
            })
            .collect();
        Grid {
            outlets: outlets.iter().map(String::as_str).collect(),
            findings: (0..rules).map(|r| format!("✗ rule-number-{r}")).collect(),
            cells,
        }
    }

    fn names(n: usize) -> Vec<String> {
        (0..n).map(|i| format!("Outlet Number {i}")).collect()
    }

    fn fits(text: &str, width: usize) -> bool {
        text.lines().all(|l| l.width() <= width)
    }

    #[test]
    fn few_outlets_are_named_in_the_headings() {
        let outlets: Vec<String> = ["AP", "BBC", "Le Monde"].map(String::from).to_vec();
        let out = fitted(&grid(&outlets, 2), 60);
        assert!(fits(&out, 60), "{out}");
        assert!(out.lines().next().unwrap().contains("Le Monde"), "{out}");
        assert_eq!(out.lines().count(), 3, "{out}");
    }

    #[test]
    fn outlets_whose_names_do_not_fit_are_numbered_with_a_legend() {
        let outlets = names(5);
        let out = fitted(&grid(&outlets, 3), 60);
        assert!(fits(&out, 60), "{out}");
        let heads: Vec<&str> = out.lines().next().unwrap().split_whitespace().collect();
        assert_eq!(heads, ["1", "2", "3", "4", "5"], "{out}");
        assert!(out.contains("5 Outlet Number 4"), "{out}");
    }

    #[test]
    fn many_outlets_and_few_findings_are_transposed() {
        let outlets = names(65);
        let out = fitted(&grid(&outlets, 3), 60);
        assert!(fits(&out, 60), "{out}");
        // A heading, a row per outlet, and a legend line per finding or fewer.
        let rows: Vec<&str> = out.lines().filter(|l| l.starts_with("Outlet")).collect();
        assert_eq!(rows.len(), 65, "{out}");
        let last: Vec<&str> = rows[64].split_whitespace().collect();
        assert_eq!(last, ["Outlet", "Number", "64", "no", "no", "no"], "{out}");
        assert!(out.contains("1 ✗ rule-number-0"), "{out}");
    }

    #[test]
    fn when_nothing_fits_the_most_cited_outlets_are_kept_and_the_rest_counted() {
        let outlets = names(65);
        let mut g = grid(&outlets, 40);
        // Outlet 7 speaks on no finding: it is the first to be left out.
        for row in &mut g.cells {
            row[7] = SILENT.to_string();
        }
        let out = fitted(&g, 60);
        assert!(fits(&out, 60), "{out}");
        let heads: Vec<&str> = out.lines().next().unwrap().split_whitespace().collect();
        assert!(!heads.is_empty() && !heads.contains(&"8"), "{out}");
        let left_out = 65 - heads.len();
        assert!(
            out.contains(&format!("… and {left_out} more outlets")),
            "{out}"
        );
        // The legend names the outlets shown, and only those.
        for head in &heads {
            let i: usize = head.parse().unwrap();
            assert!(out.contains(&format!("{head} {}", outlets[i - 1])), "{out}");
        }
        assert!(!out.contains(&format!("8 {}", outlets[7])), "{out}");
    }

    #[test]
    fn full_draws_every_cell_whatever_the_width() {
        let outlets = names(65);
        let g = grid(&outlets, 2);
        let table = g.by_finding(g.outlets.iter().map(|o| o.to_string()).collect());
        let out = table.draw(widest(&table.labels), &table.naturals());
        assert!(out.contains("Outlet Number 64"));
        assert!(!out.contains('…'));
    }
}
