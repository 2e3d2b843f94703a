//! The newsgraph corpus: article records in an embedded SQLite database, near-duplicates
//! grouped, events grouped into stories, and the queries and exports users run over them.
//!
//! [`Store::open`] creates or migrates the database (schema version in `PRAGMA user_version`).
//! Records are written in batches, one transaction each ([`Store::write_batch`]): a batch is
//! stored whole or not at all, so a run killed at any moment loses nothing it committed and a
//! re-run stores the rest. An article whose id or text is already stored is not stored again
//! ([`Store::contains`] lets a caller skip its analysis).
//!
//! Near-duplicates (syndicated copies, light rewrites, truncated copies) are found with MinHash
//! ([`minhash`]) as each article is written, and marked with the first article of their group
//! (`articles.dup_of`). Events of one code root between the same two actors at the same place on
//! the same day are one story (`stories`), counted as GDELT counts NumArticles and NumMentions,
//! except that near-duplicate copies count once.
//!
//! ```
//! use newsgraph_store::Store;
//!
//! let dir = tempfile::tempdir().unwrap();
//! let store = Store::open(&dir.path().join("corpus.db")).unwrap();
//! assert_eq!(store.counts().unwrap().articles, 0);
//! ```
#![deny(missing_docs)]

pub mod export;
pub mod minhash;
pub mod query;
mod write;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, OptionalExtension};
use sha2::{Digest, Sha256};

pub use minhash::{Likeness, Signature};
pub use write::{BatchOutcome, Prepared};

/// The schema version this build writes and reads.
pub const SCHEMA_VERSION: i32 = 2;

const SCHEMA: &str = concat!(include_str!("schema.sql"), include_str!("signatures.sql"));

/// The table of near-duplicate signatures, new in version 2.
const SIGNATURES: &str = include_str!("signatures.sql");

/// What can go wrong with the database.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file could not be opened or created as a database.
    #[error("{path}: cannot open the database: {source}")]
    Open {
        /// The database file.
        path: PathBuf,
        /// Why.
        source: rusqlite::Error,
    },
    /// The file exists but is not a newsgraph database.
    #[error("{path}: not a newsgraph database ({why})")]
    NotOurs {
        /// The database file.
        path: PathBuf,
        /// What was found instead.
        why: String,
    },
    /// The database was written by a newer version of newsgraph.
    #[error("{path}: schema version {found} is newer than this build's {SCHEMA_VERSION}: upgrade newsgraph")]
    Newer {
        /// The database file.
        path: PathBuf,
        /// Its schema version.
        found: i32,
    },
    /// There is no database at the path (queries and exports do not create one).
    #[error("{path}: no such database (create it with `newsgraph ingest`)")]
    Missing {
        /// The path asked for.
        path: PathBuf,
    },
    /// A statement failed.
    #[error("database: {0}")]
    Sql(#[from] rusqlite::Error),
    /// A stored record could not be read back.
    #[error("stored record of article {article}: {source}")]
    Record {
        /// The article's row id.
        article: i64,
        /// The JSON error.
        source: serde_json::Error,
    },
    /// A query's filters make no sense together.
    #[error("{0}")]
    Filter(String),
    /// Writing an export failed.
    #[error("writing the export: {0}")]
    Io(#[from] std::io::Error),
    /// An export format failed.
    #[error("{0}")]
    Export(String),
}

/// Result of store operations.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// How many rows the main tables hold.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Counts {
    /// Articles stored.
    pub articles: u64,
    /// Of those, near-duplicates of an earlier one.
    pub duplicates: u64,
    /// Actors (one per article and entity).
    pub actors: u64,
    /// Quotes.
    pub quotes: u64,
    /// Event records.
    pub events: u64,
    /// Stories (events grouped across articles).
    pub stories: u64,
    /// Inputs rejected, over all runs.
    pub rejects: u64,
}

/// The SHA-256 of an article's text: its identity for deduplication of exact copies.
pub fn content_hash(text: &str) -> [u8; 32] {
    Sha256::digest(text.as_bytes()).into()
}

/// Batches being written in one transaction; nothing is stored until [`Transaction::commit`],
/// and dropping it stores nothing.
pub struct Transaction<'a> {
    tx: rusqlite::Transaction<'a>,
    outcome: BatchOutcome,
}

impl Transaction<'_> {
    /// Writes a batch (see [`Store::write_batch`]). An article the database refuses (a
    /// constraint it breaks) is rolled back alone, listed in `rejects` and returned with the
    /// reason; the others are written. Only a failure of the database itself is an error.
    pub fn write(&mut self, batch: &mut [Prepared]) -> Result<Vec<(String, String)>> {
        // Optimistically the batch goes in under one savepoint: a savepoint per article would
        // copy every page it touches to the statement journal and flush the full-text index's
        // pending terms to disk, article by article. Only when the database refuses an
        // article is the batch rolled back and written again article by article.
        let before = self.outcome;
        let sp = self.tx.savepoint()?;
        let mut outcome = before;
        let mut refusal = None;
        let mut stored = Vec::with_capacity(batch.len());
        for (i, article) in batch.iter_mut().enumerate() {
            match write::article(&sp, article, &mut outcome) {
                Ok(Some(id)) => stored.push((i, id)),
                Ok(None) => {}
                Err(e) if refused(&e) => {
                    refusal = Some(e);
                    break;
                }
                Err(e) => return Err(e),
            }
        }
        if refusal.is_none() {
            for &(i, id) in &stored {
                write::index_text(&sp, &batch[i], id)?;
            }
            sp.commit()?;
            self.outcome = outcome;
            return Ok(Vec::new());
        }
        drop(sp); // rolls the whole batch back
        let mut refused_articles = Vec::new();
        for article in batch.iter_mut() {
            let sp = self.tx.savepoint()?;
            let mut outcome = self.outcome;
            match write::article(&sp, article, &mut outcome)
                .and_then(|id| id.map_or(Ok(()), |id| write::index_text(&sp, article, id)))
            {
                Ok(()) => {
                    sp.commit()?;
                    self.outcome = outcome;
                }
                Err(StoreError::Sql(rusqlite::Error::SqliteFailure(e, msg)))
                    if refused_code(e.code) =>
                {
                    drop(sp); // rolls the article back
                    let why = msg.unwrap_or_else(|| e.to_string());
                    reject(&self.tx, &format!("article {}", article.id()), &why)?;
                    self.outcome.failed += 1;
                    refused_articles.push((article.id().to_string(), why));
                }
                Err(e) => return Err(e),
            }
        }
        Ok(refused_articles)
    }

    /// Records an input that could not be stored (see [`Store::reject`]).
    pub fn reject(&self, origin: &str, reason: &str) -> Result<()> {
        reject(&self.tx, origin, reason)
    }

    /// What the batches written so far did.
    pub fn outcome(&self) -> BatchOutcome {
        self.outcome
    }

    /// Stores everything written.
    pub fn commit(self) -> Result<BatchOutcome> {
        self.tx.commit()?;
        Ok(self.outcome)
    }
}

/// Whether the database refused one article's rows (a constraint it breaks), rather than failed.
fn refused(e: &StoreError) -> bool {
    matches!(e, StoreError::Sql(rusqlite::Error::SqliteFailure(f, _)) if refused_code(f.code))
}

fn refused_code(code: rusqlite::ErrorCode) -> bool {
    code == rusqlite::ErrorCode::ConstraintViolation || code == rusqlite::ErrorCode::TypeMismatch
}

fn reject(conn: &Connection, origin: &str, reason: &str) -> Result<()> {
    conn.execute(
        "INSERT OR IGNORE INTO rejects (origin, reason, seen) \
         VALUES (?1, ?2, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
        rusqlite::params![origin, reason],
    )?;
    Ok(())
}

/// An open corpus database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

impl Store {
    /// Opens the database at `path`, creating it (and its tables) when it does not exist and
    /// migrating an older schema.
    pub fn open(path: &Path) -> Result<Store> {
        let conn = Connection::open(path).map_err(|source| StoreError::Open {
            path: path.to_path_buf(),
            source,
        })?;
        Store::init(conn, path)
    }

    /// Opens an existing database for reading; a missing file is an error, not a new database.
    pub fn open_existing(path: &Path) -> Result<Store> {
        if !path.is_file() {
            return Err(StoreError::Missing {
                path: path.to_path_buf(),
            });
        }
        if std::fs::metadata(path).is_ok_and(|m| m.len() == 0) {
            return Err(StoreError::NotOurs {
                path: path.to_path_buf(),
                why: "the file is empty".into(),
            });
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|source| StoreError::Open {
            path: path.to_path_buf(),
            source,
        })?;
        Store::init(conn, path)
    }

    fn init(conn: Connection, path: &Path) -> Result<Store> {
        let not_ours = |e: rusqlite::Error| match e {
            rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::NotADatabase => {
                StoreError::NotOurs {
                    path: path.to_path_buf(),
                    why: "the file is not an SQLite database".into(),
                }
            }
            e => StoreError::Open {
                path: path.to_path_buf(),
                source: e,
            },
        };
        // WAL: readers do not block the writer; NORMAL sync is durable across a killed process
        // (only a power cut can lose the last transactions).
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(not_ours)?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        // The references between tables are declared but not enforced row by row: the writer
        // is their only author and makes them consistent (the tests check them with
        // `foreign_key_check`), and enforcing them costs the writer a tenth of its time.
        conn.pragma_update(None, "foreign_keys", "OFF")?;
        // 32 MiB of page cache: the index pages a growing corpus writes to stay in memory
        conn.pragma_update(None, "cache_size", -32768)?;
        conn.pragma_update(None, "temp_store", "MEMORY")?;
        // checkpoint the write-ahead log every 16k pages rather than every 1k
        conn.pragma_update(None, "wal_autocheckpoint", 16384)?;
        conn.busy_timeout(std::time::Duration::from_secs(30))?;
        let version: i32 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        let store = Store {
            conn,
            path: path.to_path_buf(),
        };
        match version {
            0 => {
                let tables: i64 = store.conn.query_row(
                    "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'",
                    [],
                    |r| r.get(0),
                )?;
                if tables > 0 {
                    return Err(StoreError::NotOurs {
                        path: path.to_path_buf(),
                        why: format!("it holds {tables} other table(s) and no newsgraph schema"),
                    });
                }
                store.create()?;
            }
            SCHEMA_VERSION => {}
            v if v > SCHEMA_VERSION => {
                return Err(StoreError::Newer {
                    path: path.to_path_buf(),
                    found: v,
                })
            }
            v => store.migrate(v)?,
        }
        Ok(store)
    }

    fn create(&self) -> Result<()> {
        let sql = format!("BEGIN; {SCHEMA}\nPRAGMA user_version = {SCHEMA_VERSION}; COMMIT;");
        self.conn.execute_batch(&sql)?;
        Ok(())
    }

    /// Brings an older schema up to [`SCHEMA_VERSION`]: one step per version, each in its own
    /// transaction. Version 1 is the first, so there is nothing to migrate yet.
    fn migrate(&self, from: i32) -> Result<()> {
        match from {
            1 => self.migrate_from_1(),
            _ => Err(StoreError::NotOurs {
                path: self.path.clone(),
                why: format!("unknown schema version {from}"),
            }),
        }
    }

    /// Version 1 kept a signature of 128 hash functions in each article's long row; version 2
    /// keeps one-permutation signatures (see [`minhash`]) in their own table. They are computed
    /// again from the stored texts, with their bands; the groups found stay as they were. One
    /// transaction: a migration killed half-way leaves version 1 as it was.
    fn migrate_from_1(&self) -> Result<()> {
        let tx = self.conn.unchecked_transaction()?;
        tx.execute_batch(SIGNATURES)?;
        tx.execute("DELETE FROM minhash_bands", [])?;
        {
            let mut read =
                tx.prepare("SELECT id, COALESCE(dup_of, id), text, entities FROM articles")?;
            let mut put = tx.prepare(
                "INSERT INTO signatures (article, grp, shingles, minhash, entities) \
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?;
            let mut band =
                tx.prepare("INSERT OR IGNORE INTO minhash_bands (key, article) VALUES (?1, ?2)")?;
            let mut rows = read.query([])?;
            while let Some(row) = rows.next()? {
                let id: i64 = row.get(0)?;
                let text: String = row.get(2)?;
                let signature = Signature::of(&text);
                put.execute(rusqlite::params![
                    id,
                    row.get::<_, i64>(1)?,
                    signature.shingles,
                    signature.to_bytes(),
                    row.get::<_, Vec<u8>>(3)?,
                ])?;
                for key in signature.band_keys() {
                    band.execute(rusqlite::params![key, id])?;
                }
            }
        }
        tx.execute_batch(&format!(
            "ALTER TABLE articles DROP COLUMN shingles; \
             ALTER TABLE articles DROP COLUMN minhash; \
             ALTER TABLE articles DROP COLUMN entities; \
             PRAGMA user_version = {SCHEMA_VERSION};"
        ))?;
        tx.commit()?;
        Ok(())
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The underlying connection, for queries this crate does not offer.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    /// Whether an article with this id or this text is already stored.
    pub fn contains(&self, ext_id: &str, hash: &[u8; 32]) -> Result<bool> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT 1 FROM articles WHERE ext_id = ?1 UNION ALL \
             SELECT 1 FROM articles WHERE content_hash = ?2 LIMIT 1",
        )?;
        Ok(stmt
            .query_row(rusqlite::params![ext_id, &hash[..]], |_| Ok(()))
            .optional()?
            .is_some())
    }

    /// Records an input that could not be stored (once per origin and reason).
    pub fn reject(&self, origin: &str, reason: &str) -> Result<()> {
        reject(&self.conn, origin, reason)
    }

    /// How many rows the main tables hold.
    pub fn counts(&self) -> Result<Counts> {
        let one = |sql: &str| -> Result<u64> {
            let n: i64 = self.conn.query_row(sql, [], |r| r.get(0))?;
            Ok(n.max(0) as u64)
        };
        Ok(Counts {
            articles: one("SELECT COUNT(*) FROM articles")?,
            duplicates: one("SELECT COUNT(*) FROM articles WHERE dup_of IS NOT NULL")?,
            actors: one("SELECT COUNT(*) FROM actors")?,
            quotes: one("SELECT COUNT(*) FROM quotes")?,
            events: one("SELECT COUNT(*) FROM events")?,
            stories: one("SELECT COUNT(*) FROM stories")?,
            rejects: one("SELECT COUNT(*) FROM rejects")?,
        })
    }

    /// Writes a batch of analysed articles in one transaction: all of it is stored, or none.
    /// Articles already stored (same id or same text, in the database or earlier in the
    /// batch) are passed over and counted.
    pub fn write_batch(&mut self, batch: &mut [Prepared]) -> Result<BatchOutcome> {
        let mut tx = self.transaction()?;
        tx.write(batch)?;
        tx.commit()
    }

    /// Opens a transaction that several batches can be written in before it is committed:
    /// fewer, larger transactions cost the full-text index fewer flushes.
    pub fn transaction(&mut self) -> Result<Transaction<'_>> {
        Ok(Transaction {
            tx: self.conn.transaction()?,
            outcome: BatchOutcome::default(),
        })
    }

    /// The record of the article with this id (the input's id), text included.
    pub fn record(&self, ext_id: &str) -> Result<Option<newsgraph_doc::Record>> {
        let row: Option<(i64, String, Vec<u8>)> = self
            .conn
            .query_row(
                "SELECT id, text, record FROM articles WHERE ext_id = ?1",
                [ext_id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let Some((id, text, stored)) = row else {
            return Ok(None);
        };
        let mut record = write::record_of(id, &stored)?;
        record.text = text;
        Ok(Some(record))
    }

    /// Brings the story counts up to date (NumArticles, NumMentions...). Writing marks the
    /// stories it adds to as stale; call this once the batches of a run are written. Queries
    /// and exports call it when they open a database, so that a run killed before its end
    /// leaves no wrong count behind. Returns how many stories were counted.
    pub fn recount_stories(&mut self) -> Result<usize> {
        // a read first: a reader must not wait for the write lock when nothing is stale
        let stale: Option<i64> = self
            .conn
            .query_row("SELECT 1 FROM stories WHERE stale = 1 LIMIT 1", [], |r| {
                r.get(0)
            })
            .optional()?;
        if stale.is_none() {
            return Ok(0);
        }
        let tx = self.conn.transaction()?;
        let n = write::recount_stories(&tx)?;
        tx.commit()?;
        Ok(n)
    }
}
