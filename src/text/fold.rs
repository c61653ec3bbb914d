//! Folds: text reduced to what a comparison or a fingerprint should see.

/// Runs of whitespace (spaces, tabs, line ends) as one space, ends trimmed.
pub fn fold_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whitespace folded and lower-cased: how names and aliases compare.
pub fn fold_lower(text: &str) -> String {
    fold_whitespace(text).to_lowercase()
}

/// Case and whitespace folded, edge punctuation dropped: how text facts compare.
pub fn fold(text: &str) -> String {
    fold_whitespace(text)
        .to_lowercase()
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_string()
}
