//! The editor and CI must agree: `check_file` on each file gives exactly that file's share of
//! `check_all`, also after edits and removals.

use notedeck_check::{Code, Finding, Workspace};
use std::path::{Path, PathBuf};

const NOTES: &str = include_str!("../../../notes/역량평가 정리.md");
const NLP: &str = include_str!("../../notedeck/tests/lint_fixtures/nlp.md");
const RL: &str = include_str!("../../notedeck/tests/lint_fixtures/rl.md");

fn per_file(ws: &Workspace) -> Vec<Finding> {
    let mut out = Vec::new();
    for (path, _) in ws.notes() {
        out.extend(ws.check_file(path));
    }
    out
}

#[test]
fn check_file_agrees_with_check_all() {
    let mut ws = Workspace::new();
    ws.set(PathBuf::from("notes/역량평가 정리.md"), NOTES);
    ws.set(PathBuf::from("b/nlp.md"), NLP);
    ws.set(PathBuf::from("a/rl.md"), RL);
    // A duplicate front in the same deck and a table contradicting a bullet, across files.
    let dup = "# 역량평가 정리\n\n### 문제9\n\n## 0. GPT\n\n- **사전 학습 목표**: 다음 토큰 예측\n";
    ws.set(PathBuf::from("notes/dup.md"), dup);
    let all = ws.check_all();
    assert!(all.iter().any(|f| f.code == Code::ConflictingExpansion));
    assert_eq!(per_file(&ws), all);

    // After an edit that removes the Row-rank typo, both views drop it.
    let fixed = NOTES.replace("LoRA (Row-rank Adaptation)", "LoRA (Low-Rank Adaptation)");
    ws.set(PathBuf::from("notes/역량평가 정리.md"), &fixed);
    let all = ws.check_all();
    assert_eq!(per_file(&ws), all);
    let in_notes: Vec<&str> = all
        .iter()
        .filter(|f| f.path == Path::new("notes/역량평가 정리.md"))
        .map(|f| f.code.as_str())
        .collect();
    assert!(!in_notes.contains(&"acronym-mismatch"), "{in_notes:?}");
    // The fixture still has its own Row-rank line, now outvoted by two Low-Rank headings.
    assert!(
        all.iter()
            .any(|f| f.code == Code::ConflictingExpansion && f.path == Path::new("b/nlp.md"))
    );

    ws.remove(Path::new("b/nlp.md"));
    let all = ws.check_all();
    assert_eq!(per_file(&ws), all);
    assert!(all.iter().all(|f| f.path != Path::new("b/nlp.md")));
}

#[test]
fn duplicate_cards_follow_edits_and_snapshots_keep_their_state() {
    // The same card in two files of one deck, then a third copy, then edits and removals: the
    // front index (one slot per front, a list once a front repeats) must follow each step, and
    // a clone taken on the way (a snapshot checked without a lock) must not see later changes.
    let card =
        "# 역량평가 정리\n\n### 문제9\n\n## 0. GPT\n\n- **사전 학습 목표**: 다음 토큰 예측\n";
    let duplicates = |ws: &Workspace| -> Vec<(PathBuf, usize)> {
        let all = ws.check_all();
        assert_eq!(per_file(ws), all);
        all.into_iter()
            .filter(|f| f.code == Code::DuplicateCard)
            .map(|f| (f.path, f.span.start))
            .collect()
    };
    let (a, b, c) = (
        PathBuf::from("a/gpt.md"),
        PathBuf::from("b/gpt.md"),
        PathBuf::from("c/gpt.md"),
    );
    let start = card.find("- **사전").expect("the bullet");
    let mut ws = Workspace::new();
    ws.set(a.clone(), card);
    assert_eq!(duplicates(&ws), []);
    ws.set(b.clone(), card);
    assert_eq!(duplicates(&ws), [(b.clone(), start)]);
    let snapshot = ws.clone();
    ws.set(c.clone(), card);
    assert_eq!(duplicates(&ws), [(b.clone(), start), (c.clone(), start)]);
    assert_eq!(duplicates(&snapshot), [(b.clone(), start)]);

    // Reworded in `a`: `b` holds the first card now, `c` repeats it.
    ws.set(a.clone(), &card.replace("사전 학습 목표", "사전 학습 방식"));
    assert_eq!(duplicates(&ws), [(c.clone(), start)]);
    ws.remove(&c);
    assert_eq!(duplicates(&ws), []);
    // Back to one slot holding `b`; a new copy in `a` makes `b` the repeat again.
    ws.set(a.clone(), card);
    assert_eq!(duplicates(&ws), [(b, start)]);
    assert_eq!(duplicates(&snapshot).len(), 1);
}

#[test]
fn a_workspace_loaded_once_gives_the_same_findings() {
    // The card index of `load_unchanging` keeps only the fronts two cards share: the same
    // duplicate-card findings (three copies of one front, in three files, in loading order),
    // and the same findings of every other rule, as a workspace that indexes every front.
    let dup = "# 역량평가 정리\n\n### 문제9\n\n## 0. GPT\n\n- **사전 학습 목표**: 다음 토큰 예측\n";
    let files: Vec<(PathBuf, &str)> = vec![
        (PathBuf::from("notes/역량평가 정리.md"), NOTES),
        (PathBuf::from("b/nlp.md"), NLP),
        (PathBuf::from("a/rl.md"), RL),
        (PathBuf::from("notes/dup.md"), dup),
        (PathBuf::from("a/dup.md"), dup),
        // The same path again: its first version's fronts must not count.
        (PathBuf::from("b/nlp.md"), NLP),
    ];
    let notes = || {
        files
            .iter()
            .map(|(path, text)| (path.clone(), notedeck_check::Note::new(path, text)))
            .collect::<Vec<_>>()
    };
    let (mut every, mut once) = (Workspace::new(), Workspace::new());
    every.insert_many(notes());
    once.load_unchanging(notes());
    let all = every.check_all();
    let duplicates = all.iter().filter(|f| f.code == Code::DuplicateCard).count();
    assert!(duplicates >= 2, "{all:?}");
    assert_eq!(once.check_all(), all);
    assert_eq!(per_file(&once), per_file(&every));
}
