//! A heading that counts its parts (`# 2. Message Passing의 3단계`) over prose that sets
//! exactly that many terms in bold (`**Message**`, `**Aggregate**`, `**Update**`): the parts
//! in order are the fact the heading asks for. The prose itself is too long for a card and
//! stays skipped; without this card the three steps were nowhere.

use super::{Builder, CardDraft};
use crate::tree::{Kind, Plain};
use crate::{CardKind, math};

/// Key of the card listing a section's counted parts.
const COUNTED_KEY: &str = "counted parts";

/// Words after a count that name parts (`3단계`, `네 가지`, `3 steps`), lowercased.
const PART_WORDS: &[&str] = &[
    "단계",
    "가지",
    "요소",
    "부분",
    "개의",
    "steps",
    "stages",
    "parts",
    "components",
];

/// Korean count words and their numbers.
const COUNT_WORDS: &[(&str, usize)] = &[("두", 2), ("세", 3), ("네", 4), ("다섯", 5), ("여섯", 6)];

impl<'t> Builder<'t, '_> {
    /// The card of section `sec`'s counted parts when its title counts them and its
    /// paragraph `first` sets exactly that many distinct terms in bold; whether it was made.
    pub(super) fn counted_parts_card(
        &mut self,
        sec: usize,
        first: usize,
        plains: &[Option<Box<Plain>>],
    ) -> bool {
        let tree = self.tree;
        let block = &tree.blocks[first];
        if block.kind != Kind::Paragraph {
            return false;
        }
        let Some(n) = counted_parts(&self.doc.sections[sec].title) else {
            return false;
        };
        let Some(Some(plain)) = plains.get(first) else {
            return false;
        };
        let mut terms: Vec<&str> = Vec::new();
        for s in &plain.strong {
            let t = plain.text[s.clone()].trim();
            if !t.is_empty() && !terms.iter().any(|x| x.eq_ignore_ascii_case(t)) {
                terms.push(t);
            }
        }
        if terms.len() != n {
            return false;
        }
        let mut back = String::from("<ol>");
        for t in &terms {
            back.push_str("<li>");
            math::text_to_html(t, &mut back);
            back.push_str("</li>");
        }
        back.push_str("</ol>");
        let front = self.front(Some(sec), &[]);
        self.push_card(CardDraft {
            kind: CardKind::Basic,
            sec: Some(sec),
            key: COUNTED_KEY.into(),
            front,
            back,
            cloze: Vec::new(),
            span: block.span.clone(),
            pin_at: None,
            pin_line: None,
        });
        true
    }
}

/// How many parts a title counts (`Message Passing의 3단계` → 3, `세 가지 방법` → 3), from
/// two to nine.
fn counted_parts(title: &str) -> Option<usize> {
    let lower = title.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    for (i, w) in words.iter().enumerate() {
        let digits = w.bytes().take_while(u8::is_ascii_digit).count();
        let (count, rest) = if digits == 1 {
            (usize::from(w.as_bytes()[0] - b'0'), &w[1..])
        } else if let Some(&(_, c)) = COUNT_WORDS.iter().find(|(k, _)| k == w) {
            (c, "")
        } else {
            continue;
        };
        let part = if rest.is_empty() {
            words.get(i + 1).copied().unwrap_or("")
        } else {
            rest
        };
        if (2..=9).contains(&count) && PART_WORDS.iter().any(|p| part.starts_with(p)) {
            return Some(count);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::counted_parts;

    #[test]
    fn titles_that_count_their_parts() {
        assert_eq!(counted_parts("Message Passing의 3단계"), Some(3));
        assert_eq!(counted_parts("학습의 세 가지 방법"), Some(3));
        assert_eq!(counted_parts("The 4 stages"), Some(4));
        assert_eq!(counted_parts("2018년 발표"), None);
        assert_eq!(counted_parts("Level 2 – CI/CD"), None);
    }
}
