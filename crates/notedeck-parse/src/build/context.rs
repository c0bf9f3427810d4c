//! What every card of a section shares: heading path, breadcrumb, deck, tags, the subject
//! claims are about, and the front of a card with no label of its own; and where a table's
//! cards are shown (the section holding it and the topics its subjects name).

use super::{Builder, SecCtx, facts, outline};
use crate::{SectionKind, math};
use std::sync::Arc;

/// Names of a topic that only says it is an overview of its problem.
const OVERVIEW_NAMES: &[&str] = &["개요", "소개", "overview", "introduction"];

impl<'t, 'a> Builder<'t, 'a> {
    /// Card context of every section (and of "no section"), computed once after the outline.
    ///
    /// A section's deck, tags, path and breadcrumb are its parent's with at most its own
    /// short title added, and a parent always comes before its sections: each is built from
    /// its parent's, sharing it when the section adds nothing, rather than by a walk up the
    /// outline that copies every title on the way.
    pub(super) fn build_contexts(&mut self) {
        let n = self.doc.sections.len();
        let mut all: Vec<SecCtx> = Vec::with_capacity(n + 1);
        let none: Arc<[String]> = Arc::from([]);
        let mut joined = String::new();
        for sec in std::iter::once(None).chain((0..n).map(Some)) {
            let (deck, tags, path, breadcrumb) = match sec {
                None => (
                    Arc::from([self.doc.title.clone()]),
                    none.clone(),
                    none.clone(),
                    none.clone(),
                ),
                Some(s) => {
                    let section = &self.doc.sections[s];
                    let short = self.info[s].short.as_str();
                    let base = section
                        .parent
                        .filter(|&p| p < s)
                        .and_then(|p| all.get(p + 1))
                        .or_else(|| all.first());
                    let Some(base) = base else { continue };
                    let kind = section.kind;
                    (
                        extended(&base.deck, (kind == SectionKind::Problem).then_some(short)),
                        extended(
                            &base.tags,
                            matches!(kind, SectionKind::Problem | SectionKind::Topic)
                                .then_some(short)
                                .filter(|t| !t.is_empty()),
                        ),
                        extended(&base.path, (kind != SectionKind::Title).then_some(short)),
                        extended(
                            &base.breadcrumb,
                            matches!(kind, SectionKind::Topic | SectionKind::Facet)
                                .then_some(short),
                        ),
                    )
                }
            };
            let subject = self.compute_subject(sec);
            let parts: &[String] = if !breadcrumb.is_empty() {
                &breadcrumb
            } else if !path.is_empty() {
                &path
            } else {
                std::slice::from_ref(&self.doc.title)
            };
            joined.clear();
            for (i, p) in parts.iter().enumerate() {
                if i > 0 {
                    joined.push_str(" › ");
                }
                joined.push_str(p);
            }
            let mut crumb_html = String::new();
            math::text_to_html(&joined, &mut crumb_html);
            all.push(SecCtx {
                crumb_html,
                path,
                breadcrumb,
                fact_topic: facts::name_key(&subject),
                fact_facets: self.compute_fact_facets(sec),
                subject,
                deck,
                tags,
                shown: None,
            });
        }
        self.contexts = all;
    }

    /// A problem with no topic heading of its own whose one line names its subject (`Label
    /// Smoothing`): the cards of its body are about that subject, so their fronts name it
    /// (`Label Smoothing › 효과`, not a bare `효과`) and they are shown under it.
    pub(super) fn show_problem_subject(&mut self, problem: usize, subject: &str) {
        let name = super::outline::short_title(subject);
        self.name_overviews(problem, &name);
        let Some(ctx) = self.contexts.get_mut(problem + 1) else {
            return;
        };
        if !ctx.breadcrumb.is_empty() || name.is_empty() {
            return;
        }
        ctx.crumb_html.clear();
        math::text_to_html(&name, &mut ctx.crumb_html);
        let mut shown = ctx.path.to_vec();
        shown.push(name.clone());
        ctx.shown = Some(shown.into());
        ctx.breadcrumb = vec![name].into();
    }

    /// A problem's topic named only `개요` (overview) is about the problem's subject: its
    /// cards' fronts, and those of its facets, name the subject in its place (`자기지도학습(…)
    /// 방법 비교 › 핵심 내용`, not `개요 › 핵심 내용`, which could be about anything).
    fn name_overviews(&mut self, problem: usize, subject: &str) {
        let sections = &self.doc.sections;
        let end = (problem + 1..sections.len())
            .find(|&s| sections[s].kind == SectionKind::Problem)
            .unwrap_or(sections.len());
        for topic in problem + 1..end {
            if sections[topic].kind != SectionKind::Topic
                || sections[topic].parent != Some(problem)
                || !OVERVIEW_NAMES
                    .iter()
                    .any(|n| n.eq_ignore_ascii_case(self.info[topic].short.trim()))
            {
                continue;
            }
            for s in topic..end {
                let within = s == topic
                    || std::iter::successors(sections[s].parent, |&p| sections[p].parent)
                        .any(|p| p == topic);
                let Some(ctx) = self.contexts.get_mut(s + 1).filter(|_| within) else {
                    continue;
                };
                let mut crumb: Vec<String> = ctx.breadcrumb.to_vec();
                if let Some(first) = crumb.first_mut() {
                    *first = subject.to_string();
                }
                ctx.crumb_html.clear();
                math::text_to_html(&crumb.join(" › "), &mut ctx.crumb_html);
                ctx.breadcrumb = crumb.into();
            }
        }
    }

    pub(super) fn ctx(&self, sec: Option<usize>) -> Option<&SecCtx> {
        self.contexts.get(sec.map_or(0, |s| s + 1))
    }

    /// The topic section holding `sec` (itself, when it is one).
    pub(super) fn topic_of(&self, sec: Option<usize>) -> Option<usize> {
        self.enclosing(sec, SectionKind::Topic)
    }

    /// The problem `sec` is in, if any.
    pub(super) fn problem_of(&self, sec: Option<usize>) -> Option<usize> {
        self.enclosing(sec, SectionKind::Problem)
    }

    /// The nearest section of `kind` holding `sec` (itself, when it is one).
    fn enclosing(&self, mut sec: Option<usize>, kind: SectionKind) -> Option<usize> {
        while let Some(s) = sec {
            if self.doc.sections[s].kind == kind {
                return Some(s);
            }
            sec = self.doc.sections[s].parent;
        }
        None
    }

    pub(super) fn path(&self, sec: Option<usize>) -> Arc<[String]> {
        self.ctx(sec).map(|c| c.path.clone()).unwrap_or_default()
    }

    pub(super) fn subject(&self, sec: Option<usize>) -> String {
        self.ctx(sec).map(|c| c.subject.clone()).unwrap_or_default()
    }

    /// Front text: breadcrumb › labels, falling back to the problem or title.
    pub(super) fn front(&self, sec: Option<usize>, labels: &[&str]) -> String {
        self.front_with(sec, labels, None)
    }

    /// [`Builder::front`] with one more label, already HTML (a label holding math).
    pub(super) fn front_ending_html(
        &self,
        sec: Option<usize>,
        labels: &[&str],
        html: &str,
    ) -> String {
        self.front_with(sec, labels, Some(html))
    }

    fn front_with(&self, sec: Option<usize>, labels: &[&str], html: Option<&str>) -> String {
        let Some(ctx) = self.ctx(sec) else {
            return String::new();
        };
        let mut out = String::with_capacity(ctx.crumb_html.len() + 32);
        if ctx.breadcrumb.is_empty() && (!labels.is_empty() || html.is_some()) {
            // Only labels: `› ` would dangle.
        } else {
            out.push_str(&ctx.crumb_html);
        }
        let mut first = out.is_empty();
        for label in labels {
            if !first {
                out.push_str(" › ");
            }
            first = false;
            math::text_to_html(self.term_name(label), &mut out);
        }
        if let Some(html) = html {
            if !first {
                out.push_str(" › ");
            }
            out.push_str(html);
        }
        out
    }

    /// A label written as a term with a definition card (`**IoU (Intersection over
    /// Union)**: …`) as the term's name (`IoU`): the expansion is that card's answer, and on
    /// this front it would give it away. Any other label as it is.
    pub(super) fn term_name<'l>(&self, label: &'l str) -> &'l str {
        let Some(inner) = label.strip_suffix(')') else {
            return label;
        };
        let Some(open) = inner.rfind(" (") else {
            return label;
        };
        let (name, expansion) = (&inner[..open], &inner[open + 2..]);
        if self
            .defined
            .contains(&(name.to_string(), expansion.to_lowercase()))
        {
            name
        } else {
            label
        }
    }

    /// The facets between `sec` and its topic, outermost first, each as `\x1f` and its
    /// [`facts::name_key`]: the part of a fact's key its section gives.
    ///
    /// A facet section naming one side of the comparison its topic is (`Grid Search` under
    /// `Grid Search vs Random Search`) is that side's topic: its facets, and the summary
    /// table elsewhere asking `Grid Search › 장점`, are about the side, not the comparison.
    fn compute_fact_facets(&self, sec: Option<usize>) -> String {
        let mut facets = Vec::new();
        let mut cur = sec;
        while let Some(s) = cur {
            if self.doc.sections[s].kind != SectionKind::Facet {
                break;
            }
            facets.push(s);
            cur = self.doc.sections[s].parent;
        }
        if self.compared_side(sec).is_some() {
            facets.pop();
        }
        let mut out = String::new();
        for &s in facets.iter().rev() {
            out.push('\x1f');
            facts::push_facet_words(&self.info[s].short, &mut out);
        }
        out
    }

    /// The outermost facet section above `sec` (or `sec` itself) when it names one side of
    /// its topic's comparison by name (`A vs B`, `A와 B`).
    fn compared_side(&self, sec: Option<usize>) -> Option<usize> {
        let mut cur = sec?;
        if self.doc.sections[cur].kind != SectionKind::Facet {
            return None;
        }
        while let Some(p) = self.doc.sections[cur].parent {
            match self.doc.sections[p].kind {
                SectionKind::Facet => cur = p,
                SectionKind::Topic => {
                    let title = self.info[p].short.as_str();
                    if !super::outline::compares_by_name(title) {
                        return None;
                    }
                    let side = facts::name_key(&self.info[cur].short);
                    return (side.len() >= 2
                        && compared_names(title).any(|n| facts::name_key(n) == side))
                    .then_some(cur);
                }
                _ => return None,
            }
        }
        None
    }

    /// The topic a claim is about (or the problem when there is no topic).
    pub(super) fn compute_subject(&self, sec: Option<usize>) -> String {
        if let Some(side) = self.compared_side(sec) {
            return self.info[side].short.clone();
        }
        let mut cur = sec;
        let mut fallback = None;
        while let Some(s) = cur {
            match self.doc.sections[s].kind {
                SectionKind::Topic => return self.info[s].short.clone(),
                SectionKind::Problem if fallback.is_none() => {
                    fallback = Some(self.info[s].short.clone())
                }
                _ => {}
            }
            cur = self.doc.sections[s].parent;
        }
        fallback.unwrap_or_else(|| self.doc.title.clone())
    }
}

/// `base` with `add` appended, or `base` itself, shared, when there is nothing to add.
fn extended(base: &Arc<[String]>, add: Option<&str>) -> Arc<[String]> {
    match add {
        Some(add) => base
            .iter()
            .cloned()
            .chain(std::iter::once(add.to_string()))
            .collect(),
        None => base.clone(),
    }
}

/// The names a comparison title sets side by side: `Grid Search`, `Random Search` of `Grid
/// Search vs Random Search`; `SimCLR`, `MoCo` of `SimCLR와 MoCo`.
fn compared_names(title: &str) -> impl Iterator<Item = &str> {
    title
        .split(" vs. ")
        .flat_map(|p| p.split(" vs "))
        .flat_map(|p| p.split(" VS "))
        .flat_map(
            |p| match p.split_once("와 ").or_else(|| p.split_once("과 ")) {
                Some((a, b)) => [a, b],
                None => [p, ""],
            },
        )
        .map(str::trim)
        .filter(|n| !n.is_empty())
}

impl Builder<'_, '_> {
    /// The nearest section holding both `a` and `b` (`None`: the whole note).
    pub(super) fn common_ancestor(&self, a: Option<usize>, b: Option<usize>) -> Option<usize> {
        let mut chain = Vec::new();
        let mut cur = a;
        while let Some(s) = cur {
            chain.push(s);
            cur = self.doc.sections[s].parent;
        }
        let mut cur = b;
        while let Some(s) = cur {
            if chain.contains(&s) {
                return Some(s);
            }
            cur = self.doc.sections[s].parent;
        }
        None
    }

    /// The topics and facets on `at`'s path, innermost first, each with its name's key, the
    /// section above it and itself: what a cell's answer must not be for the cell to be shown
    /// there.
    pub(super) fn names_on_path(&self, at: Option<usize>) -> Vec<(String, Option<usize>, usize)> {
        let secs = &self.doc.sections;
        let mut out = Vec::new();
        let mut cur = at;
        while let Some(s) = cur {
            if matches!(secs[s].kind, SectionKind::Topic | SectionKind::Facet) {
                let name = facts::name_key(&self.info[s].short);
                if name.chars().count() >= 2 {
                    out.push((name, secs[s].parent, s));
                }
            }
            cur = secs[s].parent;
        }
        out
    }

    /// Where a table's cells are shown: the nearest section holding the table and every topic
    /// its subjects name. A table comparing a topic with others sits above that topic, and a
    /// table after a facet's list is no part of the facet.
    pub(super) fn table_context(
        &self,
        sec: Option<usize>,
        after_list: bool,
        topics: &[Option<usize>],
    ) -> Option<usize> {
        let mut base = sec;
        if after_list
            && let Some(s) = sec
            && self.doc.sections[s].kind == SectionKind::Facet
        {
            base = self.doc.sections[s].parent;
        }
        let mut at = base;
        for t in topics.iter().flatten() {
            at = self.common_ancestor(at, Some(*t));
        }
        match at {
            Some(t) if topics.len() >= 2 && topics.contains(&Some(t)) => {
                self.doc.sections[t].parent
            }
            _ => at,
        }
    }

    /// Whether the heading of `sec` compares exactly these names (`A vs B …`, each header
    /// found in it as words).
    pub(super) fn heading_compares<'h>(
        &self,
        sec: Option<usize>,
        mut headers: impl Iterator<Item = &'h str>,
    ) -> bool {
        let Some(s) = sec else { return false };
        let title = &self.doc.sections[s].title;
        if !outline::compares_by_name(title) {
            return false;
        }
        let key = facts::name_key(title);
        headers.all(|h| {
            let h = facts::name_key(h);
            !h.is_empty() && key.contains(&h)
        })
    }

    /// Whether the heading of `sec` says its table is an overview (`한눈에 보기`,
    /// `overview`, `at a glance`). Not `비교` or `요약`: a comparison of a few named topics
    /// beside one without a section (`SGD + Momentum`, `RMSProp`, `Adam`) asks its cells
    /// one by one, and a closing summary reviews its sections ([`Self::reviewed_sections`]).
    pub(super) fn heading_overviews(&self, sec: Option<usize>) -> bool {
        sec.is_some_and(|s| {
            let short = self.info[s].short.to_lowercase();
            outline::OVERVIEW_WORDS.iter().any(|w| short.contains(w))
        })
    }

    /// Whether every one of `names` names a topic of the problem `sec` is in.
    pub(super) fn names_topics<'n>(
        &mut self,
        sec: Option<usize>,
        mut names: impl Iterator<Item = &'n str>,
    ) -> bool {
        names.all(|n| self.topic_named(n, sec).is_some())
    }

    /// The title of the section a table sits in when it says that the table compares
    /// ([`outline::is_comparison`], or `A vs B`: `다른 모델과 비교` under BART, over rows BERT, GPT and BART; `Bahdanau vs Luong 비교`)
    /// or gives an overview (`전체 흐름`, `한눈에 보기`):
    /// shown with the table wherever it is shown, it tells `BERT › 주요 특징` that `이해 중심`
    /// is asked against the others. Not a title comparing other names than the table's
    /// subjects (`MLOps Level 0 vs Level 1 비교표` over Level 1 and Level 2): it would mislead.
    pub(super) fn comparison_title(
        &mut self,
        sec: Option<usize>,
        subjects: &[&str],
        placed: &[Option<usize>],
    ) -> Option<String> {
        let title = self.info[sec?].short.clone();
        // `예제: 한 번 업데이트 비교` compares two updates in made-up numbers, not the table's
        // subjects.
        if super::value_tables::titles_an_example(&title, &self.doc.sections[sec?].title) {
            return None;
        }
        let lower = title.to_lowercase();
        let sides: Vec<&str> = lower.split(" vs").collect();
        // `0. 전체 흐름`, `전체 모델 한눈에 보기` over rows naming the note's topics: the
        // title says what the rows are (stages, models) where the problem alone did not.
        let overview =
            lower.contains("흐름") || outline::OVERVIEW_WORDS.iter().any(|w| lower.contains(w));
        if !outline::is_comparison(&title) && !overview && sides.len() < 2 {
            return None;
        }
        if sides.len() < 2 {
            // `다른 모델과 비교`, `옵티마이저 비교`: it names nothing, so nothing else.
            return Some(title);
        }
        let keys: Vec<String> = subjects.iter().map(|n| facts::name_key(n)).collect();
        // Equal, or one inside the other when that one is no mere initial (`BN` is no `b`).
        let same = |a: &str, b: &str| {
            a == b || a.len().min(b.len()) >= 3 && (a.contains(b) || b.contains(a))
        };
        for side in sides {
            let named = side
                .trim_start_matches('.')
                .trim()
                .trim_end_matches("비교표")
                .trim_end_matches("비교")
                .trim_end_matches("차이")
                .trim();
            let key = facts::name_key(named);
            if key.is_empty() {
                continue;
            }
            let a_subject = keys.iter().any(|k| !k.is_empty() && same(k, &key))
                || self
                    .topic_named(named, sec)
                    .is_some_and(|t| placed.contains(&Some(t)));
            if !a_subject {
                return None;
            }
        }
        Some(title)
    }
}
