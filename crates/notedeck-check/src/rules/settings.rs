//! `conflicting-claim` between settings: two claims of one subject that give one symbol
//! different values where the note states defaults. The Adam bullet `**기본 하이퍼파라미터**:
//! η = 0.001, β1 = 0.9, β2 = 0.999` and the optimiser table's Adam row, `주요 하이퍼파라미터
//! (기본값)` → `η = 0.001, β1 = 0.9, β2 = 0.99`, ask different facets, so the claim keys never
//! meet; the symbol `β2` of subject Adam is what they share.
//!
//! Only claims about defaults or hyperparameters are read: elsewhere a symbol takes many
//! values on purpose (`α = 0.05, m = 20` in a worked example).

use crate::{Code, Finding, Fix, Note, Related};
use foldhash::{HashMap, HashMapExt};
use notedeck_parse::{Claim, Span};
use std::path::Path;

/// Words of an attribute that say its value is a setting (`기본 하이퍼파라미터`, `주요
/// 하이퍼파라미터 (기본값)`, `Default values`), lowercased.
const SETTING_WORDS: &[&str] = &["기본", "하이퍼파라미터", "default", "hyperparameter"];

/// Longest symbol (characters) a setting names: `η`, `β2`, `lr`, `top_k`.
const SYMBOL_MAX_CHARS: usize = 6;

/// Findings for each setting of a note that gives a symbol of a subject another value than a
/// setting of that subject before it. The primary span is the later value.
pub fn conflicting_settings(path: &Path, note: &Note) -> Vec<Finding> {
    let mut seen: HashMap<(String, String), (&Claim, String)> = HashMap::new();
    let mut out = Vec::new();
    for claim in &note.doc.claims {
        let attribute = claim.attribute.to_lowercase();
        if !SETTING_WORDS.iter().any(|w| attribute.contains(w)) || !claim.value.contains('=') {
            continue;
        }
        let subject = subject_key(&claim.subject);
        for (symbol, value) in assignments(&claim.value) {
            let key = (subject.clone(), symbol.to_string());
            let Some((first, earlier)) = seen.get(&key) else {
                seen.insert(key, (claim, value.to_string()));
                continue;
            };
            if same_number(earlier, value) {
                continue;
            }
            let span = value_span(&note.text, claim, symbol, value);
            let first_span = value_span(&note.text, first, symbol, earlier);
            out.push(Finding {
                code: Code::ConflictingClaim,
                severity: Code::ConflictingClaim.severity(),
                message: format!(
                    "{} › {symbol}: {value} here but {earlier} in \"{}\"",
                    claim.subject.trim(),
                    first.attribute.trim()
                ),
                path: path.to_path_buf(),
                related: vec![Related {
                    path: path.to_path_buf(),
                    span: first_span,
                    message: format!("{symbol} = {earlier} here"),
                }],
                fixes: vec![Fix::replace_with(
                    path,
                    span.clone(),
                    earlier.clone(),
                    false,
                )]
                .into_iter()
                .filter(|_| note.text.get(span.clone()) == Some(value))
                .collect(),
                span,
            });
        }
    }
    out
}

/// A subject as settings compare it: lowercase, its asides and spaces dropped (`Adam
/// (Adaptive Moment Estimation)` is `adam`).
fn subject_key(subject: &str) -> String {
    let head = subject.split('(').next().unwrap_or(subject);
    head.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The `symbol = number` pairs of a value (`η = 0.001, β1 = 0.9, ε = 1e-8`), in order.
fn assignments(value: &str) -> Vec<(&str, &str)> {
    let mut out = Vec::new();
    for (at, _) in value.match_indices('=') {
        let before = value[..at].trim_end();
        let start = before
            .char_indices()
            .rev()
            .take_while(|&(_, c)| c.is_alphanumeric() || c == '_')
            .last()
            .map_or(before.len(), |(i, _)| i);
        let symbol = &before[start..];
        let n = symbol.chars().count();
        if n == 0 || n > SYMBOL_MAX_CHARS || symbol.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        let after = value[at + 1..].trim_start();
        let len = after
            .char_indices()
            .take_while(|&(i, c)| {
                c.is_ascii_digit()
                    || c == '.'
                    || (c == '-' || c == '+') && (i == 0 || after[..i].ends_with(['e', 'E']))
                    || (c == 'e' || c == 'E') && i > 0
            })
            .last()
            .map_or(0, |(i, c)| i + c.len_utf8());
        let number = after[..len].trim_end_matches(['.', 'e', 'E']);
        if number.bytes().any(|b| b.is_ascii_digit()) {
            out.push((symbol, number));
        }
    }
    out
}

/// Whether two numbers as written are one value (`0.001` and `1e-3`).
fn same_number(a: &str, b: &str) -> bool {
    match (a.parse::<f64>(), b.parse::<f64>()) {
        (Ok(x), Ok(y)) => (x - y).abs() <= f64::EPSILON * x.abs().max(y.abs()),
        _ => a == b,
    }
}

/// Where `number`, set to `symbol`, stands in the source of `claim`'s value; the whole value
/// where it cannot be found as written.
fn value_span(text: &str, claim: &Claim, symbol: &str, number: &str) -> Span {
    let whole = claim.value_span.clone();
    let Some(source) = text.get(whole.clone()) else {
        return whole;
    };
    source
        .match_indices(symbol)
        .find_map(|(at, _)| {
            let rest = &source[at + symbol.len()..];
            let after = rest.trim_start().strip_prefix('=')?;
            let lead = rest.len() - after.len() + (after.len() - after.trim_start().len());
            after
                .trim_start()
                .starts_with(number)
                .then(|| whole.start + at + symbol.len() + lead)
        })
        .map_or(whole, |start| start..start + number.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_are_read_as_symbol_and_number() {
        assert_eq!(
            assignments("η = 0.001, β1 = 0.9, β2 = 0.999, ε = 1e-8"),
            [
                ("η", "0.001"),
                ("β1", "0.9"),
                ("β2", "0.999"),
                ("ε", "1e-8")
            ]
        );
        assert_eq!(assignments("Adam 설정 + λ"), []);
        assert_eq!(assignments("γ = 0.9 (관성)"), [("γ", "0.9")]);
        assert!(same_number("0.001", "1e-3"));
        assert!(!same_number("0.999", "0.99"));
    }
}
