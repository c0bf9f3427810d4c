//! `textDocument/completion`: names of the terms the workspace knows, with their expansion.

use tower_lsp_server::ls_types::{
    CompletionItem, CompletionItemKind, CompletionParams, CompletionResponse, Documentation,
};

use crate::state::{State, uri_to_path};

/// Known terms starting with the word being typed (case-insensitive).
pub fn completion(st: &State, params: &CompletionParams) -> Option<CompletionResponse> {
    let at = &params.text_document_position;
    let path = uri_to_path(&at.text_document.uri);
    let (_, text) = st.note(&path)?;
    let items = st
        .analysis()
        .completions(&path, text.offset(at.position))?
        .into_iter()
        .map(|c| CompletionItem {
            label: c.label,
            kind: Some(CompletionItemKind::CONSTANT),
            detail: Some(c.detail),
            documentation: Some(Documentation::String(c.documentation)),
            ..CompletionItem::default()
        })
        .collect();
    Some(CompletionResponse::Array(items))
}
