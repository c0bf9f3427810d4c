//! Whether an expansion's words can spell an acronym (`acronym-mismatch` and the choice
//! between variants in `conflicting-expansion`), and which word does not fit when they cannot.

use std::cell::RefCell;
use std::collections::HashMap;

/// [`spells_acronym`], remembered per thread: a vault writes the same few hundred terms in
/// every note, and `acronym-mismatch` asks about each site of each of them.
pub(crate) fn spells_acronym_cached(name: &str, expansion: &str) -> Option<bool> {
    /// Pairs remembered before the cache starts over (a bound for a long editing session).
    const MAX_PAIRS: usize = 20_000;
    /// Pairs remembered, and the answer by name, then expansion.
    type Spells = (usize, HashMap<String, HashMap<String, Option<bool>>>);
    thread_local! {
        static SPELLS: RefCell<Spells> = RefCell::new((0, HashMap::new()));
    }
    SPELLS.with(|cache| {
        let mut cache = cache.borrow_mut();
        let (pairs, names) = &mut *cache;
        if let Some(&known) = names.get(name).and_then(|e| e.get(expansion)) {
            return known;
        }
        if *pairs >= MAX_PAIRS {
            names.clear();
            *pairs = 0;
        }
        let spells = spells_acronym(name, expansion);
        names
            .entry(name.to_string())
            .or_default()
            .insert(expansion.to_string(), spells);
        *pairs += 1;
        spells
    })
}

/// Which word of an expansion that cannot spell `name` starts with the wrong letter, said for
/// a student: `"Row" gives R where "LoRA" needs L`. Words and compound parts are lined up
/// with the name's capitals (function words aside); when their numbers differ the initials
/// are listed instead. `None` when the expansion does spell the name.
pub fn initials_misfit(name: &str, expansion: &str) -> Option<String> {
    if spells_acronym(name, expansion) != Some(false) {
        return None;
    }
    let capitals: Vec<char> = name.chars().filter(char::is_ascii_uppercase).collect();
    let parts: Vec<&str> = expansion
        .split(|c: char| c.is_whitespace() || c == ',' || c == ';')
        .filter(|w| {
            let bare: String = w
                .chars()
                .filter(char::is_ascii_alphabetic)
                .collect::<String>()
                .to_ascii_lowercase();
            !bare.is_empty() && !FUNCTION_WORDS.contains(&bare.as_str())
        })
        .flat_map(|w| w.split(['-', '/']))
        .map(|p| p.trim_matches(|c: char| !c.is_ascii_alphanumeric()))
        .filter(|p| p.starts_with(|c: char| c.is_ascii_alphabetic()))
        .collect();
    let initial = |p: &str| p.chars().next().map(|c| c.to_ascii_uppercase());
    if parts.len() == capitals.len() {
        let wrong = parts
            .iter()
            .zip(&capitals)
            .find(|(p, c)| initial(p) != Some(**c))?;
        let got = initial(wrong.0)?;
        return Some(format!(
            "\"{}\" gives {got} where \"{name}\" needs {}",
            wrong.0, wrong.1
        ));
    }
    let initials: String = parts.iter().filter_map(|p| initial(p)).collect();
    Some(format!(
        "its initials {initials} do not spell the capitals {} of \"{name}\"",
        capitals.iter().collect::<String>()
    ))
}

/// The runs of a name that hold lowercase letters after a capital (`Li` and `Bi` of
/// `ALiBi`, `Ro` and `Ta` of `RoBERTa`) which start a word of `expansion`: of two
/// expansions spelling the name, the one starting more of them with those letters spells it
/// closer (`Attention with Linear Biases`, not `… Learned Biases`).
pub(crate) fn runs_started<'n>(name: &'n str, expansion: &str) -> Vec<&'n str> {
    let words: Vec<String> = expansion
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    let mut runs = Vec::new();
    let bytes = name.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_uppercase() {
            i += 1;
            continue;
        }
        let end = (i + 1..bytes.len())
            .find(|&j| !bytes[j].is_ascii_lowercase())
            .unwrap_or(bytes.len());
        let run = &name[i..end];
        if end > i + 1 {
            let lower = run.to_ascii_lowercase();
            // `Mo` of `MoE` is started by `Mixture of` as much as by a word `MoE`: a
            // lowercase letter stands for a small word after the capital's (`of`, `and`).
            let (capital, rest) = lower.split_at(1);
            let spelled = words.iter().any(|w| w.starts_with(&lower))
                || words
                    .windows(2)
                    .any(|pair| pair[0].starts_with(capital) && pair[1].starts_with(rest));
            if spelled {
                runs.push(run);
            }
        }
        i = end;
    }
    runs
}

/// Whether the expansion's words can spell the acronym `name`; `None` when the rule does not
/// apply (the name is not an acronym, or the expansion is not English).
///
/// The name's capital letters must each match, in order, the start of a word or of a part of a
/// compound (`Pre-trained`, `exPlanations`), or a later letter of the word the previous letter
/// matched (`HTTP` from `Hypertext`, `DARTS` from `Architecture`). Its lowercase letters may
/// match the same way or be skipped (`RoBERTa`, `ViT`, `MaaS`), digits are ignored (`T5`), and
/// `X` may stand for a word starting with "ex", "cross" or "trans" (`XSS`, `ONNX`), and `K` for
/// one starting with "comp", as Unicode spells compatibility (`NFKC`). Words may be
/// skipped (`Robustly Optimized BERT`), but the first match must be in the first word that is
/// not a function word ("of", "the", ...).
pub fn spells_acronym(name: &str, expansion: &str) -> Option<bool> {
    let name = name.trim();
    if name.is_empty()
        || name.chars().any(|c| c.is_whitespace() || !c.is_ascii())
        || name.chars().filter(char::is_ascii_uppercase).count() < 2
    {
        return None;
    }
    if !is_english(expansion) {
        return None;
    }
    if let Some(spells) = spells_blend(name, expansion) {
        return Some(spells);
    }
    let letters: Vec<(char, bool)> = name
        .chars()
        .filter(char::is_ascii_alphabetic)
        .map(|c| (c.to_ascii_lowercase(), c.is_ascii_uppercase()))
        .collect();
    let exp = Letters::new(expansion);
    if exp.chars.is_empty() {
        return None;
    }
    let mut memo = vec![false; (letters.len() + 1) * (exp.chars.len() + 1)];
    // Leading lowercase letters (`t-SNE`'s `t`) may go unmatched; the first letter that does
    // match must start the first content word (or a function word before it).
    let optional_prefix = letters.iter().take_while(|(_, required)| !required).count();
    let spells = exp.first_slots().into_iter().any(|slot| {
        (0..=optional_prefix.min(letters.len().saturating_sub(1))).any(|first| {
            exp.starts_word(slot, letters[first].0)
                && spell_from(&letters, first + 1, &exp, slot + 1, Some(slot), &mut memo)
        })
    });
    Some(spells)
}

/// A name blending its last word's tail after a hyphen (`Q-Former`, `Querying Transformer`):
/// whether the part before the hyphen spells the words before that word. `None` when the
/// name is no such blend.
fn spells_blend(name: &str, expansion: &str) -> Option<bool> {
    let (head, tail) = name.rsplit_once('-')?;
    if tail.len() < 3 || !tail.chars().all(|c| c.is_ascii_alphabetic()) || head.is_empty() {
        return None;
    }
    let (rest, last) = expansion.trim().rsplit_once(char::is_whitespace)?;
    if last.len() <= tail.len()
        || !last
            .to_ascii_lowercase()
            .ends_with(&tail.to_ascii_lowercase())
    {
        return None;
    }
    if head.chars().filter(char::is_ascii_uppercase).count() >= 2 {
        return Some(spells_acronym(head, rest) == Some(true));
    }
    let first = rest
        .split_whitespace()
        .find(|w| !FUNCTION_WORDS.contains(&w.to_ascii_lowercase().as_str()))?;
    let initial = |s: &str| s.chars().next().map(|c| c.to_ascii_lowercase());
    Some(initial(first) == initial(head))
}

pub(crate) fn is_english(text: &str) -> bool {
    text.chars().any(|c| c.is_ascii_alphabetic())
        && !text
            .chars()
            .any(|c| !c.is_ascii() && c.is_alphabetic() && !is_latin_extra(c))
}

/// Latin letters outside ASCII that English expansions still use (`Schrödinger`, `naïve`).
pub(crate) fn is_latin_extra(c: char) -> bool {
    ('\u{00C0}'..='\u{024F}').contains(&c)
}

/// Words too common to be part of an acronym unless the acronym says so.
const FUNCTION_WORDS: [&str; 16] = [
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "over", "the", "to",
    "with",
];

/// The expansion's ASCII letters with where words and word parts start.
struct Letters {
    /// Lowercased letters.
    chars: Vec<char>,
    /// Letter starts a word or a part of a compound (after `-`, `/`) or a camel-case hump.
    part_start: Vec<bool>,
    /// Index of the whitespace-separated word (compound) each letter belongs to.
    word: Vec<usize>,
    /// Words made only of function words, by index.
    function_word: Vec<bool>,
    /// Lowercased text of the part starting at each letter (for the `X` = "ex" rule).
    part_text: Vec<String>,
}

impl Letters {
    fn new(text: &str) -> Letters {
        let mut l = Letters {
            chars: Vec::new(),
            part_start: Vec::new(),
            word: Vec::new(),
            function_word: Vec::new(),
            part_text: Vec::new(),
        };
        for (w, word) in text
            .split(|c: char| c.is_whitespace() || c == ',' || c == ';')
            .filter(|w| w.chars().any(|c| c.is_ascii_alphabetic()))
            .enumerate()
        {
            let lower = word.to_ascii_lowercase();
            let bare: String = lower.chars().filter(char::is_ascii_alphabetic).collect();
            l.function_word
                .push(FUNCTION_WORDS.contains(&bare.as_str()));
            let mut prev: Option<char> = None;
            let chars: Vec<char> = word.chars().collect();
            for (i, &c) in chars.iter().enumerate() {
                if c.is_ascii_alphabetic() {
                    let start = match prev {
                        None => true,
                        Some(p) if !p.is_ascii_alphanumeric() => true,
                        Some(p) => p.is_ascii_lowercase() && c.is_ascii_uppercase(),
                    };
                    l.chars.push(c.to_ascii_lowercase());
                    l.part_start.push(start);
                    l.word.push(w);
                    l.part_text.push(if start {
                        chars[i..]
                            .iter()
                            .take_while(|c| c.is_ascii_alphabetic())
                            .collect::<String>()
                            .to_ascii_lowercase()
                    } else {
                        String::new()
                    });
                }
                prev = Some(c);
            }
        }
        l
    }

    /// Where the first matched letter of the name may be: the start of the first non-function
    /// word or of a part of it (`Decomposed` of `Weight-Decomposed Low-Rank Adaptation`,
    /// DoRA), or of a function word before it.
    fn first_slots(&self) -> Vec<usize> {
        let mut slots = Vec::new();
        let first_content = self.function_word.iter().position(|f| !f).unwrap_or(0);
        for (i, &w) in self.word.iter().enumerate() {
            if w > first_content {
                break;
            }
            if self.part_start[i] && (i == 0 || self.word[i - 1] != w || w == first_content) {
                slots.push(i);
            }
        }
        slots
    }

    /// Letter `i` can carry acronym letter `c` as a word (part) start.
    fn starts_word(&self, i: usize, c: char) -> bool {
        if !self.part_start.get(i).copied().unwrap_or(false) {
            return false;
        }
        self.chars[i] == c
            || (c == 'x'
                && ["ex", "cross", "trans"]
                    .iter()
                    .any(|p| self.part_text[i].starts_with(p)))
            || (c == 'k' && self.part_text[i].starts_with("comp"))
    }
}

/// Can `letters[li..]` be matched in `exp` from letter `from`, given the previous match `prev`?
/// Letters of the first word touched must come from the first content word: enforced by the
/// caller choosing the first slot.
fn spell_from(
    letters: &[(char, bool)],
    li: usize,
    exp: &Letters,
    from: usize,
    prev: Option<usize>,
    failed: &mut [bool],
) -> bool {
    let Some(&(c, required)) = letters.get(li) else {
        return true;
    };
    let width = exp.chars.len() + 1;
    let memo = li * width + from.min(exp.chars.len());
    // `prev` only matters through `from` and its word; memoising on (li, from) is sound because
    // `from` is always `prev + 1` when `prev` is set.
    if failed.get(memo).copied().unwrap_or(false) {
        return false;
    }
    if !required && spell_from(letters, li + 1, exp, from, prev, failed) {
        return true;
    }
    let prev_word = prev.map(|p| exp.word[p]);
    for i in from..exp.chars.len() {
        let same_word = prev_word == Some(exp.word[i]);
        let ok = exp.starts_word(i, c) || (same_word && exp.chars[i] == c);
        if ok && spell_from(letters, li + 1, exp, i + 1, Some(i), failed) {
            return true;
        }
    }
    if let Some(slot) = failed.get_mut(memo) {
        *slot = true;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acronyms_from_the_notes_spell() {
        for (name, exp) in [
            (
                "BERT",
                "Bidirectional Encoder Representations from Transformers",
            ),
            ("RoBERTa", "Robustly Optimized BERT"),
            ("CAM", "class activation mapping"),
            ("BART", "Bidirectional and Auto-Regressive Transformers"),
            ("LoRA", "Low-Rank Adaptation"),
            ("Grad-CAM", "Gradient-weighted Class Activation Mapping"),
            ("MaaS", "Model-as-a-Service"),
            ("ZSL", "Zero-Shot Learning"),
            ("GZSL", "Generalized Zero-Shot Learning"),
            ("DARTS", "Differentiable Architecture Search"),
            ("NAS", "Neural Architecture Search"),
            ("MLM", "Masked Language Modeling"),
            ("NSP", "Next Sentence Prediction"),
            ("GAP", "Global Average Pooling"),
            ("FFN", "Feed-Forward Network"),
            ("CT", "Continuous Training"),
            ("CD", "Continuous Delivery/Deployment"),
            ("CI", "Continuous Integration"),
            ("FSL", "Few-Shot Learning"),
        ] {
            assert_eq!(spells_acronym(name, exp), Some(true), "{name} ({exp})");
        }
    }

    #[test]
    fn acronyms_from_the_benchmark_vocabulary_spell() {
        for (name, exp) in [
            ("HTTP", "Hypertext Transfer Protocol"),
            ("XSS", "Cross-Site Scripting"),
            ("ONNX", "Open Neural Network Exchange"),
            ("t-SNE", "t-distributed Stochastic Neighbor Embedding"),
            ("ICL", "In-Context Learning"),
            ("DDoS", "Distributed Denial of Service"),
            ("IoU", "Intersection over Union"),
            ("ViT", "Vision Transformer"),
            ("ResNet", "Residual Network"),
            ("ACID", "Atomicity, Consistency, Isolation, Durability"),
            ("BLEU", "Bilingual Evaluation Understudy"),
            ("ROUGE", "Recall-Oriented Understudy for Gisting Evaluation"),
            ("KNN", "k-Nearest Neighbors"),
            ("MoE", "Mixture of Experts"),
            ("SHAP", "SHapley Additive exPlanations"),
            ("MAP", "Maximum A Posteriori"),
            ("MAP", "Mean Average Precision"),
            // The first word's later part may start it.
            ("DoRA", "Weight-Decomposed Low-Rank Adaptation"),
        ] {
            assert_eq!(spells_acronym(name, exp), Some(true), "{name} ({exp})");
        }
    }

    #[test]
    fn a_name_blending_a_word_s_tail_spells_its_expansion() {
        // BLIP-2's `Q-Former`: Q from `Querying`, `Former` the tail of `Transformer`.
        assert_eq!(
            spells_acronym("Q-Former", "Querying Transformer"),
            Some(true)
        );
        assert_eq!(
            spells_acronym("Q-Former", "Learned Transformer"),
            Some(false)
        );
    }

    #[test]
    fn k_may_stand_for_compatibility() {
        assert_eq!(
            spells_acronym("NFKC", "Normalization Form Compatibility Composition"),
            Some(true)
        );
        assert_eq!(
            spells_acronym("NFKC", "Normalization Form Canonical Composition"),
            Some(false)
        );
    }

    #[test]
    fn row_rank_cannot_spell_lora() {
        assert_eq!(spells_acronym("LoRA", "Row-rank Adaptation"), Some(false));
        assert_eq!(
            spells_acronym("GPT", "Bidirectional Transformer"),
            Some(false)
        );
        // The first letter must come from the first real word.
        assert_eq!(
            spells_acronym("RAG", "Augmented Retrieval Generation"),
            Some(false)
        );
    }

    #[test]
    fn rule_does_not_apply_to_korean_or_non_acronyms() {
        assert_eq!(spells_acronym("RL", "강화학습"), None);
        assert_eq!(spells_acronym("Q값", "Q-value"), None);
        assert_eq!(spells_acronym("Mc", "x,y"), None);
        assert_eq!(
            spells_acronym("T5", "Text-to-Text Transfer Transformer"),
            None
        );
    }
}
