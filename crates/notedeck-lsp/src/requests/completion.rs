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
        .ws
        .terms()
        .into_iter()
        .filter(|s| s.term.name.to_lowercase().starts_with(&prefix))
        .map(|s| {
            let line = st
                .note(s.path)
                .map_or(0, |(_, t)| t.position(s.term.span.start).line + 1);
            CompletionItem {
                label: s.term.name.clone(),
                kind: Some(CompletionItemKind::CONSTANT),
                detail: Some(s.term.expansion.clone()),
                documentation: Some(Documentation::String(format!(
                    "{} ({}) — {}, line {line}",
                    s.term.name,
                    s.term.expansion,
                    display_path(st, s.path)
                ))),
                ..CompletionItem::default()
            }
        })
        .collect();
    Some(CompletionResponse::Array(items))
}
