//! Reading note files: the one place that turns bytes on disk into text, so that export,
//! cards and lint treat encodings and damaged files the same way.

use anyhow::{Context, Result, bail};
use std::path::{Path, PathBuf};

/// A note file read and decoded, with anything the user should be told about it.
pub struct NoteFile {
    /// Path as given (or as found under a directory).
    pub path: PathBuf,
    /// Decoded text.
    pub text: String,
    /// Warnings to print (e.g. the file was not UTF-8 and was decoded as CP949).
    pub warnings: Vec<String>,
}

/// Read and decode one note. UTF-8 (with or without BOM) is read as is; anything else is an
/// error naming the file and what to do.
pub fn read_note(path: &Path) -> Result<NoteFile> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(NoteFile {
            path: path.to_path_buf(),
            text: text.to_string(),
            warnings: Vec::new(),
        }),
        Err(err) => bail!(
            "{}: not valid UTF-8 (first bad byte at offset {}); save it as UTF-8",
            path.display(),
            err.valid_up_to()
        ),
    }
}

/// Expand the given paths into Markdown files: files are taken as given, directories are
/// walked for `*.md` (sorted, hidden entries skipped). A path that does not exist is an error.
pub fn collect_markdown(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for path in paths {
        let meta =
            std::fs::metadata(path).with_context(|| format!("cannot read {}", path.display()))?;
        if meta.is_dir() {
            walk(path, &mut out)?;
        } else {
            out.push(path.clone());
        }
    }
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .with_context(|| format!("cannot list {}", dir.display()))?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| {
            !p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        })
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            walk(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "md") {
            out.push(path);
        }
    }
    Ok(())
}
