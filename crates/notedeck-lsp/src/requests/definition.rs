//! `textDocument/definition`: from a term to the heading that defines it.

use tower_lsp_server::ls_types::{GotoDefinitionParams, GotoDefinitionResponse, Location};

use crate::state::{State, uri_to_path};

/// The definition sites of the term under the cursor: its headings if it has any, otherwise
/// every place it is spelled out.
pub fn definition(st: &State, params: &GotoDefinitionParams) -> Option<GotoDefinitionResponse> {
    let at = &params.text_document_position_params;
    let path = uri_to_path(&at.text_document.uri);
    let (_, text) = st.note(&path)?;
    let name = st.ws.term_at(&path, text.offset(at.position))?;
    let sites = st.ws.definitions(&name);
    let headings = sites.iter().any(|s| s.term.is_heading);
    let locations: Vec<Location> = sites
        .iter()
        .filter(|s| s.term.is_heading || !headings)
        .filter_map(|s| {
            let (_, t) = st.note(s.path)?;
            Some(Location::new(st.uri(s.path)?, t.range(&s.term.span)))
        })
        .collect();
    match locations.len() {
        0 => None,
        1 => locations
            .into_iter()
            .next()
            .map(GotoDefinitionResponse::Scalar),
        _ => Some(GotoDefinitionResponse::Array(locations)),
    }
}
