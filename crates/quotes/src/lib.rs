//! The `quotes` stage: what was said, by whom, with which cue.
//!
//! [`QuoteStage`] reads sections, sentences, tokens, mentions and actors and writes
//! [`Document::quotes`]:
//!
//! 1. **Quote marks** ([`marks`]): straight and curly, single and double; apostrophes never
//!    open or close a quote; quotes run over paragraphs the newspaper way; unbalanced marks
//!    stay inside their paragraph.
//! 2. **Quotes**: the regions of one utterance become one quote: a quote split by its
//!    attribution (`'We will not,' she said, 'back down.'`), and a quote continued over
//!    paragraphs. A quote that stands as a sentence (or follows `said:`) is `direct`; a few
//!    quoted words inside the writer's sentence are `mixed`.
//! 3. **Attribution**: a reporting verb after the quote (`' ... ,' Trump said`, `said the
//!    minister`) or before it (`Erdogan said: '...'`), the words naming the speaker next to
//!    it, pronouns resolved to the nearest person (or group) named before, a bare role noun
//!    (`the foreign ministry`) given the country the sentence names, the sentence's subject
//!    for quotes cued by a colon or a verb far from the speaker, and an unattributed quote
//!    right after another one given the same speaker.
//! 4. **Indirect speech**: `Spain said fresh elections were the only way out`, `X told
//!    reporters that ...`, `X called for ...`, `..., according to X`, with the reported clause
//!    as the quote.
//!
//! ```
//! use newsgraph_actors::ActorStage;
//! use newsgraph_doc::{Document, Format, Meta, Source, Stage};
//! use newsgraph_layout::LayoutAnalyzer;
//! use newsgraph_quotes::QuoteStage;
//! use newsgraph_segment::Segmenter;
//!
//! let text = "Port strike ends\n\n'We have won,' union leader Ana Ruiz said on Friday.\n";
//! let source = Source { path: None, url: None, format: Format::Text };
//! let mut doc = Document::new("x", source, Meta::default(), text);
//! LayoutAnalyzer::new().unwrap().annotate(&mut doc).unwrap();
//! Segmenter::new().unwrap().annotate(&mut doc).unwrap();
//! ActorStage::new().unwrap().annotate(&mut doc).unwrap();
//! QuoteStage::new().unwrap().annotate(&mut doc).unwrap();
//! let q = &doc.quotes[0];
//! assert_eq!(doc.span_text(q.parts[0]), "We have won,");
//! assert_eq!(doc.actors[q.speaker.unwrap() as usize].name, "Ana Ruiz");
//! ```
#![deny(missing_docs)]

mod marks;

use newsgraph_doc::{
    ActorType, Document, Layer, MentionType, Quote, QuoteKind, SectionKind, Span, Stage,
    StageError, TokenKind,
};
use newsgraph_lexicon::{embedded, Lexicon, LexiconError};
use rustc_hash::FxHashMap;

use marks::Region;

/// The `quotes` stage. Build it once; it is immutable and shared across threads.
#[derive(Debug, Clone)]
pub struct QuoteStage {
    /// Reporting verb forms (`said`, `warning`) → lemma (`say`, `warn`).
    verbs: FxHashMap<Box<str>, Box<str>>,
}

/// Words that may stand between a speaker and the verb: `Trump also said`, `she has said`.
const GAP_WORDS: &[&str] = &[
    "again",
    "also",
    "earlier",
    "had",
    "has",
    "have",
    "later",
    "once",
    "previously",
    "reportedly",
    "repeatedly",
    "then",
    "was",
    "is",
    "would",
    "will",
];

/// Words that end a speaker phrase walking back from the verb.
const NP_STOPS: &[&str] = &[
    "and", "or", "but", "that", "which", "who", "when", "while", "as", "because", "if", "where",
    "after", "before", "in", "on", "at", "to", "with", "by", "from", "for", "it", "this",
];

/// Prepositions before a mention that make it no subject: `In Caracas Guaido ...`.
const PREPOSITIONS: &[&str] = &[
    "in", "on", "at", "to", "with", "by", "from", "for", "of", "against", "into", "over", "under",
    "near", "across", "about", "after", "before", "since", "during", "between", "among",
];

/// Pronouns that can be a speaker, with what they refer to.
fn pronoun(w: &str) -> Option<bool> {
    match w.to_ascii_lowercase().as_str() {
        "he" | "she" => Some(true),
        "they" | "we" => Some(false),
        _ => None,
    }
}

impl QuoteStage {
    /// Builds the stage with the embedded reporting verbs.
    pub fn new() -> Result<Self, LexiconError> {
        let lex = Lexicon::parse(&embedded::REPORTING_VERBS)?;
        let verbs = lex
            .rows()
            .map(|r| {
                (
                    r.fields[0].into(),
                    r.fields.get(1).copied().unwrap_or("").into(),
                )
            })
            .collect();
        Ok(QuoteStage { verbs })
    }
}

impl Stage for QuoteStage {
    fn name(&self) -> &'static str {
        "quotes"
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
        &[Layer::Quotes]
    }

    fn annotate(&self, doc: &mut Document) -> Result<(), StageError> {
        let quotes = Finder::new(self, doc).find();
        doc.quotes = quotes;
        Ok(())
    }
}

/// The per-document state of the stage.
struct Finder<'a> {
    stage: &'a QuoteStage,
    doc: &'a Document,
    text: &'a str,
    /// The mention covering each token, if any.
    mention_of: Vec<Option<u32>>,
    /// Quoted byte ranges (marks included), to keep speakers and indirect quotes outside.
    quoted: Vec<(usize, usize)>,
}

/// What an attribution found.
#[derive(Clone, Copy, Default)]
struct Attribution {
    speaker: Option<u32>,
    speaker_span: Option<Span>,
    cue: Option<Span>,
}

impl<'a> Finder<'a> {
    fn new(stage: &'a QuoteStage, doc: &'a Document) -> Self {
        let mut mention_of = vec![None; doc.tokens.len()];
        let mut t = 0;
        for (m, mention) in doc.mentions.iter().enumerate() {
            while t < doc.tokens.len() && doc.tokens[t].span.end <= mention.span.start {
                t += 1;
            }
            let mut u = t;
            while u < doc.tokens.len() && doc.tokens[u].span.start < mention.span.end {
                mention_of[u] = Some(m as u32);
                u += 1;
            }
        }
        Finder {
            stage,
            doc,
            text: doc.text(),
            mention_of,
            quoted: Vec::new(),
        }
    }

    fn word(&self, t: usize) -> &'a str {
        &self.text[self.doc.tokens[t].span]
    }

    /// A reporting verb in lowercase (`State` in `Secretary of State` is none).
    fn is_verb(&self, t: usize) -> bool {
        self.doc.tokens[t].kind == TokenKind::Word && self.stage.verbs.contains_key(self.word(t))
    }

    /// The index of the first token starting at or after byte `at`.
    fn token_from(&self, at: usize) -> usize {
        self.doc
            .tokens
            .partition_point(|t| (t.span.start as usize) < at)
    }

    /// The sentence holding byte `at`.
    fn sentence_at(&self, at: usize) -> Option<usize> {
        let i = self
            .doc
            .sentences
            .partition_point(|s| (s.span.end as usize) <= at);
        (i < self.doc.sentences.len()).then_some(i)
    }

    fn in_quote(&self, at: usize) -> bool {
        self.quoted.iter().any(|&(s, e)| s <= at && at < e)
    }

    fn find(mut self) -> Vec<Quote> {
        let paras: Vec<Span> = self
            .doc
            .sections
            .iter()
            .filter(|s| s.kind.is_content() && s.kind != SectionKind::Byline)
            .map(|s| s.span)
            .collect();
        let regions = marks::regions(self.text, &paras);
        self.quoted = regions.iter().map(|r| (r.open_at, r.close_end)).collect();

        // Regions of one utterance: continued over paragraphs, or split by the attribution.
        let mut groups: Vec<Vec<Region>> = Vec::new();
        for r in regions {
            let joins = groups
                .last()
                .and_then(|g| g.last())
                .is_some_and(|prev| prev.continues || self.split_by_attribution(prev, &r));
            match groups.last_mut() {
                Some(g) if joins => g.push(r),
                _ => groups.push(vec![r]),
            }
        }

        let mut quotes: Vec<Quote> = Vec::new();
        let mut cues_used: Vec<usize> = Vec::new();
        for group in &groups {
            let first = group[0];
            let Some(sentence) = self.sentence_at(first.span.start as usize) else {
                continue;
            };
            let kind = self.kind_of(&first, sentence);
            let mut att = Attribution::default();
            for r in group {
                if let Some(a) = self.after(r) {
                    att = a;
                    break;
                }
            }
            if att.cue.is_none() {
                if let Some(a) = self.before(&first, sentence, kind) {
                    att = a;
                }
            }
            // An unattributed quote right after another: the same speaker goes on.
            if att.speaker.is_none() && att.cue.is_none() {
                if let Some(prev) = quotes.last() {
                    // The previous quote ends in this sentence or the one before.
                    let prev_end = self.sentence_at((prev.span().end as usize).saturating_sub(1));
                    let near = prev_end.is_some_and(|p| p == sentence || p + 1 == sentence);
                    if near {
                        att = Attribution {
                            speaker: prev.speaker,
                            speaker_span: prev.speaker_span,
                            cue: prev.cue,
                        };
                    }
                }
            }
            if let Some(cue) = att.cue {
                cues_used.push(cue.start as usize);
            }
            quotes.push(Quote {
                parts: group.iter().map(|r| r.span).collect(),
                kind,
                speaker: att.speaker,
                speaker_span: att.speaker_span,
                cue: att.cue,
                sentence: sentence as u32,
            });
        }
        for q in self.indirect(&cues_used) {
            quotes.push(q);
        }
        quotes.sort_by_key(|q| (q.span().start, q.span().end));
        quotes.dedup_by(|a, b| a.span() == b.span());
        quotes
    }

    /// `'We will not,' she said, 'back down.'`: the text between two regions is an attribution.
    fn split_by_attribution(&self, a: &Region, b: &Region) -> bool {
        let quoted = &self.text[a.span.start as usize..a.span.end as usize];
        if !quoted.ends_with(',') || b.open_at < a.close_end {
            return false;
        }
        let gap = &self.text[a.close_end..b.open_at];
        let words = gap.split_whitespace().count();
        let t0 = self.token_from(a.close_end);
        let t1 = self.token_from(b.open_at);
        (1..=10).contains(&words)
            && !gap.contains('\n')
            && gap.trim_end().ends_with([',', ':'])
            && (t0..t1).any(|t| self.is_verb(t))
    }

    fn kind_of(&self, r: &Region, sentence: usize) -> QuoteKind {
        let s = &self.doc.sentences[sentence];
        let before = self.text[s.span.start as usize..r.open_at.max(s.span.start as usize)]
            .trim_end_matches(|c: char| c.is_whitespace() || c == '\u{2014}' || c == '-');
        let quoted = &self.text[r.span.start as usize..r.span.end as usize];
        let upper = quoted.chars().next().is_some_and(char::is_uppercase);
        let ends = quoted.ends_with(['.', '!', '?', ',', '\u{2026}']);
        let direct = before.is_empty()
            || before.ends_with(':')
            || (before.ends_with(',') && upper)
            || (upper && ends)
            || r.continues;
        if direct {
            QuoteKind::Direct
        } else {
            QuoteKind::Mixed
        }
    }

    /// An attribution after a region: `, Trump said`, `, said the minister`, `she told`.
    fn after(&self, r: &Region) -> Option<Attribution> {
        let start = self.token_from(r.close_end);
        let sentence = self.sentence_at(r.close_end.saturating_sub(1))?;
        let end = (self.doc.sentences[sentence].end_token as usize).min(self.doc.tokens.len());
        let mut t = start;
        while t < end && self.word(t) == "," {
            t += 1;
        }
        let first = t;
        let v = (first..end.min(first + 8)).find(|&v| self.is_verb(v))?;
        if (first..v).any(|u| {
            let k = self.doc.tokens[u].kind;
            k == TokenKind::Punct && self.word(u) != "'"
        }) {
            return None;
        }
        let cue = Some(self.doc.tokens[v].span);
        if v > first {
            let (speaker, span) = self.speaker_of(first, v, r.open_at)?;
            return Some(Attribution {
                speaker,
                speaker_span: Some(span),
                cue,
            });
        }
        // `said the minister`, `said Ana Ruiz, a spokeswoman`.
        let mut e = v + 1;
        while e < end && e < v + 7 && self.doc.tokens[e].kind != TokenKind::Punct {
            e += 1;
        }
        if e == v + 1 {
            return Some(Attribution {
                cue,
                ..Attribution::default()
            });
        }
        let (speaker, span) = self
            .speaker_of(v + 1, e, r.open_at)
            .unwrap_or((None, self.span_of(v + 1, e)));
        Some(Attribution {
            speaker,
            speaker_span: Some(span),
            cue,
        })
    }

    /// An attribution before the first region: `Erdogan said: '...'`, `warning
    /// demonstrators: '...'`, `saying he should '...'`.
    fn before(&self, r: &Region, sentence: usize, kind: QuoteKind) -> Option<Attribution> {
        let s = &self.doc.sentences[sentence];
        let first = s.first_token as usize;
        let open = self.token_from(r.open_at);
        if open <= first {
            return None;
        }
        let last = open - 1;
        let lead = self.word(last);
        let colon = lead == ":";
        if !(colon || lead == "," || kind == QuoteKind::Mixed) {
            return None;
        }
        let from = first.max(open.saturating_sub(14));
        let verb = (from..open)
            .rev()
            .find(|&v| self.is_verb(v) && !self.in_quote(self.doc.tokens[v].span.start as usize));
        let cue = match verb {
            Some(v) => Some(self.doc.tokens[v].span),
            None if colon => Some(self.doc.tokens[last].span),
            None => None,
        };
        // A partial quote with no verb of saying or naming is a scare quote: no speaker.
        let v = verb.or(colon.then_some(last))?;
        // The speaker right before the verb, else the sentence's subject.
        let mut a = v;
        while a > first && GAP_WORDS.contains(&self.word(a - 1).to_ascii_lowercase().as_str()) {
            a -= 1;
        }
        let near = verb.and_then(|_| self.speaker_of(self.np_start(first, a), a, r.open_at));
        let (speaker, span) = match near {
            Some((Some(sp), span)) => (Some(sp), span),
            _ => match self.subject(first, v) {
                Some((sp, span)) => (Some(sp), span),
                None => near?,
            },
        };
        Some(Attribution {
            speaker,
            speaker_span: Some(span),
            cue,
        })
    }

    /// Walks back from token `end` over a speaker phrase: `A Kremlin spokesman`, `Madrid's
    /// foreign minister`, `he`. Returns its first token.
    fn np_start(&self, first: usize, end: usize) -> usize {
        let mut a = end;
        while a > first && end - a < 6 {
            let t = a - 1;
            let w = self.word(t);
            let kind = self.doc.tokens[t].kind;
            let lower = w.chars().next().is_some_and(char::is_lowercase);
            // Lowercase verbs and adverbs end the phrase: `calling`, `praised`, `quickly`.
            let verb_like = lower
                && self.mention_of[t].is_none()
                && (w.ends_with("ed")
                    || w.ends_with("ing")
                    || w.ends_with("ly")
                    || self.is_verb(t));
            // Two names side by side are two phrases: `In Caracas Guaido`.
            let new_name = self.mention_of[t].is_some()
                && self.mention_of[t] != self.mention_of[t + 1]
                && self.mention_of[t + 1].is_some()
                && self
                    .word(t + 1)
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase);
            let ok = match kind {
                TokenKind::Word | TokenKind::Number => {
                    !NP_STOPS.contains(&w.to_ascii_lowercase().as_str()) && !verb_like && !new_name
                }
                TokenKind::Clitic => true,
                _ => false,
            };
            if !ok {
                break;
            }
            a -= 1;
            if pronoun(w).is_some() {
                break;
            }
        }
        a
    }

    fn span_of(&self, a: usize, b: usize) -> Span {
        Span {
            start: self.doc.tokens[a].span.start,
            end: self.doc.tokens[b - 1].span.end,
        }
    }

    /// The speaker named by tokens `[a, b)`: its last mention, a pronoun resolved to the
    /// nearest fitting mention before byte `before`, or just the words.
    fn speaker_of(&self, a: usize, b: usize, before: usize) -> Option<(Option<u32>, Span)> {
        if a >= b || b - a > 8 {
            return None;
        }
        let span = self.span_of(a, b);
        if (a..b).any(|t| {
            self.doc.tokens[t].kind == TokenKind::Punct && !matches!(self.word(t), "." | "-")
        }) {
            return None;
        }
        if b - a == 1 {
            if let Some(person) = pronoun(self.word(a)) {
                return Some((self.antecedent(before, person), span));
            }
        }
        let mention = (a..b).rev().find_map(|t| self.mention_of[t]);
        let Some(m) = mention else {
            // A speaker no lexicon knows: `a spokesman`, `the organisers`.
            let determiner = matches!(
                self.word(a).to_ascii_lowercase().as_str(),
                "a" | "an" | "the" | "one" | "two" | "three" | "some" | "several" | "many"
            );
            return (determiner && b - a <= 4).then_some((None, span));
        };
        let actor = self.doc.mentions[m as usize].actor;
        Some((self.focus_country(m, a).or(actor), span))
    }

    /// A bare role noun (`the foreign ministry`) speaks for the country its sentence names
    /// before it, outside quotes: `China '...,' the foreign ministry said.`
    fn focus_country(&self, m: u32, np_start: usize) -> Option<u32> {
        let mention = &self.doc.mentions[m as usize];
        if !matches!(mention.kind, MentionType::Group) {
            return None;
        }
        if self
            .doc
            .span_text(mention.span)
            .chars()
            .any(char::is_uppercase)
        {
            return None;
        }
        let sentence = self.sentence_at(mention.span.start as usize)?;
        let first = self.doc.sentences[sentence].first_token as usize;
        (first..np_start).find_map(|t| {
            let m = self.mention_of[t]?;
            let mention = &self.doc.mentions[m as usize];
            let actor = mention.actor?;
            let country = self.doc.actors.get(actor as usize)?.kind == ActorType::Country;
            (country && !self.in_quote(mention.span.start as usize)).then_some(actor)
        })
    }

    /// The nearest mention before byte `before`, outside quotes, that a pronoun can stand
    /// for: a person for `he`/`she`, a group, organisation or country for `they`/`we`.
    fn antecedent(&self, before: usize, person: bool) -> Option<u32> {
        self.doc
            .mentions
            .iter()
            .rev()
            .filter(|m| (m.span.end as usize) <= before && !self.in_quote(m.span.start as usize))
            .find(|m| {
                if person {
                    m.kind == MentionType::Person
                } else {
                    matches!(
                        m.kind,
                        MentionType::Group | MentionType::Org | MentionType::Norp
                    )
                }
            })
            .and_then(|m| m.actor)
    }

    /// The sentence's subject before token `end`: its first mention that no preposition
    /// governs and no quote holds.
    fn subject(&self, first: usize, end: usize) -> Option<(u32, Span)> {
        let mut t = first;
        while t < end {
            if let Some(m) = self.mention_of[t] {
                let mention = &self.doc.mentions[m as usize];
                let governed = t > first
                    && PREPOSITIONS.contains(&self.word(t - 1).to_ascii_lowercase().as_str());
                let quoted = self.in_quote(mention.span.start as usize);
                let speaker_like = !matches!(mention.kind, MentionType::Loc);
                if !governed && !quoted && speaker_like {
                    if let Some(actor) = mention.actor {
                        return Some((actor, mention.span));
                    }
                }
                // Skip the rest of this mention.
                while t < end && self.mention_of[t] == Some(m) {
                    t += 1;
                }
                continue;
            }
            t += 1;
        }
        None
    }

    /// Reported speech without quote marks, in every content sentence.
    fn indirect(&self, cues_used: &[usize]) -> Vec<Quote> {
        let mut out = Vec::new();
        for (si, s) in self.doc.sentences.iter().enumerate() {
            let Some(section) = self.doc.sections.get(s.section as usize) else {
                continue;
            };
            if !matches!(
                section.kind,
                SectionKind::Paragraph | SectionKind::Highlight
            ) {
                continue;
            }
            let (first, end) = (s.first_token as usize, s.end_token as usize);
            for v in first..end {
                // Only a reporting verb or `according` can start reported speech.
                if !(self.is_verb(v) || self.word(v).eq_ignore_ascii_case("according")) {
                    continue;
                }
                let at = self.doc.tokens[v].span.start as usize;
                if self.in_quote(at) || cues_used.contains(&at) {
                    continue;
                }
                if let Some(q) = self.reported(si, first, end, v) {
                    out.push(q);
                    break;
                }
            }
        }
        out
    }

    /// `SPEAKER said (that) CLAUSE`, `SPEAKER told X that CLAUSE`, `SPEAKER called for X`,
    /// `CLAUSE, according to SPEAKER`.
    fn reported(&self, si: usize, first: usize, end: usize, v: usize) -> Option<Quote> {
        let w = self.word(v).to_ascii_lowercase();
        // The clause ends before the sentence's final marks.
        let mut e = end;
        while e > v + 1 && self.doc.tokens[e - 1].kind == TokenKind::Punct {
            e -= 1;
        }
        if w == "according" && v + 2 < end && self.word(v + 1) == "to" {
            let m = self.mention_of[v + 2]?;
            let actor = self.doc.mentions[m as usize].actor;
            let speaker_end = (v + 2..end)
                .take_while(|&t| self.mention_of[t] == Some(m))
                .count();
            let speaker_span = self.span_of(v + 2, v + 2 + speaker_end);
            let cue = self.span_of(v, v + 2);
            // `CLAUSE, according to X.` or `According to X, CLAUSE.`
            let (a, b) = if v > first + 2 && self.word(v - 1) == "," {
                (first, v - 1)
            } else {
                let comma = (v + 2 + speaker_end..e).find(|&t| self.word(t) == ",")?;
                (comma + 1, e)
            };
            return self.clause(si, a, b, actor, Some(speaker_span), cue);
        }
        let lemma = self.stage.verbs.get(self.word(v))?;
        // Verbs of saying whose clause may follow without `that` (`Spain said fresh elections
        // were ...`); the others need `that` (`declared that`, not `declared himself`).
        let bare_clause = matches!(
            &**lemma,
            "say" | "warn" | "insist" | "claim" | "argue" | "add" | "predict" | "suggest"
        );
        let that_clause = matches!(
            &**lemma,
            "tell"
                | "state"
                | "declare"
                | "announce"
                | "stress"
                | "admit"
                | "deny"
                | "allege"
                | "confirm"
                | "promise"
                | "vow"
                | "report"
                | "acknowledge"
                | "concede"
                | "emphasise"
                | "emphasize"
                | "reiterate"
                | "note"
                | "explain"
        );
        if !(bare_clause || that_clause) || w.ends_with("ing") {
            return None;
        }
        // The speaker before the verb.
        let mut a = v;
        while a > first && GAP_WORDS.contains(&self.word(a - 1).to_ascii_lowercase().as_str()) {
            a -= 1;
        }
        let np = self.np_start(first, a);
        let (speaker, speaker_span) =
            self.speaker_of(np, a, self.doc.tokens[v].span.start as usize)?;
        speaker?;
        // The clause: after `that`, or right after the verb when a clause starts there.
        let mut c = v + 1;
        if w == "told" || w == "tell" || w == "tells" {
            c = (v + 1..e.min(v + 6)).find(|&t| self.word(t) == "that")?;
        }
        let that = (c..e.min(c + 6)).find(|&t| {
            self.word(t) == "that"
                && (c..t)
                    .all(|u| self.doc.tokens[u].kind != TokenKind::Punct || self.word(u) == ",")
        });
        let start = match that {
            Some(t) => t + 1,
            None if !bare_clause => return None,
            None => {
                let next = self.word(c);
                let starts_clause = self.doc.tokens[c].kind == TokenKind::Word
                    && !PREPOSITIONS.contains(&next.to_ascii_lowercase().as_str())
                    && !matches!(next, "it" | "so" | "nothing" | "the" | "a" | "an")
                    || matches!(next, "the" | "a" | "an");
                if !starts_clause {
                    return None;
                }
                c
            }
        };
        self.clause(
            si,
            start,
            e,
            speaker,
            Some(speaker_span),
            self.doc.tokens[v].span,
        )
    }

    fn clause(
        &self,
        si: usize,
        a: usize,
        b: usize,
        speaker: Option<u32>,
        speaker_span: Option<Span>,
        cue: Span,
    ) -> Option<Quote> {
        if b < a + 3 {
            return None;
        }
        let span = self.span_of(a, b);
        // A clause that is itself a quote in marks is not indirect speech.
        let text = &self.text[span];
        if text.starts_with(['\'', '"', '\u{2018}', '\u{201C}']) {
            return None;
        }
        Some(Quote {
            parts: vec![span],
            kind: QuoteKind::Indirect,
            speaker,
            speaker_span,
            cue: Some(cue),
            sentence: si as u32,
        })
    }
}

#[cfg(test)]
mod tests;
