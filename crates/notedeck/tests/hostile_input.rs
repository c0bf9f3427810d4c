//! Hostile note text through the real binary: nesting deep enough to overflow a recursive
//! walk, old Mac line endings, NUL bytes, bytes that are not UTF-8. Every command answers
//! with a normal exit code and the note's other cards.

use assert_cmd::Command;
use std::path::Path;

fn notedeck(cwd: &Path, args: &[&str]) -> (String, String, Option<i32>) {
    let out = Command::cargo_bin("notedeck")
        .expect("binary")
        .env("ANKI_BASE", "/nonexistent/notedeck-tests")
        .current_dir(cwd)
        .args(args)
        .output()
        .expect("run");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code(),
    )
}

fn workdir(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tmp");
    std::fs::create_dir(dir.path().join("notes")).expect("mkdir");
    for (name, text) in files {
        std::fs::write(dir.path().join("notes").join(name), text).expect("write");
    }
    dir
}

/// A card, then 100,000 levels of one kind of nesting.
fn deep(nesting: &str) -> Vec<u8> {
    format!(
        "# Deep\n\n- **Kept**: yes\n\n{}x\n",
        nesting.repeat(100_000)
    )
    .into_bytes()
}

#[test]
fn every_command_survives_100k_levels_of_nesting() {
    let lists = deep("- ");
    let quotes = deep(">");
    let mixed = deep("> - ");
    let emphasis = format!(
        "- **Kept**: yes\n\n{}x{}\n",
        "*".repeat(100_000),
        "*".repeat(100_000)
    );
    let dir = workdir(&[
        ("lists.md", &lists),
        ("quotes.md", &quotes),
        ("mixed.md", &mixed),
        ("emphasis.md", emphasis.as_bytes()),
    ]);
    let (out, err, code) = notedeck(dir.path(), &["lint", "notes"]);
    assert!(matches!(code, Some(0 | 1)), "lint: {code:?}\n{out}\n{err}");
    let (out, err, code) = notedeck(dir.path(), &["cards", "notes", "--format", "json"]);
    assert_eq!(code, Some(0), "cards: {out}\n{err}");
    assert_eq!(out.matches("\"key\": \"Kept\"").count(), 4, "cards: {out}");
    let (out, err, code) = notedeck(dir.path(), &["cards", "notes"]);
    assert_eq!(code, Some(0), "cards: {out}\n{err}");
    assert!(out.contains("nested deeper than"), "cards: {out}");
    let (out, err, code) = notedeck(dir.path(), &["export", "notes", "-o", "deck.apkg"]);
    assert_eq!(code, Some(0), "export: {out}\n{err}");
    assert!(dir.path().join("deck.apkg").is_file());
}

const NOTES: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../notes/역량평가 정리.md"
));

/// Lines and columns in the output do not depend on how the note ends its lines.
#[test]
fn lf_crlf_and_lone_cr_notes_give_the_same_cards_and_findings() {
    let outputs: Vec<(String, String, String)> = [
        NOTES.to_string(),
        NOTES.replace('\n', "\r\n"),
        NOTES.replace('\n', "\r"),
    ]
    .iter()
    .map(|text| {
        let dir = workdir(&[("note.md", text.as_bytes())]);
        let (cards, err, code) = notedeck(dir.path(), &["cards", "notes", "--format", "json"]);
        assert_eq!(code, Some(0), "{err}");
        let (listing, _, _) = notedeck(dir.path(), &["cards", "notes"]);
        let (lint, _, code) = notedeck(dir.path(), &["lint", "notes", "--format", "json"]);
        assert_eq!(code, Some(1), "the real notes have findings: {lint}");
        (cards, listing, lint)
    })
    .collect();
    assert!(outputs[0].0.contains("\"line\": 130"), "{}", outputs[0].0);
    for (i, other) in outputs.iter().enumerate().skip(1) {
        assert_eq!(other.0, outputs[0].0, "cards, ending {i}");
        assert_eq!(other.1, outputs[0].1, "listing, ending {i}");
        assert_eq!(other.2, outputs[0].2, "lint, ending {i}");
    }
}

#[test]
fn nul_bytes_never_reach_a_card_field() {
    let text = "# T\0itle\n\n## 문제 1\n\n### **A\0 (Al\0pha)**\n\n- **ke\0y**: va\0lue `co\0de` $x\0$\n- **k2**: ![a\0lt](i\0.png)\n";
    let dir = workdir(&[("nul.md", text.as_bytes())]);
    let (out, err, code) = notedeck(dir.path(), &["cards", "notes", "--format", "json"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("ke\u{FFFD}y"), "{out}");
    assert!(!out.contains("\\u0000") && !out.contains('\0'), "{out}");
}

#[test]
fn an_undecodable_note_is_reported_with_the_line_and_column_of_the_first_bad_byte() {
    // Valid UTF-8 (Korean, CRLF) up to a lone 0xFF, which no legacy encoding reads either.
    let mut text = "# 제목\r\n\r\n- **가**: 나\r\n- **ab**: 다"
        .as_bytes()
        .to_vec();
    text.extend(b"\xff\xfe\xff rest\n");
    let dir = workdir(&[("bad.md", &text)]);
    for command in [
        &["cards", "notes"][..],
        &["export", "notes", "-o", "d.apkg"],
    ] {
        let (out, err, code) = notedeck(dir.path(), command);
        assert_ne!(code, Some(0), "{command:?}: {out}\n{err}");
        assert!(
            err.contains("bad.md:4:12: not valid UTF-8 (byte 0xFF at line 4, column 12)"),
            "{command:?}: {err}"
        );
    }
}
