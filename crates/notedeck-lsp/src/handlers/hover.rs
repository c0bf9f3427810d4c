//! `textDocument/hover`: a term's expansion and where it is defined; on a card, the card.

use tower_lsp_server::ls_types::{Hover, HoverParams};

use crate::from_proto::uri_to_path;
use crate::state::State;
use crate::to_proto;

/// The hover at the requested position, or `None` where there is nothing to say.
pub fn hover(st: &State, params: &HoverParams) -> Option<Hover> {
    let at = &params.text_document_position_params;
    let path = uri_to_path(&at.text_document.uri);
    let (_, text) = st.note(&path)?;
    let hover = st.analysis().hover(&path, text.offset(at.position))?;
    Some(to_proto::hover(text, hover))
}
