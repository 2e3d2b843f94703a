//! Quote marks: which `'`, `’`, `"` open or close a quotation and which are apostrophes, and
//! the quoted regions they enclose.
//!
//! British outlets quote with single marks, so an apostrophe (`Maduro's`, `don't`, `the '90s`,
//! `rock 'n' roll`, `Venezuelans' oil`) must never open or close a quote. Marks are read by
//! what stands on each side of them, then paired per paragraph: an outer quote of one family
//! (single or double) is closed only by a closing mark of the same family, so the other family
//! may nest inside it. A paragraph that leaves a quote open continues into the next one when
//! that paragraph opens with a mark of the same family (the newspaper convention for quotes
//! running over several paragraphs). A double quote left open otherwise ends with its
//! paragraph; a single one was an apostrophe after all, and is dropped.

use newsgraph_doc::Span;

/// Single (`'`, `‘`, `’`) or double (`"`, `“`, `”`) quote marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Family {
    Single,
    Double,
}

/// One quote mark that may open or close a quote.
#[derive(Clone, Copy, Debug)]
struct Mark {
    /// Byte offset of the mark.
    at: usize,
    /// Its length in bytes.
    len: usize,
    family: Family,
    open: bool,
    close: bool,
    /// A closing single mark after `s` (`Venezuelans'`), which may be a plural possessive.
    after_s: bool,
}

/// One quoted region of a paragraph: the words between the marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Region {
    /// The quoted words, trimmed, without the marks.
    pub span: Span,
    /// Byte offset of the opening mark (of the paragraph start, for a continued quote).
    pub open_at: usize,
    /// One past the closing mark (the paragraph end, for a quote left open).
    pub close_end: usize,
    /// The quote goes on in the next region (its next paragraph).
    pub continues: bool,
}

fn mark_at(text: &str, i: usize) -> Option<(char, Family)> {
    let c = text[i..].chars().next()?;
    let family = match c {
        '\'' | '\u{2018}' | '\u{2019}' => Family::Single,
        '"' | '\u{201C}' | '\u{201D}' => Family::Double,
        _ => return None,
    };
    Some((c, family))
}

/// True for characters after which a quote may open: start, space, brackets, dashes, marks.
fn opens_after(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(
                    c,
                    '(' | '['
                        | '{'
                        | '-'
                        | '\u{2013}'
                        | '\u{2014}'
                        | '"'
                        | '\u{201C}'
                        | '\u{2018}'
                        | '\''
                        | ':'
                        | '/'
                )
        }
    }
}

/// The marks of `[start, end)` that may open or close a quote.
fn marks(text: &str, start: usize, end: usize) -> Vec<Mark> {
    let mut out = Vec::new();
    let slice = &text[start..end];
    // Jump from candidate byte to candidate byte: `'`, `"`, and the lead byte of the curly
    // marks (U+2018..U+201D all start with 0xE2).
    for off in memchr::memchr3_iter(b'\'', b'"', 0xE2, slice.as_bytes()) {
        let at = start + off;
        let Some((c, family)) = mark_at(text, at) else {
            continue;
        };
        let len = c.len_utf8();
        let prev = slice[..off].chars().next_back();
        let next = slice[off + len..].chars().next();
        let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        // Inside a word: `don't`, `Maduro's`, `O'Brien`.
        if alnum(prev) && alnum(next) {
            continue;
        }
        let rest = &slice[off + len..];
        if family == Family::Single {
            // `'90s`, `’80s`, `'n'`, `'em`, `'til`, `'cause`.
            let b = rest.as_bytes();
            let decade = b.len() >= 2 && b[0].is_ascii_digit() && b[1].is_ascii_digit();
            let elision = ["n'", "n\u{2019}", "em ", "til ", "cause "]
                .iter()
                .any(|e| rest.starts_with(e));
            if (decade || elision) && opens_after(prev) {
                continue;
            }
            // The closing mark of `'n'`.
            let after_n = slice[..off]
                .strip_suffix('n')
                .is_some_and(|b| b.ends_with(['\'', '\u{2018}', '\u{2019}']));
            if after_n {
                continue;
            }
        }
        let space_next = next.is_none_or(|c| c.is_whitespace() || c.is_ascii_punctuation());
        let (open, close) = match c {
            '\u{201C}' => (true, false),
            '\u{201D}' => (false, true),
            '\u{2018}' => (
                opens_after(prev) && !next.is_none_or(char::is_whitespace),
                false,
            ),
            _ => {
                let open = opens_after(prev) && next.is_some_and(|c| !c.is_whitespace());
                let close = !opens_after(prev) && space_next;
                // A right mark used as an opener (`’Stay`) still opens after a space.
                (open, close)
            }
        };
        if open || close {
            out.push(Mark {
                at,
                len,
                family,
                open,
                close,
                // `members’ wages`: a possessive has a word after it, not a stop.
                after_s: family == Family::Single
                    && matches!(prev, Some('s' | 'S'))
                    && next.is_some_and(char::is_whitespace),
            });
        }
    }
    out
}

/// The quoted regions of the paragraphs `paras` (byte spans of the text, in order).
pub(crate) fn regions(text: &str, paras: &[Span]) -> Vec<Region> {
    let mut out = Vec::new();
    // A quote left open at the end of the previous paragraph, by family.
    let mut carried: Option<Family> = None;
    for (p, para) in paras.iter().enumerate() {
        let (start, end) = (para.start as usize, para.end as usize);
        let ms = marks(text, start, end);
        let mut open: Option<(Family, usize, usize)> = None; // family, mark at, content start
        let mut k = 0;
        if let Some(family) = carried.take() {
            // The continued paragraph opens with its own mark of the same family.
            if let Some(m) = ms.first().filter(|m| m.family == family && m.open) {
                if text[start..m.at].trim().is_empty() {
                    open = Some((family, start, m.at + m.len));
                    k = 1;
                }
            }
        }
        // Marks of the open quote's family opened inside it (`“... ‘... “Mum,” ...’ ...”`).
        let mut depth = 0usize;
        while k < ms.len() {
            let m = ms[k];
            k += 1;
            match open {
                None if m.open => {
                    open = Some((m.family, m.at, m.at + m.len));
                    depth = 0;
                }
                Some((family, _, _)) if m.family == family && m.open && !m.close => depth += 1,
                Some((family, _, _)) if m.family == family && m.close && depth > 0 => depth -= 1,
                Some((family, at, from)) if m.family == family && m.close => {
                    // `Venezuelans' oil` is a possessive when a later mark can close the quote.
                    if m.after_s
                        && ms[k..]
                            .iter()
                            .take_while(|n| !(n.family == family && n.open && !n.close))
                            .any(|n| n.family == family && n.close)
                    {
                        continue;
                    }
                    push(text, &mut out, at, from, m.at, m.at + m.len, false);
                    open = None;
                }
                _ => {}
            }
        }
        if let Some((family, at, from)) = open {
            let next_opens = paras.get(p + 1).is_some_and(|n| {
                let t = text[n.start as usize..n.end as usize].trim_start();
                mark_at(t, 0).is_some_and(|(c, f)| {
                    f == family && !matches!(c, '\u{201D}') && t.len() > c.len_utf8()
                })
            });
            if next_opens {
                push(text, &mut out, at, from, end, end, true);
                carried = Some(family);
            } else if family == Family::Double {
                // A quote that never closes ends at its attribution when it has one (`“We
                // were promised homes, said Ana Ruiz, ...`), else at the paragraph end.
                let to = attribution_in(&text[from..end]).map_or(end, |i| from + i);
                push(text, &mut out, at, from, to, to, false);
            }
        }
    }
    out
}

/// In the words of an unclosed quote, the end of a `,` that starts an attribution: `, said
/// Ana`, `, says the mayor`.
fn attribution_in(words: &str) -> Option<usize> {
    [", said ", ", says "].iter().find_map(|cue| {
        let i = words.find(cue)?;
        let next = words[i + cue.len()..].chars().next()?;
        (next.is_uppercase() || words[i + cue.len()..].starts_with("the ")).then_some(i + 1)
    })
}

fn push(
    text: &str,
    out: &mut Vec<Region>,
    open_at: usize,
    from: usize,
    to: usize,
    close_end: usize,
    continues: bool,
) {
    let inner = &text[from..to];
    let lead = inner.len() - inner.trim_start().len();
    let trail = inner.len() - inner.trim_end().len();
    let (s, e) = (from + lead, to - trail);
    if s < e {
        out.push(Region {
            span: Span::new(s, e),
            open_at,
            close_end,
            continues,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<&str> {
        let paras: Vec<Span> = {
            let mut v = Vec::new();
            let mut at = 0;
            for line in text.split('\n') {
                if !line.is_empty() {
                    v.push(Span::new(at, at + line.len()));
                }
                at += line.len() + 1;
            }
            v
        };
        regions(text, &paras)
            .iter()
            .map(|r| &text[r.span.start as usize..r.span.end as usize])
            .collect()
    }

    #[test]
    fn apostrophes_never_open_or_close() {
        let t = "The mayor's aides don't expect rock 'n' roll from the '90s to return to the \
                 farmers' market.";
        assert!(quoted(t).is_empty(), "{:?}", quoted(t));
        assert_eq!(
            quoted("'We won't go,' said the union's leader, 'until the workers' pay rises.'"),
            ["We won't go,", "until the workers' pay rises."]
        );
    }

    #[test]
    fn curly_straight_single_and_double() {
        assert_eq!(quoted("He said: \u{201C}Enough.\u{201D}"), ["Enough."]);
        assert_eq!(quoted("He said: \"Enough.\""), ["Enough."]);
        assert_eq!(quoted("He said: \u{2018}Enough.\u{2019}"), ["Enough."]);
        assert_eq!(
            quoted("She called it a 'road to ruin' for the farmers' co-ops."),
            ["road to ruin"]
        );
    }

    #[test]
    fn nested_family_stays_inside() {
        assert_eq!(
            quoted("He said: 'They shouted \"go home\" at us.' Then he left."),
            ["They shouted \"go home\" at us."]
        );
    }

    #[test]
    fn quotes_continue_over_paragraphs() {
        let t = "'We will rebuild the bridge.\n'It will take two years,' she said.";
        let r = regions(t, &[Span::new(0, 28), Span::new(29, t.len())]);
        assert_eq!(r.len(), 2);
        assert!(r[0].continues && !r[1].continues);
    }

    #[test]
    fn unbalanced_marks_stay_in_their_paragraph() {
        let t = "He said \"the plan is dead.\nNothing else happened here.";
        assert_eq!(quoted(t), ["the plan is dead."]);
        assert!(quoted("It was the 'best of times.\nNo quote here.").is_empty());
    }
}
