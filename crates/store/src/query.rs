//! Queries over the corpus: events, stories, actors, quotes, articles and alignments, with
//! filters.
//!
//! Each filter means the natural thing for what is asked: `--actor` is an event's source or
//! target, a quote's speaker, an actor's name, an article's actors; `--code`, `--root` and
//! `--plover` select events (and the actors, quotes' articles and articles that have such
//! events); dates are an event's date, or an article's publication date. A filter that means
//! nothing for a kind is an error, not silently ignored.

use std::io::Write;

use rusqlite::types::Value as SqlValue;
use serde_json::Value;

use crate::{Result, Store, StoreError};

/// What a query lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Event records, one per mention in an article.
    Events,
    /// Stories: events grouped across articles, with their article and mention counts.
    Stories,
    /// Actors, grouped by name and code over the corpus, most reported first.
    Actors,
    /// Quotes with their speakers.
    Quotes,
    /// Articles.
    Articles,
    /// Alignments: who supports or opposes whom, with the article and the evidence.
    Alignments,
}

/// Filters; `None` or empty means no filter.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    /// Part of an actor's name (case-insensitive) or its exact CAMEO code.
    pub actor: Option<String>,
    /// ISO 3166 alpha-3 country of an actor or place.
    pub country: Option<String>,
    /// CAMEO event code, or its prefix (`19` is every code under 19).
    pub code: Option<String>,
    /// CAMEO root code (`01` to `20`).
    pub root: Option<String>,
    /// PLOVER event type (`ASSAULT`, `PROTEST`...).
    pub plover: Option<String>,
    /// First date, YYYY-MM-DD.
    pub from: Option<String>,
    /// Last date, YYYY-MM-DD.
    pub to: Option<String>,
    /// Part of a place name.
    pub place: Option<String>,
    /// A full-text search of the articles (SQLite FTS5 syntax: words, "phrases", OR, NOT).
    pub text: Option<String>,
    /// Leave out near-duplicate copies of earlier articles.
    pub unique: bool,
    /// `actor` is a whole name (case-insensitive), not a part of one.
    pub exact_actor: bool,
    /// Most rows returned.
    pub limit: usize,
    /// Rows skipped before the first returned (paging).
    pub offset: usize,
}

impl Filter {
    /// The LIKE pattern of the actor filter: the name anywhere, or the whole name.
    fn actor_pattern(&self, actor: &str) -> String {
        if self.exact_actor {
            escape_like(actor.trim())
        } else {
            like(actor)
        }
    }
}

/// Query results: named columns and rows of JSON values.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// Column names.
    pub columns: Vec<String>,
    /// Rows, each as long as `columns`.
    pub rows: Vec<Vec<Value>>,
}

struct Sql {
    conditions: Vec<String>,
    params: Vec<SqlValue>,
}

impl Sql {
    fn new() -> Sql {
        Sql {
            conditions: Vec::new(),
            params: Vec::new(),
        }
    }

    /// Adds a condition; `?` marks in it take the given values in order.
    fn add(&mut self, condition: &str, values: &[&str]) {
        let mut sql = String::with_capacity(condition.len() + 8);
        let mut values = values.iter();
        for part in condition.split_inclusive('?') {
            if let Some(head) = part.strip_suffix('?') {
                sql.push_str(head);
                let v = values.next().expect("a value for every ?");
                self.params.push(SqlValue::Text((*v).to_string()));
                sql.push_str(&format!("?{}", self.params.len()));
            } else {
                sql.push_str(part);
            }
        }
        self.conditions.push(format!("({sql})"));
    }

    fn where_clause(&self) -> String {
        if self.conditions.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", self.conditions.join(" AND "))
        }
    }
}

fn escape_like(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

fn like(s: &str) -> String {
    format!("%{}%", escape_like(s))
}

fn code_prefix(s: &str) -> Result<String> {
    let s = s.trim();
    if !(2..=4).contains(&s.len()) || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(StoreError::Filter(format!(
            "--code {s:?}: a CAMEO code is 2 to 4 digits, e.g. 19 or 190 or 1823"
        )));
    }
    Ok(format!("{s}%"))
}

fn root_code(s: &str) -> Result<String> {
    let s = s.trim();
    match s.parse::<u32>() {
        Ok(n @ 1..=20) if s.len() <= 2 => Ok(format!("{n:02}")),
        _ => Err(StoreError::Filter(format!(
            "--root {s:?}: a CAMEO root code is 01 to 20"
        ))),
    }
}

fn date(flag: &str, s: &str) -> Result<String> {
    chrono::NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map(|d| d.to_string())
        .map_err(|_| StoreError::Filter(format!("{flag} {s:?}: use YYYY-MM-DD, e.g. 2024-03-01")))
}

fn reject(kind: &str, flag: &str) -> StoreError {
    StoreError::Filter(format!("{flag} does not apply to {kind}"))
}

/// Refuses the event filters for a kind that has no events of its own.
fn no_event_filters(f: &Filter, kind: &str) -> Result<()> {
    let set = [
        (f.code.is_some(), "--code"),
        (f.root.is_some(), "--root"),
        (f.plover.is_some(), "--plover"),
        (f.place.is_some(), "--place"),
    ];
    match set.iter().find_map(|(on, flag)| on.then_some(*flag)) {
        Some(flag) => Err(reject(kind, flag)),
        None => Ok(()),
    }
}

/// The event filters (code, root, plover, place) as conditions on an event alias `e`, each
/// with its values for the `?` marks.
fn event_parts(f: &Filter) -> Result<Vec<(&'static str, String)>> {
    let mut parts = Vec::new();
    if let Some(code) = &f.code {
        parts.push(("e.cameo LIKE ?", code_prefix(code)?));
    }
    if let Some(root) = &f.root {
        parts.push(("e.root = ?", root_code(root)?));
    }
    if let Some(plover) = &f.plover {
        parts.push(("e.plover = ? COLLATE NOCASE", plover.trim().to_string()));
    }
    if let Some(place) = &f.place {
        parts.push(("e.place LIKE ? ESCAPE '\\'", like(place)));
    }
    Ok(parts)
}

/// Adds the event filters as conditions on an event alias `e` of the query itself.
fn event_conditions(f: &Filter, sql: &mut Sql) -> Result<()> {
    for (cond, value) in event_parts(f)? {
        sql.add(cond, &[&value]);
    }
    Ok(())
}

/// Adds the event filters as one condition: some event `e` of the article `article` that
/// passes them all and, when given, `extra` too.
fn event_exists(f: &Filter, article: &str, extra: &str, sql: &mut Sql) -> Result<()> {
    let parts = event_parts(f)?;
    if parts.is_empty() {
        return Ok(());
    }
    let mut cond = format!("EXISTS (SELECT 1 FROM events e WHERE e.article = {article}");
    if !extra.is_empty() {
        cond.push_str(" AND ");
        cond.push_str(extra);
    }
    for (c, _) in &parts {
        cond.push_str(" AND ");
        cond.push_str(c);
    }
    cond.push(')');
    let values: Vec<&str> = parts.iter().map(|(_, v)| v.as_str()).collect();
    sql.add(&cond, &values);
    Ok(())
}

fn text_condition(f: &Filter, column: &str, sql: &mut Sql) {
    if let Some(text) = &f.text {
        sql.add(
            &format!("{column} IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)"),
            &[text],
        );
    }
}

fn unique_condition(f: &Filter, article: &str, sql: &mut Sql) {
    if f.unique {
        sql.add(
            &format!("(SELECT dup_of FROM articles WHERE id = {article}) IS NULL"),
            &[],
        );
    }
}

fn date_conditions(f: &Filter, column: &str, sql: &mut Sql) -> Result<()> {
    if let Some(from) = &f.from {
        sql.add(&format!("{column} >= ?"), &[&date("--from", from)?]);
    }
    if let Some(to) = &f.to {
        sql.add(&format!("{column} <= ?"), &[&date("--to", to)?]);
    }
    Ok(())
}

/// Runs a query.
pub fn run(store: &Store, kind: Kind, f: &Filter) -> Result<Table> {
    let mut sql = Sql::new();
    // SQLite's integers are 64-bit: larger values would not be integers to it
    let limit = f.limit.clamp(1, i64::MAX as usize);
    let offset = f.offset.min(i64::MAX as usize);
    let text = match kind {
        Kind::Events => {
            if let Some(actor) = &f.actor {
                let l = f.actor_pattern(actor);
                sql.add(
                    "e.source_name LIKE ? ESCAPE '\\' OR e.target_name LIKE ? ESCAPE '\\' \
                     OR e.source_cameo = ? OR e.target_cameo = ?",
                    &[&l, &l, actor.trim(), actor.trim()],
                );
            }
            if let Some(c) = &f.country {
                let c = c.trim().to_ascii_uppercase();
                sql.add(
                    "e.source_country = ? OR e.target_country = ? OR e.place_country = ?",
                    &[&c, &c, &c],
                );
            }
            event_conditions(f, &mut sql)?;
            date_conditions(f, "e.date", &mut sql)?;
            text_condition(f, "e.article", &mut sql);
            unique_condition(f, "e.article", &mut sql);
            format!(
                "SELECT e.date, e.cameo AS code, e.plover, e.quad, e.goldstein, \
                   e.source_name AS source, e.source_cameo, e.target_name AS target, \
                   e.target_cameo, e.place, e.place_country, e.lat, e.lon, e.trigger, \
                   e.trigger_start, e.trigger_end, e.negated, e.modality, e.fatalities, \
                   e.injured, a.ext_id AS article, e.sentence_text AS sentence, e.story \
                 FROM events e JOIN articles a ON a.id = e.article {} \
                 ORDER BY e.date, e.id LIMIT {limit} OFFSET {offset}",
                sql.where_clause()
            )
        }
        Kind::Stories => {
            if f.unique {
                return Err(reject("stories", "--unique"));
            }
            if let Some(actor) = &f.actor {
                let l = f.actor_pattern(actor);
                sql.add(
                    "EXISTS (SELECT 1 FROM events x WHERE x.story = s.id AND \
                     (x.source_name LIKE ? ESCAPE '\\' OR x.target_name LIKE ? ESCAPE '\\' \
                      OR x.source_cameo = ? OR x.target_cameo = ?))",
                    &[&l, &l, actor.trim(), actor.trim()],
                );
            }
            if let Some(c) = &f.country {
                let c = c.trim().to_ascii_uppercase();
                sql.add(
                    "EXISTS (SELECT 1 FROM events x WHERE x.story = s.id AND \
                     (x.source_country = ? OR x.target_country = ? OR x.place_country = ?))",
                    &[&c, &c, &c],
                );
            }
            // any event of the story, not only its first, may match the event filters
            let parts = event_parts(f)?;
            if !parts.is_empty() {
                let mut cond =
                    String::from("EXISTS (SELECT 1 FROM events e2 WHERE e2.story = s.id");
                for (c, _) in &parts {
                    cond.push_str(" AND ");
                    cond.push_str(&c.replace("e.", "e2."));
                }
                cond.push(')');
                let values: Vec<&str> = parts.iter().map(|(_, v)| v.as_str()).collect();
                sql.add(&cond, &values);
            }
            date_conditions(f, "s.date", &mut sql)?;
            if let Some(text) = &f.text {
                sql.add(
                    "EXISTS (SELECT 1 FROM events x WHERE x.story = s.id AND x.article IN \
                     (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?))",
                    &[text],
                );
            }
            format!(
                "SELECT s.id AS story, s.date, e.cameo AS code, e.plover, \
                   e.source_name AS source, e.target_name AS target, s.place, \
                   s.num_articles, s.num_copies, s.num_mentions, s.num_sources, \
                   e.sentence_text AS sentence \
                 FROM stories s JOIN events e ON e.id = s.first_event {} \
                 ORDER BY s.num_articles DESC, s.num_mentions DESC, s.id LIMIT {limit} OFFSET {offset}",
                sql.where_clause()
            )
        }
        Kind::Actors => {
            if let Some(actor) = &f.actor {
                sql.add(
                    "x.name LIKE ? ESCAPE '\\' OR x.cameo = ?",
                    &[&f.actor_pattern(actor), actor.trim()],
                );
            }
            if let Some(c) = &f.country {
                sql.add("x.country = ?", &[&c.trim().to_ascii_uppercase()]);
            }
            event_exists(
                f,
                "x.article",
                "(e.source = x.idx OR e.target = x.idx)",
                &mut sql,
            )?;
            date_conditions(
                f,
                "(SELECT published FROM articles WHERE id = x.article)",
                &mut sql,
            )?;
            text_condition(f, "x.article", &mut sql);
            unique_condition(f, "x.article", &mut sql);
            format!(
                "SELECT x.name, x.kind, x.cameo, x.country, COUNT(DISTINCT x.article) AS articles, \
                   SUM(x.mentions) AS mentions \
                 FROM actors x {} \
                 GROUP BY x.name COLLATE NOCASE, x.cameo \
                 ORDER BY articles DESC, mentions DESC, x.name LIMIT {limit} OFFSET {offset}",
                sql.where_clause()
            )
        }
        Kind::Quotes => {
            no_event_filters(f, "quotes")?;
            if let Some(actor) = &f.actor {
                sql.add(
                    "q.speaker_name LIKE ? ESCAPE '\\' OR q.speaker_text LIKE ? ESCAPE '\\'",
                    &[&f.actor_pattern(actor), &f.actor_pattern(actor)],
                );
            }
            if let Some(c) = &f.country {
                sql.add(
                    "(SELECT country FROM actors x WHERE x.article = q.article AND \
                     x.idx = q.speaker) = ?",
                    &[&c.trim().to_ascii_uppercase()],
                );
            }
            date_conditions(f, "a.published", &mut sql)?;
            text_condition(f, "q.article", &mut sql);
            unique_condition(f, "q.article", &mut sql);
            format!(
                "SELECT a.published AS date, COALESCE(q.speaker_name, q.speaker_text) AS speaker, \
                   q.kind, q.cue, q.text, a.ext_id AS article \
                 FROM quotes q JOIN articles a ON a.id = q.article {} \
                 ORDER BY a.published, q.article, q.idx LIMIT {limit} OFFSET {offset}",
                sql.where_clause()
            )
        }
        Kind::Alignments => {
            no_event_filters(f, "alignments")?;
            if let Some(actor) = &f.actor {
                let p = f.actor_pattern(actor);
                sql.add(
                    "l.actor_name LIKE ? ESCAPE '\\' OR l.toward_name LIKE ? ESCAPE '\\'",
                    &[&p, &p],
                );
            }
            if let Some(c) = &f.country {
                sql.add(
                    "EXISTS (SELECT 1 FROM actors x WHERE x.article = l.article AND \
                     x.idx IN (l.actor, l.toward) AND x.country = ?)",
                    &[&c.trim().to_ascii_uppercase()],
                );
            }
            date_conditions(f, "a.published", &mut sql)?;
            text_condition(f, "l.article", &mut sql);
            unique_condition(f, "l.article", &mut sql);
            format!(
                "SELECT a.published AS date, l.actor_name AS actor, \
                   (SELECT cameo FROM actors x WHERE x.article = l.article AND x.idx = l.actor) \
                     AS actor_cameo, \
                   l.stance, l.toward_name AS toward, \
                   (SELECT cameo FROM actors x WHERE x.article = l.article AND x.idx = l.toward) \
                     AS toward_cameo, \
                   l.evidence, a.ext_id AS article \
                 FROM alignments l JOIN articles a ON a.id = l.article {} \
                 ORDER BY a.published, l.article, l.idx LIMIT {limit} OFFSET {offset}",
                sql.where_clause()
            )
        }
        Kind::Articles => {
            if let Some(actor) = &f.actor {
                sql.add(
                    "EXISTS (SELECT 1 FROM actors x WHERE x.article = a.id AND \
                     (x.name LIKE ? ESCAPE '\\' OR x.cameo = ?))",
                    &[&f.actor_pattern(actor), actor.trim()],
                );
            }
            if let Some(c) = &f.country {
                sql.add(
                    "EXISTS (SELECT 1 FROM actors x WHERE x.article = a.id AND x.country = ?)",
                    &[&c.trim().to_ascii_uppercase()],
                );
            }
            event_exists(f, "a.id", "", &mut sql)?;
            date_conditions(f, "a.published", &mut sql)?;
            text_condition(f, "a.id", &mut sql);
            unique_condition(f, "a.id", &mut sql);
            format!(
                "SELECT a.ext_id AS article, a.published, a.outlet, a.title, a.killed, \
                   a.injured, (SELECT COUNT(*) FROM events e WHERE e.article = a.id) AS events, \
                   (SELECT ext_id FROM articles d WHERE d.id = a.dup_of) AS duplicate_of, \
                   a.summary \
                 FROM articles a {} ORDER BY a.published, a.id LIMIT {limit} OFFSET {offset}",
                sql.where_clause()
            )
        }
    };
    table(store, &text, &sql.params).map_err(|e| match (&f.text, e) {
        // a search the full-text engine cannot parse is the user's to fix: say which
        // (only SQLite's generic error: a locked or failing database is no fault of the search)
        (Some(search), StoreError::Sql(rusqlite::Error::SqliteFailure(e, Some(msg))))
            if e.code == rusqlite::ErrorCode::Unknown =>
        {
            StoreError::Filter(format!(
                "--text {search:?}: {msg} (full-text syntax: words, \"a phrase\", OR, NOT, prefix*)"
            ))
        }
        (_, e) => e,
    })
}

fn table(store: &Store, sql: &str, params: &[SqlValue]) -> Result<Table> {
    let conn = store.connection();
    let mut stmt = conn.prepare_cached(sql)?;
    let columns: Vec<String> = stmt.column_names().map(|c| c.to_string()).collect();
    let n = columns.len();
    // columns stored as JSON text (`evidence`) are given as JSON, not as a string of it
    let json_column: Vec<bool> = columns.iter().map(|c| c == "evidence").collect();
    let mut rows = Vec::new();
    let mut cursor = stmt.query(rusqlite::params_from_iter(params.iter()))?;
    while let Some(row) = cursor.next()? {
        let mut values = Vec::with_capacity(n);
        for (i, &is_json) in json_column.iter().enumerate() {
            values.push(match row.get::<_, SqlValue>(i)? {
                SqlValue::Null => Value::Null,
                SqlValue::Integer(v) => Value::from(v),
                SqlValue::Real(v) => Value::from(v),
                SqlValue::Text(s) if is_json => {
                    serde_json::from_str(&s).unwrap_or(Value::String(s))
                }
                SqlValue::Text(s) => Value::from(s),
                SqlValue::Blob(b) => Value::from(b.len()),
            });
        }
        rows.push(values);
    }
    Ok(Table { columns, rows })
}

fn cell(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => match n.as_f64() {
            Some(f) if !n.is_i64() && !n.is_u64() => format!("{f:.1}"),
            _ => n.to_string(),
        },
        other => other.to_string(),
    }
}

impl Table {
    /// Writes an aligned text table, cells cut to `width` characters.
    pub fn write_text(&self, out: &mut impl Write, width: usize) -> std::io::Result<()> {
        let cut = |s: String| -> String {
            let s = s.replace(['\n', '\t'], " ");
            if s.chars().count() > width {
                let mut t: String = s.chars().take(width.saturating_sub(1)).collect();
                t.push('…');
                t
            } else {
                s
            }
        };
        let cells: Vec<Vec<String>> = self
            .rows
            .iter()
            .map(|r| r.iter().map(|v| cut(cell(v))).collect())
            .collect();
        let mut widths: Vec<usize> = self.columns.iter().map(|c| c.chars().count()).collect();
        for row in &cells {
            for (w, c) in widths.iter_mut().zip(row) {
                *w = (*w).max(c.chars().count());
            }
        }
        let line = |out: &mut dyn Write, row: &[String]| -> std::io::Result<()> {
            let mut s = String::new();
            for (i, (c, w)) in row.iter().zip(&widths).enumerate() {
                if i > 0 {
                    s.push_str("  ");
                }
                s.push_str(c);
                if i + 1 < row.len() {
                    s.extend(std::iter::repeat_n(' ', w - c.chars().count()));
                }
            }
            writeln!(out, "{}", s.trim_end())
        };
        line(out, &self.columns)?;
        let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
        line(out, &rule)?;
        for row in &cells {
            line(out, row)?;
        }
        writeln!(
            out,
            "({} row{})",
            self.rows.len(),
            if self.rows.len() == 1 { "" } else { "s" }
        )
    }

    /// Writes CSV with a header row.
    pub fn write_csv(&self, out: &mut impl Write) -> Result<()> {
        let mut w = csv::Writer::from_writer(out);
        w.write_record(&self.columns)
            .map_err(|e| StoreError::Export(e.to_string()))?;
        for row in &self.rows {
            w.write_record(row.iter().map(cell))
                .map_err(|e| StoreError::Export(e.to_string()))?;
        }
        w.flush()?;
        Ok(())
    }

    /// The table with only the named columns (those it has), in the order given.
    pub fn select(&self, names: &[&str]) -> Table {
        let keep: Vec<usize> = names
            .iter()
            .filter_map(|n| self.columns.iter().position(|c| c == n))
            .collect();
        Table {
            columns: keep.iter().map(|&i| self.columns[i].clone()).collect(),
            rows: self
                .rows
                .iter()
                .map(|r| keep.iter().map(|&i| r[i].clone()).collect())
                .collect(),
        }
    }

    /// The rows as JSON objects keyed by column.
    pub fn objects(&self) -> impl Iterator<Item = serde_json::Map<String, Value>> + '_ {
        self.rows.iter().map(|row| {
            self.columns
                .iter()
                .cloned()
                .zip(row.iter().cloned())
                .collect()
        })
    }
}
