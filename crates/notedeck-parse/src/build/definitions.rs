//! Terms (`Name (Expansion)`) found anywhere in the note, and one definition card per
//! distinct term.

use super::facts::plain;
use super::{Builder, CardDraft};
use crate::tree::{self, Block, Evs, Kind, Plain};
use crate::{CardKind, Span, math, terms};
use foldhash::{HashSet, HashSetExt};

impl<'t, 'a> Builder<'t, 'a> {
    pub(super) fn terms(&mut self, plains: &[Option<Box<Plain>>]) {
        let mut found: Vec<crate::Term> = Vec::new();
        // Every `(` in the note: a block without one has no term, found by binary search.
        let parens: Vec<usize> = memchr::memchr_iter(b'(', self.text.as_bytes()).collect();
        // One plain-text buffer for all blocks (allocating one per block shows in profiles).
        let mut scratch = Plain::default();
        for (i, b) in self.tree.blocks.iter().enumerate() {
            let heading = self.header_blocks.contains(&i);
            match plains.get(i).and_then(Option::as_ref) {
                Some(plain) => self.terms_of(plain, heading, &mut found),
                None => self.terms_in(b, heading, &parens, &mut scratch, &mut found),
            }
        }
        // Definition cards: one per distinct (name, expansion), at its first occurrence.
        let mut seen: HashSet<(String, String)> = HashSet::new();
        for t in &found {
            let norm = t.expansion.to_lowercase();
            if !seen.insert((t.name.clone(), norm)) {
                continue;
            }
            if spells_its_expansion(&t.name, &t.expansion) {
                seen.remove(&(t.name.clone(), t.expansion.to_lowercase()));
                self.skip(
                    t.span.clone(),
                    "definition whose name spells its expansion (Seq2Seq → Sequence-to-Sequence): \
                     the question gives the answer away",
                );
                continue;
            }
            let sec = self.section_at(t.span.start);
            let mut front = String::new();
            math::escape_html(&t.name, &mut front);
            let mut back = String::new();
            math::escape_html(&t.expansion, &mut back);
            self.push_card(CardDraft {
                kind: CardKind::Definition,
                sec,
                key: format!("term:{}", t.name),
                front,
                back,
                cloze: Vec::new(),
                span: t.span.clone(),
                pin_at: None,
                pin_line: None,
            });
        }
        for t in found.iter_mut().filter(|t| t.is_heading) {
            t.section = self
                .section_at(t.span.start)
                .and_then(|i| self.doc.sections.get(i))
                .filter(|s| {
                    s.heading_span.start <= t.span.start && t.span.end <= s.heading_span.end
                })
                .map(|s| s.heading_span.end..s.span.end);
        }
        self.doc.terms = found;
        self.defined = seen;
    }

    pub(super) fn terms_in(
        &self,
        b: &Block,
        heading: bool,
        parens: &[usize],
        scratch: &mut Plain,
        out: &mut Vec<crate::Term>,
    ) {
        let any_in = |span: &Span| {
            let i = parens.partition_point(|&p| p < span.start);
            parens.get(i).is_some_and(|&p| p < span.end)
        };
        // Terms need a `(`: skip whole subtrees whose source has none.
        if !any_in(&b.span) {
            return;
        }
        let has_paren = |evs: Evs| any_in(&tree::span_of(evs));
        match b.kind {
            Kind::Heading(_) | Kind::Paragraph | Kind::TableCell => {
                let evs = self.tree.inner(b);
                if has_paren(evs) {
                    scratch.fill(self.text, evs);
                    self.terms_of(scratch, heading, out);
                }
            }
            Kind::Item => {
                let direct_end = b
                    .children
                    .first()
                    .map_or(b.inner.end, |c| c.inner.start.saturating_sub(1));
                if let Some(evs) = self
                    .tree
                    .events
                    .get(b.inner.start..direct_end.max(b.inner.start))
                    && has_paren(evs)
                {
                    scratch.fill(self.text, evs);
                    self.terms_of(scratch, false, out);
                }
            }
            _ => {}
        }
        if !matches!(b.kind, Kind::CodeBlock | Kind::Html) {
            for c in &b.children {
                self.terms_in(c, false, parens, scratch, out);
            }
        }
    }

    pub(super) fn terms_of(&self, plain: &Plain, heading: bool, out: &mut Vec<crate::Term>) {
        if !plain.text.contains('(') {
            return;
        }
        for f in terms::find_terms(&plain.text) {
            // A bold run that is exactly the term (`**Global Average Pooling (GAP)**`)
            // defines it as much as a heading does.
            let bold_whole = plain.strong.iter().any(|s| {
                let inner = &plain.text[s.clone()];
                let lead = inner.len() - inner.trim_start().len();
                s.start + lead <= f.whole.start
                    && f.whole.end <= s.end
                    && plain.text[f.whole.end..s.end].trim().is_empty()
            });
            // The checker underlines and rewrites these spans: a term whose text cannot be
            // pointed at exactly (inside a code span over two lines) is not reported.
            let (Some(span), Some(name_span), Some(expansion_span)) = (
                plain.exact_src_span(self.text, &f.whole),
                plain.exact_src_span(self.text, &f.name),
                plain.exact_src_span(self.text, &f.expansion),
            ) else {
                continue;
            };
            out.push(crate::Term {
                name: plain.text[f.name.clone()].to_string(),
                expansion: plain.text[f.expansion.clone()].to_string(),
                span,
                name_span,
                expansion_span,
                is_heading: heading || bold_whole,
                section: None,
            });
        }
    }
}

impl super::Finish {
    /// Drop each definition card whose name and expansion are, as written, the whole answer
    /// of a table cell's card (`TP (True Positive)` in a confusion matrix, `RKD (Relational
    /// Knowledge Distillation)` as a method's example): the cell's card asks the expansion
    /// with the name, and `TP` → `True Positive` would ask it again.
    pub(super) fn drop_definitions_cells_answer(&mut self, raw: &mut Vec<super::RawCard>) {
        // Cells answered by a name and its expansion: short, ending on the parenthesis.
        let answers: Vec<(usize, String)> = raw
            .iter()
            .enumerate()
            .filter(|(_, r)| {
                r.card.kind == CardKind::Table
                    && r.card.back.len() <= CELL_TERM_MAX_BYTES
                    && r.card.back.trim_end().ends_with(')')
            })
            .map(|(i, r)| (i, plain(&r.card.back)))
            .collect();
        if answers.is_empty() {
            return;
        }
        let gone: Vec<(usize, usize)> = raw
            .iter()
            .enumerate()
            .filter(|(_, r)| r.card.kind == CardKind::Definition)
            .filter_map(|(d, r)| {
                let (name, expansion) = (plain(&r.card.front), plain(&r.card.back));
                answers
                    .iter()
                    .find(|(_, a)| {
                        a.strip_prefix(name.as_str())
                            .and_then(|rest| rest.trim_start().strip_prefix('('))
                            .and_then(|rest| rest.strip_suffix(')'))
                            .is_some_and(|inside| inside.trim() == expansion)
                    })
                    .map(|&(cell, _)| (d, cell))
            })
            .collect();
        self.drop_repeats(raw, &gone, |_, cell| {
            format!(
                "definition the table cell on line {} answers whole, name and expansion ({})",
                cell.line,
                plain(&cell.front)
            )
        });
    }
}

/// Longest cell answer (bytes of HTML) read as a name with its expansion.
const CELL_TERM_MAX_BYTES: usize = 160;

/// A definition taken from a remark elsewhere (`… BLEU (Bilingual Evaluation Understudy) 점수는
/// 향상` under Label Smoothing) is shown under the topic its name heads, where the student
/// learns the rest of it (`문제 20 › BLEU`), and is filed in that topic's deck with its tags:
/// a student studying 문제 20 meets it there. Its id is the one its place gives it.
pub(super) fn show_definitions_with_their_topic(cards: &mut [crate::Card]) {
    // The definitions shown away from a heading of their name: most are shown under it.
    let away: Vec<(usize, String)> = cards
        .iter()
        .enumerate()
        .filter(|(_, c)| c.kind == CardKind::Definition)
        .filter_map(|(d, c)| {
            let name = super::facts::name_key(&plain(&c.front));
            let under = c.context_path().iter().any(|h| heading_key(h) == name);
            (!name.is_empty() && !under).then_some((d, name))
        })
        .collect();
    if away.is_empty() {
        return;
    }
    // The first card shown under a heading of each such name. Cards of one section share
    // their path: its last heading is keyed once per run of them.
    let mut found: Vec<Option<usize>> = vec![None; away.len()];
    let mut last: Option<(*const String, String)> = None;
    for (i, c) in cards.iter().enumerate() {
        if c.kind == CardKind::Definition {
            continue;
        }
        let Some(heading) = c.context_path().last() else {
            continue;
        };
        if last
            .as_ref()
            .is_none_or(|(p, _)| !std::ptr::eq(*p, heading))
        {
            last = Some((heading, heading_key(heading)));
        }
        let key = last.as_ref().map_or("", |(_, k)| k.as_str());
        for (k, (_, name)) in away.iter().enumerate() {
            if found[k].is_none() && name == key {
                found[k] = Some(i);
            }
        }
    }
    // A definition no heading of its name takes is shown where the card asking its line is
    // (`AdaBN (…) = …`, a tip closing a worked example, is shown under TENT): its own
    // section's path said `손계산 예시 ⑤ 엔트로피`.
    let mut moved: Vec<(usize, usize, usize)> = cards
        .iter()
        .enumerate()
        .filter(|(_, c)| c.kind != CardKind::Definition && c.context.is_some())
        .map(|(i, c)| (c.span.start, c.span.end, i))
        .collect();
    moved.sort_unstable();
    for ((d, _), at) in away.iter().zip(found) {
        let at = at.or_else(|| {
            let span = &cards[*d].span;
            let before = moved.partition_point(|&(start, _, _)| start <= span.start);
            moved[..before]
                .last()
                .filter(|&&(_, end, _)| span.end <= end)
                .map(|&(_, _, i)| i)
        });
        if let Some(at) = at {
            let shown: std::sync::Arc<[String]> = cards[at].context_path().into();
            let (deck, tags) = (cards[at].deck.clone(), cards[at].tags.clone());
            let def = &mut cards[*d];
            def.context = Some(shown);
            def.deck = deck;
            def.tags = tags;
        }
    }
}

/// The key of the name a heading gives, without its subtitle (`NAS` of `NAS: AI가 AI를
/// 설계하다`).
fn heading_key(heading: &str) -> String {
    super::facts::name_key(super::outline::title_name(heading))
}

/// Whether `name` is its expansion's words cut short (`Seq2Seq` of `Sequence-to-Sequence`,
/// `ResNet` of `Residual Network`): each part of the name, in order, is the start of the next
/// expansion word, three letters at least, or `2` and `4` for `to` and `for`. A card asking
/// for that expansion shows the answer in its question. Initials (`CNN`) never are. The
/// search backtracks, but a term's name is at most 20 characters and each part takes three
/// letters (or its one digit): a few hundred steps at most, whatever the note.
fn spells_its_expansion(name: &str, expansion: &str) -> bool {
    fn cut_short(name: &[u8], words: &[Vec<u8>]) -> bool {
        let Some((word, rest)) = words.split_first() else {
            return name.is_empty();
        };
        let digit = match word.as_slice() {
            b"to" => Some(b'2'),
            b"for" => Some(b'4'),
            _ => None,
        };
        if digit.is_some() && name.first().copied() == digit && cut_short(&name[1..], rest) {
            return true;
        }
        (MIN_CUT..=word.len().min(name.len()))
            .rev()
            .any(|n| name[..n] == word[..n] && cut_short(&name[n..], rest))
    }
    let name: Vec<u8> = name
        .bytes()
        .filter(u8::is_ascii_alphanumeric)
        .map(|b| b.to_ascii_lowercase())
        .collect();
    let words: Vec<Vec<u8>> = expansion
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_ascii_lowercase().into_bytes())
        .collect();
    name.len() > words.len() && words.len() >= 2 && cut_short(&name, &words)
}

/// Fewest letters of an expansion word that [`spells_its_expansion`] reads as the word.
const MIN_CUT: usize = 3;

#[cfg(test)]
mod tests {
    use super::spells_its_expansion;

    #[test]
    fn a_name_cut_from_its_expansion_spells_it() {
        assert!(spells_its_expansion("Seq2Seq", "Sequence-to-Sequence"));
        assert!(spells_its_expansion("ResNet", "Residual Network"));
        assert!(!spells_its_expansion("CNN", "Convolutional Neural Network"));
        assert!(!spells_its_expansion("GloVe", "Global Vectors"));
        assert!(!spells_its_expansion("FedAvg", "Federated Averaging"));
        assert!(!spells_its_expansion(
            "BERT",
            "Bidirectional Encoder Representations from Transformers"
        ));
        assert!(!spells_its_expansion("LoRA", "Low-Rank Adaptation"));
    }
}
