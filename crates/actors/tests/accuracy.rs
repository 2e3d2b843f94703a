//! Precision and recall of named mentions (PERSON, ORG, GPE, LOC) on the hand-annotated
//! articles of `tests/actors/` (see its README for the annotation rules).
//!
//! A mention is right when its span and type both match a gold mention. Only named mentions
//! are scored: the stage's role descriptions (`the president`), role nouns (`police`) and
//! demonyms are not in the gold files. Bylines are not scored (the stage leaves them to the
//! layout's `meta.authors`). The test prints a table and fails when the micro-averaged F1
//! falls under the floor.

mod common;

use std::collections::BTreeMap;

use newsgraph_actors::ActorStage;
use newsgraph_doc::{MentionType, SectionKind, Span};

use common::{analyze, fixture_paths};

/// Micro F1 of span + type over all scored types. Raise it when the stage improves.
const F1_FLOOR: f64 = 0.95;

const SCORED: [MentionType; 4] = [
    MentionType::Person,
    MentionType::Org,
    MentionType::Gpe,
    MentionType::Loc,
];

fn parse_type(s: &str) -> MentionType {
    match s {
        "PERSON" => MentionType::Person,
        "ORG" => MentionType::Org,
        "GPE" => MentionType::Gpe,
        "LOC" => MentionType::Loc,
        other => panic!("unknown gold type {other}"),
    }
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

/// Gold mentions located in the text, in order.
fn gold(text: &str, tsv: &str) -> Vec<(Span, MentionType)> {
    let mut out = Vec::new();
    let mut from = 0;
    for line in tsv
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let (surface, kind) = line.split_once('\t').expect("surface<TAB>type");
        let bytes = text.as_bytes();
        let mut at = from;
        let start = loop {
            let i = at
                + text[at..]
                    .find(surface)
                    .unwrap_or_else(|| panic!("{surface} not found"));
            let end = i + surface.len();
            let bounded = (i == 0 || !is_word_byte(bytes[i - 1]))
                && (end == text.len() || !is_word_byte(bytes[end]));
            if bounded {
                break i;
            }
            at = i + 1;
        };
        out.push((
            Span::new(start, start + surface.len()),
            parse_type(kind.trim()),
        ));
        from = start + surface.len();
    }
    out
}

#[derive(Default, Clone, Copy)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Counts {
    fn prf(self) -> (f64, f64, f64) {
        let p = self.tp as f64 / (self.tp + self.fp).max(1) as f64;
        let r = self.tp as f64 / (self.tp + self.fn_).max(1) as f64;
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        (p, r, f)
    }
}

#[test]
fn named_mentions_precision_recall() {
    let stage = ActorStage::new().unwrap();
    let mut per_type: BTreeMap<&str, Counts> = BTreeMap::new();
    let mut misses = Vec::new();
    let paths = fixture_paths();
    assert!(paths.len() >= 10, "at least 10 annotated articles");
    for path in &paths {
        let text = std::fs::read_to_string(path).unwrap();
        let tsv = std::fs::read_to_string(path.with_extension("mentions.tsv")).unwrap();
        let doc = analyze(&text, &stage);
        let in_byline = |s: Span| {
            doc.sections
                .iter()
                .any(|sec| sec.kind == SectionKind::Byline && sec.span.contains(s))
        };
        let gold: Vec<_> = gold(&text, &tsv)
            .into_iter()
            .filter(|(s, _)| !in_byline(*s))
            .collect();
        let predicted: Vec<(Span, MentionType)> = doc
            .mentions
            .iter()
            .filter(|m| SCORED.contains(&m.kind))
            .filter(|m| {
                doc.span_text(m.span)
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            })
            .map(|m| (m.span, m.kind))
            .collect();
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        for kind in SCORED {
            let c = per_type.entry(kind.as_str()).or_default();
            for g in gold.iter().filter(|g| g.1 == kind) {
                if predicted.contains(g) {
                    c.tp += 1;
                } else {
                    c.fn_ += 1;
                    misses.push(format!("{name}: missed {} {}", &text.as_str()[g.0], kind));
                }
            }
            for p in predicted.iter().filter(|p| p.1 == kind) {
                if !gold.contains(p) {
                    c.fp += 1;
                    misses.push(format!("{name}: spurious {} {}", &text.as_str()[p.0], kind));
                }
            }
        }
    }
    let mut all = Counts::default();
    println!(
        "{:<8} {:>6} {:>6} {:>6} {:>5} {:>5} {:>5}",
        "type", "P", "R", "F1", "tp", "fp", "fn"
    );
    for (kind, c) in &per_type {
        let (p, r, f) = c.prf();
        println!(
            "{kind:<8} {p:>6.3} {r:>6.3} {f:>6.3} {:>5} {:>5} {:>5}",
            c.tp, c.fp, c.fn_
        );
        all.tp += c.tp;
        all.fp += c.fp;
        all.fn_ += c.fn_;
    }
    let (p, r, f) = all.prf();
    println!(
        "{:<8} {p:>6.3} {r:>6.3} {f:>6.3} {:>5} {:>5} {:>5}",
        "all", all.tp, all.fp, all.fn_
    );
    if std::env::var_os("NEWSGRAPH_EVAL_VERBOSE").is_some() {
        for m in &misses {
            println!("{m}");
        }
    }
    assert!(
        f >= F1_FLOOR,
        "mention F1 {f:.3} fell under the floor {F1_FLOOR}"
    );
}
