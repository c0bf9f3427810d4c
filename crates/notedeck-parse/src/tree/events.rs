//! The events of a note kept packed, 16 bytes each rather than the 96 of a pulldown-cmark
//! event with its span, and read back as ordinary events.
//!
//! The card rules walk the events long after pulldown-cmark made them, so all of them are
//! kept: a 20 MB note makes about 1.7 million, which as `(Event, Span)` pairs held 160-190 MB
//! while the note was parsed. Nearly every event is a tag without data or text borrowed from
//! the note, so each is kept as a small code, its span as `u32` offsets and its text as a
//! reference into the note; the few that carry more (links, images, fenced code, tables,
//! ordered lists, text pulldown-cmark rewrote, such as an entity) are kept whole beside them.

use super::Ev;
use crate::Span;
use pulldown_cmark::{
    BlockQuoteKind, CodeBlockKind, CowStr, Event, HeadingLevel, MetadataBlockKind, Tag, TagEnd,
};
use std::ops::Range;

/// Every event of one note, in order.
pub(crate) struct Events<'a> {
    text: &'a str,
    packed: Vec<Packed>,
    /// Text borrowed from the note at other offsets than its event's span (the code inside
    /// backticks, math inside dollars): `(start, end)`.
    strs: Vec<(u32, u32)>,
    /// Events kept as pulldown-cmark made them.
    whole: Vec<Event<'a>>,
}

#[derive(Clone, Copy)]
struct Packed {
    what: What,
    start: u32,
    end: u32,
}

// What makes the whole scheme worth it: keep an eye on it when adding a variant.
const _: () = assert!(std::mem::size_of::<Packed>() == 16);

#[derive(Clone, Copy)]
enum What {
    Start(Bare),
    End(TagEnd),
    Text(Str),
    Code(Str),
    InlineMath(Str),
    DisplayMath(Str),
    Html(Str),
    InlineHtml(Str),
    SoftBreak,
    HardBreak,
    Rule,
    TaskListMarker(bool),
    /// An index into [`Events::whole`].
    Whole(u32),
}

/// A start tag that carries nothing but what fits in a byte or two.
#[derive(Clone, Copy)]
enum Bare {
    Paragraph,
    Heading(HeadingLevel),
    BlockQuote(Option<BlockQuoteKind>),
    IndentedCode,
    HtmlBlock,
    BulletList,
    Item,
    TableHead,
    TableRow,
    TableCell,
    Emphasis,
    Strong,
    Strikethrough,
    Superscript,
    Subscript,
    DefinitionList,
    DefinitionListTitle,
    DefinitionListDefinition,
    MetadataBlock(MetadataBlockKind),
}

/// Where an event's text is: [`Str::SPAN`], or an index into [`Events::strs`].
#[derive(Clone, Copy)]
struct Str(u32);

impl Str {
    /// The text is exactly the event's span of the note (most text events).
    const SPAN: Str = Str(u32::MAX);
}

impl<'a> Events<'a> {
    /// Room for `capacity` events of `text`, which must be shorter than `u32::MAX` bytes
    /// (longer offsets are kept as `u32::MAX`, and read back as empty text).
    pub fn with_capacity(text: &'a str, capacity: usize) -> Self {
        Events {
            text,
            packed: Vec::with_capacity(capacity),
            strs: Vec::new(),
            whole: Vec::new(),
        }
    }

    /// Append one event.
    pub fn push(&mut self, ev: Event<'a>, span: Span) {
        let what = match ev {
            Event::Start(tag) => match bare(&tag) {
                Some(b) => What::Start(b),
                None => self.keep(Event::Start(tag)),
            },
            Event::End(end) => What::End(end),
            Event::Text(s) => self.string(s, &span, What::Text, Event::Text),
            Event::Code(s) => self.string(s, &span, What::Code, Event::Code),
            Event::InlineMath(s) => self.string(s, &span, What::InlineMath, Event::InlineMath),
            Event::DisplayMath(s) => self.string(s, &span, What::DisplayMath, Event::DisplayMath),
            Event::Html(s) => self.string(s, &span, What::Html, Event::Html),
            Event::InlineHtml(s) => self.string(s, &span, What::InlineHtml, Event::InlineHtml),
            Event::SoftBreak => What::SoftBreak,
            Event::HardBreak => What::HardBreak,
            Event::Rule => What::Rule,
            Event::TaskListMarker(done) => What::TaskListMarker(done),
            ev @ Event::FootnoteReference(_) => self.keep(ev),
        };
        self.packed.push(Packed {
            what,
            start: offset(span.start),
            end: offset(span.end),
        });
    }

    /// Free the room reserved and not used (the events live as long as the parse).
    pub fn shrink_to_fit(&mut self) {
        self.packed.shrink_to_fit();
        self.strs.shrink_to_fit();
        self.whole.shrink_to_fit();
    }

    fn keep(&mut self, ev: Event<'a>) -> What {
        self.whole.push(ev);
        What::Whole(offset(self.whole.len() - 1))
    }

    /// A text-carrying event: its text as a place in the note when it is one, else whole.
    fn string(
        &mut self,
        s: CowStr<'a>,
        span: &Span,
        packed: fn(Str) -> What,
        whole: fn(CowStr<'a>) -> Event<'a>,
    ) -> What {
        let CowStr::Borrowed(b) = s else {
            return self.keep(whole(s));
        };
        let base = self.text.as_ptr().addr();
        let at = b.as_ptr().addr().wrapping_sub(base);
        if at > self.text.len() || b.len() > self.text.len() - at {
            return self.keep(whole(s));
        }
        if at == span.start && b.len() == span.len() {
            return packed(Str::SPAN);
        }
        self.strs.push((offset(at), offset(at + b.len())));
        packed(Str(offset(self.strs.len() - 1)))
    }

    /// The number of events.
    pub fn len(&self) -> usize {
        self.packed.len()
    }

    /// The events in `range`, like [`slice::get`]: `None` when it is out of bounds.
    pub fn get(&self, range: Range<usize>) -> Option<Evs<'_>> {
        (range.start <= range.end && range.end <= self.packed.len()).then_some(Evs {
            src: Src::Packed(self.reborrowed()),
            start: range.start,
            end: range.end,
        })
    }

    /// The last event.
    pub fn last(&self) -> Option<Ev<'_>> {
        self.packed.len().checked_sub(1).and_then(|i| self.at(i))
    }

    /// All events.
    pub fn all(&self) -> Evs<'_> {
        Evs {
            src: Src::Packed(self.reborrowed()),
            start: 0,
            end: self.packed.len(),
        }
    }

    fn reborrowed(&self) -> &Events<'_> {
        self
    }

    /// The span of event `i` (empty past the end).
    pub fn span(&self, i: usize) -> Span {
        self.packed
            .get(i)
            .map_or(0..0, |p| p.start as usize..p.end as usize)
    }

    /// Event `i` as little as a scan over the whole note needs to tell whether to read it
    /// ([`Light`]): building every event of a note whole, to look at a few, was a cost of its
    /// own.
    pub fn light(&self, i: usize) -> Light<'a> {
        match self.packed.get(i) {
            Some(p) => self.light_of(p),
            None => Light::Other,
        }
    }

    /// Every event of the note as [`Light`], with its index.
    pub fn lights_all(&self) -> impl Iterator<Item = (usize, Light<'a>)> + '_ {
        self.packed
            .iter()
            .enumerate()
            .map(|(i, p)| (i, self.light_of(p)))
    }

    fn light_of(&self, p: &Packed) -> Light<'a> {
        let text = |s: Str| -> &'a str {
            let range = if s.0 == Str::SPAN.0 {
                p.start as usize..p.end as usize
            } else {
                self.strs
                    .get(s.0 as usize)
                    .map_or(0..0, |&(a, b)| a as usize..b as usize)
            };
            self.text.get(range).unwrap_or_default()
        };
        match p.what {
            What::Text(s) => Light::Text(text(s)),
            What::Code(s) => Light::Code(text(s)),
            What::Start(Bare::IndentedCode) => Light::CodeStart,
            What::End(TagEnd::CodeBlock) => Light::CodeEnd,
            What::End(TagEnd::Image) => Light::ImageEnd,
            What::Whole(_) => Light::Whole,
            _ => Light::Other,
        }
    }

    /// Event `i`.
    pub fn at(&self, i: usize) -> Option<Ev<'_>> {
        let p = self.packed.get(i)?;
        let span = p.start as usize..p.end as usize;
        let text = |s: Str| -> CowStr<'_> {
            let range = if s.0 == Str::SPAN.0 {
                span.clone()
            } else {
                self.strs
                    .get(s.0 as usize)
                    .map_or(0..0, |&(a, b)| a as usize..b as usize)
            };
            CowStr::Borrowed(self.text.get(range).unwrap_or_default())
        };
        let ev = match p.what {
            What::Start(b) => Event::Start(tag(b)),
            What::End(end) => Event::End(end),
            What::Text(s) => Event::Text(text(s)),
            What::Code(s) => Event::Code(text(s)),
            What::InlineMath(s) => Event::InlineMath(text(s)),
            What::DisplayMath(s) => Event::DisplayMath(text(s)),
            What::Html(s) => Event::Html(text(s)),
            What::InlineHtml(s) => Event::InlineHtml(text(s)),
            What::SoftBreak => Event::SoftBreak,
            What::HardBreak => Event::HardBreak,
            What::Rule => Event::Rule,
            What::TaskListMarker(done) => Event::TaskListMarker(done),
            What::Whole(w) => self
                .whole
                .get(w as usize)
                .map_or(Event::SoftBreak, reborrow),
        };
        Some(Ev { ev, span })
    }
}

/// What [`Events::light`] tells of an event.
#[derive(Clone, Copy)]
pub(crate) enum Light<'a> {
    /// Text borrowed from the note (text pulldown-cmark rewrote is [`Light::Whole`]).
    Text(&'a str),
    /// An inline code span borrowed from the note.
    Code(&'a str),
    /// The start of an indented code block (a fenced one is [`Light::Whole`]).
    CodeStart,
    /// The end of a code block.
    CodeEnd,
    /// The end of an image.
    ImageEnd,
    /// An event kept whole: read it with [`Events::at`].
    Whole,
    /// Anything else.
    Other,
}

impl<'t> IntoIterator for &'t Events<'_> {
    type Item = Ev<'t>;
    type IntoIter = Iter<'t>;

    fn into_iter(self) -> Iter<'t> {
        self.all().iter()
    }
}

/// An offset as kept; the parse entry never passes a note of 4 GiB or more.
fn offset(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn bare(tag: &Tag) -> Option<Bare> {
    Some(match tag {
        Tag::Paragraph => Bare::Paragraph,
        Tag::Heading {
            level,
            id: None,
            classes,
            attrs,
        } if classes.is_empty() && attrs.is_empty() => Bare::Heading(*level),
        Tag::BlockQuote(kind) => Bare::BlockQuote(*kind),
        Tag::CodeBlock(CodeBlockKind::Indented) => Bare::IndentedCode,
        Tag::HtmlBlock => Bare::HtmlBlock,
        Tag::List(None) => Bare::BulletList,
        Tag::Item => Bare::Item,
        Tag::TableHead => Bare::TableHead,
        Tag::TableRow => Bare::TableRow,
        Tag::TableCell => Bare::TableCell,
        Tag::Emphasis => Bare::Emphasis,
        Tag::Strong => Bare::Strong,
        Tag::Strikethrough => Bare::Strikethrough,
        Tag::Superscript => Bare::Superscript,
        Tag::Subscript => Bare::Subscript,
        Tag::DefinitionList => Bare::DefinitionList,
        Tag::DefinitionListTitle => Bare::DefinitionListTitle,
        Tag::DefinitionListDefinition => Bare::DefinitionListDefinition,
        Tag::MetadataBlock(kind) => Bare::MetadataBlock(*kind),
        Tag::Heading { .. }
        | Tag::CodeBlock(CodeBlockKind::Fenced(_))
        | Tag::List(Some(_))
        | Tag::FootnoteDefinition(_)
        | Tag::Table(_)
        | Tag::Link { .. }
        | Tag::Image { .. } => return None,
    })
}

fn tag(b: Bare) -> Tag<'static> {
    match b {
        Bare::Paragraph => Tag::Paragraph,
        Bare::Heading(level) => Tag::Heading {
            level,
            id: None,
            classes: Vec::new(),
            attrs: Vec::new(),
        },
        Bare::BlockQuote(kind) => Tag::BlockQuote(kind),
        Bare::IndentedCode => Tag::CodeBlock(CodeBlockKind::Indented),
        Bare::HtmlBlock => Tag::HtmlBlock,
        Bare::BulletList => Tag::List(None),
        Bare::Item => Tag::Item,
        Bare::TableHead => Tag::TableHead,
        Bare::TableRow => Tag::TableRow,
        Bare::TableCell => Tag::TableCell,
        Bare::Emphasis => Tag::Emphasis,
        Bare::Strong => Tag::Strong,
        Bare::Strikethrough => Tag::Strikethrough,
        Bare::Superscript => Tag::Superscript,
        Bare::Subscript => Tag::Subscript,
        Bare::DefinitionList => Tag::DefinitionList,
        Bare::DefinitionListTitle => Tag::DefinitionListTitle,
        Bare::DefinitionListDefinition => Tag::DefinitionListDefinition,
        Bare::MetadataBlock(kind) => Tag::MetadataBlock(kind),
    }
}

fn borrowed<'t>(s: &'t CowStr<'_>) -> CowStr<'t> {
    CowStr::Borrowed(s)
}

/// `e` with its strings borrowed from it rather than copied (a table's column alignments,
/// one small vector per table, are copied).
pub(crate) fn reborrow<'t>(e: &'t Event<'_>) -> Event<'t> {
    match e {
        Event::Start(t) => Event::Start(reborrow_tag(t)),
        Event::End(end) => Event::End(*end),
        Event::Text(s) => Event::Text(borrowed(s)),
        Event::Code(s) => Event::Code(borrowed(s)),
        Event::InlineMath(s) => Event::InlineMath(borrowed(s)),
        Event::DisplayMath(s) => Event::DisplayMath(borrowed(s)),
        Event::Html(s) => Event::Html(borrowed(s)),
        Event::InlineHtml(s) => Event::InlineHtml(borrowed(s)),
        Event::FootnoteReference(s) => Event::FootnoteReference(borrowed(s)),
        Event::SoftBreak => Event::SoftBreak,
        Event::HardBreak => Event::HardBreak,
        Event::Rule => Event::Rule,
        Event::TaskListMarker(done) => Event::TaskListMarker(*done),
    }
}

fn reborrow_tag<'t>(t: &'t Tag<'_>) -> Tag<'t> {
    match t {
        Tag::Heading {
            level,
            id,
            classes,
            attrs,
        } => Tag::Heading {
            level: *level,
            id: id.as_ref().map(borrowed),
            classes: classes.iter().map(borrowed).collect(),
            attrs: attrs
                .iter()
                .map(|(k, v)| (borrowed(k), v.as_ref().map(borrowed)))
                .collect(),
        },
        Tag::CodeBlock(CodeBlockKind::Fenced(info)) => {
            Tag::CodeBlock(CodeBlockKind::Fenced(borrowed(info)))
        }
        Tag::CodeBlock(CodeBlockKind::Indented) => Tag::CodeBlock(CodeBlockKind::Indented),
        Tag::FootnoteDefinition(label) => Tag::FootnoteDefinition(borrowed(label)),
        Tag::Table(alignments) => Tag::Table(alignments.clone()),
        Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        } => Tag::Link {
            link_type: *link_type,
            dest_url: borrowed(dest_url),
            title: borrowed(title),
            id: borrowed(id),
        },
        Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        } => Tag::Image {
            link_type: *link_type,
            dest_url: borrowed(dest_url),
            title: borrowed(title),
            id: borrowed(id),
        },
        Tag::Paragraph => Tag::Paragraph,
        Tag::BlockQuote(kind) => Tag::BlockQuote(*kind),
        Tag::HtmlBlock => Tag::HtmlBlock,
        Tag::List(start) => Tag::List(*start),
        Tag::Item => Tag::Item,
        Tag::DefinitionList => Tag::DefinitionList,
        Tag::DefinitionListTitle => Tag::DefinitionListTitle,
        Tag::DefinitionListDefinition => Tag::DefinitionListDefinition,
        Tag::TableHead => Tag::TableHead,
        Tag::TableRow => Tag::TableRow,
        Tag::TableCell => Tag::TableCell,
        Tag::Emphasis => Tag::Emphasis,
        Tag::Strong => Tag::Strong,
        Tag::Strikethrough => Tag::Strikethrough,
        Tag::Superscript => Tag::Superscript,
        Tag::Subscript => Tag::Subscript,
        Tag::MetadataBlock(kind) => Tag::MetadataBlock(*kind),
    }
}

/// A run of events, of the note's ([`Events`]) or made by a rule (a cloze line's events with
/// its markers): what the renderers and the plain-text reader take. Its events are read
/// back one at a time, by value, their strings borrowed.
#[derive(Clone, Copy)]
pub(crate) struct Evs<'t> {
    src: Src<'t>,
    start: usize,
    end: usize,
}

#[derive(Clone, Copy)]
enum Src<'t> {
    Packed(&'t Events<'t>),
    Loose(&'t [Ev<'t>]),
}

impl Default for Evs<'_> {
    fn default() -> Self {
        Evs {
            src: Src::Loose(&[]),
            start: 0,
            end: 0,
        }
    }
}

impl<'t> From<&'t [Ev<'t>]> for Evs<'t> {
    fn from(evs: &'t [Ev<'t>]) -> Self {
        Evs {
            src: Src::Loose(evs),
            start: 0,
            end: evs.len(),
        }
    }
}

impl<'t> From<&'t Vec<Ev<'t>>> for Evs<'t> {
    fn from(evs: &'t Vec<Ev<'t>>) -> Self {
        Evs::from(evs.as_slice())
    }
}

impl<'t> Evs<'t> {
    /// The note the events were parsed from, when they are its own (not events a rule
    /// assembled): what a span's delimiter was (`_` or `*`) is only in the source.
    pub fn source(&self) -> Option<&'t str> {
        match self.src {
            Src::Packed(events) => Some(events.text),
            Src::Loose(_) => None,
        }
    }

    /// The number of events.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Event `i` of the run.
    pub fn get(&self, i: usize) -> Option<Ev<'t>> {
        if i >= self.len() {
            return None;
        }
        let at = self.start + i;
        match self.src {
            Src::Packed(events) => events.at(at),
            Src::Loose(evs) => evs.get(at).map(|e| Ev {
                ev: reborrow(&e.ev),
                span: e.span.clone(),
            }),
        }
    }

    /// The span of event `i` of the run, without reading the event.
    pub fn span_at(&self, i: usize) -> Option<Span> {
        if i >= self.len() {
            return None;
        }
        let at = self.start + i;
        match self.src {
            Src::Packed(events) => events
                .packed
                .get(at)
                .map(|p| p.start as usize..p.end as usize),
            Src::Loose(evs) => evs.get(at).map(|e| e.span.clone()),
        }
    }

    /// The first event.
    pub fn first(&self) -> Option<Ev<'t>> {
        self.get(0)
    }

    /// The last event.
    pub fn last(&self) -> Option<Ev<'t>> {
        self.len().checked_sub(1).and_then(|i| self.get(i))
    }

    /// The events `range` of this run, like [`slice::get`].
    pub fn slice(&self, range: Range<usize>) -> Option<Evs<'t>> {
        (range.start <= range.end && range.end <= self.len()).then_some(Evs {
            src: self.src,
            start: self.start + range.start,
            end: self.start + range.end,
        })
    }

    /// The events of the run as [`Light`] with their index in the run, for a scan that reads
    /// few of them whole ([`Evs::get`]); every event of a run made by a rule is
    /// [`Light::Whole`].
    pub fn lights(&self) -> impl Iterator<Item = (usize, Light<'t>)> + use<'t> {
        let (src, start) = (self.src, self.start);
        (0..self.len()).map(move |i| match src {
            Src::Packed(events) => (i, events.light(start + i)),
            Src::Loose(_) => (i, Light::Whole),
        })
    }

    /// Whether `f` holds for the text of a text event of the run, reading no other event.
    pub fn any_text(&self, mut f: impl FnMut(&str) -> bool) -> bool {
        match self.src {
            Src::Packed(events) => (self.start..self.end).any(|i| match events.light(i) {
                Light::Text(t) => f(t),
                Light::Whole => events
                    .at(i)
                    .is_some_and(|e| matches!(&e.ev, Event::Text(t) if f(t))),
                _ => false,
            }),
            Src::Loose(evs) => evs
                .get(self.start..self.end)
                .unwrap_or_default()
                .iter()
                .any(|e| matches!(&e.ev, Event::Text(t) if f(t))),
        }
    }

    /// The events, in order.
    pub fn iter(&self) -> Iter<'t> {
        Iter { evs: *self }
    }
}

impl<'t> IntoIterator for Evs<'t> {
    type Item = Ev<'t>;
    type IntoIter = Iter<'t>;

    fn into_iter(self) -> Iter<'t> {
        Iter { evs: self }
    }
}

/// The events of an [`Evs`], by value.
#[derive(Clone)]
pub(crate) struct Iter<'t> {
    evs: Evs<'t>,
}

impl<'t> Iterator for Iter<'t> {
    type Item = Ev<'t>;

    fn next(&mut self) -> Option<Ev<'t>> {
        let e = self.evs.first()?;
        self.evs.start += 1;
        Some(e)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.evs.len(), Some(self.evs.len()))
    }
}

impl DoubleEndedIterator for Iter<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        let e = self.evs.last()?;
        self.evs.end -= 1;
        Some(e)
    }
}

impl ExactSizeIterator for Iter<'_> {}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::{Options, Parser};

    /// Every kind of event the notes make, including text pulldown-cmark rewrites (entities,
    /// escapes), and offsets in multi-byte text.
    const NOTE: &str = "# 제목 *강조* &amp; \\*별\\*\n\n\
        - **굵게**: `코드` and $x^2$ [링크](https://a.b/c \"t\") ![그림](a%20b.png)\n\
        - [ ] 할 일\n\n\
        3. 셋\n4. 넷\n\n\
        | a | b |\n|:--|--:|\n| 가 \\| 나 | ~~취소~~ |\n\n\
        ```rust\nfn main() {}\n```\n\n    indented\n\n> 인용 <b>html</b>\n\n\
        <div>block</div>\n\n---\n\n$$\nE = mc^2\n$$\n줄 끝  \n다음 줄[^1]\n\n[^1]: 각주\n";

    #[test]
    fn events_read_back_as_pulldown_cmark_made_them() {
        let options = Options::all();
        let made: Vec<(Event, Span)> = Parser::new_ext(NOTE, options).into_offset_iter().collect();
        let mut events = Events::with_capacity(NOTE, 0);
        for (ev, span) in made.iter().cloned() {
            events.push(ev, span);
        }
        assert_eq!(events.len(), made.len());
        let read: Vec<(Event, Span)> = events.all().iter().map(|e| (e.ev, e.span)).collect();
        assert_eq!(read, made);
        // Kept whole only where the packed form cannot say it.
        assert!(
            events.whole.len() * 4 < made.len(),
            "{}",
            events.whole.len()
        );
        let back: Vec<(Event, Span)> = events.all().iter().rev().map(|e| (e.ev, e.span)).collect();
        assert!(back.into_iter().rev().eq(made.iter().cloned()));
    }

    #[test]
    fn a_run_of_events_reads_like_a_slice() {
        let made: Vec<Ev> = Parser::new("a *b* c")
            .into_offset_iter()
            .map(|(ev, span)| Ev { ev, span })
            .collect();
        let loose = Evs::from(&made);
        let mut events = Events::with_capacity("a *b* c", 8);
        for e in &made {
            events.push(e.ev.clone(), e.span.clone());
        }
        for evs in [loose, events.all()] {
            assert_eq!(evs.len(), made.len());
            assert_eq!(
                evs.first().map(|e| e.ev),
                made.first().map(|e| e.ev.clone())
            );
            assert_eq!(evs.last().map(|e| e.ev), made.last().map(|e| e.ev.clone()));
            let mid = evs.slice(1..3).expect("in bounds");
            assert_eq!(mid.len(), 2);
            assert_eq!(mid.get(0).map(|e| e.span), Some(made[1].span.clone()));
            assert!(mid.get(2).is_none());
            assert!(evs.slice(2..made.len() + 1).is_none());
            assert_eq!(evs.iter().len(), made.len());
        }
        assert!(events.get(0..made.len() + 1).is_none());
        assert!(Evs::default().first().is_none());
    }
}
