//! The [`Document`] and its layers.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::actor::{Actor, Mention};
use crate::error::ValidationError;
use crate::event::Event;
use crate::figures::{Alignment, Casualties, Quantity};
use crate::quote::Quote;
use crate::span::Span;

/// The input format an article came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Plain text, one paragraph or caption per line.
    Text,
    /// An HTML page.
    Html,
    /// One line of a JSON Lines file.
    Jsonl,
    /// A record of a WARC archive.
    Warc,
}

impl Format {
    /// The lowercase name used in the record.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "html",
            Format::Jsonl => "jsonl",
            Format::Warc => "warc",
        }
    }
}

/// Where an article came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// The file it was read from, or `None` for standard input and in-memory text.
    pub path: Option<String>,
    /// The article's URL when the input gives one.
    pub url: Option<String>,
    /// The input format.
    pub format: Format,
}

/// Article metadata: given by the input, or found by the layout stage.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    /// The article's title.
    pub title: Option<String>,
    /// The publication date, against which relative dates are resolved.
    pub published: Option<NaiveDate>,
    /// The outlet or agency that published it.
    pub outlet: Option<String>,
    /// Author names, in byline order.
    pub authors: Vec<String>,
    /// ISO 639-1 language code, when known.
    pub language: Option<String>,
}

/// What part of a page a section is (SCHEMA.md `sections[].kind`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SectionKind {
    /// The article's title.
    Headline,
    /// Highlight bullets or a standfirst under the headline.
    Highlight,
    /// Author and timestamp lines.
    Byline,
    /// The place/date/agency prefix of the first paragraph ("NAIROBI, March 4 (Reuters) -").
    Dateline,
    /// Body text.
    Paragraph,
    /// A photo caption or credit.
    Caption,
    /// Page furniture: share/follow/read-more lines, ads, copyright, reader comments.
    Boilerplate,
}

impl SectionKind {
    /// All kinds, in schema order.
    pub const ALL: [SectionKind; 7] = [
        SectionKind::Headline,
        SectionKind::Highlight,
        SectionKind::Byline,
        SectionKind::Dateline,
        SectionKind::Paragraph,
        SectionKind::Caption,
        SectionKind::Boilerplate,
    ];

    /// The lowercase name used in the record.
    pub fn as_str(self) -> &'static str {
        match self {
            SectionKind::Headline => "headline",
            SectionKind::Highlight => "highlight",
            SectionKind::Byline => "byline",
            SectionKind::Dateline => "dateline",
            SectionKind::Paragraph => "paragraph",
            SectionKind::Caption => "caption",
            SectionKind::Boilerplate => "boilerplate",
        }
    }

    /// True for kinds whose text is part of the story (everything but boilerplate), which later
    /// stages segment and analyse.
    pub fn is_content(self) -> bool {
        self != SectionKind::Boilerplate
    }
}

impl fmt::Display for SectionKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A layout section: a span of the text and what part of the page it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    /// What part of the page this is.
    pub kind: SectionKind,
    /// Where it is.
    pub span: Span,
}

/// A sentence, always inside one section.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// Where it is: from its first token's start to its last token's end.
    pub span: Span,
    /// Index into [`Document::sections`].
    pub section: u32,
    /// Index of its first token in [`Document::tokens`].
    pub first_token: u32,
    /// One past the index of its last token.
    pub end_token: u32,
}

/// The coarse class of a token.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenKind {
    /// Letters, possibly with inner hyphens, apostrophes or periods (U.S., Jean-Luc, o'clock).
    Word,
    /// Digits with inner separators (2.3, 200,000, 1990s).
    Number,
    /// A clitic split off a word: 's, n't, 're, 've, 'll, 'd, 'm.
    Clitic,
    /// Punctuation, quote marks included.
    Punct,
    /// Currency, percent and other symbols.
    Symbol,
}

/// A token: a span with its class. Only whitespace lies between tokens.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    /// Where it is.
    pub span: Span,
    /// Its class.
    pub kind: TokenKind,
}

/// A layer of annotations, for stage ordering.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Layer {
    /// `Document::sections` (and layout metadata).
    Sections,
    /// `Document::sentences`.
    Sentences,
    /// `Document::tokens`.
    Tokens,
    /// `Document::mentions`.
    Mentions,
    /// `Document::actors`.
    Actors,
    /// `Document::quotes`.
    Quotes,
    /// `Document::events`.
    Events,
    /// `Document::quantities`.
    Quantities,
    /// `Document::casualties`.
    Casualties,
    /// `Document::alignments`.
    Alignments,
    /// `Document::summary`.
    Summary,
}

/// Which stage wrote which layers, in order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageRun {
    /// The stage's name.
    pub stage: String,
    /// The stage's version (its crate's).
    pub version: String,
}

/// One article: an immutable text and the layers of stand-off annotation over it.
///
/// The text is set once, at construction, and never rewritten: every annotation is a [`Span`]
/// into it, or an index into another layer.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    /// A stable id: the input's own id or a content hash.
    pub id: String,
    /// Where the article came from.
    pub source: Source,
    /// Article metadata.
    pub meta: Meta,
    text: String,
    /// Layout sections, sorted and non-overlapping.
    pub sections: Vec<Section>,
    /// Sentences, sorted, each inside one section.
    pub sentences: Vec<Sentence>,
    /// Tokens, sorted, each inside one sentence.
    pub tokens: Vec<Token>,
    /// Mentions of actors, sorted and non-overlapping.
    pub mentions: Vec<Mention>,
    /// The actors the mentions stand for, each listing its mentions.
    pub actors: Vec<Actor>,
    /// What was said and by whom, in text order of the quotes' starts.
    pub quotes: Vec<Quote>,
    /// Coded events, in text order of their triggers.
    pub events: Vec<Event>,
    /// Figures with what they count, in text order.
    pub quantities: Vec<Quantity>,
    /// The reconciled toll of the article's incident(s).
    pub casualties: Casualties,
    /// Who backs or opposes whom.
    pub alignments: Vec<Alignment>,
    /// The sentences that carry the story: indexes into [`Document::sentences`], in order.
    pub summary: Vec<u32>,
    /// The stages that ran, in order.
    pub runs: Vec<StageRun>,
}

impl Document {
    /// Makes a document with no annotation yet.
    pub fn new(id: impl Into<String>, source: Source, meta: Meta, text: impl Into<String>) -> Self {
        Document {
            id: id.into(),
            source,
            meta,
            text: text.into(),
            sections: Vec::new(),
            sentences: Vec::new(),
            tokens: Vec::new(),
            mentions: Vec::new(),
            actors: Vec::new(),
            quotes: Vec::new(),
            events: Vec::new(),
            quantities: Vec::new(),
            casualties: Casualties::default(),
            alignments: Vec::new(),
            summary: Vec::new(),
            runs: Vec::new(),
        }
    }

    /// The article text that every span indexes.
    #[inline]
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The text of a span.
    ///
    /// # Panics
    /// When the span is not a valid span of this text (see [`Document::validate`]).
    #[inline]
    pub fn span_text(&self, span: Span) -> &str {
        &self.text.as_str()[span]
    }

    /// The tokens of a sentence.
    pub fn sentence_tokens(&self, sentence: &Sentence) -> &[Token] {
        &self.tokens[sentence.first_token as usize..sentence.end_token as usize]
    }

    /// Checks every invariant of the layers: spans in bounds and on char boundaries, layers
    /// sorted and non-overlapping, sentences inside their section, tokens inside their sentence
    /// with only whitespace between them, and indexes that resolve.
    pub fn validate(&self) -> Result<(), ValidationError> {
        crate::validate::validate(self)
    }
}
