//! Evidence from the rest of the document being repaired, at the level of words: a damaged
//! word usually occurs more than once, and all its occurrences should read the same. A word
//! here is a run of Hangul syllables and damaged characters, whatever punctuation surrounds it
//! ("상태" in "“상태-행동”" is the same word as in "상태를").

use crate::choose::Decision;
use crate::model;
use crate::scan::Unit;
use std::collections::HashMap;

/// One word of the document.
pub(crate) struct Word {
    /// The word as it appears damaged: equal keys, equal damage.
    key: String,
    /// Syllables in the word.
    len: usize,
    /// The damaged characters: (position in the word, index among the choices).
    choices: Vec<(usize, usize)>,
}

/// A "word" longer than this is not a word: leave it out (and keep the keys small).
const MAX_WORD: usize = 40;

/// The words of the text that contain damaged characters.
pub(crate) fn words(text: &str, units: &[Unit], unit_choice: &[Option<usize>]) -> Vec<Word> {
    let mut out = Vec::new();
    let empty = || Word {
        key: String::new(),
        len: 0,
        choices: Vec::new(),
    };
    let mut word = empty();
    let mut flush = |word: &mut Word| {
        let done = std::mem::replace(word, empty());
        if !done.choices.is_empty() && done.len <= MAX_WORD {
            out.push(done);
        }
    };
    for (u, unit) in units.iter().enumerate() {
        match (unit, unit_choice.get(u).copied().flatten()) {
            (Unit::Keep(range), _) => {
                for ch in text.get(range.clone()).unwrap_or("").chars() {
                    if model::is_hangul_syllable(ch) {
                        word.key.push(ch);
                        word.len += 1;
                    } else {
                        flush(&mut word);
                    }
                }
            }
            (Unit::Complete { ch }, _) if model::is_hangul_syllable(*ch) => {
                word.key.push(*ch);
                word.len += 1;
            }
            (Unit::Truncated { src, .. }, Some(k)) => {
                // The damaged characters, set apart from decoded syllables.
                word.key.push('\u{1}');
                word.key.push_str(text.get(src.clone()).unwrap_or(""));
                word.key.push('\u{1}');
                word.choices.push((word.len, k));
                word.len += 1;
            }
            _ => flush(&mut word),
        }
    }
    flush(&mut word);
    out
}

/// Makes every occurrence of the same damaged word take the same reading, the one their
/// posteriors favour together ("one reading per document"): a word the model gets right where
/// its context is clear ("채널 인덱스") is then also right where the context says little ("채널
/// 수").
pub(crate) fn agree(words: &[Word], decisions: &mut [(usize, Decision)]) {
    let mut groups: HashMap<(&str, usize), Vec<usize>> = HashMap::new();
    for word in words {
        for &(at, k) in &word.choices {
            groups.entry((&word.key, at)).or_default().push(k);
        }
    }
    for members in groups.values().filter(|m| m.len() > 1) {
        let mut total: HashMap<usize, f64> = HashMap::new();
        for &k in members {
            let Some((_, d)) = decisions.get(k) else {
                continue;
            };
            for &(cand, p) in &d.posterior {
                *total.entry(cand).or_default() += f64::from(p.max(1e-6)).ln();
            }
        }
        let Some((&best, _)) = total.iter().max_by(|a, b| a.1.total_cmp(b.1)) else {
            continue;
        };
        // Every member reports the group's average posteriors, so that the confidence shown is
        // the one of the reading all occurrences share.
        let posterior = mean(members, decisions, |d| &d.posterior);
        let floored = [0, 1].map(|m| mean(members, decisions, |d| &d.floored[m]));
        for &k in members {
            if let Some((_, d)) = decisions.get_mut(k) {
                d.chosen = best;
                d.posterior.clone_from(&posterior);
                d.floored.clone_from(&floored);
            }
        }
    }
}

/// The average of one posterior of `members`, most probable first.
fn mean(
    members: &[usize],
    decisions: &[(usize, Decision)],
    posterior: impl Fn(&Decision) -> &Vec<(usize, f32)>,
) -> Vec<(usize, f32)> {
    let mut mean: HashMap<usize, f32> = HashMap::new();
    for &k in members {
        let Some((_, d)) = decisions.get(k) else {
            continue;
        };
        for &(cand, p) in posterior(d) {
            *mean.entry(cand).or_default() += p / members.len() as f32;
        }
    }
    let mut mean: Vec<(usize, f32)> = mean.into_iter().collect();
    mean.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    mean
}
