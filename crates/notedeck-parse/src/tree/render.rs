//! Card HTML from events: pasted KaTeX and `$` math as MathJax, id pins dropped, and the
//! parts a cloze card hides recorded as byte ranges of the HTML.

use super::stray::stray_strong;
use super::{Evs, heading_level, is_block_boundary};
use crate::math;
use crate::{Deletion, Span};
use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

/// Render events as HTML for a card side. Pasted KaTeX and `$` math become MathJax; HTML
/// comments (id pins) are dropped; text inside the sorted source ranges `skip` (second
/// renderings of display formulas) is left out.
pub(crate) fn render<'x>(events: impl Into<Evs<'x>>, out: &mut String, skip: &[Span]) {
    render_cloze(events, out, skip);
}

/// [`render`] for events carrying [`cloze_open`] / [`cloze_close`] markers: returns the
/// byte ranges of `out` written between them, with their deletion numbers.
pub(crate) fn render_cloze<'x>(
    events: impl Into<Evs<'x>>,
    out: &mut String,
    skip: &[Span],
) -> Vec<Deletion> {
    let mut r = Renderer {
        out,
        pending: PENDING.take(),
        deletions: Vec::new(),
        open: None,
        block_start: true,
        pending_at_block_start: true,
    };
    r.run(events.into(), skip);
    let mut pending = std::mem::take(&mut r.pending);
    if pending.capacity() <= PENDING_KEPT {
        pending.clear();
        PENDING.set(pending);
    }
    r.deletions
}

/// Longest pending-text buffer kept for the next render (a note's one huge paragraph is
/// not worth holding on to).
const PENDING_KEPT: usize = 64 * 1024;

thread_local! {
    /// The pending-text buffer of the last render, for the next: a card is rendered in many
    /// small pieces, and a new buffer for each grew again every time.
    static PENDING: std::cell::Cell<String> = const { std::cell::Cell::new(String::new()) };
}

struct Renderer<'o> {
    out: &'o mut String,
    /// Adjacent text waiting to be scanned for pasted KaTeX as one piece.
    pending: String,
    /// Deletions closed so far.
    deletions: Vec<Deletion>,
    /// The deletion being written: its number and where it starts in `out`.
    open: Option<(u32, usize)>,
    /// Nothing inline has been written since the last block boundary.
    block_start: bool,
    /// `block_start` as it was when the pending text began: a formula can only be a display
    /// formula when it is all of its block.
    pending_at_block_start: bool,
}

impl Renderer<'_> {
    fn run(&mut self, events: Evs, skip: &[Span]) {
        let mut in_image = false;
        let mut in_code = false;
        let stray = stray_strong(events);
        let mut next_stray = stray.into_iter().peekable();
        let mut in_citation = false;
        // For each open emphasis, whether it is a pasted formula's `_` (kept as text).
        let mut tex_underscores: Vec<bool> = Vec::new();
        let source = events.source();
        for (i, e) in events.iter().enumerate() {
            if in_citation {
                if matches!(e.ev, Event::End(TagEnd::Link)) {
                    in_citation = false;
                }
                continue;
            }
            if let Event::Start(Tag::Link { dest_url, .. }) = &e.ev
                && is_citation_url(dest_url)
            {
                in_citation = true;
                // The space that set the citation off from its sentence goes with it.
                let kept = self.pending.trim_end().len();
                self.pending.truncate(kept);
                continue;
            }
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
            // A star cut inside a skipped link or image is never reached: drop it, or every
            // later cut of the block would wait behind it.
            while next_stray.next_if(|c| c.event < i).is_some() {}
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
            // `E[g^2]_t = \rho E[g^2]_{t-1}`: Markdown read a pasted formula's subscripts
            // as emphasis. Kept as the text they were, the formula is whole again for the
            // pasted-KaTeX pass to turn into MathJax.
            match &e.ev {
                Event::Start(Tag::Emphasis) => {
                    let tex = source.is_some_and(|src| is_tex_underscores(src, &e.span));
                    tex_underscores.push(tex);
                    if tex {
                        self.pending_char('_');
                        continue;
                    }
                }
                // Every emphasis end pops its start's entry, kept as text or not.
                Event::End(TagEnd::Emphasis) if tex_underscores.pop() == Some(true) => {
                    self.pending_char('_');
                    continue;
                }
                _ => {}
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
                        if let Some((number, start)) = self.open.take() {
                            self.deletions.push(Deletion {
                                number,
                                range: start..self.out.len(),
                            });
                        }
                    }
                    h if h.starts_with(CLOZE_OPEN) => {
                        let number = h[CLOZE_OPEN.len()..].parse().unwrap_or(1);
                        self.open = Some((number, self.out.len()));
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
        self.begin_pending();
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

    /// Note where the pending text begins, when none is pending yet.
    fn begin_pending(&mut self) {
        if self.pending.is_empty() {
            self.pending_at_block_start = self.block_start;
        }
    }

    /// Queue one character of text.
    fn pending_char(&mut self, c: char) {
        self.begin_pending();
        self.pending.push(c);
    }

    /// Write the pending text; `block_end` says whether a block boundary follows it.
    fn flush(&mut self, block_end: bool) {
        if self.pending.is_empty() {
            return;
        }
        let display_ok = self.pending_at_block_start && block_end;
        self.block_start = false;
        let text = std::mem::take(&mut self.pending);
        math::text_to_html_in(&text, display_ok, self.out);
        // Keep the buffer's capacity for the next run of text.
        self.pending = text;
        self.pending.clear();
    }

    fn text(&mut self, t: &str) {
        math::escape_html(t, self.out);
    }

    fn math(&mut self, tex: &str, display: bool) {
        math::push_mathjax(tex, display, self.out);
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

/// Whether the emphasis at `span` of `src` is `_…_` around TeX (a backslash command or a
/// `^`): a pasted formula's subscripts, which Markdown paired as emphasis.
fn is_tex_underscores(src: &str, span: &Span) -> bool {
    let Some(inner) = src
        .get(span.clone())
        .and_then(|s| s.strip_prefix('_'))
        .and_then(|s| s.strip_suffix('_'))
    else {
        return false;
    };
    let command = inner
        .as_bytes()
        .windows(2)
        .any(|w| w[0] == b'\\' && w[1].is_ascii_alphabetic());
    command || inner.contains('^')
}

/// A link a chat assistant pasted as its source (`[ResearchGate+4arXiv+4](…?utm_source=…)`):
/// it says where a sentence came from, not what to remember, so cards leave it out.
pub(crate) fn is_citation_url(url: &str) -> bool {
    url.contains("utm_source=")
}

/// Sentinel HTML events opening (followed by the deletion number) and closing a cloze
/// deletion; source HTML can never contain a NUL (CommonMark replaces it), so these cannot
/// collide with the note's own HTML.
const CLOZE_OPEN: &str = "\0cloze-open:";
const CLOZE_CLOSE: &str = "\0cloze-close";

/// A cloze-open sentinel event for deletion number `n`.
pub(crate) fn cloze_open(n: u32) -> Event<'static> {
    Event::Html(CowStr::Boxed(format!("{CLOZE_OPEN}{n}").into_boxed_str()))
}

/// Whether `ev` is a cloze-open sentinel ([`cloze_open`]).
pub(crate) fn is_cloze_open(ev: &Event) -> bool {
    matches!(ev, Event::Html(h) if h.starts_with(CLOZE_OPEN))
}

/// The cloze-close sentinel event.
pub(crate) fn cloze_close() -> Event<'static> {
    Event::Html(CowStr::Borrowed(CLOZE_CLOSE))
}
