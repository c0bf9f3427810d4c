//! Notion's essay style on fragments of the notes: numbered headings over prose become a
//! list card and a card per part (its paragraph, or its first sentence when long), an essay
//! of advantages is its list card, a definition sentence is a cloze, an opening that dates
//! its subject gives a cloze of the year. Each case shows the cards as `kind | deck | front
//! => back`.

mod common;

use common::{anki_front, assert_skipped, cards, doc};
use notedeck_parse::parse;

#[test]
fn a_sentence_listing_examples_answers_its_heading() {
    // `A, B 등이 이에 해당합니다`: the examples are the fact, even where the first sentence
    // only rates the heading; after a first sentence that says something, they follow it.
    // (Paragraphs of four sentences: a shorter one is the answer as a whole. Under an essay
    // of challenges such parts are no cards: see the test of challenges below.)
    let d = doc("## **2. NAS의 한계**

## 1) 계산 비용

NAS의 가장 큰 도전 중 하나는 엄청난 계산 비용입니다. 최신 연구는 가지치기, 양자화, 메타러닝으로 이를 줄이려 합니다. 그래도 대규모 문제에서는 여전히 한계가 있습니다. 이 문제는 앞으로도 계속 연구될 것입니다.

## 2) 설명 가능성

NAS로 생성된 모델의 구조를 설명하는 것은 중요한 과제입니다. 의사결정 과정 해석, 탐색 과정의 투명성 확보 등이 이에 해당합니다. 규제 측면에서도 요구됩니다. 이 문제는 앞으로도 계속 연구될 것입니다.

## 3) 성능 추정

NAS는 찾아낸 구조의 성능을 평가합니다. 모든 구조를 학습시키는 것은 오래 걸리기 때문에, 주로 부분 학습이나 파라미터 공유 등의 기법을 사용합니다. 그래서 빠릅니다. 이 문제는 앞으로도 계속 연구될 것입니다.
");
    assert_eq!(
        cards(&d)[1..],
        [
            "basic | 역량평가 정리::문제 9 | NAS의 한계 › 계산 비용 => <p>NAS의 가장 큰 도전 중 하나는 엄청난 계산 비용입니다.</p>",
            // The examples one per line: running text hid the list.
            "basic | 역량평가 정리::문제 9 | NAS의 한계 › 설명 가능성 => <ul><li>의사결정 과정 해석</li><li>탐색 과정의 투명성 확보</li></ul>",
            // A comma after a connective (`때문에,`) joins two clauses: no list.
            "basic | 역량평가 정리::문제 9 | NAS의 한계 › 성능 추정 => <p>NAS는 찾아낸 구조의 성능을 평가합니다.</p>\
             <p>모든 구조를 학습시키는 것은 오래 걸리기 때문에, 주로 부분 학습이나 파라미터 공유 등의 기법을 사용합니다.</p>",
        ]
    );
}

#[test]
fn a_list_of_examples_pointing_back_keeps_the_sentence_it_points_at() {
    // `… 등이 그 예입니다` names examples of `다양한 접근법` in the sentence before it: the
    // answer reads on from the first sentence to the list rather than skip that sentence.
    let d = doc("## **4. NAS의 한계**

## 1) 계산 효율성과 확장성

NAS의 가장 큰 도전 중 하나는 엄청난 계산 비용입니다. 최신 연구에서는 이를 해결하기 위해 다양한 접근법이 시도되고 있습니다. 하이브리드 방식, 가지치기와 양자화, 그리고 메타러닝 등이 그 예입니다. 그러나 여전히 한계가 있어 지속적인 연구 과제입니다.

## 2) 설명 가능성

NAS로 생성된 모델의 구조를 설명하는 것은 중요한 과제입니다. 의사결정 과정 해석, 탐색 과정의 투명성 확보 등이 이에 해당합니다. 규제 측면에서도 요구됩니다. 이 문제는 앞으로도 계속 연구될 것입니다.
");
    assert_eq!(
        cards(&d)[1],
        "basic | 역량평가 정리::문제 9 | NAS의 한계 › 계산 효율성과 확장성 => <p>NAS의 가장 큰 도전 중 하나는 엄청난 계산 비용입니다.</p>\
         <p>최신 연구에서는 이를 해결하기 위해 다양한 접근법이 시도되고 있습니다.</p>\
         <ul><li>하이브리드 방식</li><li>가지치기와 양자화</li><li>메타러닝</li></ul>"
    );
}

#[test]
fn an_essay_of_advantages_is_its_list_card_and_the_paragraphs_naming_something() {
    // Each heading is an advantage of NAS, which the list card asks; a paragraph only arguing
    // for it is no card. One naming something of its own (`GDPR`) still is.
    let d = doc("# 3. NAS의 장점과 차별점

# 1) 효율성과 규모

NAS는 인간 전문가보다 훨씬 더 많은 구조를 빠르게 탐색할 수 있습니다.

# 2) 동적 적응성

NAS는 새로운 데이터나 요구사항에 따라 모델 구조를 동적으로 조정할 수 있습니다.

# 3) 규제 대응

GDPR처럼 데이터 이동을 제한하는 규제 환경에서도 모델을 학습할 수 있습니다.
");
    let fronts: Vec<String> = d.cards.iter().map(anki_front).collect();
    assert_eq!(
        fronts,
        ["NAS의 장점과 차별점", "NAS의 장점과 차별점 › 규제 대응"],
        "{:#?}",
        d.cards
    );
    assert!(
        d.skipped
            .iter()
            .any(|s| s.line == 9 && s.reason.contains("a claim the essay's list card asks")),
        "{:#?}",
        d.skipped
    );
}

#[test]
fn an_essay_of_challenges_lists_them_without_the_open_directions_under_each() {
    // Each part restates its challenge and lists directions still open: the list card asks
    // the challenges. A part saying what its challenge is, listing nothing, is still a card.
    let d = doc("# 4. NAS의 도전과제: 앞으로 해결해야 할 문제들

# 1) 계산 효율성과 확장성

NAS의 가장 큰 도전 중 하나는 엄청난 계산 비용입니다. 최신 연구에서는 이를 해결하기 위해 다양한 접근법이 시도되고 있습니다. 진화적 알고리즘과 베이지안 최적화를 결합한 하이브리드 방식, 신경망 가지치기와 양자화 기법을 NAS 과정에 통합하는 방법, 그리고 메타러닝을 활용한 효율적인 아키텍처 탐색 등이 그 예입니다.

# 2) 다중 목표 최적화의 복잡성

여러 목표를 동시에 고려하는 다중 목표 최적화는 매우 복잡한 문제입니다. 파레토 최적 해집합 탐색의 어려움, 목표 간 트레이드오프를 정량화하는 방법 등이 주요 과제로 남아 있습니다.

# 3) 통신 비용

수많은 기기와 모델을 주고받아야 하므로 통신이 병목이 됩니다.
");
    let fronts: Vec<String> = d.cards.iter().map(anki_front).collect();
    assert_eq!(
        fronts,
        [
            "NAS의 도전과제: 앞으로 해결해야 할 문제들",
            "NAS의 도전과제: 앞으로 해결해야 할 문제들 › 통신 비용",
        ],
        "{:#?}",
        d.cards
    );
    assert_skipped(&d, |r| r.contains("it restates its challenge"));
}

#[test]
fn a_definition_sentence_may_gloss_its_subject_and_keeps_its_quotes_shown() {
    let d = doc("# 1. 연합 학습: 데이터는 그대로, 모델만 이동한다

연합 학습(Federated Learning)은 데이터를 한곳에 모으지 않고 모델을 학습시키는 분산 학습 방식입니다. 기존 머신러닝은 모든 데이터를 중앙 서버에 모아야 했습니다. 대신 업데이트만 보냅니다.

# 2. NAS: AI가 AI를 설계하다

NAS는 쉽게 말해 'AI가 AI를 설계하는 기술'입니다. 지금까지 구조 설계는 전문가의 영역이었습니다. 하지만 NAS는 이를 자동화합니다.
");
    let fronts: Vec<String> = d.cards.iter().map(anki_front).collect();
    assert_eq!(
        fronts,
        [
            "연합 학습(Federated Learning)은 {{c1::데이터를 한곳에 모으지 않고 모델을 학습시키는 분산 학습 방식}}입니다.",
            "NAS는 쉽게 말해 '{{c1::AI가 AI를 설계하는 기술}}'입니다.",
        ]
    );
    // The key, and so the id, is the sentence without its quoted part, as before.
    assert_eq!(d.cards[1].key, "NAS는 쉽게 말해 …입니다.");
    // `#` headings inside a problem are the essay style, not a second title.
    assert!(d.problems.is_empty(), "{:?}", d.problems);
    let before_any_problem = parse("# 정리\n\n# 또 하나의 제목\n\n- **구조**: 값\n", "x");
    assert_eq!(before_any_problem.problems.len(), 1);
}

#[test]
fn an_essay_part_of_one_short_paragraph_answers_with_all_of_it() {
    // The first sentence only restates the heading; the facts are in the two after it.
    let d = doc("# 2. 연합 학습의 작동 원리: 3단계 프로세스

# 1) 로컬 학습

각 클라이언트는 받은 모델을 자신의 로컬 데이터로 몇 epoch 동안 학습합니다. 이때 원본 데이터는 기기 밖으로 나가지 않습니다. 학습이 끝나면 갱신된 가중치만 서버로 보냅니다.

# 2) 모델 집계

서버는 클라이언트들이 보낸 업데이트를 모아 새로운 글로벌 모델을 만듭니다. 가장 널리 쓰이는 방법은 FedAvg로, 각 클라이언트의 데이터 수에 비례하는 가중 평균을 구합니다. 이렇게 만들어진 모델이 다음 라운드에 다시 배포됩니다.
");
    assert_eq!(
        cards(&d)[1..],
        [
            "basic | 역량평가 정리::문제 9 | 연합 학습의 작동 원리: 3단계 프로세스 › 로컬 학습 => <p>각 클라이언트는 받은 모델을 자신의 로컬 데이터로 몇 epoch 동안 학습합니다. 이때 원본 데이터는 기기 밖으로 나가지 않습니다. 학습이 끝나면 갱신된 가중치만 서버로 보냅니다.</p>",
            "basic | 역량평가 정리::문제 9 | 연합 학습의 작동 원리: 3단계 프로세스 › 모델 집계 => <p>서버는 클라이언트들이 보낸 업데이트를 모아 새로운 글로벌 모델을 만듭니다. 가장 널리 쓰이는 방법은 FedAvg로, 각 클라이언트의 데이터 수에 비례하는 가중 평균을 구합니다. 이렇게 만들어진 모델이 다음 라운드에 다시 배포됩니다.</p>",
        ]
    );
}

#[test]
fn a_whole_paragraph_part_does_not_cost_its_siblings_their_cards() {
    // The short part (prose of 120 characters, carded whole) names the subject (`NAS`) in its
    // second sentence; the long one's first sentence does not name it. The long one keeps its
    // first sentence, and neither part is lost.
    let d = doc("# 2. NAS의 작동 원리: 3단계 프로세스

# 1) 탐색 공간 정의

탐색 공간 정의 단계에서는 AI 모델에 사용할 수 있는 모든 구성 요소(예: 합성곱 층, 풀링 층, 완전 연결 층 등)와 그들 간의 가능한 조합을 정의합니다. 이는 NAS가 탐색할 범위입니다.

# 2) 탐색 전략

다음 단계에서는 정의된 탐색 공간에서 최적의 구조를 찾는 방법을 결정합니다. 여러 방법이 있습니다. 각 방법은 장단점이 있습니다. 상황에 맞게 고릅니다.
");
    let fronts: Vec<&str> = d.cards.iter().map(|c| c.front.as_str()).collect();
    assert_eq!(
        fronts,
        [
            "NAS의 작동 원리: 3단계 프로세스",
            "NAS의 작동 원리: 3단계 프로세스 › 탐색 공간 정의",
            "NAS의 작동 원리: 3단계 프로세스 › 탐색 전략",
        ]
    );
}

#[test]
fn a_source_line_does_not_cut_an_essay_part_to_its_first_sentence() {
    let d = doc("# 2. 확산 모델의 한계

# 1) 느린 샘플링

이미지 한 장을 만들려면 수백~수천 번 신경망을 반복 실행해야 합니다. DDIM처럼 단계를 건너뛰는 샘플러로 수십 단계까지 줄일 수 있습니다.

# 2) 높은 계산 비용

고해상도 이미지를 픽셀 공간에서 직접 다루면 학습과 추론 비용이 매우 큽니다. Latent Diffusion(Stable Diffusion)은 오토인코더의 잠재 공간에서 확산을 수행해 이 비용을 크게 줄였습니다.

출처: [블로그](https://example.com/diffusion?utm_source=chatgpt.com)
");
    let last = d.cards.last().expect("cards");
    assert_eq!(last.front, "확산 모델의 한계 › 높은 계산 비용");
    assert!(last.back.contains("Latent Diffusion"), "{}", last.back);
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
fn an_essay_opening_that_dates_its_subject_gives_no_cloze_of_the_year() {
    // The opening paragraph is prose: its first sentence defines the subject. The one saying
    // who proposed it when is a paper's date, which a student does not study: hidden, the
    // year was the whole question.
    let d = doc("# 1. 지식 증류(Knowledge Distillation): 큰 모델의 지식을 작은 모델로 옮기다

지식 증류는 크고 성능 좋은 모델(Teacher)이 학습한 지식을 작고 빠른 모델(Student)에게 전달하는 모델 압축 기법입니다. 2015년 Hinton 등이 제안했으며, Student는 정답 레이블뿐 아니라 Teacher가 출력한 확률 분포 전체를 따라 하도록 학습합니다.
");
    let fronts: Vec<String> = d.cards.iter().map(anki_front).collect();
    assert_eq!(fronts.len(), 1, "{fronts:#?}");
    assert!(fronts[0].starts_with("지식 증류는 {{c1::"), "{fronts:#?}");
    // The subtitle glosses what the cloze hides: the definition is shown under the name only.
    assert_eq!(
        d.cards[0].context_path().last().map(String::as_str),
        Some("지식 증류(Knowledge Distillation)")
    );
    let d = doc("# 1. 지식 증류(Knowledge Distillation)

지식 증류는 큰 모델의 지식을 작은 모델에 옮기는 모델 압축 기법입니다. 2015년 Hinton 등이 제안했으며 (NeurIPS 2015 워크숍), Student는 Teacher를 따라 하도록 학습합니다.
");
    let fronts: Vec<String> = d.cards.iter().map(anki_front).collect();
    assert!(fronts.iter().all(|f| !f.contains("2015}}")), "{fronts:#?}");
}

#[test]
fn a_definition_sentence_is_noted_on_its_skipped_paragraph_without_an_essay() {
    // No numbered parts here: the note that the paragraph's first sentence is a card still
    // goes on the paragraph skipped as prose.
    let d = doc("# 연합 학습(Federated Learning)

연합 학습(Federated Learning)은 데이터를 한곳에 모으지 않고 각 기기에서 모델을 학습한 뒤 업데이트만 모으는 분산 학습 방식입니다. 이 방식은 개인정보를 보호하면서도 많은 기기의 데이터를 활용할 수 있게 해 주며, 의료와 금융처럼 데이터 이동이 제한된 분야에서 특히 주목받고 있습니다.
");
    assert_eq!(d.cards.len(), 1, "{:#?}", cards(&d));
    assert_skipped(&d, |reason| {
        reason.ends_with("; its first sentence is a card")
    });
}

#[test]
fn a_sentence_of_prose_giving_a_name_is_a_cloze_of_the_name() {
    // The paragraph is too long to card; the name Hinton gave is the term a student keeps,
    // shown after the sentence `이런 정보` points back at.
    let d = doc("# 1. 지식 증류(Knowledge Distillation)

지식 증류는 큰 모델의 지식을 작은 모델에 옮기는 모델 압축 기법입니다.

예를 들어 고양이 사진에 대해 Teacher가 \"고양이 0.90, 호랑이 0.08, 자동차 0.0001\"을 출력했다면, 이 분포에는 \"고양이는 자동차보다 호랑이와 훨씬 비슷하다\"는 정보가 담겨 있습니다. Hinton은 이런 정보를 dark knowledge라고 불렀습니다.

A network trained with large steps first and small steps later settles in flatter minima, and the training loss keeps falling for longer than a fixed rate allows. This is known as the learning rate annealing effect.
");
    let fronts: Vec<String> = d.cards.iter().map(anki_front).collect();
    assert!(
        // The front is HTML: the note's quotes are escaped.
        fronts.contains(&"예를 들어 고양이 사진에 대해 Teacher가 &quot;고양이 0.90, 호랑이 0.08, 자동차 0.0001&quot;을 출력했다면, 이 분포에는 &quot;고양이는 자동차보다 호랑이와 훨씬 비슷하다&quot;는 정보가 담겨 있습니다. Hinton은 이런 정보를 {{c1::dark knowledge}}라고 불렀습니다.".to_string()),
        "{fronts:#?}"
    );
    assert!(
        fronts.contains(&"A network trained with large steps first and small steps later settles in flatter minima, and the training loss keeps falling for longer than a fixed rate allows. This is known as the {{c1::learning rate annealing effect}}.".to_string()),
        "{fronts:#?}"
    );
    assert_skipped(&d, |reason| {
        reason.ends_with("; its sentence giving a name is a card")
    });
    // A name given in a paragraph's first sentence, or reported speech, is not such a card.
    let d = doc("# 과적합

모델이 훈련 데이터의 잡음까지 외워 새 데이터에서 성능이 떨어지는 현상을 과적합이라고 부르며, 규제와 조기 종료로 줄일 수 있고 데이터를 늘리는 것도 도움이 됩니다. 연구자들은 이 방법이 좋다고 합니다.
");
    assert!(
        d.cards
            .iter()
            .all(|c| c.kind != notedeck_parse::CardKind::Cloze
                || !anki_front(c).contains("{{c1::과적합")),
        "{:#?}",
        cards(&d)
    );
}

#[test]
fn a_definition_from_a_remark_goes_to_the_topic_its_name_heads_past_a_subtitle() {
    // `NAS` is defined in a remark under DARTS; the topic it names is headed `NAS: …`.
    let d = doc("## 문항 21

# NAS: AI가 AI를 설계하다

NAS는 쉽게 말해 'AI가 AI를 설계하는 기술'입니다. 지금까지는 전문가가 층의 수, 필터의 수, 커널 크기 같은 설계를 하나하나 손으로 정했지만, NAS는 이 과정을 자동화합니다. 탐색 공간, 탐색 전략, 성능 추정 전략의 세 단계로 이루어집니다.

# DARTS

- **개념**: NAS (Neural Architecture Search)를 연속 공간에서 미분으로 푸는 방법
");
    let def = d
        .cards
        .iter()
        .find(|c| c.kind == notedeck_parse::CardKind::Definition)
        .expect("a definition card");
    assert_eq!(
        def.context_path().last().map(String::as_str),
        Some("NAS"),
        "{:#?}",
        cards(&d)
    );
}

#[test]
fn a_long_part_answers_with_the_sentence_its_author_marked() {
    // The first sentence sets up the problem; the second, with the term in bold, answers the
    // heading. A part whose first sentence holds the bold keeps it.
    let d = doc("# 2. Normalizing Flow의 작동 원리

# 1) 야코비안 계산을 쉽게 만드는 구조

일반적인 행렬의 행렬식은 큰 비용이 들어 고차원 이미지에는 쓸 수 없습니다. 그래서 Flow는 야코비안이 **삼각 행렬**이 되도록 변환을 설계합니다. 삼각 행렬의 행렬식은 대각 원소의 곱이라 계산이 빠릅니다. RealNVP의 coupling layer가 대표적인 예로, 입력을 두 부분으로 나눠 한쪽만 변환합니다.

# 2) 여러 변환 쌓기

여러 변환을 쌓으면 각 변환의 **log-determinant**를 더하기만 하면 됩니다. 그래서 깊은 Flow도 학습할 수 있습니다. 변환의 개수가 늘어도 계산은 선형으로만 늘어납니다. Glow는 이런 방식으로 고해상도 이미지를 생성했습니다.
");
    let backs: Vec<String> = d
        .cards
        .iter()
        .filter(|c| c.front.starts_with("Normalizing Flow의 작동 원리 › "))
        .map(|c| format!("{} => {}", anki_front(c), c.back))
        .collect();
    assert_eq!(
        backs,
        [
            "Normalizing Flow의 작동 원리 › 야코비안 계산을 쉽게 만드는 구조 => <p>그래서 Flow는 \
             야코비안이 삼각 행렬이 되도록 변환을 설계합니다.</p>",
            "Normalizing Flow의 작동 원리 › 여러 변환 쌓기 => <p>여러 변환을 쌓으면 각 변환의 \
             log-determinant를 더하기만 하면 됩니다.</p>",
        ]
    );
}

#[test]
fn the_contents_of_an_explanation_are_no_list_and_a_part_naming_itself_is_its_point() {
    // `CLT의 내용` holds the parts of one explanation: its headings are a table of contents.
    // `# 2) 표준오차` opens by naming itself; its first sentence is the point even though a
    // later sentence names the essay's subject (`CLT 덕분에`) and the first does not.
    let d = doc("# 2. CLT의 내용

# 1) 정리

유한한 분산을 가진 분포에서 표본평균을 표준화한 값은 표준정규분포로 수렴합니다.

# 2) 표준오차

표본평균의 표준편차 $\\sigma / \\sqrt{n}$을 표준오차(SE)라고 부릅니다. $\\sqrt{n}$에 반비례하기 때문에 표본 크기를 4배로 늘려야 SE가 절반이 됩니다. 모평균의 95% 신뢰구간도 CLT 덕분에 쓸 수 있는 공식입니다. 그래서 표본을 늘리는 효과는 점점 줄어듭니다.

# 3) 큰 수의 법칙과의 차이

큰 수의 법칙은 표본평균이 모평균으로 수렴한다는 이야기이고, CLT는 그 주변에서 어떤 분포로 흔들리는지를 알려줍니다. 둘은 서로 다른 질문에 답합니다. 그래서 함께 배웁니다. 이 차이는 시험에 자주 나옵니다.
");
    let all = cards(&d);
    assert!(
        !all.iter().any(|c| c.contains("| CLT의 내용 =>")),
        "{all:#?}"
    );
    assert!(
        all.contains(
            &"basic | 역량평가 정리::문제 9 | CLT의 내용 › 표준오차 => <p>표본평균의 표준편차 \\(\\sigma / \\sqrt{n}\\)을 표준오차(SE)라고 부릅니다.</p>"
                .to_string()
        ),
        "{all:#?}"
    );
}

#[test]
fn a_list_of_parts_ends_where_their_numbering_style_does() {
    // `# 3. 한계` after the `# 1)` … `# 3)` parts is the essay's next section, which the
    // outline hangs under the last topic: it is no part of the list.
    let d = doc("# 2. Transformer의 구성

# 1) Self-Attention

모든 토큰 쌍의 관계를 한 번에 계산합니다.

# 2) Positional Encoding

순서 정보를 더해 줍니다.

# 3) Feed-Forward

토큰마다 같은 MLP를 적용합니다.

# 3. 한계

시퀀스 길이의 제곱에 비례하는 메모리가 듭니다.
");
    assert_eq!(
        cards(&d)[0],
        "basic | 역량평가 정리::문제 9 | Transformer의 구성 => <ol><li>Self-Attention</li><li>Positional Encoding</li><li>Feed-Forward</li></ol>"
    );
}
