//! `misspelled-expansion`: a word of an expansion that is no English word but one letter away
//! from one (`NDCG (Normalized Discounted Cummulative Gain)`, `LARS (Layer-wise Adaptive Rate
//! Scailing)`). A term written once has no rival variant for `conflicting-expansion` to weigh,
//! so its typo went unreported and into its definition card.

use crate::dictionary::{knows, suggestions};
use crate::rules::acronym::is_english;
use crate::rules::terms::expansion_in_text;
use crate::{Code, Edit, Finding, Fix, Note, Workspace};
use std::path::Path;

/// Shortest word (letters) looked up: short words are often abbreviations (`Conv`, `Seq`).
const WORD_MIN_LEN: usize = 5;

/// Latin words of expansions (`Maximum A Posteriori`), which an English list lacks.
const LATIN: &[&str] = &[
    "priori",
    "posteriori",
    "versa",
    "vitro",
    "vivo",
    "facto",
    "hoc",
];

/// Findings for the misspelt words of the expansions `note` defines. A term with a rival
/// expansion in the workspace is left to `conflicting-expansion`, which weighs spelling too.
pub fn misspelled_expansions(ws: &Workspace, path: &Path, note: &Note) -> Vec<Finding> {
    let mut out = Vec::new();
    for term in &note.doc.terms {
        if !is_english(&term.expansion) || !expansion_in_text(&note.text, term) {
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
        let Some(source) = note.text.get(term.expansion_span.clone()) else {
            continue;
        };
        for (at, word) in words(source) {
            if word.len() < WORD_MIN_LEN
                || knows(word)
                || LATIN.iter().any(|l| word.eq_ignore_ascii_case(l))
            {
                continue;
            }
            let right = suggestions(word);
            if right.is_empty() {
                continue;
            }
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
                    .map(|r| Fix {
                        title: format!("Replace with \"{r}\""),
                        edits: vec![Edit {
                            path: path.to_path_buf(),
                            span: span.clone(),
                            new_text: r,
                        }],
                        preferred: sure,
                    })
                    .collect(),
            });
        }
    }
    out
}

/// The words of `text` a dictionary can judge, with where they start: runs of ASCII letters,
/// lowercase after their first letter (an all-capital word or one with a capital inside,
/// `RoBERTa`, is a name).
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
        .filter(|w| w.bytes().skip(1).all(|b| b.is_ascii_lowercase()))
        .map(move |w| (w.as_ptr().addr() - text.as_ptr().addr(), w))
}
