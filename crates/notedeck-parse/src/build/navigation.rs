//! Lines that only point to other notes (`- 관련 노트: [[MLOps 정리]]`, `→ 자세한 내용은
//! [[AutoML 비교 정리]] 참고`): a way through the vault, not a fact to study. Carded, they
//! made `Topic › 핵심 내용` → `관련 노트: [[…]]`, or put a link Anki cannot follow at the end
//! of an answer. No card holds them; they are listed as skipped. So are the lines of a
//! problem's preface about studying it (`출제 포인트: …`, `… 다시 정리함`).

use super::Builder;
use crate::SectionKind;
use crate::tree::{Block, Kind};

/// Why such a line is no card, as the skipped list says.
pub(super) const NAVIGATION_REASON: &str =
    "points to another note (a link to follow in the vault, not a fact to study)";

/// Words a pointer line may hold besides its links, lowercased, longest first where one
/// holds another.
const POINTER_WORDS: [&str; 24] = [
    "관련 노트",
    "관련노트",
    "관련 문서",
    "참고 노트",
    "자세한 내용은",
    "자세한 내용",
    "자세히",
    "함께 보기",
    "같이 보기",
    "더 보기",
    "관련",
    "참고",
    "참조",
    "노트",
    "링크",
    "see also",
    "related notes",
    "related",
    "details",
    "more",
    "see",
    "->",
    "→",
    "👉",
];

/// Longest line (bytes, links included) read as a pointer: three links with their paths.
const LINE_MAX_BYTES: usize = 600;

/// Most bytes a pointer line holds besides its links (`→ 자세한 내용은 … 참고` is 28).
const POINTER_MAX_BYTES: usize = 64;

/// Particles a Korean pointer leaves once its link is taken out (`[[X]]를 참고`).
const PARTICLES: [&str; 8] = ["를", "을", "에서", "에", "도", "및", "와", "과"];

/// Whether `src`, a line's Markdown, only points to other notes: it links to one note or more
/// (`[[Title]]`, `[[Title#문항2|별칭]]`, `[text](Other%20Note.md)`, `[text](../폴더/X.md#y)`) and
/// holds no other words than a pointer's.
pub(super) fn points_to_notes(src: &str) -> bool {
    // A pointer is a short line holding a link (`[[`, or `](` after a bracket): most lines
    // are turned away by their length or one look for a bracket.
    let bytes = src.as_bytes();
    if bytes.len() > LINE_MAX_BYTES
        || !memchr::memchr_iter(b'[', bytes).any(|at| {
            bytes.get(at + 1) == Some(&b'[')
                || memchr::memchr(b']', &bytes[at..])
                    .is_some_and(|close| bytes.get(at + close + 1) == Some(&b'('))
        })
    {
        return false;
    }
    // `지식 증류의 temperature와 같은 수식 → [[자연어처리 최적화 정리]] 문항 15`: what the line
    // says is there, in the other note.
    if let Some((_, after)) = src.rsplit_once(" → ")
        && after.contains("[[")
        && points_to_notes_alone(after)
    {
        return true;
    }
    points_to_notes_alone(src)
}

/// [`points_to_notes`] of a line with no arrow to another note, once it holds a link.
fn points_to_notes_alone(src: &str) -> bool {
    let mut left = String::new();
    let mut links = 0;
    let mut s = src;
    while let Some(c) = s.chars().next() {
        if let Some(rest) = s.strip_prefix("[[")
            && let Some(end) = rest.find("]]")
        {
            links += 1;
            s = &rest[end + 2..];
            continue;
        }
        if c == '['
            && let Some(len) = note_link_len(s)
        {
            links += 1;
            s = &s[len..];
            continue;
        }
        left.push(c);
        if left.len() > POINTER_MAX_BYTES {
            // A sentence with a link in it, not a pointer.
            return false;
        }
        s = &s[c.len_utf8()..];
    }
    if links == 0 {
        return false;
    }
    // `관련 노트: [[자연어처리 최적화 정리]] (BLEU, ROUGE 계산식)`: an aside saying what the
    // other note holds is still a pointer's.
    let mut left = super::facts::without_asides(&left).to_lowercase();
    for w in POINTER_WORDS {
        left = left.replace(w, " ");
    }
    // `[[자연어처리 최적화 정리]] 문항 15`: where in the other note to look.
    let place = |w: &str| ["문항", "문제"].contains(&w) || w.bytes().all(|b| b.is_ascii_digit());
    left.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .all(|w| PARTICLES.contains(&w) || place(w))
}

/// Length of the Markdown link `[text](dest)` opening `s` when `dest` is a note in the vault
/// (a relative path ending in `.md`, maybe with a `#heading`); `None` for any other text.
fn note_link_len(s: &str) -> Option<usize> {
    let close = s.find(']')?;
    if s[1..close].contains('[') {
        return None;
    }
    let after = s[close + 1..].strip_prefix('(')?;
    let end = after.find(')')?;
    let dest = &after[..end];
    let path = dest.split('#').next().unwrap_or(dest);
    (path.ends_with(".md") && !dest.contains("://")).then_some(close + 2 + end + 1)
}

impl Builder<'_, '_> {
    /// A list item that only points to other notes ([`points_to_notes`]): its first line, with
    /// nothing nested under it.
    pub(super) fn is_navigation_item(&self, item: &Block) -> bool {
        if item.children.iter().any(|c| c.kind != Kind::Paragraph) {
            return false;
        }
        let src = self.text.get(item.span.clone()).unwrap_or_default();
        let line = src.trim_start();
        let line = line
            .strip_prefix(['-', '*', '+'])
            .unwrap_or_else(|| line.trim_start_matches(|c: char| c.is_ascii_digit()));
        let line = line.strip_prefix(['.', ')']).unwrap_or(line);
        points_to_notes(line)
    }

    /// A paragraph that only points to other notes ([`points_to_notes`]).
    pub(super) fn is_navigation_paragraph(&self, b: &Block) -> bool {
        points_to_notes(self.text.get(b.span.clone()).unwrap_or_default())
    }
}

/// Why a problem's line about studying it is no card.
pub(super) const STUDY_LOG_REASON: &str =
    "a note on studying the problem (what came up, what to review), no fact to recall";

/// Words of a line about studying a problem rather than about its subject: `LoRA 문제
/// 나왔던 거 → PEFT 전체로 확장해서 다시 정리함`, `출제 포인트: 수식, 초기화, …`.
const STUDY_LOG_WORDS: [&str; 4] = ["정리함", "출제 포인트", "나왔던 거", "문제 나왔"];

impl Builder<'_, '_> {
    /// Why `item` of a list is no card, when it is none: a line pointing to other notes
    /// ([`NAVIGATION_REASON`]), or a problem's line about studying it ([`STUDY_LOG_REASON`]).
    pub(super) fn skip_reason(&self, sec: Option<usize>, item: &Block) -> Option<&'static str> {
        if self.is_navigation_item(item) {
            Some(NAVIGATION_REASON)
        } else if self.is_study_log(sec, item) {
            Some(STUDY_LOG_REASON)
        } else {
            None
        }
    }

    /// Whether `item`, directly in a problem's own text (its preface, before any topic), is a
    /// line about studying the problem: carded, `LoRA 문제 나왔던 거 → {{c1::…다시 정리함}}`
    /// asked the student what they had written down, not what they had learnt. Only its own
    /// line is read: a bullet nested under it says nothing of it.
    fn is_study_log(&self, sec: Option<usize>, item: &Block) -> bool {
        if !sec.is_some_and(|s| self.doc.sections[s].kind == SectionKind::Problem) {
            return false;
        }
        let (lead, _) = self.tree.item_lead(item);
        let lead = crate::tree::span_of(self.tree.events.get(lead).unwrap_or_default());
        self.text
            .get(lead)
            .is_some_and(|t| STUDY_LOG_WORDS.iter().any(|w| t.contains(w)))
    }
}

#[cfg(test)]
mod tests {
    use super::points_to_notes;

    #[test]
    fn a_line_of_links_to_notes_and_pointer_words_points_to_notes() {
        for line in [
            "관련 노트: [[AutoML 모의고사 풀이 00369|AutoML 노트]]",
            "관련 노트: [[머신러닝 기초 모의고사 풀이 00910#문항2]]",
            "관련 노트: [머신러닝 기초 00907](../머신러닝%20기초/머신러닝%20기초%2000907.md)",
            "→ 자세한 내용은 [[AutoML 비교 정리 00691]] 참고",
            "자세한 내용은 [[MLOps 정리]]를 참고",
            "See also [[Transformer]], [[BERT]]",
            "[[GAN 정리]]",
        ] {
            assert!(points_to_notes(line), "{line}");
        }
    }

    #[test]
    fn a_line_with_words_of_its_own_or_a_web_link_does_not() {
        for line in [
            "Transformer는 [[Attention]] 기반 구조",
            "관련 노트: 없음",
            "논문: [Attention Is All You Need](https://arxiv.org/abs/1706.03762)",
            "[README](https://example.com/README.md)",
            "참고: 학습률은 0.001",
            "[x] 체크리스트",
        ] {
            assert!(!points_to_notes(line), "{line}");
        }
    }
}
