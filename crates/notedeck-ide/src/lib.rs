//! Editor and CLI features over a vault of notes, as plain structs: no protocol types, byte
//! spans only. The language server converts these answers to the protocol; the CLI prints
//! them. Everything that touches the disk for analysis (the walker, the read policy, the image
//! resolver) lives in [`vault`], so the linter and the editor see the same notes.

mod analysis;
mod completion;
mod host;
mod hover;
pub mod html;
mod lens;
mod nav;
mod outline;
pub mod repair;
pub mod terms;
pub mod vault;

pub use analysis::{Analysis, Location, display_path, line_span};
pub use completion::{Completion, MAX_WORKSPACE_SYMBOLS, TermSymbol};
pub use host::{AnalysisHost, MAX_FILES, background_note, load};
pub use hover::Hover;
pub use lens::Lens;
pub use outline::{Symbol, SymbolKind};
pub use repair::{RepairOffer, Uncertain, repair_offer};
pub use terms::TermCache;

/// Run `f` over `items` on all cores, keeping their order. Each vault-sized job (reading,
/// parsing) is independent per file, so plain chunks over scoped threads are enough.
pub fn par_map<T: Sync, U: Send>(items: &[T], f: impl Fn(&T) -> U + Sync) -> Vec<U> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = items.len().div_ceil(threads.max(1)).max(1);
    let f = &f;
    std::thread::scope(|scope| {
        let workers: Vec<_> = items
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(f).collect::<Vec<_>>()))
            .collect();
        workers
            .into_iter()
            // A job that panicked re-raises here rather than silently dropping its files.
            .flat_map(|w| w.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}
