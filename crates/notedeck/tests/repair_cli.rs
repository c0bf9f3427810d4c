//! `notedeck repair` and how export, cards and lint treat damaged or legacy-encoded notes.

use assert_cmd::Command;
use std::path::{Path, PathBuf};

fn fixture_damaged() -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../notedeck-repair/tests/fixtures/역량평가 정리.damaged.md");
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn restored_notes() -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../notes/역량평가 정리.md");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn notedeck(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("notedeck").expect("the notedeck binary");
    cmd.current_dir(dir);
    cmd
}

/// Characters of the two texts that differ (they have the same length when the repair worked).
fn differences(a: &str, b: &str) -> usize {
    assert_eq!(a.chars().count(), b.chars().count());
    a.chars().zip(b.chars()).filter(|(x, y)| x != y).count()
}

#[test]
fn check_exits_1_on_damage_and_0_on_clean_notes() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("damaged.md"), fixture_damaged()).expect("write");
    std::fs::write(dir.path().join("clean.md"), restored_notes()).expect("write");

    let out = notedeck(dir.path())
        .args(["repair", "--check", "damaged.md"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty(), "--check prints no text");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("Windows-1254"), "{err}");
    assert!(err.contains("2044 of them had lost a byte"), "{err}");

    let out = notedeck(dir.path())
        .args(["repair", "--check", "clean.md"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no encoding damage found"));
}

#[test]
fn repair_prints_the_restored_text_and_lists_uncertain_characters() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("역량평가 정리.md"), fixture_damaged()).expect("write");
    let out = notedeck(dir.path())
        .args(["repair", "역량평가 정리.md"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).expect("UTF-8 output");
    let restored = restored_notes();
    // At most 2% of the 2,044 restored characters differ, nothing else.
    assert!(differences(&text, &restored) <= 40);
    assert!(text.starts_with("# 역량평가 정리\n"));
    let err = String::from_utf8_lossy(&out.stderr);
    // Uncertain characters are listed with their line and alternatives.
    let listed: Vec<&str> = err.lines().filter(|l| l.contains("%; or ")).collect();
    assert!(!listed.is_empty(), "{err}");
    assert!(
        listed.iter().all(|l| l.starts_with("역량평가 정리.md:")),
        "{err}"
    );
    // The file itself is untouched.
    assert_eq!(
        std::fs::read(dir.path().join("역량평가 정리.md")).expect("read"),
        fixture_damaged()
    );
}

#[test]
fn write_replaces_the_file_and_keeps_a_backup() {
    let dir = tempfile::tempdir().expect("temp dir");
    let note = dir.path().join("notes.md");
    std::fs::write(&note, fixture_damaged()).expect("write");
    let out = notedeck(dir.path())
        .args(["repair", "--write", "notes.md"])
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.is_empty());
    assert_eq!(
        std::fs::read(dir.path().join("notes.md.bak")).expect("backup"),
        fixture_damaged()
    );
    let repaired = std::fs::read_to_string(&note).expect("repaired file is UTF-8");
    assert!(differences(&repaired, &restored_notes()) <= 40);
    // No temporary file is left behind.
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");

    // A second run finds nothing and does not touch the file or the backup.
    let out = notedeck(dir.path())
        .args(["repair", "--write", "notes.md"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stderr).contains("nothing to repair"));
    assert_eq!(std::fs::read_to_string(&note).expect("read"), repaired);
}

#[test]
fn missing_file_is_an_io_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = notedeck(dir.path())
        .args(["repair", "--check", "nope.md"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("nope.md"));
}

#[test]
fn export_and_cards_refuse_a_damaged_note_and_name_the_fix() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("역량평가 정리.md"), fixture_damaged()).expect("write");
    for args in [
        vec!["cards", "역량평가 정리.md"],
        vec!["export", "역량평가 정리.md", "-o", "out.apkg"],
    ] {
        let out = notedeck(dir.path()).args(&args).output().expect("runs");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(
            err.contains("notedeck repair --write '역량평가 정리.md'"),
            "{args:?}: {err}"
        );
        assert!(err.contains("Windows-1254"), "{err}");
        assert!(!dir.path().join("out.apkg").exists());
    }
}

/// Lint reports the damage as the editor does: one `damaged-encoding` error on the first
/// damaged line, none of the other rules' noise about mojibake, exit 1.
#[test]
fn lint_reports_a_damaged_note_as_one_finding() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("역량평가 정리.md"), fixture_damaged()).expect("write");
    let out = notedeck(dir.path())
        .args(["lint", "--format", "json", "역량평가 정리.md"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let findings: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(findings.len(), 1, "{findings:#?}");
    let f = &findings[0];
    assert_eq!(f["code"], "damaged-encoding");
    assert_eq!(f["severity"], "error");
    assert_eq!(f["range"]["start"]["line"], 0, "the title line: {f:#}");
    let message = f["message"].as_str().unwrap_or_default();
    assert!(
        message.contains("Windows-1254") && message.contains("notedeck repair --write"),
        "{message}"
    );
}

#[test]
fn a_cp949_note_is_read_with_a_warning() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = "# 역량평가 정리\n\n## 1. BERT\n\n- **구조**: Transformer **Encoder**만 사용\n";
    let (bytes, _, _) = encoding_rs::EUC_KR.encode(text);
    std::fs::write(dir.path().join("cp949.md"), &bytes).expect("write");
    let out = notedeck(dir.path())
        .args(["lint", "cp949.md"])
        .output()
        .expect("runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(matches!(out.status.code(), Some(0 | 1)), "{err}");
    assert!(
        err.contains("cp949.md") && err.contains("CP949/EUC-KR"),
        "{err}"
    );

    // `repair --write` turns it into UTF-8.
    let out = notedeck(dir.path())
        .args(["repair", "--write", "cp949.md"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("cp949.md")).expect("UTF-8 now"),
        text
    );
}

/// Run `repair --write` (plus `extra` arguments) in `dir`; returns the exit code and stderr.
fn repair_write(dir: &Path, file: &str, extra: &[&str]) -> (Option<i32>, String) {
    let out = notedeck(dir)
        .args(["repair", "--write"])
        .args(extra)
        .arg(file)
        .output()
        .expect("runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_second_repair_never_overwrites_an_earlier_backup() {
    let dir = tempfile::tempdir().expect("temp dir");
    let note = dir.path().join("notes.md");
    std::fs::write(&note, fixture_damaged()).expect("write");
    let (code, stderr) = repair_write(dir.path(), "notes.md", &[]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stderr.contains("notes.md.bak"), "{stderr}");

    // The note is damaged again (a different text this time) and repaired again.
    let mut damaged_again = fixture_damaged();
    damaged_again.extend_from_slice("\nì—ëŸ‰ again\n".as_bytes());
    for round in 1..=2 {
        std::fs::write(&note, &damaged_again).expect("write");
        let (code, stderr) = repair_write(dir.path(), "notes.md", &[]);
        assert_eq!(code, Some(0), "{stderr}");
        let backup = format!("notes.md.bak.{round}");
        assert!(
            stderr.contains(&format!("the text before the repair is in {backup}")),
            "{stderr}"
        );
        assert_eq!(
            std::fs::read(dir.path().join(&backup)).expect("new backup"),
            damaged_again
        );
    }
    // The first backup still holds the text as it was before any repair.
    assert_eq!(
        std::fs::read(dir.path().join("notes.md.bak")).expect("first backup"),
        fixture_damaged()
    );
}

#[cfg(unix)]
#[test]
fn repair_keeps_mode_and_owner_and_refuses_a_read_only_file_without_force() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let dir = tempfile::tempdir().expect("temp dir");
    let note = dir.path().join("notes.md");
    std::fs::write(&note, fixture_damaged()).expect("write");
    std::fs::set_permissions(&note, std::fs::Permissions::from_mode(0o640)).expect("chmod");
    // Only root may give the file away; as anyone else the owner check is moot.
    let owner = std::os::unix::fs::chown(&note, Some(4321), Some(4322))
        .ok()
        .map(|()| (4321, 4322));
    let (code, stderr) = repair_write(dir.path(), "notes.md", &[]);
    assert_eq!(code, Some(0), "{stderr}");
    for path in [note.clone(), dir.path().join("notes.md.bak")] {
        let meta = std::fs::metadata(&path).expect("stat");
        assert_eq!(meta.permissions().mode() & 0o7777, 0o640, "{path:?}");
        if let Some(owner) = owner {
            assert_eq!((meta.uid(), meta.gid()), owner, "{path:?}");
        }
    }

    // Read-only: refused and untouched, no backup made; with --force, repaired and still
    // read-only.
    std::fs::write(&note, fixture_damaged()).expect("write");
    std::fs::set_permissions(&note, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    let (code, stderr) = repair_write(dir.path(), "notes.md", &[]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr.contains("notes.md: the file is read-only") && stderr.contains("--force"),
        "{stderr}"
    );
    assert_eq!(std::fs::read(&note).expect("read"), fixture_damaged());
    assert!(!dir.path().join("notes.md.bak.1").exists());
    let (code, stderr) = repair_write(dir.path(), "notes.md", &["--force"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_ne!(std::fs::read(&note).expect("read"), fixture_damaged());
    let mode = std::fs::metadata(&note).expect("stat").permissions().mode();
    assert_eq!(mode & 0o7777, 0o444);
}

#[cfg(unix)]
#[test]
fn repair_writes_through_a_symlink_to_its_target() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(dir.path().join("vault")).expect("mkdir");
    let target = dir.path().join("vault/notes.md");
    std::fs::write(&target, fixture_damaged()).expect("write");
    let link = dir.path().join("link.md");
    std::os::unix::fs::symlink("vault/notes.md", &link).expect("symlink");

    let (code, stderr) = repair_write(dir.path(), "link.md", &[]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("lstat")
            .file_type()
            .is_symlink(),
        "the link was replaced by a file"
    );
    let repaired = std::fs::read_to_string(&target).expect("target is UTF-8 now");
    assert!(differences(&repaired, &restored_notes()) <= 40);
    assert_eq!(
        std::fs::read(dir.path().join("vault/notes.md.bak")).expect("backup beside the target"),
        fixture_damaged()
    );
    assert!(stderr.contains("vault/notes.md.bak"), "{stderr}");
}

/// `--format json`: every restored character, placed in the repaired text by 1-based line and
/// UTF-16 column (as the linter places findings), with the choice, the alternatives and the
/// confidence; the uncertain ones are flagged and counted.
#[test]
fn json_lists_every_restored_character_where_it_is_in_the_repaired_text() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("note.md"), fixture_damaged()).expect("write");
    let repaired = notedeck(dir.path())
        .args(["repair", "note.md"])
        .output()
        .expect("runs");
    let repaired = String::from_utf8(repaired.stdout).expect("utf-8");
    let out = notedeck(dir.path())
        .args(["repair", "note.md", "--format", "json"])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(report["damaged"], true);
    assert_eq!(report["code_page"], "Windows-1254");
    let restored = report["restored"].as_array().expect("restored");
    assert!(restored.len() > 1000, "{}", restored.len());
    let lines: Vec<&str> = repaired.split('\n').collect();
    let mut uncertain = 0;
    for r in restored {
        let line = lines[r["line"].as_u64().expect("line") as usize - 1];
        let column = r["column"].as_u64().expect("column") as usize;
        // The character starting at that UTF-16 column of the line.
        let mut units = 0;
        let at = line
            .chars()
            .find(|c| {
                let here = units;
                units += c.len_utf16();
                here == column
            })
            .map(|c| c.to_string());
        assert_eq!(at.as_deref(), r["chosen"].as_str(), "{r}");
        let confidence = r["confidence"].as_f64().expect("confidence");
        assert!((0.0..=1.0).contains(&confidence), "{r}");
        if r["uncertain"] == true {
            uncertain += 1;
        }
        for alt in r["alternatives"].as_array().expect("alternatives") {
            assert_ne!(alt["char"], r["chosen"], "{r}");
        }
    }
    assert_eq!(report["uncertain"], uncertain);
}
