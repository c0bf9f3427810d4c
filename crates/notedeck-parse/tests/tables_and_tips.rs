//! Comparison tables (which cells are cards, and how they are asked), and tips in quotes,
//! after `**Exam tip:**` and in lines of pairs, on fragments in the style of the user's notes
//! (`notes/역량평가 정리.md`). Each case shows the cards as `kind | deck | front => back`.

mod common;

use common::{anki_front, assert_fronts, assert_skipped, cards, cloze_fronts, doc, skipped_lines};
use notedeck_parse::{CardKind, ClaimOrigin};

#[test]
fn a_cell_answering_with_a_number_its_subjects_name_holds_is_no_card() {
    // `ViT-L/14@336px › 입력 해상도` → `336`, `› patch 크기` → `14`: the name says both.
    // `patch token 수` → `576` is asked.
    let d = doc("## ViT

| 모델 | patch 크기 | 입력 해상도 | patch token 수 |
| --- | --- | --- | --- |
| **ViT-L/14@336px** | 14 | 336 | 576 |
");
    assert_eq!(
        cards(&d),
        ["table | 역량평가 정리::문제 9 | ViT-L/14@336px › patch token 수 => 576"]
    );
    assert_skipped(&d, |r| r.contains("a number of its name"));
}

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
            // Two degrees of one facet are asked together.
            "table | 역량평가 정리::문제 9 | Grad-CAM / Score-CAM › 계산량 => <ul><li>Grad-CAM: \
             적음</li><li>Score-CAM: 많음 (채널 수 × forward)</li></ul>",
        ]
    );
    // No topic here is named by the table: it belongs where it sits, shown once (Context).
    assert_eq!(d.cards[0].context, None);
    assert_eq!(d.cards[0].context_path(), ["문제 9", "비교 요약 표"]);
    // The contrast's key is its own, and so is its id.
    assert_eq!(d.cards[1].key, "계산량 › Grad-CAM / Score-CAM");
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
fn a_tip_listing_short_items_hides_one_at_a_time() {
    // `Adam 기본값 → lr 0.001, β1 0.9, β2 0.999`: a card per value. A list whose items are
    // phrases of their own, or only two items, stays one deletion.
    let d = doc("## Adam

- **특징**: 적응적 학습률

📌 **암기 포인트**

- Adam 기본값 → lr 0.001, β1 0.9, β2 0.999
- DQN = “Q-Learning + Deep Neural Network + Experience Replay + Target Network”
- 한계 → 학습 초기에 분산이 커서 불안정함, 일반화 성능이 SGD보다 낮을 수 있음, 메모리 사용량이 큼
- 짝 → lr 0.001, β1 0.9
");
    let fronts = cloze_fronts(&d);
    assert_eq!(
        fronts,
        [
            "Adam 기본값 → {{c1::lr 0.001}}, {{c2::β1 0.9}}, {{c3::β2 0.999}}",
            "DQN = “{{c1::Q-Learning}} + {{c2::Deep Neural Network}} + {{c3::Experience Replay}} + {{c4::Target Network}}”",
            "한계 → {{c1::학습 초기에 분산이 커서 불안정함, 일반화 성능이 SGD보다 낮을 수 있음, 메모리 사용량이 큼}}",
            "짝 → {{c1::lr 0.001, β1 0.9}}",
        ]
    );
}

#[test]
fn a_cell_pointing_at_another_cell_is_not_carded() {
    // "그 클래스" is the new class of the other column: the card alone asks nothing.
    let d = doc("## **5. 비교 표**

| 구분 | 학습 시 새로운 클래스 데이터 | 테스트 시 |
| --- | --- | --- |
| **Zero-Shot** | 없음 | Unseen만 |
| **One-Shot** | 1개 | 그 클래스 예측 |
| **GZSL** | 없음 | Seen+Unseen 모두 |
");
    let fronts: Vec<&str> = d.cards.iter().map(|c| c.front.as_str()).collect();
    assert!(fronts.contains(&"Zero-Shot › 테스트 시"), "{fronts:#?}");
    assert!(!fronts.contains(&"One-Shot › 테스트 시"), "{fronts:#?}");
    assert_skipped(&d, |reason| reason.contains("points at another cell"));
}

#[test]
fn a_cell_calling_its_subject_the_baseline_is_not_carded() {
    // FP32 is what FP16 and BF16 are measured against: `기준 정밀도` teaches nothing of FP32.
    let d = doc("## 혼합 정밀도

| 형식 | 지수(exponent) | 특징 |
| --- | --- | --- |
| **FP32** | 8 | 기준 정밀도 |
| **FP16** | 5 | 범위 좁음 (최대 65,504) → loss scaling 필요 |
| **BF16** | 8 | FP32와 범위 같음, 정밀도 낮음 |
");
    let fronts: Vec<&str> = d.cards.iter().map(|c| c.front.as_str()).collect();
    assert!(fronts.contains(&"FP16 › 특징"), "{fronts:#?}");
    assert!(fronts.contains(&"FP32 › 지수(exponent)"), "{fronts:#?}");
    assert!(!fronts.contains(&"FP32 › 특징"), "{fronts:#?}");
    assert!(
        d.skipped.iter().any(|s| s.reason.contains("baseline")),
        "{:#?}",
        d.skipped
    );
}

#[test]
fn a_korean_cell_naming_the_english_of_a_bullet_is_no_card() {
    // The table sums up the Level's English bullets in Korean: a cell naming one of them in
    // English (`(Orchestration)`, or by its facet `CI/CD` after the label `No CI/CD`) asks
    // that bullet again. A cell whose English is one short word, or only its facet's one
    // word, says something of its own.
    let d = doc("## **MLOps Level 1: ML Pipeline Automation – Key Points**

### Main Characteristics

1. **Automated orchestration** of ML experiment steps → faster iteration.
2. **No CI/CD**: pipelines are deployed by hand.
3. **Seen classes** are kept in the loss for stability.

## **MLOps Level 0 vs Level 1 비교표**

| 구분 | **Level 0: Manual Process** | **Level 1: ML Pipeline Automation** |
| --- | --- | --- |
| **프로세스 방식** | 전 과정 수동 | 파이프라인 자동화(Orchestration) |
| **CI/CD** | 없음 | 없음, 수동 배포 |
| **학습 범위** | 전체 | Seen 포함 |
| **loss 해석** | 품질과 무관 | 품질과 상관 |
");
    let fronts = table_cards(&d);
    assert!(
        !fronts
            .iter()
            .any(|f| f.contains("| MLOps Level 1 › 프로세스 방식")),
        "{fronts:#?}"
    );
    assert!(
        !fronts.iter().any(|f| f.contains("| MLOps Level 1 › CI/CD")),
        "{fronts:#?}"
    );
    for kept in [
        "| Level 0 › 프로세스 방식",
        "| MLOps Level 1 › 학습 범위",
        "| MLOps Level 1 › loss 해석",
    ] {
        assert!(
            fronts.iter().any(|f| f.contains(kept)),
            "{kept}: {fronts:#?}"
        );
    }
    assert_skipped(&d, |reason| {
        reason.starts_with("table cell that says again a bullet")
    });
}

#[test]
fn a_cell_of_two_short_korean_words_a_bullet_says_is_no_card() {
    // `SGD + Momentum` is the topic `SGD with Momentum`, and `관성 누적` (two words, four
    // syllables, naming something) is what its `Momentum` bullet says, whatever the facet.
    let d = doc("## **1. SGD with Momentum**

- **Momentum**: 이전 이동 방향을 **관성**처럼 누적
- **효과**: 진동하는 방향은 상쇄, 일관된 방향은 가속

## **2. RMSProp**

- **원리**: gradient 제곱의 EMA로 나눔, 희소한 gradient에도 사용 가능

## **3. 비교**

| 옵티마이저 | 핵심 아이디어 | 적응적 학습률 |
| --- | --- | --- |
| **SGD + Momentum** | 관성 누적 | X |
| **RMSProp** | 사용 가능 | O |
| **Adam** | Momentum + RMSProp 결합 | O |
");
    // Two words that name nothing (`사용 가능`) are said of too much to be one bullet's fact,
    // though RMSProp's `원리` holds them. (Adam has no section: the table does not sum up its
    // subjects' sections, whose cells would be asked side by side.)
    assert_fronts(
        &d,
        &["SGD + Momentum › 핵심 아이디어"],
        &["RMSProp › 핵심 아이디어"],
    );
    assert_skipped(&d, |reason| {
        reason.starts_with(
            "table cell that says again a bullet of the card on line 7 (SGD with Momentum › \
             Momentum)",
        )
    });
}

#[test]
fn a_check_mark_cell_whose_feature_a_bullet_names_is_no_card() {
    let d = doc("## **1. SimCLR**

- **핵심 발견**: negative가 많을수록 좋음 → **큰 batch** 필요 (4096~8192)

## **2. BYOL**

- **특징**: **negative sample 없이** 학습
- **구조**: encoder → projector, online 가중치의 **EMA (Exponential Moving Average)**

## **3. 비교**

| 모델 | momentum(EMA) encoder | predictor |
| --- | --- | --- |
| **SimCLR** | online 가중치만 씀 | projector만 둠 |
| **MoCo** | key encoder에 사용 | projector만 |
| **BYOL** | O | O |
");
    // Whether the subject has the feature is what its bullet naming the feature says, yes
    // or no: `EMA` (the facet's aside) beside BYOL's `구조`. No bullet names BYOL's
    // predictor: a fact only the table gives. (Each mark is alone in its facet here: the
    // marks of two subjects are asked together. MoCo has no section, so the table does not
    // sum up its subjects' sections, whose cells would be asked side by side.)
    assert_fronts(&d, &["BYOL › momentum(EMA) encoder"], &["BYOL › predictor"]);
    assert_skipped(&d, |reason| {
        reason
            .starts_with("table cell that says again a bullet of the card on line 12 (BYOL › 구조)")
    });
}

#[test]
fn check_marks_of_one_facet_are_asked_together() {
    // `X` alone is a coin flip; the marks of a facet are one card, every subject's (SimCLR's
    // `O` too, though its bullet says it needs negatives).
    let d = doc("## **1. SimCLR**

- **핵심 발견**: negative가 많을수록 좋음 → **큰 batch** 필요 (4096~8192)

## **2. 비교**

| 항목 | SimCLR | MoCo | BYOL |
| --- | --- | --- | --- |
| **negative 필요** | O | O | X |
| **predictor** | X | X | O (online 쪽만) |
| **발표** | 2020 | 2019 | 2020 |
");
    assert_fronts(
        &d,
        &["SimCLR › negative 필요", "BYOL › predictor"],
        &[
            "SimCLR / MoCo / BYOL › negative 필요",
            "SimCLR / MoCo / BYOL › predictor",
            "MoCo › 발표",
        ],
    );
    let predictor = d
        .cards
        .iter()
        .find(|c| c.front.ends_with("› predictor"))
        .expect("the predictor card");
    assert_eq!(
        predictor.back,
        "<ul><li>SimCLR: X</li><li>MoCo: X</li><li>BYOL: O (online 쪽만)</li></ul>"
    );
    assert_skipped(&d, |reason| {
        reason.contains("a check mark, asked beside the other subjects'")
    });
}

#[test]
fn a_degree_cell_whose_feature_a_bullet_names_is_no_card() {
    let d = doc("## 0. RNN

- 이전 시점의 은닉 상태 h_{t-1}과 현재 입력 x_t를 받아 새로운 은닉 상태 h_t를 만드는 구조
- **한계**: 긴 문장의 앞부분 정보를 잘 기억하지 못함 (장기 의존성 문제)

## 1. LSTM

- **장점**: 셀 상태가 덧셈으로 갱신되어 기울기 소실 완화 → 장기 의존성 학습 가능
- **한계**: 게이트마다 가중치가 있어 파라미터 수가 많고 계산이 느림

### 다른 RNN 계열과 비교

| 모델 | 셀 상태 | 파라미터 수 | 장기 의존성 |
| --- | --- | --- | --- |
| **RNN** | 없음 | 가장 적음 | 약함 |
| **LSTM** | c_t (덧셈 갱신) | RNN의 약 4배 | 게이트로 기울기 유지 |
| **GRU** | h_t에 통합 | LSTM의 약 3/4 | 게이트 2개로 유지 |
");
    // How much of the feature the subject has (`약함`, `가장 적음`, `없음`) is what its
    // bullet naming the feature says. No bullet of RNN's names its cell state (`은닉 상태` is
    // another state) or its parameters: those are the table's own facts. (Each degree is
    // alone in its facet here: degrees of two subjects are asked together. GRU has no section:
    // the table does not sum up its subjects' sections.)
    assert_fronts(
        &d,
        &["RNN › 장기 의존성"],
        &["RNN › 셀 상태", "RNN › 파라미터 수"],
    );
}

#[test]
fn a_cell_a_bullet_says_with_one_word_changed_is_no_card() {
    let d = doc("### 1. **Model-in-Service**

- **특징**: 모델이 서비스 코드 내부에 포함, 함께 배포

### 2. **Model-as-a-Service (MaaS)**

- **정의**: AI 모델을 클라우드에 호스팅하고 API를 통해 외부에 서비스 형태로 제공

### 요약 비교표

| 항목 | Model-in-Service | Model-as-a-Service |
| --- | --- | --- |
| 위치 / 통합 방식 | 서비스 코드 내부에 통합 | 독립적 API 형태로 외부 제공 |
| 관리 책임 | 애플리케이션 개발자가 담당 | 모델 제공자가 담당 |
");
    // Four words or more, all but one in one clause (`통합` for `포함`, `독립적` added): the
    // bullet's fact in other words. Three words with one changed are another fact, or too few
    // to tell.
    assert_fronts(
        &d,
        &[
            "Model-in-Service › 위치 / 통합 방식",
            "Model-as-a-Service › 위치 / 통합 방식",
            "Model-in-Service / Model-as-a-Service › 위치 / 통합 방식",
        ],
        // Asked beside MaaS's: the table sums up the two sections.
        &["Model-in-Service / Model-as-a-Service › 관리 책임"],
    );
}

#[test]
fn a_cell_a_cloze_says_around_its_hidden_name_is_no_card() {
    let d = doc("## **1. GraphSAGE**

- **아이디어**: 이웃을 샘플링해 집계

## **2. GAT**

- **아이디어**: 이웃마다 attention 계수를 다르게 학습
- 인접 행렬 전체가 필요 없고 이웃 단위로 계산 → **inductive** 설정에도 적용 가능

| 항목 | GraphSAGE | GAT |
| --- | --- | --- |
| 학습 설정 | inductive 가능 | inductive 가능 |
");
    // `inductive` is hidden and `가능` is shown beside it: the cell asks the cloze again.
    // GraphSAGE's own cards say nothing of it.
    assert_fronts(&d, &["GAT › 학습 설정"], &["GraphSAGE › 학습 설정"]);
    assert_skipped(&d, |reason| {
        reason.starts_with("table cell that asks again what the cloze")
    });
}

#[test]
fn a_cell_asking_what_a_statement_cloze_hides_is_no_card() {
    let d = doc("## **2. WordPiece**

- BERT, DistilBERT, ELECTRA에서 사용하는 토크나이저
- **BPE와의 차이**: 병합 기준이 빈도가 아니라 likelihood 증가량

## **3. SentencePiece**

- **특징**: 공백도 하나의 문자로 처리

## **4. 비교**

| 항목 | BPE | WordPiece | SentencePiece |
| --- | --- | --- | --- |
| 대표 모델 | GPT-2, RoBERTa | BERT | T5, ALBERT |
");
    // `BERT` is part of what the cloze hides about WordPiece: the same fact again. A cell the
    // cloze does not hide stays a card. (BPE has no section: the table does not sum up its
    // subjects' sections.)
    assert_fronts(
        &d,
        &["WordPiece › 대표 모델"],
        &[
            "{{c1::BERT, DistilBERT, ELECTRA}}에서 사용하는 토크나이저",
            "SentencePiece › 대표 모델",
        ],
    );
    assert_skipped(&d, |reason| {
        reason.starts_with(
            "table cell that asks again what the cloze on line 7 (BERT, DistilBERT, ELECTRA에서 \
             사용하는 토크나이저) hides",
        )
    });
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
            // A list of short items is a deletion per item, the others shown as the cue; a
            // list with an arrow in an item (DARTS) stays one deletion.
            "cloze | 역량평가 정리::문제 9 | Level 0 = {{c1::Manual}}, {{c2::Script-driven}}, {{c3::No CI/CD}} => ",
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
            // `그 클래스 예측` points at another cell: no card (tested on its own).
            // Nothing here says what GZSL stands for.
            "table | 역량평가 정리::문제 9 | GZSL › 학습 시 새로운 클래스 데이터 => 없음",
            "table | 역량평가 정리::문제 9 | GZSL › 테스트 시 => Seen+Unseen 모두",
        ]
    );
    // The Zero-Shot, One-Shot and Few-Shot rows (`소량` is what "few" says), after the four
    // lines `doc` puts above the fragment.
    assert_eq!(
        skipped_lines(&d, "count its subject's name says"),
        [7, 8, 9]
    );
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

#[test]
fn a_cell_saying_again_a_bullet_of_its_subject_is_no_card() {
    let d = doc("## **2. Score-CAM**

### 특징

- Gradient 불필요 → 백프로퍼게이션 없이 가능
- 계산량 많음 (채널 수만큼 forward 필요)
- 노이즈 적고 안정적

## **3. GCN**

- **transductive**: 학습 때 전체 그래프의 인접 행렬이 필요 → 새 노드에 바로 적용 어려움
- **학습/추론 차이**: 없음 (배치 통계를 쓰지 않음)

## **4. 비교 요약 표**

| 항목 | Score-CAM | GCN | Grad-CAM |
| --- | --- | --- | --- |
| **계산량** | 많음 (채널 수 × forward) | 인접 행렬 곱 | backward 1회 |
| **노이즈** | 적음 | 이웃 평균으로 완화 | gradient 잡음 |
| **대규모 그래프** | 가능 | 어려움 (전체 인접 행렬) | 해당 없음 (그래프 아님) |
| **배치 크기 의존** | 있음 | 없음 | 무관 (배치 통계 없음) |
");
    let tables = table_cards(&d);
    assert_eq!(
        tables,
        [
            "table | 역량평가 정리::문제 9 | GCN › 계산량 => 인접 행렬 곱",
            // Grad-CAM has no section here: the table does not sum up its subjects'
            // sections, whose cells would be asked side by side.
            "table | 역량평가 정리::문제 9 | Grad-CAM › 계산량 => backward 1회",
            "table | 역량평가 정리::문제 9 | GCN › 노이즈 => 이웃 평균으로 완화",
            "table | 역량평가 정리::문제 9 | Grad-CAM › 노이즈 => gradient 잡음",
            // Degrees of both subjects are asked together, whatever a bullet says: what is
            // hard for GCN in its bullet is a new node, not a large graph.
            "table | 역량평가 정리::문제 9 | Score-CAM / GCN › 대규모 그래프 => <ul><li>\
             Score-CAM: 가능</li><li>GCN: 어려움 (전체 인접 행렬)</li></ul>",
            // Two degrees make the facet a contrast: Grad-CAM's phrase is its third side.
            "table | 역량평가 정리::문제 9 | Score-CAM / GCN / Grad-CAM › 배치 크기 의존 => <ul><li>\
             Score-CAM: 있음</li><li>GCN: 없음</li><li>Grad-CAM: 무관 (배치 통계 없음)</li></ul>",
        ]
    );
    let said_again: Vec<(usize, &str)> = d
        .skipped
        .iter()
        .filter(|s| s.reason.starts_with("table cell that says again a bullet"))
        .map(|s| (s.line, s.reason.as_str()))
        .collect();
    assert_eq!(
        said_again,
        [
            (
                22,
                "table cell that says again a bullet of the card on line 7 (Score-CAM › 특징); \
                 that card is kept"
            ),
            (
                23,
                "table cell that says again a bullet of the card on line 7 (Score-CAM › 특징); \
                 that card is kept"
            ),
        ]
    );
}

#[test]
fn a_facet_with_one_answer_for_every_subject_is_no_card() {
    let d = doc("| 형식 | 부호 | 지수 | 가수 |
| --- | --- | --- | --- |
| **FP32** | 1 | 8 | 23 |
| **FP16** | 1 | 5 | 10 |
| **BF16** | 1 | 8 | 7 |
");
    let fronts: Vec<String> = d.cards.iter().map(|c| c.front.clone()).collect();
    assert!(fronts.iter().all(|f| !f.ends_with("부호")), "{fronts:?}");
    // Two subjects sharing an answer still differ from the third: the cells stay.
    assert!(fronts.contains(&"FP32 › 지수".to_string()), "{fronts:?}");
    assert_eq!(fronts.len(), 6);
    assert_eq!(
        skipped_lines(&d, "same answer for every subject"),
        [7, 8, 9]
    );
}

#[test]
fn a_cell_is_found_in_a_bullet_with_markup_and_in_a_longer_list() {
    let d = doc("## **1. ViT**

- **특징**: CNN보다 **귀납적 편향(inductive bias)**이 약함 → 데이터가 많이 필요
- **사용 모델**: T5, ALBERT, XLNet, LLaMA

| 구분 | ViT |
| --- | --- |
| **귀납적 편향** | 약함 |
| **대표 모델** | T5, ALBERT, LLaMA |
| **패치 크기** | 16×16 |
");
    let tables = table_cards(&d);
    assert_eq!(
        tables,
        ["table | 역량평가 정리::문제 9 | ViT › 패치 크기 => 16×16"]
    );
    let reasons: Vec<&str> = d.skipped.iter().map(|s| s.reason.as_str()).collect();
    assert!(
        reasons.contains(
            &"table cell that says again a bullet of the card on line 7 (ViT › 특징); that card \
              is kept"
        ),
        "{reasons:?}"
    );
    assert!(
        reasons.contains(
            &"table cell that says again a bullet of the card on line 8 (ViT › 사용 모델); that \
              card is kept"
        ),
        "{reasons:?}"
    );
}

#[test]
fn a_cell_whose_subjects_expansion_names_its_count_is_no_card() {
    // GZSL is defined above the table: `Generalized Zero-Shot Learning` says `없음` too.
    let d = doc(
        "- **GZSL (Generalized Zero-Shot Learning)**: 학습 때 본 적 없는 클래스까지 다루는 설정

| 구분 | 학습 시 새로운 클래스 데이터 | 테스트 시 |
| --- | --- | --- |
| **One-Shot** | 1개 | 새 클래스 예측 |
| **GZSL** | 없음 | Seen+Unseen 모두 |
",
    );
    let cells: Vec<String> = cards(&d)
        .into_iter()
        .filter(|c| c.starts_with("table"))
        .collect();
    assert_eq!(
        cells,
        [
            "table | 역량평가 정리::문제 9 | One-Shot › 테스트 시 => 새 클래스 예측",
            "table | 역량평가 정리::문제 9 | GZSL › 테스트 시 => Seen+Unseen 모두",
        ]
    );
}

#[test]
fn each_cue_of_a_tip_line_stays_shown_over_its_hidden_value() {
    let d = doc(
        "📌 **암기 팁**\n\n- 데이터 적음 → CNN 유리, 데이터 많음 → ViT 유리\n- BN = 배치 방향, CNN\n\
         - PTQ = 학습 후 + calibration, QAT = fake quant + STE\n\
         - Grid = 전부, Random = 무작위로 넓게, Bayesian = 이전 결과로 다음 후보\n",
    );
    let fronts: Vec<String> = d.cards.iter().map(anki_front).collect();
    assert_eq!(
        fronts,
        [
            // Each value hidden on its own, the cues shown; one card, since a card showing
            // one side of a contrast gives the other away.
            "데이터 적음 → {{c1::CNN 유리}}, 데이터 많음 → {{c1::ViT 유리}}",
            "BN = {{c1::배치 방향, CNN}}",
            // Two descriptions with no word in common: one card each.
            "PTQ = {{c1::학습 후 + calibration}}, QAT = {{c2::fake quant + STE}}",
            // Three pairs: each card still hides one of two others' values.
            "Grid = {{c1::전부}}, Random = {{c2::무작위로 넓게}}, Bayesian = {{c3::이전 결과로 다음 후보}}",
        ]
    );
    // The question, and so the id, is still the line up to its first value.
    assert_eq!(d.cards[0].key, "데이터 적음 → …");
}

#[test]
fn a_tip_of_cause_and_effect_hides_the_effect() {
    let d = doc(
        "📌 **암기 팁**\n\n- Overfitting = \"Too much memorizing\" → 모델 단순화 & 정규화\n\
         - RLHF = SFT → 보상 모델 → PPO\n\
         - DARTS = NAS를 미분 가능하게 만든 방법, discrete → continuous\n\
         - GAP = 평균 (채널 → 값) 하나\n\
         - 확산 모델 = 노이즈 추가(순방향) → 노이즈 제거 학습(역방향)\n",
    );
    let fronts: Vec<String> = d.cards.iter().map(anki_front).collect();
    assert_eq!(
        fronts,
        [
            // The cause is the cue, the effect (the remedy) the answer.
            "Overfitting = &quot;Too much memorizing&quot; → {{c1::모델 단순화 &amp; 정규화}}",
            // A pipeline's order is the fact: hidden whole.
            "RLHF = {{c1::SFT → 보상 모델 → PPO}}",
            // A list whose last item holds an arrow is not a cause and its effect.
            "DARTS = {{c1::NAS를 미분 가능하게 만든 방법, discrete → continuous}}",
            // Nor is an arrow inside parentheses.
            "GAP = {{c1::평균 (채널 → 값) 하나}}",
            // An effect that mirrors its cause would be given away by it.
            "확산 모델 = {{c1::노이즈 추가(순방향) → 노이즈 제거 학습(역방향)}}",
        ]
    );
    // The question, and so the id, is still the line up to its value.
    assert_eq!(d.cards[0].key, "Overfitting = …");
}

/// The table cards of `d`, as [`cards`] shows them.
fn table_cards(d: &notedeck_parse::Document) -> Vec<String> {
    cards(d)
        .into_iter()
        .filter(|c| c.starts_with("table"))
        .collect()
}

#[test]
fn a_cell_saying_again_the_line_before_a_topic_s_nested_list_is_no_card() {
    // `Bahdanau` names the topic `Bahdanau Attention`, whose `Score 계산` says the cell's
    // answer on the line before its nested list; the cell is no card, the bullet is kept.
    // A cell the bullets do not say (`Encoder`) stays a card, asked beside Luong's: the table
    // sums up the two sections.
    let d = doc("## **1. Bahdanau Attention (Additive Attention)**

- **Score 계산**: 디코더의 이전 시점 hidden state $s_{t-1}$ 사용
    - $e_{tj} = v_a^\\top \\tanh(W_a s_{t-1} + U_a h_j)$ → \"더하기(additive)\" 어텐션

## **2. Luong Attention (Multiplicative Attention)**

- **Score 계산**: 디코더의 현재 시점 hidden state $h_t$ 사용

### Bahdanau vs Luong 비교

| 구분 | Bahdanau | Luong |
| --- | --- | --- |
| **사용하는 디코더 상태** | 이전 시점 $s_{t-1}$ | 현재 시점 $h_t$ |
| **Encoder** | 양방향 RNN | 단방향 stacked LSTM |
");
    let fronts: Vec<String> = d.cards.iter().map(anki_front).collect();
    assert!(
        !fronts.iter().any(|f| f.contains("사용하는 디코더 상태")),
        "{fronts:?}"
    );
    assert!(
        fronts.contains(&"Bahdanau / Luong › Encoder".to_string()),
        "{fronts:?}"
    );
    let reasons: Vec<&str> = d.skipped.iter().map(|s| s.reason.as_str()).collect();
    assert!(
        reasons.iter().any(|r| r.contains(
            "says again a bullet of the card on line 7 (Bahdanau Attention › Score 계산)"
        )),
        "{reasons:?}"
    );
}

#[test]
fn a_cell_whose_words_a_bullet_says_is_no_card_whatever_its_facet_is_called() {
    // `정책` is no word of `유형`'s bullet, but `off-policy` is a clause of it: the cell asks
    // that bullet again. A one-word answer (`이산`) would need the facet named in the clause.
    // (DQN has no section: the table does not sum up its subjects' sections.)
    let d = doc("## **1. Q-learning**

- **유형**: 가치 기반(value-based), **off-policy** TD 학습

## **2. REINFORCE**

- **유형**: 정책 기반, 몬테카를로 학습

| 알고리즘 | 정책 | 행동 공간 |
| --- | --- | --- |
| **Q-learning** | off-policy | 이산 |
| **REINFORCE** | on-policy | 이산·연속 |
| **DQN** | off-policy (replay buffer) | 이산 (Atari) |
");
    let fronts: Vec<String> = d.cards.iter().map(anki_front).collect();
    assert!(
        !fronts.contains(&"Q-learning › 정책".to_string()),
        "{fronts:?}"
    );
    assert!(
        fronts.contains(&"Q-learning › 행동 공간".to_string()),
        "{fronts:?}"
    );
    assert!(
        fronts.contains(&"REINFORCE › 정책".to_string()),
        "{fronts:?}"
    );
}

#[test]
fn a_summary_cell_whose_parts_the_subjects_bullets_say_is_no_card() {
    // `n-gram precision + BP` sums up what two bullets say one part each (`precision 기반`,
    // `페널티 BP를 곱함`). A cell naming one thing (`낮을수록`) or what no bullet says stays
    // a card.
    let d = doc(&[
        "## **1. BLEU (Bilingual Evaluation Understudy)**

- **용도**: 기계번역 평가 (Papineni et al., 2002)
- **아이디어**: 생성 문장과 정답 번역의 **n-gram 일치 정도 (precision 기반)**
- **짧은 문장**: 페널티 **BP**를 곱함

## **2. Perplexity (PPL)**

- 토크나이저·vocab이 다르면 값을 직접 비교할 수 없음

",
        common::METRICS_TABLE,
        // ROUGE has no section: the table does not sum up its subjects' sections, whose
        // cells would be asked side by side.
        "| **ROUGE** | n-gram **recall** | 높을수록 |\n",
    ]
    .concat());
    let fronts: Vec<String> = d.cards.iter().map(anki_front).collect();
    assert!(!fronts.contains(&"BLEU › 기준".to_string()), "{fronts:?}");
    for kept in ["Perplexity › 기준", "Perplexity › 좋은 방향"] {
        assert!(fronts.contains(&kept.to_string()), "{kept}: {fronts:?}");
    }
    // `Additive Attention` names one thing besides its subject's own word: an alias, kept
    // (beside Luong's) though one bullet says `additive` and another `attention weight`.
    let d = doc(r#"## **1. Bahdanau Attention**

- **Score 계산**: $e_{tj} = v_a^\top \tanh(W_a s_{t-1} + U_a h_j)$ → "더하기(additive)" 어텐션
- **과정**: softmax → attention weight $\alpha_{tj}$

## **2. Luong Attention**

- **Score 계산**: dot, general, concat

| 구분 | Bahdanau | Luong |
| --- | --- | --- |
| **별칭** | Additive Attention | Multiplicative Attention |
"#);
    let fronts: Vec<String> = d.cards.iter().map(anki_front).collect();
    assert!(
        fronts.contains(&"Bahdanau / Luong › 별칭".to_string()),
        "{fronts:?}"
    );
}

#[test]
fn a_variant_with_its_base_subjects_answer_is_no_card() {
    // AdamW is Adam with decoupled weight decay: where its answer is Adam's, Adam's card asks
    // it. Where it differs (`핵심 아이디어`) it is a card; `RMSProp` extends nothing.
    let d = doc("## **3. Adam / AdamW**

| 옵티마이저 | 핵심 아이디어 | 적응적 학습률 | 추가 상태 |
| --- | --- | --- | --- |
| **SGD** | gradient 방향으로 이동 | X | 0 |
| **RMSProp** | gradient 제곱 EMA로 나눔 | O | 1 ($v$) |
| **Adam** | Momentum + RMSProp + bias correction | O | 2 ($m$, $v$) |
| **AdamW** | Adam + decoupled weight decay | O | 2 ($m$, $v$) |
");
    let fronts: Vec<String> = d.cards.iter().map(anki_front).collect();
    assert!(
        fronts.contains(&"AdamW › 핵심 아이디어".to_string()),
        "{fronts:?}"
    );
    assert!(
        !fronts.contains(&"AdamW › 적응적 학습률".to_string()),
        "{fronts:?}"
    );
    assert!(
        !fronts.contains(&"AdamW › 추가 상태".to_string()),
        "{fronts:?}"
    );
    // The marks left are asked together, without AdamW's.
    for kept in ["SGD / RMSProp / Adam › 적응적 학습률", "Adam › 추가 상태"] {
        assert!(fronts.contains(&kept.to_string()), "{kept}: {fronts:?}");
    }
}

#[test]
fn memorisation_tip_becomes_cloze_cards() {
    let d = doc("## 0. CAM (class activation mapping)

📌 **암기 팁**

- CAM = **(FC Layer weight) × (Feature map)**
- GAP 필수 → 구조 제한
- **Grad-CAM** = gradient로 가중치 → 빠름, noise 가능
");
    let fronts: Vec<(String, &str)> = d
        .cards
        .iter()
        .filter(|c| c.kind == CardKind::Cloze)
        .map(|c| (anki_front(c), c.back.as_str()))
        .collect();
    let cloze: Vec<(&str, &str)> = fronts.iter().map(|(f, b)| (f.as_str(), *b)).collect();
    assert_eq!(
        cloze,
        [
            ("CAM = {{c1::<b>(FC Layer weight) × (Feature map)</b>}}", ""),
            ("GAP 필수 → {{c1::구조 제한}}", ""),
            // Cause and effect: the effect is asked.
            (
                "<b>Grad-CAM</b> = gradient로 가중치 → {{c1::빠름, noise 가능}}",
                ""
            ),
        ]
    );
    // The key names the question, not the answer: editing the answer keeps the id.
    assert_eq!(d.cards[2].key, "GAP 필수 → …");
}

#[test]
fn a_tip_ordering_the_counts_its_names_say_is_no_card() {
    // `Zero < One < Few` is what the names Zero-, One- and Few-Shot already say; an order of
    // names that say no count (`RNN < LSTM`) is a fact to recall.
    let d = doc(
        "## **1. Zero-Shot Learning**\n\n- **정의**: 학습 때 본 적 없는 클래스를 예측\n\n📌 **암기 팁**\n\n- **데이터 양**: Zero < One < Few\n- **장기 의존성**: RNN < LSTM\n",
    );
    common::assert_fronts_holding(&d, &["Zero &lt; One"], &["RNN &lt; LSTM"]);
    assert!(
        d.skipped
            .iter()
            .any(|s| s.line == 11 && s.reason.starts_with("tip whose answer orders the counts")),
        "{:#?}",
        d.skipped
    );
}

#[test]
fn a_tip_that_only_repeats_a_card_gives_none() {
    let d = doc("## **1. LSTM (Long Short-Term Memory)**

- **게이트 수**: 3개 (입력 게이트, 망각 게이트, 출력 게이트)
- **손실**: Teacher·Student soft target 사이의 KL divergence와 정답 라벨의 Cross-Entropy

---

📌 **암기 팁**

- LSTM = **게이트 3개** + 셀 상태 → 무겁지만 장기 기억 강함
- LSTM = Teacher의 **soft target** 모방
");
    let fronts: Vec<String> = d.cards.iter().map(anki_front).collect();
    assert_eq!(fronts, ["LSTM", "LSTM › 게이트 수", "LSTM › 손실",]);
    let reason = |line: usize| {
        d.skipped
            .iter()
            .find(|s| s.line == line)
            .map(|s| s.reason.as_str())
            .expect("tip skipped")
    };
    assert!(
        reason(14).contains("only repeats the card on line 7 (LSTM › 게이트 수)"),
        "{}",
        reason(14)
    );
    // Hidden words that a longer answer says among others: the tip says that card again in
    // its own words, and is no card either.
    assert!(
        reason(15).contains("restates the card on line 8 (LSTM › 손실)"),
        "{}",
        reason(15)
    );
}

#[test]
fn a_tip_of_pairs_each_said_by_a_card_gives_none() {
    // Each pair's value is said by another card: the first by a table cell in Korean, the
    // second by QAT's bullet; no one card says half of both.
    let d = doc("### 2. **PTQ (Post-Training Quantization)**

- Quantize an already-trained model **without retraining**.
- **Calibration**: run a small representative dataset to collect activation ranges.

### 3. **QAT (Quantization-Aware Training)**

- Insert **fake quantization** ops during training; use the **STE (Straight-Through Estimator)**.

| 항목 | PTQ | QAT |
| --- | --- | --- |
| 시점 | 학습이 끝난 후 | 학습 중 |

📌 **암기 팁**

- PTQ = 학습 후 + calibration, QAT = fake quant + STE
");
    assert!(
        !d.cards.iter().any(|c| c.line == 20),
        "{:#?}",
        d.cards.iter().map(anki_front).collect::<Vec<_>>()
    );
    assert_skipped(&d, |r| {
        r.starts_with("tip that restates the card on line 16 (PTQ › 시점)")
    });
}

#[test]
fn a_tip_saying_what_no_card_says_is_a_card() {
    // Two of three hidden words are in no card of the problem: a fact only the tip gives.
    let d = doc("## **1. LSTM (Long Short-Term Memory)**

- **게이트 수**: 3개 (입력 게이트, 망각 게이트, 출력 게이트)

📌 **암기 팁**

- LSTM = **기울기 소실 완화** → 장기 의존성
");
    let fronts: Vec<String> = d.cards.iter().map(anki_front).collect();
    assert_eq!(
        fronts.last().map(String::as_str),
        Some("LSTM = {{c1::<b>기울기 소실 완화</b>}} → 장기 의존성")
    );
}

#[test]
fn a_tip_restating_a_card_in_its_naming_words_is_no_card() {
    // `bias 조정 필요`: of its words only `bias` and `조정` name anything, and the card says
    // `bias`; `필요` made the tip look new. A tip with one naming word (`빠름, noise 가능`)
    // is too little to tell, and stays.
    let d = doc("## **4. Generalized Zero-Shot Learning**

- **차이점**:
    - ZSL은 Unseen 클래스만 분류
    - GZSL은 Seen/Unseen 모두 예측해야 하므로, Seen 클래스 쏠림(bias) 문제 발생

📌 **암기 팁**

- **GZSL**: ZSL 확장판 + Seen 포함 → bias 조정 필요
- **Grad-CAM** = gradient로 가중치 → 빠름, noise 가능
");
    common::assert_fronts_holding(&d, &["bias 조정"], &["noise 가능"]);
    assert_skipped(&d, |r| {
        r.starts_with(
            "tip that restates the card on line 7 (Generalized Zero-Shot Learning › 차이점)",
        )
    });
}

#[test]
fn a_tip_whose_subject_opens_with_a_topic_is_shown_under_it() {
    let d = doc("## **1. SGD**

- **학습률**: 전역 학습률

## **2. Adam**

- **장점**: 초기 수렴이 빠름

## **3. 비교**

- **정리**: 상황에 따라 다름

---

📌 **암기 팁**

- Adam 기본값 → lr 0.001, β1 0.9, β2 0.999
");
    assert_eq!(
        common::first_cloze_context(&d),
        Some("문제 9 › Adam".to_string())
    );
}

#[test]
fn a_table_cell_asking_a_question_in_more_words_is_the_same_question() {
    // `운영 모니터링` asks what `모니터링` asked, `프로세스` what `프로세스 방식` asked: the
    // later table's cells are merged into the earlier ones, the first wording kept. A facet
    // sharing no whole run of words (`배포 단위` vs `배포 주기`) stays a question of its own.
    let d = doc("## MLOps 비교표

| 구분 | Level 0: Manual Process |
| --- | --- |
| **프로세스 방식** | 수동, 스크립트 기반 |
| **모니터링** | 거의 없음 |
| **배포 단위** | 모델 |

## 종합 비교

| 구분 | Level 0 – Manual Process |
| --- | --- |
| **프로세스** | 수동 |
| **운영 모니터링** | 부재 |
| **배포 주기** | 드묾 |
");
    let fronts: Vec<&str> = d.cards.iter().map(|c| c.front.as_str()).collect();
    assert_eq!(
        fronts,
        [
            "Level 0: Manual Process › 프로세스 방식",
            "Level 0: Manual Process › 모니터링",
            "Level 0: Manual Process › 배포 단위",
            "Level 0 – Manual Process › 배포 주기",
        ]
    );
}

#[test]
fn tips_are_shown_under_the_topic_they_name_and_asides_do_not_split_a_fact() {
    let d = doc("## **1. Batch Normalization (BN)**

- **학습/추론 차이**: 추론 시에는 학습 중 누적한 이동 평균(running mean/var) 사용

## **2. Dropout**

- **목적**: 과적합 방지

### 비교

| 구분 | Batch Normalization | Dropout |
| --- | --- | --- |
| **학습/추론 차이** | 이동 평균 사용 | 추론 때 끔 |

📌 **암기 팁**

- BN = **배치 방향**으로 정규화
- 빠른 수렴 → **Adam**
");
    let shown = |front: &str| {
        d.cards
            .iter()
            .find(|c| anki_front(c).starts_with(front))
            .map(|c| (c.context_path().join(" › "), c.path.join(" › ")))
    };
    // Under the topic the tip names, or the problem: never the last heading above it. The id's
    // path stays where the line sits.
    assert_eq!(
        shown("BN = "),
        Some((
            "문제 9 › Batch Normalization".into(),
            "문제 9 › Dropout › 비교".into()
        ))
    );
    assert_eq!(
        shown("빠른 수렴"),
        Some(("문제 9".into(), "문제 9 › Dropout › 비교".into()))
    );
    // `이동 평균 사용` is what the bullet says once its aside is set apart: one card.
    let bn: Vec<usize> = d
        .cards
        .iter()
        .filter(|c| c.key.contains("학습/추론 차이") && c.back.contains("이동 평균"))
        .map(|c| c.line)
        .collect();
    assert_eq!(bn, [7]);
}

#[test]
fn an_absence_cell_of_a_subject_named_manual_is_no_card() {
    // A manual process automates nothing: `Level 0 › 자동화 범위 → 없음` asks what its name
    // says. `Linear Regression › 활성 함수 → 없음` is a fact: its name says nothing of it.
    let d = doc("## MLOps 단계 비교

| 구분 | **Level 0** – Manual Process | **Level 1** – ML Pipeline Automation |
| --- | --- | --- |
| **자동화 범위** | 없음 | 데이터 처리·모델 학습·검증 자동화 |
| **CI (지속적 통합)** | X | X |
| **특징적 컴포넌트** | 없음 | 파이프라인 오케스트레이터, 피처 스토어 |
| **배포 속도** | 매우 느림 (연 1~2회) | 중간 |

## 회귀 비교

| 모델 | 출력 범위 | 활성 함수 |
| --- | --- | --- |
| **Linear Regression** | 실수 전체 | 없음 |
| **Logistic Regression** | 0 ~ 1 | Sigmoid |
");
    assert_fronts(
        &d,
        &["Level 0 › 자동화 범위", "Level 0 › 특징적 컴포넌트"],
        &[
            "Level 1 › 자동화 범위",
            "Level 1 › 특징적 컴포넌트",
            "Level 0 / Level 1 › 배포 속도",
            "Linear Regression › 활성 함수",
        ],
    );
    assert_skipped(&d, |reason| reason.contains("says it goes without"));
}

#[test]
fn a_cell_saying_only_higher_is_better_is_no_card() {
    // Higher is better for any score; the metric where lower is better is the fact.
    let d = doc("## 평가 지표

| 지표 | 기준 | 주 용도 | 좋은 방향 |
| --- | --- | --- | --- |
| **BLEU** | n-gram **precision** + BP | 기계번역 | 높을수록 |
| **ROUGE** | n-gram **recall**, LCS | 요약 | 높을수록 |
| **Perplexity** | 평균 음의 로그우도의 exp | 언어 모델 | **낮을수록** |
");
    assert_fronts(
        &d,
        &["BLEU › 좋은 방향", "ROUGE › 좋은 방향"],
        &["BLEU › 주 용도", "Perplexity › 좋은 방향"],
    );
    assert_skipped(&d, |reason| reason.contains("higher is better"));
}

#[test]
fn a_cell_a_bullet_of_its_subject_under_a_family_heading_says_is_no_card() {
    // `R-CNN 계열 › R-CNN › 구조` is about R-CNN too: the family's table row asks its
    // `후보 영역 추출` again. What no bullet of R-CNN says (`속도`) stays a card.
    let d = doc("## **1. R-CNN 계열 (2-stage)**

### R-CNN (Regions with CNN features)

- **구조**: Selective Search로 약 2,000개 후보 영역 추출 → 각 영역을 CNN에 따로 통과 → SVM으로 분류
- **한계**: 후보 영역마다 CNN을 다시 계산 → 이미지 한 장에 수십 초

### Faster R-CNN

- **개선점**: **RPN (Region Proposal Network)**이 후보 영역을 직접 제안 → 전 과정이 하나의 신경망
- **Anchor box**: 특징 맵의 각 위치마다 크기·비율이 다른 기준 박스 9개

| 모델 | 후보 영역 추출 | 속도 |
| --- | --- | --- |
| **R-CNN** | Selective Search | 매우 느림 |
| **Faster R-CNN** | RPN | 빠름 (약 5 fps) |
");
    assert_fronts(
        &d,
        &["R-CNN › 후보 영역 추출", "Faster R-CNN › 후보 영역 추출"],
        &["R-CNN / Faster R-CNN › 속도"],
    );
    assert_skipped(&d, |reason| {
        reason.contains("says again a bullet of the card on line 9 (R-CNN 계열 › R-CNN › 구조)")
    });
}

#[test]
fn a_table_naming_its_topic_among_its_answers_is_shown_without_that_topic() {
    // The segmentation kinds under `## Mask R-CNN › ### 분할 종류` are no facts of Mask
    // R-CNN's: one of them names it as its model. Every cell is shown under `분할 종류`
    // without Mask R-CNN, the one naming it too.
    let d = doc("## **3. Mask R-CNN**

- **구조**: Faster R-CNN에 마스크 브랜치를 추가한 인스턴스 분할 모델
- **RoIAlign**: 좌표 반올림 없이 쌍선형 보간 사용

### 분할 종류

| 종류 | 설명 | 대표 모델 |
| --- | --- | --- |
| **Semantic Segmentation** | 픽셀마다 클래스 구분 | FCN, U-Net |
| **Instance Segmentation** | 객체 하나하나를 구분 | Mask R-CNN |
");
    let shown: Vec<String> = d
        .cards
        .iter()
        .filter(|c| c.kind == CardKind::Table)
        .map(|c| format!("{} [{}]", c.front, c.context_path().join(" › ")))
        .collect();
    assert_eq!(
        shown,
        [
            "Semantic Segmentation › 설명 [문제 9 › 분할 종류]",
            "Semantic Segmentation › 대표 모델 [문제 9 › 분할 종류]",
            "Instance Segmentation › 설명 [문제 9 › 분할 종류]",
            "Instance Segmentation › 대표 모델 [문제 9 › 분할 종류]",
        ]
    );
}

#[test]
fn degrees_of_one_facet_are_asked_together() {
    // `느림` alone says nothing: it is slow beside the others. The degrees of a facet are one
    // card, every subject's (SentencePiece's `불필요` too, though its bullet says it); a
    // phrase (`LSTM의 약 3/4`) stays a card of its own.
    let d = doc("## **3. SentencePiece**

- **특징**: 공백도 문자로 취급 → 사전 토큰화 불필요

### 비교

| 구분 | BPE | WordPiece | SentencePiece |
| --- | --- | --- | --- |
| **사전 토큰화** | 필요 (공백 기준) | 필요 | 불필요 (공백 = `▁`) |
| **속도** | 느림 | 중간 | 빠름 |
| **서브워드 표시** | `</w>` (단어 끝) | `##` (이어지는 조각) | 보통 |
");
    assert_eq!(
        table_cards(&d),
        [
            "table | 역량평가 정리::문제 9 | BPE / WordPiece / SentencePiece › 사전 토큰화 => \
             <ul><li>BPE: 필요 (공백 기준)</li><li>WordPiece: 필요</li><li>SentencePiece: 불필요 \
             (공백 = <code>▁</code>)</li></ul>",
            "table | 역량평가 정리::문제 9 | BPE / WordPiece / SentencePiece › 속도 => \
             <ul><li>BPE: 느림</li><li>WordPiece: 중간</li><li>SentencePiece: 빠름</li></ul>",
            "table | 역량평가 정리::문제 9 | BPE › 서브워드 표시 => <code>&lt;/w&gt;</code> (단어 끝)",
            "table | 역량평가 정리::문제 9 | WordPiece › 서브워드 표시 => <code>##</code> (이어지는 \
             조각)",
            "table | 역량평가 정리::문제 9 | SentencePiece › 서브워드 표시 => 보통",
        ]
    );
    assert_skipped(&d, |reason| {
        reason.contains("asked beside the other subjects' on the card on line 13")
    });
}

#[test]
fn a_contrast_every_side_of_which_a_bullet_says_is_no_card() {
    // BN's `있음 (작으면 불안정)` is its `한계`, LN's `없음` its `장점`: the contrast asks
    // both bullets again. `학습/추론 차이` has a side no bullet says (BN's bullet names the
    // running mean, not a difference), so it is asked together.
    let d = doc("## **1. Batch Normalization (BN)**

- **한계**: 배치 크기가 작으면 통계가 불안정

## **2. Layer Normalization (LN)**

- **장점**: 배치 크기와 무관 → RNN, Transformer에 적합

## **3. BN vs LN 비교**

| 구분 | Batch Normalization | Layer Normalization |
| --- | --- | --- |
| **배치 크기 의존** | 있음 (작으면 불안정) | 없음 |
| **추론 시 통계** | 있음 (이동 평균) | 없음 |
");
    assert_fronts(
        &d,
        &[
            "Batch Normalization / Layer Normalization › 배치 크기 의존",
            "Batch Normalization › 배치 크기 의존",
            "Layer Normalization › 배치 크기 의존",
        ],
        &["Batch Normalization / Layer Normalization › 추론 시 통계"],
    );
    assert_skipped(&d, |reason| {
        reason.starts_with("table cell that says again a bullet of the card on line 7 (Batch")
    });
}

#[test]
fn a_table_summing_up_its_topics_asks_each_facet_across_them() {
    // Model-in-Service and MaaS each have a section of their own: the table after them sums
    // up what those said, and what it adds is the comparison. A row is asked across both,
    // in the order of the columns, unless its answers are too long to recall at once (`운영
    // 사례`). The regression table below names no section: its cells stay cards of their own.
    let d = doc("### 1. **Model-in-Service**

- **정의**: 모델을 애플리케이션 서비스 내부에 통합
- **장점**: 추가 네트워크 호출 없음

### 2. **Model-as-a-Service (MaaS)**

- **정의**: 모델을 독립적 API 서비스로 제공
- **장점**: 여러 서비스가 재사용

## 요약 비교표

| 구분 | Model-in-Service | Model-as-a-Service (MaaS) |
| --- | --- | --- |
| **관리 책임** | 애플리케이션 개발자가 담당 | 모델 제공자/플랫폼에서 담당 |
| **확장성 및 인프라** | 개발자가 직접 확장/운영 | 클라우드 기반으로 자동 확장 |
| **운영 사례** | 추천 서비스 서버 안에 모델 파일을 함께 넣어 배포하고, 모델을 바꿀 때마다 서비스 전체를 다시 빌드·배포해야 해서 릴리스 주기가 서비스 주기에 묶이는 경우가 많음 | 사내 플랫폼 팀이 모델을 API로 띄워 두고 여러 서비스 팀이 호출하며, 모델 교체는 플랫폼 쪽 배포만으로 끝나서 서비스 코드는 바뀌지 않는 경우가 많음 |

### 문항 12

| 항목 | Linear Regression | Logistic Regression |
| --- | --- | --- |
| 손실 함수 | MSE | Cross-Entropy |
");
    assert_eq!(
        table_cards(&d),
        [
            "table | 역량평가 정리::문제 9 | Model-in-Service / Model-as-a-Service › 관리 책임 => \
             <ul><li>Model-in-Service: 애플리케이션 개발자가 담당</li><li>Model-as-a-Service: \
             모델 제공자/플랫폼에서 담당</li></ul>",
            "table | 역량평가 정리::문제 9 | Model-in-Service / Model-as-a-Service › 확장성 및 \
             인프라 => <ul><li>Model-in-Service: 개발자가 직접 확장/운영</li><li>\
             Model-as-a-Service: 클라우드 기반으로 자동 확장</li></ul>",
            "table | 역량평가 정리::문제 9 | Model-in-Service › 운영 사례 => 추천 서비스 서버 안에 \
             모델 파일을 함께 넣어 배포하고, 모델을 바꿀 때마다 서비스 전체를 다시 빌드·배포해야 해서 \
             릴리스 주기가 서비스 주기에 묶이는 경우가 많음",
            "table | 역량평가 정리::문제 9 | Model-as-a-Service › 운영 사례 => 사내 플랫폼 팀이 모델을 \
             API로 띄워 두고 여러 서비스 팀이 호출하며, 모델 교체는 플랫폼 쪽 배포만으로 끝나서 서비스 \
             코드는 바뀌지 않는 경우가 많음",
            "table | 역량평가 정리::문항 12 | Linear Regression › 손실 함수 => MSE",
            "table | 역량평가 정리::문항 12 | Logistic Regression › 손실 함수 => Cross-Entropy",
        ]
    );
}

#[test]
fn a_table_under_a_heading_comparing_its_subjects_asks_each_facet_across_them() {
    // `2-stage` and `1-stage` have no sections, but the heading compares them by name. The
    // 2-stage side of `단계` says Faster R-CNN's bullet again; alone, the 1-stage side was
    // a half contrast its name gave away (`1-stage › 단계` → `한 번에 예측`): the row is
    // asked whole.
    let d = doc("## **1. Faster R-CNN**

- **구조**: RPN이 후보 영역 제안 → 분류

### 2-stage vs 1-stage

| 구분 | 2-stage (Faster R-CNN) | 1-stage (YOLO, SSD) |
| --- | --- | --- |
| **단계** | 후보 영역 제안 → 분류 | 한 번에 예측 |
| **속도** | 느림 | 빠름 |
");
    assert_fronts(
        &d,
        &["1-stage › 단계", "2-stage › 단계"],
        &["2-stage / 1-stage › 단계", "2-stage / 1-stage › 속도"],
    );
}

#[test]
fn an_example_or_an_analogy_is_asked_from_itself() {
    // Any example of Zero-Shot would do as an answer; from the example, the topic is the one
    // answer, and it is shown above the topic. An example naming its topic, a name rather
    // than a case (`FitNets`) and a number where the name says a count (`One-Shot`: `1장`)
    // stay as they are.
    let d = doc("## **1. Zero-Shot Learning (ZSL)**

- **정의**: 학습에서 **본 적 없는 클래스**에 대해 예측
- **예시**: “얼룩말” 이미지를 본 적 없지만, “줄무늬가 있는 말”이라는 속성 설명을 이용해 분류

## **2. One-Shot Learning**

- **예시**: 신분증 인식 시스템에서, 특정 사람의 사진 1장만으로 그 사람을 인식

## **3. Relation-based KD**

- **예시**: 관계 기반 증류의 대표, RKD (Relational Knowledge Distillation)

## **4. Feature-based KD**

- **예시**: FitNets

## **3. 개념 비교**

| 구분 | 비유 | 특징 |
| --- | --- | --- |
| **Overfitting** | 시험 예상문제만 달달 외움 | 훈련 성능 높음 |
| **Underfitting** | 개념 자체를 제대로 이해 못함 | 훈련 성능 낮음 |
");
    let asked = |front: &str| {
        d.cards
            .iter()
            .find(|c| anki_front(c) == front)
            .map(|c| (c.back.clone(), c.context_path().join(" › ")))
    };
    assert_eq!(
        asked(
            "예시 › “얼룩말” 이미지를 본 적 없지만, “줄무늬가 있는 말”이라는 속성 설명을 이용해 분류"
        ),
        Some(("Zero-Shot Learning".to_string(), "문제 9".to_string()))
    );
    assert_eq!(
        asked("비유 › 시험 예상문제만 달달 외움"),
        Some(("Overfitting".to_string(), "문제 9 › 개념 비교".to_string()))
    );
    for kept in [
        "One-Shot Learning › 예시",
        "Relation-based KD › 예시",
        "Feature-based KD › 예시",
    ] {
        assert!(asked(kept).is_some(), "{kept}");
    }
    // The key, and so the id, is the facet's as written.
    let zsl = d
        .cards
        .iter()
        .find(|c| c.front.starts_with("예시 › “얼룩말”"));
    assert_eq!(zsl.map(|c| c.key.as_str()), Some("예시"));
}

#[test]
fn a_short_cell_opening_with_its_subjects_name_is_no_card() {
    // `중앙 서버에 수집` opens with `중앙` of `중앙 집중 학습`: the row name gives the answer
    // away. A longer answer, a word inside another (`GPT-2` of `GPT`) or an aside
    // (`제한적 (ARIMAX)`) is no give-away.
    let d = doc("## 중앙 집중 학습 vs 연합 학습

| 구분 | 데이터 위치 | 통신 비용 | 후속 모델 |
| --- | --- | --- | --- |
| **중앙 집중 학습** | 중앙 서버에 수집 | 중앙 서버로 원본 데이터를 모두 전송해야 함 | 없음 |
| **연합 학습** | 각 클라이언트 기기에 보관 | 모델 업데이트만 전송 | FedProx |
| **GPT** | 서버 | API 호출마다 전송 | GPT-2 |
| **ARIMA** | 로컬 | 로컬 계산만 | 제한적 (ARIMAX) |
");
    assert_fronts(
        &d,
        &["중앙 집중 학습 › 데이터 위치"],
        &[
            "연합 학습 › 데이터 위치",
            "중앙 집중 학습 › 통신 비용",
            // The heading comparing two subjects is the topic of neither: 연합 학습's cells
            // are facts of their own, not 중앙 집중 학습's in other words.
            "연합 학습 › 통신 비용",
            "연합 학습 › 후속 모델",
            "GPT › 후속 모델",
            "ARIMA › 후속 모델",
        ],
    );
    assert_skipped(&d, |reason| {
        reason.contains("opens with a word of its subject's name")
    });
}

#[test]
fn a_facet_answered_one_of_two_ways_is_asked_together() {
    // `REINFORCE › 정책` alone is vague ("what policy?"), and with both answers on its front
    // it was a guess between two: the facet is one card, every subject's, keyed by the facet
    // and its subjects. A facet of numbers or of more than two answers stays as it is.
    let d = doc("## 비교

| 알고리즘 | 정책 | 행동 공간 | 업데이트 시점 | 연도 |
| --- | --- | --- | --- | --- |
| **Q-learning** | off-policy | 이산 | 매 스텝 | 1989 |
| **REINFORCE** | on-policy | 이산·연속 | 에피소드 끝 | 1992 |
| **Actor-Critic** | on-policy | 연속 | 매 스텝 | 1992 |
");
    let fronts = common::fronts_and_keys(&d, CardKind::Table);
    assert_eq!(
        fronts,
        [
            (
                "Q-learning / REINFORCE / Actor-Critic › 정책",
                "정책 › Q-learning / REINFORCE / Actor-Critic"
            ),
            ("Q-learning › 행동 공간", "Q-learning › 행동 공간"),
            (
                "Q-learning / REINFORCE / Actor-Critic › 업데이트 시점",
                "업데이트 시점 › Q-learning / REINFORCE / Actor-Critic"
            ),
            ("Q-learning › 연도", "Q-learning › 연도"),
            ("REINFORCE › 행동 공간", "REINFORCE › 행동 공간"),
            ("REINFORCE › 연도", "REINFORCE › 연도"),
            ("Actor-Critic › 행동 공간", "Actor-Critic › 행동 공간"),
            ("Actor-Critic › 연도", "Actor-Critic › 연도"),
        ]
    );
    let policy = d.cards.iter().find(|c| c.front.ends_with("› 정책"));
    assert_eq!(
        policy.map(|c| c.back.as_str()),
        Some(
            "<ul><li>Q-learning: off-policy</li><li>REINFORCE: on-policy</li>\
             <li>Actor-Critic: on-policy</li></ul>"
        )
    );
    assert_skipped(&d, |reason| {
        reason.contains("one of the two its facet is answered with, asked beside")
    });
}

#[test]
fn a_cell_a_bullet_labelled_with_its_subject_says_is_no_card() {
    // `SGD › Momentum` is about Momentum, and `연합 학습의 도전과제 › 통신` about 연합 학습:
    // the table rows ask their bullets again. What no bullet says stays a card.
    let d = doc("## SGD

- **업데이트 규칙**: 미니배치로 계산한 기울기 사용
- **Momentum**: 이전 이동 방향을 누적해서 진동을 줄이고 가속

## 연합 학습의 도전과제

- **통신**: 여러 라운드에 걸쳐 모델을 주고받아 통신 비용이 병목
- **통계적 이질성**: 클라이언트마다 데이터 분포가 다름

## 비교

| 방법 | 핵심 아이디어 | 주요 병목 |
| --- | --- | --- |
| **Momentum** | 이전 이동 방향 누적 | 메모리 |
| **연합 학습** | 데이터를 모으지 않음 | 통신 비용 |
");
    assert_fronts(
        &d,
        &["Momentum › 핵심 아이디어", "연합 학습 › 주요 병목"],
        &["Momentum › 주요 병목", "연합 학습 › 핵심 아이디어"],
    );
}

#[test]
fn a_check_mark_closing_a_cells_words_is_left_out() {
    // `모델 성능 모니터링 O`: the mark says yes to what the words name; shown, it read as a
    // stray letter. A closing no (`X`) is the answer, and a variable (`x`) no mark.
    let d = doc("| 구분 | Level 1 | Level 2 | Level 3 |
| --- | --- | --- | --- |
| **운영 모니터링** | 모델 성능 모니터링 O | 모델 + 파이프라인 모니터링 ✔ | 없음 |
| **멀티모달** | 이미지 입력 X | 이미지 x와 텍스트 | 텍스트만 |
| **손실** | 예측 오차 x | MSE | 교차 엔트로피 |
");
    let cells = table_cards(&d);
    for back in [
        "모델 성능 모니터링",
        "모델 + 파이프라인 모니터링",
        "이미지 입력 X",
        "예측 오차 x",
    ] {
        let answer = format!("=> {back}");
        assert!(cells.iter().any(|c| c.ends_with(&answer)), "{cells:#?}");
    }
}

#[test]
fn a_tip_labelling_pairs_hides_each_value() {
    // `**지표**: Semantic = mIoU, Instance = mask AP, …`: one deletion from the colon asked
    // the three pairs at once.
    let d = doc("📌 **최종 암기 팁**

- **지표**: Semantic = mIoU, Instance = mask AP, Panoptic = PQ (= SQ × RQ)
- 라이브러리: DoWhy = 검증(refute), EconML = CATE + 신뢰구간, CausalML = uplift + 매칭
");
    assert_eq!(
        cloze_fronts(&d),
        [
            "<b>지표</b>: Semantic = {{c1::mIoU}}, Instance = {{c2::mask AP}}, Panoptic = \
             {{c3::PQ (= SQ × RQ)}}",
            "라이브러리: DoWhy = {{c1::검증(refute)}}, EconML = {{c2::CATE + 신뢰구간}}, \
             CausalML = {{c3::uplift + 매칭}}",
        ]
    );
}

#[test]
fn a_tip_reading_its_numbers_aloud_is_no_card() {
    // `Replay 200, … → "이백, 육사, …"`: the readings hidden, the numbers on the front gave
    // them away. A tip whose quoted words say something else is a cloze as before.
    let d = doc("## **11. Avalanche 라이브러리**

- **정의**: PyTorch 기반 CL 라이브러리

📌 **암기 팁**: Replay 200, A-GEM 64, GEM 0.5, LwF (1, 2) → \"이백, 육사, 영점오, 일이\"

📌 **암기 팁**: 망각 막기 → \"규제, 재생, 구조\"
");
    let clozes = cloze_fronts(&d);
    assert!(clozes.iter().all(|c| !c.contains("이백")), "{clozes:#?}");
    assert!(clozes.iter().any(|c| c.contains("규제")), "{clozes:#?}");
    assert_skipped(&d, |r| {
        r.starts_with("tip reading the numbers it shows aloud")
    });
}

#[test]
fn a_cell_spelling_its_subject_and_one_word_more_gives_it_away() {
    // `Vote Entropy › modAL 함수` → `vote_entropy_sampling`: the row's name with `_sampling`
    // added. `max_disagreement_sampling` spells no row's name, and stays.
    let d = doc("## **4. QBC (Query-By-Committee)**

- **정의**: 여러 모델의 의견이 갈리는 샘플을 질의

| 항목 | Vote Entropy | KL (max disagreement) | Consensus Entropy |
| --- | --- | --- | --- |
| **입력** | hard vote | soft prob | soft prob |
| **modAL 함수** | `vote_entropy_sampling` | `max_disagreement_sampling` | `consensus_entropy_sampling` |
");
    let all = cards(&d);
    assert!(
        all.iter()
            .all(|c| !c.contains("vote_entropy_sampling") && !c.contains("consensus_entropy")),
        "{all:#?}"
    );
    assert!(
        all.iter().any(|c| c.contains("max_disagreement_sampling")),
        "{all:#?}"
    );
}
