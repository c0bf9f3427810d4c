//! Cards: `duplicate-card` (the same front twice, so a learner cannot tell which answer is
//! wanted) and `empty-answer` (a card with nothing on its back).
//!
//! Both rules read [`CardDigests`], not the parsed `Card`s: a vault holds about a hundred
//! cards per note, and a language server keeps every note of it, so a note that is not open
//! may drop its `Card`s (their deck, path, tags, front and back strings) and keep only this.

use crate::index::FileId;
use crate::{Code, Finding, Note, Related, Workspace};
use notedeck_parse::{Card, CardKind, Span, marked_front};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::hash::{BuildHasher, Hasher};
use std::path::Path;

/// The key two cards collide on: a hash of the deck and a hash of the front as a learner
/// reads it (tags and spacing removed, case folded). 128 bits, so two different fronts of a
/// vault do not meet by accident.
pub type FrontKey = (u64, u64);

/// What the card rules need of one card.
///
/// Forty bytes rather than fifty-six: a workspace keeps one for every card of a vault (a
/// million on a 10,000-note one), so the key's presence is a flag beside it rather than an
/// `Option` with no room for its tag, and the span is kept as `u32` offsets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardDigest {
    /// The `duplicate-card` key, meaningful when `has_key`.
    key: FrontKey,
    /// Source span of the block the card came from (a parsed note is under 4 GiB).
    start: u32,
    end: u32,
    /// The front as messages quote it, as a byte range of [`CardDigests`]' label text.
    label: (u32, u32),
    has_key: bool,
    /// The card has nothing on its back (and is not a cloze card, whose answer is the front).
    pub empty_answer: bool,
}

impl CardDigest {
    /// The `duplicate-card` key; `None` for cards that never collide (see `front_key`).
    pub fn front_key(&self) -> Option<FrontKey> {
        self.has_key.then_some(self.key)
    }

    /// Source span of the block the card came from.
    pub fn span(&self) -> Span {
        self.start as usize..self.end as usize
    }
}

/// The [`CardDigest`]s of one note in source order, with their labels in one string (one
/// allocation per note rather than one per card).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardDigests {
    /// One digest per card, in the order of `Document::cards`.
    pub cards: Vec<CardDigest>,
    labels: String,
}

impl CardDigests {
    /// The digests of `cards`.
    pub fn of(cards: &[Card]) -> CardDigests {
        let mut labels = String::new();
        let cards = cards
            .iter()
            .map(|card| {
                let start = offset(labels.len());
                push_label(&mut labels, &marked_front(card));
                let key = front_key(card);
                CardDigest {
                    key: key.unwrap_or_default(),
                    has_key: key.is_some(),
                    start: offset(card.span.start),
                    end: offset(card.span.end),
                    empty_answer: card.kind != CardKind::Cloze
                        && is_blank_html(&card.back)
                        && card.images.is_empty(),
                    label: (start, offset(labels.len())),
                }
            })
            .collect();
        labels.shrink_to_fit();
        CardDigests { cards, labels }
    }

    /// Keep the labels of the cards `keep` says, and forget the others' (they read as empty):
    /// for a holder that knows which cards a message can quote.
    pub fn keep_labels(&mut self, keep: impl Fn(&CardDigest) -> bool) {
        let mut labels = String::new();
        for card in &mut self.cards {
            let (start, end) = card.label;
            card.label = if keep(card) {
                let at = offset(labels.len());
                labels.push_str(self.labels.get(start as usize..end as usize).unwrap_or(""));
                (at, offset(labels.len()))
            } else {
                (0, 0)
            };
        }
        labels.shrink_to_fit();
        self.labels = labels;
    }

    /// The front of `card` (one of these digests) as messages quote it: tags removed,
    /// whitespace collapsed, at most 60 characters.
    pub fn label(&self, card: &CardDigest) -> &str {
        let (start, end) = card.label;
        self.labels.get(start as usize..end as usize).unwrap_or("")
    }
}

/// A label or source offset; a parsed note, and so its labels, stay below 4 GiB.
fn offset(len: usize) -> u32 {
    u32::try_from(len).unwrap_or(u32::MAX)
}

/// The key of `card`. The same front in two decks is not a duplicate (two exams may well ask
/// about `BERT › 장점`). Cards without a front have none, and neither do definition cards: a
/// term is rightly defined again in each exam's notes, and differing definitions are
/// `conflicting-expansion`'s business.
pub fn front_key(card: &Card) -> Option<FrontKey> {
    if card.kind == CardKind::Definition {
        return None;
    }
    // The front's characters without tags and whitespace, ASCII case folded, hashed as they
    // come: every card of a vault goes through here, so nothing is allocated, and the hash
    // is foldhash's rather than SipHash, which showed in profiles of a lint.
    let mut front = KEY_HASH.build_hasher();
    let mut in_tag = false;
    let mut empty = true;
    // Deletion marks count: two cloze cards hiding different parts of one line differ.
    for c in marked_front(card).chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag && !c.is_whitespace() => {
                front.write_u32(u32::from(c.to_ascii_lowercase()));
                empty = false;
            }
            _ => {}
        }
    }
    if empty {
        return None;
    }
    Some((KEY_HASH.hash_one(&card.deck), front.finish()))
}

/// The hash of front keys: fixed, so a key is the same in every run and on every thread.
pub(crate) const KEY_HASH: foldhash::quality::FixedState =
    foldhash::quality::FixedState::with_seed(0);

/// The cards with key `front`, in path and source order (through the workspace index).
pub fn cards_with<'a>(ws: &'a Workspace, front: &FrontKey) -> Vec<(&'a Path, &'a Note, u32)> {
    let posted = ws
        .index
        .fronts
        .get(front)
        .map_or(&[][..], |posted| posted.as_slice());
    in_rank_order(ws, posted, ws.index.ranks())
}

/// The cards posted under one key, ordered by the files' path rank (see `check_all`), then
/// source order.
pub fn in_rank_order<'a>(
    ws: &'a Workspace,
    posted: &[(FileId, u32)],
    rank: &[u32],
) -> Vec<(&'a Path, &'a Note, u32)> {
    let mut ids: Vec<(u32, u32, FileId)> = posted
        .iter()
        .map(|&(id, i)| (rank.get(id as usize).copied().unwrap_or(u32::MAX), i, id))
        .collect();
    ids.sort_unstable();
    ids.into_iter()
        .filter_map(|(_, i, id)| {
            let (path, note) = ws.index.file(id)?;
            Some((path, note, i))
        })
        .collect()
}

/// Findings for every card of one key after the first (path, then source order); `cards`
/// holds each card as (file, note, position in the note's digests).
pub fn duplicates_among<'a>(cards: &[(&'a Path, &'a Note, u32)]) -> Vec<Finding> {
    let mut cards = cards
        .iter()
        .filter_map(|&(path, note, i)| Some((path, note, note.cards.cards.get(i as usize)?)));
    let Some((first_path, _, first)) = cards.next() else {
        return Vec::new();
    };
    cards
        .map(|(path, note, card)| Finding {
            code: Code::DuplicateCard,
            severity: Code::DuplicateCard.severity(),
            message: format!(
                "another card in this deck has the same front \"{}\"; reword one so they can be told apart",
                note.cards.label(card)
            ),
            path: path.to_path_buf(),
            span: card.span(),
            related: vec![Related {
                path: first_path.to_path_buf(),
                span: first.span(),
                message: "the first card with this front".to_string(),
            }],
            fixes: Vec::new(),
        })
        .collect()
}

/// Drop each `duplicate-card` finding that a `conflicting-claim` finding already explains: the
/// same two places, one front asked twice because its two answers disagree. One problem, one
/// finding; the conflict says what to fix. Both findings have their primary span in the same
/// file, so `check_all` and `check_file` drop the same ones.
pub fn drop_duplicates_of_conflicts(findings: &mut Vec<Finding>) {
    let inside = |inner: &Span, outer: &Span| outer.start <= inner.start && inner.end <= outer.end;
    // Keyed by the conflict's own file: `check_all` passes the whole vault's findings, and a
    // scan of every conflict for every duplicate was quadratic in the vault.
    let mut conflicts: HashMap<&Path, Vec<(Span, &Path, Span)>> = HashMap::new();
    for f in findings.iter().filter(|f| f.code == Code::ConflictingClaim) {
        if let Some(r) = f.related.first() {
            conflicts.entry(f.path.as_path()).or_default().push((
                f.span.clone(),
                r.path.as_path(),
                r.span.clone(),
            ));
        }
    }
    if conflicts.is_empty() {
        return;
    }
    let explained: Vec<bool> = findings
        .iter()
        .map(|f| {
            f.code == Code::DuplicateCard
                && f.related.first().is_some_and(|r| {
                    conflicts.get(f.path.as_path()).is_some_and(|same_file| {
                        same_file.iter().any(|(span, first_path, first_span)| {
                            inside(span, &f.span)
                                && *first_path == r.path.as_path()
                                && inside(first_span, &r.span)
                        })
                    })
                })
        })
        .collect();
    let mut i = 0;
    findings.retain(|_| {
        i += 1;
        !explained[i - 1]
    });
}

/// Findings for cards of one note whose answer is empty (cloze cards carry their answer on the
/// front, so they are exempt).
pub fn empty_answers(path: &Path, note: &Note) -> Vec<Finding> {
    note.cards
        .cards
        .iter()
        .filter(|c| c.empty_answer)
        .map(|card| Finding {
            code: Code::EmptyAnswer,
            severity: Code::EmptyAnswer.severity(),
            message: format!(
                "the card \"{}\" has an empty answer",
                note.cards.label(card)
            ),
            path: path.to_path_buf(),
            span: card.span(),
            related: Vec::new(),
            fixes: Vec::new(),
        })
        .collect()
}

/// No text outside tags (checked without allocating: every card of a vault goes through it).
fn is_blank_html(html: &str) -> bool {
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag && !c.is_whitespace() => return false,
            _ => {}
        }
    }
    true
}

/// Append the front `html` as messages quote it: tags read as spaces, whitespace collapsed
/// and trimmed, at most [`MAX_LABEL`] characters then `…`. Written straight into the note's
/// label string: every card of a vault goes through here.
fn push_label(out: &mut String, html: &str) {
    let mut in_tag = false;
    let (mut space, mut count) = (false, 0);
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                space = true;
            }
            _ if in_tag => {}
            _ if c.is_whitespace() => space = true,
            _ => {
                for c in [' ', c] {
                    if c == ' ' && !(space && count > 0) {
                        continue;
                    }
                    if count == MAX_LABEL {
                        out.push('…');
                        return;
                    }
                    out.push(c);
                    count += 1;
                }
                space = false;
            }
        }
    }
}

/// The longest front a message quotes in full, in characters.
const MAX_LABEL: usize = 60;

#[cfg(test)]
mod tests {
    use super::*;

    /// What `push_label` writes, the slow way: tags to spaces, whitespace collapsed, cut.
    fn label_by_steps(html: &str) -> String {
        let mut plain = String::new();
        let mut in_tag = false;
        for c in html.chars() {
            match c {
                '<' => in_tag = true,
                '>' if in_tag => {
                    in_tag = false;
                    plain.push(' ');
                }
                _ if !in_tag => plain.push(c),
                _ => {}
            }
        }
        let plain = plain.split_whitespace().collect::<Vec<_>>().join(" ");
        if plain.chars().count() <= MAX_LABEL {
            plain
        } else {
            format!("{}…", plain.chars().take(MAX_LABEL).collect::<String>())
        }
    }

    #[test]
    fn labels_collapse_tags_and_whitespace_and_cut_at_sixty_characters() {
        let long = "LoRA (Low-Rank Adaptation) › 장점 › 학습 파라미터 수를 크게 줄여 \\(W' = W + BA\\) 로 미세조정";
        for html in [
            "BERT › 장점",
            "<p>  GPT <b>(Generative Pre-trained Transformer)</b> › 한계</p>\n",
            long,
            &format!("<p>{long}</p>"),
            &"가".repeat(60),
            &format!("{} <i>x</i>", "가".repeat(59)),
            &format!("{}   ", "가".repeat(60)),
            "<br>",
            "",
        ] {
            let mut got = String::new();
            push_label(&mut got, html);
            assert_eq!(got, label_by_steps(html), "{html:?}");
        }
        let mut got = String::new();
        push_label(&mut got, long);
        assert!(
            got.ends_with('…') && got.chars().count() == MAX_LABEL + 1,
            "{got}"
        );
    }
}
