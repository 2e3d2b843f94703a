//! Finding candidate mentions in a sentence's tokens: gazetteer names, titles, role nouns and
//! capitalised runs that no lexicon knows.

use newsgraph_doc::{Token, TokenKind};

use crate::fold::fold_into;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::lexicon::{ActorLexicon, Agent, Head, Hit, Title, WordInfo};

/// A title seen before a name: `President`, `opposition leader`, `Gen.`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct TitleCue<'a> {
    pub title: &'a Title,
    /// The title's lowercase words, for linking "the president" later.
    pub key: &'a str,
    /// The country a preceding adjective or possessive gave it: `Turkish President`.
    pub country: Option<&'a str>,
    /// The organisation right before it, as an index into the article's candidates:
    /// `Amnesty International director`, `NUM general secretary`.
    pub org: Option<usize>,
    /// True when no adjective or possessive before the title gave `country` (it is the one
    /// country the sentence named before the title, or none), so that `of Portugal` after the
    /// name may give it.
    pub guessed: bool,
}

/// What a candidate mention is.
#[derive(Clone, Copy, Debug)]
pub(crate) enum What<'a> {
    /// A gazetteer name with its possible meanings.
    Named(&'a [Hit]),
    /// A role noun, with the country a preceding adjective or possessive gave it.
    Agent {
        agent: &'a Agent,
        phrase: &'a str,
        country: Option<&'a str>,
        /// The role noun is capitalised: `the National Guard`.
        proper: bool,
        /// The organisation whose role it is, as an index into the article's candidates:
        /// `the ICC's prosecutor`, `Amnesty's researchers` stand for the organisation.
        owner: Option<usize>,
        /// False when the words before say the people are of some other state (`other
        /// European governments`, `foreign diplomats`): no country unless one is named.
        home: bool,
        /// `the company`, `the Seoul-based firm`: the business named last, if any.
        back: bool,
        /// After `the` with no country or owner of its own (`the ministry said`): the
        /// country of the last role noun of the same head named with one, if any.
        definite: bool,
    },
    /// A capitalised run no lexicon knows, typed from its cues (or not at all).
    Unknown(Option<RunType>),
    /// `the president`: a title standing for a person named before.
    RoleRef(&'a str),
    /// `the country`.
    CountryRef,
    /// `the bloc`, `the regional bloc`: the organisation of states named last.
    BlocRef,
    /// `the group`: the non-state organisation named last (`Hamas`, `Amnesty
    /// International`, a name typed as an organisation).
    GroupRef,
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
pub(crate) struct Cand<'a> {
    pub start: usize,
    pub end: usize,
    pub what: What<'a>,
    pub title: Option<TitleCue<'a>>,
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

impl<'a> Cand<'a> {
    /// A candidate with no title, cue or flag.
    fn new(start: usize, end: usize, what: What<'a>) -> Self {
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

/// A city this big is read as a place without a place cue before it.
pub(crate) const BIG_CITY: u64 = 1_000_000;

/// A town at least this big stands for its country before a possessive role (`Kumasi's
/// mayor`); a smaller one's name is as likely a surname (`Moyo's lawyers`).
pub(crate) const TOWN: u64 = 100_000;

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
    /// What each token of the sentences scanned so far is, looked up once.
    info: Vec<TokenInfo>,
    /// The folded form of the current word, when it is not ASCII.
    buf: String,
    /// The lowercase form of the current word, when it is capitalised.
    lower_buf: String,
}

/// One token's lexicon facts and shape, computed once per token.
#[derive(Clone, Copy, Debug, Default)]
struct TokenInfo {
    lex: WordInfo,
    /// Starts with a capital letter.
    upper: bool,
    /// Can be part of a name: capitalised, or `al-Burhan`.
    name_word: bool,
    /// In capitals: `NATO`, `CARACAS`.
    caps: bool,
}

/// `country` and `bloc`, which after `the` refer back to a country or an organisation of
/// states named before (a length test first: most words fail it at once).
fn refers_back(w: &str) -> bool {
    w.eq_ignore_ascii_case("country")
        || w.eq_ignore_ascii_case("bloc")
        || w.eq_ignore_ascii_case("group")
}

fn is_word(t: &Token) -> bool {
    matches!(t.kind, TokenKind::Word | TokenKind::Number)
}

fn starts_upper(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// All letters upper case and at least two of them: `NATO`, `CARACAS`.
fn all_caps(w: &str) -> bool {
    if w.as_bytes().first().is_some_and(u8::is_ascii_lowercase) {
        return false;
    }
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
            info: vec![TokenInfo::default(); tokens.len()],
            buf: String::with_capacity(64),
            lower_buf: String::with_capacity(64),
        }
    }

    /// Looks up every word token of `[start, end)` once. Returns the first word token and
    /// whether more than half the words are in capitals (a shouted line).
    fn fill_info(&mut self, start: usize, end: usize) -> (usize, bool) {
        let mut first_word = end;
        let (mut caps_words, mut words) = (0, 0);
        for i in start..end {
            let token = self.tokens[i];
            if !is_word(&token) {
                continue;
            }
            first_word = first_word.min(i);
            let w = &self.text[token.span];
            let upper = starts_upper(w);
            let name_word = upper || is_name_word(w);
            // Digits and marks start no name, title or role noun.
            if w.as_bytes()
                .first()
                .is_none_or(|b| b.is_ascii() && !b.is_ascii_alphabetic())
            {
                words += usize::from(token.kind == TokenKind::Word && w.len() > 1);
                self.info[i] = TokenInfo::default();
                continue;
            }
            let key = if w.is_ascii() {
                w
            } else {
                self.buf.clear();
                fold_into(w, &mut self.buf);
                self.buf.as_str()
            };
            let caps = all_caps(w);
            let mut lex = if name_word {
                self.lex.word(key)
            } else {
                self.lex.lower_word(key)
            }
            .copied()
            .unwrap_or_default();
            // Titles and role nouns in capitals (`PRESIDENT`, `POLICE`) or opening the
            // sentence (`Police said ...`).
            if caps || (upper && i == first_word) {
                self.lower_buf.clear();
                self.lower_buf
                    .extend(key.chars().flat_map(char::to_lowercase));
                if let Some(l) = self.lex.lower_word(&self.lower_buf) {
                    lex.title |= l.title;
                    lex.agent |= l.agent;
                }
            }
            if token.kind == TokenKind::Word && w.len() > 1 {
                words += 1;
                caps_words += usize::from(caps);
            }
            self.info[i] = TokenInfo {
                lex,
                upper,
                name_word,
                caps,
            };
        }
        (first_word, words >= 2 && caps_words * 2 > words)
    }

    fn word(&self, i: usize) -> &'a str {
        &self.text[self.tokens[i].span]
    }

    fn lower_is(&self, i: usize, words: &[&str]) -> bool {
        let w = self.word(i);
        words.iter().any(|x| w.eq_ignore_ascii_case(x))
    }

    /// The longest gazetteer name at `i` within `[i, end)`: its length in tokens and meanings.
    ///
    /// The key grows one token at a time and the walk stops as soon as no name starts with
    /// it, so most tokens cost one lookup.
    fn match_name(&mut self, i: usize, end: usize, shout: bool) -> Option<(usize, &'a [Hit])> {
        let lex: &'a ActorLexicon = self.lex;
        let first = self.word(i);
        let info = self.info[i];
        // Exact first; a word in capitals (`KYIV`, or any word of a shouted line) is also
        // tried in title case.
        if !info.lex.name && !(info.caps && (first.len() >= 4 || shout)) {
            return None;
        }
        self.buf.clear();
        fold_into(first, &mut self.buf);
        let mut recased = false;
        if !info.lex.name {
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
            // (a possessive's `'s` may stand inside a name: `Republican People's Party`)
            if j >= end
                || !(is_word(&self.tokens[j])
                    || matches!(self.tokens[j].kind, TokenKind::Punct | TokenKind::Clitic))
            {
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
    ///
    /// `first` says whether a phrase of `map` starts with the word at `i` at all.
    fn match_lower<T>(
        &mut self,
        i: usize,
        end: usize,
        first: bool,
        prefixes: &FxHashSet<Box<str>>,
        map: &'a FxHashMap<Box<str>, T>,
    ) -> Option<(usize, &'a T, &'a str)> {
        if !first {
            return None;
        }
        self.buf.clear();
        self.buf.push_str(self.word(i));
        self.buf.make_ascii_lowercase();
        let mut best = None;
        let mut j = i;
        while j == i || prefixes.contains(self.buf.as_str()) {
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

    /// True when a whole gazetteer name starts at token `k` (not only a word that opens
    /// one: `Human` opens `Human Rights Watch`, but `Human Rights` alone is no name).
    fn known_name_at(&self, k: usize, end: usize) -> bool {
        let mut key = String::new();
        let mut j = k;
        loop {
            fold_into(self.word(j), &mut key);
            if self.lex.names.contains_key(key.as_str()) {
                return true;
            }
            j += 1;
            if j >= end
                || !(is_word(&self.tokens[j]) || self.tokens[j].kind == TokenKind::Punct)
                || !self.lex.name_prefixes.contains(key.as_str())
            {
                return false;
            }
            if self.tokens[j - 1].span.end < self.tokens[j].span.start {
                key.push(' ');
            }
        }
    }

    /// The end of a capitalised run starting at `i`.
    fn run_end(&self, i: usize, end: usize) -> usize {
        let mut j = i + 1;
        while j < end {
            let kind = self.tokens[j].kind;
            let info = self.info[j];
            // A stop word can end a name only when it is also a head: `Federal Police`.
            let stop = info.lex.stop && info.lex.head.is_none();
            if kind == TokenKind::Word && info.name_word && !stop {
                j += 1;
                continue;
            }
            // Connectors (`of`, `von der`, `for the`, `and`) and possessive marks
            // (`People's`, `Workers'`) may sit inside a name when a capitalised word follows.
            let mut k = j;
            while k < end && k - j < 3 {
                let c = self.word(k);
                // `Commission on Human Rights`, `Office on Drugs and Crime`: `on` after an
                // organisation's head word
                let on = k == j
                    && c == "on"
                    && matches!(self.info[j - 1].lex.head, Some(Head::Org | Head::Business));
                let inner = CONNECTORS.contains(&c)
                    || matches!(c, "for" | "and" | "&" | "the")
                    || on
                    || (k == j && is_possessive_mark(self.tokens[k].kind, c));
                if !inner {
                    break;
                }
                k += 1;
            }
            // `the Commission on Human Rights and Amnesty International`: `and` before a
            // name the gazetteer knows joins two names, not the words of one
            let and_known = matches!(self.word(j), "and" | "&")
                && k < end
                && self.info[k].lex.name
                && self.known_name_at(k, end);
            let joins = k > j
                && k < end
                && self.tokens[k].kind == TokenKind::Word
                && self.info[k].name_word
                && !self.info[k].lex.stop
                && !and_known
                && self.word(j) != "the"
                && !(k > j + 1 && self.word(j) == "of" && self.person_so_far(i, j));
            if joins {
                j = k + 1;
            } else {
                break;
            }
        }
        j
    }

    /// `the Rapid Support Forces, a paramilitary group`: the organisation a role noun at `i`
    /// is set off after, with `a` or `an`, as an index into `cands`.
    fn apposed_org(&self, cands: &[Cand<'a>], i: usize, start: usize) -> Option<usize> {
        (i >= start + 3 && matches!(self.word(i - 1), "a" | "an") && self.word(i - 2) == ",")
            .then(|| self.org_before(cands, i - 2))
            .flatten()
    }

    /// The organisation candidate that ends right before token `i`, as an index into
    /// `cands`: a known organisation or body, or a name typed as one.
    fn org_before(&self, cands: &[Cand<'a>], i: usize) -> Option<usize> {
        let j = cands.len().checked_sub(1)?;
        let c = &cands[j];
        let org = match c.what {
            What::Named(hits) => hits.iter().any(|h| self.is_org(h)),
            What::Unknown(run_type) => run_type == Some(RunType::Org),
            _ => false,
        };
        (c.end == i && org).then_some(j)
    }

    /// True when a gazetteer meaning is an organisation or an international body.
    fn is_org(&self, h: &Hit) -> bool {
        matches!(
            self.lex.entry(h.entry).kind,
            crate::lexicon::EntryKind::Igo | crate::lexicon::EntryKind::Org
        )
    }

    /// `The RSF said its forces were`: after `its` or `their`, the organisation that opens
    /// the sentence (candidate `own` is the sentence's first) owns the role noun at `i`.
    fn its_org(&self, cands: &[Cand<'a>], own: usize, i: usize, start: usize) -> Option<usize> {
        if i <= start || !self.lower_is(i - 1, &["its", "their"]) {
            return None;
        }
        let first = cands.get(own)?;
        let org = match first.what {
            What::Named(hits) => hits.iter().all(|h| self.is_org(h)),
            What::Unknown(run_type) => run_type == Some(RunType::Org),
            _ => false,
        };
        // the subject: nothing but an article before it
        let subject = (start..first.start).all(|k| self.lower_is(k, &["the", "a", "an"]));
        // and no other country or organisation named since (`The UN urged Israel to withdraw
        // its forces`: Israel's)
        let other = cands[own + 1..].iter().any(|c| match c.what {
            What::Named(hits) => hits.iter().any(|h| {
                !matches!(
                    self.lex.entry(h.entry).kind,
                    crate::lexicon::EntryKind::Person
                )
            }),
            What::Unknown(run_type) => run_type != Some(RunType::Person),
            _ => false,
        });
        (org && subject && !other).then_some(own)
    }

    /// Where the run of role modifiers that ends right before token `i` starts (`top` in
    /// `Kenya's top diplomat`), or `i` when there is none.
    fn modifiers_before(&self, i: usize, start: usize) -> usize {
        let mut k = i;
        while k > start && self.info[k - 1].lex.modifier && !self.info[k - 1].upper {
            k -= 1;
        }
        k
    }

    /// True when a country, an organisation or `its`/`their` stands before the role noun at
    /// token `i` (past its modifiers): what a word such as `forces` needs to be a role noun.
    fn qualifies(&self, cands: &[Cand<'a>], i: usize, start: usize) -> bool {
        let from = self.modifiers_before(i, start);
        // a country's adjective or possessive (`Kenyan forces`, `Kenya's forces`), not a bare
        // name (`Drought in Kenya forces farmers to ...`)
        let country = self
            .country_before(cands, from)
            .is_some_and(|(_, adjective)| {
                adjective || (from > 0 && self.possessive(from - 1, from))
            });
        (from > start && self.lower_is(from - 1, &["its", "their"]))
            || country
            || self.owner_before(cands, from).is_some()
            || self.org_before(cands, from).is_some()
    }

    /// The organisation whose possessive stands right before token `i`: `the ICC's`,
    /// `Amnesty International's`. Returns its index in `cands`.
    fn owner_before(&self, cands: &[Cand<'a>], i: usize) -> Option<usize> {
        let j = cands.len().checked_sub(1)?;
        let c = &cands[j];
        (c.end + 1 == i && is_possessive_mark(self.tokens[c.end].kind, self.word(c.end)))
            .then(|| self.org_before(cands, c.end))
            .flatten()
    }

    /// The one country the candidates met so far in a sentence name, if they name exactly
    /// one: `In Buenos Aires, Economy Minister Luis Caputo said` is Argentina's minister.
    ///
    /// A town counts only after a place cue (`in Oyem`) or when it is a big city (stricter
    /// than the linker, which also reads a 100,000-people town of the story's own country as
    /// a place): a bare smaller town's name is as often a surname (`accused Ondo of
    /// corruption`).
    fn sentence_country(&self, cands: &[Cand<'a>]) -> Option<&'a str> {
        use crate::lexicon::EntryKind;
        let lex: &'a ActorLexicon = self.lex;
        let mut found: Option<&'a str> = None;
        for c in cands {
            let What::Named(hits) = c.what else { continue };
            let mut countries = hits.iter().filter_map(|h| {
                let e = lex.entry(h.entry);
                let place = match e.kind {
                    EntryKind::Country => true,
                    EntryKind::City | EntryKind::Region => c.place_cue || e.population >= BIG_CITY,
                    _ => false,
                };
                place.then_some(e.country.as_deref()).flatten()
            });
            let Some(country) = countries.next() else {
                continue;
            };
            // a name of several countries' places says nothing
            if countries.any(|other| other != country) {
                continue;
            }
            match found {
                Some(f) if f != country => return None,
                _ => found = Some(country),
            }
        }
        found
    }

    /// True when a name can start at `k`: a capitalised word that is no stop word, or a
    /// two-letter stop word that is also a surname before a capitalised given name (`He
    /// Yadong`).
    fn name_starts(&self, k: usize, end: usize) -> bool {
        let word =
            |k: usize| k < end && self.tokens[k].kind == TokenKind::Word && self.info[k].upper;
        // `spokesperson He Yadong`: a two-letter surname that is also a stop word, before a
        // given name; never a function word of a title-case headline (`Minister To Visit`)
        const FUNCTION: &[&str] = &[
            "A", "An", "As", "At", "Be", "By", "Do", "Go", "If", "In", "Is", "It", "My", "No",
            "Of", "On", "Or", "So", "To", "Up", "Us", "We",
        ];
        word(k)
            && (!self.info[k].lex.stop
                || (self.word(k).len() == 2
                    && !FUNCTION.contains(&self.word(k))
                    && word(k + 1)
                    && !self.info[k + 1].lex.stop))
    }

    /// True when an apposition ends at `k`: a comma, a reporting verb, or the sentence's end.
    fn closes_apposition(&self, k: usize, end: usize) -> bool {
        k >= end
            || matches!(self.word(k), "," | ";" | "." | ")")
            || self.lower_is(k, &["said", "says", "told", "added"])
    }

    /// The person candidate a title at `i` stands in apposition to: `Name, (the|a)? title`,
    /// `Name, Country's title`, `Name, the Country title`. Returns its index in `cands`.
    fn appositive_of(&self, cands: &[Cand<'a>], i: usize, start: usize) -> Option<usize> {
        let mut k = i;
        let mut n = cands.len();
        // a country before the title: `Chile's`, `Chilean`
        if self.country_before(cands, i).is_some() {
            n -= 1;
            k = cands[n].start;
        }
        if k > start && self.lower_is(k - 1, &["the", "a", "an"]) {
            k -= 1;
        }
        if k <= start + 1 || self.word(k - 1) != "," {
            return None;
        }
        let person = n.checked_sub(1)?;
        let c = &cands[person];
        let is_person = match c.what {
            What::Unknown(run_type) => run_type == Some(RunType::Person),
            What::Named(hits) => hits
                .iter()
                .any(|h| self.lex.entry(h.entry).kind == crate::lexicon::EntryKind::Person),
            _ => false,
        };
        (c.end + 1 == k && is_person).then_some(person)
    }

    /// True when the run `[s, j)` reads as a person's name: two or three capitalised words
    /// from a known first name, none of them the head of an organisation or place. Such a run
    /// ends before `of the`: `Jens Ortmann of the SPD` is a person of a party.
    fn person_so_far(&self, s: usize, j: usize) -> bool {
        (2..=3).contains(&(j - s))
            && self.info[s].lex.first_name
            && (s..j).all(|k| self.info[k].upper && self.info[k].lex.head.is_none())
    }

    /// Cuts a run that is not a typed organisation or place at its first `and`, `for`, `&` or
    /// possessive mark: `Smith and Jones` are two people; `Workers' Party` stays whole. A cut
    /// run never ends on a connector (`of`, `de`).
    fn trim_run(&self, s: usize, e: usize, run_type: Option<RunType>) -> usize {
        if matches!(run_type, Some(RunType::Org | RunType::Loc | RunType::Gpe)) {
            return e;
        }
        let mut cut = (s + 1..e)
            .find(|&j| {
                let w = self.word(j);
                matches!(w, "and" | "for" | "&" | "the")
                    || is_possessive_mark(self.tokens[j].kind, w)
            })
            .unwrap_or(e);
        while cut < e && cut > s + 1 && CONNECTORS.contains(&self.word(cut - 1)) {
            cut -= 1;
        }
        cut
    }

    /// The type of an unknown capitalised run `[s, e)` from its own words and the words around
    /// it.
    fn run_type(&self, s: usize, e: usize, titled: bool) -> Option<RunType> {
        match self.info[e - 1].lex.head {
            Some(Head::Org | Head::Business) => return Some(RunType::Org),
            Some(Head::Loc) => return Some(RunType::Loc),
            Some(Head::Gpe) => return Some(RunType::Gpe),
            _ => {}
        }
        // `Bank of England`, `University of Nairobi`, `Ministry of Defence`, `Commission on
        // Human Rights`, `Office for National Statistics`.
        for j in s + 1..e.saturating_sub(1) {
            if matches!(self.word(j), "of" | "on" | "for")
                && matches!(self.info[j - 1].lex.head, Some(Head::Org | Head::Business))
            {
                return Some(RunType::Org);
            }
        }
        match self.info[s].lex.head {
            Some(Head::LocFirst) if e - s >= 2 => return Some(RunType::Loc),
            Some(Head::GpeFirst) if e - s >= 2 => return Some(RunType::Gpe),
            _ => {}
        }
        if titled {
            return Some(RunType::Person);
        }
        // `the consultancy Horizonte Sur`, `the union NUM`: a name after a lowercase noun of an
        // institution is that institution's.
        if s >= 1 {
            let w = self.word(s - 1);
            let institution = w.starts_with(|c: char| c.is_ascii_lowercase())
                && w.len() <= 24
                && self
                    .lex
                    .agents
                    .get(w.to_ascii_lowercase().as_str())
                    .is_some_and(|a| a.institution);
            if institution {
                return Some(RunType::Org);
            }
        }
        let words = e - s;
        if (2..=4).contains(&words) && self.info[s].lex.first_name {
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
        // `..., said Hatice Yildiz.`: a name right after a verb of saying.
        if (2..=3).contains(&words)
            && s >= 1
            && self.lower_is(s - 1, &["said", "says", "added", "wrote", "explained"])
        {
            return Some(RunType::Person);
        }
        // `Valdemar Costa Neto, president of ...`, `Ana Ruiz, a spokeswoman for ...`.
        if (2..=4).contains(&words) && e + 2 < self.tokens.len() && self.word(e) == "," {
            let mut t = e + 1;
            if self.lower_is(t, &["a", "an", "the"]) {
                t += 1;
            }
            let w = self.word(t);
            let title = w.chars().next().is_some_and(char::is_lowercase)
                && self.lex.lower_word(w).is_some_and(|l| l.title);
            if title {
                return Some(RunType::Person);
            }
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
    /// possessive (`Kenya's parliament`, `Istanbul's mayor`), from the candidates found so far.
    fn country_before(&self, cands: &[Cand<'a>], i: usize) -> Option<(&'a str, bool)> {
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
        let What::Named(hits) = last.what else {
            return None;
        };
        let lex: &'a ActorLexicon = self.lex;
        hits.iter().find_map(|h| {
            let entry = lex.entry(h.entry);
            // `Istanbul's mayor`, `Texas's governor`: a city or region's role is its country's
            // (not a small town's, whose name is as likely a surname: `Moyo's lawyers`)
            let local = possessive
                && match entry.kind {
                    crate::lexicon::EntryKind::City => entry.population >= TOWN,
                    crate::lexicon::EntryKind::Region => true,
                    _ => false,
                }
                && entry.country.is_some();
            let country_like = entry.kind == crate::lexicon::EntryKind::Country || local;
            let adjective = h.form == crate::lexicon::Form::Adjective;
            // A seat of power before a role noun: `Kremlin spokesman`, `Pentagon official`.
            let seat = matches!(h.form, crate::lexicon::Form::Seat(_));
            // A country's name used as an adjective: `U.S. envoy`, `Kenya President`.
            let attributive = h.form == crate::lexicon::Form::Name
                && entry.kind == crate::lexicon::EntryKind::Country;
            (country_like && (adjective || possessive || seat || attributive)).then(|| {
                (
                    entry.country.as_deref().unwrap_or_default(),
                    adjective && !possessive,
                )
            })
        })
    }

    /// True when the acronym at token `a` can abbreviate candidate `c`: its first letter is the
    /// initial of one of the candidate's words (`Law Society of Kenya (LSK)`, and `FDLR` for a
    /// name translated from French), which `Pakistan (UNMOGIP)` is not.
    fn abbreviates(&self, a: usize, c: &Cand) -> bool {
        let Some(first) = self.word(a).bytes().next() else {
            return false;
        };
        (c.start..c.end).any(|j| self.word(j).bytes().next() == Some(first))
    }

    /// Scans the tokens `[start, end)` of one sentence and appends its candidates.
    pub fn sentence(
        &mut self,
        start: usize,
        end: usize,
        headline: bool,
        cands: &mut Vec<Cand<'a>>,
    ) {
        let (first_word, shout) = self.fill_info(start, end);
        // The candidates of this sentence start here.
        let own = cands.len();
        let mut title: Option<TitleCue> = None;
        let mut i = start;
        while i < end {
            let token = self.tokens[i];
            if !is_word(&token) {
                title = None;
                i += 1;
                continue;
            }
            let info = self.info[i];
            let upper = info.name_word;
            // Most words are lowercase and start nothing: pass them quickly.
            let plain = !upper && !info.lex.title && !info.lex.agent;
            if plain && !(i > start && refers_back(&self.text[token.span])) {
                title = None;
                i += 1;
                continue;
            }
            let w = self.word(i);
            let initial = i == first_word;

            // A name the gazetteer knows, unless a longer capitalised run that reads as an
            // organisation or a person covers it (`Kenya Defence Forces`, `Jordan Peele`).
            let named = if upper {
                self.match_name(i, end, shout)
            } else {
                None
            };
            let run = (upper && !shout).then(|| self.run_end(i, end));
            // The whole run's type from its own words and context, computed once.
            let run_type = run.and_then(|r| self.run_type(i, r, false));
            // `Police said ...`: a role noun opening the sentence is no town of that name.
            let named = named.filter(|&(_, hits)| {
                !(initial && (info.lex.agent || info.lex.title) && only_places(self.lex, hits))
            });
            // A portfolio before a name is part of the title, not a name of its own: `Labour
            // Minister Ana Ruiz`, `Interior Minister Ali Sabri`.
            let named = match named {
                Some((len, _)) if info.lex.title => {
                    let lex = self.lex;
                    let longer_title = self
                        .match_lower(i, end, true, &lex.title_prefixes, &lex.titles)
                        .map(|(tlen, _, _)| tlen)
                        .filter(|&tlen| {
                            tlen > len
                                && i + tlen < end
                                && self.tokens[i + tlen].kind == TokenKind::Word
                                && self.info[i + tlen].upper
                                && !self.info[i + tlen].lex.stop
                        });
                    named.filter(|_| longer_title.is_none())
                }
                _ => named,
            };
            // `Nigerian Army`, `Pakistan Army`: a country and a role noun, no name of its own.
            let lex = self.lex;
            let agent_rest = match (named, run) {
                (Some((len, hits)), Some(r))
                    if r > i + len
                        && hits.iter().all(|h| {
                            lex.entry(h.entry).kind == crate::lexicon::EntryKind::Country
                        }) =>
                {
                    let j = i + len;
                    let agent = self.info[j].lex.agent;
                    self.match_lower(j, end, agent, &lex.agent_prefixes, &lex.agents)
                        .is_some_and(|(l, _, _)| j + l == r)
                }
                _ => false,
            };
            if let Some((len, hits)) = named {
                // `Ruto Mwangi` is not the known `Ruto` (William): a bare surname before a
                // capitalised word no lexicon knows is part of another person's name
                let other_person = !headline
                    && len == 1
                    && run.is_some_and(|r| r > i + 1)
                    && hits
                        .iter()
                        .all(|h| lex.entry(h.entry).kind == crate::lexicon::EntryKind::Person)
                    && {
                        let next = self.info[i + 1];
                        self.tokens[i + 1].kind == TokenKind::Word
                            && next.name_word
                            && !next.lex.agent
                            && !next.lex.title
                            && !next.lex.stop
                            && self.match_name(i + 1, end, shout).is_none()
                    };
                let run_wins = !agent_rest
                    && run.is_some_and(|r| {
                        r - i > len
                            && !(i..r)
                                .any(|j| is_possessive_mark(self.tokens[j].kind, self.word(j)))
                            && (other_person
                                || places_or_capitals(self.lex, hits)
                                || matches!(run_type, Some(RunType::Org | RunType::Loc)))
                    });
                if !run_wins {
                    let mut e = i + len;
                    // `Amnesty International Kenya`, `Save the Children UK`: a
                    // non-governmental organisation's national section is the organisation
                    let ngo = hits.iter().all(|h| {
                        lex.entry(h.entry)
                            .codes
                            .first()
                            .is_some_and(|c| c.cameo.starts_with("NGO"))
                    });
                    if ngo && e < end && self.info[e].name_word {
                        if let Some((clen, chits)) = self.match_name(e, end, shout) {
                            let country = chits.iter().all(|h| {
                                h.form == crate::lexicon::Form::Name
                                    && lex.entry(h.entry).kind == crate::lexicon::EntryKind::Country
                            });
                            let more = e + clen < end
                                && self.tokens[e + clen].kind == TokenKind::Word
                                && self.info[e + clen].name_word;
                            if country && !more {
                                e += clen;
                            }
                        }
                    }
                    let cand = Cand {
                        start: i,
                        end: e,
                        what: What::Named(hits),
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
            if let Some((len, t, key)) =
                self.match_lower(i, end, info.lex.title, &lex.title_prefixes, &lex.titles)
            {
                let next = i + len;
                let name_follows = self.name_starts(next, end);
                // `Brazil's foreign minister, Mauro Vieira, said`: a title set off before the
                // name it introduces.
                let set_off = !name_follows
                    && !t.honorific
                    && next + 1 < end
                    && self.word(next) == ","
                    && self.name_starts(next + 1, end)
                    && self.closes_apposition(self.run_end(next + 1, end), end);
                if name_follows || set_off {
                    let before = self.country_before(cands, i).map(|(c, _)| c);
                    let mut org = before
                        .is_none()
                        .then(|| self.org_before(cands, i))
                        .flatten();
                    // `Algeria's U.N. ambassador`: a state's envoy to an organisation
                    // represents the state
                    let envoy = ["ambassador", "envoy", "representative"]
                        .iter()
                        .any(|w| key.ends_with(w));
                    let before = match org {
                        Some(o) if envoy => {
                            let state = self
                                .country_before(&cands[..o], cands[o].start)
                                .map(|(c, _)| c);
                            if state.is_some() {
                                org = None;
                            }
                            state
                        }
                        _ => before,
                    };
                    let country = before.or_else(|| {
                        org.is_none()
                            .then(|| self.sentence_country(&cands[own..]))
                            .flatten()
                    });
                    title = Some(TitleCue {
                        title: t,
                        key,
                        country,
                        org,
                        guessed: before.is_none(),
                    });
                    i = if set_off { next + 1 } else { next };
                    continue;
                }
                // `Omar Farouk, the opposition leader, said`, `Ana Ruiz, Chile's finance
                // minister,`: a title set off after a person's name is that person's.
                if !t.honorific && self.closes_apposition(next, end) {
                    if let Some(person) = self.appositive_of(cands, i, start) {
                        let country = self.country_before(cands, i).map(|(c, _)| c);
                        if cands[person].title.is_none() {
                            cands[person].title = Some(TitleCue {
                                title: t,
                                key,
                                country,
                                org: None,
                                guessed: false,
                            });
                        }
                        cands.push(Cand::new(i, next, What::RoleRef(key)));
                        title = None;
                        i = next;
                        continue;
                    }
                }
                // `the president`, once a president has been named.
                let the = i > start && self.lower_is(i - 1, &["the"]);
                if the && !t.honorific && !upper {
                    cands.push(Cand::new(i, next, What::RoleRef(key)));
                    i = next;
                    continue;
                }
            }

            // A role noun: `riot police`, `the Supreme Court`, `Venezuelan troops`; but a group
            // noun that opens a longer organisation's name is part of the name (`Citizens'
            // Rights Watch`, `Farmers Union of Kenya`).
            if let Some((len, agent, phrase)) = self
                .match_lower(i, end, info.lex.agent, &lex.agent_prefixes, &lex.agents)
                .filter(|&(len, agent, _)| {
                    !(upper
                        && !agent.institution
                        && run.is_some_and(|r| r > i + len)
                        && matches!(run_type, Some(RunType::Org)))
                        && (!agent.qualified || self.qualifies(cands, i, start))
                })
            {
                let proper = upper && !initial && agent.institution;
                // `Kenya's top diplomat`: modifiers between a country and its role noun
                let from = self.modifiers_before(i, start);
                let before = self
                    .country_before(cands, i)
                    .or_else(|| (from < i).then(|| self.country_before(cands, from))?);
                let e = i + len;
                // `the ICC's prosecutor`; `a Taliban spokesman`, `UN peacekeepers`: people of
                // an organisation named right before them
                let owner = before
                    .is_none()
                    .then(|| {
                        self.owner_before(cands, from)
                            .or_else(|| {
                                (!agent.institution && !upper)
                                    .then(|| self.org_before(cands, from))
                                    .flatten()
                            })
                            .or_else(|| self.its_org(cands, own, from, start))
                            .or_else(|| self.apposed_org(cands, from, start))
                    })
                    .flatten();
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
                // `In Lagos, police said`: the country of the place the sentence opens with;
                // `Sudanese officials said the army had`: the speaker's own
                // `other European governments`, `foreign diplomats`: of some state the
                // sentence does not name, not the article's own
                // (`refugees`, `aid workers`: seldom of the story's own country, unless a
                // possessive says whose they are: `recalled its diplomats`)
                let owned = (from.saturating_sub(2).max(start)..from)
                    .any(|k| self.lower_is(k, &["its", "their", "our"]));
                let home = (!agent.foreign || owned)
                    && !(from.saturating_sub(2).max(start)..i).any(|k| {
                        self.lower_is(
                            k,
                            &[
                                "other",
                                "foreign",
                                "international",
                                "western",
                                "regional",
                                "neighbouring",
                                "neighboring",
                            ],
                        )
                    });
                let country = country.or_else(|| {
                    (owner.is_none() && home)
                        .then(|| {
                            self.opening_place(&cands[own..], first_word)
                                .or_else(|| self.speakers_country(&cands[own..], i, start))
                                .or_else(|| self.its_country(&cands[own..], from, start))
                        })
                        .flatten()
                });
                // `the company`, `the Seoul-based firm`: a business named before
                let back = !proper
                    && owner.is_none()
                    && (phrase.eq_ignore_ascii_case("company")
                        || phrase.eq_ignore_ascii_case("firm"))
                    && (i.saturating_sub(3).max(start)..i).any(|k| self.lower_is(k, &["the"]));
                let definite = country.is_none()
                    && owner.is_none()
                    && from > start
                    && self.lower_is(from - 1, &["the"]);
                let what = What::Agent {
                    agent,
                    phrase,
                    country,
                    proper,
                    owner,
                    home,
                    back,
                    definite,
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

            // `the bloc`, `the regional bloc`, `the 27-nation bloc`
            if !upper && w.eq_ignore_ascii_case("bloc") && i > start {
                let det = (i.saturating_sub(2).max(start)..i)
                    .rev()
                    .find(|&k| self.lower_is(k, &["the"]));
                if let Some(det) = det {
                    cands.push(Cand::new(det, i + 1, What::BlocRef));
                    i += 1;
                    continue;
                }
            }

            // `the group said`; not `the group of seven`
            if !upper
                && w.eq_ignore_ascii_case("group")
                && i > start
                && self.lower_is(i - 1, &["the"])
                && !(i + 1 < end && self.lower_is(i + 1, &["of"]))
            {
                cands.push(Cand::new(i - 1, i + 1, What::GroupRef));
                i += 1;
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

            // `Trade Commissioner Valdis Dombrovskis` opening a sentence: capitalised portfolio
            // words before a title and a name are part of the title, not a name of their own
            // (but `Supreme Court Justice X` keeps its court)
            if let Some(r) = run.filter(|_| initial) {
                let lex = self.lex;
                let title_at = (i + 1..r.min(i + 4)).find(|&j| {
                    self.info[j].lex.title
                        && self.run_type(i, j, false).is_none()
                        && (i..j).all(|k| self.match_name(k, j, false).is_none())
                });
                if let Some(j) = title_at {
                    let then_name = self
                        .match_lower(j, end, true, &lex.title_prefixes, &lex.titles)
                        .is_some_and(|(len, _, _)| self.name_starts(j + len, end));
                    if then_name {
                        i = j;
                        continue;
                    }
                }
            }

            // A capitalised run no lexicon knows. A stop word (`The`, `Despite`) is passed
            // over, and the scan goes on from the next word: `The Kremlin`.
            if upper && info.lex.stop && !(title.is_some() && self.name_starts(i, end)) {
                title = None;
                i += 1;
                continue;
            }
            if let Some(e) = run {
                let s = i;
                let trimmed = self.trim_run(s, e, run_type);
                let whole = if trimmed == e {
                    run_type
                } else {
                    self.run_type(s, trimmed, false)
                };
                let mut e = trimmed;
                // A run ends before a name the gazetteer knows: `Defence Minister` `Maduro`.
                if s < e {
                    if !matches!(whole, Some(RunType::Org | RunType::Loc | RunType::Gpe)) {
                        for j in s + 1..e {
                            let known = self.match_name(j, end, false);
                            // `Michael Dunford` is not the known `Dunford` (Joseph): a first
                            // name of its own before a bare surname makes another person
                            let other_person = known.is_some_and(|(len, hits)| {
                                len == 1
                                    && j == s + 1
                                    && self.info[s].lex.first_name
                                    && hits.iter().all(|h| {
                                        lex.entry(h.entry).kind == crate::lexicon::EntryKind::Person
                                    })
                            });
                            if other_person {
                                break;
                            }
                            if known.is_some_and(|(_, hits)| !only_places(lex, hits)) {
                                e = j;
                                break;
                            }
                        }
                    }
                    // `Ana Lopes of Portugal`: the connector before the known name is neither's
                    while e > s + 1 && e < trimmed && CONNECTORS.contains(&self.word(e - 1)) {
                        e -= 1;
                    }
                    let typed = if e == trimmed && title.is_none() {
                        whole
                    } else {
                        self.run_type(s, e, title.is_some())
                    };
                    let run_type = typed.or_else(|| {
                        // An unknown acronym is an organisation: `CGT`, `M23`; one that
                        // names a road is not (`the N1 highway`, `the A4 motorway`).
                        let road = e < end
                            && [
                                "highway",
                                "road",
                                "motorway",
                                "expressway",
                                "freeway",
                                "route",
                            ]
                            .iter()
                            .any(|r| self.word(e).eq_ignore_ascii_case(r));
                        (e - s == 1 && !shout && !road && is_acronym(self.word(s)))
                            .then_some(RunType::Org)
                    });
                    let lone_initial = s == first_word && e - s == 1;
                    let acronym = e - s == 1
                        && s > start + 1
                        && e < end
                        && all_caps(self.word(s))
                        && self.word(s - 1) == "("
                        && self.word(e) == ")"
                        && cands
                            .last()
                            .is_some_and(|c| c.end + 1 == s && self.abbreviates(s, c));
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
        self.place_roles(&mut cands[own..]);
        self.titled_of_country(&mut cands[own..]);
    }

    /// `Defence Minister Ana Lopes of Portugal`: a titled person's office is of the country
    /// named right after the name, unless an adjective or possessive before the title said
    /// otherwise.
    fn titled_of_country(&self, cands: &mut [Cand<'a>]) {
        for j in 1..cands.len() {
            let (before, after) = cands.split_at_mut(j);
            let person = &mut before[j - 1];
            let Some(title) = person
                .title
                .as_mut()
                .filter(|t| t.guessed && t.org.is_none())
            else {
                continue;
            };
            let place = &after[0];
            if place.start != person.end + 1 || !self.lower_is(person.end, &["of"]) {
                continue;
            }
            let What::Named(hits) = place.what else {
                continue;
            };
            let country = hits.iter().find_map(|h| {
                let e = self.lex.entry(h.entry);
                (e.kind == crate::lexicon::EntryKind::Country)
                    .then_some(e.country.as_deref())
                    .flatten()
            });
            if let Some(country) = country {
                title.country = Some(country);
            }
        }
    }

    /// The one country of the speakers of a verb of saying right before token `i` (`Sudanese
    /// officials said the army`, `Kenya says that police`): what a country's people report of
    /// a body with no country named is of their own.
    fn speakers_country(&self, cands: &[Cand<'a>], i: usize, start: usize) -> Option<&'a str> {
        let mut k = i;
        while k > start && self.lower_is(k - 1, &["the", "that"]) {
            k -= 1;
        }
        if k == start || !self.lower_is(k - 1, &["said", "says", "added", "stated"]) {
            return None;
        }
        self.single_country(cands)
    }

    /// The one country that the names and the role nouns' adjectives among `cands` name.
    fn single_country(&self, cands: &[Cand<'a>]) -> Option<&'a str> {
        let mut found = self.sentence_country(cands);
        for c in cands {
            if let What::Agent {
                country: Some(country),
                ..
            } = c.what
            {
                match found {
                    Some(f) if f != country => return None,
                    _ => found = Some(country),
                }
            }
        }
        found
    }

    /// `India flew in supplies, its foreign ministry said`: after `its`, the one country its
    /// sentence names; `called on Rwanda to withdraw its forces`: the country that is to act.
    fn its_country(&self, cands: &[Cand<'a>], i: usize, start: usize) -> Option<&'a str> {
        if i == start || !self.lower_is(i - 1, &["its"]) {
            return None;
        }
        // `X to <verb> its`: X
        if i >= start + 4 && self.lower_is(i - 3, &["to"]) {
            if let Some(actor) = cands.iter().rev().find(|c| c.end == i - 3) {
                if let Some(country) = self.single_country(std::slice::from_ref(actor)) {
                    return Some(country);
                }
            }
        }
        self.single_country(cands)
            .or_else(|| self.subject_past_aside(cands, i, start))
            .or_else(|| self.opening_subject(cands, start))
    }

    /// `China will impose tariffs on Canadian canola, its commerce ministry said`: the
    /// country of the name that opens the sentence as its subject, when a sentence names
    /// several.
    fn opening_subject(&self, cands: &[Cand<'a>], start: usize) -> Option<&'a str> {
        let first = cands.first()?;
        (start..first.start)
            .all(|k| self.lower_is(k, &["the", "a", "an"]))
            .then(|| self.single_country(std::slice::from_ref(first)))
            .flatten()
    }

    /// `France, which keeps a base in Libreville, urged its citizens`: the country that opens
    /// the sentence as its subject, when every other name before `i` is in an aside set off
    /// by commas right after it.
    fn subject_past_aside(&self, cands: &[Cand<'a>], i: usize, start: usize) -> Option<&'a str> {
        let (first, rest) = cands.split_first()?;
        let subject = (start..first.start).all(|k| self.lower_is(k, &["the", "a", "an"]));
        if !subject || first.end >= i || self.word(first.end) != "," {
            return None;
        }
        let close = (first.end + 1..i).find(|&k| self.word(k) == ",")?;
        rest.iter()
            .all(|c| c.end <= close)
            .then(|| self.single_country(std::slice::from_ref(first)))
            .flatten()
    }

    /// The country of the place a sentence opens with: `In Lagos, police said`.
    fn opening_place(&self, cands: &[Cand<'a>], first_word: usize) -> Option<&'a str> {
        let place = cands.first()?;
        let opens = place.start == first_word + 1
            && self.lower_is(first_word, &["in"])
            && place.end < self.tokens.len()
            && self.word(place.end) == ",";
        opens
            .then(|| self.sentence_country(std::slice::from_ref(place)))
            .flatten()
    }

    /// `authorities in Bamako`, `police in Ghana`: a role noun with no country of its own
    /// takes the country of the place it is said to be in, unless its people are often
    /// abroad (troops, peacekeepers, spies, diplomats, reporters: `diplomats in Jeddah`).
    fn place_roles(&self, cands: &mut [Cand<'a>]) {
        for j in 1..cands.len() {
            let (before, after) = cands.split_at_mut(j);
            let role = &mut before[j - 1];
            let place = &after[0];
            let What::Agent {
                agent,
                phrase,
                country: ref mut country @ None,
                owner: None,
                ..
            } = role.what
            else {
                continue;
            };
            let abroad = ["MIL", "IGO", "SPY", "MED"]
                .iter()
                .any(|c| agent.code.starts_with(c))
                || ["diplomat", "envoy", "ambassador", "delegat", "embass"]
                    .iter()
                    .any(|w| phrase.contains(w));
            if !abroad && place.start == role.end + 1 && self.lower_is(role.end, &["in"]) {
                if let Some(c) = self.sentence_country(std::slice::from_ref(place)) {
                    *country = Some(c);
                }
            }
        }
    }
}

/// A word that can be part of a name: capitalised, or a lowercase particle joined to a
/// capitalised name (`al-Burhan`, `el-Sisi`, `bin-Salman`).
fn is_name_word(w: &str) -> bool {
    if starts_upper(w) {
        return true;
    }
    // Every particle has two or three letters: look for the hyphen there only.
    let dash = match w.as_bytes() {
        [_, _, b'-', ..] => 2,
        [_, _, _, b'-', ..] => 3,
        _ => return false,
    };
    matches!(
        &w[..dash],
        "al" | "el" | "ad" | "ash" | "as" | "at" | "bin" | "ibn" | "abu"
    ) && starts_upper(&w[dash + 1..])
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
    hits.iter().all(|h| {
        matches!(
            lex.entry(h.entry).kind,
            EntryKind::City | EntryKind::Region | EntryKind::Area | EntryKind::Territory
        )
    })
}

/// True when every meaning of a name is a place, a country's capital among them: a longer
/// capitalised run that starts with it is a name of its own (`Aden Duale`, `Lima Castro`).
fn places_or_capitals(lex: &ActorLexicon, hits: &[Hit]) -> bool {
    hits.iter().all(|h| {
        h.form == crate::lexicon::Form::Capital || only_places(lex, std::slice::from_ref(h))
    })
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
