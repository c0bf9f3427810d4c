//! `conflicting-claim`: one subject, one attribute, two values that cannot both be true.
//!
//! Notes repeat themselves on purpose (a bullet list, then a comparison table), and two
//! differently worded values are usually both right: "장점" lists several advantages, "정의"
//! paraphrases. So values are compared only where a careful reader would agree they clash:
//! - formulas: `ΔW = A × B` vs `ΔW = BA` (matrix products do not commute);
//! - quantities: the same words with different numbers (`3개` vs `2개`);
//! - opposites: the same words with opposite endings (`필요` / `불필요`, `많음` / `적음`,
//!   `있음` / `없음`, `O` / `X`).
//!
//! Within one topic, a formula can also be contradicted by a formula for something else:
//! the notes write "**W + ΔW** 형태", `ΔW = A × B` and `y' = (W + BA)x`. Substituting the
//! sum gives ΔW = BA, which is not A × B (see [`implied_formula_conflicts`]).

use crate::index::postings;
use crate::{Code, Finding, Fix, Note, Related, Workspace};
use foldhash::{HashMap, HashMapExt};
use notedeck_parse::counts::counted;
use notedeck_parse::implied::{formula_form as formula, squash};
use notedeck_parse::{Claim, ClaimOrigin, name_key};
use std::path::Path;

/// What makes two claims comparable: normalised subject and attribute.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ClaimKey {
    subject: String,
    attribute: String,
}

/// The comparison key of a claim. Names lose their parenthetical asides as the parser's fact
/// keys do (`LSTM (Long Short-Term Memory)` is `LSTM`, `CI (지속적 통합)` is `CI`), so a table
/// row and a topic's bullet meet; a formula's left side keeps its parentheses (`f(x)`).
pub fn key(claim: &Claim) -> ClaimKey {
    ClaimKey {
        subject: name_key(&claim.subject),
        attribute: if claim.origin == ClaimOrigin::Formula {
            squash(&claim.attribute)
        } else {
            name_key(counted(&claim.attribute))
        },
    }
}

/// The claims under `key`, in path and source order (through the workspace index).
pub fn claims_with<'a>(ws: &'a Workspace, key: &ClaimKey) -> Vec<(&'a Path, &'a Claim)> {
    postings(&ws.index, &ws.index.claims, key)
        .into_iter()
        .flat_map(|(path, note, positions)| {
            positions
                .iter()
                .filter_map(|&i| note.doc.claims.get(i as usize))
                .map(move |c| (path, c))
        })
        .collect()
}

/// Findings for the claims of one key (in path and source order) whose values clash with an
/// earlier one. The primary span is the later claim; the earlier one is related, so each clash
/// is reported once.
///
/// Values are bucketed by what they would have to share to clash (the words around the
/// numbers, the stem before an opposite ending), so a key repeated across hundreds of notes
/// costs linear time, not a comparison of every pair.
pub fn conflicts_among(claims: &[(&Path, &Claim)]) -> Vec<Finding> {
    let mut quantities: HashMap<String, Vec<(Vec<String>, usize)>> = HashMap::new();
    let mut polar: HashMap<(String, usize), [Option<usize>; 2]> = HashMap::new();
    let mut formulas: Vec<(String, usize)> = Vec::new();
    let mut out = Vec::new();
    for (j, (path, claim)) in claims.iter().enumerate() {
        if claim.origin != ClaimOrigin::Formula && !may_clash(&claim.value) {
            continue;
        }
        // An aside elaborates a value: `3개 (입력, 망각, 출력 게이트)` says 3개.
        let mut value = squash(&without_asides(&claim.value));
        if value.is_empty() {
            value = squash(&claim.value);
        }
        if value.is_empty() {
            continue;
        }
        let mut earlier: Option<usize> = None;
        if claim.origin == ClaimOrigin::Formula {
            let f = formula(&claim.value);
            if !f.is_empty() {
                earlier = formulas.iter().find(|(g, _)| *g != f).map(|(_, i)| *i);
                if !formulas.iter().any(|(g, _)| *g == f) {
                    formulas.push((f, j));
                }
            }
        } else {
            if let Some((words, numbers)) = quantity(&value) {
                let seen = quantities.entry(words).or_default();
                earlier = seen
                    .iter()
                    .find(|(n, _)| !same_numbers(n, &numbers))
                    .map(|(_, i)| *i);
                if !seen.iter().any(|(n, _)| same_numbers(n, &numbers)) {
                    seen.push((numbers, j));
                }
            }
            if let Some((stem, pair, positive)) = polarity(&value) {
                let seen = polar.entry((stem, pair)).or_default();
                earlier = earlier.or(seen[usize::from(!positive)]);
                seen[usize::from(positive)].get_or_insert(j);
            }
        }
        let Some((first_path, first)) = earlier.and_then(|i| claims.get(i)) else {
            continue;
        };
        out.push(Finding {
            code: Code::ConflictingClaim,
            severity: Code::ConflictingClaim.severity(),
            message: format!(
                "{} › {}: \"{}\" here but \"{}\" {}",
                claim.subject.trim(),
                claim.attribute.trim(),
                claim.value.trim(),
                first.value.trim(),
                where_(first.origin)
            ),
            path: path.to_path_buf(),
            span: claim.value_span.clone(),
            related: vec![Related {
                path: first_path.to_path_buf(),
                span: first.value_span.clone(),
                message: format!("\"{}\" here", first.value.trim()),
            }],
            fixes: Vec::new(),
        });
    }
    out
}

/// Formula claims contradicted by another formula of the same topic once a sum written in the
/// text is substituted ([`notedeck_parse::implied_formula_slips`]): with "W + ΔW" in the text
/// and `y' = (W + BA)x`, ΔW must be `BA`, so `ΔW = A × B` is flagged, with a fix to `BA`.
pub fn implied_formula_conflicts(path: &Path, note: &Note) -> Vec<Finding> {
    let claims = &note.doc.claims;
    notedeck_parse::implied_formula_slips(&note.text, &note.doc)
        .into_iter()
        .map(|slip| {
            let (claim, other) = (&claims[slip.claim], &claims[slip.other]);
            let (symbol, base, term) = (claim.attribute.trim(), &slip.base, &slip.term);
            Finding {
                code: Code::ConflictingClaim,
                severity: Code::ConflictingClaim.severity(),
                message: format!(
                    "{symbol} = {} here, but {base} + {symbol} is written {base} + {term} in \
                     \"{}\", which makes {symbol} = {term}",
                    claim.value.trim(),
                    format_args!("{} = {}", other.attribute.trim(), other.value.trim()),
                ),
                path: path.to_path_buf(),
                span: claim.value_span.clone(),
                related: vec![
                    Related {
                        path: path.to_path_buf(),
                        span: other.value_span.clone(),
                        message: format!("{base} + {term} here"),
                    },
                    Related {
                        path: path.to_path_buf(),
                        span: slip.sum_span,
                        message: format!("{symbol} is added to {base} here"),
                    },
                ],
                fixes: vec![Fix::replace_with(
                    path,
                    claim.value_span.clone(),
                    slip.term.clone(),
                    true,
                )],
            }
        })
        .collect()
}

fn where_(origin: ClaimOrigin) -> &'static str {
    match origin {
        ClaimOrigin::Bullet => "in a bullet",
        ClaimOrigin::TableCell => "in a table",
        ClaimOrigin::Formula => "in a formula",
    }
}

/// Cheap pre-check on the raw value: only values with a digit or ending (after what
/// [`squash`] drops) in one of the opposite endings can clash. Most prose values are neither.
fn may_clash(value: &str) -> bool {
    if value.bytes().any(|b| b.is_ascii_digit()) {
        return true;
    }
    let end = value.trim_end_matches(|c: char| {
        !(c.is_alphanumeric() || matches!(c, '\'' | '′' | '✔' | '✘' | '✓' | '✗' | '~' | '.'))
    });
    let lower = end.to_ascii_lowercase();
    OPPOSITES
        .iter()
        .any(|(neg, pos)| lower.ends_with(neg) || lower.ends_with(pos))
}

/// A value with numbers in it, split into the words around the numbers and the numbers:
/// `3개` and `2개` share `개` and differ in numbers, so they clash; `1장` and `1개` do not.
fn quantity(value: &str) -> Option<(String, Vec<String>)> {
    let value = notedeck_parse::counts::without_count_lead(value);
    let numbers: Vec<String> = value
        .split(|c: char| !c.is_ascii_digit() && c != '.')
        .filter(|n| n.chars().any(|c| c.is_ascii_digit()))
        .map(str::to_string)
        .collect();
    if numbers.is_empty() {
        return None;
    }
    let words: String = value
        .chars()
        .filter(|c| !c.is_ascii_digit() && !matches!(c, '.' | '~'))
        .collect();
    Some((words, numbers))
}

/// Whether two lists of numbers say the same, one rounded where it has fewer decimals: a
/// table of `GFLOPs` writing `4.1` and another `4.09` agree; `50,257` and `50,527` do not.
fn same_numbers(a: &[String], b: &[String]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y || rounded_alike(x, y))
}

/// Whether `x` and `y` are one number, the one with fewer decimals (one or more) the other
/// rounded.
fn rounded_alike(x: &str, y: &str) -> bool {
    let decimals = |s: &str| s.split_once('.').map_or(0, |(_, d)| d.len());
    let (Ok(a), Ok(b)) = (x.parse::<f64>(), y.parse::<f64>()) else {
        return false;
    };
    // The rounded one says `a` to within half its last place. A whole number is no
    // rounding (`1` against `0.5` is two claims).
    let places = decimals(x).min(decimals(y));
    let half = 0.5 * 10f64.powi(-i32::try_from(places).unwrap_or(i32::MAX));
    // Nor is a number of another magnitude (`0.1` against `0.05`): rounding keeps the size.
    places > 0
        && decimals(x) != decimals(y)
        && (a - b).abs() <= half * (1.0 + 1e-9)
        && (a - b).abs() * 2.0 < a.abs().min(b.abs())
}

/// Pairs of endings that say opposite things about the same stem (negative, positive).
const OPPOSITES: [(&str, &str); 10] = [
    ("불필요", "필요"),
    ("불가능", "가능"),
    ("없음", "있음"),
    ("적음", "많음"),
    ("낮음", "높음"),
    ("느림", "빠름"),
    ("작음", "큼"),
    ("x", "o"),
    ("✘", "✔"),
    // A flag's default (`first_order`: `True` in a bullet, `False` in the table).
    ("false", "true"),
];

/// `✔ 필요` / `✘ 불필요`, `계산량 많음` / `계산량 적음`: the stem, which pair of endings, and
/// whether the ending is the positive one. Check marks in front are dropped first.
fn polarity(value: &str) -> Option<(String, usize, bool)> {
    let s = value.trim_start_matches(['✔', '✘', '✓', '✗']);
    OPPOSITES.iter().enumerate().find_map(|(i, (neg, pos))| {
        if let Some(stem) = s.strip_suffix(neg) {
            Some((stem.to_string(), i, false))
        } else {
            s.strip_suffix(pos).map(|stem| (stem.to_string(), i, true))
        }
    })
}

/// `s` without its parenthesised asides (`(…)`, `（…）`), nested ones included.
fn without_asides(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut depth = 0usize;
    for c in s.chars() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clash(a: &str, b: &str) -> bool {
        let (a, b) = (squash(&without_asides(a)), squash(&without_asides(b)));
        let q = matches!((quantity(&a), quantity(&b)), (Some((wa, na)), Some((wb, nb))) if wa == wb && !same_numbers(&na, &nb));
        let o = matches!((polarity(&a), polarity(&b)), (Some((sa, ia, pa)), Some((sb, ib, pb))) if sa == sb && ia == ib && pa != pb);
        q || o
    }

    #[test]
    fn an_aside_does_not_hide_a_quantity() {
        assert!(clash("3개 (입력, 망각, 출력 게이트)", "2개"));
        assert!(!clash("3개 (입력, 망각, 출력 게이트)", "3개"));
        assert_eq!(without_asides("a (b (c)) d"), "a  d");
    }

    #[test]
    fn opposites_and_quantities() {
        assert!(clash("✔ 필요", "✘ 불필요"));
        assert!(clash("많음", "적음"));
        assert!(!clash("제약 없음", "구조 제약 없음"));
        assert!(clash("3개", "2개"));
        assert!(!clash("3개", "3 개"));
        assert!(!clash("1장", "1개"));
    }

    #[test]
    fn a_rounded_number_agrees_with_the_precise_one() {
        assert!(!clash("4.09", "4.1"));
        assert!(!clash("25.6M", "25.56M"));
        assert!(clash("4.09", "4.2"));
        assert!(clash("50,257", "50,527"));
        assert!(clash("7.0M", "8.0M"));
        // Written to the same places, they are two numbers.
        assert!(clash("4.1", "4.2"));
        assert!(clash("1", "0.5"));
        assert!(clash("0.1", "0.05"));
        // A version is no number to round.
        assert!(clash("1.2.3", "1.2"));
    }

    #[test]
    fn formulas_compare_without_multiplication_signs() {
        assert_eq!(formula("A × B"), formula("AB"));
        assert_ne!(formula("A × B"), formula("BA"));
    }
}
