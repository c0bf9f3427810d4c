//! Card rules found on notes in the user's style (hyperparameter optimisation first) which
//! the rules had not been tuned on: worked examples and the tables of their values, a
//! narrated case's record, table cells a bullet's count contradicts, and summary tables that
//! ask a topic's facets again. Each case shows the cards a fragment makes.

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
    assert!(cards.iter().any(|c| c.contains("\\(R = 81")), "{cards:#?}");
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

/// The fronts of the table cards of `d`.
fn table_fronts(d: &Document) -> Vec<&str> {
    d.cards
        .iter()
        .filter(|c| c.kind == notedeck_parse::CardKind::Table)
        .map(|c| c.front.as_str())
        .collect()
}

#[test]
fn a_summary_table_asks_a_compared_sides_facets_once() {
    // `### 1. Grid Search` under `## Grid Search vs Random Search` is Grid Search's section:
    // the closing summary table's `Grid Search › 장점` asked its `장점` bullet again, in
    // other words, under another problem.
    let d = doc("### 문항 3

## **1. Grid Search vs Random Search**

### 1. Grid Search

- **장점**: 구현 간단, 병렬화 쉬움, 결과 재현 쉬움
- **단점**: 중요하지 않은 HP 축에도 똑같이 예산을 씀

### 2. Random Search

- **장점**: 중요한 HP 축을 더 촘촘히 탐색
- **단점**: 좋은 영역에 집중하지 못함

### 문항 18

## **11. HPO 방법 비교 요약표**

| 방법 | 장점 | 단점 |
| --- | --- | --- |
| **Grid Search** | 단순, 재현 쉬움 | 차원의 저주 |
| **Random Search** | 강력한 baseline | 좋은 영역 집중 탐색 X |
| **PBT** | HP schedule 학습 | 재현 어려움, GPU 많이 필요 |
");
    assert_eq!(table_fronts(&d), ["PBT › 장점", "PBT › 단점"]);
    assert_skipped(&d, |why| {
        why.starts_with(
            "asks what the card on line 11 asks (Grid Search vs Random Search › Grid Search › 장점)",
        )
    });
}

#[test]
fn a_summary_table_asks_a_facet_section_of_another_problem_once() {
    // `ASHA` names no topic but `### 3. ASHA (…)` under `## Multi-fidelity 방법`: its row in
    // the closing table asks that section's `장점` again.
    let d = doc("### 문항 12

## **4. Multi-fidelity 방법**

- 아이디어: 적은 자원으로 먼저 평가

### 3. ASHA (Asynchronous Successive Halving Algorithm)

- **해결**: 비동기 승격
- **장점**: 대규모 병렬 환경에서 worker utilization ↑

### 문항 18

## **11. 요약표**

| 방법 | 병렬화 | 장점 |
| --- | --- | --- |
| **ASHA** | 매우 좋음 (비동기) | 대규모 클러스터 |
| **PBT** | 필수 (population) | HP schedule 학습 |
");
    let tables = table_fronts(&d);
    assert!(!tables.contains(&"ASHA › 장점"), "{tables:#?}");
    assert!(tables.contains(&"PBT › 장점"), "{tables:#?}");
}

#[test]
fn a_summary_tables_weakness_is_the_facets_disadvantage_under_a_section() {
    // `LOF › 약점` asks what `LOF › 특징 › 단점` answers: a weakness is a disadvantage, and
    // the facet section between them changes no question.
    let d = doc("## 문항 5

### LOF

- **개념**: 이웃 대비 지역 밀도로 이상치 판단

#### 특징

- **장점**: 밀도가 다른 클러스터가 섞인 데이터에서 local outlier 잘 잡음
- **단점**
    - 모든 샘플에 대해 kNN 계산 → $O(n^2)$, 대용량에 부적합
    - k 선택에 민감 (sklearn 기본 20)
- sklearn: `LocalOutlierFactor(novelty=True)`로 해야 새 데이터에 `predict` 가능

### Isolation Forest

- **개념**: 랜덤 분할로 빨리 고립되는 샘플이 이상치

## 요약 표

| 방법 | 핵심 아이디어 | 약점 |
| --- | --- | --- |
| **LOF** | 이웃 대비 밀도 낮으면 이상 | 대용량 X, k 민감 |
| **Isolation Forest** | 빨리 고립되면 이상 | 지역 이상치 약함 |
| **Z-score** | 평균에서 먼 값이 이상 | 정규분포 가정 |
");
    let tables = table_fronts(&d);
    assert!(!tables.contains(&"LOF › 약점"), "{tables:#?}");
    assert!(tables.contains(&"Isolation Forest › 약점"), "{tables:#?}");
}

#[test]
fn a_line_naming_the_labelled_list_under_it_asks_for_that_list() {
    // `- 분산 학습의 두 축` over two labelled items was gathered into `… › 핵심 내용`, a
    // front that asked nothing; it names what the list sets out. The bullet before it leads
    // from a cause to its effect, which is the fact it teaches, not the `GPU` inside it.
    let d = doc("## 0. 왜 분산 학습이 필요한가

- 모델 파라미터 수 증가 → **단일 GPU 메모리**에 모델 + optimizer state가 다 안 들어감
- 데이터셋 크기 증가 → GPU 한 장으로는 학습 시간이 너무 오래 걸림
- 분산 학습의 두 축
    1. **Data Parallelism**: 데이터를 나눔 (모델은 복제)
    2. **Model Parallelism**: 모델을 나눔 (Tensor Parallel, Pipeline Parallel)
");
    let cards = cards(&d);
    assert!(cards.iter().all(|c| !c.contains("핵심 내용")), "{cards:#?}");
    assert!(
        cards.iter().any(
            |c| c.starts_with("왜 분산 학습이 필요한가 › 분산 학습의 두 축 => <ol>")
                && c.contains("Model Parallelism")
        ),
        "{cards:#?}"
    );
    assert!(
        d.cards.iter().any(|c| {
            c.front.contains("데이터셋 크기 증가")
                && c.cloze.iter().any(|h| {
                    &c.front[h.range.clone()] == "GPU 한 장으로는 학습 시간이 너무 오래 걸림"
                })
        }),
        "{cards:#?}"
    );
}

#[test]
fn a_statement_over_items_without_labels_names_no_list() {
    // A line over an example, or over items without labels of their own, states a fact of
    // its own: no label of a card.
    let d = doc("## WordPiece

- **정의**: 자주 나오는 조각을 합쳐 어휘를 만드는 토크나이저
- 단어 중간에 이어지는 조각은 ## 접두어를 붙여서 표시
    - embeddings → em, ##bed, ##ding, ##s
- 다국어 모델에서는 어휘 크기를 더 크게 잡는 편
    - mBERT 약 11만 개
    - XLM-R 약 25만 개
");
    let cards = cards(&d);
    assert!(
        cards
            .iter()
            .all(|c| !c.starts_with("WordPiece › 단어 중간에")
                && !c.starts_with("WordPiece › 다국어")),
        "{cards:#?}"
    );
}

#[test]
fn a_title_naming_all_parts_but_one_lists_none_of_them() {
    // `Unstructured vs Structured` over those two and `Semi-structured`: the list of the
    // three names asked for one with the other two on the front.
    let d = doc("## 가지치기

### 3. Unstructured vs Structured

- **Unstructured Pruning**
    - 개별 weight 단위로 제거 → 희소 행렬
    - 높은 sparsity(90% 이상)에서도 정확도 유지 가능
- **Structured Pruning**
    - 필터(filter), 채널(channel), attention head, layer 단위로 통째로 제거
    - 모델이 **실제로 작은 dense 모델**이 됨 → 일반 하드웨어에서도 바로 속도 향상
- **Semi-structured (N:M sparsity)**
    - 예: NVIDIA Ampere의 **2:4 sparsity** → 4개 중 2개를 0으로
");
    let fronts: Vec<&str> = d.cards.iter().map(|c| c.front.as_str()).collect();
    assert_eq!(
        fronts,
        [
            "가지치기 › Unstructured vs Structured › Unstructured Pruning",
            "가지치기 › Unstructured vs Structured › Structured Pruning",
            "가지치기 › Unstructured vs Structured › Semi-structured (N:M sparsity)",
        ]
    );
}

#[test]
fn a_summary_tables_disadvantage_is_a_sections_limit() {
    // The notes call one facet `한계` in a section and `단점` in the closing table.
    let d = doc("### 문항 12

## PBT (Population Based Training)

- **아이디어**: 여러 모델을 동시에 학습하며 좋은 것의 가중치와 HP를 복사
- **한계**: 재현이 어려움, GPU가 많이 필요

### 문항 18

## 요약표

| 방법 | 병렬화 | 단점 |
| --- | --- | --- |
| **PBT** | 필수 (population) | 비결정적, 자원 소모 큼 |
| **ASHA** | 매우 좋음 (비동기) | 잘못된 승격 가능 |
| **TPE** | 보통 | HP 간 상관관계 약함 |
");
    let tables = table_fronts(&d);
    assert!(!tables.contains(&"PBT › 단점"), "{tables:#?}");
    assert!(tables.contains(&"ASHA › 단점"), "{tables:#?}");
}

#[test]
fn a_citation_dates_the_section_named_by_what_it_is() {
    // `### 2. GPTQ` and `### 3. AWQ` under one topic each cite their own paper: dated as
    // the topic, the two years contradicted each other.
    let d = doc("## **5. Quantization for Inference**

### 2. GPTQ

- *Frantar et al., 2023, \"GPTQ: Accurate Post-Training Quantization for Generative Pre-trained Transformers\", ICLR*
- **개념**: layer 단위로 $\\|WX - \\hat{W}X\\|_2^2$를 최소화하는 **one-shot weight-only PTQ**
- OBQ (Optimal Brain Quantization) 기반, **2차 정보(Hessian $H = 2XX^T$)** 사용
    - column을 하나씩 양자화하고, 그 오차를 아직 양자화 안 된 column들에 **보정(update)**해서 분산
    - 모든 row에 같은 column 순서 적용 + lazy batch update + Cholesky 분해 → 대형 모델에도 빠름
- 175B 모델을 GPU 1장으로 약 **4시간**에 3~4bit 양자화
- **장점**: 3~4bit에서도 perplexity 손실 작음 / **단점**: calibration 데이터(예: C4 128 샘플)에 과적합 가능, activation은 FP16 그대로

### 3. AWQ

- *Lin et al., 2024, MLSys (Best Paper)*
- AWQ (Activation-aware Wieght Quantization)
- **관찰**: weight 중 약 **1%의 salient weight**만 보호해도 양자화 오차가 크게 줄어듦
    - 중요한 weight는 **weight 크기가 아니라 activation 크기**로 판단 (activation이 큰 channel에 곱해지는 weight)
- 일부만 FP16으로 남기면 mixed-precision이라 hardware 비효율 → 대신 **per-channel scaling**
    - salient channel의 weight에 $s > 1$을 곱하고 입력 activation은 $1/s$로 나눔 → 수학적으로 같은 연산, 양자화 상대 오차만 줄어듦
    - $s$는 activation 크기 통계를 기준으로 grid search
- **장점**: backpropagation·reconstruction 없음 → calibration 데이터에 덜 과적합, instruction/multi-modal 모델에도 잘 일반화
- 주로 **W4A16**, vLLM·TGI·TensorRT-LLM에서 지원

");
    let years: Vec<(&str, &str)> = d
        .claims
        .iter()
        .filter(|c| c.attribute == "연도")
        .map(|c| (c.subject.as_str(), c.value.as_str()))
        .collect();
    assert_eq!(years, [("GPTQ", "2023"), ("AWQ", "2024")]);
}

#[test]
fn a_summary_cell_wording_again_a_sides_bullet_is_no_card() {
    // `Dynamic Batching › batch 구성 시점` → `window 만료 또는 batch가 다 찰 때` says again
    // what `Static / Dynamic Batching › Dynamic` says: that bullet is about `Dynamic
    // Batching`, and every word of the cell that names something is in it. A cell with a
    // word of its own (`GPU 활용률`) is still a card.
    let d = doc("## **2. Batching 전략**

### 1. Static / Dynamic Batching

- **Static**: 요청을 batch 크기만큼 모아서 한 번에 처리, **batch 안의 모든 시퀀스가 끝나야** 다음 batch 시작
- **Dynamic**: 시간 window(수 ms) 또는 최대 batch 크기까지 요청을 모아 batch 구성 (Triton Inference Server 등) → **출력 길이가 고정**된 모델에 적합
    - **한계**: 여전히 **request 단위** 스케줄링 → 출력 길이가 다르면 static batching과 같은 문제

### 2. Continuous Batching

- **개념**: **iteration-level scheduling** → decode step마다 batch 구성을 다시 정함

| 항목 | Static Batching | Dynamic Batching | Continuous Batching |
| --- | --- | --- | --- |
| **batch 구성 시점** | batch가 다 찰 때 | window 만료 또는 batch가 다 찰 때 | 매 step |
| **적합한 모델** | offline 일괄 처리 | 출력 길이 고정 (분류, embedding) | 출력 길이 가변 (LLM 생성) |
| **대표 구현** | HF generate batch | Triton dynamic batcher | Orca, vLLM, TGI |
");
    let tables = table_fronts(&d);
    assert!(
        !tables.contains(&"Dynamic Batching › batch 구성 시점"),
        "{tables:#?}"
    );
    assert!(
        !tables.contains(&"Dynamic Batching › 적합한 모델"),
        "{tables:#?}"
    );
    assert!(
        tables.contains(&"Continuous Batching › 적합한 모델"),
        "{tables:#?}"
    );
    assert_skipped(&d, |why| {
        why.starts_with("table cell that says again a bullet of the card on line 10")
    });
}

#[test]
fn a_summary_cell_with_another_number_is_no_repeat() {
    // `트리 수 100, 서브샘플 크기 ψ = 128` words the bullet's parameters again but with another
    // number (`ψ = 256`): two facts, or a slip to settle, not one fact said twice.
    let d = doc("## 문항 2

### Isolation Forest

- **개념**: 랜덤 분할로 빨리 고립되는 샘플이 이상치
- **하이퍼파라미터**: 트리 수 100, 서브샘플 크기 ψ = 256

### LOF

- **개념**: 이웃 대비 지역 밀도로 판단

### Z-score

- **개념**: 평균에서 표준편차 몇 배 떨어졌는지

## 요약 표

| 방법 | 기본 설정 |
| --- | --- |
| **Isolation Forest** | 트리 수 100, 서브샘플 크기 ψ = 128 |
| **LOF** | 이웃 수 k |
| **Z-score** | 임계값 3σ |
| **DBSCAN** | eps, min_samples |
");
    let tables = table_fronts(&d);
    assert!(
        tables.contains(&"Isolation Forest › 기본 설정"),
        "{tables:#?}"
    );
}

#[test]
fn a_bold_name_with_only_an_aside_over_its_list_is_a_label() {
    // `1. **Median Stopping Rule** (Google Vizier, …)` and `2. **Learning curve
    // extrapolation** (Domhan et al., 2015)` were joined into `… › 핵심 내용`, while the third
    // method, without an aside, was a card of its own.
    let d = doc("## **6. Trial Early Stopping (Pruning)**

- 학습 곡선을 중간에 보고 **가망 없는 trial을 조기 종료** → 남은 예산을 다른 trial에 사용

1. **Median Stopping Rule** (Google Vizier, Golovin et al., 2017)
    - step $t$에서 trial의 best 성능이 running average의 median보다 나쁘면 중단
    - Optuna `MedianPruner`
2. **Learning curve extrapolation** (Domhan et al., 2015)
    - 초반 곡선으로 최종 성능 예측 → 현재 best를 넘을 확률이 낮으면 중단
3. **SHA/Hyperband 계열 pruner**
    - rung 단위로 상위 $1/\\eta$만 통과
");
    let cards = cards(&d);
    assert!(
        cards.iter().any(|c| c.starts_with(
            "Trial Early Stopping › Median Stopping Rule => (Google Vizier, Golovin et al., 2017)"
        )),
        "{cards:#?}"
    );
    assert!(
        cards
            .iter()
            .any(|c| c.starts_with("Trial Early Stopping › Learning curve extrapolation => ")),
        "{cards:#?}"
    );
    assert!(cards.iter().all(|c| !c.contains("핵심 내용")), "{cards:#?}");
}

#[test]
fn a_titled_tip_with_its_text_on_the_line_is_a_tip() {
    // `📌 **팁**: …` with nothing after it to head was skipped as a title over nothing; its
    // title is no fact to hide, and its colon no separator.
    let d = doc("## Prefix Caching

- **개념**: 공통 prefix의 KV block을 재사용

📌 **팁**: prompt 설계 시 **변하지 않는 부분을 앞에, 바뀌는 부분(사용자 질문, 날짜)을 뒤에** 두어야 cache hit ↑

📌 **암기 팁**: PBT = \"Random search + 학습 이어가기\"
");
    let hidden: Vec<&str> = d
        .cards
        .iter()
        .flat_map(|c| c.cloze.iter().map(move |h| &c.front[h.range.clone()]))
        .collect();
    assert!(
        hidden.iter().any(|h| h.contains("변하지 않는 부분을 앞에")),
        "{hidden:#?}"
    );
    assert!(
        hidden.iter().any(|h| h.contains("Random search")),
        "{hidden:#?}"
    );
    assert!(hidden.iter().all(|h| !h.contains("팁")), "{hidden:#?}");
}

#[test]
fn a_topics_only_loose_formula_is_its_formula() {
    // Mixup's formula puts its first bullet in symbols; its left side names no topic, and it
    // was skipped as a loose paragraph. A second loose formula has no front of its own.
    let d = doc("## **2. Mixup**

- 두 이미지를 **픽셀 단위로 선형 보간**, 라벨도 같은 비율로 섞음

$$
\\tilde{x} = \\lambda x_i + (1 - \\lambda) x_j, \\quad \\tilde{y} = \\lambda y_i + (1 - \\lambda) y_j
$$

- $\\lambda \\sim \\mathrm{Beta}(\\alpha, \\alpha)$, $\\lambda \\in [0, 1]$

$$
\\mathbb{E}[\\lambda] = 0.5
$$
");
    let cards = cards(&d);
    let formulas: Vec<&String> = cards
        .iter()
        .filter(|c| c.starts_with("Mixup › 수식 =>"))
        .collect();
    assert_eq!(formulas.len(), 1, "{cards:#?}");
    assert!(
        formulas[0].contains("\\tilde{x} = \\lambda x_i"),
        "{cards:#?}"
    );
}

#[test]
fn a_bold_statement_over_a_short_explanation_is_a_cloze_of_its_term() {
    // Each was a `… › 핵심 내용` card whose front asked nothing: the bold term is the fact,
    // what is nested under it its answer.
    let d = doc("## 재현성

- **Seed 고정**: python, numpy, torch seed를 모두 고정
- HPO 결과 비교가 의미 있으려면 **같은 설정 → 같은 결과**가 나와야 함
    - seed만 바꿔도 accuracy가 ±0.5%p 흔들리면 0.3%p 차이는 판단 불가
");
    let cards = cards(&d);
    assert!(cards.iter().all(|c| !c.contains("핵심 내용")), "{cards:#?}");
    let cloze = d
        .cards
        .iter()
        .find(|c| c.front.contains("HPO 결과 비교가"))
        .expect("a cloze of the statement");
    assert_eq!(
        &cloze.front[cloze.cloze[0].range.clone()],
        "같은 설정 → 같은 결과"
    );
    assert!(cloze.back.contains("±0.5%p"), "{cards:#?}");
}

#[test]
fn a_bold_statement_over_labelled_items_stays_a_list() {
    // Labelled items under it are facts of their own, which one cloze would bury.
    let d = doc("## 재현성

- **Seed 고정**: python, numpy, torch seed를 모두 고정
- 실험 기록은 **MLflow**로 관리
    - **Parameters**: HP, 데이터 버전
    - **Metrics**: loss, accuracy
");
    assert!(
        d.cards.iter().all(|c| !c
            .cloze
            .iter()
            .any(|h| &c.front[h.range.clone()] == "MLflow")),
        "{:#?}",
        cards(&d)
    );
}

#[test]
fn a_plain_facet_name_before_a_colon_labels_a_topics_bullet() {
    // `- 문제: …` was gathered into `SmoothQuant › 핵심 내용`; `- 해결: **비동기 승격**` was a
    // cloze whose context gave nothing to recall it by. A statement with a colon that names
    // no facet (`구현: …`) is read as before.
    let d = doc("## ASHA (Asynchronous Successive Halving)

- *Li et al., 2020*
- 문제: 동기식 SHA는 한 rung의 **모든 trial이 끝날 때까지 기다려야** 다음 rung으로 승격
- 해결: **비동기(asynchronous) 승격**
    - worker가 비면 상위 $1/\\eta$에 드는 trial을 즉시 승격
- **장점**: 대규모 병렬 환경에서 worker utilization ↑
");
    let cards = cards(&d);
    assert!(
        cards
            .iter()
            .any(|c| c.starts_with("ASHA › 문제 => 동기식 SHA는 한 rung의 <b>모든 trial이")),
        "{cards:#?}"
    );
    assert!(
        cards.iter().any(
            |c| c.starts_with("ASHA › 해결 => <b>비동기(asynchronous) 승격</b>")
                && c.contains("즉시 승격")
        ),
        "{cards:#?}"
    );
}

#[test]
fn a_table_a_worked_example_title_introduces_is_no_card_per_cell() {
    // `📌 **계산 예시** ($k = 60$)` over documents `A`, `B`, … and their made-up ranks: each
    // cell was a rank or a score without the ranks it comes from.
    let d = doc("## RRF (Reciprocal Rank Fusion)

- **장점**: 점수 정규화 불필요

📌 **계산 예시** ($k = 60$)

| 문서 | BM25 순위 | Dense 순위 | RRF 점수 |
| --- | --- | --- | --- |
| A | 1 | 3 | 1/61 + 1/63 = **0.032266** |
| B | 2 | 1 | 1/62 + 1/61 = **0.032522** |
");
    assert!(table_fronts(&d).is_empty(), "{:#?}", cards(&d));
    assert_skipped(&d, |why| why.contains("values an example works out"));
}

#[test]
fn a_case_studys_table_of_measurements_is_no_card_per_cell() {
    // What one project measured, version by version, is no fact of the methods it used.
    let d = doc("# 3. 실전 사례: 사내 규정 QA 챗봇

처음 버전은 512 tokens 고정 길이 chunking에 dense 검색 top-5만 쓰는 가장 단순한 구조였습니다.

| 버전 | 구성 | Context Recall | Faithfulness |
| --- | --- | --- | --- |
| v1 | fixed 512 + dense top-5 | 0.61 | 0.79 |
| v2 | + structure chunking + BM25 (RRF) | 0.78 | 0.81 |
");
    assert!(table_fronts(&d).is_empty(), "{:#?}", cards(&d));
    assert_skipped(&d, |why| why.starts_with("table of what a case measured"));
}

#[test]
fn a_dash_cell_and_a_worked_examples_title_are_no_cards() {
    // `Flat › 주요 파라미터` → `-` was an empty answer; the pinned title of a worked example
    // was a cloze hiding the words `계산 예시`.
    let d = doc("## Vector Search

- **개념**: 가장 가까운 벡터를 찾는 검색

| 방법 | 주요 파라미터 | 정확도 |
| --- | --- | --- |
| **Flat** | - | 100% (exact) |
| **HNSW** | M, efSearch | 높음 |
| **IVF** | nlist, nprobe | 중간 |

📌 **계산 예시** ($k = 60$)

| 문서 | BM25 순위 | RRF 점수 |
| --- | --- | --- |
| A | 1 | 1/61 = **0.0164** |
| B | 2 | 1/62 = **0.0161** |
");
    let cards = cards(&d);
    assert!(cards.iter().all(|c| !c.ends_with("=> -")), "{cards:#?}");
    assert!(cards.iter().all(|c| !c.contains("계산 예시")), "{cards:#?}");
    assert!(
        cards
            .iter()
            .any(|c| c.contains("HNSW") && c.contains("efSearch")),
        "{cards:#?}"
    );
}

#[test]
fn a_column_summing_each_row_up_is_no_card() {
    // `BM25 › 시험 포인트` names no question; the cell says again what BM25's section says.
    let d = doc("## 요약표

| 개념 | 핵심 내용 | 시험 포인트 | 기본값 |
| --- | --- | --- | --- |
| **BM25** | TF saturation + IDF + 길이 정규화 | 키워드·코드에 강함, 동의어 약함 | $k_1 = 1.2$ |
| **RRF** | $\\sum 1/(k + \\text{rank})$ | 점수 정규화 불필요 | $k = 60$ |
| **HNSW** | 다층 graph 탐색 | 메모리 많이 씀 | $M = 16$ |
");
    let tables = table_fronts(&d);
    assert!(
        tables
            .iter()
            .all(|f| !f.contains("핵심 내용") && !f.contains("시험 포인트")),
        "{tables:#?}"
    );
    assert!(tables.iter().any(|f| f.contains("기본값")), "{tables:#?}");
}

#[test]
fn a_section_titled_as_a_worked_example_is_no_card() {
    // `### 2. 계산 예시 (3 bins)`: the bins' made-up shares, row by row, and the sums worked
    // out under them. Asked, they were `나이 › 1 → ~29` and `PSI › bin 1 → (0.25 − 0.40)…`:
    // arithmetic with nothing to recall. The method's own section keeps its cards.
    let d = doc("## 문항 13

### 1. PSI (Population Stability Index)

- **해석 기준**: PSI < 0.1 안정, 0.25 이상 큰 변화

### 2. 계산 예시 (3 bins)

- 고객 나이 feature, 학습 시점(expected) vs 이번 달 운영 데이터(actual)

| bin | 나이 | Expected $E_i$ | Actual $A_i$ | 항 |
| --- | --- | --- | --- | --- |
| 1 | ~29 | 0.40 | 0.25 | 0.0705 |
| 2 | 30~49 | 0.40 | 0.40 | 0 |

- bin 1: $(0.25 - 0.40)\\ln(0.25/0.40) = 0.0705$
- 합계: $PSI = 0.0705 + 0 = 0.0705$
");
    assert_eq!(
        cards(&d),
        [
            "PSI => Population Stability Index",
            "PSI › 해석 기준 => PSI &lt; 0.1 안정, 0.25 이상 큰 변화"
        ]
    );
    assert_skipped(&d, |why| why.contains("worked computation"));
}

#[test]
fn a_topic_titled_as_the_worked_example_of_a_name_asks_only_what_it_showed() {
    // `## **4. InfoNCE 계산 예시**`: the similarities, the logits, the sums and the table of
    // their values are made up (`\tau = 0.1 › p(T_1 \mid I_1) → 0.9924`); the `해석` list
    // says what the example showed, and is asked.
    let d = doc(r"## **4. InfoNCE 계산 예시**

- batch $N = 3$, cosine similarity가 각각 0.8, 0.3, 0.1 (정답은 $T_1$)
- **$\tau = 0.1$일 때** logit = $s/\tau$ = 8, 3, 1

$$
p(T_1 \mid I_1) = \frac{e^{8}}{e^{8} + e^{3} + e^{1}} \approx 0.9924
$$

- 해석
    - $\tau$가 크면 확률이 평평해져 loss가 큼
    - $\tau$가 작으면 **hard negative**에 gradient 집중

| 항목 | $\tau = 0.1$ | $\tau = 1$ |
| --- | --- | --- |
| **$p(T_1 \mid I_1)$** | 0.9924 | 0.4755 |
| **loss** | 0.0076 | 0.743 |
");
    let all = cards(&d);
    assert_eq!(all.len(), 1, "{all:#?}");
    assert!(
        all[0].starts_with("InfoNCE 계산 예시 › 해석 => ") && all[0].contains("평평해져"),
        "{all:#?}"
    );
    assert_skipped(&d, |why| why.contains("worked computation"));
}

#[test]
fn a_tables_names_written_as_math_show_as_math() {
    // `$\beta_1$` over Adam's defaults: the front said `\beta_1 › 기본값`, TeX as text.
    let d = doc(r"## Adam

| 항목 | $\beta_1$ | $\beta_2$ |
| --- | --- | --- |
| **기본값** | 0.9 | 0.999 |

| 하이퍼파라미터 | 의미 |
| --- | --- |
| $\epsilon$ | 0으로 나누기 방지 |
");
    assert_eq!(
        cards(&d),
        [
            "\\(\\beta_1\\) › 기본값 => 0.9",
            "\\(\\beta_2\\) › 기본값 => 0.999",
            "\\(\\epsilon\\) › 의미 => 0으로 나누기 방지",
        ]
    );
}

#[test]
fn a_table_of_what_a_narrated_case_did_is_no_card_per_cell() {
    // An essay telling what its writer did, in the past tense, over the steps they took:
    // `Shadow › 기간 → 1주` is one project's record, not a fact of shadow deployment.
    let d = doc("### 문항 30

운영 중인 모델의 성능 저하를 발견하고 대응한 과정을 서술하시오

# 4. 재학습 트리거와 배포 절차

재학습은 매주 정기 학습을 기본으로 두고, 트리거를 추가했습니다. 새 모델은 1주일 shadow deployment로 기존 모델과 비교했습니다. 그 뒤 5% canary로 시작해 100%까지 늘렸습니다.

| 단계 | 기간 | 확인 지표 | 결과 |
| --- | --- | --- | --- |
| Shadow | 1주 | 예측 score 분포, latency | 기존 대비 skew 없음 |
| Canary 5% | 3일 | 에러율, 차단율 | 이상 없음 |
");
    let cards = cards(&d);
    assert!(cards.iter().all(|c| !c.contains("Shadow ›")), "{cards:#?}");
    assert_skipped(&d, |why| why.contains("narrated case"));
}

#[test]
fn a_table_under_prose_in_the_present_is_carded() {
    // The same table under prose stating how a method works, not what someone did.
    let d = doc("## 배포 전략

새 모델은 shadow로 먼저 비교합니다. 이상이 없으면 canary로 일부 트래픽에 배포합니다.

| 단계 | 확인 지표 |
| --- | --- |
| Shadow | 예측 score 분포, latency |
| Canary | 에러율, 차단율 |
");
    let cards = cards(&d);
    assert!(
        cards.iter().any(|c| c.starts_with("Shadow › 확인 지표")),
        "{cards:#?}"
    );
}

#[test]
fn a_table_cell_contradicting_a_count_a_bullet_gives_waits() {
    // `80개의 … 질문` in MT-Bench's bullet, `100개` in the table's `질문 수` row: lint
    // reports the conflict, and the cell's card waits for it rather than teach both numbers.
    let d = doc("### 2. MT-Bench

- **구조**: **80개**의 고품질 multi-turn 질문, 8개 카테고리

### 3. 벤치마크 비교

| 항목 | MT-Bench | AlpacaEval |
| --- | --- | --- |
| **질문 수** | 100개 | 805개 |
");
    let cards = cards(&d);
    assert!(
        cards.iter().all(|c| !c.starts_with("MT-Bench › 질문 수")),
        "{cards:#?}"
    );
    assert!(
        cards.iter().any(|c| c.starts_with("AlpacaEval › 질문 수")),
        "{cards:#?}"
    );
    assert_skipped(&d, |why| why.contains("conflicting-claim"));
}

#[test]
fn the_sums_under_a_worked_examples_title_are_no_card_but_a_tip_among_them_is() {
    // `**📌 계산 예시 (KL)**` over its sums: they went into `RLHF › KL penalty`'s answer,
    // made-up numbers among the facts. The pinned line closing them is a fact the example
    // led to, and is asked as a tip.
    let d = doc("## RLHF

### KL penalty

- reference model에서 너무 멀어지지 않도록 KL 패널티를 추가
- InstructGPT: $\\beta = 0.02$

**📌 계산 예시 (KL)**

- 분포: $\\pi_\\theta = (0.5, 0.3, 0.2)$, $\\pi_{ref} = (0.4, 0.4, 0.2)$
- $D_{KL} = 0.5 \\times 0.223 + 0.3 \\times (-0.288) \\approx 0.025$ nats
- 📌 KL은 **비대칭**: RLHF는 policy 쪽에서 샘플링 → mode-seeking
");
    let cards = cards(&d);
    assert!(cards.iter().all(|c| !c.contains("0.025")), "{cards:#?}");
    let tip = d
        .cards
        .iter()
        .find(|c| c.front.starts_with("KL은 <b>비대칭</b>"));
    assert_eq!(tip.map(|c| c.kind), Some(CardKind::Cloze), "{cards:#?}");
    assert_skipped(&d, |why| why.contains("worked computation"));
}

#[test]
fn a_pinned_worked_example_label_is_no_card_and_no_part_of_its_facets_answer() {
    // `- **📌 계산 예시**: …` reads as the `계산 예시` label it is, pin or not: its sums are
    // neither a card of their own nor lines of the facet's answer.
    let d = doc("## DPO

### Loss

- $\\beta$: KL 강도 역할 (보통 **0.1**)
- **gradient 해석**: 순서를 틀리게 매긴 pair일수록 가중치 ↑
- **📌 계산 예시**: $\\beta = 0.1$, margin $= 0.1 \\times 5 = 0.5$, loss $\\approx 0.474$
");
    let cards = cards(&d);
    assert!(cards.iter().all(|c| !c.contains("0.474")), "{cards:#?}");
    assert!(
        cards.iter().any(|c| c.contains("gradient 해석")),
        "{cards:#?}"
    );
}

#[test]
fn a_list_left_out_whole_leaves_no_empty_list_on_the_answer() {
    // A facet split by its labels, whose first list only cites its paper: the citation goes,
    // and so does the list that held it (`<ul></ul>` opened the answer).
    let d = doc("## Hybrid Search

### RRF (Reciprocal Rank Fusion)

- *Cormack, Clarke & Büttcher, 2009, SIGIR*

$$
\\text{RRF}(d) = \\sum_{r} \\frac{1}{k + \\text{rank}_r(d)}
$$

- $R$: 합칠 ranking 목록들, $\\text{rank}_r(d)$: ranking $r$에서 문서 $d$의 순위 (1부터)
- **$k = 60$** (논문 기본값) → 상위 몇 개 순위 차이가 점수를 지나치게 좌우하지 않게 완화
- 어떤 ranking에 없는 문서는 그 항을 0으로 취급
- **장점**: 점수 정규화 불필요, 튜닝할 게 거의 없음, retriever 추가 쉬움
- **단점**: 점수 크기 정보 버림 (1등이 압도적으로 좋아도 반영 X)
");
    assert!(
        d.cards.iter().all(|c| !c.back.contains("<ul></ul>")),
        "{:#?}",
        d.cards
    );
}

#[test]
fn a_numerical_example_is_a_worked_one_but_the_tip_closing_it_is_asked() {
    // `### 수치 예시: …` works an example out as `계산 예시` does; the pinned tip closing the
    // section is no part of it. A plain `- 수치 예시: …` line among a facet's bullets is one
    // too, and a 핵심 내용 card left with nothing else is no card.
    let d = doc("## DDPM

### Forward process

- **closed form**: 중간 step을 거치지 않고 $x_0$에서 바로 $x_t$를 뽑음

### 수치 예시: $\\bar\\alpha_t$와 noisy sample 계산

- 설명용으로 $T=3$, $\\beta_1 = 0.1,\\ \\beta_2 = 0.2,\\ \\beta_3 = 0.3$ 이라고 하자
- $\\bar\\alpha_3 = 0.9 \\times 0.8 \\times 0.7 = 0.504$

📌 **암기 팁**

- DDPM loss = \"섞은 노이즈 맞히기\" → $\\|\\epsilon - \\epsilon_\\theta\\|^2$

### CFG

- **샘플링**: 매 step 두 번 예측해서 외삽
- 수치 예시: $w = 7.5$ → $\\tilde\\epsilon = 0.2 + 7.5 \\times 0.3 = 2.45$
");
    let cards = cards(&d);
    assert!(cards.iter().all(|c| !c.contains("0.504")), "{cards:#?}");
    assert!(cards.iter().all(|c| !c.contains("2.45")), "{cards:#?}");
    assert!(cards.iter().all(|c| !c.contains("핵심 내용")), "{cards:#?}");
    let tip = d.cards.iter().find(|c| c.front.starts_with("DDPM loss"));
    assert_eq!(tip.map(|c| c.kind), Some(CardKind::Cloze), "{cards:#?}");
}

#[test]
fn a_one_line_example_working_its_result_out_hides_the_working() {
    // `DiD › 예시` → the whole example asked for made-up numbers; the line gives its
    // numbers, then works the result out under the topic's name: that working is asked.
    let d = doc("## **6. DiD (Difference-in-Differences)**

- **정의**: 처치군과 통제군의 \"전후 변화량\"의 차이로 효과 추정
- **예시**: 서울에만 새 배송 정책 도입. 서울 100 → 130 (+30), 부산 90 → 105 (+15) → DiD = 30 − 15 = **15**
- **장점**: 시간 불변 비관측 교란 제거
");
    let clozes = common::cloze_fronts(&d);
    assert_eq!(
        clozes,
        [
            "서울에만 새 배송 정책 도입. 서울 100 → 130 (+30), 부산 90 → 105 (+15) → DiD = \
          {{c1::30 − 15 = <b>15</b>}}"
        ],
        "{:#?}",
        common::cards(&d)
    );
    assert!(d.cards.iter().all(|c| !c.front.ends_with("› 예시")));
}

#[test]
fn a_worked_examples_matrix_and_the_sums_it_works_out_are_no_cards() {
    // `**Worked example** ($T = 3$)` over a matrix of accuracies, then the sums read off it:
    // asked cell by cell (`학습 후 Task 1 학습 후 › 평가 Task 1` → `0.95`) and sum by sum
    // (`평가 지표 › Forgetting` → `f_1 = max(0.95, 0.80) − 0.70 = 0.25`), they were made-up
    // numbers. The metrics' own definitions above stay cards.
    let d = doc("## **10. 평가 지표 (ACC, BWT, FWT, Forgetting)**

- BWT (Backward Transfer): 새 task 학습이 옛 task에 준 영향 (음수 = 망각, 양수 = positive backward transfer)
- FWT (Forward Transfer): 옛 task 학습이 아직 안 본 task에 준 도움

**Worked example** ($T = 3$, 모든 task $\\bar b = 0.20$)

| 학습 후 \\ 평가 | Task 1 | Task 2 | Task 3 |
| --- | --- | --- | --- |
| **Task 1 학습 후** | 0.95 | 0.30 | 0.20 |
| **Task 2 학습 후** | 0.80 | 0.92 | 0.25 |
| **Task 3 학습 후** | 0.70 | 0.85 | 0.90 |

- ACC = $(0.70 + 0.85 + 0.90) / 3 = 2.45 / 3 \\approx 0.817$
- BWT = $\\frac{(0.70 - 0.95) + (0.85 - 0.92)}{2} = \\frac{-0.25 - 0.07}{2} = -0.16$
- FWT = $\\frac{(0.30 - 0.20) + (0.25 - 0.20)}{2} = \\frac{0.10 + 0.05}{2} = 0.075$
- Forgetting: $f_1 = \\max(0.95, 0.80) - 0.70 = 0.25$, $f_2 = 0.92 - 0.85 = 0.07$ → $F = 0.16$
    - 최고점이 대각선에 있어서 $F = -\\mathrm{BWT}$, 중간에 성능이 오른 task가 있으면 달라짐
");
    let all = common::cards(&d);
    assert!(
        all.iter()
            .all(|c| !c.contains("0.95") && !c.contains("Task 1 학습 후")),
        "{all:#?}"
    );
    assert!(
        all.iter().any(
            |c| c.contains("BWT (Backward Transfer)") || c.contains("BWT => Backward Transfer")
        ),
        "{all:#?}"
    );
    assert_skipped(&d, |r| {
        r == "table of the values an example works out, row by row"
    });
}

#[test]
fn a_labelled_fact_among_a_worked_examples_sums_is_a_card() {
    // `- **Stopping criterion**: …` closes the list of a worked example's sums: it works
    // nothing out, and was skipped with them.
    let d = doc("## **8. Cold Start & Labeling Budget**

- **정의**: 초기 라벨이 거의 없을 때 AL을 어떻게 시작할지

**Worked Example**

- unlabeled pool 100,000건 (고객 문의), 라벨 단가 300원, 예산 150만 원 → $B = 5{,}000$
- $n_0 = 1{,}000$ (random), $b = 500$ → $R = (5{,}000 - 1{,}000) / 500 = 8$ round
- 결과: random 5,000건 F1 0.81 vs AL 5,000건 F1 0.86, random으로 0.86 찍으려면 9,000건 필요 → 4,000건 × 300원 = **120만 원 절감**
- **Stopping criterion**: validation F1 변화 < 0.5%p가 2 round 연속 / 연속 round 예측 일치도(stabilizing predictions)가 임계값 이상 / budget 소진
");
    let all = common::cards(&d);
    assert!(
        all.iter()
            .any(|c| c.contains("› Stopping criterion => validation F1 변화")),
        "{all:#?}"
    );
    assert!(all.iter().all(|c| !c.contains("120만 원")), "{all:#?}");
}

#[test]
fn a_formula_subscripted_with_a_line_s_short_name_is_that_line_s() {
    // `- **Least Confidence (LC)**: …` over `$$x^*_{LC} = …$$`: the subscript is the line's
    // name in short, and the formula goes on its card rather than a `수식` of the topic.
    let d = doc("## **3. Uncertainty Sampling**

- **정의**: 현재 모델이 **가장 확신하지 못하는** 샘플을 질의 (Lewis & Gale 1994), 가장 먼저 시도하는 baseline
- **Least Confidence (LC)**: top-1 확률이 가장 낮은 샘플 → 나머지 클래스 정보는 버림

$$x^*_{LC} = \\arg\\max_{x} \\left(1 - P_\\theta(\\hat{y} \\mid x)\\right), \\quad \\hat{y} = \\arg\\max_y P_\\theta(y \\mid x)$$

- **Margin**: 1등 $\\hat{y}_1$, 2등 $\\hat{y}_2$ 확률 차이가 가장 작은 샘플 = 결정 경계 근처 (small-text에서는 `BreakingTies`)
");
    let all = common::cards(&d);
    assert!(
        all.iter().any(
            |c| c.contains("› Least Confidence (LC) => top-1 확률이 가장 낮은 샘플")
                && c.contains("x^*_{LC}")
        ),
        "{all:#?}"
    );
    assert!(all.iter().all(|c| !c.contains("› 수식")), "{all:#?}");
}

#[test]
fn the_topic_s_facts_after_a_worked_examples_sums_are_cards() {
    // `### Worked Example` over a table and its sums, then `- **장점**: …` and `- **한계**`:
    // one list in Markdown, skipped whole as the example's, with the topic's facts in it.
    let d = doc("## **3. Uncertainty Sampling**

- **정의**: 현재 모델이 **가장 확신하지 못하는** 샘플을 질의 (Lewis & Gale 1994), 가장 먼저 시도하는 baseline
- **Least Confidence (LC)**: top-1 확률이 가장 낮은 샘플 → 나머지 클래스 정보는 버림

### Worked Example (3-class, 자연로그)

| 샘플 | $P(y \\mid x)$ | LC 점수 $1-\\max p$ | Margin $p_1 - p_2$ | Entropy $H$ |
| --- | --- | --- | --- | --- |
| A | [0.50, 0.30, 0.20] | 0.50 | 0.20 | 1.030 |
| B | [0.48, 0.47, 0.05] | 0.52 | **0.01** | 0.857 |
| C | [0.40, 0.35, 0.25] | **0.60** | 0.05 | **1.081** |

- A의 entropy: $-(0.5 \\ln 0.5 + 0.3 \\ln 0.3 + 0.2 \\ln 0.2) = 0.347 + 0.361 + 0.322 = 1.030$
- LC → **C** (max p 0.40), Margin → **B** (0.48 vs 0.47), Entropy → **C** (최대값 $\\ln 3 \\approx 1.099$ 에 가장 가까움)
- B는 사실상 2-class로 좁혀진 샘플이라 entropy는 낮지만 margin은 제일 작음 → **전략마다 고르는 샘플이 다름**

- **장점**: 구현 간단, pool 전체 forward 1번, 확률 출력 모델이면 다 적용 가능
- **한계**
    - **sampling bias**: 현재 모델 기준으로만 골라서 초기 모델이 틀린 영역을 계속 놓칠 수 있음
    - outlier / noisy 샘플을 \"불확실\"하다고 고르는 경우 많음
    - batch로 top-k 뽑으면 비슷한 샘플이 몰림 (→ 7번 batch-mode)

");
    let all = common::cards(&d);
    for want in [
        "Uncertainty Sampling › 장점 => 구현 간단",
        "Uncertainty Sampling › 한계 => <ul><li><b>sampling bias</b>",
    ] {
        assert!(all.iter().any(|c| c.contains(want)), "{want}: {all:#?}");
    }
    assert!(all.iter().all(|c| !c.contains("1.030")), "{all:#?}");
}

#[test]
fn the_lines_read_off_an_examples_table_are_its_working() {
    // `- **예시: greedy vs Hungarian**` over a table of IoUs, then the lines reading the
    // matching off it: clozes hid `0.75`, `T2 unmatched` and `track`.
    let d = doc("## **2. Hungarian 매칭 + IoU cost**

- **cost matrix**: $C_{ij} = 1 - \\text{IoU}(T_i, D_j)$

- **예시: greedy vs Hungarian** (threshold 0.3)

| IoU | D1 | D2 | D3 |
| --- | --- | --- | --- |
| **T1** | 0.70 | 0.60 | 0.00 |
| **T2** | 0.65 | 0.10 | 0.00 |

- greedy: T1–D1 (0.70) 먼저 → T2에 남은 최선은 D2 (0.10) → threshold 미만이라 거부 → **T2 unmatched**
- Hungarian: T1–D1 + T2–D2 = 0.30 + 0.90 = 1.20 vs T1–D2 + T2–D1 = 0.40 + 0.35 = **0.75** → 둘 다 매칭 성공
- D3은 아무 track과도 안 겹침 → 새 track 후보
");
    let all = common::cards(&d);
    assert!(
        all.iter()
            .all(|c| !c.contains("0.75") && !c.contains("T2 unmatched") && !c.contains("D3")),
        "{all:#?}"
    );
    assert!(all.iter().any(|c| c.contains("cost matrix")), "{all:#?}");
}
