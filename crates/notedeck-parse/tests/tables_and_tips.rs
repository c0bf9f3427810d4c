//! A comparison table with its subjects in columns, and tips in quotes and after `**Exam
//! tip:**`, on fragments copied from the user's notes (`notes/역량평가 정리.md`). Each case
//! shows the cards as `kind | deck | front => back`.

mod common;

use common::{cards, doc};
use notedeck_parse::ClaimOrigin;

#[test]
fn comparison_table_with_subjects_in_columns() {
    let d = doc("## **3. 비교 요약 표**

| 항목 | Grad-CAM | Score-CAM |
| --- | --- | --- |
| **Gradient 필요** | ✔ 필요 | ✘ 불필요 |
| **계산량** | 적음 | 많음 (채널 수 × forward) |
");
    let c = cards(&d);
    assert_eq!(
        c,
        [
            "table | 역량평가 정리::문제 9 | Score-CAM › Gradient 필요 => ✘ 불필요",
            "table | 역량평가 정리::문제 9 | Grad-CAM › 계산량 => 적음",
            "table | 역량평가 정리::문제 9 | Score-CAM › 계산량 => 많음 (채널 수 × forward)",
        ]
    );
    // No topic here is named by the table: it belongs where it sits, shown once (Context).
    assert_eq!(d.cards[0].context, None);
    assert_eq!(d.cards[0].context_path(), ["문제 9", "비교 요약 표"]);
    assert_eq!(d.cards[2].key, "계산량 › Score-CAM");
    // `✔ 필요` under `Gradient 필요` only repeats the question: no card, but still a claim.
    assert!(
        d.claims
            .iter()
            .any(|c| c.subject == "Grad-CAM" && c.value == "✔ 필요")
    );
    let claim = d
        .claims
        .iter()
        .find(|c| c.value.starts_with("많음"))
        .expect("cell claim");
    assert_eq!(
        (claim.subject.as_str(), claim.attribute.as_str()),
        ("Score-CAM", "계산량")
    );
    assert_eq!(claim.origin, ClaimOrigin::TableCell);
    assert!(d.terms.is_empty(), "많음 (채널 수 × forward) is not a term");
}

#[test]
fn quote_tip_and_exam_tip() {
    let d = doc("📌 **암기 포인트**

> “DARTS = NAS를 미분 가능하게 만든 방법, discrete → continuous”
> 

**Exam tip:**

Level 0 = *Manual, Script-driven, No CI/CD*

**Exam tip:**

Keywords = *Manual, Script-driven, No CI/CD*
");
    assert_eq!(
        cards(&d),
        [
            "cloze | 역량평가 정리::문제 9 | “DARTS = {{c1::NAS를 미분 가능하게 만든 방법, discrete → continuous}}” => ",
            "cloze | 역량평가 정리::문제 9 | Level 0 = {{c1::<em>Manual, Script-driven, No CI/CD</em>}} => ",
        ]
    );
    // "Keywords = ?" asks nothing a student can answer; each keyword has its own card.
    assert_eq!(
        d.skipped.last().map(|s| s.reason.as_str()),
        Some("lists the topic's keywords, which its own cards ask")
    );
}

#[test]
fn a_cell_whose_subject_names_its_count_is_no_card() {
    let d = doc("| 구분 | 학습 시 새로운 클래스 데이터 | 테스트 시 |
| --- | --- | --- |
| **Zero-Shot** | 없음 | Unseen만 |
| **One-Shot** | 1개 | 그 클래스 예측 |
| **Few-Shot** | 소량(2~수십 개) | 그 클래스 예측 |
| **GZSL** | 없음 | Seen+Unseen 모두 |
");
    assert_eq!(
        cards(&d),
        [
            "table | 역량평가 정리::문제 9 | Zero-Shot › 테스트 시 => Unseen만",
            "table | 역량평가 정리::문제 9 | One-Shot › 테스트 시 => 그 클래스 예측",
            "table | 역량평가 정리::문제 9 | Few-Shot › 학습 시 새로운 클래스 데이터 => 소량(2~수십 개)",
            "table | 역량평가 정리::문제 9 | Few-Shot › 테스트 시 => 그 클래스 예측",
            "table | 역량평가 정리::문제 9 | GZSL › 학습 시 새로운 클래스 데이터 => 없음",
            "table | 역량평가 정리::문제 9 | GZSL › 테스트 시 => Seen+Unseen 모두",
        ]
    );
    let skipped: Vec<usize> = d
        .skipped
        .iter()
        .filter(|s| s.reason.contains("count its subject's name says"))
        .map(|s| s.line)
        .collect();
    // The Zero-Shot and One-Shot rows, after the four lines `doc` puts above the fragment.
    assert_eq!(skipped, [7, 8]);
    // Still claims: a table elsewhere saying `Zero-Shot | 1개` is a conflict.
    assert!(
        d.claims
            .iter()
            .any(|c| c.subject == "Zero-Shot" && c.value == "없음")
    );
}

#[test]
fn a_subject_is_asked_without_its_parenthesis_but_a_numbered_label_is_its_name() {
    let d = doc(
        "| 구분 | Level 1 (CT 중심) | CI/CD 완전 자동화 (Level 2) | Model-as-a-Service (MaaS) |
| --- | --- | --- | --- |
| **주요 목적** | 데이터 변화 대응 | 코드 변경 대응 | 모델을 API로 제공 |
",
    );
    assert_eq!(
        cards(&d),
        [
            "definition | 역량평가 정리::문제 9 | MaaS => Model-as-a-Service",
            "table | 역량평가 정리::문제 9 | Level 1 › 주요 목적 => 데이터 변화 대응",
            "table | 역량평가 정리::문제 9 | Level 2 › 주요 목적 => 코드 변경 대응",
            "table | 역량평가 정리::문제 9 | Model-as-a-Service › 주요 목적 => 모델을 API로 제공",
        ]
    );
    // The key, and so the id, still comes from the cells as written.
    assert_eq!(d.cards[2].key, "주요 목적 › CI/CD 완전 자동화 (Level 2)");
}
