//! Card sides as HTML from blocks, leaving out long prose and second renderings of display
//! formulas.

use super::Builder;
use super::cards::prose_reason;
use super::formulas::is_display_formula;
use crate::tree::{self, Block, Kind, Light, Plain};
use pulldown_cmark::{Event, Tag};

impl<'t, 'a> Builder<'t, 'a> {
    /// Render blocks as one card side, leaving out long prose (recorded as skipped) and the
    /// second renderings of display formulas.
    pub(super) fn render_blocks(&mut self, blocks: &[&Block], out: &mut String) {
        for (i, b) in blocks.iter().enumerate() {
            self.render_one(b, blocks.get(i + 1).copied(), out);
        }
    }

    /// An item's first line as HTML, its nested blocks left out (a line asked as a front:
    /// `layer $k$에서 노드 $v$ 업데이트:`, an exercise's givens).
    pub(super) fn item_lead_html(&self, item: &Block) -> String {
        let (lead, _) = self.tree.item_lead(item);
        let mut html = String::new();
        tree::render(
            self.tree.events.get(lead).unwrap_or_default(),
            &mut html,
            &self.copies,
        );
        html
    }

    /// [`Self::render_blocks`] over a block's children (no intermediate vector).
    pub(super) fn render_children(&mut self, blocks: &[Block], out: &mut String) {
        for (i, b) in blocks.iter().enumerate() {
            self.render_one(b, blocks.get(i + 1), out);
        }
    }

    /// One block as HTML; `next` is the block after it (a line introducing left-out prose
    /// is left out with it).
    pub(super) fn render_one(&mut self, b: &Block, next: Option<&Block>, out: &mut String) {
        match b.kind {
            Kind::Paragraph => {
                let plain = Plain::of(self.text, self.tree.inner(b));
                if plain.images.is_empty()
                    && let Some(reason) = prose_reason(plain.text.trim())
                    && !is_display_formula(self.tree.inner(b))
                {
                    self.skip(b.span.clone(), &reason);
                    return;
                }
                // `![image.png](a b/image.png)`: Markdown reads it as text, no picture.
                if plain.images.is_empty() && crate::unread_images::is_unread_image(&plain.text) {
                    self.skip(
                        b.span.clone(),
                        "image link with a space in its path, which Markdown reads as \
                         text (write the space as %20)",
                    );
                    return;
                }
                // A line that only introduces left-out prose (`…보면:`) goes with it.
                if plain.text.trim_end().ends_with(':') && next.is_some_and(|n| self.is_prose(n)) {
                    self.skip(
                        b.span.clone(),
                        "introduces a prose paragraph that was left out",
                    );
                    return;
                }
                // Render straight into `out`; drop the `<p>` again if nothing showed.
                let mark = out.len();
                out.push_str("<p>");
                let body = out.len();
                tree::render(self.tree.inner(b), out, &self.copies);
                let trimmed_end = out.trim_end().len();
                out.truncate(trimmed_end.max(body));
                if out[body..].trim().is_empty() {
                    out.truncate(mark);
                } else {
                    out.push_str("</p>");
                }
            }
            Kind::Item => {
                if self.apart.contains(&b.span.start) {
                    return;
                }
                if let Some(reason) = self.unstudied_item(b) {
                    self.skip(b.span.clone(), reason);
                    return;
                }
                out.push_str("<li>");
                let (lead, rest) = self.tree.item_lead(b);
                let evs = self.tree.events.get(lead).unwrap_or_default();
                tree::render(evs, out, &self.copies);
                self.render_children(rest, out);
                out.push_str("</li>");
            }
            Kind::List => {
                // Every item may be left out (`- 관련 노트: [[…]]`): no empty list is left,
                // which made a card with nothing on its back.
                let mark = out.len();
                let close = self.open_list(b, out);
                let body = out.len();
                self.render_children(&b.children, out);
                if out.len() == body {
                    out.truncate(mark);
                } else {
                    out.push_str(close);
                }
            }
            Kind::BlockQuote => {
                out.push_str("<blockquote>");
                self.render_children(&b.children, out);
                out.push_str("</blockquote>");
            }
            Kind::Html | Kind::Rule => {}
            _ => {
                let start = b.inner.start.saturating_sub(1);
                let end = (b.inner.end + 1).min(self.tree.events.len());
                if let Some(evs) = self.tree.events.get(start..end) {
                    tree::render(evs, out, &self.copies);
                }
            }
        }
    }

    /// The first number of list `b` when it is ordered (`1.`, `3)`), `None` for bullets.
    pub(super) fn list_start(&self, b: &Block) -> Option<u64> {
        self.tree
            .events
            .at(b.inner.start.saturating_sub(1))
            .and_then(|e| match e.ev {
                Event::Start(Tag::List(n)) => n,
                _ => None,
            })
    }

    /// Write the opening tag of list `b` (`<ul>`, `<ol>`, `<ol start="3">`); returns the
    /// closing tag.
    pub(super) fn open_list(&self, b: &Block, out: &mut String) -> &'static str {
        let ordered = self.list_start(b);
        match ordered {
            Some(1) => out.push_str("<ol>"),
            Some(n) => out.push_str(&format!("<ol start=\"{n}\">")),
            None => out.push_str("<ul>"),
        }
        if ordered.is_some() { "</ol>" } else { "</ul>" }
    }

    pub(super) fn is_prose(&self, b: &Block) -> bool {
        b.kind == Kind::Paragraph && {
            let plain = Plain::of(self.text, self.tree.inner(b));
            plain.images.is_empty()
                && prose_reason(plain.text.trim()).is_some()
                && !is_display_formula(self.tree.inner(b))
        }
    }

    /// Characters of text in a block (for the facet size limit).
    pub(super) fn text_chars(&self, b: &Block) -> usize {
        let evs = self.tree.events.get(b.inner.clone()).unwrap_or_default();
        evs.lights()
            .map(|(i, l)| match l {
                Light::Text(t) | Light::Code(t) => t.chars().count(),
                Light::Whole => evs.get(i).map_or(0, |e| match &e.ev {
                    Event::Text(t) | Event::Code(t) => t.chars().count(),
                    _ => 0,
                }),
                _ => 0,
            })
            .sum()
    }
}
