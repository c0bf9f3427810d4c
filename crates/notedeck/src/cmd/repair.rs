//! `notedeck repair`: undo a wrong-encoding round trip (UTF-8 read as Windows-125x or Latin-1
//! and saved again), choosing lost bytes with the built-in Korean syllable model.
//!
//! Exit codes: 0 clean (or repaired with `--write`, or printed), 1 damaged with `--check`,
//! 2 usage or I/O error (raised as an `Err` and mapped in `main`).

use crate::display;
use anyhow::{Context, Result, bail};
use notedeck_repair::{Repair, decode_bytes, repair};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Arguments of `notedeck repair`.
#[derive(clap::Args)]
pub struct Args {
    /// The note to repair.
    pub file: PathBuf,
    /// Replace the file with the repaired text (atomically; the text before is kept as
    /// FILE.bak, or FILE.bak.1, FILE.bak.2, ... when earlier backups exist).
    #[arg(long, conflicts_with = "check")]
    pub write: bool,
    /// With --write: replace the file even if it is read-only.
    #[arg(long, requires = "write")]
    pub force: bool,
    /// Only report: exit 1 if the file is damaged, 0 if it is clean (for CI).
    #[arg(long)]
    pub check: bool,
    /// List at most this many uncertain characters in the summary.
    #[arg(long, default_value_t = 50)]
    pub max_listed: usize,
    /// What goes to standard output: `text`, the repaired note; `json`, every restored
    /// character with its place in the repaired text, the choice, the alternatives and the
    /// confidence (for scripts and other editors).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// What `repair` prints on standard output.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// The repaired text.
    Text,
    /// The repair as JSON (see `report`).
    Json,
}

/// Repair one file: print it, replace it, or just check it.
pub fn run(args: Args) -> Result<ExitCode> {
    let path = &args.file;
    let bytes =
        std::fs::read(path).with_context(|| format!("cannot read {}", display::path(path)))?;
    let decoded = decode_bytes(&bytes);
    if decoded.lossy {
        bail!(
            "{}: not valid UTF-8 and not CP949/EUC-KR or Shift-JIS either; cannot repair it",
            display::path(path)
        );
    }
    if let Some(warning) = &decoded.warning {
        eprintln!(
            "warning: {}: {}",
            display::path(path),
            display::text(warning)
        );
    }
    let fixed = repair(&decoded.text);
    if args.format == Format::Json {
        let stdout = std::io::stdout();
        let mut out = stdout.lock();
        serde_json::to_writer_pretty(&mut out, &report(path, &fixed))
            .map_err(std::io::Error::from)
            .and_then(|()| writeln!(out))
            .and_then(|()| out.flush())
            .context("cannot write the repair report to standard output")?;
    } else {
        summarize(path, &fixed, args.max_listed);
    }

    if args.check {
        return Ok(if fixed.changed() {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        });
    }
    if args.write {
        // A legacy-encoded file is rewritten as UTF-8 even when no mojibake was found.
        if fixed.changed() || decoded.encoding != "UTF-8" {
            let written = write_with_backup(path, &bytes, &fixed.text, args.force)?;
            let through = if written.target != *path {
                format!(" (through the link, in {})", display::path(&written.target))
            } else {
                String::new()
            };
            eprintln!(
                "{}: repaired in place{through}; the text before the repair is in {}",
                display::path(path),
                display::path(&written.backup)
            );
        } else {
            eprintln!(
                "{}: nothing to repair; file left untouched",
                display::path(path)
            );
        }
        return Ok(ExitCode::SUCCESS);
    }
    if args.format == Format::Json {
        return Ok(ExitCode::SUCCESS);
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    out.write_all(fixed.text.as_bytes())
        .and_then(|()| out.flush())
        .context("cannot write the repaired text to standard output")?;
    Ok(ExitCode::SUCCESS)
}

/// The repair as `--format json` prints it: a stable contract (fields may be added, never
/// renamed or removed). Places are in the repaired text: `line` counts from 1, `column` is
/// the UTF-16 offset in the line counted from 0 (the linter's `character`).
fn report(path: &Path, fixed: &Repair) -> serde_json::Value {
    let lines = notedeck_parse::LineIndex::new(&fixed.text);
    let restored: Vec<serde_json::Value> = fixed
        .restored
        .iter()
        .map(|r| {
            let at = lines.position(&fixed.text, r.span_in_output.start);
            serde_json::json!({
                "line": at.line + 1,
                "column": at.character,
                "chosen": r.chosen.to_string(),
                "confidence": r.confidence,
                "uncertain": r.is_uncertain(),
                "alternatives": r
                    .alternatives
                    .iter()
                    .map(|(ch, p)| serde_json::json!({"char": ch.to_string(), "probability": p}))
                    .collect::<Vec<_>>(),
            })
        })
        .collect();
    serde_json::json!({
        "path": display::raw(path),
        "damaged": fixed.damage.is_some(),
        "code_page": fixed.damage.as_ref().map(|d| d.code_page.to_string()),
        "first_line": fixed.damage.as_ref().map(|d| d.first_line),
        "damaged_chars": fixed.damage.as_ref().map_or(0, |d| d.damaged_chars),
        "uncertain": fixed.uncertain().count(),
        "unrepaired": fixed.unrepaired,
        "restored": restored,
    })
}

/// The stderr summary: what was found, how much was restored, and the uncertain characters.
fn summarize(path: &Path, fixed: &Repair, max_listed: usize) {
    let name = display::path(path);
    let Some(damage) = &fixed.damage else {
        eprintln!("{name}: no encoding damage found");
        return;
    };
    let uncertain: Vec<_> = fixed.uncertain().collect();
    eprintln!(
        "{name}: UTF-8 that was decoded as {} and saved again (from line {})",
        damage.code_page, damage.first_line
    );
    eprintln!(
        "{name}: {} characters decoded, {} of them had lost a byte and were restored with the \
         Korean model; {} uncertain",
        damage.damaged_chars,
        fixed.restored.len(),
        uncertain.len()
    );
    if fixed.unrepaired > 0 {
        eprintln!(
            "{name}: {} damaged characters fitted no candidate and were left as they were",
            fixed.unrepaired
        );
    }
    for r in uncertain.iter().take(max_listed) {
        let alternatives: Vec<String> = r
            .alternatives
            .iter()
            .take(3)
            .map(|(ch, p)| format!("{ch} {:.0}%", p * 100.0))
            .collect();
        let line = fixed
            .text
            .lines()
            .nth(r.line.saturating_sub(1))
            .unwrap_or("");
        eprintln!(
            "{name}:{}: {} ({:.0}%; or {}) in \"{}\"",
            r.line,
            r.chosen,
            r.confidence * 100.0,
            alternatives.join(", "),
            display::text(&excerpt(line, &fixed.text, r.span_in_output.start))
        );
    }
    if uncertain.len() > max_listed {
        eprintln!(
            "{name}: ... and {} more uncertain (--max-listed to see them)",
            uncertain.len() - max_listed
        );
    }
}

/// A few characters around `offset` (a position in `text`, inside `line`).
fn excerpt(line: &str, text: &str, offset: usize) -> String {
    let line_start = text
        .get(..offset)
        .and_then(|s| s.rfind('\n'))
        .map_or(0, |i| i + 1);
    let at = offset.saturating_sub(line_start);
    let before: Vec<char> = line.get(..at).unwrap_or("").chars().collect();
    let after: Vec<char> = line.get(at..).unwrap_or("").chars().collect();
    let start = before.len().saturating_sub(8);
    let end = after.len().min(8);
    let mut out: String = before[start..].iter().collect();
    out.extend(&after[..end]);
    out.trim().to_string()
}

/// Where [`write_with_backup`] wrote.
struct Written {
    /// The file replaced: the path given, or the file a symbolic link points to.
    target: PathBuf,
    /// The backup of the text before the repair.
    backup: PathBuf,
}

/// Replace the file at `path` (or, for a symbolic link, the file it points to, so the link
/// stays a link) with `text` atomically: a temporary file in the same directory is renamed
/// over it. `original` (what was read from it) is first saved to a backup that did not exist
/// before, so no earlier backup is ever overwritten. The file keeps its mode and, where the
/// process may set it, its owner. A read-only file is refused unless `force`.
fn write_with_backup(path: &Path, original: &[u8], text: &str, force: bool) -> Result<Written> {
    let target = match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => std::fs::canonicalize(path)
            .with_context(|| format!("cannot follow the link {}", display::path(path)))?,
        _ => path.to_path_buf(),
    };
    let meta = std::fs::metadata(&target)
        .with_context(|| format!("cannot read {}", display::path(&target)))?;
    if meta.permissions().readonly() && !force {
        bail!(
            "{}: the file is read-only, so it was left as it is; add --force to repair it anyway \
             (it stays read-only)",
            display::path(&target)
        );
    }
    let backup = create_backup(&target, original, &meta)?;

    let dir = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let file_name = target.file_name().map(|n| n.to_string_lossy().into_owned());
    let tmp = dir.join(format!(
        ".{}.repair-{}.tmp",
        file_name.as_deref().unwrap_or("note"),
        std::process::id()
    ));
    let written = write_new(&tmp, text.as_bytes(), &meta);
    if let Err(err) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(err).with_context(|| {
            format!(
                "cannot write the repaired text next to {}",
                display::path(&target)
            )
        });
    }
    if let Err(err) = std::fs::rename(&tmp, &target) {
        let _ = std::fs::remove_file(&tmp);
        return Err(err).with_context(|| format!("cannot replace {}", display::path(&target)));
    }
    Ok(Written { target, backup })
}

/// Save `original` as `FILE.bak`, or the first of `FILE.bak.1`, `FILE.bak.2`, ... that does
/// not exist yet (created exclusively, so a concurrent run cannot take the same name).
fn create_backup(target: &Path, original: &[u8], meta: &std::fs::Metadata) -> Result<PathBuf> {
    const MAX_BACKUPS: u32 = 10_000;
    for n in 0..MAX_BACKUPS {
        let mut name = target.as_os_str().to_owned();
        name.push(".bak");
        if n > 0 {
            name.push(format!(".{n}"));
        }
        let backup = PathBuf::from(name);
        match write_new(&backup, original, meta) {
            Ok(()) => return Ok(backup),
            Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(err) => {
                let _ = std::fs::remove_file(&backup);
                return Err(err).with_context(|| {
                    format!(
                        "cannot back up {} to {}; the file was left as it is",
                        display::path(target),
                        display::path(&backup)
                    )
                });
            }
        }
    }
    bail!(
        "{}: {MAX_BACKUPS} backups exist already; remove old FILE.bak.N files and run again",
        display::path(target)
    )
}

/// Create `path` (failing if it exists) holding `bytes`, with the mode and, where allowed,
/// the owner of the file described by `like`.
fn write_new(path: &Path, bytes: &[u8], like: &std::fs::Metadata) -> std::io::Result<()> {
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    file.write_all(bytes)?;
    file.sync_all()?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        // Only root (or the owner, for the group) may change these; otherwise the file
        // belongs to whoever runs the repair, as any new file would.
        let _ = std::os::unix::fs::fchown(&file, Some(like.uid()), Some(like.gid()));
    }
    // The mode is set last: a read-only original (with --force) would otherwise make the new
    // file unwritable before its content is in, and a change of owner can clear mode bits.
    file.set_permissions(like.permissions())
}
