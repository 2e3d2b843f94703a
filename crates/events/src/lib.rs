//! The `events` stage: who did what to whom, where and when, coded in CAMEO and PLOVER.
//!
//! [`EventStage`] reads sections, sentences, tokens, mentions, actors and quotes and writes
//! [`Document::events`]. For every sentence of the story (never captions or page furniture):
//!
//! 1. **Triggers** ([`lexicon`]): verbs in every form (`recognised`, `broke off`), the words
//!    after a verb that make a more specific event (`broke off diplomatic relations`, `called
//!    for new elections`, PETRARCH-2's patterns) and nouns that name an event (`protests`,
//!    `a ceasefire`, `arms deliveries`). A word after a determiner reads as a noun; a
//!    capitalised word inside a sentence is a name, not a trigger.
//! 2. **Source and target**: the clause's subject (relative `who`, coordinated verbs, `by
//!    -ing` and `, -ing` clauses reach back to the main subject), the object or the
//!    prepositional object after the verb, the `by` agent of a passive, a noun's possessor,
//!    `by X`, `between X and Y`, pronouns (`he`, `it`) resolved to the nearest fitting actor
//!    before them, the speaker of a quote for `we` or an empty subject inside it; one event
//!    per actor of a coordinated subject (`Russia, China and Turkey backed`).
//! 3. **Negation and modality** from cue words before the trigger (`data/events/cues.tsv`):
//!    `stopped short of`, `refused to`, `not` negate; `could`, `if`, `is expected to` make it
//!    hypothetical; `will`, `plans to` future; inside someone's quote it is reported.
//! 4. **Where, when, how many dead**: the place named nearest the trigger after `in`, `at`,
//!    `near` or `city of`; the date words of the sentence resolved against the publication date
//!    ([`dates`]); the number of people killed or injured the sentence ties to it.
//! 5. **Precision**: one event per trigger and source; an event with neither source nor target
//!    whose code is generic (`190`: "not specified below") and that reports no dead is dropped.
//!
//! ```
//! use newsgraph_actors::ActorStage;
//! use newsgraph_doc::{Document, Format, Meta, Source, Stage};
//! use newsgraph_events::EventStage;
//! use newsgraph_layout::LayoutAnalyzer;
//! use newsgraph_quotes::QuoteStage;
//! use newsgraph_segment::Segmenter;
//!
//! let text = "Envoys expelled\n\nKenya expelled two Ugandan diplomats on Monday.\n";
//! let source = Source { path: None, url: None, format: Format::Text };
//! let mut doc = Document::new("x", source, Meta::default(), text);
//! LayoutAnalyzer::new().unwrap().annotate(&mut doc).unwrap();
//! Segmenter::new().unwrap().annotate(&mut doc).unwrap();
//! ActorStage::new().unwrap().annotate(&mut doc).unwrap();
//! QuoteStage::new().unwrap().annotate(&mut doc).unwrap();
//! EventStage::new().unwrap().annotate(&mut doc).unwrap();
//! let e = doc.events.iter().find(|e| e.cameo == "161").unwrap();
//! assert_eq!(e.cameo, "161");
//! assert_eq!(doc.actors[e.source.unwrap() as usize].country.as_deref(), Some("KEN"));
//! ```
#![deny(missing_docs)]

pub mod dates;
pub mod lexicon;

use std::cell::Cell;
use std::path::Path;

use newsgraph_doc::{
    ActorType, Document, Event, EventPlace, Layer, MentionType, Modality, SectionKind, Span, Stage,
    StageError, TokenKind,
};
use newsgraph_lexicon::LexiconError;
use thiserror::Error;

pub use lexicon::EventLexicon;
use lexicon::{class, CodeId, Cue, Origin, Trigger, VerbForm};

/// The `events` stage. Build it once; it is immutable and shared across threads.
#[derive(Debug, Clone)]
pub struct EventStage {
    lex: EventLexicon,
}

/// A `--verbs` dictionary could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum VerbsError {
    /// The file could not be read.
    #[error("cannot read verb dictionary {path}: {message}")]
    Io {
        /// The file.
        path: String,
        /// Why.
        message: String,
    },
    /// A line is not in PETRARCH-2's verb-dictionary format.
    #[error("{path}:{line}: {message}")]
    Syntax {
        /// The file.
        path: String,
        /// 1-based line.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// The embedded lexicon failed to load (a bug).
    #[error(transparent)]
    Lexicon(#[from] LexiconError),
}

impl EventStage {
    /// The stage with the embedded lexicon.
    pub fn new() -> Result<Self, LexiconError> {
        Ok(EventStage {
            lex: EventLexicon::embedded()?,
        })
    }

    /// The stage with the embedded lexicon and the verbs and patterns of PETRARCH-2-format
    /// dictionaries (`--verbs FILE`), which take precedence. Returns the stage and how many
    /// verbs and patterns each file added.
    pub fn with_verbs(
        paths: &[impl AsRef<Path>],
    ) -> Result<(Self, Vec<(usize, usize)>), VerbsError> {
        let mut lex = EventLexicon::embedded()?;
        let mut counts = Vec::new();
        for path in paths {
            counts.push(lexicon::read_petrarch_verbs(&mut lex, path.as_ref())?);
        }
        Ok((EventStage { lex }, counts))
    }

    /// The lexicon.
    pub fn lexicon(&self) -> &EventLexicon {
        &self.lex
    }
}

impl Stage for EventStage {
    fn name(&self) -> &'static str {
        "events"
    }

    fn requires(&self) -> &'static [Layer] {
        &[
            Layer::Sections,
            Layer::Sentences,
            Layer::Tokens,
            Layer::Mentions,
            Layer::Actors,
            Layer::Quotes,
        ]
    }

    fn produces(&self) -> &'static [Layer] {
        &[Layer::Events]
    }

    fn annotate(&self, doc: &mut Document) -> Result<(), StageError> {
        let events = Finder::new(&self.lex, doc).run();
        doc.events = events;
        Ok(())
    }
}

/// Where a subject candidate comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Arg {
    /// A mention, by index.
    Mention(usize),
    /// A pronoun at a token index.
    Pronoun(usize),
}

/// One matched trigger.
struct Match {
    /// First token and one past the last.
    first: usize,
    end: usize,
    code: CodeId,
    origin: Origin,
    /// Verb form, or `None` for a noun.
    form: Option<VerbForm>,
    /// True when the trigger is a verb whose lemma kills (`kill`, `shoot dead`).
    kills: bool,
    /// One past the last token the trigger's phrase used (`imposed sanctions`), where the
    /// search for the next trigger resumes.
    consumed: usize,
    /// The tokens of the pattern's words, which are never the target (`ordered a criminal
    /// investigation of X`: not `criminal`).
    pattern_words: Vec<usize>,
}

/// The per-document state of the stage.
struct Finder<'a> {
    lex: &'a EventLexicon,
    doc: &'a Document,
    text: &'a str,
    /// Each token's mention, if any.
    mention_at: Vec<Option<u32>>,
    /// Each token's function-word classes, looked up on first use (`UNSEEN` before).
    classes: Vec<Cell<u32>>,
    /// The first token and the end of the last verb trigger met in the current sentence.
    last_verb: Option<(usize, usize)>,
}

/// A token whose classes are not looked up yet.
const UNSEEN: u32 = u32::MAX;

impl<'a> Finder<'a> {
    fn new(lex: &'a EventLexicon, doc: &'a Document) -> Self {
        let mut mention_at = vec![None; doc.tokens.len()];
        let mut t = 0;
        for (mi, m) in doc.mentions.iter().enumerate() {
            while t < doc.tokens.len() && doc.tokens[t].span.end <= m.span.start {
                t += 1;
            }
            let mut k = t;
            while k < doc.tokens.len() && doc.tokens[k].span.start < m.span.end {
                mention_at[k] = Some(mi as u32);
                k += 1;
            }
        }
        Finder {
            lex,
            doc,
            text: doc.text(),
            mention_at,
            classes: vec![Cell::new(UNSEEN); doc.tokens.len()],
            last_verb: None,
        }
    }

    fn word(&self, t: usize) -> &'a str {
        let s = self.doc.tokens[t].span;
        &self.text[s.start as usize..s.end as usize]
    }

    /// The word at `t` equals `w` ignoring ASCII case.
    fn is(&self, t: usize, w: &str) -> bool {
        self.word(t).eq_ignore_ascii_case(w)
    }

    /// True when the word at `t` is of the function-word class `class` (`data/events/grammar.tsv`).
    fn has(&self, t: usize, class: u32) -> bool {
        let cell = &self.classes[t];
        if cell.get() == UNSEEN {
            cell.set(self.lex.word_class(self.word(t)));
        }
        cell.get() & class != 0
    }

    fn is_any(&self, t: usize, words: &[&str]) -> bool {
        let w = self.word(t);
        words.iter().any(|x| w.eq_ignore_ascii_case(x))
    }

    /// The cues (`data/events/cues.tsv`) whose last word is the word at `t`, as indices into
    /// the lexicon's cues. A word of no cue costs no lookup beyond its cached classes.
    fn cues_ending_at(&self, t: usize) -> &'a [u32] {
        if !self.has(t, class::CUE_END) {
            return &[];
        }
        self.lex.cues_ending_with(self.word(t))
    }

    /// True when a cue of `kind` ends at token `t` and starts at or after `first`: with
    /// `first == t`, a one-word cue.
    fn cue_at(&self, t: usize, first: usize, kind: Cue) -> bool {
        self.cues_ending_at(t).iter().any(|&i| {
            let (words, cue) = &self.lex.cues()[i as usize];
            *cue == kind && t + 1 >= first + words.len() && self.cue_fits(words, t + 1)
        })
    }

    /// True when the tokens before `endpos` read the cue `words` (stored last word first).
    fn cue_fits(&self, words: &[Box<str>], endpos: usize) -> bool {
        words
            .iter()
            .enumerate()
            .all(|(k, w)| self.is(endpos - 1 - k, w))
    }

    fn run(mut self) -> Vec<Event> {
        let doc = self.doc;
        let mut events = Vec::new();
        for (si, sentence) in doc.sentences.iter().enumerate() {
            let kind = doc.sections[sentence.section as usize].kind;
            if !matches!(
                kind,
                SectionKind::Paragraph
                    | SectionKind::Headline
                    | SectionKind::Highlight
                    | SectionKind::Dateline
            ) {
                continue;
            }
            let (first, end) = (sentence.first_token as usize, sentence.end_token as usize);
            let mut t = first;
            self.last_verb = None;
            while t < end {
                match self.trigger_at(t, first, end, kind == SectionKind::Headline) {
                    Some(m) => {
                        let before = events.len();
                        self.events_of(&m, si, first, end, &mut events);
                        if m.form.is_some() {
                            self.last_verb = Some((m.first, m.end));
                        }
                        // A phrase that made no event leaves its words to be read again
                        // (`opened an investigation`, too broad as PETRARCH's `start` with no
                        // one aimed at, is still the act its noun names).
                        t = if events.len() > before {
                            m.consumed
                        } else {
                            m.end.max(t + 1)
                        };
                    }
                    None => t += 1,
                }
            }
        }
        events.sort_by_key(|e| (e.trigger.start, e.source));
        drop_repeats(&mut events);
        self.drop_threatened(&mut events);
        self.vowed_force(&mut events);
        events
    }

    /// `vowed to crush the rebels`, `pledged to punish those responsible`: a promise of force
    /// or repression is a threat (138, 137) made by the one who vows, not a future act.
    fn vowed_force(&self, events: &mut [Event]) {
        for e in events.iter_mut() {
            // `vowed to fight corruption` aims at no one: no threat
            if e.modality != Modality::Future || e.negated || e.target.is_none() {
                continue;
            }
            let code = match e.cameo.get(..2) {
                Some("18" | "19" | "20") => "138",
                Some("17") => "137",
                _ => continue,
            };
            let Some(t) = self.token_at(e.trigger.start) else {
                continue;
            };
            let sentence = &self.doc.sentences[e.sentence as usize];
            let first = sentence.first_token as usize;
            if t < first + 2 || !self.is(t - 1, "to") {
                continue;
            }
            let vow = t - 2;
            let vows = self.has(vow, class::VOW);
            let Some(id) = vows.then(|| self.lex.code_id(code)).flatten() else {
                continue;
            };
            let threat = self.lex.code(id);
            e.cameo = threat.code;
            e.plover = threat.plover;
            e.goldstein = threat.goldstein;
            e.trigger = self.doc.tokens[vow].span;
            e.modality = Modality::Asserted;
            e.fatalities = None;
            e.injured = None;
        }
    }

    /// `threatened to impose sanctions`, `warned it would cut ties`: the act threatened is
    /// the threat's content, coded by the threat (13), not an act of its own.
    fn drop_threatened(&self, events: &mut Vec<Event>) {
        let text = self.doc.text();
        let threatened = |i: usize, e: &Event| {
            e.modality != Modality::Asserted
                && events[..i].iter().rev().take(3).any(|k| {
                    k.sentence == e.sentence
                        && k.cameo.starts_with("13")
                        && (e.source.is_none() || e.source == k.source)
                        && k.trigger.end <= e.trigger.start
                        && text
                            .get(k.trigger.end as usize..e.trigger.start as usize)
                            .is_some_and(|between| {
                                between.len() <= 40
                                    && !between.contains([',', ';'])
                                    && (between.ends_with(" to ")
                                        || between.contains(" would ")
                                        || between.contains(" will "))
                            })
                })
        };
        let keep: Vec<bool> = events
            .iter()
            .enumerate()
            .map(|(i, e)| !threatened(i, e))
            .collect();
        let mut k = keep.iter();
        events.retain(|_| *k.next().unwrap_or(&true));
    }

    /// The trigger that starts at token `t`, if any.
    fn trigger_at(&mut self, t: usize, first: usize, end: usize, headline: bool) -> Option<Match> {
        let tok = self.doc.tokens[t];
        if tok.kind != TokenKind::Word || self.mention_at[t].is_some() {
            return None;
        }
        let word = self.word(t);
        if word.as_bytes()[0].is_ascii_uppercase() && t != first && !headline {
            return None;
        }
        // `the right to protest`, `freedom to assemble`: a right, not an act
        if t >= first + 2
            && self.is(t - 1, "to")
            && self.is_any(t - 2, &["right", "rights", "freedom"])
        {
            return None;
        }
        // `according to`: an attribution, never the verb `accord`
        if word.eq_ignore_ascii_case("according") && t + 1 < end && self.is(t + 1, "to") {
            return None;
        }
        if !self.has(t, class::TRIGGER) {
            return None;
        }
        let entries = self.lex.triggers(word);
        if entries.is_empty() {
            return None;
        }
        // A word after a determiner or possessive is a noun.
        let noun_context = t > first
            && (self.is_any(
                t - 1,
                &[
                    "the", "a", "an", "its", "their", "his", "her", "our", "this", "these",
                    "those", "'s", "new", "fresh", "further", "mass", "violent", "more", "any",
                    "no",
                ],
            ) || self.doc.tokens[t - 1].kind == TokenKind::Number
                || self.word(t - 1).ends_with("'s"));
        let fits = |e: &lexicon::Entry| {
            t + 1 + e.rest.len() <= end
                && e.rest
                    .iter()
                    .enumerate()
                    .all(|(k, w)| self.word(t + 1 + k).eq_ignore_ascii_case(w))
        };
        let mut verb_match: Option<(usize, &lexicon::Entry)> = None;
        let mut noun_match: Option<(usize, &lexicon::Entry)> = None;
        for e in entries {
            let n = e.rest.len();
            if !fits(e) {
                continue;
            }
            match e.trigger {
                Trigger::Verb { .. } if verb_match.is_none() => verb_match = Some((n, e)),
                Trigger::Noun { .. } if noun_match.is_none() => noun_match = Some((n, e)),
                _ => {}
            }
        }
        let pick_noun = match (&verb_match, &noun_match) {
            // `accused Azerbaijan of shelling villages`: what someone is accused of is an act
            (Some((vn, _)), Some((nn, _))) => {
                nn > vn
                    || (nn == vn
                        && (noun_context
                            || (!self.after_subject(t, first) && !self.accused_at(t, first))))
            }
            (None, Some(_)) => true,
            _ => false,
        };
        if pick_noun {
            let (n, e) = noun_match?;
            let Trigger::Noun { code } = e.trigger else {
                return None;
            };
            return Some(Match {
                first: t,
                end: t + 1 + n,
                code,
                origin: Origin::Curated,
                form: None,
                kills: false,
                consumed: t + 1 + n,
                pattern_words: Vec::new(),
            });
        }
        let (n, e) = verb_match?;
        if noun_context {
            return None;
        }
        let found = self.verb_trigger(t, first, end, headline, n, e);
        let Trigger::Verb { verb, .. } = e.trigger else {
            return None;
        };
        if found.is_some() || self.lex.verb(verb).origin == Origin::Curated {
            return found;
        }
        // A phrasal verb from PETRARCH's dictionary that none of its patterns codes here
        // (`lash out`, `back down`: listed as synonyms only) gives way to a shorter reading,
        // the team's head verb and its own patterns (`lash` + `out` → 111).
        entries
            .iter()
            .filter(|o| {
                !std::ptr::eq(*o, e) && matches!(o.trigger, Trigger::Verb { .. }) && fits(o)
            })
            .find_map(|o| self.verb_trigger(t, first, end, headline, o.rest.len(), o))
    }

    /// The event a verb trigger `e` (its `n` words after token `t`) makes here, with the
    /// patterns that follow it.
    fn verb_trigger(
        &self,
        t: usize,
        first: usize,
        end: usize,
        headline: bool,
        n: usize,
        e: &lexicon::Entry,
    ) -> Option<Match> {
        let Trigger::Verb { verb, form } = e.trigger else {
            return None;
        };
        // A base form is a verb after a subject, a modal or `to` (`they attack`, `will
        // attack`, `to attack`), not after a noun (`hand the site back`).
        if form == VerbForm::Base && !self.base_verb(t, first, headline) {
            return None;
        }
        // `will bring the children back`, `pushed the rebels back`: after a name in running
        // text `back` is the particle of the verb before the name
        if form == VerbForm::Base
            && !headline
            && t > first
            && self.mention_at[t - 1].is_some()
            && self.is(t, "back")
        {
            return None;
        }
        // A form in -s is a verb after its subject (`the army raids`, `it bans`), not after a
        // modifier (`of cross-border raids`, `the recent attacks`).
        if form == VerbForm::S && !self.s_verb(t, first, headline) {
            return None;
        }
        let v = self.lex.verb(verb);
        let kills = matches!(
            &*v.lemma,
            "kill" | "shoot dead" | "gun down" | "massacre" | "murder"
        );
        let after = t + 1 + n;
        // The phrase after the verb: the team's patterns, then PETRARCH's block patterns.
        // PETRARCH-2's verbs alone are too broad (WordNet synsets, `expect` → 030): only
        // the team's verbs code on their own; PETRARCH's code through their patterns.
        let mut code = match v.origin {
            Origin::Curated => v.code,
            _ => None,
        };
        let mut origin = v.origin;
        let mut consumed = after;
        let mut particle = false;
        // The block's patterns that can start within the next three words: looked up by
        // word (and its singular), tried in their order of precedence.
        let block = v.block.map(|b| self.lex.block(b)).unwrap_or(&[]);
        let mut candidates: Vec<u32> = Vec::new();
        if let Some(b) = v.block {
            for k in after..(after + 3).min(end) {
                let w = self.word(k);
                candidates.extend_from_slice(self.lex.block_patterns_at(b, w));
                for suffix in ["s", "es"] {
                    let cut = w.len().saturating_sub(suffix.len());
                    if w.len() >= suffix.len()
                        && w.as_bytes()[cut..].eq_ignore_ascii_case(suffix.as_bytes())
                    {
                        let singular = &w[..cut];
                        candidates.extend_from_slice(self.lex.block_patterns_at(b, singular));
                    }
                }
            }
            candidates.sort_unstable();
            candidates.dedup();
        }
        let block_candidates = candidates.iter().map(|&i| &block[i as usize]);
        let mut found = false;
        let mut used = Vec::new();
        let mut pattern_words = Vec::new();
        for p in v.patterns.iter().chain(block_candidates) {
            // PETRARCH's patterns refine the team's verbs within their root (`attack` 190 →
            // 195 with aircraft) but neither change the root nor unmake the event.
            if p.origin != Origin::Curated && v.origin == Origin::Curated {
                let same_root = match (p.code, v.code) {
                    (Some(a), Some(b)) => self.lex.code(a).code[..2] == self.lex.code(b).code[..2],
                    _ => false,
                };
                if !same_root {
                    continue;
                }
            }
            let strict = p.origin != Origin::Curated;
            if let Some(e) = self.pattern_end(after, end, &p.words, strict, &mut used) {
                code = p.code;
                // A curated verb refined by PETRARCH-2's pattern within its root is as sure as
                // the verb alone (`attacked a police station`).
                // A phrase of the team's own is as sure on any verb (`launched military
                // exercises` on PETRARCH's `launch`).
                origin = match v.origin {
                    Origin::Curated => Origin::Curated,
                    Origin::Inherited if p.origin != Origin::Curated => {
                        p.origin.max(Origin::Inherited)
                    }
                    Origin::Inherited | Origin::Petrarch => p.origin,
                };
                consumed = e;
                particle = self.is_particle_word(&p.words[0]) && self.is(after, &p.words[0]);
                found = true;
                pattern_words.clear();
                pattern_words.extend_from_slice(&used);
                break;
            }
        }
        if !found && &*v.lemma == "call" {
            code = self.naming(after, end);
            origin = Origin::Curated;
        }
        // `the two countries have clashed over the detentions`, `lawmakers clashed over the
        // budget`: a dispute, no fighting (`clashed over the weekend` is a time; `clashed
        // with police over the closure` keeps its fighting)
        if &*v.lemma == "clash" && after + 1 < end && self.is(after, "over") {
            let mut k = after + 1;
            while k < end && self.is_any(k, &["the", "a", "two", "three", "several", "past"]) {
                k += 1;
            }
            let time = k < end
                && self.is_any(
                    k,
                    &[
                        "weekend", "weekends", "night", "nights", "day", "days", "week", "weeks",
                        "month", "months", "year", "years", "holiday", "hours",
                    ],
                );
            if !time {
                return None;
            }
        }
        // `said he would appeal`, `appealed the verdict`, `appealed against the ruling`: a
        // court appeal; a CAMEO appeal (02) asks someone for something (`appealed for calm`,
        // `appealed to the UN`)
        if !found
            && &*v.lemma == "appeal"
            && !(after < end && self.is_any(after, &["for", "to", "on"]))
        {
            return None;
        }
        let code = code?;
        Some(Match {
            first: t,
            end: if particle { after + 1 } else { after },
            code,
            origin,
            form: Some(form),
            kills,
            consumed,
            pattern_words,
        })
    }

    /// A pattern's words after the verb: each may follow up to three other words of the
    /// clause (`broke off all diplomatic relations`); returns one past the last word matched.
    /// PETRARCH-2's patterns (`strict`) name the head words right after the verb: each may
    /// follow at most two other words. Marks the matched words in `used`.
    fn pattern_end(
        &self,
        from: usize,
        end: usize,
        words: &[Box<str>],
        strict: bool,
        used: &mut Vec<usize>,
    ) -> Option<usize> {
        used.clear();
        let mut t = from;
        for (k, w) in words.iter().enumerate() {
            let limit = if k == 0 && words.len() == 1 && self.is_particle_word(w) {
                t + 1
            } else if strict {
                (t + if k == 0 { 3 } else { 2 }).min(end)
            } else {
                (t + 4).min(end)
            };
            let mut found = None;
            let mut limit = limit;
            while t < limit.min(end) {
                let word = self.word(t);
                // An amount or a measure is one modifier however many tokens it takes:
                // `approved a $2.9 billion bailout`, `declared a 90-day state of emergency`.
                let measure = t >= 2
                    && self.is(t - 1, "-")
                    && self.doc.tokens[t - 2].kind == TokenKind::Number;
                // (`$200 million in new aid`, `20 tonnes of food aid`: with its `in` or `of`)
                let of_amount =
                    t > from && self.is_any(t, &["in", "of"]) && self.amount_token(t - 1);
                if self.amount_token(t) || measure || of_amount {
                    limit += 1;
                    t += 1;
                    continue;
                }
                if self.doc.tokens[t].kind == TokenKind::Punct && word != "-" {
                    return None;
                }
                if word.eq_ignore_ascii_case(w) || plural_of(word, w) {
                    found = Some(t);
                    break;
                }
                if self.has(t, class::CLAUSE) || self.is_any(t, &["and", "but", "or"]) {
                    return None;
                }
                t += 1;
            }
            used.push(found?);
            t = found? + 1;
        }
        Some(t)
    }

    /// True for a token of an amount or a measure: a number, a currency sign, `million`,
    /// `tonnes`, a hyphen.
    fn amount_token(&self, t: usize) -> bool {
        self.doc.tokens[t].kind == TokenKind::Number
            || matches!(self.word(t), "$" | "\u{20ac}" | "\u{a3}" | "\u{a5}" | "-")
            || self.is_any(
                t,
                &["million", "billion", "trillion", "bn", "tonnes", "tons"],
            )
    }

    fn is_particle_word(&self, w: &str) -> bool {
        matches!(w, "up" | "off" | "down" | "out" | "back" | "on" | "for")
    }

    /// `called X 'Y'`: naming someone or something in quote marks is criticism (111), or
    /// praise (051) when the quoted words praise.
    fn naming(&self, from: usize, end: usize) -> Option<CodeId> {
        let mut t = from;
        let mut object = false;
        while t < end && t < from + 8 {
            let w = self.word(t);
            if matches!(w, "'" | "\u{2018}" | "\"" | "\u{201c}") && object {
                let praise = (t + 1..end.min(t + 8)).any(|k| self.cue_at(k, k, Cue::Praise));
                return self.lex.code_id(if praise { "051" } else { "111" });
            }
            if self.has(t, class::CLAUSE) || self.is_any(t, &["for", "on", "to", "off", "up"]) {
                return None;
            }
            object = true;
            t += 1;
        }
        None
    }

    fn base_verb(&self, t: usize, first: usize, headline: bool) -> bool {
        if t == first {
            return headline;
        }
        let p = t - 1;
        self.mention_at[p].is_some()
            || self.is_any(
                p,
                &[
                    "he", "she", "they", "we", "i", "you", "who", "to", "will", "would", "could",
                    "can", "may", "might", "must", "should", "shall", "not", "n't", "did", "do",
                    "does", "also", "jointly", "and", "or", "'ll",
                ],
            )
            || (self.doc.tokens[p].kind == TokenKind::Word
                && self.word(p).ends_with('s')
                && self.word(p).len() > 3
                && headline)
    }

    /// True when the word in -s at `t` can be a verb: it opens a headline or follows a
    /// subject (a name or a pronoun), a capitalised word, a conjunction or an adverb.
    fn s_verb(&self, t: usize, first: usize, headline: bool) -> bool {
        if t == first {
            return headline;
        }
        let p = t - 1;
        self.mention_at[p].is_some()
            || self.word(p).starts_with(|c: char| c.is_uppercase())
            || self.has(p, class::ADVERB)
            || self.is_any(
                p,
                &[
                    "he",
                    "she",
                    "it",
                    "who",
                    "which",
                    "that",
                    "and",
                    "or",
                    "now",
                    "never",
                    "often",
                    "regularly",
                    "repeatedly",
                    "routinely",
                ],
            )
    }

    /// True when the token before `t` ends a subject: a mention or a pronoun (`Students
    /// protest`, `they rally`), so that a noun-or-verb word reads as a verb.
    fn after_subject(&self, t: usize, first: usize) -> bool {
        if t == first {
            return false;
        }
        let p = t - 1;
        self.mention_at[p].is_some()
            || self.is_any(
                p,
                &["he", "she", "they", "we", "i", "it", "who", "also", "to"],
            )
            || self.has(p, class::PASSIVE)
            || self.is_any(
                p,
                &[
                    "will", "would", "could", "may", "might", "not", "n't", "did",
                ],
            )
    }

    /// The events of one trigger.
    fn events_of(&self, m: &Match, si: usize, first: usize, end: usize, out: &mut Vec<Event>) {
        if self.attributive(m, first, end) {
            return;
        }
        // `talks on lifting trade curbs`, `a dispute over building a dam`: an act after a
        // preposition of topic is what is discussed, not done
        if m.form == Some(VerbForm::Ing)
            && m.first > first
            && self.is_any(
                m.first - 1,
                &["on", "about", "over", "regarding", "concerning"],
            )
        {
            return;
        }
        let code = self.lex.code(m.code);
        // `release the union leaders detained in May`: done to the phrase before it
        let reduced = (m.form == Some(VerbForm::Ed))
            .then(|| self.reduced_relative(m, first, end))
            .flatten();
        let passive = reduced.is_some()
            || (m.form == Some(VerbForm::Ed)
                && (self.is_passive(m, first, end) || self.elliptical_passive(m, first)));
        let (sources, targets): (Vec<Arg>, Vec<Arg>) = match m.form {
            None => match self.noun_args(m, first, end) {
                Some(args) => args,
                None => return,
            },
            // `two farmers were killed and dozens injured`: a count standing for a passive's
            // subject names no one
            Some(VerbForm::Ed) if self.elliptical_passive(m, first) => {
                (self.by_agent(m.end, end), Vec::new())
            }
            Some(_) if reduced.is_some() => (
                self.by_agent(m.end, end),
                reduced.into_iter().map(Arg::Mention).collect(),
            ),
            Some(form) => {
                if passive {
                    let agent = self.by_agent(m.end, end);
                    (agent, self.listed(end, self.subject(m.first, first)))
                } else {
                    (
                        self.verb_subject(m, form, first),
                        // a pattern's own word is who a coercive or violent act is done
                        // to (`arrested 40 protesters`), but what is sent, massed or
                        // given is no target (`sent troops`)
                        self.object(
                            m.end,
                            end,
                            &m.pattern_words,
                            matches!(
                                &code.code[..2],
                                "11" | "12" | "13" | "16" | "17" | "18" | "19" | "20"
                            ),
                        ),
                    )
                }
            }
        };
        // `the U.S., Canada and Brazil announced that they supported ...`: a plural pronoun
        // after a coordinated subject stands for every actor of it
        let sources = match sources.as_slice() {
            [Arg::Pronoun(t)] if self.is_any(*t, &["they"]) => {
                // the subject of the verb that governs the pronoun's clause (`... Japan said
                // they`, `... countries announced that they`), else the sentence's first one
                let mut v = *t;
                while v > first && self.is_any(v - 1, &["that", ","]) {
                    v -= 1;
                }
                let governing = if v > first {
                    self.subject(v - 1, first)
                } else {
                    Vec::new()
                };
                // a one-actor governing subject keeps the pronoun; with none, the sentence's
                // first subject if it is a group
                let group = match governing.len() {
                    0 => self.main_subject(first, *t),
                    _ => governing,
                };
                if group.len() >= 2 {
                    group
                } else {
                    sources
                }
            }
            _ => sources,
        };
        // `Tens of thousands of Georgians marched ... to protest`: a people, not its state
        let people_source = matches!(
            sources.first(),
            Some(Arg::Mention(mi)) if self.doc.mentions[*mi].kind == MentionType::Norp
        );
        let mut sources: Vec<Option<u32>> = sources
            .iter()
            .filter_map(|a| self.resolve(*a, si))
            .map(Some)
            .collect();
        // `Beijing protested the visit`, `summoned the envoy to protest`: a state protests in
        // words (111), it does not take to the streets (141)
        let state = |a: u32| {
            let actor = &self.doc.actors[a as usize];
            actor.kind == ActorType::Country
                || actor
                    .cameo
                    .as_deref()
                    .is_some_and(|c| c.len() >= 6 && &c[3..6] == "GOV")
        };
        let code = match self.lex.code_id("111") {
            Some(criticise)
                if code.code.starts_with("14")
                    && m.form.is_some()
                    && self
                        .word(m.first)
                        .to_ascii_lowercase()
                        .starts_with("protest")
                    && !people_source
                    && sources.first().copied().flatten().is_some_and(state) =>
            {
                self.lex.code(criticise)
            }
            _ => code,
        };
        // `imposed sanctions on Russia and Belarus`: one event per coordinated target.
        let mut resolved_targets: Vec<u32> = Vec::with_capacity(targets.len());
        for t in targets.iter().filter_map(|a| self.resolve(*a, si)) {
            if !resolved_targets.contains(&t) {
                resolved_targets.push(t);
            }
        }
        // `urged both sides to`, `mediate between the two governments`: the two sides of the
        // latest act two actors did to each other, else of the latest hostile one
        let sides = self.sides_at(m.end, end).or_else(|| {
            (m.end < end && self.is(m.end, "between"))
                .then(|| self.sides_at(m.end + 1, end))
                .flatten()
        });
        if let Some(sides_end) = sides.filter(|_| m.form.is_some() && !passive) {
            // the role noun of the phrase (`the two governments`) is not one actor
            let inside = |a: &Arg| match a {
                Arg::Mention(i) => self
                    .token_at(self.doc.mentions[*i].span.start)
                    .is_some_and(|t| (m.end..sides_end).contains(&t)),
                Arg::Pronoun(_) => false,
            };
            if targets.iter().all(inside) {
                resolved_targets = sides_of(out, self.doc);
            }
        }
        let mut target = resolved_targets.first().copied();
        let more_targets = resolved_targets.get(1..).unwrap_or(&[]);
        // `spoke with reporters`: talking to the press is no consultation
        let press = |a: u32| {
            self.doc.actors[a as usize]
                .cameo
                .as_deref()
                .is_some_and(|c| c.len() >= 6 && c[3..].contains("MED"))
        };
        if code.code.starts_with("04") && m.form.is_some() && target.is_some_and(press) {
            return;
        }
        // Roots 10-13 (demands, criticism, rejection, threats) aimed at no one named in
        // their phrase are aimed at the other actor the sentence names.
        let root = &code.code[..2];
        let mut guessed_target = false;
        if target.is_none() && matches!(root, "10" | "11" | "12" | "13") {
            target = self.other_actor(m, first, end, sources.first().copied().flatten());
            guessed_target = target.is_some();
        }
        // what the phrase says was done happened, whatever is said of the verb before it
        let (modality, negated) = if reduced.is_some() {
            (Modality::Asserted, false)
        } else {
            match self.coordinated_infinitive(m, first) {
                // `urged X to lift the curfew and release ...`: as the first infinitive
                Some(v) => self.modality_at(v, first),
                None => self.modality(m, first),
            }
        };
        // `accused Somalia of backing the rebels`: the act is what the accuser says happened
        let modality = if modality == Modality::Asserted && self.accused_of(m, first) {
            Modality::Reported
        } else {
            modality
        };
        let quote = self.quote_of(m);
        let modality = match (modality, quote) {
            (Modality::Asserted, Some(_)) => Modality::Reported,
            (m, _) => m,
        };
        if let Some(q) = quote {
            let speaker = self.doc.quotes[q].speaker;
            // `"We will march again," she said`: the speaker; `"Will march again," she said`
            // (no subject): the speaker too; but `"My son was shot," she said` or `"He was not
            // throwing stones"`: a subject of its own the speaker is not
            // (reported speech names its own subjects: `... as protests turned violent,
            // rights groups said` is no protest by the rights groups)
            let direct = self.doc.quotes[q].kind != newsgraph_doc::QuoteKind::Indirect;
            let first_person = self.first_person_subject(m.first, first)
                || (direct && sources.is_empty() && !self.has_own_subject(m.first, first));
            if first_person && speaker.is_some() {
                sources = vec![speaker];
            }
        }
        if sources.is_empty() {
            sources.push(None);
        }
        // `Pakistani and Afghan forces exchanged fire, killing two Pakistani soldiers`: of two
        // sides, the one whose own people are the victims did not do the violence
        if sources.len() > 1 && matches!(root, "18" | "19" | "20") {
            let country = |a: u32| self.doc.actors[a as usize].country.as_deref();
            if let Some(victims) = target.and_then(country) {
                let own = |s: &Option<u32>| s.and_then(country) == Some(victims);
                if sources.iter().any(|s| !own(s)) {
                    sources.retain(|s| !own(s));
                }
            }
        }
        // `the floods have killed 11 people`, `died in the earthquake`, `crushed to death in a
        // stampede`: deaths, no violence
        if matches!(root, "17" | "18" | "19" | "20")
            && ((sources.iter().all(Option::is_none) && self.hazard_near(m, first, end))
                || self.hazard_opens_clause_before(m, first))
        {
            return;
        }
        // `At least 40 people have been killed since January`: a running total
        if (m.kills || (m.form.is_some() && matches!(root, "18" | "19" | "20")))
            && self.cumulative(m, first, end)
        {
            return;
        }
        let (fatalities, injured) = self.casualties(m, first, end, root);
        if sources.iter().all(Option::is_none)
            && target.is_none()
            && code.is_generic()
            && fatalities.is_none()
        {
            return;
        }
        // PETRARCH's verbs are broad (WordNet synonyms): alone, with a generic code, they need
        // a target to count.
        if m.origin != Origin::Curated && code.is_generic() && target.is_none() {
            return;
        }
        // `India and Pakistan exchanged fire`, `Seoul and Tokyo met`: two sides of a reciprocal
        // act with no object each act on the other. Two sides are two people or two bodies;
        // a person and a state are more likely a misread apposition (`X, Kenya's president,`).
        let person = |a: u32| self.doc.actors[a as usize].kind == ActorType::Person;
        let mutual = match sources.as_slice() {
            [Some(a), Some(b)]
                if a != b
                    && person(*a) == person(*b)
                    && target.is_none_or(|t| t == *a || t == *b) =>
            {
                self.reciprocal(m, end, root)
            }
            _ => false,
        };
        let place = self.location(m, first, end);
        // A material act with no one named as its object is aimed at a place: the one it is
        // aimed on, into or against (`imposed a siege on the Gaza Strip`), else the place after
        // it in its own clause (`pulled out of the city of Kherson`), not one in an attribution
        // after it (`..., according to a commissioner in Gazipur`). CAMEO codes a place by its
        // country.
        if !mutual
            && target.is_none()
            && matches!(root, "07" | "08" | "14" | "15" | "17" | "18" | "19" | "20")
        {
            let after = place.as_ref().and_then(|(p, actor, at)| {
                let same_clause = *at >= m.end
                    && *at <= m.end + 10
                    && (m.end..*at).all(|t| {
                        !self.is_any(t, &[",", ";", "according", "said", "says", "who", "which"])
                    });
                (same_clause && p.country.is_some()).then_some(*actor)
            });
            let aimed = [self.place_aimed_at(m, end), after]
                .into_iter()
                .flatten()
                .find(|a| !sources.contains(&Some(*a)));
            if aimed.is_some() {
                target = aimed;
                guessed_target = true;
            }
        }
        // An injury with no one on either side is an accident as likely as an act (`two people
        // were injured in the stampede`)
        if m.form.is_some()
            && code.code.starts_with("18")
            && sources.iter().all(Option::is_none)
            && target.is_none()
            && fatalities.is_none()
        {
            return;
        }
        // A verb with no one on either side, no place and no toll (`fired a low shot past the
        // goalkeeper`, `shots were fired`) tells an analyst nothing to count
        if m.form.is_some()
            && sources.iter().all(Option::is_none)
            && target.is_none()
            && place.is_none()
            && fatalities.is_none()
            && injured.is_none()
        {
            return;
        }
        // A noun with no one on either side and no toll names a topic, not an event to count
        // (`did not comment on the arrests`, `said the arrests were lawful`, `the visit comes
        // weeks after ...`); a place keeps only a protest or a violent act (`a bombing in
        // Kabul`).
        if m.form.is_none()
            && sources.iter().all(Option::is_none)
            && target.is_none()
            && (place.is_none() || !matches!(root, "14" | "17" | "18" | "19" | "20"))
            && fatalities.is_none()
            && injured.is_none()
        {
            return;
        }
        let location = place.map(|(p, _, _)| p);
        let future = modality == Modality::Future;
        let words: Vec<&str> = (first..end).map(|t| self.word(t)).collect();
        let dates = dates::find(&words, self.doc.meta.published, future);
        // `a group it has been fighting since April 2023`: when a span began is no date of
        // an act
        let since = |h: &dates::DateHit| {
            words[h.first].eq_ignore_ascii_case("since")
                || (h.first > 0 && words[h.first - 1].eq_ignore_ascii_case("since"))
        };
        let nearest = dates.iter().filter(|h| !since(h)).min_by_key(|h| {
            let (a, b) = (h.first + first, h.end + first);
            if b <= m.first {
                m.first - b
            } else {
                a.saturating_sub(m.end)
            }
        });
        // An act expected or threatened in the infinitive lies ahead when its date follows
        // it (`is expected to meet on Wednesday`); a date before it is the expecting's (`On
        // Thursday, a man threatened to attack`).
        let ahead = !future
            && modality == Modality::Hypothetical
            && m.form == Some(VerbForm::Base)
            && nearest.is_some_and(|h| h.first + first >= m.end);
        let ahead_dates = if ahead {
            dates::find(&words, self.doc.meta.published, true)
        } else {
            Vec::new()
        };
        let nearest = nearest.map(|h| {
            ahead_dates
                .iter()
                .find(|a| (a.first, a.end) == (h.first, h.end))
                .unwrap_or(h)
        });
        let date = nearest
            .map(|h| {
                let span = Span {
                    start: self.doc.tokens[h.first + first].span.start,
                    end: self.doc.tokens[h.end + first - 1].span.end,
                };
                (h.value.clone(), Some(span))
            })
            .or_else(|| {
                let p = self.doc.meta.published?;
                (modality == Modality::Asserted || modality == Modality::Reported)
                    .then(|| (p.format("%Y-%m-%d").to_string(), None))
            });
        let trigger = Span {
            start: self.doc.tokens[m.first].span.start,
            end: self.doc.tokens[m.end - 1].span.end,
        };
        // `clashes between Kyrgyz and Tajik guards`, `talks between X and Y`: a nominal event
        // between two sides goes both ways
        let between =
            m.form.is_none() && (m.end..end.min(m.end + 3)).any(|k| self.is(k, "between"));
        let all_sources = sources.clone();
        let mut aims: Vec<Option<u32>> = Vec::with_capacity(1 + more_targets.len());
        for source in sources {
            // `France, Germany and Italy condemned France`: never one of the sources.
            aims.clear();
            match (mutual, source) {
                (true, Some(s)) => {
                    aims.push(all_sources.iter().flatten().copied().find(|&o| o != s))
                }
                _ => {
                    for t in target.iter().chain(more_targets) {
                        if !all_sources.contains(&Some(*t)) && !aims.contains(&Some(*t)) {
                            aims.push(Some(*t));
                        }
                    }
                    if aims.is_empty() {
                        aims.push(None);
                    }
                }
            }
            for &target in &aims {
                let mut confidence: f64 = 0.45;
                if source.is_some() {
                    confidence += 0.2;
                }
                if target.is_some() {
                    confidence += if guessed_target { 0.05 } else { 0.15 };
                }
                if m.origin == Origin::Curated {
                    confidence += 0.1;
                }
                if m.origin == Origin::Inherited {
                    confidence -= 0.15;
                }
                if modality == Modality::Reported {
                    confidence -= 0.05;
                }
                out.push(Event {
                    cameo: code.code,
                    plover: code.plover,
                    goldstein: code.goldstein,
                    source,
                    target,
                    sentence: si as u32,
                    trigger,
                    location: location.clone(),
                    date: date.as_ref().map(|d| d.0.clone()),
                    date_span: date.as_ref().and_then(|d| d.1),
                    negated,
                    modality,
                    fatalities,
                    injured,
                    confidence: confidence.clamp(0.05, 0.95),
                    target_guessed: guessed_target && target.is_some(),
                });
                if let (true, Some(last)) = (between, out.last()) {
                    if last.source.is_some() && last.target.is_some() {
                        let mirror = Event {
                            source: last.target,
                            target: last.source,
                            ..last.clone()
                        };
                        out.push(mirror);
                    }
                }
            }
        }
    }

    /// A participle after `be` (`were killed`), or right before `by` (`a coup backed by`).
    fn is_passive(&self, m: &Match, first: usize, end: usize) -> bool {
        // `a coup backed by the army`, `..., backed by helicopters`; not `spoke by telephone
        // with`, where no actor follows and the subject stands right before
        if m.end < end
            && self.is(m.end, "by")
            && (!self.by_agent(m.end, end).is_empty()
                || (m.first > first && self.is(m.first - 1, ",")))
        {
            return true;
        }
        let mut t = m.first;
        let mut steps = 0;
        while t > first && steps < 3 {
            t -= 1;
            steps += 1;
            if self.has(t, class::PASSIVE) {
                return true;
            }
            if !self.has(t, class::ADVERB) && !self.is_any(t, &["not", "n't", "reportedly"]) {
                return false;
            }
        }
        false
    }

    /// `two were killed and dozens injured`, `..., 12 wounded`: a participle right after a
    /// count that follows `and` or a comma, with the passive's auxiliary left out.
    fn elliptical_passive(&self, m: &Match, first: usize) -> bool {
        let count = |k: usize| {
            self.doc.tokens[k].kind == TokenKind::Number
                || self.lex.number_word(self.word(k)).is_some()
                || (self.has(k, class::QUANTITY) && self.word(k).ends_with('s'))
                || self.is_any(k, &["several", "others", "more"])
        };
        m.first >= first + 2 && count(m.first - 1) && self.is_any(m.first - 2, &["and", ","])
    }

    /// `called on X to lift the curfew and release ...`: when the verb at `m` follows `and` or
    /// `or` and the verb before it in the sentence is an infinitive, that verb's first token.
    fn coordinated_infinitive(&self, m: &Match, first: usize) -> Option<usize> {
        // the second of two infinitives is a bare form too (`condemned` after `to halt ...
        // and` is the sentence's own verb)
        if m.form != Some(VerbForm::Base)
            || m.first <= first
            || !self.is_any(m.first - 1, &["and", "or"])
        {
            return None;
        }
        // `to` and a lowercase word that names no one a few words before, with no clause or
        // comma between (the first verb need not be a trigger: `to end the curfew and free
        // ...`; `sent troops to Mali and` has none)
        let and = m.first - 1;
        (and.saturating_sub(6).max(first + 1)..and)
            .rev()
            .take_while(|&k| !self.has(k, class::CLAUSE) && !self.is(k, ","))
            .find(|&k| {
                self.is(k - 1, "to")
                    && self.doc.tokens[k].kind == TokenKind::Word
                    && self.word(k).starts_with(|c: char| c.is_lowercase())
                    && self.mention_at[k].is_none()
                    && !self.has(k, class::DETERMINER)
            })
    }

    /// `release the union leaders detained earlier this month`: a participle right after the
    /// object of the verb before it, with no object of its own, says what was done to that
    /// object (a passive), not what the object did. Returns the object's last mention.
    fn reduced_relative(&self, m: &Match, first: usize, end: usize) -> Option<usize> {
        // protest and posture verbs take no object (`protesters marched`, `troops massed`)
        let root = self.lex.code(m.code).code.get(..2)?;
        if matches!(root, "14" | "15") {
            return None;
        }
        if m.first <= first {
            return None;
        }
        let no_object = m.end >= end
            || self.doc.tokens[m.end].kind == TokenKind::Punct
            || self.has(m.end, class::PREPOSITION | class::ADVERB);
        // the words between the two verbs are one noun phrase that names someone: `the union
        // leaders`, `30 protesters`
        if let Some((_, e)) = self.last_verb.filter(|&(_, e)| e < m.first) {
            let phrase = e..m.first;
            let noun_phrase = phrase.len() <= 5
                && phrase.clone().any(|k| self.mention_at[k].is_some())
                && phrase.clone().all(|k| {
                    matches!(self.doc.tokens[k].kind, TokenKind::Word | TokenKind::Number)
                        && !self.has(k, class::PREPOSITION | class::CLAUSE | class::PASSIVE)
                        && !self.is_any(k, &["and", "or", "but"])
                })
                && !self.has(m.first - 1, class::DETERMINER);
            if no_object && noun_phrase {
                return phrase
                    .rev()
                    .find_map(|k| self.mention_at[k])
                    .map(|mi| mi as usize);
            }
        }
        // right after a name, with no auxiliary: `an activist accused by the government of`
        // (a participle with its agent), `in exchange for a journalist detained in Mombasa`
        // (a name a preposition of its clause governs is no subject)
        let mut prev = m.first - 1;
        // `an Iranian engineer detained in`: the name of the phrase is its adjective
        if prev > first
            && self.mention_at[prev].is_none()
            && self.mention_at[prev - 1].is_some()
            && self
                .word(prev)
                .starts_with(|c: char| c.is_ascii_lowercase())
            && !self.has(prev, class::GRAMMAR)
        {
            prev -= 1;
        }
        let mi = self.mention_at[prev].filter(|&mi| !self.is_place(mi as usize))? as usize;
        let agent = m.end < end && self.is(m.end, "by") && !self.by_agent(m.end, end).is_empty();
        let start = self.clause_start(prev, first);
        let governed = self
            .governing_preposition(self.mention_start(prev, first), first)
            .is_some_and(|p| p >= start);
        (agent || (governed && no_object)).then_some(mi)
    }

    /// The actors after `by` that follow a passive verb.
    fn by_agent(&self, from: usize, end: usize) -> Vec<Arg> {
        let mut t = from;
        // `was killed by`, `was assassinated at his home in Port-au-Prince by`: within the
        // clause
        while t < end
            && t < from + 10
            && !self.is_any(t, &[",", ";"])
            && !self.has(t, class::CLAUSE)
        {
            // `a journalist detained in Mombasa in exchange for fishermen held by Uganda`: the
            // agent of a participle of a later name
            if self.is(t, "by")
                && t >= from + 2
                && self.past_participle(t - 1)
                && self.mention_at[t - 2].is_some()
            {
                return Vec::new();
            }
            if self.is(t, "by") {
                let run = self.mention_run(t + 1, end);
                if !run.is_empty() {
                    return run;
                }
                // `by a squad of mostly Colombian soldiers`, `by a group of armed men`: the
                // members of a collective noun
                let Some(of) = (t + 1..end.min(t + 5)).find(|&k| self.is(k, "of")) else {
                    return Vec::new();
                };
                let plain = (t + 1..of).all(|k| {
                    self.mention_at[k].is_none()
                        && self.doc.tokens[k].kind == TokenKind::Word
                        && !self.has(k, class::CLAUSE)
                });
                if !plain {
                    return Vec::new();
                }
                let mut k = of + 1;
                while k < end.min(of + 4)
                    && self.mention_at[k].is_none()
                    && self.doc.tokens[k].kind == TokenKind::Word
                    && !self.has(k, class::CLAUSE)
                    && !self.has(k, class::PREPOSITION)
                {
                    k += 1;
                }
                return self.mention_run(k, end);
            }
            t += 1;
        }
        Vec::new()
    }

    /// The mention starting at `t` (after a determiner) and the mentions coordinated with it.
    fn mention_run(&self, t: usize, end: usize) -> Vec<Arg> {
        let mut t = t;
        while t < end && self.mention_at[t].is_none() && self.is_any(t, &["the", "a", "an"]) {
            t += 1;
        }
        let Some(m) = (t < end).then(|| self.mention_at[t]).flatten() else {
            return Vec::new();
        };
        // `spoke with Kenyan President William Ruto`: the person the adjective and the title
        // describe
        let mut k = self.mention_end(t, end);
        let m = match self.titled_head(t, k, end) {
            Some(head) => {
                k = self.mention_end(head, end);
                self.mention_at[head].unwrap_or(m)
            }
            None => m,
        };
        let mut out = vec![Arg::Mention(m as usize)];
        // `A, B and C`, `A and other countries including B and C`
        loop {
            let mut j = k;
            while j < end && (self.is(j, ",") || self.is(j, "and") || self.is(j, "the")) {
                j += 1;
            }
            // `and his Tajik counterpart, Emomali Rahmon`
            if j > k && j + 1 < end && self.is_any(j, &["his", "her", "their"]) {
                j += 1;
            }
            if j > k && j < end && self.mention_at[j].is_none() {
                // `another dozen countries including`, `other nations such as`
                let mut g = j;
                while g < end
                    && g < j + 4
                    && self.mention_at[g].is_none()
                    && !self.is_any(g, &["including", "such"])
                {
                    let w = self.word(g);
                    if self.doc.tokens[g].kind != TokenKind::Word
                        || w.chars().next().is_some_and(char::is_uppercase)
                        || self.has(g, class::CLAUSE)
                        || self.has(g, class::PREPOSITION)
                    {
                        break;
                    }
                    g += 1;
                }
                if g < end && self.is(g, "including") {
                    j = g + 1;
                } else if g + 1 < end && self.is(g, "such") && self.is(g + 1, "as") {
                    j = g + 2;
                }
                // `X and President Y`, `X and Prime Minister Y`: a title before a person
                let titled = (j..(j + 4).min(end))
                    .take_while(|&g| {
                        self.mention_at[g].is_none()
                            && self.doc.tokens[g].kind == TokenKind::Word
                            && self.word(g).starts_with(char::is_uppercase)
                    })
                    .last()
                    .map(|g| g + 1)
                    .filter(|&g| {
                        g < end
                            && self.mention_at[g].is_some_and(|mi| {
                                self.doc.mentions[mi as usize].kind == MentionType::Person
                            })
                    });
                if let Some(g) = titled {
                    j = g;
                }
            }
            if j == k || j >= end {
                break;
            }
            // `China, Myanmar's largest neighbour, urged`: a possessor after a bare comma opens
            // an apposition, not the next of a list; the list may go on after it (`Sadyr
            // Japarov, Kyrgyzstan's president, and his Tajik counterpart`)
            let apposition = !(k..j).any(|g| self.is(g, "and")) && {
                let k_next = self.mention_end(j, end);
                k_next < end && self.is(k_next, "'s")
            };
            if apposition {
                let close = (j + 1..end.min(j + 8)).find(|&g| self.is(g, ","));
                match close {
                    Some(close) if close + 1 < end && self.is(close + 1, "and") => {
                        k = close;
                        continue;
                    }
                    _ => break,
                }
            }
            match self.mention_at[j] {
                Some(next) if !self.is_place(next as usize) || !self.is_place(m as usize) => {
                    // `X and Philippine President Ferdinand Marcos`: the person the adjective
                    // and the title describe
                    let k_next = self.mention_end(j, end);
                    match self.titled_head(j, k_next, end) {
                        Some(head) => {
                            let person = self.mention_at[head].unwrap_or(next);
                            out.push(Arg::Mention(person as usize));
                            k = self.mention_end(head, end);
                        }
                        None => {
                            out.push(Arg::Mention(next as usize));
                            k = k_next;
                        }
                    }
                }
                _ => break,
            }
        }
        // `kidnapped 20 students, police and residents said`: the names after the last comma
        // before a verb of saying are its speakers, not members of the list
        if out.len() >= 2 && k < end && self.has(k, class::REPORT) {
            if let Some(comma) = (t..k).rev().find(|&g| self.is(g, ",")) {
                let cut = self.doc.tokens[comma].span.start;
                out.retain(|a| match a {
                    Arg::Mention(mi) => self.doc.mentions[*mi].span.start < cut,
                    Arg::Pronoun(p) => *p < comma,
                });
            }
        }
        out
    }

    /// One past the last token of the mention at `t`.
    fn mention_end(&self, t: usize, end: usize) -> usize {
        let m = self.mention_at[t];
        let mut k = t;
        while k < end && self.mention_at[k] == m {
            k += 1;
        }
        k
    }

    fn is_place(&self, mention: usize) -> bool {
        let m = &self.doc.mentions[mention];
        match m.actor {
            Some(a) => self.doc.actors[a as usize].kind == ActorType::Place,
            None => matches!(m.kind, MentionType::Loc),
        }
    }

    /// The subject of a verb: `by -ing` and `, -ing` clauses and coordinated verbs take the
    /// main clause's subject.
    fn verb_subject(&self, m: &Match, form: VerbForm, first: usize) -> Vec<Arg> {
        let mut t = m.first;
        // skip adverbs and auxiliaries back to what stands before the verb
        while t > first && (self.has(t - 1, class::ADVERB) || self.has(t - 1, class::PASSIVE)) {
            t -= 1;
        }
        if t > first {
            let prev = t - 1;
            // `accused Somalia of backing`, `criticised Israel for killing`, `charged them with
            // inciting`: the one accused, criticised or charged is who did it
            if form == VerbForm::Ing && prev > first && self.is_any(prev, &["of", "for", "with"]) {
                if let Some(mi) = self.mention_at[prev - 1] {
                    let s = self.mention_start(prev - 1, first);
                    let governed = self.governing_preposition(s, first).is_some();
                    if !governed {
                        return vec![Arg::Mention(mi as usize)];
                    }
                }
                if self.is_any(prev - 1, &["them", "him", "her", "us"]) {
                    return vec![Arg::Pronoun(prev - 1)];
                }
                // `accused officers of beating`: someone the lexicon does not know, never the
                // one who accuses (`were accused of beating` keeps its subject)
                if self.accusing_verb(t, first).is_some_and(|v| v + 1 < prev) {
                    return Vec::new();
                }
            }
            let participle_clause = form == VerbForm::Ing
                && (self.is_any(
                    prev,
                    &[
                        ",", "by", "after", "before", "while", "when", "despite", "without", "in",
                    ],
                ));
            if participle_clause {
                // `a post was hit by Israeli tank fire, injuring two peacekeepers`: the agent
                // of the passive before the comma did the -ing too
                if self.is(prev, ",") {
                    let start = self.clause_start(prev, first);
                    let agent = (start..prev)
                        .filter(|&k| self.is(k, "by"))
                        .filter(|&k| (start..k).any(|p| self.has(p, class::PASSIVE)))
                        .map(|k| self.by_agent(k, prev))
                        .find(|agent| !agent.is_empty());
                    if let Some(agent) = agent {
                        return agent;
                    }
                }
                return self.subject(prev, first);
            }
            // `fired tear gas at students demanding the dean's return`: an -ing word right
            // after people, with no auxiliary, is a reduced relative clause of theirs (a
            // progressive has its auxiliary: `students were demanding`); after a place or a
            // body it is the clause's own adverbial (`rallied in Nairobi demanding`, `filed a
            // case at the court accusing`)
            if form == VerbForm::Ing && t == m.first {
                let people = |mi: u32| {
                    matches!(
                        self.doc.mentions[mi as usize].kind,
                        MentionType::Person | MentionType::Group | MentionType::Norp
                    )
                };
                if let Some(mi) = self.mention_at[prev].filter(|&mi| people(mi)) {
                    return vec![Arg::Mention(mi as usize)];
                }
            }
            // `detained for (peacefully) protesting`, `jailed over rioting`: the one who did
            // the -ing is who was detained, not the sentence's subject (who urged their
            // release); `stopped short of condemning` keeps its subject
            if form == VerbForm::Ing {
                let mut p = prev;
                while p > first && self.word(p).len() > 3 && self.word(p).ends_with("ly") {
                    p -= 1;
                }
                let punished = p > first && {
                    let w = self.word(p - 1).to_ascii_lowercase();
                    w.ends_with("ed") || matches!(w.as_str(), "held" | "shot" | "beaten" | "taken")
                };
                if punished && self.is_any(p, &["for", "over"]) {
                    return Vec::new();
                }
            }
            if self.is_any(prev, &["and", "but", "then"]) {
                // `called on the authorities to lift the curfew and release ...`: who is to
                // do the first of two coordinated infinitives is to do the second
                if let Some(v) = self.coordinated_infinitive(m, first) {
                    if let Some(object) = self.controller(v - 1, first) {
                        return vec![object];
                    }
                }
                // `China said its coast guard had acted lawfully, and accused Manila of ...`: a
                // verb of saying, accusing or urging after `, and` is the speaker's own
                // (also inside a reported clause: `X denied that soldiers had fired and
                // blamed smugglers`)
                let start = self.clause_start(prev, first);
                let reported = start > first
                    && (self.is(start - 1, "that") || self.has(start - 1, class::REPORT));
                if prev > first
                    && (self.is(prev - 1, ",") || reported)
                    && self.has(m.first, class::ACCUSE | class::REPORT | class::CONTROL)
                {
                    let main = self.main_subject(first, m.first);
                    if !main.is_empty() {
                        return main;
                    }
                }
                // `Police said protesters had thrown stones and set fire to ...`: a material
                // act coordinated inside a reported clause is done by that clause's subject
                let material = self.lex.code(m.code).code[..2] >= *"14";
                if reported && material {
                    let subject = self.subject(prev, first);
                    if !subject.is_empty() {
                        return subject;
                    }
                }
                // `X stopped short of recognising Y but called for ...`: X.
                let subject = self.subject_skipping(prev, first);
                // `X denied that officers had used force and blamed ...`: with no subject in
                // the clause the `and` ends, the sentence's
                if subject.is_empty() {
                    return self.main_subject(first, m.first);
                }
                return subject;
            }
            if self.is(prev, "to") {
                // `accused Eritrea of preparing to invade`: the one accused
                if let Some(ing) = self.ing_before_to(m.first, first) {
                    if let Some(accused) = self.accused_one(ing, first) {
                        return vec![accused];
                    }
                }
                // `urged Russia to stop`, `called on Israel to halt`: the object of the verb
                // before is who is to act
                if let Some(object) = self.controller(prev, first) {
                    return vec![object];
                }
                // `X refused to meet`, `X is expected to sign`: X.
                return self.subject_skipping(prev, first);
            }
        }
        // `sentenced him for espionage, a charge his family rejected`: a possessive's noun
        // between a noun and a finite verb is the subject of a relative clause of that noun,
        // someone no lexicon names
        if t >= first + 4
            && matches!(form, VerbForm::Ed | VerbForm::S)
            && self.mention_at[t - 1].is_none()
            && self.is_any(t - 2, &["his", "her", "their", "its", "our"])
            && self.is_any(t - 4, &["a", "an", "the"])
            && self.doc.tokens[t - 3].kind == TokenKind::Word
            && self
                .word(t - 3)
                .starts_with(|c: char| c.is_ascii_lowercase())
            && self.mention_at[t - 3].is_none()
            && !self.has(
                t - 3,
                class::DETERMINER
                    | class::PREPOSITION
                    | class::CLAUSE
                    | class::REPORT
                    | class::PASSIVE
                    | class::ADVERB,
            )
        {
            return Vec::new();
        }
        let subject = self.subject(m.first, first);
        // `X accused Y of firing first, a charge New Delhi rejected`: a name right before a
        // finite verb, after a comma of its clause, is the verb's own subject (an object
        // relative), not the clause's first name
        if t > first && matches!(form, VerbForm::Ed | VerbForm::S) {
            if let Some(mi) = self.mention_at[t - 1] {
                let s = self.mention_start(t - 1, first);
                let governed = self.governing_preposition(s, first).is_some();
                let comma = (self.clause_start(m.first, first)..s).any(|k| self.is(k, ","));
                let own = Arg::Mention(mi as usize);
                if !governed && comma && !subject.contains(&own) {
                    return vec![own];
                }
            }
        }
        subject
    }

    /// True when the -ing verb trigger is what someone is accused, suspected or convicted of
    /// (`accused Somalia of backing`, `suspected of planning`, `charged with inciting`).
    fn accused_of(&self, m: &Match, first: usize) -> bool {
        match m.form {
            Some(VerbForm::Ing) => self.accused_at(m.first, first),
            // `accused Eritrea of preparing to invade`
            Some(VerbForm::Base) => self
                .ing_before_to(m.first, first)
                .is_some_and(|ing| self.accused_at(ing, first)),
            _ => false,
        }
    }

    /// True when the -ing word at `ing` follows `of`, `with` or `for` after a verb of accusing
    /// in its clause.
    fn accused_at(&self, ing: usize, first: usize) -> bool {
        self.accusing_verb(ing, first).is_some()
    }

    /// The verb of accusing before the `of`, `with` or `for` before the -ing word at `ing`.
    fn accusing_verb(&self, ing: usize, first: usize) -> Option<usize> {
        if ing <= first || !self.is_any(ing - 1, &["of", "with", "for"]) {
            return None;
        }
        (ing.saturating_sub(7).max(first)..ing - 1)
            .rev()
            .take_while(|&t| !self.is_any(t, &[",", ";"]) && !self.has(t, class::CLAUSE))
            .find(|&t| self.has(t, class::ACCUSE))
    }

    /// Who is accused of the -ing at `ing`: the mention or object pronoun right after the verb
    /// of accusing (`accused Eritrea on Wednesday of preparing to invade`: Eritrea).
    fn accused_one(&self, ing: usize, first: usize) -> Option<Arg> {
        let v = self.accusing_verb(ing, first)?;
        let mut k = v + 1;
        while k < ing && self.is_any(k, &["the", "a", "an"]) {
            k += 1;
        }
        if k >= ing {
            return None;
        }
        match self.mention_at[k] {
            Some(mi) => Some(Arg::Mention(mi as usize)),
            None => self
                .is_any(k, &["them", "him", "her", "us"])
                .then_some(Arg::Pronoun(k)),
        }
    }

    /// The lowercase -ing word before the `to` before token `at` (`preparing` in `preparing to
    /// invade`), if any.
    fn ing_before_to(&self, at: usize, first: usize) -> Option<usize> {
        let ing = at.checked_sub(2).filter(|&k| k > first)?;
        let w = self.word(ing);
        (self.is(at - 1, "to")
            && w.len() > 4
            && w.starts_with(char::is_lowercase)
            && w.ends_with("ing"))
        .then_some(ing)
    }

    /// The object before the `to` at `to` of a verb that makes it act (`urged Russia to stop`,
    /// `asked them to leave`, `called on Israel to halt`): the mention or pronoun right before
    /// `to`, itself right after a verb of the `control` class or after `called on`.
    fn controller(&self, to: usize, first: usize) -> Option<Arg> {
        if to <= first + 1 {
            return None;
        }
        let last = to - 1;
        let (arg, s) = if let Some(m) = self.mention_at[last] {
            (Arg::Mention(m as usize), self.mention_start(last, first))
        } else if self.is_any(last, &["them", "him", "her", "us"]) {
            (Arg::Pronoun(last), last)
        } else {
            return None;
        };
        // past up to three adjectives (`urged other European governments to`) and the
        // article of a role noun (`urged the army to`)
        let mut s = s;
        for _ in 0..3 {
            let k = s.saturating_sub(1);
            let adjective = k > first
                && self.mention_at[k].is_none()
                && self.doc.tokens[k].kind == TokenKind::Word
                && !self.has(k, class::GRAMMAR | class::TRIGGER);
            if adjective || (k > first && self.is_any(k, &["other", "fellow"])) {
                s = k;
            } else {
                break;
            }
        }
        let s = if s > first && self.is_any(s - 1, &["the", "its", "their", "all"]) {
            s - 1
        } else {
            s
        };
        if s <= first {
            return None;
        }
        let v = s - 1;
        let called_on = self.is_any(v, &["on", "upon"])
            && v > first
            && self.word(v - 1).to_ascii_lowercase().starts_with("call");
        (called_on || self.has(v, class::CONTROL)).then_some(arg)
    }

    /// The subject of the clause that holds the token before `at`, reading past the clause
    /// openers of an infinitive or a coordinated verb.
    fn subject_skipping(&self, at: usize, first: usize) -> Vec<Arg> {
        let start = self.clause_start(at, first);
        // `Brussels said X had to be ensured and called for`: the speaker's clause.
        if start > first && self.is_any(start - 1, &["said", "says", "told", "added"]) {
            return self.subject(start - 1, first);
        }
        let subject = self.subject(at, first);
        // `troops had repelled the insurgents after a gunfight and killed 11`: a phrase the
        // preposition opened has no subject of its own; the verb shares the one before it
        if subject.is_empty() && start > first && self.has(start - 1, class::PREPOSITION) {
            return self.subject(start - 1, first);
        }
        subject
    }

    /// The subject of the clause that `at` is in: the first mention (or subject pronoun) of
    /// the clause that no preposition governs. Relative `who`/`which` take the mention before.
    fn subject(&self, at: usize, first: usize) -> Vec<Arg> {
        let start = self.clause_start(at, first);
        // `reporters that Ghana had closed`: a clause with a subject of its own is no
        // relative clause of the noun before it
        // (past a count: `that at least six civilians were wounded`; a name after the
        // clause's first verb is its object: `Gunmen who abducted 24 girls freed them`)
        let own_subject = (start..at)
            .take_while(|&k| {
                !(self.has(k, class::TRIGGER | class::PASSIVE | class::CLAUSE) || self.past_verb(k))
            })
            .any(|k| {
                self.mention_at[k].is_some()
                    || self.is_any(k, &["he", "she", "they", "we", "i", "it"])
            });
        if start > first
            && !own_subject
            && self.is_any(start - 1, &["who", "which", "that", "whose"])
        {
            // relative clause: the antecedent
            let mut p = start - 1;
            while p > first && self.is(p - 1, ",") {
                p -= 1;
            }
            // past an abbreviation in brackets: `the Economic Community of West African
            // States (ECOWAS), which`
            if p > first && self.is(p - 1, ")") {
                if let Some(open) = (first..p - 1).rev().take(6).find(|&k| self.is(k, "(")) {
                    p = open;
                }
            }
            if p > first {
                if let Some(m) = self.mention_at[p - 1] {
                    return vec![Arg::Mention(m as usize)];
                }
            }
        }
        let mut t = start;
        while t < at {
            // a relative aside set off by commas holds no subject of this clause: `The bloc,
            // which suspended Madagascar, imposed`
            if self.is(t, ",") && t + 1 < at && self.is_any(t + 1, &["which", "who", "whose"]) {
                if let Some(close) = (t + 2..at).find(|&k| self.is(k, ",")) {
                    t = close + 1;
                    continue;
                }
            }
            if self.is_any(t, &["-", "\u{2014}", "\u{2013}"]) {
                // a dash aside: `the court - dominated by loyalists - ordered`
                if let Some(close) =
                    (t + 1..at).find(|&k| self.is_any(k, &["-", "\u{2014}", "\u{2013}"]))
                {
                    t = close + 1;
                    continue;
                }
            }
            if self.mention_at[t].is_some() {
                // `after Thai soldiers shot`: a subordinator that opens the clause governs no
                // noun of it
                // (a preposition before the clause's start opens the clause: `after heavily
                // armed men attacked`)
                let governed = self
                    .governing_preposition(t, first)
                    .is_some_and(|p| p >= start && !self.quantity_of(p));
                let k = self.mention_end(t, at);
                // `the foreign ministers of China and India met`, `the leaders of Ghana and
                // Togo`: the sides a plural of people stands for.
                if governed
                    && t >= start + 2
                    && self.is(t - 1, "of")
                    && !(start..t - 2).any(|k| self.has(k, class::PREPOSITION))
                {
                    let head = t - 2;
                    let people = self.mention_at[head]
                        .is_some_and(|h| self.doc.mentions[h as usize].kind == MentionType::Group)
                        || self.is_any(
                            head,
                            &[
                                "leaders",
                                "ministers",
                                "presidents",
                                "heads",
                                "envoys",
                                "officials",
                                "delegations",
                                "representatives",
                                "governments",
                                "chiefs",
                            ],
                        );
                    if let Some(run) = people.then(|| self.sides(t, at)).flatten() {
                        return run;
                    }
                }
                if !governed && k + 1 < at && self.is(k, "of") {
                    let group = self.mention_at[t]
                        .is_some_and(|h| self.doc.mentions[h as usize].kind == MentionType::Group);
                    if let Some(run) = group.then(|| self.sides(k + 1, at)).flatten() {
                        return run;
                    }
                }
                if !governed {
                    // `Chad's president, Mahamat Deby, met`: the person the possessor's title
                    // introduces
                    // (`Ukraine's President Volodymyr Zelenskyy`: no comma)
                    if k + 1 < at && self.is(k, "'s") {
                        let person = |j: usize| {
                            self.mention_at[j].is_some_and(|p| {
                                self.doc.mentions[p as usize].kind == MentionType::Person
                            })
                        };
                        let mut j = k + 1;
                        while j < at.min(k + 6)
                            && self.mention_at[j].is_none()
                            && self.doc.tokens[j].kind == TokenKind::Word
                            && !self.has(j, class::GRAMMAR)
                        {
                            j += 1;
                        }
                        if j > k + 1 && j + 1 < at && self.is(j, ",") && person(j + 1) {
                            j += 1;
                        }
                        if j > k + 1 && j < at && person(j) {
                            t = j;
                            continue;
                        }
                    }
                    // `Venezuela's Supreme Court`: the head, not the possessor.
                    if k + 1 < at && self.is(k, "'s") && self.mention_at[k + 1].is_some() {
                        t = k + 1;
                        continue;
                    }
                    // `Turkish Foreign Minister Hakan Fidan`: the person the adjective and
                    // the title describe.
                    if let Some(head) = self.titled_head(t, k, at) {
                        t = head;
                        continue;
                    }
                    return self.mention_run(t, at);
                }
                t = k;
                continue;
            }
            if self.is_any(t, &["he", "she", "they", "we", "i", "it"]) {
                return vec![Arg::Pronoun(t)];
            }
            t += 1;
        }
        Vec::new()
    }

    /// True for a past participle used as an adjective: `the detained ministers`, `of jailed
    /// activists`, `to release detained ministers`. It describes people, and the act it names
    /// was done by someone the sentence does not say, at some earlier time: no event here.
    fn attributive(&self, m: &Match, first: usize, end: usize) -> bool {
        if m.form != Some(VerbForm::Ed) || m.first == first || m.end >= end {
            return false;
        }
        let mut prev = m.first - 1;
        // `a "failed coup"`: past an opening quote mark
        if prev > first && self.is_any(prev, &["\"", "\u{201C}", "'", "\u{2018}"]) {
            prev -= 1;
        }
        let noun_next = self.doc.tokens[m.end].kind == TokenKind::Word
            && !self.has(m.end, class::PREPOSITION | class::CLAUSE | class::PASSIVE)
            && !self.is_any(m.end, &["and", "or", "but"]);
        let after_verb = self.last_verb.is_some_and(|(_, e)| e == m.first);
        noun_next && (self.has(prev, class::DETERMINER | class::PREPOSITION) || after_verb)
    }

    /// True when the word at `j` can be an event trigger (`accuses`, `condemned`).
    fn is_trigger_word(&self, j: usize) -> bool {
        self.has(j, class::TRIGGER)
    }

    /// The preposition that governs the noun phrase whose mention starts at token `s`: the word
    /// before it, or before its determiner and up to two plain adjectives (`near the palace`,
    /// `in their capital`, `through coastal Bangladesh`, `in the remote northern Sagaing`).
    fn governing_preposition(&self, s: usize, first: usize) -> Option<usize> {
        let mut p = s.checked_sub(1).filter(|&p| p >= first)?;
        // (not a count: `at least three workers` is no phrase `at` governs)
        let adjective = |k: usize| {
            self.modifier(k)
                && !self.has(k, class::TRIGGER)
                && self.lex.number_word(self.word(k)).is_none()
                && !self.is_any(k, &["least", "most"])
        };
        for _ in 0..2 {
            if p > first && adjective(p) {
                p -= 1;
            }
        }
        if p > first && self.has(p, class::DETERMINER) {
            p -= 1;
        }
        self.has(p, class::PREPOSITION).then_some(p)
    }

    /// `Turkish Foreign Minister Hakan Fidan`, `Kenyan opposition leader Raila Odinga`, `AU
    /// Commission chairman Mahmoud Ali Youssouf`, `U.S. envoy Amos Hochstein`: when the
    /// mention `[t, k)` is an adjective of nationality, a country's or an organisation's name
    /// and a title of up to four words (no verb among them) leads from it to a person's
    /// mention before `at`, that mention's first token. A place's name right before a role
    /// noun of its own country leads to the role noun (`Myanmar military aircraft`).
    fn titled_head(&self, t: usize, k: usize, at: usize) -> Option<usize> {
        let m = self.mention_at[t]?;
        if !matches!(
            self.doc.mentions[m as usize].kind,
            MentionType::Norp | MentionType::Org | MentionType::Gpe
        ) {
            return None;
        }
        // `Myanmar military aircraft`, `Kyiv police`: a place's name right before a role noun
        // of its own country names whose the role is
        if k < at {
            if let Some(next) = self.mention_at[k] {
                let country = |mi: u32| {
                    let a = self.doc.mentions[mi as usize].actor?;
                    self.doc.actors[a as usize].country.as_deref()
                };
                let role = matches!(
                    self.doc.mentions[next as usize].kind,
                    MentionType::Group | MentionType::Org
                );
                if self.doc.mentions[m as usize].kind == MentionType::Gpe
                    && role
                    && country(m).is_some()
                    && country(m) == country(next)
                {
                    return Some(k);
                }
            }
        }
        let head = (k..(k + 5).min(at)).find(|&j| self.mention_at[j].is_some())?;
        // a title's words are no verb: `Hamas accused Netanyahu` is no title
        let verb = |j: usize| {
            let w = self.word(j);
            // (`Secretary of State`: `of` inside a capitalised title)
            let upper = |i: usize| self.word(i).starts_with(char::is_uppercase);
            if w == "of" && j > k && j + 1 < at && upper(j - 1) && upper(j + 1) {
                return false;
            }
            if j > k && self.is(j - 1, "of") && upper(j) {
                return false;
            }
            self.has(
                j,
                class::PREPOSITION
                    | class::CLAUSE
                    | class::REPORT
                    | class::ACCUSE
                    | class::CONTROL
                    | class::SUPPORT
                    | class::VOW
                    | class::PASSIVE
                    | class::NOT_SUBJECT,
            ) || (w.starts_with(|c: char| c.is_lowercase()) && w.ends_with("ed"))
                || w.eq_ignore_ascii_case("and")
                || self.is_trigger_word(j)
        };
        // `his Tajik counterpart, Emomali Rahmon`: the counterpart set off by a comma
        let counterpart = head == k + 2
            && self.is_any(k, &["counterpart", "counterparts"])
            && self.is(k + 1, ",");
        // (the title may open the person's own mention: `Kenyan` `President William Ruto`)
        let title = counterpart
            || (k..head).all(|j| self.doc.tokens[j].kind == TokenKind::Word && !verb(j));
        let person = self.doc.mentions[self.mention_at[head]? as usize].kind == MentionType::Person;
        (title && person).then_some(head)
    }

    /// The token that starts at byte `start`.
    fn token_at(&self, start: u32) -> Option<usize> {
        self.doc
            .tokens
            .binary_search_by_key(&start, |t| t.span.start)
            .ok()
    }

    /// A run of mentions as a list: whole when an `and` outside the names joins it (`Russia
    /// and Belarus`), else its first mention only (`Kharkiv, Ukraine, was`, `Ukraine, U.S.
    /// officials said`, `Trinidad and Tobago, U.S. officials said`).
    fn listed(&self, end: usize, mut run: Vec<Arg>) -> Vec<Arg> {
        if run.len() < 2 {
            return run;
        }
        let start = |a: &Arg| match a {
            Arg::Mention(i) => Some(self.doc.mentions[*i].span.start),
            Arg::Pronoun(_) => None,
        };
        let first = run.first().and_then(start).and_then(|s| self.token_at(s));
        let last = run.iter().rev().find_map(start);
        let joined = first.zip(last).is_some_and(|(first, last)| {
            (first..end)
                .take_while(|&k| self.doc.tokens[k].span.start < last)
                .any(|k| self.mention_at[k].is_none() && self.is(k, "and"))
        });
        if !joined {
            run.truncate(1);
        }
        run
    }

    /// The countries a plural of people stands for, from token `t`: `the foreign ministers of`
    /// `China and India`. None unless at least two countries are listed.
    fn sides(&self, t: usize, at: usize) -> Option<Vec<Arg>> {
        let run = self.listed(at, self.mention_run(t, at));
        (run.len() >= 2 && self.all_countries(&run)).then_some(run)
    }

    /// Every argument is a mention of a country (not a city, a person or a group).
    fn all_countries(&self, args: &[Arg]) -> bool {
        args.iter().all(|a| match a {
            Arg::Mention(i) => self.doc.mentions[*i]
                .actor
                .is_some_and(|x| self.doc.actors[x as usize].kind == ActorType::Country),
            Arg::Pronoun(_) => false,
        })
    }

    fn is_dash(&self, t: usize) -> bool {
        self.is_any(t, &["-", "\u{2014}", "\u{2013}"])
    }

    /// `of` after a quantity word (`thousands of protesters`) does not govern.
    fn quantity_of(&self, t: usize) -> bool {
        self.is(t, "of") && t > 0 && self.has(t - 1, class::QUANTITY)
    }

    /// The first token of the clause that holds `at`.
    fn clause_start(&self, at: usize, first: usize) -> usize {
        let mut t = at;
        while t > first {
            let p = t - 1;
            if self.is_dash(p) {
                // skip a dash aside: `Beijing - which has given ... - called for`
                if let Some(open) = (first..p).rev().find(|&k| self.is_dash(k)) {
                    t = open;
                    continue;
                }
            }
            if self.is(p, "as") {
                // `recognised X as President`: `as` after an object is not a clause, unless a
                // name follows it as a new subject (`in Lebanon as Hezbollah fires rockets`)
                let new_subject = p + 1 < at
                    && (self.mention_at[p + 1].is_some()
                        || self.is_any(p + 1, &["he", "she", "they", "we", "it"]));
                if p > first
                    && !new_subject
                    && (self.mention_at[p - 1].is_some()
                        || self.is_any(
                            p - 1,
                            &["such", "same", "well", "known", "described", "seen"],
                        ))
                {
                    t -= 1;
                    continue;
                }
                return t;
            }
            // past a relative aside: `The US, Britain and France, all of which arm Kyiv,
            // have urged`
            if self.is(p, ",") {
                if let Some(open) = self.relative_aside_open(p, first) {
                    t = open;
                    continue;
                }
            }
            // past an abbreviation in brackets: `The International Labour Organization (ILO)
            // called on`
            if self.is(p, ")") {
                if let Some(open) = self.bracketed_abbreviation(p, first) {
                    t = open;
                    continue;
                }
            }
            if self.has(p, class::CLAUSE) {
                return t;
            }
            // `..., but Russia stood`: a conjunction before a new subject.
            if self.is_any(p, &["but", "and"])
                && t < at
                && (self.mention_at[t].is_some()
                    || self.is_any(t, &["he", "she", "they", "we", "it", "the"]))
                && !(p > first && self.mention_at[p - 1].is_some() && self.is(p, "and"))
            {
                return t;
            }
            t -= 1;
        }
        first
    }

    /// The `(` of `(ABBR)` when the `)` at `close` ends an abbreviation of one or two words in
    /// capitals right after a name: `the International Labour Organization (ILO)`.
    fn bracketed_abbreviation(&self, close: usize, first: usize) -> Option<usize> {
        let open = (close.saturating_sub(3).max(first)..close)
            .rev()
            .find(|&k| self.is(k, "("))?;
        let caps = close > open + 1
            && (open + 1..close).all(|k| {
                let w = self.word(k);
                w.chars().any(char::is_uppercase) && !w.chars().any(char::is_lowercase)
            });
        (caps && open > first && self.mention_at[open - 1].is_some()).then_some(open)
    }

    /// Where the words from `t` that name the two sides of a conflict or a talk end: `both
    /// sides`, `the two countries`, `both governments`, `the warring parties`.
    fn sides_at(&self, t: usize, end: usize) -> Option<usize> {
        let mut k = t;
        let the = k < end && self.is(k, "the");
        if the {
            k += 1;
        }
        // `both sides`, `the two countries`; not `arrested two leaders`
        let counted =
            k < end && (self.is(k, "both") || (the && self.is_any(k, &["two", "warring"])));
        if !counted {
            return None;
        }
        k += 1;
        if k < end && self.is_any(k, &["warring", "rival", "neighbouring", "neighboring"]) {
            k += 1;
        }
        let noun = k < end && self.has(k, class::SIDES);
        noun.then_some(k + 1)
    }

    /// The opening comma of a relative clause set off by commas that `close` ends: `, which
    /// ...,`, `, who ...,`, `, all of which ...,`, `, both of whom ...,`.
    fn relative_aside_open(&self, close: usize, first: usize) -> Option<usize> {
        let w = (first..close)
            .rev()
            .take_while(|&k| !self.is_any(k, &[",", ";"]) && !self.is_dash(k))
            .find(|&k| self.is_any(k, &["which", "who", "whom", "whose"]))?;
        let open = if w > first && self.is(w - 1, ",") {
            w - 1
        } else {
            let quantified = w >= first + 3
                && self.is(w - 1, "of")
                && self.is_any(
                    w - 2,
                    &[
                        "all", "both", "some", "many", "most", "none", "each", "one", "several",
                    ],
                )
                && self.is(w - 3, ",");
            if !quantified {
                return None;
            }
            w - 3
        };
        // and past the abbreviation in brackets before it: `the Southern African Development
        // Community (SADC), which`
        if open > first && self.is(open - 1, ")") {
            if let Some(bracket) = (first..open - 1).rev().take(6).find(|&k| self.is(k, "(")) {
                return Some(bracket);
            }
        }
        Some(open)
    }

    /// True when the words before `t` (back to `from`, or to the trigger's own last word just
    /// before it) aim at it: `at`, `on`, `against`, `into`, over an article, a quantity or a
    /// modifier (`at thousands of protesters`, `fired on election protesters`).
    fn aimed_at(&self, t: usize, from: usize) -> bool {
        let mut k = t;
        // the trigger's own last word may be the preposition (`fired on`)
        while k + 1 > from && k > 0 {
            k -= 1;
            if self.is_any(k, &["at", "on", "against", "into", "upon"]) {
                return true;
            }
            if k < from || !(self.filler(k) || self.modifier(k)) {
                return false;
            }
        }
        false
    }

    /// A common noun or adjective that may stand before the noun an act is aimed at: `election`
    /// in `fired on election protesters`. A lowercase word of no function-word class.
    fn modifier(&self, k: usize) -> bool {
        self.doc.tokens[k].kind == TokenKind::Word
            && self.word(k).starts_with(|c: char| c.is_lowercase())
            && !self.has(k, class::GRAMMAR)
            && self.mention_at[k].is_none()
            && !self.is_any(k, &["and", "or", "but", "of", "not"])
    }

    /// A word that may stand between a verb and the noun it acts on: a determiner or a
    /// quantity (`the`, `40`, `dozens of`).
    fn filler(&self, k: usize) -> bool {
        self.is_any(k, &["the", "a", "an"])
            || self.quantity_of(k)
            || self.has(k, class::QUANTITY)
            || self.doc.tokens[k].kind == TokenKind::Number
    }

    /// The object of an active verb: the first actor after it in its clause, directly or
    /// after a preposition that takes a target (`with`, `against`, `on`, `at`, `to`). With
    /// `patient`, a pattern word naming people right after the verb is its object too.
    fn object(&self, from: usize, end: usize, skip: &[usize], patient: bool) -> Vec<Arg> {
        let mut t = from;
        while t < end && t < from + 12 {
            // A pattern's word is never the object, unless it names who the act is aimed at:
            // `fired tear gas at thousands of protesters`, `arrested 40 protesters`.
            // (a mention before another of the pattern's words modifies it: `a criminal
            // investigation`, `a police station`)
            let aimed = |t: usize| {
                (self.aimed_at(t, from) || (patient && (from..t).all(|k| self.filler(k))))
                    && !skip.contains(&self.mention_end(t, end))
            };
            if skip.contains(&t) && !(self.mention_at[t].is_some() && aimed(t)) {
                t += 1;
                continue;
            }
            // `claimed responsibility in a statement on its news agency`: what follows the
            // medium of the words is where they were said, not whom the act is aimed at
            if self.medium_at(t) {
                return Vec::new();
            }
            // `protested against what opposition parties called a rigged vote`: the object
            // is a free relative clause, and who speaks in it is no target
            if self.has(t, class::CLAUSE)
                || self.is_any(t, &[",", "and", "but", ".", "what", "whatever"])
                    && !(self.is(t, "and") && t > from && self.mention_at[t - 1].is_some())
            {
                return Vec::new();
            }
            if let Some(mi) = self.mention_at[t] {
                let k = self.mention_end(t, end);
                // `a criminal investigation`: a common noun that modifies the pattern's word
                if skip.iter().any(|&u| (t..=k).contains(&u))
                    && self.word(t).starts_with(|c: char| c.is_lowercase())
                    && !aimed(t)
                {
                    t = k;
                    continue;
                }
                // `rejected a request from Honduras`: the one who asked.
                let asked_from = t > from + 1
                    && self.is(t - 1, "from")
                    && self.is_any(
                        t - 2,
                        &[
                            "request",
                            "requests",
                            "offer",
                            "offers",
                            "proposal",
                            "proposals",
                            "call",
                            "calls",
                            "appeal",
                            "appeals",
                            "plea",
                            "pleas",
                            "invitation",
                            "demand",
                            "demands",
                            "bid",
                        ],
                    );
                // the preposition before it, past its article for a place's (`outside the
                // embassy`; but `during the Philippines' war on drugs` is aimed at it)
                // (and past up to two modifiers: `in the regional central bank`)
                let mut q = t - 1;
                for _ in 0..2 {
                    if q > from && self.modifier(q) {
                        q -= 1;
                    }
                }
                let p = if q > from
                    && self.is_any(q, &["the", "a", "an"])
                    && self.is_any(q - 1, &["in", "near", "outside", "across", "throughout"])
                {
                    q - 1
                } else {
                    t - 1
                };
                let prep_ok = t == from
                    || asked_from
                    || !self.is_any(
                        p,
                        &[
                            "in",
                            "during",
                            "amid",
                            "since",
                            "near",
                            "outside",
                            "across",
                            "throughout",
                            "from",
                            "by",
                        ],
                    );
                // `flew to Beijing`, `sent troops to Goma`, `defended Moscow`, `relations with
                // Beijing`, `strikes on Kharkiv`: a place stands for its country as the direct
                // object or after `to`, `with`, `against`, `on`; after `in` it is where.
                // `extradited him to the United States`: the article may stand between.
                let aimed = |k: usize| self.is_any(k, &["to", "into", "with", "against", "on"]);
                let to_place = t == from
                    || (t > from && aimed(t - 1))
                    || (t > from + 1 && self.is(t - 1, "the") && aimed(t - 2));
                if prep_ok && (to_place || !self.is_place(mi as usize)) {
                    // `X's claim`: X; `Russia and Belarus`: both. Not a list without `and`
                    // (`its border with Ukraine, U.S. officials said`), nor the two sides of
                    // `talks between X and Y`, which belong to the noun.
                    let between = (from..t).any(|k| self.is(k, "between"));
                    let run = if between {
                        Vec::new()
                    } else {
                        self.mention_run(t, end)
                    };
                    return match run.len() {
                        0 => vec![Arg::Mention(mi as usize)],
                        1 => run,
                        _ => self.listed(end, run),
                    };
                }
                t = self.mention_end(t, end);
                continue;
            }
            if self.is_any(t, &["him", "her", "them", "it"]) {
                return vec![Arg::Pronoun(t)];
            }
            t += 1;
        }
        Vec::new()
    }

    /// True when `in` at `t` opens the medium of a statement: `in a statement`, `in a video
    /// posted on`, `in an interview with`, `in their joint communique`.
    fn medium_at(&self, t: usize) -> bool {
        if !self.is(t, "in") {
            return false;
        }
        let mut k = t + 1;
        let end = self.doc.tokens.len();
        while k < end.min(t + 4)
            && (self.has(k, class::DETERMINER)
                || self.is_any(k, &["a", "an", "joint", "separate", "written", "televised"]))
        {
            k += 1;
        }
        k < end
            && self.is_any(
                k,
                &[
                    "statement",
                    "statements",
                    "post",
                    "posts",
                    "video",
                    "message",
                    "interview",
                    "letter",
                    "speech",
                    "broadcast",
                    "communique",
                    "communiqué",
                    "tweet",
                ],
            )
    }

    /// Source and target of a noun: its possessor (`Russia's arms deliveries`), an adjective
    /// (`Russian arms deliveries`), `by X`, `between X and Y`, else the clause's subject; the
    /// target after `against`, `on`, `to`, `with`, `of`.
    fn noun_args(&self, m: &Match, first: usize, end: usize) -> Option<(Vec<Arg>, Vec<Arg>)> {
        if let Some(args) = self.travel_purpose(m.first, first) {
            return Some(args);
        }
        let mut source = Vec::new();
        // possessor or adjective before the noun, over up to three modifiers
        let mut t = m.first;
        let mut steps = 0;
        while t > first && steps < 4 {
            t -= 1;
            steps += 1;
            if let Some(mi) = self.mention_at[t] {
                if !self.is_place(mi as usize) {
                    let start = self.mention_start(t, first);
                    let governed = self.governing_preposition(start, first).is_some();
                    if !governed || self.is(t + 1, "'s") {
                        source.push(Arg::Mention(mi as usize));
                    }
                }
                break;
            }
            if self.is(t, "'s") {
                continue;
            }
            // `its alleged support`, `their offensive`: the possessive's antecedent
            if self.is_any(t, &["its", "their", "his", "her"]) {
                source.push(Arg::Pronoun(t));
                break;
            }
            // A verb stands between a subject and its object, not between a possessor and
            // its noun: in `the EU threatened sanctions` the EU is no possessor.
            // (`its alleged support`: a participle after a determiner is an adjective)
            let verb = self.has(t, class::SUPPORT)
                || (self.past_verb(t) && !self.determined(t, first))
                || self.last_verb.is_some_and(|(v, e)| (v..e).contains(&t));
            if self.doc.tokens[t].kind != TokenKind::Word
                || verb
                || self.is_any(t, &["the", "a", "an"])
                || self.has(t, class::CLAUSE)
                || self.has(t, class::PREPOSITION)
            {
                break;
            }
        }
        let mut target = Vec::new();
        // `support for Israel`, `criticism of Beijing`: a phrase that ends in its preposition
        // has its target right after it
        if m.end > m.first && self.is_any(m.end - 1, &["for", "of", "against", "on", "to", "with"])
        {
            if let Some(mi) = (m.end..(m.end + 3).min(end)).find_map(|j| self.mention_at[j]) {
                if !self.is_place(mi as usize) || self.mention_at[m.end] == Some(mi) {
                    target.push(Arg::Mention(mi as usize));
                }
            }
        }
        let mut k = m.end;
        while target.is_empty() && k < end && k < m.end + 5 {
            if self.medium_at(k) {
                break;
            }
            if self.is(k, "between") {
                let run = self.mention_run(k + 1, end);
                if run.len() >= 2 {
                    return Some((vec![run[0]], vec![run[1]]));
                }
            }
            if self.is(k, "by") && source.is_empty() {
                source = self.mention_run(k + 1, end);
            }
            // `a drone strike blamed on the RSF`, `an attack attributed to the group`: the
            // one blamed did it
            if k + 1 < end
                && source.is_empty()
                && ((self.is(k, "blamed") && self.is(k + 1, "on"))
                    || (self.is(k, "attributed") && self.is(k + 1, "to")))
            {
                source = self.mention_run(k + 2, end);
                if !source.is_empty() {
                    k += 2;
                    continue;
                }
            }
            // (`aid for Sudan`: who aid is for receives it)
            let aid_for = self.is(k, "for") && self.lex.code(m.code).code.starts_with("07");
            if aid_for
                || self.is_any(
                    k,
                    &[
                        "against", "on", "to", "with", "of", "toward", "towards", "into", "at",
                    ],
                )
            {
                if let Some(mi) = (k + 1..(k + 4).min(end)).find_map(|j| self.mention_at[j]) {
                    if !self.is_place(mi as usize) {
                        target.push(Arg::Mention(mi as usize));
                        break;
                    }
                }
            }
            if self.is_any(k, &[",", ";", "and", "but"]) || self.has(k, class::CLAUSE) {
                break;
            }
            k += 1;
        }
        // `Chile is in talks with Argentina`, `said it was in talks with`: who is in the
        // talks is the subject of the copula
        if source.is_empty()
            && m.first >= first + 2
            && self.is(m.first - 1, "in")
            && self.is_any(
                m.first - 2,
                &[
                    "is", "was", "are", "were", "be", "been", "remain", "remains", "remained",
                ],
            )
        {
            return Some((self.subject(m.first, first), target));
        }
        if source.is_empty() {
            match self.object_position(m.first, first) {
                Some(true) => {}
                Some(false) => return None,
                None => return Some((source, target)),
            }
            // `..., in an implied threat of force`: an adjunct after a comma belongs to the
            // main clause.
            let adjunct = m.first > first + 2
                && (m.first.saturating_sub(4)..m.first).any(|j| {
                    j > first && self.is(j - 1, ",") && self.is_any(j, &["in", "with", "as"])
                });
            source = if adjunct {
                self.main_subject(first, m.first)
            } else {
                self.subject(m.first, first)
            };
        }
        Some((source, target))
    }

    /// `flew to Beijing on Tuesday for a state visit`, `arrived in Doha for talks`: a noun
    /// after the `for` of a verb of travel has the verb's subject as its source and the place
    /// the verb goes to as its target.
    fn travel_purpose(&self, noun: usize, first: usize) -> Option<(Vec<Arg>, Vec<Arg>)> {
        let mut t = noun;
        let for_at = loop {
            if t <= first || noun - t >= 5 {
                return None;
            }
            t -= 1;
            if self.is(t, "for") {
                break t;
            }
            if self.mention_at[t].is_some()
                || self.doc.tokens[t].kind != TokenKind::Word
                || self.has(t, class::CLAUSE)
                || self.has(t, class::PREPOSITION)
            {
                return None;
            }
        };
        let verb = (for_at.saturating_sub(10).max(first)..for_at)
            .rev()
            .take_while(|&k| !self.is_any(k, &[",", ";"]))
            .find(|&k| self.has(k, class::TRAVEL))?;
        let target = (verb + 1..for_at)
            .find(|&k| self.is_any(k, &["to", "in", "at"]))
            .and_then(|k| (k + 1..(k + 4).min(for_at)).find_map(|j| self.mention_at[j]))
            .map(|mi| vec![Arg::Mention(mi as usize)])
            .unwrap_or_default();
        Some((self.subject(verb, first), target))
    }

    /// Whether a noun stands where a verb's object does: `Some(true)` for the object of a verb
    /// of support (`staged protests`, `ordered an investigation`, `, in an implied threat`),
    /// whose subject is the noun's source; `Some(false)` for the object of another verb
    /// (`condemned the airstrikes`, `threatened sanctions`), which is what that verb is about
    /// and no act of its subject; `None` after a preposition (`despite the protests`) or as a
    /// subject (`The protests came`).
    fn object_position(&self, at: usize, first: usize) -> Option<bool> {
        // Right after a verb trigger, over an article or modifiers: its object (`threatens
        // sanctions`, `rejects the protest`).
        if let Some((verb, verb_end)) = self.last_verb {
            let object = verb_end <= at
                && at - verb_end <= 3
                && (verb_end..at).all(|k| {
                    self.doc.tokens[k].kind == TokenKind::Word
                        && self.mention_at[k].is_none()
                        && !self.has(k, class::PREPOSITION | class::CLAUSE)
                });
            if object {
                return Some(self.has(verb, class::SUPPORT));
            }
        }
        let mut t = at;
        let mut steps = 0;
        while t > first && steps < 4 {
            t -= 1;
            steps += 1;
            if self.is_any(
                t,
                &[
                    "the", "a", "an", "its", "their", "his", "her", "new", "fresh", "mass",
                ],
            ) {
                continue;
            }
            // `announced $200 million in aid`, `sent 20 tonnes of food aid`: past the amount
            if self.is_any(t, &["in", "of"]) && t > first && self.amount_token(t - 1) {
                while t > first && self.amount_token(t - 1) {
                    t -= 1;
                }
                continue;
            }
            if self.is_any(t, &["in", "with", "as"]) {
                return (t > first && self.is(t - 1, ",")).then_some(true);
            }
            if self.has(t, class::PREPOSITION)
                || self.has(t, class::CLAUSE)
                || self.mention_at[t].is_some()
            {
                return None;
            }
            if self.doc.tokens[t].kind != TokenKind::Word {
                return None;
            }
            // A verb of support makes the noun its subject's act (`launched airstrikes`,
            // `approved arms deliveries`); after another verb the noun is what the verb is
            // about (`condemned the airstrikes`, `threatened sanctions`).
            if self.has(t, class::SUPPORT) {
                return Some(true);
            }
            // (`an implied threat`: a participle after a determiner is an adjective)
            if self.past_verb(t) && !self.determined(t, first) {
                return Some(false);
            }
        }
        None
    }

    /// True when the word at `t` reads as a verb in the past: lowercase and ending in `-ed`,
    /// not a compound (`student-led`, `Iran-backed`).
    fn past_verb(&self, t: usize) -> bool {
        let w = self.word(t);
        w.ends_with("ed") && w.starts_with(|c: char| c.is_ascii_lowercase()) && !w.contains('-')
    }

    /// True when the word at `t` reads as a past participle: a past verb, or one of the
    /// common irregular participles of the acts events name.
    fn past_participle(&self, t: usize) -> bool {
        self.past_verb(t)
            || self.is_any(
                t,
                &[
                    "held", "shot", "hit", "struck", "taken", "seized", "beaten", "caught", "led",
                    "sent", "kept", "thrown",
                ],
            )
    }

    /// True when a determiner or possessive stands right before `t` (`an implied threat`,
    /// `its alleged support`), so that a participle there is an adjective.
    fn determined(&self, t: usize, first: usize) -> bool {
        t > first
            && self.is_any(
                t - 1,
                &[
                    "the", "a", "an", "its", "their", "his", "her", "'s", "this", "these",
                ],
            )
    }

    /// The sentence's first subject.
    fn main_subject(&self, first: usize, at: usize) -> Vec<Arg> {
        let mut t = first;
        while t < at {
            if let Some(_mi) = self.mention_at[t] {
                let governed = self
                    .governing_preposition(t, first)
                    .is_some_and(|p| !self.quantity_of(p));
                if !governed {
                    // `Ghanaian army spokesman Kwame Asante`: the person the adjective and
                    // the title describe
                    let k = self.mention_end(t, at);
                    if let Some(head) = self.titled_head(t, k, at) {
                        return self.mention_run(head, at);
                    }
                    return self.mention_run(t, at);
                }
                t = self.mention_end(t, at);
                continue;
            }
            if self.is_any(t, &["he", "she", "they", "we", "it"]) {
                return vec![Arg::Pronoun(t)];
            }
            t += 1;
        }
        Vec::new()
    }

    fn mention_start(&self, t: usize, first: usize) -> usize {
        let m = self.mention_at[t];
        let mut s = t;
        while s > first && self.mention_at[s - 1] == m {
            s -= 1;
        }
        s
    }

    /// The actor an argument stands for.
    fn resolve(&self, arg: Arg, si: usize) -> Option<u32> {
        match arg {
            Arg::Mention(m) => {
                let a = self.doc.mentions[m].actor?;
                let actor = &self.doc.actors[a as usize];
                (actor.kind != ActorType::Place || actor.country.is_some()).then_some(a)
            }
            Arg::Pronoun(t) => self.antecedent(t, si),
        }
    }

    /// `he`/`she`: the nearest person named before; `it`: the nearest country or
    /// organisation; `they`: the nearest group, country or organisation. Looks back over the
    /// sentence and the two before it; a labelled `it` (`called it a coup`) only over its own
    /// sentence, and an object pronoun right after a verb with a comma aside before it never
    /// stands for that verb's subject or the aside.
    fn antecedent(&self, t: usize, si: usize) -> Option<u32> {
        let w = self.word(t).to_ascii_lowercase();
        let want: &[ActorType] = match w.as_str() {
            "he" | "she" | "him" | "her" | "his" => &[ActorType::Person],
            "it" | "its" => &[ActorType::Country, ActorType::Organization],
            "they" | "them" | "their" => &[
                ActorType::Group,
                ActorType::Country,
                ActorType::Organization,
            ],
            _ => return None,
        };
        // a group named by a singular noun: a body (`the army`, `the government`) or one
        // holder of a role (`the president`, `Kenya's prosecutor`)
        let singular_group = |m: &newsgraph_doc::Mention, a: u32| {
            (self.doc.actors[a as usize].kind == ActorType::Group || m.kind == MentionType::Group)
                && !self.doc.span_text(m.span).ends_with(['s', 'S'])
        };
        let fits = |a: u32| want.contains(&self.doc.actors[a as usize].kind);
        if matches!(w.as_str(), "he" | "she" | "it") {
            // the subject of the verb of saying may be a body or a role's holder named by a
            // singular noun (`the army said it`, `the president said he`); elsewhere such a
            // noun is too often an adjective's (`a military alliance`) or someone else's
            let first = self.doc.sentences[si].first_token as usize;
            if let Some((_, a)) = self
                .reporting_subject(t, first)
                .filter(|&(m, a)| fits(a) || singular_group(m, a))
            {
                return Some(a);
            }
        }
        let first = self.doc.sentences[si].first_token as usize;
        // `called it a coup`, `described it as`: the `it` that is labelled is a thing or an
        // act more often than a country or a body; only one named in its own sentence
        let labelled = |k: usize| k < self.doc.tokens.len() && self.is_any(k, &["a", "an", "as"]);
        let object_it = w == "it"
            && t > first
            && !self.has(t - 1, class::CLAUSE)
            && !self.is_any(t - 1, &[",", "that", "and", "but"])
            && labelled(t + 1);
        let floor = if object_it {
            self.doc.sentences[si].span.start
        } else {
            self.doc.sentences[si.saturating_sub(2)].span.start
        };
        let at = self.doc.tokens[t].span.start;
        // an object pronoun right after a verb that an aside set off by commas comes before
        // stands neither for the verb's subject nor for a name in the aside, which describes
        // the subject (`Faki, chairperson of the AU Commission, called it a coup`)
        let object = t > first && !self.has(t - 1, class::CLAUSE | class::REPORT);
        let aside =
            (matches!(w.as_str(), "him" | "her" | "them" | "it") && object && t >= first + 3)
                .then(|| t - 2)
                .filter(|&close| self.is(close, ","))
                .and_then(|close| {
                    let open = (first..close).rev().find(|&k| self.is(k, ","))?;
                    let subject = self.clause_start(open, first);
                    // the aside describes a name before it (`Separately, Estonia expelled a
                    // diplomat, accusing him`: no aside)
                    (subject..open)
                        .any(|k| self.mention_at[k].is_some())
                        .then_some(())?;
                    Some((
                        self.doc.tokens[subject].span.start,
                        self.doc.tokens[close].span.start,
                    ))
                });
        // in a direct quote, `he` or `she` is never its speaker, who would say `I` (in reported
        // speech the speaker is `he`: `Embalo said he was chairing a meeting`)
        let speaker = self
            .doc
            .quotes
            .iter()
            .find(|q| {
                q.kind == newsgraph_doc::QuoteKind::Direct
                    && q.span().start <= at
                    && at < q.span().end
            })
            .and_then(|q| q.speaker);
        // `expelled a Russian diplomat, accusing him of`: one holder of a role, named by a
        // singular noun after `a` in the pronoun's own sentence
        let sentence_start = self.doc.sentences[si].span.start;
        let one_holder = |m: &newsgraph_doc::Mention| {
            want == [ActorType::Person]
                && m.kind == MentionType::Group
                && m.span.start >= sentence_start
                && !self.doc.span_text(m.span).ends_with(['s', 'S'])
                && self
                    .token_at(m.span.start)
                    .is_some_and(|k| k > 0 && self.is_any(k - 1, &["a", "an"]))
        };
        let candidates = || {
            self.doc
                .mentions
                .iter()
                .rev()
                .filter(|m| m.span.end <= at && m.span.start >= floor)
                .filter(|m| {
                    aside.is_none_or(|(open, close)| m.span.end <= open || m.span.start >= close)
                })
        };
        // `protesters gathered outside the French embassy ... before they were dispersed`:
        // `they` is the nearest name in the plural, when there is one
        if matches!(w.as_str(), "they" | "them" | "their") {
            let plural = candidates().find_map(|m| {
                let a = m.actor?;
                let words = self.doc.span_text(m.span);
                (fits(a)
                    && words.ends_with(['s', 'S'])
                    && !words.ends_with("ss")
                    && Some(a) != speaker)
                    .then_some(a)
            });
            if plural.is_some() {
                return plural;
            }
        }
        candidates().find_map(|m| {
            let a = m.actor?;
            ((fits(a) || one_holder(m)) && Some(a) != speaker).then_some(a)
        })
    }

    /// The one actor that is the subject of the verb of saying or knowing whose clause the
    /// pronoun at `t` opens, with its mention: `The army said it had`, `Ruto told reporters
    /// that he would`, `the ministry, which said it`.
    fn reporting_subject(&self, t: usize, first: usize) -> Option<(&newsgraph_doc::Mention, u32)> {
        let mut v = t;
        while v > first && self.is_any(v - 1, &["that", ","]) {
            v -= 1;
        }
        // the verb, maybe with its listener after it (`told reporters`, `told the BBC`)
        let mut k = v.checked_sub(1)?;
        while k > first
            && !self.has(k, class::REPORT)
            && (self.mention_at[k].is_some() || self.is_any(k, &["the", "a", "an"]))
            && v - k < 6
        {
            k -= 1;
        }
        if k < first || !self.has(k, class::REPORT) {
            return None;
        }
        match self.subject(k, first).as_slice() {
            [Arg::Mention(m)] => {
                let mention = &self.doc.mentions[*m];
                Some((mention, mention.actor?))
            }
            _ => None,
        }
    }

    /// True when a hazard word (`floods`, `landslide`, `cholera`) is the trigger's subject (in
    /// its clause before it) or its cause just after it (`killed in the floods`, `by a
    /// landslide`).
    fn hazard_near(&self, m: &Match, first: usize, end: usize) -> bool {
        // `Cyclone Remal tore through the coast, killing 14`: the -ing clause's subject is
        // the clause's before the comma
        let start = self
            .clause_before_ing(m, first)
            .unwrap_or_else(|| self.clause_start(m.first, first));
        let after = (m.first + 1..end.min(m.first + 8))
            .take_while(|&t| !self.is_any(t, &[",", ";", "and", "but", "when", "as", "after"]));
        (start..m.first)
            .chain(after)
            .any(|t| self.cue_at(t, t, Cue::Hazard))
    }

    /// True when the trigger is an `, -ing` clause after a clause a hazard opens (`The cyclone
    /// hit Malawi on Sunday, killing 99 people`): the hazard did it, whoever the clause names
    /// after it.
    fn hazard_opens_clause_before(&self, m: &Match, first: usize) -> bool {
        self.clause_before_ing(m, first).is_some_and(|start| {
            (start..(start + 4).min(m.first - 1)).any(|t| self.cue_at(t, t, Cue::Hazard))
        })
    }

    /// The first token of the clause before the comma of an `, -ing` trigger.
    fn clause_before_ing(&self, m: &Match, first: usize) -> Option<usize> {
        (m.form == Some(VerbForm::Ing) && m.first > first + 1 && self.is(m.first - 1, ","))
            .then(|| self.clause_start(m.first - 1, first))
    }

    /// True when the verb trigger is in the perfect (`have been killed`, `has killed`) and its
    /// sentence gives a running total's span: a cumulative cue (`so far`, `since the war`), or
    /// `since` with a month or a year (`since January`, `since 2023`).
    fn cumulative(&self, m: &Match, first: usize, end: usize) -> bool {
        let aux = (m.first.saturating_sub(4).max(first)..m.first)
            .rev()
            .take_while(|&t| !self.is_any(t, &[",", ";"]) && !self.has(t, class::CLAUSE))
            .find(|&t| self.is_any(t, &["have", "has", "had"]));
        let Some(aux) = aux else {
            return false;
        };
        // `a war that has killed tens of thousands`, `the conflict has killed`: a stretch of
        // war as the killer is a running total
        let period = |t: usize| self.cue_at(t, t, Cue::Period);
        let subject_noun = aux > first
            && (period(aux - 1)
                || (aux > first + 1
                    && self.is_any(aux - 1, &["that", "which"])
                    && period(aux - 2)));
        if subject_noun {
            return true;
        }
        // the cues of the verb's own clause: not past a comma after it (`killed five on
        // Monday, the third attack since January`)
        let end = (m.end..end)
            .find(|&t| self.is_any(t, &[",", ";"]))
            .unwrap_or(end);
        let since_date = |t: usize| {
            self.is(t, "since")
                && (t + 1..(t + 4).min(end)).any(|k| {
                    crate::dates::month(self.word(k)).is_some()
                        || (self.doc.tokens[k].kind == TokenKind::Number
                            && self.word(k).len() == 4
                            && self.word(k).starts_with(['1', '2']))
                })
        };
        (first..end).any(|t| since_date(t) || self.cue_at(t, first, Cue::Cumulative))
    }

    /// A place after `on`, `onto`, `into`, `against`, `at` or `toward` in the trigger's clause
    /// (`a siege on the Gaza Strip`, `rockets into Sderot`), with a country.
    fn place_aimed_at(&self, m: &Match, end: usize) -> Option<u32> {
        let stop = |t: usize| self.is_any(t, &[",", ";"]) || self.has(t, class::CLAUSE);
        let at = (m.end..end.min(m.end + 8))
            .take_while(|&t| !stop(t))
            .find(|&t| {
                self.is_any(
                    t,
                    &["on", "onto", "into", "against", "at", "toward", "towards"],
                )
            })?;
        // Past articles and a lowercase description ending in `of`: `against the rebel-held
        // town of Douma`, `into the border city of Rafah`.
        let mut k = at + 1;
        let limit = end.min(at + 7);
        // Lowercase words only, within the phrase: `into northern Israel`, but not `at night
        // before returning to X`.
        while k < limit && self.mention_at[k].is_none() {
            if self.is(k, "of") && k > at + 1 {
                k += 1;
                break;
            }
            let w = self.word(k);
            if (self.doc.tokens[k].kind != TokenKind::Word && w != "-")
                || w.starts_with(|c: char| c.is_uppercase())
                || self.has(k, class::CLAUSE)
                || self.has(k, class::PREPOSITION)
            {
                return None;
            }
            k += 1;
        }
        if k >= end {
            return None;
        }
        let mi = self.mention_at[k]? as usize;
        if !self.is_place(mi) {
            return None;
        }
        let actor = self.doc.mentions[mi].actor?;
        self.doc.actors[actor as usize].country.as_ref()?;
        Some(actor)
    }

    /// The trigger, or the word after it, is a reciprocal cue (`exchanged fire`, `held
    /// talks`), or `each other` / `one another` follows in the clause. For cooperation (roots
    /// 03 to 06) the object's words count too: `resumed EU-mediated talks`, `began their first
    /// joint exercises`.
    fn reciprocal(&self, m: &Match, end: usize, root: &str) -> bool {
        let reach = if matches!(root, "03" | "04" | "05" | "06") {
            (m.end..end.min(m.end + 6))
                // (not into an infinitive: `offered to host talks` is no talks of its own)
                .take_while(|&t| {
                    (t == m.end && !self.is(t, "to"))
                        || !(self.has(t, class::PREPOSITION) || self.has(t, class::CLAUSE))
                })
                .last()
                .map_or(m.end + 1, |t| t + 1)
        } else {
            m.end + 1
        };
        let cue = (m.first..end.min(reach)).any(|t| self.cue_at(t, t, Cue::Reciprocal));
        cue || (m.end..end.min(m.end + 8))
            .take_while(|&t| !self.is_any(t, &[",", ";", "but", "after", "when"]))
            .any(|t| {
                t + 1 < end
                    && ((self.is(t, "each") && self.is(t + 1, "other"))
                        || (self.is(t, "one") && self.is(t + 1, "another")))
            })
    }

    /// True when the clause's subject is `we` or `I` (a quote's speaker speaking).
    fn first_person_subject(&self, at: usize, first: usize) -> bool {
        let start = self.clause_start(at, first);
        (start..at).any(|t| self.is_any(t, &["we", "i"]))
    }

    /// True when the trigger's clause has a subject other than `we` or `I`: any word before
    /// the trigger in its clause besides auxiliaries and adverbs (`Floods have killed`, `He
    /// was not throwing`), or a passive (`was shot`), whose subject is what was done to.
    fn has_own_subject(&self, at: usize, first: usize) -> bool {
        let start = self.clause_start(at, first);
        let passive = (at.saturating_sub(2).max(start)..at).any(|t| self.has(t, class::PASSIVE));
        passive
            || (start..at).any(|t| {
                let w = self.word(t);
                w.chars().next().is_some_and(char::is_alphabetic)
                    && !self.has(t, class::NOT_SUBJECT)
                    && !self.is_any(t, &["we", "i"])
            })
    }

    /// Another actor of the sentence, nearest the trigger.
    fn other_actor(&self, m: &Match, first: usize, end: usize, source: Option<u32>) -> Option<u32> {
        let actor_at = |t: usize| self.doc.mentions[self.mention_at[t]? as usize].actor;
        // `Lebanese Prime Minister Nawaf Salam`, `Chile's Supreme Court`: words that describe
        // the source are not another side.
        let describes_source = |t: usize| {
            let k = self.mention_end(t, end);
            let head = self.titled_head(t, k, end).or_else(|| {
                (k + 1 < end && self.is(k, "'s") && self.mention_at[k + 1].is_some())
                    .then_some(k + 1)
            });
            // `Eritrea's information minister, Yemane Gebremeskel, dismissed`: the person the
            // possessor's title introduces
            let head = head.or_else(|| {
                if !(k + 1 < end && self.is(k, "'s")) {
                    return None;
                }
                let mut j = k + 1;
                while j < end.min(k + 6)
                    && self.mention_at[j].is_none()
                    && self.doc.tokens[j].kind == TokenKind::Word
                {
                    j += 1;
                }
                if j < end && self.is(j, ",") {
                    j += 1;
                }
                (j < end && self.mention_at[j].is_some()).then_some(j)
            });
            source.is_some() && head.is_some_and(|h| actor_at(h) == source)
        };
        // `Faki, chairperson of the AU Commission, condemned`: a name in an aside set off by
        // commas right after the source describes the source too
        let beside_source = |t: usize| {
            let Some(open) = (first..t).rev().find(|&k| self.is(k, ",")) else {
                return false;
            };
            let Some(close) = (t..m.first).find(|&k| self.is(k, ",")) else {
                return false;
            };
            source.is_some() && open > first && actor_at(open - 1) == source && close < m.first
        };
        // `..., a senior State Department official said`, `..., according to X`: who reports
        // the act after it is not its other side
        let attribution = (m.end..end)
            .filter(|&k| self.is(k, ","))
            .find(|&k| {
                (k + 1..end.min(k + 9))
                    .take_while(|&j| !self.is(j, ","))
                    .any(|j| self.has(j, class::REPORT) || self.is(j, "according"))
            })
            .unwrap_or(end);
        // another country's actor before one of the source's own (`a charge New Delhi
        // rejected` after `Pakistan accused Indian troops`: Pakistan), then the nearest
        let country = |a: u32| self.doc.actors[a as usize].country.as_deref();
        let own_country = source.and_then(country);
        // (nor the source's own side under another name: `Asmara` for an Eritrean minister)
        let code = |a: u32| self.doc.actors[a as usize].cameo.as_deref();
        let own_code = source.and_then(code);
        (first..attribution)
            .filter_map(|t| self.mention_at[t].map(|mi| (t, mi)))
            .filter(|&(t, _)| !describes_source(t) && !beside_source(t))
            .filter_map(|(t, mi)| {
                let a = self.doc.mentions[mi as usize].actor?;
                let kind = self.doc.actors[a as usize].kind;
                let same = own_country.is_some() && country(a) == own_country;
                let own_side = own_code.is_some() && code(a) == own_code;
                (Some(a) != source && !own_side && kind != ActorType::Place).then_some((
                    same,
                    t.abs_diff(m.first),
                    a,
                ))
            })
            .min_by_key(|&(same, d, _)| (same, d))
            .map(|(_, _, a)| a)
    }

    /// Negation and modality from the cue words before the trigger, in its clause.
    fn modality(&self, m: &Match, first: usize) -> (Modality, bool) {
        self.modality_at(m.first, first)
    }

    /// [`Finder::modality`] of a trigger that starts at token `at`.
    fn modality_at(&self, at: usize, first: usize) -> (Modality, bool) {
        let mut modality = Modality::Asserted;
        let mut negated = false;
        let lo = at.saturating_sub(7).max(first);
        // every place where a cue ends before the trigger
        for endpos in (lo + 1..=at).rev() {
            for &i in self.cues_ending_at(endpos - 1) {
                let (words, cue) = &self.lex.cues()[i as usize];
                if matches!(cue, Cue::Praise | Cue::Hazard | Cue::Reciprocal)
                    || endpos < lo + words.len()
                {
                    continue;
                }
                // a cue inside a name is no cue: `Reporters Without Borders condemned`
                if !self.cue_fits(words, endpos)
                    || (endpos - words.len()..endpos).any(|t| self.mention_at[t].is_some())
                {
                    continue;
                }
                // the cue must be in the trigger's clause
                let between = endpos..at;
                if between.clone().any(|t| {
                    self.is_any(t, &[";", ",", "that", "and", "but", "who", "which"])
                        && !self.is(t, "that")
                }) {
                    continue;
                }
                match cue {
                    Cue::Negation => negated = true,
                    Cue::Hypothetical => modality = Modality::Hypothetical,
                    Cue::Future if modality != Modality::Hypothetical => {
                        modality = Modality::Future
                    }
                    _ => {}
                }
            }
        }
        (modality, negated)
    }

    /// The quote whose words hold the trigger.
    fn quote_of(&self, m: &Match) -> Option<usize> {
        let at = self.doc.tokens[m.first].span.start;
        self.doc
            .quotes
            .iter()
            .position(|q| q.parts.iter().any(|p| p.start <= at && at < p.end))
    }

    /// Where: the place nearest the trigger named after `in`, `at`, `near`, `outside` or
    /// `of` (`the city of X`).
    fn location(&self, m: &Match, first: usize, end: usize) -> Option<(EventPlace, u32, usize)> {
        let mut best: Option<(usize, usize)> = None; // (distance, token)
                                                     // roots 01-13: statements, appeals, demands, criticism, threats
        let verbal = self
            .lex
            .code(m.code)
            .code
            .get(..2)
            .is_some_and(|r| r < "14");
        let mut t = first;
        while t < end {
            let Some(mi) = self.mention_at[t] else {
                t += 1;
                continue;
            };
            let k = self.mention_end(t, end);
            let mention = &self.doc.mentions[mi as usize];
            let place_kind = mention.actor.map(|a| self.doc.actors[a as usize].kind);
            let placeish = matches!(place_kind, Some(ActorType::Place))
                || (matches!(place_kind, Some(ActorType::Country))
                    && matches!(mention.kind, MentionType::Gpe));
            let cued = t > first
                && self.is_any(
                    t - 1,
                    &[
                        "in",
                        "at",
                        "near",
                        "outside",
                        "of",
                        "across",
                        "around",
                        "inside",
                        "through",
                        "throughout",
                    ],
                );
            if placeish && cued {
                let d = if k <= m.first {
                    m.first - k
                } else {
                    t.saturating_sub(m.end)
                };
                // a named city or region before a country: the most precise place wins
                let d = if matches!(place_kind, Some(ActorType::Place)) {
                    d
                } else {
                    d + 1000
                };
                // but a place of the trigger's own clause before one of another clause
                // (`seized the broadcaster in Gabon ..., after the president fled to the town
                // of Oyem`); words are said where their clause says, not where an act they
                // answer took place (`summoned the envoy after ships fired near the shoal`)
                let between = if k <= m.first { k..m.first } else { m.end..t };
                // (a verb of saying is no other clause here: `urged calm, he told reporters in
                // Nairobi`)
                let other_clause = between
                    .into_iter()
                    .any(|j| self.has(j, class::CLAUSE) && !self.has(j, class::REPORT));
                let d = if other_clause { d + 2000 } else { d };
                if !(other_clause && verbal) && best.is_none_or(|(bd, _)| d < bd) {
                    best = Some((d, t));
                }
            }
            t = k;
        }
        let (_, t) = best?;
        let mi = self.mention_at[t]? as usize;
        let mention = &self.doc.mentions[mi];
        let index = mention.actor?;
        let actor = &self.doc.actors[index as usize];
        let words = self.doc.span_text(mention.span);
        let named = words.chars().next().is_some_and(char::is_uppercase);
        let place = EventPlace {
            name: if named {
                words.to_string()
            } else {
                actor.name.clone()
            },
            country: actor.country.clone(),
            geo: actor.geo.map(|g| (g.lat(), g.lon())),
            span: mention.span,
        };
        Some((place, index, t))
    }

    /// Deaths and injuries the sentence ties to a violent trigger: `Four people were killed`,
    /// `killing at least 12`, `12 dead`, `three others were wounded`.
    fn casualties(
        &self,
        m: &Match,
        first: usize,
        end: usize,
        root: &str,
    ) -> (Option<u32>, Option<u32>) {
        let violent = m.kills || matches!(root, "18" | "19" | "20" | "14" | "17");
        if !violent {
            return (None, None);
        }
        let mut killed = None;
        if m.kills {
            // the subject of a passive kill: `Four people were killed`
            let passive = m.first > first
                && self.is_any(
                    m.first - 1,
                    &["was", "were", "been", "be", "being", "are", "is"],
                );
            let mut t = m.first;
            let mut steps = 0;
            let mut stop = None;
            while t > first && steps < 6 {
                t -= 1;
                steps += 1;
                if let Some(n) = self.number(t) {
                    // `Eight soldiers and four guards were killed` is twelve
                    killed = Some(if passive {
                        self.with_coordinated_before(t, n, first)
                    } else {
                        n
                    });
                    break;
                }
                if self.has(t, class::CLAUSE) || self.is_any(t, &[",", ";"]) {
                    stop = Some(t);
                    break;
                }
            }
            // The subject before an aside: `Nineteen citizens, among them three children,
            // were killed`. Only when nothing but auxiliaries stands between the aside's
            // closing comma and the verb; the count is the subject's, at the start of the
            // clause before the aside's opening comma, not a date (`On 3 June, a journalist
            // was killed`).
            let aside_end = stop.filter(|&c| {
                self.is(c, ",")
                    && (c + 1..m.first)
                        .all(|k| self.has(k, class::PASSIVE) || self.has(k, class::ADVERB))
            });
            // `Five soldiers who were escorting the convoy were killed`: a relative clause is
            // an aside too, opened by its pronoun (not `that`, which also opens a reported
            // clause: `Two doctors confirmed that a journalist was killed`).
            let relative = stop.filter(|&w| self.is_any(w, &["who", "which"]));
            let aside_start = aside_end
                .and_then(|c| (first..c).rev().find(|&k| self.is_any(k, &[",", ";"])))
                .or(relative);
            if killed.is_none() && passive && aside_start.is_some() {
                let opening = aside_start.unwrap_or(first);
                let clause = (first..opening)
                    .rev()
                    .find(|&k| self.has(k, class::CLAUSE) || self.is_any(k, &[",", ";"]))
                    .map_or(first, |k| k + 1);
                killed = (clause..opening.min(clause + 3))
                    .filter(|&t| t == clause || !self.has(t - 1, class::PREPOSITION))
                    .find_map(|t| self.number(t));
            } else if killed.is_none() && !passive {
                // `killed at least 12 people`, but not the count of the next clause: `were
                // killed and 87 others were wounded`
                killed = (m.end..(m.end + 4).min(end))
                    .take_while(|&t| !self.is_any(t, &["and", ",", ";", "while"]))
                    .find_map(|t| self.number(t).map(|n| self.with_coordinated(t, n, end)))
                    // `shot dead a security guard`: one
                    .or_else(|| (m.end < end && self.one_person(m.end, end)).then_some(1));
            } else if killed.is_none() && passive {
                // `A journalist was killed`: one
                let clause = stop.map_or(first, |s| s + 1);
                killed = (clause < m.first && self.one_person(clause, m.first)).then_some(1);
            }
        } else {
            // `an air strike killing 12`, `clashes that left five dead`
            let near = (m.end..(m.end + 6).min(end))
                .find(|&t| self.is_any(t, &["killing", "leaving", "left", "killed"]));
            if let Some(k) = near {
                killed = (k + 1..(k + 4).min(end))
                    .find_map(|t| self.number(t).map(|n| self.with_coordinated(t, n, end)));
            }
        }
        let injured = self.count_near(
            first,
            end,
            &["injured", "wounded", "injuring", "wounding", "hurt"],
        );
        (killed, injured)
    }

    /// True when `a` or `an` at `t` opens a phrase whose name, before `end`, is one person
    /// or one holder of a role (`a security guard`, `an aid worker`, `a Kenyan soldier`).
    fn one_person(&self, t: usize, end: usize) -> bool {
        if !self.is_any(t, &["a", "an"]) {
            return false;
        }
        (t + 1..(t + 4).min(end))
            .take_while(|&k| self.doc.tokens[k].kind == TokenKind::Word)
            .find_map(|k| self.mention_at[k])
            .is_some_and(|mi| {
                let mention = &self.doc.mentions[mi as usize];
                matches!(mention.kind, MentionType::Person | MentionType::Group)
                    && !self.doc.span_text(mention.span).ends_with(['s', 'S'])
            })
    }

    /// A count next to one of `words` after `from`: `killing five`, `five people were killed`,
    /// `12 dead`.
    fn count_near(&self, from: usize, end: usize, words: &[&str]) -> Option<u32> {
        let at = (from..end).find(|&t| self.is_any(t, words))?;
        // after: `killing five`
        if let Some(n) = (at + 1..(at + 4).min(end)).find_map(|t| self.number(t)) {
            // `wounding five`, `and wounded more than 150`; not `87 others were wounded`
            let active = at > from
                && !self.has(at - 1, class::PASSIVE)
                && self.number(at - 1).is_none()
                && !self.is_any(at - 1, &["others", "people", "more"]);
            if self.word(at).ends_with("ing") || active {
                return Some(n);
            }
        }
        // before: `five people were killed`, `12 dead`
        (at.saturating_sub(4).max(from)..at)
            .rev()
            .find_map(|t| self.number(t))
    }

    /// The count `n` at `t` and the counts coordinated with it as objects of the same verb:
    /// `killing four soldiers and two civilians` is six, but `killed five villagers and 12
    /// were wounded` is five.
    fn with_coordinated(&self, t: usize, n: u32, end: usize) -> u32 {
        let mut total = n;
        let mut at = t;
        loop {
            let Some(and) = (at + 1..(at + 5).min(end))
                .take_while(|&k| !self.is_any(k, &[";", "while"]) && !self.has(k, class::CLAUSE))
                .find(|&k| self.is_any(k, &["and", ","]))
            else {
                return total;
            };
            let Some(more) = (and + 1 < end).then(|| self.number(and + 1)).flatten() else {
                return total;
            };
            // the second count is its own clause's subject: `and 12 were wounded`
            let own_clause = (and + 2..(and + 5).min(end)).any(|k| {
                self.has(k, class::PASSIVE)
                    || self.is_any(k, &["died", "injured", "wounded", "hurt", "missing"])
            });
            if own_clause {
                return total;
            }
            total = total.saturating_add(more);
            at = and + 1;
        }
    }

    /// The count `n` at `t` and the counts coordinated before it in one subject: `Eight
    /// soldiers and four guards were killed` is twelve, `three police officers, two guards and
    /// a driver` counts its numbers. The walk stops at a verb, a clause word or a
    /// preposition: `Eight were wounded and four were killed` is four.
    fn with_coordinated_before(&self, t: usize, n: u32, first: usize) -> u32 {
        let mut total = n;
        let mut at = t;
        // the last count is joined by `and` (`Eight soldiers and four guards`), not by a bare
        // comma, which may follow a date or a phrase (`On October 7, 1,200 people`)
        if !(at > first + 1 && self.is(at - 1, "and")) {
            return n;
        }
        while at > first + 1 && self.is_any(at - 1, &["and", ","]) {
            let joint = at - 1;
            // `, and` is one joint
            let joint = if joint > first && self.is(joint, "and") && self.is(joint - 1, ",") {
                joint - 1
            } else {
                joint
            };
            let Some(k) = (joint.saturating_sub(4).max(first)..joint)
                .rev()
                .take_while(|&k| {
                    !self.has(k, class::PASSIVE)
                        && !self.has(k, class::CLAUSE)
                        && !self.has(k, class::PREPOSITION)
                        && !self.is_any(k, &[";", "and", ","])
                })
                .find_map(|k| self.number(k).map(|m| (k, m)))
            else {
                break;
            };
            // a count a preposition governs is no subject's (`Of the 40 passengers, five`)
            let governed = (k.0.saturating_sub(2).max(first)..k.0).any(|j| {
                self.has(j, class::PREPOSITION) || crate::dates::month(self.word(j)).is_some()
            });
            if governed {
                break;
            }
            total = total.saturating_add(k.1);
            at = k.0;
        }
        total
    }

    /// The value of a count word or number at `t`: `four`, `12`, `1,200`.
    fn number(&self, t: usize) -> Option<u32> {
        let w = self.word(t);
        if self.doc.tokens[t].kind == TokenKind::Number {
            let digits: String = w.chars().filter(|c| *c != ',').collect();
            // a year is not a count
            if digits.len() == 4 && (digits.starts_with("19") || digits.starts_with("20")) {
                return None;
            }
            return digits.parse().ok();
        }
        self.lex.number_word(w)
    }
}

/// The two sides of a conflict or a talk, from the events found so far: the latest pair of
/// actors of two countries who acted on each other (`exchanged fire`), else the latest pair
/// of a hostile act (roots 11 to 20).
fn sides_of(events: &[Event], doc: &Document) -> Vec<u32> {
    let country = |a: u32| doc.actors[a as usize].country.as_deref();
    let apart =
        |a: u32, b: u32| country(a).is_some() && country(b).is_some() && country(a) != country(b);
    let pair = |e: &Event| e.source.zip(e.target).filter(|&(a, b)| apart(a, b));
    let mutual = events.iter().rev().find_map(|e| {
        let (a, b) = pair(e)?;
        events
            .iter()
            .any(|o| o.source == Some(b) && o.target == Some(a))
            .then_some([a, b])
    });
    let hostile = || {
        events.iter().rev().find_map(|e| {
            let root: u32 = e.cameo.get(..2)?.parse().ok()?;
            (11..=20)
                .contains(&root)
                .then(|| pair(e))
                .flatten()
                .map(|(a, b)| [a, b])
        })
    };
    mutual.or_else(hostile).map(Vec::from).unwrap_or_default()
}

/// Drops an event that only repeats an earlier one of its sentence: the same root category,
/// negation and modality, and the same source and target where both name them (a repeat that
/// names a target the first lacked gives it that target; when its code is specific it takes
/// the first one's place, keeping the first one's source, toll, place and date where it has
/// none). A purpose
/// clause restates its main act (`walked off the job in protest at`, `went on hunger strike to
/// protest against`), and a sentence's two verbs of one act are one event for counting.
fn drop_repeats(events: &mut Vec<Event>) {
    // A count or a place of its own makes an act of its own: `jets bombed Gaza City, and 12
    // people were killed in Khan Younis`. A count where the first had none is the first
    // act's toll: `rammed a car into a police van, killing nine officers`.
    let differs = |a: Option<u32>, b: Option<u32>| a.is_some() && b.is_some() && a != b;
    let specific = |code: &str| code.len() > 3 || !code.ends_with('0');
    let mut kept: Vec<Event> = Vec::with_capacity(events.len());
    for e in events.drain(..) {
        let repeat = kept
            .iter_mut()
            .rev()
            .take_while(|k| k.sentence == e.sentence)
            .find(|k| {
                k.cameo.get(..2) == e.cameo.get(..2)
                    && k.negated == e.negated
                    && k.modality == e.modality
                    && (e.source.is_none()
                        || e.source == k.source
                        // `12 were killed when jets bombed ...`: the specific act says who
                        || (k.source.is_none() && specific(e.cameo) && !specific(k.cameo)))
                    // `a drone strike blamed on X killed three journalists`: the verb names
                    // whom the strike hit
                    && (e.target.is_none()
                        || k.target.is_none()
                        || e.target == k.target
                        // `12 people were killed in Gaza when jets bombed a school`: a place
                        // taken for whom an act was aimed at yields to one named
                        || e.target_guessed
                        || k.target_guessed)
                    && !differs(e.fatalities, k.fatalities)
                    && !differs(e.injured, k.injured)
                    && (e.location.is_none() || e.location == k.location)
            });
        match repeat {
            // `To protest the pay cut, workers went on strike`: the more specific code wins,
            // with the actors the first one named.
            Some(k) if specific(e.cameo) && !specific(k.cameo) => take_over(k, e),
            // `to lift the curfew and release the union leaders`: the act with someone it is
            // done to is the fuller record of the two
            Some(k)
                if k.target.is_none()
                    && e.target.is_some()
                    && !e.target_guessed
                    && specific(e.cameo) =>
            {
                take_over(k, e)
            }
            Some(k) => {
                k.fatalities = k.fatalities.or(e.fatalities);
                k.injured = k.injured.or(e.injured);
                if k.target.is_none() {
                    k.target = e.target;
                    k.target_guessed = e.target_guessed;
                }
            }
            None => kept.push(e),
        }
    }
    kept.sort_by_key(|e| (e.trigger.start, e.source));
    *events = kept;
}

/// Puts `e` in the place of the repeat `k`, keeping what only `k` gave: its source, its target
/// when `e` names none, and its toll, place and date (`12 people were killed when jets bombed
/// the town`: the toll stays with the act).
fn take_over(k: &mut Event, e: Event) {
    let first = std::mem::replace(k, e);
    k.source = k.source.or(first.source);
    if k.target.is_none() {
        k.target = first.target;
        k.target_guessed = first.target_guessed;
    }
    k.fatalities = k.fatalities.or(first.fatalities);
    k.injured = k.injured.or(first.injured);
    if k.location.is_none() {
        k.location = first.location;
    }
    if k.date_span.is_none() && first.date_span.is_some() {
        k.date = first.date;
        k.date_span = first.date_span;
    }
}

/// `elections` for `election`, `talks` for `talk`.
fn plural_of(word: &str, singular: &str) -> bool {
    let w = word.as_bytes();
    let s = singular.as_bytes();
    (w.len() == s.len() + 1 && w.ends_with(b"s") && w[..s.len()].eq_ignore_ascii_case(s))
        || (w.len() == s.len() + 2 && w.ends_with(b"es") && w[..s.len()].eq_ignore_ascii_case(s))
}

#[cfg(test)]
mod tests;
