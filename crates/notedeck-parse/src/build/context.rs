//! What every card of a section shares: heading path, breadcrumb, deck, tags, the subject
//! claims are about, and the front of a card with no label of its own.

use super::{Builder, SecCtx, facts};
use crate::{SectionKind, math};
use std::sync::Arc;

impl<'t, 'a> Builder<'t, 'a> {
    /// Short titles from the problem down to `sec` (the title is the deck namespace).
    pub(super) fn compute_path(&self, sec: Option<usize>) -> Vec<String> {
        let mut out = Vec::new();
        let mut cur = sec;
        while let Some(s) = cur {
            if self.doc.sections[s].kind != SectionKind::Title {
                out.push(self.info[s].short.clone());
            }
            cur = self.doc.sections[s].parent;
        }
        out.reverse();
        out
    }

    /// The path below the problem: what a front shows as context.
    pub(super) fn compute_breadcrumb(&self, sec: Option<usize>) -> Vec<String> {
        let mut out = Vec::new();
        let mut cur = sec;
        while let Some(s) = cur {
            if matches!(
                self.doc.sections[s].kind,
                SectionKind::Topic | SectionKind::Facet
            ) {
                out.push(self.info[s].short.clone());
            }
            cur = self.doc.sections[s].parent;
        }
        out.reverse();
        out
    }

    /// Card context of every section (and of "no section"), computed once after the outline.
    pub(super) fn build_contexts(&mut self) {
        let n = self.doc.sections.len();
        let mut all = Vec::with_capacity(n + 1);
        for sec in std::iter::once(None).chain((0..n).map(Some)) {
            let (deck, tags) = self.compute_deck_and_tags(sec);
            let breadcrumb = self.compute_breadcrumb(sec);
            let subject = self.compute_subject(sec);
            all.push(SecCtx {
                crumb_html: self.crumb_html(&breadcrumb, sec),
                path: self.compute_path(sec).into(),
                breadcrumb,
                fact_topic: facts::name_key(&subject),
                fact_facets: self.compute_fact_facets(sec),
                subject,
                deck: deck.into(),
                tags: tags.into(),
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
        ctx.breadcrumb = vec![name];
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
        let Some(ctx) = self.ctx(sec) else {
            return String::new();
        };
        let mut out = String::with_capacity(ctx.crumb_html.len() + 32);
        if ctx.breadcrumb.is_empty() && !labels.is_empty() {
            // Only labels: `› ` would dangle.
        } else {
            out.push_str(&ctx.crumb_html);
        }
        for (i, label) in labels.iter().enumerate() {
            if i > 0 || !out.is_empty() {
                out.push_str(" › ");
            }
            math::text_to_html(label, &mut out);
        }
        out
    }

    /// The front of a card with no label of its own: breadcrumb, else path, else title.
    pub(super) fn crumb_html(&self, breadcrumb: &[String], sec: Option<usize>) -> String {
        let parts = if breadcrumb.is_empty() {
            let path = self.compute_path(sec);
            if path.is_empty() {
                vec![self.doc.title.clone()]
            } else {
                path
            }
        } else {
            breadcrumb.to_vec()
        };
        let mut out = String::new();
        math::text_to_html(&parts.join(" › "), &mut out);
        out
    }

    /// The facets between `sec` and its topic, outermost first, each as `\x1f` and its
    /// [`facts::name_key`]: the part of a fact's key its section gives.
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
        let mut out = String::new();
        for &s in facets.iter().rev() {
            out.push('\x1f');
            facts::push_name_key(&self.info[s].short, &mut out);
        }
        out
    }

    /// The topic a claim is about (or the problem when there is no topic).
    pub(super) fn compute_subject(&self, sec: Option<usize>) -> String {
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

    pub(super) fn compute_deck_and_tags(&self, sec: Option<usize>) -> (Vec<String>, Vec<String>) {
        let mut deck = vec![self.doc.title.clone()];
        let mut tags = Vec::new();
        let mut cur = sec;
        let mut chain = Vec::new();
        while let Some(s) = cur {
            chain.push(s);
            cur = self.doc.sections[s].parent;
        }
        for &s in chain.iter().rev() {
            match self.doc.sections[s].kind {
                SectionKind::Problem => {
                    deck.push(self.info[s].short.clone());
                    tags.push(self.info[s].short.clone());
                }
                SectionKind::Topic => tags.push(self.info[s].short.clone()),
                _ => {}
            }
        }
        tags.retain(|t| !t.is_empty());
        (deck, tags)
    }
}
