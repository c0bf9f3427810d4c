//! The vault as the CLI walks it and reads it: symbolic links, special files and image links
//! that lead out of the notes folder, on real files in a temporary folder.

use assert_cmd::Command;
use std::os::unix::fs::symlink;
use std::path::Path;
use std::time::Duration;

/// A note with one conflicting expansion, so each walk of it shows up as one finding.
const NOTE: &str = "# 정리\n\n## LoRA (Low-Rank Adaptation)\n\n- **장점**: 파라미터 수 감소\n\n\
                    ## QLoRA\n\n- LoRA (Row-rank Adaptation)를 양자화와 결합\n";

fn notedeck(cwd: &Path) -> Command {
    let mut cmd = Command::cargo_bin("notedeck").expect("binary");
    // Never compare with the Anki collection of the machine running the tests.
    cmd.current_dir(cwd)
        .env("ANKI_BASE", cwd.join(".no-anki"))
        .timeout(Duration::from_secs(60));
    cmd
}

fn lint_json(cwd: &Path, args: &[&str]) -> Vec<serde_json::Value> {
    let out = notedeck(cwd)
        .args(["lint", "--format", "json"])
        .args(args)
        .output()
        .expect("run");
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let findings: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).expect("json");
    // Each walk of the note yields one conflicting expansion.
    findings
        .into_iter()
        .filter(|f| f["code"] == "conflicting-expansion")
        .collect()
}

fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(status.success());
}

#[test]
fn symlink_loops_and_links_out_of_the_folder_are_not_walked() {
    let dir = tempfile::tempdir().expect("tmp");
    let notes = dir.path().join("notes");
    std::fs::create_dir(&notes).expect("mkdir");
    std::fs::write(notes.join("a.md"), NOTE).expect("write");
    symlink(".", notes.join("self")).expect("link");
    symlink(".", notes.join("b")).expect("link");
    symlink("/", notes.join("root")).expect("link");
    let outside = dir.path().join("outside.md");
    std::fs::write(&outside, NOTE).expect("write");
    symlink(&outside, notes.join("outside.md")).expect("link");

    let findings = lint_json(dir.path(), &["notes"]);
    let paths: Vec<&str> = findings.iter().filter_map(|f| f["path"].as_str()).collect();
    assert_eq!(paths, ["notes/a.md"], "{findings:#?}");
}

#[test]
fn a_file_named_twice_is_checked_once() {
    let dir = tempfile::tempdir().expect("tmp");
    std::fs::write(dir.path().join("note.md"), NOTE).expect("write");
    let findings = lint_json(dir.path(), &["note.md", "./note.md", "."]);
    assert_eq!(findings.len(), 1, "{findings:#?}");
}

#[test]
fn a_fifo_named_like_a_note_neither_hangs_nor_is_read() {
    let dir = tempfile::tempdir().expect("tmp");
    let notes = dir.path().join("notes");
    std::fs::create_dir(&notes).expect("mkdir");
    std::fs::write(notes.join("a.md"), NOTE).expect("write");
    mkfifo(&notes.join("x.md"));

    assert_eq!(lint_json(dir.path(), &["notes"]).len(), 1);
    notedeck(dir.path())
        .args(["cards", "notes"])
        .assert()
        .success();
    notedeck(dir.path())
        .args(["export", "notes", "-o", "out.apkg"])
        .assert()
        .success();
    // Named on the command line, it is refused at once rather than opened.
    let out = notedeck(dir.path())
        .args(["lint", "notes/x.md"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("not a regular file"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn export_bundles_no_file_from_outside_the_notes_folder() {
    let dir = tempfile::tempdir().expect("tmp");
    let notes = dir.path().join("notes");
    std::fs::create_dir(&notes).expect("mkdir");
    let secret = dir.path().join("secret.png");
    // A real PNG outside the folder: only where it is keeps it out.
    std::fs::write(&secret, b"\x89PNG\r\n\x1a\n secret").expect("write");
    symlink(&secret, notes.join("linked.png")).expect("link");
    std::fs::write(notes.join("text.png"), "PATH=/usr/bin\nTOKEN=abc\n").expect("write");
    std::fs::write(notes.join("ok.png"), b"\x89PNG\r\n\x1a\n fine").expect("write");
    let note = "# 정리\n\n## Grad-CAM\n\n\
                - **원리**: 기울기 ![a](../../../../etc/passwd)\n\
                - **구조**: 구조 ![b](/etc/hosts)\n\
                - **환경**: 환경 ![c](/proc/self/environ)\n\
                - **링크**: 링크 ![d](linked.png)\n\
                - **위장**: 위장 ![e](text.png)\n\
                - **참조**: 참조 ![f][hosts]\n\
                - **상위**: 상위 ![g](../secret.png)\n\
                - **정상**: 정상 ![h](ok.png)\n\n\
                [hosts]: /etc/hosts\n";
    std::fs::write(notes.join("a.md"), note).expect("write");

    let out = notedeck(dir.path())
        .args(["export", "notes", "-o", "out.apkg"])
        .output()
        .expect("run");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains(", 1 media file"), "{stdout}");
    for (line, why) in [
        (5, "outside the notes folder"),
        (6, "outside the notes folder"),
        (7, "outside the notes folder"),
        (8, "outside the notes folder"),
        (9, "not an image"),
        (10, "outside the notes folder"),
        (11, "outside the notes folder"),
    ] {
        let wanted = format!("notes/a.md:{line}: ");
        assert!(
            stderr
                .lines()
                .any(|l| l.contains(&wanted) && l.contains(why)),
            "line {line} ({why}):\n{stderr}"
        );
    }
    let package = std::fs::read(dir.path().join("out.apkg")).expect("package");
    assert!(!package.windows(6).any(|w| w == b"secret"));
}

#[test]
fn lint_and_export_agree_that_a_protocol_relative_image_is_remote() {
    let dir = tempfile::tempdir().expect("tmp");
    let note = "# 정리\n\n## Grad-CAM\n\n- **원리**: 기울기 ![cam](//cdn.example.com/cam.png)\n\
                - **구조**: 구조 ![local](missing.png)\n";
    std::fs::write(dir.path().join("a.md"), note).expect("write");
    let out = notedeck(dir.path())
        .args(["lint", "--format", "json", "a.md"])
        .output()
        .expect("run");
    let findings: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).expect("json");
    let missing: Vec<&str> = findings
        .iter()
        .filter(|f| f["code"] == "missing-image")
        .filter_map(|f| f["message"].as_str())
        .collect();
    assert_eq!(missing.len(), 1, "{missing:?}");
    assert!(missing[0].contains("missing.png"), "{missing:?}");

    let out = notedeck(dir.path())
        .args(["export", "a.md", "-o", "out.apkg"])
        .output()
        .expect("run");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("missing.png"), "{stderr}");
    assert!(!stderr.contains("cdn.example.com"), "{stderr}");
}

#[test]
fn an_image_over_the_size_limit_is_refused_at_once() {
    let dir = tempfile::tempdir().expect("tmp");
    let notes = dir.path().join("notes");
    std::fs::create_dir(&notes).expect("mkdir");
    // A 6 GB PNG, sparse: the size limit must answer before anything is read.
    let huge = std::fs::File::create(notes.join("huge.png")).expect("create");
    std::io::Write::write_all(&mut &huge, b"\x89PNG\r\n\x1a\n").expect("write");
    huge.set_len(6 * 1024 * 1024 * 1024).expect("sparse");
    std::fs::write(
        notes.join("a.md"),
        "# 정리\n\n## Grad-CAM\n\n- **원리**: 기울기 ![big](huge.png)\n",
    )
    .expect("write");
    let started = std::time::Instant::now();
    let out = notedeck(dir.path())
        .args(["export", "notes", "-o", "out.apkg"])
        .output()
        .expect("run");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("notes/a.md:5: image too large"), "{stderr}");
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn a_card_whose_answer_is_only_a_missing_image_is_not_made() {
    let dir = tempfile::tempdir().expect("tmp");
    let notes = dir.path().join("notes");
    std::fs::create_dir(&notes).expect("mkdir");
    std::fs::write(notes.join("here.png"), b"\x89PNG\r\n\x1a\n pixels").expect("write");
    let note = "# 정리\n\n## **1. Grad-CAM**\n\n### 원리\n\n![image.png](gone.png)\n\n\
                ## **2. Score-CAM**\n\n### 원리\n\n![image.png](here.png)\n";
    std::fs::write(notes.join("cam.md"), note).expect("write");

    let out = notedeck(dir.path())
        .args(["cards", "--format", "json", "notes"])
        .output()
        .expect("run");
    assert!(out.status.success());
    let cards: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).expect("json");
    let fronts: Vec<&str> = cards.iter().filter_map(|c| c["front"].as_str()).collect();
    assert_eq!(fronts, ["Score-CAM › 원리"]);

    let table = notedeck(dir.path())
        .args(["cards", "notes"])
        .output()
        .expect("run");
    let table = String::from_utf8_lossy(&table.stdout);
    assert!(
        table.contains("its answer is only an image, and the image is missing (gone.png)"),
        "{table}"
    );

    let out = notedeck(dir.path())
        .args(["export", "notes", "-o", "deck.apkg"])
        .output()
        .expect("run");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("cam.md:5: no card: its answer is only an image"),
        "{stderr}"
    );
}
