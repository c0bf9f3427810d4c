//! Display formulas and the lines they belong to: a formula a `Name:` line introduces, one
//! whose left side a labelled line names, and a topic's own formula.

use super::{Builder, CardDraft, LABEL_MAX_CHARS};
use crate::tree::{Block, Kind, Plain};
use crate::{CardKind, SectionKind};

/// Longest name (characters) a bold title over a formula gives it.
const FORMULA_TITLE_MAX_CHARS: usize = 40;

/// Which lines of the list right after a formula go on the formula's card
/// ([`Builder::lines_after_formula`]).
#[derive(Clone, Copy)]
pub(super) enum FormulaLines {
    /// Every unlabelled line opening the list: the formula's name was a line of the list, and
    /// its lines go on after the formula cut them off.
    Opening,
    /// Lines opening on a symbol (`- $\hat p$: pooled proportion`, `- $n_c$ 작으면 → …`):
    /// after a formula a title names, which is no name whose lines the list goes on with.
    OnSymbols,
    /// Lines saying what a symbol is (`- $k(d)$: 노출된 위치, …`, `- $T^2$는 …`): after a
    /// topic's own formula, whose other lines (`- $\sqrt{d_k}$로 나누는 이유: …`) are facts
    /// of the topic.
    DefiningSymbols,
}

impl Builder<'_, '_> {
    /// A card "Topic › Name" → `formula` when list item `item` is only `Name:` or a bold
    /// `**Name**` with nothing nested and `formula` (the block right after its list) is one
    /// display formula; whether it was made.
    pub(super) fn introduced_formula(
        &mut self,
        sec: Option<usize>,
        item: &Block,
        formula: &Block,
    ) -> bool {
        if !self.tree.item_lead(item).1.is_empty() || !is_display_formula(self.tree.inner(formula))
        {
            return false;
        }
        let src = self
            .text
            .get(item.span.clone())
            .unwrap_or_default()
            .trim_end();
        // A numbered item is one too (`4. **R² (Coefficient of Determination, 결정계수)**`).
        let bullet = |l: &'_ str| -> String {
            let l = l.trim_start();
            let numbered = l
                .trim_start_matches(|c: char| c.is_ascii_digit())
                .strip_prefix(['.', ')'])
                .filter(|_| l.starts_with(|c: char| c.is_ascii_digit()));
            numbered
                .or_else(|| l.strip_prefix(['-', '*', '+']))
                .unwrap_or(l)
                .trim()
                .to_string()
        };
        let mut back = String::new();
        let line = match src.strip_suffix(':') {
            Some(line) => bullet(line),
            None if bold_alone(&bullet(src)) => bullet(src),
            None => match says_formula(&bullet(src)) {
                // `- BM25 식 ($k_1$: 단어 빈도 포화 정도, …)`: the aside says what the symbols
                // are, and goes above the formula.
                Some((name, aside)) => {
                    if aside {
                        let html = self.item_lead_html(item);
                        let Some(at) = html.find(" (") else {
                            return false;
                        };
                        back.push_str("<p>");
                        back.push_str(html[at..].trim());
                        back.push_str("</p>");
                    }
                    name.to_string()
                }
                None => return false,
            },
        };
        let line = line.as_str();
        let name = line.trim_matches('*').trim();
        // `**Layer-wise trust ratio**로 layer별 lr 조정 ($\eta$: global lr, …):` over the
        // formula: a line too long to ask by is asked by the term it opens with in bold, and
        // says what the formula's symbols are above it.
        let name = if name.chars().count() > LABEL_MAX_CHARS || name.contains("**") {
            let Some(term) = line
                .strip_prefix("**")
                .and_then(|r| r.split_once("**"))
                .map(|(term, _)| term.trim())
                .filter(|t| !t.is_empty() && t.chars().count() <= LABEL_MAX_CHARS)
            else {
                return false;
            };
            let (lead, _) = self.tree.item_lead(item);
            let evs = self.tree.events.get(lead).unwrap_or_default();
            back.push_str("<p>");
            crate::tree::render(evs, &mut back, &self.copies);
            let end = back.trim_end().trim_end_matches(':').trim_end().len();
            back.truncate(end);
            back.push_str("</p>");
            // CommonMark leaves `**…**` literal before a particle (`**…**로`); the card
            // shows it bold, as the note does.
            let literal = format!("<p>**{term}**");
            if back.starts_with(&literal) {
                back.replace_range(..literal.len(), &format!("<p><b>{term}</b>"));
            }
            term
        } else {
            name
        };
        if name.is_empty() || name.contains('\n') {
            return false;
        }
        self.render_blocks(&[formula], &mut back);
        // `layer $k$에서 노드 $v$ 업데이트:` asks with its math shown as math.
        let front = if name.contains('$') {
            let html = self.item_lead_html(item);
            let html = html.trim().trim_end_matches(':').trim_end();
            self.front_ending_html(sec, &[], html)
        } else {
            self.front(sec, &[name])
        };
        self.push_basic(
            sec,
            name.to_string(),
            front,
            back,
            item.span.start..formula.span.end,
        );
        true
    }

    /// `- **Bellman Expectation Equation** (정책 $\pi$ 고정)` over `$$V^\pi(s) = …$$` on the
    /// next line, no blank line between: the formula is inside the bullet, and the bold name
    /// names it, as when the formula stands after the list ([`Self::introduced_formula`]).
    /// A card "Topic › Name (aside)" → the formula; whether it was made. As a statement, its
    /// cloze hid the name with the formula in sight.
    pub(super) fn formula_in_item(&mut self, sec: Option<usize>, item: &Block) -> bool {
        let (lead, rest) = self.tree.item_lead(item);
        if !rest.is_empty() {
            return false;
        }
        let evs = self.tree.events.get(lead).unwrap_or_default();
        let Some(math) = (0..evs.len()).find(|&i| {
            evs.get(i)
                .is_some_and(|e| matches!(e.ev, pulldown_cmark::Event::DisplayMath(_)))
        }) else {
            return false;
        };
        // The name's line, then soft breaks and the formula only.
        let (Some(name_evs), Some(formula_evs)) = (evs.slice(0..math), evs.slice(math..evs.len()))
        else {
            return false;
        };
        let breaks_only = (0..name_evs.len())
            .rev()
            .take_while(|&i| {
                name_evs
                    .get(i)
                    .is_some_and(|e| matches!(e.ev, pulldown_cmark::Event::SoftBreak))
            })
            .count();
        let Some(name_evs) = name_evs.slice(0..name_evs.len() - breaks_only) else {
            return false;
        };
        if breaks_only == 0 || !is_display_formula(formula_evs) {
            return false;
        }
        let src = self.text.get(item.span.clone()).unwrap_or_default();
        let first = src.lines().next().unwrap_or_default().trim_start();
        let first = first.strip_prefix(['-', '*', '+']).unwrap_or(first).trim();
        if !bold_alone(first) {
            return false;
        }
        let mut name = String::new();
        crate::tree::render(name_evs, &mut name, &self.copies);
        // Asked as a label is: its bold is the note's way of naming, not emphasis to show.
        let name = name.replace("<b>", "").replace("</b>", "");
        let name = name.trim();
        let key = Plain::of(self.text, name_evs).text.trim().to_string();
        if key.is_empty() || key.chars().count() > LABEL_MAX_CHARS * 2 {
            return false;
        }
        let mut back = String::new();
        crate::tree::render(formula_evs, &mut back, &self.copies);
        let front = self.front_ending_html(sec, &[], name);
        self.push_card(CardDraft {
            kind: CardKind::Basic,
            sec,
            key,
            front,
            back: back.trim().to_string(),
            cloze: Vec::new(),
            span: item.span.clone(),
            pin_at: Some(item.span.start),
            pin_line: None,
        });
        true
    }

    /// `- **HPO**: … 조합 $\lambda^*$를 찾는 문제` closing a list, then `$$\lambda^* = \arg\min
    /// …$$`: the formula defines what the labelled line names, and goes on that line's card
    /// (the last of those made since `first`); so does one the line introduces, ending on a
    /// colon. Returns that card's index when it did.
    pub(super) fn formula_of_last_item(
        &mut self,
        sec: Option<usize>,
        first: usize,
        list: &Block,
        formula: &Block,
    ) -> Option<usize> {
        if formula.kind != Kind::Paragraph {
            return None;
        }
        let tex = display_formula(self.tree.inner(formula))?;
        let item = list.children.iter().rfind(|c| c.kind == Kind::Item)?;
        let card = self.raw_cards[first..]
            .iter()
            .rposition(|r| r.card.span == item.span)
            .map(|k| first + k)?;
        let said = self.text.get(item.span.clone()).unwrap_or_default();
        // The line names the formula's left side, or a symbol of it in its own math
        // (`**DiffPool** …: soft cluster assignment $S$ 학습` over `$$S^{(l)} = …$$`,
        // `**R-GCN** …: relation마다 $W_r$` over the layer's update that sums over `W_r`).
        // A formula of the topic's own name (`PSI = …` after `**계산**`'s steps) is the
        // topic's, asked as its `수식`.
        let lhs = left_side(&tex);
        let names_lhs = lhs.is_some_and(|lhs| said.contains(lhs));
        let topic = self.ctx(sec).map_or("", |c| c.fact_topic.as_str());
        let of_topic = lhs.is_some_and(|lhs| {
            !topic.is_empty() && super::facts::name_key(&without_text_command(lhs)) == topic
        });
        // `- **ELMo 벡터** = 모든 층 은닉 상태의 **task별 가중합**:` says the formula follows.
        let introduces = said.trim_end().ends_with(':');
        // `- **Least Confidence (LC)**: …` over `$$x^*_{LC} = …$$`: the left side's subscript
        // is the line's name in short.
        let label = super::cells::last_part(&self.raw_cards[card].card.front).map_or("", |p| p.1);
        let subscripted = lhs
            .and_then(subscript)
            .is_some_and(|sub| abbreviates(label, sub));
        // `## DistMult / ComplEx` over `- **DistMult**: …` and its formula, then `- **ComplEx**:
        // …` and its own: a method the section's title names has its formula after its line.
        let titled = !of_topic
            && !label.is_empty()
            && label.chars().filter(char::is_ascii_alphabetic).count() >= 3
            && !label.chars().any(super::tables::is_hangul)
            && sec.is_some_and(|s| {
                self.info[s]
                    .short
                    .split(|c: char| c.is_whitespace() || matches!(c, '/' | ',' | '&'))
                    .any(|w| w == label)
            });
        // `- **위험함수 (Hazard function)**: …` over `$$h(t) = …$$`: the left side's letter is
        // the initial of the name in English. `- **손실함수**: 음의 로그 부분우도 …` over
        // `$$\mathcal{L}(\theta) = …$$`: a loss is a formula by what it is.
        // Not the letter the section's or its topic's name opens with (`C = …` under `### 6-1.
        // C-index`, after `- **comparable pair 조건**`): that is the section's formula.
        let title = sec.map_or("", |s| self.info[s].short.as_str());
        let opens_with = |name: &str, letter: char| {
            name.chars()
                .find(|c| c.is_alphabetic())
                .is_some_and(|c| c.eq_ignore_ascii_case(&letter))
        };
        let initialled = lhs.and_then(letter_of).is_some_and(|letter| {
            initial_of(label, letter) && !opens_with(topic, letter) && !opens_with(title, letter)
        });
        let a_loss = LOSS_LABELS.iter().any(|w| label.eq_ignore_ascii_case(w));
        if !introduces
            && !names_lhs
            && !subscripted
            && !titled
            && !initialled
            && !a_loss
            && (of_topic || !inline_math(said).any(|sym| holds_symbol(&tex, sym)))
        {
            return None;
        }
        self.formula_to_card(card, formula).then_some(card)
    }

    /// Add `formula` to the answer of the basic card at `card`, which then spans it too.
    /// Returns whether it did (a card of another kind takes none).
    fn formula_to_card(&mut self, card: usize, formula: &Block) -> bool {
        if self.raw_cards[card].card.kind != CardKind::Basic {
            return false;
        }
        let mut html = String::new();
        self.render_blocks(&[formula], &mut html);
        let raw = &mut self.raw_cards[card];
        raw.card.back.push_str(&html);
        raw.card.span.end = formula.span.end;
        true
    }

    /// `4. **R² (Coefficient of Determination, 결정계수)**`, its formula, then `- 평균만 예측하는
    /// 모델 = 0, 완벽 = 1` and its nested lines: the unlabelled lines opening the list after
    /// the formula are the named item's, cut off from it by the formula, and go on the card
    /// the name made of it (`card`). Taken out of `unlabelled`, they make no `핵심 내용`.
    pub(super) fn lines_after_formula(
        &mut self,
        card: usize,
        list: &Block,
        unlabelled: &mut Vec<&Block>,
        taken: FormulaLines,
    ) {
        // Up to an example (`- 예시 (쿼리 1개, …)`), which is the section's, not the name's.
        let opening = list
            .children
            .iter()
            .take_while(|item| {
                let src = self.text.get(item.span.clone()).unwrap_or_default();
                let line = src.trim_start_matches(|c: char| {
                    c.is_whitespace() || matches!(c, '-' | '*' | '+')
                });
                let on_symbols = || line.starts_with('$');
                let defines_symbol = || {
                    line.strip_prefix('$')
                        .and_then(|m| m.split_once('$'))
                        .is_some_and(|(_, after)| after.starts_with([':', '는', '은']))
                };
                unlabelled.iter().any(|u| std::ptr::eq(*u, *item))
                    && !super::loose_lines::opens_example(src)
                    && match taken {
                        FormulaLines::Opening => true,
                        FormulaLines::OnSymbols => on_symbols(),
                        FormulaLines::DefiningSymbols => defines_symbol(),
                    }
            })
            .count();
        if opening == 0 || self.raw_cards[card].card.kind != CardKind::Basic {
            return;
        }
        let mut html = String::new();
        let close = self.open_list(list, &mut html);
        self.render_children(&list.children[..opening], &mut html);
        html.push_str(close);
        let raw = &mut self.raw_cards[card];
        raw.card.back.push_str(&html);
        raw.card.span.end = list.children[opening - 1].span.end;
        unlabelled.drain(..opening);
    }

    /// `- **CutMix**: *Yun et al., 2019*` and its nested lines, then `$$\tilde{x} = M \odot
    /// x_A + …$$` that no other rule takes (the topic's formula is Mixup's, above): the
    /// formula is the named method's, and goes on its card. Only a name in Latin letters with
    /// lines of its own under it is such a method (`**장점**` is a facet). Returns whether it
    /// did.
    pub(super) fn formula_of_named_item(&mut self, list: &Block, formula: &Block) -> bool {
        if list.kind != Kind::List || display_formula(self.tree.inner(formula)).is_none() {
            return false;
        }
        let Some(item) = list.children.iter().rfind(|c| c.kind == Kind::Item) else {
            return false;
        };
        let (lead, nested) = self.tree.item_lead(item);
        if nested.is_empty() {
            return false;
        }
        let lead = Plain::of(self.text, self.tree.events.get(lead).unwrap_or_default());
        let Some(name) = lead.strong.first().map(|s| lead.text[s.clone()].trim()) else {
            return false;
        };
        let latin = name.chars().filter(char::is_ascii_alphabetic).count();
        if latin < 3 || name.chars().any(super::tables::is_hangul) {
            return false;
        }
        let Some(card) = self
            .raw_cards
            .iter()
            .rposition(|r| r.card.span == item.span && r.card.kind == CardKind::Basic)
        else {
            return false;
        };
        self.formula_to_card(card, formula)
    }

    /// A display formula right under a short paragraph that opens with its name in bold
    /// (`**두 비율 차이 z-검정** (전환율, CTR 등)`): the card asking it by that name, not as
    /// the topic's `수식`, which said nothing of which formula. Returns the card's index.
    pub(super) fn titled_formula(
        &mut self,
        sec: Option<usize>,
        title: &Block,
        formula: &Block,
    ) -> Option<usize> {
        if title.kind != Kind::Paragraph || display_formula(self.tree.inner(formula)).is_none() {
            return None;
        }
        let plain = Plain::of(self.text, self.tree.inner(title));
        let t = plain.text.trim();
        let bold = plain.strong.first()?;
        let name = plain.text[bold.clone()].trim().trim_end_matches(':').trim();
        let opens = plain.text[..bold.start].trim().is_empty();
        if !opens
            || name.is_empty()
            || name.chars().count() > FORMULA_TITLE_MAX_CHARS
            || t.chars().count() > 2 * FORMULA_TITLE_MAX_CHARS
            || t.contains('\n')
            || super::value_tables::titles_worked_example(&plain)
            || super::value_tables::is_example_facet(name)
        {
            return None;
        }
        // What the title says after the name (`: 범주 평균과 전체 평균을 …`) comes first.
        let said = plain.text[bold.end..].trim_start_matches(['*', ':']).trim();
        let mut back = String::new();
        // (Its math would need its delimiters back: left out.)
        if !said.is_empty() && plain.math.is_empty() {
            back.push_str("<p>");
            crate::math::escape_html(said, &mut back);
            back.push_str("</p>");
        }
        self.render_blocks(&[formula], &mut back);
        let front = self.front(sec, &[name]);
        self.doc.skipped.retain(|s| s.span != title.span);
        self.push_basic(
            sec,
            name.to_string(),
            front,
            back,
            title.span.start..formula.span.end,
        );
        Some(self.raw_cards.len() - 1)
    }

    /// The card of a section whose own answer (`back`) is its formulas, asked as its `수식`
    /// (`Formula` in a section written without Korean), by its left side when it is one
    /// formula ([`Builder::asking`]).
    pub(super) fn push_formula_card(&mut self, sec: usize, back: String, parts: &[&Block]) {
        let (Some(first), Some(last)) = (parts.first(), parts.last()) else {
            return;
        };
        let span = self.doc.sections[sec].span.clone();
        let label = formula_label(self.text.get(span).unwrap_or_default());
        let formulas: Vec<_> = parts
            .iter()
            .filter_map(|b| display_formula(self.tree.inner(b)))
            .collect();
        let asked = match &formulas[..] {
            [tex] => self.asking(Some(sec), label, tex),
            _ => None,
        };
        let front = match asked {
            Some(html) => self.front_ending_html(Some(sec), &[], &html),
            None => self.front(Some(sec), &[label]),
        };
        self.push_basic(
            Some(sec),
            label.to_string(),
            front,
            back,
            first.span.start..last.span.end,
        );
    }

    /// A display formula on its own in a topic's section whose left side names the topic
    /// (`$$ PSI = \sum … $$` under `PSI (Population Stability Index)`, after the steps that
    /// compute it), or the first such formula no other rule takes (`$$ \tilde{x} =
    /// \lambda x_i + … $$` under `Mixup`): the topic's formula, asked as `PSI › 수식`
    /// (`Formula` in a note without Korean). The index of the card that asks it; `None`, and
    /// nothing made, for any other paragraph.
    pub(super) fn topic_formula(&mut self, sec: Option<usize>, b: &Block) -> Option<usize> {
        let s = sec.filter(|&s| {
            matches!(
                self.doc.sections[s].kind,
                SectionKind::Topic | SectionKind::Facet
            )
        })?;
        let tex = display_formula(self.tree.inner(b))?;
        let topic = self.ctx(Some(s)).map_or("", |c| c.fact_topic.as_str());
        if topic.is_empty() {
            return None;
        }
        // The language the topic is written in: its facets would say `수식` or `Formula`.
        // A sub-topic opening with its formula (`### 1. Vanilla SGD`) says so after it.
        let from = self.doc.sections[s].span.start.min(b.span.start);
        let to = if self.doc.sections[s].kind == SectionKind::Facet {
            self.doc.sections[s].span.end.max(b.span.start)
        } else {
            b.span.start
        };
        let label = formula_label(&self.text[from..to]);
        // A formula whose left side is no name of the topic (`\tilde{x} = \lambda x_i + …`
        // under `## Mixup`, after the line it puts in symbols) is still the topic's formula
        // when it is the only one its section sets apart: no rule takes it, and skipped it
        // was a fact lost. A second such formula could not be told apart by its front.
        let names = |tex: &str| {
            left_side(tex)
                .is_some_and(|lhs| super::facts::name_key(&without_text_command(lhs)) == topic)
        };
        let names_topic = names(&tex);
        // A formula right after such a one (Vanilla SGD's update, then its gradient; Adam's
        // moments, then their bias correction) goes on: one derivation, one card. After a
        // formula of the topic's name (`PSI = …`), another is of something else.
        let path = self.path(sec);
        let follows = |r: &super::RawCard| {
            let before = self.text.get(r.card.span.clone()).unwrap_or_default();
            !names(before.trim().trim_matches('$'))
                && self
                    .text
                    .get(r.card.span.end..b.span.start)
                    .is_some_and(|t| t.trim().is_empty())
        };
        if !names_topic
            && let Some(k) = self
                .raw_cards
                .iter()
                .rposition(|r| r.card.key == label && r.card.path == path)
            && follows(&self.raw_cards[k])
        {
            let mut html = String::new();
            self.render_blocks(&[b], &mut html);
            // Two formulas: the front asks for both, by the section's name alone.
            let front = self.front(sec, &[label]);
            let card = &mut self.raw_cards[k].card;
            card.back.push_str(&html);
            card.span.end = b.span.end;
            card.front = front;
            return Some(k);
        }
        if !names_topic
            && self
                .raw_cards
                .iter()
                .any(|r| r.card.key == label && r.card.path == path)
        {
            return None;
        }
        let mut back = String::new();
        self.render_blocks(&[b], &mut back);
        let asked = (!names_topic)
            .then(|| self.asking(sec, label, &tex))
            .flatten();
        let front = match asked {
            Some(html) => self.front_ending_html(sec, &[], &html),
            None => self.front(sec, &[label]),
        };
        self.push_basic(sec, label.to_string(), front, back, b.span.clone());
        Some(self.raw_cards.len() - 1)
    }

    /// The label asking a section's one formula `tex` by what it gives, as HTML (`수식:
    /// \(y = ?\)`, `Formula: \(\text{DCG@}k = ?\)`): a section may hold more than its
    /// formula (`MoE 기본 구조` also defines the router's logits), and `수식` alone did not say
    /// which one was asked. Only a short left side that is one term, and not the section's
    /// own name ([`Builder::left_side_names`]).
    fn asking(&self, sec: Option<usize>, label: &str, tex: &str) -> Option<String> {
        let lhs = left_side(tex)?;
        // `\tilde{x} = …, \quad \tilde{y} = …` gives two things: asked for one, the other
        // was an answer to no question. A second formula defining a term of the first
        // (`\mathcal{T}(x) = \operatorname{TopK}(…)` after `y = \sum_{i \in \mathcal{T}(x)} …`)
        // only says what that term is.
        let parted = tex.replace("\\qquad", "\\quad").replace("\\\\", "\\quad");
        let mut pieces = parted.split("\\quad");
        let first = pieces.next().unwrap_or_default();
        let right = &first[first.find('=').map_or(first.len(), |i| i + 1)..];
        let defines_more = pieces.any(|p| {
            left_side(p).is_some_and(|l| {
                let l = l
                    .trim_start_matches([',', ';', ' '])
                    .trim_start_matches("\\,")
                    .trim();
                !l.is_empty() && !holds_symbol(right, l)
            })
        });
        if defines_more {
            return None;
        }
        let balanced = |open: char, close: char| {
            let mut depth = 0i32;
            lhs.chars().all(|c| {
                depth += i32::from(c == open) - i32::from(c == close);
                depth >= 0
            }) && depth == 0
        };
        let plain = lhs.len() <= ASKED_SIDE_MAX_BYTES
            && balanced('(', ')')
            && balanced('{', '}')
            && balanced('[', ']')
            && !lhs.contains(['&', '<', '>', '$', '\n'])
            && !ASKED_SIDE_OPERATORS.iter().any(|op| holds_command(lhs, op));
        // `MOTA › 수식` needs no `MOTA = ?`.
        (plain && !self.left_side_names(sec, lhs)).then(|| format!("{label}: \\({lhs} = ?\\)"))
    }

    /// Whether a formula's left side `lhs` is the name of the topic or section `sec` is
    /// (`PSI = …` under `PSI (…)`, `\text{MOTA} = …` under `MOTA`).
    fn left_side_names(&self, sec: Option<usize>, lhs: &str) -> bool {
        let key = super::facts::name_key(&without_text_command(lhs));
        self.ctx(sec).is_some_and(|c| c.fact_topic == key)
            || sec.is_some_and(|s| super::facts::name_key(&self.info[s].short) == key)
    }
}

/// The subscript of a formula's left side (`x^*_{LC}` → `LC`, `x_M` → `M`).
fn subscript(lhs: &str) -> Option<&str> {
    let after = &lhs[lhs.rfind('_')? + 1..];
    match after.strip_prefix('{') {
        Some(inner) => inner.split('}').next(),
        None => after.get(..1),
    }
    .filter(|s| !s.is_empty())
}

/// Labels of a line whose formula is the thing it names: a loss or an objective.
const LOSS_LABELS: [&str; 7] = [
    "손실함수",
    "손실 함수",
    "loss",
    "loss function",
    "목적함수",
    "목적 함수",
    "objective",
];

/// The letter a formula's left side is, maybe applied (`h(t)`, `S(t)`,
/// `\mathcal{L}(\theta)`).
fn letter_of(lhs: &str) -> Option<char> {
    let symbol = lhs.trim();
    let symbol = symbol.split('(').next().unwrap_or(symbol).trim();
    let symbol = ["\\mathcal{", "\\mathrm{", "\\hat{"]
        .iter()
        .find_map(|p| symbol.strip_prefix(p).and_then(|s| s.strip_suffix('}')))
        .unwrap_or(symbol);
    let mut letters = symbol.chars();
    match (letters.next(), letters.next()) {
        (Some(letter), None) if letter.is_ascii_alphabetic() => Some(letter),
        _ => None,
    }
}

/// Whether `letter` opens the first English word of `name` or of its aside (`h` of
/// `위험함수 (Hazard function)`, `p` of `Prior correction (사전확률 보정)`).
fn initial_of(name: &str, letter: char) -> bool {
    name.split(|c: char| !c.is_ascii_alphabetic())
        .find(|w| w.len() >= 3)
        .and_then(|w| w.chars().next())
        .is_some_and(|c| c.eq_ignore_ascii_case(&letter))
}

/// Whether `short` is `name` in short: the acronym in its parentheses (`Least Confidence
/// (LC)`), or its words' initials (`Vote Entropy` → `VE`, `Margin` → `M`).
fn abbreviates(name: &str, short: &str) -> bool {
    let (head, aside) = match name
        .trim()
        .strip_suffix(')')
        .and_then(|r| r.rsplit_once(" ("))
    {
        Some((head, aside)) => (head, Some(aside)),
        None => (name.trim(), None),
    };
    let initials: String = head
        .split([' ', '-'])
        .filter_map(|w| w.chars().next())
        .filter(char::is_ascii_uppercase)
        .collect();
    !short.is_empty() && (aside == Some(short) || initials == short)
}

/// What a section written in `text` calls its formula: `수식`, or `Formula` without Korean.
fn formula_label(text: &str) -> &'static str {
    if text.chars().any(super::tables::is_hangul) {
        "수식"
    } else {
        "Formula"
    }
}

/// A line naming the formula under it by a word saying formula (`BM25 식`, `Focal Loss 수식`,
/// `업데이트 공식`), maybe with an aside on its symbols (`($k_1$: 단어 빈도 포화 정도, …)`):
/// the name, and whether an aside follows it.
fn says_formula(line: &str) -> Option<(&str, bool)> {
    let (name, aside) = match super::key_terms::closing_aside(line) {
        Some((before, _)) => (before, true),
        None => (line, false),
    };
    // What the formula is of, in a word or two: `조건부 확률을 "뒤집는" 공식` describes the
    // formula rather than names it.
    // `세 함수 관계` over `$$S(t) = \exp(-H(t))$$`: a relation is written as a formula too.
    let of = ["수식", "공식", "식", "관계"]
        .iter()
        .find_map(|w| name.strip_suffix(w))
        .filter(|n| n.ends_with(' ') || n.ends_with(|c: char| c.is_ascii_alphanumeric()))?;
    let named = (1..=2).contains(&of.split_whitespace().count())
        && !name.contains(['*', '$', '`', '"', '“'])
        && name.chars().count() <= LABEL_MAX_CHARS;
    named.then_some((name, aside))
}

/// Whether a line is a bold label alone, maybe with an aside after it: `- **업데이트 식**`
/// over `$$x_{t-1} = …$$` names the formula, and so does `**VQAv2 accuracy** (질문당 사람 답
/// 10개)` or `**Noisy Top-k Gating** (Shazeer et al., 2017, *"…"*)`.
fn bold_alone(line: &str) -> bool {
    let l = match line.strip_suffix(')').and_then(|r| r.rsplit_once(" (")) {
        // Italics may set a cited title (`(Shazeer et al., 2017, *"Outrageously Large …"*)`).
        Some((bold, aside)) if !aside.contains('(') && !aside.contains("**") => bold,
        _ => line,
    };
    l.len() > 4 && l.starts_with("**") && l.ends_with("**") && !l[2..l.len() - 2].contains("**")
}

/// Longest left side of a formula a front asks by ([`Builder::asking`]).
const ASKED_SIDE_MAX_BYTES: usize = 32;

/// Whether `tex` holds the command `command` (`\le`), not a longer one it starts (`\left`).
fn holds_command(tex: &str, command: &str) -> bool {
    tex.match_indices(command)
        .any(|(i, _)| !tex[i + command.len()..].starts_with(|c: char| c.is_ascii_alphabetic()))
}

/// TeX on a left side that makes it more than a term to compute: a sum, a bound, a step.
const ASKED_SIDE_OPERATORS: [&str; 12] = [
    "\\sum",
    "\\prod",
    "\\int",
    "\\min",
    "\\max",
    "\\arg",
    "\\le",
    "\\ge",
    "\\approx",
    "\\begin",
    "\\frac",
    "\\mathbb{E}",
];

/// The TeX of a paragraph that is one display formula (soft breaks aside).
fn display_formula(events: crate::tree::Evs<'_>) -> Option<pulldown_cmark::CowStr<'_>> {
    let mut tex = None;
    for e in events {
        match e.ev {
            pulldown_cmark::Event::DisplayMath(m) if tex.is_none() => tex = Some(m),
            pulldown_cmark::Event::SoftBreak => {}
            _ => return None,
        }
    }
    tex
}

/// Whether a paragraph's events are one display formula (soft breaks aside).
pub(super) fn is_display_formula(events: crate::tree::Evs<'_>) -> bool {
    display_formula(events).is_some()
}

/// What a formula defines: its side before `=` (`\lambda^*` of `\lambda^* = \arg\min …`).
fn left_side(tex: &str) -> Option<&str> {
    let lhs = tex.split_once('=')?.0.trim();
    (!lhs.is_empty()).then_some(lhs)
}

/// `\text{MFU}` as `MFU`: a name set in text inside a formula.
fn without_text_command(tex: &str) -> String {
    tex.replace("\\text{", "")
        .replace("\\mathrm{", "")
        .replace('}', "")
}

/// The inline math of a line of Markdown (`$W_r$` gives `W_r`), trimmed, in order.
fn inline_math(line: &str) -> impl Iterator<Item = &str> {
    line.split('$')
        .skip(1)
        .step_by(2)
        .map(str::trim)
        .filter(|m| !m.is_empty())
}

/// Whether `tex` holds `symbol` as a symbol of its own: `S` in `S^{(l)} = …` but not in
/// `\Sigma` or `\text{Softmax}`, `W_r` in `\sum_r W_r^{(l)}`.
fn holds_symbol(tex: &str, symbol: &str) -> bool {
    tex.match_indices(symbol).any(|(i, _)| {
        let before = tex[..i].chars().next_back();
        let after = tex[i + symbol.len()..].chars().next();
        !before.is_some_and(|c| c.is_alphabetic() || c == '\\' || c == '{')
            && !after.is_some_and(char::is_alphabetic)
    })
}
