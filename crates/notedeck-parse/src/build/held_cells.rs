//! Cards held while the checker reports a conflict their claims are in: a table cell counting
//! otherwise than a sentence or a labelled bullet of its subject states, and that sentence's
//! or bullet's card (or only its line, when the card holds others), either being the slip;
//! and the line of a formula another formula of its topic contradicts.

use super::claims::flag_value;
use super::facts::{name_key, plain};
use super::param_tables::words_at;
use super::{Finish, RawCard};
use crate::counts::counted;
use crate::{CardKind, Claim, ClaimOrigin, Span};
use foldhash::HashMap;

impl Finish {
    /// Hold back each table cell that counts differently from a quantity a sentence states
    /// (or, `by_bullets`, a labelled bullet) of its subject and column (`| **지니 불순도** |
    /// … | 1 |` under `최댓값 (이진 분류)` against `지니 불순도 최댓값은 **0.5**`), and the card
    /// stating the other value: the checker reports the conflict, and they wait for it to be
    /// settled rather than teach the wrong one.
    pub(super) fn hold_contradicted_cells(&mut self, raw: &mut Vec<RawCard>, by_bullets: bool) {
        let (stated, by) = if by_bullets {
            (&self.bullets, "bullet")
        } else {
            (&self.stated, "sentence")
        };
        if stated.is_empty() {
            return;
        }
        let claims = &self.doc.claims;
        // The table cells by their keys, made once for every stated claim to look up.
        let mut cells: HashMap<(String, String), Vec<&Claim>> = HashMap::default();
        for c in claims.iter().filter(|c| c.origin == ClaimOrigin::TableCell) {
            cells
                .entry((name_key(&c.subject), name_key(counted(&c.attribute))))
                .or_default()
                .push(c);
        }
        // (card held, why), the reason worded while the claims are at hand.
        let mut held: Vec<(usize, String)> = Vec::new();
        // (line's span, its line, why) for each line left out of a card kept.
        let mut left_out: Vec<(Span, usize, String)> = Vec::new();
        for &(si, line) in stated {
            let said = &claims[si];
            let key = (name_key(&said.subject), name_key(counted(&said.attribute)));
            let clashing: Vec<&Claim> = cells
                .get(&key)
                .into_iter()
                .flatten()
                .filter(|c| counts_clash(&c.value, &said.value))
                .copied()
                .collect();
            // Most statements clash with no cell: the cards are read only for those that do.
            if clashing.is_empty() {
                continue;
            }
            // The card stating the other value waits too (`- \`window\`: …, gensim 기본값
            // 10` against the defaults table's `5`; `**구성요소**: 총 3개` against the table's
            // `2개`): which of the two the note got wrong is the student's to settle (a
            // default changes between a library's versions; a count slips in a bullet as
            // well as in a table), and either card would teach it.
            // The card closest around the value: a section's card may span it too. It
            // shows the value: a section's card spanning a held bullet's does not. Found
            // once for the statement, however many cells it clashes with.
            // As the cards write it: a value holding `<` or `&` is escaped there.
            let value_html = escaped(&said.value);
            let mut stating = raw
                .iter()
                .enumerate()
                .filter(|(_, r)| {
                    r.card.kind != CardKind::Table
                        && r.card.span.start <= said.value_span.start
                        && said.value_span.end <= r.card.span.end
                        // Read as text: the value may be marked up (`총 **3개**`).
                        && [&r.card.front, &r.card.back]
                            .iter()
                            .any(|t| words_at(&spaced_text(t), &value_html).next().is_some())
                })
                .min_by_key(|(_, r)| r.card.span.len())
                .map(|(j, _)| j);
            for cell in clashing {
                if let Some(j) = stating.take()
                    && !held.iter().any(|(h, _)| *h == j)
                {
                    // A card of several lines leaves out only the one stating the value
                    // (Cox's `주의`, one line of which gives `p_value_threshold` 기본값 0.05):
                    // held whole, every other fact of it waited too.
                    // Not a card asking for a number of things (`DBSCAN › 파라미터 2개`): one
                    // left out, its answer would lack one.
                    // The parameter opens the attribute (`p_value_threshold › 기본값`), or
                    // closes the subject when the attribute only says default
                    // (`GaussianNB › var_smoothing`, `기본값`).
                    // A count's line names what it counts (`게이트 수` → `게이트`).
                    let parameter = match said.attribute.split_once(" › ") {
                        Some((parameter, _)) => parameter,
                        None if !super::default_values::says_default(&said.attribute) => {
                            counted(&said.attribute)
                        }
                        None => said.subject.rsplit(" › ").next().unwrap_or_default(),
                    };
                    let trimmed = (!asks_a_count(&raw[j].card.front))
                        .then(|| {
                            without_item_stating(
                                &raw[j].card.back,
                                &escaped(parameter),
                                &value_html,
                            )
                        })
                        .flatten();
                    let conflict = format!(
                        "says {} › {} is {} where a table cell says {}: lint reports the \
                         conflict (conflicting-claim)",
                        said.subject, said.attribute, said.value, cell.value
                    );
                    if let Some(back) = trimmed {
                        raw[j].card.back = back;
                        let reason =
                            format!("{conflict}; left out of its card until it is settled");
                        left_out.push((said.span.clone(), line, reason));
                    } else {
                        held.push((j, format!("{conflict}; settle it and the card comes back")));
                    }
                }
                // The card of the cell holding the value (a default's claim spans the
                // cell's text, the card the cell). The cell may have made none, its default
                // said already by another card (`fraction_fit=1.0,` in a code block): the
                // card stating the other value waits all the same.
                let Some(i) = raw.iter().position(|r| {
                    r.card.kind == CardKind::Table
                        && r.card.span.start <= cell.value_span.start
                        && cell.value_span.end <= r.card.span.end
                }) else {
                    continue;
                };
                if held.iter().any(|(h, _)| *h == i) {
                    continue;
                }
                let reason = format!(
                    "says {} where a {by} on line {line} says {} › {} is {}: lint reports \
                     the conflict (conflicting-claim); settle it and the card comes back",
                    plain(&raw[i].card.back),
                    said.subject,
                    said.attribute,
                    said.value
                );
                held.push((i, reason));
            }
        }
        if self.keep_skipped {
            for (span, line, reason) in left_out {
                self.doc.skipped.push(crate::Skipped { span, line, reason });
            }
        }
        self.hold_back(raw, held);
    }

    /// Leave each formula another formula of its topic contradicts
    /// ([`crate::implied_formula_slips`]: `ΔW = A × B` beside `W + ΔW` and `y' = (W + BA)x`)
    /// out of the cards stating it: only its list item when the card says more, else the
    /// whole card. The checker reports the conflict; the card would teach the slip.
    pub(super) fn leave_out_formula_slips(&mut self, raw: &mut Vec<RawCard>) {
        if self.slips.is_empty() {
            return;
        }
        let mut held: Vec<(usize, String)> = Vec::new();
        for (slip, line) in std::mem::take(&mut self.slips) {
            let claim = &self.doc.claims[slip.claim];
            let (symbol, value) = (claim.attribute.trim(), claim.value.trim());
            // As the cards write them (`A &lt; B`).
            let (symbol_html, value_html) = (escaped(symbol), escaped(value));
            let conflict = format!(
                "says {symbol} = {value} where the topic's formulas make it {}: lint reports \
                 the conflict (conflicting-claim)",
                slip.term
            );
            let mut trimmed_any = false;
            for (j, r) in raw.iter_mut().enumerate() {
                let card = &mut r.card;
                let around = card.span.start <= claim.value_span.start
                    && claim.value_span.end <= card.span.end;
                // Read as text: the value may be marked up (`**A** × **B**`) or escaped.
                let states = |t: &str| words_at(&spaced_text(t), &value_html).next().is_some();
                if !around {
                    continue;
                }
                let in_front = states(&card.front);
                if !in_front && !states(&card.back) {
                    continue;
                }
                let trimmed = (!in_front)
                    .then(|| without_item_stating(&card.back, &symbol_html, &value_html))
                    .flatten();
                if let Some(back) = trimmed {
                    card.back = back;
                    trimmed_any = true;
                } else if !held.iter().any(|(h, _)| *h == j) {
                    held.push((j, format!("{conflict}; settle it and the card comes back")));
                }
            }
            if trimmed_any && self.keep_skipped {
                self.doc.skipped.push(crate::Skipped {
                    span: claim.span.clone(),
                    line,
                    reason: format!("{conflict}; left out of its card until it is settled"),
                });
            }
        }
        self.hold_back(raw, held);
    }

    /// Drop the cards `held` names (index, why), recording why.
    fn hold_back(&mut self, raw: &mut Vec<RawCard>, mut held: Vec<(usize, String)>) {
        held.sort_unstable_by_key(|(i, _)| *i);
        let gone: Vec<(usize, usize)> = held.iter().map(|(i, _)| (*i, *i)).collect();
        self.drop_repeats(raw, &gone, |i, _| {
            held.iter()
                .find(|(h, _)| *h == i)
                .map(|(_, r)| r.clone())
                .unwrap_or_default()
        });
    }
}

/// The labelled bullets stating a number (`**파라미터 수**: DenseNet-121 8.0M`), each claim's
/// index with its 1-based line: a table cell counting otherwise waits as it does for a
/// sentence ([`Finish::hold_contradicted_cells`]). The bullet is the section's own statement,
/// the table its summary.
pub(super) fn numbered_bullets(
    doc: &crate::Document,
    lines: &crate::position::LineIndex,
) -> Vec<(usize, usize)> {
    // Asked of every note: most have no table cell for a bullet to contradict.
    if !doc
        .claims
        .iter()
        .any(|c| c.origin == ClaimOrigin::TableCell)
    {
        return Vec::new();
    }
    doc.claims
        .iter()
        .enumerate()
        .filter(|(_, c)| {
            c.origin == ClaimOrigin::Bullet && c.value.bytes().any(|b| b.is_ascii_digit())
        })
        .map(|(i, c)| (i, lines.line_of(c.span.start) + 1))
        .collect()
}

/// `html` as text, each tag read as a space: the items of a list stay words apart
/// (`…</li><li>A, B는` is not `…A, B는` glued to the word before).
fn spaced_text(html: &str) -> String {
    plain(&html.replace('<', " <"))
}

/// `text` escaped as a card's HTML writes it.
fn escaped(text: &str) -> String {
    let mut html = String::with_capacity(text.len());
    crate::math::escape_html(text, &mut html);
    html
}

/// Whether a front asks for a number of things (`파라미터 2개`, `4가지 연산`).
fn asks_a_count(front: &str) -> bool {
    ["개", "가지"].iter().any(|unit| {
        front
            .match_indices(unit)
            .any(|(at, _)| front[..at].ends_with(|c: char| c.is_ascii_digit()))
    })
}

/// `back` without the one innermost list item that names `parameter` and states `value` (a
/// word of it), when other items are left with text of their own; `None` otherwise.
fn without_item_stating(back: &str, parameter: &str, value: &str) -> Option<String> {
    if parameter.is_empty() {
        return None;
    }
    let mut found: Option<(usize, usize)> = None;
    let mut from = 0;
    while let Some(open) = back[from..].find("<li>").map(|at| from + at) {
        let inner = open + "<li>".len();
        let close = back[inner..].find("</li>").map(|at| inner + at)?;
        from = inner;
        // Innermost: no item opens inside it.
        if back[inner..close].contains("<li>") {
            continue;
        }
        // Read as text: a value or name may be marked up (`ΔW = **A** × **B**`).
        let item = spaced_text(&back[inner..close]);
        if words_at(&item, value).next().is_some() && words_at(&item, parameter).next().is_some() {
            if found.is_some() {
                return None;
            }
            found = Some((open, close + "</li>".len()));
        }
    }
    let (start, end) = found?;
    // A nested list left empty goes too.
    let kept = without_empty_lists(format!("{}{}", &back[..start], &back[end..]));
    // Something other than the list's markup is left to recall.
    let text_left = spaced_text(&kept);
    (!text_left.trim().is_empty()).then_some(kept)
}

/// Whether two values state different numbers of the same thing (`1` and `0.5`, `3개` and
/// `2개`): the same words once the numbers are taken out, and other numbers. An aside
/// elaborates a value and is left out.
fn counts_clash(a: &str, b: &str) -> bool {
    fn split(v: &str) -> (String, Vec<&str>) {
        let v = v.split(" (").next().unwrap_or(v);
        let v = crate::counts::without_count_lead(v);
        let numbers = v
            .split(|c: char| !(c.is_ascii_digit() || c == '.'))
            .filter(|n| n.bytes().any(|b| b.is_ascii_digit()))
            .collect();
        // A minus sign is the number's (`-100` against `255`, two defaults of one kind).
        let mut words = String::new();
        let mut chars = v.chars().peekable();
        while let Some(c) = chars.next() {
            let sign = matches!(c, '-' | '−') && chars.peek().is_some_and(char::is_ascii_digit);
            if !(sign || c.is_ascii_digit() || c == '.' || c.is_whitespace()) {
                words.push(c);
            }
        }
        (words, numbers)
    }
    // A flag's default: `True` against `False`, as the checker has them opposites.
    if let (Some(x), Some(y)) = (flag_value(a), flag_value(b)) {
        return x != y;
    }
    let ((wa, na), (wb, nb)) = (split(a), split(b));
    !na.is_empty() && !nb.is_empty() && wa == wb && na != nb
}

/// `html` without the lists it holds that have no item (`<ul></ul>`, `<ol start="3"></ol>`).
fn without_empty_lists(mut html: String) -> String {
    for (open, close) in [("<ul", "</ul>"), ("<ol", "</ol>")] {
        let mut from = 0;
        while let Some(end) = html[from..].find(close).map(|at| from + at) {
            let empty = html[..end]
                .rfind('<')
                .filter(|&lt| html[lt..end].starts_with(open) && html[..end].ends_with('>'));
            match empty {
                Some(lt) => html.replace_range(lt..end + close.len(), ""),
                None => from = end + close.len(),
            }
        }
    }
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_left_empty_goes_with_its_attributes() {
        assert_eq!(
            without_empty_lists(
                "<ol start=\"3\"><li>a<ul></ul></li></ol><ol start=\"4\"></ol>".into()
            ),
            "<ol start=\"3\"><li>a</li></ol>"
        );
        assert_eq!(
            without_empty_lists("<ul><li>a</li></ul>".into()),
            "<ul><li>a</li></ul>"
        );
    }
}
