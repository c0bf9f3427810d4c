//! `notedeck lsp`: the language server on stdio.

use anyhow::Context;
use std::process::ExitCode;
use std::time::Duration;

#[derive(clap::Args)]
pub struct Args {
    /// Accepted for clients that pass it (VS Code's language client does); stdio is the only
    /// transport.
    #[arg(long, hide = true)]
    stdio: bool,
    /// Milliseconds edits must pause before diagnostics are recomputed.
    #[arg(long, default_value_t = 50, value_name = "MS")]
    debounce_ms: u64,
    /// The Anki collection whose review state to show (`collection.anki2` or its profile
    /// folder). [default: the one Anki opened last; the editor's setting wins]
    #[arg(long)]
    collection: Option<std::path::PathBuf>,
    /// Milliseconds between checks of the collection's files for changes (benchmarks force
    /// frequent re-reads with it).
    #[arg(long, hide = true, value_name = "MS")]
    collection_poll_ms: Option<u64>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let config = notedeck_lsp::Config {
        debounce: Duration::from_millis(args.debounce_ms),
        collection: args.collection,
        ..notedeck_lsp::Config::default()
    };
    let config = match args.collection_poll_ms {
        Some(ms) => notedeck_lsp::Config {
            collection_poll: Duration::from_millis(ms.max(1)),
            ..config
        },
        None => config,
    };
    let ending = notedeck_lsp::run_stdio(config).context("the language server could not start")?;
    Ok(match ending {
        notedeck_lsp::Ending::ExitWithoutShutdown => ExitCode::from(1),
        notedeck_lsp::Ending::Exit | notedeck_lsp::Ending::EndOfInput => ExitCode::SUCCESS,
    })
}
