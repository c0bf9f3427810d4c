//! Comparison tables: one card and one claim per body cell. A cell's front is the question
//! (subject › attribute); where it belongs is its context: a table comparing topics belongs
//! to the section holding them all, not to the sibling section it sits under.

use super::answers::{
    extends, is_count, is_degree_cell, is_mark, is_mark_cell, names_its_absence, names_its_count,
    only_names_baseline, only_repeats_question, opens_with_its_name, points_elsewhere,
    says_higher_is_better, shared_by_most, without_trailing_mark,
};
use super::contrasts::{ContrastOf, Joined};
use super::param_tables::PARAMETER_ROW_REASON;
use super::review_sheets::{REMARKS_COLUMN_REASON, is_remarks_column};
use super::subject_names::{
    FacetNames, axes, bold_name, fuller_name, leaked_at, looks_like_name, name_html, short_name,
    shown_name,
};
use super::value_tables::{LOOKUP_COLUMN_REASON, lookup_columns};
use super::{Builder, CardDraft, RawCard, facts};
use crate::tree::{self, Block, Kind, Plain};
use crate::{CardKind, Claim, ClaimOrigin, math};

impl<'t, 'a> Builder<'t, 'a> {
    /// Comparison table: one card per body cell.
    pub(super) fn table(
        &mut self,
        sec: Option<usize>,
        table: &Block,
        after_list: bool,
        after_example: bool,
    ) {
        let earlier = self.raw_cards.len();
        let mut head: Vec<(Plain, &Block)> = Vec::new();
        let mut rows: Vec<Vec<(Plain, &Block)>> = Vec::new();
        for part in &table.children {
            match part.kind {
                Kind::TableHead => {
                    head = self.cells(part);
                }
                Kind::TableRow => {
                    let mut row = self.cells(part);
                    // `| 〃 | `min_fit_clients` | 2 |`: the cell above, said again.
                    if let Some(above) = rows.last() {
                        for (c, cell) in row.iter_mut().enumerate() {
                            if is_ditto(&cell.0.text)
                                && let Some(same) = above.get(c)
                            {
                                *cell = (Plain::of(self.text, self.tree.inner(same.1)), same.1);
                            }
                        }
                    }
                    rows.push(row);
                }
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
        if self.values_only(sec, table, &rows, after_example) {
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
        // So do they under a heading that compares them by name (`중앙 집중 학습 vs 연합 학습
        // 비교표` over `| 구분 | 중앙 집중 학습 | 연합 학습 |`), names or not.
        let columns_are_subjects = ht > 0 && hn * 2 >= ht && (ct == 0 || hn * ct > cn * ht)
            || self.heading_compares(sec, head.iter().skip(1).map(|(p, _)| p.text.trim()))
            // Both look like names (`SimCLR | MoCo | BYOL` over `negative 필요`,
            // `predictor`): the header names this problem's topics, the first column not.
            || ht >= 2
                && hn * ct == cn * ht
                && self.names_topics(sec, head.iter().skip(1).map(|(p, _)| p.text.trim()))
                && !self.names_topics(
                    sec,
                    rows.iter().filter_map(|r| r.first()).map(|(p, _)| p.text.trim()),
                );
        let subjects: Vec<&str> = if columns_are_subjects {
            head.iter().skip(1).map(|(p, _)| p.text.trim()).collect()
        } else {
            // One per row, even a row without cells, so a row's index is its subject's.
            rows.iter()
                .map(|r| r.first().map_or("", |(p, _)| p.text.trim()))
                .collect()
        };
        let named: Vec<Option<usize>> = subjects
            .iter()
            .map(|name| self.topic_named(name, sec))
            .collect();
        // Two subjects naming one topic are two parts of its title (`Negative Sampling` and
        // `Hierarchical Softmax` of `Negative Sampling & Hierarchical Softmax`), not that
        // topic each: as one subject, their `X` and `O` under one row were a conflict.
        let topics: Vec<Option<usize>> = named
            .iter()
            .enumerate()
            .map(|(i, t)| {
                t.filter(|t| {
                    !named.iter().enumerate().any(|(j, u)| {
                        j != i
                            && *u == Some(*t)
                            && facts::name_key(subjects[j]) != facts::name_key(subjects[i])
                    })
                })
            })
            .collect();
        // Rows sharing their first cell (`YOLOv5`'s `detect.py` and `val.py` rows) are told
        // apart by another cell: no one subject's claims, to hold against each other.
        let shared_row_name =
            |r: usize| !columns_are_subjects && super::subject_names::shares_name(&subjects, r);
        let reviewed = self.reviewed_sections(sec, table, &subjects);
        // A table whose every subject is a topic of its own section (`Grad-CAM | Score-CAM`
        // after their sections, the MLOps levels' summary tables) sums up those sections, and
        // a table under a heading comparing its subjects by name (`2-stage vs 1-stage`)
        // compares them: what either adds is the comparison. A cell alone mostly asked a
        // bullet again in other words, or was the half of a contrast left once the other half
        // went as a bullet's repeat (`1-stage › 단계` → `한 번에 예측`). So each facet is asked
        // across the subjects ([`super::contrasts`]). Under a heading calling the table an
        // overview (`불확실성 방법 한눈에 보기` over Temperature Scaling, `Platt / Isotonic`,
        // …), half its subjects topics of this problem are enough, the others naming no topic
        // elsewhere: a closing table of sections under several problems reviews them
        // ([`Self::reviewed_sections`]).
        let side_by_side = (2..=SIDE_BY_SIDE_MAX_SUBJECTS).contains(&topics.len())
            && (topics
                .iter()
                .enumerate()
                .all(|(i, t)| t.is_some_and(|t| !topics[..i].contains(&Some(t))))
                || self.heading_compares(sec, subjects.iter().copied())
                || reviewed.is_empty() && self.heading_overviews(sec) && {
                    let mut seen: Vec<usize> = topics.iter().flatten().copied().collect();
                    seen.sort_unstable();
                    seen.dedup();
                    seen.len() >= 2
                        && seen.len() * 2 >= subjects.len()
                        && subjects.iter().zip(&topics).all(|(name, t)| {
                            t.is_some() || self.topic_titled(short_name(name)).is_none()
                        })
                });
        // Facets (rows or columns) with one answer for three subjects or more (`FP32 | FP16
        // | BF16` over `부호` → `1`): what no subject differs in is not worth a card each.
        let values_of = |facet: usize| -> Vec<&str> {
            if columns_are_subjects {
                rows.get(facet)
                    .map(|r| r.iter().skip(1).map(|(p, _)| p.text.trim()).collect())
                    .unwrap_or_default()
            } else {
                rows.iter()
                    .map(|r| r.get(facet).map_or("", |(p, _)| p.text.trim()))
                    .collect()
            }
        };
        let facet_count = if columns_are_subjects {
            rows.len()
        } else {
            head.len()
        };
        // Every facet's answers, read once for the tests below and the cells' own.
        let facet_values: Vec<Vec<&str>> = (0..facet_count).map(values_of).collect();
        // Facets asked side by side: not one every subject answers alike (`적용 구조` → `제약
        // 없음` for both), which has no contrast to ask (of two subjects, one card of both:
        // `Joined::Alike`), nor one whose answers together are too long to recall at once.
        let compared_facets: Vec<bool> = if side_by_side {
            (0..facet_count)
                .map(|f| {
                    let values = &facet_values[f];
                    let chars: usize = values.iter().map(|v| v.chars().count()).sum();
                    !values.iter().all(|v| *v == values[0]) && chars <= SIDE_BY_SIDE_MAX_CHARS
                })
                .collect()
        } else {
            Vec::new()
        };
        // A facet two subjects or more answer with a degree or a mark (`참조 답변`: `필요`,
        // `선택 (reference-guided일 때만)`, `불필요`): the contrast is every subject's, or the
        // cell that is no degree was left alone as the contrast's missing side.
        let degree_facets: Vec<bool> = (0..facet_count)
            .map(|f| {
                let values = &facet_values[f];
                let degrees = values
                    .iter()
                    .filter(|v| is_degree_cell(v) || is_mark_cell(v))
                    .count();
                let chars: usize = values.iter().map(|v| v.chars().count()).sum();
                degrees >= 2 && degrees < values.len() && chars <= SIDE_BY_SIDE_MAX_CHARS
            })
            .collect();
        let same_for_all: Vec<bool> = (0..facet_count)
            .map(|f| {
                let values = &facet_values[f];
                values.len() >= 3
                    && values.len() == subjects.len()
                    && !values[0].is_empty()
                    && values.iter().all(|v| *v == values[0])
            })
            .collect();
        // A facet two thirds of four subjects or more answer alike (`필요한 데이터`: `pair` for
        // IPO, ORPO and SimPO; `좋아요/싫어요 (binary)` for KTO): the shared answer is the
        // default, and only the ones that differ are worth asking. Not for marks or
        // degrees, nor a facet whose contrast is asked across the subjects.
        let shared_by_most: Vec<Option<&str>> = facet_values
            .iter()
            .map(|values| shared_by_most(values, subjects.len()))
            .collect();
        // A facet answered one of two ways by three subjects or more (`정책`: `off-policy`,
        // `on-policy`, `on-policy`): alone, `REINFORCE › 정책` is vague ("what policy?"), and
        // with both answers on its front it was a guess between two. Its cells are asked
        // together, like degrees ([`super::contrasts`]), every subject's. Short words only:
        // no numbers, marks or degrees (those are contrasts anyway).
        let two_way: Vec<bool> = (0..facet_count)
            .map(|f| {
                let values = &facet_values[f];
                let plain_word = |v: &str| {
                    !v.is_empty()
                        && v.split_whitespace().count() <= TWO_WAY_MAX_WORDS
                        && !v.contains(['(', ')', '$', '`'])
                        && !v.chars().any(|c| c.is_ascii_digit())
                        && !is_mark(v)
                        && !is_degree_cell(v)
                };
                let Some(&first) = values.first() else {
                    return false;
                };
                let Some(&other) = values.iter().find(|v| **v != first) else {
                    return false;
                };
                values.len() >= 3
                    && values.len() == subjects.len()
                    && values.iter().all(|v| *v == first || *v == other)
                    && plain_word(first)
                    && plain_word(other)
            })
            .collect();
        // Where the table is shown: rows naming sub-topics (`R-CNN`, `Fast R-CNN` under
        // `R-CNN 계열`) belong with those sections too, though no fact is keyed by them.
        // The facets of the table's topic with their names, read once and only if a subject
        // names no topic.
        let mut facets = FacetNames::Unread(sec);
        let mut placed: Vec<Option<usize>> = subjects
            .iter()
            .zip(&topics)
            .map(|(name, t)| t.or_else(|| self.facet_named(name, &mut facets)))
            .collect();
        if placed.iter().filter(|p| p.is_none()).count() >= 2 {
            let short = self.facets_named_short(&subjects, &mut facets);
            for (p, s) in placed.iter_mut().zip(short) {
                *p = p.or(s);
            }
        }
        let defaults = (!columns_are_subjects)
            .then(|| self.parameter_columns(sec, &head))
            .flatten();
        // A table of defaults is of the library its section is about (`## 12. 라이브러리:
        // TLlib`), though a row names a topic of the note (`` `ImageClassifier` (dann) ``):
        // shown under their common ancestor, `ImageClassifier › bottleneck_dim 기본값` did
        // not say of which library.
        let shown_under = if defaults.is_some() {
            self.table_context(sec, after_list, &[])
        } else {
            self.table_context(sec, after_list, &placed)
        };
        // A review of sections under several problems is shown under its own title alone.
        let context = if reviewed.is_empty() {
            None
        } else {
            sec.map(|s| [self.info[s].short.clone()].into())
        };
        let context = context.or_else(|| {
            (shown_under != sec).then(|| {
                let path = self.path(shown_under);
                match self.comparison_title(sec, &subjects, &placed) {
                    Some(title) => path.iter().cloned().chain([title]).collect(),
                    None => path,
                }
            })
        });
        let names_shown = self.names_on_path(shown_under);
        // A table one of whose answers names a topic it sits under (`Mask R-CNN` among the
        // `분할 종류` under `## Mask R-CNN`) is no table of that topic's, but of the kind it is
        // one of: every cell is shown without that topic (`문항 5 › 분할 종류`).
        // Each cell's highest such topic, row by row (read again for its card below).
        let leaks: Vec<Vec<Option<usize>>> = rows
            .iter()
            .map(|row| {
                row.iter()
                    .map(|(cell, _)| leaked_at(&names_shown, cell.text.trim()))
                    .collect()
            })
            .collect();
        let leak = leaks
            .iter()
            .flat_map(|row| row.iter().skip(1))
            .flatten()
            .max()
            .copied();
        let context = match leak {
            Some(at) => {
                let (_, above, leaked) = &names_shown[at];
                let shown = context.clone().unwrap_or_else(|| self.path(shown_under));
                let below = self.path(Some(*leaked)).len().min(shown.len());
                let path: Vec<String> = self
                    .path(*above)
                    .iter()
                    .chain(&shown[below..])
                    .cloned()
                    .collect();
                Some(path.into())
            }
            None => context,
        };
        // The terms a cell defines (`CI (Continuous Integration)`) are shown where the cell is.
        if let Some(shown) = &context {
            self.show_definitions_under(&table.span, shown);
        }
        // `양자화 (INT8 PTQ)` and `양자화 (QAT)`: rows told apart only by their parentheses
        // are asked by their whole names, or the two would be one subject.
        let shorts: Vec<&str> = subjects.iter().map(|s| short_name(s)).collect();
        let told_by_parentheses: Vec<bool> = shorts
            .iter()
            .enumerate()
            .map(|(i, short)| {
                shorts
                    .iter()
                    .enumerate()
                    .any(|(j, other)| j != i && other == short && subjects[j] != subjects[i])
            })
            .collect();
        // What a cell's claim and fact are about: the topic its subject names, else the
        // subject as written (its parentheses read as words where they tell it apart).
        let canonical: Vec<String> = subjects
            .iter()
            .zip(&topics)
            .zip(&told_by_parentheses)
            .map(|((name, topic), told)| match topic {
                Some(t) => self.info[*t].short.clone(),
                None if *told => name.replace(['(', ')'], " "),
                None => name.to_string(),
            })
            .collect();
        let subject_keys: Vec<String> = canonical.iter().map(|c| facts::name_key(c)).collect();
        // A subject naming no topic but a facet section somewhere in the note (`ASHA` in a
        // closing summary table, `### 3. ASHA` under `## Multi-fidelity 방법`) asks that
        // section's facts: its cells are keyed as the section's bullets are, whatever
        // problem the table sits under, so a cell asking its `장점` again is one fact. Not
        // in a table asked side by side: there what each subject adds is the contrast.
        let fact_bases: Vec<Option<(String, String)>> = subjects
            .iter()
            .zip(&topics)
            .map(|(name, topic)| {
                if side_by_side || topic.is_some() {
                    return None;
                }
                let f = self.facet_titled(name)?;
                let ctx = self.ctx(Some(f))?;
                Some((ctx.fact_topic.clone(), ctx.fact_facets.clone()))
            })
            .collect();
        let table_line = self.lines.line_of(table.span.end.saturating_sub(1));
        let namespace: Option<std::sync::Arc<str>> = self
            .pins
            .get(&(table_line + 1))
            .map(|(id, _)| id.as_str().into());
        let axes = head
            .first()
            .and_then(|(corner, _)| axes(corner.text.trim()));
        let lookup = lookup_columns(&rows, head.len(), columns_are_subjects);
        let mut fact_facet = String::new();
        for (r, row) in rows.iter().enumerate() {
            let Some((row_name, _)) = row.first() else {
                continue;
            };
            let row_name = row_name.text.trim();
            // A row sharing its first cell is named by its second too (`YOLOv5 (val.py)`),
            // which is then no question of its own.
            let told_by = shared_row_name(r)
                .then(|| super::subject_names::telling_column(&rows, row_name))
                .flatten()
                .filter(|_| defaults.is_none());
            // A table of defaults asks each row's parameter (`momentum 기본값`).
            let parameter = defaults
                .as_ref()
                .and_then(|d| Some((d, self.parameter_row(d, row)?)));
            let second = told_by
                .or(defaults.as_ref().map(|d| d.parameter))
                .and_then(|c| row.get(c))
                .map(|(p, _)| p.text.trim());
            let told_apart = second
                .filter(|_| told_by.is_some())
                .map(|second| format!("{row_name} ({second})"));
            for (c, (cell, cell_block)) in row.iter().enumerate().skip(1) {
                if told_by == Some(c) {
                    continue;
                }
                if let Some((d, _)) = parameter
                    && c != d.value
                {
                    self.skip(cell_block.span.clone(), PARAMETER_ROW_REASON);
                    continue;
                }
                let Some((col, _)) = head.get(c) else {
                    continue;
                };
                let col_name = col.text.trim();
                let value = cell.text.trim();
                if value.is_empty() || row_name.is_empty() || col_name.is_empty() {
                    continue;
                }
                let (subject, attribute, s, subject_cell, facet_cell) = if columns_are_subjects {
                    (col_name, row_name, c - 1, col, &row[0].0)
                } else {
                    (row_name, col_name, r, &row[0].0, col)
                };
                // The front is the question only; where it belongs is the card's context.
                let mut front = String::new();
                let asked = if told_by_parentheses.get(s).copied().unwrap_or(false) {
                    subject
                } else {
                    bold_name(subject_cell).unwrap_or_else(|| shown_name(subject, value))
                };
                let asked = told_apart.as_deref().unwrap_or(asked);
                let topic = topics.get(s).copied().flatten();
                // `Level 0` of a table under `MLOps Level 0: Manual Process`: the card is
                // reviewed away from the heading, so it asks by the topic's fuller name.
                let asked = topic
                    .and_then(|t| fuller_name(asked, &self.info[t].short))
                    .unwrap_or(asked);
                // `4` under `bracket $s$`: a number names no row on its own; the column it
                // is read in does (`bracket s = 4`).
                let numbered;
                let asked = match head.first().map(|(corner, _)| corner.text.trim()) {
                    Some(corner)
                        if !columns_are_subjects
                            && axes.is_none()
                            && !corner.is_empty()
                            && super::value_tables::is_number(asked) =>
                    {
                        numbered = format!("{corner} = {asked}");
                        numbered.as_str()
                    }
                    _ => asked,
                };
                // `실제 \ 예측` over `Positive | Negative`: `Positive › Negative` could be
                // either cell; each side is asked with the axis it is read on.
                let (row_axis, col_axis) = axes.unwrap_or_default();
                let (subject_axis, facet_axis) = if columns_are_subjects {
                    (col_axis, row_axis)
                } else {
                    (row_axis, col_axis)
                };
                for (axis, text, cell) in [
                    (subject_axis, asked, subject_cell),
                    (facet_axis, attribute, facet_cell),
                ] {
                    if !front.is_empty() {
                        front.push_str(" › ");
                    }
                    if !axis.is_empty() {
                        math::text_to_html(axis, &mut front);
                        front.push(' ');
                    }
                    name_html(text, cell, &mut front);
                }
                let mut back = String::new();
                tree::render(self.tree.inner(cell_block), &mut back, &self.copies);
                // `모델 성능 모니터링 O`: the mark only says the subject has what the words name.
                let kept = without_trailing_mark(&back).len();
                back.truncate(kept);
                let mut key = format!("{} › {col_name}", told_apart.as_deref().unwrap_or(row_name));
                if let Some((_, (facet, aside))) = &parameter {
                    let asked_up_to = front.rfind(" › ").map_or(0, |at| at + " › ".len());
                    front.truncate(asked_up_to);
                    front.push_str(facet);
                    back.push_str(aside);
                    key = format!("{row_name} › {} › {col_name}", second.unwrap_or_default());
                }
                // The row of a table of defaults, as earlier cards may state its default.
                let row_default = parameter.as_ref().and(second).and_then(|p| {
                    super::param_tables::RowDefault::new(&subjects, row_name, p, value)
                });
                let lead = cell.text.len() - cell.text.trim_start().len();
                let vrange = lead..lead + value.len();
                // A default is its parameter's (`Stochastic Depth › 마지막 block 생존 확률`).
                let claimed = parameter.as_ref().and(second).unwrap_or(attribute);
                if (!shared_row_name(r) || parameter.is_some())
                    && let Some(value_span) = cell.exact_src_span(self.text, &vrange)
                {
                    // `efSearch=16` in a bullet against this row's `32`: the bullet's claim
                    // first, as a bullet's comes before the table that contradicts it.
                    let subject = math::tex_only(canonical.get(s).map_or(subject, String::as_str));
                    let attribute = math::tex_only(claimed);
                    if let Some((other, span, value_span)) = row_default
                        .as_ref()
                        .and_then(|row| self.default_stated_otherwise(earlier, row))
                    {
                        self.doc.claims.push(Claim {
                            subject: subject.clone(),
                            attribute: attribute.clone(),
                            value: other,
                            origin: ClaimOrigin::Bullet,
                            span,
                            value_span,
                        });
                    }
                    self.doc.claims.push(Claim {
                        subject,
                        attribute,
                        value: math::tex_only(value),
                        origin: ClaimOrigin::TableCell,
                        span: cell_block.span.clone(),
                        value_span,
                    });
                }
                fact_facet.clear();
                let base = fact_bases.get(s).and_then(Option::as_ref);
                if let Some((_, facets)) = base {
                    fact_facet.push_str(facets);
                }
                fact_facet.push('\x1f');
                if let Some(second) = second {
                    // `YOLOv5 (val.py) › conf threshold` is another question than `detect.py`'s.
                    facts::push_facet_key(second, &mut fact_facet);
                    fact_facet.push('\x1f');
                }
                facts::push_facet_key(attribute, &mut fact_facet);
                let fact = match base {
                    Some((topic, _)) => Some(facts::fact_hash(topic, &fact_facet)),
                    None => subject_keys
                        .get(s)
                        .map(|topic| facts::fact_hash(topic, &fact_facet)),
                };
                let near = subject_keys
                    .get(s)
                    .filter(|_| told_apart.is_none())
                    .map(|topic| {
                        let mut near = facts::near_keys(topic, "", attribute);
                        near.extend(facts::acronym_parts(topic, attribute, value));
                        near
                    })
                    .unwrap_or_default();
                // `Structured Pruning › 비고` → `일반 HW에서 가속`: a column of asides asks
                // nothing in particular, and its cells repeat what the sections say;
                // `resnet50 › acc@1` → `80.858` is read off a library's table.
                let aside = if lookup.get(c).copied().unwrap_or(false) {
                    Some(LOOKUP_COLUMN_REASON)
                } else {
                    is_remarks_column(attribute).then_some(REMARKS_COLUMN_REASON)
                };
                if let Some(why) = aside {
                    self.skip(cell_block.span.clone(), why);
                    continue;
                }
                if let Some(line) = row_default
                    .as_ref()
                    .and_then(|row| self.default_stated(earlier, row))
                {
                    let why = format!("default the card on line {line} states; that card is kept");
                    self.skip(cell_block.span.clone(), &why);
                    continue;
                }
                if let Some(Some(section)) = reviewed.get(s)
                    && super::review_sheets::says_again(value, section)
                {
                    self.skip(
                        cell_block.span.clone(),
                        super::review_sheets::REVIEWED_REASON,
                    );
                    continue;
                }
                if super::answers::is_dash(value) {
                    // `Flat › 주요 파라미터` → `-`: the cell says there is nothing to ask.
                    self.skip(cell_block.span.clone(), "table cell with no value (a dash)");
                    continue;
                }
                if only_repeats_question(value, subject, attribute) {
                    // `Grad-CAM › Gradient 필요` → `✔ 필요`: a yes or no the question says;
                    // `ViT-L/14@336px › 입력 해상도` → `336`: a number its name says.
                    self.skip(
                        cell_block.span.clone(),
                        "table cell whose answer only repeats its question (a yes or no, or a \
                         number of its name: the front gives it away)",
                    );
                    continue;
                }
                if only_names_baseline(value)
                    || super::answers::measured_against_itself(subject, attribute)
                {
                    // `FP32 › 특징` → `기준 정밀도`: the yardstick of FP16 and BF16, no fact of
                    // FP32's own.
                    self.skip(
                        cell_block.span.clone(),
                        "table cell whose answer only calls its subject the comparison's \
                         baseline (`기준`, `baseline`), or of a column measuring against its \
                         own subject (`KV cache 크기 (MHA 대비)` for MHA)",
                    );
                    continue;
                }
                if points_elsewhere(value) {
                    // `One-Shot › 테스트 시` → `그 클래스 예측`: "that class" is in another cell.
                    self.skip(
                        cell_block.span.clone(),
                        "table cell whose answer points at another cell (`그 …`, `해당 …`, `둘 \
                         다`) and says nothing on its own",
                    );
                    continue;
                }
                let facet_at = if columns_are_subjects { r } else { c };
                let asked_across = two_way[facet_at]
                    || degree_facets[facet_at]
                    || side_by_side && compared_facets[facet_at];
                if shared_by_most[facet_at] == Some(value) && !asked_across {
                    self.skip(
                        cell_block.span.clone(),
                        "table cell with the answer most subjects give (the default; the \
                         subjects that differ are asked)",
                    );
                    continue;
                }
                if same_for_all[facet_at] {
                    self.skip(
                        cell_block.span.clone(),
                        "table cell with the same answer for every subject of its table (no \
                         subject differs in it)",
                    );
                    continue;
                }
                // `AdamW` with Adam's answer (`적응적 학습률` → `O` for both): the variant
                // inherits it from the subject its name extends, whose card asks it.
                let extended = || {
                    let values = &facet_values[facet_at];
                    subjects.iter().enumerate().any(|(j, base)| {
                        j != s && extends(subject, base) && values.get(j) == Some(&value)
                    })
                };
                if subjects.iter().any(|base| extends(subject, base)) && extended() {
                    self.skip(
                        cell_block.span.clone(),
                        "table cell with the same answer as the subject its name extends \
                         (AdamW as Adam): that subject's card asks it",
                    );
                    continue;
                }
                // `GZSL` → `없음`: a name's expansion (`Generalized Zero-Shot Learning`) says
                // as much as the name. Looked up only for an answer that is a count at all.
                let expansion_says = || {
                    self.doc
                        .terms
                        .iter()
                        .find(|t| t.name.eq_ignore_ascii_case(asked))
                        .is_some_and(|t| names_its_count(&t.expansion, value))
                };
                if names_its_count(asked, value) || is_count(value) && expansion_says() {
                    // `Zero-Shot › 학습 시 새로운 클래스 데이터` → `없음`: the name is the answer.
                    self.skip(
                        cell_block.span.clone(),
                        "table cell whose answer is the count its subject's name says, or \
                         the name's expansion (Zero-Shot → 없음, One-Shot → 1개, Few-Shot → \
                         소량, GZSL → 없음)",
                    );
                    continue;
                }
                if names_its_absence(subject, value) {
                    // `Level 0 – Manual Process › 자동화 범위` → `없음`: the name says it.
                    self.skip(
                        cell_block.span.clone(),
                        "table cell whose answer is only `없음` or `X` for a subject whose name \
                         says it goes without (Manual Process, No …)",
                    );
                    continue;
                }
                if opens_with_its_name(subject, value) {
                    // `중앙 집중 학습 › 데이터 위치` → `중앙 서버에 수집`: the name says it.
                    let reason = format!(
                        "table cell whose short answer opens with a word of its subject's name \
                         ({subject} → {value}): the front gives it away"
                    );
                    self.skip(cell_block.span.clone(), &reason);
                    continue;
                }
                if says_higher_is_better(value) {
                    // `BLEU › 좋은 방향` → `높을수록`: true of any score.
                    self.skip(
                        cell_block.span.clone(),
                        "table cell whose answer only says higher is better, as for any score \
                         (lower-is-better cells are cards)",
                    );
                    continue;
                }
                let side = if is_mark_cell(value) {
                    Some(Joined::Mark)
                } else if is_degree_cell(value) {
                    Some(Joined::Degree)
                } else if two_way[facet_at] {
                    Some(Joined::TwoWay)
                } else if degree_facets[facet_at] {
                    Some(Joined::BesideDegrees)
                } else if side_by_side && compared_facets[facet_at] {
                    Some(Joined::Compared)
                } else if let [a, b] = facet_values[facet_at][..]
                    && a == b
                {
                    Some(Joined::Alike)
                } else {
                    None
                };
                // Not through `push_card`: a cell has no pin of its own (a pin after the table
                // names the id namespace of all its cells), and its value was checked above.
                let mut card = self.make_card(CardDraft {
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
                // A cell naming a topic further up is shown above that one too.
                card.context = match leaks[r][c] {
                    Some(at) if Some(at) > leak => Some(self.path(names_shown[at].1)),
                    _ => context.clone(),
                };
                self.raw_cards.push(RawCard {
                    card,
                    namespace: namespace.clone(),
                    pin_lines: [None, None],
                    fact,
                    near: near.into_boxed_slice(),
                    tip: false,
                    subject: topic.and(subject_keys.get(s)).map(|k| k.as_str().into()),
                    contrast_of: side.map(|side| ContrastOf {
                        table: table.span.start as u32,
                        facet: facet_at as u16,
                        side,
                    }),
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

/// Whether a table cell only says "as above" (`〃`, `″`, `"`, `상동`, `ditto`).
pub(super) fn is_ditto(cell: &str) -> bool {
    matches!(
        cell.trim().trim_matches('*'),
        "〃" | "″" | "\"" | "상동" | "ditto" | "Ditto"
    )
}

/// Subjects at most of a table whose facets are asked across them (`side_by_side`): a
/// facet of more would be a list to recite, and their cells are asked one by one.
const SIDE_BY_SIDE_MAX_SUBJECTS: usize = 6;

/// Characters at most of a facet's answers, all together, asked side by side
/// (`side_by_side`): the MLOps levels' longest row is 95.
const SIDE_BY_SIDE_MAX_CHARS: usize = 160;

/// Words at most of each answer of a facet answered one of two ways ([`RawCard::contrast_of`]).
const TWO_WAY_MAX_WORDS: usize = 3;

pub(super) fn is_hangul(c: char) -> bool {
    matches!(c, '\u{AC00}'..='\u{D7A3}' | '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}')
}
