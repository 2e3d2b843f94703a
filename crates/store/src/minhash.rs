//! Near-duplicate detection: MinHash signatures over word shingles, banded for
//! locality-sensitive lookup.
//!
//! An article is reduced to the set of its word [`SHINGLE`]-grams (lowercased letters and
//! digits; punctuation and spacing ignored), and the set to [`HASHES`] minimum hash values, one
//! per bucket of a single hash (one-permutation hashing, see [`Signature::of`]). Two signatures
//! agree in a position with probability equal to the Jaccard resemblance of the two sets, so
//! [`Signature::likeness`] estimates it; with the set sizes it also estimates containment,
//! which finds a truncated copy whose resemblance to the whole is low.
//!
//! For lookup the first values of the signature are cut into [`BANDS`] bands of [`ROWS`]
//! values; two articles that share a band are candidates, confirmed by their estimated
//! similarity over the whole signature. With 16 bands of two rows, a pair of resemblance 0.5
//! shares a band with probability 0.99, a pair of resemblance 0.3 (a copy cut to a third)
//! with 0.78, and a pair of resemblance 0.1 with 0.15.
//!
//! Hashes are fixed functions of the text (no random seed), so a signature stored by one run
//! matches one computed by the next.

/// Words a shingle.
pub const SHINGLE: usize = 4;
/// Values in a signature.
pub const HASHES: usize = 128;
/// Values a band.
pub const ROWS: usize = 2;
/// Bands a signature: the first `BANDS * ROWS` values are banded, all are compared.
pub const BANDS: usize = 16;
/// Bits of a shingle's hash that choose its bucket: `HASHES` is `1 << BUCKET_BITS`.
const BUCKET_BITS: u32 = 7;
/// Buckets an empty bucket tries before it finds a filled one, at most.
const DONOR_TRIES: usize = 5_000;

/// The MinHash signature of one text, with the size of its shingle set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signature {
    /// Minimum hash value under each hash function.
    pub mins: [u32; HASHES],
    /// Distinct shingles seen (approximately: distinct shingle hashes).
    pub shingles: u32,
}

/// What one article is to another it was compared with.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Likeness {
    /// Estimated Jaccard resemblance of the two shingle sets.
    pub resemblance: f64,
    /// Estimated share of the smaller set found in the larger one.
    pub containment: f64,
}

impl Likeness {
    /// Whether two articles are copies of one report: most of their text is shared, or the
    /// shorter is nearly all inside the longer (a truncated or lightly cut copy).
    pub fn is_duplicate(&self) -> bool {
        self.resemblance >= 0.5 || self.containment >= 0.8
    }
}

/// splitmix64's finaliser: a fast, well-mixed bijection of 64-bit values.
#[inline]
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Fixed seeds (for the shingle hash and the densification sequences), so that signatures are
/// comparable across runs and versions.
const SEEDS: [u64; HASHES] = {
    let mut seeds = [0u64; HASHES];
    let mut state: u64 = 0x6e65_7773_6772_6170; // "newsgrap"
    let mut i = 0;
    while i < HASHES {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        seeds[i] = z ^ (z >> 31);
        i += 1;
    }
    seeds
};

/// FNV-1a over one word's lowercased bytes: a word's hash without allocating it.
#[inline]
fn word_hash(word: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    if word.is_ascii() {
        for b in word.bytes() {
            h ^= u64::from(b.to_ascii_lowercase());
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        return h;
    }
    for c in word.chars().flat_map(char::to_lowercase) {
        let mut buf = [0u8; 4];
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// A 32-bit hash of a name, case and spacing ignored.
pub fn name_hash(name: &str) -> u32 {
    let mut h: u64 = 0;
    for w in name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        h = mix(h ^ word_hash(w));
    }
    (h >> 32) as u32
}

/// The buckets an empty bucket `i` borrows from, in the order it tries them: a fixed sequence
/// of hashes of its number, the same for every text.
fn donors_of(i: usize) -> impl Iterator<Item = usize> {
    let mut attempt = SEEDS[1 + i % (HASHES - 1)];
    std::iter::repeat_with(move || {
        attempt = mix(attempt.wrapping_add(i as u64));
        (attempt >> (64 - BUCKET_BITS)) as usize
    })
}

impl Signature {
    /// The signature of a text. A text of fewer than [`SHINGLE`] words is one shingle.
    ///
    /// One hash per shingle (one-permutation hashing): its top bits choose one of the
    /// [`HASHES`] buckets and its low 32 bits compete for that bucket's minimum. A bucket no
    /// shingle fell in takes the minimum of another, chosen by a fixed sequence of hashes of
    /// its number until one holds a value (optimal densification, Shrivastava 2017), so two
    /// texts agree in a position with probability equal to their resemblance, as with one hash
    /// function per position, with one hash per shingle instead of [`HASHES`].
    pub fn of(text: &str) -> Signature {
        const { assert!(HASHES == 1 << BUCKET_BITS) };
        let mut mins = [u32::MAX; HASHES];
        let mut filled: u128 = 0;
        let mut window = [0u64; SHINGLE];
        let mut words = 0usize;
        // distinct shingle hashes, for the set size; sorted and deduplicated once at the end
        let mut seen: Vec<u64> = Vec::new();
        let mut add = |shingle: u64, mins: &mut [u32; HASHES]| {
            seen.push(shingle);
            let x = mix(shingle ^ SEEDS[0]);
            let bucket = (x >> (64 - BUCKET_BITS)) as usize;
            mins[bucket] = mins[bucket].min(x as u32);
            filled |= 1 << bucket;
        };
        for word in text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            window[words % SHINGLE] = word_hash(word);
            words += 1;
            if words >= SHINGLE {
                // combine in reading order: the oldest word first
                let mut h = 0u64;
                for k in 0..SHINGLE {
                    h = mix(h ^ window[(words + k) % SHINGLE]);
                }
                add(h, &mut mins);
            }
        }
        if (1..SHINGLE).contains(&words) {
            let mut h = 0u64;
            for w in &window[..words] {
                h = mix(h ^ w);
            }
            add(h, &mut mins);
        }
        if filled != 0 && filled != u128::MAX {
            let donors = mins;
            for (i, min) in mins.iter_mut().enumerate() {
                if filled & (1 << i) != 0 {
                    continue;
                }
                // the same sequence for every text, so that two texts with the same bucket
                // empty copy the same donor
                // every sequence reaches every bucket within DONOR_TRIES (tested)
                if let Some(j) = donors_of(i)
                    .take(DONOR_TRIES)
                    .find(|&j| filled & (1 << j) != 0)
                {
                    *min = donors[j];
                }
            }
        }
        seen.sort_unstable();
        seen.dedup();
        Signature {
            mins,
            shingles: u32::try_from(seen.len()).unwrap_or(u32::MAX),
        }
    }

    /// Whether the text had no words at all.
    pub fn is_empty(&self) -> bool {
        self.shingles == 0
    }

    /// Estimated resemblance and containment of two articles.
    pub fn likeness(&self, other: &Signature) -> Likeness {
        if self.is_empty() || other.is_empty() {
            return Likeness {
                resemblance: 0.0,
                containment: 0.0,
            };
        }
        let same = self
            .mins
            .iter()
            .zip(other.mins.iter())
            .filter(|(a, b)| a == b)
            .count();
        let j = same as f64 / HASHES as f64;
        // |A ∩ B| = J / (1 + J) · (|A| + |B|)
        let (a, b) = (f64::from(self.shingles), f64::from(other.shingles));
        let inter = j / (1.0 + j) * (a + b);
        Likeness {
            resemblance: j,
            containment: (inter / a.min(b)).min(1.0),
        }
    }

    /// The band keys under which this signature is filed: one per band, each a hash of the
    /// band's number and values, as a SQLite integer.
    pub fn band_keys(&self) -> [i64; BANDS] {
        let mut keys = [0i64; BANDS];
        for (band, key) in keys.iter_mut().enumerate() {
            let mut h = mix(band as u64 + 1);
            for &v in &self.mins[band * ROWS..(band + 1) * ROWS] {
                h = mix(h ^ u64::from(v));
            }
            *key = h as i64;
        }
        keys
    }

    /// The signature as stored: little-endian `u32`s.
    pub fn to_bytes(&self) -> Vec<u8> {
        self.mins.iter().flat_map(|v| v.to_le_bytes()).collect()
    }

    /// A stored signature, or `None` when the bytes are not one.
    pub fn from_bytes(bytes: &[u8], shingles: u32) -> Option<Signature> {
        if bytes.len() != HASHES * 4 {
            return None;
        }
        let mut mins = [0u32; HASHES];
        for (v, chunk) in mins.iter_mut().zip(bytes.chunks_exact(4)) {
            *v = u32::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]);
        }
        Some(Signature { mins, shingles })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const REPORT: &str = "Flood waters rose across the northern valley on Sunday after three days \
        of rain, forcing hundreds of families from their homes. Rescue teams used boats to reach \
        villages cut off by the river, the regional governor said. Two bridges collapsed and the \
        main road to the coast was closed. Officials said at least nine people had died and \
        dozens were missing. Aid agencies warned that clean water was running short in the \
        camps set up on higher ground, and that the rain was forecast to continue into the week.";

    #[test]
    fn identical_texts_match_whatever_the_spacing_and_case() {
        let a = Signature::of(REPORT);
        let b = Signature::of(&REPORT.to_uppercase().replace(' ', "  "));
        assert_eq!(a, b);
        assert!(a.likeness(&b).is_duplicate());
        assert_eq!(a.likeness(&b).resemblance, 1.0);
    }

    #[test]
    fn a_truncated_copy_is_contained() {
        let whole = Signature::of(REPORT);
        let cut = Signature::of(&REPORT[..REPORT.len() / 2]);
        let l = whole.likeness(&cut);
        assert!(l.resemblance < 0.7, "{l:?}");
        assert!(l.containment >= 0.8, "{l:?}");
        assert!(l.is_duplicate());
    }

    #[test]
    fn another_report_is_not_a_copy() {
        let other = "The central bank raised its main interest rate by half a point on \
            Thursday, its fourth increase this year, saying inflation had not yet peaked. \
            Markets had expected a smaller move and the currency rose against the dollar.";
        let l = Signature::of(REPORT).likeness(&Signature::of(other));
        assert!(l.resemblance < 0.1 && l.containment < 0.2, "{l:?}");
        assert!(!l.is_duplicate());
    }

    #[test]
    fn empty_and_short_texts() {
        let empty = Signature::of("  ... !! ");
        assert!(empty.is_empty());
        assert!(!empty.likeness(&empty).is_duplicate());
        let short = Signature::of("Storm hits");
        assert_eq!(short.shingles, 1);
        assert!(short.likeness(&Signature::of("storm HITS")).is_duplicate());
    }

    #[test]
    fn every_densification_sequence_reaches_every_bucket_soon() {
        for i in 0..HASHES {
            let mut seen = [false; HASHES];
            let mut left = HASHES;
            for (step, j) in donors_of(i).enumerate() {
                if !seen[j] {
                    seen[j] = true;
                    left -= 1;
                }
                if left == 0 {
                    break;
                }
                assert!(step < DONOR_TRIES, "bucket {i}: {left} buckets unreached");
            }
        }
    }

    #[test]
    fn bytes_round_trip() {
        let s = Signature::of(REPORT);
        assert_eq!(Signature::from_bytes(&s.to_bytes(), s.shingles), Some(s));
        assert_eq!(Signature::from_bytes(&[1, 2, 3], 1), None);
    }

    #[test]
    fn near_copies_share_bands() {
        let a = Signature::of(REPORT);
        let b = Signature::of(&REPORT.replace("regional governor", "provincial governor"));
        let (ka, kb) = (a.band_keys(), b.band_keys());
        assert!(ka.iter().zip(kb.iter()).filter(|(x, y)| x == y).count() > BANDS / 4);
    }
}
