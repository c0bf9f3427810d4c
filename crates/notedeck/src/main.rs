//! `notedeck`: Markdown study notes -> Anki decks, a language server and a linter.

use clap::{Parser, Subcommand};
use std::process::ExitCode;

mod cmd;
mod deck;
mod display;
mod input;
mod lint_format;

/// Markdown study notes -> Anki decks, a language server and a linter.
#[derive(Parser)]
#[command(name = "notedeck", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Export notes as an Anki deck (.apkg) that updates in place on re-export.
    Export(cmd::export::Args),
    /// Show the cards extracted from notes, and what was not carded.
    Cards(cmd::cards::Args),
    /// Check notes for conflicting claims and other problems (for CI).
    Lint(cmd::lint::Args),
    /// Run the language server on stdio.
    Lsp(cmd::lsp::Args),
    /// Detect and repair text damaged by a wrong encoding.
    Repair(cmd::repair::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Export(args) => cmd::export::run(args),
        Command::Cards(args) => cmd::cards::run(args),
        Command::Lint(args) => cmd::lint::run(args),
        Command::Lsp(args) => cmd::lsp::run(args),
        Command::Repair(args) => cmd::repair::run(args),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("error: {}", display::text(&format!("{err:#}")));
            // Ruff's convention: 2 = usage or I/O error.
            ExitCode::from(2)
        }
    }
}
