//! One card per fact. Notes repeat a fact on purpose (bullets under a topic, then a
//! comparison table), so every card that asks "topic › facet" is keyed by the normalised pair,
//! across the whole document; of two cards with one key whose answers say the same (equal once
//! normalised, or one holding the other), only the fuller is kept. Different answers keep both
//! cards: whether they contradict each other is the checker's `conflicting-claim`.

use super::{Finish, RawCard};
use crate::{CardKind, Skipped};
use foldhash::{HashMap, HashMapExt};

/// A name as facts are keyed by: parenthetical asides, markup, separators and case removed, so
/// `LSTM (Long Short-Term Memory)` is `lstm` and `Level 0: Manual Process` is
/// `level0manualprocess`. A name that is all parenthesis keeps what is inside it. A `+`
/// closing a word stays: `DeepLab v3+` is not `DeepLab v3`.
pub fn name_key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    push_name_key(name, &mut out);
    out
}

/// [`name_key`] of an HTML fragment (a front's part): of its text without tags. A key is
/// letters, digits and a word's closing `+` only, so text without a tag is keyed as it is,
/// with no plain copy.
pub(super) fn html_key(html: &str) -> String {
    if html.contains('<') {
        name_key(&plain(html))
    } else {
        name_key(html)
    }
}

/// Where `part`, a slice of `text`, starts in it; `None` for a string that is no slice of it.
pub(super) fn offset_in(text: &str, part: &str) -> Option<usize> {
    let at = part.as_ptr().addr().checked_sub(text.as_ptr().addr())?;
    (at + part.len() <= text.len()).then_some(at)
}

/// Append [`name_key`] of `name` to `out`.
pub(super) fn push_name_key(name: &str, out: &mut String) {
    let start = out.len();
    push_alnum(name, true, out);
    if out.len() == start {
        push_alnum(name, false, out);
    }
}

/// Letters and digits of `name`, lowercased, those inside parentheses only when
/// `outside_parens` is false. Every card's label goes through here, so runs of what is copied
/// as it is (ASCII lowercase and digits, Hangul syllables) are copied in one piece and only
/// other non-ASCII characters are looked up in Unicode's tables.
fn push_alnum(name: &str, outside_parens: bool, out: &mut String) {
    let mut depth = 0usize;
    let mut run = 0;
    for (at, c) in name.char_indices() {
        let keep = !outside_parens || depth == 0;
        if keep && matches!(c, 'a'..='z' | '0'..='9' | '\u{AC00}'..='\u{D7A3}') {
            continue;
        }
        out.push_str(&name[run..at]);
        run = at + c.len_utf8();
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth = depth.saturating_sub(1),
            'A'..='Z' if keep => out.push(c.to_ascii_lowercase()),
            // `v3+` is another version than `v3` (a `+` closing a word; `Dice+CE` joins two).
            '+' if keep
                && name[..at]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
                && !name[at + 1..].starts_with(char::is_alphanumeric) =>
            {
                out.push('+');
            }
            _ if keep && !c.is_ascii() && c.is_alphanumeric() => out.extend(c.to_lowercase()),
            _ => {}
        }
    }
    out.push_str(&name[run..]);
}

/// Append the key of a facet name: [`name_key`], except that a name ending in an acronym in
/// parentheses is keyed by the acronym (`재학습(CT)` and `연속 학습(CT)` ask one thing).
pub(super) fn push_facet_key(name: &str, out: &mut String) {
    let t = name.trim_end();
    if let Some(inner) = t
        .strip_suffix([')', '）'])
        .and_then(|r| r.rfind(['(', '（']).map(|at| &r[at..]))
        .map(|r| r.trim_start_matches(['(', '（']).trim())
        && inner.len() >= 2
        && inner
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        && inner.bytes().any(|b| b.is_ascii_uppercase())
    {
        out.extend(inner.chars().map(|c| c.to_ascii_lowercase()));
        return;
    }
    // `적합한 상황` asks what `적합 상황` asks: an adjective's ending (`-한`, `-된`) on a Korean
    // word of three syllables or more is left out.
    fn stem(w: &str) -> Option<&str> {
        w.strip_suffix(['한', '된'])
            .filter(|_| w.chars().count() >= 3 && w.chars().all(super::tables::is_hangul))
    }
    // Most facet names have no such word: they are keyed as they are, with no copy.
    if !name.split_whitespace().any(|w| stem(w).is_some()) {
        push_facet_words(name, out);
        return;
    }
    let bare: Vec<&str> = name
        .split_whitespace()
        .map(|w| stem(w).unwrap_or(w))
        .collect();
    push_facet_words(&bare.join(" "), out);
}

/// The word a facet word is keyed as, if it has one of the same meaning in the other
/// language the notes mix, or another spelling: a table row `한계` under a topic whose bullets
/// already ask `Challenges` asks that again (`주요 목적` and `Goal`, `학습 방식` and `사전
/// 학습 방법` likewise, by their shorter wordings). Every card's facet words are looked up
/// here: one `match` on the lowercased word, no allocation.
fn facet_synonym(word: &str) -> Option<&'static str> {
    let w = word.trim_matches(|c: char| c.is_ascii_punctuation());
    if !(4..=15).contains(&w.len()) {
        return None;
    }
    let mut buf = [0u8; 15];
    let lower = if w.is_ascii() {
        let b = &mut buf[..w.len()];
        b.copy_from_slice(w.as_bytes());
        b.make_ascii_lowercase();
        std::str::from_utf8(b).ok()?
    } else {
        w
    };
    Some(match lower {
        "목적" | "목표" | "goal" | "goals" | "purpose" => "goal",
        // A summary table's `단점` asks what a section's `한계` bullet says, and the other way
        // round: the notes use the two words for one facet.
        "한계" | "한계점" | "limitation" | "limitations" | "challenge" | "challenges" | "단점"
        | "약점" | "disadvantage" | "disadvantages" | "cons" | "weakness" | "weaknesses" => {
            "limits"
        }
        "장점" | "이점" | "강점" | "advantage" | "advantages" | "pros" | "benefit" | "benefits"
        | "strength" | "strengths" => "advantages",
        "검증" | "validation" => "validation",
        "구조" | "architecture" | "structure" => "structure",
        "정의" | "definition" => "definition",
        "특징" | "characteristics" => "characteristics",
        "원리" | "principle" | "principles" => "principle",
        "예시" | "example" | "examples" => "examples",
        "방법" | "방식" | "method" | "methods" => "method",
        _ => return None,
    })
}

/// Append the key of a facet name's words: [`name_key`], each word with a synonym keyed as
/// that synonym. A name with a parenthesis is keyed as it is (its aside spans words).
pub(super) fn push_facet_words(name: &str, out: &mut String) {
    if name.contains(['(', '（']) {
        push_name_key(name, out);
        return;
    }
    // Without parentheses a name's key is its words' keys laid end to end.
    for w in name.split_whitespace() {
        push_facet_word(w, out);
    }
}

/// Append the key of one facet word: its synonym ([`facet_synonym`]), else its
/// [`name_key`].
fn push_facet_word(word: &str, out: &mut String) {
    match facet_synonym(word) {
        Some(to) => out.push_str(to),
        None => push_name_key(word, out),
    }
}

/// Shorter wordings of a question whose last facet is `name` (after the facets `facets` of
/// the topic `topic`): every run of its words from either end (`운영 모니터링` → `운영`,
/// `모니터링`; `프로세스 방식` → `프로세스`, `방식`), hashed as [`fact_hash`] hashes the
/// question. A run must be two syllables or three letters at least. Empty for a one-word name.
pub(super) fn near_keys(topic: &str, facets: &str, name: &str) -> Vec<u64> {
    let name = name.split(['(', '（']).next().unwrap_or(name);
    // Most labels are one word: they are told apart before anything is collected.
    if topic.is_empty() || name.split_whitespace().nth(1).is_none() {
        return Vec::new();
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    let mut out = Vec::with_capacity(2 * (words.len() - 1));
    let mut key = String::with_capacity(facets.len() + name.len() + 1);
    for k in 1..words.len() {
        for part in [&words[..k], &words[k..]] {
            // `성장 방식` is no `방식`: a generic word alone asks nothing of what its
            // qualifier named (`XGBoost › 방법` in a table of categorical handling is
            // another question).
            if let [only] = part
                && is_generic_word(only)
            {
                continue;
            }
            key.clear();
            key.push_str(facets);
            key.push('\x1f');
            let start = key.len();
            for w in part {
                push_facet_word(w, &mut key);
            }
            let run = &key[start..];
            let n = run.chars().count();
            let long = n >= 3 || (!run.is_ascii() && n >= 2);
            if long {
                out.push(fact_hash(topic, &key));
            }
        }
    }
    out
}

/// A word saying only what kind of answer a question wants (`방식`, `종류`, `기준`), which a
/// qualifier before it (`성장 방식`) gives its subject.
fn is_generic_word(word: &str) -> bool {
    const GENERIC: [&str; 12] = [
        "방식", "방법", "종류", "유형", "기준", "개요", "차이", "비교", "정도", "여부", "way",
        "type",
    ];
    GENERIC.iter().any(|g| g.eq_ignore_ascii_case(word.trim()))
}

/// The questions each acronym of a table cell's pair asks (`CI/CD` → `CI`, `CD`), keyed as
/// [`near_keys`] keys shorter wordings, for a pair whose answer is that there is none: `Level 0 › CI/CD` →
/// `없음` already answers `Level 0 › CI (지속적 통합)` → `X`. (A pair with something to say
/// says less than its parts' own cells: `Level 1 › CI/CD` → `일부 자동화 가능` beside `CI` →
/// `거의 없음`.) Empty for anything else.
pub(super) fn acronym_parts(topic: &str, name: &str, answer: &str) -> Vec<u64> {
    let name = name.split(['(', '（']).next().unwrap_or(name).trim();
    let is_acronym = |p: &str| p.len() >= 2 && p.bytes().all(|b| b.is_ascii_uppercase());
    let none = matches!(
        answer.trim().trim_end_matches('.'),
        "없음" | "X" | "x" | "✗" | "❌" | "-" | "—" | "None" | "none" | "N/A"
    );
    if topic.is_empty() || !none || !name.contains('/') || !name.split('/').all(is_acronym) {
        return Vec::new();
    }
    name.split('/')
        .map(|p| {
            // A table cell's question has no facets before its column.
            let mut key = String::with_capacity(p.len() + 1);
            key.push('\x1f');
            key.extend(p.chars().map(|c| c.to_ascii_lowercase()));
            fact_hash(topic, &key)
        })
        .collect()
}

/// The key of a fact: the topic's [`name_key`], then each facet's (a facet section's title,
/// a bullet's label, a table column), hashed. Facet keys in `facets` each start with `\x1f`.
pub(super) fn fact_hash(topic: &str, facets: &str) -> u64 {
    // FNV-1a: keys are short and only meet within one note, and SipHash's setup cost more
    // than the rest of keying a card.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in topic.bytes().chain([0x1e]).chain(facets.bytes()) {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// An answer as answers are compared: the words of its text (HTML tags dropped), lowercased,
/// one space apart. Images are not words: an image-only answer has none.
pub(super) fn answer_words(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    let mut gap = false;
    while let Some(c) = rest.chars().next() {
        if c == '<' {
            let end = rest.find('>').map_or(rest.len(), |i| i + 1);
            // Inline markup sits inside words (`<b>Encoder</b>만`); anything else parts them.
            let name = rest[..end]
                .trim_start_matches(['<', '/'])
                .split(|c: char| !c.is_ascii_alphanumeric())
                .next()
                .unwrap_or("");
            if !INLINE_TAGS.contains(&name) {
                gap = true;
            }
            rest = &rest[end..];
            continue;
        }
        if matches!(c, 'a'..='z' | '0'..='9' | '\u{AC00}'..='\u{D7A3}') || c.is_alphanumeric() {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else if ('\u{AC00}'..='\u{D7A3}').contains(&c) {
                out.push(c);
            } else {
                out.extend(c.to_lowercase());
            }
        } else {
            gap = true;
        }
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// The `<img …>` tags of an answer, in order.
fn image_tags(html: &str) -> impl Iterator<Item = &str> {
    html.match_indices("<img").filter_map(|(at, _)| {
        let end = html[at..].find('>')?;
        Some(&html[at..=at + end])
    })
}

/// HTML elements that do not separate the words around them.
const INLINE_TAGS: [&str; 13] = [
    "b", "i", "em", "strong", "code", "sub", "sup", "span", "a", "s", "del", "u", "mark",
];

/// Whether `short` says nothing `long` does not: no words at all (an image, which the card
/// kept takes over), equal, or found in it starting at a word and ending at a word's end or
/// before a Korean particle glued to it (`encoder` in `encoder만`).
fn says_no_more(short: &str, long: &str) -> bool {
    if short.is_empty() {
        return true;
    }
    if short.len() > long.len() {
        return false;
    }
    long.match_indices(short).any(|(at, _)| {
        let starts_word = at == 0 || long[..at].ends_with(' ');
        let after = long[at + short.len()..].chars().next();
        let ends_word = after.is_none_or(|c| c == ' ' || super::tables::is_hangul(c));
        starts_word && ends_word
    })
}

/// Answer HTML without its parenthesised asides (outside tags).
pub(super) fn without_asides(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let (mut depth, mut in_tag) = (0usize, false);
    for c in html.chars() {
        match c {
            '<' if depth == 0 => {
                in_tag = true;
                out.push(c);
            }
            '>' if in_tag => {
                in_tag = false;
                out.push(c);
            }
            '(' if !in_tag => depth += 1,
            ')' if !in_tag && depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

impl Finish {
    /// A table cell asking an earlier card's question in fewer or more words (`Level 0 –
    /// Manual Process › 운영 모니터링` after `Level 0: Manual Process › 모니터링`, `BART › 구조`
    /// after `BART › 구조 개요`) asks it again: the first wording is the one learnt.
    fn merge_near_questions(
        &self,
        raw: &[RawCard],
        merged_into: &mut [Option<usize>],
        held: &[bool],
        reworded: &mut [bool],
    ) {
        let standing =
            |merged_into: &[Option<usize>], i: usize| merged_into[i].is_none() && !held[i];
        // The first card (in the note) asking each question, and each shorter wording.
        let mut first: HashMap<u64, usize> = HashMap::new();
        let mut shorter: HashMap<u64, usize> = HashMap::new();
        let earlier = |a: usize, b: usize| raw[a].card.span.start < raw[b].card.span.start;
        for (i, r) in raw.iter().enumerate() {
            if !standing(merged_into, i) {
                continue;
            }
            if let Some(f) = r.fact {
                let e = first.entry(f).or_insert(i);
                if earlier(i, *e) {
                    *e = i;
                }
            }
            for &n in &r.near {
                let e = shorter.entry(n).or_insert(i);
                if earlier(i, *e) {
                    *e = i;
                }
            }
        }
        for (i, r) in raw.iter().enumerate() {
            if r.card.kind != CardKind::Table || !standing(merged_into, i) {
                continue;
            }
            let Some(f) = r.fact else { continue };
            let before = r
                .near
                .iter()
                .filter_map(|n| first.get(n))
                .chain(shorter.get(&f))
                .copied()
                .filter(|&k| k != i && earlier(k, i) && merged_into[k].is_none())
                .min_by_key(|&k| raw[k].card.span.start);
            if let Some(k) = before {
                merged_into[i] = Some(k);
                reworded[i] = true;
            }
        }
    }
}

/// Two answers that open with a count of the same thing and differ in it: `3 개 입력 …`
/// against `2 개` (as [`answer_words`] spells them); or with opposite flags, `true …` against
/// `false`.
fn counts_differ(a: &str, b: &str) -> bool {
    let flag = super::claims::flag_value;
    if let (Some(x), Some(y)) = (flag(a), flag(b)) {
        return x != y;
    }
    fn count(words: &str) -> Option<(&str, &str)> {
        let first = words.split(' ').next()?;
        let digits = first.len() - first.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if digits == 0 {
            return None;
        }
        let unit = &first[digits..];
        // A bare number: its unit, if any, is the next word (`3 개`).
        let unit = if unit.is_empty() {
            words.split(' ').nth(1).unwrap_or("")
        } else {
            unit
        };
        (!unit.is_empty() && unit.chars().count() <= 3).then_some((&first[..digits], unit))
    }
    matches!((count(a), count(b)), (Some((na, ua)), Some((nb, ub))) if ua == ub && na != nb)
}

impl Finish {
    /// Drop every card whose answer another card of the same fact already gives (the fuller of
    /// two is kept, the first when they are equal). Runs after ids are assigned, so a merge
    /// never renumbers the keys of the cards that stay.
    pub(super) fn merge_same_facts(&mut self, raw: &mut Vec<RawCard>) {
        // (fact, card) sorted: the cards of one fact are a run, in source order. One vector
        // rather than a map of vectors: every card of a vault goes through here.
        let mut facts: Vec<(u64, usize)> = raw
            .iter()
            .enumerate()
            .filter_map(|(i, r)| Some((r.fact?, i)))
            .collect();
        facts.sort_unstable();
        let near = raw
            .iter()
            .any(|r| r.card.kind == CardKind::Table && !r.near.is_empty());
        if facts.windows(2).all(|w| w[0].0 != w[1].0) && !near {
            return;
        }
        let mut merged_into: Vec<Option<usize>> = vec![None; raw.len()];
        let mut contradicts: Vec<(usize, usize)> = Vec::new();
        // Table cells merged into an earlier card of their fact that words it differently.
        let mut reworded_cards = vec![false; raw.len()];
        for group in facts.chunk_by(|a, b| a.0 == b.0).filter(|g| g.len() > 1) {
            // The cards of the group still standing, with their answers' words.
            let mut kept: Vec<(usize, String)> = Vec::new();
            // The same answers without their asides: `이동 평균(running mean/var) 사용` holds
            // `이동 평균 사용` once the aside is set apart.
            let mut bare: Vec<String> = Vec::new();
            for &(_, i) in group {
                let words = answer_words(&raw[i].card.back);
                let plain = answer_words(&without_asides(&raw[i].card.back));
                let same = kept.iter().zip(&bare).position(|((_, k), kb)| {
                    says_no_more(&words, k)
                        || says_no_more(k, &words)
                        || (!plain.is_empty()
                            && !kb.is_empty()
                            && (says_no_more(&plain, kb) || says_no_more(kb, &plain)))
                });
                // A table cell that counts differently from a card before it (`3개 (…)` in
                // the topic's bullets, `2개` in a table under another topic) would teach both:
                // the checker reports the conflict, and the cell waits for it to be settled.
                let against = (same.is_none() && raw[i].card.kind == CardKind::Table)
                    .then(|| {
                        kept.iter()
                            .find(|(_, k)| counts_differ(&words, k))
                            .map(|&(k, _)| k)
                    })
                    .flatten();
                if let Some(k) = against {
                    contradicts.push((i, k));
                    continue;
                }
                // A table cell asking what a card before it asks says it again, however it
                // words it (`Level 0 – Manual Process › 배포 단위` after `Level 0: Manual
                // Process › 배포 단위`): the first wording is the one learnt.
                let reworded =
                    same.is_none() && raw[i].card.kind == CardKind::Table && !kept.is_empty();
                let same = same.or(reworded.then_some(0));
                if reworded {
                    reworded_cards[i] = true;
                }
                match same {
                    Some(p) if !reworded && words.len() > kept[p].1.len() => {
                        merged_into[kept[p].0] = Some(i);
                        kept[p] = (i, words);
                        bare[p] = plain;
                    }
                    Some(p) => merged_into[i] = Some(kept[p].0),
                    None => {
                        kept.push((i, words));
                        bare.push(plain);
                    }
                }
            }
        }
        if near {
            // Cells held back by a contradiction stay out of it.
            let mut held = vec![false; raw.len()];
            for &(i, _) in &contradicts {
                held[i] = true;
            }
            self.merge_near_questions(raw, &mut merged_into, &held, &mut reworded_cards);
        }
        // A card merged into one that was merged in turn names the card that stays.
        let last = |mut i: usize| {
            while let Some(j) = merged_into[i] {
                i = j;
            }
            i
        };
        for i in 0..raw.len() {
            if merged_into[i].is_none() {
                continue;
            }
            let k = last(i);
            // The words are the kept card's; an image only the other card shows moves over.
            let moved: Vec<(String, crate::ImageRef)> = raw[i]
                .card
                .images
                .iter()
                .filter(|im| !raw[k].card.images.iter().any(|have| have.url == im.url))
                .filter_map(|im| {
                    let mut src = String::new();
                    crate::math::escape_html(&im.url, &mut src);
                    let tag = image_tags(&raw[i].card.back).find(|t| t.contains(&src))?;
                    Some((tag.to_string(), im.clone()))
                })
                .collect();
            for (tag, image) in moved {
                let kept = &mut raw[k].card;
                kept.back.push_str("<br>");
                kept.back.push_str(&tag);
                let mut all = std::mem::take(&mut kept.images).into_vec();
                all.push(image);
                kept.images = all.into_boxed_slice();
            }
            if !self.keep_skipped {
                continue;
            }
            let kept = &raw[k].card;
            let gone = &raw[i].card;
            let reason = if reworded_cards[i] {
                format!(
                    "asks what the card on line {} asks ({}) in other words; the first wording \
                     is kept",
                    kept.line,
                    plain(&kept.front),
                )
            } else {
                format!(
                    "asks what the card on line {} asks ({}), whose answer holds this one{}; \
                     that card is kept",
                    kept.line,
                    plain(&kept.front),
                    if gone.images.is_empty() {
                        ""
                    } else {
                        " (with its image)"
                    }
                )
            };
            self.doc.skipped.push(Skipped {
                line: gone.line,
                span: gone.span.clone(),
                reason,
            });
        }
        let mut gone = vec![false; raw.len()];
        for &(i, k) in &contradicts {
            gone[i] = true;
            if !self.keep_skipped {
                continue;
            }
            let reason = format!(
                "says {} where the card on line {} ({}) says {}: lint reports the conflict \
                 (conflicting-claim); settle it and the card comes back",
                plain(&raw[i].card.back),
                raw[k].card.line,
                plain(&raw[k].card.front),
                plain(&raw[k].card.back),
            );
            self.doc.skipped.push(Skipped {
                line: raw[i].card.line,
                span: raw[i].card.span.clone(),
                reason,
            });
        }
        let mut i = 0;
        raw.retain(|_| {
            i += 1;
            merged_into[i - 1].is_none() && !gone[i - 1]
        });
    }
}

/// A front as a message quotes it: tags dropped, whitespace collapsed.
pub(super) fn plain(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if in_tag => {}
            _ => out.push(c),
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_lose_asides_separators_and_case() {
        assert_eq!(name_key("LSTM (Long Short-Term Memory)"), "lstm");
        assert_eq!(
            name_key("Level 0: Manual Process"),
            name_key("**Level 0** – Manual Process")
        );
        assert_eq!(name_key("데이터·모델 검증"), "데이터모델검증");
        assert_eq!(name_key("(옵션)"), "옵션");
        let facet = |n: &str| {
            let mut k = String::new();
            push_facet_key(n, &mut k);
            k
        };
        assert_eq!(facet("재학습(CT)"), facet("연속 학습(CT)"));
        assert_eq!(facet("CI (지속적 통합)"), "ci");
        assert_eq!(facet("원리 (CAM, 원래 방식)"), "원리");
        assert_eq!(facet("적합한 상황"), facet("적합 상황"));
        assert_eq!(facet("CI (지속적 통합)"), facet("CI (지속적 통합한)"));
        // Two syllables are a word of their own (`제한`, `무한`), not an ending.
        assert_eq!(facet("제한 조건"), "제한조건");
        // One facet in either language, or in another word of one meaning.
        assert_eq!(facet("한계"), facet("Challenges"));
        assert_eq!(facet("장점"), facet("Benefits"));
        assert_eq!(facet("학습 방식"), facet("학습 방법"));
        assert_ne!(facet("장점"), facet("단점"));
        assert_eq!(facet("약점"), facet("단점"));
        assert_eq!(facet("단점"), facet("한계"));
        assert_eq!(facet("강점"), facet("Strengths"));
        assert_eq!(facet("프로세스"), "프로세스");
    }

    #[test]
    fn counts_of_the_same_thing_differ() {
        assert!(counts_differ(
            &answer_words("2개"),
            &answer_words("3개 (입력, 망각, 출력 게이트)")
        ));
        assert!(!counts_differ(
            &answer_words("2개"),
            &answer_words("2개 (리셋, 업데이트)")
        ));
        assert!(!counts_differ(&answer_words("2장"), &answer_words("3개")));
        assert!(!counts_differ(&answer_words("없음"), &answer_words("3개")));
    }

    #[test]
    fn answers_held_in_another_say_no_more() {
        let long = answer_words("Transformer <b>Encoder</b>만 사용 (양방향 문맥 학습)");
        assert_eq!(long, "transformer encoder만 사용 양방향 문맥 학습");
        assert_eq!(answer_words("<ul><li>a</li><li>b</li></ul>"), "a b");
        assert!(says_no_more(&answer_words("Encoder만"), &long));
        assert!(says_no_more(&answer_words("encoder"), &long));
        assert!(!says_no_more(&answer_words("coder"), &long));
        assert!(!says_no_more(&answer_words("X"), &answer_words("Linux")));
        assert!(says_no_more(
            &answer_words("수동"),
            &answer_words("수동, 제한적")
        ));
        assert!(!says_no_more(
            &answer_words("모델 배포 자동화만"),
            &answer_words("모델 배포 일부 자동화")
        ));
        assert!(says_no_more(
            &answer_words("<p><img src=\"a.png\"></p>"),
            "gradient"
        ));
    }
}
