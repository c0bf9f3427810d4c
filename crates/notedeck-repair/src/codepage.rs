//! Single-byte code pages that UTF-8 gets mis-decoded as, and the reverse mapping back to bytes.

use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;

/// A single-byte code page that UTF-8 text was wrongly decoded as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CodePage {
    /// Windows-1252 (Western European; what most tools mean by "ANSI" or "Latin-1").
    Windows1252,
    /// Windows-1254 (Turkish): like 1252 but with Ğ İ Ş ğ ı ş and without Ž ž.
    Windows1254,
    /// ISO-8859-1 proper: bytes 0x80-0x9F became invisible C1 control characters.
    Latin1,
}

impl CodePage {
    /// The encoding's usual label.
    pub fn name(self) -> &'static str {
        match self {
            CodePage::Windows1252 => "Windows-1252",
            CodePage::Windows1254 => "Windows-1254",
            CodePage::Latin1 => "ISO-8859-1",
        }
    }
}

impl fmt::Display for CodePage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The byte a character stands for in any of the code pages above, if it is one of their
/// characters (ASCII maps to itself). The code pages agree wherever they overlap: a character has
/// at most one byte across all three.
pub(crate) fn byte_of(ch: char) -> Option<u8> {
    if ch.is_ascii() {
        return Some(ch as u8);
    }
    let (table, highest) = reverse_table();
    // Hangul and most other letters of a note lie above every character of the pages: no
    // look-up for them (the detection asks for every character of the note).
    if ch > *highest {
        return None;
    }
    table.get(&ch).copied()
}

/// The highest first byte the UTF-8 of a non-ASCII character of the pages has: a character
/// whose UTF-8 starts with a byte above it, or below 0xC2 (ASCII, a continuation byte), has no
/// byte in the pages.
pub(crate) fn highest_lead() -> u8 {
    let mut buf = [0u8; 4];
    reverse_table().1.encode_utf8(&mut buf);
    buf[0]
}

/// The characters of the pages with their bytes, and the highest of those characters.
fn reverse_table() -> &'static (HashMap<char, u8>, char) {
    static TABLE: OnceLock<(HashMap<char, u8>, char)> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = HashMap::new();
        // Latin-1 first: U+0080..U+00FF are bytes 0x80..0xFF. The Windows pages then add their
        // printable characters for 0x80..0x9F (encoding_rs maps the bytes they leave undefined
        // to the same C1 controls, which is consistent).
        for byte in 0x80u8..=0xFF {
            table.insert(char::from(byte), byte);
        }
        for encoding in [encoding_rs::WINDOWS_1252, encoding_rs::WINDOWS_1254] {
            for byte in 0x80u8..=0xFF {
                let input = [byte];
                let (text, _) = encoding.decode_without_bom_handling(&input);
                if let Some(ch) = text.chars().next() {
                    table.entry(ch).or_insert(byte);
                }
            }
        }
        let highest = table.keys().copied().max().unwrap_or('\u{ff}');
        (table, highest)
    })
}

/// The character `byte` (0x80..=0xFF) decodes to in `page`; undefined bytes become the C1
/// control of the same number, as in the WHATWG decoders.
pub(crate) fn char_of(page: CodePage, byte: u8) -> char {
    let encoding = match page {
        CodePage::Windows1252 => encoding_rs::WINDOWS_1252,
        CodePage::Windows1254 => encoding_rs::WINDOWS_1254,
        CodePage::Latin1 => return char::from(byte),
    };
    let input = [byte];
    let (text, _) = encoding.decode_without_bom_handling(&input);
    text.chars().next().unwrap_or(char::from(byte))
}

/// Characters that only Windows-1254 has (at bytes 0xD0 0xDD 0xDE 0xF0 0xFD 0xFE).
pub(crate) fn is_turkish_only(ch: char) -> bool {
    matches!(ch, 'Ğ' | 'İ' | 'Ş' | 'ğ' | 'ı' | 'ş')
}

/// Characters that Windows-1252 has and Windows-1254 leaves undefined (0x8E, 0x9E).
pub(crate) fn is_1252_only(ch: char) -> bool {
    matches!(ch, 'Ž' | 'ž')
}

/// Printable characters of the Windows pages at 0x80..0x9F (ISO-8859-1 has controls there).
pub(crate) fn is_windows_high(ch: char) -> bool {
    let cp = ch as u32;
    cp > 0xFF && byte_of(ch).is_some_and(|b| (0x80..=0x9F).contains(&b))
}

/// The bytes a tool drops when it decodes with `page` and then saves: the ones the page leaves
/// undefined, and the soft hyphen (0xAD), which editors strip as invisible.
pub(crate) fn droppable(page: CodePage, saw_zcaron: bool, saw_c1: bool) -> Vec<u8> {
    let mut bytes = vec![0x81, 0x8D, 0x8F, 0x90, 0x9D, 0xAD];
    match page {
        CodePage::Windows1254 => bytes.extend([0x8E, 0x9E]),
        // Without Ž/ž in the text, 0x8E and 0x9E may have been dropped too.
        CodePage::Windows1252 if !saw_zcaron => bytes.extend([0x8E, 0x9E]),
        CodePage::Windows1252 => {}
        CodePage::Latin1 if !saw_c1 => bytes.extend(0x80..=0x9F),
        CodePage::Latin1 => bytes = vec![0xAD],
    }
    bytes.sort_unstable();
    bytes.dedup();
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reverse_table_round_trips_windows_1254() {
        for byte in 0x80u8..=0xFF {
            let ch = char_of(CodePage::Windows1254, byte);
            assert_eq!(byte_of(ch), Some(byte), "{ch:?}");
        }
        assert_eq!(byte_of('ğ'), Some(0xF0));
        assert_eq!(byte_of('ð'), Some(0xF0));
        assert_eq!(byte_of('€'), Some(0x80));
        assert_eq!(byte_of('한'), None);
    }
}
