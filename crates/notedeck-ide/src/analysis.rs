//! [`Analysis`]: an immutable view of the vault that answers the editor's questions with plain
//! structs (byte spans, paths, text). It holds no lock and speaks no protocol; the language
//! server converts its answers, and tests call it directly on inline fixtures.

use notedeck_anki::collection::Collection;
use notedeck_check::{Code, Finding, Note, Severity, Workspace};
use notedeck_parse::{Card, LineIndex, Span};
use std::path::{Path, PathBuf};

use crate::terms::TermCache;

/// A place in a note: the file and a byte span in its current text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The note.
    pub path: PathBuf,
    /// Byte span in its text.
    pub span: Span,
}

/// The vault as one moment saw it: every note (open ones as their buffers), the roots for
/// display paths and the cached term answers.
#[derive(Clone, Copy)]
pub struct Analysis<'a> {
    pub(crate) ws: &'a Workspace,
    pub(crate) roots: &'a [PathBuf],
    pub(crate) terms: &'a TermCache,
    /// The student's Anki collection, when one was read: review state for lenses, hovers
    /// and leech diagnostics.
    pub(crate) reviews: Option<&'a Collection>,
    pub(crate) leech_severity: Severity,
}

impl<'a> Analysis<'a> {
    /// A view of `ws`; `roots` turn paths into the short form shown to people; `terms` caches
    /// term answers until the workspace changes.
    pub fn new(ws: &'a Workspace, roots: &'a [PathBuf], terms: &'a TermCache) -> Self {
        Analysis {
            ws,
            roots,
            terms,
            reviews: None,
            leech_severity: Severity::Info,
        }
    }

    /// The same view with the student's review state: `reviews` read from their collection,
    /// leeches flagged with `leech_severity`.
    pub fn with_reviews(self, reviews: Option<&'a Collection>, leech_severity: Severity) -> Self {
        Analysis {
            reviews,
            leech_severity,
            ..self
        }
    }

    /// The checker's workspace behind this view.
    pub fn workspace(&self) -> &'a Workspace {
        self.ws
    }

    /// One note, if the vault holds it.
    pub fn note(&self, path: &Path) -> Option<&'a Note> {
        self.ws.get(path)
    }

    /// The findings to show for one note: the checker's, except that a note damaged by a wrong
    /// encoding shows only that (every other rule reads mojibake there, and says nothing
    /// useful until it is repaired).
    pub fn diagnostics(&self, path: &Path) -> Vec<Finding> {
        only_damage(self.ws.check_file(path))
    }

    /// [`Analysis::diagnostics`] for each of `paths`, in that order, the cross-file keys they
    /// share looked at once (see [`Workspace::check_files`]).
    pub fn diagnostics_of(&self, paths: &[&Path]) -> Vec<Vec<Finding>> {
        self.ws
            .check_files(paths)
            .into_iter()
            .map(only_damage)
            .collect()
    }

    /// [`Analysis::diagnostics`] for every note that has any, checked on all cores.
    pub fn all_diagnostics(&self) -> Vec<(PathBuf, Vec<Finding>)> {
        let mut by_file: Vec<(PathBuf, Vec<Finding>)> = Vec::new();
        for finding in self.ws.check_all() {
            match by_file.last_mut() {
                Some((path, findings)) if *path == finding.path => findings.push(finding),
                _ => by_file.push((finding.path.clone(), vec![finding])),
            }
        }
        by_file
            .into_iter()
            .map(|(path, findings)| (path, only_damage(findings)))
            .collect()
    }

    /// The terms whose hover and definition answers are worth computing ahead of the first
    /// hover ([`Analysis::warm_term`]): those written in many files, all of them (`paths`
    /// `None`, once the vault is loaded) or those `paths` write (after an edit of them made
    /// the cache forget their terms). A term in few files costs little the first time.
    pub fn common_terms(&self, paths: Option<&[&Path]>) -> Vec<String> {
        let mut names: Vec<&str> = match paths {
            None => self.ws.common_terms(COMMON_TERM_FILES),
            Some(paths) => paths
                .iter()
                .filter_map(|p| self.ws.get(p))
                .flat_map(|note| note.doc.terms.iter().map(|t| t.name.as_str()))
                .filter(|name| self.ws.is_common_term(name, COMMON_TERM_FILES))
                .collect(),
        };
        names.sort_unstable();
        names.dedup();
        names.into_iter().map(str::to_string).collect()
    }

    /// Compute and cache the hover and definition answers about term `name`, if not cached.
    pub fn warm_term(&self, name: &str) {
        self.terms.warm(self.ws, [name]);
    }

    /// A path as a person reads it: relative to the workspace root that holds it.
    pub fn display_path(&self, path: &Path) -> String {
        display_path(self.roots, path)
    }

    /// `역량평가 정리.md, line 121`: where a byte offset of a note is, for people.
    pub(crate) fn place(&self, path: &Path, offset: usize) -> String {
        format!(
            "{}, line {}",
            self.display_path(path),
            self.line_number(path, offset)
        )
    }

    /// 1-based line of a byte offset (0 if the note is gone).
    pub(crate) fn line_number(&self, path: &Path, offset: usize) -> usize {
        self.ws.get(path).map_or(0, |note| {
            note.lines.line_of(offset.min(note.text.len())) + 1
        })
    }
}

/// Terms written in at least this many files have their answers computed ahead of the first
/// hover ([`Analysis::warm_terms`]): gathering a term's sites in a thousand files takes about
/// a millisecond, and a term in every note of a 10,000-note vault several.
const COMMON_TERM_FILES: usize = 500;

fn only_damage(mut findings: Vec<Finding>) -> Vec<Finding> {
    if findings.iter().any(|f| f.code == Code::DamagedEncoding) {
        findings.retain(|f| f.code == Code::DamagedEncoding);
    }
    findings
}

/// A path relative to the root that holds it, else as it is.
pub fn display_path(roots: &[PathBuf], path: &Path) -> String {
    roots
        .iter()
        .find_map(|root| path.strip_prefix(root).ok())
        .unwrap_or(path)
        .display()
        .to_string()
}

/// The innermost card whose source holds `offset`.
pub(crate) fn card_at(cards: &[Card], offset: usize) -> Option<&Card> {
    cards
        .iter()
        .filter(|c| c.span.start <= offset && offset < c.span.end.max(c.span.start + 1))
        .min_by_key(|c| c.span.len())
}

/// Byte span of the whole line holding `offset`, without its line break.
pub fn line_span(text: &str, lines: &LineIndex, offset: usize) -> Span {
    let line = lines.line_of(offset.min(text.len()));
    let start = lines.line_start(line);
    let end = if line + 1 < lines.line_count() {
        lines.line_start(line + 1).saturating_sub(1)
    } else {
        text.len()
    };
    let end = if text.get(..end).is_some_and(|t| t.ends_with('\r')) {
        end - 1
    } else {
        end
    };
    start..end.max(start)
}

/// The span of the occurrence of `name` on the line of `offset` that covers `offset`.
pub(crate) fn word_span(text: &str, lines: &LineIndex, offset: usize, name: &str) -> Option<Span> {
    let line = line_span(text, lines, offset);
    let line_text = text.get(line.clone())?;
    line_text
        .match_indices(name)
        .map(|(i, _)| line.start + i..line.start + i + name.len())
        .find(|span| span.start <= offset && offset <= span.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_span_excludes_the_line_break() {
        let text = "# 제목\r\n📌 팁\n끝";
        let lines = LineIndex::new(text);
        let pin = text.find('📌').expect("pin");
        assert_eq!(&text[line_span(text, &lines, pin + 1)], "📌 팁");
        assert_eq!(&text[line_span(text, &lines, 0)], "# 제목");
        assert_eq!(&text[line_span(text, &lines, text.len())], "끝");
    }
}
