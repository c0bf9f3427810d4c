//! An exam problem the note solves: the question (`PCA 결과 고유값이 다음과 같을 때, … 최소
//! 주성분 수는?`), its givens (`- 고유값: $\lambda = [4.2, …]$`), the working (`**풀이**`, the
//! sums, a table of them) and the answer (`→ 정답: **3개** (PC3까지 91.25%)`). The working's
//! lines are the exercise's own numbers: carded one by one, each asked `PC3 › 고유값` → `1.0`,
//! which no front can answer. The problem is one card: the question with its givens, the
//! answer with the remarks after it.

use super::{Builder, CardDraft};
use crate::CardKind;
use crate::tree::{Kind, Plain};
use std::borrow::Cow;

/// Why the working of a solved problem makes no cards.
const WORKING_REASON: &str =
    "working of a solved exam problem: the problem's card asks its question and shows its answer";

/// Words a line opening the working is titled with (`**풀이**`, `해설:`).
const WORKING_TITLES: [&str; 3] = ["풀이", "해설", "계산"];

/// Whether a line titles the working of a problem (`**풀이**`, `풀이:`): no topic, though bold.
pub(super) fn titles_working(text: &str) -> bool {
    let t = text.trim().trim_end_matches(':').trim_end();
    WORKING_TITLES.contains(&t)
}

impl<'t> Builder<'t, '_> {
    /// The card of a problem section (`### 문제6`) opening on a question that a later line
    /// answers (`정답: …`), and the blocks after the answer and its remarks, which are read
    /// as any; `blocks` as they are for any other section.
    pub(super) fn solved_problem<'b>(
        &mut self,
        sec: Option<usize>,
        blocks: &'b [usize],
        plains: &[Option<Box<Plain>>],
    ) -> Cow<'b, [usize]> {
        if !sec.is_some_and(|s| self.doc.sections[s].kind == crate::SectionKind::Problem) {
            return Cow::Borrowed(blocks);
        }
        let tree = self.tree;
        let block = |i: usize| &tree.blocks[blocks[i]];
        let text_of = |i: usize| {
            plains
                .get(blocks[i])
                .and_then(Option::as_ref)
                .map_or("", |p| p.text.trim())
        };
        let first = (0..blocks.len()).find(|&i| !matches!(block(i).kind, Kind::Rule | Kind::Html));
        let Some(first) = first.filter(|&i| block(i).kind == Kind::Paragraph) else {
            return Cow::Borrowed(blocks);
        };
        if !text_of(first).ends_with('?') {
            return Cow::Borrowed(blocks);
        }
        // The answer: a paragraph giving it (`→ 정답: **3개** (…)`), after some working.
        let Some(answer) = (first + 1..blocks.len()).find(|&i| {
            block(i).kind == Kind::Paragraph && super::true_false::gives_the_answer(text_of(i))
        }) else {
            return Cow::Borrowed(blocks);
        };
        let working = (first + 1..answer).find(|&i| titles_working(text_of(i)));
        let Some(working) = working else {
            return Cow::Borrowed(blocks);
        };
        let html = self.inner_html(block(answer));
        let Some(said) = super::true_false::answer_given(&html) else {
            return Cow::Borrowed(blocks);
        };
        // The givens: what stands between the question and the working.
        let mut front = String::new();
        for i in first..working {
            self.render_one(block(i), None, &mut front);
        }
        let mut back = said;
        // Remarks on the answer (`- 95% 기준이면 PC4까지 필요 → 4개 (97.5%)`).
        let mut end = answer + 1;
        while end < blocks.len() && block(end).kind == Kind::List {
            self.render_one(block(end), None, &mut back);
            end += 1;
        }
        for i in working..answer {
            self.skip(block(i).span.clone(), WORKING_REASON);
        }
        let q = &self.tree.blocks[blocks[first]];
        self.push_card(CardDraft {
            kind: CardKind::Basic,
            sec,
            key: text_of(first).to_string(),
            front,
            back,
            cloze: Vec::new(),
            span: q.span.start..block(end - 1).span.end,
            pin_at: Some(q.span.start),
            pin_line: None,
        });
        let mut rest: Vec<usize> = blocks[..first].to_vec();
        rest.extend_from_slice(&blocks[end..]);
        Cow::Owned(rest)
    }
}
