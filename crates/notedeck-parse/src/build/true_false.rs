//! Exam statements marked true or false, as a student copies an exam's choices with their
//! verdicts: `- DBSCAN은 군집 개수를 미리 정해야 한다 → (X), eps와 min_samples만 정하면 군집
//! 수는 자동으로 결정됨`. Read as any statement, the cloze hid `(O) ← 정답` or the correction
//! the visible `(X)` gave away. Asked as the exam asks it: the statement, true or false? The
//! answer is the verdict with the correction.

use super::facts::plain;
use super::{Builder, CardDraft};
use crate::tree::{Block, Kind};
use crate::{CardKind, Span};
use pulldown_cmark::Event;

/// The verdicts, as written after the arrow, and whether each says true.
const VERDICTS: [(&str, bool); 7] = [
    ("(O)", true),
    ("(X)", false),
    ("(○)", true),
    ("(×)", false),
    ("옳음", true),
    ("맞음", true),
    ("틀림", false),
];

/// A verdict as a bare letter after the arrow (`… 당겨진다 → O`, `→ **X (정답)**, …`), in the
/// source: read only after a statement ending as a sentence does (`…다`), where a letter is
/// no check mark.
const BARE_VERDICTS: [&str; 4] = ["→ O", "→ X", "→ **O", "→ **X"];

/// What closes the front of a card asking a statement true or false.
const ASKS_TRUE_OR_FALSE: &str = " (O/X)";

/// Whether a card's front asks a statement true or false: a statement, which like a cloze
/// asks no facet of a topic, so two are never one question (`output.shape = (20, 16, 200)`
/// and `output.shape = (16, 20, 100)` key alike, their numbers in parentheses).
pub(super) fn asks_true_or_false(front: &str) -> bool {
    front.ends_with(ASKS_TRUE_OR_FALSE)
}

/// Marks after a verdict that only say which choice the exam wanted (`(O) ← 정답`).
const ANSWER_MARKS: [&str; 3] = ["← 정답", "<- 정답", "(정답)"];

/// One of an exam's choices: where it is written, and its text as HTML without its number.
struct Choice {
    span: Span,
    html: String,
}

/// The number a circled digit writes (`①` is 1), if `c` is one.
pub(super) fn circled(c: char) -> Option<usize> {
    ('①'..='⑨')
        .contains(&c)
        .then(|| c as usize - '①' as usize + 1)
}

/// The choice number `text` opens on as an exam's choices are numbered with no separator
/// after them: a circled digit (`① …`) or a digit in parentheses (`(1) …`), and the mark's
/// length in bytes.
pub(super) fn choice_mark(text: &str) -> Option<(usize, usize)> {
    let first = text.chars().next()?;
    if let Some(n) = circled(first) {
        return Some((n, first.len_utf8()));
    }
    let inner = text.strip_prefix('(')?;
    let digits = inner.bytes().take_while(u8::is_ascii_digit).count();
    let n: usize = inner.get(..digits)?.parse().ok()?;
    (digits <= 2 && inner[digits..].starts_with(')')).then_some((n, digits + 2))
}

impl<'t> Builder<'t, '_> {
    /// A card for `item` (a bullet with nothing nested) when it is an exam statement with its
    /// verdict; whether it made one.
    pub(super) fn true_false_card(&mut self, sec: Option<usize>, item: &Block, src: &str) -> bool {
        // Asked of every loose bullet: every verdict follows an arrow, which most lack.
        if !src.contains('→')
            || !VERDICTS.iter().any(|(v, _)| src.contains(v))
                && !BARE_VERDICTS.iter().any(|v| src.contains(v))
        {
            return false;
        }
        let html = self.item_lead_html(item);
        let Some((statement, verdict, correction)) = split_verdict(html.trim()) else {
            return false;
        };
        self.push_true_false(sec, &item.span, (None, statement), verdict, correction);
        true
    }

    /// The card asking `statement` (HTML of the choice at `span`) true or false, under the
    /// exam's `stem` when the choices need one: "statement (O/X)" → the verdict, then the
    /// correction when there is one.
    fn push_true_false(
        &mut self,
        sec: Option<usize>,
        span: &Span,
        (stem, statement): (Option<&str>, &str),
        verdict: bool,
        correction: &str,
    ) {
        // A choice the note already closes with the question's mark (`… 오른다 (O/X)`).
        let statement = statement
            .strip_suffix(ASKS_TRUE_OR_FALSE.trim_start())
            .map_or(statement, str::trim_end);
        let mut back = String::from(if verdict { "O" } else { "X" });
        if !correction.is_empty() {
            back.push_str(" — ");
            back.push_str(correction);
        }
        // The choice leads the key: choices under one long stem are told apart by it.
        let mut key = plain(statement);
        let front = match stem {
            Some(stem) => {
                key.push(' ');
                key.push_str(&plain(stem));
                let stem = without_question_label(stem);
                format!("{stem}<br>{statement}{ASKS_TRUE_OR_FALSE}")
            }
            None => format!("{statement}{ASKS_TRUE_OR_FALSE}"),
        };
        self.push_basic(sec, key, front, back, span.clone());
    }

    /// An exam's numbered choices copied under its prompt, with the answer on the line after
    /// them: `문장 임베딩 기법 관련 설명으로 틀린 것 고르기`, `1. …` to `4. …`, then `→ 정답 3
    /// (그건 cross-encoder, …)`. Each choice is asked true or false as the exam has it, the
    /// answer line's explanation on the chosen one; a list after it explaining choices by
    /// their numbers (`- 1 → 길어질수록 곱이 누적돼서 …`, `- … → 1, 2 틀림`) gives theirs.
    /// The prompt is the paragraph over the choices or the problem's heading (`## 문항 4 —
    /// … 틀린 것 고르기`), and a paragraph under a heading that asks is the stem every choice
    /// needs (`` `nn.LSTM(…)`에 … 넣었을 때 ``). Returns how many blocks from the list on
    /// made the cards (`None` when they are no exam's choices): the two after it are the
    /// answer line and maybe the explaining list. Read as statements, the choices
    /// went to a `핵심 내용` card teaching the wrong ones as facts.
    pub(super) fn exam_choices(
        &mut self,
        sec: Option<usize>,
        before: [Option<&Block>; 2],
        list: &'t Block,
        [answer, explaining]: [Option<&'t Block>; 2],
    ) -> Option<usize> {
        // Asked of every list: the shape first, the words after.
        let answer = self.answer_after(answer)?;
        self.list_start(list)?;
        let items: Vec<&Block> = list
            .children
            .iter()
            .filter(|c| c.kind == Kind::Item)
            .collect();
        if items.len() < 2 || items.iter().any(|i| !self.tree.item_lead(i).1.is_empty()) {
            return None;
        }
        let choices: Vec<Choice> = items
            .iter()
            .map(|i| Choice {
                span: i.span.clone(),
                html: self.item_lead_html(i).trim().to_string(),
            })
            .collect();
        self.ask_choices(sec, before, &choices, answer, explaining)
    }

    /// `answer` when it is a line giving an exam's answer (`정답: 3`, `**정답: 2**`, `→ 정답
    /// 3`), read in the source before any choice is rendered.
    fn answer_after<'b>(&self, answer: Option<&'b Block>) -> Option<&'b Block> {
        answer.filter(|a| {
            a.kind == Kind::Paragraph
                && self
                    .text
                    .get(a.span.clone())
                    .is_some_and(|src| gives_the_answer(src.trim_start_matches(['*', '→', ' '])))
        })
    }

    /// [`Self::exam_choices`] for choices written as lines of paragraphs, numbered with
    /// circled digits (`① MRR은 …` to `④ …`, short ones maybe sharing a line) or with numbers
    /// in parentheses (`(1) …` to `(4) …`, one a line), as Korean exams number them: one
    /// paragraph, or one a paragraph with blank lines between. Returns the blocks taken from
    /// the first paragraph on.
    pub(super) fn paragraph_choices(
        &mut self,
        sec: Option<usize>,
        paragraphs: &[&'t Block],
        before: [Option<&Block>; 2],
        [answer, explaining]: [Option<&'t Block>; 2],
    ) -> Option<usize> {
        let answer = self.answer_after(answer)?;
        let first = paragraphs.first()?;
        let src = self.text.get(first.span.clone())?;
        // `(1) 데이터 수가 …` to `(4) …`, one a line, numbers choices as `①` does.
        let parenthesised = src.starts_with('(');
        choice_mark(src)?;
        let mut choices = Vec::new();
        for paragraph in paragraphs {
            self.choice_lines(paragraph, parenthesised, &mut choices)?;
        }
        if choices.len() < 2 {
            return None;
        }
        let taken = self.ask_choices(sec, before, &choices, answer, explaining)?;
        Some(taken + paragraphs.len() - 1)
    }

    /// The choices the lines of `paragraph` write, numbered on from those in `choices`;
    /// `None` when a line is no next choice.
    fn choice_lines(
        &self,
        paragraph: &Block,
        parenthesised: bool,
        choices: &mut Vec<Choice>,
    ) -> Option<()> {
        let evs = self.tree.inner(paragraph);
        let breaks: Vec<usize> = (0..evs.len())
            .filter(|&i| evs.get(i).is_some_and(|e| matches!(e.ev, Event::SoftBreak)))
            .collect();
        let mut from = 0;
        for end in breaks.into_iter().chain([evs.len()]) {
            let line = evs.slice(from..end)?;
            from = end + 1;
            let mut html = String::new();
            crate::tree::render(line, &mut html, &self.copies);
            let html = html.trim();
            // `① 64 ② 80 ③ 96 ④ 128 ⑤ 160`: short choices may share a line, each opening on
            // its digit. A choice may hold a number in parentheses: those open only lines.
            // Only the next number after a space opens one: `⑤ ①, ③ 모두` is one choice
            // naming two others.
            let starts: Vec<usize> = if parenthesised {
                vec![0]
            } else {
                let mut next = choices.len() + 1;
                html.char_indices()
                    .filter(|&(at, c)| {
                        let opens = circled(c) == Some(next)
                            && (at == 0 || html[..at].ends_with(char::is_whitespace));
                        next += usize::from(opens);
                        opens
                    })
                    .map(|(at, _)| at)
                    .collect()
            };
            if starts.first() != Some(&0) {
                return None;
            }
            for (k, &at) in starts.iter().enumerate() {
                let piece = &html[at..starts.get(k + 1).copied().unwrap_or(html.len())];
                let (n, mark) = choice_mark(piece)?;
                if n != choices.len() + 1
                    || piece.starts_with('(') != parenthesised
                    || piece[mark..].trim().is_empty()
                {
                    return None;
                }
                choices.push(Choice {
                    span: crate::tree::span_of(line),
                    html: piece[mark..].trim().to_string(),
                });
            }
        }
        Some(())
    }

    /// The cards of an exam's `items`, with `before` the block over them and `above` the one
    /// over that (a question over its givens' bullets), `answer` the line after them and
    /// `explaining` the block after that ([`Self::exam_choices`]).
    fn ask_choices(
        &mut self,
        sec: Option<usize>,
        [above, before]: [Option<&Block>; 2],
        items: &[Choice],
        answer: &Block,
        explaining: Option<&'t Block>,
    ) -> Option<usize> {
        // `아래 bin 통계에서 ECE 값은?` over the givens' bullets, then the choices: the
        // question is asked with its givens.
        let asks = |p: &Block| {
            p.kind == Kind::Paragraph && self.text.get(p.span.clone()).is_some_and(asks_a_question)
        };
        let givens = before.filter(|l| {
            l.kind == Kind::List && self.list_start(l).is_none() && above.is_some_and(asks)
        });
        let paragraph = match givens {
            Some(_) => above,
            None => before.filter(|p| p.kind == Kind::Paragraph),
        };
        let prompt_src = paragraph.and_then(|p| self.text.get(p.span.clone()));
        let asked_above = prompt_src.and_then(wanted_verdict);
        // `EWC (…)에 대한 설명으로 옳은 것은?`: a question naming what the choices are about is
        // their stem too; none of them says it (`이전 task의 샘플을 버퍼에 저장 …` is true of
        // replay, false of EWC).
        let (true_wanted, stem) = match asked_above {
            Some(wanted) => {
                // `QLoRA의 구성 요소가 **아닌 것을** 고르시오.` names what its choices are as
                // much as a question does, and choices that are names, no statements (`NF4
                // 데이터 타입`), say nothing without it.
                let named = || {
                    items
                        .iter()
                        .any(|c| !c.html.trim_end_matches(['.', ' ']).ends_with('다'))
                        && paragraph.is_some_and(|p| asked_about(&self.inner_html(p)).is_some())
                };
                let question = prompt_src.is_some_and(asks_a_question) || named();
                (
                    wanted,
                    paragraph.filter(|_| question || prompt_src.is_some_and(sets_givens)),
                )
            }
            None => {
                let mut cur = sec;
                let mut wanted = None;
                while let Some(s) = cur
                    && wanted.is_none()
                {
                    wanted = wanted_verdict(&self.doc.sections[s].title);
                    cur = self.doc.sections[s].parent;
                }
                match wanted {
                    Some(wanted) => (wanted, paragraph),
                    None => {
                        return self.pick_one(sec, paragraph?, givens, items, answer, explaining);
                    }
                }
            }
        };
        let answer_html = self.inner_html(answer);
        let (chosen, why) = answer_line(answer_html.trim())?;
        if chosen == 0 || chosen > items.len() {
            return None;
        }
        let mut corrections: Vec<String> = vec![String::new(); items.len()];
        // `정답: (2) — (1) 사용자 취향은 자주 변해서 …, (3) MF는 …`: each reason goes to the
        // choice it names, not all of them to the chosen one.
        let (why, reasons) = super::choice_reasons::reasons_by_choice(&why, items.len());
        corrections[chosen - 1] = why;
        for (n, reason) in reasons {
            let c = &mut corrections[n - 1];
            if !c.is_empty() {
                c.push_str("; ");
            }
            c.push_str(&reason);
        }
        let explained = explaining
            .filter(|l| l.kind == Kind::List && self.list_start(l).is_none())
            .and_then(|l| self.explanations(l, items.len(), chosen));
        if let Some(explanations) = &explained {
            for (choices, text) in explanations {
                for &n in choices {
                    let c = &mut corrections[n - 1];
                    if !c.is_empty() {
                        c.push_str("; ");
                    }
                    c.push_str(text);
                }
            }
        }
        // Givens are shown without the instruction after them (`… 일 때`, not `… 일 때 옳은
        // 것 고르기`): each card asks its own choice.
        let stem = stem.map(|p| {
            let html = self.inner_html(p);
            match html.split_once("때 ") {
                Some((givens, asks)) if wanted_verdict(asks).is_some() => format!("{givens}때"),
                _ => {
                    let about = asked_about(&html).map(str::to_string);
                    about.unwrap_or(html)
                }
            }
        });
        for (n, item) in items.iter().enumerate() {
            let verdict = if n + 1 == chosen {
                true_wanted
            } else {
                !true_wanted
            };
            self.push_true_false(
                sec,
                &item.span,
                (stem.as_deref(), &item.html),
                verdict,
                &corrections[n],
            );
        }
        if let Some(l) = explaining.filter(|_| explained.is_some()) {
            for item in l.children.iter().filter(|c| c.kind == Kind::Item) {
                self.skip(
                    item.span.clone(),
                    "explanation of an exam choice, on that choice's card",
                );
            }
            return Some(3);
        }
        Some(2)
    }

    /// One card for an exam question asking which choice (`… 설정은?` over `1. Task-Incremental
    /// Learning` to `4. …`, then `정답: 3`): front the question and its choices, back the
    /// chosen one, the answer line's reason and the bullets after it. Asked choice by choice
    /// there is no true or false to ask, and the choices went to a `핵심 내용` card with no
    /// question. Returns the blocks taken from the list on, as [`Self::exam_choices`].
    fn pick_one(
        &mut self,
        sec: Option<usize>,
        prompt: &Block,
        givens: Option<&Block>,
        items: &[Choice],
        answer: &Block,
        explaining: Option<&Block>,
    ) -> Option<usize> {
        let question = self.inner_html(prompt);
        if !asks_a_question(&plain(&question)) {
            return None;
        }
        let (chosen, why) = answer_line(self.inner_html(answer).trim())?;
        let choice = items.get(chosen.checked_sub(1)?)?;
        let mut front = without_question_label(&question).to_string();
        if let Some(list) = givens {
            // Its bullets were read as the section's before the choices came: they are the
            // question's, and make no cards of their own.
            let span = list.span.clone();
            self.raw_cards
                .retain(|r| !(span.start <= r.card.span.start && r.card.span.end <= span.end));
            self.doc
                .skipped
                .retain(|k| !(span.start <= k.span.start && k.span.end <= span.end));
            self.bullets_html(list, &mut front);
        }
        front.push_str("<ol>");
        for item in items {
            front.push_str("<li>");
            front.push_str(&item.html);
            front.push_str("</li>");
        }
        front.push_str("</ol>");
        let mut back = format!("{chosen}. {}", choice.html);
        if !why.is_empty() {
            back.push_str(" — ");
            back.push_str(&why);
        }
        let explaining =
            explaining.filter(|l| l.kind == Kind::List && self.list_start(l).is_none());
        if let Some(list) = explaining {
            back.push_str("<ul>");
            self.render_children(&list.children, &mut back);
            back.push_str("</ul>");
        }
        let end = explaining.map_or(answer.span.end, |l| l.span.end);
        // The question was passed over as a loose paragraph before its choices came.
        self.doc.skipped.retain(|k| k.span != prompt.span);
        self.push_card(CardDraft {
            kind: CardKind::Basic,
            sec,
            key: plain(&question),
            front,
            back,
            cloze: Vec::new(),
            span: prompt.span.start..end,
            pin_at: Some(prompt.span.start),
            pin_line: None,
        });
        Some(if explaining.is_some() { 3 } else { 2 })
    }

    /// The HTML of a paragraph's text, without the paragraph's tags.
    pub(super) fn inner_html(&self, block: &Block) -> String {
        let mut html = String::new();
        crate::tree::render(self.tree.inner(block), &mut html, &self.copies);
        let t = html.trim();
        t.strip_prefix("<p>")
            .and_then(|t| t.strip_suffix("</p>"))
            .unwrap_or(t)
            .trim()
            .to_string()
    }
}

/// `html` without a label saying it is a question (`**문제**: 다음 중 …`), which every card
/// asking it is. Only what is shown: a card's key keeps the label, so its id is the one it
/// had before the label was left out.
fn without_question_label(html: &str) -> &str {
    ["<b>문제</b>:", "<b>문제:</b>", "문제:"]
        .iter()
        .find_map(|label| html.trim_start().strip_prefix(label))
        .map_or(html, str::trim_start)
}

/// Whether a line gives an exam's answer (`**정답: 2**`, `→ 정답 3`): no title, though bold.
pub(super) fn gives_the_answer(text: &str) -> bool {
    text.trim_start_matches(['→', ' ']).starts_with("정답")
}

/// Whether a prompt asks a question: it ends on a question mark, maybe before an aside
/// giving a given (`아래 bin 통계에서 ECE 값은? (전체 $n = 20$)`).
fn asks_a_question(prompt: &str) -> bool {
    let t = prompt.trim_end();
    let t = super::key_terms::closing_aside(t).map_or(t, |(before, _)| before);
    t.ends_with(['?', '？'])
}

/// Whether an exam's prompt sets out givens the choices are judged on before it asks (`양성
/// 50개, 음성 950개인 테스트셋에서 TP=40, FN=10, FP=60, TN=890 일 때 옳은 것 고르기`): a clause
/// ending in `때` with a number in it. Without them on its front, no choice could be judged.
fn sets_givens(prompt: &str) -> bool {
    prompt
        .split_once("때")
        .is_some_and(|(givens, _)| givens.bytes().any(|b| b.is_ascii_digit()))
}

/// Whether an exam prompt asks for the true choice (`옳은 것 고르기`: `Some(true)`) or the
/// false one (`틀린 것`, `옳지 않은 것`), if it says.
fn wanted_verdict(prompt: &str) -> Option<bool> {
    // `… 틀린 것 고르기`, or asked as a question: `… 설명으로 옳은 것은?`.
    if !prompt.contains("고르") && !prompt.contains("것은") {
        return None;
    }
    if WRONG_WANTED.iter().any(|w| prompt.contains(w)) {
        Some(false)
    } else if RIGHT_WANTED.iter().any(|w| prompt.contains(w)) {
        Some(true)
    } else {
        None
    }
}

/// Words of an exam's question asking for the wrong statement (`틀린 것 고르기`).
const WRONG_WANTED: [&str; 4] = ["틀린", "옳지 않은", "아닌 것", "잘못된"];

/// Words of an exam's question asking for the right statement (`옳은 것은?`).
const RIGHT_WANTED: [&str; 3] = ["옳은", "맞는", "올바른"];

/// Characters at most of the instruction closing an exam's question (`옳지 않은</b> 것을
/// 모두 고르시오`).
const ASKS_MAX_CHARS: usize = 30;

/// What an exam's question is about, without the instruction to pick the right or wrong
/// statement (`Domain Adaptation 기법에 대한 설명` of `… 설명으로 <b>옳지 않은</b> 것은?`):
/// above a statement asked true or false, `옳지 않은 것은?` left unclear whether `O` meant
/// true or the wrong one. `None` when the question says more than that.
fn asked_about(html: &str) -> Option<&str> {
    // `… 아닌 것을</b> 고르시오.`: a full stop may close the instruction.
    let t = html.trim().trim_end_matches('.');
    let at = WRONG_WANTED
        .iter()
        .chain(&RIGHT_WANTED)
        .filter_map(|w| t.find(w))
        .min()?;
    let asks = &t[at..];
    // The instruction closes the question, alone: `옳지 않은</b> 것은?`.
    if !(asks.ends_with('?') || asks.ends_with("고르기") || asks.ends_with("고르시오"))
        || asks.contains('.')
        || asks.chars().count() > ASKS_MAX_CHARS
    {
        return None;
    }
    let about = t[..at].trim_end().trim_end_matches("<b>").trim_end();
    // `… 설명으로 틀린 것`, or what the choices are asked to be (`QLoRA의 구성 요소가 아닌 것`).
    let about = ["으로", "로", "가"]
        .iter()
        .find_map(|p| about.strip_suffix(p))?
        .trim_end();
    (about.split_whitespace().count() >= 2 && !about.contains(['?', '.'])).then_some(about)
}

/// What a line giving an answer says after `정답` (`→ 정답: <b>3개</b> (…)` →
/// `<b>3개</b> (…)`, `<b>정답: 3</b>` → `3`); `None` for a line saying nothing more.
pub(super) fn answer_given(html: &str) -> Option<String> {
    let html = html
        .trim()
        .trim_start_matches("<p>")
        .trim_end_matches("</p>")
        .trim();
    let rest = html.strip_prefix('→').unwrap_or(html).trim_start();
    let (bold, rest) = match rest.strip_prefix("<b>") {
        Some(r) => (true, r),
        None => (false, rest),
    };
    let rest = rest.strip_prefix("정답")?.trim_start();
    let rest = rest.strip_prefix(':').unwrap_or(rest).trim();
    let mut said = rest.to_string();
    // The bold opened before `정답` closes after it, or right after its colon.
    if bold && let Some(at) = said.find("</b>").filter(|&at| !said[..at].contains("<b>")) {
        said.replace_range(at..at + "</b>".len(), "");
    }
    let said = said.trim().trim_start_matches(':').trim();
    (!said.is_empty()).then(|| said.to_string())
}

/// The choice a line gives as the answer and what it says of it: `→ 정답 3 (그건
/// cross-encoder)` → `(3, "그건 cross-encoder")`.
fn answer_line(html: &str) -> Option<(usize, String)> {
    let said = answer_given(html)?;
    let rest = said.strip_prefix("<b>").unwrap_or(&said);
    // `정답 3`, or the choice's own mark: `정답 ③`, `정답 (2)`.
    let (chosen, len) = match choice_mark(rest) {
        Some(mark) => mark,
        None => {
            let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
            (rest[..digits].parse().ok()?, digits)
        }
    };
    let rest = rest[len..].trim_start_matches("번").trim_start();
    let rest = rest.strip_prefix("</b>").unwrap_or(rest).trim();
    let why = match rest.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        Some(inner) => inner.trim(),
        None => rest.trim_start_matches([',', ':', '—', '-', '→']).trim(),
    };
    Some((chosen, why.to_string()))
}

/// The statement, the verdict (true for `(O)`) and the correction after it, of a line
/// going on `→ (X), correction` (the correction may have arrows of its own: `밀도 차이 크면
/// 약함 → HDBSCAN`); `None` when no arrow of the line leads to a verdict.
fn split_verdict(html: &str) -> Option<(&str, bool, &str)> {
    html.match_indices('→')
        .find_map(|(at, arrow)| verdict_after(&html[..at], &html[at + arrow.len()..]))
}

/// [`split_verdict`] at one arrow, `statement` before it and `after` it.
fn verdict_after<'h>(statement: &'h str, after: &'h str) -> Option<(&'h str, bool, &'h str)> {
    let statement = statement.trim_end();
    if plain(statement).trim().is_empty() {
        return None;
    }
    // A verdict the author set in bold: `→ <b>(O) ← 정답</b>`.
    let mut rest = after.trim_start();
    let bold = rest.starts_with("<b>");
    rest = rest.strip_prefix("<b>").unwrap_or(rest).trim_start();
    let sentence = plain(statement).trim_end().ends_with('다');
    let bare = [("O", true), ("X", false)];
    let &(mark, verdict) = VERDICTS
        .iter()
        .chain(bare.iter().filter(|_| sentence))
        .find(|(v, _)| rest.starts_with(v))?;
    rest = rest[mark.len()..].trim_start();
    for m in ANSWER_MARKS {
        rest = rest.strip_prefix(m).unwrap_or(rest).trim_start();
    }
    if bold {
        rest = rest.strip_prefix("</b>")?.trim_start();
    }
    // The correction after a comma or colon, or in parentheses: `→ **틀림** (정적 임베딩)`.
    let correction = match rest.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        Some(inner) if !inner.contains(['(', ')']) => inner.trim(),
        _ => rest.trim_start_matches([',', ':', ';']).trim(),
    };
    // Anything but a clause after the verdict (`(O)` inside a sentence) is no verdict.
    if !rest.is_empty() && !rest.starts_with([',', ':', ';', '(']) {
        return None;
    }
    Some((statement, verdict, correction))
}

#[cfg(test)]
mod tests {
    use super::split_verdict;

    #[test]
    fn answers_given() {
        assert_eq!(
            super::answer_given("→ 정답: <b>3개</b> (PC3까지 91.25%)").as_deref(),
            Some("<b>3개</b> (PC3까지 91.25%)")
        );
        assert_eq!(super::answer_given("<b>정답: 3</b>").as_deref(), Some("3"));
        assert_eq!(super::answer_given("<b>정답</b>: 3").as_deref(), Some("3"));
        assert_eq!(super::answer_given("정답:"), None);
        assert_eq!(super::answer_given("결론: 3개"), None);
    }

    #[test]
    fn answer_lines() {
        assert_eq!(
            super::answer_line("<p>→ 정답 3 (그건 cross-encoder, SBERT는 <b>따로</b>)</p>"),
            Some((3, "그건 cross-encoder, SBERT는 <b>따로</b>".to_string()))
        );
        assert_eq!(
            super::answer_line("<p>정답: 2번</p>"),
            Some((2, String::new()))
        );
        assert_eq!(super::answer_line("<p>→ 결론: 3개</p>"), None);
        assert_eq!(
            super::answer_line("<p>→ 정답 ③</p>"),
            Some((3, String::new()))
        );
        assert_eq!(
            super::answer_line("<p>→ 정답 (2) 나머지는 맞음</p>"),
            Some((2, "나머지는 맞음".to_string()))
        );
    }

    #[test]
    fn verdicts_and_corrections() {
        assert_eq!(
            split_verdict("K-Means는 k를 미리 정해야 한다 → <b>(O) ← 정답</b>"),
            Some(("K-Means는 k를 미리 정해야 한다", true, ""))
        );
        assert_eq!(
            split_verdict("DBSCAN은 군집 개수를 미리 정해야 한다 → (X), 군집 수는 자동으로 결정됨"),
            Some((
                "DBSCAN은 군집 개수를 미리 정해야 한다",
                false,
                "군집 수는 자동으로 결정됨"
            ))
        );
        assert_eq!(
            split_verdict("eps 하나로 잘 찾아낸다 → (X), 밀도 차이 크면 약함 → HDBSCAN"),
            Some((
                "eps 하나로 잘 찾아낸다",
                false,
                "밀도 차이 크면 약함 → HDBSCAN"
            ))
        );
        assert_eq!(
            split_verdict("GloVe는 다의어를 다른 벡터로 표현한다 → <b>틀림</b> (정적 임베딩)"),
            Some((
                "GloVe는 다의어를 다른 벡터로 표현한다",
                false,
                "정적 임베딩"
            ))
        );
        assert_eq!(
            split_verdict("분산 표현의 차원 수는 vocabulary 크기와 같다 → 틀림, 보통 50~300차원"),
            Some((
                "분산 표현의 차원 수는 vocabulary 크기와 같다",
                false,
                "보통 50~300차원"
            ))
        );
        assert_eq!(
            split_verdict("smoothing 강도 m을 키우면 전체 평균 쪽으로 더 당겨진다 → O"),
            Some((
                "smoothing 강도 m을 키우면 전체 평균 쪽으로 더 당겨진다",
                true,
                ""
            ))
        );
        assert_eq!(
            split_verdict(
                "시계열은 shuffle해도 leakage가 없다 → <b>X (정답)</b>, 미래로 과거를 예측"
            ),
            Some((
                "시계열은 shuffle해도 leakage가 없다",
                false,
                "미래로 과거를 예측"
            ))
        );
        assert_eq!(split_verdict("온라인 학습 → O"), None);
        assert_eq!(split_verdict("정답 → (X) 표시가 붙은 보기"), None);
        assert_eq!(split_verdict("조건 → 옳음직한 답"), None);
        assert_eq!(split_verdict("→ (O)"), None);
    }
}
