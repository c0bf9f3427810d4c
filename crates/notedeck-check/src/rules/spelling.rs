//! `misspelled-expansion`: a word of an expansion that is no English word but one letter away
//! from one (`NDCG (Normalized Discounted Cummulative Gain)`, `LARS (Layer-wise Adaptive Rate
//! Scailing)`). A term written once has no rival variant for `conflicting-expansion` to weigh,
//! so its typo went unreported and into its definition card.

use crate::dictionary::suggestions;
use crate::rules::acronym::is_english;
use crate::rules::terms::expansion_in_text;
use crate::{Code, Finding, Fix, Note, Workspace};
use std::collections::HashMap;
use std::path::Path;
use std::sync::{Mutex, OnceLock};

/// Shortest word (letters) looked up: short words are often abbreviations (`Conv`, `Seq`).
const WORD_MIN_LEN: usize = 5;

/// Words of expansions an English list lacks: Latin (`Maximum A Posteriori`) and the names
/// of statistics' smoothers (`STL (Seasonal and Trend decomposition using Loess)`).
const LATIN: &[&str] = &[
    "priori",
    "posteriori",
    "versa",
    "vitro",
    "vivo",
    "facto",
    "hoc",
    "loess",
    "lowess",
];

/// Findings for the misspelt words of the expansions `note` defines. A term with a rival
/// expansion in the workspace is left to `conflicting-expansion`, which weighs spelling too.
pub fn misspelled_expansions(ws: &Workspace, path: &Path, note: &Note) -> Vec<Finding> {
    let mut out = Vec::new();
    for term in &note.doc.terms {
        if !may_be_misspelt(&term.expansion) || !expansion_in_text(&note.text, term) {
            continue;
        }
        let Some(source) = note.text.get(term.expansion_span.clone()) else {
            continue;
        };
        // The words first: a term's rivals are looked up (every site of its name in the
        // workspace) only for the rare expansion with a word one slip from a known one.
        let misspelt: Vec<(usize, &str, Vec<String>)> = words(source)
            .filter(|&(at, w)| {
                w.len() >= WORD_MIN_LEN
                    && !LATIN.iter().any(|l| w.eq_ignore_ascii_case(l))
                    && !in_eponym(source, at, w)
            })
            .map(|(at, w)| (at, w, suggestions(w)))
            .filter(|(_, w, right)| {
                !right.is_empty()
                    && !note.own_words.iter().any(|o| o.eq_ignore_ascii_case(w))
                    && !notes_own_word(&note.text, w, right)
                    && !right.iter().any(|r| brand_spelling(w, r))
            })
            .collect();
        if misspelt.is_empty() {
            continue;
        }
        let key = |s: &str| -> String {
            s.chars()
                .filter(char::is_ascii_alphanumeric)
                .map(|c| c.to_ascii_lowercase())
                .collect()
        };
        let own = key(&term.expansion);
        let rival = ws
            .term_sites(&term.name)
            .into_iter()
            .any(|s| key(&s.term.expansion) != own);
        if rival {
            continue;
        }
        for (at, word, right) in misspelt {
            let start = term.expansion_span.start + at;
            let span = start..start + word.len();
            let quoted: Vec<String> = right.iter().map(|r| format!("\"{r}\"")).collect();
            // One word in reach is the fix; several are the student's to choose.
            let sure = right.len() == 1;
            out.push(Finding {
                code: Code::MisspelledExpansion,
                severity: Code::MisspelledExpansion.severity(),
                message: format!(
                    "\"{word}\" in the expansion of \"{}\" is not an English word; did you mean \
                     {}?",
                    term.name,
                    quoted.join(" or ")
                ),
                path: path.to_path_buf(),
                span: span.clone(),
                related: Vec::new(),
                fixes: right
                    .into_iter()
                    .map(|r| Fix::replace_with(path, span.clone(), r, sure))
                    .collect(),
            });
        }
    }
    out
}

/// Whether `word` is `right` with the `e` of its closing `-er` left out: a brand's spelling
/// (`FFHQ (Flickr-Faces-HQ)`, Tumblr), which typing never makes of a word's last syllable.
fn brand_spelling(word: &str, right: &str) -> bool {
    right
        .strip_suffix("er")
        .is_some_and(|stem| word.strip_suffix('r') == Some(stem))
}

/// Uses of a word the note makes, past which it is the note's own vocabulary.
const OWN_WORD_USES: usize = 3;

/// Whether the note uses `word` as a term of its own: three times or more (any case, as a
/// whole word) and none of the words it is one slip from (`Atrous` in `ASPP (Atrous Spatial
/// Pyramid Pooling)`, a heading `Atrous (Dilated) Convolution` and `atrous` in a table, never
/// `Atreus`). A slip is made once or twice beside the right spelling.
fn notes_own_word(text: &str, word: &str, right: &[String]) -> bool {
    let count = |w: &str| {
        words_any_case(text)
            .filter(|t| t.eq_ignore_ascii_case(w))
            .take(OWN_WORD_USES)
            .count()
    };
    count(word) >= OWN_WORD_USES && right.iter().all(|r| count(r) == 0)
}

/// The words of `terms`' expansions that `text` uses as its own terms ([`notes_own_word`]),
/// lowercase: what a note keeping only its expansions needs of the text it leaves out.
pub(crate) fn own_words(text: &str, terms: &[notedeck_parse::Term]) -> Vec<String> {
    let mut own: Vec<String> = Vec::new();
    for term in terms {
        if !may_be_misspelt(&term.expansion) {
            continue;
        }
        for (_, w) in words(&term.expansion) {
            if w.len() < WORD_MIN_LEN || own.iter().any(|o| o.eq_ignore_ascii_case(w)) {
                continue;
            }
            let right = suggestions(w);
            if !right.is_empty() && notes_own_word(text, w, &right) {
                own.push(w.to_ascii_lowercase());
            }
        }
    }
    own
}

/// Runs of ASCII letters in `text`, whatever their case.
fn words_any_case(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
}

/// Whether an expansion holds a word one slip from an English word, asked once per
/// distinct expansion: a vault writes the same ones in note after note, and nearly all are
/// spelt right.
fn may_be_misspelt(expansion: &str) -> bool {
    static SEEN: OnceLock<Mutex<HashMap<String, bool>>> = OnceLock::new();
    let seen = SEEN.get_or_init(Mutex::default);
    if let Some(known) = seen.lock().ok().and_then(|s| s.get(expansion).copied()) {
        return known;
    }
    let slips = is_english(expansion)
        && words(expansion).any(|(_, w)| {
            w.len() >= WORD_MIN_LEN
                && !LATIN.iter().any(|l| w.eq_ignore_ascii_case(l))
                && !suggestions(w).is_empty()
        });
    if let Ok(mut s) = seen.lock() {
        s.insert(expansion.to_string(), slips);
    }
    slips
}

/// Whether the word at `at` is joined by a hyphen to a capitalised word no list knows: two
/// names (`Benjamini-Hochberg`, `Kullback-Leibler`), not words (`Short-Term`).
fn in_eponym(text: &str, at: usize, word: &str) -> bool {
    let name = |w: &str| {
        w.starts_with(|c: char| c.is_ascii_uppercase())
            && w.len() >= 2
            && !crate::dictionary::knows(w)
    };
    let before = text[..at].strip_suffix('-').map(|b| {
        let start = b
            .rfind(|c: char| !c.is_ascii_alphabetic())
            .map_or(0, |i| i + 1);
        &b[start..]
    });
    let after = text[at + word.len()..].strip_prefix('-').map(|a| {
        let end = a
            .find(|c: char| !c.is_ascii_alphabetic())
            .unwrap_or(a.len());
        &a[..end]
    });
    before.is_some_and(name) || after.is_some_and(name)
}

/// The words of `text` a dictionary can judge, with where they start: runs of ASCII letters,
/// lowercase after their first letter (an all-capital word or one with a capital inside,
/// `RoBERTa`, is a name, and so is an accented one, `Fréchet`).
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split(|c: char| !crate::dictionary::is_latin(c))
        .filter(|w| !w.is_empty())
        .filter(|w| w.bytes().skip(1).all(|b| b.is_ascii_lowercase()))
        .map(move |w| (w.as_ptr().addr() - text.as_ptr().addr(), w))
}
