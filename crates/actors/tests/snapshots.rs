//! Golden snapshots of the mentions and actors found in the articles of `tests/actors/`: every
//! mention with its text, type and actor, then every actor with its code. Review changes with
//! `cargo insta review`.

use std::fmt::Write as _;
use std::path::Path;

use newsgraph_actors::ActorStage;
use newsgraph_doc::{Document, Format, Meta, Source, Stage};
use newsgraph_layout::LayoutAnalyzer;
use newsgraph_segment::Segmenter;

fn render(text: &str, stage: &ActorStage) -> String {
    let source = Source {
        path: None,
        url: None,
        format: Format::Text,
    };
    let mut doc = Document::new("snap", source, Meta::default(), text);
    LayoutAnalyzer::new().unwrap().annotate(&mut doc).unwrap();
    Segmenter::new().unwrap().annotate(&mut doc).unwrap();
    stage.annotate(&mut doc).unwrap();
    doc.validate().unwrap();
    let mut out = String::new();
    for m in &doc.mentions {
        let actor = m.actor.map_or("-".to_string(), |a| format!("a{a}"));
        writeln!(
            out,
            "M [{}..{}) {:<6} {:<4} {:?}",
            m.span.start,
            m.span.end,
            m.kind,
            actor,
            doc.span_text(m.span)
        )
        .unwrap();
    }
    for (i, a) in doc.actors.iter().enumerate() {
        writeln!(
            out,
            "A a{i:<3} {:<12} {:<14} country={:<4} roles={:?} {:?} x{}",
            a.kind.as_str(),
            a.cameo.as_deref().unwrap_or("-"),
            a.country.as_deref().unwrap_or("-"),
            a.roles,
            a.name,
            a.mentions.len()
        )
        .unwrap();
    }
    out
}

#[test]
fn actor_fixtures() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/actors");
    let stage = ActorStage::new().unwrap();
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    for path in paths {
        let text = std::fs::read_to_string(&path).unwrap();
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        insta::assert_snapshot!(format!("actors@{name}"), render(&text, &stage));
    }
}
