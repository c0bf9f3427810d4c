//! Hover: a term's expansion and where it is defined; on a card's line, the card.

use notedeck_parse::{Card, Span};
use std::path::Path;

use crate::analysis::{Analysis, card_at, word_span};
use crate::html::plain_text;
use crate::terms::{Site, TermInfo};

/// What to show for a hover, as Markdown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hover {
    /// The text, in Markdown.
    pub markdown: String,
    /// The word the hover is about (the term under the cursor), if any.
    pub span: Option<Span>,
}

impl Analysis<'_> {
    /// The hover at byte `offset` of `path`, or `None` where there is nothing to say.
    pub fn hover(&self, path: &Path, offset: usize) -> Option<Hover> {
        let note = self.ws.get(path)?;
        let mut parts = Vec::new();
        let mut span = None;
        if let Some(name) = self.ws.term_at(path, offset)
            && let Some(term) = self.terms.term(self.ws, &name)
        {
            parts.push(self.term_markdown(&term));
            span = word_span(&note.text, &note.lines, offset, &name);
        }
        if let Some(card) = card_at(&note.doc.cards, offset) {
            let mut md = card_markdown(card);
            if let Some(review) = self.card_review_markdown(card) {
                md.push_str("\n\n");
                md.push_str(&review);
            }
            parts.push(md);
        }
        (!parts.is_empty()).then(|| Hover {
            markdown: parts.join("\n\n---\n\n"),
            span,
        })
    }

    /// The expansion the notes agree on, where it is defined, and any other expansion written.
    fn term_markdown(&self, term: &TermInfo) -> String {
        let known = &term.known;
        let mut md = format!("**{}** — {}", known.name, known.expansion);
        let kind = if known.site.is_heading {
            "Defined in"
        } else {
            "Written in"
        };
        md.push_str(&format!("\n\n{kind} {}", self.site_place(&known.site)));
        if !term.variants.is_empty() {
            md.push_str("\n\nAlso expanded as:");
            for (expansion, site, count) in &term.variants {
                let times = if *count > 1 {
                    format!(", {count} times")
                } else {
                    String::new()
                };
                md.push_str(&format!(
                    "\n- \"{expansion}\" ({}{times})",
                    self.site_place(site)
                ));
            }
        }
        md
    }

    fn site_place(&self, site: &Site) -> String {
        self.place(&site.path, site.span.start)
    }
}

fn card_markdown(card: &Card) -> String {
    let kind = format!("{:?}", card.kind).to_lowercase();
    let mut md = format!("**Card** ({kind})");
    if !card.path.is_empty() {
        md.push_str(&format!(" · {}", card.path.join(" › ")));
    }
    md.push_str(&format!(
        "\n\n**Front:** {}",
        plain_text(&notedeck_parse::marked_front(card))
    ));
    if !card.back.is_empty() {
        md.push_str(&format!("\n\n**Back:** {}", plain_text(&card.back)));
    }
    md
}
