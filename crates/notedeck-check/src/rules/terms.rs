//! Terms: `conflicting-expansion` (one name, two meanings across the workspace),
//! `acronym-mismatch` (an expansion whose initials cannot spell the name), and the helpers
//! behind the term index (preferred definition, whole-word mentions).

use crate::dictionary::unknown_words;
use crate::{Code, Edit, Finding, Fix, Note, Related, TermSite, Workspace};
use notedeck_parse::{Span, Term};
use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

/// How many places of the preferred variant a finding lists as related.
const MAX_RELATED: usize = 3;

/// `conflicting-expansion` findings for every site of `name` whose expansion is not the
/// preferred one. Expansions are compared after normalisation (case, hyphens, spacing, markup
/// and plural `s` do not count), and only when both are English text: a Korean gloss of an
/// acronym is a translation, not a rival expansion.
pub fn conflicting_expansions(ws: &Workspace, name: &str) -> Vec<Finding> {
    expansion_conflicts_among(name, ws.term_sites(name))
}

/// [`conflicting_expansions`] over the given sites of `name` (in path and source order).
///
/// One finding per site to change. When a variant wins (it spells the name, or is used more,
/// or its words are all English words and the other's are not) its fix is the one to take.
/// When nothing decides, the later variant is reported with two fixes, neither preferred:
/// make it like the other, or make the other like it.
pub fn expansion_conflicts_among(name: &str, sites: Vec<TermSite<'_>>) -> Vec<Finding> {
    expansion_conflicts_in(name, sites, &|_| true)
}

/// [`expansion_conflicts_among`], keeping only the findings in files `wanted` says yes to
/// (the others are not made at all: an editor checking one file after an edit does not
/// format a message for every variant site of the vault).
pub fn expansion_conflicts_in(
    name: &str,
    sites: Vec<TermSite<'_>>,
    wanted: &dyn Fn(&Path) -> bool,
) -> Vec<Finding> {
    let groups = group_by_expansion(&sites);
    if groups.len() < 2 {
        return Vec::new();
    }
    let Some(choice) = choose(name, &groups) else {
        return Vec::new();
    };
    let anchor = choice.anchor();
    let best = &groups[anchor];
    let best_text = surface_form(best);
    let related: Vec<Related> = best
        .iter()
        .take(MAX_RELATED)
        .map(|s| Related {
            path: s.path.to_path_buf(),
            span: s.term.expansion_span.clone(),
            message: format!("expanded as \"{}\" here", s.term.expansion),
        })
        .collect();
    let elsewhere = match best.len() {
        1 => "1 other place".to_string(),
        n => format!("{n} other places"),
    };
    let mut out = Vec::new();
    for (key, group) in &groups {
        if key == anchor {
            continue;
        }
        for site in group.iter().filter(|s| wanted(s.path)) {
            let here = &site.term.expansion;
            let (why, fixes) = match &choice {
                Choice::Keep { by, .. } => {
                    let why = match by {
                        Decider::Spelling => ", which spells the name".to_string(),
                        Decider::Usage => String::new(),
                        Decider::Dictionary => match unknown_words(here).as_slice() {
                            [] => String::new(),
                            [one] => format!("; \"{one}\" is not an English word"),
                            many => format!(
                                "; {} are not English words",
                                quoted_list(many.iter().copied())
                            ),
                        },
                    };
                    (why, vec![replace_expansion(site, &best_text, true)])
                }
                Choice::Tie(tied) => {
                    let why = if tied.iter().any(|k| k == key) {
                        "; each is used as often and nothing tells which is right: choose one"
                    } else {
                        "; nothing tells which of the variants used most is right: choose one"
                    };
                    (why.to_string(), tie_fixes(site, key, tied, &groups))
                }
            };
            let misfit = initials_misfit(name, here)
                .map(|m| format!("; here {m}"))
                .unwrap_or_default();
            out.push(Finding {
                code: Code::ConflictingExpansion,
                severity: Code::ConflictingExpansion.severity(),
                message: format!(
                    "\"{name}\" is expanded as \"{here}\" here but as \"{best_text}\" in \
                     {elsewhere}{why}{misfit}"
                ),
                path: site.path.to_path_buf(),
                span: site.term.expansion_span.clone(),
                related: related.clone(),
                fixes,
            });
        }
    }
    out
}

/// The fixes for `site` (in group `key`) when the variants `tied` are equally good: replace
/// it by each tied variant, and if it is one of them, use it everywhere instead. None is
/// preferred, so no editor applies one unasked.
fn tie_fixes(
    site: &TermSite<'_>,
    key: &str,
    tied: &[String],
    groups: &BTreeMap<String, Vec<TermSite<'_>>>,
) -> Vec<Fix> {
    let mut fixes: Vec<Fix> = tied
        .iter()
        .filter(|k| k.as_str() != key)
        .filter_map(|k| groups.get(k))
        .map(|g| replace_expansion(site, &surface_form(g), false))
        .collect();
    if tied.iter().any(|k| k == key) {
        let others: Vec<&TermSite<'_>> = groups
            .iter()
            .filter(|(k, _)| k.as_str() != key)
            .flat_map(|(_, g)| g)
            .collect();
        let text = site.term.expansion.clone();
        fixes.push(Fix {
            title: format!(
                "Use \"{text}\" everywhere (changes {})",
                match others.len() {
                    1 => "1 other place".to_string(),
                    n => format!("{n} other places"),
                }
            ),
            edits: others
                .iter()
                .map(|o| Edit {
                    path: o.path.to_path_buf(),
                    span: o.term.expansion_span.clone(),
                    new_text: text.clone(),
                })
                .collect(),
            preferred: false,
        });
    }
    fixes
}

/// One conflict, its squiggle once: an expansion reported as conflicting is not reported again
/// as an acronym mismatch on the same span (the conflict's message names the initials that do
/// not fit). Both rules run on every check, so the editor and the linter drop the same ones.
pub fn drop_mismatches_under_conflicts(findings: &mut Vec<Finding>) {
    let conflicts: HashSet<(PathBuf, Span)> = findings
        .iter()
        .filter(|f| f.code == Code::ConflictingExpansion)
        .map(|f| (f.path.clone(), f.span.clone()))
        .collect();
    if conflicts.is_empty() {
        return;
    }
    findings.retain(|f| {
        f.code != Code::AcronymMismatch || !conflicts.contains(&(f.path.clone(), f.span.clone()))
    });
}

/// `acronym-mismatch` findings for the terms of one note. When another place in the workspace
/// expands the same name in a way that does spell it, the fix proposes that expansion.
pub fn acronym_mismatches(ws: &Workspace, path: &Path, note: &Note) -> Vec<Finding> {
    let mut out = Vec::new();
    for term in &note.doc.terms {
        if spells_acronym_cached(&term.name, &term.expansion) != Some(false)
            || !expansion_in_text(&note.text, term)
        {
            continue;
        }
        let site = TermSite { path, term };
        let better = ws
            .term_sites(&term.name)
            .into_iter()
            .find(|s| spells_acronym(&s.term.name, &s.term.expansion) == Some(true));
        let (related, fixes) = match better {
            Some(good) => (
                vec![Related {
                    path: good.path.to_path_buf(),
                    span: good.term.expansion_span.clone(),
                    message: format!("expanded as \"{}\" here", good.term.expansion),
                }],
                vec![replace_expansion(&site, &good.term.expansion, true)],
            ),
            None => (Vec::new(), Vec::new()),
        };
        let misfit = initials_misfit(&term.name, &term.expansion)
            .map(|m| format!(": {m}"))
            .unwrap_or_default();
        out.push(Finding {
            code: Code::AcronymMismatch,
            severity: Code::AcronymMismatch.severity(),
            message: format!(
                "the initials of \"{}\" cannot spell \"{}\"{misfit}",
                term.expansion, term.name
            ),
            path: path.to_path_buf(),
            span: term.expansion_span.clone(),
            related,
            fixes,
        });
    }
    out
}

/// [`spells_acronym`], remembered per thread: a vault writes the same few hundred terms in
/// every note, and `acronym-mismatch` asks about each site of each of them.
fn spells_acronym_cached(name: &str, expansion: &str) -> Option<bool> {
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

/// All sites of `name`, preferred expansion first, then headings, then path and source order.
pub fn ranked_sites<'a>(ws: &'a Workspace, name: &str) -> Vec<TermSite<'a>> {
    let mut sites = ws.term_sites(name);
    let groups = group_by_expansion(&sites);
    let choice = choose(name, &groups);
    // The preferred group's terms by address: a common name has a site in nearly every note,
    // and looking each site up in its group made ranking quadratic in the sites.
    let preferred: HashSet<*const Term> = choice
        .as_ref()
        .and_then(|c| groups.get(c.anchor()))
        .into_iter()
        .flatten()
        .map(|s| std::ptr::from_ref(s.term))
        .collect();
    // A stable sort on (not preferred, not a heading), as one pass into four buckets: each
    // site is looked up once, not once per comparison.
    let mut buckets: [Vec<TermSite<'a>>; 4] = Default::default();
    for site in sites.drain(..) {
        let other = usize::from(!preferred.contains(&std::ptr::from_ref(site.term)));
        buckets[2 * other + usize::from(!site.term.is_heading)].push(site);
    }
    for bucket in buckets {
        sites.extend(bucket);
    }
    sites
}

/// The site that best represents `name` for symbols and completion: a heading site with the
/// preferred expansion, else any site with it, else the first site.
pub fn preferred_site<'a>(ws: &'a Workspace, name: &str) -> Option<TermSite<'a>> {
    ranked_sites(ws, name).into_iter().next()
}

/// Whether the expansion's words can spell the acronym `name`; `None` when the rule does not
/// apply (the name is not an acronym, or the expansion is not English).
///
/// The name's capital letters must each match, in order, the start of a word or of a part of a
/// compound (`Pre-trained`, `exPlanations`), or a later letter of the word the previous letter
/// matched (`HTTP` from `Hypertext`, `DARTS` from `Architecture`). Its lowercase letters may
/// match the same way or be skipped (`RoBERTa`, `ViT`, `MaaS`), digits are ignored (`T5`), and
/// `X` may stand for a word starting with "ex", "cross" or "trans" (`XSS`, `ONNX`). Words may be
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

/// Whether `term.expansion_span` of `text` holds the expansion (markup and spacing aside).
pub fn expansion_in_text(text: &str, term: &Term) -> bool {
    let Some(source) = text.get(term.expansion_span.clone()) else {
        return false;
    };
    // Compared as they come: every term of a vault goes through here when it is indexed.
    fn plain(s: &str) -> impl Iterator<Item = char> + '_ {
        s.chars()
            .filter(|c| !c.is_whitespace() && !matches!(c, '*' | '_' | '`'))
    }
    plain(source).eq(plain(&term.expansion))
}

/// Whole-word test for mentions: an ASCII letter or digit right before or after continues the
/// word (`LoRAs`), anything else (space, punctuation, a Korean particle) ends it.
pub fn is_whole_word(text: &str, start: usize, end: usize) -> bool {
    let before = text.get(..start).and_then(|s| s.chars().next_back());
    let after = text.get(end..).and_then(|s| s.chars().next());
    !before.is_some_and(|c| c.is_ascii_alphanumeric())
        && !after.is_some_and(|c| c.is_ascii_alphanumeric())
}

/// The word (letters, digits, `-`, `_`; Korean included) under byte `offset`, if any.
pub fn word_at(text: &str, offset: usize) -> Option<&str> {
    let offset = offset.min(text.len());
    if !text.is_char_boundary(offset) {
        return None;
    }
    let is_word = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
    let start = text[..offset]
        .char_indices()
        .rev()
        .take_while(|(_, c)| is_word(*c))
        .last()
        .map_or(offset, |(i, _)| i);
    let end = text[offset..]
        .char_indices()
        .find(|(_, c)| !is_word(*c))
        .map_or(text.len(), |(i, _)| offset + i);
    (start < end).then(|| &text[start..end])
}

/// Comparable sites grouped by normalised expansion. Popular names have hundreds of sites
/// spelled a handful of ways, so each distinct spelling is normalised once.
fn group_by_expansion<'a>(sites: &[TermSite<'a>]) -> BTreeMap<String, Vec<TermSite<'a>>> {
    let mut keys: HashMap<&str, Option<String>> = HashMap::new();
    let mut groups: BTreeMap<String, Vec<TermSite<'a>>> = BTreeMap::new();
    for site in sites {
        let expansion = site.term.expansion.as_str();
        let key = keys
            .entry(expansion)
            .or_insert_with(|| group_key(expansion));
        if let Some(key) = key {
            match groups.get_mut(key.as_str()) {
                Some(group) => group.push(*site),
                None => {
                    groups.insert(key.clone(), vec![*site]);
                }
            }
        }
    }
    groups
}

/// The group a site with `expansion` joins in `conflicting-expansion` (its normalised
/// expansion), or `None` if it is not compared at all. Sites of one name in fewer than two
/// groups never conflict, which the index tracks per name to skip them.
pub(crate) fn group_key(expansion: &str) -> Option<String> {
    comparable(expansion).then(|| normalize(expansion))
}

/// What decided between the variants of a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Decider {
    /// Only the kept one spells the name.
    Spelling,
    /// It is used more often.
    Usage,
    /// It is used as often, but its words are English words and the other's are not
    /// ("Recurrant" never wins over "Recurrent").
    Dictionary,
}

/// Which variant of a name to keep.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Choice {
    /// This one (its group key), and why.
    Keep { key: String, by: Decider },
    /// These are equally good by every rule (keys, at least two, in the order their first
    /// sites appear): the checker does not guess.
    Tie(Vec<String>),
}

impl Choice {
    /// The variant the others are compared with: the kept one, or the first of a tie.
    fn anchor(&self) -> &str {
        match self {
            Choice::Keep { key, .. } => key,
            Choice::Tie(keys) => keys.first().map_or("", String::as_str),
        }
    }
}

/// The variant to keep: the one that spells the name, then the most used, then the one whose
/// words the English dictionary knows. Being in a heading or coming first decides nothing: a
/// typo is as likely in a heading as in a bullet.
fn choose(name: &str, groups: &BTreeMap<String, Vec<TermSite<'_>>>) -> Option<Choice> {
    let spells = |g: &[TermSite<'_>]| {
        g.first()
            .is_some_and(|s| spells_acronym(name, &s.term.expansion) == Some(true))
    };
    let scored: Vec<(&String, &Vec<TermSite<'_>>, (bool, usize))> = groups
        .iter()
        .map(|(k, g)| (k, g, (spells(g), g.len())))
        .collect();
    let top = scored.iter().map(|(_, _, s)| *s).max()?;
    let mut tied: Vec<(&String, &Vec<TermSite<'_>>)> = scored
        .iter()
        .filter(|(_, _, s)| *s == top)
        .map(|(k, g, _)| (*k, *g))
        .collect();
    if let [(key, _)] = tied.as_slice() {
        let spelling_alone = top.0 && scored.iter().filter(|(_, _, s)| s.0).count() == 1;
        let by = if spelling_alone {
            Decider::Spelling
        } else {
            Decider::Usage
        };
        return Some(Choice::Keep {
            key: (*key).clone(),
            by,
        });
    }
    // Only now the dictionary: most names never tie, and it is decoded on first use.
    let unknown = |g: &[TermSite<'_>]| {
        g.first()
            .map_or(0, |s| unknown_words(&s.term.expansion).len())
    };
    let fewest = tied.iter().map(|(_, g)| unknown(g)).min()?;
    tied.retain(|(_, g)| unknown(g) == fewest);
    if let [(key, _)] = tied.as_slice() {
        return Some(Choice::Keep {
            key: (*key).clone(),
            by: Decider::Dictionary,
        });
    }
    let first_site = |g: &[TermSite<'_>]| {
        g.first()
            .map(|s| (path_order(s.path).to_vec(), s.term.span.start))
    };
    tied.sort_by_cached_key(|(_, g)| first_site(g));
    Some(Choice::Tie(
        tied.into_iter().map(|(k, _)| k.clone()).collect(),
    ))
}

/// The order files are taken in (as the workspace's index orders them).
fn path_order(path: &Path) -> &[u8] {
    path.as_os_str().as_encoded_bytes()
}

fn quoted_list<'a>(words: impl Iterator<Item = &'a str>) -> String {
    words
        .map(|w| format!("\"{w}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The spelling of a group's expansion to propose: the most common as written, then the first.
fn surface_form(group: &[TermSite<'_>]) -> String {
    let mut counts: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for (i, site) in group.iter().enumerate() {
        let e = counts.entry(site.term.expansion.as_str()).or_insert((0, i));
        e.0 += 1;
    }
    counts
        .into_iter()
        .max_by(|(_, (na, ia)), (_, (nb, ib))| na.cmp(nb).then(ib.cmp(ia)))
        .map(|(s, _)| s.to_string())
        .unwrap_or_default()
}

fn replace_expansion(site: &TermSite<'_>, new_text: &str, preferred: bool) -> Fix {
    Fix {
        title: format!("Replace with \"{new_text}\""),
        edits: vec![Edit {
            path: site.path.to_path_buf(),
            span: site.term.expansion_span.clone(),
            new_text: new_text.to_string(),
        }],
        preferred,
    }
}

/// Case, hyphens, spacing, markup and a plural `s` do not make expansions different:
/// "Short-Term" = "Short Term", "Autoencoder" = "Auto-Encoder", "Neighbors" = "Neighbor".
fn normalize(expansion: &str) -> String {
    let mut out = String::new();
    for word in expansion
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let w = word.to_lowercase();
        let w = match w.strip_suffix('s') {
            Some(stem) if stem.len() >= 3 && !stem.ends_with('s') => stem.to_string(),
            _ => w,
        };
        out.push_str(&w);
    }
    out
}

/// An expansion worth comparing: English words (one of three letters or more), no Korean,
/// no formula (`s, a`, `x, y`, `W_0`).
fn comparable(expansion: &str) -> bool {
    is_english(expansion)
        && !expansion.contains(['=', '\\', '_', '^'])
        && expansion
            .split(|c: char| !c.is_ascii_alphabetic())
            .any(|w| w.len() >= 3)
}

fn is_english(text: &str) -> bool {
    text.chars().any(|c| c.is_ascii_alphabetic())
        && !text
            .chars()
            .any(|c| !c.is_ascii() && c.is_alphabetic() && !is_latin_extra(c))
}

/// Latin letters outside ASCII that English expansions still use (`Schrödinger`, `naïve`).
fn is_latin_extra(c: char) -> bool {
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
    /// word, or of a function word before it.
    fn first_slots(&self) -> Vec<usize> {
        let mut slots = Vec::new();
        let first_content = self.function_word.iter().position(|f| !f).unwrap_or(0);
        for (i, &w) in self.word.iter().enumerate() {
            if w > first_content {
                break;
            }
            if self.part_start[i] && (i == 0 || self.word[i - 1] != w) {
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
        ] {
            assert_eq!(spells_acronym(name, exp), Some(true), "{name} ({exp})");
        }
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

    #[test]
    fn benign_variants_normalise_equal() {
        assert_eq!(normalize("Short-Term"), normalize("Short Term"));
        assert_eq!(normalize("Autoencoder"), normalize("Auto-Encoder"));
        assert_eq!(
            normalize("k-Nearest Neighbors"),
            normalize("k-nearest neighbors")
        );
        assert_eq!(normalize("Round-Trip Time"), normalize("round trip time"));
        assert_ne!(
            normalize("Row-rank Adaptation"),
            normalize("Low-Rank Adaptation")
        );
    }
}
