//! An LSP client in the test process: it runs the server over an in-memory pipe, sends raw
//! JSON-RPC and reads the server's messages. Every message the server sends must be consumed
//! by the test (as a response or an expected notification); [`Client::finish`] fails the test
//! if one was left over, so an unexpected diagnostic or log message cannot pass unnoticed.

#![allow(dead_code)] // each test binary uses a different part of the harness

use serde_json::{Value, json};
use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader, DuplexStream};
use tokio::task::JoinHandle;

/// How long to wait for any one message before failing the test.
const PATIENCE: Duration = Duration::from_secs(20);

pub struct Client {
    writer: tokio::io::WriteHalf<DuplexStream>,
    reader: BufReader<tokio::io::ReadHalf<DuplexStream>>,
    /// Messages read while waiting for something else, not yet consumed by the test.
    pending: VecDeque<Value>,
    next_id: i64,
    server: JoinHandle<()>,
}

impl Client {
    /// Start a server with a short debounce, so tests do not wait long.
    pub fn start() -> Self {
        Self::start_with_debounce(Duration::from_millis(20))
    }

    /// Start a server that waits `debounce` for edits to pause.
    pub fn start_with_debounce(debounce: Duration) -> Self {
        let (client_end, server_end) = tokio::io::duplex(1 << 20);
        let (server_read, server_write) = tokio::io::split(server_end);
        let config = notedeck_lsp::Config {
            debounce,
            find_collection: false,
            ..notedeck_lsp::Config::default()
        };
        let server = tokio::spawn(notedeck_lsp::serve(server_read, server_write, config));
        let (read, writer) = tokio::io::split(client_end);
        Client {
            writer,
            reader: BufReader::new(read),
            pending: VecDeque::new(),
            next_id: 0,
            server,
        }
    }

    /// `initialize` with `root` as the only workspace folder, then `initialized`; returns the
    /// server's capabilities.
    pub async fn initialize(&mut self, root: &Path) -> Value {
        let uri = file_uri(root);
        let result = self
            .request_ok(
                "initialize",
                json!({
                    "processId": null,
                    "rootUri": uri,
                    "workspaceFolders": [{"uri": uri, "name": "notes"}],
                    "capabilities": {
                        "textDocument": {"publishDiagnostics": {"versionSupport": true}}
                    }
                }),
            )
            .await;
        self.notify("initialized", json!({})).await;
        result["capabilities"].clone()
    }

    /// Send raw bytes as one framed message body.
    pub async fn send_raw(&mut self, body: &str) {
        let frame = format!("Content-Length: {}\r\n\r\n{body}", body.len());
        self.writer
            .write_all(frame.as_bytes())
            .await
            .expect("server closed its input");
    }

    /// Send bytes exactly as given, framing and all (for tests of broken framing).
    pub async fn send_bytes(&mut self, bytes: &[u8]) {
        self.writer
            .write_all(bytes)
            .await
            .expect("server closed its input");
    }

    pub async fn notify(&mut self, method: &str, params: Value) {
        let msg = json!({"jsonrpc": "2.0", "method": method, "params": params});
        self.send_raw(&msg.to_string()).await;
    }

    /// Open a markdown buffer at version 1 and return the diagnostics published for it.
    pub async fn open(&mut self, uri: &str, text: &str) -> Vec<Value> {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}),
        )
        .await;
        self.diagnostics(uri, Some(1)).await
    }

    /// `didChange` with one change: replace `range` (an LSP range) of `uri` by `text`, making
    /// the buffer `version`.
    pub async fn change(&mut self, uri: &str, version: i64, range: Value, text: impl Into<Value>) {
        self.notify(
            "textDocument/didChange",
            json!({
                "textDocument": {"uri": uri, "version": version},
                "contentChanges": [{"range": range, "text": text.into()}]
            }),
        )
        .await;
    }

    /// Apply one `TextEdit` (as a code action returns it) as the buffer's `version`, the way an
    /// editor does, and return the diagnostics published for that version.
    pub async fn apply(&mut self, uri: &str, version: i64, edit: &Value) -> Vec<Value> {
        self.change(uri, version, edit["range"].clone(), edit["newText"].clone())
            .await;
        self.diagnostics(uri, Some(version)).await
    }

    /// Send a request and return the whole response message (result or error).
    pub async fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        let msg = json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params});
        self.send_raw(&msg.to_string()).await;
        self.response(json!(id)).await
    }

    /// Send a request and return its result, failing the test on an error response.
    pub async fn request_ok(&mut self, method: &str, params: Value) -> Value {
        let response = self.request(method, params).await;
        assert!(
            response.get("error").is_none(),
            "{method} failed: {response}"
        );
        response["result"].clone()
    }

    /// The response with `id`.
    pub async fn response(&mut self, id: Value) -> Value {
        self.take(
            |m| m.get("method").is_none() && m["id"] == id,
            &format!("response {id}"),
        )
        .await
    }

    /// The next `publishDiagnostics` for `uri` with `version` (`None`: unversioned).
    pub async fn diagnostics(&mut self, uri: &str, version: Option<i64>) -> Vec<Value> {
        let uri = uri.to_string();
        let msg = self
            .take(
                |m| {
                    m["method"] == "textDocument/publishDiagnostics"
                        && m["params"]["uri"] == uri.as_str()
                        && m["params"]["version"].as_i64() == version
                },
                &format!("diagnostics for {uri} version {version:?}"),
            )
            .await;
        msg["params"]["diagnostics"]
            .as_array()
            .cloned()
            .unwrap_or_default()
    }

    /// The next `window/logMessage` whose text contains `needle`.
    pub async fn log(&mut self, needle: &str) -> String {
        let msg = self
            .take(
                |m| {
                    m["method"] == "window/logMessage"
                        && m["params"]["message"]
                            .as_str()
                            .is_some_and(|t| t.contains(needle))
                },
                &format!("a log message containing {needle:?}"),
            )
            .await;
        msg["params"]["message"]
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// `shutdown` then `exit`; the server must stop, and every message must have been consumed.
    pub async fn finish(mut self) {
        let response = self.request("shutdown", Value::Null).await;
        assert_eq!(response["result"], Value::Null, "shutdown: {response}");
        self.send_raw(r#"{"jsonrpc":"2.0","method":"exit"}"#).await;
        tokio::time::timeout(PATIENCE, &mut self.server)
            .await
            .expect("server did not stop after exit")
            .expect("server task panicked");
        // Drain what the server wrote before stopping.
        while let Ok(Some(msg)) =
            tokio::time::timeout(Duration::from_millis(50), read_message(&mut self.reader)).await
        {
            self.pending.push_back(msg);
        }
        assert!(
            self.pending.is_empty(),
            "server messages nobody expected: {:#?}",
            self.pending
        );
    }

    /// The first pending or incoming message matching `want`; others stay pending.
    async fn take(&mut self, want: impl Fn(&Value) -> bool, what: &str) -> Value {
        if let Some(i) = self.pending.iter().position(&want) {
            return self.pending.remove(i).expect("index from position");
        }
        loop {
            let msg = tokio::time::timeout(PATIENCE, read_message(&mut self.reader))
                .await
                .unwrap_or_else(|_| {
                    panic!("timed out waiting for {what}; pending: {:#?}", self.pending)
                })
                .unwrap_or_else(|| panic!("server closed the stream waiting for {what}"));
            if want(&msg) {
                return msg;
            }
            self.pending.push_back(msg);
        }
    }
}

async fn read_message(reader: &mut BufReader<tokio::io::ReadHalf<DuplexStream>>) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).await.ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(v) = line.strip_prefix("Content-Length:") {
            length = v.trim().parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    reader.read_exact(&mut body).await.ok()?;
    serde_json::from_slice(&body).ok()
}

/// `file://` URI of an absolute path, percent-encoded the way VS Code does it.
pub fn file_uri(path: &Path) -> String {
    let mut out = String::from("file://");
    for b in path.to_string_lossy().bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A temporary workspace holding a copy of the user's real notes.
pub fn notes_workspace() -> (tempfile::TempDir, PathBuf, String) {
    let dir = tempfile::tempdir().expect("temp dir");
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../notes/역량평가 정리.md");
    let text = std::fs::read_to_string(&source).expect("the real notes are in notes/");
    let path = dir.path().join("역량평가 정리.md");
    std::fs::write(&path, &text).expect("copy notes");
    (dir, path, text)
}

/// (line, UTF-16 column) of byte `offset`, computed independently of the server.
pub fn position(text: &str, offset: usize) -> (u32, u32) {
    let before = &text[..offset];
    let line = before.matches('\n').count() as u32;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = text[line_start..offset].encode_utf16().count() as u32;
    (line, column)
}

/// Byte offset of an LSP position.
pub fn offset(text: &str, line: u32, character: u32) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line as usize)
        .map(str::len)
        .sum();
    let mut units = 0;
    for (i, c) in text[start..].char_indices() {
        if units >= character || c == '\n' {
            return start + i;
        }
        units += c.len_utf16() as u32;
    }
    text.len()
}

/// JSON position of the `nth` occurrence of `needle`.
pub fn pos(text: &str, needle: &str, nth: usize) -> Value {
    let at = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("{needle:?} #{nth} not in the notes"))
        .0;
    let (line, character) = position(text, at);
    json!({"line": line, "character": character})
}

/// Apply LSP text edits (for one document) to `text`.
pub fn apply_edits(text: &str, edits: &[Value]) -> String {
    let mut spans: Vec<(usize, usize, String)> = edits
        .iter()
        .map(|e| {
            let at = |p: &Value| {
                offset(
                    text,
                    p["line"].as_u64().expect("line") as u32,
                    p["character"].as_u64().expect("character") as u32,
                )
            };
            (
                at(&e["range"]["start"]),
                at(&e["range"]["end"]),
                e["newText"].as_str().expect("newText").to_string(),
            )
        })
        .collect();
    spans.sort_by_key(|s| std::cmp::Reverse(s.0));
    let mut out = text.to_string();
    for (start, end, new) in spans {
        out.replace_range(start..end, &new);
    }
    out
}
