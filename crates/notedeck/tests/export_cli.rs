//! `notedeck export` and `notedeck cards` as a user runs them, on a copy of the real notes.

use assert_cmd::Command;
use std::path::{Path, PathBuf};

const NOTE: &str = "역량평가 정리.md";

fn notes_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../notes")
}

/// A temporary working directory holding `notes/<NOTE>`.
fn workdir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tmp");
    std::fs::create_dir(dir.path().join("notes")).expect("mkdir");
    std::fs::copy(notes_dir().join(NOTE), dir.path().join("notes").join(NOTE)).expect("copy");
    dir
}

fn notedeck(cwd: &Path) -> Command {
    let mut cmd = Command::cargo_bin("notedeck").expect("binary");
    // Never compare with the Anki collection of the machine running the tests.
    cmd.current_dir(cwd).env("ANKI_BASE", cwd.join(".no-anki"));
    cmd
}

fn cards_json(cwd: &Path) -> Vec<serde_json::Value> {
    let out = notedeck(cwd)
        .args(["cards", "notes", "--format", "json"])
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("cards --format json is JSON")
}

#[test]
fn cards_json_follows_the_contract_on_the_real_notes() {
    let dir = workdir();
    let cards = cards_json(dir.path());
    assert!(!cards.is_empty());
    let text = std::fs::read_to_string(dir.path().join("notes").join(NOTE)).expect("note");
    let lines: Vec<&str> = text.lines().collect();
    let mut ids = std::collections::HashSet::new();
    for card in &cards {
        let id = card["id"].as_str().expect("id");
        assert!(
            !id.is_empty() && ids.insert(id.to_string()),
            "unique id {id}"
        );
        let deck = card["deck"].as_str().expect("deck");
        assert!(deck.starts_with("역량평가 정리"), "{deck}");
        let kind = card["kind"].as_str().expect("kind");
        assert!(
            ["basic", "cloze", "table", "definition"].contains(&kind),
            "{kind}"
        );
        assert!(!card["front"].as_str().expect("front").trim().is_empty());
        if kind != "cloze" {
            assert!(!card["back"].as_str().expect("back").trim().is_empty());
        }
        for tag in card["tags"].as_array().expect("tags") {
            assert!(!tag.as_str().expect("tag").contains(' '));
        }
        let path = card["source"]["path"].as_str().expect("source.path");
        assert!(path.ends_with(NOTE), "{path}");
        let line = card["source"]["line"].as_u64().expect("source.line") as usize;
        assert!((1..=lines.len()).contains(&line), "line {line}");
    }
    // The BERT structure bullet (line 19 of the notes) is a card pointing at its own line.
    let bert = cards
        .iter()
        .find(|c| {
            c["front"]
                .as_str()
                .is_some_and(|f| f.contains("BERT") && f.contains("구조"))
        })
        .expect("BERT › 구조 card");
    let line = bert["source"]["line"].as_u64().expect("line") as usize;
    assert!(lines[line - 1].contains("**구조**"), "{}", lines[line - 1]);
    assert!(bert["back"].as_str().expect("back").contains("Encoder"));
    assert_eq!(bert["deck"], "역량평가 정리::문제 9");
}

#[test]
fn export_defaults_to_notes_and_reports_what_it_wrote() {
    let dir = workdir();
    let cards = cards_json(dir.path());
    let out = notedeck(dir.path()).arg("export").output().expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.starts_with(&format!("notes.apkg: {} cards (", cards.len())),
        "{stdout}"
    );
    assert!(stdout.contains(&format!("notes: {} new, 0 changed", cards.len())));
    // The real notes' Notion images are not on disk: warnings naming file and line.
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("notes/{NOTE}:178: image not found")),
        "{stderr}"
    );
    assert!(dir.path().join("notes.apkg").is_file());
    assert!(dir.path().join("notes.apkg.state.json").is_file());

    // The same file named twice is read once (no duplicate-id warnings).
    let note = format!("notes/{NOTE}");
    let again = notedeck(dir.path())
        .args(["export", "notes", note.as_str()])
        .output()
        .expect("run");
    let stdout = String::from_utf8_lossy(&again.stdout);
    assert!(
        stdout.contains(&format!("0 new, 0 changed, {} unchanged", cards.len())),
        "{stdout}"
    );
    assert!(stdout.contains("from 1 file,"), "{stdout}");
    assert!(!String::from_utf8_lossy(&again.stderr).contains("same id"));
}

#[test]
fn missing_paths_are_usage_errors_with_exit_code_2() {
    let dir = tempfile::tempdir().expect("tmp");
    for args in [
        vec!["export", "없는 노트.md"],
        vec!["cards", "없는 노트.md"],
        vec!["export"],
    ] {
        let out = notedeck(dir.path()).args(&args).output().expect("run");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("없는 노트.md") || stderr.contains("no notes/ directory"),
            "{stderr}"
        );
    }
    assert!(!dir.path().join("notes.apkg").exists());
}

#[test]
fn a_failed_export_leaves_the_previous_package_untouched() {
    let dir = workdir();
    let ok = notedeck(dir.path())
        .args(["export", "-o", "deck.apkg"])
        .output()
        .expect("run");
    assert!(ok.status.success());
    let before = std::fs::read(dir.path().join("deck.apkg")).expect("package");

    std::fs::write(dir.path().join("deck.apkg.state.json"), "{broken").expect("corrupt");
    let out = notedeck(dir.path())
        .args(["export", "-o", "deck.apkg"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("deck.apkg.state.json"));
    assert_eq!(
        std::fs::read(dir.path().join("deck.apkg")).expect("package"),
        before
    );

    let out = notedeck(dir.path())
        .args(["export", "-o", "deck.zip"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));

    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("list")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["deck.apkg", "deck.apkg.state.json", "notes"]);
}

#[test]
fn export_errors_say_once_which_file_what_went_wrong_and_what_to_do() {
    let dir = workdir();
    let cases = [
        (
            vec!["export", "notes", "-o", "nope/x.apkg"],
            "error: cannot write nope/x.apkg: the directory nope does not exist; create it first \
             or choose another -o path\n",
        ),
        (
            vec!["export", "missing.md", "-o", "out.apkg"],
            "error: cannot read missing.md: there is no such file or directory; name note files \
             or folders of notes that exist\n",
        ),
        (
            vec!["export", "notes", "-o", "notes"],
            "error: cannot write notes: it is a directory; -o takes the package file to write, \
             such as -o notes/notes.apkg\n",
        ),
    ];
    for (args, expected) in cases {
        let out = notedeck(dir.path()).args(&args).output().expect("run");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(String::from_utf8_lossy(&out.stderr), expected, "{args:?}");
    }
    // Nothing was left behind by the failed runs.
    assert!(!dir.path().join("out.apkg").exists());
    assert!(!dir.path().join("notes").join("notes.apkg").exists());
}
