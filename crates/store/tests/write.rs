//! Writing records: an article the database refuses is rolled back alone and listed, and the
//! batch goes on; re-writing a batch stores nothing twice.

use newsgraph_doc::Record;
use newsgraph_store::{Prepared, Store};

fn record(id: &str, text: &str, value: f64) -> Record {
    let mut r: Record = serde_json::from_value(serde_json::json!({
        "schema": "newsgraph.article/1",
        "id": id,
        "source": {"path": null, "url": null, "format": "text"},
        "meta": {"title": null, "published": "2025-03-04", "outlet": null, "authors": [], "language": null},
        "text": text,
        "sections": [{"kind": "paragraph", "start": 0, "end": 10}],
        "sentences": [{"start": 0, "end": 10, "section": 0}],
        "mentions": [], "actors": [], "quotes": [], "events": [],
        "quantities": [{"start": 0, "end": 2, "text": "12", "value": 12.0, "unit": null,
                        "kind": "count", "date": null, "actor": null, "bound": "exact",
                        "date_text": null, "sentence": 0}],
        "casualties": {"killed": null, "injured": null, "by_location": [], "quantities": []},
        "alignments": [],
        "summary": {"sentences": [], "text": ""}
    }))
    .unwrap();
    r.quantities[0].value = value;
    r
}

#[test]
fn a_refused_article_is_rolled_back_alone_and_listed() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("w.db")).unwrap();
    let mut batch = vec![
        Prepared::new(record(
            "good-1",
            "12 people marched in the square today.",
            12.0,
        ))
        .unwrap(),
        // NaN is NULL to SQLite: the quantity breaks its NOT NULL constraint
        Prepared::new(record(
            "bad-1",
            "Twelve people marched in a park on Monday.",
            f64::NAN,
        ))
        .unwrap(),
        Prepared::new(record(
            "good-2",
            "Police arrested 12 men near the port at dawn.",
            12.0,
        ))
        .unwrap(),
    ];
    let outcome = store.write_batch(&mut batch).unwrap();
    assert_eq!((outcome.stored, outcome.failed), (2, 1));
    let counts = store.counts().unwrap();
    assert_eq!((counts.articles, counts.rejects), (2, 1));
    let reason: String = store
        .connection()
        .query_row(
            "SELECT reason FROM rejects WHERE origin = 'article bad-1'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(reason.contains("NOT NULL"), "{reason}");
    // nothing of the refused article is left behind
    let rows: i64 = store
        .connection()
        .query_row("SELECT COUNT(*) FROM quantities", [], |r| r.get(0))
        .unwrap();
    assert_eq!(rows, 2);
    // the same batch again stores nothing twice
    let again = store.write_batch(&mut batch).unwrap();
    assert_eq!((again.stored, again.already), (0, 2));
    assert_eq!(store.counts().unwrap().articles, 2);
}

#[test]
fn an_empty_file_is_not_taken_for_a_database() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.db");
    std::fs::write(&path, b"").unwrap();
    let err = Store::open_existing(&path).err().unwrap().to_string();
    assert!(err.contains("not a newsgraph database"), "{err}");
    assert_eq!(
        std::fs::metadata(&path).unwrap().len(),
        0,
        "the file is left as it was"
    );
}
