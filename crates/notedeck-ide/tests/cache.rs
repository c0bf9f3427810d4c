//! The note cache: a note read back from it is the note a parse gives, and anything that does
//! not match (another text, a damaged file) is parsed again.

use notedeck_check::{Code, Note, Workspace};
use notedeck_ide::{NoteCache, background_note};
use std::path::{Path, PathBuf};

/// Every note the checker holds of `text`, as text: what a rule could read of it.
fn shape(note: &Note) -> String {
    format!(
        "{:?}\n{:?}\n{:?}\n{:?}\n{}",
        note.doc, note.cards, note.pins, note.own_words, note.text
    )
}

/// The repository's notes and every fixture vault's notes, with their text.
fn real_notes() -> Vec<(PathBuf, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut dirs = vec![root.join("notes")];
    for entry in std::fs::read_dir(root.join("tests")).expect("tests/") {
        let path = entry.expect("entry").path();
        if path.is_dir()
            && path
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("notes-fixture"))
        {
            dirs.push(path);
        }
    }
    let mut notes = Vec::new();
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("a folder of notes") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "md")
                && let Ok(text) = std::fs::read_to_string(&path)
            {
                notes.push((path, text));
            }
        }
    }
    notes.sort();
    notes
}

fn cache_in(dir: &Path) -> NoteCache {
    NoteCache::at(dir.to_path_buf()).expect("the test binary can be identified")
}

/// The files the cache holds.
fn entries(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir.join("notes"))
        .map(|entries| entries.map(|e| e.expect("entry").path()).collect())
        .unwrap_or_default()
}

/// The cache's files with their inode numbers, which a rewrite changes.
fn inodes(dir: &Path) -> Vec<(PathBuf, u64)> {
    use std::os::unix::fs::MetadataExt;
    let mut files: Vec<_> = entries(dir)
        .into_iter()
        .map(|path| {
            let inode = std::fs::metadata(&path).expect("entry").ino();
            (path, inode)
        })
        .collect();
    files.sort();
    files
}

#[test]
fn a_note_read_back_is_the_note_a_parse_gives() {
    let notes = real_notes();
    assert!(
        notes.len() >= 10,
        "the notes and fixtures are found: {}",
        notes.len()
    );
    let dir = tempfile::tempdir().expect("tmp");
    let cache = cache_in(dir.path());
    for (path, text) in &notes {
        let parsed = background_note(path, text);
        let written = cache.background_note(path, text);
        assert_eq!(shape(&written), shape(&parsed), "{}", path.display());
    }
    let written = inodes(dir.path());
    assert_eq!(written.len(), notes.len(), "one file per note");
    for (path, text) in &notes {
        let parsed = background_note(path, text);
        let read = cache.background_note(path, text);
        assert_eq!(shape(&read), shape(&parsed), "{}", path.display());
    }
    // Read, not parsed again: a parse writes its entry anew, as another file renamed into
    // place.
    assert_eq!(inodes(dir.path()), written);
    let held: Vec<(PathBuf, Note)> = notes
        .iter()
        .map(|(path, text)| (path.clone(), cache.background_note(path, text)))
        .collect();
    let fresh: Vec<(PathBuf, Note)> = notes
        .iter()
        .map(|(path, text)| (path.clone(), background_note(path, text)))
        .collect();
    let findings = |notes: Vec<(PathBuf, Note)>| {
        let mut ws = Workspace::new();
        ws.load_unchanging(notes);
        format!("{:?}", ws.check_all())
    };
    let cached = findings(held);
    assert!(cached.contains("ConflictingExpansion") || cached.contains("DuplicateCard"));
    assert_eq!(cached, findings(fresh));
}

#[test]
fn a_changed_text_or_a_damaged_file_is_parsed_again() {
    let dir = tempfile::tempdir().expect("tmp");
    let cache = cache_in(dir.path());
    let path = Path::new("/notes/lora.md");
    let agree = "## LoRA\n\n- LoRA (Low-Rank Adaptation)\n- **랭크 수**: 8개\n";
    let slip = "## LoRA\n\n- LoRA (Low-Rank Adaptation)\n- LoRA (Row-Rank Adaptation)\n";
    let first = cache.background_note(path, agree);
    assert_eq!(first.doc.terms.len(), 1);
    let entry = entries(dir.path());
    assert_eq!(entry.len(), 1);

    // The same path with another text: its own parse, written over the old entry.
    let changed = cache.background_note(path, slip);
    assert_eq!(shape(&changed), shape(&background_note(path, slip)));
    assert_eq!(changed.doc.terms.len(), 2);
    assert_eq!(
        entries(dir.path()),
        entry,
        "the entry is replaced, not added to"
    );
    let mut ws = Workspace::new();
    ws.load_unchanging(vec![(path.to_path_buf(), changed)]);
    assert!(
        ws.check_all()
            .iter()
            .any(|f| f.code == Code::ConflictingExpansion)
    );

    // A damaged entry (cut short, or garbage after a valid key) is a miss, not an error.
    let bytes = std::fs::read(&entry[0]).expect("entry");
    for damaged in [bytes[..bytes.len() / 2].to_vec(), {
        let mut b = bytes[..32].to_vec();
        b.extend_from_slice(&[0xff; 64]);
        b
    }] {
        std::fs::write(&entry[0], damaged).expect("damage");
        let again = cache.background_note(path, slip);
        assert_eq!(shape(&again), shape(&background_note(path, slip)));
        assert_eq!(std::fs::read(&entry[0]).expect("rewritten"), bytes);
    }
}

#[test]
fn a_cache_that_cannot_be_written_costs_nothing_but_time() {
    let dir = tempfile::tempdir().expect("tmp");
    // A file where the cache's folder should be: nothing can be written under it.
    let blocked = dir.path().join("blocked");
    std::fs::write(&blocked, "not a folder").expect("write");
    let cache = cache_in(&blocked);
    let text = "## LoRA\n\n- LoRA (Low-Rank Adaptation)\n";
    let path = Path::new("/notes/a.md");
    assert_eq!(
        shape(&cache.background_note(path, text)),
        shape(&background_note(path, text))
    );
}

#[test]
fn one_file_written_two_ways_has_one_entry() {
    // Lint walks `notes/a.md` as typed, the language server has an absolute path: one real
    // file, one entry, and the second run reads what the first wrote.
    let notes = tempfile::tempdir().expect("tmp");
    std::fs::create_dir(notes.path().join("sub")).expect("mkdir");
    let file = notes.path().join("a.md");
    let text = "## LoRA\n\n- LoRA (Low-Rank Adaptation)\n";
    std::fs::write(&file, text).expect("write");
    let dir = tempfile::tempdir().expect("tmp");
    let cache = cache_in(dir.path());
    cache.background_note(&file, text);
    let written = inodes(dir.path());
    assert_eq!(written.len(), 1);
    let roundabout = notes.path().join("sub").join("..").join("a.md");
    let read = cache.background_note(&roundabout, text);
    assert_eq!(shape(&read), shape(&background_note(&roundabout, text)));
    assert_eq!(inodes(dir.path()), written, "read, not written again");
}
