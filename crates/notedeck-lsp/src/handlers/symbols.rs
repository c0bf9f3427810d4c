//! `textDocument/documentSymbol` (the outline with its cards) and `workspace/symbol` (terms).

use tower_lsp_server::ls_types::{
    DocumentSymbolParams, DocumentSymbolResponse, WorkspaceSymbolParams, WorkspaceSymbolResponse,
};

use crate::from_proto::uri_to_path;
use crate::handlers::location;
use crate::state::State;
use crate::to_proto;

/// The outline of one note.
pub fn document(st: &State, params: &DocumentSymbolParams) -> Option<DocumentSymbolResponse> {
    let path = uri_to_path(&params.text_document.uri);
    let (_, text) = st.note(&path)?;
    let symbols = st.analysis().document_symbols(&path)?;
    Some(DocumentSymbolResponse::Nested(
        symbols
            .into_iter()
            .map(|s| to_proto::document_symbol(text, s))
            .collect(),
    ))
}

/// Terms whose name or expansion contains the query, at their definition.
pub fn workspace(st: &State, params: &WorkspaceSymbolParams) -> Option<WorkspaceSymbolResponse> {
    let symbols = st
        .analysis()
        .workspace_symbols(&params.query)
        .into_iter()
        .filter_map(|t| Some(to_proto::workspace_symbol(location(st, &t.location)?, t)))
        .collect();
    Some(WorkspaceSymbolResponse::Nested(symbols))
}
