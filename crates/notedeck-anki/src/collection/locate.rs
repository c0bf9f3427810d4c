//! Where the student's Anki collection is: an explicit path wins; else `ANKI_BASE`, else the
//! platform's Anki folder, then the last profile used (from `prefs21.db`), else the one profile
//! folder that holds a `collection.anki2`. The CLI and the language server call the same
//! function, so `ANKI_BASE` works for both.

use std::path::{Path, PathBuf};

use super::CollectionError;

/// The collection file to read: `explicit` if given (a `collection.anki2` or the profile folder
/// holding one), else the one Anki itself would open.
pub fn locate(explicit: Option<&Path>) -> Result<PathBuf, CollectionError> {
    if let Some(path) = explicit {
        let file = if path.is_dir() {
            path.join("collection.anki2")
        } else {
            path.to_path_buf()
        };
        return if file.is_file() {
            Ok(file)
        } else {
            Err(CollectionError::NotFound { looked: vec![file] })
        };
    }
    let base = anki_base();
    let mut looked = Vec::new();
    if let Some(base) = &base {
        if let Some(profile) = last_profile(base) {
            let file = base.join(profile).join("collection.anki2");
            if file.is_file() {
                return Ok(file);
            }
            looked.push(file);
        }
        let mut found: Vec<PathBuf> = std::fs::read_dir(base)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path().join("collection.anki2"))
            .filter(|f| f.is_file())
            .collect();
        found.sort();
        if found.len() == 1 {
            return Ok(found.remove(0));
        }
        if found.len() > 1 {
            return Err(CollectionError::Ambiguous { found });
        }
        looked.push(base.join("*").join("collection.anki2"));
    }
    Err(CollectionError::NotFound { looked })
}

/// Anki's base folder: `ANKI_BASE`, else where Anki keeps it on this platform.
fn anki_base() -> Option<PathBuf> {
    if let Some(base) = std::env::var_os("ANKI_BASE").filter(|b| !b.is_empty()) {
        return Some(PathBuf::from(base));
    }
    let home = std::env::var_os("HOME").map(PathBuf::from);
    if cfg!(windows) {
        return std::env::var_os("APPDATA").map(|a| PathBuf::from(a).join("Anki2"));
    }
    if cfg!(target_os = "macos") {
        return home.map(|h| h.join("Library/Application Support/Anki2"));
    }
    match std::env::var_os("XDG_DATA_HOME").filter(|d| !d.is_empty()) {
        Some(data) => Some(PathBuf::from(data).join("Anki2")),
        None => home.map(|h| h.join(".local/share/Anki2")),
    }
}

/// The profile Anki opened last: `last_loaded_profile_name` in the pickled `_global` row of
/// `prefs21.db`. Only the string after that key is read (no general unpickling): a short
/// unicode string opcode, possibly after a memo opcode.
fn last_profile(base: &Path) -> Option<String> {
    let db = base.join("prefs21.db");
    if !db.is_file() {
        return None;
    }
    let flags =
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = rusqlite::Connection::open_with_flags(&db, flags).ok()?;
    let blob: Vec<u8> = conn
        .query_row(
            "select cast(data as blob) from profiles where name = '_global'",
            [],
            |row| row.get(0),
        )
        .ok()?;
    pickled_string_after(&blob, b"last_loaded_profile_name")
}

/// The string value pickled right after the key `key`.
fn pickled_string_after(blob: &[u8], key: &[u8]) -> Option<String> {
    let at = blob.windows(key.len()).position(|w| w == key)? + key.len();
    let mut rest = blob.get(at..)?;
    // Memo opcodes (MEMOIZE, BINPUT, LONG_BINPUT) may follow the key.
    loop {
        match rest.first()? {
            0x94 => rest = &rest[1..],
            b'q' => rest = rest.get(2..)?,
            b'r' => rest = rest.get(5..)?,
            _ => break,
        }
    }
    let (len, body) = match rest.first()? {
        0x8c => (usize::from(*rest.get(1)?), rest.get(2..)?),
        b'X' => {
            let len = u32::from_le_bytes(rest.get(1..5)?.try_into().ok()?);
            (usize::try_from(len).ok()?, rest.get(5..)?)
        }
        _ => return None,
    };
    let name = std::str::from_utf8(body.get(..len)?).ok()?;
    (!name.is_empty() && !name.contains(['/', '\\'])).then(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_last_profile_from_a_pickle() {
        // Protocol 4, as Python writes it: key, MEMOIZE, SHORT_BINUNICODE value, MEMOIZE.
        let mut blob = b"\x80\x04\x95\x30\x00\x00\x00\x00\x00\x00\x00}\x94(\x8c\x18".to_vec();
        blob.extend_from_slice(b"last_loaded_profile_name\x94\x8c\x0b");
        blob.extend_from_slice("사용자 1".as_bytes());
        blob.extend_from_slice(b"\x94u.");
        assert_eq!(
            pickled_string_after(&blob, b"last_loaded_profile_name").as_deref(),
            Some("사용자 1")
        );
        assert_eq!(
            pickled_string_after(b"nothing here", b"last_loaded_profile_name"),
            None
        );
    }
}
