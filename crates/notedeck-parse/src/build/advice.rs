//! A line whose fact ends on advice to the one studying it (`SASRec = 단방향(causal) /
//! BERT4Rec = 양방향(mask 맞히기) → 헷갈리지 말기!!`): the fact is carded without the advice.
//! Hidden with the fact, the advice was part of the answer; a line of advice alone says how
//! to study and is no card (`statements::is_study_advice`).

use super::statements::is_study_advice;
use crate::tree::{Ev, Evs, Plain};
use pulldown_cmark::{CowStr, Event};

/// The events of a line up to its last arrow, when what follows that arrow is advice
/// (`→ 헷갈리지 말기!!`) and something comes before it. `None` when there is no such advice,
/// or when it is not plain text at the line's end (marked up, it is left as it is).
pub(super) fn without_trailing_advice<'e>(
    text: &'e str,
    evs: Evs<'e>,
    plain: &Plain,
) -> Option<Vec<Ev<'e>>> {
    let t = &plain.text;
    // The advice ends the line: most lines end otherwise, and are told at once.
    if !is_study_advice(t) {
        return None;
    }
    // The advice word ends the line, so it is what follows the last arrow.
    let at = t.rfind('→')?;
    if t[..at].trim().is_empty() {
        return None;
    }
    let cut = plain
        .exact_src_span(text, &(at..at + '→'.len_utf8()))?
        .start;
    let mut kept = Vec::with_capacity(evs.len());
    let mut cut_done = false;
    for i in 0..evs.len() {
        let e = evs.get(i)?;
        if cut_done {
            // After the cut only the advice's text may follow.
            if !matches!(e.ev, Event::Text(_) | Event::SoftBreak) {
                return None;
            }
            continue;
        }
        if e.span.end <= cut {
            kept.push(e);
            continue;
        }
        let Event::Text(_) = e.ev else {
            return None;
        };
        cut_done = true;
        let head = text.get(e.span.start..cut)?.trim_end();
        if !head.is_empty() {
            kept.push(Ev {
                ev: Event::Text(CowStr::Borrowed(head)),
                span: e.span.start..e.span.start + head.len(),
            });
        }
    }
    cut_done.then_some(kept)
}

/// The line's events and plain text without its trailing advice, when
/// [`without_trailing_advice`] found it (`kept`), else as they were.
pub(super) fn trimmed<'a>(
    kept: &'a Option<Vec<Ev<'a>>>,
    text: &str,
    evs: Evs<'a>,
    plain: Plain,
) -> (Evs<'a>, Plain) {
    match kept {
        Some(kept) => (Evs::from(kept), Plain::of(text, Evs::from(kept))),
        None => (evs, plain),
    }
}

/// Why a tip line with nothing to hide is no card: once its advice is left out
/// (`advised`), it is that advice's line (`… deterministic → 헷갈리기 쉬움`).
pub(super) fn nothing_to_hide(advised: bool) -> &'static str {
    if advised {
        super::statements::STUDY_ADVICE_REASON
    } else {
        "tip line with nothing to hide (no bold part and no `=`, `:` or `→`)"
    }
}
