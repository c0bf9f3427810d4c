//! Finding and reading the notes under the workspace roots at startup.

use notedeck_check::Note;
use notedeck_ide::vault;
use std::path::{Path, PathBuf};

/// At most this many notes are loaded: a workspace folder that is a home directory must not
/// make the server read every Markdown file on the disk.
pub const MAX_FILES: usize = 20_000;

/// Every `*.md` file under `roots` (at most [`MAX_FILES`]): the vault walker the CLI uses.
pub fn markdown_files(roots: &[PathBuf]) -> Vec<PathBuf> {
    vault::markdown_files_under(roots, MAX_FILES)
}

/// Read a note: UTF-8, or a legacy encoding `notedeck-repair` recognises (CP949, Shift-JIS).
/// `None` for files that cannot be read or decoded; the server analyses those only once the
/// client opens them (the client decoded them its own way).
pub fn read_note(path: &Path) -> Option<String> {
    vault::read_note(path).ok().map(|note| note.text)
}

/// Read and parse `files` on all cores; unreadable and non-UTF-8 files are left out.
pub fn load(files: Vec<PathBuf>) -> Vec<(PathBuf, Note)> {
    notedeck_ide::par_map(&files, |path| {
        let text = read_note(path)?;
        // A parser bug on one file must not lose the others.
        let note = std::panic::catch_unwind(|| background_note(path, &text));
        Some((path.clone(), note.ok()?))
    })
    .into_iter()
    .flatten()
    .collect()
}

/// A note the client does not have open, parsed and trimmed to what the checker's rules read.
///
/// On a 1,000-note vault (91,000 cards) the parsed `Card`s, each with its deck, heading path,
/// tags, id, key, front and back strings, were most of the server's memory, and nothing needs
/// them for a file that is not open: the card rules read the note's card digests
/// ([`Note::cards`]), the other rules the term, claim, section and image lists and the text.
/// Requests about a document's cards (hover, outline, pinning an id) come for an open one,
/// which is parsed in full from its buffer. `tests::trimmed_notes_give_the_same_findings`
/// holds the rules to this.
pub fn background_note(path: &Path, text: &str) -> Note {
    let mut note = Note::new(path, text);
    let doc = &mut note.doc;
    doc.cards = Vec::new();
    doc.terms.shrink_to_fit();
    doc.claims.shrink_to_fit();
    doc.sections.shrink_to_fit();
    doc.images.shrink_to_fit();
    doc.skipped = Vec::new();
    doc.problems = Vec::new();
    note
}

#[cfg(test)]
mod tests {
    use super::*;
    use notedeck_check::{Code, Workspace};

    #[test]
    fn trimmed_notes_give_the_same_findings() {
        // The real notes twice, the second copy a variant: cross-file conflicts, duplicate
        // cards across files, and every single-file rule the notes trigger.
        let notes = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../notes/역량평가 정리.md"),
        )
        .expect("the real notes are in notes/");
        let variant = notes
            .replace("LoRA (Low-Rank Adaptation)", "LoRA (Low Rank Adapter)")
            .replace("- **장점**", "- **장점**:");
        let files = [
            (PathBuf::from("/notes/역량평가 정리.md"), notes),
            (PathBuf::from("/notes/복습/역량평가 정리 사본.md"), variant),
        ];
        let (mut full, mut trimmed) = (Workspace::new(), Workspace::new());
        for (path, text) in &files {
            full.set(path.clone(), text);
            trimmed.insert(path.clone(), background_note(path, text));
        }
        let findings = full.check_all();
        assert!(
            findings.iter().any(|f| f.code == Code::DuplicateCard)
                && findings
                    .iter()
                    .any(|f| f.code == Code::ConflictingExpansion),
            "the fixture exercises the cross-file rules"
        );
        assert_eq!(trimmed.check_all(), findings);
        for (path, _) in &files {
            assert_eq!(trimmed.check_file(path), full.check_file(path));
            // The rules saw no `Card` of the trimmed notes, only the same digests.
            let full = full.get(path).expect("loaded in full");
            let trimmed = trimmed.get(path).expect("loaded trimmed");
            assert!(trimmed.doc.cards.is_empty() && !full.doc.cards.is_empty());
            assert_eq!(trimmed.cards, full.cards);
        }
    }
}
