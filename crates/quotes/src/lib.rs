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
    /// The last words of the titles of `data/actors/titles.tsv` (`leader` of `coup leader`,
    /// `executive` of `chief executive`): what an organisation's name may stand before
    /// when it only says whose the person after it is (`Hamas leader X`).
    title_heads: rustc_hash::FxHashSet<Box<str>>,
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
    "after", "before", "in", "on", "at", "to", "with", "by", "from", "for", "this",
];

/// Auxiliaries and modals that show a clause has begun: `said it would`.
const AUXILIARIES: &[&str] = &[
    "is", "was", "were", "are", "will", "would", "could", "can", "may", "might", "must", "should",
    "had", "has", "have", "did", "does", "do", "shall",
];

/// Words of a time or place adjunct between a verb of saying and its clause: `said on
/// Tuesday`, `said in a statement late on Monday`.
const ADJUNCTS: &[&str] = &[
    "on",
    "in",
    "at",
    "late",
    "early",
    "earlier",
    "later",
    "last",
    "this",
    "a",
    "an",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "today",
    "yesterday",
    "tonight",
    "week",
    "month",
    "year",
    "weekend",
    "night",
    "morning",
    "evening",
    "afternoon",
    "statement",
    "interview",
    "report",
    "briefing",
    "post",
    "speech",
];

/// Other words of a tail after a verb of saying: `told reporters`, `said in a statement on
/// its website`, `said by telephone`.
const TAIL_WORDS: &[&str] = &[
    "to",
    "by",
    "its",
    "his",
    "her",
    "their",
    "the",
    "reporters",
    "journalists",
    "website",
    "conference",
    "news",
    "press",
    "telephone",
    "phone",
    "message",
    "email",
    "television",
    "radio",
    "social",
    "media",
    "broadcast",
    "posted",
    "online",
];

/// Prepositions before a mention that make it no subject: `In Caracas Guaido ...`.
const PREPOSITIONS: &[&str] = &[
    "in", "on", "at", "to", "with", "by", "from", "for", "of", "against", "into", "over", "under",
    "near", "across", "about", "after", "before", "since", "during", "between", "among",
];

/// What a speaker pronoun can stand for.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Referent {
    /// `he`, `she`: a person.
    Person,
    /// `they`, `we`: a group, an organisation, a people.
    Plural,
    /// `it`: an organisation, a country, a body.
    Body,
}

/// Pronouns that can be a speaker, with what they refer to.
fn pronoun(w: &str) -> Option<Referent> {
    match w.to_ascii_lowercase().as_str() {
        "he" | "she" => Some(Referent::Person),
        "they" | "we" => Some(Referent::Plural),
        "it" => Some(Referent::Body),
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
        let titles = Lexicon::parse(&embedded::TITLES)?;
        let title_heads = titles
            .rows()
            .filter_map(|r| r.fields[0].split(' ').next_back())
            .map(Into::into)
            .collect();
        Ok(QuoteStage { verbs, title_heads })
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

    /// Whether byte `at` lies in quoted words (the regions are in order and apart).
    fn in_quote(&self, at: usize) -> bool {
        let i = self.quoted.partition_point(|&(s, _)| s <= at);
        i > 0 && at < self.quoted[i - 1].1
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
            if group.len() == 1 && self.is_nickname(&first) {
                continue;
            }
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
            // A verb that introduces a quote in marks introduces no reported clause; one
            // before a few quoted words may (`said the plan was "dead"`).
            if let Some(cue) = att.cue.filter(|_| kind == QuoteKind::Direct) {
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
        self.carry_speakers(&mut quotes);
        quotes
    }

    /// A direct quote with no attribution of its own, right after another quote (ending
    /// in the same sentence or the one before), has that quote's speaker: `Ruiz said the
    /// port would reopen. "We are ready."`. It keeps no cue: none was said there.
    fn carry_speakers(&self, quotes: &mut [Quote]) {
        for i in 1..quotes.len() {
            let q = &quotes[i];
            // Partial quotes with no verb are scare quotes: they stay unattributed.
            if q.kind != QuoteKind::Direct || q.speaker.is_some() || q.cue.is_some() {
                continue;
            }
            let sentence = q.sentence as usize;
            let prev = quotes[..i].iter().rev().find(|p| {
                let end = self.sentence_at((p.span().end as usize).saturating_sub(1));
                end.is_some_and(|e| e == sentence || e + 1 == sentence)
                    && (p.speaker.is_some() || p.speaker_span.is_some())
            });
            if let Some(p) = prev {
                let (speaker, speaker_span) = (p.speaker, p.speaker_span);
                quotes[i].speaker = speaker;
                quotes[i].speaker_span = speaker_span;
            }
        }
    }

    /// `Jimmy "Barbecue" Cherizier`: a short name in marks between a first name and a
    /// surname is a nickname, not a quote.
    fn is_nickname(&self, r: &Region) -> bool {
        let inner = &self.text[r.span.start as usize..r.span.end as usize];
        let inner = inner.strip_prefix("the ").unwrap_or(inner);
        let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
        let before = self.text[..r.open_at].strip_suffix(' ');
        let after = self.text[r.close_end..].strip_prefix(' ');
        let (Some(before), Some(after)) = (before, after) else {
            return false;
        };
        let prev = before.rsplit(' ').next().unwrap_or("");
        let next = after.split(' ').next().unwrap_or("");
        inner.split(' ').count() <= 3
            && capital(inner)
            && !inner.ends_with(['.', ',', '!', '?'])
            && capital(prev)
            && prev.chars().all(char::is_alphabetic)
            && capital(next)
            && next.chars().all(|c| c.is_alphabetic() || c == '-')
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
            k == TokenKind::Punct && !matches!(self.word(u), "'" | "-")
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
    /// foreign minister`, `officials from the Caribbean Community (CARICOM)`, `the
    /// 52-year-old market vendor`, `he`. Returns its first token.
    fn np_start(&self, first: usize, end: usize) -> usize {
        let mut a = end;
        // Where the phrase ends if the participle met on the way is a verb after all.
        let mut soft: Option<usize> = None;
        let mut preposition = false;
        while a > first && end - a < 9 {
            let t = a - 1;
            let w = self.word(t);
            let kind = self.doc.tokens[t].kind;
            let lower = w.chars().next().is_some_and(char::is_lowercase);
            let free = lower && self.mention_of[t].is_none();
            // Adverbs and verbs of saying end the phrase: `quickly`, `praised`.
            if free && (w.ends_with("ly") || self.is_verb(t)) {
                break;
            }
            // Two names side by side are two phrases: `In Caracas Guaido`.
            let new_name = self.mention_of[t].is_some()
                && self
                    .mention_of
                    .get(t + 1)
                    .is_some_and(|n| n.is_some() && *n != self.mention_of[t])
                && self
                    .word(t + 1)
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase);
            let lw = w.to_ascii_lowercase();
            let ok = match kind {
                TokenKind::Word | TokenKind::Number => {
                    if new_name {
                        false
                    } else if matches!(lw.as_str(), "at" | "from" | "of" | "in" | "for")
                        && !preposition
                        && a < end
                        && t > first
                        && self.doc.tokens[t - 1].kind == TokenKind::Word
                        && !NP_STOPS.contains(&self.word(t - 1).to_ascii_lowercase().as_str())
                    {
                        // `officials at the UN`, `a diplomat in Jeddah`.
                        preposition = true;
                        true
                    } else {
                        !NP_STOPS.contains(&lw.as_str())
                    }
                }
                TokenKind::Clitic => true,
                // `52-year-old`: a hyphen inside a word.
                TokenKind::Punct if w == "-" => {
                    t > first
                        && self.doc.tokens[t - 1].span.end == self.doc.tokens[t].span.start
                        && self
                            .doc
                            .tokens
                            .get(t + 1)
                            .is_some_and(|n| self.doc.tokens[t].span.end == n.span.start)
                }
                // `(CARICOM)`: an acronym in brackets after its name.
                TokenKind::Punct if w == ")" => {
                    match (t.saturating_sub(3).max(first)..t)
                        .rev()
                        .find(|&u| self.word(u) == "(")
                    {
                        Some(open) if open > first => {
                            a = open;
                            continue;
                        }
                        _ => false,
                    }
                }
                _ => false,
            };
            if !ok {
                break;
            }
            // `calling`, `praised` may be verbs (`calling the plan ...`) or modifiers (`the
            // ruling party`): decided by what comes before them.
            if free && (w.ends_with("ed") || w.ends_with("ing")) && soft.is_none() {
                soft = Some(a);
            }
            a -= 1;
            if pronoun(w).is_some() {
                break;
            }
        }
        if let Some(soft) = soft {
            let w = self.word(a);
            let determiner = matches!(
                w.to_ascii_lowercase().as_str(),
                "the" | "a" | "an" | "its" | "his" | "her" | "their"
            );
            let named =
                self.mention_of[a].is_some() || w.chars().next().is_some_and(char::is_uppercase);
            if !(determiner || named) {
                return soft;
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
        if a >= b || b - a > 10 {
            return None;
        }
        let span = self.span_of(a, b);
        if (a..b).any(|t| {
            self.doc.tokens[t].kind == TokenKind::Punct
                && !matches!(self.word(t), "." | "-" | "(" | ")")
        }) {
            return None;
        }
        if b - a == 1 {
            if let Some(referent) = pronoun(self.word(a)) {
                // `X summoned China's envoy to protest what it called "...": the clause's
                // subject, not the nearest name
                if a > 0 && self.word(a - 1).eq_ignore_ascii_case("what") {
                    let first = self
                        .sentence_at(self.doc.tokens[a].span.start as usize)
                        .map(|s| self.doc.sentences[s].first_token as usize);
                    let subject = first.and_then(|f| self.subject(f, a - 1)).filter(|(m, _)| {
                        let kind = self.doc.actors[*m as usize].kind;
                        match referent {
                            Referent::Person => kind == ActorType::Person,
                            _ => kind != ActorType::Person,
                        }
                    });
                    if let Some((actor, _)) = subject {
                        return Some((Some(actor), span));
                    }
                }
                return Some((self.antecedent(before, referent), span));
            }
        }
        // `officials at the UN` speak for the UN, `officials in Manila` for the Philippines,
        // `Police in Kisumu` are the police, and `a diplomat in Jeddah` is nobody we know.
        // (not the `of` of a capitalised title: `U.S. Secretary of State Antony Blinken`)
        let upper = |t: usize| self.word(t).starts_with(char::is_uppercase);
        let prep = (a + 1..b).find(|&t| {
            self.mention_of[t].is_none()
                && matches!(self.word(t), "at" | "from" | "of" | "in" | "for")
                && !(self.word(t) == "of" && t + 1 < b && upper(t - 1) && upper(t + 1))
        });
        if let Some(p) = prep {
            if let Some(m) = (a..p).rev().find_map(|t| self.mention_of[t]) {
                let actor = self.doc.mentions[m as usize].actor;
                return Some((self.focus_country(m, a).or(actor), span));
            }
            let tail = (p + 1..b).rev().find_map(|t| self.mention_of[t]);
            let speaks_for = tail.and_then(|m| {
                let mention = &self.doc.mentions[m as usize];
                let actor = self.doc.actors.get(mention.actor? as usize)?;
                let body = matches!(mention.kind, MentionType::Org)
                    && matches!(self.word(p), "at" | "from" | "of" | "for");
                (body || actor.kind == ActorType::Country).then_some(mention.actor?)
            });
            return Some((speaks_for, span));
        }
        let mention = (a..b).rev().find_map(|t| self.mention_of[t]);
        let Some(m) = mention else {
            // `the 52-year-old`, `the 52-year-old vendor`: the person named last.
            if self.text[span].contains("-year-old") {
                return Some((self.antecedent(before, Referent::Person), span));
            }
            // A speaker no lexicon knows: `a spokesman`, `the organisers`, `Residents`.
            let w = self.word(a).to_ascii_lowercase();
            let determiner = matches!(
                w.as_str(),
                "a" | "an"
                    | "the"
                    | "one"
                    | "two"
                    | "three"
                    | "some"
                    | "several"
                    | "many"
                    | "both"
                    | "all"
                    | "most"
                    | "other"
                    | "local"
            );
            let plural = b - a == 1 && w.len() > 3 && w.ends_with('s') && !w.ends_with("ss");
            // A name no lexicon knows: `Tarriela said`.
            let name = b - a <= 3
                && (a..b).all(|t| self.word(t).chars().next().is_some_and(char::is_uppercase));
            return ((determiner && b - a <= 4) || plural || name).then_some((None, span));
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
        // someone's role is no bare role: `his spokesman` after `Kenyan President William
        // Ruto` speaks for Kenya's government, not for Kenya; `Lebanon's health ministry`
        // for Lebanon's, whatever country its sentence named first
        let owned = (np_start..self.token_from(mention.span.start as usize))
            .any(|t| self.mention_of[t].is_some_and(|o| o != m));
        if owned
            || matches!(
                self.word(np_start).to_ascii_lowercase().as_str(),
                "his" | "her" | "their"
            )
        {
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
        let own_country = mention
            .actor
            .and_then(|a| self.doc.actors.get(a as usize))
            .and_then(|a| a.country.as_deref());
        let focus = (first..np_start).find_map(|t| {
            let m = self.mention_of[t]?;
            let mention = &self.doc.mentions[m as usize];
            let actor = mention.actor?;
            let a = self.doc.actors.get(actor as usize)?;
            // a country's name, or a capital standing for its government (`Minsk recalled its
            // ambassador, the foreign ministry said`)
            let country = a.kind == ActorType::Country
                || (mention.kind == MentionType::Gpe
                    && a.kind == ActorType::Organization
                    && a.country.is_some());
            // a country's name, not `the country` (which refers back, often to the home)
            let words = self.doc.span_text(mention.span);
            let named =
                words.starts_with(char::is_uppercase) && !words.eq_ignore_ascii_case("the country");
            (country && named && !self.in_quote(mention.span.start as usize)).then_some(actor)
        })?;
        // `Chad shut its border, the interior ministry said`: a role already of that country
        // is the country's own body, not the country
        let focus_country = self.doc.actors.get(focus as usize)?.country.as_deref();
        if own_country.is_some() && own_country == focus_country {
            return mention.actor;
        }
        Some(focus)
    }

    /// What a pronoun before byte `before` stands for. `he`/`she`: a person named earlier in
    /// its sentence, else the subject of one of the two sentences before when it is a
    /// person, else the nearest person. `they`/`we`: the nearest group, organisation or
    /// people; `it`: the nearest organisation, group or country. Quoted words never count.
    fn antecedent(&self, before: usize, referent: Referent) -> Option<u32> {
        let fits = |m: &newsgraph_doc::Mention| match referent {
            Referent::Person => m.kind == MentionType::Person,
            Referent::Plural => matches!(
                m.kind,
                MentionType::Group | MentionType::Org | MentionType::Norp
            ),
            Referent::Body => {
                matches!(m.kind, MentionType::Group | MentionType::Org)
                    || (m.kind == MentionType::Gpe
                        && m.actor
                            .and_then(|a| self.doc.actors.get(a as usize))
                            .is_some_and(|a| a.kind == ActorType::Country))
            }
        };
        let upto = self
            .doc
            .mentions
            .partition_point(|m| (m.span.end as usize) <= before);
        let earlier = || {
            self.doc.mentions[..upto]
                .iter()
                .rev()
                .filter(|m| !self.in_quote(m.span.start as usize))
        };
        if referent == Referent::Person {
            let sentence = self.sentence_at(before)?;
            let start = self.doc.sentences[sentence].span.start;
            if let Some(m) = earlier()
                .take_while(|m| m.span.start >= start)
                .find(|m| fits(m))
            {
                return m.actor;
            }
            for back in 1..=2 {
                let Some(prev) = sentence.checked_sub(back) else {
                    break;
                };
                let s = &self.doc.sentences[prev];
                let subject = self.subject(s.first_token as usize, s.end_token as usize);
                if let Some((actor, _)) = subject {
                    if self.doc.actors.get(actor as usize).map(|a| a.kind)
                        == Some(ActorType::Person)
                    {
                        return Some(actor);
                    }
                }
            }
        }
        if referent == Referent::Body {
            // `The Israeli military said its jets had struck Hezbollah depots. It said ...`:
            // with no body named before it in its own sentence, `it` is the last sentence's
            // subject when that is a body or a country, not the last name it mentioned
            let sentence = self.sentence_at(before)?;
            let start = self.doc.sentences[sentence].span.start;
            let own = earlier()
                .take_while(|m| m.span.start >= start)
                .find(|m| fits(m));
            if own.is_none() {
                if let Some(prev) = sentence.checked_sub(1) {
                    let s = &self.doc.sentences[prev];
                    let subject = self.subject(s.first_token as usize, s.end_token as usize);
                    if let Some((actor, _)) = subject {
                        let body = self.doc.actors.get(actor as usize).is_some_and(|a| {
                            matches!(
                                a.kind,
                                ActorType::Organization | ActorType::Country | ActorType::Group
                            )
                        });
                        if body {
                            return Some(actor);
                        }
                    }
                }
            }
        }
        earlier().find(|m| fits(m)).and_then(|m| m.actor)
    }

    /// The sentence's subject before token `end`: its first mention that no preposition
    /// governs and no quote holds. A possessor is passed over for its head (`Spain's
    /// agriculture minister`), and the speaker's words then start at the possessor.
    fn subject(&self, first: usize, end: usize) -> Option<(u32, Span)> {
        let mut t = first;
        // where a possessor passed over starts: the speaker's words begin there
        let mut owner_start: Option<u32> = None;
        // words since the possessor that are no mention: more than two, and the possessor
        // belongs to no later subject (`Kenya's economy has slowed, the governor said`)
        let mut plain_words = 0;
        while t < end {
            if let Some(m) = self.mention_of[t] {
                let mention = &self.doc.mentions[m as usize];
                let governed = t > first
                    && PREPOSITIONS.contains(&self.word(t - 1).to_ascii_lowercase().as_str());
                let quoted = self.in_quote(mention.span.start as usize);
                let speaker_like = !matches!(mention.kind, MentionType::Loc);
                // `Israeli Prime Minister Benjamin Netanyahu`: the last of adjacent names.
                let mut u = t;
                while u < end && self.mention_of[u] == Some(m) {
                    u += 1;
                }
                let modifier = (u < end && self.mention_of[u].is_some())
                    || self.titled_person_after(mention.kind, u, end);
                // `Spain's agriculture minister, Luis Planas,`: the possessor is not the subject
                let possessor = u < end && matches!(self.word(u), "'s" | "\u{2019}s");
                if !governed && !quoted && speaker_like && !modifier && !possessor {
                    if let Some(actor) = mention.actor {
                        let span = Span {
                            start: owner_start.unwrap_or(mention.span.start),
                            end: mention.span.end,
                        };
                        return Some((actor, span));
                    }
                }
                if possessor && !governed {
                    owner_start.get_or_insert(mention.span.start);
                    plain_words = 0;
                }
                // Skip the rest of this mention.
                while t < end && self.mention_of[t] == Some(m) {
                    t += 1;
                }
                continue;
            }
            if !matches!(self.word(t), "," | "'s" | "\u{2019}s" | "the" | "a" | "an") {
                plain_words += 1;
                if plain_words > 2 {
                    owner_start = None;
                }
            }
            t += 1;
        }
        None
    }

    /// Whether a mention of kind `kind` ending at token `u` only says whose the person after
    /// it is: up to three lowercase words ending in a title's head, then a person (`Georgian
    /// Dream leader Irakli Kobakhidze`, `Hamas political chief X`; not `the UN envoy met X`).
    fn titled_person_after(&self, kind: MentionType, u: usize, end: usize) -> bool {
        if kind == MentionType::Person {
            return false;
        }
        // (capitalised too, with `of`: `Kenyan President William Ruto`, `U.S. Secretary of
        // State Antony Blinken`)
        let words = (u..end.min(u + 4))
            .take_while(|&w| {
                self.mention_of[w].is_none() && self.doc.tokens[w].kind == TokenKind::Word
            })
            .count();
        (1..=words).any(|n| {
            let last = u + n - 1;
            let head = self.word(last).to_ascii_lowercase();
            self.stage.title_heads.contains(head.as_str())
                && self
                    .mention_of
                    .get(last + 1)
                    .copied()
                    .flatten()
                    .is_some_and(|m| self.doc.mentions[m as usize].kind == MentionType::Person)
        })
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
            // The last quote of this sentence and the token its clause ended at: a verb
            // right after it (`said A and warned that B`) shares its speaker.
            let mut last: Option<(usize, Quote)> = None;
            let mut v = first;
            while v < end {
                // Only a reporting verb or `according` can start reported speech.
                let cue = self.is_verb(v) || self.word(v).eq_ignore_ascii_case("according");
                let at = self.doc.tokens[v].span.start as usize;
                if !cue || self.in_quote(at) || cues_used.contains(&at) {
                    v += 1;
                    continue;
                }
                let prev = last.as_ref().map(|(e, q)| (*e, q));
                match self.reported(si, first, end, v, prev) {
                    Some((mut q, mut resume)) => {
                        v = resume.max(v + 1);
                        // `said A, and that B`: B is a second clause of the same verb.
                        while let Some(next) = self.that_again(resume, end) {
                            let b = self.cut(next, end);
                            let Some(more) = self.clause(
                                si,
                                next,
                                self.trim_end(next, b),
                                q.speaker,
                                q.speaker_span,
                                q.cue.unwrap_or(q.parts[0]),
                            ) else {
                                break;
                            };
                            out.push(std::mem::replace(&mut q, more));
                            resume = b;
                            v = b.max(v);
                        }
                        last = Some((resume, q.clone()));
                        out.push(q);
                    }
                    None => v += 1,
                }
            }
        }
        out
    }

    /// The speaker phrase right before token `v`, as tokens `[start, end)`: gap words
    /// skipped (`Ruiz has also said`), an apposition stepped over (`Ana Ruiz, a nurse,
    /// said`).
    fn phrase_before(&self, first: usize, v: usize) -> (usize, usize) {
        let mut a = v;
        while a > first && GAP_WORDS.contains(&self.word(a - 1).to_ascii_lowercase().as_str()) {
            a -= 1;
        }
        if a > first + 2 && self.word(a - 1) == "," {
            let from = a.saturating_sub(15).max(first);
            if let Some(c) = (from..a - 1).rev().find(|&t| self.word(t) == ",") {
                let np = self.np_start(first, c);
                // `Its envoy, Ana Ruiz, said`: the name between the commas when only it
                // names someone.
                let inner = c + 1 < a - 1 && self.np_start(c + 1, a - 1) == c + 1;
                let named = |x: usize, y: usize| (x..y).any(|t| self.mention_of[t].is_some());
                // `Chile's finance minister, Ana Ruiz, said`: the person's name rather than
                // the title's country.
                let person = |x: usize, y: usize| {
                    (x..y).any(|t| {
                        self.mention_of[t].is_some_and(|m| {
                            self.doc.mentions[m as usize].kind == MentionType::Person
                        })
                    })
                };
                if inner
                    && ((!named(np, c) && named(c + 1, a - 1))
                        || (!person(np, c) && person(c + 1, a - 1)))
                {
                    return (c + 1, a - 1);
                }
                if np < c {
                    return (np, c);
                }
            }
        }
        (self.np_start(first, a), a)
    }

    /// `SPEAKER said (that) CLAUSE`, `SPEAKER told X that CLAUSE`, `CLAUSE, SPEAKER said`,
    /// `CLAUSE, according to SPEAKER`. Returns the quote and the token to go on from.
    fn reported(
        &self,
        si: usize,
        first: usize,
        end: usize,
        v: usize,
        prev: Option<(usize, &Quote)>,
    ) -> Option<(Quote, usize)> {
        let w = self.word(v).to_ascii_lowercase();
        // The clause ends before the sentence's final marks.
        let mut e = end;
        while e > v + 1 && self.doc.tokens[e - 1].kind == TokenKind::Punct {
            e -= 1;
        }
        if w == "according" && v + 2 < end && self.word(v + 1) == "to" {
            let mut s = v + 2;
            if s + 1 < end && matches!(self.word(s), "the" | "a" | "an") {
                s += 1;
            }
            // The source: a name, or words (`according to the group`, `according to
            // witnesses`).
            let (actor, speaker_end) = match self.mention_of[s] {
                Some(m) => (
                    self.doc.mentions[m as usize].actor,
                    (s..end)
                        .take_while(|&t| self.mention_of[t] == Some(m))
                        .count(),
                ),
                None => {
                    let stop = (s..e.min(s + 5))
                        .find(|&t| self.doc.tokens[t].kind == TokenKind::Punct)
                        .unwrap_or(e.min(s + 5));
                    self.speaker_of(v + 2, stop, self.doc.tokens[v].span.start as usize)?;
                    (None, stop - s)
                }
            };
            let speaker_span = self.span_of(v + 2, s + speaker_end);
            let cue = self.span_of(v, v + 2);
            // `CLAUSE, according to X.` or `According to X, CLAUSE.`
            let (a, b) = if v > first + 2 && self.word(v - 1) == "," {
                (first, v - 1)
            } else {
                let comma = (s + speaker_end..e).find(|&t| self.word(t) == ",")?;
                (comma + 1, self.cut(comma + 1, e))
            };
            let q = self.clause(si, a, b, actor, Some(speaker_span), cue)?;
            return Some((q, b.max(s + speaker_end)));
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
                | "estimate"
        );
        let cue = self.doc.tokens[v].span;
        // `X called for an independent audit`: the demand is the quote.
        if &**lemma == "call" && v + 2 < e && self.word(v + 1) == "for" && !w.ends_with("ing") {
            let (np, a) = self.phrase_before(first, v);
            let (speaker, span) = self.speaker_at(first, np, a, cue.start as usize)?;
            return self.clause_to_cut(si, v + 2, e, speaker, Some(span), self.span_of(v, v + 2));
        }
        if !(bare_clause || that_clause) {
            return None;
        }
        let before = cue.start as usize;
        // `..., adding that CLAUSE`: the speaker of the sentence's quote goes on.
        if w.ends_with("ing") {
            // `with Prime Minister Viktor Orban saying ...`.
            let (np, a) = self.phrase_before(first, v);
            // (the name right before the verb, not words inside a quote before a comma:
            // `"... with the rules," X told analysts, adding that ...`)
            if np < a
                && np > first
                && self.word(np - 1).eq_ignore_ascii_case("with")
                && !self.in_quote(self.doc.tokens[np].span.start as usize)
                && (a..v).all(|t| self.word(t) != ",")
            {
                let (speaker, speaker_span) = self.speaker_of(np, a, cue.start as usize)?;
                let start = self.clause_after(v, e, bare_clause)?;
                return self.clause_to_cut(si, start, e, speaker, Some(speaker_span), cue);
            }
            if v == first || self.word(v - 1) != "," {
                return None;
            }
            let (speaker, speaker_span) = match prev {
                Some((_, q)) => (q.speaker, q.speaker_span),
                None => {
                    let (sp, span) = self.subject(first, v)?;
                    (Some(sp), Some(span))
                }
            };
            speaker?;
            let start = self.clause_after(v, e, bare_clause)?;
            return self.clause_to_cut(si, start, e, speaker, speaker_span, cue);
        }
        let (np, a) = self.phrase_before(first, v);
        // `Amnesty, which said ...`: the relative pronoun stands for the name before it.
        let relative = np == a && a > first + 1 && matches!(self.word(a - 1), "which" | "who");
        let (np, a) = if relative {
            let mut c = a - 1;
            if self.word(c - 1) == "," {
                c -= 1;
            }
            (self.np_start(first, c), c)
        } else {
            (np, a)
        };
        // `Mondlane, who says the vote was rigged, called for a strike`: the words of an
        // aside end at the comma that closes it
        let e = if relative && self.word(a) == "," {
            (v + 1..e).find(|&t| self.word(t) == ",").unwrap_or(e)
        } else {
            e
        };
        // `said A and warned that B`: the second verb has the first one's speaker.
        let shared = prev.filter(|&(stop, _)| {
            np == a && (stop..a).all(|t| matches!(self.word(t), "," | "and" | "but"))
        });
        // `residents and United Nations officials said`: coordinated speakers.
        let mut np = np;
        while np > first + 1 && np < a && self.word(np - 1) == "and" {
            let more = self.np_start(first, np - 1);
            if more == np - 1 {
                break;
            }
            np = more;
        }
        let speaker = match shared {
            Some((_, q)) => q.speaker.map(|s| (Some(s), q.speaker_span.unwrap_or(cue))),
            None => self.speaker_at(first, np, a, before),
        };
        if let Some(start) = self.clause_after(v, e, bare_clause) {
            let (speaker, speaker_span) = speaker?;
            return self.clause_to_cut(si, start, e, speaker, Some(speaker_span), cue);
        }
        // `CLAUSE, the ministry said (in a statement).`: a short tail after the verb.
        // The tail runs to the sentence end or to a comma before a side clause (`, as
        // ...`, `, describing ...`).
        let tail_end = (v + 1..e).find(|&t| self.word(t) == ",").unwrap_or(e);
        let tail = tail_end - (v + 1);
        let tail_ok = tail <= 8 && self.adjuncts_only(v, tail_end);
        if let Some((speaker, speaker_span)) = speaker {
            if tail_ok && np > first + 2 && self.word(np - 1) == "," {
                let start = self.clause_start(first);
                let q = self.clause(si, start, np - 1, speaker, Some(speaker_span), cue)?;
                return Some((q, e));
            }
        }
        // `CLAUSE, said the ministry.`
        if v > first + 3 && self.word(v - 1) == "," && tail > 0 && tail <= 7 {
            let (speaker, speaker_span) = self.speaker_of(v + 1, tail_end, before)?;
            let start = self.clause_start(first);
            let q = self.clause(si, start, v - 1, speaker, Some(speaker_span), cue)?;
            return Some((q, e));
        }
        None
    }

    /// The speaker phrase `[np, a)` before a verb; an empty one after `and`/`but` is the
    /// sentence's subject (`Washington condemned the attack and said that ...`).
    fn speaker_at(
        &self,
        first: usize,
        np: usize,
        a: usize,
        before: usize,
    ) -> Option<(Option<u32>, Span)> {
        if np == a && a > first && matches!(self.word(a - 1), "and" | "but") {
            // the subject of the clause the first verb is in: `X did not claim it, but the
            // spokesman blamed Y and said ...` is the spokesman's
            let clause = (first..a - 1)
                .rev()
                .find(|&t| matches!(self.word(t), "but" | ";" | "while" | "whereas"))
                .map_or(first, |t| t + 1);
            return self.subject(clause, a).map(|(sp, span)| (Some(sp), span));
        }
        self.speaker_of(np, a, before)
    }

    /// The reported clause from token `start`, cut where a new clause begins (see
    /// [`Finder::cut`]), with the token to go on from.
    fn clause_to_cut(
        &self,
        si: usize,
        start: usize,
        e: usize,
        speaker: Option<u32>,
        speaker_span: Option<Span>,
        cue: Span,
    ) -> Option<(Quote, usize)> {
        let b = self.cut(start, e);
        Some((self.clause(si, start, b, speaker, speaker_span, cue)?, b))
    }

    /// Where the clause after verb `v` starts: after `that`, or right after the verb when a
    /// clause starts there (for verbs that take a bare clause).
    fn clause_after(&self, v: usize, e: usize, bare_clause: bool) -> Option<usize> {
        let w = self.word(v);
        let mut c = v + 1;
        // `said on Tuesday (that) ...`, `said in a statement that ...`: an adjunct opens
        // with a preposition or a word of time, not with an article (`said a man ...`).
        // Nor with a bound on a number: `said at least five people died`.
        let bound = c + 1 < e
            && self.word(c).eq_ignore_ascii_case("at")
            && matches!(self.word(c + 1), "least" | "most");
        // `said on social media that ...`, `said in an interview with the BBC that ...`: a
        // prepositional adjunct of any words up to the `that` it leads to
        let adjunct_to_that = (c < e
            && !bound
            && matches!(
                self.word(c),
                "on" | "in" | "at" | "via" | "through" | "during" | "after" | "before" | "from"
            ))
        .then(|| {
            (c + 1..e.min(c + 10))
                .take_while(|&t| !matches!(self.word(t), "," | ";" | ":" | "\"" | "\u{201c}"))
                .find(|&t| self.word(t) == "that")
        })
        .flatten();
        if let Some(that) = adjunct_to_that {
            c = that;
        } else if c < e && !bound && !matches!(self.word(c), "a" | "an") {
            while c < e && ADJUNCTS.contains(&self.word(c)) {
                c += 1;
            }
        }
        if c >= e {
            return None;
        }
        if matches!(w, "told" | "tell" | "tells") {
            // `told reporters that ...`, `told the BBC the mission was ...`.
            if let Some(t) = (v + 1..e.min(v + 10)).find(|&t| self.word(t) == "that") {
                c = t;
            } else {
                c = self.object_end(v + 1, e);
                if c >= e {
                    return None;
                }
            }
        }
        // `that` right after the verb (and its adjuncts or object); a `that` further on
        // opens a relative clause (`promised grants to every family that lost ...`).
        if self.word(c) == "that" {
            return (c + 1 < e).then_some(c + 1);
        }
        if self.doc.tokens[c].kind != TokenKind::Word {
            return None;
        }
        let next = self.word(c).to_ascii_lowercase();
        // `confirmed it had ...`: verbs that need `that` take a bare clause only when a
        // pronoun and a verb open it.
        if !bare_clause {
            let subject = matches!(next.as_str(), "it" | "he" | "she" | "they" | "we");
            let then = self.word((c + 1).min(e - 1)).to_ascii_lowercase();
            let verb = c + 1 < e && AUXILIARIES.contains(&then.as_str());
            return (subject && verb).then_some(c);
        }
        if (PREPOSITIONS.contains(&next.as_str()) && !bound)
            || matches!(next.as_str(), "so" | "nothing")
        {
            return None;
        }
        // `claimed the figures were wrong`, not `claimed responsibility for the attack` or
        // `claimed victory`: after `claim` the words up to the first comma need a verb.
        let claim = self
            .stage
            .verbs
            .get(self.word(v))
            .is_some_and(|lemma| &**lemma == "claim");
        if claim {
            let verb = (c..e)
                .take_while(|&t| !matches!(self.word(t), "," | ";" | ":"))
                .any(|t| {
                    let w = self.word(t);
                    AUXILIARIES.contains(&w.to_ascii_lowercase().as_str())
                        || (w.len() > 3 && w.ends_with("ed") && w.starts_with(char::is_lowercase))
                });
            if !verb {
                return None;
            }
        }
        // `said it would`, not `said it again`: a pronoun object needs a verb after it.
        if matches!(
            next.as_str(),
            "it" | "this" | "that" | "him" | "her" | "them"
        ) {
            let then = self.word((c + 1).min(e - 1)).to_ascii_lowercase();
            let verb = c + 1 < e
                && (AUXILIARIES.contains(&then.as_str())
                    || then.ends_with("ed")
                    || (then.ends_with('s') && !then.ends_with("ss")));
            return verb.then_some(c);
        }
        Some(c)
    }

    /// Whether the words after verb `v` up to `end` only say when, where or to whom it was
    /// said (`said on Tuesday`, `told reporters in Lagos`, `said in a statement on its
    /// website`), so that the verb has no clause of its own.
    fn adjuncts_only(&self, v: usize, end: usize) -> bool {
        let mut t = v + 1;
        if matches!(self.word(v), "told" | "tell" | "tells") && t < end {
            t = self.object_end(t, end);
        }
        (t..end).all(|u| {
            let w = self.word(u);
            ADJUNCTS.contains(&w) || self.mention_of[u].is_some() || TAIL_WORDS.contains(&w)
        })
    }

    /// `, and that` / `but that` at token `t`: the first token of the clause after it.
    fn that_again(&self, t: usize, end: usize) -> Option<usize> {
        let mut u = t;
        if u < end && self.word(u) == "," {
            u += 1;
        }
        (u + 2 < end && matches!(self.word(u), "and" | "but") && self.word(u + 1) == "that")
            .then_some(u + 2)
    }

    /// `b`, moved back over the sentence's final marks.
    fn trim_end(&self, a: usize, mut b: usize) -> usize {
        while b > a + 1 && self.doc.tokens[b - 1].kind == TokenKind::Punct {
            b -= 1;
        }
        b
    }

    /// The end of the short object at token `t` (`reporters`, `the BBC`, `a news
    /// conference`): a whole mention, or an optional determiner and one word.
    fn object_end(&self, t: usize, e: usize) -> usize {
        if let Some(m) = self.mention_of[t] {
            let mut u = t;
            while u < e && self.mention_of[u] == Some(m) {
                u += 1;
            }
            return u;
        }
        let mut u = t;
        if matches!(self.word(u), "the" | "a" | "an") {
            u += 1;
            if let Some(m) = self.mention_of.get(u).copied().flatten() {
                while u < e && self.mention_of[u] == Some(m) {
                    u += 1;
                }
                return u;
            }
        }
        u + 1
    }

    /// The first token of a sentence's own words: after a dateline that shares its line.
    fn clause_start(&self, first: usize) -> usize {
        let mut t = first;
        let dateline = self.doc.sections.iter().find(|s| {
            s.kind == SectionKind::Dateline && s.span.contains(self.doc.tokens[first].span)
        });
        if let Some(d) = dateline {
            while self
                .doc
                .tokens
                .get(t)
                .is_some_and(|k| k.span.start < d.span.end)
            {
                t += 1;
            }
        }
        t
    }

    /// Where a reported clause starting at `a` ends, at most `e`: before `, but`, `;`, and a
    /// second reporting verb joined by `and` (`said A and warned that B`) or `, adding`.
    fn cut(&self, a: usize, e: usize) -> usize {
        for t in a + 1..e {
            let w = self.word(t);
            let next = if t + 1 < e { self.word(t + 1) } else { "" };
            let lower = next.to_ascii_lowercase();
            let cut = w == ";"
                || (matches!(w, "and" | "but") && next == "that")
                || (w == "," && matches!(lower.as_str(), "and" | "but") && t + 2 < e
                    && self.word(t + 2) == "that")
                || (w == "," && matches!(lower.as_str(), "but" | "while" | "whereas" | "although"))
                // `, and the opposition accused ...`: a new clause with its own subject.
                || (w == "," && lower == "and" && t + 2 < e && {
                    let subject = self.word(t + 2);
                    matches!(subject, "the" | "a" | "an" | "he" | "she" | "they" | "it" | "we")
                        || subject.chars().next().is_some_and(char::is_uppercase)
                })
                || (w == "," && next.ends_with("ing") && self.is_verb(t + 1))
                || (matches!(w, "and" | "but") && t + 1 < e && {
                    let mut u = t + 1;
                    while u < e && GAP_WORDS.contains(&self.word(u)) {
                        u += 1;
                    }
                    u < e && self.is_verb(u) && !self.word(u).ends_with("ing")
                });
            // `called for calm and said Madrid would ...`: a second verb of saying starts a
            // report of its own, however short the first one's words
            let says_again = matches!(w, "and" | "but") && t + 1 < e && self.is_verb(t + 1);
            if (cut && t >= a + 3) || says_again {
                return t;
            }
        }
        e
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
        let mut span = self.span_of(a, b);
        // A clause that is itself a quote in marks is not indirect speech.
        let text = &self.text[span];
        let marks = ['\'', '"', '\u{2018}', '\u{201C}', '\u{2019}', '\u{201D}'];
        if text.starts_with(marks) && text.trim_end_matches(['.', ',', '!', '?']).ends_with(marks) {
            return None;
        }
        // A clause ending in quoted words keeps their closing mark: `were "beyond repair"`.
        let next = self.text[span.end as usize..].chars().next();
        let closes = match next {
            Some('"') => text.matches('"').count() % 2 == 1,
            Some('\u{201D}') => text.contains('\u{201C}'),
            Some('\u{2019}') => text.contains('\u{2018}'),
            Some('\'') => text.contains(" '"),
            _ => false,
        };
        if let Some(c) = next.filter(|_| closes) {
            span.end += c.len_utf8() as u32;
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
