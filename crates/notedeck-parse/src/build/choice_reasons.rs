//! An exam's answer line giving a reason for each choice it names (`→ 정답: (2) — (1) 사용자
//! 취향은 자주 변해서 재계산 필요, (3) MF는 …, (4)는 CF 설명임`): each reason belongs on the card
//! of the choice it names, not all of them on the chosen one's.

use super::true_false::{choice_mark, circled};

/// An answer line's reason split at the choice marks in it (`(1) 사용자 취향은 …, (3) MF는 …,
/// (4)는 CF 설명임`): what comes before the first mark, and each marked part with its
/// choice, the particle after its mark left out (`(4)는 CF 설명임` is `CF 설명임` on choice
/// 4's own card). The whole reason, and no parts, unless every mark names a distinct choice
/// of `count` and has a reason of its own.
pub(super) fn reasons_by_choice(why: &str, count: usize) -> (String, Vec<(usize, String)>) {
    let mut marks: Vec<(usize, usize, usize)> = Vec::new();
    for (at, c) in why.char_indices() {
        if !(c == '(' || circled(c).is_some()) {
            continue;
        }
        let opens = why[..at].trim_end().is_empty() || why[..at].trim_end().ends_with([',', ';']);
        if let Some((n, len)) = choice_mark(&why[at..]).filter(|_| opens) {
            // `(1) 사용자 …`, `(4)는 CF …`; `(1)과 (3)은 틀림` speaks of two at once.
            let after = &why[at + len..];
            if !(after.starts_with(' ')
                || ["는 ", "은 ", "이 ", "가 "]
                    .iter()
                    .any(|p| after.starts_with(p)))
            {
                return (why.to_string(), Vec::new());
            }
            marks.push((at, n, len));
        }
    }
    let mut seen: Vec<usize> = marks.iter().map(|&(_, n, _)| n).collect();
    seen.sort_unstable();
    seen.dedup();
    if marks.is_empty() || seen.len() != marks.len() || seen.iter().any(|&n| n == 0 || n > count) {
        return (why.to_string(), Vec::new());
    }
    let lead = why[..marks[0].0]
        .trim()
        .trim_end_matches([',', ';', '—', '-'])
        .trim();
    let parts = marks
        .iter()
        .enumerate()
        .map(|(i, &(at, n, len))| {
            let end = marks.get(i + 1).map_or(why.len(), |m| m.0);
            let text = why[at + len..end]
                .trim()
                .trim_end_matches([',', ';'])
                .trim();
            // `(4)는 CF 설명임`: the particle speaks of the choice, which the card is.
            let text = ["는 ", "은 ", "이 ", "가 "]
                .iter()
                .find_map(|p| text.strip_prefix(p))
                .unwrap_or(text);
            (n, text.to_string())
        })
        .collect::<Vec<_>>();
    // `(1), (3) 모두 틀림`: a mark with nothing of its own shares the next one's reason.
    if parts.iter().any(|(_, text)| text.is_empty()) {
        return (why.to_string(), Vec::new());
    }
    (lead.to_string(), parts)
}

#[cfg(test)]
mod tests {
    use super::reasons_by_choice;

    #[test]
    fn reasons_by_choice_split_only_on_distinct_choices() {
        let (lead, parts) = reasons_by_choice("둘 다 맞음, (1) A임; ② B임", 4);
        assert_eq!(lead, "둘 다 맞음");
        assert_eq!(parts, [(1, "A임".to_string()), (2, "B임".to_string())]);
        // A choice named twice, one out of range, a parenthesis inside a word, or a reason
        // shared by two choices: kept whole.
        for why in [
            "(1) A, (1) B",
            "(5) 없음",
            "f(1) 값이 큼",
            "(1), (3) 모두 틀림",
            "(1)과 (3)은 틀림",
        ] {
            assert_eq!(reasons_by_choice(why, 4), (why.to_string(), Vec::new()));
        }
    }
}
