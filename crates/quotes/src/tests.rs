//! One test per construction, on sentences of our own.

use newsgraph_actors::ActorStage;
use newsgraph_doc::{Document, Format, Meta, QuoteKind, Source, Stage};
use newsgraph_layout::LayoutAnalyzer;
use newsgraph_segment::Segmenter;

use super::QuoteStage;

/// (quote text, kind, speaker actor name, speaker words, cue).
type Seen = (
    String,
    QuoteKind,
    Option<String>,
    Option<String>,
    Option<String>,
);

fn quotes(body: &str) -> Vec<Seen> {
    let text = format!("Harbour dispute deepens\n\n{body}\n");
    let source = Source {
        path: None,
        url: None,
        format: Format::Text,
    };
    let mut doc = Document::new("t", source, Meta::default(), &text);
    LayoutAnalyzer::new().unwrap().annotate(&mut doc).unwrap();
    Segmenter::new().unwrap().annotate(&mut doc).unwrap();
    ActorStage::new().unwrap().annotate(&mut doc).unwrap();
    QuoteStage::new().unwrap().annotate(&mut doc).unwrap();
    doc.validate().unwrap();
    doc.quotes
        .iter()
        .map(|q| {
            let words: Vec<&str> = q.parts.iter().map(|&p| doc.span_text(p)).collect();
            (
                words.join(" "),
                q.kind,
                q.speaker.map(|a| doc.actors[a as usize].name.clone()),
                q.speaker_span.map(|s| doc.span_text(s).to_string()),
                q.cue.map(|s| doc.span_text(s).to_string()),
            )
        })
        .collect()
}

fn find<'q>(qs: &'q [Seen], fragment: &str) -> &'q Seen {
    qs.iter()
        .find(|q| q.0.contains(fragment))
        .unwrap_or_else(|| panic!("no quote with {fragment:?} in {qs:#?}"))
}

#[test]
fn speaker_after_the_quote() {
    let qs = quotes("'The port will stay closed until Friday,' Lina Okafor said on Monday.");
    let q = find(&qs, "port will stay closed");
    assert_eq!(q.1, QuoteKind::Direct);
    assert_eq!(q.2.as_deref(), Some("Lina Okafor"));
    assert_eq!(q.4.as_deref(), Some("said"));
}

#[test]
fn verb_before_speaker_after_the_quote() {
    let qs = quotes("\u{201C}We were never consulted,\u{201D} said Tomas Berglund, a fisherman.");
    let q = find(&qs, "never consulted");
    assert_eq!(q.2.as_deref(), Some("Tomas Berglund"));
    assert_eq!(q.4.as_deref(), Some("said"));
}

#[test]
fn a_quote_split_by_its_attribution_is_one_quote() {
    let qs = quotes("'We will not sign,' Lina Okafor told reporters, 'whatever they offer.'");
    assert_eq!(
        qs.iter().filter(|q| q.1 != QuoteKind::Indirect).count(),
        1,
        "{qs:#?}"
    );
    let q = find(&qs, "We will not sign");
    assert!(q.0.ends_with("whatever they offer."), "{q:?}");
    assert_eq!(q.2.as_deref(), Some("Lina Okafor"));
    assert_eq!(q.4.as_deref(), Some("told"));
}

#[test]
fn colon_after_the_speaker() {
    let qs = quotes("Mayor Lina Okafor said: 'The cranes are ours. The debt is not.'");
    let q = find(&qs, "The cranes are ours");
    assert_eq!(q.1, QuoteKind::Direct);
    assert_eq!(q.2.as_deref(), Some("Lina Okafor"));
    assert_eq!(q.4.as_deref(), Some("said"));
}

#[test]
fn pronoun_and_consecutive_quotes() {
    let body = "Tomas Berglund has fished these waters for thirty years.\n\n\
                'The fish left first,' he told a crowd at the quay.\n\n\
                'Then the jobs went with them.'";
    let qs = quotes(body);
    let first = find(&qs, "The fish left first");
    assert_eq!(first.2.as_deref(), Some("Tomas Berglund"));
    assert_eq!(first.3.as_deref(), Some("he"));
    let next = find(&qs, "Then the jobs went");
    assert_eq!(next.2.as_deref(), Some("Tomas Berglund"));
}

#[test]
fn a_quote_continued_over_paragraphs() {
    let body = "Lina Okafor said the harbour board had failed.\n\n\
                'Nobody read the reports.\n\n\
                'Nobody asked the workers,' she added.";
    let qs = quotes(body);
    let q = find(&qs, "Nobody read the reports.");
    assert!(q.0.contains("Nobody asked the workers"), "{q:?}");
    assert_eq!(q.2.as_deref(), Some("Lina Okafor"));
}

#[test]
fn partial_quotes_are_mixed() {
    let qs =
        quotes("The Estonian government called the harbour deal a 'gift to smugglers' on Tuesday.");
    let q = find(&qs, "gift to smugglers");
    assert_eq!(q.1, QuoteKind::Mixed);
    assert_eq!(q.2.as_deref(), Some("Estonian government"));
}

#[test]
fn apostrophes_do_not_make_quotes() {
    let qs = quotes(
        "The dockers' union didn't expect the '90s rules to return, and Okafor's aides agreed.",
    );
    assert!(qs.iter().all(|q| q.1 == QuoteKind::Indirect), "{qs:#?}");
}

#[test]
fn indirect_speech() {
    let qs = quotes("Estonia said the new tariffs would ruin the northern ports.");
    let q = find(&qs, "the new tariffs would ruin the northern ports");
    assert_eq!(q.1, QuoteKind::Indirect);
    assert_eq!(q.2.as_deref(), Some("Estonia"));
    assert_eq!(q.4.as_deref(), Some("said"));

    let qs = quotes("Lina Okafor told reporters that the cranes would be sold.");
    let q = find(&qs, "the cranes would be sold");
    assert_eq!(q.2.as_deref(), Some("Lina Okafor"));
    assert_eq!(q.4.as_deref(), Some("told"));

    let qs = quotes("Three cranes were damaged in the storm, according to Lina Okafor.");
    let q = find(&qs, "Three cranes were damaged in the storm");
    assert_eq!(q.2.as_deref(), Some("Lina Okafor"));
    assert_eq!(q.4.as_deref(), Some("according to"));
}

#[test]
fn a_role_noun_speaks_for_the_country_its_sentence_names() {
    // in a story about Japan, the bare ministry after Finland's words is Finland's
    let qs = quotes(
        "Japan sent ships. Japanese officials in Japan said Japan would wait. Finland 'rejects the blockade of the harbour,' the foreign ministry said.",
    );
    let q = find(&qs, "rejects the blockade");
    assert_eq!(q.2.as_deref(), Some("Finland"));
    assert_eq!(q.3.as_deref(), Some("the foreign ministry"));
    // a ministry already of that country is that country's own body
    let qs = quotes("Finland 'rejects the blockade of the harbour,' the foreign ministry said.");
    let q = find(&qs, "rejects the blockade");
    assert_eq!(q.2.as_deref(), Some("Finnish foreign ministry"));
}

#[test]
fn someones_spokesman_speaks_for_no_country() {
    let qs = quotes("Finnish President Aino Virtanen closed the harbour, his spokesman said.");
    let q = find(&qs, "closed the harbour");
    assert_ne!(q.2.as_deref(), Some("Finland"), "{q:?}");
    assert_eq!(q.3.as_deref(), Some("his spokesman"));
}

#[test]
fn the_words_of_a_relative_aside_end_at_its_comma() {
    let qs = quotes("Rosa Quispe, who says the count was rigged, called for fresh elections.");
    let q = find(&qs, "the count was rigged");
    assert_eq!(q.0, "the count was rigged");
    assert_eq!(q.2.as_deref(), Some("Rosa Quispe"));
}

#[test]
fn a_possessed_role_speaks_for_its_owner_not_the_first_country() {
    let qs = quotes(
        "Kenyan shelling killed nine people in Somalia, Somalia's health ministry said on Sunday.",
    );
    let q = find(&qs, "Kenyan shelling killed");
    assert_ne!(q.2.as_deref(), Some("Kenya"), "{q:?}");
}

#[test]
fn it_opening_a_sentence_is_the_last_sentences_subject() {
    let qs = quotes(
        "The Kenyan army said its jets had struck camps run by Somali police near Kismayo. It \
         said two soldiers were hurt.",
    );
    let q = find(&qs, "two soldiers were hurt");
    assert_eq!(q.2.as_deref(), Some("Kenyan army"), "{q:?}");
}

#[test]
fn a_person_named_in_apposition_to_a_title_is_the_speaker() {
    let qs = quotes("Estonia's finance minister, Lina Okafor, said the ports would be sold.");
    let q = find(&qs, "the ports would be sold");
    assert_eq!(q.2.as_deref(), Some("Lina Okafor"));
}

#[test]
fn unbalanced_marks_do_not_swallow_the_article() {
    let qs = quotes(
        "Okafor said \"the talks are over.\n\nThe harbour reopened on Friday. 'Good,' she said.",
    );
    let q = find(&qs, "the talks are over");
    assert!(!q.0.contains("reopened"), "{q:?}");
    assert!(qs.iter().any(|q| q.0 == "Good,"), "{qs:#?}");
}

#[test]
fn a_bound_after_the_verb_opens_the_clause_and_the_country_refers_to_no_speaker() {
    let qs = quotes("The commission said at least nine dockers had been arrested.");
    let q = find(&qs, "nine dockers");
    assert!(q.0.starts_with("at least nine"), "{q:?}");
    let qs = quotes(
        "Ghana's port authority expects a long strike. Police detained 40 strikers across the \
         country, the interior ministry said.",
    );
    let q = find(&qs, "detained 40 strikers");
    assert_eq!(q.3.as_deref(), Some("the interior ministry"));
    assert_ne!(q.2.as_deref(), Some("Ghana"), "{q:?}");
}

#[test]
fn a_call_for_something_and_a_report_after_it_are_apart() {
    let qs = quotes(
        "Portugal's fisheries minister, Rui Costa, called for calm and said Lisbon would seek \
         a negotiated solution.",
    );
    let q = find(&qs, "Lisbon would seek");
    assert!(!q.0.contains("calm"), "{q:?}");
    assert_eq!(q.2.as_deref(), Some("Rui Costa"), "{q:?}");
}

#[test]
fn a_capital_that_opens_the_sentence_owns_the_ministry_that_reports_it() {
    let qs = quotes(
        "Hanoi summoned the ambassador of China over the collision, the foreign ministry said.",
    );
    let q = find(&qs, "summoned the ambassador");
    let speaker = q.2.as_deref().unwrap_or_default();
    assert!(
        !speaker.contains("China") && !speaker.contains("Chinese"),
        "{q:?}"
    );
    assert!(speaker.contains("Vietnam"), "{q:?}");
}

#[test]
fn claiming_a_thing_is_no_quote_claiming_a_clause_is() {
    let qs = quotes(
        "Nobody claimed responsibility for the blast at the depot. The ruling party claimed \
         victory in the port district. Tomas Brenner, the mayor, claimed the blast was caused \
         by a faulty valve.",
    );
    assert!(
        !qs.iter()
            .any(|q| q.0.contains("responsibility") || q.0.contains("victory")),
        "{qs:#?}"
    );
    let q = find(&qs, "the blast was caused by a faulty valve");
    assert_eq!(q.2.as_deref(), Some("Tomas Brenner"));
}

#[test]
fn a_second_verb_after_but_speaks_for_its_own_clause() {
    let qs = quotes(
        "Kenya's dockers' union rejected the offer, but the Kenya Ports Authority defended \
         the new rota and said the cranes would run through the night.",
    );
    let q = find(&qs, "the cranes would run through the night");
    assert_eq!(q.2.as_deref(), Some("Kenya Ports Authority"), "{qs:#?}");
}

#[test]
fn an_organisation_before_a_title_and_a_name_is_whose_the_speaker_is() {
    let qs = quotes(
        "Hezbollah deputy leader Karim Haddad, a former lawmaker, rejected the offer and \
         said the group would keep its weapons.",
    );
    let q = find(&qs, "the group would keep its weapons");
    assert_eq!(q.2.as_deref(), Some("Karim Haddad"), "{qs:#?}");
}

#[test]
fn adding_after_a_quote_goes_on_with_its_speaker_not_with_words_inside_it() {
    let qs = quotes(
        "\"We have dealt honestly with the regulator,\" Ines Moreau told shareholders in \
         Lyon, adding that the dividend would be cut.",
    );
    let q = find(&qs, "the dividend would be cut");
    assert_eq!(q.2.as_deref(), Some("Ines Moreau"), "{qs:#?}");
}

#[test]
fn a_capitalised_title_between_a_country_and_a_person_leads_to_the_person() {
    let qs = quotes(
        "U.S. Secretary of State Antony Blinken said Washington would not recognise the junta.",
    );
    let q = find(&qs, "Washington would not recognise the junta");
    assert_eq!(q.2.as_deref(), Some("Antony Blinken"), "{q:?}");
    let qs = quotes("Kenyan President William Ruto met the envoy and said Nairobi would help.");
    let q = find(&qs, "Nairobi would help");
    assert_eq!(q.2.as_deref(), Some("William Ruto"), "{q:?}");
}

#[test]
fn what_it_called_is_the_clause_subjects_label() {
    let qs = quotes(
        "The Philippine foreign ministry summoned China's ambassador to protest what it called \"dangerous and aggressive actions\".",
    );
    let q = find(&qs, "dangerous and aggressive actions");
    assert!(q.2.as_deref().is_some_and(|s| !s.contains("Chin")), "{q:?}");
}

#[test]
fn a_prepositional_adjunct_before_that_is_no_part_of_the_words() {
    let qs = quotes("Lina Okafor said on social media that the cranes had been sold.");
    let q = find(&qs, "the cranes had been sold");
    assert_eq!(q.0, "the cranes had been sold");
    let qs = quotes("The port authority said on its Telegram channel that the cranes were safe.");
    let q = find(&qs, "the cranes were safe");
    assert_eq!(q.0, "the cranes were safe");
}
