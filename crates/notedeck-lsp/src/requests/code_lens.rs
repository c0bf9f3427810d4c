//! `textDocument/codeLens`: converts [`notedeck_ide::Lens`]es.

use tower_lsp_server::ls_types::{CodeLens, CodeLensParams, Command};

use crate::state::{State, uri_to_path};

/// One lens per section with cards.
pub fn code_lens(st: &State, params: &CodeLensParams) -> Option<Vec<CodeLens>> {
    let path = uri_to_path(&params.text_document.uri);
    let (_, text) = st.note(&path)?;
    let lenses = st.analysis().code_lenses(&path)?;
    Some(
        lenses
            .into_iter()
            .map(|lens| CodeLens {
                range: text.range(&lens.span),
                command: Some(Command {
                    title: lens.title,
                    // A label, not a button: there is nothing to run.
                    command: String::new(),
                    arguments: None,
                }),
                data: None,
            })
            .collect(),
    )
}
