//! `textDocument/codeLens`: "N cards" above each section that produces cards.

use tower_lsp_server::ls_types::{CodeLens, CodeLensParams, Command};

use crate::state::{State, uri_to_path};

/// One lens per section with cards, counting the cards of its whole subtree.
pub fn code_lens(st: &State, params: &CodeLensParams) -> Option<Vec<CodeLens>> {
    let path = uri_to_path(&params.text_document.uri);
    let (note, text) = st.note(&path)?;
    let doc = &note.doc;
    let lenses = doc
        .sections
        .iter()
        .filter_map(|section| {
            // The card digests, not `doc.cards`: they are there for every note.
            let n = note
                .cards
                .cards
                .iter()
                .filter(|c| section.span.contains(&c.span.start))
                .count();
            (n > 0).then(|| CodeLens {
                range: text.range(&section.heading_span),
                command: Some(Command {
                    title: if n == 1 {
                        "1 card".to_string()
                    } else {
                        format!("{n} cards")
                    },
                    // A label, not a button: there is nothing to run.
                    command: String::new(),
                    arguments: None,
                }),
                data: None,
            })
        })
        .collect();
    Some(lenses)
}
