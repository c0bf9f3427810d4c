//! How a note writes a parameter's default on one line or in one cell: the words saying
//! default (`기본값`, `기본`, `default`), the value (a number, a tuple, `True`), and the
//! shapes a line takes (`` `n_repeats` 기본값 **5** ``, `- **eps**: …, 기본값 0.5`, `Adam 기본
//! betas가 (0.9, 0.999)`). [`super::defaults`] holds what they state against each other.

use crate::Span;

/// Whether a name written without code reads as an argument: an identifier in lowercase or
/// with an underscore (`eps`, `min_samples`), not a method's name (`Dropout`).
pub(super) fn names_argument(name: &str) -> bool {
    is_parameter(name) && (name.contains('_') || name.bytes().all(|b| !b.is_ascii_uppercase()))
}

/// The parameter a bullet's bold label names and the span in `line` of the default its text
/// gives after a word saying default: `- **min_samples (MinPts)**: …, 기본값 4`, or `` -
/// `window`: 중심 단어 좌우로 볼 최대 거리, gensim 기본값 10 `` (a label in code). The label is
/// an identifier in lowercase or with an underscore (`eps`, `min_samples`), not a method's
/// name (`**Dropout**: 기본 0.5`).
pub(super) fn labelled_default(line: &str) -> Option<(&str, Span)> {
    let item = line.trim_start();
    let item = item
        .strip_prefix(['-', '*', '+'])
        .or_else(|| {
            let digits = item.bytes().take_while(u8::is_ascii_digit).count();
            item[digits..]
                .strip_prefix(['.', ')'])
                .filter(|_| digits > 0)
        })?
        .trim_start();
    // `- **min_samples (MinPts)**: …` or `` - `window`: …, gensim 기본값 10 ``.
    let (inner, label) = match item.strip_prefix("**") {
        Some(inner) => (inner, &inner[..inner.find("**")?]),
        None => {
            let inner = item.strip_prefix('`')?;
            let label = &inner[..inner.find('`')?];
            inner[label.len() + 1..].trim_start().strip_prefix(':')?;
            (inner, label)
        }
    };
    let mark = if item.starts_with("**") { 2 } else { 1 };
    let parameter = label.split(" (").next().unwrap_or(label).trim();
    let text_at = line.len() - inner.len() + label.len() + mark;
    let text = &line[text_at..];
    let parameter_at = line.len() - inner.len() + (label.len() - label.trim_start().len());
    // `- **first_order 기본값**: `True` → …`: the label says default, the value opens the text.
    if let Some(named) = ["기본값", "default"]
        .iter()
        .find_map(|w| parameter.strip_suffix(w)?.strip_suffix(' '))
        .filter(|n| names_argument(n))
    {
        let value = text.trim_start().strip_prefix(':')?.trim_start();
        let value = value.trim_start_matches(['*', '`']);
        let len = value_at(value)?;
        let at = line.len() - value.len();
        return Some((
            &line[parameter_at..parameter_at + named.len()],
            at..at + len,
        ));
    }
    if !names_argument(parameter) || !says_default(text) {
        return None;
    }
    let parameter = &line[parameter_at..parameter_at + parameter.len()];
    text.char_indices().find_map(|(i, _)| {
        let after = &text[i..];
        let (from, len) =
            default_after(after).filter(|_| DEFAULT_WORDS.iter().any(|w| after.starts_with(w)))?;
        let at = text_at + i + from;
        Some((parameter, at..at + len))
    })
}

/// A default a line names without code: `기본` then an argument's name, a particle and the
/// value (`Adam 기본 betas가 (0.5, 0.999)라서`, `기본 lr은 1e-3`). The name written right
/// before `기본` (`Adam`) owns it, as a table row naming a function does. The owner, the
/// parameter and the value's span in `line`.
pub(super) fn plain_default(line: &str) -> Option<(Option<&str>, &str, Span)> {
    line.match_indices("기본 ").find_map(|(at, word)| {
        let rest = &line[at + word.len()..];
        let len = rest
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_')
            .count();
        let parameter = &rest[..len];
        if !names_argument(parameter) {
            return None;
        }
        let after = ["가 ", "이 ", "는 ", "은 ", "=", ":"]
            .iter()
            .find_map(|p| rest[len..].strip_prefix(p))?
            .trim_start();
        let n = value_at(after)?;
        let value_from = line.len() - after.len();
        let before = line[..at].trim_end();
        let owner_len = before
            .bytes()
            .rev()
            .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_' || *b == b'.')
            .count();
        let owner = &before[before.len() - owner_len..];
        let owner = (owner.starts_with(|c: char| c.is_ascii_alphabetic())
            && before[..before.len() - owner_len]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric()))
        .then_some(owner);
        Some((owner, parameter, value_from..value_from + n))
    })
}

/// Each default a line gives by the argument's plain name right before a word saying
/// default, then the value (`top_k 기본값이 **40**이라서`, `alpha 기본 1.0`): the argument and
/// the value's span in `line`. A name in code is read with the code.
pub(super) fn named_before_default(line: &str) -> Vec<(&str, Span)> {
    let mut out = Vec::new();
    // Read for every line of a note: most say no default at all.
    if !says_default(line) {
        return out;
    }
    let mut i = 0;
    while i < line.len() {
        let Some(word) = DEFAULT_WORDS.iter().find(|w| line[i..].starts_with(**w)) else {
            i += line[i..].chars().next().map_or(1, char::len_utf8);
            continue;
        };
        let before = line[..i].trim_end_matches(' ');
        let len = before
            .bytes()
            .rev()
            .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_')
            .count();
        let name = &before[before.len() - len..];
        let opens = before[..before.len() - len]
            .chars()
            .next_back()
            .is_none_or(|c| c == ' ' || c == '(');
        if len > 0
            && opens
            && before.len() < i
            && names_argument(name)
            && let Some((from, n)) = default_after(&line[i..])
        {
            out.push((name, i + from..i + from + n));
        }
        i += word.len();
    }
    out
}

/// Whether `line`'s words saying default are another argument's than `parameter`
/// ([`named_before_default`]): `do_sample=True` in `top_k 기본값이 **40**이라서
/// do_sample=True만 켜도` is how to turn sampling on, no default of do_sample.
pub(super) fn default_of_another(line: &str, parameter: &str) -> bool {
    let owners = named_before_default(line);
    !owners.is_empty() && !owners.iter().any(|(name, _)| *name == parameter)
}

/// `parameter=value` in inline code within `text` (at byte `at` of the note): the parameter
/// and the value's span.
pub(super) fn assignments(text: &str, at: usize) -> Vec<(&str, Span)> {
    code_spans(text)
        .filter_map(|(code, i)| {
            let Some(eq) = code.find('=') else {
                // `` `min_child_samples` = 10 ``: the value after the code.
                let after = &text[i + code.len() + 1..];
                let value = after.trim_start().strip_prefix('=')?.trim_start();
                let n = value_at(value)?;
                if !is_parameter(code) {
                    return None;
                }
                let from = at + text.len() - value.len();
                return Some((code, from..from + n));
            };
            let name = code[..eq].trim();
            let value = &code[eq + 1..];
            let lead = value.len() - value.trim_start().len();
            let value = value.trim();
            let n = value_at(value)?;
            if n != value.len() || !is_parameter(name) {
                return None;
            }
            let from = at + i + eq + 1 + lead;
            Some((name, from..from + n))
        })
        .collect()
}

/// The value after a parameter's closing backtick when the words say it is the default:
/// ` 기본값 **5**`, ` (기본 0.05)`, ` (default: 1e-3)`. Its offset in `after` and length.
pub(super) fn default_after(after: &str) -> Option<(usize, usize)> {
    let mut rest = after_default_word(after)?;
    // `기본값은 5`, `기본값이 10이라서`, `기본값: 5`.
    for sep in ["은", "는", "이", "가", ":", "="] {
        if let Some(r) = rest.strip_prefix(sep) {
            rest = r.trim_start();
            break;
        }
    }
    rest = rest.trim_start_matches(['*', '`']);
    let n = value_at(rest)?;
    Some((after.len() - rest.len(), n))
}

/// Words saying default, as a line opens a value with them (`기본값 5`, `(기본 10)`,
/// `default 0.5`); `기본값` before `기본`, which it starts with.
const DEFAULT_WORDS: [&str; 5] = ["기본값", "기본", "default", "Default", "디폴트"];

/// What follows the word saying default that opens `after` (`기본값`, ` (기본`, `default`),
/// spaces trimmed; `None` when no such word opens it.
pub(super) fn after_default_word(after: &str) -> Option<&str> {
    let rest = after.trim_start();
    let rest = rest.strip_prefix('(').unwrap_or(rest).trim_start();
    let word = DEFAULT_WORDS.into_iter().find(|w| rest.starts_with(w))?;
    Some(rest[word.len()..].trim_start())
}

/// Inline code spans of `text`: each one's content and the byte offset of that content.
pub(super) fn code_spans(text: &str) -> impl Iterator<Item = (&str, usize)> {
    let mut from = 0;
    std::iter::from_fn(move || {
        let open = text[from..].find('`')? + from;
        let close = text[open + 1..].find('`')? + open + 1;
        from = close + 1;
        Some((&text[open + 1..close], open + 1))
    })
}

/// Whether `code` names a parameter: an identifier (`n_changepoints`, `cfg.lr`), not a call
/// or an expression.
pub(super) fn is_parameter(code: &str) -> bool {
    let mut chars = code.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && code
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.')
        && !code.ends_with('.')
}

/// Whether `text` says it is about a default.
pub(super) fn says_default(text: &str) -> bool {
    text.contains("기본") || text.contains("디폴트") || has_default_word(text)
}

/// Whether `text` holds `default` in any case (`Default values`, `DEFAULT`).
fn has_default_word(text: &str) -> bool {
    text.as_bytes()
        .windows(7)
        .any(|w| w.eq_ignore_ascii_case(b"default"))
}

/// The length of the value `text` starts with: a number, a tuple of numbers (Adam's
/// `betas` are `(0.9, 0.999)`), or `True`, `False` or `None`.
pub(super) fn value_at(text: &str) -> Option<usize> {
    // Python's constants, as a flag's default is written (`first_order=False`).
    let constant = ["True", "False", "None"].iter().find(|c| {
        text.strip_prefix(**c)
            .is_some_and(|rest| !rest.starts_with(|c: char| c.is_alphanumeric() || c == '_'))
    });
    if let Some(c) = constant {
        return Some(c.len());
    }
    number_at(text).or_else(|| {
        let inner = text.strip_prefix('(')?;
        let close = inner.find(')')?;
        let items: Vec<&str> = inner[..close].split(',').map(str::trim).collect();
        (items.len() >= 2 && items.iter().all(|i| number_at(i) == Some(i.len())))
            .then_some(close + 2)
    })
}

/// The length of the number `text` starts with (`25`, `0.05`, `-1`, `1e-3`), if it does and
/// the number is no part of a Latin word (`3x`, `v2`); a count (`25개`) is a number.
fn number_at(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    let mut i = usize::from(b.first() == Some(&b'-'));
    let digits = |i: &mut usize| {
        let s = *i;
        while b.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
        *i > s
    };
    if !digits(&mut i) {
        return None;
    }
    if b.get(i) == Some(&b'.') && b.get(i + 1).is_some_and(u8::is_ascii_digit) {
        i += 1;
        digits(&mut i);
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        let mut k = i + 1;
        if matches!(b.get(k), Some(b'-' | b'+')) {
            k += 1;
        }
        if digits(&mut k) {
            i = k;
        }
    }
    (!b.get(i)
        .is_some_and(|c| c.is_ascii_alphabetic() || *c == b'_'))
    .then_some(i)
}
