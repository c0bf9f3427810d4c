//! A whole editing session on the user's real notes, spoken as raw JSON-RPC to the server
//! running in-process: open, diagnostics, hover, definition, quick fix, incremental edits with
//! Korean and emoji positions, a malformed request, close, shutdown.

mod harness;

use harness::{Client, apply_edits, file_uri, notes_workspace, pos, position};
use serde_json::{Value, json};

fn codes(diags: &[Value]) -> Vec<&str> {
    diags.iter().filter_map(|d| d["code"].as_str()).collect()
}

fn row_rank(diags: &[Value]) -> Vec<&Value> {
    diags
        .iter()
        .filter(|d| d["code"] == "conflicting-expansion" && d["range"]["start"]["line"] == 114)
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn editing_session_on_the_real_notes() {
    let (dir, path, text) = notes_workspace();
    let uri = file_uri(&path);
    let mut client = Client::start();

    let caps = client.initialize(dir.path()).await;
    assert_eq!(caps["textDocumentSync"]["change"], 2, "incremental sync");
    assert_eq!(caps["positionEncoding"], "utf-16");
    for provider in [
        "hoverProvider",
        "definitionProvider",
        "referencesProvider",
        "documentSymbolProvider",
        "workspaceSymbolProvider",
        "completionProvider",
        "codeActionProvider",
        "codeLensProvider",
    ] {
        assert!(!caps[provider].is_null(), "{provider} missing: {caps}");
    }

    let diags = client.open(&uri, &text).await;
    // The workspace scan reports when the vault is loaded and checked.
    let loaded = client.log("notedeck: loaded").await;
    assert!(loaded.contains("notes in"), "{loaded}");
    let conflict = row_rank(&diags);
    assert_eq!(
        conflict.len(),
        1,
        "one Row-rank conflict expected: {diags:#?}"
    );
    let conflict = conflict[0].clone();
    assert_eq!(conflict["source"], "notedeck");
    // The conflict points at the other expansion (the heading) as related information.
    let related = conflict["relatedInformation"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert!(
        related
            .iter()
            .any(|r| r["location"]["range"]["start"]["line"] == 120),
        "related information should point at the LoRA heading: {conflict:#}"
    );

    // Hover on a bare mention of LoRA in a bullet under the heading.
    let lora = pos(&text, "LoRA 모듈만", 0);
    let hover = client
        .request_ok(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": lora}),
        )
        .await;
    let shown = hover["contents"]["value"].as_str().unwrap_or_default();
    assert!(
        shown.contains("**LoRA** — Low-Rank Adaptation"),
        "hover: {shown}"
    );
    assert!(
        shown.contains("line 121"),
        "hover names the defining line: {shown}"
    );
    assert!(
        shown.contains("Row-rank Adaptation"),
        "hover shows the conflicting variant: {shown}"
    );
    assert_eq!(
        hover["range"]["start"], lora,
        "hover range starts at the word"
    );

    // Go to definition: the `## **LoRA (Low-Rank Adaptation)**` heading (0-based line 120).
    let def = client
        .request_ok(
            "textDocument/definition",
            json!({"textDocument": {"uri": uri}, "position": lora}),
        )
        .await;
    assert_eq!(def["uri"], uri.as_str(), "definition: {def}");
    assert_eq!(def["range"]["start"]["line"], 120, "definition: {def}");

    // The quick fix for the conflict turns "Row-rank" into "Low-Rank".
    let actions = client
        .request_ok(
            "textDocument/codeAction",
            json!({
                "textDocument": {"uri": uri},
                "range": conflict["range"],
                "context": {"diagnostics": [conflict]}
            }),
        )
        .await;
    let fix = actions
        .as_array()
        .into_iter()
        .flatten()
        .find(|a| {
            // One fix may resolve several findings (here also the acronym mismatch).
            a["kind"] == "quickfix"
                && a["diagnostics"]
                    .as_array()
                    .is_some_and(|ds| ds.iter().any(|d| d["code"] == "conflicting-expansion"))
        })
        .unwrap_or_else(|| panic!("no quick fix offered: {actions:#}"))
        .clone();
    assert_eq!(fix["isPreferred"], true);
    let edits = fix["edit"]["changes"][uri.as_str()]
        .as_array()
        .cloned()
        .unwrap_or_else(|| panic!("fix edits another file: {fix:#}"));
    let fixed = apply_edits(&text, &edits);
    assert_eq!(fixed.lines().nth(114), Some("LoRA (Low-Rank Adaptation)"));
    assert_eq!(fixed.len(), text.len(), "only the expansion changes");

    // Apply the fix as the editor would: an incremental change (version 2).
    let changes: Vec<Value> = edits
        .iter()
        .map(|e| json!({"range": e["range"], "text": e["newText"]}))
        .collect();
    client
        .notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": changes}),
        )
        .await;
    let diags = client.diagnostics(&uri, Some(2)).await;
    assert!(
        row_rank(&diags).is_empty(),
        "conflict gone after the fix: {diags:#?}"
    );
    assert!(
        !codes(&diags).contains(&"conflicting-expansion"),
        "{diags:#?}"
    );

    // An edit right after 📌 (two UTF-16 units) on the tip line: the server must insert
    // exactly where the client meant, or the new conflict's range will be off.
    let tip = pos(&fixed, "**암기 팁**", 0);
    assert_eq!(tip["character"], 3, "📌 is two units, then a space");
    let inserted = "LoRA (Row-rank Adaptation) ";
    client
        .change(&uri, 3, json!({"start": tip, "end": tip}), inserted)
        .await;
    let mut current = fixed.clone();
    let at = current.find("**암기 팁**").expect("tip");
    current.insert_str(at, inserted);
    let diags = client.diagnostics(&uri, Some(3)).await;
    let new_conflict = diags
        .iter()
        .find(|d| d["code"] == "conflicting-expansion")
        .unwrap_or_else(|| panic!("the inserted variant conflicts: {diags:#?}"));
    let (line, character) = position(&current, current.find("Row-rank").expect("inserted"));
    assert_eq!(new_conflict["range"]["start"]["line"], line);
    // Same line, after "📌 LoRA (": 2 + 1 + 6 units, if the server counts like the client.
    assert_eq!(character, 9);
    assert!(
        new_conflict["range"]["start"]["character"].as_u64() <= Some(9)
            && new_conflict["range"]["end"]["character"].as_u64() >= Some(9),
        "conflict range covers the inserted expansion: {new_conflict:#}"
    );

    // Delete Korean text before a LoRA mention (one unit per syllable) and hover it again.
    let korean = pos(&current, "원래 모델 ", 0);
    let end =
        json!({"line": korean["line"], "character": korean["character"].as_u64().unwrap_or(0) + 6});
    client
        .change(&uri, 4, json!({"start": korean, "end": end}), "")
        .await;
    current = current.replacen("원래 모델 ", "", 1);
    let mention = pos(&current, "LoRA 모듈만", 0);
    let hover = client
        .request_ok(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": mention}),
        )
        .await;
    assert_eq!(
        hover["range"]["start"], mention,
        "hover after the Korean deletion: {hover}"
    );
    let _ = client.diagnostics(&uri, Some(4)).await;

    // Malformed requests get JSON-RPC errors and the server carries on.
    let bad = client
        .request("textDocument/hover", json!({"textDocument": 42}))
        .await;
    assert_eq!(bad["error"]["code"], -32602, "invalid params: {bad}");
    client.send_raw("{this is not json").await;
    let parse_error = client.response(Value::Null).await;
    assert_eq!(parse_error["error"]["code"], -32700, "{parse_error}");
    client.send_raw(r#"{"id":41,"hello":"world"}"#).await;
    let not_rpc = client.response(json!(41)).await;
    assert_eq!(not_rpc["error"]["code"], -32600, "{not_rpc}");
    let unknown = client.request("notedeck/nothing", json!({})).await;
    assert_eq!(unknown["error"]["code"], -32601, "{unknown}");
    let still = client
        .request_ok(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": mention}),
        )
        .await;
    assert!(
        still["contents"]["value"]
            .as_str()
            .is_some_and(|v| v.contains("Low-Rank"))
    );

    // Closing clears the file's diagnostics.
    client
        .notify(
            "textDocument/didClose",
            json!({"textDocument": {"uri": uri}}),
        )
        .await;
    // The workspace scan may have published the file's disk diagnostics (unversioned) before
    // the open reached the server; such a message can still be queued here. Closing clears:
    // an empty unversioned publish must follow (waiting for it fails the test on timeout).
    while !client.diagnostics(&uri, None).await.is_empty() {}

    client.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_burst_of_edits_gets_one_publish_for_the_last_version() {
    let (dir, path, text) = notes_workspace();
    let uri = file_uri(&path);
    // A debounce longer than the pauses between the edits below.
    let mut client = Client::start_with_debounce(std::time::Duration::from_millis(300));
    client.initialize(dir.path()).await;
    client
        .notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}),
        )
        .await;
    assert_eq!(row_rank(&client.diagnostics(&uri, Some(1)).await).len(), 1);
    let _ = client.log("notedeck: loaded").await;

    // Type "Low-Rank" over "Row-rank" in three edits 100 ms apart: a pause shorter than the
    // debounce, so nothing is published until the last.
    let at = pos(&text, "Row-rank", 0);
    let col = |d: u64| json!({"line": at["line"], "character": at["character"].as_u64().unwrap_or(0) + d});
    for (version, start, end, typed) in [(2, 0, 1, "L"), (3, 1, 4, "ow-"), (4, 4, 8, "Rank")] {
        client
            .change(
                &uri,
                version,
                json!({"start": col(start), "end": col(end)}),
                typed,
            )
            .await;
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let diags = client.diagnostics(&uri, Some(4)).await;
    assert!(row_rank(&diags).is_empty(), "fixed by typing: {diags:#?}");
    // No list for versions 2 or 3 was published: `finish` fails on any unconsumed message.
    client.finish().await;
}

/// An editor lists the problems of closed files too: when an edit in an open note removes a
/// conflict, the closed note holding the other side must get its list again.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fixing_a_conflict_in_an_open_note_refreshes_the_closed_note_that_held_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let closed = dir.path().join("a.md");
    let open = dir.path().join("b.md");
    let closed_text = "# 미세조정\n\nLoRA (Row-rank Adaptation)\n\n- 적은 파라미터만 학습\n";
    let open_text = "## LoRA (Low-Rank Adaptation)\n\n- 새로 추가한 LoRA 모듈만 학습\n";
    std::fs::write(&closed, closed_text).expect("write a.md");
    std::fs::write(&open, open_text).expect("write b.md");
    let (closed_uri, open_uri) = (file_uri(&closed), file_uri(&open));

    let mut client = Client::start();
    client.initialize(dir.path()).await;
    let diags = client.open(&open_uri, open_text).await;
    assert!(codes(&diags).is_empty(), "{diags:#?}");
    let _ = client.log("notedeck: loaded").await;
    // The closed note's findings are published once the workspace is loaded.
    let before = client.diagnostics(&closed_uri, None).await;
    assert!(
        codes(&before).contains(&"conflicting-expansion"),
        "{before:#?}"
    );

    // The open note now spells it the closed note's way: no conflict is left anywhere.
    let at = pos(open_text, "Low-Rank", 0);
    let end = json!({"line": at["line"], "character": at["character"].as_u64().unwrap_or(0) + 8});
    client
        .change(&open_uri, 2, json!({"start": at, "end": end}), "Row-rank")
        .await;
    let edited = client.diagnostics(&open_uri, Some(2)).await;
    assert!(
        !codes(&edited).contains(&"conflicting-expansion"),
        "{edited:#?}"
    );
    let after = client.diagnostics(&closed_uri, None).await;
    assert!(
        !codes(&after).contains(&"conflicting-expansion"),
        "the closed note still shows the conflict: {after:#?}"
    );
    // Its own finding stays: "Row-rank Adaptation" still cannot spell LoRA.
    assert!(codes(&after).contains(&"acronym-mismatch"), "{after:#?}");
    client.finish().await;
}

/// Open `a.md` (the edited side) in a folder where it and a closed `b.md` disagree, wait for
/// the vault to load and `b.md`'s finding to be shown, replace `from` by `to` in `a.md`, and
/// return `b.md`'s diagnostics before and after.
async fn edit_one_side(a: &str, b: &str, from: &str, to: &str) -> (Vec<Value>, Vec<Value>) {
    let dir = tempfile::tempdir().expect("temp dir");
    let (a_path, b_path) = (dir.path().join("a.md"), dir.path().join("b.md"));
    std::fs::write(&a_path, a).expect("write a.md");
    std::fs::write(&b_path, b).expect("write b.md");
    let (a_uri, b_uri) = (file_uri(&a_path), file_uri(&b_path));

    let mut client = Client::start();
    client.initialize(dir.path()).await;
    let _ = client.open(&a_uri, a).await;
    let _ = client.log("notedeck: loaded").await;
    let before = client.diagnostics(&b_uri, None).await;

    let at = pos(a, from, 0);
    let width = from.encode_utf16().count() as u64;
    let end =
        json!({"line": at["line"], "character": at["character"].as_u64().unwrap_or(0) + width});
    client
        .change(&a_uri, 2, json!({"start": at, "end": end}), to)
        .await;
    let _ = client.diagnostics(&a_uri, Some(2)).await;
    let after = client.diagnostics(&b_uri, None).await;
    client.finish().await;
    (before, after)
}

/// Both files carry a card with the same front; renaming the heading in the open one must
/// clear the closed one's `duplicate-card` (it used to stay: the server compared term names
/// and claim subjects, not the checker's card keys).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn renaming_a_shared_heading_clears_the_duplicate_card_in_the_closed_note() {
    let a = "# 기출 복기\n\n### 문항3\n\n## **1. BERT**\n\n- **한계**: MLM 시 [MASK] 토큰이 실제 사용 환경과 불일치(노이즈)\n";
    let b = "# 기출 복기\n\n### 문항3\n\n## **1. BERT**\n\n- **한계**: 사전 학습과 미세 조정의 불일치\n";
    let (before, after) = edit_one_side(a, b, "BERT", "RoBERTa").await;
    assert!(codes(&before).contains(&"duplicate-card"), "{before:#?}");
    assert!(!codes(&after).contains(&"duplicate-card"), "{after:#?}");
}

/// `LoRA` and `Lora` are one claim subject (the checker normalises it); agreeing in the open
/// note must clear the closed note's `conflicting-claim`.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn agreeing_with_a_claim_clears_the_conflict_in_the_closed_note() {
    let a = "## LoRA\n\n- **랭크 수**: 8개\n";
    let b = "## Lora\n\n- **랭크 수**: 4개\n";
    let (before, after) = edit_one_side(a, b, "8개", "4개").await;
    assert!(codes(&before).contains(&"conflicting-claim"), "{before:#?}");
    assert!(!codes(&after).contains(&"conflicting-claim"), "{after:#?}");
}

/// A keystroke in a very large note must not stall requests about other notes: the large
/// buffer is parsed off the request path, and its diagnostics follow for the new version.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_keystroke_in_a_huge_note_does_not_stall_hover_elsewhere() {
    let (dir, path, text) = notes_workspace();
    // About 3 MB of topics of its own (no key shared with the small note, so its findings
    // stay as they are).
    let huge_text: String = (0..40_000)
        .map(|i| format!("## 주제 {i}\n\n- **정의 {i}**: 설명 {i} 입니다\n- 보충 설명 {i}\n\n"))
        .collect();
    let huge = dir.path().join("huge.md");
    std::fs::write(&huge, &huge_text).expect("write huge.md");
    let (small_uri, huge_uri) = (file_uri(&path), file_uri(&huge));

    let mut client = Client::start();
    client.initialize(dir.path()).await;
    let _ = client.open(&small_uri, &text).await;
    let _ = client.open(&huge_uri, &huge_text).await;
    let _ = client.log("notedeck: loaded").await;

    let typed = std::time::Instant::now();
    client
        .change(
            &huge_uri,
            2,
            json!({"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}),
            "x",
        )
        .await;
    let hover = client
        .request_ok(
            "textDocument/hover",
            json!({"textDocument": {"uri": small_uri}, "position": pos(&text, "LoRA 모듈만", 0)}),
        )
        .await;
    let hover_took = typed.elapsed();
    assert!(
        hover["contents"]["value"]
            .as_str()
            .is_some_and(|v| v.contains("Low-Rank")),
        "{hover}"
    );
    let _ = client.diagnostics(&huge_uri, Some(2)).await;
    let parsed_took = typed.elapsed();
    assert!(
        hover_took * 3 < parsed_took,
        "hover took {hover_took:?}, the huge note's diagnostics {parsed_took:?}"
    );
    client.finish().await;
}
