//! The student's Anki review state: find the collection, read it (a private copy, off the
//! request path), and read it again when Anki changes it (after a review session, with Anki
//! still open), debounced. Each new read re-publishes the open files' diagnostics (leeches)
//! and asks the editor to refresh its code lenses.

use notedeck_anki::collection::{Clock, Collection, CollectionError, locate};
use notedeck_check::Severity;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, SystemTime};
use tower_lsp_server::Client;
use tower_lsp_server::ls_types::MessageType;

use crate::server::Shared;

/// What the editor may set in `initializationOptions`.
#[derive(Debug, Default, PartialEq)]
pub struct Options {
    /// `collection`: the collection file or profile folder.
    pub collection: Option<PathBuf>,
    /// `leechSeverity`: `error`, `warning`, `information` or `hint`.
    pub leech_severity: Option<Severity>,
}

impl Options {
    /// Read the options notedeck understands; anything else is ignored.
    pub fn from_json(value: Option<&serde_json::Value>) -> Options {
        let Some(value) = value else {
            return Options::default();
        };
        Options {
            collection: value["collection"]
                .as_str()
                .filter(|s| !s.is_empty())
                .map(PathBuf::from),
            leech_severity: match value["leechSeverity"].as_str() {
                Some("error") => Some(Severity::Error),
                Some("warning") => Some(Severity::Warning),
                Some("information" | "info") => Some(Severity::Info),
                Some("hint") => Some(Severity::Hint),
                _ => None,
            },
        }
    }
}

/// Find the collection and keep the review state current until the server stops. Without a
/// collection the editor simply shows no review state (said once in the log).
pub async fn watch(client: Client, shared: Arc<Shared>, explicit: Option<PathBuf>, poll: Duration) {
    let path = match locate(explicit.as_deref()) {
        Ok(path) => path,
        Err(err) => {
            let message = format!("notedeck: no review state: {err}");
            client.log_message(MessageType::INFO, message).await;
            return;
        }
    };
    let mut shown: Option<Stamp> = None;
    let mut failed = false;
    loop {
        let now = stamp(&path);
        if now.is_some() && now != shown {
            // Anki writes in bursts; read once it has been quiet for a moment.
            tokio::time::sleep(poll / 2).await;
            if stamp(&path) != now {
                continue;
            }
            let reading = path.clone();
            let read =
                tokio::task::spawn_blocking(move || Collection::read(&reading, Clock::system()))
                    .await;
            match read {
                Ok(Ok(collection)) => {
                    let notes = collection.len();
                    shared.set_reviews(Some(Arc::new(collection)));
                    shown = now;
                    failed = false;
                    let message = format!(
                        "notedeck: read {notes} notes' review state from {}",
                        path.display()
                    );
                    client.log_message(MessageType::INFO, message).await;
                    // Clients that cannot refresh lenses ask again on their own.
                    let _ = client.code_lens_refresh().await;
                }
                Ok(Err(err)) => {
                    // Tried again only when the files change: a collection that cannot be
                    // read (another schema) must not be copied every few seconds.
                    shown = now;
                    if !failed {
                        failed = true;
                        report(&client, &err).await;
                    }
                }
                Err(_) => {}
            }
        }
        tokio::time::sleep(poll).await;
    }
}

async fn report(client: &Client, err: &CollectionError) {
    let message = format!("notedeck: cannot read the review state: {err}");
    client.log_message(MessageType::WARNING, message).await;
}

/// The collection's and its WAL's size and modification time: a change means a new read.
type Stamp = [Option<(u64, SystemTime)>; 2];

fn stamp(path: &Path) -> Option<Stamp> {
    let of = |p: &Path| {
        let meta = std::fs::metadata(p).ok()?;
        Some((meta.len(), meta.modified().ok()?))
    };
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    let main = of(path)?;
    Some([Some(main), of(Path::new(&wal))])
}

/// Every card id the notes under `roots` make, plus those of `open` buffers (which win over
/// the disk), for finding orphans: closed notes keep no cards in memory, so they are read
/// again here (on demand: this is a command, not a keystroke).
pub fn card_ids(roots: &[PathBuf], open: &[(PathBuf, HashSet<String>)]) -> HashSet<String> {
    let files: Vec<PathBuf> =
        notedeck_ide::vault::markdown_files_under(roots, notedeck_ide::MAX_FILES)
            .into_iter()
            .filter(|f| !open.iter().any(|(p, _)| p == f))
            .collect();
    let mut ids: HashSet<String> = notedeck_ide::par_map(&files, |path| {
        let Ok(note) = notedeck_ide::vault::read_note(path) else {
            return Vec::new();
        };
        // Parsed as the server parses every note (the file stem is the fallback title).
        notedeck_check::Note::new(path, &note.text)
            .doc
            .cards
            .into_iter()
            .map(|c| c.id)
            .collect()
    })
    .into_iter()
    .flatten()
    .collect();
    for (_, open_ids) in open {
        ids.extend(open_ids.iter().cloned());
    }
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_from_the_editor() {
        let json = serde_json::json!({"collection": "/anki/User 1", "leechSeverity": "warning"});
        assert_eq!(
            Options::from_json(Some(&json)),
            Options {
                collection: Some(PathBuf::from("/anki/User 1")),
                leech_severity: Some(Severity::Warning),
            }
        );
        assert_eq!(Options::from_json(None), Options::default());
        let odd = serde_json::json!({"collection": "", "leechSeverity": "loud"});
        assert_eq!(Options::from_json(Some(&odd)), Options::default());
    }
}
