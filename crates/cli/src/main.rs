//! The `newsgraph` command: glue between arguments, the pipeline and the output.

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};
use newsgraph_doc::{Record, RecordOptions};
use newsgraph_ingest::{Input, InputError, InputFormat, RawArticle};
use newsgraph_pipeline::Pipeline;
use rayon::prelude::*;

/// Turn news articles into structured, traceable records: layout sections, sentences and (as
/// the engine grows) actors, quotes and events, each pointing at its exact words.
#[derive(Parser, Debug)]
#[command(name = "newsgraph", version, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Analyse articles and print one record (schema newsgraph.article/1) per article.
    ///
    /// Inputs are plain-text articles (.txt or any other name), JSON Lines files (.jsonl,
    /// .jsonl.gz, .ndjson; one {"id", "text", "title"?, "published"?, "url"?} object per line),
    /// saved web pages (.html, .htm: the main content and its metadata are extracted), WARC
    /// archives (.warc, .warc.gz: every HTML response record is an article) or `-` for standard
    /// input (its format is recognised from its first bytes). One text file gives one pretty JSON record; several files, a
    /// JSONL input or --format jsonl give one record per line, in input order.
    ///
    /// A record holds the article's sections, sentences, actors and their mentions, quotes,
    /// events (CAMEO/PLOVER), quantities, its casualty toll, alignments (who backs or opposes
    /// whom) and a summary, each pointing back at its words; see README.md.
    ///
    /// A bad input or record (missing file, directory, empty article, malformed JSONL line) is
    /// reported on stderr with its file and line and skipped; the others are still processed and
    /// the exit status is 1. Invalid UTF-8 is decoded lossily with a warning.
    ///
    /// Examples:
    ///   newsgraph extract --published 2024-03-01 article.txt
    ///   newsgraph extract --format jsonl corpus.jsonl.gz > records.jsonl
    ///   cat article.txt | newsgraph extract -
    #[command(verbatim_doc_comment)]
    Extract(ExtractArgs),
}

#[derive(clap::Args, Debug)]
struct ExtractArgs {
    /// Article files, or `-` for standard input.
    #[arg(required = true, value_name = "FILE")]
    inputs: Vec<String>,

    /// Publication date (YYYY-MM-DD) for articles whose input gives none; relative dates
    /// ("yesterday") are resolved against it.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_published)]
    published: Option<NaiveDate>,

    /// Output format [default: json for one text input, jsonl otherwise].
    #[arg(long, value_enum)]
    format: Option<OutputFormat>,

    /// Indent JSON output (the default for a single text input).
    #[arg(long)]
    pretty: bool,

    /// How to read the inputs.
    #[arg(long, value_enum, default_value_t = InputKind::Auto)]
    input_format: InputKind,

    /// Include tokens in each record (an extension of the schema).
    #[arg(long)]
    tokens: bool,

    /// Check every document invariant after each stage (slower; for debugging).
    #[arg(long)]
    validate: bool,

    /// Extra actors: a TSV of ours (name, aliases, cameo, from, to, role; see
    /// `data/actors/people.tsv`) or a PETRARCH/TABARI `.actors` or `.agents` dictionary.
    /// Repeat to load several.
    #[arg(long = "actors", value_name = "FILE")]
    actor_files: Vec<std::path::PathBuf>,

    /// Extra event verbs and patterns, in PETRARCH-2's verb-dictionary format (`--- VERB
    /// [code] ---` blocks of verbs and `- * WORDS [code]` patterns, e.g. PETRARCH-2's
    /// CAMEO.2.0.txt); they take precedence over the built-in lists. Repeat to load several.
    #[arg(long = "verbs", value_name = "FILE")]
    verb_files: Vec<std::path::PathBuf>,
}

fn parse_published(s: &str) -> std::result::Result<NaiveDate, String> {
    newsgraph_ingest::parse_date(s)
        .filter(|_| s.trim().len() == 10)
        .ok_or_else(|| format!("{s:?} is not a valid date: use YYYY-MM-DD, e.g. 2024-03-01"))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum OutputFormat {
    /// One JSON document: a record, or an array of records for several articles.
    Json,
    /// One record per line.
    Jsonl,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum InputKind {
    /// By file name (.jsonl, .jsonl.gz, .ndjson are JSONL; .html, .htm pages; .warc, .warc.gz
    /// archives); stdin is sniffed.
    Auto,
    /// Each input is one plain-text article.
    Text,
    /// Each input holds one JSON article per line.
    Jsonl,
    /// Each input is one saved web page.
    Html,
    /// Each input is a WARC archive.
    Warc,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("newsgraph: error: {err:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Extract(args) => extract(args),
    }
}

/// Articles are analysed in parallel in batches of this many, then written in input order.
const BATCH: usize = 256;

fn extract(args: ExtractArgs) -> Result<ExitCode> {
    let actor_files: Vec<&std::path::Path> = args.actor_files.iter().map(|p| p.as_path()).collect();
    let verb_files: Vec<&std::path::Path> = args.verb_files.iter().map(|p| p.as_path()).collect();
    let pipeline = Pipeline::standard_with(&actor_files, &verb_files)
        .context("loading the engine's data files")?
        .with_validation(args.validate || cfg!(debug_assertions));
    let input_format = match args.input_format {
        InputKind::Auto => InputFormat::Auto,
        InputKind::Text => InputFormat::Text,
        InputKind::Jsonl => InputFormat::Jsonl,
        InputKind::Html => InputFormat::Html,
        InputKind::Warc => InputFormat::Warc,
    };
    let jsonl_input = args.inputs.iter().any(|p| {
        let p = p.to_ascii_lowercase();
        let p = p.trim_end_matches(".gz");
        matches!(input_format, InputFormat::Jsonl | InputFormat::Warc)
            || p.ends_with(".jsonl")
            || p.ends_with(".ndjson")
            || p.ends_with(".warc")
    });
    let single = args.inputs.len() == 1 && !jsonl_input;
    let format = args.format.unwrap_or(if single {
        OutputFormat::Json
    } else {
        OutputFormat::Jsonl
    });
    if args.pretty && format == OutputFormat::Jsonl {
        bail!("--pretty cannot be used with --format jsonl (one record per line)");
    }
    let pretty = args.pretty || (args.format.is_none() && single);
    let options = RecordOptions {
        tokens: args.tokens,
    };

    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut failed = 0usize;
    let mut written = 0usize;
    let mut batch: Vec<RawArticle> = Vec::with_capacity(BATCH);
    let array = format == OutputFormat::Json && !single;
    let mut sink = Sink {
        out: &mut out,
        format,
        pretty,
        array,
        written: &mut written,
    };

    let report = |e: &InputError| eprintln!("newsgraph: error: {e}");
    let mut articles = args
        .inputs
        .iter()
        .flat_map(|path| match Input::open(path, input_format) {
            Ok(mut input) => {
                // once the input is read, say what it skipped (WARC records that are no pages)
                let mut told = false;
                Box::new(std::iter::from_fn(move || {
                    let next = input.next();
                    if next.is_none() && !told {
                        told = true;
                        if let Some(summary) = input.summary() {
                            eprintln!("newsgraph: {summary}");
                        }
                    }
                    next
                }))
                    as Box<dyn Iterator<Item = std::result::Result<RawArticle, InputError>>>
            }
            Err(e) => Box::new(std::iter::once(Err(e))),
        });
    loop {
        batch.clear();
        for item in articles.by_ref() {
            match item {
                Ok(mut raw) => {
                    for w in raw.warnings.drain(..) {
                        eprintln!("newsgraph: warning: {w}");
                    }
                    if raw.published.is_none() {
                        raw.published = args.published;
                    }
                    batch.push(raw);
                    if batch.len() == BATCH {
                        break;
                    }
                }
                Err(e) => {
                    report(&e);
                    failed += 1;
                }
            }
        }
        if batch.is_empty() {
            break;
        }
        let results: Vec<(String, Result<Record, String>)> = batch
            .par_drain(..)
            .map(|raw| {
                let origin = raw.origin.to_string();
                let result = pipeline
                    .analyze(raw)
                    .map(|doc| Record::from_document(&doc, options))
                    .map_err(|e| e.to_string());
                (origin, result)
            })
            .collect();
        for (origin, result) in results {
            match result {
                Ok(record) => sink.write(&record)?,
                Err(e) => {
                    eprintln!("newsgraph: error: {origin}: {e}");
                    failed += 1;
                }
            }
        }
    }
    sink.finish()?;
    out.flush().context("writing the output")?;
    if failed > 0 {
        eprintln!("newsgraph: {written} record(s) written, {failed} input(s) skipped");
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes records as JSON (one object, or an array of several) or JSON Lines.
struct Sink<'a, W: Write> {
    out: &'a mut W,
    format: OutputFormat,
    pretty: bool,
    /// Several records in JSON format: wrap them in an array.
    array: bool,
    written: &'a mut usize,
}

impl<W: Write> Sink<'_, W> {
    fn write(&mut self, record: &Record) -> Result<()> {
        let out = &mut *self.out;
        match self.format {
            OutputFormat::Jsonl => {
                serde_json::to_writer(&mut *out, record)?;
                out.write_all(b"\n")?;
            }
            OutputFormat::Json => {
                let sep: &[u8] = match (self.array, *self.written) {
                    (false, _) => b"",
                    (true, 0) => b"[\n",
                    (true, _) => b",\n",
                };
                out.write_all(sep)?;
                if self.pretty {
                    serde_json::to_writer_pretty(&mut *out, record)?;
                } else {
                    serde_json::to_writer(&mut *out, record)?;
                }
            }
        }
        *self.written += 1;
        Ok(())
    }

    fn finish(&mut self) -> Result<()> {
        if self.format == OutputFormat::Jsonl {
            return Ok(());
        }
        match (self.array, *self.written) {
            (true, 0) => self.out.write_all(b"[]\n")?,
            (true, _) => self.out.write_all(b"\n]\n")?,
            (false, 0) => {}
            (false, _) => self.out.write_all(b"\n")?,
        }
        Ok(())
    }
}
