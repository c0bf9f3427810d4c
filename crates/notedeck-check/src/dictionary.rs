//! Which English words are spelt right: SCOWL's American English list (see `data/README.md`),
//! embedded in the binary so that the linter gives the same answer on every machine.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

/// The list as the build embeds it: one word a line, front-coded (a digit saying how many
/// leading letters are shared with the previous word, then the rest of the word).
const FRONT_CODED: &str = include_str!("../data/english-words.txt");

/// The decoded words, sorted, in one buffer with their end offsets: one allocation each
/// instead of one per word. Decoded on first use, which only a tie between two expansions
/// needs.
struct Words {
    text: String,
    ends: Vec<u32>,
}

impl Words {
    fn decode() -> Words {
        let mut text = String::with_capacity(FRONT_CODED.len() * 2);
        let mut ends = Vec::with_capacity(FRONT_CODED.len() / 4);
        let mut start = 0;
        for line in FRONT_CODED.lines() {
            let mut chars = line.chars();
            let shared = chars.next().and_then(|c| c.to_digit(10)).unwrap_or(0) as usize;
            let prefix_end = (start + shared).min(text.len());
            let word_start = text.len();
            text.extend_from_within(start..prefix_end);
            text.push_str(chars.as_str());
            start = word_start;
            if let Ok(end) = u32::try_from(text.len()) {
                ends.push(end);
            }
        }
        Words { text, ends }
    }

    fn word(&self, i: usize) -> &str {
        let start = i
            .checked_sub(1)
            .and_then(|p| self.ends.get(p))
            .map_or(0, |&e| e as usize);
        let end = self.ends.get(i).map_or(start, |&e| e as usize);
        self.text.get(start..end).unwrap_or("")
    }

    fn contains(&self, word: &str) -> bool {
        let (mut lo, mut hi) = (0, self.ends.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            match self.word(mid).cmp(word) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return true,
            }
        }
        false
    }
}

fn words() -> &'static Words {
    static WORDS: OnceLock<Words> = OnceLock::new();
    WORDS.get_or_init(Words::decode)
}

/// Whether `word` (ASCII letters, any case) is an English word the list knows, or a regular
/// form of one the list leaves out (`sharded` of `shard`, `tokenizing` of `tokenize`).
pub(crate) fn knows(word: &str) -> bool {
    if word.is_empty() || !word.bytes().all(|b| b.is_ascii_alphabetic()) {
        return false;
    }
    let lower = word.to_ascii_lowercase();
    let list = words();
    let known =
        |w: &str| list.contains(w) || stems(w).any(|stem| stem.len() >= 3 && list.contains(&stem));
    known(&lower) || american(&lower).is_some_and(|a| known(&a))
}

/// British spellings the American list spells otherwise, as one or two of its words
/// (`Neighbours`, `Normalisation`, `Modelling`, `Centre`): a note may use either, and neither
/// is a slip. `None` when `word` (lowercase) has no such part.
fn american(word: &str) -> Option<String> {
    const SPELLINGS: [(&str, &str); 7] = [
        ("our", "or"),
        ("isation", "ization"),
        ("ise", "ize"),
        ("yse", "yze"),
        ("lling", "ling"),
        ("lled", "led"),
        ("tre", "ter"),
    ];
    let mut out = word.to_string();
    for (british, american) in SPELLINGS {
        if out.contains(british) {
            out = out.replace(british, american);
        }
    }
    (out != word).then_some(out)
}

/// The English words one typing slip away from `word`, spelt with its capital (none when
/// the list knows `word` itself): a vowel or a
/// doubled letter too many (`Scailing`, `Cummulative`), any letter too many inside a long
/// word (`Evalutation`), two neighbours swapped, one vowel
/// for another (`Recurrant`), `m` for `n` or the other way in a word of six letters or more
/// (`Momemtum`), or a letter missing inside (`Adaptaion`). Never the first letter, and no
/// other change: a consonant changed, or dropped near the end, turns too many technical
/// words the list lacks into other words (`Classifier` is not `Classified`).
pub(crate) fn suggestions(word: &str) -> Vec<String> {
    // A vault repeats its expansions in note after note: each word is looked up once.
    static CACHE: OnceLock<Mutex<HashMap<String, Vec<String>>>> = OnceLock::new();
    let cache = CACHE.get_or_init(Mutex::default);
    if let Some(found) = cache.lock().ok().and_then(|c| c.get(word).cloned()) {
        return found;
    }
    let found = if knows(word) {
        Vec::new()
    } else {
        search_slips(word)
    };
    if let Ok(mut c) = cache.lock() {
        c.insert(word.to_string(), found.clone());
    }
    found
}

/// Shortest word (letters) a consonant too many is looked for in.
const LONG_WORD: usize = 8;

/// [`suggestions`], searched.
fn search_slips(word: &str) -> Vec<String> {
    let lower = word.to_ascii_lowercase();
    let b = lower.as_bytes();
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u');
    let mut found: Vec<Vec<u8>> = Vec::new();
    let try_one = |found: &mut Vec<Vec<u8>>, cand: Vec<u8>| {
        if !found.contains(&cand) && std::str::from_utf8(&cand).is_ok_and(|c| words().contains(c)) {
            found.push(cand);
        }
    };
    for i in 1..b.len() {
        if vowel(b[i]) || b[i] == b[i - 1] {
            try_one(&mut found, [&b[..i], &b[i + 1..]].concat());
        }
        if i + 1 < b.len() && b[i] != b[i + 1] {
            let mut swapped = b.to_vec();
            swapped.swap(i, i + 1);
            try_one(&mut found, swapped);
        }
        // `Momemtum`: `m` and `n`, one key apart and one sound apart, are the one pair of
        // consonants confused; any other consonant changed makes a word of too many terms.
        if b.len() >= 6 && matches!(b[i], b'm' | b'n') {
            let mut changed = b.to_vec();
            changed[i] = if b[i] == b'm' { b'n' } else { b'm' };
            try_one(&mut found, changed);
        }
        for c in b'a'..=b'z' {
            // `y` sounds as a vowel in the middle of a word (`Likelyhood`).
            let vowelish = |c: u8| vowel(c) || c == b'y';
            if vowelish(b[i]) && vowelish(c) && c != b[i] {
                let mut changed = b.to_vec();
                changed[i] = c;
                try_one(&mut found, changed);
            }
            try_one(&mut found, [&b[..i], &[c], &b[i..]].concat());
        }
    }
    // A consonant too many, only where no likelier slip is in reach (`Scailing` is
    // `Scaling`, not `Sailing`) and only inside a long word (`Evalutation`): one off its end
    // makes a technical word the list lacks into another (`Tokenizer`, `Tokenize`).
    if found.is_empty() && b.len() >= LONG_WORD {
        for i in 1..b.len() - 2 {
            try_one(&mut found, [&b[..i], &b[i + 1..]].concat());
        }
    }
    let capital = word.starts_with(|c: char| c.is_ascii_uppercase());
    found
        .into_iter()
        .filter_map(|f| String::from_utf8(f).ok())
        .map(|f| {
            if capital {
                f[..1].to_ascii_uppercase() + &f[1..]
            } else {
                f
            }
        })
        .collect()
}

/// The words `word` may be a regular form of: without `-ed`, `-ing`, `-s`, `-es`, `-er`,
/// with a dropped `e` put back (`shared` → `share`) and a doubled consonant made single
/// (`stopped` → `stop`).
fn stems(word: &str) -> impl Iterator<Item = String> + '_ {
    // `classifier`, `classified`, `classifies` of `classify`.
    let y = ["ier", "ied", "ies"]
        .into_iter()
        .filter_map(|suffix| word.strip_suffix(suffix))
        .map(|stem| format!("{stem}y"));
    ["ed", "ing", "es", "s", "er"]
        .into_iter()
        .filter_map(|suffix| word.strip_suffix(suffix))
        .flat_map(|stem| {
            let b = stem.as_bytes();
            let doubled = b.len() >= 2 && b[b.len() - 1] == b[b.len() - 2];
            [
                Some(stem.to_string()),
                Some(format!("{stem}e")),
                doubled.then(|| stem[..stem.len() - 1].to_string()),
            ]
            .into_iter()
            .flatten()
        })
        .chain(y)
}

/// The words of `text` the list does not know. Only lowercase or capitalised words of two
/// letters or more are looked up: an all-capital word (`BERT`) or one with a capital inside
/// (`RoBERTa`) is a name, which no dictionary lists and which a rival expansion spells the
/// same way anyway. A word joined of capitalised words (`AutoRegressive`) is looked up by its
/// parts: `AutoRegresive` has one the list does not know.
pub(crate) fn unknown_words(text: &str) -> Vec<&str> {
    let plain = |w: &str| w.len() >= 2 && w.chars().skip(1).all(|c| c.is_ascii_lowercase());
    // An accented word (`Fréchet`) is a name the list does not hold, kept whole.
    text.split(|c: char| !is_latin(c))
        .flat_map(|w| {
            let parts = camel_parts(w);
            if parts.len() >= 2 && parts.iter().all(|p| plain(p)) {
                parts
            } else {
                vec![w]
            }
        })
        .filter(|w| plain(w))
        .filter(|w| !knows(w))
        .collect()
}

/// The [`unknown_words`] of `text` that are one typing slip from an English word
/// ([`suggestions`]): `Confidance`, not the name `Parzen`, which no slip explains.
pub(crate) fn misspelled_words(text: &str) -> Vec<&str> {
    unknown_words(text)
        .into_iter()
        .filter(|w| !suggestions(w).is_empty())
        .collect()
}

/// Whether `c` is a Latin letter, accented ones included (`é` of `Fréchet`).
pub(crate) fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic() || crate::rules::acronym::is_latin_extra(c)
}

/// `w` cut before each capital that follows a lowercase letter (`AutoRegressive` → `Auto`,
/// `Regressive`).
fn camel_parts(w: &str) -> Vec<&str> {
    let b = w.as_bytes();
    let mut parts = Vec::new();
    let mut start = 0;
    for i in 1..b.len() {
        if b[i].is_ascii_uppercase() && b[i - 1].is_ascii_lowercase() {
            parts.push(&w[start..i]);
            start = i;
        }
    }
    parts.push(&w[start..]);
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_decodes_sorted_and_knows_words_and_their_forms() {
        let words = words();
        assert!(words.ends.len() > 70_000);
        assert!((1..words.ends.len()).all(|i| words.word(i - 1) < words.word(i)));
        for word in [
            "a",
            "low",
            "rank",
            "adaptation",
            "Recurrent",
            "neural",
            "networks",
            "gaussian",
            "markov",
            "zygote",
            "trained",
            // Regular forms the list leaves out.
            "Sharded",
            "sharding",
        ] {
            assert!(knows(word), "{word}");
        }
        for word in [
            "recurrant",
            "adaptaion",
            "",
            "low-rank",
            "naïve",
            "scailing",
            "cummulative",
        ] {
            assert!(!knows(word), "{word}");
        }
    }

    #[test]
    fn a_misspelling_one_slip_away_gets_the_word() {
        assert_eq!(suggestions("Cummulative"), ["Cumulative"]);
        assert_eq!(suggestions("Scailing"), ["Scaling"]);
        assert_eq!(suggestions("Recurrant"), ["Recurrent"]);
        assert_eq!(suggestions("adaptaion"), ["adaptation"]);
        assert_eq!(suggestions("Momemtum"), ["Momentum"]);
        assert_eq!(suggestions("Likelyhood"), ["Likelihood"]);
        assert_eq!(suggestions("Evalutation"), ["Evaluation"]);
        assert!(suggestions("Xqzvwk").is_empty());
        // Known through its stem (`classify`); a consonant changed is no slip offered.
        assert!(knows("Classifier"));
        assert!(!suggestions("Classifiex").contains(&"Classified".to_string()));
    }

    #[test]
    fn misspelt_words_are_counted_and_names_are_not() {
        assert_eq!(unknown_words("Recurrant Neural Network"), ["Recurrant"]);
        assert!(unknown_words("Recurrent Neural Network").is_empty());
        assert!(unknown_words("Robustly Optimized BERT").is_empty());
        assert!(unknown_words("Row-rank Adaptation").is_empty());
        // Joined words are read by their parts; a name stays a name.
        assert!(unknown_words("AutoRegressive Integrated Moving Average").is_empty());
        assert_eq!(
            unknown_words("AutoRegresive Integrated Moving Average"),
            ["Regresive"]
        );
        assert!(unknown_words("DeepAR and RoBERTa").is_empty());
        // A word no slip explains is a name (Parzen's window), not a misspelling.
        assert_eq!(
            unknown_words("Tree-structured Parzen Estimator"),
            ["Parzen"]
        );
        assert!(misspelled_words("Tree-structured Parzen Estimator").is_empty());
        assert_eq!(misspelled_words("Upper Confidance Bound"), ["Confidance"]);
    }
}
