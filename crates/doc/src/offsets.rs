//! Byte offsets to Unicode code point offsets, computed once per document at the edge.

/// Converts byte offsets of one text into code point offsets (what Python's `text[a:b]`,
/// spaCy and the JSON record use).
///
/// ASCII text needs no table; otherwise one pass builds a table of the code point index at each
/// byte, so that each conversion is O(1).
#[derive(Debug, Clone)]
pub struct CharOffsets {
    table: Option<Vec<u32>>,
}

impl CharOffsets {
    /// Prepares conversions for `text`.
    pub fn new(text: &str) -> Self {
        if text.is_ascii() {
            return CharOffsets { table: None };
        }
        let mut table = Vec::with_capacity(text.len() + 1);
        let mut chars = 0u32;
        for (i, c) in text.char_indices() {
            debug_assert_eq!(table.len(), i);
            table.extend(std::iter::repeat_n(chars, c.len_utf8()));
            chars += 1;
        }
        table.push(chars);
        CharOffsets { table: Some(table) }
    }

    /// The code point offset of byte offset `byte`. A byte inside a multi-byte character maps
    /// to that character's index.
    ///
    /// # Panics
    /// When `byte` is past the end of the text.
    #[inline]
    pub fn to_char(&self, byte: u32) -> u32 {
        match &self.table {
            None => byte,
            Some(table) => table[byte as usize],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn ascii_is_identity_and_unicode_counts_code_points() {
        assert_eq!(CharOffsets::new("abc").to_char(2), 2);
        let text = "‘Ça va’ — yes";
        let conv = CharOffsets::new(text);
        let byte = text.find("yes").unwrap();
        assert_eq!(conv.to_char(byte as u32), 10);
        assert_eq!(conv.to_char(text.len() as u32), text.chars().count() as u32);
    }

    proptest! {
        #[test]
        fn matches_char_counting(text in "\\PC{0,40}") {
            let conv = CharOffsets::new(&text);
            for (i, _) in text.char_indices() {
                prop_assert_eq!(conv.to_char(i as u32) as usize, text[..i].chars().count());
            }
        }
    }
}
