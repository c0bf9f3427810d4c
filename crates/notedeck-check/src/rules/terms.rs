//! Terms: `conflicting-expansion` (one name, two meanings across the workspace),
//! `acronym-mismatch` (an expansion whose initials cannot spell the name), and the helpers
//! behind the term index (preferred definition, whole-word mentions).

use crate::dictionary::misspelled_words;
use crate::rules::acronym::{initials_misfit, is_english, spells_acronym, spells_acronym_cached};
use crate::{Code, Edit, Finding, Fix, Note, Related, TermSite, Workspace};
use notedeck_parse::{Span, Term};
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
    let mut groups = group_by_expansion(&sites);
    let glosses: Vec<String> = groups
        .iter()
        .filter(|(k, g)| {
            g.first().is_some_and(|s| {
                is_gloss(
                    name,
                    &s.term.expansion,
                    groups
                        .iter()
                        .filter(|(o, _)| o != k)
                        .filter_map(|(_, o)| o.first().map(|s| s.term.expansion.as_str())),
                )
            })
        })
        .map(|(k, _)| k.clone())
        .collect();
    for k in &glosses {
        groups.remove(k);
    }
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
                        Decider::Letters(runs) => format!(
                            ", whose words start with {} of \"{name}\"",
                            quoted_list(runs.iter().map(String::as_str))
                        ),
                        Decider::Echo(word) => {
                            format!(", as the text under the heading of \"{name}\" says \"{word}\"")
                        }
                        Decider::Heading => {
                            ", which a heading or a bold title introduces".to_string()
                        }
                        Decider::Dictionary => match misspelled_words(here).as_slice() {
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
        let sites = ws.term_sites(&term.name);
        // The other variants, as `conflicting-expansion` groups them.
        let own = group_key(&term.expansion);
        let others = sites
            .iter()
            .filter(|s| group_key(&s.term.expansion) != own)
            .map(|s| s.term.expansion.as_str());
        if is_gloss(&term.name, &term.expansion, others) {
            continue;
        }
        let site = TermSite {
            path,
            term,
            text: &note.text,
        };
        let better = sites
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

/// Whether `expansion` in parentheses after `name` glosses it rather than spells it out:
/// lowercase words that cannot spell the name and share no word with the `other` expansions
/// of it that are expansions proper (capitalised, or spelling it), of which there is one at
/// least (`sparse GP (inducing points)` beside `GP (Gaussian Process)`). A slip keeps a word
/// of the name's real expansion (`row-rank adaptation` beside `Low-Rank Adaptation`); with no
/// expansion proper to tell by, it may be either, and stays reported.
fn is_gloss<'a>(name: &str, expansion: &str, others: impl Iterator<Item = &'a str>) -> bool {
    fn words(e: &str) -> impl Iterator<Item = String> + '_ {
        e.split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| w.len() >= 3)
            .map(str::to_ascii_lowercase)
    }
    if expansion.chars().any(|c| c.is_ascii_uppercase())
        || spells_acronym_cached(name, expansion) != Some(false)
    {
        return false;
    }
    let own: Vec<String> = words(expansion).collect();
    let mut any = false;
    // A rival is an expansion proper: capitalised, or spelling the name. Two lowercase slips
    // are no rivals of each other.
    let rival = |e: &str| {
        e.chars().any(|c| c.is_ascii_uppercase()) || spells_acronym_cached(name, e) == Some(true)
    };
    for other in others.filter(|o| rival(o)) {
        any = true;
        if words(other).any(|w| own.contains(&w)) {
            return false;
        }
    }
    any
}

/// The group a site with `expansion` joins in `conflicting-expansion` (its normalised
/// expansion), or `None` if it is not compared at all. Sites of one name in fewer than two
/// groups never conflict, which the index tracks per name to skip them.
pub(crate) fn group_key(expansion: &str) -> Option<String> {
    comparable(expansion).then(|| normalize(expansion))
}

/// What decided between the variants of a name.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Decider {
    /// Only the kept one spells the name.
    Spelling,
    /// It is used more often.
    Usage,
    /// It is used as often, but its words are English words and the other's are not
    /// ("Recurrant" never wins over "Recurrent").
    Dictionary,
    /// Its words start with more of the name's lowercase runs (`Li` of `ALiBi`: `Linear`,
    /// not `Learned`): it spells the name closer. The runs it starts, for the message.
    Letters(Vec<String>),
    /// The text under a heading of the name, in a note holding both variants, uses a word
    /// only this variant has (`### BADGE (… Diverse Gradient Ensembles)` over a bullet on
    /// "gradient embedding"): what the note says about the name outweighs how its title spells
    /// it. The word as written there, for the message.
    Echo(String),
    /// Nothing else decides, and only it titles a heading (`## LOF (Local Outlier Factor)`,
    /// against a passing `LOF(Local Outlier Function)` in an answer): where a note
    /// introduces a name is where its author wrote it with most care.
    Heading,
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
    // Only now the dictionary: most names never tie, and it is decoded on first use. A word
    // it lacks counts only as a slip of one it knows: `Parzen` is a name, `Confidance` not.
    let unknown = |g: &[TermSite<'_>]| {
        g.first()
            .map_or(0, |s| misspelled_words(&s.term.expansion).len())
    };
    let fewest = tied.iter().map(|(_, g)| unknown(g)).min()?;
    tied.retain(|(_, g)| unknown(g) == fewest);
    if let [(key, _)] = tied.as_slice() {
        return Some(Choice::Keep {
            key: (*key).clone(),
            by: Decider::Dictionary,
        });
    }
    let started = |g: &[TermSite<'_>]| {
        g.first().map_or(Vec::new(), |s| {
            super::acronym::runs_started(name, &s.term.expansion)
        })
    };
    let most = tied.iter().map(|(_, g)| started(g).len()).max()?;
    let closest: Vec<_> = tied
        .iter()
        .filter(|(_, g)| started(g).len() == most)
        .collect();
    if let [(key, g)] = closest.as_slice() {
        let runs = started(g).into_iter().map(str::to_string).collect();
        return Some(Choice::Keep {
            key: (*key).clone(),
            by: Decider::Letters(runs),
        });
    }
    if let Some((key, word)) = echoed(&tied) {
        return Some(Choice::Keep {
            key,
            by: Decider::Echo(word),
        });
    }
    let titled = |g: &[TermSite<'_>]| g.iter().any(|s| s.term.is_heading);
    if let [(key, _)] = tied
        .iter()
        .filter(|(_, g)| titled(g))
        .collect::<Vec<_>>()
        .as_slice()
    {
        return Some(Choice::Keep {
            key: (*key).clone(),
            by: Decider::Heading,
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

/// The variant the text under a heading of the name speaks for, and the word it uses: for
/// each heading site with a rival variant in its own note, the variant whose own words (those
/// the other lacks) that text uses while never using the other's. `None` unless every such
/// heading speaks for the same variant.
fn echoed(tied: &[(&String, &Vec<TermSite<'_>>)]) -> Option<(String, String)> {
    let mut verdict: Option<(&String, String)> = None;
    for (key, group) in tied {
        for heading in group.iter().filter(|s| s.term.section.is_some()) {
            for (rival, others) in tied.iter().filter(|(k, _)| k != key) {
                let Some(other) = others.iter().find(|o| o.path == heading.path) else {
                    continue;
                };
                let own = echo_of(
                    heading,
                    &heading.term.expansion,
                    &other.term.expansion,
                    group,
                );
                let theirs = echo_of(
                    heading,
                    &other.term.expansion,
                    &heading.term.expansion,
                    others,
                );
                let spoken = match (own, theirs) {
                    (Some(word), None) => (*key, word),
                    (None, Some(word)) => (*rival, word),
                    _ => continue,
                };
                match &verdict {
                    Some((k, _)) if *k != spoken.0 => return None,
                    Some(_) => {}
                    None => verdict = Some(spoken),
                }
            }
        }
    }
    verdict.map(|(k, w)| (k.clone(), w))
}

/// The first word of `expansion` that `unlike` lacks and that the text under `heading`'s
/// heading uses beside a word it has beside it in `expansion` (case and a plural `s` aside,
/// a longer word it starts counts: `gradient embedding` for `… Gradient Embeddings`),
/// outside the expansions of `sites` written there. Alone, the word may name something
/// else: Cox's `partial likelihood` under `Cox PH (Proportional Hazards)` says nothing for
/// `Partial Hazards`.
fn echo_of(
    heading: &TermSite<'_>,
    expansion: &str,
    unlike: &str,
    sites: &[TermSite<'_>],
) -> Option<String> {
    let section = heading.term.section.clone()?;
    let body = heading.text.get(section.clone())?.to_ascii_lowercase();
    let words = |e: &str| -> Vec<String> {
        e.split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(|w| singular(w.to_ascii_lowercase()))
            .collect()
    };
    let theirs = words(unlike);
    let inside_a_site = |at: usize| {
        sites
            .iter()
            .filter(|s| s.path == heading.path)
            .any(|s| s.term.expansion_span.contains(&(section.start + at)))
    };
    let not_alnum = |c: char| !c.is_ascii_alphanumeric();
    let own = words(expansion);
    own.iter().enumerate().find_map(|(i, w)| {
        if w.len() < 4 || theirs.contains(w) {
            return None;
        }
        let before = i.checked_sub(1).map(|j| own[j].as_str());
        let after = own.get(i + 1).map(String::as_str);
        body.match_indices(w.as_str()).find_map(|(at, _)| {
            let starts_word = !body[..at].ends_with(|c: char| c.is_ascii_alphanumeric());
            let end = body[at..].find(not_alnum).map_or(body.len(), |e| at + e);
            let previous = body[..at].trim_end_matches(not_alnum);
            let previous = &previous[previous.rfind(not_alnum).map_or(0, |p| p + 1)..];
            let next = body[end..].trim_start_matches(not_alnum);
            let next = &next[..next.find(not_alnum).unwrap_or(next.len())];
            let beside = before.is_some_and(|b| previous.starts_with(b))
                || after.is_some_and(|a| next.starts_with(a));
            (starts_word && beside && !inside_a_site(at))
                .then(|| heading.text[section.start + at..section.start + end].to_string())
        })
    })
}

/// Indices of the terms titling a heading whose name another term of the same note expands
/// another way: the terms whose [`Term::section`] the `Echo` rule may read.
pub(crate) fn rivalled_headings(terms: &[Term]) -> HashSet<usize> {
    // Few terms title a heading: only their names' expansions are compared, each once.
    let named: HashSet<&str> = terms
        .iter()
        .filter(|t| t.section.is_some())
        .map(|t| t.name.as_str())
        .collect();
    if named.is_empty() {
        return HashSet::new();
    }
    let mut keys: HashMap<&str, Vec<(usize, String)>> = HashMap::new();
    for (i, t) in terms.iter().enumerate() {
        if named.contains(t.name.as_str())
            && let Some(key) = group_key(&t.expansion)
        {
            keys.entry(t.name.as_str()).or_default().push((i, key));
        }
    }
    keys.values()
        .flat_map(|sites| {
            sites
                .iter()
                .filter(|(i, key)| {
                    terms[*i].section.is_some() && sites.iter().any(|(_, k)| k != key)
                })
                .map(|(i, _)| *i)
        })
        .collect()
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
        out.push_str(&singular(word.to_lowercase()));
    }
    out
}

/// A lowercase word without a plural `s` (`neighbors` → `neighbor`; `loss` and `bus` stay).
fn singular(w: String) -> String {
    match w.strip_suffix('s') {
        Some(stem) if stem.len() >= 3 && !stem.ends_with('s') => stem.to_string(),
        _ => w,
    }
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

#[cfg(test)]
mod tests {
    use super::*;

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
