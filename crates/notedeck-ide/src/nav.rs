//! Go to definition and find references of the term under the cursor.

use std::path::Path;

use crate::analysis::{Analysis, Location};

impl Analysis<'_> {
    /// Where the term at `offset` is defined: the site of its preferred expansion (the one the
    /// checker's fixes propose), then any other heading that defines it the same way. A heading
    /// with a conflicting expansion is not a definition of this meaning.
    pub fn definition(&self, path: &Path, offset: usize) -> Vec<Location> {
        let Some(name) = self.ws.term_at(path, offset) else {
            return Vec::new();
        };
        let Some(term) = self.terms.term(self.ws, &name) else {
            return Vec::new();
        };
        std::iter::once(&term.known.site)
            .chain(&term.also_defined)
            .filter(|site| self.ws.get(&site.path).is_some())
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
