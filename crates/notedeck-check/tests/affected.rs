//! What `Workspace::set`, `insert` and `remove` say about the other files: every file whose
//! findings changed is in the returned `Affected`, and a file sharing no key is not.

use notedeck_check::{Affected, Code, Finding, Note, Workspace};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Findings of every file, by path.
fn findings(ws: &Workspace) -> BTreeMap<PathBuf, Vec<Finding>> {
    ws.notes()
        .map(|(path, _)| (path.clone(), ws.check_file(path)))
        .collect()
}

/// Apply `change` and check that every file whose findings changed (appeared, went away or
/// differ) is in the `Affected` it returns.
fn change(ws: &mut Workspace, change: impl FnOnce(&mut Workspace) -> Affected) -> Affected {
    let before = findings(ws);
    let affected = change(ws);
    let after = findings(ws);
    for path in before.keys().chain(after.keys()) {
        if before.get(path) != after.get(path) {
            assert!(
                affected.contains(path),
                "{} changed but is not in {affected:?}",
                path.display()
            );
        }
    }
    affected
}

fn paths(affected: &Affected) -> Vec<&str> {
    affected.iter().filter_map(Path::to_str).collect()
}

fn has(ws: &Workspace, path: &str, code: Code) -> bool {
    ws.check_file(Path::new(path))
        .iter()
        .any(|f| f.code == code)
}

const CARD_A: &str = "# 기출 복기\n\n### 문항3\n\n## **1. BERT**\n\n- **한계**: MLM 시 [MASK] 토큰이 실제 사용 환경과 불일치(노이즈)\n";
const CARD_B: &str =
    "# 기출 복기\n\n### 문항3\n\n## **1. BERT**\n\n- **한계**: 사전 학습과 미세 조정의 불일치\n";
const UNRELATED: &str = "# 기출 복기\n\n### 문항4\n\n## **2. ResNet**\n\n- **특징**: 잔차 연결\n";

#[test]
fn renaming_a_shared_heading_reaches_the_duplicate_in_the_other_file() {
    let mut ws = Workspace::new();
    ws.set(PathBuf::from("a.md"), CARD_A);
    ws.set(PathBuf::from("b.md"), CARD_B);
    ws.set(PathBuf::from("c.md"), UNRELATED);
    assert!(has(&ws, "b.md", Code::DuplicateCard));

    let renamed = CARD_A.replace("## **1. BERT**", "## **1. RoBERTa**");
    let affected = change(&mut ws, |ws| ws.set(PathBuf::from("a.md"), &renamed));
    assert_eq!(paths(&affected), ["a.md", "b.md"]);
    assert!(!has(&ws, "b.md", Code::DuplicateCard));

    // Back again: the new version's key reaches `b.md` too.
    let affected = change(&mut ws, |ws| {
        ws.insert(PathBuf::from("a.md"), Note::new(Path::new("a.md"), CARD_A))
    });
    assert_eq!(paths(&affected), ["a.md", "b.md"]);
    assert!(has(&ws, "b.md", Code::DuplicateCard));
}

#[test]
fn agreeing_with_a_claim_clears_the_conflict_in_the_other_file() {
    // The claim key is normalised: `LoRA` and `Lora` are one subject.
    let a = "## LoRA\n\n- **랭크 수**: 8개\n";
    let b = "## Lora\n\n- **랭크 수**: 4개\n";
    let mut ws = Workspace::new();
    ws.set(PathBuf::from("a.md"), a);
    ws.set(PathBuf::from("b.md"), b);
    ws.set(PathBuf::from("c.md"), UNRELATED);
    assert!(has(&ws, "b.md", Code::ConflictingClaim));
    assert!(!has(&ws, "a.md", Code::ConflictingClaim));

    let agreeing = a.replace("8개", "4개");
    let affected = change(&mut ws, |ws| ws.set(PathBuf::from("a.md"), &agreeing));
    assert_eq!(paths(&affected), ["a.md", "b.md"]);
    assert!(!has(&ws, "b.md", Code::ConflictingClaim));
}

#[test]
fn a_changed_expansion_reaches_every_file_using_the_term() {
    let good = "## **LoRA (Low-Rank Adaptation)**\n\n- 파라미터를 줄인다\n";
    let typo = "## **LoRA (Row-rank Adaptation)**\n\n- 파라미터를 줄인다\n";
    let mut ws = Workspace::new();
    ws.set(PathBuf::from("a.md"), good);
    ws.set(PathBuf::from("b.md"), good);
    ws.set(PathBuf::from("c.md"), UNRELATED);
    let affected = change(&mut ws, |ws| ws.set(PathBuf::from("d.md"), typo));
    assert_eq!(paths(&affected), ["a.md", "b.md", "d.md"]);
    assert!(has(&ws, "d.md", Code::ConflictingExpansion));
}

#[test]
fn removing_a_file_returns_the_files_that_shared_keys_with_it() {
    let mut ws = Workspace::new();
    ws.set(PathBuf::from("a.md"), CARD_A);
    ws.set(PathBuf::from("b.md"), CARD_B);
    ws.set(PathBuf::from("c.md"), UNRELATED);

    let affected = change(&mut ws, |ws| ws.remove(Path::new("a.md")));
    assert_eq!(paths(&affected), ["a.md", "b.md"]);
    assert!(!has(&ws, "b.md", Code::DuplicateCard));

    // A file with no shared key affects only itself; a file never added affects nothing.
    let affected = change(&mut ws, |ws| ws.remove(Path::new("c.md")));
    assert_eq!(paths(&affected), ["c.md"]);
    assert!(ws.remove(Path::new("c.md")).is_empty());
}

#[test]
fn a_file_added_fresh_reaches_the_files_it_now_conflicts_with() {
    let mut ws = Workspace::new();
    ws.set(PathBuf::from("b.md"), CARD_B);
    ws.set(PathBuf::from("c.md"), UNRELATED);
    // `a.md` sorts first, so it holds the first card and `b.md` becomes the repeat.
    let affected = change(&mut ws, |ws| ws.set(PathBuf::from("a.md"), CARD_A));
    assert_eq!(paths(&affected), ["a.md", "b.md"]);
    assert!(has(&ws, "b.md", Code::DuplicateCard));
}
