//! The `quantities` and `casualties` stages: the article's figures with what they count, and its
//! reconciled toll of dead and injured.
//!
//! [`QuantityStage`] reads every sentence of the story (captions too, never page furniture) and
//! writes [`Document::quantities`]:
//!
//! 1. **The number**: digits (`200,000`, `2.3`) or words (`seven`, `twenty-one`, `a dozen`),
//!    times a scale (`million`, `$65billion`, `1.2bn`); vague plurals take ACLED's conservative
//!    reading and are lower bounds (`dozens` = 12, `tens of thousands` = 10,000). Years, days
//!    of the month, clock times, ordinals, ages, scores and numbers inside names are not
//!    quantities.
//! 2. **The bound** from the words before it (`at least`, `more than`, `nearly`, `some`).
//! 3. **The unit and kind**: a currency (`$`, `euros`) makes money, `percent` a rate, `hours`
//!    a duration; otherwise the words around it say what is counted (`four people were killed`,
//!    `killing 14`, `the death toll rose to 31`, `2.3 million people have fled`, `tens of
//!    thousands of demonstrators gathered`), else it is a count of its noun.
//! 4. **The date it refers to** when the sentence gives one near it (`in 2017`, `since 2015`,
//!    `last year`), and **the actor** named in its noun phrase (`four Kenyan soldiers`).
//!
//! [`CasualtyStage`] then reconciles the dead and injured into one toll for the article's
//! incident(s) ([`casualties`]).
//!
//! The words are data: `data/quantities/{numbers,units,kinds,modifiers}.tsv`.
#![deny(missing_docs)]

pub mod casualties;
pub mod lexicon;
mod scan;
#[cfg(test)]
mod tests;

use newsgraph_doc::{Document, Layer, Quantity, QuantityKind, Span, Stage, StageError};
use newsgraph_events::dates;
use newsgraph_lexicon::LexiconError;

pub use casualties::CasualtyStage;
pub use lexicon::QuantityLexicon;
use scan::{Found, Words};

/// The `quantities` stage. Build it once; it is immutable and shared across threads.
#[derive(Debug, Clone)]
pub struct QuantityStage {
    lex: QuantityLexicon,
}

impl QuantityStage {
    /// The stage with the embedded lexicon.
    pub fn new() -> Result<Self, LexiconError> {
        Ok(QuantityStage {
            lex: QuantityLexicon::embedded()?,
        })
    }
}

impl Stage for QuantityStage {
    fn name(&self) -> &'static str {
        "quantities"
    }

    fn requires(&self) -> &'static [Layer] {
        &[
            Layer::Sections,
            Layer::Sentences,
            Layer::Tokens,
            Layer::Mentions,
            Layer::Actors,
        ]
    }

    fn produces(&self) -> &'static [Layer] {
        &[Layer::Quantities]
    }

    fn annotate(&self, doc: &mut Document) -> Result<(), StageError> {
        doc.quantities = self.find(doc);
        Ok(())
    }
}

impl QuantityStage {
    /// Every quantity of the document, in text order.
    pub fn find(&self, doc: &Document) -> Vec<Quantity> {
        let mut out = Vec::new();
        let mut found = Vec::new();
        let mut words = Words {
            text: Vec::new(),
            kind: Vec::new(),
            glued: Vec::new(),
            role: Vec::new(),
        };
        for (si, sentence) in doc.sentences.iter().enumerate() {
            if !doc.sections[sentence.section as usize].kind.is_content() {
                continue;
            }
            let tokens = doc.sentence_tokens(sentence);
            // Most sentences hold no number at all: one pass over their text before anything
            if !self.lex.may_hold_quantity(doc.span_text(sentence.span)) {
                continue;
            }
            words.text.clear();
            words.kind.clear();
            words.glued.clear();
            words.role.clear();
            let mut prev_end = u32::MAX;
            for t in tokens {
                words.text.push(doc.span_text(t.span));
                words.kind.push(t.kind);
                words.glued.push(t.span.start == prev_end);
                words
                    .role
                    .push(if t.kind == newsgraph_doc::TokenKind::Word {
                        self.lex.role(doc.span_text(t.span))
                    } else {
                        None
                    });
                prev_end = t.span.end;
            }
            found.clear();
            self.lex.scan(&words, &mut found);
            if found.is_empty() {
                continue;
            }
            let hits = dates::find(&words.text, doc.meta.published, false);
            for f in &found {
                let span = Span {
                    start: tokens[f.first].span.start,
                    end: tokens[f.end - 1].span.end,
                };
                let (date, date_span) = match nearest_date(&words, f, &hits) {
                    Some(h) => (
                        Some(h.value.clone()),
                        Some(Span {
                            start: tokens[h.first].span.start,
                            end: tokens[h.end - 1].span.end,
                        }),
                    ),
                    None => (None, None),
                };
                let actor = if f.noun.1 > f.noun.0 {
                    mention_actor(
                        doc,
                        tokens[f.noun.0].span.start,
                        tokens[f.noun.1 - 1].span.end,
                    )
                } else {
                    None
                };
                out.push(Quantity {
                    span,
                    sentence: si as u32,
                    value: f.value,
                    bound: f.bound,
                    unit: f.unit.clone(),
                    kind: f.kind,
                    date,
                    date_span,
                    actor,
                });
            }
        }
        out
    }
}

/// Words that end the clause a date can reach across.
const CLAUSE_BREAKS: &[&str] = &[";", "while", "whereas", "but", "although", "though"];

/// The date expression nearest the quantity in its clause: after it (`120 dead in 2017`,
/// `fled since 2015`) within eight words, or before it within five; else the last date before
/// it in the sentence.
fn nearest_date<'h>(
    w: &Words,
    f: &Found,
    hits: &'h [dates::DateHit],
) -> Option<&'h dates::DateHit> {
    let breaks = |a: usize, b: usize| {
        w.text[a..b]
            .iter()
            .any(|t| CLAUSE_BREAKS.iter().any(|c| t.eq_ignore_ascii_case(c)))
    };
    let mut best: Option<(usize, &dates::DateHit)> = None;
    for h in hits {
        let distance = if h.first >= f.end {
            let d = h.first - f.end;
            (d <= 8 && !breaks(f.end, h.first)).then_some(d)
        } else if h.end <= f.first {
            let d = f.first - h.end;
            (d <= 5 && !breaks(h.end, f.first)).then_some(d + 1)
        } else {
            None
        };
        if let Some(d) = distance {
            if best.is_none_or(|(b, _)| d < b) {
                best = Some((d, h));
            }
        }
    }
    if best.is_none() {
        // `In 2022, floods killed 230`, `since October 2016, when gunmen killed 60`, `the
        // earthquakes of 2023, which killed 50,000`: a date earlier in the clause dates it
        best = hits
            .iter()
            .filter(|h| h.end <= f.first && !w.text[h.end..f.first].contains(&";"))
            .map(|h| (f.first - h.end, h))
            .next_back();
    }
    best.map(|(_, h)| h)
}

/// The actor of the first linked mention inside a byte range.
fn mention_actor(doc: &Document, start: u32, end: u32) -> Option<u32> {
    let at = doc.mentions.partition_point(|m| m.span.end <= start);
    doc.mentions[at..]
        .iter()
        .take_while(|m| m.span.start < end)
        .find_map(|m| m.actor)
}

/// True for the kinds that count people hurt in an incident.
pub fn is_casualty(kind: QuantityKind) -> bool {
    matches!(kind, QuantityKind::Killed | QuantityKind::Injured)
}
