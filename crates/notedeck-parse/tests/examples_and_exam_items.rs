//! Card rules found on two more notes in the user's style (clustering, reinforcement-learning
//! algorithms): worked examples that titles name only as examples, and exam items. Each case
//! shows the cards a fragment makes, as the student reviewing them would read them.

mod common;

use common::{assert_fronts, assert_skipped, cards, doc};

#[test]
fn an_example_section_working_sums_out_is_no_card_up_to_its_last_sum() {
    // A toy K-Means run: its data, a table of assignments and centres, the final inertia.
    // Asked without the data, `반복 = 1 › 할당 결과` could not be answered.
    let d = doc("## **1. K-Means**

### 2. 알고리즘

- 시간 복잡도: $O(n \\cdot k \\cdot d \\cdot t)$ (n: 샘플 수, d: 차원, t: 반복 횟수)

### 4. 간단 예시 (1차원, k=2)

데이터: $\\{1, 2, 3, 8, 9, 10\\}$, 초기 중심 $\\mu_1 = 1,\\ \\mu_2 = 4$

| 반복 | 할당 결과 | 새 중심 |
| --- | --- | --- |
| 1 | $C_1=\\{1,2\\}$, $C_2=\\{3,8,9,10\\}$ | $\\mu_1=1.5$, $\\mu_2=30/4=7.5$ |
| 2 | $C_1=\\{1,2,3\\}$, $C_2=\\{8,9,10\\}$ | $\\mu_1=2$, $\\mu_2=9$ |

- 최종 inertia $= (1-2)^2 + 0 + (3-2)^2 + (8-9)^2 + 0 + (10-9)^2 = 4$
");
    assert_fronts(
        &d,
        &[
            "K-Means › 간단 예시",
            "반복 = 1 › 할당 결과",
            "반복 = 2 › 새 중심",
        ],
        &[],
    );
    assert!(
        cards(&d).iter().all(|c| !c.contains("inertia")),
        "{:#?}",
        cards(&d)
    );
    assert_skipped(&d, |why| why.contains("made up"));
}

#[test]
fn an_exercise_titled_by_what_it_works_out_leaves_the_table_after_its_sums() {
    // `예제:` over one Q-learning and one SARSA update in made-up numbers, then the two
    // methods compared in general: the comparison is still asked.
    let d = doc("## **5. SARSA**

### 예제: 한 번 업데이트 비교

- $Q(s,a) = 2$, $\\alpha = 0.1$, $r = 1$, $\\gamma = 0.9$, $\\max_{a'} Q(s',a') = 5$
- **Q-Learning**: target $= 1 + 0.9 \\cdot 5 = 5.5$ → $Q = 2 + 0.1 \\cdot 3.5 = 2.35$
- **SARSA**: target $= 1 + 0.9 \\cdot 3 = 3.7$ → $Q = 2 + 0.1 \\cdot 1.7 = 2.17$

| 항목 | Q-Learning | SARSA |
| --- | --- | --- |
| **정책 구분** | Off-policy | On-policy |
| **학습하는 가치** | 최적 정책의 $Q^*$ | 현재 정책의 $Q^\\pi$ |
");
    let fronts = cards(&d);
    assert!(
        fronts
            .iter()
            .all(|c| !c.contains("2.35") && !c.contains("업데이트 비교 →")),
        "{fronts:#?}"
    );
    assert!(
        fronts.iter().any(|c| c.contains("정책 구분")),
        "{fronts:#?}"
    );
    // Shown above both topics: the example's title (`… 비교`) read as the table's own
    // comparison, and so the context, told of an update in made-up numbers.
    let cell = d
        .cards
        .iter()
        .find(|c| c.front.contains("정책 구분"))
        .expect("the comparison is carded");
    assert!(
        cell.context_path().iter().all(|h| !h.contains("예제")),
        "{:?}",
        cell.context_path()
    );
}

#[test]
fn a_label_naming_an_example_over_sums_is_no_card() {
    // PPO's clipping shown in two made-up cases: the front `PPO › clip 예시` gave no numbers
    // to work from.
    let d = doc("## **13. PPO (Proximal Policy Optimization)**

- **핵심 아이디어**: KL 제약을 **clipping**으로 대체
- **clip 예시** ($\\epsilon = 0.2$ → 허용 구간 $[0.8, 1.2]$)
    - $\\hat{A} = +2$, $r = 1.5$: $\\min(3.0,\\ 1.2 \\times 2 = 2.4) = 2.4$ → 더 안 키움
    - $\\hat{A} = -2$, $r = 0.5$: $\\min(-1.0,\\ 0.8 \\times (-2) = -1.6) = -1.6$ → 더 안 줄임
");
    assert_fronts(&d, &["PPO › clip 예시"], &["PPO › 핵심 아이디어"]);
}

#[test]
fn exam_statements_with_their_verdicts_are_asked_true_or_false() {
    // An exam's choices copied with their verdicts: the cloze hid `(O) ← 정답`, or the
    // correction that the visible `(X)` gave away, and two verdicts with nothing to hide
    // went to a `핵심 내용` card.
    let d = doc("### 문항3

군집화(Clustering) 알고리즘 관련 설명으로 옳은 것 고르기

- K-Means는 군집 개수 k를 미리 정해야 하고, 초기 중심에 따라 결과가 달라질 수 있다 → **(O) ← 정답**
- DBSCAN은 군집 개수를 미리 정해야 한다 → (X), eps와 min_samples만 정하면 군집 수는 자동으로 결정됨
- DBSCAN은 밀도가 서로 크게 다른 군집들도 eps 하나로 잘 찾아낸다 → (X), 밀도 차이 크면 약함 → HDBSCAN
");
    assert_eq!(
        cards(&d)
            .iter()
            .filter(|c| c.contains("(O/X)"))
            .cloned()
            .collect::<Vec<_>>(),
        [
            "basic | 역량평가 정리::문항 3 | K-Means는 군집 개수 k를 미리 정해야 하고, 초기 중심에 따라 결과가 달라질 수 있다 (O/X) => O",
            "basic | 역량평가 정리::문항 3 | DBSCAN은 군집 개수를 미리 정해야 한다 (O/X) => X — eps와 min_samples만 정하면 군집 수는 자동으로 결정됨",
            "basic | 역량평가 정리::문항 3 | DBSCAN은 밀도가 서로 크게 다른 군집들도 eps 하나로 잘 찾아낸다 (O/X) => X — 밀도 차이 크면 약함 → HDBSCAN",
        ]
    );
    assert!(
        cards(&d).iter().all(|c| !c.contains("{{c1::")),
        "{:#?}",
        cards(&d)
    );
}

#[test]
fn a_case_told_under_a_topic_leaves_the_topics_table_of_defaults_carded() {
    // `## 실무 사례` after a library's table of defaults is read as a facet of the library's
    // topic; its past-tense story made the table above it "one narrated case's record".
    let d = doc("## **17. Stable-Baselines3 (SB3) 사용법**

| 함수 | 인자 | 기본값 | 메모 |
| --- | --- | --- | --- |
| `PPO` | `n_steps` | 2048 | 환경당 |
| `DQN` | `train_freq` | 4 | 4 step마다 학습 |

## 실무 사례

처음엔 DQN을 붙였는데 학습 곡선이 계속 출렁였다. PPO로 바꾸니 수렴이 훨씬 빨라졌다. `ent_coef=0.01`을 줬더니 풀렸다.
");
    let listed = cards(&d);
    assert!(
        listed
            .iter()
            .any(|c| c.contains("n_steps") && c.contains("2048")),
        "{listed:#?}"
    );
    assert!(
        !d.skipped.iter().any(|s| s.reason.contains("narrated case")),
        "{:#?}",
        d.skipped
    );
}

#[test]
fn a_bold_name_over_its_formula_inside_the_bullet_asks_the_formula() {
    // No blank line between the bullet and `$$…$$`: the formula is the bullet's, and its
    // cloze hid the equation's name with the equation in sight.
    let d = doc("## **2. Bellman Equation**

- **핵심 아이디어**: 현재 가치 = 즉시 보상 + 할인된 다음 상태 가치 (재귀 구조)
- **Bellman Expectation Equation** (정책 $\\pi$ 고정)
$$V^\\pi(s) = \\sum_a \\pi(a|s) \\sum_{s'} P(s'|s,a)\\big[R(s,a,s') + \\gamma V^\\pi(s')\\big]$$
- **Bellman Optimality Equation**
$$Q^*(s,a) = \\sum_{s'} P(s'|s,a)\\big[R(s,a,s') + \\gamma \\max_{a'} Q^*(s',a')\\big]$$
");
    assert_fronts(
        &d,
        &[],
        &[
            "Bellman Equation › Bellman Expectation Equation (정책 \\(\\pi\\) 고정)",
            "Bellman Equation › Bellman Optimality Equation",
        ],
    );
    let card = d
        .cards
        .iter()
        .find(|c| c.front.ends_with("Bellman Optimality Equation"))
        .expect("carded");
    assert!(card.back.starts_with("\\[Q^*(s,a)"), "{}", card.back);
    assert!(
        common::cloze_fronts(&d).is_empty(),
        "{:#?}",
        common::cloze_fronts(&d)
    );
}

#[test]
fn a_case_from_practice_is_no_part_of_the_topic_before_it() {
    // The story after a library's defaults, titled by a bold line or a heading of the
    // topics' level: its lesson was filed under `sklearn 기본값 정리`.
    for title in ["**실무 사례: 이커머스 고객 세분화**", "## 실무 사례"] {
        let d = doc(&format!(
            "## **11. sklearn 기본값 정리**

- `KMeans`의 `n_init` 기본값은 **'auto'**

{title}

RFM feature 3개로 고객을 군집화했음. silhouette은 k = 4에서 가장 높았음.

- 교훈: 지표 숫자만 보지 말고 **군집별 중심(평균 프로필)을 해석**해야 실제로 쓸 수 있음
"
        ));
        let lesson = d
            .cards
            .iter()
            .find(|c| c.front.contains("교훈"))
            .expect("the lesson is carded");
        assert!(
            lesson
                .context_path()
                .iter()
                .all(|h| !h.contains("기본값 정리")),
            "{title}: {:?}",
            lesson.context_path()
        );
    }
}

#[test]
fn a_tip_about_one_name_restates_no_card_of_another() {
    // `PPO는 … 여전히 **on-policy**로 분류` was dropped as saying again SAC's `off-policy`
    // card, and `LN = **샘플 하나 안에서** 정규화` as saying again BN's normalisation axis.
    let d = doc("## **1. Batch Normalization (BN)**

- **정규화 축**: 미니배치 차원 (같은 특징/채널에 대해 배치 안 샘플들의 평균·분산 사용)

## **2. SAC (Soft Actor-Critic)**

- **개념**: **off-policy** actor-critic + **최대 엔트로피(maximum entropy)** RL

📌 **암기 팁**

- LN = **샘플 하나 안에서** 정규화 → Transformer, 배치 무관
- PPO는 ratio로 old policy 보정을 하지만 여전히 **on-policy**로 분류
");
    let clozes = common::cloze_fronts(&d);
    for kept in ["LN = ", "PPO는 ratio로"] {
        assert!(
            clozes.iter().any(|c| c.starts_with(kept)),
            "{kept}: {clozes:#?}"
        );
    }
}

#[test]
fn an_exams_numbered_choices_with_the_answer_after_them_are_asked_true_or_false() {
    // `틀린 것 고르기` over four choices and `→ 정답 3 (…)`: the choices went to a `핵심 내용`
    // card that taught the wrong one as a fact. Verdicts said in words are read too.
    let d = doc("### 문항5

문장 임베딩 기법 관련 설명으로 틀린 것 고르기

1. 단어 벡터 평균은 단어 순서를 반영하지 못한다
2. SIF는 빈도가 높은 단어일수록 가중치를 작게 준다
3. Sentence-BERT는 두 문장을 이어 붙여 BERT에 한 번에 넣고 유사도를 계산한다

→ 정답 3 (그건 cross-encoder, SBERT는 문장별로 **따로** 인코딩하는 bi-encoder)

### 문항6

- cosine similarity는 벡터 길이(norm)가 커질수록 커진다 → **틀림** (방향만 봄)
");
    let asked: Vec<String> = cards(&d)
        .into_iter()
        .filter(|c| c.contains("(O/X)"))
        .collect();
    let back = |start: &str| {
        asked
            .iter()
            .find(|c| c.contains(start))
            .map(|c| c.rsplit(" => ").next().unwrap_or("").to_string())
            .unwrap_or_else(|| panic!("{start}: {asked:#?}"))
    };
    assert_eq!(back("단어 벡터 평균은"), "O");
    assert_eq!(back("SIF는"), "O");
    assert_eq!(
        back("Sentence-BERT는"),
        "X — 그건 cross-encoder, SBERT는 문장별로 <b>따로</b> 인코딩하는 bi-encoder"
    );
    assert_eq!(back("cosine similarity는"), "X — 방향만 봄");
    assert!(
        !cards(&d).iter().any(|c| c.contains("핵심 내용")),
        "{:#?}",
        cards(&d)
    );
}

#[test]
fn a_methods_labels_parted_by_its_formula_are_its_facets() {
    // `### 1. CBOW` with `개념`, its formula, then `장점` and `단점`: one card held all four,
    // behind a front naming only the method. A titled example line is no cloze.
    let d = doc("## **2. Word2Vec**

### 1. CBOW (Continuous Bag-of-Words)

- **개념**: 주변 단어(context)들의 벡터를 **평균** → **중심 단어** 예측

$$
h = \\frac{1}{2m}\\sum_{-m \\le j \\le m,\\ j \\ne 0} v_{w_{t+j}}
$$

- **장점**: 학습 빠름, 빈도 높은 단어에서 약간 더 좋은 정확도
- **단점**: 평균내므로 순서 정보 사라짐, 희귀 단어 표현 약함
- 학습 쌍 예시 (window=2, \"the cat sat on the mat\", 중심 \"sat\") → (sat, the), (sat, cat)
");
    assert_fronts(
        &d,
        &["Word2Vec › CBOW"],
        &[
            "Word2Vec › CBOW › 개념",
            "Word2Vec › CBOW › 장점",
            "Word2Vec › CBOW › 단점",
        ],
    );
    assert!(
        common::cloze_fronts(&d).is_empty(),
        "{:#?}",
        common::cloze_fronts(&d)
    );
}

#[test]
fn quotes_framing_tip_pairs_close_outside_the_deletions() {
    // Each pair quoted whole, cue and value: the first deletion took the quote closing its
    // pair (`{{c1::Off"}}`). A tip ending on how hard it is to keep apart hid that remark.
    let d = doc("## **15. On-policy vs Off-policy**

- **정의**: 데이터를 만든 정책과 학습하는 정책이 같은지

📌 **암기 팁**

- \"버퍼에 쌓아두고 재활용 → Off\", \"쓰고 바로 버림 → On\"
- `predict`는 기본 stochastic, `evaluate_policy`는 기본 deterministic → 헷갈리기 쉬움
");
    let clozes = common::cloze_fronts(&d);
    assert!(
        clozes
            .iter()
            .any(|c| c.contains("→ {{c1::Off}}&quot;, &quot;쓰고 바로 버림 → {{c1::On}}&quot;")),
        "{clozes:#?}"
    );
    assert!(
        clozes.iter().all(|c| !c.contains("헷갈리기")),
        "{clozes:#?}"
    );
    assert_skipped(&d, |why| why.contains("how to study"));
}

#[test]
fn a_labelled_line_ending_on_a_colon_takes_the_formula_after_its_list() {
    // `**ELMo 벡터** = … 가중합:` over the formula: the line's card ended on its colon, and the
    // formula went to a vague `ELMo › 수식`.
    let d = doc("## **7. ELMo (Embeddings from Language Models)**

- **핵심 아이디어**: 문장 전체를 보고 **토큰마다 다른 벡터** 생성
- **ELMo 벡터** = 모든 층 은닉 상태의 **task별 가중합**:

$$
\\text{ELMo}_k^{task} = \\gamma^{task} \\sum_{j=0}^{L} s_j^{task} \\, \\mathbf{h}_{k,j}^{LM}
$$
");
    assert_fronts(&d, &["ELMo › 수식"], &["ELMo › ELMo 벡터"]);
    let back = common::back_of(&d, "ELMo › ELMo 벡터");
    assert!(back.contains("\\gamma^{task}"), "{back}");
}

#[test]
fn a_default_the_table_of_defaults_contradicts_waits_on_both_sides() {
    // The bullet said `4`, the table `5`: the table's card waited and the bullet's taught the
    // slip. Which one the note got wrong is the student's to settle; neither is asked.
    let d = doc("## **2. Word2Vec**

- `window`: 중심 단어 좌우로 볼 최대 거리, gensim 기본값 10

## **12. 기본값 정리**

| 함수 | 인자 | 기본값 | 메모 |
| --- | --- | --- | --- |
| `Word2Vec` | `window` | `5` | 좌우 최대 거리 |
");
    assert!(
        cards(&d).iter().all(|c| !c.contains("window")),
        "{:#?}",
        cards(&d)
    );
    assert_skipped(&d, |why| {
        why.contains("where a table cell says") && why.contains("conflicting-claim")
    });
}

#[test]
fn a_thing_named_in_bold_over_its_labelled_facets_is_asked_facet_by_facet() {
    // `- **One-hot Encoding**` over its definition and `- **단점**` with a numbered list: one
    // card held them all behind a front naming only the thing.
    let d = doc("## **1. One-hot vs Distributed Representation**

- **One-hot Encoding**
    - 단어 집합 크기 V만큼의 차원, 해당 단어 인덱스만 1, 나머지 0
    - **단점**
        1. 차원 = V → vocabulary 커지면 차원 폭발 (sparse)
        2. 서로 다른 두 단어 벡터는 항상 직교 → 의미 유사도 표현 불가
- **Distributed Representation (분산 표현)**
    - 단어 의미를 저차원 **dense** 실수 벡터의 여러 차원에 나눠서(분산) 표현
    - **장점**: 유사도 계산 가능, 벡터 연산으로 의미 관계 표현
");
    assert_fronts(
        &d,
        &[],
        &[
            "One-hot vs Distributed Representation › One-hot Encoding",
            "One-hot vs Distributed Representation › One-hot Encoding › 단점",
            "One-hot vs Distributed Representation › Distributed Representation (분산 표현) › 장점",
        ],
    );
    let own = common::back_of(
        &d,
        "One-hot vs Distributed Representation › One-hot Encoding",
    );
    assert!(!own.contains("단점") && own.contains("나머지 0"), "{own}");
}

#[test]
fn interview_questions_closing_the_note_are_no_part_of_the_last_problem() {
    // `## 면접 Q&A` after the last problem's topics (the problems' headings a level below):
    // its answers were filed in that problem's deck.
    let d = doc("## **1. Q-Learning**

- **개념**: model-free, off-policy TD control

## 면접 Q&A

**Q1. Q-Learning은 왜 off-policy인가요?**

- target을 계산할 때 실제 행동이 아니라 greedy 정책의 $\\max_{a'} Q$를 쓰기 때문
");
    let answer = d
        .cards
        .iter()
        .find(|c| c.front.contains("off-policy인가요"))
        .expect("the interview question is carded");
    assert_eq!(answer.deck.join("::"), "역량평가 정리", "{:?}", answer.deck);
    let concept = d
        .cards
        .iter()
        .find(|c| c.front.contains("개념"))
        .expect("the topic is carded");
    assert_eq!(concept.deck.join("::"), "역량평가 정리::문제 9");
}

#[test]
fn degrees_qualified_a_little_are_asked_side_by_side_and_a_name_ending_its_answer_is_no_card() {
    // `약간 낮음` was no degree, so `Bi-encoder › 정확도` asked "lower" compared with nothing;
    // `평균 › 핵심` → `산술 평균` gave itself away.
    let d = doc("## **9. Sentence-BERT**

| 항목 | Cross-encoder (BERT) | Bi-encoder (SBERT) |
| --- | --- | --- |
| **정확도** | 더 높음 (문장 간 attention) | 약간 낮음 |
| **용도** | re-ranking | 검색(retrieval), clustering |

| 방법 | 학습 필요 | 핵심 |
| --- | --- | --- |
| **평균** | X | 산술 평균 |
| **SIF** | X (단어 빈도만) | 빈도 가중 + 공통 성분 제거 |
");
    assert_fronts(
        &d,
        &["Bi-encoder (SBERT) › 정확도", "평균 › 핵심"],
        &[
            "Cross-encoder (BERT) / Bi-encoder (SBERT) › 정확도",
            "SIF › 핵심",
        ],
    );
}

#[test]
fn worked_examples_titled_by_an_aside_or_a_bold_example_over_its_sum_are_no_cards() {
    // `(worked example)` only in the heading's aside, its values in a table keyed by numbers,
    // then the scalers compared in general; and `**예시 (m = 2)**` working out a mean over a
    // table of made-up categories.
    let d = doc("## **1. Scaling**

### 4. 작은 숫자로 직접 계산해보기 (worked example)
x = [1, 2, 3, 4, 100] (100이 이상치)
- **Standard**: $\\mu = 110/5 = 22$
- **MinMax**: min = 1, max = 100 → 분모 99

| 원래 값 | Standard | MinMax |
| --- | --- | --- |
| 1 | -0.54 | 0.000 |
| 100 | 2.00 | 1.000 |

| 항목 | StandardScaler | RobustScaler |
| --- | --- | --- |
| **중심** | 평균 | 중앙값 |

## **2. Target Encoding**

- **개념**: 범주를 그 범주의 target 평균으로 바꿈

**예시 (m = 2)**, 전체 8개 중 y=1이 4개 → $\\bar{y} = 4/8 = 0.5$

| 범주 | y 값 | smoothing 후 |
| --- | --- | --- |
| A | 1, 1, 0 | 0.600 |
| B | 1 | 0.667 |
");
    assert_fronts(
        &d,
        &[
            "Scaling › 작은 숫자로 직접 계산해보기 › Standard",
            "Standard › 1",
            "A › y 값",
            "B › smoothing 후",
        ],
        &["StandardScaler › 중심", "RobustScaler › 중심"],
    );
}

#[test]
fn an_exams_choices_marked_with_bare_letters_are_asked_true_or_false() {
    // `→ O` and `→ **X (정답)**, …` after each choice: clozes hid the parameter's name, or the
    // statement with its `→ O`, and a choice with nothing to hide went to a `핵심 내용` card.
    let d = doc("### 문항5
범주형 변수 인코딩 관련 설명으로 틀린 것 고르기
1. OneHotEncoder의 `handle_unknown` 기본값은 `'error'`이다 → O
2. OrdinalEncoder는 기본적으로 범주를 사전순으로 정렬해 번호를 매긴다 → O
3. Target encoding은 split 전에 전체 데이터로 계산해야 일관된다 → **X (정답)**, split 후 train으로만
");
    let asked: Vec<String> = cards(&d)
        .into_iter()
        .filter(|c| c.contains("(O/X)"))
        .collect();
    assert_eq!(asked.len(), 3, "{:#?}", cards(&d));
    assert!(
        asked
            .iter()
            .any(|c| c.ends_with("(O/X) => X — split 후 train으로만")),
        "{asked:#?}"
    );
    assert!(common::cloze_fronts(&d).is_empty(), "{:#?}", cards(&d));
}

#[test]
fn a_facets_example_line_over_sums_of_negative_numbers_is_no_card() {
    // Beam search worked out in log probabilities: `-0.4 + -0.3 = -0.7` is a sum too, and
    // `예시 (k = 2)` only says it is an example. Asked as `Beam Search › 예시 (k = 2)`, the
    // made-up scores were the answer.
    let d = doc("## **7. seq2seq (Sequence-to-Sequence) Encoder–Decoder**

### 3. Beam Search

**정의**: 디코딩 시 매 시점 상위 $k$개(beam width) 후보 시퀀스를 유지하는 탐색

- $k = 1$ → **greedy decoding**과 동일
- **예시 (k = 2)**
    1. t=1: 후보 {\"I\": -0.4, \"We\": -0.9} → 상위 2개 \"I\", \"We\" 유지
    2. t=2: \"I am\" (-0.4 + -0.3 = -0.7), \"We are\" (-0.9 + -0.2 = -1.1) → \"I am\", \"We are\" 유지
");
    assert!(
        cards(&d)
            .iter()
            .all(|c| !c.contains("-0.7") && !c.contains("예시")),
        "{:#?}",
        cards(&d)
    );
    assert!(
        cards(&d).iter().any(|c| c.contains("greedy decoding")),
        "{:#?}",
        cards(&d)
    );
    assert_skipped(&d, |why| why.contains("made up"));
}

#[test]
fn a_list_working_out_an_examples_givens_is_no_card() {
    // `**예시**: p-values … = 0.001, 0.008, …` over each correction worked out on them:
    // asked as `다중 검정 보정 › Bonferroni` → `기준 0.05/5 = 0.01 → … 2개 기각`, the card
    // hid a count no front could give.
    let d = doc("## **6. 다중 검정 보정 (Multiple Testing)**

- FWER (Family-Wise Error Rate): 거짓 양성이 **하나라도** 나올 확률

**예시**: p-values (m = 5, α = 0.05) = 0.001, 0.008, 0.020, 0.035, 0.300

- **Bonferroni**: 기준 0.05/5 = 0.01 → 0.001, 0.008 → **2개 기각**
- **BH**: 기준 k/5 × 0.05 = 0.01, 0.02, 0.03, 0.04, 0.05
    - 0.001 ✔, 0.008 ✔, 0.020 ✔, 0.035 ✔, 0.300 > 0.05 ✘ → **4개 기각**
");
    let all = cards(&d);
    assert!(all.iter().all(|c| !c.contains("기각")), "{all:#?}");
    assert!(all.iter().any(|c| c.contains("FWER")), "{all:#?}");
    assert_skipped(&d, |why| why.contains("made up"));
}
