//! Golden snapshots of the mentions and actors found in the articles of `tests/actors/`: every
//! mention with its text, type and actor, then every actor with its code. Review changes with
//! `cargo insta review`.

mod common;

use std::fmt::Write as _;

use newsgraph_actors::ActorStage;

use common::{analyze, fixture_paths};

fn render(text: &str, stage: &ActorStage) -> String {
    let doc = analyze(text, stage);
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
    let stage = ActorStage::new().unwrap();
    let paths = fixture_paths();
    for path in paths {
        let text = std::fs::read_to_string(&path).unwrap();
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        insta::assert_snapshot!(format!("actors@{name}"), render(&text, &stage));
    }
}
