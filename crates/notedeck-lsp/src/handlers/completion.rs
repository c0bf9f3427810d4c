//! `textDocument/completion`: names of the terms the workspace knows, with their expansion.

use tower_lsp_server::ls_types::{CompletionParams, CompletionResponse};

use crate::from_proto::uri_to_path;
use crate::state::State;
use crate::to_proto;

/// Known terms starting with the word being typed (case-insensitive).
pub fn completion(st: &State, params: &CompletionParams) -> Option<CompletionResponse> {
    let at = &params.text_document_position;
    let path = uri_to_path(&at.text_document.uri);
    let (_, text) = st.note(&path)?;
    let items = st.analysis().completions(&path, text.offset(at.position))?;
    Some(CompletionResponse::Array(
        items.into_iter().map(to_proto::completion_item).collect(),
    ))
}
