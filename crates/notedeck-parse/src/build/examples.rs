//! Example and analogy cards asked the other way round. A topic's example (`Zero-Shot
//! Learning › 예시` → `“얼룩말” 이미지를 본 적 없지만, “줄무늬가 있는 말”이라는 속성 설명을
//! 이용해 분류`) or analogy (`Overfitting › 비유` → `시험 예상문제만 달달 외움`) has no one
//! answer to recall: any example of the topic would do. Asked from the example to the topic,
//! it is the check a student wants (which setting is this?), and the examples of sibling
//! topics tell them apart. The key stays the facet's, so the card keeps its id.

use super::answers::count_named;
use super::cells::{first_part, last_part};
use super::facts::{html_key, plain};
use super::{Finish, RawCard};
use crate::{CardKind, Deletion};
use std::sync::Arc;

impl Finish {
    /// Drop every example card (`Conformal Prediction › 예시`, `RotatE › 미니 예시 (d = 1)`)
    /// whose answer sets made-up givens and works them out (`$n = 99$, $\alpha = 0.1$ →
    /// $\lceil 100 \times 0.9 \rceil = 90$ → …`): asked by its label, the front held none of
    /// the numbers the answer works from. An example opening on a name (`GPT-2 small: 50,257
    /// × 768 ≈ 38.6M`) gives the topic's own numbers and stays.
    pub(super) fn drop_worked_examples(&mut self, raw: &mut Vec<RawCard>) {
        let gone: Vec<(usize, usize)> = raw
            .iter()
            .enumerate()
            .filter(|(_, r)| {
                r.card.kind == CardKind::Basic
                    && last_part(&r.card.front).is_some_and(|(_, facet)| {
                        facet_is(facet, super::value_tables::is_example_facet)
                    })
                    && {
                        let answer = plain(&r.card.back);
                        opens_on_givens(&answer) && super::lists::computes_even_in_tex(&answer)
                    }
            })
            .map(|(i, _)| (i, i))
            .collect();
        self.drop_repeats(raw, &gone, |_, _| {
            super::lists::WORKED_EXAMPLE_REASON.to_string()
        });
    }

    /// Ask every example or analogy card of one topic (a front `Topic › 예시`) that tells of
    /// a case ([`tells_a_case`]) from its answer, shown under the headings above the topic,
    /// unless the answer gives the topic away ([`gives_away`]). An example working its result
    /// out on one line becomes a cloze of that working instead ([`worked_result`]).
    pub(super) fn reverse_examples(&self, raw: &mut [RawCard]) {
        for r in raw.iter_mut() {
            let card = &mut r.card;
            if !matches!(card.kind, CardKind::Basic | CardKind::Table) || !card.images.is_empty() {
                continue;
            }
            // A long answer is more than one case: it stays an answer.
            if card.back.len() > EXAMPLE_MAX_BYTES {
                continue;
            }
            // Under a facet too (`평가 지표 › NDCG › 예시`): the exercise is the example's.
            let example = |front: &str| {
                last_part(front).is_some_and(|(_, facet)| facet_is(facet, is_example_facet))
            };
            if example(&card.front)
                && let Some(at) = worked_result(&card.back)
            {
                card.kind = CardKind::Cloze;
                card.front = std::mem::take(&mut card.back);
                let end = card.front.len();
                card.cloze = Box::new([Deletion {
                    number: 1,
                    range: at..end,
                }]);
                continue;
            }
            let Some((subject, facet)) = first_part(&card.front) else {
                continue;
            };
            if !facet_is(facet, is_example_facet) || facet.contains(" › ") {
                continue;
            }
            let answer = plain(&card.back);
            if !tells_a_case(&answer)
                || gives_away(&answer, &plain(subject))
                || super::lists::computes_even_in_tex(&answer)
            {
                continue;
            }
            // Shown above the topic: its own heading would give the answer.
            let key = html_key(subject);
            let shown = card.context_path();
            if let Some(at) = shown.iter().position(|h| html_key(h) == key) {
                card.context = Some(Arc::from(&shown[..at]));
            }
            // A list of one item reads as that item after the facet.
            let example = card
                .back
                .strip_prefix("<ul><li>")
                .and_then(|b| b.strip_suffix("</li></ul>"))
                .filter(|item| !item.contains("<li>") && !item.contains("<ul>"))
                .unwrap_or(&card.back);
            let front = format!("{facet} › {example}");
            card.back = subject.to_string();
            card.front = front;
        }
    }
}

/// Whether `text` has an `=` outside parentheses: a step worked out (`DCG = 0.5`), not a
/// given set in an aside (`(K=3)`).
fn sets_outside_parentheses(text: &str) -> bool {
    let mut depth = 0usize;
    text.chars().any(|c| {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ => {}
        }
        c == '=' && depth == 0
    })
}

/// Whether an answer (plain text) opens by setting a symbol to a number (`\(n = 99\)`, `\(h =
/// 1 + 0i\)`): the givens of a made-up example.
fn opens_on_givens(answer: &str) -> bool {
    let a = answer.trim_start();
    let a = a.strip_prefix("\\(").unwrap_or(a);
    a.split_once('=').is_some_and(|(symbol, value)| {
        let symbol = symbol.trim();
        !symbol.is_empty()
            && symbol.chars().count() <= 8
            && !symbol.contains(' ')
            && value.trim_start().starts_with(|c: char| c.is_ascii_digit())
    })
}

/// Longest name a worked example's result is given under (`DiD` in `→ DiD = 30 − 15 =
/// **15**`).
const RESULT_NAME_MAX_CHARS: usize = 20;

/// Where the working of a one-line example starts, when the line gives its numbers and then
/// works its result out under a name after its last arrow: `서울 100 → 130 (+30), 부산 90 →
/// 105 (+15) → DiD = 30 − 15 = **15**` from `30`. Asked as a cloze of that working, it is an
/// exercise with its givens; asked as `DiD › 예시`, it was made-up numbers to recall.
/// Whether a labelled line (`**예시**: …`) with this answer is asked as an exercise by
/// [`Finish::reverse_examples`]: the same facet names, length and one-line working it reads.
pub(super) fn becomes_exercise(label: &str, back: &str) -> bool {
    facet_is(label, is_example_facet)
        && back.len() <= EXAMPLE_MAX_BYTES
        && worked_result(back).is_some()
}

pub(super) fn worked_result(back: &str) -> Option<usize> {
    // One line of text: no list, break, paragraph or image.
    if ["<li>", "<br>", "<p>", "<img"]
        .iter()
        .any(|t| back.contains(t))
    {
        return None;
    }
    let (givens, last) = back.rsplit_once('→')?;
    // A formula among the givens (`DCG = \(1/\log_2 4 = 0.5\)`) stays shown whole, and the
    // result's working holds none a deletion would cut; hidden with the steps (below), a
    // formula is hidden whole.
    if givens.matches("\\(").count() != givens.matches("\\)").count() || last.contains("\\(") {
        return None;
    }
    let (name, working) = last.split_once('=')?;
    let name = plain(name);
    let name = name.trim();
    let digits = |t: &str| t.chars().any(|c| c.is_ascii_digit());
    let fits = !name.is_empty()
        && name.chars().count() <= RESULT_NAME_MAX_CHARS
        && !digits(name)
        && digits(givens)
        && digits(working)
        && !working.trim().is_empty();
    if !fits {
        return None;
    }
    // Steps worked out between the givens and the result (`정답 1개가 3위 → DCG = 0.5, IDCG
    // = 1 → NDCG = 0.5`) give the result away: everything after the first arrow is hidden,
    // the givens before it shown (they hold no formula cut in two).
    if let Some((setup, steps)) = givens.split_once('→')
        && sets_outside_parentheses(steps)
        && setup.matches("\\(").count() == setup.matches("\\)").count()
        && digits(setup)
    {
        return Some(back.len() - back[setup.len() + '→'.len_utf8()..].trim_start().len());
    }
    Some(back.len() - working.trim_start().len())
}

/// Whether a facet's title (plain text) asks for an example or an analogy.
fn is_example_facet(title: &str) -> bool {
    const EXAMPLES: [&str; 7] = [
        "예시", "예", "예제", "비유", "example", "examples", "analogy",
    ];
    let t = title.trim();
    EXAMPLES.iter().any(|e| t.eq_ignore_ascii_case(e))
}

/// Longest example (its HTML, in bytes: about 130 Hangul syllables) asked from itself.
const EXAMPLE_MAX_BYTES: usize = 400;

/// Fewest words of an example that tells of a case.
const CASE_MIN_WORDS: usize = 3;

/// Whether an example (plain text) tells of a case in the note's words (`시험 예상문제만 달달
/// 외움`): Korean, three words or more. A name or a citation (`FitNets`, `Hinton et al.
/// (2015)`) is a fact about the topic as it stands, and asked from itself it reads as a
/// riddle.
fn tells_a_case(example: &str) -> bool {
    example.split_whitespace().nth(CASE_MIN_WORDS - 1).is_some()
        && example
            .chars()
            .any(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c))
}

/// Whether an example (plain text) names its parts by the topic's own symbols, a capital or
/// two in parentheses right after a word (`위조지폐범(G) vs 경찰(D)` for GAN's generator and
/// discriminator): it is told in the topic's notation, which only the topic explains.
fn uses_symbols(example: &str) -> bool {
    example.match_indices('(').any(|(at, _)| {
        let after = &example[at + 1..];
        let caps = after.bytes().take_while(u8::is_ascii_uppercase).count();
        (1..=2).contains(&caps)
            && after[caps..].starts_with(')')
            && example[..at]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
    })
}

/// Whether an example (plain text) gives its topic away: it names it, or a word of it of
/// three letters or more (`Relational` of `Relation-based`), whatever the case; or the
/// topic's name says a count (`One-Shot`, `Few-Shot`) and the example holds a number
/// (`사진 1장만으로`, `5개의 고양이 품종 사진`).
fn gives_away(example: &str, topic: &str) -> bool {
    if uses_symbols(example) {
        return true;
    }
    let example = example.to_lowercase();
    let topic = topic.to_lowercase();
    example.contains(topic.trim())
        || topic
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 3)
            .any(|w| example.contains(w))
        || count_named(&topic).is_some() && example.chars().any(|c| c.is_ascii_digit())
}

/// Whether a front's facet (HTML) passes `test`, a test of plain text. Every card comes
/// through here: a facet without markup is read as it is.
fn facet_is(facet: &str, test: impl Fn(&str) -> bool) -> bool {
    if facet.contains(['<', '&']) {
        test(&plain(facet))
    } else {
        test(facet)
    }
}
