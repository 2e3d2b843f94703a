//! [`WordMap`]: a hash map from words to what a lexicon knows of them, made for a lookup per
//! token.
//!
//! A word of up to 15 bytes (nearly every word of running text) is packed with its length
//! into a `u128`, lowercased on the way when the map ignores ASCII case. Hashing it is two
//! multiplications and comparing it is one integer comparison: no call to `memcmp` on a hit
//! and no lowercase copy before the lookup. Longer words go to an ordinary map.

use rustc_hash::FxHashMap;

/// Words of at most this many bytes are packed into a `u128` key.
const SHORT: usize = 15;

/// A map from words to values, either exact or ignoring ASCII case.
///
/// ```
/// use newsgraph_lexicon::word_map::WordMap;
///
/// let mut map = WordMap::ignore_ascii_case();
/// map.insert("Killed", 1);
/// assert_eq!(map.get("KILLED"), Some(&1));
/// assert_eq!(map.get("kill"), None);
///
/// let mut exact = WordMap::exact();
/// exact.insert("May", 5);
/// assert_eq!(exact.get("may"), None);
/// ```
#[derive(Clone, Debug)]
pub struct WordMap<V> {
    short: FxHashMap<u128, V>,
    long: FxHashMap<Box<str>, V>,
    fold: bool,
}

/// An empty exact map, as [`WordMap::exact`].
impl<V> Default for WordMap<V> {
    fn default() -> Self {
        Self::exact()
    }
}

impl<V> WordMap<V> {
    /// An empty map whose keys ignore ASCII case (`Police`, `POLICE` and `police` are one
    /// key; other scripts are compared as they are).
    pub fn ignore_ascii_case() -> Self {
        Self {
            short: FxHashMap::default(),
            long: FxHashMap::default(),
            fold: true,
        }
    }

    /// An empty map whose keys are compared byte for byte.
    pub fn exact() -> Self {
        Self {
            fold: false,
            ..Self::ignore_ascii_case()
        }
    }

    /// Sets the value of `word`, returning the one it replaces.
    pub fn insert(&mut self, word: &str, value: V) -> Option<V> {
        match pack(word.as_bytes(), self.fold) {
            Some(key) => self.short.insert(key, value),
            None => self.long.insert(self.long_key(word).into(), value),
        }
    }

    /// The value of `word`, inserting `make()` first when it has none.
    pub fn entry_or_insert_with(&mut self, word: &str, make: impl FnOnce() -> V) -> &mut V {
        match pack(word.as_bytes(), self.fold) {
            Some(key) => self.short.entry(key).or_insert_with(make),
            None => {
                let key = self.long_key(word).into();
                self.long.entry(key).or_insert_with(make)
            }
        }
    }

    /// The value of `word`, if any.
    #[inline]
    pub fn get(&self, word: &str) -> Option<&V> {
        match pack(word.as_bytes(), self.fold) {
            Some(key) => self.short.get(&key),
            None => self.get_long(word),
        }
    }

    /// True when `word` has a value.
    #[inline]
    pub fn contains(&self, word: &str) -> bool {
        self.get(word).is_some()
    }

    /// The number of words.
    pub fn len(&self) -> usize {
        self.short.len() + self.long.len()
    }

    /// True when the map holds no word.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Removes every word, keeping the memory for the next ones.
    pub fn clear(&mut self) {
        self.short.clear();
        self.long.clear();
    }

    /// Every value to change, in no particular order.
    pub fn values_mut(&mut self) -> impl Iterator<Item = &mut V> {
        self.short.values_mut().chain(self.long.values_mut())
    }

    #[cold]
    fn get_long(&self, word: &str) -> Option<&V> {
        self.long.get(self.long_key(word).as_ref())
    }

    fn long_key<'w>(&self, word: &'w str) -> std::borrow::Cow<'w, str> {
        if self.fold && word.bytes().any(|b| b.is_ascii_uppercase()) {
            std::borrow::Cow::Owned(word.to_ascii_lowercase())
        } else {
            std::borrow::Cow::Borrowed(word)
        }
    }
}

/// The word's bytes (lowercased when `fold`) with its length in the top byte, or `None` for a
/// word longer than [`SHORT`]. The length keeps `a` apart from `a\0`.
///
/// The bytes are read with two overlapping loads (of eight or four bytes) rather than copied
/// into a buffer and read back: a wide load of freshly stored bytes stalls the pipeline.
#[inline]
fn pack(word: &[u8], fold: bool) -> Option<u128> {
    let n = word.len();
    if n > SHORT {
        return None;
    }
    let bytes = if n >= 8 {
        let lo = u64::from_le_bytes(word[..8].try_into().ok()?);
        let last = u64::from_le_bytes(word[n - 8..].try_into().ok()?);
        // the last eight bytes overlap the first eight: keep the n - 8 beyond them
        let hi = if n == 8 { 0 } else { last >> (8 * (16 - n)) };
        u128::from(lo) | (u128::from(hi) << 64)
    } else if n >= 4 {
        let lo = u32::from_le_bytes(word[..4].try_into().ok()?);
        let last = u32::from_le_bytes(word[n - 4..].try_into().ok()?);
        let hi = if n == 4 { 0 } else { last >> (8 * (8 - n)) };
        u128::from(u64::from(lo) | (u64::from(hi) << 32))
    } else if n > 0 {
        u128::from(word[0])
            | (u128::from(word[n / 2]) << (8 * (n / 2)))
            | (u128::from(word[n - 1]) << (8 * (n - 1)))
    } else {
        0
    };
    let mut key = bytes | ((n as u128) << 120);
    if fold {
        key |= ascii_upper_mask(key) >> 2;
    }
    Some(key)
}

/// A bit 0x80 in each byte of `x` that is an ASCII capital (`A` to `Z`), computed on all 16
/// bytes at once: shifted right by two it is the 0x20 that lowercases the byte. The length
/// byte (at most 15) is never a capital.
#[inline]
fn ascii_upper_mask(x: u128) -> u128 {
    const ONES: u128 = u128::MAX / 0xFF;
    const HIGH: u128 = ONES * 0x80;
    let low7 = x & !HIGH;
    // bytes >= 'A' (0x41) and bytes > 'Z' (0x5A), on the low seven bits so no carry crosses
    // a byte; an ASCII byte has its high bit clear
    let at_least_a = low7 + ONES * (0x80 - 0x41);
    let above_z = low7 + ONES * (0x80 - 0x5B);
    at_least_a & !above_z & !x & HIGH
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::HashMap;

    #[test]
    fn packs_every_byte_once() {
        for b in 0..=u8::MAX {
            let word = [b, b'x'];
            let Ok(w) = std::str::from_utf8(&word) else {
                continue;
            };
            let folded = pack(w.as_bytes(), true).unwrap();
            let expected = pack(w.to_ascii_lowercase().as_bytes(), false).unwrap();
            assert_eq!(folded, expected, "byte {b:#x}");
        }
    }

    /// The overlapping loads put each byte where a copy into a zeroed buffer would.
    #[test]
    fn packs_like_a_copy() {
        let text = b"abcdefghijklmnopq";
        for n in 0..=SHORT {
            let mut bytes = [0u8; 16];
            bytes[..n].copy_from_slice(&text[..n]);
            bytes[15] = n as u8;
            assert_eq!(
                pack(&text[..n], false),
                Some(u128::from_le_bytes(bytes)),
                "{n}"
            );
        }
        assert_eq!(pack(&text[..16], false), None);
    }

    #[test]
    fn long_words_and_lengths() {
        let mut map = WordMap::ignore_ascii_case();
        map.insert("Counterinsurgency", 1);
        map.insert("a", 2);
        assert_eq!(map.get("COUNTERINSURGENCY"), Some(&1));
        assert_eq!(map.get("a\0"), None);
        assert_eq!(map.get("A"), Some(&2));
        *map.entry_or_insert_with("counterINSURGENCY", || 0) += 10;
        assert_eq!(map.get("counterinsurgency"), Some(&11));
        assert_eq!(map.len(), 2);
    }

    proptest! {
        /// The map gives what a `HashMap` of lowercased (or exact) `String` keys gives.
        #[test]
        fn agrees_with_a_string_map(
            words in proptest::collection::vec("[a-zA-Z\u{e9}\u{c9}\u{0}-]{0,20}", 1..40),
            probes in proptest::collection::vec("[a-zA-Z\u{e9}\u{c9}\u{0}-]{0,20}", 1..40),
            fold in any::<bool>(),
        ) {
            let norm = |w: &str| if fold { w.to_ascii_lowercase() } else { w.to_string() };
            let mut map = if fold { WordMap::ignore_ascii_case() } else { WordMap::exact() };
            let mut reference = HashMap::new();
            for (i, w) in words.iter().enumerate() {
                prop_assert_eq!(map.insert(w, i), reference.insert(norm(w), i));
            }
            prop_assert_eq!(map.len(), reference.len());
            for w in words.iter().chain(&probes) {
                prop_assert_eq!(map.get(w), reference.get(&norm(w)));
            }
        }
    }
}
