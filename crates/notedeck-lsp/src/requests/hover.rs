//! `textDocument/hover`: a term's expansion and where it is defined; on a card, the card.

use notedeck_parse::Card;
use tower_lsp_server::ls_types::{Hover, HoverContents, HoverParams, MarkupContent, MarkupKind};

use crate::requests::{display_path, plain_text, word_range};
use crate::state::{State, uri_to_path};

/// The hover at the requested position, or `None` where there is nothing to say.
pub fn hover(st: &State, params: &HoverParams) -> Option<Hover> {
    let at = &params.text_document_position_params;
    let path = uri_to_path(&at.text_document.uri);
    let (note, text) = st.note(&path)?;
    let offset = text.offset(at.position);

    let mut parts = Vec::new();
    let mut range = None;
    if let Some(name) = st.ws.term_at(&path, offset) {
        let sites = st.ws.definitions(&name);
        if let Some(first) = super::preferred(st, &name) {
            let mut md = format!("**{name}** — {}", first.term.expansion);
            if let Some((_, def)) = st.note(first.path) {
                let line = def.position(first.term.span.start).line + 1;
                let kind = if first.term.is_heading {
                    "Defined in"
                } else {
                    "Written in"
                };
                md.push_str(&format!(
                    "\n\n{kind} {}, line {line}",
                    display_path(st, first.path)
                ));
            }
            let others: Vec<String> = sites
                .iter()
                .filter(|s| s.term.expansion != first.term.expansion)
                .filter_map(|s| {
                    let (_, t) = st.note(s.path)?;
                    let line = t.position(s.term.span.start).line + 1;
                    Some(format!(
                        "- \"{}\" ({}, line {line})",
                        s.term.expansion,
                        display_path(st, s.path)
                    ))
                })
                .collect();
            if !others.is_empty() {
                md.push_str("\n\nAlso expanded as:\n");
                md.push_str(&others.join("\n"));
            }
            parts.push(md);
            range = word_range(text, offset, &name);
        }
    }
    if let Some(card) = card_at(&note.doc.cards, offset) {
        parts.push(card_markdown(card));
    }
    if parts.is_empty() {
        return None;
    }
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: parts.join("\n\n---\n\n"),
        }),
        range,
    })
}

/// The innermost card whose source holds `offset`.
fn card_at(cards: &[Card], offset: usize) -> Option<&Card> {
    cards
        .iter()
        .filter(|c| c.span.start <= offset && offset < c.span.end.max(c.span.start + 1))
        .min_by_key(|c| c.span.len())
}

fn card_markdown(card: &Card) -> String {
    let kind = format!("{:?}", card.kind).to_lowercase();
    let mut md = format!("**Card** ({kind})");
    if !card.path.is_empty() {
        md.push_str(&format!(" · {}", card.path.join(" › ")));
    }
    md.push_str(&format!("\n\n**Front:** {}", plain_text(&card.front)));
    if !card.back.is_empty() {
        md.push_str(&format!("\n\n**Back:** {}", plain_text(&card.back)));
    }
    md
}
