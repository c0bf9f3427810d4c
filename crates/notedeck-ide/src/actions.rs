//! Actions on a range of a note: the fixes of the findings there, the whole-note repair of a
//! note damaged by a wrong encoding, and "pin card id" on a card's line.

use notedeck_check::{Code, Edit, Finding};
use notedeck_parse::Span;
use std::path::Path;

use crate::analysis::{Analysis, line_span};
use crate::repair::{RepairOffer, repair_offer};

/// What an action does, for editors that group or filter actions by kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActionKind {
    /// Fixes a finding.
    QuickFix,
    /// Writes the card's current id into the note (`<!-- id: ... -->`), so that renaming its
    /// heading or label later keeps its identity in Anki. Changes no card.
    PinCardId,
}

/// One action an editor may offer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Action {
    /// Shown in the menu: `Replace with "Low-Rank Adaptation"`.
    pub title: String,
    /// What it does.
    pub kind: ActionKind,
    /// The findings it fixes (several when their fixes make the very same edit).
    pub fixes: Vec<Finding>,
    /// The edits, possibly in several notes.
    pub edits: Vec<Edit>,
    /// The fix the checker prefers for one of its findings ([`notedeck_check::Fix::preferred`]):
    /// false for each of two alternatives it cannot choose between, so that an editor never
    /// applies one of them (let alone both) without the user picking it.
    pub preferred: bool,
}

impl Analysis<'_> {
    /// The actions for `asked` (a byte range; a cursor is an empty one) in `path`: the fixes
    /// of every finding whose span touches it or that `named` picks (editors send the
    /// diagnostics of the cursor's line, and the user expects the fix for the line, not only
    /// for the character under the cursor), then "pin card id" for each card on the lines
    /// asked. A fix two findings propose with the very same edits is one action listing both.
    /// `findings` are the note's [`Analysis::diagnostics`], computed once by the caller.
    pub fn actions(
        &self,
        path: &Path,
        findings: Vec<Finding>,
        asked: Span,
        named: &dyn Fn(&Finding) -> bool,
    ) -> Vec<Action> {
        let Some(note) = self.ws.get(path) else {
            return Vec::new();
        };
        let mut actions: Vec<Action> = Vec::new();
        for finding in findings {
            if !(named(&finding) || overlaps(&finding.span, &asked)) {
                continue;
            }
            for fix in &finding.fixes {
                if fix.edits.iter().any(|e| self.ws.get(&e.path).is_none()) {
                    continue;
                }
                match actions
                    .iter_mut()
                    .find(|a| a.kind == ActionKind::QuickFix && a.edits == fix.edits)
                {
                    Some(same) => {
                        if !same.fixes.contains(&finding) {
                            same.fixes.push(finding.clone());
                        }
                        same.preferred |= fix.preferred;
                    }
                    None => actions.push(Action {
                        title: fix.title.clone(),
                        kind: ActionKind::QuickFix,
                        fixes: vec![finding.clone()],
                        edits: fix.edits.clone(),
                        preferred: fix.preferred,
                    }),
                }
            }
        }
        for card in &note.doc.cards {
            let line = line_span(&note.text, &note.lines, card.span.start);
            if card.pinned_id.is_some() || !overlaps(&line, &asked) || card.id.is_empty() {
                continue;
            }
            actions.push(Action {
                title: format!("Pin card id ({})", card.id),
                kind: ActionKind::PinCardId,
                fixes: Vec::new(),
                edits: vec![Edit {
                    path: path.to_path_buf(),
                    span: line.end..line.end,
                    new_text: format!(" <!-- id: {} -->", card.id),
                }],
                preferred: false,
            });
        }
        actions
    }

    /// For a note damaged by a wrong encoding (its `findings` hold a `damaged-encoding`
    /// one): that finding and the repair to offer for it. `None` for a clean note. Costs a
    /// full repair of the note.
    pub fn repair(&self, path: &Path, findings: &[Finding]) -> Option<(Finding, RepairOffer)> {
        let damaged = findings
            .iter()
            .find(|f| f.code == Code::DamagedEncoding)?
            .clone();
        let offer = repair_offer(&self.ws.get(path)?.text)?;
        Some((damaged, offer))
    }
}

/// Spans overlap, counting a cursor (empty span) at either end of a span as inside it.
pub fn overlaps(a: &Span, b: &Span) -> bool {
    a.start <= b.end && b.start <= a.end
}
