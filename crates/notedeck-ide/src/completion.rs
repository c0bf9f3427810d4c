//! Completion of known term names, and the terms as workspace symbols.

use std::path::Path;

use crate::analysis::{Analysis, Location};

/// At most this many workspace symbols: a picker shows a screenful, not a vault.
pub const MAX_WORKSPACE_SYMBOLS: usize = 500;

/// A known term offered while typing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completion {
    /// The name to insert: `LoRA`.
    pub label: String,
    /// Its expansion: `Low-Rank Adaptation`.
    pub detail: String,
    /// `LoRA (Low-Rank Adaptation) — 역량평가 정리.md, line 121`.
    pub documentation: String,
}

/// A term at its definition, for a workspace symbol search.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermSymbol {
    /// `LoRA`.
    pub name: String,
    /// `Low-Rank Adaptation`.
    pub expansion: String,
    /// Where it is defined.
    pub location: Location,
}

impl Analysis<'_> {
    /// Known terms starting with the word being typed before `offset` (case-insensitive).
    pub fn completions(&self, path: &Path, offset: usize) -> Option<Vec<Completion>> {
        let note = self.ws.get(path)?;
        let before = note.text.get(..offset)?;
        let prefix_start = before
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_alphanumeric() || *c == '-')
            .last()
            .map_or(offset, |(i, _)| i);
        let prefix = before[prefix_start..].to_lowercase();
        Some(
            self.terms
                .all(self.ws)
                .iter()
                .filter(|k| k.name.to_lowercase().starts_with(&prefix))
                .map(|k| Completion {
                    label: k.name.clone(),
                    detail: k.expansion.clone(),
                    documentation: format!(
                        "{} ({}) — {}",
                        k.name,
                        k.expansion,
                        self.place(&k.site.path, k.site.span.start)
                    ),
                })
                .collect(),
        )
    }

    /// Terms whose name or expansion contains `query` (case-insensitive), at their definition;
    /// at most [`MAX_WORKSPACE_SYMBOLS`].
    pub fn workspace_symbols(&self, query: &str) -> Vec<TermSymbol> {
        let query = query.to_lowercase();
        self.terms
            .all(self.ws)
            .iter()
            .filter(|k| {
                query.is_empty()
                    || k.name.to_lowercase().contains(&query)
                    || k.expansion.to_lowercase().contains(&query)
            })
            .filter(|k| self.ws.get(&k.site.path).is_some())
            .map(|k| TermSymbol {
                name: k.name.clone(),
                expansion: k.expansion.clone(),
                location: Location {
                    path: k.site.path.clone(),
                    span: k.site.span.clone(),
                },
            })
            .take(MAX_WORKSPACE_SYMBOLS)
            .collect()
    }
}
