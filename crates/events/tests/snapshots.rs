//! Snapshots of the events found in the hand-written articles of `tests/events/` (see its
//! `ARTICLES.md` for what each one tests and the events a careful coder would extract).
//! Each event is one line: code, trigger, source -> target, place, date, flags, so that a
//! change in coding shows as a readable diff. Review with `cargo insta review`.

use newsgraph_doc::{Document, Format, Meta, Source, Stage};

fn published(slug: &str) -> chrono::NaiveDate {
    let table = include_str!("../../../tests/events/ARTICLES.md");
    let row = table
        .lines()
        .find(|l| l.starts_with(&format!("| `{slug}`")))
        .unwrap_or_else(|| panic!("ARTICLES.md has no row for {slug}"));
    let date = row.split('|').nth(2).unwrap().trim();
    chrono::NaiveDate::parse_from_str(&date[..10], "%Y-%m-%d").unwrap()
}

fn analyze(path: &std::path::Path, published: chrono::NaiveDate) -> Document {
    let text = std::fs::read_to_string(path).unwrap();
    let source = Source {
        path: None,
        url: None,
        format: Format::Text,
    };
    let meta = Meta {
        published: Some(published),
        ..Meta::default()
    };
    let mut doc = Document::new("fixture", source, meta, text);
    let stages: Vec<Box<dyn Stage>> = vec![
        Box::new(newsgraph_layout::LayoutAnalyzer::new().unwrap()),
        Box::new(newsgraph_segment::Segmenter::new().unwrap()),
        Box::new(newsgraph_actors::ActorStage::new().unwrap()),
        Box::new(newsgraph_quotes::QuoteStage::new().unwrap()),
        Box::new(newsgraph_events::EventStage::new().unwrap()),
    ];
    for s in &stages {
        s.annotate(&mut doc).unwrap();
    }
    doc.validate().unwrap();
    doc
}

fn render(doc: &Document) -> String {
    let who = |a: Option<u32>| match a {
        Some(a) => {
            let a = &doc.actors[a as usize];
            format!(
                "{} [{}]",
                a.name,
                a.cameo.as_deref().or(a.country.as_deref()).unwrap_or("-")
            )
        }
        None => "-".into(),
    };
    let mut out = String::new();
    for e in &doc.events {
        let mut flags = Vec::new();
        if e.negated {
            flags.push("negated".to_string());
        }
        if e.modality != newsgraph_doc::Modality::Asserted {
            flags.push(e.modality.as_str().to_string());
        }
        if let Some(n) = e.fatalities {
            flags.push(format!("killed={n}"));
        }
        if let Some(n) = e.injured {
            flags.push(format!("injured={n}"));
        }
        out.push_str(&format!(
            "s{} {} {:?}: {} -> {} | at {} | on {} {}\n",
            e.sentence,
            e.cameo,
            doc.span_text(e.trigger),
            who(e.source),
            who(e.target),
            e.location.as_ref().map_or("-".to_string(), |l| format!(
                "{} ({})",
                l.name,
                l.country.as_deref().unwrap_or("-")
            )),
            e.date.as_deref().unwrap_or("-"),
            flags.join(" "),
        ));
    }
    out
}

#[test]
fn event_fixtures() {
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/events");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 5);
    for path in paths {
        let slug = path.file_stem().unwrap().to_str().unwrap().to_string();
        let doc = analyze(&path, published(&slug));
        // never an event from a caption or page furniture
        for e in &doc.events {
            let kind = doc.sections[doc.sentences[e.sentence as usize].section as usize].kind;
            assert!(
                kind != newsgraph_doc::SectionKind::Caption && kind.is_content(),
                "{slug}: event in a {kind}"
            );
            assert!(e.cameo.len() >= 2 && (1..=20).contains(&e.cameo[..2].parse::<u32>().unwrap()));
        }
        insta::assert_snapshot!(slug.clone(), render(&doc));
    }
}
