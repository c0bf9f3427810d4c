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
    /// Replace the file with the repaired text (atomically; the original is kept as FILE.bak).
    #[arg(long, conflicts_with = "check")]
    pub write: bool,
    /// Only report: exit 1 if the file is damaged, 0 if it is clean (for CI).
    #[arg(long)]
    pub check: bool,
    /// List at most this many uncertain characters in the summary.
    #[arg(long, default_value_t = 50)]
    pub max_listed: usize,
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
    summarize(path, &fixed, args.max_listed);

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
            let backup = write_with_backup(path, &fixed.text)?;
            eprintln!(
                "{}: repaired in place; the original is at {}",
                display::path(path),
                display::path(&backup)
            );
        } else {
            eprintln!(
                "{}: nothing to repair; file left untouched",
                display::path(path)
            );
        }
        return Ok(ExitCode::SUCCESS);
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    out.write_all(fixed.text.as_bytes())
        .and_then(|()| out.flush())
        .context("cannot write the repaired text to standard output")?;
    Ok(ExitCode::SUCCESS)
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

/// Replace `path` with `text` atomically (temp file in the same directory, then rename), after
/// copying the original to `path.bak`. Returns the backup's path.
fn write_with_backup(path: &Path, text: &str) -> Result<PathBuf> {
    let mut backup = path.as_os_str().to_owned();
    backup.push(".bak");
    let backup = PathBuf::from(backup);
    std::fs::copy(path, &backup)
        .with_context(|| format!("cannot back up {} to {}", path.display(), backup.display()))?;
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let file_name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    let tmp = dir.join(format!(
        ".{}.repair-{}.tmp",
        file_name.as_deref().unwrap_or("note"),
        std::process::id()
    ));
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&tmp)
        .and_then(|mut f| {
            f.write_all(text.as_bytes())?;
            f.sync_all()
        });
    if let Err(err) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(err).with_context(|| format!("cannot write {}", tmp.display()));
    }
    // Keep the original's permissions.
    if let Ok(meta) = std::fs::metadata(path) {
        let _ = std::fs::set_permissions(&tmp, meta.permissions());
    }
    if let Err(err) = std::fs::rename(&tmp, path) {
        let _ = std::fs::remove_file(&tmp);
        return Err(err).with_context(|| format!("cannot replace {}", path.display()));
    }
    Ok(backup)
}
