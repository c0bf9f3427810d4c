//! `notedeck cards PATH... [--format table|json]`: what the parser made of the notes.
//!
//! The JSON output is a stable contract (editors and tests read it): an array with one object
//! per card, in study order, with at least `id` (the Anki GUID), `deck` (`A::B`), `kind`
//! (`basic`|`cloze`|`table`|`definition`), `front`, `back` (HTML), `tags` and `source`
//! {`path`, `line`} (1-based). Fields may be added, never renamed or removed. The table
//! format is for people and also lists what was not carded, and why.

use crate::cmd::read_and_parse;
use crate::deck::{anki_front, kind_name};
use crate::definitions::Definitions;
use crate::display;
use crate::input::collect_markdown;
use anyhow::{Result, bail};
use notedeck_ide::html::one_line as plain_text;
use notedeck_ide::vault::Images;
use notedeck_parse::{Card, Document, LineIndex};
use serde::Serialize;
use std::borrow::Cow;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Show the cards extracted from notes.
#[derive(clap::Args)]
pub struct Args {
    /// Note files, or directories searched for `*.md`
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

/// How to print the cards.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Format {
    /// Aligned text for people, with what was not carded.
    Table,
    /// The stable JSON contract.
    Json,
}

/// One card in the JSON contract.
#[derive(Serialize)]
struct CardJson<'a> {
    id: &'a str,
    deck: String,
    kind: &'static str,
    /// As exported: cloze deletions and tags spelled for Anki.
    front: Cow<'a, str>,
    back: &'a str,
    tags: Vec<String>,
    source: Source<'a>,
    key: &'a str,
    path: &'a [String],
    /// What the card is shown under (Anki's Context field); `path` is where it sits.
    context: &'a [String],
    pinned: bool,
}

#[derive(Serialize)]
struct Source<'a> {
    path: &'a str,
    line: usize,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let found = collect_markdown(&args.paths)?;
    let files = found.files;
    if files.is_empty() {
        bail!("no Markdown (*.md) files under the given paths");
    }
    let images = Images::new(&found.roots);
    let mut parsed = read_and_parse(&files, &images, |warning| {
        eprintln!("warning: {}", display::text(warning));
    })?;
    // The cards export would make: no definition card the linter rejects, one per name.
    let definitions = Definitions::of_parsed(parsed.iter());
    for (file, _, doc) in &mut parsed {
        definitions.apply(file, doc);
    }

    let printed = print(&parsed, args.format);
    // The process ends here; freeing every card of a large vault one by one was a twentieth
    // of the run, and the operating system reclaims the memory at once anyway.
    std::mem::forget(parsed);
    match printed {
        // `notedeck cards ... | head` closes the pipe early: that is not an error.
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(err) => Err(err.into()),
        Ok(()) => Ok(ExitCode::SUCCESS),
    }
}

fn print(parsed: &[(PathBuf, String, Document)], format: Format) -> std::io::Result<()> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match format {
        Format::Json => {
            // Each file's path is spelled once, not once per card.
            let paths: Vec<String> = parsed
                .iter()
                .map(|(file, _, _)| file.display().to_string())
                .collect();
            let cards: Vec<CardJson> = parsed
                .iter()
                .zip(&paths)
                .flat_map(|((_, _, doc), path)| doc.cards.iter().map(move |c| card_json(path, c)))
                .collect();
            serde_json::to_writer_pretty(&mut out, &cards)?;
            writeln!(out)?;
        }
        Format::Table => {
            for (file, text, doc) in parsed {
                write_table(&mut out, &display::path(file), text, doc)?;
            }
        }
    }
    out.flush()
}

fn card_json<'a>(path: &'a str, card: &'a Card) -> CardJson<'a> {
    CardJson {
        id: &card.id,
        deck: card.deck.join("::"),
        kind: kind_name(card.kind),
        front: anki_front(card),
        back: &card.back,
        tags: notedeck_anki::spell::tags(&card.tags),
        source: Source {
            path,
            line: card.line,
        },
        key: &card.key,
        path: &card.path,
        context: card.context_path(),
        pinned: card.pinned_id.is_some(),
    }
}

/// Width of the front and back previews, in characters.
const PREVIEW: usize = 48;

fn write_table(
    out: &mut impl Write,
    file: &str,
    text: &str,
    doc: &Document,
) -> std::io::Result<()> {
    writeln!(
        out,
        "{file}: {} cards, {} not carded",
        doc.cards.len(),
        doc.skipped.len()
    )?;
    let mut deck = String::new();
    for card in &doc.cards {
        let this_deck = card.deck.join("::");
        if this_deck != deck {
            writeln!(out, "  [{}]", display::text(&this_deck))?;
            deck = this_deck;
        }
        writeln!(
            out,
            "  {:>5}  {:<10}  {}  →  {}",
            card.line,
            kind_name(card.kind),
            preview(&anki_front(card)),
            preview(&card.back)
        )?;
    }
    if !doc.skipped.is_empty() {
        writeln!(out, "  not carded:")?;
        for skipped in &doc.skipped {
            writeln!(
                out,
                "  {:>5}  {}",
                skipped.line,
                display::text(&skipped.reason)
            )?;
        }
    }
    if !doc.problems.is_empty() {
        let lines = LineIndex::new(text);
        writeln!(out, "  problems:")?;
        for problem in &doc.problems {
            writeln!(
                out,
                "  {:>5}  {}",
                lines.line_of(problem.span.start) + 1,
                display::text(&problem.message)
            )?;
        }
    }
    Ok(())
}

/// One line of plain text, cut at a character boundary.
fn preview(html: &str) -> String {
    let text = display::text(&plain_text(html)).into_owned();
    if text.chars().count() <= PREVIEW {
        return text;
    }
    let mut cut: String = text.chars().take(PREVIEW - 1).collect();
    cut.push('…');
    cut
}
