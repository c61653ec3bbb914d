//! Durations: "1.5 hours", "90 minutes", "an hour and a half", "two-hour-long",
//! "half an hour", "1 hour 30 minutes", "2-3 days", with qualifiers ("more
//! than", "about", "almost") giving ranges. Values are in seconds.

use super::interval::{Qualifier, Quantity, about_spread, qualifier_before, split_qualifier};
use super::number::{Figure, leading_value};

const UNITS: &[(&str, f64)] = &[
    ("seconds", 1.0),
    ("second", 1.0),
    ("secs", 1.0),
    ("sec", 1.0),
    ("minutes", 60.0),
    ("minute", 60.0),
    ("mins", 60.0),
    ("min", 60.0),
    ("hours", 3600.0),
    ("hour", 3600.0),
    ("hrs", 3600.0),
    ("hr", 3600.0),
    ("h", 3600.0),
    ("days", 86400.0),
    ("day", 86400.0),
    ("weeks", 604_800.0),
    ("week", 604_800.0),
    ("months", 2_629_800.0),
    ("month", 2_629_800.0),
    ("years", 31_557_600.0),
    ("year", 31_557_600.0),
];

fn unit(word: &str) -> Option<f64> {
    UNITS.iter().find(|(w, _)| *w == word).map(|(_, s)| *s)
}

/// Reads a duration; `before` is the text just before it in the sentence,
/// where a qualifier may stand ("lasted *more than* two hours").
pub(super) fn parse_duration(text: &str, before: &str) -> Option<Quantity> {
    let lower = text.trim().to_lowercase().replace(['-', '‑', '–'], " ");
    let (qualifier, rest) = split_qualifier(&lower);
    let qualifier = match qualifier {
        Qualifier::Exact => qualifier_before(before).unwrap_or(Qualifier::Exact),
        q => q,
    };
    // "a couple of hours": about two
    let (qualifier, rest) = match rest.strip_prefix("a couple of ") {
        Some(unit) => (Qualifier::About, format!("two {unit}")),
        None => (qualifier, rest.to_string()),
    };
    let read = total_seconds(&rest)?;
    Some(match read.range_high {
        Some(high) => Quantity::between(read.seconds, high),
        None => Quantity::qualified(read.seconds, qualifier, read.about),
    })
}

/// A duration as read: seconds, the top of a range, and how far "about"
/// reaches, measured in the unit the text used ("about 90 minutes": 5
/// minutes; "about two hours": 12 minutes).
struct Read {
    seconds: f64,
    range_high: Option<f64>,
    about: f64,
}

/// Adds up "1 hour 30 minutes", "an hour and a half", "two and a half hours";
/// a range "2 to 3 hours" gives its top as the second value.
fn total_seconds(text: &str) -> Option<Read> {
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let mut total = 0.0;
    let mut about = 0.0;
    // (count, the unit of its last significant digit)
    let mut pending: Option<(f64, f64)> = None;
    let mut range_low: Option<f64> = None;
    let mut last_unit = None;
    let mut found = false;
    let mut i = 0;
    while i < tokens.len() {
        let token = tokens[i].trim_matches(|c: char| !c.is_alphanumeric() && c != '.');
        if let Some(seconds) = unit(token) {
            let (count, step) = pending.take().unwrap_or((1.0, 1.0));
            if let Some(low) = range_low.take() {
                return Some(Read {
                    seconds: low * seconds,
                    range_high: Some(count * seconds),
                    about: 0.0,
                });
            }
            total += count * seconds;
            about = about_spread(count, step) * seconds;
            last_unit = Some(seconds);
            found = true;
        } else if let Some((hours, minutes)) = clock_style(token) {
            total += hours * 3600.0 + minutes * 60.0;
            found = true;
        } else if token == "half" {
            // "half an hour" (a unit follows) or "an hour and a half" (one came before)
            let plus_half = |(count, _): (f64, f64)| (count + 0.5, 0.5);
            match (tokens.get(i + 1), last_unit) {
                (Some(&"an" | &"a"), _) => pending = Some(plus_half(pending.unwrap_or((0.0, 1.0)))),
                (_, Some(seconds)) if pending.is_none() => total += 0.5 * seconds,
                _ => pending = Some(plus_half(pending.unwrap_or((0.0, 1.0)))),
            }
            found |= last_unit.is_some();
        } else if matches!(
            token,
            "a" | "an" | "and" | "long" | "of" | "the" | "lasting"
        ) {
            // articles and joiners
        } else if matches!(token, "to" | "or") && pending.is_some() {
            range_low = pending.take().map(|(count, _)| count);
        } else if let Some(Figure { value, step, used }) = leading_value(&tokens[i..].join(" ")) {
            // A number may span tokens ("twenty five"); skip what it used.
            let consumed = tokens[i..].join(" ")[..used]
                .split_whitespace()
                .count()
                .max(1);
            pending = Some(match pending {
                Some((count, _)) => (count + value, step),
                None => (value, step),
            });
            i += consumed;
            continue;
        } else if pending.is_some() && adjectives_then_unit(&tokens[i..]) {
            // "eight grueling weeks", "three long months": the unit follows.
        } else if found {
            break;
        } else {
            return None;
        }
        i += 1;
    }
    found.then_some(Read {
        seconds: total,
        range_high: None,
        about,
    })
}

/// Whether one or two words that are no number stand before a unit
/// ("grueling weeks", "long, hard months").
fn adjectives_then_unit(tokens: &[&str]) -> bool {
    let word = |t: &str| t.trim_matches(|c: char| !c.is_alphanumeric()).to_string();
    let is_adjective = |t: &str| {
        let w = word(t);
        !w.is_empty() && w.chars().all(char::is_alphabetic) && unit(&w).is_none()
    };
    match tokens {
        [a, next, ..] if is_adjective(a) && unit(&word(next)).is_some() => true,
        [a, b, next, ..] => is_adjective(a) && is_adjective(b) && unit(&word(next)).is_some(),
        _ => false,
    }
}

/// "1h30", "2h", "1:30" (hours and minutes).
fn clock_style(token: &str) -> Option<(f64, f64)> {
    let (hours, minutes) = token.split_once(['h', ':'])?;
    let hours: f64 = hours.parse().ok()?;
    let minutes: f64 = if minutes.is_empty() {
        0.0
    } else {
        minutes.parse().ok()?
    };
    Some((hours, minutes))
}

/// Seconds as people say them: in the largest unit that holds them whole
/// ("8 years", "50 months", "6 weeks", "36 h", "90 min"), else as
/// fingerprints write them ("2.5 h" under two days, "2.25 days" above).
pub(super) fn describe_seconds(seconds: f64) -> String {
    use super::interval::plain;
    const SAID: &[(f64, &str, &str)] = &[
        (31_557_600.0, "year", "years"),
        (2_629_800.0, "month", "months"),
        (604_800.0, "week", "weeks"),
        (86_400.0, "day", "days"),
        (3600.0, "h", "h"),
        (60.0, "min", "min"),
        (1.0, "s", "s"),
    ];
    let whole = SAID.iter().find(|(unit, _, _)| {
        let count = seconds / unit;
        count >= 1.0 && (count - count.round()).abs() < 1e-9
    });
    let Some(&(unit, one, many)) = whole else {
        return fingerprinted_seconds(seconds);
    };
    let count = seconds / unit;
    format!("{} {}", plain(count), if count == 1.0 { one } else { many })
}

/// Seconds in the notation v1 fingerprints hash ("90 min", "2.5 h", "3
/// days"): never change it, or baselines stop matching.
pub(super) fn fingerprinted_seconds(seconds: f64) -> String {
    use super::interval::plain;
    if seconds < 60.0 {
        format!("{} s", plain(seconds))
    } else if seconds < 2.0 * 3600.0 {
        format!("{} min", plain(seconds / 60.0))
    } else if seconds < 2.0 * 86400.0 {
        format!("{} h", plain(seconds / 3600.0))
    } else {
        format!("{} days", plain(seconds / 86400.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn minutes(text: &str) -> (f64, f64) {
        let q = parse_duration(text, "").unwrap_or_else(|| panic!("no duration in {text:?}"));
        (q.low / 60.0, q.high / 60.0)
    }

    #[test]
    fn forms() {
        assert_eq!(minutes("1.5 hours"), (90.0, 90.0));
        assert_eq!(minutes("90 minutes"), (90.0, 90.0));
        assert_eq!(minutes("an hour and a half"), (90.0, 90.0));
        assert_eq!(minutes("two-hour-long"), (120.0, 120.0));
        assert_eq!(minutes("half an hour"), (30.0, 30.0));
        assert_eq!(minutes("two and a half hours"), (150.0, 150.0));
        assert_eq!(minutes("1 hour 30 minutes"), (90.0, 90.0));
        assert_eq!(minutes("2 to 3 hours"), (120.0, 180.0));
        assert_eq!(minutes("hour-long"), (60.0, 60.0));
        assert_eq!(minutes("eight grueling weeks"), (80640.0, 80640.0));
        assert_eq!(minutes("three long, hard months").0, 3.0 * 43830.0);
    }

    #[test]
    fn durations_are_shown_in_the_unit_people_use() {
        let shown = |text: &str| describe_seconds(parse_duration(text, "").unwrap().exact);
        assert_eq!(shown("96 months"), "8 years");
        assert_eq!(shown("50 months"), "50 months");
        assert_eq!(shown("42 days"), "6 weeks");
        assert_eq!(shown("a day"), "1 day");
        assert_eq!(shown("36 hours"), "36 h");
        assert_eq!(shown("90 minutes"), "90 min");
        assert_eq!(shown("1.5 hours"), "90 min");
        assert_eq!(shown("2.5 days"), "60 h");
        assert_eq!(shown("45 seconds"), "45 s");
        assert_eq!(shown("90 seconds"), "90 s");
    }

    #[test]
    fn qualifiers_in_the_value_or_before_it() {
        let q = parse_duration("more than two hours", "").unwrap();
        assert!(q.low_open && q.high.is_infinite());
        let before = parse_duration("an hour", "the call lasted about").unwrap();
        assert_eq!(before.qualifier, Qualifier::About);
        assert!(
            parse_duration("about an hour", "")
                .unwrap()
                .overlaps(&parse_duration("almost an hour", "").unwrap())
        );
    }
}
