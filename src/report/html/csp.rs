//! The page's Content-Security-Policy: nothing from the network, inline
//! styles, and only the one script whose SHA-256 it names, so that even a
//! `<script>` or an `onerror=` that escaping missed could not run.

use base64::Engine;
use sha2::{Digest, Sha256};

/// `default-src 'none'; … script-src 'sha256-…'` for `script`, the text
/// of the page's one inline script.
pub(super) fn policy(script: &str) -> String {
    let digest = Sha256::digest(script.as_bytes());
    format!(
        "default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{}'; img-src data:",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_policy_names_the_script_by_its_standard_digest() {
        // FIPS 180-4's "abc" example, base64 as CSP writes it.
        assert!(policy("abc").contains("'sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0='"));
        assert!(policy("abc").starts_with("default-src 'none';"));
    }
}
