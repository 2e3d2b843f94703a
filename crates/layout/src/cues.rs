//! The cue lists of the layout stage, loaded from `data/layout/` into matchers once.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use newsgraph_lexicon::words::WordPhrases;
use newsgraph_lexicon::{embedded, Lexicon, LexiconError};

/// How a boilerplate pattern matches a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum BoilerHow {
    Line,
    Prefix,
    Contains,
    End,
}

/// What a caption cue says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CaptionCue {
    Credit,
    Position,
    Verb,
    Report,
}

/// The boilerplate patterns.
#[derive(Debug, Clone)]
pub(crate) struct Boilerplate {
    /// Whole-line and prefix patterns by their first byte in lowercase, so that a line is
    /// compared with the few patterns that can match it.
    whole: Vec<Vec<(&'static str, BoilerHow)>>,
    contains: AhoCorasick,
}

/// The bucket of a line or pattern: its first byte in ASCII lowercase.
fn bucket(s: &str) -> usize {
    s.as_bytes()
        .first()
        .map_or(0, |b| usize::from(b.to_ascii_lowercase()))
}

/// Lines longer than this are never page furniture.
const MAX_BOILER_LEN: usize = 300;

impl Boilerplate {
    pub(crate) fn embedded() -> Result<Self, LexiconError> {
        let lex = Lexicon::parse(&embedded::BOILERPLATE)?;
        let mut whole = vec![Vec::new(); 256];
        let mut contains = Vec::new();
        for row in lex.rows() {
            let how = match row.fields.get(1).copied() {
                Some("line") => BoilerHow::Line,
                Some("prefix") => BoilerHow::Prefix,
                Some("contains") => BoilerHow::Contains,
                Some("end") => BoilerHow::End,
                other => {
                    return Err(row.error(
                        lex.file(),
                        format!("unknown match {other:?}: use line, prefix, contains or end"),
                    ))
                }
            };
            if how == BoilerHow::Contains {
                contains.push(row.fields[0]);
            } else {
                whole[bucket(row.fields[0])].push((row.fields[0], how));
            }
        }
        let contains = lowercase_matcher(&contains, lex.file())?;
        Ok(Boilerplate { whole, contains })
    }

    /// `Some(true)` for an end-of-story marker, `Some(false)` for other furniture.
    ///
    /// `scratch` holds a lowercased copy of the line; pass the same buffer for every line.
    pub(crate) fn classify(&self, line: &str, scratch: &mut Vec<u8>) -> Option<bool> {
        if line.len() > MAX_BOILER_LEN {
            return None;
        }
        // `(Reporting by ...; Editing by ...)`: a credit line in brackets
        let line = line
            .strip_prefix('(')
            .map_or(line, |l| l.strip_suffix(')').unwrap_or(l));
        // `Comments 14`, `Comments (14)`: a count after the words is no part of them
        let bare = line
            .trim_end_matches([':', ' ', '.'])
            .trim_end_matches(|c: char| c.is_ascii_digit() || matches!(c, '(' | ')' | ' '))
            .trim_end_matches([':', ' ']);
        for &(pattern, how) in &self.whole[bucket(line)] {
            let hit = match how {
                BoilerHow::Line | BoilerHow::End => bare.eq_ignore_ascii_case(pattern),
                BoilerHow::Prefix => starts_with_ignore_case(line, pattern),
                BoilerHow::Contains => false,
            };
            if hit {
                return Some(how == BoilerHow::End);
            }
        }
        self.contains
            .is_match(lowercased(line, scratch))
            .then_some(false)
    }
}

/// `line` in ASCII lowercase, copied into `scratch` (reused from line to line, so that no line
/// costs an allocation or a zeroed buffer).
fn lowercased<'s>(line: &str, scratch: &'s mut Vec<u8>) -> &'s [u8] {
    scratch.clear();
    scratch.extend_from_slice(line.as_bytes());
    scratch.make_ascii_lowercase();
    scratch
}

/// ASCII case-insensitive `starts_with`; also true when the pattern ends with a letter and the
/// line continues with a non-letter only (so `share` does not match `shared`).
pub(crate) fn starts_with_ignore_case(line: &str, prefix: &str) -> bool {
    let (l, p) = (line.as_bytes(), prefix.as_bytes());
    if l.len() < p.len() || !l[..p.len()].eq_ignore_ascii_case(p) {
        return false;
    }
    let word_prefix = p.last().is_some_and(|b| b.is_ascii_alphanumeric());
    !(word_prefix && l.get(p.len()).is_some_and(|b| b.is_ascii_alphanumeric()))
}

/// Lines longer than this are never captions.
pub(crate) const MAX_CAPTION_LEN: usize = 1200;

/// The caption cue matcher.
#[derive(Debug, Clone)]
pub(crate) struct CaptionCues {
    matcher: WordPhrases,
    kinds: Vec<CaptionCue>,
    /// The credit and position cues in lowercase, matched anywhere: a fast test that rules out
    /// most lines before their words are looked up.
    strong: AhoCorasick,
}

/// The cues found in one line.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct CueCounts {
    pub credit: bool,
    pub position: bool,
    pub verb: bool,
    pub report: bool,
}

impl CaptionCues {
    pub(crate) fn embedded() -> Result<Self, LexiconError> {
        let lex = Lexicon::parse(&embedded::CAPTION_CUES)?;
        let mut patterns = Vec::new();
        let mut kinds = Vec::new();
        let mut strong = Vec::new();
        for row in lex.rows() {
            let kind = match row.fields.get(1).copied() {
                Some("credit") => CaptionCue::Credit,
                Some("position") => CaptionCue::Position,
                Some("verb") => CaptionCue::Verb,
                Some("report") => CaptionCue::Report,
                other => {
                    return Err(row.error(
                        lex.file(),
                        format!("unknown cue {other:?}: use credit, position, verb or report"),
                    ))
                }
            };
            patterns.push(row.fields[0]);
            kinds.push(kind);
            if matches!(kind, CaptionCue::Credit | CaptionCue::Position) {
                strong.push(row.fields[0]);
            }
        }
        let strong = lowercase_matcher(&strong, lex.file())?;
        // Looked up word by word: every body line is scanned, and an automaton over all its
        // bytes used to be the layout stage's largest cost.
        let matcher = WordPhrases::new(&patterns).map_err(|message| LexiconError::BadValue {
            file: lex.file(),
            line: 0,
            message,
        })?;
        Ok(CaptionCues {
            matcher,
            kinds,
            strong,
        })
    }

    /// False when `line` holds no credit or position cue; true when it may (a cue inside a
    /// longer word also counts here: [`CaptionCues::find`] tells).
    ///
    /// `scratch` holds a lowercased copy of the line; pass the same buffer for every line.
    pub(crate) fn may_have_strong(&self, line: &str, scratch: &mut Vec<u8>) -> bool {
        self.strong.is_match(lowercased(line, scratch))
    }

    /// The cues in `line`. Cues that start or end with a letter count only as whole words.
    pub(crate) fn find(&self, line: &str) -> CueCounts {
        let mut counts = CueCounts::default();
        self.matcher.for_each(line, |pattern, _, _| {
            match self.kinds[pattern] {
                CaptionCue::Credit => counts.credit = true,
                CaptionCue::Position => counts.position = true,
                CaptionCue::Verb => counts.verb = true,
                CaptionCue::Report => counts.report = true,
            }
            true
        });
        counts
    }
}

/// News agencies by their dateline name.
pub(crate) fn agencies() -> Result<HashMap<&'static str, &'static str>, LexiconError> {
    let lex = Lexicon::parse(&embedded::AGENCIES)?;
    Ok(lex.rows().map(|r| (r.fields[0], r.fields[1])).collect())
}

/// A matcher of `phrases` in lowercase, to run on a lowercased copy of a line: matching exactly
/// lets it use its SIMD prefilter, several times faster than a case-insensitive DFA on the many
/// lines that hold none of them. (`aho-corasick` prefilters only with a leftmost match kind.)
fn lowercase_matcher(phrases: &[&str], file: &'static str) -> Result<AhoCorasick, LexiconError> {
    let lowered: Vec<String> = phrases.iter().map(|p| p.to_ascii_lowercase()).collect();
    AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostFirst)
        .build(&lowered)
        .map_err(|e| LexiconError::BadValue {
            file,
            line: 0,
            message: e.to_string(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_credit_and_position_cue_passes_the_fast_test_in_any_case() {
        let cues = CaptionCues::embedded().unwrap();
        let lex = Lexicon::parse(&embedded::CAPTION_CUES).unwrap();
        for row in lex.rows() {
            if !matches!(row.fields[1], "credit" | "position") {
                continue;
            }
            let cue = row.fields[0];
            for form in [cue.to_ascii_uppercase(), cue.to_string()] {
                let line = format!("Crowds gather at the gate {form} on Sunday");
                assert!(cues.may_have_strong(&line, &mut Vec::new()), "{line}");
                let found = cues.find(&line);
                assert!(found.credit || found.position, "{line}");
            }
        }
        assert!(!cues.may_have_strong("Crowds gather at the gate on Sunday.", &mut Vec::new()));
    }

    #[test]
    fn contains_phrases_match_in_any_case() {
        let b = Boilerplate::embedded().unwrap();
        for line in [
            "Copyright 2031 The Lakeside Courier. All rights reserved.",
            "(c) Harbour Press Ltd. ALL RIGHTS RESERVED",
            "Get the morning briefing Straight To Your Inbox",
            "Please enable JavaScript to view the comments",
            "You need to enable JavaScript to run this app.",
            "Get the briefing Straight to Your Inbox",
        ] {
            assert_eq!(b.classify(line, &mut Vec::new()), Some(false), "{line}");
        }
        assert_eq!(
            b.classify("The rights reserved for tenants were cut.", &mut Vec::new()),
            None
        );
    }
}
