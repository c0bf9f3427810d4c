//! `textDocument/references`: every mention of the term under the cursor.

use tower_lsp_server::ls_types::{Location, ReferenceParams};

use crate::from_proto::uri_to_path;
use crate::handlers::location;
use crate::state::State;

/// Mentions of the term at the cursor across the workspace.
pub fn references(st: &State, params: &ReferenceParams) -> Option<Vec<Location>> {
    let at = &params.text_document_position;
    let path = uri_to_path(&at.text_document.uri);
    let (_, text) = st.note(&path)?;
    let found = st.analysis().references(
        &path,
        text.offset(at.position),
        params.context.include_declaration,
    )?;
    Some(found.iter().filter_map(|l| location(st, l)).collect())
}
