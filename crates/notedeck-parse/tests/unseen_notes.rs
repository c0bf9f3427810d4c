//! Card rules found on a note in the user's style that the rules had not been tuned on
//! (NLP and optimisation: tokenizers, attention, optimisers, label smoothing, quantization).
//! Each case shows the cards as `kind | deck | front => back`, with the context they are
//! shown under where that is the point.

mod common;

use common::{anki_front, assert_skipped, cards, cloze_fronts, doc};
use notedeck_parse::CardKind;
use notedeck_parse::parse;

#[test]
fn a_problem_whose_line_names_its_subject_shows_its_cards_under_it() {
    // No topic heading: the problem's one line is the subject every bullet is about. A
    // front of a bare `효과` could not be answered.
    let d = parse(
        "# 자연어처리 정리

### 문제 13

Label Smoothing

- 정답 레이블을 one-hot 대신 **부드러운 분포**로 바꿈
- **효과**: 과신(overconfidence) 방지, calibration 개선
",
        "fallback",
    );
    assert_eq!(
        cards(&d),
        [
            "cloze | 자연어처리 정리::문제 13 | 정답 레이블을 one-hot 대신 <b>{{c1::부드러운 분포}}</b>로 바꿈 => ",
            "basic | 자연어처리 정리::문제 13 | Label Smoothing › 효과 => 과신(overconfidence) 방지, calibration 개선",
        ]
    );
    for card in &d.cards {
        assert_eq!(card.context_path(), ["문제 13", "Label Smoothing"]);
        // The heading path, and so the id, is the problem's as before.
        assert_eq!(&*card.path, ["문제 13"]);
    }
}

#[test]
fn a_problem_line_that_asks_a_question_is_no_subject_to_show() {
    let d = doc("자연어처리 모델 관련 설명으로 옳은 것 고르기

- **효과**: 과신 방지
");
    assert_eq!(
        cards(&d),
        ["basic | 역량평가 정리::문제 9 | 효과 => 과신 방지"]
    );
}

#[test]
fn a_hidden_year_is_hidden_wherever_the_line_repeats_it() {
    // `(ICLR 2015)` left shown would give the hidden `2015` away.
    let d = doc("## **2. Bahdanau Attention**

- **Encoder**: 양방향(Bidirectional) RNN
- 2015년 번역에 처음 도입 (ICLR 2015)
");
    assert_eq!(
        cards(&d)[1],
        "cloze | 역량평가 정리::문제 9 | {{c1::2015}}년 번역에 처음 도입 (ICLR {{c1::2015}}) => "
    );
    // A number inside a longer one is another number: only the year is hidden.
    let d = doc("## **2. Bahdanau Attention**

- **Encoder**: 양방향(Bidirectional) RNN
- 2015년 제안, 인용 20150회
");
    assert_eq!(
        cards(&d)[1],
        "cloze | 역량평가 정리::문제 9 | {{c1::2015}}년 제안, 인용 20150회 => "
    );
}

#[test]
fn a_statement_over_its_example_is_no_label() {
    // A name of a few words over a nested list is a label (`Surrogate 모델`); a sentence
    // over its example is not: "WordPiece › <the fact>" → "<an example>" asks nothing.
    let d = doc("## **2. WordPiece**

- 단어 중간에 이어지는 조각은 `##` 접두어 사용
    - embeddings → em, ##bed, ##ding, ##s
- Surrogate 모델
    - 목적 함수를 근사하는 값싼 모델
");
    let fronts: Vec<&str> = d.cards.iter().map(|c| c.front.as_str()).collect();
    assert_eq!(
        fronts,
        ["WordPiece › 핵심 내용", "WordPiece › Surrogate 모델"]
    );
    assert!(d.cards[0].back.contains("<code>##</code> 접두어 사용"));
}

#[test]
fn parts_one_of_which_is_named_like_a_facet_are_no_set_of_names_to_recall() {
    let d = doc("## **Model Quantization – Key Points**

### 1. **Basics**

1. **What it is**
    - Represent weights (and activations) with fewer bits, e.g. FP32 → INT8.
2. **Affine mapping**
    - $q = \\text{round}(x / s) + z$, dequantized as $x \\approx s \\cdot (q - z)$
3. **Symmetric mapping**
    - $z = 0$, $s = \\max|x| / 127$ → common for weights.
");
    let fronts: Vec<&str> = d.cards.iter().map(|c| c.front.as_str()).collect();
    // No "Basics → What it is; Affine mapping; Symmetric mapping" card: each part asks its own.
    assert_eq!(
        fronts,
        [
            "Model Quantization – Key Points › Basics › What it is",
            "Model Quantization – Key Points › Basics › Affine mapping",
            "Model Quantization – Key Points › Basics › Symmetric mapping",
        ]
    );
}

#[test]
fn a_tip_after_a_topics_last_facet_is_shown_under_the_topic() {
    let d = doc("## **Model Quantization – Key Points**

### 2. **PTQ (Post-Training Quantization)**

- Quantize an already-trained model **without retraining**.

### 3. **QAT (Quantization-Aware Training)**

- Insert **fake quantization** ops during training.

**Exam tip:**

PTQ = *학습 후*, QAT = *학습 중*
");
    let tip = d.cards.last().expect("the tip's card");
    assert_eq!(
        tip.context_path(),
        ["문제 9", "Model Quantization – Key Points"]
    );
    // Its id still comes from where it sits.
    assert_eq!(tip.path.last().map(String::as_str), Some("QAT"));
}

#[test]
fn a_statement_hides_neither_the_headings_own_names_nor_a_part_of_a_formula() {
    // `PPL` is the heading's own name (`Perplexity (PPL)`), and it stands inside the formula:
    // nothing is hidden. The statement asks for its formula instead.
    let d = doc("## **3. Perplexity (PPL)**

- 언어 모델이 테스트 문장을 얼마나 잘 예측하는지: $PPL = \\exp(H)$
- **좋은 방향**: 낮을수록 좋음
");
    assert!(
        d.cards.iter().all(|c| c.cloze.is_empty()),
        "{:?}",
        cards(&d)
    );
    assert_eq!(
        (d.cards[0].front.as_str(), d.cards[0].back.as_str()),
        (
            "Perplexity › 언어 모델이 테스트 문장을 얼마나 잘 예측하는지",
            "\\(PPL = \\exp(H)\\)"
        )
    );
}

#[test]
fn a_bold_key_term_with_a_formula_is_hidden_whole() {
    // The bold part is the fact; its formula is rendered as MathJax, and hidden with it.
    let d = doc("## 0. GNN (Graph Neural Network) 기본

- **Message passing**: 각 노드가 이웃 노드의 표현을 모아 자기 표현을 갱신
- $k$개 층을 쌓으면 **$k$-hop 이웃**까지의 정보가 반영
");
    let clozes: Vec<String> = d
        .cards
        .iter()
        .filter(|c| !c.cloze.is_empty())
        .map(anki_front)
        .collect();
    assert_eq!(
        clozes,
        ["\\(k\\)개 층을 쌓으면 <b>{{c1::\\(k\\)-hop 이웃}}</b>까지의 정보가 반영"]
    );
}

#[test]
fn bullets_after_a_facets_numbered_parts_are_the_topics_again() {
    let d = doc("## **2. Word2Vec**

- 얕은 신경망으로 단어 벡터 학습

### 3. 학습 효율화 기법

1. **Negative Sampling**
    - 전체 vocab softmax 대신 **이진 분류**로 바꿈

- 벡터 연산으로 의미 관계 표현 가능
- **한계**: 단어마다 벡터가 **하나** (static embedding)
");
    let fronts: Vec<&str> = d.cards.iter().map(|c| c.front.as_str()).collect();
    assert_eq!(
        fronts,
        // The opening bullet says what Word2Vec is: its definition.
        [
            "Word2Vec › 정의",
            "Word2Vec › 학습 효율화 기법",
            "Word2Vec › 핵심 내용",
            "Word2Vec › 한계",
        ]
    );
    // The facet's card is its numbered parts only; the loose bullet after them is the topic's
    // own 핵심 내용, not a second card with the facet's front.
    assert!(!d.cards[1].back.contains("한계"), "{}", d.cards[1].back);
    assert_eq!(d.cards[0].back, "얕은 신경망으로 단어 벡터 학습");
    assert_eq!(
        d.cards[2].back,
        "<ul><li>벡터 연산으로 의미 관계 표현 가능</li></ul>"
    );
}

#[test]
fn essay_parts_keep_their_math_and_a_single_numbered_part_is_carded() {
    let d = parse(
        "# 자연어처리 정리

### 문항 15

# 1. 지식 증류(Knowledge Distillation): 큰 모델의 지식을 작은 모델로 옮기다

지식 증류는 큰 모델(Teacher)의 지식을 작은 모델(Student)에게 전달하는 모델 압축 기법입니다. 2015년 Hinton 등이 제안했으며, Student는 Teacher가 출력한 확률 분포 전체를 따라 하도록 학습합니다.

# 2. 지식 증류의 작동 원리

# 1) Soft Target과 Temperature

logit을 온도 T로 나눈 뒤 softmax를 적용합니다: $p_i = \\frac{\\exp(z_i / T)}{\\sum_j \\exp(z_j / T)}$. 추론 때는 T = 1로 되돌립니다.

# 2) 손실 함수

Student의 손실은 hard loss와 soft loss의 가중합입니다.

```
L = α · CE + (1 − α) · T² · KL
```

# 3. NLP에서의 활용

# 1) DistilBERT

BERT-base(12층)를 6층으로 줄인 모델로, 파라미터는 40% 적고 추론은 60% 빠릅니다. Teacher의 층을 하나 건너 하나씩 가져와 Student를 초기화합니다.

📌 **암기 포인트**

> KD = \"Teacher의 soft target + T² 보정 KL loss\"
",
        "fallback",
    );
    let find = |front: &str| {
        d.cards
            .iter()
            .find(|c| c.front == front)
            .unwrap_or_else(|| panic!("no card {front}: {:#?}", cards(&d)))
    };
    // A part beside a part with a formula block is still an essay part, and its formula
    // stays math.
    assert_eq!(
        find("지식 증류의 작동 원리 › Soft Target과 Temperature").back,
        "<p>logit을 온도 T로 나눈 뒤 softmax를 적용합니다: \\(p_i = \\frac{\\exp(z_i / T)}{\\sum_j \\exp(z_j / T)}\\). 추론 때는 T = 1로 되돌립니다.</p>"
    );
    // The one part of `3. NLP에서의 활용`, with the closing tip after it.
    assert!(
        find("NLP에서의 활용 › DistilBERT")
            .back
            .contains("40% 적고")
    );
    // No list of one name, nor an outline of two aspects.
    assert!(d.cards.iter().all(|c| c.front != "NLP에서의 활용"));
    assert!(d.cards.iter().all(|c| c.front != "지식 증류의 작동 원리"));
}

#[test]
fn a_table_asks_by_the_short_name_of_a_term_it_defines() {
    // `Post-Training` on every front would give `학습이 끝난 후` away; the definition card
    // asks the expansion.
    let d = doc("## **Model Quantization**

| 구분 | PTQ (Post-Training Quantization) | QAT (Quantization-Aware Training) |
| --- | --- | --- |
| **시점** | 학습이 끝난 후 | 학습 중 |
");
    assert_eq!(
        cards(&d),
        [
            "definition | 역량평가 정리::문제 9 | PTQ => Post-Training Quantization",
            "definition | 역량평가 정리::문제 9 | QAT => Quantization-Aware Training",
            "table | 역량평가 정리::문제 9 | PTQ › 시점 => 학습이 끝난 후",
            "table | 역량평가 정리::문제 9 | QAT › 시점 => 학습 중",
        ]
    );
    // The question, and so the id, is the cell's as written.
    assert_eq!(d.cards[2].key, "시점 › PTQ (Post-Training Quantization)");
}

#[test]
fn a_table_column_named_by_a_topics_first_word_is_that_topic() {
    // `Bahdanau` is `Bahdanau Attention`: the table compares the two topics (shown under the
    // problem, with the heading naming them), and its `Encoder` cell asks the topic's own
    // `Encoder` bullet again.
    let d = doc("## **2. Bahdanau Attention**

- **Encoder**: 양방향 RNN

## **3. Luong Attention**

- **Score 계산**: 디코더의 현재 시점 hidden state 사용

### Bahdanau vs Luong 비교

| 구분 | Bahdanau | Luong |
| --- | --- | --- |
| **Encoder** | 양방향 RNN | 단방향 stacked LSTM |
");
    let tables: Vec<_> = d
        .cards
        .iter()
        .filter(|c| c.kind == notedeck_parse::CardKind::Table)
        .collect();
    assert_eq!(tables.len(), 1, "{:#?}", cards(&d));
    assert_eq!(tables[0].front, "Luong › Encoder");
    assert_eq!(
        tables[0].context_path(),
        ["문제 9", "Bahdanau vs Luong 비교"]
    );
    // A word of four letters or fewer names no title by itself (`CNN` is in many).
    let d = doc("## **2. RNN 기반 모델**

- **구조**: 순환 연결

## **3. CNN 기반 모델**

- **구조**: 합성곱

| 구분 | RNN | CNN |
| --- | --- | --- |
| **구조** | 순환 | 합성곱 |
");
    assert_eq!(
        d.cards
            .iter()
            .filter(|c| c.kind == notedeck_parse::CardKind::Table)
            .count(),
        2
    );
}

#[test]
fn a_statement_listing_names_hides_the_list() {
    let d = doc("## **2. WordPiece**

- **BPE와의 차이**: 병합 기준이 likelihood 증가량
- BERT, DistilBERT, ELECTRA에서 사용하는 토크나이저
");
    assert_eq!(
        cards(&d)[1],
        "cloze | 역량평가 정리::문제 9 | {{c1::BERT, DistilBERT, ELECTRA}}에서 사용하는 토크나이저 => "
    );
}

#[test]
fn a_table_asks_by_the_bold_name_of_a_subject_with_a_subtitle() {
    // `Manual Process` on the front would give `수동 스크립트 실행` away.
    let d = doc("## **MLOps 비교**

| 구분 | **Level 0** – Manual Process | **Level 1** – ML Pipeline Automation |
| --- | --- | --- |
| **자동화 범위** | 수동 스크립트 실행 | 데이터 처리·모델 학습·검증 자동화 |
");
    assert_eq!(
        cards(&d),
        [
            "table | 역량평가 정리::문제 9 | Level 0 › 자동화 범위 => 수동 스크립트 실행",
            "table | 역량평가 정리::문제 9 | Level 1 › 자동화 범위 => 데이터 처리·모델 학습·검증 자동화",
        ]
    );
    // The question, and so the id, is the cell's as written.
    assert_eq!(d.cards[0].key, "자동화 범위 › Level 0 – Manual Process");
    // All of it bold, the name before its colon.
    let d = doc("## **MLOps 비교**

| 구분 | **Level 0: Manual Process** | **Level 1: ML Pipeline Automation** |
| --- | --- | --- |
| **프로세스 방식** | 전 과정 수동 | 파이프라인 자동화(Orchestration) |
");
    assert_eq!(d.cards[1].front, "Level 1 › 프로세스 방식");
}

#[test]
fn a_table_subject_cut_short_is_asked_by_its_topic_s_fuller_name() {
    // Reviewed away from its heading, `Level 0 › 자동화 범위` does not say what is levelled:
    // the column names the topic `MLOps Level 0: …`, and the card asks by that topic's name
    // (its subtitle left out, as from the subject). A subject naming no topic stays as written.
    let d = doc("## 문항 24

### MLOps Level 0: Manual Process – Key Points

- **Characteristics**: 수동 배포

### MLOps Level 1: ML Pipeline Automation – Key Points

- **Goal**: 지속적 학습

### 비교

| 구분 | **Level 0** – Manual Process | **Level 1** – ML Pipeline Automation | **Level 9** – Nothing Here |
| --- | --- | --- | --- |
| **자동화 범위** | 수동 스크립트 실행 | 데이터 처리·모델 학습·검증 자동화 | 전부 |
");
    let fronts: Vec<&str> = d
        .cards
        .iter()
        .filter(|c| c.kind == CardKind::Table)
        .map(|c| c.front.as_str())
        .collect();
    assert_eq!(
        fronts,
        [
            "MLOps Level 0 › 자동화 범위",
            "MLOps Level 1 › 자동화 범위",
            "Level 9 › 자동화 범위",
        ]
    );
    // The question, and so the id, is still the cell's as written.
    assert_eq!(
        d.cards
            .iter()
            .find(|c| c.kind == CardKind::Table)
            .map(|c| c.key.as_str()),
        Some("자동화 범위 › Level 0 – Manual Process")
    );
}

#[test]
fn a_hidden_term_is_hidden_with_its_expansion() {
    // Left shown, `(Jensen-Shannon divergence)` gives `JS divergence` away; a bold term
    // with its expansion is asked by its name and hidden whole.
    let d = doc("## **2. GAN**

- **구조**: Generator와 Discriminator
- D가 최적일 때 G의 목표 = **JS divergence (Jensen-Shannon divergence)** 최소화
- 두 표본의 **ECDF (Empirical Cumulative Distribution Function)** 사이 최대 거리
");
    let c = cards(&d);
    assert_eq!(
        c[1],
        "cloze | 역량평가 정리::문제 9 | D가 최적일 때 G의 목표 = <b>{{c1::JS divergence (Jensen-Shannon divergence)}}</b> 최소화 => "
    );
    assert_eq!(
        c[2],
        "cloze | 역량평가 정리::문제 9 | 두 표본의 <b>{{c1::ECDF (Empirical Cumulative Distribution Function)}}</b> 사이 최대 거리 => "
    );
}

#[test]
fn a_diagram_goes_with_the_structure_card_never_with_a_statements_cloze() {
    let d = doc("## **1. GAN (Generative Adversarial Network)**

- **구조**: Generator와 Discriminator
- **Mode collapse**: G가 일부 모드만 생성
- 2014년 Goodfellow 등이 제안

![image.png](gan.png)
");
    let with_image: Vec<&str> = d
        .cards
        .iter()
        .filter(|c| !c.images.is_empty())
        .map(|c| c.front.as_str())
        .collect();
    assert_eq!(with_image, ["GAN › 구조"], "{:#?}", cards(&d));
}

#[test]
fn a_header_naming_the_problems_topics_is_the_tables_subjects() {
    // Both the header and the first column look like names; the header names the topics
    // (each with a section the table sums up, so a row is asked across them).
    let d = doc(
        "## **1. SimCLR (Simple Framework for Contrastive Learning)**

- **특징**: 큰 batch

## **2. BYOL (Bootstrap Your Own Latent)**

- **특징**: online과 target 두 네트워크

| 항목 | SimCLR | BYOL |
| --- | --- | --- |
| **negative 샘플** | 같은 batch의 다른 이미지 | 쓰지 않음 |
| **predictor** | projector만 둠 | MLP 하나 더 둠 |
",
    );
    let tables: Vec<String> = d
        .cards
        .iter()
        .filter(|c| c.kind == notedeck_parse::CardKind::Table)
        .map(|c| format!("[{}] {}", c.context_path().join(" › "), c.front))
        .collect();
    assert_eq!(
        tables,
        [
            "[문제 9] SimCLR / BYOL › negative 샘플",
            "[문제 9] SimCLR / BYOL › predictor",
        ]
    );
}

#[test]
fn an_overview_topic_is_named_by_its_problems_subject() {
    let d = parse(
        "# 정리

### 문항 18

자기지도학습(Self-Supervised Learning) 방법 비교

## 0. 개요

- 레이블 없이 데이터 자체에서 학습 신호를 만들어 표현을 학습
- **Contrastive learning**: positive pair는 가깝게, negative는 멀게
",
        "fallback",
    );
    let fronts: Vec<&str> = d.cards.iter().map(|c| c.front.as_str()).collect();
    assert_eq!(
        fronts,
        [
            // The opening bullet says what it is: its definition.
            "자기지도학습(Self-Supervised Learning) 방법 비교 › 정의",
            "자기지도학습(Self-Supervised Learning) 방법 비교 › Contrastive learning",
        ]
    );
    // The heading path, and so the ids, stay the topic's.
    assert_eq!(&*d.cards[0].path, ["문항 18", "개요"]);
}

#[test]
fn a_cell_answering_with_its_own_question_is_no_card() {
    let d = doc("## **Grad-CAM vs Score-CAM**

| 항목 | Grad-CAM | Score-CAM |
| --- | --- | --- |
| **Gradient 필요** | ✔ 필요 | ✘ 불필요 |
");
    assert_eq!(
        cards(&d),
        ["table | 역량평가 정리::문제 9 | Score-CAM › Gradient 필요 => ✘ 불필요"]
    );
}

#[test]
fn an_aside_between_a_label_and_its_colon_stays_with_the_label() {
    let d = doc("## **2. GAN**

- **구조**: Generator와 Discriminator
- **목적 함수** (minimax 게임):
    - $\\min_G \\max_D V(D, G)$
");
    assert_eq!(
        cards(&d)[1],
        "basic | 역량평가 정리::문제 9 | GAN › 목적 함수 (minimax 게임) => <ul><li>\\(\\min_G \\max_D V(D, G)\\)</li></ul>"
    );
}

#[test]
fn a_labels_aside_keeps_its_math() {
    // `**과소 예측** ($y > \hat{q}$):` showed as `과소 예측 (y > \hat{q})`, TeX as text.
    let d = doc("## **9. 확률 예측**

- **과소 예측** ($y > \\hat{q}$): 오차 × $\\tau$
");
    assert_eq!(
        cards(&d)[0],
        "basic | 역량평가 정리::문제 9 | 확률 예측 › 과소 예측 (\\(y &gt; \\hat{q}\\)) => 오차 × \\(\\tau\\)"
    );
}

#[test]
fn an_essay_parts_first_sentence_keeps_its_math() {
    let d = parse(
        "# 정리

### 문항 8

# 2. Normalizing Flow의 작동 원리

# 1) 변수 변환 공식

변환 $f$가 역변환 가능하면 데이터의 확률을 정확히 계산할 수 있습니다. 이때 밀도는 야코비안 행렬식만큼 늘거나 줄어듭니다. 그래서 행렬식을 쉽게 구하는 구조가 필요합니다. 이 공식이 Flow 학습의 출발점입니다.

# 2) 야코비안 계산을 쉽게 만드는 구조

일반적인 $D \\times D$ 행렬의 행렬식은 $O(D^3)$ 비용이 들어 고차원 이미지에는 쓸 수 없습니다. 그래서 삼각 행렬이 되도록 변환을 설계합니다. 대각 원소의 곱만 구하면 됩니다. 이것이 coupling layer의 핵심입니다.
",
        "fallback",
    );
    let part = d
        .cards
        .iter()
        .find(|c| c.front.ends_with("야코비안 계산을 쉽게 만드는 구조"))
        .unwrap_or_else(|| panic!("{:#?}", cards(&d)));
    assert_eq!(
        part.back,
        "<p>일반적인 \\(D \\times D\\) 행렬의 행렬식은 \\(O(D^3)\\) 비용이 들어 고차원 이미지에는 쓸 수 없습니다.</p>"
    );
}

#[test]
fn a_tip_repeating_a_comparison_tables_cell_about_its_topic_gives_no_card() {
    // The table is shown under the problem, but its `WordPiece` column is WordPiece's.
    let d = doc("## **1. BPE**

- **원래 용도**: 데이터 압축 알고리즘

## **2. WordPiece**

- **추론 시**: 가장 긴 서브워드를 greedy하게 선택

| 항목 | BPE | WordPiece |
| --- | --- | --- |
| **병합/선택 기준** | 쌍의 빈도 | likelihood 증가량 |

📌 **암기 팁**

- WordPiece = **likelihood** 기준
");
    assert!(
        d.cards
            .iter()
            .all(|c| c.kind != notedeck_parse::CardKind::Cloze),
        "{:#?}",
        cards(&d)
    );
    assert_skipped(&d, |reason| {
        reason.starts_with("tip that only repeats the card")
    });
}

#[test]
fn a_pasted_formula_whose_subscripts_markdown_read_as_emphasis_is_whole_again() {
    // Notion pasted the rendered formula and its TeX; Markdown paired `]_t = … E[g^2]_{` as
    // emphasis. The card shows the formula, not `<em>t = \rho E[g^2]</em>`.
    let d = doc("## **2. RMSProp**

- **해결**: gradient 제곱의 **지수이동평균(EMA)** 사용
- 수식:
    
    E[g2]t=ρE[g2]t−1+(1−ρ)gt2E[g^2]_t = \\rho E[g^2]_{t-1} + (1-\\rho) g_t^2
    
- 효과는 _작은_ 학습률에서 두드러짐
");
    let backs: Vec<&str> = d.cards.iter().map(|c| c.back.as_str()).collect();
    let formula = d
        .cards
        .iter()
        .find(|c| c.front == "RMSProp › 수식")
        .map(|c| c.back.as_str())
        .expect("a card asks for the formula");
    assert!(
        formula.contains("\\[E[g^2]_t = \\rho E[g^2]_{t-1} + (1-\\rho) g_t^2\\]")
            && !formula.contains("<em>"),
        "{formula}"
    );
    // Emphasis around words is still emphasis.
    assert!(
        backs.iter().any(|b| b.contains("<em>작은</em>")),
        "{backs:?}"
    );
}

#[test]
fn a_line_that_only_cites_its_authors_is_no_card() {
    // `2017년 Kipf & Welling (ICLR)` says who published GCN and when: a cloze hid the year,
    // and only the context said what was published. A line that marks what it says besides
    // (a bold term) keeps a cloze of that.
    let d = doc("## **1. GCN**

- **핵심 아이디어**: 이웃 노드 특징의 정규화된 평균
- 2017년 Kipf & Welling (ICLR)

## **2. GraphSAGE**

- **핵심 아이디어**: 이웃을 샘플링해 집계
- 2017년 Hamilton 등 (NeurIPS)
- 2015년 Ronneberger 등이 **생물 의료 영상 분할**을 위해 제안
");
    let all = cards(&d);
    assert!(
        all.iter()
            .all(|c| !c.contains("Kipf") && !c.contains("Hamilton")),
        "{all:#?}"
    );
    assert!(
        all.iter().any(|c| c
            .contains("2015년 Ronneberger 등이 <b>{{c1::생물 의료 영상 분할}}</b>을 위해 제안")),
        "{all:#?}"
    );
    let cited = d
        .skipped
        .iter()
        .filter(|s| s.reason.starts_with("only cites"))
        .map(|s| s.line)
        .collect::<Vec<_>>();
    assert_eq!(cited, [8, 13], "{:#?}", d.skipped);
}

#[test]
fn labelled_facts_among_a_concepts_statements_are_cards_of_their_own() {
    // VAE's 개념: two statements of what VAE is, then `**한계**` and `**β-VAE**`, each a
    // fact of its own, and a citation. One card held all five; now the statements answer
    // 개념, the labelled facts are asked by their labels, and the citation is left out.
    let d = doc("## **2. VAE (Variational Autoencoder)**

### 1. 개념

- Encoder가 $z$ 하나가 아니라 **분포의 파라미터** $\\mu, \\sigma$를 출력
- prior $p(z) = \\mathcal{N}(0, I)$에 가깝도록 규제 → 잠재 공간이 연속적
- **한계**: 생성 샘플이 **흐릿함(blurry)** → 픽셀 단위 Gaussian likelihood(MSE)가 평균적인 출력을 유도
- **β-VAE**: KL 항에 $\\beta > 1$ 가중치 → **disentanglement** 강화
- 2013년 Kingma & Welling이 제안 (\"Auto-Encoding Variational Bayes\", ICLR 2014)
");
    let all = cards(&d);
    let concept = all
        .iter()
        .find(|c| c.contains("VAE › 개념 =>"))
        .expect("the concept's card");
    assert!(concept.contains("분포의 파라미터"), "{concept}");
    assert!(
        !concept.contains("흐릿함") && !concept.contains("disentanglement"),
        "{concept}"
    );
    assert!(
        all.iter().all(|c| !c.contains("Kingma")),
        "the citation is no part of any card: {all:#?}"
    );
    assert!(
        all.iter()
            .any(|c| c.contains("VAE › 개념 › 한계 => 생성 샘플이 <b>흐릿함(blurry)</b>")),
        "{all:#?}"
    );
    assert!(
        all.iter()
            .any(|c| c.contains("VAE › 개념 › β-VAE => KL 항에")),
        "{all:#?}"
    );
}

#[test]
fn a_part_whose_list_is_all_left_out_is_no_empty_card() {
    // The essay part's paragraph is prose (three sentences) and its one bullet only points to
    // another note: nothing is left to answer with. The table after it made the part a card
    // anyway, whose back was an empty list.
    let d = parse(
        "### 문항 14
# 4. 트레이드오프를 조절하는 방법

# 1) 정규화

L1, L2 정규화는 가중치 크기에 벌점을 주어 모델을 단순하게 만듭니다. 정규화 강도를 높이면 분산은 줄고 편향은 커집니다. 결정 트리의 max_depth를 제한하거나 SVM의 C를 줄이는 것도 같은 역할을 합니다.

# 2) 앙상블

배깅은 분산이 큰 모델 여러 개를 평균해서 분산을 줄입니다. 랜덤 포레스트가 가지치기하지 않은 깊은 트리를 그대로 쓰는 이유가 여기에 있습니다. 반대로 부스팅은 편향이 큰 약한 학습기를 순차적으로 더해 편향을 줄입니다.

# 3) 데이터 양 늘리기

학습 데이터가 많아지면 모델이 노이즈에 덜 휘둘리므로 분산이 줄어듭니다. 하지만 편향은 모델 구조에서 오는 것이므로 데이터를 늘려도 줄어들지 않습니다. 학습 곡선(learning curve)에서 학습 오차와 검증 오차가 모두 높은 값으로 수렴했다면 데이터를 더 모으기보다 모델 복잡도를 늘려야 합니다.

- 관련 노트: [[딥러닝 정리]]

| 구분 | 높은 편향 (High Bias) | 높은 분산 (High Variance) |
| --- | --- | --- |
| **상태** | 과소적합 | 과적합 |
",
        "fallback",
    );
    let empty: Vec<&notedeck_parse::Card> = d
        .cards
        .iter()
        .filter(|c| c.kind == CardKind::Basic && without_tags(&c.back).trim().is_empty())
        .collect();
    assert!(empty.is_empty(), "{empty:#?}");
    assert!(
        cards(&d)
            .iter()
            .any(|c| c.contains("높은 편향 › 상태 => 과소적합")),
        "{:#?}",
        cards(&d)
    );
}

/// `html`'s text: what Anki shows of it.
fn without_tags(html: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    text
}

#[test]
fn an_aside_in_parentheses_gives_no_key_term() {
    // The closing aside restates the sentence: `rate` of `(learning rate ↔ …)` was hidden,
    // with 학습률 on the front. What lowering it leads to is the fact. A piece of a
    // parenthesis inside the sentence (`gain` of `C4.5(정보 이득 비율, gain ratio)`) is no
    // name either, nor an expansion (`(Proximal Policy Optimization)`): the line marking
    // nothing is asked by the name before its colon.
    let d = doc("## **3. 그래디언트 부스팅**

- **핵심 아이디어**: 이전 모델의 잔차를 다음 트리가 순차적으로 학습
- 학습률을 낮추면 더 많은 트리가 필요하지만 일반화 성능은 보통 좋아짐 (learning rate ↔ n_estimators 트레이드오프)
- 대표 알고리즘: ID3(정보 이득), C4.5(정보 이득 비율, gain ratio), CART (Classification And Regression Tree, 지니 불순도·이진 분할)
- PPO (Proximal Policy Optimization)는 Actor-Critic 계열로, 정책 변화 폭을 clip해서 학습을 안정화
");
    assert_eq!(
        cloze_fronts(&d),
        [
            "학습률을 낮추면 {{c1::더 많은 트리가 필요하지만 일반화 성능은 보통 좋아짐}}",
            "PPO (Proximal Policy Optimization)는 {{c1::Actor-Critic}} 계열로, 정책 변화 폭을 \
             clip해서 학습을 안정화",
        ]
    );
    // The aside, which gave the `더 많은 트리` half away, is shown once the part is revealed.
    assert_eq!(
        d.cards[1].back,
        "(learning rate ↔ n_estimators 트레이드오프)"
    );
    let all = cards(&d);
    assert!(
        all.iter().any(|c| c.ends_with(
            "그래디언트 부스팅 › 대표 알고리즘 => ID3(정보 이득), C4.5(정보 이득 비율, gain \
             ratio), CART (Classification And Regression Tree, 지니 불순도·이진 분할)"
        )),
        "{all:#?}"
    );
}

#[test]
fn a_confusion_matrix_asks_each_cell_on_its_axes() {
    // The corner `실제 \ 예측` names what the rows and the columns are read on:
    // `Positive › Negative` alone could be FN or FP. A bold term set equal to its formula
    // is a label like one before a colon: `혼동 행렬 › 정확도(Accuracy)`, not a vague
    // 핵심 내용 card.
    let d = doc("## **1. 혼동 행렬 (Confusion Matrix)**

| 실제 \\ 예측 | Positive | Negative |
| --- | --- | --- |
| **Positive** | TP (True Positive) | FN (False Negative) |
| **Negative** | FP (False Positive) | TN (True Negative) |

- **정확도(Accuracy)** = $\\frac{TP + TN}{TP + TN + FP + FN}$
    - 클래스 불균형 시 함정: 양성이 1%인 데이터에서 전부 음성으로 예측해도 정확도 99%
");
    let all = cards(&d);
    for asked in [
        "실제 Positive › 예측 Positive => TP (True Positive)",
        "실제 Positive › 예측 Negative => FN (False Negative)",
        "실제 Negative › 예측 Positive => FP (False Positive)",
    ] {
        assert!(all.iter().any(|c| c.ends_with(asked)), "{asked}: {all:#?}");
    }
    assert!(
        all.iter().any(|c| c
            .contains("혼동 행렬 › 정확도(Accuracy) => \\(\\frac{TP + TN}{TP + TN + FP + FN}\\)")),
        "{all:#?}"
    );
    assert!(all.iter().all(|c| !c.contains("핵심 내용")), "{all:#?}");
}

#[test]
fn what_an_arrow_leads_to_and_the_numbers_stated_are_key_terms() {
    // Left over beside other cards, each made a vague `… › 핵심 내용` card of one line.
    let d = doc("## 0. SVM

- 클래스 사이의 경계 중 **마진(margin)**이 가장 큰 초평면을 찾는 분류기
- 선형으로 안 나뉘면 커널로 고차원에 매핑해서 분리
- 특성 스케일에 민감 → StandardScaler 먼저 적용

## **2. Cross-Validation**

- **k-fold**: k개 폴드, 각 폴드가 한 번씩 검증
- k는 보통 5 또는 10 사용
- GPT-3 모델도 같은 방식으로 평가
");
    let clozes = cloze_fronts(&d);
    assert!(
        clozes.contains(&"특성 스케일에 민감 → {{c1::StandardScaler 먼저 적용}}".to_string()),
        "{clozes:#?}"
    );
    assert!(
        clozes.contains(&"k는 보통 {{c1::5 또는 10}} 사용".to_string()),
        "{clozes:#?}"
    );
    // A number inside a name is no value the sentence states.
    assert!(
        clozes.iter().all(|c| !c.contains("{{c1::3}}")),
        "{clozes:#?}"
    );
}

#[test]
fn a_facet_answered_with_degrees_is_asked_across_every_subject() {
    // `참조 답변`: two degrees and LLM-as-a-Judge's `선택 (…)`. The degrees were asked
    // together and the one cell that is no degree, the least obvious, was left out of the
    // contrast as a card of its own, or lost as a bullet's repeat.
    let d = doc("## **2. LLM 평가**

- **정의**: 생성된 답변의 품질을 측정
- **LLM-as-a-Judge**: 강한 LLM을 심사위원으로 써서 다른 모델의 답변을 채점

### 평가 방식 비교

| 구분 | BLEU / ROUGE | LLM-as-a-Judge | 사람 평가 |
| --- | --- | --- | --- |
| **참조 답변** | 필요 | 선택 (reference-guided일 때만) | 불필요 |
| **비용·속도** | 매우 저렴, 빠름 | 중간 (API 호출 비용) | 비쌈, 느림 |
");
    let all = cards(&d);
    assert!(
        all.iter().any(|c| c.contains(
            "BLEU / ROUGE / LLM-as-a-Judge / 사람 평가 › 참조 답변 => <ul><li>BLEU / ROUGE: 필요</li>\
             <li>LLM-as-a-Judge: 선택 (reference-guided일 때만)</li><li>사람 평가: 불필요</li></ul>"
        )),
        "{all:#?}"
    );
    assert_skipped(&d, |r| {
        r.starts_with("table cell whose facet the other subjects answer with degrees or marks")
    });
}

#[test]
fn a_gloss_of_two_words_hides_the_two_words_it_glosses() {
    // `자유 생성(open-ended generation)`: hiding `생성(…)` alone left `자유` to give it away
    // and split the term in two.
    let d = doc("## **2. LLM 평가**

- **정의**: 생성된 답변의 품질을 측정
- 분류·객관식은 accuracy로 충분하지만, 자유 생성(open-ended generation)은 좋은 답이 여러 개라 평가가 어려움
- weight decay를 gradient 계산에서 분리(decoupled)해 적용
");
    assert_eq!(
        cloze_fronts(&d),
        [
            "분류·객관식은 accuracy로 충분하지만, {{c1::자유 생성(open-ended generation)}}은 좋은 \
             답이 여러 개라 평가가 어려움",
            "weight decay를 gradient 계산에서 {{c1::분리(decoupled)}}해 적용",
        ]
    );
}
