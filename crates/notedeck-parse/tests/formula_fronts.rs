//! How a section's formula is asked: by what it computes, when the section holds more than its
//! formula and `수식` alone would not say which one the card wants.

mod common;

use common::{assert_fronts, doc};

#[test]
fn a_sections_formula_is_asked_by_its_left_side() {
    // `MoE 기본 구조 › 수식` was asked in a section that also defines the router's logits
    // `h(x) = x W_g`: which formula was wanted, the front did not say.
    let d = doc("## **1. MoE 기본 구조**

- **정의**: Transformer 블록의 **FFN (Feed-Forward Network)** 자리를 **N개의 expert + router**로 바꾼 layer
- **구성 요소**
    1. **Router (Gate)**: expert별 logit $h(x) = x W_g$ 계산
    2. **Experts**: $E_1, \\dots, E_N$ (각자 독립 파라미터)

$$
y = \\sum_{i \\in \\mathcal{T}(x)} g_i(x)\\, E_i(x), \\qquad \\mathcal{T}(x) = \\operatorname{TopK}\\big(h(x), k\\big)
$$

- 선택 안 된 expert는 **아예 계산 안 함** → dense 앙상블과의 차이
");
    assert_fronts(
        &d,
        &["MoE 기본 구조 › 수식"],
        &["MoE 기본 구조 › 수식: \\(y = ?\\)"],
    );
}

#[test]
fn a_formula_named_by_its_section_or_too_long_to_ask_by_stays_the_sections_formula() {
    // `MCC › 수식: MCC = ?` would say the name twice; a left side that is itself a sum or a
    // bound (`\min_{\hat{y}} \sum_i …`) gives the answer away.
    let d = doc("## **10. 불균형 평가지표**

### 3. MCC (Matthews Correlation Coefficient)

$$
MCC = \\frac{TP \\cdot TN - FP \\cdot FN}{\\sqrt{(TP+FP)(TP+FN)(TN+FP)(TN+FN)}}
$$

- 범위 $[-1, 1]$ : 1 완벽, 0 랜덤 수준, -1 완전 반대
- confusion matrix 4칸 **모두** 사용 → 양성/음성 라벨 바꿔도 값 같음

## **6. Isotonic Regression**

- **정의**: 단조 증가 제약 아래 최소제곱

$$
\\min_{\\hat{y}} \\sum_{i} (y_i - \\hat{y}_i)^2 = \\text{loss}, \\quad \\hat{y}_1 \\le \\hat{y}_2
$$
");
    assert_fronts(
        &d,
        &["불균형 평가지표 › MCC › 수식: \\(MCC = ?\\)"],
        &["불균형 평가지표 › MCC › 수식", "Isotonic Regression › 수식"],
    );
}

#[test]
fn two_formulas_on_one_card_are_asked_by_the_section() {
    // Vanilla SGD's update, then its gradient: one derivation, one card, and a front naming
    // only the first would leave the second unasked.
    let d = doc("## **1. Adam**

- **정의**: 1차·2차 모멘트를 같이 쓰는 optimizer

$$
m_t = \\beta_1 m_{t-1} + (1 - \\beta_1) g_t
$$

$$
v_t = \\beta_2 v_{t-1} + (1 - \\beta_2) g_t^2
$$
");
    assert_fronts(&d, &["Adam › 수식: \\(m_t = ?\\)"], &["Adam › 수식"]);
}
