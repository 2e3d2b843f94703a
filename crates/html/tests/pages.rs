//! Test pages written for this suite in the shapes of real news sites (`tests/html/`): each
//! comes out with its body, captions and metadata as snapshotted, and none of the furniture
//! planted in it (scripts, styles, hidden elements, cookie banners, share bars, related lists,
//! comments, ads) leaks into the text. Review changes with `cargo insta review`.

use std::path::PathBuf;

use newsgraph_html::{extract, PageError};

/// Words planted in the pages' furniture; none may reach an article's text.
const NEVER: &[&str] = &[
    "cookie",
    "Cookie",
    "Accept all",
    "Sign up",
    "newsletter",
    "Newsletter",
    "Most read",
    "Most Read",
    "Share on",
    "Subscribe",
    "function(",
    "var ",
    "{display",
    "Advertisement",
    "comments",
];

fn render(page: &newsgraph_html::Page) -> String {
    format!(
        "title: {:?}\npublished: {:?}\nauthors: {:?}\noutlet: {:?}\nurl: {:?}\nlanguage: {:?}\nencoding: {}\n---\n{}",
        page.title,
        page.published.map(|d| d.to_string()),
        page.authors,
        page.outlet,
        page.url,
        page.language,
        page.encoding,
        page.text
    )
}

#[test]
fn test_pages() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/html");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "html"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 8, "expected at least eight test pages");
    let mut articles = 0;
    for path in paths {
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(&path).unwrap();
        match extract(&bytes, None, None) {
            Ok(page) => {
                articles += 1;
                for never in NEVER {
                    assert!(
                        !page.text.contains(never),
                        "{name}: {never:?} leaked into the text"
                    );
                }
                assert!(!page.text.contains('\u{FFFD}'), "{name}: undecoded bytes");
                insta::assert_snapshot!(name, render(&page));
            }
            Err(PageError::NoArticle) => {
                assert!(name.contains("no-article"), "{name}: no article found");
            }
            Err(e) => panic!("{name}: {e}"),
        }
    }
    assert!(articles >= 7);
}

/// Checks every page against the hand-written expectations of `tests/html/EXPECTED.json`:
/// metadata, first and last body sentences, captions, and the planted furniture that must
/// not appear (that one without exception). Prints each miss.
#[test]
fn pages_match_their_expectations() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/html");
    let expected: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("EXPECTED.json")).unwrap()).unwrap();
    let norm = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let (mut checks, mut passed, mut leaks) = (0usize, 0usize, 0usize);
    for page in expected.as_array().unwrap() {
        let file = page["file"].as_str().unwrap();
        let bytes = std::fs::read(dir.join(file)).unwrap();
        let Ok(got) = extract(&bytes, None, None) else {
            assert!(
                page["first"].is_null() || file.contains("no-article"),
                "{file}: no article"
            );
            continue;
        };
        let text = norm(&got.text);
        let lower = text.to_lowercase();
        for bad in page["must_not"].as_array().into_iter().flatten() {
            let bad = norm(bad.as_str().unwrap()).to_lowercase();
            if lower.contains(&bad) {
                println!("{file}: {bad:?} leaked into the text");
                leaks += 1;
            }
        }
        let mut check = |what: &str, ok: bool, detail: String| {
            checks += 1;
            passed += usize::from(ok);
            if !ok {
                println!("{file}: {what}: {detail}");
            }
        };
        let s = |v: &serde_json::Value| v.as_str().map(norm);
        check(
            "title",
            s(&page["title"]) == got.title,
            format!("{:?} vs {:?}", page["title"], got.title),
        );
        let want_date = s(&page["published"]).and_then(|d| d.get(..10).map(str::to_string));
        check(
            "published",
            want_date == got.published.map(|d| d.to_string()),
            format!("{want_date:?} vs {:?}", got.published),
        );
        let authors: Vec<String> = page["authors"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|a| a.as_str().map(norm))
            .collect();
        check(
            "authors",
            authors == got.authors,
            format!("{authors:?} vs {:?}", got.authors),
        );
        check(
            "outlet",
            s(&page["outlet"]) == got.outlet,
            format!("{:?} vs {:?}", page["outlet"], got.outlet),
        );
        check(
            "canonical",
            s(&page["canonical"]) == got.url,
            format!("{:?} vs {:?}", page["canonical"], got.url),
        );
        let lang = s(&page["language"]).map(|l| l[..2].to_lowercase());
        check(
            "language",
            lang == got.language,
            format!("{lang:?} vs {:?}", got.language),
        );
        for key in ["first", "last"] {
            if let Some(sentence) = s(&page[key]) {
                check(key, text.contains(&sentence), sentence);
            }
        }
        for caption in page["captions"].as_array().into_iter().flatten() {
            let caption = norm(caption.as_str().unwrap());
            let head: String = caption.chars().take(40).collect();
            check("caption", text.contains(&head), caption);
        }
    }
    println!("html expectations: {passed}/{checks}, {leaks} leak(s)");
    assert_eq!(leaks, 0, "furniture leaked into article text");
    // Today 90% and more; a change that loses ground fails here.
    assert!(passed * 100 >= checks * FLOOR, "{passed}/{checks}");
}

const FLOOR: usize = 90;
