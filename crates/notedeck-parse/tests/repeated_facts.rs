//! One fact, one card: a fact a card already asks is not asked again in another form, and
//! what a line only dates is not hidden as its fact.

mod common;

use common::{assert_skipped, cards, doc};
use notedeck_parse::CardKind;

/// The definition cards of `d`, as `name => expansion`.
fn definitions(d: &notedeck_parse::Document) -> Vec<String> {
    d.cards
        .iter()
        .filter(|c| c.kind == CardKind::Definition)
        .map(|c| format!("{} => {}", c.front, c.back))
        .collect()
}

#[test]
fn a_cell_answered_by_a_name_and_its_expansion_is_its_definition() {
    // `실제 Positive › 예측 Positive` → `TP (True Positive)` asks the expansion with the name;
    // `TP` → `True Positive` beside it asked it again. A cell saying more than the name
    // (`Relation-based › 예시` → `RKD 등`) leaves the definition its own card.
    let d = doc("## **1. 혼동 행렬 (Confusion Matrix)**

| 실제 \\ 예측 | Positive | Negative |
| --- | --- | --- |
| **Positive** | TP (True Positive) | FN (False Negative) |
| **Negative** | FP (False Positive) | TN (True Negative) |

## 2. 지식 증류 종류

| 종류 | 전달하는 지식 | 예시 |
| --- | --- | --- |
| **Response-based** | 출력 확률 분포 | Hinton의 KD |
| **Relation-based** | 샘플·층 사이의 관계 | RKD (Relational Knowledge Distillation) 등 |
");
    let all = cards(&d);
    for asked in [
        "실제 Positive › 예측 Positive => TP (True Positive)",
        "실제 Negative › 예측 Negative => TN (True Negative)",
    ] {
        assert!(all.iter().any(|c| c.ends_with(asked)), "{asked}: {all:#?}");
    }
    assert_eq!(
        definitions(&d),
        ["RKD => Relational Knowledge Distillation"]
    );
    assert_skipped(&d, |r| {
        r.starts_with("definition the table cell on line 9 answers whole")
    });
}
