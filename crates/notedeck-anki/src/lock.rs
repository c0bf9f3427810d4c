//! One writer per package: an exclusive advisory lock on `OUT.apkg.lock`, held while the old
//! state is read and the package and the new state are written. Without it, two exports to the
//! same package could each rename their package and state into place in an interleaved order,
//! leaving a package from one run beside the state file of the other.

use crate::{Error, io_error};
use std::fs::{File, OpenOptions, TryLockError};
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How long an export waits for another export of the same package by default.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(120);

/// How often a waiting export tries the lock again.
const POLL: Duration = Duration::from_millis(50);

/// The lock file that belongs to a package: `<package>.lock`.
pub fn path_for(package: &Path) -> PathBuf {
    let mut name = package.as_os_str().to_owned();
    name.push(".lock");
    PathBuf::from(name)
}

/// A held lock; dropping it removes the lock file and releases the lock.
pub struct PackageLock {
    file: Option<File>,
    path: PathBuf,
}

impl Drop for PackageLock {
    fn drop(&mut self) {
        // Removed while still locked: a waiter that then gets the lock on the removed file
        // sees that the path no longer names it and starts over (see `acquire`).
        if self.file.is_some() {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// Take the lock of `package`, waiting up to `timeout` while another export holds it;
/// `waiting` is called once if it has to wait.
pub fn acquire(
    package: &Path,
    timeout: Duration,
    waiting: Option<fn(&Path)>,
) -> Result<PackageLock, Error> {
    let path = path_for(package);
    let start = Instant::now();
    let mut told = false;
    loop {
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|source| io_error(&path, source))?;
        match file.try_lock() {
            Ok(()) => {
                if still_named(&file, &path) {
                    return Ok(PackageLock {
                        file: Some(file),
                        path,
                    });
                }
                continue; // the holder removed it as we opened it: lock the new one
            }
            Err(TryLockError::Error(err)) if err.kind() == io::ErrorKind::Unsupported => {
                // A file system without locks: export as before, unguarded.
                return Ok(PackageLock { file: None, path });
            }
            Err(TryLockError::Error(source)) => return Err(io_error(&path, source)),
            Err(TryLockError::WouldBlock) => {}
        }
        if start.elapsed() >= timeout {
            return Err(Error::Locked {
                package: package.to_path_buf(),
                lock: path,
                waited: timeout,
            });
        }
        if !told {
            told = true;
            if let Some(waiting) = waiting {
                waiting(&path);
            }
        }
        std::thread::sleep(POLL);
    }
}

/// Whether `path` still names the file `file` has open.
#[cfg(unix)]
fn still_named(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), std::fs::metadata(path)) {
        (Ok(open), Ok(named)) => open.dev() == named.dev() && open.ino() == named.ino(),
        _ => false,
    }
}

/// Elsewhere an open file cannot be removed, so the name always holds.
#[cfg(not(unix))]
fn still_named(_file: &File, _path: &Path) -> bool {
    true
}
