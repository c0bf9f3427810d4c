//! Loose bullets of a section that make no card although they read as statements: a
//! glossary of names the definition cards ask, and an example of the section's idea.

/// Why a loose bullet with nothing nested is no card, if it is none: a glossary, or an
/// example with nothing in bold (`- 예: "카테고리 = 공지 AND 작성일 ≥ 2024-01-01" …` hid a
/// made-up value).
pub(super) fn no_card(src: &str) -> Option<&'static str> {
    if is_glossary_line(src) {
        Some(GLOSSARY_LINE_REASON)
    } else if !src.contains("**") && is_example_line(src) {
        Some(EXAMPLE_LINE_REASON)
    } else {
        None
    }
}

/// Why a bullet listing only names with their expansions is no card.
const GLOSSARY_LINE_REASON: &str =
    "lists names with their expansions only; each name is a definition card";

/// Whether a bullet is only names each with its expansion in parentheses, parted by commas
/// (`- MLM (Masked Language Modeling), CLM (Causal Language Modeling)`): an expansion opens
/// with its name's letter and holds no number (`BERT (max 512)` is a fact of BERT's).
fn is_glossary_line(src: &str) -> bool {
    let text = bullet_text(src).trim_end().trim_end_matches(['.', ',']);
    let mut entries = 0;
    let mut rest = text;
    while !rest.is_empty() {
        let Some((name, after)) = rest.split_once(" (") else {
            return false;
        };
        let Some((expansion, after)) = after.split_once(')') else {
            return false;
        };
        let name = name.trim().trim_matches('*');
        if name.len() < 2
            || !name.starts_with(|c: char| c.is_ascii_uppercase())
            || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            || !expansion.contains(' ')
            || expansion.contains(|c: char| c == '(' || c.is_ascii_digit())
            || !expansion
                .trim()
                .get(..1)
                .is_some_and(|c| c.eq_ignore_ascii_case(&name[..1]))
        {
            return false;
        }
        entries += 1;
        rest = after.trim_start_matches('*').trim();
        rest = match rest.strip_prefix(',') {
            Some(r) => r.trim_start(),
            None if rest.is_empty() => rest,
            None => return false,
        };
    }
    entries >= 2
}

/// Why a loose bullet opening with `예:` is no card.
const EXAMPLE_LINE_REASON: &str =
    "an example of the section's idea (`- 예: …`), with nothing marked to recall";

/// Whether a bullet's source opens with `예:` or `예시:` (`- 예: "카테고리 = 공지 AND …"`)
/// and names no model or method outside quotes: `예: ResNet(2016) ImageNet 학습 → …` gives
/// a real model's setting, which is a fact.
fn is_example_line(src: &str) -> bool {
    let text = bullet_text(src);
    if !opens_example(src) && !titled_example(text) {
        return false;
    }
    let unquoted: String = text
        .split(['"', '“', '”'])
        .step_by(2)
        .collect::<Vec<_>>()
        .join(" ");
    !unquoted
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '-')
        .any(|w| {
            w.starts_with(|c: char| c.is_ascii_uppercase())
                && w.chars().filter(char::is_ascii_alphabetic).count() >= 2
        })
}

/// Whether a bullet's text opens with a short title ending on the word for an example,
/// before its premise, an arrow or a colon: `학습 쌍 예시 (window=2, "the cat sat on the mat",
/// 중심 "sat") → (sat, the), …`.
fn titled_example(text: &str) -> bool {
    let head = text.split(['(', '→', ':']).next().unwrap_or(text).trim();
    let words: Vec<&str> = head.split_whitespace().collect();
    words.len() <= 4 && words.last().is_some_and(|w| ["예시", "예제"].contains(w))
}

/// A bullet's source without its marker and the space around it.
fn bullet_text(src: &str) -> &str {
    src.trim_start()
        .trim_start_matches(['-', '*', '+'])
        .trim_start()
}

/// Whether a bullet opens an example: `예:`, `예)`, `예시` (`- 예시 (쿼리 1개, …)`), `e.g.` or
/// `Example`, not a word starting with `예` (`예측`).
pub(super) fn opens_example(src: &str) -> bool {
    let text = bullet_text(src);
    let after_ye = text.strip_prefix('예');
    after_ye.is_some_and(|r| r.starts_with(['시', ':', ')', ' ', '(']))
        || ["e.g.", "example"].iter().any(|w| {
            text.get(..w.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(w))
        })
}

/// Whether a bullet opens on a word drawing a conclusion from the line before (`따라서`,
/// `그래서`, `그러므로`, `Therefore`, `Thus`): no statement of its own.
pub(super) fn concludes(src: &str) -> bool {
    let text = bullet_text(src);
    ["따라서", "그래서", "그러므로", "therefore", "thus"]
        .iter()
        .any(|w| {
            text.get(..w.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(w))
                && text[w.len()..].starts_with([' ', ','])
        })
}
