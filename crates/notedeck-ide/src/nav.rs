//! Go to definition and find references of the term under the cursor.

use std::path::Path;

use crate::analysis::{Analysis, Location};

/// Most places one go-to-definition answers with. A term a few notes define lists them all;
/// one that thousands of notes of a vault define as a heading gave the editor a list of
/// thousands (9,000 locations, 130 ms, on the 10,000-note benchmark vault), which no one
/// reads. The nearest come first; find-references lists every mention.
pub const MAX_DEFINITIONS: usize = 50;

impl Analysis<'_> {
    /// Where the term at `offset` is defined: the site of its preferred expansion (the one the
    /// checker's fixes propose), then any other heading that defines it the same way, the
    /// ones in the same note first, then the same folder, then the rest in path order: at
    /// most [`MAX_DEFINITIONS`]. A heading with a conflicting expansion is not a definition
    /// of this meaning.
    pub fn definition(&self, path: &Path, offset: usize) -> Vec<Location> {
        let Some(name) = self.ws.term_at(path, offset) else {
            return Vec::new();
        };
        let Some(term) = self.terms.term(self.ws, &name) else {
            return Vec::new();
        };
        let mut others: Vec<_> = term
            .also_defined
            .iter()
            .filter(|site| self.ws.get(&site.path).is_some())
            .collect();
        // Stable: each group keeps the path order the sites come in.
        others.sort_by_key(|site| (site.path != path, site.path.parent() != path.parent()));
        std::iter::once(&term.known.site)
            .filter(|site| self.ws.get(&site.path).is_some())
            .chain(others)
            .take(MAX_DEFINITIONS)
            .map(|site| Location {
                path: site.path.clone(),
                span: site.span.clone(),
            })
            .collect()
    }

    /// Every mention of the term at `offset` across the vault, in path and source order;
    /// without `include_declaration` the headings that define it are left out.
    pub fn references(
        &self,
        path: &Path,
        offset: usize,
        include_declaration: bool,
    ) -> Option<Vec<Location>> {
        let name = self.ws.term_at(path, offset)?;
        let definitions = self.ws.definitions(&name);
        let is_definition = |p: &Path, at: usize| {
            definitions
                .iter()
                .any(|d| d.term.is_heading && d.path == p && d.term.span.contains(&at))
        };
        Some(
            self.ws
                .references(&name)
                .into_iter()
                .filter(|(p, span)| include_declaration || !is_definition(p, span.start))
                .map(|(path, span)| Location { path, span })
                .collect(),
        )
    }
}
