//! Card rules found on notes in the user's style about model monitoring and LLM alignment,
//! which the rules had not been tuned on: a closing table reviewing the note's sections, and
//! a topic's overview listing its facets' names bare. Each case shows the cards a fragment
//! makes.

mod common;

use common::{assert_skipped, doc};
use notedeck_parse::{CardKind, Document};

/// `front => back` of every card.
fn cards(d: &Document) -> Vec<String> {
    d.cards
        .iter()
        .map(|c| format!("{} => {}", c.front, c.back))
        .collect()
}

/// `front => back` of every table card.
fn table_cards(d: &Document) -> Vec<String> {
    d.cards
        .iter()
        .filter(|c| c.kind == CardKind::Table)
        .map(|c| format!("{} => {}", c.front, c.back))
        .collect()
}

/// Two problems' topics, then a closing table titled `title` with a row for each.
fn reviewed_note(title: &str) -> String {
    format!(
        "### 문항 8

## **1. Data Drift**

- **원인**: 신규 고객 유입으로 입력 분포가 바뀜

## **2. Concept Drift**

- **예시**: 경기 침체 후 같은 소득에서도 연체율이 달라짐

### 문항 13

## **3. KL Divergence**

- **성질**: 비대칭이고, Q가 0인 곳에서 무한대가 될 수 있음

## **4. KS test**

- **한계**: 대표본에서는 작은 차이에도 p-value가 작아짐

## **5. Shadow Deployment (Dark Launch)**

- **개념**: 새 모델을 몰래 실행하고 결과는 반환하지 않음
- **장점**: 실제 트래픽으로 검증, 사용자 영향 없음

## **6. {title}**

| 개념 | 요점 | 대응 |
| --- | --- | --- |
| **Data Drift** | 분포 바뀜 | 원인 분석 후 재학습 |
| **Concept Drift** | 연체율 달라짐 | 재학습 |
| **KL Divergence** | 비대칭, 무한대 | smoothing 필요 |
| **KS test** | 대표본이면 과민 | $D$ 기준 사용 |
| **Shadow** | 몰래 실행, 영향 없음 | canary 이전 단계 |
"
    )
}

#[test]
fn a_closing_summary_of_sections_under_several_problems_asks_only_what_they_do_not() {
    // `## 6. 모니터링 개념 요약표` reviews topics of two problems, a row each: a cell whose
    // words its row's section already holds (`KS test › 요점` → `대표본이면 과민`, its
    // section saying `대표본에서는`) was that section's fact asked again in fewer words; so was
    // `Shadow › 요점`, `Shadow` naming `Shadow Deployment (Dark Launch)` for short. A cell
    // saying more (`smoothing 필요`) stays, shown under the table's own title rather than the
    // last problem it sits under.
    let d = doc(&reviewed_note("모니터링 개념 요약표"));
    let table: Vec<String> = cards(&d)
        .into_iter()
        .filter(|c| c.contains(" › 요점") || c.contains(" › 대응"))
        .collect();
    assert_eq!(
        table,
        [
            "Data Drift › 대응 => 원인 분석 후 재학습",
            "Concept Drift › 대응 => 재학습",
            "KL Divergence › 대응 => smoothing 필요",
            "KS test › 대응 => \\(D\\) 기준 사용",
            "Shadow › 대응 => canary 이전 단계"
        ]
    );
    let shown = d
        .cards
        .iter()
        .find(|c| c.front.starts_with("KL Divergence › 대응"));
    let context = shown.and_then(|c| c.context.as_deref());
    assert_eq!(context, Some(&["모니터링 개념 요약표".to_string()][..]));
    assert_skipped(&d, |why| why.contains("reviewing the note's sections"));
}

#[test]
fn a_closing_comparison_not_titled_as_a_summary_is_carded_whole() {
    let d = doc(&reviewed_note("모니터링 개념 비교"));
    let cards = cards(&d);
    assert!(
        cards.iter().any(|c| c.starts_with("KS test › 요점")),
        "{cards:#?}"
    );
}

#[test]
fn a_parts_overview_does_not_list_facet_names_bare() {
    // `원인` and `탐지 방법` are cards of their own beside the section's statement; in the
    // overview they were bare words with their content elsewhere (`Data Drift` → `입력 분포
    // p(x)가 변함, 원인, 탐지 방법, …`).
    let d = doc("## **1. Data Drift vs Concept Drift**

### 1. Data Drift (= Feature Drift)

- 입력 분포 $p(x)$가 변함
- **원인**
    - 사용자층 변화 (신규 마케팅으로 20대 유입 ↑)
    - 계절성, 이벤트 (명절, 블랙프라이데이)
    - upstream 데이터 파이프라인 변경 (단위 cm → m, 코드값 변경)
- **탐지 방법**
    - feature별 분포 비교: PSI (Population Stability Index), KS test (Kolmogorov-Smirnov test), JS (Jensen-Shannon) divergence
    - 요약 통계 (평균, 분산, missing 비율) 추적
- 📌 data drift가 있다고 **성능이 무조건 떨어지는 것은 아님** → 중요도 낮은 feature의 drift는 무시 가능
");
    let cards = cards(&d);
    assert!(
        cards.iter().all(|c| !c.contains("<li>원인</li>")),
        "{cards:#?}"
    );
    assert!(cards.iter().any(|c| c.contains("› 원인 =>")), "{cards:#?}");
    assert!(
        cards.iter().any(|c| c.contains("› 탐지 방법 =>")),
        "{cards:#?}"
    );
}

#[test]
fn a_facet_name_with_its_aside_is_no_part_to_list_bare() {
    // `구조 (2단계)` is the facet `구조` with what it is about: beside the section's
    // statement it was a bare label, and `Constitution` then the one name left among facts.
    // Both are cards of their own; the section's own card keeps its statement.
    let d = doc("## RLAIF / Constitutional AI

### 2. Constitutional AI (CAI)

- **Constitution**: 사람이 작성한 **자연어 원칙 목록** → 사람은 원칙만 정하고 label은 AI가 붙임
- **구조 (2단계)**
    1. **SL-CAI (Supervised 단계)**
        - 원칙에 따라 모델이 스스로 **critique(비판) → revision(수정)** 반복
        - 수정된 답변으로 SFT
    2. **RL-CAI (RL 단계)**
        - SL-CAI 모델이 답변 2개 생성 → AI가 원칙 기준으로 비교 → **AI preference 데이터**
        - preference model 학습 → RL (= RLAIF)
- CoT (chain-of-thought)로 판단 근거를 쓰게 하면 AI label 품질 ↑
");
    let own = d
        .cards
        .iter()
        .find(|c| c.front.ends_with("› Constitutional AI"))
        .map(|c| c.back.as_str());
    assert_eq!(
        own,
        Some("<ul><li>CoT (chain-of-thought)로 판단 근거를 쓰게 하면 AI label 품질 ↑</li></ul>")
    );
    let cards = cards(&d);
    assert!(
        cards.iter().any(|c| c.contains("› 구조 (2단계) =>")),
        "{cards:#?}"
    );
}

#[test]
fn a_citation_over_what_the_work_found_asks_for_the_findings() {
    // Gathered with the topic's other bullets under `Reward Hacking › 핵심 내용`, the paper's
    // findings had no question; asked by the citation, they have one.
    let d = doc("## Reward Hacking

- RM은 사람 선호의 **근사(proxy)** → policy가 RM의 허점을 찾아 점수만 올림
- *Gao et al., 2023, \"Scaling Laws for Reward Model Overoptimization\"*
    - proxy RM 점수는 KL이 커질수록 계속 ↑
    - gold RM 점수는 **처음엔 ↑, 어느 KL 지점 이후 ↓** (뒤집힌 U자)
");
    let cards = cards(&d);
    assert!(
        cards.iter().any(|c| c.starts_with(
            "Reward Hacking › Gao et al., 2023, &quot;Scaling Laws for Reward Model \
             Overoptimization&quot; => <ul><li>proxy RM 점수는"
        )),
        "{cards:#?}"
    );
    assert!(cards.iter().all(|c| !c.contains("핵심 내용")), "{cards:#?}");
}

#[test]
fn the_answer_all_subjects_but_one_share_is_asked_only_of_the_one() {
    // `pair` for IPO, ORPO and SimPO is the default; KTO's `binary` is the fact.
    let d = doc("## DPO

### 3. DPO 이후 변형들

| 방법 | 핵심 변경점 | 필요한 데이터 |
| --- | --- | --- |
| **IPO** | log-sigmoid 대신 squared loss → 과적합 완화 | pair |
| **KTO** | prospect theory 기반, pair 없이 학습 | 좋아요/싫어요 (binary) |
| **ORPO** | SFT + preference를 한 번에, reference model 불필요 | pair |
| **SimPO** | 길이 정규화된 평균 log-prob를 reward로 | pair |
");
    let data: Vec<String> = cards(&d)
        .into_iter()
        .filter(|c| c.contains("› 필요한 데이터"))
        .collect();
    assert_eq!(data, ["KTO › 필요한 데이터 => 좋아요/싫어요 (binary)"]);
    assert_skipped(&d, |why| why.contains("most subjects give"));
}

#[test]
fn a_bold_label_alone_over_a_display_formula_asks_for_it() {
    // `- **업데이트 식**` closing the list, then the formula: the label names it. Long as it
    // is (239 characters), a formula is no prose to leave out.
    let d = doc("## **3. DDIM (Denoising Diffusion Implicit Models)**

- **핵심 아이디어**: forward process를 **non-Markovian**으로 다시 정의
- **업데이트 식**

$$
x_{t-1} = \\sqrt{\\bar\\alpha_{t-1}}\\,\\underbrace{\\left(\\frac{x_t - \\sqrt{1-\\bar\\alpha_t}\\,\\epsilon_\\theta(x_t,t)}{\\sqrt{\\bar\\alpha_t}}\\right)}_{\\hat x_0\\ \\text{예측}} + \\sqrt{1-\\bar\\alpha_{t-1}-\\sigma_t^2}\\;\\epsilon_\\theta(x_t,t) + \\sigma_t\\,z
$$

- $\\eta = 0$ → **deterministic** (랜덤성 없음)
");
    let card = d.cards.iter().find(|c| c.front == "DDIM › 업데이트 식");
    assert!(
        card.is_some_and(|c| c.back.starts_with("<p>\\[x_{t-1} =")),
        "{:#?}",
        d.cards
    );
    assert!(
        d.skipped.iter().all(|s| !s.reason.contains("prose")),
        "{:#?}",
        d.skipped
    );
}

#[test]
fn a_bold_label_with_an_aside_over_a_display_formula_asks_for_it() {
    // `**VQAv2 accuracy** (질문당 사람 답 10개)` was a cloze hiding the label, leaving only
    // the aside to recall it by, and the formula a vague `VQA › 수식`.
    let d = doc(r"## **10. VQA (Visual Question Answering)**

- **정의**: 이미지 + 자연어 질문 → 자연어 답변 생성
- **VQAv2 accuracy** (질문당 사람 답 10개)

$$
\text{Acc}(a) = \min\left(\frac{\#\text{humans who answered } a}{3},\ 1\right)
$$
");
    assert_eq!(
        cards(&d),
        [
            "VQA => Visual Question Answering",
            "VQA › 정의 => 이미지 + 자연어 질문 → 자연어 답변 생성",
            "VQA › VQAv2 accuracy => <p><b>VQAv2 accuracy</b> (질문당 사람 답 10개)</p><p>\\[\\text{Acc}(a) = \\min\\left(\\frac{\\#\\text{humans who answered } a}{3},\\ 1\\right)\\]</p>"
        ]
    );
}

#[test]
fn a_formula_right_after_a_defined_name_goes_on_its_card_and_no_further() {
    // The probability-flow ODE's formula followed its line and went on the section's own
    // card, where it read as the SDE; the line's card is where it belongs. The list after
    // the formula stays the section's.
    let d = doc("## Score Matching / SDE 관점

### 2. SDE (Stochastic Differential Equation) 통합 프레임워크

- step 수 $T \\to \\infty$로 보내면 forward process = **연속 시간 SDE**
    - forward: $dx = f(x,t)\\,dt + g(t)\\,dw$
    - reverse를 풀려면 **score만 알면 됨** → score network로 근사
- 두 가지 대표 SDE
    - **VP SDE (Variance Preserving)**: DDPM의 연속 버전, 분산이 1 근처로 유지
    - **VE SDE (Variance Exploding)**: NCSN의 연속 버전, 분산이 계속 커짐
- **Probability flow ODE**: 같은 marginal $p_t$를 가지는 **deterministic** ODE

$$
dx = \\Big[f(x,t) - \\tfrac{1}{2}g(t)^2\\,\\nabla_x \\log p_t(x)\\Big]dt
$$

- ODE 관점의 **장점**: ODE solver 사용 가능 → 고차 solver로 step 수 감소, 데이터 ↔ latent 1:1 대응
");
    let ode = d
        .cards
        .iter()
        .find(|c| c.front.ends_with("› Probability flow ODE"));
    assert!(
        ode.is_some_and(|c| c.back.contains("\\[dx = \\Big[f(x,t)")),
        "{:#?}",
        d.cards
    );
    let own = d
        .cards
        .iter()
        .find(|c| c.front.ends_with("통합 프레임워크"));
    assert!(
        own.is_some_and(|c| !c.back.contains("\\[dx") && c.back.contains("ODE 관점의")),
        "{:#?}",
        d.cards
    );
}

#[test]
fn an_essay_part_telling_what_its_writer_did_gives_no_first_sentence_card() {
    // `# 3. 실무에서 마주친 문제들` is the writer's own project, in the past tense: its first
    // sentence (`… 파인튜닝해 본 경험이 있습니다.`) is an anecdote. Its sibling, which states
    // how the method works, keeps its card.
    let d = doc("### 문항 20

Stable Diffusion으로 이미지 한 장이 만들어지는 과정을 서술하시오

# Stable Diffusion 한 장이 만들어지기까지

# 1. 생성 과정

Stable Diffusion에서 프롬프트를 입력하면, 먼저 CLIP text encoder가 문장을 77개 token의 embedding으로 바꿉니다. 그다음 순수 노이즈 latent에서 출발해, U-Net이 매 step 노이즈를 예측하고 scheduler가 그 예측을 이용해 latent를 조금씩 깨끗하게 만듭니다. 마지막에 VAE decoder가 latent를 이미지로 복원합니다.

# 2. 실무에서 마주친 문제들

사내 제품 이미지 생성 프로젝트에서 SD v1.5를 LoRA로 파인튜닝해 본 경험이 있습니다. 처음에는 학습 이미지가 30장뿐이라 금방 과적합되었고, 배경까지 그대로 외워 버렸습니다. 그래서 regularization 이미지를 섞고 step 수를 줄였습니다. 평가에서는 샘플 수를 고정하지 않아 FID를 잘못 비교하는 실수도 했습니다.
");
    let cards = cards(&d);
    assert!(
        cards.iter().all(|c| !c.contains("경험이 있습니다")),
        "{cards:#?}"
    );
    assert!(
        cards.iter().any(|c| c.contains("생성 과정 =>")),
        "{cards:#?}"
    );
    assert_skipped(&d, |why| why.contains("what its writer did"));
}

#[test]
fn the_answer_two_thirds_of_the_subjects_share_is_the_default() {
    // `tabular` for four methods of six: the image and text ones are the facts.
    let d = doc("## XAI

| 기법 | 주 데이터 |
| --- | --- |
| **Permutation Importance** | tabular |
| **PDP** | tabular |
| **LIME** | tabular, text, image |
| **KernelSHAP** | tabular |
| **Grad-CAM** | image |
| **Counterfactual** | tabular |
");
    let data: Vec<String> = cards(&d)
        .into_iter()
        .filter(|c| c.contains("› 주 데이터"))
        .collect();
    assert_eq!(
        data,
        [
            "LIME › 주 데이터 => tabular, text, image",
            "Grad-CAM › 주 데이터 => image"
        ]
    );
}

#[test]
fn a_cloze_hides_no_question_and_no_number_its_line_shows_again() {
    // `→ "좋은 설명"을 어떻게 측정할 것인가?` raises a question the section answers; and
    // `num_samples=5000` beside `**5000개**` shows the number a cloze of it would hide.
    let d = doc("### 문항 8

## LIME

- **핵심 아이디어**: 샘플 주변을 perturbation → 단순 모델로 근사
- `explain_instance(..., num_samples=5000)` → perturbation 샘플 기본 **5000개**

### 문항 14

## 설명의 평가

- **Faithfulness**: 설명이 모델의 실제 동작을 반영하는가
- 설명에는 정답 label이 없음 → \"좋은 설명\"을 어떻게 측정할 것인가?
");
    let cards = cards(&d);
    assert!(cards.iter().all(|c| !c.contains("c1::")), "{cards:#?}");
    assert!(
        d.cards.iter().all(|c| c.kind != CardKind::Cloze),
        "{:#?}",
        d.cards
    );
    assert!(
        cards.iter().all(|c| !c.contains("측정할 것인가")),
        "{cards:#?}"
    );
    assert_skipped(&d, |why| why.contains("a question the notes raise"));
}

#[test]
fn a_review_row_naming_a_topic_and_its_variant_reviews_the_topic() {
    // `ARIMA / SARIMA` in a closing summary table: SARIMA is a facet of ARIMA's section, and
    // the row's cells say again what that section says (`해석 쉬움, 적은 데이터로 가능` for
    // `해석 쉬움, 데이터 적어도 동작`). Rows of other sections go as before; a cell saying
    // more (`선형, 다중 계절성 약함` has `선형 관계만` there, the rest not) stays.
    let d = doc("### 문항 4

## **1. ARIMA (AutoRegressive Integrated Moving Average)**

- **SARIMA (Seasonal ARIMA)**: 계절 차분 추가
- **장점**: 해석 쉬움, 데이터 적어도 동작, 예측구간 제공

### 문항 13

## **2. Prophet**

- **장점**: 결측치에 강함, 휴일 처리 쉬움

## **3. N-BEATS**

- **장점**: 구조 단순, 해석 가능한 basis

## **4. 시계열 예측 모델 비교 요약표**

| 모델 | 장점 | 단점 |
| --- | --- | --- |
| **ARIMA / SARIMA** | 해석 쉬움, 적은 데이터로 가능 | 비선형 관계 표현 불가 |
| **Prophet** | 휴일 처리 쉬움 | AR 구조 없음 |
| **N-BEATS** | 구조 단순 | 원래 버전 univariate만 |
| **LightGBM** | 빠름 | feature engineering 필요 |
");
    let cells = [
        "해석 쉬움, 적은 데이터로 가능",
        "비선형 관계 표현 불가",
        "휴일 처리 쉬움",
        "AR 구조 없음",
        "구조 단순",
        "원래 버전 univariate만",
        "빠름",
        "feature engineering 필요",
    ];
    let table: Vec<String> = cards(&d)
        .into_iter()
        .filter(|c| cells.iter().any(|v| c.ends_with(&format!(" => {v}"))))
        .collect();
    assert_eq!(
        table,
        [
            "ARIMA / SARIMA › 단점 => 비선형 관계 표현 불가",
            "Prophet › 단점 => AR 구조 없음",
            "N-BEATS › 단점 => 원래 버전 univariate만",
            "LightGBM › 장점 => 빠름",
            "LightGBM › 단점 => feature engineering 필요",
        ],
        "{:#?}",
        cards(&d)
    );
}

#[test]
fn a_contrast_left_with_one_answer_asks_nothing_and_good_is_a_degree() {
    // The review drops ARIMA's and Prophet's `외생변수` cells (their sections say them):
    // N-BEATS, LightGBM and TCN all answer `O`, a contrast with nothing to tell apart. In
    // `장기 의존성`, `좋음` is a degree as `보통` is: the facet is asked across the subjects,
    // not as three cards answering `좋음`.
    let d = doc("### 문항 4

## **1. ARIMA**

- **SARIMAX**: 외생변수 추가
- **장점**: 해석 쉬움, 데이터 적어도 동작

### 문항 13

## **2. Prophet**

- **장점**: 결측치에 강함, 휴일 처리 쉬움
- **외생변수**: 미래 값 필요

## **3. N-BEATS**

- **장점**: 구조 단순, 해석 가능한 basis

## **4. 시계열 예측 모델 비교 요약표**

| 모델 | 외생변수 | 장기 의존성 |
| --- | --- | --- |
| **ARIMA / SARIMA** | O (SARIMAX) | 짧은 lag만 |
| **Prophet** | 미래 값 필요 | 보통 |
| **N-BEATS** | O | 좋음 |
| **LightGBM** | O | 좋음 |
| **TCN** | O | receptive field 안에서만 |
");
    let table = table_cards(&d);
    assert_eq!(
        table,
        [
            "ARIMA / SARIMA / Prophet / N-BEATS / LightGBM / TCN › 장기 의존성 => <ul><li>ARIMA / \
             SARIMA: 짧은 lag만</li><li>Prophet: 보통</li><li>N-BEATS: 좋음</li><li>LightGBM: \
             좋음</li><li>TCN: receptive field 안에서만</li></ul>"
        ],
        "{:#?}",
        cards(&d)
    );
    assert_skipped(&d, |r| r.contains("answers alike (O): no contrast to ask"));
}

#[test]
fn a_review_row_named_by_a_word_of_a_sections_title_reviews_that_section() {
    // `LAS (AED)` names `Attention Encoder-Decoder: LAS (Listen, Attend and Spell)` by the
    // word its title holds: its cells saying that section again go as the other rows' do.
    let d = doc("### 문항 8

## **3. CTC (Connectionist Temporal Classification)**

- **장점**: 빠름, streaming 가능

## **5. Attention Encoder-Decoder: LAS (Listen, Attend and Spell)**

- **한계**: streaming 불가, 긴 발화에서 반복

### 문항 11

## **6. Conformer**

- **장점**: local과 global을 함께 봄

## **13. ASR 전체 비교 요약표**

| 기술 | 장점 | 단점/주의 |
| --- | --- | --- |
| **CTC** | 빠름, streaming 가능 | 조건부 독립 가정 |
| **LAS (AED)** | 내부 LM | streaming 불가, 반복 |
| **Conformer** | local + global | 계산량 |
| **Whisper** | zero-shot robust | hallucination |
");
    let table = table_cards(&d);
    assert!(
        table
            .iter()
            .all(|c| !c.starts_with("LAS (AED) › 단점/주의")),
        "{table:#?}"
    );
    assert!(
        table.contains(&"LAS (AED) › 장점 => 내부 LM".to_string()),
        "{table:#?}"
    );
}

#[test]
fn a_review_row_naming_one_side_of_a_title_reviews_that_section() {
    // A Transformer note's summary row `Scaled Dot-Product` names the section `Self-Attention
    // & Scaled Dot-Product Attention` by the side of its title it opens: its cells said that
    // section again.
    let d = doc("### 문항 2

## **1. Self-Attention & Scaled Dot-Product Attention**

- **개념**: 토큰 간 정보 혼합, softmax로 가중합
- scale 없으면 softmax saturation → gradient 소실

### 문항 5

## **2. MHA**

- **개념**: 여러 관계를 병렬 학습

## **3. FFN**

- **구조**: 토큰별 비선형 변환

## **4. KV cache**

- **역할**: 생성 속도

## **13. 구성요소 요약표**

| 구성요소 | 역할 | 자주 나오는 함정 |
| --- | --- | --- |
| **Scaled Dot-Product** | 토큰 간 정보 혼합 | scale 없으면 softmax saturation |
| **MHA** | 여러 관계 병렬 학습 | head 수와 파라미터 수 무관 |
| **FFN** | 토큰별 비선형 변환 | layer 파라미터의 약 2/3 |
| **KV cache** | 생성 속도 | GQA/MQA로 축소 |
");
    let table = table_cards(&d);
    assert!(
        table.iter().all(|c| !c.starts_with("Scaled Dot-Product ›")),
        "{table:#?}"
    );
    assert!(
        table
            .iter()
            .any(|c| c.starts_with("MHA › 자주 나오는 함정")),
        "{table:#?}"
    );
}
