//! Comparison tables: one card and one claim per body cell.

use super::{Builder, CardDraft, RawCard};
use crate::tree::{self, Block, Kind, Plain};
use crate::{CardKind, Claim, ClaimOrigin, math};

impl<'t, 'a> Builder<'t, 'a> {
    /// Comparison table: one card per body cell.
    pub(super) fn table(&mut self, sec: Option<usize>, table: &Block) {
        let mut head: Vec<(Plain, &Block)> = Vec::new();
        let mut rows: Vec<Vec<(Plain, &Block)>> = Vec::new();
        for part in &table.children {
            match part.kind {
                Kind::TableHead => {
                    head = self.cells(part);
                }
                Kind::TableRow => rows.push(self.cells(part)),
                _ => {}
            }
        }
        if head.len() < 2 || rows.is_empty() {
            self.skip(
                table.span.clone(),
                "table without a header row and at least two columns",
            );
            return;
        }
        let names = |cells: &mut dyn Iterator<Item = &str>| -> (usize, usize) {
            let mut n = 0;
            let mut total = 0;
            for c in cells {
                total += 1;
                if looks_like_name(c) {
                    n += 1;
                }
            }
            (n, total)
        };
        let (hn, ht) = names(&mut head.iter().skip(1).map(|(p, _)| p.text.trim()));
        let (cn, ct) = names(
            &mut rows
                .iter()
                .filter_map(|r| r.first())
                .map(|(p, _)| p.text.trim()),
        );
        // Columns name the subjects when the header is mostly names and more so than the
        // first column (Grad-CAM | Score-CAM); otherwise rows do (BERT / GPT / BART).
        let columns_are_subjects = ht > 0 && hn * 2 >= ht && (ct == 0 || hn * ct > cn * ht);
        let context = self.breadcrumb(sec).join(" › ");
        let table_line = self.lines.line_of(table.span.end.saturating_sub(1));
        let namespace = self.pins.get(&(table_line + 1)).map(|(id, _)| id.clone());
        for row in &rows {
            let Some((row_name, _)) = row.first() else {
                continue;
            };
            let row_name = row_name.text.trim();
            for (c, (cell, cell_block)) in row.iter().enumerate().skip(1) {
                let Some((col, _)) = head.get(c) else {
                    continue;
                };
                let col_name = col.text.trim();
                let value = cell.text.trim();
                if value.is_empty() || row_name.is_empty() || col_name.is_empty() {
                    continue;
                }
                let (subject, attribute) = if columns_are_subjects {
                    (col_name, row_name)
                } else {
                    (row_name, col_name)
                };
                let mut front = String::new();
                math::text_to_html(subject, &mut front);
                front.push_str(" › ");
                math::text_to_html(attribute, &mut front);
                if !context.is_empty() && !context.contains(subject) {
                    front.push_str(" <small>(");
                    math::escape_html(&context, &mut front);
                    front.push_str(")</small>");
                }
                let mut back = String::new();
                tree::render(self.tree.inner(cell_block), &mut back, &self.copies);
                let key = format!("{row_name} › {col_name}");
                let lead = cell.text.len() - cell.text.trim_start().len();
                let vrange = lead..lead + value.len();
                if let Some(value_span) = cell.exact_src_span(self.text, &vrange) {
                    self.doc.claims.push(Claim {
                        subject: math::tex_only(subject),
                        attribute: math::tex_only(attribute),
                        value: math::tex_only(value),
                        origin: ClaimOrigin::TableCell,
                        span: cell_block.span.clone(),
                        value_span,
                    });
                }
                // Not through `push_card`: a cell has no pin of its own (a pin after the table
                // names the id namespace of all its cells), and its value was checked above.
                let card = self.make_card(CardDraft {
                    kind: CardKind::Table,
                    sec,
                    key,
                    front,
                    back: back.trim().to_string(),
                    cloze: Vec::new(),
                    span: cell_block.span.clone(),
                    pin_at: None,
                    pin_line: None,
                });
                self.raw_cards.push(RawCard {
                    card,
                    namespace: namespace.clone(),
                    pin_lines: [None, None],
                });
            }
        }
    }

    pub(super) fn cells(&self, row: &'t Block) -> Vec<(Plain, &'t Block)> {
        row.children
            .iter()
            .filter(|c| c.kind == Kind::TableCell)
            .map(|c| (Plain::of(self.text, self.tree.inner(c)), c))
            .collect()
    }
}

/// Table header or first-column cell that names a thing (Latin-script name) rather than an
/// attribute (mostly Hangul).
fn looks_like_name(cell: &str) -> bool {
    let latin = cell.chars().filter(char::is_ascii_alphabetic).count();
    let hangul = cell.chars().filter(|c| is_hangul(*c)).count();
    latin > 0 && latin >= hangul
}

pub(super) fn is_hangul(c: char) -> bool {
    matches!(c, '\u{AC00}'..='\u{D7A3}' | '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}')
}
