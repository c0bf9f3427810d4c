//! The outline and card rules on fragments copied from the user's notes
//! (`notes/역량평가 정리.md`). Each case shows the cards as `kind | deck | front => back`.

mod common;

use common::{anki_front, cards, doc, outline};
use notedeck_anki::spell;
use notedeck_parse::{Card, CardKind, ClaimOrigin, Document, SectionKind, parse};

#[test]
fn bert_bold_label_bullets() {
    let d = doc(
        "## **1. BERT (Bidirectional Encoder Representations from Transformers)**

- **구조**: Transformer **Encoder**만 사용 (양방향 문맥 학습)
- **사전 학습 방법**
    1. **Masked Language Modeling (MLM)**
        - 입력 토큰의 일부를 `[MASK]`로 가리고 원래 단어 예측
    2. **Next Sentence Prediction (NSP)**
        - 두 문장이 순서상 이어지는지(True) 또는 무작위 조합(False)인지 분류
- **장점**: 문장 내·문장 간 관계 모두 학습 가능
",
    );
    assert_eq!(
        cards(&d),
        [
            "definition | 역량평가 정리::문제 9 | BERT => Bidirectional Encoder Representations from Transformers",
            "basic | 역량평가 정리::문제 9 | BERT › 구조 => Transformer <b>Encoder</b>만 사용 (양방향 문맥 학습)",
            "basic | 역량평가 정리::문제 9 | BERT › 사전 학습 방법 => <ol><li><b>Masked Language Modeling (MLM)</b><ul><li>입력 토큰의 일부를 <code>[MASK]</code>로 가리고 원래 단어 예측</li></ul></li><li><b>Next Sentence Prediction (NSP)</b><ul><li>두 문장이 순서상 이어지는지(True) 또는 무작위 조합(False)인지 분류</li></ul></li></ol>",
            "definition | 역량평가 정리::문제 9 | MLM => Masked Language Modeling",
            "definition | 역량평가 정리::문제 9 | NSP => Next Sentence Prediction",
            "basic | 역량평가 정리::문제 9 | BERT › 장점 => 문장 내·문장 간 관계 모두 학습 가능",
        ]
    );
    let c = &d.cards[1];
    assert_eq!(*c.path, ["문제 9", "BERT"]);
    assert_eq!(*c.tags, ["문제 9", "BERT"]);
    assert_eq!(spell::tags(&c.tags), ["문제_9", "BERT"]);
    assert_eq!(c.key, "구조");
    assert_eq!(c.line, 7);
    let claim = &d.claims[0];
    assert_eq!(
        (
            claim.subject.as_str(),
            claim.attribute.as_str(),
            claim.value.as_str(),
            claim.origin
        ),
        (
            "BERT",
            "구조",
            "Transformer Encoder만 사용 (양방향 문맥 학습)",
            ClaimOrigin::Bullet
        )
    );
}

#[test]
fn lora_facet_sections_become_one_card_each() {
    let d = doc("## **LoRA (Low-Rank Adaptation)**

### 1. 개념

- 원래 모델 파라미터는 **동결(freeze)**, 새로 추가한 LoRA 모듈만 학습

---

### 3. 장점

1. **파라미터 효율**: 학습해야 하는 파라미터 수가 매우 적음 → 메모리 절약
2. **성능 유지**: 풀 파인튜닝에 가까운 성능
");
    assert_eq!(
        outline(&d),
        [
            "title: 역량평가 정리",
            "problem: 문제 9 < 역량평가 정리",
            "topic: LoRA (Low-Rank Adaptation) < 문제 9",
            "facet: 개념 < LoRA (Low-Rank Adaptation)",
            "facet: 장점 < LoRA (Low-Rank Adaptation)",
        ]
    );
    assert_eq!(
        cards(&d),
        [
            "definition | 역량평가 정리::문제 9 | LoRA => Low-Rank Adaptation",
            "basic | 역량평가 정리::문제 9 | LoRA › 개념 => <ul><li>원래 모델 파라미터는 <b>동결(freeze)</b>, 새로 추가한 LoRA 모듈만 학습</li></ul>",
            "basic | 역량평가 정리::문제 9 | LoRA › 장점 => <ol><li><b>파라미터 효율</b>: 학습해야 하는 파라미터 수가 매우 적음 → 메모리 절약</li><li><b>성능 유지</b>: 풀 파인튜닝에 가까운 성능</li></ol>",
        ]
    );
    // `동결(freeze)` is a Korean gloss, not an acronym.
    assert_eq!(d.terms.len(), 1);
    assert!(d.terms[0].is_heading);
}

#[test]
fn comparison_table_with_subjects_in_columns() {
    let d = doc("## **3. 비교 요약 표**

| 항목 | Grad-CAM | Score-CAM |
| --- | --- | --- |
| **Gradient 필요** | ✔ 필요 | ✘ 불필요 |
| **계산량** | 적음 | 많음 (채널 수 × forward) |
");
    let c = cards(&d);
    assert_eq!(
        c,
        [
            "table | 역량평가 정리::문제 9 | Grad-CAM › Gradient 필요 => ✔ 필요",
            "table | 역량평가 정리::문제 9 | Score-CAM › Gradient 필요 => ✘ 불필요",
            "table | 역량평가 정리::문제 9 | Grad-CAM › 계산량 => 적음",
            "table | 역량평가 정리::문제 9 | Score-CAM › 계산량 => 많음 (채널 수 × forward)",
        ]
    );
    // No topic here is named by the table: it belongs where it sits, shown once (Context).
    assert_eq!(d.cards[0].context, None);
    assert_eq!(d.cards[0].context_path(), ["문제 9", "비교 요약 표"]);
    assert_eq!(d.cards[3].key, "계산량 › Score-CAM");
    let claim = d
        .claims
        .iter()
        .find(|c| c.value.starts_with("많음"))
        .expect("cell claim");
    assert_eq!(
        (claim.subject.as_str(), claim.attribute.as_str()),
        ("Score-CAM", "계산량")
    );
    assert_eq!(claim.origin, ClaimOrigin::TableCell);
    assert!(d.terms.is_empty(), "많음 (채널 수 × forward) is not a term");
}

#[test]
fn comparison_table_with_subjects_in_rows() {
    // The BART section's table compares BERT, GPT and BART, three topics of the problem: it
    // belongs to the problem, not to `BART › 다른 모델과 비교`, and its front is the question.
    let d = doc("## 0. GPT

- **사전 학습 목표**: 다음 토큰 예측

## **1. BERT (Bidirectional Encoder Representations from Transformers)**

- **장점**: 문장 내·문장 간 관계 모두 학습 가능

## **5. BART (Bidirectional and Auto-Regressive Transformers)**

### 4. 다른 모델과 비교

| 모델 | 구조 | 학습 방식 | 주요 특징 |
| --- | --- | --- | --- |
| **BERT** | Encoder만 | MLM + NSP | 이해 중심 |
| **GPT** | Decoder만 | Auto-regressive LM | 생성 중심 |
| **BART** | Encoder-Decoder | Denoising Autoencoder | 이해 + 생성 둘 다 가능 |
");
    let table: Vec<&Card> = d
        .cards
        .iter()
        .filter(|c| c.kind == CardKind::Table)
        .collect();
    let fronts: Vec<&str> = table.iter().map(|c| c.front.as_str()).collect();
    assert_eq!(
        fronts,
        [
            "BERT › 구조",
            "BERT › 학습 방식",
            "BERT › 주요 특징",
            "GPT › 구조",
            "GPT › 학습 방식",
            "GPT › 주요 특징",
            "BART › 구조",
            "BART › 학습 방식",
            "BART › 주요 특징",
        ]
    );
    for c in &table {
        assert_eq!(c.context_path(), ["문제 9"], "{}", c.front);
        // The id still comes from where the cell sits.
        assert_eq!(*c.path, ["문제 9", "BART", "다른 모델과 비교"]);
    }
}

#[test]
fn logistic_table_with_pasted_katex_cell() {
    let d = doc("**Logistic regression**

| 항목 | Linear Regression | Logistic Regression |
| --- | --- | --- |
| 목적 | 연속형 값 예측 | 이진 분류 확률 예측 |
| 출력 범위 | −∞-\\infty ~ +∞+\\infty | 0 ~ 1 |
");
    assert_eq!(outline(&d)[2], "topic: Logistic regression < 문제 9");
    let range: Vec<(&str, &str)> = d
        .cards
        .iter()
        .filter(|c| c.key.starts_with("출력 범위"))
        .map(|c| (c.front.as_str(), c.back.as_str()))
        .collect();
    assert_eq!(
        range,
        [
            (
                "Linear Regression › 출력 범위",
                "\\(-\\infty\\) ~ \\(+\\infty\\)"
            ),
            ("Logistic Regression › 출력 범위", "0 ~ 1"),
        ]
    );
    // A table comparing its own topic with another thing sits above that topic.
    for c in d.cards.iter().filter(|c| c.kind == CardKind::Table) {
        assert_eq!(c.context_path(), ["문제 9"]);
        assert_eq!(*c.path, ["문제 9", "Logistic regression"]);
    }
    let claim = d
        .claims
        .iter()
        .find(|c| c.attribute == "출력 범위")
        .expect("claim");
    assert_eq!(claim.value, "-\\infty ~ +\\infty");
}

#[test]
fn memorisation_tip_becomes_cloze_cards() {
    let d = doc("## 0. CAM (class activation mapping)

📌 **암기 팁**

- CAM = **(FC Layer weight) × (Feature map)**
- GAP 필수 → 구조 제한
- **Grad-CAM** = gradient로 가중치 → 빠름, noise 가능
");
    let fronts: Vec<(String, &str)> = d
        .cards
        .iter()
        .filter(|c| c.kind == CardKind::Cloze)
        .map(|c| (anki_front(c), c.back.as_str()))
        .collect();
    let cloze: Vec<(&str, &str)> = fronts.iter().map(|(f, b)| (f.as_str(), *b)).collect();
    assert_eq!(
        cloze,
        [
            ("CAM = {{c1::<b>(FC Layer weight) × (Feature map)</b>}}", ""),
            ("GAP 필수 → {{c1::구조 제한}}", ""),
            (
                "<b>Grad-CAM</b> = {{c1::gradient로 가중치 → 빠름, noise 가능}}",
                ""
            ),
        ]
    );
    // The key names the question, not the answer: editing the answer keeps the id.
    assert_eq!(d.cards[2].key, "GAP 필수 → …");
}

#[test]
fn quote_tip_and_exam_tip() {
    let d = doc("📌 **암기 포인트**

> “DARTS = NAS를 미분 가능하게 만든 방법, discrete → continuous”
> 

**Exam tip:**

Keywords = *Manual, Script-driven, No CI/CD*
");
    assert_eq!(
        cards(&d),
        [
            "cloze | 역량평가 정리::문제 9 | “DARTS = {{c1::NAS를 미분 가능하게 만든 방법, discrete → continuous}}” => ",
            "cloze | 역량평가 정리::문제 9 | Keywords = {{c1::<em>Manual, Script-driven, No CI/CD</em>}} => ",
        ]
    );
}

#[test]
fn bold_paragraph_topic_with_numbered_facets() {
    let d = doc("**DARTS (Differentiable Architecture Search)**

## 1. 개념

- *NAS(Neural Architecture Search)**의 한 방법
- 논문: *Liu et al., 2018, \"DARTS: Differentiable Architecture Search\"*

---

## 4. 한계

- local minima 문제 발생 가능
");
    assert_eq!(
        outline(&d),
        [
            "title: 역량평가 정리",
            "problem: 문제 9 < 역량평가 정리",
            "topic: DARTS (Differentiable Architecture Search) < 문제 9",
            "facet: 개념 < DARTS (Differentiable Architecture Search)",
            "facet: 한계 < DARTS (Differentiable Architecture Search)",
        ]
    );
    let terms: Vec<(&str, &str, bool)> = d
        .terms
        .iter()
        .map(|t| (t.name.as_str(), t.expansion.as_str(), t.is_heading))
        .collect();
    assert_eq!(
        terms,
        [
            ("DARTS", "Differentiable Architecture Search", true),
            ("NAS", "Neural Architecture Search", false)
        ]
    );
    let fronts: Vec<&str> = d.cards.iter().map(|c| c.front.as_str()).collect();
    assert_eq!(fronts, ["DARTS", "DARTS › 개념", "NAS", "DARTS › 한계"]);
}

#[test]
fn problem_headings_with_and_without_spaces() {
    let text = "# 역량평가 정리\n\n### 문제9\n\n질문\n\n### 문항10\n\n## 0. GPT\n\n- **목표**: 다음 토큰 예측\n\n### 문항 19\n\n# 문항  21\n";
    let d = parse(text, "x");
    let problems: Vec<&str> = d
        .sections
        .iter()
        .filter(|s| s.kind == SectionKind::Problem)
        .map(|s| s.title.as_str())
        .collect();
    assert_eq!(problems, ["문제 9", "문항 10", "문항 19", "문항 21"]);
    assert_eq!(*d.cards[0].deck, ["역량평가 정리", "문항 10"]);
    assert_eq!(*d.cards[0].tags, ["문항 10", "GPT"]);
    assert_eq!(spell::tags(&d.cards[0].tags), ["문항_10", "GPT"]);
    // The question line under 문제 9 is not a card, and says why.
    assert_eq!(d.skipped[0].line, 5);
}

#[test]
fn pasted_katex_lines_render_tex_once() {
    let d = doc("## 0. CAM (class activation mapping)

## **2. 원리 (CAM, 원래 방식)**

- 과정:
    1. 특정 클래스 c에 대한 CAM 계산:Mc(x,y)=k∑wc,k⋅fk(x,y)
        
        Mc(x,y)=∑kwc,k⋅fk(x,y)M_c(x, y) = \\sum_k w_{c,k} \\cdot f_k(x, y)
        
    2. McM_cMc를 원본 이미지 크기로 보간 → 시각화
");
    let card = d
        .cards
        .iter()
        .find(|c| c.front == "CAM › 원리")
        .expect("facet card");
    assert_eq!(
        card.back,
        "<p>(CAM, 원래 방식)</p><ul><li>과정:<ol><li>특정 클래스 c에 대한 CAM 계산:<p>\\[M_c(x, y) = \\sum_k w_{c,k} \\cdot f_k(x, y)\\]</p></li><li>\\(M_c\\)를 원본 이미지 크기로 보간 → 시각화</li></ol></li></ul>"
    );
}

#[test]
fn image_alone_under_a_facet() {
    let d = doc("## **1. Grad-CAM (Gradient-weighted Class Activation Mapping)**

### 원리

![image.png](%EC%97%AD%EB%9F%89%ED%8F%89%EA%B0%80%20%EC%A0%95%EB%A6%AC%2024f4d6b253d380f4a698df83390921af/image%201.png)
");
    let url = "%EC%97%AD%EB%9F%89%ED%8F%89%EA%B0%80%20%EC%A0%95%EB%A6%AC%2024f4d6b253d380f4a698df83390921af/image%201.png";
    let card = d
        .cards
        .iter()
        .find(|c| c.front == "Grad-CAM › 원리")
        .expect("image card");
    assert_eq!(card.back, format!("<p><img src=\"{url}\"></p>"));
    assert_eq!(card.images.len(), 1);
    assert_eq!(card.images[0].url, url);
    assert_eq!(
        card.images[0].path,
        "역량평가 정리 24f4d6b253d380f4a698df83390921af/image 1.png"
    );
    assert_eq!(card.images[0].alt, "image.png");
    assert_eq!(d.images.len(), 1);
}

#[test]
fn id_pins_win_and_ids_ignore_answers() {
    let base = "## 0. GPT\n\n- **사전 학습 목표**: 다음 토큰 예측 <!-- id: gpt-goal -->\n- **구조**: Transformer decoder\n";
    let d = doc(base);
    assert_eq!(d.cards[0].id, "gpt-goal");
    assert_eq!(d.cards[0].pinned_id.as_deref(), Some("gpt-goal"));
    assert!(!d.cards[0].back.contains("<!--"));
    let unpinned = d.cards[1].id.clone();
    assert_eq!(unpinned.len(), 11);
    assert!(unpinned.bytes().all(|b| b.is_ascii_alphanumeric()));
    // Editing an answer keeps every id; inserting a card before it too.
    let edited = doc(&base.replace("Transformer decoder", "Transformer decoder만 사용"));
    assert_eq!(edited.cards[1].id, unpinned);
    let inserted = doc(&base.replace("- **구조**", "- **장점**: 생성 능력\n- **구조**"));
    assert_eq!(inserted.cards[2].id, unpinned);
    // A facet card takes the pin on the line after its heading.
    let facet = doc(
        "## **LoRA (Low-Rank Adaptation)**\n\n### 3. 장점\n<!-- id: lora-pros -->\n\n1. **파라미터 효율**: 적음\n",
    );
    let card = facet
        .cards
        .iter()
        .find(|c| c.front == "LoRA › 장점")
        .expect("facet card");
    assert_eq!(card.id, "lora-pros");
}

#[test]
fn repeated_keys_get_numbered() {
    let d = doc("## 0. GPT\n\n- **장점**: 하나\n- **장점**: 둘\n");
    let keys: Vec<&str> = d.cards.iter().map(|c| c.key.as_str()).collect();
    assert_eq!(keys, ["장점", "장점#2"]);
    assert_ne!(d.cards[0].id, d.cards[1].id);
}

#[test]
fn lora_row_rank_paragraph_and_formula_claims() {
    let d = doc("LoRA (Row-rank Adaptation)

- 이 행렬들은 사전 훈련된 모델의 각 transformer layer에 삽입되어, A와 B의 곱 BA가 원래의 가중치 W_0에 더해져서, 가중치의 변화 delta_W를 모델링한다.

## **LoRA (Low-Rank Adaptation)**

### 2. 동작 원리

- 대신 **W + ΔW** 형태로 쓰되,
    - ΔW = **A × B**
- 수식:
    
    ```
    y = Wx
    y' = (W + BA)x
    ```
");
    let terms: Vec<(&str, &str, bool)> = d
        .terms
        .iter()
        .map(|t| (t.name.as_str(), t.expansion.as_str(), t.is_heading))
        .collect();
    assert_eq!(
        terms,
        [
            ("LoRA", "Row-rank Adaptation", true),
            ("LoRA", "Low-Rank Adaptation", true)
        ]
    );
    let formulas: Vec<(&str, &str, &str)> = d
        .claims
        .iter()
        .filter(|c| c.origin == ClaimOrigin::Formula)
        .map(|c| (c.subject.as_str(), c.attribute.as_str(), c.value.as_str()))
        .collect();
    assert_eq!(
        formulas,
        [
            ("LoRA", "ΔW", "A × B"),
            ("LoRA", "y", "Wx"),
            ("LoRA", "y'", "(W + BA)x")
        ]
    );
    // The unlabelled explanation bullet is study content: it becomes "LoRA › 핵심 내용".
    let card = d
        .cards
        .iter()
        .find(|c| c.line == 7)
        .expect("card for line 7");
    assert_eq!(card.front, "LoRA › 핵심 내용");
    assert!(
        card.back.starts_with("<ul><li>이 행렬들은"),
        "{}",
        card.back
    );
    assert!(!d.skipped.iter().any(|s| s.line == 7));
}

#[test]
fn statements_beside_labelled_bullets_are_clozes_of_their_key_terms() {
    let d = doc("## 0. GPT

- Transformer decoder 구조
- 각 블록:
    1. Masked Multi-Head Self-Attention
    2. Feed-Forward Network (FFN)
    3. Layer Normalization & Residual Connection
- **사전 학습 목표**: 이전 토큰들을 기반으로 다음 토큰 확률 분포를 예측 (언어모델링)
- 다음에 올 단어를 예측하는 방식으로 사전 학습 수행 → cross-entropy loss 사용
");
    assert_eq!(
        cards(&d),
        [
            // A statement beside labelled bullets, before them or after, is a fact of its
            // own, asked by its key term, not a vague "GPT › 핵심 내용"...
            "cloze | 역량평가 정리::문제 9 | {{c1::Transformer decoder}} 구조 => ",
            "basic | 역량평가 정리::문제 9 | GPT › 각 블록 => <ol><li>Masked Multi-Head Self-Attention</li>\
             <li>Feed-Forward Network (FFN)</li><li>Layer Normalization &amp; Residual Connection</li></ol>",
            "definition | 역량평가 정리::문제 9 | FFN => Feed-Forward Network",
            "basic | 역량평가 정리::문제 9 | GPT › 사전 학습 목표 => 이전 토큰들을 기반으로 다음 토큰 확률 분포를 예측 (언어모델링)",
            // ...as is the one after them.
            "cloze | 역량평가 정리::문제 9 | 다음에 올 단어를 예측하는 방식으로 사전 학습 수행 → {{c1::cross-entropy loss}} 사용 => ",
        ]
    );
    assert!(d.skipped.is_empty(), "{:?}", d.skipped);
    // The labelled cards keep the ids they had before the unlabelled card existed.
    let id = |key: &str| d.cards.iter().find(|c| c.key == key).map(|c| c.id.clone());
    assert_eq!(
        id("각 블록"),
        Some(notedeck_parse::card_id(
            "역량평가 정리",
            &["문제 9".into(), "GPT".into()],
            "각 블록"
        ))
    );
}

#[test]
fn unlabelled_bullets_too_long_together_are_skipped() {
    let long = "가나다라마바사아자차카타파하 ".repeat(13);
    let body = format!("## 0. GPT\n\n- {long}\n- {long}\n- {long}\n- {long}\n- **장점**: 짧음\n");
    let d = doc(&body);
    assert_eq!(
        cards(&d),
        ["basic | 역량평가 정리::문제 9 | GPT › 장점 => 짧음"]
    );
    assert_eq!(d.skipped.len(), 4);
    assert!(
        d.skipped[0].reason.contains("too long for one card"),
        "{:?}",
        d.skipped
    );
}

#[test]
fn odd_comments_and_images_in_tips_do_not_break_parsing() {
    // An empty comment `<!-->` and an image inside a tip line must not trip offsets.
    let d = doc("<!-->\n\n📌 **암기 팁**\n\n- ![그림 **a**](x.png) 설명 = 답\n");
    let cloze: Vec<String> = d.cards.iter().map(anki_front).collect();
    assert_eq!(cloze, ["<img src=\"x.png\"> 설명 = {{c1::답}}"]);
}

#[test]
fn math_inside_a_cloze_cannot_close_it() {
    let d = doc(
        "📌 **암기 팁**\n\n- 손실 = $L = -\\sum_{i}{y_{i}}$\n- 업데이트: Q(s,a)←Q(s,a)+α[r−Q(s,a)]Q(s,a) \\leftarrow Q(s,a) + \\alpha [r - Q(s,a)]\n",
    );
    let fronts: Vec<String> = d.cards.iter().map(anki_front).collect();
    assert_eq!(
        fronts,
        [
            "손실 = {{c1::\\(L = -\\sum_{i}{y_{i} }\\)}}",
            "업데이트: {{c1::\\(Q(s,a) \\leftarrow Q(s,a) + \\alpha [r - Q(s,a)]\\)}}",
        ]
    );
    // Only the deletion's own `}}` closes it.
    assert!(fronts.iter().all(|f| f.matches("}}").count() == 1));
    // The parser's front is the formula as rendered; the deletion covers all of it.
    let c = &d.cards[0];
    assert_eq!(c.cloze.len(), 1);
    assert_eq!(
        &c.front[c.cloze[0].range.clone()],
        "\\(L = -\\sum_{i}{y_{i}}\\)"
    );
}

#[test]
fn a_rule_closes_the_facet_so_the_tip_belongs_to_the_topic() {
    let d = doc("## 0. CAM (class activation mapping)

## **5. 활용 분야**

- 모델 해석 및 디버깅

---

📌 **암기 팁**

- GAP 필수 → 구조 제한
");
    let tip = d
        .cards
        .iter()
        .find(|c| c.kind == CardKind::Cloze)
        .expect("tip card");
    assert_eq!(*tip.path, ["문제 9", "CAM"]);
    let facet = d
        .cards
        .iter()
        .find(|c| c.front == "CAM › 활용 분야")
        .expect("facet card");
    assert_eq!(facet.back, "<ul><li>모델 해석 및 디버깅</li></ul>");
}

#[test]
fn unusable_id_pins_are_reported() {
    let d = doc("## 0. GPT\n\n- **구조**: decoder <!-- id: has space -->\n");
    assert_eq!(d.cards[0].pinned_id, None);
    assert_eq!(d.problems.len(), 1);
    assert!(
        d.problems[0].message.contains("`has space`"),
        "{}",
        d.problems[0].message
    );
}

#[test]
fn bold_closed_before_a_korean_particle_renders_bold() {
    // CommonMark leaves `**…(…)**의` literal (the closing `**` sits between punctuation and a
    // letter); Notion and the author mean bold.
    let d = doc("**Q-learning**

## 1. 개념

- *강화학습(RL)**의 대표적인 **값 기반(Value-based)** 알고리즘
- “어떤 상태에서 어떤 행동을 했을 때 얻을 수 있는 **장기적인 보상**”을 **Q값(Q-value)**으로 표현
- **DARTS**는 이산 선택을 **연속 공간**으로 완화(continuous relaxation)하여 **경사 하강법(gradient descent)**으로 최적화 가능하게 만든 방법
");
    let back = &d.cards[0].back;
    assert!(back.contains("<b>Q값(Q-value)</b>으로 표현"), "{back}");
    assert!(
        back.contains("<b>경사 하강법(gradient descent)</b>으로 최적화"),
        "{back}"
    );
    // The broken `- *NAS(...)**의` shape (one star lost in Notion's export) shows what the
    // checker's `broken-emphasis` fix gives: bold.
    assert!(
        back.contains("<li><b>강화학습(RL)</b>의 대표적인 <b>값 기반(Value-based)</b>"),
        "{back}"
    );
    // A star that is not at a word's edge is never a delimiter.
    let d = doc("## 0. GPT\n\n- **계산**: 2*3 = 6, a * b **곱**\n- **목표**: 5*2**3 은 그대로\n");
    assert_eq!(d.cards[0].back, "2*3 = 6, a * b <b>곱</b>");
    assert_eq!(d.cards[1].back, "5*2**3 은 그대로");

    let d = doc("## **4. Generalized Zero-Shot Learning (GZSL)**

- **정의**: 테스트 시 **본 적 있는 클래스(Seen)** + **본 적 없는 클래스(Unseen)**를 **모두** 구분해야 하는 설정
");
    let card = d.cards.iter().find(|c| c.key == "정의").expect("정의 card");
    assert_eq!(
        card.back,
        "테스트 시 <b>본 적 있는 클래스(Seen)</b> + <b>본 적 없는 클래스(Unseen)</b>를 <b>모두</b> 구분해야 하는 설정"
    );
    // Spans and claims keep the CommonMark reading: the claim value is the source text.
    let src = "# 역량평가 정리\n\n### 문제9\n\n## **4. Generalized Zero-Shot Learning (GZSL)**\n\n- **정의**: 테스트 시 **본 적 있는 클래스(Seen)** + **본 적 없는 클래스(Unseen)**를 **모두** 구분해야 하는 설정\n";
    let d = parse(src, "fallback");
    let claim = d
        .claims
        .iter()
        .find(|c| c.attribute == "정의")
        .expect("정의 claim");
    assert_eq!(
        &src[claim.value_span.clone()],
        "테스트 시 **본 적 있는 클래스(Seen)** + **본 적 없는 클래스(Unseen)**를 **모두** 구분해야 하는 설정"
    );
}

#[test]
fn stray_bold_never_pairs_across_code_or_blocks() {
    let d = doc("## 0. GPT

- **학습**: a **b(c)**d
- **코드**: `**x)**y` 그대로
");
    let cards = cards(&d);
    assert!(
        cards.iter().any(|c| c.ends_with("=> a <b>b(c)</b>d")),
        "{cards:#?}"
    );
    assert!(
        cards
            .iter()
            .any(|c| c.ends_with("=> <code>**x)**y</code> 그대로")),
        "{cards:#?}"
    );
}

#[test]
fn short_line_under_a_problem_names_its_subject() {
    let src = "# 역량평가 정리

### 문제9

자연어처리 모델 관련 설명으로 옳은 것 고르기

## 0. GPT

- **사전 학습 목표**: 다음 토큰 예측

### 문항12

XAI

**Logistic regression**

- **Surrogate 모델**: 보조 모델
";
    let d = parse(src, "fallback");
    let subjects: Vec<(&str, Option<&str>)> = d
        .sections
        .iter()
        .filter(|s| s.kind == SectionKind::Problem)
        .map(|s| (s.title.as_str(), s.subject.as_deref()))
        .collect();
    // The task statement under 문제9 is not a subject; `XAI` is.
    assert_eq!(subjects, [("문제 9", None), ("문항 12", Some("XAI"))]);
    let xai = d
        .sections
        .iter()
        .find(|s| s.subject.is_some())
        .expect("a problem with a subject");
    let span = xai.subject_span.clone().expect("subject span");
    assert_eq!(&src[span], "XAI");
    // It is not a card, and says why; the topic after it is unaffected.
    assert!(
        d.skipped
            .iter()
            .any(|s| s.line == 13 && s.reason.contains("subject"))
    );
    assert_eq!(
        outline(&d)[3..],
        [
            "problem: 문항 12 < 역량평가 정리",
            "topic: Logistic regression < 문항 12"
        ]
    );
}

#[test]
fn cited_sources_are_not_cards() {
    let d = doc("## **2. Model-as-a-Service (MaaS)**

- **정의**: 모델을 API로 제공하는 방식 [ResearchGate+4arXiv+4](https://arxiv.org/abs/2311.05804?utm_source=chatgpt.com)
- **출처별 설명**:
    - Azure 설명에서는, MaaS는 \"클라우드 기반 API 액세스\" 형태라고 강조합니다.[Microsoft Azure](https://azure.microsoft.com/x?utm_source=chatgpt.com)
    - Red Hat은 MaaS를 공유 리소스로 정의합니다.[Red Hat](https://www.redhat.com/x?utm_source=chatgpt.com)
- **특징**:
    - Azure와 Red Hat이 제공 [Azure](https://azure.microsoft.com/x?utm_source=chatgpt.com)
    - 사용량 기반 구독 모델
- **참고**: [공식 문서](https://example.com/maas)
- **출처 제시**: 어떤 문서를 근거로 답했는지 보여줄 수 있음
");
    assert_eq!(
        cards(&d),
        [
            "definition | 역량평가 정리::문제 9 | MaaS => Model-as-a-Service",
            "basic | 역량평가 정리::문제 9 | Model-as-a-Service › 정의 => 모델을 API로 제공하는 방식",
            "basic | 역량평가 정리::문제 9 | Model-as-a-Service › 특징 => <ul><li>Azure와 Red Hat이 제공</li><li>사용량 기반 구독 모델</li></ul>",
            // Showing its sources is a fact about the topic, not a source of the notes.
            "basic | 역량평가 정리::문제 9 | Model-as-a-Service › 출처 제시 => 어떤 문서를 근거로 답했는지 보여줄 수 있음",
        ]
    );
    assert!(
        d.skipped
            .iter()
            .any(|s| s.line == 8 && s.reason.contains("sources")),
        "{:?}",
        d.skipped
    );

    // Inside a facet card the sources bullet is left out of the list.
    let d = doc("## **1. RAG (Retrieval-Augmented Generation)**

### 개념

- 외부 문서를 검색해 프롬프트에 함께 넣는 방식
- **출처별 설명**:
    - AWS는 RAG를 지식 베이스를 참조하는 프로세스로 정의합니다.[AWS](https://aws.amazon.com/x?utm_source=chatgpt.com)
");
    let card = d
        .cards
        .iter()
        .find(|c| c.key == "section")
        .expect("개념 card");
    assert_eq!(
        card.back,
        "<ul><li>외부 문서를 검색해 프롬프트에 함께 넣는 방식</li></ul>"
    );
}

#[test]
fn an_image_goes_with_the_card_before_it_never_on_its_own() {
    let d = doc("## **1. CAM**

- **개념**: 이미지의 어느 부분이 중요한지 보여주는 기술

![image.png](cam.png)

### 문항12

**Logistic regression**

![image.png](logistic.png)

| 항목 | Linear Regression | Logistic Regression |
| --- | --- | --- |
| 목적 | 연속형 값 예측 | 이진 분류 확률 예측 |
");
    let cam = d.cards.iter().find(|c| c.key == "개념").expect("개념 card");
    assert_eq!(
        cam.back,
        "이미지의 어느 부분이 중요한지 보여주는 기술<br><p><img src=\"cam.png\"></p>"
    );
    assert_eq!(cam.images.len(), 1);
    assert!(d.cards.iter().all(|c| !c.key.starts_with("image:")));
    assert!(d.cards.iter().all(|c| !c.back.contains("logistic.png")));
    assert!(
        d.skipped
            .iter()
            .any(|s| s.reason.contains("a picture alone asks nothing")),
        "{:?}",
        d.skipped
    );
}

#[test]
fn claim_labels_make_one_list_card_and_their_explanations_a_card_each() {
    // The labels are the facts (`No CI/CD`): one card asks for them all. What each one's
    // nested list explains is a fact too, asked with its label on the front.
    let d = doc("## **MLOps Level 0: Manual Process**

### 1. **Characteristics**

1. **Fully manual, script-driven**
    - Data analysis → preparation → training → validation are all manual, done in notebooks with experimental code.
2. **Disconnection between ML and Ops**
    - Data scientists hand off a trained model artifact to engineers for deployment.
    - Engineers prepare production features, risking training–serving skew.
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
        cards(&d)[..1],
        [
            "basic | 역량평가 정리::문제 9 | MLOps Level 0: Manual Process › Characteristics => <ol><li>Fully manual, script-driven</li><li>Disconnection between ML and Ops</li><li>Low release frequency</li><li>No CI/CD</li><li>Deployment scope</li><li>No active performance monitoring</li></ol>",
        ]
    );
    assert_eq!(d.cards[0].key, "section");
    assert_eq!(d.cards.len(), 7);
    assert_eq!(
        cards(&d)[4],
        "basic | 역량평가 정리::문제 9 | MLOps Level 0: Manual Process › Characteristics › No CI/CD => \
         <ul><li>No Continuous Integration: testing happens only within notebooks/scripts.</li>\
         <li>No Continuous Deployment: model deployment is infrequent and manual.</li></ul>"
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
            "basic | 역량평가 정리::문제 9 | BART › 사전 학습 방식 => <p>(Denoising Autoencoder)</p><p>BART는 원문 → <b>노이즈 추가</b> → 복원하는 과정을 학습</p>",
            "basic | 역량평가 정리::문제 9 | BART › 사전 학습 방식 › 노이즈 유형 => <ol><li>Token Deletion</li><li>Text Infilling</li><li>Sentence Permutation</li><li>Token Masking</li><li>Document Rotation</li></ol>",
            "basic | 역량평가 정리::문제 9 | BART › 사전 학습 방식 › 노이즈 유형 › Token Deletion => 토큰 제거; 무작위로 토큰을 삭제, 모델은 누락 위치를 결정해야 함",
        ]
    );
    assert_eq!(
        cards.last().map(String::as_str),
        Some(
            "basic | 역량평가 정리::문제 9 | BART › 사전 학습 방식 › 목표 => Decoder가 원래 문장을 재구성"
        )
    );
    // Definition, facet, 노이즈 유형, five noise types, 목표.
    assert_eq!(cards.len(), 9);
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
fn numbered_headings_over_prose_become_a_list_card() {
    // The Notion essay style: every paragraph is prose, yet the headings are a list to know.
    let d = doc("# 1. AutoML: 모델을 자동으로 만들다

AutoML은 한마디로 '머신러닝 과정을 자동화하는 기술'입니다. 데이터 전처리부터 모델 선택, 하이퍼파라미터 조정까지 사람이 하던 일을 대신합니다. 그래서 전문가가 아니어도 모델을 만들 수 있습니다.

# 2. AutoML의 구성 요소

AutoML은 보통 세 부분으로 이루어집니다:

# 1) 데이터 준비 자동화

결측치 처리, 인코딩, 스케일링 같은 전처리 단계를 자동으로 수행합니다. 데이터의 형태에 따라 적절한 변환을 골라 적용하며, 그 선택 역시 탐색의 대상이 됩니다. 사람은 결과만 확인합니다. 자세한 내용은 뒤에서 다룹니다.

# 2) 모델 선택

여러 후보 알고리즘 가운데 데이터에 가장 잘 맞는 모델을 고릅니다. 선형 모델부터 부스팅, 신경망까지 후보를 넓게 두고 교차 검증 점수로 비교합니다. 비교에는 시간이 많이 듭니다. 자세한 내용은 뒤에서 다룹니다.

# 3) 하이퍼파라미터 최적화

선택된 모델의 하이퍼파라미터를 베이지안 최적화 등으로 조정합니다. 조정 범위와 예산을 정해 두고, 그 안에서 가장 좋은 조합을 찾을 때까지 시도를 반복합니다. 예산이 클수록 좋아집니다. 자세한 내용은 뒤에서 다룹니다.
");
    let cards = cards(&d);
    assert_eq!(
        cards,
        [
            "cloze | 역량평가 정리::문제 9 | AutoML은 한마디로 '{{c1::머신러닝 과정을 자동화하는 기술}}'입니다. => ",
            "basic | 역량평가 정리::문제 9 | AutoML의 구성 요소 => <ol><li>데이터 준비 자동화</li><li>모델 선택</li><li>하이퍼파라미터 최적화</li></ol>",
            "basic | 역량평가 정리::문제 9 | AutoML의 구성 요소 › 데이터 준비 자동화 => <p>결측치 처리, 인코딩, 스케일링 같은 전처리 단계를 자동으로 수행합니다.</p>",
            "basic | 역량평가 정리::문제 9 | AutoML의 구성 요소 › 모델 선택 => <p>여러 후보 알고리즘 가운데 데이터에 가장 잘 맞는 모델을 고릅니다.</p>",
            "basic | 역량평가 정리::문제 9 | AutoML의 구성 요소 › 하이퍼파라미터 최적화 => <p>선택된 모델의 하이퍼파라미터를 베이지안 최적화 등으로 조정합니다.</p>",
        ]
    );
    assert_eq!(d.cards[1].key, "headings");
    // The prose itself stays skipped, saying that its first sentence is carded.
    assert!(
        d.skipped
            .iter()
            .filter(|s| s.reason.ends_with("its first sentence is a card"))
            .count()
            == 4
    );
}

#[test]
fn an_essay_with_a_korean_subject_nests_its_parts() {
    // No Latin letters in the subject: `# 1)` parts still belong to the `# 2.` section
    // before them, a `# 3.` naming the subject is a section of its own, the source line is
    // no card and does not hide the first sentences, and a `##` topic after the essay is
    // not a part of its last section.
    let d = doc("# 1. 확산 모델(Diffusion Model): 노이즈를 지우며 그린다

확산 모델(Diffusion Model)은 노이즈를 거꾸로 지우도록 학습한 생성 모델입니다. 학습이 끝나면 순수한 노이즈에서 시작해 이미지를 만듭니다. 결과는 매우 다양합니다.

# 2. 확산 모델의 두 과정

# 1) 순방향 과정

원본 이미지에 가우시안 노이즈를 T 단계에 걸쳐 조금씩 더합니다. 이 과정에는 학습할 파라미터가 없고, 마지막 단계의 이미지는 거의 순수한 노이즈입니다.

# 2) 역방향 과정

신경망이 각 단계에서 더해진 노이즈를 예측해 빼는 방법을 학습합니다. DDPM은 예측한 노이즈와 실제 노이즈 사이의 평균제곱오차를 손실로 사용합니다.

출처: [블로그](https://example.com/diffusion?utm_source=chatgpt.com)

## **ViT Training – Key Points**

- **Patch size**: 16×16
");
    assert_eq!(
        cards(&d),
        [
            "cloze | 역량평가 정리::문제 9 | 확산 모델(Diffusion Model)은 {{c1::노이즈를 거꾸로 지우도록 학습한 생성 모델}}입니다. => ",
            "basic | 역량평가 정리::문제 9 | 확산 모델의 두 과정 => <ol><li>순방향 과정</li><li>역방향 과정</li></ol>",
            "basic | 역량평가 정리::문제 9 | 확산 모델의 두 과정 › 순방향 과정 => <p>원본 이미지에 가우시안 노이즈를 T 단계에 걸쳐 조금씩 더합니다. 이 과정에는 학습할 파라미터가 없고, 마지막 단계의 이미지는 거의 순수한 노이즈입니다.</p>",
            "basic | 역량평가 정리::문제 9 | 확산 모델의 두 과정 › 역방향 과정 => <p>신경망이 각 단계에서 더해진 노이즈를 예측해 빼는 방법을 학습합니다. DDPM은 예측한 노이즈와 실제 노이즈 사이의 평균제곱오차를 손실로 사용합니다.</p>",
            "basic | 역량평가 정리::문제 9 | ViT Training – Key Points › Patch size => 16×16",
        ]
    );
    assert!(
        d.skipped
            .iter()
            .any(|s| s.reason == "names the notes' source (not knowledge)")
    );
}

#[test]
fn siblings_get_first_sentence_cards_all_or_none() {
    // One sibling's first sentence only rates its heading and no later sentence lists
    // examples: none of them gets a card, the list of headings still does.
    let d = doc("## **2. NAS의 도전과제**

## 1) 계산 비용

NAS의 가장 큰 도전 중 하나는 엄청난 계산 비용입니다. 최신 연구는 가지치기, 양자화, 메타러닝으로 이를 줄이려 합니다. 그래도 대규모 문제에서는 여전히 한계가 있습니다. 자세한 내용은 뒤에서 다룹니다.

## 2) 설명 가능성

NAS로 생성된 모델의 구조를 설명하는 것은 중요한 과제입니다. 의사결정 과정을 해석하기 어렵습니다. 규제 측면에서도 요구됩니다. 자세한 내용은 뒤에서 다룹니다.
");
    assert_eq!(
        cards(&d),
        [
            "basic | 역량평가 정리::문제 9 | NAS의 도전과제 => <ol><li>계산 비용</li><li>설명 가능성</li></ol>"
        ]
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
            "[문제 9] Level 0 – Manual Process › 프로세스 => 전 과정 수동 실행",
            "[문제 9] Level 1 – ML Pipeline Automation › 프로세스 => 파이프라인 단계 자동화",
            "[문제 9] Level 2 – CI/CD Pipeline Automation › 프로세스 => 파이프라인 자동화 + CI/CD",
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
            "[문제 9] GPT › 구조 => Decoder만",
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
            "Zero-Shot Learning › 예시 => “줄무늬가 있는 말” 설명으로 얼룩말 분류",
            "Generalized Zero-Shot Learning › 테스트 시 => Seen+Unseen 모두",
            // A cell asking what a card before it asks, in other words, is not carded: the
            // first wording is the one learnt (whether they clash is the checker's call).
            "[문제 9] Zero-Shot › 테스트 시 => Unseen만",
            "[문제 9] GZSL › 정의 => Seen도 포함",
            "[문제 9] GZSL › 예시 => 고양이·개·얼룩말 분류",
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
            "LSTM › 게이트 수 => 3개",
            "GRU › 게이트 수 => 2개",
            // The cell that contradicts the bullet waits for the conflict to be settled.
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
    assert_eq!(gates, [(7, "3개 (입력, 망각, 출력 게이트)"), (11, "2개")]);
    let cell = d
        .skipped
        .iter()
        .find(|s| s.line == 17)
        .expect("the LSTM cell");
    assert!(
        cell.reason.starts_with("says 2개 where the card on line 7"),
        "{}",
        cell.reason
    );
}

#[test]
fn tips_are_shown_under_the_topic_they_name_and_asides_do_not_split_a_fact() {
    let d = doc("## **1. Batch Normalization (BN)**

- **학습/추론 차이**: 추론 시에는 학습 중 누적한 이동 평균(running mean/var) 사용

## **2. Dropout**

- **목적**: 과적합 방지

### 비교

| 구분 | Batch Normalization | Dropout |
| --- | --- | --- |
| **학습/추론 차이** | 이동 평균 사용 | 추론 때 끔 |

📌 **암기 팁**

- BN = **배치 방향**으로 정규화
- 빠른 수렴 → **Adam**
");
    let shown = |front: &str| {
        d.cards
            .iter()
            .find(|c| anki_front(c).starts_with(front))
            .map(|c| (c.context_path().join(" › "), c.path.join(" › ")))
    };
    // Under the topic the tip names, or the problem: never the last heading above it. The id's
    // path stays where the line sits.
    assert_eq!(
        shown("BN = "),
        Some((
            "문제 9 › Batch Normalization".into(),
            "문제 9 › Dropout › 비교".into()
        ))
    );
    assert_eq!(
        shown("빠른 수렴"),
        Some(("문제 9".into(), "문제 9 › Dropout › 비교".into()))
    );
    // `이동 평균 사용` is what the bullet says once its aside is set apart: one card.
    let bn: Vec<usize> = d
        .cards
        .iter()
        .filter(|c| c.key.contains("학습/추론 차이") && c.back.contains("이동 평균"))
        .map(|c| c.line)
        .collect();
    assert_eq!(bn, [7]);
}

#[test]
fn bold_after_a_left_out_citation_still_renders() {
    let d = doc(
        "## 0. GPT\n\n- **목표**: [출처 **요약(A)**의](https://x.org/?utm_source=chatgpt.com) 뒤 **값(V)**으로 표현\n",
    );
    assert_eq!(d.cards[0].back, "뒤 <b>값(V)</b>으로 표현");
}
