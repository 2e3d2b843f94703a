//! Sentence boundaries over the tokens of one section.

use newsgraph_doc::{Sentence, Span, Token, TokenKind};

use crate::tokens::{Abbrev, TokenFlags};
use crate::{AbbrevClass, SegmentLexicon};

/// What may end a sentence at a token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ender {
    /// `.`, `!`, `?`, an ellipsis.
    Mark,
    /// An abbreviation carrying its own period.
    Abbrev(AbbrevClass),
}

/// Splits `tokens[first..]`, the tokens of section `section`, into sentences appended to `out`.
pub fn split_sentences(
    text: &str,
    tokens: &[Token],
    flags: &[TokenFlags],
    first: usize,
    section: u32,
    lexicon: &SegmentLexicon,
    out: &mut Vec<Sentence>,
) {
    let n = tokens.len();
    let mut push = |from: usize, to: usize| {
        out.push(Sentence {
            span: Span {
                start: tokens[from].span.start,
                end: tokens[to - 1].span.end,
            },
            section,
            first_token: from as u32,
            end_token: to as u32,
        });
    };
    let mut start = first;
    let mut k = first;
    while k < n {
        let Some(ender) = ender(text, &tokens[k], flags[k]) else {
            k += 1;
            continue;
        };
        // Closing quote marks and brackets glued to the end mark belong to the sentence.
        let mut e = k;
        while e + 1 < n
            && tokens[e + 1].span.start == tokens[e].span.end
            && is_closer(&text[tokens[e + 1].span])
        {
            e += 1;
        }
        if e + 1 >= n {
            break;
        }
        let next = e + 1;
        let spaced = tokens[next].span.start > tokens[e].span.end;
        if spaced && opens_sentence(text, tokens, next, ender, lexicon) {
            push(start, next);
            start = next;
        }
        k = next;
    }
    if start < n {
        push(start, n);
    }
}

fn ender(text: &str, token: &Token, flags: TokenFlags) -> Option<Ender> {
    match (token.kind, flags.abbrev) {
        (TokenKind::Word, Abbrev::Yes(class)) => Some(Ender::Abbrev(class)),
        (TokenKind::Punct, _) => {
            let t = &text[token.span];
            let end = t.starts_with(['.', '!', '?']) || t == "\u{2026}";
            end.then_some(Ender::Mark)
        }
        _ => None,
    }
}

fn is_closer(t: &str) -> bool {
    matches!(t, "'" | "\"" | "\u{2019}" | "\u{201D}" | "»" | ")" | "]")
}

fn is_opener(t: &str) -> bool {
    matches!(t, "'" | "\"" | "\u{2018}" | "\u{201C}" | "«" | "(" | "[")
}

fn starts_upper_or_digit(t: &str) -> bool {
    t.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// Whether the token at `next` can open a sentence after `ender`.
fn opens_sentence(
    text: &str,
    tokens: &[Token],
    next: usize,
    ender: Ender,
    lexicon: &SegmentLexicon,
) -> bool {
    let mut word = &text[tokens[next].span];
    if is_opener(word) {
        match tokens.get(next + 1) {
            Some(t) => word = &text[t.span],
            None => return false,
        }
    }
    match ender {
        Ender::Mark => {
            starts_upper_or_digit(word) || matches!(word, "$" | "£" | "€" | "¥" | "\u{2026}")
        }
        Ender::Abbrev(AbbrevClass::Title) => false,
        Ender::Abbrev(AbbrevClass::Month) if tokens[next].kind == TokenKind::Number => false,
        Ender::Abbrev(_) => lexicon.is_starter(word),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    fn sentences(text: &str) -> Vec<&str> {
        let lex = SegmentLexicon::embedded().unwrap();
        let (mut tokens, mut flags, mut out) = (Vec::new(), Vec::new(), Vec::new());
        tokenize(
            text,
            Span::new(0, text.len()),
            &lex,
            &mut tokens,
            &mut flags,
        );
        split_sentences(text, &tokens, &flags, 0, 0, &lex, &mut out);
        out.iter().map(|s| &text[s.span]).collect()
    }

    #[test]
    fn table() {
        let cases: &[(&str, &[&str])] = &[
            (
                "It rained. Then it stopped.",
                &["It rained.", "Then it stopped."],
            ),
            (
                "Aid came from the U.S., Japan and others. It helped.",
                &["Aid came from the U.S., Japan and others.", "It helped."],
            ),
            (
                "Talks with the U.S. The envoy left.",
                &["Talks with the U.S.", "The envoy left."],
            ),
            (
                "Gen. Ruiz and Mr. Tan met Dr. Obi.",
                &["Gen. Ruiz and Mr. Tan met Dr. Obi."],
            ),
            (
                "It began on Jan. 23 in St. Louis.",
                &["It began on Jan. 23 in St. Louis."],
            ),
            ("Harold T. Finch spoke.", &["Harold T. Finch spoke."]),
            (
                "The rate was 3.5 per cent. Prices rose.",
                &["The rate was 3.5 per cent.", "Prices rose."],
            ),
            (
                "He said: 'It is over.' Then he left.",
                &["He said: 'It is over.'", "Then he left."],
            ),
            (
                "“Why?” she asked. “Because.”",
                &["“Why?” she asked.", "“Because.”"],
            ),
            ("'Why?' she asked.", &["'Why?' she asked."]),
            (
                "We waited... Nothing came.",
                &["We waited...", "Nothing came."],
            ),
            ("We waited... and waited.", &["We waited... and waited."]),
            ("Acme Inc. The firm grew.", &["Acme Inc.", "The firm grew."]),
            (
                "Acme Inc. Chief Tom Ray quit.",
                &["Acme Inc. Chief Tom Ray quit."],
            ),
            (
                "It cost $5m. $3m was paid.",
                &["It cost $5m.", "$3m was paid."],
            ),
            ("No end mark here", &["No end mark here"]),
            (
                "Hurry! (They did.) Done.",
                &["Hurry!", "(They did.)", "Done."],
            ),
            (
                "It ended at 5 p.m. Police left.",
                &["It ended at 5 p.m.", "Police left."],
            ),
            (
                "Stay strong. We are with you.",
                &["Stay strong.", "We are with you."],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(&sentences(text), want, "splitting {text:?}");
        }
    }
}
