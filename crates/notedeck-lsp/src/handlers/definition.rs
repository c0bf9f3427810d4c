//! `textDocument/definition`: from a term to the heading that defines it.

use tower_lsp_server::ls_types::{GotoDefinitionParams, GotoDefinitionResponse};

use crate::from_proto::uri_to_path;
use crate::handlers::location;
use crate::state::State;

/// Where the term under the cursor is defined (see [`notedeck_ide::Analysis::definition`]).
pub fn definition(st: &State, params: &GotoDefinitionParams) -> Option<GotoDefinitionResponse> {
    let at = &params.text_document_position_params;
    let path = uri_to_path(&at.text_document.uri);
    let (_, text) = st.note(&path)?;
    let mut locations: Vec<_> = st
        .analysis()
        .definition(&path, text.offset(at.position))
        .iter()
        .filter_map(|l| location(st, l))
        .collect();
    match locations.len() {
        0 => None,
        1 => locations.pop().map(GotoDefinitionResponse::Scalar),
        _ => Some(GotoDefinitionResponse::Array(locations)),
    }
}
