//! `notedeck lint` end to end: every output format on a small fixture (insta snapshots, reviewed
//! by eye), and the exit codes CI relies on.

use assert_cmd::Command;
use std::path::Path;

/// Run `notedeck lint` in `tests/` on `lint_fixtures` with extra arguments.
fn lint(args: &[&str]) -> (String, i32) {
    let out = Command::cargo_bin("notedeck")
        .expect("the notedeck binary")
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests"))
        .arg("lint")
        .arg("lint_fixtures")
        .args(args)
        .output()
        .expect("notedeck runs");
    let stdout = String::from_utf8(out.stdout).expect("UTF-8 output");
    (stdout, out.status.code().unwrap_or(-1))
}

#[test]
fn human_format() {
    let (out, code) = lint(&[]);
    assert_eq!(code, 1);
    insta::assert_snapshot!(out);
}

#[test]
fn json_format() {
    let (out, code) = lint(&["--format", "json"]);
    assert_eq!(code, 1);
    let parsed: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    for finding in parsed.as_array().expect("an array") {
        for key in [
            "path", "code", "severity", "message", "range", "related", "fixes",
        ] {
            assert!(finding.get(key).is_some(), "{key} missing in {finding}");
        }
    }
    insta::assert_snapshot!(out);
}

#[test]
fn sarif_format() {
    let (out, code) = lint(&["--format", "sarif"]);
    assert_eq!(code, 1);
    let parsed: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    assert_eq!(parsed["version"], "2.1.0");
    insta::assert_snapshot!(out);
}

#[test]
fn github_format() {
    let (out, code) = lint(&["--format", "github"]);
    assert_eq!(code, 1);
    assert!(out.lines().all(|l| l.starts_with("::")), "{out}");
    insta::assert_snapshot!(out);
}

/// Columns are UTF-16 units: `📌` counts two, so the `*` after `📌 ` is at character 3.
#[test]
fn json_columns_are_utf16() {
    let (out, _) = lint(&["--format", "json"]);
    let parsed: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    let tip = parsed
        .as_array()
        .expect("an array")
        .iter()
        .find(|f| f["code"] == "broken-emphasis" && f["path"] == "lint_fixtures/nlp.md")
        .expect("the broken 암기 팁 emphasis");
    assert_eq!(tip["range"]["start"]["line"], 22);
    assert_eq!(tip["range"]["start"]["character"], 3);
}

fn lint_dir(files: &[(&str, &str)], args: &[&str]) -> (String, String, i32) {
    let dir = tempfile::tempdir().expect("a temp dir");
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).expect("write fixture");
    }
    let out = Command::cargo_bin("notedeck")
        .expect("the notedeck binary")
        .current_dir(dir.path())
        .arg("lint")
        .args(args)
        .output()
        .expect("notedeck runs");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

#[test]
fn exit_0_when_clean() {
    let note = "# 정리\n\n## **1. BERT (Bidirectional Encoder Representations from Transformers)**\n\n- **구조**: Transformer **Encoder**만 사용 (양방향 문맥 학습)\n";
    let (out, _, code) = lint_dir(&[("note.md", note)], &[]);
    assert_eq!(code, 0, "{out}");
    assert_eq!(out, "No findings in 1 file.\n");
    let (out, _, code) = lint_dir(&[("note.md", note)], &["--format", "json", "note.md"]);
    assert_eq!((out.as_str(), code), ("[]\n", 0));
}

#[test]
fn fail_level_error_ignores_warnings() {
    let note = "# 정리\n\n- *NAS(Neural Architecture Search)**의 한 방법\n";
    let (_, _, code) = lint_dir(&[("note.md", note)], &[]);
    assert_eq!(code, 1);
    let (out, _, code) = lint_dir(&[("note.md", note)], &["--fail-level", "error"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("broken-emphasis"), "{out}");
}

#[test]
fn exit_2_on_usage_and_io_errors() {
    let (_, err, code) = lint_dir(&[], &["missing.md"]);
    assert_eq!(code, 2);
    assert!(err.contains("missing.md"), "{err}");
    let (_, _, code) = lint_dir(&[("a.md", "# a\n")], &["--format", "xml"]);
    assert_eq!(code, 2);
}

#[test]
fn an_empty_note_is_clean() {
    let (out, err, code) = lint_dir(&[("empty.md", "")], &["empty.md"]);
    assert_eq!(code, 0, "{out}{err}");
}

#[test]
fn undecodable_file_is_an_io_error() {
    let dir = tempfile::tempdir().expect("a temp dir");
    // "역량" in CP949 followed by bytes that are neither UTF-8 nor any legacy Korean encoding.
    std::fs::write(dir.path().join("bad.md"), b"\xbf\xaa\xb7\xae \xff\xfe\x00").expect("write");
    std::fs::write(dir.path().join("good.md"), "# 정리\n").expect("write");
    let out = Command::cargo_bin("notedeck")
        .expect("the notedeck binary")
        .current_dir(dir.path())
        .args(["lint", "."])
        .output()
        .expect("notedeck runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("bad.md"), "{err}");
}

#[test]
fn alternatives_are_shown_as_choices_in_every_format() {
    // CD read two ways, once each, nothing telling which is meant: two fixes, neither
    // preferred, and every format says so.
    let files = [
        ("a.md", "- CD (Continuous Delivery) 단계\n"),
        ("b.md", "- **배포**: CD (Continuous Deployment) 자동화\n"),
    ];
    let (human, _, code) = lint_dir(&files, &[]);
    assert_eq!(code, 1);
    assert!(
        human.contains(
            "    = fix (choose one): Replace with \"Continuous Delivery\"\n    = fix (choose one): Use \"Continuous Deployment\" everywhere (changes 1 other place)\n"
        ),
        "{human}"
    );
    let (json, _, _) = lint_dir(&files, &["--format", "json"]);
    let findings: Vec<serde_json::Value> = serde_json::from_str(&json).expect("json");
    assert_eq!(findings.len(), 1, "{json}");
    let preferred: Vec<&serde_json::Value> = findings[0]["fixes"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|f| &f["preferred"])
        .collect();
    assert_eq!(preferred, [false, false]);
    let (github, _, _) = lint_dir(&files, &["--format", "github"]);
    assert!(
        github.contains(
            "%0Afix (choose one): Replace with \"Continuous Delivery\"%0Afix (choose one): Use"
        ),
        "{github}"
    );
}

#[test]
fn a_pin_two_notes_give_is_reported_where_export_leaves_the_card_out() {
    // Export keeps the first file's card (path order) and warns about the other's; lint
    // reports the same place.
    let a = "## GPT\n\n- **구조**: Transformer decoder <!-- id: shared -->\n";
    let b = "## BERT\n\n- **구조**: Transformer encoder <!-- id: shared -->\n";
    let (out, _, code) = lint_dir(
        &[("a.md", a), ("b.md", b)],
        &["--format", "json", "a.md", "b.md"],
    );
    assert_eq!(code, 1, "{out}");
    let findings: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let found: Vec<(&str, &str, u64)> = findings
        .as_array()
        .expect("array")
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap_or(""),
                f["path"].as_str().unwrap_or(""),
                // 0-based, as the editor counts.
                f["range"]["start"]["line"].as_u64().unwrap_or(9),
            )
        })
        .collect();
    assert_eq!(found, [("duplicate-pin", "b.md", 2)]);
}

/// The files under `dir`, recursively, as paths relative to it.
fn files_under(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    let mut dirs = vec![dir.to_path_buf()];
    while let Some(d) = dirs.pop() {
        for entry in std::fs::read_dir(&d).expect("a folder") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else {
                let relative = path.strip_prefix(dir).expect("under dir");
                found.push(relative.display().to_string());
            }
        }
    }
    found.sort();
    found
}

#[test]
fn a_second_lint_reads_the_cache_and_reports_the_same() {
    let notes = tempfile::tempdir().expect("tmp");
    let cache = tempfile::tempdir().expect("tmp");
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/lint_fixtures");
    for name in files_under(&fixtures) {
        let to = notes.path().join(&name);
        std::fs::create_dir_all(to.parent().expect("a folder")).expect("mkdir");
        std::fs::copy(fixtures.join(&name), to).expect("copy");
    }
    let in_notes = files_under(notes.path());
    let run = |cache_dir: &Path, extra: &[&str]| {
        let out = Command::cargo_bin("notedeck")
            .expect("the notedeck binary")
            .env("NOTEDECK_CACHE_DIR", cache_dir)
            .arg("lint")
            .arg(notes.path())
            .args(["--format", "json"])
            .args(extra)
            .output()
            .expect("notedeck runs");
        assert_eq!(out.status.code(), Some(1), "the fixtures have findings");
        String::from_utf8(out.stdout).expect("UTF-8 output")
    };

    let uncached = run(&cache.path().join("unused"), &["--no-cache"]);
    assert!(
        !cache.path().join("unused").exists(),
        "--no-cache writes none"
    );
    let first = run(cache.path(), &[]);
    let held = files_under(cache.path());
    assert_eq!(
        held.len(),
        in_notes.len(),
        "one cache file per note: {held:?}"
    );
    let inodes = || {
        use std::os::unix::fs::MetadataExt;
        held.iter()
            .map(|f| {
                std::fs::metadata(cache.path().join(f))
                    .map(|m| m.ino())
                    .ok()
            })
            .collect::<Vec<_>>()
    };
    let written = inodes();
    let second = run(cache.path(), &[]);
    // Read, not parsed again: a parse writes its entry anew, as another file.
    assert_eq!(inodes(), written);
    assert_eq!(first, uncached);
    assert_eq!(second, uncached);
    assert_eq!(
        files_under(notes.path()),
        in_notes,
        "nothing is written beside the notes"
    );

    // A note edited between two runs is parsed again: its new finding is reported.
    let slip = notes.path().join("slip.md");
    std::fs::write(&slip, "## LoRA\n\n- LoRA (Low-Rank Adaptation)\n").expect("write");
    let agreeing = run(cache.path(), &[]);
    std::fs::write(
        &slip,
        "## LoRA\n\n- LoRA (Low-Rank Adaptation)\n- LoRA (Row-Rank Adaptation)\n",
    )
    .expect("write");
    let edited = run(cache.path(), &[]);
    let conflicts = |report: &str| report.matches("conflicting-expansion").count();
    assert_eq!(conflicts(&edited), conflicts(&agreeing) + 1, "{edited}");
    assert!(edited.contains("Row-Rank"), "{edited}");

    let off = tempfile::tempdir().expect("tmp");
    std::fs::remove_dir(off.path()).expect("rmdir");
    let out = Command::cargo_bin("notedeck")
        .expect("the notedeck binary")
        .env("NOTEDECK_CACHE_DIR", "off")
        .env("HOME", off.path())
        .env("XDG_CACHE_HOME", off.path())
        .arg("lint")
        .arg(notes.path())
        .output()
        .expect("notedeck runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(!off.path().exists(), "a cache turned off writes nothing");
}
