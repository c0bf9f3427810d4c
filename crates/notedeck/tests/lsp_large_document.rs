//! `notedeck lsp` with one very large note open, as the real binary runs it: the server's
//! memory stays a small multiple of the note while the user types in it, and typing there
//! does not hold up a hover in another note.
//!
//! The note is the user's notes repeated to a few megabytes (scripts/bench-bigdoc measures
//! the same at 20 MB in a release build). Before, every keystroke in it started a parse of
//! its own, all running at once, each holding a copy of the text and its parse (8 GB at
//! 20 MB), and opening it parsed under the lock every request waits for.

use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

/// The large note's size: big enough that parsing it takes seconds in a debug build.
const LARGE: usize = 3_000_000;

/// What the server may hold at its peak beyond its size with only the small note open, as a
/// multiple of the large note. Measured here: 75-90x (the open message's copies, the buffer,
/// the note, its parse, and the next parse with its event vector of about 8x the text, while
/// the previous one still answers requests); one parse per keystroke, all at once, took
/// 280x.
const MAX_RATIO: usize = 150;

const PATIENCE: Duration = Duration::from_secs(300);

struct Server {
    child: Child,
    stdin: ChildStdin,
    messages: Receiver<Value>,
    /// Notifications read while waiting for something else.
    seen: Vec<Value>,
    next_id: i64,
}

impl Server {
    fn start() -> Self {
        // `$NOTEDECK_BIN` runs the test against another build (an older one, to see it fail).
        let binary = std::env::var_os("NOTEDECK_BIN")
            .map_or_else(|| assert_cmd::cargo::cargo_bin("notedeck"), Into::into);
        let mut child = Command::new(binary)
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start notedeck lsp");
        let stdin = child.stdin.take().expect("stdin");
        let stdout = child.stdout.take().expect("stdout");
        let (send, messages) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Some(message) = read_message(&mut reader) {
                if send.send(message).is_err() {
                    break;
                }
            }
        });
        Server {
            child,
            stdin,
            messages,
            seen: Vec::new(),
            next_id: 0,
        }
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        let frame = format!("Content-Length: {}\r\n\r\n{body}", body.len());
        self.stdin
            .write_all(frame.as_bytes())
            .expect("server closed its input");
        self.stdin.flush().expect("flush");
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// The next message for which `wanted` holds, keeping the notifications passed over.
    fn wait_for(&mut self, what: &str, wanted: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self.seen.iter().position(&wanted) {
            return self.seen.remove(i);
        }
        let deadline = Instant::now() + PATIENCE;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let message = self
                .messages
                .recv_timeout(left)
                .unwrap_or_else(|_| panic!("no {what} (the server stopped or hung)"));
            if wanted(&message) {
                return message;
            }
            if message.get("method").is_some() && message.get("id").is_none() {
                self.seen.push(message);
            }
        }
    }

    /// Send a request; its answer and how long it took.
    fn request(&mut self, method: &str, params: Value) -> (Value, Duration) {
        self.next_id += 1;
        let id = self.next_id;
        let sent = Instant::now();
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        let answer = self.wait_for(method, |m| m.get("method").is_none() && m["id"] == id);
        (answer, sent.elapsed())
    }

    fn diagnostics(&mut self, uri: &str, version: i64) -> Value {
        self.wait_for("diagnostics", |m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && m["params"]["version"] == version
        })
    }

    /// Peak resident memory so far (Linux), in bytes.
    fn peak_rss(&self) -> Option<usize> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).ok()?;
        let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
        let kb: usize = line.split_whitespace().nth(1)?.parse().ok()?;
        Some(kb * 1024)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn read_message(reader: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
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
    reader.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

/// The user's note repeated to at least `size` bytes, the exam problems of each copy after the
/// first numbered on from 100, so that their cards are not all duplicates of the first copy's.
fn large_note(note: &str, size: usize) -> String {
    let body = note.split_once('\n').map_or("", |(_, rest)| rest);
    let mut out = note.to_string();
    let mut number = 100;
    while out.len() < size {
        for line in body.split_inclusive('\n') {
            let problem = if line.starts_with('#') {
                ["문제", "문항"]
                    .iter()
                    .find_map(|word| line.find(word).map(|i| i + word.len()))
            } else {
                None
            };
            match problem {
                Some(at)
                    if line[at..]
                        .trim_start()
                        .starts_with(|c: char| c.is_ascii_digit()) =>
                {
                    let rest = line[at..].trim_start();
                    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
                    out.push_str(&line[..at]);
                    out.push_str(&format!(" {number}"));
                    out.push_str(&rest[digits..]);
                    number += 1;
                }
                _ => out.push_str(line),
            }
        }
    }
    out
}

fn file_uri(path: &Path) -> String {
    format!("file://{}", path.display())
}

#[test]
fn typing_in_a_huge_note_keeps_memory_bounded_and_hover_elsewhere_answering() {
    if !Path::new("/proc/self/status").exists() {
        eprintln!("skipped: peak memory is read from Linux's /proc");
        return;
    }
    let note = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../notes/역량평가 정리.md"),
    )
    .expect("the real notes are in notes/");
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path().canonicalize().expect("root");
    let small = root.join("notes.md");
    std::fs::write(&small, &note).expect("write the small note");
    // Not on disk: only the editor's buffer is parsed, not also the startup scan's copy.
    let huge = root.join("huge.md");
    let huge_text = large_note(&note, LARGE);
    let (small_uri, huge_uri) = (file_uri(&small), file_uri(&huge));

    let mut server = Server::start();
    let (init, _) = server.request(
        "initialize",
        json!({"processId": null, "rootUri": file_uri(&root), "capabilities": {}}),
    );
    assert!(init["result"]["capabilities"].is_object(), "{init}");
    server.notify("initialized", json!({}));
    server.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": small_uri, "languageId": "markdown", "version": 1,
                                "text": note}}),
    );
    server.wait_for("the loaded message", |m| {
        m["method"] == "window/logMessage"
            && m["params"]["message"]
                .as_str()
                .is_some_and(|s| s.contains("notedeck: loaded"))
    });
    let base = server.peak_rss().expect("VmHWM");

    // A hover on "LoRA" in the small note: the term's expansion, from the other note's parse.
    let (line, column) = note
        .split('\n')
        .enumerate()
        .find_map(|(n, l)| Some((n, l.find("LoRA 모듈만")?)))
        .map(|(n, at)| {
            (
                n,
                note.split('\n')
                    .nth(n)
                    .map_or(0, |l| l[..at].encode_utf16().count()),
            )
        })
        .expect("fixture line");
    let hover = json!({"textDocument": {"uri": small_uri},
                       "position": {"line": line, "character": column + 1}});
    let mut hovers = Vec::new();
    let mut ask = |server: &mut Server| {
        let (answer, took) = server.request("textDocument/hover", hover.clone());
        assert!(
            answer["result"]["contents"]["value"]
                .as_str()
                .is_some_and(|v| v.contains("Low-Rank")),
            "{answer}"
        );
        hovers.push(took);
    };

    let opened = Instant::now();
    server.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": huge_uri, "languageId": "markdown", "version": 1,
                                "text": huge_text}}),
    );
    ask(&mut server);
    server.diagnostics(&huge_uri, 1);
    let parse_took = opened.elapsed();

    // Typing on a new last line, a keystroke every 50 ms, each followed by a hover elsewhere.
    let last_line = huge_text.lines().count();
    server.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": huge_uri, "version": 2},
               "contentChanges": [{"range": {"start": {"line": last_line, "character": 0},
                                             "end": {"line": last_line, "character": 0}},
                                   "text": "\n"}]}),
    );
    let keystrokes = 10;
    for i in 0..keystrokes {
        let at = json!({"line": last_line + 1, "character": i});
        server.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": huge_uri, "version": 3 + i},
                   "contentChanges": [{"range": {"start": at, "end": at}, "text": "x"}]}),
        );
        ask(&mut server);
        std::thread::sleep(Duration::from_millis(50));
    }
    let diags = server.diagnostics(&huge_uri, 2 + keystrokes);
    assert!(diags["params"]["diagnostics"].is_array(), "{diags}");
    let peak = server.peak_rss().expect("VmHWM");

    let grown = peak.saturating_sub(base);
    assert!(
        grown < MAX_RATIO * huge_text.len(),
        "peak RSS grew by {:.1} MB for a {:.1} MB note (bound: {MAX_RATIO}x)",
        grown as f64 / 1e6,
        huge_text.len() as f64 / 1e6
    );
    let slowest = hovers.iter().max().copied().unwrap_or_default();
    assert!(
        slowest * 3 < parse_took,
        "a hover in the small note took {slowest:?} while the huge note was opened and \
         edited; parsing it took {parse_took:?}"
    );
    server.send(json!({"jsonrpc": "2.0", "id": 0, "method": "shutdown"}));
    server.wait_for("the shutdown answer", |m| m["id"] == 0);
    server.notify("exit", Value::Null);
}
