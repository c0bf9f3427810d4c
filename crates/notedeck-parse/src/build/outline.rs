//! The outline: which headings (and bold-only paragraphs) are the title, problems, topics
//! and facets, and which top-level blocks each section owns. The rules are described in the
//! [`super`] module docs.

use super::{Builder, Info, LABEL_MAX_CHARS};
use crate::tree::{Kind, Plain};
use crate::{Problem, Section, SectionKind, Span, terms};
use foldhash::{HashMap, HashMapExt};

impl<'t, 'a> Builder<'t, 'a> {
    pub(super) fn outline(&mut self, plains: &[Option<Box<Plain>>]) {
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
                // Inside a problem a `#` heading is Notion's essay style (`# 1. NAS: …`), which
                // the outline reads as topics and facets: only one before any problem competes
                // with the title.
                if level == 1 && title.is_some() && problem.is_none() && !warned_h1 {
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
                        // But `# 1)` after `# 2. 연합 학습의 작동 원리` is a step of it: the
                        // numbering style says so even where the topic names nothing.
                        let step = paren && !self.info[t].paren_numbered;
                        let after_generic = level == tl
                            && !self.info[t].short.bytes().any(|b| b.is_ascii_alphabetic());
                        // `## **2. 순위 반영 지표**` after `## **1. Top-K 정확도 지표**`: the
                        // next number of a topic's own numbering is the next topic, unless it
                        // names a facet (`## 1. 개념` after `## 0. CAM`). Not in a Notion
                        // essay's `#` sections, which are parts of one explanation.
                        let next_number = level == tl
                            && level >= 2
                            && self
                                .heading_number(t)
                                .is_some_and(|n| n >= 1 && dot_number(&plain.text) == Some(n + 1))
                            && !super::subtopics::is_facet_name(&short_title(&raw));
                        let topicish = !step
                            && (after_generic
                                || next_number
                                || looks_like_topic(&raw)
                                || level == tl && names_subject(&raw, &self.info[t].short)
                                || level == tl && tells_a_case(&raw)
                                || super::questions::is_question_set(&raw));
                        if tl == 0 || level == tl {
                            if topicish {
                                SectionKind::Topic
                            } else {
                                SectionKind::Facet
                            }
                        } else if level > tl {
                            // Notion writes an essay's sections as `#` headings; a `##` that
                            // names a subject after such an essay starts a topic of its own
                            // (`## Vision Transformer Training – Key Points`), it is not a
                            // part of the essay's last section.
                            let after_part = facets.last().is_some_and(|&f| {
                                self.info[f].paren_numbered && self.doc.sections[f].level == tl
                            });
                            // `## **1. Wide & Deep**` under `# 1. Two-Tower 모델: 후보 고르기`:
                            // numbered anew, a name after an essay topic that names no set of
                            // parts is the next subject, not a part of that topic.
                            let renumbered = plain.text.trim_start().starts_with("1. ")
                                && self.is_numbered_heading(t)
                                && !self.info[t].paren_numbered
                                && !super::essay::names_parts(&self.doc.sections[t].title);
                            if tl == 1
                                && !paren
                                && (after_part || renumbered)
                                && looks_like_topic(&raw)
                            {
                                SectionKind::Topic
                            } else {
                                SectionKind::Facet
                            }
                        } else {
                            SectionKind::Topic
                        }
                    }
                };
                let short = short_title(&raw);
                // `## 면접 Q&A` or `## 실무 사례` after the last problem's topics is about the whole
                // note: under that problem, its interview answers were filed as the problem's.
                if role == SectionKind::Topic
                    && problem.is_some()
                    && level < self.problem_level(problem)
                    && (super::questions::is_question_set(&raw) || tells_a_case(&raw))
                {
                    problem = None;
                }
                let parent = if role == SectionKind::Topic {
                    problem.or(title)
                } else {
                    while let Some(&f) = facets.last() {
                        let fl = self.doc.sections[f].level;
                        // A `1)` part nests under the `1.` section of the same level before it.
                        let nests = fl == level && paren && !self.info[f].paren_numbered;
                        if fl >= level && !nests {
                            facets.pop();
                        } else {
                            break;
                        }
                    }
                    facets.last().copied().or(topic)
                };
                let kind = if role == SectionKind::Topic {
                    SectionKind::Topic
                } else {
                    SectionKind::Facet
                };
                let s = self.add_section(kind, raw, short, level, parent, &heading_span, paren);
                if kind == SectionKind::Topic {
                    topic = Some(s);
                    facets.clear();
                } else {
                    facets.push(s);
                }
                owner = Some(s);
                self.header_blocks.insert(i);
                continue;
            }
            // A paragraph acting as a topic heading? (Asked only of a bold paragraph.)
            let next_is_heading = || {
                blocks
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
                    })
            };
            let text = plain.text.trim();
            let bold_topic = plain.is_all_bold()
                && !text.ends_with(':')
                && !super::true_false::gives_the_answer(text)
                && !super::solved::titles_working(text)
                && !text.starts_with('📌')
                && text.chars().count() <= LABEL_MAX_CHARS
                && (next_is_heading() || (topic.is_none() && problem.is_some()))
                // `**실무 사례: 이커머스 고객 세분화**` over its story: no part of the topic above.
                || plain.is_all_bold() && !text.ends_with(':') && tells_a_case(text);
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

    /// The heading level of `problem`'s section (0 for none).
    fn problem_level(&self, problem: Option<usize>) -> u8 {
        problem.map_or(0, |p| self.doc.sections[p].level)
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn add_section(
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

    pub(super) fn push_run(&mut self, owner: Option<usize>, block: usize) {
        match self.runs.last_mut() {
            Some((o, blocks)) if *o == owner => blocks.push(block),
            _ => self.runs.push((owner, vec![block])),
        }
    }

    /// Each section extends to the next section of the same or a higher rank.
    pub(super) fn section_spans(&mut self) {
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
    pub(super) fn section_at(&self, offset: usize) -> Option<usize> {
        self.doc.section_at(offset)
    }
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

/// The number a heading's text opens with as `N.` (`2. 순위 반영 지표` → 2).
fn dot_number(text: &str) -> Option<u32> {
    let t = text.trim_start();
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=3).contains(&digits) || !t[digits..].starts_with(". ") {
        return None;
    }
    t[..digits].parse().ok()
}

impl Builder<'_, '_> {
    /// The `N.` number section `sec`'s heading opens with, if any.
    fn heading_number(&self, sec: usize) -> Option<u32> {
        let line = self.text.get(self.doc.sections[sec].heading_span.clone())?;
        dot_number(
            line.trim_start_matches('#')
                .trim_start_matches([' ', '\t', '*', '_']),
        )
    }
}

fn starts_paren_numbered(text: &str) -> bool {
    let t = text.trim_start();
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && t[digits..].starts_with(')')
}

/// Title without a trailing parenthesis: `BERT (Bidirectional …)` → `BERT`.
pub(super) fn short_title(title: &str) -> String {
    let t = title.trim().trim_end_matches(':').trim();
    // `계산 복잡도 O(n²)`: a letter alone before the parenthesis writes a function of it,
    // no aside.
    let notation = |head: &str| {
        let mut rev = head.chars().rev();
        rev.next().is_some_and(|c| c.is_ascii_alphabetic())
            && rev.next().is_none_or(|c| !c.is_alphanumeric())
    };
    if t.ends_with(')')
        && let Some(open) = t.rfind('(')
        && !notation(&t[..open])
    {
        let head = t[..open].trim();
        if !head.is_empty() {
            return head.to_string();
        }
    }
    t.to_string()
}

/// A heading's name without its subtitle (`NAS` of `NAS: AI가 AI를 설계하다`, `지식
/// 증류(Knowledge Distillation)` of `…: 큰 모델의 지식을 작은 모델로 옮기다`).
pub(super) fn title_name(title: &str) -> &str {
    title.split(':').next().unwrap_or("").trim()
}

/// The subject an essay section's title names: `확산 모델(Diffusion Model): 노이즈를…` →
/// `확산 모델`, the words its prose opens with.
pub(super) fn essay_subject(title: &str) -> &str {
    let head = title_name(title);
    match head.find('(') {
        Some(open) if open > 0 => head[..open].trim_end(),
        _ => head,
    }
}

/// A same-level heading that opens with the topic's own subject (`확산 모델의 두 과정` after
/// `확산 모델(Diffusion Model): 노이즈를 지우며…`) speaks of the subject as a whole: a
/// sibling topic of the essay, not an aspect of the first section.
fn names_subject(title: &str, topic: &str) -> bool {
    // Only an essay's opening `subject: subtitle` names a subject this way; under `GPT`, a
    // heading `GPT의 한계` is still an aspect of GPT.
    if !topic.contains(':') {
        return false;
    }
    let head = essay_subject(topic);
    if head.chars().count() < 2 {
        return false;
    }
    let t = short_title(title);
    t.strip_prefix(head).is_some_and(|rest| {
        !rest.is_empty() && !rest.starts_with(|c: char| c.is_alphanumeric() && c.is_ascii())
    })
}

/// A same-level heading that names a new subject rather than an aspect of the topic.
/// A Korean name glossed in English (`피드백 루프와 인기 편향 (Feedback Loop & Popularity
/// Bias)`) names a subject too, unless it is a facet's name (`구성 요소 (Components)`).
/// Whether a heading titles a case from practice (`## 실무 사례`, `실전 사례: …`, `Case
/// study`): a story of its own after the topics, not a facet of the topic before it (`## 실무
/// 사례` after `## **11. sklearn 기본값 정리**` filed the story's lesson under the defaults).
/// Not `활용 사례`, a topic's uses.
fn tells_a_case(title: &str) -> bool {
    let t = short_title(title);
    let t = t.trim();
    ["실무 사례", "실전 사례", "사례 연구", "case study"]
        .iter()
        .any(|w| {
            t.get(..w.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(w))
        })
}

fn looks_like_topic(title: &str) -> bool {
    let t = short_title(title);
    let glossed = || {
        let whole = title.trim().trim_end_matches(':').trim_end();
        let gloss = whole.get(t.len()..).unwrap_or_default().trim();
        gloss.starts_with('(')
            && gloss.bytes().filter(u8::is_ascii_alphabetic).count() >= 3
            && !super::subtopics::is_facet_name(&t)
    };
    t.bytes().any(|b| b.is_ascii_alphabetic()) || is_comparison(&t) || glossed()
}

/// `중앙 집중 학습 vs 연합 학습`, `PTQ VS QAT`: a title setting two names against each other;
/// also one joining two Latin names by `와`/`과` (`All-Reduce와 Ring All-Reduce`), which is
/// about both and the topic of neither.
pub(super) fn compares_by_name(title: &str) -> bool {
    let mut words = title.split_whitespace().peekable();
    while let Some(w) = words.next() {
        if w.eq_ignore_ascii_case("vs") || w.eq_ignore_ascii_case("vs.") {
            return true;
        }
        let joined = w
            .strip_suffix('와')
            .or_else(|| w.strip_suffix('과'))
            .is_some_and(|name| name.ends_with(|c: char| c.is_ascii_alphanumeric()));
        if joined
            && words
                .peek()
                .is_some_and(|next| next.starts_with(|c: char| c.is_ascii_alphabetic()))
        {
            return true;
        }
    }
    false
}

/// Words of a title saying the section gives an overview of the topics around it
/// (`불확실성 방법 한눈에 보기`, `… (overview)`), lowercase.
pub(super) const OVERVIEW_WORDS: [&str; 3] = ["한눈에", "overview", "at a glance"];

/// `비교 요약 표`, `요약 비교표`, `개념 비교`: a section comparing the topics around it.
pub(super) fn is_comparison(title: &str) -> bool {
    title.contains("비교") || title.contains("요약")
}
