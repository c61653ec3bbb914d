//! Rule files exactly as written: serde types that mirror the TOML, with spans
//! kept for every value a diagnostic may need to point at. Nothing here is
//! validated beyond its TOML shape; `compile` does the rest.

use std::fmt;

use serde::de::{self, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};
use toml::Spanned;
use toml::value::Datetime;

use crate::finding::Severity;
use crate::value::{ValueType, WrittenTolerance};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawRuleFile {
    #[serde(default)]
    pub(super) claim: Vec<RawClaim>,
    #[serde(default)]
    pub(super) fact: Vec<RawFact>,
    #[serde(default)]
    pub(super) quote: Vec<RawQuote>,
    #[serde(default)]
    pub(super) speaker: Vec<RawSpeaker>,
}

impl RawRuleFile {
    /// The rules of every kind, as `[limits] max_rules` counts them.
    pub(super) fn rule_count(&self) -> usize {
        self.claim.len() + self.fact.len() + self.quote.len() + self.speaker.len()
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawClaim {
    pub(super) id: Spanned<String>,
    pub(super) question: Option<String>,
    #[serde(default)]
    pub(super) context: Vec<Spanned<String>>,
    pub(super) severity: Option<Severity>,
    pub(super) published: Option<Spanned<Vec<Spanned<Datetime>>>>,
    /// The event's own dates: a sentence anchored to a year outside them is
    /// about another time.
    pub(super) during: Option<Spanned<Vec<Spanned<Datetime>>>>,
    pub(super) stances: Spanned<RawStances>,
    #[serde(default)]
    pub(super) example: Vec<RawExample>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawExample {
    pub(super) text: Spanned<String>,
    /// A stance (claims) or a normalized value (facts), or "none".
    pub(super) expect: Spanned<String>,
    /// Optional: who the evidence should be attributed to.
    pub(super) holder: Option<Spanned<String>>,
    pub(super) published: Option<Spanned<Datetime>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawFact {
    pub(super) id: Spanned<String>,
    pub(super) question: Option<String>,
    pub(super) pattern: Option<Spanned<String>>,
    #[serde(default)]
    pub(super) patterns: Vec<Spanned<String>>,
    #[serde(rename = "type")]
    pub(super) kind: ValueType,
    #[serde(default)]
    pub(super) context: Vec<Spanned<String>>,
    /// A sentence matching one of these is no evidence for the fact.
    #[serde(default)]
    pub(super) unless: Vec<Spanned<String>>,
    /// How far apart two values may lie and still agree: 2, "5%", "1 day".
    pub(super) tolerance: Option<Spanned<WrittenTolerance>>,
    pub(super) severity: Option<Severity>,
    pub(super) published: Option<Spanned<Vec<Spanned<Datetime>>>>,
    /// As for claims.
    pub(super) during: Option<Spanned<Vec<Spanned<Datetime>>>>,
    /// Text facts: canonical value → the variants that mean it.
    pub(super) synonyms: Option<Spanned<std::collections::BTreeMap<String, Vec<String>>>>,
    #[serde(default)]
    pub(super) example: Vec<RawExample>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawQuote {
    pub(super) id: Spanned<String>,
    pub(super) speaker: Option<String>,
    #[serde(default)]
    pub(super) aliases: Vec<String>,
    pub(super) text: Spanned<String>,
    /// Free text: where the canonical wording comes from.
    pub(super) origin: Option<String>,
    pub(super) severity: Option<Severity>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSpeaker {
    pub(super) id: Spanned<String>,
    pub(super) name: String,
    #[serde(default)]
    pub(super) aliases: Vec<String>,
}

/// `[claim.stances]` in the order written: each stance is a list of patterns
/// or a table `{ patterns = [...], unless = [...] }`.
pub(super) struct RawStances(pub(super) Vec<(String, RawStance)>);

#[derive(Default)]
pub(super) struct RawStance {
    pub(super) patterns: Vec<Spanned<String>>,
    pub(super) unless: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStanceTable {
    patterns: Vec<Spanned<String>>,
    #[serde(default)]
    unless: Vec<Spanned<String>>,
}

impl<'de> Deserialize<'de> for RawStances {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct StancesVisitor;
        impl<'de> Visitor<'de> for StancesVisitor {
            type Value = RawStances;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a table of stances, e.g. `yes = [\"pattern\"]`")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawStances, A::Error> {
                let mut stances = Vec::new();
                while let Some(name) = map.next_key::<String>()? {
                    stances.push((name, map.next_value::<RawStance>()?));
                }
                Ok(RawStances(stances))
            }
        }
        deserializer.deserialize_map(StancesVisitor)
    }
}

impl<'de> Deserialize<'de> for RawStance {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct StanceVisitor;
        impl<'de> Visitor<'de> for StanceVisitor {
            type Value = RawStance;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a list of patterns, or a table with `patterns` and `unless`")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawStance, A::Error> {
                let mut patterns = Vec::new();
                while let Some(p) = seq.next_element::<Spanned<String>>()? {
                    patterns.push(p);
                }
                Ok(RawStance {
                    patterns,
                    unless: Vec::new(),
                })
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawStance, A::Error> {
                let table =
                    RawStanceTable::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(RawStance {
                    patterns: table.patterns,
                    unless: table.unless,
                })
            }
        }
        deserializer.deserialize_any(StanceVisitor)
    }
}
