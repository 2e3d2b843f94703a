//! ASCII word scanning and a phrase matcher that looks phrases up word by word.
//!
//! The scans read eight bytes at a time in one `u64` (SWAR): each byte's high bit says whether
//! it is an ASCII letter or digit, and the first byte of interest is found by counting
//! trailing zeros. The end of a word then costs no mispredicted branch, which is most of the
//! cost of a byte-by-byte loop over news text.

const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
const HIGH: u64 = ONES * 0x80;

/// The high bit of each byte of `word` that is an ASCII letter or digit.
#[inline(always)]
fn alnum_bits(word: u64) -> u64 {
    // Every byte below 0x80 from here on, so that no sum or difference crosses into the next
    // byte; a byte with its high bit set is never ASCII.
    let x = word & !HIGH;
    let lower = x | (ONES * 0x20);
    let letter = lower.wrapping_add(ONES * (0x80 - u64::from(b'a')))
        & (ONES * (0x80 + u64::from(b'z'))).wrapping_sub(lower);
    let digit = x.wrapping_add(ONES * (0x80 - u64::from(b'0')))
        & (ONES * (0x80 + u64::from(b'9'))).wrapping_sub(x);
    (letter | digit) & !word & HIGH
}

/// The first index in `i..end` whose byte satisfies `hit` (given the alnum bits of a chunk),
/// or `end`.
#[inline(always)]
fn scan(bytes: &[u8], mut i: usize, end: usize, want_alnum: bool) -> usize {
    let end = end.min(bytes.len());
    while i < end {
        let Some(chunk) = bytes.get(i..i + 8) else {
            break;
        };
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        let alnum = alnum_bits(word);
        let hits = if want_alnum { alnum } else { !alnum & HIGH };
        if hits != 0 || i + 8 >= end {
            return (i + (hits.trailing_zeros() / 8) as usize).min(end);
        }
        i += 8;
    }
    while i < end && bytes[i].is_ascii_alphanumeric() != want_alnum {
        i += 1;
    }
    i
}

/// Where the run of ASCII letters and digits that starts at `i` ends: the first index in
/// `i..end` that is not an ASCII letter or digit, or `end` (clamped to the slice).
#[inline]
pub fn alnum_run_end(bytes: &[u8], i: usize, end: usize) -> usize {
    scan(bytes, i, end, false)
}

/// The first index in `i..end` that is an ASCII letter or digit, or `end` (clamped to the
/// slice).
#[inline]
pub fn next_alnum(bytes: &[u8], i: usize, end: usize) -> usize {
    scan(bytes, i, end, true)
}

/// The high bits of eight bytes gathered into the low eight bits, byte `j` to bit `j`.
#[inline(always)]
fn gather(bits: u64) -> u64 {
    // One bit per byte at bits 0, 8, .., 56; the multiplication moves byte `j`'s to bit
    // `56 + j`, with no two partial products on the same bit (so no carries).
    ((bits >> 7).wrapping_mul(0x0102_0408_1020_4080)) >> 56
}

/// Bit `k` set when byte `k` of `block` (at most 64 bytes) is an ASCII letter or digit.
#[inline(always)]
fn block_mask(block: &[u8]) -> u64 {
    let mut mask = 0;
    let mut lanes = block.chunks_exact(8);
    let mut k = 0;
    for lane in lanes.by_ref() {
        let bits = alnum_bits(u64::from_le_bytes(lane.try_into().unwrap_or([0; 8])));
        mask |= gather(bits) << k;
        k += 8;
    }
    let rest = lanes.remainder();
    if !rest.is_empty() {
        let mut lane = [0u8; 8];
        lane[..rest.len()].copy_from_slice(rest);
        mask |= gather(alnum_bits(u64::from_le_bytes(lane))) << k;
    }
    mask
}

/// The run starts of the block at `base` whose letter-or-digit mask is `mask`: a letter or digit
/// after a non-letter or at the block's start, unless it goes on a run that ended at `resume`
/// or later (one that ran on from the block before).
#[inline(always)]
fn run_starts(mask: u64, base: usize, resume: usize) -> u64 {
    let starts = mask & !(mask << 1);
    match resume.checked_sub(base).filter(|&n| n > 0) {
        Some(inside) => starts & u64::MAX.checked_shl(inside as u32).unwrap_or(0),
        None => starts,
    }
}

/// The end of the run that starts `offset` bytes into the block at `base` (mask `mask`),
/// reading on into the next blocks when it reaches the block's end.
#[inline(always)]
fn run_end(bytes: &[u8], mask: u64, base: usize, offset: usize) -> usize {
    let len = (!(mask >> offset)).trailing_zeros() as usize;
    if offset + len < 64 {
        base + offset + len
    } else {
        alnum_run_end(bytes, base + 64, bytes.len())
    }
}

/// The runs of ASCII letters and digits in `bytes`, as `(start, end)`, in order.
///
/// Works on 64-byte blocks: one bit mask per block, then one count of trailing zeros per run, so
/// that neither spaces nor the lengths of words cost a mispredicted branch.
///
/// ```
/// use newsgraph_lexicon::words::alnum_runs;
///
/// let text = "Rain, 40mm; e-mail!";
/// let runs: Vec<&str> = alnum_runs(text.as_bytes()).map(|(s, e)| &text[s..e]).collect();
/// assert_eq!(runs, ["Rain", "40mm", "e", "mail"]);
/// ```
pub fn alnum_runs(bytes: &[u8]) -> impl Iterator<Item = (usize, usize)> + '_ {
    // The block in hand: where it starts, its mask, and the run starts not yet returned.
    let (mut base, mut mask, mut starts) = (0, 0u64, 0u64);
    let mut next = 0;
    // Where the last run returned ended: a run may go on through the next blocks.
    let mut resume = 0;
    std::iter::from_fn(move || loop {
        if starts != 0 {
            let offset = starts.trailing_zeros() as usize;
            starts &= starts - 1;
            let end = run_end(bytes, mask, base, offset);
            resume = end;
            return Some((base + offset, end));
        }
        if next >= bytes.len() {
            return None;
        }
        base = next;
        next += 64;
        mask = block_mask(&bytes[base..next.min(bytes.len())]);
        starts = run_starts(mask, base, resume);
    })
}

/// Calls `run` with `(start, end)` for each run of ASCII letters and digits in `bytes`, in order,
/// until it returns false: the runs [`alnum_runs`] yields, written as plain loops over 64-byte
/// blocks so that a block's mask and its run starts stay in registers.
///
/// ```
/// use newsgraph_lexicon::words::for_each_alnum_run;
///
/// let text = "Rain, 40mm; e-mail!";
/// let mut runs = Vec::new();
/// for_each_alnum_run(text.as_bytes(), |s, e| {
///     runs.push(&text[s..e]);
///     runs.len() < 3
/// });
/// assert_eq!(runs, ["Rain", "40mm", "e"]);
/// ```
#[inline(always)]
pub fn for_each_alnum_run(bytes: &[u8], mut run: impl FnMut(usize, usize) -> bool) {
    // Where the last run ended: a run may go on through the next blocks.
    let mut resume = 0usize;
    for base in (0..bytes.len()).step_by(64) {
        let mask = block_mask(&bytes[base..(base + 64).min(bytes.len())]);
        let mut starts = run_starts(mask, base, resume);
        while starts != 0 {
            let offset = starts.trailing_zeros() as usize;
            starts &= starts - 1;
            let end = run_end(bytes, mask, base, offset);
            resume = end;
            if !run(base + offset, end) {
                return;
            }
        }
    }
}

/// A set of phrases found in a text ASCII case-insensitively, at word boundaries, by looking up
/// each word of the text rather than running an automaton over every byte.
///
/// Each phrase is anchored at its first run of ASCII letters and digits (`left` in `(left)`,
/// `ap` in `ap photo`). A phrase that starts (ends) with a letter or digit must start (end) a
/// word of the text. Each word of the text is looked up in a bit filter by a cheap hash of its
/// length and first eight bytes; only the rare words that share a slot with an anchor are
/// compared, so the branch after the lookup is nearly always predicted and the matcher runs at
/// a few cycles per byte whatever the number of phrases.
///
/// ```
/// use newsgraph_lexicon::words::WordPhrases;
///
/// let set = WordPhrases::new(["(left)", "photo by", "says"]).unwrap();
/// let found: Vec<usize> = set.find_iter("Ana Ruiz (LEFT) says, Photo by J. Ode").map(|m| m.0).collect();
/// assert_eq!(found, [0, 2, 1]);
/// assert_eq!(set.find_iter("essays on photos").count(), 0);
/// ```
#[derive(Clone, Debug)]
pub struct WordPhrases {
    /// One bit per slot that has a bucket: 8 KB, small enough to stay in the L1 cache where
    /// the table of buckets does not.
    filter: Box<[u64]>,
    /// For each slot (a hash of a word's length and first eight bytes), one more than the
    /// index of its bucket in `buckets`, or 0 when no anchor has that slot.
    slots: Box<[u16]>,
    /// The phrases anchored on words of one slot.
    buckets: Vec<Vec<Anchored>>,
    /// The phrases in lowercase.
    phrases: Vec<Box<[u8]>>,
}

/// A phrase anchored on a word: its index, and where its anchor is in it.
#[derive(Clone, Copy, Debug)]
struct Anchored {
    phrase: usize,
    offset: usize,
    len: usize,
}

/// Bits of a slot number.
const SLOT_BITS: u32 = 16;
/// Number of slots: 2^16, so that the filter of one bit per slot is 8 KB and stays in the L1
/// cache, and few common words share a slot with one of a few hundred anchors.
const SLOTS: usize = 1 << SLOT_BITS;

/// The slot of a non-empty word of `bytes` at `start..end`: a multiplicative hash of its
/// length and its first eight bytes in ASCII lowercase (a word here is ASCII letters and
/// digits, and setting bit 5 lowercases a letter and leaves a digit as it is).
#[inline(always)]
fn slot(bytes: &[u8], start: usize, end: usize) -> usize {
    let len = end - start;
    let head = match bytes.get(start..start + 8) {
        Some(eight) => u64::from_le_bytes(eight.try_into().unwrap_or([0; 8])),
        None => {
            let mut eight = [0u8; 8];
            let n = (bytes.len() - start).min(8);
            eight[..n].copy_from_slice(&bytes[start..start + n]);
            u64::from_le_bytes(eight)
        }
    };
    // Without a branch: word lengths below and above eight alternate unpredictably.
    let keep = u64::MAX >> (8 * (8 - len.clamp(1, 8)));
    let key = (head | (ONES * 0x20)) & keep;
    let hash = (key ^ (len as u64).wrapping_mul(0xFF51_AFD7_ED55_8CCD))
        .wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (hash >> (64 - SLOT_BITS)) as usize
}

impl WordPhrases {
    /// Builds the matcher. A phrase with no ASCII letter or digit is an error naming it.
    pub fn new<I, S>(phrases: I) -> Result<Self, String>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut set = WordPhrases {
            filter: vec![0; SLOTS / 64].into_boxed_slice(),
            slots: vec![0; SLOTS].into_boxed_slice(),
            buckets: Vec::new(),
            phrases: Vec::new(),
        };
        for (index, phrase) in phrases.into_iter().enumerate() {
            let lower = phrase.as_ref().to_ascii_lowercase().into_bytes();
            let offset = next_alnum(&lower, 0, lower.len());
            if offset == lower.len() {
                return Err(format!(
                    "phrase {:?} has no ASCII letter or digit to anchor it",
                    phrase.as_ref()
                ));
            }
            let len = alnum_run_end(&lower, offset, lower.len()) - offset;
            let slot = slot(&lower, offset, offset + len);
            set.filter[slot / 64] |= 1 << (slot % 64);
            if set.slots[slot] == 0 {
                set.buckets.push(Vec::new());
                set.slots[slot] = u16::try_from(set.buckets.len())
                    .map_err(|_| "too many phrase anchors".to_string())?;
            }
            set.buckets[usize::from(set.slots[slot]) - 1].push(Anchored {
                phrase: index,
                offset,
                len,
            });
            set.phrases.push(lower.into());
        }
        Ok(set)
    }

    /// Number of phrases.
    pub fn len(&self) -> usize {
        self.phrases.len()
    }

    /// True when there is no phrase.
    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    /// Every occurrence in `text` as (phrase index, start, end), in the order of the words
    /// they are anchored on.
    pub fn find_iter<'s, 't>(
        &'s self,
        text: &'t str,
    ) -> impl Iterator<Item = (usize, usize, usize)> + use<'s, 't> {
        let bytes = text.as_bytes();
        let mut runs = alnum_runs(bytes);
        let mut pending: (&[Anchored], usize) = (&[], 0);
        std::iter::from_fn(move || loop {
            while let Some((first, rest)) = pending.0.split_first() {
                pending.0 = rest;
                if let Some(found) = self.verify(bytes, pending.1, *first) {
                    return Some(found);
                }
            }
            let (start, end) = runs.next()?;
            let slot = slot(bytes, start, end);
            if self.filter[slot / 64] & (1 << (slot % 64)) != 0 {
                let bucket = usize::from(self.slots[slot]) - 1;
                pending = (&self.buckets[bucket], start);
            }
        })
    }

    /// Calls `found` with (phrase index, start, end) for every occurrence in `text`, in the
    /// same order as [`WordPhrases::find_iter`]; `found` returns false to stop the search.
    ///
    /// The same search as `find_iter`, over [`for_each_alnum_run`]: the faster of the two.
    ///
    /// ```
    /// use newsgraph_lexicon::words::WordPhrases;
    ///
    /// let set = WordPhrases::new(["holds", "ap photo"]).unwrap();
    /// let mut found = Vec::new();
    /// set.for_each("A girl holds a kite. AP Photo", |p, _, _| {
    ///     found.push(p);
    ///     true
    /// });
    /// assert_eq!(found, [0, 1]);
    /// ```
    pub fn for_each(&self, text: &str, mut found: impl FnMut(usize, usize, usize) -> bool) {
        let bytes = text.as_bytes();
        for_each_alnum_run(bytes, |start, end| {
            let slot = slot(bytes, start, end);
            if self.filter[slot / 64] & (1 << (slot % 64)) == 0 {
                return true;
            }
            let bucket = &self.buckets[usize::from(self.slots[slot]) - 1];
            for &a in bucket {
                if let Some((p, s, e)) = self.verify(bytes, start, a) {
                    if !found(p, s, e) {
                        return false;
                    }
                }
            }
            true
        });
    }

    /// The phrase anchored at the word that starts at `word_start`, if it is there whole.
    #[inline]
    fn verify(
        &self,
        bytes: &[u8],
        word_start: usize,
        a: Anchored,
    ) -> Option<(usize, usize, usize)> {
        let phrase = &self.phrases[a.phrase];
        // The word must be the anchor itself, not a longer word of the same slot.
        let after_anchor = word_start + a.len;
        if bytes
            .get(after_anchor)
            .is_some_and(u8::is_ascii_alphanumeric)
        {
            return None;
        }
        let start = word_start.checked_sub(a.offset)?;
        let end = start + phrase.len();
        if !bytes.get(start..end)?.eq_ignore_ascii_case(phrase) {
            return None;
        }
        let ends_word = phrase.last().is_some_and(u8::is_ascii_alphanumeric);
        if ends_word && bytes.get(end).is_some_and(u8::is_ascii_alphanumeric) {
            return None;
        }
        Some((a.phrase, start, end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scans_match_a_byte_by_byte_scan() {
        let scalar = |bytes: &[u8], i: usize, end: usize, alnum: bool| {
            (i..end)
                .find(|&k| bytes[k].is_ascii_alphanumeric() == alnum)
                .unwrap_or(end)
        };
        // Every byte value next to every class boundary, at every alignment.
        let mut text: Vec<u8> = (0..=255u8).collect();
        text.extend(b"abcdefghijklmnopqrstuvwxyz0123456789ZZ9a@[`{/:");
        for round in 0..4u8 {
            text.extend((0..=255u8).map(|b| b.wrapping_mul(37).wrapping_add(round)));
            text.extend(b"Word12 anotherword, 1990s:long1234567890abcdefXYZ  ,;  x");
        }
        for i in 0..text.len() {
            for end in [i, i + 1, i + 7, i + 8, i + 9, i + 17, text.len()] {
                let end = end.min(text.len());
                assert_eq!(
                    alnum_run_end(&text, i, end),
                    scalar(&text, i, end, false),
                    "run end from {i} to {end}"
                );
                assert_eq!(
                    next_alnum(&text, i, end),
                    scalar(&text, i, end, true),
                    "next alnum from {i} to {end}"
                );
            }
        }
    }

    #[test]
    fn runs_match_a_byte_by_byte_split() {
        let split = |t: &[u8]| {
            let mut runs = Vec::new();
            let mut i = 0;
            while i < t.len() {
                if t[i].is_ascii_alphanumeric() {
                    let s = i;
                    while i < t.len() && t[i].is_ascii_alphanumeric() {
                        i += 1;
                    }
                    runs.push((s, i));
                } else {
                    i += 1;
                }
            }
            runs
        };
        let mut texts: Vec<Vec<u8>> = vec![Vec::new(), b"a".to_vec(), b" ".to_vec()];
        // Runs of every length around the block size, at every alignment, with every byte.
        for len in [1, 7, 8, 63, 64, 65, 127, 128, 129, 200] {
            for lead in [0, 1, 62, 63, 64] {
                let mut t = vec![b' '; lead];
                t.extend(std::iter::repeat_n(b'x', len));
                t.extend(b" ab");
                texts.push(t.clone());
                t.truncate(lead + len);
                texts.push(t);
            }
        }
        texts.push((0..=255u8).cycle().take(1000).collect());
        texts.push((0..3000u32).map(|k| (k * 7919 % 251) as u8).collect());
        for t in &texts {
            assert_eq!(alnum_runs(t).collect::<Vec<_>>(), split(t), "{t:?}");
            let mut runs = Vec::new();
            for_each_alnum_run(t, |s, e| {
                runs.push((s, e));
                true
            });
            assert_eq!(runs, split(t), "{t:?}");
        }
    }

    #[test]
    fn phrases_match_whole_words_in_any_case() {
        let set =
            WordPhrases::new(["ap photo", "(r)", "reuters/", "holds", "in this photo"]).unwrap();
        fn found<'t>(set: &WordPhrases, t: &'t str) -> Vec<(usize, &'t str)> {
            set.find_iter(t).map(|(p, s, e)| (p, &t[s..e])).collect()
        }
        let found = |t| found(&set, t);
        assert_eq!(
            found("Kofi Mensah (R) holds a flag. (AP Photo/Lin Wei)"),
            [(1, "(R)"), (3, "holds"), (0, "AP Photo")]
        );
        assert_eq!(
            found("REUTERS/Ama Boateng, in this photo"),
            [(2, "REUTERS/"), (4, "in this photo")]
        );
        // Inside a longer word, or cut off at the end of the text: no match.
        assert!(found("upholds the map photos; ap phot").is_empty());
        assert!(found("(r").is_empty());
    }

    #[test]
    fn for_each_finds_what_find_iter_finds() {
        let set =
            WordPhrases::new(["ap photo", "(r)", "holds", "x", "longwordlongword", "a b"]).unwrap();
        let mut texts = vec![
            "Kofi (R) holds. AP Photo x".to_string(),
            "a b a b x".to_string(),
            String::new(),
        ];
        // Runs that cross block boundaries, at every alignment.
        for lead in 0..70 {
            let mut t = " ".repeat(lead);
            t.push_str("longwordlongword holds x ");
            t.push_str(&"y".repeat(lead * 3));
            t.push_str(" a b");
            texts.push(t);
        }
        for t in &texts {
            let mut got = Vec::new();
            set.for_each(t, |p, s, e| {
                got.push((p, s, e));
                true
            });
            assert_eq!(got, set.find_iter(t).collect::<Vec<_>>(), "{t:?}");
        }
        let mut first = Vec::new();
        set.for_each("x holds x", |p, _, _| {
            first.push(p);
            false
        });
        assert_eq!(first, [3]);
    }

    #[test]
    fn words_sharing_a_slot_are_told_apart() {
        let set = WordPhrases::new(["told", "photojournalists"]).unwrap();
        let count = |t: &str| set.find_iter(t).count();
        // Same length and first letters: `toll`, `tole`; same first eight bytes: `photojournalistic`.
        assert_eq!(count("the toll, a tole, photojournalistic work"), 0);
        assert_eq!(count("TOLD the Photojournalists"), 2);
    }

    #[test]
    fn a_phrase_without_a_word_is_refused() {
        let err = WordPhrases::new(["--"]).unwrap_err();
        assert!(err.contains("\"--\""), "{err}");
    }
}
