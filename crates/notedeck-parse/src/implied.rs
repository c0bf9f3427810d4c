//! Formulas contradicted by another formula of their topic once a sum written in the text is
//! substituted: the notes write "**W + ΔW** 형태", `ΔW = A × B` and `y' = (W + BA)x`, so ΔW
//! must be `BA`, which is not `A × B` (matrix products do not commute).
//!
//! The checker reports each as a `conflicting-claim`; the card rules leave the contradicted
//! line out of its card until the note is fixed. One finder serves both, so a card is held
//! exactly where lint reports.

use crate::{Claim, ClaimOrigin, Document, SectionKind, Span};

/// A formula claim that another formula of its topic contradicts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormulaSlip {
    /// Index in [`Document::claims`] of the claim contradicted (`ΔW = A × B`).
    pub claim: usize,
    /// Index of the formula implying otherwise (`y' = (W + BA)x`).
    pub other: usize,
    /// What the claim's value must be (`BA`).
    pub term: String,
    /// What the symbol is added to in the text (`W`).
    pub base: String,
    /// Span of that sum in the text (`W + ΔW`).
    pub sum_span: Span,
}

/// Every [`FormulaSlip`] of `doc`, parsed from `text`, in the order of the claims.
pub fn implied_formula_slips(text: &str, doc: &Document) -> Vec<FormulaSlip> {
    // Each formula with its subject and value in the forms compared, made once.
    let formulas: Vec<(usize, &Claim, String, String)> = doc
        .claims
        .iter()
        .enumerate()
        .filter(|(_, c)| c.origin == ClaimOrigin::Formula)
        .map(|(i, c)| (i, c, squash(&c.subject), formula_form(&c.value)))
        .collect();
    let mut out = Vec::new();
    for (ci, claim, subject, value) in &formulas {
        let ci = *ci;
        if !value_in_text(text, claim) {
            // A fix rewrites the value span; never aim it at the wrong text.
            continue;
        }
        let symbol = claim.attribute.trim();
        if symbol.is_empty() || symbol.chars().count() > 8 || symbol.contains(char::is_whitespace) {
            continue;
        }
        let topic = topic_span(doc, text, &claim.span);
        let Some(topic_text) = text.get(topic.clone()) else {
            continue;
        };
        for (sum_at, base) in summands_of(topic_text, symbol) {
            let other = formulas.iter().find_map(|(oi, other, other_subject, _)| {
                if other_subject != subject || *oi == ci {
                    return None;
                }
                let term = added_to(&other.value, &base)?;
                (formula_form(&term) != *value).then_some((*oi, term))
            });
            let Some((other, term)) = other else {
                continue;
            };
            out.push(FormulaSlip {
                claim: ci,
                other,
                term,
                base,
                sum_span: topic.start + sum_at.start..topic.start + sum_at.end,
            });
            break;
        }
    }
    out
}

/// Lowercase, markup, punctuation and whitespace removed: the form subjects, attributes and
/// values are compared in (`Level 0: Manual Process` = `Level 0 – Manual Process`). Primes
/// stay: `y'` is not `y`.
pub fn squash(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if matches!(c, '\'' | '′' | '✔' | '✘' | '✓' | '✗' | '~' | '.') {
            out.push(c);
        }
    }
    out
}

/// A formula's right-hand side with multiplication signs and spaces removed, so `A × B`,
/// `A B` and `AB` compare equal while `BA` does not.
pub fn formula_form(value: &str) -> String {
    let v = value
        .replace("\\times", "")
        .replace("\\cdot", "")
        .replace(['×', '·', '⋅', '*'], "");
    v.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Whether `claim.value_span` of `text` holds the value (markup and spacing aside).
fn value_in_text(text: &str, claim: &Claim) -> bool {
    let Some(source) = text.get(claim.value_span.clone()) else {
        return false;
    };
    let plain = |s: &str| {
        s.chars()
            .filter(|c| !c.is_whitespace() && !matches!(c, '*' | '_' | '`'))
            .collect::<Vec<char>>()
    };
    plain(source) == plain(&claim.value)
}

/// The span of the innermost topic section holding `span`, else the whole text.
fn topic_span(doc: &Document, text: &str, span: &Span) -> Span {
    doc.sections
        .iter()
        .filter(|s| s.kind == SectionKind::Topic)
        .filter(|s| s.span.start <= span.start && span.end <= s.span.end)
        .min_by_key(|s| s.span.end - s.span.start)
        .map_or(0..text.len(), |s| s.span.clone())
}

/// Places in `text` where `symbol` is added to something: `W + ΔW` (markup around either
/// side allowed) gives the span of the sum and `W`.
fn summands_of(text: &str, symbol: &str) -> Vec<(Span, String)> {
    let mut out = Vec::new();
    for (at, _) in text.match_indices(symbol) {
        let before = text[..at].trim_end_matches(|c: char| c == '*' || c.is_whitespace());
        let Some(before) = before.strip_suffix('+') else {
            continue;
        };
        let before = before.trim_end_matches(|c: char| c == '*' || c.is_whitespace());
        let base: String = before
            .chars()
            .rev()
            .take_while(|c| is_symbol_char(*c))
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        if base.is_empty() || base.chars().count() > 4 {
            continue;
        }
        let start = before.len() - base.len();
        out.push((start..at + symbol.len(), base));
    }
    out
}

/// In a formula value, the term added to `base`: `(W + BA)x` with base `W` gives `BA`.
fn added_to(value: &str, base: &str) -> Option<String> {
    for (at, _) in value.match_indices(base) {
        let glued_before = value[..at].chars().next_back().is_some_and(is_symbol_char);
        if glued_before {
            continue;
        }
        let rest = value[at + base.len()..].trim_start();
        let Some(rest) = rest.strip_prefix('+') else {
            continue;
        };
        let term: String = rest
            .trim_start()
            .chars()
            .take_while(|c| is_symbol_char(*c) || matches!(c, '×' | '·' | '⋅' | '^' | '_'))
            .collect();
        let term = term.trim().to_string();
        if !term.is_empty() {
            return Some(term);
        }
    }
    None
}

fn is_symbol_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\''
}
