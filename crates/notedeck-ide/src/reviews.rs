//! The student's Anki review state in the editor: a lens per card line and per section, the
//! state in full on hover, and a diagnostic on each leech.
//!
//! The state comes from a [`Collection`] read by `notedeck_anki::collection` (a private copy of
//! the student's collection); the host swaps in a new one when the collection changes.

use notedeck_anki::collection::{CardReview, Collection, Due, NoteReview, State, civil_date};
use notedeck_check::Severity;
use notedeck_parse::{Card, Span};
use std::path::Path;

use crate::analysis::{Analysis, line_span};

/// How many reviews a hover lists.
const LAST_REVIEWS: usize = 5;

/// A card the student keeps forgetting, to flag in the note.
#[derive(Debug, Clone, PartialEq)]
pub struct Leech {
    /// The card's first line in the note.
    pub span: Span,
    /// `forgotten 9×: rewrite or split this card`.
    pub message: String,
    /// As the editor setting says (information by default).
    pub severity: Severity,
}

impl Analysis<'_> {
    /// The one-line state of a card of the notes: `review · due in 5 d · R 87% · 2 lapses`,
    /// or `not in Anki yet`. `None` without a collection.
    pub fn card_state_line(&self, card: &Card) -> Option<String> {
        let collection = self.reviews?;
        Some(match collection.note(&card.id) {
            None => "not in Anki yet".to_string(),
            Some(note) => note_line(note),
        })
    }

    /// The section lens with review state: `12 cards · 3 due · 1 leech`.
    pub(crate) fn section_title(&self, path: &Path, section: &Span, cards: usize) -> String {
        let count = if cards == 1 {
            "1 card".to_string()
        } else {
            format!("{cards} cards")
        };
        let (Some(collection), Some(note)) = (self.reviews, self.ws.get(path)) else {
            return count;
        };
        let (mut due, mut leeches, mut missing) = (0, 0, 0);
        for card in note
            .doc
            .cards
            .iter()
            .filter(|c| section.contains(&c.span.start))
        {
            match collection.note(&card.id) {
                None => missing += 1,
                Some(n) => {
                    due += n.cards().filter(|&c| is_due_today(c)).count();
                    leeches += usize::from(n.cards().any(|c| c.leech()));
                }
            }
        }
        let mut title = format!("{count} · {due} due");
        if leeches > 0 {
            title.push_str(&format!(
                " · {leeches} leech{}",
                if leeches == 1 { "" } else { "es" }
            ));
        }
        if missing > 0 {
            title.push_str(&format!(" · {missing} not in Anki"));
        }
        title
    }

    /// Markdown for a hover on a card: its state in full and its last reviews.
    pub(crate) fn card_review_markdown(&self, card: &Card) -> Option<String> {
        let collection = self.reviews?;
        let Some(note) = collection.note(&card.id) else {
            return Some(
                "**In Anki:** not yet (export and import the deck to study this card)".into(),
            );
        };
        let mut md = String::new();
        for c in note.cards() {
            if !md.is_empty() {
                md.push_str("\n\n");
            }
            md.push_str(&format!("**In Anki:** {}", card_line(c)));
            let mut facts = vec![
                format!("interval {} d", c.interval_days()),
                format!("{} reviews", c.reps()),
                format!("{} lapses", c.lapses()),
            ];
            if let Some(at) = c.last_review_s() {
                facts.push(format!("last {}", civil_date(at.div_euclid(86_400))));
            }
            if let (Some(s), Some(d)) = (c.stability(), c.difficulty()) {
                facts.push(format!("stability {s:.1} d, difficulty {d:.1}"));
            }
            md.push_str(&format!("\n\n{}", facts.join(" · ")));
            let recent: Vec<String> = c
                .reviews()
                .iter()
                .rev()
                .take(LAST_REVIEWS)
                .map(|r| {
                    format!(
                        "{} {}",
                        civil_date(r.at_s.div_euclid(86_400)),
                        ["", "Again", "Hard", "Good", "Easy"]
                            .get(usize::from(r.ease))
                            .unwrap_or(&"?")
                    )
                })
                .collect();
            if !recent.is_empty() {
                md.push_str(&format!("\n\nLast reviews: {}", recent.join(", ")));
            }
        }
        md.push_str(&format!("\n\nIn Anki's browser: `nid:{}`", note.note_id()));
        Some(md)
    }

    /// The leeches among the cards of `path` (an open note: closed ones keep no cards).
    pub fn leeches(&self, path: &Path) -> Vec<Leech> {
        let (Some(collection), Some(note)) = (self.reviews, self.ws.get(path)) else {
            return Vec::new();
        };
        note.doc
            .cards
            .iter()
            .filter_map(|card| {
                let anki = collection.note(&card.id)?;
                let lapses: i64 = anki
                    .cards()
                    .filter(|c| c.leech())
                    .map(|c| c.lapses())
                    .max()?;
                Some(Leech {
                    span: line_span(&note.text, &note.lines, card.span.start),
                    message: format!(
                        "forgotten {lapses}× in Anki: rewrite or split this card (nid:{})",
                        anki.note_id()
                    ),
                    severity: self.leech_severity,
                })
            })
            .collect()
    }
}

/// A note's state in one line: the card due first (or the only one).
fn note_line(note: NoteReview<'_>) -> String {
    let first = note
        .cards()
        .filter(|c| !c.suspended())
        .min_by_key(|c| due_rank(&c.due()))
        .or_else(|| note.cards().next());
    let Some(card) = first else {
        return "in Anki, no cards".to_string();
    };
    let mut line = card_line(card);
    if note.cards().len() > 1 {
        line.push_str(&format!(" · {} cards", note.cards().len()));
    }
    line
}

/// One Anki card in one line: `review · due in 5 d · R 87% · 2 lapses · leech`.
fn card_line(card: CardReview<'_>) -> String {
    let state = match card.state() {
        State::New => "new",
        State::Learning => "learning",
        State::Review => "review",
        State::Relearning => "relearning",
    };
    let mut parts = vec![state.to_string()];
    if card.suspended() {
        parts.insert(0, "suspended".into());
    } else if card.buried() {
        parts.insert(0, "buried".into());
    }
    match &card.due() {
        Due::New { .. } => {}
        Due::Minutes { in_minutes } if *in_minutes <= 0 => parts.push("due now".into()),
        Due::Minutes { in_minutes } => parts.push(format!("due in {in_minutes} min")),
        Due::Day { in_days: 0, .. } => parts.push("due today".into()),
        Due::Day { in_days, .. } if *in_days < 0 => parts.push(format!("overdue {} d", -in_days)),
        Due::Day { in_days, .. } => parts.push(format!("due in {in_days} d")),
    }
    if let Some(r) = card.retrievability() {
        parts.push(format!("R {:.0}%", r * 100.0));
    }
    let lapses = card.lapses();
    if lapses > 0 {
        parts.push(format!(
            "{} lapse{}",
            lapses,
            if lapses == 1 { "" } else { "s" }
        ));
    }
    if card.leech() {
        parts.push("leech".into());
    }
    parts.join(" · ")
}

/// Order of urgency: learning steps by minutes, then review days, then new cards.
fn due_rank(due: &Due) -> (u8, i64) {
    match due {
        Due::Minutes { in_minutes } => (0, *in_minutes),
        Due::Day { in_days, .. } => (1, *in_days),
        Due::New { position } => (2, *position),
    }
}

/// Due by the end of Anki's day (learning steps within a day count); never while suspended
/// or buried.
pub fn is_due_today(card: CardReview<'_>) -> bool {
    if card.suspended() || card.buried() {
        return false;
    }
    match card.due() {
        Due::New { .. } => false,
        Due::Minutes { in_minutes } => in_minutes < 24 * 60,
        Due::Day { in_days, .. } => in_days <= 0,
    }
}

/// The notes in `collection` that notedeck made and whose card ids are not in `ids`, sorted by
/// note id, with the Anki search that finds them (`nid:1,2,3`).
pub fn orphans<'a>(
    collection: &'a Collection,
    ids: &std::collections::HashSet<String>,
) -> (Vec<(&'a str, NoteReview<'a>)>, String) {
    let mut out: Vec<(&str, NoteReview<'a>)> = collection
        .notes()
        .filter(|note| !ids.contains(note.guid()))
        .map(|note| (note.guid(), note))
        .collect();
    out.sort_by_key(|(_, note)| note.note_id());
    let search = if out.is_empty() {
        String::new()
    } else {
        let ids: Vec<String> = out.iter().map(|(_, n)| n.note_id().to_string()).collect();
        format!("nid:{}", ids.join(","))
    };
    (out, search)
}
