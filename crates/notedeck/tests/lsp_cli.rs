//! `notedeck lsp` as an editor runs it: raw bytes on stdin, framed answers on stdout, and an
//! exit status that follows the LSP specification.

use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

const PATIENCE: Duration = Duration::from_secs(20);

struct Server {
    child: Child,
    stdin: Option<ChildStdin>,
    messages: Receiver<Value>,
}

impl Server {
    fn start() -> Self {
        let mut child = Command::new(assert_cmd::cargo::cargo_bin("notedeck"))
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start notedeck lsp");
        let stdin = child.stdin.take();
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
        }
    }

    fn send_bytes(&mut self, bytes: &[u8]) {
        let stdin = self.stdin.as_mut().expect("stdin open");
        stdin.write_all(bytes).expect("server closed its input");
        stdin.flush().expect("flush");
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        self.send_bytes(format!("Content-Length: {}\r\n\r\n{body}", body.len()).as_bytes());
    }

    /// The response with `id`, skipping notifications.
    fn response(&mut self, id: Value) -> Value {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let message = self
                .messages
                .recv_timeout(left)
                .unwrap_or_else(|_| panic!("no response {id} (the server stopped or hung)"));
            if message.get("method").is_none() && message["id"] == id {
                return message;
            }
        }
    }

    fn initialize(&mut self) {
        self.send(json!({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                         "params": {"processId": null, "rootUri": null, "capabilities": {}}}));
        let response = self.response(json!(1));
        assert!(response["result"]["capabilities"].is_object(), "{response}");
        self.send(json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}));
    }

    /// The exit status once the server stops on its own.
    fn status(mut self) -> Option<i32> {
        let deadline = Instant::now() + PATIENCE;
        loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                return status.code();
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("the server did not stop");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
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

#[test]
fn ids_that_do_not_fit_are_answered_and_the_server_stays_up() {
    let mut server = Server::start();
    server.initialize();
    for id in ["1.5", "1e3", "9223372036854775808"] {
        let body = format!(r#"{{"jsonrpc":"2.0","id":{id},"method":"textDocument/hover"}}"#);
        server.send_bytes(format!("Content-Length: {}\r\n\r\n{body}", body.len()).as_bytes());
        let error = server.response(Value::Null);
        assert_eq!(error["error"]["code"], -32600, "id {id}: {error}");
    }
    for bad in [
        "Content-Length: abc\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"shutdown\"}",
        "Content-Length: -3\r\n\r\n{}",
        "Content-Length: 4\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"shutdown\"}",
    ] {
        server.send_bytes(bad.as_bytes());
        let error = server.response(Value::Null);
        assert_eq!(error["error"]["code"], -32700, "{bad}: {error}");
    }
    server.send(json!({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}));
    let response = server.response(json!(2));
    assert_eq!(response["result"], Value::Null, "{response}");
    server.send(json!({"jsonrpc": "2.0", "method": "exit"}));
    assert_eq!(server.status(), Some(0));
}

#[test]
fn exit_without_shutdown_exits_with_status_1() {
    let mut server = Server::start();
    server.initialize();
    server.send(json!({"jsonrpc": "2.0", "method": "exit"}));
    assert_eq!(server.status(), Some(1));
}

#[test]
fn end_of_input_exits_with_status_0() {
    let mut server = Server::start();
    server.initialize();
    drop(server.stdin.take());
    assert_eq!(server.status(), Some(0));
}
