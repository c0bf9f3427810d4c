//! What the fragment tests share: a fragment parsed as it sits in the notes, and the cards
//! and outline it gives as plain lines.

#![allow(dead_code)]

use notedeck_anki::spell;
use notedeck_parse::{Card, Document, SectionKind, parse};

/// The NLP notes' metric comparison table, cut to two metrics: BLEU's and Perplexity's
/// criteria and good directions, which their bullets say in parts.
pub const METRICS_TABLE: &str = "| 지표 | 기준 | 좋은 방향 |
| --- | --- | --- |
| **BLEU** | n-gram **precision** + BP | 높을수록 |
| **Perplexity** | 평균 음의 로그우도의 exp | **낮을수록** |
";

/// Assert that some block of `d` was not carded for a reason `why` accepts; the list of
/// skipped blocks is the message otherwise.
pub fn assert_skipped(d: &Document, why: impl Fn(&str) -> bool) {
    assert!(
        d.skipped.iter().any(|s| why(&s.reason)),
        "no such reason among {:#?}",
        d.skipped
    );
}

/// Assert that no card of `d` asks any of the fronts `gone` (as Anki shows them) and that
/// a card asks each of `kept`; every front is the message otherwise.
pub fn assert_fronts(d: &Document, gone: &[&str], kept: &[&str]) {
    let fronts: Vec<String> = d.cards.iter().map(anki_front).collect();
    for g in gone {
        assert!(!fronts.iter().any(|f| f == g), "{g} is carded: {fronts:#?}");
    }
    for k in kept {
        assert!(
            fronts.iter().any(|f| f == k),
            "{k} is not carded: {fronts:#?}"
        );
    }
}

/// Assert that no card's front (as Anki shows it) holds any of `gone` and that some card's
/// front holds each of `kept`; every front is the message otherwise.
pub fn assert_fronts_holding(d: &Document, gone: &[&str], kept: &[&str]) {
    let fronts: Vec<String> = d.cards.iter().map(anki_front).collect();
    for g in gone {
        assert!(
            !fronts.iter().any(|f| f.contains(g)),
            "{g} is asked: {fronts:#?}"
        );
    }
    for k in kept {
        assert!(
            fronts.iter().any(|f| f.contains(k)),
            "{k} is not asked: {fronts:#?}"
        );
    }
}

/// The (front, key) of every card of `kind`: what a card asks, beside the key its id comes
/// from.
pub fn fronts_and_keys(d: &Document, kind: notedeck_parse::CardKind) -> Vec<(&str, &str)> {
    d.cards
        .iter()
        .filter(|c| c.kind == kind)
        .map(|c| (c.front.as_str(), c.key.as_str()))
        .collect()
}

/// Parse `body` as it appears in the notes: under the title and a problem heading.
pub fn doc(body: &str) -> Document {
    parse(
        &format!("# 역량평가 정리\n\n### 문제9\n\n{body}"),
        "fallback",
    )
}

/// The front as the deck gets it: cloze deletions spelled for Anki.
pub fn anki_front(c: &Card) -> String {
    spell::cloze_text(
        &c.front,
        c.cloze.iter().map(|d| (d.number, d.range.clone())),
    )
}

/// The card whose front is `front`; the listing in the panic when there is none.
pub fn card_with_front<'d>(d: &'d Document, front: &str) -> &'d Card {
    d.cards
        .iter()
        .find(|c| c.front == front)
        .unwrap_or_else(|| panic!("no card {front}: {:#?}", cards(d)))
}

/// The back of the card whose front is `front` ([`card_with_front`]).
pub fn back_of(d: &Document, front: &str) -> String {
    card_with_front(d, front).back.clone()
}

/// The back of the card whose front holds `part` (an exam's choice asked true or false);
/// the listing in the panic when there is none.
pub fn back_holding(d: &Document, part: &str) -> String {
    d.cards
        .iter()
        .find(|c| c.front.contains(part))
        .map(|c| c.back.clone())
        .unwrap_or_else(|| panic!("no card holds {part}: {:#?}", cards(d)))
}

/// The fronts of the cloze cards, spelled for Anki.
pub fn cloze_fronts(d: &Document) -> Vec<String> {
    d.cards
        .iter()
        .filter(|c| c.kind == notedeck_parse::CardKind::Cloze)
        .map(anki_front)
        .collect()
}

pub fn cards(d: &Document) -> Vec<String> {
    d.cards
        .iter()
        .map(|c| {
            format!(
                "{} | {} | {} => {}",
                format!("{:?}", c.kind).to_lowercase(),
                c.deck.join("::"),
                anki_front(c),
                c.back
            )
        })
        .collect()
}

pub fn outline(d: &Document) -> Vec<String> {
    d.sections
        .iter()
        .map(|s| {
            let kind = match s.kind {
                SectionKind::Title => "title",
                SectionKind::Problem => "problem",
                SectionKind::Topic => "topic",
                SectionKind::Facet => "facet",
            };
            let parent = s
                .parent
                .map_or(String::new(), |p| format!(" < {}", d.sections[p].title));
            format!("{kind}: {}{parent}", s.title)
        })
        .collect()
}

/// The lines of the blocks `d` skipped with a reason containing `reason`, in order.
pub fn skipped_lines(d: &Document, reason: &str) -> Vec<usize> {
    d.skipped
        .iter()
        .filter(|s| s.reason.contains(reason))
        .map(|s| s.line)
        .collect()
}

/// What the first cloze card of `d` is shown under (its Context), `None` when it is shown
/// under its own heading path.
pub fn first_cloze_context(d: &Document) -> Option<String> {
    d.cards
        .iter()
        .find(|c| c.kind == notedeck_parse::CardKind::Cloze)
        .expect("a cloze card")
        .context
        .as_deref()
        .map(|p| p.join(" › "))
}
