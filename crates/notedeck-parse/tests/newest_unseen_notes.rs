//! Card rules found on notes in the user's style that the rules had not been tuned on
//! (generative adversarial networks, learning to rank, meta-learning, imbalanced data,
//! calibration, survival analysis, domain adaptation). Each
//! case shows the cards a fragment of such a note makes, as the student reviewing them would
//! read them.

mod common;

use common::{assert_fronts, assert_skipped, back_holding, back_of, cloze_fronts, doc};
use notedeck_parse::CardKind;

#[test]
fn a_case_told_in_turn_lists_no_names_of_its_parts() {
    // `상황`, `적용`, `결과/교훈` are how every case is told, not a set of parts to recall:
    // the case's card answered with those three names and nothing else.
    let d = doc("## **10. 실무 사례**

### 사례 1. 제조 결함 검출 데이터 증강

- **상황**: 반도체/디스플레이 검사에서 불량 이미지가 정상 대비 1% 미만 → 분류기 recall 낮음
- **적용**: 결함 유형을 조건으로 cGAN (또는 StyleGAN2-ADA) 학습 → 결함 이미지 합성 → 분류기 학습 데이터에 추가
- **결과/교훈**
    - 합성 데이터만으로 학습하면 오히려 성능 ↓ → 실제:합성 비율 조절 필요
    - FID가 낮다고 결함 분류에 도움 되는 건 아님 → **downstream task 성능**으로 검증
    - 데이터가 적어서 ADA 필수, 안 쓰면 D가 금방 과적합해서 FID 튐
");
    assert_fronts(
        &d,
        &["실무 사례 › 사례 1. 제조 결함 검출 데이터 증강"],
        &[
            "실무 사례 › 사례 1. 제조 결함 검출 데이터 증강 › 상황",
            "실무 사례 › 사례 1. 제조 결함 검출 데이터 증강 › 결과/교훈",
        ],
    );
    assert!(
        back_of(&d, "실무 사례 › 사례 1. 제조 결함 검출 데이터 증강 › 적용")
            .starts_with("결함 유형을 조건으로 cGAN")
    );
}

#[test]
fn a_count_hidden_in_a_sentence_leaves_its_ending_shown() {
    // `51%로`: the sentence goes on from the count; the deletion hid the particle with it,
    // and the student had to recall a syllable of grammar.
    let d = doc("## **5. CUPED**

- **핵심 아이디어**: 실험 **이전** 기간의 같은 지표(공변량 X)로 실험 지표 Y의 **분산을 줄임**
    - 효과 추정치(평균 차이)는 그대로, 분산만 ↓ → 같은 n으로 더 작은 효과 검출
- ρ = 0.7 이면 분산 51%로 → 필요 표본 약 절반
- **장점**: 구현 간단, 추가 트래픽 없이 민감도 ↑, 실험 기간 단축
");
    assert!(
        cloze_fronts(&d)
            .contains(&"ρ = 0.7 이면 분산 {{c1::51%}}로 → 필요 표본 약 절반".to_string()),
        "{:#?}",
        cloze_fronts(&d)
    );
}

#[test]
fn a_line_naming_a_formula_by_a_word_saying_formula_asks_it() {
    // `- BM25 식 (…)` over the formula: the line was a `핵심 내용` card and the formula a
    // `구조 › 수식` card that never said whose formula it was.
    let d = doc("### 1. 구조

- **1단계 Retrieval (recall 중심)**: 수백만 문서 → top-1000
    - BM25 (Best Matching 25): 키워드 매칭, 빠르고 튼튼
- **2단계 Reranking (precision 중심)**: top-1000 → top-100 → top-10
    - LambdaMART + 수작업 feature (BM25 점수, CTR, 가격, 최신성, 임베딩 유사도 ...)
- BM25 식 ($k_1$: 단어 빈도 포화 정도, $b$: 문서 길이 정규화 정도)

$$
\\text{BM25}(q,d) = \\sum_{t \\in q} \\text{IDF}(t)\\cdot\\frac{f(t,d)\\,(k_1+1)}{f(t,d) + k_1\\left(1 - b + b\\frac{|d|}{\\text{avgdl}}\\right)}
$$
");
    assert_fronts(
        &d,
        &["구조 › 수식", "구조 › 핵심 내용"],
        &["구조 › BM25 식"],
    );
    let back = back_of(&d, "구조 › BM25 식");
    assert!(
        back.starts_with("<p>(\\(k_1\\): 단어 빈도 포화 정도")
            && back.contains("\\text{BM25}(q,d)"),
        "{back}"
    );
}

#[test]
fn a_line_describing_a_formula_is_no_name_for_it() {
    // `조건부 확률을 "뒤집는" 공식` says what the formula does: no front to ask it by.
    let d = doc("## 0. Bayes' Theorem (베이즈 정리)

- 조건부 확률을 \"뒤집는\" 공식

$$
P(\\theta \\mid D) = \\frac{P(D \\mid \\theta)\\, P(\\theta)}{P(D)}
$$

- **Prior** $P(\\theta)$: 데이터를 보기 전 파라미터에 대한 믿음
");
    assert_fronts(
        &d,
        &["Bayes' Theorem › 조건부 확률을 \"뒤집는\" 공식"],
        &["Bayes' Theorem › 수식: \\(P(\\theta \\mid D) = ?\\)"],
    );
}

#[test]
fn a_problem_s_diagnosis_is_a_facet_of_it() {
    // `**진단**` beside `**정의**`, `**원인**` and `**해결책**` is how a problem is seen, as
    // `탐지` is: all four under `Mode Collapse` were one card of seven facts.
    let d = doc("## **3. GAN 학습이 어려운 이유**

- **Mode Collapse (모드 붕괴)**
    - **정의**: G가 데이터 분포의 여러 mode 중 **일부만** 생성 → 다양성 상실
    - **원인**: G가 D를 속이기 쉬운 샘플로 몰림 → D가 막으면 다른 mode로 점프 → 반복 (mode hopping)
    - **진단**: 샘플 grid 육안 확인, FID 상승, Recall 낮음
    - **해결책**
        1. Minibatch discrimination: D가 배치 내 샘플 간 유사도도 같이 봄
        2. Unrolled GAN: G 업데이트 시 D의 k step 뒤 모습을 고려
- **Vanishing gradient**: D가 너무 강하면 $D(G(z)) \\to 0$ → G 기울기 소실
");
    assert_eq!(
        back_of(
            &d,
            "GAN 학습이 어려운 이유 › Mode Collapse (모드 붕괴) › 진단"
        ),
        "샘플 grid 육안 확인, FID 상승, Recall 낮음"
    );
    assert_fronts(
        &d,
        &["GAN 학습이 어려운 이유 › Mode Collapse (모드 붕괴)"],
        &["GAN 학습이 어려운 이유 › Mode Collapse (모드 붕괴) › 해결책"],
    );
}

#[test]
fn a_hand_calculation_section_is_a_worked_example() {
    // `손계산 예시` works made-up labels out: its lines were clozes hiding `[0, 3, 1, 2]` and
    // `(a) 지수 gain`, and cards asking sums whose givens they did not show.
    let d = doc("### 4. 손계산 예시 (시험 단골)

- 모델이 낸 순위의 라벨(0~3)이 위에서부터 `[0, 3, 1, 2]` 라고 하자
- discount: $\\log_2 2 = 1$, $\\log_2 3 = 1.585$, $\\log_2 4 = 2$, $\\log_2 5 = 2.322$
- **(a) 지수 gain ($2^{rel}-1$)** → gain = `[0, 7, 1, 3]`
    - $\\text{NDCG@4} = 6.2085 / 9.3928 \\approx$ **0.661**
- **(c) binary로 보면 (rel > 0 이면 관련)** → 관련 문서 위치 2, 3, 4위
    - RR = 1/2 = **0.5**
");
    assert!(d.cards.is_empty(), "{:#?}", common::cards(&d));
    assert_eq!(
        common::skipped_lines(
            &d,
            "worked computation: its numbers are made up to illustrate, nothing to recall"
        ),
        [7, 8, 9, 11]
    );
}

#[test]
fn lines_saying_what_a_topic_formula_s_symbols_are_go_on_its_card() {
    // `- $k(d)$: …, $\Delta$: …` right after IPS's formula was a `핵심 내용` card asking
    // nothing; a line on why the formula is as it is stays a fact of its own.
    let d = doc("### 4. IPS (Inverse Propensity Scoring)

$$
\\hat{L}_{\\text{IPS}}(f) = \\sum_{q}\\sum_{d:\\, c_{q,d}=1} \\frac{\\Delta\\big(\\text{rank}_f(d)\\big)}{\\theta_{k(d)}}
$$

- $k(d)$: 로그 수집 당시 문서가 노출된 위치, $\\Delta$: 순위 기반 loss (Joachims et al., 2017)
- $\\theta_k$로 나누는 이유: 아래 위치는 덜 보이므로 **클릭 하나의 가중치를 키움**
");
    assert_fronts(
        &d,
        &["IPS › 핵심 내용"],
        &["IPS › Formula: \\(\\hat{L}_{\\text{IPS}}(f) = ?\\)"],
    );
    let back = back_of(&d, "IPS › Formula: \\(\\hat{L}_{\\text{IPS}}(f) = ?\\)");
    assert!(back.contains("로그 수집 당시 문서가 노출된 위치"), "{back}");
    assert!(!back.contains("나누는 이유"), "{back}");
}

#[test]
fn an_analogy_told_in_the_topic_s_symbols_is_not_asked_backwards() {
    // `위조지폐범(G) vs 경찰(D)` names GAN's generator and discriminator by their letters:
    // asked "which model is this?", the letters answered it.
    let d = doc("## **1. GAN (Generative Adversarial Network)**

- **구조**: Generator(G) vs Discriminator(D) 두 네트워크가 경쟁
- **비유**: 위조지폐범(G) vs 경찰(D) → 경찰이 더 이상 구분 못 하는 지점이 목표
");
    assert_eq!(
        back_of(&d, "GAN › 비유"),
        "위조지폐범(G) vs 경찰(D) → 경찰이 더 이상 구분 못 하는 지점이 목표"
    );
}

#[test]
fn a_cloze_whose_hidden_name_the_line_writes_again_is_not_made() {
    // `{{c1::position bias}}` beside `(lambdarank_position_bias_regularization)`: the
    // parameter's name spelled the answer out.
    let d = doc("### 4. IPS (Inverse Propensity Scoring)

- **Propensity 추정**: 랜덤화 실험(top-k 셔플)으로 위치별 클릭률 비교
- LightGBM 4.1부터 Dataset에 `position` 넣으면 **position bias** 보정 가능 (`lambdarank_position_bias_regularization`)
");
    assert!(
        !cloze_fronts(&d)
            .iter()
            .any(|f| f.contains("{{c1::position bias}}")),
        "{:#?}",
        cloze_fronts(&d)
    );
}

#[test]
fn the_parts_of_a_worked_section_are_its_examples() {
    // `### 1. ProtoNet 3-way 2-shot` under `## 6. 계산 예시`: made-up embeddings and the
    // distances worked from them were cards asking numbers their fronts did not give.
    let d = doc("## **6. 계산 예시**

### 1. ProtoNet 3-way 2-shot (2차원 임베딩)

- Support 임베딩
    - 클래스 A: (1, 2), (3, 2) → $c_A = (2, 2)$
    - 클래스 B: (6, 1), (6, 3) → $c_B = (6, 2)$
- Query $z = (3, 3)$, squared Euclidean
    - $d_A = (3-2)^2 + (3-2)^2 = 2$
    - $d_B = (3-6)^2 + (3-2)^2 = 10$
");
    assert!(d.cards.is_empty(), "{:#?}", common::cards(&d));
}

#[test]
fn a_guessed_cloze_never_cuts_across_a_parenthesis() {
    // The arrow's result ran from inside `(F2 → …)` into the next fact: `{{c1::질병 진단, 사기
    // 탐지) / β < 1 : precision 중시}}`.
    let d = doc("### 1. F-beta

- $\\beta > 1$ : recall 중시 (F2 → 질병 진단, 사기 탐지) / $\\beta < 1$ : precision 중시 (F0.5 → 스팸 필터)
- 단점: TN을 아예 안 봄, threshold에 따라 값이 바뀜
");
    assert!(
        cloze_fronts(&d).iter().all(|f| !f.contains("사기 탐지) /")),
        "{:#?}",
        cloze_fronts(&d)
    );
}

#[test]
fn a_split_section_whose_own_text_is_its_formula_asks_it_as_its_formula() {
    // `### 2. Matching Networks (Vinyals et al., 2016)`: every line a part asked on its own,
    // the one paragraph its formula. Asked by the section's name, the card answered with the
    // citation and the formula and said nothing of what it asked.
    let d = doc("## **2. Metric-based**

### 2. Matching Networks (Vinyals et al., 2016)

- **아이디어**: support set 전체에 대한 **attention 가중합**으로 라벨 예측 (일종의 미분 가능한 kNN)

$$\\hat{y} = \\sum_{i=1}^{|S|} a(\\hat{x}, x_i)\\, y_i$$

- **유사도**: cosine similarity
- **FCE (Full Context Embeddings)**: support 전체 문맥을 bi-LSTM으로 반영해서 임베딩 (선택 사항)
- **공헌**: episodic training 제안, **miniImageNet** 벤치마크 처음 제안
");
    assert_fronts(
        &d,
        &["Metric-based › Matching Networks"],
        &["Metric-based › Matching Networks › 수식: \\(\\hat{y} = ?\\)"],
    );
    assert!(
        back_of(
            &d,
            "Metric-based › Matching Networks › 수식: \\(\\hat{y} = ?\\)"
        )
        .starts_with("<p>\\[\\hat{y}")
    );
}

#[test]
fn a_hidden_range_of_counts_is_hidden_whole() {
    // `98~{{c1::99%}}` asked for the top of a range whose bottom it showed.
    let d = doc("### 3. 벤치마크

- **Omniglot**: 1623개 문자, 50개 알파벳
- Omniglot 5-way 1-shot은 대부분 98~99% → 이미 포화, 요즘은 miniImageNet/Meta-Dataset 위주
");
    assert!(
        cloze_fronts(&d).contains(
            &"Omniglot 5-way 1-shot은 대부분 {{c1::98~99%}} → 이미 포화, 요즘은 miniImageNet/Meta-Dataset 위주"
                .to_string()
        ),
        "{:#?}",
        cloze_fronts(&d)
    );
}

#[test]
fn a_cell_pointing_to_the_formula_above_is_no_answer() {
    // `Self-adversarial › 수식` → `위 식`: the formula is above the table, not on the card.
    let d = doc("### 2. Loss 함수

| Loss | 수식 | 주로 쓰는 모델 |
| --- | --- | --- |
| Margin ranking (pairwise hinge) | $\\max(0,\\ \\gamma - f(pos) + f(neg))$ | TransE, TransH, TransR |
| Self-adversarial (NSSALoss) | 위 식 | RotatE |
");
    let all = common::cards(&d);
    assert!(all.iter().all(|c| !c.ends_with("=> 위 식")), "{all:#?}");
    assert!(all.iter().any(|c| c.contains("RotatE")), "{all:#?}");
}

#[test]
fn a_method_the_title_names_keeps_its_formula_and_the_lines_after_it() {
    // `## DistMult / ComplEx`: each method's line, its formula, then its lines. The formula
    // was the section's `수식` (the first such) and the lines of both methods one `핵심 내용`,
    // ComplEx's read as DistMult's.
    let d = doc("## **5. DistMult / ComplEx**

- **DistMult**: RESCAL의 $M_r$ 을 **대각행렬**로 제한한 bilinear 모델

$$
f_r(h,t) = \\sum_{i=1}^{d} h_i r_i t_i
$$

- 단순, 빠름, 튜닝 잘 하면 baseline으로 의외로 강함
    - 한계: $f_r(h,t) = f_r(t,h)$ → **symmetric 관계만** 표현
- **ComplEx**: DistMult를 **복소수 공간** $\\mathbb{C}^d$ 로 확장

$$
f_r(h,t) = \\mathrm{Re}\\left( \\sum_{i=1}^{d} h_i\\, r_i\\, \\bar{t}_i \\right)
$$

- $\\bar{t}$: 켤레복소수 → h, t 순서 바꾸면 값이 달라짐
");
    assert_fronts(
        &d,
        &[
            "DistMult / ComplEx › 수식",
            "DistMult / ComplEx › 핵심 내용",
        ],
        &[],
    );
    let distmult = back_of(&d, "DistMult / ComplEx › DistMult");
    assert!(
        distmult.contains("h_i r_i t_i") && distmult.contains("단순, 빠름"),
        "{distmult}"
    );
    let complex = back_of(&d, "DistMult / ComplEx › ComplEx");
    assert!(
        complex.contains("\\bar{t}_i") && complex.contains("켤레복소수"),
        "{complex}"
    );
}

#[test]
fn an_example_working_out_made_up_givens_is_no_card() {
    // `예시` → `$n = 99$, $\alpha = 0.1$ → … = 90 → …`: asked by its label, the front held
    // none of the numbers the answer works from.
    let d = doc("### 3. Conformal Prediction

- **보장**: $P(y \\in C(x)) \\ge 1 - \\alpha$
- **예시**: $n = 99$, $\\alpha = 0.1$ → $\\lceil 100 \\times 0.9 \\rceil = 90$ → 오름차순 정렬한 score 중 **90번째** 값이 $\\hat{q}$
");
    assert_fronts(
        &d,
        &["Conformal Prediction › 예시"],
        &["Conformal Prediction › 보장"],
    );
    assert_skipped(&d, |why| why.starts_with("worked computation"));
}

#[test]
fn an_overview_of_the_topics_asks_each_column_across_them() {
    // `한눈에 보기` over rows naming the sections above it, though two rows are no one
    // section's name (`Platt / Isotonic`, `Label Smoothing` of `Label Smoothing과
    // Calibration`): cell by cell, `Label Smoothing › 추론 비용` → `1×` asked nothing alone.
    let d = doc("### 문항 2

## **4. Temperature Scaling**

- 로짓을 하나의 스칼라 $T$로 나눔

## **5. Platt Scaling**

- 점수에 sigmoid를 맞춤

## **8. Label Smoothing과 Calibration**

- 정답 확률을 $1-\\epsilon$으로 낮춤

## **9. MC Dropout (Monte Carlo Dropout)**

- 추론 때도 dropout을 켜고 $S$번 forward

## **10. Deep Ensembles**

- 모델 $M$개를 따로 학습

## **12. 불확실성 방법 한눈에 보기 (overview)**

| 방법 | 무엇을 다룸 | 추론 비용 |
| --- | --- | --- |
| **Temperature Scaling** | 확률 보정 | 1× |
| **Platt / Isotonic** | 확률 보정 | 1× |
| **Label Smoothing** | 과신 완화 | 1× |
| **MC Dropout** | epistemic (근사) | $S$× |
| **Deep Ensembles** | epistemic + aleatoric | $M$× |
");
    let across = "Temperature Scaling / Platt / Isotonic / Label Smoothing / MC Dropout / Deep \
                  Ensembles › 추론 비용";
    assert_fronts(
        &d,
        &["Label Smoothing › 추론 비용", "MC Dropout › 추론 비용"],
        &[across],
    );
    assert!(back_of(&d, across).contains("<li>Label Smoothing: 1×</li>"));
}

#[test]
fn hand_worked_examples_named_after_what_they_compute_are_no_cards() {
    // `손계산 예제` over a table of eight made-up customers asked `A › 시간` → `2`; `**C-index
    // 손계산**` over four made-up patients asked `P1 › 시간`; `Cox 해석 손계산` and a label
    // `손계산` with its premise in an aside asked a heading or a label for a page of sums.
    let d = doc("### 문항 5

## **3. KM (Kaplan-Meier) 추정량**

- **정의**: 사건 시점마다 생존 비율을 곱해 나감

## **4. 손계산 예제 (KM + Nelson-Aalen)**

구독 서비스 고객 8명, 단위: 개월, 사건 = 해지(churn)

| 고객 | A | B | C | D |
| --- | --- | --- | --- | --- |
| 시간 | 2 | 3 | 4 | 4 |
| 사건 | 1 | 0 | 1 | 1 |

## **5. Cox PH (Proportional Hazards) 모형**

- **장점**: 기저위험 분포 가정 불필요, 계수 해석 쉬움(HR)

### Cox 해석 손계산

- 이탈 모형 결과: $\\beta_{요금} = 0.3$ (월요금 1만원 단위)
- HR(요금) = $e^{0.3} \\approx 1.35$ → 요금 1만원 오를 때마다 해지 위험 **35% 증가**

## **6. 평가 지표**

### 6-1. C-index (Concordance Index)

- **한계**: 순서(discrimination)만 봄 → 예측 확률이 맞는지(calibration)는 모름

**C-index 손계산**

| 고객 | 시간 | 사건 | 예측 위험점수 |
| --- | --- | --- | --- |
| P1 | 2 | 1 | 0.9 |
| P2 | 5 | 0 | 0.4 |

- (P1, P2): P1 먼저 사건, 0.9 > 0.4 → concordant
- C = 1 / 1 = **1.0**

### 6-2. Brier score & IBS

- **손계산 (censoring 없다고 치고 t = 6개월)**: 예측 $\\hat{S}(6)$ = 0.8, 0.3 / 실제 = 생존, 해지
    - $BS = \\frac{(1 - 0.8)^2 + (0 - 0.3)^2}{2} = 0.065$
- **IBS (Integrated Brier Score)**: $BS(t)$를 적분해서 평균
");
    let fronts: Vec<String> = d.cards.iter().map(|c| c.front.clone()).collect();
    for asked in ["A › ", "P1 › ", "P2 › ", "손계산", "(P1, P2)"] {
        assert!(
            !fronts.iter().any(|f| f.contains(asked)),
            "{asked}: {fronts:#?}"
        );
    }
    // The section's own fact stays.
    assert!(
        d.cards
            .iter()
            .any(|c| c.back.contains("순서(discrimination)만 봄")),
        "{fronts:#?}"
    );
    assert_skipped(&d, |why| why.starts_with("worked computation"));
}

#[test]
fn a_section_opening_on_a_worked_example_label_then_its_name_is_no_card() {
    // `### 손계산 예시 ③ CORAL`: the front named the example and the made-up matrices were
    // on the back, so nothing on the front led to them.
    let d = doc("## **5. CORAL**

- **정의**: source와 target feature의 **공분산**을 맞춤

### 손계산 예시 ③ CORAL

- $d = 2$, $C_S - C_T$의 원소 1, 0.5, 0.5, 0 → $\\|\\cdot\\|_F^2 = 1 + 0.25 + 0.25 + 0 = 1.5$
- $\\mathcal{L}_{CORAL} = \\frac{1.5}{4 \\times 2^2} = 0.09375$
");
    let fronts: Vec<String> = d.cards.iter().map(|c| c.front.clone()).collect();
    assert!(!fronts.iter().any(|f| f.contains("손계산")), "{fronts:#?}");
    assert!(fronts.iter().any(|f| f == "CORAL › 정의"), "{fronts:#?}");
}

#[test]
fn a_formula_after_the_line_naming_it_goes_on_that_lines_card() {
    // Each formula was `… › 수식`, a front that did not say which: the hazard's (`h` opens
    // `Hazard function`), the relation the line names, DeepSurv's loss. `C = …` under
    // `C-index` stays the section's own, though `comparable` opens with its letter.
    let d = doc("### 문항 5

## **2. 생존함수 & 위험함수**

- **생존함수 (Survival function)**: $S(t) = P(T > t)$, 단조 감소
- **위험함수 (Hazard function)**: t까지 살아있다는 조건에서 바로 다음 순간의 \"순간 발생률\"

$$
h(t) = \\frac{f(t)}{S(t)}
$$

- **CHF (Cumulative Hazard Function)**: $H(t) = \\int_0^t h(u)\\,du$
- 세 함수 관계 (시험에 자주 나옴)

$$
S(t) = \\exp\\big(-H(t)\\big)
$$

## **6. 평가 지표**

### 6-1. C-index (Concordance Index)

- **정의**: 비교 가능한 쌍 중 모델이 **순서를 맞힌 비율**
- **comparable pair 조건**: 생존시간 짧은 쪽이 **사건 발생**이어야 함

$$
C = \\frac{\\sum_{i \\ne j} \\mathbb{1}[T_i < T_j] \\cdot \\delta_i}{\\sum_{i \\ne j} \\delta_i}
$$

## **8. DeepSurv**

- **정의**: Cox 모형의 선형 항을 **신경망 $g_\\theta(x)$** 로 교체
- **손실함수**: 음의 로그 부분우도 (negative log partial likelihood) + 정규화

$$
\\mathcal{L}(\\theta) = -\\sum_{i:\\,\\delta_i = 1} g_\\theta(x_i) + \\lambda \\lVert \\theta \\rVert_2^2
$$
");
    let holds = |front: &str, tex: &str| back_of(&d, front).contains(tex);
    assert!(holds(
        "생존함수 &amp; 위험함수 › 위험함수 (Hazard function)",
        "h(t) ="
    ));
    assert!(holds(
        "생존함수 &amp; 위험함수 › 세 함수 관계",
        "S(t) = \\exp"
    ));
    assert!(holds("DeepSurv › 손실함수", "\\mathcal{L}(\\theta) ="));
    assert!(!holds(
        "평가 지표 › 6-1. C-index › comparable pair 조건",
        "C ="
    ));
    assert_fronts(
        &d,
        &["생존함수 &amp; 위험함수 › 수식", "DeepSurv › 수식"],
        &["DeepSurv › 손실함수"],
    );
}

#[test]
fn a_table_of_defaults_is_shown_under_its_librarys_section() {
    // Rows naming functions for topics of the note (`ImageClassifier` (dann)) lifted the table to the problem alone, and `Classifier › finetune 기본값` did not say
    // of which library.
    let d = doc("### 문항 27

## **3. DANN (Domain-Adversarial Neural Network)**

- **핵심**: feature extractor가 도메인 분류기를 속이도록 학습

## **10. TENT (Test-time Entropy Minimization)**

- **핵심**: test batch의 예측 엔트로피를 줄이도록 BN의 γ, β만 업데이트

## **12. 라이브러리: TLlib (Transfer-Learning-Library, thuml)**

| 함수 | 인자 | 기본값 | 메모 |
| --- | --- | --- | --- |
| `ImageClassifier` (dann) | `bottleneck_dim` | `256` | bottleneck 뒤 feature에 domain loss 걸림 |
| `Classifier` | `finetune` | `True` | True면 backbone lr = 0.1 × base_lr |
| `tent.Tent` | `steps` | `1` | |
");
    let card = d
        .cards
        .iter()
        .find(|c| c.front.starts_with("Classifier › "))
        .expect("the finetune row is a card");
    assert_eq!(card.context_path(), ["문항 27", "라이브러리: TLlib"]);
}

#[test]
fn a_tip_told_the_other_way_after_a_slash_is_a_pair_of_its_own() {
    // Hidden from `=` to the end, TENT's value took the domain-generalisation tip with it.
    let d = doc("## **10. TENT (Test-time Entropy Minimization)**

- **핵심**: 라벨 없이 test 시점에 모델을 적응

---

📌 **최종 암기 팁**

- TENT = 엔트로피 ↓ + BN γ, β / DG는 target 못 봄 → ERM부터 돌려보기
");
    let clozes = cloze_fronts(&d);
    assert!(
        clozes.contains(
            &"TENT = {{c1::엔트로피 ↓ + BN γ, β}} / DG는 target 못 봄 → {{c2::ERM부터 돌려보기}}"
                .to_string()
        ),
        "{clozes:#?}"
    );
}

#[test]
fn explanations_opening_on_a_circled_digit_go_on_their_choices() {
    // `- ① source 데이터 필요 없음 / ② …`: no colon or arrow after the digit, and every
    // explanation went on the answer's card.
    let d = doc("### 문제 3

TENT에 대한 설명으로 옳은 것은?

① source 데이터와 target 데이터를 함께 사용해 재학습한다.
② 모델의 모든 파라미터를 cross-entropy로 업데이트한다.
③ BN layer의 affine 파라미터(γ, β)만 test batch 예측 엔트로피를 최소화하도록 업데이트한다.

정답: 3

- ① source 데이터 필요 없음 / ② loss는 엔트로피, 업데이트는 BN affine만
");
    let back = |choice: &str| back_holding(&d, choice);
    assert_eq!(
        back("함께 사용해 재학습한다"),
        "X — source 데이터 필요 없음"
    );
    assert_eq!(
        back("모든 파라미터를"),
        "X — loss는 엔트로피, 업데이트는 BN affine만"
    );
    assert_eq!(back("affine 파라미터"), "O");
}

#[test]
fn a_definition_in_a_tip_is_shown_where_the_tip_is() {
    // The tips closing a worked example are shown under its topic; the definition made
    // from one of their lines kept the example's title on its context line.
    let d = doc("### 문항 27

## **9. Test-Time Adaptation: TENT**

- **정의**: test batch의 예측 엔트로피를 줄이도록 BN의 γ, β만 업데이트

### 손계산 예시 ⑤ 엔트로피

- $p = [0.9, 0.1]$: $H = -(0.9 \\ln 0.9 + 0.1 \\ln 0.1) = 0.0948 + 0.2303 \\approx 0.325$

📌 **암기 팁**

- AdaBN (Adaptive Batch Normalization) = 학습 없이 BN 통계만 target 것으로 교체 (TENT에서 gradient 뺀 버전)
");
    let shown = |kind: CardKind| {
        d.cards
            .iter()
            .find(|c| c.kind == kind && c.front.contains("AdaBN"))
            .map(|c| c.context_path().to_vec())
    };
    let tip = shown(CardKind::Cloze).expect("the tip is a card");
    assert_eq!(tip, ["문항 27", "Test-Time Adaptation: TENT"]);
    assert_eq!(shown(CardKind::Definition), Some(tip));
}

#[test]
fn a_statement_asked_true_or_false_is_shown_under_what_the_question_is_about() {
    // `… 설명으로 옳지 않은 것은?` over `… (O/X)` → `O`: was `O` true, or the wrong one?
    let d = doc("### 문제 1 (틀린 것 고르기)

Domain Adaptation 기법에 대한 설명으로 **옳지 않은** 것은?

1. DANN은 GRL을 통해 feature extractor가 domain classifier를 속이는 방향으로 학습된다.
2. ADDA는 source encoder와 target encoder가 가중치를 공유(tied)하며, GRL로 한 번에 학습한다.
3. MMD는 RKHS에서 두 분포의 평균 임베딩 사이 거리이다.

정답: 2

- ADDA는 encoder **분리(untied)** + GAN 방식으로 번갈아 학습
");
    let card = d
        .cards
        .iter()
        .find(|c| c.front.contains("MMD는 RKHS"))
        .expect("choice 3 is asked");
    assert_eq!(
        card.front,
        "Domain Adaptation 기법에 대한 설명<br>MMD는 RKHS에서 두 분포의 평균 임베딩 사이 \
         거리이다. (O/X)"
    );
    assert_eq!(card.back, "O");
}

#[test]
fn an_exercise_whose_sums_follow_its_givens_as_bullets_is_asked_by_them() {
    // Asked by its title alone, the made-up token counts were on the back with the sums.
    let d = doc("## **10. 손계산 예제**

### 예제 2: capacity & token drop & aux loss

- T = 8 토큰, N = 4 expert, top-1 배정: E1 4개, E2 2개, E3 1개, E4 1개
- CF = 1.0 → capacity $= 8/4 \\times 1.0 = 2$ → E1에서 2개 drop (25%)
- CF = 2.0 → 4 → drop 0, 대신 슬롯 16개 중 8개가 빈칸
");
    let card = d
        .cards
        .iter()
        .find(|c| c.front.contains("예제 2"))
        .expect("the exercise is a card");
    assert!(
        card.front
            .ends_with("T = 8 토큰, N = 4 expert, top-1 배정: E1 4개, E2 2개, E3 1개, E4 1개"),
        "{}",
        card.front
    );
    assert!(card.back.starts_with("<ul><li>CF = 1.0"), "{}", card.back);
}

#[test]
fn an_explanation_naming_no_choice_before_those_naming_one_explains_the_answer() {
    // The answer's explanation first, then the others' by number: read as a mix, all of
    // them went to a `핵심 내용` card and a cloze of `3: 기본값 False → …`.
    let d = doc("### 문제 2

MoE 학습 관련 설명으로 **틀린** 것 고르기

1. router z-loss는 router logit의 log-sum-exp를 작게 만들어 수치 불안정을 줄인다
2. Hugging Face `MixtralConfig`에서 `output_router_logits`를 기본값으로 두면 aux loss가 더해지지 않는다
3. capacity를 넘친 토큰은 그 layer에서 삭제되어 다음 layer로 전달되지 않는다

정답: 3

- overflow 토큰은 expert 계산만 건너뛰고 **residual connection으로 그대로 전달**됨
- 2: 기본값 False → `aux_loss` 계산 자체를 안 함
");
    let back = |choice: &str| back_holding(&d, choice);
    assert_eq!(
        back("capacity를 넘친 토큰은"),
        "X — overflow 토큰은 expert 계산만 건너뛰고 <b>residual connection으로 그대로 전달</b>됨"
    );
    assert_eq!(
        back("output_router_logits"),
        "O — 기본값 False → <code>aux_loss</code> 계산 자체를 안 함"
    );
    assert_fronts(&d, &["핵심 내용"], &[]);
}

#[test]
fn short_circled_choices_on_one_line_are_the_questions_choices() {
    // `① 64 ② 80 ③ 96 ④ 128 ⑤ 160`: the question made no card and its working went to a
    // `핵심 내용` card with nothing to work out.
    let d = doc("### 문제 3

토큰 1,024개 배치, expert 16개, top-1 routing, capacity factor 1.25일 때 expert 하나의 capacity는?

① 64 ② 80 ③ 96 ④ 128 ⑤ 160

정답: 2

- $1024 / 16 = 64$ → $64 \\times 1.25 = 80$
");
    let card = d
        .cards
        .iter()
        .find(|c| c.front.contains("capacity는?"))
        .expect("the question is a card");
    assert!(card.front.contains("<li>160</li>"), "{}", card.front);
    assert!(card.back.starts_with("2. 80"), "{}", card.back);
    assert_fronts(&d, &["핵심 내용"], &[]);
}

#[test]
fn a_bold_name_with_a_citation_in_italics_names_the_formula_under_it() {
    // The citation's italic title kept the line from naming the formula, asked as the
    // section's `수식` though the section holds three.
    let d = doc("## **2. Router (Gating) & Top-k Routing**

- **Softmax gating**: $p(x) = \\operatorname{softmax}(x W_g)$ → 확률 큰 top-k expert 선택
- **Noisy Top-k Gating** (Shazeer et al., 2017, *\"Outrageously Large Neural Networks\"*)

$$
H(x)_i = (x W_g)_i + \\epsilon \\cdot \\operatorname{Softplus}\\big((x W_{noise})_i\\big)
$$
");
    let back = back_of(
        &d,
        "Router (Gating) &amp; Top-k Routing › Noisy Top-k Gating",
    );
    assert!(back.contains("H(x)_i ="), "{back}");
    assert_fronts(&d, &["Router (Gating) &amp; Top-k Routing › 수식"], &[]);
}

#[test]
fn the_titles_of_cases_are_no_list_to_recall() {
    // Each case is a card of its own; the section's card asked for their titles, a table of
    // contents.
    let d = doc("## **11. 실무 사례**

### 11-2. 기타 사례

- **설비 고장 (predictive maintenance)**: 센서 값이 시간 따라 변함 → lifelines `CoxTimeVaryingFitter` (long format: id, start, stop, event)
- **대출 부도 vs 조기상환**: **competing risks** → 다른 사건을 censored로 두고 KM 돌리면 누적발생률 **과대추정** → Aalen-Johansen, Fine-Gray
");
    assert_fronts(
        &d,
        &["실무 사례 › 11-2. 기타 사례"],
        &["실무 사례 › 11-2. 기타 사례 › 대출 부도 vs 조기상환"],
    );
    assert_skipped(&d, |why| why.starts_with("lists the titles of cases"));
}

#[test]
fn a_bold_part_the_line_denies_is_not_what_it_hides() {
    // Hiding `일어나는지` hid it twice and left `언제`, the point, in sight.
    let d = doc("## 0. 왜 생존분석?

- \"사건이 **일어나는지**\"(분류)가 아니라 \"**언제** 일어나는지\"(time-to-event)를 모델링
- 그냥 회귀로 기간을 예측하면 안 되는 이유: **중도절단(censoring)** 때문
");
    let clozes = cloze_fronts(&d);
    assert!(
        clozes
            .iter()
            .any(|c| c.contains("<b>{{c1::언제}}</b> 일어나는지")
                && !c.contains("{{c1::일어나는지}}")),
        "{clozes:#?}"
    );
}

#[test]
fn a_default_the_table_contradicts_leaves_only_its_line_out_of_the_card() {
    // One line of Cox's `주의` gives `p_value_threshold` 기본값 0.05, the defaults table 0.01:
    // the whole card waited, and with it how to diagnose and fix a broken assumption.
    let d = doc("## **5. Cox PH (Proportional Hazards) 모형**

- **주의**
    - 비례위험 가정 위반 (곡선 교차) → 계수 해석 왜곡
        - 진단: Schoenfeld residual, log(-log S) vs log t 그래프가 평행한지
        - lifelines `check_assumptions()`: `p_value_threshold` 기본값 **0.05**, 이보다 작은 p-value 나온 변수를 위반으로 표시
        - 해결: 층화(`strata`), 시간 상호작용항
    - 선형 + 곱셈 구조 → 비선형·상호작용 못 잡음

## **10. 기본값 정리 표**

| 함수 | 인자 | 기본값 | 메모 |
| --- | --- | --- | --- |
| `CoxPHFitter.check_assumptions` | `p_value_threshold` | 0.01 | 이보다 작으면 가정 위반 표시 |
");
    let back = back_of(&d, "Cox PH (Proportional Hazards) 모형 › 주의");
    assert!(back.contains("Schoenfeld residual"), "{back}");
    assert!(!back.contains("0.05"), "{back}");
    assert_skipped(&d, |why| {
        why.ends_with("left out of its card until it is settled")
    });
}

#[test]
fn tips_after_the_interview_questions_are_shown_under_their_own_title() {
    // Shown under `면접 Q&A`, the note's closing tips read as the answer to a question.
    let d = doc("## **13. 면접 Q&A**

**Q1. 왜 분류 말고 생존분석을 쓰나요?**

- 최근 가입 고객처럼 관측 기간이 짧은 고객을 버리지 않고 censored로 그대로 씀

---

📌 **암기 팁**

- Cox = $h_0(t) \\cdot e^{\\beta x}$, HR = $e^{\\beta}$, 비율이 시간에 **일정**
");
    let tip = d
        .cards
        .iter()
        .find(|c| c.front.starts_with("Cox ="))
        .expect("the tip is a card");
    assert_eq!(tip.context_path(), ["암기 팁"]);
}

#[test]
fn a_short_name_before_a_word_of_kind_names_its_topic() {
    // `KM` of `## KM (Kaplan-Meier) 추정량` named no topic (one word, too short to be read as
    // a title's first word), so the comparison of the four models was asked cell by cell:
    // `RSF › 데이터 규모` → `중간 이상` alone.
    let d = doc("### 문항 5

## **3. KM (Kaplan-Meier) 추정량**

- **특징**: 사건 시점에서만 계단식으로 떨어짐

## **5. Cox PH (Proportional Hazards) 모형**

- **정의**: 공변량이 hazard에 곱셈적으로 작용

## **7. RSF (Random Survival Forest)**

- **정의**: 생존 데이터용 랜덤 포레스트

## **8. DeepSurv**

- **정의**: Cox 모형의 선형 항을 신경망으로 교체

## **9. 모델 비교 표**

| 항목 | KM | Cox PH | RSF | DeepSurv |
| --- | --- | --- | --- | --- |
| **유형** | 비모수 | 준모수 | 비모수 앙상블 | 준모수 + 신경망 |
| **데이터 규모** | 작아도 OK | 작아도 OK | 중간 이상 | 큰 데이터 |
");
    assert_fronts(
        &d,
        &["RSF › 데이터 규모"],
        &["KM / Cox PH / RSF / DeepSurv › 데이터 규모"],
    );
}

#[test]
fn a_bold_part_opening_on_a_label_hides_what_follows_the_label() {
    // `**추정: 부분우도 (partial likelihood)**`: the deletion swallowed the label `추정:`,
    // which says what the hidden term is.
    let d = doc("## **5. Cox PH (Proportional Hazards) 모형**

- **추정: 부분우도 (partial likelihood)** → $h_0(t)$ 몰라도 $\\beta$ 추정 가능
- 사건 시점들의 **순서(rank)** 만 사용 → 실제 시간 간격 값은 안 씀
");
    let clozes = cloze_fronts(&d);
    assert!(
        clozes
            .iter()
            .any(|c| c.starts_with("<b>추정: {{c1::부분우도 (partial likelihood)}}</b>")),
        "{clozes:#?}"
    );
}
