//! `textDocument/completion`: names of the terms the workspace knows, with their expansion.

use tower_lsp_server::ls_types::{
    CompletionItem, CompletionItemKind, CompletionParams, CompletionResponse, Documentation,
};

use crate::requests::display_path;
use crate::state::{State, uri_to_path};

/// Known terms starting with the word being typed (case-insensitive).
pub fn completion(st: &State, params: &CompletionParams) -> Option<CompletionResponse> {
    let at = &params.text_document_position;
    let path = uri_to_path(&at.text_document.uri);
    let (note, text) = st.note(&path)?;
    let offset = text.offset(at.position);
    let before = note.text.get(..offset)?;
    let prefix_start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric() || *c == '-')
        .last()
        .map_or(offset, |(i, _)| i);
    let prefix = before[prefix_start..].to_lowercase();

    let items = st
        .terms
        .all(&st.ws)
        .iter()
        .filter(|k| k.name.to_lowercase().starts_with(&prefix))
        .map(|k| {
            let line = st
                .note(&k.site.path)
                .map_or(0, |(_, t)| t.position(k.site.span.start).line + 1);
            CompletionItem {
                label: k.name.clone(),
                kind: Some(CompletionItemKind::CONSTANT),
                detail: Some(k.expansion.clone()),
                documentation: Some(Documentation::String(format!(
                    "{} ({}) — {}, line {line}",
                    k.name,
                    k.expansion,
                    display_path(st, &k.site.path)
                ))),
                ..CompletionItem::default()
            }
        })
        .collect();
    Some(CompletionResponse::Array(items))
}
