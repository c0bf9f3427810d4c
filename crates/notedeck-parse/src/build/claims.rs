//! Claims (subject › attribute = value) from labelled bullets, formula lines and code
//! blocks, for the checker's conflict rules. Table cells make theirs in [`super::tables`].

use super::Builder;
use super::lists::{Label, label_of};
use super::tables::is_hangul;
use crate::tree::{Block, Kind, Plain};
use crate::{Claim, ClaimOrigin, Span, math};
use pulldown_cmark::Event;

impl<'t, 'a> Builder<'t, 'a> {
    /// Claims from labelled bullets (any depth) and formula bullets of a list.
    pub(super) fn list_claims(&mut self, sec: Option<usize>, list: &Block) {
        let mut lead = self.spare_plain();
        for item in list.children.iter().filter(|c| c.kind == Kind::Item) {
            let (lead_range, rest) = self.tree.item_lead(item);
            let lead_evs = self.tree.events.get(lead_range).unwrap_or_default();
            lead.fill(self.text, lead_evs);
            let label = label_of(&lead, !rest.is_empty());
            self.item_claims(sec, &lead, label.as_ref(), rest);
        }
        self.spare_plains.push(lead);
    }

    /// The claim of one list item (labelled value or formula), then of its nested lists.
    pub(super) fn item_claims(
        &mut self,
        sec: Option<usize>,
        lead: &Plain,
        label: Option<&Label>,
        rest: &[Block],
    ) {
        {
            if let Some(label) = label {
                let value = lead.text[label.value_start.min(lead.text.len())..].trim();
                if !value.is_empty() && !label.plain_label {
                    let vstart = lead.text.len()
                        - lead.text[label.value_start.min(lead.text.len())..]
                            .trim_start()
                            .len();
                    let vrange = vstart..vstart + value.len();
                    let subject = self.subject(sec);
                    if let Some(value_span) = lead.exact_src_span(self.text, &vrange) {
                        self.doc.claims.push(Claim {
                            subject,
                            attribute: math::tex_only(&label.text),
                            value: math::tex_only(value),
                            origin: ClaimOrigin::Bullet,
                            span: lead.span.clone(),
                            value_span,
                        });
                    }
                }
            } else {
                self.formula_claim(sec, lead, lead.span.clone());
            }
            for c in rest {
                match c.kind {
                    Kind::List => self.list_claims(sec, c),
                    Kind::CodeBlock => self.code_claims(sec, c),
                    _ => {}
                }
            }
        }
    }

    /// `ΔW = **A × B**`: a short math-like left side, a short right side, no Hangul.
    pub(super) fn formula_claim(&mut self, sec: Option<usize>, plain: &Plain, span: Span) {
        let t = &plain.text;
        let Some(first) = t.find('=') else {
            return;
        };
        let eq = t.find(" = ").unwrap_or(first);
        let lhs = t[..eq].trim();
        let rhs_start = eq + if t[eq..].starts_with(" = ") { 3 } else { 1 };
        let rhs = t[rhs_start..].trim();
        if !is_formula_side(lhs, 10) || !is_formula_side(rhs, 40) || rhs.contains('=') {
            return;
        }
        let lead = t[rhs_start..].len() - t[rhs_start..].trim_start().len();
        let vrange = rhs_start + lead..rhs_start + lead + rhs.len();
        // A value the checker could not point at exactly (inside a code span over two
        // lines, across an HTML comment) is no claim.
        let Some(value_span) = plain.exact_src_span(self.text, &vrange) else {
            return;
        };
        let subject = self.subject(sec);
        self.doc.claims.push(Claim {
            subject,
            attribute: math::tex_only(lhs),
            value: math::tex_only(rhs),
            origin: ClaimOrigin::Formula,
            span,
            value_span,
        });
    }

    /// Formula claims from the lines of a code block (`y' = (W + BA)x`).
    pub(super) fn code_claims(&mut self, sec: Option<usize>, b: &Block) {
        for e in self.tree.inner(b) {
            let Event::Text(t) = &e.ev else { continue };
            let exact = self.text.get(e.span.clone()) == Some(t.as_ref());
            let mut off = 0;
            for line in t.split_inclusive('\n') {
                let content = line.trim_end_matches(['\n', '\r']);
                let start = if exact {
                    e.span.start + off
                } else {
                    e.span.start
                };
                let plain = Plain {
                    text: content.to_string(),
                    map: vec![(0, crate::tree::plain_offset(start), exact)],
                    span: start..start + if exact { content.len() } else { 0 },
                    ..Plain::default()
                };
                self.formula_claim(sec, &plain, plain.span.clone());
                off += line.len();
            }
        }
    }
}

fn is_formula_side(s: &str, max: usize) -> bool {
    let n = s.chars().count();
    n > 0
        && n <= max
        && !s.chars().any(is_hangul)
        && s.chars().any(|c| c.is_alphabetic())
        && (max > 10 || !s.contains(' '))
}
