//! Files damaged by a wrong text encoding: one diagnostic at the top, a code action that
//! repairs the whole buffer, and a hint per uncertain character afterwards.

use tower_lsp_server::ls_types::{Diagnostic, DiagnosticSeverity, NumberOrString};

use crate::state::{OfferedRepair, Uncertain};
use crate::to_proto::SOURCE;
use crate::to_proto::Text;

/// Diagnostic code of the whole-file damage diagnostic.
pub const DAMAGED: &str = "damaged-encoding";
/// Diagnostic code of a restored character that could have been something else.
pub const UNCERTAIN: &str = "uncertain-repair";

/// The diagnostic for a damaged buffer, on its first line; `None` if the text is clean.
pub fn diagnostic(text: &str, at: Text<'_>) -> Option<Diagnostic> {
    let damage = notedeck_repair::detect(text)?;
    let guessed = if damage.lost_bytes > 0 {
        format!(
            "; {} of them lost a byte and will be guessed",
            damage.lost_bytes
        )
    } else {
        String::new()
    };
    Some(Diagnostic {
        range: at.range(&at.line_span(0)),
        severity: Some(DiagnosticSeverity::ERROR),
        code: Some(NumberOrString::String(DAMAGED.to_string())),
        source: Some(SOURCE.to_string()),
        message: format!(
            "this file was decoded with the wrong encoding ({}): {} characters are mojibake, \
             the first on line {}{guessed}. Use the quick fix (or `notedeck repair --write`) \
             to restore it.",
            damage.code_page, damage.damaged_chars, damage.first_line
        ),
        ..Diagnostic::default()
    })
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

/// Repair a damaged buffer; `None` if it is clean.
pub fn repair(text: &str) -> Option<Repaired> {
    let repair = notedeck_repair::repair(text);
    let damage = repair.damage.as_ref()?;
    let uncertain: Vec<Uncertain> = repair
        .uncertain()
        .map(|r| Uncertain {
            span: r.span_in_output.clone(),
            chosen: r.chosen.to_string(),
            alternatives: r.alternatives.iter().map(|(c, _)| c.to_string()).collect(),
            confidence: r.confidence,
        })
        .collect();
    let title = format!(
        "Repair the whole file (decoded as {}; {} characters restored, {} uncertain)",
        damage.code_page,
        damage.damaged_chars,
        uncertain.len()
    );
    Some(Repaired {
        title,
        offer: OfferedRepair {
            text: repair.text,
            uncertain,
        },
    })
}
