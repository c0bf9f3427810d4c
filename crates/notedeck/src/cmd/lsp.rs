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
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let config = notedeck_lsp::Config {
        debounce: Duration::from_millis(args.debounce_ms),
        collection: args.collection,
        ..notedeck_lsp::Config::default()
    };
    let ending = notedeck_lsp::run_stdio(config).context("the language server could not start")?;
    Ok(match ending {
        notedeck_lsp::Ending::ExitWithoutShutdown => ExitCode::from(1),
        notedeck_lsp::Ending::Exit | notedeck_lsp::Ending::EndOfInput => ExitCode::SUCCESS,
    })
}
