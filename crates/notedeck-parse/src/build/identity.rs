//! Card identity: `<!-- id: … -->` pins, keys made unique per heading path, and ids hashed
//! from (deck namespace, heading path, key).

use super::cells::cells_in_bullets;
use super::{Finish, RawCard};
use crate::{Card, Problem, Span};
use foldhash::{HashMap, HashMapExt};
use sha2::{Digest, Sha256};
use std::sync::Arc;

impl Finish {
    /// Sort cards into source order, make keys unique per heading path, assign ids.
    pub(super) fn finish_cards(&mut self, raw: Vec<RawCard>) {
        let mut raw = in_source_order(raw);
        // Notes held only for checking need no ids: their cards are dropped once digested.
        if self.ids {
            self.assign_ids(&mut raw);
        }
        self.hold_contradicted_cells(&mut raw, false);
        self.leave_out_formula_slips(&mut raw);
        self.merge_same_facts(&mut raw);
        // A cell a bullet of its own fact contradicts went with the merge, naming the card.
        self.hold_contradicted_cells(&mut raw, true);
        // Tips first: a tip repeating a cell goes with it when the cell repeats a bullet.
        self.drop_repeated_tips(&mut raw);
        // The cells a bullet says again, found once; before they go, a contrast takes every
        // subject's answer.
        let said = cells_in_bullets(&raw);
        let said = self.merge_contrasts(&mut raw, said);
        self.drop_cells_in_bullets(&mut raw, &said);
        self.drop_definitions_cells_answer(&mut raw);
        // Last: every rule before reads an example as its topic's fact.
        self.drop_worked_examples(&mut raw);
        self.reverse_examples(&mut raw);
        for r in raw
            .iter_mut()
            .filter(|r| r.card.kind == crate::CardKind::Cloze)
        {
            super::cloze_asides::hide_attached_glosses(&mut r.card);
            super::cloze_asides::explanation_to_back(&mut r.card);
        }
        self.doc.cards = raw.into_iter().map(|r| r.card).collect();
    }

    /// Make keys unique per heading path and give every card its id, or its pin. A function
    /// of its own so that the table of ids is gone before the merges make theirs.
    fn assign_ids(&mut self, raw: &mut [RawCard]) {
        // Keyed by the card's id before disambiguation: same namespace, path and key.
        let mut counts: HashMap<[u8; ID_LEN], usize> = HashMap::with_capacity(raw.len());
        let mut used_pins: HashMap<String, usize> = HashMap::new();
        for r in raw.iter_mut() {
            let title = &self.doc.title;
            let base = id_of(title, &r.card, &r.namespace);
            let n = counts.entry(base).or_insert(0);
            *n += 1;
            r.card.id = id_string(&base);
            if *n > 1 {
                r.card.key = format!("{}#{}", r.card.key, n);
                r.card.id = id_string(&id_of(title, &r.card, &r.namespace));
            }
            let pin = r
                .pin_lines
                .iter()
                .flatten()
                .find_map(|&l| self.pins.get(&(l as usize)))
                .map(|(id, span)| (id.clone(), span.clone()));
            if let Some((id, span)) = pin {
                if let Some(prev) = used_pins.insert(id.clone(), r.card.line) {
                    self.doc.problems.push(Problem {
                        span,
                        message: format!(
                            "id pin `{id}` is used by two cards (lines {prev} and {}); \
                             give one of them a different id",
                            r.card.line
                        ),
                    });
                } else {
                    r.card.id = id.clone();
                    r.card.pinned_id = Some(id.into_boxed_str());
                }
            }
        }
    }

    /// The id of `r` under its key as it is now: for a card made anew from others (a
    /// contrast of cells), whose id is none of theirs. A pinned card keeps its pin.
    pub(super) fn rekey(&self, r: &mut RawCard, key: String) {
        r.card.key = key;
        if !self.ids || r.card.pinned_id.is_some() {
            return;
        }
        r.card.id = id_string(&id_of(&self.doc.title, &r.card, &r.namespace));
    }
}

/// The id of `card` in the note titled `title`: from its heading path and key, or from the
/// table pin `namespace` and its key.
fn id_of(title: &str, card: &Card, namespace: &Option<Arc<str>>) -> [u8; ID_LEN] {
    match namespace {
        Some(ns) => id_bytes(&format!("pin\u{1f}{ns}"), &[], &card.key),
        None => id_bytes(title, &card.path, &card.key),
    }
}

/// `raw` sorted by where each card starts, cards starting at the same offset kept in the
/// order they were made. A card is a few hundred bytes: the order is found on the offsets,
/// and each card moved once, rather than many times by sorting the cards themselves.
fn in_source_order(mut raw: Vec<RawCard>) -> Vec<RawCard> {
    if raw.is_sorted_by_key(|r| r.card.span.start) {
        return raw;
    }
    let mut keyed: Vec<(usize, usize)> = raw
        .iter()
        .enumerate()
        .map(|(i, r)| (r.card.span.start, i))
        .collect();
    keyed.sort_unstable();
    // Place `p` takes the card now at `from[p]`: each cycle of the permutation is followed
    // with swaps, in place.
    let mut from: Vec<usize> = keyed.into_iter().map(|(_, i)| i).collect();
    for p in 0..from.len() {
        let mut cur = p;
        loop {
            let src = from[cur];
            from[cur] = cur;
            if src == p {
                break;
            }
            raw.swap(cur, src);
            cur = src;
        }
    }
    raw
}

/// Stable card id: SHA-256 of (deck namespace, heading path, key), first 64 bits in base62
/// (11 characters, no spaces or separators).
pub fn card_id(namespace: &str, path: &[String], key: &str) -> String {
    id_string(&id_bytes(namespace, path, key))
}

/// Characters in a card id.
const ID_LEN: usize = 11;

/// [`card_id`] as its ASCII bytes: a key that costs no allocation.
fn id_bytes(namespace: &str, path: &[String], key: &str) -> [u8; ID_LEN] {
    let mut h = Sha256::new();
    h.update(namespace.as_bytes());
    for p in path {
        h.update([0x1f]);
        h.update(p.as_bytes());
    }
    h.update([0x1e]);
    h.update(key.as_bytes());
    let digest = h.finalize();
    let mut n = digest
        .iter()
        .take(8)
        .fold(0u64, |acc, &b| (acc << 8) | u64::from(b));
    const ALPHABET: &[u8; 62] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    let mut out = [b'0'; ID_LEN];
    for slot in out.iter_mut().rev() {
        *slot = ALPHABET[(n % 62) as usize];
        n /= 62;
    }
    out
}

fn id_string(id: &[u8; ID_LEN]) -> String {
    String::from_utf8_lossy(id).into_owned()
}

/// `<!-- id: abc -->` pins by 0-based line, and a problem for each pin that is not usable.
pub(crate) fn scan_pins(text: &str) -> (HashMap<usize, (String, Span)>, Vec<Problem>) {
    let mut out = HashMap::new();
    let mut problems = Vec::new();
    let mut line = 0;
    let mut last = 0;
    let mut from = 0;
    while let Some(start) = find_comment(text, from) {
        line += text[last..start].bytes().filter(|&b| b == b'\n').count();
        last = start;
        // Search for the end after the opening, so `<!-->` cannot close itself backwards.
        let Some(close) = text[start + 4..].find("-->") else {
            break;
        };
        let end = start + 4 + close + 3;
        from = end;
        let inner = text[start + 4..start + 4 + close].trim();
        if let Some(id) = inner.strip_prefix("id:") {
            let id = id.trim();
            if !id.is_empty()
                && id.len() <= 64
                && id
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
            {
                out.insert(line, (id.to_string(), start..end));
            } else {
                problems.push(Problem {
                    span: start..end,
                    message: format!(
                        "id pin `{id}` is not used: an id is 1 to 64 letters, digits, `-` or `_` \
                         (Anki identifies the note by it)"
                    ),
                });
            }
        }
    }
    (out, problems)
}

/// Offset of the next `<!--` at or after `from`. Searching for `<` (memchr) and checking
/// the rest is several times cheaper than a substring search over the whole note.
fn find_comment(text: &str, mut from: usize) -> Option<usize> {
    loop {
        let at = from + text.get(from..)?.find('<')?;
        if text.get(at..)?.starts_with("<!--") {
            return Some(at);
        }
        from = at + 1;
    }
}
