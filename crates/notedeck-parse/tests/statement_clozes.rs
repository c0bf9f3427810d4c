//! What a cloze hides in a statement or a tip (found on notes on recurrent networks and on
//! dimensionality reduction): a gloss written onto the hidden word, a citation's year, and a
//! tip listing named figures. Each case shows the cards a fragment makes.

mod common;

use common::{cards, cloze_fronts, doc};

#[test]
fn a_gloss_written_onto_the_hidden_word_is_hidden_with_it() {
    // `{{c1::더하기}}(additive)`: the English beside the blank was the answer.
    let d = doc("## **8. Attention — Bahdanau vs Luong**

- **Bahdanau**: additive attention

📌 **암기 팁**

- **B**ahdanau = **B**efore (이전 상태, 계산 전), **더하기**(additive)
- GRU 게이트 수 = **2개** (LSTM 3개)
");
    let fronts = cloze_fronts(&d);
    assert!(
        fronts.contains(&"<b>B</b>ahdanau = <b>B</b>efore (이전 상태, 계산 전), {{c1::<b>더하기</b>(additive)}}".to_string()),
        "{fronts:#?}"
    );
    // Set apart by a space, an aside says what kind of thing the answer is: it stays.
    assert!(
        fronts.iter().any(|f| f.ends_with("}} (LSTM 3개)")),
        "{fronts:#?}"
    );
}

#[test]
fn a_year_after_et_al_is_a_citation_and_no_answer() {
    // `(Jozefowicz et al., 2015)`: the year was hidden, the sentence's claim shown.
    let line =
        "- forget gate bias를 1.0으로 초기화하면 초반 학습이 잘 됨 (Jozefowicz et al., 2015)\n";
    let d = doc(&format!(
        "## **4. LSTM (Long Short-Term Memory)**\n\n{line}"
    ));
    assert_eq!(
        cloze_fronts(&d),
        [
            "forget gate bias를 1.0으로 초기화하면 {{c1::초반 학습이 잘 됨}} (Jozefowicz et al., 2015)"
        ]
    );
}

#[test]
fn a_tip_listing_named_figures_hides_each_figure() {
    // One deletion hid four unrelated numbers behind `숫자:`, which names none of them.
    let d = doc("## **9. 정리**

📌 **최종 암기 팁**

- **숫자**: t-SNE perplexity 30 / UMAP n_neighbors 15, min_dist 0.1 / LDA 최대 C−1
");
    assert_eq!(
        cloze_fronts(&d),
        [
            "<b>숫자</b>: t-SNE perplexity {{c1::30}} / UMAP n_neighbors {{c2::15}}, min_dist \
          {{c3::0.1}} / LDA 최대 {{c4::C−1}}"
        ]
    );
}

#[test]
fn quotes_framing_a_value_with_an_aside_after_them_stay_outside_its_deletion() {
    // The deletion opened inside the first quote and ran on over the closing quote and the
    // aside: `"{{c1::고르기" (원래 변수 살아있음)}}`.
    let d = doc("## **0-1. Feature Selection vs Feature Extraction**

- **Feature Selection**: 원래 변수 중 일부만 고름

📌 **암기 팁**

- Selection = \"고르기\" (원래 변수 살아있음) / Extraction = \"섞어서 새로 만들기\"
");
    let fronts = cloze_fronts(&d);
    assert!(
        fronts.contains(
            &"Selection = &quot;{{c1::고르기}}&quot; (원래 변수 살아있음) / Extraction = \
              &quot;{{c1::섞어서 새로 만들기}}&quot;"
                .to_string()
        ),
        "{fronts:#?}"
    );
}

#[test]
fn a_line_summing_up_facts_of_several_shapes_hides_each_value() {
    // Read as pairs, `power = …` ran on to the next `=`, one deletion hiding four facts.
    let d = doc("## **13. 정리**

📌 **최종 암기 포인트**

> p-value ≠ P(H0), power = 1 − β, n ≈ 16σ²/δ², SRM 나오면 해석 금지, Bonferroni/Holm = FWER, BH = FDR, novelty → 기간 늘리기
");
    assert_eq!(
        cloze_fronts(&d),
        [
            "p-value ≠ P(H0), power = {{c1::1 − β}}, n ≈ 16σ²/δ², SRM 나오면 해석 금지, \
          Bonferroni/Holm = {{c2::FWER}}, BH = {{c3::FDR}}, novelty → {{c4::기간 늘리기}}"
        ]
    );
}

#[test]
fn a_result_inside_an_aside_leaves_the_asides_parenthesis_shown() {
    // `(β = {{c1::0.2)}}`: the deletion took the aside's closing parenthesis.
    let d = doc("## **2. 1종 / 2종 오류**

- **1종 오류**: 효과 없는데 있다고 함
- 보통 α = 0.05, power = 0.8 (β = 0.2)
");
    assert_eq!(
        cloze_fronts(&d),
        ["보통 α = 0.05, power = 0.8 (β = {{c1::0.2}})"]
    );
}

#[test]
fn a_bold_title_over_a_formula_names_it_and_its_symbol_lines_go_with_it() {
    // Asked as `… › 수식`, the card did not say which formula; the gloss of `p̂` under it
    // became a `핵심 내용` card of its own. The line after it is a fact of its own.
    let d = doc("## **1. 가설 검정 기본**

- **p-value**: H0가 참일 때 관측값 이상으로 극단적인 값이 나올 확률

**두 비율 차이 z-검정** (전환율, CTR 등)

$$
z = \\frac{\\hat p_B - \\hat p_A}{\\sqrt{\\hat p (1-\\hat p)}}
$$

- $\\hat p$: pooled proportion (H0 하에서 공통 비율)
- 평균 지표(매출, 체류시간)는 **Welch t-test**
");
    let all = cards(&d);
    let card = all
        .iter()
        .find(|c| c.contains("가설 검정 기본 › 두 비율 차이 z-검정 =>"))
        .unwrap_or_else(|| panic!("{all:#?}"));
    assert!(
        card.contains("<p>(전환율, CTR 등)</p><p>\\[z =") && card.contains("pooled proportion"),
        "{card}"
    );
    assert!(
        !card.contains("Welch")
            && all
                .iter()
                .any(|c| c.contains("<b>{{c1::Welch t-test}}</b>")),
        "{all:#?}"
    );
    assert!(
        all.iter()
            .all(|c| !c.contains("핵심 내용") && !c.contains("수식")),
        "{all:#?}"
    );
}

#[test]
fn a_wrap_up_tip_after_the_interview_questions_is_shown_under_its_title() {
    // Shown as `면접 Q&A`, the note's closing summary read as an interview answer.
    let d = doc("## **12. 면접 Q&A**

**Q1. PCA 전에 스케일링이 필요한 이유는?**

- 분산 기준이라 단위 큰 변수가 주성분을 독차지

📌 **최종 암기 팁**

- **선형**: PCA(분산), LDA(클래스 분리, 지도), Truncated SVD(sparse), Random Projection(JL)
");
    let tip = d
        .cards
        .iter()
        .find(|c| c.kind == notedeck_parse::CardKind::Cloze)
        .unwrap_or_else(|| panic!("{:#?}", cards(&d)));
    assert_eq!(tip.context_path(), ["최종 암기 팁"]);
}

#[test]
fn an_overview_tables_title_is_shown_with_rows_naming_the_notes_topics() {
    // The rows name topics of the note, so the table is shown above them, under the problem
    // alone: `설계 › 할 일` no longer said it was a stage of the workflow.
    let d = doc("## 0. 전체 흐름

| 단계 | 할 일 |
| --- | --- |
| **설계** | 가설, 1차 지표(OEC), guardrail 정하기 |
| **랜덤화** | 랜덤화 단위 정하기 (user / session / cluster) |

## **1. 설계**

- **OEC**: 하나로 합친 1차 지표

## **2. 랜덤화**

- **SUTVA**: 한 사용자의 처치가 다른 사용자에게 영향 없음
");
    let stage = d
        .cards
        .iter()
        .find(|c| c.front.starts_with("설계 › 할 일"))
        .unwrap_or_else(|| panic!("{:#?}", cards(&d)));
    assert_eq!(stage.context_path(), ["문제 9", "전체 흐름"]);
}

#[test]
fn an_equation_in_code_hides_its_value_inside_the_code_and_not_its_aside() {
    // `padding = dilation` is code, `(3×3 기준)` says when: the deletion crossed `</code>`
    // and took the aside.
    let d = doc("## **3. Atrous Convolution**

- **정의**: 필터 사이에 구멍
- 출력 크기 유지하려면 `padding = dilation` (3×3 기준)
");
    assert_eq!(
        cloze_fronts(&d),
        ["출력 크기 유지하려면 <code>padding = {{c1::dilation}}</code> (3×3 기준)"]
    );
}

#[test]
fn a_year_after_authors_and_a_venue_is_a_citation() {
    // `Long et al., CVPR 2015`: the authors' comma and the venue are the citation's; the
    // year was hidden as the line's fact.
    let d = doc("## **1. FCN (Fully Convolutional Network)**

- **정의**: FC 층을 1×1 conv로 바꾼 네트워크
- Long et al., CVPR 2015 — \"분류 CNN을 세그멘테이션으로\" 바꾼 시작점
");
    assert!(
        cloze_fronts(&d).iter().all(|c| !c.contains("{{c1::2015}}")),
        "{:#?}",
        cloze_fronts(&d)
    );
}
