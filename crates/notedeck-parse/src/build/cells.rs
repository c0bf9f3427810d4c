//! A table cell that says again a bullet of its subject's own card. Notes list a topic's
//! traits as bullets (`Score-CAM › 특징`: `계산량 많음 (채널 수만큼 forward 필요)`, `노이즈
//! 적고 안정적`) and then compare the topics in a table (`Score-CAM › 계산량` → `많음`); the
//! cell asks one of those bullets again. The bullet's card is kept, and the cell is listed as
//! skipped, naming it.

use super::answers::{is_degree, is_mark};
use super::cell_words::{
    ARROW_WORDS, contains_number, cut_short, is_generic, latin_words, math_said, names_something,
    numbers_in, plain_word, same_stem, says_enough, word_stem,
};
use super::facts::{answer_words, html_key, name_key, plain, without_asides};
use super::{Finish, RawCard};
use crate::CardKind;
use foldhash::{HashMap, HashMapExt, HashSet};

impl Finish {
    /// Drop the table cells `gone` names with the cards whose bullets say them again (as
    /// [`cells_in_bullets`] finds them).
    pub(super) fn drop_cells_in_bullets(
        &mut self,
        raw: &mut Vec<RawCard>,
        gone: &[(usize, usize)],
    ) {
        self.drop_repeats(raw, gone, |_, kept| {
            let (line, front) = (kept.line, plain(&kept.front));
            if kept.kind == CardKind::Cloze {
                format!(
                    "table cell that asks again what the cloze on line {line} ({front}) hides; \
                     that card is kept"
                )
            } else {
                format!(
                    "table cell that says again a bullet of the card on line {line} ({front}); \
                     that card is kept"
                )
            }
        });
    }
}

/// (cell, card) for every table cell whose answer a bullet of a card about the same subject
/// already says, with the cell's facet named in the bullet ([`Clause::says_again`]), or whose
/// list of names a card about the subject lists; in the order of the cells.
pub(super) fn cells_in_bullets(raw: &[RawCard]) -> Vec<(usize, usize)> {
    let mut subjects = Subjects::default();
    // The subjects cells ask about: only their cards' bullets are read (every card of a
    // vault comes through here, and few share a subject with a table).
    let mut asked: HashSet<String> = HashSet::default();
    // Each subject as a row writes it, for one naming its topic with a word cut short.
    let mut written: Vec<(String, &str)> = Vec::new();
    for r in raw.iter().filter(|r| r.card.kind == CardKind::Table) {
        if let Some((s, _)) = subjects.of_cell(r)
            && !asked.contains(s)
        {
            asked.insert(s.to_string());
            if r.subject.is_none()
                && let Some((row, _)) = first_part(&r.card.front)
            {
                written.push((s.to_string(), row));
            }
        }
    }
    if asked.is_empty() {
        return Vec::new();
    }
    // The cards asking `subject › facet` about such a subject (with a list of bullets or
    // a line of its own), their clauses read when a cell first needs them.
    let mut bullets: HashMap<String, Vec<Bullets>> = HashMap::new();
    // The topic a run of clozes is shown under, keyed once for the run: its cards share
    // one path.
    let mut cloze_topic: (*const String, String) = (std::ptr::null(), String::new());
    let mut add = |s: &str, i: usize| {
        if !asked.contains(s) {
            return;
        }
        match bullets.get_mut(s) {
            Some(cards) => cards.push((i, None)),
            None => {
                bullets.insert(s.to_string(), vec![(i, None)]);
            }
        }
    };
    for (i, r) in raw.iter().enumerate() {
        match r.card.kind {
            CardKind::Basic => {
                for topic in subjects.topics_of(r) {
                    add(topic, i);
                }
            }
            // A statement's cloze is its topic's too (`WordPiece`: `{{c1::BERT,
            // DistilBERT, ELECTRA}}에서 사용하는 토크나이저`); a tip's is the problem's,
            // and is gone already when it repeats a card.
            CardKind::Cloze if !r.tip => {
                if let Some(t) = r.card.context_path().last() {
                    if !std::ptr::eq(t, cloze_topic.0) {
                        cloze_topic = (t, html_key(t));
                    }
                    add(&cloze_topic.1, i);
                }
            }
            _ => {}
        }
    }
    // `1×1 conv` of a table is `1×1 Convolution` of the bullets above it: a row naming no
    // topic asks the cards of one its words name, the last cut short.
    written.retain(|(key, row)| {
        !bullets.contains_key(key)
            && row.rsplit_once(' ').is_some_and(|(_, last)| {
                last.len() >= 3 && last.bytes().all(|b| b.is_ascii_alphabetic())
            })
    });
    if !written.is_empty() {
        for (i, r) in raw.iter().enumerate() {
            if r.card.kind != CardKind::Basic {
                continue;
            }
            for part in r.card.front.split(" › ") {
                for (key, row) in &written {
                    if cut_short(row, part) {
                        bullets.entry(key.clone()).or_default().push((i, None));
                    }
                }
            }
        }
    }
    if bullets.is_empty() {
        return Vec::new();
    }
    let mut gone: Vec<(usize, usize)> = Vec::new();
    for (i, r) in raw.iter().enumerate() {
        if r.card.kind != CardKind::Table {
            continue;
        }
        let Some((cards, facet, subject)) = subjects
            .of_cell(r)
            .and_then(|(s, f)| Some((bullets.get_mut(s)?, f, s.to_string())))
        else {
            continue;
        };
        // `ATT › 조건` → `\(T=1\)` beside `ATT` → `\(E[Y(1) - Y(0) \mid T=1]\)`.
        if let Some(k) = math_said(&r.card.back, cards.iter().map(|(k, _)| (*k, &raw[*k].card))) {
            gone.push((i, k));
            continue;
        }
        let bare = without_asides(&r.card.back);
        let value = answer_words(&bare);
        if value.is_empty() {
            continue;
        }
        let facet_text = facet;
        let facet = answer_words(facet);
        // A list answer (`T5, ALBERT, LLaMA`) all of whose parts a card lists among its
        // own (`사용 모델` → `T5, ALBERT, XLNet, LLaMA`) is that card's, whatever the facet
        // is called.
        let parts: Vec<String> = bare
            .split(',')
            .map(answer_words)
            .filter(|p| !p.is_empty())
            .collect();
        // Every word of the answer is in a card that says it again: most cards are told
        // apart by one of them before their clauses are read.
        let probe = probe(&value);
        let words = value.split(' ').count();
        // `하락` may be said as `감소` or `↓`: those are looked for too.
        let mut reworded: Vec<&str> = Vec::new();
        for w in value.split(' ').map(plain_word) {
            if !value.contains(w) {
                reworded.push(w);
            }
            if let Some((arrow, _)) = ARROW_WORDS.iter().find(|(_, word)| *word == w) {
                reworded.push(arrow);
            }
        }
        let said = cards.iter_mut().find_map(|(k, clauses)| {
            let card = &raw[*k].card;
            if card.kind == CardKind::Cloze {
                // What a cloze hides is the fact it asks: a cell answering with part of
                // it (`WordPiece › 대표 모델` → `BERT`; `Perplexity › 좋은 방향` →
                // `낮을수록` beside `PPL = … → {{c1::낮을수록 좋음}}`) asks it again.
                if !mentions(&card.front, probe) {
                    return None;
                }
                let hidden = clauses.get_or_insert_with(|| hidden_clauses(card));
                return cloze_says(&card.front, hidden, &value).then_some(*k);
            }
            // A long answer may be said with its longest word changed: all its words
            // but one are looked for.
            let mentioned = || {
                value
                    .split(' ')
                    .filter(|w| mentions(&card.back, self::probe(w)))
                    .count()
            };
            if !(mentions(&card.back, probe)
                || reworded.iter().any(|w| mentions(&card.back, w))
                || words >= PARAPHRASE_MIN_WORDS && mentioned() + 1 >= words)
            {
                return None;
            }
            let clauses = clauses.get_or_insert_with(|| clauses_of(&card.back));
            let says = clauses.iter().any(|c| c.says_again(&facet, &value))
                || parts.len() >= 2 && parts.iter().all(|p| clauses.iter().any(|c| c.bare == *p));
            says.then_some(*k)
        });
        // The answer's words that name something, not the subject's own, read once for the
        // two tests below that need them (only for a cell no bullet says again word for word).
        let mut named_cache: Option<Vec<&str>> = None;
        let mut named_words = || -> Vec<&str> {
            named_cache
                .get_or_insert_with(|| {
                    value
                        .split(' ')
                        .filter(|w| names_something(w) && !subject.contains(&name_key(w)))
                        .collect()
                })
                .clone()
        };
        // A summary row's cell (`n-gram precision + BP`) sums up what several bullets
        // about the subject say one part each (`precision 기반`, `**BP**: …`): every word
        // of it in one of them is the same fact again.
        let said = said.or_else(|| {
            // Only words that name something count (`프로토콜만 사용` is one), and not the
            // subject's own (`Additive Attention` of `Bahdanau Attention` names one thing,
            // whatever its bullets say about attention); a picture in the cell is more
            // than its bullets say.
            if named_words().len() < 2 || !says_enough(&value) || !r.card.images.is_empty() {
                return None;
            }
            // The card holding most of the words is the one named as kept.
            let words: Vec<&str> = value.split(' ').collect();
            // A word no card mentions at all settles it before any clause is read.
            let mentioned = |k: usize, w: &str| mentions(&raw[k].card.back, self::probe(w));
            let bullet = |k: usize| raw[k].card.kind != CardKind::Cloze;
            if !words
                .iter()
                .all(|w| cards.iter().any(|&(k, _)| bullet(k) && mentioned(k, w)))
            {
                return None;
            }
            let mut found = vec![false; words.len()];
            let mut most = (0, None);
            for (k, clauses) in cards.iter_mut() {
                if !bullet(*k) || !words.iter().any(|w| mentioned(*k, w)) {
                    continue;
                }
                let clauses = clauses.get_or_insert_with(|| clauses_of(&raw[*k].card.back));
                let mut held = 0;
                for (w, f) in words.iter().zip(&mut found) {
                    if clauses.iter().any(|c| c.holds(w)) {
                        held += 1;
                        *f = true;
                    }
                }
                if held > most.0 {
                    most = (held, Some(*k));
                }
            }
            most.1.filter(|_| found.iter().all(|f| *f))
        });
        // A Korean summary of English bullets (`Level 1 › 프로세스 방식` → `파이프라인
        // 자동화(Orchestration)` after `**Automated orchestration** of ML experiment steps`,
        // `Level 0 › CI/CD` → `없음` after `**No CI/CD**`): every English word the cell's
        // answer names, six letters or more in all, is in one bullet or label of the
        // subject's.
        // Named only by the facet, the English must be two words or more and a label's
        // (`No CI/CD`, or the head of `No CI/CD: …`), not any bullet that mentions one word
        // of it (`loss 해석` is no bullet about the loss); a picture in the cell is more
        // than a bullet says.
        let said = said.or_else(|| {
            // The English the cell names (`Orchestration` in `파이프라인 자동화
            // (Orchestration)`, `ML`, `Ops` in its facet `ML ↔ Ops 관계`), its subject's
            // own words aside.
            let own = latin_words(first_part(&r.card.front).map_or("", |p| p.0));
            let english_of = |text: &str| -> Vec<String> {
                latin_words(text)
                    .into_iter()
                    .filter(|w| !own.contains(w))
                    .collect()
            };
            let in_facet = english_of(facet_text);
            let in_answer = english_of(&plain(&r.card.back));
            // The answer's English is the fact (`Experimental–Operational Symmetry` under
            // `ML ↔ Ops 관계`); the facet's stands for it only when the answer has none.
            let named = if in_answer.is_empty() {
                &in_facet
            } else {
                &in_answer
            };
            let enough = if in_answer.is_empty() {
                in_facet.len() >= 2
            } else {
                in_answer.iter().map(String::len).sum::<usize>() >= ENGLISH_MIN_LETTERS
            };
            // Code is said again only as code: `output, (h_n, c_n)` names no `Output gate`.
            if !enough || !r.card.images.is_empty() || r.card.back.contains("<code>") {
                return None;
            }
            // Most cards are told apart by the longest word before their items are read.
            let probe = named
                .iter()
                .max_by_key(|w| w.len())
                .map_or("", String::as_str);
            cards.iter().find_map(|(k, _)| {
                let card = &raw[*k].card;
                if card.kind == CardKind::Cloze {
                    return None;
                }
                if !mentions(&card.back, probe) && !mentions(&card.front, probe) {
                    return None;
                }
                let label = first_part(&card.front).map_or("", |p| p.1);
                std::iter::once(label)
                    .chain(items(&card.back))
                    .any(|item| {
                        let item = plain(item);
                        // A label is a short item, or an item's head before its colon.
                        let text = if in_answer.is_empty() {
                            let head = item.split(':').next().unwrap_or("");
                            if head.split_whitespace().count() > LABEL_MAX_WORDS {
                                return false;
                            }
                            head
                        } else {
                            item.as_str()
                        };
                        let words = latin_words(text);
                        named.iter().all(|w| words.contains(w))
                    })
                    .then_some(*k)
            })
        });
        // A summary table's cell that words again what one bullet about its subject says
        // (`Dynamic Batching › batch 구성 시점` → `window 만료 또는 batch가 다 찰 때` after
        // `**Dynamic**: 시간 window(수 ms) 또는 최대 batch 크기까지 요청을 모아 …`): of its
        // words that name something, three or more, all but one (of four or more) are in that
        // bullet. Not a cell asked beside the other subjects' (their contrast is what the
        // table adds), and every number of it is the bullet's too (`ψ = 128` is no `ψ = 256`).
        let said = said.or_else(|| {
            if !r.card.images.is_empty() || r.contrast_of.is_some() {
                return None;
            }
            let named = named_words();
            if named.len() < MOST_WORDS_MIN {
                return None;
            }
            // All but one of four or more (one reworded); all of three.
            let needed = if named.len() > MOST_WORDS_MIN {
                named.len() - 1
            } else {
                named.len()
            };
            let numbers: Vec<&str> = value
                .split(' ')
                .filter(|w| w.contains(|c: char| c.is_ascii_digit()))
                .collect();
            cards.iter().find_map(|&(k, _)| {
                let card = &raw[k].card;
                if card.kind == CardKind::Cloze || raw[k].tip {
                    return None;
                }
                let holds = |w: &str| {
                    let stem = word_stem(w);
                    mentions(&card.back, stem) || mentions(&card.front, stem)
                };
                // Most cards miss a word at once: stop at the first miss too many.
                let mut misses = named.len() - needed;
                for w in &named {
                    if !holds(w) {
                        if misses == 0 {
                            return None;
                        }
                        misses -= 1;
                    }
                }
                numbers.iter().all(|n| holds(n)).then_some(k)
            })
        });
        // A yes, a no or a degree: what a bullet naming the facet's feature says.
        let said = said.or_else(|| {
            (is_mark(&plain(&bare)) || is_degree(&value))
                .then(|| marked_feature_said(raw, cards, facet_text))
                .flatten()
        });
        // A number the kept card does not hold is a fact the cell adds (`약 0.3초 + proposal
        // 약 2초` beside `Selective Search (CPU, 이미지당 약 2초)`), whichever words it shares.
        let said = said.filter(|&k| {
            let kept = &raw[k].card;
            numbers_in(&r.card.back).all(|n| {
                [&kept.back, &kept.front]
                    .iter()
                    .any(|t| contains_number(t, n) || super::cell_measures::written_out(t, n))
            })
        });
        if let Some(k) = said {
            gone.push((i, k));
        }
    }
    super::cell_measures::measures_in_bullets(raw, &mut gone);
    gone
}

/// The subject a card's front asks about (its first part, as a [`name_key`]) and its facet.
/// The cards of a section come one after another and share their subject: it is keyed once
/// for each run of them rather than once for every card.
#[derive(Default)]
struct Subjects {
    /// The first part of the front last keyed, as written.
    written: String,
    /// Its key.
    key: String,
    /// The front before its last part last keyed by [`Subjects::topics_of`], as written.
    prefix: String,
    /// The keys of its parts (the first `shared`), then of the last card's last part.
    topics: Vec<String>,
    /// How many of `topics` are the prefix's.
    shared: usize,
}

/// Push the key of a front's `part` to `out`, after its owner's when it is one's (`연합 학습의
/// 도전과제` is 연합 학습's).
fn push_topic(part: &str, out: &mut Vec<String>) {
    let owner = part
        .match_indices('의')
        .map(|(at, _)| &part[..at])
        .find(|owner| part[owner.len() + '의'.len_utf8()..].starts_with(' '));
    if let Some(owner) = owner {
        out.push(html_key(owner));
    }
    out.push(html_key(part));
}

impl Subjects {
    /// [`Subjects::of`] a table cell: the topic its subject names where it names one
    /// (`Bahdanau` is `Bahdanau Attention`, whose cards' fronts say so).
    fn of_cell<'s, 'r: 's>(&'s mut self, r: &'r RawCard) -> Option<(&'s str, &'r str)> {
        match &r.subject {
            Some(topic) => Some((topic, first_part(&r.card.front)?.1)),
            None => self.of(r),
        }
    }

    /// The topics a bullet card's front names, keyed: every part of it, and the owner of a
    /// part that is one's (`연합 학습의 도전과제`). `R-CNN 계열 › R-CNN › 구조` is about the
    /// family and about `R-CNN`, whose table row asks its `후보 영역 추출` again; `SGD ›
    /// Momentum` is about Momentum too. The parts before the last are shared by a section's
    /// cards and keyed once for each run of them.
    fn topics_of(&mut self, r: &RawCard) -> &[String] {
        let front = &r.card.front;
        let (prefix, last) = last_part(front).unwrap_or(("", front));
        if prefix != self.prefix {
            self.prefix.clear();
            self.prefix.push_str(prefix);
            self.topics.clear();
            if !prefix.is_empty() {
                for part in prefix.split(" › ") {
                    push_topic(part, &mut self.topics);
                }
            }
            self.shared = self.topics.len();
        }
        self.topics.truncate(self.shared);
        push_topic(last, &mut self.topics);
        // `Static / Dynamic Batching › Dynamic` is about `Dynamic Batching`: a side of a
        // title that sets names before one last word they share is named with that word.
        if let Some(parent) = self.prefix.rsplit(" › ").next()
            && parent.contains(" / ")
            && let Some((_, shared)) = parent.rsplit_once(' ')
            && !last.contains(shared)
            && parent.split(" / ").any(|side| {
                side.trim() == last || side.strip_suffix(shared).is_some_and(|s| s.trim() == last)
            })
        {
            self.topics.push(html_key(&format!("{last} {shared}")));
        }
        // `Macro vs Micro vs Weighted Averaging › Macro average` is about the `Macro` of a
        // table comparing the title's sides: a part naming one side before one more word
        // is named by that side too.
        if let Some(parent) = self.prefix.rsplit(" › ").next()
            && parent.contains(" vs ")
            && let Some((side, _)) = last.split_once(' ')
            && !side.is_empty()
            && !last[side.len() + 1..].contains(' ')
            && parent
                .split(" vs ")
                .any(|s| s.trim().split(' ').next() == Some(side))
        {
            self.topics.push(html_key(side));
        }
        &self.topics
    }

    fn of<'r>(&mut self, r: &'r RawCard) -> Option<(&str, &'r str)> {
        let (s, facet) = first_part(&r.card.front)?;
        if s != self.written {
            self.written.clear();
            self.written.push_str(s);
            self.key = html_key(s);
        }
        Some((&self.key, facet))
    }
}

/// `front` split at its first ` › `: `split_once`, without setting up a substring search for
/// each of a vault's cards (the `›` is found by its first byte, rare in a note's text).
pub(super) fn first_part(front: &str) -> Option<(&str, &str)> {
    split_at(front, memchr::memchr_iter(SEP[1], front.as_bytes()))
}

/// `front` split at its last ` › `, found as [`first_part`] finds the first.
pub(super) fn last_part(front: &str) -> Option<(&str, &str)> {
    split_at(front, memchr::memrchr_iter(SEP[1], front.as_bytes()))
}

/// The separator of a front's parts.
const SEP: &[u8] = " › ".as_bytes();

/// `front` split at the first [`SEP`] whose second byte is at one of `hits`.
fn split_at(front: &str, mut hits: impl Iterator<Item = usize>) -> Option<(&str, &str)> {
    hits.find_map(|at| {
        let start = at.checked_sub(1)?;
        front.as_bytes()[start..]
            .starts_with(SEP)
            .then(|| (&front[..start], &front[start + SEP.len()..]))
    })
}

/// A card about a subject that cells ask about, and its clauses once read.
type Bullets = (usize, Option<Vec<Clause>>);

/// The clauses of an answer's bullets ([`Clause`]).
fn clauses_of(back: &str) -> Vec<Clause> {
    items(back)
        .flat_map(|item| item.split(['→', ',', ';', '+']))
        .flat_map(|part| part.split(". "))
        .map(Clause::of)
        .filter(|c| !c.bare.is_empty())
        .collect()
}

/// The card of `cards` (about a cell's subject) one clause of which names the feature a
/// check-mark or degree cell asks about (`BYOL › negative 필요` → `X` beside `negative sample
/// 없이 학습`; `MoCo › momentum(EMA) encoder` → `O` beside `key encoder는 … momentum
/// update`; `RNN › 장기 의존성` → `약함` beside `… (장기 의존성 문제)`): whether the subject has
/// it, or how much, is what that clause says. The words of the facet naming something are in
/// the clause (all but one of three or more: `배치 크기 의존` → `배치 크기가 작으면 통계가
/// 불안정`), or one of its aside (`EMA` of `momentum(EMA) encoder`).
fn marked_feature_said(raw: &[RawCard], cards: &mut [Bullets], facet: &str) -> Option<usize> {
    // A one-syllable word names the feature too (`셀` of `셀 상태`, `큰` of `큰 batch`).
    let named = |text: &str| -> Vec<String> {
        answer_words(text)
            .split(' ')
            .filter(|w| !w.is_empty() && !is_generic(w))
            .map(str::to_string)
            .collect()
    };
    let outside = named(&without_asides(facet));
    let aside: Vec<String> = named(facet)
        .into_iter()
        .filter(|w| !outside.contains(w))
        .collect();
    let needed = if outside.len() >= 3 {
        outside.len() - 1
    } else {
        outside.len()
    };
    if needed == 0 && aside.is_empty() {
        return None;
    }
    cards.iter_mut().find_map(|(k, clauses)| {
        let card = &raw[*k].card;
        // Most cards are told apart unread: they mention too few of the facet's words.
        let holds = |w: &String| mentions(&card.back, w) || mentions(&card.front, w);
        let mentioned = outside.iter().filter(|w| holds(w)).count();
        if !(aside.iter().any(holds) || needed > 0 && mentioned >= needed) {
            return None;
        }
        let clauses = clauses.get_or_insert_with(|| match card.kind {
            CardKind::Cloze => hidden_clauses(card),
            _ => clauses_of(&card.back),
        });
        let said = clauses.iter().any(|c| {
            (needed > 0 && outside.iter().filter(|w| c.holds(w)).count() >= needed)
                || aside.iter().any(|w| c.holds(w))
        });
        said.then_some(*k)
    })
}

/// The parts a cloze hides, each as a [`Clause`].
fn hidden_clauses(card: &crate::Card) -> Vec<Clause> {
    card.cloze
        .iter()
        .filter_map(|d| card.front.get(d.range.clone()))
        .map(Clause::of)
        .filter(|c| !c.words.is_empty())
        .collect()
}

/// Whether a cloze (its sentence `front` and the `hidden` parts) asks a cell's answer
/// `value`: a word of the answer naming something is hidden, and every word of it is hidden
/// too (`WordPiece › 대표 모델` → `BERT` beside `{{c1::BERT, DistilBERT, ELECTRA}}에서 사용`)
/// or shown around the hidden part (`GAT › 학습 설정` → `inductive 가능` beside `…
/// {{c1::inductive}} 설정에도 적용 가능`).
fn cloze_says(front: &str, hidden: &[Clause], value: &str) -> bool {
    let is_hidden = |w: &str| hidden.iter().any(|c| c.holds(w));
    if !value.split(' ').any(|w| names_something(w) && is_hidden(w)) {
        return false;
    }
    hidden.iter().any(|c| value.split(' ').all(|w| c.holds(w))) || {
        let sentence = Clause::of(front);
        value.split(' ').all(|w| sentence.holds(w))
    }
}

/// What an answer holding every word of `value` holds as written: the start of its longest
/// word, up to the two syllables a particle or an ending may change (`적음` is found in
/// `적고`, `방향으로` in `방향`).
fn probe(value: &str) -> &str {
    let word = value
        .split(' ')
        .max_by_key(|w| w.chars().count())
        .unwrap_or("");
    let n = word.chars().count();
    let keep = if n > 2 { n - 2 } else { 1 };
    word.char_indices()
        .nth(keep)
        .map_or(word, |(at, _)| &word[..at])
}

/// Whether `html` holds `probe`, ASCII case aside (answer words are lowercased).
pub(super) fn mentions(html: &str, probe: &str) -> bool {
    let (html, probe) = (html.as_bytes(), probe.as_bytes());
    let Some(&first) = probe.first() else {
        return true;
    };
    // Only where the first byte matches is the rest compared: every card about a subject
    // that a cell asks about is read here, and most bytes of it start no match.
    let (lower, upper) = (first.to_ascii_lowercase(), first.to_ascii_uppercase());
    memchr::memchr2_iter(lower, upper, html).any(|at| {
        html.get(at..at + probe.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(probe))
    })
}

/// The text of each bullet of an answer (a nested list's text left to its own items), or the
/// whole answer when it is no list; a line before the list is an item too (`병합 기준이 빈도가
/// 아니라 … likelihood 증가량` over its `점수 = …` bullet).
fn items(html: &str) -> impl Iterator<Item = &str> {
    let listed = html.contains("<li>");
    let whole = if listed {
        let lead = ["<ul>", "<ol>"]
            .iter()
            .filter_map(|t| html.find(t))
            .min()
            .map_or("", |end| &html[..end]);
        Some(lead).filter(|l| !l.trim().is_empty())
    } else {
        Some(html)
    };
    let bullets = html
        .split("<li>")
        .skip(1)
        .filter(move |_| listed)
        .map(|item| {
            // Up to the item's end or its nested list; inline markup stays inside its words.
            let end = ["</li>", "<ul>", "<ol>"]
                .iter()
                .filter_map(|t| item.find(t))
                .min()
                .unwrap_or(item.len());
            &item[..end]
        });
    whole.into_iter().chain(bullets)
}

/// A clause of a bullet (its parts between `→`, `,`, `;`, `+` and sentence ends), as words: all of
/// them, and those outside its asides in parentheses.
struct Clause {
    words: String,
    bare: String,
}

impl Clause {
    /// The clause of `html`'s text.
    fn of(html: &str) -> Self {
        // `품질 약간 ↓` says `약간 하락`: an arrow is the word for a change its way.
        let worded;
        let html = if ARROW_WORDS.iter().any(|(arrow, _)| html.contains(arrow)) {
            worded = ARROW_WORDS
                .iter()
                .fold(html.to_string(), |h, (arrow, word)| {
                    h.replace(arrow, &format!(" {word} "))
                });
            worded.as_str()
        } else {
            html
        };
        Clause {
            words: answer_words(html),
            bare: answer_words(&without_asides(html)),
        }
    }

    /// Whether the clause holds `word` (as [`same_stem`] reads words), or a word saying
    /// the same ([`plain_word`]: `동일` for `같음`, `하락` for `감소`).
    fn holds(&self, word: &str) -> bool {
        let word = plain_word(word);
        self.words
            .split(' ')
            .any(|b| same_stem(word, b) || same_stem(word, plain_word(b)))
    }

    /// Whether the clause says a cell's answer about the cell's facet: one of the facet's
    /// words outside its asides, and every word of the answer. `계산량 많음 (채널 수만큼
    /// forward 필요)` says `계산량` → `많음`, and `노이즈 적고 안정적` says `노이즈` → `적음`;
    /// `없음 (배치 통계를 쓰지 않음)` says nothing about `배치 크기 의존`, and in `학습 때 전체
    /// 그래프의 인접 행렬이 필요 → … 적용 어려움` what is hard is not the graph's size.
    ///
    /// An answer of [`PARAPHRASE_MIN_WORDS`] words or more is said again with one word
    /// changed (`서비스 코드 내부에 통합` by `모델이 서비스 코드 내부에 포함`).
    fn says_again(&self, facet: &str, value: &str) -> bool {
        let n = value.split(' ').count();
        let held = value.split(' ').filter(|w| self.holds(w)).count();
        let said = held == n || n >= PARAPHRASE_MIN_WORDS && held + 1 >= n;
        said && (facet
            .split(' ')
            .any(|w| w.chars().count() >= 2 && self.bare.split(' ').any(|b| same_stem(w, b)))
            || says_enough(value))
    }
}

/// Fewest words of a cell's answer that a clause says again in other words when it holds
/// all of them but one.
const PARAPHRASE_MIN_WORDS: usize = 4;

/// Fewest words naming something in a cell's answer for most of them found in one bullet to
/// make it that bullet's fact again: of two, one shared word is chance.
const MOST_WORDS_MIN: usize = 3;

/// Fewest letters of the English words a cell's answer names for one bullet of its
/// subject's to say them all again: `CT` or `Seen` alone is in too many.
const ENGLISH_MIN_LETTERS: usize = 6;

/// Most words of a bullet read as a label (`Disconnection between ML and Ops`).
const LABEL_MAX_WORDS: usize = 5;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_part_is_split_once_at_the_separator() {
        for front in [
            "BERT › 장점",
            "a › b › c",
            "›x › y",
            " › y",
            "no separator",
            "a ›b",
            "→ › ok",
            "",
        ] {
            assert_eq!(first_part(front), front.split_once(" › "), "{front:?}");
        }
    }

    #[test]
    fn mentions_ignores_ascii_case_anywhere() {
        let slow = |h: &str, p: &str| {
            p.is_empty()
                || h.as_bytes()
                    .windows(p.len())
                    .any(|w| w.eq_ignore_ascii_case(p.as_bytes()))
        };
        for (h, p) in [
            ("<li>Forward 필요</li>", "forw"),
            ("abc", ""),
            ("ab", "abc"),
            ("xAbC", "abc"),
            ("적고 안정적", "적"),
            ("", "a"),
            ("aab", "ab"),
        ] {
            assert_eq!(mentions(h, p), slow(h, p), "{h:?} {p:?}");
        }
    }
}
