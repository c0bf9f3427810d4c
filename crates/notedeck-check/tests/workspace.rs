//! The editor and CI must agree: `check_file` on each file gives exactly that file's share of
//! `check_all`, also after edits and removals.

use notedeck_check::{Finding, Workspace};
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
    assert!(all.iter().any(|f| f.code == "conflicting-expansion"));
    assert_eq!(per_file(&ws), all);

    // After an edit that removes the Row-rank typo, both views drop it.
    let fixed = NOTES.replace("LoRA (Row-rank Adaptation)", "LoRA (Low-Rank Adaptation)");
    ws.set(PathBuf::from("notes/역량평가 정리.md"), &fixed);
    let all = ws.check_all();
    assert_eq!(per_file(&ws), all);
    let in_notes: Vec<&str> = all
        .iter()
        .filter(|f| f.path == Path::new("notes/역량평가 정리.md"))
        .map(|f| f.code)
        .collect();
    assert!(!in_notes.contains(&"acronym-mismatch"), "{in_notes:?}");
    // The fixture still has its own Row-rank line, now outvoted by two Low-Rank headings.
    assert!(
        all.iter()
            .any(|f| f.code == "conflicting-expansion" && f.path == Path::new("b/nlp.md"))
    );

    ws.remove(Path::new("b/nlp.md"));
    let all = ws.check_all();
    assert_eq!(per_file(&ws), all);
    assert!(all.iter().all(|f| f.path != Path::new("b/nlp.md")));
}
