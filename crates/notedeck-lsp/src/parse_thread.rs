//! One thread for every parse of a large buffer.
//!
//! glibc's allocator gives each thread an arena of its own and keeps what is freed in an
//! arena resident for that arena's next allocations. Parsed on whichever thread of the
//! blocking pool was free, each parse of a 20 MB note left a few hundred MB behind in yet
//! another arena, and the server's memory grew to twice what it held. On one thread, every
//! parse reuses what the one before it freed (the note it replaces is freed into the same
//! arena, whichever thread drops it).

use std::sync::mpsc::{Sender, channel};
use std::sync::{Mutex, OnceLock, PoisonError};

type Job = Box<dyn FnOnce() + Send>;

/// Run `f` on the parse thread; `None` if it panicked (reported like any handler's panic)
/// or the thread could not be started.
pub async fn run<T: Send + 'static>(
    what: &'static str,
    f: impl FnOnce() -> T + Send + 'static,
) -> Option<T> {
    let (tx, rx) = tokio::sync::oneshot::channel();
    let job: Job = Box::new(move || {
        let _ = tx.send(crate::guard::guarded(what, f).ok());
    });
    let sent = thread()
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .send(job);
    if sent.is_err() {
        return None;
    }
    rx.await.ok().flatten()
}

/// [`run`] for a caller that may block (the startup scan, on the blocking pool).
pub fn run_blocking<T: Send + 'static>(
    what: &'static str,
    f: impl FnOnce() -> T + Send + 'static,
) -> Option<T> {
    let (tx, rx) = std::sync::mpsc::channel();
    let job: Job = Box::new(move || {
        let _ = tx.send(crate::guard::guarded(what, f).ok());
    });
    thread()
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .send(job)
        .ok()?;
    rx.recv().ok().flatten()
}

/// The thread's queue, started on first use.
fn thread() -> &'static Mutex<Sender<Job>> {
    static QUEUE: OnceLock<Mutex<Sender<Job>>> = OnceLock::new();
    QUEUE.get_or_init(|| {
        let (tx, rx) = channel::<Job>();
        // Should the thread not start, `rx` is dropped with the closure and every send fails.
        let _ = std::thread::Builder::new()
            .name("notedeck-parse".to_string())
            .spawn(move || {
                for job in rx {
                    job();
                }
            });
        Mutex::new(tx)
    })
}

/// Read and parse `files` on every core, but a note of `large` bytes or more on the parse
/// thread, where the parses of its buffer will run once it is opened: they reuse the memory
/// its parse freed, rather than a second thread's arena growing as large. The notes come in
/// the order of `files`, as one [`notedeck_ide::load`] of them all gives them.
pub fn load(
    files: &[std::path::PathBuf],
    large: u64,
    cache: Option<&notedeck_ide::NoteCache>,
) -> Vec<(std::path::PathBuf, notedeck_check::Note)> {
    let is_large =
        |path: &std::path::PathBuf| std::fs::metadata(path).is_ok_and(|m| m.len() >= large);
    let (large, small): (Vec<_>, Vec<_>) = files.iter().cloned().partition(is_large);
    let mut notes = notedeck_ide::load(&small, cache);
    if large.is_empty() {
        return notes;
    }
    for path in large {
        let cache = cache.cloned();
        let loaded = run_blocking("workspace scan", move || {
            notedeck_ide::load_one(&path, cache.as_ref())
        });
        notes.extend(loaded.flatten());
    }
    let order: std::collections::HashMap<&std::path::PathBuf, usize> =
        files.iter().enumerate().map(|(i, p)| (p, i)).collect();
    notes.sort_by_key(|(path, _)| order.get(path).copied());
    notes
}
