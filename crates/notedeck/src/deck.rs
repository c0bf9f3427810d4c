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
use notedeck_parse::{Card, CardKind, Document, LineIndex, Skipped, Span, Term};
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

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
    /// them, [`without_slips`]): when that gives `true`, the card stays, its fact without the
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

/// Which definition cards the notes get: none made from an expansion the checker reports
/// (`conflicting-expansion`, `acronym-mismatch`: such a card would teach what lint rejects,
/// `LoRA → Row-rank Adaptation` next to `LoRA → Low-Rank Adaptation`), and one per name per
/// note, the first left. Export and `notedeck cards` both ask it, so they agree.
///
/// Only cards are left out, after the parser gave every card its id: the ids of the others
/// do not change, and a card left out comes back with its own id once the text is fixed.
///
/// Any other card showing an expansion the checker reports as conflicting or misspelt
/// (`GIN (Graph Invariant Network)` in an interview answer, where the note says Graph
/// Isomorphism Network twice) is shown without it ([`without_slips`]), or, where that cannot
/// be done (a cloze card, the expansion written otherwise too), left out: it would teach the
/// slip. Fixed, the card shows the expansion again.
#[derive(Default)]
pub struct Definitions {
    rejected: notedeck_check::RejectedTerms,
}

/// Why a definition card is left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LeftOut {
    /// The checker reports its expansion.
    Rejected,
    /// The note already has a definition card for the name, at this line.
    Repeated(usize),
    /// Not a definition card: it shows this name's expansion as written where the checker
    /// reports it conflicting.
    Shows(String),
    /// Not a definition card: it shows this name's expansion with a word the checker
    /// reports misspelt, one fix in reach.
    ShowsMisspelt(String),
}

impl LeftOut {
    /// The reason, as `notedeck cards` lists it under "not carded".
    pub fn reason(&self, name: &str) -> String {
        match self {
            LeftOut::Rejected => format!(
                "definition of {name} not carded: lint reports its expansion (fix it and the \
                 card comes back)"
            ),
            LeftOut::Repeated(line) => {
                format!("definition of {name} not carded again: it has one at line {line}")
            }
            LeftOut::Shows(name) => format!(
                "shows {name}'s expansion where lint reports it conflicting (fix it and the \
                 card comes back)"
            ),
            LeftOut::ShowsMisspelt(name) => format!(
                "shows {name}'s expansion with a word lint reports misspelt (fix it and the \
                 card comes back)"
            ),
        }
    }
}

impl Definitions {
    /// What the checker needs of one parsed note to judge its terms: the terms and the bits
    /// of the text they are written in, without the cards or the rest of the text (made on
    /// the parsing threads, and held for every file of an export until all are parsed).
    pub fn note(file: &Path, text: &str, doc: &Document) -> (PathBuf, notedeck_check::Note) {
        (
            file.to_path_buf(),
            notedeck_check::Note::for_terms(text, doc.title.clone(), doc.terms.clone()),
        )
    }

    /// [`Definitions::check`] over parsed notes: (file, text, parse) each.
    pub fn of_parsed<'a, P: AsRef<Path> + 'a>(
        parsed: impl Iterator<Item = &'a (P, String, Document)>,
    ) -> Definitions {
        Definitions::check(
            parsed
                .map(|(file, text, doc)| Definitions::note(file.as_ref(), text, doc))
                .collect(),
        )
    }

    /// Check the terms of every note together: a conflict is between notes.
    pub fn check(notes: Vec<(PathBuf, notedeck_check::Note)>) -> Definitions {
        let mut ws = notedeck_check::Workspace::new();
        ws.insert_many(notes);
        Definitions {
            rejected: ws.rejected_terms(),
        }
    }

    /// The expansions among a card's `sites` (span, expansion as written) that lint reports
    /// for `file`, conflicting or misspelt, each with whether it is misspelt (rather than
    /// conflicting); empty when it reports none of them.
    pub fn slips<'s>(&self, file: &Path, sites: &'s [(Span, Box<str>)]) -> Vec<(&'s str, bool)> {
        let reported = |map: &std::collections::BTreeMap<PathBuf, Vec<Span>>, span: &Span| {
            map.get(file).is_some_and(|spans| spans.contains(span))
        };
        sites
            .iter()
            .filter_map(|(span, expansion)| {
                if reported(&self.rejected.conflicting, span) {
                    Some((&**expansion, false))
                } else if reported(&self.rejected.misspelt, span) {
                    Some((&**expansion, true))
                } else {
                    None
                }
            })
            .collect()
    }

    /// Take out of `doc.cards` (the parse of `file`) the definition cards export leaves out,
    /// and the other cards it leaves out for a slip, listing each among the blocks not carded
    /// with the reason; write the cards it keeps without their slips: what `notedeck cards`
    /// and `stats` show is what export makes.
    pub fn apply(&self, file: &Path, doc: &mut Document) {
        let mut verdicts = self.judge(file, doc.cards.iter().map(Definition::of));
        if self.rejected.conflicting.contains_key(file) || self.rejected.misspelt.contains_key(file)
        {
            for (card, verdict) in doc.cards.iter_mut().zip(&mut verdicts) {
                if verdict.is_some() || card.kind == CardKind::Definition {
                    continue;
                }
                let sites: Vec<(Span, Box<str>)> = carried_terms(card, &doc.terms)
                    .into_iter()
                    .map(|t| (t.span.clone(), t.expansion.trim().into()))
                    .collect();
                let slips = self.slips(file, &sites);
                let Some(&(first, misspelt)) = slips.first() else {
                    continue;
                };
                // Shown without the slips, as export writes it ([`Deck::leave_out`]).
                let expansions: Vec<&str> = slips.iter().map(|(e, _)| *e).collect();
                if card.kind != CardKind::Cloze
                    && let Some((front, back)) = without_slips(&card.front, &card.back, &expansions)
                {
                    card.front = front;
                    card.back = back;
                    continue;
                }
                let name = sites
                    .iter()
                    .find(|(_, e)| &**e == first)
                    .and_then(|(span, _)| doc.terms.iter().find(|t| t.span == *span))
                    .map(|t| t.name.clone())
                    .unwrap_or_default();
                *verdict = Some(if misspelt {
                    LeftOut::ShowsMisspelt(name)
                } else {
                    LeftOut::Shows(name)
                });
            }
        }
        if verdicts.iter().all(Option::is_none) {
            return;
        }
        let mut kept = Vec::with_capacity(doc.cards.len());
        for (card, left_out) in std::mem::take(&mut doc.cards).into_iter().zip(verdicts) {
            match left_out {
                None => kept.push(card),
                Some(why) => doc.skipped.push(Skipped {
                    line: card.line,
                    reason: why.reason(definition_name(&card).unwrap_or_default()),
                    span: card.span,
                }),
            }
        }
        doc.cards = kept;
        doc.skipped.sort_by_key(|s| s.line);
    }

    /// For each card of the note `file` (a [`Definition`] for a definition card, else
    /// `None`), why it is left out, or `None` to card it.
    ///
    /// The cards kept keep their ids: a card's id comes from its own place in the notes, so
    /// one left out changes no other (and one that comes back once fixed has its own again).
    pub fn judge<'a>(
        &self,
        file: &Path,
        cards: impl Iterator<Item = Option<Definition<'a>>>,
    ) -> Vec<Option<LeftOut>> {
        let rejected = self.rejected.any.get(file).map_or(&[][..], Vec::as_slice);
        let mut kept_line: HashMap<&str, usize> = HashMap::new();
        cards
            .map(|card| {
                let card = card?;
                if rejected.contains(card.span) {
                    return Some(LeftOut::Rejected);
                }
                if let Some(&line) = kept_line.get(card.name) {
                    return Some(LeftOut::Repeated(line));
                }
                kept_line.insert(card.name, card.line);
                None
            })
            .collect()
    }
}

/// A definition card as [`Definitions::judge`] reads it.
#[derive(Debug, Clone, Copy)]
pub struct Definition<'a> {
    /// The term it defines.
    pub name: &'a str,
    /// The span of its `Name (Expansion)`.
    pub span: &'a Span,
    /// Its 1-based line.
    pub line: usize,
}

impl<'a> Definition<'a> {
    /// `card` as a definition card, if it is one.
    pub fn of(card: &'a Card) -> Option<Definition<'a>> {
        Some(Definition {
            name: definition_name(card)?,
            span: &card.span,
            line: card.line,
        })
    }
}

/// The `Name (Expansion)` sites of `terms` (the card's note's) that a card
/// other than a definition card shows: written inside its span, the expansion in its text.
/// A term within its span but not shown (a `핵심 내용` card spans the labelled bullets between
/// its own) is not its.
fn carried_terms<'t>(card: &Card, terms: &'t [Term]) -> Vec<&'t Term> {
    if card.kind == CardKind::Definition {
        return Vec::new();
    }
    terms
        .iter()
        .filter(|t| card.span.start <= t.span.start && t.span.end <= card.span.end)
        .filter(|t| {
            let expansion = t.expansion.trim();
            !expansion.is_empty()
                && (card.back.contains(expansion) || card.front.contains(expansion))
        })
        .collect()
}

/// `front` and `back` without each parenthesised expansion of `expansions` written after a
/// name (`GRU (Gated Recurrant Unit)나 LSTM처럼` → `GRU나 LSTM처럼`): a card showing an
/// expansion lint reports keeps its fact without the slip. `None` when an expansion is not
/// written so, or is still shown another way (`… Gated Recurrant Unit의 게이트 …`): such a
/// card would teach the slip.
pub fn without_slips(front: &str, back: &str, expansions: &[&str]) -> Option<(String, String)> {
    let (mut front, mut back) = (front.to_string(), back.to_string());
    for expansion in expansions {
        let mut escaped = String::new();
        notedeck_parse::math::escape_html(expansion.trim(), &mut escaped);
        if escaped.is_empty() {
            return None;
        }
        let (f, b) = (
            without_expansion(&front, &escaped),
            without_expansion(&back, &escaped),
        );
        if f.is_none() && b.is_none() {
            return None;
        }
        front = f.unwrap_or(front);
        back = b.unwrap_or(back);
        if front.contains(&escaped) || back.contains(&escaped) {
            return None;
        }
    }
    Some((front, back))
}

/// `html` without every `(escaped)` and `（escaped）` and the spaces before it; `None` when
/// there is none.
fn without_expansion(html: &str, escaped: &str) -> Option<String> {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    let mut found = false;
    loop {
        let next = [("(", ")"), ("（", "）")]
            .iter()
            .filter_map(|(open, close)| {
                let pattern = format!("{open}{escaped}{close}");
                rest.find(&pattern).map(|at| (at, pattern.len()))
            })
            .min();
        let Some((at, len)) = next else {
            break;
        };
        out.push_str(rest[..at].trim_end_matches(' '));
        rest = &rest[at + len..];
        found = true;
    }
    out.push_str(rest);
    found.then_some(out)
}

/// The term a definition card defines (its key is `term:NAME`, `#2` added when repeated).
pub fn definition_name(card: &Card) -> Option<&str> {
    if card.kind != CardKind::Definition {
        return None;
    }
    let name = card.key.strip_prefix("term:")?;
    Some(name.split_once('#').map_or(name, |(name, _)| name))
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

    #[test]
    fn slips_are_left_out_only_where_none_is_shown_otherwise() {
        let slip =
            |front: &str, back: &str, expansions: &[&str]| without_slips(front, back, expansions);
        assert_eq!(
            slip(
                "Transformer › 장점",
                "GRU (Gated Recurrant Unit)나 LSTM",
                &["Gated Recurrant Unit"]
            ),
            Some(("Transformer › 장점".into(), "GRU나 LSTM".into()))
        );
        // Escaped as the card writes it.
        assert_eq!(
            slip(
                "R&amp;D (Research &amp; Develpment) 조직",
                "",
                &["Research & Develpment"]
            ),
            Some(("R&amp;D 조직".into(), String::new()))
        );
        // Shown another way too, or not in parentheses: the card would still teach it.
        assert_eq!(
            slip(
                "GRU (Gated Recurrant Unit)",
                "Gated Recurrant Unit의 게이트",
                &["Gated Recurrant Unit"]
            ),
            None
        );
        assert_eq!(
            slip("Gated Recurrant Unit", "", &["Gated Recurrant Unit"]),
            None
        );
        // Every slip of the card goes, or the card does.
        assert_eq!(
            slip(
                "GRU (Gated Recurrant Unit), ELBO (Expected Lower Bound)",
                "",
                &["Gated Recurrant Unit", "Expected Lower Bound"]
            ),
            Some(("GRU, ELBO".into(), String::new()))
        );
        assert_eq!(
            slip(
                "GRU (Gated Recurrant Unit)",
                "",
                &["Gated Recurrant Unit", "Expected Lower Bound"]
            ),
            None
        );
    }

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
