//! Timing spans for finding where a command's time goes, printed to standard error only when
//! the environment variable `NOTEDECK_TIMING` is set (to anything): `lint`, `export` and the
//! language server's startup scan mark their phases with them.

use std::sync::OnceLock;
use std::time::Instant;

/// A phase being timed: prints `notedeck timing: LABEL N ms` when dropped, if timing is on.
#[must_use = "the span is timed until it is dropped"]
pub struct Span {
    label: &'static str,
    start: Option<Instant>,
}

/// Start timing `label` (nothing is measured when `NOTEDECK_TIMING` is not set).
pub fn span(label: &'static str) -> Span {
    Span {
        label,
        start: enabled().then(Instant::now),
    }
}

/// Whether `NOTEDECK_TIMING` is set (read once).
pub fn enabled() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("NOTEDECK_TIMING").is_some())
}

impl Drop for Span {
    fn drop(&mut self) {
        if let Some(start) = self.start {
            eprintln!(
                "notedeck timing: {} {:.1} ms",
                self.label,
                start.elapsed().as_secs_f64() * 1000.0
            );
        }
    }
}
