//! What stands right after a cloze's hidden part, once every rule has made its cards: a
//! gloss written onto it in the other script is hidden with it, and an aside explaining it
//! moves to the back. Shown, either gave the answer away.

use super::statements::GLOSSED_MAX_WORDS;

/// Widen each hidden part of a cloze card over a gloss written right after it in the other
/// script (`{{c1::더하기}}(additive)`, `{{c1::alignment}}(정렬)`): shown, the translation
/// is the answer. A gloss set apart by a space (`{{c1::coupling layer}} (삼각 행렬)`) says
/// what kind of thing the answer is, a cue that stays.
pub(super) fn hide_attached_glosses(card: &mut crate::Card) {
    // `Some(true)` for Hangul only, `Some(false)` for Latin letters only.
    let script = |t: &str| {
        let hangul = t.chars().any(super::tables::is_hangul);
        let latin = t.chars().any(|c| c.is_ascii_alphabetic());
        (hangul != latin).then_some(hangul)
    };
    let front = &card.front;
    let mut widened: Vec<Option<usize>> = Vec::with_capacity(card.cloze.len());
    for (i, d) in card.cloze.iter().enumerate() {
        let next_start = card.cloze.get(i + 1).map_or(front.len(), |n| n.range.start);
        let gloss_end = front[d.range.end..]
            .strip_prefix('(')
            .and_then(|inner| Some((inner, inner.find(')')?)))
            .filter(|&(inner, close)| {
                let gloss = &inner[..close];
                !gloss.contains(['(', '<', '\\'])
                    && gloss.split_whitespace().count() <= GLOSSED_MAX_WORDS
                    && script(gloss).is_some_and(|g| {
                        script(&super::facts::plain(&front[d.range.clone()])) == Some(!g)
                    })
            })
            .map(|(_, close)| d.range.end + "(".len() + close + ")".len())
            .filter(|&end| end <= next_start);
        widened.push(gloss_end);
    }
    if widened.iter().all(Option::is_none) {
        return;
    }
    let mut cloze = card.cloze.to_vec();
    for (d, end) in cloze.iter_mut().zip(widened) {
        if let Some(end) = end {
            d.range.end = end;
        }
    }
    card.cloze = cloze.into_boxed_slice();
}

/// Fewest words of an aside after a cloze's hidden part that explains it rather than names it.
const EXPLANATION_MIN_WORDS: usize = 3;

/// Move what a cloze's line says after its last hidden part, when that opens with an aside of
/// a few words (`토큰 간 {{c1::확률 순위는 바뀌지 않음}} (단조 변환) → 1위 토큰은 그대로 1위`,
/// `Recall = {{c1::정답 기준}} (실제 양성 중)`), to the back: it explains what is hidden, and
/// shown on the front it gave the answer away. The back (Back Extra) shows it once the part is
/// revealed. An aside of a word or two stays (`{{c1::coupling layer}} (삼각 행렬)`): it names
/// what is hidden. The card's key, and so its id, does not change.
pub(super) fn explanation_to_back(card: &mut crate::Card) {
    let (Some(first), Some(last)) = (card.cloze.first(), card.cloze.last()) else {
        return;
    };
    // `**{{c1::scale-independent}}** → 단위가 다른 …`: with nothing before the hidden part,
    // what follows it is the only cue, and it stays.
    let before = &card.front[..first.range.start];
    if super::facts::plain(before)
        .trim_matches(|c: char| !c.is_alphanumeric())
        .is_empty()
    {
        return;
    }
    let mut at = last.range.end;
    // The hidden part's own markup closes first (`**{{c1::…}}**`; bold and italic close in
    // either order, so bold is looked for on both sides of italic).
    for close in ["</b>", "</em>", "</b>"] {
        if card.front[at..].starts_with(close) {
            at += close.len();
        }
    }
    let rest = &card.front[at..];
    let tail = rest.trim();
    // A short aside names what the hidden part is (`{{c1::coupling layer}} (삼각 행렬)`):
    // without it the question fits other answers. An explanation runs longer.
    // An arrow alone may lead to the claim's other half (`CLT = … {{c1::표본평균}} → 정규분포`):
    // only an aside is set apart as explanation, with whatever follows it.
    // `후속: {{c1::HuBERT}} (k-means … target으로 masked prediction), **WavLM**, **XLS-R**`:
    // what follows the aside is the line's own, a cue to keep; only the aside goes.
    let (aside, after) = tail.split_at(aside_end(tail).unwrap_or(tail.len()));
    let explains =
        rest.starts_with(" (") && aside.split_whitespace().count() >= EXPLANATION_MIN_WORDS;
    // `이후 {{c1::1cycle policy}} (Smith, 2018)와 같이 쓰면 좋음`: a citation explains nothing,
    // and the sentence goes on after it.
    let cites = tail
        .get(1..)
        .and_then(|t| t.split_once(')'))
        .is_some_and(|(aside, _)| {
            aside
                .split(|c: char| !c.is_ascii_digit())
                .any(|w| w.len() == 4 && (w.starts_with("19") || w.starts_with("20")))
        });
    if !explains || cites {
        return;
    }
    let balanced = tail.matches("</").count() * 2 == tail.matches('<').count()
        && tail.matches("\\(").count() == tail.matches("\\)").count();
    if tail.is_empty() || !balanced {
        return;
    }
    let mut back = String::with_capacity(aside.len() + card.back.len() + 4);
    back.push_str(aside);
    if !card.back.is_empty() {
        back.push_str("<br>");
        back.push_str(&card.back);
    }
    card.back = back;
    let after = after.to_string();
    card.front.truncate(at);
    card.front.push_str(&after);
}

/// The end of the parenthesis `text` opens with (MathJax's `\(…\)` inside it aside), when
/// something of the line's own follows it.
fn aside_end(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    for (i, &b) in bytes.iter().enumerate() {
        let escaped = i > 0 && bytes[i - 1] == b'\\';
        match b {
            b'(' if !escaped => depth += 1,
            b')' if !escaped => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    // A notation going on (`(p, d, q)(P, D, Q)`) or an arrow to what the aside
                    // explains (`(단조 변환) → 1위 토큰은 그대로 1위`) is the aside's too.
                    let end = i + 1;
                    let rest = text[end..].trim_start();
                    let goes_on = rest.is_empty()
                        || text[end..].starts_with(['(', '\\'])
                        || rest.starts_with(['→', '('])
                        || rest.starts_with("-&gt;");
                    return (!goes_on).then_some(end);
                }
            }
            _ => {}
        }
    }
    None
}
