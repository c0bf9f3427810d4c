//! Notion's essay style (the NAS essay under 문항 21): numbered headings with prose under
//! them. The prose is too long for a card side, but the headings are a list worth knowing
//! (the three stages, the six advantages), and the first sentence under a heading is usually
//! the point of the paragraph. Skipped prose must never hide a whole list of headings.

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

use super::cards::prose_reason;
use super::facts::offset_in;
use super::sentences::{
    definition_part, enumerates, first_sentence, listed_examples, may_name, only_rates, sentences,
};
use super::{Builder, CardDraft};
use crate::tree::{Kind, Plain};
use crate::{CardKind, Deletion, SectionKind, math};

/// Key of the card listing a section's numbered sub-headings ("NAS의 작동 원리 › 3단계" →
/// the stage names). Not `section`: a facet with a body of its own has that card too.
const HEADINGS_KEY: &str = "headings";
/// Words of a heading whose parts are a set to recall (`확산 모델의 한계`, `3단계 프로세스`):
/// under any other heading numbered parts are an outline of the explanation.
const SET_WORDS: &[&str] = &[
    "한계", "장점", "단점", "과정", "단계", "도전", "유형", "종류", "특징", "구성", "차이", "원인",
    "요인", "방법", "기법", "전략", "요소", "이유", "가지", "효과",
];

/// Last words of a heading that holds an explanation's parts (`CLT의 내용`, `NAS 개요`)
/// rather than a set, unless it says the parts are key (`핵심 내용`).
const CONTENTS_WORDS: &[&str] = &["내용", "개요", "상세", "overview", "details"];

/// Words of an essay's title that make its numbered headings claims about its subject
/// (`NAS의 장점과 차별점`: `효율성과 규모`, `복잡성 관리`), lowercased. Not `한계` or `도전과제`:
/// a limitation is often a named problem (`보상 해킹`) that its paragraph defines.
const CLAIM_SET_WORDS: &[&str] = &["장점", "차별", "이점", "advantage", "benefit"];

/// Words of an essay's title that make its numbered headings challenges still open (`NAS의
/// 도전과제: 앞으로 해결해야 할 문제들`), lowercased.
const CHALLENGE_SET_WORDS: &[&str] = &["도전", "과제", "해결해야", "challenge", "open problem"];

/// Why a part narrating what its writer did is no card.
const NARRATED_PROSE_REASON: &str = "; it tells what its writer did in one case (in the past \
     tense): a story, not a fact to recall";

/// Why a paragraph under a challenge of such an essay that lists open directions is no card.
const CHALLENGE_PROSE_REASON: &str = "; it restates its challenge, which the essay's list card \
                                      asks, and lists directions still open";

/// What the parts of an essay are: claims about a subject (`NAS의 장점과 차별점`), or
/// challenges still open (`NAS의 도전과제`).
#[derive(Clone, Copy)]
struct Parts<'s> {
    claims_about: Option<&'s str>,
    challenges: bool,
}

/// Why a paragraph under a claim of such an essay is no card.
const CLAIM_PROSE_REASON: &str = "; it argues for its heading, a claim the essay's list card \
                                  asks, and names nothing of its own";

/// Longest paragraph (characters) an essay part answers with as a whole.
const PART_MAX_CHARS: usize = 170;
/// Most sentences between an essay part's first sentence and the list of examples it
/// answers with too, all of them shown ([`Builder::first_sentence_cards`]).
const EXAMPLES_MAX_GAP: usize = 2;

/// Most sentences of a paragraph an essay part answers with as a whole.
const PART_MAX_SENTENCES: usize = 3;

/// Longest topic name a definition sentence may open with.
const SUBJECT_MAX_CHARS: usize = 40;

/// Lookups the essay rules make many times, built once per note that has an essay: a note
/// of megabytes has thousands of essay parts, and searching its runs, drafts and skipped
/// blocks for each of them made its parse quadratic.
pub(super) struct Lookups {
    /// The indices into `runs` of each section's runs of blocks.
    pub(super) runs_of: Vec<Vec<usize>>,
    /// Each section's sub-sections, in order.
    pub(super) kids: Vec<Vec<usize>>,
    /// The first skipped block starting at each offset (an index into `doc.skipped`).
    pub(super) skipped_at: HashMap<usize, usize>,
    /// Skipped blocks carded after all, by start: taken out of `doc.skipped` at the end.
    pub(super) carded: HashSet<usize>,
    /// Heading starts of sections whose body card is taken back ([`Builder::leave_prose`]).
    pub(super) uncarded: HashSet<usize>,
    /// Starts of paragraphs this pass carded already (a definition cloze, counted parts):
    /// no other sentence of theirs is carded by its bold part.
    pub(super) asked: HashSet<usize>,
}

/// What the essay rules need to know of one section's own blocks and sub-sections.
#[derive(Clone, Default)]
struct Shape {
    /// Its first block other than comments and rules.
    first: Option<usize>,
    /// It has a paragraph.
    paragraphs: bool,
    /// It has a block other than paragraphs, comments and rules.
    other: bool,
    /// Sub-sections, and how many of them are numbered headings over paragraphs only.
    kids: u32,
    numbered_kids: u32,
}

impl<'t, 'a> Builder<'t, 'a> {
    /// Cards the essay style needs beyond the section bodies: a list card for each section
    /// whose sub-sections are numbered headings over paragraphs, the first sentence of each
    /// such sub-section whose paragraphs were all too long to card, and a cloze of a topic's
    /// opening definition when its paragraph was too long to card.
    pub(super) fn essay(
        &mut self,
        runs: &[(Option<usize>, Vec<usize>)],
        plains: &[Option<Box<Plain>>],
    ) {
        let tree = self.tree;
        let n = self.doc.sections.len();
        // One small record per section (not a list of blocks each): every note pays for
        // this pass, and essays are rare.
        let mut shape = vec![Shape::default(); n];
        let mut naming = Vec::new();
        for (sec, blocks) in runs {
            let Some(s) = *sec else { continue };
            for &b in blocks {
                let kind = tree.blocks[b].kind;
                if matches!(kind, Kind::Html | Kind::Rule) {
                    continue;
                }
                // A topic's prose may mark its point in bold instead of naming it
                // (`… graph convolution이 사실상 **라플라시안 스무딩**의 특수한 형태 …`).
                if kind == Kind::Paragraph
                    && let Some(Some(p)) = plains.get(b)
                    && (may_name(&p.text)
                        || (!p.strong.is_empty() || p.text.contains("**"))
                            && self.doc.sections[s].kind == SectionKind::Topic)
                {
                    naming.push((s, b));
                }
                let sh = &mut shape[s];
                sh.first.get_or_insert(b);
                sh.paragraphs |= kind == Kind::Paragraph;
                // A formula in a code block belongs to the prose around it, and a quoted tip
                // closing the essay (`📌` + `> KD = …`) is carded on its own.
                sh.other |= !matches!(kind, Kind::Paragraph | Kind::CodeBlock | Kind::BlockQuote);
            }
        }
        for c in 0..n {
            let Some(p) = self.doc.sections[c].parent else {
                continue;
            };
            shape[p].kids += 1;
            let ok = self.doc.sections[c].kind == SectionKind::Facet
                && shape[c].paragraphs
                && !shape[c].other
                && self.is_numbered_heading(c);
            shape[p].numbered_kids += u32::from(ok);
        }
        // A numbered essay section may hold a single part (`# 3. NLP에서의 활용`, `# 1)
        // DistilBERT`): it is still carded by its first sentence, with no list of one name.
        let essays: Vec<usize> = (0..n)
            .filter(|&p| {
                shape[p].numbered_kids == shape[p].kids
                    && (shape[p].kids >= 2 || shape[p].kids == 1 && self.is_numbered_heading(p))
            })
            .collect();
        let mut ix = Lookups {
            runs_of: Vec::new(),
            kids: Vec::new(),
            skipped_at: HashMap::new(),
            carded: HashSet::new(),
            uncarded: HashSet::new(),
            asked: HashSet::new(),
        };
        // A topic's definition sentence notes itself in the skipped list, essay or not.
        for (i, s) in self.doc.skipped.iter().enumerate() {
            ix.skipped_at.entry(s.span.start).or_insert(i);
        }
        if !essays.is_empty() {
            ix.runs_of = vec![Vec::new(); n];
            ix.kids = vec![Vec::new(); n];
            for (r, (sec, _)) in runs.iter().enumerate() {
                if let Some(s) = *sec {
                    ix.runs_of[s].push(r);
                }
            }
            for c in 0..n {
                if let Some(p) = self.doc.sections[c].parent {
                    ix.kids[p].push(c);
                }
            }
        }
        for p in essays {
            let kids = std::mem::take(&mut ix.kids[p]);
            // Two headings under `작동 원리` are an outline, not a list to recall (`Soft
            // Target과 Temperature`, `손실 함수`); under a heading naming a set (`확산 모델의
            // 한계`) they are, and so are three steps or more (`탐색 공간 정의`, `탐색 전략`, …).
            let title = &self.doc.sections[p].title;
            let names_set = names_parts(title);
            // `CLT의 내용` holds the parts of an explanation (`정리`, `표준오차`, `큰 수의
            // 법칙과의 차이`): its headings are a table of contents, not a set to recall.
            let contents = !names_set && names_contents(title);
            // `# 3. 조건과 주의점` after `# 1)`, `# 2)` parts is the essay's next section, which
            // the outline hangs under the last topic: the list is the parts numbered alike.
            let paren = self.info[kids[0]].paren_numbered;
            let alike = kids
                .iter()
                .take_while(|&&c| self.info[c].paren_numbered == paren)
                .count();
            // Parts under a title naming no set (`Gradient Checkpointing: 메모리를 계산으로
            // 바꾸기` → `왜 activation이 문제인가`, `Trade-off`, …) are an outline.
            let listed = !contents && alike >= 2 && names_set;
            if listed {
                self.headings_card(p, &kids[..alike]);
            }
            let title = &self.doc.sections[p].title;
            // `NAS의 장점과 차별점`: each heading is a claim about the subject, which the list
            // card asks; a paragraph arguing for it is carded only for a name it gives.
            let of_claims = listed && {
                let lower = title.to_lowercase();
                CLAIM_SET_WORDS.iter().any(|w| lower.contains(w))
            };
            let claims = if of_claims {
                heading_subject(title)
            } else {
                None
            };
            let of_challenges = listed && {
                let lower = title.to_lowercase();
                CHALLENGE_SET_WORDS.iter().any(|w| lower.contains(w))
            };
            let about = Parts {
                claims_about: claims.as_deref(),
                challenges: of_challenges,
            };
            self.first_sentence_cards(&kids, runs, plains, about, &mut ix);
        }
        for (t, sh) in shape.iter().enumerate() {
            let Some(first) = sh.first else { continue };
            if self.doc.sections[t].kind == SectionKind::Topic {
                self.definition_cloze(t, first, plains, &mut ix);
            }
            if sh.paragraphs && !sh.other && self.counted_parts_card(t, first, plains) {
                ix.asked.insert(tree.blocks[first].span.start);
            }
        }
        for (sec, b) in naming {
            self.named_cloze(sec, b, plains, &mut ix);
        }
        if !ix.uncarded.is_empty() {
            self.raw_cards
                .retain(|r| r.card.key != "section" || !ix.uncarded.contains(&r.card.span.start));
        }
        if !ix.carded.is_empty() {
            self.doc
                .skipped
                .retain(|s| !ix.carded.contains(&s.span.start));
        }
    }

    /// "Parent" → the numbered sub-headings' titles, in order.
    fn headings_card(&mut self, parent: usize, kids: &[usize]) {
        let mut back = String::from("<ol>");
        for &c in kids {
            back.push_str("<li>");
            math::text_to_html(&self.doc.sections[c].title, &mut back);
            back.push_str("</li>");
        }
        back.push_str("</ol>");
        let start = self.doc.sections[parent].heading_span.start;
        let end = kids
            .last()
            .map_or(start, |&c| self.doc.sections[c].heading_span.end);
        let front = self.front(Some(parent), &[]);
        self.push_card(CardDraft {
            kind: CardKind::Basic,
            sec: Some(parent),
            key: HEADINGS_KEY.into(),
            front,
            back,
            cloze: Vec::new(),
            span: start..end,
            // The parent's heading line belongs to its own facet card's pin.
            pin_at: None,
            pin_line: None,
        });
    }

    /// "Parent › Heading" → the first sentence under the heading, for each of `kids` whose
    /// paragraphs were all prose (so the heading got no card). Siblings are carded all or
    /// none: when one of them has no first sentence worth a card, none of them gets one.
    fn first_sentence_cards(
        &mut self,
        kids: &[usize],
        runs: &[(Option<usize>, Vec<usize>)],
        plains: &[Option<Box<Plain>>],
        about: Parts<'_>,
        ix: &mut Lookups,
    ) {
        let claims_about = about.claims_about;
        let tree = self.tree;
        // (section, first paragraph, its point, the examples it lists)
        let mut found: Vec<(usize, usize, Option<String>, Option<String>)> = Vec::new();
        // Parts answered by their whole paragraph: no sentence of theirs is to be chosen.
        let mut whole: Vec<usize> = Vec::new();
        for &c in kids {
            // The part's paragraphs; a source line under it (`출처: […](…)`) and the title of
            // tips closing the essay (`📌 **암기 포인트**`) are none of them.
            let paragraphs: Vec<usize> = ix.runs_of[c]
                .iter()
                .flat_map(|&r| runs[r].1.iter().copied())
                .filter(|&b| {
                    tree.blocks[b].kind == Kind::Paragraph
                        && !plains.get(b).and_then(Option::as_ref).is_some_and(|p| {
                            super::lists::is_source_line(p.text.trim())
                                || super::tips::tip_title(p).is_some()
                        })
                        && !self.is_navigation_paragraph(&tree.blocks[b])
                })
                .collect();
            let Some(&first) = paragraphs.first() else {
                continue;
            };
            let prose = |b: usize| {
                plains
                    .get(b)
                    .and_then(Option::as_ref)
                    .is_some_and(|p| p.images.is_empty() && prose_reason(p.text.trim()).is_some())
            };
            if let Some(subject) = claims_about
                && !paragraphs.iter().any(|&b| {
                    plains
                        .get(b)
                        .and_then(Option::as_ref)
                        .is_none_or(|p| !p.images.is_empty() || names_something(p, subject))
                })
            {
                self.leave_prose(c, tree.blocks[first].span.clone(), CLAIM_PROSE_REASON, ix);
                continue;
            }
            if !paragraphs.iter().all(|&b| prose(b)) {
                continue;
            }
            let text = plains
                .get(first)
                .and_then(Option::as_ref)
                .map_or("", |p| p.text.trim());
            // A part whose one paragraph is short enough to read at a glance answers with all
            // of it: its first sentence often only restates the heading (`글로벌 모델 배포` →
            // `중앙 서버가 … 모델을 … 전송합니다.`) and the facts follow.
            // `NAS의 도전과제`'s parts: `… 가장 큰 도전 중 하나는 엄청난 계산 비용입니다` restates
            // the heading, which the list card asks, and the examples a later sentence lists
            // are directions still open (`하이브리드 방식, …, 메타러닝을 활용한 … 탐색 등이 그
            // 예입니다`): no fact to recall.
            // `SD v1.5를 LoRA로 파인튜닝해 본 경험이 있습니다.`, then what went wrong and how
            // it was fixed: a part telling what its writer did is a story of one case, and
            // its first sentence no fact to recall.
            if self.narrates(Some(c)) {
                self.leave_prose(
                    c,
                    tree.blocks[first].span.clone(),
                    NARRATED_PROSE_REASON,
                    ix,
                );
                continue;
            }
            if about.challenges && sentences(text).skip(1).any(enumerates) {
                self.leave_prose(
                    c,
                    tree.blocks[first].span.clone(),
                    CHALLENGE_PROSE_REASON,
                    ix,
                );
                continue;
            }
            if paragraphs.len() == 1
                && text.chars().count() <= PART_MAX_CHARS
                && sentences(text).count() <= PART_MAX_SENTENCES
            {
                found.push((c, first, Some(text.to_string()), None));
                whole.push(c);
                continue;
            }
            let worth = |s: &&str| prose_reason(s).is_none() && !only_rates(s);
            // The point is the first sentence, or the first its author set a term of in bold
            // when the first has none: `일반적인 … 행렬식은 O(D^3) 비용이 들어 …` sets up the
            // problem, and `그래서 Flow는 야코비안이 **삼각 행렬**이 되도록 …` answers the
            // heading.
            let plain = plains.get(first).and_then(Option::as_ref);
            let point = first_sentence(text).and_then(|s| {
                let marked_later = plain
                    .filter(|p| !has_bold(p, s))
                    .and_then(|p| sentences(text).skip(1).find(|later| has_bold(p, later)));
                marked_later.or(Some(s)).filter(worth)
            });
            // `주로 사용되는 방법으로는 강화학습, 진화 알고리즘, … 등이 있습니다.`: the examples a
            // later sentence lists are the fact the heading asks for as much as its setup.
            // It may close on a rating (`… 등이 중요한 연구 주제입니다.`): the list is the fact.
            let examples = sentences(text)
                .enumerate()
                .skip(1)
                .find(|(_, s)| enumerates(s))
                .filter(|(_, s)| prose_reason(s).is_none())
                .map(|(k, s)| {
                    // A list further on refers back (`… 등이 그 예입니다` after `이를 해결하기
                    // 위해 다양한 접근법이 …`): the answer reads on from the point to the list,
                    // never skipping the sentence it points at.
                    if point.is_none() || k > EXAMPLES_MAX_GAP + 1 {
                        return s;
                    }
                    let second = sentences(text).nth(1).unwrap_or(s);
                    let (Some(from), Some(at)) = (offset_in(text, second), offset_in(text, s))
                    else {
                        return s;
                    };
                    text.get(from..at + s.len()).unwrap_or(s)
                });
            if point.is_none() && examples.is_none() {
                return;
            }
            found.push((
                c,
                first,
                point.map(str::to_string),
                examples.map(str::to_string),
            ));
        }
        // An essay's sections open on its subject (`NAS는 …`); one that opens on a setup
        // (`현대의 AI 모델은 매우 복잡하여 …`) says its point in a later sentence about it.
        let parent = kids.first().and_then(|&c| self.doc.sections[c].parent);
        let heading = parent.map_or("", |p| self.doc.sections[p].title.as_str());
        if let Some(subject) = heading_subject(heading).filter(|w| {
            found.iter().any(|(c, _, s, _)| {
                !whole.contains(c) && s.as_ref().is_some_and(|s| s.contains(w.as_str()))
            })
        }) {
            for (c, first, point, _) in &mut found {
                if whole.contains(c) {
                    continue;
                }
                let Some(sentence) = point else { continue };
                // `표본평균의 표준편차 … 을 표준오차(SE)라고 부릅니다` under `# 2) 표준오차`
                // names the part itself: that is its point, whatever it says of the subject.
                let part = super::outline::title_name(&self.info[*c].short);
                if sentence.contains(subject.as_str())
                    || !part.is_empty() && sentence.contains(part)
                {
                    continue;
                }
                let text = plains
                    .get(*first)
                    .and_then(Option::as_ref)
                    .map_or("", |p| p.text.trim());
                match sentences(text)
                    .find(|s| s.contains(subject.as_str()))
                    .filter(|s| prose_reason(s).is_none() && !only_rates(s))
                {
                    Some(s) => *sentence = s.to_string(),
                    None => return,
                }
            }
        }
        for (c, first, point, examples) in found {
            let mut back = String::new();
            let plain = plains.get(first).and_then(Option::as_ref);
            let html = |s: &str, back: &mut String| match plain {
                Some(p) => sentence_html(p, s, back),
                None => math::text_to_html(s, back),
            };
            let whole_text = plain.map(|p| p.text.trim()).filter(|_| whole.contains(&c));
            if let Some(text) = whole_text
                && !lead_and_examples(text, &html, &mut back)
            {
                // As written, so its formulas stay math.
                back.push_str("<p>");
                crate::tree::render(tree.inner(&tree.blocks[first]), &mut back, &self.copies);
                back.push_str("</p>");
            }
            if let Some(point) = point.as_deref().filter(|_| !whole.contains(&c)) {
                back.push_str("<p>");
                html(point, &mut back);
                back.push_str("</p>");
            }
            if let Some(e) = examples.as_deref().filter(|e| Some(*e) != point.as_deref())
                && !lead_and_examples(e, &html, &mut back)
            {
                back.push_str("<p>");
                html(e, &mut back);
                back.push_str("</p>");
            }
            let block = &tree.blocks[first];
            if whole.contains(&c) {
                // Carded as it is: no longer a skipped block.
                ix.carded.insert(block.span.start);
            } else {
                self.note_first_sentence(block.span.start, ix);
            }
            self.push_section_card(c, back, &[block]);
        }
    }

    /// A topic opening with a long paragraph whose first sentence defines it (`NAS는 쉽게
    /// 말해 'AI가 AI를 설계하는 기술'입니다.`): a cloze hiding the definition. A cloze, not a
    /// question under the topic's title: an essay's title often says the same thing (`NAS: AI가
    /// AI를 설계하다`).
    fn definition_cloze(
        &mut self,
        topic: usize,
        first: usize,
        plains: &[Option<Box<Plain>>],
        ix: &mut Lookups,
    ) {
        let tree = self.tree;
        if tree.blocks[first].kind != Kind::Paragraph {
            return;
        }
        let Some(Some(plain)) = plains.get(first) else {
            return;
        };
        let text = plain.text.trim();
        let title = &self.info[topic].short;
        let subject = super::outline::essay_subject(title);
        if subject.is_empty()
            || !text.starts_with(subject)
            || subject.chars().count() > SUBJECT_MAX_CHARS
            || !plain.images.is_empty()
            || prose_reason(text).is_none()
        {
            return;
        }
        let Some(sentence) = first_sentence(text) else {
            return;
        };
        let Some(part) = definition_part(sentence, subject) else {
            return;
        };
        let hidden = part.hidden;
        let mut front = String::new();
        math::text_to_html(&sentence[..hidden.start], &mut front);
        let start = front.len();
        math::text_to_html(&sentence[hidden.clone()], &mut front);
        let end = front.len();
        math::text_to_html(&sentence[hidden.end..], &mut front);
        let keyed = part.keyed;
        let key = format!("{}…{}", &sentence[..keyed.start], &sentence[keyed.end..]);
        let span = tree.blocks[first].span.clone();
        self.note_first_sentence(span.start, ix);
        ix.asked.insert(span.start);
        self.push_card(CardDraft {
            kind: CardKind::Cloze,
            sec: Some(topic),
            key,
            front,
            back: String::new(),
            cloze: vec![Deletion {
                number: 1,
                range: start..end,
            }],
            span: span.clone(),
            pin_at: Some(span.start),
            pin_line: None,
        });
        // `지식 증류(…): 큰 모델의 지식을 작은 모델로 옮기다`: a subtitle glosses the subject as
        // the hidden definition does, so the card is shown under the title's name only.
        if let Some(path) = self.without_subtitle(topic)
            && let Some(raw) = self.raw_cards.last_mut()
        {
            raw.card.context = Some(path);
        }
    }

    /// The path of `topic` with its title cut before a subtitle (`: …`), if it has one.
    fn without_subtitle(&self, topic: usize) -> Option<std::sync::Arc<[String]>> {
        let path = self.path(Some(topic));
        let (last, above) = path.split_last()?;
        let name = super::outline::title_name(last);
        let subtitle = last.split_once(':').map_or("", |(_, s)| s.trim());
        if name.is_empty() || subtitle.is_empty() {
            return None;
        }
        Some(above.iter().cloned().chain([name.to_string()]).collect())
    }

    /// The paragraph at `span` under part `c` of an essay of claims or challenges is no card,
    /// for `reason`: the card its section got as a short body is taken back, and the
    /// paragraph is listed as skipped.
    fn leave_prose(&mut self, c: usize, span: crate::Span, reason: &str, ix: &mut Lookups) {
        // Taken out of the drafts when the essays are done, in one pass.
        ix.uncarded.insert(self.doc.sections[c].heading_span.start);
        match ix.skipped_at.get(&span.start) {
            Some(&i) => self.doc.skipped[i].reason.push_str(reason),
            None => {
                let start = span.start;
                self.skip(span, reason.trim_start_matches("; "));
                if self.keep_skipped {
                    ix.skipped_at.insert(start, self.doc.skipped.len() - 1);
                }
            }
        }
    }

    /// Say in the skipped list that the first sentence of the prose at `start` is carded.
    fn note_first_sentence(&mut self, start: usize, ix: &Lookups) {
        if let Some(&i) = ix.skipped_at.get(&start) {
            self.doc.skipped[i]
                .reason
                .push_str("; its first sentence is a card");
        }
    }

    /// Whether section `sec`'s heading is numbered (`# 1)`, `## 2.`).
    pub(super) fn is_numbered_heading(&self, sec: usize) -> bool {
        let span = &self.doc.sections[sec].heading_span;
        let Some(line) = self.text.get(span.clone()) else {
            return false;
        };
        if !line.starts_with('#') {
            return false;
        }
        let t = line
            .trim_start_matches('#')
            .trim_start_matches([' ', '\t', '*', '_']);
        let digits = t.bytes().take_while(u8::is_ascii_digit).count();
        (1..=3).contains(&digits) && t[digits..].starts_with(['.', ')'])
    }
}

/// Whether `sentence`, a slice of `plain`'s text, holds a bold run.
fn has_bold(plain: &Plain, sentence: &str) -> bool {
    let Some(at) = offset_in(&plain.text, sentence) else {
        return false;
    };
    let end = at + sentence.len();
    plain.strong.iter().any(|b| b.start < end && at < b.end)
}

/// `sentence`, a sentence of `plain`'s text, as HTML with its inline math set off again
/// (`$O(D^3)$` shows as math, not as `O(D^3)`).
pub(super) fn sentence_html(plain: &Plain, sentence: &str, out: &mut String) {
    match plain.text.find(sentence) {
        Some(at) => {
            let range = at..at + sentence.len();
            math::text_with_math_to_html(sentence, &plain.math_within(&range), out);
        }
        None => math::text_to_html(sentence, out),
    }
}

/// Render `text` whose last sentence lists examples ([`listed_examples`]) as its sentences
/// before that one, then the examples one per line; `false`, with nothing written, when it
/// lists none. Running text hid a list of three behind `… 등이 그 예입니다`.
fn lead_and_examples(text: &str, html: &impl Fn(&str, &mut String), back: &mut String) -> bool {
    let last = sentences(text).last().unwrap_or(text);
    let Some(items) = listed_examples(last) else {
        return false;
    };
    let lead = text[..text.len() - last.len()].trim_end();
    if !lead.is_empty() {
        back.push_str("<p>");
        html(lead, back);
        back.push_str("</p>");
    }
    back.push_str("<ul>");
    for item in items {
        back.push_str("<li>");
        html(item, back);
        back.push_str("</li>");
    }
    back.push_str("</ul>");
    true
}

/// The subject a heading or a statement opens with, without its Korean particle (`NAS` of
/// `NAS의 장점과 차별점`, `U-Net` of `U-Net의 skip connection은 …`).
pub(super) fn heading_subject(heading: &str) -> Option<String> {
    let word = heading.split_whitespace().next()?;
    let stem = ["의", "는", "은", "이", "가"]
        .iter()
        .find_map(|p| word.strip_suffix(p))
        .unwrap_or(word)
        .trim_end_matches(':');
    (stem.chars().count() >= 2).then(|| stem.to_string())
}

/// The subject a sentence opens on, marked as one by its particle (`U-Net의 skip connection은
/// …`, `BERT는 …`). Unlike a heading, a sentence's bare first word is no subject: in `MFCC
/// 과정에서 마지막 DCT만 생략한 것` (opening Log-Mel's section) MFCC qualifies the word after
/// it, and the sentence is about its own section's topic.
pub(super) fn sentence_subject(sentence: &str) -> Option<String> {
    let word = sentence.split_whitespace().next()?;
    let marked = ["의", "는", "은", "이", "가"]
        .iter()
        .any(|p| word.strip_suffix(p).is_some_and(|stem| !stem.is_empty()))
        || word.ends_with(':');
    if marked { heading_subject(word) } else { None }
}

/// Whether a paragraph names something beyond its essay's `subject`: a formula, or a word in
/// Latin letters (three or more) other than the subject's (`GDPR`, `FedProx`, `Latent
/// Diffusion`). Prose under `효율성과 규모` that only says NAS explores faster names nothing.
fn names_something(plain: &Plain, subject: &str) -> bool {
    !plain.math.is_empty()
        || plain
            .text
            .split(|c: char| !c.is_ascii_alphanumeric() && c != '-')
            .any(|w| {
                w.bytes().filter(u8::is_ascii_alphabetic).count() >= 3
                    && !w.eq_ignore_ascii_case(subject)
            })
}

/// Whether `title` names a set whose parts are worth recalling even when there are two of
/// them (`확산 모델의 한계`, `NAS의 3단계 과정`).
pub(super) fn names_parts(title: &str) -> bool {
    SET_WORDS.iter().any(|w| title.contains(w))
}

/// Whether `title` names the contents of an explanation (`CLT의 내용`, `Transformer 개요`)
/// rather than a set whose members are worth recalling.
fn names_contents(title: &str) -> bool {
    let lower = title.trim().to_lowercase();
    !lower.contains("핵심") && CONTENTS_WORDS.iter().any(|w| lower.ends_with(w))
}
