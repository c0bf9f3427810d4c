//! Degree, check-mark and two-way cells of one facet, asked together. A comparison table
//! often answers a facet with degrees only (`2-stage › 속도` → `느림`, `1-stage › 속도` →
//! `빠름`) or with marks (`MoCo › momentum encoder` → `O`, `SimCLR` → `X`): each such cell
//! alone is a relative word or a coin flip, and knowing one gives the other. So is a facet
//! answered one of two ways by three subjects or more (`정책`: `on-policy`, `off-policy`):
//! alone, `REINFORCE › 정책` is vague, and the contrast is the fact. The cells of a facet
//! left after the merges of one fact and the tips become one card that asks the contrast
//! (`2-stage / 1-stage › 속도` → `2-stage: 느림`, `1-stage: 빠름`), before any cell is
//! compared with its subject's bullets; the others are listed as skipped, naming it. A
//! contrast every side of which a bullet says again is no card: its cells go as the bullets'
//! repeats. Every cell of a table comparing its subjects side by side (each subject a topic
//! with a section of its own, or a heading comparing them by name) is asked so too: what
//! such a table adds is the comparison (`Model-in-Service / Model-as-a-Service › 관리 책임`,
//! `2-stage / 1-stage › 단계`).

use super::cells::last_part;
use super::{Finish, RawCard};
use foldhash::{HashMap, HashMapExt};

/// Why a table cell is asked beside the other subjects' cells of its facet: what its reason
/// says when it is merged into the contrast's card.
#[derive(Clone, Copy)]
pub(super) enum Joined {
    /// `O`, `X`, `✔`.
    Mark,
    /// `느림`, `높음`, `없음`.
    Degree,
    /// One of the two answers of its facet (`on-policy`, `off-policy`).
    TwoWay,
    /// A phrase in a facet two subjects or more answer with degrees or marks.
    BesideDegrees,
    /// A cell of a table comparing its subjects side by side.
    Compared,
    /// A cell of a table of two subjects answering its facet alike (`공통 한계` → `희소성,
    /// cold start, 확장성` for both): one fact of both, asked once.
    Alike,
}

impl Joined {
    fn reason(self) -> &'static str {
        match self {
            Joined::Mark => "whose answer is a check mark",
            Joined::Degree => "whose answer is a degree",
            Joined::TwoWay => "whose answer is one of the two its facet is answered with",
            Joined::BesideDegrees => "whose facet the other subjects answer with degrees or marks",
            Joined::Compared => "of a table comparing its subjects side by side",
            Joined::Alike => "whose answer the other subject of its table gives too",
        }
    }
}

/// A table cell's place in a contrast: its table (where it starts), its facet, and why.
#[derive(Clone, Copy)]
pub(super) struct ContrastOf {
    pub(super) table: u32,
    pub(super) facet: u16,
    pub(super) side: Joined,
}

impl Finish {
    /// Merge the degree, mark and two-way cells ([`RawCard::contrast_of`]) of each table
    /// facet, two or more, into the first of them. `said` is what
    /// [`cells_in_bullets`](super::cells::cells_in_bullets) finds
    /// (cell, card; in the order of the cells): returned are those of its cells that are in
    /// no contrast, at their places once the merged cells are gone.
    pub(super) fn merge_contrasts(
        &mut self,
        raw: &mut Vec<RawCard>,
        said: Vec<(usize, usize)>,
    ) -> Vec<(usize, usize)> {
        let mut groups: HashMap<(u32, u16), Vec<usize>> = HashMap::new();
        for (i, r) in raw.iter().enumerate() {
            if let Some(c) = r.contrast_of {
                groups.entry((c.table, c.facet)).or_default().push(i);
            }
        }
        if groups.values().all(|c| c.len() < 2) {
            return said;
        }
        let is_said = |i: &usize| said.binary_search_by_key(i, |&(c, _)| c).is_ok();
        // The cells of the contrasts asked: their sides are the contrast's, whatever a
        // bullet says.
        let mut merged: Vec<usize> = Vec::new();
        let mut gone: Vec<(usize, usize)> = Vec::new();
        let mut alike: Vec<usize> = Vec::new();
        for cells in groups.values().filter(|c| c.len() >= 2) {
            // Three sides or more left answering alike (`O` for each, once the rows whose
            // sections a review table's cells said again went): nothing is told apart, as
            // for a facet every subject of a table answers alike. Two alike sides say a fact
            // of both (`SVM / k-NN › 스케일링` → `필요`).
            let back = &raw[cells[0]].card.back;
            if cells.len() >= 3 && cells.iter().all(|&i| raw[i].card.back == *back) {
                gone.extend(cells.iter().map(|&i| (i, i)));
                merged.extend_from_slice(cells);
                alike.extend_from_slice(cells);
                continue;
            }
            // A contrast every side of which a bullet of its subject says is no card: its
            // cells go as the bullets' repeats (`Batch Normalization / Layer Normalization ›
            // 배치 크기 의존` beside BN's `한계` and LN's `장점`).
            if cells.iter().all(is_said) {
                continue;
            }
            let Some((facet, subjects)) = split_keys(cells.iter().map(|&i| &raw[i].card.key))
            else {
                continue;
            };
            let first = cells[0];
            // Two sides answering alike: the answer once, under both names, and the first
            // cell's key, so its id.
            if let [a, b] = cells[..]
                && raw[a].card.back == raw[b].card.back
                && raw[a]
                    .contrast_of
                    .is_some_and(|c| matches!(c.side, Joined::Alike))
            {
                // A side a bullet says goes as its repeat; the other stays as it was, a cell
                // of its own.
                if cells.iter().any(is_said) {
                    raw[a].contrast_of = None;
                    raw[b].contrast_of = None;
                    continue;
                }
                let name = |i: usize| last_part(&raw[i].card.front).map(|(asked, _)| asked);
                let (Some(asked_a), Some(asked_b)) = (name(a), name(b)) else {
                    continue;
                };
                let facet = last_part(&raw[a].card.front).map_or("", |(_, facet)| facet);
                let front = format!("{asked_a} / {asked_b} › {facet}");
                let kept = &mut raw[a];
                kept.card.front = front;
                kept.fact = None;
                kept.near = Box::default();
                kept.subject = None;
                kept.contrast_of = None;
                gone.push((b, a));
                merged.extend_from_slice(cells);
                continue;
            }
            let mut front = String::new();
            let mut back = String::from("<ul>");
            // The back shows every side's images, so the card carries them all.
            let mut images = Vec::new();
            for (n, &i) in cells.iter().enumerate() {
                let card = &raw[i].card;
                images.extend(card.images.iter().cloned());
                let (asked, _) = last_part(&card.front).unwrap_or((&card.front, ""));
                if n > 0 {
                    front.push_str(" / ");
                }
                front.push_str(asked);
                back.push_str("<li>");
                back.push_str(asked);
                back.push_str(": ");
                back.push_str(&card.back);
                back.push_str("</li>");
            }
            back.push_str("</ul>");
            front.push_str(" › ");
            front.push_str(last_part(&raw[first].card.front).map_or("", |(_, facet)| facet));
            let key = format!("{facet} › {}", subjects.join(" / "));
            let kept = &mut raw[first];
            kept.card.front = front;
            kept.card.back = back;
            kept.card.images = images.into_boxed_slice();
            kept.fact = None;
            kept.near = Box::default();
            // About several subjects: no bullet of one of them says it again.
            kept.subject = None;
            kept.contrast_of = None;
            self.rekey(&mut raw[first], key);
            gone.extend(cells[1..].iter().map(|&i| (i, first)));
            merged.extend_from_slice(cells);
        }
        gone.sort_unstable();
        merged.sort_unstable();
        // The cells a bullet says, outside the contrasts, moved back by the cells merged away
        // before them (a bullet's card is never merged away).
        let moved = |i: usize| i - gone.partition_point(|&(g, _)| g < i);
        let said: Vec<(usize, usize)> = said
            .into_iter()
            .filter(|(i, _)| merged.binary_search(i).is_err())
            .map(|(i, k)| (moved(i), moved(k)))
            .collect();
        // Why each cell was asked beside the others, for its reason.
        let answers: Vec<(usize, &str)> = gone
            .iter()
            .map(|&(i, _)| {
                let side = raw[i].contrast_of.map_or(Joined::Degree, |c| c.side);
                (i, side.reason())
            })
            .collect();
        self.drop_repeats(raw, &gone, |i, kept| {
            if alike.contains(&i) {
                return format!(
                    "table cell whose facet every subject asked answers alike ({}): no \
                     contrast to ask",
                    super::facts::plain(&kept.back)
                );
            }
            let answer = answers
                .iter()
                .find(|(g, _)| *g == i)
                .map_or("whose answer is a degree", |(_, a)| a);
            format!(
                "table cell {answer}, asked beside the other subjects' on the \
                 card on line {} ({})",
                kept.line,
                super::facts::plain(&kept.front)
            )
        });
        said
    }
}

/// The facet and the subjects of cells keyed `row › column`: the part all keys share is the
/// facet (a column, or a row when the table's subjects are its columns), the others the
/// subjects. `None` when the keys share no part.
fn split_keys<'k>(keys: impl Iterator<Item = &'k String>) -> Option<(String, Vec<String>)> {
    let parts: Vec<(&str, &str)> = keys
        .map(|k| k.split_once(" › ").unwrap_or((k, "")))
        .collect();
    let (row, col) = *parts.first()?;
    if parts.iter().all(|(_, c)| *c == col) {
        Some((
            col.to_string(),
            parts.iter().map(|(r, _)| r.to_string()).collect(),
        ))
    } else if parts.iter().all(|(r, _)| *r == row) {
        Some((
            row.to_string(),
            parts.iter().map(|(_, c)| c.to_string()).collect(),
        ))
    } else {
        None
    }
}
