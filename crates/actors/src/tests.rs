//! Unit tests of recognition and linking on short texts written for them.

use std::sync::OnceLock;

use chrono::NaiveDate;
use newsgraph_doc::{Document, Format, MentionType, Meta, Source, Stage};
use newsgraph_layout::LayoutAnalyzer;
use newsgraph_segment::Segmenter;

use super::*;

fn stage() -> &'static ActorStage {
    static STAGE: OnceLock<ActorStage> = OnceLock::new();
    STAGE.get_or_init(|| ActorStage::new().unwrap())
}

fn run(stage: &ActorStage, text: &str, published: Option<&str>) -> Document {
    let source = Source {
        path: None,
        url: None,
        format: Format::Text,
    };
    let meta = Meta {
        published: published.map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap()),
        ..Meta::default()
    };
    let mut doc = Document::new("t", source, meta, text);
    LayoutAnalyzer::new().unwrap().annotate(&mut doc).unwrap();
    Segmenter::new().unwrap().annotate(&mut doc).unwrap();
    stage.annotate(&mut doc).unwrap();
    doc.validate().unwrap();
    doc
}

fn analyze(text: &str, published: Option<&str>) -> Document {
    run(stage(), text, published)
}

/// The actor of the `n`th mention whose text is `surface`.
fn actor_of<'d>(doc: &'d Document, surface: &str) -> Option<&'d Actor> {
    doc.mentions
        .iter()
        .find(|m| doc.span_text(m.span) == surface)
        .and_then(|m| m.actor)
        .map(|a| &doc.actors[a as usize])
}

fn mention_type(doc: &Document, surface: &str) -> Option<MentionType> {
    doc.mentions
        .iter()
        .find(|m| doc.span_text(m.span) == surface)
        .map(|m| m.kind)
}

fn surfaces(doc: &Document) -> Vec<&str> {
    doc.mentions.iter().map(|m| doc.span_text(m.span)).collect()
}

const HEADLINE: &str = "Lawmakers clash over budget\n\n";

#[test]
fn full_name_surname_and_title_surname_are_one_actor() {
    let doc = analyze(
        &format!(
            "{HEADLINE}Amina Wanjiru, a senator, said the vote was rigged. Wanjiru later \
             left the chamber. Senator Wanjiru did not return.\n"
        ),
        None,
    );
    let a = actor_of(&doc, "Amina Wanjiru").expect("full name found");
    let all: Vec<_> = doc
        .mentions
        .iter()
        .filter(|m| doc.span_text(m.span).contains("Wanjiru"))
        .collect();
    assert_eq!(all.len(), 3, "{:?}", surfaces(&doc));
    assert!(all.iter().all(|m| m.actor == all[0].actor));
    assert_eq!(a.kind, ActorType::Person);
    assert_eq!(a.name, "Amina Wanjiru");
}

#[test]
fn capitals_act_as_governments_or_stand_as_places() {
    let doc = analyze(
        "Trade row deepens\n\nWashington warned on Friday that new tariffs were coming. \
         Diplomats will meet for talks in Washington next week.\n",
        Some("2023-05-02"),
    );
    let acting = &doc.actors[doc.mentions[0].actor.unwrap() as usize];
    assert_eq!(doc.span_text(doc.mentions[0].span), "Washington");
    assert_eq!(acting.cameo.as_deref(), Some("USAGOV"));
    let place = doc
        .mentions
        .iter()
        .rev()
        .find(|m| doc.span_text(m.span) == "Washington")
        .unwrap();
    let place = &doc.actors[place.actor.unwrap() as usize];
    assert_eq!(place.kind, ActorType::Place);
    assert_eq!(place.country.as_deref(), Some("USA"));
}

#[test]
fn a_town_name_shared_abroad_is_the_bigger_town_unless_the_story_is_at_home() {
    let doc = analyze(
        "Rights office alarmed\n\nThe rights office in Geneva said on Tuesday that it was \
         alarmed by the arrests of journalists in Lusaka.\n",
        Some("2025-03-04"),
    );
    let geneva = actor_of(&doc, "Geneva").unwrap();
    assert_eq!(geneva.country.as_deref(), Some("CHE"));
    let home = analyze(
        "River floods suburbs\n\nFlooding closed roads in Geneva on Tuesday as the Fox River \
         rose across the United States' Midwest, and American officials in Chicago said more \
         rain was coming to the region.\n",
        Some("2025-03-04"),
    );
    assert_eq!(
        actor_of(&home, "Geneva").unwrap().country.as_deref(),
        Some("USA")
    );
}

#[test]
fn a_name_two_states_share_follows_the_story() {
    let brazzaville = analyze(
        "Congo police fire tear gas\n\nBRAZZAVILLE, March 4 - Police in the Republic of the \
         Congo fired tear gas at protesters in Brazzaville on Tuesday. Congo's interior minister \
         said order would be kept.\n",
        Some("2025-03-04"),
    );
    assert_eq!(
        actor_of(&brazzaville, "Congo").unwrap().country.as_deref(),
        Some("COG")
    );
    let kinshasa = analyze(
        "Rebels near Goma\n\nKINSHASA, March 4 - Rebels advanced towards Goma in eastern \
         Congo on Tuesday, and the government in Kinshasa accused Rwanda of backing them.\n",
        Some("2025-03-04"),
    );
    assert_eq!(
        actor_of(&kinshasa, "Congo").unwrap().country.as_deref(),
        Some("COD")
    );
    // with nothing else to go by, Congo is the larger state
    let bare = analyze(
        "Talks resume\n\nCongo and Angola agreed on Tuesday to reopen the border.\n",
        None,
    );
    assert_eq!(
        actor_of(&bare, "Congo").unwrap().country.as_deref(),
        Some("COD")
    );
}

#[test]
fn a_road_number_is_no_organisation() {
    let doc = analyze(
        "Army pulls back\n\nThe army will withdraw from checkpoints along the N1 highway, \
         the main road to the coast, while M23 rebels hold the A4 road.\n",
        Some("2025-03-04"),
    );
    assert!(actor_of(&doc, "N1").is_none(), "{:?}", surfaces(&doc));
    assert!(actor_of(&doc, "A4").is_none(), "{:?}", surfaces(&doc));
    assert!(actor_of(&doc, "M23").is_some(), "{:?}", surfaces(&doc));
}

#[test]
fn seats_of_power_stand_for_their_state() {
    let doc = analyze(
        "Envoy expelled\n\nThe Kremlin said the envoy had broken the rules, and the Pentagon \
         moved ships closer.\n",
        None,
    );
    assert_eq!(
        actor_of(&doc, "Kremlin").and_then(|a| a.cameo.as_deref()),
        Some("RUSGOV")
    );
    assert_eq!(
        actor_of(&doc, "Pentagon").and_then(|a| a.cameo.as_deref()),
        Some("USAMIL")
    );
}

#[test]
fn adjectives_and_possessives_give_role_nouns_their_country() {
    let doc = analyze(
        "Protest turns violent\n\nKenyan police fired tear gas at protesters in Nairobi. \
         Later Nigeria's Supreme Court ruled on a separate case.\n",
        None,
    );
    let police = actor_of(&doc, "Kenyan police").expect("one mention for adjective + noun");
    assert_eq!(police.cameo.as_deref(), Some("KENCOP"));
    assert_eq!(
        actor_of(&doc, "Supreme Court").and_then(|a| a.cameo.as_deref()),
        Some("NGAJUD")
    );
    assert_eq!(mention_type(&doc, "Supreme Court"), Some(MentionType::Org));
    assert_eq!(mention_type(&doc, "Nigeria"), Some(MentionType::Gpe));
}

#[test]
fn role_nouns_without_a_country_take_the_articles_main_country() {
    let doc = analyze(
        "Unrest in Peru\n\nPeru's capital saw clashes. Riot police used batons in Lima as \
         Peru braced for more. The army was on standby.\n",
        None,
    );
    assert_eq!(
        actor_of(&doc, "Riot police").and_then(|a| a.cameo.as_deref()),
        Some("PERCOP")
    );
    assert_eq!(
        actor_of(&doc, "army").and_then(|a| a.cameo.as_deref()),
        Some("PERMIL")
    );
}

#[test]
fn sentence_initial_and_headline_capitals_are_not_names() {
    let doc = analyze(
        "Floods Swamp Valley Towns As Rivers Rise\n\nThousands fled their homes on Sunday. \
         Despite the warnings, Officials kept the schools open. Residents said help came \
         late.\n",
        None,
    );
    let named: Vec<&str> = doc
        .mentions
        .iter()
        .filter(|m| m.kind != MentionType::Group)
        .map(|m| doc.span_text(m.span))
        .collect();
    assert!(named.is_empty(), "{named:?}");
    // Role nouns are groups, wherever they stand.
    assert_eq!(mention_type(&doc, "Officials"), Some(MentionType::Group));
}

#[test]
fn unknown_people_are_found_by_their_cues() {
    let doc = analyze(
        &format!(
            "{HEADLINE}\"We will not give up,\" Tomasz Wierzbicki said. Local farmer Halima \
             Abdi told reporters the wells were dry. Gen. Osei Mensah ordered a retreat.\n"
        ),
        None,
    );
    for name in ["Tomasz Wierzbicki", "Halima Abdi", "Osei Mensah"] {
        assert_eq!(
            mention_type(&doc, name),
            Some(MentionType::Person),
            "{name}"
        );
    }
    let general = actor_of(&doc, "Osei Mensah").unwrap();
    assert_eq!(general.roles, ["MIL"]);
}

#[test]
fn role_descriptions_join_the_person_introduced_with_the_title() {
    let doc = analyze(
        "Reform bill signed\n\nPresident Lucia Ferreira signed the bill on Monday. Critics \
         said the president had rushed it.\n",
        None,
    );
    let ferreira = doc
        .mentions
        .iter()
        .find(|m| doc.span_text(m.span) == "Lucia Ferreira")
        .expect("name found");
    let role = doc
        .mentions
        .iter()
        .find(|m| doc.span_text(m.span) == "president")
        .expect("role description linked");
    assert_eq!(role.actor, ferreira.actor);
}

#[test]
fn people_in_office_are_coded_by_the_articles_date() {
    let text = "Summit ends\n\nDonald Trump met allies in Brussels. Trump said little.\n";
    let in_office = analyze(text, Some("2019-06-01"));
    assert_eq!(
        actor_of(&in_office, "Trump").and_then(|a| a.cameo.as_deref()),
        Some("USAGOV")
    );
    let out_of_office = analyze(text, Some("2022-06-01"));
    let code = actor_of(&out_of_office, "Trump").and_then(|a| a.cameo.clone());
    assert_ne!(code.as_deref(), Some("USAGOV"));
    assert_eq!(
        actor_of(&out_of_office, "Trump").and_then(|a| a.country.as_deref()),
        Some("USA")
    );
}

#[test]
fn an_organisations_seat_acts_for_it_and_is_a_place_otherwise() {
    let doc = analyze(
        "Sanctions agreed\n\nBrussels said the measures would start in June. Ministers had \
         gathered in Brussels on Monday.\n",
        None,
    );
    let acting = actor_of(&doc, "Brussels").unwrap();
    assert!(acting.name.contains("European Union"), "{acting:?}");
    let last = doc
        .mentions
        .iter()
        .rev()
        .find(|m| doc.span_text(m.span) == "Brussels")
        .unwrap();
    let place = &doc.actors[last.actor.unwrap() as usize];
    assert_eq!(place.kind, ActorType::Place);
    assert_eq!(place.country.as_deref(), Some("BEL"));
}

#[test]
fn cities_need_a_place_cue_unless_they_are_big() {
    let doc = analyze(
        "Storm damage\n\nFive people died in the city of Eldoret, and roads near Nakuru \
         were cut. Reading the forecast, farmers waited.\n",
        None,
    );
    assert_eq!(
        actor_of(&doc, "Eldoret").and_then(|a| a.country.as_deref()),
        Some("KEN")
    );
    assert_eq!(
        actor_of(&doc, "Nakuru").and_then(|a| a.country.as_deref()),
        Some("KEN")
    );
    assert!(!surfaces(&doc).contains(&"Reading"));
}

#[test]
fn a_town_named_without_a_place_cue_gives_no_country_to_a_role() {
    // Nakuru is a Kenyan town and here a Peruvian president's surname: the army he is
    // accused next to is no Kenyan army.
    let doc = analyze(
        "Troops take over in Lima\n\nPresident Lucas Nakuru fled Lima on Monday. Colonel Rosa \
         Quispe accused Nakuru of graft and said the army had acted to save Peru.\n",
        None,
    );
    let army = actor_of(&doc, "army").unwrap();
    assert_ne!(army.country.as_deref(), Some("KEN"), "{army:?}");
    // after a place cue the town still says where a role belongs
    let doc = analyze(
        "Storm damage\n\nIn Nakuru, police said the river had burst its banks.\n",
        None,
    );
    assert_eq!(
        actor_of(&doc, "police").and_then(|a| a.country.as_deref()),
        Some("KEN")
    );
}

#[test]
fn its_after_an_infinitive_is_the_one_urged_to_act() {
    let doc = analyze(
        "Border tension\n\nWashington and Ottawa called on Eritrea to withdraw its forces \
         from the border.\n",
        None,
    );
    assert_eq!(
        actor_of(&doc, "forces").and_then(|a| a.country.as_deref()),
        Some("ERI")
    );
}

#[test]
fn its_past_an_aside_is_the_subject_country() {
    let doc = analyze(
        "Unrest in Bamako\n\nCanada, which runs a school in Bamako, told its citizens to stay \
         indoors.\n",
        None,
    );
    assert_eq!(
        actor_of(&doc, "citizens").and_then(|a| a.country.as_deref()),
        Some("CAN")
    );
}

#[test]
fn a_town_named_like_a_common_word_is_the_word() {
    // March (England), Police (Poland), Most (Czechia) are towns too
    let doc = analyze(
        "Talks resume\n\nIn March, Police in Lima said most talks had failed. Most \
         delegates left.\n",
        None,
    );
    let surfaces = surfaces(&doc);
    for word in ["March", "Police", "Most"] {
        assert!(
            !doc.mentions
                .iter()
                .any(|m| doc.span_text(m.span) == word && m.kind == MentionType::Gpe),
            "{word} in {surfaces:?}"
        );
    }
}

#[test]
fn and_before_a_word_that_only_opens_a_known_name_stays_inside_the_name() {
    // `Human` opens `Human Rights Watch`; `Human Rights` alone is the end of this name
    let doc = analyze(
        "Report\n\nThe Institute for Peace and Human Rights said 40 people were held.\n",
        None,
    );
    assert!(
        surfaces(&doc).contains(&"Institute for Peace and Human Rights"),
        "{:?}",
        surfaces(&doc)
    );
}

#[test]
fn un_missions_named_by_their_acronym_are_the_un() {
    let doc = analyze(
        "Border shelling\n\nUNMISS said one of its bases near Malakal was shelled.\n",
        None,
    );
    assert_eq!(
        actor_of(&doc, "UNMISS").and_then(|a| a.cameo.as_deref()),
        Some("IGOUNO")
    );
}

#[test]
fn possessives_link_to_the_name() {
    let doc = analyze(
        &format!("{HEADLINE}Premier Joaquim Sousa spoke. Sousa's allies cheered.\n"),
        None,
    );
    let full = actor_of(&doc, "Joaquim Sousa").unwrap() as *const Actor;
    let short = actor_of(&doc, "Sousa").unwrap() as *const Actor;
    assert_eq!(full, short);
}

#[test]
fn user_dictionaries_in_three_formats() {
    let dir = tempfile::tempdir().unwrap();
    let tsv = dir.path().join("extra.tsv");
    std::fs::write(
        &tsv,
        "# name\taliases\tcameo\tfrom\tto\trole\nDelta Youth Front\tDYF\tNGAREB\n\
         Ebere Okonkwo\tOkonkwo\tNGAGOV\t2021-01-01\t\tgovernor\n",
    )
    .unwrap();
    let actors = dir.path().join("extra.actors");
    std::fs::write(
        &actors,
        "# a PETRARCH dictionary\nZANELE_MKHIZE_\n+MKHIZE_\n\t[ZAFGOV >190101]\n",
    )
    .unwrap();
    let agents = dir.path().join("extra.agents");
    std::fs::write(
        &agents,
        "!PERSON! = MAN, MEN\nOKADA_RIDER {OKADA_RIDERS} [~CVL]\nBOAT!PERSON! [~CVL]\n",
    )
    .unwrap();
    let mut lex = ActorLexicon::embedded().unwrap();
    assert_eq!(lex.extend_from_file(&tsv).unwrap(), 2);
    assert_eq!(lex.extend_from_file(&actors).unwrap(), 1);
    assert_eq!(lex.extend_from_file(&agents).unwrap(), 4);
    let stage = ActorStage::with_lexicon(lex);
    let doc = run(
        &stage,
        "Clashes in the delta\n\nThe DYF said okada riders were attacked. Okonkwo blamed \
         Zanele Mkhize, and Mkhize denied it.\n",
        Some("2022-03-01"),
    );
    assert_eq!(
        actor_of(&doc, "DYF").and_then(|a| a.cameo.as_deref()),
        Some("NGAREB")
    );
    assert_eq!(
        actor_of(&doc, "Okonkwo").and_then(|a| a.cameo.as_deref()),
        Some("NGAGOV")
    );
    assert_eq!(
        actor_of(&doc, "Mkhize").and_then(|a| a.cameo.as_deref()),
        Some("ZAFGOV")
    );
    assert!(actor_of(&doc, "okada riders").is_some());

    let bad = dir.path().join("bad.tsv");
    std::fs::write(&bad, "Someone\t\tnot-a-code\n").unwrap();
    let err = ActorLexicon::embedded()
        .unwrap()
        .extend_from_file(&bad)
        .unwrap_err()
        .to_string();
    assert!(err.contains("bad.tsv:1") && err.contains("CAMEO"), "{err}");
}

#[test]
fn no_panic_and_valid_layers_on_odd_text() {
    for text in [
        "",
        "A",
        "THE PRESIDENT SAID\n",
        "the the the\n",
        "President\n",
        "Kenyan\n",
        "’s 's Washington's\n",
        "Gen. . . Mr.\n",
    ] {
        analyze(text, None);
    }
}

#[test]
fn a_country_adjective_before_a_role_noun_makes_the_home_country() {
    // no country is named on its own: "Zambian police" alone says where the story is
    let doc = analyze(
        "Crackdown\n\nZambian police detained several opposition activists and two \
         students after a rally on Saturday.\n",
        Some("2024-08-10"),
    );
    let activists = actor_of(&doc, "opposition activists").expect("the activists");
    assert_eq!(activists.country.as_deref(), Some("ZMB"));
    assert_eq!(activists.cameo.as_deref(), Some("ZMBOPP"));
    let students = actor_of(&doc, "students").expect("the students");
    assert_eq!(students.country.as_deref(), Some("ZMB"));
}

#[test]
fn heads_of_state_beyond_the_g20_are_coded_by_date() {
    let doc = analyze(
        "Talks\n\nPresident Samia Suluhu Hassan met Senegal's President Bassirou Diomaye Faye \
         in Dodoma on Monday.\n",
        Some("2025-02-10"),
    );
    let samia = actor_of(&doc, "Samia Suluhu Hassan").expect("Samia Suluhu Hassan");
    assert_eq!(samia.cameo.as_deref(), Some("TZAGOV"));
    let faye = actor_of(&doc, "Bassirou Diomaye Faye").expect("Faye");
    assert_eq!(faye.cameo.as_deref(), Some("SENGOV"));
}

#[test]
fn state_television_is_state_media() {
    let doc = analyze(
        "Curfew\n\nThe Ugandan army announced a curfew in Gulu on state television on Sunday.\n",
        Some("2024-09-01"),
    );
    let tv = actor_of(&doc, "state television").expect("state television");
    assert_eq!(tv.cameo.as_deref(), Some("UGAGOVMED"));
}

#[test]
fn a_group_noun_that_opens_an_organisation_name_is_part_of_it() {
    let doc = analyze(
        "Strike\n\nThe Farmers Union of Malawi called a strike, and farmers blocked roads.\n",
        Some("2024-09-01"),
    );
    assert_eq!(
        mention_type(&doc, "Farmers Union of Malawi"),
        Some(MentionType::Org)
    );
    // the lowercase noun is still the role
    let farmers = actor_of(&doc, "farmers").expect("farmers");
    assert_eq!(farmers.roles, ["AGR"]);
}

#[test]
fn a_portfolio_before_a_name_is_part_of_the_title() {
    let doc = analyze(
        "Pay row\n\nLabour Minister Petra Lindqvist met union leaders in Oslo on Monday.\n",
        Some("2024-09-01"),
    );
    assert!(!surfaces(&doc).contains(&"Labour"), "{:?}", surfaces(&doc));
    let minister = actor_of(&doc, "Petra Lindqvist").expect("the minister");
    assert_eq!(minister.roles, ["GOV"]);
    // a party's leader is still the party's
    let doc = analyze(
        "Pay row\n\nThe Labour Party said the deal was fair.\n",
        Some("2024-09-01"),
    );
    assert_eq!(mention_type(&doc, "Labour Party"), Some(MentionType::Org));
}

#[test]
fn a_person_of_an_organisation_is_two_mentions() {
    let doc = analyze(
        "Pay row\n\nPetra Lindqvist of the SPD said the plan was unfair, and Jonas Berg de \
         Vries of the Greens agreed.\n",
        Some("2024-09-01"),
    );
    let names = surfaces(&doc);
    assert!(names.contains(&"Petra Lindqvist"), "{names:?}");
    assert!(names.contains(&"SPD"), "{names:?}");
    assert!(!names.iter().any(|n| n.ends_with(" of")), "{names:?}");
}

#[test]
fn a_title_set_off_by_commas_is_the_persons() {
    // after the name
    let doc = analyze(
        "Vote row\n\nTomas Kreisel, the opposition leader, said the count was rigged.\n",
        Some("2024-09-01"),
    );
    let leader = actor_of(&doc, "Tomas Kreisel").expect("the leader");
    assert_eq!(leader.roles, ["OPP"]);
    assert_eq!(leader.name, "Tomas Kreisel");
    // before the name, with the title's country
    let doc = analyze(
        "Vote row\n\nChile's finance minister, Tomas Kreisel, said the budget was sound.\n",
        Some("2024-09-01"),
    );
    let minister = actor_of(&doc, "Tomas Kreisel").expect("the minister");
    assert_eq!(minister.cameo.as_deref(), Some("CHLGOV"));
}

#[test]
fn a_title_takes_the_country_its_sentence_names() {
    // a country's name before a title, as an adjective
    let doc = analyze(
        "Talks\n\nPeru hosted the talks. U.S. envoy Dana Whitcombe met Peruvian officials.\n",
        Some("2024-09-01"),
    );
    let envoy = actor_of(&doc, "Dana Whitcombe").expect("the envoy");
    assert_eq!(envoy.cameo.as_deref(), Some("USAGOV"));
    // the one country a sentence names before the title, over the article's own
    let doc = analyze(
        "Tariffs\n\nChile rejected the plan. Chile called it unfair. In Mendoza, Economy \
         Minister Tomas Kreisel defended the tariff.\n",
        Some("2024-09-01"),
    );
    let minister = actor_of(&doc, "Tomas Kreisel").expect("the minister");
    assert_eq!(minister.cameo.as_deref(), Some("ARGGOV"));
}

#[test]
fn a_title_after_an_organisation_makes_the_person_its_own() {
    let doc = analyze(
        "Deaths\n\nThe report was published on Monday. Amnesty International director Kofi \
         Mensah said the army must explain the deaths.\n",
        Some("2024-09-01"),
    );
    let director = actor_of(&doc, "Kofi Mensah").expect("the director");
    assert_eq!(director.cameo.as_deref(), Some("NGOHRIAMN"));
    assert_eq!(director.kind, ActorType::Person);
}

#[test]
fn a_name_after_a_noun_of_an_institution_is_an_organisation() {
    let doc = analyze(
        "Strike\n\nThe consultancy Ridgeway Analytics said exports fell, and the company \
         Kestrel Platinum said it would not negotiate.\n",
        Some("2024-09-01"),
    );
    assert_eq!(
        mention_type(&doc, "Ridgeway Analytics"),
        Some(MentionType::Org)
    );
    assert_eq!(
        mention_type(&doc, "Kestrel Platinum"),
        Some(MentionType::Org)
    );
}

#[test]
fn a_country_and_a_capitalised_role_noun_is_that_countrys_role() {
    let doc = analyze(
        "Raid\n\nThe Malian Army said its troops had withdrawn. The Chad Army denied it.\n",
        Some("2024-09-01"),
    );
    let army = actor_of(&doc, "Army").expect("the army");
    assert_eq!(army.cameo.as_deref(), Some("MLIMIL"));
    let chad = doc
        .mentions
        .iter()
        .filter(|m| doc.span_text(m.span) == "Army")
        .nth(1)
        .and_then(|m| m.actor)
        .map(|a| doc.actors[a as usize].cameo.clone());
    assert_eq!(chad, Some(Some("TCDMIL".to_string())));
}

#[test]
fn a_role_after_an_organisations_possessive_is_the_organisations() {
    let doc = analyze(
        "Inquiry\n\nThe United Nations' envoy and Amnesty International's lawyers visited \
         Ethiopia. Ethiopian police detained two of them.\n",
        Some("2024-09-01"),
    );
    let envoy = actor_of(&doc, "envoy").expect("the envoy");
    assert_eq!(envoy.name, "United Nations");
    let researchers = actor_of(&doc, "lawyers").expect("the lawyers");
    assert_eq!(researchers.name, "Amnesty International");
    // a country's possessive still makes the role the country's
    let police = actor_of(&doc, "Ethiopian police").expect("the police");
    assert_eq!(police.cameo.as_deref(), Some("ETHCOP"));
}

#[test]
fn a_role_noun_takes_the_country_of_the_place_it_is_in_or_the_sentence_opens_with() {
    let doc = analyze(
        "Border row\n\nTogo accused Togolese exiles of plotting a coup, and Togo's army and \
         Togo's navy were put on alert. In Kumasi, police \
         arrested two men. Authorities in Ghana said the men were Togolese. A Western \
         diplomat in Accra said Togo had asked for them.\n",
        Some("2024-09-01"),
    );
    let code = |surface: &str| actor_of(&doc, surface).and_then(|a| a.cameo.clone());
    assert_eq!(code("police").as_deref(), Some("GHACOP"));
    assert_eq!(code("Authorities").as_deref(), Some("GHAGOV"));
    // diplomats, like troops and reporters, are often abroad: the place says nothing
    assert_ne!(code("diplomat").as_deref(), Some("GHAGOV"));
}

#[test]
fn a_body_a_countrys_speakers_report_on_is_theirs_and_towns_and_datelines_vote_for_home() {
    // Benin is the most named, but Nigerien officials speak of their own army
    let text = "Border row\n\nBenin closed the border on Friday. Benin's president defended \
                the move and Benin sent envoys abroad. Nigerien officials said the army had \
                stopped two trucks.\n";
    let doc = analyze(text, Some("2024-09-01"));
    let army = actor_of(&doc, "army").and_then(|a| a.cameo.clone());
    assert_eq!(army.as_deref(), Some("NERMIL"));
    // Togo and Ghana are named as often, Togo first: the dateline's town tips it to Ghana
    let text = "Border row\n\nKUMASI, May 2 (Reuters) - Togo and Ghana traded accusations on \
                Friday. The police arrested a driver at the border, which Ghana wants Togo to \
                reopen.\n";
    let doc = analyze(text, Some("2024-09-01"));
    let police = actor_of(&doc, "police").and_then(|a| a.cameo.clone());
    assert_eq!(police.as_deref(), Some("GHACOP"));
    // a capital in the dateline counts half: the story is Mali's, filed from London
    let text = "Attack\n\nLONDON, May 2 (Reuters) - Rebels killed 12 soldiers in Mali.\n";
    let doc = analyze(text, Some("2024-09-01"));
    let soldiers = actor_of(&doc, "soldiers").and_then(|a| a.cameo.clone());
    assert_eq!(soldiers.as_deref(), Some("MLIMIL"));
    // towns only one country has vote for it: China is named twice, Myanmar's towns thrice
    let text = "Quake aid\n\nA convoy reached Mandalay and Sagaing. China sent rescuers and \
                Chinese media praised them. The army escorted trucks to Monywa.\n";
    let doc = analyze(text, Some("2024-09-01"));
    let army = actor_of(&doc, "army").and_then(|a| a.cameo.clone());
    assert_eq!(army.as_deref(), Some("MMRMIL"));
}

#[test]
fn a_first_name_of_its_own_before_a_known_surname_is_another_person() {
    let doc = analyze(
        "Aid\n\nMichael Dunford, who runs the aid programme, said trucks had arrived.\n",
        Some("2024-09-01"),
    );
    let person = actor_of(&doc, "Michael Dunford").expect("one person, whole");
    assert_eq!(person.cameo, None);
    // the known person's own name is still the known person
    let doc = analyze(
        "Aid\n\nJoseph Dunford said trucks had arrived.\n",
        Some("2018-09-01"),
    );
    let known = actor_of(&doc, "Joseph Dunford").expect("the known person");
    assert_eq!(known.cameo.as_deref(), Some("USAMIL"));
}

#[test]
fn a_role_after_its_belongs_to_the_one_country_its_sentence_names() {
    let doc = analyze(
        "Quake aid\n\nMyanmar's army escorted the convoy to Sagaing. India also flew in two \
         planeloads of supplies, its foreign ministry said.\n",
        Some("2024-09-01"),
    );
    let ministry = actor_of(&doc, "foreign ministry").and_then(|a| a.cameo.clone());
    assert_eq!(ministry.as_deref(), Some("INDGOV"));
}

#[test]
fn a_capitalised_opener_does_not_swallow_the_known_name_after_it() {
    let doc = analyze(
        "Raid\n\nSuspected Boko Haram fighters raided a village. Unidentified gunmen fled.\n",
        Some("2024-09-01"),
    );
    let group = actor_of(&doc, "Boko Haram").expect("the known group");
    assert_eq!(group.cameo.as_deref(), Some("NGAREB"));
    assert!(!surfaces(&doc).contains(&"Unidentified"));
}

#[test]
fn a_role_after_a_countrys_possessive_and_modifiers_is_that_countrys() {
    let doc = analyze(
        "Envoys\n\nChile summoned Peru's top diplomat on Friday. Later, Bolivia's new interior \
         minister resigned.\n",
        Some("2024-09-01"),
    );
    let diplomat = actor_of(&doc, "diplomat").and_then(|a| a.cameo.clone());
    assert_eq!(diplomat.as_deref(), Some("PERGOV"));
    let minister = actor_of(&doc, "interior minister").and_then(|a| a.cameo.clone());
    assert_eq!(minister.as_deref(), Some("BOLGOV"));
}

#[test]
fn people_named_after_an_organisation_are_its_people() {
    let doc = analyze(
        "Border\n\nA Hezbollah spokesman denied the report. Lebanese officials said NATO \
         troops were not involved.\n",
        Some("2024-09-01"),
    );
    let hezbollah = actor_of(&doc, "Hezbollah").expect("the group");
    let spokesman = actor_of(&doc, "spokesman").expect("the spokesman");
    assert!(std::ptr::eq(spokesman, hezbollah), "{spokesman:?}");
    let nato = actor_of(&doc, "NATO").expect("NATO");
    let troops = actor_of(&doc, "troops").expect("the troops");
    assert!(std::ptr::eq(troops, nato), "{troops:?}");
}

#[test]
fn forces_is_a_role_noun_only_after_a_country_or_organisation() {
    let doc = analyze(
        "Drought\n\nEthiopian forces shelled the town on Monday. The drought forces farmers \
         to sell their cattle, and its forces are stretched.\n",
        Some("2024-09-01"),
    );
    let forces = actor_of(&doc, "Ethiopian forces").and_then(|a| a.cameo.clone());
    assert_eq!(forces.as_deref(), Some("ETHMIL"));
    let bare = surfaces(&doc).iter().filter(|s| **s == "forces").count();
    assert_eq!(bare, 1, "only `its forces`: {:?}", surfaces(&doc));
}

#[test]
fn a_titled_person_of_a_country_holds_that_countrys_office() {
    let doc = analyze(
        "Talks\n\nKenyan officials welcomed Foreign Minister Rui Tavares of Portugal on \
         Monday.\n",
        Some("2024-09-01"),
    );
    assert!(
        surfaces(&doc).contains(&"Rui Tavares"),
        "{:?}",
        surfaces(&doc)
    );
    let minister = actor_of(&doc, "Rui Tavares").and_then(|a| a.cameo.clone());
    assert_eq!(minister.as_deref(), Some("PRTGOV"));
}

#[test]
fn a_capital_that_opens_a_longer_name_a_time_zone_and_an_ngos_section() {
    let doc = analyze(
        "Vote\n\nInterior Minister Lima Okonkwo said polls closed at 18:00 GMT. The National \
         Commission on Human Rights and Amnesty International Nigeria said turnout was low.\n",
        Some("2024-09-01"),
    );
    let found = surfaces(&doc);
    // `Lima` is Peru's capital, but `Lima Okonkwo` is a person
    assert!(found.contains(&"Lima Okonkwo"), "{found:?}");
    assert_eq!(
        mention_type(&doc, "Lima Okonkwo"),
        Some(MentionType::Person)
    );
    assert!(
        !found.contains(&"Lima") && !found.contains(&"GMT"),
        "{found:?}"
    );
    assert!(
        found.contains(&"National Commission on Human Rights"),
        "{found:?}"
    );
    let amnesty = actor_of(&doc, "Amnesty International Nigeria").expect("the section");
    assert_eq!(amnesty.cameo.as_deref(), Some("NGOHRIAMN"));
}

#[test]
fn portfolio_words_before_a_title_and_a_short_surname_after_one() {
    let doc = analyze(
        "Trade row\n\nThe talks resumed. Fisheries Commissioner Marta Kos said the bloc was \
         open to talks. Ministry spokesperson He Yadong told reporters the probe was fair.\n",
        Some("2024-09-01"),
    );
    let found = surfaces(&doc);
    assert!(found.contains(&"Marta Kos"), "{found:?}");
    assert_eq!(mention_type(&doc, "Marta Kos"), Some(MentionType::Person));
    assert!(found.contains(&"He Yadong"), "{found:?}");
    // a pronoun after a verb is no surname
    let doc = analyze(
        "Trade row\n\nThe spokesman said He was wrong to leave.\n",
        Some("2024-09-01"),
    );
    assert!(!surfaces(&doc).contains(&"He"), "{:?}", surfaces(&doc));
}

#[test]
fn its_people_belong_to_the_organisation_that_opens_the_sentence() {
    let doc = analyze(
        "Fighting\n\nThe Sudanese army shelled the town. The Rapid Support Forces said its \
         fighters still held the bridge.\n",
        Some("2024-09-01"),
    );
    let rsf = actor_of(&doc, "Rapid Support Forces").expect("the RSF");
    let fighters = actor_of(&doc, "fighters").expect("its fighters");
    assert!(std::ptr::eq(rsf, fighters), "{fighters:?}");
}

#[test]
fn review_cases_its_forces_and_headline_function_words() {
    let doc = analyze(
        "Talks\n\nThe UN urged Israel to withdraw its forces. Drought in Kenya forces farmers \
         to sell cattle.\n",
        Some("2024-09-01"),
    );
    let forces = actor_of(&doc, "forces").and_then(|a| a.cameo.clone());
    assert_eq!(forces.as_deref(), Some("ISRMIL"));
    assert_eq!(
        surfaces(&doc)
            .iter()
            .filter(|s| s.contains("forces"))
            .count(),
        1,
        "{:?}",
        surfaces(&doc)
    );
    let doc = analyze(
        "Prime Minister To Visit Beijing\n\nThe visit is set for May.\n",
        Some("2024-09-01"),
    );
    assert!(
        !surfaces(&doc).contains(&"To Visit"),
        "{:?}",
        surfaces(&doc)
    );
}

#[test]
fn people_of_other_or_foreign_states_take_no_home_country() {
    let doc = analyze(
        "Peru's Congress voted on Monday.\n\nThe Peruvian government said it would comply. Chile urged other Andean governments to stay calm, and foreign diplomats in Lima said they were worried.\n",
        None,
    );
    for surface in ["governments", "diplomats"] {
        let actor =
            actor_of(&doc, surface).unwrap_or_else(|| panic!("{surface}: {:?}", surfaces(&doc)));
        assert_eq!(actor.country, None, "{surface}: {actor:?}");
    }
    // an own country's people still take it
    assert_eq!(
        actor_of(&doc, "Peruvian government").and_then(|a| a.country.as_deref()),
        Some("PER")
    );
}

#[test]
fn a_small_town_named_like_a_surname_sets_no_country() {
    // `Torres` is a Brazilian town of 40,000 people: as a surname it votes for no home country
    let doc = analyze(
        "Court clears former mining chief\n\nA court on Monday cleared former mining chief Ana Torres of fraud. Torres said she would return to politics, and Torres thanked her supporters.\n",
        None,
    );
    let court = actor_of(&doc, "court").expect("the court");
    assert_eq!(court.country, None, "{court:?}");
    // nor gives its country to the role noun it owns
    let doc = analyze(
        "Chile court clears former mining chief\n\nA Chilean court on Monday cleared former mining chief Ana Torres of fraud. Torres's lawyers welcomed the ruling.\n",
        None,
    );
    let lawyers = actor_of(&doc, "lawyers").expect("the lawyers");
    assert_ne!(lawyers.country.as_deref(), Some("BRA"), "{lawyers:?}");
    // after a place cue the town is the place
    let doc = analyze(
        "Floods hit Torres\n\nFloods hit homes in Torres on Monday.\n",
        None,
    );
    assert_eq!(
        actor_of(&doc, "Torres").and_then(|a| a.country.as_deref()),
        Some("BRA")
    );
}

#[test]
fn the_bloc_is_the_organisation_of_states_named_last() {
    let doc = analyze(
        "Summit ends\n\nThe Association of Southeast Asian Nations met in Vientiane. The regional bloc later urged Myanmar to end the violence, and Thailand asked the bloc to send envoys.\n",
        None,
    );
    for surface in ["The regional bloc", "the bloc"] {
        let actor =
            actor_of(&doc, surface).unwrap_or_else(|| panic!("{surface}: {:?}", surfaces(&doc)));
        assert_eq!(
            actor.name, "Association of Southeast Asian Nations",
            "{surface}"
        );
    }
    // with none named before, no mention
    let doc = analyze("Talks stall\n\nThe bloc has not commented.\n", None);
    assert!(surfaces(&doc).is_empty(), "{:?}", surfaces(&doc));
}

#[test]
fn an_organisation_named_after_its_country_is_of_that_country() {
    let doc = analyze(
        "Lawyers protest\n\nThe Malawi Law Society said the arrests were illegal, and the Zambian Bar Association agreed.\n",
        None,
    );
    for (surface, iso) in [
        ("Malawi Law Society", "MWI"),
        ("Zambian Bar Association", "ZMB"),
    ] {
        let actor =
            actor_of(&doc, surface).unwrap_or_else(|| panic!("{surface}: {:?}", surfaces(&doc)));
        assert_eq!(actor.country.as_deref(), Some(iso), "{actor:?}");
        // a country, but no state role: no CAMEO code is made up for it
        assert_eq!(actor.cameo, None, "{actor:?}");
    }
}

#[test]
fn intelligence_is_an_agency_only_when_a_country_or_organisation_qualifies_it() {
    let doc = analyze(
        "Chip sales soar\n\nSales of chips for artificial intelligence servers doubled in Taiwan, and Indonesian intelligence said it had no comment.\n",
        None,
    );
    assert_eq!(
        actor_of(&doc, "Indonesian intelligence").and_then(|a| a.cameo.as_deref()),
        Some("IDNSPY")
    );
    assert!(
        !surfaces(&doc).contains(&"intelligence"),
        "{:?}",
        surfaces(&doc)
    );
}

#[test]
fn the_company_is_the_business_named_last() {
    let doc = analyze(
        "Chipmaker cuts outlook\n\nShares in Varnholt Robotics fell on Monday in Frankfurt. The company said demand from carmakers had slowed, and the Bavarian firm cut its forecast.\n",
        None,
    );
    for surface in ["company", "firm"] {
        let actor =
            actor_of(&doc, surface).unwrap_or_else(|| panic!("{surface}: {:?}", surfaces(&doc)));
        assert_eq!(actor.name, "Varnholt Robotics", "{surface}");
    }
    // a ministry is no business: `the company` then is the role noun it was
    let doc = analyze(
        "Audit ordered\n\nThe Kenyan Ministry of Mining said the company had underpaid royalties.\n",
        None,
    );
    let actor = actor_of(&doc, "company").unwrap_or_else(|| panic!("{:?}", surfaces(&doc)));
    assert_ne!(actor.name, "Ministry of Mining");
}

#[test]
fn trades_and_watchdogs_are_role_nouns() {
    let doc = analyze(
        "Port strike spreads\n\nPeruvian dockworkers walked out in Callao, and the ombudsman's office in Lima urged talks.\n",
        None,
    );
    let code = |surface: &str| {
        actor_of(&doc, surface)
            .and_then(|a| a.cameo.clone())
            .unwrap_or_else(|| panic!("{surface}: {:?}", surfaces(&doc)))
    };
    assert_eq!(code("Peruvian dockworkers"), "PERLAB");
    assert_eq!(code("ombudsman"), "PERGOV");
}

#[test]
fn a_states_role_is_named_by_its_institution_once_the_text_names_it() {
    let doc = analyze(
        "Armenia's president rejects vote\n\nYerevan officials said the count was flawed. The government said it would appeal.\n",
        None,
    );
    let actor = actor_of(&doc, "government").unwrap_or_else(|| panic!("{:?}", surfaces(&doc)));
    assert_eq!(actor.name, "Armenian government");
    assert_eq!(actor.cameo.as_deref(), Some("ARMGOV"));
    // without the institution's word the first words name it
    let doc = analyze(
        "Border calm\n\nArmenian troops held their positions.\n",
        None,
    );
    let actor = actor_of(&doc, "Armenian troops").unwrap_or_else(|| panic!("{:?}", surfaces(&doc)));
    assert_eq!(actor.name, "Armenian troops");
}

#[test]
fn an_acronym_shared_by_two_entries_keeps_the_one_the_article_named() {
    // the article is set in Chad, so neither meaning of `RSF` is of its home country: the one
    // named before wins
    let text = "Chad closes border\n\nChad shut its border after the Rapid Support Forces crossed into the town of Adre, Chadian officials said. The RSF denied any role. Chad's army said the RSF fighters had left.\n";
    let doc = analyze(text, Some("2025-03-04"));
    assert_eq!(
        actor_of(&doc, "RSF").map(|a| a.name.as_str()),
        Some("Rapid Support Forces")
    );
    // with no such name before, the other meaning stays open to it
    let text =
        "Press freedom report\n\nThe RSF said 50 journalists were jailed in Europe last year.\n";
    let doc = analyze(text, Some("2025-03-04"));
    assert_eq!(
        actor_of(&doc, "RSF").map(|a| a.name.as_str()),
        Some("Reporters Without Borders")
    );
}

#[test]
fn a_known_surname_before_an_unknown_name_is_another_person() {
    let text = "Activist freed\n\nA court in Nakuru acquitted Ruto Mwangi, a student leader, on Tuesday. Mwangi thanked his lawyers.\n";
    let doc = analyze(text, Some("2025-03-04"));
    let mwangi = actor_of(&doc, "Ruto Mwangi").expect("a person");
    assert_eq!(mwangi.name, "Ruto Mwangi");
    assert_eq!(mwangi.cameo, None);
    // the bare surname is still the president
    let text =
        "Kenya\n\nPresident William Ruto met the governors. Ruto said the talks went well.\n";
    let doc = analyze(text, Some("2025-03-04"));
    assert_eq!(
        actor_of(&doc, "Ruto").map(|a| a.name.as_str()),
        Some("William Ruto")
    );
}

#[test]
fn a_role_noun_set_off_after_an_organisation_is_that_organisation() {
    let text = "Border closed\n\nChad blamed the Rapid Support Forces, a paramilitary group fighting in Sudan, for the raid on Adre.\n";
    let doc = analyze(text, Some("2025-03-04"));
    assert_eq!(
        actor_of(&doc, "paramilitary").map(|a| a.name.as_str()),
        Some("Rapid Support Forces"),
        "{:?}",
        surfaces(&doc)
    );
}

#[test]
fn a_known_name_with_a_possessive_inside_is_matched_whole() {
    // the tokenizer splits `People's` into `People` and `'s`; the lexicon's name is one key
    let text = "Ankara vote\n\nThe Republican People's Party said on Monday it would contest the result in Ankara.\n";
    let doc = analyze(text, Some("2025-03-04"));
    let party = actor_of(&doc, "Republican People's Party").expect("an actor");
    assert_eq!(party.cameo.as_deref(), Some("TURPTY"));
}

#[test]
fn its_role_after_a_sentence_naming_two_countries_is_the_subjects() {
    // the story is Canada's by count, but `its` is China's, the sentence's subject
    let text = "Canola tariffs\n\nChina will impose tariffs on Canadian canola oil from March 20, its commerce ministry said. Canadian farmers and Canadian exporters said Canada must respond. The ministry said Canadian measures broke trade rules.\n";
    let doc = analyze(text, Some("2025-03-08"));
    let its = actor_of(&doc, "commerce ministry").unwrap_or_else(|| panic!("{:?}", surfaces(&doc)));
    assert_eq!(its.country.as_deref(), Some("CHN"), "{}", its.name);
    // `the ministry` later refers back to the ministry named with a country
    let the = doc
        .mentions
        .iter()
        .rfind(|m| doc.span_text(m.span) == "ministry")
        .and_then(|m| m.actor)
        .map(|a| &doc.actors[a as usize])
        .unwrap_or_else(|| panic!("{:?}", surfaces(&doc)));
    assert_eq!(the.country.as_deref(), Some("CHN"), "{}", the.name);
}

#[test]
fn a_states_envoy_to_an_organisation_represents_the_state() {
    let text = "Veto\n\nAlgeria's U.N. ambassador, Amar Bendjama, said the veto sent a message. The U.N. envoy Geir Pedersen met both sides.\n";
    let doc = analyze(text, Some("2025-03-08"));
    let envoy = actor_of(&doc, "Amar Bendjama").unwrap_or_else(|| panic!("{:?}", surfaces(&doc)));
    assert_eq!(envoy.cameo.as_deref(), Some("DZAGOV"), "{}", envoy.name);
    // with no state before it, the organisation's own envoy
    let un = actor_of(&doc, "Geir Pedersen").unwrap_or_else(|| panic!("{:?}", surfaces(&doc)));
    assert!(
        un.cameo.as_deref().is_some_and(|c| c.starts_with("IGO")),
        "{:?}",
        un.cameo
    );
}

#[test]
fn refugees_and_aid_workers_take_no_fallback_country() {
    let text = "Border camps\n\nChad closed a crossing near Adre. Chadian officials said Chadian police would guard it. Aid agencies said refugees in the camps had run out of food, and Sudanese refugees kept arriving.\n";
    let doc = analyze(text, Some("2025-03-08"));
    for surface in ["Aid agencies", "refugees"] {
        let actor =
            actor_of(&doc, surface).unwrap_or_else(|| panic!("{surface}: {:?}", surfaces(&doc)));
        assert_eq!(actor.country, None, "{surface}: {}", actor.name);
    }
    // named with their country, they have it
    let sudanese =
        actor_of(&doc, "Sudanese refugees").unwrap_or_else(|| panic!("{:?}", surfaces(&doc)));
    assert_eq!(sudanese.country.as_deref(), Some("SDN"));
}

#[test]
fn the_group_is_the_non_state_organisation_named_last() {
    let text = "Raid\n\nHamas fighters attacked an army post near Khan Younis, and the group said it had captured two soldiers. The Group of Seven condemned the attack.\n";
    let doc = analyze(text, Some("2024-04-02"));
    assert_eq!(
        actor_of(&doc, "the group").map(|a| a.name.as_str()),
        Some("Hamas"),
        "{:?}",
        surfaces(&doc)
    );
    // with no organisation named before, `the group` is nobody
    let doc = analyze(
        "Raid\n\nGunmen attacked a post, and the group fled.\n",
        None,
    );
    assert!(
        actor_of(&doc, "the group").is_none(),
        "{:?}",
        surfaces(&doc)
    );
}

#[test]
fn a_known_city_and_city_is_that_citys_country() {
    let doc = analyze(
        "Strikes\n\nTwo buildings were hit in Gaza City on Monday, and a school in Kuwait City closed.\n",
        None,
    );
    for (surface, iso) in [("Gaza City", "PSE"), ("Kuwait City", "KWT")] {
        let place = actor_of(&doc, surface).unwrap_or_else(|| panic!("{:?}", surfaces(&doc)));
        assert_eq!(place.country.as_deref(), Some(iso), "{surface}");
    }
}

#[test]
fn diplomats_take_a_country_from_their_words_or_their_owner_only() {
    let text = "Summit\n\nChina urged restraint. Chinese officials met Chinese envoys. Diplomats said the talks had stalled. China recalled its remaining diplomats from Vilnius.\n";
    let doc = analyze(text, Some("2025-03-08"));
    let bare = actor_of(&doc, "Diplomats").unwrap_or_else(|| panic!("{:?}", surfaces(&doc)));
    assert_eq!(bare.country, None, "{}", bare.name);
    let owned = doc
        .mentions
        .iter()
        .rfind(|m| doc.span_text(m.span) == "diplomats")
        .and_then(|m| m.actor)
        .map(|a| &doc.actors[a as usize])
        .unwrap_or_else(|| panic!("{:?}", surfaces(&doc)));
    assert_eq!(owned.country.as_deref(), Some("CHN"), "{}", owned.name);
}
