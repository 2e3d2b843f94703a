//! Unit tests of the quantity scanner and the casualty toll, on sentences written for them.

use newsgraph_doc::{Bound, QuantityKind, Stage};

use crate::{CasualtyStage, QuantityStage};

fn analyse(text: &str, published: &str) -> newsgraph_doc::Document {
    use newsgraph_doc::{Document, Format, Meta, Source};
    let meta = Meta {
        published: chrono::NaiveDate::parse_from_str(published, "%Y-%m-%d").ok(),
        ..Meta::default()
    };
    let source = Source {
        path: None,
        url: None,
        format: Format::Text,
    };
    let mut doc = Document::new("t", source, meta, text);
    newsgraph_layout::LayoutAnalyzer::new()
        .unwrap()
        .annotate(&mut doc)
        .unwrap();
    newsgraph_segment::Segmenter::new()
        .unwrap()
        .annotate(&mut doc)
        .unwrap();
    newsgraph_actors::ActorStage::new()
        .unwrap()
        .annotate(&mut doc)
        .unwrap();
    newsgraph_quotes::QuoteStage::new()
        .unwrap()
        .annotate(&mut doc)
        .unwrap();
    newsgraph_events::EventStage::new()
        .unwrap()
        .annotate(&mut doc)
        .unwrap();
    QuantityStage::new().unwrap().annotate(&mut doc).unwrap();
    CasualtyStage::new().unwrap().annotate(&mut doc).unwrap();
    doc.validate().unwrap();
    doc
}

/// `(text, value, kind, unit, date)` of a quantity.
type Seen = (String, f64, QuantityKind, Option<String>, Option<String>);

/// Every quantity of a one-sentence story.
fn quantities(sentence: &str) -> Vec<Seen> {
    let doc = analyse(
        &format!("Headline words here\n\n{sentence}\n"),
        "2024-03-14",
    );
    doc.quantities
        .iter()
        .map(|q| {
            (
                doc.span_text(q.span).to_string(),
                q.value,
                q.kind,
                q.unit.clone(),
                q.date.clone(),
            )
        })
        .collect()
}

fn one(sentence: &str) -> Seen {
    let mut all = quantities(sentence);
    assert_eq!(all.len(), 1, "{sentence}: {all:?}");
    all.remove(0)
}

#[test]
fn money_with_symbols_scales_and_words() {
    let q = one("Beijing has lent Nairobi $65billion since the deal was signed.");
    assert_eq!(
        (q.0.as_str(), q.1, q.2),
        ("$65billion", 65e9, QuantityKind::Money)
    );
    assert_eq!(q.3.as_deref(), Some("USD"));
    let q = one("The fund released €40 million to the port authority.");
    assert_eq!((q.1, q.3.as_deref()), (40e6, Some("EUR")));
    let q = one("The bank approved a loan of 2.5 billion euros on Friday.");
    assert_eq!(
        (q.1, q.2, q.3.as_deref()),
        (2.5e9, QuantityKind::Money, Some("EUR"))
    );
    let q = one("Lenders wrote off US$1.2bn of the debt.");
    assert_eq!((q.1, q.3.as_deref()), (1.2e9, Some("USD")));
}

#[test]
fn rates_and_durations() {
    let q = one("The central bank says prices will rise 10 million percent this year.");
    assert_eq!((q.1, q.2), (1e7, QuantityKind::Rate));
    let q = one("Unemployment fell to 5.5 per cent in March.");
    assert_eq!(
        (q.1, q.2, q.3.as_deref()),
        (5.5, QuantityKind::Rate, Some("percent"))
    );
    let q = one("Diplomats were given 72 hours to leave the capital.");
    assert_eq!(
        (q.1, q.2, q.3.as_deref()),
        (72.0, QuantityKind::Duration, Some("hours"))
    );
    let q = one("She began a second six-year term in office.");
    assert_eq!(
        (q.1, q.2, q.3.as_deref()),
        (6.0, QuantityKind::Duration, Some("years"))
    );
}

#[test]
fn casualty_kinds_from_the_words_around() {
    let q = one("Four people were killed by gunfire in the town of Kisumu.");
    assert_eq!((q.1, q.2), (4.0, QuantityKind::Killed));
    let q = one("The blast left more than 30 dead, officials said.");
    assert_eq!(
        (q.0.as_str(), q.1, q.2),
        ("more than 30", 30.0, QuantityKind::Killed)
    );
    let q = one("Police fired on the crowd, killing at least 14 protesters.");
    assert_eq!((q.1, q.2), (14.0, QuantityKind::Killed));
    let q = one("The death toll from the floods rose to 31 on Tuesday.");
    assert_eq!((q.1, q.2), (31.0, QuantityKind::Killed));
    let all = quantities("The bomb killed three soldiers and wounded 14 civilians.");
    let kinds: Vec<_> = all.iter().map(|q| (q.1, q.2)).collect();
    assert_eq!(
        kinds,
        vec![(3.0, QuantityKind::Killed), (14.0, QuantityKind::Injured)]
    );
    let q = one("Police detained dozens of students outside the university.");
    assert_eq!((q.1, q.2), (12.0, QuantityKind::Arrested));
}

#[test]
fn an_active_verb_after_a_subject_is_not_its_kind() {
    let all = quantities("Two gunmen killed a police officer near the market.");
    let kinds: Vec<_> = all.iter().map(|q| (q.1, q.2)).collect();
    assert_eq!(
        kinds,
        vec![(2.0, QuantityKind::Count), (1.0, QuantityKind::Killed)]
    );
}

#[test]
fn crowds_displacement_and_vague_amounts() {
    let q = one("Tens of thousands of demonstrators gathered in the capital.");
    assert_eq!(
        (q.0.as_str(), q.1, q.2),
        ("Tens of thousands", 1e4, QuantityKind::Crowd)
    );
    let q = one("Some 2.3 million people have fled the region since 2015.");
    assert_eq!(
        (q.1, q.2, q.4.as_deref()),
        (2.3e6, QuantityKind::Displaced, Some("2015"))
    );
    let q = one("A few dozen soldiers took part in the revolt.");
    assert_eq!(
        (q.1, q.2, q.3.as_deref()),
        (12.0, QuantityKind::Count, Some("soldier"))
    );
}

#[test]
fn historical_figures_carry_their_date() {
    let q = one("It was the worst unrest since a wave of riots left more than 120 dead in 2017.");
    assert_eq!(
        (q.1, q.2, q.4.as_deref()),
        (120.0, QuantityKind::Killed, Some("2017"))
    );
}

#[test]
fn years_days_times_ages_and_names_are_not_quantities() {
    assert!(quantities("The talks began on March 3 in 2019 at 10:30 in Geneva.").is_empty());
    assert!(quantities("The 35-year-old lawmaker cited Article 5 of the treaty.").is_empty());
    assert!(quantities("No one has claimed the attack, one of the worst this year.").is_empty());
}

#[test]
fn bounds_from_the_words_before() {
    let doc = analyse(
        "Headline here\n\nAt least 40 people were hurt and nearly 300 were arrested.\n",
        "2024-03-14",
    );
    let bounds: Vec<_> = doc
        .quantities
        .iter()
        .map(|q| (q.value, q.kind, q.bound))
        .collect();
    assert_eq!(
        bounds,
        vec![
            (40.0, QuantityKind::Injured, Bound::AtLeast),
            (300.0, QuantityKind::Arrested, Bound::AtMost)
        ]
    );
}

#[test]
fn a_total_and_its_parts_are_one_toll() {
    let doc = analyse(
        "Seven killed as protests spread across Kenya\n\nSeven people were killed on Tuesday in protests across Kenya.\nFour people died in Kisumu while three others were killed in the town of Nakuru.\nIn 2017, more than 50 people were killed in post-election violence.\n",
        "2024-03-14",
    );
    assert_eq!(doc.casualties.killed, Some(7), "{:?}", doc.quantities);
    let places: Vec<_> = doc
        .casualties
        .by_location
        .iter()
        .map(|p| (p.location.as_str(), p.killed))
        .collect();
    assert_eq!(places, vec![("Kisumu", Some(4)), ("Nakuru", Some(3))]);
}

#[test]
fn separate_places_add_up_and_claims_give_way() {
    let doc = analyse(
        "Two bombs hit northern towns\n\nA bomb killed two soldiers in Kano on Sunday, police said.\nHours later a second bomb killed three people in Kaduna.\nThe militants claimed they had killed 40 soldiers.\n",
        "2024-03-11",
    );
    assert_eq!(doc.casualties.killed, Some(5), "{:?}", doc.quantities);
}

#[test]
fn no_casualties_is_null() {
    let doc = analyse(
        "Parliament passes budget\n\nLawmakers voted 210 to 150 to pass a $3 billion budget on Monday.\n",
        "2024-03-14",
    );
    assert_eq!(doc.casualties.killed, None);
    assert_eq!(doc.casualties.injured, None);
}

#[test]
fn subsets_phone_numbers_and_hyphenated_durations() {
    let all = quantities("The strike killed 21 people, including seven children, officials said.");
    let kinds: Vec<_> = all.iter().map(|q| (q.1, q.2)).collect();
    assert_eq!(
        kinds,
        vec![(21.0, QuantityKind::Killed), (7.0, QuantityKind::Killed)]
    );
    assert!(quantities("Call the hotline on 0800 555 0111 with any information.").is_empty());
    let q = one("Unions called a 48-hour general strike.");
    assert_eq!(
        (q.0.as_str(), q.1, q.2),
        ("48-hour", 48.0, QuantityKind::Duration)
    );
}

#[test]
fn scaled_decimals_are_whole_numbers() {
    let q = one("The war has displaced 4.1 million people.");
    assert_eq!(q.1, 4_100_000.0);
}

/// `(value, kind)` of every quantity of a sentence.
fn kinds(sentence: &str) -> Vec<(f64, QuantityKind)> {
    quantities(sentence).iter().map(|q| (q.1, q.2)).collect()
}

#[test]
fn edges_found_in_review() {
    use QuantityKind::*;
    assert_eq!(
        kinds("Gunmen opened fire on the bus, killing a soldier."),
        [(1.0, Killed)]
    );
    assert_eq!(
        kinds("About 2000 people were killed in the fighting."),
        [(2000.0, Killed)]
    );
    assert_eq!(
        kinds("Officials said 20-30 people were killed."),
        [(20.0, Killed)]
    );
    assert_eq!(kinds("A few protesters were killed near the square."), []);
    assert_eq!(
        kinds("12 militants killed six soldiers at the post."),
        [(12.0, Count), (6.0, Killed)]
    );
    assert_eq!(
        kinds("The war has cost millions of dollars."),
        [(1e6, Money)]
    );
    let q = one("The bank granted a $50 million loan.");
    assert_eq!(q.3.as_deref(), Some("USD"));
    assert_eq!(
        kinds("Police seized 500 pounds of explosives."),
        [(500.0, Count)]
    );
    assert_eq!(
        kinds("Three children under 5 were killed."),
        [(3.0, Killed)]
    );
    assert!(kinds("Exam scores fell sharply this year.").is_empty());
}

#[test]
fn title_case_headlines_keep_their_figures() {
    let doc = analyse(
        "Gunmen Kill 12 In Attack On Village\n\nThe attack happened at night.\n",
        "2024-03-14",
    );
    let got: Vec<_> = doc.quantities.iter().map(|q| (q.value, q.kind)).collect();
    assert_eq!(got, [(12.0, QuantityKind::Killed)]);
}

#[test]
fn subsets_lives_claimed_and_since_an_event() {
    let doc = analyse(
        "Quake toll rises\n\nFive people were killed, three of them children, when the school collapsed.\n",
        "2024-03-14",
    );
    assert_eq!(doc.casualties.killed, Some(5), "{:?}", doc.quantities);
    let doc = analyse(
        "Blast in market\n\nThe blast claimed the lives of 12 people on Tuesday. Police said two suspects were killed in a raid.\n",
        "2024-03-14",
    );
    assert_eq!(doc.casualties.killed, Some(12), "{:?}", doc.quantities);
    let doc = analyse(
        "Quake toll rises\n\nMore than 300 people have died since Monday's earthquake, officials said.\n",
        "2024-03-14",
    );
    assert_eq!(doc.casualties.killed, Some(300), "{:?}", doc.quantities);
    let doc = analyse(
        "Violence in the south\n\nMore than 7,000 people have been killed since the insurgency began in 2004.\n",
        "2024-03-14",
    );
    assert_eq!(doc.casualties.killed, None, "{:?}", doc.quantities);
}

#[test]
fn counts_coordinated_as_objects_of_one_verb_share_its_kind() {
    let kinds = |s: &str| -> Vec<QuantityKind> { quantities(s).into_iter().map(|q| q.2).collect() };
    assert_eq!(
        kinds("The shelling killed three Afghan soldiers and two Iranian border guards."),
        [QuantityKind::Killed, QuantityKind::Killed]
    );
    assert_eq!(
        kinds("Police in Quito detained 14 men, three women and two teenagers."),
        [QuantityKind::Arrested; 3]
    );
    // a count of its own clause keeps its own kind
    assert_eq!(
        kinds("Gunmen killed five farmers and 12 were wounded."),
        [QuantityKind::Killed, QuantityKind::Injured]
    );
    let doc = analyse(
        "Clash\n\nThe shelling killed three Afghan soldiers and two Iranian border guards.\n",
        "2024-03-14",
    );
    assert_eq!(doc.casualties.killed, Some(5));
    assert!(
        doc.events.iter().any(|e| e.fatalities == Some(5)),
        "{:?}",
        doc.events
    );
}

#[test]
fn shot_dead_and_other_ways_of_killing_count_the_dead() {
    for sentence in [
        "At least six people were shot dead near the stadium.",
        "Soldiers shot dead four men at a checkpoint.",
        "Three villagers were hacked to death in the raid.",
        "Two guards were gunned down outside the bank.",
    ] {
        let q = one(sentence);
        assert_eq!(q.2, QuantityKind::Killed, "{sentence}: {q:?}");
    }
}

#[test]
fn a_wars_running_toll_is_not_the_articles_toll() {
    let doc = analyse(
        "Airport retaken\n\nThe army retook the airport, two years into a war that has killed \
         20,000 people. A drone strike killed four soldiers on Friday.\n",
        "2025-03-21",
    );
    assert_eq!(doc.casualties.killed, Some(4), "{:?}", doc.quantities);
}
