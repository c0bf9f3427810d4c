//! A cache of the notes held for checking only ([`background_note`]), so that linting a vault
//! again, or opening the editor on it again, parses only the files that changed.
//!
//! Parsing is nearly all of the time of a lint or of the language server's start on a large
//! vault, and a vault changes a few files at a time. One cache file per note (named by its
//! real path) holds what the checker reads of it, keyed by its text, its file name and the
//! running binary, and followed by a digest of itself; anything that does not match exactly
//! (another text, another build of notedeck, a damaged or foreign file, a span outside the
//! text) is parsed again and written over. The cache is never the only copy of anything:
//! the folder may be deleted at any time.
//!
//! Where it lives: `$NOTEDECK_CACHE_DIR` if set (`off`, or empty, turns the cache off), else
//! `$XDG_CACHE_HOME/notedeck`, else `~/.cache/notedeck`: outside the notes folder unless
//! `$NOTEDECK_CACHE_DIR` names a folder inside it.

use crate::host::background_note;
use notedeck_check::{CardDigests, Note};
use notedeck_parse::{Claim, Document, ImageRef, LineIndex, Section, SectionKind, Span, Term};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::fmt::Write as _;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The environment variable naming the cache folder, or `off`.
const CACHE_DIR_VAR: &str = "NOTEDECK_CACHE_DIR";

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
            // A relative folder is taken from where notedeck runs, as the shell would.
            Some(dir) => std::path::absolute(PathBuf::from(dir)).ok()?,
            None => std::env::var_os("XDG_CACHE_HOME")
                .filter(|d| Path::new(d).is_absolute())
                .map(PathBuf::from)
                .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".cache")))?
                .join("notedeck"),
        };
        NoteCache::at(dir)
    }

    /// A cache in `dir`, for the running binary; `None` when the binary cannot be
    /// identified, since a cache that outlives a rebuild would give the old build's findings.
    /// Temporary files that a killed run left in it an hour ago or more are removed.
    pub fn at(dir: PathBuf) -> Option<NoteCache> {
        let exe = std::env::current_exe().ok()?;
        let meta = std::fs::metadata(&exe).ok()?;
        let modified = meta
            .modified()
            .ok()?
            .duration_since(std::time::UNIX_EPOCH)
            .ok()?;
        // The binary is known by where it is, its size and its times; on Unix also by its
        // inode and change time, which a copy keeping the times (`cp -p`, `install -p`)
        // cannot keep. Hashing the binary itself would cost every run a read of it.
        let mut build = Sha256::new();
        build.update(FORMAT);
        build.update(env!("CARGO_PKG_VERSION"));
        build.update(exe.as_os_str().as_encoded_bytes());
        build.update(meta.len().to_le_bytes());
        build.update(modified.as_nanos().to_le_bytes());
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            for n in [meta.dev(), meta.ino()] {
                build.update(n.to_le_bytes());
            }
            build.update(meta.ctime().to_le_bytes());
            build.update(meta.ctime_nsec().to_le_bytes());
        }
        let dir = dir.join("notes");
        // Made once here rather than at every write; a folder that cannot be made leaves
        // every write failing, which costs only time.
        let _ = std::fs::create_dir_all(&dir);
        remove_stale_temporary_files(&dir);
        Some(NoteCache {
            dir,
            build: build.finalize().into(),
        })
    }

    /// [`background_note`] of `text`, read from the cache when this build parsed the same
    /// text for the same file before, else parsed and written to the cache. Writing is best
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
    ///
    /// The file is named by the real path (`notes/a.md` from lint and the language server's
    /// absolute path are one file; two vaults' `notes/a.md` are two). The key holds what the
    /// parse reads: the text and the file's stem (the title of a note without one).
    fn key(&self, path: &Path, text: &str) -> (PathBuf, [u8; 32]) {
        let real = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        let name = Sha256::digest(real.as_os_str().as_encoded_bytes());
        let stem = path.file_stem().unwrap_or_default();
        let mut key = Sha256::new();
        key.update(self.build);
        key.update((stem.len() as u64).to_le_bytes());
        key.update(stem.as_encoded_bytes());
        key.update(text);
        let mut hex = String::with_capacity(32);
        for b in &name[..16] {
            let _ = write!(hex, "{b:02x}");
        }
        (self.dir.join(hex), key.finalize().into())
    }
}

/// Remove the temporary files of writes that never finished (a killed run), an hour old or
/// more: younger ones may be another run's, still being written.
fn remove_stale_temporary_files(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let hour = std::time::Duration::from_secs(3600);
    for entry in entries.flatten() {
        let stale = entry.file_name().as_encoded_bytes().starts_with(b".tmp")
            && entry
                .metadata()
                .and_then(|m| m.modified())
                .is_ok_and(|t| t.elapsed().is_ok_and(|age| age >= hour));
        if stale {
            let _ = std::fs::remove_file(entry.path());
        }
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

impl Stored {
    /// Whether every span read back lies in `text` on character boundaries.
    fn spans_fit(&self, text: &str) -> bool {
        let fits = |s: &Span| {
            s.start <= s.end
                && s.end <= text.len()
                && text.is_char_boundary(s.start)
                && text.is_char_boundary(s.end)
        };
        self.topics.iter().all(|t| {
            fits(&t.heading_span) && fits(&t.span) && t.subject_span.as_ref().is_none_or(fits)
        }) && self.terms.iter().all(|t| {
            fits(&t.span)
                && fits(&t.name_span)
                && fits(&t.expansion_span)
                && t.section.as_ref().is_none_or(fits)
        }) && self
            .claims
            .iter()
            .all(|c| fits(&c.span) && fits(&c.value_span))
            && self.images.iter().all(|i| fits(&i.span))
            && self.pins.iter().all(|(_, s)| fits(s))
            && self.cards.cards.iter().all(|c| fits(&c.span()))
    }
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
    // The key, then a digest of the payload: a damaged payload that still decodes is a
    // miss too, not findings made up from it.
    let rest = bytes.strip_prefix(key.as_slice())?;
    let (digest, payload) = rest.split_at_checked(32)?;
    if digest != Sha256::digest(payload).as_slice() {
        return None;
    }
    let stored: Stored = postcard::from_bytes(payload).ok()?;
    // Every span in the text, on character boundaries, as a parse gives them: the rules
    // slice the text by them.
    if !stored.spans_fit(text) {
        return None;
    }
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
    let payload = postcard::to_allocvec(&stored).map_err(std::io::Error::other)?;
    let mut bytes = Vec::with_capacity(64 + payload.len());
    bytes.extend_from_slice(key);
    bytes.extend_from_slice(&Sha256::digest(&payload));
    bytes.extend_from_slice(&payload);
    let mut temp = tempfile::NamedTempFile::new_in(dir)?;
    temp.write_all(&bytes)?;
    temp.persist(file).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_span_outside_the_text_or_inside_a_character_is_refused() {
        let text = "## LoRA\n\n- LoRA (Low-Rank Adaptation)\n";
        let note = background_note(Path::new("a.md"), text);
        let stored = |claims: Vec<Claim>| Stored {
            title: String::new(),
            topics: Vec::new(),
            terms: note.doc.terms.clone(),
            claims,
            images: Vec::new(),
            cards: note.cards.clone(),
            pins: Vec::new(),
        };
        assert!(stored(Vec::new()).spans_fit(text));
        let claim = |span: Span| Claim {
            subject: "LoRA".into(),
            attribute: "랭크".into(),
            value: "8".into(),
            origin: notedeck_parse::ClaimOrigin::Bullet,
            span: span.clone(),
            value_span: span,
        };
        assert!(stored(vec![claim(0..2)]).spans_fit(text));
        assert!(!stored(vec![claim(0..text.len() + 1)]).spans_fit(text));
        let reversed = Span { start: 5, end: 3 };
        assert!(!stored(vec![claim(reversed)]).spans_fit(text));
        let korean = Stored {
            terms: Vec::new(),
            cards: CardDigests::default(),
            ..stored(vec![claim(1..3)])
        };
        assert!(!korean.spans_fit("가나다"));
        assert!(
            Stored {
                claims: vec![claim(3..6)],
                ..korean
            }
            .spans_fit("가나다")
        );
    }
}
