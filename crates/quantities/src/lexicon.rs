//! The words of quantities, loaded from `data/quantities/`.

use newsgraph_doc::{Bound, QuantityKind};
use newsgraph_lexicon::{embedded, word_map::WordMap, Lexicon, LexiconError, Row};

/// What a number word is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum NumberRole {
    /// A cardinal: `seven`, `twenty`, `dozen`.
    Word(f64),
    /// A multiplier after a number: `million`, `bn`.
    Scale(f64),
    /// A vague plural, a lower bound: `dozens`, `tens`.
    Vague(f64),
}

/// Where a unit stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Position {
    /// Before the number: `$`, `Rs`.
    Before,
    /// After the number: `euros`, `percent`, `hours`.
    After,
}

/// A unit: its words (lowercase), kind and unit name.
#[derive(Clone, Debug)]
pub struct Unit {
    /// The words, matched token by token.
    pub words: Vec<&'static str>,
    /// Money, rate or duration.
    pub kind: QuantityKind,
    /// ISO 4217 code, `percent`, a time unit.
    pub unit: &'static str,
}

/// Where a kind cue stands relative to the number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CuePosition {
    /// After the number's noun: `were killed`, `fled`.
    After,
    /// Before the number: `killing`, `death toll rose to`.
    Before,
    /// The counted noun itself: `protesters`.
    Noun,
}

/// A phrase that says what a number counts.
#[derive(Clone, Debug)]
pub struct KindCue {
    /// The words, lowercase.
    pub words: Vec<&'static str>,
    /// The kind.
    pub kind: QuantityKind,
    /// Where it stands.
    pub position: CuePosition,
}

/// Everything the quantities stage knows about words. Built once.
#[derive(Clone, Debug)]
pub struct QuantityLexicon {
    numbers: WordMap<NumberRole>,
    /// Units before the number, longest first.
    pub before: Vec<Unit>,
    /// Units after the number, longest first.
    pub after: Vec<Unit>,
    /// Kind cues, longest first.
    pub kinds: Vec<KindCue>,
    /// Bounding words, longest first.
    pub modifiers: Vec<(Vec<&'static str>, Bound)>,
    /// The first word of every `after` and `noun` cue and the last of every `before` cue:
    /// a cheap test before the phrase lists are searched.
    cue_first: WordMap<()>,
    cue_last: WordMap<()>,
    /// Every number word and cue word, ASCII case-insensitive: one pass over a sentence says
    /// whether it may hold a quantity at all.
    words: aho_corasick::AhoCorasick,
}

fn bad(file: &'static str, row: &Row, message: String) -> LexiconError {
    LexiconError::BadValue {
        file,
        line: row.line,
        message,
    }
}

fn kind(file: &'static str, row: &Row, name: &str) -> Result<QuantityKind, LexiconError> {
    QuantityKind::parse(name).ok_or_else(|| bad(file, row, format!("unknown kind {name:?}")))
}

fn words(phrase: &'static str) -> Vec<&'static str> {
    phrase.split(' ').filter(|w| !w.is_empty()).collect()
}

impl QuantityLexicon {
    /// Loads the embedded `data/quantities/` files.
    pub fn embedded() -> Result<Self, LexiconError> {
        let numbers_file = Lexicon::parse(&embedded::QUANTITY_NUMBERS)?;
        let mut numbers = WordMap::ignore_ascii_case();
        let mut number_words = Vec::new();
        for row in numbers_file.rows() {
            let file = numbers_file.file();
            let value: f64 = row.fields[1]
                .parse()
                .map_err(|_| bad(file, row, format!("bad value {:?}", row.fields[1])))?;
            let role = match row.fields[2] {
                "word" => NumberRole::Word(value),
                "scale" => NumberRole::Scale(value),
                "vague" => NumberRole::Vague(value),
                other => return Err(bad(file, row, format!("unknown role {other:?}"))),
            };
            numbers.insert(row.fields[0], role);
            number_words.push(row.fields[0]);
        }

        let units_file = Lexicon::parse(&embedded::QUANTITY_UNITS)?;
        let (mut before, mut after) = (Vec::new(), Vec::new());
        for row in units_file.rows() {
            let file = units_file.file();
            let unit = Unit {
                words: words(row.fields[0]),
                kind: kind(file, row, row.fields[1])?,
                unit: row.fields[2],
            };
            match row.fields[3] {
                "before" => before.push(unit),
                "after" => after.push(unit),
                other => return Err(bad(file, row, format!("unknown position {other:?}"))),
            }
        }

        let kinds_file = Lexicon::parse(&embedded::QUANTITY_KINDS)?;
        let mut kinds = Vec::new();
        for row in kinds_file.rows() {
            let file = kinds_file.file();
            let position = match row.fields[2] {
                "after" => CuePosition::After,
                "before" => CuePosition::Before,
                "noun" => CuePosition::Noun,
                other => return Err(bad(file, row, format!("unknown position {other:?}"))),
            };
            if words(row.fields[0]).is_empty() {
                return Err(bad(file, row, "an empty phrase".to_string()));
            }
            kinds.push(KindCue {
                words: words(row.fields[0]),
                kind: kind(file, row, row.fields[1])?,
                position,
            });
        }

        let modifiers_file = Lexicon::parse(&embedded::QUANTITY_MODIFIERS)?;
        let mut modifiers = Vec::new();
        for row in modifiers_file.rows() {
            let bound = match row.fields[1] {
                "at_least" => Bound::AtLeast,
                "at_most" => Bound::AtMost,
                "about" => Bound::About,
                other => {
                    return Err(bad(
                        modifiers_file.file(),
                        row,
                        format!("unknown bound {other:?}"),
                    ))
                }
            };
            modifiers.push((words(row.fields[0]), bound));
        }

        before.sort_by_key(|u| std::cmp::Reverse(u.words.len()));
        after.sort_by_key(|u| std::cmp::Reverse(u.words.len()));
        kinds.sort_by_key(|k| std::cmp::Reverse(k.words.len()));
        modifiers.sort_by_key(|m| std::cmp::Reverse(m.0.len()));
        let (mut cue_first, mut cue_last) =
            (WordMap::ignore_ascii_case(), WordMap::ignore_ascii_case());
        for k in &kinds {
            if k.position == CuePosition::Before {
                cue_last.insert(k.words[k.words.len() - 1], ());
            } else {
                cue_first.insert(k.words[0], ());
            }
        }
        let mut all: Vec<&'static str> = number_words
            .into_iter()
            .filter(|w: &&str| w.len() >= 2)
            .chain(kinds.iter().flat_map(|k| k.words.iter().copied()))
            .collect();
        all.sort_unstable();
        all.dedup();
        let words = aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(&all)
            .map_err(|e| LexiconError::BadValue {
                file: "quantities/numbers.tsv",
                line: 0,
                message: format!("cannot build the word matcher: {e}"),
            })?;
        Ok(QuantityLexicon {
            words,
            cue_first,
            cue_last,
            numbers,
            before,
            after,
            kinds,
            modifiers,
        })
    }

    /// What a word is as a number, if anything, in any ASCII case.
    pub fn number(&self, word: &str) -> Option<NumberRole> {
        self.numbers.get(word).copied()
    }

    /// True when a text may hold a quantity: a digit, or a number or cue word standing alone.
    pub fn may_hold_quantity(&self, text: &str) -> bool {
        let bytes = text.as_bytes();
        if bytes.iter().any(u8::is_ascii_digit) {
            return true;
        }
        self.words.find_iter(text).any(|m| {
            let before = m.start().checked_sub(1).map(|i| bytes[i]);
            let after = bytes.get(m.end()).copied();
            !before.is_some_and(|b| b.is_ascii_alphanumeric())
                && !after.is_some_and(|b| b.is_ascii_alphanumeric())
        })
    }

    /// True when some `after` or `noun` cue starts with `word` (any case).
    pub fn may_start_cue(&self, word: &str) -> bool {
        self.cue_first.contains(word)
    }

    /// True when some `before` cue ends with `word` (any case).
    pub fn may_end_cue(&self, word: &str) -> bool {
        self.cue_last.contains(word)
    }
}

/// True when `words` (any case) starts with `phrase` (lowercase).
pub fn starts_with(words: &[&str], phrase: &[&str]) -> bool {
    words.len() >= phrase.len()
        && words
            .iter()
            .zip(phrase)
            .all(|(w, p)| w.eq_ignore_ascii_case(p))
}

/// True when `words` (any case) ends with `phrase` (lowercase).
pub fn ends_with(words: &[&str], phrase: &[&str]) -> bool {
    words.len() >= phrase.len() && starts_with(&words[words.len() - phrase.len()..], phrase)
}
