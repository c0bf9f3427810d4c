//! A guard in front of the protocol framework's reader: a malformed message must get an error
//! response, not end the session.
//!
//! tower-lsp-server reads with `tokio_util`'s `FramedRead`, which stops for good after its
//! decoder fails once, so a single body that is not JSON (or JSON that is not a JSON-RPC
//! message) would make the server exit. This task reads the client's frames itself and passes
//! valid messages through unchanged; anything else is replaced by a request to
//! [`INVALID_MESSAGE`], which the server answers with the JSON-RPC error the original deserved
//! (`-32700` parse error or `-32600` invalid request, with the original id when it had one).

use serde_json::{Value, json};
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader};
use tower_lsp_server::jsonrpc::{Request, Response};

/// The method a malformed message is replaced with; its handler answers with the error.
pub const INVALID_MESSAGE: &str = "notedeck/invalidMessage";

/// Bodies larger than this are refused (a garbled length must not allocate gigabytes).
const MAX_BODY: usize = 1 << 30;

/// Copy framed messages from `input` to `output` until `input` ends, replacing malformed ones.
pub async fn forward<I, O>(input: I, mut output: O)
where
    I: AsyncRead + Unpin,
    O: AsyncWrite + Unpin,
{
    let mut reader = BufReader::new(input);
    loop {
        let body = match read_frame(&mut reader).await {
            Frame::End => return,
            Frame::Body(body) => match check(&body) {
                None => body,
                Some(replacement) => replacement,
            },
            Frame::BadHeader(reason) => invalid(Value::Null, -32700, &reason),
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

enum Frame {
    Body(Vec<u8>),
    BadHeader(String),
    End,
}

/// Read one header block and its body.
async fn read_frame<R: AsyncBufReadExt + Unpin>(reader: &mut R) -> Frame {
    let mut length: Option<Result<usize, String>> = None;
    let mut seen_header = false;
    loop {
        let mut line = Vec::new();
        match reader.read_until(b'\n', &mut line).await {
            Ok(0) | Err(_) => return Frame::End,
            Ok(_) => {}
        }
        let line = String::from_utf8_lossy(&line);
        let line = line.trim_end_matches(['\r', '\n']);
        if line.is_empty() {
            if seen_header {
                break;
            }
            continue; // stray blank line between messages
        }
        seen_header = true;
        if let Some((name, value)) = line.split_once(':')
            && name.trim().eq_ignore_ascii_case("content-length")
        {
            length = Some(
                value
                    .trim()
                    .parse::<usize>()
                    .ok()
                    .filter(|n| *n <= MAX_BODY)
                    .ok_or_else(|| format!("invalid Content-Length {:?}", value.trim())),
            );
        }
    }
    match length {
        Some(Ok(n)) => {
            let mut body = vec![0; n];
            match reader.read_exact(&mut body).await {
                Ok(_) => Frame::Body(body),
                Err(_) => Frame::End,
            }
        }
        Some(Err(reason)) => Frame::BadHeader(reason),
        None => Frame::BadHeader("missing Content-Length header".to_string()),
    }
}

/// `None` if `body` is a JSON-RPC message the framework can decode, else its replacement.
fn check(body: &[u8]) -> Option<Vec<u8>> {
    if serde_json::from_slice::<Response>(body).is_ok()
        || serde_json::from_slice::<Request>(body).is_ok()
    {
        return None;
    }
    Some(match serde_json::from_slice::<Value>(body) {
        Err(err) => invalid(Value::Null, -32700, &format!("invalid JSON: {err}")),
        Ok(value) => {
            let id = match value.get("id") {
                Some(id @ (Value::Number(_) | Value::String(_))) => id.clone(),
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
        forward(input.as_bytes(), &mut out).await;
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
}
