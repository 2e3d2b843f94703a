//! What the quote tests share: the hand-written articles and a run of every stage the quotes
//! stage needs.

use std::path::PathBuf;

use newsgraph_actors::ActorStage;
use newsgraph_doc::{Document, Format, Meta, Source, Stage};
use newsgraph_layout::LayoutAnalyzer;
use newsgraph_quotes::QuoteStage;
use newsgraph_segment::Segmenter;

/// The stages, built once per test.
pub struct Stages {
    layout: LayoutAnalyzer,
    segment: Segmenter,
    actors: ActorStage,
    quotes: QuoteStage,
}

impl Stages {
    /// Builds every stage with its embedded lexicons.
    pub fn new() -> Self {
        Stages {
            layout: LayoutAnalyzer::new().unwrap(),
            segment: Segmenter::new().unwrap(),
            actors: ActorStage::new().unwrap(),
            quotes: QuoteStage::new().unwrap(),
        }
    }

    /// Layout, segment, actors and quotes over `text`, checked with `validate()`.
    pub fn analyze(&self, text: &str) -> Document {
        let source = Source {
            path: None,
            url: None,
            format: Format::Text,
        };
        let mut doc = Document::new("fixture", source, Meta::default(), text);
        self.layout.annotate(&mut doc).unwrap();
        self.segment.annotate(&mut doc).unwrap();
        self.actors.annotate(&mut doc).unwrap();
        self.quotes.annotate(&mut doc).unwrap();
        doc.validate().unwrap();
        doc
    }
}

/// The `.txt` articles of the given directories under `tests/`, sorted by name; with
/// `gold_only`, only those that have a `.quotes.tsv` next to them.
pub fn fixture_paths(dirs: &[&str], gold_only: bool) -> Vec<PathBuf> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests");
    let mut paths: Vec<_> = dirs
        .iter()
        .flat_map(|d| std::fs::read_dir(root.join(d)).unwrap())
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .filter(|p| !gold_only || p.with_extension("quotes.tsv").exists())
        .collect();
    paths.sort_by_key(|p| p.file_name().map(|n| n.to_owned()));
    paths
}
