//! The mention and actor layers: who the article names, and which real-world actor each name
//! stands for.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::span::Span;

/// The type of a mention (SCHEMA.md `mentions[].type`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum MentionType {
    /// A person: `Juan Perez`, `Perez`.
    Person,
    /// An organisation: `the Supreme Court`, `NATO`, `the Kremlin`.
    Org,
    /// A place with a government: a country, state, province or city.
    Gpe,
    /// Another place: a river, a sea, a border area.
    Loc,
    /// A nationality, religious or political group: `Kenyan`, `Venezuelans`.
    Norp,
    /// A group named by its role: `protesters`, `riot police`, `Russian troops`.
    Group,
}

impl MentionType {
    /// The uppercase name used in the record.
    pub fn as_str(self) -> &'static str {
        match self {
            MentionType::Person => "PERSON",
            MentionType::Org => "ORG",
            MentionType::Gpe => "GPE",
            MentionType::Loc => "LOC",
            MentionType::Norp => "NORP",
            MentionType::Group => "GROUP",
        }
    }
}

impl fmt::Display for MentionType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One place in the text that names or describes an actor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// The words, without a leading `the` or a title.
    pub span: Span,
    /// Its type.
    pub kind: MentionType,
    /// Index into [`Document::actors`](crate::Document::actors), or `None` when the mention
    /// is linked to no actor.
    pub actor: Option<u32>,
}

/// What kind of actor (SCHEMA.md `actors[].type`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorType {
    /// A person.
    Person,
    /// A country, or its government named through a metonym (`Washington`, `the Kremlin`).
    Country,
    /// An organisation: a party, a court, a ministry, an international body.
    Organization,
    /// A group of people named by role or nationality: police, protesters, Kenyans.
    Group,
    /// A place that is not acting: a city, a region, a river.
    Place,
}

impl ActorType {
    /// The lowercase name used in the record.
    pub fn as_str(self) -> &'static str {
        match self {
            ActorType::Person => "person",
            ActorType::Country => "country",
            ActorType::Organization => "organization",
            ActorType::Group => "group",
            ActorType::Place => "place",
        }
    }
}

/// A point on the globe, in hundred-thousandths of a degree (about a metre), so that actors
/// stay comparable with `Eq`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Geo {
    /// Latitude × 100 000.
    pub lat_e5: i32,
    /// Longitude × 100 000.
    pub lon_e5: i32,
}

impl Geo {
    /// The point at `lat`, `lon` degrees.
    pub fn new(lat: f64, lon: f64) -> Geo {
        Geo {
            lat_e5: (lat * 1e5).round() as i32,
            lon_e5: (lon * 1e5).round() as i32,
        }
    }

    /// Latitude in degrees.
    pub fn lat(self) -> f64 {
        f64::from(self.lat_e5) / 1e5
    }

    /// Longitude in degrees.
    pub fn lon(self) -> f64 {
        f64::from(self.lon_e5) / 1e5
    }
}

/// One real-world actor of the article, with every mention of it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    /// Its fullest name: a person's full name, a country's short name, a group's description.
    pub name: String,
    /// Its kind.
    pub kind: ActorType,
    /// ISO 3166-1 alpha-3 code of its country, when it has one.
    pub country: Option<String>,
    /// Its CAMEO actor code (`VENGOV`, `IGOUNO`, `KENCOP`), when one can be given.
    pub cameo: Option<String>,
    /// Its roles as CAMEO agent codes (`GOV`, `MIL`, `OPP`), most specific last.
    pub roles: Vec<String>,
    /// Indexes into [`Document::mentions`](crate::Document::mentions), in text order.
    pub mentions: Vec<u32>,
    /// Where it is, for a place the gazetteer knows.
    pub geo: Option<Geo>,
}
