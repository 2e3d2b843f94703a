//! A streaming reader of WARC archives (ISO 28500; Common Crawl's CC-NEWS), with the byte
//! offset of every record so that a bad one can be named, and recovery at the next record.
//!
//! Only the record framing is read here: version line, named fields, a block of
//! `Content-Length` bytes. [`http_response`] splits a `response` record's block into its HTTP
//! header and body (de-chunked and un-gzipped).

use std::io::{self, BufRead, Read};

/// The largest record block read into memory; larger ones are skipped.
pub const MAX_BLOCK: u64 = 64 * 1024 * 1024;

/// One WARC record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// Byte offset of its version line in the (decompressed) stream.
    pub offset: u64,
    /// `WARC-Type`: `response`, `request`, `metadata`, `warcinfo`...
    pub kind: String,
    /// `WARC-Target-URI`.
    pub target_uri: Option<String>,
    /// `WARC-Date`.
    pub date: Option<String>,
    /// `WARC-Record-ID`, without its angle brackets.
    pub record_id: Option<String>,
    /// `Content-Type` of the block.
    pub content_type: Option<String>,
    /// The block.
    pub block: Vec<u8>,
}

/// A record that could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum WarcError {
    /// The stream ended inside a record.
    #[error("record at byte {offset} is truncated: {got} of {expected} bytes")]
    Truncated {
        /// Where the record starts.
        offset: u64,
        /// Its `Content-Length`.
        expected: u64,
        /// The bytes there were.
        got: u64,
    },
    /// The bytes at an offset are not a WARC record header.
    #[error("no WARC record at byte {offset}: {message}")]
    BadHeader {
        /// Where the bad bytes start.
        offset: u64,
        /// What is wrong.
        message: String,
    },
    /// Reading failed.
    #[error("cannot read at byte {offset}: {source}")]
    Io {
        /// Where.
        offset: u64,
        /// Why.
        source: io::Error,
    },
}

/// Reads records one by one from a buffered stream (decompress `.warc.gz` before).
pub struct WarcReader<R> {
    inner: R,
    offset: u64,
    done: bool,
    line: Vec<u8>,
}

impl<R: BufRead> WarcReader<R> {
    /// A reader at the start of an archive.
    pub fn new(inner: R) -> Self {
        WarcReader {
            inner,
            offset: 0,
            done: false,
            line: Vec::new(),
        }
    }

    fn read_line(&mut self) -> io::Result<usize> {
        self.line.clear();
        let n = self.inner.read_until(b'\n', &mut self.line)?;
        self.offset += n as u64;
        Ok(n)
    }

    fn record(&mut self) -> Option<Result<Record, WarcError>> {
        // blank lines between records
        let start = loop {
            let at = self.offset;
            match self.read_line() {
                Ok(0) => return None,
                Ok(_) if self.line.iter().all(u8::is_ascii_whitespace) => continue,
                Ok(_) => break at,
                Err(source) => return Some(Err(WarcError::Io { offset: at, source })),
            }
        };
        if !self.line.starts_with(b"WARC/") {
            // skip to the next version line, and say where the bad bytes were
            loop {
                match self.inner.fill_buf() {
                    Ok([]) => break,
                    Ok(buf) if buf.starts_with(b"WARC/") => break,
                    Ok(_) => {}
                    Err(_) => break,
                }
                if self.read_line().unwrap_or(0) == 0 {
                    break;
                }
            }
            return Some(Err(WarcError::BadHeader {
                offset: start,
                message: "expected a 'WARC/1.x' version line".into(),
            }));
        }
        let mut record = Record {
            offset: start,
            kind: String::new(),
            target_uri: None,
            date: None,
            record_id: None,
            content_type: None,
            block: Vec::new(),
        };
        let mut length: Option<u64> = None;
        loop {
            match self.read_line() {
                Ok(0) => {
                    self.done = true;
                    return Some(Err(WarcError::Truncated {
                        offset: start,
                        expected: length.unwrap_or(0),
                        got: 0,
                    }));
                }
                Ok(_) => {}
                Err(source) => {
                    return Some(Err(WarcError::Io {
                        offset: self.offset,
                        source,
                    }))
                }
            }
            let line = String::from_utf8_lossy(&self.line);
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            let Some((name, value)) = line.split_once(':') else {
                continue;
            };
            let value = value.trim().to_string();
            match name.trim().to_ascii_lowercase().as_str() {
                "warc-type" => record.kind = value,
                "warc-target-uri" => {
                    record.target_uri = Some(value.trim_matches(['<', '>']).to_string())
                }
                "warc-date" => record.date = Some(value),
                "warc-record-id" => {
                    record.record_id = Some(value.trim_matches(['<', '>']).to_string())
                }
                "content-type" => record.content_type = Some(value),
                "content-length" => length = value.parse().ok(),
                _ => {}
            }
        }
        let Some(length) = length else {
            return Some(Err(WarcError::BadHeader {
                offset: start,
                message: "the record has no Content-Length".into(),
            }));
        };
        if length > MAX_BLOCK {
            let skipped = io::copy(&mut (&mut self.inner).take(length), &mut io::sink());
            self.offset += skipped.as_ref().copied().unwrap_or(0);
            return Some(Err(WarcError::BadHeader {
                offset: start,
                message: format!("a {length}-byte block is larger than the {MAX_BLOCK} bytes read"),
            }));
        }
        record.block.reserve(length as usize);
        let got = match (&mut self.inner)
            .take(length)
            .read_to_end(&mut record.block)
        {
            Ok(n) => n as u64,
            Err(source) => {
                return Some(Err(WarcError::Io {
                    offset: self.offset,
                    source,
                }))
            }
        };
        self.offset += got;
        if got < length {
            self.done = true;
            return Some(Err(WarcError::Truncated {
                offset: start,
                expected: length,
                got,
            }));
        }
        Some(Ok(record))
    }
}

impl<R: BufRead> Iterator for WarcReader<R> {
    type Item = Result<Record, WarcError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        self.record()
    }
}

/// A `response` record's HTTP message: the `Content-Type` header and the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpResponse {
    /// The status code.
    pub status: u16,
    /// The `Content-Type` header.
    pub content_type: Option<String>,
    /// The body, de-chunked and decompressed.
    pub body: Vec<u8>,
}

/// Parses the HTTP response in a `response` record's block.
pub fn http_response(block: &[u8]) -> Option<HttpResponse> {
    let split = block
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map(|p| (p, p + 4))
        .or_else(|| {
            block
                .windows(2)
                .position(|w| w == b"\n\n")
                .map(|p| (p, p + 2))
        })?;
    let head = String::from_utf8_lossy(&block[..split.0]);
    let mut lines = head.lines();
    let status = lines.next()?.split_whitespace().nth(1)?.parse().ok()?;
    let (mut content_type, mut chunked, mut gzip) = (None, false, false);
    for line in lines {
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim();
        match name.trim().to_ascii_lowercase().as_str() {
            "content-type" => content_type = Some(value.to_string()),
            "transfer-encoding" => chunked = value.to_ascii_lowercase().contains("chunked"),
            "content-encoding" => gzip = value.to_ascii_lowercase().contains("gzip"),
            _ => {}
        }
    }
    let mut body = block[split.1..].to_vec();
    if chunked {
        body = dechunk(&body).unwrap_or(body);
    }
    if gzip {
        let mut out = Vec::new();
        if flate2::read::MultiGzDecoder::new(&body[..])
            .read_to_end(&mut out)
            .is_ok()
        {
            body = out;
        }
    }
    Some(HttpResponse {
        status,
        content_type,
        body,
    })
}

/// Undoes `Transfer-Encoding: chunked`.
fn dechunk(mut data: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(data.len());
    loop {
        let eol = data.windows(2).position(|w| w == b"\r\n")?;
        let size_text = std::str::from_utf8(&data[..eol]).ok()?;
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        data = &data[eol + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(data.get(..size)?);
        data = data.get(size + 2..).unwrap_or(&[]);
    }
}

/// The `charset` parameter of a `Content-Type` value.
pub fn charset(content_type: &str) -> Option<&str> {
    content_type.split(';').find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| v.trim().trim_matches('"'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(kind: &str, uri: &str, block: &[u8]) -> Vec<u8> {
        let mut r = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-05-03T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:{kind}-1>\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        r.extend_from_slice(block);
        r.extend_from_slice(b"\r\n\r\n");
        r
    }

    #[test]
    fn records_offsets_and_a_truncated_tail() {
        let body = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n";
        let mut warc = record("warcinfo", "-", b"software: test");
        let second = warc.len() as u64;
        warc.extend(record("response", "https://example.org/a", body));
        let third = warc.len() as u64;
        let mut tail = record(
            "response",
            "https://example.org/b",
            b"HTTP/1.1 200 OK\r\n\r\n<p>cut",
        );
        tail.truncate(tail.len() - 10);
        warc.extend(tail);
        let got: Vec<_> = WarcReader::new(&warc[..]).collect();
        assert_eq!(got.len(), 3);
        let info = got[0].as_ref().unwrap();
        assert_eq!((info.kind.as_str(), info.offset), ("warcinfo", 0));
        let page = got[1].as_ref().unwrap();
        assert_eq!(page.offset, second);
        assert_eq!(page.record_id.as_deref(), Some("urn:uuid:response-1"));
        let http = http_response(&page.block).unwrap();
        assert_eq!(http.status, 200);
        assert_eq!(http.body, b"hello world");
        assert_eq!(
            charset(http.content_type.as_deref().unwrap()),
            Some("utf-8")
        );
        match &got[2] {
            Err(WarcError::Truncated { offset, .. }) => assert_eq!(*offset, third),
            other => panic!("expected a truncated record, got {other:?}"),
        }
    }

    #[test]
    fn garbage_between_records_is_reported_and_skipped() {
        let mut warc = b"not a warc line\r\nmore junk\r\n".to_vec();
        warc.extend(record(
            "response",
            "https://example.org/a",
            b"HTTP/1.1 200 OK\r\n\r\nx",
        ));
        let got: Vec<_> = WarcReader::new(&warc[..]).collect();
        assert!(matches!(
            got[0],
            Err(WarcError::BadHeader { offset: 0, .. })
        ));
        assert_eq!(got[1].as_ref().unwrap().kind, "response");
    }
}
