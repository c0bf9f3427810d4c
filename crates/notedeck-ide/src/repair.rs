//! Repairing a note damaged by a wrong text encoding, as an editor offers it: the repaired
//! text, and the restored characters whose choice was uncertain (to point out afterwards).

use notedeck_parse::Span;

/// A whole-note repair ready to offer: applying it replaces the note's text with `text`.
#[derive(Debug, Clone, PartialEq)]
pub struct RepairOffer {
    /// Title of the action (names the encoding found and how many characters are unsure).
    pub title: String,
    /// The note as it reads after the repair.
    pub text: String,
    /// Restored characters that could have been something else, as spans into `text`.
    pub uncertain: Vec<Uncertain>,
}

/// A character restored by a repair that could have been something else.
#[derive(Debug, Clone, PartialEq)]
pub struct Uncertain {
    /// Byte span of the restored character in the repaired text.
    pub span: Span,
    /// The character chosen.
    pub chosen: String,
    /// The other candidates, most likely first.
    pub alternatives: Vec<String>,
    /// How sure the repair was of `chosen`, 0..=1.
    pub confidence: f32,
}

impl Uncertain {
    /// What to tell the user about this character.
    pub fn message(&self) -> String {
        format!(
            "restored as \"{}\" ({:.0}% sure); could also be {}",
            self.chosen,
            self.confidence * 100.0,
            self.alternatives.join(", ")
        )
    }
}

/// The repair of a damaged text; `None` if the text is clean. Costs a full repair (a language
/// model over every damaged character): call it for the file whose actions are asked for.
pub fn repair_offer(text: &str) -> Option<RepairOffer> {
    let repair = notedeck_repair::repair(text);
    let title = notedeck_check::encoding::repair_title(&repair)?;
    let uncertain: Vec<Uncertain> = repair
        .uncertain()
        .map(|r| Uncertain {
            span: r.span_in_output.clone(),
            chosen: r.chosen.to_string(),
            alternatives: r.alternatives.iter().map(|(c, _)| c.to_string()).collect(),
            confidence: r.confidence,
        })
        .collect();
    Some(RepairOffer {
        title,
        text: repair.text,
        uncertain,
    })
}
