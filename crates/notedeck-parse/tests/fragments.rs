//! The outline and card rules on fragments copied from the user's notes
//! (`notes/역량평가 정리.md`). Each case shows the cards as `kind | deck | front => back`.

mod common;

use common::{anki_front, card_with_front, cards, doc, outline};
use notedeck_anki::spell;
use notedeck_parse::{Card, CardKind, ClaimOrigin, SectionKind, parse};

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
fn comparison_table_with_subjects_in_rows() {
    // The BART section's table compares BERT, GPT and BART, three topics of the problem: it
    // belongs to the problem, not to BART, and its front is the question. The heading saying
    // that it compares is shown with it. Each of the three has its own section, so the table
    // sums them up: a column is asked across the three (`BERT / GPT / BART › 주요 특징`).
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
            "BERT / GPT / BART › 구조",
            "BERT / GPT / BART › 학습 방식",
            "BERT / GPT / BART › 주요 특징",
        ]
    );
    for c in &table {
        assert_eq!(
            c.context_path(),
            ["문제 9", "다른 모델과 비교"],
            "{}",
            c.front
        );
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
fn digits_grouped_by_underscores_are_no_pasted_katex() {
    // A defaults table and a bullet of a reinforcement-learning note: Python's digit groups.
    let text = "| `DQN` | `buffer_size` | 1_000_000 | replay buffer |\n\
                - `target_update_interval=10_000`, x_0 다음 x_1_000\n";
    let found: Vec<&str> = notedeck_parse::pasted_katex(text)
        .iter()
        .map(|k| &text[k.span.clone()])
        .collect();
    assert!(found.is_empty(), "{found:?}");
    // A subscript after a letter is still TeX: `Mc` then `M_c`.
    let pasted = notedeck_parse::pasted_katex("- McM_c 계산\n");
    assert_eq!(pasted.len(), 1);
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
    let card = card_with_front(&d, "CAM › 원리");
    assert_eq!(
        card.back,
        "<ul><li>과정:<ol><li>특정 클래스 c에 대한 CAM 계산:<p>\\[M_c(x, y) = \\sum_k w_{c,k} \\cdot f_k(x, y)\\]</p></li><li>\\(M_c\\)를 원본 이미지 크기로 보간 → 시각화</li></ol></li></ul>"
    );
}

#[test]
fn image_alone_under_a_facet() {
    let d = doc("## **1. Grad-CAM (Gradient-weighted Class Activation Mapping)**

### 원리

![image.png](%EC%97%AD%EB%9F%89%ED%8F%89%EA%B0%80%20%EC%A0%95%EB%A6%AC%2024f4d6b253d380f4a698df83390921af/image%201.png)
");
    let url = "%EC%97%AD%EB%9F%89%ED%8F%89%EA%B0%80%20%EC%A0%95%EB%A6%AC%2024f4d6b253d380f4a698df83390921af/image%201.png";
    let card = card_with_front(&d, "Grad-CAM › 원리");
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
    let card = card_with_front(&facet, "LoRA › 장점");
    assert_eq!(card.id, "lora-pros");
}

#[test]
fn repeated_keys_get_numbered() {
    // Two lists: within one list, items under the same label are one card.
    let d = doc("## 0. GPT\n\n- **장점**: 하나\n\n1. **장점**: 둘\n");
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
fn a_glossed_word_is_hidden_before_a_year() {
    // The author glossed `분리` in English: the method is the fact, and a card hiding the
    // year left it shown and never asked. A line opening with who proposed it when, with
    // no marked term after, is a citation: hiding its year asked a paper's date.
    let d = doc("## **2. Adam / AdamW**

- **수식**: 업데이트마다 학습률을 조정
- AdamW는 weight decay를 기울기 기반 업데이트와 분리(decoupled)한 방법으로, 2019년 ICLR에서 발표
- 2014년 Kingma & Ba가 모멘텀과 RMSProp을 합쳐 제안
");
    let clozes: Vec<String> = d
        .cards
        .iter()
        .filter(|c| c.kind == CardKind::Cloze)
        .map(common::anki_front)
        .collect();
    assert_eq!(
        clozes,
        [
            "AdamW는 weight decay를 기울기 기반 업데이트와 {{c1::분리(decoupled)}}한 방법으로, \
             2019년 ICLR에서 발표",
        ]
    );
    common::assert_skipped(&d, |r| {
        r.starts_with("dates who published the method and when")
    });
}

#[test]
fn several_unlabelled_bullets_are_clozes_of_the_terms_their_author_marked() {
    let d = doc("### 문항 11

옵티마이저(Optimizer)와 학습률 스케줄링

- Adam에 L2 정규화를 더하면 정규화 항의 gradient도 adaptive learning rate로 나눠지기 때문에, gradient가 큰 파라미터일수록 정규화가 약하게 걸린다
- AdamW는 weight decay를 gradient 계산에서 분리(decoupled)해 파라미터 업데이트 단계에서 직접 빼 준다
- 단어 중간에 이어지는 조각은 `##` 접두어 사용

    → `embeddings` → `em`, `##bed`

- 토크나이저·vocab이 다르면 값을 직접 비교할 수 없음
- 이 저차원 곱셈은 transformer layer마다 파라미터를 적게 늘린다
");
    assert_eq!(
        cards(&d),
        [
            // The consequence a cause leads to, the Korean word glossed in English, the code
            // span: each bullet is a fact of its own, not one vague "… › 핵심 내용".
            "cloze | 역량평가 정리::문항 11 | Adam에 L2 정규화를 더하면 정규화 항의 gradient도 \
             adaptive learning rate로 나눠지기 때문에, {{c1::gradient가 큰 파라미터일수록 정규화가 \
             약하게 걸린다}} => ",
            "cloze | 역량평가 정리::문항 11 | AdamW는 weight decay를 gradient 계산에서 \
             {{c1::분리(decoupled)}}해 파라미터 업데이트 단계에서 직접 빼 준다 => ",
            // The line continuing the statement is shown with the answer.
            "cloze | 역량평가 정리::문항 11 | 단어 중간에 이어지는 조각은 <code>{{c1::##}}</code> \
             접두어 사용 => <p>→ <code>embeddings</code> → <code>em</code>, <code>##bed</code></p>",
            "cloze | 역량평가 정리::문항 11 | 토크나이저·vocab이 다르면 {{c1::값을 직접 비교할 수 \
             없음}} => ",
            // A name guessed from the words is no marked term: a lone bullet left is the
            // 핵심 내용 card.
            "basic | 역량평가 정리::문항 11 | 옵티마이저(Optimizer)와 학습률 스케줄링 › 핵심 내용 \
             => <ul><li>이 저차원 곱셈은 transformer layer마다 파라미터를 적게 늘린다</li></ul>",
        ]
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
    let facet = card_with_front(&d, "CAM › 활용 분야");
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
fn a_claim_value_in_inline_math_spans_its_dollars() {
    // A quick fix replaces the value's span: it must hold the formula with both `$`, not
    // `$0.1` with the closing one left behind.
    let src = "# 역량평가 정리\n\n### 문제9\n\n## **1. Label Smoothing**\n\n- **계수**: $\\epsilon = 0.1$\n- **손실**: $L = -\\sum_k q_k \\log p_k$ 사용\n";
    let d = parse(src, "fallback");
    let spans: Vec<&str> = d
        .claims
        .iter()
        .map(|c| &src[c.value_span.clone()])
        .collect();
    assert!(spans.contains(&"$\\epsilon = 0.1$"), "{spans:?}");
    assert!(
        spans.iter().all(|s| s.matches('$').count() % 2 == 0),
        "{spans:?}"
    );
}

#[test]
fn a_worked_example_under_an_example_section_is_no_card() {
    // `**미로 탈출 게임**` + its states, actions and rewards illustrates Q-learning; the
    // rewards (`+10`, `-1`) are made up for it. A bold line with a list elsewhere is a card.
    let d = doc(
        "## **1. Q-learning**\n\n## 4. 특징\n\n**탐험 전략**\n\n- ε-greedy로 확률 ε만큼 무작위 행동\n\n## 5. 간단 예시\n\n**미로 탈출 게임**\n\n- 상태 s: 에이전트 위치\n- 보상 r: 출구에 도달하면 +10, 벽 부딪히면 -1\n",
    );
    let fronts: Vec<&str> = d.cards.iter().map(|c| c.front.as_str()).collect();
    assert_eq!(fronts, ["Q-learning › 특징 › 탐험 전략"]);
    assert!(
        d.skipped
            .iter()
            .any(|s| s.line == 15 && s.reason.starts_with("worked example")),
        "{:#?}",
        d.skipped
    );
}

#[test]
fn a_plain_label_before_a_pasted_katex_copy_is_still_a_label() {
    // Notion pastes the formula's text after `수식:` on the bullet's own line and the formula
    // itself below; the copy is not shown, and the line is the label `수식`.
    let d = doc(
        "## **2. RMSProp**\n\n- **배경**: AdaGrad는 gradient 제곱을 계속 더하기만 해서 학습률이 단조 감소\n- 수식:E[g2]t=ρE[g2]t−1+(1−ρ)gt2\n    \n    E[g2]t=ρE[g2]t−1+(1−ρ)gt2E[g^2]_t = \\rho E[g^2]_{t-1} + (1-\\rho) g_t^2\n    \n    $\\theta_{t+1} = \\theta_t - \\frac{\\eta}{\\sqrt{E[g^2]_t + \\epsilon}} g_t$\n    \n",
    );
    let card = card_with_front(&d, "RMSProp › 수식");
    assert!(
        card.back.contains("\\[E[g^2]_t = \\rho E[g^2]_{t-1}"),
        "{}",
        card.back
    );
    assert!(
        !d.cards.iter().any(|c| c.front.contains("핵심 내용")),
        "{:#?}",
        cards(&d)
    );
}
