//! Findings -> `textDocument/publishDiagnostics`.
//!
//! A damaged file (wrong encoding) gets a single diagnostic at the top instead of its findings:
//! the checker's view of mojibake is noise. Uncertain characters left by an accepted repair get
//! one hint each.

use notedeck_check::{Finding, Workspace};
use notedeck_ide::{Analysis, TermCache};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use tower_lsp_server::ls_types::{Diagnostic, Uri};

use crate::state::State;
use crate::to_proto;

/// Diagnostics for one file, from its current text (the buffer if open).
pub fn for_file(st: &State, path: &Path) -> Vec<Diagnostic> {
    for_files(st, &[path]).pop().unwrap_or_default()
}

/// [`for_file`] for each of `paths`, in that order, checked together: the files an edit
/// affects share its terms, and each term's sites are gathered once for all of them.
pub fn for_files(st: &State, paths: &[&Path]) -> Vec<Vec<Diagnostic>> {
    let analysis = st.analysis();
    paths
        .iter()
        .zip(analysis.diagnostics_of(paths))
        .map(|(path, findings)| with_hints(st, path, &findings))
        .collect()
}

/// `findings` of `path` as diagnostics, with the hints of the open buffer and the leeches.
fn with_hints(st: &State, path: &Path, findings: &[Finding]) -> Vec<Diagnostic> {
    let Some((_, text)) = st.note(path) else {
        return Vec::new();
    };
    let mut out: Vec<Diagnostic> = findings
        .iter()
        .filter_map(|f| to_diagnostic(st, f))
        .collect();
    if let Some(doc) = st.open.get(path) {
        out.extend(
            doc.uncertain
                .iter()
                .map(|u| to_proto::uncertain_hint(text, u)),
        );
    }
    out.extend(
        st.analysis()
            .leeches(path)
            .iter()
            .map(|l| to_proto::leech(text, l)),
    );
    out
}

/// Diagnostics for every file of `ws` that has any, for the startup scan. `ws` may be a
/// snapshot checked without the server's lock, so it is read for texts and `uri` gives each
/// path's URI (the client's spelling for open files).
pub fn for_workspace(
    ws: &Workspace,
    uri: &dyn Fn(&Path) -> Option<Uri>,
) -> BTreeMap<PathBuf, Vec<Diagnostic>> {
    let terms = TermCache::default();
    Analysis::new(ws, &[], &terms)
        .all_diagnostics()
        .into_iter()
        .map(|(path, findings)| {
            let diags = findings
                .iter()
                .filter_map(|f| to_proto::diagnostic(ws, uri, f))
                .collect();
            (path, diags)
        })
        .collect()
}

/// One finding as a diagnostic; `None` if its file is not in the workspace.
pub fn to_diagnostic(st: &State, finding: &Finding) -> Option<Diagnostic> {
    to_proto::diagnostic(st.ws(), &|path| st.uri(path), finding)
}
