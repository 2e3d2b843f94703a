//! The [`Stage`] trait that every step of the pipeline implements.

use thiserror::Error;

use crate::document::{Document, Layer};

/// One step of the pipeline: reads the layers earlier stages wrote, adds its own.
///
/// A stage is built once (lexicons loaded, automata compiled) and then annotates any number of
/// documents, from several threads at once.
pub trait Stage: Send + Sync {
    /// A short name, used in errors and in [`Document::runs`].
    fn name(&self) -> &'static str;
    /// The layers this stage reads, which earlier stages must produce.
    fn requires(&self) -> &'static [Layer];
    /// The layers this stage writes.
    fn produces(&self) -> &'static [Layer];
    /// Adds this stage's annotations to `doc`.
    fn annotate(&self, doc: &mut Document) -> Result<(), StageError>;
}

/// A stage could not annotate a document.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum StageError {
    /// The document is too large for the engine's 32-bit offsets.
    #[error("the text is {len} bytes, more than the {max} bytes a document may hold")]
    TooLarge {
        /// The text's length in bytes.
        len: usize,
        /// The largest length allowed.
        max: usize,
    },
    /// A stage produced annotations that break the document's invariants (a bug).
    #[error("stage {stage} broke an invariant: {detail}")]
    Invariant {
        /// The stage.
        stage: &'static str,
        /// What broke.
        detail: String,
    },
}
