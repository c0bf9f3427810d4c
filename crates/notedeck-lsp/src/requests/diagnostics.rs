//! Findings -> `textDocument/publishDiagnostics`.
//!
//! A damaged file (wrong encoding) gets a single diagnostic at the top instead of its findings:
//! the checker's view of mojibake is noise. Uncertain characters left by an accepted repair get
//! one hint each.

use notedeck_check::{Finding, Severity};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use tower_lsp_server::ls_types::{
    Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString,
};

use crate::damage;
use crate::state::State;

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
        .ws
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

/// Diagnostics for every file of the workspace that has any, for the startup scan.
pub fn for_workspace(st: &State) -> BTreeMap<PathBuf, Vec<Diagnostic>> {
    let mut out: BTreeMap<PathBuf, Vec<Diagnostic>> = BTreeMap::new();
    for finding in st.ws.check_all() {
        if let Some(d) = to_diagnostic(st, &finding) {
            out.entry(finding.path.clone()).or_default().push(d);
        }
    }
    for (path, note) in st.ws.notes() {
        if let Some((_, text)) = st.note(path)
            && let Some(damaged) = damage::diagnostic(&note.text, text)
        {
            out.insert(path.clone(), vec![damaged]);
        }
    }
    out
}

/// One finding as a diagnostic; `None` if its file is not in the workspace.
pub fn to_diagnostic(st: &State, finding: &Finding) -> Option<Diagnostic> {
    let (_, text) = st.note(&finding.path)?;
    let related: Vec<DiagnosticRelatedInformation> = finding
        .related
        .iter()
        .filter_map(|r| {
            let (_, other) = st.note(&r.path)?;
            Some(DiagnosticRelatedInformation {
                location: Location::new(st.uri(&r.path)?, other.range(&r.span)),
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

fn severity(s: Severity) -> DiagnosticSeverity {
    match s {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
        Severity::Hint => DiagnosticSeverity::HINT,
    }
}
