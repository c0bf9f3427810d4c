//! Document sync notifications (`didOpen`, `didChange`, `didClose`, `didChangeWatchedFiles`):
//! each applies one change to the state and says which files' diagnostics to recompute. They
//! run synchronously under the server's write lock, before any `.await`, so changes take
//! effect in the order the client sent them.

use notedeck_check::Affected;
use std::path::PathBuf;
use tower_lsp_server::ls_types::{
    DidChangeTextDocumentParams, DidCloseTextDocumentParams, DidOpenTextDocumentParams, FileEvent,
};

use crate::from_proto::{apply_changes, uri_to_path};
use crate::handlers::code_action;
use crate::state::{OpenDoc, State};

/// The editor opened a document: its buffer becomes the note.
pub fn did_open(st: &mut State, params: DidOpenTextDocumentParams) -> (PathBuf, Affected) {
    let doc = params.text_document;
    let path = uri_to_path(&doc.uri);
    let affected = st.host.open(path.clone(), &doc.text);
    st.open.insert(
        path.clone(),
        OpenDoc {
            uri: doc.uri,
            version: doc.version,
            analysed: doc.version,
            text: doc.text,
            uncertain: Vec::new(),
            offered_repair: None,
        },
    );
    (path, affected)
}

/// Buffers at least this large are parsed off the request path: parsing megabytes takes
/// long enough to stall every hover in every other file while the lock is held.
pub const PARSE_OFF_LOCK: usize = 512 * 1024;

/// What a change asks of the server next.
pub enum Changed {
    /// Analysed already: these files' findings may have changed.
    Analysed(Affected),
    /// A large buffer: parse `text` (version `version`) off the lock, then [`apply_parse`].
    Deferred {
        /// The document.
        path: PathBuf,
        /// Its new text.
        text: String,
        /// The buffer version of `text`.
        version: i32,
    },
}

/// The buffer changed; `None` for a document that was never opened. The buffer is updated
/// before it is analysed: should analysing fail, the next change still applies to the text
/// the client has.
pub fn did_change(st: &mut State, params: DidChangeTextDocumentParams) -> Option<Changed> {
    let path = uri_to_path(&params.text_document.uri);
    let doc = st.open.get_mut(&path)?;
    let (new_text, replaced) = apply_changes(&doc.text, params.content_changes);
    doc.version = params.text_document.version;
    code_action::follow_repair(doc, &new_text, &replaced);
    doc.text.clone_from(&new_text);
    if new_text.len() >= PARSE_OFF_LOCK {
        return Some(Changed::Deferred {
            path,
            text: new_text,
            version: doc.version,
        });
    }
    doc.analysed = doc.version;
    st.host.edit(&path, &new_text).map(Changed::Analysed)
}

/// Install a parse made off the lock, unless the buffer changed again meanwhile (then a
/// newer parse follows, and this one is stale work to drop).
pub fn apply_parse(
    st: &mut State,
    path: &std::path::Path,
    note: notedeck_check::Note,
    version: i32,
) -> Option<Affected> {
    let doc = st.open.get_mut(path)?;
    if doc.version != version {
        return None;
    }
    doc.analysed = version;
    st.host.edit_parsed(path, note)
}

/// Whether the buffer is still at `version` (a parse for an older one need not start).
pub fn is_current(st: &State, path: &std::path::Path, version: i32) -> bool {
    st.version(path) == Some(version)
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
