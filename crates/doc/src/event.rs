//! The event layer: who did what to whom, where and when, coded in CAMEO and PLOVER.

use serde::{Deserialize, Serialize};

use crate::span::Span;

/// How the text presents an event (SCHEMA.md `events[].modality`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    /// The writer says it happened.
    Asserted,
    /// Someone the writer quotes says it happened.
    Reported,
    /// It may happen: `is expected to`, `could`, `if`, `threatened to`.
    Hypothetical,
    /// It is planned: `will hold`, `is to visit`.
    Future,
}

impl Modality {
    /// The lowercase name used in the record.
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Reported => "reported",
            Modality::Hypothetical => "hypothetical",
            Modality::Future => "future",
        }
    }
}

/// Where an event happened: a place actor of the article.
#[derive(Clone, Debug, PartialEq)]
pub struct EventPlace {
    /// The place's name.
    pub name: String,
    /// ISO 3166-1 alpha-3 code of its country.
    pub country: Option<String>,
    /// Latitude and longitude, when the gazetteer knows the place.
    pub geo: Option<(f64, f64)>,
    /// The words that name it.
    pub span: Span,
}

/// One coded event.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    /// The CAMEO event code, 2-4 digits (`"054"`, `"1823"`).
    pub cameo: &'static str,
    /// The PLOVER event type, when CAMEO's root has one.
    pub plover: Option<&'static str>,
    /// The code's Goldstein conflict-cooperation score, -10 to +10.
    pub goldstein: f64,
    /// Who acts: an index into [`crate::Document::actors`].
    pub source: Option<u32>,
    /// Who is acted on: an index into [`crate::Document::actors`].
    pub target: Option<u32>,
    /// The sentence: an index into [`crate::Document::sentences`].
    pub sentence: u32,
    /// The word(s) that carry the event.
    pub trigger: Span,
    /// Where it happened.
    pub location: Option<EventPlace>,
    /// When: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub date: Option<String>,
    /// The words the date was read from.
    pub date_span: Option<Span>,
    /// True when the text says it did not happen (`stopped short of recognising`).
    pub negated: bool,
    /// Asserted, reported, hypothetical or future.
    pub modality: Modality,
    /// Deaths the sentence ties to the event.
    pub fatalities: Option<u32>,
    /// Injuries the sentence ties to the event.
    pub injured: Option<u32>,
    /// How sure the stage is, 0 to 1.
    pub confidence: f64,
    /// True when the target is not tied to the trigger by grammar but is only the other actor
    /// the sentence names (criticism, demands and threats aimed at no one in their phrase).
    pub target_guessed: bool,
}
