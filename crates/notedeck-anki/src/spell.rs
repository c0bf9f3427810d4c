//! How note content is spelled for Anki: cloze deletions in a note's text, and tags. The
//! parser describes both plainly (hidden byte ranges, tag names); this is the one place that
//! writes them the way Anki reads them.

use std::ops::Range;

/// `html` with each deletion, given as (number, byte range of `html`), written
/// `{{cN::…}}`. Inside a deletion a `}}` in the text would end it early, so it is written
/// `} }`, and a deletion ending on `}` gets a space before its close; HTML tags there (an image source, a link target) are kept as they are. Ranges are
/// expected in order and apart; one that is not (or not on character boundaries) is left
/// unmarked rather than garbling the text.
pub fn cloze_text(html: &str, deletions: impl IntoIterator<Item = (u32, Range<usize>)>) -> String {
    let mut out = String::with_capacity(html.len() + 16);
    let mut pos = 0;
    for (number, range) in deletions {
        let (Some(before), Some(hidden)) = (html.get(pos..range.start), html.get(range.clone()))
        else {
            continue;
        };
        out.push_str(before);
        out.push_str("{{c");
        out.push_str(&number.to_string());
        out.push_str("::");
        push_hidden(hidden, &mut out);
        // `{{c1::결과는 {A, B}}}`: Anki would end the deletion at the first `}}`, leaving a
        // `}` behind; a space keeps the text's brace in.
        if out.ends_with('}') {
            out.push(' ');
        }
        out.push_str("}}");
        pos = range.end;
    }
    out.push_str(html.get(pos..).unwrap_or_default());
    out
}

/// The text of a deletion, with `}}` outside tags broken up.
fn push_hidden(hidden: &str, out: &mut String) {
    let mut rest = hidden;
    while !rest.is_empty() {
        let text_end = rest.find('<').unwrap_or(rest.len());
        let text = &rest[..text_end];
        if text.contains("}}") {
            out.push_str(&text.replace("}}", "} }"));
        } else {
            out.push_str(text);
        }
        rest = &rest[text_end..];
        let tag_end = rest.find('>').map_or(rest.len(), |i| i + 1);
        out.push_str(&rest[..tag_end]);
        rest = &rest[tag_end..];
    }
}

/// The Anki tag for a name: no spaces (Anki separates tags by them), no `"`, and no `::`
/// (Anki's hierarchy separator): `문제 9` → `문제_9`.
pub fn tag(name: &str) -> String {
    // One buffer: words joined by `_`, quotes dropped; `::` is rare enough to fix afterwards.
    let mut out = String::with_capacity(name.len());
    for (i, word) in name.split_whitespace().enumerate() {
        if i > 0 {
            out.push('_');
        }
        out.extend(word.chars().filter(|&c| c != '"'));
    }
    if out.contains("::") {
        out = out.replace("::", ":");
    }
    out
}

/// The Anki tags for `names`, in order, leaving out names that spell to nothing (`"`).
pub fn tags<S: AsRef<str>>(names: &[S]) -> Vec<String> {
    names
        .iter()
        .map(|n| tag(n.as_ref()))
        .filter(|t| !t.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deletions_are_numbered_and_cannot_be_closed_by_their_text() {
        let html = "손실 = \\(L = -\\sum_{i}{y_{i}}\\)";
        let start = html.find('\\').unwrap_or_default();
        assert_eq!(
            cloze_text(html, [(1, start..html.len())]),
            "손실 = {{c1::\\(L = -\\sum_{i}{y_{i} }\\)}}"
        );
        let html = "<b>A</b> = x, y";
        assert_eq!(
            cloze_text(html, [(1, 11..12), (2, 14..15)]),
            "<b>A</b> = {{c1::x}}, {{c2::y}}"
        );
        // Tags inside a deletion are kept whole; an empty deletion stays a deletion.
        let html = "<a href=\"a}}b\">}}</a>";
        assert_eq!(
            cloze_text(html, [(1, 0..html.len()), (2, html.len()..html.len())]),
            "{{c1::<a href=\"a}}b\">} }</a>}}{{c2::}}"
        );
    }

    #[test]
    fn a_deletion_ending_on_a_brace_keeps_it() {
        // `{{c1::결과는 똑같이 {A, B}}}`: Anki ends the deletion at the first `}}`, and a
        // stray `}` showed after it.
        let html = "B는 유지 → 결과는 똑같이 {A, B}";
        let start = html.find('결').unwrap_or_default();
        assert_eq!(
            cloze_text(html, [(1, start..html.len())]),
            "B는 유지 → {{c1::결과는 똑같이 {A, B} }}"
        );
    }

    #[test]
    fn deletions_off_character_boundaries_are_left_unmarked() {
        assert_eq!(cloze_text("가나", [(1, 1..3)]), "가나");
        assert_eq!(cloze_text("ab", [(1, 1..2), (2, 0..1)]), "a{{c1::b}}");
    }

    #[test]
    fn tags_have_no_spaces_quotes_or_hierarchy() {
        assert_eq!(tags(&["문제 9", "BERT"]), ["문제_9", "BERT"]);
        assert_eq!(tag("  Score  \"CAM\" "), "Score_CAM");
        assert_eq!(tag("a::b"), "a:b");
        assert_eq!(tags(&["\"", "x y"]), ["x_y"]);
    }
}
