//! What the server knows: the workspace of notes (open buffers override the disk) and the
//! documents the client has open.

use notedeck_check::{Note, Workspace};
use notedeck_ide::{Analysis, AnalysisHost, RepairOffer, Uncertain};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tower_lsp_server::ls_types::Uri;

use crate::to_proto::Text;

/// Everything the request handlers read.
#[derive(Default)]
pub struct State {
    /// Every note under the workspace roots; an open document's entry holds its buffer.
    pub host: AnalysisHost,
    /// Documents the client has open, by the path their URI maps to: what only the protocol
    /// side needs of them (the URI's spelling, the version, repair hints).
    pub open: HashMap<PathBuf, OpenDoc>,
    /// Numbers the opens, so that a background parse started for one open of a document
    /// never installs into a later open of the same path.
    pub opens: u64,
}

/// A document the client has open.
pub struct OpenDoc {
    /// The URI exactly as the client spelled it (answers must use the same spelling).
    pub uri: Uri,
    /// The client's version of the buffer.
    pub version: i32,
    /// The version of the buffer the analysis holds: behind `version` while a large buffer
    /// is parsed off the request path, `None` until a large buffer opened is first parsed.
    /// Diagnostics are tagged with it, so a list computed from an older parse is never sent
    /// as the current buffer's.
    pub analysed: Option<i32>,
    /// Which open of the document this is (see [`State::opens`]).
    pub open_id: u64,
    /// A background parse of this buffer is running; it parses the newest text again
    /// when it finishes behind the buffer, so changes meanwhile start none of their own.
    pub parsing: bool,
    /// The buffer as the client has it (the host holds its parse). Empty in a
    /// [`State::snapshot`], and while [`OpenDoc::shared`] holds the buffer.
    pub text: String,
    /// The buffer, when it is the very text handed to a background parse: a large buffer is
    /// not kept twice (here and in the note parsed from it) while nobody types. The next
    /// change makes it [`OpenDoc::text`] again ([`OpenDoc::buffer_mut`]).
    pub shared: Option<Arc<str>>,
    /// Characters restored by an accepted repair whose choice was uncertain.
    pub uncertain: Vec<Uncertain>,
    /// A repair offered by a code action, waiting for the client to apply it.
    pub offered_repair: Option<RepairOffer>,
}

impl OpenDoc {
    /// The buffer, to change in place (taken back from [`OpenDoc::shared`] if a parse has it).
    pub fn buffer_mut(&mut self) -> &mut String {
        if let Some(shared) = self.shared.take() {
            self.text = String::from(&*shared);
        }
        &mut self.text
    }
}

impl State {
    /// The analysis of the vault as it is now.
    pub fn analysis(&self) -> Analysis<'_> {
        self.host.analysis()
    }

    /// The checker's workspace.
    pub fn ws(&self) -> &Workspace {
        self.host.analysis().workspace()
    }

    /// The note at `path` with its text wrapper, if the workspace holds it.
    pub fn note(&self, path: &Path) -> Option<(&Note, Text<'_>)> {
        let note = self.ws().get(path)?;
        Some((note, Text::new(&note.text, &note.lines)))
    }

    /// The URI to use for `path`: the client's spelling when it has the file open.
    pub fn uri(&self, path: &Path) -> Option<Uri> {
        match self.open.get(path) {
            Some(doc) => Some(doc.uri.clone()),
            None => Uri::from_file_path(path),
        }
    }

    /// The version to tag diagnostics of `path` with: the buffer's version if open.
    pub fn version(&self, path: &Path) -> Option<i32> {
        self.open.get(path).map(|doc| doc.version)
    }

    /// The buffer version the analysis of `path` was made from (see [`OpenDoc::analysed`]).
    pub fn analysed_version(&self, path: &Path) -> Option<i32> {
        self.open.get(path).and_then(|doc| doc.analysed)
    }

    /// What diagnostics are computed from, without the buffers' texts (the analysis holds
    /// the text analysed): cheap, since the workspace shares its notes and index, and it lets
    /// a large file's check run without the lock, so that edits and hovers do not queue
    /// behind it.
    pub fn snapshot(&self) -> State {
        State {
            host: self.host.snapshot_host(),
            open: self
                .open
                .iter()
                .map(|(path, doc)| {
                    let doc = OpenDoc {
                        uri: doc.uri.clone(),
                        version: doc.version,
                        analysed: doc.analysed,
                        open_id: doc.open_id,
                        parsing: doc.parsing,
                        text: String::new(),
                        shared: None,
                        uncertain: doc.uncertain.clone(),
                        offered_repair: None,
                    };
                    (path.clone(), doc)
                })
                .collect(),
            opens: self.opens,
        }
    }
}
