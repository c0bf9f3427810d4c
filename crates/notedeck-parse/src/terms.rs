//! `Name (Expansion)` and `Expansion (NAME)`: acronyms and their spelled-out forms.
//!
//! The checker builds "conflicting expansion" and "acronym mismatch" findings on these, so
//! precision matters more than recall. The rules, on markup-free text:
//!
//! * **Name first** — `LoRA (Low-Rank Adaptation)`, `NAS(Neural Architecture Search)`: the
//!   name is one token of ASCII letters, digits and hyphens with at least two capital
//!   letters (`LoRA`, `Grad-CAM`, `CT`), or a capitalised word its expansion spells
//!   (`Adam (Adaptive Moment Estimation)`), not glued to a preceding letter. The expansion is
//!   at least two Latin words (hyphen parts count: `Row-rank Adaptation`) made only of Latin
//!   letters, digits, spaces and `-–/&'.`. The initials need not match the name: a mismatch
//!   (`LoRA (Row-rank Adaptation)`) is exactly what the checker wants to see. But they follow
//!   at least half the name's capitals: what shares almost nothing with the name is another
//!   name for it or the idea behind it (`PR-AUC (Average Precision)`, `MobileNet (Depthwise
//!   Separable Convolution)`).
//!   A numbered version right after its base name (`BLIP / BLIP-2 (Bootstrapping …)`)
//!   leaves the expansion to the base.
//! * **Expansion and name in a gloss** — `지식 증류 (Knowledge Distillation, KD)`: the words
//!   before the comma, all of them, spell the acronym after it.
//! * **Expansion first** — `Masked Language Modeling (MLM)`, `Model-as-a-Service (MaaS)`:
//!   the parenthesis holds an acronym (2–10 ASCII letters/digits, at least two capitals) and
//!   the Latin words right before it must spell it by their initials (hyphen parts count,
//!   `of`/`and`/`from`/… may be skipped). Without such a match nothing is reported, because
//!   there is no way to tell where the expansion starts.
//!
//! Korean glosses are never terms: `동결(freeze)`, `많음 (채널 수 × forward)`,
//! `CI (지속적 통합)`, `대규모 언어 모델(LLM)`, `Grad-CAM(gradient)` (one word).

use crate::Span;

/// A term found in a piece of plain text; spans are offsets into that text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found {
    pub name: Span,
    pub expansion: Span,
    pub whole: Span,
}

/// Find terms in `text` (plain text without Markdown markup).
pub(crate) fn find_terms(text: &str) -> Vec<Found> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut from = 0;
    // The words `expansion_before` tries, kept from one parenthesis to the next.
    let mut run: Vec<&str> = Vec::new();
    while let Some(rel) = text[from..].find('(') {
        let open = from + rel;
        from = open + 1;
        let Some(close) = matching_paren(bytes, open) else {
            continue;
        };
        let inner = &text[open + 1..close];
        let (in_start, in_end) = trim_range(text, open + 1, close);
        if in_start >= in_end {
            continue;
        }
        // Where the text before the parenthesis ends (one optional space).
        let before_end = if open > 0 && bytes[open - 1] == b' ' {
            open - 1
        } else {
            open
        };
        if is_acronym(&text[in_start..in_end])
            && let Some(exp_start) =
                expansion_before(text, before_end, &text[in_start..in_end], &mut run)
        {
            out.push(Found {
                name: in_start..in_end,
                expansion: exp_start..before_end,
                whole: exp_start..close + 1,
            });
            from = close + 1;
            continue;
        }
        // `GAE / VGAE (Graph Auto-Encoder / Variational Graph Auto-Encoder)`: as many names
        // as expansions, each name the expansion in its place.
        if let Some(pairs) = paired_names(text, before_end, in_start, in_end) {
            out.extend(pairs.into_iter().map(|(name, expansion)| Found {
                whole: name.start..close + 1,
                name,
                expansion,
            }));
            from = close + 1;
            continue;
        }
        // `지식 증류 (Knowledge Distillation, KD)`: a gloss giving the expansion, then the
        // acronym after a comma; the expansion is the whole of what comes before it.
        if let Some(found) = expansion_then_acronym(text, in_start, in_end, &mut run) {
            out.push(found);
            from = close + 1;
            continue;
        }
        let name_start = text[..before_end]
            .char_indices()
            .rev()
            .take_while(|&(_, c)| c.is_ascii_alphanumeric() || c == '-')
            .last()
            .map_or(before_end, |(i, _)| i);
        if name_start == before_end {
            continue;
        }
        let name = text[name_start..before_end].trim_start_matches('-');
        let name_start = before_end - name.len();
        // `BLIP / BLIP-2 (Bootstrapping Language-Image Pre-training)`: the expansion is the
        // base name's, which its numbered version after it shares.
        let (name_start, name_end) =
            base_of_version(text, name_start, before_end).unwrap_or((name_start, before_end));
        let name = &text[name_start..name_end];
        let glued = text[..name_start]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric());
        let inner = inner.trim();
        // `MAPE / sMAPE / MASE (scale-independent)`: one lowercase compound says what the
        // names are, as an adjective does; an expansion has spaces or capitals.
        let remark = !inner.contains(' ') && !inner.bytes().any(|b| b.is_ascii_uppercase());
        // `일반 RAG(vector RAG)`: words naming the name itself qualify it; they spell nothing.
        let qualified = inner.split([' ', '-', '/']).any(|w| w == name);
        if glued
            || remark
            || qualified
            || letters_named(name, inner)
            || !is_expansion(inner)
            || !(is_name(name) || is_spelled_word(name, inner))
            || (is_name(name) && !shares_initials(name, inner))
        {
            continue;
        }
        out.push(Found {
            name: name_start..name_end,
            expansion: in_start..in_end,
            whole: name_start..close + 1,
        });
        from = close + 1;
    }
    out
}

/// Whether the parenthesis names the letters of `name` one by one rather than expanding it:
/// `EM (E-step / M-step)`, whose one-letter words spell `EM` as letters and the steps as
/// their words. Read as an expansion, it conflicted with `EM (Expectation-Maximization)`.
fn letters_named(name: &str, inner: &str) -> bool {
    let mut letters = inner
        .split([' ', '-', '/'])
        .filter(|w| w.len() == 1 && w.bytes().all(|b| b.is_ascii_alphabetic()));
    let mut wanted = name.bytes().filter(u8::is_ascii_alphanumeric);
    loop {
        match (wanted.next(), letters.next()) {
            (None, None) => return name.len() > 1,
            (Some(a), Some(b)) if a.eq_ignore_ascii_case(&b.as_bytes()[0]) => {}
            _ => return false,
        }
    }
}

/// The names before a parenthesis (ending at `before_end`) and the expansions inside it
/// (`in_start..in_end`) when both are two or more, as many, split by ` / `, and each name an
/// acronym whose initials its expansion shares: `GAE / VGAE (Graph Auto-Encoder /
/// Variational Graph Auto-Encoder)`. Read as one, the last name got both expansions.
fn paired_names(
    text: &str,
    before_end: usize,
    in_start: usize,
    in_end: usize,
) -> Option<Vec<(Span, Span)>> {
    const SEP: &str = " / ";
    let inner = &text[in_start..in_end];
    let count = inner.matches(SEP).count() + 1;
    if count < 2 {
        return None;
    }
    // The expansions, each with its span.
    let mut expansions = Vec::with_capacity(count);
    let mut at = in_start;
    for part in inner.split(SEP) {
        let lead = part.len() - part.trim_start().len();
        expansions.push(at + lead..at + part.trim_end().len());
        at += part.len() + SEP.len();
    }
    // The names, read backwards from the parenthesis.
    let mut names = Vec::with_capacity(count);
    let mut end = before_end;
    for k in 0..count {
        let start = text[..end]
            .char_indices()
            .rev()
            .take_while(|&(_, c)| c.is_ascii_alphanumeric() || c == '-')
            .last()
            .map(|(i, _)| i)?;
        names.push(start..end);
        if k + 1 < count {
            end = text[..start].strip_suffix(SEP)?.len();
        }
    }
    names.reverse();
    let fits = names.iter().zip(&expansions).all(|(n, e)| {
        is_acronym(&text[n.clone()])
            && is_expansion(&text[e.clone()])
            && shares_initials(&text[n.clone()], &text[e.clone()])
    });
    fits.then(|| names.into_iter().zip(expansions).collect())
}

/// Where the base name is when the name `text[start..end]` is a numbered version of the name
/// written just before it (`BLIP / BLIP-2`, `GPT, GPT-2`).
fn base_of_version(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let (base, version) = text[start..end].rsplit_once('-')?;
    if base.is_empty() || version.is_empty() || !version.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let before = text[..start].trim_end();
    let before = before
        .strip_suffix('/')
        .or_else(|| before.strip_suffix(','))?
        .trim_end();
    // Looked for as a suffix first: what precedes it may be Korean, where a byte count from
    // the end would cut a character.
    let head = before.strip_suffix(base)?;
    let glued = head
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || c == '-');
    (!glued).then_some((head.len(), before.len()))
}

/// Index of the `)` closing the `(` at `open`, within 120 bytes and the same line.
fn matching_paren(bytes: &[u8], open: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (i, &b) in bytes.iter().enumerate().skip(open).take(120) {
        match b {
            b'(' => depth += 1,
            b')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            b'\n' => return None,
            _ => {}
        }
    }
    None
}

fn trim_range(text: &str, start: usize, end: usize) -> (usize, usize) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    (start + lead, (end - trail).max(start + lead))
}

/// `LoRA`, `Grad-CAM`, `CT`: ASCII, starts with a letter, at least two capitals.
fn is_name(name: &str) -> bool {
    name.len() >= 2
        && name.len() <= 20
        && name.starts_with(|c: char| c.is_ascii_alphabetic())
        && name.bytes().filter(u8::is_ascii_uppercase).count() >= 2
        && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

/// Whether the initials of `expansion` follow at least half of `name`'s capitals, in order
/// (an all-capital word of it, `BERT` in `Robustly Optimized BERT`, gives all its letters).
/// `LoRA (Row-rank Adaptation)` does, a slip to report; what shares almost nothing is another
/// name or the idea behind it: `PR-AUC (Average Precision)`, `MobileNet (Depthwise Separable
/// Convolution)`.
fn shares_initials(name: &str, expansion: &str) -> bool {
    let capitals: Vec<u8> = name
        .bytes()
        .filter(u8::is_ascii_uppercase)
        .map(|b| b.to_ascii_lowercase())
        .collect();
    let mut initials: Vec<u8> = Vec::new();
    for part in expansion
        .split([' ', '-', '–', '/'])
        .filter(|p| !p.is_empty())
    {
        if part.len() >= 2 && part.bytes().all(|b| b.is_ascii_uppercase()) {
            initials.extend(part.bytes().map(|b| b.to_ascii_lowercase()));
        } else if let Some(first) = part.bytes().next() {
            initials.push(first.to_ascii_lowercase());
        }
    }
    // Longest common subsequence; a name has at most 20 letters.
    let mut row = vec![0usize; initials.len() + 1];
    for &c in &capitals {
        let mut diagonal = 0;
        for (j, &i) in initials.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if c == i {
                diagonal + 1
            } else {
                above.max(row[j])
            };
            diagonal = above;
        }
    }
    2 * row[initials.len()] >= capitals.len()
}

/// `(Knowledge Distillation, KD)`, the parenthesis's text from `start` to `end`: the acronym
/// after the last comma, spelled by the initials of all the words before it.
fn expansion_then_acronym<'a>(
    text: &'a str,
    start: usize,
    end: usize,
    run: &mut Vec<&'a str>,
) -> Option<Found> {
    let comma = start + text[start..end].rfind(',')?;
    let acr_start = end - text[comma + 1..end].trim_start().len();
    let exp_end = comma - (text[start..comma].len() - text[start..comma].trim_end().len());
    let acr = &text[acr_start..end];
    if !is_acronym(acr) || !is_expansion(&text[start..exp_end]) {
        return None;
    }
    (expansion_before(text, exp_end, acr, run)? == start).then_some(Found {
        name: acr_start..end,
        expansion: start..exp_end,
        whole: start..end,
    })
}

/// `Adam (Adaptive Moment Estimation)`, `Lasso (Least Absolute Shrinkage and Selection
/// Operator)`: a capitalised word of 3 to 12 letters, all lowercase after the first, spelled
/// in order by the starts of its expansion's words, at least two of them, its first word
/// first. Words between may be skipped only when small (`and`); words after the last one it
/// takes may be left (`Estimation`). One capital letter is no sign of a term on its own
/// (`Transformer (Attention Is All You Need)` is a paper's title): the spelling is.
fn is_spelled_word(name: &str, expansion: &str) -> bool {
    let b = name.as_bytes();
    if !(3..=12).contains(&b.len())
        || !b[0].is_ascii_uppercase()
        || !b[1..].iter().all(u8::is_ascii_lowercase)
    {
        return false;
    }
    let words: Vec<&str> = expansion
        .split([' ', '-', '–', '/'])
        .filter(|w| !w.is_empty())
        .collect();
    let name = name.to_ascii_lowercase();
    spelled_from(name.as_bytes(), &words, 0)
}

/// Whether `rest` of a name is spelled by prefixes of `words` in order (see
/// [`is_spelled_word`]); `used` counts the words taken so far. At most 12 letters and a
/// handful of words: the search backtracks over a few dozen steps.
fn spelled_from(rest: &[u8], words: &[&str], used: usize) -> bool {
    if rest.is_empty() {
        return used >= 2;
    }
    let Some((word, after)) = words.split_first() else {
        return false;
    };
    let w = word.as_bytes();
    let common = w
        .iter()
        .zip(rest)
        .take_while(|(a, b)| a.eq_ignore_ascii_case(b))
        .count();
    // Take 1..=common letters from this word (longest first), or skip it when it is small
    // and not the first.
    (1..=common)
        .rev()
        .any(|n| spelled_from(&rest[n..], after, used + 1))
        || (used > 0
            && SMALL_WORDS.contains(&word.to_ascii_lowercase().as_str())
            && spelled_from(rest, after, used))
}

/// `MLM`, `MaaS`, `GZSL`: a short token with at least two capitals, starting with one.
pub(crate) fn is_acronym(s: &str) -> bool {
    (2..=10).contains(&s.len())
        && s.starts_with(|c: char| c.is_ascii_uppercase())
        && s.bytes().filter(u8::is_ascii_uppercase).count() >= 2
        && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

/// At least two Latin words, nothing but Latin letters (accented ones too: `Fréchet`),
/// digits, spaces and `-–/&'.`; not a citation (`GroupLens (Resnick et al.)`).
fn is_expansion(s: &str) -> bool {
    if s.len() > 100 || !s.starts_with(|c: char| c.is_ascii_alphabetic()) || s.contains("et al") {
        return false;
    }
    if !s.chars().all(|c| {
        c.is_ascii_alphanumeric()
            || ('\u{00C0}'..='\u{024F}').contains(&c)
            || " -–/&'.+".contains(c)
    }) {
        return false;
    }
    let words: Vec<&str> = s
        .split([' ', '-', '–', '/'])
        .filter(|w| w.bytes().any(|b| b.is_ascii_alphabetic()))
        .collect();
    words.len() >= 2 && words.iter().any(|w| w.len() >= 3)
}

/// Words that an acronym may skip.
const SMALL_WORDS: &[&str] = &[
    "of", "and", "from", "a", "an", "the", "for", "in", "on", "with", "to", "as", "by", "via",
];

/// Start of the Latin words ending at `end` whose initials spell `acr`, if any.
fn expansion_before<'a>(
    text: &'a str,
    end: usize,
    acr: &str,
    run: &mut Vec<&'a str>,
) -> Option<usize> {
    // Collect up to 12 preceding space-separated ASCII words (on the stack: this runs for
    // every parenthesis holding an acronym).
    let mut words_buf: [(usize, &str); 12] = [(0, ""); 12];
    let mut n_words = 0;
    let mut pos = end;
    while n_words < 12 {
        let Some(start) = text[..pos]
            .char_indices()
            .rev()
            .take_while(|&(_, c)| c.is_ascii_alphanumeric() || c == '-' || c == '–')
            .last()
            .map(|(i, _)| i)
        else {
            break;
        };
        words_buf[n_words] = (start, &text[start..pos]);
        n_words += 1;
        if start == 0 || text.as_bytes()[start - 1] != b' ' {
            // The word must not be glued to something else (Hangul, punctuation).
            if start > 0
                && text[..start]
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_alphanumeric())
            {
                n_words -= 1;
            }
            break;
        }
        pos = start - 1;
    }
    let words = &words_buf[..n_words];
    let mut acr_buf = ['\0'; 16];
    let mut acr_len = 0;
    let mut acr_long: Vec<char> = Vec::new();
    for c in acr
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
    {
        if let Some(slot) = acr_buf.get_mut(acr_len) {
            *slot = c;
            acr_len += 1;
        } else {
            if acr_long.is_empty() {
                acr_long.extend_from_slice(&acr_buf);
            }
            acr_long.push(c);
        }
    }
    let acr: &[char] = if acr_long.is_empty() {
        &acr_buf[..acr_len]
    } else {
        &acr_long
    };
    // Try the shortest run of words whose initials spell the acronym.
    for k in 1..=words.len() {
        run.clear();
        run.extend(
            words[..k]
                .iter()
                .rev()
                .flat_map(|(_, w)| w.split(['-', '–']))
                .filter(|p| !p.is_empty()),
        );
        let first = run.first()?;
        if !first.starts_with(|c: char| c.is_ascii_alphabetic()) {
            continue;
        }
        if initials_match(run, acr) {
            return Some(words[k - 1].0);
        }
    }
    None
}

/// Do the initials of `parts` spell `acr`, skipping small words where needed?
fn initials_match(parts: &[&str], acr: &[char]) -> bool {
    // Small DP: (part index, acronym index).
    fn go(parts: &[&str], acr: &[char]) -> bool {
        match (parts.split_first(), acr.split_first()) {
            (None, None) => true,
            (None, Some(_)) => false,
            (Some((p, rest)), _) => {
                let skip = SMALL_WORDS.iter().any(|w| w.eq_ignore_ascii_case(p));
                let initial = p.chars().next().map(|c| c.to_ascii_lowercase());
                let take = acr
                    .split_first()
                    .is_some_and(|(a, ar)| Some(*a) == initial && go(rest, ar));
                // An acronym inside the expansion gives all its letters: `One-Class SVM`
                // spells `OC-SVM`.
                let whole = p.len() >= 2
                    && p.bytes().all(|b| b.is_ascii_uppercase())
                    && acr.len() >= p.len()
                    && p.chars()
                        .zip(acr)
                        .all(|(c, a)| c.to_ascii_lowercase() == *a)
                    && go(rest, &acr[p.len()..]);
                take || whole || (skip && go(rest, acr))
            }
        }
    }
    parts.len() <= 16 && go(parts, acr)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str) -> Vec<(&str, &str)> {
        find_terms(text)
            .into_iter()
            .map(|f| (&text[f.name], &text[f.expansion]))
            .collect()
    }

    #[test]
    fn name_first_terms_from_the_notes() {
        assert_eq!(
            terms("LoRA (Row-rank Adaptation)"),
            [("LoRA", "Row-rank Adaptation")]
        );
        assert_eq!(
            terms("1. BERT (Bidirectional Encoder Representations from Transformers)"),
            [(
                "BERT",
                "Bidirectional Encoder Representations from Transformers"
            )]
        );
        assert_eq!(
            terms("3. RoBERTa (Robustly Optimized BERT)"),
            [("RoBERTa", "Robustly Optimized BERT")]
        );
        assert_eq!(
            terms("0. CAM (class activation mapping)"),
            [("CAM", "class activation mapping")]
        );
        assert_eq!(
            terms("*NAS(Neural Architecture Search)의 한 방법"),
            [("NAS", "Neural Architecture Search")]
        );
        assert_eq!(
            terms("1. Grad-CAM (Gradient-weighted Class Activation Mapping)"),
            [("Grad-CAM", "Gradient-weighted Class Activation Mapping")]
        );
    }

    #[test]
    fn letters_named_one_by_one_are_no_expansion() {
        // A clustering note's table cell on GMM training, beside `EM (Expectation-Maximization)`.
        assert_eq!(terms("EM (E-step / M-step)"), []);
        assert_eq!(
            terms("ETL (Extract / Transform / Load)"),
            [("ETL", "Extract / Transform / Load")]
        );
        assert_eq!(
            terms("t-SNE (t-distributed Stochastic Neighbor Embedding)"),
            [("t-SNE", "t-distributed Stochastic Neighbor Embedding")]
        );
    }

    #[test]
    fn names_and_expansions_split_alike_pair_up() {
        // Read as one, `VGAE` got both expansions, and lint said its initials could not
        // spell it.
        assert_eq!(
            terms("- **GAE / VGAE (Graph Auto-Encoder / Variational Graph Auto-Encoder)**"),
            [
                ("GAE", "Graph Auto-Encoder"),
                ("VGAE", "Variational Graph Auto-Encoder")
            ]
        );
        // Not as many names as expansions: no pairs.
        assert!(
            terms("VGAE (Graph Auto-Encoder / Variational Graph Auto-Encoder)")
                .iter()
                .all(|(name, _)| *name != "GAE")
        );
    }

    #[test]
    fn a_numbered_version_after_its_base_leaves_the_expansion_to_the_base() {
        // The definition card asked `BLIP-2` → BLIP's expansion.
        assert_eq!(
            terms("6. BLIP / BLIP-2 (Bootstrapping Language-Image Pre-training)"),
            [("BLIP", "Bootstrapping Language-Image Pre-training")]
        );
        assert_eq!(
            terms("GPT, GPT-2 (Generative Pre-trained Transformer)"),
            [("GPT", "Generative Pre-trained Transformer")]
        );
        // A version alone, or after another name, keeps it.
        assert_eq!(
            terms("BLIP-2 (Bootstrapping Language-Image Pre-training)"),
            [("BLIP-2", "Bootstrapping Language-Image Pre-training")]
        );
        assert_eq!(
            terms("T5 / BLIP-2 (Bootstrapping Language-Image Pre-training)"),
            [("BLIP-2", "Bootstrapping Language-Image Pre-training")]
        );
        // Korean before the slash: no character is cut looking for the base.
        assert_eq!(
            terms("모델 비교 / BLIP-2 (Bootstrapping Language-Image Pre-training)"),
            [("BLIP-2", "Bootstrapping Language-Image Pre-training")]
        );
    }

    #[test]
    fn one_capital_names_spelled_by_their_expansion() {
        assert_eq!(
            terms("### Adam (Adaptive Moment Estimation)"),
            [("Adam", "Adaptive Moment Estimation")]
        );
        assert_eq!(
            terms("Lasso (Least Absolute Shrinkage and Selection Operator)"),
            [("Lasso", "Least Absolute Shrinkage and Selection Operator")]
        );
        // One capital alone is no term: a title, a gloss, letters out of order.
        assert_eq!(terms("Transformer (Attention Is All You Need)"), []);
        assert_eq!(terms("Python (Programming Language)"), []);
        assert_eq!(terms("Adam (Another Different Algorithm)"), []);
        assert_eq!(terms("Adam (Adaptive)"), []);
        // A citation names the authors, not the name's words.
        assert_eq!(terms("1994년 GroupLens (Resnick et al.) 뉴스 추천"), []);
    }

    #[test]
    fn expansion_first_terms_from_the_notes() {
        assert_eq!(
            terms("Masked Language Modeling (MLM)"),
            [("MLM", "Masked Language Modeling")]
        );
        assert_eq!(
            terms("2. Model-as-a-Service (MaaS)"),
            [("MaaS", "Model-as-a-Service")]
        );
        assert_eq!(
            terms("4. Generalized Zero-Shot Learning (GZSL)"),
            [("GZSL", "Generalized Zero-Shot Learning")]
        );
        assert_eq!(
            terms("구조 전제: Global Average Pooling (GAP) + FC Layer(분류기)"),
            [("GAP", "Global Average Pooling")]
        );
        assert_eq!(
            terms("## **5. One-Class SVM (OC-SVM)**"),
            [("OC-SVM", "One-Class SVM")]
        );
        assert_eq!(
            terms("CT (Continuous Training): automated"),
            [("CT", "Continuous Training")]
        );
    }

    #[test]
    fn an_acronym_after_its_expansion_in_a_gloss() {
        assert_eq!(
            terms("## **3. 지식 증류 (Knowledge Distilation, KD)**"),
            [("KD", "Knowledge Distilation")]
        );
        // The words before the comma must be the whole expansion, spelling the acronym.
        assert_eq!(terms("증류 (teacher model, KD)"), []);
        assert_eq!(terms("증류 (Hinton et al., KD)"), []);
        assert_eq!(terms("(Soft Target Knowledge Distillation, KD)"), []);
    }

    #[test]
    fn the_idea_behind_a_name_or_its_alias_is_no_expansion() {
        assert_eq!(
            terms("### 1. MobileNet (Depthwise Separable Convolution)"),
            []
        );
        assert_eq!(terms("### 3. EfficientNet (Compound Scaling)"), []);
        assert_eq!(
            terms("ResNet (Residual Network)"),
            [("ResNet", "Residual Network")]
        );
        assert_eq!(
            terms("MobileNet (Mobile Network)"),
            [("MobileNet", "Mobile Network")]
        );
        // Another name for it, not its expansion.
        assert_eq!(terms("| PR-AUC (Average Precision) |"), []);
        // A slip in an expansion is still a term, for the checker to report.
        assert_eq!(
            terms("LoRA (Row-rank Adaptation)"),
            [("LoRA", "Row-rank Adaptation")]
        );
    }

    #[test]
    fn a_lowercase_compound_after_a_name_is_a_remark() {
        assert!(terms("여러 시계열 비교 → MAPE / sMAPE / MASE (scale-independent)").is_empty());
        assert_eq!(
            terms("Seq2Seq (Sequence-to-Sequence) 구조"),
            [("Seq2Seq", "Sequence-to-Sequence")]
        );
    }

    #[test]
    fn words_naming_the_name_itself_qualify_it() {
        assert!(terms("- 일반 RAG(vector RAG)의 한계: 전역적 질문에 약함").is_empty());
        assert_eq!(
            terms("RAG (Retrieval-Augmented Generation) 개요"),
            [("RAG", "Retrieval-Augmented Generation")]
        );
    }

    #[test]
    fn korean_glosses_and_formulas_are_not_terms() {
        for text in [
            "많음 (채널 수 × forward)",
            "원래 모델 파라미터는 동결(freeze), 새로 추가한 LoRA 모듈만 학습",
            "CI (지속적 통합)",
            "대규모 언어 모델(LLM) → GPT",
            "변형: Grad-CAM(gradient), Score-CAM(score 변화)",
            "Q(s,a)←Q(s,a)",
            "Feature Store (optional)",
            "Level 1 (CT 중심)",
            "prediction service (e.g., REST API)",
            "클래스별 활성화 지도(Class Activation Map) 생성",
            "재학습(CT)",
        ] {
            assert_eq!(terms(text), [], "{text}");
        }
    }
}
