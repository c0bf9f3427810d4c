//! Cards from labelled list items (`- **구조**: …`), and what makes an item labelled.

use super::claim_labels::{is_claim_label, labels_are_claims};
use super::labels::{Label, label_of, plain_facet_label, plain_name_label};
use super::{Builder, CardDraft};
use crate::tree::{self, Block, Evs, Kind, Light, Plain};
use crate::{CardKind, math};
use pulldown_cmark::{Event, Tag};

/// A list item read once: the item, its label, its first line's events and its other
/// children.
type ReadItem<'t> = (&'t Block, Option<Label>, Evs<'t>, &'t [Block]);

/// Front label of the card listing a topic's claim labels ("MLOps Level 0 › 특징").
const CLAIMS_LABEL: &str = "특징";
/// Its key: not the label, which a `- **특징**:` bullet beside it may have as its own.
const CLAIMS_KEY: &str = "claims";

/// An item of a list nested under another ([`Builder::nested_items`]).
pub(super) struct NestedItem {
    /// Its first line opens with a label (bold, not a plain name).
    pub(super) labelled: bool,
    /// Nothing is nested under it.
    pub(super) leaf: bool,
}

/// Names of a line under a document's title saying what the note covers.
const NOTE_SCOPE: [&str; 4] = ["범위", "대상", "목차", "scope"];

/// Longest plain line read as the name of the labelled list under it.
const NAMING_LINE_MAX_CHARS: usize = 40;

impl<'t, 'a> Builder<'t, 'a> {
    /// Cards for the labelled items of a list directly in a topic's or problem's body, and the
    /// list's claims (as [`Self::list_claims`] records them). Returns the unlabelled items:
    /// the body gathers them into one [`super::gathered::UNLABELLED_KEY`] card.
    pub(super) fn body_list_cards(
        &mut self,
        sec: Option<usize>,
        list: &'t Block,
    ) -> Vec<&'t Block> {
        let mut lead = self.spare_plain();
        // One pass reads each item once; cards wait until the whole list's labels are known.
        let mut read: Vec<ReadItem<'t>> = Vec::new();
        for item in list.children.iter().filter(|c| c.kind == Kind::Item) {
            if let Some(why) = self.skip_reason(sec, item) {
                self.skip(item.span.clone(), why);
                continue;
            }
            let (lead_evs, rest) = self.item_lead_plain(item, &mut lead);
            let label = label_of(&lead, !rest.is_empty())
                .or_else(|| self.names_labelled_list(&lead, rest))
                .or_else(|| plain_facet_label(&lead));
            self.item_claims(sec, &lead, label.as_ref(), rest);
            read.push((item, label, lead_evs, rest));
        }
        self.spare_plains.push(lead);
        let labels = read
            .iter()
            .filter_map(|(_, l, _, _)| l.as_ref().filter(|l| !l.plain_label))
            .map(|l| l.text.as_str());
        if sec.is_some() && labels_are_claims(labels, read.len()) {
            // `- **No CI/CD**: …` under a topic: one card of the labels, as in a facet.
            let back = self.claim_list_html(&[list]);
            let front = self.front(sec, &[CLAIMS_LABEL]);
            self.push_card(CardDraft {
                kind: CardKind::Basic,
                sec,
                key: CLAIMS_KEY.into(),
                front,
                back,
                cloze: Vec::new(),
                span: list.span.clone(),
                pin_at: Some(list.span.start),
                pin_line: None,
            });
            return Vec::new();
        }
        let mut unlabelled = Vec::new();
        let first_card = self.raw_cards.len();
        for (item, label, lead_evs, rest) in read {
            match label {
                Some(label) => self.labelled_item_card(sec, None, item, &label, lead_evs, rest),
                None => unlabelled.push(item),
            }
        }
        self.join_same_labels(first_card);
        unlabelled
    }

    /// The short plain name labelling a topic's leftover line ([`plain_name_label`]: `-
    /// refuter 종류: …` → `refuter 종류`), and whether the line marks something itself (a
    /// bold part, or a source label such as `참고:`), which a cloze reads before the name.
    /// Read once per line: most lines have no `: ` and are turned away by a byte search.
    pub(super) fn line_name(&mut self, sec: Option<usize>, item: &Block) -> Option<(Label, bool)> {
        let src = self.text.get(item.span.clone()).unwrap_or_default();
        if sec.is_none() || memchr::memmem::find(src.as_bytes(), b": ").is_none() {
            return None;
        }
        let mut lead = self.spare_plain();
        self.item_lead_plain(item, &mut lead);
        let named = plain_name_label(&lead).map(|l| {
            let marked = !lead.strong.is_empty() || is_source_label(&l.text);
            (l, marked)
        });
        self.spare_plains.push(lead);
        named
    }

    /// The card of a topic's leftover line by the name [`Self::line_name`] read (`DoWhy ›
    /// refuter 종류`), or the line skipped as the note's scope.
    pub(super) fn named_line_card(&mut self, sec: Option<usize>, item: &'t Block, label: &Label) {
        // `- 범위: Continual Learning …, 평가 지표 + Avalanche 실습` under the document's title:
        // what the note covers, no fact.
        if sec.is_some_and(|s| self.doc.sections[s].level == 1)
            && NOTE_SCOPE.contains(&label.text.as_str())
        {
            self.skip(
                item.span.clone(),
                "says what the note covers, not a fact to study",
            );
            return;
        }
        let tree: &'t tree::Tree<'a> = self.tree;
        let (lead, rest) = tree.item_lead(item);
        let lead_evs = tree.events.get(lead).unwrap_or_default();
        self.labelled_item_card(sec, None, item, label, lead_evs, rest);
    }

    /// A plain line over a list every item of which is labelled (`- 분산 학습의 두 축` over `1.
    /// **Data Parallelism**: …`, `2. **Model Parallelism**: …`; `- 상관이 있어도 인과가 아닐 수
    /// 있는 이유` over `**교란 변수**: …`, …) names what the list sets out: it is the list's
    /// label, as a short name is ([`label_of`]), however many words it takes. Gathered with
    /// the topic's other unlabelled bullets, it made a `핵심 내용` card that asked nothing.
    fn names_labelled_list(&self, lead: &Plain, rest: &[Block]) -> Option<Label> {
        let text = lead.text.trim();
        let n = text.chars().count();
        if n == 0
            || n > NAMING_LINE_MAX_CHARS
            || !lead.strong.is_empty()
            || text.contains([':', '=', '$'])
            || text.ends_with(['.', '다'])
        {
            return None;
        }
        let items = self.nested_items(rest)?;
        (items.len() >= 2 && items.iter().all(|i| i.labelled)).then(|| Label {
            text: text.to_string(),
            math: Vec::new(),
            value_start: lead.text.len(),
            plain_label: true,
        })
    }

    /// The items of the one list nested under an item (its `rest`), each read for its label
    /// and for what is nested under it; `None` when `rest` is anything but one list.
    pub(super) fn nested_items(&self, rest: &[Block]) -> Option<Vec<NestedItem>> {
        let [list] = rest else { return None };
        if list.kind != Kind::List {
            return None;
        }
        let mut lead = Plain::default();
        Some(
            list.children
                .iter()
                .filter(|c| c.kind == Kind::Item)
                .map(|item| {
                    let (_, below) = self.item_lead_plain(item, &mut lead);
                    NestedItem {
                        labelled: label_of(&lead, !below.is_empty())
                            .is_some_and(|l| !l.plain_label),
                        leaf: below.is_empty(),
                    }
                })
                .collect(),
        )
    }

    /// One card for the items of one list under the same label (`- **예시**: 심전도 …`, `-
    /// **예시**: DDoS …`), their answers listed in order: two cards asked the same question.
    fn join_same_labels(&mut self, from: usize) {
        let mut i = from;
        while i < self.raw_cards.len() {
            let first = &self.raw_cards[i].card;
            let same: Vec<usize> = (i + 1..self.raw_cards.len())
                .filter(|&j| {
                    let other = &self.raw_cards[j].card;
                    first.kind == CardKind::Basic
                        && other.kind == CardKind::Basic
                        && other.key == first.key
                        && other.front == first.front
                })
                .collect();
            if !same.is_empty() {
                let mut back = String::from("<ul>");
                let mut end = first.span.end;
                for &j in std::iter::once(&i).chain(&same) {
                    let card = &self.raw_cards[j].card;
                    back.push_str("<li>");
                    back.push_str(&card.back);
                    back.push_str("</li>");
                    end = end.max(card.span.end);
                }
                back.push_str("</ul>");
                for &j in same.iter().rev() {
                    self.raw_cards.remove(j);
                }
                let card = &mut self.raw_cards[i].card;
                card.back = back;
                card.span.end = end;
            }
            i += 1;
        }
    }

    /// Cards for the labelled ones of `items` (a facet too long for one card, an item after a
    /// tip); the others are skipped. Records no claims: the caller has, or will.
    pub(super) fn labelled_cards(&mut self, sec: Option<usize>, items: &'t [Block]) {
        let unlabelled = self.labelled_cards_but(sec, items);
        // After the items' own skips, as the skipped list has always been ordered.
        self.skip_unlabelled(&unlabelled);
    }

    /// A card for each labelled item of `items`; the unlabelled ones are returned.
    pub(super) fn labelled_cards_but(
        &mut self,
        sec: Option<usize>,
        items: &'t [Block],
    ) -> Vec<&'t Block> {
        let mut unlabelled = Vec::new();
        let mut lead = self.spare_plain();
        for item in items.iter().filter(|c| c.kind == Kind::Item) {
            if let Some(why) = self.skip_reason(sec, item) {
                self.skip(item.span.clone(), why);
                continue;
            }
            let (lead_evs, rest) = self.item_lead_plain(item, &mut lead);
            match label_of(&lead, !rest.is_empty()) {
                Some(label) => self.labelled_item_card(sec, None, item, &label, lead_evs, rest),
                None => unlabelled.push(item),
            }
        }
        self.spare_plains.push(lead);
        unlabelled
    }

    pub(super) fn skip_unlabelled(&mut self, items: &[&Block]) {
        for item in items {
            self.skip(
                item.span.clone(),
                "list item without a bold label (outside facet sections only labelled \
                 bullets become cards)",
            );
        }
    }

    /// The events of an item's first line (read into `lead` as plain text) and its other
    /// children.
    pub(super) fn item_lead_plain<'b>(
        &self,
        item: &'b Block,
        lead: &mut Plain,
    ) -> (Evs<'t>, &'b [Block]) {
        let tree: &'t crate::tree::Tree<'a> = self.tree;
        let (lead_range, rest) = tree.item_lead(item);
        let lead_evs = tree.events.get(lead_range).unwrap_or_default();
        lead.fill(self.text, lead_evs);
        // A pasted KaTeX copy ending the line (rendering leaves it out) is no part of what
        // the line says: `수식:` + copy is the label `수식` over the formula below.
        // The copies are in source order: the first after the line's start is the candidate.
        let span = lead.span.clone();
        let next = self.copies.partition_point(|c| c.start <= span.start);
        if let Some(copy) = self
            .copies
            .get(next)
            .filter(|c| c.start < span.end && c.end >= span.end)
        {
            lead.truncate_at_src(copy.start);
        }
        (lead_evs, rest)
    }

    /// One labelled item as a card: label → the value after it and the nested blocks. Under
    /// `parent` (the label of the item it is nested in), the front and key name both.
    pub(super) fn labelled_item_card(
        &mut self,
        sec: Option<usize>,
        parent: Option<&str>,
        item: &Block,
        label: &Label,
        lead_evs: Evs<'_>,
        rest: &[Block],
    ) {
        if is_worked_example(&label.text) {
            self.skip(item.span.clone(), WORKED_EXAMPLE_REASON);
            return;
        }
        if is_source_label(&label.text) || self.only_citations(rest) {
            self.skip(item.span.clone(), SOURCE_REASON);
            return;
        }
        if parent.is_none() && self.named_with_facets(sec, item, label, lead_evs, rest) {
            return;
        }
        // Both parts are rendered straight into the back, each trimmed or joined in place.
        // The HTML is about as long as the item's source: room for it at once, rather than
        // grown in steps, each a copy (the card keeps only what it uses).
        let mut back = String::with_capacity(item.span.len());
        if let Some(value_evs) = label.value_events(lead_evs) {
            tree::render(&value_evs, &mut back, &self.copies);
            let end = back.trim_end().len();
            back.truncate(end);
            let lead = back.len() - back.trim_start().len();
            back.drain(..lead);
        }
        let mark = back.len();
        if !back.is_empty() {
            back.push_str("<br>");
        }
        let rest_start = back.len();
        self.render_children(rest, &mut back);
        if back.len() == rest_start {
            back.truncate(mark);
        }
        if back.trim().is_empty() {
            self.skip(item.span.clone(), "bold bullet without an answer after it");
            return;
        }
        // `**예시**: 정상 100,000건, 이상 100건` over `FPR = 1,000 / 100,000 = 1%`: an example
        // worked out in made-up numbers, as a `계산 예시` is.
        // The HTML holds no `=` or digit a tag adds.
        // So is `**clip 예시** ($\epsilon = 0.2$)` over `$\min(3.0,\ 1.2 \times 2 = 2.4) = 2.4$`.
        // One worked out on one line stays, to be asked as an exercise (`reverse_examples`).
        if (super::value_tables::is_example_facet(&label.text) && computes(&back)
            || names_an_example(&label.text) && computes_even_in_tex(&back))
            && !super::examples::becomes_exercise(&label.text, &back)
        {
            self.skip(item.span.clone(), WORKED_EXAMPLE_REASON);
            return;
        }
        // The key holds a pasted formula as its TeX; the front shows the label as written, so
        // the pasted KaTeX (`α\alphaα`) renders as math rather than as `\alpha`.
        let label_text = math::tex_only(&label.text);
        // `**IoU (Intersection over Union)**` asks by `IoU`; the key is the label's still.
        let label_html = match self.term_name(&label.text) {
            short if short.len() < label.text.len() && label.math.is_empty() => {
                let mut html = String::with_capacity(short.len());
                math::text_to_html(short, &mut html);
                html
            }
            _ => label.html(),
        };
        let (mut front, key) = match parent {
            Some(p) => (
                self.front_ending_html(sec, &[p], &label_html),
                format!("{p} › {label_text}"),
            ),
            None => (self.front_ending_html(sec, &[], &label_html), label_text),
        };
        // Asked the other way round, the value as the question and the label as the answer:
        // `Sentence Permutation` → `문장 순서 섞기` asks what the name already says, so a term's
        // gloss asks for the name; `**언어 독립적**: 띄어쓰기가 없는 … 그대로 적용` among facet
        // names holds the fact in its label, its explanation the cue. The key stays the
        // label's, so the card keeps its id.
        let glossed = || parent.is_some() && is_gloss(&label.text, &back);
        let explained = || {
            is_claim_label(&label.text) && explains_claim(&back) && !names_label(&label.text, &back)
        };
        if rest.is_empty() && (glossed() || explained()) {
            front = self.front(sec, parent.as_slice());
            front.push_str(" › ");
            front.push_str(&back);
            back.clear();
            math::text_to_html(&label.text, &mut back);
        }
        self.push_item_card(sec, item, key, front, back);
    }

    /// `- **One-hot Encoding**` over `- 단어 집합 크기 V만큼의 차원, …` and `- **단점**` with its
    /// own list: a thing named in bold alone, its facets labelled under it. Each facet is a
    /// card under the name (`… › One-hot Encoding › 단점`), and the name's unlabelled lines
    /// its own card; one card held them all behind a front naming only the thing. Whether it
    /// made the cards.
    fn named_with_facets(
        &mut self,
        sec: Option<usize>,
        item: &Block,
        label: &Label,
        lead_evs: Evs<'_>,
        rest: &[Block],
    ) -> bool {
        let [list] = rest else {
            return false;
        };
        // A name in bold alone is three events (its bold's start, its text, its end): most
        // labelled lines say more, and are told apart before their value is read.
        // A facet's own name over its list (`**구조**`) names no thing of its own, and facets
        // under a thing are labelled in bold: both are told without reading the list's items.
        if list.kind != Kind::List
            || lead_evs.len() > 3
            || !self
                .text
                .get(list.span.clone())
                .is_some_and(|src| src.contains("**"))
            || super::subtopics::is_facet_name(&label.text)
            || label.value_events(lead_evs).is_some()
        {
            return false;
        }
        let mut lead = Plain::default();
        let mut facets: Vec<(&Block, Label)> = Vec::new();
        let mut lines: Vec<&Block> = Vec::new();
        for nested in list.children.iter().filter(|c| c.kind == Kind::Item) {
            // An item opening otherwise than in bold is a line of the name's, or no facet.
            let opens_bold = self.text.get(nested.span.clone()).is_some_and(|src| {
                src.trim_start()
                    .trim_start_matches(['-', '*', '+'])
                    .trim_start_matches(|c: char| c.is_ascii_digit())
                    .trim_start_matches(['.', ')'])
                    .trim_start()
                    .starts_with("**")
            });
            if !opens_bold {
                lines.push(nested);
                continue;
            }
            let (_, nested_rest) = self.item_lead_plain(nested, &mut lead);
            match label_of(&lead, !nested_rest.is_empty()) {
                Some(l) if super::subtopics::is_facet_name(&l.text) => facets.push((nested, l)),
                Some(_) => return false,
                None => lines.push(nested),
            }
        }
        if facets.is_empty() {
            return false;
        }
        if !lines.is_empty() {
            let mut back = String::from("<ul>");
            for b in &lines {
                back.push_str("<li>");
                back.push_str(self.item_lead_html(b).trim());
                back.push_str("</li>");
            }
            back.push_str("</ul>");
            let front = self.front_ending_html(sec, &[], &label.html());
            self.push_item_card(sec, item, label.text.clone(), front, back);
        }
        for (nested, l) in facets {
            let (evs, nested_rest) = self.item_lead_plain(nested, &mut lead);
            self.labelled_item_card(sec, Some(&label.text), nested, &l, evs, nested_rest);
        }
        true
    }

    /// Why a line labelled `label` in section `sec` is an overview line, if it is: the label
    /// is the title of a topic elsewhere in the note (not `sec` or one holding it).
    pub(super) fn overview_line(&mut self, sec: Option<usize>, label: &str) -> Option<String> {
        let topic = self.topic_titled(label)?;
        (!self.on_path(sec, topic)).then(|| {
            format!(
                "overview line of {}, whose own section's cards ask it in full",
                self.doc.sections[topic].title
            )
        })
    }

    /// Whether `topic` is section `sec` or holds it.
    fn on_path(&self, sec: Option<usize>, topic: usize) -> bool {
        let mut cur = sec;
        while let Some(s) = cur {
            if s == topic {
                return true;
            }
            cur = self.doc.sections[s].parent;
        }
        false
    }

    /// The gloss a term's bullet gives it (`**Sentence Permutation**: 문장 순서 섞기`), as
    /// HTML: its value when the bullet has nothing nested and the value only translates the
    /// name ([`is_gloss`]). Such a term is listed with its gloss in the card of the list it
    /// belongs to; a card of its own would ask for a translation.
    pub(super) fn gloss_of(&self, item: &Block, label: &Label) -> Option<String> {
        let mut lead = Plain::default();
        let (lead_evs, rest) = self.item_lead_plain(item, &mut lead);
        if !rest.is_empty() {
            return None;
        }
        let mut value = String::new();
        tree::render(&label.value_events(lead_evs)?, &mut value, &self.copies);
        let value = value.trim();
        is_gloss(&label.text, value).then(|| value.to_string())
    }

    /// A basic card asking about list item `item` (its pin, if any, sits at the item).
    pub(super) fn push_item_card(
        &mut self,
        sec: Option<usize>,
        item: &Block,
        key: String,
        front: String,
        back: String,
    ) {
        self.push_basic(sec, key, front, back, item.span.clone());
    }
}

/// Longest explanation, in characters of plain text, read as a gloss of its label.
const GLOSS_MAX_CHARS: usize = 24;

/// Whether `back` only glosses `label` in another script: a name of two or more Latin words
/// (`Sentence Permutation`, `Hybrid retrieval`) explained by one short Korean phrase with no
/// second clause (`문장 순서 섞기`). Such a card's front gives its answer away.
fn is_gloss(label: &str, back: &str) -> bool {
    let latin_name = label.split_whitespace().count() >= 2
        && label.chars().any(|c| c.is_ascii_alphabetic())
        && !label.chars().any(super::tables::is_hangul);
    if !latin_name {
        return false;
    }
    let plain = super::facts::plain(back);
    // A Latin word in the phrase that the label lacks (`Dense + Sparse 점수를 결합`, `키워드
    // 기반 검색 (예: BM25)`) names something more: a fact, not a translation. `[MASK]` under
    // `Token Masking` is the label's own word.
    let label = label.to_lowercase();
    let names_more = plain
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| w.starts_with(|c: char| c.is_ascii_alphabetic()))
        .any(|w| !label.contains(&w.to_lowercase()));
    plain.chars().count() <= GLOSS_MAX_CHARS
        && plain.chars().any(super::tables::is_hangul)
        && !plain.contains([',', ';', '.', '·'])
        && !names_more
}

/// Longest explanation (characters of plain text) a claim label is asked by
/// ([`explains_claim`]): a longer one is an answer of its own.
const CLAIM_CUE_MAX_CHARS: usize = 80;

/// Whether `back`, the text after a claim label, is one short explanation of it to ask the
/// claim by: one line, a list or a second sentence would be a fact of its own.
fn explains_claim(back: &str) -> bool {
    let plain = super::facts::plain(back);
    !back.contains("<br>")
        && !back.contains("<li>")
        && plain.chars().count() <= CLAIM_CUE_MAX_CHARS
        && super::sentences::first_sentence(&plain).is_none()
}

/// Whether the explanation `back` names the claim label's subject (`**Warmup 필요**: … 처음 5
/// epoch 동안 lr을 선형으로 올리는 **gradual warmup**`): asked by it, the front would give the
/// label away. A Latin word of three letters or more is compared, case aside.
fn names_label(label: &str, back: &str) -> bool {
    let said = super::facts::plain(back).to_ascii_lowercase();
    label
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| w.len() >= 3 && w.bytes().any(|b| b.is_ascii_alphabetic()))
        .any(|w| said.contains(&w.to_ascii_lowercase()))
}

/// A label that introduces the notes' sources (`**출처별 설명**`, `**References**`): the
/// whole label, so `**출처 제시**` (an advantage: it shows its sources) is knowledge.
fn is_source_label(label: &str) -> bool {
    let l = label.trim().trim_end_matches(':').trim();
    [
        "출처",
        "출처별 설명",
        "출처 설명",
        "출처별 정리",
        "참고",
        "참고 자료",
        "참고자료",
        "참고 문헌",
        "참고문헌",
        "source",
        "sources",
        "reference",
        "references",
    ]
    .iter()
    .any(|w| w.eq_ignore_ascii_case(l))
}

/// A paragraph naming where the notes come from (`출처: [블로그](…)`, `References: …`).
pub(super) fn is_source_line(text: &str) -> bool {
    text.split_once(':')
        .is_some_and(|(label, _)| is_source_label(label))
}

impl<'t, 'a> Builder<'t, 'a> {
    /// A list item about the notes' sources (`- **출처별 설명**:` + cited links), which a
    /// card leaves out wherever the list is rendered.
    pub(super) fn is_source_item(&self, item: &Block) -> bool {
        self.unstudied_label(item) == Some(SOURCE_REASON)
    }

    /// Why a list item is left out of any card it would be rendered in: it says where the
    /// notes came from ([`Self::is_source_item`]), works an example out (`- **📌 계산 예시**:
    /// $\beta = 0.1$, …`), only points to other notes ([`Self::is_navigation_item`]) or only
    /// cites a publication ([`Self::is_citation_item`]). `None` for an item to study.
    pub(super) fn unstudied_item(&self, item: &Block) -> Option<&'static str> {
        self.unstudied_label(item).or_else(|| {
            if self.is_navigation_item(item) {
                Some(super::navigation::NAVIGATION_REASON)
            } else if self.is_citation_item(item) {
                Some(super::citations::CITATION_REASON)
            } else {
                None
            }
        })
    }

    /// Why an item its bold label (its colon inside or after it) or its nested citations
    /// leave out: sources or a worked example. Its first events are read once for both.
    fn unstudied_label(&self, item: &Block) -> Option<&'static str> {
        let (lead, rest) = self.tree.item_lead(item);
        let evs = self.tree.events.get(lead).unwrap_or_default();
        let (bold, first) = match (evs.first().map(|e| e.ev), evs.get(1).map(|e| e.ev)) {
            (Some(Event::Start(Tag::Strong)), Some(Event::Text(t))) => (Some(t), None),
            (Some(Event::Text(t)), _) => (None, Some(t)),
            _ => (None, None),
        };
        let label = bold.as_deref().map(|t| t.trim_end_matches(':'));
        // `- 수치 예시: $w = 7.5$ → …`: a plain label names a worked example too.
        let plain_label = first
            .as_deref()
            .and_then(|t| t.split_once(':'))
            .map(|(l, _)| l);
        if label.is_some_and(is_source_label) || self.only_citations(rest) {
            Some(SOURCE_REASON)
        } else if label.or(plain_label).is_some_and(is_worked_example)
            || label.is_some_and(|l| {
                labels_a_worked_example(l, self.text.get(item.span.clone()).unwrap_or_default())
            })
        {
            Some(WORKED_EXAMPLE_REASON)
        } else {
            None
        }
    }

    /// Every nested item cites a source link (`[Microsoft Azure](…?utm_source=…)`): the
    /// list restates what sources say, which the notes' own bullets already hold.
    fn only_citations(&self, rest: &[Block]) -> bool {
        let cites = |item: &Block| {
            let evs = self.tree.events.get(item.inner.clone()).unwrap_or_default();
            // A link's start is always kept whole: only those events are read.
            evs.lights().any(|(i, l)| {
                matches!(l, Light::Whole)
                    && evs.get(i).is_some_and(|e| {
                        matches!(&e.ev, Event::Start(Tag::Link { dest_url, .. })
                            if tree::is_citation_url(dest_url))
                    })
            })
        };
        let mut items = rest
            .iter()
            .filter(|b| b.kind == Kind::List)
            .flat_map(|l| l.children.iter().filter(|c| c.kind == Kind::Item))
            .peekable();
        items.peek().is_some() && items.all(cites)
    }
}

/// Labels of a worked computation (`**계산 예시**: 추천 5개의 관련 여부 = [0, 1, 0, 1, 0]`
/// over its computed metrics), lowercased: numbers made up to illustrate, no part to recall.
const WORKED_EXAMPLE_LABELS: &[&str] = &[
    "계산 예시",
    "계산 예",
    "수치 예시",
    "숫자 예시",
    "계산 예제",
    "손계산 예시",
    "손계산 예제",
    "손계산",
    "손 계산",
    "worked example",
    "numerical example",
];

/// Why an item about the notes' sources is no card.
const SOURCE_REASON: &str =
    "says where the notes came from (sources, cited links), not a fact to study";

/// Why a worked computation is no card.
pub(super) const WORKED_EXAMPLE_REASON: &str =
    "worked computation: its numbers are made up to illustrate, nothing to recall";

/// Whether `text` (plain, or HTML of it) works a sum out: a result after `=` or `≈`, and two
/// numbers with an operator between them (`Precision = 90 / 1,090 ≈ 8.3%`), as written or
/// in TeX. `k = 5` alone sets a value.
fn computes(text: &str) -> bool {
    computes_with(text, false)
}

/// [`computes`] with the signs of TeX math too (`50{,}257 \times 768 \approx 38.6`): an
/// example computing real figures, which stays a card but is not asked from itself.
pub(super) fn computes_even_in_tex(text: &str) -> bool {
    computes_with(text, true)
}

fn computes_with(text: &str, tex: bool) -> bool {
    // A number may be negative (`-0.4 + -0.3 = -0.7`, log probabilities summed).
    let digit_after = |rest: &str| {
        let r = rest.trim_start();
        r.strip_prefix(['-', '−'])
            .unwrap_or(r)
            .starts_with(|c: char| c.is_ascii_digit())
    };
    let signs = |chars: &'static [char], commands: &'static [&'static str]| {
        let plain = text.match_indices(chars);
        let commands = commands
            .iter()
            .filter(move |_| tex)
            .flat_map(|t| text.match_indices(t));
        plain.chain(commands)
    };
    let result = signs(&['=', '≈'], &["\\approx"]).any(|(i, m)| digit_after(&text[i + m.len()..]));
    let operation = signs(&['/', '×', '*', '+'], &["\\times", "\\cdot"]).any(|(i, m)| {
        text[..i].trim_end().ends_with(|c: char| c.is_ascii_digit())
            && digit_after(&text[i + m.len()..])
    });
    result && operation
}

/// Whether a label saying only that its item is an example (`예시 (k = 2)`), or naming what
/// it shows first (`clip 예시`), is over sums worked out in `src` (the item's source): a
/// facet's line like that is its made-up numbers, as [`Builder::labelled_item_card`] finds
/// for a topic's.
pub(super) fn labels_a_worked_example(label: &str, src: &str) -> bool {
    super::value_tables::is_example_facet(label) && computes(src)
        || names_an_example(label) && computes_even_in_tex(src)
}

/// Whether a label ends on the word for an example after what it shows (`clip 예시`).
fn names_an_example(label: &str) -> bool {
    label
        .rsplit_once(' ')
        .is_some_and(|(_, last)| super::value_tables::is_example_facet(last))
}

/// Whether `label` holds `예`, `계산` (`손계산`) or an `x` (`example`), which every label of a
/// worked computation does. Asked of every label, in one pass over its bytes: a search for
/// each (a Hangul syllable's last byte is common in Korean text) cost more than the rest.
fn may_name_an_example(label: &str) -> bool {
    const YE: &[u8] = "예".as_bytes();
    const GYESAN: &[u8] = "계산".as_bytes();
    let bytes = label.as_bytes();
    (0..bytes.len()).any(|i| match bytes[i] {
        b'x' | b'X' => true,
        0xEC => bytes[i..].starts_with(YE),
        0xEA => bytes[i..].starts_with(GYESAN),
        _ => false,
    })
}

/// Whether a label introduces a worked computation.
pub(super) fn is_worked_example(label: &str) -> bool {
    if !may_name_an_example(label) {
        return false;
    }
    let l = label.trim().trim_start_matches('📌').trim_start();
    // `수치 예시: ᾱ_t와 noisy sample 계산` names its example after the colon; so does `예시:
    // greedy vs Hungarian`, a title over the example's table and sums.
    let (head, named) = match l.split_once(':') {
        Some((head, rest)) => (head.trim_end(), !rest.trim().is_empty()),
        None => (l, false),
    };
    // `손계산 (censoring 없다고 치고 t = 6개월)`: the aside gives the example's premise.
    let head = match head.strip_suffix(')').and_then(|h| h.rfind('(')) {
        Some(at) if head[..at].ends_with(' ') => head[..at].trim_end(),
        _ => head,
    };
    // `손계산 예시 ② MMD (linear kernel)`: the label, then which example it is.
    let opens = |w: &str| {
        head.get(..w.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(w))
            && head[w.len()..].starts_with(' ')
    };
    WORKED_EXAMPLE_LABELS
        .iter()
        .any(|w| head.eq_ignore_ascii_case(w) || w.contains(' ') && opens(w))
        || named && matches!(head, "예시" | "예")
}
