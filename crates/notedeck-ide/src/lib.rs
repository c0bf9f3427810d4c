//! Editor and CLI features over a vault of notes, as plain structs: no protocol types, byte
//! spans only. The language server converts these answers to the protocol; the CLI prints
//! them. Everything that touches the disk for analysis (the walker, the read policy, the image
//! resolver) lives in [`vault`], so the linter and the editor see the same notes; [`cache`]
//! keeps what the checker read of each note, for the next run.

mod actions;
mod analysis;
pub mod cache;
pub mod cards;
mod completion;
mod host;
mod hover;
pub mod html;
mod lens;
mod nav;
mod outline;
pub mod repair;
pub mod reviews;
pub mod terms;
pub mod timing;
pub mod vault;

pub use actions::{Action, ActionKind, overlaps};
pub use analysis::{Analysis, Location, display_path, line_span};
pub use cache::NoteCache;
pub use completion::{Completion, MAX_WORKSPACE_SYMBOLS, TermSymbol};
pub use host::{AnalysisHost, MAX_FILES, background_note, cached_note, load, load_one, open_note};
pub use hover::Hover;
pub use lens::Lens;
pub use nav::MAX_DEFINITIONS;
pub use outline::{Symbol, SymbolKind};
pub use repair::{RepairOffer, Uncertain, repair_offer};
pub use reviews::{Leech, orphans};
pub use terms::TermCache;

pub use notedeck_check::par_map;
