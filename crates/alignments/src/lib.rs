//! The `alignments` stage: who supports or opposes whom, and on what evidence.
//!
//! [`AlignmentStage`] reads events, quotes and actors and writes [`Document::alignments`]:
//!
//! - **From events**: the stance of an event's CAMEO code (`data/alignments/stances.tsv`):
//!   praise, endorsement, recognition, cooperation and aid are support (`051`, `054`, `06`,
//!   `07`); disapproval, rejection, threats, protest, reduced relations, coercion and force are
//!   opposition (`11` .. `20`). The longest code prefix in the file decides. Only events that
//!   happened or are reported count: a negated event (`stopped short of recognising`) and a
//!   hypothetical or planned one give none, nor does an event whose target the events stage
//!   only guessed as the other actor of its sentence (`Cuba, an ally of X, threatened to ...`). A coordinated source has one event per actor, and so
//!   one alignment each.
//! - **From quotes**: a stance phrase in someone's quote (`we stand with`, `the legitimate
//!   president`, `dictatorship`, `illegitimate`) toward the actor the quote names nearest it in
//!   the same sentence, else the nearest one before it in the quote; `not` or `never` just
//!   before the phrase cancels it. The speaker must be a known actor.
//!
//! Words between an opposing event and its target can turn it into support: protesters who
//! march `in support of` someone, troops sent to fight `alongside` someone.
//!
//! One alignment per (actor, toward, stance), listing every event and quote behind it, in
//! text order.
#![deny(missing_docs)]

use newsgraph_doc::{
    ActorType, Alignment, Document, EvidenceRef, Layer, Modality, Span, Stage, StageError, Stance,
};
use newsgraph_lexicon::{embedded, Lexicon, LexiconError};

/// The `alignments` stage. Build it once; it is immutable and shared across threads.
#[derive(Debug, Clone)]
pub struct AlignmentStage {
    /// CAMEO code prefixes and their stance (`None`: no stance), longest first.
    codes: Vec<(&'static str, Option<Stance>)>,
    /// Quote phrases (lowercase words) and their stance, longest first.
    phrases: Vec<(Vec<&'static str>, Stance)>,
    /// Words that turn an opposing event toward its target into support.
    flips: Vec<Vec<&'static str>>,
    /// The first word of every quote phrase, lowercase: a cheap test per word.
    phrase_starts: Vec<&'static str>,
}

fn parse_stance(s: &str) -> Option<Option<Stance>> {
    match s {
        "support" => Some(Some(Stance::Support)),
        "oppose" => Some(Some(Stance::Oppose)),
        "none" => Some(None),
        _ => None,
    }
}

impl AlignmentStage {
    /// The stage with the embedded stance list.
    pub fn new() -> Result<Self, LexiconError> {
        let file = Lexicon::parse(&embedded::STANCES)?;
        let (mut codes, mut phrases, mut flips) = (Vec::new(), Vec::new(), Vec::new());
        for row in file.rows() {
            let bad = |message: String| LexiconError::BadValue {
                file: file.file(),
                line: row.line,
                message,
            };
            let stance = parse_stance(row.fields[2])
                .ok_or_else(|| bad(format!("unknown stance {:?}", row.fields[2])))?;
            match row.fields[1] {
                "event" => {
                    if !row.fields[0].bytes().all(|b| b.is_ascii_digit()) {
                        return Err(bad(format!("{:?} is not a CAMEO code", row.fields[0])));
                    }
                    codes.push((row.fields[0], stance));
                }
                "quote" => {
                    let stance =
                        stance.ok_or_else(|| bad("a quote phrase needs a stance".into()))?;
                    phrases.push((row.fields[0].split(' ').collect(), stance));
                }
                "flip" => flips.push(row.fields[0].split(' ').collect()),
                other => return Err(bad(format!("unknown kind {other:?}"))),
            }
        }
        codes.sort_by_key(|c| std::cmp::Reverse(c.0.len()));
        phrases.sort_by_key(|p: &(Vec<&str>, Stance)| std::cmp::Reverse(p.0.len()));
        let mut phrase_starts: Vec<&'static str> = phrases.iter().map(|p| p.0[0]).collect();
        phrase_starts.sort_unstable();
        phrase_starts.dedup();
        Ok(AlignmentStage {
            codes,
            phrases,
            flips,
            phrase_starts,
        })
    }

    /// The stance an event code carries, if any.
    pub fn code_stance(&self, cameo: &str) -> Option<Stance> {
        self.codes
            .iter()
            .find(|(prefix, _)| cameo.starts_with(prefix))
            .and_then(|(_, s)| *s)
    }
}

impl Stage for AlignmentStage {
    fn name(&self) -> &'static str {
        "alignments"
    }

    fn requires(&self) -> &'static [Layer] {
        &[
            Layer::Sentences,
            Layer::Tokens,
            Layer::Mentions,
            Layer::Actors,
            Layer::Quotes,
            Layer::Events,
        ]
    }

    fn produces(&self) -> &'static [Layer] {
        &[Layer::Alignments]
    }

    fn annotate(&self, doc: &mut Document) -> Result<(), StageError> {
        doc.alignments = self.find(doc);
        Ok(())
    }
}

/// Collects evidence per (actor, toward, stance) in first-seen order.
#[derive(Default)]
struct Ledger {
    out: Vec<Alignment>,
}

impl Ledger {
    fn add(&mut self, doc: &Document, actor: u32, toward: u32, stance: Stance, e: EvidenceRef) {
        if actor == toward || !can_take_sides(doc, actor) || !can_take_sides(doc, toward) {
            return;
        }
        match self
            .out
            .iter_mut()
            .find(|a| a.actor == actor && a.toward == toward && a.stance == stance)
        {
            Some(a) => {
                if !a.evidence.contains(&e) {
                    a.evidence.push(e);
                }
            }
            None => self.out.push(Alignment {
                actor,
                toward,
                stance,
                evidence: vec![e],
            }),
        }
    }
}

/// True when `other` is the country the speaker speaks for (`Mexico` in a quote of the
/// Mexican president), whom a quote's judgement is rarely about.
fn own_country(doc: &Document, speaker: u32, other: u32) -> bool {
    let (s, o) = (&doc.actors[speaker as usize], &doc.actors[other as usize]);
    o.kind == ActorType::Country && s.country.is_some() && s.country == o.country
}

/// The sentence holding a span, found by binary search.
fn sentence_of(doc: &Document, span: Span) -> Option<&newsgraph_doc::Sentence> {
    let at = doc.sentences.partition_point(|s| s.span.end <= span.start);
    doc.sentences.get(at).filter(|s| s.span.contains(span))
}

/// Places do not take sides, nor are they sided with.
fn can_take_sides(doc: &Document, actor: u32) -> bool {
    doc.actors
        .get(actor as usize)
        .is_some_and(|a| a.kind != ActorType::Place)
}

impl AlignmentStage {
    /// Every alignment of the document.
    pub fn find(&self, doc: &Document) -> Vec<Alignment> {
        let mut ledger = Ledger::default();
        for (i, e) in doc.events.iter().enumerate() {
            if e.negated
                || matches!(e.modality, Modality::Hypothetical | Modality::Future)
                || e.target_guessed
            {
                continue;
            }
            let (Some(source), Some(target)) = (e.source, e.target) else {
                continue;
            };
            if let Some(mut stance) = self.code_stance(e.cameo) {
                if stance == Stance::Oppose && self.flipped(doc, e.trigger, target) {
                    stance = Stance::Support;
                }
                ledger.add(doc, source, target, stance, EvidenceRef::Event(i as u32));
            }
        }
        for (qi, q) in doc.quotes.iter().enumerate() {
            let Some(speaker) = q.speaker else {
                continue;
            };
            for part in &q.parts {
                self.quote_part(doc, *part, speaker, qi as u32, q.span(), &mut ledger);
            }
        }
        ledger.out
    }

    /// True when a flip phrase stands between an event's trigger and the next mention of its
    /// target: `marched ... in support of the Palestinians`, `fight alongside Russian forces`.
    fn flipped(&self, doc: &Document, trigger: Span, target: u32) -> bool {
        let first = doc.tokens.partition_point(|t| t.span.start < trigger.end);
        let Some(sentence) = sentence_of(doc, trigger) else {
            return false;
        };
        let from = doc.mentions.partition_point(|m| m.span.start < trigger.end);
        let Some(until) = doc.mentions[from..]
            .iter()
            .take_while(|m| m.span.end <= sentence.span.end)
            .find(|m| m.actor == Some(target))
        else {
            return false;
        };
        let end = doc
            .tokens
            .partition_point(|t| t.span.start < until.span.start);
        if end <= first || end - first > 12 {
            return false;
        }
        let words: Vec<&str> = doc.tokens[first..end]
            .iter()
            .map(|t| doc.span_text(t.span))
            .collect();
        // the phrase governs the target: at most two words between them (`in support of the
        // Palestinians`), so `alongside X against Y` does not turn the stance toward Y
        (0..words.len()).any(|k| {
            self.flips.iter().any(|f| {
                words.len() >= k + f.len()
                    && words.len() - (k + f.len()) <= 2
                    && words[k..k + f.len()]
                        .iter()
                        .zip(f)
                        .all(|(w, x)| w.eq_ignore_ascii_case(x))
            })
        })
    }

    /// Stance phrases in one part of a quote, each toward the actor named nearest it.
    fn quote_part(
        &self,
        doc: &Document,
        part: Span,
        speaker: u32,
        quote: u32,
        whole: Span,
        ledger: &mut Ledger,
    ) {
        let first = doc.tokens.partition_point(|t| t.span.start < part.start);
        let end = doc.tokens.partition_point(|t| t.span.start < part.end);
        let words: Vec<&str> = doc.tokens[first..end]
            .iter()
            .map(|t| doc.span_text(t.span))
            .collect();
        for k in 0..words.len() {
            if !self
                .phrase_starts
                .iter()
                .any(|p| words[k].eq_ignore_ascii_case(p))
            {
                continue;
            }
            let Some((len, stance)) = self
                .phrases
                .iter()
                .find(|(p, _)| {
                    words.len() >= k + p.len()
                        && words[k..k + p.len()]
                            .iter()
                            .zip(p)
                            .all(|(w, x)| w.eq_ignore_ascii_case(x))
                })
                .map(|(p, s)| (p.len(), *s))
            else {
                continue;
            };
            let negated = words[k.saturating_sub(3)..k].iter().any(|w| {
                ["not", "never", "n't", "no"]
                    .iter()
                    .any(|x| w.eq_ignore_ascii_case(x))
            });
            // `the terrorist attack`, `a criminal investigation`: a modifier, not a judgement
            let modifier = words
                .get(k + len)
                .is_some_and(|w| NOT_JUDGEMENTS.iter().any(|x| w.eq_ignore_ascii_case(x)));
            if negated || modifier {
                continue;
            }
            let cue = Span {
                start: doc.tokens[first + k].span.start,
                end: doc.tokens[first + k + len - 1].span.end,
            };
            if let Some(toward) = nearest_named(doc, cue, whole, speaker) {
                ledger.add(doc, speaker, toward, stance, EvidenceRef::Quote(quote));
            }
        }
    }
}

/// Words before a mention that make it a place or a circumstance, not the one judged.
const NOT_JUDGED: &[&str] = &[
    "in", "at", "from", "across", "to", "into", "for", "on", "against", "by", "over",
];

/// Nouns after a stance word that make it a modifier (`terrorist attack`, `criminal case`).
const NOT_JUDGEMENTS: &[&str] = &[
    "attack",
    "attacks",
    "act",
    "acts",
    "investigation",
    "charges",
    "case",
    "cases",
    "gang",
    "gangs",
    "network",
    "networks",
    "group",
    "groups",
    "organisation",
    "organization",
    "cell",
    "cells",
    "court",
    "code",
    "law",
    "threat",
    "threats",
    "activity",
    "activities",
    "change",
];

/// The actor the phrase judges: named nearest before `cue` in its sentence inside the quote
/// (`Maduro is the legitimate`, `X and his regime`), else nearest after it, else the nearest
/// before it in the quote; never the speaker, never a mention after `in` or `at`.
fn nearest_named(doc: &Document, cue: Span, quote: Span, speaker: u32) -> Option<u32> {
    let sentence = sentence_of(doc, cue)?.span;
    let inside = |m: &&newsgraph_doc::Mention| {
        let before = doc.text()[..m.span.start as usize].trim_end();
        let word = before
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        quote.contains(m.span)
            && !m.span.contains(cue)
            && !cue.contains(m.span)
            && !NOT_JUDGED.iter().any(|w| word.eq_ignore_ascii_case(w))
            && m.actor.is_some_and(|a| {
                a != speaker && can_take_sides(doc, a) && !own_country(doc, speaker, a)
            })
    };
    let distance = |m: &newsgraph_doc::Mention| {
        if m.span.end <= cue.start {
            cue.start - m.span.end
        } else {
            m.span.start.saturating_sub(cue.end)
        }
    };
    let same = doc
        .mentions
        .iter()
        .filter(inside)
        .filter(|m| sentence.contains(m.span))
        .min_by_key(|m| (m.span.start > cue.start, distance(m)));
    same.or_else(|| {
        doc.mentions
            .iter()
            .filter(inside)
            .filter(|m| m.span.end <= cue.start)
            .min_by_key(|m| distance(m))
    })
    .and_then(|m| m.actor)
}

#[cfg(test)]
mod tests;
