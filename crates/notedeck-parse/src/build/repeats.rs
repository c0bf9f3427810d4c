//! A tip that only repeats a card. A 📌 tip line summarises its topic; when what it hides is
//! already what a card of the same topic answers (`LSTM = **게이트 3개** + 셀 상태` beside
//! `LSTM › 게이트 수` → `3개 (입력, 망각, 출력 게이트)`), the student would review the one
//! fact twice. Such a tip gives no card and is listed as skipped, naming the card kept.

use super::cell_words::names_something;
use super::facts::{answer_words, plain, without_asides};
use super::{Finish, RawCard};
use crate::{CardKind, Skipped};
use foldhash::{HashMap, HashMapExt};

impl Finish {
    /// Drop every tip cloze whose hidden words a card shown under the same topic already
    /// answers ([`repeats`]). One map from topic to cards, built only when the note has tips.
    pub(super) fn drop_repeated_tips(&mut self, raw: &mut Vec<RawCard>) {
        if !raw.iter().any(|r| r.tip) {
            return;
        }
        // The topics tips are shown under, once each (a note has a few), and the cards of
        // each: one pass over the cards, comparing a few short paths per card. No hashing
        // of every card's path, which cost more than the rest of this pass.
        let mut topics: Vec<(&str, &str)> = Vec::new();
        for r in raw.iter().filter(|r| r.tip) {
            let t = topic_of(r);
            if !topics.contains(&t) {
                topics.push(t);
            }
        }
        let many = topics.len() > FEW_TOPICS;
        let index: HashMap<(&str, &str), usize> = if many {
            topics.iter().enumerate().map(|(i, t)| (*t, i)).collect()
        } else {
            HashMap::new()
        };
        // Per topic: its cards, with their words once read (however many tips ask).
        let mut cards_of: Vec<Vec<(usize, Option<CardWords>)>> = vec![Vec::new(); topics.len()];
        for (i, r) in raw.iter().enumerate() {
            if r.tip || !matches!(r.card.kind, CardKind::Basic | CardKind::Table) {
                continue;
            }
            // A table cell is its subject's, and also the section's it is shown under (a
            // problem's closing tips repeat its comparison table).
            let shown = (r.card.kind == CardKind::Table).then(|| shown_under(r));
            for t in std::iter::once(topic_of(r)).chain(shown) {
                let at = if many {
                    index.get(&t).copied()
                } else {
                    topics.iter().position(|x| *x == t)
                };
                if let Some(at) = at
                    && cards_of[at].last().is_none_or(|&(k, _)| k != i)
                {
                    cards_of[at].push((i, None));
                }
            }
        }
        // (tip, the card it repeats), in source order.
        let mut gone: Vec<(usize, usize)> = Vec::new();
        for (i, r) in raw.iter().enumerate().filter(|(_, r)| r.tip) {
            let Some(at) = topics.iter().position(|x| *x == topic_of(r)) else {
                continue;
            };
            if cards_of[at].is_empty() {
                continue;
            }
            let hidden = hidden_words(r);
            if hidden.is_empty() {
                continue;
            }
            let kept = cards_of[at].iter_mut().find_map(|(k, w)| {
                // Most answers say far more than a tip hides and name no parts in bold:
                // no need to read their words (the first test needs the hidden words to be
                // half of the answer's).
                let back = &raw[*k].card.back;
                if w.is_none()
                    && back.len() > 4 * hidden.len() + 64
                    && back.match_indices("<b>").nth(1).is_none()
                {
                    return None;
                }
                let w = w.get_or_insert_with(|| CardWords::of(&raw[*k].card));
                repeats(&hidden, w).then_some(*k)
            });
            if let Some(k) = kept {
                gone.push((i, k));
            }
        }
        // Then each tip left against the cards of its problem above it: a problem's closing
        // tips sum up its topics in other words.
        let restated = restated_tips(raw, &gone);
        let reworded: std::collections::HashSet<usize> = restated.iter().map(|&(i, _)| i).collect();
        gone.extend(restated);
        gone.sort_unstable();
        self.drop_repeats(raw, &gone, |tip, kept| {
            let (line, front) = (kept.line, plain(&kept.front));
            if reworded.contains(&tip) {
                format!(
                    "tip that restates the card on line {line} ({front}) in other words: most \
                     of what it hides that card already says"
                )
            } else {
                format!(
                    "tip that only repeats the card on line {line} ({front}): what it hides is \
                     that card's answer"
                )
            }
        });
    }

    /// Drop the cards `gone` names (card, the card it repeats; in source order), each listed
    /// as skipped with `reason` of the card kept.
    pub(super) fn drop_repeats(
        &mut self,
        raw: &mut Vec<RawCard>,
        gone: &[(usize, usize)],
        reason: impl Fn(usize, &crate::Card) -> String,
    ) {
        if gone.is_empty() {
            return;
        }
        for &(i, k) in gone.iter().filter(|_| self.keep_skipped) {
            let card = &raw[i].card;
            self.doc.skipped.push(Skipped {
                line: card.line,
                span: card.span.clone(),
                reason: reason(i, &raw[k].card),
            });
        }
        let mut at = 0;
        let mut next = gone.iter().map(|&(card, _)| card).peekable();
        raw.retain(|_| {
            at += 1;
            let drop = next.peek() == Some(&(at - 1));
            if drop {
                next.next();
            }
            !drop
        });
    }
}

/// The words a tip hides, asides apart, one space apart.
fn hidden_words(r: &RawCard) -> String {
    hidden_parts(r).join(" ")
}

/// The words of each part a tip hides, asides apart, one space apart; parts without words
/// left out.
fn hidden_parts(r: &RawCard) -> Vec<String> {
    r.card
        .cloze
        .iter()
        .filter_map(|d| r.card.front.get(d.range.clone()))
        .map(|part| answer_words(&without_asides(part)))
        .filter(|w| !w.is_empty())
        .collect()
}

/// (tip, card) for each tip not in `gone` that says again, in other words, cards of its
/// problem (its deck) made before it: at least half of the words it hides are words of one
/// such card's question or answer, asides included (`DARTS = {{c1::NAS를 미분 가능하게 만든
/// 방법, …}}` after `DARTS › 개념`), or so are those of each part it hides, each in a card of
/// its own (`PTQ = {{c1::학습 후 + calibration}}, QAT = {{c2::fake quant + STE}}` after `PTQ ›
/// 시점` → `학습이 끝난 후` and QAT's `fake quantization … STE` bullets; the card named is
/// the first part's).
/// Only the [`RESTATED_POOL`] nearest such cards are read, so a note of a hundred thousand
/// cards in one deck costs a bounded pass per tip.
fn restated_tips(raw: &[RawCard], gone: &[(usize, usize)]) -> Vec<(usize, usize)> {
    // Per card, its question's and answer's words (asides included), read once and only for
    // a card that mentions enough of a tip's words at all.
    let mut words: Vec<Option<String>> = vec![None; raw.len()];
    let mut lowered: Vec<Option<String>> = vec![None; raw.len()];
    let mut out = Vec::new();
    for (i, r) in raw.iter().enumerate() {
        // `gone` is in the order of the cards.
        if !r.tip || gone.binary_search_by_key(&i, |&(g, _)| g).is_ok() {
            continue;
        }
        let parts = hidden_parts(r);
        if parts.is_empty() {
            continue;
        }
        if let Some(k) = restating_card(raw, i, &parts.join(" "), &mut words, &mut lowered) {
            out.push((i, k));
            continue;
        }
        let mut first = None;
        let all = parts.len() > 1
            && parts.iter().all(|hidden| {
                let k = restating_card(raw, i, hidden, &mut words, &mut lowered);
                first = first.or(k);
                k.is_some()
            });
        if all && let Some(k) = first {
            out.push((i, k));
        }
    }
    out
}

/// The card before tip `i` in its deck saying most of `hidden` (one part's words), the
/// nearest of equals, when it says at least half of them.
fn restating_card(
    raw: &[RawCard],
    i: usize,
    hidden: &str,
    words: &mut [Option<String>],
    lowered: &mut [Option<String>],
) -> Option<usize> {
    let all: Vec<&str> = hidden.split(' ').collect();
    // Failing that, only the words that name something count, two of them at least:
    // `bias 조정 필요` says again `Seen 클래스 쏠림(bias) 문제` by its `bias`, whatever
    // `필요` adds; `빠름, noise 가능` is one word, `noise`, that many cards may hold.
    let named: Vec<&str> = all.iter().copied().filter(|w| names_something(w)).collect();
    restating_card_of(raw, i, &all, words, lowered).or_else(|| {
        (named.len() >= 2 && named.len() < all.len())
            .then(|| restating_card_of(raw, i, &named, words, lowered))
            .flatten()
    })
}

/// [`restating_card`] of the hidden words `hidden`.
fn restating_card_of(
    raw: &[RawCard],
    i: usize,
    hidden: &[&str],
    words: &mut [Option<String>],
    lowered: &mut [Option<String>],
) -> Option<usize> {
    let r = &raw[i];
    let total = hidden.len();
    // One hidden word is in many cards: `CLT = 원래 분포 상관없이 {{표본평균}} → 정규분포` is
    // not the `표준오차` card that says `표본평균의 표준편차`. The card must also say a word
    // the tip shows around it (`Type I = {{FP}}` is the `Type I error` card's), or set the
    // hidden word in bold (`Transformer = RNN 제거 + Self-Attention → {{병렬화}}` is the
    // `장점` card's `**병렬화**: …`).
    let shown = (total == 1).then(|| shown_words(r));
    // One deletion: the name it opens with is what the whole tip is about (`PTQ = {{…}}, QAT
    // = {{…}}` is about two).
    let subject = tip_subject(r)
        .filter(|_| r.card.cloze.len() == 1)
        .map(letters_key)
        .filter(|s| !s.is_empty());
    // Searched for in each card's text, lowercased once: a Korean stem's first byte starts
    // every third byte of a Korean card, so a search by first byte compares nearly all.
    let stems: Vec<memchr::memmem::Finder> = hidden
        .iter()
        .map(|w| memchr::memmem::Finder::new(stem(w)).into_owned())
        .collect();
    let mut best: Option<(usize, usize)> = None;
    // The cards are in source order, so a problem's cards (its deck) are one run: the
    // search stops at the card before it rather than reading every earlier deck.
    for k in (0..i)
        .rev()
        .take_while(|&k| raw[k].card.deck == r.card.deck)
        .filter(|&k| {
            let c = &raw[k];
            !c.tip
                && matches!(
                    c.card.kind,
                    CardKind::Basic | CardKind::Table | CardKind::Cloze
                )
        })
        .take(RESTATED_POOL)
    {
        let card = &raw[k].card;
        // A word the card says holds the hidden word's stem: a card mentioning fewer than
        // half of them cannot say half, and most cards are ruled out unread.
        let text = lowered[k].get_or_insert_with(|| {
            // NUL, which no stem holds, keeps a match from running from question to answer.
            format!("{}\0{}", card.front, card.back).to_ascii_lowercase()
        });
        let mentioned = stems
            .iter()
            .filter(|s| s.find(text.as_bytes()).is_some())
            .count();
        if mentioned * 2 < total || mentioned <= best.map_or(0, |(f, _)| f) {
            continue;
        }
        // `PPO는 … 여전히 **on-policy**로 분류` is about PPO: not SAC's `off-policy` card.
        if let Some(subject) = &subject
            && names_another(topic_of(&raw[k]).1, subject)
            && !letters_key(&card.front).contains(subject.as_str())
            && !card.back.to_lowercase().contains(subject.as_str())
        {
            continue;
        }
        let said = words[k].get_or_insert_with(|| {
            let mut said = answer_words(card.front.rsplit('›').next().unwrap_or(""));
            said.push(' ');
            said.push_str(&answer_words(&card.back));
            said
        });
        let says = |w: &str| said.split(' ').any(|c| same_word(w, c));
        if shown.as_deref().is_some_and(|shown| {
            !shown.split(' ').any(says) && !sets_in_bold(&card.back, hidden[0])
        }) {
            continue;
        }
        let found = hidden.iter().filter(|w| says(w)).count();
        if found > best.map_or(0, |(f, _)| f) {
            best = Some((found, k));
        }
    }
    best.filter(|&(found, _)| found * 2 >= total)
        .map(|(_, k)| k)
}

/// Whether `html` sets `word` (one of [`answer_words`]) in bold.
fn sets_in_bold(html: &str, word: &str) -> bool {
    html.match_indices("<b>").any(|(at, _)| {
        let inner = &html[at + 3..];
        let end = inner.find("</b>").unwrap_or(inner.len());
        answer_words(&inner[..end])
            .split(' ')
            .any(|w| same_word(word, w))
    })
}

/// The name a tip opens with, in Latin letters, before what it says of it (`PPO는 …`,
/// `Value-based: "Q를 잘 추정하고 …"`, `Grad-CAM = …`), when it opens with one: the tip
/// restates only a card naming it.
fn tip_subject(r: &RawCard) -> Option<&str> {
    let front = &r.card.front;
    let before = front.get(..r.card.cloze.first()?.range.start)?;
    let name_end = before
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '+' | ' ')))
        .unwrap_or(before.len());
    let name = before[..name_end].trim();
    let after = before[name_end..].trim_start();
    let said_of = ["는 ", "은 ", ":", "="]
        .iter()
        .any(|p| after.starts_with(p))
        || before[..name_end].ends_with(" =");
    (said_of && name.bytes().filter(u8::is_ascii_alphabetic).count() >= 2).then_some(name)
}

/// Whether `topic` (a card's), written in Latin letters only, names another subject than
/// `subject` (a tip's, as [`letters_key`]): neither holds the other, nor does `subject`
/// abbreviate it (`DQN` of `Deep Q-Network`: its first letter a word's, the others after it
/// in order). A topic with Hangul may name the subject in translation (`LLM 에이전트` for
/// `Agent`): nothing to tell apart.
fn names_another(topic: &str, subject: &str) -> bool {
    if topic.chars().any(super::tables::is_hangul) {
        return false;
    }
    let key = letters_key(topic);
    if key.bytes().filter(u8::is_ascii_alphabetic).count() < 2 {
        return false;
    }
    !key.contains(subject) && !subject.contains(key.as_str()) && !abbreviates(subject, topic)
}

/// Whether `short` (as [`letters_key`]) abbreviates `name`: its first letter opens a word of
/// `name`, and its other letters follow in order (`ae` of `Autoencoder`, `dqn` of `Deep
/// Q-Network`).
pub(super) fn abbreviates(short: &str, name: &str) -> bool {
    let mut letters = short.chars();
    let Some(first) = letters.next() else {
        return false;
    };
    name.split([' ', '-', '/'])
        .enumerate()
        .filter(|(_, w)| {
            w.chars()
                .next()
                .is_some_and(|c| c.eq_ignore_ascii_case(&first))
        })
        .any(|(i, _)| {
            let rest: String = name
                .split([' ', '-', '/'])
                .skip(i)
                .collect::<Vec<_>>()
                .join(" ");
            let mut tail = letters_key(&rest)
                .chars()
                .skip(1)
                .collect::<Vec<_>>()
                .into_iter();
            letters.clone().all(|c| tail.any(|t| t == c))
        })
}

/// `name`'s ASCII letters and digits, lowercased: `Value-based` and `value based` alike.
pub(super) fn letters_key(name: &str) -> String {
    name.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// The words tip `r` shows outside what it hides.
fn shown_words(r: &RawCard) -> String {
    let front = &r.card.front;
    let mut shown = String::with_capacity(front.len());
    let mut at = 0;
    for d in &r.card.cloze {
        shown.push_str(front.get(at..d.range.start).unwrap_or(""));
        shown.push(' ');
        at = d.range.end;
    }
    shown.push_str(front.get(at..).unwrap_or(""));
    answer_words(&shown)
}

/// `word` without the particle of up to two Hangul syllables that [`same_word`] ignores
/// (at least its first character kept): what a word equal to it by that test contains.
fn stem(word: &str) -> &str {
    let mut end = word.len();
    for (at, c) in word.char_indices().rev().take(2) {
        if at == 0 || !super::tables::is_hangul(c) {
            break;
        }
        end = at;
    }
    &word[..end]
}

/// Cards before a tip, nearest first, that [`restated_tips`] compares it with.
const RESTATED_POOL: usize = 400;

/// The problem and topic a card is about: those it is shown under (its context, else its
/// path), but a table cell's subject for the topic. A comparison table is shown under the
/// problem, yet `WordPiece › 병합/선택 기준` is as much WordPiece's as its bullets are, and a
/// tip under WordPiece may only repeat it.
fn topic_of(r: &RawCard) -> (&str, &str) {
    match r.card.kind {
        CardKind::Table => (
            shown_under(r).0,
            r.card.front.split(" › ").next().unwrap_or(""),
        ),
        _ => shown_under(r),
    }
}

/// The problem and topic a card is shown under (its context, else its path).
fn shown_under(r: &RawCard) -> (&str, &str) {
    let path = r.card.context_path();
    (
        path.first().map_or("", String::as_str),
        path.get(1).map_or("", String::as_str),
    )
}

/// Tips per note up to which a tip's topic is found by comparing paths rather than by a map.
const FEW_TOPICS: usize = 16;

/// What [`repeats`] reads of a card: its facet label's words, its answer's words (asides
/// apart) and the words of each part its answer sets in bold.
#[derive(Clone)]
struct CardWords {
    label: String,
    answer: String,
    bold: Vec<String>,
}

impl CardWords {
    fn of(card: &crate::Card) -> Self {
        Self::read(&card.front, &card.back)
    }

    fn read(front: &str, back: &str) -> Self {
        CardWords {
            label: answer_words(front.rsplit('›').next().unwrap_or("")),
            answer: answer_words(&without_asides(back)),
            bold: bold_parts(back)
                .map(|b| answer_words(&without_asides(b)))
                .filter(|w| !w.is_empty())
                .collect(),
        }
    }
}

/// Whether a tip hiding `hidden` (its words, asides set apart) only repeats a card: every
/// hidden word is in the card's facet label or answer and they are at least half of what
/// the answer says (asides apart), or they are exactly the names the answer sets in bold
/// (`변형: Grad-CAM(gradient), Score-CAM(…)` beside a list of `**Grad-CAM**: …`,
/// `**Score-CAM**: …`).
fn repeats(hidden: &str, card: &CardWords) -> bool {
    let in_card = |w: &str| {
        card.label
            .split(' ')
            .chain(card.answer.split(' '))
            .any(|c| same_word(w, c))
    };
    let hidden_words: Vec<&str> = hidden.split(' ').collect();
    let said: Vec<&str> = card.answer.split(' ').filter(|w| !w.is_empty()).collect();
    let covered = said
        .iter()
        .filter(|a| hidden_words.iter().any(|h| same_word(h, a)))
        .count();
    if !said.is_empty() && hidden_words.iter().all(|w| in_card(w)) && covered * 2 >= said.len() {
        return true;
    }
    if card.bold.len() < 2 {
        return false;
    }
    let mut named: Vec<&str> = card.bold.iter().flat_map(|b| b.split(' ')).collect();
    let mut asked = hidden_words;
    named.sort_unstable();
    asked.sort_unstable();
    named == asked
}

/// The `<b>…</b>` parts of an answer.
fn bold_parts(html: &str) -> impl Iterator<Item = &str> {
    html.match_indices("<b>").filter_map(|(at, _)| {
        let from = at + 3;
        let len = html[from..].find("</b>")?;
        Some(&html[from..from + len])
    })
}

/// Two words that are one word, a Korean particle of up to two syllables aside (`방향` and
/// `방향으로`).
pub(super) fn same_word(a: &str, b: &str) -> bool {
    let glued = |long: &str, short: &str| {
        long.strip_prefix(short).is_some_and(|rest| {
            rest.chars().count() <= 2 && rest.chars().all(super::tables::is_hangul)
        })
    };
    !a.is_empty() && !b.is_empty() && (a == b || glued(a, b) || glued(b, a))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tip_repeats_a_card_that_answers_what_it_hides() {
        let card = CardWords::read;
        let hidden = answer_words("게이트 3개");
        assert!(repeats(
            &hidden,
            &card(
                "LSTM › 게이트 수",
                "3개 (입력 게이트, 망각 게이트, 출력 게이트)"
            )
        ));
        // Found in a longer answer that says much more: a fact of its own.
        assert!(!repeats(
            &answer_words("soft target"),
            &card(
                "Knowledge Distillation › 손실 함수",
                "(정답 라벨과의 Cross-Entropy) + (Teacher·Student soft target 사이의 KL divergence)"
            )
        ));
        let names = answer_words(&without_asides("Grad-CAM(gradient), Score-CAM(score 변화)"));
        assert!(repeats(
            &names,
            &card(
                "CAM › 변형 기법 예시",
                "<ul><li><b>Grad-CAM</b>: 구조 제약 없이 사용 가능</li><li><b>Score-CAM</b>: gradient 없이</li></ul>"
            )
        ));
        assert!(same_word("방향", "방향으로"));
        assert!(!same_word("방향", "방향성이라는"));
    }
}
