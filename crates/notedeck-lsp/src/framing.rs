//! A guard in front of the protocol framework's reader: a malformed message must get an error
//! response, not end the session or leave the server waiting for bytes that never come.
//!
//! tower-lsp-server reads with `tokio_util`'s `FramedRead`, which stops for good after its
//! decoder fails once, so a single body that is not JSON (or JSON that is not a JSON-RPC
//! message the framework can decode, such as one with the id `1.5`) would make the server
//! exit. This task reads the client's frames itself and passes valid messages through
//! unchanged; anything else is replaced by a request to [`INVALID_MESSAGE`], which the server
//! answers with the JSON-RPC error the original deserved (`-32700` parse error or `-32600`
//! invalid request, with the original id when the framework can represent it, else `null`).
//!
//! A broken header (a length that is not a number, is missing, or is wrong) desynchronises
//! the stream: the bytes that follow are not where a header should be. They are skipped (and
//! logged on stderr, the server's log) up to the next `Content-Length:` header, so the next
//! well-formed message is answered again.

use serde_json::{Value, json};
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader};
use tower_lsp_server::jsonrpc::{Request, Response};

/// The method a malformed message is replaced with; its handler answers with the error.
pub const INVALID_MESSAGE: &str = "notedeck/invalidMessage";

/// Bodies larger than this are refused (a garbled length must not allocate gigabytes).
const MAX_BODY: usize = 1 << 30;

/// Header lines (or runs of junk between messages) are read in pieces of at most this size,
/// so a stream of garbage without newlines cannot grow a line without bound.
const MAX_LINE: usize = 64 * 1024;

/// The header every message must have; where it appears inside junk, a message starts.
const CONTENT_LENGTH: &[u8] = b"content-length:";

/// What the client asked for during the session, which decides the exit status.
#[derive(Debug, Default, Clone, Copy)]
pub struct Seen {
    /// A `shutdown` request was passed to the server.
    pub shutdown: bool,
    /// An `exit` notification was passed to the server.
    pub exit: bool,
}

/// Copy framed messages from `input` to `output` until `input` ends, replacing malformed ones
/// and recording in `seen` whether `shutdown` and `exit` went through.
pub async fn forward<I, O>(input: I, mut output: O, seen: &mut Seen)
where
    I: AsyncRead + Unpin,
    O: AsyncWrite + Unpin,
{
    let mut input = Input::new(input);
    loop {
        let body = match input.read_frame().await {
            Frame::End => return,
            Frame::Body(body) => match check(&body) {
                Checked::Valid { method } => {
                    // Recorded before the message is passed on: after `exit` the server stops
                    // and this task is dropped.
                    match method.as_deref() {
                        Some("shutdown") => seen.shutdown = true,
                        Some("exit") => seen.exit = true,
                        _ => {}
                    }
                    body
                }
                Checked::Invalid(replacement) => replacement,
            },
            Frame::BadHeader(reason) => {
                log(&format!("{reason}; answering with a parse error (id null)"));
                invalid(Value::Null, -32700, &reason)
            }
        };
        let header = format!("Content-Length: {}\r\n\r\n", body.len());
        if output.write_all(header.as_bytes()).await.is_err()
            || output.write_all(&body).await.is_err()
            || output.flush().await.is_err()
        {
            return;
        }
    }
}

/// A message that cannot be answered goes to the server's log: stderr, which editors show.
fn log(message: &str) {
    eprintln!("notedeck lsp: {message}");
}

enum Frame {
    Body(Vec<u8>),
    BadHeader(String),
    End,
}

/// The client's byte stream, with bytes that were read too far put back in front of it.
struct Input<R> {
    reader: BufReader<R>,
    pushed_back: Vec<u8>,
}

impl<R: AsyncRead + Unpin> Input<R> {
    fn new(reader: R) -> Self {
        Input {
            reader: BufReader::new(reader),
            pushed_back: Vec::new(),
        }
    }

    /// Make `bytes` the next bytes read.
    fn push_back(&mut self, bytes: &[u8]) {
        self.pushed_back.splice(0..0, bytes.iter().copied());
    }

    /// Read up to and including the next `\n`, or [`MAX_LINE`] bytes, into `line`. Returns
    /// false at the end of input with nothing read.
    async fn read_line(&mut self, line: &mut Vec<u8>) -> bool {
        if !self.pushed_back.is_empty() {
            let end = match self.pushed_back.iter().position(|&b| b == b'\n') {
                Some(i) => i + 1,
                None => self.pushed_back.len(),
            }
            .min(MAX_LINE);
            line.extend(self.pushed_back.drain(..end));
            if line.ends_with(b"\n") || line.len() >= MAX_LINE {
                return true;
            }
        }
        let room = (MAX_LINE - line.len()) as u64;
        match (&mut self.reader).take(room).read_until(b'\n', line).await {
            Ok(_) => !line.is_empty(),
            Err(err) => {
                log(&format!("cannot read the input: {err}"));
                false
            }
        }
    }

    /// Read exactly `n` bytes, growing the buffer only as bytes arrive (a wrong length must not
    /// allocate before the client sends anything). `None` if the input ends first.
    async fn read_body(&mut self, n: usize) -> Option<Vec<u8>> {
        let from_pushed = n.min(self.pushed_back.len());
        let mut body: Vec<u8> = self.pushed_back.drain(..from_pushed).collect();
        let rest = (n - body.len()) as u64;
        if let Err(err) = (&mut self.reader).take(rest).read_to_end(&mut body).await {
            log(&format!("cannot read the input: {err}"));
            return None;
        }
        (body.len() == n).then_some(body)
    }

    /// Read one header block and its body.
    async fn read_frame(&mut self) -> Frame {
        let mut length: Option<Result<usize, String>> = None;
        let mut seen_header = false;
        loop {
            let mut line = Vec::new();
            if !self.read_line(&mut line).await {
                if seen_header {
                    log("the input ended inside a message header");
                }
                return Frame::End;
            }
            let complete = line.ends_with(b"\n");
            let text = trim_line_end(&line);
            if text.is_empty() && complete {
                if seen_header {
                    break;
                }
                continue; // stray blank line between messages
            }
            // A `Content-Length:` after the start of the line means a message starts inside
            // it: the bytes before are the rest of a body whose length was wrong (a body
            // without a trailing newline runs into the next header), or garbage.
            let inner = find_ignore_case(text, CONTENT_LENGTH).filter(|&at| at > 0);
            if complete
                && inner.is_none()
                && let Some((name, value)) = header(text)
            {
                seen_header = true;
                if name.eq_ignore_ascii_case("content-length") {
                    length = Some(parse_length(value));
                }
                continue;
            }
            match inner {
                Some(at) => {
                    log(&skipped(&text[..at]));
                    self.push_back(&line[at..]);
                    length = None;
                    seen_header = false;
                }
                None if !complete && line.len() >= CONTENT_LENGTH.len() => {
                    // A long run without a newline: keep its tail, which may hold the start
                    // of a header cut in two.
                    let keep = line.len() - (CONTENT_LENGTH.len() - 1);
                    log(&skipped(&line[..keep]));
                    self.push_back(&line[keep..]);
                }
                None if !complete => {
                    // Less than a header's worth of bytes and no newline: the input ended.
                    log(&skipped(&line));
                    return Frame::End;
                }
                None => log(&skipped(&line)),
            }
        }
        match length {
            Some(Ok(n)) => match self.read_body(n).await {
                Some(body) => Frame::Body(self.split_overlong(body)),
                None => {
                    log(&format!("the input ended inside a message of {n} bytes"));
                    Frame::End
                }
            },
            Some(Err(reason)) => Frame::BadHeader(reason),
            None => Frame::BadHeader("missing Content-Length header".to_string()),
        }
    }

    /// A body that is not JSON but holds a `Content-Length:` header had a length larger than
    /// it: the rest belongs to the next message, which is put back to be read again.
    fn split_overlong(&mut self, mut body: Vec<u8>) -> Vec<u8> {
        if serde_json::from_slice::<Value>(&body).is_ok() {
            return body;
        }
        if let Some(at) = find_ignore_case(&body, CONTENT_LENGTH).filter(|&at| at > 0) {
            log("a message was shorter than its Content-Length; reading the next one after it");
            self.push_back(&body[at..]);
            body.truncate(at);
            while body.last().is_some_and(u8::is_ascii_whitespace) {
                body.pop();
            }
        }
        body
    }
}

/// `line` without its `\r\n` or `\n`.
fn trim_line_end(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// `Name: value` with a header name made of letters, digits and `-`, else `None`.
fn header(line: &[u8]) -> Option<(&str, &str)> {
    let line = std::str::from_utf8(line).ok()?;
    let (name, value) = line.split_once(':')?;
    let is_token = !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    is_token.then(|| (name, value.trim()))
}

fn parse_length(value: &str) -> Result<usize, String> {
    value
        .parse::<usize>()
        .ok()
        .filter(|n| *n <= MAX_BODY)
        .ok_or_else(|| format!("invalid Content-Length {value:?}"))
}

fn find_ignore_case(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

/// The log line for bytes given up on, with a short preview of them.
fn skipped(bytes: &[u8]) -> String {
    const PREVIEW: usize = 60;
    let text = String::from_utf8_lossy(&bytes[..bytes.len().min(PREVIEW)]);
    let more = if bytes.len() > PREVIEW { "…" } else { "" };
    format!(
        "skipped {} bytes that are not a message header: {:?}{more}",
        bytes.len(),
        text
    )
}

/// What [`check`] made of a body.
enum Checked {
    /// The framework can decode it; `method` is set for requests and notifications.
    Valid { method: Option<String> },
    /// The request to send instead.
    Invalid(Vec<u8>),
}

/// Whether `body` is a JSON-RPC message the framework can decode, else its replacement.
fn check(body: &[u8]) -> Checked {
    // The framework refuses a body that is not UTF-8 as a whole, even inside a string.
    if std::str::from_utf8(body).is_ok() {
        if serde_json::from_slice::<Response>(body).is_ok() {
            return Checked::Valid { method: None };
        }
        if let Ok(request) = serde_json::from_slice::<Request>(body) {
            return Checked::Valid {
                method: Some(request.method().to_string()),
            };
        }
    }
    Checked::Invalid(match serde_json::from_slice::<Value>(body) {
        Err(err) => invalid(Value::Null, -32700, &format!("invalid JSON: {err}")),
        Ok(value) => {
            // The framework's ids are strings and 64-bit integers; any other id (`1.5`, `1e3`,
            // 2^63) would make the replacement undecodable too, so the answer gets `null`.
            let id = match value.get("id") {
                Some(Value::Number(n)) if n.is_i64() => Value::Number(n.clone()),
                Some(id @ Value::String(_)) => id.clone(),
                _ => Value::Null,
            };
            invalid(
                id,
                -32600,
                "not a JSON-RPC 2.0 request, notification or response",
            )
        }
    })
}

fn invalid(id: Value, code: i64, message: &str) -> Vec<u8> {
    json!({
        "jsonrpc": "2.0",
        "id": id,
        "method": INVALID_MESSAGE,
        "params": {"code": code, "message": message},
    })
    .to_string()
    .into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn run(input: &str) -> String {
        let mut out = Vec::new();
        forward(input.as_bytes(), &mut out, &mut Seen::default()).await;
        String::from_utf8(out).expect("utf-8")
    }

    #[tokio::test]
    async fn valid_messages_pass_through_unchanged() {
        let body =
            r#"{"jsonrpc":"2.0","id":1,"method":"textDocument/hover","params":{"x":"역량"}}"#;
        let frame = format!("Content-Length: {}\r\n\r\n{body}", body.len());
        assert_eq!(
            run(&format!("{frame}{frame}")).await,
            format!("{frame}{frame}")
        );
    }

    #[tokio::test]
    async fn a_body_that_is_not_json_becomes_a_parse_error_request() {
        let out = run("Content-Length: 5\r\n\r\n{oops").await;
        assert!(
            out.contains(INVALID_MESSAGE) && out.contains("-32700"),
            "{out}"
        );
        assert!(out.contains(r#""id":null"#), "{out}");
    }

    #[tokio::test]
    async fn json_that_is_not_json_rpc_keeps_its_id() {
        let body = r#"{"id":7,"hello":"world"}"#;
        let out = run(&format!("Content-Length: {}\r\n\r\n{body}", body.len())).await;
        assert!(out.contains("-32600") && out.contains(r#""id":7"#), "{out}");
    }

    #[tokio::test]
    async fn a_bad_header_is_reported_and_reading_goes_on() {
        let body = r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#;
        let input = format!(
            "Content-Length: lots\r\n\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        );
        let out = run(&input).await;
        assert!(out.contains("invalid Content-Length"), "{out}");
        assert!(out.ends_with(body), "{out}");
    }

    #[tokio::test]
    async fn a_header_cut_by_the_line_limit_is_still_found() {
        let body = r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#;
        // The header starts a few bytes before the end of the first MAX_LINE piece.
        let junk = "x".repeat(MAX_LINE - 5);
        let out = run(&format!(
            "{junk}Content-Length: {}\r\n\r\n{body}",
            body.len()
        ))
        .await;
        assert_eq!(out, format!("Content-Length: {}\r\n\r\n{body}", body.len()));
    }

    #[tokio::test]
    async fn shutdown_and_exit_are_recorded() {
        let mut seen = Seen::default();
        let mut input = String::new();
        for body in [
            r#"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#,
            r#"{"jsonrpc":"2.0","method":"exit"}"#,
        ] {
            input.push_str(&format!("Content-Length: {}\r\n\r\n{body}", body.len()));
        }
        forward(input.as_bytes(), &mut Vec::new(), &mut seen).await;
        assert!(seen.shutdown && seen.exit, "{seen:?}");
    }

    mod fuzz {
        use super::super::{Seen, forward};
        use proptest::prelude::*;

        fn frame(body: &[u8], length: usize) -> Vec<u8> {
            let mut out = format!("Content-Length: {length}\r\n\r\n").into_bytes();
            out.extend_from_slice(body);
            out
        }

        /// Pieces of a client's stream, well-formed or not. A wrong length is never more than
        /// 16 bytes too long, so it can eat at most the start of the next message.
        fn piece() -> impl Strategy<Value = Vec<u8>> {
            let body = r#"{"jsonrpc":"2.0","id":7,"method":"textDocument/hover","params":{}}"#;
            prop_oneof![
                Just(frame(body.as_bytes(), body.len())),
                (0usize..body.len() + 16).prop_map(move |n| frame(body.as_bytes(), n)),
                proptest::collection::vec(any::<u8>(), 0..40).prop_map(|b| frame(&b, b.len())),
                Just(b"Content-Length: abc\r\n\r\n{}".to_vec()),
                Just(b"Content-Length: 99999999999999999999\r\n\r\n".to_vec()),
                Just(b"Content-Type: x\r\n\r\n{}".to_vec()),
                Just(b"Content-Length: 2\n\n{}".to_vec()),
                Just(b"content-length:".to_vec()),
                Just(b"\r\n".to_vec()),
                Just(b"\r".to_vec()),
                proptest::collection::vec(any::<u8>(), 0..40),
            ]
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(256))]

            /// Whatever came before, the framing never panics, writes only well-framed
            /// messages, and the message after the garbage gets through unchanged.
            #[test]
            fn resynchronises_after_any_garbage(pieces in proptest::collection::vec(piece(), 0..20)) {
                let last = br#"{"jsonrpc":"2.0","id":"last","method":"textDocument/hover","params":{"pad":"................"}}"#;
                let mut input = pieces.concat();
                // The first copy may be eaten by a length that was too long; the second not.
                input.extend(frame(last, last.len()));
                input.extend(frame(last, last.len()));
                let mut out = Vec::new();
                let runtime = tokio::runtime::Builder::new_current_thread()
                    .build()
                    .expect("runtime");
                runtime.block_on(forward(&input[..], &mut out, &mut Seen::default()));
                prop_assert!(out.ends_with(&frame(last, last.len())));
                // Every message written is a header and a body of exactly that length.
                let mut rest = &out[..];
                while !rest.is_empty() {
                    let header_end = rest.windows(4).position(|w| w == b"\r\n\r\n");
                    prop_assert!(header_end.is_some());
                    let header_end = header_end.unwrap_or_default();
                    let header = std::str::from_utf8(&rest[..header_end]).unwrap_or_default();
                    let length: usize = header
                        .strip_prefix("Content-Length: ")
                        .and_then(|n| n.parse().ok())
                        .unwrap_or(usize::MAX);
                    prop_assert!(length <= rest.len() - header_end - 4, "{header}");
                    rest = &rest[header_end + 4 + length..];
                }
            }
        }
    }
}
