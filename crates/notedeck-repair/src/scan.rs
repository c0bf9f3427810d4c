//! Reading mojibake back into the UTF-8 byte sequences it came from.
//!
//! Each character of a code page stands for one byte. A UTF-8 lead byte (0xC2-0xF4) followed by
//! its continuation bytes (0x80-0xBF) is one original character. Only continuation bytes are ever
//! dropped (the undefined bytes and 0xAD all lie in 0x80-0xBF), so the grouping is exact: a lead
//! followed by fewer continuations than it announces lost that many bytes.

use crate::codepage::{self, CodePage};
use std::ops::Range;

/// One piece of the input.
#[derive(Debug, Clone)]
pub(crate) enum Unit {
    /// Source text kept as it is.
    Keep(Range<usize>),
    /// A complete sequence: the source characters decode to `ch`.
    Complete { ch: char },
    /// A sequence that lost `need - present.len()` continuation bytes.
    Truncated {
        src: Range<usize>,
        lead: u8,
        present: Vec<u8>,
        need: usize,
    },
}

/// The units of a text and the evidence for and against it being mojibake.
#[derive(Debug, Default)]
pub(crate) struct Scan {
    pub units: Vec<Unit>,
    /// Complete sequences (each one original non-ASCII character).
    pub complete: usize,
    /// Complete sequences of 3 or 4 bytes: practically never found by chance in clean text.
    pub complete_long: usize,
    /// Sequences that lost bytes but kept at least one continuation byte.
    pub truncated: usize,
    /// Code-page characters above ASCII that are not part of a sequence: evidence of clean text.
    pub stray: usize,
    /// Lead characters followed by no continuation at all (counted in `stray` too).
    pub lone_leads: usize,
    pub saw_turkish: bool,
    pub saw_zcaron: bool,
    pub saw_c1: bool,
    pub saw_windows_high: bool,
    /// Byte offset of the first complete or truncated sequence.
    pub first: Option<usize>,
}

/// Offset of the first byte at or after `from` that starts a character of the code pages
/// (0xC2..=`highest`), or the end.
fn next_lead(bytes: &[u8], from: usize, highest: u8) -> usize {
    let span = highest.saturating_sub(0xC2);
    crate::next_byte(bytes, from, |b| b.wrapping_sub(0xC2) <= span)
}

impl Scan {
    pub(crate) fn new(text: &str) -> Scan {
        let mut scan = Scan::default();
        // Walked by byte offset, looking at most four characters ahead: a vector of every
        // `(offset, char)` took 16 bytes per character, 320 MB for a 20 MB note.
        let char_at = |at: usize| text.get(at..).and_then(|s| s.chars().next());
        let mut keep_start: Option<usize> = None;
        let mut i = 0;
        // Only characters of the code pages can start a sequence; the others (ASCII, Hangul,
        // nearly all of a note) are kept, found by their first byte without decoding them.
        let highest_lead = codepage::highest_lead();
        let bytes = text.as_bytes();
        loop {
            let skip = next_lead(bytes, i, highest_lead) - i;
            if skip > 0 {
                keep_start.get_or_insert(i);
                i += skip;
            }
            let Some(ch) = char_at(i) else { break };
            let offset = i;
            let need = match codepage::byte_of(ch) {
                Some(b @ 0xC2..=0xDF) => Some((b, 1)),
                Some(b @ 0xE0..=0xEF) => Some((b, 2)),
                Some(b @ 0xF0..=0xF4) => Some((b, 3)),
                Some(0x80..) => {
                    scan.stray += 1;
                    None
                }
                _ => None,
            };
            let Some((lead, need)) = need else {
                keep_start.get_or_insert(offset);
                i += ch.len_utf8();
                continue;
            };
            let mut present = Vec::with_capacity(need);
            let mut j = i + ch.len_utf8();
            while present.len() < need {
                let Some(c) = char_at(j) else { break };
                match codepage::byte_of(c) {
                    Some(b @ 0x80..=0xBF) => present.push(b),
                    _ => break,
                }
                j += c.len_utf8();
            }
            if present.is_empty() {
                // A lone lead: in clean text an accented letter ("é "), in damaged text a
                // character that lost every continuation byte ("자" is EC 9E 90, both
                // undefined in Windows-1254). Evidence against damage for detection; a
                // repair candidate if the text turns out damaged.
                scan.stray += 1;
                scan.lone_leads += 1;
            }
            let end = j;
            let mut bytes = Vec::with_capacity(need + 1);
            bytes.push(lead);
            bytes.extend_from_slice(&present);
            let unit = if present.len() == need {
                match std::str::from_utf8(&bytes)
                    .ok()
                    .and_then(|s| s.chars().next())
                {
                    Some(decoded) => {
                        scan.complete += 1;
                        if need >= 2 {
                            scan.complete_long += 1;
                        }
                        Unit::Complete { ch: decoded }
                    }
                    None => {
                        // Overlong or surrogate: not UTF-8, leave it.
                        scan.stray += 1;
                        keep_start.get_or_insert(offset);
                        i = j;
                        continue;
                    }
                }
            } else {
                if !present.is_empty() {
                    scan.truncated += 1;
                }
                Unit::Truncated {
                    src: offset..end,
                    lead,
                    present,
                    need,
                }
            };
            for c in text.get(i..j).unwrap_or_default().chars() {
                scan.saw_turkish |= codepage::is_turkish_only(c);
                scan.saw_zcaron |= codepage::is_1252_only(c);
                scan.saw_c1 |= ('\u{80}'..='\u{9f}').contains(&c);
                scan.saw_windows_high |= codepage::is_windows_high(c);
            }
            scan.first.get_or_insert(offset);
            if let Some(start) = keep_start.take() {
                scan.units.push(Unit::Keep(start..offset));
            }
            scan.units.push(unit);
            i = j;
        }
        if let Some(start) = keep_start {
            scan.units.push(Unit::Keep(start..text.len()));
        }
        scan
    }

    /// Whether the evidence says the text is UTF-8 decoded with a single-byte code page.
    ///
    /// Clean text in any language yields at most stray accented letters and symbols; mojibake
    /// yields lead+continuation runs that decode as UTF-8. A single 2-byte match ("Ã©") could be
    /// chance, a 3-byte one ("ì—­") practically cannot.
    pub(crate) fn is_damaged(&self) -> bool {
        let sequences = self.complete + self.truncated;
        (self.complete_long >= 1 || self.complete >= 2) && sequences >= 2 * self.stray
    }

    /// The code page the evidence points to.
    pub(crate) fn code_page(&self) -> CodePage {
        if self.saw_turkish {
            CodePage::Windows1254
        } else if self.saw_c1 && !self.saw_windows_high {
            CodePage::Latin1
        } else {
            CodePage::Windows1252
        }
    }
}
