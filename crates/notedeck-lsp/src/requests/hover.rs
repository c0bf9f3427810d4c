//! `textDocument/hover`: a term's expansion and where it is defined; on a card, the card.

use notedeck_parse::Card;
use tower_lsp_server::ls_types::{Hover, HoverContents, HoverParams, MarkupContent, MarkupKind};

use crate::requests::{display_path, plain_text, word_range};
use crate::state::{State, uri_to_path};
use crate::terms::{Site, TermInfo};

/// The hover at the requested position, or `None` where there is nothing to say.
pub fn hover(st: &State, params: &HoverParams) -> Option<Hover> {
    let at = &params.text_document_position_params;
    let path = uri_to_path(&at.text_document.uri);
    let (note, text) = st.note(&path)?;
    let offset = text.offset(at.position);

    let mut parts = Vec::new();
    let mut range = None;
    if let Some(name) = st.ws.term_at(&path, offset)
        && let Some(term) = st.terms.term(&st.ws, &name)
    {
        parts.push(term_markdown(st, &term));
        range = word_range(text, offset, &name);
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

/// The expansion the notes agree on, where it is defined, and any other expansion written.
fn term_markdown(st: &State, term: &TermInfo) -> String {
    let known = &term.known;
    let mut md = format!("**{}** — {}", known.name, known.expansion);
    let kind = if known.site.is_heading {
        "Defined in"
    } else {
        "Written in"
    };
    md.push_str(&format!("\n\n{kind} {}", place(st, &known.site)));
    if !term.variants.is_empty() {
        md.push_str("\n\nAlso expanded as:");
        for (expansion, site, count) in &term.variants {
            let times = if *count > 1 {
                format!(", {count} times")
            } else {
                String::new()
            };
            md.push_str(&format!("\n- \"{expansion}\" ({}{times})", place(st, site)));
        }
    }
    md
}

/// `역량평가 정리.md, line 121`.
fn place(st: &State, site: &Site) -> String {
    let line = st
        .note(&site.path)
        .map_or(0, |(_, t)| t.position(site.span.start).line + 1);
    format!("{}, line {line}", display_path(st, &site.path))
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
    md.push_str(&format!(
        "\n\n**Front:** {}",
        plain_text(&notedeck_parse::marked_front(card))
    ));
    if !card.back.is_empty() {
        md.push_str(&format!("\n\n**Back:** {}", plain_text(&card.back)));
    }
    md
}
