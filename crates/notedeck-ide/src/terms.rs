//! Term lookups for hover, definition, completion and workspace symbols, cached.
//!
//! The checker ranks a term's sites on every call (which expansion the fixes prefer, headings
//! first); on a 1,000-note vault a common acronym has ~1,000 sites and one ranking costs ~5 ms,
//! and listing every term ~50 ms. Hovering and completing happen in bursts between edits, so
//! answers are kept until the workspace changes: [`TermCache::clear`] runs whenever the state
//! is locked for writing.

use notedeck_check::{TermSite, Workspace};
use notedeck_parse::Span;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, PoisonError};

/// A place a term is written.
#[derive(Debug, Clone, PartialEq)]
pub struct Site {
    /// File holding it.
    pub path: PathBuf,
    /// Span of the whole `Name (Expansion)`.
    pub span: Span,
    /// Whether it names a section (a definition site).
    pub is_heading: bool,
}

/// A known term at its best site: the heading with the expansion the checker prefers.
#[derive(Debug, Clone, PartialEq)]
pub struct Known {
    /// `LoRA`.
    pub name: String,
    /// `Low-Rank Adaptation`.
    pub expansion: String,
    /// Where it is defined (or written, if never as a heading).
    pub site: Site,
}

/// Everything hover and definition show about one term.
#[derive(Debug, Clone, PartialEq)]
pub struct TermInfo {
    /// The term at its best site.
    pub known: Known,
    /// Other headings defining it with the same expansion (in other notes).
    pub also_defined: Vec<Site>,
    /// Other expansions written for it: the first site of each and how often it occurs.
    pub variants: Vec<(String, Site, usize)>,
}

/// Answers computed since the workspace last changed.
#[derive(Default)]
pub struct TermCache {
    by_name: Mutex<HashMap<String, Option<Arc<TermInfo>>>>,
    all: Mutex<Option<Arc<Vec<Known>>>>,
}

impl TermCache {
    /// Forget everything (the workspace changed).
    pub fn clear(&mut self) {
        self.by_name
            .get_mut()
            .unwrap_or_else(PoisonError::into_inner)
            .clear();
        *self.all.get_mut().unwrap_or_else(PoisonError::into_inner) = None;
    }

    /// Forget the answers about `names` and the list of every term, keeping the others: a
    /// change to one note changes only the answers about the terms its old and new versions
    /// write (a name's answer is made of that name's sites alone). On a large vault a common
    /// term's first answer gathers its sites in every note, so clearing everything at each
    /// keystroke made the next hover of each such term pay that again.
    pub fn forget<'n>(&mut self, names: impl IntoIterator<Item = &'n str>) {
        let by_name = self
            .by_name
            .get_mut()
            .unwrap_or_else(PoisonError::into_inner);
        let mut any = false;
        for name in names {
            by_name.remove(name);
            any = true;
        }
        if any {
            *self.all.get_mut().unwrap_or_else(PoisonError::into_inner) = None;
        }
    }

    /// Hover and definition data for `name`, if some note defines it.
    pub fn term(&self, ws: &Workspace, name: &str) -> Option<Arc<TermInfo>> {
        let by_name = || self.by_name.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(known) = by_name().get(name) {
            return known.clone();
        }
        // Computed without the lock, so a hover of another term is not held up by this one.
        let answer = info(ws, name).map(Arc::new);
        by_name().entry(name.to_string()).or_insert(answer).clone()
    }

    /// Compute the answers about `names` now (those not cached yet), so that the first hover
    /// of a term written all over the vault does not pay for gathering its sites: the server
    /// does this for the vault's common terms once it is loaded, and again for those an edit
    /// made it forget.
    pub fn warm<'n>(&self, ws: &Workspace, names: impl IntoIterator<Item = &'n str>) {
        for name in names {
            self.term(ws, name);
        }
    }

    /// Every known term, sorted by name, for completion and workspace symbols.
    pub fn all(&self, ws: &Workspace) -> Arc<Vec<Known>> {
        let mut all = self.all.lock().unwrap_or_else(PoisonError::into_inner);
        all.get_or_insert_with(|| Arc::new(ws.terms().iter().map(known).collect()))
            .clone()
    }
}

fn info(ws: &Workspace, name: &str) -> Option<TermInfo> {
    let sites = ws.definitions(name);
    let best = sites.first()?;
    let known = known(best);
    let also_defined = sites
        .iter()
        .skip(1)
        .filter(|s| s.term.is_heading && s.term.expansion == best.term.expansion)
        .map(site)
        .collect();
    let mut variants: Vec<(String, Site, usize)> = Vec::new();
    for s in sites
        .iter()
        .filter(|s| s.term.expansion != best.term.expansion)
    {
        match variants.iter_mut().find(|(e, _, _)| *e == s.term.expansion) {
            Some((_, _, count)) => *count += 1,
            None => variants.push((s.term.expansion.clone(), site(s), 1)),
        }
    }
    Some(TermInfo {
        known,
        also_defined,
        variants,
    })
}

fn known(s: &TermSite<'_>) -> Known {
    Known {
        name: s.term.name.clone(),
        expansion: s.term.expansion.clone(),
        site: site(s),
    }
}

fn site(s: &TermSite<'_>) -> Site {
    Site {
        path: s.path.to_path_buf(),
        span: s.term.span.clone(),
        is_heading: s.term.is_heading,
    }
}
