//! A database of schema version 1 is migrated when opened: its near-duplicate signatures are
//! computed again into their own table, and a copy written afterwards still finds its group.

use newsgraph_doc::Record;
use newsgraph_store::{Prepared, Store, SCHEMA_VERSION};

const REPORT: &str = "Ferry services across the southern islands were halted on Tuesday after \
    a storm tore roofs off harbour buildings and sank two fishing boats at their moorings. The \
    coast guard said crews had pulled eleven sailors from the water overnight and that three \
    were still being treated in hospital. Port officials expect the first sailings to resume on \
    Thursday once divers have checked the channel for wreckage, and the islands' council has \
    opened two school halls for families whose homes were flooded.";

fn record(id: &str, text: &str) -> Record {
    serde_json::from_value(serde_json::json!({
        "schema": "newsgraph.article/1",
        "id": id,
        "source": {"path": null, "url": null, "format": "text"},
        "meta": {"title": null, "published": "2025-03-04", "outlet": null, "authors": [], "language": null},
        "text": text,
        "sections": [], "sentences": [], "mentions": [], "actors": [], "quotes": [],
        "events": [], "quantities": [],
        "casualties": {"killed": null, "injured": null, "by_location": [], "quantities": []},
        "alignments": [],
        "summary": {"sentences": [], "text": ""}
    }))
    .unwrap()
}

/// A version-1 database holding a report and a lightly reworded copy of it, marked as such,
/// with a band row of the old signatures.
fn version_1(path: &std::path::Path) {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.execute_batch(include_str!("schema_v1.sql")).unwrap();
    conn.execute_batch("PRAGMA user_version = 1").unwrap();
    let copy = REPORT.replace("on Tuesday", "on Tuesday morning");
    for (i, (id, text)) in [("report", REPORT), ("copy", copy.as_str())]
        .into_iter()
        .enumerate()
    {
        conn.execute(
            "INSERT INTO articles (ext_id, content_hash, authors, format, text, bytes, summary, \
             shingles, minhash, entities, sections_json, mentions_json, dup_of, added, record) \
             VALUES (?1, ?2, '[]', 'text', ?3, ?4, '', 60, zeroblob(512), X'', '[]', '[]', ?5, \
             '20250304000000', X'00')",
            rusqlite::params![
                id,
                newsgraph_store::content_hash(text).to_vec(),
                text,
                text.len() as i64,
                (i == 1).then_some(1i64),
            ],
        )
        .unwrap();
    }
    conn.execute(
        "INSERT INTO minhash_bands (key, article) VALUES (42, 1)",
        [],
    )
    .unwrap();
}

#[test]
fn a_version_1_database_is_migrated_and_its_copies_still_found() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v1.db");
    version_1(&path);

    let mut store = Store::open(&path).unwrap();
    let conn = store.connection();
    let version: i32 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, SCHEMA_VERSION);
    let groups: Vec<(i64, i64, i64)> = conn
        .prepare("SELECT article, grp, shingles FROM signatures ORDER BY article")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(groups.len(), 2);
    assert_eq!((groups[0].1, groups[1].1), (1, 1), "the groups are kept");
    assert!(groups[0].2 > 50, "shingles counted again: {groups:?}");
    let old_band: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM minhash_bands WHERE key = 42",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(old_band, 0, "the old bands are gone");
    let columns: Vec<String> = conn
        .prepare("SELECT name FROM pragma_table_info('articles')")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(!columns.iter().any(|c| c == "minhash" || c == "entities"));

    // a third copy, written by this version, joins the migrated group
    let third = REPORT.replace("eleven sailors", "11 sailors");
    let outcome = store
        .write_batch(&mut [Prepared::new(record("third", &third)).unwrap()])
        .unwrap();
    assert_eq!((outcome.stored, outcome.duplicates), (1, 1));
    let dup_of: i64 = store
        .connection()
        .query_row(
            "SELECT dup_of FROM articles WHERE ext_id = 'third'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(dup_of, 1);
    drop(store);

    // opened again: nothing left to migrate
    let store = Store::open(&path).unwrap();
    assert_eq!(store.counts().unwrap().articles, 3);
}
