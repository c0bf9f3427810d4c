//! A topic's opening bullet that says what the topic is (`## 0. RNN` then `- 이전 시점의 은닉
//! 상태 … 새로운 은닉 상태 h_t를 만드는 구조`): asked as the topic's definition (`RNN › 정의`),
//! not gathered with the topic's other unlabelled bullets into a `핵심 내용` card, whose
//! front says nothing of what to recall and whose answer joined unrelated statements.

use super::gathered::UNLABELLED_KEY;
use super::{Builder, CardDraft};
use crate::CardKind;
use crate::tree::{self, Block, Plain};

/// Front label (and, beside other unlabelled bullets, key) of the card an opening bullet
/// makes.
const DEFINITION_LABEL: &str = "정의";

/// Labels of a bullet that already defines the topic: with one, the opening bullet is one
/// more unlabelled statement.
const DEFINING_LABELS: [&str; 5] = ["정의", "개념", "definition", "concept", "의미"];

/// Nouns a Korean definition ends on (`… 만드는 구조`, `… 보여주는 시스템`, `… 꺼서 학습`):
/// the bullet names the kind of thing the topic is.
const KIND_NOUNS: [&str; 17] = [
    "구조",
    "방식",
    "방법",
    "기법",
    "모델",
    "알고리즘",
    "시스템",
    "네트워크",
    "기술",
    "과정",
    "현상",
    "개념",
    "프레임워크",
    "함수",
    "아키텍처",
    "학습",
    "기계",
];

/// Whether `text` ends on a noun phrase of what was done or is done (`MFCC 과정에서 마지막
/// DCT만 생략한 것`, `… 학습하는 것`): the topic is that. A memo of what to do (`다시 볼 것`,
/// `복습할 것`) ends on a verb's future form (`-ㄹ`) and says nothing of the topic: the word
/// before `것` must end on the past or present form (`-ㄴ`, `-는`).
fn names_what_was_done(text: &str) -> bool {
    // `꼭 알아야 하는 것`, `기출에 나온 것`, `헷갈린 것`: what the student must do or met.
    if ["알아야", "기출", "시험", "헷갈", "외워", "복습"]
        .iter()
        .any(|w| text.contains(w))
    {
        return false;
    }
    let Some(last) = text
        .strip_suffix(" 것")
        .and_then(|before| before.chars().next_back())
    else {
        return false;
    };
    // A precomposed Hangul syllable's final consonant is its offset from 가 modulo 28: ㄴ is 4.
    let syllable = u32::from(last).wrapping_sub(0xAC00);
    syllable < 11_172 && syllable % 28 == 4
}

impl<'t> Builder<'t, '_> {
    /// Make the definition card of `items[0]` when it opens topic `sec` right under its heading
    /// and reads as a definition ([`KIND_NOUNS`]), the topic having no bullet labelled as one.
    /// Returns the items left for the `핵심 내용` card.
    pub(super) fn opening_definition<'i>(
        &mut self,
        sec: Option<usize>,
        items: &'i [&'t Block],
    ) -> &'i [&'t Block] {
        let (Some(s), Some((&first, rest))) = (sec, items.split_first()) else {
            return items;
        };
        let heading_end = self.doc.sections[s].heading_span.end;
        let opens = self
            .text
            .get(heading_end..first.span.start)
            .is_some_and(|between| between.trim().is_empty());
        if !opens {
            return items;
        }
        let (lead, nested) = self.tree.item_lead(first);
        let evs = self.tree.events.get(lead).unwrap_or_default();
        let plain = Plain::of(self.text, evs);
        let text = plain.text.trim().trim_end_matches(['.', '。']);
        if !KIND_NOUNS.iter().any(|n| text.ends_with(n)) && !names_what_was_done(text) {
            return items;
        }
        let defined = self
            .raw_cards
            .iter()
            .rev()
            .take_while(|r| r.card.span.start >= heading_end)
            .any(|r| {
                DEFINING_LABELS
                    .iter()
                    .any(|l| r.card.key.eq_ignore_ascii_case(l))
            });
        // Nor a section of it (`### 1. 개념`).
        let defining_section = || {
            let end = self.doc.sections[s].span.end;
            // Sections are in the note's order: the topic's own follow it, inside its span.
            let inside = self.doc.sections.get(s + 1..).unwrap_or_default();
            // Titles come without their numbering (`개념`).
            inside.iter().take_while(|x| x.span.start < end).any(|x| {
                x.parent == Some(s)
                    && DEFINING_LABELS
                        .iter()
                        .any(|l| x.title.eq_ignore_ascii_case(l))
            })
        };
        if defined || defining_section() {
            return items;
        }
        let mut back = String::new();
        tree::render(evs, &mut back, &self.copies);
        self.render_children(nested, &mut back);
        // Alone, it is the `핵심 내용` card it was, under a clearer front: its id stays.
        let key = if rest.is_empty() {
            UNLABELLED_KEY
        } else {
            DEFINITION_LABEL
        };
        let front = self.front(sec, &[DEFINITION_LABEL]);
        self.push_card(CardDraft {
            kind: CardKind::Basic,
            sec,
            key: key.to_string(),
            front,
            back,
            cloze: Vec::new(),
            span: first.span.clone(),
            pin_at: Some(first.span.start),
            pin_line: None,
        });
        rest
    }
}
