//! A note damaged by a wrong encoding (the user's notes, damaged the way their file reached
//! us: UTF-8 read as Windows-1254, undefined bytes dropped): one diagnostic at the top, a code
//! action that repairs the whole buffer, then a hint per uncertain character whose quick fixes
//! are the alternatives.

mod harness;

use harness::{Client, apply_edits, file_uri, notes_workspace};
use notedeck_repair::{CodePage, simulate_damage};
use serde_json::{Value, json};

fn with_code<'a>(diags: &'a [Value], code: &str) -> Vec<&'a Value> {
    diags.iter().filter(|d| d["code"] == code).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_damaged_note_is_repaired_by_a_code_action_then_uncertain_characters_are_hinted() {
    let (dir, path, clean) = notes_workspace();
    let damaged = simulate_damage(&clean, CodePage::Windows1254);
    assert!(
        damaged.starts_with("# ì—ëŸ‰í‰ê°€"),
        "damaged like the user's file"
    );
    std::fs::write(&path, &damaged).expect("write damaged copy");
    let uri = file_uri(&path);
    let mut client = Client::start();
    client.initialize(dir.path()).await;
    // Exactly one diagnostic, on the first line; none of the checker's noise about mojibake.
    let diags = client.open(&uri, &damaged).await;
    // The workspace scan reports when the vault is loaded and checked.
    let loaded = client.log("notedeck: loaded").await;
    assert!(loaded.contains("notes in"), "{loaded}");
    assert_eq!(diags.len(), 1, "{diags:#?}");
    let top = diags[0].clone();
    assert_eq!(top["code"], "damaged-encoding");
    assert_eq!(top["range"]["start"]["line"], 0);
    let message = top["message"].as_str().unwrap_or_default();
    assert!(
        message.contains("wrong encoding") && message.contains("Windows-1254"),
        "{message}"
    );

    // The code action replaces the whole buffer with the repaired text.
    let actions = client
        .request_ok(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": uri}, "range": top["range"], "context": {"diagnostics": [top]}}),
        )
        .await;
    let actions = actions.as_array().cloned().unwrap_or_default();
    assert_eq!(actions.len(), 1, "{actions:#?}");
    let repair = &actions[0];
    assert!(
        repair["title"]
            .as_str()
            .is_some_and(|t| t.starts_with("Repair the whole file"))
    );
    assert_eq!(repair["kind"], "quickfix");
    let edits = repair["edit"]["changes"][uri.as_str()]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let repaired = apply_edits(&damaged, &edits);
    assert!(
        repaired.starts_with("# 역량평가 정리\n"),
        "{}",
        &repaired[..40]
    );
    assert!(repaired.contains("## **LoRA (Low-Rank Adaptation)**"));
    // Exactly the crate's repair (its accuracy is notedeck-repair's own test).
    assert_eq!(repaired, notedeck_repair::repair(&damaged).text);

    // The client applies it (one change replacing everything).
    let diags = client.apply(&uri, 2, &edits[0]).await;
    assert!(
        with_code(&diags, "damaged-encoding").is_empty(),
        "{diags:#?}"
    );
    // The repaired buffer is analysed like any note: the Row-rank conflict is back.
    assert_eq!(
        with_code(&diags, "conflicting-expansion").len(),
        1,
        "{diags:#?}"
    );
    let expected = notedeck_repair::repair(&damaged).uncertain().count();
    let hints = with_code(&diags, "uncertain-repair");
    assert_eq!(hints.len(), expected, "one hint per uncertain character");
    assert!(
        expected > 0,
        "the real notes leave some characters uncertain"
    );
    let hint = hints[0].clone();
    assert_eq!(hint["severity"], 4, "a hint, not a warning");

    // Its quick fixes are the alternatives; taking one replaces that character only.
    let actions = client
        .request_ok(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": uri}, "range": hint["range"], "context": {"diagnostics": [hint]}}),
        )
        .await;
    let alternatives: Vec<Value> = actions
        .as_array()
        .into_iter()
        .flatten()
        .filter(|a| {
            a["title"]
                .as_str()
                .is_some_and(|t| t.starts_with("Replace \""))
        })
        .cloned()
        .collect();
    assert!(!alternatives.is_empty(), "{actions:#}");
    let edits = alternatives[0]["edit"]["changes"][uri.as_str()]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(edits.len(), 1);
    assert_eq!(edits[0]["range"], hint["range"]);
    let chosen = apply_edits(&repaired, &edits);
    assert_eq!(
        chosen.chars().count(),
        repaired.chars().count(),
        "one character swapped"
    );
    let diags = client.apply(&uri, 3, &edits[0]).await;
    let left = with_code(&diags, "uncertain-repair");
    assert_eq!(
        left.len(),
        expected - 1,
        "the decided character's hint is gone"
    );
    assert!(left.iter().all(|d| d["range"] != hint["range"]));

    client.finish().await;
}
