//! `damaged-encoding`: a note that went through a wrong-encoding round trip (UTF-8 read as
//! Windows-1252, Windows-1254 or ISO-8859-1 and saved again), so "역량평가" reads "ì—ëŸ‰í‰ê°€".
//! Every other rule is blind on such a note: its headings, terms and cards are mojibake.
//!
//! The fix is computed lazily. [`damaged_encoding`] reports the finding with no fix, because
//! detecting is one pass over the text while repairing runs a language model over every
//! damaged character (hundreds of milliseconds per megabyte) and the linter never applies it.
//! An editor asked for the actions at the finding calls [`repair_fix`] for the one file.

use crate::{Code, Edit, Finding, Fix, Note};
use notedeck_repair::Damage;
use std::path::Path;

/// The finding for a damaged note, on its first damaged line, without a fix (see
/// [`repair_fix`]); `None` if the text is clean.
pub fn damaged_encoding(path: &Path, note: &Note) -> Option<Finding> {
    let text = &*note.text;
    if !may_be_damaged(text) {
        return None;
    }
    let damage = notedeck_repair::detect(text)?;
    Some(Finding {
        code: Code::DamagedEncoding,
        severity: Code::DamagedEncoding.severity(),
        message: message(&damage),
        path: path.to_path_buf(),
        span: line_at(text, damage.first_offset),
        related: Vec::new(),
        fixes: Vec::new(),
    })
}

/// The fix for a `damaged-encoding` finding: one edit replacing the whole of `text` (the note
/// at `path` as the workspace holds it) with the repaired text. `None` if the text is clean.
/// Costs a full repair of the text; call it for the file whose actions are asked for.
pub fn repair_fix(path: &Path, text: &str) -> Option<Fix> {
    let repair = notedeck_repair::repair(text);
    Some(Fix {
        title: repair_title(&repair)?,
        edits: vec![Edit {
            path: path.to_path_buf(),
            span: 0..text.len(),
            new_text: repair.text,
        }],
        preferred: true,
    })
}

/// The title of the whole-file repair, naming the encoding found and how many characters
/// are restored and unsure; `None` if the text was clean.
pub fn repair_title(repair: &notedeck_repair::Repair) -> Option<String> {
    let damage = repair.damage.as_ref()?;
    Some(format!(
        "Repair the whole file (decoded as {}; {} characters restored, {} uncertain)",
        damage.code_page,
        damage.damaged_chars,
        repair.uncertain().count()
    ))
}

fn message(damage: &Damage) -> String {
    let guessed = if damage.lost_bytes > 0 {
        format!(
            "; {} of them lost a byte and will be guessed",
            damage.lost_bytes
        )
    } else {
        String::new()
    };
    format!(
        "this file was decoded with the wrong encoding (UTF-8 read as {} and saved again): {} \
         characters are mojibake, the first on this line{guessed}. `notedeck repair --write` \
         (or the quick fix) restores it",
        damage.code_page, damage.damaged_chars
    )
}

/// The line holding byte `at`, without its line break.
fn line_at(text: &str, at: usize) -> std::ops::Range<usize> {
    notedeck_parse::line_bounds(text, at)
}

/// Whether `text` has a character [`notedeck_repair::detect`] could take for the first byte
/// of a mojibake sequence. Those are what the code pages decode the UTF-8 lead bytes 0xC2-0xF4
/// as: Latin-1 letters U+00C2-U+00F4 and the Turkish Ğ, ğ, İ, Ş, which UTF-8 writes with a
/// first byte of 0xC3, 0xC4 or 0xC5 (a test checks this for every code page). Notes in Korean,
/// English or math have none, so a `false` here lets the linter and the file readers skip the
/// full detection on nearly every note (`detect` cannot find damage without such a
/// character). Three `contains` rather than one loop over the bytes: the standard library's
/// search is word-at-a-time even in a debug build.
pub fn may_be_damaged(text: &str) -> bool {
    let bytes = text.as_bytes();
    [0xC3, 0xC4, 0xC5].iter().any(|b| bytes.contains(b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use notedeck_repair::CodePage;

    const NOTE: &str = "# 역량평가 정리\n\n## LoRA (Low-Rank Adaptation)\n\n- **장점**: 학습 파라미터 수를 크게 줄임\n";

    #[test]
    fn the_prefilter_sees_every_character_a_code_page_makes_of_a_lead_byte() {
        // The first code point of each UTF-8 lead byte, damaged through every code page: the
        // character the lead byte became must pass `may_be_damaged`.
        let pages = [
            CodePage::Windows1252,
            CodePage::Windows1254,
            CodePage::Latin1,
        ];
        for page in pages {
            // Listing a new code page above is a compile error here until it is handled.
            match page {
                CodePage::Windows1252 | CodePage::Windows1254 | CodePage::Latin1 => {}
            }
            for lead in 0xC2u8..=0xF4 {
                let first = match lead {
                    0xC2..=0xDF => u32::from(lead - 0xC0) << 6,
                    0xE0..=0xEF => (u32::from(lead - 0xE0) << 12).max(0x800),
                    _ => (u32::from(lead - 0xF0) << 18).max(0x10000),
                };
                let Some(c) = (first..first + 0x1000).find_map(char::from_u32) else {
                    continue;
                };
                let mut buf = [0; 4];
                assert_eq!(c.encode_utf8(&mut buf).as_bytes()[0], lead);
                let damaged = notedeck_repair::simulate_damage(&c.to_string(), page);
                assert!(may_be_damaged(&damaged), "{page}: {c:?} became {damaged:?}");
            }
        }
        assert!(!may_be_damaged(NOTE));
    }

    #[test]
    fn a_damaged_note_is_one_error_on_its_first_damaged_line_and_the_fix_restores_it() {
        let damaged = format!(
            "# notes\n\n{}",
            notedeck_repair::simulate_damage(NOTE, CodePage::Windows1252)
        );
        let path = Path::new("a.md");
        let note = Note::new(path, &damaged);
        let finding = damaged_encoding(path, &note).expect("damaged");
        assert_eq!(finding.code, Code::DamagedEncoding);
        assert_eq!(finding.span.start, "# notes\n\n".len());
        assert_eq!(
            &damaged[finding.span.clone()],
            damaged.lines().nth(2).unwrap_or("")
        );
        assert!(
            finding.message.contains("notedeck repair"),
            "{}",
            finding.message
        );
        assert!(finding.fixes.is_empty(), "the fix is built on request");

        let fix = repair_fix(path, &damaged).expect("a fix");
        let [edit] = fix.edits.as_slice() else {
            panic!("one edit: {fix:?}");
        };
        assert_eq!(edit.span, 0..damaged.len());
        assert!(edit.new_text.contains("역량평가"), "{}", edit.new_text);
    }

    #[test]
    fn clean_notes_have_no_finding_and_no_fix() {
        let path = Path::new("a.md");
        for text in [NOTE, "", "café, naïve, Ğ, ±, α → β\n"] {
            assert_eq!(
                damaged_encoding(path, &Note::new(path, text)),
                None,
                "{text}"
            );
            assert_eq!(repair_fix(path, text), None, "{text}");
        }
    }
}
