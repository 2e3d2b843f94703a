-- What near-duplicate detection compares, one small row per article: kept apart from the
-- articles' long rows, so that comparing a candidate reads one page, not a text's overflow chain.
CREATE TABLE signatures (
    article  INTEGER PRIMARY KEY REFERENCES articles(id),
    grp      INTEGER NOT NULL,                 -- the first article of its near-duplicate group
    shingles INTEGER NOT NULL,                 -- size of the shingle set behind minhash
    minhash  BLOB    NOT NULL,                 -- little-endian u32 signature
    entities BLOB    NOT NULL                  -- sorted u32 hashes of the people and towns it names
);
