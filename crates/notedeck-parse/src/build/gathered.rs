//! The cards that gather a section's blocks: a facet section's one card (or its split, or
//! its bullets asked alone), and the `핵심 내용` card of a topic's unlabelled bullets.

use super::Builder;
use super::cards::FACET_MAX_CHARS;
use crate::tree::{Block, Kind};

/// Most lines of a code block a facet's card shows.
const CODE_MAX_LINES: usize = 8;

/// Label (and key) of the card gathering a topic's unlabelled bullets: "GPT › 핵심 내용".
pub(super) const UNLABELLED_KEY: &str = "핵심 내용";

impl<'t> Builder<'t, '_> {
    /// One card for a facet section (`### 3. 장점` → "LoRA › 장점"); a facet too big for one
    /// answer is split ([`Self::split_facet`]), or, with nothing to split at, becomes one card
    /// per labelled bullet when it is too long for one card.
    pub(super) fn facet_card(&mut self, sec: usize, parts: &[&'t Block]) {
        if parts.is_empty() {
            return;
        }
        if self.exercise_card(sec, parts) {
            return;
        }
        let size: usize = parts.iter().map(|b| self.text_chars(b)).sum();
        // A listing of many lines is reference to look up, not an answer to recall (a facet
        // `Label Studio` answered by ten lines of calls): the facet's bullets are asked alone.
        let lines = |b: &Block| self.text[b.span.clone()].lines().count().saturating_sub(2);
        // Only lists besides: each of their lines is read as a topic's is; a paragraph beside
        // the code (`**정의**: …`) keeps the facet one card.
        let listing = parts
            .iter()
            .any(|b| b.kind == Kind::CodeBlock && lines(b) > CODE_MAX_LINES)
            && parts.iter().all(|b| {
                matches!(
                    b.kind,
                    Kind::List | Kind::CodeBlock | Kind::Html | Kind::Rule
                )
            });
        if !listing && self.split_facet(sec, parts, size) {
            return;
        }
        if size > FACET_MAX_CHARS || listing {
            for b in parts {
                match b.kind {
                    // Its unlabelled lines are statements of the facet, as a topic's are.
                    Kind::List => {
                        let loose = self.labelled_cards_but(Some(sec), &b.children);
                        self.loose_statements(Some(sec), loose, true);
                    }
                    Kind::CodeBlock if lines(b) > CODE_MAX_LINES => self.skip(
                        b.span.clone(),
                        &format!(
                            "code listing of {} lines (cards take at most {CODE_MAX_LINES}): \
                             reference to look up, not an answer to recall",
                            lines(b)
                        ),
                    ),
                    _ => self.skip(
                        b.span.clone(),
                        &format!(
                            "part of a facet section too long for one card ({size} characters, \
                             limit {FACET_MAX_CHARS}); only its bullets became cards"
                        ),
                    ),
                }
            }
            return;
        }
        let mut back = String::new();
        self.render_blocks(parts, &mut back);
        self.push_section_card(sec, back, parts);
    }

    /// The unlabelled items of a topic's (or problem's) lists as one card, "GPT › 핵심 내용"
    /// → those items as a list (with their nested lists), unless together they are longer
    /// than a facet card may be. Outside any section there is nothing to name the card by.
    pub(super) fn unlabelled_card(&mut self, sec: Option<usize>, items: &[&'t Block]) {
        if sec.is_none() {
            self.skip_unlabelled(items);
            return;
        }
        let size: usize = items.iter().map(|b| self.text_chars(b)).sum();
        if size > FACET_MAX_CHARS {
            for item in items {
                self.skip(
                    item.span.clone(),
                    &format!(
                        "list item without a bold label; the unlabelled items here are too \
                         long for one card ({size} characters, limit {FACET_MAX_CHARS})"
                    ),
                );
            }
            return;
        }
        let (Some(first), Some(last)) = (items.first(), items.last()) else {
            return;
        };
        let mut back = String::from("<ul>");
        self.render_blocks(items, &mut back);
        if back.len() == "<ul>".len() {
            return; // every item was left out, each with its reason
        }
        back.push_str("</ul>");
        let front = self.front(sec, &[UNLABELLED_KEY]);
        // A topic's bullets after one of its facets (detached from it) join the topic's own
        // 핵심 내용 card: two cards with one front could not be told apart.
        let path = self.path(sec);
        // Only the section's own cards are looked at: they were made since its heading.
        let since = sec.map_or(0, |s| self.doc.sections[s].heading_span.start);
        if let Some(earlier) = self
            .raw_cards
            .iter_mut()
            .rev()
            .take_while(|r| r.card.span.start >= since)
            .find(|r| {
                r.card.key == UNLABELLED_KEY
                    && r.card.front == front
                    && r.card.path == path
                    && r.card.back.ends_with("</ul>")
            })
        {
            let joined = earlier.card.back.len() - "</ul>".len();
            earlier.card.back.truncate(joined);
            earlier.card.back.push_str(&back["<ul>".len()..]);
            return;
        }
        self.push_basic(
            sec,
            UNLABELLED_KEY.to_string(),
            front,
            back,
            first.span.start..last.span.end,
        );
    }
}
