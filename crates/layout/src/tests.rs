use newsgraph_doc::{Document, Format, Meta, SectionKind, Source, Stage};

use super::*;

fn layout(text: &str) -> Vec<(SectionKind, String)> {
    let source = Source {
        path: None,
        url: None,
        format: Format::Text,
    };
    let mut doc = Document::new("t", source, Meta::default(), text);
    LayoutAnalyzer::new().unwrap().annotate(&mut doc).unwrap();
    doc.validate().unwrap();
    doc.sections
        .iter()
        .map(|s| (s.kind, doc.span_text(s.span).to_string()))
        .collect()
}

fn kinds(text: &str) -> Vec<SectionKind> {
    layout(text).into_iter().map(|(k, _)| k).collect()
}

use SectionKind::*;

#[test]
fn labelled_captions_between_blank_lines_in_dense_body() {
    let text = "Port strike spreads: Dockers walk out across the coast\n\
        Dock workers walked out at four ports on Monday.\n\
        The union said talks had failed.\n\
        Managers said they would meet again.\n\
        \n\
        Picket line: Workers hold banners outside the main gate in Santos\n\
        \n\
        Who pays? A trader looks at empty cranes at the container terminal\n\
        Shipping firms said losses could reach millions.\n\
        The minister said: 'We will not give in.'\n";
    assert_eq!(
        kinds(text),
        [Headline, Paragraph, Paragraph, Paragraph, Caption, Caption, Paragraph, Paragraph]
    );
}

#[test]
fn credit_lines_are_captions_even_in_blank_separated_text() {
    let text = "Food bank demand soars\n\nVolunteers packed 900 parcels last week.\n\n\
        A volunteer sorts tins at the depot on Tuesday. (Photo: Ann Lee/The Courier)\n\n\
        The charity said demand had doubled since spring.\n";
    assert_eq!(kinds(text), [Headline, Paragraph, Caption, Paragraph]);
}

#[test]
fn blank_separated_body_with_label_like_questions_stays_body() {
    let text = "Why rates matter\n\nThe bank raised its rate again on Thursday.\n\n\
        Why does it matter? Higher rates make mortgages dearer for millions of families.\n\n\
        Economists said more rises were likely.\n";
    assert_eq!(kinds(text), [Headline, Paragraph, Paragraph, Paragraph]);
}

#[test]
fn top_matter_bullets_bylines_and_dateline() {
    let text = "Quake hits coastal city\n- At least 12 dead\n- Hundreds of homes damaged\n\
        By JANE DOE and Li Wei\nPublished: 10:02 GMT, 3 May 2021\n\n\
        MANILA, May 3 (Reuters) - A strong earthquake struck on Monday.\nMore follows.\n";
    let got = layout(text);
    let k: Vec<SectionKind> = got.iter().map(|(k, _)| *k).collect();
    assert_eq!(
        k,
        [Headline, Highlight, Highlight, Byline, Byline, Dateline, Paragraph, Paragraph]
    );
    assert_eq!(got[5].1, "MANILA, May 3 (Reuters) -");
    assert_eq!(got[6].1, "A strong earthquake struck on Monday.");
}

#[test]
fn joint_and_mixed_case_datelines() {
    let got = layout("Trade row\n\nLIMA/QUITO, June 2 - Peru closed the border.\n");
    assert_eq!(got[1], (Dateline, "LIMA/QUITO, June 2 -".to_string()));
    let got = layout("Budget row\n\nVienna - A dispute broke out.\n\nVienna - the city - votes.\n");
    assert_eq!(got[1], (Dateline, "Vienna -".to_string()));
    assert_eq!(got[2], (Paragraph, "A dispute broke out.".to_string()));
    // only at the start of the first paragraph, before a capital
    assert_eq!(
        got[3],
        (Paragraph, "Vienna - the city - votes.".to_string())
    );
    let got = layout("Budget row\n\nVienna - the city voted.\n");
    assert_eq!(got[1].0, Paragraph);
}

#[test]
fn metadata_from_byline_and_dateline() {
    let source = Source {
        path: None,
        url: None,
        format: Format::Text,
    };
    let text = "Court halts mine\nBy JANE DOE and Li Wei, Reuters\n\nKYIV, Ukraine (AP) — The court ruled.\n";
    let mut doc = Document::new("t", source, Meta::default(), text);
    LayoutAnalyzer::new().unwrap().annotate(&mut doc).unwrap();
    assert_eq!(doc.meta.authors, ["Jane Doe", "Li Wei"]);
    assert_eq!(doc.meta.outlet.as_deref(), Some("Associated Press"));
    assert_eq!(doc.meta.title.as_deref(), Some("Court halts mine"));
}

#[test]
fn a_page_date_line_gives_the_publication_date_when_the_input_has_none() {
    let analyzer = LayoutAnalyzer::new().unwrap();
    let published = |text: &str, given: Option<&str>| {
        let source = Source {
            path: None,
            url: None,
            format: Format::Text,
        };
        let meta = Meta {
            published: given.map(|d| d.parse().unwrap()),
            ..Meta::default()
        };
        let mut doc = Document::new("t", source, meta, text);
        analyzer.annotate(&mut doc).unwrap();
        doc.meta.published.map(|d| d.to_string())
    };
    let body = "\n\nRain fell across the region on Tuesday, forecasters said.\n";
    let page = |line: &str| format!("Storm floods valley\nBy Ana Costa\n{line}{body}");
    assert_eq!(
        published(
            &page("Published: 18:20 GMT, 5 March 2025 | Updated: 21:05 GMT, 6 March 2025"),
            None
        )
        .as_deref(),
        Some("2025-03-05")
    );
    assert_eq!(
        published(&page("Posted March 9, 2024"), None).as_deref(),
        Some("2024-03-09")
    );
    assert_eq!(
        published(&page("Tuesday 5 March 2024"), None).as_deref(),
        Some("2024-03-05")
    );
    // an update time is not the publication date, and the input's own date wins
    assert_eq!(published(&page("Last updated: 6 March 2025"), None), None);
    assert_eq!(
        published(&page("Published: 5 March 2025"), Some("2025-03-07")).as_deref(),
        Some("2025-03-07")
    );
    // a date in the body is not the page's
    assert_eq!(
        published(
            &format!("Storm floods valley{body}On 5 March 2025 it rained.\n"),
            None
        ),
        None
    );
}

#[test]
fn standfirst_before_byline_is_a_highlight() {
    let text =
        "Ministers split over farm subsidies\nA row over support payments threatens the budget\n\
        By Sam Green\n\nThe cabinet met on Tuesday.\n";
    assert_eq!(kinds(text), [Headline, Highlight, Byline, Paragraph]);
}

#[test]
fn boilerplate_lines_end_markers_and_comment_teasers() {
    let text =
        "Bridge reopens\nThe bridge reopened on Friday.\nAdvertisement\nTraffic was light.\n\
        Read more: Bridge closure costs\nShare this article\nDrivers welcomed the news.\n\
        I told you this would happen ...\nby roadwatcher42\n";
    assert_eq!(
        kinds(text),
        [
            Headline,
            Paragraph,
            Boilerplate,
            Paragraph,
            Boilerplate,
            Boilerplate,
            Paragraph,
            Boilerplate,
            Boilerplate
        ]
    );
    let release =
        "Acme opens plant\nAcme opened a plant today.\n###\nAbout Acme\nAcme makes tools.\n";
    assert_eq!(
        kinds(release),
        [Headline, Paragraph, Boilerplate, Boilerplate, Boilerplate]
    );
}

#[test]
fn hard_wrapped_paragraphs_join() {
    let text = "Rail fares to rise\n\n\
        Rail fares in the region will rise by 4 per cent from March, the\n\
        transport authority said on Wednesday, the third rise in as many\n\
        years for commuters.\n\n\
        Passenger groups called the decision unfair and said they would\n\
        campaign against it in the coming weeks and months ahead of talks.\n\n\
        The authority said the money would fund new trains for the busiest\n\
        lines, which have seen crowding grow since the pandemic ended here.\n";
    let got = layout(text);
    assert_eq!(got.len(), 4, "{got:#?}");
    assert!(got[1].1.ends_with("for commuters."));
}

#[test]
fn lowercase_continuation_joins_without_wrapping() {
    let text =
        "Title here\nThe mayor said the plan, which\nhad been delayed, would go ahead.\nIt will.\n";
    assert_eq!(kinds(text), [Headline, Paragraph, Paragraph]);
}

#[test]
fn given_title_that_differs_from_a_long_first_line_means_no_headline() {
    let source = Source {
        path: None,
        url: None,
        format: Format::Jsonl,
    };
    let meta = Meta {
        title: Some("Storm closes schools".into()),
        ..Meta::default()
    };
    let text = "Schools across the northern district were closed on Thursday as a storm brought heavy snow and strong winds that brought down power lines in several villages and towns.\nMore snow is expected.";
    let mut doc = Document::new("t", source, meta, text);
    LayoutAnalyzer::new().unwrap().annotate(&mut doc).unwrap();
    assert_eq!(doc.sections[0].kind, Paragraph);
    assert_eq!(doc.meta.title.as_deref(), Some("Storm closes schools"));
}

#[test]
fn empty_and_whitespace_text_give_no_sections() {
    assert!(kinds("").is_empty());
    assert!(kinds(" \n\n\t\n").is_empty());
}

#[test]
fn author_lists() {
    assert_eq!(
        authors("By Ana Costa, Li Wei and Tom Ray"),
        ["Ana Costa", "Li Wei", "Tom Ray"]
    );
    assert_eq!(
        authors("By DANIEL PRYCE FOR THE DAILY HERALD"),
        ["Daniel Pryce"]
    );
    assert_eq!(authors("By Ana Costa in Lisbon"), ["Ana Costa"]);
    assert_eq!(authors("by Thandiwe Mokoena"), ["Thandiwe Mokoena"]);
}

#[test]
fn unmarked_highlights_down_to_the_byline_and_a_counted_comments_header_end_the_story() {
    let text = "Dockers block port as pay talks collapse\n\n\
        Strike enters its third week with no deal in sight\n\
        Shipping lines divert cargo to rival harbours\n\
        Union leader calls the offer 'an insult'\n\n\
        By Ama Owusu For Harbournews.com\n\n\
        Published: 09:15 GMT, 4 March 2031\n\n\
        Dock workers blocked the gates of the port on Monday.\n\n\
        Strikers march past the container terminal on Monday\n\n\
        The union said talks had failed.\n\n\
        Comments (38)\n\n\
        Pay them what they are worth. The bosses earn enough.\n";
    assert_eq!(
        kinds(text),
        [
            Headline,
            Highlight,
            Highlight,
            Highlight,
            Byline,
            Byline,
            Paragraph,
            Caption,
            Paragraph,
            Boilerplate,
            Boilerplate
        ]
    );
    // a comments link above the body ends nothing
    let top = "Dockers block port\nComments 12\nDock workers blocked the gates on Monday.\n\
        The union said talks had failed.\n";
    assert_eq!(kinds(top), [Headline, Boilerplate, Paragraph, Paragraph]);
}

#[test]
fn a_long_finished_sentence_with_a_describing_verb_is_body_text() {
    let text = "Farmers block highway\nBy Lea Moreau\n\n\
        LYON, May 3 (Reuters) - Police fired tear gas at hundreds of farmers who had blocked the \
        A7 motorway near Lyon on Tuesday, as protesters who carry banners and throw eggs at \
        officers vowed to stay until the government drops its new tax on diesel fuel for farms.\n\
        The farm union said 40 tractors took part.\n\
        The interior ministry said two officers were hurt.\n\n\
        Farmers march towards the motorway near Lyon\n\n\
        The protest is the third such blockade this month, the union said.\n\
        Talks with the agriculture minister are due to resume in Paris on Friday.\n";
    let kinds = kinds(text);
    assert_eq!(kinds[2..4], [Dateline, Paragraph], "{kinds:?}");
    assert!(kinds.contains(&Caption), "{kinds:?}");
}

#[test]
fn a_credit_line_in_brackets_is_furniture() {
    let text = "Port reopens\nThe port reopened on Friday.\nTraffic was light.\n\
        (Reporting by Ama Owusu in Accra; Editing by Tom Hale)\n";
    assert_eq!(kinds(text), [Headline, Paragraph, Paragraph, Boilerplate]);
}

#[test]
fn a_comments_header_with_a_colon_and_a_count_ends_the_story() {
    let text = "Port reopens\nThe port reopened on Friday.\nTraffic was light.\n\
        Comments: 14\nGreat news for the town.\n";
    assert_eq!(
        kinds(text),
        [Headline, Paragraph, Paragraph, Boilerplate, Boilerplate]
    );
}
