//! Finding candidate mentions in a sentence's tokens: gazetteer names, titles, role nouns and
//! capitalised runs that no lexicon knows.

use newsgraph_doc::{Token, TokenKind};

use crate::fold::fold_into;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::lexicon::{ActorLexicon, Agent, Head, Hit, Title};

/// A title seen before a name: `President`, `opposition leader`, `Gen.`.
#[derive(Clone, Debug)]
pub(crate) struct TitleCue {
    pub title: Title,
    /// The title's lowercase words, for linking "the president" later.
    pub key: Box<str>,
    /// The country a preceding adjective or possessive gave it: `Turkish President`.
    pub country: Option<Box<str>>,
}

/// What a candidate mention is.
#[derive(Clone, Debug)]
pub(crate) enum What {
    /// A gazetteer name with its possible meanings.
    Named(Vec<Hit>),
    /// A role noun, with the country a preceding adjective or possessive gave it.
    Agent {
        agent: Agent,
        phrase: Box<str>,
        country: Option<Box<str>>,
        /// The role noun is capitalised: `the National Guard`.
        proper: bool,
    },
    /// A capitalised run no lexicon knows, typed from its cues (or not at all).
    Unknown(Option<RunType>),
    /// `the president`: a title standing for a person named before.
    RoleRef(Box<str>),
    /// `the country`.
    CountryRef,
}

/// The type of a capitalised run, from its cues.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum RunType {
    Person,
    Org,
    Loc,
    Gpe,
}

/// One candidate mention: tokens `[start, end)` (document token indexes).
#[derive(Clone, Debug)]
pub(crate) struct Cand {
    pub start: usize,
    pub end: usize,
    pub what: What,
    pub title: Option<TitleCue>,
    /// Needs support from elsewhere in the article before it counts: a lone capitalised word at
    /// a sentence start, or any unknown name in a headline or an all-caps line.
    pub deferred: bool,
    /// Preceded by a place cue: `in`, `near`, `the city of`.
    pub place_cue: bool,
    /// The next token is `'s`.
    pub possessive: bool,
    /// Followed by a verb-like lowercase word: `Washington warned`, `Moscow has`.
    pub acts: bool,
    /// An abbreviation in brackets right after the name it abbreviates:
    /// `Law Society of Kenya (LSK)`.
    pub acronym: bool,
}

impl Cand {
    /// A candidate with no title, cue or flag.
    fn new(start: usize, end: usize, what: What) -> Self {
        Cand {
            start,
            end,
            what,
            title: None,
            deferred: false,
            place_cue: false,
            possessive: false,
            acts: false,
            acronym: false,
        }
    }
}

/// Words before a name that make it a place.
const PLACE_CUES: &[&str] = &[
    "across", "around", "at", "from", "in", "inside", "into", "near", "outside", "toward",
    "towards", "via", "visit", "visited", "visiting", "visits", "to",
];

/// Nouns that, followed by `of`, introduce a place name: `the city of Goma`.
const PLACE_NOUNS: &[&str] = &[
    "capital", "city", "county", "district", "port", "province", "region", "state", "town",
    "village",
];

/// Lowercase words that may sit inside a capitalised name: `Bank of England`, `Gulf of Aden`.
const CONNECTORS: &[&str] = &[
    "al", "bin", "da", "das", "de", "del", "der", "di", "dos", "du", "el", "ibn", "la", "le", "of",
    "van", "von", "y",
];

/// Lowercase words after a capital that do not make it act: `Washington and`, `Caracas in`.
const NOT_VERBS: &[&str] = &[
    "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor", "of", "on", "or", "than",
    "to", "where", "which", "who", "with",
];

pub(crate) struct Scanner<'a> {
    pub lex: &'a ActorLexicon,
    pub text: &'a str,
    pub tokens: &'a [Token],
    buf: String,
}

fn is_word(t: &Token) -> bool {
    matches!(t.kind, TokenKind::Word | TokenKind::Number)
}

fn starts_upper(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// All letters upper case and at least two of them: `NATO`, `CARACAS`.
fn all_caps(w: &str) -> bool {
    let mut letters = 0;
    for c in w.chars() {
        if c.is_lowercase() {
            return false;
        }
        letters += usize::from(c.is_alphabetic());
    }
    letters >= 2
}

impl<'a> Scanner<'a> {
    pub fn new(lex: &'a ActorLexicon, text: &'a str, tokens: &'a [Token]) -> Self {
        Scanner {
            lex,
            text,
            tokens,
            buf: String::with_capacity(64),
        }
    }

    fn word(&self, i: usize) -> &'a str {
        &self.text[self.tokens[i].span]
    }

    fn lower_is(&self, i: usize, words: &[&str]) -> bool {
        let w = self.word(i);
        words.iter().any(|x| w.eq_ignore_ascii_case(x))
    }

    /// True when more than half the words of `[start, end)` are in capitals: a shouted line.
    pub fn shouting(&self, start: usize, end: usize) -> bool {
        let (mut caps, mut words) = (0, 0);
        for i in start..end {
            let w = self.word(i);
            if self.tokens[i].kind == TokenKind::Word && w.len() > 1 {
                words += 1;
                caps += usize::from(all_caps(w));
            }
        }
        words >= 2 && caps * 2 > words
    }

    /// The longest gazetteer name at `i` within `[i, end)`: its length in tokens and meanings.
    ///
    /// The key grows one token at a time and the walk stops as soon as no name starts with
    /// it, so most tokens cost one lookup.
    fn match_name(&mut self, i: usize, end: usize, shout: bool) -> Option<(usize, &'a [Hit])> {
        let lex: &'a ActorLexicon = self.lex;
        let first = self.word(i);
        self.buf.clear();
        fold_into(first, &mut self.buf);
        // Exact first; a word in capitals (`KYIV`, or any word of a shouted line) is also
        // tried in title case.
        let mut recased = false;
        if !lex.name_prefixes.contains(self.buf.as_str()) {
            if !(all_caps(first) && (first.len() >= 4 || shout)) {
                return None;
            }
            title_case_in_place(&mut self.buf);
            if !lex.name_prefixes.contains(self.buf.as_str()) {
                return None;
            }
            recased = true;
        }
        let mut best = None;
        let mut j = i;
        loop {
            if let Some(hits) = lex.names.get(self.buf.as_str()) {
                best = Some((j + 1 - i, hits.as_slice()));
            }
            j += 1;
            if j >= end || !(is_word(&self.tokens[j]) || self.tokens[j].kind == TokenKind::Punct) {
                break;
            }
            if self.tokens[j - 1].span.end < self.tokens[j].span.start {
                self.buf.push(' ');
            }
            let from = self.buf.len();
            fold_into(self.word(j), &mut self.buf);
            if recased {
                let mut word = self.buf.split_off(from);
                title_case_in_place(&mut word);
                self.buf.push_str(&word);
            }
            if !lex.name_prefixes.contains(self.buf.as_str()) {
                break;
            }
        }
        best
    }

    /// The longest lowercase phrase of `map` at `i`, growing while `prefixes` allows.
    fn match_lower<T>(
        &mut self,
        i: usize,
        end: usize,
        prefixes: &FxHashSet<Box<str>>,
        map: &'a FxHashMap<Box<str>, T>,
    ) -> Option<(usize, &'a T, &'a str)> {
        self.buf.clear();
        self.buf.push_str(self.word(i));
        self.buf.make_ascii_lowercase();
        let mut best = None;
        let mut j = i;
        while prefixes.contains(self.buf.as_str()) {
            if let Some((k, v)) = map.get_key_value(self.buf.as_str()) {
                best = Some((j + 1 - i, v, &**k));
            }
            j += 1;
            if j >= end || !(is_word(&self.tokens[j]) || self.word(j) == ".") {
                break;
            }
            if self.tokens[j - 1].span.end < self.tokens[j].span.start {
                self.buf.push(' ');
            }
            let from = self.buf.len();
            self.buf.push_str(self.word(j));
            self.buf[from..].make_ascii_lowercase();
        }
        best
    }

    /// The end of a capitalised run starting at `i`.
    fn run_end(&self, i: usize, end: usize) -> usize {
        let mut j = i + 1;
        while j < end {
            let w = self.word(j);
            let kind = self.tokens[j].kind;
            // A stop word can end a name only when it is also a head: `Federal Police`.
            let stop = self.lex.stops.contains(w) && !self.lex.heads.contains_key(w);
            if kind == TokenKind::Word && is_name_word(w) && !stop {
                j += 1;
                continue;
            }
            // Connectors (`of`, `von der`, `for the`, `and`) and possessive marks
            // (`People's`, `Workers'`) may sit inside a name when a capitalised word follows.
            let mut k = j;
            while k < end && k - j < 3 {
                let c = self.word(k);
                let inner = CONNECTORS.contains(&c)
                    || matches!(c, "for" | "and" | "&" | "the")
                    || (k == j && is_possessive_mark(self.tokens[k].kind, c));
                if !inner {
                    break;
                }
                k += 1;
            }
            let joins = k > j
                && k < end
                && self.tokens[k].kind == TokenKind::Word
                && is_name_word(self.word(k))
                && !self.lex.stops.contains(self.word(k))
                && self.word(j) != "the";
            if joins {
                j = k + 1;
            } else {
                break;
            }
        }
        j
    }

    /// Cuts a run that is not a typed organisation or place at its first `and`, `for`, `&` or
    /// possessive mark: `Smith and Jones` are two people; `Workers' Party` stays whole.
    fn trim_run(&self, s: usize, e: usize) -> usize {
        if matches!(
            self.run_type(s, e, false),
            Some(RunType::Org | RunType::Loc | RunType::Gpe)
        ) {
            return e;
        }
        (s + 1..e)
            .find(|&j| {
                let w = self.word(j);
                matches!(w, "and" | "for" | "&" | "the")
                    || is_possessive_mark(self.tokens[j].kind, w)
            })
            .unwrap_or(e)
    }

    /// The type of an unknown capitalised run `[s, e)` from its own words and the words around
    /// it.
    fn run_type(&self, s: usize, e: usize, titled: bool) -> Option<RunType> {
        let last = self.word(e - 1);
        match self.lex.heads.get(last) {
            Some(Head::Org) => return Some(RunType::Org),
            Some(Head::Loc) => return Some(RunType::Loc),
            Some(Head::Gpe) => return Some(RunType::Gpe),
            _ => {}
        }
        // `Bank of England`, `University of Nairobi`, `Ministry of Defence`.
        for j in s + 1..e.saturating_sub(1) {
            if self.word(j) == "of" && self.lex.heads.get(self.word(j - 1)) == Some(&Head::Org) {
                return Some(RunType::Org);
            }
        }
        match self.lex.heads.get(self.word(s)) {
            Some(Head::LocFirst) if e - s >= 2 => return Some(RunType::Loc),
            Some(Head::GpeFirst) if e - s >= 2 => return Some(RunType::Gpe),
            _ => {}
        }
        if titled {
            return Some(RunType::Person);
        }
        let words = e - s;
        if (2..=4).contains(&words) && self.is_first_name(self.word(s)) {
            return Some(RunType::Person);
        }
        if s >= 2 && self.lower_is(s - 1, &["of"]) && self.lower_is(s - 2, PLACE_NOUNS) {
            return Some(RunType::Gpe);
        }
        if e < self.tokens.len()
            && self.lower_is(e, &["province", "state", "region", "district", "county"])
        {
            return Some(RunType::Gpe);
        }
        if (2..=3).contains(&words)
            && e < self.tokens.len()
            && self.lower_is(e, &["said", "says", "told", "added", "wrote", "explained"])
        {
            return Some(RunType::Person);
        }
        if (2..=3).contains(&words)
            && s >= 2
            && self.lower_is(s - 1, &["to"])
            && self.lower_is(s - 2, &["according"])
        {
            return Some(RunType::Person);
        }
        None
    }

    fn is_first_name(&self, w: &str) -> bool {
        if w.is_ascii() {
            return self.lex.first_names.contains(w);
        }
        let mut folded = String::with_capacity(w.len());
        fold_into(w, &mut folded);
        self.lex.first_names.contains(folded.as_str())
    }

    fn place_cue(&self, s: usize, first: usize) -> bool {
        (s > first && self.lower_is(s - 1, PLACE_CUES))
            || (s >= first + 2
                && self.lower_is(s - 1, &["of"])
                && self.lower_is(s - 2, PLACE_NOUNS))
    }

    fn acts(&self, e: usize, end: usize) -> bool {
        if e >= end {
            return false;
        }
        let t = &self.tokens[e];
        let w = self.word(e);
        t.kind == TokenKind::Word
            && w.chars().next().is_some_and(char::is_lowercase)
            && !NOT_VERBS.contains(&w)
    }

    fn possessive(&self, e: usize, end: usize) -> bool {
        e < end && self.tokens[e].kind == TokenKind::Clitic && {
            let w = self.word(e);
            w.ends_with('s') || w.ends_with('S')
        }
    }

    /// The country of a name right before token `i`: an adjective (`Turkish President`) or a
    /// possessive (`Kenya's parliament`), from the candidates found so far.
    fn country_before(&self, cands: &[Cand], i: usize) -> Option<(Box<str>, bool)> {
        let last = cands.last()?;
        let (adjacent, possessive) = if last.end == i {
            (true, false)
        } else if last.end + 1 == i && self.possessive(last.end, i) {
            (true, true)
        } else {
            (false, false)
        };
        if !adjacent {
            return None;
        }
        let What::Named(hits) = &last.what else {
            return None;
        };
        hits.iter().find_map(|h| {
            let entry = self.lex.entry(h.entry);
            let country_like = entry.kind == crate::lexicon::EntryKind::Country;
            let adjective = h.form == crate::lexicon::Form::Adjective;
            (country_like && (adjective || possessive)).then(|| {
                (
                    entry.country.clone().unwrap_or_default(),
                    adjective && !possessive,
                )
            })
        })
    }

    /// Scans the tokens `[start, end)` of one sentence and appends its candidates.
    pub fn sentence(&mut self, start: usize, end: usize, headline: bool, cands: &mut Vec<Cand>) {
        let shout = self.shouting(start, end);
        let first_word = (start..end)
            .find(|&i| is_word(&self.tokens[i]))
            .unwrap_or(end);
        let mut title: Option<TitleCue> = None;
        let mut i = start;
        while i < end {
            let token = self.tokens[i];
            if !is_word(&token) {
                title = None;
                i += 1;
                continue;
            }
            let w = self.word(i);
            let upper = is_name_word(w);
            let initial = i == first_word;

            // A name the gazetteer knows, unless a longer capitalised run that reads as an
            // organisation or a person covers it (`Kenya Defence Forces`, `Jordan Peele`).
            let named = if upper {
                self.match_name(i, end, shout)
            } else {
                None
            };
            let run = (upper && !shout).then(|| self.run_end(i, end));
            if let Some((len, hits)) = named {
                let run_wins = run.is_some_and(|r| {
                    r - i > len
                        && !(i..r).any(|j| is_possessive_mark(self.tokens[j].kind, self.word(j)))
                        && (only_places(self.lex, hits)
                            || matches!(
                                self.run_type(i, r, false),
                                Some(RunType::Org | RunType::Loc)
                            ))
                });
                if !run_wins {
                    let e = i + len;
                    let cand = Cand {
                        start: i,
                        end: e,
                        what: What::Named(hits.to_vec()),
                        title: title.take(),
                        deferred: false,
                        place_cue: self.place_cue(i, first_word),
                        possessive: self.possessive(e, end),
                        acts: self.acts(e, end),
                        acronym: false,
                    };
                    cands.push(cand);
                    i = e;
                    continue;
                }
            }

            // A title before a name: `President`, `opposition leader`, `Gen.`.
            let lex = self.lex;
            if let Some((len, t, key)) = self.match_lower(i, end, &lex.title_prefixes, &lex.titles)
            {
                let next = i + len;
                let name_follows = next < end
                    && self.tokens[next].kind == TokenKind::Word
                    && starts_upper(self.word(next))
                    && !lex.stops.contains(self.word(next));
                if name_follows {
                    let country = self.country_before(cands, i).map(|(c, _)| c);
                    title = Some(TitleCue {
                        title: t.clone(),
                        key: key.into(),
                        country,
                    });
                    i = next;
                    continue;
                }
                // `the president`, once a president has been named.
                let the = i > start && self.lower_is(i - 1, &["the"]);
                if the && !t.honorific && !upper {
                    cands.push(Cand::new(i, next, What::RoleRef(key.into())));
                    i = next;
                    continue;
                }
            }

            // A role noun: `riot police`, `the Supreme Court`, `Venezuelan troops`.
            if let Some((len, agent, phrase)) =
                self.match_lower(i, end, &lex.agent_prefixes, &lex.agents)
            {
                let proper = upper && !initial && agent.institution;
                let before = self.country_before(cands, i);
                let mut s = i;
                let country = before.map(|(country, adjective)| {
                    // `Kenyan police` is one mention; `Venezuela's Supreme Court` two.
                    if adjective && !proper {
                        if let Some(adj) = cands.pop() {
                            s = adj.start;
                        }
                    }
                    country
                });
                let e = i + len;
                let what = What::Agent {
                    agent: agent.clone(),
                    phrase: phrase.into(),
                    country,
                    proper,
                };
                cands.push(Cand {
                    possessive: self.possessive(e, end),
                    acts: self.acts(e, end),
                    ..Cand::new(s, e, what)
                });
                title = None;
                i = e;
                continue;
            }

            if !upper
                && w.eq_ignore_ascii_case("country")
                && i > start
                && self.lower_is(i - 1, &["the"])
            {
                cands.push(Cand::new(i - 1, i + 1, What::CountryRef));
                i += 1;
                continue;
            }

            // A capitalised run no lexicon knows. A stop word (`The`, `Despite`) is passed
            // over, and the scan goes on from the next word: `The Kremlin`.
            if upper && lex.stops.contains(w) {
                title = None;
                i += 1;
                continue;
            }
            if let Some(e) = run {
                let s = i;
                let mut e = self.trim_run(s, e);
                // A run ends before a name the gazetteer knows: `Defence Minister` `Maduro`.
                if s < e {
                    let whole = self.run_type(s, e, false);
                    if !matches!(whole, Some(RunType::Org | RunType::Loc | RunType::Gpe)) {
                        for j in s + 1..e {
                            let known = self.match_name(j, end, false);
                            if known.is_some_and(|(_, hits)| !only_places(lex, hits)) {
                                e = j;
                                break;
                            }
                        }
                    }
                    let run_type = self.run_type(s, e, title.is_some()).or_else(|| {
                        // An unknown acronym is an organisation: `CGT`, `M23`.
                        (e - s == 1 && !shout && is_acronym(self.word(s))).then_some(RunType::Org)
                    });
                    let lone_initial = s == first_word && e - s == 1;
                    let acronym = e - s == 1
                        && s > start + 1
                        && e < end
                        && all_caps(self.word(s))
                        && self.word(s - 1) == "("
                        && self.word(e) == ")"
                        && cands.last().is_some_and(|c| c.end + 1 == s);
                    cands.push(Cand {
                        start: s,
                        end: e,
                        what: What::Unknown(run_type),
                        title: title.take(),
                        deferred: headline || lone_initial,
                        place_cue: self.place_cue(s, first_word),
                        possessive: self.possessive(e, end),
                        acts: self.acts(e, end),
                        acronym,
                    });
                }
                i = e.max(i + 1);
                continue;
            }
            title = None;
            i += 1;
        }
    }
}

/// A word that can be part of a name: capitalised, or a lowercase particle joined to a
/// capitalised name (`al-Burhan`, `el-Sisi`, `bin-Salman`).
fn is_name_word(w: &str) -> bool {
    if starts_upper(w) {
        return true;
    }
    match w.split_once('-') {
        Some((particle, rest)) => {
            matches!(
                particle,
                "al" | "el" | "ad" | "ash" | "as" | "at" | "bin" | "ibn" | "abu"
            ) && starts_upper(rest)
        }
        None => false,
    }
}

/// `'s` or a bare apostrophe after a plural: the mark inside `People's Defence Force`.
fn is_possessive_mark(kind: TokenKind, w: &str) -> bool {
    (kind == TokenKind::Clitic && (w == "'s" || w == "\u{2019}s"))
        || (kind == TokenKind::Punct && (w == "'" || w == "\u{2019}"))
}

/// An acronym: three or more capitals, or capitals with digits (`M23`, `G7`).
fn is_acronym(w: &str) -> bool {
    let letters = w.bytes().filter(u8::is_ascii_uppercase).count();
    let digits = w.bytes().filter(u8::is_ascii_digit).count();
    let only = w
        .bytes()
        .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
    only && (letters >= 3 || (letters >= 1 && digits >= 1))
}

/// True when every meaning of a name is a city or region: a weak reading that a longer
/// capitalised run overrides (`Joaquim Sousa`, where `Sousa` is also a town).
fn only_places(lex: &ActorLexicon, hits: &[Hit]) -> bool {
    use crate::lexicon::EntryKind;
    hits.iter()
        .all(|h| matches!(lex.entry(h.entry).kind, EntryKind::City | EntryKind::Region))
}

/// `CARACAS` → `Caracas`, in place, for looking up names in shouted lines.
fn title_case_in_place(s: &mut String) {
    let mut out = String::with_capacity(s.len());
    let mut at_start = true;
    for c in s.chars() {
        if at_start {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
        at_start = !c.is_alphabetic();
    }
    *s = out;
}
