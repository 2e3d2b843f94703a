//! Exports of the corpus: the records as JSON Lines, the events as CSV or Parquet, and the
//! stories as GDELT 2.0 event rows or PLOVER event records.
//!
//! - `jsonl`: one article record (schema `newsgraph.article/1`) per line, in storage order;
//! - `csv`: one row per event record, with its article's id and URL;
//! - `parquet`: the same event rows, typed (needs the `parquet` feature);
//! - `gdelt`: one tab-separated row per story in the 61 columns of GDELT 2.0's Event table
//!   (`data/export/gdelt_events_2.0.tsv`), NumArticles counting near-duplicates once; a date
//!   known only to its month or year is written as the period's first day. Columns
//!   we have no value for (AvgTone, ethnic and religion codes, ADM codes, feature ids) are
//!   empty, never invented;
//! - `plover`: one JSON object per story whose code has a PLOVER type, with the fields of the
//!   PLOVER manual (`data/export/plover_fields.tsv`): `id`, `date`, `source`, `recipient`,
//!   `event`, `mode`, `context`, `event_loc`, `event_text`, `quad_code`, `text_info`,
//!   `cite_info`, `coder`, `coded_date`, plus newsgraph's `num_articles` and `num_mentions`.

use std::collections::HashMap;
use std::io::Write;
use std::sync::OnceLock;

use rusqlite::{params_from_iter, Row};
use serde_json::{json, Value};

use crate::{Result, Store, StoreError};

/// An export format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Article records, one per line.
    Jsonl,
    /// Event records as CSV.
    Csv,
    /// Event records as Parquet.
    Parquet,
    /// Stories as GDELT 2.0 Event table rows.
    Gdelt,
    /// Stories as PLOVER event records (JSON Lines).
    Plover,
}

/// The GDELT 2.0 Event table's columns, in order, from `data/export/gdelt_events_2.0.tsv`.
pub fn gdelt_columns() -> &'static [String] {
    static COLUMNS: OnceLock<Vec<String>> = OnceLock::new();
    COLUMNS.get_or_init(|| {
        include_str!("../../../data/export/gdelt_events_2.0.tsv")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| l.split('\t').nth(1).map(str::to_string))
            .collect()
    })
}

/// CAMEO code → (PLOVER mode, PLOVER context), from `data/export/cameo_plover.tsv`.
fn plover_modes() -> &'static HashMap<&'static str, (&'static str, &'static str)> {
    static MODES: OnceLock<HashMap<&'static str, (&'static str, &'static str)>> = OnceLock::new();
    MODES.get_or_init(|| {
        include_str!("../../../data/export/cameo_plover.tsv")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let mut f = l.split('\t');
                let code = f.next()?;
                let _event = f.next()?;
                Some((code, (f.next()?, f.next()?)))
            })
            .collect()
    })
}

/// ISO 3166 alpha-3 → (FIPS 10-4 code, English short name), from
/// `data/export/fips_countries.tsv`.
fn countries() -> &'static HashMap<&'static str, (&'static str, &'static str)> {
    static COUNTRIES: OnceLock<HashMap<&'static str, (&'static str, &'static str)>> =
        OnceLock::new();
    COUNTRIES.get_or_init(|| {
        include_str!("../../../data/export/fips_countries.tsv")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let mut f = l.split('\t');
                Some((f.next()?, (f.next()?, f.next()?)))
            })
            .collect()
    })
}

/// Writes the whole corpus in a format. Returns the number of rows or records written.
pub fn export(store: &Store, format: Format, out: Box<dyn Write + Send>) -> Result<u64> {
    match format {
        Format::Jsonl => jsonl(store, out),
        Format::Csv => csv_events(store, out),
        Format::Gdelt => gdelt(store, out),
        Format::Plover => plover(store, out),
        Format::Parquet => parquet_events(store, out),
    }
}

fn jsonl(store: &Store, mut out: Box<dyn Write + Send>) -> Result<u64> {
    let mut stmt = store
        .connection()
        .prepare("SELECT id, text, record FROM articles ORDER BY id")?;
    let mut rows = stmt.query([])?;
    let mut n = 0;
    while let Some(row) = rows.next()? {
        let id: i64 = row.get(0)?;
        let text: String = row.get(1)?;
        let stored: Vec<u8> = row.get(2)?;
        let json = crate::write::decompress(&stored)
            .map_err(|e| StoreError::Export(format!("stored record of article {id}: {e}")))?;
        let mut record: newsgraph_doc::Record =
            serde_json::from_slice(&json).map_err(|source| StoreError::Record {
                article: id,
                source,
            })?;
        record.text = text;
        serde_json::to_writer(&mut out, &record).map_err(|source| StoreError::Record {
            article: id,
            source,
        })?;
        out.write_all(b"\n")?;
        n += 1;
    }
    out.flush()?;
    Ok(n)
}

/// The event columns of the CSV and Parquet exports.
pub const EVENT_COLUMNS: &[(&str, ColumnType)] = &[
    ("event_id", ColumnType::Int),
    ("article", ColumnType::Text),
    ("url", ColumnType::Text),
    ("published", ColumnType::Text),
    ("date", ColumnType::Text),
    ("date_text", ColumnType::Text),
    ("cameo", ColumnType::Text),
    ("root", ColumnType::Text),
    ("plover", ColumnType::Text),
    ("quad", ColumnType::Int),
    ("goldstein", ColumnType::Float),
    ("source_name", ColumnType::Text),
    ("source_cameo", ColumnType::Text),
    ("source_country", ColumnType::Text),
    ("target_name", ColumnType::Text),
    ("target_cameo", ColumnType::Text),
    ("target_country", ColumnType::Text),
    ("trigger", ColumnType::Text),
    ("place", ColumnType::Text),
    ("place_country", ColumnType::Text),
    ("lat", ColumnType::Float),
    ("lon", ColumnType::Float),
    ("negated", ColumnType::Bool),
    ("modality", ColumnType::Text),
    ("fatalities", ColumnType::Int),
    ("injured", ColumnType::Int),
    ("confidence", ColumnType::Float),
    ("story", ColumnType::Int),
    ("duplicate_of", ColumnType::Text),
    ("sentence", ColumnType::Text),
];

/// The type of an exported column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnType {
    /// UTF-8 text.
    Text,
    /// 64-bit integer.
    Int,
    /// 64-bit float.
    Float,
    /// Boolean.
    Bool,
}

const EVENTS_SQL: &str =
    "SELECT e.id, a.ext_id, a.url, a.published, e.date, e.date_text, e.cameo, \
    e.root, e.plover, e.quad, e.goldstein, e.source_name, e.source_cameo, e.source_country, \
    e.target_name, e.target_cameo, e.target_country, e.trigger, e.place, e.place_country, e.lat, \
    e.lon, e.negated, e.modality, e.fatalities, e.injured, e.confidence, e.story, \
    (SELECT d.ext_id FROM articles d WHERE d.id = a.dup_of), e.sentence_text \
    FROM events e JOIN articles a ON a.id = e.article ORDER BY e.id";

fn csv_events(store: &Store, out: Box<dyn Write + Send>) -> Result<u64> {
    let mut w = csv::Writer::from_writer(out);
    let csv_err = |e: csv::Error| StoreError::Export(e.to_string());
    w.write_record(EVENT_COLUMNS.iter().map(|(name, _)| *name))
        .map_err(csv_err)?;
    let mut stmt = store.connection().prepare(EVENTS_SQL)?;
    let mut rows = stmt.query([])?;
    let mut n = 0;
    let mut fields: Vec<String> = Vec::with_capacity(EVENT_COLUMNS.len());
    while let Some(row) = rows.next()? {
        fields.clear();
        for (i, (_, ty)) in EVENT_COLUMNS.iter().enumerate() {
            fields.push(match ty {
                ColumnType::Text => row.get::<_, Option<String>>(i)?.unwrap_or_default(),
                ColumnType::Int => row
                    .get::<_, Option<i64>>(i)?
                    .map(|v| v.to_string())
                    .unwrap_or_default(),
                ColumnType::Float => row
                    .get::<_, Option<f64>>(i)?
                    .map(|v| v.to_string())
                    .unwrap_or_default(),
                ColumnType::Bool => row.get::<_, bool>(i)?.to_string(),
            });
        }
        w.write_record(&fields).map_err(csv_err)?;
        n += 1;
    }
    w.flush()?;
    Ok(n)
}

/// One story with its first event and article, as the GDELT and PLOVER exports read it.
struct StoryRow {
    id: i64,
    date: Option<String>,
    cameo: String,
    plover: Option<String>,
    quad: i64,
    goldstein: f64,
    source: Actor,
    target: Actor,
    place: Option<String>,
    place_country: Option<String>,
    lat: Option<f64>,
    lon: Option<f64>,
    lead: bool,
    modality: String,
    num_articles: i64,
    num_mentions: i64,
    num_sources: i64,
    sentence: i64,
    sentence_text: String,
    trigger_start: i64,
    trigger_end: i64,
    url: Option<String>,
    ext_id: String,
    title: Option<String>,
    outlet: Option<String>,
    language: Option<String>,
    added: String,
}

struct Actor {
    name: Option<String>,
    cameo: Option<String>,
    country: Option<String>,
}

impl Actor {
    /// The agent (role) codes after a country or organisation code: `VENGOV` → `GOV`.
    fn roles(&self) -> Vec<String> {
        let Some(code) = self.cameo.as_deref() else {
            return Vec::new();
        };
        let rest = match &self.country {
            Some(c) if code.starts_with(c.as_str()) => &code[c.len()..],
            _ if code.len() > 3 => &code[3..],
            _ => "",
        };
        rest.as_bytes()
            .chunks(3)
            .filter_map(|c| std::str::from_utf8(c).ok())
            .filter(|c| c.len() == 3)
            .map(str::to_string)
            .collect()
    }

    /// The organisation code of an IGO/NGO actor (`IGOUNO` → `UNO`), GDELT's known group.
    fn known_group(&self) -> Option<String> {
        let code = self.cameo.as_deref()?;
        ["IGO", "NGO", "IMG", "MNC"]
            .iter()
            .find(|p| code.starts_with(*p))
            .map(|p| code[p.len()..].chars().take(3).collect())
            .filter(|g: &String| g.len() == 3)
    }
}

const STORIES_SQL: &str = "SELECT s.id, s.date, e.cameo, e.plover, e.quad, e.goldstein, \
    e.source_name, e.source_cameo, e.source_country, e.target_name, e.target_cameo, \
    e.target_country, e.place, e.place_country, e.lat, e.lon, e.lead, e.modality, \
    s.num_articles, s.num_mentions, s.num_sources, e.sentence, e.sentence_text, \
    e.trigger_start, e.trigger_end, a.url, a.ext_id, a.title, a.outlet, a.language, a.added \
    FROM stories s JOIN events e ON e.id = s.first_event JOIN articles a ON a.id = e.article \
    ORDER BY s.id";

fn story(row: &Row<'_>) -> rusqlite::Result<StoryRow> {
    Ok(StoryRow {
        id: row.get(0)?,
        date: row.get(1)?,
        cameo: row.get(2)?,
        plover: row.get(3)?,
        quad: row.get(4)?,
        goldstein: row.get(5)?,
        source: Actor {
            name: row.get(6)?,
            cameo: row.get(7)?,
            country: row.get(8)?,
        },
        target: Actor {
            name: row.get(9)?,
            cameo: row.get(10)?,
            country: row.get(11)?,
        },
        place: row.get(12)?,
        place_country: row.get(13)?,
        lat: row.get(14)?,
        lon: row.get(15)?,
        lead: row.get(16)?,
        modality: row.get(17)?,
        num_articles: row.get(18)?,
        num_mentions: row.get(19)?,
        num_sources: row.get(20)?,
        sentence: row.get(21)?,
        sentence_text: row.get(22)?,
        trigger_start: row.get(23)?,
        trigger_end: row.get(24)?,
        url: row.get(25)?,
        ext_id: row.get(26)?,
        title: row.get(27)?,
        outlet: row.get(28)?,
        language: row.get(29)?,
        added: row.get(30)?,
    })
}

fn stories(store: &Store, mut each: impl FnMut(StoryRow) -> Result<()>) -> Result<u64> {
    let mut stmt = store.connection().prepare(STORIES_SQL)?;
    let mut rows = stmt.query(params_from_iter(std::iter::empty::<i64>()))?;
    let mut n = 0;
    while let Some(row) = rows.next()? {
        each(story(row)?)?;
        n += 1;
    }
    Ok(n)
}

/// GDELT's event code: three or four digits, a bare root written with a trailing 0 (CAMEO's
/// "not specified below").
fn gdelt_code(cameo: &str) -> String {
    if cameo.len() == 2 {
        format!("{cameo}0")
    } else {
        cameo.to_string()
    }
}

/// A date as the record gives it (`2024-03-01`, or only `2024-03` or `2024` when the text says
/// no more), as its first day: GDELT's date columns need a day.
fn first_day(date: &str) -> Option<chrono::NaiveDate> {
    let mut parts = date.splitn(3, '-').map(|p| p.parse::<u32>().ok());
    let year = i32::try_from(parts.next()??).ok()?;
    let month = parts.next().map_or(Some(1), |m| m)?;
    let day = parts.next().map_or(Some(1), |d| d)?;
    chrono::NaiveDate::from_ymd_opt(year, month, day)
}

/// One story as the 61 fields of a GDELT 2.0 Event row.
fn gdelt_row(s: &StoryRow) -> Vec<String> {
    let mut f: Vec<String> = Vec::with_capacity(61);
    let date = s.date.as_deref().and_then(first_day);
    f.push(s.id.to_string());
    match date {
        Some(d) => {
            use chrono::Datelike;
            f.push(d.format("%Y%m%d").to_string());
            f.push(d.format("%Y%m").to_string());
            f.push(d.year().to_string());
            let fraction = f64::from(d.year()) + f64::from(d.ordinal()) / 365.0;
            f.push(format!("{fraction:.4}"));
        }
        None => f.extend(std::iter::repeat_n(String::new(), 4)),
    }
    for actor in [&s.source, &s.target] {
        let roles = actor.roles();
        f.push(actor.cameo.clone().unwrap_or_default());
        f.push(actor.name.as_deref().unwrap_or("").to_uppercase());
        f.push(actor.country.clone().unwrap_or_default());
        f.push(actor.known_group().unwrap_or_default());
        f.push(String::new()); // EthnicCode
        f.push(String::new()); // Religion1Code
        f.push(String::new()); // Religion2Code
        for k in 0..3 {
            f.push(roles.get(k).cloned().unwrap_or_default());
        }
    }
    f.push(u8::from(s.lead).to_string());
    let code = gdelt_code(&s.cameo);
    f.push(code.clone());
    f.push(code.chars().take(3).collect());
    f.push(code.chars().take(2).collect());
    f.push(s.quad.to_string());
    f.push(format!("{:.1}", s.goldstein));
    f.push(s.num_mentions.to_string());
    f.push(s.num_sources.to_string());
    f.push(s.num_articles.to_string());
    f.push(String::new()); // AvgTone: not measured
                           // Actor1Geo, Actor2Geo: where the actors are from is not geocoded
    for _ in 0..2 {
        f.extend(std::iter::repeat_n(String::new(), 8));
    }
    // ActionGeo
    match &s.place {
        Some(name) => {
            let country = s.place_country.as_deref();
            // GDELT's geography types: 1 a country, 3 a US town, 4 a town elsewhere; a place
            // that is neither a country nor geocoded (a region, a road) gets none
            let geo_type = match (s.lat, country) {
                (Some(_), Some("USA")) => "3",
                (Some(_), _) => "4",
                (None, Some(c)) if countries().get(c).is_some_and(|(_, n)| n == name) => "1",
                (None, _) => "",
            };
            f.push(geo_type.to_string());
            f.push(name.clone());
            f.push(
                country
                    .and_then(|c| countries().get(c).map(|(fips, _)| *fips))
                    .unwrap_or("")
                    .to_string(),
            );
            f.push(String::new()); // ADM1Code
            f.push(String::new()); // ADM2Code
            f.push(s.lat.map(|v| format!("{v:.4}")).unwrap_or_default());
            f.push(s.lon.map(|v| format!("{v:.4}")).unwrap_or_default());
            f.push(String::new()); // FeatureID
        }
        None => f.extend(std::iter::repeat_n(String::new(), 8)),
    }
    f.push(s.added.clone());
    f.push(s.url.clone().unwrap_or_else(|| s.ext_id.clone()));
    f
}

fn gdelt(store: &Store, mut out: Box<dyn Write + Send>) -> Result<u64> {
    let n = stories(store, |s| {
        let row = gdelt_row(&s);
        debug_assert_eq!(row.len(), gdelt_columns().len());
        // GDELT's files are tab-separated with no quoting: tabs and newlines become spaces
        let line: Vec<String> = row
            .into_iter()
            .map(|v| v.replace(['\t', '\n', '\r'], " "))
            .collect();
        out.write_all(line.join("\t").as_bytes())?;
        out.write_all(b"\n")?;
        Ok(())
    })?;
    out.flush()?;
    Ok(n)
}

fn plover_actor(a: &Actor) -> Option<Value> {
    let name = a.name.as_deref()?;
    let code = a
        .country
        .clone()
        .or_else(|| a.cameo.as_deref().map(|c| c.chars().take(3).collect()));
    let roles = a.roles();
    Some(json!({
        "code": code,
        "sector": roles.first(),
        "actor_text": name,
        "cameo": a.cameo,
    }))
}

fn plover_record(s: &StoryRow) -> Option<Value> {
    let event = s.plover.as_deref()?;
    let (mode, context) = plover_modes()
        .get(s.cameo.as_str())
        .copied()
        .unwrap_or(("-", "-"));
    let mut contexts: Vec<&str> = Vec::new();
    if context != "-" {
        contexts.push(context);
    }
    match s.modality.as_str() {
        "hypothetical" => contexts.push("hypothetical"),
        "future" => contexts.push("future"),
        _ => {}
    }
    let mut record = json!({
        "id": format!("newsgraph-{}", s.id),
        "date": s.date,
        "source": plover_actor(&s.source).into_iter().collect::<Vec<_>>(),
        "recipient": plover_actor(&s.target).into_iter().collect::<Vec<_>>(),
        "event": event.split('|').collect::<Vec<_>>(),
        "mode": if mode == "-" { vec![] } else { vec![mode] },
        "context": contexts,
        "event_text": [s.sentence_text],
        "quad_code": s.quad,
        "text_info": {
            "sequence": s.sentence,
            "start": s.trigger_start,
            "end": s.trigger_end,
        },
        "cite_info": {
            "citation": s.ext_id,
            "url": s.url,
            "title": s.title,
            "publication": s.outlet,
            "language": s.language,
        },
        "coder": concat!("newsgraph ", env!("CARGO_PKG_VERSION")),
        "coded_date": format!("{}-{}-{}", &s.added[..4], &s.added[4..6], &s.added[6..8]),
        "cameo": s.cameo,
        "num_articles": s.num_articles,
        "num_mentions": s.num_mentions,
    });
    if let Some(name) = &s.place {
        record["event_loc"] = json!({
            "name": name,
            "cc3": s.place_country,
            "latitude": s.lat,
            "longitude": s.lon,
        });
    }
    Some(record)
}

fn plover(store: &Store, mut out: Box<dyn Write + Send>) -> Result<u64> {
    let mut written = 0;
    stories(store, |s| {
        if let Some(record) = plover_record(&s) {
            serde_json::to_writer(&mut out, &record).map_err(|source| StoreError::Record {
                article: s.id,
                source,
            })?;
            out.write_all(b"\n")?;
            written += 1;
        }
        Ok(())
    })?;
    out.flush()?;
    Ok(written)
}

#[cfg(not(feature = "parquet"))]
fn parquet_events(_store: &Store, _out: Box<dyn Write + Send>) -> Result<u64> {
    Err(StoreError::Export(
        "this build has no Parquet support (build newsgraph with the `parquet` feature)".into(),
    ))
}

#[cfg(feature = "parquet")]
fn parquet_events(store: &Store, out: Box<dyn Write + Send>) -> Result<u64> {
    use std::sync::Arc;

    use arrow_array::builder::{BooleanBuilder, Float64Builder, Int64Builder, StringBuilder};
    use arrow_array::{ArrayRef, RecordBatch};
    use arrow_schema::{DataType, Field, Schema};
    use parquet::arrow::ArrowWriter;
    use parquet::basic::Compression;
    use parquet::file::properties::WriterProperties;

    const ROWS: usize = 8192;
    let err = |e: &dyn std::fmt::Display| StoreError::Export(format!("parquet: {e}"));
    let schema = Arc::new(Schema::new(
        EVENT_COLUMNS
            .iter()
            .map(|(name, ty)| {
                let dt = match ty {
                    ColumnType::Text => DataType::Utf8,
                    ColumnType::Int => DataType::Int64,
                    ColumnType::Float => DataType::Float64,
                    ColumnType::Bool => DataType::Boolean,
                };
                Field::new(*name, dt, !matches!(ty, ColumnType::Bool))
            })
            .collect::<Vec<_>>(),
    ));
    let props = WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        .build();
    let mut writer = ArrowWriter::try_new(out, schema.clone(), Some(props)).map_err(|e| err(&e))?;

    enum Col {
        Text(StringBuilder),
        Int(Int64Builder),
        Float(Float64Builder),
        Bool(BooleanBuilder),
    }
    let new_cols = || -> Vec<Col> {
        EVENT_COLUMNS
            .iter()
            .map(|(_, ty)| match ty {
                ColumnType::Text => Col::Text(StringBuilder::new()),
                ColumnType::Int => Col::Int(Int64Builder::new()),
                ColumnType::Float => Col::Float(Float64Builder::new()),
                ColumnType::Bool => Col::Bool(BooleanBuilder::new()),
            })
            .collect()
    };
    let mut cols = new_cols();
    let mut pending = 0usize;
    let mut total = 0u64;
    let flush = |cols: &mut Vec<Col>, writer: &mut ArrowWriter<Box<dyn Write + Send>>| {
        let arrays: Vec<ArrayRef> = cols
            .iter_mut()
            .map(|c| -> ArrayRef {
                match c {
                    Col::Text(b) => Arc::new(b.finish()),
                    Col::Int(b) => Arc::new(b.finish()),
                    Col::Float(b) => Arc::new(b.finish()),
                    Col::Bool(b) => Arc::new(b.finish()),
                }
            })
            .collect();
        let batch = RecordBatch::try_new(schema.clone(), arrays).map_err(|e| err(&e))?;
        writer.write(&batch).map_err(|e| err(&e))
    };
    let mut stmt = store.connection().prepare(EVENTS_SQL)?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        for (i, col) in cols.iter_mut().enumerate() {
            match col {
                Col::Text(b) => b.append_option(row.get::<_, Option<String>>(i)?),
                Col::Int(b) => b.append_option(row.get::<_, Option<i64>>(i)?),
                Col::Float(b) => b.append_option(row.get::<_, Option<f64>>(i)?),
                Col::Bool(b) => b.append_value(row.get::<_, bool>(i)?),
            }
        }
        pending += 1;
        total += 1;
        if pending == ROWS {
            flush(&mut cols, &mut writer)?;
            pending = 0;
        }
    }
    if pending > 0 || total == 0 {
        flush(&mut cols, &mut writer)?;
    }
    writer.close().map_err(|e| err(&e))?;
    Ok(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_gdelt_column_list_is_the_published_one() {
        let cols = gdelt_columns();
        assert_eq!(cols.len(), 61);
        assert_eq!(cols[0], "GLOBALEVENTID");
        assert_eq!(cols[26], "EventCode");
        assert_eq!(cols[34], "AvgTone");
        assert_eq!(cols[59], "DATEADDED");
        assert_eq!(cols[60], "SOURCEURL");
    }

    #[test]
    fn actor_roles_and_groups() {
        let a = Actor {
            name: Some("the army".into()),
            cameo: Some("VENMILREB".into()),
            country: Some("VEN".into()),
        };
        assert_eq!(a.roles(), vec!["MIL".to_string(), "REB".to_string()]);
        assert_eq!(a.known_group(), None);
        let un = Actor {
            name: Some("United Nations".into()),
            cameo: Some("IGOUNO".into()),
            country: None,
        };
        assert_eq!(un.known_group().as_deref(), Some("UNO"));
        assert_eq!(gdelt_code("19"), "190");
        assert_eq!(gdelt_code("0231"), "0231");
        assert_eq!(first_day("2018").unwrap().to_string(), "2018-01-01");
        assert_eq!(first_day("2015-10").unwrap().to_string(), "2015-10-01");
        assert_eq!(first_day("2024-02-29").unwrap().to_string(), "2024-02-29");
        assert_eq!(first_day("2023-02-29"), None);
        assert_eq!(first_day("soon"), None);
    }
}
