//! Which definition cards the notes get, and what becomes of a card showing an expansion
//! lint reports: shared by `export`, `cards` and `stats`, so they agree.

use notedeck_parse::{Card, CardKind, Document, Skipped, Span, Term};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Which definition cards the notes get: none made from an expansion the checker reports
/// (`conflicting-expansion`, `acronym-mismatch`: such a card would teach what lint rejects,
/// `LoRA → Row-rank Adaptation` next to `LoRA → Low-Rank Adaptation`), and one per name per
/// note, the first left. Export and `notedeck cards` both ask it, so they agree.
///
/// Only cards are left out, after the parser gave every card its id: the ids of the others
/// do not change, and a card left out comes back with its own id once the text is fixed.
///
/// Any other card showing an expansion the checker reports as conflicting or misspelt
/// (`GIN (Graph Invariant Network)` in an interview answer, where the note says Graph
/// Isomorphism Network twice) is shown without it ([`without_slips`]), or, where that cannot
/// be done (a cloze card, the expansion written otherwise too), left out: it would teach the
/// slip. Fixed, the card shows the expansion again.
#[derive(Default)]
pub struct Definitions {
    rejected: notedeck_check::RejectedTerms,
}

/// Why a definition card is left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LeftOut {
    /// The checker reports its expansion.
    Rejected,
    /// The note already has a definition card for the name, at this line.
    Repeated(usize),
    /// Not a definition card: it shows this name's expansion as written where the checker
    /// reports it conflicting.
    Shows(String),
    /// Not a definition card: it shows this name's expansion with a word the checker
    /// reports misspelt, one fix in reach.
    ShowsMisspelt(String),
}

impl LeftOut {
    /// The reason, as `notedeck cards` lists it under "not carded".
    pub fn reason(&self, name: &str) -> String {
        match self {
            LeftOut::Rejected => format!(
                "definition of {name} not carded: lint reports its expansion (fix it and the \
                 card comes back)"
            ),
            LeftOut::Repeated(line) => {
                format!("definition of {name} not carded again: it has one at line {line}")
            }
            LeftOut::Shows(name) => format!(
                "shows {name}'s expansion where lint reports it conflicting (fix it and the \
                 card comes back)"
            ),
            LeftOut::ShowsMisspelt(name) => format!(
                "shows {name}'s expansion with a word lint reports misspelt (fix it and the \
                 card comes back)"
            ),
        }
    }
}

impl Definitions {
    /// What the checker needs of one parsed note to judge its terms: the terms and the bits
    /// of the text they are written in, without the cards or the rest of the text (made on
    /// the parsing threads, and held for every file of an export until all are parsed).
    pub fn note(file: &Path, text: &str, doc: &Document) -> (PathBuf, notedeck_check::Note) {
        (
            file.to_path_buf(),
            notedeck_check::Note::for_terms(text, doc.title.clone(), doc.terms.clone()),
        )
    }

    /// [`Definitions::check`] over parsed notes: (file, text, parse) each.
    pub fn of_parsed<'a, P: AsRef<Path> + 'a>(
        parsed: impl Iterator<Item = &'a (P, String, Document)>,
    ) -> Definitions {
        Definitions::check(
            parsed
                .map(|(file, text, doc)| Definitions::note(file.as_ref(), text, doc))
                .collect(),
        )
    }

    /// Check the terms of every note together: a conflict is between notes.
    pub fn check(notes: Vec<(PathBuf, notedeck_check::Note)>) -> Definitions {
        let mut ws = notedeck_check::Workspace::new();
        ws.insert_many(notes);
        Definitions {
            rejected: ws.rejected_terms(),
        }
    }

    /// The expansions among a card's `sites` (span, expansion as written) that lint reports
    /// for `file`, conflicting or misspelt, each with whether it is misspelt (rather than
    /// conflicting); empty when it reports none of them.
    pub fn slips<'s>(&self, file: &Path, sites: &'s [(Span, Box<str>)]) -> Vec<(&'s str, bool)> {
        let reported = |map: &std::collections::BTreeMap<PathBuf, Vec<Span>>, span: &Span| {
            map.get(file).is_some_and(|spans| spans.contains(span))
        };
        sites
            .iter()
            .filter_map(|(span, expansion)| {
                if reported(&self.rejected.conflicting, span) {
                    Some((&**expansion, false))
                } else if reported(&self.rejected.misspelt, span) {
                    Some((&**expansion, true))
                } else {
                    None
                }
            })
            .collect()
    }

    /// Take out of `doc.cards` (the parse of `file`) the definition cards export leaves out,
    /// and the other cards it leaves out for a slip, listing each among the blocks not carded
    /// with the reason; write the cards it keeps without their slips: what `notedeck cards`
    /// and `stats` show is what export makes.
    pub fn apply(&self, file: &Path, doc: &mut Document) {
        let mut verdicts = self.judge(file, doc.cards.iter().map(Definition::of));
        if self.rejected.conflicting.contains_key(file) || self.rejected.misspelt.contains_key(file)
        {
            for (card, verdict) in doc.cards.iter_mut().zip(&mut verdicts) {
                if verdict.is_some() || card.kind == CardKind::Definition {
                    continue;
                }
                let sites: Vec<(Span, Box<str>)> = carried_terms(card, &doc.terms)
                    .into_iter()
                    .map(|t| (t.span.clone(), t.expansion.trim().into()))
                    .collect();
                let slips = self.slips(file, &sites);
                let Some(&(first, misspelt)) = slips.first() else {
                    continue;
                };
                // Shown without the slips, as export writes it ([`Deck::leave_out`]).
                let expansions: Vec<&str> = slips.iter().map(|(e, _)| *e).collect();
                if card.kind != CardKind::Cloze
                    && let Some((front, back)) = without_slips(&card.front, &card.back, &expansions)
                {
                    card.front = front;
                    card.back = back;
                    continue;
                }
                let name = sites
                    .iter()
                    .find(|(_, e)| &**e == first)
                    .and_then(|(span, _)| doc.terms.iter().find(|t| t.span == *span))
                    .map(|t| t.name.clone())
                    .unwrap_or_default();
                *verdict = Some(if misspelt {
                    LeftOut::ShowsMisspelt(name)
                } else {
                    LeftOut::Shows(name)
                });
            }
        }
        if verdicts.iter().all(Option::is_none) {
            return;
        }
        let mut kept = Vec::with_capacity(doc.cards.len());
        for (card, left_out) in std::mem::take(&mut doc.cards).into_iter().zip(verdicts) {
            match left_out {
                None => kept.push(card),
                Some(why) => doc.skipped.push(Skipped {
                    line: card.line,
                    reason: why.reason(definition_name(&card).unwrap_or_default()),
                    span: card.span,
                }),
            }
        }
        doc.cards = kept;
        doc.skipped.sort_by_key(|s| s.line);
    }

    /// For each card of the note `file` (a [`Definition`] for a definition card, else
    /// `None`), why it is left out, or `None` to card it.
    ///
    /// The cards kept keep their ids: a card's id comes from its own place in the notes, so
    /// one left out changes no other (and one that comes back once fixed has its own again).
    pub fn judge<'a>(
        &self,
        file: &Path,
        cards: impl Iterator<Item = Option<Definition<'a>>>,
    ) -> Vec<Option<LeftOut>> {
        let rejected = self.rejected.any.get(file).map_or(&[][..], Vec::as_slice);
        let mut kept_line: HashMap<&str, usize> = HashMap::new();
        cards
            .map(|card| {
                let card = card?;
                if rejected.contains(card.span) {
                    return Some(LeftOut::Rejected);
                }
                if let Some(&line) = kept_line.get(card.name) {
                    return Some(LeftOut::Repeated(line));
                }
                kept_line.insert(card.name, card.line);
                None
            })
            .collect()
    }
}

/// A definition card as [`Definitions::judge`] reads it.
#[derive(Debug, Clone, Copy)]
pub struct Definition<'a> {
    /// The term it defines.
    pub name: &'a str,
    /// The span of its `Name (Expansion)`.
    pub span: &'a Span,
    /// Its 1-based line.
    pub line: usize,
}

impl<'a> Definition<'a> {
    /// `card` as a definition card, if it is one.
    pub fn of(card: &'a Card) -> Option<Definition<'a>> {
        Some(Definition {
            name: definition_name(card)?,
            span: &card.span,
            line: card.line,
        })
    }
}

/// The `Name (Expansion)` sites of `terms` (the card's note's) that a card
/// other than a definition card shows: written inside its span, the expansion in its text.
/// A term within its span but not shown (a `핵심 내용` card spans the labelled bullets between
/// its own) is not its.
pub(crate) fn carried_terms<'t>(card: &Card, terms: &'t [Term]) -> Vec<&'t Term> {
    if card.kind == CardKind::Definition {
        return Vec::new();
    }
    terms
        .iter()
        .filter(|t| card.span.start <= t.span.start && t.span.end <= card.span.end)
        .filter(|t| {
            // The card's text is HTML: `R&D (Research & Development)` is `R&amp;D …` there.
            let mut expansion = String::new();
            notedeck_parse::math::escape_html(t.expansion.trim(), &mut expansion);
            !expansion.is_empty()
                && (card.back.contains(&expansion) || card.front.contains(&expansion))
        })
        .collect()
}

/// `front` and `back` without each parenthesised expansion of `expansions` written after a
/// name (`GRU (Gated Recurrant Unit)나 LSTM처럼` → `GRU나 LSTM처럼`): a card showing an
/// expansion lint reports keeps its fact without the slip. `None` when an expansion is not
/// written so, or is still shown another way (`… Gated Recurrant Unit의 게이트 …`): such a
/// card would teach the slip.
pub fn without_slips(front: &str, back: &str, expansions: &[&str]) -> Option<(String, String)> {
    let (mut front, mut back) = (front.to_string(), back.to_string());
    for expansion in expansions {
        let mut escaped = String::new();
        notedeck_parse::math::escape_html(expansion.trim(), &mut escaped);
        if escaped.is_empty() {
            return None;
        }
        let (f, b) = (
            without_expansion(&front, &escaped),
            without_expansion(&back, &escaped),
        );
        if f.is_none() && b.is_none() {
            return None;
        }
        front = f.unwrap_or(front);
        back = b.unwrap_or(back);
        if front.contains(&escaped) || back.contains(&escaped) {
            return None;
        }
    }
    Some((front, back))
}

/// `html` without every `(escaped)` and `（escaped）` and the spaces before it; `None` when
/// there is none.
fn without_expansion(html: &str, escaped: &str) -> Option<String> {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    let mut found = false;
    loop {
        let next = [("(", ")"), ("（", "）")]
            .iter()
            .filter_map(|(open, close)| {
                let pattern = format!("{open}{escaped}{close}");
                rest.find(&pattern).map(|at| (at, pattern.len()))
            })
            .min();
        let Some((at, len)) = next else {
            break;
        };
        out.push_str(rest[..at].trim_end_matches(' '));
        rest = &rest[at + len..];
        found = true;
    }
    out.push_str(rest);
    found.then_some(out)
}

/// The term a definition card defines (its key is `term:NAME`, `#2` added when repeated).
pub fn definition_name(card: &Card) -> Option<&str> {
    if card.kind != CardKind::Definition {
        return None;
    }
    let name = card.key.strip_prefix("term:")?;
    Some(name.split_once('#').map_or(name, |(name, _)| name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slips_are_left_out_only_where_none_is_shown_otherwise() {
        let slip =
            |front: &str, back: &str, expansions: &[&str]| without_slips(front, back, expansions);
        assert_eq!(
            slip(
                "Transformer › 장점",
                "GRU (Gated Recurrant Unit)나 LSTM",
                &["Gated Recurrant Unit"]
            ),
            Some(("Transformer › 장점".into(), "GRU나 LSTM".into()))
        );
        // Escaped as the card writes it.
        assert_eq!(
            slip(
                "R&amp;D (Research &amp; Develpment) 조직",
                "",
                &["Research & Develpment"]
            ),
            Some(("R&amp;D 조직".into(), String::new()))
        );
        // Shown another way too, or not in parentheses: the card would still teach it.
        assert_eq!(
            slip(
                "GRU (Gated Recurrant Unit)",
                "Gated Recurrant Unit의 게이트",
                &["Gated Recurrant Unit"]
            ),
            None
        );
        assert_eq!(
            slip("Gated Recurrant Unit", "", &["Gated Recurrant Unit"]),
            None
        );
        // Every slip of the card goes, or the card does.
        assert_eq!(
            slip(
                "GRU (Gated Recurrant Unit), ELBO (Expected Lower Bound)",
                "",
                &["Gated Recurrant Unit", "Expected Lower Bound"]
            ),
            Some(("GRU, ELBO".into(), String::new()))
        );
        assert_eq!(
            slip(
                "GRU (Gated Recurrant Unit)",
                "",
                &["Gated Recurrant Unit", "Expected Lower Bound"]
            ),
            None
        );
    }
}
