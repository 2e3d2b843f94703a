//! Builds the ordered stages of newsgraph and runs them over articles.
//!
//! [`Pipeline::standard`] is the engine as it stands: `layout`, `segment`, `actors`, `quotes`,
//! `events`, `quantities`, `casualties`, `alignments` and `summary`. A
//! pipeline checks
//! at construction that every stage's required layers are produced by an earlier stage, so a bad
//! order fails at start-up, not in the middle of a batch. Built once, it is shared by all
//! threads. In debug builds (and when asked) it validates the document after every stage.
//!
//! ```
//! use newsgraph_pipeline::Pipeline;
//!
//! let pipeline = Pipeline::standard().unwrap();
//! let doc = pipeline.analyze_text("Floods hit town\nRain fell for days. Rivers rose.").unwrap();
//! assert_eq!(doc.sentences.len(), 3);
//! ```
#![deny(missing_docs)]

use std::path::Path;

use newsgraph_actors::{ActorLexicon, ActorStage, UserError};
use newsgraph_alignments::AlignmentStage;
use newsgraph_doc::{Document, Layer, Meta, Source, Stage, StageError, StageRun};
use newsgraph_events::{EventStage, VerbsError};
use newsgraph_ingest::RawArticle;
use newsgraph_layout::LayoutAnalyzer;
use newsgraph_lexicon::LexiconError;
use newsgraph_quantities::{CasualtyStage, QuantityStage};
use newsgraph_quotes::QuoteStage;
use newsgraph_segment::Segmenter;
use newsgraph_summary::SummaryStage;
use thiserror::Error;

/// Why a pipeline could not be built or could not analyse an article.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum PipelineError {
    /// A data file did not load.
    #[error(transparent)]
    Lexicon(#[from] LexiconError),
    /// A user dictionary (`--actors FILE`) did not load.
    #[error("actor dictionary {0}")]
    UserDictionary(#[from] UserError),
    /// A user verb dictionary (`--verbs FILE`) did not load.
    #[error(transparent)]
    Verbs(#[from] VerbsError),
    /// A stage needs a layer that no earlier stage produces.
    #[error("stage {stage} needs layer {layer:?}, which no earlier stage produces")]
    MissingLayer {
        /// The stage.
        stage: &'static str,
        /// The layer it needs.
        layer: Layer,
    },
    /// A stage failed on an article.
    #[error("{stage}: {source}")]
    Stage {
        /// The stage.
        stage: &'static str,
        /// What went wrong.
        source: StageError,
    },
}

/// The ordered stages.
pub struct Pipeline {
    stages: Vec<Box<dyn Stage>>,
    validate: bool,
}

impl std::fmt::Debug for Pipeline {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let names: Vec<&str> = self.stages.iter().map(|s| s.name()).collect();
        f.debug_struct("Pipeline")
            .field("stages", &names)
            .field("validate", &self.validate)
            .finish()
    }
}

/// The largest text a document may hold: offsets are 32-bit.
const MAX_TEXT: usize = u32::MAX as usize;

impl Pipeline {
    /// Builds a pipeline from stages in order, checking that each one's inputs come earlier.
    pub fn new(stages: Vec<Box<dyn Stage>>) -> Result<Self, PipelineError> {
        let mut produced: Vec<Layer> = Vec::new();
        for stage in &stages {
            if let Some(&layer) = stage.requires().iter().find(|l| !produced.contains(l)) {
                return Err(PipelineError::MissingLayer {
                    stage: stage.name(),
                    layer,
                });
            }
            produced.extend_from_slice(stage.produces());
        }
        Ok(Pipeline {
            stages,
            validate: cfg!(debug_assertions),
        })
    }

    /// The engine's stages as they stand: layout, segment, actors, quotes, events, quantities,
    /// casualties, alignments, summary.
    pub fn standard() -> Result<Self, PipelineError> {
        Self::standard_with(&[], &[])
    }

    /// The standard stages, with the actor lexicon extended by user dictionaries.
    pub fn standard_with_actors(files: &[&Path]) -> Result<Self, PipelineError> {
        Self::standard_with(files, &[])
    }

    /// The standard stages, with the actor lexicon extended by user dictionaries (our TSV, or
    /// PETRARCH `.actors` / `.agents` files; see [`newsgraph_actors::user`]) and the event
    /// lexicon by PETRARCH-2 verb dictionaries (`--verbs`).
    pub fn standard_with(files: &[&Path], verbs: &[&Path]) -> Result<Self, PipelineError> {
        let mut lexicon = ActorLexicon::embedded()?;
        for file in files {
            lexicon.extend_from_file(file)?;
        }
        Pipeline::new(vec![
            Box::new(LayoutAnalyzer::new()?),
            Box::new(Segmenter::new()?),
            Box::new(ActorStage::with_lexicon(lexicon)),
            Box::new(QuoteStage::new()?),
            Box::new(EventStage::with_verbs(verbs)?.0),
            Box::new(QuantityStage::new()?),
            Box::new(CasualtyStage::new()?),
            Box::new(AlignmentStage::new()?),
            Box::new(SummaryStage::new()?),
        ])
    }

    /// Validates the document after every stage (on by default in debug builds).
    pub fn with_validation(mut self, on: bool) -> Self {
        self.validate = on;
        self
    }

    /// The stage names, in order.
    pub fn stage_names(&self) -> Vec<&'static str> {
        self.stages.iter().map(|s| s.name()).collect()
    }

    /// Runs every stage over `doc`.
    pub fn run(&self, doc: &mut Document) -> Result<(), PipelineError> {
        if doc.text().len() > MAX_TEXT {
            let source = StageError::TooLarge {
                len: doc.text().len(),
                max: MAX_TEXT,
            };
            return Err(PipelineError::Stage {
                stage: "pipeline",
                source,
            });
        }
        for stage in &self.stages {
            let name = stage.name();
            stage.annotate(doc).map_err(|source| PipelineError::Stage {
                stage: name,
                source,
            })?;
            if self.validate {
                doc.validate().map_err(|e| PipelineError::Stage {
                    stage: name,
                    source: StageError::Invariant {
                        stage: name,
                        detail: e.to_string(),
                    },
                })?;
            }
            doc.runs.push(StageRun {
                stage: name.to_string(),
                version: env!("CARGO_PKG_VERSION").into(),
            });
        }
        Ok(())
    }

    /// Makes a document of a raw article and runs every stage over it.
    pub fn analyze(&self, raw: RawArticle) -> Result<Document, PipelineError> {
        let source = Source {
            path: raw.path,
            url: raw.url,
            format: raw.format,
        };
        let meta = Meta {
            title: raw.title,
            published: raw.published,
            outlet: raw.outlet,
            authors: raw.authors,
            language: raw.language,
        };
        let mut doc = Document::new(raw.id, source, meta, raw.text);
        // An article in another language gets its layout and sentences, never codes made by
        // English rules.
        if doc.meta.language.as_deref().is_some_and(|l| l != "en") {
            self.run_first(2, &mut doc)?;
        } else {
            self.run(&mut doc)?;
        }
        Ok(doc)
    }

    /// Analyses a text given in memory (id: its content hash).
    pub fn analyze_text(&self, text: &str) -> Result<Document, PipelineError> {
        let source = Source {
            path: None,
            url: None,
            format: newsgraph_doc::Format::Text,
        };
        let id = newsgraph_ingest::content_id(text.as_bytes());
        let mut doc = Document::new(id, source, Meta::default(), text);
        self.run(&mut doc)?;
        Ok(doc)
    }

    /// Analyses a text given in memory with its publication date, against which relative
    /// dates (`yesterday`, `last month`) resolve.
    pub fn analyze_text_published(
        &self,
        text: &str,
        published: Option<chrono::NaiveDate>,
    ) -> Result<Document, PipelineError> {
        let source = Source {
            path: None,
            url: None,
            format: newsgraph_doc::Format::Text,
        };
        let id = newsgraph_ingest::content_id(text.as_bytes());
        let meta = Meta {
            published,
            ..Meta::default()
        };
        let mut doc = Document::new(id, source, meta, text);
        self.run(&mut doc)?;
        Ok(doc)
    }

    /// Runs only the first `n` stages (for per-stage benchmarks).
    pub fn run_first(&self, n: usize, doc: &mut Document) -> Result<(), PipelineError> {
        for stage in self.stages.iter().take(n) {
            let name = stage.name();
            stage.annotate(doc).map_err(|source| PipelineError::Stage {
                stage: name,
                source,
            })?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_article_in_another_language_gets_layout_and_sentences_only() {
        let p = Pipeline::standard().unwrap().with_validation(true);
        let raw = |language: Option<&str>| {
            RawArticle {
            id: "x".into(),
            text: "Bombs kill seven in Kano\nBombs killed seven people in Kano on Monday, police said.\n"
                .into(),
            title: None,
            published: None,
            url: None,
            authors: Vec::new(),
            outlet: None,
            language: language.map(str::to_string),
            path: None,
            format: newsgraph_doc::Format::Html,
            origin: newsgraph_ingest::Origin {
                name: "x".into(),
                line: None,
            },
            warnings: Vec::new(),
        }
        };
        let english = p.analyze(raw(Some("en"))).unwrap();
        assert!(!english.events.is_empty() && english.casualties.killed == Some(7));
        let other = p.analyze(raw(Some("fr"))).unwrap();
        assert_eq!(other.sentences.len(), english.sentences.len());
        assert!(other.mentions.is_empty() && other.events.is_empty());
        assert_eq!(other.casualties.killed, None);
        assert_eq!(other.meta.language.as_deref(), Some("fr"));
    }

    #[test]
    fn a_stage_whose_input_comes_later_fails_at_construction() {
        let stages: Vec<Box<dyn Stage>> = vec![
            Box::new(Segmenter::new().unwrap()),
            Box::new(LayoutAnalyzer::new().unwrap()),
        ];
        let err = Pipeline::new(stages).unwrap_err();
        assert_eq!(
            err.to_string(),
            "stage segment needs layer Sections, which no earlier stage produces"
        );
    }

    #[test]
    fn a_bad_user_dictionary_is_named_in_the_error() {
        let dir = std::env::temp_dir().join(format!("ng-dict-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("mine.tsv");
        std::fs::write(&file, "Only a name\n").unwrap();
        let err = Pipeline::standard_with_actors(&[file.as_path()]).unwrap_err();
        let message = err.to_string();
        assert!(message.contains("mine.tsv:1"), "{message}");
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn standard_runs_and_records_its_stages() {
        let p = Pipeline::standard().unwrap().with_validation(true);
        let doc = p.analyze_text("Title\nBody one. Body two.").unwrap();
        assert_eq!(
            p.stage_names(),
            [
                "layout",
                "segment",
                "actors",
                "quotes",
                "events",
                "quantities",
                "casualties",
                "alignments",
                "summary"
            ]
        );
        assert_eq!(doc.runs.len(), 9);
        assert_eq!(doc.sentences.len(), 3);
    }
}
