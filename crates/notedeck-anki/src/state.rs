//! The export state file: what the previous export wrote, so the next one can tell which
//! notes changed.
//!
//! Anki updates an existing note only when the package's note time is strictly newer than
//! its own. Stamping every note with the export time would make each re-import overwrite
//! edits the user made inside Anki; keeping the old time for unchanged notes makes Anki leave
//! them alone. The file lives next to the package (`notes.apkg.state.json`) and holds, per
//! note GUID, a hash of the note's content, the time last written and the note id:
//!
//! ```json
//! {"version": 1, "notes": {"<guid>": {"hash": "9f2c…", "mod": 1764201600, "id": 1764201600123}}}
//! ```
//!
//! Losing it is harmless except that the next export stamps every note as changed.

use crate::Error;
use foldhash::HashMap;
use serde::{Deserialize, Serialize};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

/// Format version written to the file; a different version is refused, not guessed at.
const VERSION: u32 = 1;

/// The state file that belongs to a package: `<package>.state.json`.
pub fn path_for(package: &Path) -> PathBuf {
    let mut name = package.as_os_str().to_owned();
    name.push(".state.json");
    PathBuf::from(name)
}

/// Per-note facts kept between exports, keyed by GUID.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct State {
    /// Format version (`VERSION`).
    #[serde(default)]
    pub version: u32,
    /// Notes of the last export.
    pub notes: HashMap<String, NoteState>,
}

/// What the last export wrote for one note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoteState {
    /// Hash of the note's fields, tags and type; 16 hex digits in the file.
    #[serde(with = "hex_u64")]
    pub hash: u64,
    /// The note time written (seconds since the epoch).
    #[serde(rename = "mod")]
    pub modified: i64,
    /// The note id written; reused so the package keeps the same ids across exports.
    pub id: i64,
}

impl State {
    /// Read the state at `path`; a missing file is an empty state (first export).
    pub fn load(path: &Path) -> Result<State, Error> {
        let bytes = match std::fs::read(path) {
            Ok(bytes) => bytes,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(State::default()),
            Err(source) => {
                return Err(Error::Io {
                    path: path.to_path_buf(),
                    source,
                });
            }
        };
        let state: State = serde_json::from_slice(&bytes).map_err(|err| Error::State {
            path: path.to_path_buf(),
            message: err.to_string(),
        })?;
        if state.version != VERSION {
            return Err(Error::State {
                path: path.to_path_buf(),
                message: format!("format version {} (expected {VERSION})", state.version),
            });
        }
        Ok(state)
    }

    /// Write the state atomically (temporary file in the same directory, then rename).
    pub fn save(&self, path: &Path) -> Result<(), Error> {
        Self::commit(self.stage(path)?, path)
    }

    /// Write the state to a temporary file next to `path`, to be [`State::commit`]ted once
    /// the package it describes is in place.
    pub fn stage(&self, path: &Path) -> Result<tempfile::NamedTempFile, Error> {
        let io = |source| Error::Io {
            path: path.to_path_buf(),
            source,
        };
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        let mut tmp = crate::output_tempfile(dir, ".state.json").map_err(io)?;
        {
            let mut out = BufWriter::new(tmp.as_file_mut());
            let doc = SavedState {
                version: VERSION,
                notes: &self.notes,
            };
            serde_json::to_writer(&mut out, &doc).map_err(|err| io(err.into()))?;
            out.flush().map_err(io)?;
        }
        Ok(tmp)
    }

    /// Move a [`State::stage`]d file to `path`.
    pub fn commit(staged: tempfile::NamedTempFile, path: &Path) -> Result<(), Error> {
        staged.persist(path).map_err(|err| Error::Io {
            path: path.to_path_buf(),
            source: err.error,
        })?;
        Ok(())
    }

    /// The largest note id recorded, so fresh ids never collide with recorded ones.
    pub fn max_id(&self) -> i64 {
        self.notes.values().map(|n| n.id).max().unwrap_or(0)
    }
}

/// Serialization view that always writes the current version.
#[derive(Serialize)]
struct SavedState<'a> {
    version: u32,
    notes: &'a HashMap<String, NoteState>,
}

/// A `u64` as 16 lowercase hex digits: readable in the file, exact (JSON numbers above 2^53
/// lose precision in many readers).
mod hex_u64 {
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    pub fn serialize<S: Serializer>(value: &u64, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&format!("{value:016x}"))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<u64, D::Error> {
        let text = String::deserialize(deserializer)?;
        u64::from_str_radix(&text, 16).map_err(D::Error::custom)
    }
}
