//! The outline of one note: sections nested as the parser inferred them, each with its cards.

use notedeck_parse::{CardKind, SectionKind, Span};
use std::path::Path;

use crate::analysis::Analysis;
use crate::html::plain_text;

/// What an outline entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SymbolKind {
    /// A section of the given kind (title, problem, topic, facet).
    Section(SectionKind),
    /// A card of the given kind.
    Card(CardKind),
}

/// One entry of a note's outline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Symbol {
    /// A section's title or a card's key (or the start of its front); never empty.
    pub name: String,
    /// A card's kind (`basic`, `table`, ...); nothing for sections.
    pub detail: Option<String>,
    /// What it is.
    pub kind: SymbolKind,
    /// The whole section or card.
    pub span: Span,
    /// What to highlight: the heading of a section, the card itself.
    pub selection_span: Span,
    /// Subsections and cards, in source order.
    pub children: Vec<Symbol>,
}

impl Analysis<'_> {
    /// The outline of `path`: sections nested as inferred, each card under the innermost
    /// section that holds it, everything in source order.
    pub fn document_symbols(&self, path: &Path) -> Option<Vec<Symbol>> {
        let doc = &self.ws.get(path)?.doc;
        // Sections are in source order, so the last one holding a card is the innermost.
        let mut cards_of: Vec<Vec<Symbol>> = vec![Vec::new(); doc.sections.len()];
        let mut top = Vec::new();
        for card in &doc.cards {
            let symbol = leaf(
                card_name(&card.key, &card.front),
                Some(format!("{:?}", card.kind).to_lowercase()),
                SymbolKind::Card(card.kind),
                card.span.clone(),
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
        // Bottom-up: children come after their parent, so walk backwards.
        let mut built: Vec<Option<Symbol>> = vec![None; doc.sections.len()];
        let mut children: Vec<Vec<Symbol>> = vec![Vec::new(); doc.sections.len()];
        for (i, section) in doc.sections.iter().enumerate().rev() {
            let mut kids = std::mem::take(&mut cards_of[i]);
            kids.append(&mut std::mem::take(&mut children[i]));
            kids.sort_by_key(|k| k.span.start);
            let mut symbol = leaf(
                section.title.clone(),
                None,
                SymbolKind::Section(section.kind),
                section.span.clone(),
            );
            // Clients reject a selection outside the symbol's range; trust the heading only
            // when it lies inside the section.
            if section.span.start <= section.heading_span.start
                && section.heading_span.end <= section.span.end
            {
                symbol.selection_span = section.heading_span.clone();
            }
            symbol.children = kids;
            match section.parent.filter(|&p| p < i) {
                Some(p) => children[p].push(symbol),
                None => built[i] = Some(symbol),
            }
        }
        top.extend(built.into_iter().flatten());
        top.sort_by_key(|k| k.span.start);
        Some(top)
    }
}

fn leaf(name: String, detail: Option<String>, kind: SymbolKind, span: Span) -> Symbol {
    Symbol {
        // Clients reject empty names.
        name: if name.trim().is_empty() {
            "(untitled)".to_string()
        } else {
            name
        },
        detail,
        kind,
        selection_span: span.clone(),
        span,
        children: Vec::new(),
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
