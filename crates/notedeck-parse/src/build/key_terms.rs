//! The term a statement is asked by: what a cloze of an unlabelled bullet hides. The author's
//! marks come first (bold, a gloss), then what the words show (a year, a counted number, a
//! Latin name in Korean prose), then what the sentence leads to (a result, a consequence).

use super::facts::offset_in;
use super::tables::is_hangul;
use crate::tree::Plain;

/// Endings of a phrase that says what something is not (`직접 실행하는 것이 아니라`).
const NEGATIONS: [&str; 4] = ["아니라", "아니고", "않고", "대신"];

/// Longest label (characters) opening a bold part before a colon (`**추정: …**`).
const BOLD_LABEL_MAX_CHARS: usize = 6;

/// Shortest key term worth hiding (characters): a one-letter variable asks nothing.
const TERM_MIN_CHARS: usize = 2;
/// Longest key term (characters): a cloze hides a term, not half the sentence.
const TERM_MAX_CHARS: usize = 40;

/// The term a statement is about, as the student would be asked it: a bold part the author
/// marked, else a Korean word glossed in English (`분리(decoupled)`), else a year, else a
/// number with its counter (`3개`, `1%`), else the value a variable is set to, else (with
/// `guess`) the name in Latin letters inside a Korean sentence (`cross-entropy loss`), else a
/// code span (`##`), else what a short name is said to equal (`탐지 = {{c1::분류 + 위치
/// 추정}}`), else the consequence a Korean condition leads to (`vocab이 다르면 {{c1::값을 직접
/// 비교할 수 없음}}`), else what the last arrow leads to, else the numbers the line states
/// (`k는 보통 {{c1::5 또는 10}} 사용`). Never the topic's own name, which the card's context
/// already shows.
pub(super) fn key_term(
    plain: &Plain,
    topic: &str,
    code: Option<&str>,
    guess: bool,
) -> Option<String> {
    let t = plain.text.trim();
    let topic = topic.to_lowercase();
    let fits = |s: &str| {
        let n = s.chars().count();
        (TERM_MIN_CHARS..=TERM_MAX_CHARS).contains(&n)
            && !topic.contains(&s.to_lowercase())
            && s.chars().count() < t.chars().count()
            && balanced(s)
    };
    // A bold term with its expansion (`**ECDF (Empirical Cumulative Distribution Function)**`)
    // is asked by its name; the expansion is hidden with it (`with_gloss` of the statements).
    let has_year = year(t).is_some();
    // `"사건이 **일어나는지**"(분류)가 아니라 "**언제** 일어나는지"`: a bold part the words
    // after it deny, before the next bold part, sets off the fact as one ending on the denial
    // does.
    let denied = |k: usize| {
        let after = plain.strong[k].end;
        let until = plain
            .strong
            .get(k + 1)
            .map_or(plain.text.len(), |n| n.start);
        plain
            .text
            .get(after..until)
            .is_some_and(|between| NEGATIONS.iter().any(|n| between.contains(n)))
    };
    let bolds = plain
        .strong
        .iter()
        .enumerate()
        .filter(|&(k, _)| plain.strong.len() < 2 || !denied(k))
        .map(|(_, s)| plain.text[s.clone()].trim())
        // `**추정: 부분우도 (partial likelihood)**`: a short label opening the bold part names
        // what the rest is; the rest is the term.
        .map(|s| match s.split_once(": ") {
            Some((label, rest))
                if label.chars().count() <= BOLD_LABEL_MAX_CHARS && !rest.trim().is_empty() =>
            {
                rest.trim()
            }
            _ => s,
        })
        .map(|s| match s.split_once(" (") {
            Some((name, _)) if !fits(s) && s.ends_with(')') => name.trim(),
            _ => s,
        })
        .filter(|s| fits(s))
        // `1970년 Box & Jenkins가 … **Box-Jenkins 방법론**으로 정리`: a term named after the
        // authors the line cites is given away by the citation. Only a line with a year cites.
        .filter(|s| !(has_year && super::citations::names_a_cited_author(t, s)));
    // `함수를 **직접 실행하는 것이 아니라**, … **JSON으로 출력**만 함`: what is denied sets
    // off the fact; hidden, the other bold part would give it away.
    let bold = bolds
        .clone()
        .find(|s| !NEGATIONS.iter().any(|n| s.ends_with(n)))
        .or_else(|| bolds.clone().next());
    // `cross-attention이 **없음** → 원 논문 decoder에서 cross-attention을 뺀 구조`: a yes
    // or no in bold is what the line after the arrow says again; that is the fact to hide.
    if let Some(b) = bold
        && super::cell_words::is_generic(b)
        && let Some(effect) = arrow_result(without_closing_aside(t)).filter(|e| fits(e))
    {
        return Some(effect.to_string());
    }
    if let Some(b) = bold {
        return Some(b.to_string());
    }
    // `**단사 함수(injective)**여야`: CommonMark leaves a `**` between `)` and a particle
    // literal, but the card shows it bold (`tree::stray`) and the author marked it.
    if plain.strong.is_empty()
        && let Some(b) = literal_bold(t).filter(|b| fits(b))
    {
        return Some(b.to_string());
    }
    // A word the author glossed in English is marked as the term as much as a bold one is
    // (`분리(decoupled)한 방법으로, 2019년 ICLR에서 발표`: the method is the fact, not the year).
    if let Some(g) = glossed_word(t).filter(|g| fits(g)) {
        return Some(g.to_string());
    }
    // `2016년 Redmon 등이 제안, 이후 …`: the year dates a paper, no fact to study. The rest
    // of the line is asked by what the words mark or show, never by a guessed name (an
    // author's, or `Student` of `Student는 Teacher의 분포를 따라 학습`).
    // Each pass takes a citation's words away; a line they cannot shorten is read as it is
    // (no pass may repeat itself for ever).
    if let Some(rest) = super::citations::without_citations(t).filter(|r| r.len() < t.len()) {
        if let Some(later) = super::citations::later_dated_subject(t).filter(|s| fits(s)) {
            return Some(later.to_string());
        }
        // `식별 → 추정 → 진단의 …`: steps in order are what the line teaches.
        if let Some(steps) = arrow_chain(&rest).filter(|s| fits(s)) {
            return Some(steps.to_string());
        }
        let rest = Plain {
            text: rest,
            ..Plain::default()
        };
        return key_term(&rest, &topic, code, false);
    }
    if let Some(year) = year(t).map(|y| with_range(t, y)).filter(|y| fits(y)) {
        return Some(year.to_string());
    }
    if let Some(n) = counted_number(t).filter(|n| fits(n)) {
        return Some(n.to_string());
    }
    if let Some(n) = assigned_number(t).filter(|n| fits(n)) {
        return Some(n.to_string());
    }
    // A closing aside (`… 좋아짐 (learning rate ↔ n_estimators 트레이드오프)`) restates the
    // sentence in other words: a name in it is no key term, and the consequence ends before it.
    let body = without_closing_aside(t);
    // `데이터셋 크기 증가 → GPU 한 장으로는 … 오래 걸림`: a name that is a small part of the
    // effect a line leads to is no term of its own; the effect is the fact (below). A name
    // that is most of it (`→ cross-entropy loss 사용`) is.
    let in_effect = |n: &str| {
        body.rfind(" → ").is_some_and(|at| {
            let effect = body[at + " → ".len()..].trim();
            super::facts::offset_in(body, n).is_some_and(|i| i > at)
                && n.chars().count() * 2 < effect.chars().count()
        })
    };
    // `metric 기본값 `faiss.METRIC_L2``: the default a line gives in code is what it teaches,
    // not the name of what defaults.
    if let Some(c) = code.map(str::trim).filter(|c| fits(c))
        && t.find(c)
            .is_some_and(|at| super::default_values::says_default(&t[..at]))
    {
        return Some(c.to_string());
    }
    if guess && let Some(n) = latin_name(body).filter(|n| fits(n) && !in_effect(n)) {
        return Some(n.to_string());
    }
    if let Some(c) = code.map(str::trim).filter(|c| fits(c)) {
        return Some(c.to_string());
    }
    // `탐지 = 분류 + 위치 추정`: what a short name equals is what the line teaches.
    if let Some((name, value)) = t.split_once(" = ") {
        let value = value.trim();
        if name.trim().chars().count() <= TERM_MAX_CHARS && !value.contains(" = ") && fits(value) {
            return Some(value.to_string());
        }
    }
    if let Some(c) = consequence(body).filter(|c| fits(c)) {
        return Some(c.to_string());
    }
    // A line pointing to another note (`… 같은 수식 → [[자연어처리 최적화 정리]] 문항 15`)
    // leads to no fact of its own, and its numbers are where to look.
    if body.contains("[[") {
        return None;
    }
    // `특성 스케일에 민감 → StandardScaler 먼저 적용`: what the arrow leads to.
    if let Some(c) = arrow_result(body).filter(|c| fits(c)) {
        return Some(c.to_string());
    }
    // `k는 보통 5 또는 10 사용`: the values a sentence gives.
    stated_numbers(body).filter(|n| fits(n)).map(str::to_string)
}

/// Whether `s` closes every parenthesis it opens and opens every one it closes: a part
/// ending inside an aside (`사기 탐지) / $\beta < 1$ : precision 중시`) cuts across two facts.
fn balanced(s: &str) -> bool {
    let mut depth = 0i32;
    for c in s.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            _ => {}
        }
        if depth < 0 {
            return false;
        }
    }
    depth == 0
}

/// Three steps or more of one word each joined by arrows (`식별 → 추정 → 진단의` →
/// `식별 → 추정 → 진단`), a particle after the last left out.
fn arrow_chain(t: &str) -> Option<&str> {
    // Each word with where it starts.
    let words: Vec<(usize, &str)> = t
        .split(' ')
        .scan(0usize, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, w))
        })
        .collect();
    let mut best: Option<(usize, usize)> = None;
    let mut i = 0;
    while i < words.len() {
        let mut j = i;
        while j + 2 < words.len() && words[j + 1].1 == "→" && !words[j + 2].1.is_empty() {
            j += 2;
        }
        if (j - i) / 2 + 1 >= 3 && best.is_none_or(|(a, b)| j - i > b - a) {
            best = Some((i, j));
        }
        i = j + 1;
    }
    let (a, b) = best?;
    let (last_at, last) = words[b];
    let last = PARTICLES
        .iter()
        .find_map(|p| last.strip_suffix(p).filter(|w| !w.is_empty()))
        .unwrap_or(last);
    t.get(words[a].0..last_at + last.len())
}

/// The text between the two literal `**` of `t` when it reads as bold: the first opens
/// before a non-space, the second closes after one. Two such parts mark two things: none
/// is the one.
pub(super) fn literal_bold(t: &str) -> Option<&str> {
    // Asked of every statement without bold: one byte search turns nearly all away.
    let star = memchr::memchr(b'*', t.as_bytes())?;
    let open = star + t[star..].find("**")?;
    let inner = &t[open + 2..];
    let close = inner.find("**")?;
    let b = &inner[..close];
    let alone = !inner[close + 2..].contains("**");
    (alone && !b.is_empty() && b.trim() == b && !b.contains('*')).then_some(b)
}

/// What the last arrow of a sentence leads to (`… → StandardScaler 먼저 적용`), when that is
/// two words or more and the sentence has something before it.
fn arrow_result(t: &str) -> Option<&str> {
    // An arrow inside a quoted example (`MF는 순서를 무시 → "노트북을 샀다 → 다음은 마우스"
    // 같은 패턴을 못 잡음`) is the example's: a cut there splits the quotation.
    let quoted = |at: usize| t[..at].matches(['"', '“', '”']).count() % 2 == 1;
    let at = t
        .match_indices(" → ")
        .map(|(at, _)| at)
        .filter(|&at| !quoted(at))
        .last()?;
    let (cause, result) = (&t[..at], &t[at + " → ".len()..]);
    let result = result.trim();
    (cause.split_whitespace().count() >= 2 && result.split_whitespace().count() >= 2)
        .then_some(result)
}

/// Whether byte `at` of `t` is inside parentheses: a number there is an aside's
/// (`Receptive field (층당 conv 1개 기준): $RF = …$`), the condition a statement holds
/// under rather than what it states.
fn in_parens(t: &str, at: usize) -> bool {
    t[..at].matches(['(', '（']).count() > t[..at].matches([')', '）']).count()
}

/// Numbers a sentence states as alternatives or a range (`5 또는 10`, `0.1~0.3`, `3`): from
/// its first number standing alone to its last, joined only by `또는`, `or`, `,`, `~`, `-`.
fn stated_numbers(t: &str) -> Option<&str> {
    // A number standing as a word of its own, not a part of a name (`GPT-3`, `v2`).
    let alone = |&(s, e): &(usize, usize)| {
        t[..s].chars().next_back().is_none_or(char::is_whitespace)
            && t[e..]
                .chars()
                .next()
                .is_none_or(|c| c.is_whitespace() || is_hangul(c))
    };
    let runs: Vec<(usize, usize)> = digit_runs(t)
        .filter(alone)
        .filter(|&(s, _)| !in_parens(t, s))
        .collect();
    let (first, last) = (runs.first()?, runs.last()?);
    let between = t.get(first.1..last.0).unwrap_or_default();
    let joined = between.split_whitespace().all(|w| {
        ["또는", "or", ",", "~", "-", "이나", "혹은"].contains(&w)
            || w.chars().all(|c| c.is_ascii_digit() || ".,~-".contains(c))
    });
    joined.then(|| &t[first.0..last.1])
}

/// `t` without the parenthesis it ends on, when something stands before it (`… 보통 좋아짐
/// (learning rate ↔ n_estimators 트레이드오프)` → `… 보통 좋아짐`).
fn without_closing_aside(t: &str) -> &str {
    match closing_aside(t) {
        Some((before, inside))
            if !inside.contains(['(', ')']) && before.split_whitespace().count() >= 2 =>
        {
            before
        }
        _ => t,
    }
}

/// The text before a parenthesis closing `t` (trimmed) and what it holds: `dilation (3×3
/// 기준)` → `("dilation", "3×3 기준")`; `None` when `t` ends on no parenthesis.
pub(super) fn closing_aside(t: &str) -> Option<(&str, &str)> {
    let (before, inside) = t.strip_suffix(')')?.rsplit_once(" (")?;
    Some((before.trim_end(), inside))
}

/// A Korean word glossed with its English name right after it (`분리(decoupled)`,
/// `동결(freeze)`): the author marked it as the term, so it is hidden with its gloss.
fn glossed_word(t: &str) -> Option<&str> {
    t.match_indices('(').find_map(|(open, _)| {
        let word_start = t[..open]
            .char_indices()
            .rev()
            .take_while(|&(_, c)| is_hangul(c))
            .last()
            .map(|(i, _)| i)?;
        let inner = &t[open + 1..];
        let close = inner.find(')')?;
        let gloss = &inner[..close];
        let english = gloss.chars().filter(char::is_ascii_alphabetic).count() >= 3
            && gloss
                .chars()
                .all(|c| c.is_ascii_alphabetic() || c == ' ' || c == '-');
        let syllables = t[word_start..open].chars().count();
        if !(english && syllables >= 2) {
            return None;
        }
        // `자유 생성(open-ended generation)`: a gloss of two words or more glosses as many
        // Korean words before it, when they are Korean words of their own.
        let mut start = word_start;
        for _ in 1..gloss.split_whitespace().count() {
            let before = t[..start].strip_suffix(' ')?;
            let word = before.rsplit(' ').next().unwrap_or(before);
            if word.is_empty() || !word.chars().all(is_hangul) {
                break;
            }
            start = before.len() - word.len();
        }
        Some(&t[start..open + 1 + close + 1])
    })
}

/// Nouns that end in `면` without being a condition (`측면`, `반면`).
const NOT_CONDITIONS: &[&str] = &[
    "측면", "반면", "화면", "표면", "단면", "평면", "전면", "국면", "방면", "이면", "내면", "외면",
];

/// What a Korean sentence says follows from its condition or cause: the clause after its last
/// `…면` (`토크나이저·vocab이 다르면 값을 직접 비교할 수 없음`) or `… 때문에,` when that is
/// short. The condition is the cue, the consequence the fact.
fn consequence(t: &str) -> Option<&str> {
    let t = t.trim_end_matches(['.', '。']);
    let mut cut = None;
    let mut at = 0;
    for w in t.split(' ') {
        let end = at + w.len();
        let condition = w.ends_with('면')
            && w.chars().count() >= 2
            && !NOT_CONDITIONS.iter().any(|n| w.ends_with(n));
        if condition || w.ends_with("때문에,") {
            cut = Some(end);
        }
        at = end + 1;
    }
    let cut = cut?;
    let (condition, rest) = (t[..cut].trim(), t[cut..].trim());
    (condition.chars().any(is_hangul)
        && rest.split(' ').count() >= 2
        && rest.chars().any(is_hangul))
    .then_some(rest)
}

/// What a sentence with no term marked in bold ends on after its last ` = `, when that is a
/// short result (`vocab $V$개에 균등 분포로 예측하면 PPL = $V$` → `V`): the fact is the
/// result, and a Latin word of the condition (`vocab`) is no key term. `None` for a sentence
/// that is an equation only, or whose result is long or holds another `=`.
pub(super) fn equation_result(plain: &Plain) -> Option<String> {
    if !plain.strong.is_empty() {
        return None;
    }
    let t = plain.text.trim();
    let (condition, result) = t.rsplit_once(" = ")?;
    // `padding = dilation (3×3 기준)`: the aside says when, and stays shown.
    let result = without_korean_aside(result.trim());
    let n = result.chars().count();
    (condition.split_whitespace().count() >= 3
        && (1..=24).contains(&n)
        && !result.contains('=')
        && condition.chars().any(is_hangul))
    .then(|| result.to_string())
}

/// `text` without a Korean aside closing it (`dilation (3×3 기준)` → `dilation`): it says
/// when the value holds, and stays shown. A parenthesis of a formula is no aside.
pub(super) fn without_korean_aside(text: &str) -> &str {
    match closing_aside(text) {
        Some((head, aside)) if aside.chars().any(is_hangul) && !head.is_empty() => head,
        _ => text,
    }
}

/// `first`, a year in `t` (a slice of it), with the year a range it opens ends on (`2006~2009`, `2006–2009`):
/// one end left shown would give the other away.
fn with_range<'t>(t: &'t str, first: &'t str) -> &'t str {
    let Some(start) = offset_in(t, first) else {
        return first;
    };
    let end = start + first.len();
    let rest = &t[end..];
    let Some(after) = rest
        .strip_prefix('~')
        .or_else(|| rest.strip_prefix('–'))
        .or_else(|| rest.strip_prefix('-'))
    else {
        return first;
    };
    let digits = after.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 4 && year(&after[..4]).is_some() {
        &t[start..t.len() - after.len() + 4]
    } else {
        first
    }
}

/// A year from 1900 to 2099 standing alone (not part of a longer number).
pub(super) fn year(t: &str) -> Option<&str> {
    digit_runs(t).find_map(|(s, e)| {
        let d = &t[s..e];
        // `작성일 ≥ 2024-01-01`: a date written out is an example's value, no year to study.
        let dated = t[e..]
            .strip_prefix('-')
            .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()));
        (d.len() == 4 && (d.starts_with("19") || d.starts_with("20")) && !dated).then_some(d)
    })
}

/// A number with the counter or unit right after it (`3개`, `16 items`, `1%`, `2배`).
fn counted_number(t: &str) -> Option<&str> {
    // `top-5 error`, `GPT-3`: a number hyphened to a word is part of a name; the second
    // side of `1×1` is part of a size.
    let in_name = |s: usize| {
        let mut before = t[..s].chars().rev();
        match before.next() {
            Some('-') => before.next().is_some_and(char::is_alphanumeric),
            Some('×' | 'x') => before.next().is_some_and(|c| c.is_ascii_digit()),
            _ => false,
        }
    };
    // `98~99%`: a range is one count, from the number before the `~`.
    let from = |s: usize| {
        t[..s].strip_suffix('~').map_or(s, |before| {
            let digits = before
                .bytes()
                .rev()
                .take_while(|b| b.is_ascii_digit() || *b == b'.')
                .count();
            if digits > 0 { s - 1 - digits } else { s }
        })
    };
    digit_runs(t)
        .filter(|&(s, _)| !in_parens(t, s) && !in_name(s))
        .find_map(|(s, e)| {
            let after = &t[e..];
            if after
                .strip_prefix('~')
                .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
            {
                return None;
            }
            let s = from(s);
            let unit: usize = after
                .char_indices()
                .take_while(|&(i, c)| i < 9 && (is_hangul(c) || c == '%' || c == '×' || c == 'x'))
                .map(|(_, c)| c.len_utf8())
                .sum();
            // `0인 구간`, `3이다`: a particle or a copula after a number counts nothing, though
            // a counter may open with a particle's syllable (`3가지`).
            let word = &after[..unit];
            let particle = PARTICLES.contains(&word) || word.starts_with(['인', '이']);
            // `1×1 conv`, `224×224`: a size, not one-fold; the size is the term.
            let rest = &after[unit..];
            if rest.starts_with(|c: char| c.is_ascii_digit()) {
                let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
                return Some(&t[s..e + unit + digits]);
            }
            if unit > 0 && unit <= 9 && !particle {
                // `1개라`, `99.5%인데`: the count is `1개`, `99.5%`; the ending joins the
                // sentence on.
                let counted = ENDINGS
                    .iter()
                    .chain(PARTICLES)
                    .find_map(|p| word.strip_suffix(p).filter(|w| !w.is_empty()))
                    .unwrap_or(word);
                return Some(&t[s..e + counted.len()]);
            }
            // `5 fps`, `300 epochs`: a short Latin unit after one space.
            let word = after.strip_prefix(' ')?;
            let letters = word.bytes().take_while(u8::is_ascii_alphabetic).count();
            let ends = word[letters..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_ascii_alphanumeric());
            ((1..=6).contains(&letters) && ends).then(|| &t[s..e + 1 + letters])
        })
}

/// The number a variable is set to (`p = 0.5`): the value the statement teaches.
fn assigned_number(t: &str) -> Option<&str> {
    digit_runs(t).find_map(|(s, e)| t[..s].trim_end().ends_with('=').then(|| &t[s..e]))
}

/// Runs of ASCII digits (with inner `.` or `,`), as byte ranges.
pub(super) fn digit_runs(t: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let b = t.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < b.len() {
            if b[i].is_ascii_digit() && (i == 0 || !b[i - 1].is_ascii_alphanumeric()) {
                let s = i;
                while i < b.len()
                    && (b[i].is_ascii_digit()
                        || (matches!(b[i], b'.' | b',')
                            && b.get(i + 1).is_some_and(u8::is_ascii_digit)))
                {
                    i += 1;
                }
                if b.get(i).is_none_or(|c| !c.is_ascii_alphabetic()) {
                    return Some((s, i));
                }
            }
            i += 1;
        }
        None
    })
}

/// Endings a count may run into when the sentence goes on from it (`정답 1개라`, `pixel
/// acc 99.5%인데`): a copula's or a connective's syllables.
const ENDINGS: &[&str] = &["인데", "이라", "라서", "이고", "이며", "이면", "라", "인"];

/// Particles a listed name may carry at the end of its list (`ELECTRA에서`).
const PARTICLES: &[&str] = &[
    "에서", "에게", "으로", "까지", "부터", "처럼", "보다", "에", "의", "을", "를", "이", "가",
    "은", "는", "와", "과", "로", "도", "만",
];

/// The longest run of Latin words (`cross-entropy loss`) in a sentence that is mostly Korean:
/// in these notes the English words inside Korean prose are the technical names. A word
/// glued to Korean (`W_0에`) is not one.
fn latin_name(t: &str) -> Option<&str> {
    if !t.chars().any(is_hangul) {
        return None;
    }
    let is_word = |w: &str| {
        w.chars().any(|c| c.is_ascii_alphabetic())
            && w.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    };
    let mut best: Option<(usize, usize)> = None;
    let mut run: Option<(usize, usize)> = None;
    // The run just ended, kept when it is the longest name so far.
    let end_run = |run: &mut Option<(usize, usize)>, best: &mut Option<(usize, usize)>| {
        if let Some((s, e)) = run.take() {
            let letters = t[s..e].chars().filter(char::is_ascii_alphabetic).count();
            if letters >= 3 && best.is_none_or(|(bs, be)| e - s > be - bs) {
                *best = Some((s, e));
            }
        }
    };
    let words = t.split(' ').scan(0usize, |at, w| {
        let start = *at;
        *at += w.len() + 1;
        Some((start, w))
    });
    // Names listed with commas (`BERT, DistilBERT, ELECTRA에서`): the run goes on over each
    // comma, and the name after the last comma may carry the sentence's particle.
    let mut after_comma = false;
    // Inside an aside in parentheses (`PPO (Proximal Policy Optimization)는`, `C4.5(정보 이득
    // 비율, gain ratio)`): its words are an expansion or a gloss, and a piece of it (`gain`,
    // `rate` of `(learning rate`) is no name.
    let mut in_aside = false;
    for (start, w) in words.chain(std::iter::once((t.len(), ""))) {
        if in_aside || w.contains('(') {
            end_run(&mut run, &mut best);
            in_aside = w.rfind('(') > w.rfind(')') || in_aside && !w.contains(')');
            after_comma = false;
            continue;
        }
        let bare = w.strip_suffix(',').unwrap_or(w);
        // `… vs codebook 저장은`, `weighted vs unweighted, …`: a line setting things side by
        // side names no one of them.
        if matches!(bare, "vs" | "vs.") {
            return None;
        }
        if is_word(bare) {
            run = Some(run.map_or((start, start + bare.len()), |(s, _)| {
                (s, start + bare.len())
            }));
            after_comma = bare.len() < w.len();
            continue;
        }
        // `accuracy, macro avg, weighted avg를`: the last name may be of two words.
        let listed = run.is_some_and(|(s, e)| t[s..e].contains(", "));
        if (after_comma || listed)
            && let Some((s, _)) = run
            && let Some(name) = PARTICLES
                .iter()
                .find_map(|p| w.strip_suffix(p).filter(|n| is_word(n)))
        {
            run = Some((s, start + name.len()));
        }
        // `vocab size V, hidden 차원 d`: a last name read on by a Korean word is that word's
        // modifier, not one of the names listed.
        if let Some((s, e)) = run
            && w.starts_with(is_hangul)
            && let Some(comma) = t[s..e].rfind(", ")
        {
            run = Some((s, s + comma));
        }
        after_comma = false;
        end_run(&mut run, &mut best);
    }
    best.map(|(s, e)| &t[s..e])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_years_and_names() {
        assert_eq!(year("2018년에 발표된 DARTS"), Some("2018"));
        assert_eq!(year("20180 tokens"), None);
        let t = "넷플릭스 프라이즈(2006~2009)가 행렬 분해 기법을 널리 알림";
        assert_eq!(year(t).map(|y| with_range(t, y)), Some("2006~2009"));
        let t = "2014년 Kingma & Ba가 제안 (ICLR 2015 발표)";
        assert_eq!(year(t).map(|y| with_range(t, y)), Some("2014"));
        assert_eq!(counted_number("게이트 수는 3개"), Some("3개"));
        assert_eq!(counted_number("약 5 fps로 거의 실시간"), Some("5 fps"));
        assert_eq!(counted_number("3 scale × 3 ratio"), Some("3 scale"));
        assert_eq!(counted_number("v2 이후 12 transformers"), None);
        assert_eq!(counted_number("GPT-3 모델"), None);
        // A particle is no counter: `0인 구간` counts nothing.
        assert_eq!(counted_number("비율이 0인 구간은 ln 0 문제"), None);
        assert_eq!(counted_number("장점은 3가지"), Some("3가지"));
        assert_eq!(
            assigned_number("은닉층에서는 보통 p = 0.5, 입력층은 더 낮게(예: 0.2) 사용"),
            Some("0.5")
        );
        assert_eq!(assigned_number("a == b, 3 times"), None);
        assert_eq!(
            latin_name(
                "다음에 올 단어를 예측하는 방식으로 사전 학습 수행 → cross-entropy loss 사용"
            ),
            Some("cross-entropy loss")
        );
        assert_eq!(latin_name("All in English here"), None);
        assert_eq!(
            latin_name("vocab size V, hidden 차원 d → embedding 파라미터"),
            Some("vocab size V")
        );
        assert_eq!(
            latin_name("BERT, DistilBERT, ELECTRA에서 사용하는 토크나이저"),
            Some("BERT, DistilBERT, ELECTRA")
        );
        assert_eq!(
            latin_name("클래스별 P/R/F1 + accuracy, macro avg, weighted avg를 한 번에 출력"),
            Some("accuracy, macro avg, weighted avg")
        );
    }
}
