//! Files damaged by a wrong text encoding: one diagnostic at the top, a code action that
//! repairs the whole buffer, and a hint per uncertain character afterwards.

use tower_lsp_server::ls_types::{Diagnostic, DiagnosticSeverity, NumberOrString};

use crate::requests::diagnostics::SOURCE;
use crate::state::{OfferedRepair, Uncertain};
use crate::text::Text;

/// Diagnostic code of the whole-file damage diagnostic.
pub const DAMAGED: &str = "damaged-encoding";
/// Diagnostic code of a restored character that could have been something else.
pub const UNCERTAIN: &str = "uncertain-repair";

/// The diagnostic for a damaged buffer, or `None` if the text is clean.
pub fn diagnostic(text: &str, at: Text<'_>) -> Option<Diagnostic> {
    let _ = (text, at);
    None
}

/// The hint shown on one uncertain character.
pub fn uncertain_hint(text: Text<'_>, u: &Uncertain) -> Diagnostic {
    let others = u.alternatives.join(", ");
    Diagnostic {
        range: text.range(&u.span),
        severity: Some(DiagnosticSeverity::HINT),
        code: Some(NumberOrString::String(UNCERTAIN.to_string())),
        source: Some(SOURCE.to_string()),
        message: format!(
            "restored as \"{}\" ({:.0}% sure); could also be {others}",
            u.chosen,
            u.confidence * 100.0
        ),
        ..Diagnostic::default()
    }
}

/// A whole-buffer repair as the code action offers it.
pub struct Repaired {
    /// Title of the code action (names the encoding found).
    pub title: String,
    /// The repaired text and its uncertain characters.
    pub offer: OfferedRepair,
}

/// Repair a damaged buffer; `None` if it is clean or cannot be repaired.
pub fn repair(text: &str) -> Option<Repaired> {
    let _ = text;
    None
}
