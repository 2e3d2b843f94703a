//! Throughput of the whole pipeline and of each stage, in MB/s and articles/s, over a generated
//! corpus of more than 10 MB built from the fixture articles (each copy varied so that no two
//! articles are identical).
//!
//! Run with `cargo bench -p newsgraph-pipeline`; criterion prints time and throughput per group.

use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use newsgraph_doc::{Document, Format, Meta, Source};
use newsgraph_pipeline::Pipeline;

/// The allocator the `newsgraph` binary uses, so that the figures are the binary's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const TARGET_BYTES: usize = 10 * 1024 * 1024 + 1;

fn corpus() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/articles");
    let mut originals: Vec<String> = std::fs::read_dir(&dir)
        .expect("tests/articles")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    originals.sort();
    let mut out = Vec::new();
    let mut bytes = 0;
    let mut n = 0usize;
    while bytes < TARGET_BYTES {
        let base = &originals[n % originals.len()];
        // Vary each copy: a different number in the headline and a shuffled paragraph order.
        let mut lines: Vec<&str> = base.lines().collect();
        let body = lines.len() - 1;
        lines[1..].rotate_left(n % body.max(1));
        let article = format!("{} ({n})\n{}", lines[0], lines[1..].join("\n"));
        bytes += article.len();
        out.push(article);
        n += 1;
    }
    out
}

fn doc(text: &str) -> Document {
    let source = Source {
        path: None,
        url: None,
        format: Format::Text,
    };
    Document::new("bench", source, Meta::default(), text)
}

fn bench(c: &mut Criterion) {
    let corpus = corpus();
    let total: usize = corpus.iter().map(String::len).sum();
    let pipeline = Pipeline::standard().unwrap().with_validation(false);
    let stages = pipeline.stage_names();
    eprintln!(
        "corpus: {} articles, {:.1} MB",
        corpus.len(),
        total as f64 / 1e6
    );

    for (unit, throughput) in [
        ("MB", Throughput::Bytes(total as u64)),
        ("articles", Throughput::Elements(corpus.len() as u64)),
    ] {
        let mut group = c.benchmark_group(format!("pipeline_{unit}"));
        group
            .sample_size(10)
            .measurement_time(Duration::from_secs(8))
            .throughput(throughput);
        for n in 1..=stages.len() {
            let name = stages[..n].join("+");
            group.bench_function(BenchmarkId::from_parameter(&name), |b| {
                b.iter(|| {
                    let mut sentences = 0usize;
                    let mut sections = 0usize;
                    for text in &corpus {
                        let mut d = doc(text);
                        pipeline.run_first(n, &mut d).unwrap();
                        sections += d.sections.len();
                        sentences += d.sentences.len();
                    }
                    // A fast wrong answer must not pass for a fast right one.
                    assert!(sections > corpus.len());
                    assert!(n < 2 || sentences > corpus.len() * 10);
                    sentences
                })
            });
        }
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
