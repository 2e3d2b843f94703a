//! Quantity accuracy on 110 sentences coded by hand (`tests/quantities/coded.tsv`): which
//! numbers are quantities, their value, kind, unit and date.
//!
//! `NEWSGRAPH_EVAL_VERBOSE=1` lists every miss.

use std::path::PathBuf;

use newsgraph_pipeline::Pipeline;

#[derive(Debug)]
struct Item {
    text: String,
    value: f64,
    kind: String,
    date: Option<String>,
}

fn parse_item(item: &str) -> Item {
    let (text, rest) = item.rsplit_once('=').expect("TEXT=VALUE:KIND");
    let (rest, date) = match rest.split_once('@') {
        Some((r, d)) => (r, Some(d.to_string())),
        None => (rest, None),
    };
    let mut parts = rest.split(':');
    let value = parts.next().unwrap().parse().expect("a value");
    let kind = parts.next().expect("a kind").to_string();
    Item {
        text: text.to_string(),
        value,
        kind,
        date,
    }
}

#[test]
fn quantities_match_hand_coding() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/quantities/coded.tsv");
    let text = std::fs::read_to_string(&path).expect("coded.tsv");
    let verbose = std::env::var_os("NEWSGRAPH_EVAL_VERBOSE").is_some();
    let pipeline = Pipeline::standard().unwrap();
    let published = chrono::NaiveDate::from_ymd_opt(2024, 6, 15);
    let (mut gold_n, mut found_n, mut matched, mut value_ok, mut kind_ok) = (0, 0, 0, 0, 0);
    let (mut dated, mut date_ok) = (0, 0);
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let f: Vec<&str> = line.split('\t').collect();
        let (id, sentence) = (f[0], f[1]);
        let gold: Vec<Item> = f
            .get(2)
            .map(|g| {
                g.split(" ; ")
                    .filter(|s| !s.is_empty())
                    .map(parse_item)
                    .collect()
            })
            .unwrap_or_default();
        let doc = pipeline
            .analyze_text_published(sentence, published)
            .unwrap();
        let found: Vec<(usize, usize, &newsgraph_doc::Quantity)> = doc
            .quantities
            .iter()
            .map(|q| (q.span.start as usize, q.span.end as usize, q))
            .collect();
        gold_n += gold.len();
        found_n += found.len();
        let mut from = 0;
        for g in &gold {
            let at = sentence[from..].find(&g.text).map(|p| p + from);
            let Some(start) = at else {
                panic!("{id}: {:?} is not in the sentence", g.text);
            };
            from = start + g.text.len();
            let end = start + g.text.len();
            let hit = found.iter().find(|(s, e, _)| *s < end && start < *e);
            match hit {
                Some((_, _, q)) => {
                    matched += 1;
                    let v = (q.value - g.value).abs() < 1e-6 * g.value.max(1.0);
                    let k = q.kind.as_str() == g.kind;
                    value_ok += usize::from(v);
                    kind_ok += usize::from(k);
                    if g.date.is_some() {
                        dated += 1;
                        let d = q.date.as_deref() == g.date.as_deref();
                        date_ok += usize::from(d);
                        if !d && verbose {
                            println!("{id} date {:?}: found {:?}", g, q.date);
                        }
                    }
                    if verbose && !(v && k) {
                        println!(
                            "{id} {:?}: found {} {} ({})",
                            g,
                            q.value,
                            q.kind.as_str(),
                            doc.span_text(q.span)
                        );
                    }
                }
                None => {
                    if verbose {
                        println!("{id} missed {:?} in: {sentence}", g);
                    }
                }
            }
        }
        if verbose {
            for (s, e, q) in &found {
                let overlaps = gold.iter().any(|g| {
                    sentence
                        .match_indices(&g.text)
                        .any(|(p, _)| p < *e && *s < p + g.text.len())
                });
                if !overlaps {
                    println!(
                        "{id} extra {:?} {} {}",
                        &sentence[*s..*e],
                        q.value,
                        q.kind.as_str()
                    );
                }
            }
        }
    }
    let recall = matched as f64 / gold_n as f64;
    let precision = matched as f64 / found_n.max(1) as f64;
    let value = value_ok as f64 / matched.max(1) as f64;
    let kind = kind_ok as f64 / matched.max(1) as f64;
    let date = date_ok as f64 / dated.max(1) as f64;
    println!(
        "quantities: gold {gold_n}, found {found_n}, matched {matched}: precision {precision:.3} recall {recall:.3}; of matched: value {value:.3} kind {kind:.3}; dates {date_ok}/{dated}"
    );
    // Floors a little under today's scores: a change that loses ground fails here.
    assert!(precision >= 0.95, "precision {precision:.3}");
    assert!(recall >= 0.95, "recall {recall:.3}");
    assert!(value >= 0.97, "value {value:.3}");
    assert!(kind >= 0.88, "kind {kind:.3}");
    assert!(date >= 0.8, "dates {date_ok}/{dated}");
}
