//! Helpers shared by the integration tests.

use std::path::PathBuf;

/// The fixture articles under `tests/articles/`, sorted by name: (slug, text).
pub fn articles() -> Vec<(String, String)> {
    let dir = articles_dir();
    let mut out: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()))
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| {
            let slug = p.file_stem().unwrap().to_string_lossy().into_owned();
            (slug, std::fs::read_to_string(&p).unwrap())
        })
        .collect();
    out.sort();
    assert!(
        out.len() >= 6,
        "expected at least six fixture articles in {}",
        dir.display()
    );
    out
}

/// The repository's `tests/articles/` directory.
pub fn articles_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/articles")
}
