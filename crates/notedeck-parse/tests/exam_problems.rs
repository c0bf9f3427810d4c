//! Exam problems as notes copy them (found on notes on dimensionality reduction, recurrent
//! networks and A/B testing): the answer line written in bold or after a colon, the prompt in the problem's
//! heading, a stem every choice needs, bullets explaining the choices by number, and a
//! problem the note works out and answers. Each case shows the cards a fragment makes.

mod common;

use common::{assert_skipped, cards, doc};

/// The back of the card asking the choice starting `start` true or false.
fn verdict(cards: &[String], start: &str) -> String {
    cards
        .iter()
        .filter(|c| c.contains("(O/X)"))
        .find(|c| c.contains(start))
        .map(|c| c.rsplit(" => ").next().unwrap_or("").to_string())
        .unwrap_or_else(|| panic!("{start}: {cards:#?}"))
}

#[test]
fn choices_explained_by_number_after_a_bold_answer_carry_their_explanations() {
    // `→ 정답: **2**` and one bullet per wrong choice, opening on its number: the wrong
    // choices went to a `핵심 내용` card as facts, and each bullet to a cloze opening `1:`.
    let d = doc("### 문제5

차원 축소 기법 관련 설명으로 옳은 것 고르기

1. PCA는 클래스 레이블을 이용해서 분산이 최대가 되는 축을 찾는다
2. 클래스가 3개인 데이터에 LDA를 적용하면 최대 2차원까지 축소할 수 있다
3. t-SNE는 학습된 매핑을 이용해 새로운 데이터를 바로 transform 할 수 있다

→ 정답: **2**

- 1: PCA는 **비지도** → 레이블 안 씀 (레이블 쓰는 건 LDA)
- 3: sklearn `TSNE`에는 `transform`이 없음, `fit_transform`만 있음
");
    let all = cards(&d);
    assert_eq!(
        verdict(&all, "PCA는 클래스"),
        "X — PCA는 <b>비지도</b> → 레이블 안 씀 (레이블 쓰는 건 LDA)"
    );
    assert_eq!(verdict(&all, "클래스가 3개인"), "O");
    assert_eq!(
        verdict(&all, "t-SNE는"),
        "X — sklearn <code>TSNE</code>에는 <code>transform</code>이 없음, \
         <code>fit_transform</code>만 있음"
    );
    assert_eq!(all.len(), 3, "{all:#?}");
    assert_skipped(&d, |why| why.contains("explanation of an exam choice"));
}

#[test]
fn a_bold_answer_line_is_no_topic_and_a_heading_may_ask() {
    // `**정답: 2**` read as a bold title put `정답: 2 ›` before the explanations, and before
    // every card of the sections after it. The second problem asks in its heading.
    let d = doc("### 문제3

순환 신경망(RNN 계열) 관련 설명으로 옳은 것 고르기

1. vanilla RNN은 시퀀스 길이가 길어져도 BPTT 시 gradient 크기가 일정하게 유지된다
2. LSTM의 forget gate 출력이 1에 가까우면 이전 cell state를 거의 그대로 유지한다

**정답: 2**

- 1 → 길어질수록 곱이 누적돼서 소실/폭주 발생

## 문항 4 — Attention 관련 틀린 것 고르기

1. Luong의 dot score는 추가 학습 파라미터 없이 계산할 수 있다
2. attention을 쓰면 encoder의 마지막 hidden state 하나만 decoder로 전달하므로 bottleneck이 심해진다

**정답: 2** → attention은 오히려 **모든 시점** hidden state를 쓰게 해서 bottleneck을 푼 것

## **11. 실무 사례**

1. **음성 인식 (ASR)**: 스트리밍 서비스는 양방향 못 씀 → 단방향 LSTM 또는 lookahead 제한
");
    let all = cards(&d);
    assert_eq!(
        verdict(&all, "vanilla RNN은"),
        "X — 길어질수록 곱이 누적돼서 소실/폭주 발생"
    );
    assert_eq!(verdict(&all, "LSTM의 forget gate"), "O");
    assert_eq!(verdict(&all, "Luong의 dot score"), "O");
    assert_eq!(
        verdict(&all, "attention을 쓰면"),
        "X — attention은 오히려 <b>모든 시점</b> hidden state를 쓰게 해서 bottleneck을 푼 것"
    );
    assert!(all.iter().all(|c| !c.contains("정답")), "{all:#?}");
}

#[test]
fn choices_under_a_stem_show_it_and_bullets_closing_on_numbers_explain_them() {
    // The stem gives the layer and the input; without it no shape can be judged. Two
    // choices differing only in numbers inside parentheses are two questions.
    let d = doc("## 문항 5 — PyTorch nn.LSTM 출력 shape 옳은 것 고르기

`nn.LSTM(input_size=64, hidden_size=100, batch_first=True, bidirectional=True)`에 `x.shape = (16, 20, 64)`를 넣었을 때

1. output.shape = (20, 16, 200)
2. output.shape = (16, 20, 100)
3. output.shape = (16, 20, 200)

**정답: 3**

- batch_first=True → output = (N, L, D·H) → 1, 2 틀림
");
    let all = cards(&d);
    let asked: Vec<&String> = all.iter().filter(|c| c.contains("(O/X)")).collect();
    assert_eq!(asked.len(), 3, "{all:#?}");
    assert!(
        asked
            .iter()
            .all(|c| c.contains("넣었을 때<br>output.shape")),
        "{asked:#?}"
    );
    assert_eq!(
        verdict(&all, "(20, 16, 200)"),
        "X — batch_first=True → output = (N, L, D·H)"
    );
    assert_eq!(
        verdict(&all, "(16, 20, 100)"),
        "X — batch_first=True → output = (N, L, D·H)"
    );
    assert_eq!(verdict(&all, "(16, 20, 200)"), "O");
}

#[test]
fn a_problem_the_note_works_out_is_one_card_asking_its_question() {
    // The working's eigenvalues and ratios were carded one by one (`PC3 › 고유값` → `1.0`),
    // under a topic `풀이`; the answer itself made no card.
    let d = doc("### 문제6

PCA 결과 고유값이 다음과 같을 때, 누적 설명 분산 90% 이상을 유지하는 최소 주성분 수는?

- 고유값: $\\lambda = [4.2,\\ 2.1,\\ 1.0,\\ 0.5,\\ 0.2]$

**풀이**

- 전체 분산 합: $4.2 + 2.1 + 1.0 + 0.5 + 0.2 = 8.0$

| 주성분 | 고유값 | 누적 비율 |
| --- | --- | --- |
| PC1 | 4.2 | 0.525 |
| PC2 | 2.1 | 0.7875 |
| PC3 | 1.0 | 0.9125 |

→ 정답: **3개** (PC3까지 91.25%)

- 95% 기준이면 PC4까지 필요 → 4개 (97.5%)

## **2. Kernel PCA**

- **정의**: 커널 트릭으로 비선형 구조를 찾는 PCA
");
    let all = cards(&d);
    assert_eq!(
        all[0],
        "basic | 역량평가 정리::문제 6 | <p>PCA 결과 고유값이 다음과 같을 때, 누적 설명 분산 90% \
         이상을 유지하는 최소 주성분 수는?</p><ul><li>고유값: \\(\\lambda = [4.2,\\ 2.1,\\ \
         1.0,\\ 0.5,\\ 0.2]\\)</li></ul> => <b>3개</b> (PC3까지 91.25%)<ul><li>95% 기준이면 \
         PC4까지 필요 → 4개 (97.5%)</li></ul>",
        "{all:#?}"
    );
    assert!(
        all.iter()
            .all(|c| !c.contains("PC1") && !c.contains("풀이") && !c.contains("8.0")),
        "{all:#?}"
    );
    assert!(
        all.iter().any(|c| c.contains("Kernel PCA › 정의")),
        "{all:#?}"
    );
    assert_skipped(&d, |why| why.contains("working of a solved exam problem"));
}

#[test]
fn a_default_the_line_gives_first_is_the_one_it_states() {
    // `alpha` 기본값은 0.1, and 0.05 only as what is usually written: the table's 0.05 was
    // taken as the line's default, its card dropped as said again, and the slip carded.
    let d = doc("## **6. 다중 검정 보정 (Multiple Testing)**

- `multipletests` 기본 method는 **hs** → BH 쓰려면 꼭 지정
- `alpha` 기본값은 0.1 → 보통 0.05로 명시해서 씀

## **12. 기본값 정리**

| 함수 | 인자 | 기본값 | 메모 |
| --- | --- | --- | --- |
| `multipletests` | `alpha` | `0.05` | |
| `multipletests` | `method` | `'hs'` | Holm-Sidak |
");
    let all = cards(&d);
    assert!(
        all.iter()
            .all(|c| !c.contains("0.1") && !c.contains("alpha")),
        "{all:#?}"
    );
    assert_skipped(&d, |why| {
        why.starts_with("says multipletests › alpha › 기본값 is 0.1 where a table cell says 0.05")
    });
}

#[test]
fn a_cell_in_code_is_not_said_again_by_a_bullet_sharing_a_word() {
    // `output, (h_n, c_n)` was dropped as saying again LSTM's `Output gate` bullet.
    let d = doc("## **4. LSTM (Long Short-Term Memory)**

- **Forget gate** $f_t$: 이전 cell state를 얼마나 남길지
- **Output gate** $o_t$: cell state 중 얼마를 $h_t$로 내보낼지

## **5. GRU (Gated Recurrent Unit)**

- **핵심 아이디어**: LSTM의 cell state와 hidden state를 **하나로 합침**
- **단점**: 아주 긴 시퀀스에서는 LSTM이 약간 나은 경우 있음, output gate가 없어서 내부 상태를 그대로 노출

### LSTM vs GRU 비교

| 항목 | LSTM | GRU |
| --- | --- | --- |
| **게이트** | forget, input, output (3개) | reset, update (2개) |
| **PyTorch 반환값** | `output, (h_n, c_n)` | `output, h_n` |
");
    let all = cards(&d);
    assert!(
        all.iter()
            .any(|c| c.contains("PyTorch 반환값") && c.contains("<code>output, (h_n, c_n)</code>")),
        "{all:#?}"
    );
}

#[test]
fn bullets_after_the_answer_naming_no_choice_explain_the_answer() {
    // One bullet became a cloze of its own, the other (`90:10은 …`, a ratio read as choice
    // 90) a `핵심 내용` card asking nothing.
    let d = doc("### 문항 4 — 검정력/표본 크기 관련 틀린 것 고르기

1. 검정력은 1 − β 이다.
2. 총 트래픽이 같을 때 50:50 대신 90:10으로 나누면 검정력이 올라간다.

→ 정답: **2**

- 불균형 배분이면 작은 쪽 그룹이 분산을 지배 → 검정력 **떨어짐**
- 90:10은 위험한 기능을 조심스럽게 내보낼 때 쓰는 거지 검정력 때문에 쓰는 게 아님
");
    let all = cards(&d);
    assert_eq!(all.len(), 2, "{all:#?}");
    assert_eq!(verdict(&all, "검정력은"), "O");
    assert_eq!(
        verdict(&all, "총 트래픽이"),
        "X — 불균형 배분이면 작은 쪽 그룹이 분산을 지배 → 검정력 <b>떨어짐</b>; 90:10은 위험한 \
         기능을 조심스럽게 내보낼 때 쓰는 거지 검정력 때문에 쓰는 게 아님"
    );
}

#[test]
fn a_value_set_as_a_condition_states_no_default() {
    // `num_layers=1 인데 dropout>0 주면 …` was read as stating the table's default 1, so the
    // cell went as said again and the card teaching the slip `기본값 2` stayed.
    let d = doc("## **10. PyTorch nn.LSTM 인자 정리**

**인자별 메모**

- **num_layers**: 층 쌓기(stacked LSTM), 기본값 2 → 위 층은 아래 층의 output을 입력으로 받음
- **dropout**: 층 **사이**에만 적용 → num_layers=1 인데 dropout>0 주면 warning 뜨고 효과 없음

### 기본값 표

| 함수 | 인자 | 기본값 | 메모 |
| --- | --- | --- | --- |
| `nn.RNN` | `nonlinearity` | `'tanh'` | `'relu'`도 가능 |
| `nn.LSTM` | `num_layers` | `1` | stacked 하려면 직접 지정 |
");
    let all = cards(&d);
    assert!(all.iter().all(|c| !c.contains("기본값 2")), "{all:#?}");
    assert_skipped(&d, |why| {
        why.starts_with("says LSTM › num_layers › 기본값 is 2 where a table cell says 1")
    });
    assert_skipped(&d, |why| {
        why.starts_with("says 1 (stacked 하려면 직접 지정) where")
    });
}

#[test]
fn one_bullet_may_explain_two_choices_each_by_its_number() {
    // `- 1: … / 3: …`: choice 1 carried choice 3's explanation too, and 3 got a bare X.
    let d = doc("### 문제3

연합학습(FL) 관련 설명으로 옳은 것 고르기

1. FL은 각 클라이언트의 원본 데이터를 서버로 모아서 중앙에서 학습하는 방식이다
2. FedAvg는 로컬에서 학습한 모델을 데이터 수에 비례해 가중평균한다
3. FL을 쓰면 모델 업데이트만 보내므로 개인정보 유출이 원천적으로 불가능하다

→ 정답: **2**

- 1: 데이터는 로컬에 그대로, **모델(업데이트)만** 이동 / 3: gradient에서 입력 복원 가능 → SecAgg, DP 같이 써야 함
");
    let all = cards(&d);
    assert_eq!(
        verdict(&all, "FL은 각 클라이언트"),
        "X — 데이터는 로컬에 그대로, <b>모델(업데이트)만</b> 이동"
    );
    assert_eq!(
        verdict(&all, "FL을 쓰면"),
        "X — gradient에서 입력 복원 가능 → SecAgg, DP 같이 써야 함"
    );
}

#[test]
fn choices_closing_on_the_mark_and_explained_by_number_and_verdict() {
    // The choices end on `(O/X)` already; the bullets after the answer name each choice by
    // its number and verdict (`1 O → …`, `4 O`). They had become `… (O/X) (O/X)` cards, a
    // cloze hiding `1 O` and a `핵심 내용` card of the rest.
    let d = doc("## 문제 3

세그멘테이션 손실·지표에 대한 설명 중 **틀린 것 고르기** (O/X)

1. Dice 계수와 IoU는 단조 관계라서 한쪽이 오르면 다른 쪽도 오른다 (O/X)
2. 같은 예측에 대해 Dice는 항상 IoU보다 크거나 같다 (O/X)
3. mIoU는 전체 픽셀의 TP, FP, FN을 한꺼번에 합쳐서 IoU를 한 번 계산한 값이다 (O/X)
4. PQ는 SQ × RQ로 분해된다 (O/X)

정답: 3

- 1 O → $Dice = \\frac{2 \\cdot IoU}{1 + IoU}$, 단조 증가
- 2 O → $IoU \\le 1$이므로 Dice가 크거나 같음
- 3 X → mIoU는 **클래스별 IoU를 구한 뒤 평균** (macro)
- 4 O
");
    let all = cards(&d);
    assert_eq!(all.len(), 4, "{all:#?}");
    assert!(all.iter().all(|c| !c.contains("(O/X) (O/X)")), "{all:#?}");
    assert_eq!(
        verdict(&all, "mIoU는 전체 픽셀"),
        "X — mIoU는 <b>클래스별 IoU를 구한 뒤 평균</b> (macro)"
    );
    assert_eq!(
        verdict(&all, "같은 예측에 대해"),
        "O — \\(IoU \\le 1\\)이므로 Dice가 크거나 같음"
    );
    assert_eq!(verdict(&all, "PQ는 SQ"), "O");
}

#[test]
fn a_ditto_mark_in_a_table_is_the_cell_above() {
    // `| 〃 | `target_clipped_quantile` | 0.5 |` was asked as `〃 › target_clipped_quantile 기본값`.
    let d = doc("### 4. 기본값 정리표

| 함수 | 인자 | 기본값 | 메모 |
| --- | --- | --- | --- |
| `DifferentialPrivacyServerSideAdaptiveClipping` | `initial_clipping_norm` | 0.1 | 권장값 |
| 〃 | `target_clipped_quantile` | 0.5 | 업데이트 절반 정도 clip |
");
    let all = cards(&d);
    assert!(
        all.iter().any(|c| c.contains(
            "DifferentialPrivacyServerSideAdaptiveClipping › <code>target_clipped_quantile</code> 기본값"
        )),
        "{all:#?}"
    );
    assert!(all.iter().all(|c| !c.contains('〃')), "{all:#?}");
}

#[test]
fn a_question_asking_which_choice_is_one_card() {
    // `… 설정은?` over four choices and `정답: 3`: no choice is true or false on its own. The
    // choices had gone to a `핵심 내용` card with no question, the bullets to clozes hiding
    // `4번은`.
    let d = doc("## 문제 1

Split MNIST(0/1, 2/3, 4/5, 6/7, 8/9 → 5개 experience)로 순차 학습한 뒤, 테스트 시 **task id 없이** 0~9 전체 클래스 중 하나를 맞혀야 하는 설정은?

1. Task-Incremental Learning
2. Domain-Incremental Learning
3. Class-Incremental Learning
4. Multi-Task Learning (joint training)

정답: 3

- task id가 주어지면 → Task-IL (multi-head로 2개 중 고르기만 하면 됨)
- task id 없이, 라벨 공간은 그대로 두고 입력 분포만 바뀌면 → Domain-IL
- task id 없이 지금까지 본 **모든 클래스** 중에서 골라야 하면 → Class-IL (가장 어려움)
- 4번은 모든 데이터를 한 번에 보는 것 → 시나리오가 아니라 upper bound baseline

");
    let all = cards(&d);
    assert_eq!(all.len(), 1, "{all:#?}");
    assert!(
        all[0].contains("맞혀야 하는 설정은?<ol><li>Task-Incremental Learning</li>")
            && all[0].contains("=> 3. Class-Incremental Learning<ul><li>task id가 주어지면"),
        "{all:#?}"
    );
    assert!(d.skipped.iter().all(|s| s.line != 8), "{:#?}", d.skipped);
}

#[test]
fn a_question_asking_the_true_choice_and_explanations_after_commas() {
    // `… 옳은 것은?` asks as `옳은 것 고르기` does; `1번 → replay 계열 (ER), 3번 → Progressive
    // Networks` explains two choices, parted by a comma.
    let d = doc("
## 문제 2

EWC (Elastic Weight Consolidation)에 대한 설명으로 옳은 것은?

1. 이전 task의 샘플을 버퍼에 저장했다가 새 task 학습 시 함께 사용한다
2. 파라미터별 중요도를 Fisher information의 대각 원소로 근사하고, 중요한 파라미터가 이전 값에서 멀어질수록 큰 패널티를 준다
3. task마다 새로운 column을 추가하고 이전 column은 freeze한다
4. 학습 중 loss 감소에 대한 각 파라미터의 기여도를 경로 적분으로 누적하여 중요도를 계산한다

정답: 2

- 1번 → replay 계열 (ER), 3번 → Progressive Networks
- 4번 → SI, EWC는 task가 **끝난 뒤** 한 번에 Fisher를 계산함

");
    let all = cards(&d);
    assert_eq!(verdict(&all, "이전 task의 샘플을"), "X — replay 계열 (ER)");
    assert_eq!(
        verdict(&all, "task마다 새로운 column"),
        "X — Progressive Networks"
    );
    assert_eq!(
        verdict(&all, "학습 중 loss 감소"),
        "X — SI, EWC는 task가 <b>끝난 뒤</b> 한 번에 Fisher를 계산함"
    );
    assert_eq!(verdict(&all, "파라미터별 중요도"), "O");
    // The question names what the choices are about: replay's line is false of EWC only.
    // Its instruction (`옳은 것은?`) is no part of a statement asked true or false.
    assert!(
        all.iter()
            .any(|c| c
                .contains("EWC (Elastic Weight Consolidation)에 대한 설명<br>이전 task의 샘플을")),
        "{all:#?}"
    );
}

#[test]
fn a_choice_s_number_and_verdict_before_a_colon_name_it() {
    // `1번 O: … / 2번 O: …`: each explains its own choice; they had all gone to the answer.
    let d = doc("## 문제 3

지속 학습 기법에 대한 설명 중 **틀린 것** 고르기 (O/X로 먼저 판단)

1. EWC는 옛 task의 원본 데이터를 저장하지 않아도 적용할 수 있다 (O/X)
2. A-GEM은 memory 샘플의 평균 gradient와의 내적이 음수일 때만 gradient를 projection한다 (O/X)
3. Progressive Networks는 새 task 학습 시 이전 column 가중치도 함께 fine-tuning하여 forward transfer를 얻는다 (O/X)
4. Reservoir sampling은 스트림 전체 길이를 몰라도 지금까지 본 샘플을 균등 확률로 버퍼에 유지한다 (O/X)

정답: 3

- 1번 O: Fisher와 $\\theta^*$만 저장 / 2번 O: $g^\\top g_{ref} \\ge 0$이면 그대로 사용
- 3번 X: 이전 column은 **freeze**, forward transfer는 lateral connection으로 얻음 (업데이트하면 망각 발생)
- 4번 O: 각 샘플의 잔류 확률 $M/n$

");
    let all = cards(&d);
    assert_eq!(
        verdict(&all, "EWC는 옛 task의"),
        "O — Fisher와 \\(\\theta^*\\)만 저장"
    );
    assert_eq!(
        verdict(&all, "Reservoir sampling은"),
        "O — 각 샘플의 잔류 확률 \\(M/n\\)"
    );
    assert!(
        verdict(&all, "Progressive Networks는").starts_with("X — 이전 column은 <b>freeze</b>"),
        "{all:#?}"
    );
}

#[test]
fn a_bullet_may_explain_choices_named_together() {
    // `- 2, 3번 O → … / …`: two choices, one part of the text each. The list had been read as
    // no explanation at all: clozes hid `1번` and `5번`, and a `핵심 내용` card held the rest.
    let d = doc("## 문제 2

Uncertainty sampling에 대한 설명 중 **틀린 것** 고르기 (O/X)

1. 이진 분류에서는 least confidence, margin, entropy 세 방법이 같은 샘플 순위를 준다
2. Margin sampling은 top-1과 top-2 확률의 차이가 가장 작은 샘플을 고른다
3. 클래스 수가 $K$ 일 때 entropy의 최대값은 $\\log K$ 이다
4. Least confidence는 전체 확률 분포를 모두 사용하므로 다중 클래스에서 entropy보다 항상 우수하다
5. 모델의 calibration이 나쁘면 uncertainty sampling의 성능이 떨어질 수 있다

정답: 4

- 1번 O → 이진이면 $p$ 와 $1-p$ 뿐이라 세 점수 모두 $p=0.5$ 에 가까울수록 커짐 → 순위 동일
- 2, 3번 O → margin 작을수록 결정 경계 근처 / uniform 분포일 때 $H = \\log K$
- 4번 X → LC는 **top-1 확률만** 봄. 분포 전체를 쓰는 건 entropy. 그리고 \"항상\" 우수한 건 없음
- 5번 O → softmax가 overconfident하면 점수 자체가 왜곡 → temperature scaling 등 calibration 같이 고려

");
    let all = cards(&d);
    assert_eq!(
        verdict(&all, "Margin sampling은"),
        "O — margin 작을수록 결정 경계 근처"
    );
    assert_eq!(
        verdict(&all, "클래스 수가"),
        "O — uniform 분포일 때 \\(H = \\log K\\)"
    );
    assert!(
        verdict(&all, "Least confidence는").starts_with("X — LC는 <b>top-1 확률만</b> 봄"),
        "{all:#?}"
    );
    assert!(all.iter().all(|c| !c.contains("{{c1::")), "{all:#?}");
}

#[test]
fn a_choice_s_verdict_in_parentheses_names_it() {
    // `- 2번 (X): …`: the verdict in parentheses. Unread, each bullet was a card of its own
    // asking `2번 (X)` with no statement.
    let d = doc("## 문제 1

Kalman filter 기반 tracker에 대한 설명으로 옳은 것 고르기

1. predict 단계에서 현재 프레임의 관측값 $z_t$를 사용해 상태를 보정한다
2. 측정 노이즈 공분산 $R$을 크게 잡으면 칼만 이득 $K$가 커져서 detection 박스를 더 믿게 된다
3. SORT의 상태 벡터는 박스 중심, 면적(scale), 종횡비와, 종횡비를 제외한 속도 성분으로 구성된다
4. update가 끝나면 오차 공분산 $P$는 predict 직후보다 커진다
5. 매칭되지 않은 track은 predict만 반복되므로 불확실성 $P$가 점점 줄어든다

정답: 3

- 1번 (X): 관측 $z_t$를 쓰는 건 **update**. predict는 모션 모델 $F$만 사용
- 2번 (X): $R$↑ → $K$↓ → 예측값을 더 믿음
- 3번 (O): $\\mathbf{x} = [u, v, s, r, \\dot{u}, \\dot{v}, \\dot{s}]^T$, 종횡비 $r$은 상수로 가정해서 속도 항이 없음
- 4번 (X): update는 정보를 추가하는 단계라 $P$가 **줄어듦**
- 5번 (X): predict만 하면 매번 $Q$가 더해져서 $P$가 **커짐** → 오래 놓친 track일수록 gating 범위가 넓어지는 이유
");
    let all = cards(&d);
    assert_eq!(all.len(), 5, "{all:#?}");
    assert_eq!(
        verdict(&all, "측정 노이즈 공분산"),
        "X — \\(R\\)↑ → \\(K\\)↓ → 예측값을 더 믿음"
    );
    assert!(
        verdict(&all, "SORT의 상태 벡터는").starts_with("O — \\(\\mathbf{x}"),
        "{all:#?}"
    );
}

#[test]
fn a_bullet_opening_on_the_choice_s_number_and_a_paren_explains_it() {
    // `- 1) ✘ …` is, to Markdown, a bullet holding a numbered list that starts at 1 (then 2,
    // 3, 4): each explained its choice, and all four went to one `핵심 내용` card numbered
    // `1.` four times. The mark after the number is the verdict the answer states already.
    let d = doc("# GAN 정리

### 문항 31

생성 모델(GAN) 관련 설명으로 옳은 것 고르기

1) GAN은 데이터의 likelihood $p(x)$를 명시적으로 계산하여 최대화하는 방식으로 학습한다
2) Discriminator가 최적일 때, 원래 GAN의 Generator 목적함수는 KL divergence를 최소화하는 것과 같다
3) 학습 초반 $\\log(1 - D(G(z)))$를 최소화하면 기울기가 거의 0이 되는 문제가 있어, 대신 $-\\log D(G(z))$를 최소화한다
4) 전역 최적점에서 Discriminator는 모든 입력에 대해 1을 출력한다

정답: 3

- 1) ✘ GAN은 **implicit** 생성 모델 → likelihood 계산 안 함
- 2) X → KL이 아니라 **JSD** 최소화
- 3) ✔ non-saturating loss, 최적점은 같고 초반 gradient만 커짐
- 4) ✘ $D^*(x) = \\frac{1}{2}$ → 진짜/가짜 구분 못 하는 상태
");
    let all = cards(&d);
    assert_eq!(
        verdict(&all, "GAN은 데이터의"),
        "X — GAN은 <b>implicit</b> 생성 모델 → likelihood 계산 안 함"
    );
    assert_eq!(
        verdict(&all, "Discriminator가 최적일 때"),
        "X — KL이 아니라 <b>JSD</b> 최소화"
    );
    assert_eq!(
        verdict(&all, "학습 초반"),
        "O — non-saturating loss, 최적점은 같고 초반 gradient만 커짐"
    );
    assert!(!all.iter().any(|c| c.contains("핵심 내용")), "{all:#?}");
}

#[test]
fn choices_numbered_with_circled_digits_are_asked_one_by_one() {
    // `①` to `④` on the lines of one paragraph, as Korean exams number choices: they were a
    // loose paragraph, and the bullets explaining them (`- ① O → …`) clozes that never said
    // which statement they judged.
    let d = doc("### 문항 5

랭킹 평가 지표에 대한 설명으로 틀린 것 고르기

① MRR은 각 쿼리에서 첫 번째 관련 문서 순위의 역수만 반영한다
② NDCG는 0~4 같은 graded relevance를 그대로 다룰 수 있다
③ MAP은 binary relevance를 전제로 하며, 관련 문서가 나올 때마다의 precision을 평균낸다
④ NDCG@k는 쿼리마다 관련 문서 수가 달라 값의 범위가 달라지므로 쿼리 간 평균을 내면 안 된다

정답: 4

- ① O → 두 번째 이후 관련 문서는 무시. 그래서 \"정답 1개만 찾으면 되는\" QA, 내비게이션 쿼리에 적합
- ② O → gain $2^{rel}-1$ 또는 $rel$ 로 등급 반영
- ③ O → graded 라벨이면 threshold 잡아서 binary로 바꿔야 함
- ④ X → IDCG로 나눠서 **0~1로 정규화**한 게 NDCG의 N. 정규화했으니까 쿼리 간 평균 가능
");
    let all = cards(&d);
    assert_eq!(
        verdict(&all, "MRR은 각 쿼리에서"),
        "O — 두 번째 이후 관련 문서는 무시. 그래서 &quot;정답 1개만 찾으면 되는&quot; QA, 내비게이션 쿼리에 적합"
    );
    assert_eq!(
        verdict(&all, "NDCG@k는 쿼리마다"),
        "X — IDCG로 나눠서 <b>0~1로 정규화</b>한 게 NDCG의 N. 정규화했으니까 쿼리 간 평균 가능"
    );
    assert_eq!(all.len(), 4, "{all:#?}");
}

#[test]
fn an_explanation_with_lines_nested_under_it_keeps_them() {
    // `- 3번: X → …` over a nested line: one bullet with lines under it made the whole list
    // no explanation, and each became a card asking `1번`.
    let d = doc("### 문항 1

Meta-learning 접근 방식 관련 설명으로 틀린 것 고르기

1. Prototypical Network는 support set 임베딩의 클래스별 평균을 prototype으로 사용한다
2. Relation Network는 고정된 거리 함수(유클리드 거리)를 사용하므로 따로 학습되는 비교 모듈이 없다
3. Reptile은 2차 미분 없이, 적응된 파라미터 방향으로 초기값을 조금씩 옮긴다

정답: 2

- 1번: O → 평균 임베딩 = prototype
- 2번: X → Relation Network는 거리 함수 자체를 **학습**하는 게 핵심
    - 고정 거리(squared Euclidean) 쓰는 건 ProtoNet, cosine 쓰는 건 Matching Net
- 3번: O → 1차 정보만 사용
");
    let all = cards(&d);
    assert_eq!(
        verdict(&all, "Prototypical Network는"),
        "O — 평균 임베딩 = prototype"
    );
    assert_eq!(
        verdict(&all, "Relation Network는"),
        "X — Relation Network는 거리 함수 자체를 <b>학습</b>하는 게 핵심<ul><li>고정 거리(squared Euclidean) 쓰는 건 ProtoNet, cosine 쓰는 건 Matching Net</li></ul>"
    );
    assert_eq!(all.len(), 3, "{all:#?}");
}

#[test]
fn a_prompt_setting_out_givens_is_shown_above_each_choice() {
    // `… TP=40, FN=10, FP=60, TN=890 일 때 옳은 것 고르기`: no choice (`Precision은 0.8, …`)
    // could be judged without the counts, which no card showed.
    let d = doc("### 문항 7

양성 50개, 음성 950개인 테스트셋에서 TP=40, FN=10, FP=60, TN=890 일 때 옳은 것 고르기

1. Accuracy는 0.95로, 모든 샘플을 음성으로 예측하는 모델보다 높다
2. Precision은 0.8, Recall은 0.4이다
3. F2 score가 F1 score보다 높다

정답: 3

- 1번: accuracy = 930/1000 = 0.93 < 0.95 (all-negative)
- 2번: 반대. Precision = 40/100 = 0.4, Recall = 40/50 = 0.8
- 3번: 맞음. recall(0.8) > precision(0.4)이고 F2는 recall 중시
");
    let all = cards(&d);
    assert!(
        all.iter().any(|c| c.contains(
            "양성 50개, 음성 950개인 테스트셋에서 TP=40, FN=10, FP=60, TN=890 일 때<br>Precision은 0.8, Recall은 0.4이다 (O/X) => X"
        )),
        "{all:#?}"
    );
    assert!(
        all.iter().all(|c| !c.contains("옳은 것 고르기<br>")),
        "{all:#?}"
    );
}

#[test]
fn a_choice_s_number_in_bold_names_it() {
    // `- **1번 (X)**: …`: the number in bold names the choice as a plain one does; each had
    // become a card asking `1번 (X)`.
    let d = doc("### 문항 3

PyKEEN 관련 설명으로 옳은 것 고르기

1. `pipeline()`에서 `training_loop`를 지정하지 않으면 LCWA로 학습한다
2. `pipeline()`의 기본 evaluator는 `RankBasedEvaluator`이다

정답: 2

- **1번 (X)**: 기본은 **sLCWA**. LCWA는 직접 지정해야 함
- **2번 (O)**: `filtered=True` 가 기본
");
    let all = cards(&d);
    assert_eq!(
        verdict(&all, "에서 <code>training_loop</code>"),
        "X — 기본은 <b>sLCWA</b>. LCWA는 직접 지정해야 함"
    );
    assert_eq!(all.len(), 2, "{all:#?}");
}

#[test]
fn a_question_over_its_givens_bullets_is_one_card_with_them() {
    // `아래 bin 통계에서 ECE 값은? (전체 $n = 20$)` over two bullets of bin statistics, then
    // the choices: the bins were cards of their own (`Bin A` → `8개, …`), the choices a
    // `핵심 내용`, and no card asked the question.
    let d = doc("### 문항 2

아래 bin 통계에서 ECE 값은? (전체 $n = 20$)

- Bin A: 8개, 평균 confidence 0.9, accuracy 0.75
- Bin B: 12개, 평균 confidence 0.6, accuracy 0.65

1. 0.05
2. 0.09
3. 0.10

정답: 2

- 계산: $0.4 \\times 0.15 + 0.6 \\times 0.05 = 0.09$
- 1번: Bin B의 gap만 봄
");
    let all = cards(&d);
    assert_eq!(all.len(), 1, "{all:#?}");
    assert!(
        all[0].contains("ECE 값은? (전체 \\(n = 20\\))<ul><li>Bin A: 8개")
            && all[0].contains("<ol><li>0.05</li>")
            && all[0].contains("=> 2. 0.09"),
        "{all:#?}"
    );
}

#[test]
fn choices_numbered_in_parentheses_are_asked_as_circled_ones_are() {
    // `(1) …` to `(4) …`, then `- (1) 반대. …`: read as a paragraph and a cloze of its
    // explanation, the wrong choices were taught and the right one was never asked.
    let d = doc("### 문제 1

MLE / MAP 에 대한 설명으로 옳은 것을 고르시오.

(1) 데이터 수가 많아질수록 MAP 추정에서 prior 의 영향이 커진다.
(2) 가중치에 Laplace prior 를 두고 MAP 추정하면 L2 정규화와 같다.
(3) prior 가 uniform 이면 MAP 추정값과 MLE 추정값이 같다.
(4) MAP 은 posterior 분포 전체를 추정하므로 불확실성을 제공한다.

정답: 3

- (1) 반대. n 커지면 likelihood 가 지배 → MAP ≈ MLE
- (2) Laplace → L1, Gaussian → L2
- (3) log prior 가 상수라서 argmax 에 영향 없음 ✔
- (4) MAP 도 point estimate (posterior 의 mode 하나)
");
    let all = cards(&d);
    assert_eq!(
        verdict(&all, "데이터 수가 많아질수록"),
        "X — 반대. n 커지면 likelihood 가 지배 → MAP ≈ MLE",
        "{all:#?}"
    );
    assert_eq!(
        verdict(&all, "prior 가 uniform 이면"),
        "O — log prior 가 상수라서 argmax 에 영향 없음",
        "{all:#?}"
    );
    assert!(all.iter().all(|c| !c.contains("핵심 내용")), "{all:#?}");
}

#[test]
fn choices_that_are_names_are_asked_under_what_they_are_asked_to_be() {
    // `QLoRA의 구성 요소가 아닌 것을 고르시오.`: `NF4 데이터 타입 (O/X)` alone asked nothing;
    // `나머지는 다 맞는 설명` is what the other cards' `O` says.
    let d = doc("### 문제 3

QLoRA의 구성 요소가 **아닌 것을** 고르시오.

(1) NF4 데이터 타입
(2) Double Quantization
(3) Paged Optimizers
(4) Knowledge Distillation으로 teacher 모델 출력 학습

정답: 4
- QLoRA = NF4 + DQ + Paged Optimizers + LoRA, distillation은 무관
- 나머지는 다 맞는 설명
");
    let all = cards(&d);
    assert_eq!(
        verdict(&all, "QLoRA의 구성 요소<br>NF4 데이터 타입"),
        "O",
        "{all:#?}"
    );
    assert_eq!(
        verdict(&all, "QLoRA의 구성 요소<br>Knowledge Distillation"),
        "X — QLoRA = NF4 + DQ + Paged Optimizers + LoRA, distillation은 무관",
        "{all:#?}"
    );
}

#[test]
fn a_circled_choice_naming_other_choices_is_one_choice() {
    // `⑤ ①, ③ 모두`: split at every circled digit, the choice fell apart and with it the
    // whole question.
    let d = doc("### 문제 2

MCMC 에 대한 설명으로 옳은 것을 고르시오.

① Metropolis-Hastings 는 정규화 상수를 몰라도 된다.
② Gibbs sampling 은 항상 reject 된다.
③ R-hat 이 1 에 가까우면 수렴했다고 본다.
④ MCMC 는 항상 VI 보다 빠르다.
⑤ ①, ③ 모두

정답: 5
");
    let all = cards(&d);
    assert_eq!(verdict(&all, "①, ③ 모두"), "O", "{all:#?}");
    assert_eq!(verdict(&all, "Gibbs sampling 은 항상"), "X", "{all:#?}");
}

#[test]
fn a_question_copied_into_a_facet_is_asked_choice_by_choice() {
    // A speech-recognition note: under a topic's facets, a question with its choices one a
    // paragraph (`①`, or `(1)` with `→ 정답 (2)`), or as a list after the facet's table. Read
    // as the facet's answer, the false choices were taught as facts.
    let d = doc("## **1. Log-Mel Spectrogram**

### 4. 라이브러리 기본값 정리

- `librosa.load` 기본값은 `sr=22050`

**문제**: 다음 중 음성 특징 추출에 대한 설명으로 옳지 않은 것은?

① MFCC는 log Mel filterbank 출력에 DCT를 적용해서 얻는다

② Pre-emphasis는 저주파 성분을 강조하기 위한 필터이다

③ 16kHz 음성에서 25ms 프레임은 400 샘플이다

→ 정답 ②

## **2. RNN-T**

### 4. 비교 표

| 모델 | Streaming |
| --- | --- |
| **CTC** | 가능 |
| **LAS** | 불가 |

**문제**: E2E ASR 모델에 대한 설명으로 옳은 것은?

1. CTC는 출력 토큰 간 의존성을 모델링한다
2. LAS의 Listener는 pBLSTM으로 시간 해상도를 줄인다
3. Attention 기반 encoder-decoder는 구조적으로 streaming에 가장 적합하다

→ 정답 2

- 1: CTC는 조건부 독립 가정 → 출력 간 의존성 X
- 3: 전체 입력에 attention → streaming 어려움

## **3. SpecAugment**

### 2. 비교

**문제**: SpecAugment에 대한 설명으로 옳지 않은 것은?

(1) SpecAugment는 raw waveform에 적용되는 augmentation 기법이다

(2) SpecAugment의 frequency masking은 연속된 Mel 채널 구간을 가린다

→ 정답 (1) waveform이 아니라 log-Mel에 적용
");
    let all = cards(&d);
    for (start, back) in [
        ("MFCC는 log Mel", "O"),
        ("Pre-emphasis는 저주파", "X"),
        ("16kHz 음성에서", "O"),
        (
            "CTC는 출력 토큰",
            "X — CTC는 조건부 독립 가정 → 출력 간 의존성 X",
        ),
        ("LAS의 Listener", "O"),
        (
            "Attention 기반",
            "X — 전체 입력에 attention → streaming 어려움",
        ),
        ("SpecAugment는 raw", "X — waveform이 아니라 log-Mel에 적용"),
        ("SpecAugment의 frequency", "O"),
    ] {
        assert_eq!(verdict(&all, start), back, "{start}");
    }
    // The prompt is each card's stem, without its `문제` label; it is no part of a facet's
    // answer, nor are the choices.
    assert!(
        all.iter()
            .any(|c| c.contains("| 다음 중 음성 특징 추출에 대한 설명<br>MFCC")),
        "{all:#?}"
    );
    assert!(
        all.iter()
            .filter(|c| !c.contains("(O/X)"))
            .all(|c| !c.contains("<b>문제</b>") && !c.contains("정답")),
        "{all:#?}"
    );
}
