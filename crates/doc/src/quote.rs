//! The quote layer: what was said, by whom, with which cue.

use serde::{Deserialize, Serialize};

use crate::span::Span;

/// How a quote reports speech (SCHEMA.md `quotes[].kind`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// The speaker's words in quote marks, standing as sentences of their own:
    /// `'We will not back down,' she said.`
    Direct,
    /// Reported speech without quote marks: `Spain said fresh elections were the way out.`
    Indirect,
    /// A few quoted words inside the writer's sentence: `called it a 'path to lawlessness'`.
    Mixed,
}

impl QuoteKind {
    /// The lowercase name used in the record.
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Indirect => "indirect",
            QuoteKind::Mixed => "mixed",
        }
    }
}

/// One quote: the quoted words, in one or more parts (`'We will not,' she said, 'back
/// down.'` is one quote of two parts), with its speaker and cue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    /// The quoted words, in text order, without their quote marks; never empty.
    pub parts: Vec<Span>,
    /// How the speech is reported.
    pub kind: QuoteKind,
    /// The speaker: an index into [`crate::Document::actors`].
    pub speaker: Option<u32>,
    /// The words that name the speaker (`Madrid's foreign minister`, `he`).
    pub speaker_span: Option<Span>,
    /// The reporting verb or marker (`said`, `tweeted`, `:`, `according to`).
    pub cue: Option<Span>,
    /// The sentence the quote starts in: an index into [`crate::Document::sentences`].
    pub sentence: u32,
}

impl Quote {
    /// From the start of the first part to the end of the last.
    pub fn span(&self) -> Span {
        let first = self.parts.first().map_or(0, |s| s.start);
        let last = self.parts.last().map_or(first, |s| s.end);
        Span {
            start: first,
            end: last,
        }
    }
}
