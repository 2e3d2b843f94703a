//! Alignment accuracy on 60 sentences coded by hand (`tests/alignments/coded.tsv`): who
//! supports or opposes whom, at the level of countries (IGO for international bodies, ISO3 +
//! agent when both sides are of one country). Negated support must give nothing.
//!
//! `NEWSGRAPH_EVAL_VERBOSE=1` lists every miss and every extra.

use std::path::PathBuf;

use newsgraph_doc::{Actor, Document, Stance};
use newsgraph_pipeline::Pipeline;

/// True when a gold code (`KEN`, `IGO`, `KENGOV`) names the actor.
fn names(code: &str, actor: &Actor) -> bool {
    let cameo = actor.cameo.as_deref().unwrap_or("");
    match code.len() {
        3 if code == "IGO" => cameo.starts_with("IGO"),
        3 => actor.country.as_deref() == Some(code) || cameo.starts_with(code),
        _ => cameo.starts_with(code),
    }
}

fn found(doc: &Document) -> Vec<(usize, usize, Stance)> {
    doc.alignments
        .iter()
        .map(|a| (a.actor as usize, a.toward as usize, a.stance))
        .collect()
}

#[test]
fn alignments_match_hand_coding() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/alignments/coded.tsv");
    let text = std::fs::read_to_string(&path).expect("coded.tsv");
    let verbose = std::env::var_os("NEWSGRAPH_EVAL_VERBOSE").is_some();
    let pipeline = Pipeline::standard().unwrap();
    let (mut gold_n, mut found_n, mut hit, mut correct) = (0, 0, 0, 0);
    let (mut empty_n, mut empty_ok) = (0, 0);
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let f: Vec<&str> = line.split('\t').collect();
        let (id, sentence) = (f[0], f[1]);
        let gold: Vec<(&str, &str, Stance)> = f
            .get(2)
            .map(|g| {
                g.split(" ; ")
                    .filter(|s| !s.is_empty())
                    .map(|item| {
                        let (pair, sign) = item.split_once(':').expect("A>B:+");
                        let (a, b) = pair.split_once('>').expect("A>B");
                        let stance = if sign == "+" {
                            Stance::Support
                        } else {
                            Stance::Oppose
                        };
                        (a, b, stance)
                    })
                    .collect()
            })
            .unwrap_or_default();
        let doc = pipeline.analyze_text(sentence).unwrap();
        let all = found(&doc);
        // found alignments that some gold item names, counted once per gold item
        let mut used = vec![false; all.len()];
        for g in &gold {
            let k = all.iter().position(|&(a, t, s)| {
                s == g.2 && names(g.0, &doc.actors[a]) && names(g.1, &doc.actors[t])
            });
            match k {
                Some(k) => {
                    hit += 1;
                    used[k] = true;
                }
                None if verbose => println!("{id} missed {}>{}:{:?} | {sentence}", g.0, g.1, g.2),
                None => {}
            }
        }
        // a found alignment is correct when it matches any gold item of the sentence
        for (k, &(a, t, s)) in all.iter().enumerate() {
            let ok = used[k]
                || gold
                    .iter()
                    .any(|g| s == g.2 && names(g.0, &doc.actors[a]) && names(g.1, &doc.actors[t]));
            correct += usize::from(ok);
            if !ok && verbose {
                println!(
                    "{id} extra {} > {} {:?} | {sentence}",
                    doc.actors[a].name, doc.actors[t].name, s
                );
            }
        }
        gold_n += gold.len();
        found_n += all.len();
        if gold.is_empty() {
            empty_n += 1;
            empty_ok += usize::from(all.is_empty());
        }
    }
    let precision = correct as f64 / found_n.max(1) as f64;
    let recall = hit as f64 / gold_n as f64;
    println!(
        "alignments: gold {gold_n}, found {found_n}: precision {precision:.3} recall {recall:.3}; sentences with none kept empty {empty_ok}/{empty_n}"
    );
    // Floors a little under today's scores: a change that loses ground fails here.
    assert!(precision >= FLOOR_PRECISION, "precision {precision:.3}");
    assert!(recall >= FLOOR_RECALL, "recall {recall:.3}");
    assert!(
        empty_ok * 100 >= empty_n * FLOOR_EMPTY,
        "empty {empty_ok}/{empty_n}"
    );
}

/// Today: precision 0.881, recall 0.569 (most misses are events the events stage does not
/// code yet: `sided with`, `each other`, nominal `X's support for Y`), 14 of 15 kept empty.
const FLOOR_PRECISION: f64 = 0.84;
const FLOOR_RECALL: f64 = 0.54;
const FLOOR_EMPTY: usize = 85;
