//! Temporary files left by exports that were killed. A package is assembled in hidden files
//! next to it (`.notedeck-<pid>-<random>.apkg`, `.anki2`, `.state.json`) that a normal run
//! renames or removes; `kill -9` leaves them behind, and they are as large as the package.
//! Each export, holding the package lock, removes the ones whose writer is gone.

use std::path::Path;
use std::time::{Duration, SystemTime};

/// Suffixes of the temporary files an export creates.
const SUFFIXES: [&str; 3] = [".anki2", ".apkg", ".state.json"];

/// Name prefix of every temporary file; the writer's pid follows.
const PREFIX: &str = ".notedeck-";

/// A temporary file whose writer cannot be checked (no pid in its name, or no `/proc`) is
/// stale once it has not been written for this long.
const UNCHECKED_AGE: Duration = Duration::from_secs(60);

/// Whatever the pid says (it may have been reused), nothing writes one file for a day.
const MAX_AGE: Duration = Duration::from_secs(24 * 60 * 60);

/// The prefix for this process's temporary files.
pub fn prefix() -> String {
    format!("{PREFIX}{}-", std::process::id())
}

/// What was removed: files and bytes.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Removed {
    /// Files removed.
    pub files: usize,
    /// Their total size.
    pub bytes: u64,
}

/// Remove stale temporary files of earlier exports from `dir`. Failures are ignored: a file
/// that cannot be removed now is tried again by the next export.
pub fn remove_stale(dir: &Path) -> Removed {
    let mut removed = Removed::default();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return removed;
    };
    let now = SystemTime::now();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(writer) = name.to_str().and_then(writer_of) else {
            continue;
        };
        let Ok(meta) = entry.metadata() else {
            continue;
        };
        if !meta.is_file() {
            continue;
        }
        let age = meta
            .modified()
            .ok()
            .and_then(|m| now.duration_since(m).ok())
            .unwrap_or_default();
        let stale = match writer.and_then(running) {
            Some(alive) => !alive || age > MAX_AGE,
            None => age > UNCHECKED_AGE,
        };
        if stale && std::fs::remove_file(entry.path()).is_ok() {
            removed.files += 1;
            removed.bytes += meta.len();
        }
    }
    removed
}

/// `Some(Some(pid))` for `.notedeck-<pid>-<random><suffix>`, `Some(None)` for the names of
/// earlier versions (`.notedeck-<6 random>.apkg`), `None` for anything else.
fn writer_of(name: &str) -> Option<Option<u32>> {
    let rest = name.strip_prefix(PREFIX)?;
    let stem = SUFFIXES.iter().find_map(|s| rest.strip_suffix(s))?;
    if let Some((pid, random)) = stem.split_once('-')
        && !pid.is_empty()
        && pid.bytes().all(|b| b.is_ascii_digit())
        && is_random(random)
    {
        return Some(pid.parse().ok());
    }
    (stem.len() == 6 && is_random(stem)).then_some(None)
}

/// tempfile's random part: 6 letters and digits.
fn is_random(s: &str) -> bool {
    s.len() == 6 && s.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// Whether process `pid` is running, where the system can tell (Linux's `/proc`).
fn running(pid: u32) -> Option<bool> {
    let proc = Path::new("/proc");
    if !proc.join("self").exists() {
        return None;
    }
    Some(proc.join(pid.to_string()).exists())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_notedeck_temporary_names_match() {
        assert_eq!(writer_of(".notedeck-123-aB3xYz.apkg"), Some(Some(123)));
        assert_eq!(
            writer_of(".notedeck-123-aB3xYz.state.json"),
            Some(Some(123))
        );
        assert_eq!(writer_of(".notedeck-aB3xYz.anki2"), Some(None));
        for other in [
            "notes.apkg",
            ".notedeck-123-aB3xYz.apkg.bak",
            ".notedeck-notes.apkg",
            ".notedeck-123-toolong7.apkg",
            ".notedeck--aB3xYz.apkg",
            ".notedeck-12a-aB3xYz.apkg",
            "notedeck-123-aB3xYz.apkg",
        ] {
            assert_eq!(writer_of(other), None, "{other}");
        }
    }
}
