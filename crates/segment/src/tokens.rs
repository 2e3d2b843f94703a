//! The tokenizer: one pass over a section's bytes.

use newsgraph_doc::{Span, Token, TokenKind};
use newsgraph_lexicon::words::{alnum_run_end, for_each_alnum_run};

use crate::{AbbrevClass, SegmentLexicon};

/// Whether a word token is an abbreviation that carries its own final period.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Abbrev {
    /// Not an abbreviation (or no final period).
    #[default]
    No,
    /// An abbreviation of the given class; its token ends with the period.
    Yes(AbbrevClass),
}

/// What the sentence splitter needs to know of each token beyond its kind.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TokenFlags {
    /// Abbreviation with its period (`Gen.`, `U.S.`, `W.`).
    pub abbrev: Abbrev,
}

const RIGHT_SINGLE_QUOTE: char = '\u{2019}';
const LEFT_SINGLE_QUOTE: char = '\u{2018}';

#[inline]
fn char_at(text: &str, i: usize) -> char {
    // Callers only pass char boundaries inside the text.
    text[i..].chars().next().unwrap_or('\0')
}

/// True for `'` or `’` at `i`; returns its length in bytes.
#[inline]
fn apostrophe_len(bytes: &[u8], i: usize) -> Option<usize> {
    match bytes.get(i) {
        Some(b'\'') => Some(1),
        Some(0xE2) if bytes.get(i + 1) == Some(&0x80) && bytes.get(i + 2) == Some(&0x99) => Some(3),
        _ => None,
    }
}

#[inline]
fn is_alnum_at(text: &str, i: usize, end: usize) -> bool {
    i < end && {
        let b = text.as_bytes()[i];
        if b < 0x80 {
            b.is_ascii_alphanumeric()
        } else {
            char_at(text, i).is_alphanumeric()
        }
    }
}

/// The token and flag vectors, which grow together.
struct Sink<'a> {
    out: &'a mut Vec<Token>,
    flags: &'a mut Vec<TokenFlags>,
}

impl Sink<'_> {
    #[inline(always)]
    fn push(&mut self, s: usize, e: usize, kind: TokenKind, f: TokenFlags) {
        // Offsets come from a section span, itself a valid `Span`: both fit in u32, s <= e.
        self.out.push(Token {
            span: Span {
                start: s as u32,
                end: e as u32,
            },
            kind,
        });
        self.flags.push(f);
    }
}

/// Appends the tokens of `span` to `out` and their flags to `flags` (which stay the same length).
///
/// Only whitespace is left between tokens: every other character of the span is in a token.
pub fn tokenize(
    text: &str,
    span: Span,
    lexicon: &SegmentLexicon,
    out: &mut Vec<Token>,
    flags: &mut Vec<TokenFlags>,
) {
    let bytes = text.as_bytes();
    let (start, end) = (span.start as usize, span.end as usize);
    // About one token per five bytes of news text; reserving up front keeps pushes cheap.
    out.reserve(end.saturating_sub(start) / 4 + 1);
    flags.reserve(end.saturating_sub(start) / 4 + 1);
    let mut sink = Sink { out, flags };
    let mut push = |s: usize, e: usize, kind: TokenKind, f: TokenFlags| sink.push(s, e, kind, f);
    let section = Scanner {
        text,
        start,
        end,
        lexicon,
    };
    // The runs of ASCII letters and digits come from bit masks of whole blocks, so that finding
    // where a word ends is no chain of loads and branches from the word before. Most runs are
    // plain words between spaces and marks like `,`: they are pushed as they are. Everything
    // else (numbers, abbreviations, clitics, marks, non-ASCII text) goes through `scan`.
    let mut pos = start;
    let Some(inside) = bytes.get(start..end) else {
        return;
    };
    for_each_alnum_run(inside, |run_start, run_end| {
        let (run_start, run_end) = (run_start + start, run_end + start);
        if run_end <= pos {
            return true; // taken in by a token before
        }
        if run_start > pos {
            pos = if run_start == pos + 1 && bytes[pos] == b' ' {
                run_start
            } else {
                section.scan(pos, run_start, &mut push)
            };
        }
        if pos == run_start
            && bytes[run_start].is_ascii_alphabetic()
            && (run_end == end || ENDS_WORD[usize::from(bytes[run_end])])
        {
            push(run_start, run_end, TokenKind::Word, TokenFlags::default());
            pos = run_end;
        } else if pos < run_end {
            pos = section.scan(pos, run_end, &mut push);
        }
        true
    });
    section.scan(pos, end, &mut push);
}

/// A section being tokenized.
struct Scanner<'t> {
    text: &'t str,
    start: usize,
    end: usize,
    lexicon: &'t SegmentLexicon,
}

impl Scanner<'_> {
    /// Tokenizes from `i` on, one token at a time, until a token ends at or after `until`;
    /// returns where the last token ended (or `until`, after whitespace).
    fn scan(
        &self,
        mut i: usize,
        until: usize,
        push: &mut impl FnMut(usize, usize, TokenKind, TokenFlags),
    ) -> usize {
        let Scanner {
            text,
            start,
            end,
            lexicon,
        } = *self;
        let bytes = text.as_bytes();
        while i < until {
            let b = bytes[i];
            if b.is_ascii_whitespace() {
                i += 1;
                continue;
            }
            if b.is_ascii_digit() {
                let e = number_end(text, i, end);
                push(i, e, TokenKind::Number, TokenFlags::default());
                i = e;
                continue;
            }
            let c = if b < 0x80 {
                b as char
            } else {
                char_at(text, i)
            };
            let len = c.len_utf8();
            // Curly quotes and dashes, the common non-ASCII characters of news text, skip the
            // Unicode tables.
            let punctuation = is_punctuation(c);
            if !punctuation && c.is_whitespace() {
                i += len;
                continue;
            }
            if !punctuation && c.is_alphanumeric() {
                i = word(text, i, end, lexicon, push);
                continue;
            }
            let after_space = i == start || bytes[i - 1].is_ascii_whitespace();
            if (c == '\'' || c == RIGHT_SINGLE_QUOTE || c == LEFT_SINGLE_QUOTE) && after_space {
                if let Some(e) = decade_end(text, i + len, end) {
                    push(i, e, TokenKind::Number, TokenFlags::default());
                    i = e;
                    continue;
                }
                // rock 'n' roll
                if bytes.get(i + len) == Some(&b'n') {
                    if let Some(q) = apostrophe_len(bytes, i + len + 1) {
                        let e = i + len + 1 + q;
                        if e == end || (e < end && bytes[e].is_ascii_whitespace()) {
                            push(i, e, TokenKind::Word, TokenFlags::default());
                            i = e;
                            continue;
                        }
                    }
                }
            }
            let (e, kind) = match c {
                '.' | '-' | '!' | '?' => {
                    // Runs of the same mark are one token: "...", "--", "?!".
                    let mut e = i + 1;
                    while e < end
                        && (bytes[e] == b
                            || (b != b'.' && b != b'-' && matches!(bytes[e], b'!' | b'?')))
                    {
                        e += 1;
                    }
                    (e, TokenKind::Punct)
                }
                '$' | '%' | '#' | '@' | '&' | '+' | '=' | '<' | '>' | '^' | '|' | '~' | '*'
                | '`' => (i + 1, TokenKind::Symbol),
                c if c.is_ascii_punctuation() => (i + 1, TokenKind::Punct),
                c if is_punctuation(c) => (i + len, TokenKind::Punct),
                _ => (i + len, TokenKind::Symbol),
            };
            push(i, e, kind, TokenFlags::default());
            i = e;
        }
        i
    }
}

/// True for each byte that ends a word and can start no part of it: whitespace and ASCII marks
/// other than `.`, `-` and `'` (which may join a word or an abbreviation).
static ENDS_WORD: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = c.is_ascii_whitespace()
            || (c.is_ascii_punctuation() && c != b'.' && c != b'-' && c != b'\'');
        b += 1;
    }
    table
};

/// Non-ASCII punctuation: quote marks, dashes, ellipsis, guillemets and the like.
fn is_punctuation(c: char) -> bool {
    matches!(c, '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}' | '«' | '»' | '¡' | '¿' | '·' | '§' | '¶')
}

/// End of a number starting at `i`: digits with inner `.`/`,` groups, and an ordinal or plural
/// suffix (`1990s`, `3rd`). Other letters glued to it are left for the next token (`65billion`).
fn number_end(text: &str, i: usize, end: usize) -> usize {
    let bytes = text.as_bytes();
    let mut j = i;
    loop {
        while j < end && bytes[j].is_ascii_digit() {
            j += 1;
        }
        if j + 1 < end && matches!(bytes[j], b'.' | b',') && bytes[j + 1].is_ascii_digit() {
            j += 1;
            continue;
        }
        break;
    }
    let mut k = j;
    while k < end && bytes[k].is_ascii_alphabetic() {
        k += 1;
    }
    let suffix = &text[j..k];
    let ordinal = ["s", "st", "nd", "rd", "th"]
        .iter()
        .any(|s| suffix.eq_ignore_ascii_case(s));
    if ordinal && !is_alnum_at(text, k, end) {
        k
    } else {
        j
    }
}

/// `'90s`: two digits and an optional `s` after an apostrophe at `i - len`.
fn decade_end(text: &str, i: usize, end: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    if i + 2 > end || !bytes[i].is_ascii_digit() || !bytes[i + 1].is_ascii_digit() {
        return None;
    }
    let mut e = i + 2;
    if e < end && bytes[e] == b's' {
        e += 1;
    }
    (!is_alnum_at(text, e, end)).then_some(e)
}

/// Scans a word starting at `i`, pushes it (and a split-off clitic), returns where it ends.
fn word(
    text: &str,
    i: usize,
    end: usize,
    lexicon: &SegmentLexicon,
    push: &mut impl FnMut(usize, usize, TokenKind, TokenFlags),
) -> usize {
    let bytes = text.as_bytes();
    let mut j = i;
    let mut inner_period = false;
    let mut clitic: Option<(usize, usize)> = None; // a clitic that follows the word
    loop {
        loop {
            j = alnum_run_end(bytes, j, end);
            if j < end && bytes[j] >= 0x80 {
                let c = char_at(text, j);
                if c.is_alphanumeric() {
                    j += c.len_utf8();
                    continue;
                }
            }
            break;
        }
        if j >= end {
            break;
        }
        let b = bytes[j];
        if (b == b'.' || b == b'-') && is_alnum_at(text, j + 1, end) {
            inner_period |= b == b'.';
            j += 1;
            continue;
        }
        if let Some(alen) = apostrophe_len(bytes, j) {
            let after = j + alen;
            let mut k = after;
            while k < end && bytes[k].is_ascii_alphabetic() {
                k += 1;
            }
            let rest = &text[after..k];
            let word_ends = !is_alnum_at(text, k, end);
            let is_clitic = ["s", "re", "ve", "ll", "d", "m"]
                .iter()
                .any(|c| rest.eq_ignore_ascii_case(c));
            if word_ends && is_clitic {
                clitic = Some((j, k));
            } else if word_ends
                && rest.eq_ignore_ascii_case("t")
                && j >= i + 2
                && matches!(bytes[j - 1], b'n' | b'N')
            {
                clitic = Some((j - 1, k));
            } else if !rest.is_empty() {
                j = k; // O'Brien, o'clock
                continue;
            }
        }
        break;
    }
    let word_end = clitic.map_or(j, |(s, _)| s);
    let word = &text[i..word_end];
    let mut flags = TokenFlags::default();
    let mut e = word_end;
    let period_follows =
        clitic.is_none() && e < end && bytes[e] == b'.' && !(e + 1 < end && bytes[e + 1] == b'.');
    if period_follows {
        let class = if inner_period && word.split('.').all(|part| part.chars().count() <= 3) {
            Some(AbbrevClass::Other) // U.S., a.m., Ph.D.
        } else if let Some(class) = lexicon.abbreviation(word) {
            Some(class)
        } else {
            let mut chars = word.chars();
            matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase())
                .then_some(AbbrevClass::Other) // an initial: George W. Bush
        };
        if let Some(class) = class {
            flags.abbrev = Abbrev::Yes(class);
            e += 1;
        }
    }
    push(i, e, TokenKind::Word, flags);
    match clitic {
        Some((s, c_end)) => {
            push(s, c_end, TokenKind::Clitic, TokenFlags::default());
            c_end
        }
        None => e,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<(&str, TokenKind)> {
        let lex = SegmentLexicon::embedded().unwrap();
        let (mut out, mut flags) = (Vec::new(), Vec::new());
        tokenize(text, Span::new(0, text.len()), &lex, &mut out, &mut flags);
        assert_eq!(out.len(), flags.len());
        out.iter().map(|t| (&text[t.span], t.kind)).collect()
    }

    fn words(text: &str) -> Vec<&str> {
        toks(text).into_iter().map(|(w, _)| w).collect()
    }

    #[test]
    fn table() {
        use TokenKind::*;
        let cases: &[(&str, &[&str])] = &[
            (
                "the U.S. and U.N. said",
                &["the", "U.S.", "and", "U.N.", "said"],
            ),
            ("Mr. Ortiz, Gen. Lee", &["Mr.", "Ortiz", ",", "Gen.", "Lee"]),
            ("George W. Bush", &["George", "W.", "Bush"]),
            (
                "$65billion and 2.3 million",
                &["$", "65", "billion", "and", "2.3", "million"],
            ),
            ("some 200,000 people", &["some", "200,000", "people"]),
            (
                "in the 1990s and the '90s",
                &["in", "the", "1990s", "and", "the", "'90s"],
            ),
            ("the ’80s", &["the", "’80s"]),
            ("Ortiz's plan", &["Ortiz", "'s", "plan"]),
            ("Ortiz’s plan", &["Ortiz", "’s", "plan"]),
            ("don't, can't", &["do", "n't", ",", "ca", "n't"]),
            (
                "O'Brien at six o'clock",
                &["O'Brien", "at", "six", "o'clock"],
            ),
            ("rock 'n' roll", &["rock", "'n'", "roll"]),
            ("a six-year term", &["a", "six-year", "term"]),
            ("wait... what", &["wait", "...", "what"]),
            ("end.'", &["end", ".", "'"]),
            ("“Stop!” she said", &["“", "Stop", "!", "”", "she", "said"]),
            ("10 per cent — 5%", &["10", "per", "cent", "—", "5", "%"]),
            ("5 p.m. today", &["5", "p.m.", "today"]),
            ("example.com.", &["example.com", "."]),
            ("São Paulo", &["São", "Paulo"]),
            ("what?!", &["what", "?!"]),
            ("Acme Inc.", &["Acme", "Inc."]),
            ("the 3rd", &["the", "3rd"]),
        ];
        for (text, want) in cases {
            assert_eq!(&words(text), want, "tokenizing {text:?}");
        }
        assert_eq!(toks("'s")[0].1, Punct);
        assert_eq!(toks("Ortiz's")[1].1, Clitic);
        assert_eq!(toks("$5")[0].1, Symbol);
    }

    /// Tokens from the generic scanner alone, with no fast path for plain words.
    fn scanned(text: &str) -> Vec<(Span, TokenKind, TokenFlags)> {
        let lex = SegmentLexicon::embedded().unwrap();
        let (mut out, mut flags) = (Vec::new(), Vec::new());
        let mut sink = Sink {
            out: &mut out,
            flags: &mut flags,
        };
        let scanner = Scanner {
            text,
            start: 0,
            end: text.len(),
            lexicon: &lex,
        };
        scanner.scan(0, text.len(), &mut |s, e, k, f| sink.push(s, e, k, f));
        out.iter()
            .zip(flags)
            .map(|(t, f)| (t.span, t.kind, f))
            .collect()
    }

    fn tokenized(text: &str) -> Vec<(Span, TokenKind, TokenFlags)> {
        let lex = SegmentLexicon::embedded().unwrap();
        let (mut out, mut flags) = (Vec::new(), Vec::new());
        tokenize(text, Span::new(0, text.len()), &lex, &mut out, &mut flags);
        out.iter()
            .zip(flags)
            .map(|(t, f)| (t.span, t.kind, f))
            .collect()
    }

    #[test]
    fn plain_words_next_to_marks_and_other_scripts() {
        let cases: &[(&str, &[&str])] = &[
            ("word,word;and-so", &["word", ",", "word", ";", "and-so"]),
            ("naïve café’s", &["naïve", "café", "’s"]),
            ("AT&T's 5G", &["AT", "&", "T", "'s", "5", "G"]),
            ("école. «Oui»", &["école", ".", "«", "Oui", "»"]),
            ("x\u{a0}y\tz", &["x", "y", "z"]),
        ];
        for (text, want) in cases {
            assert_eq!(&words(text), want, "tokenizing {text:?}");
        }
    }

    proptest::proptest! {
        /// The fast path for plain words gives exactly the tokens of the generic scanner, on
        /// text made of the pieces where the two part ways: marks that join words, clitics,
        /// numbers, abbreviations, non-ASCII letters and spaces, at every alignment.
        #[test]
        fn the_fast_path_agrees_with_the_scanner(
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                "word", "Ortiz", "U.S.", "Gen.", "e-mail", "'s", "’s", "n't", "don't", "'90s",
                "'n'", "65billion", "2.3", "200,000", "3rd", ".", "...", ",", "-", "--", "!?",
                "’", "“", "”", "é", "São", "naïve", " ", " ", "  ", "\n", "\u{a0}", "(", ")",
                "$", "x", "W.", "Inc.", "a", "longerwordthanablockoftextcanholdintheory",
            ]), 0..40)
        ) {
            let text: String = pieces.concat();
            proptest::prop_assert_eq!(tokenized(&text), scanned(&text), "{:?}", text);
        }
    }

    #[test]
    fn abbreviations_are_flagged() {
        let lex = SegmentLexicon::embedded().unwrap();
        let text = "Jan. 5 Gen. Ruiz U.S. W. Bush end.";
        let (mut out, mut flags) = (Vec::new(), Vec::new());
        tokenize(text, Span::new(0, text.len()), &lex, &mut out, &mut flags);
        let got: Vec<(&str, Abbrev)> = out
            .iter()
            .zip(&flags)
            .map(|(t, f)| (&text[t.span], f.abbrev))
            .collect();
        use AbbrevClass::*;
        assert_eq!(
            got,
            [
                ("Jan.", Abbrev::Yes(Month)),
                ("5", Abbrev::No),
                ("Gen.", Abbrev::Yes(Title)),
                ("Ruiz", Abbrev::No),
                ("U.S.", Abbrev::Yes(Other)),
                ("W.", Abbrev::Yes(Other)),
                ("Bush", Abbrev::No),
                ("end", Abbrev::No),
                (".", Abbrev::No),
            ]
        );
    }
}
