//! One fact, one card: a fact a card already asks is not asked again in another form, and
//! what a line only dates is not hidden as its fact.

mod common;

use common::{assert_skipped, cards, doc};
use notedeck_parse::CardKind;

/// The definition cards of `d`, as `name => expansion`.
fn definitions(d: &notedeck_parse::Document) -> Vec<String> {
    d.cards
        .iter()
        .filter(|c| c.kind == CardKind::Definition)
        .map(|c| format!("{} => {}", c.front, c.back))
        .collect()
}

#[test]
fn a_cell_answered_by_a_name_and_its_expansion_is_its_definition() {
    // `실제 Positive › 예측 Positive` → `TP (True Positive)` asks the expansion with the name;
    // `TP` → `True Positive` beside it asked it again. A cell saying more than the name
    // (`Relation-based › 예시` → `RKD 등`) leaves the definition its own card.
    let d = doc("## **1. 혼동 행렬 (Confusion Matrix)**

| 실제 \\ 예측 | Positive | Negative |
| --- | --- | --- |
| **Positive** | TP (True Positive) | FN (False Negative) |
| **Negative** | FP (False Positive) | TN (True Negative) |

## 2. 지식 증류 종류

| 종류 | 전달하는 지식 | 예시 |
| --- | --- | --- |
| **Response-based** | 출력 확률 분포 | Hinton의 KD |
| **Relation-based** | 샘플·층 사이의 관계 | RKD (Relational Knowledge Distillation) 등 |
");
    let all = cards(&d);
    for asked in [
        "실제 Positive › 예측 Positive => TP (True Positive)",
        "실제 Negative › 예측 Negative => TN (True Negative)",
    ] {
        assert!(all.iter().any(|c| c.ends_with(asked)), "{asked}: {all:#?}");
    }
    assert_eq!(
        definitions(&d),
        ["RKD => Relational Knowledge Distillation"]
    );
    assert_skipped(&d, |r| {
        r.starts_with("definition the table cell on line 9 answers whole")
    });
}

#[test]
fn a_line_opening_with_a_citation_asks_what_it_marks_besides_or_nothing() {
    // `{{c1::2016}}년 Redmon 등이 제안, …` asked when a paper came out. What the line says
    // besides is asked when the author marked it (a bold term, a count); else the line is
    // skipped as a citation. A year dating a name inside the rest is a paper's too, and
    // what it dates is what the line asks.
    let d = doc("## YOLO

- **구조**: 이미지를 S×S 그리드로 나누고 각 셀이 박스와 클래스를 한 번에 예측
- 2016년 Redmon 등이 제안, 이후 v2~v8로 발전
- 2015년 Ronneberger 등이 생물 의료 영상 분할을 위해 제안
- 1997년 Hochreiter & Schmidhuber가 제안, 망각 게이트는 2000년 Gers 등이 추가
- 2017년 Vaswani 등이 제안, 인코더와 디코더를 각각 **6개** 층으로 쌓음
- RNN + cell state → 장기 의존성 학습 가능 (1997년 Hochreiter & Schmidhuber)
");
    let all = cards(&d);
    assert!(
        all.iter()
            .all(|c| !c.contains("{{c1::20") && !c.contains("{{c1::19")),
        "{all:#?}"
    );
    assert!(
        all.iter().any(|c| c.contains(
            "2017년 Vaswani 등이 제안, 인코더와 디코더를 각각 <b>{{c1::6개}}</b> 층으로 쌓음"
        )),
        "{all:#?}"
    );
    let skipped: Vec<usize> = d
        .skipped
        .iter()
        .filter(|s| {
            s.reason
                .starts_with("dates who published the method and when")
        })
        .map(|s| s.line)
        .collect();
    assert_eq!(skipped, [8, 9], "{:#?}", d.skipped);
    // Two dated events on one line: which part came later is the fact.
    assert!(
        all.iter().any(|c| c.contains(
            "1997년 Hochreiter &amp; Schmidhuber가 제안, {{c1::망각 게이트}}는 2000년 Gers 등이 추가"
        )),
        "{all:#?}"
    );
    // A citation in a closing aside is a remark on a line that says something else.
    assert!(all.iter().any(|c| c.contains("장기 의존성")), "{all:#?}");
}

#[test]
fn a_lone_bullet_is_asked_by_the_term_it_marks() {
    // One unlabelled bullet under a topic made `LSTM › 핵심 내용`, a front naming nothing to
    // recall. With a term in bold it is a cloze of that term; a bold part saying what
    // something is not sets off the fact rather than being it. A lone bullet marking
    // nothing stays the topic's 핵심 내용.
    let d = doc("## LSTM

- RNN + **cell state** + 3개 게이트 (forget, input, output) → 장기 의존성 학습 가능

## Function Calling

- 모델이 함수를 **직접 실행하는 것이 아니라**, 어떤 함수를 부를지 **JSON으로 출력**만 함

## RNN

- 모든 시점에서 같은 가중치를 공유
");
    assert_eq!(
        cards(&d),
        [
            "cloze | 역량평가 정리::문제 9 | RNN + <b>{{c1::cell state}}</b> + 3개 게이트 (forget, input, output) → 장기 의존성 학습 가능 => ",
            "cloze | 역량평가 정리::문제 9 | 모델이 함수를 <b>직접 실행하는 것이 아니라</b>, 어떤 함수를 부를지 <b>{{c1::JSON으로 출력}}</b>만 함 => ",
            "basic | 역량평가 정리::문제 9 | RNN › 핵심 내용 => <ul><li>모든 시점에서 같은 가중치를 공유</li></ul>",
        ]
    );
}

#[test]
fn what_a_cloze_line_says_after_its_hidden_part_goes_to_the_back() {
    // `(단조 변환) → 1위 토큰은 그대로 1위` after the hidden claim says it again; `(실제 양성
    // 중)` after `정답 기준` is the answer in other words. On the back they explain the
    // revealed part; on the front they gave it away.
    let d = doc("## Temperature

- 토큰 간 **확률 순위는 바뀌지 않음** (단조 변환) → 1위 토큰은 그대로 1위
- 분포를 **평평하게** 만들어 다양성 증가

📌 **암기 팁**

- Recall = **정답 기준** (실제 양성 중)
");
    let all = cards(&d);
    for card in [
        "토큰 간 <b>{{c1::확률 순위는 바뀌지 않음}}</b> => (단조 변환) → 1위 토큰은 그대로 1위",
        "분포를 <b>{{c1::평평하게}}</b> 만들어 다양성 증가 => ",
        "Recall = {{c1::<b>정답 기준</b>}} => (실제 양성 중)",
    ] {
        assert!(all.iter().any(|c| c.ends_with(card)), "{card}: {all:#?}");
    }
}

#[test]
fn a_table_cell_counting_otherwise_than_a_sentence_waits() {
    // The sentence says the Gini impurity's maximum is 0.5, the table's row says 1: the card
    // would teach the slip. It waits until lint's conflict is settled; the entropy's row,
    // which agrees, is a card.
    let d = doc("## **1. 결정 트리 (Decision Tree)**

- **분할 기준**: 불순도가 가장 많이 줄어드는 특성 선택
    - 이진 분류에서 지니 불순도 최댓값은 **0.5**, 엔트로피 최댓값은 **1** (반반일 때)

### 불순도 지표 비교

| 지표 | 수식 | 최댓값 (이진 분류) |
| --- | --- | --- |
| **지니 불순도** | 1 − Σ p_k² | 1 |
| **엔트로피** | −Σ p_k log₂ p_k | 1 |
");
    let all = cards(&d);
    assert!(
        all.iter().all(|c| !c.contains("지니 불순도 › 최댓값")),
        "{all:#?}"
    );
    assert!(
        all.iter()
            .any(|c| c.contains("엔트로피 › 최댓값 (이진 분류) => 1")),
        "{all:#?}"
    );
    assert_skipped(&d, |r| {
        r == "says 1 where a sentence on line 8 says 지니 불순도 › 최댓값 is 0.5: lint reports \
              the conflict (conflicting-claim); settle it and the card comes back"
    });
}

#[test]
fn a_default_cell_contradicting_the_bullet_above_waits() {
    // Prophet's `n_changepoints`: 25 in the bullet, 20 in the table's `기본값` column. The
    // cell waits for lint's conflict to be settled; `changepoint_range`, which agrees, and
    // the row's other cells are cards.
    let d = doc("## **4. Prophet**

- **Changepoint**: 기본적으로 잠재 changepoint **25개**(`n_changepoints=25`)를 앞쪽 80%(`changepoint_range=0.8`) 구간에 배치

| 하이퍼파라미터 | 의미 | 기본값 |
| --- | --- | --- |
| `n_changepoints` | 잠재 changepoint 개수 | 20 |
| `changepoint_range` | changepoint 배치 구간 비율 | 0.8 |
");
    let all = cards(&d);
    assert!(
        all.iter().all(|c| !c.contains("n_changepoints › 기본값")),
        "{all:#?}"
    );
    for kept in [
        "n_changepoints › 의미 => 잠재 changepoint 개수",
        "changepoint_range › 기본값 => 0.8",
    ] {
        assert!(all.iter().any(|c| c.contains(kept)), "{kept}: {all:#?}");
    }
    assert_skipped(&d, |r| {
        r == "says 20 where a sentence on line 7 says n_changepoints › 기본값 is 25: lint \
              reports the conflict (conflicting-claim); settle it and the card comes back"
    });
}

#[test]
fn a_bullet_stating_another_default_waits_when_code_already_said_the_table_s() {
    // The bullet says `fraction_fit` defaults to 0.1, the defaults table 1.0, and the code
    // block sets `fraction_fit=1.0`: the row makes no card of its own (the section's card
    // says it), yet the bullet's card still waits for lint's conflict to be settled. The
    // section's card, which shows 1.0, stays.
    let d = doc("## **10. 라이브러리 정리 (Flower / Opacus)**

### 1. Flower (flwr)

- 프레임워크 무관 (PyTorch, TF, JAX), **Strategy** 객체로 집계 방식 지정
- `FedAvg` 주요 인자
    - `fraction_fit`: 라운드마다 학습에 뽑을 클라이언트 비율, 기본값 0.1
    - `min_fit_clients`: 최소 학습 참여 수 (비율로 계산한 수보다 크면 이 값 사용)
    - `min_available_clients`: 이만큼 연결돼야 라운드 시작
    - `on_fit_config_fn`: 라운드별 config(dict) 전달 → local epoch, lr 등

```python
strategy = fl.server.strategy.FedAvg(
    fraction_fit=1.0,
    min_fit_clients=2,
    min_available_clients=2,
)
```

### 4. 기본값 정리표

| 함수 | 인자 | 기본값 | 메모 |
| --- | --- | --- | --- |
| `flwr.server.strategy.FedAvg` | `fraction_fit` | 1.0 | 라운드당 학습 참여 비율 |
| 〃 | `min_fit_clients` | 2 | |
");
    let all = cards(&d);
    assert!(all.iter().all(|c| !c.contains("기본값 0.1")), "{all:#?}");
    assert!(
        all.iter().any(|c| c.contains("fraction_fit=1.0")),
        "{all:#?}"
    );
    assert_skipped(&d, |r| {
        r.starts_with("says FedAvg › fraction_fit › 기본값 is 0.1 where a table cell says 1.0")
    });
}

#[test]
fn a_negative_default_against_a_positive_one_is_a_clash() {
    // The bullet says `ignore_index` defaults to 255 for `nn.CrossEntropyLoss`, the closing
    // table -100: two numbers of one kind, the minus sign the number's. Both wait.
    let d = doc("## **7. 손실 함수**

### 1. Cross-Entropy (CE)

- `nn.CrossEntropyLoss`의 `ignore_index` 기본값은 **255** → 경계 픽셀 자동 무시
- 입력 shape: logit `(N, C, H, W)`, target `(N, H, W)` long 타입

## **9. 라이브러리**

### 3. 기본값 표

| 함수 | 인자 | 기본값 | 메모 |
| --- | --- | --- | --- |
| `nn.CrossEntropyLoss` | `ignore_index` | `-100` | 255는 직접 지정 |
| `nn.CrossEntropyLoss` | `reduction` | `'mean'` | |
");
    let all = cards(&d);
    assert!(all.iter().all(|c| !c.contains("ignore_index")), "{all:#?}");
    assert!(
        all.iter()
            .any(|c| c.contains("<code>reduction</code> 기본값 => <code>'mean'</code>")),
        "{all:#?}"
    );
    assert_skipped(&d, |r| {
        r.starts_with(
            "says CrossEntropyLoss › ignore_index › 기본값 is 255 where a table cell says -100",
        )
    });
}

#[test]
fn a_cell_whose_condition_the_row_s_formula_holds_is_that_card_s() {
    // `ATT › 조건` → `T=1` asks again the condition of `ATT`'s own formula `E[Y(1) - Y(0)
    // \\mid T=1]`; `ATE › 조건` → `없음` and the other columns are facts of their own.
    let d = doc("## **2. ATE / ATT / ATC / CATE**

- **ATE (Average Treatment Effect)**: 전체 모집단 평균 효과

$$\\text{ATE} = E[Y(1) - Y(0)]$$

- **ATT (Average Treatment effect on the Treated)**: $E[Y(1) - Y(0) \\mid T=1]$
    - \"쿠폰 받은 사람들한테 쿠폰이 얼마나 먹혔나\" → 사후 평가에 많이 씀
- **ATC (Average Treatment effect on the Controls)**: $E[Y(1) - Y(0) \\mid T=0]$
    - \"아직 안 준 사람들한테 확대하면?\" → 롤아웃 의사결정
- **CATE (Conditional Average Treatment Effect)**: $\\tau(x) = E[Y(1) - Y(0) \\mid X = x]$
    - 개인화 / 타게팅의 기반. uplift modeling이 추정하는 게 결국 이거

| 구분 | 조건 | 질문 | 용도 |
| --- | --- | --- | --- |
| **ATE** | 없음 | 전원에게 주면? | 정책 전체 도입 |
| **ATT** | $T=1$ | 받은 사람에겐 효과 있었나? | 사후 평가, ROI |
| **ATC** | $T=0$ | 안 받은 사람에게 확대하면? | 확대 롤아웃 |
| **CATE** | $X=x$ | 누구에게 줘야 하나? | 타게팅, 개인화 |
");
    let all = cards(&d);
    for gone in ["ATT › 조건", "ATC › 조건", "CATE › 조건"] {
        assert!(all.iter().all(|c| !c.contains(gone)), "{gone}: {all:#?}");
    }
    for kept in ["ATE › 조건 => 없음", "ATT › 용도 => 사후 평가, ROI"] {
        assert!(all.iter().any(|c| c.contains(kept)), "{kept}: {all:#?}");
    }
    assert_skipped(&d, |r| {
        r.starts_with("table cell that says again a bullet of the card on line 11 (ATE / ATT / ATC / CATE › ATT)")
    });
}

#[test]
fn a_version_closing_on_a_plus_is_another_subject() {
    // `v3+` was keyed as `v3`: its row was dropped as asking what v3's asks.
    let d = doc("### 4. 버전별 비교

| 버전 | 핵심 변경 | Backbone | 후처리 |
| --- | --- | --- | --- |
| **v1** (2015) | atrous conv 도입 | VGG16 | Fully connected CRF |
| **v2** (2017) | ASPP 도입 (rate 6, 12, 18, 24) | ResNet-101 | CRF |
| **v3** (2017) | ASPP + BN + image pooling | ResNet | 없음 |
| **v3+** (2018) | encoder-decoder 구조, atrous separable conv | Xception (modified) | 없음 |
");
    let all = cards(&d);
    for want in [
        "v3+ › 핵심 변경 => encoder-decoder 구조, atrous separable conv",
        "v3+ › Backbone => Xception (modified)",
        "v3 › Backbone => ResNet",
    ] {
        assert!(all.iter().any(|c| c.contains(want)), "{want}: {all:#?}");
    }
}

#[test]
fn a_default_closing_a_sentence_is_the_value_its_card_shows() {
    // `match_thresh`: 기본 0.7. — the full stop closes the sentence, and the card showing the
    // slip waits with the table's cell.
    let d = doc("## **9. ultralytics tracker API**

### 파라미터 의미

- `track_high_thresh`: 1차 매칭 기준, 기본 0.25
- `match_thresh`: 기본 0.7. cost가 이 값 이하여야 매칭 → IoU 약 0.3 이상
- `fuse_score`: IoU에 score를 곱해서 cost 계산

### 기본값 정리 표

| 함수 | 인자 | 기본값 | 메모 |
| --- | --- | --- | --- |
| `bytetrack.yaml` | `match_thresh` | 0.8 | cost 상한 |
| `bytetrack.yaml` | `track_buffer` | 30 | lost 보관 프레임 |
");
    let all = cards(&d);
    assert!(all.iter().all(|c| !c.contains("기본 0.7")), "{all:#?}");
    assert!(
        all.iter()
            .any(|c| c.contains("<code>track_buffer</code> 기본값 => 30")),
        "{all:#?}"
    );
}

#[test]
fn a_short_aside_naming_the_hidden_part_stays_on_the_front() {
    // `(삼각 행렬)` says what kind of answer is asked; without it `야코비안 행렬식 비쌈 → ___`
    // fits other answers as well.
    let d = doc("## Normalizing Flow

📌 **암기 팁**

- 야코비안 행렬식 비쌈 → **coupling layer** (삼각 행렬)
");
    let all = cards(&d);
    assert!(
        all.iter()
            .any(|c| c
                .ends_with("야코비안 행렬식 비쌈 → {{c1::<b>coupling layer</b>}} (삼각 행렬) => ")),
        "{all:#?}"
    );
}

#[test]
fn a_hidden_part_opening_its_line_keeps_what_follows_as_its_cue() {
    // `**scale-independent** → …`: the arrow's result is all the front would say besides
    // the hidden part, so it stays; moved to the back, the front was only `[...]`.
    let d = doc("## MAPE

- **수식**: 절대 백분율 오차의 평균
- **scale-independent** → 단위가 다른 시계열끼리 비교 가능
");
    let all = cards(&d);
    assert!(
        all.iter().any(|c| c
            .ends_with("<b>{{c1::scale-independent}}</b> → 단위가 다른 시계열끼리 비교 가능 => ")),
        "{all:#?}"
    );
}

#[test]
fn lines_under_a_keywords_title_are_no_clozes() {
    // `**Exam keywords**:` over an italic line of `name = keyword` pairs: a cloze hid most
    // of the list at once under the first name's topic.
    let d = doc("## MAE

- **수식**: 절대 오차의 평균

**Exam keywords**:

*MAE = median, RMSE = mean, MAPE zero problem, No shuffling*
");
    let all = cards(&d);
    assert!(all.iter().all(|c| !c.contains("median")), "{all:#?}");
    assert_skipped(&d, |r| {
        r == "lists the topic's keywords, which its own cards ask"
    });
}

#[test]
fn a_labels_aside_holding_math_is_not_repeated_in_the_answer() {
    // The aside is the label's and shows on the front; with math in it, it spans several
    // events and was read as the start of the value too.
    let d = doc("## ARIMA

- **정의**: 자기회귀와 이동평균을 합친 모델
- **수식** (후방 연산자 $B$, $By_t = y_{t-1}$):
    - $\\phi(B)(1-B)^d y_t = c + \\theta(B)\\epsilon_t$
");
    let all = cards(&d);
    assert!(
        all.iter().any(|c| c.ends_with(
            "ARIMA › 수식 (후방 연산자 \\(B\\), \\(By_t = y_{t-1}\\)) => <ul><li>\\(\\phi(B)(1-B)^d y_t = c + \\theta(B)\\epsilon_t\\)</li></ul>"
        )),
        "{all:#?}"
    );
}

#[test]
fn an_arrow_after_a_hidden_part_stays_on_the_front() {
    // `… {{c1::표본평균}} → 정규분포`: what the arrow leads to is the claim's other half, so
    // the front keeps it, unlike an aside.
    let d = doc("## CLT

📌 **암기 팁**

- CLT = 원래 분포 상관없이 **표본평균** → 정규분포 (유한 분산 필요, Cauchy X)
");
    let all = cards(&d);
    assert!(
        all.iter().any(|c| c.ends_with(
            "CLT = 원래 분포 상관없이 {{c1::<b>표본평균</b>}} → 정규분포 (유한 분산 필요, Cauchy X) => "
        )),
        "{all:#?}"
    );
}

#[test]
fn a_names_notation_after_it_is_part_of_its_label() {
    // `**Binomial** $B(n, p)$: …` was no label, its math standing between the bold name and
    // the colon: the whole list became one `이산 분포 › 핵심 내용` card. A formula there is
    // what the bullet says, not a name (`**Evidence** $P(D) = …$:`).
    let d = doc("## 이산 분포

- **Bernoulli**: 한 번의 성공/실패
- **Binomial** $B(n, p)$: 독립 Bernoulli 시행 n번 중 성공 횟수
    - 평균 $np$, 분산 $np(1-p)$
- **Gaussian (Normal)** $\\mathcal{N}(\\mu, \\sigma^2)$
    - 모수: 평균 $\\mu$, 분산 $\\sigma^2$
");
    let all = cards(&d);
    for card in [
        "이산 분포 › Binomial \\(B(n, p)\\) => 독립 Bernoulli 시행 n번 중 성공 횟수<br><ul><li>평균 \\(np\\), 분산 \\(np(1-p)\\)</li></ul>",
        "이산 분포 › Gaussian (Normal) \\(\\mathcal{N}(\\mu, \\sigma^2)\\) => <ul><li>모수: 평균 \\(\\mu\\), 분산 \\(\\sigma^2\\)</li></ul>",
    ] {
        assert!(all.iter().any(|c| c.ends_with(card)), "{card}: {all:#?}");
    }
    assert!(all.iter().all(|c| !c.contains("핵심 내용")), "{all:#?}");
}

#[test]
fn a_generic_corner_names_no_axis_and_a_quoted_tip_title_is_no_line() {
    // `구분 \ 방법` only says the first column holds items: `방법 MLE / 방법 MAP › 구분 데이터
    // 많을 때` became `MLE / MAP › 데이터 많을 때`. A quote opening with `📌 **암기 팁**` has
    // that as its title, not as a line whose bold part is hidden.
    let d = doc("## MLE vs MAP

| 구분 \\ 방법 | MLE | MAP |
| --- | --- | --- |
| **데이터 많을 때** | 참값으로 수렴 | MLE와 거의 같아짐 |
| **Prior** | 사용 안 함 | 사용 |

> 📌 **암기 팁**
>
> - Gaussian prior의 MAP = **L2 정규화**를 더한 MLE
");
    let all = cards(&d);
    assert!(
        all.iter()
            .any(|c| c.contains("MLE / MAP › 데이터 많을 때 => ")),
        "{all:#?}"
    );
    assert!(all.iter().all(|c| !c.contains("암기 팁}}")), "{all:#?}");
    assert!(
        all.iter().any(|c| c.contains("{{c1::<b>L2 정규화</b>}}")),
        "{all:#?}"
    );
}

#[test]
fn a_term_named_after_the_cited_authors_is_not_what_a_cloze_hides() {
    // `Box & Jenkins` on the front gave `{{c1::Box-Jenkins 방법론}}` away; the steps in order
    // are what the line teaches.
    let d = doc("## ARIMA

- **정의**: 자기회귀와 이동평균을 합친 모델
- 1970년 Box & Jenkins가 식별 → 추정 → 진단의 **Box-Jenkins 방법론**으로 정리
");
    let all = cards(&d);
    assert!(
        all.iter().any(|c| c.contains(
            "1970년 Box &amp; Jenkins가 {{c1::식별 → 추정 → 진단}}의 <b>Box-Jenkins 방법론</b>으로 정리"
        )),
        "{all:#?}"
    );
}

#[test]
fn a_quoted_pin_line_saying_something_is_a_line_not_a_title() {
    // `> 📌 LSTM은 **1997년**에 제안` is a tip line of its own, not a title over the quote:
    // a title is all bold or ends on a colon.
    let d = doc("## LSTM

- **구조**: 셀 상태와 게이트

> 📌 LSTM은 **1997년**에 제안
");
    let all = cards(&d);
    assert!(
        all.iter().any(|c| c.contains("{{c1::<b>1997년</b>}}")),
        "{all:#?}"
    );
}

#[test]
fn a_tip_hiding_one_word_repeats_only_a_card_about_that_word() {
    // The `표준오차` card says `표본평균` in passing: the tip's fact (what CLT makes normal)
    // is its own. The `장점` card sets `병렬화` in bold: the tip hiding it asks that card again.
    let d = doc("## 중심극한정리

- **표준오차**: 표본평균의 표준편차, 표본 크기의 제곱근에 반비례

📌 **암기 팁**

- CLT = 원래 분포 상관없이 **표본평균** → 정규분포

## Transformer

### 장점

- **병렬화**: 시점을 하나씩 처리하지 않아 학습을 병렬로 수행 가능

📌 **암기 팁**

- Transformer = RNN 제거 + Self-Attention → **병렬화**
");
    let all = cards(&d);
    assert!(
        all.iter()
            .any(|c| c.contains("CLT = 원래 분포 상관없이 {{c1::")),
        "{all:#?}"
    );
    assert!(
        !all.iter().any(|c| c.contains("Transformer = RNN 제거")),
        "{all:#?}"
    );
    assert_skipped(&d, |r| r.contains("(Transformer › 장점)"));
}

#[test]
fn a_flag_s_default_the_table_says_otherwise_waits() {
    // `**first_order 기본값**: `True`` against the table's `False`: the bullet's card taught
    // the slip. True and False clash as two numbers do.
    let d = doc("## **8. 라이브러리 사용**

### 1. learn2learn

- PyTorch 기반, `MAML`, `MetaSGD` 등 알고리즘 래퍼
- **first_order 기본값**: `True` → full MAML 원하면 `first_order=False` 명시

### 4. 기본값 정리

| 함수 | 인자 | 기본값 | 메모 |
| --- | --- | --- | --- |
| `l2l.algorithms.MAML` | `first_order` | `False` | `True`면 FOMAML |
");
    let all = cards(&d);
    assert!(
        all.iter().all(|c| !c.contains("first_order 기본값 =>")),
        "{all:#?}"
    );
    assert_skipped(&d, |why| {
        why.starts_with("says MAML › first_order › 기본값 is True")
    });
}

#[test]
fn a_formula_the_topics_other_formula_contradicts_leaves_its_card() {
    // The user's LoRA notes: `W + ΔW` and `y' = (W + BA)x` make ΔW = BA, and a line says
    // `ΔW = A × B`. Lint reports it; the card keeps its other lines and waits for that one.
    const LORA: &str = "## **2. LoRA (Low-Rank Adaptation)**

### 1. 동작 원리

- Transformer의 Attention 가중치 행렬 W를 직접 업데이트하지 않음
- 대신 **W + ΔW** 형태로 쓰되,
    - ΔW = **A × B**
    - A, B는 rank가 낮은(작은 차원의) 학습 가능 행렬

### 2. 수식

$$
y' = (W + BA)x
$$
";
    let d = doc(LORA);
    let all = cards(&d);
    assert!(all.iter().all(|c| !c.contains("A × B")), "{all:#?}");
    assert!(
        all.iter().any(|c| c.contains("동작 원리")
            && c.contains("W + ΔW")
            && c.contains("A, B는 rank가 낮은")),
        "{all:#?}"
    );
    assert_skipped(&d, |r| {
        r == "says ΔW = A × B where the topic's formulas make it BA: lint reports the conflict \
              (conflicting-claim); left out of its card until it is settled"
    });

    // Marked up otherwise, the same line is found and left out.
    let marked = cards(&doc(&LORA.replace("**A × B**", "**A** × **B**")));
    assert!(
        marked.iter().all(|c| !c.contains("<b>A</b> × <b>B</b>")),
        "{marked:#?}"
    );
    assert!(
        marked.iter().any(|c| c.contains("A, B는 rank가 낮은")),
        "{marked:#?}"
    );

    // Written the way the formula has it, the line is a card's again.
    let fixed = doc(&LORA.replace("A × B", "BA"));
    let fixed = cards(&fixed);
    assert!(
        fixed.iter().any(|c| c.contains("ΔW = <b>BA</b>")),
        "{fixed:#?}"
    );
}
