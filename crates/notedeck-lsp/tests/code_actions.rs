//! Code actions asked for the way editors ask: Neovim's `gra` sends the cursor as an empty
//! range plus the diagnostics of the cursor's line, so the fix for "LoRA (Row-rank
//! Adaptation)" must be offered from the start of line 115 of the user's notes, once: the
//! wrong expansion is one finding (the conflict), not also an acronym mismatch.

mod harness;

use harness::{Client, apply_edits, file_uri, notes_workspace, position};
use serde_json::{Value, json};

const LINE: &str = "LoRA (Row-rank Adaptation)";
const FIX_TITLE: &str = "Replace with \"Low-Rank Adaptation\"";

/// A session with the real notes open and their diagnostics published: the client, the
/// document URI, the text, the 0-based line of [`LINE`] and the diagnostics on that line.
async fn open_notes() -> (tempfile::TempDir, Client, String, String, u32, Vec<Value>) {
    let (dir, path, text) = notes_workspace();
    let uri = file_uri(&path);
    let mut client = Client::start();
    client.initialize(dir.path()).await;
    let diags = client.open(&uri, &text).await;
    let _ = client.log("notedeck: loaded").await;
    let (line, _) = position(
        &text,
        text.find(LINE).expect("the LoRA line is in the notes"),
    );
    assert_eq!(line, 114, "line 115 of the notes, 0-based");
    let on_line: Vec<Value> = diags
        .into_iter()
        .filter(|d| d["range"]["start"]["line"] == line)
        .collect();
    (dir, client, uri, text, line, on_line)
}

async fn code_actions(
    client: &mut Client,
    uri: &str,
    at: &Value,
    diagnostics: &[Value],
) -> Vec<Value> {
    let actions = client
        .request_ok(
            "textDocument/codeAction",
            json!({
                "textDocument": {"uri": uri},
                "range": {"start": at, "end": at},
                "context": {"diagnostics": diagnostics, "triggerKind": 1}
            }),
        )
        .await;
    actions.as_array().cloned().unwrap_or_default()
}

fn quick_fixes(actions: &[Value]) -> Vec<&Value> {
    actions.iter().filter(|a| a["kind"] == "quickfix").collect()
}

fn sorted_codes(diagnostics: &Value) -> Vec<String> {
    let mut codes: Vec<String> = diagnostics
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|d| d["code"].as_str().map(str::to_string))
        .collect();
    codes.sort();
    codes
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_line_fix_is_offered_once_from_column_zero_with_the_line_diagnostics() {
    let (_dir, mut client, uri, text, line, on_line) = open_notes().await;
    // One problem, one finding: the conflict (which also names the initial that does not
    // fit) sits on the expansion, not under column 0; no acronym mismatch on the same span.
    let mut line_codes: Vec<&str> = on_line.iter().filter_map(|d| d["code"].as_str()).collect();
    line_codes.sort_unstable();
    assert_eq!(line_codes, ["conflicting-expansion"], "{on_line:#?}");
    assert!(
        on_line
            .iter()
            .all(|d| d["range"]["start"]["character"].as_u64() > Some(0)),
        "{on_line:#?}"
    );

    let at = json!({"line": line, "character": 0});
    let actions = code_actions(&mut client, &uri, &at, &on_line).await;
    let fixes = quick_fixes(&actions);
    assert_eq!(
        fixes.len(),
        1,
        "exactly one quick fix for the line: {actions:#?}"
    );
    let fix = fixes[0];
    assert_eq!(fix["title"], FIX_TITLE);
    assert_eq!(fix["isPreferred"], true, "{fix:#}");
    assert_eq!(
        sorted_codes(&fix["diagnostics"]),
        ["conflicting-expansion"],
        "the fix resolves the finding: {fix:#}"
    );
    let edits = fix["edit"]["changes"][uri.as_str()]
        .as_array()
        .cloned()
        .unwrap_or_else(|| panic!("the fix edits another file: {fix:#}"));
    assert_eq!(edits.len(), 1, "{fix:#}");
    assert_eq!(edits[0]["newText"], "Low-Rank Adaptation");
    let fixed = apply_edits(&text, &edits);
    assert_eq!(
        fixed,
        text.replacen("Row-rank Adaptation", "Low-Rank Adaptation", 1),
        "only the expansion on line 115 changes"
    );
    assert_eq!(
        fixed.lines().nth(line as usize),
        Some("LoRA (Low-Rank Adaptation)")
    );
    // The card on the line can still have its id pinned from there.
    assert!(
        actions.iter().any(|a| a["title"]
            .as_str()
            .is_some_and(|t| t.starts_with("Pin card id"))),
        "{actions:#?}"
    );

    client.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fixes_come_from_the_range_or_from_diagnostics_that_match_by_code_and_range() {
    let (_dir, mut client, uri, text, line, on_line) = open_notes().await;
    let start = json!({"line": line, "character": 0});

    // Inside "Row-rank" with no diagnostics in the context: the range alone finds the
    // finding, and its fix is listed once.
    let column = LINE.find("Row-rank").expect("in the line") as u64 + 2;
    let inside = json!({"line": line, "character": column});
    let actions = code_actions(&mut client, &uri, &inside, &[]).await;
    let fixes = quick_fixes(&actions);
    assert_eq!(fixes.len(), 1, "{actions:#?}");
    assert_eq!(fixes[0]["title"], FIX_TITLE);
    assert_eq!(
        sorted_codes(&fixes[0]["diagnostics"]),
        ["conflicting-expansion"]
    );

    // Column 0 and nothing in the context: no finding is there.
    let actions = code_actions(&mut client, &uri, &start, &[]).await;
    assert!(quick_fixes(&actions).is_empty(), "{actions:#?}");

    // A diagnostic that matches in code but not in range (the client's copy of a finding
    // elsewhere), or one from another server, brings no fix.
    let conflict = on_line
        .iter()
        .find(|d| d["code"] == "conflicting-expansion")
        .expect("the conflict is on the line");
    let mut moved = conflict.clone();
    moved["range"]["start"]["character"] = json!(0);
    let mut foreign = conflict.clone();
    foreign["source"] = json!("marksman");
    let actions = code_actions(&mut client, &uri, &start, &[moved, foreign]).await;
    assert!(quick_fixes(&actions).is_empty(), "{actions:#?}");

    // The same diagnostic without a source (some clients drop it) still matches, and the fix
    // carries the client's copy.
    let mut bare = conflict.clone();
    if let Some(d) = bare.as_object_mut() {
        d.remove("source");
    }
    let actions = code_actions(&mut client, &uri, &start, std::slice::from_ref(&bare)).await;
    let fixes = quick_fixes(&actions);
    assert_eq!(fixes.len(), 1, "{actions:#?}");
    assert_eq!(fixes[0]["diagnostics"], json!([bare]));
    let edits = fixes[0]["edit"]["changes"][uri.as_str()]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(
        apply_edits(&text, &edits),
        text.replacen("Row-rank Adaptation", "Low-Rank Adaptation", 1)
    );

    client.finish().await;
}

/// Two expansions used once each, both English words that spell the name: the checker does
/// not guess. The editor gets two quick fixes to choose from, neither marked preferred, so
/// "fix all" or fix-on-save applies neither (let alone both).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_undecided_tie_offers_two_choices_neither_preferred() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (a, b) = (dir.path().join("a.md"), dir.path().join("b.md"));
    let a_text = "- CD (Continuous Delivery) 단계\n";
    let b_text = "- **배포**: CD (Continuous Deployment) 자동화\n";
    std::fs::write(&a, a_text).expect("write a.md");
    std::fs::write(&b, b_text).expect("write b.md");
    let uri = file_uri(&b);
    let mut client = Client::start();
    client.initialize(dir.path()).await;
    // Opened once the vault is loaded (b.md's findings were published then, as a closed
    // file's), so its first diagnostics already see a.md.
    let _ = client.log("notedeck: loaded").await;
    let _ = client.diagnostics(&uri, None).await;
    let diags = client.open(&uri, b_text).await;
    let conflict: Vec<Value> = diags
        .into_iter()
        .filter(|d| d["code"] == "conflicting-expansion")
        .collect();
    assert_eq!(conflict.len(), 1, "{conflict:#?}");

    let at = json!({"line": 0, "character": 0});
    let actions = code_actions(&mut client, &uri, &at, &conflict).await;
    let fixes = quick_fixes(&actions);
    let titles: Vec<&str> = fixes.iter().filter_map(|f| f["title"].as_str()).collect();
    assert_eq!(
        titles,
        [
            "Replace with \"Continuous Delivery\"",
            "Use \"Continuous Deployment\" everywhere (changes 1 other place)",
        ],
        "{actions:#?}"
    );
    assert!(
        fixes.iter().all(|f| f["isPreferred"] == false),
        "{actions:#?}"
    );
    // The second choice edits the other note, where the other variant is written.
    let other = fixes[1]["edit"]["changes"][file_uri(&a).as_str()]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(
        apply_edits(a_text, &other),
        "- CD (Continuous Deployment) 단계\n"
    );
    client.finish().await;
}
