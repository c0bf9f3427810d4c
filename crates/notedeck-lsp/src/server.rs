//! The `LanguageServer` implementation: document sync, the diagnostics worker and dispatch
//! of requests to `requests/*`. Handlers read a shared [`State`] under a lock and never hold
//! it across an `.await`; every handler body runs under [`guarded`] so that a panic answers
//! the one request with an internal error instead of taking the server down.

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock, PoisonError, RwLock, RwLockReadGuard, RwLockWriteGuard};

use tokio::sync::{Notify, watch};
use tower_lsp_server::jsonrpc::{self, ErrorCode};
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{Client, LanguageServer};

use crate::from_proto::uri_to_path;
use crate::guard::guarded;
use crate::handlers::{
    code_action, code_lens, completion, definition, diagnostics, hover, references, symbols, sync,
};
use crate::state::State;
use crate::trim::release_freed_memory;
use crate::{Config, reviews};
use notedeck_check::Affected;
use notedeck_ide::AnalysisHost;

/// The server as `tower-lsp-server` drives it.
pub struct Backend {
    client: Client,
    shared: Arc<Shared>,
}

/// The words of the log message sent when the workspace is loaded (editors show it in their
/// server log; benchmarks and tests wait for it).
pub const LOADED: &str = "loaded";

/// The command that lists orphans: notes in Anki that notedeck made and the notes no longer
/// hold, with the Anki search that finds them.
pub const ORPHANS: &str = "notedeck.orphans";

/// State shared between request handlers, the diagnostics worker and the startup scan.
pub(crate) struct Shared {
    config: Config,
    /// The collection the editor named in `initializationOptions` (wins over the config).
    collection: Mutex<Option<PathBuf>>,
    state: RwLock<State>,
    /// Files whose diagnostics must be recomputed, and names whose definitions changed
    /// (their other sites may have gained or lost a conflict).
    dirty: Mutex<Dirty>,
    /// Wakes the diagnostics worker.
    wake: Notify,
    /// Bumped on every change, so the worker can wait for typing to pause.
    generation: AtomicU64,
    /// True once the startup scan has loaded every note under the roots; until then, open
    /// files get their own findings and cross-file ones follow when the scan is done.
    scanned: watch::Sender<bool>,
    /// The last diagnostics published per file (with the version they were for), to skip
    /// re-publishing identical lists.
    published: Mutex<HashMap<PathBuf, Published>>,
    worker: OnceLock<()>,
}

/// A published list and the document version it was for.
type Published = (Option<i32>, Vec<Diagnostic>);

#[derive(Default)]
struct Dirty {
    /// Files the user changed: checked and published first.
    files: BTreeSet<PathBuf>,
    /// Other files whose findings the changes may have changed (the checker's index says
    /// which): a conflict is between two places, so fixing one side clears the other.
    affected: BTreeSet<PathBuf>,
}

impl Backend {
    /// A server talking to `client`.
    pub fn new(client: Client, config: Config) -> Self {
        let (scanned, _) = watch::channel(false);
        Self {
            client,
            shared: Arc::new(Shared {
                config,
                collection: Mutex::default(),
                state: RwLock::new(State::default()),
                dirty: Mutex::default(),
                wake: Notify::new(),
                generation: AtomicU64::new(0),
                scanned,
                published: Mutex::default(),
                worker: OnceLock::new(),
            }),
        }
    }

    /// Run `f` on the state under a read lock, turning a panic into an internal error.
    fn read<T>(&self, what: &str, f: impl FnOnce(&State) -> T) -> jsonrpc::Result<T> {
        guarded(what, || f(&self.shared.read()))
    }

    /// Queue `path` (if any) and the other files its change affected for diagnostics, and
    /// wake the worker.
    fn schedule(&self, path: Option<PathBuf>, affected: impl IntoIterator<Item = PathBuf>) {
        self.shared.schedule(path, affected);
    }

    /// Tell the client (its log) that handling a notification failed.
    async fn report(&self, err: jsonrpc::Error) {
        self.client
            .log_message(MessageType::ERROR, err.message.to_string())
            .await;
    }

    /// Answers a malformed message (replaced by `framing`) with the error it deserved.
    pub async fn invalid_message(&self, params: serde_json::Value) -> jsonrpc::Result<()> {
        let code = params["code"].as_i64().unwrap_or(-32700);
        let message = params["message"].as_str().unwrap_or("malformed message");
        Err(jsonrpc::Error {
            code: ErrorCode::from(code),
            message: message.to_string().into(),
            data: None,
        })
    }

    /// After a document notification: re-check what it affected, or start parsing a large
    /// buffer in the background.
    fn changed(&self, path: PathBuf, changed: sync::Changed) {
        match changed {
            sync::Changed::Analysed(affected) => self.schedule(Some(path), affected),
            sync::Changed::Deferred { path, open_id } => {
                tokio::spawn(parse_in_background(self.shared.clone(), path, open_id));
            }
            // The parse running for this buffer takes the new text when it is done.
            sync::Changed::Queued => {}
        }
    }

    fn start_worker(&self) {
        if self.shared.worker.set(()).is_ok() {
            tokio::spawn(diagnostics_worker(self.client.clone(), self.shared.clone()));
        }
    }
}

impl Shared {
    /// See [`Backend::schedule`].
    fn schedule(&self, path: Option<PathBuf>, affected: impl IntoIterator<Item = PathBuf>) {
        {
            let mut dirty = lock(&self.dirty);
            dirty.affected.extend(affected);
            if let Some(path) = path {
                dirty.files.insert(path);
            }
        }
        self.generation.fetch_add(1, Ordering::SeqCst);
        self.wake.notify_one();
    }
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> jsonrpc::Result<InitializeResult> {
        let roots = roots(&params);
        let options = reviews::Options::from_json(params.initialization_options.as_ref());
        guarded("initialize", || {
            let mut st = self.shared.write();
            st.host = AnalysisHost::new(roots);
            st.host.set_leech_severity(
                options
                    .leech_severity
                    .unwrap_or(self.shared.config.leech_severity),
            );
        })?;
        *lock(&self.shared.collection) = options.collection;
        self.start_worker();
        Ok(InitializeResult {
            server_info: Some(ServerInfo {
                name: "notedeck".to_string(),
                version: Some(env!("CARGO_PKG_VERSION").to_string()),
            }),
            capabilities: capabilities(),
            ..InitializeResult::default()
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        let explicit = lock(&self.shared.collection)
            .clone()
            .or_else(|| self.shared.config.collection.clone());
        if explicit.is_some() || self.shared.config.find_collection {
            tokio::spawn(reviews::watch(
                self.client.clone(),
                self.shared.clone(),
                explicit,
                self.shared.config.collection_poll,
            ));
        }
        let shared = self.shared.clone();
        let client = self.client.clone();
        tokio::spawn(async move {
            let started = std::time::Instant::now();
            let loading = shared.clone();
            let loaded = blocking("workspace scan", move || {
                let loaded = load_workspace(&loading);
                // The scan's transient memory (every note read and parsed on all cores).
                release_freed_memory();
                loaded
            })
            .await;
            shared.scanned.send_replace(true);
            let load_ms = started.elapsed().as_millis();
            // The open files first (now with cross-file findings): they are what the user is
            // looking at. Then the rest of the vault, for the problems view.
            for open_only in [true, false] {
                let computing = shared.clone();
                let batch = blocking("workspace diagnostics", move || {
                    startup_diagnostics(&computing, open_only)
                })
                .await;
                publish_all(&client, &shared, batch, true).await;
            }
            let warming = shared.clone();
            blocking("term answers", move || {
                let _warming = notedeck_ide::timing::span("lsp: common term answers");
                warm_terms(&warming, None);
                release_freed_memory();
            })
            .await;
            let message = format!(
                "notedeck: {LOADED} {loaded} notes in {load_ms} ms, checked in {} ms",
                started.elapsed().as_millis() - load_ms
            );
            client.log_message(MessageType::INFO, message).await;
        });
    }

    async fn shutdown(&self) -> jsonrpc::Result<()> {
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        match guarded("didOpen", || {
            sync::did_open(&mut self.shared.write(), params)
        }) {
            Ok((path, changed)) => self.changed(path, changed),
            Err(err) => self.report(err).await,
        }
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let path = uri_to_path(&params.text_document.uri);
        match guarded("didChange", || {
            let _applying = notedeck_ide::timing::span("lsp: apply a change");
            sync::did_change(&mut self.shared.write(), params)
        }) {
            Ok(Some(changed)) => self.changed(path, changed),
            Ok(None) => {} // a change to a document that was never opened
            Err(err) => {
                self.report(err).await;
                // The text is right even if its analysis failed; try again after the next.
                self.schedule(Some(path), Affected::default());
            }
        }
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let path = uri_to_path(&params.text_document.uri);
        let closed = guarded("didClose", || {
            sync::did_close(&mut self.shared.write(), &params)
        });
        lock(&self.shared.published).remove(&path);
        lock(&self.shared.dirty).files.remove(&path);
        self.client
            .publish_diagnostics(params.text_document.uri, Vec::new(), None)
            .await;
        match closed {
            // The closed file's own list was just cleared; the others may have changed.
            Ok(affected) => {
                let others: Vec<PathBuf> = affected.into_iter().filter(|p| *p != path).collect();
                if !others.is_empty() {
                    self.schedule(None, others);
                }
            }
            Err(err) => self.report(err).await,
        }
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        for change in params.changes {
            let reloaded = guarded("didChangeWatchedFiles", || {
                sync::did_change_watched_file(&mut self.shared.write(), &change)
            });
            match reloaded {
                Ok(Some((path, affected))) => self.schedule(Some(path), affected),
                Ok(None) => {} // open: the buffer wins over the disk
                Err(err) => self.report(err).await,
            }
        }
    }

    async fn hover(&self, params: HoverParams) -> jsonrpc::Result<Option<Hover>> {
        self.read("hover", |st| hover::hover(st, &params))
    }

    async fn goto_definition(
        &self,
        params: GotoDefinitionParams,
    ) -> jsonrpc::Result<Option<GotoDefinitionResponse>> {
        self.read("definition", |st| definition::definition(st, &params))
    }

    async fn references(&self, params: ReferenceParams) -> jsonrpc::Result<Option<Vec<Location>>> {
        self.read("references", |st| references::references(st, &params))
    }

    async fn document_symbol(
        &self,
        params: DocumentSymbolParams,
    ) -> jsonrpc::Result<Option<DocumentSymbolResponse>> {
        self.read("documentSymbol", |st| symbols::document(st, &params))
    }

    async fn symbol(
        &self,
        params: WorkspaceSymbolParams,
    ) -> jsonrpc::Result<Option<WorkspaceSymbolResponse>> {
        self.read("workspace/symbol", |st| symbols::workspace(st, &params))
    }

    async fn completion(
        &self,
        params: CompletionParams,
    ) -> jsonrpc::Result<Option<CompletionResponse>> {
        self.read("completion", |st| completion::completion(st, &params))
    }

    async fn code_action(
        &self,
        params: CodeActionParams,
    ) -> jsonrpc::Result<Option<CodeActionResponse>> {
        // Offering a repair remembers it (to point out uncertain characters once applied).
        guarded("codeAction", || {
            code_action::code_action(&mut self.shared.write(), &params)
        })
    }

    async fn code_lens(&self, params: CodeLensParams) -> jsonrpc::Result<Option<Vec<CodeLens>>> {
        self.read("codeLens", |st| code_lens::code_lens(st, &params))
    }

    async fn execute_command(
        &self,
        params: ExecuteCommandParams,
    ) -> jsonrpc::Result<Option<serde_json::Value>> {
        if params.command != ORPHANS {
            return Err(jsonrpc::Error::invalid_params(format!(
                "unknown command {:?}; notedeck runs {ORPHANS:?}",
                params.command
            )));
        }
        // Reading the vault again takes a while: off the lock, on the blocking pool.
        let (roots, open, collection) = self.read("executeCommand", |st| {
            let analysis = st.analysis();
            let open: Vec<(PathBuf, std::collections::HashSet<String>)> = st
                .open
                .keys()
                .filter_map(|p| {
                    let note = analysis.note(p)?;
                    Some((
                        p.clone(),
                        note.doc.cards.iter().map(|c| c.id.clone()).collect(),
                    ))
                })
                .collect();
            (st.host.roots().to_vec(), open, st.host.reviews_shared())
        })?;
        let Some(collection) = collection else {
            return Ok(Some(serde_json::json!({
                "orphans": [], "search": "", "message": "no Anki collection was read"
            })));
        };
        let ids = blocking("orphans", move || reviews::card_ids(&roots, &open)).await;
        let (orphans, search) = notedeck_ide::orphans(&collection, &ids);
        let list: Vec<serde_json::Value> = orphans
            .iter()
            .map(|(id, note)| {
                serde_json::json!({
                    "id": id,
                    "note_id": note.note_id(),
                    "deck": note.cards().next().map(|c| c.deck()).unwrap_or_default(),
                })
            })
            .collect();
        let message = if list.is_empty() {
            "no orphans: every notedeck note in Anki is still in the notes".to_string()
        } else {
            format!(
                "{} note(s) in Anki that the notes no longer hold; search Anki's browser for {search}",
                list.len()
            )
        };
        self.client
            .show_message(MessageType::INFO, message.clone())
            .await;
        Ok(Some(serde_json::json!({
            "orphans": list, "search": search, "message": message
        })))
    }
}

impl Shared {
    /// Use newly read review state, and re-publish the open files' diagnostics (leeches).
    /// The new state was built off the lock; under it the two are only swapped, and the old
    /// one is dropped after the lock is released, so requests never wait for it to be freed.
    pub(crate) fn set_reviews(&self, reviews: Option<Arc<notedeck_anki::collection::Collection>>) {
        let (open, old): (Vec<PathBuf>, _) = {
            let mut st = self.write();
            let old = st.host.set_reviews(reviews);
            (st.open.keys().cloned().collect(), old)
        };
        drop(old);
        lock(&self.dirty).files.extend(open);
        self.generation.fetch_add(1, Ordering::SeqCst);
        self.wake.notify_one();
    }

    fn read(&self) -> RwLockReadGuard<'_, State> {
        self.state.read().unwrap_or_else(PoisonError::into_inner)
    }

    /// The state for changing it (the host drops its cached answers itself on a change).
    fn write(&self) -> RwLockWriteGuard<'_, State> {
        self.state.write().unwrap_or_else(PoisonError::into_inner)
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(PositionEncodingKind::UTF16),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::INCREMENTAL),
                ..TextDocumentSyncOptions::default()
            },
        )),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        document_symbol_provider: Some(OneOf::Left(true)),
        workspace_symbol_provider: Some(OneOf::Left(true)),
        completion_provider: Some(CompletionOptions::default()),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX, code_action::PIN_KIND]),
            ..CodeActionOptions::default()
        })),
        execute_command_provider: Some(ExecuteCommandOptions {
            commands: vec![ORPHANS.to_string()],
            ..ExecuteCommandOptions::default()
        }),
        code_lens_provider: Some(CodeLensOptions {
            resolve_provider: Some(false),
        }),
        ..ServerCapabilities::default()
    }
}

/// Workspace folders, else the root URI, else the root path: where to look for notes.
#[allow(deprecated)] // root_uri / root_path are still what older clients send
fn roots(params: &InitializeParams) -> Vec<PathBuf> {
    if let Some(folders) = &params.workspace_folders
        && !folders.is_empty()
    {
        return folders.iter().map(|f| uri_to_path(&f.uri)).collect();
    }
    if let Some(uri) = &params.root_uri {
        return vec![uri_to_path(uri)];
    }
    params.root_path.iter().map(PathBuf::from).collect()
}

/// Load every note under the roots that the client does not have open; returns how many.
fn load_workspace(shared: &Shared) -> usize {
    let files = shared.read().host.files_to_load();
    // Parse on every core without holding the lock, so requests are answered meanwhile.
    let parsing = notedeck_ide::timing::span("lsp: read and parse");
    let cache = notedeck_ide::NoteCache::from_env();
    let notes = crate::parse_thread::load(&files, sync::PARSE_OFF_LOCK as u64, cache.as_ref());
    drop(parsing);
    let _inserting = notedeck_ide::timing::span("lsp: insert");
    let count = notes.len();
    let cards = notes.iter().map(|(_, note)| note.cards.cards.len()).sum();
    shared.write().host.reserve_cards(cards);
    // Insert a few notes per lock, so a hover waits for a few index updates, not a vault's.
    let mut notes = notes.into_iter().peekable();
    while notes.peek().is_some() {
        let batch: Vec<_> = notes.by_ref().take(INSERT_BATCH).collect();
        shared.write().host.insert_loaded(batch);
        // Let a request or an edit waiting for the lock have it before the next batch.
        std::thread::yield_now();
    }
    count
}

/// Notes inserted per write lock during the startup scan.
const INSERT_BATCH: usize = 32;

/// Diagnostics of the open files (each gets a versioned publish, even when clean), or of the
/// rest of the workspace (files with findings).
fn startup_diagnostics(shared: &Shared, open_only: bool) -> Vec<Publish> {
    if open_only {
        // One file per read lock: an edit made meanwhile waits for one file's check, not 20.
        let paths: Vec<PathBuf> = shared.read().open.keys().cloned().collect();
        return paths
            .into_iter()
            .filter_map(|path| {
                with_state(shared, [&path], |st| {
                    let diags = st
                        .open
                        .contains_key(&path)
                        .then(|| diagnostics::for_file(st, &path))?;
                    Some(Publish::new(st, path.clone(), diags))
                })
            })
            .collect();
    }
    // The whole vault is checked on a snapshot (it shares the notes and the index), without
    // the lock: an edit made meanwhile must not wait for the whole-vault check.
    let _checking = notedeck_ide::timing::span("lsp: check the vault");
    let (ws, open) = {
        let st = shared.read();
        let open: HashMap<PathBuf, Uri> = st
            .open
            .iter()
            .map(|(path, doc)| (path.clone(), doc.uri.clone()))
            .collect();
        (st.host.snapshot(), open)
    };
    let uri = |path: &std::path::Path| match open.get(path) {
        Some(uri) => Some(uri.clone()),
        None => Uri::from_file_path(path),
    };
    // Files opened meanwhile are left out here; their own check publishes them.
    diagnostics::for_workspace(&ws, &uri)
        .into_iter()
        .filter(|(path, _)| !open.contains_key(path))
        .map(|(path, diags)| Publish {
            path,
            diags,
            version: None,
        })
        .collect()
}

/// Waits for changes to pause, then recomputes and publishes the diagnostics of the files
/// that changed, then of the open files a change may have affected.
async fn diagnostics_worker(client: Client, shared: Arc<Shared>) {
    let scanned = shared.scanned.subscribe();
    loop {
        shared.wake.notified().await;
        loop {
            let seen = shared.generation.load(Ordering::SeqCst);
            tokio::time::sleep(shared.config.debounce).await;
            if shared.generation.load(Ordering::SeqCst) == seen {
                break;
            }
        }
        let batch = Arc::new(std::mem::take(&mut *lock(&shared.dirty)));
        // The edited files first: that is where the user is looking.
        let (computing, files) = (shared.clone(), batch.clone());
        let edited = blocking("diagnostics", move || changed_files(&computing, &files)).await;
        publish_all(&client, &shared, edited, false).await;
        // The edit made the term cache forget the edited notes' terms; the common ones are
        // answered again now, so the next hover of one does not gather its sites.
        if *scanned.borrow() {
            let (warming, files) = (shared.clone(), batch.clone());
            blocking("term answers", move || {
                let paths: Vec<&std::path::Path> =
                    files.files.iter().map(PathBuf::as_path).collect();
                warm_terms(&warming, Some(&paths));
            })
            .await;
        }
        // Before the vault is loaded, the scan re-checks every open file when it is done.
        if batch.affected.is_subset(&batch.files) || !*scanned.borrow() {
            continue;
        }
        let (computing, affected) = (shared.clone(), batch.clone());
        let others = blocking("diagnostics", move || affected_files(&computing, &affected)).await;
        publish_all(&client, &shared, others, false).await;
    }
}

/// Parse a large buffer off the request path, one parse at a time per document: requests are
/// answered from the previous parse meanwhile. Each round waits for typing to pause, then
/// parses the newest text; a parse overtaken by an edit is dropped and the loop goes again,
/// so a burst of keystrokes costs one parse at a time (not one per keystroke, each holding a
/// copy of the document and its parse), and the parse installed is always of the newest
/// buffer the loop saw. The loop ends once the analysis has the buffer's version, or the
/// document is closed.
async fn parse_in_background(shared: Arc<Shared>, path: PathBuf, open_id: u64) {
    let version = |shared: &Shared| shared.read().version(&path);
    loop {
        loop {
            let seen = version(&shared);
            tokio::time::sleep(shared.config.debounce).await;
            if version(&shared) == seen {
                break;
            }
        }
        let next = guarded("didChange parse", || {
            sync::next_parse(&mut shared.write(), &path, open_id)
        });
        let Ok(Some((text, at))) = next else { return };
        let (parsing, parsed) = (shared.clone(), path.clone());
        // `None`: the parse failed; `Some(None)`: it was stale (or the host lost the file).
        // On the one parse thread (see `parse_thread`), not the blocking pool.
        let applied = crate::parse_thread::run("didChange parse", move || {
            // What the last round left (its stale parse, the diagnostics it sent) goes
            // before this parse grows: the peak is then one parse over what is held.
            release_freed_memory();
            let note = notedeck_ide::open_note(&parsed, text);
            let applied = sync::apply_parse(&mut parsing.write(), &parsed, open_id, note, at);
            // A stale parse is dropped here, after the lock is released.
            let applied = applied.ok().flatten();
            release_freed_memory();
            applied
        })
        .await;
        match applied {
            Some(Some(affected)) => shared.schedule(Some(path.clone()), affected),
            Some(None) => {}
            None => {
                // Parsing this text failed and would fail again: the next change starts over.
                let _ = guarded("didChange parse", || {
                    sync::parse_failed(&mut shared.write(), &path, open_id);
                });
                return;
            }
        }
    }
}

/// Compute the hover answers about the common terms (of `paths`, or of the vault), one term
/// per read lock: an edit waits for one term's answer, not for all of them.
fn warm_terms(shared: &Shared, paths: Option<&[&std::path::Path]>) {
    let names = shared.read().analysis().common_terms(paths);
    for name in names {
        shared.read().analysis().warm_term(&name);
    }
}

/// Run `f` on the blocking pool; a panic in it yields nothing (and is logged to stderr).
async fn blocking<T: Default + Send + 'static>(
    what: &'static str,
    f: impl FnOnce() -> T + Send + 'static,
) -> T {
    tokio::task::spawn_blocking(move || guarded(what, f).unwrap_or_default())
        .await
        .unwrap_or_default()
}

/// Diagnostics for the files that changed.
fn changed_files(shared: &Shared, batch: &Dirty) -> Vec<Publish> {
    let _checking = notedeck_ide::timing::span("lsp: check the edited files");
    with_state(shared, &batch.files, |st| {
        let paths: Vec<&std::path::Path> = batch
            .files
            .iter()
            .map(PathBuf::as_path)
            .filter(|p| st.ws().get(p).is_some())
            .collect();
        paths
            .iter()
            .zip(diagnostics::for_files(st, &paths))
            .map(|(p, diags)| Publish::new(st, p.to_path_buf(), diags))
            .collect()
    })
}

/// Run `f` on the state: under the read lock, or on a snapshot when one of `paths` is a large
/// note. Checking a note of megabytes takes long enough that an edit waiting for the write
/// lock, and every request queued behind that edit, would stall; a snapshot costs a copy of
/// the checker's index when the workspace changes while it is alive, which small notes are
/// checked too quickly to need.
fn with_state<'a, T>(
    shared: &Shared,
    paths: impl IntoIterator<Item = &'a PathBuf>,
    f: impl FnOnce(&State) -> T,
) -> T {
    let st = shared.read();
    let large = paths.into_iter().any(|p| {
        st.ws()
            .get(p)
            .is_some_and(|note| note.text.len() >= sync::PARSE_OFF_LOCK)
    });
    if large {
        let snapshot = st.snapshot();
        drop(st);
        f(&snapshot)
    } else {
        f(&st)
    }
}

/// Diagnostics for the other files whose findings the changes may have changed (the checker's
/// index names them). Only lists that differ from what the client has are returned: a file
/// shown with findings gets its new list (empty when they are gone), an open file its first
/// list, a closed file nothing shown only when it now has findings.
///
/// An edit of a note that writes the vault's common terms affects nearly every file, so they
/// are checked together (each shared key looked at once per chunk) and a chunk at a time, each
/// under its own read lock: an edit made meanwhile waits for one chunk, not the vault. A chunk
/// checked after such an edit may be of the newer text; that edit re-checks what it affects
/// after this batch, so the last list published for a file is of the newest text. Once a newer
/// change is queued the files not yet checked go back in the queue for its batch, so the next
/// edit's own file is checked after one chunk, not after the vault.
fn affected_files(shared: &Shared, batch: &Dirty) -> Vec<Publish> {
    let _checking = notedeck_ide::timing::span("lsp: check the affected files");
    let seen = shared.generation.load(Ordering::SeqCst);
    let paths: Vec<&PathBuf> = batch.affected.difference(&batch.files).collect();
    let mut out = Vec::new();
    for (i, chunk) in paths.chunks(AFFECTED_CHUNK).enumerate() {
        if shared.generation.load(Ordering::SeqCst) != seen {
            let rest = paths.iter().skip(i * AFFECTED_CHUNK).map(|p| (*p).clone());
            lock(&shared.dirty).affected.extend(rest);
            break;
        }
        with_state(shared, chunk.iter().copied(), |st| {
            let paths: Vec<&std::path::Path> = chunk.iter().map(|p| p.as_path()).collect();
            for (path, diags) in chunk.iter().zip(diagnostics::for_files(st, &paths)) {
                let unchanged = match lock(&shared.published).get(*path) {
                    Some((_, shown)) => shown == &diags,
                    None => !st.open.contains_key(*path) && diags.is_empty(),
                };
                if !unchanged {
                    out.push(Publish::new(st, (*path).clone(), diags));
                }
            }
        });
    }
    out
}

/// Files re-checked per read lock after an edit (see [`affected_files`]).
const AFFECTED_CHUNK: usize = 256;

/// Diagnostics of one file, with the buffer version they were computed from.
struct Publish {
    path: PathBuf,
    diags: Vec<Diagnostic>,
    version: Option<i32>,
}

impl Publish {
    fn new(st: &State, path: PathBuf, diags: Vec<Diagnostic>) -> Self {
        // The version the analysis was made from: while a large buffer is parsed off the
        // lock, it is older than the buffer, and `publish_all` drops the list.
        let version = st.analysed_version(&path);
        Self {
            path,
            diags,
            version,
        }
    }
}

/// Publish, tagged with the version each list was computed from. A list computed from a
/// buffer that has changed since is dropped: the change queued a fresh computation. At
/// startup, files that are not open are published only when they have findings.
async fn publish_all(client: &Client, shared: &Shared, batch: Vec<Publish>, startup: bool) {
    let mut sends = Vec::with_capacity(batch.len());
    {
        let st = shared.read();
        let mut published = lock(&shared.published);
        for p in batch {
            if st.version(&p.path) != p.version {
                continue;
            }
            if startup && p.version.is_none() && p.diags.is_empty() {
                continue;
            }
            let last = published.get(&p.path);
            if last.is_some_and(|(v, d)| *v == p.version && *d == p.diags) {
                continue;
            }
            let Some(uri) = st.uri(&p.path) else { continue };
            published.insert(p.path, (p.version, p.diags.clone()));
            sends.push((uri, p.diags, p.version));
        }
    }
    for (uri, diags, version) in sends {
        client.publish_diagnostics(uri, diags, version).await;
    }
}
