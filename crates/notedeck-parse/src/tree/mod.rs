//! One pulldown-cmark pass over a note, turned into a small block tree, plus the inline
//! views the card rules need: plain text with source offsets, bold spans, and HTML.
//!
//! The events are kept in one vector; blocks refer to them by index, so nothing is parsed
//! twice and every piece of text keeps its byte offset into the note.

mod plain;
mod render;
mod stray;

pub(crate) use plain::Plain;
pub(crate) use render::{cloze_close, cloze_open, render, render_cloze};

use crate::Span;
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// One event with the source range it came from.
pub(crate) struct Ev<'a> {
    pub ev: Event<'a>,
    pub span: Span,
}

/// Block-level element kinds the card rules distinguish.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Heading(u8),
    Paragraph,
    List,
    Item,
    Table,
    TableHead,
    TableRow,
    TableCell,
    BlockQuote,
    CodeBlock,
    Html,
    Rule,
    Other,
}

/// A block: its kind, source span, the events strictly inside it, and child blocks.
pub(crate) struct Block {
    pub kind: Kind,
    pub span: Span,
    /// Index range of the events between this block's Start and End events.
    pub inner: std::ops::Range<usize>,
    pub children: Vec<Block>,
}

/// The parsed note: all events and the top-level blocks.
pub(crate) struct Tree<'a> {
    pub events: Vec<Ev<'a>>,
    pub blocks: Vec<Block>,
}

impl<'a> Tree<'a> {
    /// Parse `text` once with tables, strikethrough and `$` math enabled.
    pub fn parse(text: &'a str) -> Tree<'a> {
        let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_MATH;
        // Notion-style notes make about one event per 12 bytes (measured on the benchmark
        // vault); reserving for one per 10 avoids regrowing without touching unused pages.
        let mut events: Vec<Ev<'a>> = Vec::with_capacity(text.len() / 10 + 16);
        events.extend(
            Parser::new_ext(text, options)
                .into_offset_iter()
                .map(|(ev, span)| Ev { ev, span }),
        );
        let mut stack: Vec<Block> = Vec::new();
        let mut top: Vec<Block> = Vec::new();
        for (i, e) in events.iter().enumerate() {
            match &e.ev {
                Event::Start(tag) => {
                    if let Some(kind) = block_kind(tag) {
                        stack.push(Block {
                            kind,
                            span: e.span.clone(),
                            inner: i + 1..i + 1,
                            children: Vec::new(),
                        });
                    }
                }
                Event::End(end) => {
                    if is_block_end(end)
                        && let Some(mut b) = stack.pop()
                    {
                        b.inner.end = i;
                        match stack.last_mut() {
                            Some(parent) => parent.children.push(b),
                            None => top.push(b),
                        }
                    }
                }
                Event::Rule => {
                    let b = Block {
                        kind: Kind::Rule,
                        span: e.span.clone(),
                        inner: i..i,
                        children: Vec::new(),
                    };
                    match stack.last_mut() {
                        Some(parent) => parent.children.push(b),
                        None => top.push(b),
                    }
                }
                _ => {}
            }
        }
        // Unbalanced input cannot happen with pulldown-cmark, but never lose blocks if it did.
        while let Some(mut b) = stack.pop() {
            b.inner.end = events.len();
            match stack.last_mut() {
                Some(parent) => parent.children.push(b),
                None => top.push(b),
            }
        }
        Tree {
            events,
            blocks: top,
        }
    }

    /// Events strictly inside `b`.
    pub fn inner(&self, b: &Block) -> &[Ev<'a>] {
        self.events.get(b.inner.clone()).unwrap_or_default()
    }

    /// The inline events of a list item's first line: the tight item's direct inline
    /// content, or its first paragraph. Returns the event range and the rest of the children.
    pub fn item_lead<'b>(&self, item: &'b Block) -> (std::ops::Range<usize>, &'b [Block]) {
        let first_child = item.children.first();
        let direct_end = first_child.map_or(item.inner.end, |c| c.inner.start.saturating_sub(1));
        let direct = item.inner.start..direct_end.max(item.inner.start);
        let has_direct = self
            .events
            .get(direct.clone())
            .unwrap_or_default()
            .iter()
            .any(|e| !matches!(e.ev, Event::SoftBreak | Event::HardBreak));
        if has_direct {
            return (direct, &item.children);
        }
        match item.children.split_first() {
            Some((p, rest)) if p.kind == Kind::Paragraph => (p.inner.clone(), rest),
            _ => (direct, &item.children),
        }
    }
}

fn block_kind(tag: &Tag) -> Option<Kind> {
    Some(match tag {
        Tag::Heading { level, .. } => Kind::Heading(heading_level(*level)),
        Tag::Paragraph => Kind::Paragraph,
        Tag::List(_) => Kind::List,
        Tag::Item => Kind::Item,
        Tag::Table(_) => Kind::Table,
        Tag::TableHead => Kind::TableHead,
        Tag::TableRow => Kind::TableRow,
        Tag::TableCell => Kind::TableCell,
        Tag::BlockQuote(_) => Kind::BlockQuote,
        Tag::CodeBlock(_) => Kind::CodeBlock,
        Tag::HtmlBlock => Kind::Html,
        Tag::FootnoteDefinition(_)
        | Tag::DefinitionList
        | Tag::DefinitionListTitle
        | Tag::DefinitionListDefinition
        | Tag::MetadataBlock(_) => Kind::Other,
        _ => return None,
    })
}

fn is_block_end(end: &TagEnd) -> bool {
    matches!(
        end,
        TagEnd::Heading(_)
            | TagEnd::Paragraph
            | TagEnd::List(_)
            | TagEnd::Item
            | TagEnd::Table
            | TagEnd::TableHead
            | TagEnd::TableRow
            | TagEnd::TableCell
            | TagEnd::BlockQuote(_)
            | TagEnd::CodeBlock
            | TagEnd::HtmlBlock
            | TagEnd::FootnoteDefinition
            | TagEnd::DefinitionList
            | TagEnd::DefinitionListTitle
            | TagEnd::DefinitionListDefinition
            | TagEnd::MetadataBlock(_)
    )
}

/// Start or end of a block: what may surround a display formula.
fn is_block_boundary(ev: &Event) -> bool {
    match ev {
        Event::Start(tag) => block_kind(tag).is_some(),
        Event::End(end) => is_block_end(end),
        Event::Rule => true,
        _ => false,
    }
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// Span covering `events`.
pub(crate) fn span_of(events: &[Ev]) -> Span {
    match (events.first(), events.last()) {
        (Some(a), Some(b)) => a.span.start..b.span.end.max(a.span.start),
        _ => 0..0,
    }
}
