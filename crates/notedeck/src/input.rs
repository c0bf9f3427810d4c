//! Reading note files: the one place that turns bytes on disk into text, so that export,
//! cards and lint treat encodings and damaged files the same way.

use anyhow::{Result, bail};
use notedeck_ide::vault;

use crate::display;
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

/// Read and decode one note for cards and export. UTF-8 (with or without BOM) is read as is;
/// CP949/EUC-KR and Shift-JIS files are decoded with a warning. A file that is UTF-8 mojibake
/// (decoded with the wrong code page and saved again) is refused with a message naming
/// `notedeck repair`: cards made of mojibake are useless, and the repair is one command away.
pub fn read_note(path: &Path) -> Result<NoteFile> {
    let note = read_text(path)?;
    // The checker's pre-filter first: detection is a full pass per file, and the bytes it
    // looks for are absent from almost every note.
    if notedeck_check::encoding::may_be_damaged(&note.text)
        && let Some(damage) = notedeck_repair::detect(&note.text)
    {
        bail!(
            "{}:{}: the text is damaged by a wrong encoding (UTF-8 read as {} and saved again; \
             {} characters affected). Run `notedeck repair --write {}` to restore it \
             (`notedeck repair {}` shows the result first)",
            display::path(path),
            damage.first_line,
            damage.code_page,
            damage.damaged_chars,
            shell_quote(path),
            shell_quote(path)
        );
    }
    Ok(note)
}

/// Read and decode one note as [`read_note`] does, but take a damaged one as it is: the
/// linter reports the damage as a finding (`damaged-encoding`), as the editor does.
pub fn read_text(path: &Path) -> Result<NoteFile> {
    let decoded = vault::read_note(path)?;
    let warnings = decoded
        .warning
        .iter()
        .map(|w| format!("{}: {w}", display::path(path)))
        .collect();
    Ok(NoteFile {
        path: path.to_path_buf(),
        text: decoded.text,
        warnings,
    })
}

/// The path as a user would type it in a shell (quoted when it has spaces, as Korean note
/// names often do).
fn shell_quote(path: &Path) -> String {
    let s = path.display().to_string();
    if s.chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '/' | '.' | '-' | '_'))
    {
        s
    } else {
        format!("'{}'", s.replace('\'', "'\\''"))
    }
}

/// Expand the given paths into Markdown files with the one vault walker the language server
/// uses too: files are taken as given, folders walked for `*.md` (sorted; hidden, dependency
/// and build folders skipped; each real file once; never out of the folder). A path that does
/// not exist is an error.
pub fn collect_markdown(paths: &[PathBuf]) -> Result<vault::Found> {
    Ok(vault::markdown_files(paths)?)
}

/// `notes/` when run from a notes repository like this one, else the current directory: where
/// `lint` and `stats` look when given no paths.
pub fn default_root() -> PathBuf {
    let notes = PathBuf::from("notes");
    if notes.is_dir() {
        notes
    } else {
        PathBuf::from(".")
    }
}
