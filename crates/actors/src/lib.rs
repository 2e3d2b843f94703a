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

use std::borrow::Cow;
use std::sync::Arc;

use chrono::NaiveDate;
use newsgraph_doc::{
    Actor, ActorType, Document, Layer, Mention, MentionType, SectionKind, Span, Stage, StageError,
};
use newsgraph_lexicon::LexiconError;
use rustc_hash::{FxHashMap, FxHashSet};

pub use lexicon::ActorLexicon;
pub use user::UserError;

use fold::fold;
use lexicon::{EntryKind, Form, Head, Hit};
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

/// Who an actor is, to merge the mentions of one real-world entity. Keys borrow from the
/// lexicon and the article's text, so that most cost no allocation.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Key<'a> {
    /// A lexicon entry: a person, an organisation.
    Entry(u32),
    /// A country as itself, by ISO code.
    Country(&'a str),
    /// A part of a country's state or society: (country, agent code).
    State(&'a str, &'a str),
    /// A role with no country: (agent code).
    Role(&'a str),
    /// A place: (folded name, country).
    Place(Cow<'a, str>, Option<&'a str>),
    /// A person no lexicon knows, by folded full name.
    Person(Cow<'a, str>),
    /// An organisation or place no lexicon knows, by folded name.
    Other(Cow<'a, str>),
}

/// A mention decided: its type, its actor's key, and what the actor is if it is new.
struct Resolved<'a> {
    kind: MentionType,
    key: Key<'a>,
    seed: Seed<'a>,
}

/// What a new actor is made from. Only the first mention of an actor turns its seed into an
/// [`Actor`]; the rest never allocate for it.
#[derive(Clone, Copy)]
enum Seed<'a> {
    /// The actor of the key was made before.
    Known,
    /// A person of the lexicon, coded on the article's date.
    Person(u32),
    /// An organisation of the lexicon.
    Org(u32),
    /// A country as itself, by ISO code.
    Country(&'a str),
    /// A part of a country's state: `Kenyan police`, `Russian government`.
    State {
        iso: &'a str,
        role: &'a str,
        kind: ActorType,
        phrase: Option<&'a str>,
    },
    /// A role with no country.
    Role {
        phrase: &'a str,
        code: &'a str,
        kind: ActorType,
    },
    /// A place.
    Place { name: &'a str, iso: Option<&'a str> },
    /// A person no lexicon knows, with what a title said of them.
    NewPerson {
        name: &'a str,
        country: Option<&'a str>,
        role: Option<&'a str>,
        /// The organisation a title before the name made them part of, by actor index:
        /// they take its code.
        of: Option<usize>,
    },
    /// An organisation no lexicon knows.
    NewOrg(&'a str),
}

/// The per-article linking state.
struct Linker<'a> {
    lex: &'a ActorLexicon,
    text: &'a str,
    date: Option<NaiveDate>,
    home: Option<&'a str>,
    /// Surname or single name (folded) → person key.
    surnames: FxHashMap<Cow<'a, str>, Key<'a>>,
    /// Title words (`president`) → the last person introduced with them.
    titled: FxHashMap<Cow<'a, str>, Key<'a>>,
    /// Folded text of every accepted named mention, to confirm deferred ones.
    confirmed: FxHashMap<Cow<'a, str>, Key<'a>>,
    /// The organisation of states named last, which `the bloc` refers back to.
    last_igo: Option<Key<'a>>,
    /// The business named last (a name ending in a business word of
    /// `data/actors/name_heads.tsv`: `Motors`, `Holdings`), which `the company` refers back to.
    last_business: Option<Key<'a>>,
    /// The head word of a role noun named with a country (`ministry` of `China's commerce
    /// ministry`) → that country, which `the ministry` refers back to.
    role_country: FxHashMap<&'a str, &'a str>,
    /// The non-state organisation named last, which `the group` refers back to.
    last_group: Option<Key<'a>>,
    /// The actor of each key.
    keys: FxHashMap<Key<'a>, usize>,
    actors: Vec<Actor>,
    /// The actor of each candidate resolved so far (sure ones only), by candidate index.
    cand_actor: Vec<Option<usize>>,
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
        let (mentions, mut actors) = self.find(doc);
        for actor in &mut actors {
            if actor.kind == ActorType::Place {
                actor.geo = self.lex.geo(&actor.name, actor.country.as_deref());
            }
        }
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
        let mut dateline = 0..0;
        for sentence in &doc.sentences {
            let Some(section) = doc.sections.get(sentence.section as usize) else {
                continue;
            };
            if !section.kind.is_content() || section.kind == SectionKind::Byline {
                continue;
            }
            let headline = section.kind == SectionKind::Headline;
            let before = cands.len();
            scanner.sentence(
                sentence.first_token as usize,
                sentence.end_token as usize,
                headline,
                &mut cands,
            );
            if section.kind == SectionKind::Dateline && dateline.is_empty() {
                dateline = before..cands.len();
            }
        }
        let mut linker = Linker {
            lex: &self.lex,
            text,
            date: doc.meta.published,
            home: home_country(&self.lex, &cands, dateline, |t| {
                doc.span_text(doc.tokens[t].span)
            }),
            surnames: FxHashMap::default(),
            titled: FxHashMap::default(),
            confirmed: FxHashMap::default(),
            last_igo: None,
            last_business: None,
            role_country: FxHashMap::default(),
            last_group: None,
            keys: FxHashMap::default(),
            actors: Vec::new(),
            cand_actor: Vec::with_capacity(cands.len()),
        };
        let spans: Vec<Span> = cands
            .iter()
            .map(|c| {
                Span::new(
                    doc.tokens[c.start].span.start as usize,
                    doc.tokens[c.end - 1].span.end as usize,
                )
            })
            .collect();
        // Sure mentions first, in text order, so that deferred ones (headline words, lone
        // sentence-initial words) can lean on everything the article says.
        let mut resolved: Vec<Option<Resolved>> = Vec::with_capacity(cands.len());
        for (c, &span) in cands.iter().zip(&spans) {
            let previous = resolved.last().and_then(Option::as_ref);
            let r = if c.deferred {
                None
            } else if let Some(owner) = owner_of(c)
                .and_then(|j| resolved.get(j))
                .and_then(Option::as_ref)
            {
                // `the ICC's prosecutor`: the organisation whose role it is
                Some(Resolved {
                    kind: MentionType::Group,
                    key: owner.key.clone(),
                    seed: Seed::Known,
                })
            } else if let (true, Some(prev)) = (c.acronym, previous) {
                // `(LSK)` after `Law Society of Kenya`: the same actor.
                Some(Resolved {
                    kind: prev.kind,
                    key: prev.key.clone(),
                    seed: Seed::Known,
                })
            } else {
                linker.resolve(c, span)
            };
            if let Some(r) = &r {
                linker.remember(c, span, r);
            }
            let actor = r.as_ref().and_then(|r| linker.keys.get(&r.key).copied());
            linker.cand_actor.push(actor);
            resolved.push(r);
        }
        for ((c, &span), r) in cands.iter().zip(&spans).zip(resolved.iter_mut()) {
            if c.deferred {
                *r = linker.resolve_deferred(c, span);
            }
        }
        let mut mentions = Vec::with_capacity(cands.len());
        for (span, r) in spans.into_iter().zip(resolved) {
            let Some(r) = r else { continue };
            let m = u32::try_from(mentions.len()).unwrap_or(u32::MAX);
            let actor = linker.actor_for(r.key, r.seed, m);
            mentions.push(Mention {
                span,
                kind: r.kind,
                actor: Some(actor),
            });
        }
        (mentions, linker.actors)
    }
}

/// The organisation a role noun belongs to (`the ICC's prosecutor`), as a candidate index.
fn owner_of(c: &Cand<'_>) -> Option<usize> {
    match c.what {
        What::Agent { owner, .. } => owner,
        _ => None,
    }
}

/// The country the article is mostly about: the most named one, the first named on a tie. A
/// country's adjective before a role noun (`Tanzanian police`) names it too, and so does a
/// town or region only one country has (`Sagaing region`, `Kumasi`), unless it is also the
/// last word of a person's name in the article (`surnames`). A name in the dateline
/// counts half: wire stories are often filed from another country's capital.
fn home_country<'a>(
    lex: &'a ActorLexicon,
    cands: &[Cand<'a>],
    dateline: std::ops::Range<usize>,
    surface: impl Fn(usize) -> &'a str,
) -> Option<&'a str> {
    // the last words of the people's names the article gives (`Obadiah Moyo`)
    let surnames: FxHashSet<&'a str> = cands
        .iter()
        .filter(|c| c.end >= c.start + 2)
        .filter(|c| match c.what {
            What::Unknown(run) => matches!(run, None | Some(RunType::Person)),
            What::Named(hits) => hits
                .iter()
                .any(|h| lex.entry(h.entry).kind == EntryKind::Person),
            _ => false,
        })
        .map(|c| surface(c.end - 1))
        .collect();
    let mut counts: Vec<(&'a str, usize, usize)> = Vec::new();
    let mut vote = |country: &'a str, order: usize| {
        let weight = if dateline.contains(&order) { 1 } else { 2 };
        match counts.iter_mut().find(|(c, _, _)| *c == country) {
            Some((_, n, _)) => *n += weight,
            None => counts.push((country, weight, order)),
        }
    };
    for (order, c) in cands.iter().enumerate() {
        if let What::Agent {
            country: Some(country),
            ..
        } = c.what
        {
            vote(country, order);
            continue;
        }
        let What::Named(hits) = c.what else { continue };
        // a name two states share (`Congo`, `Congolese`) counts for both: the names only one
        // of them has (`Brazzaville`, `Kinshasa`, `DRC`) then decide between them
        let mut voted: [Option<&'a str>; 4] = [None; 4];
        for h in hits {
            let e = lex.entry(h.entry);
            if !matches!(e.kind, EntryKind::Country | EntryKind::Person) {
                continue;
            }
            let Some(country) = e.country.as_deref() else {
                continue;
            };
            if voted.contains(&Some(country)) {
                continue;
            }
            let Some(slot) = voted.iter_mut().find(|v| v.is_none()) else {
                break;
            };
            *slot = Some(country);
            vote(country, order);
        }
        if voted[0].is_none() {
            // a town or region: only when every place of that name is in one country, and not
            // when the article names someone so (`former minister Obadiah Moyo`, then `Moyo`)
            let mut places = hits.iter().filter_map(|h| {
                let e = lex.entry(h.entry);
                let town_ok = c.end != c.start + 1 || !surnames.contains(&surface(c.start));
                (matches!(e.kind, EntryKind::City | EntryKind::Region) && town_ok)
                    .then_some(e.country.as_deref())
            });
            if let Some(Some(country)) = places.next() {
                if places.all(|c| c == Some(country)) {
                    vote(country, order);
                }
            }
        }
    }
    // most named, then first named; of two a shared name named first, the one it lists first
    counts
        .into_iter()
        .enumerate()
        .max_by_key(|&(i, (_, n, order))| (n, std::cmp::Reverse(order), std::cmp::Reverse(i)))
        .map(|(_, (c, _, _))| c)
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

/// The folded form of `s` (see [`fold`]), borrowed when folding changes nothing.
fn folded(s: &str) -> Cow<'_, str> {
    let plain = s
        .bytes()
        .all(|b| b.is_ascii() && b != b'\n' && b != b'\r' && b != b'\t')
        && !s.contains("  ");
    if plain {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(fold(s))
    }
}

/// The last word of a folded name: `Ruto` of `William Ruto`.
fn last_word<'a>(name: &Cow<'a, str>) -> Option<Cow<'a, str>> {
    match name {
        Cow::Borrowed(s) => s.rsplit_once(' ').map(|(_, last)| Cow::Borrowed(last)),
        Cow::Owned(s) => s
            .rsplit_once(' ')
            .map(|(_, last)| Cow::Owned(last.to_string())),
    }
}

impl<'a> Linker<'a> {
    fn country_name(&self, iso: &str) -> String {
        self.lex
            .country(iso)
            .map_or_else(|| iso.to_string(), |e| e.name.to_string())
    }

    /// The country whose name or adjective opens an organisation's name (`Kenya Red Cross`,
    /// `Ghanaian Bar Association`, `South Sudan Football Association`), if any.
    fn country_prefix(&self, name: &str) -> Option<&'a str> {
        let lex: &'a ActorLexicon = self.lex;
        let words: Vec<&str> = name
            .split(' ')
            .skip_while(|w| w.eq_ignore_ascii_case("the"))
            .collect();
        (1..words.len().min(4)).rev().find_map(|n| {
            lex.lookup(&fold(&words[..n].join(" ")))
                .iter()
                .find_map(|h| {
                    let e = lex.entry(h.entry);
                    (e.kind == EntryKind::Country && matches!(h.form, Form::Name | Form::Adjective))
                        .then_some(e.country.as_deref())
                        .flatten()
                })
        })
    }

    /// Makes the actor a seed describes (a known seed, whose actor is missing, makes an
    /// unknown person of `surface`).
    fn make(&self, seed: Seed<'a>, surface: &str) -> Actor {
        let actor = |name: String, kind, country: Option<&str>, cameo, roles| Actor {
            name,
            kind,
            country: country.map(str::to_string),
            cameo,
            roles,
            mentions: Vec::new(),
            geo: None,
        };
        match seed {
            Seed::Known => actor(
                surface.to_string(),
                ActorType::Person,
                None,
                None,
                Vec::new(),
            ),
            Seed::Person(entry) => {
                let e = self.lex.entry(entry);
                let cameo = e
                    .code_on(self.date)
                    .map(|c| c.cameo.to_string())
                    .or_else(|| e.country.as_deref().map(str::to_string));
                let roles = cameo
                    .as_deref()
                    .filter(|c| c.len() > 3 && !c.starts_with("IGO") && !c.starts_with("NGO"))
                    .map(|c| vec![c[3..].to_string()])
                    .unwrap_or_default();
                actor(
                    e.name.to_string(),
                    ActorType::Person,
                    e.country.as_deref(),
                    cameo,
                    roles,
                )
            }
            Seed::Org(entry) => {
                let e = self.lex.entry(entry);
                actor(
                    e.name.to_string(),
                    ActorType::Organization,
                    e.country.as_deref(),
                    e.codes.first().map(|c| c.cameo.to_string()),
                    Vec::new(),
                )
            }
            Seed::Country(iso) => actor(
                self.country_name(iso),
                ActorType::Country,
                Some(iso),
                Some(iso.to_string()),
                Vec::new(),
            ),
            Seed::State {
                iso,
                role,
                kind,
                phrase,
            } => {
                let adjective = self.adjective(iso);
                let label = phrase.unwrap_or_else(|| role_label(role));
                actor(
                    format!("{adjective} {label}"),
                    kind,
                    Some(iso),
                    Some(format!("{iso}{role}")),
                    vec![role.to_string()],
                )
            }
            Seed::Role { phrase, code, kind } => {
                actor(phrase.to_string(), kind, None, None, vec![code.to_string()])
            }
            Seed::Place { name, iso } => actor(
                name.to_string(),
                ActorType::Place,
                iso,
                iso.map(str::to_string),
                Vec::new(),
            ),
            Seed::NewPerson {
                name,
                of: Some(org),
                ..
            } if org < self.actors.len() => {
                let org = &self.actors[org];
                actor(
                    name.to_string(),
                    ActorType::Person,
                    org.country.as_deref(),
                    org.cameo.clone(),
                    org.roles.clone(),
                )
            }
            Seed::NewPerson {
                name,
                country,
                role,
                ..
            } => {
                let cameo = match (country, role) {
                    (Some(iso), Some(role)) => Some(format!("{iso}{role}")),
                    (Some(iso), None) => Some(iso.to_string()),
                    _ => None,
                };
                let roles = role.map(|r| vec![r.to_string()]).unwrap_or_default();
                actor(name.to_string(), ActorType::Person, country, cameo, roles)
            }
            Seed::NewOrg(name) => actor(
                name.to_string(),
                ActorType::Organization,
                self.country_prefix(name),
                None,
                Vec::new(),
            ),
        }
    }

    /// True when a capital or seat stands for a government here rather than a place.
    fn metonymic(c: &Cand) -> bool {
        !c.place_cue && (c.acts || c.possessive)
    }

    /// The best meaning of a gazetteer name in context.
    fn pick(&self, c: &Cand, hits: &'a [Hit]) -> Option<&'a Hit> {
        let rank = |h: &Hit| -> i64 {
            let e = self.lex.entry(h.entry);
            let home = e.country.is_some() && e.country.as_deref() == self.home;
            match (&h.form, e.kind) {
                (_, EntryKind::Person) => 90,
                (Form::Seat(_), EntryKind::Igo | EntryKind::Org) if Self::metonymic(c) => 85,
                (Form::Name, EntryKind::Igo) => 80,
                // An organisation of the article's country wins a shared name (`RSF` is the
                // Rapid Support Forces in a Sudan story, Reporters Without Borders elsewhere).
                (Form::Name, EntryKind::Org) => 79 + 2 * i64::from(home),
                (_, EntryKind::Area | EntryKind::Territory) => 75,
                (Form::Name, EntryKind::Country) => 70 + i64::from(home),
                (Form::Adjective, _) => 65 + i64::from(home),
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
        // equal ranks (two cities of one name, neither at home, both under 3 million) go to
        // the bigger: Geneva is the Swiss one unless the article is set in Illinois;
        // and otherwise the first listed: the lexicon lists a shared name first under the state
        // it usually means (`Congo` is the DRC unless the story is set in Brazzaville)
        // a name the article has already given to an entry keeps it (`the Rapid Support
        // Forces` named, then `the RSF denied`)
        let seen = |h: &Hit| self.keys.contains_key(&Key::Entry(h.entry));
        hits.iter().max_by_key(|h| {
            (
                rank(h) + 20 * i64::from(seen(h)),
                self.lex.entry(h.entry).population,
                std::cmp::Reverse(h.entry),
            )
        })
    }

    fn resolve(&mut self, c: &Cand<'a>, span: Span) -> Option<Resolved<'a>> {
        let text: &'a str = self.text;
        let surface = &text[span];
        match c.what {
            What::Named(hits) => self.resolve_named(c, surface, hits),
            What::Agent { back: true, .. } if self.last_business.is_some() => Some(Resolved {
                kind: MentionType::Org,
                key: self.last_business.clone()?,
                seed: Seed::Known,
            }),
            What::Agent {
                agent,
                phrase,
                country,
                proper,
                home,
                definite,
                ..
            } => {
                let head = phrase.rsplit(' ').next().unwrap_or(phrase);
                if let Some(iso) = country {
                    self.role_country.insert(head, iso);
                }
                // `China's commerce ministry said ... The ministry said`: China's
                let country = country.or_else(|| {
                    definite
                        .then(|| self.role_country.get(head).copied())
                        .flatten()
                });
                let kind = if agent.institution {
                    ActorType::Organization
                } else {
                    ActorType::Group
                };
                let mtype = if proper {
                    MentionType::Org
                } else {
                    MentionType::Group
                };
                let code: &'a str = &agent.code;
                Some(match country.or(self.home.filter(|_| home)) {
                    Some(iso) => Resolved {
                        kind: mtype,
                        key: Key::State(iso, code),
                        seed: Seed::State {
                            iso,
                            role: code,
                            kind,
                            phrase: Some(phrase),
                        },
                    },
                    None => Resolved {
                        kind: mtype,
                        key: Key::Role(code),
                        seed: Seed::Role { phrase, code, kind },
                    },
                })
            }
            What::RoleRef(title) => {
                let key = self.titled.get(title)?.clone();
                Some(Resolved {
                    kind: MentionType::Person,
                    key,
                    seed: Seed::Known,
                })
            }
            What::BlocRef => Some(Resolved {
                kind: MentionType::Org,
                key: self.last_igo.clone()?,
                seed: Seed::Known,
            }),
            What::GroupRef => Some(Resolved {
                kind: MentionType::Org,
                key: self.last_group.clone()?,
                seed: Seed::Known,
            }),
            What::CountryRef => {
                let iso = self.home?;
                Some(Resolved {
                    kind: MentionType::Gpe,
                    key: Key::Country(iso),
                    seed: Seed::Country(iso),
                })
            }
            What::Unknown(run_type) => self.resolve_unknown(c, surface, run_type, false),
        }
    }

    fn resolve_named(
        &mut self,
        c: &Cand<'a>,
        surface: &'a str,
        hits: &'a [Hit],
    ) -> Option<Resolved<'a>> {
        let lex: &'a ActorLexicon = self.lex;
        let hit = self.pick(c, hits)?;
        let e = lex.entry(hit.entry);
        let iso = e.country.as_deref();
        let state = |iso: &'a str, role: &'a str| Resolved {
            kind: MentionType::Org,
            key: Key::State(iso, role),
            seed: Seed::State {
                iso,
                role,
                kind: ActorType::Organization,
                phrase: None,
            },
        };
        Some(match (&hit.form, e.kind) {
            (_, EntryKind::Person) => Resolved {
                kind: MentionType::Person,
                key: Key::Entry(hit.entry),
                seed: Seed::Person(hit.entry),
            },
            (_, EntryKind::Igo | EntryKind::Org) => Resolved {
                kind: if matches!(hit.form, Form::Seat(_)) {
                    MentionType::Gpe
                } else {
                    MentionType::Org
                },
                key: Key::Entry(hit.entry),
                seed: Seed::Org(hit.entry),
            },
            (Form::Name, EntryKind::Country) => {
                let iso = iso?;
                Resolved {
                    kind: MentionType::Gpe,
                    key: Key::Country(iso),
                    seed: Seed::Country(iso),
                }
            }
            (Form::Adjective, EntryKind::Country) => {
                let iso = iso?;
                Resolved {
                    kind: MentionType::Norp,
                    key: Key::Country(iso),
                    seed: Seed::Country(iso),
                }
            }
            (Form::Seat(role), EntryKind::Country) => {
                let role: &'a str = if role.is_empty() { "GOV" } else { role };
                state(iso?, role)
            }
            (Form::Capital, _) if Self::metonymic(c) => Resolved {
                kind: MentionType::Gpe,
                ..state(iso?, "GOV")
            },
            (Form::Capital, _) => Resolved {
                kind: MentionType::Gpe,
                key: Key::Place(folded(surface), iso),
                seed: Seed::Place { name: surface, iso },
            },
            (_, EntryKind::Area | EntryKind::Territory) => Resolved {
                kind: if e.kind == EntryKind::Area {
                    MentionType::Loc
                } else {
                    MentionType::Gpe
                },
                key: Key::Place(folded(&e.name), iso),
                seed: Seed::Place { name: &e.name, iso },
            },
            (_, EntryKind::City | EntryKind::Region) => {
                // A city name is common enough as a word or a surname that it needs a place
                // cue, or a big city.
                let big = e.population >= scan::BIG_CITY;
                let home = iso.is_some() && iso == self.home;
                if !(c.place_cue || big || (home && e.population >= 100_000)) {
                    // Not read as a place here: perhaps a surname, or a name used before.
                    return self.resolve_unknown(c, surface, None, false);
                }
                Resolved {
                    kind: MentionType::Gpe,
                    key: Key::Place(folded(&e.name), iso),
                    seed: Seed::Place { name: &e.name, iso },
                }
            }
        })
    }

    /// The actor already made for `key`.
    fn actor_of(&self, key: &Key<'a>) -> Option<&Actor> {
        self.keys.get(key).map(|&a| &self.actors[a])
    }

    fn resolve_unknown(
        &mut self,
        c: &Cand<'a>,
        surface: &'a str,
        run_type: Option<RunType>,
        deferred: bool,
    ) -> Option<Resolved<'a>> {
        let name = folded(surface);
        // A surname of someone named before joins them.
        if let Some(key) = self.surnames.get(&name) {
            if run_type.is_none() || run_type == Some(RunType::Person) {
                return Some(Resolved {
                    kind: MentionType::Person,
                    key: key.clone(),
                    seed: Seed::Known,
                });
            }
        }
        // A name the article has used before keeps its actor: `LSK` after
        // `Law Society of Kenya (LSK)`, a bare `Hemedti`. A deferred name counts only then.
        if let Some(key) = self.confirmed.get(&name) {
            let kind = mention_type_of(key, self.actor_of(key)?.kind);
            return Some(Resolved {
                kind,
                key: key.clone(),
                seed: Seed::Known,
            });
        }
        if deferred {
            return None;
        }
        let run_type = run_type?;
        Some(match run_type {
            RunType::Person => {
                let title = c.title.as_ref();
                let role = title.and_then(|t| t.title.role.as_deref());
                let country = title
                    .and_then(|t| t.country)
                    .or_else(|| role.and(self.home));
                Resolved {
                    kind: MentionType::Person,
                    key: Key::Person(name),
                    seed: Seed::NewPerson {
                        name: surface,
                        country,
                        role,
                        of: title
                            .and_then(|t| t.org)
                            .and_then(|j| self.cand_actor.get(j).copied().flatten()),
                    },
                }
            }
            RunType::Org => Resolved {
                kind: MentionType::Org,
                key: Key::Other(name),
                seed: Seed::NewOrg(surface),
            },
            RunType::Loc | RunType::Gpe => {
                // `Gaza City`, `Kuwait City`: a known city's name and `City` are that city's
                // country's
                let iso = surface
                    .strip_suffix(" City")
                    .and_then(|city| self.lex.names.get(&*folded(city)))
                    .and_then(|hits| {
                        hits.iter()
                            .map(|h| self.lex.entry(h.entry))
                            .find(|e| e.kind == EntryKind::City)
                    })
                    .and_then(|e| e.country.as_deref());
                Resolved {
                    kind: if run_type == RunType::Loc && iso.is_none() {
                        MentionType::Loc
                    } else {
                        MentionType::Gpe
                    },
                    key: Key::Place(name, iso),
                    seed: Seed::Place { name: surface, iso },
                }
            }
        })
    }

    /// A deferred candidate counts when the article supports it elsewhere.
    fn resolve_deferred(&mut self, c: &Cand<'a>, span: Span) -> Option<Resolved<'a>> {
        let text: &'a str = self.text;
        match c.what {
            What::Unknown(run_type) => self.resolve_unknown(c, &text[span], run_type, true),
            _ => self.resolve(c, span),
        }
    }

    /// Records what a resolved mention teaches: surnames, titles, confirmed names.
    fn remember(&mut self, c: &Cand<'a>, span: Span, r: &Resolved<'a>) {
        let text: &'a str = self.text;
        let surface = &text[span];
        // Make the actor now so that later mentions can find it.
        if !self.keys.contains_key(&r.key) {
            let actor = self.make(r.seed, surface);
            self.actors.push(actor);
            self.keys.insert(r.key.clone(), self.actors.len() - 1);
        }
        // `the president`, then `the government`: one actor of the state's role, named by
        // the institution once the text names it rather than by the first of its words
        if let (
            Some(&a),
            Seed::State {
                iso,
                role,
                phrase: Some(phrase),
                ..
            },
        ) = (self.keys.get(&r.key), r.seed)
        {
            if phrase.eq_ignore_ascii_case(role_label(role)) {
                self.actors[a].name = format!("{} {}", self.adjective(iso), role_label(role));
            }
        }
        let name = folded(surface);
        // A role (`the president`) names no one: it gives no surname and no longer name.
        let named = !matches!(c.what, What::RoleRef(_));
        if r.kind == MentionType::Person && named {
            if let Some(last) = last_word(&name) {
                self.surnames.insert(last, r.key.clone());
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
                    self.titled.insert(Cow::Borrowed(t.key), r.key.clone());
                }
            }
            if let Key::Entry(e) = r.key {
                let lex: &'a ActorLexicon = self.lex;
                if let Some(code) = lex.entry(e).code_on(self.date) {
                    if !code.role.is_empty() {
                        let role: Cow<'a, str> =
                            if code.role.bytes().any(|b| b.is_ascii_uppercase()) {
                                Cow::Owned(code.role.to_lowercase())
                            } else {
                                Cow::Borrowed(&code.role)
                            };
                        self.titled.insert(role, r.key.clone());
                    }
                }
            }
        }
        if !matches!(
            c.what,
            What::Agent { .. }
                | What::RoleRef(_)
                | What::CountryRef
                | What::BlocRef
                | What::GroupRef
        ) {
            self.confirmed.insert(name, r.key.clone());
        }
        if matches!(c.what, What::Unknown(Some(RunType::Org))) && matches!(r.key, Key::Other(_)) {
            let head = surface
                .rsplit(' ')
                .next()
                .and_then(|w| self.lex.word(w))
                .and_then(|w| w.head);
            if head == Some(Head::Business) {
                self.last_business = Some(r.key.clone());
            }
        }
        // `the group`: a non-state organisation, known (`Hamas`, an NGO) or typed as one
        let non_state = match &r.key {
            Key::Entry(e) => {
                let entry = self.lex.entry(*e);
                entry.kind == EntryKind::Org
                    || (entry.kind == EntryKind::Igo
                        && entry
                            .codes
                            .first()
                            .is_some_and(|c| c.cameo.starts_with("NGO")))
            }
            Key::Other(_) => matches!(c.what, What::Unknown(Some(RunType::Org))),
            _ => false,
        };
        if non_state && !matches!(c.what, What::GroupRef) {
            self.last_group = Some(r.key.clone());
        }
        // `the bloc` is a union of states, not one of its institutions (`the Commission`,
        // `the European Council`, a court or a bank)
        if let Key::Entry(e) = r.key {
            let entry = self.lex.entry(e);
            let institution = [
                "Commission",
                "Council",
                "Parliament",
                "Court",
                "Bank",
                "Secretariat",
                "Tribunal",
                "Agency",
                "Fund",
                "Programme",
            ]
            .iter()
            .any(|w| entry.name.contains(w));
            if entry.kind == EntryKind::Igo && !institution {
                self.last_igo = Some(r.key.clone());
            }
        }
    }

    /// The adjective of a state (`Georgian`), else its name.
    fn adjective(&self, iso: &str) -> String {
        self.lex
            .country(iso)
            .and_then(|e| e.adjective.as_deref())
            .map(str::to_string)
            .unwrap_or_else(|| self.country_name(iso))
    }

    /// The actor of `key`, made from `seed` when new; records mention `m` on it.
    fn actor_for(&mut self, key: Key<'a>, seed: Seed<'a>, m: u32) -> u32 {
        let a = match self.keys.get(&key) {
            Some(&a) => a,
            None => {
                let actor = self.make(seed, "");
                self.actors.push(actor);
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

#[cfg(test)]
mod tests;
