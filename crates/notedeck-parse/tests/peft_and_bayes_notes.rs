//! Card rules found on two notes in the user's style that the rules had not been tuned on
//! (parameter-efficient fine-tuning, Bayesian machine learning). Each case shows the cards a
//! fragment of such a note makes, as the student reviewing them would read them.

mod common;

use common::{assert_fronts, doc};

#[test]
fn a_title_naming_its_korean_parts_lists_none_of_them() {
    // `### 2. 초기화 / scaling` over `**초기화**` and `**scaling ($\alpha / r$)**`: its card
    // answered with the two names and nothing else, each part being a card of its own.
    let d = doc("## **1. LoRA (Low-Rank Adaptation)**

### 2. 초기화 / scaling

- **초기화**
    - 논문: $A$ ~ random Gaussian, $B = 0$ → 시작 시 $\\Delta W = BA = 0$ → 원래 모델과 **같은 출력**에서 출발
    - peft 기본 (`init_lora_weights=True`): A는 Kaiming-uniform, B는 0
    - A, B 둘 다 0이면? → 서로의 gradient가 0이 돼서 학습이 안 됨
- **scaling ($\\alpha / r$)**
    - Adam 기준 α 튜닝 ≈ learning rate 튜닝과 비슷한 효과
    - 논문: α를 처음 시도한 r 값으로 고정하고 따로 튜닝 안 함
    - α 고정하고 r ↑ → scaling ↓ → r 바꿔도 업데이트 크기를 비슷하게 유지하려는 의도
    - rsLoRA (rank-stabilized LoRA): scaling을 $\\alpha / \\sqrt{r}$로 → 큰 r에서도 학습 안정 (`use_rslora=True`)
");
    assert_fronts(
        &d,
        &["LoRA › 초기화 / scaling"],
        &["LoRA › 초기화 / scaling › 초기화"],
    );
}

#[test]
fn a_problems_lines_about_studying_it_are_no_cards() {
    // What came up and what to review: carded, `LoRA 문제 나왔던 거 → {{c1::PEFT 전체로 확장해서
    // 다시 정리함}}` asked what the student had written down, not what they had learnt.
    let d = doc("# PEFT 정리 (역량평가 대비)

### 문항10 복습

- LoRA 문제 나왔던 거 → PEFT 전체로 확장해서 다시 정리함
- 출제 포인트: 수식(W_0 + BA), 초기화, scaling, 파라미터 수 계산 → 계산 문제 꼭 나옴!!

## **0. PEFT (Parameter-Efficient Fine-Tuning) 개요**

- **개념**: 대부분 파라미터는 동결, 소수만 학습
");
    assert!(
        d.cards
            .iter()
            .all(|c| !c.front.contains("다시 정리함") && !c.front.contains("출제 포인트")),
        "{:#?}",
        d.cards
    );
    common::assert_skipped(&d, |why| why.starts_with("a note on studying the problem"));
    assert_fronts(
        &d,
        &[],
        &["PEFT (Parameter-Efficient Fine-Tuning) 개요 › 개념"],
    );
}

#[test]
fn a_line_break_parts_the_pairs_of_a_quoted_summary() {
    // `> … / QLoRA = NF4 + DQ + Paged Optimizers` over `> Adapter = …`: the last value of a
    // line took the next lines, labels and all, into one deletion.
    let d = doc("📌 **최종 암기 포인트**

> LoRA = $W_0 + \\frac{\\alpha}{r}BA$, B=0 초기화 / QLoRA = NF4 + DQ + Paged Optimizers
> Adapter = 직렬 bottleneck → 지연 O / Prefix = 모든 층 K/V
> IA3 = 벡터 3개로 곱하기 / DoRA = magnitude + direction(LoRA)
");
    let clozes = common::cloze_fronts(&d);
    let summary = clozes
        .iter()
        .find(|c| c.contains("QLoRA ="))
        .unwrap_or_else(|| panic!("{clozes:#?}"));
    for want in [
        "QLoRA = {{c2::NF4 + DQ + Paged Optimizers}}",
        "Adapter = {{c3::직렬 bottleneck → 지연 O}}",
        "DoRA = {{c6::magnitude + direction(LoRA)}}",
    ] {
        assert!(summary.contains(want), "{want}: {summary}");
    }
}

#[test]
fn a_fact_over_a_study_note_stays_a_card() {
    // Only a bullet's own line is read: a fact with a note on studying nested under it is
    // still a fact.
    let d = doc("### 문항 7

- **MAP = MLE + log prior**: prior 가 정규화 항 역할
    - 시험 전에 한 번 더 정리함
");
    assert!(
        d.cards.iter().any(|c| c.back.contains("정규화 항 역할")),
        "{:#?}",
        d.cards
    );
}

#[test]
fn a_value_wrapping_onto_the_next_line_is_parted_at_its_comma() {
    // The nearest parting before a cue is the one: a value going on past a line break ends
    // at the comma after it, not at the break.
    let d = doc("📌 **암기 팁**

- Warmup = 초반에 학습률을 선형으로
  키워서 안정화, Cosine = 부드럽게 감소
");
    let clozes = common::cloze_fronts(&d);
    assert!(
        clozes.iter().any(|c| c
            .contains("Warmup = {{c1::초반에 학습률을 선형으로\n키워서 안정화}}")
            || c.contains("Warmup = {{c1::초반에 학습률을 선형으로 키워서 안정화}}")),
        "{clozes:#?}"
    );
    assert!(
        clozes
            .iter()
            .any(|c| c.contains("Cosine = {{c2::부드럽게 감소}}")),
        "{clozes:#?}"
    );
}

#[test]
fn a_value_inside_parentheses_ends_where_they_close() {
    // `(Dirichlet = Beta 의 다차원 버전)`: the deletion took the closing parenthesis with it.
    let d = doc("📌 **암기 팁**

- Beta 는 Binomial 짝, Dirichlet 은 Multinomial 짝 (Dirichlet = Beta 의 다차원 버전)
");
    let clozes = common::cloze_fronts(&d);
    assert!(
        clozes
            .iter()
            .any(|c| c.ends_with("(Dirichlet = {{c1::Beta 의 다차원 버전}})")),
        "{clozes:#?}"
    );
}

#[test]
fn a_line_break_parts_the_clauses_of_a_long_summary() {
    // A summary of many clauses is read clause by clause: a line break ends one as a comma
    // does, or one deletion ran over three lines, cues and all.
    let d = doc("📌 **최종 암기 포인트**

> ICL = 가중치 업데이트 없이 프롬프트 예시로 태스크 적응, 예시 순서 · 레이블 편향 주의
> CoT = 중간 추론 생성 (큰 모델에서만 효과), Zero-shot CoT = \"Let's think step by step\"
> Self-Consistency = CoT N번 샘플링 + 다수결 (T > 0 필수, 비용 N배)
> ReAct = Thought → Action → Observation 루프 / ToT = 트리 탐색 + 자기평가 + backtracking
> Sampling: T는 분포 모양, top-k는 개수, top-p는 누적확률 컷
");
    let clozes = common::cloze_fronts(&d);
    let summary = clozes
        .iter()
        .find(|c| c.contains("Self-Consistency"))
        .unwrap_or_else(|| panic!("{clozes:#?}"));
    for want in [
        "Zero-shot CoT = {{c3::&quot;Let's think step by step&quot;}}",
        "Self-Consistency = {{c4::CoT N번 샘플링 + 다수결 (T &gt; 0 필수, 비용 N배)}}",
        "ReAct = {{c5::Thought → Action → Observation 루프}}",
    ] {
        assert!(summary.contains(want), "{want}: {summary}");
    }
}

#[test]
fn a_default_named_by_its_subject_leaves_only_its_line_out() {
    // `var_smoothing` under `1. **GaussianNB**` says 1e-6, the table 1e-9: the claim's
    // attribute is only `기본값`, its parameter closing the subject. Looked for in the
    // attribute, the line was not found and the whole list of classifiers waited.
    let d = doc("## **4. Naive Bayes (NB)**

- **종류 (sklearn)**
    1. **GaussianNB**: 연속형 feature, 클래스별 평균·분산 추정
        - `var_smoothing`: 모든 feature 분산 중 최댓값 × var_smoothing 만큼을 분산에 더해줌 (기본 1e-6) → 분산 0 으로 나누는 문제 방지
    2. **MultinomialNB**: 단어 count, TF-IDF 같은 빈도 feature → 텍스트 분류 국룰
    3. **BernoulliNB**: 0/1 feature (단어 있음/없음)

## **8. 기본값 정리 (sklearn / PyMC)**

| 함수 | 인자 | 기본값 | 메모 |
| --- | --- | --- | --- |
| `GaussianNB` | `var_smoothing` | `1e-9` | 최대 feature 분산 × 이 값 |
");
    let back = common::back_of(&d, "Naive Bayes › 종류 (sklearn)");
    assert!(back.contains("MultinomialNB"), "{back}");
    assert!(
        !back.contains("1e-6") && !back.contains("<ul></ul>"),
        "{back}"
    );
}
