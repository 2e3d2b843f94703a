//! The `summary` stage: the two to five sentences that carry the story, in article order.
//!
//! Candidates are the sentences of body paragraphs and highlight bullets; never the headline
//! (it is already the title), captions, bylines or page furniture. Each is scored by what makes
//! a news sentence carry its story:
//!
//! - **the headline's words**: overlap with the headline and highlights, which state the news;
//! - **centrality**: overlap with the words the whole article repeats;
//! - **position**: news puts what matters first, so earlier body sentences weigh more (a
//!   highlight bullet counts as first);
//! - **substance**: coded events with an actor, and figures of dead, injured, money or crowds;
//! - **penalties**: a sentence that is all quote, that opens with a word pointing back (`He`,
//!   `But`, `It`) or is too short or too long to stand alone.
//!
//! The best sentences are taken greedily, skipping one that mostly repeats a sentence already
//! taken (maximal marginal relevance), three for most articles and two for short ones.
#![deny(missing_docs)]

use newsgraph_doc::{Document, Layer, QuantityKind, SectionKind, Stage, StageError, TokenKind};
use newsgraph_lexicon::{embedded, word_map::WordMap, Lexicon, LexiconError};
use rustc_hash::FxHashMap;

/// The `summary` stage. Build it once; it is immutable and shared across threads.
#[derive(Debug, Clone)]
pub struct SummaryStage {
    stopwords: WordMap<()>,
}

impl SummaryStage {
    /// The stage with the embedded stop-word list.
    pub fn new() -> Result<Self, LexiconError> {
        let file = Lexicon::parse(&embedded::STOPWORDS)?;
        let mut stopwords = WordMap::ignore_ascii_case();
        for word in file.keys() {
            stopwords.insert(word, ());
        }
        Ok(SummaryStage { stopwords })
    }
}

impl Stage for SummaryStage {
    fn name(&self) -> &'static str {
        "summary"
    }

    fn requires(&self) -> &'static [Layer] {
        &[
            Layer::Sections,
            Layer::Sentences,
            Layer::Tokens,
            Layer::Quotes,
            Layer::Events,
            Layer::Quantities,
        ]
    }

    fn produces(&self) -> &'static [Layer] {
        &[Layer::Summary]
    }

    fn annotate(&self, doc: &mut Document) -> Result<(), StageError> {
        doc.summary = self.choose(doc);
        Ok(())
    }
}

/// Words that point back to something said before: a sentence opening with one does not
/// stand alone.
const BACK_POINTERS: &[&str] = &[
    "he",
    "she",
    "it",
    "they",
    "this",
    "that",
    "these",
    "those",
    "but",
    "however",
    "and",
    "also",
    "meanwhile",
    "still",
    "yet",
    "his",
    "her",
    "their",
    "its",
    "there",
];

/// One candidate sentence.
struct Candidate {
    /// True for a highlight bullet (which is itself part of the lead).
    highlight: bool,
    sentence: u32,
    /// Its content words as term ids, deduplicated.
    terms: Vec<u32>,
    score: f64,
}

/// Maps an article's lowercase content words to ids. Each thread keeps one and clears it
/// for the next article, so that words (packed into the map's keys) cost no allocation.
#[derive(Default)]
struct Vocabulary {
    ids: WordMap<u32>,
    buf: String,
}

impl Vocabulary {
    /// The id of `word`'s stem, or `None` for a stop word.
    fn content_id(&mut self, word: &str, stopwords: &WordMap<()>) -> Option<u32> {
        self.buf.clear();
        if word.is_ascii() {
            self.buf.push_str(word);
            self.buf.make_ascii_lowercase();
        } else {
            for c in word.chars() {
                self.buf.extend(c.to_lowercase());
            }
        }
        if stopwords.contains(&self.buf) {
            return None;
        }
        // a light stem: plural and verb endings
        let stem = stem(&self.buf);
        if let Some(&id) = self.ids.get(stem) {
            return Some(id);
        }
        let id = self.ids.len() as u32;
        self.ids.insert(stem, id);
        Some(id)
    }
}

thread_local! {
    static VOCABULARY: std::cell::RefCell<Vocabulary> = std::cell::RefCell::default();
}

fn stem(w: &str) -> &str {
    for suffix in ["ies", "ing", "ed", "es", "s"] {
        if w.len() > suffix.len() + 3 {
            if let Some(s) = w.strip_suffix(suffix) {
                return s;
            }
        }
    }
    w
}

impl SummaryStage {
    /// The content words of a sentence as sorted, unique term ids.
    fn terms(&self, doc: &Document, si: usize, vocab: &mut Vocabulary, out: &mut Vec<u32>) {
        out.clear();
        for t in doc.sentence_tokens(&doc.sentences[si]) {
            if t.kind != TokenKind::Word && t.kind != TokenKind::Number {
                continue;
            }
            let w = doc.span_text(t.span);
            if w.len() < 2 {
                continue;
            }
            if let Some(id) = vocab.content_id(w, &self.stopwords) {
                out.push(id);
            }
        }
        out.sort_unstable();
        out.dedup();
    }

    /// The summary's sentences, in article order.
    pub fn choose(&self, doc: &Document) -> Vec<u32> {
        VOCABULARY.with_borrow_mut(|vocab| {
            vocab.ids.clear();
            self.choose_with(doc, vocab)
        })
    }

    fn choose_with(&self, doc: &Document, vocab: &mut Vocabulary) -> Vec<u32> {
        let mut scratch = Vec::new();
        // the headline and highlights state the news
        let mut lead_terms: FxHashMap<u32, u32> = FxHashMap::default();
        let mut doc_freq: FxHashMap<u32, u32> = FxHashMap::default();
        let mut candidates: Vec<Candidate> = Vec::new();
        let facts = Facts::of(doc);
        let mut body_rank = 0usize;
        for (si, s) in doc.sentences.iter().enumerate() {
            let kind = doc.sections[s.section as usize].kind;
            if !matches!(
                kind,
                SectionKind::Headline | SectionKind::Highlight | SectionKind::Paragraph
            ) {
                continue;
            }
            self.terms(doc, si, vocab, &mut scratch);
            if matches!(kind, SectionKind::Headline | SectionKind::Highlight) {
                for &t in &scratch {
                    *lead_terms.entry(t).or_default() += 1;
                }
            }
            for &t in &scratch {
                *doc_freq.entry(t).or_default() += 1;
            }
            if kind == SectionKind::Headline {
                continue;
            }
            let words = doc
                .sentence_tokens(s)
                .iter()
                .filter(|t| t.kind == TokenKind::Word)
                .count();
            if words < 6 || s.span.len() < 30 {
                continue;
            }
            let position = if kind == SectionKind::Highlight {
                0
            } else {
                body_rank += 1;
                body_rank - 1
            };
            candidates.push(Candidate {
                highlight: kind == SectionKind::Highlight,
                sentence: si as u32,
                terms: scratch.clone(),
                score: prior(doc, &facts, si, words, position),
            });
        }
        if candidates.is_empty() {
            return Vec::new();
        }
        let repeated: f64 = doc_freq.values().filter(|&&f| f > 1).count().max(1) as f64;
        for c in &mut candidates {
            if c.terms.is_empty() {
                continue;
            }
            let n = c.terms.len() as f64;
            // a highlight is compared with the headline and the other highlights, not itself
            let own = u32::from(c.highlight);
            let lead = c
                .terms
                .iter()
                .filter(|t| lead_terms.get(t).is_some_and(|&n| n > own))
                .count() as f64;
            let central: f64 = c
                .terms
                .iter()
                .map(|t| f64::from(doc_freq.get(t).copied().unwrap_or(0).saturating_sub(1)))
                .sum::<f64>()
                / repeated.sqrt();
            c.score += 2.0 * lead / n.sqrt() + 0.6 * central / n.sqrt();
        }

        let want = if candidates.len() <= 6 { 2 } else { 3 };
        let mut order: Vec<usize> = (0..candidates.len()).collect();
        order.sort_by(|&a, &b| candidates[b].score.total_cmp(&candidates[a].score));
        let mut chosen: Vec<usize> = Vec::new();
        for &i in &order {
            if chosen.len() == want {
                break;
            }
            let redundant = chosen
                .iter()
                .any(|&j| overlap(&candidates[i].terms, &candidates[j].terms) > 0.6);
            if !redundant {
                chosen.push(i);
            }
        }
        let mut out: Vec<u32> = chosen.iter().map(|&i| candidates[i].sentence).collect();
        out.sort_unstable();
        out
    }
}

/// Per sentence: coded events with an actor, telling figures, and bytes inside quotes.
struct Facts {
    events: Vec<u8>,
    figures: Vec<u8>,
    quoted: Vec<u32>,
}

impl Facts {
    fn of(doc: &Document) -> Facts {
        let n = doc.sentences.len();
        let mut facts = Facts {
            events: vec![0; n],
            figures: vec![0; n],
            quoted: vec![0; n],
        };
        for e in &doc.events {
            if e.source.is_some() || e.target.is_some() {
                let slot = &mut facts.events[e.sentence as usize];
                *slot = slot.saturating_add(1);
            }
        }
        for q in &doc.quantities {
            if matches!(
                q.kind,
                QuantityKind::Killed
                    | QuantityKind::Injured
                    | QuantityKind::Money
                    | QuantityKind::Crowd
                    | QuantityKind::Displaced
                    | QuantityKind::Arrested
            ) {
                let slot = &mut facts.figures[q.sentence as usize];
                *slot = slot.saturating_add(1);
            }
        }
        for part in doc.quotes.iter().flat_map(|q| q.parts.iter()) {
            // a quote may run over several sentences: each gets its share
            let mut at = doc.sentences.partition_point(|s| s.span.end <= part.start);
            while let Some(s) = doc.sentences.get(at).filter(|s| s.span.start < part.end) {
                let overlap = s.span.end.min(part.end) - s.span.start.max(part.start);
                facts.quoted[at] += overlap;
                at += 1;
            }
        }
        facts
    }
}

/// The score a sentence has before its words are compared: position, substance, and
/// penalties for what cannot stand alone.
fn prior(doc: &Document, facts: &Facts, si: usize, words: usize, position: usize) -> f64 {
    let s = &doc.sentences[si];
    let mut score = 1.5 / (1.0 + position as f64).sqrt();
    score += 0.25 * f64::from(facts.events[si].min(3));
    score += 0.3 * f64::from(facts.figures[si].min(2));
    if f64::from(facts.quoted[si]) > 0.6 * s.span.len() as f64 {
        score -= 0.8;
    }
    let first = doc
        .sentence_tokens(s)
        .iter()
        .find(|t| t.kind == TokenKind::Word)
        .map(|t| doc.span_text(t.span))
        .unwrap_or("");
    if BACK_POINTERS.iter().any(|b| first.eq_ignore_ascii_case(b)) {
        score -= 0.6;
    }
    if words > 50 {
        score -= 0.5;
    }
    if words < 10 {
        score -= 0.4;
    }
    score
}

/// How much of the smaller term set the other holds, 0 to 1.
fn overlap(a: &[u32], b: &[u32]) -> f64 {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if small.is_empty() {
        return 0.0;
    }
    let shared = small
        .iter()
        .filter(|t| large.binary_search(t).is_ok())
        .count();
    shared as f64 / small.len() as f64
}
