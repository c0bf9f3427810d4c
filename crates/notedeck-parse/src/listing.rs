//! A compact, line-per-item text listing of a parsed [`Document`], for reviewing what the
//! parser made of a note (and for snapshot tests of the real notes).

use crate::{Card, Document, LineIndex, SectionKind};
use std::borrow::Cow;
use std::fmt::Write;

/// One line per section (indented by depth), card, term, claim, skipped block and problem,
/// each with its 1-based source line. Card sides are shown as HTML, cut at 80 characters; a
/// card shown under something other than its heading path has that context in brackets.
pub fn listing(text: &str, doc: &Document) -> String {
    let lines = LineIndex::new(text);
    let line = |offset: usize| lines.line_of(offset) + 1;
    let mut out = String::new();
    let _ = writeln!(out, "title: {}", doc.title);
    out.push_str("== outline\n");
    for s in &doc.sections {
        let mut depth = 0;
        let mut p = s.parent;
        while let Some(q) = p {
            depth += 1;
            p = doc.sections.get(q).and_then(|x| x.parent);
        }
        let kind = match s.kind {
            SectionKind::Title => "title",
            SectionKind::Problem => "problem",
            SectionKind::Topic => "topic",
            SectionKind::Facet => "facet",
        };
        let _ = write!(
            out,
            "{:>4} {}{kind} h{}: {}",
            line(s.heading_span.start),
            "  ".repeat(depth),
            s.level,
            s.title
        );
        match &s.subject {
            Some(subject) => {
                let _ = writeln!(out, " — {subject}");
            }
            None => out.push('\n'),
        }
    }
    out.push_str("== cards\n");
    for c in &doc.cards {
        let kind = format!("{:?}", c.kind).to_lowercase();
        // A card shown under something other than its heading path says so before its front.
        let context = c
            .context
            .as_ref()
            .map_or(String::new(), |ctx| format!("[{}] ", ctx.join(" › ")));
        let _ = writeln!(
            out,
            "{:>4} {kind:<10} {} | {context}{} => {}{}",
            c.line,
            c.deck.last().map_or("", String::as_str),
            cut(&marked_front(c)),
            cut(&c.back),
            if c.images.is_empty() {
                String::new()
            } else {
                format!(" [{} image]", c.images.len())
            }
        );
    }
    out.push_str("== terms\n");
    for t in &doc.terms {
        let _ = writeln!(
            out,
            "{:>4} {} = {}{}",
            line(t.span.start),
            t.name,
            t.expansion,
            if t.is_heading { " (heading)" } else { "" }
        );
    }
    out.push_str("== claims\n");
    for c in &doc.claims {
        let _ = writeln!(
            out,
            "{:>4} {:?}: {} › {} = {}",
            line(c.span.start),
            c.origin,
            c.subject,
            c.attribute,
            cut(&c.value)
        );
    }
    out.push_str("== skipped\n");
    for s in &doc.skipped {
        let _ = writeln!(out, "{:>4} {}", s.line, s.reason);
    }
    out.push_str("== problems\n");
    for p in &doc.problems {
        let _ = writeln!(out, "{:>4} {}", line(p.span.start), p.message);
    }
    out
}

/// A card's front for people to read (listings, hovers, messages): each hidden part of a
/// cloze card written `{{cN::…}}`, the notation a note's author knows from Anki. Only for
/// reading: the exporter spells a deck's cloze text itself, by Anki's rules.
pub fn marked_front(card: &Card) -> Cow<'_, str> {
    if card.cloze.is_empty() {
        return Cow::Borrowed(&card.front);
    }
    let mut out = String::with_capacity(card.front.len() + 8 * card.cloze.len());
    let mut pos = 0;
    for d in &card.cloze {
        let (Some(before), Some(hidden)) = (
            card.front.get(pos..d.range.start),
            card.front.get(d.range.clone()),
        ) else {
            continue;
        };
        let _ = write!(out, "{before}{{{{c{}::{hidden}}}}}", d.number);
        pos = d.range.end;
    }
    out.push_str(card.front.get(pos..).unwrap_or_default());
    Cow::Owned(out)
}

fn cut(s: &str) -> String {
    let one_line: String = s.chars().map(|c| if c == '\n' { ' ' } else { c }).collect();
    if one_line.chars().count() > 80 {
        let mut t: String = one_line.chars().take(79).collect();
        t.push('…');
        t
    } else {
        one_line
    }
}
