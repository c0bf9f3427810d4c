//! What the checker works on and reports: [`Note`] in, [`Finding`] (with [`Related`] places
//! and [`Fix`]es) out.

use crate::{CardDigests, Code};
use notedeck_parse::{Document, LineIndex, Span, Term};
use serde::Serialize;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// One problem found in the notes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// What kind of problem it is.
    pub code: Code,
    /// How serious it is (the code's default severity).
    pub severity: Severity,
    /// One sentence a person understands.
    pub message: String,
    /// File of the primary span.
    pub path: PathBuf,
    /// Primary byte span.
    pub span: Span,
    /// Other places involved (the other claim).
    pub related: Vec<Related>,
    /// Suggested fixes, best first. When nothing decides between them they are alternatives,
    /// none [`Fix::preferred`]: the user chooses one.
    pub fixes: Vec<Fix>,
}

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

impl Severity {
    /// The lowercase name used in every output format (`error`, `warning`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Hint => "hint",
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
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

/// A suggested fix: a title for the editor's menu and the edits it makes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fix {
    /// Shown in the quick-fix menu: `Replace with "Low-Rank Adaptation"`.
    pub title: String,
    /// Edits, possibly in several files.
    pub edits: Vec<Edit>,
    /// Whether this is the fix to take. False for each of two or more alternatives the
    /// checker cannot choose between (which of two expansions used equally often is right):
    /// an editor may apply a preferred fix on its own (fix all, fix on save), an alternative
    /// only when the user picks it.
    pub preferred: bool,
}

impl Fix {
    /// The fix replacing `span` of `path` with `text`, titled `Replace with "text"`.
    pub fn replace_with(path: &Path, span: Span, text: String, preferred: bool) -> Fix {
        Fix {
            title: format!("Replace with \"{text}\""),
            edits: vec![Edit {
                path: path.to_path_buf(),
                span,
                new_text: text,
            }],
            preferred,
        }
    }
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

/// Sort findings the one way every consumer sees them: path, span, code, message.
pub fn sort_findings(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        (&a.path, a.span.start, a.span.end, a.code, &a.message).cmp(&(
            &b.path,
            b.span.start,
            b.span.end,
            b.code,
            &b.message,
        ))
    });
}

/// One note file as the workspace holds it.
#[derive(Debug, Clone)]
pub struct Note {
    /// The text analysed (for the language server: the in-memory buffer).
    pub text: Arc<str>,
    /// Line starts of `text`.
    pub lines: LineIndex,
    /// The parse of `text`. The card rules read [`Note::cards`] instead of `doc.cards`, so a
    /// holder of many notes (the language server) may empty `doc.cards` for notes nobody is
    /// looking at without changing any finding.
    pub doc: Document,
    /// What the card rules need of `doc.cards`, computed when the note is made.
    pub cards: CardDigests,
    /// The `<!-- id: … -->` pins of `text`, in source order (`duplicate-pin` compares them
    /// within the note and across notes).
    pub pins: Vec<(String, Span)>,
    /// Words of its expansions the whole text uses as its own terms (lowercase), for a note
    /// keeping only its expansions ([`Note::for_terms`]): the count needs the text it left
    /// out. Empty for a note holding its whole text, whose words are counted in it.
    pub own_words: Vec<String>,
}

impl Note {
    /// Parse `text` into a note; `path`'s file stem is the fallback title.
    pub fn new(path: &Path, text: &str) -> Note {
        Note::from_shared(path, Arc::from(text))
    }

    /// [`Note::new`] keeping `text` itself rather than a copy: a caller that made the text
    /// for the note (the language server, from an editor's buffer of megabytes) does not
    /// hold two copies of it.
    pub fn from_shared(path: &Path, text: Arc<str>) -> Note {
        Note::parsed(path, text, notedeck_parse::parse_with_lines)
    }

    /// [`Note::from_shared`] without the blocks the parser did not turn into cards
    /// ([`notedeck_parse::parse_without_skipped`]): no rule reads them, and an editor never
    /// shows them.
    pub fn from_shared_without_skipped(path: &Path, text: Arc<str>) -> Note {
        Note::parsed(path, text, notedeck_parse::parse_without_skipped)
    }

    /// [`Note::from_shared_without_skipped`] without card ids
    /// ([`notedeck_parse::parse_without_identity`]): for a note whose `doc.cards` is dropped
    /// once [`Note::cards`] is made (no rule reads an id), or whose problems are never shown.
    pub fn from_shared_without_identity(path: &Path, text: Arc<str>) -> Note {
        Note::parsed(path, text, notedeck_parse::parse_without_identity)
    }

    fn parsed(path: &Path, text: Arc<str>, parse: fn(&str, &str) -> (Document, LineIndex)) -> Note {
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let (doc, lines) = parse(&text, &stem);
        Note {
            lines,
            cards: CardDigests::of(&doc.cards),
            pins: pins_of(&text),
            doc,
            text,
            own_words: Vec::new(),
        }
    }

    /// A note from `text` and a parse of it made elsewhere (or adjusted after parsing).
    pub fn with_doc(text: &str, doc: Document) -> Note {
        Note {
            text: Arc::from(text),
            lines: LineIndex::new(text),
            cards: CardDigests::of(&doc.cards),
            pins: pins_of(text),
            doc,
            own_words: Vec::new(),
        }
    }

    /// A note for [`Workspace::rejected_terms`](crate::Workspace::rejected_terms) only: the
    /// `terms` of `text` (with their title), keeping of the text just what the term rules
    /// read, each expansion as written. The expansions are laid end to end and each term's
    /// `expansion_span` points at its own; its other spans stay those of `text`, so the spans
    /// `rejected_terms` returns are those of `text`.
    ///
    /// An export checks every note's terms together after parsing them all: holding each
    /// file's whole text and line index until then took a large share of its memory.
    pub fn for_terms(text: &str, title: String, mut terms: Vec<Term>) -> Note {
        let own_words = crate::rules::spelling::own_words(text, &terms);
        let rivalled = crate::rules::terms::rivalled_headings(&terms);
        let mut kept = String::new();
        for (i, term) in terms.iter_mut().enumerate() {
            // The text under a heading is read only against another spelling of its name in
            // the same note: kept for those few, dropped for the rest.
            term.section = match term.section.clone().and_then(|s| text.get(s)) {
                Some(body) if rivalled.contains(&i) => {
                    let start = kept.len();
                    kept.push_str(body);
                    Some(start..kept.len())
                }
                _ => None,
            };
            term.expansion_span = match text.get(term.expansion_span.clone()) {
                Some(source) => {
                    let start = kept.len();
                    kept.push_str(source);
                    start..kept.len()
                }
                // Out of the text as before: the rules skip such a term.
                None => kept.len() + 1..kept.len(),
            };
        }
        let doc = Document {
            title,
            terms,
            ..Document::default()
        };
        let mut note = Note::with_doc(&kept, doc);
        note.own_words = own_words;
        note
    }
}

/// The id pins of `text` (none without an `id:` in it, the common case, found without a scan
/// of the comments).
fn pins_of(text: &str) -> Vec<(String, Span)> {
    if text.contains("id:") {
        notedeck_parse::id_pins(text)
    } else {
        Vec::new()
    }
}

/// A place where a term is written as `Name (Expansion)`.
#[derive(Debug, Clone, Copy)]
pub struct TermSite<'a> {
    /// File holding the term.
    pub path: &'a Path,
    /// The term as parsed there.
    pub term: &'a Term,
    /// The text of the note holding it, which the term's spans point into.
    pub text: &'a str,
}

/// Answers "does the image `relative` referenced from note `note` exist?". The workspace does
/// no I/O, so the caller (CLI, language server) decides how paths resolve and whether to look
/// at the disk at all.
pub type ImageResolver = Arc<dyn Fn(&Path, &str) -> bool + Send + Sync>;
