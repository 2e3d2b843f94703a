//! The `newsgraph` command: glue between arguments, the pipeline and the output.

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};
use newsgraph_doc::{Record, RecordOptions};
use newsgraph_ingest::{Input, InputError, InputFormat, RawArticle};
use newsgraph_pipeline::Pipeline;
use newsgraph_store::Store;
use rayon::prelude::*;

/// The analysis allocates many small, short-lived values per article (tokens' classes,
/// mentions, records): mimalloc serves them with fewer instructions than the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod generate;
mod ingest;

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
    /// input (its format is recognised from its first bytes). One text file gives one pretty
    /// JSON record; several files, a JSONL input or --format jsonl give one record per line, in
    /// input order.
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

    /// Analyse a corpus into an SQLite database: folders (walked recursively), .txt, .html,
    /// .jsonl(.gz), .warc(.gz) files, or `-`.
    ///
    /// Articles are analysed in parallel and written in batches, one transaction each: killing
    /// the run loses nothing committed, and running it again stores only what is missing (an
    /// article whose id or text is stored is passed over before analysis). Near-duplicate
    /// copies (syndication, light rewrites, truncated copies) are marked with the first article
    /// of their group, and events reported by several articles are grouped into stories.
    ///
    /// Bad inputs and records are reported on stderr, listed in the database's `rejects` table
    /// and skipped; the run goes on and exits with status 1.
    ///
    /// Examples:
    ///   newsgraph ingest examples/corpus
    ///   newsgraph ingest --db news.db crawl/*.warc.gz dump.jsonl.gz
    ///   newsgraph query events --db news.db --root 19 --from 2024-01-01
    #[command(verbatim_doc_comment)]
    Ingest(IngestArgs),

    /// List events, stories, actors, quotes, articles or alignments from a database, filtered.
    ///
    /// Filters combine (all must hold). --actor matches part of a name or an exact CAMEO code;
    /// --country an ISO 3166 alpha-3 code (of an actor, or an event's place); --code a CAMEO
    /// code or its prefix; --root a CAMEO root (01-20); --plover a PLOVER type; --from/--to an
    /// event's date (or an article's publication date); --place part of a place name; --text
    /// a full-text search of the articles (SQLite FTS5: words, "a phrase", OR, NOT, prefix*).
    ///
    /// Examples:
    ///   newsgraph query events --actor police --root 14
    ///   newsgraph query stories --from 2024-06-01 --to 2024-06-30
    ///   newsgraph query actors --country KEN --format csv
    ///   newsgraph query quotes --actor Ruto --text "finance bill"
    ///   newsgraph query articles --plover ASSAULT --unique --format jsonl
    #[command(verbatim_doc_comment)]
    Query(QueryArgs),

    /// Export a database: records (jsonl), events (csv, parquet), or stories as GDELT 2.0
    /// event rows (gdelt) or PLOVER event records (plover).
    ///
    /// jsonl writes one article record per line, as `extract` does. csv and parquet write one
    /// row per event record with its article, actors, place, date and sentence. gdelt writes
    /// the 61 tab-separated columns of GDELT 2.0's Event table, one row per story (events of one
    /// code root between the same actors, place and day), NumArticles counting near-duplicate
    /// copies once; columns we do not measure (AvgTone, ADM codes) are empty. plover writes one
    /// JSON object per story with PLOVER's fields (id, date, source, recipient, event, mode,
    /// context, event_loc, event_text, quad_code...).
    ///
    /// Examples:
    ///   newsgraph export --format parquet --out events.parquet
    ///   newsgraph export --format gdelt > events.gdelt.tsv
    ///   newsgraph export --format plover --db news.db --out plover.jsonl
    #[command(verbatim_doc_comment)]
    Export(ExportArgs),

    /// Serve the HTTP API over a database: extract articles, list events, stories, actors,
    /// quotes, alignments and articles with the filters of `query`, and read records.
    ///
    /// Endpoints: POST /v1/extract (text/plain, text/html or a JSON article; its record),
    /// GET /v1/articles, /v1/articles/{id}, /v1/events, /v1/stories, /v1/actors,
    /// /v1/actors/{name}, /v1/alignments, /v1/stats, and the OpenAPI document at
    /// /v1/openapi.json. Errors are JSON with their status. Listens on loopback unless told
    /// otherwise; stop it with Ctrl-C.
    ///
    /// Examples:
    ///   newsgraph serve --db example.db
    ///   curl 'http://127.0.0.1:8080/v1/events?root=14&limit=5'
    ///   curl -H 'Content-Type: text/plain' --data-binary @article.txt http://127.0.0.1:8080/v1/extract
    #[command(verbatim_doc_comment)]
    Serve(ServeArgs),

    /// Write a synthetic corpus (JSON Lines) from fixture articles, with varied names, places
    /// and dates and, optionally, near-copies: for load tests and benchmarks of `ingest`.
    ///
    /// Each fixture is analysed once to find its people and places; every generated article
    /// takes one fixture and replaces them with other names and places, and gets a new date.
    /// With --copies, that share of the articles are near-copies of an earlier generated one
    /// (a reworded lead, a changed byline or a truncated text), marked in the id.
    ///
    /// Example:
    ///   newsgraph generate --articles 20000 --out corpus.jsonl tests/actors tests/casualties
    #[command(verbatim_doc_comment)]
    Generate(GenerateArgs),
}

#[derive(clap::Args, Debug)]
struct IngestArgs {
    /// Files, folders or `-` for standard input.
    #[arg(required = true, value_name = "PATH")]
    inputs: Vec<String>,

    /// The database file (created when missing).
    #[arg(long, value_name = "FILE", default_value = "newsgraph.db")]
    db: std::path::PathBuf,

    /// Publication date (YYYY-MM-DD) for articles whose input gives none.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_published)]
    published: Option<NaiveDate>,

    /// How to read the inputs.
    #[arg(long, value_enum, default_value_t = InputKind::Auto)]
    input_format: InputKind,

    /// No progress bar (it is only drawn when stderr is a terminal anyway).
    #[arg(long)]
    quiet: bool,

    /// Extra actors (see `extract --actors`).
    #[arg(long = "actors", value_name = "FILE")]
    actor_files: Vec<std::path::PathBuf>,

    /// Extra event verbs and patterns (see `extract --verbs`).
    #[arg(long = "verbs", value_name = "FILE")]
    verb_files: Vec<std::path::PathBuf>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum QueryKind {
    /// Event records, one per mention in an article.
    Events,
    /// Events grouped across articles, with their numbers of articles and mentions.
    Stories,
    /// Actors over the corpus, most reported first.
    Actors,
    /// Quotes and their speakers.
    Quotes,
    /// Articles.
    Articles,
    /// Who supports or opposes whom.
    Alignments,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum TableFormat {
    /// An aligned text table.
    Table,
    /// One JSON array.
    Json,
    /// One JSON object per line.
    Jsonl,
    /// CSV with a header row.
    Csv,
}

#[derive(clap::Args, Debug)]
struct QueryArgs {
    /// What to list.
    #[arg(value_enum)]
    kind: QueryKind,

    /// The database file.
    #[arg(long, value_name = "FILE", default_value = "newsgraph.db")]
    db: std::path::PathBuf,

    /// Part of an actor's name, or its exact CAMEO code (VENGOV).
    #[arg(long)]
    actor: Option<String>,

    /// ISO 3166 alpha-3 code of an actor's country or an event's place (VEN).
    #[arg(long)]
    country: Option<String>,

    /// CAMEO event code or prefix (190, 19).
    #[arg(long)]
    code: Option<String>,

    /// CAMEO root code, 01 to 20.
    #[arg(long)]
    root: Option<String>,

    /// PLOVER event type (ASSAULT, PROTEST...).
    #[arg(long)]
    plover: Option<String>,

    /// First date, YYYY-MM-DD.
    #[arg(long, value_name = "YYYY-MM-DD")]
    from: Option<String>,

    /// Last date, YYYY-MM-DD.
    #[arg(long, value_name = "YYYY-MM-DD")]
    to: Option<String>,

    /// Part of a place name.
    #[arg(long)]
    place: Option<String>,

    /// Full-text search of the articles (FTS5 syntax).
    #[arg(long)]
    text: Option<String>,

    /// Leave out near-duplicate copies of earlier articles.
    #[arg(long)]
    unique: bool,

    /// Most rows.
    #[arg(long, default_value_t = 50)]
    limit: usize,

    /// Output format.
    #[arg(long, value_enum, default_value_t = TableFormat::Table)]
    format: TableFormat,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum ExportFormat {
    /// Article records, one per line.
    Jsonl,
    /// Event records, CSV.
    Csv,
    /// Event records, Parquet (needs --out).
    Parquet,
    /// Stories as GDELT 2.0 Event table rows (tab-separated, no header).
    Gdelt,
    /// Stories as PLOVER event records (JSON Lines).
    Plover,
}

#[derive(clap::Args, Debug)]
struct ExportArgs {
    /// Output format.
    #[arg(long, value_enum)]
    format: ExportFormat,

    /// The database file.
    #[arg(long, value_name = "FILE", default_value = "newsgraph.db")]
    db: std::path::PathBuf,

    /// Output file [default: standard output].
    #[arg(long, value_name = "FILE")]
    out: Option<std::path::PathBuf>,
}

#[derive(clap::Args, Debug)]
struct ServeArgs {
    /// The database [default: newsgraph.db when it exists; without one, only /v1/extract
    /// answers].
    #[arg(long, value_name = "FILE")]
    db: Option<std::path::PathBuf>,

    /// Address to listen on (loopback by default: give 0.0.0.0:PORT to serve other machines).
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: std::net::SocketAddr,

    /// Largest request body, in MiB.
    #[arg(long, default_value_t = 8)]
    max_body_mib: usize,

    /// Longest a request may take, in seconds.
    #[arg(long, default_value_t = 30)]
    timeout_secs: u64,
}

#[derive(clap::Args, Debug)]
struct GenerateArgs {
    /// Fixture articles: .txt files or folders of them.
    #[arg(required = true, value_name = "FIXTURE")]
    fixtures: Vec<String>,

    /// Articles to write.
    #[arg(long, default_value_t = 1000)]
    articles: usize,

    /// Share of the articles that are near-copies of an earlier one (0 to 1).
    #[arg(long, default_value_t = 0.0)]
    copies: f64,

    /// Random seed: the same seed writes the same corpus.
    #[arg(long, default_value_t = 1)]
    seed: u64,

    /// Output file [default: standard output].
    #[arg(long, value_name = "FILE")]
    out: Option<std::path::PathBuf>,
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
        Command::Ingest(args) => ingest(args),
        Command::Query(args) => query(args),
        Command::Export(args) => export(args),
        Command::Serve(args) => serve(args),
        Command::Generate(args) => generate::run(&generate::Args {
            fixtures: &args.fixtures,
            articles: args.articles,
            copies: args.copies,
            seed: args.seed,
            out: args.out.as_deref(),
        }),
    }
}

/// Articles are analysed in parallel in batches of this many, then written in input order.
const BATCH: usize = 256;

fn input_format(kind: InputKind) -> InputFormat {
    match kind {
        InputKind::Auto => InputFormat::Auto,
        InputKind::Text => InputFormat::Text,
        InputKind::Jsonl => InputFormat::Jsonl,
        InputKind::Html => InputFormat::Html,
        InputKind::Warc => InputFormat::Warc,
    }
}

fn ingest(args: IngestArgs) -> Result<ExitCode> {
    let actor_files: Vec<&std::path::Path> = args.actor_files.iter().map(|p| p.as_path()).collect();
    let verb_files: Vec<&std::path::Path> = args.verb_files.iter().map(|p| p.as_path()).collect();
    let pipeline = Pipeline::standard_with(&actor_files, &verb_files)
        .context("loading the engine's data files")?;
    let started = std::time::Instant::now();
    let tally = ingest::run(&ingest::Job {
        paths: &args.inputs,
        db: &args.db,
        published: args.published,
        format: input_format(args.input_format),
        progress: !args.quiet,
        pipeline: &pipeline,
    })?;
    let secs = started.elapsed().as_secs_f64().max(1e-3);
    let analysed = tally.stored.stored + tally.failed;
    eprintln!(
        "newsgraph: {} stored ({} near-duplicate, {} events) in {:.1} s: {:.0} articles/s, \
         {:.1} MB/s (writing {:.1} s); {} already stored, {} skipped, {} failed; database {}",
        tally.stored.stored,
        tally.stored.duplicates,
        tally.stored.events,
        secs,
        analysed as f64 / secs,
        tally.bytes as f64 / 1e6 / secs,
        tally.writing.as_secs_f64(),
        tally.already,
        tally.skipped,
        tally.failed,
        args.db.display()
    );
    if tally.skipped + tally.failed > 0 {
        eprintln!(
            "newsgraph: the inputs not stored are listed in the database: \
             sqlite3 {} 'SELECT * FROM rejects'",
            args.db.display()
        );
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

fn query(args: QueryArgs) -> Result<ExitCode> {
    use newsgraph_store::query::{self, Filter, Kind};
    let mut store = Store::open_existing(&args.db)?;
    store.recount_stories()?;
    let kind = match args.kind {
        QueryKind::Events => Kind::Events,
        QueryKind::Stories => Kind::Stories,
        QueryKind::Actors => Kind::Actors,
        QueryKind::Quotes => Kind::Quotes,
        QueryKind::Articles => Kind::Articles,
        QueryKind::Alignments => Kind::Alignments,
    };
    let filter = Filter {
        actor: args.actor,
        country: args.country,
        code: args.code,
        root: args.root,
        plover: args.plover,
        from: args.from,
        to: args.to,
        place: args.place,
        text: args.text,
        unique: args.unique,
        exact_actor: false,
        limit: args.limit,
        offset: 0,
    };
    let table = query::run(&store, kind, &filter)?;
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match args.format {
        TableFormat::Table if kind == Kind::Events => {
            // the columns a person reads; the other formats have them all
            let readable = [
                "date", "code", "plover", "source", "target", "place", "trigger", "article",
                "sentence",
            ];
            table.select(&readable).write_text(&mut out, 48)?
        }
        TableFormat::Table => table.write_text(&mut out, 48)?,
        TableFormat::Csv => table.write_csv(&mut out)?,
        TableFormat::Jsonl => {
            for row in table.objects() {
                serde_json::to_writer(&mut out, &row)?;
                out.write_all(b"\n")?;
            }
        }
        TableFormat::Json => {
            let rows: Vec<_> = table.objects().collect();
            serde_json::to_writer_pretty(&mut out, &rows)?;
            out.write_all(b"\n")?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn export(args: ExportArgs) -> Result<ExitCode> {
    use newsgraph_store::export::{self, Format};
    let mut store = Store::open_existing(&args.db)?;
    store.recount_stories()?;
    let format = match args.format {
        ExportFormat::Jsonl => Format::Jsonl,
        ExportFormat::Csv => Format::Csv,
        ExportFormat::Parquet => Format::Parquet,
        ExportFormat::Gdelt => Format::Gdelt,
        ExportFormat::Plover => Format::Plover,
    };
    let out: Box<dyn Write + Send> = match &args.out {
        Some(path) => Box::new(BufWriter::new(
            std::fs::File::create(path)
                .with_context(|| format!("{}: cannot create", path.display()))?,
        )),
        None => {
            if format == Format::Parquet && std::io::IsTerminal::is_terminal(&io::stdout()) {
                bail!("Parquet is binary: give --out FILE or redirect standard output");
            }
            Box::new(BufWriter::new(io::stdout()))
        }
    };
    let n = export::export(&store, format, out)?;
    eprintln!("newsgraph: {n} row(s) exported");
    Ok(ExitCode::SUCCESS)
}

fn serve(args: ServeArgs) -> Result<ExitCode> {
    let db = match args.db {
        Some(path) => Some(path),
        None => {
            let default = std::path::PathBuf::from("newsgraph.db");
            if default.is_file() {
                Some(default)
            } else {
                eprintln!(
                    "newsgraph: no database (newsgraph.db is missing; give --db FILE): \
                     only /v1/extract will answer"
                );
                None
            }
        }
    };
    let pipeline = Pipeline::standard().context("loading the engine's data files")?;
    let limits = newsgraph_serve::Limits {
        body_bytes: args.max_body_mib.max(1) * 1024 * 1024,
        timeout: std::time::Duration::from_secs(args.timeout_secs.max(1)),
        ..Default::default()
    };
    let state =
        newsgraph_serve::AppState::new(std::sync::Arc::new(pipeline), db.as_deref(), limits)?;
    let runtime = tokio::runtime::Runtime::new().context("starting the server's runtime")?;
    runtime.block_on(newsgraph_serve::serve(
        std::sync::Arc::new(state),
        args.addr,
        |addr| {
            eprintln!(
                "newsgraph: serving on http://{addr}/ (API at http://{addr}/v1/, Ctrl-C stops)"
            )
        },
    ))?;
    Ok(ExitCode::SUCCESS)
}

fn extract(args: ExtractArgs) -> Result<ExitCode> {
    let actor_files: Vec<&std::path::Path> = args.actor_files.iter().map(|p| p.as_path()).collect();
    let verb_files: Vec<&std::path::Path> = args.verb_files.iter().map(|p| p.as_path()).collect();
    let pipeline = Pipeline::standard_with(&actor_files, &verb_files)
        .context("loading the engine's data files")?
        .with_validation(args.validate || cfg!(debug_assertions));
    let input_format = input_format(args.input_format);
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
