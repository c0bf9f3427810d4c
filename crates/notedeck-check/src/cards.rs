//! Cards: `duplicate-card` (the same front twice, so a learner cannot tell which answer is
//! wanted) and `empty-answer` (a card with nothing on its back).

use crate::{Finding, Note, Related, Severity, Workspace, files_with};
use notedeck_parse::{Card, CardKind};
use std::path::Path;

/// The key two cards collide on: the front as a learner reads it (tags and spacing removed,
/// case folded). Cards without a front have none, and neither do definition cards: a term is
/// rightly defined again in each exam's notes, and differing definitions are
/// `conflicting-expansion`'s business.
pub fn front_key(card: &Card) -> Option<String> {
    if card.kind == CardKind::Definition {
        return None;
    }
    let key = plain(&card.front);
    (!key.is_empty()).then_some(key)
}

/// Findings for every card with front `front` after the first (path, then source order).
pub fn duplicate_cards(ws: &Workspace, front: &str) -> Vec<Finding> {
    let mut cards: Vec<(&Path, &Card)> = Vec::new();
    for (path, note) in files_with(ws, &ws.index.fronts, front) {
        cards.extend(
            note.doc
                .cards
                .iter()
                .filter(|c| front_key(c).as_deref() == Some(front))
                .map(|c| (path, c)),
        );
    }
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
                "another card has the same front \"{}\"; reword one so they can be told apart",
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
        .filter(|c| c.kind != CardKind::Cloze && plain(&c.back).is_empty() && c.images.is_empty())
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

/// [`plain_display`] with case folded and spaces removed (for comparing).
fn plain(html: &str) -> String {
    plain_display(html)
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
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
