//! One pulldown-cmark pass over a note, turned into a small block tree, plus the inline
//! views the card rules need: plain text with source offsets, bold spans, and HTML.
//!
//! The events are kept in one packed list ([`Events`]); blocks refer to them by index, so
//! nothing is parsed twice and every piece of text keeps its byte offset into the note.

mod events;
mod plain;
mod render;
mod stray;

pub(crate) use events::{Events, Evs, Light};
pub(crate) use plain::{Plain, offset as plain_offset};
pub(crate) use render::{
    cloze_close, cloze_open, is_citation_url, is_cloze_open, render, render_cloze,
};

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
    /// Exactly as long as it needs to be: a 20 MB note has half a million blocks, and the
    /// spare room of growing vectors was a third of their memory.
    pub children: Box<[Block]>,
}

/// A block being read; its children so far are the blocks of the shared pending list from
/// `first_child` on. One list for all open blocks grows once to the deepest nesting, where a
/// vector per block grew (and shrank to fit) for every block with children.
struct Open {
    block: Block,
    first_child: usize,
}

impl Open {
    fn close(mut self, end: usize, pending: &mut Vec<Block>) -> Block {
        self.block.inner.end = end;
        let first = self.first_child.min(pending.len());
        if first < pending.len() {
            self.block.children = pending.drain(first..).collect();
        }
        self.block
    }
}

/// Add a finished block to the open one (the pending list), or to the top level.
fn attach(stack: &[Open], pending: &mut Vec<Block>, top: &mut Vec<Block>, b: Block) {
    if stack.is_empty() {
        top.push(b);
    } else {
        pending.push(b);
    }
}

/// The parsed note: all events and the top-level blocks.
pub(crate) struct Tree<'a> {
    pub events: Events<'a>,
    pub blocks: Vec<Block>,
    /// The first block start dropped for nesting deeper than [`MAX_NESTING`].
    pub too_deep: Option<Span>,
}

/// Deepest nesting of lists and block quotes kept as structure (see [`Tree::parse`]).
/// Real notes nest a handful of levels; the cap only has to keep recursion shallow.
pub(crate) const MAX_NESTING: usize = 32;

/// Blocks that hold other blocks and so add a level of recursion to every walk.
fn is_container(kind: Kind) -> bool {
    matches!(kind, Kind::List | Kind::BlockQuote | Kind::Other)
}

impl<'a> Tree<'a> {
    /// Parse `text` once with tables, strikethrough and `$` math enabled.
    ///
    /// Containers (lists, block quotes) nested deeper than [`MAX_NESTING`] are not made
    /// into blocks: their start and end events are dropped and their text is read as part of
    /// the deepest block kept. The rules walk the block tree recursively, and a 10 KB line of
    /// `- - - …` is thousands of levels, so without the cap a note could overflow the stack.
    /// pulldown-cmark itself keeps its own stack on the heap and copes with any depth.
    pub fn parse(text: &'a str) -> Tree<'a> {
        let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_MATH;
        // Notion-style notes make about one event per 12 bytes (measured on the benchmark
        // vault); reserving for one per 10 avoids regrowing without touching unused pages.
        let mut events = Events::with_capacity(text, text.len() / 10 + 16);
        let mut stack: Vec<Open> = Vec::new();
        let mut pending: Vec<Block> = Vec::new();
        let mut top: Vec<Block> = Vec::new();
        // Open containers on the stack, and block starts dropped below the cap still open.
        let mut nesting = 0usize;
        let mut dropped = 0usize;
        let mut too_deep: Option<Span> = None;
        for (ev, span) in Parser::new_ext(text, options).into_offset_iter() {
            match &ev {
                Event::Start(tag) => {
                    if let Some(kind) = block_kind(tag) {
                        if dropped > 0 || (is_container(kind) && nesting >= MAX_NESTING) {
                            dropped += 1;
                            too_deep.get_or_insert_with(|| span.clone());
                            continue;
                        }
                        nesting += usize::from(is_container(kind));
                        let i = events.len();
                        stack.push(Open {
                            block: Block {
                                kind,
                                span: span.clone(),
                                inner: i + 1..i + 1,
                                children: Box::default(),
                            },
                            first_child: pending.len(),
                        });
                    }
                }
                Event::End(end) if is_block_end(end) => {
                    if dropped > 0 {
                        dropped -= 1;
                        // Keep the words of two dropped blocks apart.
                        if !matches!(
                            events.last().map(|e| e.ev),
                            Some(Event::SoftBreak | Event::Start(_)) | None
                        ) {
                            events.push(Event::SoftBreak, span.end..span.end);
                        }
                        continue;
                    }
                    if let Some(open) = stack.pop() {
                        nesting -= usize::from(is_container(open.block.kind));
                        let b = open.close(events.len(), &mut pending);
                        attach(&stack, &mut pending, &mut top, b);
                    }
                }
                Event::Rule => {
                    if dropped > 0 {
                        continue;
                    }
                    let i = events.len();
                    let b = Block {
                        kind: Kind::Rule,
                        span: span.clone(),
                        inner: i..i,
                        children: Box::default(),
                    };
                    attach(&stack, &mut pending, &mut top, b);
                }
                _ => {}
            }
            events.push(ev, span);
        }
        events.shrink_to_fit();
        // Unbalanced input cannot happen with pulldown-cmark, but never lose blocks if it did.
        while let Some(open) = stack.pop() {
            let b = open.close(events.len(), &mut pending);
            attach(&stack, &mut pending, &mut top, b);
        }
        top.shrink_to_fit();
        Tree {
            events,
            blocks: top,
            too_deep,
        }
    }

    /// Events strictly inside `b`.
    pub fn inner(&self, b: &Block) -> Evs<'_> {
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
pub(crate) fn span_of<'x>(events: impl Into<Evs<'x>>) -> Span {
    let events = events.into();
    match (
        events.span_at(0),
        events.len().checked_sub(1).and_then(|i| events.span_at(i)),
    ) {
        (Some(a), Some(b)) => a.start..b.end.max(a.start),
        _ => 0..0,
    }
}
