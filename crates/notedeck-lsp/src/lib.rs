//! The notedeck language server: the only crate that speaks the Language Server Protocol.
