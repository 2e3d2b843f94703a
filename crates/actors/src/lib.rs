//! The `actors` stage: who the article names, and which coded actor each name stands for.
//!
//! [`ActorStage`] reads sentences and tokens and writes [`Document::mentions`] and
//! [`Document::actors`]:
//!
//! 1. **Recognition** ([`scan`]): gazetteer names (countries with their adjectives, capitals and
//!    seats of power, international organisations, people in office, cities), titles before
//!    names (`President`, `opposition leader`), role nouns (`riot police`, `the Supreme
//!    Court`), and capitalised runs no lexicon knows, typed from their cues (a title, a first
//!    name, a head word such as `Party` or `River`, `the city of`, a following `said`). A lone
//!    capitalised word at a sentence start, and any unknown name in a headline or a shouted
//!    line, counts only when the article names it elsewhere too.
//! 2. **Linking** (this module): one actor per real-world entity. A surname, or a title and a
//!    surname, joins the person named in full; `the president` joins the last person
//!    introduced with that title; a capital that acts (`Washington warned`) stands for its
//!    government, one that is a place (`talks in Washington`) is a place of that country;
//!    role nouns take the country of an adjective or possessive before them (`Kenyan police`,
//!    `Venezuela's Supreme Court`) or else the article's main country.
//! 3. **Codes**: CAMEO actor codes from the lexicon, dated by the article's publication date
//!    for people in office (a president is `XXXGOV` during the term only), and from context
//!    (country + agent code) for the rest.
//!
//! ```
//! use newsgraph_actors::ActorStage;
//! use newsgraph_doc::{Document, Format, Meta, Source, Stage};
//! use newsgraph_layout::LayoutAnalyzer;
//! use newsgraph_segment::Segmenter;
//!
//! let text = "Talks stall\n\nKenyan police fired tear gas in Nairobi on Tuesday. \
//!             President William Ruto said the bill would pass. Ruto's allies agreed.\n";
//! let source = Source { path: None, url: None, format: Format::Text };
//! let mut doc = Document::new("x", source, Meta::default(), text);
//! LayoutAnalyzer::new().unwrap().annotate(&mut doc).unwrap();
//! Segmenter::new().unwrap().annotate(&mut doc).unwrap();
//! ActorStage::new().unwrap().annotate(&mut doc).unwrap();
//! let ruto: Vec<_> = doc.mentions.iter().filter(|m| doc.span_text(m.span).contains("Ruto")).collect();
//! assert_eq!(ruto.len(), 2);
//! assert_eq!(ruto[0].actor, ruto[1].actor);
//! ```
#![deny(missing_docs)]

mod fold;
pub mod lexicon;
mod scan;
pub mod user;

use std::sync::Arc;

use chrono::NaiveDate;
use newsgraph_doc::{
    Actor, ActorType, Document, Layer, Mention, MentionType, SectionKind, Span, Stage, StageError,
};
use newsgraph_lexicon::LexiconError;
use rustc_hash::FxHashMap;

pub use lexicon::ActorLexicon;
pub use user::UserError;

use fold::fold;
use lexicon::{EntryKind, Form, Hit};
use scan::{Cand, RunType, Scanner, What};

/// The `actors` stage. Build it once; it is immutable and shared across threads.
#[derive(Debug, Clone)]
pub struct ActorStage {
    lex: Arc<ActorLexicon>,
}

impl ActorStage {
    /// Builds the stage with the embedded lexicons.
    pub fn new() -> Result<Self, LexiconError> {
        Ok(Self::with_lexicon(ActorLexicon::embedded()?))
    }

    /// Builds the stage with a lexicon of the caller's (the embedded one extended with user
    /// dictionaries, say).
    pub fn with_lexicon(lex: ActorLexicon) -> Self {
        ActorStage { lex: Arc::new(lex) }
    }

    /// The lexicon in use.
    pub fn lexicon(&self) -> &ActorLexicon {
        &self.lex
    }
}

/// Who an actor is, to merge the mentions of one real-world entity.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Key {
    /// A lexicon entry: a person, an organisation.
    Entry(u32),
    /// A country as itself.
    Country(Box<str>),
    /// A part of a country's state or society: (country, agent code).
    State(Box<str>, Box<str>),
    /// A role with no country: (agent code).
    Role(Box<str>),
    /// A place: (folded name, country).
    Place(Box<str>, Option<Box<str>>),
    /// A person no lexicon knows, by folded full name.
    Person(Box<str>),
    /// An organisation or place no lexicon knows, by folded name.
    Other(Box<str>),
}

/// A mention decided: its type, its actor's key, and what the actor is.
struct Resolved {
    kind: MentionType,
    key: Key,
    seed: ActorSeed,
}

/// What a new actor starts as; the first mention of an actor fills it.
#[derive(Clone)]
struct ActorSeed {
    name: String,
    kind: ActorType,
    country: Option<Box<str>>,
    cameo: Option<String>,
    roles: Vec<String>,
}

/// The per-article linking state.
struct Linker<'a> {
    lex: &'a ActorLexicon,
    text: &'a str,
    date: Option<NaiveDate>,
    home: Option<Box<str>>,
    /// Surname or single name (folded) → person key.
    surnames: FxHashMap<Box<str>, Key>,
    /// Title words (`president`) → the last person introduced with them.
    titled: FxHashMap<Box<str>, Key>,
    /// Folded text of every accepted named mention, to confirm deferred ones.
    confirmed: FxHashMap<Box<str>, Key>,
    /// Folded full names of persons and their keys (for longest-name naming).
    keys: FxHashMap<Key, usize>,
    actors: Vec<Actor>,
}

impl Stage for ActorStage {
    fn name(&self) -> &'static str {
        "actors"
    }

    fn requires(&self) -> &'static [Layer] {
        &[Layer::Sections, Layer::Sentences, Layer::Tokens]
    }

    fn produces(&self) -> &'static [Layer] {
        &[Layer::Mentions, Layer::Actors]
    }

    fn annotate(&self, doc: &mut Document) -> Result<(), StageError> {
        let (mentions, actors) = self.find(doc);
        doc.mentions = mentions;
        doc.actors = actors;
        Ok(())
    }
}

impl ActorStage {
    fn find(&self, doc: &Document) -> (Vec<Mention>, Vec<Actor>) {
        let text = doc.text();
        let mut scanner = Scanner::new(&self.lex, text, &doc.tokens);
        let mut cands: Vec<Cand> = Vec::new();
        for sentence in &doc.sentences {
            let Some(section) = doc.sections.get(sentence.section as usize) else {
                continue;
            };
            if !section.kind.is_content() || section.kind == SectionKind::Byline {
                continue;
            }
            let headline = section.kind == SectionKind::Headline;
            scanner.sentence(
                sentence.first_token as usize,
                sentence.end_token as usize,
                headline,
                &mut cands,
            );
        }
        let mut linker = Linker {
            lex: &self.lex,
            text,
            date: doc.meta.published,
            home: home_country(&self.lex, &cands),
            surnames: FxHashMap::default(),
            titled: FxHashMap::default(),
            confirmed: FxHashMap::default(),
            keys: FxHashMap::default(),
            actors: Vec::new(),
        };
        let span = |c: &Cand| {
            Span::new(
                doc.tokens[c.start].span.start as usize,
                doc.tokens[c.end - 1].span.end as usize,
            )
        };
        // Sure mentions first, in text order, so that deferred ones (headline words, lone
        // sentence-initial words) can lean on everything the article says.
        let mut resolved: Vec<Option<Resolved>> = Vec::with_capacity(cands.len());
        for c in &cands {
            let previous = resolved.last().and_then(Option::as_ref);
            let r = if c.deferred {
                None
            } else if let (true, Some(prev)) = (c.acronym, previous) {
                // `(LSK)` after `Law Society of Kenya`: the same actor.
                Some(Resolved {
                    kind: prev.kind,
                    key: prev.key.clone(),
                    seed: prev.seed.clone(),
                })
            } else {
                linker.resolve(c, span(c))
            };
            resolved.push(r);
            if let Some(r) = resolved.last().and_then(Option::as_ref) {
                linker.remember(c, span(c), r);
            }
        }
        for (c, r) in cands.iter().zip(resolved.iter_mut()) {
            if c.deferred {
                *r = linker.resolve_deferred(c, span(c));
            }
        }
        let mut mentions = Vec::new();
        for (c, r) in cands.iter().zip(resolved) {
            let Some(r) = r else { continue };
            let m = u32::try_from(mentions.len()).unwrap_or(u32::MAX);
            let actor = linker.actor_for(r.key, r.seed, m);
            mentions.push(Mention {
                span: span(c),
                kind: r.kind,
                actor: Some(actor),
            });
        }
        (mentions, linker.actors)
    }
}

/// The country the article is mostly about: the most named one, the first named on a tie.
fn home_country(lex: &ActorLexicon, cands: &[Cand]) -> Option<Box<str>> {
    let mut counts: Vec<(Box<str>, usize, usize)> = Vec::new();
    for (order, c) in cands.iter().enumerate() {
        let What::Named(hits) = &c.what else { continue };
        let Some(hit) = hits.iter().find(|h| {
            let e = lex.entry(h.entry);
            matches!(e.kind, EntryKind::Country | EntryKind::Person)
        }) else {
            continue;
        };
        let Some(country) = lex.entry(hit.entry).country.clone() else {
            continue;
        };
        match counts.iter_mut().find(|(c, _, _)| *c == country) {
            Some((_, n, _)) => *n += 1,
            None => counts.push((country, 1, order)),
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(_, n, order)| (n, std::cmp::Reverse(order)))
        .map(|(c, _, _)| c)
}

/// The label of a state role in an actor name: `Venezuela government`.
fn role_label(code: &str) -> &str {
    match code {
        "GOV" => "government",
        "MIL" => "military",
        "COP" => "police",
        "JUD" => "judiciary",
        "LEG" => "legislature",
        "OPP" => "opposition",
        "REB" => "rebels",
        "SPY" => "intelligence services",
        "MED" => "media",
        "CVL" => "civilians",
        "BUS" => "business",
        "EDU" => "education",
        "LAB" => "labour",
        "REF" => "refugees",
        "HLH" => "health",
        "PTY" => "party",
        _ => code,
    }
}

impl Linker<'_> {
    fn country_name(&self, iso: &str) -> String {
        self.lex
            .country(iso)
            .map_or_else(|| iso.to_string(), |e| e.name.to_string())
    }

    fn country_seed(&self, iso: &str) -> ActorSeed {
        ActorSeed {
            name: self.country_name(iso),
            kind: ActorType::Country,
            country: Some(iso.into()),
            cameo: Some(iso.to_string()),
            roles: Vec::new(),
        }
    }

    fn state_seed(
        &self,
        iso: &str,
        role: &str,
        kind: ActorType,
        phrase: Option<&str>,
    ) -> ActorSeed {
        let adjective = self
            .lex
            .country(iso)
            .and_then(|e| e.adjective.as_deref())
            .map(str::to_string)
            .unwrap_or_else(|| self.country_name(iso));
        let label = phrase.unwrap_or_else(|| role_label(role));
        ActorSeed {
            name: format!("{adjective} {label}"),
            kind,
            country: Some(iso.into()),
            cameo: Some(format!("{iso}{role}")),
            roles: vec![role.to_string()],
        }
    }

    fn place_seed(&self, name: &str, iso: Option<&str>) -> ActorSeed {
        ActorSeed {
            name: name.to_string(),
            kind: ActorType::Place,
            country: iso.map(Into::into),
            cameo: iso.map(str::to_string),
            roles: Vec::new(),
        }
    }

    fn person_seed(&self, entry: u32) -> ActorSeed {
        let e = self.lex.entry(entry);
        let code = e.code_on(self.date);
        let cameo = code
            .map(|c| c.cameo.to_string())
            .or_else(|| e.country.as_deref().map(str::to_string));
        let roles = cameo
            .as_deref()
            .filter(|c| c.len() > 3 && !c.starts_with("IGO") && !c.starts_with("NGO"))
            .map(|c| vec![c[3..].to_string()])
            .unwrap_or_default();
        ActorSeed {
            name: e.name.to_string(),
            kind: ActorType::Person,
            country: e.country.clone(),
            cameo,
            roles,
        }
    }

    /// True when a capital or seat stands for a government here rather than a place.
    fn metonymic(c: &Cand) -> bool {
        !c.place_cue && (c.acts || c.possessive)
    }

    /// The best meaning of a gazetteer name in context.
    fn pick<'h>(&self, c: &Cand, hits: &'h [Hit]) -> Option<&'h Hit> {
        let rank = |h: &Hit| -> i64 {
            let e = self.lex.entry(h.entry);
            let home = e.country.is_some() && e.country == self.home;
            match (&h.form, e.kind) {
                (_, EntryKind::Person) => 90,
                (Form::Seat(_), EntryKind::Igo) if Self::metonymic(c) => 85,
                (Form::Name, EntryKind::Igo | EntryKind::Org) => 80,
                (Form::Name, EntryKind::Country) => 70,
                (Form::Adjective, _) => 65,
                (Form::Seat(_), EntryKind::Country) => 60,
                (Form::Capital, _) => 50,
                (_, EntryKind::Region) => 40 + i64::from(home),
                (_, EntryKind::City) => {
                    // Among cities of one name: the home country's, then the biggest.
                    let pop = i64::try_from(e.population.min(30_000_000)).unwrap_or(0);
                    10 + if home { 20 } else { 0 } + pop / 3_000_000
                }
                _ => 0,
            }
        };
        hits.iter().max_by_key(|h| rank(h))
    }

    fn resolve(&mut self, c: &Cand, span: Span) -> Option<Resolved> {
        let surface = &self.text[span];
        match &c.what {
            What::Named(hits) => self.resolve_named(c, surface, hits),
            What::Agent {
                agent,
                phrase,
                country,
                proper,
            } => {
                let country = country.clone().or_else(|| self.home.clone());
                let kind = if agent.institution {
                    ActorType::Organization
                } else {
                    ActorType::Group
                };
                let mtype = if *proper {
                    MentionType::Org
                } else {
                    MentionType::Group
                };
                Some(match country {
                    Some(iso) => Resolved {
                        kind: mtype,
                        key: Key::State(iso.clone(), agent.code.clone()),
                        seed: self.state_seed(&iso, &agent.code, kind, Some(phrase)),
                    },
                    None => Resolved {
                        kind: mtype,
                        key: Key::Role(agent.code.clone()),
                        seed: ActorSeed {
                            name: phrase.to_string(),
                            kind,
                            country: None,
                            cameo: None,
                            roles: vec![agent.code.to_string()],
                        },
                    },
                })
            }
            What::RoleRef(title) => {
                let key = self.titled.get(title)?.clone();
                Some(Resolved {
                    kind: MentionType::Person,
                    key,
                    seed: ActorSeed {
                        name: surface.to_string(),
                        kind: ActorType::Person,
                        country: None,
                        cameo: None,
                        roles: Vec::new(),
                    },
                })
            }
            What::CountryRef => {
                let iso = self.home.clone()?;
                Some(Resolved {
                    kind: MentionType::Gpe,
                    key: Key::Country(iso.clone()),
                    seed: self.country_seed(&iso),
                })
            }
            What::Unknown(run_type) => self.resolve_unknown(c, surface, *run_type, false),
        }
    }

    fn resolve_named(&mut self, c: &Cand, surface: &str, hits: &[Hit]) -> Option<Resolved> {
        let hit = self.pick(c, hits)?;
        let e = self.lex.entry(hit.entry);
        let iso = e.country.clone();
        Some(match (&hit.form, e.kind) {
            (_, EntryKind::Person) => Resolved {
                kind: MentionType::Person,
                key: Key::Entry(hit.entry),
                seed: self.person_seed(hit.entry),
            },
            (_, EntryKind::Igo | EntryKind::Org) => Resolved {
                kind: if matches!(hit.form, Form::Seat(_)) {
                    MentionType::Gpe
                } else {
                    MentionType::Org
                },
                key: Key::Entry(hit.entry),
                seed: ActorSeed {
                    name: e.name.to_string(),
                    kind: ActorType::Organization,
                    country: iso.clone(),
                    cameo: e.codes.first().map(|c| c.cameo.to_string()),
                    roles: Vec::new(),
                },
            },
            (Form::Name, EntryKind::Country) => {
                let iso = iso?;
                Resolved {
                    kind: MentionType::Gpe,
                    key: Key::Country(iso.clone()),
                    seed: self.country_seed(&iso),
                }
            }
            (Form::Adjective, EntryKind::Country) => {
                let iso = iso?;
                Resolved {
                    kind: MentionType::Norp,
                    key: Key::Country(iso.clone()),
                    seed: self.country_seed(&iso),
                }
            }
            (Form::Seat(role), EntryKind::Country) => {
                let iso = iso?;
                let role = if role.is_empty() { "GOV" } else { role };
                Resolved {
                    kind: MentionType::Org,
                    key: Key::State(iso.clone(), role.into()),
                    seed: self.state_seed(&iso, role, ActorType::Organization, None),
                }
            }
            (Form::Capital, _) if Self::metonymic(c) => {
                let iso = iso?;
                Resolved {
                    kind: MentionType::Gpe,
                    key: Key::State(iso.clone(), "GOV".into()),
                    seed: self.state_seed(&iso, "GOV", ActorType::Organization, None),
                }
            }
            (Form::Capital, _) => {
                let name = fold(surface);
                Resolved {
                    kind: MentionType::Gpe,
                    key: Key::Place(name.clone().into(), iso.clone()),
                    seed: self.place_seed(surface, iso.as_deref()),
                }
            }
            (_, EntryKind::City | EntryKind::Region) => {
                // A city name is common enough as a word or a surname that it needs a place
                // cue, or a big city.
                let big = e.population >= 1_000_000;
                let home = iso.is_some() && iso == self.home;
                if !(c.place_cue || big || (home && e.population >= 100_000)) {
                    // Not read as a place here: perhaps a surname, or a name used before.
                    return self.resolve_unknown(c, surface, None, false);
                }
                Resolved {
                    kind: MentionType::Gpe,
                    key: Key::Place(fold(&e.name).into(), iso.clone()),
                    seed: self.place_seed(&e.name, iso.as_deref()),
                }
            }
        })
    }

    fn resolve_unknown(
        &mut self,
        c: &Cand,
        surface: &str,
        run_type: Option<RunType>,
        deferred: bool,
    ) -> Option<Resolved> {
        let folded = fold(surface);
        // A surname of someone named before joins them.
        if let Some(key) = self.surnames.get(folded.as_str()) {
            if run_type.is_none() || run_type == Some(RunType::Person) {
                return Some(Resolved {
                    kind: MentionType::Person,
                    key: key.clone(),
                    seed: self.seed_of(key).unwrap_or_else(|| unknown_person(surface)),
                });
            }
        }
        if deferred {
            let key = self.confirmed.get(folded.as_str())?.clone();
            let seed = self.seed_of(&key)?;
            let kind = mention_type_of(&key, seed.kind);
            return Some(Resolved { kind, seed, key });
        }
        // A name the article has used before keeps its actor: `LSK` after
        // `Law Society of Kenya (LSK)`, a bare `Hemedti`.
        {
            if let Some(key) = self.confirmed.get(folded.as_str()) {
                let key = key.clone();
                let seed = self.seed_of(&key)?;
                let kind = mention_type_of(&key, seed.kind);
                return Some(Resolved { kind, seed, key });
            }
        }
        let run_type = run_type?;
        Some(match run_type {
            RunType::Person => {
                let title = c.title.as_ref();
                let role = title.and_then(|t| t.title.role.clone());
                let country = title
                    .and_then(|t| t.country.clone())
                    .or_else(|| role.as_ref().and(self.home.clone()));
                let cameo = match (&country, &role) {
                    (Some(iso), Some(role)) => Some(format!("{iso}{role}")),
                    (Some(iso), None) => Some(iso.to_string()),
                    _ => None,
                };
                Resolved {
                    kind: MentionType::Person,
                    key: Key::Person(folded.into()),
                    seed: ActorSeed {
                        name: surface.to_string(),
                        kind: ActorType::Person,
                        country,
                        cameo,
                        roles: role.map(|r| vec![r.to_string()]).unwrap_or_default(),
                    },
                }
            }
            RunType::Org => Resolved {
                kind: MentionType::Org,
                key: Key::Other(folded.into()),
                seed: ActorSeed {
                    name: surface.to_string(),
                    kind: ActorType::Organization,
                    country: None,
                    cameo: None,
                    roles: Vec::new(),
                },
            },
            RunType::Loc | RunType::Gpe => Resolved {
                kind: if run_type == RunType::Loc {
                    MentionType::Loc
                } else {
                    MentionType::Gpe
                },
                key: Key::Place(folded.into(), None),
                seed: self.place_seed(surface, None),
            },
        })
    }

    /// A deferred candidate counts when the article supports it elsewhere.
    fn resolve_deferred(&mut self, c: &Cand, span: Span) -> Option<Resolved> {
        let surface = &self.text[span];
        match &c.what {
            What::Unknown(run_type) => self.resolve_unknown(c, surface, *run_type, true),
            _ => self.resolve(c, span),
        }
    }

    /// The seed of an actor already made for `key`.
    fn seed_of(&self, key: &Key) -> Option<ActorSeed> {
        let a = &self.actors[*self.keys.get(key)?];
        Some(ActorSeed {
            name: a.name.clone(),
            kind: a.kind,
            country: a.country.as_deref().map(Into::into),
            cameo: a.cameo.clone(),
            roles: a.roles.clone(),
        })
    }

    /// Records what a resolved mention teaches: surnames, titles, confirmed names.
    fn remember(&mut self, c: &Cand, span: Span, r: &Resolved) {
        let surface = &self.text[span];
        let folded: Box<str> = fold(surface).into();
        // Make the actor now so that later mentions can copy it.
        if !self.keys.contains_key(&r.key) {
            self.actors.push(Actor {
                name: r.seed.name.clone(),
                kind: r.seed.kind,
                country: r.seed.country.as_deref().map(str::to_string),
                cameo: r.seed.cameo.clone(),
                roles: r.seed.roles.clone(),
                mentions: Vec::new(),
            });
            self.keys.insert(r.key.clone(), self.actors.len() - 1);
        }
        if r.kind == MentionType::Person {
            let words: Vec<&str> = folded.split(' ').collect();
            if words.len() >= 2 {
                if let Some(last) = words.last() {
                    self.surnames.insert((*last).into(), r.key.clone());
                }
                // A longer name renames the actor: `Ruto` then `William Ruto`.
                if let Some(&a) = self.keys.get(&r.key) {
                    if matches!(r.key, Key::Person(_)) && surface.len() > self.actors[a].name.len()
                    {
                        self.actors[a].name = surface.to_string();
                    }
                }
            }
            if let Some(t) = &c.title {
                if !t.title.honorific {
                    self.titled.insert(t.key.clone(), r.key.clone());
                }
            }
            if let Key::Entry(e) = r.key {
                if let Some(code) = self.lex.entry(e).code_on(self.date) {
                    if !code.role.is_empty() {
                        self.titled
                            .insert(code.role.to_lowercase().into(), r.key.clone());
                    }
                }
            }
        }
        if !matches!(
            c.what,
            What::Agent { .. } | What::RoleRef(_) | What::CountryRef
        ) {
            self.confirmed.insert(folded, r.key.clone());
        }
    }

    /// The actor of `key`, made from `seed` when new; records mention `m` on it.
    fn actor_for(&mut self, key: Key, seed: ActorSeed, m: u32) -> u32 {
        let a = match self.keys.get(&key) {
            Some(&a) => a,
            None => {
                self.actors.push(Actor {
                    name: seed.name,
                    kind: seed.kind,
                    country: seed.country.as_deref().map(str::to_string),
                    cameo: seed.cameo,
                    roles: seed.roles,
                    mentions: Vec::new(),
                });
                self.keys.insert(key, self.actors.len() - 1);
                self.actors.len() - 1
            }
        };
        self.actors[a].mentions.push(m);
        u32::try_from(a).unwrap_or(u32::MAX)
    }
}

/// The mention type of a bare repeat of a name whose actor is known.
fn mention_type_of(key: &Key, kind: ActorType) -> MentionType {
    match (key, kind) {
        (_, ActorType::Person) => MentionType::Person,
        (Key::Place(..), _) | (_, ActorType::Place) => MentionType::Gpe,
        (Key::Country(_), _) => MentionType::Gpe,
        _ => MentionType::Org,
    }
}

fn unknown_person(surface: &str) -> ActorSeed {
    ActorSeed {
        name: surface.to_string(),
        kind: ActorType::Person,
        country: None,
        cameo: None,
        roles: Vec::new(),
    }
}

#[cfg(test)]
mod tests;
