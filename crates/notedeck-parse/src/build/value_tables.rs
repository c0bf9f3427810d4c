//! Values rather than facts: the values an example works out (a table row by row, or the
//! list of sums under its title), and what a case study measured. Asked cell by cell or line
//! by line, they were numbers without their premise, or one project's results; they are
//! listed as skipped instead.

use super::Builder;
use super::labels::label_of;
use crate::SectionKind;
use crate::tree::{Block, Kind, Plain};
use std::borrow::Cow;

impl<'t> Builder<'t, '_> {
    /// Whether `table` (its body `rows`) only holds values: a worked example's (introduced
    /// by an example line or title: `after_example`) or a case study's measurements. Such a
    /// table is skipped, with its reason.
    pub(super) fn values_only(
        &mut self,
        sec: Option<usize>,
        table: &Block,
        rows: &[Vec<(Plain, &Block)>],
        after_example: bool,
    ) -> bool {
        // The values an example works out, row by row (`예시: $R = 81,\ \eta = 3$` over one
        // row per bracket `4 | 81 | 1`, `3 | 34 | 3`, …; `📌 **계산 예시**` over documents `A`,
        // `B`, …): made up to illustrate, like a worked computation, and asked cell by cell
        // they are numbers without their premise.
        // Or its matrix (`| **Task 1 학습 후** | 0.95 | 0.30 | 0.20 |` under `**Worked
        // example** ($T = 3$)`): every cell past the row's name a number.
        let numbers = || {
            rows.iter()
                .all(|r| r.len() >= 2 && r.iter().skip(1).all(|(p, _)| is_number(&p.text)))
        };
        if after_example
            && rows.len() >= 2
            && (rows
                .iter()
                .all(|r| r.first().is_some_and(|(p, _)| is_placeholder(&p.text)))
                || numbers())
        {
            self.skip(
                table.span.clone(),
                "table of the values an example works out, row by row",
            );
            return true;
        }
        // A record of what the writer did in a case they narrate (`새 모델은 … 1주일 shadow
        // deployment로 … 100%까지 늘렸습니다.` over `| Shadow | 1주 | … | 기존 대비 skew 없음 |`):
        // one project's steps and outcomes; asked cell by cell (`Shadow › 기간`), they were
        // trivia, numbers or not.
        if self.narrates(sec) {
            self.skip(
                table.span.clone(),
                "table of what one narrated case did (its record, not facts to study)",
            );
            return true;
        }
        // A case's measured results (`| Random Search | 100 | 0.863 | 5시간 10분 |` under `#
        // 12. 실전 사례: …`): what one project measured, not a fact of the methods; asked
        // cell by cell, they were trivia.
        if self.in_case_study(sec) {
            let values: Vec<&str> = rows
                .iter()
                .flat_map(|r| r.iter().skip(1).map(|(p, _)| p.text.trim()))
                .collect();
            let measured = values
                .iter()
                .filter(|v| v.contains(|c: char| c.is_ascii_digit()))
                .count();
            if measured * 2 > values.len() {
                self.skip(
                    table.span.clone(),
                    "table of what a case measured (a case study's results, not facts to study)",
                );
                return true;
            }
        }
        false
    }

    /// `blocks`, the body of section `sec`, from where a worked example stops: a section
    /// titled as one (`### 2. 계산 예시 (3 bins)`, `## **4. InfoNCE 계산 예시**`) is made-up
    /// numbers with nothing to recall, its table of values and its sums alike, up to a pinned
    /// tip closing it (`📌 **암기 팁**` + its lines), which is no part of it. What the example
    /// showed (`- 해석` over `τ가 크면 확률이 평평해져 …`) is general, and asked. `None` when
    /// nothing is left.
    ///
    /// A section titled only as an example (`### 4. 간단 예시 (1차원, k=2)`, `### 예제: 한 번
    /// 업데이트 비교`) may as well list real cases: it is a worked example up to its last block
    /// that works a sum out (`$\mu_2=30/4=7.5$`), the givens before it included, and what
    /// follows (the two methods compared in a table) stays.
    pub(super) fn past_worked_example<'b>(
        &mut self,
        sec: Option<usize>,
        blocks: &'b [usize],
        plains: &[Option<Box<Plain>>],
    ) -> Option<Cow<'b, [usize]>> {
        let Some(s) = sec else {
            return Some(Cow::Borrowed(blocks));
        };
        let (title, full) = (&self.info[s].short, &self.doc.sections[s].title);
        // `### 1. ProtoNet 3-way 2-shot` under `## 6. 계산 예시`: each of a worked section's
        // parts is one of its examples, unless it is an exercise (`### 예제 1: …`), asked
        // by its givens.
        let mut above = self.doc.sections[s]
            .parent
            .filter(|_| !is_exercise_title(title));
        let mut titled = titles_worked_section(title);
        while let Some(p) = above
            && !titled
        {
            titled = self.doc.sections[p].kind != SectionKind::Problem
                && titles_worked_section(&self.info[p].short);
            above = self.doc.sections[p].parent;
        }
        if !titled && !titles_example_section(title, full) {
            return Some(Cow::Borrowed(blocks));
        }
        let pinned = |&b: &usize| {
            plains
                .get(b)
                .and_then(Option::as_ref)
                .is_some_and(|p| p.text.trim_start().starts_with('📌'))
        };
        let (mut worked, mut rest) =
            blocks.split_at(blocks.iter().position(pinned).unwrap_or(blocks.len()));
        if !titled {
            // The last block working a sum out, or a table of the values worked out (rows
            // keyed by numbers: `| 1 | -0.54 | 0.000 | -1.0 |`).
            let computing = worked.iter().rposition(|&b| {
                let block = &self.tree.blocks[b];
                let src = &self.text[block.span.clone()];
                super::lists::computes_even_in_tex(src)
                    || block.kind == Kind::Table && rows_are_placeholders(src)
            });
            let Some(last) = computing else {
                return Some(Cow::Borrowed(blocks));
            };
            (worked, rest) = blocks.split_at(last + 1);
        }
        let mut kept: Vec<usize> = Vec::new();
        let tree = self.tree;
        for &b in worked {
            let block = &tree.blocks[b];
            if block.kind == Kind::List && interprets(&self.text[block.span.clone()]) {
                kept.push(b);
                continue;
            }
            // `- **장점**: …`, `- **한계**` closing the example's list: the topic's facts, which
            // the example's heading happens to hold.
            if block.kind == Kind::List {
                let topic = self.doc.sections[s].parent.or(sec);
                self.worked_list(topic, block);
                continue;
            }
            self.skip(block.span.clone(), super::lists::WORKED_EXAMPLE_REASON);
        }
        kept.extend_from_slice(rest);
        (!kept.is_empty()).then_some(Cow::Owned(kept))
    }

    /// `### 예제 1: AlexNet conv1 출력 크기와 파라미터 수` over one bullet of givens (`입력
    /// 227×227×3, filter 96개, 11×11, stride 4, padding 0`) and the sums nested under it:
    /// the givens are the question, asked after the title, and the sums (or the table of
    /// them, [`Self::works_out_givens`]) its answer. Asked by the title alone, the card
    /// showed the givens as part of what to recall. Returns whether it made the card.
    pub(super) fn exercise_card(&mut self, sec: usize, parts: &[&Block]) -> bool {
        if !is_exercise_title(&self.info[sec].short) {
            return false;
        }
        let Some((first, rest)) = parts.split_first() else {
            return false;
        };
        if first.kind != Kind::List {
            return false;
        }
        let mut items = first.children.iter().filter(|c| c.kind == Kind::Item);
        let Some(givens) = items.next() else {
            return false;
        };
        let (_, sums) = self.tree.item_lead(givens);
        // The sums may follow the givens as bullets of their own (`- T = 8 토큰, N = 4
        // expert, …` then `- CF = 1.0 → capacity = 8/4 × 1.0 = 2 → …`).
        let more: Vec<&Block> = items.collect();
        if sums.is_empty() && rest.is_empty() && more.is_empty() {
            return false;
        }
        let asked = self.item_lead_html(givens);
        let asked = asked.trim();
        if asked.is_empty() {
            return false;
        }
        let mut back = String::new();
        self.render_children(sums, &mut back);
        if !more.is_empty() {
            back.push_str("<ul>");
            self.render_blocks(&more, &mut back);
            back.push_str("</ul>");
        }
        self.render_blocks(rest, &mut back);
        let front = self.front_ending_html(Some(sec), &[], asked);
        self.push_section_answer(sec, front, back, parts);
        true
    }

    /// Whether a table below `parts` is the sums of an exercise's givens: the section is an
    /// exercise ([`is_exercise_title`]) and all it has above the table is one bullet of
    /// givens (`- 입력 28×28×192 → 5×5 conv, 출력 32 channel`), which the table works out.
    pub(super) fn works_out_givens(&self, sec: Option<usize>, parts: &[&Block]) -> bool {
        let [list] = parts else {
            return false;
        };
        let mut items = list.children.iter().filter(|c| c.kind == Kind::Item);
        list.kind == Kind::List
            && sec.is_some_and(|s| is_exercise_title(&self.info[s].short))
            && items
                .next()
                .is_some_and(|item| self.tree.item_lead(item).1.is_empty())
            && items.next().is_none()
    }

    /// Whether an item of `list` works a sum out ([`super::lists::computes_even_in_tex`]):
    /// right after an example's table, the list reads the example off it.
    pub(super) fn works_sums_out(&self, list: &Block) -> bool {
        let items: Vec<&Block> = list
            .children
            .iter()
            .filter(|c| c.kind == Kind::Item)
            .collect();
        let sums = items
            .iter()
            .filter(|item| {
                self.text
                    .get(item.span.clone())
                    .is_some_and(super::lists::computes_even_in_tex)
            })
            .count();
        !items.is_empty() && sums > 0
    }

    /// The list under a worked example's title (`**📌 계산 예시 (KL)**` over `- $D_{KL} = 0.5
    /// \ln\frac{0.5}{0.4} + …$`): its sums are no cards, but a pinned tip among them (`- 📌
    /// KL은 **비대칭**: …`) is a fact the example led to, asked as any tip.
    pub(super) fn worked_list(&mut self, sec: Option<usize>, list: &'t Block) {
        for item in list.children.iter().filter(|c| c.kind == Kind::Item) {
            let (lead, rest) = self.tree.item_lead(item);
            let evs = self.tree.events.get(lead).unwrap_or_default();
            let plain = Plain::of(self.text, evs);
            let pinned = plain.text.trim_start().starts_with('📌');
            if pinned && self.tip_item(sec, "", evs, item.span.clone()) {
                continue;
            }
            // `- **Stopping criterion**: validation F1 변화 < 0.5%p가 2 round 연속 / …` among the
            // sums: a labelled fact that works nothing out is the topic's, as anywhere.
            let src = self.text.get(item.span.clone()).unwrap_or_default();
            // A value set (`min = 1, max = 100 → 분모 99`) is the example's still.
            if let Some(label) = label_of(&plain, !rest.is_empty()).filter(|l| !l.plain_label)
                && !src.contains('=')
                && !super::lists::computes_even_in_tex(src)
            {
                self.labelled_item_card(sec, None, item, &label, evs, rest);
                continue;
            }
            self.skip(item.span.clone(), super::lists::WORKED_EXAMPLE_REASON);
        }
    }

    /// Whether section `sec` narrates a case in the past tense: at least
    /// [`NARRATED_SENTENCES`] sentences end in a past `…ㅆ습니다` or `…ㅆ다.` (`트리거를
    /// 추가했습니다`, `AUC가 0.84까지 떨어져 있었습니다`). Notes state facts in the present;
    /// an essay telling what its writer did is a story of one case.
    pub(super) fn narrates(&self, sec: Option<usize>) -> bool {
        let Some(s) = sec else {
            return false;
        };
        // The section's own text, up to its first subsection: a case told under it (`## 실무
        // 사례` read as a facet of `Stable-Baselines3 사용법`) narrates that case, not the
        // library's table of defaults above it.
        // Sections are in source order: a first subsection is the next section.
        let span = &self.doc.sections[s].span;
        let own_end = self
            .doc
            .sections
            .get(s + 1)
            .filter(|c| c.parent == Some(s))
            .map_or(span.end, |c| c.span.start.min(span.end));
        let text = self.text.get(span.start..own_end).unwrap_or_default();
        let past = |at: usize| text[..at].chars().next_back().is_some_and(is_past_syllable);
        let polite = text.match_indices("습니다").filter(|(i, _)| past(*i));
        let plain = text.match_indices("다.").filter(|(i, _)| past(*i));
        polite.chain(plain).nth(NARRATED_SENTENCES - 1).is_some()
    }

    /// Whether `sec` or a section above it is a case study (`실전 사례: …`, `Case study`).
    pub(super) fn in_case_study(&self, sec: Option<usize>) -> bool {
        let mut cur = sec;
        while let Some(s) = cur {
            let title = self.info[s].short.as_str();
            if title.contains("사례") || title.to_ascii_lowercase().contains("case study") {
                return true;
            }
            cur = self.doc.sections[s].parent;
        }
        false
    }
}

/// Sentences in the past tense that make a section a narrated case.
const NARRATED_SENTENCES: usize = 3;

/// Whether `c` is a Hangul syllable ending in ㅆ, the past tense's mark (`했`, `였`, `늘렸`).
fn is_past_syllable(c: char) -> bool {
    ('가'..='힣').contains(&c) && (u32::from(c) - 0xAC00) % 28 == 20
}

/// Whether every body row of a table (its source) is keyed by a number or a letter standing
/// for a made-up item ([`is_placeholder`]).
fn rows_are_placeholders(src: &str) -> bool {
    let mut rows = src
        .lines()
        .skip(2)
        .map(|l| {
            l.trim()
                .trim_start_matches('|')
                .split('|')
                .next()
                .unwrap_or("")
        })
        .map(|c| c.trim().trim_matches('*'))
        .peekable();
    rows.peek().is_some() && rows.all(is_placeholder)
}

/// Whether a row's name is a number or a letter standing for a made-up item (`4`, `A`): the
/// rows of a worked example.
fn is_placeholder(text: &str) -> bool {
    let t = text.trim();
    is_number(t) || t.len() == 1 && t.bytes().all(|b| b.is_ascii_uppercase())
}

/// Whether `text` is a number alone (`4`, `0.5`, `-1`).
pub(super) fn is_number(text: &str) -> bool {
    let t = text.trim().trim_start_matches('-');
    t.starts_with(|c: char| c.is_ascii_digit())
        && t.chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
}

/// Whether a section's title names a worked example: a worked-example label
/// (`계산 예시 (3 bins)`), or one after the name of what it computes (`InfoNCE 계산 예시`).
fn titles_worked_section(title: &str) -> bool {
    if super::lists::is_worked_example(title) {
        return true;
    }
    // `예시: Adam 첫 step에서 bias correction의 효과`: an example named by what it works out.
    if let Some((head, rest)) = title.split_once(':')
        && !rest.trim().is_empty()
        && ["예시", "예", "example"]
            .iter()
            .any(|w| head.trim().eq_ignore_ascii_case(w))
    {
        return true;
    }
    names_then_works_out(title)
}

/// Whether a title puts a worked-example label after the name of what it computes
/// (`InfoNCE 계산 예시`, `Cox 해석 손계산`, `C-index 손계산`).
fn names_then_works_out(title: &str) -> bool {
    // Asked of every section's title and bold paragraph: the last two words are read as
    // they stand in the title, not joined anew.
    let title = title.trim_end();
    let Some((head, last)) = title.rsplit_once(' ') else {
        return false;
    };
    let head = head.trim_end();
    let Some((rest, _)) = head.rsplit_once(' ') else {
        return super::lists::is_worked_example(last);
    };
    super::lists::is_worked_example(last)
        || !rest.trim().is_empty() && super::lists::is_worked_example(&title[rest.len() + 1..])
}

/// Whether a section's title (`title` short, `full` as written) names an example, worked or
/// not (`예제: 한 번 업데이트 비교`): no title for a table left after its sums, whose
/// comparison is general.
pub(super) fn titles_an_example(title: &str, full: &str) -> bool {
    titles_worked_section(title) || titles_example_section(title, full)
}

/// Whether a section's title says only that it gives an example (`간단 예시`, `예제: 한 번
/// 업데이트 비교`), or does so by its aside or by what the section does (`### 4. 작은 숫자로
/// 직접 계산해보기 (worked example)`): a worked one when its blocks work sums out, and what
/// follows them may be general ([`Builder::past_worked_example`]).
fn titles_example_section(title: &str, full: &str) -> bool {
    let aside = full
        .trim_end()
        .strip_suffix(')')
        .and_then(|t| t.rsplit_once('('))
        .map(|(_, inner)| inner);
    is_example_facet(title)
        || title
            .split_once(':')
            .is_some_and(|(head, rest)| head.trim() == "예제" && !rest.trim().is_empty())
        || ["계산해보기", "계산해 보기"]
            .iter()
            .any(|w| title.ends_with(w))
        || aside.is_some_and(super::lists::is_worked_example)
}

/// Whether a section's title numbers an exercise (`예제 1: AlexNet conv1 출력 크기`,
/// `Example 2. …`): one worked problem, its givens and its sums.
fn is_exercise_title(title: &str) -> bool {
    let t = title.trim_start();
    let Some(rest) = ["예제", "example", "exercise"].iter().find_map(|w| {
        t.get(..w.len())
            .filter(|head| head.eq_ignore_ascii_case(w))
            .map(|_| &t[w.len()..])
    }) else {
        return false;
    };
    let rest = rest.trim_start();
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && rest[digits..].trim_start().starts_with([':', '.', ')'])
}

/// Whether a list (its source) opens with an item saying what a worked example showed
/// (`- 해석`, `- **결론**:`): general facts, not the example's numbers.
fn interprets(source: &str) -> bool {
    let first = source.lines().next().unwrap_or("");
    let label = first
        .trim_start()
        .trim_start_matches(['-', '*', '+'])
        .trim()
        .trim_matches('*');
    // `- 결론: 보정을 안 하면 …`: the label before its colon.
    let label = label
        .split_once([':', '：'])
        .map_or(label, |(head, _)| head)
        .trim_matches('*')
        .trim();
    ["해석", "결론", "의미", "시사점", "interpretation"]
        .iter()
        .any(|w| label.eq_ignore_ascii_case(w))
}

/// Whether a paragraph (as `plain` text) only titles a worked example (`📌 **계산 예시** ($k =
/// 60$)`): a pin, a worked-example label, and at most its premise in parentheses. Asked of
/// every paragraph, with the text its caller has already read.
pub(super) fn titles_worked_example(plain: &Plain) -> bool {
    let t = plain.text.trim().trim_start_matches('📌').trim();
    let title = t.split(" (").next().unwrap_or(t);
    // `**예시 (m = 2)**, 전체 8개 중 y=1이 4개 → $\bar{y} = 4/8 = 0.5$`: an example titled in
    // bold that works out a sum is one too.
    super::lists::is_worked_example(title)
        || !plain.strong.is_empty() && names_then_works_out(title)
        || !plain.strong.is_empty()
            && is_example_facet(title)
            && super::lists::computes_even_in_tex(t)
}

impl<'t> Builder<'t, '_> {
    /// Whether `list` works out the example whose givens `paragraph` states under a bold
    /// title saying only that it is an example (`**예시**: p-values (m = 5, α = 0.05) =
    /// 0.001, …` over `- **Bonferroni**: 기준 0.05/5 = 0.01 → … **2개 기각**`): the list's
    /// sums are the example's, and without its givens no card of them could be answered.
    pub(super) fn works_out_example_givens(&self, paragraph: &Block, list: &Block) -> bool {
        if paragraph.kind != Kind::Paragraph {
            return false;
        }
        let plain = Plain::of(self.text, self.tree.inner(paragraph));
        let titled = plain.strong.first().is_some_and(|s| {
            s.start == plain.text.len() - plain.text.trim_start().len()
                && is_example_facet(plain.text[s.clone()].trim_end_matches(':'))
                && (plain.text[s.end..].trim_start().starts_with(':')
                    || plain.text[s.clone()].ends_with(':'))
        });
        titled && super::lists::computes_even_in_tex(self.text.get(list.span.clone()).unwrap_or(""))
    }
}

/// Why a cell of a column of figures to three decimals is no card.
pub(super) const LOOKUP_COLUMN_REASON: &str = "table cell in a column of figures to three decimals or \
     more (`80.858`): a measurement to look up, not to recall";

/// Fewest rows a column of figures to three decimals needs to be read as looked up.
const LOOKUP_MIN_ROWS: usize = 3;

/// For each column of a table whose rows are its subjects: whether every row's cell in it
/// is a figure written to three decimals or more (`56.522`, `77.294`, `80.858` under
/// `acc@1`), as a library's table of pretrained weights lists them. No student recalls a
/// figure to the thousandth; a column of such figures asks nothing.
pub(super) fn lookup_columns(
    rows: &[Vec<(Plain, &Block)>],
    columns: usize,
    columns_are_subjects: bool,
) -> Vec<bool> {
    if columns_are_subjects || rows.len() < LOOKUP_MIN_ROWS {
        return Vec::new();
    }
    (0..columns)
        .map(|c| {
            c > 0
                && rows.iter().all(|row| {
                    row.get(c)
                        .is_some_and(|(cell, _)| to_thousandths(cell.text.trim()))
                })
        })
        .collect()
}

/// Whether `text` is one number with three decimals or more, maybe a percent.
fn to_thousandths(text: &str) -> bool {
    let t = text.strip_suffix('%').unwrap_or(text).trim_end();
    t.split_once('.').is_some_and(|(whole, decimals)| {
        !whole.is_empty()
            && whole.bytes().all(|b| b.is_ascii_digit())
            && decimals.len() >= 3
            && decimals.bytes().all(|b| b.is_ascii_digit())
    })
}

/// Whether a facet's title names a worked example (`간단 예시`, `예제`, `Example`) rather
/// than a kind of fact.
pub(super) fn is_example_facet(title: &str) -> bool {
    // Asked of every labelled line: no lowercase copy. An aside says which example it is
    // (`예시 (k = 2)`).
    let t = title.trim();
    let t = match t.strip_suffix(')').and_then(|r| r.rsplit_once(" (")) {
        Some((head, _)) => head.trim_end(),
        None => t,
    };
    [
        "예시",
        "간단 예시",
        "간단한 예시",
        "미니 예시",
        "예제",
        "example",
        "examples",
        "a simple example",
    ]
    .iter()
    .any(|e| t.eq_ignore_ascii_case(e))
}
