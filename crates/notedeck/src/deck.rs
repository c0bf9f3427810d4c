//! Parsed cards -> Anki notes and media: the mapping between `notedeck-parse` and
//! `notedeck-anki`, shared by `export` (which writes it) and `cards` (which shows it).
//!
//! Images are resolved relative to the note file's directory. A file that exists is bundled
//! under its content-hashed name and the card's `src` points at that name; a missing file is
//! a warning naming the note and line, and the card is exported with a visible placeholder
//! instead of a broken picture.

use notedeck_anki::{MediaFile, Note, NoteKind, media_name, spell};
use notedeck_ide::cards::drop_missing_image_cards;
use notedeck_ide::vault::{Images, is_remote};
use notedeck_parse::{Card, CardKind, Document, LineIndex, Span};
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use crate::definitions::{Definition, Definitions, carried_terms, definition_name};

/// Everything to export but the notes themselves, gathered file by file in study order: the
/// notes go to the package as they are made (see [`Deck::add_prepared`]).
#[derive(Default)]
pub struct Deck {
    /// Media files referenced by the notes, each once.
    pub media: Vec<MediaFile>,
    /// Things the user should know: missing images, duplicate ids, parse problems.
    pub warnings: Vec<String>,
    /// Parsed cards by kind (`basic`, `cloze`, `table`, `definition`).
    pub by_kind: BTreeMap<&'static str, usize>,
    /// Where each GUID was first seen (index in `files`, line), to catch two cards with the
    /// same id. Not a `path:line` string per card: a 10,000-note vault has over a million
    /// (hence also the faster hash than the standard one).
    seen: foldhash::HashMap<String, (u32, u32)>,
    /// The files added so far, in order.
    files: Vec<PathBuf>,
    /// Notes made so far: the position the next one takes.
    made: usize,
    /// The definition cards of each file (index in `files`) that has some, and the cards
    /// showing a `Name (Expansion)`, until [`Deck::leave_out`] judges them.
    definitions: Vec<(usize, Vec<HeldCard>)>,
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

    /// The part of adding one parsed file that depends on that file only: its cards turned
    /// into Anki's text, its images resolved. `file` is the note's path as given on the
    /// command line; `text` is its content (for the lines of parse problems). It reads no
    /// state of the deck, so export runs it on the parsing threads; [`Deck::add_prepared`]
    /// then adds the files in order.
    pub fn prepare(&self, file: &Path, text: &str, mut doc: Document) -> Prepared {
        let lines = LineIndex::new(text);
        let dropped = drop_missing_image_cards(&mut doc, file, &self.images);
        let problems = doc
            .problems
            .iter()
            .map(|problem| {
                format!(
                    "{}:{}: {}",
                    file.display(),
                    lines.line_of(problem.span.start) + 1,
                    problem.message
                )
            })
            .chain(dropped.iter().map(|skipped| {
                format!(
                    "{}:{}: no card: {}",
                    file.display(),
                    skipped.line,
                    skipped.reason
                )
            }))
            .collect();
        let file_name = file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| file.display().to_string());
        let title = doc.title;
        let terms = doc.terms;
        let cards = doc
            .cards
            .into_iter()
            .map(|card| {
                let carries = carried_terms(&card, &terms)
                    .into_iter()
                    .map(|t| (t.span.clone(), t.expansion.trim().into()))
                    .collect();
                let mut prepared = self.prepare_card(file, &file_name, &title, card);
                prepared.carries = carries;
                prepared
            })
            .collect();
        Prepared {
            file: file.to_path_buf(),
            problems,
            cards,
        }
    }

    fn prepare_card(&self, file: &Path, file_name: &str, title: &str, card: Card) -> PreparedCard {
        // From here on the card reads as Anki will get it.
        let front = anki_front(&card).into_owned();
        let images = card
            .images
            .iter()
            .filter(|image| !is_remote(&image.url))
            .map(|image| PreparedImage {
                resolved: self.images.resolve(file, &image.path).map_err(|problem| {
                    format!(
                        "{}:{}: {problem}; the card is exported without it",
                        file.display(),
                        image.line,
                    )
                }),
                url: image.url.clone(),
                path: image.path.clone(),
            })
            .collect();
        let context = escape_html(&card.context_path().join(" › "));
        PreparedCard {
            line: card.line,
            definition: definition_name(&card).map(|name| (name.to_string(), card.span.clone())),
            carries: Vec::new(),
            images,
            note: Note {
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
                back: card.back,
                context,
                source: format!("{file_name}:{}", card.line),
                tags: spell::tags(&card.tags),
            },
            kind: card.kind,
        }
    }

    /// Add one file made by [`Deck::prepare`]: its notes are appended to `notes`; files must
    /// come in the order they are studied.
    ///
    /// Its definition cards are among them, but whether one stays can only be told once every
    /// file's terms are known: [`Deck::leave_out`] then names the ones to take back. Holding
    /// every other note until then would keep a whole vault's notes in memory. (So a later
    /// card with the id of a definition card that is then left out is still skipped as its
    /// duplicate: ids are unique unless given by hand, so this asks for a card given a
    /// definition card's id by hand.)
    pub fn add_prepared(&mut self, prepared: Prepared, notes: &mut Vec<Note>) {
        self.warnings.extend(prepared.problems);
        let file = self.files.len();
        let mut held = Vec::new();
        for mut card in prepared.cards {
            let definition = card.definition.take();
            let carries = std::mem::take(&mut card.carries);
            let (line, kind) = (card.line, card.kind);
            let made = self.add_card(file, &prepared.file, card, notes);
            let made = made.then(|| {
                let guid = notes.last().map(|n| n.guid.clone()).unwrap_or_default();
                (self.made - 1, guid)
            });
            let what = match definition {
                Some((name, span)) => Held::Definition { name, span },
                // A card the deck skipped has nothing to take back.
                None if made.is_some() && !carries.is_empty() => Held::Shows {
                    sites: carries.into_boxed_slice(),
                    kind,
                },
                None => continue,
            };
            held.push(HeldCard { line, made, what });
        }
        if !held.is_empty() {
            self.definitions.push((file, held));
        }
        self.files.push(prepared.file);
    }

    /// The positions (among all the notes [`Deck::add_prepared`] made) of the cards
    /// `definitions` leaves out (definition cards, and cards showing an expansion it
    /// rejects), in order; the counts and ids of the deck no longer include them.
    ///
    /// A card that shows rejected expansions in parentheses after their names is offered to
    /// `rewrite` first (its position and the expansions, to write the note again without
    /// them, [`crate::definitions::without_slips`]): when that gives `true`, the card stays, its fact without the
    /// slips. Not a cloze card, whose deletions count their places in its text.
    pub fn leave_out<E>(
        &mut self,
        definitions: &Definitions,
        mut rewrite: impl FnMut(usize, &[&str]) -> Result<bool, E>,
    ) -> Result<Vec<usize>, E> {
        let mut positions = Vec::new();
        for (file, held) in std::mem::take(&mut self.definitions) {
            let Some(path) = self.files.get(file) else {
                continue;
            };
            let verdicts = definitions.judge(
                path,
                held.iter().map(|h| match &h.what {
                    Held::Definition { name, span } => Some(Definition {
                        name,
                        span,
                        line: h.line,
                    }),
                    Held::Shows { .. } => None,
                }),
            );
            for (held, left_out) in held.into_iter().zip(verdicts) {
                let (kind, slip) = match &held.what {
                    Held::Shows { sites, kind } => {
                        let slips = definitions.slips(path, sites);
                        let expansions: Vec<&str> = slips.iter().map(|(e, _)| *e).collect();
                        let slip = (!slips.is_empty())
                            .then(|| (*kind != CardKind::Cloze).then_some(expansions));
                        (*kind, slip)
                    }
                    Held::Definition { .. } => (CardKind::Definition, left_out.map(|_| None)),
                };
                let (Some(expansions), Some((position, guid))) = (slip, held.made) else {
                    continue;
                };
                if let Some(expansions) = expansions
                    && rewrite(position, &expansions)?
                {
                    continue;
                }
                positions.push(position);
                self.seen.remove(&guid);
                let kind = kind_name(kind);
                if let Some(count) = self.by_kind.get_mut(kind) {
                    *count -= 1;
                    if *count == 0 {
                        self.by_kind.remove(kind);
                    }
                }
            }
        }
        Ok(positions)
    }

    /// The GUIDs of the notes made and not left out.
    pub fn guids(&self) -> impl Iterator<Item = &str> {
        self.seen.keys().map(String::as_str)
    }

    /// Whether the card became a note (pushed to `notes`).
    fn add_card(
        &mut self,
        file: usize,
        path: &Path,
        card: PreparedCard,
        notes: &mut Vec<Note>,
    ) -> bool {
        let PreparedCard {
            mut note,
            kind,
            line,
            images,
            definition: _,
            carries: _,
        } = card;
        let location = || format!("{}:{line}", path.display());
        if let Some(&(first_file, first_line)) = self.seen.get(&note.guid) {
            let first_path = self
                .files
                .get(first_file as usize)
                .map_or(path, PathBuf::as_path);
            let first = format!("{}:{first_line}", first_path.display());
            self.warnings.push(format!(
                "{}: card has the same id {:?} as the card at {first}; skipped (give \
                 one of them its own `<!-- id: ... -->`)",
                location(),
                note.guid
            ));
            return false;
        }
        if note.front.trim().is_empty() {
            // Anki skips a note whose first field is empty; say so instead of losing it.
            self.warnings
                .push(format!("{}: card has an empty front; skipped", location()));
            return false;
        }
        // Saturating: a line past 4 billion only blurs a duplicate's warning.
        let at = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        self.seen.insert(note.guid.clone(), (at(file), at(line)));
        *self.by_kind.entry(kind_name(kind)).or_default() += 1;

        let mut targets: HashMap<String, Option<String>> = HashMap::new();
        for image in images {
            let name = match image.resolved {
                Ok(real) => self.bundle(&real),
                Err(warning) => {
                    self.warnings.push(warning);
                    None
                }
            };
            targets.insert(image.url, name.clone());
            targets.insert(image.path, name);
        }
        if !targets.is_empty() {
            note.front = rewrite_images(&note.front, &targets);
            note.back = rewrite_images(&note.back, &targets);
        }
        notes.push(note);
        self.made += 1;
        true
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

/// One file's cards as [`Deck::prepare`] made them, ready for [`Deck::add_prepared`].
pub struct Prepared {
    /// The note's path as given on the command line.
    file: PathBuf,
    /// The parser's problems, as warnings.
    problems: Vec<String>,
    cards: Vec<PreparedCard>,
}

/// A card as Anki will get it, before the deck-wide checks (duplicate ids, empty fronts) and
/// media bundling.
struct PreparedCard {
    note: Note,
    kind: CardKind,
    /// For a definition card: the term's name and the span of its `Name (Expansion)`.
    definition: Option<(String, Span)>,
    /// For any other card: the `Name (Expansion)` sites it shows ([`carried_terms`]), each
    /// with its expansion as written.
    carries: Vec<(Span, Box<str>)>,
    /// Line of the card's block, for warnings.
    line: usize,
    /// Local images, resolved.
    images: Vec<PreparedImage>,
}

/// A card made into a note before its verdict, and where the note went (position, GUID)
/// unless the deck skipped it.
struct HeldCard {
    line: usize,
    made: Option<(usize, String)>,
    what: Held,
}

/// What a held card's verdict reads.
enum Held {
    /// A definition card, as [`Definitions::judge`] reads it: its term's name and the span of
    /// its `Name (Expansion)`.
    Definition { name: String, span: Span },
    /// Another card showing these `Name (Expansion)` sites ([`carried_terms`]), of this kind,
    /// with their expansions as written.
    Shows {
        sites: Box<[(Span, Box<str>)]>,
        kind: CardKind,
    },
}

/// A local image of a card: the link as written and decoded, and the file it resolves to or
/// the warning to give.
struct PreparedImage {
    url: String,
    path: String,
    resolved: Result<PathBuf, String>,
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
