//! `newsgraph generate`: a synthetic corpus for load tests, written from fixture articles.
//!
//! Each fixture is analysed once with the engine itself to find the people in it (their full
//! names and the surnames and first names that stand for them later) and the cities. Every
//! generated article takes a fixture, gives each person another first name and family name and
//! each city another city of the same country, and gets a random publication date; so articles
//! of one fixture tell different stories in the same words. Near-copies (`--copies`) take an
//! earlier generated article and reword its lead, change its byline or cut it short; their id
//! says which article they copy and how (`gen-000120~copy-of-000045~lead`), which is what the
//! duplicate-detection test scores against.

use std::collections::HashMap;
use std::io::{self, BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;

use aho_corasick::{AhoCorasick, MatchKind};
use anyhow::{bail, Context, Result};
use chrono::{Duration, NaiveDate};
use newsgraph_pipeline::Pipeline;

/// What to generate.
pub struct Args<'a> {
    /// Fixture files or folders.
    pub fixtures: &'a [String],
    /// Articles to write.
    pub articles: usize,
    /// Share of near-copies.
    pub copies: f64,
    /// Random seed.
    pub seed: u64,
    /// Output file, or standard output.
    pub out: Option<&'a Path>,
}

/// Earlier articles kept for copying: the memory bound of the generator.
const KEEP: usize = 512;

/// Which part of a person's name a mention is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Part {
    Full,
    First,
    Last,
}

/// One fixture with the words a variant replaces.
struct Fixture {
    text: String,
    /// (words in the text, person number, which part).
    people: Vec<(String, usize, Part)>,
    persons: usize,
    /// (city name in the text, its country).
    cities: Vec<(String, String)>,
}

fn word_list(text: &'static str) -> Vec<&'static str> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').next().unwrap_or(l).trim())
        .filter(|w| w.chars().all(|c| c.is_alphabetic()))
        .collect()
}

/// Cities of at least this population stand in for others.
const CITY_POPULATION: u64 = 150_000;

fn cities_by_country() -> HashMap<&'static str, Vec<&'static str>> {
    let mut by: HashMap<&'static str, Vec<&'static str>> = HashMap::new();
    for line in include_str!("../../../data/places/cities.tsv").lines() {
        if line.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 7 {
            continue;
        }
        let (ascii, iso3) = (f[1], f[2]);
        let big = f[6].parse::<u64>().is_ok_and(|p| p >= CITY_POPULATION);
        if big && ascii.chars().all(|c| c.is_ascii_alphabetic() || c == ' ') {
            by.entry(iso3).or_default().push(ascii);
        }
    }
    by
}

fn fixture_files(paths: &[String]) -> Result<Vec<std::path::PathBuf>> {
    let mut files = Vec::new();
    for p in paths {
        let path = Path::new(p);
        if path.is_dir() {
            for e in walkdir::WalkDir::new(path).sort_by_file_name() {
                let e = e.with_context(|| format!("{p}: cannot list"))?;
                let name = e.file_name().to_string_lossy().to_string();
                // reference summaries and other derived texts are not articles
                if e.file_type().is_file()
                    && name.ends_with(".txt")
                    && name.matches('.').count() == 1
                {
                    files.push(e.into_path());
                }
            }
        } else if path.is_file() {
            files.push(path.to_path_buf());
        } else {
            bail!("{p}: no such file or folder");
        }
    }
    if files.is_empty() {
        bail!("no fixture articles (.txt) under {}", paths.join(", "));
    }
    Ok(files)
}

fn analyse(pipeline: &Pipeline, text: String) -> Result<Fixture> {
    let doc = pipeline.analyze_text(&text)?;
    let record = newsgraph_doc::Record::from_document(&doc, Default::default());
    let mut people = Vec::new();
    let mut cities = Vec::new();
    let mut persons = 0;
    for actor in &record.actors {
        let texts: Vec<&str> = actor
            .mentions
            .iter()
            .filter_map(|&m| record.mentions.get(m as usize))
            .map(|m| m.text.as_str())
            .collect();
        match actor.kind.as_str() {
            "person" => {
                // the longest name of two to four words: its first and last words are the
                // first name and surname (`Umaro Sissoco Embaló` becomes `Mia Osei`)
                let Some(full) = texts
                    .iter()
                    .filter(|t| (2..=4).contains(&t.split(' ').count()))
                    .max_by_key(|t| t.len())
                else {
                    continue;
                };
                let (Some((first, _)), Some((_, last))) =
                    (full.split_once(' '), full.rsplit_once(' '))
                else {
                    continue;
                };
                let person = persons;
                persons += 1;
                for t in &texts {
                    let part = if t == full {
                        Part::Full
                    } else if *t == last {
                        Part::Last
                    } else if *t == first {
                        Part::First
                    } else {
                        continue;
                    };
                    if !people.iter().any(|(w, _, _)| w == t) {
                        people.push((t.to_string(), person, part));
                    }
                }
            }
            "place" if actor.lat.is_some() => {
                if let Some(country) = &actor.country {
                    for t in &texts {
                        if t.chars().all(|c| c.is_alphabetic() || c == ' ')
                            && !cities.iter().any(|(w, _)| w == t)
                        {
                            cities.push((t.to_string(), country.clone()));
                        }
                    }
                }
            }
            _ => {}
        }
    }
    Ok(Fixture {
        text,
        people,
        persons,
        cities,
    })
}

/// Replaces whole words of `text` by their replacements.
fn replace_words(text: &str, pairs: &[(String, String)]) -> String {
    if pairs.is_empty() {
        return text.to_string();
    }
    let ac = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(pairs.iter().map(|(from, _)| from.as_str()))
        .expect("the replaced words form a small automaton");
    let mut out = String::with_capacity(text.len() + 64);
    let mut last = 0;
    for m in ac.find_iter(text) {
        let before = text[..m.start()].chars().next_back();
        let after = text[m.end()..].chars().next();
        let bounded =
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric);
        if bounded {
            out.push_str(&text[last..m.start()]);
            out.push_str(&pairs[m.pattern().as_usize()].1);
            last = m.end();
        }
    }
    out.push_str(&text[last..]);
    out
}

struct Generator {
    rng: fastrand::Rng,
    first_names: Vec<&'static str>,
    surnames: Vec<&'static str>,
    cities: HashMap<&'static str, Vec<&'static str>>,
}

fn pick<'a>(rng: &mut fastrand::Rng, from: &[&'a str]) -> &'a str {
    from[rng.usize(..from.len())]
}

impl Generator {
    fn variant(&mut self, f: &Fixture) -> String {
        let names: Vec<(&str, &str)> = (0..f.persons)
            .map(|_| {
                let first = pick(&mut self.rng, &self.first_names);
                let last = pick(&mut self.rng, &self.surnames);
                (first, last)
            })
            .collect();
        let mut pairs: Vec<(String, String)> = f
            .people
            .iter()
            .map(|(words, person, part)| {
                let (first, last) = names[*person];
                let new = match part {
                    Part::Full => format!("{first} {last}"),
                    Part::First => first.to_string(),
                    Part::Last => last.to_string(),
                };
                (words.clone(), new)
            })
            .collect();
        for (city, country) in &f.cities {
            if let Some(list) = self.cities.get(country.as_str()) {
                if !list.is_empty() {
                    pairs.push((city.clone(), pick(&mut self.rng, list).to_string()));
                }
            }
        }
        replace_words(&f.text, &pairs)
    }

    fn date(&mut self) -> NaiveDate {
        let start = NaiveDate::from_ymd_opt(2015, 1, 1).expect("a date");
        start + Duration::days(self.rng.i64(0..4018))
    }

    /// A near-copy of `text`, and how it was made.
    fn copy(&mut self, text: &str) -> (String, &'static str) {
        let paragraphs: Vec<&str> = text.split("\n\n").collect();
        match self.rng.u8(0..3) {
            0 if paragraphs.len() > 3 => {
                // reword the lead: its first sentence goes, the rest of it stays
                let lead_at = paragraphs.iter().position(|p| p.len() > 120).unwrap_or(1);
                let mut out: Vec<String> = paragraphs.iter().map(|p| p.to_string()).collect();
                let lead = &paragraphs[lead_at];
                let reworded = match lead.find(". ") {
                    Some(i) => format!("Officials gave new details on Tuesday. {}", &lead[i + 2..]),
                    None => format!("In a report published on Tuesday: {lead}"),
                };
                out[lead_at] = reworded;
                (out.join("\n\n"), "lead")
            }
            1 => {
                let first = pick(&mut self.rng, &self.first_names);
                let last = pick(&mut self.rng, &self.surnames);
                let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
                let byline = format!("By {first} {last}, staff correspondent");
                match lines.iter().position(|l| l.starts_with("By ")) {
                    Some(i) => lines[i] = byline,
                    None => lines.insert(1.min(lines.len()), format!("\n{byline}")),
                }
                (lines.join("\n"), "byline")
            }
            _ if paragraphs.len() >= 3 => {
                let keep = (paragraphs.len() * self.rng.usize(55..80) / 100).max(2);
                (
                    paragraphs[..keep.min(paragraphs.len())].join("\n\n"),
                    "truncated",
                )
            }
            _ => {
                // few paragraphs: cut at the sentence end nearest 55-80% of the text
                let target = text.len() * self.rng.usize(55..80) / 100;
                let cut = text
                    .match_indices(". ")
                    .map(|(i, _)| i + 1)
                    .min_by_key(|&i| i.abs_diff(target))
                    .unwrap_or(text.len());
                (text[..cut].to_string(), "truncated")
            }
        }
    }
}

/// Writes the corpus.
pub fn run(args: &Args<'_>) -> Result<ExitCode> {
    if !(0.0..=1.0).contains(&args.copies) {
        bail!("--copies {}: give a share between 0 and 1", args.copies);
    }
    let pipeline = Pipeline::standard().context("loading the engine's data files")?;
    let mut fixtures = Vec::new();
    for path in fixture_files(args.fixtures)? {
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("{}: cannot read", path.display()))?
            .replace("\r\n", "\n");
        fixtures.push(analyse(&pipeline, text).with_context(|| path.display().to_string())?);
    }
    let mut gen = Generator {
        rng: fastrand::Rng::with_seed(args.seed),
        first_names: word_list(include_str!("../../../data/actors/first_names.tsv")),
        surnames: word_list(include_str!("../../../data/generate/surnames.tsv")),
        cities: cities_by_country(),
    };
    let mut out: Box<dyn Write> = match args.out {
        Some(p) => Box::new(BufWriter::new(
            std::fs::File::create(p).with_context(|| format!("{}: cannot create", p.display()))?,
        )),
        None => Box::new(BufWriter::new(io::stdout().lock())),
    };
    // recent articles, to copy from: (id, text)
    let mut recent: Vec<(String, String)> = Vec::with_capacity(KEEP);
    for n in 0..args.articles {
        let copy = !recent.is_empty() && gen.rng.f64() < args.copies;
        let (id, text) = if copy {
            let (of, original) = &recent[gen.rng.usize(..recent.len())];
            let (text, how) = gen.copy(original);
            (format!("gen-{n:06}~copy-of-{of}~{how}"), text)
        } else {
            let f = &fixtures[gen.rng.usize(..fixtures.len())];
            (format!("gen-{n:06}"), gen.variant(f))
        };
        let published = gen.date();
        let line = serde_json::json!({
            "id": id,
            "published": published.to_string(),
            "text": text,
        });
        serde_json::to_writer(&mut out, &line)?;
        out.write_all(b"\n")?;
        if !copy {
            let original = id.clone();
            if recent.len() == KEEP {
                recent.swap_remove(gen.rng.usize(..KEEP));
            }
            recent.push((original, text));
        }
    }
    out.flush()?;
    eprintln!(
        "newsgraph: {} article(s) written from {} fixture(s)",
        args.articles,
        fixtures.len()
    );
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_replaced_whole() {
        let pairs = vec![
            ("Ana Ruiz".to_string(), "Mia Osei".to_string()),
            ("Ruiz".to_string(), "Osei".to_string()),
        ];
        assert_eq!(
            replace_words("Ana Ruiz spoke. Ruiz left; Ruizville stayed.", &pairs),
            "Mia Osei spoke. Osei left; Ruizville stayed."
        );
    }
}
