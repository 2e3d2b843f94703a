//! Golden snapshots of the quotes found in the articles of `tests/quotes/`, one per
//! construction family (British single marks and apostrophes, split and continued quotes,
//! indirect speech, partial quotes, broken marks): every quote with its kind, words,
//! speaker and cue. Review changes with `cargo insta review`.

mod common;

use std::fmt::Write as _;

use newsgraph_doc::{Document, SectionKind};

use common::{fixture_paths, Stages};

fn render(doc: &Document) -> String {
    let mut out = String::new();
    for q in &doc.quotes {
        let words: Vec<&str> = q.parts.iter().map(|&p| doc.span_text(p)).collect();
        let speaker = q
            .speaker
            .map_or("-".to_string(), |a| doc.actors[a as usize].name.clone());
        let said_by = q.speaker_span.map_or("-", |s| doc.span_text(s));
        let cue = q.cue.map_or("-", |c| doc.span_text(c));
        writeln!(
            out,
            "{:<8} s{:<3} {:?}\n         speaker={speaker:?} words={said_by:?} cue={cue:?}",
            q.kind.as_str(),
            q.sentence,
            words.join(" || ")
        )
        .unwrap();
    }
    out
}

#[test]
fn quote_fixtures() {
    let stages = Stages::new();
    let paths = fixture_paths(&["quotes"], false);
    assert!(
        paths.len() >= 5,
        "the construction fixtures of tests/quotes"
    );
    for path in paths {
        let text = std::fs::read_to_string(&path).unwrap();
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        let doc = stages.analyze(&text);
        insta::assert_snapshot!(format!("quotes@{name}"), render(&doc));
    }
}

/// The paragraph (content section) holding byte `at`.
fn paragraph(doc: &Document, at: u32) -> Option<usize> {
    doc.sections
        .iter()
        .position(|s| s.kind != SectionKind::Boilerplate && s.span.start <= at && at < s.span.end)
}

/// `broken-marks.txt`: damaged marks never make a quote run past its paragraph, a lone mark
/// opens nothing, and nested marks of one kind do not cut the outer quote short.
#[test]
fn broken_marks_stay_in_their_paragraph() {
    let stages = Stages::new();
    let path = fixture_paths(&["quotes"], false)
        .into_iter()
        .find(|p| p.ends_with("broken-marks.txt"))
        .expect("tests/quotes/broken-marks.txt");
    let text = std::fs::read_to_string(path).unwrap();
    let doc = stages.analyze(&text);
    for q in &doc.quotes {
        // Each part stays within one paragraph.
        for p in &q.parts {
            assert_eq!(
                paragraph(&doc, p.start),
                paragraph(&doc, p.end - 1),
                "a quote part crosses a paragraph: {:?}",
                doc.span_text(*p)
            );
        }
    }
    let direct: Vec<&str> = doc
        .quotes
        .iter()
        .filter(|q| q.kind.as_str() == "direct")
        .map(|q| doc.span_text(q.parts[0]))
        .collect();
    // The quote that never closes ends at its attribution.
    assert!(
        direct.iter().any(|d| d.ends_with("within a year,")),
        "{direct:#?}"
    );
    // Three levels of nesting: the outer quote runs to its own closing mark.
    assert!(
        direct
            .iter()
            .any(|d| d.contains("singing,") && d.ends_with("anything,")),
        "{direct:#?}"
    );
    // A plural possessive at the end of a quote stays in it.
    assert!(
        direct.iter().any(|d| d.ends_with("protesters\u{2019}")),
        "{direct:#?}"
    );
    // The stray closing mark at the end of the article closes nothing.
    let last = doc
        .sections
        .iter()
        .rev()
        .find(|s| s.kind == SectionKind::Paragraph)
        .unwrap();
    assert!(doc.quotes.iter().all(|q| !last.span.contains(q.span())));
}
