//! `textDocument/codeAction`: every fix of the findings under the cursor or named by the
//! client, "pin card id" on a card's line, and for a damaged file the whole-buffer repair (then
//! the alternatives of each uncertain character).
//!
//! A finding is "named by the client" when `context.diagnostics` holds its diagnostic (same
//! code and range): editors send the diagnostics of the cursor's line with a bare cursor
//! position, and the user expects the fix for the line, not only for the character under the
//! cursor. Two findings may propose the very same edit (a variant used in two places, each
//! reported with "use the other one everywhere"); that edit is offered once, listing both
//! diagnostics. A fix the checker does not prefer (one of two alternatives) is never marked
//! preferred, so no editor applies it unasked.

use std::collections::HashMap;

use notedeck_check::{Edit, Finding};
use notedeck_ide::{ActionKind, Uncertain, overlaps};
use notedeck_parse::Span;
use tower_lsp_server::ls_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, CodeActionResponse,
    Diagnostic, TextEdit, Uri, WorkspaceEdit,
};

use super::diagnostics::to_diagnostic;
use crate::from_proto::uri_to_path;
use crate::from_proto::{Replaced, shift_span};
use crate::state::{OpenDoc, State};
use crate::to_proto::{self, SOURCE, Text};

/// Kind of the "pin card id" action: a rewrite that changes no card, only fixes its identity.
pub const PIN_KIND: CodeActionKind = CodeActionKind::new("refactor.rewrite.pin-card-id");

/// The actions for the requested range. Takes the state mutably because offering a repair
/// remembers it (see [`follow_repair`]).
pub fn code_action(st: &mut State, params: &CodeActionParams) -> Option<CodeActionResponse> {
    let path = uri_to_path(&params.text_document.uri);
    let uri = params.text_document.uri.clone();
    let (note, text) = st.note(&path)?;
    let (len, asked) = (note.text.len(), text.span(params.range));

    // The findings once: the repair, the fixes and the diagnostics they list all start here.
    let findings = st.analysis().diagnostics(&path);
    if let Some((damaged, offer)) = st.analysis().repair(&path, &findings) {
        let action = CodeAction {
            title: offer.title.clone(),
            kind: Some(CodeActionKind::QUICKFIX),
            diagnostics: Some(vec![to_diagnostic(st, &damaged)?]),
            edit: Some(single_edit(uri, text.range(&(0..len)), offer.text.clone())),
            is_preferred: Some(true),
            ..CodeAction::default()
        };
        if let Some(doc) = st.open.get_mut(&path) {
            doc.offered_repair = Some(offer);
        }
        return Some(filter_kinds(params, vec![action]));
    }

    let sent = &params.context.diagnostics;
    // The client's copy of our diagnostic for a finding, if it sent one (the fix must list
    // what the client will match it against).
    let theirs = |f: &Finding| -> Option<Diagnostic> {
        let ours = to_diagnostic(st, f)?;
        sent.iter().find(|d| same_diagnostic(d, &ours)).cloned()
    };
    let mut actions = Vec::new();
    if let Some(doc) = st.open.get(&path) {
        for u in &doc.uncertain {
            let hint = to_proto::uncertain_hint(text, u);
            if let Some(hint) = wanted(hint, &u.span, &asked, sent) {
                actions.extend(alternatives(&uri, text, u, &hint));
            }
        }
    }
    for action in st
        .analysis()
        .actions(&path, findings, asked, &|f| theirs(f).is_some())
    {
        let Some(edit) = workspace_edit(st, &action.edits) else {
            continue;
        };
        let diagnostics: Vec<Diagnostic> = action
            .fixes
            .iter()
            .filter_map(|f| theirs(f).or_else(|| to_diagnostic(st, f)))
            .collect();
        let quick_fix = action.kind == ActionKind::QuickFix;
        actions.push(CodeAction {
            title: action.title,
            kind: Some(if quick_fix {
                CodeActionKind::QUICKFIX
            } else {
                PIN_KIND
            }),
            diagnostics: (!diagnostics.is_empty()).then_some(diagnostics),
            edit: Some(edit),
            is_preferred: quick_fix.then_some(action.preferred),
            ..CodeAction::default()
        });
    }
    Some(filter_kinds(params, actions))
}

/// Called on every change of an open document: when the buffer becomes the repair that was
/// offered, its uncertain characters become the document's; otherwise the known uncertain
/// characters follow the edit (and those the edit touched are dropped: the user decided).
/// `doc.text` is the buffer after the change.
pub fn follow_repair(doc: &mut OpenDoc, replaced: &[Replaced]) {
    if let Some(offer) = doc.offered_repair.take() {
        // Editors differ in how they keep a final newline when replacing a whole buffer; the
        // uncertain spans count from the start, so that difference does not matter.
        if offer.text.trim_end_matches(['\r', '\n']) == doc.text.trim_end_matches(['\r', '\n']) {
            doc.uncertain = offer.uncertain;
            return;
        }
        doc.offered_repair = Some(offer);
    }
    doc.uncertain = std::mem::take(&mut doc.uncertain)
        .into_iter()
        .filter_map(|u| {
            let span = replaced
                .iter()
                .try_fold(u.span.clone(), |span, r| shift_span(&span, r))?;
            Some(Uncertain { span, ..u })
        })
        .collect();
}

/// The diagnostic to attach to the fixes of a finding (or uncertain character) whose own
/// diagnostic is `ours`, if its fixes are wanted: when the client sent that diagnostic in the
/// request's context (then the client's copy, which is what it will match the fix against), or
/// when its span touches the requested range.
fn wanted(ours: Diagnostic, span: &Span, asked: &Span, sent: &[Diagnostic]) -> Option<Diagnostic> {
    match sent.iter().find(|d| same_diagnostic(d, &ours)) {
        Some(theirs) => Some(theirs.clone()),
        None => overlaps(span, asked).then_some(ours),
    }
}

/// Whether the client's diagnostic `theirs` is our `ours`: same code and range, and not from
/// another server (clients may leave the source out).
fn same_diagnostic(theirs: &Diagnostic, ours: &Diagnostic) -> bool {
    theirs.code.is_some()
        && theirs.code == ours.code
        && theirs.range == ours.range
        && theirs.source.as_deref().is_none_or(|s| s == SOURCE)
}

/// One quick fix per alternative of an uncertain character.
fn alternatives(uri: &Uri, text: Text<'_>, u: &Uncertain, hint: &Diagnostic) -> Vec<CodeAction> {
    u.alternatives
        .iter()
        .map(|alt| CodeAction {
            title: format!("Replace \"{}\" with \"{alt}\"", u.chosen),
            kind: Some(CodeActionKind::QUICKFIX),
            diagnostics: Some(vec![hint.clone()]),
            edit: Some(single_edit(uri.clone(), text.range(&u.span), alt.clone())),
            ..CodeAction::default()
        })
        .collect()
}

/// Checker edits (byte spans, possibly in several files) as an LSP workspace edit; `None` if
/// a file it touches is not in the workspace.
fn workspace_edit(st: &State, edits: &[Edit]) -> Option<WorkspaceEdit> {
    let mut changes: HashMap<Uri, Vec<TextEdit>> = HashMap::new();
    for edit in edits {
        let (_, text) = st.note(&edit.path)?;
        changes
            .entry(st.uri(&edit.path)?)
            .or_default()
            .push(TextEdit::new(text.range(&edit.span), edit.new_text.clone()));
    }
    Some(WorkspaceEdit::new(changes))
}

fn single_edit(
    uri: Uri,
    range: tower_lsp_server::ls_types::Range,
    new_text: String,
) -> WorkspaceEdit {
    WorkspaceEdit::new(HashMap::from([(uri, vec![TextEdit::new(range, new_text)])]))
}

/// Keep the actions whose kind the client asked for (`context.only`), if it said.
fn filter_kinds(params: &CodeActionParams, actions: Vec<CodeAction>) -> CodeActionResponse {
    let only = params.context.only.as_deref();
    actions
        .into_iter()
        .filter(|a| {
            let kind = a.kind.as_ref().map_or("", |k| k.as_str());
            only.is_none_or(|only| {
                only.iter()
                    .any(|o| kind == o.as_str() || kind.starts_with(&format!("{}.", o.as_str())))
            })
        })
        .map(CodeActionOrCommand::CodeAction)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use notedeck_ide::RepairOffer;
    use std::str::FromStr;

    fn doc_with_offer(text: &str, uncertain: Vec<Uncertain>) -> OpenDoc {
        OpenDoc {
            uri: Uri::from_str("file:///notes/a.md").expect("uri"),
            version: 1,
            analysed: Some(1),
            open_id: 1,
            parsing: false,
            text: String::new(),
            shared: None,
            uncertain: Vec::new(),
            offered_repair: Some(RepairOffer {
                title: String::new(),
                text: text.to_string(),
                uncertain,
            }),
        }
    }

    #[test]
    fn uncertain_characters_arrive_with_the_repair_and_follow_later_edits() {
        let repaired = "# 역량평가 정리\n각 모델\n";
        let at = repaired.find('각').expect("restored char");
        let guess = Uncertain {
            span: at..at + '각'.len_utf8(),
            chosen: "각".into(),
            alternatives: vec!["감".into(), "객".into()],
            confidence: 0.6,
        };
        let mut doc = doc_with_offer(repaired, vec![guess.clone()]);
        // Some other edit first: the offer waits.
        doc.text = "# 다른 글\n".into();
        follow_repair(&mut doc, &[]);
        assert!(doc.uncertain.is_empty() && doc.offered_repair.is_some());
        // The client applies the repair, dropping the final newline as some editors do.
        doc.text = repaired.trim_end().into();
        follow_repair(&mut doc, &[]);
        assert_eq!(doc.uncertain, vec![guess.clone()]);
        // Typing before the character moves it; replacing it ends the doubt.
        let typed = Replaced {
            span: 0..0,
            new_len: 3,
        };
        doc.text = String::new();
        follow_repair(&mut doc, std::slice::from_ref(&typed));
        assert_eq!(
            doc.uncertain[0].span,
            guess.span.start + 3..guess.span.end + 3
        );
        let decided = Replaced {
            span: doc.uncertain[0].span.clone(),
            new_len: 3,
        };
        follow_repair(&mut doc, &[decided]);
        assert!(doc.uncertain.is_empty());
    }
}
