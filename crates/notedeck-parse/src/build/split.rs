//! Facet answers too big to recall as one. A list whose bold labels are the facts themselves
//! (`**No CI/CD**`, `**Low release frequency**`) becomes one card whose answer is those labels:
//! a card per label would ask with the answer on its front. Otherwise the answer is split at
//! its nested lists: the facet's card lists the items' heads, each item with a nested list is
//! a card of its own, and nested `**Term**: definition` bullets are cards of their own too.

use super::cards::FACET_MAX_CHARS;
use super::claim_labels::{is_action_label, labels_are_claims};
use super::labels::{defined_term, label_of};
use super::{Builder, CardDraft, LABEL_MAX_CHARS};
use crate::tree::{self, Block, Kind, Plain};
use crate::{CardKind, math};

/// An answer with more leaf items than this is split: about what one recall can hold.
pub(crate) const ANSWER_MAX_LEAVES: usize = 6;

/// A facet answer longer than this (characters) whose items are at least half `**Term**:
/// definition` lines is split into a card per term: two or three such sentences are already
/// not one recall (FedAvg's `Client selection`, `Local update`, `Aggregation`; DeiT's
/// `Distillation token`, `Data`, `Schedule`; Adam's `Bias correction` and `기본값`).
pub(crate) const LABELLED_SPLIT_MIN_CHARS: usize = 150;

/// Most characters of one line explaining a claim for the claims to be asked with their
/// explanations ([`Builder::briefly_explained`]).
const BRIEF_EXPLANATION_CHARS: usize = 40;

/// Facet titles that name a topic's parts, whose heads are the parts to recall.
const PARTS_FACETS: [&str; 6] = [
    "구성 요소",
    "구성",
    "components",
    "주요 구성 요소",
    "구성요소",
    "key components",
];

/// Lines of a block's answer: every list item (an item heading a nested list is a line to
/// recall too), and every other block.
pub(crate) fn leaves(b: &Block) -> usize {
    match b.kind {
        Kind::List => b.children.iter().map(leaves).sum(),
        Kind::Item => {
            let nested: usize = b
                .children
                .iter()
                .filter(|c| c.kind == Kind::List)
                .map(leaves)
                .sum();
            nested + 1
        }
        Kind::Html | Kind::Rule => 0,
        _ => 1,
    }
}

/// An item of a facet's list that becomes a card of its own: a bold-labelled item with
/// something after its label, or an item with a short first line and a nested list.
struct Head<'t> {
    item: &'t Block,
    /// Label of the card and line in the facet's answer: the bold label, or the item's
    /// first line when it is short.
    text: String,
    /// The item's first line as HTML, for the facet's answer (empty: use `text`).
    lead_html: String,
    /// HTML of the value after a bold label on the first line, if any.
    value_html: String,
    /// The bold label as HTML for the front when it holds `$…$` math (`**$\nu \in (0,
    /// 1]$**`), which `text` keeps only as TeX.
    label_math_html: Option<String>,
    rest: &'t [Block],
    /// Blocks after the item's list that go on from it: a last item whose label ends on a
    /// colon with nothing after it (`**업데이트 규칙** (벨만 방정식 기반):`) introduces the
    /// formula and the list of its symbols that a Notion export sets out of the list.
    after: Vec<&'t Block>,
}

impl<'t, 'a> Builder<'t, 'a> {
    /// Cards for a facet section whose answer is too big for one card (over
    /// [`FACET_MAX_CHARS`] characters, or over [`ANSWER_MAX_LEAVES`] lines): one card of claim
    /// labels, or the split described
    /// in the module docs. Returns false when neither applies (a flat list has no parts to
    /// ask about on their own), leaving the facet to the caller.
    pub(super) fn split_facet(&mut self, sec: usize, parts: &[&'t Block], size: usize) -> bool {
        let leaf_count: usize = parts.iter().map(|b| leaves(b)).sum();
        let too_big = size > FACET_MAX_CHARS || leaf_count > ANSWER_MAX_LEAVES;
        let wordy = size > LABELLED_SPLIT_MIN_CHARS;
        if !too_big && !wordy {
            return false;
        }
        // The blocks a list's last item introduces belong to that item, not to the facet.
        let whole = parts;
        let kept: Vec<&'t Block>;
        let (parts, after, introducer) = match self.introducing_list(parts) {
            Some((k, end)) => {
                kept = parts[..=k].iter().chain(&parts[end..]).copied().collect();
                (&kept[..], parts[k + 1..end].to_vec(), Some(parts[k]))
            }
            None => (parts, Vec::new(), None),
        };
        let mut after = Some(after);
        let mut lead = Plain::default();
        let mut labels: Vec<String> = Vec::new();
        let mut items = 0usize;
        let mut heads: Vec<Head<'t>> = Vec::new();
        for list in parts.iter().filter(|b| b.kind == Kind::List) {
            for item in list.children.iter().filter(|c| c.kind == Kind::Item) {
                items += 1;
                let (lead_evs, rest) = self.item_lead_plain(item, &mut lead);
                let label = label_of(&lead, !rest.is_empty());
                if label.as_ref().is_some_and(|l| {
                    super::lists::is_worked_example(&l.text)
                        || super::lists::labels_a_worked_example(
                            &l.text,
                            &self.text[item.span.clone()],
                        )
                }) {
                    self.skip(item.span.clone(), super::lists::WORKED_EXAMPLE_REASON);
                    continue;
                }
                if let Some(l) = &label
                    && !l.plain_label
                {
                    labels.push(l.text.clone());
                }
                let nested = rest.iter().any(|b| b.kind == Kind::List);
                // The item introducing the blocks after its list (see `Head::after`).
                let introduces = after.as_ref().is_some_and(|a| !a.is_empty())
                    && introducer.is_some_and(|p| std::ptr::eq(p, *list))
                    && list.children.last().is_some_and(|c| std::ptr::eq(c, item));
                let head = match &label {
                    // Sources are left out of the answer, never asked about.
                    _ if self.is_source_item(item) => None,
                    Some(l) if !l.plain_label => {
                        let value = l.value_events(lead_evs);
                        let mut value_html = String::new();
                        if let Some(evs) = &value {
                            tree::render(evs, &mut value_html, &self.copies);
                        }
                        (value.is_some() || !rest.is_empty() || introduces).then(|| {
                            let math_html = (!l.math.is_empty()).then(|| l.html());
                            (
                                math::tex_only(&l.text),
                                String::new(),
                                value_html,
                                math_html,
                            )
                        })
                    }
                    _ if nested => {
                        let t = lead.text.trim().trim_end_matches(':').trim();
                        // A line going on into its nested list (`대신 W + ΔW 형태로 쓰되,`)
                        // names nothing to ask by.
                        let names = !t.is_empty()
                            && !t.ends_with([',', '，'])
                            && t.chars().count() <= LABEL_MAX_CHARS;
                        names.then(|| {
                            let mut html = String::new();
                            tree::render(lead_evs, &mut html, &self.copies);
                            let html = html.trim().trim_end_matches(':').trim().to_string();
                            // `절차 (reduction factor $\eta$):` asks with its math shown as math.
                            let math_html = (!lead.math.is_empty()).then(|| html.clone());
                            (math::tex_only(t), html, String::new(), math_html)
                        })
                    }
                    _ => None,
                };
                if let Some((text, lead_html, value_html, label_math_html)) = head {
                    heads.push(Head {
                        item,
                        text,
                        lead_html,
                        value_html: value_html.trim().to_string(),
                        label_math_html,
                        rest,
                        after: if introduces {
                            after.take().unwrap_or_default()
                        } else {
                            Vec::new()
                        },
                    });
                }
            }
        }
        let claims = labels_are_claims(labels.iter().map(String::as_str), items);
        let actions = || labels.len() == items && labels.iter().all(|l| is_action_label(l));
        let brief = claims || items >= 2 && actions();
        if brief
            && heads.len() == items
            && leaf_count <= 2 * ANSWER_MAX_LEAVES
            && size <= FACET_MAX_CHARS
            && self.briefly_explained(&heads)
        {
            // Claims each made concrete in a line or two (`Underfitting 방지`: `**모델 복잡도
            // 증가**` over `더 깊은 신경망, 파라미터 수 증가`) are asked whole, claims with
            // what each means: a card per claim would ask with its answer on the front, and
            // the claims alone would drop what to do.
            let mut back = String::new();
            self.render_blocks(whole, &mut back);
            self.push_section_card(sec, back, whole);
            return true;
        }
        if too_big && claims {
            // A list of claims is asked whole, whatever its last item introduces.
            self.claim_list_card(sec, whole);
            // An explanation under a claim mostly says the claim again (`**No CI/CD**` → `No
            // Continuous Integration: …`, `**Low release frequency**` → `a few times per
            // year`): asked with the claim on its front, it gives itself away. The list card
            // asks the claims; only a term defined inside an explanation (`**Training–serving
            // skew** happens when …`) is a fact of its own, and so is what a sentence of it
            // sets in bold (`Engineers prepare production features, risking
            // **training–serving skew**`: the cause of that skew), a cloze of the bold part.
            for h in heads {
                self.bold_in_explanation(sec, h.rest);
                if !h.rest.is_empty() || !h.value_html.is_empty() {
                    self.skip(
                        h.item.span.start..h.item.span.start + 1,
                        "explains a claim the list card asks; asked with the claim on its \
                         front, the explanation would give itself away",
                    );
                }
                self.defined_terms(sec, &h.text, h.rest);
            }
            return true;
        }
        // Without a nested list there is nothing a part could be asked by on its own, unless
        // half the items or more are `**Term**: definition` lines, each long enough to be a
        // fact.
        let nested = heads
            .iter()
            .any(|h| h.rest.iter().any(|b| b.kind == Kind::List));
        // A bold label with its explanation after it or nested under it (`**Transformer 원
        // 논문 스케줄** (…):` over its formula) is a definition as much as one on its line.
        let defined = heads
            .iter()
            .filter(|h| {
                !h.value_html.is_empty()
                    || h.lead_html.is_empty() && !(h.rest.is_empty() && h.after.is_empty())
            })
            .count();
        let definitions = defined >= 2 && defined * 2 >= items && !claims;
        // `1. **Memory-bound decoding**` + its explanation, for every part: each part is a
        // fact with its own question, however few lines they take.
        let explained = heads.len() >= 3
            && heads.len() == items
            && heads
                .iter()
                .all(|h| h.value_html.is_empty() && h.rest.iter().any(|b| b.kind == Kind::List));
        // `**한계**: …` and `**β-VAE**: …` among a concept's statements: facts of their own
        // beside the statements, which stay the facet's answer.
        let mixed = !claims && defined >= 1 && items >= defined + 2;
        if !(too_big && nested || wordy && (definitions || explained || mixed)) {
            return false;
        }
        if !(explained || too_big && nested) {
            // Split for its term definitions: an item named by a line of prose rather than a
            // label (`**Momentum + RMSProp** 결합 (…)` over its moments) stays in the facet's
            // own card, rather than asked by that line, which holds its fact.
            heads.retain(|h| !h.value_html.is_empty() || h.lead_html.is_empty());
        }
        // The facet's own card. Its paragraph, when it has one, is its answer and the parts
        // with cards of their own would only be bare names after it (`노이즈 유형`, `목표`);
        // without one, the parts' names are the answer.
        // A picture is no paragraph of its own: it illustrates the parts' names.
        // Nor is a remark after the parts (`→ 실무에서는 보통 **여러 기법을 조합**` under
        // `경량화 기법 분류`): it follows from the parts, which stay the answer.
        let first_list = parts.iter().position(|b| b.kind == Kind::List);
        let own_text = parts.iter().enumerate().any(|(i, b)| {
            if b.kind != Kind::Paragraph {
                return false;
            }
            let plain = Plain::of(self.text, self.tree.inner(b));
            let remark =
                first_list.is_some_and(|l| i > l) && plain.text.trim_start().starts_with('→');
            !remark && !super::cards::is_image_only(&plain)
        });
        // Beside bullets that are facts of their own (`Attention 가중치 행렬 W를 직접 업데이트하지
        // 않음`), a part named like a facet or by a question (`수식`, `과정`, `왜 필요?`) is a
        // dangling label, its content on another card; parts named by what they are (`Encoder
        // 블록`) still say something. Numbered steps are a sequence to recall, parts and all.
        let mut bare_label = vec![false; heads.len()];
        // The title's words (`LSTM (Long Short-Term Memory) / DeepAR`): a part its title names
        // (`**DeepAR**` + its bullets) is a subject of the section, its card its own, and no
        // part of the section's to list.
        let title: Vec<String> = self.info[sec]
            .short
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        let title_names = |h: &Head| {
            h.text
                .split(|c: char| !c.is_alphanumeric())
                .find(|w| !w.is_empty())
                .is_some_and(|w| title.contains(&w.to_lowercase()))
        };
        let lists: Vec<&'t Block> = parts
            .iter()
            .filter(|b| b.kind == Kind::List)
            .copied()
            .collect();
        // `- 라이브러리 내장 지원` closing the facet's list right over a table titles the table:
        // no fact beside the parts, nor a line of the facet's answer.
        let table_title = lists.last().and_then(|l| {
            let item = l.children.last()?;
            (!heads.iter().any(|h| std::ptr::eq(h.item, item)) && self.titles_table_below(l, item))
                .then_some(item)
        });
        if let Some(item) = table_title {
            self.skip(item.span.clone(), super::statements::TABLE_TITLE_REASON);
        }
        let facts_in: Vec<bool> = lists
            .iter()
            .map(|list| {
                list.children.iter().any(|c| {
                    c.kind == Kind::Item
                        && !table_title.is_some_and(|t| std::ptr::eq(t, c))
                        && !heads.iter().any(|h| std::ptr::eq(h.item, c))
                        && !self.is_source_item(c)
                        && !self.is_citation_item(c)
                })
            })
            .collect();
        let has_facts = facts_in.contains(&true);
        for (list, &facts_beside) in lists.iter().zip(&facts_in) {
            if !has_facts || self.list_start(list).is_some() {
                continue;
            }
            let in_list = |h: &Head| list.children.iter().any(|c| std::ptr::eq(h.item, c));
            // Under a title naming one thing (`Warmup`, `LM Fusion`, `개념`), names beside its
            // facts (in its list or another, a formula between) are headings of other cards
            // (`왜 필요한가`, `측정`, `가정`): listed with the facts they made a jumble. Under a
            // title asking for a set (`구성`, `대표 사례`, `완화 방법`), or over names of one
            // kind (`Position bias`, `Verbosity bias`), they are the set to recall.
            let set = super::subtopics::lists_a_set(
                &self.info[sec].short,
                heads.iter().filter(|h| in_list(h)).map(|h| h.text.as_str()),
            );
            for (k, h) in heads.iter().enumerate() {
                bare_label[k] |= in_list(h)
                    && (!set
                        || facts_beside
                            && (super::subtopics::names_a_facet(&h.text)
                                || h.text.ends_with(['?', '？'])
                                || title_names(h)));
            }
            if !facts_beside {
                continue;
            }
            // One name left among the facts is no set of parts to recall, only a heading of
            // another card (`Transformer 원 논문 스케줄` beside Warmup's one fact); several
            // (`Encoder 블록`, `Decoder 블록`, …) name the topic's parts.
            let mut named = (0..heads.len()).filter(|&k| !bare_label[k] && in_list(&heads[k]));
            if let (Some(k), None) = (named.next(), named.next()) {
                bare_label[k] = true;
            }
        }
        // A part reviewing another topic (`Q-Learning 복습`) is no card, nor one of the names.
        let reviewed: Vec<Option<usize>> = heads
            .iter()
            .map(|h| self.reviewed_topic(sec, &h.text))
            .collect();
        let mut back = String::new();
        for (i, b) in parts.iter().enumerate() {
            if b.kind != Kind::List {
                self.render_one(b, parts.get(i + 1).copied(), &mut back);
                continue;
            }
            let head_at = |item: &Block| heads.iter().position(|h| std::ptr::eq(h.item, item));
            let is_head = |item: &Block| head_at(item).map(|k| &heads[k]);
            let shown: Vec<&'t Block> = b
                .children
                .iter()
                .filter(|c| {
                    c.kind == Kind::Item
                        && !table_title.is_some_and(|t| std::ptr::eq(t, *c))
                        && !(own_text && is_head(c).is_some())
                        && head_at(c).is_none_or(|k| !bare_label[k])
                        && head_at(c).is_none_or(|k| reviewed[k].is_none())
                })
                .collect();
            if shown.iter().all(|c| self.unstudied_item(c).is_some()) {
                // Rendering skips them (with the reason); no empty list is left behind.
                let mut none = String::new();
                for c in shown {
                    self.render_one(c, None, &mut none);
                }
                continue;
            }
            let close = self.open_list(b, &mut back);
            for item in shown {
                match is_head(item) {
                    Some(h) if !h.lead_html.is_empty() => {
                        back.push_str("<li>");
                        back.push_str(&h.lead_html);
                        back.push_str("</li>");
                    }
                    Some(h) => {
                        back.push_str("<li>");
                        match &h.label_math_html {
                            Some(html) => back.push_str(html),
                            None => math::text_to_html(&h.text, &mut back),
                        }
                        back.push_str("</li>");
                    }
                    None => self.render_one(item, None, &mut back),
                }
            }
            back.push_str(close);
        }
        // Parts named like facets (`BART › 특징` → `다목적성`, `장점`, `활용 예시`; `Basics`
        // → `What it is`, `Affine mapping`, …): a list of names with such a part in it is
        // no set to recall; the parts' own cards ask everything.
        // Under a facet naming parts (`구성 요소` → `Planning`, `Memory`, `Tool Use`), a head
        // is a part, whatever aspect its name could also be: the parts are the list to recall.
        let names_parts = PARTS_FACETS
            .iter()
            .any(|p| p.eq_ignore_ascii_case(self.info[sec].short.trim()));
        // A facet's name with what it is about after it (`절차 (reduction factor η)`,
        // `한계: "n vs B/n" trade-off`) is a facet's name all the same.
        let facet_named = !names_parts
            && heads
                .iter()
                .any(|h| super::subtopics::names_a_facet(&h.text));
        // `ROC-AUC vs PR-AUC` over `**ROC 곡선**: …` and `**PR 곡선**: …`: the title names
        // every part, so their list asks what the front shows. So it does when it names all
        // but one of three or more (`Unstructured vs Structured` over those two and
        // `Semi-structured (N:M sparsity)`): a list two thirds on the front asks for one name.
        let title_names_parts = heads.len() >= 2 && {
            let named = heads.iter().filter(|h| title_names(h)).count();
            named == heads.len() || heads.len() >= 3 && named + 1 == heads.len()
        };
        if title_names_parts && !own_text && !has_facts {
            self.skip(
                parts[0].span.start..parts[0].span.start + 1,
                "the title names every part listed; each part is a card",
            );
        } else if own_text
            && !has_facts
            && parts.iter().all(|b| {
                b.kind != Kind::Paragraph || super::formulas::is_display_formula(self.tree.inner(b))
            })
        {
            // `### 2. Matching Networks (Vinyals et al., 2016)`: its one paragraph is its
            // formula, every line a part asked on its own. Asked by the section's name, the
            // card said nothing of what it asked; it is the section's formula.
            self.push_formula_card(sec, back, parts);
        } else if !own_text && !has_facts && self.in_case_study(Some(sec)) {
            // `### 11-2. 기타 사례` over `**설비 고장 (…)**: …` and `**대출 부도 vs 조기상환**:
            // …`: the cases' titles are no set to recall, only the contents of their cards.
            self.skip(
                parts[0].span.start..parts[0].span.start + 1,
                "lists the titles of cases, each a card of its own: no set to recall",
            );
        } else if own_text || has_facts || !facet_named {
            self.push_section_card(sec, back, parts);
        }
        for (h, reviewed) in heads.into_iter().zip(reviewed) {
            if let Some(topic) = reviewed {
                let reason = format!(
                    "reviews {}, whose own cards ask this (a part named `… 복습` repeats them)",
                    self.doc.sections[topic].title
                );
                self.skip(h.item.span.clone(), &reason);
                continue;
            }
            self.head_card(sec, h);
        }
        true
    }

    /// The index in `parts` of a list whose last item introduces the blocks after the list
    /// (see [`Head::after`]), and the end of those blocks: a bold label ending on a colon,
    /// with no value and nothing nested (every block after), or a name defined on the last
    /// line with a display formula right after the list (that formula alone).
    fn introducing_list(&self, parts: &[&'t Block]) -> Option<(usize, usize)> {
        let k = parts.iter().position(|b| b.kind == Kind::List)?;
        if k + 1 == parts.len() {
            return None;
        }
        let item = parts[k].children.iter().rfind(|c| c.kind == Kind::Item)?;
        let mut lead = Plain::default();
        let (_, rest) = self.item_lead_plain(item, &mut lead);
        let label = label_of(&lead, !rest.is_empty()).filter(|l| !l.plain_label)?;
        let value_empty = lead
            .text
            .get(label.value_start..)
            .is_some_and(|v| v.trim().is_empty());
        let formula_next = |b: &Block| {
            b.kind == Kind::Paragraph && super::formulas::is_display_formula(self.tree.inner(b))
        };
        if rest.is_empty() {
            // `- **Probability flow ODE**: 같은 marginal을 가지는 deterministic ODE` over its
            // `$$dx = …$$`: a name defined on the last line owns the formula right after it.
            let names_formula = !super::subtopics::names_a_facet(&label.text)
                && parts.get(k + 1).is_some_and(|b| formula_next(b));
            if value_empty && lead.text.trim_end().ends_with(':') {
                return Some((k, parts.len()));
            }
            return names_formula.then_some((k, k + 2));
        }
        // `- **Momentum encoder**` over `- 업데이트 식:` closing its nested list: the formula
        // after the list is that line's, and so the item's.
        let last = rest
            .iter()
            .rfind(|b| b.kind == Kind::List)?
            .children
            .iter()
            .rfind(|c| c.kind == Kind::Item)?;
        let (_, nested) = self.item_lead_plain(last, &mut lead);
        let first_after = parts.get(k + 1)?;
        (nested.is_empty() && lead.text.trim_end().ends_with(':') && formula_next(first_after))
            .then_some((k, parts.len()))
    }

    /// The other topic of the problem a part named `Q-Learning 복습` (review) goes over:
    /// its facts are that topic's cards already.
    fn reviewed_topic(&mut self, sec: usize, label: &str) -> Option<usize> {
        let name = label.strip_suffix("복습")?.trim();
        let own = self.topic_of(Some(sec));
        self.topic_named(name, Some(sec))
            .filter(|&t| Some(t) != own)
    }

    /// A card for each term defined in `blocks`' lists, at any depth: a `**Term**: definition`
    /// bullet, or a sentence defining its bold opening term (`**Training–serving skew**
    /// happens when …`), asked under `head`, the claim explained. Nothing else in them is asked.
    fn defined_terms(&mut self, sec: usize, head: &str, blocks: &'t [Block]) {
        let mut lead = Plain::default();
        for list in blocks.iter().filter(|b| b.kind == Kind::List) {
            for item in list.children.iter().filter(|c| c.kind == Kind::Item) {
                let (lead_evs, rest) = self.item_lead_plain(item, &mut lead);
                let label = label_of(&lead, !rest.is_empty())
                    .filter(|l| !l.plain_label && l.value_events(lead_evs).is_some())
                    .or_else(|| defined_term(&lead));
                match label {
                    Some(label) => {
                        self.labelled_item_card(Some(sec), Some(head), item, &label, lead_evs, rest)
                    }
                    None => self.defined_terms(sec, head, rest),
                }
            }
        }
    }

    /// Whether every head explains its claim in a short nested list only (two items at most,
    /// each of [`BRIEF_EXPLANATION_CHARS`] characters at most, nothing in bold), so that the
    /// claims with their explanations make one short answer. A bold term in an explanation
    /// is a fact of its own, asked as such.
    fn briefly_explained(&self, heads: &[Head<'t>]) -> bool {
        heads.iter().all(|h| {
            let [list] = h.rest else {
                return false;
            };
            let items: Vec<&Block> = list
                .children
                .iter()
                .filter(|c| c.kind == Kind::Item)
                .collect();
            h.value_html.is_empty()
                && h.after.is_empty()
                && list.kind == Kind::List
                && (1..=2).contains(&items.len())
                && items.iter().all(|i| {
                    leaves(i) == 1
                        && self.text_chars(i) <= BRIEF_EXPLANATION_CHARS
                        && !self
                            .text
                            .get(i.span.clone())
                            .is_some_and(|t| t.contains("**"))
                })
        })
    }

    /// "Topic › Facet › Head" → the head item's value and nested blocks. When its nested
    /// list is all `**Term**: definition` bullets, the answer names the terms and each term
    /// is a card of its own.
    fn head_card(&mut self, sec: usize, h: Head<'t>) {
        if h.rest.is_empty()
            && h.after.is_empty()
            && let Some(reason) = self.overview_line(Some(sec), &h.text)
        {
            self.skip(h.item.span.clone(), &reason);
            return;
        }
        let mut lead = Plain::default();
        let mut terms: Vec<(&'t Block, super::labels::Label)> = Vec::new();
        let mut all_terms = true;
        for list in h.rest.iter().filter(|b| b.kind == Kind::List) {
            for item in list.children.iter().filter(|c| c.kind == Kind::Item) {
                let (lead_evs, rest) = self.item_lead_plain(item, &mut lead);
                match label_of(&lead, !rest.is_empty()) {
                    Some(l) if !l.plain_label && l.value_events(lead_evs).is_some() => {
                        terms.push((item, l));
                    }
                    _ => all_terms = false,
                }
            }
        }
        let split_terms = all_terms && terms.len() >= 2;
        // `Introduce CI/CD and CT` over `**CT (…)**: …` and `**CI/CD**: …`: the head names
        // every term it would answer with, so only the terms' own cards ask anything.
        let named = |l: &super::labels::Label| {
            let name = l.text.split(" (").next().unwrap_or(&l.text).trim();
            !name.is_empty() && h.text.to_lowercase().contains(&name.to_lowercase())
        };
        if split_terms && h.value_html.is_empty() && terms.iter().all(|(_, l)| named(l)) {
            self.skip(
                h.item.span.start..h.item.span.start + 1,
                "names every term its bullets define; each term is a card",
            );
            for (item, label) in terms {
                let (lead_evs, rest) = self.item_lead_plain(item, &mut lead);
                self.labelled_item_card(Some(sec), Some(&h.text), item, &label, lead_evs, rest);
            }
            return;
        }
        let mut back = h.value_html.clone();
        let mut rest_html = String::new();
        // Terms whose bullet only glosses them, listed with the gloss here and no card.
        let mut glossed: Vec<usize> = Vec::new();
        if split_terms {
            for (i, b) in h.rest.iter().enumerate() {
                if b.kind != Kind::List {
                    self.render_one(b, h.rest.get(i + 1), &mut rest_html);
                    continue;
                }
                let close = self.open_list(b, &mut rest_html);
                for item in b.children.iter().filter(|c| c.kind == Kind::Item) {
                    if let Some((_, l)) = terms.iter().find(|(t, _)| std::ptr::eq(*t, item)) {
                        rest_html.push_str("<li>");
                        // The label as written: pasted KaTeX (`α\alphaα`) and `$…$` render
                        // as math.
                        rest_html.push_str(&l.html());
                        if let Some(gloss) = self.gloss_of(item, l) {
                            rest_html.push_str(": ");
                            rest_html.push_str(&gloss);
                            glossed.push(item.span.start);
                        }
                        rest_html.push_str("</li>");
                    }
                }
                rest_html.push_str(close);
            }
        } else {
            self.render_children(h.rest, &mut rest_html);
        }
        self.render_blocks(&h.after, &mut rest_html);
        if !rest_html.is_empty() {
            if !back.is_empty() {
                back.push_str("<br>");
            }
            back.push_str(&rest_html);
        }
        let front = match &h.label_math_html {
            Some(html) => self.front_ending_html(Some(sec), &[], html),
            None => self.front(Some(sec), &[h.text.as_str()]),
        };
        self.push_card(CardDraft {
            kind: CardKind::Basic,
            sec: Some(sec),
            key: h.text.clone(),
            front,
            back,
            cloze: Vec::new(),
            // Up to the last block it shows: a line of it left out for a slip is found by
            // the card spanning it.
            span: h.item.span.start..h.after.last().map_or(h.item.span.end, |b| b.span.end),
            pin_at: Some(h.item.span.start),
            pin_line: None,
        });
        if split_terms {
            for (item, label) in terms {
                if glossed.contains(&item.span.start) {
                    self.skip(
                        item.span.clone(),
                        "term whose bullet only translates it; the card of its list gives the \
                         translation",
                    );
                    continue;
                }
                let (lead_evs, rest) = self.item_lead_plain(item, &mut lead);
                self.labelled_item_card(Some(sec), Some(&h.text), item, &label, lead_evs, rest);
            }
        }
    }

    /// The card of a facet section as a whole, "Topic › Facet" → `back`. A parenthetical
    /// the heading carries (`사전 학습 방식 (Denoising Autoencoder)`) is left out of titles
    /// and ids, so what it says opens the answer, without its parentheses: it is often the
    /// answer's key word. An acronym's expansion (`CBOW (Continuous Bag-of-Words)`) does not:
    /// its definition card asks it; nor does an acronym (`지도 미세 조정 (SFT)`) or an aside
    /// naming the topic (`원리 (CAM, 원래 방식)`).
    pub(super) fn push_section_card(&mut self, sec: usize, back: String, parts: &[&Block]) {
        if back.trim().is_empty() {
            return;
        }
        let title = &self.doc.sections[sec].title;
        let aside = title
            .strip_prefix(self.info[sec].short.as_str())
            .map(str::trim)
            .filter(|a| a.starts_with('(') && a.ends_with(')'))
            // `CBOW (Continuous Bag-of-Words)`: an acronym's expansion is its definition
            // card's answer, and opening this answer too it is one fact asked twice.
            .map(|a| a[1..a.len() - 1].trim())
            .filter(|inside| {
                !crate::terms::find_terms(title)
                    .iter()
                    .any(|t| title.get(t.expansion.clone()).map(str::trim) == Some(*inside))
            })
            // `지도 미세 조정 (SFT)`: an acronym names the section; it is no word of the answer.
            .filter(|inside| !crate::terms::is_acronym(inside))
            // `LLM 양자화: GPTQ / AWQ (간단히)`: a word on how the section is written.
            .filter(|inside| !is_editorial_aside(inside))
            // `원리 (CAM, 원래 방식)` under CAM says which of the topic's methods the section
            // is about: no word of the answer.
            .filter(|inside| {
                let topic = self.doc.sections[sec]
                    .parent
                    .map(|p| self.info[p].short.as_str());
                !topic.is_some_and(|t| {
                    !t.is_empty()
                        && inside
                            .split([',', ' '])
                            .any(|w| w.eq_ignore_ascii_case(t.trim()))
                })
            });
        let back = match aside {
            // The name itself opens the answer, not an aside in parentheses.
            Some(a) => {
                let mut out = String::with_capacity(a.len() + back.len() + 7);
                out.push_str("<p>");
                math::text_to_html(a, &mut out);
                out.push_str("</p>");
                out.push_str(&back);
                out
            }
            None => back,
        };
        let front = self.front(Some(sec), &[]);
        self.push_section_answer(sec, front, back, parts);
    }

    /// The card of section `sec` asked by `front`, answered by `back` from its `parts`:
    /// pinned at its heading, keyed as the section's.
    pub(super) fn push_section_answer(
        &mut self,
        sec: usize,
        front: String,
        back: String,
        parts: &[&Block],
    ) {
        let heading = self.doc.sections[sec].heading_span.clone();
        let end = parts.last().map_or(heading.end, |b| b.span.end);
        let heading_line = self.lines.line_of(heading.start);
        self.push_card(CardDraft {
            kind: CardKind::Basic,
            sec: Some(sec),
            key: "section".into(),
            front,
            back,
            cloze: Vec::new(),
            span: heading.start..end,
            pin_at: Some(heading.start),
            pin_line: Some(heading_line + 1),
        });
    }
}

/// An aside saying how a section is written or read, not what it is about (`간단히`,
/// `참고`, `심화`, `optional`).
fn is_editorial_aside(inside: &str) -> bool {
    const ASIDES: [&str; 10] = [
        "간단히",
        "간략히",
        "참고",
        "심화",
        "선택",
        "요약",
        "보충",
        "optional",
        "advanced",
        "brief",
    ];
    ASIDES.iter().any(|a| inside.eq_ignore_ascii_case(a))
}
