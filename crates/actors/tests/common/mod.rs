//! What the integration tests share: the hand-written articles and a run of the stages the
//! actors stage needs.

use std::path::PathBuf;

use newsgraph_actors::ActorStage;
use newsgraph_doc::{Document, Format, Meta, Source, Stage};
use newsgraph_layout::LayoutAnalyzer;
use newsgraph_segment::Segmenter;

/// The articles of `tests/actors/`, sorted by name.
pub fn fixture_paths() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/actors");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
}

/// Layout, segment and `stage` over `text`, checked with `validate()`.
pub fn analyze(text: &str, stage: &ActorStage) -> Document {
    let source = Source {
        path: None,
        url: None,
        format: Format::Text,
    };
    let mut doc = Document::new("fixture", source, Meta::default(), text);
    LayoutAnalyzer::new().unwrap().annotate(&mut doc).unwrap();
    Segmenter::new().unwrap().annotate(&mut doc).unwrap();
    stage.annotate(&mut doc).unwrap();
    doc.validate().unwrap();
    doc
}
