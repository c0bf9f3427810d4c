//! The notedeck language server: the only crate that knows the Language Server Protocol.
//!
//! It keeps a [`notedeck_check::Workspace`] of every note under the workspace roots (open
//! buffers override the disk), maps findings to diagnostics and fixes to code actions, and
//! answers hover, definition, references, symbols, completion and code lens from the parse
//! and the checker's term index. Positions on the wire are UTF-16; everything inside is byte
//! spans, converted through [`notedeck_parse::LineIndex`].
//!
//! Each request lives in its own module under `handlers/`; `from_proto` and `to_proto` are the
//! only code that converts between the protocol and notedeck's byte spans and plain answers;
//! `server.rs` holds dispatch, document sync and the debounced, versioned diagnostics worker.

use std::time::Duration;
use tokio::io::{AsyncRead, AsyncWrite};
use tower_lsp_server::{LspService, Server};

mod framing;
mod from_proto;
mod guard;
mod handlers;
mod parse_thread;
mod reviews;
mod server;
mod state;
mod to_proto;
mod trim;

/// How the server behaves; the defaults are what `notedeck lsp` uses.
#[derive(Debug, Clone)]
pub struct Config {
    /// How long changes must pause before diagnostics are recomputed. Short enough that a
    /// fix shows up while the eye is still on the line, long enough to skip most keystrokes.
    pub debounce: Duration,
    /// The student's Anki collection (`collection.anki2` or its profile folder); `None`: the
    /// one Anki opened last, found as `notedeck stats` finds it. The editor's
    /// `initializationOptions.collection` wins over both.
    pub collection: Option<std::path::PathBuf>,
    /// Look for the collection Anki opened last when none is named (off in tests, so that the
    /// machine's own Anki folder never leaks in).
    pub find_collection: bool,
    /// Severity of the diagnostic on a leech (`initializationOptions.leechSeverity`: `error`,
    /// `warning`, `information` or `hint`).
    pub leech_severity: notedeck_check::Severity,
    /// How often the collection's files are checked for changes (a review session in Anki).
    pub collection_poll: Duration,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            debounce: Duration::from_millis(50),
            collection: None,
            find_collection: true,
            leech_severity: notedeck_check::Severity::Info,
            collection_poll: Duration::from_secs(2),
        }
    }
}

/// How many requests may be in flight at once. Handlers are short and read-only, so a long
/// request (workspace symbols over a large vault) must not hold up hovers behind it.
const CONCURRENCY: usize = 32;

/// How a session ended; it decides the exit status of `notedeck lsp`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// `exit` after `shutdown`: a clean stop (status 0).
    Exit,
    /// `exit` without `shutdown` first: the LSP specification asks for status 1.
    ExitWithoutShutdown,
    /// The client closed the input stream.
    EndOfInput,
}

/// Serve the protocol over `input`/`output` (stdio for `notedeck lsp`, an in-memory pipe in
/// tests) until the client sends `exit` or closes the stream.
pub async fn serve<I, O>(input: I, output: O, config: Config)
where
    I: AsyncRead + Unpin,
    O: AsyncWrite,
{
    serve_session(input, output, config).await;
}

/// [`serve`], telling how the session ended.
pub async fn serve_session<I, O>(input: I, output: O, config: Config) -> Ending
where
    I: AsyncRead + Unpin,
    O: AsyncWrite,
{
    let (service, socket) = LspService::build(|client| server::Backend::new(client, config))
        .custom_method(framing::INVALID_MESSAGE, server::Backend::invalid_message)
        .finish();
    // Malformed messages are answered instead of ending the session (see `framing`).
    let (to_server, server_input) = tokio::io::duplex(1 << 16);
    let server = Server::new(server_input, output, socket)
        .concurrency_level(CONCURRENCY)
        .serve(service);
    tokio::pin!(server);
    let mut seen = framing::Seen::default();
    tokio::select! {
        () = &mut server => {}
        // The client closed its end: the server sees end of input and stops on its own.
        () = framing::forward(input, to_server, &mut seen) => server.await,
    }
    match seen {
        framing::Seen { exit: false, .. } => Ending::EndOfInput,
        framing::Seen { shutdown: true, .. } => Ending::Exit,
        framing::Seen {
            shutdown: false, ..
        } => Ending::ExitWithoutShutdown,
    }
}

/// Run the server on stdin/stdout until the client exits: what `notedeck lsp` does.
pub fn run_stdio(config: Config) -> std::io::Result<Ending> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    let ending = runtime.block_on(serve_session(
        tokio::io::stdin(),
        tokio::io::stdout(),
        config,
    ));
    // A workspace scan still running must not keep the process alive after `exit`.
    runtime.shutdown_timeout(Duration::from_millis(100));
    Ok(ending)
}
