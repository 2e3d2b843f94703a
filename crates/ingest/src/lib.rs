//! Reading articles: plain text, JSON Lines (optionally gzipped), saved HTML pages, WARC
//! archives (optionally gzipped, as Common Crawl writes them) and standard input.
//!
//! A page's main content and metadata come from `newsgraph-html`; a WARC archive streams its
//! `response` records of HTML pages as articles (the record's URL, date and `WARC-Record-ID`
//! kept), counts the other records ([`Input::summary`]) and reports a truncated or corrupt
//! record with its byte offset before going on.
//!
//! [`Input::open`] opens one path (or `-`) and yields [`RawArticle`]s one at a time, so a JSONL
//! file of any size streams in bounded memory. A bad record is an [`InputError`] naming the file
//! and line; the caller reports it and goes on to the next. Invalid UTF-8 is decoded lossily
//! with a [`Warning`] that names the byte offset of the first bad sequence.
//!
//! ```
//! use newsgraph_ingest::{Input, InputFormat};
//!
//! let jsonl = "{\"id\": \"a1\", \"text\": \"Storm hits coast.\", \"published\": \"2024-03-01\"}\n";
//! let mut input = Input::from_reader("<memory>", jsonl.as_bytes(), InputFormat::Jsonl).unwrap();
//! let article = input.next().unwrap().unwrap();
//! assert_eq!(article.id, "a1");
//! assert_eq!(article.published.unwrap().to_string(), "2024-03-01");
//! ```
#![deny(missing_docs)]

mod error;

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

use chrono::NaiveDate;
use newsgraph_doc::Format;
use serde::Deserialize;
use sha2::{Digest, Sha256};

pub use error::{InputError, Origin, Warning};

/// The largest article accepted, in bytes.
pub const MAX_ARTICLE_BYTES: u64 = 32 * 1024 * 1024;

/// How to read an input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputFormat {
    /// From the file name: `.jsonl`, `.jsonl.gz`, `.ndjson` are JSONL, anything else text; for
    /// standard input, JSONL when the first line is a JSON object.
    Auto,
    /// One article, plain text.
    Text,
    /// One article per line.
    Jsonl,
    /// One saved web page.
    Html,
    /// A WARC archive of crawled pages.
    Warc,
}

/// One article as read, before any analysis.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawArticle {
    /// The input's own id, or the first 16 hex digits of the SHA-256 of its bytes.
    pub id: String,
    /// The article text.
    pub text: String,
    /// The title the input gives.
    pub title: Option<String>,
    /// The publication date the input gives.
    pub published: Option<NaiveDate>,
    /// The URL the input gives.
    pub url: Option<String>,
    /// Author names the input gives (a page's byline or metadata).
    pub authors: Vec<String>,
    /// The outlet the input names (a page's site name or publisher).
    pub outlet: Option<String>,
    /// ISO 639-1 code of the text's language, when the input says or it was detected.
    pub language: Option<String>,
    /// The file path, or `None` for standard input.
    pub path: Option<String>,
    /// The input format.
    pub format: Format,
    /// Where it came from, for messages.
    pub origin: Origin,
    /// What was wrong with it but could be mended.
    pub warnings: Vec<Warning>,
}

/// A stream of articles from one input.
pub struct Input {
    name: String,
    path: Option<String>,
    kind: Kind,
}

enum Kind {
    Text(Option<Box<dyn Read + Send>>),
    Jsonl {
        reader: Box<dyn BufRead + Send>,
        line: u64,
        buf: Vec<u8>,
        /// A read failed: the rest of the stream cannot be trusted (a corrupt gzip member).
        failed: bool,
    },
    Html(Option<Box<dyn Read + Send>>),
    Warc {
        records: newsgraph_html::warc::WarcReader<Box<dyn BufRead + Send>>,
        skipped: u64,
        pages: u64,
    },
}

impl Input {
    /// Opens a path, or standard input for `-`.
    pub fn open(path: &str, format: InputFormat) -> Result<Input, InputError> {
        if path == "-" {
            return Input::from_reader("<stdin>", io::stdin(), format).map(|mut i| {
                i.path = None;
                i
            });
        }
        let p = Path::new(path);
        let meta = std::fs::metadata(p).map_err(|e| match e.kind() {
            io::ErrorKind::NotFound => InputError::NotFound {
                path: path.to_string(),
            },
            _ => InputError::Io {
                origin: origin(path, None),
                source: e,
            },
        })?;
        if meta.is_dir() {
            return Err(InputError::IsDirectory {
                path: path.to_string(),
            });
        }
        let file = File::open(p).map_err(|e| InputError::Io {
            origin: origin(path, None),
            source: e,
        })?;
        let lower = path.to_ascii_lowercase();
        let reader: Box<dyn Read + Send> = if lower.ends_with(".gz") {
            Box::new(flate2::read::MultiGzDecoder::new(BufReader::new(file)))
        } else {
            Box::new(file)
        };
        let stem = lower.trim_end_matches(".gz");
        let format = match format {
            InputFormat::Auto if stem.ends_with(".jsonl") || stem.ends_with(".ndjson") => {
                InputFormat::Jsonl
            }
            InputFormat::Auto if stem.ends_with(".html") || stem.ends_with(".htm") => {
                InputFormat::Html
            }
            InputFormat::Auto if stem.ends_with(".warc") || stem.ends_with(".arc") => {
                InputFormat::Warc
            }
            InputFormat::Auto => InputFormat::Text,
            other => other,
        };
        let mut input = Input::from_reader(path, reader, format)?;
        input.path = Some(path.to_string());
        Ok(input)
    }

    /// Reads from any reader; `name` is used in messages.
    pub fn from_reader(
        name: &str,
        reader: impl Read + Send + 'static,
        format: InputFormat,
    ) -> Result<Input, InputError> {
        let mut reader = BufReader::new(reader);
        let format = match format {
            InputFormat::Auto => {
                let head = reader.fill_buf().map_err(|e| InputError::Io {
                    origin: origin(name, None),
                    source: e,
                })?;
                let start = head
                    .iter()
                    .position(|b| !b.is_ascii_whitespace())
                    .unwrap_or(head.len());
                let head = &head[start..];
                let starts =
                    |p: &[u8]| head.len() >= p.len() && head[..p.len()].eq_ignore_ascii_case(p);
                if head.first() == Some(&b'{') {
                    InputFormat::Jsonl
                } else if starts(b"WARC/") {
                    InputFormat::Warc
                } else if starts(b"<!doctype html") || starts(b"<html") {
                    InputFormat::Html
                } else {
                    InputFormat::Text
                }
            }
            other => other,
        };
        let kind = match format {
            InputFormat::Jsonl => Kind::Jsonl {
                reader: Box::new(reader),
                line: 0,
                buf: Vec::new(),
                failed: false,
            },
            InputFormat::Html => Kind::Html(Some(Box::new(reader))),
            InputFormat::Warc => Kind::Warc {
                records: newsgraph_html::warc::WarcReader::new(Box::new(reader)),
                skipped: 0,
                pages: 0,
            },
            _ => Kind::Text(Some(Box::new(reader))),
        };
        Ok(Input {
            name: name.to_string(),
            path: None,
            kind,
        })
    }

    /// After the input is read: how many WARC records were not HTML pages, when any.
    pub fn summary(&self) -> Option<String> {
        match &self.kind {
            Kind::Warc { skipped, pages, .. } if *skipped > 0 || *pages == 0 => Some(format!(
                "{}: {pages} HTML page(s) read, {skipped} other record(s) skipped (requests, \
                 metadata, non-HTML responses)",
                self.name
            )),
            _ => None,
        }
    }

    fn read_html(&self, reader: Box<dyn Read + Send>) -> Result<RawArticle, InputError> {
        let origin = origin(&self.name, None);
        let bytes = read_whole(reader, &origin)?;
        let id = content_id(&bytes);
        page_article(
            &bytes,
            None,
            None,
            id,
            self.path.clone(),
            Format::Html,
            origin,
        )
    }

    fn read_text(&self, reader: Box<dyn Read + Send>) -> Result<RawArticle, InputError> {
        let origin = origin(&self.name, None);
        let bytes = read_whole(reader, &origin)?;
        let id = content_id(&bytes);
        let mut warnings = Vec::new();
        let text = decode(bytes, &origin, &mut warnings)?;
        Ok(RawArticle {
            id,
            text,
            title: None,
            published: None,
            url: None,
            authors: Vec::new(),
            outlet: None,
            language: None,
            path: self.path.clone(),
            format: Format::Text,
            origin,
            warnings,
        })
    }
}

impl Iterator for Input {
    type Item = Result<RawArticle, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        let path = self.path.clone();
        match &mut self.kind {
            Kind::Text(reader) => {
                let reader = reader.take()?;
                Some(self.read_text(reader))
            }
            Kind::Html(reader) => {
                let reader = reader.take()?;
                Some(self.read_html(reader))
            }
            Kind::Warc {
                records,
                skipped,
                pages,
            } => loop {
                let record = match records.next()? {
                    Ok(record) => record,
                    Err(e) => {
                        return Some(Err(InputError::Warc {
                            origin: origin(&self.name, None),
                            message: e.to_string(),
                        }))
                    }
                };
                let at = origin(&format!("{}@{}", self.name, record.offset), None);
                if record.kind != "response" {
                    *skipped += 1;
                    continue;
                }
                let Some(http) = newsgraph_html::warc::http_response(&record.block) else {
                    *skipped += 1;
                    continue;
                };
                let content_type = http.content_type.as_deref().unwrap_or("");
                let html = content_type.is_empty()
                    || content_type.contains("html")
                    || content_type.contains("xhtml");
                if !html || http.status != 200 {
                    *skipped += 1;
                    continue;
                }
                *pages += 1;
                let charset = newsgraph_html::warc::charset(content_type);
                let id = record
                    .record_id
                    .clone()
                    .unwrap_or_else(|| content_id(&http.body));
                let mut article = page_article(
                    &http.body,
                    charset,
                    record.target_uri.as_deref(),
                    id,
                    path,
                    Format::Warc,
                    at,
                );
                if let Ok(a) = &mut article {
                    if a.published.is_none() {
                        a.published = record.date.as_deref().and_then(parse_date);
                    }
                    if a.url.is_none() {
                        a.url = record.target_uri.clone();
                    }
                }
                return Some(article);
            },
            Kind::Jsonl {
                reader,
                line,
                buf,
                failed,
            } => loop {
                if *failed {
                    return None;
                }
                buf.clear();
                *line += 1;
                let origin = origin(&self.name, Some(*line));
                match reader
                    .by_ref()
                    .take(MAX_ARTICLE_BYTES + 1)
                    .read_until(b'\n', buf)
                {
                    Ok(0) => return None,
                    Ok(_) => {}
                    Err(e) => {
                        // reported once; a decoder that failed may fail forever
                        *failed = true;
                        return Some(Err(InputError::Io { origin, source: e }));
                    }
                }
                if buf.len() as u64 > MAX_ARTICLE_BYTES {
                    // Skip the rest of the over-long line before reporting it.
                    let mut sink = Vec::new();
                    let _ = reader.read_until(b'\n', &mut sink);
                    let len = buf.len() as u64 + sink.len() as u64;
                    return Some(Err(InputError::TooLarge {
                        origin,
                        len,
                        max: MAX_ARTICLE_BYTES,
                    }));
                }
                if buf.iter().all(u8::is_ascii_whitespace) {
                    continue;
                }
                return Some(jsonl_record(buf, origin, path));
            },
        }
    }
}

/// All the bytes of a one-article input, refused when over [`MAX_ARTICLE_BYTES`].
fn read_whole(mut reader: Box<dyn Read + Send>, origin: &Origin) -> Result<Vec<u8>, InputError> {
    let mut bytes = Vec::new();
    reader
        .by_ref()
        .take(MAX_ARTICLE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| InputError::Io {
            origin: origin.clone(),
            source: e,
        })?;
    if bytes.len() as u64 > MAX_ARTICLE_BYTES {
        return Err(InputError::TooLarge {
            origin: origin.clone(),
            len: bytes.len() as u64,
            max: MAX_ARTICLE_BYTES,
        });
    }
    Ok(bytes)
}

/// An article of a page's bytes, or the reason the page holds none.
fn page_article(
    bytes: &[u8],
    charset: Option<&str>,
    url: Option<&str>,
    id: String,
    path: Option<String>,
    format: Format,
    origin: Origin,
) -> Result<RawArticle, InputError> {
    let page = newsgraph_html::extract(bytes, charset, url).map_err(|e| InputError::NoArticle {
        origin: origin.clone(),
        message: e.to_string(),
    })?;
    let mut warnings = Vec::new();
    if page.lossy {
        warnings.push(Warning {
            origin: origin.clone(),
            message: format!(
                "bytes not valid in the page's encoding ({}) were replaced with U+FFFD",
                page.encoding
            ),
        });
    }
    if let Some(lang) = page.language.as_deref().filter(|l| *l != "en") {
        warnings.push(Warning {
            origin: origin.clone(),
            message: format!(
                "the article is in language '{lang}', not English: only its layout and sentences \
                 are analysed"
            ),
        });
    }
    Ok(RawArticle {
        id,
        text: page.text,
        title: page.title,
        published: page.published,
        url: page.url,
        authors: page.authors,
        outlet: page.outlet,
        language: page.language,
        path,
        format,
        origin,
        warnings,
    })
}

fn origin(name: &str, line: Option<u64>) -> Origin {
    Origin {
        name: name.to_string(),
        line,
    }
}

/// The first 16 hex digits of the SHA-256 of `bytes`.
pub fn content_id(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest[..8].iter().map(|b| format!("{b:02x}")).collect()
}

/// UTF-8 text from bytes: a leading byte-order mark dropped, invalid sequences replaced (with a
/// warning naming the first one's offset), NUL bytes and whitespace-only text refused.
fn decode(
    bytes: Vec<u8>,
    origin: &Origin,
    warnings: &mut Vec<Warning>,
) -> Result<String, InputError> {
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(InputError::Binary {
            origin: origin.clone(),
            offset,
        });
    }
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let bad = text.matches('\u{FFFD}').count();
            warnings.push(Warning {
                origin: origin.clone(),
                message: format!(
                    "invalid UTF-8 at byte offset {offset}; decoded lossily \
                     ({bad} character(s) replaced with U+FFFD)"
                ),
            });
            text
        }
    };
    let text = match text.strip_prefix('\u{FEFF}') {
        Some(rest) => rest.to_string(),
        None => text,
    };
    if text.trim().is_empty() {
        return Err(InputError::Empty {
            origin: origin.clone(),
        });
    }
    Ok(text)
}

#[derive(Deserialize)]
struct JsonRecord {
    id: Option<serde_json::Value>,
    text: Option<String>,
    html: Option<String>,
    title: Option<String>,
    published: Option<String>,
    url: Option<String>,
}

fn jsonl_record(
    line: &[u8],
    origin: Origin,
    path: Option<String>,
) -> Result<RawArticle, InputError> {
    let mut warnings = Vec::new();
    let record: JsonRecord = match serde_json::from_slice(line) {
        Ok(r) => r,
        Err(e) if e.is_data() || e.is_syntax() || e.is_eof() => {
            // Retry lossily: a line with invalid UTF-8 inside its strings is still readable.
            let lossy = String::from_utf8_lossy(line);
            match std::str::from_utf8(line) {
                Err(bad) => {
                    let r: JsonRecord =
                        serde_json::from_str(&lossy).map_err(|e| InputError::Json {
                            origin: origin.clone(),
                            message: e.to_string(),
                        })?;
                    warnings.push(Warning {
                        origin: origin.clone(),
                        message: format!(
                            "invalid UTF-8 at byte offset {} of the line; decoded lossily",
                            bad.valid_up_to()
                        ),
                    });
                    r
                }
                Ok(_) => {
                    return Err(InputError::Json {
                        origin,
                        message: e.to_string(),
                    })
                }
            }
        }
        Err(e) => {
            return Err(InputError::Json {
                origin,
                message: e.to_string(),
            })
        }
    };
    let Some(text) = record.text else {
        let hint = if record.html.is_some() {
            " (it has \"html\": HTML articles are not read yet; give the text)"
        } else {
            ""
        };
        return Err(InputError::NoText { origin, hint });
    };
    if let Some(offset) = text.find('\0') {
        return Err(InputError::Binary { origin, offset });
    }
    if text.trim().is_empty() {
        return Err(InputError::Empty { origin });
    }
    let id = match record.id {
        Some(serde_json::Value::String(s)) if !s.is_empty() => s,
        Some(serde_json::Value::Number(n)) => n.to_string(),
        _ => content_id(line.trim_ascii()),
    };
    let published = record
        .published
        .as_deref()
        .and_then(|p| match parse_date(p) {
            Some(d) => Some(d),
            None => {
                warnings.push(Warning {
                    origin: origin.clone(),
                    message: format!("\"published\" {p:?} is not a YYYY-MM-DD date; ignored"),
                });
                None
            }
        });
    Ok(RawArticle {
        id,
        text,
        title: record.title.filter(|t| !t.trim().is_empty()),
        published,
        url: record.url,
        authors: Vec::new(),
        outlet: None,
        language: None,
        path,
        format: Format::Jsonl,
        origin,
        warnings,
    })
}

/// A date from `YYYY-MM-DD`, or the date part of an ISO 8601 timestamp.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let head = s.get(..10)?;
    let rest = &s[10..];
    if !(rest.is_empty() || rest.starts_with(['T', 't', ' '])) {
        return None;
    }
    NaiveDate::parse_from_str(head, "%Y-%m-%d").ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn all(input: Input) -> Vec<Result<RawArticle, InputError>> {
        input.collect()
    }

    #[test]
    fn text_file_id_is_content_hash_and_bom_is_dropped() {
        let mut f = tempfile::NamedTempFile::new().unwrap();
        f.write_all("\u{FEFF}Headline\nBody.".as_bytes()).unwrap();
        let path = f.path().to_str().unwrap().to_string();
        let got = all(Input::open(&path, InputFormat::Auto).unwrap());
        let a = got[0].as_ref().unwrap();
        assert_eq!(a.text, "Headline\nBody.");
        assert_eq!(a.id, content_id("\u{FEFF}Headline\nBody.".as_bytes()));
        assert_eq!(a.id.len(), 16);
        assert_eq!(a.path.as_deref(), Some(path.as_str()));
    }

    #[test]
    fn invalid_utf8_warns_with_offset() {
        let input = Input::from_reader("x.txt", &b"Good text \xff\xfe more"[..], InputFormat::Text);
        let a = all(input.unwrap()).remove(0).unwrap();
        assert!(a.text.contains('\u{FFFD}'));
        assert_eq!(a.warnings.len(), 1);
        assert!(a.warnings[0]
            .to_string()
            .starts_with("x.txt: invalid UTF-8 at byte offset 10"));
    }

    #[test]
    fn empty_binary_and_missing_inputs_are_errors() {
        let e = all(Input::from_reader("e.txt", &b"  \n\t"[..], InputFormat::Text).unwrap());
        assert_eq!(
            e[0].as_ref().unwrap_err().to_string(),
            "e.txt: empty article (no text besides whitespace)"
        );
        let b = all(Input::from_reader("b.bin", &b"ab\0cd"[..], InputFormat::Text).unwrap());
        assert!(matches!(b[0], Err(InputError::Binary { offset: 2, .. })));
        assert!(matches!(
            Input::open("/no/such/file.txt", InputFormat::Auto),
            Err(InputError::NotFound { .. })
        ));
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(
            Input::open(dir.path().to_str().unwrap(), InputFormat::Auto),
            Err(InputError::IsDirectory { .. })
        ));
    }

    #[test]
    fn jsonl_records_stream_and_bad_lines_name_their_line() {
        let data = concat!(
            "{\"id\": \"a\", \"text\": \"One.\", \"title\": \"T\", \"published\": \"2024-02-03T10:00:00Z\"}\n",
            "\n",
            "{\"id\": 7, \"text\": \"Two.\"\n",
            "{\"text\": \"Three.\", \"published\": \"March\"}\n",
            "{\"id\": \"h\", \"html\": \"<p>x</p>\"}\n",
            "[1, 2]\n",
            "{\"id\": 8, \"text\": \"Four.\"}"
        );
        let got = all(Input::from_reader("c.jsonl", data.as_bytes(), InputFormat::Auto).unwrap());
        assert_eq!(got.len(), 6);
        let a = got[0].as_ref().unwrap();
        assert_eq!((a.id.as_str(), a.title.as_deref()), ("a", Some("T")));
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2024, 2, 3));
        assert!(got[1]
            .as_ref()
            .unwrap_err()
            .to_string()
            .starts_with("c.jsonl:3: malformed JSONL record"));
        let c = got[2].as_ref().unwrap();
        assert_eq!(c.id.len(), 16);
        assert!(c.warnings[0]
            .to_string()
            .contains("\"March\" is not a YYYY-MM-DD date"));
        assert!(got[3]
            .as_ref()
            .unwrap_err()
            .to_string()
            .contains("c.jsonl:5: the record has no \"text\" field (it has \"html\""));
        assert!(matches!(got[4], Err(InputError::Json { .. })));
        assert_eq!(got[5].as_ref().unwrap().id, "8");
    }

    #[test]
    fn gzipped_jsonl() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.jsonl.gz");
        let mut enc = flate2::write::GzEncoder::new(
            File::create(&path).unwrap(),
            flate2::Compression::default(),
        );
        enc.write_all(b"{\"id\": \"z\", \"text\": \"Zed.\"}\n")
            .unwrap();
        enc.finish().unwrap();
        let got = all(Input::open(path.to_str().unwrap(), InputFormat::Auto).unwrap());
        assert_eq!(got[0].as_ref().unwrap().id, "z");
    }

    #[test]
    fn a_corrupt_gzip_is_reported_once_and_ends_the_input() {
        let mut bytes = Vec::new();
        let mut enc = flate2::write::GzEncoder::new(&mut bytes, flate2::Compression::default());
        for i in 0..200 {
            enc.write_all(
                format!("{{\"id\": \"{i}\", \"text\": \"Rain fell on day {i}.\"}}\n").as_bytes(),
            )
            .unwrap();
        }
        enc.finish().unwrap();
        // damage the middle of the compressed stream
        let mid = bytes.len() / 2;
        for b in &mut bytes[mid..mid + 16] {
            *b ^= 0x5a;
        }
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("broken.jsonl.gz");
        std::fs::write(&path, &bytes).unwrap();
        let input = Input::open(path.to_str().unwrap(), InputFormat::Auto).unwrap();
        let got: Vec<_> = input.take(1000).collect();
        let errors = got.iter().filter(|r| r.is_err()).count();
        assert!(errors >= 1, "the damage is reported");
        assert!(got.len() < 1000, "the input ends after the damage");
    }

    #[test]
    fn dates() {
        assert_eq!(
            parse_date("2019-01-24"),
            NaiveDate::from_ymd_opt(2019, 1, 24)
        );
        assert_eq!(parse_date("2019-02-30"), None);
        assert_eq!(parse_date("2019-01-24x"), None);
        assert_eq!(parse_date("24/01/2019"), None);
    }
}
