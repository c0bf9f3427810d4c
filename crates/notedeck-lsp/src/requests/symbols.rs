//! `textDocument/documentSymbol` (the outline with its cards) and `workspace/symbol` (terms).

use notedeck_ide::{Symbol, SymbolKind as Kind};
use notedeck_parse::{CardKind, SectionKind};
use tower_lsp_server::ls_types::{
    DocumentSymbol, DocumentSymbolParams, DocumentSymbolResponse, OneOf, SymbolKind,
    WorkspaceSymbol, WorkspaceSymbolParams, WorkspaceSymbolResponse,
};

use crate::requests::location;
use crate::state::{State, uri_to_path};
use crate::text::Text;

/// The outline of one note.
pub fn document(st: &State, params: &DocumentSymbolParams) -> Option<DocumentSymbolResponse> {
    let path = uri_to_path(&params.text_document.uri);
    let (_, text) = st.note(&path)?;
    let symbols = st.analysis().document_symbols(&path)?;
    Some(DocumentSymbolResponse::Nested(
        symbols.into_iter().map(|s| to_proto(text, s)).collect(),
    ))
}

/// Terms whose name or expansion contains the query, at their definition.
pub fn workspace(st: &State, params: &WorkspaceSymbolParams) -> Option<WorkspaceSymbolResponse> {
    let symbols = st
        .analysis()
        .workspace_symbols(&params.query)
        .into_iter()
        .filter_map(|t| {
            Some(WorkspaceSymbol {
                location: OneOf::Left(location(st, &t.location)?),
                name: t.name,
                kind: SymbolKind::CONSTANT,
                tags: None,
                container_name: Some(t.expansion),
                data: None,
            })
        })
        .collect();
    Some(WorkspaceSymbolResponse::Nested(symbols))
}

#[allow(deprecated)] // `deprecated` is a required field of the protocol type
fn to_proto(text: Text<'_>, symbol: Symbol) -> DocumentSymbol {
    let children: Vec<DocumentSymbol> = symbol
        .children
        .into_iter()
        .map(|c| to_proto(text, c))
        .collect();
    DocumentSymbol {
        name: symbol.name,
        detail: symbol.detail,
        kind: kind(symbol.kind),
        tags: None,
        deprecated: None,
        range: text.range(&symbol.span),
        selection_range: text.range(&symbol.selection_span),
        children: (!children.is_empty()).then_some(children),
    }
}

fn kind(kind: Kind) -> SymbolKind {
    match kind {
        Kind::Section(SectionKind::Title) => SymbolKind::FILE,
        Kind::Section(SectionKind::Problem) => SymbolKind::NAMESPACE,
        Kind::Section(SectionKind::Topic) => SymbolKind::CLASS,
        Kind::Section(SectionKind::Facet) => SymbolKind::PROPERTY,
        Kind::Card(CardKind::Basic) => SymbolKind::FIELD,
        Kind::Card(CardKind::Cloze) => SymbolKind::STRING,
        Kind::Card(CardKind::Table) => SymbolKind::ARRAY,
        Kind::Card(CardKind::Definition) => SymbolKind::CONSTANT,
    }
}
