//! Card identity across changes to the card rules: a fact that is still carded the same way
//! keeps its GUID, so a re-export updates it in place in Anki and its review history stays.

use assert_cmd::Command;
use std::collections::HashMap;
use std::path::Path;

/// The cards of the bundled notes as `notedeck cards --format json` gave them at commit
/// d7dfbf8, before the card-quality rules (table context, merged duplicates, statement
/// clozes, ...).
const BEFORE: &str = include_str!("fixtures/notes-cards-d7dfbf8.json");

fn cards_now() -> Vec<serde_json::Value> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let out = Command::cargo_bin("notedeck")
        .expect("binary")
        .current_dir(&root)
        .env("ANKI_BASE", root.join("target/.no-anki"))
        .args(["cards", "--format", "json", "notes"])
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("json")
}

#[test]
fn an_unchanged_fact_keeps_its_id() {
    let before: Vec<serde_json::Value> = serde_json::from_str(BEFORE).expect("fixture");
    let now = cards_now();
    // The same answer from the same line of the same deck is the same fact, whatever its
    // front now says.
    let mut by_fact: HashMap<(&str, u64, &str), Vec<&str>> = HashMap::new();
    for c in &now {
        by_fact
            .entry((
                c["deck"].as_str().unwrap_or(""),
                c["source"]["line"].as_u64().unwrap_or(0),
                c["back"].as_str().unwrap_or(""),
            ))
            .or_default()
            .push(c["id"].as_str().unwrap_or(""));
    }
    let mut same = 0;
    let mut moved = Vec::new();
    for b in &before {
        let fact = (
            b["deck"].as_str().unwrap_or(""),
            b["line"].as_u64().unwrap_or(0),
            b["back"].as_str().unwrap_or(""),
        );
        let Some(ids) = by_fact.get(&fact) else {
            continue;
        };
        let id = b["id"].as_str().unwrap_or("");
        if ids.contains(&id) {
            same += 1;
        } else {
            moved.push(format!("line {}: {} ({id} -> {ids:?})", fact.1, b["front"]));
        }
    }
    assert!(
        moved.is_empty(),
        "unchanged facts with a new id:\n{}",
        moved.join("\n")
    );
    // Most of the deck is unchanged: the comparison is not vacuous.
    assert!(
        same >= 200,
        "only {same} of {} cards compared",
        before.len()
    );
}
