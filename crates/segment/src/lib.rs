//! Sentences and tokens for English news text.
//!
//! [`Segmenter`] is the `segment` stage: it reads the layout sections and writes
//! [`Document::tokens`] and [`Document::sentences`]. Every content section (all but
//! boilerplate) is tokenized and split into sentences; a sentence never crosses a section
//! boundary, so a headline, a caption or a bullet without final punctuation ends its sentence.
//!
//! Tokenization is one pass over the bytes with no allocation per token. It keeps together
//! abbreviations (`U.S.`, `Mr.`, `Jan.`), initials (`W.`), decimals and grouped numbers (`2.3`,
//! `200,000`), hyphenated words and decades (`'90s`), and splits clitics (`Maduro` `'s`, `do`
//! `n't`) and numbers glued to units (`65` `billion`). Sentence boundaries follow `.`, `!`, `?` and
//! ellipses, take closing quote marks and brackets with them, and need a plausible sentence
//! opener after them; after an abbreviation that may end a sentence (`Inc.`, `U.S.`) the opener
//! must be a common one (`The`, `He`), and after a title (`Gen.`) there is no boundary at all.
//! The abbreviation and opener lists are data (`data/segment/`).
//!
//! ```
//! use newsgraph_doc::{Document, Format, Meta, Section, SectionKind, Source, Span, Stage};
//! use newsgraph_segment::Segmenter;
//!
//! let text = "Mr. Ortiz met U.S. envoys in St. Paul. Talks ended at 5 p.m. on Friday.";
//! let source = Source { path: None, url: None, format: Format::Text };
//! let mut doc = Document::new("x", source, Meta::default(), text);
//! doc.sections.push(Section { kind: SectionKind::Paragraph, span: Span::new(0, text.len()) });
//! Segmenter::new().unwrap().annotate(&mut doc).unwrap();
//! let sentences: Vec<&str> = doc.sentences.iter().map(|s| doc.span_text(s.span)).collect();
//! assert_eq!(sentences, ["Mr. Ortiz met U.S. envoys in St. Paul.", "Talks ended at 5 p.m. on Friday."]);
//! ```
#![deny(missing_docs)]

mod sentences;
mod tokens;

use rustc_hash::{FxHashMap, FxHashSet};

use newsgraph_doc::{Document, Layer, Stage, StageError};
use newsgraph_lexicon::{embedded, Lexicon, LexiconError};

pub use sentences::split_sentences;
pub use tokens::{tokenize, Abbrev, TokenFlags};

/// How an abbreviation behaves before a possible sentence boundary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AbbrevClass {
    /// Comes before a name; never ends a sentence (`Gen.`, `Mr.`).
    Title,
    /// Never ends a sentence before a number (`Jan. 23`); otherwise as [`AbbrevClass::Other`].
    Month,
    /// Ends a sentence only before a common sentence opener (`Inc.`).
    Other,
}

/// The lexicons the segmenter needs, loaded once.
#[derive(Debug, Clone)]
pub struct SegmentLexicon {
    abbreviations: FxHashMap<&'static str, AbbrevClass>,
    starters: FxHashSet<&'static str>,
}

impl SegmentLexicon {
    /// Loads the embedded lists.
    pub fn embedded() -> Result<Self, LexiconError> {
        let abbr = Lexicon::parse(&embedded::ABBREVIATIONS)?;
        let mut abbreviations = FxHashMap::default();
        for row in abbr.rows() {
            let class = match row.fields.get(1).copied() {
                Some("title") => AbbrevClass::Title,
                Some("month") => AbbrevClass::Month,
                Some("other") => AbbrevClass::Other,
                other => {
                    return Err(row.error(
                        abbr.file(),
                        format!("unknown class {other:?}: use title, month or other"),
                    ))
                }
            };
            abbreviations.insert(row.fields[0], class);
        }
        let starters = Lexicon::parse(&embedded::SENTENCE_STARTERS)?
            .keys()
            .collect();
        Ok(SegmentLexicon {
            abbreviations,
            starters,
        })
    }

    /// The class of an abbreviation, written without its final period.
    #[inline]
    pub fn abbreviation(&self, word: &str) -> Option<AbbrevClass> {
        self.abbreviations.get(word).copied()
    }

    /// True for a word that commonly opens a sentence.
    #[inline]
    pub fn is_starter(&self, word: &str) -> bool {
        self.starters.contains(word)
    }
}

/// The `segment` stage: tokens and sentences for every content section.
#[derive(Debug, Clone)]
pub struct Segmenter {
    lexicon: SegmentLexicon,
}

impl Segmenter {
    /// Builds a segmenter with the embedded lexicons.
    pub fn new() -> Result<Self, LexiconError> {
        Ok(Segmenter {
            lexicon: SegmentLexicon::embedded()?,
        })
    }

    /// The lexicons in use.
    pub fn lexicon(&self) -> &SegmentLexicon {
        &self.lexicon
    }
}

impl Stage for Segmenter {
    fn name(&self) -> &'static str {
        "segment"
    }

    fn requires(&self) -> &'static [Layer] {
        &[Layer::Sections]
    }

    fn produces(&self) -> &'static [Layer] {
        &[Layer::Sentences, Layer::Tokens]
    }

    fn annotate(&self, doc: &mut Document) -> Result<(), StageError> {
        let mut tokens = std::mem::take(&mut doc.tokens);
        let mut sentences = std::mem::take(&mut doc.sentences);
        tokens.clear();
        sentences.clear();
        // `tokenize` reserves a quarter of each section's bytes; reserving as much for the
        // whole text here means the vector is not copied on the way.
        tokens.reserve(doc.text().len() / 4 + doc.sections.len() + 1);
        let mut flags = Vec::with_capacity(tokens.capacity());
        for (index, section) in doc.sections.iter().enumerate() {
            if !section.kind.is_content() {
                continue;
            }
            let first = tokens.len();
            tokenize(
                doc.text(),
                section.span,
                &self.lexicon,
                &mut tokens,
                &mut flags,
            );
            split_sentences(
                doc.text(),
                &tokens,
                &flags,
                first,
                index as u32,
                &self.lexicon,
                &mut sentences,
            );
        }
        doc.tokens = tokens;
        doc.sentences = sentences;
        Ok(())
    }
}
