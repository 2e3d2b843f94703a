//! Throughput of main-content extraction (decode, clean, Readability, text and metadata) in
//! MB/s of HTML, over the test pages of `tests/html/`.
//!
//! Run with `cargo bench -p newsgraph-html`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn pages() -> Vec<Vec<u8>> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/html");
    let mut out: Vec<Vec<u8>> = std::fs::read_dir(dir)
        .expect("tests/html")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "html"))
        .map(|p| std::fs::read(p).unwrap())
        .collect();
    out.sort();
    out
}

fn bench(c: &mut Criterion) {
    let pages = pages();
    let total: usize = pages.iter().map(Vec::len).sum();
    let mut group = c.benchmark_group("html");
    group.throughput(Throughput::Bytes(total as u64));
    group.bench_function("extract", |b| {
        b.iter(|| {
            for page in &pages {
                let _ = std::hint::black_box(newsgraph_html::extract(page, None, None));
            }
        })
    });
    // the extractor alone, for comparison: what newsgraph adds is the furniture pass, the text
    // and metadata of the page and the language check
    group.bench_function("dom_smoothie_only", |b| {
        b.iter(|| {
            for page in &pages {
                let html = String::from_utf8_lossy(page);
                if let Ok(mut r) = dom_smoothie::Readability::new(html.as_ref(), None, None) {
                    let _ = std::hint::black_box(r.parse());
                }
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
