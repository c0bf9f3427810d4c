//! The outline and card rules: one walk over the block tree of a note.
//!
//! Outline (title > problem > topic > facet), decided from meaning rather than heading
//! level, because the notes use levels inconsistently:
//! * the first `#` heading before any problem is the title;
//! * `문제 N` / `문항N` (any level, any spacing) is a problem;
//! * inside a problem, the first heading is a topic; a later heading is a facet of the
//!   current topic when it is deeper, or when it is at the same level and reads like a facet
//!   (no Latin letters once numbering and a trailing parenthesis are removed, no
//!   `비교`/`요약`, or numbered `1)` under a topic numbered `1.`); otherwise it is a new topic;
//! * a bold-only paragraph (`**DARTS (…)**`) is a topic when a heading follows it or when the
//!   problem has no topic yet; a paragraph that is exactly `Name (Expansion)` opens a topic
//!   when the problem has none. Headings under such a topic are its facets unless they name
//!   something in Latin letters.
//!
//! Cards: see [`crate`] docs and `docs/rules.md` ("Parser: outline and card rules").

mod advice;
mod answers;
mod cards;
mod cell_measures;
mod cell_words;
mod cells;
mod choice_reasons;
mod citations;
mod claim_labels;
mod claims;
mod cloze_asides;
mod context;
mod contrasts;
mod counted;
mod default_values;
mod defaults;
mod definitions;
mod essay;
mod examples;
mod explanations;
mod facts;
mod formulas;
mod gathered;
mod held_cells;
mod identity;
mod key_terms;
mod labels;
mod lists;
mod loose_lines;
mod navigation;
mod opening;
mod outline;
mod param_tables;
mod prose_clozes;
mod questions;
mod render;
mod repeats;
mod review_sheets;
mod sentences;
mod solved;
mod split;
mod statements;
mod subject_names;
mod subtopics;
mod tables;
mod tip_values;
mod tips;
mod true_false;
mod value_tables;

pub use facts::name_key;
pub use identity::card_id;

use crate::tree::{Kind, Light, MAX_NESTING, Plain, Tree};
use crate::{Card, CardKind, Deletion, Document, ImageRef, LineIndex, Skipped, Span, math};
use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
pub(crate) use identity::scan_pins;
use pulldown_cmark::{Event, Tag, TagEnd};
use std::sync::Arc;

/// Longest bold label (or plain label ending in `:`) accepted for a bullet card.
const LABEL_MAX_CHARS: usize = 60;

/// Parse `text` into a [`Document`], with the line index of `text` made on the way;
/// [`Document::skipped`] stays empty unless `keep_skipped`, and the cards have no ids (nor
/// keys made unique, nor pins read) unless `ids`.
pub(crate) fn parse_document(
    text: &str,
    fallback_title: &str,
    keep_skipped: bool,
    ids: bool,
) -> (Document, LineIndex) {
    let text = &*crate::position::lone_cr_as_lf(text);
    let tree = Tree::parse(text);
    let mut b = Builder {
        text,
        tree: &tree,
        lines: LineIndex::new(text),
        doc: Document::default(),
        info: Vec::new(),
        runs: Vec::new(),
        header_blocks: HashSet::new(),
        pins: HashMap::new(),
        copies: Vec::new(),
        apart: Vec::new(),
        cited_topics: Vec::new(),
        raw_cards: Vec::new(),
        contexts: Vec::new(),
        fact_buf: String::new(),
        topic_names: None,
        titled_topics: None,
        titled_facets: None,
        spare_plains: Vec::new(),
        stated: Vec::new(),
        counting_table: None,
        defined: HashSet::new(),
        keep_skipped,
        ids,
    };
    b.doc.title = fallback_title.to_string();
    if ids {
        let (pins, bad_pins) = scan_pins(text);
        b.pins = pins;
        b.doc.problems.extend(bad_pins);
    }
    if let Some(deep) = &tree.too_deep {
        // The rest of the line is enough to point at; the dropped block may run to the end.
        let end = text
            .get(deep.start..deep.end)
            .and_then(|s| s.find(['\n', '\r']))
            .map_or(deep.end, |n| deep.start + n);
        b.doc.problems.push(crate::Problem {
            span: deep.start..end,
            message: format!(
                "lists and quotes nested deeper than {MAX_NESTING} levels are read as text"
            ),
        });
    }
    let tex_lines = b.images_and_tex_lines();
    b.copies = display_copies(text, tex_lines);
    // Plain text of every top-level heading and paragraph, computed once. Boxed and
    // trimmed: it is kept for the whole parse, and inline it is over a hundred bytes for
    // every other block too.
    let plains: Vec<Option<Box<Plain>>> = tree
        .blocks
        .iter()
        .map(|bl| {
            matches!(bl.kind, Kind::Heading(_) | Kind::Paragraph)
                .then(|| Plain::of(text, tree.inner(bl)).kept())
        })
        .collect();
    b.outline(&plains);
    b.section_spans();
    b.build_contexts();
    b.terms(&plains);
    let runs = std::mem::take(&mut b.runs);
    for (sec, blocks) in &runs {
        b.body(*sec, blocks, &plains);
    }
    b.essay(&runs, &plains);
    // Ids and merges need only the drafts: the tree and the plain texts go first, since
    // giving every draft its id is where the parse of a large note is at its largest.
    let Builder {
        lines,
        mut doc,
        pins,
        raw_cards,
        stated,
        keep_skipped,
        ids,
        ..
    } = b;
    let mut stated = claims::settle_stated(&mut doc, stated);
    stated.extend(defaults::default_claims(&mut doc, text, &lines));
    let bullets = held_cells::numbered_bullets(&doc, &lines);
    let slips = crate::implied_formula_slips(text, &doc)
        .into_iter()
        .map(|slip| {
            let line = lines.line_of(doc.claims[slip.claim].span.start) + 1;
            (slip, line)
        })
        .collect();
    drop(plains);
    drop(tree);
    let mut f = Finish {
        doc,
        pins,
        stated,
        bullets,
        slips,
        keep_skipped,
        ids,
    };
    f.finish_cards(raw_cards);
    let mut doc = f.doc;
    definitions::show_definitions_with_their_topic(&mut doc.cards);
    statements::context_keeps_clozes_hidden(&mut doc.cards);
    if text.contains('\0') {
        replace_nul(&mut doc);
    }
    (doc, lines)
}

/// Replace U+0000 by U+FFFD in every string of `doc`, as CommonMark asks: a NUL in a card
/// field or a deck name can end the string early in whatever reads it (SQLite, C code).
/// Done on the output rather than on the text parsed so that spans stay byte offsets into
/// the note; cloze ranges into a front are moved by the two bytes U+FFFD adds per NUL.
fn replace_nul(doc: &mut Document) {
    fn fix(s: &mut String) {
        if s.contains('\0') {
            *s = s.replace('\0', "\u{FFFD}");
        }
    }
    fn fix_image(im: &mut ImageRef) {
        fix(&mut im.url);
        fix(&mut im.path);
        fix(&mut im.alt);
    }
    fix(&mut doc.title);
    for s in &mut doc.sections {
        fix(&mut s.title);
        if let Some(subject) = &mut s.subject {
            fix(subject);
        }
    }
    for c in &mut doc.cards {
        let grown = |front: &str, at: usize| {
            at + 2 * front.get(..at).map_or(0, |p| p.matches('\0').count())
        };
        for d in &mut c.cloze {
            d.range = grown(&c.front, d.range.start)..grown(&c.front, d.range.end);
        }
        for s in [&mut c.front, &mut c.back, &mut c.key, &mut c.id] {
            fix(s);
        }
        if let Some(pin) = c.pinned_id.as_mut().filter(|p| p.contains('\0')) {
            *pin = pin.replace('\0', "\u{FFFD}").into_boxed_str();
        }
        for names in [&mut c.deck, &mut c.path, &mut c.tags] {
            if names.iter().any(|s| s.contains('\0')) {
                *names = names.iter().map(|s| s.replace('\0', "\u{FFFD}")).collect();
            }
        }
        c.images.iter_mut().for_each(fix_image);
    }
    doc.images.iter_mut().for_each(fix_image);
    for t in &mut doc.terms {
        fix(&mut t.name);
        fix(&mut t.expansion);
    }
    for c in &mut doc.claims {
        fix(&mut c.subject);
        fix(&mut c.attribute);
        fix(&mut c.value);
    }
    for s in &mut doc.skipped {
        fix(&mut s.reason);
    }
    for p in &mut doc.problems {
        fix(&mut p.message);
    }
}

/// Per-section facts the rules need beyond [`crate::Section`].
struct Info {
    /// Title for breadcrumbs, ids and tags: numbering, markup and a trailing `(…)` removed.
    short: String,
    /// `1.`-style (false) or `1)`-style (true) numbering in the heading.
    paren_numbered: bool,
}

/// What every card of one section shares.
#[derive(Default)]
struct SecCtx {
    /// Front of a section-level card (breadcrumb, or the path or title without one), HTML.
    crumb_html: String,
    path: Arc<[String]>,
    breadcrumb: Arc<[String]>,
    subject: String,
    deck: Arc<[String]>,
    tags: Arc<[String]>,
    /// [`facts::name_key`] of `subject`: the topic a fact of this section is about.
    fact_topic: String,
    /// [`facts::name_key`] of each facet between the topic and this section, each after a
    /// `\x1f`: the part of a fact's key the section gives.
    fact_facets: String,
    /// What the section's cards are shown under when it is not their path: a problem's
    /// path and the subject its one line names.
    shown: Option<Arc<[String]>>,
}

/// A card as a rule found it: what the rule decides, before the section's context (deck,
/// path, tags), the images, the id and the pin are filled in.
struct CardDraft {
    kind: CardKind,
    /// The section the card belongs to; `None` for text before any section.
    sec: Option<usize>,
    /// Distinguishes the card among its siblings (see [`Card::key`]).
    key: String,
    /// Front HTML.
    front: String,
    /// Back HTML; may be empty only for a cloze card.
    back: String,
    /// For a cloze card, the parts of the front it hides.
    cloze: Vec<Deletion>,
    /// Source span of the block the card came from.
    span: Span,
    /// An offset whose line may carry the card's id pin (usually the block's first line).
    pin_at: Option<usize>,
    /// A 0-based line from which the first non-blank line may carry the pin (the line after
    /// a section heading).
    pin_line: Option<usize>,
}

/// A card before its id is known.
struct RawCard {
    card: Card,
    /// Id namespace other than the heading path (a table pin), if any; shared by the cells
    /// of the table.
    namespace: Option<Arc<str>>,
    /// Lines (0-based) where a pin for this card may sit; `u32` as every offset of a parse.
    pin_lines: [Option<u32>; 2],
    /// The (topic, facet) the card asks about, hashed ([`facts::fact_hash`]); `None` for
    /// cards that ask no such question (cloze, definitions, a topic's loose bullets).
    fact: Option<u64>,
    /// The same question in fewer words ([`facts::near_keys`]): `Level 0 › 모니터링` for a
    /// cell asking `Level 0 › 운영 모니터링`. Empty for most cards.
    near: Box<[u64]>,
    /// A tip line's cloze (`📌`, `**Exam tip:**`, a quote): a summary that may only repeat
    /// a card of its topic ([`repeats`]).
    tip: bool,
    /// A table cell's subject as the topic it names, keyed ([`facts::name_key`]): `Bahdanau`
    /// asks about `Bahdanau Attention`, whose bullets the cell may only say again ([`cells`]).
    /// `None` for other cards and for a subject naming no topic.
    subject: Option<Box<str>>,
    /// A table cell asked beside the other subjects' cells of its facet: a degree (`느림`,
    /// `높음`, `없음`), a check mark (`O`, `X`), one of the two its facet is answered with
    /// (`on-policy`, `off-policy`), a phrase beside degrees, or a cell of a table comparing
    /// its subjects side by side. Such cells of one facet become one card ([`contrasts`]).
    contrast_of: Option<contrasts::ContrastOf>,
}

/// What is left of a [`Builder`] once every draft is made: enough to give the drafts their
/// ids and merge those that ask one fact.
struct Finish {
    doc: Document,
    /// `<!-- id: … -->` pins by 0-based line: (id, span).
    pins: HashMap<usize, (String, Span)>,
    /// The claims of [`Document::claims`] that sentences state ([`claims::Stated`]), each
    /// with its 1-based line.
    stated: Vec<(usize, usize)>,
    /// The claims labelled bullets state with a number ([`held_cells::numbered_bullets`]), each
    /// with its 1-based line.
    bullets: Vec<(usize, usize)>,
    /// The formulas another formula of their topic contradicts, each with its 1-based line
    /// ([`held_cells::Finish::leave_out_formula_slips`]).
    slips: Vec<(crate::FormulaSlip, usize)>,
    /// Whether to record the blocks not carded, with their reasons ([`Document::skipped`]).
    keep_skipped: bool,
    /// Whether cards get their ids (see [`crate::parse_without_identity`]).
    ids: bool,
}

struct Builder<'t, 'a> {
    text: &'a str,
    tree: &'t Tree<'a>,
    lines: LineIndex,
    doc: Document,
    info: Vec<Info>,
    /// Runs of top-level block indices, each owned by a section (or none, before any).
    runs: Vec<(Option<usize>, Vec<usize>)>,
    /// Top-level blocks that are section headings (for `Term::is_heading`).
    header_blocks: HashSet<usize>,
    /// `<!-- id: … -->` pins by 0-based line: (id, span).
    pins: HashMap<usize, (String, Span)>,
    /// Second renderings of display formulas, left out of card HTML.
    copies: Vec<Span>,
    /// List items carded on their own (where they start), left out of their list wherever
    /// it is rendered.
    apart: Vec<usize>,
    /// Topics whose citation bullet gave a year claim ([`Builder::citation_year_claim`]).
    cited_topics: Vec<usize>,
    raw_cards: Vec<RawCard>,
    /// [`SecCtx`] per section, index 0 for text before any section.
    contexts: Vec<SecCtx>,
    /// Scratch space for a card's fact key, reused so keying a card allocates nothing (a
    /// label of several words also gets its shorter wordings, [`facts::near_keys`]).
    fact_buf: String,
    /// The topics a table's subjects may name by problem, gathered at the first table of
    /// the note.
    topic_names: Option<HashMap<Option<usize>, subject_names::ProblemTopics>>,
    /// Every topic's section by the first of its title's names ([`subject_names::aliases`]),
    /// `None` for a name two topics share; gathered when a split facet's part is first
    /// checked for an overview line.
    titled_topics: Option<HashMap<String, Option<usize>>>,
    /// The same for facet sections ([`Builder::facet_titled`]), gathered at the first table
    /// cell whose subject names no topic.
    titled_facets: Option<HashMap<String, Option<usize>>>,
    /// Plain-text buffers of list items read before, for the next list: every list, nested
    /// ones too, reads its items' first lines, and fresh buffers for each grew again.
    spare_plains: Vec<Plain>,
    /// Quantities sentences state of a subject not yet known ([`claims::Stated`]).
    stated: Vec<claims::Stated>,
    /// Whether a table row or column of the note counts something (`| **질문 수** |`), read
    /// at the first bullet that counts: only then are bullets' counts claims.
    counting_table: Option<bool>,
    /// The terms with a definition card, as (name, lowercased expansion): a label written
    /// as one asks by its name ([`Builder::front`]).
    defined: HashSet<(String, String)>,
    /// Whether to record the blocks not carded, with their reasons ([`Document::skipped`]).
    keep_skipped: bool,
    /// Whether cards get their ids (see [`crate::parse_without_identity`]).
    ids: bool,
}

impl<'t, 'a> Builder<'t, 'a> {
    /// A plain-text buffer to [`Plain::fill`]; give it back to `spare_plains` when done.
    fn spare_plain(&mut self) -> Plain {
        self.spare_plains.pop().unwrap_or_default()
    }

    /// One walk over the note's events: every image into the document, and the lines
    /// whose text (outside code) holds a TeX anchor byte, where a display formula may be.
    fn images_and_tex_lines(&mut self) -> Vec<Span> {
        let mut current: Option<(String, String, Span)> = None;
        let mut lines: Vec<Span> = Vec::new();
        let mut in_code = false;
        let text = self.text;
        let events = &self.tree.events;
        for (i, light) in events.lights_all() {
            let (ev, span) = match light {
                Light::Text(t) => {
                    if let Some(c) = current.as_mut() {
                        c.1.push_str(t);
                    }
                    if !in_code && has_tex_anchor(t) {
                        push_line(text, events.span(i).start, &mut lines);
                    }
                    continue;
                }
                Light::Code(t) => {
                    if let Some(c) = current.as_mut() {
                        c.1.push_str(t);
                    }
                    continue;
                }
                Light::CodeStart => {
                    in_code = true;
                    continue;
                }
                Light::CodeEnd => {
                    in_code = false;
                    continue;
                }
                Light::ImageEnd => (Event::End(TagEnd::Image), 0..0),
                Light::Whole => match events.at(i) {
                    Some(e) => (e.ev, e.span),
                    None => continue,
                },
                Light::Other => continue,
            };
            match &ev {
                Event::Start(Tag::Image { dest_url, .. }) => {
                    current = Some((dest_url.to_string(), String::new(), span));
                }
                Event::Start(Tag::CodeBlock(_)) => in_code = true,
                Event::Text(t) | Event::Code(t) => {
                    if let Some(c) = current.as_mut() {
                        c.1.push_str(t);
                    }
                    if matches!(ev, Event::Text(_)) && !in_code && has_tex_anchor(t) {
                        push_line(text, span.start, &mut lines);
                    }
                }
                Event::End(TagEnd::Image) => {
                    if let Some((url, alt, span)) = current.take() {
                        let path = percent_encoding::percent_decode_str(&url)
                            .decode_utf8_lossy()
                            .into_owned();
                        self.doc.images.push(ImageRef {
                            line: self.lines.line_of(span.start) + 1,
                            url,
                            path,
                            alt,
                            span,
                        });
                    }
                }
                _ => {}
            }
        }
        lines
    }

    /// The card a draft becomes once its section's context is filled in (id still empty).
    fn make_card(&self, draft: CardDraft) -> Card {
        let CardDraft {
            kind,
            sec,
            mut key,
            mut front,
            mut back,
            cloze,
            span,
            ..
        } = draft;
        // A draft is kept until the whole note is read, and its text was grown piece by
        // piece: the spare room of every draft's buffers is a good part of a parse's peak.
        key.shrink_to_fit();
        front.shrink_to_fit();
        back.shrink_to_fit();

        let (deck, tags, shown) = self
            .ctx(sec)
            .map(|c| (c.deck.clone(), c.tags.clone(), c.shown.clone()))
            .unwrap_or_default();
        let line = self.lines.line_of(span.start) + 1;
        // Images are in source order: only those starting inside the span can be in it.
        let first = self
            .doc
            .images
            .partition_point(|im| im.span.start < span.start);
        let images = self.doc.images[first..]
            .iter()
            .take_while(|im| im.span.start < span.end)
            .filter(|im| im.span.end <= span.end)
            .cloned()
            .collect();
        let cloze = cloze.into_boxed_slice();
        Card {
            kind,
            id: String::new(),
            key,
            deck,
            path: self.path(sec),
            front,
            back,
            cloze,
            tags,
            span,
            line,
            context: shown,
            pinned_id: None,
            images,
        }
    }

    /// Add a basic card over `span`, pinned where it starts: the shape of most rules' cards.
    fn push_basic(
        &mut self,
        sec: Option<usize>,
        key: String,
        front: String,
        back: String,
        span: Span,
    ) {
        self.push_card(CardDraft {
            kind: CardKind::Basic,
            sec,
            key,
            front,
            back,
            cloze: Vec::new(),
            pin_at: Some(span.start),
            span,
            pin_line: None,
        });
    }

    /// Add a card, or skip its block when a side would be empty.
    fn push_card(&mut self, draft: CardDraft) {
        // A cloze front is never empty while it hides something (Anki shows the deletion).
        if (draft.front.trim().is_empty() && draft.cloze.is_empty())
            || (draft.back.trim().is_empty() && draft.kind != CardKind::Cloze)
        {
            self.skip(draft.span, "would make a card with an empty side");
            return;
        }
        let line32 = |l: usize| u32::try_from(l).unwrap_or(u32::MAX);
        let mut pin_lines = [draft.pin_at.map(|o| line32(self.lines.line_of(o))), None];
        if let Some(l) = draft.pin_line {
            // The pin may sit on the first non-blank line after the heading.
            let mut l = l;
            while l < self.lines.line_count() {
                let start = self.lines.line_start(l);
                let end = if l + 1 < self.lines.line_count() {
                    self.lines.line_start(l + 1)
                } else {
                    self.text.len()
                };
                if self
                    .text
                    .get(start..end)
                    .is_some_and(|s| s.trim().is_empty())
                {
                    l += 1;
                } else {
                    break;
                }
            }
            pin_lines[1] = Some(line32(l));
        }
        let (fact, near) = self.card_fact(&draft);
        self.raw_cards.push(RawCard {
            card: self.make_card(draft),
            namespace: None,
            pin_lines,
            fact,
            near: near.into_boxed_slice(),
            tip: false,
            subject: None,
            contrast_of: None,
        });
    }

    /// The fact a basic card asks about: its section's topic and facets, then its label. A
    /// facet card asks about the facet itself; loose bullets and images name no facet.
    fn card_fact(&mut self, draft: &CardDraft) -> (Option<u64>, Vec<u64>) {
        if draft.kind != CardKind::Basic {
            return (None, Vec::new());
        }
        let key = draft.key.as_str();
        if key == gathered::UNLABELLED_KEY
            || key.starts_with("image:")
            || true_false::asks_true_or_false(&draft.front)
        {
            return (None, Vec::new());
        }
        let Some(ctx) = draft.sec.and_then(|s| self.contexts.get(s + 1)) else {
            return (None, Vec::new());
        };
        let mut buf = std::mem::take(&mut self.fact_buf);
        buf.clear();
        buf.push_str(&ctx.fact_facets);
        // Only a question whose last facet is a label of several words has shorter wordings;
        // a facet section's own title is keyed by its section, with its parents' facets.
        let near = if key != "section" {
            let mut near = facts::near_keys(&ctx.fact_topic, &buf, key);
            let nested = !buf.is_empty();
            buf.push('\x1f');
            let label = buf.len() - 1;
            facts::push_facet_key(key, &mut buf);
            // Under facet sections (`LOF › 특징 › 단점`), the question without them too: a
            // summary table asks `LOF › 약점` with no section between.
            if nested {
                near.push(facts::fact_hash(&ctx.fact_topic, &buf[label..]));
            }
            near
        } else if let Some(s) = draft.sec
            && ctx.fact_facets.matches('\x1f').count() == 1
        {
            facts::near_keys(&ctx.fact_topic, "", &self.info[s].short)
        } else {
            Vec::new()
        };
        let fact = (!buf.is_empty()).then(|| facts::fact_hash(&ctx.fact_topic, &buf));
        self.fact_buf = buf;
        (fact, near)
    }

    fn skip(&mut self, span: Span, reason: &str) {
        if !self.keep_skipped {
            return;
        }
        self.doc.skipped.push(Skipped {
            line: self.lines.line_of(span.start) + 1,
            span,
            reason: reason.to_string(),
        });
    }

    fn line_span(&self, span: Span) -> Span {
        let end = self.text[span.start..span.end.min(self.text.len())]
            .find('\n')
            .map_or(span.end, |i| span.start + i);
        span.start..end
    }
}

/// Second renderings of display formulas ([`math::katex_copies`]), looking only at the
/// `lines` whose text holds a TeX anchor byte: a display formula always has one.
fn display_copies(text: &str, lines: Vec<Span>) -> Vec<Span> {
    if lines.is_empty() {
        return Vec::new();
    }
    let runs: Vec<math::PastedKatex> = lines
        .into_iter()
        .flat_map(|l| math::runs_in_line(text, l))
        .filter(|r| r.display)
        .collect();
    math::katex_copies(text, &runs)
}

/// A byte every display formula's TeX holds.
fn has_tex_anchor(t: &str) -> bool {
    t.bytes()
        .fold(false, |acc, b| acc | matches!(b, b'\\' | b'_' | b'^'))
}

/// Add the line holding offset `at`, unless it is the last one added.
fn push_line(text: &str, at: usize, lines: &mut Vec<Span>) {
    let start = text[..at.min(text.len())].rfind('\n').map_or(0, |i| i + 1);
    if lines.last().is_some_and(|l| l.start == start) {
        return;
    }
    let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    lines.push(start..end);
}
