//! `textDocument/hover`: converts [`notedeck_ide::Hover`].

use tower_lsp_server::ls_types::{Hover, HoverContents, HoverParams, MarkupContent, MarkupKind};

use crate::state::{State, uri_to_path};

/// The hover at the requested position, or `None` where there is nothing to say.
pub fn hover(st: &State, params: &HoverParams) -> Option<Hover> {
    let at = &params.text_document_position_params;
    let path = uri_to_path(&at.text_document.uri);
    let (_, text) = st.note(&path)?;
    let hover = st.analysis().hover(&path, text.offset(at.position))?;
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: hover.markdown,
        }),
        range: hover.span.map(|span| text.range(&span)),
    })
}
