//! Outline, code lens, completion, symbols, references and "pin card id" on the user's real
//! notes, over raw JSON-RPC.

mod harness;

use harness::{Client, file_uri, notes_workspace, pos};
use serde_json::{Value, json};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn navigation_and_outline_on_the_real_notes() {
    let (dir, path, text) = notes_workspace();
    let uri = file_uri(&path);
    let mut client = Client::start();
    client.initialize(dir.path()).await;
    let _ = client.open(&uri, &text).await;
    // The workspace scan reports when the vault is loaded and checked.
    let loaded = client.log("notedeck: loaded").await;
    assert!(loaded.contains("notes in"), "{loaded}");
    let doc = json!({"uri": uri});

    // Outline: sections nest, and cards hang under their section.
    let symbols = client
        .request_ok("textDocument/documentSymbol", json!({"textDocument": doc}))
        .await;
    let all = flatten(&symbols);
    let lora = all
        .iter()
        .find(|s| {
            s["name"].as_str().is_some_and(|n| n.starts_with("LoRA")) && s["children"].is_array()
        })
        .unwrap_or_else(|| panic!("no LoRA section in the outline: {symbols:#}"));
    assert_eq!(lora["kind"], 5, "a topic is a class-like symbol: {lora:#}");
    assert!(
        flatten(&lora["children"])
            .iter()
            .any(|c| c["kind"] == 8 || c["kind"] == 15 || c["kind"] == 18 || c["kind"] == 14),
        "the LoRA section holds cards: {lora:#}"
    );
    for s in &all {
        assert!(
            contains(&s["range"], &s["selectionRange"]),
            "selection outside range: {s:#}"
        );
    }

    // Code lens: "N cards" on headings, and the counts add up over the top-level sections.
    let lenses = client
        .request_ok("textDocument/codeLens", json!({"textDocument": doc}))
        .await;
    let lenses = lenses.as_array().cloned().unwrap_or_default();
    assert!(!lenses.is_empty(), "no code lens");
    let on_lora = lenses
        .iter()
        .find(|l| l["range"]["start"]["line"] == 120)
        .unwrap_or_else(|| panic!("no lens on the LoRA heading: {lenses:#?}"));
    let title = on_lora["command"]["title"].as_str().unwrap_or_default();
    assert!(title.ends_with(" cards") || title == "1 card", "{title}");

    // Completion of a known term while typing "Lo".
    let typed = pos(&text, "LoRA 모듈만", 0);
    let typed =
        json!({"line": typed["line"], "character": typed["character"].as_u64().unwrap_or(0) + 2});
    let items = client
        .request_ok(
            "textDocument/completion",
            json!({"textDocument": doc, "position": typed}),
        )
        .await;
    let lora_item = items
        .as_array()
        .into_iter()
        .flatten()
        .find(|i| i["label"] == "LoRA")
        .unwrap_or_else(|| panic!("LoRA not offered: {items:#}"));
    assert_eq!(lora_item["detail"], "Low-Rank Adaptation");
    assert!(
        items.as_array().into_iter().flatten().all(|i| i["label"]
            .as_str()
            .is_some_and(|l| l.to_lowercase().starts_with("lo"))),
        "only terms starting with the typed prefix: {items:#}"
    );

    // Workspace symbols: terms, at their definition.
    let found = client
        .request_ok("workspace/symbol", json!({"query": "low-rank"}))
        .await;
    let found = found.as_array().cloned().unwrap_or_default();
    assert!(
        found
            .iter()
            .any(|s| s["name"] == "LoRA" && s["location"]["range"]["start"]["line"] == 120),
        "{found:#?}"
    );

    // References: every whole-word mention of LoRA, in this file.
    let refs = client
        .request_ok(
            "textDocument/references",
            json!({"textDocument": doc, "position": pos(&text, "LoRA 모듈만", 0), "context": {"includeDeclaration": true}}),
        )
        .await;
    let lines: Vec<u64> = refs
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|r| r["range"]["start"]["line"].as_u64())
        .collect();
    let expected: Vec<u64> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| l.contains("LoRA"))
        .map(|(i, _)| i as u64)
        .collect();
    for line in &expected {
        assert!(
            lines.contains(line),
            "mention on line {line} missing: {lines:?}"
        );
    }

    // Hover on a card's line shows the card as front and back.
    let on_card = client
        .request_ok(
            "textDocument/hover",
            json!({"textDocument": doc, "position": pos(&text, "Transformer **Encoder**만", 0)}),
        )
        .await;
    let shown = on_card["contents"]["value"].as_str().unwrap_or_default();
    assert!(
        shown.contains("**Card**") && shown.contains("**Front:**"),
        "{shown}"
    );
    assert!(shown.contains("구조"), "the front names the label: {shown}");
    assert!(
        shown.contains("**Back:**") && shown.contains("Encoder"),
        "{shown}"
    );

    // "Pin card id" on a card's line inserts the card's id as a comment at the line's end.
    let bullet = pos(&text, "- **구조**: Transformer **Encoder**", 0);
    let actions = client
        .request_ok(
            "textDocument/codeAction",
            json!({"textDocument": doc, "range": {"start": bullet, "end": bullet}, "context": {"diagnostics": []}}),
        )
        .await;
    let pin = actions
        .as_array()
        .into_iter()
        .flatten()
        .find(|a| {
            a["title"]
                .as_str()
                .is_some_and(|t| t.starts_with("Pin card id"))
        })
        .unwrap_or_else(|| panic!("no pin action on a card line: {actions:#}"));
    let edit = &pin["edit"]["changes"][uri.as_str()][0];
    assert_eq!(edit["range"]["start"]["line"], bullet["line"]);
    let line = text
        .lines()
        .nth(bullet["line"].as_u64().unwrap_or(0) as usize)
        .unwrap_or("");
    assert_eq!(
        edit["range"]["start"]["character"],
        line.encode_utf16().count()
    );
    let inserted = edit["newText"].as_str().unwrap_or_default();
    assert!(
        inserted.starts_with(" <!-- id: ") && inserted.ends_with(" -->"),
        "{inserted}"
    );

    client.finish().await;
}

fn flatten(symbols: &Value) -> Vec<Value> {
    let mut out = Vec::new();
    for s in symbols.as_array().into_iter().flatten() {
        out.push(s.clone());
        out.extend(flatten(&s["children"]));
    }
    out
}

fn contains(outer: &Value, inner: &Value) -> bool {
    let key = |p: &Value| (p["line"].as_u64(), p["character"].as_u64());
    key(&outer["start"]) <= key(&inner["start"]) && key(&inner["end"]) <= key(&outer["end"])
}
