//! Hostile framing: every malformed message gets an answer where one is possible, and the
//! server keeps answering the well-formed messages that follow it.

mod harness;

use harness::{Client, file_uri};
use serde_json::{Value, json};

const NOTE: &str =
    "# BERT\n\n## 구조\n\nLoRA(Low-Rank Adaptation)는 적은 파라미터로 미세조정한다.\n";

/// A started, initialized server with one open note; returns its URI.
async fn start() -> (Client, tempfile::TempDir, String) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("note.md");
    std::fs::write(&path, NOTE).expect("write note");
    let mut client = Client::start();
    client.initialize(dir.path()).await;
    let _ = client.log("notedeck: loaded").await;
    let uri = file_uri(&path);
    client.open(&uri, NOTE).await;
    (client, dir, uri)
}

/// A well-formed hover request still gets its (non-error) answer.
async fn hover_still_answered(client: &mut Client, uri: &str, after: &str) {
    let response = client
        .request(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": {"line": 4, "character": 1}}),
        )
        .await;
    assert!(
        response.get("result").is_some() && response.get("error").is_none(),
        "hover after {after}: {response}"
    );
}

fn frame(body: &str) -> String {
    format!("Content-Length: {}\r\n\r\n{body}", body.len())
}

const HOVER_99: &str = r#"{"jsonrpc":"2.0","id":99,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///x.md"},"position":{"line":0,"character":0}}}"#;

#[tokio::test]
async fn ids_the_framework_cannot_represent_get_an_invalid_request_error_with_id_null() {
    for id in [
        "1.5",
        "1e3",
        "9223372036854775808",
        "-9223372036854775809",
        "[1]",
        "{}",
    ] {
        let (mut client, _dir, uri) = start().await;
        let body =
            format!(r#"{{"jsonrpc":"2.0","id":{id},"method":"textDocument/hover","params":{{}}}}"#);
        client.send_bytes(frame(&body).as_bytes()).await;
        let error = client.response(Value::Null).await;
        assert_eq!(error["error"]["code"], -32600, "id {id}: {error}");
        hover_still_answered(&mut client, &uri, &format!("id {id}")).await;
        client.finish().await;
    }
}

#[tokio::test]
async fn a_broken_length_is_answered_and_the_next_message_is_read() {
    let cases = [
        (
            "a length that is not a number",
            format!("Content-Length: abc\r\n\r\n{HOVER_99}"),
        ),
        (
            "a negative length",
            format!("Content-Length: -5\r\n\r\n{HOVER_99}"),
        ),
        (
            "no length at all",
            format!("Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{HOVER_99}"),
        ),
        (
            "a length shorter than the body",
            format!("Content-Length: 10\r\n\r\n{HOVER_99}"),
        ),
        (
            "a length shorter than the body, with a newline after it",
            format!("Content-Length: 10\r\n\r\n{HOVER_99}\r\n"),
        ),
    ];
    for (what, bytes) in cases {
        let (mut client, _dir, uri) = start().await;
        client.send_bytes(bytes.as_bytes()).await;
        let error = client.response(Value::Null).await;
        assert_eq!(error["error"]["code"], -32700, "{what}: {error}");
        hover_still_answered(&mut client, &uri, what).await;
        client.finish().await;
    }
}

#[tokio::test]
async fn a_length_longer_than_the_body_still_answers_both_messages() {
    let (mut client, _dir, uri) = start().await;
    let bytes = format!("Content-Length: {}\r\n\r\n{HOVER_99}", HOVER_99.len() + 30);
    client.send_bytes(bytes.as_bytes()).await;
    hover_still_answered(&mut client, &uri, "an overlong length").await;
    let first = client.response(json!(99)).await;
    assert!(first.get("result").is_some(), "{first}");
    client.finish().await;
}

#[tokio::test]
async fn garbage_between_messages_is_skipped() {
    let (mut client, _dir, uri) = start().await;
    client
        .send_bytes(b"\x1b[31mnot a header at all\r\n\xff\xfe\r\n{\"half\":")
        .await;
    hover_still_answered(&mut client, &uri, "garbage").await;
    client.finish().await;
}

#[tokio::test]
async fn every_kind_of_damage_in_one_session() {
    let (mut client, _dir, uri) = start().await;
    let damage = [
        frame(r#"{"jsonrpc":"2.0","id":1.5,"method":"shutdown"}"#),
        format!("Content-Length: abc\r\n\r\n{HOVER_99}"),
        frame(r#"{"jsonrpc":"2.0","id":9223372036854775808,"method":"shutdown"}"#),
        format!("Content-Length: 10\r\n\r\n{HOVER_99}"),
        format!("Content-Length: -1\r\n\r\n{HOVER_99}"),
    ];
    for bytes in &damage {
        client.send_bytes(bytes.as_bytes()).await;
        let error = client.response(Value::Null).await;
        assert!(error["error"]["code"].is_i64(), "{bytes}: {error}");
        hover_still_answered(&mut client, &uri, bytes).await;
    }
    client.finish().await;
}
