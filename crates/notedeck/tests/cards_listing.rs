//! The cards of the bundled notes and of the other notes in the same style
//! (`tests/notes-fixture*`), as a student reviews them: every card's context, question and
//! full answer as plain text, one card per entry. The snapshots are read card by card when
//! they change (see the "Cards" section of docs/rules.md). And card identity across changes
//! to the card rules: a fact still carded the same way keeps its GUID, so a re-export
//! updates it in place in Anki and its review history stays.

use assert_cmd::Command;
use notedeck_ide::html::one_line as plain;
use std::collections::HashMap;
use std::fmt::Write;
use std::path::Path;

/// The cards of the bundled notes as `notedeck cards --format json` gave them at commit
/// d7dfbf8, before the card-quality rules (table context, merged duplicates, statement
/// clozes, ...).
const BEFORE: &str = include_str!("fixtures/notes-cards-d7dfbf8.json");

/// The same at commit 9e0da8a, before the facets of a table summing up its topics were
/// asked across them.
const BEFORE_SUMMED_UP: &str = include_str!("fixtures/notes-cards-9e0da8a.json");

/// `notedeck cards --format json PATH`, run from the repository root.
fn cards_json(path: &str) -> Vec<serde_json::Value> {
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
    serde_json::from_slice(&out.stdout).expect("json")
}

fn listing(path: &str) -> String {
    let cards = cards_json(path);
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

/// Two more notes in the same style, written after the card rules to see how they carry to
/// notes they were not made on (computer vision with sub-topic headings and an essay;
/// recommenders and reinforcement learning with an essay and English key points).
#[test]
fn cards_of_the_third_and_fourth_notes() {
    insta::assert_snapshot!("third", listing("tests/notes-fixture-cv"));
    insta::assert_snapshot!("fourth", listing("tests/notes-fixture-rl"));
}

/// Two notes written after those, their first card reviews made before any rule was fitted
/// to them (NLP and optimisation; generative models, graphs and drift monitoring).
#[test]
fn cards_of_the_fifth_and_sixth_notes() {
    insta::assert_snapshot!("fifth", listing("tests/notes-fixture-nlp"));
    insta::assert_snapshot!("sixth", listing("tests/notes-fixture-gen"));
}

/// Two more, whose first reviews found the rules for citations, confusion matrices, arrows
/// and stated numbers, pointers with asides, and phrases beside degrees (classical machine
/// learning, with a table contradicting a bullet and a misspelt expansion; LLM applications).
#[test]
fn cards_of_the_seventh_and_eighth_notes() {
    insta::assert_snapshot!("seventh", listing("tests/notes-fixture-ml"));
    insta::assert_snapshot!("eighth", listing("tests/notes-fixture-llm"));
}

/// A ninth, on time-series forecasting and anomaly detection, whose first review found the
/// rules for keyword lines under a keywords title, cues before a hidden part and lowercase
/// remarks in parentheses; it holds a table contradicting a bullet and a misspelt expansion.
#[test]
fn cards_of_the_ninth_note() {
    insta::assert_snapshot!("ninth", listing("tests/notes-fixture-ts"));
}

/// A tenth, on probability and statistics, whose first review found the rules for a name's
/// notation in its label, generic table corners and quoted tip titles. Its slips in the
/// note itself (a p-value defined backwards in a table and a tip, a t-test's degrees of
/// freedom) stay cards: no rule can tell them from the truth.
#[test]
fn cards_of_the_tenth_note() {
    insta::assert_snapshot!("tenth", listing("tests/notes-fixture-st"));
}

#[test]
fn an_unchanged_fact_keeps_its_id() {
    let now = cards_json("notes");
    // Most of each earlier deck is unchanged: the comparison is not vacuous. (Cards dropped
    // since by rules that leave a fact to another card are not compared, and the oldest
    // listing predates most of the card rules.)
    let (same, before) = ids_kept(BEFORE, &now);
    assert!(
        same * 5 > before * 2,
        "only {same} of {before} cards compared"
    );
    let (same, before) = ids_kept(BEFORE_SUMMED_UP, &now);
    assert!(
        same * 5 > before * 4,
        "only {same} of {before} cards compared"
    );
}

/// Checks that every fact of the `before` listing still carded gives the same id in `now`;
/// returns how many were compared and how many cards `before` has.
fn ids_kept(before: &str, now: &[serde_json::Value]) -> (usize, usize) {
    let before: Vec<serde_json::Value> = serde_json::from_str(before).expect("fixture");
    // The same answer from the same line of the same deck is the same fact, whatever its
    // front now says.
    let mut by_fact: HashMap<(&str, u64, &str), Vec<&str>> = HashMap::new();
    for c in now {
        by_fact
            .entry((
                c["deck"].as_str().unwrap_or(""),
                c["source"]["line"].as_u64().unwrap_or(0),
                c["back"].as_str().unwrap_or(""),
            ))
            .or_default()
            .push(c["id"].as_str().unwrap_or(""));
    }
    // A card merged away into another (a table cell repeating a bullet's fact) leaves its
    // row's other cells, which may give the same answer under their own, older ids: only an id
    // the earlier deck never had is a fact that lost its identity.
    let before_ids: std::collections::HashSet<&str> = before
        .iter()
        .map(|b| b["id"].as_str().unwrap_or(""))
        .collect();
    // A card whose answer grew (a head's line folded into its list's card) keeps its id at
    // its place: compared, and kept. Only at the same deck and line: an id carried onto
    // another fact is no id kept.
    let now_ids: std::collections::HashSet<(&str, &str, u64)> = now
        .iter()
        .map(|c| {
            (
                c["id"].as_str().unwrap_or(""),
                c["deck"].as_str().unwrap_or(""),
                c["source"]["line"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    let mut same = 0;
    let mut moved = Vec::new();
    for b in &before {
        let id = b["id"].as_str().unwrap_or("");
        let (deck, line) = (
            b["deck"].as_str().unwrap_or(""),
            b["line"].as_u64().unwrap_or(0),
        );
        if now_ids.contains(&(id, deck, line)) {
            same += 1;
            continue;
        }
        let fact = (
            b["deck"].as_str().unwrap_or(""),
            b["line"].as_u64().unwrap_or(0),
            b["back"].as_str().unwrap_or(""),
        );
        let Some(ids) = by_fact.get(&fact) else {
            continue;
        };
        if ids.iter().any(|n| !before_ids.contains(n)) {
            moved.push(format!("line {}: {} ({id} -> {ids:?})", fact.1, b["front"]));
        }
    }
    assert!(
        moved.is_empty(),
        "unchanged facts with a new id:\n{}",
        moved.join("\n")
    );
    (same, before.len())
}
