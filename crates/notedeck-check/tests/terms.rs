//! Terms across a workspace, on the user's notes and fragments in their style:
//! `conflicting-expansion`, `acronym-mismatch`, and the term index behind hover, definition,
//! references and completion.

use notedeck_check::{Code, Finding, Workspace};
use std::path::{Path, PathBuf};

const NOTES: &str = include_str!("../../../notes/역량평가 정리.md");
const REAL: &str = "notes/역량평가 정리.md";

fn workspace(files: &[(&str, &str)]) -> Workspace {
    let mut ws = Workspace::new();
    for (path, text) in files {
        ws.set(PathBuf::from(path), text);
    }
    ws
}

fn with_code<'a>(findings: &'a [Finding], code: &str) -> Vec<&'a Finding> {
    findings
        .iter()
        .filter(|f| f.code.as_str() == code)
        .collect()
}

/// Line (1-based) and text of a span.
fn at(text: &str, span: &std::ops::Range<usize>) -> (usize, String) {
    (
        text[..span.start].matches('\n').count() + 1,
        text[span.clone()].to_string(),
    )
}

#[test]
fn row_rank_is_the_one_conflicting_expansion_in_the_notes() {
    let ws = workspace(&[(REAL, NOTES)]);
    let all = ws.check_all();
    let found = with_code(&all, "conflicting-expansion");
    assert_eq!(found.len(), 1, "{found:#?}");
    let f = found[0];
    assert_eq!(at(NOTES, &f.span), (115, "Row-rank Adaptation".to_string()));
    assert_eq!(f.related.len(), 1);
    assert_eq!(
        at(NOTES, &f.related[0].span),
        (121, "Low-Rank Adaptation".to_string())
    );
    assert!(
        f.message.contains("\"Low-Rank Adaptation\""),
        "{}",
        f.message
    );

    // The fix rewrites the expansion and nothing else.
    let edit = &f.fixes[0].edits[0];
    let mut fixed = NOTES.to_string();
    fixed.replace_range(edit.span.clone(), &edit.new_text);
    assert!(fixed.contains("\n\nLoRA (Low-Rank Adaptation)\n\n- LLM의"));
    assert_eq!(fixed.len(), NOTES.len());
    let ws = workspace(&[(REAL, &fixed)]);
    assert!(with_code(&ws.check_all(), "conflicting-expansion").is_empty());
}

#[test]
fn row_rank_is_the_one_acronym_mismatch_in_the_notes() {
    let ws = workspace(&[(REAL, NOTES)]);
    let all = ws.check_all();
    let found = with_code(&all, "acronym-mismatch");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        at(NOTES, &found[0].span),
        (115, "Row-rank Adaptation".to_string())
    );
    // The fix proposes the expansion that does spell LoRA.
    assert_eq!(found[0].fixes[0].edits[0].new_text, "Low-Rank Adaptation");
}

#[test]
fn the_minority_expansion_is_flagged_in_its_own_file() {
    let a = "# 자연어처리 요약\n\n### 문항3\n\n## **2. MoE (Mixture of Encoders)**\n\n- **구조**: 여러 expert 중 일부만 활성화\n";
    let b = "# 자연어처리 핵심 개념\n\n### 문항7\n\n## **1. MoE (Mixture of Experts)**\n\n- **장점**: 연산량 대비 파라미터 수 증가\n";
    let c = "# 머신러닝 기초 심화\n\n- **비교 대상**: MoE (Mixture of Experts) 와 dense 모델\n";
    let ws = workspace(&[("a.md", a), ("b.md", b), ("c.md", c)]);
    let in_a = ws.check_file(Path::new("a.md"));
    let found = with_code(&in_a, "conflicting-expansion");
    assert_eq!(found.len(), 1, "{in_a:#?}");
    assert_eq!(&a[found[0].span.clone()], "Mixture of Encoders");
    assert_eq!(found[0].fixes[0].edits[0].new_text, "Mixture of Experts");
    assert_eq!(found[0].related.len(), 2);
    assert!(ws.check_file(Path::new("b.md")).is_empty());
    assert!(ws.check_file(Path::new("c.md")).is_empty());
    // check_all reports the same finding once.
    assert_eq!(with_code(&ws.check_all(), "conflicting-expansion"), found);
}

#[test]
fn benign_variants_are_not_conflicts() {
    let files = [
        (
            "a.md",
            "## **1. WAL (Write-Ahead Logging)**\n\n- **KNN (k-Nearest Neighbors)**: 거리 기반\n- RTT (Round-Trip Time) 측정\n- **LSTM (Long Short-Term Memory)**\n",
        ),
        (
            "b.md",
            "## **WAL (Write Ahead Logging)**\n\n- KNN (k-nearest neighbors) 분류\n- RTT (round trip time) 증가\n- LSTM (Long Short Term Memory)\n",
        ),
        (
            "c.md",
            "- **BPE (Byte Pair Encoding)** 와 BPE (Byte-Pair Encoding)\n- MFA (Multi-Factor Authentication), MFA (Multi Factor Authentication)\n",
        ),
    ];
    let ws = workspace(&files);
    let all = ws.check_all();
    assert!(
        with_code(&all, "conflicting-expansion").is_empty(),
        "{all:#?}"
    );
    assert!(with_code(&all, "acronym-mismatch").is_empty(), "{all:#?}");
}

#[test]
fn editing_one_file_updates_cross_file_findings() {
    let a = "LoRA (Row-rank Adaptation)\n";
    let b = "## **LoRA (Low-Rank Adaptation)**\n";
    let mut ws = workspace(&[("a.md", a), ("b.md", b)]);
    assert_eq!(
        with_code(&ws.check_file(Path::new("a.md")), "conflicting-expansion").len(),
        1
    );
    ws.set(PathBuf::from("a.md"), "LoRA (Low-Rank Adaptation)\n");
    assert!(ws.check_file(Path::new("a.md")).is_empty());
    // Remove the definition: the other file's mismatch no longer has a rival.
    ws.set(PathBuf::from("a.md"), a);
    ws.remove(Path::new("b.md"));
    let left = ws.check_file(Path::new("a.md"));
    assert!(
        with_code(&left, "conflicting-expansion").is_empty(),
        "{left:#?}"
    );
    assert_eq!(with_code(&left, "acronym-mismatch").len(), 1);
    assert!(with_code(&left, "acronym-mismatch")[0].fixes.is_empty());
}

#[test]
fn term_index_on_the_notes() {
    let ws = workspace(&[(REAL, NOTES)]);

    let defs = ws.definitions("LoRA");
    assert_eq!(defs.len(), 2, "{defs:#?}");
    assert!(defs[0].term.is_heading);
    assert_eq!(defs[0].term.expansion, "Low-Rank Adaptation");

    let refs = ws.references("LoRA");
    let lines: Vec<usize> = refs.iter().map(|(_, s)| at(NOTES, s).0).collect();
    // The two definitions and the plain mentions such as "LoRA 모듈만 학습".
    for line in [115, 121, 126, 152, 154, 161] {
        assert!(lines.contains(&line), "line {line} missing from {lines:?}");
    }
    assert!(
        refs.iter()
            .all(|(p, s)| p == Path::new(REAL) && &NOTES[s.clone()] == "LoRA")
    );

    let mention = NOTES.find("LoRA 모듈만 학습").expect("the mention") + 2;
    assert_eq!(
        ws.term_at(Path::new(REAL), mention).as_deref(),
        Some("LoRA")
    );
    let korean = NOTES.find("저차원 행렬 A와").expect("Korean text");
    assert_eq!(ws.term_at(Path::new(REAL), korean), None);

    let terms = ws.terms();
    let lora = terms
        .iter()
        .find(|s| s.term.name == "LoRA")
        .expect("LoRA in terms()");
    assert_eq!(lora.term.expansion, "Low-Rank Adaptation");
    let names: Vec<&str> = terms.iter().map(|s| s.term.name.as_str()).collect();
    for name in [
        "BERT", "RoBERTa", "BART", "CAM", "Grad-CAM", "MaaS", "DARTS", "NAS",
    ] {
        assert!(names.contains(&name), "{name} missing from {names:?}");
    }
}

#[test]
fn a_term_whose_span_misses_its_text_is_left_alone() {
    // A parser slip (seen on a table row with a stray code fence): the term's spans point at a
    // backtick. Fixing "there" would overwrite the wrong text, so the term takes no part.
    let text = "| a | b |```\nLoRA (Row-rank Adaptation)\n";
    let path = PathBuf::from("slip.md");
    let mut note = notedeck_check::Note::new(&path, text);
    let tick = text.find('`').expect("a backtick");
    note.doc.terms = vec![notedeck_parse::Term {
        name: "LoRA".to_string(),
        expansion: "Row-rank Adaptation".to_string(),
        span: tick..tick + 1,
        name_span: tick..tick + 1,
        expansion_span: tick..tick + 1,
        is_heading: false,
    }];
    let mut ws = workspace(&[("good.md", "## **LoRA (Low-Rank Adaptation)**\n")]);
    ws.insert(path.clone(), note);
    let found = ws.check_file(&path);
    assert!(
        found
            .iter()
            .all(|f| f.code != Code::ConflictingExpansion && f.code != Code::AcronymMismatch),
        "{found:#?}"
    );
    assert_eq!(ws.definitions("LoRA").len(), 1);
}
