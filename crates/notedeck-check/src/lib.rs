//! A [`Workspace`] of parsed notes -> [`Finding`]s with stable codes, severities, related spans
//! and [`Fix`]es, plus the term index behind hover and go-to-definition.
//!
//! Pure: the caller (CLI or language server) reads files and hands in text. The same engine
//! serves the editor and CI, so findings are deterministic (sorted by path, then span).
//!
//! A rule lives in one module under `rules/` and knows nothing of the index; the
//! [`Workspace`] hands each rule the notes it needs, found through the index (`index.rs`),
//! which is also what tells an editor which files an edit [`Affected`].

mod code;
mod dictionary;
mod index;
mod model;
mod par;
mod rules;
mod workspace;

pub use code::Code;
pub use index::Affected;
pub use model::{
    Edit, Finding, Fix, ImageResolver, Note, Related, Severity, TermSite, sort_findings,
};
pub use par::par_map;
pub use rules::acronym::spells_acronym;
pub use rules::cards::{CardDigest, CardDigests, FrontKey};
pub use rules::encoding;
pub use workspace::{RejectedTerms, Workspace};
