//! Printing names and text the CLI did not write itself: file names and note text can hold
//! newlines, escape sequences and other control characters, which would forge lines in a CI
//! log (a GitHub workflow command is any line that starts with `::`) or drive the terminal.
//! Everything that reaches a human-readable output goes through [`path`] or [`text`].

use std::borrow::Cow;
use std::path::Path;

/// A path as the machine-readable formats carry it: lossy UTF-8, with forward slashes on
/// Windows so reports look the same everywhere. On Unix a backslash is an ordinary character
/// of a file name and is kept.
pub fn raw(path: &Path) -> String {
    let s = path.to_string_lossy();
    if cfg!(windows) {
        s.replace('\\', "/")
    } else {
        s.into_owned()
    }
}

/// A path for people: [`raw`] with control characters escaped (see [`text`]).
pub fn path(path: &Path) -> String {
    text(&raw(path)).into_owned()
}

/// `s` with every control character written as an escape (`\n`, `\r`, `\t`, `\u{1b}`), and
/// the bidirectional overrides that can make a line read differently from what it is.
/// Backslashes are left alone, so text that is already escaped stays as it is.
pub fn text(s: &str) -> Cow<'_, str> {
    if !s.chars().any(needs_escape) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if needs_escape(c) {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

fn needs_escape(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_escaped_and_everything_else_kept() {
        assert_eq!(
            text("a\nb\r\tc\u{1b}[31m\u{7f}\u{202e}"),
            "a\\nb\\r\\tc\\u{1b}[31m\\u{7f}\\u{202e}"
        );
        assert_eq!(text("역량평가 정리 \\ back"), "역량평가 정리 \\ back");
        assert_eq!(
            path(Path::new("notes/y\n::error file=README.md::x\n.md")),
            "notes/y\\n::error file=README.md::x\\n.md"
        );
    }
}
