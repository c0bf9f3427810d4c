//! Card rules found on notes in the user's style on speech recognition and recommender
//! systems, which the rules had not been tuned on. Each case shows the cards a fragment of
//! such a note makes, as the student reviewing them would read them.

mod common;

use common::{
    assert_fronts, back_of, card_with_front, cards, cloze_fronts, doc, first_cloze_context,
};
use notedeck_parse::CardKind;

#[test]
fn a_sentence_opening_on_another_topic_s_bare_name_stays_under_its_own() {
    // `MFCC 과정에서 …` opens Log-Mel's section: MFCC qualifies the word after it and is no
    // subject (no particle), so the cloze stays under Log-Mel, whose card it is. Shown under
    // MFCC, it read "MFCC = MFCC minus the DCT".
    let d = doc("## MFCC (Mel-Frequency Cepstral Coefficients)

### 개념

- 사람 귀의 주파수 인지 특성(Mel scale)을 반영한 cepstral 특징

## Log-Mel Spectrogram

- MFCC 과정에서 **마지막 DCT만 생략**한 것
- 주파수 축의 국소 구조가 유지됨 → **CNN에 적합**
");
    assert_eq!(first_cloze_context(&d), None, "{:#?}", cards(&d));
    // A subject marked by its particle still takes the card to its topic.
    let d = doc("## MFCC

### 개념

- 사람 귀의 주파수 인지 특성을 반영한 cepstral 특징

## Log-Mel Spectrogram

- MFCC는 **DCT로 차원 간 상관**을 줄인 것
- 주파수 축의 국소 구조가 유지됨 → **CNN에 적합**
");
    assert_eq!(first_cloze_context(&d).as_deref(), Some("문제 9 › MFCC"));
}

#[test]
fn an_opening_bullet_naming_what_was_done_defines_its_topic() {
    // `… 생략한 것` says what Log-Mel is, as `… 만드는 구조` does.
    let d = doc("## Log-Mel Spectrogram

- MFCC 과정에서 마지막 DCT만 생략한 것
- 요즘 E2E ASR 모델의 사실상 표준 입력
");
    assert_eq!(
        back_of(&d, "Log-Mel Spectrogram › 정의"),
        "MFCC 과정에서 마지막 DCT만 생략한 것"
    );
    // A memo of what to do (`다시 볼 것`) defines nothing.
    let d = doc("## Log-Mel Spectrogram

- 논문 그림 다시 볼 것
- 요즘 E2E ASR 모델의 사실상 표준 입력
");
    assert_fronts(
        &d,
        &["Log-Mel Spectrogram › 정의"],
        &["Log-Mel Spectrogram › 핵심 내용"],
    );
    // Nor does a note of what to know (`꼭 알아야 하는 것`).
    let d = doc("## Log-Mel Spectrogram

- 시험에 꼭 알아야 하는 것
- 요즘 E2E ASR 모델의 사실상 표준 입력
");
    assert_fronts(&d, &["Log-Mel Spectrogram › 정의"], &[]);
}

#[test]
fn a_pasted_formula_with_an_accent_shows_only_its_tex() {
    // Notion pastes `\hat{y}` rendered as `y^`, the accent after its base: the card showed
    // the rendering twice, then the TeX without delimiters.
    let d = doc("## FM (Factorization Machine)

### 수식

- 2차 FM 모델:y^(x)=w0+i=1∑nwixi+i=1∑nj=i+1∑n⟨vi,vj⟩xixj
    
    y^(x)=w0+∑i=1nwixi+∑i=1n∑j=i+1n⟨vi,vj⟩xixj\\hat{y}(x) = w_0 + \\sum_{i=1}^{n} w_i x_i + \\sum_{i=1}^{n} \\sum_{j=i+1}^{n} \\langle v_i, v_j \\rangle x_i x_j
    
- $v_i \\in \\mathbb{R}^k$: feature i의 latent vector
");
    let card = card_with_front(&d, "FM › 수식");
    assert_eq!(card.kind, CardKind::Basic);
    assert!(
        card.back.contains(
            "\\[\\hat{y}(x) = w_0 + \\sum_{i=1}^{n} w_i x_i + \\sum_{i=1}^{n} \\sum_{j=i+1}^{n} \\langle v_i, v_j \\rangle x_i x_j\\]"
        ) && !card.back.contains("y^(x)")
            && !card.back.contains("∑"),
        "{}",
        card.back
    );
}

#[test]
fn a_column_named_with_another_method_s_acronym_keeps_it_on_the_front() {
    // `Pointwise (WRMF)`: the acronym names the method the column is about, and `Pointwise ›
    // 최적화` → `ALS` said it of every pointwise method. A name's own acronym still goes
    // (`Model-as-a-Service (MaaS)`), and so does one the answer holds.
    let d = doc("## Implicit Feedback

| 구분 | Pointwise (WRMF) | Pairwise (BPR) | Model-as-a-Service (MaaS) |
| --- | --- | --- | --- |
| **최적화** | ALS | SGD | 서버에서 학습 |
| **손실** | 가중 제곱 오차 (WRMF 목적식) | 순위 차이 기반 BPR loss | 제공자가 관리 |
");
    assert_fronts(
        &d,
        &["Pointwise › 최적화", "Model-as-a-Service (MaaS) › 손실"],
        &[
            "Pointwise (WRMF) › 최적화",
            "Pairwise (BPR) › 최적화",
            "Pointwise › 손실",
            "Pairwise › 손실",
            "Model-as-a-Service › 손실",
        ],
    );
}

#[test]
fn a_row_two_subjects_answer_alike_is_one_card_of_both() {
    // `공통 한계` is one fact of both kinds of CF: two cards with the same answer asked it
    // twice, each as if it were that kind's own.
    let d = doc("## CF

| 구분 | User-based CF | Item-based CF |
| --- | --- | --- |
| **유리한 상황** | 아이템 수 ≫ 사용자 수 | 사용자 수 ≫ 아이템 수 |
| **공통 한계** | 희소성, cold start, 확장성 | 희소성, cold start, 확장성 |
");
    assert_fronts(
        &d,
        &["User-based CF › 공통 한계", "Item-based CF › 공통 한계"],
        &[
            "User-based CF / Item-based CF › 공통 한계",
            "User-based CF › 유리한 상황",
            "Item-based CF › 유리한 상황",
        ],
    );
    assert_eq!(
        back_of(&d, "User-based CF / Item-based CF › 공통 한계"),
        "희소성, cold start, 확장성"
    );
}

#[test]
fn an_example_worked_out_on_one_line_under_a_facet_is_an_exercise() {
    // `평가 지표 › NDCG › 예시` showed the givens and the result on the back, behind a front
    // that asked nothing; MAP's was left out as made-up numbers. Each is a cloze of its
    // working now, its givens shown, a formula among them whole.
    let d = doc("## 평가 지표

### NDCG (Normalized Discounted Cumulative Gain)

- **위에 있을수록 더 큰 점수**, 아래 순위는 로그로 할인(discount)

$$
\\text{DCG@}K = \\sum_{i=1}^{K} \\frac{rel_i}{\\log_2(i+1)}, \\qquad \\text{NDCG@}K = \\frac{\\text{DCG@}K}{\\text{IDCG@}K}
$$

- IDCG: 이상적인 순서일 때의 DCG → 0~1 사이
- **예시**: 정답 1개가 3위 → DCG = $1/\\log_2 4 = 0.5$, IDCG = 1 → NDCG = 0.5

### MAP (Mean Average Precision)

- $\\text{AP@}K = \\frac{1}{\\min(|\\text{Rel}_u|, K)} \\sum_{k=1}^{K} \\text{Precision@}k \\cdot \\text{rel}(k)$, MAP = 사용자별 AP 평균
- **예시**: 정답 2개, 추천 [O, X, O] (K=3) → AP = (1/1 + 2/3) / 2 ≈ 0.833
- 참고: **MRR (Mean Reciprocal Rank)** = 첫 정답 순위의 역수 평균
");
    let clozes = cloze_fronts(&d);
    for want in [
        // Its steps would give the result away: all after the givens is hidden.
        "정답 1개가 3위 → {{c1::DCG = \\(1/\\log_2 4 = 0.5\\), IDCG = 1 → NDCG = 0.5}}",
        "정답 2개, 추천 [O, X, O] (K=3) → AP = {{c1::(1/1 + 2/3) / 2 ≈ 0.833}}",
    ] {
        assert!(clozes.iter().any(|c| c == want), "{want}: {:#?}", cards(&d));
    }
    assert_fronts(&d, &["평가 지표 › NDCG › 예시"], &[]);
}

#[test]
fn an_answer_line_s_reasons_go_to_the_choices_they_name() {
    // `→ 정답: (2) — (1) …, (3) …, (4)는 …`: the chosen choice's card showed the reasons the
    // others are wrong, and theirs showed none.
    let d = doc("추천 시스템 모델 관련 설명으로 옳은 것 고르기

(1) User-based CF는 사용자 간 유사도가 잘 변하지 않으므로 유사도를 한 번만 계산해 두면 된다
(2) Item-based CF는 아이템 간 관계가 비교적 안정적이라 유사도를 offline으로 미리 계산해 둘 수 있다
(3) Matrix Factorization은 아이템의 텍스트·이미지 속성이 반드시 있어야 학습할 수 있다
(4) Content-based Filtering은 다른 사용자들의 행동 데이터만으로 추천한다

→ 정답: (2)  — (1) 사용자 취향은 자주 변해서 재계산 필요, (3) MF는 상호작용 행렬만 있으면 됨, (4)는 CF 설명임
");
    let back = |part: &str| common::back_holding(&d, part);
    assert_eq!(
        back("한 번만 계산해"),
        "X — 사용자 취향은 자주 변해서 재계산 필요"
    );
    assert_eq!(back("offline으로 미리"), "O");
    assert_eq!(
        back("텍스트·이미지 속성"),
        "X — MF는 상호작용 행렬만 있으면 됨"
    );
    assert_eq!(back("행동 데이터만으로"), "X — CF 설명임");
}

#[test]
fn a_tip_ending_on_advice_is_carded_without_it() {
    // `→ 헷갈리지 말기!!` says how to study the line: hidden with the fact, it was part of the
    // answer.
    let d = doc("## Sequential Recommendation

- **GRU4Rec**: 세션 클릭 시퀀스를 GRU로 모델링

📌 SASRec = 단방향(causal) / BERT4Rec = 양방향(mask 맞히기) → 헷갈리지 말기!!
");
    let clozes = cloze_fronts(&d);
    assert!(
        clozes.iter().any(
            |c| c == "SASRec = {{c1::단방향(causal)}} / BERT4Rec = {{c1::양방향(mask 맞히기)}}"
        ),
        "{:#?}",
        cards(&d)
    );
    // So is a 📌 bullet's.
    let d = doc("## Sequential Recommendation

- **GRU4Rec**: 세션 클릭 시퀀스를 GRU로 모델링
- 📌 SASRec = 단방향(causal) / BERT4Rec = 양방향(mask 맞히기) → 헷갈리지 말기!!
");
    assert!(
        cloze_fronts(&d).iter().any(
            |c| c == "SASRec = {{c1::단방향(causal)}} / BERT4Rec = {{c1::양방향(mask 맞히기)}}"
        ),
        "{:#?}",
        cards(&d)
    );
    // A line with nothing to hide before its advice is no card, as advice.
    let d = doc("## Sequential Recommendation

- **GRU4Rec**: 세션 클릭 시퀀스를 GRU로 모델링

📌 SASRec, BERT4Rec 방향 → 헷갈리지 말기!!
");
    assert!(cloze_fronts(&d).is_empty(), "{:#?}", cards(&d));
}

#[test]
fn a_default_slip_after_a_split_facet_s_formula_leaves_its_card() {
    // `**예측 수식 (bias 포함)**:`, its formula and the list after it are one card of the
    // facet; the list's `n_factors=50` contradicts the defaults table's `100`. The card
    // spanned only its label's line, so the line stating the slip was not found in it, and
    // the card taught the slip.
    let d = doc("## MF (Matrix Factorization)

### 2. SVD (Singular Value Decomposition) 기반 MF

- 선형대수의 진짜 SVD($R = U \\Sigma V^\\top$)는 **결측값이 있으면 바로 적용 불가**
- 그래서 추천에서 말하는 \"SVD\"는 보통 **Funk SVD** → 관측된 평점에 대해서만 loss 계산, **SGD**로 학습
- **예측 수식 (bias 포함)**:

$$
\\hat{r}_{ui} = \\mu + b_u + b_i + q_i^\\top p_u
$$

- **목적 함수**: $\\min \\sum_{(u,i) \\in \\mathcal{K}} (r_{ui} - \\hat{r}_{ui})^2 + \\lambda (b_u^2 + b_i^2 + \\|p_u\\|^2 + \\|q_i\\|^2)$
- **SGD 업데이트** ($e_{ui} = r_{ui} - \\hat{r}_{ui}$, $\\gamma$: 학습률)
    - $p_u \\leftarrow p_u + \\gamma (e_{ui} \\cdot q_i - \\lambda p_u)$
    - $q_i \\leftarrow q_i + \\gamma (e_{ui} \\cdot p_u - \\lambda q_i)$
- `surprise` 라이브러리의 `SVD`가 바로 이 방식 → 기본값 `n_factors=50`, `biased=True`
- 확장: **SVD++** (Koren, 2008) → \"어떤 아이템을 평가했는지\" 자체(implicit 정보)를 추가 반영

## 라이브러리


| 라이브러리 | 주 용도 | 대표 클래스 | 주요 기본값 |
| --- | --- | --- | --- |
| **implicit** | implicit feedback | `AlternatingLeastSquares` | `factors=100`, `regularization=0.01`, `iterations=15` |
| **surprise** | explicit 평점 예측 | `SVD` | `n_factors=100`, `n_epochs=20`, `lr_all=0.005`, `reg_all=0.02` |
");
    let back = back_of(
        &d,
        "MF › SVD (Singular Value Decomposition) 기반 MF › 예측 수식 (bias 포함)",
    );
    assert!(
        back.contains("SGD 업데이트") && !back.contains("n_factors=50"),
        "{back}"
    );
    common::assert_skipped(&d, |why| {
        why.contains("left out of its card until it is settled")
    });
}

#[test]
fn a_count_a_table_contradicts_waits_on_both_sides() {
    // DeepFM's bullet says `총 3개` over its two components, the table `2개 (FM + Deep)`:
    // the checker reports the conflict, and the bullet's card taught the slip.
    let d = doc("## **6. DeepFM**

- Huawei, 2017 (Guo et al.) — Wide & Deep의 **Wide part를 FM으로 교체** → 수작업 cross feature 불필요
- **구성요소**: 총 **3개**
    1. **FM component**: 1차 + 2차 상호작용 (저차)
    2. **Deep component**: MLP로 고차 상호작용
- 두 component가 **같은 embedding layer를 공유**, pre-training 불필요
- **출력**: $\\hat{y} = \\sigma(y_{FM} + y_{DNN})$

| 항목 | FM | Wide & Deep | DeepFM |
| --- | --- | --- | --- |
| **구성요소 수** | 1개 (FM) | 2개 (Wide + Deep) | 2개 (FM + Deep) |
| **고차 상호작용** | X | O (Deep) | O (Deep) |
| **feature engineering** | 불필요 | 필요 (Wide) | 불필요 |
| **embedding 공유** | - | X | O |
");
    assert!(
        d.cards.iter().all(|c| !c.back.contains("3개")),
        "{:#?}",
        cards(&d)
    );
    common::assert_skipped(&d, |why| {
        why.contains("where a table cell says 2개 (FM + Deep)") && why.contains("settle it")
    });
}

#[test]
fn a_count_of_the_parts_a_name_is_made_of_is_no_card() {
    // `Wide & Deep › 구성요소 수` → `2개 (Wide + Deep)`: the name says both the count and the
    // parts. A count whose parts the name does not hold stays.
    let d = doc("## 추천 모델

| 항목 | FM | Wide & Deep | DIN |
| --- | --- | --- | --- |
| **구성요소 수** | 1개 (FM) | 2개 (Wide + Deep) | 2개 (Attention + MLP) |
| **주 용도** | 희소 feature 상호작용 | 기억 + 일반화 | 후보 검색 (retrieval) |
");
    assert_fronts(
        &d,
        &["FM › 구성요소 수", "Wide & Deep › 구성요소 수"],
        &["DIN › 구성요소 수"],
    );
}
