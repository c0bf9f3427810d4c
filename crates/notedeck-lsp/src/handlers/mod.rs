//! One module per LSP request (and `sync` for the document notifications). Each converts the request's params from the protocol, asks
//! [`notedeck_ide::Analysis`] and converts its answer back; none of them locks, spawns or sends.

pub mod code_action;
pub mod code_lens;
pub mod completion;
pub mod definition;
pub mod diagnostics;
pub mod hover;
pub mod references;
pub mod symbols;
pub mod sync;

use notedeck_ide::Location as Place;
use tower_lsp_server::ls_types::Location;

use crate::state::State;

/// A place in a note as a protocol location (the client's URI spelling for open files).
pub(crate) fn location(st: &State, place: &Place) -> Option<Location> {
    crate::to_proto::location(st.ws(), &|path| st.uri(path), place)
}
