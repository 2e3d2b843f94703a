//! `newsgraph ingest`: analyse a corpus into the database, in parallel, resumably.
//!
//! The main thread reads articles one input at a time and passes over those already stored
//! (same id or same text) before analysing anything, so a re-run costs little. Batches are
//! analysed across cores (rayon) and handed to a writer thread through a channel of two
//! batches, so that at most three batches are in memory whatever the corpus size. The writer
//! commits every 1024 articles or two seconds, whichever comes first.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use chrono::NaiveDate;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use newsgraph_ingest::{Input, InputError, InputFormat, RawArticle};
use newsgraph_pipeline::Pipeline;
use newsgraph_store::{BatchOutcome, Prepared, Store};
use rayon::prelude::*;

/// Articles analysed together.
pub const BATCH: usize = 256;
/// Articles written in one transaction, at most.
const COMMIT_ARTICLES: usize = 1024;
/// Age of a transaction past which it is committed whatever its size.
const COMMIT_AFTER: Duration = Duration::from_secs(2);

/// File names `ingest` reads when it walks a folder.
const EXTENSIONS: &[&str] = &[
    ".txt",
    ".text",
    ".html",
    ".htm",
    ".jsonl",
    ".jsonl.gz",
    ".ndjson",
    ".ndjson.gz",
    ".warc",
    ".warc.gz",
];

/// What `ingest` was asked to do.
pub struct Job<'a> {
    /// Files, folders or `-`.
    pub paths: &'a [String],
    /// The database.
    pub db: &'a Path,
    /// Publication date for articles whose input gives none.
    pub published: Option<NaiveDate>,
    /// How to read the inputs.
    pub format: InputFormat,
    /// Show the progress bar (when stderr is a terminal).
    pub progress: bool,
    /// The analysis pipeline.
    pub pipeline: &'a Pipeline,
}

/// Counts of a run.
#[derive(Debug, Default)]
pub struct Tally {
    /// Articles read from the inputs.
    pub read: u64,
    /// Bytes of article text analysed.
    pub bytes: u64,
    /// Articles passed over, already in the database.
    pub already: u64,
    /// Inputs or records that could not be read (bad JSONL line, empty article...).
    pub skipped: u64,
    /// Articles the engine could not analyse.
    pub failed: u64,
    /// What the writer stored.
    pub stored: BatchOutcome,
    /// Time the writer spent in transactions.
    pub writing: Duration,
}

/// The files under the given paths: a folder is walked recursively (sorted, so that runs are
/// repeatable) for the file names `ingest` reads; a file or `-` is taken as it is.
pub fn expand(paths: &[String]) -> (Vec<String>, Vec<InputError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        let path = Path::new(p);
        if p != "-" && path.is_dir() {
            let mut found: Vec<PathBuf> = Vec::new();
            for entry in walkdir::WalkDir::new(path).sort_by_file_name() {
                match entry {
                    Ok(e) if e.file_type().is_file() => {
                        let name = e.file_name().to_string_lossy().to_ascii_lowercase();
                        if EXTENSIONS.iter().any(|x| name.ends_with(x)) {
                            found.push(e.into_path());
                        }
                    }
                    Ok(_) => {}
                    Err(e) => errors.push(InputError::Io {
                        origin: newsgraph_ingest::Origin {
                            name: e
                                .path()
                                .map(|p| p.display().to_string())
                                .unwrap_or_else(|| p.clone()),
                            line: None,
                        },
                        source: e.into(),
                    }),
                }
            }
            files.extend(found.into_iter().map(|f| f.display().to_string()));
        } else {
            files.push(p.clone());
        }
    }
    (files, errors)
}

enum Work {
    Batch(Vec<Prepared>, Vec<(String, String)>),
}

/// Runs the ingest. Errors are only those that stop the run (the database cannot be opened or
/// written); bad inputs are counted in the tally and recorded in the database.
pub fn run(job: &Job<'_>) -> Result<Tally> {
    let store = Store::open(job.db).with_context(|| "opening the database")?;
    // a second connection to skip what is stored; the writer owns the first
    let reader = Store::open(job.db).with_context(|| "opening the database")?;
    let (files, walk_errors) = expand(job.paths);

    let bar = if job.progress {
        ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr())
    } else {
        ProgressBar::hidden()
    };
    bar.set_style(
        ProgressStyle::with_template(
            "{spinner} [{elapsed_precise}] {human_pos} articles ({per_sec}) {msg}",
        )
        .expect("a valid progress template"),
    );
    bar.enable_steady_tick(Duration::from_millis(200));

    let (tx, rx) = mpsc::sync_channel::<Work>(1);
    let writer = std::thread::Builder::new()
        .name("ng-writer".into())
        .spawn(move || -> Result<(BatchOutcome, Duration)> {
            let mut store = store;
            let mut total = BatchOutcome::default();
            let mut busy = Duration::ZERO;
            // a transaction opens when a batch arrives and holds further batches until it has
            // COMMIT_ARTICLES articles or is COMMIT_AFTER old, waiting no longer than that for
            // the next: readers are never locked out for long, and a killed run loses at most
            // one transaction, which a re-run redoes
            while let Ok(Work::Batch(batch, rejects)) = rx.recv() {
                let mut tx = store.transaction()?;
                let opened = Instant::now();
                let mut articles = 0;
                let mut next = Some((batch, rejects));
                while let Some((mut batch, rejects)) = next.take() {
                    let started = Instant::now();
                    for (origin, reason) in &rejects {
                        tx.reject(origin, reason)?;
                    }
                    articles += batch.len();
                    for (id, why) in tx.write(&mut batch)? {
                        eprintln!("newsgraph: error: article {id}: not stored: {why}");
                    }
                    busy += started.elapsed();
                    let left = COMMIT_AFTER.saturating_sub(opened.elapsed());
                    if articles >= COMMIT_ARTICLES || left.is_zero() {
                        break;
                    }
                    if let Ok(Work::Batch(b, r)) = rx.recv_timeout(left) {
                        next = Some((b, r));
                    }
                }
                let started = Instant::now();
                let outcome = tx.commit()?;
                busy += started.elapsed();
                total.stored += outcome.stored;
                total.already += outcome.already;
                total.duplicates += outcome.duplicates;
                total.events += outcome.events;
                total.failed += outcome.failed;
            }
            let started = Instant::now();
            store.recount_stories()?;
            busy += started.elapsed();
            Ok((total, busy))
        })
        .context("starting the database writer")?;

    let mut tally = Tally::default();
    let started = Instant::now();
    let mut rejects: Vec<(String, String)> = Vec::new();
    let say = |bar: &ProgressBar, line: String| bar.suspend(|| eprintln!("newsgraph: {line}"));
    for e in walk_errors {
        say(&bar, format!("error: {e}"));
        rejects.push((e.location(), e.reason()));
        tally.skipped += 1;
    }
    let mut batch: Vec<RawArticle> = Vec::with_capacity(BATCH);
    let mut files = files.iter();
    let mut input: Option<Input> = None;
    let mut send_failed = false;
    loop {
        // fill a batch
        batch.clear();
        while batch.len() < BATCH {
            if input.is_none() {
                let Some(path) = files.next() else { break };
                match Input::open(path, job.format) {
                    Ok(i) => input = Some(i),
                    Err(e) => {
                        say(&bar, format!("error: {e}"));
                        rejects.push((e.location(), e.reason()));
                        tally.skipped += 1;
                        continue;
                    }
                }
            }
            let Some(current) = input.as_mut() else { break };
            match current.next() {
                None => {
                    if let Some(summary) = current.summary() {
                        say(&bar, summary);
                    }
                    input = None;
                }
                Some(Err(e)) => {
                    say(&bar, format!("error: {e}"));
                    rejects.push((e.location(), e.reason()));
                    tally.skipped += 1;
                }
                Some(Ok(mut raw)) => {
                    tally.read += 1;
                    for w in raw.warnings.drain(..) {
                        say(&bar, format!("warning: {w}"));
                    }
                    let hash = newsgraph_store::content_hash(&raw.text);
                    if reader.contains(&raw.id, &hash)? {
                        tally.already += 1;
                        continue;
                    }
                    if raw.published.is_none() {
                        raw.published = job.published;
                    }
                    batch.push(raw);
                }
            }
        }
        if batch.is_empty() && rejects.is_empty() {
            break;
        }
        let results: Vec<Result<Prepared, (String, String)>> = batch
            .par_drain(..)
            .map(|raw| {
                let origin = raw.origin.to_string();
                job.pipeline
                    .analyze(raw)
                    .map_err(|e| (origin.clone(), e.to_string()))
                    .and_then(|doc| {
                        let record = newsgraph_doc::Record::from_document(&doc, Default::default());
                        Prepared::new(record).map_err(|e| (origin, e.to_string()))
                    })
            })
            .collect();
        let mut prepared = Vec::with_capacity(results.len());
        for r in results {
            match r {
                Ok(p) => {
                    tally.bytes += p.bytes() as u64;
                    prepared.push(p);
                }
                Err((origin, reason)) => {
                    say(&bar, format!("error: {origin}: {reason}"));
                    rejects.push((origin, reason));
                    tally.failed += 1;
                }
            }
        }
        bar.inc(prepared.len() as u64);
        let secs = started.elapsed().as_secs_f64().max(1e-3);
        bar.set_message(format!(
            "{:.1} MB/s · {} already stored · {} skipped · {} failed",
            tally.bytes as f64 / 1e6 / secs,
            tally.already,
            tally.skipped,
            tally.failed
        ));
        if tx
            .send(Work::Batch(prepared, std::mem::take(&mut rejects)))
            .is_err()
        {
            // the writer stopped: its error is reported below
            send_failed = true;
            break;
        }
    }
    drop(tx);
    let written = writer
        .join()
        .map_err(|_| anyhow::anyhow!("the database writer panicked"))?;
    bar.finish_and_clear();
    let (written, busy) = written.context("writing the database")?;
    tally.writing = busy;
    if send_failed {
        anyhow::bail!("the database writer stopped early");
    }
    tally.already += written.already;
    tally.failed += written.failed;
    tally.stored = written;
    Ok(tally)
}
