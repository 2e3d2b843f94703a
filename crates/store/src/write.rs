//! Writing one analysed article: its rows in every table, its near-duplicate group and its
//! stories.

use newsgraph_doc::Record;
use std::collections::HashMap;

use rusqlite::{params, OptionalExtension};

use crate::minhash::{Signature, BANDS};
use crate::{content_hash, Result, StoreError};

/// Candidates sharing fewer bands than this are not compared.
const MIN_SHARED_BANDS: i64 = 1;
/// Candidates compared, the most similar first.
const MAX_CANDIDATES: usize = 16;
/// Articles read from one band key, the newest first.
const PER_BAND: usize = 24;

/// An analysed article made ready for the database: the work that needs no connection (JSON,
/// hashes, signature, sentence texts) is done here, so that it can run in parallel.
pub struct Prepared {
    record: Record,
    text: String,
    /// The record without its text, as zlib-compressed JSON.
    json: Vec<u8>,
    hash: [u8; 32],
    signature: Signature,
    /// Hashes of the names of the people and towns the article names, sorted: who and where
    /// the story is about.
    entities: Vec<u32>,
    /// Sections as a JSON array of `[kind, start, end]`.
    sections_json: String,
    /// Mentions as a JSON array of `[actor, kind, start, end, text]`.
    mentions_json: String,
    /// The text of each event's sentence, in event order.
    event_sentences: Vec<String>,
}

/// What a batch did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BatchOutcome {
    /// Articles stored.
    pub stored: u64,
    /// Articles passed over because they were already stored.
    pub already: u64,
    /// Of the stored, near-duplicates of an earlier article.
    pub duplicates: u64,
    /// Events stored.
    pub events: u64,
    /// Articles the database refused (listed in `rejects`).
    pub failed: u64,
}

impl Prepared {
    /// Prepares one record for writing.
    pub fn new(mut record: Record) -> Result<Prepared> {
        let text = std::mem::take(&mut record.text);
        let sections: Vec<(&str, u32, u32)> = record
            .sections
            .iter()
            .map(|s| (s.kind.as_str(), s.start, s.end))
            .collect();
        let mentions: Vec<(Option<u32>, &str, u32, u32, &str)> = record
            .mentions
            .iter()
            .map(|m| (m.actor, m.kind.as_str(), m.start, m.end, m.text.as_str()))
            .collect();
        let json_err = |source| StoreError::Record { article: 0, source };
        let sections_json = serde_json::to_string(&sections).map_err(json_err)?;
        let mentions_json = serde_json::to_string(&mentions).map_err(json_err)?;
        let json = serde_json::to_vec(&record)
            .map_err(|source| StoreError::Record { article: 0, source })?;
        let json = compress(&json);
        let hash = content_hash(&text);
        let signature = Signature::of(&text);
        let mut entities: Vec<u32> = record
            .actors
            .iter()
            .filter(|a| a.kind == "person" || (a.kind == "place" && a.lat.is_some()))
            .map(|a| crate::minhash::name_hash(&a.name))
            .collect();
        entities.sort_unstable();
        entities.dedup();
        // code-point offsets of the sentences to bytes (a table only for non-ASCII text, freed
        // once the sentences are cut)
        let table: Option<Vec<usize>> = (!text.is_ascii()).then(|| {
            text.char_indices()
                .map(|(i, _)| i)
                .chain(std::iter::once(text.len()))
                .collect()
        });
        let to_byte = |c: u32| match &table {
            None => Some((c as usize).min(text.len())),
            Some(t) => t.get(c as usize).copied(),
        };
        let event_sentences = record
            .events
            .iter()
            .map(|e| {
                record
                    .sentences
                    .get(e.sentence as usize)
                    .and_then(|s| {
                        let (a, b) = (to_byte(s.start)?, to_byte(s.end)?);
                        text.get(a..b.max(a))
                    })
                    .unwrap_or("")
                    .to_string()
            })
            .collect();
        Ok(Prepared {
            record,
            text,
            json,
            hash,
            signature,
            entities,
            sections_json,
            mentions_json,
            event_sentences,
        })
    }

    /// The article's id.
    pub fn id(&self) -> &str {
        &self.record.id
    }

    /// The text's length in bytes.
    pub fn bytes(&self) -> usize {
        self.text.len()
    }
}

/// zlib at its fastest level: the stored record is a fifth of its JSON, and compressing it
/// runs in the parallel preparation rather than in the single writer. Each thread keeps one
/// compressor and resets it per record: a new one allocates and zeroes a quarter of a megabyte
/// of tables, which had cost more than the compression itself.
fn compress(bytes: &[u8]) -> Vec<u8> {
    use flate2::{Compress, Compression, FlushCompress, Status};
    thread_local! {
        static COMPRESSOR: std::cell::RefCell<Compress> =
            std::cell::RefCell::new(Compress::new(Compression::fast(), true));
    }
    COMPRESSOR.with_borrow_mut(|z| {
        z.reset();
        let mut out = Vec::with_capacity(bytes.len() / 4 + 64);
        loop {
            let read = z.total_in() as usize;
            let status = z
                .compress_vec(&bytes[read..], &mut out, FlushCompress::Finish)
                .expect("compressing into a Vec cannot fail");
            if status == Status::StreamEnd {
                break;
            }
            // out of room: grow and go on
            out.reserve(out.capacity().max(64));
        }
        out
    })
}

/// The stored record's JSON.
pub(crate) fn decompress(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut out = Vec::with_capacity(bytes.len() * 5);
    flate2::read::ZlibDecoder::new(bytes).read_to_end(&mut out)?;
    Ok(out)
}

/// The stored record of article `id` (without its text).
pub(crate) fn record_of(id: i64, stored: &[u8]) -> Result<Record> {
    let json = decompress(stored)
        .map_err(|e| StoreError::Export(format!("stored record of article {id}: {e}")))?;
    serde_json::from_slice(&json).map_err(|source| StoreError::Record {
        article: id,
        source,
    })
}

/// Adds article `id`'s title and text to the full-text index. The full-text index flushes its
/// pending terms to disk whenever a later statement of the transaction opens a statement
/// journal, so a batch indexes its texts after all its other rows: one flush per batch rather
/// than one per article.
pub(crate) fn index_text(tx: &rusqlite::Connection, a: &Prepared, id: i64) -> Result<()> {
    tx.prepare_cached("INSERT INTO articles_fts (rowid, title, text) VALUES (?1, ?2, ?3)")?
        .execute(params![
            id,
            a.record.meta.title.as_deref().unwrap_or(""),
            a.text
        ])?;
    Ok(())
}

/// CAMEO's quad class of a root code: 1 verbal cooperation (01–05), 2 material cooperation
/// (06–08), 3 verbal conflict (09–13), 4 material conflict (14–20).
pub(crate) fn quad_class(root: &str) -> i64 {
    match root.parse::<u32>().unwrap_or(0) {
        1..=5 => 1,
        6..=8 => 2,
        9..=13 => 3,
        _ => 4,
    }
}

/// Writes one article's rows, all but its full-text index entry ([`index_text`]), and returns
/// its row id, or `None` when it was stored already.
pub(crate) fn article(
    tx: &rusqlite::Connection,
    a: &mut Prepared,
    outcome: &mut BatchOutcome,
) -> Result<Option<i64>> {
    let r = &a.record;
    let inserted = tx
        .prepare_cached(
            "INSERT OR IGNORE INTO articles (ext_id, content_hash, title, url, published, \
             outlet, authors, language, path, format, text, bytes, killed, injured, summary, \
             sections_json, mentions_json, record, added) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, \
             ?17, ?18, strftime('%Y%m%d%H%M%S', 'now'))",
        )?
        .execute(params![
            r.id,
            &a.hash[..],
            r.meta.title,
            r.source.url,
            r.meta.published,
            r.meta.outlet,
            serde_json::to_string(&r.meta.authors).unwrap_or_else(|_| "[]".into()),
            r.meta.language,
            r.source.path,
            r.source.format,
            a.text,
            a.text.len() as i64,
            r.casualties.killed,
            r.casualties.injured,
            r.summary.text,
            a.sections_json,
            a.mentions_json,
            a.json,
        ])?;
    if inserted == 0 {
        outcome.already += 1;
        return Ok(None);
    }
    let id = tx.last_insert_rowid();
    outcome.stored += 1;

    // near-duplicates: the earlier article most like this one, if it is a copy
    let keys = a.signature.band_keys();
    let mut group = id;
    if let Some((first, likeness)) = nearest_copy(tx, &a.signature, &a.entities, &keys)? {
        tx.prepare_cached("UPDATE articles SET dup_of = ?2, similarity = ?3 WHERE id = ?1")?
            .execute(params![id, first, likeness])?;
        outcome.duplicates += 1;
        group = first;
    }
    tx.prepare_cached(
        "INSERT INTO signatures (article, grp, shingles, minhash, entities) \
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![
        id,
        group,
        a.signature.shingles,
        a.signature.to_bytes(),
        entities_bytes(&a.entities)
    ])?;
    {
        let mut band = tx
            .prepare_cached("INSERT OR IGNORE INTO minhash_bands (key, article) VALUES (?1, ?2)")?;
        for key in keys {
            band.execute(params![key, id])?;
        }
    }

    let mut stmt = tx.prepare_cached(
        "INSERT INTO actors (article, idx, name, kind, country, cameo, roles, mentions, lat, \
         lon) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?;
    for (i, x) in r.actors.iter().enumerate() {
        stmt.execute(params![
            id,
            i as i64,
            x.name,
            x.kind,
            x.country,
            x.cameo,
            serde_json::to_string(&x.roles).unwrap_or_else(|_| "[]".into()),
            x.mentions.len() as i64,
            x.lat,
            x.lon,
        ])?;
    }
    let actor_name = |i: Option<u32>| i.and_then(|i| r.actors.get(i as usize));
    let mut stmt = tx.prepare_cached(
        "INSERT INTO quotes (article, idx, kind, speaker, speaker_name, speaker_text, cue, \
         start, end, text) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?;
    for (i, q) in r.quotes.iter().enumerate() {
        stmt.execute(params![
            id,
            i as i64,
            q.kind,
            q.speaker,
            actor_name(q.speaker).map(|x| x.name.as_str()),
            q.speaker_text,
            q.cue,
            q.start,
            q.end,
            q.text,
        ])?;
    }

    let mut stmt = tx.prepare_cached(
        "INSERT INTO events (article, idx, cameo, root, plover, quad, goldstein, source, \
         source_name, source_cameo, source_country, target, target_name, target_cameo, \
         target_country, sentence, sentence_text, trigger, trigger_start, trigger_end, place, \
         place_country, lat, lon, date, date_text, negated, modality, fatalities, injured, \
         confidence, lead, story) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, \
         ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, \
         ?32, ?33)",
    )?;
    // a story's counts are brought up to date once a run (see `recount_stories`): here it is
    // only marked stale
    // (a lookup, then an insert or a mark: an upsert rewrites the row and its indexes each time)
    let mut find_story = tx.prepare_cached("SELECT id, stale FROM stories WHERE key = ?1")?;
    let mut mark_story = tx.prepare_cached("UPDATE stories SET stale = 1 WHERE id = ?1")?;
    let mut new_story = tx.prepare_cached(
        "INSERT INTO stories (key, root, date, source, target, place, num_articles, \
         num_copies, num_mentions, num_sources, first_event, stale) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0, 0, 0, 0, NULL, 1)",
    )?;
    // the lead: headline, highlights and the first paragraph (GDELT's IsRootEvent)
    let first_paragraph = r.sections.iter().position(|s| s.kind == "paragraph");
    let lead = |sentence: u32| {
        let section = r
            .sentences
            .get(sentence as usize)
            .map(|s| s.section as usize);
        section.is_some_and(|i| {
            Some(i) == first_paragraph
                || r.sections
                    .get(i)
                    .is_some_and(|s| s.kind == "headline" || s.kind == "highlight")
        })
    };
    for (i, e) in r.events.iter().enumerate() {
        let root: String = e.cameo.chars().take(2).collect();
        let source = actor_name(e.source);
        let target = actor_name(e.target);
        let sentence = a.event_sentences.get(i).map(String::as_str).unwrap_or("");
        let date = e.date.as_deref().or(r.meta.published.as_deref());
        let place = e.location.as_ref();
        // one story: one code root, between the same two actors, at one place, on one day;
        // negated events are in none
        let story: Option<i64> = if e.negated {
            None
        } else {
            let who = |x: Option<&newsgraph_doc::record::ActorRecord>| {
                x.map(|x| x.cameo.clone().unwrap_or_else(|| x.name.to_lowercase()))
                    .unwrap_or_default()
            };
            let (src, tgt) = (who(source), who(target));
            let place_key = place.map(|p| p.name.to_lowercase()).unwrap_or_default();
            let key = format!("{root}|{src}|{tgt}|{place_key}|{}", date.unwrap_or(""));
            let found: Option<(i64, bool)> = find_story
                .query_row(params![key], |row| Ok((row.get(0)?, row.get(1)?)))
                .optional()?;
            let story = match found {
                Some((story, true)) => story,
                Some((story, false)) => {
                    mark_story.execute(params![story])?;
                    story
                }
                None => {
                    new_story.execute(params![
                        key,
                        root,
                        date,
                        Some(src.as_str()).filter(|s| !s.is_empty()),
                        Some(tgt.as_str()).filter(|s| !s.is_empty()),
                        place.map(|p| p.name.as_str()),
                    ])?;
                    tx.last_insert_rowid()
                }
            };
            Some(story)
        };
        stmt.execute(params![
            id,
            i as i64,
            e.cameo,
            root,
            e.plover,
            quad_class(&root),
            e.goldstein,
            e.source,
            source.map(|x| x.name.as_str()),
            source.and_then(|x| x.cameo.as_deref()),
            source.and_then(|x| x.country.as_deref()),
            e.target,
            target.map(|x| x.name.as_str()),
            target.and_then(|x| x.cameo.as_deref()),
            target.and_then(|x| x.country.as_deref()),
            e.sentence,
            sentence,
            e.trigger.text,
            e.trigger.start,
            e.trigger.end,
            place.map(|p| p.name.as_str()),
            place.and_then(|p| p.country.as_deref()),
            place.and_then(|p| p.lat),
            place.and_then(|p| p.lon),
            date,
            e.date_text,
            e.negated,
            e.modality,
            e.fatalities,
            e.injured,
            e.confidence,
            lead(e.sentence),
            story,
        ])?;
        outcome.events += 1;
    }

    let mut stmt = tx.prepare_cached(
        "INSERT INTO quantities (article, idx, kind, value, unit, bound, date, actor, start, \
         end, text) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?;
    for (i, q) in r.quantities.iter().enumerate() {
        stmt.execute(params![
            id, i as i64, q.kind, q.value, q.unit, q.bound, q.date, q.actor, q.start, q.end,
            q.text,
        ])?;
    }
    let mut stmt = tx.prepare_cached(
        "INSERT INTO alignments (article, idx, actor, actor_name, toward, toward_name, stance, \
         evidence) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for (i, al) in r.alignments.iter().enumerate() {
        let name = |x: u32| {
            r.actors
                .get(x as usize)
                .map(|x| x.name.as_str())
                .unwrap_or("")
        };
        stmt.execute(params![
            id,
            i as i64,
            al.actor,
            name(al.actor),
            al.toward,
            name(al.toward),
            al.stance,
            serde_json::to_string(&al.evidence).unwrap_or_else(|_| "[]".into()),
        ])?;
    }
    Ok(Some(id))
}

/// The group (first article) of the stored article most like this signature, if it is a copy.
fn nearest_copy(
    tx: &rusqlite::Connection,
    signature: &Signature,
    entities: &[u32],
    keys: &[i64; BANDS],
) -> Result<Option<(i64, f64)>> {
    if signature.is_empty() {
        return Ok(None);
    }
    // the newest articles filed under each band key: a key many articles share (a template,
    // boilerplate) costs no more than a rare one, so the search stays bounded as the corpus grows
    let mut members = tx.prepare_cached(&format!(
        "SELECT article FROM minhash_bands WHERE key = ?1 ORDER BY article DESC \
         LIMIT {PER_BAND}"
    ))?;
    let mut shared: HashMap<i64, i64> = HashMap::new();
    for key in keys {
        let mut rows = members.query(params![key])?;
        while let Some(row) = rows.next()? {
            *shared.entry(row.get(0)?).or_default() += 1;
        }
    }
    let mut candidates: Vec<(i64, i64)> = shared
        .into_iter()
        .filter(|&(_, n)| n >= MIN_SHARED_BANDS)
        .collect();
    // most bands shared first, then the oldest (the group's first article)
    candidates.sort_unstable_by_key(|&(article, n)| (std::cmp::Reverse(n), article));
    candidates.truncate(MAX_CANDIDATES);
    let candidates: Vec<i64> = candidates.into_iter().map(|(a, _)| a).collect();
    let mut load = tx.prepare_cached(
        "SELECT minhash, shingles, grp, entities FROM signatures WHERE article = ?1",
    )?;
    let mut best: Option<(i64, f64, f64)> = None;
    for candidate in candidates {
        let row: Option<(Vec<u8>, u32, i64, Vec<u8>)> = load
            .query_row(params![candidate], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })
            .optional()?;
        let Some((bytes, shingles, group, their_entities)) = row else {
            continue;
        };
        if !same_cast(entities, &entities_from_bytes(&their_entities)) {
            continue;
        }
        let Some(other) = Signature::from_bytes(&bytes, shingles) else {
            continue;
        };
        let l = signature.likeness(&other);
        if !l.is_duplicate() {
            continue;
        }
        let score = l.resemblance.max(l.containment);
        if best.is_none_or(|(_, s, _)| score > s) {
            best = Some((group, score, l.resemblance));
        }
    }
    Ok(best.map(|(group, _, resemblance)| (group, resemblance)))
}

fn entities_bytes(entities: &[u32]) -> Vec<u8> {
    entities.iter().flat_map(|v| v.to_le_bytes()).collect()
}

fn entities_from_bytes(bytes: &[u8]) -> Vec<u32> {
    bytes
        .chunks_exact(4)
        .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
        .collect()
}

/// Whether two articles name the same people and towns: two thirds of the names of the one
/// that names fewer are in the other. Copies of one report share them (a truncated copy loses
/// some, a byline adds one); the same template told of other people or places (a results
/// table, a weather notice, a routine court report) does not. Articles that name none are
/// compared on their text alone.
pub(crate) fn same_cast(a: &[u32], b: &[u32]) -> bool {
    if a.is_empty() || b.is_empty() {
        return a.is_empty() && b.is_empty();
    }
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let shared = small
        .iter()
        .filter(|x| large.binary_search(x).is_ok())
        .count();
    shared * 3 >= small.len() * 2
}

/// Brings the counts of stale stories (those that gained events since their last count) up to
/// date. Returns how many were counted.
pub(crate) fn recount_stories(conn: &rusqlite::Connection) -> Result<usize> {
    let n = conn.execute(
        "UPDATE stories SET \
           num_mentions = (SELECT COUNT(*) FROM events WHERE story = stories.id), \
           num_copies = (SELECT COUNT(DISTINCT article) FROM events WHERE story = stories.id), \
           num_articles = (SELECT COUNT(DISTINCT COALESCE(a.dup_of, a.id)) FROM events e \
                           JOIN articles a ON a.id = e.article WHERE e.story = stories.id), \
           num_sources = (SELECT COUNT(DISTINCT a.outlet) FROM events e \
                          JOIN articles a ON a.id = e.article WHERE e.story = stories.id), \
           first_event = (SELECT MIN(id) FROM events WHERE story = stories.id), \
           stale = 0 \
         WHERE stale = 1",
        [],
    )?;
    Ok(n)
}
