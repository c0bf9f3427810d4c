//! [`Code`]: the stable name of each kind of finding.
//!
//! The strings are an interface: editors filter diagnostics by them, CI annotations carry them
//! and SARIF lists them as rule ids. A variant may be added; a string never changes.

use crate::Severity;
use serde::{Serialize, Serializer};
use std::cmp::Ordering;
use std::fmt;

/// What kind of problem a [`crate::Finding`] is.
///
/// Ordered (and serialised, and displayed) by its string, so findings sorted by code come out
/// in the same order as when the code was a string.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Code {
    /// `conflicting-expansion`: one term expanded two ways in the workspace.
    ConflictingExpansion,
    /// `acronym-mismatch`: an expansion whose initials cannot spell its acronym.
    AcronymMismatch,
    /// `conflicting-claim`: one subject and attribute with values that cannot both be true.
    ConflictingClaim,
    /// `pasted-katex`: a formula pasted as its rendered text followed by its TeX source.
    PastedKatex,
    /// `broken-emphasis`: `*`/`**` that do not pair, so the asterisks show.
    BrokenEmphasis,
    /// `missing-image`: an image link whose file does not exist.
    MissingImage,
    /// `duplicate-card`: two cards of one deck with the same front.
    DuplicateCard,
    /// `empty-answer`: a card with nothing on its back.
    EmptyAnswer,
    /// `duplicate-pin`: one `<!-- id: … -->` pin given to two cards, of one note or of two.
    DuplicatePin,
    /// `damaged-encoding`: the note's text went through a wrong-encoding round trip.
    DamagedEncoding,
    /// `misspelled-expansion`: an expansion word one letter away from an English word.
    MisspelledExpansion,
}

impl Code {
    /// Every code, in the order the README documents them.
    pub const ALL: [Code; 11] = [
        Code::ConflictingExpansion,
        Code::AcronymMismatch,
        Code::ConflictingClaim,
        Code::PastedKatex,
        Code::BrokenEmphasis,
        Code::MissingImage,
        Code::DuplicateCard,
        Code::EmptyAnswer,
        Code::DuplicatePin,
        Code::DamagedEncoding,
        Code::MisspelledExpansion,
    ];

    /// The stable kebab-case name used in every output format.
    pub fn as_str(self) -> &'static str {
        match self {
            Code::ConflictingExpansion => "conflicting-expansion",
            Code::AcronymMismatch => "acronym-mismatch",
            Code::ConflictingClaim => "conflicting-claim",
            Code::PastedKatex => "pasted-katex",
            Code::BrokenEmphasis => "broken-emphasis",
            Code::MissingImage => "missing-image",
            Code::DuplicateCard => "duplicate-card",
            Code::EmptyAnswer => "empty-answer",
            Code::DuplicatePin => "duplicate-pin",
            Code::DamagedEncoding => "damaged-encoding",
            Code::MisspelledExpansion => "misspelled-expansion",
        }
    }

    /// The severity findings of this code are reported with (the README's table).
    pub fn severity(self) -> Severity {
        match self {
            Code::ConflictingExpansion | Code::MissingImage | Code::DamagedEncoding => {
                Severity::Error
            }
            Code::AcronymMismatch
            | Code::ConflictingClaim
            | Code::PastedKatex
            | Code::BrokenEmphasis
            | Code::DuplicateCard
            | Code::EmptyAnswer
            | Code::DuplicatePin
            | Code::MisspelledExpansion => Severity::Warning,
        }
    }

    /// What the rule checks, in one sentence (SARIF's `shortDescription`).
    pub fn doc(self) -> &'static str {
        match self {
            Code::ConflictingExpansion => "The same term is expanded differently in two places.",
            Code::AcronymMismatch => "An expansion whose initials cannot spell its acronym.",
            Code::ConflictingClaim => {
                "The same subject and attribute have contradicting values in two places."
            }
            Code::PastedKatex => "A formula pasted as rendered text followed by its TeX source.",
            Code::BrokenEmphasis => "Unbalanced `*`/`**` that renders as literal asterisks.",
            Code::MissingImage => "An image link whose file does not exist.",
            Code::DuplicateCard => "Two cards with the same front.",
            Code::EmptyAnswer => "A card with an empty answer.",
            Code::DuplicatePin => "One id pin given to two cards, of one note or of two.",
            Code::DamagedEncoding => {
                "Text damaged by a wrong-encoding round trip (UTF-8 read as Windows-125x or Latin-1)."
            }
            Code::MisspelledExpansion => {
                "An expansion word that is not English but one letter away from an English word."
            }
        }
    }

    /// The code named `s`, if there is one.
    pub fn from_name(s: &str) -> Option<Code> {
        Code::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl PartialOrd for Code {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Code {
    fn cmp(&self, other: &Self) -> Ordering {
        self.as_str().cmp(other.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_distinct_kebab_case_and_round_trip() {
        for code in Code::ALL {
            let name = code.as_str();
            assert!(
                name.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
                "{name}"
            );
            assert_eq!(Code::from_name(name), Some(code));
            assert_eq!(code.to_string(), name);
            assert_eq!(
                serde_json::to_string(&code).ok(),
                Some(format!("\"{name}\""))
            );
            assert!(!code.doc().is_empty());
        }
        assert_eq!(Code::from_name("no-such-rule"), None);
    }

    #[test]
    fn order_is_the_order_of_the_names() {
        let mut codes = Code::ALL;
        codes.sort();
        let mut names = Code::ALL.map(Code::as_str);
        names.sort_unstable();
        assert_eq!(codes.map(Code::as_str), names);
    }
}
