//! File names and note text are data: a newline, an escape sequence or a backslash in them
//! must not forge a line of the output (a GitHub workflow command, a report line) nor drive
//! the terminal, in any command or format.
#![cfg(unix)] // Linux and macOS allow newlines and escapes in file names

use assert_cmd::Command;
use std::path::Path;

/// A name that, printed as it is, puts a live workflow command into a CI log.
const INJECTING: &str = "y\n::error file=README.md,line=2::INJECTED\n.md";
/// A name that, printed as it is, turns the terminal red.
const COLORING: &str = "a\u{1b}[31mred\r.md";
/// A backslash is an ordinary character of a Unix file name.
const BACKSLASH: &str = "back\\slash.md";

/// CP949 bytes (`# 한국어`), which every command warns about, and a card with an unclosed
/// `**`, which lint reports; `label` keeps the cards of different files apart.
fn warned_and_found(label: usize) -> Vec<u8> {
    let mut text = b"# \xc7\xd1\xb1\xb9\xbe\xee\n\n".to_vec();
    text.extend(format!("- **Card {label}**: **broken\n").bytes());
    text
}

fn notedeck(cwd: &Path, args: &[&str]) -> (String, String, Option<i32>) {
    let out = Command::cargo_bin("notedeck")
        .expect("binary")
        .current_dir(cwd)
        .args(args)
        .output()
        .expect("run");
    (
        String::from_utf8(out.stdout).expect("utf-8 stdout"),
        String::from_utf8(out.stderr).expect("utf-8 stderr"),
        out.status.code(),
    )
}

fn workdir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tmp");
    std::fs::create_dir(dir.path().join("notes")).expect("mkdir");
    for (label, name) in [INJECTING, COLORING, BACKSLASH].into_iter().enumerate() {
        std::fs::write(dir.path().join("notes").join(name), warned_and_found(label))
            .expect("write");
    }
    dir
}

/// No line anywhere is a workflow command except notedeck's own annotations.
fn assert_no_forged_commands(what: &str, output: &str, annotations: usize) {
    let commands: Vec<&str> = output.lines().filter(|l| l.starts_with("::")).collect();
    assert_eq!(commands.len(), annotations, "{what}: {output}");
    assert!(
        commands
            .iter()
            .all(|l| l.starts_with("::warning file=notes/")),
        "{what}: {output}"
    );
}

/// No forged line, and no raw escape or carriage return reaches a terminal.
fn assert_no_forged_lines(what: &str, output: &str, annotations: usize) {
    assert_no_forged_commands(what, output, annotations);
    assert!(
        !output.contains('\u{1b}') && !output.contains('\r'),
        "{what}: {output:?}"
    );
}

#[test]
fn lint_github_format_escapes_names_in_annotations_and_warnings() {
    let dir = workdir();
    let (stdout, stderr, code) = notedeck(dir.path(), &["lint", "--format", "github", "notes"]);
    assert_eq!(code, Some(1), "{stdout}{stderr}");
    // The `file` property keeps an escape character (it must name the real file), but no
    // line break.
    assert_no_forged_commands("stdout", &stdout, 3);
    assert!(!stdout.contains('\r'), "{stdout:?}");
    assert_no_forged_lines("stderr", &stderr, 0);
    // The `file` property is the real name in GitHub's property escaping, which the runner
    // undoes to find the file.
    assert!(
        stdout.contains(
            "::warning file=notes/y%0A%3A%3Aerror file=README.md%2Cline=2%3A%3AINJECTED%0A.md,"
        ),
        "{stdout}"
    );
    assert!(stdout.contains("file=notes/back\\slash.md,"), "{stdout}");
    // Warnings on stderr name the file with its controls escaped.
    assert!(
        stderr.contains("warning: notes/y\\n::error file=README.md,line=2::INJECTED\\n.md: "),
        "{stderr}"
    );
}

#[test]
fn lint_human_format_escapes_control_characters_in_names() {
    let dir = workdir();
    let (stdout, stderr, code) = notedeck(dir.path(), &["lint", "notes"]);
    assert_eq!(code, Some(1), "{stdout}{stderr}");
    assert_no_forged_lines("stdout", &stdout, 0);
    assert_no_forged_lines("stderr", &stderr, 0);
    assert!(
        stdout.contains("notes/a\\u{1b}[31mred\\r.md:3:"),
        "{stdout}"
    );
    assert!(stdout.contains("notes/back\\slash.md:3:"), "{stdout}");
    // One line per finding plus the summary: no name broke a line in two.
    assert_eq!(
        stdout
            .lines()
            .filter(|l| l.contains("broken-emphasis"))
            .count(),
        3
    );
}

#[test]
fn json_and_sarif_keep_names_exact() {
    let dir = workdir();
    let (stdout, _, _) = notedeck(dir.path(), &["lint", "--format", "json", "notes"]);
    let findings: serde_json::Value = serde_json::from_str(&stdout).expect("json");
    let mut paths: Vec<&str> = findings
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|f| f["path"].as_str())
        .collect();
    paths.sort_unstable();
    let mut expected = [
        format!("notes/{BACKSLASH}"),
        format!("notes/{COLORING}"),
        format!("notes/{INJECTING}"),
    ];
    expected.sort_unstable();
    assert_eq!(paths, expected);

    let (stdout, _, _) = notedeck(dir.path(), &["lint", "--format", "sarif", "notes"]);
    let sarif: serde_json::Value = serde_json::from_str(&stdout).expect("sarif");
    let uris: Vec<&str> = sarif["runs"][0]["results"]
        .as_array()
        .expect("results")
        .iter()
        .filter_map(|r| r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].as_str())
        .collect();
    assert!(uris.contains(&"notes/back%5Cslash.md"), "{uris:?}");
    assert!(
        uris.contains(&"notes/y%0A%3A%3Aerror%20file%3DREADME.md%2Cline%3D2%3A%3AINJECTED%0A.md"),
        "{uris:?}"
    );
}

#[test]
fn export_and_cards_escape_names_in_warnings_and_tables() {
    let dir = workdir();
    let (stdout, stderr, code) = notedeck(dir.path(), &["export", "notes", "-o", "out.apkg"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_no_forged_lines("export stdout", &stdout, 0);
    assert_no_forged_lines("export stderr", &stderr, 0);
    assert!(stderr.contains("notes/y\\n::error"), "{stderr}");

    let (stdout, stderr, code) = notedeck(dir.path(), &["cards", "notes"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_no_forged_lines("cards stdout", &stdout, 0);
    assert_no_forged_lines("cards stderr", &stderr, 0);
    assert!(stdout.contains("notes/a\\u{1b}[31mred\\r.md: "), "{stdout}");
}

#[test]
fn errors_escape_the_names_they_quote() {
    let dir = tempfile::tempdir().expect("tmp");
    let missing = "gone\n::error::INJECTED\u{1b}[2J.md";
    let (_, stderr, code) = notedeck(dir.path(), &["export", missing, "-o", "out.apkg"]);
    assert_eq!(code, Some(2));
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("gone\\n::error::INJECTED\\u{1b}[2J.md"),
        "{stderr}"
    );

    std::fs::write(dir.path().join("x\ny.md"), "\u{1b}[31m").expect("write");
    let (_, stderr, code) = notedeck(dir.path(), &["repair", "x\ny.md"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_no_forged_lines("repair stderr", &stderr, 0);
    assert!(stderr.starts_with("x\\ny.md: "), "{stderr}");
}
