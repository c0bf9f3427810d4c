//! How a table names its subjects, and how a subject names a topic: the names a title goes
//! by ([`aliases`]), a subject asked by its short name rather than the expansion or subtitle
//! that gives answers away ([`short_name`], [`bold_name`]), the fuller name a topic's
//! title gives it ([`fuller_name`]), and the topic or facet section a subject names
//! ([`Builder::topic_named`], [`Builder::facet_named`]).

use super::tables::is_hangul;
use super::{Builder, facts, outline};
use crate::tree::Plain;
use crate::{SectionKind, math};
use foldhash::HashMap;

/// Shortest single word that names a topic as its title's first word ([`is_run_of`]).
const SINGLE_WORD_RUN_MIN_CHARS: usize = 5;

/// The names a title or a table subject goes by, each as its lowercased words one space
/// apart: the text outside parentheses, and each parenthesis (`Generalized Zero-Shot Learning
/// (GZSL)` is also `gzsl`).
pub(super) fn aliases(name: &str) -> Vec<String> {
    // Sized once: growing a string a character at a time costs more than the rest.
    let mut out = Vec::with_capacity(2);
    out.push(String::with_capacity(name.len()));
    // Which alias a character goes to: 0 outside parentheses, else the parenthesis.
    let mut current = 0;
    let mut depth = 0usize;
    let mut gap = false;
    for c in name.chars() {
        match c {
            '(' | '（' => {
                if depth == 0 {
                    out.push(String::with_capacity(name.len()));
                    current = out.len() - 1;
                }
                depth += 1;
                gap = true;
            }
            ')' | '）' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    current = 0;
                }
                gap = true;
            }
            _ if c.is_ascii_alphanumeric()
                || is_hangul(c)
                || (!c.is_ascii() && c.is_alphanumeric()) =>
            {
                let alias = &mut out[current];
                if gap && !alias.is_empty() {
                    alias.push(' ');
                }
                gap = false;
                if c.is_ascii() {
                    alias.push(c.to_ascii_lowercase());
                } else if is_hangul(c) {
                    // No case; skips the lookup in Unicode's tables.
                    alias.push(c);
                } else {
                    alias.extend(c.to_lowercase());
                }
            }
            _ => gap = true,
        }
    }
    out.retain(|a| !a.is_empty());
    // `SGD + Momentum` names `SGD with Momentum`: a joining word is as much a joint as `+`.
    // Looked for word by word (most names have none): a substring search set up for every
    // name a table asks about cost more than the rest of this function.
    let joint = |w: &str| w == "with" || w == "and";
    for a in &mut out {
        if a.split(' ').any(joint) {
            let kept: Vec<&str> = a.split(' ').filter(|w| !joint(w)).collect();
            *a = kept.join(" ");
        }
    }
    out
}

/// Words a title may close on after a name, saying only what kind of thing it names (`KM
/// (Kaplan-Meier) 추정량`, `Cox PH 모형`).
const KIND_WORDS: [&str; 8] = [
    "추정량",
    "모형",
    "모델",
    "방법",
    "기법",
    "알고리즘",
    "model",
    "method",
];

/// Whether the words of `run` come one after another in `words` (one word only as the
/// first, see below).
pub(super) fn is_run_of(run: &str, words: &str) -> bool {
    // One word names a title only as its first word (`Bahdanau` of `Bahdanau Attention`),
    // and only a long one, `CNN` being a word of many titles, or one only a word of kind
    // follows.
    if !run.contains(' ') {
        let rest = words.strip_prefix(run).filter(|rest| rest.starts_with(' '));
        // `KM` of `KM (Kaplan-Meier) 추정량`: a short name is the title's when all that
        // follows it is a word saying what kind of thing it is.
        return rest.is_some_and(|rest| {
            run.chars().count() >= SINGLE_WORD_RUN_MIN_CHARS || KIND_WORDS.contains(&rest.trim())
        });
    }
    words.match_indices(run).any(|(at, _)| {
        (at == 0 || words[..at].ends_with(' '))
            && words[at + run.len()..]
                .chars()
                .next()
                .is_none_or(|c| c == ' ')
    })
}

/// Whether title `words` names the family of `run` (`r cnn 계열` of `r cnn`): the family is
/// no name of its first member, which a row of a table under it (`R-CNN`, `Fast R-CNN`,
/// `Faster R-CNN`) compares with its siblings.
pub(super) fn is_family_of(run: &str, words: &str) -> bool {
    words.strip_prefix(run).is_some_and(|rest| {
        matches!(
            rest.trim(),
            "계열" | "계열 모델" | "모델들" | "family" | "models" | "variants" | "series"
        )
    })
}

/// [`short_name`] for a table cell's front, except that a trailing acronym that is not the
/// name's own stays: in `Pointwise (WRMF)` it names the method the column is about, and
/// `Pointwise › 최적화` → `ALS` said that of every pointwise method. `Model-as-a-Service
/// (MaaS)` still reads `Model-as-a-Service`, and so does any name whose cell's `answer`
/// holds the acronym (the front would give it away).
pub(super) fn shown_name<'s>(subject: &'s str, answer: &str) -> &'s str {
    let trimmed = subject.trim();
    let short = short_name(trimmed);
    let Some(inside) = trimmed
        .strip_suffix(')')
        .and_then(|t| t.rsplit_once('('))
        .map(|(_, inside)| inside)
    else {
        return short;
    };
    if crate::terms::is_acronym(inside)
        && short != inside
        && !super::repeats::abbreviates(&super::repeats::letters_key(inside), short)
        && !answer.contains(inside)
    {
        trimmed
    } else {
        short
    }
}

/// `PTQ` for a subject written as a term, `PTQ (Post-Training Quantization)`: the term's
/// definition card asks the expansion, and shown on every cell's front it gives answers away
/// (`시점` → `학습이 끝난 후`). Read from the subject as the term parser reads it. Any other
/// trailing parenthesis goes too, as it does from a topic's title on its own cards:
/// `Model-as-a-Service (MaaS)` is asked as `Model-as-a-Service`, and `Level 1 (CT 중심)` as
/// `Level 1`, whose purpose `CT 중심` would give away; but `CI/CD 완전 자동화 (Level 2)` as
/// `Level 2`.
pub(super) fn short_name(subject: &str) -> &str {
    let trimmed = subject.trim();
    if let Some(t) = crate::terms::find_terms(trimmed)
        .into_iter()
        .find(|t| t.whole == (0..trimmed.len()) && t.name.start == 0)
    {
        return trimmed[t.name].trim();
    }
    let Some(open) = trimmed.strip_suffix(')').and_then(|t| t.rfind('(')) else {
        return trimmed;
    };
    let (head, inside) = (
        trimmed[..open].trim(),
        &trimmed[open + 1..trimmed.len() - 1],
    );
    // `CI/CD 완전 자동화 (Level 2)`: a numbered label in the parenthesis is the name, and
    // what comes before it describes it.
    let numbered = inside.split_once(' ').is_some_and(|(word, n)| {
        word.chars().all(|c| c.is_ascii_alphabetic()) && n.chars().all(|c| c.is_ascii_digit())
    });
    if numbered {
        inside
    } else if head.is_empty() {
        trimmed
    } else {
        head
    }
}

/// `Level 0` of a subject cell written `**Level 0** – Manual Process`: the bold name before a
/// dash or colon is what the subject is called; the subtitle after it describes it, and on
/// every cell's front it gives answers away (`자동화 범위` → `없음`).
pub(super) fn bold_name(cell: &Plain) -> Option<&str> {
    let text = &cell.text;
    let lead = text.len() - text.trim_start().len();
    let bold = cell.strong.first().filter(|b| b.start == lead)?;
    let name = text[bold.clone()].trim();
    let rest = text[bold.end..].trim_start();
    let subtitle = rest
        .strip_prefix(['–', '—', '-', ':'])
        .is_some_and(|r| !r.trim().is_empty());
    if subtitle && !name.is_empty() {
        return Some(name);
    }
    // `**Level 1: ML Pipeline Automation**`, all of it bold: a short name, then a subtitle
    // of words of its own.
    let (name, subtitle) = name
        .split_once(": ")
        .or_else(|| name.split_once(" – "))
        .or_else(|| name.split_once(" — "))?;
    let short = name.split_whitespace().count() <= SUBTITLED_NAME_MAX_WORDS;
    (short && subtitle.split_whitespace().count() >= 2).then(|| name.trim())
}

/// The name part of a topic's title (`MLOps Level 0` of `MLOps Level 0: Manual Process – Key
/// Points`) when it is `asked` with words before it: a table's subject cut short (`Level
/// 0`), whose topic says what it is a level of. A subtitle after the name is left out, as
/// [`bold_name`] leaves it out of a subject, since it gives answers away.
pub(super) fn fuller_name<'t>(asked: &str, title: &'t str) -> Option<&'t str> {
    let name = [": ", " – ", " — "]
        .iter()
        .filter_map(|sep| title.find(sep))
        .min()
        .map_or(title, |at| &title[..at])
        .trim();
    let words = name.split_whitespace().count();
    let longer = words > asked.split_whitespace().count() && words <= FULLER_NAME_MAX_WORDS;
    // `Grad-CAM vs Score-CAM` names two topics, not a fuller `Score-CAM`.
    let ends_with_asked = name
        .to_lowercase()
        .strip_suffix(&asked.trim().to_lowercase())
        .is_some_and(|before| {
            before.ends_with(' ')
                && !before
                    .split_whitespace()
                    .any(|w| matches!(w, "vs" | "vs." | "and" | "&" | "/" | "및"))
        });
    (longer && ends_with_asked).then_some(name)
}

/// Most words of a topic's name that [`fuller_name`] asks by.
const FULLER_NAME_MAX_WORDS: usize = 4;

/// Most words of a name a subtitle follows in a bold subject (`Level 1`).
const SUBTITLED_NAME_MAX_WORDS: usize = 2;

/// Table header or first-column cell that names a thing (Latin-script name) rather than an
/// attribute (mostly Hangul).
pub(super) fn looks_like_name(cell: &str) -> bool {
    let latin = cell.chars().filter(char::is_ascii_alphabetic).count();
    let hangul = cell.chars().filter(|c| is_hangul(*c)).count();
    latin > 0 && latin >= hangul
}

impl Builder<'_, '_> {
    /// The topic of the table's problem that a table's subject names: its title or the
    /// expansion in its parentheses, or (for a subject of two words or more) a run of the
    /// title's words (`Level 0: Manual Process` in `MLOps Level 0: Manual Process – Key
    /// Points`, `Zero-Shot` in `Zero-Shot Learning`), the shortest such title if one is.
    /// Comparison sections (`비교 요약 표`) name nothing. A name two topics share names none.
    pub(super) fn topic_named(&mut self, name: &str, near: Option<usize>) -> Option<usize> {
        let wanted = aliases(name);
        if wanted.is_empty() {
            return None;
        }
        let problem = self.problem_of(near);
        if self.topic_names.is_none() {
            let mut topics: HashMap<Option<usize>, ProblemTopics> = HashMap::default();
            for i in 0..self.doc.sections.len() {
                // `중앙 집중 학습 vs 연합 학습` is the topic of neither side: taken for both, it
                // made their cells one fact, and one side's answers went as the other's.
                let short = &self.info[i].short;
                if self.doc.sections[i].kind == SectionKind::Topic
                    && !outline::is_comparison(short)
                    && !outline::compares_by_name(short)
                {
                    topics
                        .entry(self.problem_of(Some(i)))
                        .or_default()
                        .sections
                        .push(i);
                }
            }
            self.topic_names = Some(topics);
        }
        let topics = self.topic_names.as_mut()?.get_mut(&problem)?;
        topics.index(&self.doc.sections);
        // Only topics holding one of the wanted names, or the first word of the subject's own
        // name, can match: looked up, a note of many topics and tables stays linear.
        let mut named: Vec<usize> = wanted
            .iter()
            .filter_map(|n| topics.by_name.get(n))
            .flatten()
            .copied()
            .collect();
        named.sort_unstable();
        named.dedup();
        // A title that is the subject's name decides, whatever a title holding it says.
        match named[..] {
            [at] => return Some(topics.sections[at]),
            [_, _, ..] => return None,
            [] => {}
        }
        let own = aliases(short_name(name))
            .into_iter()
            .next()
            .unwrap_or_default();
        let first = own.split(' ').next().filter(|w| !w.is_empty())?;
        let mut holding: Vec<usize> = topics.by_word.get(first)?.clone();
        holding.dedup();
        // (words in the title, topic, another topic as short)
        let mut loose: Option<(usize, usize, bool)> = None;
        for at in holding {
            let i = topics.sections[at];
            for n in &topics.names[at] {
                // Only the name the subject is asked by is read as part of a title: an aside
                // in its parentheses (`eta (learning_rate)`) is no name of a `Learning Rate
                // Range Test`, a numbered label (`… (Level 2)`) is.
                if !is_run_of(&own, n) || is_family_of(&own, n) {
                    continue;
                }
                let len = n.split(' ').count();
                loose = match loose {
                    Some((shortest, t, two)) if shortest < len || (t == i && shortest <= len) => {
                        Some((shortest, t, two))
                    }
                    Some((shortest, t, _)) if shortest == len => Some((shortest, t, true)),
                    _ => Some((len, i, false)),
                };
            }
        }
        match loose {
            Some((_, t, false)) => Some(t),
            _ => None,
        }
    }

    /// The topic section anywhere in the note whose title is `name` (`양자화 (Quantization)`
    /// for `## **1. 양자화 (Quantization)**`, numbering and case aside), when only one is.
    pub(super) fn topic_titled(&mut self, name: &str) -> Option<usize> {
        let mut titles = self.titled_topics.take();
        let found = self.titled(&mut titles, SectionKind::Topic, name);
        self.titled_topics = titles;
        found
    }

    /// The facet section anywhere in the note whose title is `name` (`ASHA` for `### 3. ASHA
    /// (Asynchronous Successive Halving)` under `## Multi-fidelity 방법`), when only one is.
    pub(super) fn facet_titled(&mut self, name: &str) -> Option<usize> {
        let mut titles = self.titled_facets.take();
        let found = self.titled(&mut titles, SectionKind::Facet, name);
        self.titled_facets = titles;
        found
    }

    /// The section of `kind` whose title is `name`, by the first of its names
    /// ([`aliases`]), when only one is; `titles` holds every such section by that name,
    /// gathered at the first call.
    fn titled(
        &self,
        titles: &mut Option<HashMap<String, Option<usize>>>,
        kind: SectionKind,
        name: &str,
    ) -> Option<usize> {
        let titles = titles.get_or_insert_with(|| {
            let mut titles: HashMap<String, Option<usize>> = HashMap::default();
            for (i, s) in self.doc.sections.iter().enumerate() {
                if s.kind != kind {
                    continue;
                }
                if let Some(first) = aliases(&self.info[i].short).into_iter().next() {
                    titles
                        .entry(first)
                        .and_modify(|t| *t = None)
                        .or_insert(Some(i));
                }
            }
            titles
        });
        let first = aliases(name).into_iter().next()?;
        titles.get(&first).copied().flatten()
    }

    /// A facet section of the table's topic titled exactly `name` (a sub-topic such as `###
    /// Fast R-CNN` under `## R-CNN 계열`); none when two are.
    pub(super) fn facet_named(&self, name: &str, facets: &mut FacetNames) -> Option<usize> {
        let wanted = aliases(name);
        let first = wanted.first()?;
        if let FacetNames::Unread(near) = *facets {
            *facets = FacetNames::Read(self.facet_names(near));
        }
        let FacetNames::Read(names) = facets else {
            return None;
        };
        let mut found = names.iter().filter(|(_, n)| n == first).map(|&(i, _)| i);
        let one = found.next();
        found.next().is_none().then_some(one).flatten()
    }

    /// For each of `names` (a table's subjects), the facet section of the table's topic it
    /// names by leaving off a last word that at least one other subject leaves off too:
    /// `Point`, `Contextual`, `Collective` over `### 1) Point Anomaly`, `### 2) Contextual
    /// Anomaly`, … One such subject alone names nothing: `Deep` is no `Deep Learning`.
    pub(super) fn facets_named_short(
        &self,
        names: &[&str],
        facets: &mut FacetNames,
    ) -> Vec<Option<usize>> {
        if let FacetNames::Unread(near) = *facets {
            *facets = FacetNames::Read(self.facet_names(near));
        }
        let FacetNames::Read(sections) = facets else {
            return vec![None; names.len()];
        };
        // (facet, the words it adds) of each subject naming exactly one facet so.
        let found: Vec<Option<(usize, &str)>> = names
            .iter()
            .map(|name| {
                let wanted = aliases(name).into_iter().next()?;
                let mut hits = sections.iter().filter_map(|(i, n)| {
                    let rest = n.strip_prefix(wanted.as_str())?.strip_prefix(' ')?;
                    (!rest.contains(' ')).then_some((*i, rest))
                });
                let one = hits.next();
                hits.next().is_none().then_some(one).flatten()
            })
            .collect();
        found
            .iter()
            .map(|f| {
                let (i, rest) = (*f)?;
                let shared = found
                    .iter()
                    .flatten()
                    .any(|&(j, other)| j != i && other == rest);
                shared.then_some(i)
            })
            .collect()
    }

    /// The facet sections of `near`'s topic with the first of their names ([`aliases`]). Only
    /// the topic's own sections are read: they lie between its heading and the end of its span.
    fn facet_names(&self, near: Option<usize>) -> Vec<(usize, String)> {
        let secs = &self.doc.sections;
        let Some(topic) = self.topic_of(near) else {
            return Vec::new();
        };
        let end = secs[topic].span.end;
        secs.iter()
            .enumerate()
            .skip(topic + 1)
            .take_while(|(_, s)| s.heading_span.start < end)
            .filter(|(_, s)| s.kind == SectionKind::Facet)
            .filter_map(|(i, _)| Some((i, aliases(&self.info[i].short).into_iter().next()?)))
            .collect()
    }
}

/// The facets of a table's topic, read when a subject first needs them.
pub(super) enum FacetNames {
    /// Not read yet: the table's section.
    Unread(Option<usize>),
    Read(Vec<(usize, String)>),
}

/// The topics of one problem a table's subject may name, with the names their titles give
/// them (see [`aliases`]), looked up by name and by word.
#[derive(Default)]
pub(super) struct ProblemTopics {
    sections: Vec<usize>,
    /// Each topic's names, beside `sections`; computed when a table of the problem first asks.
    names: Vec<Vec<String>>,
    /// Positions in `sections` by each of their names.
    by_name: HashMap<String, Vec<usize>>,
    /// Positions in `sections` by each word of their names.
    by_word: HashMap<String, Vec<usize>>,
}

impl ProblemTopics {
    fn index(&mut self, sections: &[crate::Section]) {
        if self.names.len() == self.sections.len() {
            return;
        }
        for (at, &i) in self.sections.iter().enumerate() {
            let names = aliases(&sections[i].title);
            for n in &names {
                self.by_name.entry(n.clone()).or_default().push(at);
                for w in n.split(' ') {
                    self.by_word.entry(w.to_string()).or_default().push(at);
                }
            }
            self.names.push(names);
        }
    }
}

/// The highest section of the path `names` describes ([`Builder::names_on_path`]) that names
/// a cell's answer `value` (`Instance Segmentation › 대표 모델` → `Mask R-CNN`, in a table
/// under `Mask R-CNN › 분할 종류`), as its index in `names`: the card must not be shown under
/// it. Only a whole item of the answer gives it away (`FCN, U-Net` → `fcn`, `unet`), not a
/// name inside a longer one (`RKD (Relational Knowledge Distillation)` under `Knowledge
/// Distillation`).
pub(super) fn leaked_at(names: &[(String, Option<usize>, usize)], value: &str) -> Option<usize> {
    if names.is_empty() {
        return None;
    }
    let items: Vec<String> = value
        .split([',', '/', '·'])
        .map(facts::name_key)
        .filter(|k| !k.is_empty())
        .collect();
    names.iter().rposition(|(name, ..)| items.contains(name))
}

/// The two axes a table's corner cell names (`실제 \ 예측`, `Actual \ Predicted`): what
/// the first column is read on, then what the header is. `None` for an ordinary corner
/// (`구분`, `모델`).
pub(super) fn axes(corner: &str) -> Option<(&str, &str)> {
    let (rows, columns) = corner.split_once(['\\', '＼'])?;
    let (rows, columns) = (rows.trim(), columns.trim());
    // `구분 \ 방법`: a word that only says "item" names no axis a cell is read on, and
    // `구분 데이터 많을 때` says nothing `데이터 많을 때` does not.
    let word = |w: &str| {
        !w.is_empty()
            && w.chars().count() <= AXIS_MAX_CHARS
            && !GENERIC_AXES.iter().any(|g| g.eq_ignore_ascii_case(w))
    };
    (word(rows) && word(columns)).then_some((rows, columns))
}

/// Corner words that name no axis: the first column's usual header.
const GENERIC_AXES: [&str; 8] = [
    "구분", "항목", "기준", "비교", "category", "item", "criteria", "aspect",
];

/// Longest name of a table's axis (characters).
const AXIS_MAX_CHARS: usize = 16;

/// A subject's or facet's name as HTML: where it is the text of its header cell (or part of
/// it), the cell's math shows as math (`$\beta_1$` as `\(\beta_1\)`, not `\beta_1`).
pub(super) fn name_html(name: &str, cell: &Plain, out: &mut String) {
    let Some(start) = facts::offset_in(&cell.text, name).filter(|_| !cell.math.is_empty()) else {
        math::text_to_html(name, out);
        return;
    };
    let math = cell.math_within(&(start..start + name.len()));
    math::text_with_math_to_html(name, &math, out);
}

/// The first column whose values tell apart the rows of `rows` named `name` (`ITC`, `ITG`,
/// `ITM` under BLIP-2's three `Stage 1` rows; `detect.py`, `val.py` under `YOLOv5`): each
/// such row has a value there, and no two the same.
pub(super) fn telling_column<B>(rows: &[Vec<(Plain, B)>], name: &str) -> Option<usize> {
    let namesakes: Vec<&Vec<(Plain, B)>> = rows
        .iter()
        .filter(|row| row.first().is_some_and(|(p, _)| p.text.trim() == name))
        .collect();
    let width = namesakes.iter().map(|row| row.len()).max()?;
    (1..width).find(|&c| {
        let mut values: Vec<&str> = namesakes
            .iter()
            .filter_map(|row| row.get(c).map(|(p, _)| p.text.trim()))
            .collect();
        let n = values.len();
        values.sort_unstable();
        values.dedup();
        n == namesakes.len() && values.len() == n && !values.contains(&"")
    })
}

/// Whether subject `r` of `subjects` is named as another is (`| **YOLOv5** | `detect.py` |
/// …` and `| **YOLOv5** | `val.py` | …`).
pub(super) fn shares_name(subjects: &[&str], r: usize) -> bool {
    subjects
        .get(r)
        .is_some_and(|name| !name.is_empty() && subjects.iter().filter(|n| *n == name).count() > 1)
}
