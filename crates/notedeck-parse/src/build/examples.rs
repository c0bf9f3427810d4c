//! Example and analogy cards asked the other way round. A topic's example (`Zero-Shot
//! Learning › 예시` → `“얼룩말” 이미지를 본 적 없지만, “줄무늬가 있는 말”이라는 속성 설명을
//! 이용해 분류`) or analogy (`Overfitting › 비유` → `시험 예상문제만 달달 외움`) has no one
//! answer to recall: any example of the topic would do. Asked from the example to the topic,
//! it is the check a student wants (which setting is this?), and the examples of sibling
//! topics tell them apart. The key stays the facet's, so the card keeps its id.

use super::cells::first_part;
use super::facts::{html_key, plain};
use super::{Finish, RawCard};
use crate::CardKind;
use std::sync::Arc;

impl Finish {
    /// Ask every example or analogy card of one topic (a front `Topic › 예시`) from its
    /// answer, unless the answer names the topic, shown under the headings above the topic.
    pub(super) fn reverse_examples(&self, raw: &mut [RawCard]) {
        for r in raw.iter_mut() {
            let card = &mut r.card;
            if !matches!(card.kind, CardKind::Basic | CardKind::Table) || !card.images.is_empty() {
                continue;
            }
            let Some((subject, facet)) = first_part(&card.front) else {
                continue;
            };
            if facet.contains(" › ") || !is_example_facet(&plain(facet)) {
                continue;
            }
            let answer = plain(&card.back);
            if answer.trim().is_empty() || names(&answer, &plain(subject)) {
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

/// Whether a facet's title (plain text) asks for an example or an analogy.
fn is_example_facet(title: &str) -> bool {
    const EXAMPLES: [&str; 7] = [
        "예시", "예", "예제", "비유", "example", "examples", "analogy",
    ];
    let t = title.trim().to_lowercase();
    EXAMPLES.contains(&t.as_str())
}

/// Whether an answer (plain text) names its topic: its name, or a word of it of three
/// letters or more (`Relational` of `Relation-based`), whatever the case.
fn names(answer: &str, topic: &str) -> bool {
    let answer = answer.to_lowercase();
    let topic = topic.to_lowercase();
    answer.contains(topic.trim())
        || topic
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 3)
            .any(|w| answer.contains(w))
}
