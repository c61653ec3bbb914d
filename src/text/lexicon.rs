//! Word lists that more than one stage reads, in one place so that they cannot
//! drift apart. All are lower case, with straight apostrophes.

/// A word list looked up in constant time: the words as written here, and
/// a hash set of them built on first use (the long lists are read for every
/// word of every document).
pub struct WordSet {
    words: &'static [&'static str],
    set: std::sync::OnceLock<std::collections::HashSet<&'static str>>,
}

impl WordSet {
    pub const fn new(words: &'static [&'static str]) -> WordSet {
        WordSet {
            words,
            set: std::sync::OnceLock::new(),
        }
    }

    pub fn contains<W: AsRef<str> + ?Sized>(&self, word: &W) -> bool {
        self.set
            .get_or_init(|| self.words.iter().copied().collect())
            .contains(word.as_ref())
    }

    /// The words, in the order written.
    pub fn words(&self) -> &'static [&'static str] {
        self.words
    }
}

/// Month names in full, January first.
pub const MONTH_NAMES: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The three-letter stem of each month, January first: "jan", …, "dec".
pub const MONTH_STEMS: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// Month abbreviations written with a full stop ("Jan. 24", "Sept. 3"). "May"
/// is never abbreviated, so "may." ends a sentence.
pub fn is_month_abbreviation(word: &str) -> bool {
    word == "sept" || (word != "may" && MONTH_STEMS.contains(&word))
}

/// Weekday names in full, Monday first.
pub const WEEKDAY_NAMES: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// A month or weekday written in full ("march", "friday").
pub fn is_calendar_name(word: &str) -> bool {
    MONTH_NAMES.contains(&word) || WEEKDAY_NAMES.contains(&word)
}

/// Words that negate what follows them. A change of one of these inside a
/// quotation is always substantive.
pub const NEGATIONS: &[&str] = &[
    "not", "no", "never", "none", "nothing", "neither", "nor", "nobody", "without", "cannot",
];

/// Verbs and adverbs that deny what follows ("denied that it refused",
/// "falsely"): with [`NEGATIONS`], the negation guard's cues.
pub const DENIALS: &[&str] = &[
    "deny",
    "denies",
    "denied",
    "denying",
    "refuse",
    "refuses",
    "refused",
    "refusing",
    "reject",
    "rejects",
    "rejected",
    "dismissed",
    "dismisses",
    "false",
    "falsely",
    "hardly",
    "unlikely",
];

/// Words that make what follows a condition, not a statement.
pub const CONDITIONS: &[&str] = &["if", "unless", "whether"];

/// Function words: a quotation that changes only these changes in a minor
/// way ("there is" / "there's yet").
pub static FUNCTION_WORDS: WordSet = WordSet::new(&[
    "a", "an", "the", "of", "to", "in", "on", "at", "for", "by", "with", "from", "into", "about",
    "as", "and", "or", "but", "so", "that", "this", "these", "those", "there", "here", "it", "is",
    "are", "was", "were", "be", "been", "am", "do", "does", "did", "have", "has", "had", "will",
    "would", "shall", "should", "can", "could", "may", "might", "must", "yet", "now", "still",
    "already", "just", "also", "even", "then", "very", "really", "well", "us", "we", "i", "you",
    "he", "she", "they", "them", "his", "her", "its", "our", "their", "my", "your", "what",
    "which", "who", "if", "let",
]);

/// Articles, prepositions and conjunctions that bind to the next word: a
/// hard-wrapped line ending in one of these carries on its sentence.
pub const CONNECTIVES: &[&str] = &[
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "than", "that",
    "the", "to", "with",
];

/// Words that open a sentence without naming anyone ("When", "However"):
/// a capitalized one is no part of a name.
pub static SENTENCE_OPENERS: WordSet = WordSet::new(&[
    // A question's auxiliary: "Does Voss read her reviews?"
    "does",
    "did",
    "do",
    "is",
    "was",
    "are",
    "were",
    "has",
    "have",
    "would",
    "could",
    "should",
    "a",
    "after",
    "also",
    "an",
    "and",
    "as",
    "at",
    "before",
    "but",
    "for",
    "he",
    "her",
    "his",
    "however",
    "i",
    "if",
    "in",
    "it",
    "its",
    "meanwhile",
    "many",
    "most",
    "on",
    "our",
    "she",
    "since",
    "so",
    "some",
    "still",
    "that",
    "the",
    "their",
    "there",
    "these",
    "they",
    "this",
    "those",
    "we",
    "when",
    "while",
    "yet",
    "you",
]);

/// Words that make a name an organisation's, not a person's.
pub static ORGANISATION_WORDS: WordSet = WordSet::new(&[
    "water",
    "power",
    "energy",
    "council",
    "ministry",
    "union",
    "authority",
    "association",
    "systems",
    "ltd",
    "inc",
    "plc",
    "llc",
    "group",
    "company",
    "bank",
    "trust",
    "university",
    "hospital",
    "society",
    "corp",
    "corporation",
    "terminals",
    "chemicals",
    "markets",
    "foods",
    "mobility",
    "pay",
    "mutual",
    "commission",
    "committee",
    "agency",
    "department",
    "police",
    "army",
    "navy",
    "service",
    "services",
    "foundation",
    "institute",
    "party",
    "coaches",
    "airlines",
    "airways",
    "rail",
    "railways",
    "holdings",
    "partners",
    "capital",
    "media",
    "news",
    "times",
    "press",
    "club",
    "fc",
    "united",
    "city",
    "rovers",
    "rangers",
    "athletic",
    "wanderers",
    "albion",
    "borough",
    "county",
    "government",
    "court",
    "school",
    "college",
    "guild",
    "league",
    "federation",
    "network",
    "lines",
    "transport",
    "health",
    "office",
    "board",
    "festival",
    "museum",
    "library",
    "church",
]);
