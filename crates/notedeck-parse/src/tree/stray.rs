//! Literal `**` that CommonMark left as text but the author meant as bold.

use super::{Evs, is_block_boundary};
use pulldown_cmark::{Event, Tag, TagEnd};

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
/// cloze markers) or block boundary between them.
///
/// Notion's export also loses a star: `- *NAS(Neural Architecture Search)**의` opens with one
/// `*` and closes with `**`. The checker reports it (`broken-emphasis`) with the fix
/// `**NAS(…)**`; the card shows what that fix gives, so a lone `*` at the start of a word
/// pairs with the next literal `**` (and a `**` opener with a lone `*` that ends a word).
/// A `*` between two non-spaces (`2*3`) or between spaces (`a * b`) is never a delimiter.
pub(super) fn stray_strong(events: Evs) -> Vec<StarCut> {
    // Nearly every block has no literal `*` at all (bold markup becomes events): skip the
    // walk, and its copies of the text, with one memchr per text event.
    if !events.any_text(|t| t.as_bytes().contains(&b'*')) {
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
pub(super) struct StarCut {
    pub(super) event: usize,
    pub(super) at: usize,
    pub(super) tag: &'static str,
}

/// A literal delimiter of one or two stars: where each star is as (event, offset); the
/// second is unused for a lone star.
#[derive(Debug, Clone, Copy)]
struct Stars {
    at: [(usize, usize); 2],
    len: usize,
}

fn is_punct(c: char) -> bool {
    c.is_ascii_punctuation() || matches!(c, '…' | '、' | '。' | '，')
}

/// State of [`stray_strong`]'s walk.
#[derive(Default)]
struct StrayScan {
    /// Text of the current run of adjacent text events, and where each event starts in it.
    run: String,
    map: Vec<(usize, usize)>,
    /// Open candidates: (their stars, inline depth).
    open: Vec<(Stars, usize)>,
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
            let prev = match run.get(..at).and_then(|s| s.chars().next_back()) {
                Some(c) => Some(c),
                None => self.before,
            };
            let next = run.get(end..).and_then(|s| s.chars().next());
            let len = end - at;
            if len <= 2 && prev != Some('*') {
                let after_text = prev.is_some_and(|c| !c.is_whitespace());
                let before_text = next.is_some_and(|c| !c.is_whitespace());
                let (can_open, can_close) = if len == 2 {
                    (before_text, after_text)
                } else {
                    // A lone star only at a word's edge: never `2*3`, never `a * b`.
                    (
                        before_text && !after_text,
                        after_text && next.is_none_or(|c| c.is_whitespace() || is_punct(c)),
                    )
                };
                let stars = Stars {
                    at: [self.locate(at), self.locate(at + 1)],
                    len,
                };
                match self.open.last() {
                    // Two lone stars are CommonMark emphasis, never left literal: a lone
                    // star only closes a `**` and a `**` closes either.
                    Some(&(opener, depth))
                        if can_close && depth == self.depth && (len == 2 || opener.len == 2) =>
                    {
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

    fn cut(&mut self, stars: Stars, tag: &'static str) {
        let [(e0, a0), (e1, a1)] = stars.at;
        self.cuts.push(StarCut {
            event: e0,
            at: a0,
            tag,
        });
        if stars.len == 2 {
            self.cuts.push(StarCut {
                event: e1,
                at: a1,
                tag: "",
            });
        }
    }
}
