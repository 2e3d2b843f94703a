//! `newsgraph extract` end to end: formats, ids, order, and every bad input's message and exit
//! status.

use std::io::Write;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

const ARTICLE: &str = "Dam bursts in hill town\nBy Ana Costa\n\nLISBON, May 2 (Reuters) - Water swept through the valley on Monday.\nRescuers said 40 homes were lost.\n";

fn newsgraph() -> Command {
    Command::cargo_bin("newsgraph").unwrap()
}

fn file(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> String {
    let path = dir.path().join(name);
    std::fs::File::create(&path)
        .unwrap()
        .write_all(bytes)
        .unwrap();
    path.to_str().unwrap().to_string()
}

#[test]
fn one_text_file_gives_one_pretty_record_with_every_schema_field() {
    let dir = tempfile::tempdir().unwrap();
    let path = file(&dir, "dam.txt", ARTICLE.as_bytes());
    let out = newsgraph()
        .args(["extract", "--published", "2024-05-03", &path])
        .assert()
        .success();
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(
        stdout.starts_with("{\n  \"schema\""),
        "pretty JSON expected"
    );
    let r: Value = serde_json::from_str(&stdout).unwrap();
    for field in [
        "schema",
        "id",
        "source",
        "meta",
        "text",
        "sections",
        "sentences",
        "mentions",
        "actors",
        "quotes",
        "events",
        "quantities",
        "casualties",
        "alignments",
        "summary",
    ] {
        assert!(r.get(field).is_some(), "missing top-level field {field}");
    }
    assert_eq!(r["schema"], "newsgraph.article/1");
    assert_eq!(r["id"].as_str().unwrap().len(), 16);
    assert_eq!(r["source"]["format"], "text");
    assert_eq!(r["meta"]["published"], "2024-05-03");
    assert_eq!(r["meta"]["title"], "Dam bursts in hill town");
    assert_eq!(r["meta"]["outlet"], "Reuters");
    assert_eq!(r["events"], Value::Array(vec![]));
    assert_eq!(r["casualties"]["killed"], Value::Null);
    let kinds: Vec<&str> = r["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        ["headline", "byline", "dateline", "paragraph", "paragraph"]
    );
}

#[test]
fn offsets_are_code_points() {
    let dir = tempfile::tempdir().unwrap();
    let path = file(
        &dir,
        "u.txt",
        "Café crisis\n“Ça suffit,” she said. Then she left.\n".as_bytes(),
    );
    let out = newsgraph().args(["extract", &path]).assert().success();
    let r: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let text: Vec<char> = r["text"].as_str().unwrap().chars().collect();
    let sentences: Vec<String> = r["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            text[s["start"].as_u64().unwrap() as usize..s["end"].as_u64().unwrap() as usize]
                .iter()
                .collect()
        })
        .collect();
    assert_eq!(
        sentences,
        ["Café crisis", "“Ça suffit,” she said.", "Then she left."]
    );
}

#[test]
fn jsonl_keeps_ids_and_order_and_skips_bad_lines() {
    let dir = tempfile::tempdir().unwrap();
    let mut data = String::new();
    for i in 0..300 {
        data.push_str(&format!(
            "{{\"id\": \"art-{i}\", \"text\": \"Headline {i}\\nBody {i}.\"}}\n"
        ));
        if i == 150 {
            data.push_str("{\"id\": \"broken\", \"text\": \n");
        }
    }
    let path = file(&dir, "c.jsonl", data.as_bytes());
    let out = newsgraph()
        .args(["extract", &path])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!(
            "{path}:152: malformed JSONL record"
        )))
        .stderr(predicate::str::contains(
            "300 record(s) written, 1 input(s) skipped",
        ));
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let ids: Vec<String> = stdout
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    let want: Vec<String> = (0..300).map(|i| format!("art-{i}")).collect();
    assert_eq!(ids, want);
}

#[test]
fn gzipped_jsonl_and_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.jsonl.gz");
    let mut enc = flate2::write::GzEncoder::new(
        std::fs::File::create(&path).unwrap(),
        flate2::Compression::fast(),
    );
    enc.write_all(b"{\"id\": \"g1\", \"text\": \"Gzip works.\", \"published\": \"2020-01-02\"}\n")
        .unwrap();
    enc.finish().unwrap();
    let out = newsgraph()
        .args(["extract", path.to_str().unwrap()])
        .assert()
        .success();
    let r: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(
        (r["id"].as_str(), r["meta"]["published"].as_str()),
        (Some("g1"), Some("2020-01-02"))
    );

    let out = newsgraph()
        .args(["extract", "-"])
        .write_stdin(ARTICLE)
        .assert()
        .success();
    let r: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(r["source"]["path"], Value::Null);
    assert_eq!(r["sections"][0]["kind"], "headline");
}

#[test]
fn several_files_give_lines_and_json_format_gives_an_array() {
    let dir = tempfile::tempdir().unwrap();
    let a = file(&dir, "a.txt", b"First story\nBody.");
    let b = file(&dir, "b.txt", b"Second story\nBody.");
    let out = newsgraph().args(["extract", &a, &b]).assert().success();
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert_eq!(stdout.lines().count(), 2);
    let out = newsgraph()
        .args(["extract", "--format", "json", &a, &b])
        .assert()
        .success();
    let v: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 2);
    let out = newsgraph()
        .args(["extract", "--format", "jsonl", &a])
        .assert()
        .success();
    assert_eq!(
        String::from_utf8(out.get_output().stdout.clone())
            .unwrap()
            .lines()
            .count(),
        1
    );
}

#[test]
fn bad_inputs_each_get_one_clear_message_and_a_failing_status() {
    let dir = tempfile::tempdir().unwrap();
    let good = file(&dir, "good.txt", ARTICLE.as_bytes());
    let empty = file(&dir, "empty.txt", b" \n\n ");
    let binary = file(&dir, "junk.bin", b"\x7fELF\x02\x01\x00\x00");
    let missing = dir.path().join("missing.txt").to_str().unwrap().to_string();
    let folder = dir.path().to_str().unwrap().to_string();
    let out = newsgraph()
        .args(["extract", &good, &empty, &binary, &missing, &folder])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!("{empty}: empty article")))
        .stderr(predicate::str::contains(format!(
            "{binary}: binary data, not text (NUL byte at offset 6)"
        )))
        .stderr(predicate::str::contains(format!("{missing}: no such file")))
        .stderr(predicate::str::contains(format!(
            "{folder}: is a directory"
        )))
        .stderr(predicate::str::contains(
            "1 record(s) written, 4 input(s) skipped",
        ));
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert_eq!(
        stdout.lines().count(),
        1,
        "the good file is still processed"
    );
}

#[test]
fn invalid_utf8_is_decoded_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let path = file(&dir, "latin1.txt", b"Caf\xe9 owners protest\nPrices rose.");
    let out = newsgraph()
        .args(["extract", &path])
        .assert()
        .success()
        .stderr(predicate::str::contains(format!(
            "{path}: invalid UTF-8 at byte offset 3"
        )));
    let r: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(r["text"], "Caf\u{FFFD} owners protest\nPrices rose.");
}

#[test]
fn usage_errors() {
    newsgraph()
        .args(["extract", "--published", "24/01/2019", "x.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "is not a valid date: use YYYY-MM-DD",
        ));
    newsgraph().args(["extract"]).assert().code(2);
    newsgraph()
        .args(["extract", "--pretty", "--format", "jsonl", "x.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "--pretty cannot be used with --format jsonl",
        ));
}

#[test]
fn verbs_dictionaries_add_event_verbs_and_bad_ones_name_their_line() {
    let dir = tempfile::tempdir().unwrap();
    let article = file(
        &dir,
        "snub.txt",
        b"Envoy row\n\nChile snubbed Peru on Monday.\n",
    );
    let codes = |args: &[&str]| -> Vec<String> {
        let out = newsgraph().args(args).assert().success();
        let r: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
        r["events"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["cameo"].as_str().unwrap().to_string())
            .collect()
    };
    assert!(codes(&["extract", &article]).is_empty());
    let verbs = file(
        &dir,
        "mine.verbs",
        b"# a PETRARCH-2 style verb dictionary\n---  SNUB   [125]  ---\nSNUB\n- * TALKS [125]\n",
    );
    assert_eq!(codes(&["extract", "--verbs", &verbs, &article]), ["125"]);
    let bad = file(&dir, "bad.verbs", b"---  SNUB   [999]  ---\nSNUB\n");
    newsgraph()
        .args(["extract", "--verbs", &bad, &article])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "bad.verbs:1: unknown CAMEO event code \"999\"",
        ));
}

#[test]
fn figures_toll_alignments_and_summary_reach_the_record() {
    let article = "Five killed as bombs hit two Pakistani towns\n\n\
PESHAWAR, June 2 (Reuters) - Two bombs exploded in northwestern Pakistan on Sunday, police said.\n\
Three people were killed in the city of Bannu while two others died in the town of Kohat.\n\
More than 40 people were killed in a similar attack in 2019.\n\
Afghanistan condemned the attacks, and the United States, Britain and Japan said they supported Pakistan's investigation.\n\
The government promised $5 million in aid to the families of the victims.\n";
    let dir = tempfile::tempdir().unwrap();
    let path = file(&dir, "bombs.txt", article.as_bytes());
    let out = newsgraph()
        .args(["extract", "--published", "2024-06-03", &path])
        .assert()
        .success();
    let r: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(r["casualties"]["killed"], 5, "{}", r["casualties"]);
    let money = r["quantities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["kind"] == "money")
        .expect("a money figure");
    assert_eq!(money["value"], 5e6);
    assert_eq!(money["unit"], "USD");
    assert_eq!(money["text"], "$5 million");
    let old = r["quantities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["value"] == 40.0)
        .expect("the 2019 figure");
    assert_eq!(old["date"], "2019");
    let actors = r["actors"].as_array().unwrap();
    let supporters: Vec<&str> = r["alignments"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["stance"] == "support")
        .map(|a| {
            actors[a["actor"].as_u64().unwrap() as usize]["country"]
                .as_str()
                .unwrap_or("-")
        })
        .collect();
    for cc in ["USA", "GBR", "JPN"] {
        assert!(supporters.contains(&cc), "{cc} in {supporters:?}");
    }
    let summary = &r["summary"];
    let n = summary["sentences"].as_array().unwrap().len();
    assert!((2..=5).contains(&n), "{summary}");
    assert!(summary["text"].as_str().unwrap().contains("killed"));
}

#[test]
fn html_pages_give_the_same_record_shape_with_their_metadata() {
    let page = "<!doctype html><html lang=\"en\"><head><title>Bridge closed | Lakeside Post</title>\
<meta property=\"og:site_name\" content=\"Lakeside Post\">\
<meta property=\"article:published_time\" content=\"2025-03-11T07:00:00Z\">\
<link rel=\"canonical\" href=\"https://lakeside.example/bridge\"></head><body>\
<div class=\"cookie-banner\">We use cookies. Accept all</div><nav>Home | News | Sport</nav>\
<article><h1>Bridge closed in Kisumu after cracks found</h1><p class=\"byline\">By Achieng Otieno</p>\
<p>Kenyan authorities closed a road bridge in Kisumu on Tuesday after engineers found cracks in its main span, police said.</p>\
<figure><img src=\"b.jpg\"><figcaption>Closed: Police guard the bridge over the Nyando river on Tuesday</figcaption></figure>\
<p>The Kenya National Highways Authority said repairs would take at least three weeks and cost about 40 million shillings.</p>\
</article><footer>Copyright Lakeside Post</footer></body></html>";
    let dir = tempfile::tempdir().unwrap();
    let path = file(&dir, "bridge.html", page.as_bytes());
    let out = newsgraph().args(["extract", &path]).assert().success();
    let r: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(r["source"]["format"], "html");
    assert_eq!(r["source"]["url"], "https://lakeside.example/bridge");
    assert_eq!(r["meta"]["published"], "2025-03-11");
    assert_eq!(r["meta"]["outlet"], "Lakeside Post");
    assert_eq!(r["meta"]["language"], "en");
    assert_eq!(r["meta"]["authors"][0], "Achieng Otieno");
    let text = r["text"].as_str().unwrap();
    assert!(
        text.starts_with("Bridge closed in Kisumu after cracks found\n"),
        "{text}"
    );
    assert!(
        !text.contains("cookies") && !text.contains("Home | News"),
        "{text}"
    );
    let kinds: Vec<&str> = r["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["kind"].as_str().unwrap())
        .collect();
    assert!(
        kinds.contains(&"caption") && kinds.contains(&"headline"),
        "{kinds:?}"
    );
    assert!(r["quantities"]
        .as_array()
        .unwrap()
        .iter()
        .any(|q| q["kind"] == "money"));
    // a page with no article is an error that names it
    let index = file(&dir, "index.html", b"<html><head><title>News</title></head><body><ul><li><a href=\"/a\">One</a></li></ul></body></html>");
    newsgraph()
        .args(["extract", &index])
        .assert()
        .failure()
        .stderr(predicates::str::contains("index.html: no article found"));
}
