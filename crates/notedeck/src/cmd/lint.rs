//! `notedeck lint`: the language server's analysis, run once over files for CI.
//!
//! Exit codes follow Ruff: 0 when nothing at or above `--fail-level` was found, 1 when
//! something was, 2 for a usage or I/O error (raised as an `Err` and mapped in `main`).

use crate::display;
use crate::input::{collect_markdown, read_text};
use crate::lint_format::{self, Format};
use anyhow::{Context, Result};
use notedeck_check::{Finding, Note, Severity, Workspace};
use notedeck_ide::vault::Images;
use notedeck_ide::{Analysis, NoteCache, TermCache, cached_note, timing};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

/// Arguments of `notedeck lint`.
#[derive(clap::Args)]
pub struct Args {
    /// Files or directories to check; directories are searched for `*.md`.
    /// [default: `notes` if that directory exists, else `.`]
    pub paths: Vec<PathBuf>,
    /// Output format: `human` (ruff-like lines), `json` (stable array), `sarif` (2.1.0) or
    /// `github` (workflow commands that annotate a pull request).
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Exit with 1 when a finding has at least this severity.
    #[arg(long, value_enum, default_value_t = FailLevel::Warning)]
    pub fail_level: FailLevel,
    /// Parse every file again rather than reading the notes parsed by an earlier run from the
    /// cache (`$NOTEDECK_CACHE_DIR`, else `~/.cache/notedeck`), and write no cache.
    #[arg(long)]
    pub no_cache: bool,
}

/// The lowest severity that fails the run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FailLevel {
    /// Warnings and errors fail.
    Warning,
    /// Only errors fail.
    Error,
}

impl FailLevel {
    fn severity(self) -> Severity {
        match self {
            FailLevel::Warning => Severity::Warning,
            FailLevel::Error => Severity::Error,
        }
    }
}

/// Lint the given paths and print the findings in the chosen format.
pub fn run(args: Args) -> Result<ExitCode> {
    let roots = if args.paths.is_empty() {
        vec![crate::input::default_root()]
    } else {
        args.paths.clone()
    };
    let found = collect_markdown(&roots)?;
    let files = found.files;
    let mut notes = Vec::with_capacity(files.len());
    let parsing = timing::span("lint: read and parse");
    let cache = (!args.no_cache).then(NoteCache::from_env).flatten();
    let loaded = load_all(&files, cache.as_ref());
    drop(parsing);
    for loaded in loaded {
        let (note, warnings) = loaded?;
        for warning in &warnings {
            eprintln!("warning: {}", display::text(warning));
        }
        notes.push(note);
    }

    let mut ws = Workspace::new();
    let images = Images::new(&found.roots);
    ws.set_image_resolver(Arc::new(move |note: &Path, link: &str| {
        images.exists(note, link)
    }));
    let indexing = timing::span("lint: index");
    ws.load_unchanging(notes);
    drop(indexing);
    let checking = timing::span("lint: check");
    // The editor's view of each file: a damaged note shows its damage, not the other rules'
    // noise about mojibake.
    let terms = TermCache::default();
    let findings: Vec<Finding> = Analysis::new(&ws, &[], &terms)
        .all_diagnostics()
        .into_iter()
        .flat_map(|(_, findings)| findings)
        .collect();
    drop(checking);
    let writing = timing::span("lint: write");

    // Buffered: the JSON and SARIF writers emit many small pieces, and a locked stdout
    // flushes at every newline.
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    lint_format::write(args.format, &findings, &ws, files.len(), &mut out)
        .and_then(|()| out.flush())
        .context("cannot write the lint report to standard output")?;

    drop(writing);
    let fail = args.fail_level.severity();
    let code = if findings.iter().any(|f| f.severity >= fail) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    };
    // The process ends here; freeing every parse tree of a large vault one by one took a
    // tenth of the run, and the operating system reclaims the memory at once anyway.
    std::mem::forget(ws);
    Ok(code)
}

/// Read and parse every file on all cores, returning the results in the order of `files` so
/// the first error reported is always the same one.
///
/// Each note is trimmed to what the rules read ([`background_note`], as the language server
/// holds closed files) on the thread that parsed it, and its text is dropped there once the
/// note holds its own copy: on a 10,000-note vault the parsed cards were most of the peak
/// memory, and the checker reads only their digests.
///
/// With a `cache`, a file parsed by an earlier run as it is now is read from it.
fn load_all(
    files: &[PathBuf],
    cache: Option<&NoteCache>,
) -> Vec<Result<(LoadedNote, Vec<String>)>> {
    notedeck_ide::par_map(files, |path| {
        let file = read_text(path)?;
        let note = cached_note(cache, &file.path, &file.text);
        Ok(((file.path, note), file.warnings))
    })
}

/// A note file parsed for linting, with its path.
type LoadedNote = (PathBuf, Note);
