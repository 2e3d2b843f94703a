//! Which part of a news page each line is.
//!
//! [`LayoutAnalyzer`] is the `layout` stage. It reads a raw article's lines and writes
//! [`Document::sections`]: the headline, highlight bullets or standfirst, bylines, the dateline
//! that opens the first paragraph (`NAIROBI, March 4 (Reuters) -`), body paragraphs, photo
//! captions and boilerplate (share/follow/read-more lines, ads, copyright, end-of-story markers
//! and what follows them, reader-comment teasers). It also fills the metadata the page states:
//! the title (from the headline, when the input gave none), authors (from the byline) and the
//! outlet (from the dateline's agency).
//!
//! The rules read the shape of scraped news, not any one page:
//! - a line is a unit; in a hard-wrapped text (most lines 40-80 columns) adjacent lines join,
//!   and anywhere a line that ends without punctuation continues into a lowercase next line;
//! - captions are scored on independent cues: a short label before `:` or `?`
//!   (`Flood waters: A man wades ...`), credits and positions (`Photo:`, `Getty Images`,
//!   `(left)`, `pictured`), present-tense description verbs, no final punctuation, and standing
//!   alone between blank lines where body paragraphs follow each other without one; reporting
//!   verbs (`said`) count against;
//! - page furniture and end markers come from `data/layout/boilerplate.tsv`.
//!
//! ```
//! use newsgraph_doc::{Document, Format, Meta, SectionKind, Source, Stage};
//! use newsgraph_layout::LayoutAnalyzer;
//!
//! let text = "Dam bursts in hill town\nBy Ana Costa\n\nLISBON, May 2 (Reuters) - Water swept \
//!             through the valley.\nRescuers said 40 homes were lost.\n\nDeluge: A man wades \
//!             through a flooded street (left)\nShare this article\n";
//! let source = Source { path: None, url: None, format: Format::Text };
//! let mut doc = Document::new("x", source, Meta::default(), text);
//! LayoutAnalyzer::new().unwrap().annotate(&mut doc).unwrap();
//! let kinds: Vec<SectionKind> = doc.sections.iter().map(|s| s.kind).collect();
//! use SectionKind::*;
//! assert_eq!(kinds, [Headline, Byline, Dateline, Paragraph, Paragraph, Caption, Boilerplate]);
//! assert_eq!(doc.meta.authors, ["Ana Costa"]);
//! assert_eq!(doc.meta.outlet.as_deref(), Some("Reuters"));
//! ```
#![deny(missing_docs)]

mod cues;
mod lines;

use std::collections::HashMap;

use newsgraph_doc::{Document, Layer, Section, SectionKind, Span, Stage, StageError};
use newsgraph_lexicon::LexiconError;
use regex::Regex;

use cues::{Boilerplate, CaptionCues};
use lines::{ends_with_terminal, split_lines, word_count, Line};

/// The `layout` stage. Build it once; it is immutable and shared across threads.
#[derive(Debug, Clone)]
pub struct LayoutAnalyzer {
    boilerplate: Boilerplate,
    captions: CaptionCues,
    agencies: HashMap<&'static str, &'static str>,
    dateline: Regex,
    time_only: Regex,
    date_line: Regex,
    /// A full date inside a line: `5 March 2025`, `March 5, 2025`, `2025-03-05`.
    full_date: Regex,
}

/// A line's kind before paragraphs are joined and datelines split off.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Headline,
    Highlight,
    Byline,
    Paragraph,
    Caption,
    Boilerplate,
}

const MONTH: &str = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.?";

impl LayoutAnalyzer {
    /// Builds the analyzer with the embedded cue lists.
    pub fn new() -> Result<Self, LexiconError> {
        let dateline = format!(
            r"^(?P<place>[A-Z][A-Za-z.'\-/]*(?: [A-Z][A-Za-z.'\-/]*){{0,3}})(?:, [A-Z][A-Za-z.'\-]*(?: [A-Z][A-Za-z.'\-]*){{0,2}})?(?P<date>, (?:{MONTH} \d{{1,2}}(?:, \d{{4}})?|\d{{1,2}} {MONTH}(?: \d{{4}})?))? *(?:\((?P<agency>[A-Za-z][A-Za-z .\-]{{0,30}})\))? *(?:--|-|\x{{2013}}|\x{{2014}}) "
        );
        let date_line = format!(
            r"(?i)^(?:(?:published|updated|posted|first published|last updated|last modified)\b|(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]* ?,? )?(?:\d{{1,2}} {MONTH} \d{{4}}|{MONTH} \d{{1,2}},? \d{{4}}))"
        );
        Ok(LayoutAnalyzer {
            boilerplate: Boilerplate::embedded()?,
            captions: CaptionCues::embedded()?,
            agencies: cues::agencies()?,
            dateline: Regex::new(&dateline).expect("dateline pattern is valid"),
            time_only: Regex::new(
                r"(?i)^(?:\d+ ?(?:h|hr|hrs|m|min|mins|d) ago\b.*|\d{1,2}[:.]\d{2} ?(?:[ap]\.?m\.?)? ?(?:[A-Z]{2,4})?)$",
            )
            .expect("time pattern is valid"),
            date_line: Regex::new(&date_line).expect("date line pattern is valid"),
            full_date: Regex::new(&format!(
                r"(?i)\b(?:(?P<d1>\d{{1,2}}) (?P<m1>{MONTH}),? (?P<y1>\d{{4}})|(?P<m2>{MONTH}) (?P<d2>\d{{1,2}}),? (?P<y2>\d{{4}})|(?P<y3>\d{{4}})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}}))\b"
            ))
            .expect("full date pattern is valid"),
        })
    }

    /// The publication date a page's date line gives (`Published: 18:20 GMT, 5 March 2025 |
    /// Updated: ...`, `Posted March 5, 2025`, a bare `5 March 2025`): the first full date of a
    /// line that starts with a date or says published or posted. A line that only says when the
    /// story was updated gives none.
    fn published_in(&self, line: &str) -> Option<chrono::NaiveDate> {
        let lower = line.to_ascii_lowercase();
        let from = match ["published", "posted"]
            .iter()
            .filter_map(|w| lower.find(w))
            .min()
        {
            Some(at) => at,
            None if self.full_date.find(line).is_some_and(|m| m.start() < 12)
                && !lower.contains("updated")
                && !lower.contains("modified") =>
            {
                0
            }
            None => return None,
        };
        let c = self.full_date.captures(&line[from..])?;
        let month = |m: &str| -> Option<u32> {
            let m = m.trim_end_matches('.').to_ascii_lowercase();
            const NAMES: [&str; 12] = [
                "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
            ];
            NAMES
                .iter()
                .position(|n| m.starts_with(n))
                .map(|i| i as u32 + 1)
        };
        let num = |name: &str| c.name(name).and_then(|m| m.as_str().parse::<u32>().ok());
        let (y, m, d) = if let Some(y) = num("y1") {
            (y, month(c.name("m1")?.as_str())?, num("d1")?)
        } else if let Some(y) = num("y2") {
            (y, month(c.name("m2")?.as_str())?, num("d2")?)
        } else {
            (num("y3")?, num("m3")?, num("d3")?)
        };
        chrono::NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)
    }

    fn is_byline(&self, text: &str, top: bool) -> bool {
        if !top || word_count(text) > 14 {
            return false;
        }
        let by = text
            .strip_prefix("By ")
            .or_else(|| text.strip_prefix("BY "))
            .or_else(|| {
                text.strip_prefix("by ")
                    .or_else(|| text.strip_prefix("By: "))
            });
        if let Some(rest) = by {
            return rest.chars().next().is_some_and(char::is_uppercase);
        }
        self.date_line.is_match(text) && word_count(text) <= 20
    }

    /// True when line `i` reads as a photo caption: a score of two or more from its shape (a
    /// label, no final punctuation, standing alone in a dense page) and its cues (a credit, a
    /// position like `(left)`, a describing verb; a reporting verb counts against).
    fn is_caption(
        &self,
        lines: &[Line],
        i: usize,
        text: &str,
        dense: bool,
        scratch: &mut Vec<u8>,
    ) -> bool {
        if text.len() > cues::MAX_CAPTION_LEN {
            return false;
        }
        let mut score = 0;
        match label(text) {
            Some(b':') => score += 2,
            Some(_) => score += 1,
            None => {}
        }
        let terminal = ends_with_terminal(text);
        if !terminal {
            score += 1;
        }
        if dense && i > 0 && lines[i].blank_before {
            score += 1;
        }
        if lines[i].words > 70 {
            score -= 2;
        }
        // Without a credit or a position cue, the cues add one at most: most body lines are
        // settled here without looking up their words.
        if score <= 0 && !self.captions.may_have_strong(text, scratch) {
            return false;
        }
        let cues = self.captions.find(text);
        if cues.credit {
            score += 3;
        }
        if cues.position {
            score += 2;
        }
        // a describing verb is a caption's sign in a short or unpunctuated line; a long
        // finished sentence with one is body text (`families were forced to flee ...`)
        if cues.report {
            score -= 1;
        } else if cues.verb && (lines[i].words <= 30 || !terminal) {
            score += 1;
        }
        score >= 2
    }

    /// Classifies every line. Returns the kind of each line of `lines`.
    fn classify(&self, doc: &Document, lines: &[Line], wrapped: bool) -> Vec<Kind> {
        let text = doc.text();
        let dense = lines::is_dense(text, lines);
        let mut kinds = Vec::with_capacity(lines.len());
        let mut ended = false;
        let mut headline_seen = false;
        let mut top = true;
        let mut scratch = Vec::with_capacity(cues::MAX_CAPTION_LEN);
        for (i, line) in lines.iter().enumerate() {
            let t = &text[line.span];
            let kind = if ended {
                Kind::Boilerplate
            } else if let Some(end) = self.boilerplate.classify(t, &mut scratch) {
                // an end marker ends the story only once its body has begun
                ended = end && !top;
                Kind::Boilerplate
            } else if ((t.as_bytes()[0].is_ascii_digit() || t.as_bytes()[0] >= 0x80)
                && self.time_only.is_match(t))
                || is_embed_attribution(t)
                || is_signoff(t)
            {
                Kind::Boilerplate
            } else if kinds.last() == Some(&Kind::Boilerplate)
                && headline_seen
                && word_count(t) <= 4
                && !ends_with_terminal(t)
            {
                // Tag lists and link titles under a boilerplate line: "Topics", "Europe".
                Kind::Boilerplate
            } else if !headline_seen && !is_bullet(t) && !self.is_byline(t, true) {
                headline_seen = true;
                if opens_body(doc, t) {
                    top = false;
                    Kind::Paragraph
                } else {
                    Kind::Headline
                }
            } else if self.is_byline(t, top) {
                Kind::Byline
            } else if top && is_bullet(t) {
                Kind::Highlight
            } else if is_comment_handle(t) && !top {
                if let Some(prev) = kinds.last_mut() {
                    let prev_text = &text[lines[i - 1].span];
                    if prev_text.ends_with("...") || prev_text.ends_with('\u{2026}') {
                        *prev = Kind::Boilerplate;
                    }
                }
                Kind::Boilerplate
            } else if truncated(t) && !line.blank_before && kinds.last() == Some(&Kind::Boilerplate)
            {
                Kind::Boilerplate // a list of links under "Related articles"
            } else if wrapped
                && ((!line.blank_before && kinds.last() == Some(&Kind::Paragraph))
                    || (!ends_with_terminal(t)
                        && lines.get(i + 1).is_some_and(|n| !n.blank_before)))
            {
                Kind::Paragraph // one line of a hard-wrapped paragraph
            } else if self.is_caption(lines, i, t, dense, &mut scratch) {
                Kind::Caption
            } else {
                Kind::Paragraph
            };
            let kind = if kind == Kind::Paragraph && top {
                self.front_matter(text, lines, i)
            } else {
                kind
            };
            headline_seen |= kind != Kind::Boilerplate;
            top &= kind != Kind::Paragraph;
            kinds.push(kind);
        }
        kinds
    }

    /// The kind of a prose line `i` met before the body starts: a line of names right before a
    /// byline is a byline; a line one or two lines before a byline, or one of up to six brief
    /// unpunctuated lines down to a byline, is a standfirst or highlight; an unpunctuated line right
    /// before a paragraph that opens with a dateline is a sub-headline. Anything else opens
    /// the body.
    fn front_matter(&self, text: &str, lines: &[Line], i: usize) -> Kind {
        let t = &text[lines[i].span];
        let line = |j: usize| lines.get(j).map(|l| &text[l.span]);
        let byline_at = |j: usize| line(j).is_some_and(|n| self.is_byline(n, true));
        if byline_at(i + 1) && reads_like_names(t) {
            return Kind::Byline;
        }
        // a standfirst, or highlights whose bullets were lost in scraping, down to the byline
        let byline = (i + 1..lines.len().min(i + 7)).find(|&j| byline_at(j));
        let brief = |j: usize| lines[j].words <= 30 && !text[lines[j].span].ends_with('.');
        if word_count(t) <= 60 && byline.is_some_and(|b| b <= i + 2 || (i..b).all(brief)) {
            return Kind::Highlight;
        }
        if !ends_with_terminal(t)
            && line(i + 1).is_some_and(|n| self.dateline_at(n, false).is_some())
        {
            return Kind::Highlight;
        }
        Kind::Paragraph
    }

    /// The length of a dateline at the start of `t`, and its agency. A place in capitals, a
    /// date or an agency makes one (`CARACAS, Jan 23 (Reuters) -`); a bare place in mixed
    /// case (`Berlin - A dispute ...`) only at the start of the first paragraph, `first`,
    /// before a capitalised word.
    fn dateline_at<'t>(&self, t: &'t str, first: bool) -> Option<(usize, Option<&'t str>)> {
        let caps = self.dateline.captures(t)?;
        let whole = caps.get(0)?;
        let place = caps.name("place")?.as_str();
        let agency = caps.name("agency").map(|m| m.as_str());
        let caps_place = place.bytes().filter(u8::is_ascii_alphabetic).count() >= 3
            && !place.bytes().any(|b| b.is_ascii_lowercase());
        let bare_place = first
            && place.split(' ').count() <= 3
            && t[whole.end()..].starts_with(|c: char| c.is_uppercase());
        let valid = whole.len() <= 90
            && (caps_place || bare_place || agency.is_some() || caps.name("date").is_some());
        let dash_end = whole.as_str().trim_end().len();
        valid.then_some((dash_end, agency))
    }

    fn agency_name<'a>(&self, agency: &'a str) -> &'a str {
        self.agencies.get(agency).copied().unwrap_or(agency)
    }
}

/// True when a short label ends at the first `:` or `?` followed by a capitalised word: returns
/// the mark. The label has one to six words, starts with a capital, has no digits and no
/// reporting verb (so `The minister said: 'We ...'` is no label).
fn label(text: &str) -> Option<u8> {
    let window = &text.as_bytes()[..text.len().min(64)];
    let pos = memchr::memchr2(b':', b'?', window)?;
    let label = &text[..pos];
    let after = text[pos + 1..].strip_prefix(' ')?;
    let words = word_count(label);
    let capital_start = label.chars().next().is_some_and(char::is_uppercase);
    let capital_after = after.chars().next().is_some_and(char::is_uppercase);
    const REPORTING: [&str; 9] = [
        "said", "says", "told", "added", "asked", "wrote", "tweeted", "warned", "declared",
    ];
    let reporting = label
        .split(' ')
        .any(|w| REPORTING.iter().any(|r| w.eq_ignore_ascii_case(r)));
    let ok = (1..=6).contains(&words)
        && capital_start
        && capital_after
        && !reporting
        && !label.bytes().any(|b| b.is_ascii_digit());
    ok.then_some(window[pos])
}

fn is_bullet(t: &str) -> bool {
    ["- ", "* ", "• ", "· ", "– ", "▪ ", "► "]
        .iter()
        .any(|b| t.starts_with(b))
}

/// A reader's handle under a comment: `by happyhiker77`.
fn is_comment_handle(t: &str) -> bool {
    t.starts_with("by ") && word_count(t) <= 4
}

/// A line cut short with an ellipsis, as link lists and comment teasers are.
fn truncated(t: &str) -> bool {
    t.ends_with("...") || t.ends_with('\u{2026}')
}

/// Editors' initials that close wire copy: `tm/jj/rox`.
fn is_signoff(t: &str) -> bool {
    t.len() <= 20
        && t.contains('/')
        && t.split('/')
            .all(|p| (1..=4).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_lowercase()))
}

/// The attribution line of an embedded post: `— Name (@handle) March 3, 2024`.
fn is_embed_attribution(t: &str) -> bool {
    (t.starts_with("\u{2014} ") || t.starts_with("- ") || t.starts_with("-- ")) && t.contains("(@")
}

/// A line of names: `Tom Ashworth, with Sofie Lindgren in Copenhagen`.
fn reads_like_names(t: &str) -> bool {
    let words = word_count(t);
    (1..=10).contains(&words)
        && !ends_with_terminal(t)
        && t.split_ascii_whitespace().all(|w| {
            let w = w.trim_end_matches(',');
            w.chars().next().is_some_and(char::is_uppercase)
                || matches!(w, "and" | "with" | "in" | "for" | "of" | "the" | "&")
        })
}

/// True when the first line is body text rather than a headline: the input gave a title that
/// differs from it, and it reads like a paragraph (long, ends in a full stop).
fn opens_body(doc: &Document, t: &str) -> bool {
    match &doc.meta.title {
        Some(title) if title.trim() != t => word_count(t) > 25 && ends_with_terminal(t),
        _ => false,
    }
}

/// Splits "By Ana Costa and Li Wei, Reuters" into names.
fn authors(byline: &str) -> Vec<String> {
    let rest = ["By: ", "By ", "BY ", "by "]
        .iter()
        .find_map(|p| byline.strip_prefix(p))
        .unwrap_or(byline);
    let mut cut = rest.len();
    for stop in [" FOR ", " for ", " in ", " IN ", " | ", " - ", ", "] {
        if let Some(i) = rest.find(stop) {
            // "A, B and C" lists names; a comma before a non-name ends them.
            if stop == ", " && rest[i + 2..].contains(" and ") {
                continue;
            }
            cut = cut.min(i);
        }
    }
    rest[..cut]
        .split(" and ")
        .flat_map(|p| p.split(", "))
        .flat_map(|p| p.split(" AND "))
        .map(str::trim)
        .filter(|n| !n.is_empty() && n.chars().next().is_some_and(char::is_uppercase))
        .map(title_case_if_shouting)
        .collect()
}

fn title_case_if_shouting(name: &str) -> String {
    if name.chars().any(char::is_lowercase) {
        return name.to_string();
    }
    let mut out = String::with_capacity(name.len());
    let mut at_start = true;
    for c in name.chars() {
        if at_start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        at_start = !c.is_alphabetic() && c != '\'';
    }
    out
}

impl Stage for LayoutAnalyzer {
    fn name(&self) -> &'static str {
        "layout"
    }

    fn requires(&self) -> &'static [Layer] {
        &[]
    }

    fn produces(&self) -> &'static [Layer] {
        &[Layer::Sections]
    }

    fn annotate(&self, doc: &mut Document) -> Result<(), StageError> {
        let lines = split_lines(doc.text());
        let text = doc.text();
        let wrapped = lines::is_hard_wrapped(text, &lines);
        let kinds = self.classify(doc, &lines, wrapped);
        let mut sections: Vec<Section> = Vec::with_capacity(lines.len());
        let mut authors_found = Vec::new();
        let mut outlet = None;
        let mut headline = None;
        let mut published = None;
        let mut paragraphs_seen = 0;
        for (i, (line, kind)) in lines.iter().zip(&kinds).enumerate() {
            let t = &text[line.span];
            let continues = *kind == Kind::Paragraph
                && i > 0
                && kinds[i - 1] == Kind::Paragraph
                && !line.blank_before
                && sections
                    .last()
                    .is_some_and(|s| s.kind == SectionKind::Paragraph)
                && (wrapped || lines::continues_sentence(&text[lines[i - 1].span], t));
            if continues {
                if let Some(last) = sections.last_mut() {
                    last.span.end = line.span.end;
                }
                continue;
            }
            let section_kind = match kind {
                Kind::Headline => {
                    headline = Some(t);
                    SectionKind::Headline
                }
                Kind::Highlight => SectionKind::Highlight,
                Kind::Byline => {
                    if authors_found.is_empty() && !self.date_line.is_match(t) {
                        authors_found = authors(t);
                    }
                    if published.is_none() {
                        published = self.published_in(t);
                    }
                    SectionKind::Byline
                }
                Kind::Caption => SectionKind::Caption,
                Kind::Boilerplate => SectionKind::Boilerplate,
                Kind::Paragraph => {
                    paragraphs_seen += 1;
                    if paragraphs_seen <= 3 {
                        if let Some((len, agency)) = self.dateline_at(t, paragraphs_seen == 1) {
                            let start = line.span.start as usize;
                            sections.push(Section {
                                kind: SectionKind::Dateline,
                                span: Span::new(start, start + len),
                            });
                            if outlet.is_none() {
                                outlet = agency.map(|a| self.agency_name(a).to_string());
                            }
                            let rest = t[len..].trim_start();
                            if !rest.is_empty() {
                                let rest_start = line.span.end as usize - rest.len();
                                sections.push(Section {
                                    kind: SectionKind::Paragraph,
                                    span: Span::new(rest_start, line.span.end as usize),
                                });
                            }
                            continue;
                        }
                    }
                    SectionKind::Paragraph
                }
            };
            sections.push(Section {
                kind: section_kind,
                span: line.span,
            });
        }
        let headline = headline.map(str::to_string);
        doc.sections = sections;
        if doc.meta.title.is_none() {
            doc.meta.title = headline;
        }
        if doc.meta.authors.is_empty() {
            doc.meta.authors = authors_found;
        }
        if doc.meta.outlet.is_none() {
            doc.meta.outlet = outlet;
        }
        if doc.meta.published.is_none() {
            doc.meta.published = published;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
