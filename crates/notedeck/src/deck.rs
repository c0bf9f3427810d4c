//! Parsed cards -> Anki notes and media: the mapping between `notedeck-parse` and
//! `notedeck-anki`, shared by `export` (which writes it) and `cards` (which shows it).
//!
//! Images are resolved relative to the note file's directory. A file that exists is bundled
//! under its content-hashed name and the card's `src` points at that name; a missing file is
//! a warning naming the note and line, and the card is exported with a visible placeholder
//! instead of a broken picture.

use notedeck_anki::{MediaFile, Note, NoteKind, media_name, spell};
use notedeck_ide::vault::{Images, is_remote};
use notedeck_parse::{Card, CardKind, Document, LineIndex};
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// Everything to export, gathered file by file in study order.
#[derive(Default)]
pub struct Deck {
    /// Anki notes in the order they should be studied.
    pub notes: Vec<Note>,
    /// Media files referenced by the notes, each once.
    pub media: Vec<MediaFile>,
    /// Things the user should know: missing images, duplicate ids, parse problems.
    pub warnings: Vec<String>,
    /// Parsed cards by kind (`basic`, `cloze`, `table`, `definition`).
    pub by_kind: BTreeMap<&'static str, usize>,
    /// Where each GUID was first seen, to catch two cards with the same id.
    seen: HashMap<String, String>,
    /// Media already bundled, by path on disk.
    media_by_path: HashMap<PathBuf, Option<String>>,
    /// Where images may be read from.
    images: Images,
}

impl Deck {
    /// An empty deck whose images are resolved (and confined) by `images`.
    pub fn new(images: Images) -> Deck {
        Deck {
            images,
            ..Deck::default()
        }
    }

    /// Add the cards of one parsed file. `file` is the note's path as given on the command
    /// line; `text` is its content (for the lines of parse problems).
    pub fn add_document(&mut self, file: &Path, text: &str, doc: Document) {
        let lines = LineIndex::new(text);
        for problem in &doc.problems {
            self.warnings.push(format!(
                "{}:{}: {}",
                file.display(),
                lines.line_of(problem.span.start) + 1,
                problem.message
            ));
        }
        let file_name = file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| file.display().to_string());
        for card in doc.cards {
            self.add_card(file, &file_name, &doc.title, card);
        }
    }

    fn add_card(&mut self, file: &Path, file_name: &str, title: &str, mut card: Card) {
        // From here on the card reads as Anki will get it.
        card.front = anki_front(&card).into_owned();
        card.tags = spell::tags(&card.tags);
        let location = format!("{}:{}", file.display(), card.line);
        if let Some(first) = self.seen.get(&card.id) {
            self.warnings.push(format!(
                "{location}: card has the same id {:?} as the card at {first}; skipped (give \
                 one of them its own `<!-- id: ... -->`)",
                card.id
            ));
            return;
        }
        if card.front.trim().is_empty() {
            // Anki skips a note whose first field is empty; say so instead of losing it.
            self.warnings
                .push(format!("{location}: card has an empty front; skipped"));
            return;
        }
        self.seen.insert(card.id.clone(), location.clone());
        *self.by_kind.entry(kind_name(card.kind)).or_default() += 1;

        let mut targets: HashMap<String, Option<String>> = HashMap::new();
        for image in &card.images {
            if is_remote(&image.url) {
                continue;
            }
            let name = match self.images.resolve(file, &image.path) {
                Ok(real) => self.bundle(&real),
                Err(problem) => {
                    self.warnings.push(format!(
                        "{}:{}: {problem}; the card is exported without it",
                        file.display(),
                        image.line,
                    ));
                    None
                }
            };
            targets.insert(image.url.clone(), name.clone());
            targets.insert(image.path.clone(), name);
        }
        let (front, back) = if targets.is_empty() {
            (card.front, card.back)
        } else {
            (
                rewrite_images(&card.front, &targets),
                rewrite_images(&card.back, &targets),
            )
        };
        self.notes.push(Note {
            guid: card.id,
            kind: match card.kind {
                CardKind::Cloze => NoteKind::Cloze,
                _ => NoteKind::Basic,
            },
            deck: if card.deck.is_empty() {
                title.to_string()
            } else {
                card.deck.join("::")
            },
            front,
            back,
            context: escape_html(&card.path.join(" › ")),
            source: format!("{file_name}:{}", card.line),
            tags: card.tags,
        });
    }

    /// The media name for a file, bundling it on first use; `None` when it cannot be read.
    fn bundle(&mut self, path: &Path) -> Option<String> {
        if let Some(known) = self.media_by_path.get(path) {
            return known.clone();
        }
        let name = path.is_file().then(|| media_name(path).ok()).flatten();
        if let Some(name) = &name
            && !self.media.iter().any(|m| &m.name == name)
        {
            self.media.push(MediaFile {
                name: name.clone(),
                path: path.to_path_buf(),
            });
        }
        self.media_by_path.insert(path.to_path_buf(), name.clone());
        name
    }
}

/// The JSON/CLI name of a card kind.
pub fn kind_name(kind: CardKind) -> &'static str {
    match kind {
        CardKind::Basic => "basic",
        CardKind::Cloze => "cloze",
        CardKind::Table => "table",
        CardKind::Definition => "definition",
    }
}

/// A card's front as Anki text: a cloze card's hidden parts written as deletions.
pub fn anki_front(card: &Card) -> Cow<'_, str> {
    if card.cloze.is_empty() {
        return Cow::Borrowed(&card.front);
    }
    let deletions = card.cloze.iter().map(|d| (d.number, d.range.clone()));
    Cow::Owned(spell::cloze_text(&card.front, deletions))
}

/// Point every `<img src=...>` whose source is in `targets` at its bundled name, or replace
/// the picture by a visible placeholder when the file is missing. Other HTML is untouched.
fn rewrite_images(html: &str, targets: &HashMap<String, Option<String>>) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<img") {
        let Some(len) = rest[start..].find('>') else {
            break;
        };
        let tag = &rest[start..=start + len];
        out.push_str(&rest[..start]);
        rest = &rest[start + len + 1..];
        let Some((before, src, after)) = split_attr(tag, "src") else {
            out.push_str(tag);
            continue;
        };
        match targets.get(&src.replace("&amp;", "&")) {
            Some(Some(name)) => {
                out.push_str(before);
                out.push_str(name);
                out.push_str(after);
            }
            Some(None) => {
                let alt = split_attr(tag, "alt")
                    .map(|(_, alt, _)| alt)
                    .filter(|alt| !alt.is_empty())
                    .unwrap_or("image");
                out.push_str("<span class=\"nd-missing\">[missing image: ");
                out.push_str(alt);
                out.push_str("]</span>");
            }
            None => out.push_str(tag),
        }
    }
    out.push_str(rest);
    out
}

/// Split a tag around the value of a double-quoted attribute: (up to the opening quote,
/// value, from the closing quote).
fn split_attr<'a>(tag: &'a str, attr: &str) -> Option<(&'a str, &'a str, &'a str)> {
    let key = format!(" {attr}=\"");
    let at = tag.find(&key)? + key.len();
    let len = tag[at..].find('"')?;
    Some((&tag[..at], &tag[at..at + len], &tag[at + len..]))
}

fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    const URL: &str = "%EC%97%AD%EB%9F%89%ED%8F%89%EA%B0%80%20%EC%A0%95%EB%A6%AC%2024f4d6b253d380f4a698df83390921af/image.png";

    #[test]
    fn bundled_images_point_at_their_media_name_and_missing_ones_become_placeholders() {
        let html = format!("Grad-CAM 구조<br><img src=\"{URL}\" alt=\"image.png\" /> 끝");
        let mut targets = HashMap::new();
        targets.insert(
            URL.to_string(),
            Some("notedeck-0123456789abcdef.png".to_string()),
        );
        assert_eq!(
            rewrite_images(&html, &targets),
            "Grad-CAM 구조<br><img src=\"notedeck-0123456789abcdef.png\" alt=\"image.png\" /> 끝"
        );
        targets.insert(URL.to_string(), None);
        assert_eq!(
            rewrite_images(&html, &targets),
            "Grad-CAM 구조<br><span class=\"nd-missing\">[missing image: image.png]</span> 끝"
        );
        let other = "<img src=\"https://example.com/x.png\">";
        assert_eq!(rewrite_images(other, &targets), other);
    }
}
