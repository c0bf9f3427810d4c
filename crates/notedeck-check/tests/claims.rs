//! `conflicting-claim`, `duplicate-card`, `empty-answer` and `missing-image` on the user's notes
//! and fragments in their style.

use notedeck_check::{Finding, Workspace};
use std::path::{Path, PathBuf};
use std::sync::Arc;

const NOTES: &str = include_str!("../../../notes/역량평가 정리.md");
const REAL: &str = "notes/역량평가 정리.md";

fn workspace(files: &[(&str, &str)]) -> Workspace {
    let mut ws = Workspace::new();
    for (path, text) in files {
        ws.set(PathBuf::from(path), text);
    }
    ws
}

fn codes(findings: &[Finding], code: &str) -> Vec<Finding> {
    findings
        .iter()
        .filter(|f| f.code.as_str() == code)
        .cloned()
        .collect()
}

#[test]
fn lora_update_formula_contradicts_the_code_block() {
    let ws = workspace(&[(REAL, NOTES)]);
    let found = codes(&ws.check_all(), "conflicting-claim");
    assert_eq!(found.len(), 1, "{found:#?}");
    let f = &found[0];
    assert_eq!(&NOTES[f.span.clone()], "A × B");
    let related: Vec<&str> = f.related.iter().map(|r| &NOTES[r.span.clone()]).collect();
    assert_eq!(related, ["(W + BA)x", "W + ΔW"]);
    assert_eq!(f.fixes[0].edits[0].new_text, "BA");
    assert!(f.message.contains("ΔW = BA"), "{}", f.message);
}

#[test]
fn consistent_formulas_are_quiet() {
    let note = "## **LoRA (Low-Rank Adaptation)**\n\n- 대신 **W + ΔW** 형태로 쓰되,\n    - ΔW = **B × A**\n- 수식:\n    \n    ```\n    y = Wx\n    y' = (W + BA)x\n    ```\n";
    let ws = workspace(&[("lora.md", note)]);
    assert_eq!(codes(&ws.check_all(), "conflicting-claim"), []);
}

#[test]
fn table_cell_contradicting_a_bullet() {
    // The Score-CAM facts of the notes, once as bullets and once in a comparison table, with
    // the table changed to contradict the bullets.
    let note = "## **2. Score-CAM**\n\n- **Gradient 필요**: ✘ 불필요\n- **계산량**: 많음\n- **채널 수**: 3개\n\n## **3. 비교 요약 표**\n\n| 항목 | Grad-CAM | Score-CAM |\n| --- | --- | --- |\n| **Gradient 필요** | ✔ 필요 | ✔ 필요 |\n| **계산량** | 적음 | 많음 |\n| **채널 수** | 1개 | 2개 |\n";
    let ws = workspace(&[("cam.md", note)]);
    let found = codes(&ws.check_all(), "conflicting-claim");
    let spans: Vec<&str> = found.iter().map(|f| &note[f.span.clone()]).collect();
    assert_eq!(spans, ["✔ 필요", "2개"], "{found:#?}");
    for f in &found {
        assert_eq!(f.related.len(), 1);
    }
}

#[test]
fn table_row_under_a_sibling_topic_contradicting_a_bullet() {
    // The LSTM fact as a bullet under its own topic, and again in a table nested under the
    // GRU topic whose row spells the name out: one conflict, naming both places, and no
    // `duplicate-card` on top for the front the two share.
    let note = "## **LSTM (Long Short-Term Memory)**\n\n- **게이트 수**: 3개\n\n## **GRU (Gated Recurrent Unit)**\n\n- **게이트 수**: 2개\n\n### 비교\n\n| 모델 | 게이트 수 |\n| --- | --- |\n| **LSTM (Long Short-Term Memory)** | 2개 |\n| GRU | 2개 |\n";
    let ws = workspace(&[("rnn.md", note)]);
    let all = ws.check_all();
    let found = codes(&all, "conflicting-claim");
    assert_eq!(found.len(), 1, "{all:#?}");
    let f = &found[0];
    let line = |at: usize| note[..at].matches('\n').count() + 1;
    assert_eq!((&note[f.span.clone()], line(f.span.start)), ("2개", 13));
    assert_eq!(f.related.len(), 1);
    let r = &f.related[0];
    assert_eq!((&note[r.span.clone()], line(r.span.start)), ("3개", 3));
    assert!(f.message.starts_with("LSTM › 게이트 수"), "{}", f.message);
    assert_eq!(codes(&all, "duplicate-card"), []);
    assert_eq!(ws.check_file(Path::new("rnn.md")), all);

    // The same answer twice is one card and no finding at all.
    let agreeing = note.replace("| 2개 |\n| GRU", "| 3개 |\n| GRU");
    let ws = workspace(&[("rnn.md", &agreeing)]);
    assert_eq!(ws.check_all(), []);
}

#[test]
fn paraphrases_and_lists_are_not_conflicts() {
    // Two bullets on the same attribute that say different but compatible things.
    let a = "## **1. BERT (Bidirectional Encoder Representations from Transformers)**\n\n- **장점**: 문장 내·문장 간 관계 모두 학습 가능\n- **구조**: Transformer **Encoder**만 사용 (양방향 문맥 학습)\n";
    let b = "## **BERT (Bidirectional Encoder Representations from Transformers)**\n\n- **장점**: 양방향 문맥 정보 사용 가능\n- **구조**: Encoder만\n";
    let ws = workspace(&[("a.md", a), ("b.md", b)]);
    assert_eq!(codes(&ws.check_all(), "conflicting-claim"), []);
}

#[test]
fn the_real_notes_have_no_duplicate_or_empty_cards() {
    let ws = workspace(&[(REAL, NOTES)]);
    let all = ws.check_all();
    assert_eq!(codes(&all, "duplicate-card"), []);
    assert_eq!(codes(&all, "empty-answer"), []);
}

#[test]
fn duplicate_front_across_notes() {
    let a = "# 기출 복기\n\n### 문항3\n\n## **1. BERT**\n\n- **한계**: MLM 시 [MASK] 토큰이 실제 사용 환경과 불일치(노이즈)\n";
    let b = "# 기출 복기\n\n### 문항3\n\n## **1. BERT**\n\n- **한계**: 사전 학습과 미세 조정의 불일치\n";
    let ws = workspace(&[("a.md", a), ("b.md", b)]);
    let found = codes(&ws.check_all(), "duplicate-card");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].path, Path::new("b.md"));
    assert_eq!(found[0].related[0].path, Path::new("a.md"));
}

#[test]
fn missing_images_use_the_callers_resolver() {
    let mut ws = workspace(&[(REAL, NOTES)]);
    assert_eq!(
        codes(&ws.check_all(), "missing-image"),
        [],
        "off without a resolver"
    );
    ws.set_image_resolver(Arc::new(|note: &Path, image: &str| {
        note == Path::new(REAL) && image.ends_with("/image 1.png")
    }));
    let found = codes(&ws.check_all(), "missing-image");
    let lines: Vec<usize> = found
        .iter()
        .map(|f| NOTES[..f.span.start].matches('\n').count() + 1)
        .collect();
    assert_eq!(lines, [178, 256, 289]);
    assert!(
        found[0]
            .message
            .contains("역량평가 정리 24f4d6b253d380f4a698df83390921af/image.png")
    );
}

#[test]
fn an_image_link_markdown_reads_as_text_is_reported_with_its_fix() {
    // A space in the path (Notion writes `%20`): Markdown reads the line as text, so no card
    // shows the picture. Reported with or without a resolver; the fix encodes the spaces.
    let text = "## **0. SVM**\n\n### 원리\n\n![image.png](머신러닝 기초 정리 5c2e81f0a7/image.png)\n\n\
                `![x](a b.png)` in code, and ![ok](a%20b.png)\n";
    let ws = workspace(&[("ml.md", text)]);
    let found = codes(&ws.check_all(), "missing-image");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].message.contains("has a space in its path"),
        "{found:#?}"
    );
    let edit = &found[0].fixes[0].edits[0];
    assert_eq!(
        edit.new_text,
        "머신러닝%20기초%20정리%205c2e81f0a7/image.png"
    );
    assert_eq!(
        &text[edit.span.clone()],
        "머신러닝 기초 정리 5c2e81f0a7/image.png"
    );
}

#[test]
fn empty_answer_is_reported_for_a_blank_back() {
    // The parser skips label bullets with nothing after them, so build the card it would make
    // from `- **장점**:` by hand: a front and a back that renders to nothing.
    use notedeck_parse::{Card, CardKind};
    let text = "## **1. BERT**\n\n- **장점**:\n";
    let path = PathBuf::from("bert.md");
    let mut note = notedeck_check::Note::new(&path, text);
    let start = text.find("- **장점**").expect("the bullet");
    let card = |kind, back: &str| Card {
        kind,
        id: "x".to_string(),
        key: "장점".to_string(),
        deck: vec!["bert".to_string()].into(),
        path: vec!["BERT".to_string()].into(),
        front: "BERT › 장점".to_string(),
        back: back.to_string(),
        cloze: Box::default(),
        tags: Default::default(),
        span: start..text.len() - 1,
        line: 5,
        context: None,
        pinned_id: None,
        images: Box::default(),
    };
    // The rules read the card digests a note computes when it is made.
    note.doc.cards = vec![card(CardKind::Basic, "<p> </p>")];
    let note = notedeck_check::Note::with_doc(text, note.doc);
    let mut ws = Workspace::new();
    ws.insert(path.clone(), note.clone());
    let found = codes(&ws.check_all(), "empty-answer");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(&text[found[0].span.clone()], "- **장점**:");
    assert!(found[0].message.contains("BERT › 장점"));
    // Loaded once, as lint loads a vault, the note keeps the label this message quotes.
    let mut once = Workspace::new();
    once.load_unchanging(vec![(path.clone(), note.clone())]);
    assert_eq!(once.check_all(), ws.check_all());

    // Cloze cards keep their answer on the front.
    let mut doc = note.doc;
    doc.cards = vec![card(CardKind::Cloze, "")];
    ws.insert(path, notedeck_check::Note::with_doc(text, doc));
    assert_eq!(codes(&ws.check_all(), "empty-answer"), []);
}

#[test]
fn table_row_contradicting_a_quantity_a_sentence_states() {
    // `지니 불순도 최댓값은 **0.5**` in a bullet's sentence, `1` in the impurity table's row
    // for it: one conflict at the table, naming the sentence. The entropy's maximum, `1` in
    // both, and a sentence naming no subject of the note (`k는 보통 5 사용`) are quiet.
    let note = "## **1. 결정 트리 (Decision Tree)**

- **분할 기준**: 불순도가 가장 많이 줄어드는 특성 선택
    - 이진 분류에서 지니 불순도 최댓값은 **0.5**, 엔트로피 최댓값은 **1** (반반일 때)
    - 교차 검증의 k는 보통 5 사용

### 불순도 지표 비교

| 지표 | 수식 | 최댓값 (이진 분류) |
| --- | --- | --- |
| **지니 불순도** | 1 − Σ p_k² | 1 |
| **엔트로피** | −Σ p_k log₂ p_k | 1 |
";
    let ws = workspace(&[("tree.md", note)]);
    let all = ws.check_all();
    let found = codes(&all, "conflicting-claim");
    assert_eq!(found.len(), 1, "{all:#?}");
    let f = &found[0];
    let line = |at: usize| note[..at].matches('\n').count() + 1;
    assert_eq!((&note[f.span.clone()], line(f.span.start)), ("1", 11));
    let r = &f.related[0];
    assert_eq!((&note[r.span.clone()], line(r.span.start)), ("0.5", 4));
    assert!(
        f.message.starts_with("지니 불순도 › 최댓값"),
        "{}",
        f.message
    );
}

#[test]
fn the_time_series_notes_planted_slips_are_found_once_each() {
    // A note written in the user's style with two slips: Holt-Winters' smoothing parameters
    // counted 2 in a table against 3 in a bullet, and `AutoRegresive` once against
    // `AutoRegressive`, one against one, where the word list decides.
    const TS: &str = include_str!("../../../tests/notes-fixture-ts/시계열 정리.md");
    let ws = workspace(&[("ts.md", TS)]);
    let all = ws.check_all();
    let line = |at: usize| TS[..at].matches('\n').count() + 1;
    let claims = codes(&all, "conflicting-claim");
    assert_eq!(claims.len(), 1, "{all:#?}");
    assert_eq!(
        (&TS[claims[0].span.clone()], line(claims[0].span.start)),
        ("2개", 116)
    );
    let expansions = codes(&all, "conflicting-expansion");
    assert_eq!(expansions.len(), 1, "{all:#?}");
    let f = &expansions[0];
    assert_eq!(line(f.span.start), 143);
    assert_eq!(f.fixes.len(), 1, "{f:#?}");
    assert_eq!(
        f.fixes[0].edits[0].new_text,
        "AutoRegressive Integrated Moving Average"
    );
}

#[test]
fn a_default_set_otherwise_in_a_table_row_is_a_conflict() {
    // The bullet and the table ask different facets (`기본 하이퍼파라미터`, `주요
    // 하이퍼파라미터 (기본값)`): what they share is Adam's β2. A worked example's symbols
    // (`α = 0.05`, then `α = 0.01`) are no settings.
    let text = "# 최적화 정리

### 문항10

## **4. Adam (Adaptive Moment Estimation)**

- **기본 하이퍼파라미터**: η = 0.001, β1 = 0.9, β2 = 0.999, ε = 1e-8
- **예시**: α = 0.05이면 m = 20 → 약 64%

## **5. AdamW**

- **예시**: α = 0.01이면 m = 20 → 약 18%

### 옵티마이저 비교 표

| 옵티마이저 | 핵심 아이디어 | 주요 하이퍼파라미터 (기본값) |
| --- | --- | --- |
| **Momentum** | 관성 누적 | η, γ = 0.9 |
| **Adam** | Momentum + RMSProp | η = 0.001, β1 = 0.9, β2 = 0.99 |
";
    let ws = workspace(&[("opt.md", text)]);
    let found = codes(&ws.check_all(), "conflicting-claim");
    assert_eq!(found.len(), 1, "{found:#?}");
    let f = &found[0];
    assert_eq!(&text[f.span.clone()], "0.99");
    assert!(f.span.start > text.find("| **Adam**").expect("the Adam row"));
    assert_eq!(&text[f.related[0].span.clone()], "0.999");
    assert!(f.message.contains("Adam › β2"), "{}", f.message);
    assert_eq!(f.fixes[0].edits[0].new_text, "0.999");
}

#[test]
fn a_table_year_contradicting_the_paper_a_topic_cites_is_a_conflict() {
    // `- Kang & McAuley, 2018` under SASRec dates its paper; the table's `연도` says 2019.
    // A topic's second citation dates another work (GRU4Rec's follow-up): no claim.
    let text = "# 추천 시스템 정리

### 문항 15

## **1. GRU4Rec**

- Hidasi et al., 2016
- Hidasi & Karatzoglou, 2018
- **구조**: GRU로 세션 시퀀스 인코딩

## **2. SASRec (Self-Attentive Sequential Recommendation)**

- Kang & McAuley, 2018
- **구조**: Transformer decoder 방식

### 비교 표

| 모델 | 연도 | 방향 |
| --- | --- | --- |
| **GRU4Rec** | 2016 | 단방향 |
| **SASRec** | 2019 | 단방향 |
";
    let ws = workspace(&[("rec.md", text)]);
    let found = codes(&ws.check_all(), "conflicting-claim");
    assert_eq!(found.len(), 1, "{found:#?}");
    let f = &found[0];
    assert_eq!(&text[f.span.clone()], "2019");
    assert!(f.message.contains("SASRec › 연도"), "{}", f.message);
    let related = &f.related[0].span;
    assert_eq!(&text[related.clone()], "2018");
    assert!(related.start < text.find("### 비교 표").expect("the table"));
}

#[test]
fn a_measure_a_bullet_lists_contradicted_by_a_table_cell_is_a_conflict() {
    // `BF16 (…): 부호 1비트, 지수 8비트, 가수 7비트` against the table's BF16 `가수` cell, 10.
    // FP16's bullet and row agree.
    let text = "# 분산 학습 정리

### 문항 9

## Mixed Precision

### 2. 숫자 포맷 비교

- FP16: 부호 1비트, 지수 5비트, 가수 10비트 → 최대값 약 65504
- BF16 (Brain Floating Point): 부호 1비트, 지수 **8비트**, 가수 **7비트** → 범위는 FP32와 동일

| 포맷 | 부호 | 지수 | 가수 |
| --- | --- | --- | --- |
| **FP16** | 1 | 5 | 10 |
| **BF16** | 1 | 8 | 10 |
";
    let ws = workspace(&[("dist.md", text)]);
    let found = codes(&ws.check_all(), "conflicting-claim");
    assert_eq!(found.len(), 1, "{found:#?}");
    let f = &found[0];
    assert!(f.message.starts_with("BF16 › 가수"), "{}", f.message);
    assert_eq!(&text[f.related[0].span.clone()], "7");
    assert!(f.span.start > text.find("| **BF16**").expect("the BF16 row"));
}

#[test]
fn a_count_a_bullet_says_in_passing_contradicted_by_a_table_row_is_a_conflict() {
    // MT-Bench's questions: `80개` in the bullet on its structure, `100개` in the benchmark
    // table's `질문 수` row. Counts no table asks of (the base and large models' layers under
    // one topic, `8개 카테고리` where the table gives the categories no row) stay quiet.
    let note = "### 2. MT-Bench

- **구조**: **80개**의 고품질 **multi-turn(2턴)** 질문, **8개 카테고리** (writing, roleplay, math)
- base는 12개 layer, large는 24개 layer
- large: layer 24개

### 3. 벤치마크 비교

| 항목 | MT-Bench | AlpacaEval |
| --- | --- | --- |
| **질문 수** | 100개 (8개 카테고리) | 805개 |
| **턴** | multi-turn (2턴) | single-turn |
";
    let ws = workspace(&[("eval.md", note)]);
    let all = ws.check_all();
    let found = codes(&all, "conflicting-claim");
    assert_eq!(found.len(), 1, "{all:#?}");
    let f = &found[0];
    let line = |at: usize| note[..at].matches('\n').count() + 1;
    assert_eq!(
        (&note[f.span.clone()], line(f.span.start)),
        ("100개 (8개 카테고리)", 11)
    );
    let r = &f.related[0];
    assert_eq!((&note[r.span.clone()], line(r.span.start)), ("80개", 3));
    assert!(f.message.contains("MT-Bench › 질문 수"), "{}", f.message);
}

#[test]
fn a_parameter_default_stated_twice_under_one_topic_with_two_values_is_a_conflict() {
    // Prophet's `n_changepoints`: 25 in the bullet, 20 in the `기본값` column below it;
    // `changepoint_range` agrees (0.8 both). Under another topic, `learning_rate` is given
    // as XGBoost's default once and LightGBM's once: one statement each, no claim.
    let note = "### 문항 8

## **4. Prophet**

- **Trend**
    - **Changepoint**: 기본적으로 잠재 changepoint **25개**(`n_changepoints=25`)를 앞쪽 80%(`changepoint_range=0.8`) 구간에 배치
    - `changepoint_prior_scale` (기본 0.05): 클수록 추세가 유연

| 하이퍼파라미터 | 의미 | 기본값 | 튜닝 방향 |
| --- | --- | --- | --- |
| `n_changepoints` | 잠재 changepoint 개수 | 20 | 데이터 길면 늘림 |
| `changepoint_range` | changepoint 배치 구간 비율 | 0.8 | 최근 추세 반영하려면 ↑ |
| `changepoint_prior_scale` | 추세 유연성 | 0.05 | 과적합이면 ↓ |

## **5. Boosting**

### XGBoost

- `learning_rate` 기본값 0.3

### LightGBM

- `learning_rate` 기본값 0.1
";
    let ws = workspace(&[("ts.md", note)]);
    let all = ws.check_all();
    let found = codes(&all, "conflicting-claim");
    assert_eq!(found.len(), 1, "{all:#?}");
    let f = &found[0];
    let line = |at: usize| note[..at].matches('\n').count() + 1;
    assert_eq!((&note[f.span.clone()], line(f.span.start)), ("25", 6));
    let r = &f.related[0];
    assert_eq!((&note[r.span.clone()], line(r.span.start)), ("20", 11));
    assert!(
        f.message.starts_with("n_changepoints › 기본값"),
        "{}",
        f.message
    );
}

#[test]
fn a_default_in_a_cell_as_name_equals_value_meets_the_bullet_that_gives_it() {
    // `n_repeats` 기본값 **5** in the bullet, `n_repeats=10` in the comparison table's
    // `sklearn 기본 반복` row. Outside the table and the line saying 기본, `n_repeats=3` in
    // a call is an example, not a default.
    let note = "## **1. Feature Importance**

### 2. Permutation Importance

- sklearn `permutation_importance(model, X_val, y_val)` → `n_repeats` 기본값 **5**
- 빠르게 보려면 `n_repeats=3`으로 줄임

### Permutation vs MDI 비교

| 항목 | Permutation Importance | MDI |
| --- | --- | --- |
| **sklearn 기본 반복** | `n_repeats=10` | 해당 없음 |
";
    let ws = workspace(&[("xai.md", note)]);
    let all = ws.check_all();
    let found = codes(&all, "conflicting-claim");
    assert_eq!(found.len(), 1, "{all:#?}");
    let f = &found[0];
    assert_eq!(&note[f.span.clone()], "10");
    assert_eq!(&note[f.related[0].span.clone()], "5");
    assert!(f.message.starts_with("n_repeats › 기본값"), "{}", f.message);
}

#[test]
fn a_summary_row_gives_its_own_subjects_default() {
    // A closing table gives each optimiser's defaults in one column: AdaGrad's, Adam's and
    // BN's `eps` were held against each other as one topic's (1e-10, 1e-8 and 1e-5, two false
    // conflicts), while SAM's row, which says `rho=0.5` where SAM's own section says
    // `rho=0.05`, was never held against that section.
    let note = "## **2. Adaptive 계열 옵티마이저**

### 1. AdaGrad (Adaptive Gradient)

- PyTorch 기본값: `lr=1e-2`, `eps=1e-10`, `initial_accumulator_value=0`

## **10. SAM (Sharpness-Aware Minimization)**

- **ρ (rho)**: perturbation 반경, 기본 `rho=0.05` (CIFAR 기준 논문 설정)

## **11. 옵티마이저·학습 안정화 기법 요약표**

| 기법 | 핵심 아이디어 | 주요 HP / 기본값 | 장점 |
| --- | --- | --- | --- |
| **AdaGrad** | gradient 제곱 누적 | `eps=1e-10` | sparse feature |
| **Adam** | 1·2차 moment + 보정 | `betas=(0.9, 0.999)`, `eps=1e-8` | HP 둔감 |
| **BN / LN** | activation 정규화 | `eps=1e-5` | 큰 lr 허용 |
| **SAM** | flat minima 탐색 | `rho=0.5` | generalization ↑ |
";
    let ws = workspace(&[("opt.md", note)]);
    let all = ws.check_all();
    let found = codes(&all, "conflicting-claim");
    assert_eq!(found.len(), 1, "{all:#?}");
    let f = &found[0];
    let line = |at: usize| note[..at].matches('\n').count() + 1;
    assert_eq!((&note[f.span.clone()], line(f.span.start)), ("0.5", 18));
    let r = &f.related[0];
    assert_eq!((&note[r.span.clone()], line(r.span.start)), ("0.05", 9));
    assert!(f.message.starts_with("SAM › rho › 기본값"), "{}", f.message);
}

#[test]
fn a_bullets_counts_meet_a_tables_count_columns() {
    // `노드 2,708개` in Cora's bullet, `2,807` in the datasets table's `노드 수` column: the
    // thousands comma, the aside after the edges and the column's `수` each kept them apart.
    let note = "## **6. 노드·그래프 태스크**

- **Cora** (Planetoid): 노드 2,708개, 엣지 10,556개 (PyG 양방향 저장), feature 1,433차원, 클래스 7개

| 데이터셋 | 노드 수 | 엣지 수 (PyG) | feature 차원 | 클래스 수 |
| --- | --- | --- | --- | --- |
| **Cora** | 2,807 | 10,556 | 1,433 | 7 |
| **CiteSeer** | 3,327 | 9,104 | 3,703 | 6 |
";
    let ws = workspace(&[("gnn.md", note)]);
    let all = ws.check_all();
    let found = codes(&all, "conflicting-claim");
    assert_eq!(found.len(), 1, "{all:#?}");
    let f = &found[0];
    assert_eq!(&note[f.span.clone()], "2,807");
    assert_eq!(&note[f.related[0].span.clone()], "2,708");
    assert!(f.message.starts_with("Cora › 노드 수"), "{}", f.message);
}

#[test]
fn a_defaults_table_by_library_meets_each_librarys_own_section() {
    // Under a heading saying `기본값`, a table of roles by library: its LightGBM column says
    // `min_child_samples` = 10 (the value after the code), LightGBM's own section 20. The
    // column, not the row (`leaf 최소 크기`), names whose default it is.
    let note = "## **7. XGBoost**

- XGBoost 기본값: `max_depth=6`, `min_child_weight=1`

## **8. LightGBM**

- LightGBM 기본값: `num_leaves=31`, `min_child_samples=20`

## **9. 주요 하이퍼파라미터 & 기본값**

| 역할 | XGBoost | LightGBM |
| --- | --- | --- |
| **트리 복잡도** | `max_depth` = 6 | `num_leaves` = 31 |
| **leaf 최소 크기** | `min_child_weight` = 1 | `min_child_samples` = 10 |
";
    let ws = workspace(&[("gb.md", note)]);
    let all = ws.check_all();
    let found = codes(&all, "conflicting-claim");
    assert_eq!(found.len(), 1, "{all:#?}");
    let f = &found[0];
    let line = |at: usize| note[..at].matches('\n').count() + 1;
    assert_eq!((&note[f.span.clone()], line(f.span.start)), ("10", 14));
    assert_eq!(&note[f.related[0].span.clone()], "20");
    assert!(
        f.message
            .starts_with("LightGBM › min_child_samples › 기본값"),
        "{}",
        f.message
    );
}

#[test]
fn rows_sharing_a_first_cell_are_no_one_subjects_claims() {
    // YOLOv5's `detect.py` and `val.py` rows: two settings of one library, told apart by the
    // second cell. Held against each other as `YOLOv5 › conf threshold` (and, under a heading
    // saying 기본값, as its defaults) they were six false conflicts.
    let note = "## **2. NMS**

### 3. 라이브러리 기본값

- YOLOv5 `detect.py`는 `conf_thres=0.25`, `iou_thres=0.45` / `val.py`는 `conf_thres=0.001`, `iou_thres=0.6`

| 라이브러리 | 함수/모드 | conf threshold | NMS IoU threshold | 최대 box 수 |
| --- | --- | --- | --- | --- |
| **YOLOv5** | `detect.py` | `conf_thres=0.25` | `iou_thres=0.45` | `max_det=1000` |
| **YOLOv5** | `val.py` | `conf_thres=0.001` | `iou_thres=0.6` | `max_det=300` |
| **ultralytics (YOLOv8)** | `model.predict()` | `conf=0.25` | `iou=0.7` | `max_det=300` |
";
    let ws = workspace(&[("det.md", note)]);
    let all = ws.check_all();
    assert!(codes(&all, "conflicting-claim").is_empty(), "{all:#?}");
}

#[test]
fn a_variant_named_in_a_bullet_meets_its_row_and_rounding_agrees() {
    // A CNN note gives DenseNet-121's parameters under `DenseNet` and again in the closing
    // table's DenseNet-121 row, one of them mistyped; ResNet-50's GFLOPs are 4.1 in one
    // table and 4.09 in another, the same number rounded.
    let note = "## **6. DenseNet**

- **정의**: 각 layer가 앞선 모든 layer의 feature map을 concat
- **파라미터 수**: DenseNet-121 8.0M
- **장점**: feature reuse

## **7. ResNet**

- **파라미터 수**: ResNet-50 25.6M, 4.1 GFLOPs

| 모델 | 블록 | GFLOPS |
| --- | --- | --- |
| **ResNet-50** | Bottleneck | 4.1 |

## **13. 아키텍처 비교 요약표**

| 모델 | 연도 | 파라미터 수 | GFLOPS |
| --- | --- | --- | --- |
| **ResNet-50** | 2015 | 25.6M | 4.09 |
| **DenseNet-121** | 2017 | 7.0M | 2.9 |
";
    let ws = workspace(&[("cnn.md", note)]);
    let found = codes(&ws.check_all(), "conflicting-claim");
    let spans: Vec<&str> = found.iter().map(|f| &note[f.span.clone()]).collect();
    assert_eq!(spans, ["7.0M"], "{found:#?}");
    assert_eq!(&note[found[0].related[0].span.clone()], "8.0M");
    assert!(
        found[0].message.starts_with("DenseNet-121 › 파라미터 수"),
        "{}",
        found[0].message
    );
}

#[test]
fn a_functions_default_in_a_line_meets_its_row_in_a_table_of_arguments() {
    // A metrics note: `calibration_curve` 기본 `n_bins=5` in the calibration section, and a
    // closing table of scikit-learn defaults (function, argument, default) with `10`.
    let note = "## **7. Calibration과 ECE (Expected Calibration Error)**

- sklearn에는 ECE 함수가 없음 → `calibration_curve`로 bin별 값을 구해서 직접 계산
    - `calibration_curve` 기본 `n_bins=5`, `strategy='uniform'` (equal-width)

## **11. scikit-learn 기본값 정리**

| 함수 | 인자 | 기본값 | 메모 |
| --- | --- | --- | --- |
| **`f1_score`** | `average` | `'binary'` | 다중 클래스면 ValueError |
| **`calibration_curve`** | `n_bins` | `10` | `strategy='uniform'` |
| **`log_loss`** | `eps` | `5` | 없음 |
";
    let ws = workspace(&[("metrics.md", note)]);
    let found = codes(&ws.check_all(), "conflicting-claim");
    let spans: Vec<&str> = found.iter().map(|f| &note[f.span.clone()]).collect();
    assert_eq!(spans, ["10"], "{found:#?}");
    assert_eq!(&note[found[0].related[0].span.clone()], "5");
}

#[test]
fn a_default_in_a_table_of_defaults_meets_the_bullet_of_its_parameter() {
    // A regularisation note: Stochastic Depth's `p_L` is 0.5 in its section and 0.8 in the
    // closing table of defaults (subject, parameter, value).
    let note = "## **9. Stochastic Depth**

- **마지막 block 생존 확률 $p_L$**: 0.5 (논문 기본값, 입력 쪽 $p_0 = 1$)
- **Inference**: 모든 block 사용

### 주요 기본값 한눈에 보기

| 대상 | 속성 | 값 | 비고 |
| --- | --- | --- | --- |
| **nn.Dropout** | p | 0.5 | drop 확률 |
| **Stochastic Depth** | 마지막 block 생존 확률 $p_L$ | 0.8 | linear decay |
";
    let ws = workspace(&[("reg.md", note)]);
    let found = codes(&ws.check_all(), "conflicting-claim");
    let spans: Vec<&str> = found.iter().map(|f| &note[f.span.clone()]).collect();
    assert_eq!(spans, ["0.8"], "{found:#?}");
}

#[test]
fn a_row_of_defaults_meets_the_bullet_setting_its_parameter_otherwise() {
    // A vector-search note's `FAISS 기본값: M=32, efConstruction=40, **efSearch=16**` under
    // HNSW, and its table of defaults' `faiss.IndexHNSWFlat` › `hnsw.efSearch` → `32`: the
    // parameter's last part names it, and the row is a conflict. `efConstruction` agrees.
    let text = "# 벡터 검색 정리

### 문항13

## **6. HNSW (Hierarchical Navigable Small World)**

- **하이퍼파라미터**
    - **efSearch**: 검색할 때 후보 리스트 크기
    - FAISS 기본값: M=32, efConstruction=40, **efSearch=16**

## **10. Library 기본값 정리**

| 함수 | 인자 | 기본값 | 메모 |
| --- | --- | --- | --- |
| **`faiss.IndexHNSWFlat`** | `hnsw.efConstruction` | 40 | add 전에 설정 |
| **`faiss.IndexHNSWFlat`** | `hnsw.efSearch` | 32 | 검색 시 언제든 변경 |
";
    let ws = workspace(&[("vec.md", text)]);
    let found = codes(&ws.check_all(), "conflicting-claim");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].message.contains("hnsw.efSearch"),
        "{}",
        found[0].message
    );
    assert!(found[0].message.contains("\"16\"") && found[0].message.contains("\"32\""));
}

#[test]
fn a_library_defaults_row_meets_a_bold_parameters_default_in_its_section() {
    // A clustering note's `**min_samples (MinPts)**: …, 기본값 4` under DBSCAN, and its
    // defaults table giving DBSCAN's arguments one row each, the argument in plain text:
    // `| `DBSCAN` | min_samples | 5 |`. Two rows of one function were read as ambiguous, and
    // a bold label as no parameter. `eps` agrees.
    let text = "# 클러스터링 정리

## **5. DBSCAN (Density-Based Spatial Clustering of Applications with Noise)**

- 파라미터 2개
    - **eps (ε)**: 이웃으로 볼 반경, 기본값 0.5
    - **min_samples (MinPts)**: core point가 되기 위한 최소 이웃 수 (**자기 자신 포함**), 기본값 4

## **11. sklearn 기본값 정리**

| 함수 | 인자 | 기본값 | 메모 |
| --- | --- | --- | --- |
| `DBSCAN` | eps | 0.5 | 스케일 의존 |
| `DBSCAN` | min_samples | 5 | 자기 자신 포함 |
";
    let ws = workspace(&[("cl.md", text)]);
    let found = codes(&ws.check_all(), "conflicting-claim");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].message.contains("min_samples")
            && found[0].message.contains("\"5\"")
            && found[0].message.contains("\"4\""),
        "{}",
        found[0].message
    );
}

#[test]
fn a_parameter_labelled_in_code_states_its_default_after_its_explanation() {
    // A word-embedding note: `` - `window`: 중심 단어 좌우로 볼 최대 거리, gensim 기본값 10 ``
    // under Word2Vec, against its defaults table's `5`. The default word comes after the
    // explanation, not right after the parameter.
    let text = "# 단어 임베딩 정리

## **2. Word2Vec**

- `window`: 중심 단어 좌우로 볼 최대 거리, gensim 기본값 10
- `min_count`: 이보다 드문 단어 제거, 기본값 5

## **12. 기본값 정리**

| 함수 | 인자 | 기본값 | 메모 |
| --- | --- | --- | --- |
| `Word2Vec` | `window` | `5` | 좌우 최대 거리 |
| `Word2Vec` | `min_count` | `5` | 미만 빈도 단어 제거 |
";
    let ws = workspace(&[("emb.md", text)]);
    let found = codes(&ws.check_all(), "conflicting-claim");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].message.contains("window") && found[0].message.contains("\"10\""),
        "{}",
        found[0].message
    );
}

#[test]
fn two_columns_named_in_one_topics_title_are_two_subjects() {
    // `Negative Sampling` and `Hierarchical Softmax` both name the topic `Negative Sampling &
    // Hierarchical Softmax`: read as that topic each, their `X` and `O` in one row were a
    // conflict, and Hierarchical Softmax's cells waited.
    let text = "# 단어 임베딩 정리

## **3. Negative Sampling & Hierarchical Softmax**

- **Negative Sampling**: 정답 쌍 1개 + 노이즈 분포에서 뽑은 k개 negative를 이진 분류

| 항목 | Full Softmax | Negative Sampling | Hierarchical Softmax |
| --- | --- | --- | --- |
| **계산량(쌍당)** | $O(V)$ | $O(k+1)$ | $O(\\log_2 V)$ |
| **정규화된 확률 분포** | O | X | O |
| **잘 맞는 경우** | V 작을 때 | 빈번한 단어 | 희귀 단어 |
";
    let ws = workspace(&[("emb.md", text)]);
    let found = codes(&ws.check_all(), "conflicting-claim");
    assert!(found.is_empty(), "{found:#?}");
    let doc = notedeck_parse::parse(text, "emb");
    assert!(
        doc.cards
            .iter()
            .any(|c| c.front.contains("Hierarchical Softmax") && c.back.contains("희귀 단어")),
        "{:#?}",
        doc.cards.iter().map(|c| &c.front).collect::<Vec<_>>()
    );
}

#[test]
fn a_library_defaults_table_written_without_code_meets_a_default_in_code() {
    // A feature-engineering note: `| KNNImputer | n_neighbors | 5 |` in a `함수 | 인자 | 기본값`
    // table with no inline code at all, and `기본 `n_neighbors=3`` under `### 2. KNNImputer`.
    let text = "# 피처 엔지니어링 정리

## **4. 결측치 처리**

### 2. KNNImputer
- **개념**: 결측 있는 샘플과 **가까운 k개 이웃**의 값 평균으로 채움
- 기본 `n_neighbors=3`, `weights='uniform'`

## **10. sklearn 기본값 정리**

| 함수 | 인자 | 기본값 | 메모 |
| --- | --- | --- | --- |
| SimpleImputer | strategy | 'mean' | add_indicator=False |
| KNNImputer | n_neighbors | 5 | metric='nan_euclidean' |
";
    let ws = workspace(&[("fe.md", text)]);
    let found = codes(&ws.check_all(), "conflicting-claim");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].message.contains("n_neighbors") && found[0].message.contains("\"3\""),
        "{}",
        found[0].message
    );
}

#[test]
fn a_default_meets_its_row_by_the_topics_title_or_the_lines_library() {
    // Under `## AutoAugment / RandAugment / …`, `torchvision 기본값: `magnitude=10`` is the
    // `v2.RandAugment` row's default; `DeepSpeed는 … `min_capacity` (기본값 8)` is the
    // `deepspeed.moe.layer.MoE` row's. Neither section writes the row's name in code.
    let note = "## **5. AutoAugment / RandAugment / TrivialAugment**

- **RandAugment** (Cubuk et al., NeurIPS 2020)
    - torchvision 기본값: `num_ops=2`, `magnitude=10`

## **4. Capacity Factor & Token Dropping**

- DeepSpeed는 배치가 작아도 capacity가 너무 작아지지 않게 `min_capacity` (기본값 8) 아래로는 안 내려감

## **10. 라이브러리**

### 기본값 정리 표

| 함수 | 인자 | 기본값 | 메모 |
| --- | --- | --- | --- |
| `v2.RandAugment` | num_ops | 2 | 논문의 $N$ |
| `v2.RandAugment` | magnitude | 9 | 논문의 $M$ |
| `deepspeed.moe.layer.MoE` | `min_capacity` | `4` | capacity 하한 |
";
    let ws = workspace(&[("aug.md", note)]);
    let found = codes(&ws.check_all(), "conflicting-claim");
    let spans: Vec<(&str, &str)> = found
        .iter()
        .map(|f| (&note[f.span.clone()], &note[f.related[0].span.clone()]))
        .collect();
    assert_eq!(spans, [("9", "10"), ("4", "8")], "{found:#?}");
}

#[test]
fn a_default_nested_under_a_class_meets_that_class_row() {
    // `var_smoothing` under `1. **GaussianNB**`, against the defaults table's row for
    // `GaussianNB` in another section: the class the bullet is nested under owns it.
    let text = "### 문항 7

사전분포 관련 문제였음

## **4. Naive Bayes (NB)**

- **종류 (sklearn)**
    1. **GaussianNB**: 연속형 feature, 클래스별 평균·분산 추정
        - `var_smoothing`: 모든 feature 분산 중 최댓값 × var_smoothing 만큼을 분산에 더해줌 (기본 1e-6) → 분산 0 으로 나누는 문제 방지
    2. **MultinomialNB**: 단어 count

## **8. 기본값 정리 (sklearn / PyMC)**

| 함수 | 인자 | 기본값 | 메모 |
| --- | --- | --- | --- |
| `GaussianNB` | `var_smoothing` | `1e-9` | 최대 feature 분산 × 이 값 |
";
    let ws = workspace(&[("bayes.md", text)]);
    let found = codes(&ws.check_all(), "conflicting-claim");
    assert_eq!(found.len(), 1, "{found:#?}");
    let related: Vec<&str> = found[0]
        .related
        .iter()
        .map(|r| &text[r.span.clone()])
        .collect();
    assert_eq!(related, ["1e-6"]);
}

#[test]
fn a_value_set_in_code_before_the_default_it_changes_is_no_default() {
    // `prefix_projection=True` (기본값 False): the code turns it on, the words give the
    // default, which agrees with the table.
    let text = "## **4. Prefix Tuning**

- **특징**
    - 바로 학습하면 불안정 → MLP로 reparameterization
        - peft: `prefix_projection=True` (기본값 False)

## **8. 기본값 정리**

| 함수 | 인자 | 기본값 | 메모 |
| --- | --- | --- | --- |
| `peft.PrefixTuningConfig` | `prefix_projection` | `False` | True면 MLP reparameterization |
";
    let ws = workspace(&[("peft.md", text)]);
    let found = codes(&ws.check_all(), "conflicting-claim");
    assert!(found.is_empty(), "{found:#?}");
    // Set against another default, the words are what is compared.
    let wrong = text.replace("(기본값 False)", "(기본값 True)");
    let ws = workspace(&[("peft.md", &wrong)]);
    let found = codes(&ws.check_all(), "conflicting-claim");
    assert_eq!(found.len(), 1, "{found:#?}");
}

#[test]
fn one_name_from_two_libraries_is_two_owners_of_defaults() {
    // `librosa.feature.melspectrogram` and `torchaudio.transforms.MelSpectrogram` end in one
    // name but are two functions with their own defaults (`n_fft` 2048 and 400): no
    // conflict. A line naming one of them by its library still meets its row, and one class
    // written two ways (`nn.LSTM`, `torch.nn.LSTM`) is still one.
    let table = "## **2. Log-Mel Spectrogram**

### 4. 라이브러리 기본값 정리

| 함수 | 주요 기본값 | 비고 |
| --- | --- | --- |
| `librosa.feature.melspectrogram` | `n_fft=2048`, `hop_length=512`, `n_mels=128` | 음악 분석 기준 세팅 |
| `librosa.feature.mfcc` | `n_mfcc=20` | dB 스케일 Mel에 DCT |
| `torchaudio.transforms.MelSpectrogram` | `sample_rate=16000`, `n_fft=400`, `n_mels=128` | 10ms hop은 직접 지정 |
| `torchaudio.transforms.MFCC` | `n_mfcc=40`, `log_mels=False` | dB 스케일 Mel 사용 |
";
    let ws = workspace(&[("asr.md", table)]);
    let found = codes(&ws.check_all(), "conflicting-claim");
    assert!(found.is_empty(), "{found:#?}");

    let slip = format!("{table}\n- torchaudio `MFCC`의 `n_mfcc` 기본값은 **13**\n");
    let ws = workspace(&[("asr.md", slip.as_str())]);
    let found = codes(&ws.check_all(), "conflicting-claim");
    assert_eq!(found.len(), 1, "{found:#?}");

    let lstm = "## **3. LSTM**

### 기본값

| 함수 | 인자 | 기본값 |
| --- | --- | --- |
| `nn.LSTM` | `num_layers` | `1` |
| `torch.nn.LSTM` | `num_layers` | `2` |
";
    let ws = workspace(&[("lstm.md", lstm)]);
    let found = codes(&ws.check_all(), "conflicting-claim");
    assert_eq!(found.len(), 1, "{found:#?}");
}

#[test]
fn a_count_said_in_all_contradicted_by_a_table_column_is_a_conflict() {
    // `총 3개` (in all) counts what the table's `2개 (FM + Deep)` counts: the recommender
    // note's DeepFM, listing two components under a bullet that says three.
    let note = "## **6. DeepFM**\n\n- **구성요소**: 총 **3개**\n    1. **FM component**: 1차 + 2차 상호작용\n    2. **Deep component**: MLP로 고차 상호작용\n\n| 항목 | FM | Wide & Deep | DeepFM |\n| --- | --- | --- | --- |\n| **구성요소 수** | 1개 (FM) | 2개 (Wide + Deep) | 2개 (FM + Deep) |\n";
    let ws = workspace(&[("recsys.md", note)]);
    let found = codes(&ws.check_all(), "conflicting-claim");
    assert_eq!(found.len(), 1, "{found:#?}");
    let f = &found[0];
    assert_eq!(&note[f.span.clone()], "2개 (FM + Deep)");
    assert!(note[f.related[0].span.clone()].starts_with("총 **3개"));
    // The same count said in all is no conflict.
    let agreeing = note.replace("총 **3개**", "총 **2개**");
    let ws = workspace(&[("recsys.md", &agreeing)]);
    assert_eq!(codes(&ws.check_all(), "conflicting-claim"), []);
}
