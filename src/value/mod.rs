//! Fact values: the text a `[[fact]]` pattern captures, normalized by the
//! rule's `type`, and the test of whether two values can denote the same thing.

use std::fmt;

use jiff::civil::Date;
use serde::Deserialize;

mod dates;
mod duration;
mod interval;
mod number;
mod tense;
mod tolerance;

use crate::text::fold;
use dates::{DateError, DateRange, parse_date};
use duration::{describe_seconds, parse_duration};
pub use interval::{Qualifier, Quantity};
use interval::{about_spread, plain, qualifier_before};
use number::{Unit, parse_number};
pub use tolerance::{Decided, Tolerance, Verdict, Written as WrittenTolerance};

/// A number as a test writes it ("about 1,200"), normalized with no words
/// around it and no publication date: one helper for the tests of the
/// modules that compare values.
#[cfg(test)]
pub(crate) fn test_number(text: &str) -> Value {
    let cx = ValueContext {
        before: "",
        after: "",
        published: None,
        date_order: DateOrder::Mdy,
        synonyms: &[],
    };
    normalize(ValueType::Number, text, &cx).unwrap()
}

/// How `04/05/2025` is read by date facts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateOrder {
    #[default]
    Mdy,
    Dmy,
    Ymd,
}

/// The `type` of a fact rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ValueType {
    Number,
    Date,
    Duration,
    Text,
}

impl ValueType {
    pub fn as_str(self) -> &'static str {
        match self {
            ValueType::Number => "number",
            ValueType::Date => "date",
            ValueType::Duration => "duration",
            ValueType::Text => "text",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Number(Quantity, Option<Unit>),
    Date(DateRange),
    /// Seconds.
    Duration(Quantity),
    Text(String),
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Number(q, unit) => match unit {
                Some(Unit::Percent) => f.write_str(&q.describe(&|v| format!("{}%", plain(v)))),
                Some(Unit::Currency(code)) => {
                    f.write_str(&q.describe(&|v| format!("{code} {}", plain(v))))
                }
                None => f.write_str(&q.describe(&plain)),
            },
            Value::Date(range) => write!(f, "{range}"),
            Value::Duration(q) => f.write_str(&q.describe(&describe_seconds)),
            Value::Text(text) => f.write_str(text),
        }
    }
}

impl Value {
    /// The value as v1 fingerprints hash it: as displayed, except durations,
    /// which fingerprints keep in the notation they were first shown in
    /// ("60 min", "2922 days") however the display changes.
    pub fn fingerprinted(&self) -> String {
        match self {
            Value::Duration(q) => q.describe(&duration::fingerprinted_seconds),
            _ => self.to_string(),
        }
    }
}

/// Why a captured value is not evidence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ValueError {
    /// A relative date in a source without a `published` date.
    NeedsPublished,
    /// The capture is not a value of the rule's type.
    Unreadable,
    /// A date whose weekday contradicts it: what the text says instead.
    WeekdayMismatch(String),
}

/// What normalizing a value may need besides the text.
pub struct ValueContext<'a> {
    /// The sentence text just before the capture (qualifiers such as
    /// "about"; the tense of a date: "will meet on").
    pub before: &'a str,
    /// The sentence text just after the capture (the tense of a date: "on
    /// Friday, the court ruled").
    pub after: &'a str,
    pub published: Option<Date>,
    pub date_order: DateOrder,
    /// Text facts: (variant, canonical), both folded.
    pub synonyms: &'a [(String, String)],
}

/// Normalizes captured text as a value of type `kind`.
pub fn normalize(kind: ValueType, raw: &str, cx: &ValueContext) -> Result<Value, ValueError> {
    match kind {
        ValueType::Number => {
            let number = parse_number(raw).ok_or(ValueError::Unreadable)?;
            let mut quantity = number.quantity;
            if quantity.qualifier == Qualifier::Exact {
                if let Some(q) = qualifier_before(cx.before) {
                    let spread = about_spread(quantity.exact, number.step);
                    quantity = Quantity::qualified(quantity.exact, q, spread);
                }
            }
            Ok(Value::Number(quantity, number.unit))
        }
        ValueType::Date => parse_date(
            raw,
            cx.published,
            cx.date_order,
            tense::tense_of(cx.before, cx.after),
        )
        .map(Value::Date)
        .map_err(|e| match e {
            DateError::NeedsPublished => ValueError::NeedsPublished,
            DateError::Unrecognized => ValueError::Unreadable,
            DateError::WeekdayMismatch { named, date } => ValueError::WeekdayMismatch(format!(
                "{date} is a {:?}, not a {named:?}",
                date.weekday()
            )),
        }),
        ValueType::Duration => parse_duration(raw, cx.before)
            .map(Value::Duration)
            .ok_or(ValueError::Unreadable),
        ValueType::Text => {
            let folded = fold(raw);
            if folded.is_empty() {
                return Err(ValueError::Unreadable);
            }
            let canonical = cx
                .synonyms
                .iter()
                .find(|(variant, _)| *variant == folded)
                .map_or(folded, |(_, canonical)| canonical.clone());
            Ok(Value::Text(canonical))
        }
    }
}
