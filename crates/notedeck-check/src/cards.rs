//! Cards: `duplicate-card` (the same front twice, so a learner cannot tell which answer is
//! wanted) and `empty-answer` (a card with nothing on its back).

use crate::{Finding, Note, Related, Severity, Workspace, postings};
use notedeck_parse::{Card, CardKind};
use std::path::Path;

/// The key two cards collide on: the deck and the front as a learner reads it (tags and
/// spacing removed, case folded). The same front in two decks is not a duplicate (two exams
/// may well ask about `BERT › 장점`). Cards without a front have none, and neither do
/// definition cards: a term is rightly defined again in each exam's notes, and differing
/// definitions are `conflicting-expansion`'s business.
pub fn front_key(card: &Card) -> Option<String> {
    if card.kind == CardKind::Definition {
        return None;
    }
    let front = plain(&card.front);
    if front.is_empty() {
        return None;
    }
    let mut key = card.deck.join("\u{1f}");
    key.push('\u{1e}');
    key.push_str(&front);
    Some(key)
}

/// The cards with key `front`, in path and source order (through the workspace index).
pub fn cards_with<'a>(ws: &'a Workspace, front: &str) -> Vec<(&'a Path, &'a Card)> {
    postings(ws, &ws.index.fronts, front)
        .into_iter()
        .flat_map(|(path, note, positions)| {
            positions
                .iter()
                .filter_map(|&i| note.doc.cards.get(i as usize))
                .map(move |c| (path, c))
        })
        .collect()
}

/// Findings for every card of one key after the first (path, then source order).
pub fn duplicates_among(cards: &[(&Path, &Card)]) -> Vec<Finding> {
    let Some(&(first_path, first)) = cards.first() else {
        return Vec::new();
    };
    cards
        .iter()
        .skip(1)
        .map(|&(path, card)| Finding {
            code: "duplicate-card",
            severity: Severity::Warning,
            message: format!(
                "another card in this deck has the same front \"{}\"; reword one so they can be told apart",
                shorten(&plain_display(&card.front))
            ),
            path: path.to_path_buf(),
            span: card.span.clone(),
            related: vec![Related {
                path: first_path.to_path_buf(),
                span: first.span.clone(),
                message: "the first card with this front".to_string(),
            }],
            fixes: Vec::new(),
        })
        .collect()
}

/// Findings for cards of one note whose answer is empty (cloze cards carry their answer on the
/// front, so they are exempt).
pub fn empty_answers(path: &Path, note: &Note) -> Vec<Finding> {
    note.doc
        .cards
        .iter()
        .filter(|c| c.kind != CardKind::Cloze && is_blank_html(&c.back) && c.images.is_empty())
        .map(|card| Finding {
            code: "empty-answer",
            severity: Severity::Warning,
            message: format!(
                "the card \"{}\" has an empty answer",
                shorten(&plain_display(&card.front))
            ),
            path: path.to_path_buf(),
            span: card.span.clone(),
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

/// Text of an HTML fragment without tags, whitespace-collapsed (for display).
fn plain_display(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text of an HTML fragment with tags and whitespace removed and ASCII case folded (for
/// comparing fronts; Korean has no case).
fn plain(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag && !c.is_whitespace() => out.push(c.to_ascii_lowercase()),
            _ => {}
        }
    }
    out
}

fn shorten(s: &str) -> String {
    const MAX: usize = 60;
    if s.chars().count() <= MAX {
        s.to_string()
    } else {
        let cut: String = s.chars().take(MAX).collect();
        format!("{cut}…")
    }
}
