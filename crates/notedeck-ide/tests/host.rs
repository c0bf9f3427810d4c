//! The analysis host as an editor drives it, on a real folder: opening, editing, closing and
//! files changing on disk, and which other files each change reaches.

use notedeck_check::Code;
use notedeck_ide::{AnalysisHost, load};
use std::path::{Path, PathBuf};

const CARD_A: &str = "# 기출 복기\n\n### 문항3\n\n## **1. BERT**\n\n- **한계**: MLM 시 [MASK] 토큰이 실제 사용 환경과 불일치(노이즈)\n";
const CARD_B: &str =
    "# 기출 복기\n\n### 문항3\n\n## **1. BERT**\n\n- **한계**: 사전 학습과 미세 조정의 불일치\n";
const CLAIM_A: &str = "## LoRA\n\n- **랭크 수**: 8개\n";
const CLAIM_B: &str = "## Lora\n\n- **랭크 수**: 4개\n";
const UNRELATED: &str = "# 기출 복기\n\n### 문항4\n\n## **2. ResNet**\n\n- **특징**: 잔차 연결\n";

/// A folder holding `a.md`, `b.md` and `c.md`, loaded into a host as the startup scan does.
fn vault(a: &str, b: &str) -> (tempfile::TempDir, AnalysisHost) {
    let dir = tempfile::tempdir().expect("tmp");
    for (name, text) in [("a.md", a), ("b.md", b), ("c.md", UNRELATED)] {
        std::fs::write(dir.path().join(name), text).expect("write");
    }
    let mut host = AnalysisHost::new(vec![dir.path().to_path_buf()]);
    let files = host.files_to_load();
    assert_eq!(files.len(), 3);
    host.insert_loaded(load(&files, None));
    (dir, host)
}

fn has(host: &AnalysisHost, path: &Path, code: Code) -> bool {
    host.analysis()
        .workspace()
        .check_file(path)
        .iter()
        .any(|f| f.code == code)
}

fn names(dir: &Path, affected: impl IntoIterator<Item = PathBuf>) -> Vec<String> {
    affected
        .into_iter()
        .map(|p| p.strip_prefix(dir).unwrap_or(&p).display().to_string())
        .collect()
}

#[test]
fn renaming_a_shared_heading_in_the_buffer_reaches_the_closed_duplicate() {
    let (dir, mut host) = vault(CARD_A, CARD_B);
    let (a, b) = (dir.path().join("a.md"), dir.path().join("b.md"));
    assert!(has(&host, &b, Code::DuplicateCard));

    host.open(a.clone(), CARD_A);
    let renamed = CARD_A.replace("## **1. BERT**", "## **1. RoBERTa**");
    let affected = host.edit(&a, &renamed).expect("open");
    assert_eq!(names(dir.path(), affected), ["a.md", "b.md"]);
    assert!(!has(&host, &b, Code::DuplicateCard));

    // Closing without saving: the disk is the truth again, and the duplicate is back.
    let affected = host.close(&a);
    assert_eq!(names(dir.path(), affected), ["a.md", "b.md"]);
    assert!(has(&host, &b, Code::DuplicateCard));
}

#[test]
fn agreeing_with_a_claim_clears_the_conflict_in_the_other_file() {
    let (dir, mut host) = vault(CLAIM_A, CLAIM_B);
    let (a, b) = (dir.path().join("a.md"), dir.path().join("b.md"));
    assert!(has(&host, &b, Code::ConflictingClaim));

    host.open(a.clone(), CLAIM_A);
    let affected = host.edit(&a, &CLAIM_A.replace("8개", "4개")).expect("open");
    assert_eq!(names(dir.path(), affected), ["a.md", "b.md"]);
    assert!(!has(&host, &b, Code::ConflictingClaim));
}

#[test]
fn the_buffer_wins_over_the_disk_until_closed() {
    let (dir, mut host) = vault(CLAIM_A, CLAIM_B);
    let (a, b) = (dir.path().join("a.md"), dir.path().join("b.md"));
    host.open(a.clone(), &CLAIM_A.replace("8개", "4개"));
    std::fs::write(&a, CLAIM_A).expect("write");
    assert!(host.file_changed_on_disk(&a).is_none(), "open: ignored");
    assert!(!has(&host, &b, Code::ConflictingClaim));

    // A closed file that changes on disk is read again, and its conflict reaches b.md.
    host.close(&a);
    std::fs::write(&a, CLAIM_A.replace("8개", "4개")).expect("write");
    let affected = host.file_changed_on_disk(&a).expect("closed");
    assert_eq!(names(dir.path(), affected), ["a.md", "b.md"]);
    assert!(!has(&host, &b, Code::ConflictingClaim));
    std::fs::remove_file(&a).expect("rm");
    let affected = host.file_changed_on_disk(&a).expect("closed");
    assert_eq!(names(dir.path(), affected), ["a.md", "b.md"]);
    assert!(host.analysis().note(&a).is_none());
}
