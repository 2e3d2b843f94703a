//! The article record, schema `newsgraph.article/1`: the JSON every renderer speaks.
//!
//! One JSON object per article. Every `start`/`end` pair is a half-open range of Unicode code
//! points into `text` (Python's `text[start:end]`); inside the engine offsets are bytes, and
//! [`Record::from_document`] converts them once. Fields of stages that have not run are present
//! and empty (`[]`, `null`), never guessed. The full field list is `SCHEMA.md` at the root of the
//! project's shared design documents; this module is its typed form. Fields may be added; renaming
//! or removing one bumps [`SCHEMA_VERSION`].

use serde::{Deserialize, Serialize};

use crate::actor::Geo;
use crate::document::{Document, TokenKind};
use crate::figures::EvidenceRef;
use crate::offsets::CharOffsets;

/// The value of the record's `schema` field.
pub const SCHEMA_VERSION: &str = "newsgraph.article/1";

/// One article's record.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// Always [`SCHEMA_VERSION`].
    pub schema: String,
    /// The input's own id, or the first 16 hex digits of the SHA-256 of the input bytes.
    pub id: String,
    /// Where the article came from.
    pub source: SourceRecord,
    /// Title, date, outlet, authors, language.
    pub meta: MetaRecord,
    /// The text all offsets index.
    pub text: String,
    /// Layout sections.
    pub sections: Vec<SectionRecord>,
    /// Sentences.
    pub sentences: Vec<SentenceRecord>,
    /// Mentions of actors (actors stage).
    pub mentions: Vec<MentionRecord>,
    /// Actors, one per real-world actor (actors stage).
    pub actors: Vec<ActorRecord>,
    /// Quotes (quotes stage).
    pub quotes: Vec<QuoteRecord>,
    /// Events (events stage).
    pub events: Vec<EventRecord>,
    /// Numbers with units and kinds (quantities stage).
    pub quantities: Vec<QuantityRecord>,
    /// Reconciled casualty totals (quantities stage).
    pub casualties: Casualties,
    /// Who backs or opposes whom (alignments stage).
    pub alignments: Vec<AlignmentRecord>,
    /// The sentences that carry the story (summary stage).
    pub summary: Summary,
    /// Tokens, only when asked for (`extract --tokens`): an extension of the schema.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tokens: Option<Vec<TokenRecord>>,
}

/// `source`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceRecord {
    /// The input file, or null.
    pub path: Option<String>,
    /// The article URL, or null.
    pub url: Option<String>,
    /// `text`, `html`, `jsonl` or `warc`.
    pub format: String,
}

/// `meta`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MetaRecord {
    /// The title, or null.
    pub title: Option<String>,
    /// `YYYY-MM-DD`, or null.
    pub published: Option<String>,
    /// The outlet, or null.
    pub outlet: Option<String>,
    /// Author names.
    pub authors: Vec<String>,
    /// ISO 639-1 code, or null when not detected.
    pub language: Option<String>,
}

/// `sections[]`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectionRecord {
    /// `headline`, `highlight`, `byline`, `dateline`, `paragraph`, `caption` or `boilerplate`.
    pub kind: String,
    /// First code point.
    pub start: u32,
    /// One past the last code point.
    pub end: u32,
}

/// `sentences[]`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentenceRecord {
    /// First code point.
    pub start: u32,
    /// One past the last code point.
    pub end: u32,
    /// Index into `sections`.
    pub section: u32,
}

/// `tokens[]` (extension, on request).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenRecord {
    /// First code point.
    pub start: u32,
    /// One past the last code point.
    pub end: u32,
    /// `word`, `number`, `clitic`, `punct` or `symbol`.
    pub kind: TokenKind,
}

/// `mentions[]`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MentionRecord {
    /// First code point.
    pub start: u32,
    /// One past the last code point.
    pub end: u32,
    /// The mention's words.
    pub text: String,
    /// `PERSON`, `ORG`, `GPE`, `LOC`, `NORP` or `GROUP`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Index into `actors`, or null.
    pub actor: Option<u32>,
}

/// `actors[]`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ActorRecord {
    /// Stable id within the article.
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// `person`, `country`, `organization`, `group` or `place`.
    #[serde(rename = "type")]
    pub kind: String,
    /// ISO 3166-1 alpha-3, or null.
    pub country: Option<String>,
    /// CAMEO actor code, or null.
    pub cameo: Option<String>,
    /// Roles (titles, offices).
    pub roles: Vec<String>,
    /// Indexes into `mentions`.
    pub mentions: Vec<u32>,
    /// Latitude of a place the gazetteer knows, or null.
    pub lat: Option<f64>,
    /// Longitude of a place the gazetteer knows, or null.
    pub lon: Option<f64>,
}

/// `quotes[]`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteRecord {
    /// First code point.
    pub start: u32,
    /// One past the last code point.
    pub end: u32,
    /// The quoted words.
    pub text: String,
    /// `direct`, `indirect` or `mixed`.
    pub kind: String,
    /// Index into `actors`, or null.
    pub speaker: Option<u32>,
    /// The words naming the speaker, or null.
    pub speaker_text: Option<String>,
    /// The reporting verb or marker.
    pub cue: Option<String>,
    /// Index into `sentences`.
    pub sentence: u32,
}

/// A span with its text, as events' `trigger`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextSpan {
    /// First code point.
    pub start: u32,
    /// One past the last code point.
    pub end: u32,
    /// The words.
    pub text: String,
}

/// A geocoded place.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Location {
    /// Place name.
    pub name: String,
    /// ISO 3166-1 alpha-3, or null.
    pub country: Option<String>,
    /// Latitude, or null.
    pub lat: Option<f64>,
    /// Longitude, or null.
    pub lon: Option<f64>,
}

/// `events[]`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventRecord {
    /// CAMEO event code, 2-4 digits.
    pub cameo: String,
    /// PLOVER event type.
    pub plover: Option<String>,
    /// Goldstein score.
    pub goldstein: f64,
    /// Index into `actors`, or null.
    pub source: Option<u32>,
    /// Index into `actors`, or null.
    pub target: Option<u32>,
    /// Index into `sentences`.
    pub sentence: u32,
    /// The words that carry the event.
    pub trigger: TextSpan,
    /// Where it happened, or null.
    pub location: Option<Location>,
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, or null.
    pub date: Option<String>,
    /// The words the date came from, or null.
    pub date_text: Option<String>,
    /// True when the text says the event did not happen.
    pub negated: bool,
    /// `asserted`, `reported`, `hypothetical` or `future`.
    pub modality: String,
    /// Deaths tied to the event, or null.
    pub fatalities: Option<u32>,
    /// Injuries tied to the event, or null.
    pub injured: Option<u32>,
    /// 0 to 1.
    pub confidence: f64,
}

/// `quantities[]`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuantityRecord {
    /// First code point.
    pub start: u32,
    /// One past the last code point.
    pub end: u32,
    /// The words.
    pub text: String,
    /// The number.
    pub value: f64,
    /// Unit, or null.
    pub unit: Option<String>,
    /// `killed`, `injured`, `money`, ...
    pub kind: String,
    /// The time it refers to, or null.
    pub date: Option<String>,
    /// Index into `actors`, or null.
    pub actor: Option<u32>,
    /// How exact the value is: `exact`, `at_least`, `at_most` or `about` (an extension).
    pub bound: String,
    /// The words the date was read from, or null (an extension).
    pub date_text: Option<String>,
    /// Index into `sentences` (an extension).
    pub sentence: u32,
}

/// `casualties`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Casualties {
    /// Reconciled deaths, or null when the article reports none or the stage has not run.
    pub killed: Option<u32>,
    /// Reconciled injuries, or null.
    pub injured: Option<u32>,
    /// Per place.
    pub by_location: Vec<LocationCasualties>,
    /// Indexes into `quantities` of the figures the totals rest on (an extension).
    #[serde(default)]
    pub quantities: Vec<u32>,
}

/// `casualties.by_location[]`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocationCasualties {
    /// Place name.
    pub location: String,
    /// Deaths there, or null.
    pub killed: Option<u32>,
    /// Injuries there, or null.
    pub injured: Option<u32>,
}

/// `alignments[]`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AlignmentRecord {
    /// Index into `actors`.
    pub actor: u32,
    /// Index into `actors`.
    pub toward: u32,
    /// `support` or `oppose`.
    pub stance: String,
    /// The events and quotes behind it.
    pub evidence: Vec<Evidence>,
}

/// `alignments[].evidence[]`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// `event` or `quote`.
    pub kind: String,
    /// Index into `events` or `quotes`.
    pub index: u32,
}

/// `summary`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// Indexes into `sentences`, in article order.
    pub sentences: Vec<u32>,
    /// Their text joined.
    pub text: String,
}

/// What to put in a record beyond the schema.
#[derive(Clone, Copy, Debug, Default)]
pub struct RecordOptions {
    /// Include `tokens`.
    pub tokens: bool,
}

impl Record {
    /// Renders a document as its record, converting byte offsets to code points.
    pub fn from_document(doc: &Document, options: RecordOptions) -> Record {
        let conv = CharOffsets::new(doc.text());
        let at = |b: u32| conv.to_char(b);
        Record {
            schema: SCHEMA_VERSION.to_string(),
            id: doc.id.clone(),
            source: SourceRecord {
                path: doc.source.path.clone(),
                url: doc.source.url.clone(),
                format: doc.source.format.as_str().to_string(),
            },
            meta: MetaRecord {
                title: doc.meta.title.clone(),
                published: doc.meta.published.map(|d| d.format("%Y-%m-%d").to_string()),
                outlet: doc.meta.outlet.clone(),
                authors: doc.meta.authors.clone(),
                language: doc.meta.language.clone(),
            },
            text: doc.text().to_string(),
            sections: doc
                .sections
                .iter()
                .map(|s| SectionRecord {
                    kind: s.kind.as_str().to_string(),
                    start: at(s.span.start),
                    end: at(s.span.end),
                })
                .collect(),
            sentences: doc
                .sentences
                .iter()
                .map(|s| SentenceRecord {
                    start: at(s.span.start),
                    end: at(s.span.end),
                    section: s.section,
                })
                .collect(),
            mentions: doc
                .mentions
                .iter()
                .map(|m| MentionRecord {
                    start: at(m.span.start),
                    end: at(m.span.end),
                    text: doc.span_text(m.span).to_string(),
                    kind: m.kind.as_str().to_string(),
                    actor: m.actor,
                })
                .collect(),
            actors: doc
                .actors
                .iter()
                .enumerate()
                .map(|(i, a)| ActorRecord {
                    id: format!("a{i}"),
                    name: a.name.clone(),
                    kind: a.kind.as_str().to_string(),
                    country: a.country.clone(),
                    cameo: a.cameo.clone(),
                    roles: a.roles.clone(),
                    mentions: a.mentions.clone(),
                    lat: a.geo.map(Geo::lat),
                    lon: a.geo.map(Geo::lon),
                })
                .collect(),
            quotes: doc
                .quotes
                .iter()
                .map(|q| {
                    let span = q.span();
                    let text: Vec<&str> = q.parts.iter().map(|&p| doc.span_text(p)).collect();
                    QuoteRecord {
                        start: at(span.start),
                        end: at(span.end),
                        text: text.join(" "),
                        kind: q.kind.as_str().to_string(),
                        speaker: q.speaker,
                        speaker_text: q.speaker_span.map(|s| doc.span_text(s).to_string()),
                        cue: q.cue.map(|s| doc.span_text(s).to_string()),
                        sentence: q.sentence,
                    }
                })
                .collect(),
            events: doc
                .events
                .iter()
                .map(|e| EventRecord {
                    cameo: e.cameo.to_string(),
                    plover: e.plover.map(str::to_string),
                    goldstein: e.goldstein,
                    source: e.source,
                    target: e.target,
                    sentence: e.sentence,
                    trigger: TextSpan {
                        start: at(e.trigger.start),
                        end: at(e.trigger.end),
                        text: doc.span_text(e.trigger).to_string(),
                    },
                    location: e.location.as_ref().map(|p| Location {
                        name: p.name.clone(),
                        country: p.country.clone(),
                        lat: p.geo.map(|g| g.0),
                        lon: p.geo.map(|g| g.1),
                    }),
                    date: e.date.clone(),
                    date_text: e.date_span.map(|s| doc.span_text(s).to_string()),
                    negated: e.negated,
                    modality: e.modality.as_str().to_string(),
                    fatalities: e.fatalities,
                    injured: e.injured,
                    confidence: (e.confidence * 100.0).round() / 100.0,
                })
                .collect(),
            quantities: doc
                .quantities
                .iter()
                .map(|q| QuantityRecord {
                    start: at(q.span.start),
                    end: at(q.span.end),
                    text: doc.span_text(q.span).to_string(),
                    value: q.value,
                    unit: q.unit.clone(),
                    kind: q.kind.as_str().to_string(),
                    date: q.date.clone(),
                    actor: q.actor,
                    bound: q.bound.as_str().to_string(),
                    date_text: q.date_span.map(|s| doc.span_text(s).to_string()),
                    sentence: q.sentence,
                })
                .collect(),
            casualties: Casualties {
                killed: doc.casualties.killed,
                injured: doc.casualties.injured,
                by_location: doc
                    .casualties
                    .by_location
                    .iter()
                    .map(|p| LocationCasualties {
                        location: p.location.clone(),
                        killed: p.killed,
                        injured: p.injured,
                    })
                    .collect(),
                quantities: doc.casualties.evidence.clone(),
            },
            alignments: doc
                .alignments
                .iter()
                .map(|a| AlignmentRecord {
                    actor: a.actor,
                    toward: a.toward,
                    stance: a.stance.as_str().to_string(),
                    evidence: a
                        .evidence
                        .iter()
                        .map(|e| match *e {
                            EvidenceRef::Event(index) => Evidence {
                                kind: "event".to_string(),
                                index,
                            },
                            EvidenceRef::Quote(index) => Evidence {
                                kind: "quote".to_string(),
                                index,
                            },
                        })
                        .collect(),
                })
                .collect(),
            summary: Summary {
                sentences: doc.summary.clone(),
                text: doc
                    .summary
                    .iter()
                    .map(|&i| doc.span_text(doc.sentences[i as usize].span))
                    .collect::<Vec<_>>()
                    .join(" "),
            },
            tokens: options.tokens.then(|| {
                doc.tokens
                    .iter()
                    .map(|t| TokenRecord {
                        start: at(t.span.start),
                        end: at(t.span.end),
                        kind: t.kind,
                    })
                    .collect()
            }),
        }
    }
}
