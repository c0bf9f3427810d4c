//! A consistent copy of a collection that Anki may be using right now.
//!
//! Anki holds `collection.anki2` with an exclusive lock and keeps recent changes in
//! `collection.anki2-wal`: the live file cannot be read while Anki runs, a read with
//! `immutable=1` misses the reviews still in the WAL, and a reader holding a transaction when
//! Anki starts makes Anki refuse to open. So the file and its WAL are copied (never opened),
//! and the copy is read. A copy taken while Anki wrote is detected by comparing the files'
//! size and modification time before and after, and taken again.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::CollectionError;

/// How often to try for a copy that no write interrupted.
const TRIES: usize = 5;

/// A private copy of a collection (and its WAL), removed when dropped.
pub struct Snapshot {
    dir: tempfile::TempDir,
}

impl Snapshot {
    /// Copy `collection` and its `-wal` into a new temporary folder.
    pub fn take(collection: &Path) -> Result<Snapshot, CollectionError> {
        let wal = with_suffix(collection, "-wal");
        let io = |source| CollectionError::Io {
            path: collection.to_path_buf(),
            source,
        };
        for _ in 0..TRIES {
            let before = (stamp(collection), stamp(&wal));
            let dir = tempfile::Builder::new()
                .prefix(".notedeck-collection-")
                .tempdir()
                .map_err(io)?;
            let copy = dir.path().join("collection.anki2");
            std::fs::copy(collection, &copy).map_err(io)?;
            if wal.is_file() {
                // The WAL may vanish between the check and the copy (Anki checkpointed and
                // closed): then the main file changed too, and the stamps say so.
                let _ = std::fs::copy(&wal, with_suffix(&copy, "-wal"));
            }
            if (stamp(collection), stamp(&wal)) == before {
                return Ok(Snapshot { dir });
            }
        }
        Err(CollectionError::Busy {
            path: collection.to_path_buf(),
        })
    }

    /// The copied collection file.
    pub fn path(&self) -> PathBuf {
        self.dir.path().join("collection.anki2")
    }
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

fn stamp(path: &Path) -> Option<(u64, SystemTime)> {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.len(), meta.modified().ok()?))
}
