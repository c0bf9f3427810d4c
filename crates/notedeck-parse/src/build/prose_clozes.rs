//! Cards from one sentence of a prose paragraph too long to card whole: the sentence that
//! gives a name (`Hinton은 이런 정보를 {{c1::dark knowledge}}라고 불렀습니다.`), or, in a
//! topic's paragraph, the sentence that marks its point in bold.

use super::cards::prose_reason;
use super::essay::{Lookups, sentence_html};
use super::facts::offset_in;
use super::sentences::{named_term, refers_back, sentences};
use super::{Builder, CardDraft};
use crate::tree::Plain;
use crate::{CardKind, Deletion, SectionKind, math};

/// What a prose cloze hides: the term (its key), as the front shows it, first at `at`.
struct Hidden<'s> {
    term: &'s str,
    shown: &'s str,
    at: usize,
}

/// Longest bold part (characters) a topic's prose sentence is carded by ([`Builder::marked_cloze`]).
const MARKED_MAX_CHARS: usize = 40;
/// Longest sentence (characters) carded by its bold part.
const MARKED_SENTENCE_MAX_CHARS: usize = 200;

impl Builder<'_, '_> {
    /// A cloze hiding the name a sentence of long prose gives (`Hinton은 이런 정보를 {{c1::dark
    /// knowledge}}라고 불렀습니다.`, [`named_term`]), shown after the sentence before it when it
    /// points back (`이런 정보`). A term a student keeps, in prose no other card shows: a
    /// paragraph carded whole, or a first sentence, is left as it is.
    pub(super) fn named_cloze(
        &mut self,
        sec: usize,
        block: usize,
        plains: &[Option<Box<Plain>>],
        ix: &mut Lookups,
    ) {
        let span = self.tree.blocks[block].span.clone();
        let Some(Some(plain)) = plains.get(block) else {
            return;
        };
        let text = plain.text.trim();
        if ix.carded.contains(&span.start)
            || prose_reason(text).is_none()
            || !plain.images.is_empty()
        {
            return;
        }
        let all: Vec<&str> = sentences(text).collect();
        for (i, sentence) in all.iter().enumerate().skip(1) {
            let Some(name) = named_term(sentence) else {
                continue;
            };
            let term = &sentence[name.clone()];
            let mut front = String::new();
            if refers_back(&sentence[..name.start]) {
                sentence_html(plain, all[i - 1], &mut front);
                front.push(' ');
            }
            sentence_html(plain, &sentence[..name.start], &mut front);
            let at = front.len();
            math::text_to_html(term, &mut front);
            let end = front.len();
            sentence_html(plain, &sentence[name.end..], &mut front);
            // Every copy of the name is hidden, the one before the naming included.
            let shown = front[at..end].to_string();
            let hidden = Hidden {
                term,
                shown: &shown,
                at,
            };
            self.prose_cloze(sec, front, hidden, &span, ix, "giving a name");
            return;
        }
        if self.doc.sections[sec].kind == SectionKind::Topic {
            self.marked_cloze(sec, plain, &all, span, ix);
        }
    }

    /// A cloze of the first sentence of a topic's prose paragraph at `span` (its
    /// `sentences`) that sets exactly one part in bold, hiding that part: the author marked
    /// the paragraph's point. A name with its expansion (`**MPNN (Message Passing Neural
    /// Network)**`) is its definition card's, and the topic's own name is its context.
    fn marked_cloze(
        &mut self,
        sec: usize,
        plain: &Plain,
        all: &[&str],
        span: crate::Span,
        ix: &mut Lookups,
    ) {
        if ix.asked.contains(&span.start) {
            return;
        }
        let text = plain.text.trim();
        let lead = plain.text.len() - plain.text.trim_start().len();
        let topic = self.info[sec].short.to_lowercase();
        let chosen = all.iter().find_map(|&sentence| {
            let at = lead + offset_in(text, sentence)?;
            let mut marked = plain
                .strong
                .iter()
                .filter(|b| at <= b.start && b.end <= at + sentence.len())
                .map(|b| plain.text[b.clone()].trim());
            // `**라플라시안 스무딩(Laplacian smoothing)**의`: bold the card shows, though
            // CommonMark leaves its `**` literal before a particle.
            let term = match (marked.next(), marked.next()) {
                // A second bold part CommonMark left literal is marked as much.
                (Some(term), None) if !sentence.contains("**") => term,
                (None, _) if plain.strong.is_empty() => super::key_terms::literal_bold(sentence)?,
                _ => return None,
            };
            let n = term.chars().count();
            let fits = (2..=MARKED_MAX_CHARS).contains(&n)
                && sentence.chars().count() <= MARKED_SENTENCE_MAX_CHARS
                && !topic.contains(&term.to_lowercase())
                && !refers_back(sentence)
                && crate::terms::find_terms(term).is_empty();
            fits.then_some((sentence, term))
        });
        let Some((sentence, term)) = chosen else {
            return;
        };
        let mut front = String::new();
        sentence_html(plain, sentence, &mut front);
        let mut shown = String::new();
        math::escape_html(term, &mut shown);
        let literal = format!("**{shown}**");
        if let Some(at) = front.find(&literal) {
            front.replace_range(at..at + literal.len(), &format!("<b>{shown}</b>"));
        }
        let Some(at) = front.find(&shown) else {
            return;
        };
        let hidden = Hidden {
            term,
            shown: &shown,
            at,
        };
        self.prose_cloze(sec, front, hidden, &span, ix, "marking a term in bold");
    }

    /// A cloze of a prose paragraph's sentence `front` (the paragraph at `span`) hiding every
    /// copy of `hidden`, noted on the paragraph's skipped entry as its sentence `doing` so.
    fn prose_cloze(
        &mut self,
        sec: usize,
        front: String,
        hidden: Hidden<'_>,
        span: &crate::Span,
        ix: &Lookups,
        doing: &str,
    ) {
        let cloze = super::statements::occurrences(&front, hidden.shown, hidden.at)
            .into_iter()
            .map(|range| Deletion { number: 1, range })
            .collect();
        self.push_card(CardDraft {
            kind: CardKind::Cloze,
            sec: Some(sec),
            key: format!("cloze:{}", hidden.term),
            front,
            back: String::new(),
            cloze,
            span: span.clone(),
            pin_at: None,
            pin_line: None,
        });
        if let Some(&i) = ix.skipped_at.get(&span.start) {
            self.doc.skipped[i]
                .reason
                .push_str(&format!("; its sentence {doing} is a card"));
        }
    }
}
