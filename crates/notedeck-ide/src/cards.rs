//! Which of a note's parsed cards a deck keeps, where that depends on files the parser never
//! sees. `export` and `cards` both apply it, so the listing shows exactly what Anki gets.

use crate::html::one_line;
use crate::vault::{Images, is_remote};
use notedeck_parse::{Card, CardKind, Document, Skipped};
use std::path::Path;

/// Drop the cards whose whole answer is images that are all missing (`Grad-CAM › 원리` →
/// a picture that was never copied next to the note): in Anki that card asks a question and
/// shows a placeholder. Each becomes a skipped block with the reason, so `cards` lists it and
/// the card comes back once the image is there. The `missing-image` finding is the linter's.
/// Returns the skipped blocks it added.
pub fn drop_missing_image_cards(doc: &mut Document, note: &Path, images: &Images) -> Vec<Skipped> {
    if doc.cards.iter().all(|c| c.images.is_empty()) {
        return Vec::new();
    }
    let mut dropped = Vec::new();
    doc.cards.retain(|card| {
        if !answer_is_missing_images(card, note, images) {
            return true;
        }
        let names: Vec<&str> = card.images.iter().map(|im| im.path.as_str()).collect();
        dropped.push(Skipped {
            span: card.span.clone(),
            line: card.line,
            reason: format!(
                "its answer is only an image, and the image is missing ({}); the card comes \
                 back when the image is next to the note",
                names.join(", ")
            ),
        });
        false
    });
    if !dropped.is_empty() {
        doc.skipped.extend(dropped.iter().cloned());
        doc.skipped.sort_by_key(|s| s.span.start);
    }
    dropped
}

fn answer_is_missing_images(card: &Card, note: &Path, images: &Images) -> bool {
    card.kind != CardKind::Cloze
        && !card.images.is_empty()
        && one_line(&card.back).is_empty()
        && card
            .images
            .iter()
            .all(|im| !is_remote(&im.url) && !images.exists(note, &im.path))
}
