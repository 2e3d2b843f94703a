//! Finding the quantities of one sentence: the number, its bound, unit and kind.

use newsgraph_doc::{Bound, QuantityKind, TokenKind};
use newsgraph_events::dates;

use crate::lexicon::{ends_with, starts_with, CuePosition, NumberRole, QuantityLexicon};

/// One sentence's tokens as the scanner sees them.
pub(crate) struct Words<'a> {
    /// The tokens' text.
    pub text: Vec<&'a str>,
    /// Their kinds.
    pub kind: Vec<TokenKind>,
    /// True when a token touches the one before it (no space between).
    pub glued: Vec<bool>,
    /// What each token is as a number word, looked up once.
    pub role: Vec<Option<NumberRole>>,
}

/// A quantity found in a sentence, in token indexes.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Found {
    /// First token (the bounding word or the currency when there is one).
    pub first: usize,
    /// One past the last token (the unit when there is one).
    pub end: usize,
    /// First and one-past-last token of the counted noun phrase.
    pub noun: (usize, usize),
    pub value: f64,
    pub bound: Bound,
    pub unit: Option<String>,
    pub kind: QuantityKind,
}

/// A parsed number: token range and value.
struct Number {
    first: usize,
    end: usize,
    value: f64,
    /// A vague plural or `a dozen`: a lower bound.
    vague: bool,
    /// `one`, `a`: kept only when the words around say it counts dead, hurt or held.
    weak: bool,
    /// The scale that ended it (`million`), which takes `of` before its noun.
    scaled: bool,
}

/// Words that end a counted noun phrase.
const NOUN_STOPS: &[&str] = &[
    "a",
    "about",
    "after",
    "against",
    "ago",
    "all",
    "also",
    "an",
    "and",
    "are",
    "as",
    "at",
    "be",
    "been",
    "before",
    "being",
    "but",
    "by",
    "during",
    "each",
    "for",
    "from",
    "had",
    "has",
    "have",
    "her",
    "his",
    "in",
    "including",
    "into",
    "is",
    "its",
    "last",
    "more",
    "near",
    "of",
    "on",
    "or",
    "our",
    "out",
    "over",
    "per",
    "since",
    "than",
    "that",
    "the",
    "their",
    "them",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "under",
    "until",
    "was",
    "were",
    "when",
    "where",
    "which",
    "while",
    "who",
    "will",
    "with",
    "would",
    "could",
    "said",
    "says",
];

/// Words between a noun phrase and its verb (`were`, `have been`, `reportedly`).
const AUXILIARIES: &[&str] = &[
    "were",
    "was",
    "are",
    "is",
    "have",
    "has",
    "had",
    "been",
    "being",
    "be",
    "reportedly",
    "also",
    "all",
    "later",
    "allegedly",
    "subsequently",
    "so",
    "far",
    "now",
    "since",
    "confirmed",
    "who",
    "people",
    "others",
    "of",
    "them",
    "more",
    "other",
];

/// Words that open another clause: a cue before them is not the figure's.
const CLAUSE_STOPS: &[&str] = &[
    "and", "or", "when", "as", "after", "while", "because", "which", "who", "that", "where", "but",
    "before", "since", "until", "if",
];

/// Prepositions of place and time: a number right after one is no object of the verb before
/// (`shot dead four men at a checkpoint`: `a checkpoint` is no death).
const PLACE_PREPOSITIONS: &[&str] = &[
    "at", "in", "near", "outside", "inside", "on", "into", "across", "during", "within",
];

/// Participles of transitive verbs: after a noun without an auxiliary they are active (`a bomb
/// killed two`) unless nothing object-like follows (`seven people killed in clashes`).
const TRANSITIVE: &[&str] = &[
    "killed",
    "wounded",
    "injured",
    "hurt",
    "arrested",
    "detained",
    "held",
    "jailed",
    "evacuated",
    "displaced",
    "murdered",
    "executed",
    "slain",
];

fn lower_eq(word: &str, list: &[&str]) -> bool {
    list.iter().any(|l| word.eq_ignore_ascii_case(l))
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

impl QuantityLexicon {
    /// What a word is as a number, in any case.
    pub(crate) fn role(&self, word: &str) -> Option<NumberRole> {
        self.number(word)
    }

    /// The value of a word that is only a cardinal (`seven`, `twenty-one`).
    fn cardinal(&self, word: &str) -> Option<f64> {
        if let Some(NumberRole::Word(v)) = self.role(word) {
            return Some(v);
        }
        let (tens, unit) = word.split_once('-')?;
        match (self.role(tens), self.role(unit)) {
            (Some(NumberRole::Word(t)), Some(NumberRole::Word(u)))
                if t >= 20.0 && t % 10.0 == 0.0 && u < 10.0 =>
            {
                Some(t + u)
            }
            _ => None,
        }
    }

    /// Multiplies `value` by the scales from token `j` on; returns the value and the end.
    fn scales(&self, w: &Words, mut j: usize, mut value: f64, digits: bool) -> (f64, usize, bool) {
        let mut scaled = false;
        while j < w.text.len() {
            let word = w.text[j];
            match self.role(word) {
                Some(NumberRole::Scale(s)) => {
                    let short = matches!(word, "m" | "k" | "M" | "K" | "bn" | "mn" | "tn");
                    if short && !(digits && w.glued[j]) && !matches!(word, "bn" | "mn" | "tn") {
                        break;
                    }
                    if short && !digits {
                        break;
                    }
                    // `4.1 million` is 4,100,000, not 4,099,999.999999999
                    value = (value * s).round();
                    scaled = true;
                    j += 1;
                }
                _ => break,
            }
        }
        (value, j, scaled)
    }

    /// The number starting at token `i`, if one does.
    fn number_at(&self, w: &Words, i: usize) -> Option<Number> {
        let word = *w.text.get(i)?;
        let n = w.text.len();
        if w.kind[i] == TokenKind::Number {
            if word.contains(':') {
                return None;
            }
            let value: f64 = word.replace(',', "").parse().ok()?;
            let (value, end, scaled) = self.scales(w, i + 1, value, true);
            return Some(Number {
                first: i,
                end,
                value,
                vague: false,
                weak: false,
                scaled,
            });
        }
        if w.kind[i] != TokenKind::Word {
            return None;
        }
        if !maybe_number(w, i) {
            return None;
        }
        let next = |k: usize| w.text.get(k).copied().unwrap_or("");
        // `a dozen`, `a hundred`, `a few dozen`, `half a million`, `several hundred`
        let is = |s: &str| word.eq_ignore_ascii_case(s);
        let (first_value, mut j, mut vague) = match () {
            _ if is("a") || is("an") => {
                // `a few protesters`, `a number of people`, `a group of`: no count
                if lower_eq(
                    next(i + 1),
                    &[
                        "number", "lot", "handful", "group", "couple", "series", "majority",
                        "crowd", "total", "host", "range", "variety", "minority", "wave",
                    ],
                ) || (next(i + 1).eq_ignore_ascii_case("few") && next(i + 2) != "dozen")
                {
                    return None;
                }
                if next(i + 1).eq_ignore_ascii_case("few") && next(i + 2) == "dozen" {
                    (12.0, i + 3, true)
                } else if next(i + 1) == "dozen" {
                    (12.0, i + 2, false)
                } else if matches!(self.role(next(i + 1)), Some(NumberRole::Scale(_))) {
                    (1.0, i + 1, false)
                } else {
                    // `a` counts one only beside a casualty word: `killing a soldier`, `a
                    // civilian was killed`; most are articles, not worth reading further
                    let near = (i > 0 && self.may_end_cue(w.text[i - 1]))
                        || w.text[i + 1..w.text.len().min(i + 7)]
                            .iter()
                            .any(|t| self.may_start_cue(t));
                    if !near {
                        return None;
                    }
                    return Some(Number {
                        first: i,
                        end: i + 1,
                        value: 1.0,
                        vague: false,
                        weak: true,
                        scaled: false,
                    });
                }
            }
            _ if (is("several") || is("few"))
                && matches!(self.role(next(i + 1)), Some(NumberRole::Scale(_))) =>
            {
                (1.0, i + 1, true)
            }
            _ if is("half") && matches!(next(i + 1), "a" | "an") => {
                if let Some(NumberRole::Scale(_)) = self.role(next(i + 2)) {
                    (0.5, i + 2, false)
                } else {
                    return None;
                }
            }
            _ => {
                if let Some(v) = self.cardinal(word) {
                    (v, i + 1, false)
                } else if let Some(NumberRole::Vague(v)) = self
                    .role(word)
                    .filter(|_| !(is("scores") || is("tens")) || next(i + 1) == "of")
                {
                    // `tens of thousands`, `hundreds of thousands`
                    let mut value = v;
                    let mut j = i + 1;
                    if next(j) == "of" {
                        if let Some(NumberRole::Vague(m)) = self.role(next(j + 1)) {
                            if m > v {
                                value *= m;
                                j += 2;
                            }
                        }
                    }
                    return Some(Number {
                        first: i,
                        end: j,
                        value,
                        vague: true,
                        weak: false,
                        scaled: true,
                    });
                } else {
                    return None;
                }
            }
        };
        if j > n {
            return None;
        }
        // `twenty one`, `two hundred and fifty`
        let mut value = first_value;
        if (20.0..100.0).contains(&first_value) && first_value % 10.0 == 0.0 {
            if let Some(u) = w.text.get(j).and_then(|t| self.cardinal(t)) {
                if u < 10.0 {
                    value += u;
                    j += 1;
                }
            }
        }
        let (mut value, mut end, scaled) = self.scales(w, j, value, false);
        if scaled && next(end) == "and" {
            if let Some(rest) = w.text.get(end + 1).and_then(|t| self.cardinal(t)) {
                if rest < 100.0 {
                    value += rest;
                    end += 2;
                }
            }
        }
        if is("one") && !scaled {
            return Some(Number {
                first: i,
                end,
                value,
                vague,
                weak: true,
                scaled,
            });
        }
        if is("dozen") {
            vague = false;
        }
        Some(Number {
            first: i,
            end,
            value,
            vague,
            weak: false,
            scaled,
        })
    }

    /// True when the number at `num` is not a quantity: a year, a day of the month, a clock
    /// time, an ordinal, an age, a score, part of a name.
    fn excluded(&self, w: &Words, num: &Number) -> bool {
        let i = num.first;
        let word = w.text[i];
        let prev = if i > 0 { w.text[i - 1] } else { "" };
        let next = w.text.get(num.end).copied().unwrap_or("");
        let glued_next = num.end < w.text.len() && w.glued[num.end];
        if w.kind[i] == TokenKind::Number {
            let plain = word.bytes().all(|b| b.is_ascii_digit());
            // a year, unless money, a bound or a counted noun says it is a count (`about 2000
            // people`, `a $2000 fine`)
            if plain
                && !num.scaled
                && word.len() == 4
                && (word.starts_with("19") || word.starts_with("20"))
                && !self
                    .before
                    .iter()
                    .any(|u| ends_with(&w.text[..i], &u.words))
                && !self.modifiers.iter().any(|m| ends_with(&w.text[..i], &m.0))
                && (!is_plural(next) || is_capitalised(next))
                && !self.cue_follows(w, num.end)
            {
                return true;
            }
            // phone numbers and codes: `0800 555 0111`
            if plain && word.len() > 1 && word.starts_with('0') {
                return true;
            }
            if w.kind.get(num.end) == Some(&TokenKind::Number)
                || (i > 0 && w.kind[i - 1] == TokenKind::Number)
            {
                return true;
            }
            let small = plain && word.len() <= 2;
            if small && (dates::month(prev).is_some() || dates::month(next).is_some()) {
                return true; // `March 3`, `3 March`
            }
            if glued_next && matches!(next, ":" | "st" | "nd" | "rd" | "th" | "s" | "/") {
                return true;
            }
            if i > 0 && w.glued[i] && matches!(prev, ":" | "/" | "#") {
                return true;
            }
            if lower_eq(next, &["a.m.", "p.m.", "am", "pm", "gmt", "utc", "hrs"]) {
                return true;
            }
            // `Article 5`, `Flight 302`, `Resolution 2334`: a number right after a name, unless
            // the words after are capitalised too (a Title Case headline: `Gunmen Kill 12 In`)
            if plain
                && i > 1
                && is_capitalised(prev)
                && w.kind[i - 1] == TokenKind::Word
                && !is_capitalised(next)
                && self.role(prev).is_none()
                && dates::month(prev).is_none()
                && !self.may_end_cue(prev)
                && !self
                    .before
                    .iter()
                    .any(|u| ends_with(&w.text[..i], &u.words))
                && !self.modifiers.iter().any(|m| ends_with(&w.text[..i], &m.0))
                && !lower_eq(
                    prev,
                    &["only", "just", "another", "all", "the", "and", "some"],
                )
            {
                return true;
            }
        }
        // ages: `35-year-old`, `aged 35`, `a 35 year old`, `children under 5`
        if lower_eq(prev, &["aged", "age", "ages"]) {
            return true;
        }
        if i > 1
            && lower_eq(prev, &["under", "over"])
            && lower_eq(
                w.text[i - 2],
                &[
                    "children", "child", "people", "those", "anyone", "adults", "boys", "girls",
                ],
            )
        {
            return true;
        }
        if next == "-"
            && w.text
                .get(num.end + 1)
                .is_some_and(|t| t.starts_with("year-old") || t.starts_with("years-old"))
        {
            return true;
        }
        if lower_eq(next, &["year-old", "years-old"])
            || (lower_eq(next, &["years", "year"])
                && w.text.get(num.end + 1).is_some_and(|t| *t == "old"))
        {
            return true;
        }
        // a score `2-1`, not a range `20-30 people`
        if next == "-"
            && glued_next
            && w.kind.get(num.end + 1) == Some(&TokenKind::Number)
            && !self.range_follows(w, num)
        {
            return true;
        }
        if prev == "-" && i > 1 && w.glued[i] && w.kind[i - 2] == TokenKind::Number {
            return true;
        }
        // `one of`, `no one`, `one another`, `the one`
        if num.weak
            && w.text[i].eq_ignore_ascii_case("one")
            && (lower_eq(next, &["of", "another", "side", "day", "time", "way"])
                || lower_eq(
                    prev,
                    &["no", "the", "any", "every", "each", "someone", "anyone"],
                ))
        {
            return true;
        }
        false
    }

    /// True when `N-M` is a range of a count (`20-30 people were killed`): the second number
    /// is larger and a plural noun or a kind cue follows it.
    fn range_follows(&self, w: &Words, num: &Number) -> bool {
        let (Some(a), Some(b)) = (
            w.text[num.first].replace(',', "").parse::<f64>().ok(),
            w.text
                .get(num.end + 1)
                .and_then(|t| t.replace(',', "").parse::<f64>().ok()),
        ) else {
            return false;
        };
        let after = w.text.get(num.end + 2).copied().unwrap_or("");
        b > a && (is_plural(after) || self.cue_follows(w, num.end + 2))
    }

    /// True when a kind cue (after or noun) starts at token `k`.
    fn cue_follows(&self, w: &Words, k: usize) -> bool {
        k < w.text.len()
            && (self.cue_at(w, k, CuePosition::After).is_some()
                || self.cue_at(w, k, CuePosition::Noun).is_some())
    }

    /// Every quantity of a sentence's words.
    pub(crate) fn scan(&self, w: &Words, out: &mut Vec<Found>) {
        let n = w.text.len();
        let mut i = 0;
        while i < n {
            if !maybe_number(w, i) {
                i += 1;
                continue;
            }
            let Some(num) = self.number_at(w, i) else {
                // hyphenated `six-year` is a duration
                if let Some(found) = self.hyphen_duration(w, i) {
                    out.push(found);
                }
                i += 1;
                continue;
            };
            if self.excluded(w, &num) {
                i = num.end.max(i + 1);
                continue;
            }
            let found = self.complete(w, &num, out.last());
            i = found.as_ref().map_or(num.end, |f| f.end).max(i + 1);
            if let Some(f) = found {
                out.push(f);
            }
        }
    }

    /// `six-year term`, `72-hour deadline`.
    fn hyphen_duration(&self, w: &Words, i: usize) -> Option<Found> {
        let word = w.text[i];
        if w.kind[i] == TokenKind::Word {
            let (num, unit) = word.split_once('-')?;
            let value = self.cardinal(num)?;
            let unit = self.after_unit_word(unit)?;
            return Some(Found {
                first: i,
                end: i + 1,
                noun: (i + 1, i + 1),
                value,
                bound: Bound::Exact,
                unit: Some(unit.to_string()),
                kind: QuantityKind::Duration,
            });
        }
        if w.kind[i] == TokenKind::Number
            && w.text.get(i + 1) == Some(&"-")
            && w.glued.get(i + 1) == Some(&true)
        {
            let value: f64 = word.replace(',', "").parse().ok()?;
            let unit = self.after_unit_word(w.text.get(i + 2)?)?;
            return Some(Found {
                first: i,
                end: i + 3,
                noun: (i + 3, i + 3),
                value,
                bound: Bound::Exact,
                unit: Some(unit.to_string()),
                kind: QuantityKind::Duration,
            });
        }
        None
    }

    /// The duration unit of a single word (`year`, `hours`).
    fn after_unit_word(&self, word: &str) -> Option<&'static str> {
        self.after
            .iter()
            .find(|u| {
                u.kind == QuantityKind::Duration
                    && u.words.len() == 1
                    && word.eq_ignore_ascii_case(u.words[0])
            })
            .map(|u| u.unit)
    }

    /// Extends a number to its bound, currency, unit and noun, and reads its kind.
    fn complete(&self, w: &Words, num: &Number, last: Option<&Found>) -> Option<Found> {
        let previous = last.map(|f| f.kind);
        let n = w.text.len();
        let mut first = num.first;
        let mut end = num.end;
        let mut unit: Option<String> = None;
        let mut kind: Option<QuantityKind> = None;

        // a currency before: `$65billion`, `US$1.2bn`, `Rs 500`
        for u in &self.before {
            // case counts here: `A $` is Australian, `a $50 fine` is not
            let n_words = u.words.len();
            if first >= n_words && w.text[first - n_words..first] == u.words[..] {
                first -= u.words.len();
                unit = Some(u.unit.to_string());
                kind = Some(u.kind);
                break;
            }
        }
        // a bound before: `at least`, `more than`
        let mut bound = if num.vague {
            Bound::AtLeast
        } else {
            Bound::Exact
        };
        for (words, b) in &self.modifiers {
            if ends_with(&w.text[..first], words) {
                // `over` after a verb of motion is a preposition only before a place
                first -= words.len();
                bound = *b;
                break;
            }
        }
        // a range `between 30 and 40`, `30 to 40`
        if end + 1 < n && matches!(w.text[end], "and" | "to" | "-") {
            let ranged = (num.first > 0
                && w.text[num.first - 1].eq_ignore_ascii_case("between")
                && w.text[end] == "and")
                || (w.text[end] != "and"
                    && !(num.first > 0 && w.text[num.first - 1].eq_ignore_ascii_case("from")));
            if ranged {
                if let Some(other) = self.number_at(w, end + 1) {
                    if !other.weak && other.value > num.value {
                        end = other.end;
                        if num.first > 0
                            && w.text[num.first - 1].eq_ignore_ascii_case("between")
                            && first == num.first
                        {
                            first -= 1;
                        }
                        if bound == Bound::Exact {
                            bound = Bound::AtLeast;
                        }
                    }
                }
            }
        }
        // `48-hour strike`
        if kind.is_none() && w.text.get(end) == Some(&"-") && w.glued.get(end) == Some(&true) {
            if let Some(u) = w.text.get(end + 1).and_then(|t| self.after_unit_word(t)) {
                end += 2;
                unit = Some(u.to_string());
                kind = Some(QuantityKind::Duration);
            }
        }
        // a unit after: `euros`, `percent`, `hours`
        if kind.is_none() {
            for u in &self.after {
                if starts_with(&w.text[end..], &u.words) {
                    // `500 pounds of explosives` is a weight
                    if u.words == ["pounds"] && w.text.get(end + 1) == Some(&"of") {
                        continue;
                    }
                    // `two years ago` is a date, not a duration
                    if u.kind == QuantityKind::Duration
                        && w.text.get(end + u.words.len()) == Some(&"ago")
                    {
                        return None;
                    }
                    end += u.words.len();
                    unit = Some(u.unit.to_string());
                    kind = Some(u.kind);
                    break;
                }
            }
        }
        let value = num.value;
        if let Some(kind) = kind {
            if num.weak && !matches!(kind, QuantityKind::Duration) {
                return None;
            }
            if num.weak && w.text[num.first].eq_ignore_ascii_case("a") {
                return None; // `a year`, `a day`
            }
            return Some(Found {
                first,
                end,
                noun: (end, end),
                value,
                bound,
                unit,
                kind,
            });
        }

        // the counted noun: `of` after a vague or scaled number, then up to four words
        let mut j = end;
        if num.scaled && w.text.get(j) == Some(&"of") {
            j += 1;
            if w.text
                .get(j)
                .is_some_and(|t| lower_eq(t, &["the", "them", "those"]))
            {
                j += 1;
            }
        }
        // `57 of the wounded`: the noun after `of the` says what is counted
        let mut of_kind = None;
        if !num.scaled
            && w.text.get(j) == Some(&"of")
            && w.text
                .get(j + 1)
                .is_some_and(|t| lower_eq(t, &["the", "those"]))
        {
            of_kind = self.cue_at(w, j + 2, CuePosition::Noun).map(|c| c.0);
        }
        // `millions of dollars`, `billions of euros`
        if j > end {
            for u in &self.after {
                if u.kind == QuantityKind::Money && starts_with(&w.text[j..], &u.words) {
                    return Some(Found {
                        first,
                        end: j + u.words.len(),
                        noun: (j, j),
                        value,
                        bound,
                        unit: Some(u.unit.to_string()),
                        kind: QuantityKind::Money,
                    });
                }
            }
        }
        let noun_first = j;
        while j < n && j < noun_first + 4 {
            let t = w.text[j];
            let participle = t.len() > 5 && t.ends_with("ing") && !is_capitalised(t);
            if w.kind[j] != TokenKind::Word
                || participle
                || lower_eq(t, NOUN_STOPS)
                || self.cue_at(w, j, CuePosition::After).is_some()
            {
                break;
            }
            j += 1;
            // a plural ends the phrase (`soldiers took part` counts soldiers) unless another
            // follows it (`police officers`)
            if num.value != 1.0
                && is_plural(t)
                && !w.text.get(j).is_some_and(|x| {
                    is_plural(x)
                        && self.cue_at(w, j, CuePosition::After).is_none()
                        && !lower_eq(x, NOUN_STOPS)
                })
            {
                break;
            }
        }
        let noun = (noun_first, j);
        let head = (noun.1 > noun.0).then(|| w.text[noun.1 - 1]);

        // the verb after the noun (past auxiliaries and a coordinated `and two others`)
        let mut after_kind = None;
        let mut k = noun.1;
        let mut aux = false;
        let mut hops = 0;
        while k < n && hops < 6 {
            let t = w.text[k];
            if let Some((cue_kind, len)) = self.cue_at(w, k, CuePosition::After) {
                let transitive = lower_eq(t, TRANSITIVE);
                let object_follows = w.text.get(k + len).is_some_and(|x| {
                    w.kind[k + len] == TokenKind::Number
                        || self.role(x).is_some()
                        || lower_eq(
                            x,
                            &[
                                "a", "an", "the", "his", "her", "their", "its", "at", "more",
                                "some", "several", "many",
                            ],
                        )
                });
                if !transitive || aux || !object_follows {
                    after_kind = Some(cue_kind);
                }
                break;
            }
            if lower_eq(t, AUXILIARIES) {
                aux = aux
                    || !lower_eq(
                        t,
                        &[
                            "also",
                            "reportedly",
                            "allegedly",
                            "all",
                            "later",
                            "who",
                            "people",
                            "others",
                            "of",
                            "them",
                            "so",
                            "far",
                            "now",
                            "confirmed",
                            "more",
                            "other",
                        ],
                    );
                k += 1;
                hops += 1;
                continue;
            }
            // `children under 5 were killed`, `men aged 18 to 60`: an age is no verb
            if lower_eq(t, &["under", "over", "aged"])
                && w.text.get(k + 1).is_some_and(|x| {
                    w.kind[k + 1] == TokenKind::Number || self.cardinal(x).is_some()
                })
            {
                k += 2;
                hops += 1;
                continue;
            }
            // `two soldiers and a civilian were killed`
            if t == "and" && hops < 3 {
                if let Some(other) = self.number_at(w, k + 1) {
                    let mut m = other.end;
                    while m < n
                        && m < other.end + 3
                        && w.kind[m] == TokenKind::Word
                        && !lower_eq(w.text[m], NOUN_STOPS)
                        && self.cue_at(w, m, CuePosition::After).is_none()
                    {
                        m += 1;
                    }
                    if m == other.end {
                        // `five soldiers and eight were wounded`: the bare number is its own subject
                        break;
                    }
                    k = m;
                    hops += 1;
                    continue;
                }
            }
            break;
        }

        // a cue before: `killing`, `the death toll rose to`, `arrested`
        let mut before_kind = None;
        let lo = first.saturating_sub(7);
        let mut b = first;
        while b > lo {
            b -= 1;
            let t = w.text[b];
            // the verb of another clause, or of the figure before an `and`, is not this one's
            if matches!(t, "," | ";" | ":" | "." | "(" | ")")
                || w.kind[b] == TokenKind::Number
                || lower_eq(t, CLAUSE_STOPS)
            {
                break;
            }
            // `shot dead four men at a checkpoint`: a place's phrase is not the verb's object
            if b + 1 == first && lower_eq(t, PLACE_PREPOSITIONS) {
                break;
            }
            if let Some(cue_kind) = self.before_cue_ending(w, b + 1) {
                before_kind = Some(cue_kind);
                break;
            }
        }

        let noun_kind = head.and_then(|_| {
            (noun.0..noun.1)
                .rev()
                .find_map(|m| self.cue_at(w, m, CuePosition::Noun).map(|c| c.0))
        });
        let mut kind = after_kind.or(before_kind).or(noun_kind).or(of_kind);
        // `the death toll ... rose to 31`
        if kind.is_none()
            && first >= 2
            && lower_eq(w.text[first - 1], &["to", "at"])
            && lower_eq(
                w.text[first - 2],
                &[
                    "rose",
                    "risen",
                    "climbed",
                    "jumped",
                    "reached",
                    "stood",
                    "increased",
                    "risen",
                ],
            )
        {
            let lo = first.saturating_sub(16);
            if w.text[lo..first]
                .iter()
                .any(|t| t.eq_ignore_ascii_case("toll"))
            {
                kind = Some(QuantityKind::Killed);
            }
        }
        // `killed 21 people, including seven children`: a part shares the toll's kind
        if kind.is_none()
            && num.first > 0
            && w.text[num.first - 1].eq_ignore_ascii_case("including")
        {
            if let Some(
                k @ (QuantityKind::Killed | QuantityKind::Injured | QuantityKind::Arrested),
            ) = previous
            {
                kind = Some(k);
            }
        }
        // `four died in A and three in B`: a bare number coordinated with a toll shares its kind
        let bare = head.is_none_or(|h| lower_eq(h, &["others", "more"]));
        if kind.is_none()
            && bare
            && num.first > 0
            && lower_eq(
                w.text[num.first - 1],
                &["and", ",", "while", "another", "with"],
            )
        {
            if let Some(k @ (QuantityKind::Killed | QuantityKind::Injured)) = previous {
                kind = Some(k);
            }
        }
        // `killing four soldiers and two civilians`: the second object of the same verb
        if kind.is_none()
            && num.first > 0
            && lower_eq(w.text[num.first - 1], &["and", ","])
            && last.is_some_and(|f| f.end.max(f.noun.1) + 1 == num.first)
        {
            if let Some(
                k @ (QuantityKind::Killed | QuantityKind::Injured | QuantityKind::Arrested),
            ) = previous
            {
                kind = Some(k);
            }
        }
        if num.weak {
            // `one` and `a` count only dead, hurt or held people: `killing a soldier`
            // and `a wounded protester` describes, it does not count
            match kind {
                Some(QuantityKind::Killed | QuantityKind::Injured | QuantityKind::Arrested)
                    if before_kind.is_some() || (head.is_some() && after_kind.is_some()) => {}
                _ => return None,
            }
        }
        let kind = kind.unwrap_or(QuantityKind::Count);
        let unit = head
            .filter(|h| {
                !lower_eq(
                    h,
                    &["dead", "wounded", "injured", "killed", "others", "more"],
                )
            })
            .map(singular);
        if kind == QuantityKind::Count
            && head.is_none()
            && !num.vague
            && w.kind[num.first] == TokenKind::Word
        {
            // a bare number word with nothing counted: `the two`, `one of`
            if w.text.get(end) != Some(&"of") {
                return None;
            }
        }
        Some(Found {
            first,
            end,
            noun,
            value,
            bound,
            unit,
            kind,
        })
    }

    /// A kind cue of `position` starting at token `k`: its kind and length.
    fn cue_at(&self, w: &Words, k: usize, position: CuePosition) -> Option<(QuantityKind, usize)> {
        if position != CuePosition::Before && !w.text.get(k).is_some_and(|t| self.may_start_cue(t))
        {
            return None;
        }
        self.kinds
            .iter()
            .filter(|c| c.position == position)
            .find(|c| starts_with(&w.text[k..], &c.words))
            .map(|c| (c.kind, c.words.len()))
    }

    /// A `before` cue ending just before token `end`.
    fn before_cue_ending(&self, w: &Words, end: usize) -> Option<QuantityKind> {
        if end == 0 || !self.may_end_cue(w.text[end - 1]) {
            return None;
        }
        self.kinds
            .iter()
            .filter(|c| c.position == CuePosition::Before)
            .find(|c| ends_with(&w.text[..end], &c.words))
            .map(|c| c.kind)
    }
}

/// The singular of a counted noun, lowercase: `protesters` -> `protester`, `guardsmen` ->
/// `guardsman`, `people` stays.
pub(crate) fn singular(word: &str) -> String {
    let w = word.to_lowercase();
    if matches!(
        w.as_str(),
        "people" | "police" | "personnel" | "staff" | "news"
    ) {
        return w;
    }
    if let Some(stem) = w.strip_suffix("men") {
        return format!("{stem}man");
    }
    if w == "children" {
        return "child".to_string();
    }
    if let Some(stem) = w.strip_suffix("ies") {
        return format!("{stem}y");
    }
    if w.ends_with("sses") || w.ends_with("ches") || w.ends_with("shes") || w.ends_with("xes") {
        return w[..w.len() - 2].to_string();
    }
    if w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && w.len() > 3 {
        return w[..w.len() - 1].to_string();
    }
    w
}

/// True unless token `i` is surely no number: most words, decided by the role found when the
/// sentence was read, a hyphen, or the first letter of the few words that lead a number (`a
/// dozen`, `several hundred`, `few`, `half a million`).
fn maybe_number(w: &Words, i: usize) -> bool {
    if w.kind[i] != TokenKind::Word || w.role[i].is_some() {
        return true;
    }
    let word = w.text[i];
    let lead = word.len() <= 7
        && matches!(word.as_bytes()[0] | 0x20, b'a' | b's' | b'f' | b'h')
        && lower_eq(word, &["a", "an", "several", "few", "half"]);
    lead || word.contains('-')
}

/// True for a word that reads as a plural noun (`soldiers`, `guardsmen`, `people`).
fn is_plural(word: &str) -> bool {
    lower_eq(
        word,
        &[
            "people",
            "police",
            "children",
            "staff",
            "personnel",
            "troops",
            "dead",
            "wounded",
            "injured",
            "youths",
            "cattle",
            "livestock",
        ],
    ) || word.ends_with("men")
        || (word.ends_with('s')
            && !word.ends_with("ss")
            && !word.ends_with("us")
            && !word.ends_with("'s")
            && word.len() > 3)
}
