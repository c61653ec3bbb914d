//! Intervals: what a qualifier makes of a number ("more than two", "about an
//! hour", "almost", "2 to 3").
//!
//! A [`Quantity`] is an interval with open or closed ends, so "about an hour"
//! and "almost an hour" overlap (they agree) while "1.5 hours" and "more than
//! two hours" do not (they conflict).

/// An interval of values; `exact` is the number as written (for display).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Quantity {
    pub low: f64,
    pub high: f64,
    pub low_open: bool,
    pub high_open: bool,
    pub exact: f64,
    pub qualifier: Qualifier,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Qualifier {
    Exact,
    About,
    Almost,
    JustOver,
    MoreThan,
    AtLeast,
    LessThan,
    AtMost,
    Between,
}

impl Quantity {
    pub fn exact(value: f64) -> Self {
        Quantity {
            low: value,
            high: value,
            low_open: false,
            high_open: false,
            exact: value,
            qualifier: Qualifier::Exact,
        }
    }

    /// "2 to 3": a closed interval.
    pub fn between(low: f64, high: f64) -> Self {
        Quantity {
            low,
            high,
            low_open: false,
            high_open: false,
            exact: low,
            qualifier: Qualifier::Between,
        }
    }

    /// The interval `qualifier` makes of `value`; `spread` is how far
    /// "about" reaches on each side ([`about_spread`]), and how far "almost"
    /// reaches below and "just over" above.
    pub fn qualified(value: f64, qualifier: Qualifier, spread: f64) -> Self {
        let mut q = Quantity::exact(value);
        q.qualifier = qualifier;
        match qualifier {
            Qualifier::Exact | Qualifier::Between => {}
            Qualifier::About => (q.low, q.high) = (value - spread, value + spread),
            Qualifier::Almost => q.low = value - spread,
            Qualifier::JustOver => (q.high, q.low_open) = (value + spread, true),
            Qualifier::MoreThan => (q.high, q.low_open) = (f64::INFINITY, true),
            Qualifier::AtLeast => q.high = f64::INFINITY,
            Qualifier::LessThan => (q.low, q.high_open) = (0.0, true),
            Qualifier::AtMost => q.low = 0.0,
        }
        q
    }

    /// Could both denote the same value?
    pub fn overlaps(&self, other: &Quantity) -> bool {
        let below = |a: &Quantity, b: &Quantity| {
            // a lies entirely below b
            a.high < b.low || (a.high == b.low && (a.high_open || b.low_open))
        };
        !(below(self, other) || below(other, self))
    }

    /// How far apart the two intervals are: 0 when they overlap or touch.
    pub fn gap(&self, other: &Quantity) -> f64 {
        (other.low - self.high).max(self.low - other.high).max(0.0)
    }

    /// The quantity in words, with `value` formatting one number.
    pub fn describe(&self, value: &dyn Fn(f64) -> String) -> String {
        let word = match self.qualifier {
            Qualifier::Exact => return value(self.exact),
            Qualifier::Between => return format!("{} to {}", value(self.low), value(self.high)),
            Qualifier::About => "about",
            Qualifier::Almost => "almost",
            Qualifier::JustOver => "just over",
            Qualifier::MoreThan => "more than",
            Qualifier::AtLeast => "at least",
            Qualifier::LessThan => "less than",
            Qualifier::AtMost => "at most",
        };
        format!("{word} {}", value(self.exact))
    }
}

/// How far "about `value`" reaches on each side: half a unit of the
/// figure's last significant digit (`step`, as written: 1 for "23", 10 for
/// "20", 1,000 for "2,000"), at most 10% of a figure under 100 and 5% of one
/// from 100 up. So "about 23" is 22.5 to 23.5, "about 20" 18 to 22, "about
/// 2,000" 1,900 to 2,100.
pub(super) fn about_spread(value: f64, step: f64) -> f64 {
    let cap = if value.abs() < 100.0 { 0.10 } else { 0.05 } * value.abs();
    (step / 2.0).min(cap)
}

/// The unit of the last significant digit of `value` written in `digits`
/// ("23" → 1, "20" → 10, "2,000" → 1,000, "1.50" → 0.01).
pub(super) fn step_of(digits: &str) -> f64 {
    let digits: String = digits
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    match digits.split_once('.') {
        Some((_, decimals)) => 10f64.powi(-(decimals.len() as i32)),
        None => {
            let zeros = digits.len() - digits.trim_end_matches('0').len();
            if zeros == digits.len() {
                1.0
            } else {
                10f64.powi(zeros as i32)
            }
        }
    }
}

/// Formats a number without a trailing `.0`, and without float noise.
pub(super) fn plain(value: f64) -> String {
    let rounded = (value * 1000.0).round() / 1000.0;
    if rounded.fract() == 0.0 && rounded.abs() < 1e15 {
        format!("{}", rounded as i64)
    } else {
        format!("{rounded}")
    }
}

/// Qualifier phrases, longest first so "just over" wins over "over".
const QUALIFIERS: &[(&str, Qualifier)] = &[
    ("no more than", Qualifier::AtMost),
    ("no fewer than", Qualifier::AtLeast),
    ("no less than", Qualifier::AtLeast),
    ("more than", Qualifier::MoreThan),
    ("greater than", Qualifier::MoreThan),
    ("upwards of", Qualifier::MoreThan),
    ("in excess of", Qualifier::MoreThan),
    ("well over", Qualifier::MoreThan),
    ("well above", Qualifier::MoreThan),
    ("just over", Qualifier::JustOver),
    ("just above", Qualifier::JustOver),
    ("a little over", Qualifier::JustOver),
    ("slightly more than", Qualifier::JustOver),
    ("at least", Qualifier::AtLeast),
    ("fewer than", Qualifier::LessThan),
    ("less than", Qualifier::LessThan),
    ("just under", Qualifier::Almost),
    ("just below", Qualifier::Almost),
    ("as many as", Qualifier::AtMost),
    ("as much as", Qualifier::AtMost),
    ("close to", Qualifier::Almost),
    ("up to", Qualifier::AtMost),
    ("at most", Qualifier::AtMost),
    ("an estimated", Qualifier::About),
    ("approximately", Qualifier::About),
    ("roughly", Qualifier::About),
    ("around", Qualifier::About),
    ("about", Qualifier::About),
    ("some", Qualifier::About),
    ("nearly", Qualifier::Almost),
    ("almost", Qualifier::Almost),
    ("above", Qualifier::MoreThan),
    ("over", Qualifier::MoreThan),
    ("under", Qualifier::LessThan),
    ("below", Qualifier::LessThan),
];

/// The qualifier that `text` (lower-cased) ends with, if any: the words just
/// before a value.
pub(super) fn qualifier_before(text: &str) -> Option<Qualifier> {
    let text = text.trim_end().to_lowercase();
    QUALIFIERS.iter().find_map(|(phrase, q)| {
        let head = text.strip_suffix(phrase)?;
        head.chars()
            .last()
            .is_none_or(|c| !c.is_alphanumeric())
            .then_some(*q)
    })
}

/// Splits a leading qualifier off `text` (lower-cased): ("more than", "two hours").
pub(super) fn split_qualifier(text: &str) -> (Qualifier, &str) {
    let trimmed = text.trim_start();
    for (phrase, q) in QUALIFIERS {
        if let Some(rest) = strip_prefix_ci(trimmed, phrase) {
            if rest.starts_with(|c: char| c.is_whitespace()) {
                return (*q, rest.trim_start());
            }
        }
    }
    (Qualifier::Exact, trimmed)
}

fn strip_prefix_ci<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}
