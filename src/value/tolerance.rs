//! How far apart two values may be and still agree, and what decided it.
//!
//! Two values agree when their intervals overlap: "about 23 km" reaches
//! 22.5 to 23.5 ([`super::interval::about_spread`]), "more than 40" is open
//! above. A fact may set its own `tolerance`, absolute ("2", "1 day", "30
//! minutes") or relative ("5%"), which closes the gap between intervals up
//! to that much. The [`Verdict`] of a pair says which of these decided, so a
//! report near the edge can say why.

use std::fmt;

use super::duration::{describe_seconds, parse_duration};
use super::interval::{Qualifier, Quantity, plain};
use super::{Value, ValueType};

/// A fact's own `tolerance`, in the fact's base unit (seconds for
/// durations, days for dates) or as a percentage of the larger value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Tolerance {
    Absolute(f64),
    Percent(f64),
}

/// A `tolerance` as a rule writes it: a number or a string.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[serde(untagged)]
pub enum Written {
    Number(f64),
    Text(String),
}

impl Tolerance {
    /// Reads a rule's `tolerance` for a fact of type `kind`; the error says
    /// what to write instead.
    pub fn parse(kind: ValueType, written: &Written) -> Result<Tolerance, String> {
        let refuse = |why: &str| Err(why.to_string());
        let amount = |n: f64| (n.is_finite() && n >= 0.0).then_some(n);
        if kind == ValueType::Text {
            return refuse("text facts compare words, not amounts: they take no tolerance");
        }
        let text = match written {
            Written::Number(n) => {
                return match (kind, amount(*n)) {
                    (_, None) => refuse("a tolerance is a number of zero or more"),
                    (ValueType::Number, Some(n)) => Ok(Tolerance::Absolute(n)),
                    (ValueType::Date, _) => {
                        refuse("say a date's tolerance in days, e.g. \"1 day\"")
                    }
                    _ => refuse(
                        "say the unit of a duration's tolerance, e.g. \"30 minutes\" or \"10%\"",
                    ),
                };
            }
            Written::Text(text) => text.trim(),
        };
        if let Some(number) = text.strip_suffix('%') {
            if kind == ValueType::Date {
                return refuse(
                    "a date's tolerance is a number of days (\"1 day\"), not a percentage",
                );
            }
            return number
                .trim()
                .parse()
                .ok()
                .and_then(amount)
                .map(Tolerance::Percent)
                .ok_or_else(|| format!("`{text}` is not a percentage"));
        }
        let seconds = || {
            parse_duration(text, "")
                .filter(|q| q.qualifier == Qualifier::Exact)
                .map(|q| q.exact)
        };
        let found = match kind {
            ValueType::Number => text.parse().ok().and_then(amount),
            ValueType::Duration => seconds(),
            _ => seconds()
                .map(|s| s / 86400.0)
                .filter(|days| days.fract() == 0.0),
        };
        found.map(Tolerance::Absolute).ok_or_else(|| {
            match kind {
                ValueType::Number => "write a number (tolerance = 2) or a percentage (\"5%\")",
                ValueType::Duration => "write a duration (\"30 minutes\", \"2 days\") or \"10%\"",
                _ => "write a whole number of days, e.g. \"1 day\" or \"2 days\"",
            }
            .to_string()
        })
    }

    /// How far apart `a` and `b` may lie under this tolerance.
    fn allows(self, a: f64, b: f64) -> f64 {
        match self {
            Tolerance::Absolute(t) => t,
            Tolerance::Percent(p) => p / 100.0 * a.abs().max(b.abs()),
        }
    }
}

/// What decided whether two values agree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decided {
    /// The values as written are the same.
    Same,
    /// Their intervals overlap: a qualifier or a range made one wide enough.
    Overlap,
    /// They overlap only because "about" reaches as far as its figure's
    /// precision ("about 23" and "23.4").
    About,
    /// Their intervals are apart, but no more than the fact's tolerance.
    Tolerance,
    /// Their intervals are apart by more than the tolerance (or none is set).
    Apart,
    /// They cannot be compared as amounts (different words or currencies).
    Different,
}

/// Two values compared: whether they agree and how far apart they lie.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Verdict {
    pub decided: Decided,
    /// The distance between the intervals, in the base unit.
    pub gap: f64,
    /// How far apart the fact's tolerance lets them lie.
    pub allowed: f64,
    /// The larger of the two values as written (for "near the edge").
    pub magnitude: f64,
}

impl Verdict {
    pub fn agrees(&self) -> bool {
        matches!(
            self.decided,
            Decided::Same | Decided::Overlap | Decided::About | Decided::Tolerance
        )
    }
}

impl Value {
    /// Compares two values under a fact's tolerance.
    pub fn compare(&self, other: &Value, tolerance: Option<Tolerance>) -> Verdict {
        let not_amounts = |decided| Verdict {
            decided,
            gap: f64::INFINITY,
            allowed: 0.0,
            magnitude: 0.0,
        };
        let (a, b) = match (self, other) {
            (Value::Number(a, unit_a), Value::Number(b, unit_b)) => {
                if unit_a.is_some() && unit_b.is_some() && unit_a != unit_b {
                    return not_amounts(Decided::Different);
                }
                (*a, *b)
            }
            (Value::Duration(a), Value::Duration(b)) => (*a, *b),
            (Value::Date(a), Value::Date(b)) => (a.as_days(), b.as_days()),
            (Value::Text(a), Value::Text(b)) if a == b => return not_amounts(Decided::Same),
            _ => return not_amounts(Decided::Different),
        };
        let allowed = tolerance.map_or(0.0, |t| t.allows(a.exact, b.exact));
        let gap = a.gap(&b);
        let decided = if a == b {
            Decided::Same
        } else if a.overlaps(&b) {
            let figure = |q: Quantity| match q.qualifier {
                Qualifier::About => Quantity::exact(q.exact),
                _ => q,
            };
            if figure(a).overlaps(&figure(b)) {
                Decided::Overlap
            } else {
                Decided::About
            }
        } else if tolerance.is_some() && gap <= allowed {
            Decided::Tolerance
        } else {
            Decided::Apart
        };
        Verdict {
            decided,
            gap,
            allowed,
            magnitude: a.exact.abs().max(b.exact.abs()),
        }
    }

    /// The interval a reader takes a value for when its qualifier leaves the
    /// bounds unsaid ("about 23" → "22.5 to 23.5", "almost 60" → "48 to
    /// 60"); `None` for exact values, ranges and open bounds.
    pub fn reach(&self) -> Option<String> {
        let q = match self {
            Value::Number(q, _) | Value::Duration(q) => q,
            Value::Date(_) | Value::Text(_) => return None,
        };
        if !matches!(
            q.qualifier,
            Qualifier::About | Qualifier::Almost | Qualifier::JustOver
        ) {
            return None;
        }
        let show = |v: f64| match self {
            Value::Duration(_) => describe_seconds(v),
            _ => plain(v),
        };
        Some(format!("{} to {}", show(q.low), show(q.high)))
    }

    /// A distance in this value's base unit, as a reader says it.
    pub fn describe_amount(&self, amount: f64) -> String {
        match self {
            Value::Duration(_) => describe_seconds(amount),
            Value::Date(_) if amount == 1.0 => "1 day".to_string(),
            Value::Date(_) => format!("{} days", plain(amount)),
            _ => plain(amount),
        }
    }
}

impl fmt::Display for Tolerance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Tolerance::Absolute(t) => write!(f, "{}", plain(*t)),
            Tolerance::Percent(p) => write!(f, "{}%", plain(*p)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::test_number as number;

    #[test]
    fn about_reaches_as_far_as_the_figure_is_precise() {
        assert_eq!(number("about 23").reach().as_deref(), Some("22.5 to 23.5"));
        assert_eq!(number("about 20").reach().as_deref(), Some("18 to 22"));
        assert_eq!(
            number("about 2,000").reach().as_deref(),
            Some("1900 to 2100")
        );
        assert_eq!(number("23").reach(), None);
        // "just over" and "almost" reach as far as "about" does, on one side.
        assert_eq!(number("just over 40").reach().as_deref(), Some("40 to 44"));
        assert_eq!(
            number("almost 2,000").reach().as_deref(),
            Some("1900 to 2000")
        );
        let verdict = number("about 23").compare(&number("21"), None);
        assert_eq!(verdict.decided, Decided::Apart);
        assert_eq!(verdict.gap, 1.5);
    }

    #[test]
    fn a_tolerance_closes_the_gap_it_names_and_no_more() {
        let t = Tolerance::parse(ValueType::Number, &Written::Number(2.0)).unwrap();
        assert_eq!(
            number("21").compare(&number("23"), Some(t)).decided,
            Decided::Tolerance
        );
        assert_eq!(
            number("21").compare(&number("23.5"), Some(t)).decided,
            Decided::Apart
        );
        let pct = Tolerance::parse(ValueType::Number, &Written::Text("10%".into())).unwrap();
        // 10% of the larger, 200: 190 agrees with 200, 170 does not.
        assert!(number("190").compare(&number("200"), Some(pct)).agrees());
        assert!(!number("170").compare(&number("200"), Some(pct)).agrees());
    }

    #[test]
    fn tolerances_are_written_in_the_facts_own_units() {
        let parse = |kind, text: &str| Tolerance::parse(kind, &Written::Text(text.into()));
        assert_eq!(
            parse(ValueType::Duration, "30 minutes"),
            Ok(Tolerance::Absolute(1800.0))
        );
        assert_eq!(
            parse(ValueType::Date, "2 days"),
            Ok(Tolerance::Absolute(2.0))
        );
        assert!(parse(ValueType::Date, "5%").is_err());
        assert!(parse(ValueType::Date, "36 hours").is_err());
        assert!(parse(ValueType::Text, "1").is_err());
        assert!(Tolerance::parse(ValueType::Duration, &Written::Number(3.0)).is_err());
        assert!(Tolerance::parse(ValueType::Number, &Written::Number(-1.0)).is_err());
    }
}
