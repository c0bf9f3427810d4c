//! Loose statements: an unlabelled bullet after a topic's labelled bullets or tables is one
//! fact of its own (`다음에 올 단어를 예측 … → cross-entropy loss 사용`), not more of a vague
//! "핵심 내용" list. It becomes a cloze that hides its key term.

use super::key_terms::{equation_result, key_term, without_korean_aside};
use super::{Builder, CardDraft};
use crate::tree::{self, Block, Kind, Plain};
use crate::{Card, CardKind, Deletion, math};
use pulldown_cmark::Event;
use std::ops::Range;

/// Most items of the explanation nested under a bold statement ([`Builder::explained_bold`]).
const EXPLANATION_MAX_ITEMS: usize = 3;

/// Why a short line closing a list over a table is no card.
pub(super) const TABLE_TITLE_REASON: &str =
    "titles the table after it, whose cells ask what it names";

/// Why a bullet of study advice is no card.
pub(super) const STUDY_ADVICE_REASON: &str = "says how to study (`… 외우기`), not a fact";

/// Whether a bullet's text ends on advice to the one studying (`대응 관계로 외우기`, `…
/// 암기`): a way to learn the facts around it, no fact to recall.
pub(super) fn is_study_advice(text: &str) -> bool {
    let t = text.trim_end().trim_end_matches(['.', '!']);
    [
        "외우기",
        "외울 것",
        "암기하기",
        "암기할 것",
        "기억하기",
        "기억할 것",
        "헷갈리기 쉬움",
        "헷갈림 주의",
        "혼동 주의",
        "헷갈리지 말 것",
        "헷갈리지 말기",
        "헷갈리지 않기",
    ]
    .iter()
    .any(|w| t.ends_with(w))
}

impl<'t, 'a> Builder<'t, 'a> {
    /// A topic's unlabelled bullets: beside its labelled bullets or tables (`beside`), each
    /// statement with a key term is a fact of its own, a cloze of that term; so is each of
    /// several statements whose term the author marked. A bullet opening the topic that says
    /// what it is is its definition ([`Self::opening_definition`]); the rest are one 핵심 내용
    /// card.
    pub(super) fn loose_statements(
        &mut self,
        sec: Option<usize>,
        loose: Vec<&'t Block>,
        beside: bool,
    ) {
        let mut gathered = Vec::with_capacity(loose.len());
        // Several unlabelled bullets are as many facts: gathered, they made a vague 핵심 내용
        // card joining unrelated statements.
        let clozes = beside || loose.len() > 1;
        // The cloze the item before made, for a line drawing its conclusion.
        let mut last_cloze: Option<usize> = None;
        for item in loose {
            let before = self.raw_cards.len();
            let previous = last_cloze.take();
            if self.cited_findings(sec, item) {
                continue;
            }
            // `설명에는 정답 label이 없음 → "좋은 설명"을 어떻게 측정할 것인가?`: a question the
            // notes raise, which the lines after it answer.
            if self.asks_a_question(item) {
                self.skip(
                    item.span.clone(),
                    "a question the notes raise (what follows answers it), no fact",
                );
                continue;
            }
            if self.is_citation_item(item) {
                self.skip(item.span.clone(), super::citations::CITATION_REASON);
                self.citation_year_claim(sec, item);
                continue;
            }
            let (lead, rest) = self.tree.item_lead(item);
            // Most statements are neither: their source says so before any text is built.
            let src = self.text.get(item.span.clone()).unwrap_or_default();
            if rest.is_empty() && (src.contains('📌') || is_study_advice(src)) {
                let evs = self.tree.events.get(lead).unwrap_or_default();
                let plain = Plain::of(self.text, evs);
                // `- 같은 역할의 HP가 … → 대응 관계로 외우기`: how to study, not what.
                let advised = || super::advice::without_trailing_advice(self.text, evs, &plain);
                if is_study_advice(&plain.text) && (!src.contains('📌') || advised().is_none()) {
                    self.skip(item.span.clone(), STUDY_ADVICE_REASON);
                    continue;
                }
                // `- 📌 overfitting이면: 복잡도 ↓, …`: a tip in a bullet with nothing in bold
                // is a tip as on its own line, what follows its separator hidden, not one word
                // of it (with bold, the statement's cloze hides what the author marked).
                if plain.strong.is_empty()
                    && super::tips::is_tip_line(&plain)
                    && self.tip_item(sec, "", evs, item.span.clone())
                {
                    continue;
                }
            }
            if rest.is_empty()
                && (self.true_false_card(sec, item, src)
                    || src.contains("$$") && self.formula_in_item(sec, item))
            {
                continue;
            }
            // A glossary (`- MLM (…), CLM (…)`) or an example (`- 예: …`) is no card.
            if rest.is_empty()
                && let Some(why) = super::loose_lines::no_card(src)
            {
                self.skip(item.span.clone(), why);
                continue;
            }
            // `- 따라서 위치 정보를 따로 넣어줘야 함` after `Self-attention은 **순서 정보가
            // 없음**`: the conclusion of the line before, shown with that line's answer.
            if rest.is_empty()
                && let Some(card) = previous
                && super::loose_lines::concludes(src)
            {
                let html = self.item_lead_html(item);
                let raw = &mut self.raw_cards[card];
                if !raw.card.back.is_empty() {
                    raw.card.back.push_str("<br>");
                }
                raw.card.back.push_str(html.trim());
                raw.card.span.end = item.span.end;
                continue;
            }
            // `입력 shape: logit …, target …`: a line the author marked nothing in is asked by
            // the name before its colon, rather than by a word guessed to hide.
            let name = self.line_name(sec, item);
            // A name the line marks nothing beside is what it is asked by.
            let named = match &name {
                Some((label, false)) => {
                    self.named_line_card(sec, item, label);
                    true
                }
                _ => false,
            };
            let carded = named
                || (clozes && self.statement_cloze(sec, item, beside))
                || self.formula_statement(sec, item);
            if carded {
                if self.raw_cards.len() == before + 1
                    && self.raw_cards[before].card.kind == crate::CardKind::Cloze
                {
                    last_cloze = Some(before);
                }
                continue;
            }
            if self.dates_a_citation(item) {
                self.skip(item.span.clone(), super::citations::CITED_REASON);
            } else if let Some((label, _)) = &name {
                // A line marking something too, not asked by it, is asked by its name.
                self.named_line_card(sec, item, label);
            } else {
                gathered.push(item);
            }
        }
        if !gathered.is_empty() {
            let rest = self.opening_definition(sec, &gathered);
            // A lone bullet that is no definition is asked by a term it marks (bold, a gloss,
            // a count) when it has one: `LSTM › 핵심 내용` named nothing to recall.
            let lone_asked =
                clozes || rest.len() != 1 || !self.statement_cloze(sec, rest[0], false);
            if !rest.is_empty() && lone_asked {
                self.unlabelled_card(sec, rest);
            }
        }
    }

    /// Whether `item`, the last of `list`, closes it right over a table as the table's title
    /// (`- 라이브러리 내장 지원`): [`Self::titles_what_follows`], a table's row next.
    pub(super) fn titles_table_below(&self, list: &Block, item: &Block) -> bool {
        list.children
            .last()
            .is_some_and(|last| std::ptr::eq(last, item))
            && self
                .text
                .get(list.span.end..)
                .is_some_and(|after| after.trim_start().starts_with('|'))
            && self.titles_what_follows(item)
    }

    /// Whether list item `item` is a short name with nothing nested, no label, number or
    /// sentence ending (`라이브러리 내장 지원`): what comes after it, not a fact.
    fn titles_what_follows(&self, item: &Block) -> bool {
        let (lead, rest) = self.tree.item_lead(item);
        if !rest.is_empty() {
            return false;
        }
        let plain = Plain::of(self.text, self.tree.events.get(lead).unwrap_or_default());
        let t = plain.text.trim();
        let words = t.split_whitespace().count();
        (1..=4).contains(&words)
            && t.chars().count() <= 20
            && !t.contains([':', '=', '→', '.', ',', '(', '?'])
            && !t.chars().any(|c| c.is_ascii_digit())
            && !t.ends_with(['다', '음', '함', '됨', '임'])
    }

    /// A cloze card for the unlabelled `item` that hides its key term; `false` (and no card)
    /// when the item has none, so the caller can keep it with the other unlabelled bullets.
    ///
    /// `guess` lets the term be guessed from the words (the longest Latin name in a Korean
    /// sentence); without it only a term the author marked counts (bold, code, a gloss, a
    /// number, a result): among several unlabelled bullets of long prose a guessed name is
    /// rarely what the sentence teaches (`각 {{c1::transformer}} layer에 삽입되어`).
    pub(super) fn statement_cloze(
        &mut self,
        sec: Option<usize>,
        item: &'t Block,
        guess: bool,
    ) -> bool {
        let (lead, rest) = self.tree.item_lead(item);
        if rest.iter().any(|b| b.kind != Kind::Paragraph) && !self.explained_bold(lead, rest) {
            // Nested bullets make it a list of facts, which a cloze of one term would bury.
            return false;
        }
        let before = self.raw_cards.len();
        if !self.statement_cloze_with_nested(sec, item, guess) {
            return false;
        }
        // A line continuing the statement (`→ embeddings → em, ##bed, …`) illustrates it:
        // shown with the answer, where it no longer gives the hidden term away.
        if !rest.is_empty() {
            let mut extra = String::new();
            self.render_children(rest, &mut extra);
            if let Some(raw) = self.raw_cards.get_mut(before) {
                raw.card.back = extra;
            }
        }
        true
    }

    /// Whether list item `item` is only a line ending on a question mark, nothing nested.
    pub(super) fn asks_a_question(&self, item: &Block) -> bool {
        let (lead, rest) = self.tree.item_lead(item);
        if !rest.is_empty() {
            return false;
        }
        let src = self.text.get(item.span.clone()).unwrap_or_default();
        if !src.trim_end().ends_with(['?', '？']) {
            return false;
        }
        let evs = self.tree.events.get(lead).unwrap_or_default();
        Plain::of(self.text, evs)
            .text
            .trim_end()
            .ends_with(['?', '？'])
    }

    /// Whether a line setting its term in bold has only a short explanation nested under it
    /// (`… HP 개수에 대해 **지수적으로 증가**` over `- 예: HP 5개 × 각 5개 값 = 3125 조합`;
    /// `해결: **비동기 승격**` over how it promotes): one list of at most
    /// [`EXPLANATION_MAX_ITEMS`] plain items, nothing nested deeper, none labelled. The bold
    /// term is the fact and the explanation its answer, rather than a `핵심 내용` card.
    fn explained_bold(&self, lead: Range<usize>, rest: &[Block]) -> bool {
        let evs = self.tree.events.get(lead).unwrap_or_default();
        evs.iter()
            .any(|e| matches!(e.ev, Event::Start(pulldown_cmark::Tag::Strong)))
            && self.nested_items(rest).is_some_and(|items| {
                items.len() <= EXPLANATION_MAX_ITEMS && items.iter().all(|i| i.leaf && !i.labelled)
            })
    }

    /// [`Self::statement_cloze`] of `item`'s first line, whatever is nested under it: for a
    /// sentence whose nested bullets are cards of their own (a term it names, defined).
    pub(super) fn statement_cloze_with_nested(
        &mut self,
        sec: Option<usize>,
        item: &'t Block,
        guess: bool,
    ) -> bool {
        let tree: &'t tree::Tree<'a> = self.tree;
        let (lead, _) = tree.item_lead(item);
        let evs = tree.events.get(lead).unwrap_or_default();
        let plain = Plain::of(self.text, evs);
        // The section's own name with what its heading's parenthesis adds: `Perplexity (PPL)`
        // is as much the context's answer to `PPL` as to `Perplexity`.
        let topic = sec.map_or("", |s| self.doc.sections[s].title.as_str());
        let mut front = String::new();
        let (term, escaped, mut at) = match equation_result(&plain) {
            // `… 예측하면 PPL = $V$`: the result the sentence ends on is what it teaches.
            Some(term) => {
                tree::render(evs, &mut front, &self.copies);
                let trimmed = front.trim();
                let Some(eq) = trimmed.rfind(" = ") else {
                    return false;
                };
                // `power = 0.8 (β = 0.2)`: the aside's closing parenthesis is not the value's.
                let mut value = &trimmed[eq + 3..];
                while value.ends_with(')')
                    && value.matches(')').count() > value.matches('(').count()
                {
                    value = &value[..value.len() - 1];
                }
                value = without_korean_aside(value);
                // `<code>padding = dilation</code>`: the deletion ends with the code.
                if let Some(close) = value.find("</")
                    && !value[..close].contains('<')
                {
                    value = &value[..close];
                }
                (term, value.to_string(), eq + 3)
            }
            None => {
                let code = evs.iter().find_map(|e| match &e.ev {
                    Event::Code(c) => Some(c.to_string()),
                    _ => None,
                });
                let Some(term) = key_term(&plain, topic, code.as_deref(), guess) else {
                    return false;
                };
                tree::render(evs, &mut front, &self.copies);
                let front = front.trim();
                let mut escaped = String::new();
                math::escape_html(&term, &mut escaped);
                let mut at = find_outside_tags(front, &escaped);
                if at.is_none()
                    && let Some(rendered) = with_math(&plain, &term)
                {
                    // `**$k$-hop 이웃**`: the front shows the term's formula as MathJax.
                    at = find_outside_tags(front, &rendered);
                    escaped = rendered;
                }
                let Some(at) = at else {
                    return false;
                };
                (term, escaped, at)
            }
        };
        let mut front = front.trim().to_string();
        // `→ "좋은 설명"을 어떻게 측정할 것인가?` is a question the line raises, no fact to
        // hide; `num_samples=5000` beside `**5000개**` shows the number the deletion hides.
        if escaped.trim_end().ends_with(['?', '？'])
            || number_shown_beside(&front, &escaped)
            || name_shown_beside(&front, &escaped)
        {
            return false;
        }
        if in_math(&front, at) {
            // A deletion inside `\(…\)` breaks the formula when Anki renders it.
            return false;
        }
        // `- = exp(토큰당 평균 cross-entropy) → **낮을수록 좋음**` goes on with the formula of
        // the bullet above (`$PPL = \exp(…)$`): without its left side the card has no subject.
        if front.starts_with('=')
            && let Some(lhs) = formula_lhs_before(self.text, item.span.start)
        {
            front.insert(0, ' ');
            front.insert_str(0, &lhs);
            at += lhs.len() + 1;
        }
        // `U-Net의 skip connection은 …` under Mask R-CNN is about U-Net: shown under it, where
        // the student meets U-Net's other cards. Only the shown context moves, never the id.
        let shown = super::essay::sentence_subject(plain.text.trim())
            .and_then(|subject| self.topic_named(&subject, sec))
            .filter(|&t| !self.within(sec, t))
            .map(|t| self.path(Some(t)));
        let mut cloze: Vec<Deletion> = occurrences(&front, &escaped, at)
            .into_iter()
            .map(|range| Deletion {
                number: 1,
                range: with_gloss(&front, range),
            })
            .collect();
        // `… 두는 **Post-LN**, … 두는 **Pre-LN** 사용`: the other of a pair left shown gives the
        // hidden one away. Both are hidden, one deletion: which is which is the fact.
        for s in &plain.strong {
            let other = plain.text.get(s.clone()).unwrap_or_default().trim();
            if !pair_of(&term, other) {
                continue;
            }
            let mut shown = String::new();
            math::escape_html(other, &mut shown);
            let Some(first) = find_outside_tags(&front, &shown).filter(|&a| !in_math(&front, a))
            else {
                continue;
            };
            for range in occurrences(&front, &shown, first) {
                let range = with_gloss(&front, range);
                if cloze
                    .iter()
                    .all(|d| d.range.end <= range.start || range.end <= d.range.start)
                {
                    cloze.push(Deletion { number: 1, range });
                }
            }
        }
        cloze.sort_by_key(|d| d.range.start);
        let before = self.raw_cards.len();
        self.push_card(CardDraft {
            kind: CardKind::Cloze,
            sec,
            key: format!("cloze:{term}"),
            front,
            back: String::new(),
            cloze,
            span: item.span.clone(),
            pin_at: Some(item.span.start),
            pin_line: None,
        });
        if let (Some(shown), Some(raw)) = (shown, self.raw_cards.get_mut(before)) {
            raw.card.context = Some(shown);
        }
        true
    }

    /// A card for the unlabelled `item` that states what a formula shows (`벡터 연산으로 의미
    /// 관계 표현 가능: $v(king) - v(man) + v(woman) \approx v(queen)$`): the statement asks,
    /// the formula answers. A cloze cannot hide a formula's part (MathJax would break), and in
    /// the 핵심 내용 list nothing asked for the formula. `false` (and no card) for anything else.
    pub(super) fn formula_statement(&mut self, sec: Option<usize>, item: &'t Block) -> bool {
        let tree: &'t tree::Tree<'a> = self.tree;
        let (lead, rest) = tree.item_lead(item);
        let evs = tree.events.get(lead).unwrap_or_default();
        let mut parts = evs.iter().filter(|e| match &e.ev {
            Event::Text(t) => !t.trim().is_empty(),
            _ => true,
        });
        let (Some(first), Some(formula), None) = (parts.next(), parts.next(), parts.next()) else {
            return false;
        };
        let (Event::Text(said), Event::InlineMath(tex)) = (&first.ev, &formula.ev) else {
            return false;
        };
        let Some(label) = said.trim_end().strip_suffix(':').map(str::trim) else {
            return false;
        };
        let chars = label.chars().count();
        if sec.is_none() || !rest.is_empty() || !(2..=super::LABEL_MAX_CHARS).contains(&chars) {
            return false;
        }
        let mut back = String::new();
        math::push_mathjax(tex, false, &mut back);
        let front = self.front(sec, &[label]);
        self.push_item_card(sec, item, label.to_string(), front, back);
        true
    }

    /// Whether section `sec` is `topic` or inside it.
    fn within(&self, mut sec: Option<usize>, topic: usize) -> bool {
        while let Some(s) = sec {
            if s == topic {
                return true;
            }
            sec = self.doc.sections[s].parent;
        }
        false
    }
}

/// A card shown under a heading that spells its answer gives it away: a cloze under a
/// heading holding what it hides (`NAS: AI가 AI를 설계하다` above `NAS는 {{c1::'AI가 AI를
/// 설계하는 기술'}}`; `MLOps Level 0: Manual Process` above `Level 0 = {{c1::Manual}}, …`),
/// a definition under its own expansion (`Zero-Shot Learning` above `ZSL` → `Zero-Shot
/// Learning`). Such a card is shown under the nearest heading above that does not. Only the
/// shown context moves, never the id.
pub(super) fn context_keeps_clozes_hidden(cards: &mut [Card]) {
    for card in cards.iter_mut() {
        let path = card.context_path();
        let keep = match card.kind {
            CardKind::Cloze => {
                let hidden: Vec<String> = card
                    .cloze
                    .iter()
                    .filter_map(|d| card.front.get(d.range.clone()))
                    .flat_map(stems)
                    .collect();
                // Each card of the note hides one number's parts: any of them shown is that
                // card's answer shown.
                let mut numbers: Vec<u32> = card.cloze.iter().map(|d| d.number).collect();
                numbers.sort_unstable();
                numbers.dedup();
                let parts: Vec<Vec<String>> = if numbers.len() < 2 {
                    Vec::new()
                } else {
                    numbers
                        .iter()
                        .map(|&n| {
                            card.cloze
                                .iter()
                                .filter(|d| d.number == n)
                                .filter_map(|d| card.front.get(d.range.clone()))
                                .flat_map(whole_words)
                                .collect()
                        })
                        .collect()
                };
                kept_until(path, |heading| {
                    let shown: Vec<String> = stems(heading).collect();
                    let found = hidden.iter().filter(|h| shown.contains(h)).count();
                    let words: Vec<String> = whole_words(heading).collect();
                    (hidden.len() >= 2 && found * 4 >= hidden.len() * 3)
                        || parts
                            .iter()
                            .any(|p| !p.is_empty() && p.iter().all(|w| words.contains(w)))
                })
            }
            CardKind::Definition => {
                let expansion = letters(&card.back);
                if expansion.chars().count() < 4 {
                    continue;
                }
                kept_until(path, |heading| letters(heading).contains(&expansion))
            }
            _ => continue,
        };
        if keep < path.len() {
            card.context = Some(path[..keep].into());
        }
    }
}

/// How many headings of `path`, from the outermost, come before the first that
/// `gives_away` the card's answer.
fn kept_until(path: &[String], gives_away: impl Fn(&str) -> bool) -> usize {
    path.iter().take_while(|h| !gives_away(h)).count()
}

/// The words of `text`, the names of the tags it may hold left out.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !matches!(*w, "b" | "em" | "i" | "strong" | "code"))
}

/// The [`words`] of `text`, whole and case folded.
fn whole_words(text: &str) -> impl Iterator<Item = String> + '_ {
    words(text).map(str::to_lowercase)
}

/// The letters and digits of `text`, case folded: `Zero-Shot Learning` and `zero shot
/// learning` are one.
fn letters(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The [`words`] of `text` cut to their first two characters: a Korean word's stem without
/// its particle (`데이터는` and `데이터가` meet), case folded.
fn stems(text: &str) -> impl Iterator<Item = String> + '_ {
    words(text).map(|w| w.chars().take(2).flat_map(char::to_lowercase).collect())
}

/// The left side of the first formula (`$PPL = \exp(…)$`) on the line before `at`, as HTML:
/// a short name in letters as text, anything else as MathJax. `None` when that line has no
/// such formula.
fn formula_lhs_before(text: &str, at: usize) -> Option<String> {
    let before = text.get(..at)?.trim_end();
    let line = &before[before.rfind('\n').map_or(0, |n| n + 1)..];
    let lhs = line
        .split('$')
        .skip(1)
        .step_by(2)
        .find_map(|tex| Some(tex.split_once('=')?.0.trim()))?;
    let short = (1..=20).contains(&lhs.chars().count());
    if !short
        || !lhs
            .chars()
            .all(|c| c.is_alphanumeric() || "_\\{}^ ".contains(c))
    {
        return None;
    }
    let mut out = String::new();
    if lhs.chars().all(|c| c.is_alphanumeric()) {
        out.push_str(lhs);
    } else {
        math::push_mathjax(lhs, false, &mut out);
    }
    Some(out)
}

/// Whether two bold terms of a statement are the two of a pair: names of two words or
/// hyphenated parts or more that end alike and begin differently (`Post-LN` / `Pre-LN`,
/// `on-policy` / `off-policy`, `Batch Normalization` / `Layer Normalization`).
fn pair_of(a: &str, b: &str) -> bool {
    const PAIR_MAX_PARTS: usize = 4;
    let parts = |t: &str| -> Vec<String> {
        t.split(['-', ' '])
            .filter(|p| !p.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let (a, b) = (parts(a), parts(b));
    let fits = |p: &[String]| (2..=PAIR_MAX_PARTS).contains(&p.len());
    fits(&a)
        && fits(&b)
        && a.last() == b.last()
        && a.last().is_some_and(|l| l.chars().count() >= 2)
        && a.first() != b.first()
}

/// Where `term` stands in `front` from its first place `first` on, as a word of its own
/// (`(ICLR 2015)` after `2015년`): every one is hidden, since one left shown gives the
/// others away.
pub(super) fn occurrences(front: &str, term: &str, first: usize) -> Vec<Range<usize>> {
    let alone = |at: usize| {
        let before = front[..at].chars().next_back();
        let after = front[at + term.len()..].chars().next();
        let edge = |c: Option<char>| c.is_none_or(|c| !c.is_ascii_alphanumeric());
        edge(before) && edge(after) && !in_math(front, at)
    };
    let mut found = Vec::with_capacity(1);
    found.push(first..first + term.len());
    let mut from = first + term.len();
    while let Some(rel) = front
        .get(from..)
        .and_then(|rest| find_outside_tags(rest, term))
    {
        let at = from + rel;
        if alone(at) {
            found.push(at..at + term.len());
        }
        from = at + term.len();
    }
    found
}

/// Most words of a term whose parenthesis after it is its gloss (`Proximal Policy
/// Optimization`).
pub(super) const GLOSSED_MAX_WORDS: usize = 3;

/// `range` of a hidden term, with the parenthesis right after it (`JS divergence
/// (Jensen-Shannon divergence)`): shown, the expansion would give the name away.
fn with_gloss(front: &str, range: Range<usize>) -> Range<usize> {
    // A clause (`더 많은 트리가 필요하지만 일반화 성능은 보통 좋아짐`) is no name: the aside
    // after it restates the sentence and stays shown.
    if front[range.clone()].split_whitespace().count() > GLOSSED_MAX_WORDS {
        return range;
    }
    let after = &front[range.end..];
    let Some(inner) = after.strip_prefix(" (") else {
        return range;
    };
    match inner.find(')') {
        Some(close) if !inner[..close].contains(['(', '<']) => {
            range.start..range.end + " (".len() + close + ")".len()
        }
        _ => range,
    }
}

/// Whether byte `at` of a front is inside inline or display math (`\(…\)`, `\[…\]`).
fn in_math(front: &str, at: usize) -> bool {
    let before = &front[..at];
    let opened = |open: &str, close: &str| match (before.rfind(open), before.rfind(close)) {
        (Some(o), Some(c)) => o > c,
        (Some(_), None) => true,
        _ => false,
    };
    opened("\\(", "\\)") || opened("\\[", "\\]")
}

/// `term`, found in `plain`, as the front renders it when it holds inline math (`$k$-hop 이웃`
/// is `\(k\)-hop 이웃` there, `k-hop 이웃` in the plain text); `None` when it holds none.
fn with_math(plain: &Plain, term: &str) -> Option<String> {
    let start = plain.text.find(term)?;
    let inside = plain.math_within(&(start..start + term.len()));
    if inside.is_empty() {
        return None;
    }
    let mut out = String::new();
    math::text_with_math_to_html(term, &inside, &mut out);
    Some(out)
}

/// Byte offset of `needle` in `html` outside any tag.
fn find_outside_tags(html: &str, needle: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(rel) = html.get(from..)?.find(needle) {
        let at = from + rel;
        let open = html[..at].rfind('<');
        let close = html[..at].rfind('>');
        if open.is_none_or(|o| close.is_some_and(|c| c > o)) {
            return Some(at);
        }
        from = at + needle.len();
    }
    None
}

/// Whether the rest of `front` writes the name `hidden` holds (its words before an expansion
/// in parentheses), as words of their own whatever their case and joints: `position bias`
/// beside `(lambdarank_position_bias_regularization)`, `EMA (…)` beside `\theta_{ema}`.
fn name_shown_beside(front: &str, hidden: &str) -> bool {
    let name = hidden.split(" (").next().unwrap_or(hidden);
    let words = |t: &str| -> Vec<String> {
        t.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let name = words(&super::facts::plain(name));
    // A letter (`PPL = $V$` after `vocab $V$개`) is a symbol the line works with.
    if name.concat().chars().filter(|c| c.is_alphabetic()).count() < 3 {
        return false;
    }
    // Every place the front writes the hidden text is hidden.
    let rest = words(&front.replace(hidden, " "));
    rest.windows(name.len()).any(|w| w == name.as_slice())
}

/// Whether a number of two digits or more in `hidden` is also in `front` outside every
/// place `hidden` is shown: the card would give it away.
fn number_shown_beside(front: &str, hidden: &str) -> bool {
    let numbers = || {
        hidden
            .split(|c: char| !c.is_ascii_digit())
            .filter(|n| n.len() >= 2)
    };
    if numbers().next().is_none() {
        return false;
    }
    let rest = front.replace(hidden, " ");
    numbers().any(|n| super::cell_words::contains_number(&rest, n))
}
