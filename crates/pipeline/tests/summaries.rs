//! Summary quality on twelve articles written for this suite (`tests/summaries/`), each with a
//! reference summary an editor would write: ROUGE-1 and ROUGE-2 F1 of the summary stage against
//! Lead-3, the first three sentences of the body, the baseline no simple method is known to
//! beat on news. Prints a table (`-- --nocapture`).

use std::collections::HashMap;
use std::path::PathBuf;

use newsgraph_doc::{Document, SectionKind};
use newsgraph_pipeline::Pipeline;

/// Lowercase alphanumeric words.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn grams(words: &[String], n: usize) -> HashMap<Vec<&str>, usize> {
    let mut out = HashMap::new();
    for w in words.windows(n) {
        *out.entry(w.iter().map(String::as_str).collect())
            .or_insert(0) += 1;
    }
    out
}

/// ROUGE-N F1 of a candidate against a reference.
fn rouge(candidate: &str, reference: &str, n: usize) -> f64 {
    let (c, r) = (words(candidate), words(reference));
    let (cg, rg) = (grams(&c, n), grams(&r, n));
    let overlap: usize = cg
        .iter()
        .map(|(g, k)| (*k).min(rg.get(g).copied().unwrap_or(0)))
        .sum();
    let (cn, rn) = (cg.values().sum::<usize>(), rg.values().sum::<usize>());
    if overlap == 0 || cn == 0 || rn == 0 {
        return 0.0;
    }
    let (p, r) = (overlap as f64 / cn as f64, overlap as f64 / rn as f64);
    2.0 * p * r / (p + r)
}

fn lead3(doc: &Document) -> String {
    doc.sentences
        .iter()
        .filter(|s| doc.sections[s.section as usize].kind == SectionKind::Paragraph)
        .take(3)
        .map(|s| doc.span_text(s.span))
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn rouge_of_summaries_beats_lead_3() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/summaries");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt") && !n.ends_with(".summary.txt"))
        .collect();
    names.sort();
    assert!(names.len() >= 10, "expected at least ten articles");
    let pipeline = Pipeline::standard().unwrap();
    let (mut ours, mut base) = ([0.0f64; 2], [0.0f64; 2]);
    println!("article | ours R1 R2 | lead-3 R1 R2 | sentences");
    for name in &names {
        let text = std::fs::read_to_string(dir.join(name)).unwrap();
        let reference =
            std::fs::read_to_string(dir.join(name.replace(".txt", ".summary.txt"))).unwrap();
        let doc = pipeline.analyze_text(&text).unwrap();
        let n = doc.summary.len();
        assert!((2..=5).contains(&n), "{name}: {n} sentences");
        for &s in &doc.summary {
            let kind = doc.sections[doc.sentences[s as usize].section as usize].kind;
            assert!(
                matches!(kind, SectionKind::Paragraph | SectionKind::Highlight),
                "{name}: summary sentence {s} is a {kind}"
            );
        }
        let summary: Vec<&str> = doc
            .summary
            .iter()
            .map(|&s| doc.span_text(doc.sentences[s as usize].span))
            .collect();
        let summary = summary.join(" ");
        let lead = lead3(&doc);
        let o = [
            rouge(&summary, &reference, 1),
            rouge(&summary, &reference, 2),
        ];
        let b = [rouge(&lead, &reference, 1), rouge(&lead, &reference, 2)];
        for k in 0..2 {
            ours[k] += o[k] / names.len() as f64;
            base[k] += b[k] / names.len() as f64;
        }
        println!(
            "{name} | {:.3} {:.3} | {:.3} {:.3} | {:?}",
            o[0], o[1], b[0], b[1], doc.summary
        );
    }
    println!(
        "mean | {:.3} {:.3} | {:.3} {:.3}",
        ours[0], ours[1], base[0], base[1]
    );
    assert!(
        ours[0] > base[0],
        "ROUGE-1 {:.3} <= Lead-3 {:.3}",
        ours[0],
        base[0]
    );
    assert!(
        ours[1] > base[1],
        "ROUGE-2 {:.3} <= Lead-3 {:.3}",
        ours[1],
        base[1]
    );
}
