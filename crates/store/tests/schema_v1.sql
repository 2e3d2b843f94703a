-- newsgraph corpus, schema version 1 (PRAGMA user_version).
-- Offsets are Unicode code points into articles.text, as in the JSON record.

CREATE TABLE articles (
    id           INTEGER PRIMARY KEY,          -- insertion order
    ext_id       TEXT    NOT NULL UNIQUE,      -- the input's id (or the hash of its bytes)
    content_hash BLOB    NOT NULL UNIQUE,      -- SHA-256 of the article text
    title        TEXT,
    url          TEXT,
    published    TEXT,                         -- YYYY-MM-DD
    outlet       TEXT,
    authors      TEXT    NOT NULL,             -- JSON array
    language     TEXT,
    path         TEXT,                         -- the file it came from
    format       TEXT    NOT NULL,
    text         TEXT    NOT NULL,
    bytes        INTEGER NOT NULL,
    killed       INTEGER,
    injured      INTEGER,
    summary      TEXT    NOT NULL,
    shingles     INTEGER NOT NULL,             -- size of the shingle set behind minhash
    minhash      BLOB    NOT NULL,             -- little-endian u32 signature
    entities     BLOB    NOT NULL,             -- sorted u32 hashes of the people and towns it names
    sections_json TEXT   NOT NULL,             -- [[kind, start, end], ...] (see the view sections)
    mentions_json TEXT   NOT NULL,             -- [[actor, kind, start, end, text], ...] (view mentions)
    dup_of       INTEGER REFERENCES articles(id), -- the first article of its near-duplicate group
    similarity   REAL,                         -- estimated resemblance to dup_of
    added        TEXT    NOT NULL,             -- when it was stored, UTC YYYYMMDDHHMMSS
    record       BLOB    NOT NULL              -- the whole record without its text: zlib-compressed JSON
);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_dup_of ON articles(dup_of);

CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='id');
-- merge index segments once 8 of a level are there (4 by default): fewer, larger merges for a
-- corpus written in many small transactions
INSERT INTO articles_fts (articles_fts, rank) VALUES ('automerge', 8);

-- Locality-sensitive hashing of the minhash signatures: one row per (article, band).
CREATE TABLE minhash_bands (
    key     INTEGER NOT NULL,                  -- hash of (band number, band values)
    article INTEGER NOT NULL REFERENCES articles(id),
    PRIMARY KEY (key, article)
) WITHOUT ROWID;

-- Sections and mentions, the most numerous annotations and the least queried, are stored as one
-- JSON array per article (written in one row, not one row each) and read through views that
-- look like tables: SELECT * FROM mentions WHERE article = 7.
CREATE VIEW sections AS
    SELECT a.id AS article, CAST(j.key AS INTEGER) AS idx,
           j.value ->> 0 AS kind, j.value ->> 1 AS start, j.value ->> 2 AS end
    FROM articles a, json_each(a.sections_json) j;

CREATE TABLE actors (
    article  INTEGER NOT NULL REFERENCES articles(id),
    idx      INTEGER NOT NULL,
    name     TEXT    NOT NULL,
    kind     TEXT    NOT NULL,
    country  TEXT,
    cameo    TEXT,
    roles    TEXT    NOT NULL,                 -- JSON array
    mentions INTEGER NOT NULL,
    lat      REAL,
    lon      REAL,
    PRIMARY KEY (article, idx)
) WITHOUT ROWID;
CREATE INDEX actors_name ON actors(name COLLATE NOCASE);

CREATE VIEW mentions AS
    SELECT a.id AS article, CAST(j.key AS INTEGER) AS idx,
           j.value ->> 0 AS actor,                 -- actors.idx of the same article
           j.value ->> 1 AS kind, j.value ->> 2 AS start, j.value ->> 3 AS end,
           j.value ->> 4 AS text
    FROM articles a, json_each(a.mentions_json) j;

CREATE TABLE quotes (
    article      INTEGER NOT NULL REFERENCES articles(id),
    idx          INTEGER NOT NULL,
    kind         TEXT    NOT NULL,
    speaker      INTEGER,                      -- actors.idx of the same article
    speaker_name TEXT,
    speaker_text TEXT,
    cue          TEXT,
    start        INTEGER NOT NULL,
    end          INTEGER NOT NULL,
    text         TEXT    NOT NULL,
    PRIMARY KEY (article, idx)
) WITHOUT ROWID;

CREATE TABLE stories (
    id           INTEGER PRIMARY KEY,
    key          TEXT    NOT NULL UNIQUE,      -- root|source|target|place|date
    root         TEXT    NOT NULL,
    date         TEXT,
    source       TEXT,
    target       TEXT,
    place        TEXT,
    num_articles INTEGER NOT NULL,             -- independent reports (near-duplicates count once)
    num_copies   INTEGER NOT NULL,             -- articles, near-duplicates included
    num_mentions INTEGER NOT NULL,             -- event records
    num_sources  INTEGER NOT NULL,             -- distinct outlets
    first_event  INTEGER,                      -- events.id of its earliest record
    stale        INTEGER NOT NULL              -- 1 until its counts are brought up to date
);

CREATE TABLE events (
    id             INTEGER PRIMARY KEY,
    article        INTEGER NOT NULL REFERENCES articles(id),
    idx            INTEGER NOT NULL,
    cameo          TEXT    NOT NULL,
    root           TEXT    NOT NULL,
    plover         TEXT,
    quad           INTEGER NOT NULL,           -- 1 verbal coop., 2 material coop., 3 verbal conflict, 4 material conflict
    goldstein      REAL    NOT NULL,
    source         INTEGER,                    -- actors.idx of the same article
    source_name    TEXT,
    source_cameo   TEXT,
    source_country TEXT,
    target         INTEGER,
    target_name    TEXT,
    target_cameo   TEXT,
    target_country TEXT,
    sentence       INTEGER NOT NULL,
    sentence_text  TEXT    NOT NULL,
    lead           INTEGER NOT NULL,           -- 1 when in the headline, highlights or first paragraph
    trigger        TEXT    NOT NULL,
    trigger_start  INTEGER NOT NULL,
    trigger_end    INTEGER NOT NULL,
    place          TEXT,
    place_country  TEXT,
    lat            REAL,
    lon            REAL,
    date           TEXT,                       -- the event's date, else the article's
    date_text      TEXT,
    negated        INTEGER NOT NULL,
    modality       TEXT    NOT NULL,
    fatalities     INTEGER,
    injured        INTEGER,
    confidence     REAL    NOT NULL,
    story          INTEGER REFERENCES stories(id)
);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_root ON events(root);
CREATE INDEX events_story ON events(story);

CREATE TABLE quantities (
    article  INTEGER NOT NULL REFERENCES articles(id),
    idx      INTEGER NOT NULL,
    kind     TEXT    NOT NULL,
    value    REAL    NOT NULL,
    unit     TEXT,
    bound    TEXT    NOT NULL,
    date     TEXT,
    actor    INTEGER,
    start    INTEGER NOT NULL,
    end      INTEGER NOT NULL,
    text     TEXT    NOT NULL,
    PRIMARY KEY (article, idx)
) WITHOUT ROWID;

CREATE TABLE alignments (
    article      INTEGER NOT NULL REFERENCES articles(id),
    idx          INTEGER NOT NULL,
    actor        INTEGER NOT NULL,
    actor_name   TEXT    NOT NULL,
    toward       INTEGER NOT NULL,
    toward_name  TEXT    NOT NULL,
    stance       TEXT    NOT NULL,
    evidence     TEXT    NOT NULL,             -- JSON array of {kind, index}
    PRIMARY KEY (article, idx)
) WITHOUT ROWID;

-- Inputs that could not be stored: listed once each, whatever the number of runs.
CREATE TABLE rejects (
    origin TEXT NOT NULL,                      -- file, with line or byte offset
    reason TEXT NOT NULL,
    seen   TEXT NOT NULL,                      -- when it was first met (UTC)
    PRIMARY KEY (origin, reason)
) WITHOUT ROWID;
