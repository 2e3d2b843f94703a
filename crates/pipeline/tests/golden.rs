//! Golden snapshots: every fixture article under `tests/articles/` analysed, its document
//! validated, and its record shown as spans with their text, so a reviewer reads findings.

mod common;

use std::fmt::Write;

use newsgraph_doc::{Record, RecordOptions};
use newsgraph_pipeline::Pipeline;

fn render(text: &str) -> String {
    let pipeline = Pipeline::standard().unwrap().with_validation(true);
    let doc = pipeline.analyze_text(text).unwrap();
    doc.validate().unwrap();
    let record = Record::from_document(&doc, RecordOptions::default());
    let chars: Vec<char> = record.text.chars().collect();
    let span = |s: u32, e: u32| chars[s as usize..e as usize].iter().collect::<String>();
    let mut out = String::new();
    let m = &record.meta;
    writeln!(
        out,
        "META  title={:?} authors={:?} outlet={:?}",
        m.title, m.authors, m.outlet
    )
    .unwrap();
    for (i, s) in record.sections.iter().enumerate() {
        writeln!(
            out,
            "SEC#{i:<3} [{}..{}) {:<11} {:?}",
            s.start,
            s.end,
            s.kind,
            span(s.start, s.end)
        )
        .unwrap();
        for sent in record.sentences.iter().filter(|x| x.section as usize == i) {
            writeln!(
                out,
                "  SENT [{}..{}) {:?}",
                sent.start,
                sent.end,
                span(sent.start, sent.end)
            )
            .unwrap();
        }
    }
    out
}

#[test]
fn fixture_articles() {
    for (slug, text) in common::articles() {
        insta::with_settings!({ snapshot_suffix => slug.clone(), prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!("article", render(&text));
        });
    }
}
