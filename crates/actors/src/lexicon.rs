//! The actor lexicons, loaded once into hash maps keyed by folded surface forms.
//!
//! Named things (countries, their adjectives, capitals and seats of power, international
//! organisations, people in office, cities and regions) are looked up by their folded form with
//! case kept. Role nouns (agents), titles and the other cue lists are looked up in lowercase.

use std::collections::HashMap;

use rustc_hash::{FxHashMap, FxHashSet};

use chrono::NaiveDate;
use newsgraph_doc::Geo;
use newsgraph_lexicon::{embedded, word_map::WordMap, DataFile, Lexicon, LexiconError, Row};

use crate::fold::fold;
use crate::user::UserError;

/// A CAMEO agent code (`GOV`, `MIL`, `GOVMIL`), or a role of several codes.
pub type Role = Box<str>;

/// What kind of named thing an entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EntryKind {
    /// A country.
    Country,
    /// An international or transnational organisation.
    Igo,
    /// A person with coded offices.
    Person,
    /// A city.
    City,
    /// A first-level region (state, province).
    Region,
    /// An organisation of one country or none: an armed group, a party, a security service,
    /// a news outlet.
    Org,
    /// A named place without a government: a sea, a river, a region, an island, a border line.
    Area,
    /// Land with an administration of its own that is not a country: the Gaza Strip, Crimea.
    Territory,
}

/// A CAMEO code held over a span of dates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DatedCode {
    /// The code (`VENGOV`, `IGOUNO`).
    pub cameo: Box<str>,
    /// First day, or open.
    pub from: Option<NaiveDate>,
    /// Last day, or open.
    pub to: Option<NaiveDate>,
    /// A short description of the office ("president").
    pub role: Box<str>,
}

/// One named thing.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// Its canonical name.
    pub name: Box<str>,
    /// What it is.
    pub kind: EntryKind,
    /// ISO 3166-1 alpha-3 code of its country (its own code for a country).
    pub country: Option<Box<str>>,
    /// Its codes over time (people), or its one code (organisations).
    pub codes: Vec<DatedCode>,
    /// Population (cities), for choosing among places of one name.
    pub population: u64,
    /// Where it is (cities).
    pub geo: Option<Geo>,
    /// The adjective used to name its groups (`Kenyan`), for countries.
    pub adjective: Option<Box<str>>,
}

impl Entry {
    /// The code in force on `date`: the one whose dates hold it, else (no date, or no office
    /// then) the most recent one when `date` is unknown, else none.
    pub fn code_on(&self, date: Option<NaiveDate>) -> Option<&DatedCode> {
        let Some(date) = date else {
            return self
                .codes
                .iter()
                .max_by_key(|c| (c.to.is_none(), c.to, c.from));
        };
        self.codes
            .iter()
            .find(|c| c.from.is_none_or(|from| from <= date) && c.to.is_none_or(|to| date <= to))
    }
}

/// How a surface form names its entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Form {
    /// Its name or an alias.
    Name,
    /// A country's adjective or demonym: `Kenyan`, `Kenyans`.
    Adjective,
    /// A country's capital: a place, or the government as a metonym.
    Capital,
    /// A seat of power that stands for part of the state: `the Kremlin` (GOV), `the Pentagon`
    /// (MIL); for an organisation, a city that stands for it (`Brussels`).
    Seat(Role),
}

/// One meaning of a surface form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    /// Index into the entries.
    pub entry: u32,
    /// How the form names it.
    pub form: Form,
}

/// A role noun: `riot police`, `the Supreme Court`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Agent {
    /// Its CAMEO agent code.
    pub code: Role,
    /// True for institutions (`the army`, `parliament`), false for groups of people.
    pub institution: bool,
    /// True for a word that is a role noun only after a country or an organisation
    /// (`Pakistani forces`, `Hamas forces`): alone it is too often something else (`the storm
    /// forces residents out`).
    pub qualified: bool,
    /// True for a role whose people are seldom of the country a story is set in (`refugees`,
    /// `aid workers`): it takes a country only from the words around it.
    pub foreign: bool,
}

/// What a title says of the person it comes before.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Title {
    /// The role it implies, if any (`president` → GOV).
    pub role: Option<Role>,
    /// True for honorifics (`Mr.`), which say a person but no office.
    pub honorific: bool,
}

/// What the last (or first) word of a name says of its type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Head {
    /// An organisation: `Party`, `Ministry`.
    Org,
    /// A business, an organisation too: `Motors`, `Holdings`, `Ltd`.
    Business,
    /// A place without government: `River`, `Sea`.
    Loc,
    /// A place with government: `Province`, `County`.
    Gpe,
    /// First word of a place without government: `Mount`, `Lake`.
    LocFirst,
    /// First word of a place with government: `San`, `Fort`.
    GpeFirst,
}

/// What one word is in all the lexicons at once, so that the scanner looks each token up once.
///
/// Keys are folded with case kept. Titles and role nouns are lowercase lists; their first words
/// are entered both lowercase and capitalised (`president`, `President`), and a word in
/// capitals is looked up again in lowercase by the scanner. Lowercase words live in a table of
/// their own, small enough to stay in cache, since most tokens are lowercase and only titles
/// and role nouns can start with them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct WordInfo {
    /// A gazetteer name starts with this word.
    pub name: bool,
    /// A title starts with this word.
    pub title: bool,
    /// A role noun starts with this word.
    pub agent: bool,
    /// A capitalised word that is not a name by itself: `The`, `Despite`, `Monday`.
    pub stop: bool,
    /// A common first name.
    pub first_name: bool,
    /// What the word says of a name it ends (`Party`, `River`) or starts (`Mount`, `San`).
    pub head: Option<Head>,
    /// A word that may stand between a country or an organisation and its role noun (`top`,
    /// `new`).
    pub modifier: bool,
}

/// A one-hash Bloom filter over words by their length and first, second and last bytes. It
/// answers "surely not" for most words in a few instructions, before a hash lookup.
#[derive(Clone, Debug)]
pub(crate) struct WordFilter {
    bits: Vec<u64>,
}

impl Default for WordFilter {
    fn default() -> Self {
        WordFilter {
            bits: vec![0; 1 << (Self::BITS - 6)],
        }
    }
}

impl WordFilter {
    const BITS: u32 = 13;

    fn slot(w: &[u8]) -> usize {
        let (Some(&first), Some(&last)) = (w.first(), w.last()) else {
            return 0;
        };
        let second = w.get(1).copied().unwrap_or(0);
        let x = (w.len() as u64)
            | u64::from(first) << 8
            | u64::from(second) << 16
            | u64::from(last) << 24;
        (x.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - Self::BITS)) as usize
    }

    fn insert(&mut self, w: &str) {
        let slot = Self::slot(w.as_bytes());
        self.bits[slot / 64] |= 1 << (slot % 64);
    }

    /// False when `w` was surely never inserted.
    pub(crate) fn may_contain(&self, w: &str) -> bool {
        let slot = Self::slot(w.as_bytes());
        self.bits[slot / 64] & (1 << (slot % 64)) != 0
    }
}

/// Every lexicon the actors stage uses.
#[derive(Clone, Debug, Default)]
pub struct ActorLexicon {
    pub(crate) entries: Vec<Entry>,
    /// Folded surface → its meanings.
    pub(crate) names: FxHashMap<Box<str>, Vec<Hit>>,
    /// Every word-aligned prefix of a name (`United`, `United Nations`), so that a lookup
    /// stops as soon as no name can start with what it has read.
    pub(crate) name_prefixes: FxHashSet<Box<str>>,
    /// Lowercase role nouns.
    pub(crate) agents: FxHashMap<Box<str>, Agent>,
    /// Word-aligned prefixes of the role nouns.
    pub(crate) agent_prefixes: FxHashSet<Box<str>>,
    /// Lowercase titles.
    pub(crate) titles: FxHashMap<Box<str>, Title>,
    /// Word-aligned prefixes of the titles.
    pub(crate) title_prefixes: FxHashSet<Box<str>>,
    /// Every single word the lexicons know something about, but the lowercase first words of
    /// titles and role nouns.
    pub(crate) words: WordMap<WordInfo>,
    /// The lowercase first words of titles and role nouns.
    pub(crate) lower_words: WordMap<WordInfo>,
    /// A filter in front of `lower_words`, which most lowercase tokens are not in.
    pub(crate) lower_filter: WordFilter,
    /// Country entry by ISO code.
    pub(crate) countries: FxHashMap<Box<str>, u32>,
}

fn split_list(field: &str) -> impl Iterator<Item = &str> {
    field.split('|').map(str::trim).filter(|s| !s.is_empty())
}

fn parse_date(row: &Row, file: &'static str, s: &str) -> Result<Option<NaiveDate>, LexiconError> {
    if s.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| row.error(file, format!("bad date {s:?}: use YYYY-MM-DD")))
}

fn field<'a>(row: &'a Row, file: &'static str, i: usize) -> Result<&'a str, LexiconError> {
    row.fields.get(i).copied().ok_or(LexiconError::FieldCount {
        file,
        line: row.line,
        expected: i + 1,
        found: row.fields.len(),
    })
}

/// The first word of a space-separated phrase.
fn first_word(phrase: &str) -> &str {
    phrase.split(' ').next().unwrap_or(phrase)
}

/// Where a name's first token ends: at a space, or where a mark the tokenizer splits off follows
/// a letter (`Workers` of `Workers' Party`).
fn first_token(key: &str) -> &str {
    &key[..token_ends(key).next().unwrap_or(key.len())]
}

/// The byte offsets where a token of `key` may end: before each space, and between a letter or
/// digit and a following mark (`Workers|'`, `Sudan|'s`), but not inside `al-Burhan` or
/// `d'Ivoire`, which the tokenizer keeps whole.
fn token_ends(key: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = key.as_bytes();
    (1..bytes.len()).filter(move |&i| {
        let (prev, here) = (bytes[i - 1], bytes[i]);
        let next_alnum = bytes.get(i + 1).is_some_and(u8::is_ascii_alphanumeric);
        // the tokenizer splits a possessive's `'s` off (`Republican People's Party`), not the
        // apostrophe inside a name (`O'Neill`)
        let clitic = here == b'\''
            && bytes.get(i + 1) == Some(&b's')
            && !bytes.get(i + 2).is_some_and(u8::is_ascii_alphanumeric);
        here == b' '
            || (prev.is_ascii_alphanumeric()
                && !here.is_ascii_alphanumeric()
                && here.is_ascii()
                && !(matches!(here, b'-' | b'.' | b'\'') && next_alnum && !clitic))
    })
}

/// Adds every token-aligned prefix of `key` to `prefixes`.
fn add_prefixes(prefixes: &mut FxHashSet<Box<str>>, key: &str) {
    for i in token_ends(key) {
        prefixes.insert(key[..i].into());
    }
    prefixes.insert(key.into());
}

impl ActorLexicon {
    /// Loads the lexicons embedded in the binary.
    pub fn embedded() -> Result<Self, LexiconError> {
        let mut lex = ActorLexicon::default();
        lex.load_countries(&embedded::COUNTRIES)?;
        lex.load_organizations(&embedded::IGOS, EntryKind::Igo)?;
        lex.load_organizations(&embedded::ORGANIZATIONS, EntryKind::Org)?;
        lex.load_areas(&embedded::AREAS)?;
        lex.load_people(&embedded::PEOPLE)?;
        // A town whose name is a word that never names anything alone (`March`, `Police`,
        // `Most`) is left out: in English text the word is nearly always the word.
        let stops = Lexicon::parse(&embedded::NAME_STOPS)?;
        let stops: FxHashSet<&str> = stops.keys().collect();
        lex.load_cities(&embedded::CITIES, &stops)?;
        lex.load_agents(&embedded::AGENTS)?;
        let titles = Lexicon::parse(&embedded::TITLES)?;
        for row in titles.rows() {
            let role = field(row, titles.file(), 1)?;
            let kind = field(row, titles.file(), 2)?;
            let key = row.fields[0].to_lowercase();
            add_prefixes(&mut lex.title_prefixes, &key);
            lex.mark_lowercase_first(&key, |w| w.title = true);
            lex.titles.insert(
                key.into(),
                Title {
                    role: (role != "-" && !role.is_empty()).then(|| role.into()),
                    honorific: kind == "honorific",
                },
            );
        }
        for row in Lexicon::parse(&embedded::FIRST_NAMES)?.rows() {
            lex.word_mut(row.fields[0]).first_name = true;
        }
        let heads = Lexicon::parse(&embedded::NAME_HEADS)?;
        for row in heads.rows() {
            let head = match field(row, heads.file(), 1)? {
                "ORG" => Head::Org,
                "ORG-BUS" => Head::Business,
                "LOC" => Head::Loc,
                "GPE" => Head::Gpe,
                "LOC-first" => Head::LocFirst,
                "GPE-first" => Head::GpeFirst,
                other => {
                    return Err(row.error(
                        heads.file(),
                        format!(
                            "unknown type {other:?}: use ORG, ORG-BUS, LOC, GPE, LOC-first, \
                             GPE-first"
                        ),
                    ))
                }
            };
            lex.word_mut(row.fields[0]).head = Some(head);
        }
        for row in Lexicon::parse(&embedded::NAME_STOPS)?.rows() {
            lex.word_mut(row.fields[0]).stop = true;
        }
        for row in Lexicon::parse(&embedded::ROLE_MODIFIERS)?.rows() {
            lex.word_mut(row.fields[0]).modifier = true;
        }
        Ok(lex)
    }

    /// The entry at `i`.
    pub fn entry(&self, i: u32) -> &Entry {
        &self.entries[i as usize]
    }

    /// The country entry of an ISO code.
    pub fn country(&self, iso3: &str) -> Option<&Entry> {
        self.countries.get(iso3).map(|&i| self.entry(i))
    }

    /// Where the place called `name` is: the most populous city of that name in country
    /// `iso` (in any country when `iso` is `None`).
    pub fn geo(&self, name: &str, iso: Option<&str>) -> Option<Geo> {
        self.lookup(&crate::fold::fold(name))
            .iter()
            .map(|h| self.entry(h.entry))
            .filter(|e| e.kind == EntryKind::City && (iso.is_none() || e.country.as_deref() == iso))
            .max_by_key(|e| e.population)
            .and_then(|e| e.geo)
    }

    /// The meanings of a folded surface form.
    pub fn lookup(&self, folded: &str) -> &[Hit] {
        self.names.get(folded).map_or(&[], Vec::as_slice)
    }

    pub(crate) fn push_entry(&mut self, entry: Entry) -> u32 {
        let i = u32::try_from(self.entries.len()).expect("fewer than 2^32 entries");
        if entry.kind == EntryKind::Country {
            if let Some(code) = &entry.country {
                self.countries.entry(code.clone()).or_insert(i);
            }
        }
        self.entries.push(entry);
        i
    }

    pub(crate) fn add_name(&mut self, surface: &str, entry: u32, form: Form) {
        let key = fold(surface);
        if key.is_empty() {
            return;
        }
        add_prefixes(&mut self.name_prefixes, &key);
        // The first token as the tokenizer may cut it (`Workers` of `Workers' Party`), and
        // the first word up to a space (`U.S.`, whose period the tokenizer keeps).
        self.word_mut(first_token(&key)).name = true;
        self.word_mut(first_word(&key)).name = true;
        let hits = self.names.entry(key.into()).or_default();
        let hit = Hit { entry, form };
        if !hits.contains(&hit) {
            hits.push(hit);
        }
    }

    pub(crate) fn add_agent(&mut self, phrase: &str, agent: Agent) {
        let key = phrase.to_lowercase();
        add_prefixes(&mut self.agent_prefixes, &key);
        self.mark_lowercase_first(&key, |w| w.agent = true);
        self.agents.insert(key.into(), agent);
    }

    /// What the lexicons know of one word (folded, case kept) that can be part of a name.
    #[inline]
    pub(crate) fn word(&self, folded: &str) -> Option<&WordInfo> {
        self.words.get(folded)
    }

    /// What the lexicons know of one lowercase word: whether a title or role noun starts
    /// with it.
    #[inline]
    pub(crate) fn lower_word(&self, folded: &str) -> Option<&WordInfo> {
        if !self.lower_filter.may_contain(folded) {
            return None;
        }
        self.lower_words.get(folded)
    }

    /// The entry of one word in the word table, made empty when new.
    fn word_mut(&mut self, word: &str) -> &mut WordInfo {
        let key = fold(word);
        let table = if key.chars().next().is_some_and(char::is_lowercase) {
            self.lower_filter.insert(&key);
            &mut self.lower_words
        } else {
            &mut self.words
        };
        table.entry_or_insert_with(&key, WordInfo::default)
    }

    /// Marks the first word of a lowercase phrase, lowercase and capitalised.
    fn mark_lowercase_first(&mut self, phrase: &str, mark: impl Fn(&mut WordInfo)) {
        let first = first_word(phrase);
        mark(self.word_mut(first));
        let mut chars = first.chars();
        if let Some(c) = chars.next() {
            let capitalised: String = c.to_uppercase().chain(chars).collect();
            mark(self.word_mut(&capitalised));
        }
    }

    fn load_countries(&mut self, data: &DataFile) -> Result<(), LexiconError> {
        let lex = Lexicon::parse(data)?;
        for row in lex.rows() {
            let iso = field(row, lex.file(), 0)?;
            let name = field(row, lex.file(), 1)?;
            let adjectives = field(row, lex.file(), 3)?;
            let entry = self.push_entry(Entry {
                name: name.into(),
                kind: EntryKind::Country,
                country: Some(iso.into()),
                codes: vec![DatedCode {
                    cameo: iso.into(),
                    from: None,
                    to: None,
                    role: "country".into(),
                }],
                population: 0,
                geo: None,
                adjective: split_list(adjectives).next().map(Into::into),
            });
            self.add_name(name, entry, Form::Name);
            for alias in split_list(field(row, lex.file(), 2)?) {
                self.add_name(alias, entry, Form::Name);
            }
            for adjective in split_list(adjectives) {
                self.add_name(adjective, entry, Form::Adjective);
            }
            for capital in split_list(field(row, lex.file(), 4)?) {
                self.add_name(capital, entry, Form::Capital);
            }
            for seat in split_list(field(row, lex.file(), 5)?) {
                let (place, role) = seat.split_once('=').unwrap_or((seat, "GOV"));
                self.add_name(place, entry, Form::Seat(role.into()));
            }
        }
        Ok(())
    }

    /// Rows of `code, name, aliases, seats` (international organisations, and organisations of
    /// one country or none); the code's first three letters give the country when they name
    /// one (`SDNREB`), not for transnational codes (`IGOUNO`, `IMGMUSHAM`).
    fn load_organizations(&mut self, data: &DataFile, kind: EntryKind) -> Result<(), LexiconError> {
        let lex = Lexicon::parse(data)?;
        for row in lex.rows() {
            let code = field(row, lex.file(), 0)?;
            let name = field(row, lex.file(), 1)?;
            if code.len() < 3 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
                return Err(row.error(
                    lex.file(),
                    format!("bad CAMEO code {code:?}: use uppercase letters, like SDNREB"),
                ));
            }
            let country = self
                .countries
                .contains_key(&code[..3])
                .then(|| code[..3].into());
            let entry = self.push_entry(Entry {
                name: name.into(),
                kind,
                country,
                codes: vec![DatedCode {
                    cameo: code.into(),
                    from: None,
                    to: None,
                    role: "organization".into(),
                }],
                population: 0,
                geo: None,
                adjective: None,
            });
            self.add_name(name, entry, Form::Name);
            for alias in split_list(field(row, lex.file(), 2)?) {
                self.add_name(alias, entry, Form::Name);
            }
            for seat in split_list(field(row, lex.file(), 3)?) {
                self.add_name(seat, entry, Form::Seat("".into()));
            }
        }
        Ok(())
    }

    /// Rows of `name, aliases, kind, iso3` (the country is empty where claims are disputed).
    fn load_areas(&mut self, data: &DataFile) -> Result<(), LexiconError> {
        let lex = Lexicon::parse(data)?;
        for row in lex.rows() {
            let name = field(row, lex.file(), 0)?;
            let iso = field(row, lex.file(), 3)?;
            let kind = match field(row, lex.file(), 2)? {
                "territory" => EntryKind::Territory,
                _ => EntryKind::Area,
            };
            let entry = self.push_entry(Entry {
                name: name.into(),
                kind,
                country: (!iso.is_empty()).then(|| iso.into()),
                codes: Vec::new(),
                population: 0,
                geo: None,
                adjective: None,
            });
            self.add_name(name, entry, Form::Name);
            for alias in split_list(field(row, lex.file(), 1)?) {
                self.add_name(alias, entry, Form::Name);
            }
        }
        Ok(())
    }

    fn load_people(&mut self, data: &DataFile) -> Result<(), LexiconError> {
        let lex = Lexicon::parse(data)?;
        self.load_people_rows(&lex)
    }

    /// Rows of `name, aliases, cameo, from, to, role`: several rows of one name are one
    /// person's offices.
    pub(crate) fn load_people_rows(&mut self, lex: &Lexicon) -> Result<(), LexiconError> {
        let mut by_name: HashMap<&str, u32> = HashMap::new();
        for row in lex.rows() {
            let name = field(row, lex.file(), 0)?;
            let cameo = field(row, lex.file(), 2)?;
            if cameo.len() < 3 || !cameo.bytes().all(|b| b.is_ascii_uppercase()) {
                return Err(row.error(
                    lex.file(),
                    format!("bad CAMEO code {cameo:?}: use uppercase letters, like VENGOV"),
                ));
            }
            let from = parse_date(row, lex.file(), field(row, lex.file(), 3)?)?;
            let to = parse_date(row, lex.file(), field(row, lex.file(), 4)?)?;
            let code = DatedCode {
                cameo: cameo.into(),
                from,
                to,
                role: field(row, lex.file(), 5)?.into(),
            };
            // The country is the code's first three letters when they name one (`IGO...`,
            // `IMG...` do not).
            let country = self
                .countries
                .contains_key(&cameo[..3])
                .then(|| cameo[..3].into());
            let entry = match by_name.get(name) {
                Some(&e) => {
                    self.entries[e as usize].codes.push(code);
                    e
                }
                None => {
                    let e = self.push_entry(Entry {
                        name: name.into(),
                        kind: EntryKind::Person,
                        country,
                        codes: vec![code],
                        population: 0,
                        geo: None,
                        adjective: None,
                    });
                    by_name.insert(name, e);
                    self.add_name(name, e, Form::Name);
                    e
                }
            };
            for alias in split_list(field(row, lex.file(), 1)?) {
                self.add_name(alias, entry, Form::Name);
            }
        }
        Ok(())
    }

    fn load_cities(
        &mut self,
        data: &DataFile,
        stops: &FxHashSet<&str>,
    ) -> Result<(), LexiconError> {
        let lex = Lexicon::parse(data)?;
        for row in lex.rows() {
            let name = field(row, lex.file(), 0)?;
            let ascii = field(row, lex.file(), 1)?;
            let iso = field(row, lex.file(), 2)?;
            let population = field(row, lex.file(), 6)?.parse().unwrap_or(0);
            let lat = field(row, lex.file(), 4)?.parse::<f64>();
            let lon = field(row, lex.file(), 5)?.parse::<f64>();
            let geo = match (lat, lon) {
                (Ok(lat), Ok(lon)) => Some(Geo::new(lat, lon)),
                _ => None,
            };
            if stops.contains(name) || stops.contains(ascii) {
                continue;
            }
            let entry = self.push_entry(Entry {
                name: name.into(),
                kind: EntryKind::City,
                country: (!iso.is_empty()).then(|| iso.into()),
                codes: Vec::new(),
                population,
                geo,
                adjective: None,
            });
            self.add_name(name, entry, Form::Name);
            if !ascii.is_empty() && ascii != name {
                self.add_name(ascii, entry, Form::Name);
            }
        }
        Ok(())
    }

    fn load_agents(&mut self, data: &DataFile) -> Result<(), LexiconError> {
        let lex = Lexicon::parse(data)?;
        for row in lex.rows() {
            let code = field(row, lex.file(), 1)?;
            let institution = match field(row, lex.file(), 2)? {
                "organization" => true,
                "group" => false,
                other => {
                    return Err(row.error(
                        lex.file(),
                        format!("unknown type {other:?}: use group or organization"),
                    ))
                }
            };
            let (qualified, foreign) = match row.fields.get(3).copied() {
                None | Some("") => (false, false),
                Some("qualified") => (true, false),
                Some("foreign") => (false, true),
                Some(other) => {
                    return Err(row.error(
                        lex.file(),
                        format!("unknown use {other:?}: leave empty or use qualified or foreign"),
                    ))
                }
            };
            self.add_agent(
                row.fields[0],
                Agent {
                    code: code.into(),
                    institution,
                    qualified,
                    foreign,
                },
            );
        }
        Ok(())
    }

    /// Adds the actors of a user dictionary (see [`crate::user`]).
    pub fn extend_from_file(&mut self, path: &std::path::Path) -> Result<usize, UserError> {
        crate::user::load(self, path)
    }
}
