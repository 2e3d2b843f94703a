//! Bytes of a page into text: the encoding from a byte-order mark, the HTTP header, or the
//! page's own `<meta charset>` / `http-equiv` declaration, else UTF-8 (and Windows-1252 when the
//! bytes are not UTF-8, the commonest legacy encoding of the web).

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// A page's text and how it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text.
    pub text: String,
    /// The encoding used (its WHATWG name).
    pub encoding: &'static str,
    /// True when some bytes were not valid in it and became U+FFFD.
    pub lossy: bool,
}

/// Decodes a page. `declared` is a charset from outside the page (an HTTP `Content-Type`).
pub fn decode(bytes: &[u8], declared: Option<&str>) -> Decoded {
    let encoding = Encoding::for_bom(bytes)
        .map(|(e, _)| e)
        .or_else(|| declared.and_then(|l| Encoding::for_label(l.trim().as_bytes())))
        .or_else(|| sniff_meta(bytes));
    let encoding = match encoding {
        Some(e) => e,
        None if std::str::from_utf8(bytes).is_ok() => UTF_8,
        None => WINDOWS_1252,
    };
    let (text, used, lossy) = encoding.decode(bytes);
    Decoded {
        text: text.into_owned(),
        encoding: used.name(),
        lossy,
    }
}

/// The charset a page declares in its first 2 KB: `<meta charset="...">` or
/// `<meta http-equiv="Content-Type" content="text/html; charset=...">`.
fn sniff_meta(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(2048)];
    let mut at = 0;
    while let Some(pos) = find_ci(&head[at..], b"charset") {
        let mut i = at + pos + b"charset".len();
        while i < head.len() && matches!(head[i], b' ' | b'=' | b'"' | b'\'') {
            i += 1;
        }
        let start = i;
        while i < head.len()
            && (head[i].is_ascii_alphanumeric() || matches!(head[i], b'-' | b'_' | b':' | b'.'))
        {
            i += 1;
        }
        if i > start {
            if let Some(e) = Encoding::for_label(&head[start..i]) {
                // a page cannot really be UTF-16 if it declares so in ASCII
                return Some(
                    if e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE {
                        UTF_8
                    } else {
                        e
                    },
                );
            }
        }
        at = i.max(at + pos + 1);
    }
    None
}

/// Position of an ASCII needle in a haystack, ignoring ASCII case.
pub(crate) fn find_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legacy_pages_decode_by_their_declaration() {
        let page = b"<html><head><meta charset=\"windows-1252\"></head><body>caf\xe9 \x80 \x93</body></html>";
        let d = decode(page, None);
        assert_eq!(d.encoding, "windows-1252");
        assert!(d.text.contains("café € \u{201c}"));
        let page =
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">Se\xf1or";
        assert!(decode(page, None).text.contains("Señor"));
    }

    #[test]
    fn the_header_wins_and_utf8_is_the_default() {
        assert_eq!(decode("naïve".as_bytes(), None).encoding, "UTF-8");
        assert_eq!(decode(b"caf\xe9", None).text, "café");
        assert_eq!(
            decode(b"caf\xe9", Some("iso-8859-1")).encoding,
            "windows-1252"
        );
    }
}
