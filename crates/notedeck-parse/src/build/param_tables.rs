//! A table of defaults: each row names a subject, one of its parameters and that parameter's
//! default (`| **`f1_score`** | `average` | `'binary'` | 다중 클래스면 ValueError |` under `|
//! 함수 | 인자 | 기본값 | 메모 |`). Asked cell by cell, `f1_score › 인자` → `average` asked
//! nothing and `f1_score › 기본값` did not say of what; each row is one card, `f1_score ›
//! average 기본값` → `'binary'`, its other cells the answer's aside.

use super::Builder;
use super::default_values::says_default;
use super::facts::plain;
use crate::tree::{self, Block, Plain};
use crate::{CardKind, Span};

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

/// A row of a table of defaults as the cards before the table are searched for it: its
/// subject and the table's other subjects as a card names them ([`row_name`]), its
/// parameter and its default without the aside.
pub(super) struct RowDefault<'r> {
    subject: String,
    /// The names of the table's subjects, this row's among them.
    subjects: Vec<String>,
    param: &'r str,
    value: &'r str,
}

impl<'r> RowDefault<'r> {
    /// `None` when the row names no subject, parameter or default.
    pub(super) fn new(
        subjects: &[&str],
        subject: &str,
        param: &'r str,
        value: &'r str,
    ) -> Option<Self> {
        let value = value.split(" (").next().unwrap_or(value).trim();
        let subject = row_name(subject);
        if param.is_empty() || value.is_empty() || subject.is_empty() {
            return None;
        }
        let subjects = subjects
            .iter()
            .map(|s| row_name(s))
            .filter(|s| !s.is_empty())
            .collect();
        Some(RowDefault {
            subject,
            subjects,
            param,
            value,
        })
    }

    /// Whether `card` speaks of the row's subject: it names it, or names no subject of the
    /// table and the parameter is of three letters or more (`k` is too many functions').
    fn named_by(&self, card: &crate::Card) -> bool {
        let names = |s: &str| {
            words_at(&card.front, s).next().is_some() || words_at(&card.back, s).next().is_some()
        };
        names(&self.subject)
            || self.param.chars().count() > 2 && !self.subjects.iter().any(|s| names(s))
    }
}

impl Builder<'_, '_> {
    /// The line of a card made before the table (`earlier` of the drafts) that already
    /// states a row's default: one line of it names the parameter and then the value, as
    /// `param=value` or beside a word saying default (`` `zero_division='warn'` (기본) ``,
    /// `` `predict()`는 기본 threshold **0.5** ``), and the card names the row's subject
    /// ([`RowDefault::named_by`]: `` `pos_label=1` `` on the card of `f1_score`'s defaults
    /// states that subject's default, not `average_precision_score`'s).
    pub(super) fn default_stated(&self, earlier: usize, row: &RowDefault) -> Option<usize> {
        let (param, value) = (row.param, row.value);
        self.raw_cards[..earlier].iter().find_map(|r| {
            let card = &r.card;
            // A card's question and its answer's first line are one statement too
            // (`BN › momentum` → `0.1 (PyTorch 기본값, …)`).
            let asked = || {
                let first = card.back.lines().next().unwrap_or("");
                let first = first
                    .split("<li>")
                    .find(|l| !plain(l).trim().is_empty())
                    .unwrap_or("");
                format!("{} {}", plain(&card.front), plain(first))
            };
            let stated = (card.front.contains(param) || card.back.contains(param))
                && (card.front.contains(value) || card.back.contains(value))
                && row.named_by(card)
                // A back's list items are its lines, however the HTML is laid out.
                && (card.front.lines().chain(card.back.lines()))
                    .flat_map(|line| line.split("<li>"))
                    .flat_map(|line| line.split("<br>"))
                    .map(|line| unclozed(&plain(line)))
                    .chain((card.kind != CardKind::Cloze).then(asked))
                    .any(|line| states_default(&line, param, value));
            stated.then_some(card.line)
        })
    }

    /// Where a card made before the table (`earlier` of the drafts) states a row's default
    /// otherwise, as `param=other` on a line saying default (`FAISS 기본값: M=32, …,
    /// **efSearch=16**` against `| **`faiss.IndexHNSWFlat`** | `hnsw.efSearch` | 32 |`): the
    /// other value, the line's span and the value's, for a claim the row's meets. A dotted
    /// parameter is named by its last part too (`hnsw.efSearch` as `efSearch`); the card
    /// names the row's subject ([`RowDefault::named_by`]).
    pub(super) fn default_stated_otherwise(
        &self,
        earlier: usize,
        row: &RowDefault,
    ) -> Option<(String, Span, Span)> {
        let value = row.value;
        let short = row.param.rsplit('.').next().unwrap_or(row.param);
        if short.chars().count() < 3 {
            return None;
        }
        let same = |a: &str| {
            a == value
                || matches!((a.parse::<f64>(), value.parse::<f64>()), (Ok(x), Ok(y)) if x == y)
        };
        self.raw_cards[..earlier].iter().find_map(|r| {
            let card = &r.card;
            if r.tip || !row.named_by(card) {
                return None;
            }
            let src = self.text.get(card.span.clone())?;
            let mut at = card.span.start;
            for line in src.split_inclusive('\n') {
                let start = at;
                at += line.len();
                if !says_default(line) || super::default_values::default_of_another(line, short) {
                    continue;
                }
                // `config=…(num_rounds=3),  # 기본 num_rounds=1`: where a comment says default,
                // the code before it sets a value of its own.
                let from = line
                    .find(" #")
                    .filter(|&hash| says_default(&line[hash..]))
                    .unwrap_or(0);
                for end in words_at(line, short).filter(|&end| end > from) {
                    // In inline code (`` `n_bins=5` ``) the defaults rule reads it already.
                    if line[..end].matches('`').count() % 2 == 1 {
                        continue;
                    }
                    let after = line[end..].trim_start_matches([' ', '`']);
                    let Some(rest) = after.strip_prefix('=') else {
                        continue;
                    };
                    let rest = rest.trim_start_matches([' ', '`', '*']);
                    let token: &str = rest
                        .split(|c: char| !(c.is_ascii_alphanumeric() || "._-'\"".contains(c)))
                        .next()
                        .unwrap_or("");
                    let token = token.trim_end_matches('.');
                    if token.is_empty() || same(token) {
                        continue;
                    }
                    let value_at = start + (line.len() - rest.len());
                    let line_span = start..start + line.trim_end().len();
                    return Some((
                        token.to_string(),
                        line_span,
                        value_at..value_at + token.len(),
                    ));
                }
            }
            None
        })
    }
}

/// A row's subject as a card would name it: markup and a call's parentheses left off.
fn row_name(s: &str) -> String {
    s.trim_matches(['`', '*'])
        .trim_end_matches("()")
        .to_string()
}

/// `text` without a cloze's markers, as the student reads it once it is shown.
fn unclozed(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("{{c") {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        rest = rest.find("::").map_or("", |c| &rest[c + 2..]);
    }
    out.push_str(rest);
    out.replace("}}", "")
}

/// Whether a line of text says `param`'s default is `value` (each a whole word; see
/// [`Builder::default_stated`]).
fn states_default(line: &str, param: &str, value: &str) -> bool {
    let says_default = says_default(line);
    let numeric = value.parse::<f64>().is_ok();
    words_at(line, param).any(|end| {
        let after = &line[end..];
        let assigned = after.trim_start_matches([' ', '`']).starts_with('=');
        // A number is stated by the first number after its parameter: `alpha 기본값은 0.1
        // → 보통 0.05로 명시` gives the default 0.1, and 0.05 only as what is written.
        let first = || {
            let Some(at) = after.find(|c: char| c.is_ascii_digit()) else {
                return false;
            };
            let token = after[at..]
                .split(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '+')))
                .next()
                .unwrap_or("")
                .trim_end_matches('.');
            token == value
                || matches!((token.parse::<f64>(), value.parse::<f64>()), (Ok(a), Ok(b)) if a == b)
        };
        // `num_layers=1 인데 dropout>0 주면 …` sets a value as a condition, no default.
        let condition = || {
            words_at(after, value).next().is_some_and(|v| {
                let rest = after[v..].trim_start();
                ["인데", "이면", "일 때", "일때", "면 "]
                    .iter()
                    .any(|c| rest.starts_with(c))
            })
        };
        (assigned || says_default)
            && !condition()
            && words_at(after, value).next().is_some()
            && (!numeric || first())
    })
}

/// The ends of `word`'s occurrences in `text` that no letter, digit, `_` or `.` joins to a
/// longer word (`0.5` is not in `0.55`, `k` not in `top_k`, `nn` not in `nn.LSTM`). A full
/// stop closing a sentence joins nothing (`기본 0.7.`).
pub(super) fn words_at<'a>(text: &'a str, word: &'a str) -> impl Iterator<Item = usize> + 'a {
    let joins = |c: char| c.is_ascii_alphanumeric() || c == '_';
    text.match_indices(word).filter_map(move |(at, _)| {
        let end = at + word.len();
        let before = text[..at].chars().next_back();
        let mut after = text[end..].chars();
        let joined_after = match after.next() {
            Some('.') => after.next().is_some_and(joins),
            next => next.is_some_and(joins),
        };
        (!before.is_some_and(|c| joins(c) || c == '.') && !joined_after).then_some(end)
    })
}
