//! Byte offsets <-> (line, UTF-16 column) positions, as the LSP and the lint JSON use them.

use serde::Serialize;

/// A 0-based line and a 0-based column counted in UTF-16 code units (LSP's default).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Position {
    /// 0-based line.
    pub line: u32,
    /// 0-based column in UTF-16 code units.
    pub character: u32,
}

/// Line starts of one text, for converting offsets both ways in O(log n).
#[derive(Debug, Clone)]
pub struct LineIndex {
    /// Line starts as `u32`: every note a workspace holds keeps its index, and on a vault
    /// of ten thousand notes `usize` starts were twice the memory for nothing.
    starts: Vec<u32>,
    /// The line starts of a text of 4 GiB or more, which `starts` cannot hold; empty
    /// otherwise.
    wide: Vec<usize>,
}

impl LineIndex {
    /// Index the line starts of `text`. `\n`, `\r\n` and a lone `\r` (old Mac files) each end
    /// a line, as in CommonMark and LSP; the line ending belongs to the line it ends.
    pub fn new(text: &str) -> Self {
        if u32::try_from(text.len()).is_err() {
            let mut wide = Vec::new();
            each_line_start(text, |at| wide.push(at));
            return LineIndex {
                starts: Vec::new(),
                wide,
            };
        }
        let bytes = text.as_bytes();
        let mut starts = if memchr::memchr(b'\r', bytes).is_none() {
            // The usual case. Every note is indexed when it is parsed: the lines are counted
            // first (a loop the compiler vectorises) so the vector is allocated once.
            // Byte-wide counters over chunks that cannot overflow one: 32 bytes a step.
            let count: usize = bytes
                .chunks(255)
                .map(|c| usize::from(c.iter().fold(0u8, |n, &b| n + u8::from(b == b'\n'))))
                .sum();
            Vec::with_capacity(count + 1)
        } else {
            Vec::new()
        };
        // Every start is at most the text's length, which fits.
        each_line_start(text, |at| starts.push(at as u32));
        LineIndex {
            starts,
            wide: Vec::new(),
        }
    }

    /// Where 0-based `line` starts, if the text has that line.
    fn start(&self, line: usize) -> Option<usize> {
        if self.wide.is_empty() {
            self.starts.get(line).map(|&s| s as usize)
        } else {
            self.wide.get(line).copied()
        }
    }

    /// 0-based line containing byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        let found = if self.wide.is_empty() {
            match u32::try_from(offset) {
                Ok(offset) => self.starts.binary_search(&offset),
                Err(_) => Err(self.starts.len()),
            }
        } else {
            self.wide.binary_search(&offset)
        };
        match found {
            Ok(i) => i,
            Err(i) => i - 1,
        }
    }

    /// Byte offset where 0-based `line` starts (clamped to the last line).
    pub fn line_start(&self, line: usize) -> usize {
        self.start(line.min(self.line_count() - 1)).unwrap_or(0)
    }

    /// Number of lines.
    pub fn line_count(&self) -> usize {
        self.starts.len().max(self.wide.len())
    }

    /// Position of byte `offset` in `text` (which must be the text this index was built from).
    /// Offsets inside a character or past the end are clamped.
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.line_of(offset);
        let start = self.line_start(line);
        let character = text[start..offset].encode_utf16().count();
        Position {
            line: line as u32,
            character: character as u32,
        }
    }

    /// Byte offset of `pos` in `text`; columns past the line end clamp to the line end, and a
    /// column inside a surrogate pair clamps to the character's start.
    pub fn offset(&self, text: &str, pos: Position) -> usize {
        let line = pos.line as usize;
        if line >= self.line_count() {
            return text.len();
        }
        let start = self.line_start(line);
        let end = self.start(line + 1).map_or(text.len(), |next| {
            let bytes = text.as_bytes();
            let mut end = next - 1;
            if bytes.get(end) == Some(&b'\n') && end > start && bytes.get(end - 1) == Some(&b'\r') {
                end -= 1;
            }
            end
        });
        let mut units = 0u32;
        for (i, ch) in text[start..end].char_indices() {
            let width = ch.len_utf16() as u32;
            if units + width > pos.character {
                return start + i;
            }
            units += width;
        }
        end
    }
}

/// Call `push` with every line start of `text`, in order: 0, then the offset after each
/// line ending.
fn each_line_start(text: &str, mut push: impl FnMut(usize)) {
    push(0);
    let bytes = text.as_bytes();
    if memchr::memchr(b'\r', bytes).is_none() {
        // A vectorised search, several times cheaper than looking at one byte at a time.
        memchr::memchr_iter(b'\n', bytes).for_each(|i| push(i + 1));
        return;
    }
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
            push(i + 1);
        }
    }
}

/// Byte range of the line around `at`, without its line ending (`\n`, `\r\n` or `\r`).
/// `at` past the end is clamped.
pub fn line_bounds(text: &str, at: usize) -> std::ops::Range<usize> {
    let at = floor_char_boundary(text, at.min(text.len()));
    let start = text[..at].rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let end = text[at..].find(['\n', '\r']).map_or(text.len(), |i| at + i);
    start..end
}

/// The lines of `text`, each with its line ending (`\n`, `\r\n` or `\r`) when it has one.
/// Unlike [`str::lines`] a lone `\r` ends a line, as in CommonMark.
pub fn split_lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        // A vectorised search for either byte: a search for a set of characters decodes
        // every character on the way, and the checker splits every note into lines.
        let end = match memchr::memchr2(b'\n', b'\r', rest.as_bytes()) {
            Some(i) if rest[i..].starts_with("\r\n") => i + 2,
            Some(i) => i + 1,
            None => rest.len(),
        };
        let (line, tail) = rest.split_at(end);
        rest = tail;
        Some(line)
    })
}

/// `text` with every lone `\r` (old Mac line ending) made `\n`. CommonMark reads both as a
/// line ending, but pulldown-cmark misses a fence inside a list item after a lone `\r`, and
/// the rules look for `\n`. One byte for one byte, so every span stays right for `text`.
pub(crate) fn lone_cr_as_lf(text: &str) -> std::borrow::Cow<'_, str> {
    let bytes = text.as_bytes();
    let lone = |i: usize| bytes.get(i + 1) != Some(&b'\n');
    if !memchr::memchr_iter(b'\r', bytes).any(lone) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = 0;
    for (i, _) in text.match_indices('\r') {
        if lone(i) {
            out.push_str(&text[rest..i]);
            out.push('\n');
            rest = i + 1;
        }
    }
    out.push_str(&text[rest..]);
    std::borrow::Cow::Owned(out)
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_parse_indexes_lines_as_line_index_does() {
        for text in ["", "a\nb", "a\r\nb\rc\n\n", "\r", "제목\r\n- 항목\rx"] {
            let (_, lines) = crate::parse_with_lines(text, "t");
            assert_eq!(lines.starts, LineIndex::new(text).starts, "{text:?}");
            assert!(lines.wide.is_empty());
        }
    }

    #[test]
    fn korean_and_emoji_columns_are_utf16_units() {
        let text = "# 제목\n📌 **암기 팁**\n";
        let index = LineIndex::new(text);
        let star = text.find("**").expect("fixture has bold");
        // 📌 is one char but two UTF-16 units, plus the space.
        assert_eq!(
            index.position(text, star),
            Position {
                line: 1,
                character: 3
            }
        );
        assert_eq!(
            index.offset(
                text,
                Position {
                    line: 1,
                    character: 3
                }
            ),
            star
        );
        let tip = text.find("팁").expect("fixture has 팁");
        assert_eq!(
            index.position(text, tip),
            Position {
                line: 1,
                character: 8
            }
        );
    }

    #[test]
    fn line_starts_are_the_same_with_or_without_carriage_returns() {
        for text in [
            "",
            "a",
            "a\n",
            "\n\n가\nb",
            "a\r\nb\rc\n",
            "a\r",
            "가\r\n\r\n",
        ] {
            let by_byte: Vec<usize> = std::iter::once(0)
                .chain(text.bytes().enumerate().filter_map(|(i, b)| {
                    let ends =
                        b == b'\n' || (b == b'\r' && text.as_bytes().get(i + 1) != Some(&b'\n'));
                    ends.then_some(i + 1)
                }))
                .collect();
            let index = LineIndex::new(text);
            let starts: Vec<usize> = (0..index.line_count())
                .map(|l| index.line_start(l))
                .collect();
            assert_eq!(starts, by_byte, "{text:?}");
        }
    }

    #[test]
    fn out_of_range_positions_clamp() {
        let text = "가나\n다";
        let index = LineIndex::new(text);
        assert_eq!(
            index.offset(
                text,
                Position {
                    line: 0,
                    character: 99
                }
            ),
            "가나".len()
        );
        assert_eq!(
            index.offset(
                text,
                Position {
                    line: 9,
                    character: 0
                }
            ),
            text.len()
        );
        assert_eq!(
            index.position(text, 1),
            Position {
                line: 0,
                character: 0
            }
        );
    }
}
