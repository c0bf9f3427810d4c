//! Tips (`📌 **암기 팁**`, `**Exam tip:**`, quotes): a cloze card per line, hiding its bold
//! parts or what follows its first `=`, `:` or `→`.

use super::advice::{self, nothing_to_hide};
use super::cards::prose_reason;
use super::tip_values::{
    effect_mark, figure_marks, labelled_pairs, list_marks, pair_marks, summary_marks,
};
use super::{Builder, CardDraft};
use crate::tree::{self, Block, Ev, Evs, Kind, Plain};
use crate::{CardKind, Deletion, SectionKind, Span};
use pulldown_cmark::{Event, Tag, TagEnd};

/// Why a tip reading its numbers aloud is no card.
const READ_ALOUD_REASON: &str = "tip reading the numbers it shows aloud as a mnemonic (`Replay 200, \
     A-GEM 64 → \"이백, 육사\"`): hidden, the readings were given away by the numbers";

/// Syllables of Korean numbers read aloud (`이백`, `육사`, `영점오`).
const NUMBER_SYLLABLES: &str = "영공일이삼사오육칠팔구십백천만점";

/// Whether a tip's words after its arrow are only its numbers read aloud, in quotes
/// (`Replay 200, A-GEM 64, GEM 0.5 → "이백, 육사, 영점오"`): a sound to remember the
/// figures by, which each default's own card asks.
fn reads_numbers_aloud(text: &str) -> bool {
    let Some((shown, said)) = text.rsplit_once('→') else {
        return false;
    };
    let said = said.trim().trim_matches(['"', '“', '”']);
    let words: Vec<&str> = said
        .split([',', '/', ' '])
        .filter(|w| !w.is_empty())
        .collect();
    words.len() >= 2
        && shown.chars().any(|c| c.is_ascii_digit())
        && words
            .iter()
            .all(|w| w.chars().all(|c| NUMBER_SYLLABLES.contains(c)))
}

impl<'t, 'a> Builder<'t, 'a> {
    /// 📌 tips, `**Exam tip:**` paragraphs and quotes: a cloze card per item.
    pub(super) fn tip_content(&mut self, sec: Option<usize>, title: &str, b: &'t Block) {
        match b.kind {
            Kind::List => {
                for item in b.children.iter().filter(|c| c.kind == Kind::Item) {
                    let (lead_range, rest) = self.tree.item_lead(item);
                    let evs = self.tree.events.get(lead_range).unwrap_or_default();
                    let plain = Plain::of(self.text, evs);
                    let kept = advice::without_trailing_advice(self.text, evs, &plain)
                        .filter(|_| rest.is_empty());
                    let (evs, plain) = advice::trimmed(&kept, self.text, evs, plain);
                    if rest.is_empty() && super::statements::is_study_advice(&plain.text) {
                        self.skip(item.span.clone(), super::statements::STUDY_ADVICE_REASON);
                    } else if let Some(c) = cloze(evs, &plain, &self.copies) {
                        self.push_cloze(sec, title, c, item.span.clone());
                    } else if !rest.is_empty() {
                        // `- Surrogate 모델` + nested list after a tip: a labelled item, and
                        // a subject of its own rather than a facet of the topic above the tip.
                        let before = self.raw_cards.len();
                        self.labelled_cards(sec, std::slice::from_ref(item));
                        self.own_subject(sec, before);
                    } else {
                        self.skip(item.span.clone(), nothing_to_hide(kept.is_some()));
                    }
                }
            }
            Kind::BlockQuote => {
                // `> 📌 **암기 팁**` opening the quote is its title, not a line to hide.
                let mut quote_title: Option<String> = None;
                for p in &b.children {
                    let title = quote_title.as_deref().unwrap_or(title);
                    match p.kind {
                        Kind::Paragraph => {
                            let evs = self.tree.inner(p);
                            // A title is all bold (`📌 **암기 팁**`) or ends on a colon; a line
                            // of its own (`> 📌 LSTM은 **1997년**에 제안`) is neither.
                            let plain = Plain::of(self.text, evs);
                            let text = plain.text.trim();
                            let all_bold = plain.strong.iter().any(|r| {
                                plain.text[r.end..].trim().is_empty()
                                    && plain.text[..r.start]
                                        .trim()
                                        .trim_start_matches('📌')
                                        .trim()
                                        .is_empty()
                            });
                            if let Some(t) =
                                tip_title(&plain).filter(|_| all_bold || text.ends_with(':'))
                            {
                                quote_title = Some(t);
                                continue;
                            }
                            self.tip_item(sec, title, evs, p.span.clone());
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
    pub(super) fn tip_item(
        &mut self,
        sec: Option<usize>,
        title: &str,
        evs: Evs<'_>,
        span: Span,
    ) -> bool {
        let plain = Plain::of(self.text, evs);
        if plain.text.trim().is_empty() {
            return false;
        }
        let kept = advice::without_trailing_advice(self.text, evs, &plain);
        let (evs, plain) = advice::trimmed(&kept, self.text, evs, plain);
        // Under a keywords title every line is keywords, whatever it looks like (`*MAE =
        // median, RMSE = mean, …*` after `**Exam keywords**:`): no cloze either.
        if is_keywords(title) {
            self.skip(span, KEYWORDS_REASON);
            return false;
        }
        // `… deterministic → 헷갈리기 쉬움`: what follows the arrow says how to study it, and
        // hidden it asked nothing.
        if super::statements::is_study_advice(&plain.text) {
            self.skip(span, super::statements::STUDY_ADVICE_REASON);
            return true;
        }
        if reads_numbers_aloud(&plain.text) {
            self.skip(span, READ_ALOUD_REASON);
            return true;
        }
        if let Some(c) = cloze(evs, &plain, &self.copies) {
            self.push_cloze(sec, title, c, span);
            return true;
        }
        if !title.is_empty() && prose_reason(plain.text.trim()).is_none() {
            let mut back = String::new();
            tree::render(evs, &mut back, &self.copies);
            let front = self.front(sec, &[title]);
            self.push_card(CardDraft {
                kind: CardKind::Basic,
                sec,
                key: title.to_string(),
                front,
                back,
                cloze: Vec::new(),
                span: span.clone(),
                pin_at: Some(span.start),
                pin_line: None,
            });
            return true;
        }
        self.skip(span, nothing_to_hide(kept.is_some()));
        // Advice left out, the line is that advice's, and skipped as such.
        kept.is_some()
    }

    /// The cards from `before` on ask about a subject of their own (a `- Name` + nested list
    /// after a tip): the front is the name, shown under the problem. The path, and so the
    /// id, stays where the item sits.
    fn own_subject(&mut self, sec: Option<usize>, before: usize) {
        let Some(problem) = self.problem_of(sec) else {
            return;
        };
        let shown = self.path(Some(problem));
        // The front as written after the section's breadcrumb (a pasted formula stays math),
        // not the key, which holds its TeX only.
        let crumb = format!("{} › ", self.ctx(sec).map_or("", |c| c.crumb_html.as_str()));
        for raw in &mut self.raw_cards[before..] {
            if raw.card.kind != CardKind::Basic {
                continue;
            }
            raw.card.front = match raw.card.front.strip_prefix(&crumb) {
                Some(label) => label.to_string(),
                None => {
                    let mut front = String::new();
                    crate::math::text_to_html(&raw.card.key, &mut front);
                    front
                }
            };
            raw.card.context = Some(shown.clone());
        }
    }

    fn push_cloze(&mut self, sec: Option<usize>, title: &str, mut cloze: Cloze, span: Span) {
        // `📌 **BOHB** (…) = …`: the pin marks the line in the note; on the card it is noise.
        if let Some(rest) = cloze.front.strip_prefix('📌') {
            let cut = cloze.front.len() - rest.trim_start().len();
            if cloze.deletions.iter().all(|d| d.range.start >= cut) {
                cloze.front.drain(..cut);
                for d in &mut cloze.deletions {
                    d.range = d.range.start - cut..d.range.end - cut;
                }
                cloze.key = cloze.key.trim_start_matches('📌').trim_start().to_string();
            }
        }
        if is_keywords(cloze.key.split(['=', '→', ':']).next().unwrap_or("")) {
            self.skip(span, KEYWORDS_REASON);
            return;
        }
        if cloze.deletions.iter().all(|d| {
            cloze
                .front
                .get(d.range.clone())
                .is_some_and(orders_named_counts)
        }) {
            self.skip(
                span,
                "tip whose answer orders the counts its names already say (`Zero < One < \
                 Few`): the names give it away",
            );
            return;
        }
        let context = self.tip_context(sec, title, &cloze.key);
        let before = self.raw_cards.len();
        self.push_card(CardDraft {
            kind: CardKind::Cloze,
            sec,
            key: cloze.key,
            front: cloze.front,
            back: String::new(),
            cloze: cloze.deletions,
            span: span.clone(),
            pin_at: Some(span.start),
            pin_line: None,
        });
        if let Some(raw) = self.raw_cards.get_mut(before) {
            raw.card.context = context;
            raw.tip = true;
        }
    }

    /// What a tip line is shown under. A line whose subject names a topic (`LSTM = …`,
    /// `GRU = …`) is shown under that topic; any other line of tips that close a problem
    /// (after its last topic, where the heading above them is not what they are about) under
    /// the problem. Tips titled as the note's wrap-up (`📌 **최종 암기 팁**` after the
    /// interview questions) are about the whole note: shown under their title alone, not under
    /// the section they follow. Only the shown context moves; the id still comes from where
    /// the line sits.
    fn tip_context(
        &mut self,
        sec: Option<usize>,
        title: &str,
        key: &str,
    ) -> Option<std::sync::Arc<[String]>> {
        let subject = key
            .split(['=', '→', ':'])
            .next()
            .unwrap_or("")
            .trim()
            .trim_matches(['“', '”', '"', '\'', '…', ' ']);
        let topic = if subject.is_empty() {
            None
        } else {
            // `Adam 기본값 → …`: a subject that names no topic may open with one.
            self.topic_named(subject, sec).or_else(|| {
                let (first, rest) = subject.split_once(' ')?;
                (first.chars().count() >= 2 && !rest.trim().is_empty())
                    .then(|| self.topic_named(first, sec))
                    .flatten()
            })
        };
        let titled = title.trim_start_matches('📌').trim();
        // Tips set in a section of the note's questions under a title of their own (`## 13.
        // 면접 Q&A`, its answers, `---`, `📌 **암기 팁**`) wrap the note up too: no question
        // asked them.
        let wraps_up = || {
            ["최종", "총정리", "전체 요약", "마무리"]
                .iter()
                .any(|w| title.contains(w))
                || !titled.is_empty()
                    && sec.is_some_and(|s| super::questions::is_question_set(&self.info[s].short))
        };
        if topic.is_none() && wraps_up() {
            return Some(std::sync::Arc::from(vec![titled.to_string()]));
        }
        let shown = match topic {
            Some(t) => t,
            None if self.closes_problem(sec) => self.problem_of(sec)?,
            // Tips after a topic's last facet (`### 3. QAT`, then `**Exam tip:**` with the
            // topic's keywords) sum up the topic, not that facet.
            None => self.topic_of(sec)?,
        };
        (Some(shown) != sec).then(|| self.path(Some(shown)))
    }

    /// Whether `sec` is in the last of several topics of its problem, where a problem's
    /// closing tips sit (a tip inside an earlier topic is about that topic).
    fn closes_problem(&self, sec: Option<usize>) -> bool {
        let sections = &self.doc.sections;
        let Some(topic) = self.topic_of(sec) else {
            return false;
        };
        // Sections are in document order and a problem's run ends at the next problem.
        fn topic_before_problem<'s>(mut run: impl Iterator<Item = &'s crate::Section>) -> bool {
            run.find(|s| matches!(s.kind, SectionKind::Topic | SectionKind::Problem))
                .is_some_and(|s| s.kind == SectionKind::Topic)
        }
        !topic_before_problem(sections[topic + 1..].iter())
            && topic_before_problem(sections[..topic].iter().rev())
    }
}

/// Why a list of keywords (`Keywords = *Manual, Script-driven, No CI/CD, …*`, `**Exam
/// keywords**: …`) is no card: "Keywords?" asks nothing a student can answer, and each
/// keyword is the topic's own card.
pub(super) const KEYWORDS_REASON: &str = "lists the topic's keywords, which its own cards ask";

/// Whether a tip's hidden text only orders names that say a count (`Zero < One < Few`,
/// `Single → Multi`): any student reading the names knows the order.
fn orders_named_counts(hidden: &str) -> bool {
    const COUNT_NAMES: [&str; 10] = [
        "zero", "one", "single", "two", "dual", "three", "few", "many", "multi", "multiple",
    ];
    // The front is HTML: its `<` is `&lt;`.
    let hidden = hidden.replace("&lt;", "<").replace("&gt;", ">");
    let parts: Vec<String> = hidden
        .split(['<', '>', '≤', '≥', '→', ',', '/'])
        .map(|p| p.trim().to_lowercase())
        .collect();
    parts.len() >= 2
        && parts.iter().all(|p| {
            let name = p
                .strip_suffix("-shot")
                .or_else(|| p.strip_suffix(" shot"))
                .unwrap_or(p);
            COUNT_NAMES.contains(&name)
        })
}

/// Whether a tip's title or a tip line's subject names a list of keywords.
pub(super) fn is_keywords(subject: &str) -> bool {
    // Asked of every paragraph with a `:` or `=`: no lowercase copy.
    let s = subject.trim().trim_end_matches(':').trim();
    [
        "keywords",
        "keyword",
        "key words",
        "exam keywords",
        "키워드",
        "핵심 키워드",
        "암기 키워드",
    ]
    .iter()
    .any(|k| s.eq_ignore_ascii_case(k))
}

/// Whether a paragraph is a line of keywords (`**Exam keywords**: *Implicit data, …*`,
/// `Keywords = *Manual, …*`): its label before `:` or `=` says so.
pub(super) fn is_keywords_line(text: &str) -> bool {
    text.split_once([':', '='])
        .is_some_and(|(label, rest)| !rest.trim().is_empty() && is_keywords(label))
}

/// `📌 **암기 팁**` or `**Exam tip:**` / `**Exam keywords**:` → the tip's title.
pub(super) fn tip_title(plain: &Plain) -> Option<String> {
    let t = plain.text.trim();
    if let Some(rest) = t.strip_prefix('📌')
        && !is_tip_line(plain)
    {
        let title = rest.trim().trim_end_matches(':').trim();
        return Some(if title.is_empty() {
            "팁".into()
        } else {
            title.to_string()
        });
    }
    let bold_start = plain
        .strong
        .first()
        .is_some_and(|s| plain.text[..s.start].trim().is_empty());
    // Lowercased last: every paragraph of a note comes through here, few end in `:`.
    if bold_start && t.ends_with(':') && {
        let lower = t.to_lowercase();
        lower.starts_with("exam tip") || lower.starts_with("exam keyword")
    } {
        return Some(
            t.trim_end_matches(':')
                .trim_end_matches('*')
                .trim()
                .to_string(),
        );
    }
    None
}

/// Whether a paragraph opening with `📌` is a tip of its own rather than a title over the
/// tips below it: text follows outside bold, and it does not end on a colon (`📌 **BOHB**
/// (Falkner et al., 2018) = Hyperband의 random sampling을 …`; not `📌 **암기 팁**`).
pub(super) fn is_tip_line(plain: &Plain) -> bool {
    let t = plain.text.trim_end();
    let Some(rest) = t.trim_start().strip_prefix('📌') else {
        return false;
    };
    let start = t.len() - rest.len();
    let bold: usize = plain
        .strong
        .iter()
        .filter(|s| s.start >= start)
        .filter_map(|s| plain.text.get(s.clone()))
        .map(|b| b.trim().len())
        .sum();
    // `📌 **암기 팁**: PBT = …`: a title with its one tip after the colon, as before.
    let titled = plain.strong.first().is_some_and(|s| {
        plain
            .text
            .get(start..s.start)
            .is_some_and(|gap| gap.trim().is_empty())
            && plain
                .text
                .get(s.end..)
                .is_some_and(|after| after.trim_start().starts_with(':'))
    });
    let words = rest.trim().len();
    !titled && !t.ends_with(':') && words > bold + 3 && rest.split_whitespace().count() >= 4
}

/// A tip line as a cloze card.
struct Cloze {
    /// The whole line as HTML.
    front: String,
    /// The parts of `front` to hide.
    deletions: Vec<Deletion>,
    /// The line with its hidden parts as `…`: the question, not the answer, names the card.
    key: String,
}

/// Build a cloze front for a tip line: hide the bold parts other than a leading subject;
/// failing that, everything after the first `=`, `:` or `→`.
fn cloze(evs: Evs, plain: &Plain, copies: &[Span]) -> Option<Cloze> {
    let t = &plain.text;
    let lead_ws = t.len() - t.trim_start().len();
    // A tip's title after its pin (`📌 **팁**: …`) leads the line as a subject would: it is
    // no fact to hide, and its colon is no separator.
    let titled = plain.strong.first().filter(|s| {
        let before = t[..s.start].trim();
        before.starts_with('📌')
            && before.trim_start_matches('📌').trim().is_empty()
            && t[s.end..].starts_with(':')
    });
    let leading = plain
        .strong
        .first()
        .filter(|s| s.start <= lead_ws)
        .or(titled)
        .cloned();
    let hidden: Vec<usize> = plain
        .strong
        .iter()
        .enumerate()
        .filter(|(_, s)| Some(*s) != leading.as_ref() && !t[(*s).clone()].trim().is_empty())
        // `**O**ptimizer, **G**radient, **P**arameter`: bold initials spell a mnemonic;
        // hidden, they left the words on the front. The values are what the line asks.
        .filter(|(_, s)| !t[s.end..].starts_with(|c: char| c.is_ascii_alphabetic()))
        .map(|(i, _)| i)
        .collect();
    // Declared before `out`, which may hold its events.
    let bare: Vec<Ev>;
    let mut out: Vec<Ev> = Vec::with_capacity(evs.len() + 4);
    let key: String;
    if !hidden.is_empty() {
        let mut strong_i = 0usize;
        let mut depth = 0usize;
        let mut n = 0u32;
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
        let from = leading.as_ref().map_or(0, |s| {
            if titled.is_some() {
                s.end + ':'.len_utf8()
            } else {
                s.end
            }
        });
        // A separator inside quotes (`"MPNN ≤ 1-WL", "GIN = 1-WL" → …`) is part of what the
        // tip quotes when one outside them follows; hidden from there, the deletion opened
        // inside one quote and ran on. A tip quoted whole (`“DARTS = …”`) has only its own.
        const SEPARATORS: [&str; 5] = [" = ", ": ", " → ", "= ", " ="];
        let first = |outside: bool| {
            SEPARATORS
                .iter()
                .filter_map(|sep| {
                    t[from..]
                        .match_indices(sep)
                        .map(|(i, _)| from + i)
                        .find(|&i| !outside || !inside_quotes(&t[from..i]))
                        .map(|i| (i, sep.len()))
                })
                .min_by_key(|&(i, _)| i)
        };
        let (sep_at, sep_len) = first(true).or_else(|| first(false))?;
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
        // `빠른 수렴 → Adam, 일반화 → SGD`: each cue's value is hidden on its own, so the
        // cues stay shown. When a mark cannot be placed, one deletion.
        let sep = &t[sep_at..sep_at + sep_len];
        let mut pairs = summary_marks(t, from, &plain.breaks);
        if pairs.is_empty() {
            pairs = pair_marks(t, cut, sep, &plain.breaks);
        }
        if pairs.is_empty() && sep == ": " {
            pairs = labelled_pairs(t, cut, &plain.breaks);
        }
        if pairs.is_empty() {
            pairs = list_marks(t, cut);
        }
        if pairs.is_empty() {
            pairs = figure_marks(t, cut);
        }
        if pairs.is_empty() {
            pairs = effect_mark(t, cut);
        }
        let paired = if pairs.is_empty() {
            None
        } else {
            match walk_marks(evs, &pairs) {
                Some(walked) => Some(walked),
                None => {
                    // Marks inside the italics a value is often set in (`*Manual, No CI/CD,
                    // …*`) are placed with the italics left out: a deletion cannot open
                    // inside them and close outside.
                    bare = evs
                        .iter()
                        .filter(|e| {
                            !matches!(
                                e.ev,
                                Event::Start(Tag::Emphasis) | Event::End(TagEnd::Emphasis)
                            )
                        })
                        .collect();
                    walk_marks(Evs::from(&bare), &pairs)
                }
            }
        };
        let (walked, done) = match paired {
            Some(w) => w,
            // `… 짝 (Dirichlet = Beta 의 다차원 버전)`: a value inside parentheses ends
            // where they close, not with the line.
            None => match super::tip_values::closing_paren(t, sep_at) {
                Some(close) if close > cut => walk_marks(evs, &[(cut, Some(1)), (close, None)])?,
                _ => walk_marks(evs, &[(cut, Some(1))])?,
            },
        };
        out = walked;
        if !done {
            return None;
        }
        // `“DARTS = …”`: the closing quote stays outside the deletion, like the opening one,
        // and so does what follows it (`"layer당 12d² = {{c1::attention 4d² + FFN 8d²}}",
        // head 수는 파라미터와 무관`: a second fact, which the deletion ran on into).
        let quoted = ["“", "\""].iter().any(|q| t[..cut].contains(q));
        let mut tail: Vec<Ev> = Vec::new();
        if quoted {
            let last_open = out.iter().rposition(|e| tree::is_cloze_open(&e.ev));
            let closing = last_open.and_then(|from| {
                (from + 1..out.len()).find_map(|i| match &out[i].ev {
                    Event::Text(txt) => txt.find(['”', '"']).map(|at| (from, i, at)),
                    _ => None,
                })
            });
            if let Some((from, i, at)) = closing
                && let Event::Text(txt) = &out[i].ev
                && (i > from + 1 || !txt[..at].trim().is_empty())
                // Only the quote closing the line, where the quotes before the cut are
                // closed (`"MPNN ≤ 1-WL", "GIN = 1-WL" → …`).
                && (inside_quotes(&t[..cut])
                    || i + 1 == out.len() && txt[at..].trim_end().chars().count() == 1)
            {
                let body = txt[..at].to_string();
                let quote = txt[at..].to_string();
                let last = &out[i];
                let split = if last.span.len() == txt.len() {
                    last.span.start + at
                } else {
                    last.span.end
                };
                let end = last.span.end;
                let start = last.span.start;
                tail.push(Ev {
                    ev: Event::Text(quote.into()),
                    span: split..end,
                });
                tail.extend(out.drain(i + 1..));
                out[i] = Ev {
                    ev: Event::Text(body.into()),
                    span: start..split,
                };
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
    let mut deletions = tree::render_cloze(&out, &mut front, copies);
    // Trim the outer whitespace, but never into a hidden part: what a deletion holds is
    // hidden as rendered.
    let keep_from = deletions.first().map_or(usize::MAX, |d| d.range.start);
    let keep_to = deletions.last().map_or(0, |d| d.range.end);
    let start = (front.len() - front.trim_start().len()).min(keep_from);
    let end = front.trim_end().len().max(keep_to).max(start);
    let front = front.get(start..end).unwrap_or_default().to_string();
    for d in &mut deletions {
        d.range = d.range.start - start..d.range.end - start;
    }
    Some(Cloze {
        front,
        deletions,
        key: key.trim().to_string(),
    })
}

/// `evs` with cloze marks put at plain-text offsets (`marks`, in order), each of which must
/// fall in a top-level text event; the last deletion is left open. `None` when a mark cannot
/// be placed. Offsets count text the way `Plain::of` does: image alt text is not part of it.
fn walk_marks<'a>(evs: Evs<'a>, marks: &[(usize, Option<u32>)]) -> Option<(Vec<Ev<'a>>, bool)> {
    let mut out: Vec<Ev> = Vec::with_capacity(evs.len() + 2 * marks.len());
    let mut next = 0usize;
    let mut pos = 0usize;
    let mut depth = 0usize;
    let mut in_image = false;
    let copy = |out: &mut Vec<Ev<'a>>, e: &Ev<'a>| {
        out.push(Ev {
            ev: e.ev.clone(),
            span: e.span.clone(),
        })
    };
    for e in evs.iter() {
        let e = &e;
        match &e.ev {
            Event::Start(Tag::Image { .. }) => {
                in_image = true;
                copy(&mut out, e);
            }
            Event::End(TagEnd::Image) => {
                in_image = false;
                copy(&mut out, e);
            }
            _ if in_image => copy(&mut out, e),
            Event::Text(s) | Event::Code(s) | Event::InlineMath(s) | Event::DisplayMath(s) => {
                let len = s.len();
                let exact = e.span.len() == len;
                let mut local = 0usize;
                let mut placed = false;
                while let Some(&(at, open)) = marks.get(next) {
                    if !(pos <= at && at <= pos + len && (at < pos + len || depth == 0)) {
                        break;
                    }
                    if depth != 0 || !matches!(e.ev, Event::Text(_)) {
                        return None;
                    }
                    let rel = at - pos;
                    let piece = s.get(local..rel)?;
                    let (a, b) = if exact {
                        (e.span.start + local, e.span.start + rel)
                    } else {
                        (e.span.start, e.span.start)
                    };
                    if !piece.is_empty() || !placed {
                        out.push(Ev {
                            ev: Event::Text(piece.to_string().into()),
                            span: a..b,
                        });
                    }
                    out.push(Ev {
                        ev: open.map_or_else(tree::cloze_close, tree::cloze_open),
                        span: b..b,
                    });
                    local = rel;
                    placed = true;
                    next += 1;
                }
                if !placed {
                    copy(&mut out, e);
                } else {
                    let start = if exact {
                        e.span.start + local
                    } else {
                        e.span.start
                    };
                    out.push(Ev {
                        ev: Event::Text(s.get(local..)?.to_string().into()),
                        span: start..e.span.end,
                    });
                }
                pos += len;
            }
            Event::SoftBreak | Event::HardBreak => {
                pos += 1;
                copy(&mut out, e);
            }
            Event::Start(Tag::Strong | Tag::Emphasis | Tag::Link { .. } | Tag::Strikethrough) => {
                depth += 1;
                copy(&mut out, e);
            }
            Event::End(
                TagEnd::Strong | TagEnd::Emphasis | TagEnd::Link | TagEnd::Strikethrough,
            ) => {
                depth = depth.saturating_sub(1);
                copy(&mut out, e);
            }
            _ => copy(&mut out, e),
        }
    }
    let done = next == marks.len();
    Some((out, done))
}

/// Whether the end of `before` is inside a quotation it opens: an odd number of `"`, or more
/// `“` than `”`.
fn inside_quotes(before: &str) -> bool {
    let straight = before.matches('"').count();
    let open = before.matches('“').count();
    let close = before.matches('”').count();
    straight % 2 == 1 || open > close
}
