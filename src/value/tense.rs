//! The tense of the words around a date, which decides which "Friday" or
//! which "March" is meant: "will meet on Friday" is the coming one, "met on
//! Friday" the last one, "was convicted in March" in an October report the
//! March gone.

/// Which way from publication a date without a year or week points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) enum Tense {
    /// Nothing says: weekdays look back (as news mostly does), months take
    /// the one nearest publication.
    #[default]
    Unmarked,
    Past,
    Future,
}

/// Words that put what follows in the future: "will", "is due", "is set
/// to", "is expected to", "plans to", "is scheduled for", "would" (reported
/// plans: "said it would meet on Friday").
const FUTURE: &[&str] = &[
    "will",
    "'ll",
    "’ll",
    "shall",
    "won't",
    "won’t",
    "would",
    "is due",
    "are due",
    "due on",
    "due in",
    "due to be",
    "set to",
    "scheduled",
    "expected to",
    "plans to",
    "plan to",
    "planned for",
    "planning to",
    "going to",
    "is to",
    "are to",
    "upcoming",
    "coming",
    "intends to",
];

/// Past forms that do not end in "-ed", the ones news uses most.
const PAST: &[&str] = &[
    "was", "were", "had", "did", "met", "said", "told", "struck", "hit", "fell", "rose", "began",
    "won", "lost", "took", "gave", "came", "went", "held", "found", "sent", "made", "saw", "ran",
    "left", "broke", "shook", "spoke", "wrote", "chose", "paid", "led", "sought", "brought",
    "stood", "fled", "slept", "sat", "put", "set", "cut", "ago",
];

/// "-ed" words that are not past tense.
const NOT_PAST: &[&str] = &[
    "need", "speed", "feed", "seed", "bed", "red", "shed", "embed",
];

/// The tense of the words before and after a date, within its sentence.
/// A future marker wins over a past one ("said it will meet on Friday").
pub(super) fn tense_of(before: &str, after: &str) -> Tense {
    let words = |text: &str| -> Vec<String> {
        text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let (before, after) = (words(before), words(after));
    let all: Vec<&str> = before.iter().chain(&after).map(String::as_str).collect();
    let joined = all.join(" ");
    let future = FUTURE.iter().any(|marker| {
        if marker.contains(' ') {
            contains_phrase(&joined, marker)
        } else if marker.starts_with(['\'', '’']) {
            all.iter().any(|w| w.ends_with(marker))
        } else {
            all.contains(marker) && !(*marker == "would" && contains_phrase(&joined, "would have"))
        }
    });
    if future {
        return Tense::Future;
    }
    let past = all.iter().any(|w| {
        PAST.contains(w)
            || (w.len() > 4 && w.ends_with("ed") && !NOT_PAST.iter().any(|not| w.ends_with(not)))
    });
    if past { Tense::Past } else { Tense::Unmarked }
}

fn contains_phrase(joined: &str, phrase: &str) -> bool {
    joined.match_indices(phrase).any(|(at, _)| {
        let starts = at == 0 || joined.as_bytes()[at - 1] == b' ';
        let end = at + phrase.len();
        let ends = end == joined.len() || joined.as_bytes()[end] == b' ';
        starts && ends
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_decide_and_the_future_wins() {
        assert_eq!(tense_of("The leaders will meet on", ""), Tense::Future);
        assert_eq!(tense_of("The leaders met on", ""), Tense::Past);
        assert_eq!(tense_of("He was convicted in", ""), Tense::Past);
        assert_eq!(tense_of("The verdict is due on", ""), Tense::Future);
        assert_eq!(
            tense_of("She said the court would rule on", ""),
            Tense::Future
        );
        assert_eq!(
            tense_of("The ruling on", ", a landmark for the court"),
            Tense::Unmarked
        );
        assert_eq!(tense_of("The ruling, on", ", surprised few"), Tense::Past);
        assert_eq!(tense_of("", "the court ruled"), Tense::Past);
        assert_eq!(tense_of("Talks scheduled for", ""), Tense::Future);
        assert_eq!(tense_of("A speed limit from", ""), Tense::Unmarked);
        assert_eq!(tense_of("He would have turned 60 on", ""), Tense::Past);
    }
}
