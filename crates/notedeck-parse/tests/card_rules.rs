//! The card rules that make a card one fact with a clear question, on fragments in the style
//! of the user's notes (`notes/역량평가 정리.md`, `tests/notes-fixture`): statements beside
//! labels, tip clozes, long answers split into parts, tips that repeat a card, where a card is
//! shown, essay sections. Each case shows the cards as `kind | deck | front => back`.

mod common;

use common::{anki_front, cards, cloze_fronts, doc, outline};
use notedeck_parse::CardKind;

#[test]
fn only_statements_without_a_key_term_stay_in_the_gist() {
    let d = doc("## **4. Dropout**

- 학습할 때 각 뉴런을 확률 p로 무작위로 꺼서(출력 0) 학습
- **목적**: 과적합 방지
- 은닉층에서는 보통 p = 0.5, 입력층은 더 낮게(예: 0.2) 사용
- 시퀀스가 길어지면 **기울기 소실/폭주** 문제 발생
");
    assert_eq!(
        cards(&d),
        [
            // Opening the topic and saying what it is, the gist is asked as its definition.
            "basic | 역량평가 정리::문제 9 | Dropout › 정의 => 학습할 때 각 뉴런을 확률 p로 무작위로 꺼서(출력 0) 학습",
            "basic | 역량평가 정리::문제 9 | Dropout › 목적 => 과적합 방지",
            // The value a variable is set to is the statement's key term.
            "cloze | 역량평가 정리::문제 9 | 은닉층에서는 보통 p = {{c1::0.5}}, 입력층은 더 낮게(예: 0.2) 사용 => ",
            "cloze | 역량평가 정리::문제 9 | 시퀀스가 길어지면 <b>{{c1::기울기 소실/폭주}}</b> 문제 발생 => ",
        ]
    );
}

#[test]
fn a_short_answer_of_many_lines_is_split_at_its_nested_lists() {
    let d = doc("## 3. 해결 방법

### Underfitting 방지

1. **모델 복잡도 증가**
    - 더 깊은 신경망, 파라미터 수 증가
2. **학습 과정 개선**
    - 학습 시간(에폭) 늘리기
    - 학습률(Learning Rate) 조정
3. 대신 아래처럼 쓰되,
    - L1/L2 계수 줄이기
- **출처별 설명**:
    - [AWS](https://aws.amazon.com/?utm_source=chatgpt.com)
");
    // Seven lines, under 250 characters: one glance no more. The facet lists its parts, each
    // part with a nested list is a card; a line going on into its list is no part's name, and
    // sources are never asked about.
    assert_eq!(
        cards(&d),
        [
            "basic | 역량평가 정리::문제 9 | 해결 방법 › Underfitting 방지 => <ol><li>모델 복잡도 증가</li>\
             <li>학습 과정 개선</li><li>대신 아래처럼 쓰되,<ul><li>L1/L2 계수 줄이기</li></ul></li></ol>",
            "basic | 역량평가 정리::문제 9 | 해결 방법 › Underfitting 방지 › 모델 복잡도 증가 => <ul><li>더 깊은 신경망, 파라미터 수 증가</li></ul>",
            "basic | 역량평가 정리::문제 9 | 해결 방법 › Underfitting 방지 › 학습 과정 개선 => <ul><li>학습 시간(에폭) 늘리기</li><li>학습률(Learning Rate) 조정</li></ul>",
        ]
    );
}

#[test]
fn what_follows_a_facets_table_or_a_tip_is_shown_where_it_belongs() {
    let d = doc("## **ViT**

### 한계

- 대규모 사전학습 데이터 필요 (ImageNet-21k, JFT-300M)

| 구분 | CNN | ViT |
| --- | --- | --- |
| **귀납적 편향** | 강함 | 약함 |

- DeiT (Data-efficient Image Transformer)는 2021년 **distillation token**을 이용해 학습에 성공

### 문항12

**Logistic regression**

📌 **한 줄 요약**

- Logistic Regression: \"선형 방정식 + Sigmoid\" → 확률로 변환해 분류

- Surrogate 모델
    - 복잡한 시스템이나 모델을 대신하여 근사치를 제공하는 보조 모델
");
    let shown = |line: usize, kind: CardKind| {
        let c = d
            .cards
            .iter()
            .find(|c| c.line == line && c.kind == kind)
            .unwrap_or_else(|| panic!("no {kind:?} card on line {line}"));
        (c.front.clone(), c.context_path().join(" › "))
    };
    // The facet's card keeps only its own list.
    let facet = shown(7, CardKind::Basic);
    assert_eq!(facet.1, "문제 9 › ViT › 한계");
    assert!(
        !d.cards
            .iter()
            .any(|c| c.line == 7 && c.back.contains("DeiT"))
    );
    // The statement after the table is the topic's, a cloze of its key term; so is its term.
    assert_eq!(shown(15, CardKind::Cloze).1, "문제 9 › ViT");
    assert_eq!(
        shown(15, CardKind::Definition),
        ("DeiT".into(), "문제 9 › ViT".into())
    );
    // A `- Name` + list after a tip is a subject of its own, asked by its name.
    assert_eq!(
        shown(25, CardKind::Basic),
        ("Surrogate 모델".into(), "문항 12".into())
    );
}

#[test]
fn long_term_definitions_are_a_card_each() {
    let d = doc("## **Cross-device Federated Learning – Key Points**

### 2. **FedAvg Algorithm**

- **Client selection:** The server samples a fraction C of the clients each round.
- **Local update:** Each selected client runs E epochs of SGD on its local data with minibatch size B.
- **Aggregation:** The server averages the client weights, weighted by each client's number of samples.
- **Communication efficiency:** More local computation per round reduces the number of communication rounds needed.

![diagram](fedavg.png)
");
    // Over 300 characters of `**Term**: definition`: four facts, not one recall. The
    // picture illustrates the facet's list of terms.
    let cards: Vec<(String, String)> = d
        .cards
        .iter()
        .map(|c| (c.front.clone(), c.back.clone()))
        .collect();
    assert_eq!(cards.len(), 5, "{cards:#?}");
    assert_eq!(
        cards[0],
        (
            "Cross-device Federated Learning – Key Points › FedAvg Algorithm".into(),
            "<ul><li>Client selection</li><li>Local update</li><li>Aggregation</li>\
             <li>Communication efficiency</li></ul><p><img src=\"fedavg.png\"></p>"
                .into()
        )
    );
    assert_eq!(
        cards[2],
        (
            "Cross-device Federated Learning – Key Points › FedAvg Algorithm › Local update".into(),
            "Each selected client runs E epochs of SGD on its local data with minibatch size B."
                .into()
        )
    );
}

#[test]
fn paren_numbered_headings_are_steps_of_a_topic_that_names_nothing() {
    // `# 2. 연합 학습의 작동 원리` has no Latin name, yet `# 1)` under it is its step, not a
    // topic of its own: the essay's list of steps and their first sentences are cards.
    let d = doc("# 1. 연합 학습: 데이터는 그대로, 모델만 이동한다

# 2. 연합 학습의 작동 원리: 3단계 프로세스

# 1) 글로벌 모델 배포

중앙 서버가 현재의 글로벌 모델을 참여할 클라이언트에게 전송합니다. 매 라운드마다 전체 클라이언트 중 일부만 무작위로 선택하는 것이 일반적입니다. 조건을 걸기도 합니다.

# 2) 로컬 학습

각 클라이언트는 받은 모델을 자신의 로컬 데이터로 몇 epoch 동안 학습합니다. 이때 원본 데이터는 기기 밖으로 나가지 않습니다. 가중치만 서버로 보냅니다.

# 3. 연합 학습의 장점
");
    assert_eq!(
        outline(&d),
        [
            "title: 역량평가 정리",
            "problem: 문제 9 < 역량평가 정리",
            "topic: 연합 학습: 데이터는 그대로, 모델만 이동한다 < 문제 9",
            "topic: 연합 학습의 작동 원리: 3단계 프로세스 < 문제 9",
            "facet: 글로벌 모델 배포 < 연합 학습의 작동 원리: 3단계 프로세스",
            "facet: 로컬 학습 < 연합 학습의 작동 원리: 3단계 프로세스",
            "topic: 연합 학습의 장점 < 문제 9",
        ]
    );
    assert_eq!(
        cards(&d)[0],
        "basic | 역량평가 정리::문제 9 | 연합 학습의 작동 원리: 3단계 프로세스 => <ol><li>글로벌 모델 배포</li><li>로컬 학습</li></ol>"
    );
}

#[test]
fn a_part_reviewing_another_topic_is_no_card_of_its_own() {
    let d = doc("**Q-learning**

## 1. 핵심 아이디어

- **Q(s, a)**: 상태 s에서 행동 a를 했을 때 얻는 **누적 보상 기대값**

**Deep Q-Network (DQN)**

## 2. 핵심 아이디어

1. **Q-Learning** 복습
    - Q(s, a): 상태 s에서 행동 a를 했을 때의 장기적 보상 기대값
2. **신경망 활용**
    - Q(s, a)를 직접 테이블로 저장하지 않고, **딥러닝 모델**이 Q값을 예측
    - 입력: 상태(예: 이미지 프레임)
    - 출력: 가능한 행동별 Q값
3. **안정성 개선 기법**
    - 경험 재생
    - 타겟 네트워크
");
    let fronts: Vec<&str> = d.cards.iter().map(|c| c.front.as_str()).collect();
    assert_eq!(
        fronts,
        [
            "Q-learning › 핵심 아이디어",
            "DQN",
            "Deep Q-Network › 핵심 아이디어",
            "Deep Q-Network › 핵심 아이디어 › 신경망 활용",
            "Deep Q-Network › 핵심 아이디어 › 안정성 개선 기법",
        ]
    );
    // Nor is it one of the names the facet's own card lists.
    assert_eq!(
        d.cards[2].back,
        "<ol><li>신경망 활용</li><li>안정성 개선 기법</li></ol>"
    );
    assert!(
        d.skipped
            .iter()
            .any(|s| s.line == 15 && s.reason.starts_with("reviews Q-learning")),
        "{:?}",
        d.skipped
    );
}

#[test]
fn a_spaced_dash_sets_a_value_off_as_a_colon_does() {
    let d = doc("## **MLOps Level 2 – CI/CD Pipeline Automation**

### **Key Characteristics**

- **Full Automation:** Combines Level 1’s automated ML pipeline (CT) with CI/CD for code and pipeline updates.
- **Stages:**
    1. **Pipeline CI** – Build, unit/integration test pipeline components (packages, containers, executables).
    2. **Pipeline CD** – Deploy new pipeline implementation to target environment.
    3. **Model CD** – Deploy trained model as prediction service.
- **Validation:** Data, model performance, API compatibility, and serving performance are automatically tested before deployment.
");
    let cards = cards(&d);
    assert!(
        cards.contains(
            &"basic | 역량평가 정리::문제 9 | MLOps Level 2 – CI/CD Pipeline Automation › Key Characteristics › Stages => \
              <ol><li>Pipeline CI</li><li>Pipeline CD</li><li>Model CD</li></ol>"
                .to_string()
        ),
        "{cards:#?}"
    );
    assert!(
        cards.contains(
            &"basic | 역량평가 정리::문제 9 | MLOps Level 2 – CI/CD Pipeline Automation › Key Characteristics › Stages › Pipeline CD => \
              Deploy new pipeline implementation to target environment."
                .to_string()
        ),
        "{cards:#?}"
    );
}

#[test]
fn a_pasted_formula_in_a_label_is_math_on_the_front() {
    let d = doc("**DARTS (Differentiable Architecture Search)**

## 2. 핵심 아이디어

1. **Search Space 연속화**
    - 각 연산을 **softmax로 가중치 합** 형태로 표현
    - 예: 연산마다 가중치를 두고 합한다
    - 가중치는 학습 가능한 아키텍처 파라미터
2. **2단계 최적화(Bi-level optimization)**
    - **모델 파라미터 www**: 훈련 데이터로 학습
    - **아키텍처 파라미터 α\\alphaα**: 검증 데이터로 학습
3. 탐색이 끝나면 가장 큰 연산을 선택
");
    let card = d
        .cards
        .iter()
        .find(|c| c.key.ends_with("아키텍처 파라미터 \\alpha"))
        .expect("the term's card, keyed by its TeX");
    assert!(
        card.front.ends_with("› 아키텍처 파라미터 \\(\\alpha\\)"),
        "{}",
        card.front
    );
}

#[test]
fn a_heading_comparing_the_columns_makes_them_the_subjects() {
    let d = doc("## **중앙 집중 학습 vs 연합 학습 비교표**

| 구분 | 중앙 집중 학습 | 연합 학습 |
| --- | --- | --- |
| **데이터 위치** | 한 서버에 모아 둠 | 각 기기·기관에 그대로 |
| **주요 병목** | 연산량 | 통신 비용 |
");
    let fronts: Vec<&str> = d.cards.iter().map(|c| c.front.as_str()).collect();
    assert_eq!(
        fronts,
        // Compared by name, the two are asked side by side, a row each.
        [
            "중앙 집중 학습 / 연합 학습 › 데이터 위치",
            "중앙 집중 학습 / 연합 학습 › 주요 병목",
        ]
    );
    // The key, and so the id: the row, then the subjects.
    assert_eq!(d.cards[0].key, "데이터 위치 › 중앙 집중 학습 / 연합 학습");
}

#[test]
fn a_named_heading_listing_its_own_facets_is_a_sub_topic() {
    // `### Fast R-CNN` under `## R-CNN 계열` names a model of its own: its labelled bullets
    // are its facets, one card each, and the statement beside them is a cloze. `### 학습 방법`
    // is a facet name: its bullets stay one card, however they are labelled.
    let d = doc("## **1. R-CNN 계열**

### Fast R-CNN

- **개선점**: 이미지 전체를 CNN에 **한 번만** 통과
- **한계**: 후보 영역 추출은 여전히 느림
- R-CNN보다 추론이 약 213배 빠름

### 학습 방법

- **손실**: 분류 + 박스 회귀
- **최적화**: SGD
");
    assert_eq!(
        cards(&d),
        [
            "basic | 역량평가 정리::문제 9 | R-CNN 계열 › Fast R-CNN › 개선점 => 이미지 전체를 CNN에 <b>한 번만</b> 통과",
            "basic | 역량평가 정리::문제 9 | R-CNN 계열 › Fast R-CNN › 한계 => 후보 영역 추출은 여전히 느림",
            "cloze | 역량평가 정리::문제 9 | R-CNN보다 추론이 약 {{c1::213배}} 빠름 => ",
            "basic | 역량평가 정리::문제 9 | R-CNN 계열 › 학습 방법 => <ul><li><b>손실</b>: 분류 + 박스 회귀</li><li><b>최적화</b>: SGD</li></ul>",
        ]
    );
}

#[test]
fn a_family_is_no_name_of_its_first_member() {
    // `R-CNN` in the table is the model under `### R-CNN`, not the family `R-CNN 계열`: its
    // speed is no answer to the family's, so the 2-stage row's own speed stays a card, and the
    // table comparing the family's members is shown under the family.
    let d = doc("## **1. R-CNN 계열 (2-stage)**

### R-CNN

- **구조**: 영역마다 CNN
- **한계**: 이미지 한 장에 수십 초

### Faster R-CNN

- **개선점**: RPN이 후보 영역을 제안
- **한계**: 실시간에는 부족

| 모델 | 속도 |
| --- | --- |
| **R-CNN** | 매우 느림 |
| **Faster R-CNN** | 빠름 |

## **2. YOLO**

- **구조**: 그리드로 한 번에 예측

| 구분 | 2-stage (Faster R-CNN) | 1-stage (YOLO) |
| --- | --- | --- |
| **속도** | 느림 | 빠름 |
");
    let tables: Vec<String> = d
        .cards
        .iter()
        .filter(|c| c.kind == CardKind::Table)
        .map(|c| {
            format!(
                "[{}] {} => {}",
                c.context
                    .as_deref()
                    .map_or(String::new(), |p| p.join(" › ")),
                c.front,
                c.back
            )
        })
        .collect();
    assert_eq!(
        tables,
        [
            "[문제 9 › R-CNN 계열] R-CNN / Faster R-CNN › 속도 => \
             <ul><li>R-CNN: 매우 느림</li><li>Faster R-CNN: 빠름</li></ul>",
            // An acronym in parentheses that is not the name's own stays: it may name what
            // the answer is about (`Pointwise (WRMF) › 최적화` → `ALS`).
            "[문제 9] 2-stage / 1-stage (YOLO) › 속도 => \
             <ul><li>2-stage: 느림</li><li>1-stage (YOLO): 빠름</li></ul>",
        ]
    );
}

#[test]
fn parts_named_like_facets_are_no_list_to_recall() {
    // Split at its nested lists, `특징` would list `다목적성`, `장점`, `활용 예시`: names of
    // facets, nothing to recall. Only the parts' own cards are made.
    let d = doc("## **5. BART**

### 3. 특징

- **다목적성**: 요약, 번역, 질의응답, 문장 생성 모두 가능
- **장점**
    - Encoder 덕분에 입력 전체의 양방향 이해
    - Decoder 덕분에 문장 생성 능력 우수
    - 다양한 노이즈 덕분에 복원·생성 능력 강화
- **활용 예시**:
    - 요약(Summarization)
    - 데이터 복원(에러 수정)
    - 자연스러운 텍스트 생성
");
    let fronts: Vec<&str> = d.cards.iter().map(|c| c.front.as_str()).collect();
    assert_eq!(
        fronts,
        [
            "BART › 특징 › 다목적성",
            "BART › 특징 › 장점",
            "BART › 특징 › 활용 예시"
        ]
    );
}

#[test]
fn three_term_definitions_are_a_card_each() {
    let d = doc("## **Vision Transformer Training – Key Points**

### 2. **DeiT Recipe**

- **Distillation token:** A learnable token that learns from a CNN teacher's predictions.
- **Data:** Trained on ImageNet-1k only, without extra pre-training data.
- **Schedule:** About 300 epochs with AdamW and cosine learning-rate decay.
");
    let fronts: Vec<&str> = d.cards.iter().map(|c| c.front.as_str()).collect();
    // `Data` and `Schedule` are aspects, as `성능` or `학습` are: no "DeiT Recipe →
    // Distillation token; Data; Schedule" card, which would ask nothing.
    assert_eq!(
        fronts,
        [
            "Vision Transformer Training – Key Points › DeiT Recipe › Distillation token",
            "Vision Transformer Training – Key Points › DeiT Recipe › Data",
            "Vision Transformer Training – Key Points › DeiT Recipe › Schedule",
        ]
    );
}

#[test]
fn a_statement_that_a_name_equals_something_hides_what_it_equals() {
    let d = doc("## 0. 객체 탐지 기본 용어

- **IoU (Intersection over Union)**: 교집합 넓이 / 합집합 넓이
- 탐지 = 분류(무엇인가) + 위치 추정(어디 있는가)
");
    let fronts: Vec<String> = d.cards.iter().map(anki_front).collect();
    assert!(
        fronts.contains(&"탐지 = {{c1::분류(무엇인가) + 위치 추정(어디 있는가)}}".to_string()),
        "{fronts:?}"
    );
}

#[test]
fn three_named_parts_each_with_its_explanation_are_a_card_each() {
    let d = doc("## **LLM Serving – Key Points**

### 1. **Bottlenecks**

1. **Memory-bound decoding**
    - Each generated token reads all model weights.
2. **KV cache growth**
    - The key/value cache grows with sequence length and batch size.
3. **Variable request lengths**
    - Requests finish at different times, which wastes batch slots.
");
    let fronts: Vec<&str> = d.cards.iter().map(|c| c.front.as_str()).collect();
    assert_eq!(
        fronts,
        [
            "LLM Serving – Key Points › Bottlenecks",
            "LLM Serving – Key Points › Bottlenecks › Memory-bound decoding",
            "LLM Serving – Key Points › Bottlenecks › KV cache growth",
            "LLM Serving – Key Points › Bottlenecks › Variable request lengths",
        ]
    );
}

#[test]
fn a_statement_about_another_topic_is_shown_under_it() {
    let d = doc("## **1. U-Net**

- **Skip connection**: 인코더 특징 맵을 디코더에 concat

## **2. Mask R-CNN**

- **구조**: Faster R-CNN + 마스크 브랜치
- U-Net의 skip connection은 **덧셈**으로 특징을 합침
");
    assert_eq!(
        common::first_cloze_context(&d),
        Some("문제 9 › U-Net".to_string())
    );
}

#[test]
fn a_term_defined_in_a_table_is_shown_where_the_table_is() {
    // The table compares Level 1 and Level 2, though it sits under the Level 0 vs 1 heading:
    // its cells, and the definition its row header makes, are shown under the problem, without
    // that heading (it names Level 0, which the table does not compare).
    let d = doc("## **MLOps Level 1**

- **Trigger**: 새 데이터 도착

## **MLOps Level 2**

- **Trigger**: 코드 변경

## MLOps Level 0 vs Level 1 비교표

| 구분 | Level 1 (CT 중심) | CI/CD 완전 자동화 (Level 2) |
| --- | --- | --- |
| **주요 목적** | 모델 재학습 자동화 | 파이프라인 자체 배포 자동화 |
| **CI (Continuous Integration)** | 없음 | 코드 변경 시 자동 테스트 |
");
    let shown: Vec<String> = d
        .cards
        .iter()
        .filter(|c| matches!(c.kind, CardKind::Table | CardKind::Definition))
        .map(|c| format!("{:?} [{}]", c.kind, c.context_path().join(" › ")))
        .collect();
    assert_eq!(
        shown,
        // Each row asked across both levels (the table sums up their sections).
        ["Table [문제 9]", "Definition [문제 9]", "Table [문제 9]",]
    );
}

#[test]
fn a_card_is_not_shown_under_a_heading_that_spells_its_answer() {
    // `ZSL` → `Zero-Shot Learning` under the heading `Zero-Shot Learning` asks what the
    // front shows; so does the `Manual` deletion under `Level 0: Manual Process`. Each is
    // shown under the heading above; a card the heading does not give away stays.
    let d = doc("## **1. Zero-Shot Learning (ZSL)**

- **정의**: 학습에서 **본 적 없는 클래스**에 대해 예측

## **MLOps Level 0: Manual Process – Key Points**

- **Goal**: Deploy a trained model by hand.

**Exam tip:**

Level 0 = *Manual, No CI/CD, Model-only deployment, No monitoring*
");
    let shown = |kind: CardKind| -> Vec<String> {
        d.cards
            .iter()
            .filter(|c| c.kind == kind)
            .map(|c| c.context_path().join(" › "))
            .collect()
    };
    assert_eq!(shown(CardKind::Definition), ["문제 9"]);
    assert_eq!(shown(CardKind::Cloze), ["문제 9"]);
    assert_eq!(
        shown(CardKind::Basic),
        [
            "문제 9 › Zero-Shot Learning",
            "문제 9 › MLOps Level 0: Manual Process – Key Points",
        ]
    );
}

#[test]
fn a_definition_from_a_remark_is_shown_under_the_topic_its_name_heads() {
    // BLEU is expanded in a remark under Label Smoothing; the student learns BLEU under its
    // own heading, two problems later.
    let d = doc("### 문제 13

## Label Smoothing

- **Transformer**: $\\epsilon_{ls} = 0.1$ 사용 → 정확도와 BLEU (Bilingual Evaluation Understudy) 점수는 향상

### 문제 20

## **1. BLEU (Bilingual Evaluation Understudy)**

- **용도**: 기계번역 평가 (Papineni et al., 2002)
");
    let bleu = d
        .cards
        .iter()
        .find(|c| c.kind == CardKind::Definition && c.front == "BLEU")
        .expect("BLEU's definition");
    assert_eq!(bleu.context_path().join(" › "), "문제 20 › BLEU");
    // It is filed with BLEU's other cards: their deck and tags.
    let usage = d
        .cards
        .iter()
        .find(|c| c.key.contains("용도"))
        .expect("BLEU's 용도 card");
    assert_eq!(bleu.deck, usage.deck);
    assert_eq!(bleu.tags, usage.tags);
    assert!(bleu.deck.iter().any(|d| d == "문제 20"), "{:?}", bleu.deck);
    // Its id is still the one its place gives it.
    assert_eq!(bleu.path.join(" › "), "문제 13 › Label Smoothing");
}

#[test]
fn math_in_a_label_is_shown_as_math_on_the_front() {
    // The label's `$\epsilon$` lost its dollars in the plain text: the front showed a bare
    // `\epsilon`. The key (and so the id) stays the label's plain text.
    let d = doc(r"## Label Smoothing

- 수식 ($K$: 클래스 수, $\epsilon$: smoothing 정도):
    - $y^{LS}_k = (1 - \epsilon) \cdot y_k + \frac{\epsilon}{K}$
    - 예: $K=4$, $\epsilon=0.1$
");
    let card = d
        .cards
        .iter()
        .find(|c| c.key.starts_with("수식"))
        .expect("the formula's card");
    assert_eq!(
        card.front,
        r"Label Smoothing › 수식 (\(K\): 클래스 수, \(\epsilon\): smoothing 정도)"
    );
    assert_eq!(card.key, r"수식 (K: 클래스 수, \epsilon: smoothing 정도)");
}

#[test]
fn a_display_formula_of_the_topic_is_the_topics_formula_card() {
    let d = doc(r"## **1. PSI (Population Stability Index)**

- **계산**
    1. 기준 데이터로 구간(bin)을 나눔
    2. 각 구간에서 기준 비율 $E_i$와 운영 비율 $A_i$ 계산 후 합산

$$
PSI = \sum_{i=1}^{B} (A_i - E_i) \ln \frac{A_i}{E_i}
$$

$$
L = \sum_i x_i
$$

## BLEU

- **Use**: machine translation

$$
BLEU = BP \cdot \exp(\sum_n w_n \log p_n)
$$
");
    let formulas: Vec<(String, String)> = d
        .cards
        .iter()
        .filter(|c| c.back.contains(r"\["))
        .map(|c| (c.front.clone(), c.back.clone()))
        .collect();
    assert_eq!(
        formulas,
        [
            (
                "PSI › 수식".to_string(),
                r"<p>\[PSI = \sum_{i=1}^{B} (A_i - E_i) \ln \frac{A_i}{E_i}\]</p>".to_string()
            ),
            (
                "BLEU › Formula".to_string(),
                r"<p>\[BLEU = BP \cdot \exp(\sum_n w_n \log p_n)\]</p>".to_string()
            ),
        ]
    );
    // A formula of something else is still a loose paragraph.
    assert_eq!(d.skipped.len(), 1, "{:?}", d.skipped);
    assert!(d.skipped[0].reason.starts_with("loose paragraph"));
}

#[test]
fn a_statement_ending_on_a_result_hides_the_result() {
    // The fact is `PPL = V`; `vocab` is only the condition's word.
    let d = doc(r"## **3. Perplexity (PPL)**

- **좋은 방향**: 낮을수록 좋음
- vocab $V$개에 균등 분포로 예측하면 PPL = $V$
");
    let clozes = cloze_fronts(&d);
    assert_eq!(
        clozes,
        [r"vocab \(V\)개에 균등 분포로 예측하면 PPL = {{c1::\(V\)}}"]
    );
}

#[test]
fn a_bullet_going_on_with_the_formula_above_names_its_left_side() {
    // `= exp(…)` continues `PPL = …` of the bullet above: the cloze says what it is about.
    let d = doc(&[
        r"## **3. Perplexity (PPL)**

- 언어 모델이 테스트 문장을 얼마나 잘 예측하는지: $PPL = \exp(-\frac{1}{N}\sum \log p)$
- = exp(토큰당 평균 cross-entropy) → **낮을수록 좋음**
- vocab $V$개에 균등 분포로 예측하면 PPL = $V$
- 토크나이저·vocab이 다르면 값을 직접 비교할 수 없음

",
        common::METRICS_TABLE,
    ]
    .concat());
    assert!(
        cloze_fronts(&d).contains(
            &"PPL = exp(토큰당 평균 cross-entropy) → <b>{{c1::낮을수록 좋음}}</b>".to_string()
        ),
        "{:?}",
        cloze_fronts(&d)
    );
}

#[test]
fn a_bullet_introducing_another_subject_is_its_own_card() {
    // FastText, with its origin, under GloVe's objective function: a fact of FastText, not
    // part of GloVe's answer.
    let d = doc(r"### 문제 4

**GloVe (Global Vectors for Word Representation)**

## 2. 목적 함수

- $f(X_{ij})$: 가중치 함수 → 너무 자주 나오는 쌍의 영향은 상한을 두고, $X_{ij}=0$인 쌍은 무시

- FastText (Facebook, 2017)는 단어를 **문자 n-gram**(3~6) 벡터의 합으로 표현 → 처음 보는 단어(OOV)도 벡터 생성 가능
");
    let facet = d
        .cards
        .iter()
        .find(|c| c.kind == CardKind::Basic)
        .expect("the facet's card");
    assert!(!facet.back.contains("FastText"), "{}", facet.back);
    let fasttext = d
        .cards
        .iter()
        .find(|c| c.kind == CardKind::Cloze)
        .expect("FastText's cloze");
    assert!(
        anki_front(fasttext).contains("<b>{{c1::문자 n-gram}}</b>(3~6)"),
        "{}",
        anki_front(fasttext)
    );
    assert_eq!(fasttext.context_path().join(" › "), "문제 4");
}

#[test]
fn a_label_written_as_a_defined_term_asks_by_its_name() {
    // `IoU (Intersection over Union)` on the front would answer the definition card `IoU`.
    // The key, and so the id, is the label as written.
    let d = doc("## 0. 객체 탐지 기본 용어

- **IoU (Intersection over Union)**: 예측 박스와 정답 박스의 교집합 넓이 / 합집합 넓이
- **NMS (Non-Maximum Suppression)**: 겹친 박스 중 점수가 가장 높은 박스만 남김
- **Seq2Seq (Sequence-to-Sequence)**: 입력 시퀀스를 출력 시퀀스로 바꾸는 구조
");
    let fronts = common::fronts_and_keys(&d, CardKind::Basic);
    assert_eq!(
        fronts,
        [
            ("객체 탐지 기본 용어 › IoU", "IoU (Intersection over Union)"),
            ("객체 탐지 기본 용어 › NMS", "NMS (Non-Maximum Suppression)"),
            // A name spelling its expansion has no definition card: the label stays whole.
            (
                "객체 탐지 기본 용어 › Seq2Seq (Sequence-to-Sequence)",
                "Seq2Seq (Sequence-to-Sequence)"
            ),
        ]
    );
}

#[test]
fn a_line_pointing_to_other_notes_is_no_card() {
    // `관련 노트: [[…]]` was a `GAN › 핵심 내용` card, and `→ 자세한 내용은 … 참고` the end
    // of `장점`'s answer: links to follow in the vault, which Anki cannot, and no fact. So are
    // a pointer with an aside on what the other note holds, and a line whose arrow leads to
    // a place in another note (`→ [[…]] 문항 15`), which was a cloze hiding `15`.
    let d = doc("## **1. GAN (Generative Adversarial Network)**

- **구조**: Generator와 Discriminator가 경쟁
- 관련 노트: [[생성 모델 기출 복기#문항3|GAN 기출]]
- 관련 노트: [[자연어처리 최적화 정리]] (BLEU, ROUGE 계산식)
- 지식 증류의 temperature와 같은 수식 → [[자연어처리 최적화 정리]] 문항 15

### 장점

- 선명한 샘플 생성

→ 자세한 내용은 [생성 모델 정리](../생성%20모델/생성%20모델%20정리.md) 참고

## **2. VAE**

- Transformer는 [[Attention]] 기반 구조
");
    let all = cards(&d);
    assert!(
        all.iter()
            .all(|c| !c.contains("관련 노트") && !c.contains("자세한 내용")),
        "{all:#?}"
    );
    assert!(
        all.iter()
            .any(|c| c.ends_with("GAN › 장점 => <ul><li>선명한 샘플 생성</li></ul>")),
        "{all:#?}"
    );
    // A statement with words of its own is still a card, its link and all.
    assert!(all.iter().any(|c| c.contains("[[Attention]]")), "{all:#?}");
    let skipped = d
        .skipped
        .iter()
        .filter(|s| s.reason.starts_with("points to another note"))
        .count();
    assert_eq!(skipped, 4, "{:#?}", d.skipped);
}

#[test]
fn a_bullet_opening_a_topic_that_says_what_it_is_is_its_definition() {
    // RNN's first bullet names the kind of thing RNN is (`… 만드는 구조`): `RNN › 정의`. The
    // bullet after it is a statement of its own, left as the 핵심 내용 card. Alone, Dropout's
    // opening bullet is the 핵심 내용 card it was (same key, so same id), asked as a
    // definition. A topic with a `정의` bullet or a `개념` section, or whose bullet follows a
    // paragraph, keeps its 핵심 내용 card.
    let d = doc("## 0. RNN

- 이전 시점의 은닉 상태와 현재 입력을 받아 새로운 은닉 상태를 만드는 구조
- 모든 시점에서 같은 가중치를 공유
- **한계**: 장기 의존성 문제

## **4. Dropout**

- 학습할 때 각 뉴런을 확률 p로 무작위로 꺼서 학습
- **목적**: 과적합 방지

## **5. BatchNorm**

- **정의**: 미니배치 통계로 정규화
- 배치마다 평균과 분산을 구하는 구조

## **6. LayerNorm**

샘플 단위로 정규화한다.

- 특징마다 평균과 분산을 구하는 구조

## **7. GroupNorm**

- 채널을 묶어 평균과 분산을 구하는 구조

### 1. 개념

- 배치 크기와 무관한 정규화
");
    let asked: Vec<(String, &str)> = d
        .cards
        .iter()
        .filter(|c| c.front.ends_with("› 정의") || c.front.ends_with("› 핵심 내용"))
        .map(|c| (anki_front(c), c.key.as_str()))
        .collect();
    assert_eq!(
        asked,
        [
            ("RNN › 정의".to_string(), "정의"),
            ("RNN › 핵심 내용".to_string(), "핵심 내용"),
            ("Dropout › 정의".to_string(), "핵심 내용"),
            ("BatchNorm › 정의".to_string(), "정의"),
            ("BatchNorm › 핵심 내용".to_string(), "핵심 내용"),
            ("LayerNorm › 핵심 내용".to_string(), "핵심 내용"),
            ("GroupNorm › 핵심 내용".to_string(), "핵심 내용"),
        ]
    );
    let rnn = d.cards.iter().find(|c| c.front == "RNN › 정의");
    assert_eq!(
        rnn.map(|c| c.back.as_str()),
        Some("이전 시점의 은닉 상태와 현재 입력을 받아 새로운 은닉 상태를 만드는 구조")
    );
}

#[test]
fn a_statement_naming_both_of_a_pair_hides_both() {
    // Hiding `Post-LN` with `Pre-LN` shown left one guess; which is which is the fact. A bold
    // term beside another of no pair (`FP32`) stays shown.
    let d = doc("## **3. Layer Normalization**

- **한계**: 배치 통계를 쓰지 않아 CNN에서는 BN보다 약함
- Transformer 원 논문(2017)은 Residual 뒤에 LN을 두는 **Post-LN**, GPT-2(2019)부터는 각 \
sub-layer 입력 쪽에 LN을 두는 **Pre-LN** 사용
- 연산 대부분을 **FP16/BF16**으로 수행하고, 민감한 부분만 **FP32**로 유지
");
    assert_eq!(
        cloze_fronts(&d),
        [
            "Transformer 원 논문(2017)은 Residual 뒤에 LN을 두는 <b>{{c1::Post-LN}}</b>, \
             GPT-2(2019)부터는 각 sub-layer 입력 쪽에 LN을 두는 <b>{{c1::Pre-LN}}</b> 사용",
            "연산 대부분을 <b>{{c1::FP16/BF16}}</b>으로 수행하고, 민감한 부분만 <b>FP32</b>로 유지",
        ]
    );
    // The key, and so the id, is still the term hidden first.
    assert!(d.cards.iter().any(|c| c.key == "cloze:Post-LN"));
}

#[test]
fn a_leftover_line_named_before_its_colon_is_asked_by_that_name() {
    // `ATT용 가중치: …` (as `refuter 종류: …` under DoWhy) was its facet's only unlabelled
    // line, asked as `IPW › 핵심 내용`; a reference list (`참고: …`) asks nothing.
    let d = doc("# 인과 추론 정리

스터디 4주차 + 사내 역량평가(ML 심화) 대비용. \"예측 잘 하는 모델 ≠ 개입 효과를 아는 모델\" 관점으로 정리함

- 참고: Hernán & Robins *What If*, Brady Neal 강의노트, *Causal Inference for the Brave and True*, 각 라이브러리 공식 문서

## **5. Propensity Score**

- **정의**: 공변량이 주어졌을 때 처치를 받을 확률, $e(x) = P(T=1 \\mid X = x)$
    - Rosenbaum & Rubin (1983): $X$로 ignorability가 성립하면 $e(X)$ 하나로도 성립 → 고차원 $X$를 1차원 스칼라로 축약 (balancing score)
    - 보통 logistic regression, GBM으로 추정

### 1. PSM (Propensity Score Matching)

- 처치군 각 개체에 대해 PS가 가까운 통제군 개체를 매칭 (nearest neighbor, caliper, 복원/비복원, 1:k)
- **장점**: 직관적, 비즈니스 보고용으로 설명하기 쉬움
- **한계**
    - 매칭 안 된 샘플 버림 → 효율 손실, 오히려 불균형 키울 수 있음 (King & Nielsen, 2019)
    - 처치군 기준 매칭이면 기본적으로 ATT 추정
- **균형 진단**: SMD (Standardized Mean Difference), 보통 $|SMD| < 0.1$이면 OK

### 2. IPW (Inverse Probability Weighting)

- 받을 확률이 낮았는데 받은 사람 → 큰 가중치 → 가상의 \"무작위 모집단\"을 재구성

$$\\hat{\\tau}_{IPW} = \\frac{1}{n}\\sum_{i=1}^{n} \\left( \\frac{T_i Y_i}{\\hat{e}(X_i)} - \\frac{(1-T_i) Y_i}{1-\\hat{e}(X_i)} \\right)$$

- ATT용 가중치: 처치군 = 1, 통제군 = $\\hat e(X) / (1-\\hat e(X))$
- **한계**
    - $\\hat e(x)$가 0이나 1에 가까우면 가중치 폭발 → 분산 ↑
    - 대응: trimming (예: $[0.1, 0.9]$ 밖 제거), clipping, stabilized weights
- **AIPW (Augmented Inverse Probability Weighting)**: outcome 모델 $\\hat\\mu_t(x)$ + PS 모델 $\\hat e(x)$ 결합
");
    let all = cards(&d);
    assert!(
        all.iter().any(|c| c.ends_with(
            "IPW › ATT용 가중치 => 처치군 = 1, 통제군 = \\(\\hat e(X) / (1-\\hat e(X))\\)"
        )),
        "{all:#?}"
    );
    assert!(
        all.iter()
            .all(|c| !c.contains("IPW › 핵심 내용") && !c.contains("Brady Neal")),
        "{all:#?}"
    );
    // A line named by no short name before a colon is still the gist.
    assert!(
        all.iter()
            .any(|c| c.contains("PSM › 핵심 내용 => <ul><li>처치군 각 개체")),
        "{all:#?}"
    );
}

#[test]
fn a_section_its_formula_opens_is_a_thing_of_its_own() {
    // `### 2. Dice Loss` under `## 7. 손실 함수`: its formula, what it does, its limit. One
    // card `손실 함수 › Dice Loss` held four facts under a front naming none.
    let d = doc("## **7. 손실 함수**

### 2. Dice Loss

$$L_{Dice} = 1 - \\frac{2\\sum_i p_i g_i + \\epsilon}{\\sum_i p_i + \\sum_i g_i + \\epsilon}$$

- 영역 겹침 비율 자체를 최적화 → **불균형에 강함**
- **한계**: 작은 객체에서 gradient 불안정 → 보통 **CE + Dice** 조합

### 3. Focal Loss

$$FL(p_t) = -\\alpha_t (1-p_t)^{\\gamma}\\log(p_t)$$

- RetinaNet (Lin et al., 2017)에서 제안, 논문 기본값 $\\gamma=2$, $\\alpha=0.25$
- **쉬운 샘플 down-weight**: $p_t=0.9$면 $(1-0.9)^2 = 0.01$ → CE 대비 1/100
");
    let all = cards(&d);
    for want in [
        "손실 함수 › Dice Loss › 수식: \\(L_{Dice} = ?\\) => <p>\\[L_{Dice}",
        "영역 겹침 비율 자체를 최적화 → <b>{{c1::불균형에 강함}}</b>",
        "손실 함수 › Dice Loss › 한계 => 작은 객체에서",
        "손실 함수 › Focal Loss › 수식: \\(FL(p_t) = ?\\) => ",
        // A citation setting values in formulas still gives them.
        "논문 기본값 \\(\\gamma=2\\), \\(\\alpha=0.25\\)",
    ] {
        assert!(all.iter().any(|c| c.contains(want)), "{want}: {all:#?}");
    }
    assert!(
        all.iter()
            .all(|c| !c.ends_with("손실 함수 › Dice Loss")
                && !c.contains("손실 함수 › Dice Loss =>")),
        "{all:#?}"
    );
}

#[test]
fn a_line_marking_nothing_is_asked_by_its_name_rather_than_a_guessed_word() {
    // `입력 shape: logit …, target …` hid `target`; `v3+ decoder: … → 3×3 conv → …` hid
    // `3×3`. A clause before a colon (`… 특히 무서움:`), a letter (`X:`) and a line naming
    // two (`A: … / B: …`) are no names; a bold word is the author's mark, hidden as before.
    let d = doc("## **4. DeepLab 계열**

- **정의**: atrous conv 기반 세그멘테이션 모델
- v3+ decoder: ASPP 출력 ×4 upsample + low-level feature concat → 3×3 conv → ×4 upsample
- 입력 shape: logit `(N, C, H, W)`, target `(N, H, W)` long 타입
- selection leakage가 특히 무서움: 랜덤 **noise feature** 수천 개로 CV가 높게 나옴
- X: 유저별 클릭 수, Y: 유저별 **page view** 수
- 교훈: 지표 숫자만 보지 말고 **군집별 중심을 해석**해야 함
");
    let all = cards(&d);
    for want in [
        "DeepLab 계열 › v3+ decoder => ASPP 출력 ×4 upsample",
        "DeepLab 계열 › 입력 shape => logit <code>(N, C, H, W)</code>, target",
        "{{c1::noise feature}}",
        "{{c1::page view}}",
        "{{c1::군집별 중심을 해석}}",
    ] {
        assert!(all.iter().any(|c| c.contains(want)), "{want}: {all:#?}");
    }
    assert!(
        all.iter()
            .all(|c| !c.contains("› 특히 무서움") && !c.contains("› X =>")),
        "{all:#?}"
    );
}

#[test]
fn a_case_whose_lines_are_named_plainly_is_asked_facet_by_facet() {
    // `### 1. 쿠폰 타게팅 (uplift)` under `## 실무 사례`: `목표: …` and `배운 점: …` were one
    // card `실무 사례 › 쿠폰 타게팅` joining the goal, the method and the lesson.
    let d = doc("## 실무 사례

### 1. 쿠폰 타게팅 (uplift)

- 목표: 전체 발송 대비 예산 30%로 같은 증분 매출
- 2주간 랜덤 10% 홀드아웃 RCT로 학습 데이터 확보 → Qini로 상위 30% 증분 매출 비교
- 배운 점: response 모델 상위 30%는 대부분 Sure Things → uplift 거의 없음
    - Sleeping Dogs (쿠폰 받으면 \"할인할 때만 사자\"로 바뀌는 고객) 실제로 존재

### 2. 당일배송 정책 효과 (DiD)

- 일부 권역에만 도입 → 권역 단위 DiD, 도입 전 8주 event study로 평행 추세 확인
- 권역별 도입 시점이 달라서 TWFE 대신 Callaway & Sant'Anna로 재추정
");
    let all = cards(&d);
    for want in [
        "실무 사례 › 쿠폰 타게팅 › 목표 => 전체 발송 대비 예산 30%로 같은 증분 매출",
        "실무 사례 › 쿠폰 타게팅 › 배운 점 => response 모델 상위 30%는",
    ] {
        assert!(all.iter().any(|c| c.contains(want)), "{want}: {all:#?}");
    }
    assert!(
        all.iter().all(|c| !c.contains("쿠폰 타게팅 => ")),
        "{all:#?}"
    );
}

#[test]
fn a_line_saying_what_the_note_covers_is_no_card() {
    // `- 범위: …` under the document's title named what the note is about; `- 표기: …` there
    // is a legend the cards use, and stays.
    let d = doc("# 지속 학습 정리

- 범위: Continual Learning (CL) / Lifelong Learning, catastrophic forgetting 대응 기법
- 표기: $T$ = task 수, $R_{i,j}$ = 정확도 행렬

## **3. EWC (Elastic Weight Consolidation)**

- **정의**: 중요한 파라미터가 덜 움직이게 하는 규제
");
    let all = cards(&d);
    assert!(all.iter().all(|c| !c.contains("범위")), "{all:#?}");
    assert!(all.iter().any(|c| c.contains("표기")), "{all:#?}");
}

#[test]
fn a_facet_of_a_long_code_listing_asks_its_bullets_alone() {
    // `### Label Studio (annotation 도구)`: ten lines of calls and one bullet. The listing was
    // the answer of `라이브러리 API 정리 › Label Studio`, eight facts with no question.
    let d = doc("## **11. 라이브러리 API 정리**

### Label Studio (annotation 도구)

```python
# label-studio-sdk < 1.0 (legacy Client) 기준
from label_studio_sdk import Client
from label_studio_sdk.project import ProjectSampling

ls = Client(url=\"http://localhost:8080\", api_key=API_KEY)    # label-studio 기본 포트 8080
project = ls.start_project(title=\"문의 분류 AL\", label_config=LABEL_CONFIG_XML)
project.import_tasks([{\"text\": t} for t in queried_texts])    # preannotated_from_fields=None
project.set_sampling(ProjectSampling.UNCERTAINTY)            # prediction score 기반 task 순서
labeled = project.get_labeled_tasks()                        # only_ids=False
export = project.export_tasks(export_type=\"JSON\")            # download_all_tasks=False
```

- **ML backend** (`label-studio-ml`): `LabelStudioMLBase` 상속 → `predict(tasks, context=None, **kwargs)` / `fit(event, data, **kwargs)` 구현, 기본 포트 9090
    - prediction의 `score` 필드가 uncertainty 정렬 기준

");
    let all = cards(&d);
    assert!(all.iter().all(|c| !c.contains("start_project")), "{all:#?}");
    assert!(
        all.iter().any(|c| c.contains("LabelStudioMLBase")),
        "{all:#?}"
    );
    assert!(
        d.skipped
            .iter()
            .any(|s| s.reason.starts_with("code listing of 10 lines")),
        "{:#?}",
        d.skipped
    );
}
