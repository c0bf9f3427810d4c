//! `textDocument/definition`: from a term to the heading that defines it.

use tower_lsp_server::ls_types::{GotoDefinitionParams, GotoDefinitionResponse, Location};

use crate::state::{State, uri_to_path};

/// Where the term under the cursor is defined: the site of its preferred expansion (the one
/// the checker's fixes propose), then any other heading that defines it the same way. A
/// heading with a conflicting expansion is not a definition of this meaning.
pub fn definition(st: &State, params: &GotoDefinitionParams) -> Option<GotoDefinitionResponse> {
    let at = &params.text_document_position_params;
    let path = uri_to_path(&at.text_document.uri);
    let (_, text) = st.note(&path)?;
    let name = st.ws.term_at(&path, text.offset(at.position))?;
    let term = st.terms.term(&st.ws, &name)?;
    let locations: Vec<Location> = std::iter::once(&term.known.site)
        .chain(&term.also_defined)
        .filter_map(|site| {
            let (_, t) = st.note(&site.path)?;
            Some(Location::new(st.uri(&site.path)?, t.range(&site.span)))
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
