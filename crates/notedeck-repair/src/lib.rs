//! Detect and repair text damaged by a wrong encoding.
//!
//! The damage this crate undoes: a UTF-8 file was read as a single-byte code page (Windows-1252,
//! Windows-1254 or ISO-8859-1) and saved again as UTF-8, so "역량평가" became "ì—ëŸ‰í‰ê°€". Tools
//! that do this also drop the bytes the code page leaves undefined (0x81, 0x8D, 0x8E, 0x8F, 0x90,
//! 0x9D, 0x9E) and soft hyphens (0xAD), so some characters lost a byte for good. [`repair`]
//! re-encodes through the code page and, where a byte is missing, chooses among the few
//! characters that could have been there with a Korean syllable trigram model compiled into the
//! binary. Every such choice comes with a confidence and the alternatives.
//!
//! Files that are not UTF-8 at all (CP949/EUC-KR, Shift-JIS) are handled by [`decode_bytes`].
//!
//! All functions are pure and never panic on any input.

mod choose;
mod codepage;
mod document;
mod model;
mod scan;

pub use codepage::CodePage;

/// Offset of the first byte at or after `from` for which `wanted` holds, or the end. Whole
/// blocks of 32 bytes without one are passed in one test the compiler vectorises: the scans
/// of whole notes (this crate's for code-page characters, the checker's for emphasis marks)
/// spend most of their time on text with nothing to find.
pub fn next_byte(bytes: &[u8], from: usize, wanted: impl Fn(u8) -> bool) -> usize {
    let mut i = from.min(bytes.len());
    while let Some(block) = bytes.get(i..i + 32) {
        if block.iter().fold(false, |acc, &b| acc | wanted(b)) {
            break;
        }
        i += 32;
    }
    bytes
        .get(i..)
        .unwrap_or_default()
        .iter()
        .position(|&b| wanted(b))
        .map_or(bytes.len(), |p| i + p)
}

use choose::{Context, Lattice};
use scan::{Scan, Unit};
use std::ops::Range;

/// Restored characters below this confidence are reported as uncertain.
///
/// The confidence is a floored posterior (see [`Restored::confidence`]); the threshold is the
/// lowest round value that flags every wrong choice on the user's notes (their highest
/// confidence is 0.977); docs/repair.md has the figures, held-out texts included.
pub const UNCERTAIN_BELOW: f32 = 0.98;

/// What [`detect`] found: the text is mojibake of UTF-8.
#[derive(Debug, Clone, PartialEq)]
pub struct Damage {
    /// The code page the UTF-8 bytes were wrongly decoded as.
    pub code_page: CodePage,
    /// Original characters that appear as mojibake (each one is several characters now).
    pub damaged_chars: usize,
    /// Of those, characters that also lost a byte and must be guessed.
    pub lost_bytes: usize,
    /// Byte offset of the first damaged character in the text.
    pub first_offset: usize,
    /// 1-based line of the first damaged character (for messages).
    pub first_line: usize,
}

/// The result of [`repair`].
#[derive(Debug, Clone)]
pub struct Repair {
    /// The repaired text (the input unchanged when it was not damaged).
    pub text: String,
    /// What was detected; `None` when the text is clean and nothing was changed.
    pub damage: Option<Damage>,
    /// Every character that had lost a byte, in text order, with the choice made.
    pub restored: Vec<Restored>,
    /// Damaged sequences no candidate fitted; left as they were.
    pub unrepaired: usize,
}

impl Repair {
    /// Whether the repaired text differs from the input.
    pub fn changed(&self) -> bool {
        self.damage.is_some()
    }

    /// Restored characters whose confidence is below [`UNCERTAIN_BELOW`].
    pub fn uncertain(&self) -> impl Iterator<Item = &Restored> {
        self.restored.iter().filter(|r| r.is_uncertain())
    }
}

/// One character that had lost a byte, as restored.
#[derive(Debug, Clone, PartialEq)]
pub struct Restored {
    /// Byte range of the character in [`Repair::text`].
    pub span_in_output: Range<usize>,
    /// 1-based line of the character in [`Repair::text`].
    pub line: usize,
    /// The character chosen.
    pub chosen: char,
    /// Probability of the chosen character given its neighbours (0..=1), computed so that it
    /// is not more certain than the counts behind it: every trigram probability is mixed with a
    /// little of the syllable's own frequency (an unseen syllable pair is not near-impossible),
    /// and of the posteriors with and without the document's own statistics the lower one
    /// counts (a document that repeats a wrong reading must not vouch for it).
    pub confidence: f32,
    /// The other characters that fit the remaining bytes, most probable first, with their
    /// probabilities in the same posterior as `confidence` (only those of at least 1%).
    pub alternatives: Vec<(char, f32)>,
}

impl Restored {
    /// Whether the choice is worth a human look.
    pub fn is_uncertain(&self) -> bool {
        self.confidence < UNCERTAIN_BELOW
    }
}

/// Whether `text` is UTF-8 mis-decoded as a single-byte code page, and how badly.
///
/// Cheap (one pass, no model) and conservative: clean text in Korean, English, Turkish, French,
/// emoji or math is never flagged.
pub fn detect(text: &str) -> Option<Damage> {
    let scan = Scan::new(text);
    damage_of(text, &scan)
}

/// Repair `text` if [`detect`] finds it damaged; otherwise return it unchanged.
///
/// Lost bytes are chosen with the built-in model adapted to `text` itself: the intact text and
/// the confident choices make a cache model of the document for a second pass (see
/// `choose::Cache`).
pub fn repair(text: &str) -> Repair {
    repair_with(text, true)
}

/// [`repair`], with or without the document cache (without: for measuring what it brings).
fn repair_with(text: &str, adapt: bool) -> Repair {
    let scan = Scan::new(text);
    let Some(damage) = damage_of(text, &scan) else {
        return Repair {
            text: text.to_string(),
            damage: None,
            restored: Vec::new(),
            unrepaired: 0,
        };
    };
    let droppable = codepage::droppable(damage.code_page, scan.saw_zcaron, scan.saw_c1);

    // First pass: the lattice of tokens, with a choice wherever bytes were lost.
    let mut lattice = Lattice::default();
    let mut choices: Vec<(usize, Vec<choose::Candidate>)> = Vec::new(); // (unit index, cands)
    let mut unit_choice: Vec<Option<usize>> = vec![None; scan.units.len()];
    for (u, unit) in scan.units.iter().enumerate() {
        match unit {
            Unit::Keep(range) => {
                for ch in text.get(range.clone()).unwrap_or("").chars() {
                    lattice.push_char(ch);
                }
            }
            Unit::Complete { ch, .. } => lattice.push_char(*ch),
            Unit::Truncated {
                src,
                lead,
                present,
                need,
            } => {
                let context = context_at(text, src.start);
                let cands = choose::candidates(*lead, present, *need, &droppable, &context);
                match cands.len() {
                    0 => lattice.push_fixed(model::T_OTHER),
                    _ => {
                        let node = lattice.push_choice(cands.clone());
                        unit_choice[u] = Some(choices.len());
                        choices.push((node, cands));
                    }
                }
            }
        }
    }
    let words = document::words(text, &scan.units, &unit_choice);
    let decisions = lattice.decide(|d| document::agree(&words, d), adapt);

    // Second pass: write the text.
    let mut out = String::with_capacity(text.len());
    let mut restored = Vec::with_capacity(choices.len());
    let mut unrepaired = 0;
    let mut line = 1;
    let mut line_counted_to = 0;
    for (u, unit) in scan.units.iter().enumerate() {
        match unit {
            Unit::Keep(range) => out.push_str(text.get(range.clone()).unwrap_or("")),
            Unit::Complete { ch, .. } => out.push(*ch),
            Unit::Truncated { src, .. } => {
                let Some(k) = unit_choice[u] else {
                    unrepaired += 1;
                    out.push_str(text.get(src.clone()).unwrap_or(""));
                    continue;
                };
                let (node, cands) = &choices[k];
                let Some((_, decision)) = decisions.get(k).filter(|(n, _)| n == node) else {
                    unrepaired += 1;
                    out.push_str(text.get(src.clone()).unwrap_or(""));
                    continue;
                };
                let Some(chosen) = cands.get(decision.chosen) else {
                    unrepaired += 1;
                    out.push_str(text.get(src.clone()).unwrap_or(""));
                    continue;
                };
                line += out[line_counted_to..].matches('\n').count();
                line_counted_to = out.len();
                let start = out.len();
                out.push(chosen.ch);
                let (confidence, posterior) = decision.calibrated();
                let confidence = confidence.clamp(0.0, 1.0);
                let alternatives = posterior
                    .iter()
                    .filter(|&&(i, p)| i != decision.chosen && p >= 0.01)
                    .filter_map(|&(i, p)| Some((cands.get(i)?.ch, p)))
                    .collect();
                restored.push(Restored {
                    span_in_output: start..out.len(),
                    line,
                    chosen: chosen.ch,
                    confidence,
                    alternatives,
                });
            }
        }
    }
    Repair {
        text: out,
        damage: Some(damage),
        restored,
        unrepaired,
    }
}

/// Damage `text` the way the user's notes were damaged, for tests and evaluation: encode as
/// UTF-8, decode each byte with `code_page`, and drop soft hyphens and the bytes that page leaves
/// undefined (none for ISO-8859-1, which keeps 0x80-0x9F as C1 controls).
pub fn simulate_damage(text: &str, code_page: CodePage) -> String {
    // A real ISO-8859-1 decoder keeps 0x80-0x9F as (invisible) C1 controls.
    let dropped = codepage::droppable(
        code_page,
        code_page == CodePage::Windows1252,
        code_page == CodePage::Latin1,
    );
    let mut out = String::with_capacity(text.len() * 2);
    for &byte in text.as_bytes() {
        if byte.is_ascii() {
            out.push(byte as char);
        } else if !dropped.contains(&byte) {
            out.push(codepage::char_of(code_page, byte));
        }
    }
    out
}

/// The largest char boundary of `text` at or before `at`.
fn floor_char_boundary(text: &str, mut at: usize) -> usize {
    while at > 0 && !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn damage_of(text: &str, scan: &Scan) -> Option<Damage> {
    if !scan.is_damaged() {
        return None;
    }
    let first_offset = scan.first.unwrap_or(0);
    // `\n`, `\r\n` and a lone `\r` each end a line.
    let before = text.get(..first_offset).unwrap_or("");
    let lone_crs = before
        .match_indices('\r')
        .filter(|&(i, _)| text.as_bytes().get(i + 1) != Some(&b'\n'))
        .count();
    let first_line = 1 + before.matches('\n').count() + lone_crs;
    Some(Damage {
        code_page: scan.code_page(),
        damaged_chars: scan.complete + scan.truncated + scan.lone_leads,
        lost_bytes: scan.truncated + scan.lone_leads,
        first_offset,
        first_line,
    })
}

fn context_at(text: &str, at: usize) -> Context<'_> {
    // The line, but at most this far either side: a file without line breaks must not make
    // every lookup scan the whole text.
    const REACH: usize = 4096;
    let floor = floor_char_boundary(text, at.saturating_sub(REACH));
    let start = text
        .get(floor..at)
        .and_then(|s| s.rfind(['\n', '\r']))
        .map_or(floor, |i| floor + i + 1);
    let ceiling = floor_char_boundary(text, (at + REACH).min(text.len()));
    let end = text
        .get(at..ceiling)
        .and_then(|s| s.find(['\n', '\r']))
        .map_or(ceiling, |i| at + i);
    Context {
        line: text.get(start..end).unwrap_or(""),
        at: at - start,
    }
}

/// Bytes of a file decoded to text, and how.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    /// The text.
    pub text: String,
    /// The encoding it was read as ("UTF-8", "EUC-KR", "Shift_JIS", "UTF-16LE", ...).
    pub encoding: &'static str,
    /// Set when the file was not UTF-8: what to tell the user.
    pub warning: Option<String>,
    /// True when no encoding fitted and invalid bytes were replaced with U+FFFD.
    pub lossy: bool,
}

/// Decode a file's bytes: UTF-8 (a BOM is dropped) when valid; otherwise a UTF-16 file with a
/// BOM, or the legacy East Asian encoding that decodes without errors and reads most like its
/// language (CP949/EUC-KR for Korean, Shift-JIS for Japanese), with a warning. Anything else is
/// decoded lossily and flagged.
pub fn decode_bytes(bytes: &[u8]) -> Decoded {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // Every note of a vault comes through here, mostly Korean (three bytes a character),
    // where std's check ran at a few hundred MB/s and took a twentieth of a lint.
    if let Ok(text) = simdutf8::basic::from_utf8(body) {
        return Decoded {
            text: text.to_string(),
            encoding: "UTF-8",
            warning: None,
            lossy: false,
        };
    }
    if let Some((encoding, _)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _, lossy) = encoding.decode(bytes);
        return Decoded {
            text: text.into_owned(),
            encoding: encoding.name(),
            warning: Some(format!("decoded as {} (byte order mark)", encoding.name())),
            lossy,
        };
    }
    let mut best: Option<(i64, &'static encoding_rs::Encoding, String)> = None;
    for encoding in [encoding_rs::EUC_KR, encoding_rs::SHIFT_JIS] {
        let Some(text) = encoding.decode_without_bom_handling_and_without_replacement(bytes) else {
            continue;
        };
        let score = plausibility(encoding, &text);
        if best.as_ref().is_none_or(|(s, _, _)| score > *s) {
            best = Some((score, encoding, text.into_owned()));
        }
    }
    match best {
        Some((score, encoding, text)) if score > 0 => {
            let name = if encoding == encoding_rs::EUC_KR {
                "CP949/EUC-KR"
            } else {
                "Shift_JIS"
            };
            Decoded {
                text,
                encoding: name,
                warning: Some(format!(
                    "not UTF-8; decoded as {name}. Save the file as UTF-8 to silence this"
                )),
                lossy: false,
            }
        }
        _ => Decoded {
            text: String::from_utf8_lossy(body).into_owned(),
            encoding: "UTF-8",
            warning: Some("not valid UTF-8 and no known encoding fits".to_string()),
            lossy: true,
        },
    }
}

/// How much a decoding reads like the language of its encoding: characters of the expected
/// script count for it, half-width katakana (what Korean bytes become in Shift-JIS) against.
fn plausibility(encoding: &'static encoding_rs::Encoding, text: &str) -> i64 {
    let mut score = 0i64;
    for ch in text.chars() {
        let cp = ch as u32;
        let good = if encoding == encoding_rs::EUC_KR {
            model::is_hangul_syllable(ch)
        } else {
            (0x3040..=0x30FF).contains(&cp) || (0x4E00..=0x9FFF).contains(&cp)
        };
        if good {
            score += 1;
        } else if (0xFF61..=0xFF9F).contains(&cp) {
            score -= 1;
        }
    }
    score
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Characters that differ between two texts of equal length.
    fn errors(original: &str, repaired: &str) -> usize {
        original
            .chars()
            .zip(repaired.chars())
            .filter(|(a, b)| a != b)
            .count()
    }

    #[test]
    fn the_document_cache_fixes_choices_on_the_real_notes() {
        let damaged = include_str!("../tests/fixtures/역량평가 정리.damaged.md");
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../notes/역량평가 정리.md");
        let original = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let adapted = errors(&original, &repair_with(damaged, true).text);
        let built_in_only = errors(&original, &repair_with(damaged, false).text);
        assert!(
            adapted < built_in_only,
            "{adapted} errors with the cache, {built_in_only} without"
        );
    }
}
