//! Is a sentence about another time? "In 2019, a magnitude 6.1 quake hit the
//! same coast" is no evidence about this quake: a sentence anchored to an
//! explicit year ("in 2019", "in March 2019", "during 2019", or opening with
//! the year) outside the event's dates is set aside. The event's dates are
//! the rule's `during` window, else the source's publication year.

use std::sync::LazyLock;

use jiff::civil::Date;
use regex::Regex;

static ANCHORED_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:^\W*|\b(?:in|during|back in|of)\s+(?:(?:early|late|mid-?)\s*)?(?:(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+)?)((?:19|20)\d\d)\b",
    )
    .expect("the year pattern compiles")
});

/// The years `sentence` is anchored to ("In 2019, …", "in March 2019"), in
/// text order: read once per sentence, judged per rule by [`other_time`].
pub(super) fn anchored_years(sentence: &str) -> Vec<i16> {
    ANCHORED_YEAR
        .captures_iter(sentence)
        .filter_map(|c| c.get(1)?.as_str().parse().ok())
        .collect()
}

/// Why a sentence anchored to `years` is about another time than the
/// event, if it is: the first year outside `during` (or other than
/// `published`'s year).
pub(super) fn other_time(
    years: &[i16],
    published: Option<Date>,
    during: Option<(Date, Date)>,
) -> Option<String> {
    let (from, to) = match (during, published) {
        (Some((from, to)), _) => (from.year(), to.year()),
        (None, Some(date)) => (date.year(), date.year()),
        (None, None) => return None,
    };
    let year = years.iter().find(|&&y| y < from || y > to)?;
    let event = if during.is_some() {
        "the rule's `during` dates"
    } else {
        "the year the source was published"
    };
    Some(format!("the sentence is about {year}, not {event}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn other_time(
        sentence: &str,
        published: Option<Date>,
        during: Option<(Date, Date)>,
    ) -> Option<String> {
        super::other_time(&anchored_years(sentence), published, during)
    }

    fn published() -> Option<Date> {
        Some(jiff::civil::date(2025, 10, 1))
    }

    #[test]
    fn a_sentence_anchored_to_another_year_is_another_time() {
        for sentence in [
            "In 2019, a magnitude 6.1 quake hit the same coast.",
            "A similar quake struck in March 2019, killing 40.",
            "2011: a tsunami reached the harbour.",
            "The dam was last inspected in early 2020.",
        ] {
            assert!(
                other_time(sentence, published(), None).is_some(),
                "{sentence}"
            );
        }
    }

    #[test]
    fn this_years_sentences_and_unanchored_years_are_not() {
        for sentence in [
            "In 2025 the toll rose to 72.",
            "The quake, measured at 6.4, struck on Tuesday.",
            "Building codes have been enforced since 2019.",
            "The 2019 rules require shelters in every district.",
        ] {
            assert!(
                other_time(sentence, published(), None).is_none(),
                "{sentence}"
            );
        }
        // Without a date to compare with, nothing is another time.
        assert!(other_time("In 2019, a quake hit.", None, None).is_none());
    }

    #[test]
    fn the_rules_event_window_decides_when_given() {
        let during = Some((
            jiff::civil::date(2024, 12, 30),
            jiff::civil::date(2025, 1, 2),
        ));
        assert!(other_time("In 2024, the rains came early.", published(), during).is_none());
        assert!(other_time("In 2023, the rains came early.", published(), during).is_some());
    }
}
