//! A saved news page into the engine's plain-text article and its metadata.
//!
//! The main content comes from `dom_smoothie` (a port of Mozilla's Readability): it scores the
//! page's blocks, keeps the article and drops navigation, share boxes, related links, comments,
//! cookie banners, ads, scripts, styles and hidden elements. Its HTML is then written out the way
//! the layout stage reads plain text: the headline on the first line, a `By` line, one paragraph
//! per line, list items as `- ` bullets, and each photo caption alone between blank lines.
//! Metadata come from what Readability reads (`<title>`, `<meta>` og:/article:/twitter:/Dublin
//! Core, JSON-LD `NewsArticle`) and from the page's `<link rel="canonical">`, `<time>` and
//! JSON-LD `author` list; the language from the text itself (whatlang) or the `lang` attribute.

use chrono::NaiveDate;
use dom_query::{Document, Matcher};
use dom_smoothie::{Config, Readability};

use crate::decode::{decode, find_ci};

/// An article read from a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// The article as plain text: headline, byline, paragraphs, captions.
    pub text: String,
    /// The headline.
    pub title: Option<String>,
    /// The publication date.
    pub published: Option<NaiveDate>,
    /// Author names, in byline order.
    pub authors: Vec<String>,
    /// The outlet (`og:site_name`, JSON-LD publisher).
    pub outlet: Option<String>,
    /// The canonical URL, else `og:url`, else the URL the page was fetched from.
    pub url: Option<String>,
    /// ISO 639-1 code of the text's language.
    pub language: Option<String>,
    /// The encoding the bytes were read in.
    pub encoding: &'static str,
    /// True when some bytes were not valid in that encoding.
    pub lossy: bool,
}

/// A page that holds no article.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PageError {
    /// Readability found no block of text that reads as an article (an index page, a form).
    #[error("no article found in the page (an index, a gallery or an empty page?)")]
    NoArticle,
}

/// The furniture selectors of `data/html/clutter.tsv` as one selector list, compiled once.
fn clutter() -> &'static Matcher {
    static CLUTTER: std::sync::OnceLock<Matcher> = std::sync::OnceLock::new();
    CLUTTER.get_or_init(|| {
        let lexicon = newsgraph_lexicon::Lexicon::parse(&newsgraph_lexicon::embedded::HTML_CLUTTER)
            .expect("data/html/clutter.tsv is checked by the lexicon tests");
        let list = lexicon.keys().collect::<Vec<_>>().join(", ");
        Matcher::new(&list).expect("data/html/clutter.tsv holds valid CSS selectors (tested)")
    })
}

/// The least text, in characters, that counts as an article.
const MIN_ARTICLE_CHARS: usize = 200;

/// Reads an article from a page's bytes. `charset` is the encoding an HTTP header declares;
/// `url` the address the page was fetched from (for relative links and as a fallback URL).
pub fn extract(bytes: &[u8], charset: Option<&str>, url: Option<&str>) -> Result<Page, PageError> {
    let decoded = decode(bytes, charset);
    let html = decoded.text.as_str();
    let head = head_of(html);
    let document = Document::from(html);
    document.select_matcher(clutter()).remove();
    let url = url.filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    // classes are kept so that a `class="caption"` paragraph is still known for one
    let config = Config {
        keep_classes: true,
        ..Config::default()
    };
    let mut readability = Readability::with_document(document, url, Some(config))
        .map_err(|_| PageError::NoArticle)?;
    let article = readability.parse().map_err(|_| PageError::NoArticle)?;
    let (heading, body) = body_lines(&article.content, &clean(&article.title));
    // the article's own heading beats a `<title>` that carries the site's name
    let title = heading.unwrap_or_else(|| clean(&article.title));
    let chars: usize = body.iter().map(|l| l.chars().count()).sum();
    // an article has paragraphs; an index page has lists of links
    let paragraphs = body
        .iter()
        .filter(|l| !l.starts_with("- ") && l.chars().count() >= 80)
        .count();
    if chars < MIN_ARTICLE_CHARS || paragraphs < 2 {
        return Err(PageError::NoArticle);
    }

    let jsonld = json_ld_article(head);
    let mut authors = jsonld
        .as_ref()
        .map(|j| j.authors.clone())
        .unwrap_or_default();
    if authors.is_empty() {
        authors = article
            .byline
            .as_deref()
            .map(split_byline)
            .unwrap_or_default();
    }
    if authors.is_empty() {
        authors = meta_content(head, "author")
            .map(|a| split_byline(&a))
            .unwrap_or_default();
    }
    let published = article
        .published_time
        .as_deref()
        .and_then(date_of)
        .or_else(|| {
            jsonld
                .as_ref()
                .and_then(|j| j.published.as_deref())
                .and_then(date_of)
        })
        .or_else(|| {
            [
                "dc.date.issued",
                "dcterms.issued",
                "dc.date",
                "dcterms.date",
                "date",
                "pubdate",
            ]
            .iter()
            .find_map(|k| meta_content(head, k).as_deref().and_then(date_of))
        })
        .or_else(|| first_time(html));
    let outlet = article
        .site_name
        .as_deref()
        .map(clean)
        .filter(|s| !s.is_empty())
        .or_else(|| jsonld.as_ref().and_then(|j| j.publisher.clone()))
        .or_else(|| meta_content(head, "dc.publisher"))
        .or_else(|| meta_content(head, "dcterms.publisher"));
    let canonical = link_canonical(head)
        .or_else(|| meta_content(head, "og:url"))
        .or_else(|| jsonld.as_ref().and_then(|j| j.url.clone()))
        .or_else(|| url.map(str::to_string));

    let mut text = String::with_capacity(chars + 256);
    if !title.is_empty() {
        text.push_str(&title);
        text.push('\n');
    }
    if !authors.is_empty() && !body.first().is_some_and(|l| l.starts_with("By ")) {
        text.push_str("By ");
        text.push_str(&authors.join(" and "));
        text.push('\n');
    }
    for line in &body {
        text.push_str(line);
        text.push('\n');
    }
    let language = language_of(&text).or_else(|| {
        article
            .lang
            .as_deref()
            .and_then(|l| l.split(['-', '_']).next())
            .filter(|l| l.len() == 2)
            .map(str::to_ascii_lowercase)
    });
    Ok(Page {
        text,
        title: (!title.is_empty()).then_some(title),
        published,
        authors,
        outlet,
        url: canonical,
        language,
        encoding: decoded.encoding,
        lossy: decoded.lossy,
    })
}

/// Collapses whitespace runs (newlines, `&nbsp;`, tabs) into single spaces.
fn clean(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split(|c: char| c.is_whitespace()) {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The article's first heading, when its content opens with one, and the other blocks of the
/// content, one line each, captions between blank lines.
fn body_lines(content: &str, title: &str) -> (Option<String>, Vec<String>) {
    // `<br>` inside a paragraph is a space in the paragraph's one line
    let content = content
        .replace("<br>", " ")
        .replace("<br/>", " ")
        .replace("<br />", " ");
    static BLOCKS: std::sync::OnceLock<Matcher> = std::sync::OnceLock::new();
    let blocks = BLOCKS.get_or_init(|| {
        Matcher::new("p, h1, h2, h3, h4, h5, h6, li, figcaption, blockquote, pre")
            .expect("a valid selector")
    });
    let doc = Document::from(content.as_str());
    let blocks = doc.select_matcher(blocks);
    let mut lines: Vec<String> = Vec::new();
    let mut heading = None;
    let mut trailing_heading = false;
    for node in blocks.nodes() {
        // a block inside another block is written with it
        let nested = node.ancestors_it(None).any(|a| {
            a.node_name().is_some_and(|n| {
                matches!(
                    n.as_ref(),
                    "p" | "li" | "figcaption" | "blockquote" | "pre" | "h1" | "h2" | "h3"
                )
            })
        });
        if nested {
            continue;
        }
        let text = clean(&node.text());
        if text.is_empty() || (lines.is_empty() && text == title) {
            continue;
        }
        if lines.is_empty()
            && heading.is_none()
            && matches!(node.node_name().as_deref(), Some("h1" | "h2"))
        {
            heading = Some(text);
            continue;
        }
        trailing_heading = matches!(
            node.node_name().as_deref(),
            Some("h1" | "h2" | "h3" | "h4" | "h5" | "h6")
        );
        let caption_class = node
            .attr("class")
            .is_some_and(|c| c.to_ascii_lowercase().contains("caption"));
        match node.node_name().as_deref() {
            _ if caption_class => {
                lines.push(String::new());
                lines.push(text);
                lines.push(String::new());
            }
            Some("figcaption") => {
                lines.push(String::new());
                lines.push(text);
                lines.push(String::new());
            }
            Some("li") => lines.push(format!("- {text}")),
            _ => lines.push(text),
        }
    }
    // a heading with nothing after it heads furniture that was removed (`Have your say`)
    while lines.len() > 1 && trailing_heading {
        lines.pop();
        trailing_heading = false;
    }
    // no runs of blank lines, none at the ends
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    for line in lines {
        if line.is_empty() && out.last().is_none_or(String::is_empty) {
            continue;
        }
        out.push(line);
    }
    while out.last().is_some_and(String::is_empty) {
        out.pop();
    }
    (heading, out)
}

/// The page's `<head>` (or its first 64 KB when it has none), where metadata live.
fn head_of(html: &str) -> &str {
    let bytes = html.as_bytes();
    let end = find_ci(bytes, b"</head>").unwrap_or(bytes.len().min(65_536));
    let mut end = end.min(html.len());
    while !html.is_char_boundary(end) {
        end -= 1;
    }
    &html[..end]
}

/// The value of an attribute inside one tag's text.
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let lower = tag.to_ascii_lowercase();
    let mut from = 0;
    while let Some(pos) = lower[from..].find(name) {
        let at = from + pos;
        let before_ok = at == 0 || lower.as_bytes()[at - 1].is_ascii_whitespace();
        let rest = lower[at + name.len()..].trim_start();
        if before_ok && rest.starts_with('=') {
            let offset = tag.len() - rest.len() + 1;
            let value = tag[offset..].trim_start();
            let (quote, body) = match value.chars().next() {
                Some(q @ ('"' | '\'')) => (Some(q), &value[1..]),
                _ => (None, value),
            };
            let end = match quote {
                Some(q) => body.find(q),
                None => body.find(|c: char| c.is_whitespace() || c == '>'),
            }
            .unwrap_or(body.len());
            return Some(&body[..end]);
        }
        from = at + name.len();
    }
    None
}

/// Every tag of a kind in a piece of HTML, as its text between `<` and `>`.
fn tags<'a>(html: &'a str, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
    let bytes = html.as_bytes();
    let open = format!("<{name}");
    let mut at = 0;
    std::iter::from_fn(move || loop {
        let pos = find_ci(&bytes[at..], open.as_bytes())? + at;
        let end = html[pos..].find('>').map(|e| pos + e)?;
        at = end + 1;
        let next = bytes.get(pos + open.len()).copied().unwrap_or(b' ');
        if next.is_ascii_whitespace() || next == b'/' || next == b'>' {
            return Some(&html[pos..end]);
        }
    })
}

/// `<meta name|property="key" content="...">`.
fn meta_content(head: &str, key: &str) -> Option<String> {
    tags(head, "meta").find_map(|t| {
        let k = attr(t, "property").or_else(|| attr(t, "name"))?;
        k.eq_ignore_ascii_case(key)
            .then(|| attr(t, "content").map(|c| unescape(c).trim().to_string()))
            .flatten()
            .filter(|c| !c.is_empty())
    })
}

/// `<link rel="canonical" href="...">`.
fn link_canonical(head: &str) -> Option<String> {
    tags(head, "link").find_map(|t| {
        let rel = attr(t, "rel")?;
        rel.eq_ignore_ascii_case("canonical")
            .then(|| attr(t, "href").map(|h| unescape(h).to_string()))
            .flatten()
    })
}

/// The first `<time datetime="...">` of the page.
fn first_time(html: &str) -> Option<NaiveDate> {
    tags(html, "time").find_map(|t| attr(t, "datetime").and_then(date_of))
}

/// The few entities that appear in attribute values.
fn unescape(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('&') {
        return s.into();
    }
    s.replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .into()
}

/// A date from an ISO 8601 timestamp or date (`2024-05-03T10:00:00Z`, `2024-05-03`).
pub fn date_of(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()
}

/// Splits a byline into names: `By Ana Ruiz and Tom Lee`, `Ana Ruiz, Tom Lee`.
fn split_byline(byline: &str) -> Vec<String> {
    let b = clean(byline);
    let b = b
        .strip_prefix("By ")
        .or_else(|| b.strip_prefix("by "))
        .unwrap_or(&b);
    // drop a trailing role or place: `Ana Ruiz, Political Correspondent`
    b.split(" and ")
        .flat_map(|part| part.split(", "))
        .map(str::trim)
        .filter(|n| {
            !n.is_empty()
                && n.split(' ').count() <= 4
                && n.split(' ')
                    .all(|w| w.chars().next().is_some_and(char::is_uppercase))
                && !n.to_ascii_lowercase().contains("correspondent")
                && !n.to_ascii_lowercase().contains("editor")
                && !n.to_ascii_lowercase().contains("reporter")
        })
        .map(str::to_string)
        .collect()
}

/// What a JSON-LD `NewsArticle` says.
#[derive(Debug, Clone, Default)]
struct JsonLd {
    authors: Vec<String>,
    published: Option<String>,
    publisher: Option<String>,
    url: Option<String>,
}

/// The first JSON-LD object of an article type in the head or page.
fn json_ld_article(html: &str) -> Option<JsonLd> {
    let bytes = html.as_bytes();
    let mut at = 0;
    while let Some(pos) = find_ci(&bytes[at..], b"application/ld+json") {
        let start = html[at + pos..].find('>').map(|e| at + pos + e + 1)?;
        let end = find_ci(&bytes[start..], b"</script>").map(|e| start + e)?;
        at = end;
        let Ok(value) = serde_json::from_str::<serde_json::Value>(html[start..end].trim()) else {
            continue;
        };
        if let Some(found) = article_of(&value) {
            return Some(found);
        }
    }
    None
}

fn article_of(v: &serde_json::Value) -> Option<JsonLd> {
    use serde_json::Value;
    match v {
        Value::Array(items) => items.iter().find_map(article_of),
        Value::Object(map) => {
            if let Some(graph) = map.get("@graph") {
                return article_of(graph);
            }
            let kind = map.get("@type").map(|t| t.to_string()).unwrap_or_default();
            if !kind.contains("Article")
                && !kind.contains("BlogPosting")
                && !kind.contains("LiveBlog")
            {
                return None;
            }
            let name = |v: &Value| match v {
                Value::String(s) => Some(clean(s)),
                Value::Object(o) => o.get("name").and_then(Value::as_str).map(clean),
                _ => None,
            };
            let authors = match map.get("author") {
                Some(Value::Array(a)) => a.iter().filter_map(name).collect(),
                Some(other) => name(other).into_iter().collect(),
                None => Vec::new(),
            };
            Some(JsonLd {
                authors,
                published: map
                    .get("datePublished")
                    .and_then(Value::as_str)
                    .map(str::to_string),
                publisher: map.get("publisher").and_then(name),
                url: map
                    .get("mainEntityOfPage")
                    .and_then(|m| match m {
                        Value::String(s) => Some(s.clone()),
                        Value::Object(o) => {
                            o.get("@id").and_then(Value::as_str).map(str::to_string)
                        }
                        _ => None,
                    })
                    .or_else(|| map.get("url").and_then(Value::as_str).map(str::to_string)),
            })
        }
        _ => None,
    }
}

/// English function words: a text dense in them is English without asking whatlang.
const ENGLISH: &[&str] = &[
    "the", "and", "of", "to", "in", "a", "is", "was", "for", "on", "that", "with", "said", "by",
    "at", "from", "has", "have", "it", "as",
];

/// The language of a text when whatlang is sure of it, as ISO 639-1.
fn language_of(text: &str) -> Option<String> {
    let (mut words, mut english) = (0usize, 0usize);
    for w in text.split_whitespace().take(300) {
        words += 1;
        english += usize::from(ENGLISH.iter().any(|e| w.eq_ignore_ascii_case(e)));
    }
    if words >= 40 && english * 100 >= words * 15 {
        return Some("en".to_string());
    }
    // a thousand characters tell a language as well as the whole text
    let sample: String = text.chars().take(1000).collect();
    let info = whatlang::detect(&sample)?;
    if !info.is_reliable() {
        return None;
    }
    let code = match info.lang() {
        whatlang::Lang::Eng => "en",
        whatlang::Lang::Spa => "es",
        whatlang::Lang::Fra => "fr",
        whatlang::Lang::Deu => "de",
        whatlang::Lang::Por => "pt",
        whatlang::Lang::Ita => "it",
        whatlang::Lang::Nld => "nl",
        whatlang::Lang::Rus => "ru",
        whatlang::Lang::Ukr => "uk",
        whatlang::Lang::Pol => "pl",
        whatlang::Lang::Tur => "tr",
        whatlang::Lang::Ara => "ar",
        whatlang::Lang::Cmn => "zh",
        whatlang::Lang::Jpn => "ja",
        whatlang::Lang::Kor => "ko",
        whatlang::Lang::Hin => "hi",
        whatlang::Lang::Ind => "id",
        whatlang::Lang::Swe => "sv",
        whatlang::Lang::Ron => "ro",
        whatlang::Lang::Ell => "el",
        whatlang::Lang::Heb => "he",
        whatlang::Lang::Pes => "fa",
        whatlang::Lang::Vie => "vi",
        whatlang::Lang::Tha => "th",
        // a language without a two-letter code here: its ISO 639-3 code
        other => return Some(other.code().to_string()),
    };
    Some(code.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!doctype html><html lang="en"><head>
<title>Port strike ends after nine days | The Harbour Post</title>
<meta property="og:site_name" content="The Harbour Post">
<meta property="article:published_time" content="2025-05-06T08:30:00Z">
<link rel="canonical" href="https://harbourpost.example/port-strike-ends">
<style>.x{color:red}</style><script>var tracking = "SECRET SCRIPT";</script>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<div class="cookie-banner">We use cookies to improve your experience.</div>
<article>
<h1>Port strike ends after nine days</h1>
<p class="byline">By Marta Silva and Jo&atilde;o Reis</p>
<p>Dock workers in Santos voted on Tuesday to end a nine-day strike that had left more than 200 ships waiting offshore, union leaders said.</p>
<figure><img src="a.jpg"><figcaption>Backlog: Container ships wait outside the port of Santos on Monday</figcaption></figure>
<p>The agreement gives workers a 7% pay rise over two years&nbsp;and a review of night-shift rules,<br>the union said in a statement.</p>
<p style="display:none">HIDDEN TEXT THAT MUST NOT LEAK</p>
<p>Operators said it would take at least a week to clear the queue of vessels &amp; cargo.</p>
</article>
<aside class="related"><h3>Most read</h3><ul><li><a href="/1">Storm hits coast</a></li></ul></aside>
<footer>&copy; 2025 The Harbour Post</footer>
</body></html>"#;

    #[test]
    fn a_page_becomes_headline_byline_paragraphs_and_captions() {
        let page = extract(PAGE.as_bytes(), None, None).unwrap();
        assert_eq!(
            page.title.as_deref(),
            Some("Port strike ends after nine days")
        );
        assert_eq!(page.published, NaiveDate::from_ymd_opt(2025, 5, 6));
        assert_eq!(page.outlet.as_deref(), Some("The Harbour Post"));
        assert_eq!(
            page.url.as_deref(),
            Some("https://harbourpost.example/port-strike-ends")
        );
        assert_eq!(page.language.as_deref(), Some("en"));
        assert_eq!(page.authors, ["Marta Silva", "João Reis"]);
        let lines: Vec<&str> = page.text.lines().collect();
        assert_eq!(lines[0], "Port strike ends after nine days");
        assert!(
            lines.contains(&""),
            "a caption stands between blank lines: {lines:?}"
        );
        assert!(page
            .text
            .contains("\nBacklog: Container ships wait outside the port of Santos on Monday\n"));
        assert!(page
            .text
            .contains("over two years and a review of night-shift rules, the union said"));
        assert!(page.text.contains("vessels & cargo."));
        for leak in [
            "SECRET SCRIPT",
            "HIDDEN TEXT",
            "cookies",
            "Most read",
            "color:red",
            "Home",
        ] {
            assert!(
                !page.text.contains(leak),
                "{leak} leaked into:\n{}",
                page.text
            );
        }
    }

    #[test]
    fn a_page_without_an_article_is_an_error() {
        let index = "<html><head><title>World news</title></head><body><ul><li><a href=\"/a\">One</a></li><li><a href=\"/b\">Two</a></li></ul></body></html>";
        assert_eq!(
            extract(index.as_bytes(), None, None),
            Err(PageError::NoArticle)
        );
    }

    #[test]
    fn json_ld_gives_authors_date_and_publisher() {
        let head = r#"<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"X","datePublished":"2024-11-02T06:00:00+01:00","author":[{"@type":"Person","name":"Ana Ruiz"},{"@type":"Person","name":"Tom Lee"}],"publisher":{"@type":"Organization","name":"Daily Example"}}</script>"#;
        let j = json_ld_article(head).unwrap();
        assert_eq!(j.authors, ["Ana Ruiz", "Tom Lee"]);
        assert_eq!(
            j.published.as_deref().and_then(date_of),
            NaiveDate::from_ymd_opt(2024, 11, 2)
        );
        assert_eq!(j.publisher.as_deref(), Some("Daily Example"));
    }
}
