//! One module per rule (or family of rules sharing their helpers). Each turns notes into
//! [`crate::Finding`]s; the [`crate::Workspace`] decides which notes each one sees.

pub(crate) mod acronym;
pub(crate) mod cards;
pub(crate) mod claims;
pub(crate) mod emphasis;
pub mod encoding;
pub(crate) mod images;
pub(crate) mod katex;
pub(crate) mod pins;
pub(crate) mod settings;
pub(crate) mod spelling;
pub(crate) mod terms;
