//! A cache of the notes held for checking only ([`background_note`]), so that linting a vault
//! again, or opening the editor on it again, parses only the files that changed.
//!
//! Parsing is nearly all of the time of a lint or of the language server's start on a large
//! vault, and a vault changes a few files at a time. One cache file per note holds what the
//! checker reads of it, keyed by the note's path, its text and the running binary; anything
//! that does not match exactly (another text, another build of notedeck, a damaged or foreign
//! file) is parsed again and written over. The cache is never the only copy of anything: the
//! folder may be deleted at any time.
//!
//! Where it lives: `$NOTEDECK_CACHE_DIR` if set (`off` turns the cache off), else
//! `$XDG_CACHE_HOME/notedeck`, else `~/.cache/notedeck`. Never in the notes folder.

use crate::host::background_note;
use notedeck_check::{CardDigests, Note};
use notedeck_parse::{Claim, Document, ImageRef, LineIndex, Section, SectionKind, Span, Term};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The environment variable naming the cache folder, or `off`.
pub const CACHE_DIR_VAR: &str = "NOTEDECK_CACHE_DIR";

/// Bumped when what a cache file holds changes shape, so older files are read as misses.
const FORMAT: &[u8] = b"notedeck note cache 1";

/// A folder of parsed notes; see the module documentation.
#[derive(Debug, Clone)]
pub struct NoteCache {
    dir: PathBuf,
    /// A digest of the running binary: a file written by another build is a miss, since its
    /// rules may have made other findings.
    build: [u8; 32],
}

impl NoteCache {
    /// The cache the environment names (see the module documentation); `None` when it is
    /// turned off or no folder can be named.
    pub fn from_env() -> Option<NoteCache> {
        let dir = match std::env::var_os(CACHE_DIR_VAR) {
            Some(dir) if dir == "off" || dir.is_empty() => return None,
            Some(dir) => PathBuf::from(dir),
            None => std::env::var_os("XDG_CACHE_HOME")
                .filter(|d| Path::new(d).is_absolute())
                .map(PathBuf::from)
                .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".cache")))?
                .join("notedeck"),
        };
        NoteCache::at(dir)
    }

    /// A cache in `dir` (made when first written), for the running binary; `None` when the
    /// binary cannot be identified, since a cache that outlives a rebuild would give the old
    /// build's findings.
    pub fn at(dir: PathBuf) -> Option<NoteCache> {
        let exe = std::env::current_exe().ok()?;
        let meta = std::fs::metadata(&exe).ok()?;
        let modified = meta
            .modified()
            .ok()?
            .duration_since(std::time::UNIX_EPOCH)
            .ok()?;
        let mut build = Sha256::new();
        build.update(FORMAT);
        build.update(env!("CARGO_PKG_VERSION"));
        build.update(exe.as_os_str().as_encoded_bytes());
        build.update(meta.len().to_le_bytes());
        build.update(modified.as_nanos().to_le_bytes());
        Some(NoteCache {
            dir: dir.join("notes"),
            build: build.finalize().into(),
        })
    }

    /// [`background_note`] of `text`, read from the cache when this build parsed the same
    /// text at the same path before, else parsed and written to the cache. Writing is best
    /// effort: a cache that cannot be written costs the next run its time, nothing else.
    pub fn background_note(&self, path: &Path, text: &str) -> Note {
        let (file, key) = self.key(path, text);
        if let Some(note) = read(&file, &key, text) {
            return note;
        }
        let note = background_note(path, text);
        // The temporary file of a failed write is removed as it is dropped; the entry, if
        // any, is the old one, whose key no longer matches.
        let _ = write(&self.dir, &file, &key, &note);
        note
    }

    /// The cache file of `path` and the key its content must start with.
    fn key(&self, path: &Path, text: &str) -> (PathBuf, [u8; 32]) {
        let name = Sha256::digest(path.as_os_str().as_encoded_bytes());
        let mut key = Sha256::new();
        key.update(self.build);
        key.update(name);
        key.update(text);
        let hex: String = name[..16].iter().map(|b| format!("{b:02x}")).collect();
        (self.dir.join(hex), key.finalize().into())
    }
}

/// What the checker reads of a note besides its text (see [`background_note`]), borrowed
/// to be written. [`Stored`] reads it back; both have the same fields in the same order,
/// which is all the binary format (postcard) encodes.
#[derive(Serialize)]
struct StoredRef<'a> {
    title: &'a str,
    topics: Vec<Topic>,
    terms: &'a [Term],
    claims: &'a [Claim],
    images: &'a [ImageRef],
    cards: &'a CardDigests,
    pins: &'a [(String, Span)],
}

#[derive(Deserialize)]
struct Stored {
    title: String,
    topics: Vec<Topic>,
    terms: Vec<Term>,
    claims: Vec<Claim>,
    images: Vec<ImageRef>,
    cards: CardDigests,
    pins: Vec<(String, Span)>,
}

/// A topic section as a background note keeps it: its spans and level, nothing else.
#[derive(Serialize, Deserialize)]
struct Topic {
    level: u8,
    heading_span: Span,
    span: Span,
    subject_span: Option<Span>,
}

fn read(file: &Path, key: &[u8; 32], text: &str) -> Option<Note> {
    let bytes = std::fs::read(file).ok()?;
    let stored: Stored = postcard::from_bytes(bytes.strip_prefix(key.as_slice())?).ok()?;
    // The text is not cached: it is read anyway to be keyed, and the rules read it.
    let doc = Document {
        title: stored.title,
        sections: stored
            .topics
            .into_iter()
            .map(|t| Section {
                kind: SectionKind::Topic,
                title: String::new(),
                level: t.level,
                parent: None,
                heading_span: t.heading_span,
                span: t.span,
                subject: None,
                subject_span: t.subject_span,
            })
            .collect(),
        terms: stored.terms,
        claims: stored.claims,
        images: stored.images,
        ..Document::default()
    };
    Some(Note {
        text: Arc::from(text),
        lines: LineIndex::new(text),
        doc,
        cards: stored.cards,
        pins: stored.pins,
        own_words: Vec::new(),
    })
}

fn write(dir: &Path, file: &Path, key: &[u8; 32], note: &Note) -> std::io::Result<()> {
    let stored = StoredRef {
        title: &note.doc.title,
        topics: note
            .doc
            .sections
            .iter()
            .map(|s| Topic {
                level: s.level,
                heading_span: s.heading_span.clone(),
                span: s.span.clone(),
                subject_span: s.subject_span.clone(),
            })
            .collect(),
        terms: &note.doc.terms,
        claims: &note.doc.claims,
        images: &note.doc.images,
        cards: &note.cards,
        pins: &note.pins,
    };
    let bytes = postcard::to_extend(&stored, key.to_vec()).map_err(std::io::Error::other)?;
    std::fs::create_dir_all(dir)?;
    let mut temp = tempfile::NamedTempFile::new_in(dir)?;
    temp.write_all(&bytes)?;
    temp.persist(file).map_err(|e| e.error)?;
    Ok(())
}
