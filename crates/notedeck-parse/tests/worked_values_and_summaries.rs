//! Card rules found on a note in the user's style about hyperparameter optimisation, which
//! the rules had not been tuned on: tables of the values an example works out, and summary
//! tables that ask a topic's facets again. Each case shows the cards a fragment makes.

mod common;

use common::{assert_skipped, doc};
use notedeck_parse::Document;

/// `front => back` of every card.
fn cards(d: &Document) -> Vec<String> {
    d.cards
        .iter()
        .map(|c| format!("{} => {}", c.front, c.back))
        .collect()
}

#[test]
fn a_table_of_the_values_an_example_works_out_is_no_card_per_cell() {
    // Each bracket's numbers follow from the example's `R = 81, η = 3` and the formula above
    // it; asked cell by cell (`bracket s = 4 › 시작 조합 수 n` → `81`) they were numbers
    // without their premise, fourteen cards of rote.
    let d = doc("## 문항 12

### Hyperband

- 입력: $R$ (최대 자원), $\\eta$ (보통 3)
- 각 bracket 안에서 $n$개 조합, 최소 자원 $r$로 SHA 수행
- 예시: $R = 81,\\ \\eta = 3$ → $s_{max} = 4$, bracket 5개

| bracket $s$ | 시작 조합 수 $n$ | 시작 자원 $r$ | 성향 |
| --- | --- | --- | --- |
| 4 | 81 | 1 | 가장 공격적 (많이 보고 빨리 버림) |
| 3 | 34 | 3 | 공격적 |
| 0 | 5 | 81 | = random search (조기 종료 없음) |
");
    let cards = cards(&d);
    assert!(cards.iter().all(|c| !c.contains("bracket s")), "{cards:#?}");
    assert!(cards[0].contains("예시: \\(R = 81"), "{cards:#?}");
    assert_skipped(&d, |why| why.contains("values an example works out"));
}

#[test]
fn a_table_an_example_introduces_with_named_rows_is_carded() {
    // Rows that name things are facts of their own, whatever line introduces them.
    let d = doc("## 문항 3

### 정규화

- 예시: 모델별로 쓰는 정규화

| 모델 | 정규화 |
| --- | --- |
| BERT | LayerNorm |
| ResNet | BatchNorm |
");
    assert_eq!(
        cards(&d)[1..],
        ["BERT › 정규화 => LayerNorm", "ResNet › 정규화 => BatchNorm"]
    );
}
