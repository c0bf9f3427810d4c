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
    let best = super::preferred(st, &name)?;
    let same_heading = |s: &&notedeck_check::TermSite<'_>| {
        s.term.is_heading
            && s.term.expansion == best.term.expansion
            && !(s.path == best.path && s.term.span == best.term.span)
    };
    let sites = st.ws.definitions(&name);
    let locations: Vec<Location> = std::iter::once(&best)
        .chain(sites.iter().filter(same_heading))
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
