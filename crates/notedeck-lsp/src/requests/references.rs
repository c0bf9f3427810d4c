//! `textDocument/references`: every mention of the term under the cursor.

use tower_lsp_server::ls_types::{Location, ReferenceParams};

use crate::state::{State, uri_to_path};

/// Mentions of the term at the cursor across the workspace; definition sites are left out
/// when the client asks without declarations.
pub fn references(st: &State, params: &ReferenceParams) -> Option<Vec<Location>> {
    let at = &params.text_document_position;
    let path = uri_to_path(&at.text_document.uri);
    let (_, text) = st.note(&path)?;
    let name = st.ws.term_at(&path, text.offset(at.position))?;
    let definitions = st.ws.definitions(&name);
    let is_definition = |p: &std::path::Path, span: &notedeck_parse::Span| {
        definitions
            .iter()
            .any(|d| d.term.is_heading && d.path == p && d.term.span.contains(&span.start))
    };
    let locations = st
        .ws
        .references(&name)
        .into_iter()
        .filter(|(p, span)| params.context.include_declaration || !is_definition(p, span))
        .filter_map(|(p, span)| {
            let (_, t) = st.note(&p)?;
            Some(Location::new(st.uri(&p)?, t.range(&span)))
        })
        .collect();
    Some(locations)
}
