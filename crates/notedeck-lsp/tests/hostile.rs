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
