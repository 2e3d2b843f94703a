//! Precision and recall of root codes with source and target countries on the hand-coded
//! sentences of `tests/events/coded.tsv` (written for this suite and coded by the CAMEO
//! manual; format in `tests/events/README.md`). Each sentence is analysed alone, as the body
//! of an article published on 2024-06-01.
//!
//! An event matches when its root, its source's country and its target's country (or the
//! first three letters of an actor's CAMEO code when it has no country, `-` when the text
//! names none) equal a gold event's; gold and predicted events are paired one to one. Negated
//! events are scored apart: the engine keeps them but they never count as events. The test
//! fails when precision or recall falls under its floor. `NEWSGRAPH_EVAL_VERBOSE=1` lists
//! every miss.

use std::collections::HashMap;

use newsgraph_actors::ActorStage;
use newsgraph_doc::{Document, Format, Meta, Source, Stage};
use newsgraph_events::EventStage;
use newsgraph_layout::LayoutAnalyzer;
use newsgraph_quotes::QuoteStage;
use newsgraph_segment::Segmenter;

/// The floors: a change that lowers either fails here.
const MIN_PRECISION: f64 = 0.71;
const MIN_RECALL: f64 = 0.635;
/// Floors for the root code alone.
const MIN_ROOT_PRECISION: f64 = 0.85;
const MIN_ROOT_RECALL: f64 = 0.765;

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Coded {
    root: String,
    source: String,
    target: String,
}

impl std::fmt::Display for Coded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}>{}", self.root, self.source, self.target)
    }
}

struct Gold {
    id: String,
    sentence: String,
    events: Vec<Coded>,
    negated: Vec<Coded>,
}

fn parse_event(s: &str) -> (bool, Coded) {
    let negated = s.starts_with('!');
    let s = s.trim_start_matches(['!', '?']);
    let (root, rest) = s.split_once(':').expect("RR:SRC>TGT");
    let (source, target) = rest.split_once('>').expect("RR:SRC>TGT");
    (
        negated,
        Coded {
            root: root.into(),
            source: source.into(),
            target: target.into(),
        },
    )
}

fn gold() -> Vec<Gold> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/events/coded.tsv");
    let text = std::fs::read_to_string(path).unwrap();
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let fields: Vec<&str> = l.split('\t').collect();
            assert_eq!(fields.len(), 3, "coded.tsv: {l}");
            let mut g = Gold {
                id: fields[0].into(),
                sentence: fields[1].into(),
                events: Vec::new(),
                negated: Vec::new(),
            };
            for e in fields[2].split(" ; ").filter(|e| !e.trim().is_empty()) {
                let (neg, c) = parse_event(e.trim());
                if neg {
                    g.negated.push(c);
                } else {
                    g.events.push(c);
                }
            }
            g
        })
        .collect()
}

fn analyze(
    stages: &(
        LayoutAnalyzer,
        Segmenter,
        ActorStage,
        QuoteStage,
        EventStage,
    ),
    sentence: &str,
) -> Document {
    let source = Source {
        path: None,
        url: None,
        format: Format::Text,
    };
    let meta = Meta {
        published: chrono::NaiveDate::from_ymd_opt(2024, 6, 1),
        ..Meta::default()
    };
    let mut doc = Document::new(
        "coded",
        source,
        meta,
        format!("News in brief\n\n{sentence}\n"),
    );
    stages.0.annotate(&mut doc).unwrap();
    stages.1.annotate(&mut doc).unwrap();
    stages.2.annotate(&mut doc).unwrap();
    stages.3.annotate(&mut doc).unwrap();
    stages.4.annotate(&mut doc).unwrap();
    doc.validate().unwrap();
    doc
}

fn side(doc: &Document, a: Option<u32>) -> String {
    let Some(a) = a else { return "-".into() };
    let a = &doc.actors[a as usize];
    a.country
        .clone()
        .or_else(|| a.cameo.as_ref().map(|c| c.chars().take(3).collect()))
        .unwrap_or_else(|| "-".into())
}

/// Pairs predicted with gold one to one; returns the number of pairs.
fn pair(pred: &[Coded], gold: &[Coded], key: impl Fn(&Coded) -> String) -> usize {
    let mut left: HashMap<String, usize> = HashMap::new();
    for g in gold {
        *left.entry(key(g)).or_default() += 1;
    }
    pred.iter()
        .filter(|p| match left.get_mut(&key(p)) {
            Some(n) if *n > 0 => {
                *n -= 1;
                true
            }
            _ => false,
        })
        .count()
}

#[test]
fn coded_sentences_precision_and_recall() {
    let stages = (
        LayoutAnalyzer::new().unwrap(),
        Segmenter::new().unwrap(),
        ActorStage::new().unwrap(),
        QuoteStage::new().unwrap(),
        EventStage::new().unwrap(),
    );
    let verbose = std::env::var_os("NEWSGRAPH_EVAL_VERBOSE").is_some();
    let (mut tp, mut n_pred, mut n_gold) = (0, 0, 0);
    let (mut root_tp, mut neg_found, mut n_neg, mut neg_false) = (0, 0, 0, 0);
    let gold = gold();
    assert!(gold.len() >= 60, "at least 60 coded sentences");
    for g in &gold {
        let doc = analyze(&stages, &g.sentence);
        let mut pred = Vec::new();
        let mut pred_neg = Vec::new();
        for e in &doc.events {
            let c = Coded {
                root: e.cameo[..2].to_string(),
                source: side(&doc, e.source),
                target: side(&doc, e.target),
            };
            if e.negated {
                pred_neg.push(c);
            } else {
                pred.push(c);
            }
        }
        let hits = pair(&pred, &g.events, |c| c.to_string());
        tp += hits;
        root_tp += pair(&pred, &g.events, |c| c.root.clone());
        n_pred += pred.len();
        n_gold += g.events.len();
        n_neg += g.negated.len();
        neg_found += pair(&pred_neg, &g.negated, |c| c.root.clone());
        neg_false += pred
            .iter()
            .filter(|p| g.negated.iter().any(|n| n.root == p.root))
            .count();
        if verbose && (hits < pred.len() || hits < g.events.len()) {
            let show = |v: &[Coded]| {
                v.iter()
                    .map(|c| c.to_string())
                    .collect::<Vec<_>>()
                    .join(" ; ")
            };
            eprintln!(
                "{}: {}\n    gold: {}\n    pred: {}",
                g.id,
                g.sentence,
                show(&g.events),
                show(&pred)
            );
        }
    }
    let p = tp as f64 / n_pred.max(1) as f64;
    let r = tp as f64 / n_gold.max(1) as f64;
    let rp = root_tp as f64 / n_pred.max(1) as f64;
    let rr = root_tp as f64 / n_gold.max(1) as f64;
    eprintln!(
        "events on {} coded sentences: root+source+target P {p:.3} R {r:.3} ({tp} of {n_pred} predicted, {n_gold} gold); \
         root only P {rp:.3} R {rr:.3}; negated found {neg_found} of {n_neg}, asserted where gold negates {neg_false}",
        gold.len()
    );
    assert!(p >= MIN_PRECISION, "precision {p:.3} < {MIN_PRECISION}");
    assert!(r >= MIN_RECALL, "recall {r:.3} < {MIN_RECALL}");
    assert!(
        rp >= MIN_ROOT_PRECISION,
        "root precision {rp:.3} < {MIN_ROOT_PRECISION}"
    );
    assert!(
        rr >= MIN_ROOT_RECALL,
        "root recall {rr:.3} < {MIN_ROOT_RECALL}"
    );
    assert!(
        neg_found * 10 >= n_neg * 6,
        "negated events found: {neg_found} of {n_neg}"
    );
}
