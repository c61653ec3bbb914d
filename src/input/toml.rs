//! Reading TOML input (concord.toml, sources.toml, front matter, rule files)
//! into serde types, turning every error into a diagnostic on the exact span.
//!
//! serde reports unknown keys and variants as "unknown field `x`, expected one
//! of `a`, `b`"; this module picks the nearest valid name for the help line.

use std::ops::Range;

use serde::de::DeserializeOwned;

use crate::diagnostic::{Problem, SourceFile};

/// Parses `text` (a slice of `file` starting at byte `offset`) as `T`.
pub(crate) fn parse<T: DeserializeOwned>(
    file: &SourceFile,
    offset: usize,
    text: &str,
) -> Result<T, Problem> {
    toml::from_str(text).map_err(|err| describe(file, offset, &err))
}

fn describe(file: &SourceFile, offset: usize, err: &toml::de::Error) -> Problem {
    let message = err.message().trim().to_string();
    let span = err
        .span()
        .map(|s| s.start + offset..s.end + offset)
        .unwrap_or(offset..offset);
    let span = trim_span(&file.text, span);
    let line = file.lines().line(span.start) + 1;
    let (code, headline, label, help) = classify(&message, line);
    let mut problem = Problem::error(code, format!("{headline} in {}", file.name))
        .in_file(file)
        .label(span, label);
    if let Some(help) = help {
        problem = problem.help(help);
    }
    problem
}

/// (code, headline, label, help) for a serde/toml error message.
fn classify(message: &str, line: usize) -> (&'static str, String, String, Option<String>) {
    if let Some((found, expected)) = unknown_name(message, "unknown field") {
        let help = suggestion(&found, &expected, "key");
        return (
            "concord::toml::unknown_key",
            format!("unknown key `{found}`"),
            "not a known key here".into(),
            Some(help),
        );
    }
    if let Some((found, expected)) = unknown_name(message, "unknown variant") {
        let help = suggestion(&found, &expected, "value");
        return (
            "concord::toml::bad_value",
            format!("`{found}` is not a valid value"),
            "not one of the allowed values".into(),
            Some(help),
        );
    }
    if let Some(field) = between(message, "missing field `", "`") {
        return (
            "concord::toml::missing_key",
            format!("missing required key `{field}`"),
            format!("this table needs a `{field}` key"),
            Some(format!("add `{field} = …` to this table")),
        );
    }
    if let Some(wanted) = message.strip_prefix("wanted ") {
        // toml's wording for a non-string where a name (an enum) belongs.
        let wanted = wanted.replace("string or table", "string");
        return (
            "concord::toml::wrong_type",
            "a value has the wrong type".into(),
            format!("expected a {wanted}"),
            None,
        );
    }
    if message.starts_with("invalid type") || message.starts_with("invalid length") {
        let help = message
            .contains("TOML datetime")
            .then(|| "write dates as bare TOML dates, without quotes: 2025-04-04".to_string());
        return (
            "concord::toml::wrong_type",
            "a value has the wrong type".into(),
            message.replace("expected a sequence", "expected a list, like [\"…\"]"),
            help,
        );
    }
    if message.starts_with("duplicate key") {
        return (
            "concord::toml::duplicate_key",
            "a key is given twice".into(),
            message.to_string(),
            None,
        );
    }
    if looks_semantic(message) {
        return (
            "concord::toml::bad_value",
            "a value is not valid".into(),
            message.to_string(),
            None,
        );
    }
    (
        "concord::toml::syntax",
        format!("TOML syntax error on line {line}"),
        message.to_string(),
        None,
    )
}

/// Messages raised by our own `Deserialize` impls, not by the TOML parser.
fn looks_semantic(message: &str) -> bool {
    message.starts_with("expected ") || message.starts_with("a stance")
}

/// Parses "unknown field `x`, expected one of `a`, `b`" (or "expected `a`").
fn unknown_name(message: &str, prefix: &str) -> Option<(String, Vec<String>)> {
    let rest = message.strip_prefix(prefix)?.trim_start();
    let found = between(rest, "`", "`")?;
    let expected = rest
        .split_once("expected")
        .map(|(_, list)| {
            list.split('`')
                .skip(1)
                .step_by(2)
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default();
    Some((found, expected))
}

fn between(text: &str, open: &str, close: &str) -> Option<String> {
    let start = text.find(open)? + open.len();
    let len = text[start..].find(close)?;
    Some(text[start..start + len].to_string())
}

/// "did you mean `x`?" when a valid name is close, else the list of names.
pub(crate) fn suggestion(found: &str, valid: &[String], what: &str) -> String {
    match nearest(found, valid.iter().map(String::as_str)) {
        Some(best) => format!("did you mean `{best}`?"),
        None if valid.is_empty() => format!("remove this {what}"),
        None => format!(
            "valid {what}s here: {}",
            valid
                .iter()
                .map(|v| format!("`{v}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// The closest of `candidates` to `found`, if it is close enough to be a typo.
pub fn nearest<'a>(found: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .map(|c| (strsim::jaro_winkler(&found.to_lowercase(), c), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, c)| c)
}

/// A TOML date (`2025-04-04`, no quotes) as a calendar date.
pub(crate) fn to_date(
    file: &SourceFile,
    value: &toml::Spanned<toml::value::Datetime>,
) -> Result<jiff::civil::Date, Problem> {
    let bad = |why: &str| {
        Problem::error("concord::toml::bad_date", format!("{why} in {}", file.name))
            .in_file(file)
            .label(value.span(), "expected a date like 2025-04-04")
            .help("write a bare TOML date, without quotes or a time: published = 2025-04-04")
    };
    let date = value
        .get_ref()
        .date
        .ok_or_else(|| bad("a time is not a date"))?;
    jiff::civil::Date::new(date.year as i16, date.month as i8, date.day as i8)
        .map_err(|_| bad("not a calendar date"))
}

/// Narrows a span that covers a whole line or table down to its visible text.
fn trim_span(text: &str, span: Range<usize>) -> Range<usize> {
    let end = span.end.min(text.len());
    let start = span.start.min(end);
    let slice = &text[start..end];
    let trimmed_start = start + (slice.len() - slice.trim_start().len());
    let trimmed_end = end - (slice.len() - slice.trim_end().len());
    if trimmed_start >= trimmed_end {
        start..end
    } else {
        trimmed_start..trimmed_end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_nearest_key() {
        let valid = ["id", "question", "context", "stances"].map(String::from);
        assert_eq!(
            suggestion("contxt", &valid, "key"),
            "did you mean `context`?"
        );
        assert_eq!(
            suggestion("stance", &valid, "key"),
            "did you mean `stances`?"
        );
        assert!(suggestion("zzz", &valid, "key").starts_with("valid keys here"));
    }

    #[test]
    fn parses_serde_unknown_field_messages() {
        let (found, expected) = unknown_name(
            "unknown field `contxt`, expected one of `id`, `context`",
            "unknown field",
        )
        .unwrap();
        assert_eq!(found, "contxt");
        assert_eq!(expected, ["id", "context"]);
    }
}
