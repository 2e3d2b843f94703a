//! The event lexicon: CAMEO codes, trigger words (verbs in every form, nouns, phrases) and the
//! cues of negation and modality, loaded once from `data/events/`.

use std::path::Path;

use newsgraph_lexicon::{embedded, word_map::WordMap, DataFile, Lexicon, LexiconError};
use rustc_hash::FxHashMap;

/// A CAMEO code with its scores: an index into [`EventLexicon::codes`].
pub type CodeId = u16;

/// One CAMEO event code.
#[derive(Clone, Debug, PartialEq)]
pub struct Code {
    /// 2-4 digits.
    pub code: &'static str,
    /// Goldstein conflict-cooperation score.
    pub goldstein: f64,
    /// PLOVER event type, when the root has one.
    pub plover: Option<&'static str>,
    /// The code's name.
    pub name: &'static str,
}

impl Code {
    /// True for a root-level code (`19`, `190`): "not specified below".
    pub fn is_generic(&self) -> bool {
        self.code.len() == 2 || (self.code.len() == 3 && self.code.ends_with('0'))
    }
}

/// How a verb's code was chosen, best first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Origin {
    /// The team's own lists (`verbs.tsv`, `patterns.tsv`) or a user dictionary.
    Curated,
    /// A PETRARCH-2 verb line with its own code, or a block's head verb.
    Petrarch,
    /// A PETRARCH-2 synonym that only inherits its block's code: used through patterns only.
    Inherited,
}

/// What a matched verb form is, for voice and participle clauses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VerbForm {
    /// `attack`
    Base,
    /// `attacks`
    S,
    /// `attacked`, `shot`: past tense or participle.
    Ed,
    /// `attacking`
    Ing,
}

/// A verb lemma and what it codes.
#[derive(Clone, Debug)]
pub struct Verb {
    /// The lemma (`break off`).
    pub lemma: Box<str>,
    /// Its own code, or `None` when only a pattern makes it an event.
    pub code: Option<CodeId>,
    /// Where the code came from.
    pub origin: Origin,
    /// Phrases after the verb that change its code, most specific first.
    pub patterns: Vec<Pattern>,
    /// Its PETRARCH-2 verb block, whose patterns it shares: an index into
    /// [`EventLexicon::block`].
    pub block: Option<u32>,
}

/// Words after a verb that make a more specific event (`break` + `diplomatic relations`).
#[derive(Clone, Debug)]
pub struct Pattern {
    /// The words, lowercase, in order.
    pub words: Box<[Box<str>]>,
    /// The code, or `None` when the phrase is no event (`killed in a crash`).
    pub code: Option<CodeId>,
    /// Where it came from.
    pub origin: Origin,
}

/// What a word (with the words after it) can trigger.
#[derive(Clone, Debug)]
pub enum Trigger {
    /// A form of a verb: an index into [`EventLexicon::verbs`].
    Verb {
        /// The verb.
        verb: u32,
        /// The form.
        form: VerbForm,
    },
    /// A noun that names an event.
    Noun {
        /// Its code.
        code: CodeId,
    },
}

/// One entry under a first word: the words that must follow, and the trigger.
#[derive(Clone, Debug)]
pub struct Entry {
    /// Words after the first, lowercase.
    pub rest: Box<[Box<str>]>,
    /// What the words trigger.
    pub trigger: Trigger,
}

/// A cue's meaning.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cue {
    /// The event did not happen.
    Negation,
    /// It may happen.
    Hypothetical,
    /// It is planned.
    Future,
    /// A word of praise (`historic`): `called the deal 'historic'` praises.
    Praise,
    /// A natural or accidental cause of death (`floods`, `earthquake`, `cholera`): what it
    /// kills is no act of violence.
    Hazard,
    /// A trigger word of an act two sides do to each other (`exchanged`, `clashed`, `met`):
    /// with a subject of two actors and no object, each side is the other's target.
    Reciprocal,
    /// A running total (`so far`, `since the war began`): a killing in the perfect with it in
    /// its sentence is a toll over time, not an act.
    Cumulative,
    /// A noun of a stretch of conflict (`war`, `insurgency`): as the subject of a killing in
    /// the perfect (`the war has killed`) it makes the figure a running total.
    Period,
}

/// Everything the events stage knows. Built once; immutable and shared across threads.
#[derive(Clone, Debug)]
pub struct EventLexicon {
    codes: Vec<Code>,
    by_code: FxHashMap<&'static str, CodeId>,
    verbs: Vec<Verb>,
    verb_ids: FxHashMap<Box<str>, u32>,
    /// First word (lowercase) → entries, longest first.
    triggers: WordMap<Vec<Entry>>,
    /// Cue words, lowercase, reversed (last word first) for matching backwards.
    cues: Vec<(Box<[Box<str>]>, Cue)>,
    /// PETRARCH-2 verb blocks: head lemma → index into `blocks`.
    block_ids: FxHashMap<Box<str>, u32>,
    /// The patterns of each block.
    blocks: Vec<Vec<Pattern>>,
    /// Per block, the patterns by their first word, so that a verb looks up the few words
    /// after it instead of trying every pattern of its block.
    block_index: Vec<WordMap<Vec<u32>>>,
    /// Function words (lowercase) and their classes, as [`class`] bits.
    /// Also the derived bits [`class::TRIGGER`] and [`class::CUE_END`], so that one lookup
    /// per token tells whether the trigger and cue tables need a look.
    grammar: WordMap<u32>,
    /// The longest function word, in bytes.
    grammar_max: usize,
    /// Number words (lowercase) and their values: `four`, `twelve`, `dozen`.
    number_words: WordMap<u32>,
    /// Last word of a cue (lowercase) → the cues ending with it, as indices into `cues`.
    cue_ends: WordMap<Vec<u32>>,
}

/// The classes of function words in `data/events/grammar.tsv`, and two bits derived from the
/// other tables, as bits of a `u32`.
pub(crate) mod class {
    /// A mention after it is not a clause's subject.
    pub const PREPOSITION: u32 = 1;
    /// Opens a new clause with its own subject.
    pub const CLAUSE: u32 = 1 << 1;
    /// A verb of travel.
    pub const TRAVEL: u32 = 1 << 2;
    /// May stand between a subject and its verb.
    pub const ADVERB: u32 = 1 << 3;
    /// A form of `be` or `get` before a passive participle.
    pub const PASSIVE: u32 = 1 << 4;
    /// After it `of` starts no prepositional phrase.
    pub const QUANTITY: u32 = 1 << 5;
    /// Before a trigger, not its clause's subject.
    pub const NOT_SUBJECT: u32 = 1 << 6;
    /// A verb whose event-noun object is the subject's own act.
    pub const SUPPORT: u32 = 1 << 7;
    /// A verb of saying or knowing: a subject pronoun of the clause it reports stands for the
    /// verb's own subject when it fits.
    pub const REPORT: u32 = 1 << 8;
    /// A verb whose object is who is to do what the infinitive after it says (`urged Russia
    /// to stop`).
    pub const CONTROL: u32 = 1 << 9;
    /// A verb of vowing: a violent or coercive act after its `to` is a threat.
    pub const VOW: u32 = 1 << 10;
    /// A verb of accusing or blaming: the act after its `of`, `with` or `for` is reported,
    /// not asserted.
    pub const ACCUSE: u32 = 1 << 11;
    /// A plural noun that names the two sides after `both` or `the two`.
    pub const SIDES: u32 = 1 << 12;
    /// Opens a noun phrase before its noun (`the`, `their`): a preposition before it governs
    /// the phrase.
    pub const DETERMINER: u32 = 1 << 13;

    /// Each class by its name in the data file.
    pub(crate) const NAMES: [(&str, u32); 14] = [
        ("preposition", PREPOSITION),
        ("clause", CLAUSE),
        ("travel", TRAVEL),
        ("adverb", ADVERB),
        ("passive", PASSIVE),
        ("quantity", QUANTITY),
        ("not_subject", NOT_SUBJECT),
        ("support", SUPPORT),
        ("report", REPORT),
        ("control", CONTROL),
        ("vow", VOW),
        ("accuse", ACCUSE),
        ("sides", SIDES),
        ("determiner", DETERMINER),
    ];

    /// Every class of `grammar.tsv`, without the derived bits.
    pub const GRAMMAR: u32 = (1 << 14) - 1;
    /// Derived: the first word of an event trigger (`verbs.tsv`, `nouns.tsv`, PETRARCH-2's verbs).
    pub const TRIGGER: u32 = 1 << 14;
    /// Derived: the last word of a cue (`cues.tsv`).
    pub const CUE_END: u32 = 1 << 15;
}

impl EventLexicon {
    /// Loads the embedded data files.
    pub fn embedded() -> Result<Self, LexiconError> {
        let mut lex = EventLexicon {
            codes: Vec::new(),
            by_code: FxHashMap::default(),
            verbs: Vec::new(),
            verb_ids: FxHashMap::default(),
            triggers: WordMap::ignore_ascii_case(),
            cues: Vec::new(),
            block_ids: FxHashMap::default(),
            blocks: Vec::new(),
            block_index: Vec::new(),
            grammar: WordMap::ignore_ascii_case(),
            grammar_max: 0,
            number_words: WordMap::ignore_ascii_case(),
            cue_ends: WordMap::ignore_ascii_case(),
        };
        lex.load_codes(&embedded::EVENT_CODES)?;
        lex.load_verbs(&embedded::EVENT_VERBS, Origin::Curated)?;
        lex.load_verbs(&embedded::PETRARCH_VERBS, Origin::Petrarch)?;
        lex.load_patterns(&embedded::EVENT_PATTERNS, Origin::Curated)?;
        lex.load_patterns(&embedded::PETRARCH_PATTERNS, Origin::Petrarch)?;
        lex.load_nouns(&embedded::EVENT_NOUNS)?;
        for row in Lexicon::parse(&embedded::EVENT_CUES)?.rows() {
            let cue = match row.fields.get(1).copied() {
                Some("negation") => Cue::Negation,
                Some("hypothetical") => Cue::Hypothetical,
                Some("future") => Cue::Future,
                Some("praise") => Cue::Praise,
                Some("hazard") => Cue::Hazard,
                Some("reciprocal") => Cue::Reciprocal,
                Some("cumulative") => Cue::Cumulative,
                Some("period") => Cue::Period,
                other => {
                    return Err(row.error(
                        embedded::EVENT_CUES.name,
                        format!("unknown cue kind {other:?}"),
                    ))
                }
            };
            let words: Vec<Box<str>> = row.fields[0]
                .split(' ')
                .rev()
                .map(|w| Box::from(w.to_ascii_lowercase()))
                .collect();
            lex.cues.push((words.into_boxed_slice(), cue));
        }
        for row in Lexicon::parse(&embedded::EVENT_GRAMMAR)?.rows() {
            let mut bits = 0;
            for name in row.fields.get(1).copied().unwrap_or("").split(',') {
                let Some(&(_, bit)) = class::NAMES.iter().find(|(n, _)| *n == name.trim()) else {
                    return Err(row.error(
                        embedded::EVENT_GRAMMAR.name,
                        format!(
                            "unknown word class {name:?}: use {}",
                            class::NAMES.map(|(n, _)| n).join(", ")
                        ),
                    ));
                };
                bits |= bit;
            }
            let word = row.fields[0].to_ascii_lowercase();
            if word.len() > 32 {
                return Err(row.error(
                    embedded::EVENT_GRAMMAR.name,
                    "a function word is at most 32 bytes long".to_string(),
                ));
            }
            lex.grammar_max = lex.grammar_max.max(word.len());
            *lex.grammar.entry_or_insert_with(&word, || 0) |= bits;
        }
        // The cardinals of the quantities stage's number words; scales and vague plurals
        // (`million`, `dozens`) count nothing alone.
        for row in Lexicon::parse(&embedded::QUANTITY_NUMBERS)?.rows() {
            if row.fields.get(2).copied() == Some("word") {
                let value = row
                    .fields
                    .get(1)
                    .and_then(|v| v.parse().ok())
                    .ok_or_else(|| {
                        row.error(
                            embedded::QUANTITY_NUMBERS.name,
                            "a number word needs a whole number as its value".to_string(),
                        )
                    })?;
                lex.number_words.insert(row.fields[0], value);
            }
        }
        lex.finish();
        Ok(lex)
    }

    /// The value of a number word, ignoring ASCII case: `Four` is 4.
    pub(crate) fn number_word(&self, word: &str) -> Option<u32> {
        self.number_words.get(word).copied()
    }

    /// The [`class`] bits of a word, ignoring ASCII case; 0 for a word of no class.
    pub(crate) fn word_class(&self, word: &str) -> u32 {
        if word.len() > self.grammar_max {
            return 0;
        }
        self.grammar.get(word).copied().unwrap_or(0)
    }

    /// The code at `id`.
    pub fn code(&self, id: CodeId) -> &Code {
        &self.codes[id as usize]
    }

    /// The id of a CAMEO code string, when the code list has it.
    pub fn code_id(&self, code: &str) -> Option<CodeId> {
        self.by_code.get(code).copied()
    }

    /// The verb at `id`.
    pub fn verb(&self, id: u32) -> &Verb {
        &self.verbs[id as usize]
    }

    /// The patterns of a PETRARCH-2 verb block.
    pub fn block(&self, id: u32) -> &[Pattern] {
        self.blocks.get(id as usize).map_or(&[], Vec::as_slice)
    }

    /// The indexes (into [`EventLexicon::block`]) of a block's patterns whose first word is
    /// `word` (any ASCII case, singular).
    pub fn block_patterns_at(&self, id: u32, word: &str) -> &[u32] {
        self.block_index
            .get(id as usize)
            .and_then(|m| m.get(word))
            .map_or(&[], Vec::as_slice)
    }

    fn block_id(&mut self, head: &str) -> u32 {
        if let Some(&id) = self.block_ids.get(head) {
            return id;
        }
        let id = u32::try_from(self.blocks.len()).expect("fewer than 2^32 blocks");
        self.blocks.push(Vec::new());
        self.block_ids.insert(head.into(), id);
        id
    }

    /// The entries whose first word is `word` (any ASCII case), longest first.
    pub fn triggers(&self, word: &str) -> &[Entry] {
        self.triggers.get(word).map_or(&[], Vec::as_slice)
    }

    /// The cues, each with its words last first.
    pub fn cues(&self) -> &[(Box<[Box<str>]>, Cue)] {
        &self.cues
    }

    /// The cues whose last word is `word` (any ASCII case), as indices into [`Self::cues`].
    pub fn cues_ending_with(&self, word: &str) -> &[u32] {
        self.cue_ends.get(word).map_or(&[], Vec::as_slice)
    }

    /// Number of verbs, nouns and patterns, for `--help` and logs.
    pub fn sizes(&self) -> (usize, usize) {
        let patterns = self.verbs.iter().map(|v| v.patterns.len()).sum();
        (self.verbs.len(), patterns)
    }

    fn load_codes(&mut self, data: &DataFile) -> Result<(), LexiconError> {
        let lex = Lexicon::parse(data)?;
        for row in lex.rows() {
            let [code, goldstein, plover, name] = row.fields[..] else {
                return Err(row.error(data.name, "expected code, goldstein, plover, name"));
            };
            let goldstein: f64 = goldstein
                .parse()
                .map_err(|_| row.error(data.name, format!("bad Goldstein score {goldstein:?}")))?;
            let id = CodeId::try_from(self.codes.len()).expect("fewer than 65536 codes");
            self.codes.push(Code {
                code,
                goldstein,
                plover: (plover != "-").then_some(plover),
                name,
            });
            self.by_code.insert(code, id);
        }
        Ok(())
    }

    /// A code field: a known code, or `-` for none.
    fn parse_code(
        &self,
        field: &str,
        file: &'static str,
        line: usize,
    ) -> Result<Option<CodeId>, LexiconError> {
        if field == "-" {
            return Ok(None);
        }
        self.code_id(field)
            .map(Some)
            .ok_or_else(|| LexiconError::BadValue {
                file,
                line,
                message: format!("unknown CAMEO event code {field:?}"),
            })
    }

    fn verb_id(&mut self, lemma: &str, code: Option<CodeId>, origin: Origin) -> (u32, bool) {
        if let Some(&id) = self.verb_ids.get(lemma) {
            return (id, false);
        }
        let id = u32::try_from(self.verbs.len()).expect("fewer than 2^32 verbs");
        self.verbs.push(Verb {
            lemma: lemma.into(),
            code,
            origin,
            patterns: Vec::new(),
            block: None,
        });
        self.verb_ids.insert(lemma.into(), id);
        (id, true)
    }

    fn load_verbs(&mut self, data: &DataFile, origin: Origin) -> Result<(), LexiconError> {
        let lex = Lexicon::parse(data)?;
        for row in lex.rows() {
            let (lemma, code, forms) = match row.fields[..] {
                [lemma, code, forms] => (lemma, code, forms),
                [lemma, code, forms, block, how] => {
                    let origin = if how == "inherited" {
                        Origin::Inherited
                    } else {
                        origin
                    };
                    let code = self.parse_code(code, data.name, row.line)?;
                    self.add_verb(lemma, code, forms, origin);
                    let block = self.block_id(block);
                    let id = self.verb_ids[lemma];
                    self.verbs[id as usize].block.get_or_insert(block);
                    continue;
                }
                _ => return Err(row.error(data.name, "expected lemma, code, forms")),
            };
            let code = self.parse_code(code, data.name, row.line)?;
            self.add_verb(lemma, code, forms, origin);
        }
        Ok(())
    }

    /// Adds a verb and all its forms (a lemma already known keeps its first code).
    pub(crate) fn add_verb(
        &mut self,
        lemma: &str,
        code: Option<CodeId>,
        forms: &str,
        origin: Origin,
    ) {
        let (id, new) = self.verb_id(lemma, code, origin);
        if !new {
            return;
        }
        let (head, tail) = lemma.split_once(' ').unwrap_or((lemma, ""));
        let mut add = |form: &str, kind: VerbForm| {
            let full = if tail.is_empty() || form.contains(' ') {
                form.to_string()
            } else {
                format!("{form} {tail}")
            };
            self.add_trigger(
                &full,
                Trigger::Verb {
                    verb: id,
                    form: kind,
                },
            );
        };
        for (form, kind) in inflect(head) {
            add(&form, kind);
        }
        if forms != "-" {
            // Irregular forms: `shot`, `shot dead`, `shooting down`.
            let mut words = forms.split(' ').peekable();
            while let Some(w) = words.next() {
                let mut form = w.to_string();
                // A multi-word form continues with the lemma's particle words.
                for t in tail.split(' ').filter(|t| !t.is_empty()) {
                    if words.peek() == Some(&t) {
                        words.next();
                        form.push(' ');
                        form.push_str(t);
                    }
                }
                let kind = if form.split(' ').next().is_some_and(|f| f.ends_with("ing")) {
                    VerbForm::Ing
                } else if form.split(' ').next().is_some_and(|f| f.ends_with('s')) {
                    VerbForm::S
                } else {
                    VerbForm::Ed
                };
                add(&form, kind);
            }
        }
    }

    fn add_trigger(&mut self, phrase: &str, trigger: Trigger) {
        let mut words = phrase.split(' ');
        let Some(first) = words.next() else { return };
        let rest: Box<[Box<str>]> = words.map(Box::from).collect();
        *self.grammar.entry_or_insert_with(first, || 0) |= class::TRIGGER;
        self.grammar_max = self.grammar_max.max(first.len());
        let list = self.triggers.entry_or_insert_with(first, Vec::new);
        let exists = list.iter().any(|e| {
            e.rest == rest
                && match (&e.trigger, &trigger) {
                    (Trigger::Verb { verb: a, .. }, Trigger::Verb { verb: b, .. }) => a == b,
                    (Trigger::Noun { .. }, Trigger::Noun { .. }) => true,
                    _ => false,
                }
        });
        if !exists {
            list.push(Entry { rest, trigger });
        }
    }

    fn load_patterns(&mut self, data: &DataFile, origin: Origin) -> Result<(), LexiconError> {
        let lex = Lexicon::parse(data)?;
        for row in lex.rows() {
            let [lemma, words, code] = row.fields[..] else {
                return Err(row.error(data.name, "expected lemma, words, code"));
            };
            let code = self.parse_code(code, data.name, row.line)?;
            self.add_pattern(lemma, words, code, origin);
        }
        Ok(())
    }

    /// Adds a pattern to a verb (PETRARCH patterns name their block's head verb; every verb
    /// of the block shares them).
    pub(crate) fn add_pattern(
        &mut self,
        lemma: &str,
        words: &str,
        code: Option<CodeId>,
        origin: Origin,
    ) {
        let words: Box<[Box<str>]> = words.split(' ').map(Box::from).collect();
        let pattern = Pattern {
            words,
            code,
            origin,
        };
        if origin == Origin::Petrarch {
            let block = self.block_id(lemma);
            self.blocks[block as usize].push(pattern);
            return;
        }
        let (id, _) = self.verb_id(lemma, None, origin);
        self.verbs[id as usize].patterns.push(pattern);
    }

    fn load_nouns(&mut self, data: &DataFile) -> Result<(), LexiconError> {
        let lex = Lexicon::parse(data)?;
        for row in lex.rows() {
            let [words, code] = row.fields[..] else {
                return Err(row.error(data.name, "expected words, code"));
            };
            let Some(code) = self.parse_code(code, data.name, row.line)? else {
                continue;
            };
            self.add_trigger(words, Trigger::Noun { code });
        }
        Ok(())
    }

    /// Sorts entries longest first and patterns most specific first.
    pub(crate) fn finish(&mut self) {
        for list in self.triggers.values_mut() {
            list.sort_by_key(|e| std::cmp::Reverse(e.rest.len()));
        }
        // (rebuilt whole: `finish` runs again after a user's verb file)
        self.cue_ends.clear();
        for (i, (words, _)) in self.cues.iter().enumerate() {
            let last = &words[0];
            *self.grammar.entry_or_insert_with(last, || 0) |= class::CUE_END;
            self.grammar_max = self.grammar_max.max(last.len());
            self.cue_ends
                .entry_or_insert_with(last, Vec::new)
                .push(u32::try_from(i).expect("fewer than 2^32 cues"));
        }
        for patterns in self
            .verbs
            .iter_mut()
            .map(|v| &mut v.patterns)
            .chain(&mut self.blocks)
        {
            patterns.sort_by_key(|p| (p.origin, std::cmp::Reverse(p.words.len())));
        }
        self.block_index = self
            .blocks
            .iter()
            .map(|patterns| {
                let mut index = WordMap::ignore_ascii_case();
                for (i, p) in patterns.iter().enumerate() {
                    index
                        .entry_or_insert_with(&p.words[0], Vec::new)
                        .push(i as u32);
                }
                index
            })
            .collect();
    }
}

/// The regular forms of a verb: `attack` → attack, attacks, attacked, attacking. Where the
/// spelling rule depends on stress (`visited` but `banned`), both spellings are made: the
/// wrong one never occurs in text.
pub fn inflect(verb: &str) -> Vec<(String, VerbForm)> {
    let b = verb.as_bytes();
    let n = b.len();
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u');
    let mut out = vec![(verb.to_string(), VerbForm::Base)];
    if n < 2 {
        return out;
    }
    let last = b[n - 1];
    let stem = &verb[..n - 1];
    // -s
    if verb.ends_with('s')
        || verb.ends_with('x')
        || verb.ends_with('z')
        || verb.ends_with("ch")
        || verb.ends_with("sh")
        || (last == b'o' && !vowel(b[n - 2]))
    {
        out.push((format!("{verb}es"), VerbForm::S));
    } else if last == b'y' && !vowel(b[n - 2]) {
        out.push((format!("{stem}ies"), VerbForm::S));
    } else {
        out.push((format!("{verb}s"), VerbForm::S));
    }
    // -ed, -ing
    if last == b'e' {
        out.push((format!("{verb}d"), VerbForm::Ed));
        if verb.ends_with("ie") {
            out.push((format!("{}ying", &verb[..n - 2]), VerbForm::Ing));
        } else if verb.ends_with("ee") || verb.ends_with("ye") || verb.ends_with("oe") {
            out.push((format!("{verb}ing"), VerbForm::Ing));
        } else {
            out.push((format!("{stem}ing"), VerbForm::Ing));
        }
    } else if last == b'y' && !vowel(b[n - 2]) {
        out.push((format!("{stem}ied"), VerbForm::Ed));
        out.push((format!("{verb}ing"), VerbForm::Ing));
    } else {
        out.push((format!("{verb}ed"), VerbForm::Ed));
        out.push((format!("{verb}ing"), VerbForm::Ing));
        // consonant-vowel-consonant: ban → banned; visit → visited (both made).
        let cvc = n >= 3 && !vowel(last) && vowel(b[n - 2]) && !vowel(b[n - 3]);
        if cvc && !matches!(last, b'w' | b'x' | b'y') {
            let c = last as char;
            out.push((format!("{verb}{c}ed"), VerbForm::Ed));
            out.push((format!("{verb}{c}ing"), VerbForm::Ing));
        }
    }
    out
}

/// Reads a user verb dictionary in PETRARCH-2's format (`--verbs FILE`): `--- VERB [code] ---`
/// blocks of verbs (`WORD [code] {FORMS}`) and patterns (`- * WORDS [code]`). Returns how many
/// verbs and patterns were added; errors name the file and line.
pub(crate) fn read_petrarch_verbs(
    lex: &mut EventLexicon,
    path: &Path,
) -> Result<(usize, usize), crate::VerbsError> {
    let text = std::fs::read_to_string(path).map_err(|e| crate::VerbsError::Io {
        path: path.display().to_string(),
        message: e.to_string(),
    })?;
    let bad = |line: usize, message: String| crate::VerbsError::Syntax {
        path: path.display().to_string(),
        line,
        message,
    };
    let word = |w: &str| {
        w.trim()
            .trim_start_matches('+')
            .replace('_', " ")
            .to_lowercase()
    };
    let mut block: Option<(String, Option<CodeId>)> = None;
    let (mut verbs, mut patterns) = (0, 0);
    for (i, raw) in text.lines().enumerate() {
        let line_no = i + 1;
        let line = raw.split('#').next().unwrap_or("").trim_end();
        if line.trim().is_empty() || line.starts_with('&') || line.starts_with('~') {
            continue;
        }
        let code_of = |s: &str| -> Result<Option<CodeId>, crate::VerbsError> {
            let Some(open) = s.find('[') else {
                return Ok(None);
            };
            let close = s[open..]
                .find(']')
                .ok_or_else(|| bad(line_no, "a '[' without its ']'".into()))?;
            let code = s[open + 1..open + close]
                .split(':')
                .next()
                .unwrap_or("")
                .trim()
                .trim_end_matches('!');
            if code.starts_with('-') || code.is_empty() {
                return Ok(None);
            }
            lex.code_id(code)
                .map(Some)
                .ok_or_else(|| bad(line_no, format!("unknown CAMEO event code {code:?}")))
        };
        if let Some(head) = line.strip_prefix("---") {
            let name = head.split_whitespace().next().unwrap_or("");
            if name.is_empty() {
                return Err(bad(line_no, "a verb block with no verb".into()));
            }
            block = Some((word(name), code_of(head)?));
            continue;
        }
        let Some((block_name, block_code)) = block.clone() else {
            return Err(bad(
                line_no,
                "a line before the first '--- VERB [code] ---' block".into(),
            ));
        };
        if let Some(pat) = line.strip_prefix('-') {
            let code = code_of(pat)?;
            let body = pat.split('[').next().unwrap_or("").trim();
            let Some(after) = body.strip_prefix('*') else {
                continue; // patterns with words before the verb are not read
            };
            if after.contains(['&', '$', '+', '%', '^', '|']) {
                continue;
            }
            let words: Vec<String> = after
                .split(|c: char| c.is_whitespace() || "(){}".contains(c))
                .filter(|w| !w.is_empty())
                .map(word)
                .collect();
            if words.is_empty() {
                continue;
            }
            let (id, _) = lex.verb_id(&block_name, block_code, Origin::Curated);
            lex.verbs[id as usize].patterns.push(Pattern {
                words: words.iter().map(|w| Box::from(w.as_str())).collect(),
                code,
                origin: Origin::Curated,
            });
            patterns += 1;
            continue;
        }
        let code = code_of(line)?.or(block_code);
        let forms: Vec<String> = match (line.find('{'), line.find('}')) {
            (Some(a), Some(b)) if a < b => line[a + 1..b].split_whitespace().map(word).collect(),
            _ => Vec::new(),
        };
        let lemma = word(
            line.split(['[', '{'])
                .next()
                .unwrap_or("")
                .split_whitespace()
                .next()
                .unwrap_or(""),
        );
        if lemma.is_empty()
            || !lemma
                .chars()
                .all(|c| c.is_alphabetic() || c == ' ' || c == '-')
        {
            return Err(bad(line_no, format!("not a verb: {raw:?}")));
        }
        let forms = if forms.is_empty() {
            "-".to_string()
        } else {
            forms.join(" ")
        };
        // A user's verb replaces what the embedded lists say of it.
        if let Some(&id) = lex.verb_ids.get(lemma.as_str()) {
            lex.verbs[id as usize].code = code;
            lex.verbs[id as usize].origin = Origin::Curated;
        } else {
            lex.add_verb(&lemma, code, &forms, Origin::Curated);
        }
        verbs += 1;
    }
    lex.finish();
    Ok((verbs, patterns))
}
