//! `textDocument/codeLens`: "N cards" above each section that produces cards.

use tower_lsp_server::ls_types::{CodeLens, CodeLensParams};

use crate::from_proto::uri_to_path;
use crate::state::State;
use crate::to_proto;

/// One lens per section with cards.
pub fn code_lens(st: &State, params: &CodeLensParams) -> Option<Vec<CodeLens>> {
    let path = uri_to_path(&params.text_document.uri);
    let (_, text) = st.note(&path)?;
    let lenses = st.analysis().code_lenses(&path)?;
    Some(
        lenses
            .into_iter()
            .map(|l| to_proto::code_lens(text, l))
            .collect(),
    )
}
