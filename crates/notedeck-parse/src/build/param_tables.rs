//! A table of defaults: each row names a subject, one of its parameters and that parameter's
//! default (`| **`f1_score`** | `average` | `'binary'` | 다중 클래스면 ValueError |` under `|
//! 함수 | 인자 | 기본값 | 메모 |`). Asked cell by cell, `f1_score › 인자` → `average` asked
//! nothing and `f1_score › 기본값` did not say of what; each row is one card, `f1_score ›
//! average 기본값` → `'binary'`, its other cells the answer's aside.

use super::Builder;
use super::defaults::says_default;
use crate::tree::{self, Block, Plain};

/// Headers of a column naming each row's parameter.
const PARAMETER_HEADERS: [&str; 12] = [
    "인자",
    "파라미터",
    "하이퍼파라미터",
    "속성",
    "옵션",
    "parameter",
    "param",
    "argument",
    "arg",
    "option",
    "attribute",
    "hp",
];

/// Headers of a column of values, defaults when the title says so (`주요 기본값 한눈에 보기`).
const VALUE_HEADERS: [&str; 3] = ["값", "value", "설정값"];

/// Why a table of defaults' other cells are no cards of their own.
pub(super) const PARAMETER_ROW_REASON: &str = "cell of a table of defaults: the row's parameter \
     or an aside on its default, shown on the row's default card";

/// Where a table of defaults keeps each row's parameter and its default.
pub(super) struct ParameterColumns {
    /// The column naming the parameter.
    pub(super) parameter: usize,
    /// The column of its default.
    pub(super) value: usize,
    /// What the front calls the value: the column's header when it says default, else
    /// `기본값`.
    pub(super) word: String,
}

impl Builder<'_, '_> {
    /// The parameter and default columns of a table under section `sec` whose header is
    /// `head`, when it is a table of defaults: after the first column, a column headed as a
    /// parameter (`인자`, `속성`, `parameter`), then one headed `기본값` (`default`), or `값`
    /// under a title that says default.
    pub(super) fn parameter_columns(
        &self,
        sec: Option<usize>,
        head: &[(Plain, &Block)],
    ) -> Option<ParameterColumns> {
        let headers: Vec<String> = head
            .iter()
            .map(|(p, _)| p.text.trim().to_lowercase())
            .collect();
        let parameter =
            (1..headers.len()).find(|&c| PARAMETER_HEADERS.contains(&headers[c].as_str()))?;
        let title_says_default = sec.is_some_and(|s| says_default(&self.info[s].short));
        let value = (parameter + 1..headers.len()).find(|&c| {
            says_default(&headers[c])
                || title_says_default && VALUE_HEADERS.contains(&headers[c].as_str())
        })?;
        let header = head[value].0.text.trim();
        let word = if says_default(header) {
            header
        } else {
            "기본값"
        };
        Some(ParameterColumns {
            parameter,
            value,
            word: word.to_string(),
        })
    }

    /// The row's parameter as shown after its subject (`average 기본값`), and its other
    /// cells, but the subject's, the parameter's and the default's, as an aside to the
    /// default (` (다중 클래스면 ValueError)`).
    pub(super) fn parameter_row(
        &self,
        columns: &ParameterColumns,
        row: &[(Plain, &Block)],
    ) -> Option<(String, String)> {
        let (cell, block) = row.get(columns.parameter)?;
        if cell.text.trim().is_empty() {
            return None;
        }
        let mut facet = String::new();
        tree::render(self.tree.inner(block), &mut facet, &self.copies);
        facet.push(' ');
        facet.push_str(&columns.word);
        let mut aside = String::new();
        for (c, (cell, block)) in row.iter().enumerate().skip(1) {
            if c == columns.parameter || c == columns.value || cell.text.trim().is_empty() {
                continue;
            }
            aside.push_str(if aside.is_empty() { " (" } else { "; " });
            tree::render(self.tree.inner(block), &mut aside, &self.copies);
        }
        if !aside.is_empty() {
            aside.push(')');
        }
        Some((facet, aside))
    }
}
