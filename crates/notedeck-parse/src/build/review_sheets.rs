//! What a summary table says again: a column summing each row up, and a table reviewing the
//! note's sections row by row. Notes close with such a table on purpose, to revise from; as
//! cards, each cell asked a section's fact a second time in other words.

use super::Builder;
use super::cell_words::contains_number;
use crate::SectionKind;
use crate::tree::Block;

/// Subjects at least of a table reviewing the note's sections.
const REVIEW_MIN_SUBJECTS: usize = 4;

/// Words of a heading that titles a summary (`모니터링 개념 요약표`, `방법 정리`), lowercased.
const SUMMARY_WORDS: [&str; 4] = ["요약", "정리", "summary", "cheat sheet"];

/// Why a cell of a table reviewing the note's sections is no card.
pub(super) const REVIEWED_REASON: &str = "table cell of a table reviewing the note's sections \
     (its rows name topics of several problems) that says again what its row's own section \
     says";

impl Builder<'_, '_> {
    /// The text of each subject's own section, lowercased, when `table` reviews the note's
    /// sections: under a heading titling a summary (section `sec`), four subjects or more,
    /// at least half of them naming a section above it (a topic or a facet anywhere in the
    /// note), those sections under two problems or more (`## 10. 모니터링 개념 요약표` with a
    /// row for each of `Data Drift`, `PSI`, `KS test`, …). Empty for any other table: a
    /// comparison is where a contrast is asked, and a problem's own summary of its topics
    /// compares them.
    pub(super) fn reviewed_sections(
        &mut self,
        sec: Option<usize>,
        table: &Block,
        subjects: &[&str],
    ) -> Vec<Option<String>> {
        let titled = sec.is_some_and(|s| {
            let title = self.info[s].short.to_lowercase();
            SUMMARY_WORDS.iter().any(|w| title.contains(w))
        });
        if !titled || subjects.len() < REVIEW_MIN_SUBJECTS {
            return Vec::new();
        }
        let found: Vec<Option<usize>> = subjects
            .iter()
            .map(|name| {
                let s = self.section_reviewed(name, table.span.start).or_else(|| {
                    // `ARIMA / SARIMA`: a row naming a topic and its variant reviews the
                    // topic's section (the variant is a facet of it).
                    let (first, _) = name.split_once(" / ")?;
                    self.section_reviewed(first, table.span.start)
                })?;
                (self.doc.sections[s].heading_span.start < table.span.start).then_some(s)
            })
            .collect();
        let named = found.iter().flatten().count();
        let mut problems: Vec<Option<usize>> = found
            .iter()
            .flatten()
            .map(|&s| self.problem_of(Some(s)))
            .collect();
        problems.sort_unstable();
        problems.dedup();
        if named * 2 < subjects.len() || problems.len() < 2 {
            return Vec::new();
        }
        found
            .iter()
            .map(|s| {
                let span = self.doc.sections[(*s)?].span.clone();
                Some(self.text.get(span)?.to_lowercase())
            })
            .collect()
    }

    /// The section a review table's row `name` reviews, if one has that title (or starts
    /// with its words: [`Self::titled_loosely`]).
    fn section_reviewed(&mut self, name: &str, before: usize) -> Option<usize> {
        self.topic_titled(name)
            .or_else(|| self.facet_titled(name))
            .or_else(|| self.titled_loosely(name, before))
            .or_else(|| self.titled_with_word(name, before))
    }

    /// The one topic or facet section above byte `before` whose title holds `name` (before
    /// its parentheses) as a word of its own: `LAS (AED)` for `Attention Encoder-Decoder: LAS
    /// (Listen, Attend and Spell)`.
    fn titled_with_word(&self, name: &str, before: usize) -> Option<usize> {
        let short = name.split(" (").next().unwrap_or(name).trim();
        if short.chars().count() < 2 || short.contains(' ') {
            return None;
        }
        self.only_titled(before, |title| {
            title
                .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '.'))
                .any(|w| w == short)
        })
    }

    /// The one topic or facet section above byte `before` whose title, or one side of it
    /// joined by `&` (`Self-Attention & Scaled Dot-Product Attention` for `Scaled
    /// Dot-Product`), starts with `name`'s words, each in the same or a longer form (`Shadow`
    /// for `Shadow Deployment (Dark Launch)`, `Alert threshold` for `Alerting Thresholds`): a
    /// review's short row names.
    fn titled_loosely(&self, name: &str, before: usize) -> Option<usize> {
        let wanted: Vec<String> = name.split_whitespace().map(str::to_lowercase).collect();
        if wanted.is_empty() {
            return None;
        }
        self.only_titled(before, |title| {
            let title = title.to_lowercase();
            title.split(" & ").any(|side| {
                let words: Vec<&str> = side.split_whitespace().collect();
                words.len() >= wanted.len()
                    && wanted.iter().zip(&words).all(|(w, t)| longer_form(w, t))
            })
        })
    }

    /// The one topic or facet section above byte `before` whose short title `fits`; none
    /// when two or more do.
    fn only_titled(&self, before: usize, fits: impl Fn(&str) -> bool) -> Option<usize> {
        let mut found = None;
        for (i, sec) in self.doc.sections.iter().enumerate() {
            if sec.heading_span.start >= before
                || !matches!(sec.kind, SectionKind::Topic | SectionKind::Facet)
                || !fits(&self.info[i].short)
            {
                continue;
            }
            if found.is_some() {
                return None;
            }
            found = Some(i);
        }
        found
    }
}

/// Whether `long` is `short` or `short` with a plural or `-ing` ending (`threshold`,
/// `thresholds`; `alert`, `alerting`).
fn longer_form(short: &str, long: &str) -> bool {
    long.strip_prefix(short)
        .is_some_and(|rest| matches!(rest, "" | "s" | "es" | "ing"))
}

/// Whether a review table's cell `value` says again what its row's section (`section`,
/// lowercased) says: every number of it and at least half its words (of two letters or
/// more) are in the section's text. Korean words are matched inside longer ones, as
/// particles attach to them (`변화` in `변화가`), and without up to two last syllables of
/// three or more.
pub(super) fn says_again(value: &str, section: &str) -> bool {
    let value = value.to_lowercase();
    let mut words = 0;
    let mut found = 0;
    for w in value.split(|c: char| !(c.is_alphanumeric() || c == '.')) {
        let w = w.trim_matches('.');
        let number = w.starts_with(|c: char| c.is_ascii_digit());
        if w.chars().count() < 2 && !number {
            continue;
        }
        if number {
            if !contains_number(section, w) {
                return false;
            }
            words += 1;
            found += 1;
            continue;
        }
        // `대표본이면` is there as `대표본에서는`: a Korean word loses up to two syllables.
        let mut there = section.contains(w);
        let mut stem = w;
        for _ in 0..2 {
            let shorter = super::cell_words::word_stem(stem);
            if there || shorter.len() == stem.len() {
                break;
            }
            stem = shorter;
            there = section.contains(stem);
        }
        words += 1;
        found += usize::from(there);
    }
    words > 0 && found * 2 >= words
}

/// Why a cell of a remarks column is no card.
pub(super) const REMARKS_COLUMN_REASON: &str = "table cell in a remarks column (`비고`, `참고`) or one summing each row \
     up (`핵심 내용`): an aside on the row, or what its section says, which asks nothing of its own";

/// Whether a column holds remarks (`비고`, `참고`, `메모`, `Notes`) rather than an attribute of its
/// subjects, or sums each row up (`핵심 내용`, `시험 포인트`): a summary table's such cells
/// say again what the row's own section says, under a front that names no question.
pub(super) fn is_remarks_column(name: &str) -> bool {
    const REMARKS: [&str; 14] = [
        "비고",
        "참고",
        "메모",
        "memo",
        "기타",
        "note",
        "notes",
        "remarks",
        "핵심 내용",
        "시험 포인트",
        "포인트",
        "요약",
        "summary",
        "key points",
    ];
    let name = name.trim();
    REMARKS.iter().any(|r| name.eq_ignore_ascii_case(r))
}
