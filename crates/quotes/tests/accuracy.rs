//! Precision and recall of quotes, and the accuracy of their speakers, on the hand-annotated
//! articles of `tests/actors/` and `tests/quotes/` (`<slug>.quotes.tsv`; the format is in
//! `tests/quotes/README.md`).
//!
//! A predicted quote and a gold quote match when their spans overlap; each gold quote takes
//! at most one predicted quote, the one it overlaps most. Precision counts the predicted
//! quotes that match, recall the gold quotes that are found. For each match the test also
//! scores the speaker (the predicted speaker's actor is named by one of the gold names, or
//! the speaker words are one of them), the kind and the cue, and the mean overlap of the two
//! spans (intersection over union). It prints a table and fails when precision, recall or
//! speaker accuracy falls under its floor.

mod common;

use newsgraph_doc::{Document, QuoteKind, Span};

use common::{fixture_paths, Stages};

/// Floors: raise them when the stage improves.
const PRECISION_FLOOR: f64 = 0.95;
const RECALL_FLOOR: f64 = 0.93;
const SPEAKER_FLOOR: f64 = 0.895;

/// One line of a gold file.
struct Gold {
    kind: QuoteKind,
    span: Span,
    /// The names the speaker goes by, lowercased; empty for `-`.
    speakers: Vec<String>,
    cue: Option<String>,
}

fn parse_kind(s: &str) -> QuoteKind {
    match s {
        "direct" => QuoteKind::Direct,
        "mixed" => QuoteKind::Mixed,
        "indirect" => QuoteKind::Indirect,
        other => panic!("unknown gold kind {other:?}"),
    }
}

/// A name compared without case, a leading article or a possessive.
fn normal(s: &str) -> String {
    let s = s.trim().to_lowercase();
    let s = ["the ", "a ", "an "]
        .iter()
        .find_map(|a| s.strip_prefix(a))
        .unwrap_or(&s);
    let s = s
        .strip_suffix("'s")
        .or_else(|| s.strip_suffix("\u{2019}s"))
        .unwrap_or(s);
    s.to_string()
}

fn gold(name: &str, text: &str, tsv: &str) -> Vec<Gold> {
    let mut out = Vec::new();
    let mut from = 0;
    for (n, line) in tsv
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty())
    {
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 4, "{name}.quotes.tsv:{}: four columns", n + 1);
        let mut at = from;
        let mut span: Option<Span> = None;
        for part in cols[1].split(" || ") {
            let i = at
                + text[at..].find(part).unwrap_or_else(|| {
                    panic!("{name}.quotes.tsv:{}: {part:?} not in the article", n + 1)
                });
            let end = i + part.len();
            span = Some(match span {
                None => Span::new(i, end),
                Some(s) => Span::new(s.start as usize, end),
            });
            at = end;
        }
        let span = span.unwrap();
        from = span.start as usize;
        let speakers = match cols[2].trim() {
            "-" => Vec::new(),
            s => s.split('|').map(normal).collect(),
        };
        let cue = match cols[3].trim() {
            "-" => None,
            c => Some(c.to_lowercase()),
        };
        out.push(Gold {
            kind: parse_kind(cols[0].trim()),
            span,
            speakers,
            cue,
        });
    }
    out
}

fn overlap(a: Span, b: Span) -> usize {
    (a.end.min(b.end) as usize).saturating_sub(a.start.max(b.start) as usize)
}

fn iou(a: Span, b: Span) -> f64 {
    let inter = overlap(a, b) as f64;
    let union = (a.end.max(b.end) - a.start.min(b.start)) as f64;
    inter / union.max(1.0)
}

fn is_pronoun(s: &str) -> bool {
    matches!(
        s.to_lowercase().as_str(),
        "he" | "she" | "they" | "we" | "it" | "i"
    )
}

/// Whether the quote's speaker is one the gold line names.
fn speaker_right(doc: &Document, q: &newsgraph_doc::Quote, g: &Gold) -> bool {
    if g.speakers.is_empty() {
        return q.speaker.is_none() && q.speaker_span.is_none();
    }
    let named = |s: &str| g.speakers.contains(&normal(s));
    if let Some(a) = q.speaker.and_then(|a| doc.actors.get(a as usize)) {
        if named(&a.name)
            || a.mentions
                .iter()
                .any(|&m| named(doc.span_text(doc.mentions[m as usize].span)))
        {
            return true;
        }
    }
    q.speaker_span.is_some_and(|s| {
        let words = doc.span_text(s);
        !is_pronoun(words) && named(words)
    })
}

#[derive(Default)]
struct Tally {
    gold: usize,
    predicted: usize,
    found: usize,
    right_predicted: usize,
    speaker: usize,
    kind: usize,
    cue: usize,
    iou: f64,
}

#[test]
fn quotes_precision_recall() {
    let stages = Stages::new();
    let paths = fixture_paths(&["actors", "quotes"], true);
    assert!(paths.len() >= 10, "at least 10 annotated articles");
    let verbose = std::env::var_os("NEWSGRAPH_EVAL_VERBOSE").is_some();
    let mut all = Tally::default();
    println!(
        "{:<36} {:>4} {:>4} {:>6} {:>6} {:>6}",
        "article", "gold", "pred", "P", "R", "spk"
    );
    for path in &paths {
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(path).unwrap();
        let tsv = std::fs::read_to_string(path.with_extension("quotes.tsv")).unwrap();
        let gold = gold(&name, &text, &tsv);
        let doc = stages.analyze(&text);
        let predicted = &doc.quotes;
        // Greedy one-to-one matching, largest overlap first.
        let mut pairs: Vec<(usize, bool, usize, usize)> = Vec::new();
        for (gi, g) in gold.iter().enumerate() {
            for (pi, q) in predicted.iter().enumerate() {
                let o = overlap(g.span, q.span());
                if o > 0 {
                    pairs.push((o, q.kind == g.kind, gi, pi));
                }
            }
        }
        // Largest overlap first; on a tie, the quote of the same kind.
        pairs.sort_by_key(|p| std::cmp::Reverse((p.0, p.1)));
        let mut gold_of: Vec<Option<usize>> = vec![None; predicted.len()];
        let mut pred_of: Vec<Option<usize>> = vec![None; gold.len()];
        for (_, _, gi, pi) in pairs {
            if gold_of[pi].is_none() && pred_of[gi].is_none() {
                gold_of[pi] = Some(gi);
                pred_of[gi] = Some(pi);
            }
        }
        let mut t = Tally {
            gold: gold.len(),
            predicted: predicted.len(),
            ..Tally::default()
        };
        // A predicted quote inside a matched gold quote's span (a second part found as its
        // own quote) is neither right nor wrong twice: it counts as right.
        for (pi, q) in predicted.iter().enumerate() {
            let inside = gold.iter().any(|g| overlap(g.span, q.span()) > 0);
            if gold_of[pi].is_some() || inside {
                t.right_predicted += 1;
            } else if verbose {
                println!(
                    "  {name}: spurious {:?} {:?}",
                    q.kind,
                    doc.span_text(q.span())
                );
            }
        }
        for (gi, g) in gold.iter().enumerate() {
            let Some(pi) = pred_of[gi] else {
                if verbose {
                    println!(
                        "  {name}: missed {:?} {:?}",
                        g.kind,
                        &text[g.span.start as usize..g.span.end as usize]
                    );
                }
                continue;
            };
            let q = &predicted[pi];
            t.found += 1;
            t.iou += iou(g.span, q.span());
            if speaker_right(&doc, q, g) {
                t.speaker += 1;
            } else if verbose {
                let said_by = q
                    .speaker
                    .map(|a| doc.actors[a as usize].name.clone())
                    .or_else(|| q.speaker_span.map(|s| doc.span_text(s).to_string()));
                println!(
                    "  {name}: speaker {:?} not {:?} for {:?}",
                    said_by,
                    g.speakers,
                    &text[g.span.start as usize..g.span.end as usize]
                );
            }
            if q.kind == g.kind {
                t.kind += 1;
            }
            let cue = q.cue.map(|c| doc.span_text(c).to_lowercase());
            if cue == g.cue {
                t.cue += 1;
            }
        }
        let p = t.right_predicted as f64 / t.predicted.max(1) as f64;
        let r = t.found as f64 / t.gold.max(1) as f64;
        let s = t.speaker as f64 / t.found.max(1) as f64;
        println!(
            "{name:<36} {:>4} {:>4} {p:>6.3} {r:>6.3} {s:>6.3}",
            t.gold, t.predicted
        );
        all.gold += t.gold;
        all.predicted += t.predicted;
        all.found += t.found;
        all.right_predicted += t.right_predicted;
        all.speaker += t.speaker;
        all.kind += t.kind;
        all.cue += t.cue;
        all.iou += t.iou;
    }
    let p = all.right_predicted as f64 / all.predicted.max(1) as f64;
    let r = all.found as f64 / all.gold.max(1) as f64;
    let found = all.found.max(1) as f64;
    let s = all.speaker as f64 / found;
    println!(
        "{:<36} {:>4} {:>4} {p:>6.3} {r:>6.3} {s:>6.3}",
        "all", all.gold, all.predicted
    );
    println!(
        "matched quotes: kind right {:.3}, cue right {:.3}, mean span overlap (IoU) {:.3}",
        all.kind as f64 / found,
        all.cue as f64 / found,
        all.iou / found
    );
    assert!(
        p >= PRECISION_FLOOR,
        "quote precision {p:.3} fell under {PRECISION_FLOOR}"
    );
    assert!(
        r >= RECALL_FLOOR,
        "quote recall {r:.3} fell under {RECALL_FLOOR}"
    );
    assert!(
        s >= SPEAKER_FLOOR,
        "speaker accuracy {s:.3} fell under {SPEAKER_FLOOR}"
    );
}
