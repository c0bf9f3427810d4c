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
//! Cards: see [`crate`] docs and `docs/architecture.md` ("Parser: outline and card rules").

use crate::tree::{self, Block, Ev, Kind, Plain, Tree};
use crate::{
    Card, CardKind, Claim, ClaimOrigin, Document, ImageRef, LineIndex, Problem, Section,
    SectionKind, Skipped, Span, math, terms,
};
use pulldown_cmark::{Event, Tag, TagEnd};
use sha2::{Digest, Sha256};
use std::collections::{HashMap, HashSet};

/// A paragraph longer than this many characters is prose, not a card side.
pub(crate) const PROSE_MAX_CHARS: usize = 220;
/// A paragraph with more sentences than this is prose.
pub(crate) const PROSE_MAX_SENTENCES: usize = 2;
/// A paragraph of two sentences longer than this many characters is prose (Korean is dense:
/// 100 characters of Korean are two full lines of explanation).
pub(crate) const PROSE_MAX_CHARS_TWO_SENTENCES: usize = 100;
/// A facet section whose content is longer than this (characters of text) is split into
/// one card per labelled bullet instead of one card for the whole section.
pub(crate) const FACET_MAX_CHARS: usize = 700;
/// Longest bold label (or plain label ending in `:`) accepted for a bullet card.
const LABEL_MAX_CHARS: usize = 60;
/// Most words in a line naming a problem's subject (see [`is_problem_subject`]).
const SUBJECT_MAX_WORDS: usize = 4;
/// Label (and key) of the card gathering a topic's unlabelled bullets: "GPT › 핵심 내용".
const UNLABELLED_KEY: &str = "핵심 내용";
/// Longest plain label without a colon (`- Surrogate 모델` + nested list).
const PLAIN_LABEL_MAX_CHARS: usize = 30;

/// Parse `text` into a [`Document`].
pub(crate) fn parse_document(text: &str, fallback_title: &str) -> Document {
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
        raw_cards: Vec::new(),
        contexts: Vec::new(),
    };
    b.doc.title = fallback_title.to_string();
    let (pins, bad_pins) = scan_pins(text);
    b.pins = pins;
    b.doc.problems.extend(bad_pins);
    b.copies = display_copies(text, &tree);
    // Plain text of every top-level heading and paragraph, computed once.
    let plains: Vec<Option<Plain>> = tree
        .blocks
        .iter()
        .map(|bl| {
            matches!(bl.kind, Kind::Heading(_) | Kind::Paragraph)
                .then(|| Plain::of(text, tree.inner(bl)))
        })
        .collect();
    b.outline(&plains);
    b.section_spans();
    b.build_contexts();
    b.images();
    b.terms(&plains);
    let runs = std::mem::take(&mut b.runs);
    for (sec, blocks) in &runs {
        b.body(*sec, blocks, &plains);
    }
    b.finish_cards();
    b.doc
}

/// Per-section facts the rules need beyond [`Section`].
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
    path: Vec<String>,
    breadcrumb: Vec<String>,
    subject: String,
    deck: Vec<String>,
    tags: Vec<String>,
}

/// A card before its id is known.
struct RawCard {
    card: Card,
    /// Id namespace other than the heading path (a table pin), if any.
    namespace: Option<String>,
    /// Lines (0-based) where a pin for this card may sit.
    pin_lines: [Option<usize>; 2],
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
    raw_cards: Vec<RawCard>,
    /// [`SecCtx`] per section, index 0 for text before any section.
    contexts: Vec<SecCtx>,
}

impl<'t, 'a> Builder<'t, 'a> {
    // -----------------------------------------------------------------------------------------
    // Outline

    fn outline(&mut self, plains: &[Option<Plain>]) {
        let blocks = &self.tree.blocks;
        let mut title: Option<usize> = None;
        let mut problem: Option<usize> = None;
        let mut topic: Option<usize> = None;
        let mut facets: Vec<usize> = Vec::new();
        let mut owner: Option<usize> = None;
        let mut seen_problems: HashMap<String, Span> = HashMap::new();
        let mut warned_h1 = false;
        for (i, b) in blocks.iter().enumerate() {
            if b.kind == Kind::Rule {
                // Notion's `---` closes a facet: what follows (`📌 암기 팁`, `**Exam tip:**`)
                // is about the topic, not about the last facet.
                if let Some(t) = topic
                    && owner.is_some_and(|o| self.doc.sections[o].kind == SectionKind::Facet)
                {
                    owner = Some(t);
                    facets.clear();
                }
                self.push_run(owner, i);
                continue;
            }
            let Some(Some(plain)) = plains.get(i) else {
                self.push_run(owner, i);
                continue;
            };
            let heading_span = self.line_span(b.span.clone());
            if let Kind::Heading(level) = b.kind {
                let raw = clean_title(&plain.text);
                if raw.is_empty() {
                    self.doc.problems.push(Problem {
                        span: heading_span,
                        message: "empty heading: give it a title or remove it".into(),
                    });
                    self.push_run(owner, i);
                    continue;
                }
                if let Some(name) = problem_name(&raw) {
                    if let Some(prev) = seen_problems.get(&name) {
                        let line = self.lines.line_of(prev.start) + 1;
                        self.doc.problems.push(Problem {
                            span: heading_span.clone(),
                            message: format!(
                                "`{name}` appears twice (first on line {line}); its cards share one deck"
                            ),
                        });
                    }
                    seen_problems.insert(name.clone(), heading_span.clone());
                    let full = match raw.split_once(|c: char| c.is_ascii_digit()) {
                        Some(_) => problem_title(&raw, &name),
                        None => name.clone(),
                    };
                    let s = self.add_section(
                        SectionKind::Problem,
                        full,
                        name,
                        level,
                        title,
                        &heading_span,
                        false,
                    );
                    problem = Some(s);
                    topic = None;
                    facets.clear();
                    owner = Some(s);
                    self.header_blocks.insert(i);
                    continue;
                }
                if level == 1
                    && title.is_none()
                    && problem.is_none()
                    && self.doc.sections.is_empty()
                {
                    let s = self.add_section(
                        SectionKind::Title,
                        raw.clone(),
                        raw.clone(),
                        1,
                        None,
                        &heading_span,
                        false,
                    );
                    self.doc.title = raw;
                    title = Some(s);
                    owner = Some(s);
                    self.header_blocks.insert(i);
                    continue;
                }
                if level == 1 && title.is_some() && !warned_h1 {
                    warned_h1 = true;
                    self.doc.problems.push(Problem {
                        span: heading_span.clone(),
                        message: "a second `#` heading: read as a topic or facet inside the \
                                  current problem, not as a new document title"
                            .into(),
                    });
                }
                let paren = starts_paren_numbered(&plain.text);
                let role = match topic {
                    None => SectionKind::Topic,
                    Some(t) => {
                        let tl = self.doc.sections[t].level;
                        // A topic that names no subject itself (`## 1. 개념 비교`, `## 2. 특징`
                        // under 문항 22) has no same-level facets: its siblings are topics.
                        let after_generic = level == tl
                            && !self.info[t].short.bytes().any(|b| b.is_ascii_alphabetic());
                        let topicish = after_generic
                            || (!paren || self.info[t].paren_numbered) && looks_like_topic(&raw);
                        if tl == 0 || level == tl {
                            if topicish {
                                SectionKind::Topic
                            } else {
                                SectionKind::Facet
                            }
                        } else if level > tl {
                            SectionKind::Facet
                        } else {
                            SectionKind::Topic
                        }
                    }
                };
                let short = short_title(&raw);
                if role == SectionKind::Topic {
                    let parent = problem.or(title);
                    let s = self.add_section(
                        SectionKind::Topic,
                        raw,
                        short,
                        level,
                        parent,
                        &heading_span,
                        paren,
                    );
                    topic = Some(s);
                    facets.clear();
                    owner = Some(s);
                } else {
                    while let Some(&f) = facets.last() {
                        if self.doc.sections[f].level >= level {
                            facets.pop();
                        } else {
                            break;
                        }
                    }
                    let parent = facets.last().copied().or(topic);
                    let s = self.add_section(
                        SectionKind::Facet,
                        raw,
                        short,
                        level,
                        parent,
                        &heading_span,
                        paren,
                    );
                    facets.push(s);
                    owner = Some(s);
                }
                self.header_blocks.insert(i);
                continue;
            }
            // A paragraph acting as a topic heading?
            let next_is_heading = blocks
                .iter()
                .enumerate()
                .skip(i + 1)
                .find(|(_, n)| !matches!(n.kind, Kind::Html | Kind::Rule))
                .is_some_and(|(j, n)| {
                    matches!(n.kind, Kind::Heading(_))
                        && plains
                            .get(j)
                            .and_then(Option::as_ref)
                            .is_some_and(|p| problem_name(&clean_title(&p.text)).is_none())
                });
            let text = plain.text.trim();
            let bold_topic = plain.is_all_bold()
                && !text.ends_with(':')
                && !text.starts_with('📌')
                && text.chars().count() <= LABEL_MAX_CHARS
                && (next_is_heading || (topic.is_none() && problem.is_some()));
            let term_topic = topic.is_none()
                && problem.is_some()
                && !text.contains('\n')
                && terms::find_terms(text)
                    .first()
                    .is_some_and(|t| t.whole == (0..text.len()));
            if bold_topic || term_topic {
                let raw = clean_title(&plain.text);
                let short = short_title(&raw);
                let s = self.add_section(
                    SectionKind::Topic,
                    raw,
                    short,
                    0,
                    problem.or(title),
                    &heading_span,
                    false,
                );
                topic = Some(s);
                facets.clear();
                owner = Some(s);
                self.header_blocks.insert(i);
                continue;
            }
            self.push_run(owner, i);
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn add_section(
        &mut self,
        kind: SectionKind,
        title: String,
        short: String,
        level: u8,
        parent: Option<usize>,
        heading_span: &Span,
        paren_numbered: bool,
    ) -> usize {
        self.doc.sections.push(Section {
            kind,
            title,
            level,
            parent,
            heading_span: heading_span.clone(),
            span: heading_span.clone(),
            subject: None,
            subject_span: None,
        });
        self.info.push(Info {
            short,
            paren_numbered,
        });
        self.doc.sections.len() - 1
    }

    fn push_run(&mut self, owner: Option<usize>, block: usize) {
        match self.runs.last_mut() {
            Some((o, blocks)) if *o == owner => blocks.push(block),
            _ => self.runs.push((owner, vec![block])),
        }
    }

    /// Each section extends to the next section of the same or a higher rank.
    fn section_spans(&mut self) {
        let rank = |secs: &[Section], i: usize| -> usize {
            match secs[i].kind {
                SectionKind::Title => 0,
                SectionKind::Problem => 1,
                SectionKind::Topic => 2,
                SectionKind::Facet => {
                    let mut depth = 3;
                    let mut p = secs[i].parent;
                    while let Some(q) = p {
                        if secs[q].kind != SectionKind::Facet {
                            break;
                        }
                        depth += 1;
                        p = secs[q].parent;
                    }
                    depth
                }
            }
        };
        let n = self.doc.sections.len();
        let mut open: Vec<usize> = Vec::new();
        for i in 0..n {
            let r = rank(&self.doc.sections, i);
            let start = self.doc.sections[i].heading_span.start;
            while let Some(&top) = open.last() {
                if rank(&self.doc.sections, top) >= r {
                    self.doc.sections[top].span.end = start;
                    open.pop();
                } else {
                    break;
                }
            }
            open.push(i);
        }
        for i in open {
            self.doc.sections[i].span.end = self.text.len();
        }
    }

    /// Innermost section containing byte `offset`.
    fn section_at(&self, offset: usize) -> Option<usize> {
        let secs = &self.doc.sections;
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

    // -----------------------------------------------------------------------------------------
    // Images and terms (whole document)

    fn images(&mut self) {
        let mut current: Option<(String, String, Span)> = None;
        for e in &self.tree.events {
            match &e.ev {
                Event::Start(Tag::Image { dest_url, .. }) => {
                    current = Some((dest_url.to_string(), String::new(), e.span.clone()));
                }
                Event::Text(t) | Event::Code(t) => {
                    if let Some(c) = current.as_mut() {
                        c.1.push_str(t);
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
    }

    fn terms(&mut self, plains: &[Option<Plain>]) {
        let mut found: Vec<crate::Term> = Vec::new();
        // Every `(` in the note: a block without one has no term, found by binary search.
        let parens: Vec<usize> = self
            .text
            .bytes()
            .enumerate()
            .filter(|&(_, b)| b == b'(')
            .map(|(i, _)| i)
            .collect();
        // One plain-text buffer for all blocks (allocating one per block shows in profiles).
        let mut scratch = Plain::default();
        for (i, b) in self.tree.blocks.iter().enumerate() {
            let heading = self.header_blocks.contains(&i);
            match plains.get(i).and_then(Option::as_ref) {
                Some(plain) => self.terms_of(plain, heading, &mut found),
                None => self.terms_in(b, heading, &parens, &mut scratch, &mut found),
            }
        }
        // Definition cards: one per distinct (name, expansion), at its first occurrence.
        let mut seen: HashSet<(String, String)> = HashSet::new();
        for t in &found {
            let norm = t.expansion.to_lowercase();
            if !seen.insert((t.name.clone(), norm)) {
                continue;
            }
            let sec = self.section_at(t.span.start);
            let mut front = String::new();
            math::escape_html(&t.name, &mut front);
            let mut back = String::new();
            math::escape_html(&t.expansion, &mut back);
            self.push_card(
                CardKind::Definition,
                sec,
                format!("term:{}", t.name),
                front,
                back,
                t.span.clone(),
                None,
                None,
            );
        }
        self.doc.terms = found;
    }

    fn terms_in(
        &self,
        b: &Block,
        heading: bool,
        parens: &[usize],
        scratch: &mut Plain,
        out: &mut Vec<crate::Term>,
    ) {
        let any_in = |span: &Span| {
            let i = parens.partition_point(|&p| p < span.start);
            parens.get(i).is_some_and(|&p| p < span.end)
        };
        // Terms need a `(`: skip whole subtrees whose source has none.
        if !any_in(&b.span) {
            return;
        }
        let has_paren = |evs: &[Ev]| any_in(&tree::span_of(evs));
        match b.kind {
            Kind::Heading(_) | Kind::Paragraph | Kind::TableCell => {
                let evs = self.tree.inner(b);
                if has_paren(evs) {
                    scratch.fill(self.text, evs);
                    self.terms_of(scratch, heading, out);
                }
            }
            Kind::Item => {
                let direct_end = b
                    .children
                    .first()
                    .map_or(b.inner.end, |c| c.inner.start.saturating_sub(1));
                if let Some(evs) = self
                    .tree
                    .events
                    .get(b.inner.start..direct_end.max(b.inner.start))
                    && has_paren(evs)
                {
                    scratch.fill(self.text, evs);
                    self.terms_of(scratch, false, out);
                }
            }
            _ => {}
        }
        if !matches!(b.kind, Kind::CodeBlock | Kind::Html) {
            for c in &b.children {
                self.terms_in(c, false, parens, scratch, out);
            }
        }
    }

    fn terms_of(&self, plain: &Plain, heading: bool, out: &mut Vec<crate::Term>) {
        if !plain.text.contains('(') {
            return;
        }
        for f in terms::find_terms(&plain.text) {
            // A bold run that is exactly the term (`**Global Average Pooling (GAP)**`)
            // defines it as much as a heading does.
            let bold_whole = plain.strong.iter().any(|s| {
                let inner = &plain.text[s.clone()];
                let lead = inner.len() - inner.trim_start().len();
                s.start + lead <= f.whole.start
                    && f.whole.end <= s.end
                    && plain.text[f.whole.end..s.end].trim().is_empty()
            });
            // The checker underlines and rewrites these spans: a term whose text cannot be
            // pointed at exactly (inside a code span over two lines) is not reported.
            let (Some(span), Some(name_span), Some(expansion_span)) = (
                plain.exact_src_span(self.text, &f.whole),
                plain.exact_src_span(self.text, &f.name),
                plain.exact_src_span(self.text, &f.expansion),
            ) else {
                continue;
            };
            out.push(crate::Term {
                name: plain.text[f.name.clone()].to_string(),
                expansion: plain.text[f.expansion.clone()].to_string(),
                span,
                name_span,
                expansion_span,
                is_heading: heading || bold_whole,
            });
        }
    }

    // -----------------------------------------------------------------------------------------
    // Cards from section bodies

    fn body(&mut self, sec: Option<usize>, blocks: &[usize], plains: &[Option<Plain>]) {
        let tree = self.tree;
        let facet = sec.is_some_and(|s| self.doc.sections[s].kind == SectionKind::Facet);
        let mut parts: Vec<&'t Block> = Vec::new();
        // Unlabelled bullets of this body's lists, for one 핵심 내용 card.
        let mut loose: Vec<&'t Block> = Vec::new();
        let mut i = 0;
        while i < blocks.len() {
            let b = &tree.blocks[blocks[i]];
            i += 1;
            match b.kind {
                Kind::Rule | Kind::Html | Kind::Heading(_) => {}
                Kind::Table => self.table(sec, b),
                Kind::CodeBlock => {
                    self.code_claims(sec, b);
                    if facet {
                        parts.push(b);
                    } else {
                        self.skip(b.span.clone(), "code block outside a facet section");
                    }
                }
                Kind::BlockQuote => self.tip_content(sec, "", b),
                Kind::List => {
                    if facet {
                        self.list_claims(sec, b);
                        parts.push(b);
                    } else {
                        loose.extend(self.list_cards(sec, b, true));
                    }
                }
                Kind::Paragraph => {
                    let Some(Some(plain)) = plains.get(blocks[i - 1]) else {
                        continue;
                    };
                    let t = plain.text.trim();
                    if let Some(s) = sec
                        && self.doc.sections[s].kind == SectionKind::Problem
                        && self.doc.sections[s].subject.is_none()
                        && blocks[..i - 1]
                            .iter()
                            .all(|&n| tree.blocks[n].kind == Kind::Html)
                        && is_problem_subject(plain, self.text.get(b.span.clone()))
                    {
                        self.doc.sections[s].subject = Some(t.to_string());
                        let lead = plain.text.len() - plain.text.trim_start().len();
                        self.doc.sections[s].subject_span = Some(
                            plain
                                .exact_src_span(self.text, &(lead..lead + t.len()))
                                .unwrap_or_else(|| b.span.clone()),
                        );
                        self.skip(
                            b.span.clone(),
                            "names the problem's subject (shown in the outline, not a card)",
                        );
                        continue;
                    }
                    if let Some(title) = tip_title(plain) {
                        let next = blocks[i..]
                            .iter()
                            .position(|&n| !matches!(tree.blocks[n].kind, Kind::Html));
                        match next.map(|k| (k, &tree.blocks[blocks[i + k]])) {
                            Some((k, n))
                                if matches!(
                                    n.kind,
                                    Kind::List | Kind::BlockQuote | Kind::Paragraph
                                ) =>
                            {
                                self.tip_content(sec, &title, n);
                                i += k + 1;
                            }
                            _ => self.skip(
                                b.span.clone(),
                                "tip heading without a list or quote after it",
                            ),
                        }
                        continue;
                    }
                    if plain.is_all_bold() && t.chars().count() <= LABEL_MAX_CHARS {
                        // A bold line introducing the next block: `**Goal:**`, `**미로 탈출 게임**`.
                        let next = blocks[i..]
                            .iter()
                            .position(|&n| !matches!(tree.blocks[n].kind, Kind::Html));
                        if let Some((k, n)) = next.map(|k| (k, &tree.blocks[blocks[i + k]]))
                            && matches!(n.kind, Kind::List | Kind::Paragraph | Kind::CodeBlock)
                            && !self.is_prose(n)
                        {
                            let label = t.trim_end_matches(':').trim().to_string();
                            if n.kind == Kind::List {
                                self.list_claims(sec, n);
                            }
                            let mut back = String::new();
                            self.render_blocks(&[n], &mut back);
                            let span = b.span.start..n.span.end;
                            let front = self.front(sec, &[label.as_str()]);
                            self.push_card(
                                CardKind::Basic,
                                sec,
                                label,
                                front,
                                back,
                                span,
                                Some(b.span.start),
                                None,
                            );
                            i += k + 1;
                            continue;
                        }
                    }
                    self.formula_claim(sec, plain, b.span.clone());
                    if !plain.images.is_empty() && is_image_only(plain) {
                        if facet {
                            parts.push(b);
                        } else {
                            let mut back = String::new();
                            self.render_blocks(&[b], &mut back);
                            let front = self.front(sec, &[]);
                            let key = format!(
                                "image:{}",
                                plain.images.first().map_or("", |im| im.1.as_str())
                            );
                            self.push_card(
                                CardKind::Basic,
                                sec,
                                key,
                                front,
                                back,
                                b.span.clone(),
                                Some(b.span.start),
                                None,
                            );
                        }
                        continue;
                    }
                    if let Some(reason) = prose_reason(t) {
                        self.skip(b.span.clone(), &reason);
                    } else if facet {
                        parts.push(b);
                    } else if t.starts_with("http://") || t.starts_with("https://") {
                        self.skip(b.span.clone(), "bare link");
                    } else {
                        self.skip(
                            b.span.clone(),
                            "loose paragraph outside a facet section (only labelled bullets, \
                             tables, tips and facet sections become cards)",
                        );
                    }
                }
                _ => self.skip(b.span.clone(), "unsupported block"),
            }
        }
        if let (true, Some(s)) = (facet, sec) {
            self.facet_card(s, &parts);
        }
        if !loose.is_empty() {
            self.unlabelled_card(sec, &loose);
        }
    }

    /// One card for a facet section (`### 3. 장점` → "LoRA › 장점"), or one card per labelled
    /// bullet when the section is too long for one card.
    fn facet_card(&mut self, sec: usize, parts: &[&'t Block]) {
        if parts.is_empty() {
            return;
        }
        let size: usize = parts.iter().map(|b| self.text_chars(b)).sum();
        if size > FACET_MAX_CHARS {
            for b in parts {
                match b.kind {
                    Kind::List => {
                        self.list_cards(Some(sec), b, false);
                    }
                    _ => self.skip(
                        b.span.clone(),
                        &format!(
                            "part of a facet section too long for one card ({size} characters, \
                             limit {FACET_MAX_CHARS}); only its labelled bullets became cards"
                        ),
                    ),
                }
            }
            return;
        }
        let mut back = String::new();
        self.render_blocks(parts, &mut back);
        if back.trim().is_empty() {
            return;
        }
        let front = self.front(Some(sec), &[]);
        let heading = self.doc.sections[sec].heading_span.clone();
        let end = parts.last().map_or(heading.end, |b| b.span.end);
        let heading_line = self.lines.line_of(heading.start);
        self.push_card(
            CardKind::Basic,
            Some(sec),
            "section".into(),
            front,
            back,
            heading.start..end,
            Some(heading.start),
            Some(heading_line + 1),
        );
    }

    /// Cards for the labelled items of a list outside a facet card. With `claims` (a list
    /// directly in a topic's or problem's body), also records the list's claims (as
    /// [`Self::list_claims`] would) and returns the unlabelled items, which the body gathers
    /// into one [`UNLABELLED_KEY`] card; otherwise (a facet too long for one card) they are
    /// skipped.
    fn list_cards(&mut self, sec: Option<usize>, list: &'t Block, claims: bool) -> Vec<&'t Block> {
        let unlabelled = self.list_cards_items(sec, &list.children, claims);
        if claims {
            return unlabelled;
        }
        self.skip_unlabelled(&unlabelled);
        Vec::new()
    }

    fn skip_unlabelled(&mut self, items: &[&Block]) {
        for item in items {
            self.skip(
                item.span.clone(),
                "list item without a bold label (outside facet sections only labelled \
                 bullets become cards)",
            );
        }
    }

    /// Cards for the labelled items; returns the unlabelled ones.
    fn list_cards_items(
        &mut self,
        sec: Option<usize>,
        items: &'t [Block],
        claims: bool,
    ) -> Vec<&'t Block> {
        let mut unlabelled = Vec::new();
        let mut lead = Plain::default();
        for item in items.iter().filter(|c| c.kind == Kind::Item) {
            let (lead_range, rest) = self.tree.item_lead(item);
            let lead_evs = self.tree.events.get(lead_range).unwrap_or_default();
            lead.fill(self.text, lead_evs);
            let label = label_of(&lead, !rest.is_empty());
            if claims {
                self.item_claims(sec, &lead, label.as_ref(), rest);
            }
            let Some(label) = label else {
                unlabelled.push(item);
                continue;
            };
            let mut back = String::new();
            if let Some(value_evs) = label.value_events(lead_evs) {
                let mut html = String::new();
                tree::render(&value_evs, &mut html, &self.copies);
                back.push_str(html.trim());
            }
            let mut rest_html = String::new();
            self.render_children(rest, &mut rest_html);
            if !rest_html.is_empty() {
                if !back.is_empty() {
                    back.push_str("<br>");
                }
                back.push_str(&rest_html);
            }
            if back.trim().is_empty() {
                self.skip(item.span.clone(), "bold bullet without an answer after it");
                continue;
            }
            let label_text = math::tex_only(&label.text);
            let front = self.front(sec, &[label_text.as_str()]);
            let key = label_text;
            self.push_card(
                CardKind::Basic,
                sec,
                key,
                front,
                back,
                item.span.clone(),
                Some(item.span.start),
                None,
            );
        }
        unlabelled
    }

    /// The unlabelled items of a topic's (or problem's) lists as one card, "GPT › 핵심 내용"
    /// → those items as a list (with their nested lists), unless together they are longer
    /// than a facet card may be. Outside any section there is nothing to name the card by.
    fn unlabelled_card(&mut self, sec: Option<usize>, items: &[&'t Block]) {
        if sec.is_none() {
            self.skip_unlabelled(items);
            return;
        }
        let size: usize = items.iter().map(|b| self.text_chars(b)).sum();
        if size > FACET_MAX_CHARS {
            for item in items {
                self.skip(
                    item.span.clone(),
                    &format!(
                        "list item without a bold label; the unlabelled items here are too \
                         long for one card ({size} characters, limit {FACET_MAX_CHARS})"
                    ),
                );
            }
            return;
        }
        let (Some(first), Some(last)) = (items.first(), items.last()) else {
            return;
        };
        let mut back = String::from("<ul>");
        self.render_blocks(items, &mut back);
        back.push_str("</ul>");
        let front = self.front(sec, &[UNLABELLED_KEY]);
        self.push_card(
            CardKind::Basic,
            sec,
            UNLABELLED_KEY.to_string(),
            front,
            back,
            first.span.start..last.span.end,
            Some(first.span.start),
            None,
        );
    }

    /// Claims from labelled bullets (any depth) and formula bullets of a list.
    fn list_claims(&mut self, sec: Option<usize>, list: &Block) {
        let mut lead = Plain::default();
        for item in list.children.iter().filter(|c| c.kind == Kind::Item) {
            let (lead_range, rest) = self.tree.item_lead(item);
            let lead_evs = self.tree.events.get(lead_range).unwrap_or_default();
            lead.fill(self.text, lead_evs);
            let label = label_of(&lead, !rest.is_empty());
            self.item_claims(sec, &lead, label.as_ref(), rest);
        }
    }

    /// The claim of one list item (labelled value or formula), then of its nested lists.
    fn item_claims(
        &mut self,
        sec: Option<usize>,
        lead: &Plain,
        label: Option<&Label>,
        rest: &[Block],
    ) {
        {
            if let Some(label) = label {
                let value = lead.text[label.value_start.min(lead.text.len())..].trim();
                if !value.is_empty() && !label.plain_label {
                    let vstart = lead.text.len()
                        - lead.text[label.value_start.min(lead.text.len())..]
                            .trim_start()
                            .len();
                    let vrange = vstart..vstart + value.len();
                    let subject = self.subject(sec);
                    if let Some(value_span) = lead.exact_src_span(self.text, &vrange) {
                        self.doc.claims.push(Claim {
                            subject,
                            attribute: math::tex_only(&label.text),
                            value: math::tex_only(value),
                            origin: ClaimOrigin::Bullet,
                            span: lead.span.clone(),
                            value_span,
                        });
                    }
                }
            } else {
                self.formula_claim(sec, lead, lead.span.clone());
            }
            for c in rest {
                match c.kind {
                    Kind::List => self.list_claims(sec, c),
                    Kind::CodeBlock => self.code_claims(sec, c),
                    _ => {}
                }
            }
        }
    }

    /// `ΔW = **A × B**`: a short math-like left side, a short right side, no Hangul.
    fn formula_claim(&mut self, sec: Option<usize>, plain: &Plain, span: Span) {
        let t = &plain.text;
        let Some(first) = t.find('=') else {
            return;
        };
        let eq = t.find(" = ").unwrap_or(first);
        let lhs = t[..eq].trim();
        let rhs_start = eq + if t[eq..].starts_with(" = ") { 3 } else { 1 };
        let rhs = t[rhs_start..].trim();
        if !is_formula_side(lhs, 10) || !is_formula_side(rhs, 40) || rhs.contains('=') {
            return;
        }
        let lead = t[rhs_start..].len() - t[rhs_start..].trim_start().len();
        let vrange = rhs_start + lead..rhs_start + lead + rhs.len();
        // A value the checker could not point at exactly (inside a code span over two
        // lines, across an HTML comment) is no claim.
        let Some(value_span) = plain.exact_src_span(self.text, &vrange) else {
            return;
        };
        let subject = self.subject(sec);
        self.doc.claims.push(Claim {
            subject,
            attribute: math::tex_only(lhs),
            value: math::tex_only(rhs),
            origin: ClaimOrigin::Formula,
            span,
            value_span,
        });
    }

    /// Formula claims from the lines of a code block (`y' = (W + BA)x`).
    fn code_claims(&mut self, sec: Option<usize>, b: &Block) {
        for e in self.tree.inner(b) {
            let Event::Text(t) = &e.ev else { continue };
            let exact = self.text.get(e.span.clone()) == Some(t.as_ref());
            let mut off = 0;
            for line in t.split_inclusive('\n') {
                let content = line.trim_end_matches(['\n', '\r']);
                let start = if exact {
                    e.span.start + off
                } else {
                    e.span.start
                };
                let plain = Plain {
                    text: content.to_string(),
                    map: vec![(0, start, exact)],
                    span: start..start + if exact { content.len() } else { 0 },
                    ..Plain::default()
                };
                self.formula_claim(sec, &plain, plain.span.clone());
                off += line.len();
            }
        }
    }

    /// Comparison table: one card per body cell.
    fn table(&mut self, sec: Option<usize>, table: &Block) {
        let mut head: Vec<(Plain, &Block)> = Vec::new();
        let mut rows: Vec<Vec<(Plain, &Block)>> = Vec::new();
        for part in &table.children {
            match part.kind {
                Kind::TableHead => {
                    head = self.cells(part);
                }
                Kind::TableRow => rows.push(self.cells(part)),
                _ => {}
            }
        }
        if head.len() < 2 || rows.is_empty() {
            self.skip(
                table.span.clone(),
                "table without a header row and at least two columns",
            );
            return;
        }
        let names = |cells: &mut dyn Iterator<Item = &str>| -> (usize, usize) {
            let mut n = 0;
            let mut total = 0;
            for c in cells {
                total += 1;
                if looks_like_name(c) {
                    n += 1;
                }
            }
            (n, total)
        };
        let (hn, ht) = names(&mut head.iter().skip(1).map(|(p, _)| p.text.trim()));
        let (cn, ct) = names(
            &mut rows
                .iter()
                .filter_map(|r| r.first())
                .map(|(p, _)| p.text.trim()),
        );
        // Columns name the subjects when the header is mostly names and more so than the
        // first column (Grad-CAM | Score-CAM); otherwise rows do (BERT / GPT / BART).
        let columns_are_subjects = ht > 0 && hn * 2 >= ht && (ct == 0 || hn * ct > cn * ht);
        let context = self.breadcrumb(sec).join(" › ");
        let table_line = self.lines.line_of(table.span.end.saturating_sub(1));
        let namespace = self.pins.get(&(table_line + 1)).map(|(id, _)| id.clone());
        for row in &rows {
            let Some((row_name, _)) = row.first() else {
                continue;
            };
            let row_name = row_name.text.trim();
            for (c, (cell, cell_block)) in row.iter().enumerate().skip(1) {
                let Some((col, _)) = head.get(c) else {
                    continue;
                };
                let col_name = col.text.trim();
                let value = cell.text.trim();
                if value.is_empty() || row_name.is_empty() || col_name.is_empty() {
                    continue;
                }
                let (subject, attribute) = if columns_are_subjects {
                    (col_name, row_name)
                } else {
                    (row_name, col_name)
                };
                let mut front = String::new();
                math::text_to_html(subject, &mut front);
                front.push_str(" › ");
                math::text_to_html(attribute, &mut front);
                if !context.is_empty() && !context.contains(subject) {
                    front.push_str(" <small>(");
                    math::escape_html(&context, &mut front);
                    front.push_str(")</small>");
                }
                let mut back = String::new();
                tree::render(self.tree.inner(cell_block), &mut back, &self.copies);
                let key = format!("{row_name} › {col_name}");
                let lead = cell.text.len() - cell.text.trim_start().len();
                let vrange = lead..lead + value.len();
                if let Some(value_span) = cell.exact_src_span(self.text, &vrange) {
                    self.doc.claims.push(Claim {
                        subject: math::tex_only(subject),
                        attribute: math::tex_only(attribute),
                        value: math::tex_only(value),
                        origin: ClaimOrigin::TableCell,
                        span: cell_block.span.clone(),
                        value_span,
                    });
                }
                let raw = self.make_card(
                    CardKind::Table,
                    sec,
                    key,
                    front,
                    back.trim().to_string(),
                    cell_block.span.clone(),
                );
                self.raw_cards.push(RawCard {
                    card: raw,
                    namespace: namespace.clone(),
                    pin_lines: [None, None],
                });
            }
        }
    }

    fn cells(&self, row: &'t Block) -> Vec<(Plain, &'t Block)> {
        row.children
            .iter()
            .filter(|c| c.kind == Kind::TableCell)
            .map(|c| (Plain::of(self.text, self.tree.inner(c)), c))
            .collect()
    }

    /// 📌 tips, `**Exam tip:**` paragraphs and quotes: a cloze card per item.
    fn tip_content(&mut self, sec: Option<usize>, title: &str, b: &'t Block) {
        match b.kind {
            Kind::List => {
                for item in b.children.iter().filter(|c| c.kind == Kind::Item) {
                    let (lead_range, rest) = self.tree.item_lead(item);
                    let evs = self.tree.events.get(lead_range).unwrap_or_default();
                    let plain = Plain::of(self.text, evs);
                    if let Some((front, key)) = cloze(evs, &plain, &self.copies) {
                        let span = item.span.clone();
                        self.push_card(
                            CardKind::Cloze,
                            sec,
                            key,
                            front,
                            String::new(),
                            span.clone(),
                            Some(span.start),
                            None,
                        );
                    } else if !rest.is_empty() {
                        // `- Surrogate 모델` + nested list after a tip: an ordinary labelled item.
                        for item in self.list_cards_items(sec, std::slice::from_ref(item), false) {
                            self.skip(
                                item.span.clone(),
                                "list item without a bold label (outside facet sections only \
                                 labelled bullets become cards)",
                            );
                        }
                    } else {
                        self.skip(
                            item.span.clone(),
                            "tip line with nothing to hide (no bold part and no `=`, `:` or `→`)",
                        );
                    }
                }
            }
            Kind::BlockQuote => {
                for p in &b.children {
                    match p.kind {
                        Kind::Paragraph => {
                            self.tip_item(sec, title, self.tree.inner(p), p.span.clone());
                        }
                        Kind::List => self.tip_content(sec, title, p),
                        _ => {}
                    }
                }
            }
            Kind::Paragraph => {
                self.tip_item(sec, title, self.tree.inner(b), b.span.clone());
            }
            _ => {}
        }
    }

    /// One tip line as a cloze card; when it has nothing to hide, a basic card under the tip's
    /// title (for a paragraph) or a skipped entry. Returns whether a card was made.
    fn tip_item(&mut self, sec: Option<usize>, title: &str, evs: &[Ev<'a>], span: Span) -> bool {
        let plain = Plain::of(self.text, evs);
        if plain.text.trim().is_empty() {
            return false;
        }
        if let Some((front, key)) = cloze(evs, &plain, &self.copies) {
            self.push_card(
                CardKind::Cloze,
                sec,
                key,
                front,
                String::new(),
                span.clone(),
                Some(span.start),
                None,
            );
            return true;
        }
        if !title.is_empty() && prose_reason(plain.text.trim()).is_none() {
            let mut back = String::new();
            tree::render(evs, &mut back, &self.copies);
            let front = self.front(sec, &[title]);
            self.push_card(
                CardKind::Basic,
                sec,
                title.to_string(),
                front,
                back,
                span.clone(),
                Some(span.start),
                None,
            );
            return true;
        }
        self.skip(
            span,
            "tip line with nothing to hide (no bold part and no `=`, `:` or `→`)",
        );
        false
    }

    // -----------------------------------------------------------------------------------------
    // Rendering helpers

    /// Render blocks as one card side, leaving out long prose (recorded as skipped) and the
    /// second renderings of display formulas.
    fn render_blocks(&mut self, blocks: &[&Block], out: &mut String) {
        for (i, b) in blocks.iter().enumerate() {
            self.render_one(b, blocks.get(i + 1).copied(), out);
        }
    }

    /// [`Self::render_blocks`] over a block's children (no intermediate vector).
    fn render_children(&mut self, blocks: &[Block], out: &mut String) {
        for (i, b) in blocks.iter().enumerate() {
            self.render_one(b, blocks.get(i + 1), out);
        }
    }

    /// One block as HTML; `next` is the block after it (a line introducing left-out prose
    /// is left out with it).
    fn render_one(&mut self, b: &Block, next: Option<&Block>, out: &mut String) {
        match b.kind {
            Kind::Paragraph => {
                let plain = Plain::of(self.text, self.tree.inner(b));
                if plain.images.is_empty()
                    && let Some(reason) = prose_reason(plain.text.trim())
                {
                    self.skip(b.span.clone(), &reason);
                    return;
                }
                // A line that only introduces left-out prose (`…보면:`) goes with it.
                if plain.text.trim_end().ends_with(':') && next.is_some_and(|n| self.is_prose(n)) {
                    self.skip(
                        b.span.clone(),
                        "introduces a prose paragraph that was left out",
                    );
                    return;
                }
                // Render straight into `out`; drop the `<p>` again if nothing showed.
                let mark = out.len();
                out.push_str("<p>");
                let body = out.len();
                tree::render(self.tree.inner(b), out, &self.copies);
                let trimmed_end = out.trim_end().len();
                out.truncate(trimmed_end.max(body));
                if out[body..].trim().is_empty() {
                    out.truncate(mark);
                } else {
                    out.push_str("</p>");
                }
            }
            Kind::Item => {
                out.push_str("<li>");
                let (lead, rest) = self.tree.item_lead(b);
                let evs = self.tree.events.get(lead).unwrap_or_default();
                tree::render(evs, out, &self.copies);
                self.render_children(rest, out);
                out.push_str("</li>");
            }
            Kind::List => {
                let ordered = self
                    .tree
                    .events
                    .get(b.inner.start.saturating_sub(1))
                    .and_then(|e| match e.ev {
                        Event::Start(Tag::List(n)) => Some(n),
                        _ => None,
                    });
                match ordered.flatten() {
                    Some(1) => out.push_str("<ol>"),
                    Some(n) => out.push_str(&format!("<ol start=\"{n}\">")),
                    None => out.push_str("<ul>"),
                }
                self.render_children(&b.children, out);
                out.push_str(if ordered.flatten().is_some() {
                    "</ol>"
                } else {
                    "</ul>"
                });
            }
            Kind::BlockQuote => {
                out.push_str("<blockquote>");
                self.render_children(&b.children, out);
                out.push_str("</blockquote>");
            }
            Kind::Html | Kind::Rule => {}
            _ => {
                let start = b.inner.start.saturating_sub(1);
                let end = (b.inner.end + 1).min(self.tree.events.len());
                if let Some(evs) = self.tree.events.get(start..end) {
                    tree::render(evs, out, &self.copies);
                }
            }
        }
    }

    fn is_prose(&self, b: &Block) -> bool {
        b.kind == Kind::Paragraph && {
            let plain = Plain::of(self.text, self.tree.inner(b));
            plain.images.is_empty() && prose_reason(plain.text.trim()).is_some()
        }
    }

    /// Characters of text in a block (for the facet size limit).
    fn text_chars(&self, b: &Block) -> usize {
        self.tree
            .events
            .get(b.inner.clone())
            .unwrap_or_default()
            .iter()
            .map(|e| match &e.ev {
                Event::Text(t) | Event::Code(t) => t.chars().count(),
                _ => 0,
            })
            .sum()
    }

    // -----------------------------------------------------------------------------------------
    // Cards: context, identity

    /// Short titles from the problem down to `sec` (the title is the deck namespace).
    fn compute_path(&self, sec: Option<usize>) -> Vec<String> {
        let mut out = Vec::new();
        let mut cur = sec;
        while let Some(s) = cur {
            if self.doc.sections[s].kind != SectionKind::Title {
                out.push(self.info[s].short.clone());
            }
            cur = self.doc.sections[s].parent;
        }
        out.reverse();
        out
    }

    /// The path below the problem: what a front shows as context.
    fn compute_breadcrumb(&self, sec: Option<usize>) -> Vec<String> {
        let mut out = Vec::new();
        let mut cur = sec;
        while let Some(s) = cur {
            if matches!(
                self.doc.sections[s].kind,
                SectionKind::Topic | SectionKind::Facet
            ) {
                out.push(self.info[s].short.clone());
            }
            cur = self.doc.sections[s].parent;
        }
        out.reverse();
        out
    }

    /// Front text: breadcrumb › labels, falling back to the problem or title.
    /// Card context of every section (and of "no section"), computed once after the outline.
    fn build_contexts(&mut self) {
        let n = self.doc.sections.len();
        let mut all = Vec::with_capacity(n + 1);
        for sec in std::iter::once(None).chain((0..n).map(Some)) {
            let (deck, tags) = self.compute_deck_and_tags(sec);
            let breadcrumb = self.compute_breadcrumb(sec);
            all.push(SecCtx {
                crumb_html: self.crumb_html(&breadcrumb, sec),
                path: self.compute_path(sec),
                breadcrumb,
                subject: self.compute_subject(sec),
                deck,
                tags,
            });
        }
        self.contexts = all;
    }

    fn ctx(&self, sec: Option<usize>) -> Option<&SecCtx> {
        self.contexts.get(sec.map_or(0, |s| s + 1))
    }

    fn path(&self, sec: Option<usize>) -> Vec<String> {
        self.ctx(sec).map(|c| c.path.clone()).unwrap_or_default()
    }

    fn breadcrumb(&self, sec: Option<usize>) -> Vec<String> {
        self.ctx(sec)
            .map(|c| c.breadcrumb.clone())
            .unwrap_or_default()
    }

    fn subject(&self, sec: Option<usize>) -> String {
        self.ctx(sec).map(|c| c.subject.clone()).unwrap_or_default()
    }

    fn front(&self, sec: Option<usize>, labels: &[&str]) -> String {
        let Some(ctx) = self.ctx(sec) else {
            return String::new();
        };
        let mut out = String::with_capacity(ctx.crumb_html.len() + 32);
        if ctx.breadcrumb.is_empty() && !labels.is_empty() {
            // Only labels: `› ` would dangle.
        } else {
            out.push_str(&ctx.crumb_html);
        }
        for (i, label) in labels.iter().enumerate() {
            if i > 0 || !out.is_empty() {
                out.push_str(" › ");
            }
            math::text_to_html(label, &mut out);
        }
        out
    }

    /// The front of a card with no label of its own: breadcrumb, else path, else title.
    fn crumb_html(&self, breadcrumb: &[String], sec: Option<usize>) -> String {
        let parts = if breadcrumb.is_empty() {
            let path = self.compute_path(sec);
            if path.is_empty() {
                vec![self.doc.title.clone()]
            } else {
                path
            }
        } else {
            breadcrumb.to_vec()
        };
        let mut out = String::new();
        math::text_to_html(&parts.join(" › "), &mut out);
        out
    }

    /// The topic a claim is about (or the problem when there is no topic).
    fn compute_subject(&self, sec: Option<usize>) -> String {
        let mut cur = sec;
        let mut fallback = None;
        while let Some(s) = cur {
            match self.doc.sections[s].kind {
                SectionKind::Topic => return self.info[s].short.clone(),
                SectionKind::Problem if fallback.is_none() => {
                    fallback = Some(self.info[s].short.clone())
                }
                _ => {}
            }
            cur = self.doc.sections[s].parent;
        }
        fallback.unwrap_or_else(|| self.doc.title.clone())
    }

    fn compute_deck_and_tags(&self, sec: Option<usize>) -> (Vec<String>, Vec<String>) {
        let mut deck = vec![self.doc.title.clone()];
        let mut tags = Vec::new();
        let mut cur = sec;
        let mut chain = Vec::new();
        while let Some(s) = cur {
            chain.push(s);
            cur = self.doc.sections[s].parent;
        }
        for &s in chain.iter().rev() {
            match self.doc.sections[s].kind {
                SectionKind::Problem => {
                    deck.push(self.info[s].short.clone());
                    tags.push(tag(&self.info[s].short));
                }
                SectionKind::Topic => tags.push(tag(&self.info[s].short)),
                _ => {}
            }
        }
        tags.retain(|t| !t.is_empty());
        (deck, tags)
    }

    fn make_card(
        &self,
        kind: CardKind,
        sec: Option<usize>,
        key: String,
        front: String,
        back: String,
        span: Span,
    ) -> Card {
        let (deck, tags) = self
            .ctx(sec)
            .map(|c| (c.deck.clone(), c.tags.clone()))
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
        Card {
            kind,
            id: String::new(),
            key,
            deck,
            path: self.path(sec),
            front,
            back,
            tags,
            span,
            line,
            pinned_id: None,
            images,
        }
    }

    /// Add a card. `pin_at` are offsets whose lines may carry the card's id pin;
    /// `pin_line` an extra 0-based line (the line after a heading).
    #[allow(clippy::too_many_arguments)]
    fn push_card(
        &mut self,
        kind: CardKind,
        sec: Option<usize>,
        key: String,
        front: String,
        back: String,
        span: Span,
        pin_at: Option<usize>,
        pin_line: Option<usize>,
    ) {
        if front.trim().is_empty() || (back.trim().is_empty() && kind != CardKind::Cloze) {
            self.skip(span, "would make a card with an empty side");
            return;
        }
        let card = self.make_card(kind, sec, key, front, back, span);
        let mut pin_lines = [pin_at.map(|o| self.lines.line_of(o)), None];
        if let Some(l) = pin_line {
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
            pin_lines[1] = Some(l);
        }
        self.raw_cards.push(RawCard {
            card,
            namespace: None,
            pin_lines,
        });
    }

    fn skip(&mut self, span: Span, reason: &str) {
        self.doc.skipped.push(Skipped {
            line: self.lines.line_of(span.start) + 1,
            span,
            reason: reason.to_string(),
        });
    }

    /// Sort cards into source order, make keys unique per heading path, assign ids.
    fn finish_cards(&mut self) {
        let mut raw = std::mem::take(&mut self.raw_cards);
        raw.sort_by_key(|r| r.card.span.start);
        // Keyed by the card's id before disambiguation: same namespace, path and key.
        let mut counts: HashMap<String, usize> = HashMap::with_capacity(raw.len());
        let mut used_pins: HashMap<String, usize> = HashMap::new();
        for r in &mut raw {
            let title = &self.doc.title;
            let hashed = |card: &Card, ns: &Option<String>| match ns {
                Some(ns) => card_id(&format!("pin\u{1f}{ns}"), &[], &card.key),
                None => card_id(title, &card.path, &card.key),
            };
            let base = hashed(&r.card, &r.namespace);
            let n = counts.entry(base.clone()).or_insert(0);
            *n += 1;
            r.card.id = base;
            if *n > 1 {
                r.card.key = format!("{}#{}", r.card.key, n);
                r.card.id = hashed(&r.card, &r.namespace);
            }
            let pin = r
                .pin_lines
                .iter()
                .flatten()
                .find_map(|l| self.pins.get(l))
                .map(|(id, span)| (id.clone(), span.clone()));
            if let Some((id, span)) = pin {
                if let Some(prev) = used_pins.insert(id.clone(), r.card.line) {
                    self.doc.problems.push(Problem {
                        span,
                        message: format!(
                            "id pin `{id}` is used by two cards (lines {prev} and {}); \
                             give one of them a different id",
                            r.card.line
                        ),
                    });
                } else {
                    r.card.id = id.clone();
                    r.card.pinned_id = Some(id);
                }
            }
        }
        self.doc.cards = raw.into_iter().map(|r| r.card).collect();
    }

    fn line_span(&self, span: Span) -> Span {
        let end = self.text[span.start..span.end.min(self.text.len())]
            .find('\n')
            .map_or(span.end, |i| span.start + i);
        span.start..end
    }
}

/// Stable card id: SHA-256 of (deck namespace, heading path, key), first 64 bits in base62
/// (11 characters, no spaces or separators).
pub fn card_id(namespace: &str, path: &[String], key: &str) -> String {
    let mut h = Sha256::new();
    h.update(namespace.as_bytes());
    for p in path {
        h.update([0x1f]);
        h.update(p.as_bytes());
    }
    h.update([0x1e]);
    h.update(key.as_bytes());
    let digest = h.finalize();
    let mut n = digest
        .iter()
        .take(8)
        .fold(0u64, |acc, &b| (acc << 8) | u64::from(b));
    const ALPHABET: &[u8; 62] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    let mut out = [b'0'; 11];
    for slot in out.iter_mut().rev() {
        *slot = ALPHABET[(n % 62) as usize];
        n /= 62;
    }
    out.iter().map(|&b| b as char).collect()
}

// ---------------------------------------------------------------------------------------------
// Pure helpers

/// Second renderings of display formulas ([`math::katex_copies`]), looking only at lines
/// whose text (outside code) holds a TeX anchor byte: a display formula always has one.
fn display_copies(text: &str, tree: &Tree) -> Vec<Span> {
    let mut lines: Vec<Span> = Vec::new();
    let mut in_code = false;
    for e in &tree.events {
        match &e.ev {
            Event::Start(Tag::CodeBlock(_)) => in_code = true,
            Event::End(TagEnd::CodeBlock) => in_code = false,
            Event::Text(t)
                if !in_code
                    && t.bytes()
                        .fold(false, |acc, b| acc | matches!(b, b'\\' | b'_' | b'^')) =>
            {
                let start = text[..e.span.start.min(text.len())]
                    .rfind('\n')
                    .map_or(0, |i| i + 1);
                if lines.last().is_some_and(|l| l.start == start) {
                    continue;
                }
                let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
                lines.push(start..end);
            }
            _ => {}
        }
    }
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

/// `<!-- id: abc -->` pins by 0-based line, and a problem for each pin that is not usable.
/// Offset of the next `<!--` at or after `from`. Searching for `<` (memchr) and checking
/// the rest is several times cheaper than a substring search over the whole note.
fn find_comment(text: &str, mut from: usize) -> Option<usize> {
    loop {
        let at = from + text.get(from..)?.find('<')?;
        if text.get(at..)?.starts_with("<!--") {
            return Some(at);
        }
        from = at + 1;
    }
}

fn scan_pins(text: &str) -> (HashMap<usize, (String, Span)>, Vec<Problem>) {
    let mut out = HashMap::new();
    let mut problems = Vec::new();
    let mut line = 0;
    let mut last = 0;
    let mut from = 0;
    while let Some(start) = find_comment(text, from) {
        line += text[last..start].bytes().filter(|&b| b == b'\n').count();
        last = start;
        // Search for the end after the opening, so `<!-->` cannot close itself backwards.
        let Some(close) = text[start + 4..].find("-->") else {
            break;
        };
        let end = start + 4 + close + 3;
        from = end;
        let inner = text[start + 4..start + 4 + close].trim();
        if let Some(id) = inner.strip_prefix("id:") {
            let id = id.trim();
            if !id.is_empty()
                && id.len() <= 64
                && id
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
            {
                out.insert(line, (id.to_string(), start..end));
            } else {
                problems.push(Problem {
                    span: start..end,
                    message: format!(
                        "id pin `{id}` is not used: an id is 1 to 64 letters, digits, `-` or `_` \
                         (Anki identifies the note by it)"
                    ),
                });
            }
        }
    }
    (out, problems)
}

/// Heading or paragraph text without leading numbering (`1.`, `1)`) and outer spaces.
fn clean_title(text: &str) -> String {
    let t = text.trim();
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    let t = if digits > 0 && digits <= 3 {
        let rest = &t[digits..];
        match rest.strip_prefix('.').or_else(|| rest.strip_prefix(')')) {
            Some(r) if r.starts_with(' ') || r.is_empty() => r.trim_start(),
            _ => t,
        }
    } else {
        t
    };
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `문제9`, `문항 19` → `문제 9`, `문항 19`.
fn problem_name(title: &str) -> Option<String> {
    for word in ["문제", "문항"] {
        if let Some(rest) = title.strip_prefix(word) {
            let rest = rest.trim_start();
            let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
            if digits == 0 || digits > 4 {
                return None;
            }
            let after = &rest[digits..];
            if after.is_empty() || after.starts_with([' ', '.', ':', ')', '(', '-']) {
                return Some(format!("{word} {}", &rest[..digits]));
            }
        }
    }
    None
}

/// Full problem title: normalised name plus whatever followed the number.
fn problem_title(raw: &str, name: &str) -> String {
    let digits_end = raw
        .char_indices()
        .skip_while(|(_, c)| !c.is_ascii_digit())
        .find(|(_, c)| !c.is_ascii_digit())
        .map_or(raw.len(), |(i, _)| i);
    let rest = raw[digits_end..].trim();
    if rest.is_empty() {
        name.to_string()
    } else {
        format!("{name} {rest}")
    }
}

fn starts_paren_numbered(text: &str) -> bool {
    let t = text.trim_start();
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && t[digits..].starts_with(')')
}

/// Title without a trailing parenthesis: `BERT (Bidirectional …)` → `BERT`.
fn short_title(title: &str) -> String {
    let t = title.trim().trim_end_matches(':').trim();
    if t.ends_with(')')
        && let Some(open) = t.rfind('(')
    {
        let head = t[..open].trim();
        if !head.is_empty() {
            return head.to_string();
        }
    }
    t.to_string()
}

/// A same-level heading that names a new subject rather than an aspect of the topic.
fn looks_like_topic(title: &str) -> bool {
    let t = short_title(title);
    t.bytes().any(|b| b.is_ascii_alphabetic()) || is_comparison(&t)
}

/// `비교 요약 표`, `요약 비교표`, `개념 비교`: a section comparing the topics around it.
fn is_comparison(title: &str) -> bool {
    title.contains("비교") || title.contains("요약")
}

/// Table header or first-column cell that names a thing (Latin-script name) rather than an
/// attribute (mostly Hangul).
fn looks_like_name(cell: &str) -> bool {
    let latin = cell.chars().filter(char::is_ascii_alphabetic).count();
    let hangul = cell.chars().filter(|c| is_hangul(*c)).count();
    latin > 0 && latin >= hangul
}

fn is_hangul(c: char) -> bool {
    matches!(c, '\u{AC00}'..='\u{D7A3}' | '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}')
}

/// Anki tag: no spaces, no `"`, no hierarchy separator.
fn tag(name: &str) -> String {
    // One buffer: words joined by `_`, quotes dropped; `::` (Anki's hierarchy separator)
    // is rare enough to fix afterwards.
    let mut out = String::with_capacity(name.len());
    for (i, word) in name.split_whitespace().enumerate() {
        if i > 0 {
            out.push('_');
        }
        out.extend(word.chars().filter(|&c| c != '"'));
    }
    if out.contains("::") {
        out = out.replace("::", ":");
    }
    out
}

/// Why a paragraph is too long to be a card side, if it is.
fn prose_reason(text: &str) -> Option<String> {
    let chars = text.chars().count();
    let sentences = sentence_count(text);
    if sentences > PROSE_MAX_SENTENCES {
        Some(format!(
            "prose paragraph of {sentences} sentences (cards take at most {PROSE_MAX_SENTENCES})"
        ))
    } else if chars > PROSE_MAX_CHARS {
        Some(format!(
            "prose paragraph of {chars} characters (cards take at most {PROSE_MAX_CHARS})"
        ))
    } else if sentences == PROSE_MAX_SENTENCES && chars > PROSE_MAX_CHARS_TWO_SENTENCES {
        Some(format!(
            "prose paragraph of two sentences and {chars} characters (two sentences may take at \
             most {PROSE_MAX_CHARS_TWO_SENTENCES})"
        ))
    } else {
        None
    }
}

fn sentence_count(text: &str) -> usize {
    let b = text.as_bytes();
    let mut n = 0;
    for (i, &c) in b.iter().enumerate() {
        if matches!(c, b'.' | b'!' | b'?') {
            let next = b.get(i + 1);
            let prev_digit = i > 0 && b[i - 1].is_ascii_digit();
            if next.is_none_or(|&n| n == b' ' || n == b'\n') && !prev_digit {
                n += 1;
            }
        }
    }
    n
}

/// A short line right under a problem heading that names what the problem is about: one
/// line, at most [`SUBJECT_MAX_WORDS`] words and 40 characters, with Latin letters (a name:
/// `XAI`, `overfitting vs underfitting`), not bold (that is a topic), not a link, no sentence
/// end. Korean-only short lines there are as often the task (`… 옳은 것 고르기`) as a subject.
fn is_problem_subject(plain: &Plain, source: Option<&str>) -> bool {
    let t = plain.text.trim();
    !t.is_empty()
        && t.chars().count() <= 40
        && t.split_whitespace().count() <= SUBJECT_MAX_WORDS
        && t.chars().any(|c| c.is_ascii_alphabetic())
        && !t.ends_with(['.', '?', '!', ':', '다'])
        && !t.contains("://")
        && plain.strong.is_empty()
        && plain.images.is_empty()
        && source.is_some_and(|s| !s.trim().contains('\n'))
}

fn is_image_only(plain: &Plain) -> bool {
    let mut rest = plain.text.clone();
    for (_, alt, _) in &plain.images {
        rest = rest.replacen(alt.as_str(), "", 1);
    }
    rest.trim().is_empty()
}

fn is_formula_side(s: &str, max: usize) -> bool {
    let n = s.chars().count();
    n > 0
        && n <= max
        && !s.chars().any(is_hangul)
        && s.chars().any(|c| c.is_alphabetic())
        && (max > 10 || !s.contains(' '))
}

/// `📌 **암기 팁**` or `**Exam tip:**` / `**Exam keywords**:` → the tip's title.
fn tip_title(plain: &Plain) -> Option<String> {
    let t = plain.text.trim();
    if let Some(rest) = t.strip_prefix('📌') {
        let title = rest.trim().trim_end_matches(':').trim();
        return Some(if title.is_empty() {
            "팁".into()
        } else {
            title.to_string()
        });
    }
    let lower = t.to_lowercase();
    let bold_start = plain
        .strong
        .first()
        .is_some_and(|s| plain.text[..s.start].trim().is_empty());
    if bold_start
        && (lower.starts_with("exam tip") || lower.starts_with("exam keyword"))
        && t.ends_with(':')
    {
        return Some(
            t.trim_end_matches(':')
                .trim_end_matches('*')
                .trim()
                .to_string(),
        );
    }
    None
}

/// A bullet's label: `**구조**: …`, `**정의:** …`, `**사전 학습 방법**` + nested list, or a
/// short plain `각 블록:` + nested list.
struct Label {
    text: String,
    /// Plain offset where the value starts.
    value_start: usize,
    /// Plain-text label (`각 블록:`), not bold.
    plain_label: bool,
}

impl Label {
    /// The lead's events after the label and its colon.
    fn value_events<'a>(&self, evs: &[Ev<'a>]) -> Option<Vec<Ev<'a>>> {
        if self.plain_label {
            return None;
        }
        // Skip to the end of the first Strong.
        let mut depth = 0usize;
        let mut idx = None;
        for (i, e) in evs.iter().enumerate() {
            match e.ev {
                Event::Start(Tag::Strong) => depth += 1,
                Event::End(TagEnd::Strong) => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        idx = Some(i + 1);
                        break;
                    }
                }
                _ => {}
            }
        }
        let rest = evs.get(idx?..)?;
        let mut out: Vec<Ev<'a>> = Vec::with_capacity(rest.len());
        let mut first = true;
        for e in rest {
            if first && let Event::Text(t) = &e.ev {
                first = false;
                let trimmed = t.trim_start().trim_start_matches(':').trim_start();
                if trimmed.is_empty() {
                    continue;
                }
                let cut = t.len() - trimmed.len();
                let exact = e.span.len() == t.len();
                out.push(Ev {
                    ev: Event::Text(trimmed.to_string().into()),
                    span: if exact {
                        e.span.start + cut..e.span.end
                    } else {
                        e.span.clone()
                    },
                });
                continue;
            }
            first = false;
            out.push(Ev {
                ev: e.ev.clone(),
                span: e.span.clone(),
            });
        }
        let has_text = out.iter().any(|e| {
            matches!(&e.ev, Event::Text(t) if !t.trim().is_empty())
                || matches!(
                    e.ev,
                    Event::Code(_) | Event::InlineMath(_) | Event::Start(Tag::Image { .. })
                )
        });
        has_text.then_some(out)
    }
}

fn label_of(lead: &Plain, has_children: bool) -> Option<Label> {
    let t = &lead.text;
    let lead_ws = t.len() - t.trim_start().len();
    if let Some(s) = lead.strong.first()
        && s.start <= lead_ws
    {
        let inner = t[s.clone()].trim();
        let after = &t[s.end..];
        let after_trim = after.trim_start();
        let colon_inside = inner.ends_with(':');
        let label = inner.trim_end_matches(':').trim();
        if label.is_empty() || label.chars().count() > LABEL_MAX_CHARS {
            return None;
        }
        let value_start = if let Some(r) = after_trim.strip_prefix(':') {
            t.len() - r.len()
        } else if colon_inside || after_trim.is_empty() {
            s.end
        } else {
            return None;
        };
        if after_trim.is_empty() && !has_children && !colon_inside {
            return None;
        }
        return Some(Label {
            text: label.to_string(),
            value_start,
            plain_label: false,
        });
    }
    // `각 블록:` + nested list.
    let trimmed = t.trim();
    let n = trimmed.chars().count();
    if has_children
        && n > 0
        && (trimmed.ends_with(':') && n <= LABEL_MAX_CHARS || n <= PLAIN_LABEL_MAX_CHARS)
        && lead.strong.is_empty()
    {
        return Some(Label {
            text: trimmed.trim_end_matches(':').trim().to_string(),
            value_start: t.len(),
            plain_label: true,
        });
    }
    None
}

/// Build a cloze front for a tip line: hide the bold parts other than a leading subject;
/// failing that, everything after the first `=`, `:` or `→`. Returns (front HTML, key).
fn cloze(evs: &[Ev], plain: &Plain, copies: &[Span]) -> Option<(String, String)> {
    let t = &plain.text;
    let lead_ws = t.len() - t.trim_start().len();
    let leading = plain.strong.first().filter(|s| s.start <= lead_ws).cloned();
    let hidden: Vec<usize> = plain
        .strong
        .iter()
        .enumerate()
        .filter(|(_, s)| Some(*s) != leading.as_ref() && !t[(*s).clone()].trim().is_empty())
        .map(|(i, _)| i)
        .collect();
    let mut out: Vec<Ev> = Vec::with_capacity(evs.len() + 4);
    let key: String;
    if !hidden.is_empty() {
        let mut strong_i = 0usize;
        let mut depth = 0usize;
        let mut n = 0usize;
        let mut open = false;
        for e in evs {
            match e.ev {
                Event::Start(Tag::Strong) => {
                    if depth == 0 && hidden.contains(&strong_i) {
                        n += 1;
                        out.push(Ev {
                            ev: tree::cloze_open(n),
                            span: e.span.start..e.span.start,
                        });
                        open = true;
                    }
                    depth += 1;
                    out.push(Ev {
                        ev: e.ev.clone(),
                        span: e.span.clone(),
                    });
                }
                Event::End(TagEnd::Strong) => {
                    depth = depth.saturating_sub(1);
                    out.push(Ev {
                        ev: e.ev.clone(),
                        span: e.span.clone(),
                    });
                    if depth == 0 {
                        if open {
                            out.push(Ev {
                                ev: tree::cloze_close(),
                                span: e.span.end..e.span.end,
                            });
                            open = false;
                        }
                        strong_i += 1;
                    }
                }
                _ => out.push(Ev {
                    ev: e.ev.clone(),
                    span: e.span.clone(),
                }),
            }
        }
        let mut k = String::new();
        let mut pos = 0;
        for (i, s) in plain.strong.iter().enumerate() {
            if hidden.contains(&i) {
                k.push_str(&t[pos..s.start]);
                k.push('…');
                pos = s.end;
            }
        }
        k.push_str(&t[pos..]);
        key = k;
    } else {
        // Hide what follows the first separator after the leading subject.
        let from = leading.as_ref().map_or(0, |s| s.end);
        let (sep_at, sep_len) = [" = ", ": ", " → ", "= ", " ="]
            .iter()
            .filter_map(|sep| t[from..].find(sep).map(|i| (from + i, sep.len())))
            .min_by_key(|&(i, _)| i)?;
        let mut cut = sep_at + sep_len;
        // `X = “…”`: the quotes frame the answer; keep them outside the deletion.
        let rest = &t[cut..];
        let ws = rest.len() - rest.trim_start().len();
        if let Some(q) = ['“', '"']
            .into_iter()
            .find(|&q| rest.trim_start().starts_with(q))
            && rest.trim_end().len() > ws + q.len_utf8()
            && rest.trim_end().ends_with(['”', '"'])
        {
            cut += ws + q.len_utf8();
        }
        let answer = t[cut..].trim();
        let question = t[..sep_at].trim();
        if answer.is_empty() || question.is_empty() {
            return None;
        }
        // The cut must fall in a top-level text event. Offsets count text the way
        // `Plain::of` does: image alt text is not part of the plain text.
        let mut pos = 0usize;
        let mut depth = 0usize;
        let mut in_image = false;
        let mut done = false;
        for e in evs {
            match &e.ev {
                Event::Start(Tag::Image { .. }) => {
                    in_image = true;
                    out.push(Ev {
                        ev: e.ev.clone(),
                        span: e.span.clone(),
                    });
                }
                Event::End(TagEnd::Image) => {
                    in_image = false;
                    out.push(Ev {
                        ev: e.ev.clone(),
                        span: e.span.clone(),
                    });
                }
                _ if in_image => out.push(Ev {
                    ev: e.ev.clone(),
                    span: e.span.clone(),
                }),
                Event::Text(s) | Event::Code(s) | Event::InlineMath(s) | Event::DisplayMath(s) => {
                    let len = s.len();
                    if !done && pos <= cut && cut <= pos + len && (cut < pos + len || depth == 0) {
                        if depth != 0 || !matches!(e.ev, Event::Text(_)) {
                            return None;
                        }
                        let local = cut - pos;
                        let (a, b) = s.split_at_checked(local)?;
                        let exact = e.span.len() == len;
                        let mid = if exact {
                            e.span.start + local
                        } else {
                            e.span.start
                        };
                        out.push(Ev {
                            ev: Event::Text(a.to_string().into()),
                            span: e.span.start..mid,
                        });
                        out.push(Ev {
                            ev: tree::cloze_open(1),
                            span: mid..mid,
                        });
                        out.push(Ev {
                            ev: Event::Text(b.to_string().into()),
                            span: mid..e.span.end,
                        });
                        done = true;
                    } else {
                        out.push(Ev {
                            ev: e.ev.clone(),
                            span: e.span.clone(),
                        });
                    }
                    pos += len;
                }
                Event::SoftBreak | Event::HardBreak => {
                    pos += 1;
                    out.push(Ev {
                        ev: e.ev.clone(),
                        span: e.span.clone(),
                    });
                }
                Event::Start(
                    Tag::Strong | Tag::Emphasis | Tag::Link { .. } | Tag::Strikethrough,
                ) => {
                    depth += 1;
                    out.push(Ev {
                        ev: e.ev.clone(),
                        span: e.span.clone(),
                    });
                }
                Event::End(
                    TagEnd::Strong | TagEnd::Emphasis | TagEnd::Link | TagEnd::Strikethrough,
                ) => {
                    depth = depth.saturating_sub(1);
                    out.push(Ev {
                        ev: e.ev.clone(),
                        span: e.span.clone(),
                    });
                }
                _ => out.push(Ev {
                    ev: e.ev.clone(),
                    span: e.span.clone(),
                }),
            }
        }
        if !done {
            return None;
        }
        // `“DARTS = …”`: the closing quote stays outside the deletion, like the opening one.
        let quoted = ["“", "\""].iter().any(|q| t[..cut].contains(q));
        let mut tail: Option<Ev> = None;
        if quoted
            && let Some(last) = out.last_mut()
            && let Event::Text(txt) = &last.ev
        {
            let trimmed = txt.trim_end();
            if let Some(body) = trimmed
                .strip_suffix('”')
                .or_else(|| trimmed.strip_suffix('"'))
                && !body.trim().is_empty()
            {
                let quote = txt[body.len()..].to_string();
                let split = if last.span.len() == txt.len() {
                    last.span.start + body.len()
                } else {
                    last.span.end
                };
                let end = last.span.end;
                last.ev = Event::Text(body.to_string().into());
                last.span = last.span.start..split;
                tail = Some(Ev {
                    ev: Event::Text(quote.into()),
                    span: split..end,
                });
            }
        }
        let end = out.last().map_or(0, |e| e.span.end);
        out.push(Ev {
            ev: tree::cloze_close(),
            span: end..end,
        });
        out.extend(tail);
        key = format!("{} …", t[..cut].trim());
    }
    let mut front = String::new();
    tree::render(&out, &mut front, copies);
    let front = front.trim().to_string();
    Some((front, key.trim().to_string()))
}
