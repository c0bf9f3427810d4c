//! Exports that overlap or were killed: one package is written by one export at a time, and
//! temporary files of killed exports do not pile up.

mod common;

use assert_cmd::Command;
use std::collections::BTreeSet;
use std::path::Path;
use std::process::Stdio;

/// A note with `n` cards whose labels start with `label`.
fn note(label: &str, n: usize) -> String {
    let mut text = format!("# {label}\n\n## Cards\n\n");
    for i in 0..n {
        text.push_str(&format!("- **{label} {i}**: answer {i} of {label}\n"));
    }
    text
}

fn binary() -> std::path::PathBuf {
    assert_cmd::cargo::cargo_bin("notedeck")
}

/// GUIDs of the notes in a package.
fn package_guids(apkg: &Path) -> BTreeSet<String> {
    let (_file, conn) = common::package_db(apkg);
    let mut stmt = conn.prepare("SELECT guid FROM notes").expect("query");
    stmt.query_map([], |row| row.get::<_, String>(0))
        .expect("rows")
        .map(|g| g.expect("guid"))
        .collect()
}

/// GUIDs recorded in a package's state file.
fn state_guids(apkg: &Path) -> BTreeSet<String> {
    let state = apkg.with_extension("apkg.state.json");
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&state).expect("state")).expect("state JSON");
    json["notes"]
        .as_object()
        .expect("notes")
        .keys()
        .cloned()
        .collect()
}

/// Cards per input and rounds of the race: small inputs keep the two writes overlapping;
/// without the lock about one round in ten ended with a mismatched state file.
const CARDS: usize = 300;
const ROUNDS: usize = 30;

#[test]
fn concurrent_exports_to_one_package_leave_a_matching_package_and_state() {
    let dir = tempfile::tempdir().expect("tmp");
    for (name, label) in [("a", "Alpha"), ("b", "Beta")] {
        std::fs::create_dir(dir.path().join(name)).expect("mkdir");
        std::fs::write(dir.path().join(name).join("notes.md"), note(label, CARDS)).expect("write");
    }
    let out = dir.path().join("out.apkg");
    for round in 0..ROUNDS {
        let children: Vec<_> = ["a", "b"]
            .into_iter()
            .map(|input| {
                std::process::Command::new(binary())
                    .current_dir(dir.path())
                    .args(["export", input, "-o", "out.apkg"])
                    .stdout(Stdio::null())
                    .stderr(Stdio::piped())
                    .spawn()
                    .expect("spawn export")
            })
            .collect();
        for child in children {
            let output = child.wait_with_output().expect("wait");
            assert!(
                output.status.success(),
                "round {round}: {}",
                String::from_utf8_lossy(&output.stderr)
            );
        }
        let package = package_guids(&out);
        assert_eq!(package.len(), CARDS, "round {round}");
        let state = state_guids(&out);
        assert!(
            package == state,
            "round {round}: the package and the state file come from different exports \
             ({} of the package's {} notes are in the state file)",
            package.intersection(&state).count(),
            package.len()
        );
    }
    // No lock or temporary file is left behind.
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["a", "b", "out.apkg", "out.apkg.state.json"]);
}

#[test]
fn an_export_waits_for_the_lock_and_says_so() {
    let dir = tempfile::tempdir().expect("tmp");
    std::fs::create_dir(dir.path().join("notes")).expect("mkdir");
    std::fs::write(dir.path().join("notes/n.md"), note("Gamma", 3)).expect("write");
    // Another export holds the lock for a while.
    let lock = std::fs::File::create(dir.path().join("notes.apkg.lock")).expect("lock file");
    lock.lock().expect("lock");
    let release = std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(700));
        drop(lock);
    });
    let start = std::time::Instant::now();
    let out = Command::cargo_bin("notedeck")
        .expect("binary")
        .env("ANKI_BASE", "/nonexistent/notedeck-tests")
        .current_dir(dir.path())
        .args(["export"])
        .output()
        .expect("run");
    release.join().expect("release");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(start.elapsed() >= std::time::Duration::from_millis(600));
    assert!(
        stderr.contains(
            "waiting for another export of this package to finish (it holds notes.apkg.lock)"
        ),
        "{stderr}"
    );
    assert!(package_guids(&dir.path().join("notes.apkg")).len() == 3);
}

#[test]
fn stale_temporary_files_of_killed_exports_are_removed_and_nothing_else() {
    let dir = tempfile::tempdir().expect("tmp");
    std::fs::create_dir(dir.path().join("notes")).expect("mkdir");
    std::fs::write(dir.path().join("notes/n.md"), note("Delta", 3)).expect("write");
    let write = |name: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, vec![0u8; 4096]).expect("write");
        path
    };
    // Above any pid Linux hands out (pid_max is at most 2^22): its writer is gone.
    let dead = [
        write(".notedeck-99999999-aB3xYz.apkg"),
        write(".notedeck-99999999-Qw9k2L.anki2"),
        write(".notedeck-99999999-zz11AA.state.json"),
    ];
    // The naming of earlier versions carries no pid: removed once older than a minute.
    let old_unnamed = write(".notedeck-Ab12Cd.apkg");
    let old = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    std::fs::File::options()
        .write(true)
        .open(&old_unnamed)
        .and_then(|f| f.set_modified(old))
        .expect("age the file");
    // A writer that is alive (this test) and a fresh file of the old naming stay, as does
    // everything that is not notedeck's temporary file.
    let kept = [
        write(&format!(".notedeck-{}-aB3xYz.apkg", std::process::id())),
        write(".notedeck-Zz98Yx.apkg"),
        write(".notedeck-99999999-aB3xYz.apkg.bak"),
        write(".notedeck-settings.json"),
        write("notedeck-99999999-aB3xYz.apkg"),
        write("other.apkg"),
    ];

    let out = Command::cargo_bin("notedeck")
        .expect("binary")
        .env("ANKI_BASE", "/nonexistent/notedeck-tests")
        .current_dir(dir.path())
        .args(["export"])
        .output()
        .expect("run");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    for path in dead.iter().chain([&old_unnamed]) {
        assert!(!path.exists(), "{} was not removed", path.display());
    }
    for path in &kept {
        assert!(path.exists(), "{} was removed", path.display());
    }
    assert!(
        stderr.contains(
            "removed 4 temporary files (0.0 MB) left next to the package by interrupted exports"
        ),
        "{stderr}"
    );
}
