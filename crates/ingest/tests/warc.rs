//! A WARC archive written by the test itself (gzip member per record, as Common Crawl writes
//! them) with requests, metadata, a non-HTML response, two pages and a truncated record at the
//! end: the pages come out as articles with the record's URL and id, the others are counted,
//! and the truncated record is reported with its offset.

use std::io::Write;

use flate2::write::GzEncoder;
use newsgraph_ingest::{Input, InputError, InputFormat};

fn record(kind: &str, uri: &str, id: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2025-03-12T09:15:00Z\r\n\
         WARC-Record-ID: <urn:uuid:{id}>\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn http(content_type: &str, body: &str) -> Vec<u8> {
    format!(
        "HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}

fn page(headline: &str, sentence: &str) -> String {
    format!(
        "<!doctype html><html lang=\"en\"><head><title>{headline}</title>\
         <meta property=\"article:published_time\" content=\"2025-03-11T18:00:00Z\"></head>\
         <body><nav>Home World Sport</nav><article><h1>{headline}</h1>\
         <p>{sentence} Officials said the work would take several weeks and cost more than \
         expected, and residents were asked to avoid the area until further notice.</p>\
         <p>The regional council said it had set aside emergency funds and that engineers \
         would inspect every structure in the district before the end of the month.</p>\
         </article><footer>Copyright</footer></body></html>"
    )
}

fn gz(bytes: &[u8]) -> Vec<u8> {
    let mut e = GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

#[test]
fn a_gzipped_archive_gives_its_pages_counts_the_rest_and_reports_a_truncated_record() {
    let records = vec![
        record("warcinfo", "-", "info", "application/warc-fields", b"software: newsgraph-test\r\n"),
        record("request", "https://news.example/a", "req-a", "application/http; msgtype=request", b"GET /a HTTP/1.1\r\n\r\n"),
        record(
            "response",
            "https://news.example/a",
            "page-a",
            "application/http; msgtype=response",
            &http("text/html; charset=utf-8", &page("Bridge closed in Kisumu", "A road bridge in Kisumu was closed on Tuesday after cracks appeared in its main span.")),
        ),
        record("response", "https://news.example/logo.png", "img", "application/http; msgtype=response", &http("image/png", "PNGDATA")),
        record("metadata", "https://news.example/a", "meta-a", "application/warc-fields", b"fetchTimeMs: 120\r\n"),
        record(
            "response",
            "https://news.example/b",
            "page-b",
            "application/http; msgtype=response",
            &http("text/html", &page("Ferry service suspended in Mombasa", "The Likoni ferry service in Mombasa was suspended on Tuesday after a fault in the engine room.")),
        ),
    ];
    let mut archive = Vec::new();
    for r in &records {
        archive.extend(gz(r));
    }
    let truncated_at: usize = records.iter().map(Vec::len).sum();
    let mut last = record(
        "response",
        "https://news.example/c",
        "page-c",
        "application/http; msgtype=response",
        &http("text/html", &page("Cut", "Cut short.")),
    );
    last.truncate(last.len() / 2);
    archive.extend(gz(&last));

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crawl.warc.gz");
    std::fs::write(&path, &archive).unwrap();
    let mut input = Input::open(path.to_str().unwrap(), InputFormat::Auto).unwrap();
    let items: Vec<_> = input.by_ref().collect();
    assert_eq!(items.len(), 3, "{items:?}");
    let a = items[0].as_ref().unwrap();
    assert_eq!(a.id, "urn:uuid:page-a");
    assert_eq!(a.url.as_deref(), Some("https://news.example/a"));
    assert_eq!(a.title.as_deref(), Some("Bridge closed in Kisumu"));
    assert_eq!(
        a.published.map(|d| d.to_string()).as_deref(),
        Some("2025-03-11")
    );
    assert!(a.text.contains("road bridge in Kisumu") && !a.text.contains("Home World"));
    assert_eq!(items[1].as_ref().unwrap().id, "urn:uuid:page-b");
    match &items[2] {
        Err(e @ InputError::Warc { .. }) => {
            let message = e.to_string();
            assert!(
                message.contains(&format!("byte {truncated_at}")),
                "{message}"
            );
            assert!(message.contains("truncated"), "{message}");
        }
        other => panic!("expected the truncated record, got {other:?}"),
    }
    let summary = input.summary().unwrap();
    assert!(
        summary.contains("2 HTML page(s) read, 4 other record(s) skipped"),
        "{summary}"
    );
}
