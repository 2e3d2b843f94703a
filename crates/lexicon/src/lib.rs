//! Loading and validation of newsgraph's data files.
//!
//! Knowledge is data: abbreviation lists, cue words and patterns live as plain UTF-8 files under
//! the repository's `data/` directory, reviewed in diffs like code. Every file opens with a
//! header of comment lines (`#` followed by a space, or a lone `#`) that must name its
//! `source:` and `licence:`; then one entry per line, fields separated by tabs. Blank lines and
//! further comment lines are ignored; an entry may itself start with `#` (`###`).
//!
//! The small, stable files that the engine always needs are embedded in the binary
//! ([`embedded`]), so a built `newsgraph` needs no data directory. A load error names the file
//! and the line.
//!
//! ```
//! use newsgraph_lexicon::{embedded, Lexicon};
//!
//! let lexicon = Lexicon::parse(&embedded::SENTENCE_STARTERS).unwrap();
//! assert!(lexicon.rows().any(|row| row.fields[0] == "The"));
//! ```
#![deny(missing_docs)]

use thiserror::Error;

pub mod word_map;
pub mod words;

/// Calls `f` with the ASCII-lowercase form of a word, without allocating: the word itself
/// when it has no capital, else a lowercased copy on the stack; `None` for a word with
/// capitals longer than 32 bytes (no lexicon lists one).
///
/// ```
/// use newsgraph_lexicon::with_ascii_lower;
///
/// assert_eq!(with_ascii_lower("Killed", |w| w == "killed"), Some(true));
/// ```
pub fn with_ascii_lower<R>(word: &str, f: impl FnOnce(&str) -> R) -> Option<R> {
    if !word.bytes().any(|b| b.is_ascii_uppercase()) {
        return Some(f(word));
    }
    let mut buf = [0u8; 32];
    let bytes = buf.get_mut(..word.len())?;
    bytes.copy_from_slice(word.as_bytes());
    bytes.make_ascii_lowercase();
    std::str::from_utf8(bytes).ok().map(f)
}

/// A data file: its path under `data/` and its text.
#[derive(Clone, Copy, Debug)]
pub struct DataFile {
    /// Path relative to the repository's `data/` directory.
    pub name: &'static str,
    /// The file's contents.
    pub text: &'static str,
}

/// The data files embedded in the binary.
pub mod embedded {
    use super::DataFile;

    macro_rules! data_file {
        ($(#[$doc:meta])* $id:ident, $path:literal) => {
            $(#[$doc])*
            pub const $id: DataFile = DataFile {
                name: $path,
                text: include_str!(concat!("../../../data/", $path)),
            };
        };
    }

    data_file!(
        /// Abbreviations and how they behave before a sentence boundary.
        ABBREVIATIONS,
        "segment/abbreviations.tsv"
    );
    data_file!(
        /// Capitalised words that commonly open a sentence.
        SENTENCE_STARTERS,
        "segment/sentence_starters.tsv"
    );
    data_file!(
        /// Page furniture: share, follow, read-more, advertising, copyright and end markers.
        BOILERPLATE,
        "layout/boilerplate.tsv"
    );
    data_file!(
        /// Words and marks that say a line describes or credits a picture.
        CAPTION_CUES,
        "layout/caption_cues.tsv"
    );
    data_file!(
        /// News agencies as they appear in datelines.
        AGENCIES,
        "layout/agencies.tsv"
    );

    data_file!(
        /// Countries: codes, names, adjectives, capitals and seats of power.
        COUNTRIES,
        "actors/countries.tsv"
    );
    data_file!(
        /// International organisations with CAMEO codes.
        IGOS,
        "actors/igos.tsv"
    );
    data_file!(
        /// People in office with the dates of their offices.
        PEOPLE,
        "actors/people.tsv"
    );
    data_file!(
        /// Role nouns with CAMEO agent codes.
        AGENTS,
        "actors/agents.tsv"
    );
    data_file!(
        /// Titles and honorifics that stand before a person's name.
        TITLES,
        "actors/titles.tsv"
    );
    data_file!(
        /// Given names, a cue that a capitalised run is a person.
        FIRST_NAMES,
        "actors/first_names.tsv"
    );
    data_file!(
        /// Head words that type a name: `Party` (ORG), `River` (LOC), `Province` (GPE).
        NAME_HEADS,
        "actors/name_heads.tsv"
    );
    data_file!(
        /// Capitalised words that never make a name on their own.
        NAME_STOPS,
        "actors/name_stops.tsv"
    );
    data_file!(
        /// Words between a country or an organisation and its role noun that keep the role
        /// theirs (`top`, `new`).
        ROLE_MODIFIERS,
        "actors/role_modifiers.tsv"
    );
    data_file!(
        /// Cities with population and coordinates (GeoNames).
        CITIES,
        "places/cities.tsv"
    );
    data_file!(
        /// Organisations of one country or none: armed groups, parties, services, media.
        ORGANIZATIONS,
        "actors/organizations.tsv"
    );
    data_file!(
        /// Reporting verbs in all their forms, with their lemma.
        REPORTING_VERBS,
        "quotes/reporting_verbs.tsv"
    );
    data_file!(
        /// Named places without a government: seas, rivers, regions, islands, border lines.
        AREAS,
        "places/areas.tsv"
    );

    data_file!(
        /// CAMEO event codes with Goldstein scores and PLOVER types.
        EVENT_CODES,
        "events/codes.tsv"
    );
    data_file!(
        /// Event verbs chosen and coded by the team.
        EVENT_VERBS,
        "events/verbs.tsv"
    );
    data_file!(
        /// Verb phrases that make one event (`held talks`), chosen by the team.
        EVENT_PATTERNS,
        "events/patterns.tsv"
    );
    data_file!(
        /// Nouns that name an event (`protests`, `a ceasefire`).
        EVENT_NOUNS,
        "events/nouns.tsv"
    );
    data_file!(
        /// Negation and modality cues before an event.
        EVENT_CUES,
        "events/cues.tsv"
    );
    data_file!(
        /// Function words the events stage reads clauses by: prepositions, clause openers.
        EVENT_GRAMMAR,
        "events/grammar.tsv"
    );
    data_file!(
        /// CAMEO verbs from PETRARCH-2's verb dictionary.
        PETRARCH_VERBS,
        "events/petrarch_verbs.tsv"
    );
    data_file!(
        /// CAMEO verb patterns from PETRARCH-2's verb dictionary.
        PETRARCH_PATTERNS,
        "events/petrarch_patterns.tsv"
    );

    data_file!(
        /// Number words, scales and vague plurals.
        QUANTITY_NUMBERS,
        "quantities/numbers.tsv"
    );
    data_file!(
        /// Currencies, rates and units of time.
        QUANTITY_UNITS,
        "quantities/units.tsv"
    );
    data_file!(
        /// Words around a number that say what it counts.
        QUANTITY_KINDS,
        "quantities/kinds.tsv"
    );
    data_file!(
        /// Words before a number that bound it (`at least`, `nearly`).
        QUANTITY_MODIFIERS,
        "quantities/modifiers.tsv"
    );
    data_file!(
        /// Words that keep a death or injury figure out of the article's toll.
        CASUALTY_CUES,
        "quantities/casualty_cues.tsv"
    );
    data_file!(
        /// Stance of CAMEO event codes and stance words of quotes.
        STANCES,
        "alignments/stances.tsv"
    );

    data_file!(
        /// Function words left out when sentences are compared for the summary.
        STOPWORDS,
        "summary/stopwords.tsv"
    );

    data_file!(
        /// CSS selectors of page furniture removed before main-content extraction.
        HTML_CLUTTER,
        "html/clutter.tsv"
    );

    /// Every embedded file, for validation.
    pub const ALL: &[DataFile] = &[
        ABBREVIATIONS,
        SENTENCE_STARTERS,
        BOILERPLATE,
        CAPTION_CUES,
        AGENCIES,
        COUNTRIES,
        IGOS,
        PEOPLE,
        AGENTS,
        TITLES,
        FIRST_NAMES,
        NAME_HEADS,
        NAME_STOPS,
        ROLE_MODIFIERS,
        CITIES,
        ORGANIZATIONS,
        AREAS,
        REPORTING_VERBS,
        EVENT_CODES,
        EVENT_VERBS,
        EVENT_PATTERNS,
        EVENT_NOUNS,
        EVENT_CUES,
        EVENT_GRAMMAR,
        PETRARCH_VERBS,
        PETRARCH_PATTERNS,
        QUANTITY_NUMBERS,
        QUANTITY_UNITS,
        QUANTITY_KINDS,
        QUANTITY_MODIFIERS,
        CASUALTY_CUES,
        STANCES,
        STOPWORDS,
        HTML_CLUTTER,
    ];
}

/// A data file that could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum LexiconError {
    /// The header does not name a source or a licence.
    #[error("data/{file}: the header must have '# source:' and '# licence:' lines")]
    MissingHeader {
        /// The file.
        file: &'static str,
    },
    /// A row has the wrong number of fields.
    #[error("data/{file}:{line}: expected {expected} tab-separated fields, found {found}")]
    FieldCount {
        /// The file.
        file: &'static str,
        /// 1-based line number.
        line: usize,
        /// Fields the file's rows must have.
        expected: usize,
        /// Fields found.
        found: usize,
    },
    /// A field holds a value the file's reader does not know.
    #[error("data/{file}:{line}: {message}")]
    BadValue {
        /// The file.
        file: &'static str,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
}

/// One entry of a data file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// 1-based line number, for error messages.
    pub line: usize,
    /// The tab-separated fields.
    pub fields: Vec<&'static str>,
}

impl Row {
    /// An error about this row's value.
    pub fn error(&self, file: &'static str, message: impl Into<String>) -> LexiconError {
        LexiconError::BadValue {
            file,
            line: self.line,
            message: message.into(),
        }
    }
}

/// A parsed data file: header checked, rows split into fields.
#[derive(Clone, Debug)]
pub struct Lexicon {
    file: &'static str,
    source: &'static str,
    licence: &'static str,
    rows: Vec<Row>,
}

impl Lexicon {
    /// Parses a data file. Every row must have as many fields as the first row.
    pub fn parse(data: &DataFile) -> Result<Lexicon, LexiconError> {
        let (mut source, mut licence) = (None, None);
        let mut rows: Vec<Row> = Vec::new();
        for (i, line) in data.text.lines().enumerate() {
            let comment = line.strip_prefix("# ").or((line == "#").then_some(""));
            if let Some(comment) = comment {
                let comment = comment.trim();
                if let Some(v) = comment.strip_prefix("source:") {
                    source = Some(v.trim());
                } else if let Some(v) = comment.strip_prefix("licence:") {
                    licence = Some(v.trim());
                }
                continue;
            }
            if line.trim().is_empty() {
                continue;
            }
            let fields: Vec<&'static str> = line.split('\t').collect();
            if let Some(first) = rows.first() {
                if first.fields.len() != fields.len() {
                    return Err(LexiconError::FieldCount {
                        file: data.name,
                        line: i + 1,
                        expected: first.fields.len(),
                        found: fields.len(),
                    });
                }
            }
            rows.push(Row {
                line: i + 1,
                fields,
            });
        }
        match (source, licence) {
            (Some(source), Some(licence)) if !source.is_empty() && !licence.is_empty() => {
                Ok(Lexicon {
                    file: data.name,
                    source,
                    licence,
                    rows,
                })
            }
            _ => Err(LexiconError::MissingHeader { file: data.name }),
        }
    }

    /// The file's path under `data/`.
    pub fn file(&self) -> &'static str {
        self.file
    }

    /// Where the facts came from.
    pub fn source(&self) -> &'static str {
        self.source
    }

    /// Under which licence.
    pub fn licence(&self) -> &'static str {
        self.licence
    }

    /// The entries, in file order.
    pub fn rows(&self) -> impl Iterator<Item = &Row> {
        self.rows.iter()
    }

    /// The first field of every row.
    pub fn keys(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.rows.iter().map(|r| r.fields[0])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_embedded_file_has_a_header_and_sorted_unique_keys() {
        for data in embedded::ALL {
            let lexicon = Lexicon::parse(data).unwrap_or_else(|e| panic!("{e}"));
            assert!(lexicon.rows().count() > 0, "data/{} is empty", data.name);
            let rows: Vec<&Row> = lexicon.rows().collect();
            for pair in rows.windows(2) {
                let (a, b) = (&pair[0].fields, &pair[1].fields);
                assert!(
                    a < b,
                    "data/{}:{}: {:?} must sort after {:?} and not repeat it \
                     (help: keep data files sorted with `LC_ALL=C sort`)",
                    data.name,
                    pair[1].line,
                    b,
                    a
                );
            }
        }
    }

    #[test]
    fn errors_name_the_file_and_line() {
        let bad = DataFile {
            name: "x.tsv",
            text: "# source: me\n# licence: MIT\na\tb\nc\n",
        };
        let err = Lexicon::parse(&bad).unwrap_err();
        assert_eq!(
            err.to_string(),
            "data/x.tsv:4: expected 2 tab-separated fields, found 1"
        );
        let bare = DataFile {
            name: "y.tsv",
            text: "a\n",
        };
        assert!(matches!(
            Lexicon::parse(&bare),
            Err(LexiconError::MissingHeader { .. })
        ));
    }
}
