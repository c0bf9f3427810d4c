//! `notedeck export [PATHS...] [-o OUT.apkg]`: notes -> Anki package that updates in place.

use crate::deck::Deck;
use crate::definitions::{Definitions, without_slips};
use crate::display;
use crate::input::{collect_markdown, read_note};
use anyhow::{Context, Result, bail};
use indicatif::{ProgressBar, ProgressStyle};
use notedeck_ide::timing;
use notedeck_ide::vault::Images;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Export notes as an Anki deck.
#[derive(clap::Args)]
pub struct Args {
    /// Note files, or directories searched for `*.md` [default: notes/]
    pub paths: Vec<PathBuf>,
    /// The package to write; `<OUT>.state.json` next to it remembers what was exported so
    /// that re-imports only update notes that changed.
    #[arg(short, long, value_name = "OUT.apkg", default_value = "notes.apkg")]
    pub output: PathBuf,
    /// Your Anki collection, to compare with (read only): a note Anki already holds unchanged
    /// is not updated even without the state file, and tags added in Anki are kept. [default:
    /// the one Anki opened last, when there is one]
    #[arg(long)]
    pub collection: Option<PathBuf>,
}

/// Files above which parsing shows a progress bar (on a terminal).
const PROGRESS_FILES: usize = 20;
/// Files read and parsed together on all cores before their cards join the deck: enough to
/// keep every core busy, few enough that their parse trees stay small.
const PARSE_CHUNK: usize = 64;
/// Notes above which writing shows a spinner (on a terminal).
const PROGRESS_NOTES: usize = 20_000;

pub fn run(args: Args) -> Result<ExitCode> {
    let paths = if args.paths.is_empty() {
        let default = PathBuf::from("notes");
        if !default.is_dir() {
            bail!(
                "no notes/ directory here; name the notes to export: notedeck export PATH... -o OUT.apkg"
            );
        }
        vec![default]
    } else {
        args.paths
    };
    for path in &paths {
        if std::fs::symlink_metadata(path).is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound)
        {
            bail!(
                "cannot read {}: there is no such file or directory; name note files or folders \
                 of notes that exist",
                display::path(path)
            );
        }
    }
    check_output(&args.output)?;
    let found = collect_markdown(&paths)?;
    let files = found.files;
    if files.is_empty() {
        bail!("no Markdown (*.md) files under {}", list(&paths));
    }

    let interactive = std::io::stderr().is_terminal();
    let bar = progress(
        interactive && files.len() > PROGRESS_FILES,
        files.len() as u64,
    );
    // Read before the notes, which it changes as they are made (`keep_anki_tags`).
    let (collection, unread) = read_collection(args.collection.as_deref());
    let cannot_write = || format!("cannot write {}", display::path(&args.output));
    let mut writer = notedeck_anki::Writer::create(
        &args.output,
        &notedeck_anki::Options {
            on_wait: Some(say_waiting),
            collection: collection.clone(),
            ..notedeck_anki::Options::default()
        },
    )
    .with_context(cannot_write)?;
    let mut deck = Deck::new(Images::new(&found.roots));
    // Files are read and parsed on all cores a chunk at a time, so that only one chunk's
    // parse trees are alive at once, and each chunk's notes go to the package on a thread of
    // their own while the next chunk is parsed: holding every file's notes until the end
    // took gigabytes on a large vault. What each file keeps is its terms, since a definition
    // card is left out when its expansion conflicts with another file's: those cards are
    // taken back from the package once every file's terms are known.
    let mut terms = Vec::with_capacity(files.len());
    let parsing = timing::span("export: read, parse and add the notes");
    let writer = std::thread::scope(|scope| -> Result<notedeck_anki::Writer> {
        let (sender, received) = std::sync::mpsc::sync_channel::<Vec<notedeck_anki::Note>>(2);
        let writing = scope.spawn(
            move || -> Result<notedeck_anki::Writer, notedeck_anki::Error> {
                for notes in received {
                    writer.add(&notes)?;
                }
                Ok(writer)
            },
        );
        for chunk in files.chunks(PARSE_CHUNK) {
            let parsed = notedeck_ide::par_map(chunk, |file| -> Result<_> {
                let note = read_note(file)?;
                let doc = notedeck_parse::parse(&note.text, &title_of(file));
                let file_terms = Definitions::note(file, &note.text, &doc);
                Ok((
                    note.warnings,
                    deck.prepare(file, &note.text, doc),
                    file_terms,
                ))
            });
            let mut notes = Vec::new();
            for (file, parsed) in chunk.iter().zip(parsed) {
                bar.set_message(display::path(file));
                let (warnings, file_prepared, file_terms) = parsed?;
                deck.warnings.extend(warnings);
                deck.add_prepared(file_prepared, &mut notes);
                terms.push(file_terms);
                bar.inc(1);
            }
            if let Some(collection) = &collection {
                keep_anki_tags(&mut notes, collection);
            }
            if sender.send(notes).is_err() {
                break; // the writer stopped on an error, which joining it returns
            }
        }
        drop(sender);
        writing
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            .with_context(cannot_write)
    });
    let mut writer = writer?;
    drop(parsing);
    let checking = timing::span("export: check the terms");
    let definitions = Definitions::check(terms);
    let positions = deck
        .leave_out(&definitions, |position, expansions| {
            writer.rewrite(position, |front, back| {
                without_slips(front, back, expansions)
            })
        })
        .with_context(cannot_write)?;
    for position in positions {
        writer.leave_out(position).with_context(cannot_write)?;
    }
    drop(checking);
    bar.finish_and_clear();

    for warning in &deck.warnings {
        eprintln!("warning: {}", display::text(warning));
    }
    if let Some(unread) = unread {
        eprintln!("{unread}");
    }
    let spinner = if interactive && writer.len() > PROGRESS_NOTES {
        let s = ProgressBar::new_spinner().with_message(format!(
            "writing {} notes to {}",
            writer.len(),
            display::path(&args.output)
        ));
        s.enable_steady_tick(std::time::Duration::from_millis(100));
        s
    } else {
        ProgressBar::hidden()
    };
    let finishing = timing::span("export: write the cards and the package");
    let summary = writer.finish(&deck.media).with_context(cannot_write)?;
    drop(finishing);
    spinner.finish_and_clear();
    if summary.stale_files_removed > 0 {
        eprintln!(
            "removed {} temporary file{} ({:.1} MB) left next to the package by interrupted exports",
            summary.stale_files_removed,
            if summary.stale_files_removed == 1 {
                ""
            } else {
                "s"
            },
            summary.stale_bytes_removed as f64 / 1e6
        );
    }

    let kinds: Vec<String> = deck
        .by_kind
        .iter()
        .map(|(kind, n)| format!("{n} {kind}"))
        .collect();
    let cards: usize = deck.by_kind.values().sum();
    println!(
        "{}: {cards} cards ({}) from {} file{}, {} decks, {} media files",
        display::path(&args.output),
        if kinds.is_empty() {
            "none".to_string()
        } else {
            kinds.join(", ")
        },
        files.len(),
        if files.len() == 1 { "" } else { "s" },
        summary.decks,
        summary.media,
    );
    println!(
        "notes: {} new, {} changed, {} unchanged; {} warning{}",
        summary.new_notes,
        summary.changed_notes,
        summary.unchanged_notes,
        deck.warnings.len(),
        if deck.warnings.len() == 1 { "" } else { "s" },
    );
    if let Some(collection) = &collection {
        let exported: std::collections::HashSet<String> =
            deck.guids().map(str::to_string).collect();
        let (orphans, search) = notedeck_ide::orphans(collection, &exported);
        if !orphans.is_empty() {
            println!(
                "anki: {} note{} in your collection that the notes no longer hold (an import \
                 never deletes them); find them in Anki's browser with: {search}",
                orphans.len(),
                if orphans.len() == 1 { "" } else { "s" },
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The student's collection, when there is one to compare with: named, or the one Anki
/// opened last. A collection that cannot be read is a warning (returned, to be said after
/// the notes' own), not an error: the export works without it, as it always has.
fn read_collection(
    explicit: Option<&Path>,
) -> (
    Option<std::sync::Arc<notedeck_anki::collection::Collection>>,
    Option<String>,
) {
    use notedeck_anki::collection::{Clock, Collection, CollectionError, locate};
    let unread = |err: &dyn std::fmt::Display| {
        (
            None,
            Some(format!(
                "warning: {err}; exporting without comparing with Anki"
            )),
        )
    };
    let path = match locate(explicit) {
        Ok(path) => path,
        // No Anki here: nothing to compare with, nothing to say.
        Err(CollectionError::NotFound { .. }) if explicit.is_none() => return (None, None),
        Err(err) => return unread(&err),
    };
    match Collection::read(&path, Clock::system()) {
        Ok(collection) => (Some(std::sync::Arc::new(collection)), None),
        Err(err) => unread(&err),
    }
}

/// Tags the student added in Anki (`leech`, `marked`, their own) stay on the notes: an
/// updated note takes the package's tags, so the package carries them.
fn keep_anki_tags(
    notes: &mut [notedeck_anki::Note],
    collection: &notedeck_anki::collection::Collection,
) {
    for note in notes {
        let Some(held) = collection.note(&note.guid) else {
            continue;
        };
        for tag in held.tags() {
            if !note.tags.iter().any(|t| t.eq_ignore_ascii_case(tag)) {
                note.tags.push(tag.to_string());
            }
        }
    }
}

/// Refuse an output the package cannot be written to before any work is done, with what to
/// do about it.
fn check_output(output: &Path) -> Result<()> {
    let shown = display::path(output);
    if output.is_dir() {
        bail!(
            "cannot write {shown}: it is a directory; -o takes the package file to write, such \
             as -o {}",
            display::path(&output.join("notes.apkg"))
        );
    }
    if output.extension().is_none_or(|e| e != "apkg") {
        bail!("{shown}: the output must end in .apkg (Anki imports packages by extension)");
    }
    let dir = output
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if !dir.is_dir() {
        bail!(
            "cannot write {shown}: the directory {} does not exist; create it first or choose \
             another -o path",
            display::path(dir)
        );
    }
    Ok(())
}

/// Another export of the same package holds its lock: say why nothing happens.
fn say_waiting(lock: &Path) {
    eprintln!(
        "waiting for another export of this package to finish (it holds {})",
        display::path(lock)
    );
}

/// The deck name used when a note has no `#` title: its file name without `.md`.
pub fn title_of(file: &Path) -> String {
    file.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "notes".to_string())
}

fn progress(visible: bool, len: u64) -> ProgressBar {
    if !visible {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(len);
    if let Ok(style) = ProgressStyle::with_template("{bar:30} {pos}/{len} {wide_msg}") {
        bar.set_style(style);
    }
    bar
}

fn list(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p| display::path(p))
        .collect::<Vec<_>>()
        .join(", ")
}
