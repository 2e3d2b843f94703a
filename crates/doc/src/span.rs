//! Byte spans into a document's text.

use std::fmt;
use std::ops::{Index, Range};

use serde::{Deserialize, Serialize};

use crate::error::SpanError;

/// A half-open byte range `[start, end)` into [`Document::text`](crate::Document::text).
///
/// Invariant: `start <= end`. Whether both ends fall on char boundaries of a given text is
/// checked by [`Span::checked`] and by [`Document::validate`](crate::Document::validate).
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub struct Span {
    /// First byte of the span.
    pub start: u32,
    /// One past the last byte of the span.
    pub end: u32,
}

impl Span {
    /// Builds a span from byte offsets.
    ///
    /// # Panics
    /// When `start > end` or an offset does not fit in `u32`: both are bugs in the caller, which
    /// derived the offsets from the text itself. Spans from outside data go through
    /// [`Span::checked`].
    #[track_caller]
    #[inline]
    pub fn new(start: usize, end: usize) -> Span {
        assert!(start <= end, "span start {start} is after its end {end}");
        let start = u32::try_from(start).expect("span start beyond u32");
        let end = u32::try_from(end).expect("span end beyond u32");
        Span { start, end }
    }

    /// Builds a span from untrusted offsets, checking them against `text`.
    pub fn checked(text: &str, start: usize, end: usize) -> Result<Span, SpanError> {
        if start > end {
            return Err(SpanError::Reversed { start, end });
        }
        if end > text.len() {
            return Err(SpanError::OutOfBounds {
                end,
                len: text.len(),
            });
        }
        for at in [start, end] {
            if !text.is_char_boundary(at) {
                return Err(SpanError::NotCharBoundary { at });
            }
        }
        Ok(Span::new(start, end))
    }

    /// The span as a `usize` range, for slicing.
    #[inline]
    pub fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    /// Length in bytes.
    #[inline]
    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    /// True when the span covers no byte.
    #[inline]
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// True when `other` lies entirely inside `self`.
    #[inline]
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "[{}..{})", self.start, self.end)
    }
}

impl Index<Span> for str {
    type Output = str;

    #[inline]
    fn index(&self, span: Span) -> &str {
        &self[span.range()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checked_rejects_bad_offsets() {
        let text = "Café au lait";
        assert!(Span::checked(text, 0, 4).is_err(), "4 is inside 'é'");
        assert!(Span::checked(text, 5, 3).is_err());
        assert!(Span::checked(text, 0, 99).is_err());
        let s = Span::checked(text, 0, 5).unwrap();
        assert_eq!(&text[s], "Café");
    }

    #[test]
    #[should_panic(expected = "after its end")]
    fn new_panics_on_reversed() {
        let _ = Span::new(3, 2);
    }
}
