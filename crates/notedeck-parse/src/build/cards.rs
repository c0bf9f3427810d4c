//! Cards from a section's body: the walk over its blocks, handing a facet's blocks and a
//! topic's unlabelled bullets to the cards that gather them ([`super::gathered`]).

use super::formulas::{FormulaLines, is_display_formula};
use super::tips::tip_title;
use super::{Builder, CardDraft, LABEL_MAX_CHARS};
use crate::tree::{Block, Kind, Plain};
use crate::{CardKind, SectionKind};
use std::sync::Arc;

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
/// Most words in a line naming a problem's subject (see [`is_problem_subject`]).
const SUBJECT_MAX_WORDS: usize = 4;
/// Labels of the card a diagram of its section goes with first (`U-Net › 구조`).
const STRUCTURE_LABELS: &[&str] = &["구조", "아키텍처", "structure", "architecture"];

impl<'t, 'a> Builder<'t, 'a> {
    pub(super) fn body(
        &mut self,
        sec: Option<usize>,
        blocks: &[usize],
        plains: &[Option<Box<Plain>>],
    ) {
        let tree = self.tree;
        let blocks = self.solved_problem(sec, blocks, plains);
        let Some(blocks) = self.past_worked_example(sec, &blocks, plains) else {
            return;
        };
        let blocks: &[usize] = &blocks;
        let facet = sec.is_some_and(|s| self.doc.sections[s].kind == SectionKind::Facet)
            && !self.is_subtopic(sec, blocks);
        // An exam's question copied into a facet is asked under the facet's topic: its
        // choices are about the topic, not about the facet it sits in.
        let exam_sec = match sec {
            Some(s) if facet => self.doc.sections[s].parent.or(sec),
            _ => sec,
        };
        let mut parts: Vec<&'t Block> = Vec::new();
        // Unlabelled bullets of this body's lists, for one 핵심 내용 card.
        let mut loose: Vec<&'t Block> = Vec::new();
        // Image-only paragraphs outside facet sections, for the section's cards' answers.
        let mut figures: Vec<&'t Block> = Vec::new();
        // Lists of a facet section after a table that is no part of it.
        let mut detached: Vec<&'t Block> = Vec::new();
        let cards_before = self.raw_cards.len();
        let (mut seen_list, mut seen_table, mut seen_ordered_list) = (false, false, false);
        // The card a closing `**Name**` made of the formula after its list (or a bold title
        // over it, or the topic's own), where the block after that formula is, and which
        // lines of the list there go on with it.
        let mut named_formula: Option<(usize, usize, FormulaLines)> = None;
        let mut i = 0;
        while i < blocks.len() {
            let b = &tree.blocks[blocks[i]];
            i += 1;
            match b.kind {
                Kind::Rule | Kind::Html | Kind::Heading(_) => {}
                Kind::Table if facet && self.works_out_givens(sec, &parts) => {
                    // `- 입력 28×28×192 → 5×5 conv` over the table of its sums: the answer.
                    parts.push(b);
                    seen_table = true;
                }
                Kind::Table => {
                    // A facet's list followed by a table: the table is no part of the facet,
                    // unless the list's last line introduces it (`- 예시: $R = 81$ → bracket
                    // 5개` over the brackets' table).
                    let before = (i >= 2).then(|| &tree.blocks[blocks[i - 2]]);
                    let intro = match before {
                        Some(l) if l.kind == Kind::List => self.table_intro(l),
                        // `📌 **계산 예시** ($k = 60$)` over the table it works out.
                        Some(p)
                            if p.kind == Kind::Paragraph
                                && super::value_tables::titles_worked_example(&Plain::of(
                                    self.text,
                                    tree.inner(p),
                                )) =>
                        {
                            Some(Intro::Example)
                        }
                        _ => None,
                    };
                    self.table(
                        sec,
                        b,
                        facet && seen_list && intro.is_none(),
                        intro == Some(Intro::Example),
                    );
                    seen_table = true;
                    // `**Worked example**` over its matrix, then the sums it works out of it
                    // (`- BWT = (0.70 − 0.95) … = −0.16`): those are the example's too.
                    if intro == Some(Intro::Example)
                        && let Some(&next) = blocks.get(i)
                        && tree.blocks[next].kind == Kind::List
                        && self.works_sums_out(&tree.blocks[next])
                    {
                        self.worked_list(sec, &tree.blocks[next]);
                        i += 1;
                    }
                }
                Kind::CodeBlock => {
                    self.code_claims(sec, b);
                    if facet {
                        parts.push(b);
                    } else {
                        self.skip(b.span.clone(), "code block outside a facet section");
                    }
                }
                Kind::BlockQuote => self.tip_content(sec, "", b),
                Kind::List
                    if (i >= 2)
                        .then(|| &tree.blocks[blocks[i - 2]])
                        .is_some_and(|p| self.works_out_example_givens(p, b)) =>
                {
                    for item in b.children.iter().filter(|c| c.kind == Kind::Item) {
                        self.skip(item.span.clone(), super::lists::WORKED_EXAMPLE_REASON);
                    }
                }
                Kind::List => {
                    let ordered = self.list_start(b).is_some();
                    let after_named_parts = seen_ordered_list && !ordered;
                    // An exam's choices are no list of the facet's (restored below).
                    let seen_before = (seen_list, seen_ordered_list);
                    seen_list = true;
                    seen_ordered_list |= ordered;
                    // An exam's choices, the line giving the answer and the bullets explaining
                    // choices are asked together, true or false, and so are the givens above
                    // them (the question's card spans them): no loose lines, and in a facet
                    // (`**문제**: … 옳은 것은?` over `1. …` to `4. …` and `→ 정답 2`) neither
                    // they nor the prompt are its answer.
                    if let Some(taken) = self.exam_choices(
                        exam_sec,
                        [3, 2].map(|k| i.checked_sub(k).map(|j| &tree.blocks[blocks[j]])),
                        b,
                        [i, i + 1].map(|j| blocks.get(j).map(|&n| &tree.blocks[n])),
                    ) {
                        i += taken - 1;
                        (seen_list, seen_ordered_list) = seen_before;
                        self.exam_taken(facet, (&mut parts, &mut loose), i - taken, blocks);
                    } else if facet && (seen_table || after_named_parts) {
                        // A bullet list after the facet's numbered parts (`1. **Negative
                        // Sampling**` + its details, then `- 벡터 연산으로 …`, `- **한계**: …`)
                        // is the topic's again, as after a table.
                        // A table after the facet's list is no part of the facet, nor what
                        // follows it; after a table that is the facet's whole answer (`###
                        // 분할 종류`), a bullet is a remark of its own. Both are about the topic.
                        detached.push(b);
                    } else if facet {
                        self.list_claims(sec, b);
                        if !self.other_subjects_apart(sec, b) {
                            parts.push(b);
                        }
                    } else {
                        let cards_before_list = self.raw_cards.len();
                        let skipped_before_list = self.doc.skipped.len();
                        let mut unlabelled = self.body_list_cards(sec, b);
                        if let Some((card, at, taken)) = named_formula.take()
                            && at == i - 1
                        {
                            self.lines_after_formula(card, b, &mut unlabelled, taken);
                        }
                        // `- cross layer:` closing the list, then `$$ x_{l+1} = … $$`: the
                        // formula is what the line introduces.
                        let next = blocks.get(i).map(|&n| &tree.blocks[n]);
                        // The list's last line, unless it made a card of its own (a label
                        // with its value): a bare `**Name**` makes none.
                        let carded = |s: &Self, last: &Block| {
                            s.raw_cards[cards_before_list..]
                                .iter()
                                .any(|r| r.card.span.start == last.span.start)
                        };
                        if let (Some(last), Some(formula)) = (b.children.last(), next)
                            && !carded(self, last)
                            && self.introduced_formula(sec, last, formula)
                        {
                            if unlabelled.last().is_some_and(|&u| std::ptr::eq(u, last)) {
                                unlabelled.pop();
                            }
                            // Its line was listed as a label without an answer; it has one.
                            let listed = &self.doc.skipped[skipped_before_list..];
                            if let Some(k) = listed.iter().position(|s| s.span == last.span) {
                                self.doc.skipped.remove(skipped_before_list + k);
                            }
                            i += 1;
                            // A name's lines go on after its formula; a line introducing the
                            // formula (`**Layer-wise trust ratio**로 … 조정:`) is no name.
                            let src = self.text.get(last.span.clone()).unwrap_or_default();
                            if !src.trim_end().ends_with(':') {
                                named_formula =
                                    Some((self.raw_cards.len() - 1, i, FormulaLines::Opening));
                            }
                        } else if let Some(formula) = next
                            && let Some(card) =
                                self.formula_of_last_item(sec, cards_before_list, b, formula)
                        {
                            i += 1;
                            // `- **DistMult**: …`, its formula, then `- 단순, 빠름, …`: the
                            // name's lines go on after the formula cut them off.
                            named_formula = Some((card, i, FormulaLines::Opening));
                        }
                        // `- 라이브러리 내장 지원` closing the list over a table: a title of
                        // the table, which its cells answer; alone as the section's 핵심
                        // 내용 it answered nothing.
                        if let Some(&u) = unlabelled.last()
                            && self.titles_table_below(b, u)
                        {
                            unlabelled.pop();
                            self.skip(u.span.clone(), super::statements::TABLE_TITLE_REASON);
                        }
                        loose.extend(unlabelled);
                    }
                }
                Kind::Paragraph if let Some(taken) = self.choices_from(exam_sec, blocks, i - 1) => {
                    // `① …` or `(1) …` to the last choice (in one paragraph, or one a
                    // paragraph), the answer line and the bullets explaining choices. In a
                    // facet, the prompt over them is no part of its answer either.
                    i += taken - 1;
                    self.exam_taken(facet, (&mut parts, &mut loose), i - taken, blocks);
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
                        self.show_problem_subject(s, t);
                        continue;
                    }
                    // `**Exam keywords**: *Implicit data, …*` closing a facet: "Keywords?" asks
                    // nothing, and each keyword is asked by the topic's own cards.
                    if super::tips::is_keywords_line(t) {
                        self.skip(b.span.clone(), super::tips::KEYWORDS_REASON);
                        continue;
                    }
                    // `📌 **계산 예시** ($k = 60$)` titles the table it works out (below), or
                    // the list of sums right under it.
                    if super::value_tables::titles_worked_example(plain) {
                        self.skip(b.span.clone(), super::lists::WORKED_EXAMPLE_REASON);
                        // The list under the title is the computation it works out.
                        if let Some(&next) = blocks.get(i)
                            && tree.blocks[next].kind == Kind::List
                        {
                            self.worked_list(sec, &tree.blocks[next]);
                            i += 1;
                        }
                        continue;
                    }
                    // `📌 **BOHB** (…) = Hyperband의 random sampling을 …`: a tip of its own.
                    if super::tips::is_tip_line(plain) {
                        if !self.tip_item(sec, "", tree.inner(b), b.span.clone()) {
                            self.skip(b.span.clone(), "tip with nothing to ask");
                        }
                        continue;
                    }
                    if let Some(title) = tip_title(plain) {
                        // `📌 **팁**: prompt 설계 시 **변하지 않는 부분을 앞에** …`: a title with
                        // its one tip after the colon heads nothing but a list or a quote.
                        let own_tip = titled_tip_text(plain).is_some_and(|rest| {
                            rest.split_whitespace().count() >= TITLED_TIP_MIN_WORDS
                        });
                        let next = blocks[i..]
                            .iter()
                            .position(|&n| !matches!(tree.blocks[n].kind, Kind::Html));
                        match next.map(|k| (k, &tree.blocks[blocks[i + k]])) {
                            Some((k, n))
                                if matches!(n.kind, Kind::List | Kind::BlockQuote)
                                    || n.kind == Kind::Paragraph && !own_tip =>
                            {
                                self.tip_content(sec, &title, n);
                                i += k + 1;
                            }
                            _ if own_tip
                                && self.tip_item(sec, "", tree.inner(b), b.span.clone()) => {}
                            _ => self.skip(
                                b.span.clone(),
                                "tip heading without a list or quote after it",
                            ),
                        }
                        continue;
                    }
                    if plain.is_all_bold()
                        && let Some(q) = super::questions::note_question(t)
                        && let Some(k) = blocks[i..]
                            .iter()
                            .position(|&n| !matches!(tree.blocks[n].kind, Kind::Html))
                        && let n = &tree.blocks[blocks[i + k]]
                        && matches!(n.kind, Kind::List | Kind::Paragraph | Kind::CodeBlock)
                    {
                        self.question_card(sec, (b, plain, q), n);
                        i += k + 1;
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
                            if sec.is_some_and(|s| {
                                super::value_tables::is_example_facet(&self.info[s].short)
                            }) {
                                // `## 5. 간단 예시` + `**미로 탈출 게임**` + its states, actions
                                // and rewards: a worked example illustrates the topic, and
                                // its details (`+10`, `-1`) are made up for it.
                                self.skip(
                                    b.span.start..n.span.end,
                                    "worked example under an example section: it illustrates \
                                     the topic, and its made-up details are nothing to recall",
                                );
                                i += k + 1;
                                continue;
                            }
                            // `**Asymmetric 양자화**` + its formula + the list of what the
                            // formula's symbols mean; `**연산량 비교**` + the symbols + the
                            // formulas: formulas go on what the line introduces, and so
                            // does one list after a formula it opens with.
                            let mut taken = vec![n];
                            let mut lists = usize::from(n.kind == Kind::List);
                            let mut j = i + k + 1;
                            while let Some(&at) = blocks.get(j) {
                                let c = &tree.blocks[at];
                                if c.kind != Kind::Html {
                                    let formula = c.kind == Kind::Paragraph
                                        && is_display_formula(tree.inner(c));
                                    let list_after_formula = c.kind == Kind::List
                                        && lists == 0
                                        && taken.last().is_some_and(|l| {
                                            l.kind == Kind::Paragraph
                                                && is_display_formula(tree.inner(l))
                                        });
                                    if !formula && !list_after_formula {
                                        break;
                                    }
                                    lists += usize::from(list_after_formula);
                                    taken.push(c);
                                }
                                j += 1;
                            }
                            for l in taken.iter().filter(|l| l.kind == Kind::List) {
                                self.list_claims(sec, l);
                            }
                            let mut back = String::new();
                            self.render_blocks(&taken, &mut back);
                            let last = taken.last().map_or(n, |l| *l);
                            let span = b.span.start..last.span.end;
                            let front = self.front(sec, &[label.as_str()]);
                            self.push_card(CardDraft {
                                kind: CardKind::Basic,
                                sec,
                                key: label,
                                front,
                                back,
                                cloze: Vec::new(),
                                span,
                                pin_at: Some(b.span.start),
                                pin_line: None,
                            });
                            i = j;
                            continue;
                        }
                    }
                    self.formula_claim(sec, plain, b.span.clone());
                    if !plain.images.is_empty() && is_image_only(plain) {
                        if facet {
                            parts.push(b);
                        } else {
                            figures.push(b);
                        }
                        continue;
                    }
                    // `**두 비율 차이 z-검정** (전환율, CTR 등)` over its formula names it; the
                    // lines opening the list after it are the formula's, as a name's are.
                    if !facet
                        && let Some(&prev) = blocks.get(i.wrapping_sub(2))
                        && let Some(card) = self.titled_formula(sec, &tree.blocks[prev], b)
                    {
                        named_formula = Some((card, i, FormulaLines::OnSymbols));
                        continue;
                    }
                    if !facet && let Some(card) = self.topic_formula(sec, b) {
                        // `- $k(d)$: 노출된 위치, $\Delta$: …` right after it says what its
                        // symbols are: a line of its card, not a `핵심 내용` of its own.
                        named_formula = Some((card, i, FormulaLines::DefiningSymbols));
                        continue;
                    }
                    // A formula after a method named in the list above it.
                    if !facet
                        && let Some(&prev) = blocks.get(i.wrapping_sub(2))
                        && self.formula_of_named_item(&tree.blocks[prev], b)
                    {
                        continue;
                    }
                    if super::lists::is_source_line(t) {
                        self.skip(b.span.clone(), "names the notes' source (not knowledge)");
                    } else if self.is_navigation_paragraph(b) {
                        self.skip(b.span.clone(), super::navigation::NAVIGATION_REASON);
                    } else if let Some(reason) = prose_reason(t)
                        && !is_display_formula(tree.inner(b))
                    {
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
            if !detached.is_empty() {
                self.detached_lists(s, &detached);
            }
        }
        let beside_cards = self.raw_cards.len() > cards_before;
        self.loose_statements(sec, loose, beside_cards);
        self.attach_figures(cards_before, &figures);
    }

    /// Card on their own the items of a facet's `list` that introduce another subject with
    /// where and when it comes from (`FastText (Facebook, 2017)는 단어를 **문자 n-gram** …`
    /// under GloVe's `목적 함수`): a fact of that subject, not of the facet. Each is a cloze
    /// of its key term shown under the problem, and left out of the facet's answer. True when
    /// no item of the list is left for the facet.
    fn other_subjects_apart(&mut self, sec: Option<usize>, list: &'t Block) -> bool {
        // Every facet list of a vault comes through here, and almost none has such an item:
        // its source is looked at before any plain text is made.
        let marked = |src: &str| [")는 ", ")은 ", ")이란 "].iter().any(|m| src.contains(m));
        if !self.text.get(list.span.clone()).is_some_and(marked) {
            return false;
        }
        let topic = self
            .topic_of(sec)
            .map(|t| self.doc.sections[t].title.to_lowercase())
            .unwrap_or_default();
        let mut left = 0;
        for item in list.children.iter().filter(|c| c.kind == Kind::Item) {
            let (lead, rest) = self.tree.item_lead(item);
            let evs = self.tree.events.get(lead).unwrap_or_default();
            let introduces = rest.is_empty()
                && self.text.get(item.span.clone()).is_some_and(marked)
                && introduced_subject(&Plain::of(self.text, evs).text)
                    .is_some_and(|name| !topic.contains(&name.to_lowercase()));
            let before = self.raw_cards.len();
            if introduces && self.statement_cloze(sec, item, true) {
                // Under the subject's own topic when the note has one (the cloze shows it
                // there), else under the problem: not under the facet of another topic.
                let shown = self.path(self.problem_of(sec));
                for r in &mut self.raw_cards[before..] {
                    r.card.context.get_or_insert_with(|| shown.clone());
                }
                self.apart.push(item.span.start);
            } else {
                left += 1;
            }
        }
        left == 0
    }

    /// Lists after a table that is no part of facet `s` (ViT `한계`, its CNN vs ViT table, then
    /// `- DeiT (…)는 2021년 **distillation token**을 …`): read as the topic's own bullets,
    /// and the terms they define are shown under the topic too.
    fn detached_lists(&mut self, s: usize, lists: &[&'t Block]) {
        let parent = self.doc.sections[s].parent;
        let shown = self.path(parent);
        for list in lists {
            let loose = self.body_list_cards(parent, list);
            self.loose_statements(parent, loose, true);
            self.show_definitions_under(&list.span, &shown);
        }
    }

    /// Show the definition cards made from the terms inside `span` under `shown`, where the
    /// block they sit in is shown (a detached list, a table shown under its problem).
    pub(super) fn show_definitions_under(&mut self, span: &crate::Span, shown: &Arc<[String]>) {
        // Definition cards were made first, in source order.
        let defs = self
            .raw_cards
            .partition_point(|r| r.card.kind == CardKind::Definition);
        let from = self.raw_cards[..defs].partition_point(|r| r.card.span.start < span.start);
        for r in &mut self.raw_cards[from..defs] {
            if r.card.span.start >= span.end {
                break;
            }
            r.card.context = Some(shown.clone());
        }
    }

    /// An image between a topic's bullets or tables illustrates them: it goes at the end of
    /// the answer of the section's card just before it (else the first one after it, unless
    /// that is a table cell's), never on a "Topic → picture" card of its own, which asks
    /// nothing.
    fn attach_figures(&mut self, cards_before: usize, figures: &[&'t Block]) {
        for fig in figures {
            let ours = self.raw_cards.get(cards_before..).unwrap_or_default();
            // Nearest in the note, not in the order the cards were made (a facet's or the
            // 핵심 내용 card is made after the walk).
            // A statement's cloze or a term's definition is one fact of its own, no place for
            // a picture of the section (`2014년 Goodfellow 등이 제안` + GAN's diagram).
            let holds =
                |k: usize| !matches!(ours[k].card.kind, CardKind::Cloze | CardKind::Definition);
            // A diagram after a topic's bullets pictures its structure when it has one.
            let structure = (0..ours.len()).find(|&k| {
                ours[k].card.span.start < fig.span.start
                    && holds(k)
                    && STRUCTURE_LABELS
                        .iter()
                        .any(|l| ours[k].card.key.eq_ignore_ascii_case(l))
            });
            let before = structure.or_else(|| {
                (0..ours.len())
                    .filter(|&k| ours[k].card.span.start < fig.span.start && holds(k))
                    .max_by_key(|&k| ours[k].card.span.start)
            });
            // One table cell's card is no place for a picture of the whole table.
            let after = || {
                (0..ours.len())
                    .filter(|&k| ours[k].card.span.start > fig.span.start && holds(k))
                    .min_by_key(|&k| ours[k].card.span.start)
                    .filter(|&k| ours[k].card.kind != CardKind::Table)
            };
            let Some(at) = before.or_else(after).map(|k| cards_before + k) else {
                self.skip(
                    fig.span.clone(),
                    "image with no card of its section to go with (a picture alone asks nothing)",
                );
                continue;
            };
            let mut html = String::new();
            self.render_blocks(&[fig], &mut html);
            let first = self
                .doc
                .images
                .partition_point(|im| im.span.start < fig.span.start);
            let images: Vec<_> = self.doc.images[first..]
                .iter()
                .take_while(|im| im.span.end <= fig.span.end)
                .cloned()
                .collect();
            let card = &mut self.raw_cards[at].card;
            if !card.back.is_empty() {
                card.back.push_str("<br>");
            }
            card.back.push_str(&html);
            let mut all = std::mem::take(&mut card.images).into_vec();
            all.extend(images);
            card.images = all.into_boxed_slice();
        }
    }
}

/// Why a paragraph is too long to be a card side, if it is.
pub(super) fn prose_reason(text: &str) -> Option<String> {
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

pub(super) fn is_image_only(plain: &Plain) -> bool {
    let mut rest = plain.text.clone();
    for (_, alt, _) in &plain.images {
        rest = rest.replacen(alt.as_str(), "", 1);
    }
    rest.trim().is_empty()
}

/// The subject a line introduces with its origin: a Latin name, its source and year in
/// parentheses, and a Korean topic particle (`FastText (Facebook, 2017)는 …` → `FastText`).
fn introduced_subject(line: &str) -> Option<&str> {
    let t = line.trim_start();
    let (name, rest) = t.split_once(" (")?;
    let (aside, after) = rest.split_once(')')?;
    let is_name = !name.is_empty()
        && name.len() <= 40
        && name.starts_with(|c: char| c.is_ascii_alphabetic())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | ' ' | '.'));
    let year = aside.as_bytes().windows(4).any(|w| {
        (w.starts_with(b"19") || w.starts_with(b"20")) && w.iter().all(u8::is_ascii_digit)
    });
    let particle = ["는 ", "은 ", "이란 "].iter().any(|p| after.starts_with(p));
    (is_name && year && particle).then_some(name)
}

/// How the last line of a list introduces the table after it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Intro {
    /// An example line (`예시: …`, `예: …`, `Example: …`).
    Example,
    /// A line ending on a colon.
    Colon,
}

impl Builder<'_, '_> {
    /// Whether the last item of `list` introduces what follows the list, and how.
    fn table_intro(&self, list: &Block) -> Option<Intro> {
        let item = list.children.iter().rfind(|c| c.kind == Kind::Item)?;
        let (lead, rest) = self.tree.item_lead(item);
        if !rest.is_empty() {
            return None;
        }
        let plain = Plain::of(self.text, self.tree.events.get(lead).unwrap_or_default());
        let t = plain.text.trim();
        if ["예시", "예:", "예)", "example", "e.g."]
            .iter()
            .any(|p| t.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p)))
        {
            Some(Intro::Example)
        } else {
            t.ends_with(':').then_some(Intro::Colon)
        }
    }
}

/// Fewest words after a tip's title for the line to be a tip of its own.
const TITLED_TIP_MIN_WORDS: usize = 4;

/// What follows the title of `📌 **팁**: …` (a bold title right after the pin, then a colon).
fn titled_tip_text(plain: &Plain) -> Option<&str> {
    let t = plain.text.trim();
    let rest = t.strip_prefix('📌')?;
    let start = plain.text.len() - plain.text.trim_start().len() + (t.len() - rest.len());
    let title = plain.strong.first()?;
    if !plain.text.get(start..title.start)?.trim().is_empty() {
        return None;
    }
    let after = plain
        .text
        .get(title.end..)?
        .trim_start()
        .strip_prefix(':')?;
    Some(after.trim()).filter(|a| !a.is_empty())
}

impl<'t> Builder<'t, '_> {
    /// After an exam's choices beginning at `blocks[first]` were asked: in a facet, its
    /// prompt (the paragraph right before them, and the question over its givens when that
    /// is a list of them) is no part of the facet's answer; elsewhere, no loose line the
    /// question's cards span is a line of its own.
    fn exam_taken(
        &self,
        facet: bool,
        (parts, loose): (&mut Vec<&'t Block>, &mut Vec<&'t Block>),
        first: usize,
        blocks: &[usize],
    ) {
        let tree = self.tree;
        if facet {
            let block = |k: usize| first.checked_sub(k).map(|j| &tree.blocks[blocks[j]]);
            let prompt: Vec<&Block> = match (block(1), block(2)) {
                (Some(p), _) if p.kind == Kind::Paragraph => vec![p],
                (Some(l), Some(q)) if l.kind == Kind::List && q.kind == Kind::Paragraph => {
                    vec![l, q]
                }
                _ => Vec::new(),
            };
            parts.retain(|p| !prompt.iter().any(|q| std::ptr::eq(*p, *q)));
        } else if let Some(asked) = self.raw_cards.last().map(|r| r.card.span.clone()) {
            loose.retain(|u| !(asked.start <= u.span.start && u.span.end <= asked.end));
        }
    }

    /// The exam choices written as paragraphs from `blocks[at]` on ([`Self::paragraph_choices`]:
    /// one paragraph of choice lines, or one choice a paragraph), asked true or false; the
    /// blocks taken from `at` on.
    fn choices_from(&mut self, sec: Option<usize>, blocks: &[usize], at: usize) -> Option<usize> {
        let tree = self.tree;
        let opens_on_choice = |b: &Block| {
            b.kind == Kind::Paragraph
                && self
                    .text
                    .get(b.span.clone())
                    .is_some_and(|s| super::true_false::choice_mark(s).is_some())
        };
        let run: Vec<&'t Block> = blocks[at..]
            .iter()
            .map(|&n| &tree.blocks[n])
            .take_while(|b| opens_on_choice(b))
            .collect();
        if run.is_empty() {
            return None;
        }
        let block = |j: usize| blocks.get(j).map(|&n| &tree.blocks[n]);
        self.paragraph_choices(
            sec,
            &run,
            [2, 1].map(|k| at.checked_sub(k).and_then(block)),
            [at + run.len(), at + run.len() + 1].map(block),
        )
    }
}
