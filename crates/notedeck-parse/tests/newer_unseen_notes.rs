//! Card rules found on notes in the user's style that the rules had not been tuned on
//! (speech recognition, graph networks, optimisers, gradient boosting, object detection). Each case shows the cards a fragment of
//! such a note makes, as the student reviewing them would read them.

mod common;

use common::{assert_fronts, assert_skipped, back_of, cards, cloze_fronts, doc};

#[test]
fn a_sequence_named_beside_a_fact_is_no_part_to_list() {
    // `순서:` over the framing steps is a facet's name like `과정`: its steps are a card of
    // their own, and beside the stationarity fact it was a dangling word, with `Mel scale`
    // (one name left) after it.
    let d = doc("## **1. MFCC vs Log-Mel Spectrogram**

### 1. 공통 전처리: STFT (Short-Time Fourier Transform)

- 음성은 전체로 보면 non-stationary, 짧은 구간(20~30ms)에서는 stationary로 가정
- 순서:
    1. **Framing**: window 25ms, hop 10ms
        - 16kHz 기준 window = 400 samples, hop = 160 samples → **1초 = 100 frame**
    2. **Windowing**: Hamming / Hann window로 frame 양 끝 불연속 완화
    3. **FFT (Fast Fourier Transform)**: 512-point → 257개 frequency bin, power spectrum
    4. **Mel filterbank**: 삼각형 필터 40~80개를 Mel scale 간격으로 배치
- **Mel scale**: 사람 귀는 저주파 차이에 민감, 고주파 차이에 둔감 → 저주파는 촘촘, 고주파는 듬성듬성
");
    assert_eq!(
        back_of(&d, "MFCC vs Log-Mel Spectrogram › 공통 전처리: STFT"),
        "<ul><li>음성은 전체로 보면 non-stationary, 짧은 구간(20~30ms)에서는 stationary로 가정</li></ul>"
    );
    assert_eq!(
        back_of(&d, "MFCC vs Log-Mel Spectrogram › 공통 전처리: STFT › 순서"),
        "<ol><li>Framing</li><li>Windowing</li><li>FFT (Fast Fourier Transform)</li><li>Mel filterbank</li></ol>"
    );
}

#[test]
fn names_beside_a_things_facts_are_no_parts_to_list() {
    // Under `Warmup` (one thing's name), `왜 필요한가` and `Gradual warmup` beside the
    // original schedule's fact were listed bare, their answers on cards of their own: a
    // jumble of a fact and two headings. Under Xavier, `가정` sat in the list before the
    // formula and the PyTorch fact in the list after it.
    let d = doc("## **5. Learning Rate Schedule**

### 1. Warmup

- **정의**: 학습 초반 몇 step/epoch 동안 lr을 작은 값에서 목표 lr까지 **점진적으로 증가**
- **왜 필요한가**: 초반엔 gradient가 크고 불안정 + Adam 계열은 $v_t$ 추정도 부정확 (RAdam, Liu et al., 2020) → 큰 lr이면 발산
- **Gradual warmup** (Goyal et al., 2017, \"Accurate, Large Minibatch SGD: Training ImageNet in 1 Hour\")
    - **Linear scaling rule**: batch size를 $k$배 → lr도 $k$배 ($\\eta = 0.1 \\times \\frac{B}{256}$)
    - 처음 **5 epoch** 동안 lr을 선형 증가 → ResNet-50, batch 8192로 1시간 학습
- Transformer 원 논문 (Vaswani et al., 2017): `warmup_steps=4000`, 이후 inverse square root decay

## **8. Weight Initialization (Xavier, He)**

### 1. Xavier (Glorot) 초기화

- *Glorot & Bengio, 2010*
- **가정**: 활성함수가 0 근처에서 선형 (tanh, sigmoid) → forward 조건 $n_{in} \\mathrm{Var}(W) = 1$과 backward 조건 $n_{out}\\mathrm{Var}(W) = 1$의 절충

$$
\\mathrm{Var}(W) = \\frac{2}{n_{in} + n_{out}}
$$

- PyTorch: `nn.init.xavier_uniform_(tensor, gain=1.0)`, `nn.init.xavier_normal_(tensor, gain=1.0)`
");
    assert_eq!(
        back_of(&d, "Learning Rate Schedule › Warmup"),
        "<ul><li>Transformer 원 논문 (Vaswani et al., 2017): <code>warmup_steps=4000</code>, 이후 inverse square root decay</li></ul>"
    );
    assert_eq!(
        back_of(&d, "Weight Initialization › Xavier (Glorot) 초기화"),
        "<ul><li>PyTorch: <code>nn.init.xavier_uniform_(tensor, gain=1.0)</code>, <code>nn.init.xavier_normal_(tensor, gain=1.0)</code></li></ul>"
    );
}

#[test]
fn names_under_a_title_asking_for_a_set_stay_beside_its_facts() {
    // `대표 사례` asks for the examples: DistilBERT and TinyBERT are its answer beside the
    // LLM line, though each has a card of its own. So are names of one kind (`Linear
    // schedule`, `Cosine schedule`) under a title naming one thing.
    let d = doc("## **4. 지식 증류**

### 5. 대표 사례

- **DistilBERT**: BERT-base 대비 파라미터 40% ↓, 속도 60% ↑, 성능 97% 유지
- **TinyBERT**: embedding, attention, hidden state까지 layer별로 증류
- LLM: GPT-4 같은 큰 모델 출력으로 작은 모델 학습 (sequence-level KD)

## **2. DDPM**

### Noise schedule

- **Linear schedule**: $\\beta_1 = 10^{-4}$에서 $\\beta_T = 0.02$까지 선형 증가 (DDPM 원 논문)
- **Cosine schedule**: $\\bar\\alpha_t$가 cosine 모양으로 감소 (Nichol & Dhariwal, 2021), 끝부분 정보 파괴가 덜 급격
- SNR 관점: schedule = SNR을 $t$에 따라 어떻게 떨어뜨릴지 정하는 것
");
    let examples = back_of(&d, "지식 증류 › 대표 사례");
    assert!(
        examples.starts_with("<ul><li>DistilBERT</li><li>TinyBERT</li><li>LLM:"),
        "{examples}"
    );
    let schedules = back_of(&d, "DDPM › Noise schedule");
    assert!(
        schedules.starts_with("<ul><li>Linear schedule</li><li>Cosine schedule</li>"),
        "{schedules}"
    );
}

#[test]
fn a_method_opening_with_its_formula_is_a_subtopic_with_a_formula_card() {
    // `### 1. Vanilla SGD` opens with its update rule, then `정의`, `장점`, `한계` and a
    // `PyTorch:` line. Read as one facet, its card was the formula and the PyTorch call under
    // the bare heading; the labelled bullets are the method's facets, the formula its `수식`,
    // and the library's call a question of its own.
    let d = doc("## **1. SGD 계열**

### 1. Vanilla SGD

$$
\\theta_{t+1} = \\theta_t - \\eta\\, g_t
$$

$$
g_t = \\nabla_\\theta \\mathcal{L}_{B_t}(\\theta_t)
$$

- **정의**: mini-batch $B_t$로 구한 gradient 방향으로 learning rate $\\eta$만큼 이동
- **장점**: 단순, 메모리 추가 없음, gradient noise가 일종의 regularization
- **한계**: 모든 파라미터에 같은 $\\eta$ → ill-conditioned 문제에서 지그재그 진동
- PyTorch: `torch.optim.SGD(params, lr, momentum=0, nesterov=False)`
");
    // Two formulas in a row are one derivation: one card.
    assert_eq!(
        back_of(&d, "SGD 계열 › Vanilla SGD › 수식"),
        "<p>\\[\\theta_{t+1} = \\theta_t - \\eta\\, g_t\\]</p><p>\\[g_t = \\nabla_\\theta \\mathcal{L}_{B_t}(\\theta_t)\\]</p>"
    );
    assert_eq!(
        back_of(&d, "SGD 계열 › Vanilla SGD › PyTorch"),
        "<code>torch.optim.SGD(params, lr, momentum=0, nesterov=False)</code>"
    );
    assert!(
        back_of(&d, "SGD 계열 › Vanilla SGD › 한계").starts_with("모든 파라미터에"),
        "{:#?}",
        d.cards
    );
    assert_fronts(&d, &["SGD 계열 › Vanilla SGD"], &[]);
}

#[test]
fn a_line_introducing_a_formula_asks_with_its_math_shown_as_math() {
    // The front kept `$k$` and `$v$` as typed, which Anki shows as dollars.
    let d = doc("## **1. MPNN (Message Passing Neural Network)**

- 논문: *Gilmer et al., 2017*
- 대부분의 GNN을 하나의 틀로 묶은 프레임워크, layer $k$에서 노드 $v$ 업데이트:

$$
m_v^{(k)} = \\bigoplus_{u \\in \\mathcal{N}(v)} \\phi^{(k)}
$$
");
    let card = d
        .cards
        .iter()
        .find(|c| c.back.contains("bigoplus"))
        .unwrap_or_else(|| panic!("{:#?}", d.cards));
    assert_eq!(
        card.front,
        "MPNN › 대부분의 GNN을 하나의 틀로 묶은 프레임워크, layer \\(k\\)에서 노드 \\(v\\) 업데이트"
    );
}

#[test]
fn a_tip_quoting_formulas_hides_what_follows_them() {
    // The first `=` sat inside the second quote: the deletion opened there, inside the
    // quote, and ran on to the end, two facts in one blank.
    let d = doc("## **3. GIN**

📌 **암기 팁**: \"MPNN ≤ 1-WL\", \"GIN = 1-WL\" → 더 강하게 하려면 구조 정보 추가(positional encoding, 서브그래프 카운트)나 k-WL 기반 higher-order GNN
");
    let tip = d
        .cards
        .iter()
        .find(|c| c.front.contains("암기 팁"))
        .unwrap_or_else(|| panic!("{:#?}", d.cards));
    let hidden: Vec<&str> = tip
        .cloze
        .iter()
        .map(|c| &tip.front[c.range.clone()])
        .collect();
    assert_eq!(
        hidden,
        [
            "더 강하게 하려면 구조 정보 추가(positional encoding, 서브그래프 카운트)나 k-WL 기반 higher-order GNN"
        ]
    );
}

#[test]
fn a_formula_after_a_line_naming_its_symbol_is_that_lines() {
    // DiffPool's line names `$S$`, the formula below it sets `S^{(l)}`: it was carded as
    // `Graph Pooling / Readout › 수식`, a formula of the section's several poolings.
    let d = doc("## **7. Graph Pooling / Readout**

- graph-level 태스크: 노드 수가 제각각인 그래프를 **고정 크기 벡터**로 → **permutation invariant** 해야 함
- **Set2Set** (Vinyals et al., 2016): LSTM attention으로 여러 step 읽기
- **DiffPool (Differentiable Pooling)** (Ying et al., 2018): soft cluster assignment $S$ 학습

$$
S^{(l)} = \\text{softmax}\\big(\\text{GNN}_{pool}(A^{(l)}, X^{(l)})\\big)
$$

- **TopKPooling** (Gao & Ji, 2019): projection 벡터로 점수 → 상위 $\\lceil kN \\rceil$개 노드만 남김
");
    assert_eq!(
        back_of(
            &d,
            "Graph Pooling / Readout › DiffPool (Differentiable Pooling) (Ying et al., 2018)"
        ),
        "soft cluster assignment \\(S\\) 학습<p>\\[S^{(l)} = \\text{softmax}\\big(\\text{GNN}_{pool}(A^{(l)}, X^{(l)})\\big)\\]</p>"
    );
    assert!(
        !d.cards.iter().any(|c| c.front.ends_with("› 수식")),
        "{:#?}",
        d.cards
    );
}

#[test]
fn a_generic_word_alone_is_no_shorter_wording_of_a_question() {
    // `XGBoost › 방법` in a table of categorical handling was taken for a shorter wording of
    // `XGBoost › 성장 방식` (방법 and 방식 are one facet word) and dropped as asked already.
    let d = doc("## **9. 라이브러리 비교**

| 라이브러리 | 성장 방식 |
| --- | --- |
| **XGBoost** | depth-wise |
| **LightGBM** | leaf-wise |

## **12. 범주형 Feature**

| 라이브러리 | 방법 | 설정 |
| --- | --- | --- |
| **XGBoost** | 범주 partition 기반 split (hist) | `enable_categorical=True` |
| **LightGBM** | gradient/hessian 통계로 범주 정렬 후 최적 분할 | `categorical_feature=[...]` |
");
    assert_eq!(
        back_of(&d, "XGBoost › 방법"),
        "범주 partition 기반 split (hist)"
    );
    assert_eq!(back_of(&d, "XGBoost › 성장 방식"), "depth-wise");
}

#[test]
fn a_librarys_line_naming_a_class_in_code_keeps_its_answer() {
    // `sklearn `AdaBoostClassifier` 기본값:` is a library's label; with the class in code the
    // label spans three events, and its value was looked for in the first: none found, the
    // line was skipped as a bold bullet without an answer.
    let d = doc("## **5. AdaBoost**

- **정의**: 약한 학습기를 순차적으로 결합
- **한계**: outlier에 민감
- sklearn `AdaBoostClassifier` 기본값: `n_estimators=50`, `learning_rate=1.0`
");
    assert_eq!(
        back_of(&d, "AdaBoost › sklearn AdaBoostClassifier 기본값"),
        "<code>n_estimators=50</code>, <code>learning_rate=1.0</code>"
    );
}

#[test]
fn a_tip_in_a_bullet_hides_its_recipe_and_study_advice_is_no_card() {
    // `- 📌 overfitting이면: …` was a statement whose cloze hid one word, `leaf`; as a tip
    // it hides the recipe after its colon. `… → 대응 관계로 외우기` says how to study: its
    // cloze hid the advice.
    let d = doc("## **9. 주요 하이퍼파라미터**

| 역할 | XGBoost |
| --- | --- |
| **트리 개수** | 100 |

- 📌 overfitting이면: 복잡도 ↓, leaf 최소 크기 ↑, 정규화 ↑ → 마지막에 lr 낮추고 트리 수 늘리기
- 같은 역할의 HP가 라이브러리마다 이름만 다름 → 대응 관계로 외우기
");
    let clozes: Vec<String> = d
        .cards
        .iter()
        .filter(|c| !c.cloze.is_empty())
        .map(|c| {
            c.cloze
                .iter()
                .map(|r| &c.front[r.range.clone()])
                .collect::<Vec<_>>()
                .join(" | ")
        })
        .collect();
    assert_eq!(
        clozes,
        ["복잡도 ↓, leaf 최소 크기 ↑, 정규화 ↑ → 마지막에 lr 낮추고 트리 수 늘리기"]
    );
    assert!(
        d.skipped
            .iter()
            .any(|s| s.reason.starts_with("says how to study")),
        "{:#?}",
        d.skipped
    );
}

#[test]
fn a_short_line_over_a_table_titles_it() {
    // `- 라이브러리 내장 지원` closes the list right over the table of libraries. As a fact
    // beside the encodings it made the facet's card that line alone; under a topic it was
    // the topic's 핵심 내용 card.
    let table = "
| 라이브러리 | 방법 |
| --- | --- |
| **XGBoost** | 범주 partition 기반 split (hist) |
| **LightGBM** | gradient/hessian 통계로 범주 정렬 후 최적 분할 |
";
    let facet = format!(
        "## **12. 범주형 Feature & 불균형 데이터**

### 1. 범주형 Feature

- **One-hot**: 범주가 적으면 OK, 고카디널리티(high-cardinality)면 차원 폭발 + 한쪽으로 치우친 split만 생김
- **Label encoding**: 트리는 threshold로 자르니까 어느 정도 동작하지만, 임의 순서라 split 비효율
- **Target encoding**: 강력하지만 leakage → K-fold 방식 또는 CatBoost ordered TS
- 라이브러리 내장 지원
{table}"
    );
    let d = doc(&facet);
    assert_eq!(
        back_of(&d, "범주형 Feature &amp; 불균형 데이터 › 범주형 Feature"),
        "<ul><li>One-hot</li><li>Label encoding</li><li>Target encoding</li></ul>"
    );
    let topic = format!(
        "## **12. 범주형 Feature**

- **One-hot**: 범주가 적으면 OK, 고카디널리티면 차원 폭발
- **Label encoding**: 임의 순서라 split 비효율
- 라이브러리 내장 지원
{table}"
    );
    let d = doc(&topic);
    assert!(
        !d.cards
            .iter()
            .any(|c| c.back.contains("라이브러리 내장 지원")),
        "{:#?}",
        d.cards
    );
    assert!(
        d.skipped
            .iter()
            .any(|s| s.reason.starts_with("titles the table after it")),
        "{:#?}",
        d.skipped
    );
}

#[test]
fn an_example_named_by_what_it_works_out_keeps_only_its_conclusion() {
    // `### 4. 예시: Adam 첫 step에서 …` works out made-up numbers; its card was the whole
    // computation. Its `결론:` line (a label with its text after the colon) is the fact.
    let d = doc("## **2. Adaptive 계열 옵티마이저**

### 4. 예시: Adam 첫 step에서 bias correction의 효과

- 조건: $t = 1$, $g_1 = 0.2$, $\\beta_1 = 0.9$, $\\beta_2 = 0.999$

$$
m_1 = (1 - 0.9)(0.2) = 0.02, \\qquad v_1 = (1 - 0.999)(0.2)^2 = 4 \\times 10^{-5}
$$

- **보정 X**

$$
\\Delta\\theta = -10^{-3} \\cdot \\frac{0.02}{0.006325} \\approx -3.16 \\times 10^{-3}
$$

- 결론: 보정을 안 하면 첫 step이 약 3.16배 커짐
    - 보정하면 첫 step 크기 ≈ $\\eta$ → Adam의 step 크기는 대략 **lr로 상한**
");
    let backs: Vec<&str> = d.cards.iter().map(|c| c.back.as_str()).collect();
    assert_eq!(backs.len(), 1, "{:#?}", d.cards);
    assert!(
        backs[0].starts_with("<ul><li>결론: 보정을 안 하면 첫 step이 약 3.16배 커짐"),
        "{}",
        backs[0]
    );
    assert!(
        d.skipped
            .iter()
            .filter(|s| s.reason.starts_with("worked computation"))
            .count()
            >= 3,
        "{:#?}",
        d.skipped
    );
}

#[test]
fn rows_sharing_a_first_cell_are_asked_by_the_cell_telling_them_apart() {
    // Both rows asked `YOLOv5 › conf threshold`; the second was dropped as the first asked
    // again, so the card taught detect.py's threshold as YOLOv5's.
    let d = doc("## **2. NMS**

| 라이브러리 | 함수/모드 | conf threshold | 최대 box 수 |
| --- | --- | --- | --- |
| **YOLOv5** | `detect.py` | `conf_thres=0.25` | `max_det=1000` |
| **YOLOv5** | `val.py` | `conf_thres=0.001` | `max_det=300` |
| **ultralytics (YOLOv8)** | `model.predict()` | `conf=0.25` | `max_det=300` |
");
    assert_eq!(
        back_of(&d, "YOLOv5 (detect.py) › conf threshold"),
        "<code>conf_thres=0.25</code>"
    );
    assert_eq!(
        back_of(&d, "YOLOv5 (val.py) › conf threshold"),
        "<code>conf_thres=0.001</code>"
    );
    assert!(
        !d.cards
            .iter()
            .any(|c| c.front.ends_with("› 함수/모드") && c.front.starts_with("YOLOv5")),
        "{:#?}",
        d.cards
    );
}

#[test]
fn a_cell_with_a_number_its_bullets_lack_is_a_fact_of_its_own() {
    // The detection note's comparison row gives Fast R-CNN's time as `약 0.3초 + proposal
    // 약 2초`; only the 2 s of Selective Search is in a bullet, yet the cell was dropped as
    // saying again the bullet that mentions `proposal`. Its proposal method is in a bullet
    // and stays dropped.
    let d = doc("## Two-stage

### Fast R-CNN

- **핵심**: 이미지 전체를 CNN에 **한 번만** 통과 → feature map 위에서 proposal 영역만 잘라 씀
- **Multi-task loss**: softmax 분류 + smooth L1 box regression을 한 번에 학습
- **한계**: proposal은 여전히 **Selective Search (CPU, 이미지당 약 2초)** → 병목

### 비교

| 모델 | Proposal | 특징 | 분류기 | 속도 |
| --- | --- | --- | --- | --- |
| **Fast R-CNN** | Selective Search | 이미지당 CNN 1회 + RoI Pooling | softmax | 약 0.3초 + proposal 약 2초 |
| **Faster R-CNN** | RPN | anchor | softmax | 약 0.2초 |
");
    assert_eq!(
        back_of(&d, "Fast R-CNN › 속도"),
        "약 0.3초 + proposal 약 2초"
    );
    assert_fronts(&d, &["Fast R-CNN › Proposal"], &[]);
}

#[test]
fn a_cloze_never_splits_a_name_or_a_size_at_its_number() {
    // In a CNN note the clozes hid `5 error` of `top-5 error` and `1×` of `1×1 conv` (BAD:
    // garbled). A number hyphened to a word is part of a name, and a size is hidden whole.
    let d = doc("## **4. AlexNet (2012)**

- **ILSVRC (ImageNet Large Scale Visual Recognition Challenge) 2012 우승** → top-5 error 15.3% (2위 26.2%)

## **12. DenseNet**

- $H_l$ = BN → ReLU → 1×1 conv ($4k$) → BN → ReLU → 3×3 conv ($k$)
");
    assert_eq!(
        cloze_fronts(&d),
        [
            "<b>ILSVRC (ImageNet Large Scale Visual Recognition Challenge) 2012 우승</b> → top-5 error {{c1::15.3% (2위 26.2%)}}",
            "\\(H_l\\) = BN → ReLU → {{c1::1×1}} conv (\\(4k\\)) → BN → ReLU → 3×3 conv (\\(k\\))",
        ]
    );
}

#[test]
fn a_name_writing_its_size_gives_the_size_away() {
    // A tokenizer note's table of tiktoken encodings: `p50k_base › vocab 크기` → `약 50K`
    // was asked (BAD: the name says it). The exact 50,257 of r50k_base is no such number.
    let d = doc("## **5. Byte-level BPE**

| encoding | 사용 모델 | vocab 크기 | 특징 |
| --- | --- | --- | --- |
| **r50k_base** | GPT-2, GPT-3 (davinci) | 50,257 | GPT-2와 동일 |
| **p50k_base** | Codex, text-davinci-002/003 | 약 50K | 코드용 연속 공백 토큰 추가 |
| **cl100k_base** | GPT-3.5-turbo, GPT-4 | 약 100K | 숫자를 1~3자리 단위로 분리 |
");
    assert_eq!(back_of(&d, "r50k_base › vocab 크기"), "50,257");
    assert_fronts(
        &d,
        &["p50k_base › vocab 크기", "cl100k_base › vocab 크기"],
        &[],
    );
    assert_eq!(
        back_of(&d, "p50k_base › 특징"),
        "코드용 연속 공백 토큰 추가"
    );
}

#[test]
fn a_worked_example_stays_the_answer_and_a_modifier_ends_a_list_of_names() {
    // The same note's `예시` computes each model's embedding parameters: asked the other
    // way round (`예시 › GPT-2 small: … → Vocab Size Trade-off`) it was BAD. The line above
    // hid `vocab size V, hidden` of `hidden 차원 d`, a list cut mid-phrase.
    let d = doc("## **6. Vocab Size Trade-off**

- vocab size $V$, hidden 차원 $d$ → embedding 파라미터 (input embedding과 output layer가 untied면 2배)
- 예시
    - GPT-2 small: $50{,}257 \\times 768 \\approx 38.6\\text{M}$ → 전체 124M의 약 31% (input/output tied)
    - LLaMA 2 7B: $32{,}000 \\times 4{,}096 \\approx 131\\text{M}$, untied라 약 262M
- **장점**: 시퀀스 길이 감소
");
    assert!(
        back_of(&d, "Vocab Size Trade-off › 예시").starts_with("<ul><li>GPT-2 small: "),
        "{:#?}",
        cards(&d)
    );
    assert_eq!(
        cloze_fronts(&d),
        [
            "{{c1::vocab size \\(V\\)}}, hidden 차원 \\(d\\) → embedding 파라미터 (input embedding과 output layer가 untied면 2배)"
        ]
    );
}

#[test]
fn a_summary_rows_measure_given_beside_its_name_in_a_bullet_is_no_card() {
    // A CNN note's closing table gives each model's parameters again; its sections gave them
    // beside the variant's name (`VGG-16 138.4M`, `B0 5.3M`) or under a title naming the row
    // (`GoogLeNet / Inception`). The rows' cards were judged repeats. A measure no bullet
    // gives (ResNet-50's) stays.
    let d = doc("## **8. VGGNet**

- **파라미터 수**: VGG-16 138.4M, VGG-19 143.7M

## **11. GoogLeNet / Inception**

- **파라미터 수**: 6.6M → AlexNet(61.1M)의 약 1/9

## **23. EfficientNet**

- **파라미터 수**: B0 5.3M (0.39 GFLOPs), B7 66.3M

## **26. 아키텍처 비교 요약표**

| 모델 | 연도 | 파라미터 수 | 핵심 아이디어 |
| --- | --- | --- | --- |
| **VGG-16** | 2014 | 138.4M | 3×3 conv만 쌓기 |
| **GoogLeNet** | 2014 | 6.6M | Inception module |
| **ResNet-50** | 2015 | 25.6M | residual connection |
| **EfficientNet-B0** | 2019 | 5.3M | compound scaling |
| **EfficientNet-B3** | 2019 | 12M | compound scaling |
");
    assert_fronts(
        &d,
        &[
            "VGG-16 › 파라미터 수",
            "GoogLeNet › 파라미터 수",
            "EfficientNet-B0 › 파라미터 수",
        ],
        &[],
    );
    assert_eq!(back_of(&d, "ResNet-50 › 파라미터 수"), "25.6M");
    assert_eq!(back_of(&d, "EfficientNet-B3 › 파라미터 수"), "12M");
    assert_eq!(back_of(&d, "VGG-16 › 연도"), "2014");
}

#[test]
fn a_column_of_figures_to_the_thousandth_is_looked_up_not_recalled() {
    // The CNN note lists torchvision's pretrained weights; each `acc@1` cell (`80.858`) was
    // judged trivia. The weights' names and the two-decimal GFLOPS stay cards.
    let d = doc("## **13. torchvision**

| builder | DEFAULT weights | acc@1 | GFLOPS |
| --- | --- | --- | --- |
| **alexnet** | IMAGENET1K_V1 | 56.522 | 0.71 |
| **resnet50** | IMAGENET1K_V2 | 80.858 | 4.09 |
| **convnext_tiny** | IMAGENET1K_V1 | 82.520 | 4.46 |
");
    assert!(
        !d.cards.iter().any(|c| c.front.ends_with("› acc@1")),
        "{:#?}",
        cards(&d)
    );
    assert_skipped(&d, |why| why.contains("three decimals"));
    assert_eq!(back_of(&d, "resnet50 › DEFAULT weights"), "IMAGENET1K_V2");
    assert_eq!(back_of(&d, "resnet50 › GFLOPS"), "4.09");
}

#[test]
fn a_bold_labels_math_before_its_aside_shows_as_math() {
    // `**Width multiplier $\alpha$** (1.0 / 0.75 / 0.5 / 0.25): …` was asked with a bare
    // `\alpha` on the front, which Anki shows as the TeX; the aside's own math already
    // rendered.
    let d = doc("## MobileNet

- **Width multiplier $\\alpha$** (1.0 / 0.75 / 0.5 / 0.25): channel 수 조절 → 연산량 ≈ $\\alpha^2$배
- **$k_1$** (보통 1.2~2.0): TF saturation 조절
");
    let fronts: Vec<&str> = d.cards.iter().map(|c| c.front.as_str()).collect();
    assert_eq!(
        fronts,
        [
            "MobileNet › Width multiplier \\(\\alpha\\) (1.0 / 0.75 / 0.5 / 0.25)",
            "MobileNet › \\(k_1\\) (보통 1.2~2.0)",
        ]
    );
}

#[test]
fn lengths_are_degrees_asked_across_the_rows() {
    // The tokenizer note's table of units: `Word › 시퀀스 길이` → `짧음` was asked alone
    // (WEAK: it means something only beside `매우 김` and `중간`), while `vocab 크기`, whose
    // answers are sizes, was asked across the rows.
    let d = doc("## 토큰화(Tokenization)란

| 단위 | vocab 크기 | 시퀀스 길이 |
| --- | --- | --- |
| **Word** | 매우 큼 (수십만~수백만) | 짧음 |
| **Character** | 작음 (영어는 수백 개) | 매우 김 |
| **Subword** | 중간 (3만~26만) | 중간 |
");
    assert_eq!(
        back_of(&d, "Word / Character / Subword › 시퀀스 길이"),
        "<ul><li>Word: 짧음</li><li>Character: 매우 김</li><li>Subword: 중간</li></ul>"
    );
    assert_fronts(&d, &["Word › 시퀀스 길이"], &[]);
}

#[test]
fn an_exercise_asks_its_givens_and_answers_with_its_sums() {
    // The CNN note's `### 예제 N:` sections: asked by the title alone, the answer opened with
    // the givens (WEAK), and where the sums were a table, the card's whole answer was the
    // givens (BAD) while the table's cells were asked without them (`파라미터 › 5×5 바로`).
    let d = doc("## **14. 계산 예제 (Worked Example)**

### 예제 1: AlexNet conv1 출력 크기와 파라미터 수

- 입력 227×227×3, filter 96개, 11×11, stride 4, padding 0
    - 출력: $O = (227 - 11 + 0)/4 + 1 = 55$
    - 파라미터: $(11 \\cdot 11 \\cdot 3 + 1) \\cdot 96 = 34{,}944$

### 예제 4: Inception 1×1 bottleneck 효과

- 입력 28×28×192 → 5×5 conv, 출력 32 channel (bias 제외)

| 방식 | 파라미터 |
| --- | --- |
| **5×5 바로** | $5^2 \\cdot 192 \\cdot 32 = 153{,}600$ |
| **1×1 (→16) + 5×5** | $192 \\cdot 16 + 5^2 \\cdot 16 \\cdot 32 = 15{,}872$ |
");
    assert_eq!(
        back_of(
            &d,
            "계산 예제 › 예제 1: AlexNet conv1 출력 크기와 파라미터 수 › 입력 227×227×3, filter 96개, 11×11, stride 4, padding 0"
        ),
        "<ul><li>출력: \\(O = (227 - 11 + 0)/4 + 1 = 55\\)</li><li>파라미터: \\((11 \\cdot 11 \\cdot 3 + 1) \\cdot 96 = 34{,}944\\)</li></ul>"
    );
    let table = back_of(
        &d,
        "계산 예제 › 예제 4: Inception 1×1 bottleneck 효과 › 입력 28×28×192 → 5×5 conv, 출력 32 channel (bias 제외)",
    );
    assert!(
        table.starts_with("<table>") && table.contains("15{,}872"),
        "{table}"
    );
    assert!(
        !d.cards.iter().any(|c| c.front.starts_with("파라미터")),
        "{:#?}",
        cards(&d)
    );
}

#[test]
fn a_table_of_defaults_asks_each_rows_parameter() {
    // A metrics note's table of scikit-learn defaults and a regularisation note's `주요
    // 기본값` table, carded cell by cell: `f1_score › 인자` → `average` asked nothing (BAD),
    // `nn.Dropout › 값` → `0.5` did not say of what, and `메모` cells asked nothing either.
    let d = doc("## **11. scikit-learn 기본값 정리**

| 함수 | 인자 | 기본값 | 메모 |
| --- | --- | --- | --- |
| **`f1_score`** | `average` | `'binary'` | 다중 클래스면 ValueError |
| **`log_loss`** | `normalize` | `True` | `False`면 합계 |

### 주요 기본값 한눈에 보기

| 대상 | 속성 | 값 | 비고 |
| --- | --- | --- | --- |
| **nn.Dropout** | p | 0.5 | drop 확률 |
| **nn.BatchNorm2d** | momentum | 0.1 | 새 batch 통계 비중 |
| **nn.BatchNorm2d** | eps | 1e-5 | Keras는 1e-3 |
");
    assert_eq!(
        cards(&d).iter().filter(|c| c.contains("기본값")).count(),
        5,
        "{:#?}",
        cards(&d)
    );
    assert_eq!(
        back_of(&d, "f1_score › <code>average</code> 기본값"),
        "<code>'binary'</code> (다중 클래스면 ValueError)"
    );
    assert_eq!(
        back_of(&d, "nn.BatchNorm2d › eps 기본값"),
        "1e-5 (Keras는 1e-3)"
    );
    assert_eq!(
        back_of(&d, "nn.BatchNorm2d › momentum 기본값"),
        "0.1 (새 batch 통계 비중)"
    );
    assert!(
        !d.cards
            .iter()
            .any(|c| c.front.ends_with("› 인자") || c.front.ends_with("› 메모")),
        "{:#?}",
        cards(&d)
    );
}

#[test]
fn a_formula_after_a_named_method_is_that_methods() {
    // A regularisation note: Mixup's formula is the section's (its first), and CutMix's,
    // after `- **CutMix**: …` and its lines, was skipped as a loose paragraph (missed).
    let d = doc("## **8. Data Augmentation**

- **Mixup**: *Zhang et al., 2018, ICLR*
    - 두 샘플을 선형 결합

$$
\\tilde{x} = \\lambda x_i + (1 - \\lambda) x_j
$$

- **CutMix**: *Yun et al., 2019, ICCV*
    - 이미지 A의 **사각형 영역을 이미지 B의 patch로 교체**, label은 **면적 비율**로 섞음

$$
\\tilde{x} = M \\odot x_A + (1 - M) \\odot x_B
$$
");
    let cutmix = back_of(&d, "Data Augmentation › CutMix");
    assert!(
        cutmix.ends_with("\\[\\tilde{x} = M \\odot x_A + (1 - M) \\odot x_B\\]</p>"),
        "{cutmix}"
    );
    assert!(
        d.skipped
            .iter()
            .all(|s| !s.reason.starts_with("loose paragraph")),
        "{:#?}",
        d.skipped
    );
}

#[test]
fn a_long_facets_unlabelled_lines_are_its_statements() {
    // A metrics note's `### sklearn 기본값 함정`, too long for one card with its code: only
    // its labelled lines could be cards, and five defaults a student would card were skipped
    // (missed). The last hid `weighted` of `weighted avg`.
    let d = doc(r#"## **2. Macro vs Micro vs Weighted Averaging**

### sklearn 기본값 함정

- `f1_score`, `precision_score`, `recall_score`, `fbeta_score`의 기본값은 **`average='binary'`**
    - `pos_label=1`인 클래스 하나의 점수만 반환
    - 다중 클래스 y에 그대로 쓰면 **ValueError** ("Target is multiclass but average='binary'…") → `average`를 명시해야 함
    - label이 `'yes'/'no'` 같은 문자열이면 `pos_label='yes'` 지정 필요
- `average=None` → 클래스별 점수 배열 반환
- `zero_division='warn'` (기본): TP+FP = 0처럼 분모가 0이면 **0으로 처리 + UndefinedMetricWarning**
- `fbeta_score`의 `beta`는 **기본값 없음** (keyword-only 필수 인자)
- `classification_report`는 클래스별 P/R/F1 + accuracy, macro avg, weighted avg를 한 번에 출력 (`digits=2` 기본)

```python
from sklearn.metrics import f1_score, fbeta_score, classification_report
f1_score(y_true, y_pred)                      # average='binary', pos_label=1, zero_division='warn'
f1_score(y_true, y_pred, average='macro')     # 클래스별 F1 단순 평균
f1_score(y_true, y_pred, average='micro')     # single-label이면 accuracy와 동일
f1_score(y_true, y_pred, average=None)        # 클래스별 배열
fbeta_score(y_true, y_pred, beta=2)           # beta는 필수
print(classification_report(y_true, y_pred, digits=3))
```

📌 **암기 팁**: "macro = 클래스 민주주의(1클래스 1표), micro = 샘플 민주주의(1샘플 1표)"

"#);
    let clozes = cloze_fronts(&d);
    assert_eq!(clozes.len(), 6, "{clozes:#?}");
    assert!(
        clozes[0].contains("<code>{{c1::average='binary'}}</code>"),
        "{clozes:#?}"
    );
    assert!(
        clozes[4].contains("{{c1::accuracy, macro avg, weighted avg}}를"),
        "{clozes:#?}"
    );
}

#[test]
fn a_table_cell_counting_otherwise_than_a_bullet_waits() {
    // The CNN note's closing table gives DenseNet-121 7.0M parameters against its section's
    // 8.0M (a slip lint reports); the table's card taught the wrong number (BAD).
    let d = doc("## **6. DenseNet**

- **파라미터 수**: DenseNet-121 8.0M

## **13. 아키텍처 비교 요약표**

| 모델 | 연도 | 파라미터 수 |
| --- | --- | --- |
| **ResNet-50** | 2015 | 25.6M |
| **DenseNet-121** | 2017 | 7.0M |
");
    assert_fronts(&d, &["DenseNet-121 › 파라미터 수"], &[]);
    assert_eq!(back_of(&d, "DenseNet-121 › 연도"), "2017");
    assert_skipped(&d, |why| {
        why.starts_with(
            "says 7.0M where a bullet on line 7 says DenseNet-121 › 파라미터 수 is 8.0M",
        )
    });
}

#[test]
fn a_sides_row_asks_again_what_the_sides_own_bullets_say() {
    // A metrics note compares `Macro vs Micro vs Weighted Averaging` in bullets headed
    // `Macro average`, … and then in a table whose rows are `Macro`, …: the row's
    // `계산 순서` cell said the bullet again under another name for the same side.
    let d = doc("## **2. Macro vs Micro vs Weighted Averaging**

1. **Macro average**
    - 클래스별로 P/R/F1을 계산한 뒤 **단순 평균**
    - 모든 클래스를 동등하게 취급 → **소수 클래스 성능이 크게 반영**
2. **Micro average**
    - 모든 클래스의 TP, FP, FN을 **전부 합친 뒤** 한 번에 계산 → 샘플 수 많은 클래스가 지배

| 방식 | 계산 순서 | 언제 쓰나 |
| --- | --- | --- |
| **Macro** | 클래스별 계산 → 단순 평균 | 모든 클래스가 똑같이 중요할 때 |
| **Micro** | TP/FP/FN 합산 → 한 번에 계산 | 전체 샘플 단위 성능 |
| **Samples** | 샘플별 계산 → 평균 | multi-label 전용 |
");
    assert_fronts(
        &d,
        &["Macro › 계산 순서", "Micro › 계산 순서"],
        &["Macro › 언제 쓰나", "Samples › 계산 순서"],
    );
}

#[test]
fn a_default_a_card_states_is_no_row_card_again() {
    // A metrics note states sklearn's defaults in bullets and then lists them in a table of
    // defaults: `f1_score › average 기본값`, `predict › threshold 기본값` asked again what
    // the bullets' cards ask. `pos_label=1` is said of `f1_score`, not of
    // `average_precision_score`, and `top_k_accuracy_score`'s `k` is stated nowhere else.
    // A regularisation note's labelled bullet `**momentum**: 0.1 (PyTorch 기본값, …)` states
    // `nn.BatchNorm2d`'s default as well.
    let d = doc("## sklearn 기본값 함정

- `f1_score`, `precision_score`의 기본값은 **`average='binary'`**
    - `pos_label=1`인 클래스 하나의 점수만 반환
- `predict()`는 기본 threshold **0.5** (`predict_proba` 기준)

## BN

- **momentum**: 0.1 (PyTorch 기본값, **새 batch 통계의 비중**)
- **eps**: 분모 0 방지

## 기본값 정리

| 함수 | 인자 | 기본값 | 메모 |
| --- | --- | --- | --- |
| **`f1_score`** | `average` | `'binary'` | 다중 클래스면 ValueError |
| **`average_precision_score`** | `pos_label` | `1` | `average='macro'` |
| **`top_k_accuracy_score`** | `k` | `2` | |
| **`predict()`** | threshold | 0.5 | `predict_proba` 기준 |
| **nn.BatchNorm2d** | momentum | 0.1 | 새 batch 통계 비중 |
| **nn.BatchNorm2d** | eps | 1e-5 | Keras는 1e-3 |
");
    assert_fronts(
        &d,
        &[
            "f1_score › <code>average</code> 기본값",
            "predict › threshold 기본값",
            "nn.BatchNorm2d › momentum 기본값",
        ],
        &[
            "average_precision_score › <code>pos_label</code> 기본값",
            "top_k_accuracy_score › <code>k</code> 기본값",
            "nn.BatchNorm2d › eps 기본값",
        ],
    );
}

#[test]
fn a_row_naming_its_topic_with_a_word_cut_short_asks_that_topics_bullets() {
    // A CNN note's table names `1×1 Convolution` as `1×1 conv`, and a distributed-training
    // note's names `Pipeline Parallelism` as `Pipeline Parallel`: their cells said again the
    // bullets above, under a shorter name. `BERT` is no `BERT large`, though.
    let d = doc("## 1×1 Convolution

- **정의**: spatial 크기는 그대로 두고 **channel 방향만** 섞는 conv

## Pipeline Parallelism (PP)

- stage 사이에는 activation만 전달 → 통신량이 적어서 **노드 간**에도 사용 가능
- 문제: stage 하나가 계산하는 동안 나머지 stage는 놀고 있음 → **bubble(유휴 시간)**

## BERT large

- **특징**: 24 layer, 양방향 encoder

| 구분 | 특징 | 권장 위치 | 주요 문제 |
| --- | --- | --- | --- |
| **1×1 conv** | channel만 섞음 | - | - |
| **Pipeline Parallel** | layer 묶음 | 노드 간 | bubble |
| **BERT** | 양방향 encoder | - | 느림 |
");
    assert_fronts(
        &d,
        &["1×1 conv › 특징", "Pipeline Parallel › 주요 문제"],
        &["BERT › 특징", "1×1 Convolution › 정의"],
    );
}

#[test]
fn a_numbered_name_over_its_formula_keeps_the_formula_and_the_lines_after_it() {
    // A metrics note's `4. **R² (…)**` has its formula and its lines below it, cut off from
    // the item by the formula: they made `회귀 지표 › 핵심 내용` (the name and its lines)
    // and `회귀 지표 › 수식`, neither naming R². A line introducing its formula with a
    // colon (`**Layer-wise trust ratio**로 … 조정:`) keeps the line after the formula apart.
    let d = doc("## **8. 회귀 지표**

1. **MAE (Mean Absolute Error)**: $MAE = \\frac{1}{n}\\sum_{i} |y_i - \\hat{y}_i|$
    - 단위가 타겟과 같음, outlier에 robust
2. **R² (Coefficient of Determination, 결정계수)**

$$R^2 = 1 - \\frac{SS_{res}}{SS_{tot}}$$

- 평균만 예측하는 모델 = 0, 완벽 = 1
    - **음수 가능** (평균 예측보다 못할 때)
- 예시 (y = [10, 20, 30]): R² = 1 − 2 / 200 = **0.99**

## **2. LARS**

- **Layer-wise trust ratio**로 layer별 lr 조정 ($\\eta$: global lr):

$$
\\eta_l = \\eta \\cdot \\phi \\cdot \\frac{\\|w_l\\|}{\\|\\nabla L(w_l)\\|}
$$

- ResNet-50을 batch **32K**까지 정확도 유지하며 학습
");
    let back = back_of(
        &d,
        "회귀 지표 › R² (Coefficient of Determination, 결정계수)",
    );
    assert!(
        back.contains("R^2 = 1") && back.contains("음수 가능") && !back.contains("0.99"),
        "{back}"
    );
    assert_fronts(&d, &["회귀 지표 › 핵심 내용", "회귀 지표 › 수식"], &[]);
    assert!(
        !back_of(&d, "LARS › Layer-wise trust ratio").contains("32K"),
        "{:#?}",
        cards(&d)
    );
}

#[test]
fn a_tips_pairs_parted_by_slashes_keep_their_commas() {
    // A Transformer note's tip pairs `"돌린다(Q, K)" = RoPE` and a vector-search note's
    // `nlist, M, m, nbits = build 시점에 고정`: each cue holds a comma, and the deletions
    // ran from one value into the next cue, cut at that comma.
    let d = doc("## Positional Encoding

- **Sinusoidal**: 고정 함수

📌 **암기 팁**
- \"더한다(embedding)\" = Sinusoidal, Learned / \"돌린다(Q, K)\" = RoPE / \"깎는다(score)\" = ALiBi
- nprobe, efSearch = 검색 시점 knob / nlist, M, m, nbits = build 시점에 고정
");
    let fronts = cloze_fronts(&d);
    assert!(
        fronts
            .iter()
            .any(|f| f
                .contains("{{c1::Sinusoidal, Learned}} / &quot;돌린다(Q, K)&quot; = {{c2::RoPE}}")),
        "{fronts:#?}"
    );
    assert!(
        fronts.iter().any(|f| f
            .contains("{{c1::검색 시점 knob}} / nlist, M, m, nbits = {{c2::build 시점에 고정}}")),
        "{fronts:#?}"
    );
}

#[test]
fn a_cell_of_the_subject_a_column_measures_against_is_no_card() {
    // A Transformer note's `KV cache 크기 (MHA 대비)` column gives MHA `1`: the yardstick,
    // which the front gave away. GQA's `g/h` is a fact.
    let d = doc("## GQA

| 방식 | K/V head | KV cache 크기 (MHA 대비) | 품질 |
| --- | --- | --- | --- |
| **MHA** | $h$ | 1 | 기준 |
| **GQA** | $g$ | $g/h$ | MHA에 근접 |
| **MQA** | 1 | $1/h$ | 약간 하락 |
");
    assert_fronts(
        &d,
        &["MHA › KV cache 크기 (MHA 대비)"],
        &["GQA › KV cache 크기 (MHA 대비)"],
    );
}

#[test]
fn a_line_giving_a_default_in_code_hides_the_default() {
    // A vector-search note's `metric 기본값 `faiss.METRIC_L2`` hid `metric`, which the
    // code on the front names; a graph note's line of contrasts hid `unweighted,
    // homogeneous`, the run of names between two `vs`.
    let d = doc("## FAISS

- **Flat**: 전수 탐색
- metric 기본값 `faiss.METRIC_L2`, cosine은 정규화 + `faiss.METRIC_INNER_PRODUCT`
- 그래프 종류: undirected vs directed, weighted vs unweighted, homogeneous vs heterogeneous
");
    let fronts = cloze_fronts(&d);
    assert!(
        fronts
            .iter()
            .any(|f| f.starts_with("metric 기본값 <code>{{c1::faiss.METRIC_L2}}</code>")),
        "{fronts:#?}"
    );
    assert!(
        !fronts.iter().any(|f| f.contains("{{c1::unweighted")),
        "{fronts:#?}"
    );
}

#[test]
fn a_loose_example_line_is_no_cloze() {
    // A vector-search note's `- 예: "… 작성일 ≥ 2024-01-01" 조건 + 벡터 유사도` hid the
    // year of a made-up filter, and a monitoring note's `- 예: 독감 진단 모델, … 5% → 20%`
    // hid a made-up rate: examples of the section's idea, nothing to recall.
    let d = doc("## **12. Filtering (metadata 필터)**

- 예: \"카테고리 = 공지 AND 작성일 ≥ 2024-01-01\" 조건 + 벡터 유사도
- 예: 독감 진단 모델, 겨울에 독감 환자 비율이 5% → 20%로 증가
1. **Post-filtering**: ANN top-k 먼저 뽑고 조건으로 거름
2. **Pre-filtering**: 조건에 맞는 후보만 검색
");
    assert_eq!(cloze_fronts(&d), Vec::<String>::new());
    assert_skipped(&d, |why| {
        why.starts_with("an example of the section's idea")
    });
}

#[test]
fn a_bullet_only_expanding_names_is_no_card_beside_their_definitions() {
    // A Transformer note lists `MLM (…), CLM (…), NER (…)` under a comparison: the
    // `핵심 내용` card it made was a glossary, each name already a definition card.
    // `BERT (max 512), GPT-2 (max 1024)` gives the models' limits and is a fact.
    let d = doc("## Encoder vs Decoder

- **Encoder-only**: 양방향
- MLM (Masked Language Modeling), CLM (Causal Language Modeling), NER (Named Entity Recognition)

## Learned Absolute Position Embedding

- **방식**: 위치마다 학습되는 벡터
- BERT (max 512), GPT-2 (max 1024)
");
    assert_fronts(
        &d,
        &["Encoder vs Decoder › 핵심 내용"],
        &["MLM", "CLM", "NER"],
    );
    assert!(
        cards(&d).iter().any(|c| c.contains("max 512")),
        "{:#?}",
        cards(&d)
    );
}

#[test]
fn a_memo_column_is_a_remarks_column() {
    // A vector-search note's index table closes on `메모`: `Flat › 메모` named no question,
    // as `비고` does not.
    let d = doc("## FAISS Index 종류

| index_factory | 클래스 | 메모 |
| --- | --- | --- |
| **Flat** | IndexFlat | exact, ground truth용 |
| **HNSW32** | IndexHNSWFlat | M=32 |
");
    assert_fronts(&d, &["Flat › 메모", "HNSW32 › 메모"], &["HNSW32 › 클래스"]);
}

#[test]
fn a_cell_saying_a_bullet_with_another_word_for_the_same_thing_is_that_bullet() {
    // A metrics note's `MAE › 단위` → `타겟과 동일` after `단위가 타겟과 같음`, and a
    // Transformer note's `MQA › 품질` → `약간 하락` after `대신 품질 약간 ↓`: the same fact,
    // asked again. RMSE's cell says what no bullet of RMSE's does.
    let d = doc("## **8. 회귀 지표**

1. **MAE (Mean Absolute Error)**: $MAE = \\frac{1}{n}\\sum_{i} |y_i - \\hat{y}_i|$
    - 단위가 타겟과 같음, outlier에 robust
2. **RMSE (Root Mean Squared Error)**: $RMSE = \\sqrt{MSE}$
    - 큰 오차에 제곱 페널티 → outlier에 민감

| 지표 | 단위 | outlier 민감도 |
| --- | --- | --- |
| **MAE** | 타겟과 동일 | 낮음 |
| **RMSE** | 타겟과 동일 | 높음 |

## MHA

### 3. KV Cache와 MQA / GQA

- **MQA (Multi-Query Attention)** — *Shazeer, 2019*
    - Query head는 $h$개, **K/V head는 1개**를 모든 query head가 공유
    - KV cache $h$배 감소 → decoding 속도 ↑, 대신 품질 약간 ↓
- **GQA (Grouped-Query Attention)** — *Ainslie et al., 2023*
    - Query head를 $g$개 그룹으로 나누고 그룹마다 K/V head 1개

| 방식 | K/V head | 품질 |
| --- | --- | --- |
| **MHA** | $h$ | 기준 |
| **GQA** | $g$ | MHA에 근접 |
| **MQA** | 1 | 약간 하락 |
");
    assert_fronts(
        &d,
        &["MAE › 단위", "MQA › 품질"],
        &["RMSE › 단위", "GQA › 품질"],
    );
}

#[test]
fn a_cell_writing_out_its_rows_name_gives_itself_away() {
    // A vector-search note's `클래스` column answers `Flat` with `IndexFlat` and
    // `IVF4096,PQ64` with `IndexIVFPQ`: the front says it. `HNSW32`'s `IndexHNSWFlat` adds
    // `Flat`, and `BERT`'s `RoBERTa` only holds the name.
    let d = doc("## FAISS Index 종류

| index_factory | 클래스 | train |
| --- | --- | --- |
| **Flat** | IndexFlat | X |
| **IVF4096,PQ64** | IndexIVFPQ | O |
| **IDMap,Flat** | IndexIDMap | X |
| **HNSW32** | IndexHNSWFlat | X |
| **BERT** | RoBERTa | X |
");
    assert_fronts(
        &d,
        &[
            "Flat › 클래스",
            "IVF4096,PQ64 › 클래스",
            "IDMap,Flat › 클래스",
        ],
        &["HNSW32 › 클래스", "BERT › 클래스"],
    );
}

#[test]
fn a_tips_quoted_value_ends_at_its_closing_quote() {
    // A Transformer note's tip quotes `"layer당 12d² = attention 4d² + FFN 8d²"` and then
    // adds `head 수는 파라미터와 무관`: the deletion ran past the closing quote into that
    // second fact.
    let d = doc("## Transformer

📌 **암기 팁**: \"layer당 $12d^2$ = attention $4d^2$ + FFN $8d^2$\", head 수는 파라미터와 무관
");
    let fronts = cloze_fronts(&d);
    assert!(
        fronts.iter().any(|f| f.ends_with(
            "= {{c1::attention \\(4d^2\\) + FFN \\(8d^2\\)}}&quot;, head 수는 파라미터와 무관"
        )),
        "{fronts:#?}"
    );
}

#[test]
fn a_title_ending_on_a_function_of_a_letter_keeps_it() {
    // A Transformer note's `## **9. 계산 복잡도 O(n²)**` was shown as `계산 복잡도 O`: the
    // parenthesis read as an aside.
    let d = doc("## **9. 계산 복잡도 O(n²)**

### 1. Layer 종류별 비용

- Self-Attention: layer당 $O(n^2 d)$ ↔ Recurrent: $O(n d^2)$
");
    assert!(
        cards(&d)
            .iter()
            .any(|c| c.contains("계산 복잡도 O(n²) › Layer 종류별 비용")),
        "{:#?}",
        cards(&d)
    );
}

#[test]
fn a_line_drawing_a_conclusion_goes_with_the_line_before() {
    // A Transformer note's `- 따라서 위치 정보를 따로 넣어줘야 함` after `Self-attention은
    // **순서 정보가 없음**` made `Positional Encoding › 핵심 내용`, which asked nothing.
    let d = doc("## **3. Positional Encoding**

- Self-attention은 **순서 정보가 없음** (permutation equivariant) → 순서를 섞으면 출력도 섞일 뿐
- 따라서 위치 정보를 따로 넣어줘야 함

### 1. Sinusoidal (원 논문)

- **특징**: 학습 파라미터 없음
");
    assert_fronts(&d, &["Positional Encoding › 핵심 내용"], &[]);
    assert!(
        cards(&d)
            .iter()
            .any(|c| c.contains("{{c1::순서 정보가 없음}}")
                && c.ends_with("따라서 위치 정보를 따로 넣어줘야 함")),
        "{:#?}",
        cards(&d)
    );
}

#[test]
fn a_yes_or_no_in_bold_said_again_after_an_arrow_hides_the_arrows_fact() {
    // A Transformer note's `cross-attention이 **없음** → 원 논문 decoder에서 cross-attention을
    // 뺀 구조` hid `없음`, which the words after the arrow give away.
    let d = doc("## Decoder-only

- **구조**: causal self-attention + FFN
- 📌 Decoder-only LLM에는 cross-attention이 **없음** → 원 논문 decoder에서 cross-attention을 뺀 구조 (sub-layer 2개)
");
    let fronts = cloze_fronts(&d);
    assert!(
        fronts.iter().any(|f| f.contains(
            "cross-attention이 <b>없음</b> → {{c1::원 논문 decoder에서 cross-attention을 뺀 구조}}"
        )),
        "{fronts:#?}"
    );
}
