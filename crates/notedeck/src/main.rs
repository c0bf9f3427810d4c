//! `notedeck`: Markdown study notes -> Anki decks, a language server and a linter.

use clap::{Parser, Subcommand};
use std::process::ExitCode;

mod cmd;
mod deck;
mod definitions;
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
    /// How the notes' cards are doing in your Anki collection (read only).
    Stats(cmd::stats::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Export(args) => cmd::export::run(args),
        Command::Cards(args) => cmd::cards::run(args),
        Command::Lint(args) => cmd::lint::run(args),
        Command::Lsp(args) => cmd::lsp::run(args),
        Command::Repair(args) => cmd::repair::run(args),
        Command::Stats(args) => cmd::stats::run(args),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("error: {}", describe(&err));
            // Ruff's convention: 2 = usage or I/O error.
            ExitCode::from(2)
        }
    }
}

/// The error as one line: each cause once (a cause whose text its context already quotes is
/// left out, as an I/O error wrapped with the file it concerns), without Rust's
/// "(os error N)" suffixes, and with control characters from names escaped.
fn describe(err: &anyhow::Error) -> String {
    let mut out = String::new();
    for cause in err.chain() {
        let text = without_os_error_codes(&cause.to_string());
        if text.is_empty() || out.contains(&text) {
            continue;
        }
        if !out.is_empty() {
            out.push_str(": ");
        }
        out.push_str(&text);
    }
    display::text(&out).into_owned()
}

/// `text` without " (os error 2)" and the like: the words before it already say it.
fn without_os_error_codes(text: &str) -> String {
    const MARK: &str = " (os error ";
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(MARK) {
        out.push_str(&rest[..at]);
        let after = &rest[at + MARK.len()..];
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 && after[digits..].starts_with(')') {
            rest = &after[digits + 1..];
        } else {
            out.push_str(MARK);
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use anyhow::Context;

    #[test]
    fn each_cause_is_said_once_without_os_error_codes() {
        let io = std::io::Error::from_raw_os_error(2);
        let err = Err::<(), _>(notedeck_anki::Error::Io {
            path: "out/x.apkg.lock".into(),
            source: io,
        })
        .context("cannot write out/x.apkg")
        .expect_err("an error");
        assert_eq!(
            describe(&err),
            "cannot write out/x.apkg: out/x.apkg.lock: No such file or directory"
        );
        assert_eq!(
            without_os_error_codes("a (os error x) b"),
            "a (os error x) b"
        );
    }
}
