//! A [`Workspace`] of parsed notes -> [`Finding`]s with stable codes, severities, related spans
//! and [`Fix`]es, plus the term index behind hover and go-to-definition.
//!
//! Pure: the caller (CLI or language server) reads files and hands in text. The same engine
//! serves the editor and CI, so findings are deterministic (sorted by path, then span).

use notedeck_parse::{Document, LineIndex, Span};
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// How serious a finding is; ordered so that `Error > Warning > Info > Hint`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// A style hint.
    Hint,
    /// Worth knowing.
    Info,
    /// Probably wrong.
    Warning,
    /// Certainly wrong.
    Error,
}

/// A place in another (or the same) file that explains a finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Related {
    /// File the span belongs to.
    pub path: PathBuf,
    /// Byte span in that file.
    pub span: Span,
    /// What this place is (e.g. `expanded as "Low-Rank Adaptation" here`).
    pub message: String,
}

/// One text replacement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Edit {
    /// File to edit.
    pub path: PathBuf,
    /// Byte span to replace.
    pub span: Span,
    /// Replacement text.
    pub new_text: String,
}

/// A suggested fix: a title for the editor's menu and the edits it makes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fix {
    /// Shown in the quick-fix menu: `Replace with "Low-Rank Adaptation"`.
    pub title: String,
    /// Edits, possibly in several files.
    pub edits: Vec<Edit>,
}

/// One problem found in the notes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Stable code: `conflicting-expansion`, `acronym-mismatch`, `conflicting-claim`,
    /// `pasted-katex`, `broken-emphasis`, `missing-image`, `duplicate-card`, `empty-answer`.
    pub code: &'static str,
    /// How serious it is.
    pub severity: Severity,
    /// One sentence a person understands.
    pub message: String,
    /// File of the primary span.
    pub path: PathBuf,
    /// Primary byte span.
    pub span: Span,
    /// Other places involved (the other claim).
    pub related: Vec<Related>,
    /// Suggested fixes, best first.
    pub fixes: Vec<Fix>,
}

/// One note file as the workspace holds it.
#[derive(Debug, Clone)]
pub struct Note {
    /// The text analysed (for the language server: the in-memory buffer).
    pub text: Arc<str>,
    /// Line starts of `text`.
    pub lines: LineIndex,
    /// The parse of `text`.
    pub doc: Document,
}

/// All notes under the roots, keyed by path; analysis runs over it.
#[derive(Debug, Clone, Default)]
pub struct Workspace {
    notes: BTreeMap<PathBuf, Note>,
}

impl Workspace {
    /// An empty workspace.
    pub fn new() -> Self {
        Self::default()
    }

    /// Add or replace one file's text, re-parsing it.
    pub fn set(&mut self, path: PathBuf, text: &str) {
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let note = Note {
            text: Arc::from(text),
            lines: LineIndex::new(text),
            doc: notedeck_parse::parse(text, &stem),
        };
        self.notes.insert(path, note);
    }

    /// Forget a file.
    pub fn remove(&mut self, path: &Path) {
        self.notes.remove(path);
    }

    /// One file, if present.
    pub fn get(&self, path: &Path) -> Option<&Note> {
        self.notes.get(path)
    }

    /// All files in path order.
    pub fn notes(&self) -> impl Iterator<Item = (&PathBuf, &Note)> {
        self.notes.iter()
    }
}
