//! Errors of the document model.

use thiserror::Error;

/// An invalid span built from untrusted offsets.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum SpanError {
    /// `start` lies after `end`.
    #[error("span start {start} is after its end {end}")]
    Reversed {
        /// The start offset.
        start: usize,
        /// The end offset.
        end: usize,
    },
    /// `end` lies past the end of the text.
    #[error("span end {end} is past the end of a {len}-byte text")]
    OutOfBounds {
        /// The end offset.
        end: usize,
        /// The text's length in bytes.
        len: usize,
    },
    /// An offset falls inside a multi-byte character.
    #[error("offset {at} is not on a character boundary")]
    NotCharBoundary {
        /// The offending offset.
        at: usize,
    },
}

/// A broken invariant found by [`Document::validate`](crate::Document::validate).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum ValidationError {
    /// A span of some layer is not a valid span of the text.
    #[error("{layer} #{index}: {source}")]
    BadSpan {
        /// The layer holding the span.
        layer: &'static str,
        /// Index of the item in its layer.
        index: usize,
        /// What is wrong with the span.
        source: SpanError,
    },
    /// Items of a layer are out of order or overlap.
    #[error("{layer} #{index} starts before the end of the previous item (layer must be sorted and non-overlapping)")]
    Unordered {
        /// The layer.
        layer: &'static str,
        /// Index of the first item out of order.
        index: usize,
    },
    /// An item is not inside the item of the enclosing layer it belongs to.
    #[error("{layer} #{index} is not inside {parent} #{parent_index}")]
    Outside {
        /// The inner layer.
        layer: &'static str,
        /// Index of the inner item.
        index: usize,
        /// The enclosing layer.
        parent: &'static str,
        /// Index of the enclosing item (or the number of items when none encloses it).
        parent_index: usize,
    },
    /// An index into another layer does not resolve.
    #[error("{layer} #{index} refers to {target} #{target_index}, which does not exist")]
    Dangling {
        /// The layer holding the reference.
        layer: &'static str,
        /// Index of the item holding the reference.
        index: usize,
        /// The referenced layer.
        target: &'static str,
        /// The unresolved index.
        target_index: usize,
    },
    /// Something other than whitespace lies between two tokens of a sentence, or at a
    /// sentence's edge: tokenization must not lose text.
    #[error(
        "non-whitespace text {gap:?} at byte {at} is covered by no token of sentence #{sentence}"
    )]
    LostText {
        /// The sentence.
        sentence: usize,
        /// Byte offset of the gap.
        at: usize,
        /// The gap's text (at most 20 bytes of it).
        gap: String,
    },
    /// A span that must hold text is empty.
    #[error("{layer} #{index} is empty")]
    Empty {
        /// The layer.
        layer: &'static str,
        /// Index of the empty item.
        index: usize,
    },
}
