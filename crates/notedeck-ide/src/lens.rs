//! Code lenses: "N cards" above each section that produces cards.

use notedeck_parse::Span;
use std::path::Path;

use crate::analysis::Analysis;

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
                        .filter(|c| section.span.contains(&c.span.start))
                        .count();
                    (n > 0).then(|| Lens {
                        span: section.heading_span.clone(),
                        title: if n == 1 {
                            "1 card".to_string()
                        } else {
                            format!("{n} cards")
                        },
                    })
                })
                .collect(),
        )
    }
}
