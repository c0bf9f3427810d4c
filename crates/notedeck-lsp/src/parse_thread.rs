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
