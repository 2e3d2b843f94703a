//! The last layers of an article: its figures ([`Quantity`]), its reconciled death and injury
//! toll ([`Casualties`]), who backs or opposes whom ([`Alignment`]) and the sentences that carry
//! the story (the summary, a list of sentence indexes on the document).

use serde::{Deserialize, Serialize};

use crate::span::Span;

/// What a number counts (SCHEMA.md `quantities[].kind`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuantityKind {
    /// People dead: `killed`, `dead`, `died`, `death toll`, `bodies`.
    Killed,
    /// People wounded, injured or hurt.
    Injured,
    /// People arrested, detained or held.
    Arrested,
    /// People who fled, were displaced or evacuated.
    Displaced,
    /// The size of a crowd: protesters, marchers, people who gathered.
    Crowd,
    /// An amount of money.
    Money,
    /// A rate or share: percent, inflation.
    Rate,
    /// A length of time: `72 hours`, `a six-year term`.
    Duration,
    /// Anything else counted: troops, votes, homes, seats.
    Count,
}

impl QuantityKind {
    /// The lowercase name used in the record.
    pub fn as_str(self) -> &'static str {
        match self {
            QuantityKind::Killed => "killed",
            QuantityKind::Injured => "injured",
            QuantityKind::Arrested => "arrested",
            QuantityKind::Displaced => "displaced",
            QuantityKind::Crowd => "crowd",
            QuantityKind::Money => "money",
            QuantityKind::Rate => "rate",
            QuantityKind::Duration => "duration",
            QuantityKind::Count => "count",
        }
    }

    /// Parses a lowercase name.
    pub fn parse(name: &str) -> Option<QuantityKind> {
        Some(match name {
            "killed" => QuantityKind::Killed,
            "injured" => QuantityKind::Injured,
            "arrested" => QuantityKind::Arrested,
            "displaced" => QuantityKind::Displaced,
            "crowd" => QuantityKind::Crowd,
            "money" => QuantityKind::Money,
            "rate" => QuantityKind::Rate,
            "duration" => QuantityKind::Duration,
            "count" => QuantityKind::Count,
            _ => return None,
        })
    }
}

/// How exact a figure is, from the words before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Bound {
    /// The number as written.
    Exact,
    /// A lower bound: `at least`, `more than`, `over`, or a vague plural (`dozens`).
    AtLeast,
    /// An upper bound: `up to`, `nearly`, `fewer than`.
    AtMost,
    /// An estimate: `about`, `some`, `around`.
    About,
}

impl Bound {
    /// The lowercase name used in the record.
    pub fn as_str(self) -> &'static str {
        match self {
            Bound::Exact => "exact",
            Bound::AtLeast => "at_least",
            Bound::AtMost => "at_most",
            Bound::About => "about",
        }
    }
}

/// A number the article states, with what it counts.
#[derive(Clone, Debug, PartialEq)]
pub struct Quantity {
    /// The words: qualifier, number, scale and unit (`more than 120`, `$65billion`).
    pub span: Span,
    /// The sentence: an index into [`crate::Document::sentences`].
    pub sentence: u32,
    /// The value; vague amounts take ACLED's conservative reading (`dozens` = 12).
    pub value: f64,
    /// How exact the value is.
    pub bound: Bound,
    /// The unit: an ISO 4217 code for money, `percent`, a time unit, or the counted noun.
    pub unit: Option<String>,
    /// What it counts.
    pub kind: QuantityKind,
    /// When the text says the figure refers to: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub date: Option<String>,
    /// The words the date was read from.
    pub date_span: Option<Span>,
    /// Who it is about: an index into [`crate::Document::actors`].
    pub actor: Option<u32>,
}

/// Deaths and injuries at one place.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PlaceCasualties {
    /// The place's name.
    pub location: String,
    /// Deaths there.
    pub killed: Option<u32>,
    /// Injuries there.
    pub injured: Option<u32>,
}

/// The article's reconciled toll for the incident(s) it reports.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Casualties {
    /// Deaths, or `None` when the article reports none.
    pub killed: Option<u32>,
    /// Injuries, or `None` when the article reports none.
    pub injured: Option<u32>,
    /// Per place, in order of first mention.
    pub by_location: Vec<PlaceCasualties>,
    /// The quantities the totals were built from: indexes into
    /// [`crate::Document::quantities`].
    pub evidence: Vec<u32>,
}

/// Which side an actor takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stance {
    /// Backs, recognises, aids, praises.
    Support,
    /// Condemns, sanctions, threatens, attacks.
    Oppose,
}

impl Stance {
    /// The lowercase name used in the record.
    pub fn as_str(self) -> &'static str {
        match self {
            Stance::Support => "support",
            Stance::Oppose => "oppose",
        }
    }
}

/// What an alignment rests on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EvidenceRef {
    /// An index into [`crate::Document::events`].
    Event(u32),
    /// An index into [`crate::Document::quotes`].
    Quote(u32),
}

/// One actor's stance toward another, with its evidence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Alignment {
    /// Who takes the side: an index into [`crate::Document::actors`].
    pub actor: u32,
    /// Toward whom: an index into [`crate::Document::actors`].
    pub toward: u32,
    /// Support or oppose.
    pub stance: Stance,
    /// The events and quotes behind it, in text order.
    pub evidence: Vec<EvidenceRef>,
}
