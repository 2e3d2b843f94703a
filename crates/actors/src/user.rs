//! User dictionaries: extra actors loaded with `--actors FILE`.
//!
//! Three formats are read, chosen by the file's extension:
//!
//! - **`.tsv` (ours)**: one office per line, tab-separated `name, aliases, cameo, from, to,
//!   role` (the format of `data/actors/people.tsv`). Only `name` and `cameo` are required;
//!   `aliases` is a `|`-separated list; dates are `YYYY-MM-DD` or empty. Several lines with one
//!   name are one actor's offices. `#` starts a comment line.
//!   For example (`→` stands for a tab):
//!   ```text
//!   Amina Yusuf → Yusuf → NGAGOV → 2023-06-01 → → governor
//!   Delta Youth Front → DYF → NGAREB
//!   ```
//! - **`.actors` (PETRARCH / TABARI)**: an actor line `NAME_WITH_UNDERSCORES [CODE]`, synonym
//!   lines `+OTHER_NAME`, and indented date-restricted codes `[VENGOV >060901]`,
//!   `[VENELI 400101-890202]`, `[USAGOV <170120]`.
//! - **`.agents` (PETRARCH / TABARI)**: `NOUN_PHRASE {PLURAL} [~CODE]` lines, with
//!   `!MACRO! = A, B` substitutions.
//!
//! Names in the PETRARCH formats are upper case; they are matched in title case
//! (`NICOLAS_MADURO` → `Nicolas Maduro`), words of up to three letters without a vowel, or of
//! two letters, stay upper case (`UN`, `NATO` is kept as `Nato`: give such names in the TSV
//! format instead).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use thiserror::Error;

use crate::lexicon::{ActorLexicon, Agent, DatedCode, Entry, EntryKind, Form};

/// A user dictionary that could not be loaded.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum UserError {
    /// The file could not be read.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// A line is malformed.
    #[error("{}:{line}: {message}", path.display())]
    Parse {
        /// The file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
}

/// Loads `path` into `lex`; returns how many entries (actors or agent phrases) it added.
pub(crate) fn load(lex: &mut ActorLexicon, path: &Path) -> Result<usize, UserError> {
    let text = std::fs::read_to_string(path).map_err(|source| UserError::Io {
        path: path.to_owned(),
        source,
    })?;
    let parse_error = |line: usize, message: String| UserError::Parse {
        path: path.to_owned(),
        line,
        message,
    };
    match path.extension().and_then(|e| e.to_str()) {
        Some("actors") => load_petrarch_actors(lex, &text).map_err(|(l, m)| parse_error(l, m)),
        Some("agents") => load_petrarch_agents(lex, &text).map_err(|(l, m)| parse_error(l, m)),
        _ => load_tsv(lex, &text).map_err(|(l, m)| parse_error(l, m)),
    }
}

type LineError = (usize, String);

fn valid_code(code: &str) -> bool {
    code.len() >= 3
        && code
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

fn iso_date(s: &str, line: usize) -> Result<Option<NaiveDate>, LineError> {
    if s.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| (line, format!("bad date {s:?}: use YYYY-MM-DD")))
}

/// Adds one office of a person or organisation, merging offices of one name.
fn add_office(
    lex: &mut ActorLexicon,
    by_name: &mut HashMap<String, u32>,
    name: &str,
    aliases: &[String],
    code: DatedCode,
) {
    // A bare country code names the country itself: the names become its aliases.
    if code.cameo.len() == 3 && code.from.is_none() && code.to.is_none() {
        if let Some(&country) = lex.countries.get(&*code.cameo) {
            for n in std::iter::once(name).chain(aliases.iter().map(String::as_str)) {
                lex.add_name(n, country, Form::Name);
            }
            return;
        }
    }
    let entry = match by_name.get(name) {
        Some(&e) => {
            lex.entries[e as usize].codes.push(code);
            e
        }
        None => {
            let igo = code.cameo.starts_with("IGO") || code.cameo.starts_with("NGO");
            let dated = code.from.is_some() || code.to.is_some() || !code.role.is_empty();
            let kind = if igo && !dated {
                EntryKind::Igo
            } else if dated || name.split_whitespace().count() >= 2 {
                EntryKind::Person
            } else {
                EntryKind::Org
            };
            let country = (!igo && lex.countries.contains_key(&code.cameo[..3]))
                .then(|| code.cameo[..3].into());
            let e = lex.push_entry(Entry {
                name: name.into(),
                kind,
                country,
                codes: vec![code],
                population: 0,
                geo: None,
                adjective: None,
            });
            by_name.insert(name.to_string(), e);
            lex.add_name(name, e, Form::Name);
            e
        }
    };
    for alias in aliases {
        lex.add_name(alias, entry, Form::Name);
    }
}

fn load_tsv(lex: &mut ActorLexicon, text: &str) -> Result<usize, LineError> {
    let mut by_name = HashMap::new();
    let mut added = 0;
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = line.split('\t').map(str::trim).collect();
        if f.len() < 3 {
            return Err((
                n,
                format!(
                    "expected at least 3 tab-separated fields (name, aliases, cameo), found {}",
                    f.len()
                ),
            ));
        }
        let cameo = f[2];
        if !valid_code(cameo) {
            return Err((
                n,
                format!("bad CAMEO code {cameo:?}: use upper case, like NGAGOV"),
            ));
        }
        let from = iso_date(f.get(3).copied().unwrap_or(""), n)?;
        let to = iso_date(f.get(4).copied().unwrap_or(""), n)?;
        let aliases: Vec<String> = f[1]
            .split('|')
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .map(String::from)
            .collect();
        let code = DatedCode {
            cameo: cameo.into(),
            from,
            to,
            role: f.get(5).copied().unwrap_or("").into(),
        };
        add_office(lex, &mut by_name, f[0], &aliases, code);
        added += 1;
    }
    Ok(added)
}

/// `NICOLAS_MADURO_MOROS_` → `Nicolas Maduro Moros`.
fn petrarch_name(raw: &str) -> String {
    let words = raw.trim().trim_end_matches('_').replace('_', " ");
    let mut out = String::with_capacity(words.len());
    for (i, word) in words.split(' ').filter(|w| !w.is_empty()).enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let has_vowel = word.chars().any(|c| "AEIOUY".contains(c));
        if word.len() <= 2 || (word.len() <= 3 && !has_vowel) {
            out.push_str(word);
            continue;
        }
        let mut at_start = true;
        for c in word.chars() {
            if at_start {
                out.extend(c.to_uppercase());
            } else {
                out.extend(c.to_lowercase());
            }
            at_start = c == '-' || c == '\'';
        }
    }
    out
}

/// `>060901`, `<170120`, `400101-890202`, `20020414-20130305` → (from, to).
fn petrarch_dates(
    s: &str,
    line: usize,
) -> Result<(Option<NaiveDate>, Option<NaiveDate>), LineError> {
    let date = |d: &str| -> Result<NaiveDate, LineError> {
        let bad = || (line, format!("bad date {d:?}: use YYMMDD or YYYYMMDD"));
        let full = match d.len() {
            6 => {
                let yy: u32 = d[..2].parse().map_err(|_| bad())?;
                // TABARI's two-digit years: 00-30 are this century.
                let century = if yy <= 30 { "20" } else { "19" };
                format!("{century}{d}")
            }
            8 => d.to_string(),
            _ => return Err(bad()),
        };
        NaiveDate::parse_from_str(&full, "%Y%m%d").map_err(|_| bad())
    };
    if let Some(d) = s.strip_prefix('>') {
        Ok((Some(date(d)?), None))
    } else if let Some(d) = s.strip_prefix('<') {
        Ok((None, Some(date(d)?)))
    } else if let Some((a, b)) = s.split_once('-') {
        Ok((Some(date(a)?), Some(date(b)?)))
    } else {
        Err((line, format!("bad date restriction {s:?}")))
    }
}

/// The `[CODE ...]` groups of a line: (code, from, to).
fn petrarch_codes(s: &str, line: usize) -> Result<Vec<DatedCode>, LineError> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(open) = rest.find('[') {
        let close = rest[open..]
            .find(']')
            .ok_or((line, "unclosed '['".to_string()))?;
        let inner = rest[open + 1..open + close].trim();
        let mut parts = inner.split_whitespace();
        let code = parts.next().unwrap_or("").trim_start_matches('~');
        if !valid_code(code) && code != "---" {
            return Err((line, format!("bad CAMEO code {code:?}")));
        }
        let (from, to) = match parts.next() {
            Some(d) => petrarch_dates(d, line)?,
            None => (None, None),
        };
        if code != "---" {
            out.push(DatedCode {
                cameo: code.into(),
                from,
                to,
                role: "".into(),
            });
        }
        rest = &rest[open + close + 1..];
    }
    Ok(out)
}

fn strip_comment(line: &str) -> &str {
    line.split_once('#').map_or(line, |(a, _)| a).trim_end()
}

fn load_petrarch_actors(lex: &mut ActorLexicon, text: &str) -> Result<usize, LineError> {
    struct Pending {
        name: String,
        aliases: Vec<String>,
        codes: Vec<DatedCode>,
    }
    let mut by_name = HashMap::new();
    let mut added = 0;
    let mut flush = |lex: &mut ActorLexicon, p: Option<Pending>| {
        let Some(p) = p else { return };
        for code in p.codes {
            add_office(lex, &mut by_name, &p.name, &p.aliases, code);
        }
        added += 1;
    };
    let mut current: Option<Pending> = None;
    for (i, raw) in text.lines().enumerate() {
        let n = i + 1;
        let line = strip_comment(raw);
        if line.trim().is_empty() {
            continue;
        }
        if line.starts_with(char::is_whitespace) {
            let codes = petrarch_codes(line, n)?;
            match current.as_mut() {
                Some(p) => p.codes.extend(codes),
                None => return Err((n, "a code line before any actor".to_string())),
            }
        } else if let Some(alias) = line.strip_prefix('+') {
            let (name, codes) = alias
                .split_once('[')
                .map_or((alias, ""), |(a, _)| (a, &alias[a.len()..]));
            match current.as_mut() {
                Some(p) => {
                    p.aliases.push(petrarch_name(name));
                    p.codes.extend(petrarch_codes(codes, n)?);
                }
                None => return Err((n, "a '+' synonym before any actor".to_string())),
            }
        } else {
            flush(lex, current.take());
            let (name, codes) = line
                .split_once('[')
                .map_or((line, ""), |(a, _)| (a, &line[a.len()..]));
            current = Some(Pending {
                name: petrarch_name(name),
                aliases: Vec::new(),
                codes: petrarch_codes(codes, n)?,
            });
        }
    }
    flush(lex, current.take());
    Ok(added)
}

fn load_petrarch_agents(lex: &mut ActorLexicon, text: &str) -> Result<usize, LineError> {
    let mut macros: Vec<(String, Vec<String>)> = Vec::new();
    let mut added = 0;
    for (i, raw) in text.lines().enumerate() {
        let n = i + 1;
        let line = strip_comment(raw).trim();
        if line.is_empty() {
            continue;
        }
        if line.starts_with('!') {
            if let Some((name, values)) = line.split_once('=') {
                let values = values
                    .split(',')
                    .map(|v| v.trim().to_lowercase())
                    .filter(|v| !v.is_empty())
                    .collect();
                macros.push((name.trim().to_string(), values));
                continue;
            }
        }
        let Some(open) = line.find('[') else {
            return Err((n, "an agent line needs a [~CODE]".to_string()));
        };
        let codes = petrarch_codes(&line[open..], n)?;
        let Some(code) = codes.first() else { continue };
        let head = &line[..open];
        let (singular, plural) = match head.find('{') {
            Some(b) => {
                let e = head[b..].find('}').map_or(head.len(), |e| b + e);
                (&head[..b], head.get(b + 1..e).unwrap_or(""))
            }
            None => (head, ""),
        };
        let mut phrases = vec![singular.trim().replace('_', " ").to_lowercase()];
        if !plural.trim().is_empty() {
            phrases.push(plural.trim().replace('_', " ").to_lowercase());
        }
        for phrase in phrases {
            for expanded in expand_macros(&phrase, &macros) {
                let expanded = expanded.trim().to_string();
                if expanded.is_empty() {
                    continue;
                }
                lex.add_agent(
                    &expanded,
                    Agent {
                        code: code.cameo.clone(),
                        institution: false,
                        qualified: false,
                        foreign: false,
                    },
                );
                added += 1;
            }
        }
    }
    Ok(added)
}

/// `cattle!person!` with `!PERSON! = man, men` → `cattleman`, `cattlemen`.
fn expand_macros(phrase: &str, macros: &[(String, Vec<String>)]) -> Vec<String> {
    for (name, values) in macros {
        let lower = name.to_lowercase();
        if let Some(at) = phrase.find(&lower) {
            return values
                .iter()
                .flat_map(|v| {
                    let replaced = format!("{}{}{}", &phrase[..at], v, &phrase[at + lower.len()..]);
                    expand_macros(&replaced, macros)
                })
                .collect();
        }
    }
    vec![phrase.to_string()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn petrarch_names_are_title_cased() {
        assert_eq!(
            petrarch_name("NICOLAS_MADURO_MOROS_"),
            "Nicolas Maduro Moros"
        );
        assert_eq!(petrarch_name("UN_"), "UN");
        assert_eq!(petrarch_name("BAN_KI-MOON"), "Ban Ki-Moon");
    }

    #[test]
    fn petrarch_dates_read_both_year_widths() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day);
        assert_eq!(petrarch_dates(">060901", 1).unwrap(), (d(2006, 9, 1), None));
        assert_eq!(
            petrarch_dates("400101-890202", 1).unwrap(),
            (d(1940, 1, 1), d(1989, 2, 2))
        );
        assert_eq!(
            petrarch_dates("20020414-20130305", 1).unwrap(),
            (d(2002, 4, 14), d(2013, 3, 5))
        );
        assert!(petrarch_dates("2002", 3).is_err());
    }

    #[test]
    fn macros_expand() {
        let macros = vec![(
            "!PERSON!".to_string(),
            vec!["man".to_string(), "men".to_string()],
        )];
        assert_eq!(
            expand_macros("cattle!person!", &macros),
            ["cattleman", "cattlemen"]
        );
    }
}
