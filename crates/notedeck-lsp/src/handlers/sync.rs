//! Document sync notifications (`didOpen`, `didChange`, `didClose`, `didChangeWatchedFiles`):
//! each applies one change to the state and says which files' diagnostics to recompute. They
//! run synchronously under the server's write lock, before any `.await`, so changes take
//! effect in the order the client sent them.

use notedeck_check::Affected;
use std::path::PathBuf;
use std::sync::Arc;
use tower_lsp_server::ls_types::{
    DidChangeTextDocumentParams, DidCloseTextDocumentParams, DidOpenTextDocumentParams, FileEvent,
};

use crate::from_proto::{apply_changes, uri_to_path};
use crate::handlers::code_action;
use crate::state::{OpenDoc, State};

/// The editor opened a document: its buffer becomes the note (parsed here, or for a large
/// buffer off the lock: [`Changed::Deferred`]).
pub fn did_open(st: &mut State, params: DidOpenTextDocumentParams) -> (PathBuf, Changed) {
    let doc = params.text_document;
    let path = uri_to_path(&doc.uri);
    st.opens += 1;
    let large = doc.text.len() >= PARSE_OFF_LOCK;
    let changed = if large {
        st.host.open_unparsed(path.clone());
        Changed::Deferred {
            path: path.clone(),
            open_id: st.opens,
        }
    } else {
        Changed::Analysed(st.host.open(path.clone(), &doc.text))
    };
    st.open.insert(
        path.clone(),
        OpenDoc {
            uri: doc.uri,
            version: doc.version,
            analysed: (!large).then_some(doc.version),
            open_id: st.opens,
            parsing: large,
            text: doc.text,
            shared: None,
            uncertain: Vec::new(),
            offered_repair: None,
        },
    );
    (path, changed)
}

/// Buffers at least this large are parsed off the request path: parsing megabytes takes
/// long enough to stall every hover in every other file while the lock is held.
pub const PARSE_OFF_LOCK: usize = 512 * 1024;

/// What a change asks of the server next.
pub enum Changed {
    /// Analysed already: these files' findings may have changed.
    Analysed(Affected),
    /// A large buffer: start a background parse of it ([`next_parse`], [`apply_parse`]).
    Deferred {
        /// The document.
        path: PathBuf,
        /// Which open of it ([`OpenDoc::open_id`]).
        open_id: u64,
    },
    /// A large buffer whose background parse is running: it parses this text when done.
    Queued,
}

/// The buffer changed; `None` for a document that was never opened. The buffer is updated
/// before it is analysed: should analysing fail, the next change still applies to the text
/// the client has.
pub fn did_change(st: &mut State, params: DidChangeTextDocumentParams) -> Option<Changed> {
    let path = uri_to_path(&params.text_document.uri);
    let doc = st.open.get_mut(&path)?;
    // In place: a keystroke in a 20 MB buffer must not copy it (under the write lock).
    let replaced = apply_changes(doc.buffer_mut(), params.content_changes);
    doc.version = params.text_document.version;
    code_action::follow_repair(doc, &replaced);
    if doc.text.len() >= PARSE_OFF_LOCK || doc.parsing {
        if doc.parsing {
            return Some(Changed::Queued);
        }
        doc.parsing = true;
        return Some(Changed::Deferred {
            path,
            open_id: doc.open_id,
        });
    }
    doc.analysed = Some(doc.version);
    // A small buffer: copying it is cheap, and the buffer stays whole should analysing fail.
    let text = doc.text.clone();
    st.host.edit(&path, &text).map(Changed::Analysed)
}

/// The next text for the background parse of `path` (open `open_id`) to parse, with its
/// version; `None` when there is nothing left to do (the analysis has the buffer's version,
/// or the document was closed or opened again), which ends the parse.
pub fn next_parse(st: &mut State, path: &std::path::Path, open_id: u64) -> Option<(Arc<str>, i32)> {
    let doc = st.open.get_mut(path).filter(|d| d.open_id == open_id)?;
    if doc.analysed == Some(doc.version) {
        doc.parsing = false;
        return None;
    }
    // The note keeps this copy (`Note::from_shared`), and the document shares it until the
    // next change: the buffer is not held twice.
    let text: Arc<str> = match &doc.shared {
        Some(shared) => shared.clone(),
        None => Arc::from(std::mem::take(&mut doc.text)),
    };
    doc.shared = Some(text.clone());
    Some((text, doc.version))
}

/// The background parse of `path` failed (a parser bug; reported on stderr): it stops, and
/// the next change starts a new one.
pub fn parse_failed(st: &mut State, path: &std::path::Path, open_id: u64) {
    if let Some(doc) = st.open.get_mut(path).filter(|d| d.open_id == open_id) {
        doc.parsing = false;
    }
}

/// Install a parse made off the lock. `Err` gives the note back when the buffer changed
/// again meanwhile: it is stale work to drop (off the lock; it is large), and [`next_parse`]
/// hands out the newer text. `Ok(None)`: the host does not have the document open.
pub fn apply_parse(
    st: &mut State,
    path: &std::path::Path,
    open_id: u64,
    note: notedeck_check::Note,
    version: i32,
) -> Result<Option<Affected>, Box<notedeck_check::Note>> {
    let Some(doc) = st
        .open
        .get_mut(path)
        .filter(|d| d.open_id == open_id && d.version == version)
    else {
        return Err(Box::new(note));
    };
    doc.analysed = Some(version);
    Ok(st.host.edit_parsed(path, note))
}

/// The editor closed a document: the disk is the truth again.
pub fn did_close(st: &mut State, params: &DidCloseTextDocumentParams) -> Affected {
    let path = uri_to_path(&params.text_document.uri);
    st.open.remove(&path);
    st.host.close(&path)
}

/// A watched file changed on disk; `None` while it is open (the buffer wins).
pub fn did_change_watched_file(st: &mut State, change: &FileEvent) -> Option<(PathBuf, Affected)> {
    let path = uri_to_path(&change.uri);
    let affected = st.host.file_changed_on_disk(&path)?;
    Some((path, affected))
}
