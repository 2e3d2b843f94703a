//! Lines of a raw article and their shape.

use newsgraph_doc::Span;

/// A non-blank line, trimmed of surrounding whitespace.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Line {
    pub span: Span,
    /// A blank line (or the start of the text) comes before it.
    pub blank_before: bool,
    /// Number of whitespace-separated words.
    pub words: u32,
}

/// The non-blank lines of `text`, in one pass.
pub(crate) fn split_lines(text: &str) -> Vec<Line> {
    let mut lines = Vec::with_capacity(text.len() / 120 + 1);
    let mut blank_before = true;
    let mut start = 0;
    for end in memchr::memchr_iter(b'\n', text.as_bytes()).chain(std::iter::once(text.len())) {
        if start > text.len() {
            break;
        }
        let raw = &text[start..end];
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            blank_before = true;
        } else {
            let s = start + (raw.len() - raw.trim_start().len());
            lines.push(Line {
                span: Span::new(s, s + trimmed.len()),
                blank_before,
                words: u32::try_from(word_count(trimmed)).unwrap_or(u32::MAX),
            });
            blank_before = false;
        }
        start = end + 1;
    }
    lines
}

/// Number of words separated by ASCII whitespace or no-break spaces.
///
/// A branch-free pass over the bytes; a no-break space (rare) takes a slower path.
pub(crate) fn word_count(t: &str) -> usize {
    let bytes = t.as_bytes();
    // Word starts: a non-space right after a space. Counted over byte pairs in chunks of 255
    // into a u8, with no branch and no loop-carried state, so that it compiles to SIMD. The
    // same pass looks for a no-break space (C2 A0), which takes the slow path.
    let space = |b: u8| (b == b' ') | (b.wrapping_sub(b'\t') < 5);
    let first = bytes.first().is_some_and(|&b| !space(b));
    let (Some(before), Some(after)) = (bytes.get(..bytes.len().wrapping_sub(1)), bytes.get(1..))
    else {
        return usize::from(first);
    };
    let (mut starts, mut no_break) = (0, false);
    for (a, b) in before.chunks(255).zip(after.chunks(255)) {
        let (mut chunk, mut nbsp) = (0u8, false);
        for (&x, &y) in a.iter().zip(b) {
            chunk += u8::from(space(x) & !space(y));
            nbsp |= (x == 0xC2) & (y == 0xA0);
        }
        starts += usize::from(chunk);
        no_break |= nbsp;
    }
    if no_break {
        return t
            .split(|c: char| c.is_ascii_whitespace() || c == '\u{a0}')
            .filter(|w| !w.is_empty())
            .count();
    }
    usize::from(first) + starts
}

/// True when a line ends like a finished sentence: `.`, `!`, `?`, `…`, or a closing quote or
/// bracket.
pub(crate) fn ends_with_terminal(t: &str) -> bool {
    t.ends_with([
        '.', '!', '?', '\'', '"', ')', '\u{2019}', '\u{201D}', '\u{2026}', ':', ';',
    ])
}

/// True when body paragraphs follow each other without blank lines, as in many scraped pages:
/// then a line standing alone between blank lines is a sign of a caption.
///
/// Only prose lines (eight words or more, not bullets) are counted, so a list does not make a
/// blank-separated text look dense.
pub(crate) fn is_dense(text: &str, lines: &[Line]) -> bool {
    let prose =
        |l: &Line| l.words >= 8 && !text[l.span].starts_with(['-', '*', '\u{2022}', '\u{00B7}']);
    let (mut counted, mut adjacent) = (0, 0);
    for pair in lines.windows(2) {
        if prose(&pair[1]) {
            counted += 1;
            adjacent += usize::from(!pair[1].blank_before && prose(&pair[0]));
        }
    }
    counted >= 3 && adjacent * 100 >= counted * 35
}

/// True when the text is hard-wrapped: most lines are 40 to 80 columns, none is very long, and
/// most lines followed by another line break off mid-sentence.
pub(crate) fn is_hard_wrapped(text: &str, lines: &[Line]) -> bool {
    if lines.len() < 6 {
        return false;
    }
    let (mut in_band, mut adjacent, mut broken) = (0, 0, 0);
    for (i, l) in lines.iter().enumerate() {
        let t = &text[l.span];
        // A character is at most four bytes: a longer line has over 100 of them.
        if t.len() > 400 {
            return false;
        }
        let chars = t.chars().count();
        if chars > 100 {
            return false;
        }
        if (40..=80).contains(&chars) {
            in_band += 1;
        }
        if lines.get(i + 1).is_some_and(|n| !n.blank_before) {
            adjacent += 1;
            broken += usize::from(!ends_with_terminal(t));
        }
    }
    in_band * 100 >= lines.len() * 60 && adjacent > 0 && broken * 100 >= adjacent * 50
}

/// True when `next` carries on the sentence `prev` left unfinished: `prev` ends without
/// punctuation and `next` starts in lowercase.
pub(crate) fn continues_sentence(prev: &str, next: &str) -> bool {
    !ends_with_terminal(prev) && next.chars().next().is_some_and(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_words_across_ascii_and_no_break_spaces() {
        assert_eq!(word_count(""), 0);
        assert_eq!(word_count("  one\ttwo \n three  "), 3);
        assert_eq!(word_count("10\u{a0}km south"), 3);
        // Latin-1 letters and signs share the C2/C3 lead bytes with the no-break space.
        assert_eq!(word_count("caf\u{e9} \u{a9} \u{e0}\u{a0}la"), 4);
    }
}
