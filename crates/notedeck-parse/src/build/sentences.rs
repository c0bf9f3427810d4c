//! Reading the sentences of a prose paragraph: where one ends, whether it lists examples,
//! only rates its subject, defines it, dates where it came from or gives something a name.
//! The essay pass ([`super::essay`]) makes its cards from what these find.

use std::ops::Range;

/// The text up to and including the first sentence end (`.`, `!`, `?` before a space or the
/// end, not after a digit), if the text has more than that sentence.
pub(super) fn first_sentence(text: &str) -> Option<&str> {
    let b = text.as_bytes();
    for (i, &c) in b.iter().enumerate() {
        if matches!(c, b'.' | b'!' | b'?')
            && b.get(i + 1).is_none_or(|&n| n == b' ' || n == b'\n')
            && !(i > 0 && b[i - 1].is_ascii_digit())
        {
            let s = text[..=i].trim();
            return (s.len() < text.len()).then_some(s);
        }
    }
    None
}

/// The sentences of `text`, in order (split as [`first_sentence`] splits).
pub(super) fn sentences(mut text: &str) -> impl Iterator<Item = &str> {
    std::iter::from_fn(move || {
        let t = text.trim();
        if t.is_empty() {
            return None;
        }
        let s = first_sentence(t).unwrap_or(t);
        text = &t[s.len()..];
        Some(s)
    })
}

/// Whether a sentence lists examples: a word `등` (`etc.`, with its particle: `등이`, `등의`)
/// after a comma or an `A(이)나 B` (`강화학습, 진화 알고리즘, … 등이 있습니다`, `부분 학습이나 파라미터
/// 공유 등의 기법`).
pub(super) fn enumerates(sentence: &str) -> bool {
    closing_etc(sentence).is_some()
}

/// Where the `등` closing a list of examples starts (`강화학습, 진화 알고리즘 등이`, `A이나 B
/// 등의`), and whether commas listed them ([`enumerates`], [`listed_examples`]).
fn closing_etc(sentence: &str) -> Option<(usize, bool)> {
    let (mut comma, mut alternative) = (false, false);
    for (start, end) in word_spans(sentence) {
        let raw = &sentence[start..end];
        let w = raw.trim_end_matches(['.', ',', '!', '?']);
        if (comma || alternative)
            && w.strip_prefix('등')
                .is_some_and(|p| EXAMPLE_PARTICLES.contains(&p))
        {
            return Some((start, comma));
        }
        comma |= raw.ends_with(',');
        alternative |= w.chars().count() > 1 && w.ends_with('나');
    }
    None
}

/// The examples a sentence lists ([`enumerates`]), each as written: the parts before its
/// `등` split at commas, an `그리고`/`및` before the last one and a lead-in ([`LEAD_INS`])
/// before the first one left out (`주로 사용되는 방법으로는 강화학습, 진화 알고리즘,
/// 그라디언트 기반 최적화 등이 있습니다.` → `강화학습`, `진화 알고리즘`, `그라디언트 기반
/// 최적화`). `None` unless there are two or more, none of them a clause of its own.
pub(super) fn listed_examples(sentence: &str) -> Option<Vec<&str>> {
    let (end, comma) = closing_etc(sentence)?;
    if !comma {
        return None;
    }
    let listed_part = sentence[..end].trim_end();
    // `CoVe(Chain-of-Verification, Dhuliawala 등, 2023)는 …`: an `등` inside an open
    // parenthesis closes a citation's authors, not a list of examples.
    if listed_part.matches('(').count() > listed_part.matches(')').count() {
        return None;
    }
    let mut items: Vec<&str> = listed_part.split(", ").map(str::trim).collect();
    if let Some(last) = items.last_mut() {
        *last = ["그리고 ", "및 ", "and "]
            .iter()
            .find_map(|c| last.strip_prefix(c))
            .unwrap_or(last);
    }
    if let Some(first) = items.first_mut() {
        // `… 방법으로는 강화학습`: the lead-in ends on a particle of place or means and `는`.
        let words = word_spans(first);
        if let Some(&(_, e)) = words
            .iter()
            .rev()
            .skip(1)
            .find(|&&(s, e)| LEAD_INS.iter().any(|l| first[s..e].ends_with(l)))
        {
            *first = first[e..].trim_start();
        }
    }
    // `… 오래 걸리기 때문에, 주로 …`: a comma after a connective joins clauses, not examples.
    let clause = |item: &str| {
        item.is_empty()
            || item.chars().count() > EXAMPLE_MAX_CHARS
            || item.ends_with(['다', '요', '에', '고', '며', '면', '서'])
            || item.ends_with("지만")
            || item.ends_with("는데")
    };
    (items.len() >= 2 && !items.iter().any(|i| clause(i))).then_some(items)
}

/// Endings of the word closing a lead-in to a list (`방법으로는`, `분야에는`, `연구에서는`);
/// not any `는` (`결과에 미치는 영향 분석` is an example).
const LEAD_INS: [&str; 3] = ["로는", "에는", "서는"];

/// Particles after `등` that close a list of examples (`등이`, `등의`, …).
const EXAMPLE_PARTICLES: &[&str] = &["", "이", "의", "을", "은", "도", "으로", "과", "에"];

/// Longest example (characters) listed on its own line ([`listed_examples`]).
const EXAMPLE_MAX_CHARS: usize = 60;

/// Whether a sentence only rates its subject (`… 것은 중요한 과제입니다.`, `… is an important
/// challenge.`): under a heading naming a challenge, it says nothing the heading does not.
pub(super) fn only_rates(sentence: &str) -> bool {
    const RATINGS: &[&str] = &[
        "중요한",
        "큰",
        "복잡한",
        "어려운",
        "주요한",
        "important",
        "major",
        "key",
        "hard",
        "complex",
    ];
    const NOUNS: &[&str] = &[
        "과제",
        "주제",
        "문제",
        "challenge",
        "topic",
        "problem",
        "issue",
    ];
    let words: Vec<&str> = sentence
        .trim_end_matches(['.', '!', '?'])
        .split_whitespace()
        .collect();
    let Some((last, before)) = words.split_last() else {
        return false;
    };
    let noun = ["입니다", "이다", "다"]
        .iter()
        .find_map(|c| last.strip_suffix(c))
        .unwrap_or(last);
    NOUNS.contains(&noun) && before.iter().rev().take(2).any(|w| RATINGS.contains(w))
}

/// Where a sentence defining `subject` holds its definition: the sentence must open with the
/// subject and a topic particle (`NAS는`, `X란`, `X is`); the definition is its first quoted
/// part, else everything after the particle up to the copula and the full stop.
pub(super) fn definition_part(sentence: &str, subject: &str) -> Option<DefinitionPart> {
    let mut rest = sentence.strip_prefix(subject)?;
    // `연합 학습(Federated Learning)은 …`: the subject's own gloss comes before the particle.
    if rest.starts_with('(')
        && let Some(close) = rest.find(')')
    {
        rest = &rest[close + 1..];
    }
    let particle = ["는 ", "은 ", "이란 ", "란 ", " is ", " are ", " refers to "]
        .iter()
        .find(|p| rest.starts_with(**p))?;
    let from = sentence.len() - rest.len() + particle.len();
    let body = &sentence[from..];
    for (open, close) in [('\'', '\''), ('‘', '’'), ('"', '"'), ('“', '”')] {
        // An apostrophe inside a word (`model's`) opens nothing, nor closes anything.
        let word_char = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
        let Some(a) = body.char_indices().find_map(|(i, c)| {
            (c == open && !(open == '\'' && word_char(body[..i].chars().next_back()))).then_some(i)
        }) else {
            continue;
        };
        let inner = a + open.len_utf8();
        let Some(b) = body[inner..].char_indices().find_map(|(i, c)| {
            let after = body[inner + i + c.len_utf8()..].chars().next();
            (c == close && !(close == '\'' && word_char(after))).then_some(i)
        }) else {
            continue;
        };
        if b > 0 {
            // The quotes frame the definition: they stay outside the deletion, but the key
            // (and so the id) is the sentence without the quoted part, as it always was.
            let end = inner + b + close.len_utf8();
            return Some(DefinitionPart {
                keyed: from + a..from + end,
                hidden: from + inner..from + inner + b,
            });
        }
    }
    let trimmed = body.trim_end_matches(['.', '!', '?']);
    let trimmed = ["입니다", "이다", "예요", "이에요", "다"]
        .iter()
        .find_map(|c| trimmed.strip_suffix(c))
        .unwrap_or(trimmed)
        .trim_end();
    (!trimmed.is_empty()).then(|| DefinitionPart {
        keyed: from..from + trimmed.len(),
        hidden: from..from + trimmed.len(),
    })
}

/// Where a definition sentence holds its definition.
#[derive(Debug, PartialEq)]
pub(super) struct DefinitionPart {
    /// What the card's key leaves out (quotes included).
    pub(super) keyed: std::ops::Range<usize>,
    /// What the cloze hides (inside the quotes).
    pub(super) hidden: std::ops::Range<usize>,
}

/// Where a sentence gives a name to what it speaks of: the name before `(이)라고 부른다` (any
/// form of 부르다 or 칭하다: `Hinton은 이런 정보를 dark knowledge라고 불렀습니다.`), or after
/// `called`, `known as` or `termed` (`This is known as the vanishing gradient problem.`),
/// quotes and an English article apart. A name is at most five words.
pub(super) fn named_term(sentence: &str) -> Option<Range<usize>> {
    korean_name(sentence)
        .or_else(|| english_name(sentence))
        .filter(|r| {
            let name = &sentence[r.clone()];
            !name.is_empty() && name.split_whitespace().count() <= NAME_MAX_WORDS
        })
}

/// Whether a paragraph may hold a sentence giving a name ([`named_term`]), by the words
/// that sentence needs: most do not, and every paragraph of every note is asked.
pub(super) fn may_name(text: &str) -> bool {
    [
        "라고 ",
        "라 부",
        "라 불",
        "라 칭",
        "called ",
        "known as ",
        "termed ",
    ]
    .iter()
    .any(|m| text.contains(m))
}

/// Words a name may have ([`named_term`]): a longer run is a description, not a name.
const NAME_MAX_WORDS: usize = 5;

/// Whether a sentence points back at the one before (`이런 정보를`, `This is …`): alone on a
/// card it does not say what it names.
pub(super) fn refers_back(sentence: &str) -> bool {
    const BACK: [&str; 9] = [
        "이런",
        "이러한",
        "이를",
        "이것을",
        "그런",
        "그러한",
        "this",
        "these",
        "such",
    ];
    sentence
        .split_whitespace()
        .any(|w| BACK.iter().any(|b| w.eq_ignore_ascii_case(b)))
}

fn korean_name(sentence: &str) -> Option<Range<usize>> {
    const CALL: [&str; 8] = ["부르", "부른", "부릅", "불렀", "불러", "불리", "불린", "칭"];
    let words = word_spans(sentence);
    let at = words.iter().position(|(s, e)| {
        let w = &sentence[*s..*e];
        CALL.iter().any(|c| w.starts_with(c))
    })?;
    let &(start, end) = words.get(at.checked_sub(1)?)?;
    let word = &sentence[start..end];
    let mut name_end = start
        + word
            .strip_suffix("라고")
            .or_else(|| word.strip_suffix('라'))?
            .len();
    // `과적합이라고`: the copula's `이` after a closed syllable is no part of the name, nor
    // after a Latin word (`over-squashing이라고`), which no Korean word ends inside.
    if let Some(before) = sentence[start..name_end].strip_suffix('이')
        && before
            .chars()
            .next_back()
            .is_some_and(|c| closed_syllable(c) || c.is_ascii_alphanumeric())
    {
        name_end -= '이'.len_utf8();
    }
    let quoted = sentence[..name_end].ends_with(QUOTES);
    if quoted {
        let inner_end = name_end - sentence[..name_end].chars().next_back()?.len_utf8();
        let open = sentence[..inner_end].rfind(QUOTES)?;
        let inner_start = open + sentence[open..].chars().next()?.len_utf8();
        return Some(inner_start..inner_end);
    }
    // An English name runs back over the English words before it (`dark knowledge라고`).
    let mut name_start = start;
    let latin = |w: &str| w.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    if latin(&sentence[start..name_end]) {
        for &(s, e) in words[..at - 1].iter().rev() {
            if !latin(&sentence[s..e]) {
                break;
            }
            name_start = s;
        }
    }
    Some(name_start..name_end)
}

fn english_name(sentence: &str) -> Option<Range<usize>> {
    let lower = sentence.to_ascii_lowercase();
    let after = ["called ", "known as ", "termed "].iter().find_map(|m| {
        // A word of its own (not `recalled `), and `the so-called X` calls nothing by a name.
        let at = lower
            .match_indices(m)
            .map(|(at, _)| at)
            .find(|&at| !lower[..at].ends_with(|c: char| c.is_ascii_alphanumeric() || c == '-'))?;
        Some(at + m.len())
    })?;
    let mut start = after;
    // `called this "dark knowledge"`, `known as the … problem`: the name comes after its
    // object and its article.
    let objects: &[&str] = &["this ", "it ", "them ", "these "];
    for skipped in [objects, &["the ", "a ", "an "]] {
        let rest = &sentence[start..];
        if let Some(w) = skipped.iter().find(|w| {
            rest.get(..w.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(w))
        }) {
            start += w.len();
        }
    }
    let tail = &sentence[start..];
    let len = tail.find(['.', ',', ';', ':', '(']).unwrap_or(tail.len());
    let name = tail[..len].trim_end().trim_matches(QUOTES);
    let offset = tail.find(name)?;
    Some(start + offset..start + offset + name.len())
}

/// Quote marks around a name.
const QUOTES: [char; 6] = ['\'', '"', '‘', '’', '“', '”'];

/// Whether a Hangul syllable ends in a consonant (`적`, `합`), after which the copula is `이라`.
fn closed_syllable(c: char) -> bool {
    ('가'..='힣').contains(&c) && !(c as u32 - '가' as u32).is_multiple_of(28)
}

/// Byte ranges of the whitespace-separated words of `text`.
fn word_spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::essay::heading_subject;
    use super::{definition_part, enumerates, first_sentence, named_term, sentences};

    #[test]
    fn sentences_that_list_examples() {
        assert!(enumerates(
            "주로 사용되는 방법으로는 강화학습, 진화 알고리즘, 그라디언트 기반 최적화 등이 있습니다."
        ));
        assert!(enumerates(
            "주로 부분 학습이나 파라미터 공유 등의 기법을 사용합니다."
        ));
        assert!(!enumerates("등산, 수영은 좋은 운동입니다."));
        assert!(!enumerates("찾아낸 구조의 성능을 평가합니다."));
    }

    #[test]
    fn definitions_hide_the_quote_or_the_predicate() {
        let s = "NAS는 쉽게 말해 'AI가 AI를 설계하는 기술'입니다.";
        let r = definition_part(s, "NAS").expect("a definition");
        assert_eq!(&s[r.keyed], "'AI가 AI를 설계하는 기술'");
        assert_eq!(&s[r.hidden], "AI가 AI를 설계하는 기술");
        let s = "CT란 모델을 자동으로 다시 학습하는 파이프라인이다.";
        let r = definition_part(s, "CT").expect("a definition");
        assert_eq!(&s[r.hidden], "모델을 자동으로 다시 학습하는 파이프라인");
        let s = "연합 학습(Federated Learning)은 데이터를 모으지 않는 분산 학습 방식입니다.";
        let r = definition_part(s, "연합 학습").expect("a definition");
        assert_eq!(&s[r.hidden], "데이터를 모으지 않는 분산 학습 방식");
        // An apostrophe is no quote.
        let s = "RAG is the model's way of citing 'retrieved' text.";
        let r = definition_part(s, "RAG").expect("a definition");
        assert_eq!(&s[r.hidden], "retrieved");
        assert_eq!(definition_part("예를 들어, NAS는 …", "NAS"), None);
    }

    #[test]
    fn sentences_that_only_rate_their_heading() {
        assert!(super::only_rates(
            "NAS로 생성된 모델을 설명하는 것은 중요한 과제입니다."
        ));
        assert!(super::only_rates(
            "일반화 능력 향상은 중요한 연구 주제입니다."
        ));
        assert!(super::only_rates(
            "Explaining the found models is an important challenge."
        ));
        assert!(!super::only_rates(
            "NAS의 가장 큰 도전 중 하나는 엄청난 계산 비용입니다."
        ));
        assert!(!super::only_rates(
            "효과적인 탐색 공간 설계는 NAS의 성능을 좌우하는 핵심 요소입니다."
        ));
    }

    #[test]
    fn the_sentence_about_the_essays_subject() {
        assert_eq!(
            heading_subject("NAS의 장점과 차별점").as_deref(),
            Some("NAS")
        );
        let text = "현대의 AI 모델은 매우 복잡합니다. NAS는 이러한 복잡성을 관리합니다. 끝.";
        assert_eq!(
            sentences(text).find(|s| s.contains("NAS")),
            Some("NAS는 이러한 복잡성을 관리합니다.")
        );
    }

    #[test]
    fn first_sentence_stops_at_the_first_full_stop() {
        assert_eq!(
            first_sentence(
                "찾아낸 구조의 성능을 평가합니다. 모든 구조를 학습시키는 것은 3.5배 느립니다."
            ),
            Some("찾아낸 구조의 성능을 평가합니다.")
        );
        assert_eq!(first_sentence("한 문장뿐입니다."), None);
    }

    #[test]
    fn sentences_that_give_a_name() {
        let name = |s: &'static str| named_term(s).map(|r| &s[r]);
        assert_eq!(
            name("Hinton은 이런 정보를 dark knowledge라고 불렀습니다."),
            Some("dark knowledge")
        );
        assert_eq!(name("이 현상을 과적합이라고 부릅니다."), Some("과적합"));
        assert_eq!(name("이를 과적합이라 불렀다."), Some("과적합"));
        assert_eq!(
            name("이 현상을 over-squashing이라고 불렀습니다."),
            Some("over-squashing")
        );
        // The quick test a paragraph passes before its sentences are read lets each through.
        for s in [
            "이를 과적합이라 불렀다.",
            "이를 X라고 칭한다.",
            "It is termed Y.",
        ] {
            assert!(super::may_name(s), "{s}");
        }
        assert_eq!(name("이를 '지식 증류'라 부른다."), Some("지식 증류"));
        assert_eq!(
            name("This is known as the vanishing gradient problem."),
            Some("vanishing gradient problem")
        );
        assert_eq!(
            name("Hinton called this \"dark knowledge\"."),
            Some("dark knowledge")
        );
        assert_eq!(name("이 모델은 좋다고 합니다."), None);
        assert_eq!(name("the so-called attention trick works."), None);
        assert_eq!(name("It is recalled here for the proof."), None);
        assert_eq!(
            name("It is called a model that learns from many tasks at once with shared weights."),
            None
        );
    }

    #[test]
    fn the_examples_a_sentence_lists() {
        assert_eq!(
            super::listed_examples(
                "주로 사용되는 방법으로는 강화학습, 진화 알고리즘, 그라디언트 기반 최적화 등이 있습니다."
            ),
            Some(vec!["강화학습", "진화 알고리즘", "그라디언트 기반 최적화"])
        );
        assert_eq!(
            super::listed_examples(
                "진화적 알고리즘과 베이지안 최적화를 결합한 하이브리드 방식, 신경망 가지치기와 양자화 기법을 NAS 과정에 통합하는 방법, 그리고 메타러닝을 활용한 효율적인 아키텍처 탐색 등이 그 예입니다."
            ),
            Some(vec![
                "진화적 알고리즘과 베이지안 최적화를 결합한 하이브리드 방식",
                "신경망 가지치기와 양자화 기법을 NAS 과정에 통합하는 방법",
                "메타러닝을 활용한 효율적인 아키텍처 탐색"
            ])
        );
        // Authors cited in parentheses (`Dhuliawala 등, 2023`) are no list of examples.
        assert_eq!(
            super::listed_examples(
                "CoVe(Chain-of-Verification, Dhuliawala 등, 2023)는 초안 답변을 만든 뒤 검증 질문을 세웁니다."
            ),
            None
        );
        // `A(이)나 B 등의`: one example with its alternative, not a list of lines.
        assert_eq!(
            super::listed_examples("주로 부분 학습이나 파라미터 공유 등의 기법을 사용합니다."),
            None
        );
        // A part that is a clause of its own is prose, not an example.
        assert_eq!(
            super::listed_examples("모델이 크다, 학습이 느리다 등이 문제입니다."),
            None
        );
        assert_eq!(
            super::listed_examples(
                "모든 구조를 학습시키는 것은 오래 걸리기 때문에, 주로 부분 학습이나 파라미터 공유 등의 기법을 사용합니다."
            ),
            None
        );
        assert_eq!(
            super::listed_examples(
                "훈련 데이터의 편향이 NAS 결과에 미치는 영향 분석, 공정성을 목표로 하는 알고리즘 개발 등이 이에 해당합니다."
            ),
            Some(vec![
                "훈련 데이터의 편향이 NAS 결과에 미치는 영향 분석",
                "공정성을 목표로 하는 알고리즘 개발"
            ])
        );
    }
}
