//! The newsgraph document model.
//!
//! A [`Document`] holds one article's text, set once and never rewritten, and layers of
//! stand-off annotation over it: [`Section`]s, [`Sentence`]s, [`Token`]s. Every annotation is a
//! byte [`Span`] into the text or an index into another layer, so each finding can be traced to
//! its exact words. [`Document::validate`] checks every invariant; the pipeline calls it after
//! each stage in debug builds and tests.
//!
//! Stages implement [`Stage`]. The JSON the engine prints is the [`Record`] (schema
//! [`SCHEMA_VERSION`]), which converts byte offsets into code point offsets at the edge.
//!
//! ```
//! use newsgraph_doc::{Document, Format, Meta, Section, SectionKind, Source, Span};
//!
//! let source = Source { path: None, url: None, format: Format::Text };
//! let mut doc = Document::new("a1", source, Meta::default(), "Storm hits coast\nRain fell.");
//! doc.sections.push(Section { kind: SectionKind::Headline, span: Span::new(0, 16) });
//! assert_eq!(doc.span_text(doc.sections[0].span), "Storm hits coast");
//! doc.validate().unwrap();
//! ```
#![deny(missing_docs)]

mod actor;
mod document;
mod error;
mod event;
mod figures;
mod offsets;
mod quote;
pub mod record;
mod span;
mod stage;
mod validate;

pub use actor::{Actor, ActorType, Geo, Mention, MentionType};
pub use document::{
    Document, Format, Layer, Meta, Section, SectionKind, Sentence, Source, StageRun, Token,
    TokenKind,
};
pub use error::{SpanError, ValidationError};
pub use event::{Event, EventPlace, Modality};
pub use figures::{
    Alignment, Bound, Casualties, EvidenceRef, PlaceCasualties, Quantity, QuantityKind, Stance,
};
pub use offsets::CharOffsets;
pub use quote::{Quote, QuoteKind};
pub use record::{Record, RecordOptions, SCHEMA_VERSION};
pub use span::Span;
pub use stage::{Stage, StageError};
