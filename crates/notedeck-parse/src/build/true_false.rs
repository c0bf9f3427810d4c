//! Exam statements marked true or false, as a student copies an exam's choices with their
//! verdicts: `- DBSCAN은 군집 개수를 미리 정해야 한다 → (X), eps와 min_samples만 정하면 군집
//! 수는 자동으로 결정됨`. Read as any statement, the cloze hid `(O) ← 정답` or the correction
//! the visible `(X)` gave away. Asked as the exam asks it: the statement, true or false? The
//! answer is the verdict with the correction.

use super::Builder;
use super::facts::plain;
use crate::tree::Block;

/// The verdicts, as written after the arrow, and whether each says true.
const VERDICTS: [(&str, bool); 4] = [("(O)", true), ("(X)", false), ("(○)", true), ("(×)", false)];

/// Marks after a verdict that only say which choice the exam wanted (`(O) ← 정답`).
const ANSWER_MARKS: [&str; 3] = ["← 정답", "<- 정답", "(정답)"];

impl Builder<'_, '_> {
    /// A card for `item` (a bullet with nothing nested) when it is an exam statement with its
    /// verdict; whether it made one.
    pub(super) fn true_false_card(&mut self, sec: Option<usize>, item: &Block, src: &str) -> bool {
        if !VERDICTS.iter().any(|(v, _)| src.contains(v)) {
            return false;
        }
        let html = self.item_lead_html(item);
        let Some((statement, verdict, correction)) = split_verdict(html.trim()) else {
            return false;
        };
        let mut back = String::from(if verdict { "O" } else { "X" });
        if !correction.is_empty() {
            back.push_str(" — ");
            back.push_str(correction);
        }
        let key = plain(statement);
        let front = format!("{statement} (O/X)");
        self.push_item_card(sec, item, key, front, back);
        true
    }
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
    let &(mark, verdict) = VERDICTS.iter().find(|(v, _)| rest.starts_with(v))?;
    rest = rest[mark.len()..].trim_start();
    for m in ANSWER_MARKS {
        rest = rest.strip_prefix(m).unwrap_or(rest).trim_start();
    }
    if bold {
        rest = rest.strip_prefix("</b>")?.trim_start();
    }
    let correction = rest.trim_start_matches([',', ':', ';']).trim();
    // Anything but a clause after the verdict (`(O)` inside a sentence) is no verdict.
    if !rest.is_empty() && !rest.starts_with([',', ':', ';']) {
        return None;
    }
    Some((statement, verdict, correction))
}

#[cfg(test)]
mod tests {
    use super::split_verdict;

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
        assert_eq!(split_verdict("정답 → (X) 표시가 붙은 보기"), None);
        assert_eq!(split_verdict("→ (O)"), None);
    }
}
