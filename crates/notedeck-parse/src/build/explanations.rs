//! Bullets explaining an exam's choices by their numbers, after the line giving the answer:
//! `- 1: PCA는 비지도 …`, `- 2번 (X): …`, `- **1번 (X)**: …`, `- ① O → …`, `- (1) 반대. …`,
//! `- 1) ✘ …`, or numbers closing a bullet (`- … → 1, 2 틀림`). Each explanation goes on its
//! choice's card ([`super::true_false`]).

use super::Builder;
use super::true_false::{choice_mark, circled};
use crate::tree::{Block, Kind};

/// Letters a choice's verdict is written with after its number (`1번 O:`, `2번 (X):`), the
/// parenthesised ones first.
const VERDICT_MARKS: [&str; 6] = ["(O)", "(X)", "O", "X", "○", "×"];

/// Check marks a choice's verdict is written with (`1) ✘ …`).
const CHECK_MARKS: [&str; 4] = ["✔", "✘", "✓", "✗"];

impl Builder<'_, '_> {
    /// The choices (1-based, up to `count`) each bullet of `list` explains, with its text:
    /// by a leading number (`1: PCA는 비지도 …`, `3 → GRU는 …`) or numbers closing it (`… =
    /// (16, 20, 200) → 1, 2 틀림`). Up to [`ANSWER_EXPLANATION_MAX_ITEMS`] bullets naming
    /// none, alone or before those that do, explain the `chosen` one; `None` for a list with
    /// one naming none after one that does, or with more of them.
    pub(super) fn explanations(
        &self,
        list: &Block,
        count: usize,
        chosen: usize,
    ) -> Option<Vec<(Vec<usize>, String)>> {
        let mut out = Vec::new();
        let (mut named, mut unnamed) = (0, 0);
        for item in list.children.iter().filter(|c| c.kind == Kind::Item) {
            let numbered = self.numbered_alone(item);
            let item = numbered.map_or(item, |(_, inner)| inner);
            // `- 3번: X → …` over `- 고정 거리 쓰는 건 ProtoNet, …`: the nested lines go on
            // the explanation of the one choice the bullet names.
            let nested = self.tree.item_lead(item).1;
            let mut more = String::new();
            for list in nested {
                if list.kind != Kind::List {
                    return None;
                }
                self.bullets_html(list, &mut more);
            }
            let html = match numbered {
                Some((n, _)) => format!("{n}) {}", self.item_lead_html(item).trim()),
                None => self.item_lead_html(item),
            };
            let html = unbolded_choice(html.trim());
            let html = html.trim();
            if !more.is_empty() {
                match leading_choices(html) {
                    Some((choices, text)) if choices.len() == 1 => {
                        named += 1;
                        out.push((choices, format!("{text}{more}")));
                        continue;
                    }
                    _ => return None,
                }
            }
            // `1: 데이터는 로컬에 그대로 … / 3: gradient에서 입력 복원 가능 …`: one bullet
            // explaining two choices, each by its number.
            let several = several_choices(html);
            if several.len() >= 2 {
                for (n, text) in several {
                    if n == 0 || n > count {
                        return None;
                    }
                    named += 1;
                    if !text.is_empty() {
                        out.push((vec![n], text));
                    }
                }
                continue;
            }
            // `- 나머지는 다 맞는 설명`: the other choices' verdicts, which their cards say.
            if says_the_rest_are_judged(html) {
                continue;
            }
            let Some((choices, text)) = leading_choices(html).or_else(|| closing_choices(html))
            else {
                // A bullet naming no choice explains the answer (`- 불균형 배분이면 … 검정력
                // 떨어짐`), when none names one, or when it comes before those that do
                // (`- overflow 토큰은 …` over `- 2: …`, `- 3: …`). After one, it may go on
                // with that choice's explanation: the list is not read.
                if named > 0 {
                    return None;
                }
                unnamed += 1;
                out.push((vec![chosen], html.to_string()));
                continue;
            };
            if choices.iter().any(|&n| n == 0 || n > count) {
                return None;
            }
            named += 1;
            // `- 2, 3번 O → 결정 경계 근처 / $H = \log K$`: one part for each, in order.
            let parts: Vec<&str> = text.split(" / ").collect();
            if choices.len() > 1 && parts.len() == choices.len() {
                out.extend(
                    choices
                        .into_iter()
                        .zip(parts)
                        .map(|(n, t)| (vec![n], t.to_string())),
                );
            } else if !text.is_empty() {
                // `- 4 O`: the choice's verdict and nothing to add to it.
                out.push((choices, text.to_string()));
            }
        }
        let fits = unnamed <= ANSWER_EXPLANATION_MAX_ITEMS;
        (named + unnamed > 0 && fits).then_some(out)
    }

    /// `list`'s items as a bulleted list, whatever its numbering.
    pub(super) fn bullets_html(&self, list: &Block, out: &mut String) {
        out.push_str("<ul>");
        crate::tree::render(self.tree.inner(list), out, &self.copies);
        out.push_str("</ul>");
    }

    /// `- 1) ✘ …`: a bullet holding nothing but a numbered list of one item, which Markdown
    /// reads as a list starting at the choice's number. That number and the inner item.
    fn numbered_alone<'b>(&self, item: &'b Block) -> Option<(usize, &'b Block)> {
        let (lead, rest) = self.tree.item_lead(item);
        let [list] = rest else {
            return None;
        };
        let [inner] = &*list.children else {
            return None;
        };
        let src = self.text.get(list.span.clone())?;
        let digits = src.bytes().take_while(u8::is_ascii_digit).count();
        let number = src[..digits].parse().ok()?;
        (lead.is_empty()
            && list.kind == Kind::List
            && inner.kind == Kind::Item
            && src[digits..].starts_with([')', '.']))
        .then_some((number, inner))
    }
}

/// A bullet's HTML without the bold around the choice it opens on (`<b>1번 (X)</b>: 기본은
/// …` → `1번 (X): 기본은 …`): the number in bold names the choice as much as a plain one.
fn unbolded_choice(html: &str) -> std::borrow::Cow<'_, str> {
    let Some(inner) = html.strip_prefix("<b>") else {
        return html.into();
    };
    let Some((bold, rest)) = inner.split_once("</b>") else {
        return html.into();
    };
    let numbered = bold.starts_with(|c: char| c.is_ascii_digit()) || choice_mark(bold).is_some();
    if numbered && bold.chars().count() <= 12 && leading_choice(&format!("{bold}{rest}")).is_some()
    {
        format!("{bold}{rest}").into()
    } else {
        html.into()
    }
}

/// Most bullets after an exam's answer line, none naming a choice, read as the answer's
/// explanation.
const ANSWER_EXPLANATION_MAX_ITEMS: usize = 3;

/// The choices a bullet explains one after another, each opening on its number after a ` /
/// ` or a `, ` (`1: … / 3: …`, `1번 → replay 계열, 3번 → Progressive Networks`), with their
/// texts; empty unless the bullet opens on one.
fn several_choices(html: &str) -> Vec<(usize, String)> {
    let mut out: Vec<(usize, String)> = Vec::new();
    let mut rest = html;
    let mut joint = "";
    loop {
        let cut = [" / ", ", "]
            .iter()
            .filter_map(|d| rest.find(d).map(|at| (at, *d)))
            .min_by_key(|&(at, _)| at);
        let (piece, next) = match cut {
            Some((at, d)) => (&rest[..at], Some((&rest[at + d.len()..], d))),
            None => (rest, None),
        };
        match (leading_choice(piece), out.last_mut()) {
            (Some((n, text)), _) => out.push((n, text.to_string())),
            (None, Some((_, text))) => {
                text.push_str(joint);
                text.push_str(piece);
            }
            (None, None) => return Vec::new(),
        }
        match next {
            Some((r, d)) => (rest, joint) = (r, d),
            None => return out,
        }
    }
}

/// Whether a bullet only says the other choices are right or wrong (`나머지는 다 맞는 설명`,
/// `나머지 틀림`), naming none of them: their cards' verdicts say it.
fn says_the_rest_are_judged(html: &str) -> bool {
    let text = html.trim_end_matches(['.', ' ']);
    text.starts_with("나머지")
        && [
            "맞는 설명",
            "맞음",
            "옳음",
            "옳은 설명",
            "틀림",
            "틀린 설명",
        ]
        .iter()
        .any(|v| text.ends_with(v))
        && !text.contains(|c: char| c.is_ascii_digit() || circled(c).is_some())
}

/// [`leading_choice`] of a bullet opening on one number or several (`2, 3번 O → …`).
fn leading_choices(html: &str) -> Option<(Vec<usize>, &str)> {
    if choice_mark(html).is_some() {
        return leading_choice(html).map(|(n, text)| (vec![n], text));
    }
    let numbers = html
        .bytes()
        .take_while(|b| b.is_ascii_digit() || matches!(b, b',' | b' '))
        .count();
    let head = html[..numbers].trim_end_matches([',', ' ']);
    let mut choices: Vec<usize> = Vec::new();
    for n in head.split(',') {
        choices.push(n.trim().parse().ok()?);
    }
    let last = choices.pop()?;
    let at = head
        .rfind(|c: char| !c.is_ascii_digit())
        .map_or(0, |i| i + 1);
    let (n, text) = leading_choice(&html[at..])?;
    (n == last).then_some(())?;
    choices.push(last);
    Some((choices, text))
}

/// A bullet explaining one choice by its number first: `1: PCA는 …`, `3 → GRU는 …`, `4번:
/// …`, `2) …`, or with the choice's verdict after its number (`1 O → 단조 증가`, `4 O`: no
/// text).
fn leading_choice(html: &str) -> Option<(usize, &str)> {
    let digits = html.bytes().take_while(u8::is_ascii_digit).count();
    // `① O → …`, `(1) 반대. …`: a circled digit or one in parentheses numbers the choice as
    // well.
    let (n, rest, ringed) = match choice_mark(html) {
        Some((n, mark)) => (n, &html[mark..], true),
        None => (html.get(..digits)?.parse().ok()?, &html[digits..], false),
    };
    let rest = rest.trim_start_matches("번").trim_start();
    // `1번 O: …` as much as `1 O → …`, `2번 (X): …` and `1) ✘ …`.
    let judged = VERDICT_MARKS.iter().chain(&CHECK_MARKS).find_map(|v| {
        let after = rest.strip_prefix(v)?;
        (after.is_empty() || after.starts_with(|c: char| c.is_whitespace() || c == ':'))
            .then(|| after.trim_start())
    });
    if judged.is_some_and(str::is_empty) {
        return Some((n, ""));
    }
    let rest = judged.unwrap_or(rest);
    // `① source 데이터 필요 없음`, `(1) 반대. …`: a circled digit, or one in parentheses,
    // numbers nothing but a choice, and needs no separator after it.
    let rest = match [":", "→", ")", "-", "—"]
        .iter()
        .find_map(|m| rest.strip_prefix(m))
    {
        // `90:10은 …` is a ratio, no choice: a choice's separator is followed by a space.
        Some(rest) if rest.starts_with(char::is_whitespace) => rest,
        _ if ringed => rest,
        _ => return None,
    };
    // `1) ✘ …`, `1) X → …`: the mark says the verdict the card's answer states already.
    let rest = rest.trim();
    let marked = CHECK_MARKS
        .iter()
        .find_map(|m| rest.strip_prefix(m))
        .map(str::trim_start)
        .or_else(|| {
            let after = VERDICT_MARKS
                .iter()
                .find_map(|m| rest.strip_prefix(m))?
                .trim_start();
            ["→", ":"]
                .iter()
                .find_map(|m| after.strip_prefix(m))
                .map(str::trim_start)
        });
    // `(3) log prior 가 상수라서 … ✔`: a closing mark says the verdict too.
    let text = marked.unwrap_or(rest);
    let text = CHECK_MARKS
        .iter()
        .find_map(|m| text.strip_suffix(m))
        .map_or(text, str::trim_end);
    Some((n, text))
}

/// A bullet explaining choices by numbers closing it: `batch_first=True → output = (16, 20,
/// 200) → 1, 2 틀림` gives choices 1 and 2 `batch_first=True → output = (16, 20, 200)`.
fn closing_choices(html: &str) -> Option<(Vec<usize>, &str)> {
    let (text, last) = html.rsplit_once('→')?;
    let numbers = ["틀림", "오답", "X", "맞음", "정답", "O"]
        .iter()
        .find_map(|v| last.trim().strip_suffix(v))?
        .trim()
        .trim_end_matches("번")
        .trim();
    let choices: Option<Vec<usize>> = numbers
        .split([',', '/'])
        .map(|n| n.trim().trim_end_matches("번").trim().parse().ok())
        .collect();
    Some((choices?, text.trim()))
}
