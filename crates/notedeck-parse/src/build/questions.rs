//! A note's own questions, as an interview-question section writes them: `**Q2. GNN 층을
//! 깊게 쌓으면 성능이 떨어지는 이유는?**` and then its answer (`- A: over-smoothing 때문. …`).
//! The question is already the card's front; carded as a label, it became `Early Stopping ›
//! 예상 면접 질문 › Q2. …?`, and the first question of a section, too long for a label, was
//! answered together with its answer under the section's title.

use super::{Builder, CardDraft};
use crate::tree::{Block, Plain};
use crate::{CardKind, math};

/// Longest question (characters) a bold line may ask.
const QUESTION_MAX_CHARS: usize = 200;

/// Words of a heading over a note's own questions (`예상 면접 질문`, `Q&A`): Korean ones, and
/// English ones compared in lowercase.
const QUESTION_SET_WORDS: &[&str] = &["질문", "면접"];
const QUESTION_SET_LATIN: &[&str] = &["q&a", "qna", "faq", "interview"];

/// Whether a heading holds a note's own questions rather than an aspect of the topic
/// before it: such a section is a topic of its own.
pub(super) fn is_question_set(title: &str) -> bool {
    // Asked of most headings: byte searches, no lowercase copy.
    let t = title.as_bytes();
    QUESTION_SET_WORDS
        .iter()
        .any(|w| memchr::memmem::find(t, w.as_bytes()).is_some())
        || QUESTION_SET_LATIN.iter().any(|w| {
            let first = w.as_bytes()[0];
            memchr::memchr2_iter(first, first.to_ascii_uppercase(), t).any(|at| {
                t.get(at..at + w.len())
                    .is_some_and(|part| part.eq_ignore_ascii_case(w.as_bytes()))
            })
        })
}

/// Endings of a request a numbered question may be put as (`Q5. Lottery Ticket
/// Hypothesis를 설명해 주세요.`).
const REQUEST_ENDINGS: [&str; 5] = ["주세요", "하시오", "하세요", "하라", "보세요"];

/// The question a bold line asks, without its number (`Q2.`, `Q3)`, `Q:`), when the line
/// is one: it ends with a question mark, or it is numbered as a question and asks politely
/// (`Q5. …를 설명해 주세요.`).
pub(super) fn note_question(text: &str) -> Option<&str> {
    let t = text.trim();
    if t.chars().count() > QUESTION_MAX_CHARS {
        return None;
    }
    let numbered = t
        .strip_prefix(['Q', 'q'])
        .map(|r| r.trim_start_matches(|c: char| c.is_ascii_digit()))
        .and_then(|r| r.strip_prefix(['.', ')', ':']));
    let asks = t.ends_with(['?', '？'])
        || numbered.is_some() && {
            let body = t.trim_end_matches(['.', '。']).trim_end();
            REQUEST_ENDINGS.iter().any(|e| body.ends_with(e))
        };
    if !asks {
        return None;
    }
    let rest = numbered.map_or(t, str::trim_start);
    (!rest.is_empty()).then_some(rest)
}

impl<'t> Builder<'t, '_> {
    /// The card of question `q` (a part of `plain`, the bold line `line`), answered by
    /// `answer` without its `A:` mark.
    pub(super) fn question_card(
        &mut self,
        sec: Option<usize>,
        (line, plain, q): (&'t Block, &Plain, &str),
        answer: &'t Block,
    ) {
        let mut front = String::new();
        match plain.text.find(q) {
            Some(at) => {
                let math = plain.math_within(&(at..at + q.len()));
                math::text_with_math_to_html(q, &math, &mut front);
            }
            None => math::text_to_html(q, &mut front),
        }
        let mut back = String::new();
        self.render_blocks(&[answer], &mut back);
        let back = without_answer_mark(&back);
        let before = self.raw_cards.len();
        self.push_card(CardDraft {
            kind: CardKind::Basic,
            sec,
            key: q.to_string(),
            front,
            back,
            cloze: Vec::new(),
            span: line.span.start..answer.span.end,
            pin_at: Some(line.span.start),
            pin_line: None,
        });
        // `## 예상 면접 질문` closing the note asks about all of it, not about the problem it
        // follows (`문항 16`, on regularisation, over a question on warmup): shown under its
        // own title. Only the shown context moves, never the id.
        if let Some(s) = sec.filter(|&s| self.closes_note(s))
            && let Some(r) = self.raw_cards.get_mut(before)
        {
            r.card.context = Some(vec![self.info[s].short.clone()].into());
        }
    }

    /// Whether section `s` holds the note's own questions and no problem comes after it.
    fn closes_note(&self, s: usize) -> bool {
        let sections = &self.doc.sections;
        is_question_set(&sections[s].title)
            && !sections[s + 1..]
                .iter()
                .any(|x| x.kind == crate::SectionKind::Problem)
    }
}

/// `html` (a rendered answer) without the `A:` that opens it; one bullet holding the whole
/// answer becomes a paragraph.
fn without_answer_mark(html: &str) -> String {
    let (open, close) = if html.starts_with("<ul><li>")
        && html.ends_with("</li></ul>")
        && html.matches("<li>").count() == 1
    {
        ("<ul><li>", "</li></ul>")
    } else if html.starts_with("<p>") {
        ("<p>", "")
    } else {
        return html.to_string();
    };
    let inner = &html[open.len()..html.len() - close.len()];
    let Some(rest) = ["A:", "A.", "A)", "답:"]
        .iter()
        .find_map(|m| inner.strip_prefix(m))
    else {
        return html.to_string();
    };
    let rest = rest.trim_start();
    if close.is_empty() {
        format!("<p>{rest}")
    } else {
        format!("<p>{rest}</p>")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_question_loses_its_number_and_an_answer_its_mark() {
        assert_eq!(
            note_question("Q2. 왜 깊게 쌓으면 안 되나?"),
            Some("왜 깊게 쌓으면 안 되나?")
        );
        assert_eq!(note_question("Q: 차이는?"), Some("차이는?"));
        assert_eq!(
            note_question("Adam과 AdamW의 차이는?"),
            Some("Adam과 AdamW의 차이는?")
        );
        assert_eq!(note_question("Q1. 차이"), None);
        // A numbered request is a question; an unnumbered one is a line of the note.
        assert_eq!(
            note_question("Q5. Lottery Ticket Hypothesis를 설명해 주세요."),
            Some("Lottery Ticket Hypothesis를 설명해 주세요.")
        );
        assert_eq!(note_question("다음 코드를 실행해 보세요."), None);
        assert_eq!(
            without_answer_mark("<ul><li>A: 느림</li></ul>"),
            "<p>느림</p>"
        );
        assert_eq!(
            without_answer_mark("<p>A: 느림</p><p>또</p>"),
            "<p>느림</p><p>또</p>"
        );
        assert_eq!(
            without_answer_mark("<ul><li>A: 느림</li><li>B</li></ul>"),
            "<ul><li>A: 느림</li><li>B</li></ul>"
        );
    }
}
