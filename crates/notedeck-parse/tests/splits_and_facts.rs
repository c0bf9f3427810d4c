//! How big answers are split, essays carded, and facts repeated by tables kept to one card,
//! on fragments copied from the user's notes (`notes/역량평가 정리.md`). Each case shows the
//! cards as `kind | deck | front => back`.

mod common;

use common::{card_with_front, cards, cloze_fronts, doc};
use notedeck_parse::{Card, CardKind, ClaimOrigin, Document};

#[test]
fn claim_labels_make_one_list_card_and_only_terms_defined_under_them_a_card_each() {
    // The labels are the facts (`No CI/CD`): one card asks for them all. What each one's
    // nested list explains mostly says the label again, so it is no card of its own (all or
    // none: the neutral `Deployment scope` goes with the claims); a term defined inside an
    // explanation is a fact of its own.
    let d = doc("## **MLOps Level 0: Manual Process**

### 1. **Characteristics**

1. **Fully manual, script-driven**
    - Data analysis → preparation → training → validation are all manual, done in notebooks with experimental code.
2. **Disconnection between ML and Ops**
    - Data scientists hand off a trained model artifact to engineers for deployment.
    - Engineers prepare production features, risking **training–serving skew**.
        - **Training–serving skew** happens when the data or features your model sees **during training** are different from what it sees **in production (serving)**.
3. **Low release frequency**
    - Model changes/re-training only a few times per year.
4. **No CI/CD**
    - No Continuous Integration: testing happens only within notebooks/scripts.
    - No Continuous Deployment: model deployment is infrequent and manual.
5. **Deployment scope**
    - Focused on serving the model as a prediction service (e.g., REST API), not the entire ML system.
6. **No active performance monitoring**
    - No logging/tracking of predictions → unable to detect drift or degradation.
");
    assert_eq!(
        cards(&d),
        [
            "basic | 역량평가 정리::문제 9 | MLOps Level 0: Manual Process › Characteristics => <ol><li>Fully manual, script-driven</li><li>Disconnection between ML and Ops</li><li>Low release frequency</li><li>No CI/CD</li><li>Deployment scope</li><li>No active performance monitoring</li></ol>",
            // What the explanation sets in bold inside its sentence is a fact of its own:
            // the cause of the skew.
            "cloze | 역량평가 정리::문제 9 | Engineers prepare production features, risking <b>{{c1::training–serving skew}}</b>. => ",
            "basic | 역량평가 정리::문제 9 | MLOps Level 0: Manual Process › Characteristics › Disconnection between ML and Ops › Training–serving skew => happens when the data or features your model sees <b>during training</b> are different from what it sees <b>in production (serving)</b>.",
        ]
    );
    assert_eq!(d.cards[0].key, "section");
}

#[test]
fn claims_each_made_concrete_in_a_short_line_are_asked_with_it() {
    // `Underfitting 방지`: each bold label is an action (`증가`, `개선`, `강화`, `약화`), and
    // a card per label gave its answer away (`특징(feature) 강화` → `특징 엔지니어링`). The
    // actions with what each means make one short answer.
    const TEXT: &str = "## 3. 해결 방법

### Underfitting 방지

1. **모델 복잡도 증가**
    - 더 깊은 신경망, 파라미터 수 증가
2. **학습 과정 개선**
    - 학습 시간(에폭) 늘리기
    - 학습률(Learning Rate) 조정
3. **특징(feature) 강화**
    - 더 구체적이고 유용한 특징 엔지니어링
4. **정규화 약화**
    - L1/L2 계수 줄이기, Dropout 비율 낮추기
";
    let d = doc(TEXT);
    assert_eq!(
        cards(&d),
        [
            "basic | 역량평가 정리::문제 9 | 해결 방법 › Underfitting 방지 => <ol><li><b>모델 복잡도 증가</b><ul><li>더 깊은 신경망, 파라미터 수 증가</li></ul></li><li><b>학습 과정 개선</b><ul><li>학습 시간(에폭) 늘리기</li><li>학습률(Learning Rate) 조정</li></ul></li><li><b>특징(feature) 강화</b><ul><li>더 구체적이고 유용한 특징 엔지니어링</li></ul></li><li><b>정규화 약화</b><ul><li>L1/L2 계수 줄이기, Dropout 비율 낮추기</li></ul></li></ol>"
        ]
    );
    // Facet names (`데이터 측면`) are no claims: each part is asked by its name.
    let facets = doc(&TEXT
        .replace("모델 복잡도 증가", "데이터 측면")
        .replace("학습 과정 개선", "모델 구조 측면")
        .replace("특징(feature) 강화", "학습 과정 측면")
        .replace("정규화 약화", "앙상블 기법"));
    let facets = cards(&facets);
    assert!(
        facets
            .iter()
            .any(|c| c.contains("Underfitting 방지 › 데이터 측면 =>")),
        "{facets:#?}"
    );
    // With an explanation longer than a glance, the actions are parts as any labels are,
    // each a card of its own under the list of them.
    let long = doc(&TEXT.replace(
        "더 깊은 신경망, 파라미터 수 증가",
        "더 깊은 신경망을 쓰고 층마다 파라미터 수를 늘려서 모델의 표현력을 충분히 키워 준다",
    ));
    let long = cards(&long);
    assert!(
        long.iter()
            .any(|c| c.contains("Underfitting 방지 › 정규화 약화 =>")),
        "{long:#?}"
    );
}

#[test]
fn recommendations_are_claims_and_the_terms_they_define_are_cards() {
    // `Introduce …` and `Frequent …` recommend: the list card asks the recommendations;
    // the `**Term**: definition` bullets under one are the only other cards (asked by the
    // term's name: its expansion is the definition card's answer).
    let d = doc("## **MLOps Level 0: Manual Process**

### 4. **Recommended Improvements**

1. **Active monitoring**
    - Track performance to detect degradation and drift.
2. **Frequent retraining**
    - Incorporate the latest data (e.g., fashion recommendation adapting to new trends).
3. **Continuous experimentation**
    - Improve features, architecture, hyperparameters.
4. **Introduce CI/CD and CT**
    - **CT (Continuous Training)**: automated re-training pipelines.
    - **CI/CD**: quickly test, build, and deploy new pipeline/model versions.
");
    let listed = cards(&d);
    assert_eq!(
        listed[0],
        "basic | 역량평가 정리::문제 9 | MLOps Level 0: Manual Process › Recommended Improvements => <ol><li>Active monitoring</li><li>Frequent retraining</li><li>Continuous experimentation</li><li>Introduce CI/CD and CT</li></ol>"
    );
    let fronts: Vec<&str> = d.cards[1..].iter().map(|c| c.front.as_str()).collect();
    assert!(
        fronts.iter().all(|f| !f.contains("Active monitoring")
            && !f.contains("Frequent retraining")
            && !f.contains("Continuous experimentation")),
        "{listed:#?}"
    );
    assert!(
        listed.iter().any(|c| c.ends_with(
            "Recommended Improvements › Introduce CI/CD and CT › CT => automated re-training pipelines."
        )),
        "{listed:#?}"
    );
}

#[test]
fn facet_name_labels_of_a_big_facet_each_get_a_card() {
    // Neutral names (`Data validation`): the facet's card names the parts, each part is a
    // card, and nested `**Term**: definition` bullets are cards of their own.
    let d = doc("## **MLOps Level 1**

### 3. **Additional Components**

- **Data validation**:
    - **Schema skew**: Missing/unexpected features → stop pipeline.
    - **Value skew**: Significant statistical changes → trigger retraining.
- **Model validation**:
    - Compare metrics with current/baseline models.
    - Check performance consistency across data segments.
- **Metadata management**:
    - Record pipeline/component versions, parameters, artifacts, metrics.
    - Enable reproducibility, rollback, and debugging.
- **Pipeline triggers**:
    - On demand, scheduled, new data arrival, performance drop, concept drift.
");
    assert_eq!(
        cards(&d),
        [
            "basic | 역량평가 정리::문제 9 | MLOps Level 1 › Additional Components => <ul><li>Data validation</li><li>Model validation</li><li>Metadata management</li><li>Pipeline triggers</li></ul>",
            "basic | 역량평가 정리::문제 9 | MLOps Level 1 › Additional Components › Data validation => <ul><li>Schema skew</li><li>Value skew</li></ul>",
            "basic | 역량평가 정리::문제 9 | MLOps Level 1 › Additional Components › Data validation › Schema skew => Missing/unexpected features → stop pipeline.",
            "basic | 역량평가 정리::문제 9 | MLOps Level 1 › Additional Components › Data validation › Value skew => Significant statistical changes → trigger retraining.",
            "basic | 역량평가 정리::문제 9 | MLOps Level 1 › Additional Components › Model validation => <ul><li>Compare metrics with current/baseline models.</li><li>Check performance consistency across data segments.</li></ul>",
            "basic | 역량평가 정리::문제 9 | MLOps Level 1 › Additional Components › Metadata management => <ul><li>Record pipeline/component versions, parameters, artifacts, metrics.</li><li>Enable reproducibility, rollback, and debugging.</li></ul>",
            "basic | 역량평가 정리::문제 9 | MLOps Level 1 › Additional Components › Pipeline triggers => <ul><li>On demand, scheduled, new data arrival, performance drop, concept drift.</li></ul>",
        ]
    );
    let keys: Vec<&str> = d.cards.iter().map(|c| c.key.as_str()).collect();
    assert_eq!(
        keys,
        [
            "section",
            "Data validation",
            "Data validation › Schema skew",
            "Data validation › Value skew",
            "Model validation",
            "Metadata management",
            "Pipeline triggers"
        ]
    );
}

#[test]
fn a_facet_half_of_term_definitions_is_a_card_per_term() {
    // Adam's bias correction and default values were buried at the end of one card with
    // the moments and the update formula: two of four items are `**Term**: definition`.
    let d = doc(r"## **3. Adam / AdamW**

### Adam (Adaptive Moment Estimation)

- **Momentum + RMSProp** 결합 (Kingma & Ba, 2015)
    - 1차 모멘트 $m_t$: gradient의 EMA, 2차 모멘트 $v_t$: gradient 제곱의 EMA
- **Bias correction**: $m_0 = v_0 = 0$에서 시작 → 초반 값이 0 쪽으로 치우침 → $\hat{m}_t = m_t / (1-\beta_1^t)$로 보정
- 업데이트:

$$
\theta_t = \theta_{t-1} - \eta \frac{\hat{m}_t}{\sqrt{\hat{v}_t} + \epsilon}
$$

- **기본값**: $\eta = 0.001$, $\beta_1 = 0.9$, $\beta_2 = 0.999$, $\epsilon = 10^{-8}$
");
    let fronts: Vec<&str> = d.cards.iter().map(|c| c.front.as_str()).collect();
    assert!(
        fronts.contains(&"Adam / AdamW › Adam › Bias correction"),
        "{fronts:#?}"
    );
    assert!(
        fronts.contains(&"Adam / AdamW › Adam › 기본값"),
        "{fronts:#?}"
    );
    let adam = card_with_front(&d, "Adam / AdamW › Adam");
    assert!(adam.back.contains("\\theta_t"), "{}", adam.back);
    assert!(!adam.back.contains("0.999"), "{}", adam.back);
    // The item that is no term definition stays in the facet's card, with its nested
    // moments: asked by its first line, it would show its fact on the front.
    assert!(adam.back.contains("1차 모멘트"), "{}", adam.back);
    assert!(
        !fronts.iter().any(|f| f.contains("Momentum + RMSProp")),
        "{fronts:#?}"
    );
}

#[test]
fn an_acronym_s_expansion_in_its_heading_is_left_to_its_definition_card() {
    // `(Continuous Bag-of-Words)` is what the definition card `CBOW` asks: opening the
    // section's answer too, the expansion would be asked twice.
    let d = doc("## **Word2Vec**

### 1. CBOW (Continuous Bag-of-Words)

- 주변 단어(context) → 중심 단어(center) 예측
- 학습 속도가 빠르고 자주 나오는 단어에 유리
");
    let cards = cards(&d);
    assert!(
        cards.contains(
            &"definition | 역량평가 정리::문제 9 | CBOW => Continuous Bag-of-Words".to_string()
        ),
        "{cards:#?}"
    );
    let section = cards
        .iter()
        .find(|c| c.contains("| Word2Vec › CBOW =>"))
        .expect("section card");
    assert!(!section.contains("Continuous"), "{section}");
}

#[test]
fn a_heading_aside_naming_its_section_does_not_open_the_answer() {
    let d = doc("## **1. CAM**

- **구조 전제**: GAP + FC Layer

## **2. 원리 (CAM, 원래 방식)**

- 마지막 conv feature map을 FC 가중치로 더함

# 2. RLHF의 학습 단계

# 1) 지도 미세 조정 (SFT)

사람이 작성한 모범 답변으로 언어 모델을 먼저 미세 조정합니다.
");
    let backs: Vec<&str> = d.cards.iter().map(|c| c.back.as_str()).collect();
    // Which of the topic's methods, or the section's acronym: neither is a word of the
    // answer, which opens with what the section says.
    assert!(
        backs
            .iter()
            .all(|b| !b.contains("원래 방식") && !b.contains("SFT")),
        "{backs:#?}"
    );
    assert!(
        backs
            .iter()
            .any(|b| b.starts_with("<ul><li>마지막 conv feature map")),
        "{backs:#?}"
    );
}

#[test]
fn heading_parenthetical_opens_the_answer_and_a_paragraph_answers_the_facet() {
    let d = doc(
        "## **BART (Bidirectional and Auto-Regressive Transformers)**

### 2. 사전 학습 방식 (Denoising Autoencoder)

BART는 원문 → **노이즈 추가** → 복원하는 과정을 학습

- **노이즈 유형**
    1. **Token Deletion**: 토큰 제거; 무작위로 토큰을 삭제, 모델은 누락 위치를 결정해야 함
    2. **Text Infilling**: 연속된 구간을 마스킹, 각 span에서 없어진 토큰 수를 학습
    3. **Sentence Permutation**: 문장 순서 섞기
    4. **Token Masking**: 일부 토큰을 `[MASK]`로 바꿈
    5. **Document Rotation**: 문서 시작 위치를 바꿈
- **목표**: Decoder가 원래 문장을 재구성
",
    );
    let cards = cards(&d);
    assert_eq!(
        cards[1..4],
        [
            "basic | 역량평가 정리::문제 9 | BART › 사전 학습 방식 => <p>Denoising Autoencoder</p><p>BART는 원문 → <b>노이즈 추가</b> → 복원하는 과정을 학습</p>",
            "basic | 역량평가 정리::문제 9 | BART › 사전 학습 방식 › 노이즈 유형 => <ol><li>Token Deletion</li><li>Text Infilling</li><li>Sentence Permutation: 문장 순서 섞기</li><li>Token Masking: 일부 토큰을 <code>[MASK]</code>로 바꿈</li><li>Document Rotation: 문서 시작 위치를 바꿈</li></ol>",
            "basic | 역량평가 정리::문제 9 | BART › 사전 학습 방식 › 노이즈 유형 › Token Deletion => 토큰 제거; 무작위로 토큰을 삭제, 모델은 누락 위치를 결정해야 함",
        ]
    );
    assert_eq!(
        cards.last().map(String::as_str),
        Some(
            "basic | 역량평가 정리::문제 9 | BART › 사전 학습 방식 › 목표 => Decoder가 원래 문장을 재구성"
        )
    );
    // A name explained only by a short gloss is listed with it in the list's card: a card
    // of its own asks for a translation, whichever way round (`Sentence Permutation` →
    // `문장 순서 섞기`, or the gloss → the name).
    assert_eq!(
        cards[4],
        "basic | 역량평가 정리::문제 9 | BART › 사전 학습 방식 › 노이즈 유형 › Text Infilling => 연속된 구간을 마스킹, 각 span에서 없어진 토큰 수를 학습"
    );
    assert!(
        !cards
            .iter()
            .any(|c| c.contains("Permutation =>") || c.contains("=> Sentence Permutation")),
        "{cards:#?}"
    );
    let glossed: Vec<usize> = d
        .skipped
        .iter()
        .filter(|s| s.reason.starts_with("term whose bullet only translates it"))
        .map(|s| s.line)
        .collect();
    assert_eq!(glossed, [14, 15, 16]);
    // Definition, facet, 노이즈 유형, Token Deletion, Text Infilling, 목표.
    assert_eq!(cards.len(), 6);
}

#[test]
fn a_phrase_naming_more_than_its_label_is_no_gloss() {
    // `키워드 기반 검색 (예: BM25)` names BM25, `Dense + Sparse 점수를 결합` names what is
    // combined: facts the label does not hold, asked by it like their neighbours.
    let d = doc("## **1. RAG (Retrieval-Augmented Generation)**

### 구성 요소

- **Retrieval (검색)**:
    - **Dense retrieval**: 임베딩 유사도(내적, 코사인) 기반 검색
    - **Sparse retrieval**: 키워드 기반 검색 (예: BM25)
    - **Hybrid retrieval**: Dense + Sparse 점수를 결합
    - **Reranker**: cross-encoder로 상위 후보를 다시 정렬해 정밀도 향상
- **Generation (생성)**:
    - **Prompt 구성**: 검색된 상위 k개 청크 + 사용자 질문을 하나의 프롬프트로 결합
    - **Generator**: LLM이 검색 문서를 근거로 답변 생성, 출처를 함께 제시 가능
");
    let all = cards(&d);
    for asked in [
        "Retrieval (검색) › Sparse retrieval => 키워드 기반 검색 (예: BM25)",
        "Retrieval (검색) › Hybrid retrieval => Dense + Sparse 점수를 결합",
    ] {
        assert!(all.iter().any(|c| c.ends_with(asked)), "{asked}: {all:#?}");
    }
    assert!(
        !d.skipped
            .iter()
            .any(|s| s.reason.starts_with("term whose bullet only translates it")),
        "{:#?}",
        d.skipped
    );
}

#[test]
fn a_claim_label_among_facet_names_is_asked_by_its_explanation() {
    // `언어 독립적` is the fact, its explanation the cue: label → explanation would ask with
    // the answer on the front. The facet names beside it stay label → value.
    let d = doc("## **3. SentencePiece**

- **특징**: 공백으로 미리 단어를 나누는 사전 토큰화가 필요 없음
- **언어 독립적**: 띄어쓰기가 없는 일본어·중국어, 교착어인 한국어에도 그대로 적용
- **알고리즘**: 내부적으로 **BPE** 또는 **Unigram LM** 중 선택
- **사용 모델**: T5, ALBERT, XLNet, LLaMA
");
    let card = card_with_front(
        &d,
        "SentencePiece › 띄어쓰기가 없는 일본어·중국어, 교착어인 한국어에도 그대로 적용",
    );
    assert_eq!(card.back, "언어 독립적");
    // The key is the label's, as before: the card keeps its id.
    assert_eq!(card.key, "언어 독립적");
    card_with_front(&d, "SentencePiece › 사용 모델");
    // An explanation of two sentences is a fact of its own: the label stays the question.
    let d = doc("## **3. SentencePiece**

- **특징**: 공백으로 미리 단어를 나누는 사전 토큰화가 필요 없음
- **언어 독립적**: 일본어와 중국어는 띄어쓰기가 없다. 그래도 그대로 적용된다.
- **알고리즘**: 내부적으로 **BPE** 또는 **Unigram LM** 중 선택
");
    card_with_front(&d, "SentencePiece › 언어 독립적");
}

#[test]
fn a_list_of_short_items_over_six_lines_is_split() {
    // Ten lines of 150 characters: short, but more than one recall holds. Each part with a
    // nested list or a value is asked on its own; the facet lists the parts (named here as
    // no facet is: a list of facet names is nothing to recall, see card_rules.rs).
    let d = doc("## **BART**

### 3. 특징

- **다목적성**: 요약, 번역, 질의응답, 문장 생성 모두 가능
- **양방향 이해와 생성**
    - Encoder 덕분에 입력 전체의 양방향 이해
    - Decoder 덕분에 문장 생성 능력 우수
    - 다양한 노이즈 덕분에 복원·생성 능력 강화
- **대표 태스크**:
    - 요약(Summarization)
    - 데이터 복원(에러 수정)
    - 자연스러운 텍스트 생성
");
    let fronts: Vec<&str> = d.cards.iter().map(|c| c.front.as_str()).collect();
    assert_eq!(
        fronts,
        [
            "BART › 특징",
            "BART › 특징 › 다목적성",
            "BART › 특징 › 양방향 이해와 생성",
            "BART › 특징 › 대표 태스크"
        ]
    );
    assert_eq!(
        d.cards[0].back,
        "<ul><li>다목적성</li><li>양방향 이해와 생성</li><li>대표 태스크</li></ul>"
    );
}

#[test]
fn claim_labels_directly_under_a_topic_make_one_card() {
    let d = doc("## **MLOps Level 0**

- **No CI/CD**: 테스트는 노트북 안에서만
- **Low release frequency**: 연 1~2회 재학습
- **Manual deployment**: 엔지니어에게 모델 아티팩트 전달
- **Deployment scope**: 예측 서비스만 배포
");
    assert_eq!(
        cards(&d),
        [
            "basic | 역량평가 정리::문제 9 | MLOps Level 0 › 특징 => <ul><li>No CI/CD</li><li>Low release frequency</li><li>Manual deployment</li><li>Deployment scope</li></ul>"
        ]
    );
    // The values are still claims for the checker.
    assert_eq!(d.claims.len(), 4);
}

/// Fronts with their context in brackets when it is not the card's heading path.
fn shown(d: &Document) -> Vec<String> {
    d.cards
        .iter()
        .filter(|c| c.kind != CardKind::Definition)
        .map(|c| match &c.context {
            Some(ctx) => format!("[{}] {} => {}", ctx.join(" › "), c.front, c.back),
            None => format!("{} => {}", c.front, c.back),
        })
        .collect()
}

#[test]
fn a_table_after_a_facets_list_is_no_part_of_the_facet() {
    // MLOps Level 2's Benefits list, then a headingless table comparing all three levels: the
    // table belongs to the problem holding the three levels, not to `Benefits`.
    let d = doc("## **MLOps Level 0: Manual Process – Key Points**

- **Goal**: manual

## **MLOps Level 1: ML Pipeline Automation – Key Points**

- **Goal**: CT

## **MLOps Level 2 – CI/CD Pipeline Automation**

### **Benefits**

- Rapid iteration and deployment.

| 구분 | **Level 0** – Manual Process | **Level 1** – ML Pipeline Automation | **Level 2** – CI/CD Pipeline Automation |
| --- | --- | --- | --- |
| **프로세스** | 전 과정 수동 실행 | 파이프라인 단계 자동화 | 파이프라인 자동화 + CI/CD |
");
    assert_eq!(
        shown(&d)[3..],
        [
            // Asked by the levels' bold names, which the topics' titles give in full: the
            // subtitles would give answers away. The table sums up the three sections: its
            // row is asked across them.
            "[문제 9] MLOps Level 0 / MLOps Level 1 / MLOps Level 2 › 프로세스 => <ul><li>MLOps \
             Level 0: 전 과정 수동 실행</li><li>MLOps Level 1: 파이프라인 단계 자동화</li><li>\
             MLOps Level 2: 파이프라인 자동화 + CI/CD</li></ul>",
        ]
    );
    // Its claims are about the topics the columns name.
    let subjects: Vec<&str> = d
        .claims
        .iter()
        .filter(|c| c.origin == ClaimOrigin::TableCell)
        .map(|c| c.subject.as_str())
        .collect();
    assert_eq!(
        subjects,
        [
            "MLOps Level 0: Manual Process – Key Points",
            "MLOps Level 1: ML Pipeline Automation – Key Points",
            "MLOps Level 2 – CI/CD Pipeline Automation",
        ]
    );

    // Naming no topic, it still leaves the facet for the topic.
    let d = doc("## **LoRA (Low-Rank Adaptation)**

### 3. 장점

- 메모리 절약

| 구분 | r | alpha |
| --- | --- | --- |
| 의미 | rank | scale |
");
    let table: Vec<&Card> = d
        .cards
        .iter()
        .filter(|c| c.kind == CardKind::Table)
        .collect();
    assert_eq!(table[0].front, "r › 의미");
    assert_eq!(table[0].context_path(), ["문제 9", "LoRA"]);
    assert_eq!(*table[0].path, ["문제 9", "LoRA", "장점"]);
    // A facet whose body is the table keeps it.
    let d = doc("## **LoRA (Low-Rank Adaptation)**

### 5. 하이퍼파라미터

| 구분 | r | alpha |
| --- | --- | --- |
| 의미 | rank | scale |
");
    assert_eq!(d.cards[1].context, None);
    assert_eq!(
        d.cards[1].context_path(),
        ["문제 9", "LoRA", "하이퍼파라미터"]
    );
}

#[test]
fn a_fact_repeated_by_a_table_is_one_card() {
    // `BERT › 구조` as a bullet and again in the BART section's table: the bullet says more,
    // so it is the card; GPT's row asks what no bullet does and stays.
    let d = doc("## 0. GPT

- **장점**: 생성 능력

## **1. BERT (Bidirectional Encoder Representations from Transformers)**

- **구조**: Transformer **Encoder**만 사용 (양방향 문맥 학습)

## **5. BART (Bidirectional and Auto-Regressive Transformers)**

### 4. 다른 모델과 비교

| 모델 | 구조 |
| --- | --- |
| **BERT** | Encoder만 |
| **GPT** | Decoder만 |
");
    assert_eq!(
        shown(&d),
        [
            "GPT › 장점 => 생성 능력",
            "BERT › 구조 => Transformer <b>Encoder</b>만 사용 (양방향 문맥 학습)",
            "[문제 9 › 다른 모델과 비교] GPT › 구조 => Decoder만",
        ]
    );
    let merged = d.skipped.last().expect("the merged cell");
    assert_eq!(merged.line, 19);
    assert_eq!(
        merged.reason,
        "asks what the card on line 11 asks (BERT › 구조), whose answer holds this one; that \
         card is kept"
    );
    // Both places still make claims (the checker compares them).
    assert_eq!(
        d.claims
            .iter()
            .filter(|c| c.subject == "BERT" && c.attribute == "구조")
            .count(),
        2
    );
}

#[test]
fn facts_are_keyed_without_asides_separators_or_case() {
    // `Zero-Shot` in the table is the `Zero-Shot Learning (ZSL)` topic, `GZSL` the
    // `Generalized Zero-Shot Learning (GZSL)` one; `LSTM (Long Short-Term Memory)` is `LSTM`.
    let d = doc("## **1. Zero-Shot Learning (ZSL)**

- **정의**: 본 적 없는 클래스 예측
- **예시**: “줄무늬가 있는 말” 설명으로 얼룩말 분류

## **4. Generalized Zero-Shot Learning (GZSL)**

- **테스트 시**: Seen+Unseen 모두

## **5. 비교 표**

| 구분 | 정의 | 예시 | 테스트 시 |
| --- | --- | --- | --- |
| **Zero-Shot** | 본 적 없는 클래스 예측 | “줄무늬 말” 설명 듣고 얼룩말 맞히기 | Unseen만 |
| **GZSL** | Seen도 포함 | 고양이·개·얼룩말 분류 | **Seen+Unseen 모두** |
");
    assert_eq!(
        shown(&d),
        [
            "Zero-Shot Learning › 정의 => 본 적 없는 클래스 예측",
            // An example is asked from itself.
            "[문제 9] 예시 › “줄무늬가 있는 말” 설명으로 얼룩말 분류 => Zero-Shot Learning",
            "Generalized Zero-Shot Learning › 테스트 시 => Seen+Unseen 모두",
            // A cell asking what a card before it asks, in other words, is not carded: the
            // first wording is the one learnt (whether they clash is the checker's call).
            "[문제 9 › 비교 표] Zero-Shot › 테스트 시 => Unseen만",
            "[문제 9 › 비교 표] GZSL › 정의 => Seen도 포함",
            "[문제 9 › 비교 표] GZSL › 예시 => 고양이·개·얼룩말 분류",
        ]
    );
    let merged: Vec<usize> = d.skipped.iter().map(|s| s.line).collect();
    assert_eq!(merged, [18, 18, 19]);
    assert!(
        d.skipped[1]
            .reason
            .contains("in other words; the first wording is kept")
    );

    let d = doc("## **LSTM (Long Short-Term Memory)**

- **게이트 수**: 3개

## **GRU (Gated Recurrent Unit)**

- **게이트 수**: 2개

### 비교

| 모델 | 게이트 수 |
| --- | --- |
| **LSTM (Long Short-Term Memory)** | 2개 |
| GRU | 2개 |
");
    assert_eq!(
        shown(&d),
        [
            // The cell that contradicts the bullet, and the bullet, wait for the conflict to
            // be settled: either may be the slip.
            "GRU › 게이트 수 => 2개",
        ]
    );
    let lstm: Vec<(&str, &str)> = d
        .claims
        .iter()
        .filter(|c| c.subject == "LSTM")
        .map(|c| (c.attribute.as_str(), c.value.as_str()))
        .collect();
    assert_eq!(lstm, [("게이트 수", "3개"), ("게이트 수", "2개")]);
}

#[test]
fn a_table_row_asking_a_bullets_facet_in_the_other_language_is_not_carded() {
    // `한계` is what `Challenges` asks, `주요 목적` what `Goal` asks: the comparison table
    // after the bullets asks them again in Korean. Its other rows stay.
    let d = doc("## **MLOps Level 0: Manual Process – Key Points**

### 1. **Goal**

- Deploy a trained model by hand as a prediction service.

### 3. **Challenges**

- Models degrade in real-world environments due to:
    - Changing data distributions
- Lack of adaptation and maintenance → model failures in production.

## **MLOps Level 0 vs Level 1 비교표**

| 구분 | **Level 0: Manual Process** | **Level 1: ML Pipeline Automation** |
| --- | --- | --- |
| **주요 목적** | 학습된 모델 수동 배포 | 새 데이터에 따른 자동 재학습(CT) |
| **배포 단위** | 학습된 모델만 배포 (예측 서비스) | 전체 학습 파이프라인 배포, 주기적 실행 |
| **한계** | 일반화 성능 저하, 운영 환경 적응 어려움 | 많은 파이프라인·새 구현 빈번 시 CI/CD 필요 |
");
    let fronts: Vec<&str> = d.cards.iter().map(|c| c.front.as_str()).collect();
    assert_eq!(
        fronts,
        [
            "MLOps Level 0: Manual Process – Key Points › Goal",
            "MLOps Level 0: Manual Process – Key Points › Challenges",
            "Level 1 › 주요 목적",
            "MLOps Level 0 › 배포 단위",
            "Level 1 › 배포 단위",
            "Level 1 › 한계",
        ]
    );
    let reasons: Vec<&str> = d.skipped.iter().map(|s| s.reason.as_str()).collect();
    assert!(
        reasons.iter().any(|r| r
            .contains("(MLOps Level 0: Manual Process – Key Points › Challenges) in other words")),
        "{reasons:#?}"
    );
}

#[test]
fn a_pair_that_has_none_answers_each_of_its_parts() {
    // `CI/CD` → `없음` says there is no CI and no CD: the later table's `CI` → `X` and `CD` →
    // `X` ask it again. Where the pair says something (`일부 자동화`), its parts' own cells
    // say more, and stay. (Level 0 is not called `Manual` here: a manual process's `없음`
    // would be no card in the first place.)
    let d = doc("## MLOps 비교

| 구분 | **Level 0: Ad-hoc Process** | **Level 1: ML Pipeline Automation** |
| --- | --- | --- |
| **프로세스 방식** | 전 과정 수동 | 파이프라인 자동화 |
| **CI/CD** | 없음 | 일부 자동화 가능, CT 중심 |

| 구분 | **Level 0** – Ad-hoc Process | **Level 1** – ML Pipeline Automation |
| --- | --- | --- |
| **배포 단위** | 모델 아티팩트 | 전체 학습 파이프라인 |
| **CI (지속적 통합)** | X | 거의 없음 |
| **CD (지속적 배포)** | X | 모델 배포 자동화만 |
");
    let fronts: Vec<&str> = d.cards.iter().map(|c| c.front.as_str()).collect();
    assert_eq!(
        fronts,
        [
            "Level 0 › 프로세스 방식",
            "Level 1 › 프로세스 방식",
            "Level 0 › CI/CD",
            "Level 1 › CI/CD",
            "Level 0 › 배포 단위",
            "Level 1 › 배포 단위",
            "Level 1 › CI (지속적 통합)",
            "Level 1 › CD (지속적 배포)",
        ]
    );
}

#[test]
fn a_table_cell_that_contradicts_a_bullet_is_not_carded() {
    let d = doc("## **1. LSTM (Long Short-Term Memory)**

- **게이트 수**: 3개 (입력, 망각, 출력 게이트)

## **2. GRU (Gated Recurrent Unit)**

- **게이트 수**: 2개

### 다른 RNN 계열과 비교

| 모델 | 게이트 수 |
| --- | --- |
| **LSTM** | 2개 |
| **GRU** | 2개 |
");
    let gates: Vec<(usize, &str)> = d
        .cards
        .iter()
        .filter(|c| c.key.contains("게이트 수"))
        .map(|c| (c.line, c.back.as_str()))
        .collect();
    // The bullet the cell contradicts waits too: either may be the slip.
    assert_eq!(gates, [(11, "2개")]);
    let reason = |line: usize| {
        d.skipped
            .iter()
            .find(|s| s.line == line)
            .map(|s| s.reason.as_str())
            .unwrap_or_else(|| panic!("nothing skipped on line {line}"))
    };
    // The LSTM cell, then the LSTM bullet.
    assert!(
        reason(17).starts_with("says 2개 where the card on line 7"),
        "{}",
        reason(17)
    );
    assert!(
        reason(7).contains("where a table cell says 2개") && reason(7).contains("settle it"),
        "{}",
        reason(7)
    );
}

#[test]
fn bold_after_a_left_out_citation_still_renders() {
    let d = doc(
        "## 0. GPT\n\n- **목표**: [출처 **요약(A)**의](https://x.org/?utm_source=chatgpt.com) 뒤 **값(V)**으로 표현\n",
    );
    assert_eq!(d.cards[0].back, "뒤 <b>값(V)</b>으로 표현");
}

#[test]
fn a_bold_question_is_a_label_and_its_answer_a_part_of_its_own() {
    // `**왜 필요?**` has no colon after it: the question is its label, what follows the
    // answer. With the schedule under its own label, two of the three bullets define a
    // part, so each is a card rather than one answer of three facts.
    let d = doc("## **4. Learning Rate Schedule**

### 1. Warmup

- 학습 초반 일정 step 동안 학습률을 0 근처에서 목표 값까지 **선형으로 증가**
- **왜 필요?** 초반에는 Adam의 2차 모멘트 추정이 부정확 → 큰 학습률이면 업데이트가 튀어 발산
- **Transformer 원 논문 스케줄** (warmup_steps = 4000):
    
    ```
    lrate = d_model^(-0.5) * min(step^(-0.5), step * warmup_steps^(-1.5))
    ```
    
    - warmup 이후에는 $1/\\sqrt{step}$에 비례해 감소
");
    let cards = cards(&d);
    assert_eq!(
        cards[..2],
        [
            // A question is no name to list beside a fact: its answer is its own card. Nor is
            // the one name left (the schedule's): a name alone is no set of parts to recall.
            "basic | 역량평가 정리::문제 9 | Learning Rate Schedule › Warmup => <ul><li>학습 초반 일정 step 동안 학습률을 0 근처에서 목표 값까지 <b>선형으로 증가</b></li></ul>",
            "basic | 역량평가 정리::문제 9 | Learning Rate Schedule › Warmup › 왜 필요? => 초반에는 Adam의 2차 모멘트 추정이 부정확 → 큰 학습률이면 업데이트가 튀어 발산",
        ]
    );
    assert!(
        cards[2].starts_with("basic | 역량평가 정리::문제 9 | Learning Rate Schedule › Warmup › Transformer 원 논문 스케줄 (warmup_steps = 4000) => <pre><code>lrate"),
        "{cards:#?}"
    );
    assert_eq!(cards.len(), 3);
}

#[test]
fn a_last_bullet_ending_on_a_colon_takes_the_formula_and_list_after_it() {
    // Notion sets the formula and its symbols out of the list; the bullet introducing them
    // (`**업데이트 규칙** (…):`) answers with them, rather than the facet lumping the meaning
    // of Q, the goal, the rule and five symbols into one answer.
    let d = doc("## **1. Q-learning**

## 2. 핵심 아이디어

- **Q(s, a)**: 상태 sss에서 행동 aaa를 했을 때 얻는 **누적 보상 기대값**
- **목표**: Q값을 점점 더 정확하게 추정해, 매 상황에서 Q값이 가장 큰 행동 선택
- **업데이트 규칙** (벨만 방정식 기반):

$$
Q(s,a) \\leftarrow Q(s,a) + \\alpha \\big[ r + \\gamma \\max_{a'} Q(s',a') - Q(s,a) \\big]
$$

- $\\alpha$: 학습률
- $r$: 현재 행동으로 받은 보상
- $\\gamma$: 미래 보상 할인율
- $s'$: 다음 상태
- $a'$: 다음 상태에서 가능한 행동들
");
    let cards = cards(&d);
    assert_eq!(
        cards,
        [
            "basic | 역량평가 정리::문제 9 | Q-learning › 핵심 아이디어 › Q(s, a) => 상태 \\(s\\)에서 행동 \\(a\\)를 했을 때 얻는 <b>누적 보상 기대값</b>",
            "basic | 역량평가 정리::문제 9 | Q-learning › 핵심 아이디어 › 목표 => Q값을 점점 더 정확하게 추정해, 매 상황에서 Q값이 가장 큰 행동 선택",
            "basic | 역량평가 정리::문제 9 | Q-learning › 핵심 아이디어 › 업데이트 규칙 (벨만 방정식 기반) => <p>\\[Q(s,a) \\leftarrow Q(s,a) + \\alpha \\big[ r + \\gamma \\max_{a'} Q(s',a') - Q(s,a) \\big]\\]</p><ul><li>\\(\\alpha\\): 학습률</li><li>\\(r\\): 현재 행동으로 받은 보상</li><li>\\(\\gamma\\): 미래 보상 할인율</li><li>\\(s'\\): 다음 상태</li><li>\\(a'\\): 다음 상태에서 가능한 행동들</li></ul>",
        ]
    );
}

#[test]
fn a_part_named_like_a_facet_is_no_dangling_label_beside_facts() {
    // `수식` after two bullets of fact: its formula is a card of its own, and in the facet's
    // answer the bare word would only dangle. The facts stay the facet's answer.
    let d = doc("## **LoRA (Low-Rank Adaptation)**

### 2. 동작 원리

- Transformer의 **Attention 가중치 행렬 W**를 직접 업데이트하지 않음
- 대신 **W + ΔW** 형태로 쓰되,
    - ΔW = **B × A**
    - A, B는 rank가 낮은(작은 차원의) 학습 가능 행렬
- 수식:
    
    ```
    y = Wx
    y' = (W + BA)x
    ```
    
    - W: 원래 모델의 고정된 가중치
    - B, A: 학습되는 작은 행렬 (rank r, r << dimension)
");
    let facet = card_with_front(&d, "LoRA › 동작 원리");
    assert!(
        facet.back.contains("직접 업데이트하지 않음"),
        "{}",
        facet.back
    );
    assert!(!facet.back.contains("<li>수식</li>"), "{}", facet.back);
    let formula = card_with_front(&d, "LoRA › 동작 원리 › 수식");
    assert!(
        formula.back.starts_with("<pre><code>y = Wx"),
        "{}",
        formula.back
    );
}

#[test]
fn a_list_of_parts_one_named_stages_is_no_set_to_recall() {
    // `Full Automation`, `Stages`, `Validation`, `Deployment Strategy`: names of what each
    // part tells, like `장점` or `과정`; every part is a card, and a card of the four names
    // teaches nothing.
    let d = doc("## **MLOps Level 2 – CI/CD Pipeline Automation**

### **Key Characteristics**

- **Full Automation:** Combines Level 1’s automated ML pipeline (CT) with CI/CD for code and pipeline updates.
- **Stages:**
    1. **Development & Experimentation** – Try new algorithms, architectures, features; push source code to repository.
    2. **Pipeline CI** – Build, unit/integration test pipeline components (packages, containers, executables).
    3. **Pipeline CD** – Deploy new pipeline implementation to target environment.
- **Validation:** Data, model performance, API compatibility, and serving performance are automatically tested before deployment.
- **Deployment Strategy:** Gradual rollout (dev → pre-prod → prod) with automated and semi-automated steps.
");
    let fronts: Vec<&str> = d.cards.iter().map(|c| c.front.as_str()).collect();
    assert!(
        !fronts.contains(&"MLOps Level 2 – CI/CD Pipeline Automation › Key Characteristics"),
        "{fronts:#?}"
    );
    assert!(
        fronts.contains(
            &"MLOps Level 2 – CI/CD Pipeline Automation › Key Characteristics › Validation"
        ),
        "{fronts:#?}"
    );
}

#[test]
fn the_parts_a_components_facet_names_are_its_list_card() {
    // `Memory` could name an aspect (a model's memory use), and a split facet whose parts
    // are named like aspects gets no list card of its own. Under `구성 요소` the heads are
    // the parts: "LLM 에이전트 › 구성 요소" asks for them.
    let d = doc("## **1. LLM 에이전트 (Agent)**

### 구성 요소

1. **Planning**
    - 큰 목표를 하위 목표로 분해 (task decomposition)
    - **Reflection**: 실패한 시도를 되돌아보고 수정
2. **Memory**
    - **단기 기억**: 현재 context window 안의 대화·관찰 기록
    - **장기 기억**: 외부 vector DB에 저장하고 필요할 때 검색
3. **Tool Use**: 검색, 코드 실행, 사내 API 등 → function calling으로 호출
");
    assert_eq!(
        card_with_front(&d, "LLM 에이전트 › 구성 요소").back,
        "<ol><li>Planning</li><li>Memory</li><li>Tool Use</li></ol>"
    );
}

#[test]
fn a_part_the_sections_title_names_is_not_listed_as_one_of_its_parts() {
    // `### 1. LSTM (…) / DeepAR`, split at its nested lists: `**DeepAR**` is a subject the
    // title names, with its own card, and `**예측 방식**` then the one name left among the
    // section's facts. Listed bare after the lookback bullet, both read as empty headings.
    let d = doc(r"## **4. 딥러닝 기반 예측 모델**

### 1. LSTM (Long Short-Term Memory) / DeepAR

- 입력 window(lookback) $L$개를 받아 다음 $H$개(horizon) 예측
- **예측 방식**
    1. **Recursive (autoregressive)**: 1-step 예측값을 다시 입력에 넣어 반복 → 오차 누적
    2. **Direct (multi-output)**: $H$개를 한 번에 출력 → 오차 누적 없음, 대신 horizon 간 관계 약함
    3. **Seq2seq**: Encoder가 과거를 요약, Decoder가 미래를 생성
- **DeepAR** (*Salinas et al., 2020, Amazon*)
    - 여러 시계열을 **하나의 RNN으로 학습** (global model)
    - 점 예측 대신 **분포 파라미터 출력** (Gaussian: $\mu, \sigma$) → 샘플링으로 quantile 계산
- **한계**: 순차 계산 → 병렬화 어려움, 긴 lookback에서 장기 의존성 학습 어려움
");
    let own = card_with_front(
        &d,
        "딥러닝 기반 예측 모델 › LSTM (Long Short-Term Memory) / DeepAR",
    );
    assert_eq!(
        own.back,
        "<ul><li>입력 window(lookback) \\(L\\)개를 받아 다음 \\(H\\)개(horizon) 예측</li></ul>"
    );
    for part in ["예측 방식", "DeepAR"] {
        let front =
            format!("딥러닝 기반 예측 모델 › LSTM (Long Short-Term Memory) / DeepAR › {part}");
        assert!(
            d.cards.iter().any(|c| c.front == front),
            "{part}: {:#?}",
            cards(&d)
        );
    }
}

#[test]
fn a_number_in_an_aside_is_no_key_term() {
    // `(층당 conv 1개 기준)` says what the formula assumes: hiding its `1개` asked a trivial
    // qualifier with the formula, the fact, shown. The line is asked by its name.
    let d = doc(r"## **2. TCN (Temporal Convolutional Network)**

- **장점**: 병렬 연산 가능
- Receptive field (층당 conv 1개 기준): $RF = 1 + (k-1)(2^{L} - 1)$, $k$: kernel size, $L$: 층 수
");
    let clozes = cloze_fronts(&d);
    assert!(
        clozes.iter().all(|f| !f.contains("{{c1::1개}}")),
        "{clozes:#?}"
    );
    assert!(
        clozes
            .iter()
            .any(|f| f.starts_with("{{c1::Receptive field (층당 conv 1개 기준)}}")),
        "{clozes:#?}"
    );
}

#[test]
fn only_the_aside_after_a_hidden_part_goes_to_the_back() {
    // `후속: **HuBERT** (…), **WavLM**, **XLS-R**`: the aside explains HuBERT and goes to the
    // back; the names after it are the line's own cue and stay on the front (all of it went,
    // leaving `후속: ___`). A notation going on after the aside stays with it.
    let d = doc(r"## **7. wav2vec 2.0**

- **정의**: raw waveform에서 self-supervised로 표현 학습
- 후속: **HuBERT** (k-means cluster ID를 target으로 masked prediction), **WavLM**, **XLS-R** (128개 언어)
");
    let card = d
        .cards
        .iter()
        .find(|c| c.kind == CardKind::Cloze)
        .expect("the successors' cloze");
    assert!(
        card.front.contains("WavLM") && !card.front.contains("k-means"),
        "{card:#?}"
    );
    assert!(card.back.starts_with("(k-means cluster ID"), "{card:#?}");
}
