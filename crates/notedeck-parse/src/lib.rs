//! Markdown study notes -> [`Document`]: an outline a person would agree with, atomic
//! [`Card`]s, [`Term`]s (`Name (Expansion)`) and [`Claim`]s (subject › attribute = value),
//! each carrying the byte span of the source it came from.
//!
//! The crate is pure (no files, no LSP, no Anki) and never fails: [`parse`] returns what it
//! found plus [`Problem`]s, for any input string.
//!
//! The outline and card rules (what becomes a topic, a facet, a card; what is skipped and
//! why; how ids are made) are described in `docs/rules.md`, "Parser: outline and card
//! rules". [`listing()`] prints a parsed note compactly for review; [`math`] holds the pasted
//! KaTeX detection the checker also uses.

#![warn(missing_docs)]

use serde::{Deserialize, Serialize};
use std::ops::Range;
use std::sync::Arc;

mod build;
pub mod counts;
pub mod implied;
mod listing;
pub mod math;
mod position;
mod terms;
mod tree;
mod unread_images;

pub use build::{card_id, name_key};
pub use implied::{FormulaSlip, implied_formula_slips};
pub use listing::{listing, marked_front};
pub use math::{PastedKatex, pasted_katex};
pub use position::{LineIndex, Position, line_bounds, split_lines};
pub use unread_images::{UnreadImage, unread_images};

/// Byte range into the source text.
pub type Span = Range<usize>;

/// Everything found in one Markdown file.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Document {
    /// The document title: the first `#` heading, or the file stem given to [`parse`].
    pub title: String,
    /// Sections in source order; [`Section::parent`] indexes into this vector.
    pub sections: Vec<Section>,
    /// Cards in source order (the order they should be studied in).
    pub cards: Vec<Card>,
    /// `Name (Expansion)` definitions found anywhere in the text.
    pub terms: Vec<Term>,
    /// Attribute claims (bullets, table cells, formulas) for conflict checks.
    pub claims: Vec<Claim>,
    /// Every image reference, carded or not.
    pub images: Vec<ImageRef>,
    /// Blocks that were deliberately not turned into cards, and why.
    pub skipped: Vec<Skipped>,
    /// Things in the input the parser could not make sense of.
    pub problems: Vec<Problem>,
}

/// What role a heading (or bold-only paragraph acting as a heading) plays in the outline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SectionKind {
    /// The document title (`# 역량평가 정리`).
    Title,
    /// An exam problem: `문제 9`, `문항10`, whatever its heading level.
    Problem,
    /// A topic within a problem: `## **1. BERT (...)**`, `**DARTS (...)**`.
    Topic,
    /// A facet of a topic: `### 3. 장점`.
    Facet,
}

/// One node of the inferred outline.
#[derive(Debug, Clone, Serialize)]
pub struct Section {
    /// The role of this section in the outline.
    pub kind: SectionKind,
    /// Heading text as shown to a person: markup and numbering (`1.`) removed.
    pub title: String,
    /// Markdown heading level as written (1–6); 0 for a bold-only paragraph heading.
    pub level: u8,
    /// Index of the enclosing section in [`Document::sections`].
    pub parent: Option<usize>,
    /// Span of the heading line itself.
    pub heading_span: Span,
    /// Span from the heading to the start of the next section at the same or a higher rank.
    pub span: Span,
    /// For a problem: what it is about, when the note names it in a short line right under
    /// the heading (`XAI` under `### 문항12`, `overfitting vs underfitting` under 문항 22).
    /// Shown in outlines; not part of card paths, so it never changes an id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// Span of that line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject_span: Option<Span>,
}

/// The shape of a card, which decides its Anki note type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CardKind {
    /// Front/back from a bold-label bullet, a facet section or a tip.
    Basic,
    /// Cloze deletion: [`Card::cloze`] marks the parts of the front the card hides.
    Cloze,
    /// One cell of a comparison table.
    Table,
    /// A term and its expansion.
    Definition,
}

/// One atomic flashcard.
///
/// Its lists are boxed slices and its pin a boxed string: a large note makes drafts by the
/// hundred thousand before merging them, and most have no deletion, image or pin, so every
/// byte inline counts where the spare capacity of a vector never does.
#[derive(Debug, Clone, Serialize)]
pub struct Card {
    /// The card's note type.
    pub kind: CardKind,
    /// Stable identity (Anki GUID): the `<!-- id: ... -->` pin if present, otherwise a hash of
    /// (deck namespace, heading path, card key). Never derived from the answer text.
    pub id: String,
    /// Key distinguishing this card among its siblings under the same heading path
    /// (e.g. the bullet label, or `row › column` of a table cell).
    pub key: String,
    /// Deck path, outermost first: `["역량평가 정리", "문제 9"]`. Shared by the cards of a
    /// section (as are [`Card::path`] and [`Card::tags`]): a note makes cards by the
    /// hundred thousand, and a copy of each list per card was a fifth of a parse's memory.
    pub deck: Arc<[String]>,
    /// Heading path of the card (problem, topic, facet titles), outermost first. The card's
    /// id is hashed from it, so it is where the card sits in the notes, whatever it is shown
    /// under (see [`Card::context`]).
    pub path: Arc<[String]>,
    /// What the card is shown under (Anki's Context field) when that is not [`Card::path`]:
    /// a comparison table's cells belong to the nearest section holding every topic the table
    /// compares, not to the sibling section it happens to sit in. `None` for every other card.
    /// Read it through [`Card::context_path`].
    pub context: Option<Arc<[String]>>,
    /// Front as HTML (math as MathJax `\(..\)` / `\[..\]`). A cloze card's front is the
    /// whole text, hidden parts included, without any cloze syntax: see [`Card::cloze`].
    pub front: String,
    /// Back as HTML; empty for cloze cards whose text is all on the front.
    pub back: String,
    /// For a cloze card, the parts of [`Card::front`] it hides, in order; empty otherwise.
    pub cloze: Box<[Deletion]>,
    /// Tags as plain names: the problem and topic short titles (`문제 9`, `BERT`). How a
    /// tag is spelled for a flashcard program (no spaces in Anki) is the exporter's business.
    pub tags: Arc<[String]>,
    /// Source span of the block the card came from.
    pub span: Span,
    /// 1-based line of `span.start`.
    pub line: usize,
    /// The explicit id pin, if the note carries one for this card.
    pub pinned_id: Option<Box<str>>,
    /// Images referenced by the card's front or back.
    pub images: Box<[ImageRef]>,
}

impl Card {
    /// What the card is shown under: [`Card::context`], else its heading path.
    pub fn context_path(&self) -> &[String] {
        self.context.as_deref().unwrap_or(&*self.path)
    }
}

/// One hidden part of a cloze card's front.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Deletion {
    /// Deletion number, from 1. Parts with the same number are hidden (and asked) together.
    pub number: u32,
    /// Byte range of the hidden part in [`Card::front`], on character boundaries. Ranges are
    /// in front order and never overlap; a part may be empty (its text was all left out).
    pub range: Range<usize>,
}

/// `Name (Expansion)`: an acronym or name with its spelled-out form.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Term {
    /// The short name as written: `LoRA`.
    pub name: String,
    /// The expansion as written, markup removed: `Low-Rank Adaptation`.
    pub expansion: String,
    /// Span of the whole `Name (Expansion)` text.
    pub span: Span,
    /// Span of the name only.
    pub name_span: Span,
    /// Span of the expansion only: inside the parentheses for `Name (Expansion)`, before
    /// them for `Expansion (NAME)` (`Masked Language Modeling (MLM)`).
    pub expansion_span: Span,
    /// True when the term names a section (heading or bold heading) rather than a passing
    /// mention; such a place is the term's definition site. A bold run that is exactly the
    /// term (`**Global Average Pooling (GAP)**`) counts as well.
    pub is_heading: bool,
    /// For a term titling a heading: the text under that heading, up to the next heading of
    /// the same or a higher rank. What a note writes about a name there tells which of two
    /// spellings of its expansion the note means.
    pub section: Option<Span>,
}

/// Where a [`Claim`] was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ClaimOrigin {
    /// `- **label**: value` under a topic.
    Bullet,
    /// A comparison table cell.
    TableCell,
    /// A formula line such as `ΔW = A × B`.
    Formula,
}

/// "subject › attribute = value", comparable across places in the notes.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Claim {
    /// What the claim is about (topic or table row subject): `Score-CAM`.
    pub subject: String,
    /// The attribute label: `계산량`.
    pub attribute: String,
    /// The value as plain text: `많음 (채널 수 × forward)`.
    pub value: String,
    /// Kind of place the claim came from.
    pub origin: ClaimOrigin,
    /// Span of the whole claim (bullet line or cell).
    pub span: Span,
    /// Span of the value text.
    pub value_span: Span,
}

/// An image link as written in the note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImageRef {
    /// The URL as written (percent-encoded): `%EC%97%AD.../image.png`.
    pub url: String,
    /// The URL percent-decoded into a relative path: `역량평가 정리 .../image.png`.
    pub path: String,
    /// Alt text.
    pub alt: String,
    /// Span of the whole `![..](..)`.
    pub span: Span,
    /// 1-based line.
    pub line: usize,
}

impl ImageRef {
    /// Whether the image lives elsewhere than the notes folder (see [`is_remote_url`]).
    pub fn is_remote(&self) -> bool {
        is_remote_url(&self.url)
    }
}

/// Whether a link points somewhere other than the notes folder: a URL with a scheme
/// (`https:`, `data:`) or a protocol-relative `//host/x.png`. Such images are neither looked
/// up nor bundled. A one-letter "scheme" is a Windows drive (`C:\x.png`), not a URL.
pub fn is_remote_url(url: &str) -> bool {
    if url.starts_with("//") {
        return true;
    }
    url.split_once(':').is_some_and(|(scheme, _)| {
        scheme.len() > 1
            && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    })
}

/// The usable `<!-- id: … -->` pins of `text` in source order: (id, span of the comment). A
/// pin is its card's Anki note id; the parse gives a second card pinned with the same id its
/// own id instead, so a rule reading these can say so where only the pins are at hand.
pub fn id_pins(text: &str) -> Vec<(String, Span)> {
    let mut pins: Vec<(String, Span)> = build::scan_pins(text).0.into_values().collect();
    pins.sort_by_key(|(_, span)| span.start);
    pins
}

/// A block that was not turned into a card.
#[derive(Debug, Clone, Serialize)]
pub struct Skipped {
    /// Span of the block.
    pub span: Span,
    /// 1-based line.
    pub line: usize,
    /// Why, in the user's words: `prose paragraph longer than 300 characters`.
    pub reason: String,
}

/// Something the parser noticed but could not handle.
#[derive(Debug, Clone, Serialize)]
pub struct Problem {
    /// Span of the offending text.
    pub span: Span,
    /// What is wrong and what to do.
    pub message: String,
}

/// Parse one Markdown file. `fallback_title` (usually the file stem) is used when the text
/// has no `#` heading. Never panics; never fails.
///
/// A note of 4 GiB or more is read up to there (and the rest reported as a [`Problem`]):
/// the parse keeps its offsets in 32 bits, which halves its memory for every other note.
pub fn parse(text: &str, fallback_title: &str) -> Document {
    parse_with_lines(text, fallback_title).0
}

/// [`parse`], and the [`LineIndex`] of `text`, which the parse makes anyway: a caller that
/// needs both (the checker's notes) does not index every note twice.
pub fn parse_with_lines(text: &str, fallback_title: &str) -> (Document, LineIndex) {
    parse_lines_skipped(text, fallback_title, true, true)
}

/// [`parse_with_lines`] without recording the blocks not carded ([`Document::skipped`] is
/// empty): the same cards, claims and problems, for a holder that never lists those blocks
/// (an editor). On a large note they are a hundred thousand reasons formatted while the
/// parse is at its largest.
pub fn parse_without_skipped(text: &str, fallback_title: &str) -> (Document, LineIndex) {
    parse_lines_skipped(text, fallback_title, false, true)
}

/// [`parse_without_skipped`] without card identity: every [`Card::id`] is empty, keys are not
/// made unique (`key#2`), `<!-- id: … -->` pins are neither read nor checked, and no
/// [`Problem`] is reported about them. The same cards otherwise (kind, span, deck, path,
/// sides, images), for a holder that keeps only what the checker reads of them: hashing an
/// id for every card of a vault that nobody exports was a twentieth of a lint.
pub fn parse_without_identity(text: &str, fallback_title: &str) -> (Document, LineIndex) {
    parse_lines_skipped(text, fallback_title, false, false)
}

fn parse_lines_skipped(
    text: &str,
    fallback_title: &str,
    keep_skipped: bool,
    ids: bool,
) -> (Document, LineIndex) {
    let mut cut = text.len().min(MAX_NOTE_BYTES);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let (mut doc, mut lines) =
        build::parse_document(&text[..cut], fallback_title, keep_skipped, ids);
    if cut < text.len() {
        doc.problems.push(Problem {
            span: cut..text.len(),
            message: format!("the note is read up to its first {MAX_NOTE_BYTES} bytes"),
        });
        lines = LineIndex::new(text);
    }
    doc.shrink_to_fit();
    (doc, lines)
}

impl Document {
    /// Innermost section containing byte `offset` (its heading or its body).
    pub(crate) fn section_at(&self, offset: usize) -> Option<usize> {
        let secs = &self.sections;
        let mut i = secs
            .partition_point(|s| s.heading_span.start <= offset)
            .checked_sub(1)?;
        loop {
            if secs[i].span.contains(&offset) || secs[i].heading_span.contains(&offset) {
                return Some(i);
            }
            i = secs[i].parent?;
        }
    }

    /// Free the room the lists were grown with. A document lives as long as its note is
    /// open, and the cards are collected in place from the rules' drafts, which keeps the
    /// drafts' room: on a 20 MB note, 48 MB for 12,000 cards that need 3.5 MB.
    fn shrink_to_fit(&mut self) {
        self.sections.shrink_to_fit();
        self.cards.shrink_to_fit();
        self.terms.shrink_to_fit();
        self.claims.shrink_to_fit();
        self.images.shrink_to_fit();
        self.skipped.shrink_to_fit();
        self.problems.shrink_to_fit();
    }
}

/// The longest text [`parse`] reads: every offset it keeps fits in a `u32`.
const MAX_NOTE_BYTES: usize = u32::MAX as usize - 1;
