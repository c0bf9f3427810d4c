//! Hostile notes in the workspace: the server keeps answering. The server runs in this test
//! process, so a stack overflow anywhere in it aborts the test.

mod harness;

use harness::{Client, file_uri, pos};
use serde_json::json;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_note_nested_100k_levels_deep_does_not_stop_the_server() {
    let dir = tempfile::tempdir().expect("tmp");
    let text = format!(
        "# Deep\n\n## **LoRA (Low-Rank Adaptation)**\n\n- **Kept**: LoRA yes\n\n{}x\n\n{}y\n\n{}z\n",
        "- ".repeat(100_000),
        ">".repeat(100_000),
        "> - ".repeat(100_000),
    );
    let path = dir.path().join("deep.md");
    std::fs::write(&path, &text).expect("write");
    let uri = file_uri(&path);
    let mut client = Client::start();
    client.initialize(dir.path()).await;
    // Parse problems are not diagnostics; publishing at all shows the analysis finished.
    client.open(&uri, &text).await;
    client.log("notedeck: loaded").await;
    let hover = client
        .request_ok(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": pos(&text, "LoRA yes", 0)}),
        )
        .await;
    let shown = hover["contents"]["value"].as_str().unwrap_or_default();
    assert!(shown.contains("Low-Rank Adaptation"), "hover: {hover}");
    client.finish().await;
}

const NOTES: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../notes/역량평가 정리.md"
));

/// Codes and ranges of the diagnostics for the real notes written with `ending`.
async fn diagnostics_with(ending: &str) -> Vec<String> {
    let dir = tempfile::tempdir().expect("tmp");
    let text = NOTES.replace('\n', ending);
    let path = dir.path().join("note.md");
    std::fs::write(&path, &text).expect("write");
    let uri = file_uri(&path);
    let mut client = Client::start();
    client.initialize(dir.path()).await;
    let diags = client.open(&uri, &text).await;
    client.log("notedeck: loaded").await;
    client.finish().await;
    let mut out: Vec<String> = diags
        .iter()
        .map(|d| format!("{} {} {}", d["code"], d["range"], d["message"]))
        .collect();
    out.sort();
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_lone_cr_buffer_gets_diagnostics_on_the_right_lines() {
    let lf = diagnostics_with("\n").await;
    assert!(
        lf.iter().any(|d| d.contains("\"line\":114")),
        "the real notes have a finding on line 114: {lf:#?}"
    );
    assert_eq!(diagnostics_with("\r").await, lf);
    assert_eq!(diagnostics_with("\r\n").await, lf);
}
