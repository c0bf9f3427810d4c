//! The cards of the bundled notes and of the second note in the same style
//! (`tests/notes-fixture`), as a student reviews them: every card's context, question and
//! full answer as plain text, one card per entry. The snapshots are read card by card when
//! they change (see the "Cards" section of docs/rules.md).

use assert_cmd::Command;
use notedeck_ide::html::one_line as plain;
use std::fmt::Write;
use std::path::Path;

fn listing(path: &str) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let out = Command::cargo_bin("notedeck")
        .expect("binary")
        .current_dir(&root)
        .env("ANKI_BASE", root.join("target/.no-anki"))
        .args(["cards", "--format", "json", path])
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let cards: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).expect("json");
    let mut text = String::new();
    for c in &cards {
        let s = |k: &str| c[k].as_str().unwrap_or_default().to_string();
        // What the card is shown under (Anki's Context field): `context`, else its path.
        let shown = if c["context"].is_array() {
            &c["context"]
        } else {
            &c["path"]
        };
        let context = shown
            .as_array()
            .map(|p| {
                p.iter()
                    .filter_map(|x| x.as_str())
                    .collect::<Vec<_>>()
                    .join(" › ")
            })
            .unwrap_or_default();
        let _ = writeln!(
            text,
            "{:>4} {:<10} [{context}]\n     Q: {}\n     A: {}",
            c["source"]["line"].as_u64().unwrap_or(0),
            s("kind"),
            plain(&s("front")),
            plain(&s("back")),
        );
    }
    text
}

#[test]
fn cards_of_the_bundled_notes() {
    insta::assert_snapshot!(listing("notes"));
}

#[test]
fn cards_of_the_second_note() {
    insta::assert_snapshot!(listing("tests/notes-fixture"));
}
