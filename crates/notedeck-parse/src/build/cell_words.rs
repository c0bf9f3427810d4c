//! The words of a table cell's answer, as the rules that find it said again read them: which
//! words name something, their stems, and the words in Latin letters.

/// A word of an answer without the particle or ending it may carry (`귀무가설이` →
/// `귀무가설`, `확률` stays): its last character, for a Korean word of three syllables or
/// more.
pub(super) fn word_stem(word: &str) -> &str {
    let n = word.chars().count();
    if n >= 3 && word.chars().all(super::tables::is_hangul) {
        word.char_indices()
            .nth(n - 1)
            .map_or(word, |(at, _)| &word[..at])
    } else {
        word
    }
}

/// Whether `text` holds the number `n` whole: not as part of a longer one (`5` in `25`).
pub(super) fn contains_number(text: &str, n: &str) -> bool {
    text.match_indices(n).any(|(i, _)| {
        let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
        !digit(text[..i].chars().next_back()) && !digit(text[i + n.len()..].chars().next())
    })
}

/// The numbers `text` writes (`0.3`, `2,708`, `2`): runs of digits with the points and commas
/// between them, in order.
pub(super) fn numbers_in(text: &str) -> impl Iterator<Item = &str> {
    let b = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        let start = at + b[at..].iter().position(u8::is_ascii_digit)?;
        let mut end = start;
        while end < b.len()
            && (b[end].is_ascii_digit()
                || matches!(b[end], b'.' | b',') && b.get(end + 1).is_some_and(u8::is_ascii_digit))
        {
            end += 1;
        }
        at = end;
        Some(&text[start..end])
    })
}

/// Whether an answer says enough to be one clause's fact whatever the cell's facet is called:
/// two words or more, of [`SAYS_ENOUGH_MIN_CHARS`] letters in all (a Hangul syllable counting
/// two), one of them naming something (`서비스 코드 내부에 통합`, `관성 누적`; not `없음` or
/// `사용 가능`, which many clauses hold about something else).
pub(super) fn says_enough(value: &str) -> bool {
    // A Hangul syllable says what two or three Latin letters do: `관성 누적` is enough.
    let letters: usize = value
        .chars()
        .filter(|c| *c != ' ')
        .map(|c| if super::tables::is_hangul(c) { 2 } else { 1 })
        .sum();
    value.split(' ').count() >= 2
        && letters >= SAYS_ENOUGH_MIN_CHARS
        && value.split(' ').any(names_something)
}

/// Whether a word of a cell's answer names something rather than saying how (`사용`, `가능`,
/// `없음`, one letter): a cell summing up its subject's bullets must name two things they say.
pub(super) fn names_something(word: &str) -> bool {
    word.chars().count() >= 2 && !is_generic(word)
}

/// Whether a word only says how (`사용`, `가능`, `없음`), or joins (`및`, `and`).
pub(super) fn is_generic(word: &str) -> bool {
    const GENERIC: &[&str] = &[
        "사용", "가능", "필요", "있음", "없음", "방식", "기반", "적용", "수행", "높음", "낮음",
        "많음", "적음", "빠름", "느림", "후", "및", "등", "use", "used", "and", "or", "the",
    ];
    GENERIC.iter().any(|g| same_stem(g, word))
}

/// The words of `text` in Latin letters, lowercased, of two letters or more (`CI/CD` is `ci`
/// and `cd`); numbers, other scripts and HTML entities (`&lt;`) left out.
pub(super) fn latin_words(text: &str) -> Vec<String> {
    let b = text.as_bytes();
    let mut words = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && b[i].is_ascii_alphanumeric() {
            i += 1;
        }
        // `&lt;`: an entity's name is no word of the note's.
        let entity = start > 0 && b[start - 1] == b'&' && b.get(i) == Some(&b';');
        let w = &text[start..i];
        if !entity && w.len() >= 2 && w.bytes().all(|c| c.is_ascii_alphabetic()) {
            words.push(w.to_ascii_lowercase());
        }
    }
    words
}

/// Fewest letters of an answer [`says_enough`] reads as a clause's fact without its facet.
const SAYS_ENOUGH_MIN_CHARS: usize = 6;

/// Two words with one stem: equal, glued to a particle of up to two syllables (`방향`,
/// `방향으로`), or one predicate in two endings (`적음`, `적고`; `없음`, `없이`).
pub(super) fn same_stem(a: &str, b: &str) -> bool {
    if super::repeats::same_word(a, b) {
        return true;
    }
    // Borrowed: every word of a clause is compared with every word of a cell's answer.
    fn stem(w: &str) -> Option<&str> {
        let mut chars = w.chars();
        let last = chars.next_back()?;
        (!chars.as_str().is_empty() && ENDINGS.contains(&last)).then_some(chars.as_str())
    }
    matches!((stem(a), stem(b)), (Some(x), Some(y)) if x == y)
}

/// Endings of a Korean predicate in a note's terse bullets: `적음`, `적고`, `적으며`, `필요함`.
const ENDINGS: [char; 8] = ['음', '고', '며', '함', '임', '됨', '이', '게'];

/// The arrows a note writes a change with, and the plain word ([`plain_word`]) each says.
pub(super) const ARROW_WORDS: [(&str, &str); 2] = [("↓", "감소"), ("↑", "증가")];

/// The plainest of the words a note's terse cells and bullets say one thing with: a change
/// down (`하락`, `저하`, `↓`), up (`상승`, `향상`, `↑`), or sameness (`동일`).
pub(super) fn plain_word(word: &str) -> &str {
    match word {
        "하락" | "저하" | "감소함" => "감소",
        "상승" | "향상" | "증가함" => "증가",
        "동일" | "동일함" | "같다" => "같음",
        _ => word,
    }
}

/// Whether `row` names `part` with its last word cut short (`1×1 conv` of `1×1 Convolution`,
/// `Depthwise conv` of `Depthwise Convolution`): as many words, the others the same and the
/// last, of three Latin letters or more, the start of the part's. `BERT` is no `BERT large`.
pub(super) fn cut_short(row: &str, part: &str) -> bool {
    // Most parts are told apart by their length or first letter, before any word is cut.
    let first = |s: &str| s.bytes().next().map(|b| b.to_ascii_lowercase());
    if part.len() <= row.len() || first(part) != first(row) {
        return false;
    }
    let (Some((row_head, row_last)), Some((part_head, part_last))) =
        (row.rsplit_once(' '), part.rsplit_once(' '))
    else {
        return false;
    };
    row_last.len() >= 3
        && row_last.len() < part_last.len()
        && row_last.bytes().all(|b| b.is_ascii_alphabetic())
        && part_last.is_char_boundary(row_last.len())
        && part_last[..row_last.len()].eq_ignore_ascii_case(row_last)
        && row_head.eq_ignore_ascii_case(part_head)
}

/// Most characters of a cell's formula (spaces aside) looked for inside a card's formula.
const CELL_MATH_MAX_CHARS: usize = 20;

/// The card (of `cards`, each with its index) whose formula holds a table cell's whole
/// answer, one short condition or equation (`\(T=1\)`): the condition in `\(E[Y(1) - Y(0) \mid
/// T=1]\)`, written once more as a column of its own. Spaces do not count.
pub(super) fn math_said<'c>(
    back: &str,
    cards: impl Iterator<Item = (usize, &'c crate::Card)>,
) -> Option<usize> {
    let tex = back.trim().strip_prefix("\\(")?.strip_suffix("\\)")?;
    let compact = |t: &str| t.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let tex = compact(tex);
    let n = tex.chars().count();
    // A condition or an equation: an expression alone (`\\lambda`, `np(1-p)`) is a value
    // of its own, however many formulas hold it.
    let relation = ["=", "<", ">", "\\le", "\\ge", "\\neq"]
        .iter()
        .any(|r| tex.contains(r));
    if !relation || tex.contains("\\(") || !(3..=CELL_MATH_MAX_CHARS).contains(&n) {
        return None;
    }
    cards
        .filter(|(_, c)| c.kind != crate::CardKind::Cloze && c.back.contains("\\("))
        .find(|(_, c)| compact(&c.back).contains(&tex))
        .map(|(k, _)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_keep_their_points_and_commas() {
        let found: Vec<&str> = numbers_in("약 0.3초 + 노드 2,708개, 끝.5 x1").collect();
        assert_eq!(found, ["0.3", "2,708", "5", "1"]);
    }

    #[test]
    fn latin_words_leave_out_entities_numbers_and_single_letters() {
        assert_eq!(
            latin_words("CI/CD &lt;w&gt; Seen+Unseen 모두 x 1~2"),
            ["ci", "cd", "seen", "unseen"]
        );
    }

    #[test]
    fn stems_drop_one_ending() {
        assert!(same_stem("적음", "적고"));
        assert!(!same_stem("음", "고"));
        assert!(same_stem("없음", "없이"));
        assert!(!same_stem("적음", "작고"));
    }
}
