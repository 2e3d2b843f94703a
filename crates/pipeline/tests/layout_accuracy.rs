//! Layout measured against the hand-annotated fixtures: every non-blank line of
//! `tests/articles/<slug>.txt` has its expected kind in `<slug>.layout.tsv`. The test prints a
//! report (per article, per kind: precision and recall) and fails if quality drops below the
//! floors, which are set just under what the engine reaches today.

mod common;

use std::collections::BTreeMap;

use newsgraph_doc::SectionKind;
use newsgraph_pipeline::Pipeline;

/// The kind of the section holding the start of each non-blank line; a line that opens with a
/// dateline reads `dateline+paragraph`.
fn predicted(text: &str) -> Vec<(String, String)> {
    let doc = Pipeline::standard()
        .unwrap()
        .with_validation(true)
        .analyze_text(text)
        .unwrap();
    let mut out = Vec::new();
    let mut offset = 0;
    for line in text.split('\n') {
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            let start = (offset + line.len() - line.trim_start().len()) as u32;
            let i = doc
                .sections
                .iter()
                .position(|s| s.span.start <= start && start < s.span.end);
            let kind = match i.map(|i| doc.sections[i].kind) {
                Some(SectionKind::Dateline) => "dateline+paragraph".to_string(),
                Some(k) => k.as_str().to_string(),
                None => "none".to_string(),
            };
            out.push((kind, trimmed.chars().take(30).collect()));
        }
        offset += line.len() + 1;
    }
    out
}

#[derive(Default)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
}

#[test]
fn layout_matches_the_annotations() {
    let mut per_kind: BTreeMap<String, Counts> = BTreeMap::new();
    let (mut right, mut total) = (0, 0);
    let mut misses = Vec::new();
    for (slug, text) in common::articles() {
        let tsv = common::articles_dir().join(format!("{slug}.layout.tsv"));
        let Ok(expected) = std::fs::read_to_string(&tsv) else {
            continue;
        };
        let expected: Vec<(&str, &str)> = expected
            .lines()
            .filter(|l| !l.is_empty())
            .map(|l| l.split_once('\t').unwrap())
            .collect();
        let got = predicted(&text);
        assert_eq!(
            got.len(),
            expected.len(),
            "{slug}: annotation and article differ in line count"
        );
        let mut article_right = 0;
        for ((want, head), (have, line)) in expected.iter().zip(&got) {
            assert!(
                line.starts_with(head.trim_end()),
                "{slug}: annotation out of step at {head:?}"
            );
            total += 1;
            if want == have {
                right += 1;
                article_right += 1;
                per_kind.entry(want.to_string()).or_default().tp += 1;
            } else {
                per_kind.entry(want.to_string()).or_default().fn_ += 1;
                per_kind.entry(have.clone()).or_default().fp += 1;
                misses.push(format!("  {slug}: want {want:<18} got {have:<18} {line:?}"));
            }
        }
        println!("{slug:<20} {article_right}/{} lines", expected.len());
    }
    println!("\nkind                 precision recall   (tp fp fn)");
    let mut caption = (0.0, 0.0);
    for (kind, c) in &per_kind {
        let p = c.tp as f64 / (c.tp + c.fp).max(1) as f64;
        let r = c.tp as f64 / (c.tp + c.fn_).max(1) as f64;
        println!(
            "{kind:<20} {p:>9.3} {r:>6.3}   ({} {} {})",
            c.tp, c.fp, c.fn_
        );
        if kind == "caption" {
            caption = (p, r);
        }
    }
    let accuracy = right as f64 / total as f64;
    println!(
        "\nline accuracy {accuracy:.3} ({right}/{total})\nmisses:\n{}",
        misses.join("\n")
    );
    assert!(
        total > 200,
        "the fixtures should hold over 200 annotated lines"
    );
    assert!(
        accuracy >= ACCURACY_FLOOR,
        "line accuracy {accuracy:.3} fell below {ACCURACY_FLOOR}"
    );
    assert!(
        caption.0 >= CAPTION_FLOOR.0,
        "caption precision {:.3} fell below {}",
        caption.0,
        CAPTION_FLOOR.0
    );
    assert!(
        caption.1 >= CAPTION_FLOOR.1,
        "caption recall {:.3} fell below {}",
        caption.1,
        CAPTION_FLOOR.1
    );
}

const ACCURACY_FLOOR: f64 = 0.97;
const CAPTION_FLOOR: (f64, f64) = (0.9, 0.9);
