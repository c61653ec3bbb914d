//! Numbers as news text writes them ("1,000", "1 000", "1.5 million",
//! "thirty", "twenty-five", "a dozen", "30th", "$60", "25%"), read into a
//! [`Quantity`] with the qualifier before them and a unit after.

use super::interval::{Quantity, about_spread, split_qualifier, step_of};

/// What a number measures, when the text says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Percent,
    Currency(&'static str),
}

/// A number read from text: its interval and unit, and how many bytes of the
/// (trimmed, lower-cased) input it used.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Number {
    pub quantity: Quantity,
    pub unit: Option<Unit>,
    /// The unit of the figure's last significant digit, scaled ("2,000": 1,000).
    pub step: f64,
}

/// A number at the start of a text: its value, the unit of its last
/// significant digit ([`step_of`]), and the bytes it takes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Figure {
    pub value: f64,
    pub step: f64,
    pub used: usize,
}

/// Reads the number in `text`, with its qualifier, unit and range.
pub(super) fn parse_number(text: &str) -> Option<Number> {
    let lower = text
        .trim()
        .to_lowercase()
        .replace(['\u{a0}', '\u{202f}'], " ");
    let (qualifier, rest) = split_qualifier(&lower);
    if let Some((low, high)) = vague(rest) {
        return Some(Number {
            quantity: Quantity::between(low, high),
            unit: None,
            step: 1.0,
        });
    }
    let (currency, rest) = leading_currency(rest);
    let Figure { value, step, used } = leading_value(rest)?;
    let after = rest[used..].trim_start();
    let (range_end, after) = range_tail(after);
    let unit = currency
        .map(Unit::Currency)
        .or_else(|| trailing_unit(after));
    let quantity = match range_end {
        Some(high) if high > value => Quantity::between(value, high),
        _ => Quantity::qualified(value, qualifier, about_spread(value, step)),
    };
    Some(Number {
        quantity,
        unit,
        step,
    })
}

/// Vague quantities as the ranges a reader takes them for: "dozens" (24 to
/// 99), "scores" (40 to 199), "hundreds" (200 to 999), "thousands", "tens of
/// thousands", "hundreds of thousands", "millions"; "several" (3 to 9), "a
/// few" (2 to 5), "a handful" (2 to 6), and those before "hundred",
/// "thousand" or "million" ("several thousand": 3,000 to 9,000).
fn vague(text: &str) -> Option<(f64, f64)> {
    const PLURALS: &[(&str, f64, f64)] = &[
        ("tens of thousands", 2e4, 99_999.0),
        ("hundreds of thousands", 2e5, 999_999.0),
        ("millions", 2e6, 999e6),
        ("thousands", 2000.0, 9999.0),
        ("hundreds", 200.0, 999.0),
        ("scores", 40.0, 199.0),
        ("dozens", 24.0, 99.0),
    ];
    const FEW: &[(&str, f64, f64)] = &[
        ("several", 3.0, 9.0),
        ("a handful", 2.0, 6.0),
        ("a few", 2.0, 5.0),
    ];
    let word_ends =
        |rest: &str| rest.is_empty() || rest.starts_with(|c: char| !c.is_alphanumeric());
    for (phrase, low, high) in PLURALS {
        if let Some(rest) = text.strip_prefix(phrase) {
            if word_ends(rest) {
                return Some((*low, *high));
            }
        }
    }
    for (phrase, low, high) in FEW {
        let Some(rest) = text.strip_prefix(phrase) else {
            continue;
        };
        if !word_ends(rest) {
            continue;
        }
        let scale = [("hundred", 100.0), ("thousand", 1000.0), ("million", 1e6)]
            .iter()
            .find_map(|(word, scale)| {
                let after = rest.trim_start().strip_prefix(word)?;
                word_ends(after).then_some(*scale)
            })
            .unwrap_or(1.0);
        return Some((low * scale, high * scale));
    }
    None
}

fn leading_currency(text: &str) -> (Option<&'static str>, &str) {
    // (Longest first: "a$" before "$"; "$us" before "$".)
    for (sign, code) in [
        ("us$", "USD"),
        ("$us", "USD"),
        ("a$", "AUD"),
        ("au$", "AUD"),
        ("c$", "CAD"),
        ("ca$", "CAD"),
        ("nz$", "NZD"),
        ("hk$", "HKD"),
        ("s$", "SGD"),
        ("r$", "BRL"),
        ("$", "USD"),
        ("€", "EUR"),
        ("£", "GBP"),
        ("¥", "JPY"),
        ("₹", "INR"),
        ("₩", "KRW"),
        ("₺", "TRY"),
        ("₴", "UAH"),
        ("₽", "RUB"),
    ] {
        if let Some(rest) = text.strip_prefix(sign) {
            return (Some(code), rest.trim_start());
        }
    }
    (None, text)
}

fn trailing_unit(text: &str) -> Option<Unit> {
    let word: String = text
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '%')
        .collect();
    match word.as_str() {
        "%" | "percent" | "pct" => Some(Unit::Percent),
        "per" if text.starts_with("per cent") => Some(Unit::Percent),
        "dollars" | "dollar" | "usd" => Some(Unit::Currency("USD")),
        "euros" | "euro" | "eur" => Some(Unit::Currency("EUR")),
        "pounds" | "gbp" => Some(Unit::Currency("GBP")),
        "rubles" | "roubles" | "rub" => Some(Unit::Currency("RUB")),
        "hryvnias" | "hryvnia" | "uah" => Some(Unit::Currency("UAH")),
        _ if text.starts_with('%') => Some(Unit::Percent),
        _ => None,
    }
}

/// "to 3", "-3", "or 3" after a number: the top of a range.
fn range_tail(text: &str) -> (Option<f64>, &str) {
    for joiner in ["to ", "and ", "or ", "-", "–", "—"] {
        if let Some(rest) = text.strip_prefix(joiner) {
            if let Some(Figure {
                value: high, used, ..
            }) = leading_value(rest.trim_start())
            {
                let rest = rest.trim_start();
                return (Some(high), rest[used..].trim_start());
            }
        }
    }
    (None, text)
}

/// The number at the start of `text` (digits or words, with a scale word).
pub(super) fn leading_value(text: &str) -> Option<Figure> {
    let (value, step, used) = if text.starts_with(|c: char| c.is_ascii_digit()) {
        digits(text)?
    } else {
        let (value, used) = words(text)?;
        let step = if value.fract() == 0.0 {
            step_of(&format!("{value}"))
        } else {
            0.1
        };
        (value, step, used)
    };
    let rest = &text[used..];
    let trimmed = rest.trim_start();
    let word: String = trimmed.chars().take_while(|c| c.is_alphabetic()).collect();
    let scale = match word.as_str() {
        "hundred" => 100.0,
        "thousand" | "k" => 1e3,
        "million" | "m" | "mln" => 1e6,
        "billion" | "bn" | "b" => 1e9,
        "trillion" | "tn" => 1e12,
        _ => return Some(Figure { value, step, used }),
    };
    Some(Figure {
        value: value * scale,
        step: step * scale,
        used: used + (rest.len() - trimmed.len()) + word.len(),
    })
}

/// "1,000", "1 000", "1.5", "30th": thousands separators are `,` or a space
/// followed by exactly three digits.
fn digits(text: &str) -> Option<(f64, f64, usize)> {
    let bytes = text.as_bytes();
    let mut number = String::new();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if c.is_ascii_digit() {
            number.push(c as char);
            i += 1;
        } else if (c == b',' || c == b' ') && group_of_three(&bytes[i + 1..]) {
            i += 1;
        } else if c == b'.'
            && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
            && !number.contains('.')
        {
            number.push('.');
            i += 1;
        } else {
            break;
        }
    }
    for suffix in ["st", "nd", "rd", "th"] {
        if text[i..].starts_with(suffix) && !text[i + 2..].starts_with(char::is_alphabetic) {
            i += 2;
            break;
        }
    }
    Some((number.parse().ok()?, step_of(&number), i))
}

fn group_of_three(rest: &[u8]) -> bool {
    rest.len() >= 3
        && rest[..3].iter().all(u8::is_ascii_digit)
        && !rest.get(3).is_some_and(u8::is_ascii_digit)
}

const UNITS: &[(&str, f64)] = &[
    ("zero", 0.0),
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("first", 1.0),
    ("second", 2.0),
    ("third", 3.0),
    ("fourth", 4.0),
    ("fifth", 5.0),
    ("sixth", 6.0),
    ("seventh", 7.0),
    ("eighth", 8.0),
    ("ninth", 9.0),
    ("tenth", 10.0),
    ("eleventh", 11.0),
    ("twelfth", 12.0),
    ("thirteenth", 13.0),
    ("fourteenth", 14.0),
    ("fifteenth", 15.0),
    ("sixteenth", 16.0),
    ("seventeenth", 17.0),
    ("eighteenth", 18.0),
    ("nineteenth", 19.0),
];

const TENS: &[(&str, f64)] = &[
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
    ("twentieth", 20.0),
    ("thirtieth", 30.0),
    ("fortieth", 40.0),
    ("fiftieth", 50.0),
    ("sixtieth", 60.0),
    ("seventieth", 70.0),
    ("eightieth", 80.0),
    ("ninetieth", 90.0),
];

/// "thirty", "twenty-five", "a dozen", "two hundred and five", "a half".
fn words(text: &str) -> Option<(f64, usize)> {
    let mut total = 0.0;
    let mut current = 0.0;
    let mut seen = false;
    let mut used = 0;
    let mut at = 0;
    let mut pending_article = false;
    // After "half" or "a quarter": "of a million" still follows.
    let mut fraction = false;
    for piece in text.split_inclusive([' ', '-']) {
        let word = piece.trim_end_matches([' ', '-']);
        let start = at;
        at += piece.len();
        let lookup =
            |table: &[(&str, f64)]| table.iter().find(|(w, _)| *w == word).map(|(_, v)| *v);
        if let Some(v) = lookup(UNITS).or_else(|| lookup(TENS)) {
            current += v;
        } else if word == "hundred" && (seen || pending_article) {
            current = current.max(1.0) * 100.0;
        } else if let Some(scale) = match word {
            "thousand" => Some(1e3),
            "million" => Some(1e6),
            "billion" => Some(1e9),
            _ => None,
        } {
            if !(seen || pending_article) {
                break;
            }
            // ("half a million": the half counts; "a million": one.)
            total += if current == 0.0 { 1.0 } else { current } * scale;
            current = 0.0;
        } else if word == "dozen" && (seen || pending_article) {
            current = current.max(1.0) * 12.0;
        } else if word == "half" && (seen || pending_article) {
            current += 0.5;
        } else if word == "half" && (text[at..].starts_with("a ") || text[at..].starts_with("an "))
        {
            // "half a million", "half an hour"'s number: a half of what follows.
            current = 0.5;
            fraction = true;
        } else if matches!(word, "quarter" | "quarters")
            && (seen || pending_article)
            && (text[at..].starts_with("of a ") || text[at..].starts_with("of an "))
        {
            // "a quarter of a million", "three quarters of a million"
            current = current.max(1.0) * 0.25;
            fraction = true;
        } else if fraction && (word == "of" || matches!(word, "a" | "an") && total == 0.0) {
            continue;
        } else if matches!(word, "a" | "an") && !seen {
            pending_article = true;
            continue;
        } else if word == "and" && seen {
            continue;
        } else {
            break;
        }
        seen = true;
        pending_article = false;
        used = start + word.len();
    }
    seen.then_some((total + current, used))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::interval::Qualifier;

    fn value(text: &str) -> f64 {
        parse_number(text)
            .unwrap_or_else(|| panic!("no number in {text:?}"))
            .quantity
            .exact
    }

    #[test]
    fn digits_and_words() {
        assert_eq!(value("1,000"), 1000.0);
        assert_eq!(value("1 000 troops"), 1000.0);
        assert_eq!(value("1.5"), 1.5);
        assert_eq!(value("1.5 million"), 1_500_000.0);
        assert_eq!(value("thirty"), 30.0);
        assert_eq!(value("twenty-five"), 25.0);
        assert_eq!(value("a dozen"), 12.0);
        assert_eq!(value("two hundred and five"), 205.0);
        assert_eq!(value("30th"), 30.0);
        assert_eq!(value("third"), 3.0);
        assert_eq!(value("30-day"), 30.0);
        assert_eq!(value("a quarter of a million pounds"), 250_000.0);
        assert_eq!(value("three quarters of a million"), 750_000.0);
        assert_eq!(value("half a million"), 500_000.0);
    }

    #[test]
    fn units_and_ranges() {
        let money = parse_number("$60 per barrel").unwrap();
        assert_eq!(
            (money.quantity.exact, money.unit),
            (60.0, Some(Unit::Currency("USD")))
        );
        assert_eq!(parse_number("25%").unwrap().unit, Some(Unit::Percent));
        assert_eq!(
            parse_number("25 percent").unwrap().unit,
            Some(Unit::Percent)
        );
        let range = parse_number("2 to 3").unwrap().quantity;
        assert_eq!((range.low, range.high), (2.0, 3.0));
        let more = parse_number("more than 1,000").unwrap().quantity;
        assert!(more.low_open && more.high.is_infinite());
    }

    #[test]
    fn overlap_follows_the_qualifiers() {
        let about = Quantity::qualified(60.0, Qualifier::About, 6.0);
        let almost = Quantity::qualified(60.0, Qualifier::Almost, 6.0);
        let more_than_two_hours = Quantity::qualified(120.0, Qualifier::MoreThan, 0.0);
        assert!(about.overlaps(&almost));
        assert!(!Quantity::exact(90.0).overlaps(&more_than_two_hours));
        assert!(!Quantity::exact(120.0).overlaps(&more_than_two_hours));
        assert!(Quantity::exact(121.0).overlaps(&more_than_two_hours));
    }
}
