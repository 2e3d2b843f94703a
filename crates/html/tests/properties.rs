//! No page and no archive breaks the reader: arbitrary bytes and HTML-shaped soup go through
//! page extraction and WARC reading without a panic, and the text never holds a NUL byte.

use newsgraph_html::{extract, warc};
use proptest::prelude::*;

fn soup() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("<html>".to_string()),
        Just("<head>".to_string()),
        Just("</head>".to_string()),
        Just("<meta charset=\"windows-1252\">".to_string()),
        Just("<meta property=\"article:published_time\" content=\"2024-".to_string()),
        Just(
            "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\":["
                .to_string()
        ),
        Just("</script>".to_string()),
        Just("<link rel=canonical href=".to_string()),
        Just("<article>".to_string()),
        Just("<p>".to_string()),
        Just("</p>".to_string()),
        Just("<figure><figcaption>".to_string()),
        Just("<br>".to_string()),
        Just("<h1>".to_string()),
        Just("<li>".to_string()),
        Just("<div class=\"cookie\">".to_string()),
        Just("<time datetime=\"".to_string()),
        Just("&amp;&nbsp;&#8217;".to_string()),
        Just("The council voted on Tuesday to close the bridge over the river. ".to_string()),
        "\\PC{0,20}",
    ];
    prop::collection::vec(piece, 0..80).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn any_bytes_as_a_page(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        if let Ok(page) = extract(&bytes, None, None) {
            prop_assert!(!page.text.contains('\0'));
        }
    }

    #[test]
    fn html_soup_as_a_page(html in soup()) {
        let _ = extract(html.as_bytes(), Some("utf-8"), Some("https://news.example/x"));
    }

    #[test]
    fn any_bytes_as_an_archive(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        let prefixed: Vec<u8> = b"WARC/1.0\r\nContent-Length: 12\r\n\r\n".iter().copied().chain(bytes.iter().copied()).collect();
        for data in [&bytes[..], &prefixed[..]] {
            for r in warc::WarcReader::new(data).take(50).flatten() {
                let _ = warc::http_response(&r.block);
            }
        }
    }
}
