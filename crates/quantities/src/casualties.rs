//! The `casualties` stage: one toll of dead and injured for the article's incident(s).
//!
//! News repeats and splits its figures: a headline says `seven killed`, the body `four in
//! Barinas ... three others in San Cristobal`, a caption `seven people killed` again, and a
//! background paragraph `more than 120 dead in 2017`. The stage counts each death once:
//!
//! - **Which figures**: quantities of kind `killed` or `injured` about the article's own
//!   incident. A figure dated more than a week before publication, or to a month or year
//!   rather than a day, is history or a running tally (`since 2015`, `so far this year`); a
//!   figure after `separate` or `previous` is another incident; a figure one side `claimed` is
//!   used only when no other figure is given (`data/quantities/casualty_cues.tsv`).
//! - **Where**: the nearest city or region named in the figure's clause, else the place of
//!   the event that reports the same number in the same sentence. A country is no place of
//!   its own here: it contains the others.
//! - **Repeats and updates**: at one place, and among figures with no place, the largest
//!   figure wins (a repeat is the same number; an update to a toll is larger).
//! - **Totals and parts**: a place whose figure is the sum of the other places' figures
//!   contains them (`Borno state` and its towns); the toll is the largest of the figures with
//!   no place, those containers and the sum of the parts, so `7` and `4 + 3` give 7 and two
//!   separate bombings with `2` and `1` give 3. When the headline or the highlights give a
//!   figure with no place, they speak for the article and body figures with no place (a
//!   claim, a quote) do not outvote them.

use newsgraph_doc::{
    ActorType, Casualties, Document, Layer, PlaceCasualties, Quantity, QuantityKind, SectionKind,
    Span, Stage, StageError,
};
use newsgraph_lexicon::{embedded, Lexicon, LexiconError};

use crate::lexicon::{ends_with, starts_with};

/// What a casualty cue says about a figure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Claim,
    Other,
    Cumulative,
}

/// The `casualties` stage. Build it once; it is immutable and shared across threads.
#[derive(Debug, Clone)]
pub struct CasualtyStage {
    /// (words, role, true when the cue stands after the figure)
    cues: Vec<(Vec<&'static str>, Role, bool)>,
    /// Nouns of a long period after `since` (`insurgency`, `war`): a running total.
    periods: Vec<&'static str>,
}

impl CasualtyStage {
    /// The stage with the embedded cue list.
    pub fn new() -> Result<Self, LexiconError> {
        let file = Lexicon::parse(&embedded::CASUALTY_CUES)?;
        let (mut cues, mut periods) = (Vec::new(), Vec::new());
        for row in file.rows() {
            if row.fields[1] == "period" {
                periods.push(row.fields[0]);
                continue;
            }
            let role = match row.fields[1] {
                "claim" => Role::Claim,
                "other" => Role::Other,
                "cumulative" => Role::Cumulative,
                other => {
                    return Err(LexiconError::BadValue {
                        file: file.file(),
                        line: row.line,
                        message: format!("unknown role {other:?}"),
                    })
                }
            };
            let after = match row.fields[2] {
                "after" => true,
                "before" => false,
                other => {
                    return Err(LexiconError::BadValue {
                        file: file.file(),
                        line: row.line,
                        message: format!("unknown window {other:?}"),
                    })
                }
            };
            cues.push((row.fields[0].split(' ').collect(), role, after));
        }
        Ok(CasualtyStage { cues, periods })
    }
}

impl Stage for CasualtyStage {
    fn name(&self) -> &'static str {
        "casualties"
    }

    fn requires(&self) -> &'static [Layer] {
        &[
            Layer::Sections,
            Layer::Sentences,
            Layer::Tokens,
            Layer::Mentions,
            Layer::Actors,
            Layer::Events,
            Layer::Quantities,
        ]
    }

    fn produces(&self) -> &'static [Layer] {
        &[Layer::Casualties]
    }

    fn annotate(&self, doc: &mut Document) -> Result<(), StageError> {
        doc.casualties = self.reconcile(doc);
        Ok(())
    }
}

/// One figure that counts toward the toll.
struct Figure {
    index: u32,
    value: u32,
    killed: bool,
    place: Option<String>,
    lead: bool,
    claim: bool,
}

/// Words that end a clause, for the cue and place windows.
const BREAKS: &[&str] = &[";", "while", "whereas", "but", "although", "."];

impl CasualtyStage {
    /// The toll of the document's incident(s).
    pub fn reconcile(&self, doc: &Document) -> Casualties {
        let mut figures = Vec::new();
        for (i, q) in doc.quantities.iter().enumerate() {
            if !crate::is_casualty(q.kind) || q.value < 1.0 || q.value > 1e7 {
                continue;
            }
            if historical(doc, q) {
                continue;
            }
            let role = self.role(doc, q);
            if matches!(role, Some(Role::Other | Role::Cumulative)) {
                continue;
            }
            let sentence = &doc.sentences[q.sentence as usize];
            let section = doc.sections[sentence.section as usize].kind;
            let lead = matches!(section, SectionKind::Headline | SectionKind::Highlight);
            let figure = Figure {
                index: i as u32,
                value: q.value as u32,
                killed: q.kind == QuantityKind::Killed,
                // a headline speaks for the whole story, whatever place it names
                place: if lead { None } else { place_of(doc, q) },
                lead,
                claim: role == Some(Role::Claim),
            };
            // `two soldiers and a civilian were killed`: coordinated parts are one figure
            if let Some(last) = figures.last_mut().filter(|l: &&mut Figure| {
                let prev = &doc.quantities[l.index as usize];
                prev.sentence == q.sentence
                    && prev.kind == q.kind
                    && l.place == figure.place
                    && coordinated(doc, prev.span.end, q.span.start)
            }) {
                last.value = last.value.saturating_add(figure.value);
                continue;
            }
            figures.push(figure);
        }
        if figures.iter().any(|f| !f.claim) {
            figures.retain(|f| !f.claim);
        }

        let mut out = Casualties::default();
        for killed in [true, false] {
            let mine: Vec<&Figure> = figures.iter().filter(|f| f.killed == killed).collect();
            if mine.is_empty() {
                continue;
            }
            // the largest figure at each place, places in order of first mention
            let mut places: Vec<(&str, u32)> = Vec::new();
            for f in &mine {
                if let Some(p) = &f.place {
                    match places.iter_mut().find(|(name, _)| *name == p.as_str()) {
                        Some(slot) => slot.1 = slot.1.max(f.value),
                        None => places.push((p.as_str(), f.value)),
                    }
                }
            }
            let unplaced = |lead: bool| {
                mine.iter()
                    .filter(|f| f.place.is_none() && (!lead || f.lead))
                    .map(|f| f.value)
                    .max()
            };
            let loose = unplaced(true).or_else(|| unplaced(false)).unwrap_or(0);
            // a place whose figure is the sum of two or more others contains them
            let containers: Vec<usize> = (0..places.len())
                .filter(|&i| {
                    let others: Vec<u32> = (0..places.len())
                        .filter(|&j| j != i)
                        .map(|j| places[j].1)
                        .collect();
                    others.len() >= 2
                        && others.iter().fold(0u32, |a, b| a.saturating_add(*b)) == places[i].1
                })
                .take(1)
                .collect();
            let parts: u32 = (0..places.len())
                .filter(|i| !containers.contains(i))
                .map(|i| places[i].1)
                .fold(0, u32::saturating_add);
            let contained = containers.iter().map(|&i| places[i].1).max().unwrap_or(0);
            let total = loose.max(parts).max(contained);
            if killed {
                out.killed = Some(total);
            } else {
                out.injured = Some(total);
            }
            for (i, (name, value)) in places.iter().enumerate() {
                if containers.contains(&i) {
                    continue;
                }
                let slot = match out.by_location.iter_mut().position(|p| p.location == *name) {
                    Some(k) => &mut out.by_location[k],
                    None => {
                        out.by_location.push(PlaceCasualties {
                            location: name.to_string(),
                            ..PlaceCasualties::default()
                        });
                        out.by_location.last_mut().expect("just pushed")
                    }
                };
                if killed {
                    slot.killed = Some(*value);
                } else {
                    slot.injured = Some(*value);
                }
            }
        }
        if out.by_location.len() == 1 {
            // one place is no breakdown
            out.by_location.clear();
        }
        out.evidence = figures.iter().map(|f| f.index).collect();
        out
    }

    /// What the words around a figure say about it.
    fn role(&self, doc: &Document, q: &Quantity) -> Option<Role> {
        let sentence = &doc.sentences[q.sentence as usize];
        let tokens = doc.sentence_tokens(sentence);
        let words: Vec<&str> = tokens.iter().map(|t| doc.span_text(t.span)).collect();
        let at = tokens.partition_point(|t| t.span.start < q.span.start);
        let end = tokens.partition_point(|t| t.span.start < q.span.end);
        // the clause around the figure
        let mut lo = at;
        while lo > 0 && !BREAKS.iter().any(|b| words[lo - 1].eq_ignore_ascii_case(b)) {
            lo -= 1;
        }
        let lo = lo.max(at.saturating_sub(10));
        let mut hi = end;
        while hi < words.len()
            && hi < end + 10
            && !BREAKS.iter().any(|b| words[hi].eq_ignore_ascii_case(b))
        {
            hi += 1;
        }
        for (cue, role, after) in &self.cues {
            let hit = if *after {
                (end..hi).any(|k| starts_with(&words[k..hi], cue))
            } else {
                (lo..at).any(|k| {
                    ends_with(&words[lo..=k], cue)
                        // `the blast claimed the lives of 12` is no one's claim
                        && !(*role == Role::Claim
                            && words.get(k + 1..).is_some_and(|rest| {
                                starts_with(rest, &["the", "lives"]) || starts_with(rest, &["lives"])
                            }))
                })
            };
            if hit {
                return Some(*role);
            }
        }
        // `killed since 2004`, `since the insurgency began`: a running total; `since Monday's
        // quake` is the incident's own
        if let Some(k) = (end..hi).find(|&k| words[k].eq_ignore_ascii_case("since")) {
            let window = &words[k + 1..hi.min(k + 7).max(k + 1)];
            let year = window
                .iter()
                .any(|w| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()));
            let period = window
                .iter()
                .any(|w| self.periods.iter().any(|p| w.eq_ignore_ascii_case(p)));
            if year || period {
                return Some(Role::Cumulative);
            }
        }
        None
    }
}

/// True when the figure's date lies more than a week before publication, or names a year or
/// an earlier month (history or a tally, not the incident).
fn historical(doc: &Document, q: &Quantity) -> bool {
    let Some(date) = q.date.as_deref() else {
        return false;
    };
    let published = doc.meta.published;
    if date.len() == 7 {
        // `in March` in an article of March is this incident's month
        let this_month = published.map(|p| p.format("%Y-%m").to_string());
        return this_month.as_deref() != Some(date);
    }
    if date.len() < 10 {
        return true;
    }
    match (
        published,
        chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d"),
    ) {
        (Some(p), Ok(d)) => p
            .checked_sub_signed(chrono::Duration::days(7))
            .is_some_and(|week_before| d < week_before),
        _ => false,
    }
}

/// Where a figure happened: a city or region, never a country. The nearest one in the
/// figure's clause (after it before before it; on one side a gazetteer town first), else the
/// event's place.
fn place_of(doc: &Document, q: &Quantity) -> Option<String> {
    // the nearest place in the figure's clause, after it first
    let sentence = &doc.sentences[q.sentence as usize];
    let tokens = doc.sentence_tokens(sentence);
    let text = |span: Span| doc.span_text(span);
    let breaks_between = |a: u32, b: u32| {
        tokens
            .iter()
            .filter(|t| t.span.start >= a && t.span.end <= b)
            .any(|t| BREAKS.iter().any(|w| text(t.span).eq_ignore_ascii_case(w)))
    };
    let lo = doc
        .mentions
        .partition_point(|m| m.span.start < sentence.span.start);
    let places = doc.mentions[lo..]
        .iter()
        .take_while(|m| m.span.start < sentence.span.end)
        .filter(|m| {
            sentence.span.contains(m.span) && is_place(doc, m.span) && after_locative(doc, m.span)
        });
    let mut best: Option<((bool, bool, u32), String)> = None;
    for m in places {
        let (before, distance) = if m.span.start >= q.span.end {
            if breaks_between(q.span.end, m.span.start) {
                continue;
            }
            (false, m.span.start - q.span.end)
        } else if m.span.end <= q.span.start {
            if breaks_between(m.span.end, q.span.start) {
                continue;
            }
            (true, q.span.start - m.span.end)
        } else {
            continue;
        };
        // a gazetteer town beats a street or a market nearer the figure
        let unknown = m.actor.is_none_or(|a| doc.actors[a as usize].geo.is_none());
        let rank = (before, unknown, distance);
        if best.as_ref().is_none_or(|(r, _)| rank < *r) {
            best = Some((rank, text(m.span).to_string()));
        }
    }
    if let Some((_, name)) = best {
        return Some(name);
    }
    // else the place of the event that reports the same number in the sentence
    let value = q.value as u32;
    for e in doc.events.iter().filter(|e| e.sentence == q.sentence) {
        let same = match q.kind {
            QuantityKind::Killed => e.fatalities == Some(value),
            _ => e.injured == Some(value),
        };
        if let (true, Some(place)) = (same, &e.location) {
            if is_place(doc, place.span) {
                return Some(place.name.clone());
            }
        }
    }
    None
}

/// True when the first figure's noun and `and` (or a comma) are all that stand between two
/// figures: `two soldiers and a civilian`.
fn coordinated(doc: &Document, end: u32, start: u32) -> bool {
    let between = doc
        .text()
        .get(end as usize..start as usize)
        .unwrap_or("")
        .trim();
    let Some(noun) = between
        .strip_suffix(", and")
        .or_else(|| between.strip_suffix(" and"))
        .or_else(|| (between == "and").then_some(""))
        .or_else(|| between.strip_suffix(','))
    else {
        return false;
    };
    // a noun only: `people were killed,` holds a verb and ends a clause
    let verbal = noun.split_whitespace().any(|w| {
        [
            "were", "was", "are", "is", "been", "have", "has", "had", "killed", "dead", "died",
            "wounded", "injured", "hurt",
        ]
        .iter()
        .any(|v| w.eq_ignore_ascii_case(v))
    });
    let words = noun.split_whitespace().count();
    !verbal
        && words <= 3
        && noun
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '-')
}

/// Words before a place that make it where something happened.
const LOCATIVES: &[&str] = &[
    "in", "at", "near", "of", "outside", "inside", "around", "across", "on", "from", "into",
];

/// True when the mention at `span` follows a locative word (`in Kisumu`, `city of Barinas`).
fn after_locative(doc: &Document, span: Span) -> bool {
    let before = doc.text()[..span.start as usize].trim_end();
    let before = before.strip_suffix("the").unwrap_or(before).trim_end();
    let word = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    LOCATIVES.iter().any(|l| word.eq_ignore_ascii_case(l))
}

/// True when the words at `span` name a city or region (a `place` actor).
fn is_place(doc: &Document, span: Span) -> bool {
    let at = doc.mentions.partition_point(|m| m.span.end <= span.start);
    doc.mentions[at..]
        .iter()
        .take_while(|m| m.span.start < span.end)
        .find(|m| m.span.contains(span) || span.contains(m.span))
        .and_then(|m| m.actor)
        .is_some_and(|a| doc.actors[a as usize].kind == ActorType::Place)
}
