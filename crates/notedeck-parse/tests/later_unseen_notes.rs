//! Card rules found on two notes in the user's style that the rules had not been tuned on
//! (recommender systems; graph networks and optimisers): a note's own interview questions, a
//! numbered list of subjects after an essay topic, a Korean heading glossed in English, lines
//! of keywords, quoted examples, cells that point at other cells. Each case shows the cards
//! with the context they are shown under.

mod common;

use common::{assert_skipped, back_of, doc};
use notedeck_parse::Document;

/// `context | front => back` of every card.
fn shown(d: &Document) -> Vec<String> {
    d.cards
        .iter()
        .map(|c| {
            let context = c.context_path().join(" › ");
            format!("{context} | {} => {}", c.front, c.back)
        })
        .collect()
}

/// The model compression note's overview: the five kinds of compression, each a line with
/// its own section later in the note, and a remark after them.
const COMPRESSION_OVERVIEW: &str = "### 문항 27

# 모델 경량화

---

## 경량화 기법 분류

1. **양자화 (Quantization)**: 숫자 표현 비트 수를 줄임 (FP32 → INT8)
2. **가지치기 (Pruning)**: 중요하지 않은 가중치/채널 제거
3. **지식 증류 (Knowledge Distillation)**: 큰 모델(teacher)의 지식을 작은 모델(student)에 전달
4. **효율적 아키텍처 설계 (Efficient Architecture)**: 처음부터 가볍게 설계 (MobileNet, SqueezeNet, EfficientNet)
5. **저랭크 분해 (Low-Rank Factorization)**: 큰 가중치 행렬을 작은 행렬들의 곱으로 근사

→ 실무에서는 보통 **여러 기법을 조합** (예: Deep Compression = Pruning + Quantization + Huffman Coding)

---
";

#[test]
fn a_notes_own_question_is_the_front_and_its_answer_the_back() {
    // Under the last topic's section the questions were shown as `Early Stopping › 예상 면접
    // 질문 › Q2. …?`, and the first, too long for a label, was the answer of the section.
    // Closing the note, they ask about all of it: shown under their own title, not the
    // problem they follow.
    let d = doc("## **3. Early Stopping**

- **기준**: 검증 loss가 patience 동안 개선되지 않으면 중단

## 예상 면접 질문

**Q1. GCN에서 인접 행렬에 self-loop를 더하고 $\\tilde{D}^{-1/2}\\tilde{A}\\tilde{D}^{-1/2}$로 정규화하는 이유는?**

- A: self-loop가 없으면 자기 자신의 feature가 반영되지 않음 → 대칭 정규화로 스케일을 맞춤

**Q2. Adam과 AdamW의 차이는?**

- A: AdamW는 weight decay를 기울기 계산과 분리해서 파라미터에 직접 적용
");
    assert_eq!(
        shown(&d)[1..],
        [
            "예상 면접 질문 | GCN에서 인접 행렬에 self-loop를 더하고 \\(\\tilde{D}^{-1/2}\\tilde{A}\\tilde{D}^{-1/2}\\)로 정규화하는 이유는? => <p>self-loop가 없으면 자기 자신의 feature가 반영되지 않음 → 대칭 정규화로 스케일을 맞춤</p>",
            "예상 면접 질문 | Adam과 AdamW의 차이는? => <p>AdamW는 weight decay를 기울기 계산과 분리해서 파라미터에 직접 적용</p>",
        ]
    );
}

#[test]
fn subjects_numbered_anew_after_an_essay_topic_are_topics_of_their_own() {
    // `## **1. Wide & Deep**` after `# 1. Two-Tower 모델: …` starts the next subjects; under a
    // topic naming its parts (`Transformer의 구성`) the same numbering is its parts.
    let d = doc("# 1. Two-Tower 모델: 수백만 개 중에서 후보 고르기

Two-Tower 모델은 사용자와 아이템을 따로 인코딩합니다. 내적으로 점수를 매깁니다. 그래서 후보를 미리 계산할 수 있습니다. 검색 단계에 씁니다.

## **1. Wide & Deep**

- **구조**: Wide (선형) + Deep (DNN)

# 2. Transformer의 구성

## 1. Self-Attention

- **역할**: 모든 토큰 쌍의 관계 계산
");
    let all = shown(&d);
    assert!(
        all.contains(
            &"문제 9 › Wide & Deep | Wide &amp; Deep › 구조 => Wide (선형) + Deep (DNN)"
                .to_string()
        ),
        "{all:#?}"
    );
    assert!(
        all.iter()
            .any(|c| c.starts_with("문제 9 › Transformer의 구성 › Self-Attention |")),
        "{all:#?}"
    );
}

#[test]
fn a_korean_heading_glossed_in_english_names_a_subject() {
    // `피드백 루프와 인기 편향 (Feedback Loop & Popularity Bias)` after `A/B 테스트` is the
    // next subject, not an aspect of A/B testing; `구성 요소 (Components)` is a facet.
    let d = doc("## **A/B 테스트 (온라인 평가)**

- **지표**: CTR, 체류 시간

### 구성 요소 (Components)

- 대조군과 실험군

## **피드백 루프와 인기 편향 (Feedback Loop & Popularity Bias)**

- **원인**: 추천된 아이템만 클릭 데이터가 쌓임
");
    let all = shown(&d);
    assert!(
        all.iter()
            .any(|c| c.starts_with("문제 9 › A/B 테스트 › 구성 요소 |")),
        "{all:#?}"
    );
    assert!(
        all.iter()
            .any(|c| c.starts_with("문제 9 › 피드백 루프와 인기 편향 |")),
        "{all:#?}"
    );
}

#[test]
fn a_line_of_keywords_closing_a_facet_is_no_part_of_its_answer() {
    let d = doc("## **Negative Sampling – Key Points**

### 1. **Sampling Strategies**

1. **Uniform random sampling**
    - Simple, but most sampled items are easy negatives.
2. **In-batch negatives**
    - Reuse the other positives in the same mini-batch.

**Exam keywords**: *Implicit data, Sampled softmax, In-batch negatives*
");
    let all = shown(&d);
    assert!(!all.iter().any(|c| c.contains("Exam keywords")), "{all:#?}");
    assert_skipped(&d, |r| r.contains("keywords"));
}

#[test]
fn an_arrow_inside_a_quoted_example_is_no_cut() {
    // The cut after the last arrow split the quotation: `→ "… → {{c1::다음은 마우스" 같은
    // 패턴을 못 잡음}}`.
    let d = doc("## Sequential Recommendation

- 사용자 행동을 **순서가 있는 시퀀스**로 보고 다음 아이템을 예측
- MF는 순서를 무시 → \"방금 노트북을 샀다 → 다음은 마우스\" 같은 패턴을 못 잡음
");
    let fronts: Vec<String> = d.cards.iter().map(common::anki_front).collect();
    assert!(
        fronts.contains(
            &"MF는 순서를 무시 → {{c1::&quot;방금 노트북을 샀다 → 다음은 마우스&quot; 같은 패턴을 못 잡음}}"
                .to_string()
        ),
        "{fronts:#?}"
    );
}

#[test]
fn a_cell_saying_only_both_points_at_the_other_cells() {
    let d = doc("### 비교 표

| 구분 | Collaborative Filtering | Content-based | Hybrid |
| --- | --- | --- | --- |
| **사용 데이터** | 상호작용 (평점, 클릭) | 아이템 속성 + 본인 기록 | 둘 다 |
| **New item cold start** | 취약 | 강함 | 강함 |
");
    let all = shown(&d);
    assert!(!all.iter().any(|c| c.contains("=> 둘 다")), "{all:#?}");
    assert!(
        all.iter()
            .any(|c| c.contains("Content-based › 사용 데이터 =>")),
        "{all:#?}"
    );
    assert_skipped(&d, |r| r.contains("points at another cell"));
}

#[test]
fn a_bold_term_closing_before_a_particle_is_what_the_cloze_hides() {
    // CommonMark leaves `**…)**여야` literal; the card shows it bold, and the cloze hid only
    // `함수(injective)`, leaving `단사` to give it away.
    let d = doc("## GIN

- **핵심**: sum aggregation
- WL test 수준에 도달하려면 aggregate, update, readout이 모두 **단사 함수(injective)**여야 함
");
    let fronts: Vec<String> = d.cards.iter().map(common::anki_front).collect();
    assert!(
        fronts
            .iter()
            .any(|f| f.contains("{{c1::단사 함수(injective)}}")),
        "{fronts:#?}"
    );
}

#[test]
fn a_heading_counting_its_parts_is_answered_by_the_terms_its_prose_sets_in_bold() {
    let d = doc("# 2. Message Passing의 3단계

각 층은 세 단계로 나뉩니다. 먼저 **Message** 단계에서 이웃 w가 노드 v에게 보낼 메시지를 만들고, **Aggregate** 단계에서 이를 모읍니다. 이웃에는 순서가 없으므로 집계 함수는 sum, mean, max 같은 함수를 씁니다. 마지막 **Update** 단계에서 모은 메시지와 자기 이전 상태로 새 상태를 계산합니다. 그래프 단위 예측이 필요하면 readout 함수로 전체 노드를 요약합니다.
");
    assert_eq!(
        shown(&d),
        [
            "문제 9 › Message Passing의 3단계 | Message Passing의 3단계 => <ol><li>Message</li><li>Aggregate</li><li>Update</li></ol>"
        ]
    );
}

#[test]
fn a_topics_prose_is_asked_by_the_one_part_a_sentence_sets_in_bold() {
    // CommonMark leaves `**…)**의` literal; the author marked the point of the paragraph.
    // The sentence marking two parts marks no one of them; the citation's year is no fact.
    let d = doc("# 3. Over-smoothing: 층을 깊게 쌓으면 생기는 문제

CNN은 층을 깊게 쌓을수록 성능이 좋아지는 경우가 많지만, GNN은 보통 2~3층에서 성능이 가장 좋습니다. 대표 원인이 over-smoothing입니다. 2018년 Li, Han, Wu는 AAAI 논문에서 GCN의 graph convolution이 사실상 **라플라시안 스무딩(Laplacian smoothing)**의 특수한 형태라는 것을 보였습니다. 스무딩을 반복하면 노드 표현이 비슷한 값으로 수렴합니다.

# 4. Exposure Bias

비슷한 편향으로 **노출 편향(exposure bias)**과 **위치 편향(position bias)**이 있습니다. 둘 다 로그 데이터에서 생깁니다. 오프라인 평가를 왜곡합니다. 그래서 보정이 필요합니다.
");
    let fronts: Vec<String> = d.cards.iter().map(common::anki_front).collect();
    assert_eq!(
        fronts,
        [
            "2018년 Li, Han, Wu는 AAAI 논문에서 GCN의 graph convolution이 사실상 <b>{{c1::라플라시안 스무딩(Laplacian smoothing)}}</b>의 특수한 형태라는 것을 보였습니다."
        ]
    );
    assert_skipped(&d, |r| r.contains("marking a term in bold is a card"));
}

#[test]
fn a_year_beside_authors_and_a_comma_is_a_citation() {
    // `Google, 2016 (Cheng et al.)` and `FM (Rendle, 2010)`: the year dates the authors;
    // hidden, it asked when a paper came out.
    let d = doc("## DeepFM

- **구조**: FM + DNN이 임베딩 공유
- Google, 2016 (Cheng et al.), Google Play 앱 추천에 적용
- FM (Rendle, 2010): 모든 2차 feature 교차를 잠재 벡터 내적으로 모델링
");
    let fronts: Vec<String> = d.cards.iter().map(common::anki_front).collect();
    assert!(
        !fronts
            .iter()
            .any(|f| f.contains("{{c1::2016") || f.contains("{{c1::2010")),
        "{fronts:#?}"
    );
}

#[test]
fn the_next_number_of_a_topics_numbering_is_the_next_topic_and_a_worked_computation_no_card() {
    // `## **2. 순위 반영 지표**` was a facet of `## **1. Top-K 정확도 지표**`; its `계산 예시`
    // was a card of made-up numbers, and a name in its list of labels.
    let d = doc("## **1. Top-K 정확도 지표**

- **Precision@K**: 추천한 K개 중 관련 있는 아이템 비율
- **Recall@K**: 전체 관련 아이템 중 추천 K개 안에 들어온 비율

## **2. 순위 반영 지표**

- **MRR (Mean Reciprocal Rank)**: 첫 번째 관련 아이템 순위의 역수를 평균
    - 첫 정답만 중요할 때 (검색, QA)
- **MAP (Mean Average Precision)**: 관련 아이템이 나온 위치마다의 Precision을 평균
    - 여러 정답의 순서를 모두 반영
- **NDCG (Normalized Discounted Cumulative Gain)**
    - 아래 순위일수록 log로 할인
    - graded relevance를 다룰 수 있는 것이 장점

- **계산 예시**: 추천 5개의 관련 여부 = [0, 1, 0, 1, 0], 이 사용자의 전체 관련 아이템 = 3개
    - Precision@5 = 2/5 = 0.4, Recall@5 = 2/3 ≈ 0.667, HR@5 = 1
    - RR = 1/2 (첫 정답이 2위), AP = (1/2 + 2/4) / 3 ≈ 0.333
    - NDCG@5 ≈ 1.062 / 2.131 ≈ 0.498
");
    let all = shown(&d);
    assert!(
        all.iter()
            .any(|c| c.starts_with("문제 9 › 순위 반영 지표 | 순위 반영 지표 › MRR =>")),
        "{all:#?}"
    );
    assert!(!all.iter().any(|c| c.contains("계산 예시")), "{all:#?}");
    assert_skipped(&d, |r| r.starts_with("worked computation"));
}

#[test]
fn a_line_closing_a_topics_list_with_a_colon_is_asked_by_the_formula_after_it() {
    // `- cross layer:` and then the display formula: the line alone made `DCN › 핵심 내용` →
    // `cross layer:`, and the formula was no card.
    let d = doc("## **3. DCN (Deep & Cross Network)**

- Google, 2017 (Wang et al.), **Cross Network**가 feature 교차를 명시적으로 학습
- cross layer:

$$
x_{l+1} = x_0 x_l^T w_l + b_l + x_l
$$

- layer 하나를 쌓을 때마다 교차 차수가 1씩 증가
");
    let all = shown(&d);
    assert!(
        all.contains(
            &"문제 9 › DCN | DCN › cross layer => <p>\\[x_{l+1} = x_0 x_l^T w_l + b_l + x_l\\]</p>"
                .to_string()
        ),
        "{all:#?}"
    );
    assert!(!all.iter().any(|c| c.ends_with("cross layer:")), "{all:#?}");
}

#[test]
fn a_models_year_in_parentheses_is_no_cloze_and_ends_the_citation_search() {
    // `ResNet(2016)` dates the model: hidden, the year asked when a paper came out. A year
    // the citation's words cannot be taken from must still end the search for a key term.
    let d = doc("## Step Decay

- **방식**: 일정 epoch마다 lr에 γ를 곱함
- 예: ResNet(2016) ImageNet 학습 → lr 0.1에서 시작, error가 정체되면 10으로 나눔
- 예: ResNet (2016) CIFAR 학습 → lr 0.1에서 시작, 정해진 epoch에 10으로 나눔
");
    let fronts: Vec<String> = d.cards.iter().map(common::anki_front).collect();
    assert!(
        !fronts.iter().any(|f| f.contains("{{c1::2016")),
        "{fronts:#?}"
    );
    assert!(
        fronts
            .iter()
            .any(|f| f.contains("ResNet(2016)") && f.contains("{{c1::")),
        "{fronts:#?}"
    );
}

#[test]
fn numbered_parts_under_a_title_naming_no_set_are_an_outline() {
    // `왜 activation이 문제인가`, `Trade-off`, `Selective Recomputation`: a table of contents
    // of one explanation, not a set to recall; `… 탐지 방법` names one.
    let part = "설명 문장이 이어집니다. 두 번째 문장도 있습니다. 세 번째 문장입니다. 네 번째 문장으로 끝납니다. 다섯 번째 문장까지 씁니다.";
    let d = doc(&format!(
        "# 2. Gradient Checkpointing: 메모리를 계산으로 바꾸기\n\n# 1) 왜 activation이 문제인가\n\n{part}\n\n# 2) Trade-off\n\n{part}\n\n# 3) Selective Recomputation\n\n{part}\n"
    ));
    let all = shown(&d);
    assert!(!all.iter().any(|c| c.contains("<ol>")), "{all:#?}");
    let d = doc(&format!(
        "# 3. 드리프트 탐지 방법\n\n# 1) 오류율 기반 탐지\n\n{part}\n\n# 2) 분포 비교 기반 탐지\n\n{part}\n"
    ));
    let all = shown(&d);
    assert!(
        all.iter().any(|c| c.ends_with(
            "| 드리프트 탐지 방법 => <ol><li>오류율 기반 탐지</li><li>분포 비교 기반 탐지</li></ol>"
        )),
        "{all:#?}"
    );
}

#[test]
fn a_tip_asks_the_words_bold_initials_spell_and_quoted_pairs_parted_by_slashes() {
    // `{{c1::**O**}}ptimizer` left the word on the front; one deletion ran from inside the
    // first quote to the end of the line, hiding the other cues with it.
    let d = doc("## ZeRO

- **Stage 3**: parameter까지 분할

📌 **암기 팁**

- Stage 1 = **O**ptimizer, Stage 2 = + **G**radient, Stage 3 = + **P**arameter
- Accumulation = \"시간으로 메모리를 산다\" / Checkpointing = \"계산으로 메모리를 산다\" / ZeRO = \"통신으로 메모리를 산다\"
");
    let fronts: Vec<String> = d.cards.iter().map(common::anki_front).collect();
    assert!(
        fronts.contains(
            &"Stage 1 = {{c1::<b>O</b>ptimizer}}, Stage 2 = {{c2::+ <b>G</b>radient}}, Stage 3 = {{c3::+ <b>P</b>arameter}}"
                .to_string()
        ),
        "{fronts:#?}"
    );
    assert!(
        fronts.contains(
            &"Accumulation = &quot;{{c1::시간으로 메모리를 산다}}&quot; / Checkpointing = &quot;{{c2::계산으로 메모리를 산다}}&quot; / ZeRO = &quot;{{c3::통신으로 메모리를 산다}}&quot;"
                .to_string()
        ),
        "{fronts:#?}"
    );
}

#[test]
fn a_claim_label_its_explanation_names_is_asked_the_usual_way_round() {
    // Asked by its explanation, `… 올리는 **gradual warmup**` gave `Warmup 필요` away.
    let d = doc("## Linear Scaling Rule

- **정의**: batch size를 k배 키우면 learning rate도 k배 키운다
- **Warmup 필요**: 학습 초반에는 가정이 깨짐 → 처음 5 epoch 동안 lr을 선형으로 올리는 **gradual warmup**
");
    let all = shown(&d);
    assert!(
        all.iter().any(|c| c
            .starts_with("문제 9 › Linear Scaling Rule | Linear Scaling Rule › Warmup 필요 =>")),
        "{all:#?}"
    );
}

#[test]
fn a_table_row_naming_one_of_two_joined_topics_keeps_its_own_name() {
    // `All-Reduce와 Ring All-Reduce` is about both names and the topic of neither: the row
    // `All-Reduce` was asked as the whole title, and the table shown above its section.
    let d = doc("### 문제 3

## **2. All-Reduce와 Ring All-Reduce**

### 1. 집합 통신 정리

| 연산 | 입력 | 결과 |
| --- | --- | --- |
| **Broadcast** | rank 하나의 텐서 | 모든 rank가 같은 텐서 보유 |
| **All-Reduce** | 각 rank의 텐서 | 모든 rank가 합/평균 결과 보유 |

### 2. Ring All-Reduce

- **핵심**: GPU를 링으로 연결해 조각을 돌림
");
    let cards = shown(&d);
    assert!(
        cards.contains(
            &"문제 3 › All-Reduce와 Ring All-Reduce › 집합 통신 정리 | All-Reduce › 입력 => 각 rank의 텐서"
                .to_string()
        ),
        "{cards:#?}"
    );
}

#[test]
fn a_bold_label_of_math_alone_is_shown_as_math() {
    // `**$\nu \in (0, 1]$**` heading its bullets, in a facet too long for one card, was asked
    // as the raw TeX `\nu \in (0, 1]`; the terms listed under `하이퍼파라미터` lost their
    // `$\alpha$` the same way.
    let d = doc("## **5. One-Class SVM**

### 2. 수식

$$
\\min_{w, \\xi, \\rho} \\; \\frac{1}{2}\\|w\\|^2 + \\frac{1}{\\nu n}\\sum_{i=1}^{n} \\xi_i - \\rho
$$

- 결정 함수: $f(x) = \\text{sign}(w^\\top \\phi(x) - \\rho)$ → -1이면 이상
- **$\\nu \\in (0, 1]$**
    - 학습 데이터 중 margin 위반(이상치) 비율의 **상한(upper bound)**
    - support vector 비율의 **하한(lower bound)**
    - → 사실상 \"예상 이상치 비율\"처럼 설정
- 커널은 주로 RBF → $\\gamma$ 값에 민감
- **하이퍼파라미터**
    - **Width multiplier $\\alpha$**: 채널 수를 $\\alpha$배 → 연산량 약 $\\alpha^2$배
    - **Resolution multiplier $\\rho$**: 입력 해상도를 $\\rho$배 → 연산량 약 $\\rho^2$배
");
    let fronts: Vec<&str> = d.cards.iter().map(|c| c.front.as_str()).collect();
    assert!(
        fronts.contains(&"One-Class SVM › 수식 › \\(\\nu \\in (0, 1]\\)"),
        "{fronts:#?}"
    );
    let listed = d
        .cards
        .iter()
        .find(|c| c.front == "One-Class SVM › 수식 › 하이퍼파라미터")
        .map(|c| c.back.as_str());
    assert_eq!(
        listed,
        Some(
            "<ul><li>Width multiplier \\(\\alpha\\)</li><li>Resolution multiplier \\(\\rho\\)</li></ul>"
        )
    );
}

#[test]
fn an_example_worked_out_in_numbers_is_no_card() {
    // Asked from itself, `예시 › 정상 100,000건, 이상 100건 …` → `평가 지표`; its numbers are
    // made up, as a `계산 예시`'s are. An example stating a setting (`k = 5`) stays a card.
    let d = doc("## **9. 평가 지표**

### 3. ROC-AUC vs PR-AUC

- **PR 곡선**: x축 Recall, y축 Precision
- **예시**: 정상 100,000건, 이상 100건
    - FP 1,000건이 생겨도 FPR = 1,000 / 100,000 = 1% → ROC 상으로는 좋아 보임
    - 하지만 TP 90건이면 Precision = 90 / 1,090 ≈ 8.3% → 알람 12개 중 11개가 오탐

## **10. LOF**

- **예시**: k = 20으로 두고 이웃 20개의 밀도와 비교
");
    assert_skipped(&d, |why| why.starts_with("worked computation"));
    assert!(
        d.cards.iter().all(|c| !c.front.contains("100,000")),
        "{:#?}",
        d.cards
    );
    assert!(
        d.cards.iter().any(|c| c.front.contains("k = 20")),
        "{:#?}",
        d.cards
    );
}

#[test]
fn a_bold_line_introduces_its_formula_and_the_list_explaining_it() {
    // `**Asymmetric (비대칭) 양자화**` took only its formula; the bullets under the formula
    // went to the facet's card, read as facts of the whole facet.
    let d = doc("## **양자화**

### 2. Scale / Zero-point

실수값 $x$를 정수 $q$로 매핑하는 선형 변환

$$\\hat{x} = s \\cdot (q - z)$$

- $s$ (scale): 정수 1칸이 실수로 얼마인지
- $z$ (zero-point): 실수 0이 매핑되는 정수값

**Asymmetric (비대칭) 양자화**

$$s = \\frac{x_{max} - x_{min}}{q_{max} - q_{min}}$$

- 범위가 한쪽으로 치우친 경우에 유리
- UINT8 (0~255) 자주 사용

**Symmetric (대칭) 양자화**

$$s = \\frac{\\max(|x|)}{2^{b-1} - 1}, \\quad z = 0$$

- zero-point가 0이라 연산이 단순 → **weight 양자화에 주로 사용**
");
    let back = |front: &str| back_of(&d, front);
    let asymmetric = back("양자화 › Scale / Zero-point › Asymmetric (비대칭) 양자화");
    assert!(asymmetric.contains("UINT8"), "{asymmetric}");
    let symmetric = back("양자화 › Scale / Zero-point › Symmetric (대칭) 양자화");
    assert!(symmetric.contains("weight 양자화"), "{symmetric}");
    let facet = back("양자화 › Scale / Zero-point");
    assert!(
        !facet.contains("UINT8") && !facet.contains("weight 양자화"),
        "{facet}"
    );
}

#[test]
fn rows_told_apart_only_by_their_parentheses_keep_them() {
    // `양자화 (INT8 PTQ)` and `양자화 (QAT)` were both asked as `양자화`, and a column's list
    // kept one of the two rows.
    let d = doc("## **6. 기법 비교 요약 표**

| 기법 | 줄어드는 것 | 재학습 | 정확도 손실 |
| --- | --- | --- | --- |
| **양자화 (INT8 PTQ)** | 비트 수 | 불필요 (calibration) | 작음 |
| **양자화 (QAT)** | 비트 수 | 필요 | 매우 작음 |
| **Structured Pruning** | 채널/필터 수 | 필요 | 중간 |
");
    let fronts: Vec<&str> = d.cards.iter().map(|c| c.front.as_str()).collect();
    assert!(
        fronts.iter().all(|f| !f.starts_with("양자화 ›")),
        "{fronts:#?}"
    );
    let retrain = d
        .cards
        .iter()
        .find(|c| c.front.ends_with("› 재학습"))
        .map(|c| c.back.as_str())
        .unwrap_or_else(|| panic!("{fronts:#?}"));
    assert!(
        retrain.contains("양자화 (INT8 PTQ)") && retrain.contains("양자화 (QAT)"),
        "{retrain}"
    );
}

#[test]
fn a_table_naming_sibling_sections_by_their_first_word_is_shown_above_them() {
    // Rows `Point`, `Contextual`, `Collective` after `### 3) Collective Anomaly`'s bullets
    // were shown under `Collective Anomaly`, which gave away the row asked by its example
    // (`예시 › ECG 평탄 구간` → `Collective`).
    let d = doc("### 문항 27


## **1. 이상치 유형 (Types of Anomalies)**

### 1) Point Anomaly (점 이상치)

- 개별 데이터 하나가 전체 분포에서 벗어난 경우
- **예시**: 평소 5만원 내외 결제하던 카드에서 갑자기 900만원 결제
- 가장 단순, 대부분의 기법이 기본적으로 타겟으로 하는 유형

### 2) Contextual Anomaly (문맥적 이상치, Conditional Anomaly)

- 값 자체는 정상 범위지만 **특정 문맥(context)**에서는 이상한 경우
- **Contextual attribute**(시간, 위치 등) + **Behavioral attribute**(실제 측정값)로 나눠서 봄
- **예시**: 기온 30℃ → 8월 서울이면 정상, 1월 서울이면 이상
- 시계열 데이터에서 자주 등장

### 3) Collective Anomaly (집단적 이상치)

- 개별 데이터는 정상처럼 보이지만 **여러 개가 모이면** 이상한 경우
- **예시**: 심전도(ECG)에서 한 구간이 평평하게 유지 → 각 값은 정상 범위지만 패턴이 비정상
- **예시**: 정상 요청처럼 보이는 패킷이 짧은 시간 동안 연속으로 몰려 들어옴 (DDoS)

| 유형 | 판단 단위 | 문맥 필요 여부 | 예시 |
| --- | --- | --- | --- |
| **Point** | 개별 샘플 | ✘ | 카드 900만원 결제 |
| **Contextual** | 개별 샘플 + 문맥 | ✔ | 1월에 30℃ |
| **Collective** | 샘플 집합(구간) | ✔ (순서/관계) | ECG 평탄 구간 |

📌 **암기 팁**

- Point = \"혼자 튐\", Contextual = \"때와 장소가 안 맞음\", Collective = \"모이면 이상함\"
");
    let tables: Vec<String> = shown(&d)
        .into_iter()
        .filter(|c| c.contains("판단 단위"))
        .collect();
    assert_eq!(tables.len(), 3, "{:#?}", shown(&d));
    assert!(
        tables
            .iter()
            .all(|c| c.starts_with("문항 27 › 이상치 유형 |")),
        "{tables:#?}"
    );
}

#[test]
fn items_of_one_list_under_the_same_label_are_one_card() {
    // Two `**예시**` bullets made two cards with one front, which lint reports as
    // `duplicate-card`.
    let d = doc("## **Collective Anomaly**

- 개별 데이터는 정상처럼 보이지만 **여러 개가 모이면** 이상한 경우
- **예시**: 심전도(ECG)에서 한 구간이 평평하게 유지 → 패턴이 비정상
- **예시**: 정상 요청처럼 보이는 패킷이 짧은 시간 동안 몰려 들어옴 (DDoS)
- **탐지**: 구간 단위 모델
");
    // Asked the other way round, as a topic's example is: which anomaly is this?
    let examples: Vec<String> = d
        .cards
        .iter()
        .filter(|c| c.key == "예시")
        .map(|c| format!("{} => {}", c.front, c.back))
        .collect();
    assert_eq!(
        examples,
        [
            "예시 › <ul><li>심전도(ECG)에서 한 구간이 평평하게 유지 → 패턴이 비정상</li><li>정상 요청처럼 보이는 패킷이 짧은 시간 동안 몰려 들어옴 (DDoS)</li></ul> => Collective Anomaly"
        ]
    );
}

#[test]
fn a_facet_whose_title_names_every_part_lists_no_parts() {
    // `ROC-AUC vs PR-AUC` → `ROC 곡선`, `PR 곡선`: the answer was what the front shows.
    let d = doc("## **9. 평가 지표**

- **F-beta**: $F_\\beta = (1+\\beta^2)\\frac{P \\cdot R}{\\beta^2 P + R}$ → $\\beta > 1$이면 Recall 중시 (예: 의료, 사기 탐지)
- **FPR** $= \\frac{FP}{FP + TN}$

### 3. ROC-AUC vs PR-AUC

- **ROC (Receiver Operating Characteristic) 곡선**: x축 FPR, y축 TPR(=Recall), threshold를 바꿔가며 그림
- **PR 곡선**: x축 Recall, y축 Precision → 면적 = PR-AUC (≈ Average Precision)

| 항목 | ROC-AUC | PR-AUC (Average Precision) |
| --- | --- | --- |
| **축** | FPR vs TPR | Recall vs Precision |
| **랜덤 모델 기준선** | 0.5 | 양성 비율 (예: 0.001) |
| **TN 영향** | FPR 분모에 TN 포함 → TN이 많으면 FPR이 작게 나옴 | TN 사용 안 함 |
| **불균형 데이터** | 성능이 **낙관적**으로 보임 | 이상 클래스 성능을 더 민감하게 반영 |
| **언제 쓰나** | 클래스가 비교적 균형, 전체 ranking 능력 비교 | 이상 비율이 매우 낮을 때 (이상 탐지 대부분) |

- **예시**: 정상 100,000건, 이상 100건
    - FP 1,000건이 생겨도 FPR = 1,000 / 100,000 = 1% → ROC 상으로는 좋아 보임
    - 하지만 TP 90건이면 Precision = 90 / 1,090 ≈ 8.3% → 알람 12개 중 11개가 오탐

");
    let fronts: Vec<&str> = d.cards.iter().map(|c| c.front.as_str()).collect();
    assert!(
        !fronts.contains(&"평가 지표 › ROC-AUC vs PR-AUC"),
        "{fronts:#?}"
    );
    assert!(
        fronts.contains(&"평가 지표 › ROC-AUC vs PR-AUC › PR 곡선"),
        "{fronts:#?}"
    );
    assert_skipped(&d, |why| why.starts_with("the title names every part"));
}

#[test]
fn a_remark_after_a_facets_parts_leaves_the_parts_its_answer() {
    // `→ 실무에서는 보통 **여러 기법을 조합**` after the five kinds was the whole answer of
    // `경량화 기법 분류`: the kinds are what it asks.
    let d = doc(COMPRESSION_OVERVIEW);
    let back = d
        .cards
        .iter()
        .find(|c| c.front == "모델 경량화 › 경량화 기법 분류")
        .map(|c| c.back.as_str())
        .unwrap_or_else(|| panic!("{:#?}", d.cards));
    assert!(
        back.contains("양자화 (Quantization)") && back.contains("저랭크 분해"),
        "{back}"
    );
}

#[test]
fn a_remarks_column_asks_nothing() {
    // `Structured Pruning › 비고` → `일반 HW에서 가속`: a vague question, an aside the
    // sections already carded.
    let d = doc("## **6. 기법 비교 요약 표**

| 기법 | 재학습 | 비고 |
| --- | --- | --- |
| **Structured Pruning** | 필요 | 일반 HW에서 가속 |
| **Knowledge Distillation** | student 학습 필요 | teacher 필요 |
");
    let fronts: Vec<&str> = d.cards.iter().map(|c| c.front.as_str()).collect();
    assert!(fronts.iter().all(|f| !f.contains("비고")), "{fronts:#?}");
    assert!(fronts.iter().any(|f| f.contains("재학습")), "{fronts:#?}");
    assert_skipped(&d, |why| why.contains("remarks column"));
}

#[test]
fn an_aside_on_how_a_section_is_written_opens_no_answer() {
    // `(간단히)` says the section is brief; it opened the answer as a word of it.
    let d = doc("## **양자화**

### 5. LLM 양자화: GPTQ / AWQ (간단히)

- LLM은 7B만 해도 FP16 기준 약 14GB → **weight-only INT4 양자화**가 표준처럼 쓰임
- activation은 outlier가 심해서 FP16 유지, weight만 4bit

### 6. 사전 학습 방식 (Denoising Autoencoder)

- 입력을 망가뜨린 뒤 원래 문장을 복원
");
    let backs: Vec<&str> = d.cards.iter().map(|c| c.back.as_str()).collect();
    assert!(backs.iter().all(|b| !b.contains("간단히")), "{backs:#?}");
    assert!(
        backs
            .iter()
            .any(|b| b.starts_with("<p>Denoising Autoencoder</p>")),
        "{backs:#?}"
    );
}

#[test]
fn a_long_line_introducing_a_formula_is_asked_by_its_bold_term() {
    // The line was a cloze of its term, and its formula no card's.
    let d = doc("## **2. LARS**

- 아이디어: layer마다 비율이 크게 다름 → 전체에 같은 lr을 쓰면 어떤 layer는 발산
- **Layer-wise trust ratio**로 layer별 lr 조정 ($\\eta$: global lr, $\\phi$: trust coefficient):

$$
\\eta_l = \\eta \\cdot \\phi \\cdot \\frac{\\|w_l\\|}{\\|\\nabla L(w_l)\\|}
$$

- ResNet-50을 batch **32K**까지 정확도 유지하며 학습
");
    let card = d
        .cards
        .iter()
        .find(|c| c.front == "LARS › Layer-wise trust ratio")
        .unwrap_or_else(|| panic!("{:#?}", d.cards));
    assert!(
        card.back
            .starts_with("<p><b>Layer-wise trust ratio</b>로 layer별 lr 조정")
            && card.back.contains("\\[\\eta_l"),
        "{}",
        card.back
    );
}

#[test]
fn an_overview_line_of_a_topic_with_its_own_section_is_no_card() {
    // `경량화 기법 분류 › 양자화 (Quantization)` → `숫자 표현 비트 수를 줄임` asked again, less
    // fully, what `양자화 › 개념` asks. The overview's list of names stays a card.
    let d = doc(&[
        COMPRESSION_OVERVIEW,
        "
### 문항 28

## **1. 양자화 (Quantization)**

### 1. 개념

- 가중치와 활성값을 **FP32 → INT8** 등 낮은 비트로 표현

## **2. 가지치기 (Pruning)**

### 1. 개념

- 중요도가 낮은 가중치나 채널을 제거해 모델을 작게 만듦
",
    ]
    .concat());
    let fronts: Vec<&str> = d.cards.iter().map(|c| c.front.as_str()).collect();
    assert!(
        !fronts
            .iter()
            .any(|f| f.ends_with("› 양자화 (Quantization)")),
        "{fronts:#?}"
    );
    assert!(
        fronts
            .iter()
            .any(|f| f.ends_with("› 저랭크 분해 (Low-Rank Factorization)")),
        "{fronts:#?}"
    );
    assert!(fronts.contains(&"양자화 › 개념"), "{fronts:#?}");
    assert_skipped(&d, |why| why.starts_with("overview line of 양자화"));
}

#[test]
fn a_table_the_facets_last_line_introduces_stays_with_the_facet() {
    // The brackets' table, introduced by the facet's last line, was shown above `Hyperband`,
    // its rows asked as `4 ›`, `3 ›`: neither said what was numbered. (Introduced by an
    // example line, the same table holds worked values and makes no cards:
    // `worked_values_and_summaries.rs`.)
    let d = doc("## **2. Multi-fidelity 방법**

### 1. Successive Halving

- 성능 상위 $1/\\eta$만 남기고 나머지 버림

### 2. Hyperband

- SHA의 $n$ 선택 문제를 **여러 $n$ 값으로 SHA를 돌려서** 해결
- bracket별 시작 값 ($R = 81$):

| bracket $s$ | 시작 조합 수 $n$ | 시작 자원 $r$ |
| --- | --- | --- |
| 4 | 81 | 1 |
| 3 | 34 | 3 |
");
    let cards = shown(&d);
    assert!(
        cards.contains(
            &"문제 9 › Multi-fidelity 방법 › Hyperband | bracket s = 4 › 시작 조합 수 \\(n\\) => 81"
                .to_string()
        ),
        "{cards:#?}"
    );
}

#[test]
fn a_pictograph_before_a_bold_label_leaves_it_a_label() {
    // `- 📌 **튜닝 순서 팁**: …` was a cloze hiding the label and showing the whole order.
    let d = doc("## **LightGBM**

- **성장 방식**: leaf-wise 성장 → `num_leaves`가 핵심
- 📌 **튜닝 순서 팁**: `eta` 0.1로 `n_estimators` 결정 → `max_depth` → `gamma` → 마지막에 `eta` 낮추기
");
    let fronts: Vec<&str> = d.cards.iter().map(|c| c.front.as_str()).collect();
    assert!(fronts.contains(&"LightGBM › 튜닝 순서 팁"), "{fronts:#?}");
    assert!(
        d.cards
            .iter()
            .all(|c| c.kind != notedeck_parse::CardKind::Cloze),
        "{:#?}",
        d.cards
    );
}

#[test]
fn a_citation_after_a_hidden_part_keeps_the_sentence_on_the_front() {
    // `(Smith, 2018)` was read as an aside explaining the hidden part: the rest of the
    // sentence went to the back, and the front was `이후 [...]`.
    let d = doc("## **Learning Rate Range Test**

- 목적: 본격적인 HPO 전에 **learning rate 범위를 빠르게 좁히기**
- 이후 **1cycle policy** (Smith, 2018)와 같이 쓰면 좋음 → warmup으로 max lr까지 올렸다가 annealing
");
    let card = d
        .cards
        .iter()
        .find(|c| c.front.contains("1cycle policy"))
        .unwrap_or_else(|| panic!("{:#?}", d.cards));
    assert!(card.front.contains("같이 쓰면 좋음"), "{}", card.front);
    assert_eq!(card.back, "");
}

#[test]
fn parts_named_like_facets_with_a_subtitle_make_no_list_of_names() {
    // `절차 (reduction factor η)`, `예: …`, `한계: "n vs B/n" trade-off`: the facet's card
    // listed those names, each part's content on a card of its own; a citation beside them
    // is no fact that would keep the list.
    let d = doc("## **2. Multi-fidelity 방법**

- 전제: 적은 자원에서의 순위가 많은 자원에서의 순위와 어느 정도 **상관관계**가 있어야 함

### 1. Successive Halving (SHA)

- *Jamieson & Talwalkar, 2016*
- 절차 (reduction factor $\\eta$):
    1. $n$개 configuration을 최소 자원 $r$로 학습
    2. 성능 상위 $1/\\eta$만 남기고 나머지 버림
    3. 남은 것들에 자원을 $\\eta$배로 늘려 다시 학습
    4. 하나 남을 때까지 반복
- 예: $n=81,\\ \\eta=3,\\ r=1$ epoch
    - 81개 × 1 epoch → 27개 × 3 epoch → 9개 × 9 epoch → 3개 × 27 epoch → 1개 × 81 epoch
- **한계: \"n vs B/n\" trade-off**
    - $n$을 크게 → 많은 조합을 보지만 각각 너무 적게 학습 → 늦게 올라오는 조합(late bloomer)을 일찍 버릴 위험
    - $n$을 작게 → 각각 충분히 학습하지만 탐색 폭이 좁음

### 2. Hyperband
");
    let fronts: Vec<&str> = d.cards.iter().map(|c| c.front.as_str()).collect();
    assert!(
        !fronts.contains(&"Multi-fidelity 방법 › Successive Halving"),
        "{fronts:#?}"
    );
    assert!(
        fronts
            .iter()
            .any(|f| f.starts_with("Multi-fidelity 방법 › Successive Halving › 한계")),
        "{fronts:#?}"
    );
}

#[test]
fn a_nested_line_ending_on_a_colon_introduces_the_formula_after_its_list() {
    // `- 업데이트 식:` closing Momentum encoder's bullets, then the formula out of the list
    // (as Notion exports it): the formula went to the facet's card, which then answered
    // `구성 요소` with an update rule, and `업데이트 식:` dangled.
    let d = doc("## **2. MoCo (Momentum Contrast)**

### 2. 구성 요소

- **Queue (dictionary)**
    - 이전 미니배치들의 key를 FIFO queue에 저장해서 negative로 재사용
    - 새 배치의 key는 enqueue, 가장 오래된 배치는 dequeue
    - queue 크기 $K = 65536$ → 배치 256으로도 수만 개의 negative 사용 가능
- **Momentum encoder (key encoder)**
    - query encoder $f_q$는 backprop으로 학습
    - key encoder $f_k$는 gradient 없이 **EMA(지수이동평균)**로 업데이트
    - 업데이트 식:

$$
\\theta_k \\leftarrow m\\,\\theta_k + (1 - m)\\,\\theta_q
$$

- $m = 0.999$ 처럼 **1에 매우 가깝게** 설정 → key encoder가 천천히 변함
    - 왜? queue 안의 key들은 서로 다른 시점의 encoder로 만들어짐 → encoder가 빨리 변하면 key들끼리 **일관성(consistency)**이 깨짐
    - 논문 실험에서 $m = 0.9$ 정도로 낮추면 성능이 크게 떨어지고, $m = 0$(그냥 복사)이면 학습 자체가 안 됨
- loss는 InfoNCE, $\\tau = 0.07$
");
    let back = |front: &str| back_of(&d, front);
    let encoder = back("MoCo › 구성 요소 › Momentum encoder (key encoder)");
    assert!(encoder.contains("\\theta_k \\leftarrow"), "{encoder}");
    let parts = back("MoCo › 구성 요소");
    assert!(!parts.contains("\\theta_k"), "{parts}");
}

#[test]
fn a_pinned_paragraph_with_text_of_its_own_is_a_tip_not_a_title() {
    // `📌 **BOHB** (…) = …` was read as a tip title with no list under it, and skipped. The
    // pin marks the line in the note and is left off the card.
    let d = doc("## **Hyperband**

- SHA의 $n$ 선택 문제를 여러 $n$ 값으로 해결

📌 **BOHB** (Falkner et al., 2018) = Hyperband의 random sampling을 TPE 유사 KDE 모델로 대체 → 빠른 초반 + 좋은 최종 성능

📌 **암기 팁**

- Hyperband = **여러 n으로 SHA**
");
    let fronts: Vec<&str> = d.cards.iter().map(|c| c.front.as_str()).collect();
    assert!(
        fronts
            .iter()
            .any(|f| f.contains("BOHB") && f.contains("KDE") && !f.starts_with('📌')),
        "{fronts:#?}"
    );
    assert!(
        d.skipped
            .iter()
            .all(|s| !s.reason.starts_with("tip heading without")),
        "{:#?}",
        d.skipped
    );
}

#[test]
fn an_aside_in_a_rows_parentheses_names_no_topic() {
    // `eta (learning_rate)` was read as naming the `Learning Rate Range Test` topic, and the
    // XGBoost table was shown under the problem alone: `eta › 기본값` of what?
    let d = doc("### 문항 15

## **7. Learning Rate Range Test**

- 목적: 본격적인 HPO 전에 **learning rate 범위를 빠르게 좁히기**

## **8. 주요 모델별 중요한 하이퍼파라미터**

### 1. 딥러닝 공통

- **Batch size**: 크면 gradient noise ↓

### 2. XGBoost

| Parameter | 의미 | 기본값 |
| --- | --- | --- |
| `eta` (learning_rate) | 각 tree 기여도 축소 (shrinkage) | 0.3 |
| `max_depth` | tree 최대 깊이 | 6 |
");
    let cards = shown(&d);
    assert!(
        cards.contains(
            &"문항 15 › 주요 모델별 중요한 하이퍼파라미터 › XGBoost | eta › 기본값 => 0.3"
                .to_string()
        ),
        "{cards:#?}"
    );
}

#[test]
fn a_bold_run_opening_before_the_pin_does_not_panic() {
    // Found by the hostile-input fuzz: a bold run opening before the `📌` itself.
    let d = doc("**📌 팁** 가 나 다 라 마 바\n\n📌> > > ## 문제 1$$`한국어`\n");
    assert!(d.cards.len() < 10);
}

#[test]
fn a_formula_after_a_labelled_line_naming_its_left_side_goes_on_that_lines_card() {
    // `$$\lambda^* = \arg\min …$$` after `- **HPO**: … 조합 $\lambda^*$를 찾는 문제` was
    // skipped as a loose paragraph.
    let d = doc("## **Hyperparameter vs Parameter**

- **Hyperparameter**: 학습 **전에** 사람이 정해주는 값
- **HPO**: validation 성능이 가장 좋은 조합 $\\lambda^*$를 찾는 문제

$$
\\lambda^* = \\arg\\min_{\\lambda \\in \\Lambda} \\mathcal{L}_{val}
$$

- 특징
    - 목적 함수가 **black-box** → gradient 없음
");
    let card = d
        .cards
        .iter()
        .find(|c| c.front == "Hyperparameter vs Parameter › HPO")
        .unwrap_or_else(|| panic!("{:#?}", d.cards));
    assert!(
        card.back
            .ends_with("\\arg\\min_{\\lambda \\in \\Lambda} \\mathcal{L}_{val}\\]</p>"),
        "{}",
        card.back
    );
}

#[test]
fn a_plain_line_naming_its_nested_list_keeps_its_math_on_the_front() {
    // `- 절차 (reduction factor $\eta$):` over its steps was asked as `… › 절차 (reduction
    // factor \eta)`, raw TeX the card cannot render.
    let d = doc("## **Multi-fidelity 방법**

### 1. Successive Halving (SHA)

- 절차 (reduction factor $\\eta$):
    1. $n$개 configuration을 최소 자원 $r$로 학습
    2. 성능 상위 $1/\\eta$만 남기고 나머지 버림
    3. 남은 것들에 자원을 $\\eta$배로 늘려 다시 학습
    4. 하나 남을 때까지 반복
- 예: $n=81,\\ \\eta=3,\\ r=1$ epoch
    - 81개 × 1 epoch → 27개 × 3 epoch → 9개 × 9 epoch → 3개 × 27 epoch → 1개 × 81 epoch
- **한계**: 초반 순위와 최종 순위가 다르면 좋은 조합을 일찍 버림
    - late bloomer를 놓칠 위험
");
    let fronts: Vec<&str> = d.cards.iter().map(|c| c.front.as_str()).collect();
    assert!(
        fronts.contains(
            &"Multi-fidelity 방법 › Successive Halving › 절차 (reduction factor \\(\\eta\\))"
        ),
        "{fronts:#?}"
    );
}
