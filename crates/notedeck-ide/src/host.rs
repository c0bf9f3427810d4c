//! [`AnalysisHost`]: the vault as an editor sees it, changed one event at a time.
//!
//! "The buffer wins": an open file is analysed from the editor's buffer, never from the disk,
//! until it is closed; then the disk is the truth again (unsaved edits the user threw away
//! must not keep producing conflicts elsewhere). Every change returns the files whose findings
//! may have changed, read off the checker's own index, so an editor re-checks exactly those.

use notedeck_anki::collection::Collection;
use notedeck_check::{Affected, Note, Severity, Workspace};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::analysis::Analysis;
use crate::cache::NoteCache;
use crate::terms::TermCache;
use crate::vault::{self, Images};

/// At most this many notes are loaded: a workspace folder that is a home directory must not
/// make the editor read every Markdown file on the disk.
pub const MAX_FILES: usize = 20_000;

/// The notes of a workspace (open ones as their buffers) and what analysis needs with them.
pub struct AnalysisHost {
    ws: Workspace,
    roots: Vec<PathBuf>,
    open: HashSet<PathBuf>,
    terms: TermCache,
    reviews: Option<Arc<Collection>>,
    leech_severity: Severity,
}

impl Default for AnalysisHost {
    fn default() -> Self {
        AnalysisHost::new(Vec::new())
    }
}

impl AnalysisHost {
    /// A host for the workspace folders `roots` (images resolve inside them).
    pub fn new(roots: Vec<PathBuf>) -> AnalysisHost {
        let mut ws = Workspace::new();
        let images = Images::new(&roots);
        ws.set_image_resolver(Arc::new(move |note: &Path, link: &str| {
            images.exists(note, link)
        }));
        AnalysisHost {
            ws,
            roots,
            open: HashSet::new(),
            terms: TermCache::default(),
            reviews: None,
            leech_severity: Severity::Info,
        }
    }

    /// Use `reviews` (read from the student's collection) for lenses, hovers and leech
    /// diagnostics from now on; `None` forgets them. Returns the state used until now, for the
    /// caller to drop where it does not hold up anyone (outside a lock).
    pub fn set_reviews(&mut self, reviews: Option<Arc<Collection>>) -> Option<Arc<Collection>> {
        std::mem::replace(&mut self.reviews, reviews)
    }

    /// The review state in use, shared (for work done off the lock).
    pub fn reviews_shared(&self) -> Option<Arc<Collection>> {
        self.reviews.clone()
    }

    /// The severity of leech diagnostics (an editor setting).
    pub fn set_leech_severity(&mut self, severity: Severity) {
        self.leech_severity = severity;
    }

    /// The workspace folders.
    pub fn roots(&self) -> &[PathBuf] {
        &self.roots
    }

    /// The analysis of the vault as it is now.
    pub fn analysis(&self) -> Analysis<'_> {
        Analysis::new(&self.ws, &self.roots, &self.terms)
            .with_reviews(self.reviews.as_deref(), self.leech_severity)
    }

    /// A snapshot of the checker's workspace that later changes do not affect (cheap: notes
    /// and index are shared until one side changes), for checking without holding a lock.
    pub fn snapshot(&self) -> Workspace {
        self.ws.clone()
    }

    /// A copy of the host that later changes do not affect, for answering without holding a
    /// lock (cheap: see [`AnalysisHost::snapshot`]; the term cache starts empty).
    pub fn snapshot_host(&self) -> AnalysisHost {
        AnalysisHost {
            ws: self.ws.clone(),
            roots: self.roots.clone(),
            open: self.open.clone(),
            terms: TermCache::default(),
            reviews: self.reviews.clone(),
            leech_severity: self.leech_severity,
        }
    }

    /// Whether the editor has `path` open.
    pub fn is_open(&self, path: &Path) -> bool {
        self.open.contains(path)
    }

    /// The editor opened `path` with `text`: from now on the buffer is the note.
    pub fn open(&mut self, path: PathBuf, text: &str) -> Affected {
        self.open.insert(path.clone());
        self.set(path, text)
    }

    /// The editor opened `path` with a buffer to be parsed elsewhere (off a lock: see the
    /// language server's large-buffer path, with [`open_note`]) and installed with
    /// [`AnalysisHost::edit_parsed`].
    /// Until then the note is what it was (the file on disk, if the scan read it); the scan
    /// no longer loads it.
    pub fn open_unparsed(&mut self, path: PathBuf) {
        self.open.insert(path);
    }

    /// The buffer of an open file changed to `text`; `None` if the file is not open (a
    /// change for a document never opened).
    pub fn edit(&mut self, path: &Path, text: &str) -> Option<Affected> {
        self.open
            .contains(path)
            .then(|| self.set(path.to_path_buf(), text))
    }

    /// The buffer of an open file changed, and its new text was parsed elsewhere (off a
    /// lock: see the language server's large-buffer path); `None` if the file is not open.
    pub fn edit_parsed(&mut self, path: &Path, note: Note) -> Option<Affected> {
        if !self.open.contains(path) {
            return None;
        }
        let old = self.term_names(path);
        self.terms
            .forget(note.doc.terms.iter().map(|t| t.name.as_str()));
        self.terms.forget(old.iter().map(String::as_str));
        Some(self.ws.insert(path.to_path_buf(), note))
    }

    /// The editor closed `path`: the file on disk is the note again (read with the vault's
    /// policy), or the note is gone if it is not a readable file (an `untitled:` buffer).
    pub fn close(&mut self, path: &Path) -> Affected {
        self.open.remove(path);
        self.reload(path)
    }

    /// The file at `path` changed on disk (created, changed or deleted). Ignored while the
    /// file is open: the buffer wins.
    pub fn file_changed_on_disk(&mut self, path: &Path) -> Option<Affected> {
        (!self.open.contains(path)).then(|| self.reload(path))
    }

    /// Insert notes loaded by [`load`] (outside any lock), except those open meanwhile:
    /// their buffers win.
    pub fn insert_loaded(&mut self, notes: Vec<(PathBuf, Note)>) {
        self.terms.clear();
        let notes = notes
            .into_iter()
            .filter(|(path, _)| !self.open.contains(path))
            .collect();
        self.ws.insert_many(notes);
    }

    /// Make room for `cards` more cards before inserting loaded notes in batches.
    pub fn reserve_cards(&mut self, cards: usize) {
        self.ws.reserve_cards(cards);
    }

    /// Every `*.md` under the roots that is not open, for the startup scan.
    pub fn files_to_load(&self) -> Vec<PathBuf> {
        vault::markdown_files_under(&self.roots, MAX_FILES)
            .into_iter()
            .filter(|p| !self.open.contains(p))
            .collect()
    }

    fn set(&mut self, path: PathBuf, text: &str) -> Affected {
        let old = self.term_names(&path);
        let note = open_note(&path, Arc::from(text));
        let affected = self.ws.insert(path.clone(), note);
        self.forget_terms(&path, old);
        affected
    }

    fn reload(&mut self, path: &Path) -> Affected {
        let old = self.term_names(path);
        let on_disk = path
            .is_absolute()
            .then(|| vault::read_note(path).ok())
            .flatten();
        let affected = match on_disk {
            Some(note) => self
                .ws
                .insert(path.to_path_buf(), background_note(path, &note.text)),
            None => self.ws.remove(path),
        };
        self.forget_terms(path, old);
        affected
    }

    /// The term names `path` writes now (none if the workspace does not hold it).
    fn term_names(&self, path: &Path) -> Vec<String> {
        self.ws.get(path).map_or_else(Vec::new, |note| {
            note.doc.terms.iter().map(|t| t.name.clone()).collect()
        })
    }

    /// After a change to `path`: forget the cached answers about the terms its old version
    /// (`old`) and its new one write; the others still hold.
    fn forget_terms(&mut self, path: &Path, old: Vec<String>) {
        let new = self.term_names(path);
        self.terms
            .forget(old.iter().chain(&new).map(String::as_str));
    }
}

/// Read and parse `files` on all cores, for [`AnalysisHost::insert_loaded`]; files that cannot
/// be read or decoded are left out (the editor analyses those once it opens them, decoded its
/// own way). With a `cache`, a file parsed before as it is now is read from it.
pub fn load(files: &[PathBuf], cache: Option<&NoteCache>) -> Vec<(PathBuf, Note)> {
    crate::par_map(files, |path| load_one(path, cache))
        .into_iter()
        .flatten()
        .collect()
}

/// One file of [`load`], on the calling thread.
pub fn load_one(path: &Path, cache: Option<&NoteCache>) -> Option<(PathBuf, Note)> {
    let text = vault::read_note(path).ok()?.text;
    // A parser bug on one file must not lose the others.
    let note = std::panic::catch_unwind(|| cached_note(cache, path, &text));
    Some((path.to_path_buf(), note.ok()?))
}

/// [`background_note`], through `cache` when there is one.
pub fn cached_note(cache: Option<&NoteCache>, path: &Path, text: &str) -> Note {
    match cache {
        Some(cache) => cache.background_note(path, text),
        None => background_note(path, text),
    }
}

/// A note parsed from an editor's buffer, keeping `text` itself (see [`Note::from_shared`]),
/// without the blocks the parser did not turn into cards: no rule and no editor feature
/// reads them (`cards` lists them, from the file), and a note of megabytes has a hundred
/// thousand of them, each with its reason, tens of MB made at the parse's peak and kept for
/// as long as the buffer is open.
pub fn open_note(path: &Path, text: Arc<str>) -> Note {
    Note::from_shared_without_skipped(path, text)
}

/// A note the editor does not have open, parsed and trimmed to what the checker's rules read.
///
/// On a 1,000-note vault (91,000 cards) the parsed `Card`s, each with its deck, heading path,
/// tags, id, key, front and back strings, were most of the server's memory, and nothing needs
/// them for a file that is not open: the card rules read the note's card digests
/// ([`Note::cards`]), the other rules the term, claim and image lists, the topic sections'
/// spans and the text.
/// Requests about a document's cards (hover, outline, pinning an id) come for an open one,
/// which is parsed in full from its buffer.
pub fn background_note(path: &Path, text: &str) -> Note {
    // Nothing reads the ids of cards dropped here, nor the problems about id pins.
    let mut note = Note::from_shared_without_identity(path, Arc::from(text));
    let doc = &mut note.doc;
    doc.cards = Vec::new();
    doc.terms.shrink_to_fit();
    doc.claims.shrink_to_fit();
    // The rules read only the topics' spans (a claim's topic); the outline and lenses are
    // asked of open notes. A vault's other sections were a tenth of lint's memory.
    doc.sections
        .retain(|s| s.kind == notedeck_parse::SectionKind::Topic);
    for s in &mut doc.sections {
        s.parent = None;
        s.title = String::new();
        s.subject = None;
    }
    doc.sections.shrink_to_fit();
    doc.images.shrink_to_fit();
    doc.problems = Vec::new();
    note
}

#[cfg(test)]
mod tests {
    use super::*;
    use notedeck_check::{Code, Workspace};

    #[test]
    fn trimmed_notes_give_the_same_findings() {
        // The real notes twice, the second copy a variant: cross-file conflicts, duplicate
        // cards across files, and every single-file rule the notes trigger.
        let notes = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../notes/역량평가 정리.md"),
        )
        .expect("the real notes are in notes/");
        let variant = notes
            .replace("LoRA (Low-Rank Adaptation)", "LoRA (Low Rank Adapter)")
            .replace("- **장점**", "- **장점**:");
        let files = [
            (PathBuf::from("/notes/역량평가 정리.md"), notes),
            (PathBuf::from("/notes/복습/역량평가 정리 사본.md"), variant),
        ];
        let (mut full, mut trimmed) = (Workspace::new(), Workspace::new());
        for (path, text) in &files {
            full.set(path.clone(), text);
            trimmed.insert(path.clone(), background_note(path, text));
        }
        let findings = full.check_all();
        assert!(
            findings.iter().any(|f| f.code == Code::DuplicateCard)
                && findings
                    .iter()
                    .any(|f| f.code == Code::ConflictingExpansion),
            "the fixture exercises the cross-file rules"
        );
        assert_eq!(trimmed.check_all(), findings);
        for (path, _) in &files {
            assert_eq!(trimmed.check_file(path), full.check_file(path));
            // The rules saw no `Card` of the trimmed notes, only the same digests.
            let full = full.get(path).expect("loaded in full");
            let trimmed = trimmed.get(path).expect("loaded trimmed");
            assert!(trimmed.doc.cards.is_empty() && !full.doc.cards.is_empty());
            assert_eq!(trimmed.cards, full.cards);
        }
    }
}
