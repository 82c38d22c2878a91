//! Loading a plugin library into this process and talking to it through the C
//! boundary of `myochart-plugin-abi`.
//!
//! Loading runs the library's code, so only approved and probed libraries get
//! here ([`super::PluginHost`]) or the probe's child process
//! ([`super::probe`]). A loaded library is never unloaded: unloading Rust
//! libraries that used thread-locals is unsound, so the handle is leaked and
//! lives as long as the process.

use std::fs::File;
use std::path::{Component, Path, PathBuf};

use myochart_plugin_abi::{
    CallFn, FreeFn, ManifestFn, Reply, ABI_SYMBOL, ABI_VERSION, CALL_SYMBOL, FREE_SYMBOL,
    MANIFEST_SYMBOL, STATUS_OK,
};

/// A loaded plugin library: its entry points, valid for the process lifetime.
#[derive(Debug, Clone, Copy)]
pub struct Library {
    manifest: ManifestFn,
    call: Option<CallFn>,
    free: FreeFn,
}

/// A library file opened once, hashed through that handle and loaded through
/// it too, so the bytes loaded are the bytes hashed even if the path is
/// replaced in between (on Linux, through `/proc/self/fd`; elsewhere by path,
/// from the read-only copy in the user's own cache folder).
#[derive(Debug)]
pub struct LibraryFile {
    file: File,
    path: PathBuf,
    sha256: String,
}

impl LibraryFile {
    /// Opens and hashes the library at `path`. The error is the reason,
    /// without the path.
    pub fn open(path: &Path) -> Result<LibraryFile, String> {
        let mut file = File::open(path).map_err(|e| format!("can't read the library: {e}"))?;
        let sha256 = super::folder::sha256_of(&mut file)
            .map_err(|e| format!("can't read the library: {e}"))?;
        Ok(LibraryFile {
            file,
            path: path.to_owned(),
            sha256,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Hex SHA-256 of the bytes read through the open file.
    pub fn sha256(&self) -> &str {
        &self.sha256
    }

    /// The name the loader opens: the very file hashed.
    fn load_path(&self) -> PathBuf {
        #[cfg(target_os = "linux")]
        {
            use std::os::fd::AsRawFd;
            PathBuf::from(format!("/proc/self/fd/{}", self.file.as_raw_fd()))
        }
        #[cfg(not(target_os = "linux"))]
        {
            self.path.clone()
        }
    }
}

impl Library {
    /// Loads `file`, then checks its ABI version before touching anything
    /// else. The error is the reason, without the path.
    pub fn open(file: LibraryFile) -> Result<Library, String> {
        // SAFETY: loading runs the library's initialisers; the caller only
        // loads libraries the user approved (or, in the probe, in a child
        // process that may crash).
        let library = unsafe { libloading::Library::new(file.load_path()) }
            .map_err(|e| format!("can't load the library: {e}"))?;
        // Never unloaded (see the module docs). Nor is its file closed: the
        // loader knows it by its `/proc/self/fd` name and would hand this
        // library back for another file given the same descriptor number.
        let library: &'static libloading::Library = Box::leak(Box::new(library));
        std::mem::forget(file.file);

        // SAFETY: the symbol, if present, is the plugin's `u32` ABI static.
        let abi = unsafe { library.get::<*const u32>(ABI_SYMBOL) }.map_err(|_| {
            "it exports no MYOCHART_PLUGIN_ABI symbol, so it is not a Myochart plugin \
             (plugins export it with myochart-plugin-sdk's export_plugin!)"
                .to_owned()
        })?;
        // SAFETY: as above; the static lives as long as the library (forever).
        let version = unsafe { **abi };
        if version != ABI_VERSION {
            return Err(format!(
                "it was built for plugin ABI version {version}, but this Myochart supports \
                 version {ABI_VERSION}; rebuild it with a matching myochart-plugin-sdk"
            ));
        }
        let symbol = |name: &[u8]| {
            let name =
                String::from_utf8_lossy(name.strip_suffix(b"\0").unwrap_or(name)).into_owned();
            format!("it exports no {name} function")
        };
        // SAFETY: with the ABI version checked, these symbols have the types
        // version 1 defines.
        unsafe {
            Ok(Library {
                manifest: *library
                    .get::<ManifestFn>(MANIFEST_SYMBOL)
                    .map_err(|_| symbol(MANIFEST_SYMBOL))?,
                free: *library
                    .get::<FreeFn>(FREE_SYMBOL)
                    .map_err(|_| symbol(FREE_SYMBOL))?,
                call: library.get::<CallFn>(CALL_SYMBOL).ok().map(|f| *f),
            })
        }
    }

    pub fn has_call(&self) -> bool {
        self.call.is_some()
    }

    /// The manifest's JSON bytes.
    pub fn manifest(&self) -> Result<Vec<u8>, String> {
        // SAFETY: an ABI-1 manifest function, called as the ABI defines.
        let reply = unsafe { (self.manifest)() };
        self.take(reply)
            .map_err(|reason| format!("its manifest failed: {reason}"))
    }

    /// Calls `method` with `input` (JSON); returns the reply's JSON bytes.
    pub fn call(&self, method: &str, input: &[u8]) -> Result<Vec<u8>, String> {
        let call = self.call.ok_or("the plugin exports no call function")?;
        // SAFETY: both byte ranges stay valid for the duration of the call.
        let reply = unsafe { call(method.as_ptr(), method.len(), input.as_ptr(), input.len()) };
        self.take(reply)
    }

    /// Copies a reply's bytes, then hands it back to the plugin to free: memory
    /// is released by the side that allocated it.
    fn take(&self, reply: Reply) -> Result<Vec<u8>, String> {
        let bytes = if reply.ptr.is_null() || reply.len == 0 {
            Vec::new()
        } else {
            // SAFETY: the ABI promises `len` readable bytes until freed.
            unsafe { std::slice::from_raw_parts(reply.ptr, reply.len) }.to_vec()
        };
        let ok = reply.status == STATUS_OK;
        // SAFETY: the reply came from this library and is freed exactly once.
        unsafe { (self.free)(reply) };
        if ok {
            Ok(bytes)
        } else {
            Err(String::from_utf8_lossy(&bytes).into_owned())
        }
    }
}

/// The library file of a plugin folder: the one `plugin.toml` names, or else
/// the folder's only file with this platform's library extension. Either must
/// be a file inside the folder (no absolute path, no `..`, no link out of it):
/// the user approves a folder, not whatever it points to.
pub fn library_in(folder: &Path, named: Option<&str>) -> Result<PathBuf, String> {
    if let Some(name) = named {
        let outside = || {
            format!(
                "plugin.toml names library \"{name}\", which must be a file inside the plugin folder"
            )
        };
        let plain = Path::new(name)
            .components()
            .all(|c| matches!(c, Component::Normal(_)));
        let path = folder.join(name);
        return if plain && inside(folder, &path) {
            Ok(path)
        } else {
            Err(outside())
        };
    }
    let extension = std::env::consts::DLL_EXTENSION;
    let entries = std::fs::read_dir(folder).map_err(|e| format!("can't read the folder: {e}"))?;
    let mut libraries: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == extension))
        .collect();
    match libraries.len() {
        1 if inside(folder, &libraries[0]) => Ok(libraries.remove(0)),
        1 => Err(format!(
            "{} links out of the folder; the library must be a file inside the plugin folder",
            libraries[0].display()
        )),
        0 => Err(format!(
            "there is no .{extension} library beside plugin.toml"
        )),
        n => Err(format!(
            "there are {n} .{extension} libraries; name one with `library = \"...\"` in plugin.toml"
        )),
    }
}

/// Whether `path` is a file that, links resolved, lies inside `folder`.
fn inside(folder: &Path, path: &Path) -> bool {
    match (folder.canonicalize(), path.canonicalize()) {
        (Ok(folder), Ok(path)) => path.starts_with(folder) && path.is_file(),
        _ => false,
    }
}
