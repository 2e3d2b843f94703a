//! [`Document::validate`](crate::Document::validate): every invariant of the layers.

use crate::document::Document;
use crate::error::ValidationError;
use crate::span::Span;

pub(crate) fn validate(doc: &Document) -> Result<(), ValidationError> {
    let text = doc.text();
    check_layer(text, "section", doc.sections.iter().map(|s| s.span))?;
    check_layer(text, "sentence", doc.sentences.iter().map(|s| s.span))?;
    check_layer(text, "token", doc.tokens.iter().map(|t| t.span))?;
    check_layer(text, "mention", doc.mentions.iter().map(|m| m.span))?;
    check_links(doc)?;
    check_quotes(doc)?;
    check_events(doc)?;
    check_figures(doc)?;

    let mut next_token = 0u32;
    for (i, sentence) in doc.sentences.iter().enumerate() {
        let section =
            doc.sections
                .get(sentence.section as usize)
                .ok_or(ValidationError::Dangling {
                    layer: "sentence",
                    index: i,
                    target: "section",
                    target_index: sentence.section as usize,
                })?;
        if !section.span.contains(sentence.span) {
            return Err(ValidationError::Outside {
                layer: "sentence",
                index: i,
                parent: "section",
                parent_index: sentence.section as usize,
            });
        }
        // Token ranges of consecutive sentences are consecutive and cover every token.
        let tokens_ok = sentence.first_token == next_token
            && sentence.first_token < sentence.end_token
            && sentence.end_token as usize <= doc.tokens.len();
        if !tokens_ok {
            return Err(ValidationError::Dangling {
                layer: "sentence",
                index: i,
                target: "token",
                target_index: sentence.first_token as usize,
            });
        }
        next_token = sentence.end_token;
        let tokens = doc.sentence_tokens(sentence);
        let mut at = sentence.span.start;
        for token in tokens {
            if token.span.start < at || !sentence.span.contains(token.span) {
                return Err(ValidationError::Outside {
                    layer: "token",
                    index: (sentence.first_token as usize)
                        + tokens.iter().position(|t| t == token).unwrap_or(0),
                    parent: "sentence",
                    parent_index: i,
                });
            }
            check_gap(text, i, at, token.span.start)?;
            at = token.span.end;
        }
        check_gap(text, i, at, sentence.span.end)?;
        let (first, last) = (tokens[0].span, tokens[tokens.len() - 1].span);
        if first.start != sentence.span.start || last.end != sentence.span.end {
            return Err(ValidationError::Outside {
                layer: "sentence",
                index: i,
                parent: "token",
                parent_index: sentence.first_token as usize,
            });
        }
    }
    if next_token as usize != doc.tokens.len() {
        return Err(ValidationError::Outside {
            layer: "token",
            index: next_token as usize,
            parent: "sentence",
            parent_index: doc.sentences.len(),
        });
    }
    Ok(())
}

/// Every mention's actor exists and lists it; every actor's mentions exist and point back.
fn check_links(doc: &Document) -> Result<(), ValidationError> {
    for (i, mention) in doc.mentions.iter().enumerate() {
        let Some(a) = mention.actor else { continue };
        let lists_it = doc
            .actors
            .get(a as usize)
            .is_some_and(|actor| actor.mentions.contains(&(i as u32)));
        if !lists_it {
            return Err(ValidationError::Dangling {
                layer: "mention",
                index: i,
                target: "actor",
                target_index: a as usize,
            });
        }
    }
    for (a, actor) in doc.actors.iter().enumerate() {
        for &m in &actor.mentions {
            let points_back = doc
                .mentions
                .get(m as usize)
                .is_some_and(|mention| mention.actor == Some(a as u32));
            if !points_back {
                return Err(ValidationError::Dangling {
                    layer: "actor",
                    index: a,
                    target: "mention",
                    target_index: m as usize,
                });
            }
        }
    }
    Ok(())
}

/// Every quote's parts, speaker words and cue are valid spans in order, its speaker and
/// sentence exist, and quotes are sorted by start.
fn check_quotes(doc: &Document) -> Result<(), ValidationError> {
    let text = doc.text();
    let mut prev_start = 0u32;
    for (i, quote) in doc.quotes.iter().enumerate() {
        if quote.parts.is_empty() {
            return Err(ValidationError::Empty {
                layer: "quote",
                index: i,
            });
        }
        check_layer(text, "quote part", quote.parts.iter().copied())?;
        for span in quote.speaker_span.iter().chain(&quote.cue) {
            Span::checked(text, span.start as usize, span.end as usize).map_err(|source| {
                ValidationError::BadSpan {
                    layer: "quote",
                    index: i,
                    source,
                }
            })?;
        }
        let start = quote.span().start;
        if start < prev_start {
            return Err(ValidationError::Unordered {
                layer: "quote",
                index: i,
            });
        }
        prev_start = start;
        if let Some(a) = quote.speaker {
            if a as usize >= doc.actors.len() {
                return Err(ValidationError::Dangling {
                    layer: "quote",
                    index: i,
                    target: "actor",
                    target_index: a as usize,
                });
            }
        }
        if quote.sentence as usize >= doc.sentences.len() {
            return Err(ValidationError::Dangling {
                layer: "quote",
                index: i,
                target: "sentence",
                target_index: quote.sentence as usize,
            });
        }
    }
    Ok(())
}

/// Every event's trigger, date and place words are valid spans, triggers in text order, and
/// its actors and sentence exist.
fn check_events(doc: &Document) -> Result<(), ValidationError> {
    let text = doc.text();
    let mut prev_start = 0u32;
    for (i, event) in doc.events.iter().enumerate() {
        let place = event.location.as_ref().map(|p| p.span);
        for span in std::iter::once(event.trigger)
            .chain(event.date_span)
            .chain(place)
        {
            Span::checked(text, span.start as usize, span.end as usize).map_err(|source| {
                ValidationError::BadSpan {
                    layer: "event",
                    index: i,
                    source,
                }
            })?;
        }
        if event.trigger.start < prev_start {
            return Err(ValidationError::Unordered {
                layer: "event",
                index: i,
            });
        }
        prev_start = event.trigger.start;
        for a in event.source.iter().chain(&event.target) {
            if *a as usize >= doc.actors.len() {
                return Err(ValidationError::Dangling {
                    layer: "event",
                    index: i,
                    target: "actor",
                    target_index: *a as usize,
                });
            }
        }
        if event.sentence as usize >= doc.sentences.len() {
            return Err(ValidationError::Dangling {
                layer: "event",
                index: i,
                target: "sentence",
                target_index: event.sentence as usize,
            });
        }
    }
    Ok(())
}

/// Spans valid, non-empty, sorted and non-overlapping.
fn check_layer(
    text: &str,
    layer: &'static str,
    spans: impl Iterator<Item = Span>,
) -> Result<(), ValidationError> {
    let mut prev_end = 0u32;
    for (index, span) in spans.enumerate() {
        Span::checked(text, span.start as usize, span.end as usize).map_err(|source| {
            ValidationError::BadSpan {
                layer,
                index,
                source,
            }
        })?;
        if span.is_empty() {
            return Err(ValidationError::Empty { layer, index });
        }
        if span.start < prev_end {
            return Err(ValidationError::Unordered { layer, index });
        }
        prev_end = span.end;
    }
    Ok(())
}

fn check_gap(text: &str, sentence: usize, from: u32, to: u32) -> Result<(), ValidationError> {
    let gap = &text[from as usize..to as usize];
    match gap.char_indices().find(|(_, c)| !c.is_whitespace()) {
        None => Ok(()),
        Some((offset, _)) => {
            let at = from as usize + offset;
            let mut end = (at + 20).min(text.len());
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            Err(ValidationError::LostText {
                sentence,
                at,
                gap: text[at..end].to_string(),
            })
        }
    }
}

fn dangling(layer: &'static str, index: usize, target: &'static str, at: u32) -> ValidationError {
    ValidationError::Dangling {
        layer,
        index,
        target,
        target_index: at as usize,
    }
}

/// Quantities sorted with valid spans and links; casualties, alignments and summary resolve.
fn check_figures(doc: &Document) -> Result<(), ValidationError> {
    let text = doc.text();
    let mut prev_start = 0u32;
    for (i, q) in doc.quantities.iter().enumerate() {
        for span in std::iter::once(q.span).chain(q.date_span) {
            Span::checked(text, span.start as usize, span.end as usize).map_err(|source| {
                ValidationError::BadSpan {
                    layer: "quantity",
                    index: i,
                    source,
                }
            })?;
        }
        if q.span.start < prev_start {
            return Err(ValidationError::Unordered {
                layer: "quantity",
                index: i,
            });
        }
        prev_start = q.span.start;
        if q.sentence as usize >= doc.sentences.len() {
            return Err(dangling("quantity", i, "sentence", q.sentence));
        }
        if let Some(a) = q.actor.filter(|&a| a as usize >= doc.actors.len()) {
            return Err(dangling("quantity", i, "actor", a));
        }
    }
    for &q in &doc.casualties.evidence {
        if q as usize >= doc.quantities.len() {
            return Err(dangling("casualties", 0, "quantity", q));
        }
    }
    for (i, a) in doc.alignments.iter().enumerate() {
        for actor in [a.actor, a.toward] {
            if actor as usize >= doc.actors.len() {
                return Err(dangling("alignment", i, "actor", actor));
            }
        }
        for e in &a.evidence {
            match *e {
                crate::EvidenceRef::Event(k) if k as usize >= doc.events.len() => {
                    return Err(dangling("alignment", i, "event", k));
                }
                crate::EvidenceRef::Quote(k) if k as usize >= doc.quotes.len() => {
                    return Err(dangling("alignment", i, "quote", k));
                }
                _ => {}
            }
        }
    }
    let mut prev = None;
    for (i, &s) in doc.summary.iter().enumerate() {
        if s as usize >= doc.sentences.len() {
            return Err(dangling("summary", i, "sentence", s));
        }
        if prev.is_some_and(|p| p >= s) {
            return Err(ValidationError::Unordered {
                layer: "summary",
                index: i,
            });
        }
        prev = Some(s);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::document::*;
    use crate::error::ValidationError;
    use crate::span::Span;

    fn doc(text: &str) -> Document {
        let source = Source {
            path: None,
            url: None,
            format: Format::Text,
        };
        Document::new("t", source, Meta::default(), text)
    }

    fn annotated() -> Document {
        // "Rain fell. It ended."
        let mut d = doc("Rain fell. It ended.");
        d.sections.push(Section {
            kind: SectionKind::Paragraph,
            span: Span::new(0, 20),
        });
        for (s, e, k) in [
            (0, 4, TokenKind::Word),
            (5, 9, TokenKind::Word),
            (9, 10, TokenKind::Punct),
        ] {
            d.tokens.push(Token {
                span: Span::new(s, e),
                kind: k,
            });
        }
        for (s, e, k) in [
            (11, 13, TokenKind::Word),
            (14, 19, TokenKind::Word),
            (19, 20, TokenKind::Punct),
        ] {
            d.tokens.push(Token {
                span: Span::new(s, e),
                kind: k,
            });
        }
        d.sentences.push(Sentence {
            span: Span::new(0, 10),
            section: 0,
            first_token: 0,
            end_token: 3,
        });
        d.sentences.push(Sentence {
            span: Span::new(11, 20),
            section: 0,
            first_token: 3,
            end_token: 6,
        });
        d
    }

    #[test]
    fn figures_alignments_and_summary_must_resolve() {
        let mut d = annotated();
        d.summary = vec![0, 0];
        assert!(matches!(
            d.validate(),
            Err(ValidationError::Unordered {
                layer: "summary",
                ..
            })
        ));
        d.summary = vec![99];
        assert!(matches!(
            d.validate(),
            Err(ValidationError::Dangling {
                layer: "summary",
                ..
            })
        ));
        d.summary.clear();
        d.alignments.push(crate::Alignment {
            actor: 7,
            toward: 8,
            stance: crate::Stance::Support,
            evidence: Vec::new(),
        });
        assert!(matches!(
            d.validate(),
            Err(ValidationError::Dangling {
                layer: "alignment",
                ..
            })
        ));
        d.alignments.clear();
        d.casualties.evidence.push(3);
        assert!(matches!(
            d.validate(),
            Err(ValidationError::Dangling {
                layer: "casualties",
                ..
            })
        ));
    }

    #[test]
    fn a_well_formed_document_validates() {
        annotated().validate().unwrap();
    }

    #[test]
    fn each_broken_invariant_is_reported() {
        let mut d = annotated();
        d.tokens[1].span = Span::new(6, 9); // drops the "f" of "fell"
        assert!(matches!(
            d.validate(),
            Err(ValidationError::LostText { .. })
        ));

        let mut d = annotated();
        d.sentences[1].section = 7;
        assert!(matches!(
            d.validate(),
            Err(ValidationError::Dangling { .. })
        ));

        let mut d = annotated();
        d.sections[0].span = Span::new(0, 12);
        assert!(matches!(d.validate(), Err(ValidationError::Outside { .. })));

        let mut d = annotated();
        d.sentences.swap(0, 1);
        assert!(matches!(
            d.validate(),
            Err(ValidationError::Unordered { .. })
        ));

        let mut d = annotated();
        d.sections[0].span = Span::new(0, 99);
        assert!(matches!(d.validate(), Err(ValidationError::BadSpan { .. })));

        let mut d = annotated();
        d.sentences.pop();
        assert!(matches!(d.validate(), Err(ValidationError::Outside { .. })));
    }
}
