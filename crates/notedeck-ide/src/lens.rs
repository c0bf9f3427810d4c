//! Code lenses: "N cards" above each section that produces cards (with a collection: "12 cards
//! · 3 due · 1 leech"), and each card's Anki state on its line.

use notedeck_parse::Span;
use std::path::Path;

use crate::analysis::{Analysis, line_span};

/// A label shown above a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lens {
    /// The heading it belongs to.
    pub span: Span,
    /// `12 cards`.
    pub title: String,
}

impl Analysis<'_> {
    /// One lens per section with cards, counting the cards of its whole subtree. Reads the
    /// card digests, which every note has (closed notes keep no `Card`s).
    pub fn code_lenses(&self, path: &Path) -> Option<Vec<Lens>> {
        let note = self.ws.get(path)?;
        Some(
            note.doc
                .sections
                .iter()
                .filter_map(|section| {
                    let n = note
                        .cards
                        .cards
                        .iter()
                        .filter(|c| section.span.contains(&c.span().start))
                        .count();
                    (n > 0).then(|| Lens {
                        span: section.heading_span.clone(),
                        title: self.section_title(path, &section.span, n),
                    })
                })
                // With a collection, each card's line says how the card is doing.
                .chain(note.doc.cards.iter().filter_map(|card| {
                    Some(Lens {
                        span: line_span(&note.text, &note.lines, card.span.start),
                        title: self.card_state_line(card)?,
                    })
                }))
                .collect(),
        )
    }
}
