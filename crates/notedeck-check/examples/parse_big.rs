//! Parse one note as the language server does (without the blocks not carded) and print its
//! counts and the process's memory: a small program to run under heaptrack or massif, where
//! the server itself is hard to drive.
//!
//! ```sh
//! cargo build --release -p notedeck-check --example parse_big
//! heaptrack target/release/examples/parse_big big.md
//! ```
//!
//! With `PARSE_BIG_LEAK` set, the note is never freed, so heaptrack reports what it keeps as
//! leaked.

use notedeck_check::Note;
use std::path::Path;
use std::sync::Arc;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: parse_big NOTE.md");
        std::process::exit(2);
    };
    let text: Arc<str> = std::fs::read_to_string(&path)
        .expect("readable note")
        .into();
    let note = Note::from_shared_without_skipped(Path::new(&path), text);
    eprintln!(
        "{} cards, {} claims, {} sections",
        note.doc.cards.len(),
        note.doc.claims.len(),
        note.doc.sections.len()
    );
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    for line in status
        .lines()
        .filter(|l| l.starts_with("VmHWM") || l.starts_with("VmRSS"))
    {
        eprintln!("{line}");
    }
    if std::env::var_os("PARSE_BIG_LEAK").is_some() {
        std::mem::forget(note);
    }
}
