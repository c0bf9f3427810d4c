//! One pulldown-cmark pass over a note, turned into a small block tree, plus the inline
//! views the card rules need: plain text with source offsets, bold spans, and HTML.
//!
//! The events are kept in one vector; blocks refer to them by index, so nothing is parsed
//! twice and every piece of text keeps its byte offset into the note.

use crate::Span;
use crate::math;
use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

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

/// Sentinel HTML event closing a cloze deletion (see [`cloze_open`]); source HTML can never
/// contain a NUL (CommonMark replaces it), so these cannot collide with the note's own HTML.
pub(crate) const CLOZE_CLOSE: &str = "\0cloze-close";

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

// ---------------------------------------------------------------------------------------------
// Plain text view

/// Inline content as plain text, with a map back to source offsets and the bold spans.
#[derive(Default, Debug)]
pub(crate) struct Plain {
    pub text: String,
    /// `(plain offset, source offset, exact)` at the start of each piece; `exact` when the
    /// piece's plain text is a verbatim copy of the source (offsets map one to one).
    pub map: Vec<(usize, usize, bool)>,
    /// Bold (`**…**`) ranges in plain offsets, outermost only.
    pub strong: Vec<Span>,
    /// Images: `(url, alt, source span)`.
    pub images: Vec<(String, String, Span)>,
    /// Source span covered.
    pub span: Span,
}

impl Plain {
    /// Plain text of `events` (inline events only).
    pub fn of(text: &str, events: &[Ev]) -> Plain {
        let mut p = Plain::default();
        p.fill(text, events);
        p
    }

    /// Refill this value with the plain text of `events`, reusing its buffers (list items are
    /// many; allocating four buffers for each one shows in profiles).
    pub fn fill(&mut self, text: &str, events: &[Ev]) {
        self.text.clear();
        self.map.clear();
        self.strong.clear();
        self.images.clear();
        self.span = span_of(events);
        let p = self;
        let mut strong_depth = 0usize;
        let mut strong_start = 0;
        // Alt text of the image being read: it is not part of the plain text.
        let mut alt: Option<String> = None;
        for e in events {
            match &e.ev {
                Event::Text(t) | Event::Code(t) | Event::InlineMath(t) | Event::DisplayMath(t) => {
                    if let Some(alt) = alt.as_mut() {
                        alt.push_str(t);
                        continue;
                    }
                    let exact = text.get(e.span.clone()) == Some(t.as_ref());
                    let src = if matches!(e.ev, Event::Text(_)) || exact {
                        e.span.start
                    } else {
                        // Code and math: point inside the delimiters where possible.
                        text.get(e.span.clone())
                            .and_then(|s| s.find(t.as_ref()))
                            .map_or(e.span.start, |i| e.span.start + i)
                    };
                    let exact = exact || text.get(src..src + t.len()) == Some(t.as_ref());
                    p.map.push((p.text.len(), src, exact));
                    p.text.push_str(t);
                }
                Event::SoftBreak | Event::HardBreak => {
                    p.map.push((p.text.len(), e.span.start, false));
                    p.text.push(' ');
                }
                Event::Start(Tag::Strong) => {
                    if strong_depth == 0 {
                        strong_start = p.text.len();
                    }
                    strong_depth += 1;
                }
                Event::End(TagEnd::Strong) => {
                    strong_depth = strong_depth.saturating_sub(1);
                    if strong_depth == 0 {
                        p.strong.push(strong_start..p.text.len());
                    }
                }
                Event::Start(Tag::Image { dest_url, .. }) => {
                    alt = Some(String::new());
                    p.images
                        .push((dest_url.to_string(), String::new(), e.span.clone()));
                }
                Event::End(TagEnd::Image) => {
                    if let (Some(alt), Some(last)) = (alt.take(), p.images.last_mut()) {
                        last.1 = alt;
                    }
                }
                _ => {}
            }
        }
    }

    /// Source offset of plain offset `at` (clamped into the covered span).
    pub fn src(&self, at: usize) -> usize {
        let i = self.map.partition_point(|&(pos, _, _)| pos <= at);
        let Some(&(pos, src, exact)) = i.checked_sub(1).and_then(|i| self.map.get(i)) else {
            return self.span.start;
        };
        let off = if exact { src + (at - pos) } else { src };
        off.clamp(self.span.start, self.span.end.max(self.span.start))
    }

    /// Source span of plain range `r`.
    pub fn src_span(&self, r: &Span) -> Span {
        let start = self.src(r.start);
        let end = if r.end > r.start {
            // Map the last character, then step past it.
            let last = self.text[..r.end]
                .char_indices()
                .next_back()
                .map_or(r.start, |(i, _)| i);
            let s = self.src(last);
            let len = self.text[last..r.end].len();
            (s + len).min(self.span.end.max(start))
        } else {
            start
        };
        start..end.max(start)
    }

    /// Source span of plain range `r` when every piece of it is a verbatim copy of `text`
    /// (soft breaks aside) and only inline markup lies between the pieces (`*_~$\``,
    /// backslashes, `[` and `](destination)` of a link), so that the span holds
    /// exactly that text up to markup. `None` when part of it was rewritten on the way to
    /// plain text (a code span over several lines, an entity) or when it runs across
    /// something left out of the plain text (an HTML comment, an image).
    pub fn exact_src_span(&self, text: &str, r: &Span) -> Option<Span> {
        let first = self
            .map
            .partition_point(|&(pos, _, _)| pos <= r.start)
            .checked_sub(1)?;
        // Where the previous piece ended in the source, and whether it was a line break
        // (then the next line's indentation and `>` markers come first).
        let mut prev_end: Option<(usize, bool)> = None;
        for (k, &(pos, src, exact)) in self.map.iter().enumerate().skip(first) {
            if pos >= r.end && k > first {
                break;
            }
            let piece_end = self.map.get(k + 1).map_or(self.text.len(), |p| p.0);
            let is_break = self.text.get(pos..piece_end) == Some(" ");
            if !exact && !is_break {
                return None;
            }
            if let Some((from, after_break)) = prev_end {
                let gap = text.get(from..src)?;
                let gap = if after_break {
                    gap.trim_start_matches(|c: char| c.is_whitespace() || c == '>')
                } else {
                    gap
                };
                if !is_markup(gap) {
                    return None;
                }
            }
            prev_end = Some(if is_break {
                (src, true)
            } else {
                (src + (piece_end - pos), false)
            });
        }
        Some(self.src_span(r))
    }

    /// True when the whole text is one bold span (ignoring surrounding spaces).
    pub fn is_all_bold(&self) -> bool {
        let t = self.text.trim();
        !t.is_empty()
            && self.strong.len() == 1
            && self.strong.first().is_some_and(|s| {
                self.text[..s.start].trim().is_empty() && self.text[s.end..].trim().is_empty()
            })
    }
}

/// True when `gap` (source text between two pieces of plain text) is only inline markup.
fn is_markup(gap: &str) -> bool {
    let mut rest = gap;
    loop {
        let (head, tail) = match rest.find("](") {
            Some(i) => (
                &rest[..i],
                rest[i + 2..].find(')').map(|j| &rest[i + 2 + j + 1..]),
            ),
            None => (rest, None),
        };
        // Whitespace is no markup here: the plain text joins its pieces directly, so a gap
        // with a space or newline (a code span over two lines) would glue two words.
        if !head
            .chars()
            .all(|c| matches!(c, '*' | '_' | '~' | '$' | '`' | '\\' | '[' | ']'))
        {
            return false;
        }
        match tail {
            Some(t) => rest = t,
            None => return !rest.contains("]("),
        }
    }
}

/// Span covering `events`.
pub(crate) fn span_of(events: &[Ev]) -> Span {
    match (events.first(), events.last()) {
        (Some(a), Some(b)) => a.span.start..b.span.end.max(a.span.start),
        _ => 0..0,
    }
}

// ---------------------------------------------------------------------------------------------
// HTML

/// Render events as HTML for a card side. Pasted KaTeX and `$` math become MathJax; HTML
/// comments (id pins) are dropped; text inside the sorted source ranges `skip` (second
/// renderings of display formulas) is left out.
pub(crate) fn render(events: &[Ev], out: &mut String, skip: &[Span]) {
    let mut r = Renderer {
        out,
        pending: String::new(),
        cloze: false,
        block_start: true,
        pending_at_block_start: true,
    };
    r.run(events, skip);
}

struct Renderer<'o> {
    out: &'o mut String,
    /// Adjacent text waiting to be scanned for pasted KaTeX as one piece.
    pending: String,
    /// Inside a cloze deletion: `}}` must not appear in output.
    cloze: bool,
    /// Nothing inline has been written since the last block boundary.
    block_start: bool,
    /// `block_start` as it was when the pending text began: a formula can only be a display
    /// formula when it is all of its block.
    pending_at_block_start: bool,
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

impl Renderer<'_> {
    fn run(&mut self, events: &[Ev], skip: &[Span]) {
        let mut in_image = false;
        let mut in_code = false;
        let stray = stray_strong(events);
        let mut next_stray = stray.into_iter().peekable();
        for (i, e) in events.iter().enumerate() {
            if in_image {
                if matches!(e.ev, Event::End(TagEnd::Image)) {
                    in_image = false;
                }
                continue;
            }
            match &e.ev {
                Event::Start(Tag::CodeBlock(_)) => in_code = true,
                Event::End(TagEnd::CodeBlock) => in_code = false,
                Event::Text(t) if in_code => {
                    self.flush(false);
                    self.text(t);
                    continue;
                }
                _ => {}
            }
            if let Event::Text(t) = &e.ev {
                let mut from = 0;
                while let Some(cut) = next_stray.next_if(|c| c.event == i) {
                    self.visible_text_part(t, from..cut.at, &e.span, skip);
                    if !cut.tag.is_empty() {
                        self.flush(false);
                        self.out.push_str(cut.tag);
                    }
                    from = cut.at + 1;
                }
                self.visible_text_part(t, from..t.len(), &e.span, skip);
                continue;
            }
            let boundary = is_block_boundary(&e.ev);
            self.flush(boundary);
            self.block_start = boundary;
            match &e.ev {
                Event::Start(tag) => self.start(tag, &mut in_image),
                Event::End(end) => self.end(*end),
                Event::Code(t) => {
                    self.out.push_str("<code>");
                    self.text(t);
                    self.out.push_str("</code>");
                }
                Event::InlineMath(t) => self.math(t, false),
                Event::DisplayMath(t) => self.math(t, true),
                Event::Html(h) | Event::InlineHtml(h) => match h.as_ref() {
                    CLOZE_CLOSE => {
                        self.cloze = false;
                        self.out.push_str("}}");
                    }
                    h if h.starts_with('\0') => {
                        self.out.push_str(&h[1..]);
                        self.cloze = true;
                    }
                    h if h.trim_start().starts_with("<!--") => {}
                    h => self.out.push_str(h),
                },
                Event::SoftBreak => self.out.push('\n'),
                Event::HardBreak => self.out.push_str("<br>"),
                Event::Rule => self.out.push_str("<hr>"),
                Event::TaskListMarker(done) => {
                    self.out.push_str(if *done { "☑ " } else { "☐ " });
                }
                Event::FootnoteReference(_) | Event::Text(_) => {}
            }
        }
        self.flush(true);
    }

    /// [`Self::visible_text`] for the bytes `part` of text event `t` (a stray `**` cut out).
    fn visible_text_part(
        &mut self,
        t: &str,
        part: std::ops::Range<usize>,
        span: &Span,
        skip: &[Span],
    ) {
        if part.start == 0 && part.end == t.len() {
            return self.visible_text(t, span, skip);
        }
        let Some(piece) = t.get(part.clone()) else {
            return;
        };
        if piece.is_empty() {
            return;
        }
        // Source offsets follow the text only when it is a verbatim copy of the source;
        // otherwise an empty span makes `visible_text` keep the piece whole.
        let sub = if t.len() == span.len() {
            span.start + part.start..span.start + part.end
        } else {
            span.start..span.start
        };
        self.visible_text(piece, &sub, skip);
    }

    /// Queue the parts of a text event outside the `skip` ranges.
    fn visible_text(&mut self, t: &str, span: &Span, skip: &[Span]) {
        if self.pending.is_empty() {
            self.pending_at_block_start = self.block_start;
        }
        let first = skip.partition_point(|r| r.end <= span.start);
        let overlapping = skip
            .get(first..)
            .unwrap_or_default()
            .iter()
            .take_while(|r| r.start < span.end);
        // Offsets only map one to one when the text is a verbatim copy of the source.
        if t.len() != span.len() {
            self.pending.push_str(t);
            return;
        }
        let mut pos = span.start;
        for r in overlapping {
            if r.start > pos
                && let Some(part) = t.get(pos - span.start..r.start - span.start)
            {
                self.pending.push_str(part);
            }
            pos = pos.max(r.end.min(span.end));
        }
        if let Some(part) = t.get(pos - span.start..) {
            self.pending.push_str(part);
        }
    }

    /// Write the pending text; `block_end` says whether a block boundary follows it.
    fn flush(&mut self, block_end: bool) {
        if self.pending.is_empty() {
            return;
        }
        let display_ok = self.pending_at_block_start && block_end;
        self.block_start = false;
        let text = std::mem::take(&mut self.pending);
        if self.cloze {
            let mut html = String::with_capacity(text.len() + 8);
            math::text_to_html_in(&text, display_ok, &mut html);
            self.push_safe(&html);
        } else {
            math::text_to_html_in(&text, display_ok, self.out);
        }
        // Keep the buffer's capacity for the next run of text.
        self.pending = text;
        self.pending.clear();
    }

    /// Push already-escaped HTML, keeping a cloze deletion open.
    fn push_safe(&mut self, html: &str) {
        if self.cloze && html.contains("}}") {
            self.out.push_str(&html.replace("}}", "} }"));
        } else {
            self.out.push_str(html);
        }
    }

    fn text(&mut self, t: &str) {
        let mut s = String::with_capacity(t.len());
        math::escape_html(t, &mut s);
        self.push_safe(&s);
    }

    fn math(&mut self, tex: &str, display: bool) {
        let mut s = String::with_capacity(tex.len() + 4);
        math::push_mathjax(tex, display, &mut s);
        self.push_safe(&s);
    }

    fn start(&mut self, tag: &Tag, in_image: &mut bool) {
        match tag {
            Tag::Paragraph => self.out.push_str("<p>"),
            Tag::Heading { level, .. } => {
                self.out.push_str(&format!("<h{}>", heading_level(*level)));
            }
            Tag::BlockQuote(_) => self.out.push_str("<blockquote>"),
            Tag::CodeBlock(_) => self.out.push_str("<pre><code>"),
            Tag::List(Some(1)) => self.out.push_str("<ol>"),
            Tag::List(Some(n)) => self.out.push_str(&format!("<ol start=\"{n}\">")),
            Tag::List(None) => self.out.push_str("<ul>"),
            Tag::Item => self.out.push_str("<li>"),
            Tag::Table(_) => self.out.push_str("<table>"),
            Tag::TableHead => self.out.push_str("<thead><tr>"),
            Tag::TableRow => self.out.push_str("<tr>"),
            Tag::TableCell => self.out.push_str("<td>"),
            Tag::Emphasis => self.out.push_str("<em>"),
            Tag::Strong => self.out.push_str("<b>"),
            Tag::Strikethrough => self.out.push_str("<s>"),
            Tag::Superscript => self.out.push_str("<sup>"),
            Tag::Subscript => self.out.push_str("<sub>"),
            Tag::Link { dest_url, .. } => {
                self.out.push_str("<a href=\"");
                math::escape_html(dest_url, self.out);
                self.out.push_str("\">");
            }
            Tag::Image { dest_url, .. } => {
                // The URL exactly as written: the exporter replaces this string with the
                // bundled media name.
                self.out.push_str("<img src=\"");
                math::escape_html(dest_url, self.out);
                self.out.push_str("\">");
                *in_image = true;
            }
            _ => {}
        }
    }

    fn end(&mut self, end: TagEnd) {
        let s = match end {
            TagEnd::Paragraph => "</p>",
            TagEnd::Heading(level) => {
                self.out.push_str(&format!("</h{}>", heading_level(level)));
                return;
            }
            TagEnd::BlockQuote(_) => "</blockquote>",
            TagEnd::CodeBlock => "</code></pre>",
            TagEnd::List(true) => "</ol>",
            TagEnd::List(false) => "</ul>",
            TagEnd::Item => "</li>",
            TagEnd::Table => "</table>",
            TagEnd::TableHead => "</tr></thead>",
            TagEnd::TableRow => "</tr>",
            TagEnd::TableCell => "</td>",
            TagEnd::Emphasis => "</em>",
            TagEnd::Strong => "</b>",
            TagEnd::Strikethrough => "</s>",
            TagEnd::Superscript => "</sup>",
            TagEnd::Subscript => "</sub>",
            TagEnd::Link => "</a>",
            _ => "",
        };
        self.out.push_str(s);
    }
}

/// `**` delimiters that CommonMark left as literal text but the author meant as bold, as
/// one cut per `*`, in event order.
///
/// CommonMark does not close `**` between punctuation and a letter: in `**강화학습(RL)**의`
/// the second `**` follows `)` and precedes `의`, so it is not right-flanking and both stay
/// literal. Notion, where the notes are written, and their author read it as bold, and Korean
/// particles follow a closing parenthesis all the time. So, for the card HTML only (spans,
/// plain text and bold-label detection keep the CommonMark reading the checker reports on),
/// a literal `**` run that is followed by a non-space pairs with the next literal `**` that
/// follows a non-space, at the same inline nesting, in the same block, with no HTML (id pins,
/// cloze markers) or block boundary between them. A lone `*` or an unpaired `**`
/// (`- *NAS(Neural Architecture Search)**의`) stays as written.
fn stray_strong(events: &[Ev]) -> Vec<StarCut> {
    // Nearly every block has no literal `*` at all (bold markup becomes events): skip the
    // walk, and its copies of the text, with one memchr per text event.
    if !events
        .iter()
        .any(|e| matches!(&e.ev, Event::Text(t) if t.contains('*')))
    {
        return Vec::new();
    }
    let mut s = StrayScan::default();
    let mut in_image = false;
    let mut in_code = false;
    for (i, e) in events.iter().enumerate() {
        if let Event::Text(t) = &e.ev
            && !in_image
            && !in_code
        {
            // pulldown-cmark gives each literal `*` its own text event: scan runs of
            // adjacent text as one string.
            s.map.push((s.run.len(), i));
            s.run.push_str(t);
            continue;
        }
        s.end_run();
        match &e.ev {
            Event::Start(Tag::Image { .. }) => in_image = true,
            Event::End(TagEnd::Image) => {
                in_image = false;
                s.before = Some('a');
            }
            Event::Start(Tag::CodeBlock(_)) => {
                in_code = true;
                s.open.clear();
            }
            Event::End(TagEnd::CodeBlock) => in_code = false,
            _ if is_block_boundary(&e.ev) => {
                s.open.clear();
                s.depth = 0;
                s.before = None;
            }
            Event::Start(_) => {
                s.depth += 1;
                s.before = None;
            }
            Event::End(_) => {
                s.depth = s.depth.saturating_sub(1);
                let depth = s.depth;
                s.open.retain(|o| o.1 <= depth);
                s.before = Some('a');
            }
            Event::Html(_) | Event::InlineHtml(_) => s.open.clear(),
            Event::SoftBreak | Event::HardBreak => s.before = Some(' '),
            _ => s.before = Some('a'),
        }
    }
    s.end_run();
    // Pairs were recorded as they closed; rendering wants event order.
    s.cuts.sort_unstable_by_key(|c| (c.event, c.at));
    s.cuts
}

/// One `*` of a stray bold delimiter to leave out of the HTML, and the tag to write instead.
#[derive(Debug, Clone, Copy)]
struct StarCut {
    event: usize,
    at: usize,
    tag: &'static str,
}

/// State of [`stray_strong`]'s walk.
#[derive(Default)]
struct StrayScan {
    /// Text of the current run of adjacent text events, and where each event starts in it.
    run: String,
    map: Vec<(usize, usize)>,
    /// Open candidates: (the two star positions as (event, offset), inline depth).
    open: Vec<([(usize, usize); 2], usize)>,
    depth: usize,
    /// Last character before the current run; `None` at a block start. Non-text inline
    /// content (code, math, the end of a bold run) counts as a letter.
    before: Option<char>,
    cuts: Vec<StarCut>,
}

impl StrayScan {
    fn end_run(&mut self) {
        if self.run.is_empty() {
            self.map.clear();
            return;
        }
        let run = std::mem::take(&mut self.run);
        let bytes = run.as_bytes();
        let mut k = 0;
        // A char pattern searches with memchr; a `"**"` pattern would build a two-way
        // searcher per call.
        while let Some(rel) = run.get(k..).and_then(|rest| rest.find('*')) {
            let at = k + rel;
            let mut end = at;
            while bytes.get(end) == Some(&b'*') {
                end += 1;
            }
            if end - at < 2 {
                k = end;
                continue;
            }
            let prev = match run.get(..at).and_then(|s| s.chars().next_back()) {
                Some(c) => Some(c),
                None => self.before,
            };
            let next = run.get(end..).and_then(|s| s.chars().next());
            if end - at == 2 && prev != Some('*') {
                let can_close = prev.is_some_and(|c| !c.is_whitespace());
                let can_open = next.is_some_and(|c| !c.is_whitespace());
                let stars = [self.locate(at), self.locate(at + 1)];
                match self.open.last() {
                    Some(&(opener, depth)) if can_close && depth == self.depth => {
                        self.open.pop();
                        self.cut(opener, "<b>");
                        self.cut(stars, "</b>");
                    }
                    _ if can_open => self.open.push((stars, self.depth)),
                    _ => {}
                }
            }
            k = end;
        }
        if let Some(c) = run.chars().next_back() {
            self.before = Some(c);
        }
        self.run = run;
        self.run.clear();
        self.map.clear();
    }

    /// (event index, offset in its text) of run offset `at`.
    fn locate(&self, at: usize) -> (usize, usize) {
        let i = self.map.partition_point(|&(start, _)| start <= at);
        match i.checked_sub(1).and_then(|i| self.map.get(i)) {
            Some(&(start, event)) => (event, at - start),
            None => (0, at),
        }
    }

    fn cut(&mut self, stars: [(usize, usize); 2], tag: &'static str) {
        let [(e0, a0), (e1, a1)] = stars;
        self.cuts.push(StarCut {
            event: e0,
            at: a0,
            tag,
        });
        self.cuts.push(StarCut {
            event: e1,
            at: a1,
            tag: "",
        });
    }
}

/// A cloze-open sentinel event for deletion number `n`.
pub(crate) fn cloze_open(n: usize) -> Event<'static> {
    Event::Html(CowStr::Boxed(format!("\0{{{{c{n}::").into_boxed_str()))
}

/// The cloze-close sentinel event.
pub(crate) fn cloze_close() -> Event<'static> {
    Event::Html(CowStr::Borrowed(CLOZE_CLOSE))
}
