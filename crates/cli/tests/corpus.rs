//! The corpus commands end to end: `generate`, `ingest` (idempotent re-runs, a run killed with
//! SIGKILL and resumed, bad records), near-duplicate detection scored on generated copies,
//! `query` and `export` (Parquet read back, GDELT rows checked against the published column
//! list, PLOVER records checked against the manual's fields).

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn newsgraph() -> Command {
    Command::cargo_bin("newsgraph").unwrap()
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Fixture folders the generator draws from (our own articles).
fn fixtures() -> Vec<String> {
    [
        "tests/actors",
        "tests/casualties",
        "tests/summaries",
        "tests/events",
    ]
    .iter()
    .map(|d| root().join(d).display().to_string())
    .collect()
}

fn generate(dir: &Path, name: &str, articles: usize, copies: f64, seed: u64) -> PathBuf {
    let out = dir.join(name);
    newsgraph()
        .arg("generate")
        .args(["--articles", &articles.to_string()])
        .args(["--copies", &copies.to_string()])
        .args(["--seed", &seed.to_string()])
        .arg("--out")
        .arg(&out)
        .args(fixtures())
        .assert()
        .success();
    out
}

fn ingest(db: &Path, inputs: &[&Path]) -> assert_cmd::assert::Assert {
    newsgraph()
        .arg("ingest")
        .arg("--db")
        .arg(db)
        .args(inputs)
        .assert()
}

/// `newsgraph ingest --db DB CORPUS` running in the background, its stderr as asked.
fn spawn_ingest(db: &Path, corpus: &Path, stderr: Stdio) -> std::process::Child {
    std::process::Command::new(assert_cmd::cargo::cargo_bin("newsgraph"))
        .arg("ingest")
        .arg("--db")
        .arg(db)
        .arg(corpus)
        .stdout(Stdio::null())
        .stderr(stderr)
        .spawn()
        .unwrap()
}

fn count(db: &Path, sql: &str) -> i64 {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

/// Everything a run stored that does not depend on when it ran.
fn contents(db: &Path) -> String {
    let out = newsgraph()
        .args(["export", "--format", "csv", "--db"])
        .arg(db)
        .output()
        .unwrap();
    assert!(out.status.success());
    let mut all = String::from_utf8(out.stdout).unwrap();
    let out = newsgraph()
        .args(["export", "--format", "gdelt", "--db"])
        .arg(db)
        .output()
        .unwrap();
    assert!(out.status.success());
    for line in String::from_utf8(out.stdout).unwrap().lines() {
        let mut f: Vec<&str> = line.split('\t').collect();
        f[59] = ""; // DATEADDED: when the row was stored
        all.push_str(&f.join("\t"));
        all.push('\n');
    }
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut stmt = conn
        .prepare("SELECT ext_id, dup_of, content_hash, summary FROM articles ORDER BY id")
        .unwrap();
    let rows = stmt
        .query_map([], |r| {
            Ok(format!(
                "{}|{:?}|{:?}|{}",
                r.get::<_, String>(0)?,
                r.get::<_, Option<i64>>(1)?,
                r.get::<_, Vec<u8>>(2)?,
                r.get::<_, String>(3)?
            ))
        })
        .unwrap();
    for r in rows {
        all.push_str(&r.unwrap());
        all.push('\n');
    }
    all
}

#[test]
fn ingest_stores_a_corpus_once_and_a_rerun_adds_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = generate(dir.path(), "corpus.jsonl", 300, 0.2, 11);
    let db = dir.path().join("news.db");
    ingest(&db, &[&corpus])
        .success()
        .stderr(predicate::str::contains("stored"));
    let articles = count(&db, "SELECT COUNT(*) FROM articles");
    let events = count(&db, "SELECT COUNT(*) FROM events");
    assert!(articles > 200, "{articles} articles");
    assert!(events > articles, "{events} events");
    // every table is filled, and every event points at its article and story
    for table in [
        "sections",
        "actors",
        "mentions",
        "quotes",
        "quantities",
        "stories",
    ] {
        assert!(
            count(&db, &format!("SELECT COUNT(*) FROM {table}")) > 0,
            "{table}"
        );
    }
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM events WHERE story IS NULL AND negated = 0"
        ),
        0
    );
    assert_eq!(
        count(&db, "SELECT COUNT(*) FROM stories WHERE stale = 1"),
        0
    );
    // the counts of a story are those of its events
    assert_eq!(
        count(&db, "SELECT SUM(num_mentions) FROM stories"),
        count(&db, "SELECT COUNT(*) FROM events WHERE story IS NOT NULL")
    );
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM stories WHERE num_articles > num_copies OR num_articles < 1"
        ),
        0
    );
    // every reference between the tables holds
    assert_eq!(
        count(&db, "SELECT COUNT(*) FROM pragma_foreign_key_check"),
        0
    );
    let before = contents(&db);

    ingest(&db, &[&corpus])
        .success()
        .stderr(predicate::str::contains("0 stored"));
    assert_eq!(count(&db, "SELECT COUNT(*) FROM articles"), articles);
    assert_eq!(count(&db, "SELECT COUNT(*) FROM events"), events);
    assert_eq!(contents(&db), before);
}

/// The generated corpus of 20,000 articles: stored whole, a re-run adds nothing, and the
/// largest process of the run (ingest) stays under 500 MB.
#[test]
fn twenty_thousand_articles_in_bounded_memory() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = generate(dir.path(), "big.jsonl", 20_000, 0.1, 17);
    let db = dir.path().join("big.db");
    let mut child = spawn_ingest(&db, &corpus, Stdio::piped());
    // the kernel's high-water mark of the process's resident set, read until it exits
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak_kb = 0u64;
    let status = loop {
        if let Ok(status) = std::fs::read_to_string(&status_file) {
            if let Some(line) = status.lines().find(|l| l.starts_with("VmHWM:")) {
                let kb: u64 = line
                    .split_whitespace()
                    .nth(1)
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(0);
                peak_kb = peak_kb.max(kb);
            }
        }
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        std::thread::sleep(Duration::from_millis(25));
    };
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut stderr).unwrap();
    assert!(status.success(), "{stderr}");
    assert!(stderr.contains("0 skipped, 0 failed"), "{stderr}");
    println!(
        "ingest of 20,000 articles: peak memory {} MB; {stderr}",
        peak_kb / 1024
    );
    assert!(peak_kb > 0, "the process's memory was read");
    assert!(peak_kb < 500 * 1024, "peak memory {} MB", peak_kb / 1024);
    let stored = count(&db, "SELECT COUNT(*) FROM articles");
    let exact: i64 = {
        // generated articles whose text is another's (a fixture with no name to change) are
        // stored once
        let text = std::fs::read_to_string(&corpus).unwrap();
        let mut seen = std::collections::HashSet::new();
        text.lines()
            .filter(|l| {
                let v: Value = serde_json::from_str(l).unwrap();
                !seen.insert(v["text"].as_str().unwrap().to_string())
            })
            .count() as i64
    };
    assert_eq!(stored + exact, 20_000);
    ingest(&db, &[&corpus])
        .success()
        .stderr(predicate::str::contains("0 stored"))
        .stderr(predicate::str::contains("20000 already stored"));
    assert_eq!(count(&db, "SELECT COUNT(*) FROM articles"), stored);
}

#[test]
fn a_run_killed_mid_ingest_resumes_to_the_same_database_as_a_clean_run() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = generate(dir.path(), "corpus.jsonl", 5000, 0.1, 5);
    let clean = dir.path().join("clean.db");
    ingest(&clean, &[&corpus]).success();

    let killed = dir.path().join("killed.db");
    let mut child = spawn_ingest(&killed, &corpus, Stdio::null());
    // wait for the first committed batches, then kill without warning
    let started = Instant::now();
    loop {
        std::thread::sleep(Duration::from_millis(20));
        let stored = rusqlite::Connection::open(&killed)
            .ok()
            .and_then(|c| {
                c.query_row("SELECT COUNT(*) FROM articles", [], |r| r.get::<_, i64>(0))
                    .ok()
            })
            .unwrap_or(0);
        if stored > 0 || started.elapsed() > Duration::from_secs(120) {
            break;
        }
    }
    child.kill().unwrap(); // SIGKILL
    let status = child.wait().unwrap();
    let partial = count(&killed, "SELECT COUNT(*) FROM articles");
    let total = count(&clean, "SELECT COUNT(*) FROM articles");
    assert!(
        !status.success() && partial > 0 && partial < total,
        "the run was to be killed part-way: {partial} of {total} stored, {status}"
    );
    // whatever was committed is whole: no event without its article, no article half-written
    assert_eq!(
        count(
            &killed,
            "SELECT COUNT(*) FROM events WHERE article NOT IN (SELECT id FROM articles)"
        ),
        0
    );
    ingest(&killed, &[&corpus]).success();
    assert_eq!(contents(&killed), contents(&clean));
}

#[test]
fn bad_records_are_skipped_listed_and_counted_and_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("inbox");
    std::fs::create_dir_all(folder.join("sub")).unwrap();
    let good = "Flood waters rose across the northern valley on Sunday, forcing hundreds of \
        families from their homes, the regional governor said.";
    std::fs::write(
        folder.join("feed.jsonl"),
        format!(
            "{}\n{{\"id\": \"broken\", \"text\": \n{}\n{{\"id\": \"blank\", \"text\": \"   \"}}\n{{\"id\": \"no-text\"}}\n",
            serde_json::json!({"id": "ok-1", "text": good, "published": "2024-05-01"}),
            serde_json::json!({"id": "ok-2", "text": "Police arrested 12 protesters outside parliament in Nairobi on Tuesday.", "published": "2024-05-02"}),
        ),
    )
    .unwrap();
    std::fs::write(
        folder.join("sub/binary.txt"),
        b"\x00\x01\x02 not an article",
    )
    .unwrap();
    std::fs::write(
        folder.join("sub/story.txt"),
        "Talks resume in Geneva\n\nGENEVA (AP) - Negotiators met again on Monday.\n",
    )
    .unwrap();
    std::fs::write(folder.join("notes.md"), "not read: not an article file").unwrap();
    let db = dir.path().join("news.db");
    let missing = dir.path().join("missing.jsonl");
    ingest(&db, &[&folder, &missing])
        .code(1)
        .stderr(predicate::str::contains(
            "feed.jsonl:2: malformed JSONL record",
        ))
        .stderr(predicate::str::contains("feed.jsonl:4: empty article"))
        .stderr(predicate::str::contains(
            "feed.jsonl:5: the record has no \"text\" field",
        ))
        .stderr(predicate::str::contains("binary.txt: binary data"))
        .stderr(predicate::str::contains("missing.jsonl: no such file"))
        .stderr(predicate::str::contains("3 stored"))
        .stderr(predicate::str::contains("5 skipped"));
    assert_eq!(count(&db, "SELECT COUNT(*) FROM articles"), 3);
    assert_eq!(count(&db, "SELECT COUNT(*) FROM rejects"), 5);
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM rejects WHERE origin LIKE '%feed.jsonl:2'"
        ),
        1
    );
    // a re-run meets the same bad records: still listed once each, nothing stored twice
    ingest(&db, &[&folder, &missing]).code(1);
    assert_eq!(count(&db, "SELECT COUNT(*) FROM rejects"), 5);
    assert_eq!(count(&db, "SELECT COUNT(*) FROM articles"), 3);
}

#[test]
fn a_database_that_is_not_ours_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let junk = dir.path().join("junk.db");
    std::fs::write(&junk, b"this is not a database at all, just some text").unwrap();
    newsgraph()
        .args(["query", "events", "--db"])
        .arg(&junk)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a newsgraph database"));
    newsgraph()
        .args(["query", "events", "--db"])
        .arg(dir.path().join("none.db"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no such database"));
}

/// Scores duplicate detection on generated near-copies: each copy's id names the article it
/// copies; a copy is found when it is put in its original's group, and an article that is no
/// copy but is put in a group is a false alarm.
#[test]
fn near_duplicates_are_found_with_their_precision_and_recall_reported() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = generate(dir.path(), "copies.jsonl", 1200, 0.3, 23);
    let db = dir.path().join("news.db");
    ingest(&db, &[&corpus]).success();
    let conn = rusqlite::Connection::open(&db).unwrap();
    let mut stmt = conn
        .prepare("SELECT id, ext_id, dup_of FROM articles")
        .unwrap();
    let rows: Vec<(i64, String, Option<i64>)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let by_ext: HashMap<&str, &(i64, String, Option<i64>)> =
        rows.iter().map(|r| (r.1.as_str(), r)).collect();
    let group = |r: &(i64, String, Option<i64>)| r.2.unwrap_or(r.0);
    let (mut tp, mut fp, mut fn_) = (0, 0, 0);
    let mut by_kind: BTreeMap<&str, (u32, u32)> = BTreeMap::new();
    for r in &rows {
        match r.1.split_once("~copy-of-") {
            Some((_, rest)) => {
                let (original, how) = rest.split_once('~').unwrap();
                let entry = by_kind.entry(how).or_default();
                entry.1 += 1;
                let Some(o) = by_ext.get(original) else {
                    continue; // the original was an exact copy of an earlier article
                };
                if r.2 == Some(group(o)) {
                    tp += 1;
                    entry.0 += 1;
                } else {
                    fn_ += 1;
                    if r.2.is_some() {
                        fp += 1;
                    }
                }
            }
            None if r.2.is_some() => fp += 1,
            None => {}
        }
    }
    let precision = f64::from(tp) / f64::from((tp + fp).max(1));
    let recall = f64::from(tp) / f64::from((tp + fn_).max(1));
    println!(
        "near-duplicates: {} articles, precision {precision:.3} recall {recall:.3} \
         (found/copies by kind: {by_kind:?})",
        rows.len()
    );
    assert!(precision >= 0.75, "precision {precision:.3}");
    assert!(recall >= 0.85, "recall {recall:.3}");
}

fn db_with_corpus(dir: &Path) -> PathBuf {
    let corpus = generate(dir, "corpus.jsonl", 250, 0.1, 3);
    let db = dir.join("news.db");
    ingest(&db, &[&corpus]).success();
    db
}

fn query(db: &Path, args: &[&str]) -> Vec<serde_json::Map<String, Value>> {
    let out = newsgraph()
        .arg("query")
        .args(args)
        .args(["--format", "jsonl", "--limit", "100000", "--db"])
        .arg(db)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l)
                .unwrap()
                .as_object()
                .unwrap()
                .clone()
        })
        .collect()
}

#[test]
fn queries_filter_what_they_list() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_with_corpus(dir.path());
    let all = query(&db, &["events"]);
    assert_eq!(all.len() as i64, count(&db, "SELECT COUNT(*) FROM events"));

    let assaults = query(&db, &["events", "--root", "19"]);
    assert!(!assaults.is_empty());
    assert!(assaults
        .iter()
        .all(|e| e["code"].as_str().unwrap().starts_with("19")));
    let plover = query(&db, &["events", "--plover", "assault"]);
    assert!(plover.iter().all(|e| e["plover"] == "ASSAULT"));

    let dated = query(
        &db,
        &["events", "--from", "2018-01-01", "--to", "2019-12-31"],
    );
    assert!(!dated.is_empty() && dated.len() < all.len());
    assert!(dated.iter().all(|e| {
        let d = e["date"].as_str().unwrap();
        ("2018-01-01"..="2019-12-31").contains(&d)
    }));

    let police = query(&db, &["events", "--actor", "police"]);
    assert!(!police.is_empty());
    assert!(police.iter().all(|e| {
        let s = format!("{} {}", e["source"], e["target"]).to_lowercase();
        s.contains("police")
    }));

    let actors = query(&db, &["actors", "--country", "KEN"]);
    assert!(!actors.is_empty());
    assert!(actors.iter().all(|a| a["country"] == "KEN"));
    let counts: Vec<i64> = actors
        .iter()
        .map(|a| a["articles"].as_i64().unwrap())
        .collect();
    assert!(
        counts.windows(2).all(|w| w[0] >= w[1]),
        "most reported first"
    );

    let quotes = query(&db, &["quotes", "--text", "protesters"]);
    assert!(!quotes.is_empty());
    let articles = query(&db, &["articles", "--text", "protesters"]);
    let ids: Vec<&str> = articles
        .iter()
        .map(|a| a["article"].as_str().unwrap())
        .collect();
    assert!(quotes
        .iter()
        .all(|q| ids.contains(&q["article"].as_str().unwrap())));

    let unique = query(&db, &["articles", "--unique"]);
    assert_eq!(
        unique.len() as i64,
        count(&db, "SELECT COUNT(*) FROM articles WHERE dup_of IS NULL")
    );
    let stories = query(&db, &["stories", "--root", "14"]);
    assert!(stories
        .iter()
        .all(|s| s["code"].as_str().unwrap().starts_with("14")));
    let mentions: Vec<i64> = stories
        .iter()
        .map(|s| s["num_articles"].as_i64().unwrap())
        .collect();
    assert!(mentions.windows(2).all(|w| w[0] >= w[1]));

    // the readable table and CSV
    newsgraph()
        .args(["query", "events", "--root", "19", "--limit", "3", "--db"])
        .arg(&db)
        .assert()
        .success()
        .stdout(predicate::str::contains("code"))
        .stdout(predicate::str::contains("(3 rows)"));
    let out = newsgraph()
        .args(["query", "actors", "--format", "csv", "--limit", "5", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    let csv = String::from_utf8(out.stdout).unwrap();
    assert!(
        csv.starts_with("name,kind,cameo,country,articles,mentions\n"),
        "{csv}"
    );
    assert_eq!(csv.lines().count(), 6);

    // filters that make no sense are errors, with the reason
    for (args, says) in [
        (vec!["events", "--root", "27"], "root code is 01 to 20"),
        (vec!["events", "--from", "last week"], "use YYYY-MM-DD"),
        (
            vec!["quotes", "--root", "19"],
            "--root does not apply to quotes",
        ),
        (
            vec!["events", "--code", "19a"],
            "a CAMEO code is 2 to 4 digits",
        ),
        (vec!["articles", "--text", "\"unbalanced"], "--text"),
    ] {
        newsgraph()
            .arg("query")
            .args(&args)
            .arg("--db")
            .arg(&db)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(says));
    }
}

#[test]
fn exports_write_records_events_parquet_gdelt_and_plover() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_with_corpus(dir.path());
    let events = count(&db, "SELECT COUNT(*) FROM events");
    let stories = count(&db, "SELECT COUNT(*) FROM stories");
    let export = |format: &str| -> Vec<u8> {
        let out = newsgraph()
            .args(["export", "--format", format, "--db"])
            .arg(&db)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    };

    // records: the same as `extract` writes, text included
    let jsonl = String::from_utf8(export("jsonl")).unwrap();
    let records: Vec<Value> = jsonl
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(
        records.len() as i64,
        count(&db, "SELECT COUNT(*) FROM articles")
    );
    assert_eq!(records[0]["schema"], "newsgraph.article/1");
    assert!(records[0]["text"].as_str().unwrap().len() > 100);
    let n_events: usize = records
        .iter()
        .map(|r| r["events"].as_array().unwrap().len())
        .sum();
    assert_eq!(n_events as i64, events);

    // events as CSV
    let csv = String::from_utf8(export("csv")).unwrap();
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    assert_eq!(&reader.headers().unwrap()[6], "cameo");
    assert_eq!(reader.records().count() as i64, events);

    // Parquet, read back
    let path = dir.path().join("events.parquet");
    newsgraph()
        .args(["export", "--format", "parquet", "--db"])
        .arg(&db)
        .arg("--out")
        .arg(&path)
        .assert()
        .success();
    let file = std::fs::File::open(&path).unwrap();
    let reader = parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder::try_new(file)
        .unwrap()
        .build()
        .unwrap();
    let mut rows = 0;
    for batch in reader {
        let batch = batch.unwrap();
        assert_eq!(batch.schema().field(6).name(), "cameo");
        let cameo = batch
            .column(6)
            .as_any()
            .downcast_ref::<arrow_array::StringArray>()
            .unwrap();
        assert!((0..batch.num_rows()).all(|i| cameo.value(i).len() >= 2));
        rows += batch.num_rows();
    }
    assert_eq!(rows as i64, events);

    // GDELT 2.0 Event rows: the published columns, typed as published
    let spec: Vec<(String, String)> =
        std::fs::read_to_string(root().join("data/export/gdelt_events_2.0.tsv"))
            .unwrap()
            .lines()
            .filter(|l| !l.starts_with('#'))
            .map(|l| {
                let f: Vec<&str> = l.split('\t').collect();
                (f[1].to_string(), f[2].to_string())
            })
            .collect();
    assert_eq!(spec.len(), 61);
    let gdelt = String::from_utf8(export("gdelt")).unwrap();
    let lines: Vec<&str> = gdelt.lines().collect();
    assert_eq!(lines.len() as i64, stories);
    for line in &lines {
        let fields: Vec<&str> = line.split('\t').collect();
        assert_eq!(fields.len(), 61, "{line}");
        for ((name, ty), v) in spec.iter().zip(&fields) {
            let ok = v.is_empty()
                || match ty.as_str() {
                    "INTEGER" => v.parse::<i64>().is_ok(),
                    "FLOAT" => v.parse::<f64>().is_ok(),
                    _ => true,
                };
            assert!(ok, "{name} ({ty}) = {v:?}");
        }
        let col = |name: &str| fields[spec.iter().position(|(n, _)| n == name).unwrap()];
        assert_eq!(col("SQLDATE").len(), 8);
        assert!(col("EventCode").starts_with(col("EventRootCode")));
        assert!((1..=4).contains(&col("QuadClass").parse::<i32>().unwrap()));
        assert!(col("NumArticles").parse::<i32>().unwrap() >= 1);
        assert!(
            col("NumMentions").parse::<i32>().unwrap()
                >= col("NumArticles").parse::<i32>().unwrap()
        );
        assert_eq!(col("DATEADDED").len(), 14);
        // a geocoded town has coordinates; a country has a FIPS code and none
        match col("ActionGeo_Type") {
            "3" | "4" => assert!(!col("ActionGeo_Lat").is_empty(), "{line}"),
            "1" => assert!(
                col("ActionGeo_Lat").is_empty() && col("ActionGeo_CountryCode").len() == 2,
                "{line}"
            ),
            "" => assert!(col("ActionGeo_Lat").is_empty(), "{line}"),
            other => panic!("ActionGeo_Type {other}"),
        }
    }

    // PLOVER records: the manual's required fields, PLOVER's event types (REQUEST is the name
    // the CAMEO crosswalk and POLECAT use for the manual's DEMAND)
    let types = [
        "AGREE",
        "CONSULT",
        "SUPPORT",
        "CONCEDE",
        "COOPERATE",
        "AID",
        "RETREAT",
        "REQUEST",
        "ACCUSE",
        "REJECT",
        "THREATEN",
        "PROTEST",
        "SANCTION",
        "MOBILIZE",
        "COERCE",
        "ASSAULT",
    ];
    let plover = String::from_utf8(export("plover")).unwrap();
    let records: Vec<Value> = plover
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(!records.is_empty());
    for r in &records {
        for field in ["id", "date", "source", "event", "event_text", "quad_code"] {
            assert!(r.get(field).is_some(), "{field} missing in {r}");
        }
        for event in r["event"].as_array().unwrap() {
            assert!(types.contains(&event.as_str().unwrap()), "{event}");
        }
        assert!(r["mode"].is_array() && r["context"].is_array());
    }
}

/// The bundled example corpus (the README's main job): its two copies are found and the
/// crackdown that several outlets report is one story of several independent articles.
#[test]
fn the_example_corpus_finds_its_copies_and_shared_stories() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("example.db");
    ingest(&db, &[&root().join("examples/corpus")]).success();
    assert_eq!(count(&db, "SELECT COUNT(*) FROM articles"), 11);
    let conn = rusqlite::Connection::open(&db).unwrap();
    let copy_of = |id: &str| -> Option<String> {
        conn.query_row(
            "SELECT d.ext_id FROM articles a LEFT JOIN articles d ON d.id = a.dup_of \
             WHERE a.ext_id = ?1",
            [id],
            |r| r.get(0),
        )
        .unwrap()
    };
    assert_eq!(
        copy_of("lakeside-times-20250304-congo-protests").as_deref(),
        Some("meridian-20250304-brazzaville-protests")
    );
    assert_eq!(
        copy_of("newsdigest-20250305-brazzaville-deadly-day").as_deref(),
        Some("equatorial-standard-20250304-deadly-day")
    );
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM articles WHERE dup_of IS NOT NULL"
        ),
        2
    );
    let shared = query(
        &db,
        &["stories", "--from", "2025-03-04", "--to", "2025-03-04"],
    );
    assert!(
        shared
            .iter()
            .any(|s| s["num_articles"].as_i64().unwrap() >= 2
                && s["num_copies"].as_i64().unwrap() > s["num_articles"].as_i64().unwrap()),
        "a story of the 4 March crackdown counts its syndicated copy once: {shared:?}"
    );
}
