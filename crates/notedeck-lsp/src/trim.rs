//! Giving the memory of large, finished work back to the system.
//!
//! glibc's allocator keeps what is freed resident for the arena's next allocations. After the
//! parse of a 20 MB note (a few hundred MB of trees and card drafts, most of it freed once the
//! note is built) or the serialising of ten thousand diagnostics, the freed pages stayed
//! resident, and the next parse grew on top of them: the server's peak was the sum of two
//! parses' garbage and one parse's work. Returning the free pages after such work makes the
//! peak one parse's work on top of what the server holds.

/// Return the allocator's free pages to the system; a no-op where the allocator is not glibc's.
/// It walks every arena (about 20 ms after a large parse), so it runs after large work only.
pub fn release_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    #[allow(unsafe_code)]
    // SAFETY: `malloc_trim` takes no pointer and frees only pages no allocation owns; glibc
    // documents it as thread-safe (MT-Safe) and callable at any time.
    unsafe {
        libc::malloc_trim(0);
    }
}
