//! Findings -> `textDocument/publishDiagnostics`.
//!
//! A damaged file (wrong encoding) gets a single diagnostic at the top instead of its findings:
//! the checker's view of mojibake is noise. Uncertain characters left by an accepted repair get
//! one hint each.

use notedeck_check::{Finding, Note, Severity, Workspace};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use tower_lsp_server::ls_types::{
    Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString, Uri,
};

use crate::damage;
use crate::state::State;
use crate::text::Text;

/// The `source` of every diagnostic this server publishes.
pub const SOURCE: &str = "notedeck";

/// Diagnostics for one file, from its current text (the buffer if open).
pub fn for_file(st: &State, path: &Path) -> Vec<Diagnostic> {
    let Some((note, text)) = st.note(path) else {
        return Vec::new();
    };
    if let Some(damaged) = damage::diagnostic(&note.text, text) {
        return vec![damaged];
    }
    let mut out: Vec<Diagnostic> = st
        .ws()
        .check_file(path)
        .iter()
        .filter_map(|f| to_diagnostic(st, f))
        .collect();
    if let Some(doc) = st.open.get(path) {
        out.extend(
            doc.uncertain
                .iter()
                .map(|u| damage::uncertain_hint(text, u)),
        );
    }
    out
}

/// Diagnostics for every file of `ws` that has any, for the startup scan. `ws` may be a
/// snapshot checked without the server's lock, so it is read for texts and `uri` gives each
/// path's URI (the client's spelling for open files).
pub fn for_workspace(
    ws: &Workspace,
    uri: &dyn Fn(&Path) -> Option<Uri>,
) -> BTreeMap<PathBuf, Vec<Diagnostic>> {
    let mut out: BTreeMap<PathBuf, Vec<Diagnostic>> = BTreeMap::new();
    for finding in ws.check_all() {
        if let Some(d) = diagnostic_in(ws, uri, &finding) {
            out.entry(finding.path.clone()).or_default().push(d);
        }
    }
    for (path, note) in ws.notes() {
        if let Some(damaged) = damage::diagnostic(&note.text, text_of(note)) {
            out.insert(path.clone(), vec![damaged]);
        }
    }
    out
}

/// One finding as a diagnostic; `None` if its file is not in the workspace.
pub fn to_diagnostic(st: &State, finding: &Finding) -> Option<Diagnostic> {
    diagnostic_in(st.ws(), &|path| st.uri(path), finding)
}

/// One finding as a diagnostic, with ranges from the notes of `ws`.
fn diagnostic_in(
    ws: &Workspace,
    uri: &dyn Fn(&Path) -> Option<Uri>,
    finding: &Finding,
) -> Option<Diagnostic> {
    let text = text_of(ws.get(&finding.path)?);
    let related: Vec<DiagnosticRelatedInformation> = finding
        .related
        .iter()
        .filter_map(|r| {
            let other = text_of(ws.get(&r.path)?);
            Some(DiagnosticRelatedInformation {
                location: Location::new(uri(&r.path)?, other.range(&r.span)),
                message: r.message.clone(),
            })
        })
        .collect();
    Some(Diagnostic {
        range: text.range(&finding.span),
        severity: Some(severity(finding.severity)),
        code: Some(NumberOrString::String(finding.code.to_string())),
        source: Some(SOURCE.to_string()),
        message: finding.message.clone(),
        related_information: (!related.is_empty()).then_some(related),
        ..Diagnostic::default()
    })
}

fn text_of(note: &Note) -> Text<'_> {
    Text::new(&note.text, &note.lines)
}

fn severity(s: Severity) -> DiagnosticSeverity {
    match s {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
        Severity::Hint => DiagnosticSeverity::HINT,
    }
}
