//! A summary row's measure said again by a bullet beside the row's name, and the small
//! numbers a bullet writes out as words: the number tests of the cells a bullet says again.

use super::RawCard;
use super::cells::{first_part, last_part};
use super::facts::{html_key, name_key, plain};
use super::tables::is_hangul;
use crate::CardKind;
use foldhash::{HashMap, HashMapExt, HashSet};

/// Longest measure a summary row's cell may be to be looked for in bullets (`138.4M`,
/// `약 0.3초`), in characters.
const MEASURE_MAX_CHARS: usize = 16;

/// Add to `gone` (kept in the order of the cells) a summary row's measure that a card of the
/// same facet gives beside the row's name: `VGG-16 › 파라미터 수` → `138.4M` after `VGGNet ›
/// 파라미터 수` → `VGG-16 138.4M, VGG-19 143.7M`, `EfficientNet-B0` → `5.3M` after `B0 5.3M`,
/// or `GoogLeNet` → `6.6M` after `GoogLeNet / Inception › 파라미터 수` → `6.6M → …`. The row
/// names a variant of the card's topic, which the subject keys of
/// [`super::cells::cells_in_bullets`] do not meet.
pub(super) fn measures_in_bullets(raw: &[RawCard], gone: &mut Vec<(usize, usize)>) {
    let taken: HashSet<usize> = gone.iter().map(|&(i, _)| i).collect();
    let measure = |r: &RawCard| {
        r.card.kind == CardKind::Table
            && r.contrast_of.is_none()
            && r.card.images.is_empty()
            && r.card.back.bytes().any(|b| b.is_ascii_digit())
            && r.card.back.chars().count() <= MEASURE_MAX_CHARS
    };
    let cells: Vec<usize> = (0..raw.len())
        .filter(|i| !taken.contains(i) && measure(&raw[*i]))
        .collect();
    if cells.is_empty() {
        return;
    }
    // The basic cards by the key of their last part, the facet they answer; only facets
    // opening as a cell's may be one (keyed once each: most are not).
    let opening = |facet: &str| {
        facet
            .chars()
            .find(|c| c.is_alphanumeric())
            .map(|c| c.to_lowercase().next().unwrap_or(c))
    };
    let openings: HashSet<char> = cells
        .iter()
        .filter_map(|&i| first_part(&raw[i].card.front).and_then(|(_, f)| opening(&plain(f))))
        .collect();
    let mut by_facet: HashMap<String, Vec<usize>> = HashMap::new();
    for (k, r) in raw.iter().enumerate() {
        if r.card.kind == CardKind::Basic
            && !r.tip
            && let Some((_, facet)) = last_part(&r.card.front)
            && (facet.contains('<') || opening(facet).is_some_and(|c| openings.contains(&c)))
        {
            by_facet.entry(html_key(facet)).or_default().push(k);
        }
    }
    // Each candidate's answer as plain text, made once though several rows ask it.
    let mut backs: HashMap<usize, String> = HashMap::new();
    let before = gone.len();
    for i in cells {
        let card = &raw[i].card;
        let Some((subject, facet)) = first_part(&card.front) else {
            continue;
        };
        let Some(cards) = by_facet.get(&html_key(facet)) else {
            continue;
        };
        let (subject, value) = (plain(subject), plain(&card.back));
        let subject_key = name_key(&subject);
        // `VGG-16` ends on `16`, `EfficientNet-B0` on `B0`.
        let tail = subject.rsplit([' ', '-']).next().unwrap_or(&subject);
        let mut named = |k: usize| {
            let front = &raw[k].card.front;
            let topic = last_part(front).map_or("", |p| p.0);
            let topic_names = topic
                .split(" › ")
                .flat_map(|p| p.split(" / "))
                .any(|p| html_key(p) == subject_key);
            let back = backs.entry(k).or_insert_with(|| plain(&raw[k].card.back));
            back.match_indices(value.as_str()).any(|(at, _)| {
                let whole = !back[..at].ends_with(|c: char| c.is_ascii_digit() || c == '.')
                    && !back[at + value.len()..]
                        .starts_with(|c: char| c.is_ascii_alphanumeric() || c == '.');
                let beside = back[..at]
                    .strip_suffix(' ')
                    .is_some_and(|b| b.ends_with(tail) && !tail.is_empty());
                whole && (topic_names || beside)
            })
        };
        if let Some(&k) = cards.iter().find(|&&k| k != i && named(k)) {
            gone.push((i, k));
        }
    }
    if gone.len() > before {
        gone.sort_by_key(|&(i, _)| i);
    }
}

/// Whether `text` writes the small number `n` as a Korean word (`하나`, `한 번` for `1`):
/// `Linear 1개` says `linear layer 하나` again.
pub(super) fn written_out(text: &str, n: &str) -> bool {
    let words: &[&str] = match n {
        "1" => &["하나", "한 "],
        "2" => &["둘", "두 "],
        "3" => &["셋", "세 "],
        "4" => &["넷", "네 "],
        _ => return false,
    };
    // A word of its own: `대한 `, `모두 ` hold no `한 `, `두 `.
    words.iter().any(|w| {
        text.match_indices(w)
            .any(|(at, _)| !text[..at].chars().next_back().is_some_and(is_hangul))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_written_out_is_a_word_of_its_own() {
        assert!(written_out("linear layer 하나", "1"));
        assert!(written_out("CNN에 <b>한 번만</b> 통과", "1"));
        assert!(!written_out("연산에 대한 설명", "1"));
        assert!(!written_out("모두 같은 값", "2"));
        assert!(!written_out("하나", "5"));
    }
}
