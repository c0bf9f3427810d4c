//! `textDocument/documentSymbol` (the outline with its cards) and `workspace/symbol` (terms).

use notedeck_parse::{CardKind, SectionKind};
use tower_lsp_server::ls_types::{
    DocumentSymbol, DocumentSymbolParams, DocumentSymbolResponse, Location, OneOf, SymbolKind,
    WorkspaceSymbol, WorkspaceSymbolParams, WorkspaceSymbolResponse,
};

use crate::requests::plain_text;
use crate::state::{State, uri_to_path};

/// At most this many workspace symbols: a picker shows a screenful, not a vault.
const MAX_WORKSPACE_SYMBOLS: usize = 500;

/// The outline of one note: sections nested as inferred, each with its cards as children.
pub fn document(st: &State, params: &DocumentSymbolParams) -> Option<DocumentSymbolResponse> {
    let path = uri_to_path(&params.text_document.uri);
    let (note, text) = st.note(&path)?;
    let doc = &note.doc;

    // Cards go to the innermost section whose span holds them (sections are in source
    // order, so the last match is the innermost).
    let mut cards_of: Vec<Vec<DocumentSymbol>> = vec![Vec::new(); doc.sections.len()];
    let mut top = Vec::new();
    for card in &doc.cards {
        let symbol = leaf(
            card_name(&card.key, &card.front),
            Some(format!("{:?}", card.kind).to_lowercase()),
            card_kind(card.kind),
            text.range(&card.span),
        );
        match doc
            .sections
            .iter()
            .rposition(|s| s.span.contains(&card.span.start))
        {
            Some(i) => cards_of[i].push(symbol),
            None => top.push(symbol),
        }
    }
    // Build bottom-up: children come after their parent, so walk backwards.
    let mut built: Vec<Option<DocumentSymbol>> = vec![None; doc.sections.len()];
    let mut children: Vec<Vec<DocumentSymbol>> = vec![Vec::new(); doc.sections.len()];
    for (i, section) in doc.sections.iter().enumerate().rev() {
        let mut kids = std::mem::take(&mut cards_of[i]);
        kids.append(&mut std::mem::take(&mut children[i]));
        kids.sort_by_key(|k| (k.range.start.line, k.range.start.character));
        let mut symbol = leaf(
            section.title.clone(),
            None,
            section_kind(section.kind),
            text.range(&section.span),
        );
        // Clients reject a selection outside the symbol's range; trust the heading only
        // when it lies inside the section.
        if section.span.start <= section.heading_span.start
            && section.heading_span.end <= section.span.end
        {
            symbol.selection_range = text.range(&section.heading_span);
        }
        if !kids.is_empty() {
            symbol.children = Some(kids);
        }
        match section.parent.filter(|&p| p < i) {
            Some(p) => children[p].push(symbol),
            None => built[i] = Some(symbol),
        }
    }
    top.extend(built.into_iter().flatten());
    top.sort_by_key(|k| (k.range.start.line, k.range.start.character));
    Some(DocumentSymbolResponse::Nested(top))
}

/// Terms whose name or expansion contains the query (case-insensitive), at their definition.
pub fn workspace(st: &State, params: &WorkspaceSymbolParams) -> Option<WorkspaceSymbolResponse> {
    let query = params.query.to_lowercase();
    let symbols = st
        .terms
        .all(&st.ws)
        .iter()
        .filter(|k| {
            query.is_empty()
                || k.name.to_lowercase().contains(&query)
                || k.expansion.to_lowercase().contains(&query)
        })
        .filter_map(|k| {
            let (_, text) = st.note(&k.site.path)?;
            Some(WorkspaceSymbol {
                name: k.name.clone(),
                kind: SymbolKind::CONSTANT,
                tags: None,
                container_name: Some(k.expansion.clone()),
                location: OneOf::Left(Location::new(
                    st.uri(&k.site.path)?,
                    text.range(&k.site.span),
                )),
                data: None,
            })
        })
        .take(MAX_WORKSPACE_SYMBOLS)
        .collect();
    Some(WorkspaceSymbolResponse::Nested(symbols))
}

#[allow(deprecated)] // `deprecated` is a required field of the protocol type
fn leaf(
    name: String,
    detail: Option<String>,
    kind: SymbolKind,
    range: tower_lsp_server::ls_types::Range,
) -> DocumentSymbol {
    DocumentSymbol {
        // Clients reject empty names.
        name: if name.trim().is_empty() {
            "(untitled)".to_string()
        } else {
            name
        },
        detail,
        kind,
        tags: None,
        deprecated: None,
        range,
        selection_range: range,
        children: None,
    }
}

/// A card's name in the outline: its key, or the start of its front.
fn card_name(key: &str, front: &str) -> String {
    let name = if key.trim().is_empty() {
        plain_text(front)
    } else {
        key.to_string()
    };
    let mut chars = name.chars();
    let short: String = chars.by_ref().take(60).collect();
    if chars.next().is_some() {
        format!("{short}…")
    } else {
        short
    }
}

fn section_kind(kind: SectionKind) -> SymbolKind {
    match kind {
        SectionKind::Title => SymbolKind::FILE,
        SectionKind::Problem => SymbolKind::NAMESPACE,
        SectionKind::Topic => SymbolKind::CLASS,
        SectionKind::Facet => SymbolKind::PROPERTY,
    }
}

fn card_kind(kind: CardKind) -> SymbolKind {
    match kind {
        CardKind::Basic => SymbolKind::FIELD,
        CardKind::Cloze => SymbolKind::STRING,
        CardKind::Table => SymbolKind::ARRAY,
        CardKind::Definition => SymbolKind::CONSTANT,
    }
}
