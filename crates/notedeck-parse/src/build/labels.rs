//! A bullet's label: the bold term or short plain line a bullet opens with (`**구조**: …`,
//! `**정의:** …`, `**Binomial** $B(n, p)$:`, `각 블록:` + nested list), its math, and where
//! the value after it starts.

use super::LABEL_MAX_CHARS;
use crate::tree::{Ev, Evs, Plain};
use crate::{Span, math};
use pulldown_cmark::{Event, Tag, TagEnd};

/// Longest plain label without a colon (`- Surrogate 모델` + nested list).
const PLAIN_LABEL_MAX_CHARS: usize = 30;
/// Most words in such a label: a name, not a statement (`단어 중간에 이어지는 조각은 ##
/// 접두어 사용` + an example under it is a fact with its example, not a label).
const PLAIN_LABEL_MAX_WORDS: usize = 3;

/// `(minimax 게임)` and what follows its colon, for the text after a bold label written
/// `**목적 함수** (minimax 게임): …`: an aside between a label and its colon is the label's.
fn label_aside(after_label: &str) -> Option<(&str, &str)> {
    let (inside, rest) = after_label.strip_prefix('(')?.split_once(')')?;
    let value = rest.trim_start().strip_prefix(':')?;
    (!inside.contains('(')).then_some((inside, value))
}

/// A bullet's label: `**구조**: …`, `**정의:** …`, `**사전 학습 방법**` + nested list, or a
/// short plain `각 블록:` + nested list.
pub(super) struct Label {
    pub(super) text: String,
    /// Where `text` holds inline math (`$\epsilon$`), as ranges of `text` (the TeX without
    /// its dollars): shown as math on the front. Empty for nearly every label.
    pub(super) math: Vec<Span>,
    /// Plain offset where the value starts.
    pub(super) value_start: usize,
    /// Plain-text label (`각 블록:`), not bold.
    pub(super) plain_label: bool,
}

impl Label {
    /// The label as HTML for a front: its inline math as MathJax, the rest as
    /// [`math::text_to_html`] shows plain text.
    pub(super) fn html(&self) -> String {
        let mut out = String::with_capacity(self.text.len() + 8);
        if self.math.is_empty() {
            math::text_to_html(&self.text, &mut out);
        } else {
            math::text_with_math_to_html(&self.text, &self.math, &mut out);
        }
        out
    }

    /// The lead's events after the label and its colon.
    pub(super) fn value_events<'x>(&self, evs: Evs<'x>) -> Option<Vec<Ev<'x>>> {
        if self.plain_label {
            return None;
        }
        // `문제: …`, a plain facet name before its colon: the value is the rest of the line.
        if let Some(e) = evs.first()
            && let Event::Text(t) = &e.ev
            && let Some(after) = t.trim_start().strip_prefix(self.text.as_str())
            && let Some(value) = after.trim_start().strip_prefix(':')
        {
            return self.value_after(evs, Some(value.to_string()), false);
        }
        // `sklearn `AdaBoostClassifier` 기본값: …`: a plain label with code in it spans
        // several events; the value starts after the colon that ends it.
        if !evs
            .iter()
            .any(|e| matches!(e.ev, Event::Start(Tag::Strong)))
        {
            let mut said = String::new();
            for (i, e) in evs.iter().enumerate() {
                match &e.ev {
                    Event::Text(t) => {
                        if let Some((before, after)) = t.split_once(':') {
                            said.push_str(before);
                            if said.trim() != self.text {
                                break;
                            }
                            let rest = evs.slice(i..evs.len())?;
                            return self.value_after(rest, Some(after.to_string()), false);
                        }
                        said.push_str(t);
                    }
                    Event::Code(c) => said.push_str(c),
                    _ => break,
                }
            }
        }
        // Skip to the end of the first Strong.
        let mut depth = 0usize;
        let mut idx = None;
        for (i, e) in evs.iter().enumerate() {
            match e.ev {
                Event::Start(Tag::Strong) => depth += 1,
                Event::End(TagEnd::Strong) => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        idx = Some(i + 1);
                        break;
                    }
                }
                _ => {}
            }
        }
        let mut rest = evs.slice(idx?..evs.len())?;
        // An aside holding math (`**수식** (후방 연산자 $B$, $By_t = y_{t-1}$):`) spans several
        // events: the value starts in the text event that closes it.
        let opens_aside = rest.first().is_some_and(|e| {
            matches!(&e.ev, Event::Text(t) if t.trim_start().starts_with('(')
                && label_aside(t.trim_start()).is_none())
        });
        let mut closing: Option<String> = None;
        // `**Binomial** $B(n, p)$: …`: the notation ends the label, so the value starts
        // after its math event.
        let math_ends_label = self.math.last().is_some_and(|m| m.end == self.text.len());
        if math_ends_label {
            let skip = rest
                .iter()
                .position(|e| matches!(e.ev, Event::InlineMath(_)))
                .filter(|&i| {
                    rest.iter()
                        .take(i)
                        .all(|e| matches!(&e.ev, Event::Text(t) if t.trim().is_empty()))
                });
            if let Some(i) = skip {
                let next = rest.slice(i + 1..rest.len())?;
                let after = next.first().and_then(|e| match e.ev {
                    Event::Text(t) => Some(t.to_string()),
                    _ => None,
                });
                match after {
                    Some(after) => {
                        rest = next;
                        closing = Some(after);
                    }
                    None => rest = next,
                }
            }
        }
        if opens_aside && self.text.ends_with(')') {
            let close = rest
                .iter()
                .enumerate()
                .skip(1)
                .find_map(|(i, e)| match &e.ev {
                    Event::Text(t) => t.split_once(')').map(|(_, after)| (i, after.to_string())),
                    _ => None,
                });
            if let Some((i, after)) = close {
                rest = rest.slice(i..rest.len())?;
                closing = Some(after);
            }
        }
        self.value_after(rest, closing, true)
    }

    /// The value events from `rest` on: `closing`, when given, is the text the first event
    /// of `rest` is read as (what follows an aside's `)` or a plain label's colon); `first`
    /// whether the first text event may still open with the label's aside or separator.
    fn value_after<'x>(
        &self,
        rest: Evs<'x>,
        mut closing: Option<String>,
        mut first: bool,
    ) -> Option<Vec<Ev<'x>>> {
        let mut out: Vec<Ev<'x>> = Vec::with_capacity(rest.len());
        for e in rest {
            if let Some(after) = closing.take() {
                // The rest of the text after the aside's `)`, read as the first text below.
                let trimmed = after.trim_start();
                let trimmed = trimmed.strip_prefix(':').unwrap_or(trimmed).trim_start();
                first = false;
                if !trimmed.is_empty() {
                    out.push(Ev {
                        ev: Event::Text(trimmed.to_string().into()),
                        span: e.span.clone(),
                    });
                }
                continue;
            }
            if first && let Event::Text(t) = &e.ev {
                first = false;
                let trimmed = t.trim_start();
                // The label's aside (`(minimax 게임):`) is part of the label, not the value.
                let trimmed = label_aside(trimmed).map_or(trimmed, |(_, value)| value);
                let trimmed = trimmed
                    .strip_prefix(':')
                    .or_else(|| trimmed.strip_prefix(['–', '—']))
                    .or_else(|| trimmed.strip_prefix("= "))
                    .unwrap_or(trimmed)
                    .trim_start();
                if trimmed.is_empty() {
                    continue;
                }
                let cut = t.len() - trimmed.len();
                let exact = e.span.len() == t.len();
                out.push(Ev {
                    ev: Event::Text(trimmed.to_string().into()),
                    span: if exact {
                        e.span.start + cut..e.span.end
                    } else {
                        e.span.clone()
                    },
                });
                continue;
            }
            first = false;
            out.push(Ev {
                ev: e.ev.clone(),
                span: e.span.clone(),
            });
        }
        let has_text = out.iter().any(|e| {
            matches!(&e.ev, Event::Text(t) if !t.trim().is_empty())
                || matches!(
                    e.ev,
                    Event::Code(_) | Event::InlineMath(_) | Event::Start(Tag::Image { .. })
                )
        });
        has_text.then_some(out)
    }
}

/// Whether a line with no colon and no bold reads as a name that a nested list explains: a
/// few words, with no `:` or `=` of a statement or formula in it.
fn is_plain_name(text: &str) -> bool {
    text.chars().count() <= PLAIN_LABEL_MAX_CHARS
        && text.split_whitespace().count() <= PLAIN_LABEL_MAX_WORDS
        && !text.contains([':', '='])
}

/// Words that, after a bold opening term, make the line a sentence defining that term
/// (`**Training–serving skew** happens when …`).
const DEFINING_WORDS: &[&str] = &[
    "happens when",
    "occurs when",
    "refers to",
    "means",
    "is",
    "are",
];

/// The label of a line defining its bold opening term in a sentence; the rest of the
/// sentence (`happens when …`) is its value.
pub(super) fn defined_term(lead: &Plain) -> Option<Label> {
    let t = &lead.text;
    let lead_ws = t.len() - t.trim_start().len();
    let s = lead.strong.first().filter(|s| s.start <= lead_ws)?;
    let term = t[s.clone()].trim();
    if term.is_empty() || term.ends_with(':') || term.chars().count() > LABEL_MAX_CHARS {
        return None;
    }
    let after = &t[s.end..];
    let rest = after.trim_start();
    let defines = after.starts_with(char::is_whitespace)
        && DEFINING_WORDS.iter().any(|w| {
            rest.strip_prefix(w)
                .is_some_and(|r| r.starts_with(char::is_whitespace) && !r.trim().is_empty())
        });
    defines.then(|| Label {
        text: term.to_string(),
        math: lead.math_within(&(trimmed_start(t, s)..trimmed_start(t, s) + term.len())),
        value_start: s.end,
        plain_label: false,
    })
}

pub(super) fn label_of(lead: &Plain, has_children: bool) -> Option<Label> {
    let t = &lead.text;
    let lead_ws = t.len() - t.trim_start().len();
    // `- 📌 **튜닝 순서 팁**: …`: a pictograph marking the line is no part of its label.
    let marked = t[lead_ws..].trim_start_matches(is_pictograph).trim_start();
    let label_start = t.len() - marked.len();
    if let Some(s) = lead.strong.first()
        && s.start <= label_start
    {
        let inner = t[s.clone()].trim();
        let after = &t[s.end..];
        let after_trim = after.trim_start();
        let colon_inside = inner.ends_with(':');
        let label = inner.trim_end_matches(':').trim();
        if label.is_empty() || label.chars().count() > LABEL_MAX_CHARS {
            return None;
        }
        // `**Pipeline CI** – Build, unit/integration test …`: a spaced dash sets a value
        // off as a colon does.
        let dash = after.starts_with(char::is_whitespace)
            && after_trim
                .strip_prefix(['–', '—'])
                .is_some_and(|r| r.starts_with(char::is_whitespace) && !r.trim().is_empty());
        // `**Binomial** $B(n, p)$: …`, `**Gaussian (Normal)** $\mathcal{N}(\mu, \sigma^2)$` +
        // nested list: the name's notation after it is the label's too.
        // A formula (`**Evidence** $P(D) = \int …$:`) is what the label says, not its name.
        let lead_math = lead.math.iter().find(|m| {
            m.start > s.end
                && t[s.end..m.start].trim().is_empty()
                && !t[m.start..m.end].contains('=')
        });
        if let Some(m) = lead_math {
            let after_math = t[m.end..].trim_start();
            let colon = after_math.starts_with(':');
            let value = after_math.strip_prefix(':').unwrap_or("");
            let start = trimmed_start(t, s);
            let text = &t[start..m.end];
            if (colon && !value.trim().is_empty() || after_math.is_empty() && has_children)
                && text.chars().count() <= LABEL_MAX_CHARS
            {
                return Some(Label {
                    text: text.to_string(),
                    math: lead.math_within(&(start..m.end)),
                    value_start: t.len() - value.len(),
                    plain_label: false,
                });
            }
        }
        // `**목적 함수** (minimax 게임):` — an aside between the label and its colon belongs to
        // the label.
        if let Some((inside, value)) = label_aside(after_trim) {
            let value = value.len();
            let inside = inside.trim();
            let text = format!("{label} ({inside})");
            if text.chars().count() <= LABEL_MAX_CHARS {
                // `**과소 예측** ($y > \hat{q}$):` — the aside's math, where it is in `text`.
                // `**Width multiplier $\alpha$** (1.0 / 0.75):` — the label's own math too.
                let label_at = trimmed_start(t, s);
                let shift = label.len() + " (".len();
                let math = lead
                    .math_within(&(label_at..label_at + label.len()))
                    .into_iter()
                    .chain(
                        super::facts::offset_in(t, inside)
                            .map(|at| lead.math_within(&(at..at + inside.len())))
                            .unwrap_or_default()
                            .into_iter()
                            .map(|m| m.start + shift..m.end + shift),
                    )
                    .collect();
                return Some(Label {
                    text,
                    math,
                    value_start: t.len() - value,
                    plain_label: false,
                });
            }
        }
        // `1. **Median Stopping Rule** (Google Vizier, Golovin et al., 2017)` over its nested
        // list: an aside closing the line (its source, another name) is the answer's, the
        // bold name the label.
        if has_children
            && after.starts_with(char::is_whitespace)
            && after_trim.starts_with('(')
            && after_trim.ends_with(')')
            && after_trim.matches('(').count() == 1
        {
            return Some(Label {
                text: label.to_string(),
                math: Vec::new(),
                value_start: t.len() - after_trim.len(),
                plain_label: false,
            });
        }
        // `**정확도(Accuracy)** = $\frac{…}{…}$`: a term defined by its formula.
        let equals = after
            .strip_prefix(' ')
            .and_then(|r| r.strip_prefix("= "))
            .filter(|r| !r.trim().is_empty());
        let value_start = if let Some(r) = after_trim.strip_prefix(':') {
            t.len() - r.len()
        } else if let Some(r) = equals {
            t.len() - r.len()
        } else if dash {
            t.len() - after_trim.len() + '–'.len_utf8()
        } else if colon_inside || after_trim.is_empty() {
            s.end
        } else if label.ends_with(['?', '？']) {
            // `**왜 필요?** 초반에는 …`: a question in bold is answered by what follows it.
            s.end
        } else {
            return None;
        };
        if after_trim.is_empty() && !has_children && !colon_inside {
            return None;
        }
        return Some(Label {
            text: label.to_string(),
            math: lead.math_within(&(trimmed_start(t, s)..trimmed_start(t, s) + label.len())),
            value_start,
            plain_label: false,
        });
    }
    // `각 블록:` + nested list.
    let trimmed = t.trim();
    let n = trimmed.chars().count();
    if has_children
        && n > 0
        && (trimmed.ends_with(':') && n <= LABEL_MAX_CHARS || is_plain_name(trimmed))
        && lead.strong.is_empty()
    {
        let text = trimmed.trim_end_matches(':').trim();
        return Some(Label {
            text: text.to_string(),
            math: lead.math_within(&(lead_ws..lead_ws + text.len())),
            value_start: t.len(),
            plain_label: true,
        });
    }
    None
}

/// `- 문제: weight는 양자화가 쉬운데 …`, `- 해결: …` among a topic's bullets: a facet's name
/// before a colon labels its line as a bold one does; the notes leave it plain as often as
/// not. Only a topic's own bullets are read so: in a facet's list such lines are its parts'
/// text, and named parts there would leave the facet's card a list of bare names.
pub(super) fn plain_facet_label(lead: &Plain) -> Option<Label> {
    let t = &lead.text;
    let (name, value) = t.trim_start().split_once(':')?;
    let name = name.trim();
    if value.trim().is_empty() || !is_plain_facet(name) {
        return None;
    }
    Some(Label {
        text: name.to_string(),
        math: Vec::new(),
        value_start: t.len() - value.len(),
        plain_label: false,
    })
}

/// Longest name before a plain line's colon read as its label ([`plain_name_label`]).
const PLAIN_NAME_MAX_CHARS: usize = 30;

/// Most words of a name before a plain line's colon.
const PLAIN_NAME_MAX_WORDS: usize = 4;

/// Endings of a Korean clause closed as a noun (`무서움`, `생김`, `있음`, `필요함`): a line
/// opening on one says something before its colon rather than naming it.
const CLAUSE_ENDINGS: [char; 13] = [
    '음', '함', '됨', '임', '움', '김', '짐', '봄', '줌', '옴', '냄', '씀', '남',
];

/// `- refuter 종류: `random_common_cause`, …`, `- ATT용 가중치: 처치군 = 1, …`: a short name
/// before a colon and a space labels a line the topic's card rules left over, as a bold one
/// does. Gathered alone under `핵심 내용`, such a line was asked by a front naming nothing.
/// Not a sentence (`…다:`, `… 무서움:`), a formula (`$x$: …`, `a = b:`), a ratio (`90:10`), an
/// address, a letter (`X: …`) or a line naming two (`A: … / B: …`).
pub(super) fn plain_name_label(lead: &Plain) -> Option<Label> {
    let t = &lead.text;
    let at = t.find(": ")?;
    let (name, value) = (t[..at].trim(), &t[at + 1..]);
    let words = name.split_whitespace().count();
    // `selection leakage가 특히 무서움:` says something: a clause, no name.
    let clause = name.ends_with(CLAUSE_ENDINGS);
    // `수평 FL: …, 다른 샘플 / 수직 FL: …`: two named lines in one, each its own question.
    let paired = value
        .split_once(" / ")
        .is_some_and(|(_, after)| after.contains(": "));
    // `- 예: ResNet(2016) … → lr 0.1에서 시작`: an example, read by the example rules.
    let example = name == "예" || super::value_tables::is_example_facet(name);
    let fits = (name.chars().count() >= 2 || name.chars().any(super::tables::is_hangul))
        && !clause
        && !example
        && !paired
        && name.chars().count() <= PLAIN_NAME_MAX_CHARS
        && words <= PLAIN_NAME_MAX_WORDS
        && !value.trim().is_empty()
        && !name.ends_with(['다', '.', '?', '!'])
        && !name.contains(['=', '→', '$', '`', ':', '*'])
        && !lead.math.iter().any(|m| m.start < at);
    fits.then(|| Label {
        text: name.to_string(),
        math: Vec::new(),
        value_start: t.len() - value.len(),
        plain_label: false,
    })
}

/// Whether a plain line's text before its colon names a facet (`문제`, `해결`, `장점`, `한계`):
/// such a line is labelled though not bold.
fn is_plain_facet(name: &str) -> bool {
    // Beyond the facet names (`원인`, `해결`, `해결책` are among them).
    const MORE: [&str; 5] = ["문제", "결과", "이유", "주의", "주의점"];
    MORE.contains(&name)
        || super::subtopics::is_facet_name(name) && !name.is_ascii()
        || names_library(name)
}

/// Libraries a note shows a method's call in (`PyTorch: `torch.optim.SGD(…)``).
const LIBRARIES: [&str; 12] = [
    "pytorch",
    "tensorflow",
    "keras",
    "jax",
    "sklearn",
    "scikit-learn",
    "pyg",
    "dgl",
    "numpy",
    "hugging face",
    "huggingface",
    "transformers",
];

/// Whether a plain line's name before its colon is a library, alone or with what of it the
/// line gives (`PyTorch`, `PyTorch 기본값`): the line answers how the method is called
/// there, a question of its own rather than a statement to gather.
fn names_library(name: &str) -> bool {
    let lower = name.to_lowercase();
    LIBRARIES.iter().any(|l| {
        lower.strip_prefix(l).is_some_and(|rest| {
            rest.is_empty() || rest.starts_with(' ') && rest.split_whitespace().count() <= 2
        })
    })
}

/// Where the text of span `s` of `t` starts once its leading whitespace is left out.
fn trimmed_start(t: &str, s: &Span) -> usize {
    let part = &t[s.clone()];
    s.start + (part.len() - part.trim_start().len())
}

/// A pictograph a note marks a line with (`📌`, `💡`, `✅`, `⚠️`).
fn is_pictograph(c: char) -> bool {
    matches!(c, '\u{1F300}'..='\u{1FAFF}' | '\u{2600}'..='\u{27BF}' | '\u{FE0F}')
}
