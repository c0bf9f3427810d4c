//! Protocol -> notedeck: positions (line, UTF-16 column) to byte offsets, URIs to paths, and
//! `didChange` edits applied to a buffer.
//!
//! Every position on the wire is (line, UTF-16 column); every span inside notedeck is a byte
//! range. All conversions go through [`notedeck_parse::LineIndex`] so that the parser, the
//! linter and the server agree on what "column 3" means in a line that starts with 📌.

use notedeck_parse::{LineIndex, Position as ParsePosition, Span};
use std::path::PathBuf;
use tower_lsp_server::ls_types::{Position, Range, TextDocumentContentChangeEvent, Uri};

use crate::to_proto::Text;

impl Text<'_> {
    /// Byte offset of an LSP position (clamped into the text).
    pub fn offset(&self, pos: Position) -> usize {
        self.lines.offset(
            self.text,
            ParsePosition {
                line: pos.line,
                character: pos.character,
            },
        )
    }

    /// Byte span of an LSP range; a reversed range is treated as empty at its start.
    pub fn span(&self, range: Range) -> Span {
        let start = self.offset(range.start);
        let end = self.offset(range.end).max(start);
        start..end
    }
}

/// The workspace key of a document URI: its file path, or the URI itself for buffers that are
/// not files (`untitled:Untitled-1`), so that those still get analysed.
pub fn uri_to_path(uri: &Uri) -> PathBuf {
    let is_file = uri.scheme().as_str().eq_ignore_ascii_case("file");
    match uri.to_file_path() {
        Some(path) if is_file => path.into_owned(),
        _ => PathBuf::from(uri.as_str()),
    }
}

/// One replacement made to a buffer, in byte offsets of the text *before* it was made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Replaced {
    /// Bytes that were replaced.
    pub span: Span,
    /// Length in bytes of the text that replaced them.
    pub new_len: usize,
}

/// Make room for `more` bytes in `text` with a little to spare rather than doubling it: the
/// buffer of a 20 MB document would otherwise take 40 MB at its first keystroke. The slack
/// (1/256 of the text, at least 4 KB) keeps a reallocation to once per many keystrokes.
fn reserve_modestly(text: &mut String, more: usize) {
    if text.capacity() - text.len() < more {
        text.reserve_exact(more + (text.len() / 256).max(4096));
    }
}

/// Apply `didChange` content changes to `text` in order (each range refers to the text as
/// left by the previous change, as the protocol says), in place. Returns the replacements
/// made, so that anything anchored to byte offsets (uncertain characters of a repair) can
/// follow.
pub fn apply_changes(
    text: &mut String,
    changes: Vec<TextDocumentContentChangeEvent>,
) -> Vec<Replaced> {
    let mut replaced = Vec::with_capacity(changes.len());
    for change in changes {
        match change.range {
            Some(range) => {
                let lines = LineIndex::new(text);
                let span = Text::new(text, &lines).span(range);
                reserve_modestly(text, change.text.len().saturating_sub(span.len()));
                text.replace_range(span.clone(), &change.text);
                replaced.push(Replaced {
                    span,
                    new_len: change.text.len(),
                });
            }
            None => {
                replaced.push(Replaced {
                    span: 0..text.len(),
                    new_len: change.text.len(),
                });
                *text = change.text;
            }
        }
    }
    replaced
}

/// Where `span` is after `edit`, or `None` if the edit touched it.
pub fn shift_span(span: &Span, edit: &Replaced) -> Option<Span> {
    if edit.span.end <= span.start {
        let start = span.start - edit.span.len() + edit.new_len;
        Some(start..start + span.len())
    } else if edit.span.start >= span.end {
        Some(span.clone())
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(sl: u32, sc: u32, el: u32, ec: u32, text: &str) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range: Some(Range::new(Position::new(sl, sc), Position::new(el, ec))),
            range_length: None,
            text: text.to_string(),
        }
    }

    fn apply(text: &str, changes: Vec<TextDocumentContentChangeEvent>) -> (String, Vec<Replaced>) {
        let mut text = text.to_string();
        let replaced = apply_changes(&mut text, changes);
        (text, replaced)
    }

    #[test]
    fn edits_after_an_emoji_count_it_as_two_units() {
        // From the notes: the tip marker is one char but two UTF-16 units.
        let text = "LoRA 정리\n📌 **암기 팁**\n";
        // Insert after "📌 " (2 units for the pin, 1 for the space).
        let (out, replaced) = apply(text, vec![change(1, 3, 1, 3, "새 ")]);
        assert_eq!(out, "LoRA 정리\n📌 새 **암기 팁**\n");
        let at = text.find("**").expect("marker");
        assert_eq!(
            replaced,
            vec![Replaced {
                span: at..at,
                new_len: "새 ".len()
            }]
        );
    }

    #[test]
    fn korean_syllables_are_one_unit_each_and_changes_apply_in_order() {
        let text = "- **사전 학습 목표**: 다음 토큰 예측\n";
        // Replace "다음" (columns 16..18) with "이전", then delete the leading "- ".
        let changes = vec![change(0, 16, 0, 18, "이전"), change(0, 0, 0, 2, "")];
        let (out, _) = apply(text, changes);
        assert_eq!(out, "**사전 학습 목표**: 이전 토큰 예측\n");
    }

    #[test]
    fn a_change_without_range_replaces_everything() {
        let (out, replaced) = apply(
            "낡은",
            vec![TextDocumentContentChangeEvent {
                range: None,
                range_length: None,
                text: "새".into(),
            }],
        );
        assert_eq!(out, "새");
        assert_eq!(
            replaced,
            vec![Replaced {
                span: 0.."낡은".len(),
                new_len: 3
            }]
        );
    }

    #[test]
    fn positions_past_the_end_clamp_instead_of_panicking() {
        let (out, _) = apply("가\n나", vec![change(7, 40, 9, 1, "다")]);
        assert_eq!(out, "가\n나다");
    }

    #[test]
    fn spans_follow_edits_before_them_and_vanish_when_touched() {
        let span = 10..13;
        let before = Replaced {
            span: 2..4,
            new_len: 5,
        };
        assert_eq!(shift_span(&span, &before), Some(13..16));
        let after = Replaced {
            span: 13..20,
            new_len: 0,
        };
        assert_eq!(shift_span(&span, &after), Some(10..13));
        let inside = Replaced {
            span: 11..12,
            new_len: 3,
        };
        assert_eq!(shift_span(&span, &inside), None);
        let typed_before = Replaced {
            span: 10..10,
            new_len: 3,
        };
        assert_eq!(shift_span(&span, &typed_before), Some(13..16));
    }
}
