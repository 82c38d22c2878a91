//! [`PluginHost`]: the plugins of one running app, their state, and the atlas
//! made of the built-in pack and the enabled plugins' packs.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use serde::Serialize;
use ts_rs::TS;

use super::{
    load, sha256_file, Assessment, AssessmentScore, LibraryFile, Manifest, PluginError,
    PluginFolder, PluginProcess,
};
use crate::atlas::Atlas;
use crate::error::Error;
use crate::model::{Invalid, PluginId};
use crate::store::{PluginRow, SeenPlugin, Store};

/// Where to look for plugins and what runs their code in a child process.
#[derive(Debug, Clone, PartialEq)]
pub struct PluginOptions {
    /// Folders holding one sub-folder per plugin.
    pub dirs: Vec<PathBuf>,
    pub process: PluginProcess,
}

impl PluginOptions {
    /// Plugins in `dirs`, run in child processes of this executable (the
    /// `myochart` CLI).
    pub fn new(dirs: Vec<PathBuf>) -> PluginOptions {
        PluginOptions {
            dirs,
            process: PluginProcess::current_exe(),
        }
    }
}

/// What the plugin manager shows for a plugin.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "kebab-case")]
#[ts(export, export_to = "../ui/src/bindings/")]
pub enum PluginState {
    /// New, or changed since it was approved: none of its code has run.
    AwaitingApproval,
    /// Approved and its content is in the atlas.
    Enabled,
    /// Approved but its content is hidden.
    Disabled,
    /// It could not be read, probed, loaded or validated; see `error`.
    Failed,
}

/// One plugin as the plugin manager lists it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct PluginInfo {
    /// Registry id to approve, enable or disable it; `None` when the folder's
    /// `plugin.toml` can't be read, so there is nothing to approve.
    pub id: Option<PluginId>,
    pub folder: String,
    pub library: String,
    pub namespace: String,
    pub name: String,
    pub version: String,
    pub author: String,
    pub description: String,
    /// Hex SHA-256 of the library file.
    pub sha256: String,
    pub state: PluginState,
    /// Why it failed, naming the file.
    pub error: Option<String>,
    pub approved_at: Option<String>,
}

/// The plugins found at start-up, with the atlas their enabled content makes.
#[derive(Debug)]
pub struct PluginHost {
    options: PluginOptions,
    state: Mutex<HostState>,
}

#[derive(Debug, Default)]
struct HostState {
    entries: Vec<Entry>,
    /// Made when first asked for (the window's first screen has no use for
    /// it), and again when a plugin's content joins or leaves.
    atlas: Option<Arc<Atlas>>,
}

#[derive(Debug)]
struct Entry {
    folder: PathBuf,
    /// `None` for a folder that could not be read.
    row: Option<PluginRow>,
    error: Option<String>,
    /// Set once loaded; stays loaded (and in memory) until the process ends.
    loaded: Option<Loaded>,
}

/// A plugin loaded in this process: its content, and the private copy of its
/// library (and that copy's hash) that child processes run its calls from.
#[derive(Debug)]
struct Loaded {
    manifest: Manifest,
    copy: PathBuf,
    sha256: String,
}

impl Entry {
    fn state(&self) -> PluginState {
        match &self.row {
            None => PluginState::Failed,
            Some(row) if row.approved_at.is_none() => PluginState::AwaitingApproval,
            Some(row) if !row.enabled => PluginState::Disabled,
            Some(_) if self.error.is_some() => PluginState::Failed,
            Some(_) => PluginState::Enabled,
        }
    }

    fn shows_content(&self) -> bool {
        self.state() == PluginState::Enabled && self.loaded.is_some()
    }

    fn info(&self) -> PluginInfo {
        let row = self.row.clone().unwrap_or(PluginRow {
            id: PluginId(0),
            path: String::new(),
            namespace: String::new(),
            name: self
                .folder
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            version: String::new(),
            author: String::new(),
            description: String::new(),
            sha256: String::new(),
            approved_at: None,
            enabled: false,
            last_error: None,
        });
        PluginInfo {
            id: self.row.as_ref().map(|r| r.id),
            folder: self.folder.display().to_string(),
            library: row.path,
            namespace: row.namespace,
            name: row.name,
            version: row.version,
            author: row.author,
            description: row.description,
            sha256: row.sha256,
            state: self.state(),
            error: self.error.clone(),
            approved_at: row.approved_at,
        }
    }
}

/// A plugin folder as the registry records it; `path` is its library's.
fn seen<'a>(folder: &'a PluginFolder, path: &'a str) -> SeenPlugin<'a> {
    let d = &folder.descriptor;
    SeenPlugin {
        path,
        namespace: &d.namespace,
        name: &d.name,
        version: &d.version,
        author: &d.author,
        description: &d.description,
        sha256: &folder.sha256,
    }
}

/// Records what discovery read about a plugin folder.
async fn register(
    store: &Store,
    actor: &str,
    folder: &PluginFolder,
) -> crate::store::Result<PluginRow> {
    let path = folder.library.display().to_string();
    store.see_plugin(actor, seen(folder, &path)).await
}

/// Whether `row` (what was listed, and approved if it was) is `folder` as it
/// is now: the same library and the same `plugin.toml`.
fn unchanged(row: &PluginRow, folder: &PluginFolder) -> bool {
    let path = folder.library.display().to_string();
    seen(folder, &path).describes(row)
}

impl PluginHost {
    /// No plugins: the built-in atlas only.
    pub fn without_plugins() -> PluginHost {
        PluginHost {
            options: PluginOptions::new(Vec::new()),
            state: Mutex::default(),
        }
    }

    /// Finds the plugins in `options.dirs`, records new and changed libraries
    /// as awaiting approval, and loads the approved, enabled ones. A plugin
    /// that fails is listed with its reason; only a database error fails the
    /// start.
    pub async fn start(
        options: PluginOptions,
        store: &Store,
        actor: &str,
    ) -> Result<PluginHost, Error> {
        let host = PluginHost {
            state: Mutex::default(),
            options,
        };
        for found in super::discover(&host.options.dirs) {
            let entry = match found {
                Ok(folder) => Entry {
                    row: Some(register(store, actor, &folder).await?),
                    folder: folder.folder,
                    error: None,
                    loaded: None,
                },
                Err(e) => Entry {
                    folder: e
                        .path
                        .parent()
                        .map(Path::to_owned)
                        .unwrap_or_else(|| e.path.clone()),
                    row: None,
                    error: Some(e.to_string()),
                    loaded: None,
                },
            };
            host.lock().entries.push(entry);
        }
        let to_load: Vec<PluginId> = host
            .lock()
            .entries
            .iter()
            .filter(|e| e.state() == PluginState::Enabled)
            .filter_map(|e| e.row.as_ref().map(|r| r.id))
            .collect();
        for id in to_load {
            host.activate(store, actor, id).await?;
        }
        prune_cache(&cache_dir(store), &store.approved_plugin_hashes().await?);
        Ok(host)
    }

    fn lock(&self) -> MutexGuard<'_, HostState> {
        // The state stays consistent between statements, so a panic elsewhere
        // while holding the lock leaves nothing half-done.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The built-in atlas with the enabled plugins' content.
    pub fn atlas(&self) -> Arc<Atlas> {
        let mut state = self.lock();
        state
            .atlas
            .get_or_insert_with(|| Arc::new(Atlas::builtin()))
            .clone()
    }

    /// Every plugin found, in folder order.
    pub fn plugins(&self) -> Vec<PluginInfo> {
        self.lock().entries.iter().map(Entry::info).collect()
    }

    /// One plugin; `None` if this host did not find it.
    pub fn plugin(&self, id: PluginId) -> Option<PluginInfo> {
        self.lock()
            .entries
            .iter()
            .find(|e| e.row.as_ref().is_some_and(|r| r.id == id))
            .map(Entry::info)
    }

    /// The enabled plugins' assessments.
    pub fn assessments(&self) -> Vec<Assessment> {
        self.lock()
            .entries
            .iter()
            .filter(|e| e.shows_content())
            .filter_map(|e| e.loaded.as_ref())
            .flat_map(|loaded| loaded.manifest.assessments.iter().cloned())
            .collect()
    }

    /// Approves the library as it is on disk now, then probes and loads it.
    /// If it changed since it was listed, it is listed again and not approved.
    /// A plugin that fails to load is still approved; its state says why.
    pub async fn approve(
        &self,
        store: &Store,
        actor: &str,
        id: PluginId,
    ) -> Result<PluginInfo, Error> {
        let (folder, row) = self.listed(id)?;
        let now =
            PluginFolder::read(&folder).map_err(|e| Invalid::field("plugin", e.to_string()))?;
        if !unchanged(&row, &now) {
            self.relist(store, actor, id, &now).await?;
            return Err(Invalid::field(
                "plugin",
                format!(
                    "plugin {}: the library or its plugin.toml changed since it was listed; \
                     check it and approve it again",
                    now.library.display()
                ),
            )
            .into());
        }
        store.approve_plugin(actor, id, &row.sha256).await?;
        self.set_row(store.plugin(id).await?, None);
        self.activate(store, actor, id).await?;
        self.plugin(id).ok_or_else(|| not_listed(id))
    }

    /// Shows an approved plugin's content, loading it if needed.
    pub async fn enable(
        &self,
        store: &Store,
        actor: &str,
        id: PluginId,
    ) -> Result<PluginInfo, Error> {
        self.listed(id)?;
        if store.plugin(id).await?.approved_at.is_none() {
            return Err(Invalid::field("plugin", "approve the plugin before enabling it").into());
        }
        self.set_row(store.set_plugin_enabled(actor, id, true).await?, None);
        self.activate(store, actor, id).await?;
        self.plugin(id).ok_or_else(|| not_listed(id))
    }

    /// Hides a plugin's content; it stays in memory until the app restarts.
    pub async fn disable(
        &self,
        store: &Store,
        actor: &str,
        id: PluginId,
    ) -> Result<PluginInfo, Error> {
        self.listed(id)?;
        self.set_row(store.set_plugin_enabled(actor, id, false).await?, None);
        self.rebuild();
        self.plugin(id).ok_or_else(|| not_listed(id))
    }

    /// Scores an enabled assessment through its plugin's `call`, run in a
    /// child process.
    pub async fn score(
        &self,
        id: &str,
        values: &BTreeMap<String, f64>,
    ) -> Result<AssessmentScore, Error> {
        let (copy, sha256, assessment, path) = {
            let state = self.lock();
            let found = state
                .entries
                .iter()
                .filter(|e| e.shows_content())
                .find_map(|e| {
                    let loaded = e.loaded.as_ref()?;
                    let a = loaded.manifest.assessments.iter().find(|a| a.id == id)?;
                    let path = e.row.as_ref().map(|r| PathBuf::from(&r.path))?;
                    Some((loaded.copy.clone(), loaded.sha256.clone(), a.clone(), path))
                });
            found.ok_or_else(|| {
                Invalid::field("assessment", format!("no enabled assessment \"{id}\""))
            })?
        };
        for (field, value) in values {
            if !assessment.fields.iter().any(|f| &f.id == field) {
                return Err(Invalid::field(
                    field,
                    format!("{} has no field \"{field}\"", assessment.name),
                )
                .into());
            }
            if !value.is_finite() {
                return Err(Invalid::field(field, "enter a number").into());
            }
        }
        let fail = |reason: String| Error::Plugin(PluginError::new(&path, reason));
        let input = serde_json::to_vec(values).map_err(|e| fail(e.to_string()))?;
        let process = self.options.process.clone();
        let method = assessment.method.clone();
        let reply =
            tokio::task::spawn_blocking(move || process.call(&copy, &sha256, &method, &input))
                .await
                .map_err(|e| fail(format!("scoring {id} did not run: {e}")))?
                .map_err(|reason| fail(format!("scoring {id} failed: {reason}")))?;
        serde_json::from_slice(&reply)
            .map_err(|e| fail(format!("scoring {id} returned an invalid score: {e}")))
    }

    /// Folder and registry row of a plugin this host found.
    fn listed(&self, id: PluginId) -> Result<(PathBuf, PluginRow), Error> {
        let state = self.lock();
        let entry = state
            .entries
            .iter()
            .find(|e| e.row.as_ref().is_some_and(|r| r.id == id))
            .ok_or_else(|| not_listed(id))?;
        let row = entry.row.clone().ok_or_else(|| not_listed(id))?;
        Ok((entry.folder.clone(), row))
    }

    fn set_row(&self, row: PluginRow, error: Option<String>) {
        let mut state = self.lock();
        if let Some(entry) = state
            .entries
            .iter_mut()
            .find(|e| e.row.as_ref().is_some_and(|r| r.id == row.id))
        {
            entry.row = Some(row);
            entry.error = error;
        }
    }

    /// Records a changed library: it is awaiting approval again.
    async fn relist(
        &self,
        store: &Store,
        actor: &str,
        id: PluginId,
        folder: &PluginFolder,
    ) -> Result<(), Error> {
        let row = register(store, actor, folder).await?;
        debug_assert_eq!(row.id, id);
        self.set_row(row, None);
        self.rebuild();
        Ok(())
    }

    /// Probes (in a child process), loads and validates an approved, enabled
    /// plugin, then adds its content; on failure records why.
    async fn activate(&self, store: &Store, actor: &str, id: PluginId) -> Result<(), Error> {
        let (folder, row) = self.listed(id)?;
        let already = self
            .lock()
            .entries
            .iter()
            .any(|e| e.row.as_ref().is_some_and(|r| r.id == id) && e.loaded.is_some());
        if !already {
            match self.load_checked(&folder, &row, &cache_dir(store)).await {
                Ok(Ok(loaded)) => {
                    let mut state = self.lock();
                    if let Some(e) = state
                        .entries
                        .iter_mut()
                        .find(|e| e.row.as_ref().is_some_and(|r| r.id == id))
                    {
                        e.loaded = Some(loaded);
                        e.error = None;
                    }
                }
                Ok(Err(changed)) => return self.relist(store, actor, id, &changed).await,
                Err(e) => {
                    store.set_plugin_error(id, Some(&e.to_string())).await?;
                    let row = store.plugin(id).await?;
                    self.set_row(row, Some(e.to_string()));
                    return Ok(());
                }
            }
        }
        self.rebuild();
        let error = self.plugin(id).and_then(|p| p.error);
        store.set_plugin_error(id, error.as_deref()).await?;
        Ok(())
    }

    /// The library, if it and its `plugin.toml` are still the approved ones
    /// (`Ok(Err(folder))` if they changed), copied into `cache` under its hash, probed in a child
    /// process, then loaded and validated in this process. Working on a
    /// private, read-only copy means rewriting the installed library can't
    /// change (or crash) the loaded one; the probe reports the hash of the
    /// file it loaded, and this process loads the copy through the handle it
    /// hashed, so both ran the approved bytes. Errors name the installed
    /// library.
    async fn load_checked(
        &self,
        folder: &Path,
        approved: &PluginRow,
        cache: &Path,
    ) -> Result<Result<Loaded, PluginFolder>, PluginError> {
        let approved_sha = approved.sha256.as_str();
        let now = PluginFolder::read(folder)?;
        if !unchanged(approved, &now) {
            return Ok(Err(now));
        }
        let fail = |reason: String| PluginError::new(&now.library, reason);
        let copy = private_copy(&now.library, approved_sha, cache)?;
        if LibraryFile::open(&copy).map_err(fail)?.sha256() != approved_sha {
            // The installed file changed while it was being copied.
            return Ok(Err(PluginFolder::read(folder)?));
        }
        let process = self.options.process.clone();
        let target = copy.clone();
        let report = tokio::task::spawn_blocking(move || process.probe(&target))
            .await
            .map_err(|e| fail(format!("the probe did not run: {e}")))?
            .map_err(fail)?;
        let different = || fail("the probe loaded a different file than the one approved".into());
        if report.sha256.as_deref() != Some(approved_sha) {
            return Err(different());
        }
        let file = LibraryFile::open(&copy).map_err(fail)?;
        if file.sha256() != approved_sha {
            return Err(different());
        }
        let (atlas, assessments) = (self.atlas(), self.assessments());
        let namespace = Some(now.descriptor.namespace.as_str());
        let (_, manifest) =
            load(file, namespace, &atlas, &assessments).map_err(|e| fail(e.reason))?;
        Ok(Ok(Loaded {
            manifest,
            copy,
            sha256: approved_sha.to_owned(),
        }))
    }

    /// Remakes the atlas from the built-in pack and the packs of the plugins
    /// that show content, in folder order. A pack that no longer fits (say it
    /// used a technique of a plugin now disabled) is marked failed.
    fn rebuild(&self) {
        let mut state = self.lock();
        let mut atlas = Atlas::builtin();
        for entry in &mut state.entries {
            if !entry.shows_content() {
                continue;
            }
            let Some(loaded) = &entry.loaded else {
                continue;
            };
            match atlas.clone().with_pack(loaded.manifest.pack.clone()) {
                Ok(with) => atlas = with,
                Err(e) => {
                    let path = entry
                        .row
                        .as_ref()
                        .map(|r| r.path.clone())
                        .unwrap_or_default();
                    entry.error =
                        Some(PluginError::new(Path::new(&path), e.to_string()).to_string());
                }
            }
        }
        state.atlas = Some(Arc::new(atlas));
    }
}

/// The copy of `library` in `cache`, named by its hash (made if missing or
/// damaged). A new copy is written aside, made read-only and renamed into
/// place, so a copy this process already loaded is never rewritten.
fn private_copy(library: &Path, sha: &str, cache: &Path) -> Result<PathBuf, PluginError> {
    let copy = cache.join(format!("{sha}.{}", std::env::consts::DLL_EXTENSION));
    if sha256_file(&copy).ok().as_deref() == Some(sha) {
        return Ok(copy);
    }
    let fail = |e: std::io::Error| {
        PluginError::new(
            library,
            format!("can't copy it into {}: {e}", cache.display()),
        )
    };
    private_folder(cache).map_err(fail)?;
    let partial = copy.with_extension("partial");
    match std::fs::remove_file(&partial) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(fail(e)),
        _ => {}
    }
    let mut source = std::fs::File::open(library).map_err(fail)?;
    let mut target = crate::private::create_file(&partial).map_err(fail)?;
    std::io::copy(&mut source, &mut target).map_err(fail)?;
    let mut read_only = target.metadata().map_err(fail)?.permissions();
    read_only.set_readonly(true);
    target.set_permissions(read_only).map_err(fail)?;
    std::fs::rename(&partial, &copy).map_err(fail)?;
    Ok(copy)
}

/// Makes `cache` (a folder only this app writes) this user's only, refusing
/// one that belongs to somebody else or is not a plain folder.
fn private_folder(cache: &Path) -> std::io::Result<()> {
    crate::private::create_folder(cache)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let meta = std::fs::symlink_metadata(cache)?;
        // SAFETY: geteuid has no preconditions and can't fail.
        let user = unsafe { libc::geteuid() };
        if !meta.is_dir() || meta.uid() != user {
            return Err(std::io::Error::other(
                "it is not a folder of this user's own",
            ));
        }
    }
    crate::private::restrict(cache)
}

/// Where the approved libraries of the database at `store` are copied before
/// they are loaded: beside the database, which the app can always write, one
/// folder per database (the demo database keeps its own).
fn cache_dir(store: &Store) -> PathBuf {
    store.path().with_extension("plugin-cache")
}

/// Removes the copies of libraries that are no longer approved (older versions
/// of updated plugins, and what was copied aside for them). Best effort: where
/// the system refuses (a copy still loaded by another window, on Windows), it
/// is tried again at the next start.
fn prune_cache(cache: &Path, approved: &[String]) {
    let Ok(files) = std::fs::read_dir(cache) else {
        return;
    };
    for path in files.flatten().map(|file| file.path()) {
        let hash = path.file_stem().and_then(|stem| stem.to_str());
        if !hash.is_some_and(|hash| approved.iter().any(|sha| sha == hash)) {
            let _ = std::fs::remove_file(&path);
        }
    }
}

fn not_listed(id: PluginId) -> Error {
    Invalid::field(
        "plugin",
        format!("plugin {id} is not in the plugins folders this app was started with"),
    )
    .into()
}
