//! Snapshots of the last four layers (quantities, casualties, alignments, summary) over the
//! incident reports of `tests/casualties/` and the articles of `tests/summaries/` and
//! `tests/alignments/` (coordinated sources, negated support, quotes), so that any
//! change in what the engine reads from them shows as a readable diff. The reports hold the
//! traps: totals and parts, repeated and rising figures, historical figures, claims, figures in
//! quotes, coordinated casualties. Review with `cargo insta review`.

use std::fmt::Write;
use std::path::{Path, PathBuf};

use newsgraph_doc::{Document, EvidenceRef};
use newsgraph_pipeline::Pipeline;

/// Publication dates by file name, from a table or TSV whose rows name the file then its date.
fn dates(listing: &Path) -> Vec<(String, chrono::NaiveDate)> {
    let text = std::fs::read_to_string(listing).unwrap();
    text.lines()
        .filter_map(|l| {
            let cells: Vec<&str> = l
                .split(['\t', '|'])
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .collect();
            let date = cells.get(1)?.parse().ok()?;
            Some((cells[0].to_string(), date))
        })
        .collect()
}

fn render(doc: &Document) -> String {
    let mut out = String::new();
    let actor = |a: u32| {
        let a = &doc.actors[a as usize];
        format!(
            "{} [{}]",
            a.name,
            a.cameo.as_deref().or(a.country.as_deref()).unwrap_or("-")
        )
    };
    writeln!(out, "quantities:").unwrap();
    for q in &doc.quantities {
        writeln!(
            out,
            "  s{} {:?} = {} {}{}{}{}",
            q.sentence,
            doc.span_text(q.span),
            q.value,
            q.kind.as_str(),
            q.unit
                .as_deref()
                .map(|u| format!(" ({u})"))
                .unwrap_or_default(),
            q.date
                .as_deref()
                .map(|d| format!(" @{d}"))
                .unwrap_or_default(),
            q.actor
                .map(|a| format!(" about {}", actor(a)))
                .unwrap_or_default(),
        )
        .unwrap();
    }
    let c = &doc.casualties;
    writeln!(
        out,
        "casualties: killed {:?}, injured {:?}",
        c.killed, c.injured
    )
    .unwrap();
    for p in &c.by_location {
        writeln!(
            out,
            "  {}: killed {:?}, injured {:?}",
            p.location, p.killed, p.injured
        )
        .unwrap();
    }
    writeln!(out, "alignments:").unwrap();
    for a in &doc.alignments {
        let evidence: Vec<String> = a
            .evidence
            .iter()
            .map(|e| match e {
                EvidenceRef::Event(i) => format!("event {}", doc.events[*i as usize].cameo),
                EvidenceRef::Quote(i) => format!("quote {i}"),
            })
            .collect();
        writeln!(
            out,
            "  {} {} {} ({})",
            actor(a.actor),
            a.stance.as_str(),
            actor(a.toward),
            evidence.join(", ")
        )
        .unwrap();
    }
    writeln!(out, "summary:").unwrap();
    for &s in &doc.summary {
        writeln!(
            out,
            "  s{s} {}",
            doc.span_text(doc.sentences[s as usize].span)
        )
        .unwrap();
    }
    out
}

fn snapshot_dir(dir: &str, listing: &str) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests")
        .join(dir);
    let dates = dates(&dir.join(listing));
    let pipeline = Pipeline::standard().unwrap().with_validation(true);
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name.ends_with(".txt") && !name.ends_with(".summary.txt")
        })
        .collect();
    paths.sort();
    assert!(!paths.is_empty());
    for path in paths {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let published = dates.iter().find(|(f, _)| *f == name).map(|(_, d)| *d);
        assert!(
            published.is_some(),
            "{name} has no publication date in {listing}"
        );
        let text = std::fs::read_to_string(&path).unwrap();
        let doc = pipeline.analyze_text_published(&text, published).unwrap();
        let slug = path.file_stem().unwrap().to_string_lossy().into_owned();
        insta::assert_snapshot!(slug, render(&doc));
    }
}

#[test]
fn incident_reports() {
    snapshot_dir("casualties", "gold.tsv");
}

#[test]
fn alignment_articles() {
    snapshot_dir("alignments", "ARTICLES.md");
}

#[test]
fn summary_articles() {
    snapshot_dir("summaries", "ARTICLES.md");
}
