//! A tip that only repeats a card. A 📌 tip line summarises its topic; when what it hides is
//! already what a card of the same topic answers (`LSTM = **게이트 3개** + 셀 상태` beside
//! `LSTM › 게이트 수` → `3개 (입력, 망각, 출력 게이트)`), the student would review the one
//! fact twice. Such a tip gives no card and is listed as skipped, naming the card kept.

use super::facts::{answer_words, plain, without_asides};
use super::{Builder, RawCard};
use crate::{CardKind, Skipped};
use std::collections::HashMap;

impl<'t, 'a> Builder<'t, 'a> {
    /// Drop every tip cloze whose hidden words a card shown under the same topic already
    /// answers ([`repeats`]). One map from topic to cards, built only when the note has tips.
    pub(super) fn drop_repeated_tips(&mut self, raw: &mut Vec<RawCard>) {
        if !raw.iter().any(|r| r.tip) {
            return;
        }
        // (problem, topic) of what a card is shown under → the cards that ask about it.
        let mut by_topic: HashMap<&[String], Vec<usize>> = HashMap::new();
        for (i, r) in raw.iter().enumerate() {
            if !r.tip && matches!(r.card.kind, CardKind::Basic | CardKind::Table) {
                by_topic.entry(topic_of(r)).or_default().push(i);
            }
        }
        let mut gone: Vec<Option<usize>> = vec![None; raw.len()];
        for (i, r) in raw.iter().enumerate().filter(|(_, r)| r.tip) {
            let hidden: String = r
                .card
                .cloze
                .iter()
                .filter_map(|d| r.card.front.get(d.range.clone()))
                .map(|h| answer_words(&without_asides(h)))
                .collect::<Vec<_>>()
                .join(" ");
            if hidden.is_empty() {
                continue;
            }
            let Some(cards) = by_topic.get(topic_of(r)) else {
                continue;
            };
            gone[i] = cards
                .iter()
                .copied()
                .find(|&k| repeats(&hidden, &raw[k].card.front, &raw[k].card.back));
        }
        for (i, k) in gone.iter().enumerate() {
            let Some(k) = *k else { continue };
            let (kept, tip) = (&raw[k].card, &raw[i].card);
            self.doc.skipped.push(Skipped {
                line: tip.line,
                span: tip.span.clone(),
                reason: format!(
                    "tip that only repeats the card on line {} ({}): what it hides is that \
                     card's answer",
                    kept.line,
                    plain(&kept.front)
                ),
            });
        }
        let mut i = 0;
        raw.retain(|_| {
            i += 1;
            gone[i - 1].is_none()
        });
    }
}

/// The problem and topic a card is shown under (its context, else its path).
fn topic_of(r: &RawCard) -> &[String] {
    let path = r.card.context_path();
    &path[..path.len().min(2)]
}

/// Whether a tip hiding `hidden` (its words, asides set apart) only repeats the card
/// `front` → `back`: every hidden word is in the card's facet label or answer and they are
/// at least half of what the answer says (asides apart), or they are exactly the names the
/// answer sets in bold (`변형: Grad-CAM(gradient), Score-CAM(…)` beside a list of
/// `**Grad-CAM**: …`, `**Score-CAM**: …`).
fn repeats(hidden: &str, front: &str, back: &str) -> bool {
    let label = answer_words(front.rsplit('›').next().unwrap_or(""));
    let answer = answer_words(&without_asides(back));
    let in_card = |w: &str| {
        label
            .split(' ')
            .chain(answer.split(' '))
            .any(|c| same_word(w, c))
    };
    let hidden_words: Vec<&str> = hidden.split(' ').collect();
    let said: Vec<&str> = answer.split(' ').filter(|w| !w.is_empty()).collect();
    let covered = said
        .iter()
        .filter(|a| hidden_words.iter().any(|h| same_word(h, a)))
        .count();
    if !said.is_empty() && hidden_words.iter().all(|w| in_card(w)) && covered * 2 >= said.len() {
        return true;
    }
    let bold: Vec<String> = bold_parts(back)
        .map(|b| answer_words(&without_asides(b)))
        .filter(|w| !w.is_empty())
        .collect();
    if bold.len() < 2 {
        return false;
    }
    let mut named: Vec<&str> = bold.iter().flat_map(|b| b.split(' ')).collect();
    let mut asked = hidden_words.clone();
    named.sort_unstable();
    asked.sort_unstable();
    named == asked
}

/// The `<b>…</b>` parts of an answer.
fn bold_parts(html: &str) -> impl Iterator<Item = &str> {
    html.match_indices("<b>").filter_map(|(at, _)| {
        let from = at + 3;
        let len = html[from..].find("</b>")?;
        Some(&html[from..from + len])
    })
}

/// Two words that are one word, a Korean particle of up to two syllables aside (`방향` and
/// `방향으로`).
fn same_word(a: &str, b: &str) -> bool {
    let glued = |long: &str, short: &str| {
        long.strip_prefix(short).is_some_and(|rest| {
            rest.chars().count() <= 2 && rest.chars().all(super::tables::is_hangul)
        })
    };
    !a.is_empty() && (a == b || glued(a, b) || glued(b, a))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tip_repeats_a_card_that_answers_what_it_hides() {
        let hidden = answer_words("게이트 3개");
        assert!(repeats(
            &hidden,
            "LSTM › 게이트 수",
            "3개 (입력 게이트, 망각 게이트, 출력 게이트)"
        ));
        // Found in a longer answer that says much more: a fact of its own.
        assert!(!repeats(
            &answer_words("soft target"),
            "Knowledge Distillation › 손실 함수",
            "(정답 라벨과의 Cross-Entropy) + (Teacher·Student soft target 사이의 KL divergence)"
        ));
        let names = answer_words(&without_asides("Grad-CAM(gradient), Score-CAM(score 변화)"));
        assert!(repeats(
            &names,
            "CAM › 변형 기법 예시",
            "<ul><li><b>Grad-CAM</b>: 구조 제약 없이 사용 가능</li><li><b>Score-CAM</b>: gradient 없이</li></ul>"
        ));
        assert!(same_word("방향", "방향으로"));
        assert!(!same_word("방향", "방향성이라는"));
    }
}
