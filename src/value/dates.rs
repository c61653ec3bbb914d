//! Dates, absolute and relative, resolved against a source's publication date.
//!
//! Absolute: "April 4", "4 April 2025", "Apr. 4", "April 4th", "2025-04-04",
//! "04/04/2025" (read by `date_order`). A month and day without a year take the
//! year that puts them nearest the publication date, so "Dec. 30" in a paper
//! of January 2 is the December just gone.
//!
//! Relative: a bare weekday ("Friday", "on Thursday", "late Thursday") is the
//! most recent such day on or before publication, as past-tense news uses it,
//! or in a sentence about the future ("will meet on Friday", [`Tense`]) the
//! next such day on or after it; "last Friday" is strictly before, "next
//! Friday" strictly after. A month without a year follows the tense too: "was
//! convicted in March" in an October report is the March gone. Also
//! "today", "yesterday", "tomorrow", "N days ago", "earlier this week",
//! "this/last/next week", "this/last/next month", "earlier this month",
//! "last year", "in the coming days", "over the weekend". The result is one day
//! or an inclusive range.

use std::fmt;
use std::sync::LazyLock;

use jiff::ToSpan;
use jiff::civil::{Date, Weekday};
use regex::Regex;

use super::DateOrder;
use super::interval::Quantity;
use super::tense::Tense;
use crate::text::fold_lower;
use crate::text::lexicon::{MONTH_NAMES, MONTH_STEMS, WEEKDAY_NAMES};

/// One day, or an inclusive range of days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateRange {
    pub from: Date,
    pub to: Date,
}

impl DateRange {
    fn day(date: Date) -> Self {
        DateRange {
            from: date,
            to: date,
        }
    }

    /// The range as day numbers, so gaps between dates count in days.
    pub(super) fn as_days(&self) -> Quantity {
        let day = |d: Date| {
            d.since(jiff::civil::date(1970, 1, 1))
                .map_or(0.0, |span| span.get_days() as f64)
        };
        if self.from == self.to {
            Quantity::exact(day(self.from))
        } else {
            Quantity::between(day(self.from), day(self.to))
        }
    }
}

impl fmt::Display for DateRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.from == self.to {
            write!(f, "{}", self.from)
        } else {
            write!(f, "{}..{}", self.from, self.to)
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum DateError {
    /// Relative, or without a year, and the source has no `published` date.
    NeedsPublished,
    Unrecognized,
    /// "Wednesday, July 3" when July 3 is a Thursday: the text contradicts
    /// itself, and no one can say which day it means.
    WeekdayMismatch {
        named: Weekday,
        date: Date,
    },
}

/// [`WEEKDAY_NAMES`], in the same order.
const WEEKDAYS: [Weekday; 7] = [
    Weekday::Monday,
    Weekday::Tuesday,
    Weekday::Wednesday,
    Weekday::Thursday,
    Weekday::Friday,
    Weekday::Saturday,
    Weekday::Sunday,
];

static ISO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{4})-(\d{1,2})-(\d{1,2})\b").unwrap());
static NUMERIC: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,4})[/.](\d{1,2})[/.](\d{1,4})\b").unwrap());
static MONTH_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?\b(?:(?:-|–| to | and )(\d{1,2})\b)?(?:,? (\d{4}))?")
        .unwrap()
});
static DAY_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:the )?(\d{1,2})(?:st|nd|rd|th)?(?: of)? ([a-z]+)\.?(?:,? (\d{4}))?").unwrap()
});
static MONTH_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([a-z]+)\.?(?: of)?,? (\d{4})\b").unwrap());
static AGO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\S+(?: \S+)?) (day|week)s? ago\b").unwrap());

/// Resolves a date expression.
pub(super) fn parse_date(
    text: &str,
    published: Option<Date>,
    order: DateOrder,
    tense: Tense,
) -> Result<DateRange, DateError> {
    let lower = normalize(text);
    let text = strip_fillers(&lower);
    // "Wednesday, July 3": the date, which the weekday must agree with.
    if let Some((named, rest)) = leading_weekday(text) {
        if let Ok(range) = parse_date(rest, published, order, tense) {
            if range.from == range.to {
                if range.from.weekday() != named {
                    return Err(DateError::WeekdayMismatch {
                        named,
                        date: range.from,
                    });
                }
                return Ok(range);
            }
        }
    }
    if let Some(range) = absolute(text, order) {
        return Ok(range);
    }
    if let Some(found) = month_without_year(text) {
        let published = published.ok_or(DateError::NeedsPublished)?;
        return found(published, tense).ok_or(DateError::Unrecognized);
    }
    let published = published.ok_or(if looks_relative(text) {
        DateError::NeedsPublished
    } else {
        DateError::Unrecognized
    })?;
    relative(text, published, tense).ok_or(DateError::Unrecognized)
}

fn normalize(text: &str) -> String {
    fold_lower(&text.replace(['\u{a0}', '\u{202f}'], " "))
}

/// Drops words that do not change the day: "on", "late", "early", "the".
fn strip_fillers(mut text: &str) -> &str {
    loop {
        let before = text;
        for filler in [
            "on ",
            "in ",
            "late ",
            "early ",
            "earlier on ",
            "by ",
            "since ",
            "as of ",
        ] {
            text = text.strip_prefix(filler).unwrap_or(text);
        }
        if text == before {
            return text;
        }
    }
}

fn month_number(word: &str) -> Option<i8> {
    let word = word.trim_end_matches('.');
    if word.len() < 3 {
        return None;
    }
    let index = MONTH_STEMS.iter().position(|m| word.starts_with(m))?;
    // A full name, or an abbreviation of three or four letters ("Sept"):
    // "marching" is no month.
    let ok = MONTH_NAMES[index] == word || word.len() <= 4 && MONTH_NAMES[index].starts_with(word);
    ok.then_some(index as i8 + 1)
}

fn date(year: i64, month: i64, day: i64) -> Option<Date> {
    Date::new(
        i16::try_from(year).ok()?,
        i8::try_from(month).ok()?,
        i8::try_from(day).ok()?,
    )
    .ok()
}

fn absolute(text: &str, order: DateOrder) -> Option<DateRange> {
    if let Some(c) = ISO.captures(text) {
        return date(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)
            .map(DateRange::day);
    }
    if let Some(c) = NUMERIC.captures(text) {
        let (a, b, c): (i64, i64, i64) =
            (c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?);
        let full_year = |y: i64| if y < 100 { 2000 + y } else { y };
        let (y, m, d) = match order {
            _ if a > 31 => (a, b, c),
            DateOrder::Mdy => (full_year(c), a, b),
            DateOrder::Dmy => (full_year(c), b, a),
            DateOrder::Ymd => (a, b, c),
        };
        return date(y, m, d).map(DateRange::day);
    }
    if let Some(c) = MONTH_DAY.captures(text) {
        if let (Some(month), Some(year)) = (month_number(&c[1]), c.get(4)) {
            let year: i64 = year.as_str().parse().ok()?;
            let from = date(year, month.into(), c[2].parse().ok()?)?;
            let to = match c.get(3) {
                Some(end) => date(year, month.into(), end.as_str().parse().ok()?)?,
                None => from,
            };
            return (from <= to).then_some(DateRange { from, to });
        }
    }
    if let Some(c) = DAY_MONTH.captures(text) {
        if let (Some(month), Some(year)) = (month_number(&c[2]), c.get(3)) {
            return date(
                year.as_str().parse().ok()?,
                month.into(),
                c[1].parse().ok()?,
            )
            .map(DateRange::day);
        }
    }
    if let Some(c) = MONTH_YEAR.captures(text) {
        let month = month_number(&c[1])?;
        let first = date(c[2].parse().ok()?, month.into(), 1)?;
        return Some(DateRange {
            from: first,
            to: first.last_of_month(),
        });
    }
    None
}

type Resolver = Box<dyn Fn(Date, Tense) -> Option<DateRange>>;

/// "April 4", "4 April", "April": the year comes from the publication date,
/// and from the tense: the last one for the past, the next for the future,
/// else the nearest.
fn month_without_year(text: &str) -> Option<Resolver> {
    let month_day = MONTH_DAY.captures(text).and_then(|c| {
        let last = c.get(3).and_then(|end| end.as_str().parse::<i8>().ok());
        Some((month_number(&c[1])?, Some((c[2].parse::<i8>().ok()?, last))))
    });
    let day_month = || {
        DAY_MONTH
            .captures(text)
            .and_then(|c| Some((month_number(&c[2])?, Some((c[1].parse::<i8>().ok()?, None)))))
    };
    let (month, day) = if let Some(found) = month_day.or_else(day_month) {
        found
    } else {
        let word = text.strip_prefix("in ").unwrap_or(text);
        (month_number(word.split(' ').next()?)?, None)
    };
    Some(Box::new(move |published: Date, tense: Tense| {
        let candidates = (-1..=1).filter_map(|offset| {
            let year = published.year() + offset;
            match day {
                Some((day, last)) => {
                    let from = Date::new(year, month, day).ok()?;
                    let to = last
                        .map_or(Ok(from), |last| Date::new(year, month, last))
                        .ok()?;
                    (from <= to).then_some(DateRange { from, to })
                }
                None => Date::new(year, month, 1).ok().map(|first| DateRange {
                    from: first,
                    to: first.last_of_month(),
                }),
            }
        });
        let distance = |range: &DateRange| {
            let days = |d: Date| {
                d.since(published)
                    .map_or(i32::MAX, |span| span.get_days().abs())
            };
            days(range.from).min(days(range.to))
        };
        match tense {
            Tense::Unmarked => candidates.min_by_key(distance),
            Tense::Past => candidates
                .filter(|range| range.from <= published)
                .min_by_key(distance),
            Tense::Future => candidates
                .filter(|range| range.to >= published)
                .min_by_key(distance),
        }
    }))
}

fn looks_relative(text: &str) -> bool {
    const WORDS: &[&str] = &[
        "today",
        "tonight",
        "yesterday",
        "tomorrow",
        "week",
        "month",
        "year",
        "ago",
        "coming",
        "weekend",
        "morning",
        "evening",
        "day",
    ];
    WORDS.iter().any(|w| text.contains(w)) || weekday_in(text).is_some()
}

/// A weekday that opens `text` and is followed by a date that starts with a
/// month or a digit: ("wednesday", "july 3").
fn leading_weekday(text: &str) -> Option<(Weekday, &str)> {
    let end = text.find([' ', ','])?;
    let named = WEEKDAY_NAMES
        .iter()
        .position(|name| *name == &text[..end])
        .map(|i| WEEKDAYS[i])?;
    let rest = text[end..].trim_start_matches([',', ' ']);
    let starts_date = rest.starts_with(|c: char| c.is_ascii_digit())
        || rest
            .split([' ', '.'])
            .next()
            .is_some_and(|w| month_number(w).is_some());
    starts_date.then_some((named, rest))
}

fn weekday_in(text: &str) -> Option<Weekday> {
    let word = text
        .split([' ', ',', '.', '\'', '’'])
        .find(|w| !w.is_empty())?;
    WEEKDAY_NAMES
        .iter()
        .position(|name| {
            *name == word || (word.len() >= 3 && name.starts_with(word) && word.len() <= 4)
        })
        .map(|i| WEEKDAYS[i])
}

fn relative(text: &str, published: Date, tense: Tense) -> Option<DateRange> {
    let day = |offset: i64| {
        published
            .checked_add(jiff::Span::new().try_days(offset).ok()?)
            .ok()
            .map(DateRange::day)
    };
    match text {
        "today" | "tonight" | "this morning" | "this afternoon" | "this evening"
        | "earlier today" | "earlier in the day" | "later in the day" | "later that day"
        | "earlier that day" => {
            return day(0);
        }
        "yesterday"
        | "last night"
        | "yesterday morning"
        | "yesterday evening"
        | "yesterday afternoon" => {
            return day(-1);
        }
        "the day before yesterday" => return day(-2),
        "tomorrow" | "tomorrow morning" | "tomorrow afternoon" | "tomorrow evening"
        | "tomorrow night" => return day(1),
        "the day after tomorrow" => return day(2),
        _ => {}
    }
    if let Some(c) = AGO.captures(text) {
        let count = super::number::leading_value(&c[1])
            .map(|figure| figure.value as i64)
            .or_else(|| matches!(&c[1], "a" | "one").then_some(1))?;
        let unit = if &c[2] == "week" { 7 } else { 1 };
        return day(count.checked_mul(unit)?.checked_neg()?);
    }
    let week_start = |d: Date| d.tomorrow().ok()?.nth_weekday(-1, Weekday::Monday).ok();
    let week = |offset_weeks: i64| {
        let monday = week_start(published)?
            .checked_add(
                jiff::Span::new()
                    .try_days(offset_weeks.checked_mul(7)?)
                    .ok()?,
            )
            .ok()?;
        Some(DateRange {
            from: monday,
            to: monday.checked_add(6.days()).ok()?,
        })
    };
    let month = |offset: i64| {
        let first = published
            .first_of_month()
            .checked_add(jiff::Span::new().try_months(offset).ok()?)
            .ok()?;
        Some(DateRange {
            from: first,
            to: first.last_of_month(),
        })
    };
    match text {
        "earlier this week" => {
            return Some(DateRange {
                from: week_start(published)?,
                to: published,
            });
        }
        "this week" => return week(0),
        "last week" => return week(-1),
        "next week" => return week(1),
        "earlier this month" => {
            return Some(DateRange {
                from: published.first_of_month(),
                to: published,
            });
        }
        "this month" => return month(0),
        "last month" => return month(-1),
        "next month" => return month(1),
        "earlier this year" => {
            return Some(DateRange {
                from: published.first_of_year(),
                to: published,
            });
        }
        "last year" => {
            let first = published.first_of_year().checked_add((-1).years()).ok()?;
            return Some(DateRange {
                from: first,
                to: first.last_of_year(),
            });
        }
        "in the coming days"
        | "the coming days"
        | "coming days"
        | "in the next few days"
        | "the next few days" => {
            return Some(DateRange {
                from: published,
                to: published.checked_add(7.days()).ok()?,
            });
        }
        "over the weekend" | "this weekend" | "the weekend" | "last weekend" => {
            let sunday = published
                .tomorrow()
                .ok()?
                .nth_weekday(-1, Weekday::Sunday)
                .ok()?;
            return Some(DateRange {
                from: sunday.yesterday().ok()?,
                to: sunday,
            });
        }
        _ => {}
    }
    let (modifier, rest) = match text.split_once(' ') {
        Some((m @ ("last" | "next" | "this" | "past"), rest)) => (m, rest),
        _ => ("", text),
    };
    let weekday = weekday_in(rest)?;
    let date = match modifier {
        "last" | "past" => published.nth_weekday(-1, weekday).ok()?,
        "next" => published.nth_weekday(1, weekday).ok()?,
        _ if tense == Tense::Future => published.yesterday().ok()?.nth_weekday(1, weekday).ok()?,
        _ => published.tomorrow().ok()?.nth_weekday(-1, weekday).ok()?,
    };
    Some(DateRange::day(date))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn on(text: &str, published: Date) -> String {
        parse_date(text, Some(published), DateOrder::Mdy, Tense::Unmarked)
            .map(|r| r.to_string())
            .unwrap_or_else(|e| format!("{e:?}"))
    }

    #[test]
    fn a_weekday_that_contradicts_its_date_is_an_error() {
        let published = Some(jiff::civil::date(2025, 7, 10));
        // July 3, 2025 was a Thursday.
        assert_eq!(
            parse_date(
                "Wednesday, July 3",
                published,
                DateOrder::Mdy,
                Tense::Unmarked
            ),
            Err(DateError::WeekdayMismatch {
                named: Weekday::Wednesday,
                date: jiff::civil::date(2025, 7, 3)
            })
        );
        let agreed = parse_date(
            "Thursday, July 3, 2025",
            published,
            DateOrder::Mdy,
            Tense::Unmarked,
        )
        .unwrap();
        assert_eq!(agreed.from, jiff::civil::date(2025, 7, 3));
        assert!(
            parse_date(
                "Thursday 3 July",
                published,
                DateOrder::Dmy,
                Tense::Unmarked
            )
            .is_ok()
        );
        // A weekday with no date after it is still relative.
        assert!(
            parse_date(
                "Wednesday night",
                published,
                DateOrder::Mdy,
                Tense::Unmarked
            )
            .is_ok()
        );
    }

    #[test]
    fn weekdays_resolve_to_the_most_recent_on_or_before() {
        let friday = date(2025, 4, 4);
        assert_eq!(on("Friday", friday), "2025-04-04");
        assert_eq!(on("on Thursday", friday), "2025-04-03");
        assert_eq!(on("late Saturday", friday), "2025-03-29");
        assert_eq!(on("last Friday", friday), "2025-03-28");
        assert_eq!(on("next Monday", friday), "2025-04-07");
    }

    #[test]
    fn month_day_takes_the_nearest_year() {
        assert_eq!(on("Dec. 30", date(2025, 1, 2)), "2024-12-30");
        assert_eq!(on("Jan. 3", date(2024, 12, 30)), "2025-01-03");
        assert_eq!(on("April 4", date(2025, 4, 4)), "2025-04-04");
    }

    #[test]
    fn a_relative_date_needs_a_publication_date() {
        assert_eq!(
            parse_date("Friday", None, DateOrder::Mdy, Tense::Unmarked),
            Err(DateError::NeedsPublished)
        );
        assert_eq!(
            parse_date("April 4", None, DateOrder::Mdy, Tense::Unmarked),
            Err(DateError::NeedsPublished)
        );
        assert!(parse_date("April 4, 2025", None, DateOrder::Mdy, Tense::Unmarked).is_ok());
    }
}
