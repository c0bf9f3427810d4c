//! Plain text of inline events, with a map back to source offsets and the bold spans.

use super::{Evs, span_of};
use crate::Span;
use pulldown_cmark::{Event, Tag, TagEnd};

/// Inline content as plain text, with a map back to source offsets and the bold spans.
#[derive(Default, Debug)]
pub(crate) struct Plain {
    pub text: String,
    /// `(plain offset, source offset, exact)` at the start of each piece; `exact` when the
    /// piece's plain text is a verbatim copy of the source (offsets map one to one). Offsets
    /// are `u32` (a parsed note is under 4 GiB): the plain text of every top-level block is
    /// kept for the whole parse, and these pieces were most of it.
    pub map: Vec<(u32, u32, bool)>,
    /// Bold (`**…**`) ranges in plain offsets, outermost only.
    pub strong: Vec<Span>,
    /// Inline math (`$…$`) ranges in plain offsets: the TeX without its delimiters.
    pub math: Vec<Span>,
    /// Images: `(url, alt, source span)`.
    pub images: Vec<(String, String, Span)>,
    /// Plain offsets of the spaces line breaks became: where a line of the source ended.
    pub breaks: Vec<u32>,
    /// Source span covered.
    pub span: Span,
}

impl Plain {
    /// Plain text of `events` (inline events only).
    pub fn of<'x>(text: &str, events: impl Into<Evs<'x>>) -> Plain {
        let mut p = Plain::default();
        p.fill(text, events);
        p
    }

    /// The inline math inside `range` of the text, as ranges relative to `range.start`.
    pub fn math_within(&self, range: &Span) -> Vec<Span> {
        self.math
            .iter()
            .filter(|m| range.start <= m.start && m.end <= range.end)
            .map(|m| m.start - range.start..m.end - range.start)
            .collect()
    }

    /// Drop the text from source offset `src` on, when `src` falls in a piece copied
    /// verbatim: a line ending on a pasted KaTeX copy (`수식:E[g2]t=…`, the copy of the
    /// formula shown below it) reads as what comes before the copy.
    pub fn truncate_at_src(&mut self, src: usize) {
        let Some(k) = self.map.iter().rposition(|&(_, s, _)| s as usize <= src) else {
            return;
        };
        let (pos, start, exact) = self.map[k];
        if !exact {
            return;
        }
        let cut = pos as usize + (src - start as usize);
        if cut >= self.text.len() || !self.text.is_char_boundary(cut) {
            return;
        }
        self.text.truncate(cut);
        self.map.truncate(k + 1);
        let clip = |ranges: &mut Vec<Span>| {
            ranges.retain(|r| r.start < cut);
            for r in ranges.iter_mut() {
                r.end = r.end.min(cut);
            }
        };
        clip(&mut self.strong);
        clip(&mut self.math);
    }

    /// Refill this value with the plain text of `events`, reusing its buffers (list items are
    /// many; allocating four buffers for each one shows in profiles).
    pub fn fill<'x>(&mut self, text: &str, events: impl Into<Evs<'x>>) {
        let events = events.into();
        self.text.clear();
        self.map.clear();
        self.strong.clear();
        self.math.clear();
        self.images.clear();
        self.breaks.clear();
        self.span = span_of(events);
        // The plain text is about as long as its source (markup and entities only shorten
        // it): room for it at once, rather than grown in steps, each a copy.
        self.text.reserve(self.span.len());
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
                    // Most text is borrowed from the note at its own span: the same bytes.
                    let exact = text.get(e.span.clone()).is_some_and(|s| {
                        (s.as_ptr() == t.as_ptr() && s.len() == t.len()) || s == t.as_ref()
                    });
                    let src = if matches!(e.ev, Event::Text(_)) || exact {
                        e.span.start
                    } else {
                        // Code and math: point inside the delimiters where possible.
                        text.get(e.span.clone())
                            .and_then(|s| s.find(t.as_ref()))
                            .map_or(e.span.start, |i| e.span.start + i)
                    };
                    let exact = exact || text.get(src..src + t.len()) == Some(t.as_ref());
                    p.map.push((offset(p.text.len()), offset(src), exact));
                    if matches!(e.ev, Event::InlineMath(_)) {
                        p.math.push(p.text.len()..p.text.len() + t.len());
                    }
                    p.text.push_str(t);
                }
                Event::SoftBreak | Event::HardBreak => {
                    p.map
                        .push((offset(p.text.len()), offset(e.span.start), false));
                    p.breaks.push(offset(p.text.len()));
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
        let i = self.map.partition_point(|&(pos, _, _)| pos as usize <= at);
        let Some(&(pos, src, exact)) = i.checked_sub(1).and_then(|i| self.map.get(i)) else {
            return self.span.start;
        };
        let (pos, src) = (pos as usize, src as usize);
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
    /// (soft breaks aside) and only inline markup lies between the pieces (`` *_~$` ``,
    /// backslashes, `[` and `](destination)` of a link), so that the span holds
    /// exactly that text up to markup. `None` when part of it was rewritten on the way to
    /// plain text (a code span over several lines, an entity) or when it runs across
    /// something left out of the plain text (an HTML comment, an image).
    pub fn exact_src_span(&self, text: &str, r: &Span) -> Option<Span> {
        let first = self
            .map
            .partition_point(|&(pos, _, _)| pos as usize <= r.start)
            .checked_sub(1)?;
        // Where the previous piece ended in the source, and whether it was a line break
        // (then the next line's indentation and `>` markers come first).
        let mut prev_end: Option<(usize, bool)> = None;
        for (k, &(pos, src, exact)) in self.map.iter().enumerate().skip(first) {
            let (pos, src) = (pos as usize, src as usize);
            if pos >= r.end && k > first {
                break;
            }
            let piece_end = self
                .map
                .get(k + 1)
                .map_or(self.text.len(), |p| p.0 as usize);
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
        let mut span = self.src_span(r);
        // A range opening or closing on inline math takes its `$` too: the span then holds
        // the formula as written, not `$x_{i}` with its closing `$` left out (a fix
        // replacing the value would leave a stray delimiter).
        if self.math.iter().any(|m| m.start == r.start) {
            span.start -= text[..span.start].len() - text[..span.start].trim_end_matches('$').len();
        }
        if self.math.iter().any(|m| m.end == r.end) {
            span.end += text[span.end..].len() - text[span.end..].trim_start_matches('$').len();
        }
        Some(span)
    }

    /// This value boxed, without the spare room its buffers grew with: for a plain text
    /// kept while the whole note is read rather than refilled.
    pub fn kept(mut self) -> Box<Plain> {
        self.text.shrink_to_fit();
        self.map.shrink_to_fit();
        self.strong.shrink_to_fit();
        self.math.shrink_to_fit();
        self.images.shrink_to_fit();
        Box::new(self)
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

/// An offset as a piece keeps it; the parse entry never passes a note of 4 GiB or more.
pub(crate) fn offset(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
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
