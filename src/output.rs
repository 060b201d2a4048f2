//! Writing the site: everything goes into a staging folder beside the output,
//! which is then swapped in. A failed or interrupted build leaves the previous
//! output as it was, and a folder afspraak did not make is never touched.

use std::collections::BTreeSet;
use std::fs;
use std::io::{Read, Write};
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use anyhow::Context;
use rayon::prelude::*;

use crate::render::SiteOutput;

mod precompress;
pub use precompress::Precompressing;

/// What every page afspraak makes carries in its head. A folder whose home
/// page has it is a site afspraak built, which a build may replace; nothing
/// else of ours is left in the published folder.
pub const GENERATOR: &str = r#"<meta name="generator" content="afspraak">"#;
/// Files that earlier versions left in the output folder: still recognised,
/// and gone after the next build.
const LEGACY_MARKER: &str = ".afspraak-output";

/// Whether `dir` holds a site afspraak built: its home page names afspraak
/// as generator, or (a theme whose base.html lacks the tag) its Atom feed
/// does, or an earlier version marked it.
pub fn made_by_afspraak(dir: &Path) -> bool {
    fn head_has(path: &Path, needle: &str) -> bool {
        let Ok(file) = fs::File::open(path) else {
            return false;
        };
        let mut head = Vec::with_capacity(8192);
        file.take(8192).read_to_end(&mut head).is_ok()
            && String::from_utf8_lossy(&head).contains(needle)
    }
    dir.join(LEGACY_MARKER).is_file()
        || head_has(&dir.join("index.html"), GENERATOR)
        || head_has(&dir.join("atom.xml"), "<generator>afspraak</generator>")
}

/// Refuses output folders that could hold anything but a previous build.
pub fn check_output_dir(root: &Path, out: &Path) -> anyhow::Result<()> {
    let root = root
        .canonicalize()
        .with_context(|| crate::tr!("output-cannot-open-root", dir = root.display().to_string()))?;
    let out_abs = absolute(out)?;
    if out_abs == root || root.starts_with(&out_abs) {
        crate::refuse!(
            "{}",
            crate::tr!("output-is-sources", dir = out.display().to_string())
        );
    }
    // Inside content/ (or themes/), every page written would be read back as
    // a source by the next check.
    let resolved = resolve_existing(&out_abs);
    for folder in ["content", "themes"] {
        if resolved.starts_with(root.join(folder)) {
            let dir = out.display().to_string();
            crate::refuse!(
                "{}",
                crate::tr!("output-in-sources", dir = &dir, folder = folder)
            );
        }
    }
    if out_abs.join("content").exists() || out_abs.join("site.toml").exists() {
        crate::refuse!(
            "{}",
            crate::tr!("output-holds-a-site", dir = out.display().to_string())
        );
    }
    if out_abs.is_file() {
        crate::refuse!(
            "{}",
            crate::tr!("output-is-a-file", dir = out.display().to_string())
        );
    }
    if out_abs.is_dir() && !made_by_afspraak(&out_abs) && fs::read_dir(&out_abs)?.next().is_some() {
        crate::refuse!(
            "{}",
            crate::tr!(
                "output-not-ours",
                dir = out.display().to_string(),
                generator = GENERATOR
            )
        );
    }
    Ok(())
}

fn absolute(p: &Path) -> anyhow::Result<PathBuf> {
    let abs = if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir()?.join(p)
    };
    // Resolve what exists, so that symbolic links and `..` cannot hide the site folder.
    match abs.canonicalize() {
        Ok(c) => Ok(c),
        Err(_) => {
            let parent = abs
                .parent()
                .map(|d| d.canonicalize().unwrap_or_else(|_| d.to_path_buf()))
                .unwrap_or_default();
            Ok(parent.join(abs.file_name().unwrap_or_default()))
        }
    }
}

/// `path` with its longest existing ancestor resolved (symbolic links,
/// `..`), the rest as written.
fn resolve_existing(path: &Path) -> PathBuf {
    let mut rest = Vec::new();
    let mut at = path;
    loop {
        if let Ok(real) = at.canonicalize() {
            return rest.iter().rev().fold(real, |p, c| p.join(c));
        }
        match (at.parent(), at.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_os_string());
                at = parent;
            }
            _ => return path.to_path_buf(),
        }
    }
}

fn safe_relative(path: &str) -> bool {
    !path.is_empty()
        && Path::new(path)
            .components()
            .all(|c| matches!(c, Component::Normal(_)))
}

/// Where rendered files go, as soon as each is made: a staging folder for a
/// build ([`Staging`]), or memory ([`Memory`]) for tests and the preview.
pub trait Sink: Sync {
    /// Takes the file at `path`, relative to the output folder.
    fn put(&self, path: String, bytes: Vec<u8>) -> anyhow::Result<()>;
    /// Takes the file at `path` as `write` writes it: for large files, which a
    /// build then never holds whole in memory.
    fn put_streamed(&self, path: String, write: &mut Writing) -> anyhow::Result<()> {
        let mut bytes = Vec::new();
        write(&mut bytes)?;
        self.put(path, bytes)
    }
    /// Every path put so far, in order.
    fn paths(&self) -> BTreeSet<String>;
    /// The bytes the file at `path` had in the site this output replaces, if
    /// any: for what is costly to make and can be recognised in the file.
    fn previous(&self, _path: &str) -> Option<Vec<u8>> {
        None
    }
}

/// Writes a file's bytes into the given writer.
pub type Writing<'a> = dyn FnMut(&mut dyn Write) -> anyhow::Result<()> + 'a;

/// Files kept in memory.
#[derive(Default)]
pub struct Memory(Mutex<SiteOutput>);

impl Memory {
    pub fn into_inner(self) -> SiteOutput {
        self.0.into_inner().unwrap_or_else(|e| e.into_inner())
    }
}

impl Sink for Memory {
    fn put(&self, path: String, bytes: Vec<u8>) -> anyhow::Result<()> {
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(path, bytes);
        Ok(())
    }

    fn paths(&self) -> BTreeSet<String> {
        let files = self.0.lock().unwrap_or_else(|e| e.into_inner());
        files.keys().cloned().collect()
    }
}

/// How long a build waits for another build into the same output to finish
/// before it refuses.
const LOCK_WAIT: Duration = Duration::from_secs(3);

/// An exclusive hold on an output folder: one build at a time writes into it,
/// cleans up beside it, swaps it and records it. Held as an advisory lock on
/// `.NAME.lock` beside the output; the file goes when the hold is released.
pub struct OutputLock {
    path: PathBuf,
    file: fs::File,
}

impl OutputLock {
    /// Takes the lock for the output folder `out`, waiting a few seconds for a
    /// build that holds it; then refuses, naming the folder.
    pub fn acquire(out: &Path) -> anyhow::Result<OutputLock> {
        Self::acquire_within(out, LOCK_WAIT)
    }

    pub fn acquire_within(out: &Path, wait: Duration) -> anyhow::Result<OutputLock> {
        let out = absolute(out)?;
        let (parent, name) = parent_and_name(&out)?;
        fs::create_dir_all(&parent)
            .with_context(|| crate::tr!("cannot-create", path = parent.display().to_string()))?;
        let path = parent.join(format!(".{name}.lock"));
        let deadline = Instant::now() + wait;
        loop {
            let file = fs::OpenOptions::new()
                .create(true)
                .truncate(false)
                .write(true)
                .open(&path)
                .with_context(|| {
                    crate::tr!("output-cannot-lock", path = path.display().to_string())
                })?;
            match file.try_lock() {
                // The holder before us may have removed the file after we opened
                // it: then our lock is on a file no one else will see; retry.
                Ok(()) if same_file(&file, &path) => return Ok(OutputLock { path, file }),
                Ok(()) => continue,
                Err(fs::TryLockError::WouldBlock) if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(50));
                }
                Err(fs::TryLockError::WouldBlock) => anyhow::bail!(
                    "{}",
                    crate::tr!(
                        "output-locked",
                        dir = out.display().to_string(),
                        path = path.display().to_string()
                    )
                ),
                Err(fs::TryLockError::Error(e)) => {
                    return Err(e).with_context(|| {
                        crate::tr!("output-cannot-lock", path = path.display().to_string())
                    });
                }
            }
        }
    }
}

impl Drop for OutputLock {
    fn drop(&mut self) {
        // Removed while still held, so that a waiting build notices and retries.
        let _ = fs::remove_file(&self.path);
        let _ = self.file.unlock();
    }
}

#[cfg(unix)]
fn same_file(file: &fs::File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_file: &fs::File, path: &Path) -> bool {
    path.exists()
}

fn parent_and_name(out: &Path) -> anyhow::Result<(PathBuf, String)> {
    let parent = out
        .parent()
        .with_context(|| crate::tr!("output-no-parent", dir = out.display().to_string()))?
        .to_path_buf();
    let name = out
        .file_name()
        .with_context(|| crate::tr!("output-no-parent", dir = out.display().to_string()))?
        .to_string_lossy()
        .into_owned();
    Ok((parent, name))
}

/// A build being written: files go into a staging folder beside the output as
/// they are rendered, and [`Staging::commit`] swaps the folder in. Dropped
/// without a commit, the staging folder is removed and the output is untouched.
pub struct Staging {
    out: PathBuf,
    parent: PathBuf,
    name: String,
    dir: PathBuf,
    /// The previous site: a file whose bytes did not change is linked from
    /// there, so that it keeps its modification time and nothing is rewritten.
    previous: Option<PathBuf>,
    paths: Mutex<Vec<String>>,
    writing_nanos: AtomicU64,
    reused: AtomicUsize,
    committed: bool,
}

impl Staging {
    /// Prepares a staging folder for the output folder `out`, whose lock the
    /// caller holds: so no other build is using the folders beside it.
    pub fn create(out: &Path, _lock: &OutputLock) -> anyhow::Result<Staging> {
        let out = absolute(out)?;
        let (parent, name) = parent_and_name(&out)?;
        fs::create_dir_all(&parent)
            .with_context(|| crate::tr!("cannot-create", path = parent.display().to_string()))?;
        recover(&out)?;
        clean_leftovers(&parent, &name);
        let dir = parent.join(format!(".{name}.staging-{}", std::process::id()));
        fs::create_dir_all(&dir)
            .with_context(|| crate::tr!("cannot-create", path = dir.display().to_string()))?;
        let previous = made_by_afspraak(&out).then(|| out.clone());
        Ok(Staging {
            out,
            parent,
            name,
            dir,
            previous,
            paths: Mutex::default(),
            writing_nanos: AtomicU64::new(0),
            reused: AtomicUsize::new(0),
            committed: false,
        })
    }

    /// Time spent writing files, summed over the threads that wrote them.
    pub fn writing_time(&self) -> Duration {
        Duration::from_nanos(self.writing_nanos.load(Ordering::Relaxed))
    }

    /// How many files were unchanged and kept from the previous site.
    pub fn reused(&self) -> usize {
        self.reused.load(Ordering::Relaxed)
    }

    /// Links the previous site's file at `path` into staging when its bytes are
    /// `bytes`; false when there is no such file or it differs.
    fn keep_previous(&self, path: &str, target: &Path, bytes: &[u8]) -> bool {
        let Some(previous) = &self.previous else {
            return false;
        };
        let old = previous.join(path);
        match fs::symlink_metadata(&old) {
            Ok(m) if m.is_file() && m.len() == bytes.len() as u64 => {}
            _ => return false,
        }
        matches!(fs::read(&old), Ok(b) if b == bytes) && fs::hard_link(&old, target).is_ok()
    }

    /// Whether the previous site's file at `path` has the bytes of `new`, a
    /// file in staging; read in blocks, for files too large to hold.
    fn same_as_previous(&self, path: &str, new: &Path) -> std::io::Result<bool> {
        let Some(previous) = &self.previous else {
            return Ok(false);
        };
        let old = previous.join(path);
        match fs::symlink_metadata(&old) {
            Ok(m) if m.is_file() && m.len() == fs::metadata(new)?.len() => {}
            _ => return Ok(false),
        }
        let (mut a, mut b) = (fs::File::open(&old)?, fs::File::open(new)?);
        let (mut x, mut y) = (vec![0; 1 << 16], vec![0; 1 << 16]);
        loop {
            let n = a.read(&mut x)?;
            if n == 0 {
                return Ok(b.read(&mut y[..1])? == 0);
            }
            b.read_exact(&mut y[..n])?;
            if x[..n] != y[..n] {
                return Ok(false);
            }
        }
    }

    fn target(&self, path: &str) -> anyhow::Result<PathBuf> {
        if !safe_relative(path) {
            anyhow::bail!(
                "{}",
                crate::tr!("internal-outside-output", path = format!("{path:?}"))
            );
        }
        let target = self.dir.join(path);
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent).with_context(|| {
                crate::tr!("cannot-create", path = parent.display().to_string())
            })?;
        }
        Ok(target)
    }

    fn record(&self, path: String, started: Instant) {
        self.paths
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(path);
        self.writing_nanos
            .fetch_add(started.elapsed().as_nanos() as u64, Ordering::Relaxed);
    }

    /// Swaps the staging folder in as the output folder.
    pub fn commit(mut self) -> anyhow::Result<()> {
        self.committed = true;
        let (out, staging) = (&self.out, &self.dir);
        if out.exists() && swap(staging, out).is_ok() {
            // The staging folder now holds the previous site.
            fs::remove_dir_all(staging).with_context(|| {
                crate::tr!("output-cannot-remove", dir = staging.display().to_string())
            })?;
            return Ok(());
        }
        let old = self
            .parent
            .join(format!(".{}.old-{}", self.name, std::process::id()));
        if out.exists() {
            fs::rename(out, &old).with_context(|| {
                crate::tr!("output-cannot-move-aside", dir = out.display().to_string())
            })?;
        }
        if let Err(e) = fs::rename(staging, out) {
            // Put the previous site back before reporting.
            if old.exists() {
                let _ = fs::rename(&old, out);
            }
            let _ = fs::remove_dir_all(staging);
            return Err(e).with_context(|| {
                crate::tr!("output-cannot-move-into", dir = out.display().to_string())
            });
        }
        if old.exists() {
            fs::remove_dir_all(&old).with_context(|| {
                crate::tr!("output-cannot-remove", dir = old.display().to_string())
            })?;
        }
        Ok(())
    }
}

impl Sink for Staging {
    fn put(&self, path: String, bytes: Vec<u8>) -> anyhow::Result<()> {
        let started = Instant::now();
        let target = self.target(&path)?;
        if self.keep_previous(&path, &target, &bytes) {
            self.reused.fetch_add(1, Ordering::Relaxed);
        } else {
            fs::write(&target, &bytes)
                .with_context(|| crate::tr!("cannot-write", path = target.display().to_string()))?;
        }
        self.record(path, started);
        Ok(())
    }

    fn put_streamed(&self, path: String, write: &mut Writing) -> anyhow::Result<()> {
        let started = Instant::now();
        let target = self.target(&path)?;
        let file = fs::File::create(&target)
            .with_context(|| crate::tr!("cannot-write", path = target.display().to_string()))?;
        let mut w = std::io::BufWriter::with_capacity(1 << 18, file);
        write(&mut w)?;
        w.flush()
            .with_context(|| crate::tr!("cannot-write", path = target.display().to_string()))?;
        drop(w);
        if self.same_as_previous(&path, &target).unwrap_or(false)
            && let Some(previous) = &self.previous
        {
            // The same bytes: keep the previous file and its modification time
            // (where a link can be made; the output may be a mount of its own).
            let kept = target.with_file_name(format!(
                ".{}.kept",
                target.file_name().unwrap_or_default().to_string_lossy()
            ));
            if fs::hard_link(previous.join(&path), &kept).is_ok() {
                fs::rename(&kept, &target).with_context(|| {
                    crate::tr!("cannot-write", path = target.display().to_string())
                })?;
                self.reused.fetch_add(1, Ordering::Relaxed);
            }
        }
        self.record(path, started);
        Ok(())
    }

    fn paths(&self) -> BTreeSet<String> {
        let paths = self.paths.lock().unwrap_or_else(|e| e.into_inner());
        paths.iter().cloned().collect()
    }

    fn previous(&self, path: &str) -> Option<Vec<u8>> {
        let old = self.previous.as_ref()?.join(path);
        // Only regular files inside the previous output, never through a link.
        let ok = safe_relative(path) && fs::symlink_metadata(&old).is_ok_and(|m| m.is_file());
        ok.then(|| fs::read(&old).ok()).flatten()
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.dir);
        }
    }
}

/// Writes `output` to `out` through a staging folder and a swap.
pub fn write_atomically(out: &Path, output: &SiteOutput) -> anyhow::Result<()> {
    write_atomically_within(out, output, LOCK_WAIT)
}

fn write_atomically_within(out: &Path, output: &SiteOutput, wait: Duration) -> anyhow::Result<()> {
    let lock = OutputLock::acquire_within(out, wait)?;
    let staging = Staging::create(out, &lock)?;
    output
        .par_iter()
        .try_for_each(|(path, bytes)| staging.put(path.clone(), bytes.clone()))?;
    staging.commit()
}

/// Exchanges two folders in one atomic step, so that the output folder is at
/// every moment the complete old site or the complete new one.
#[cfg(target_os = "linux")]
fn swap(a: &Path, b: &Path) -> std::io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(std::io::Error::from)
}

/// Elsewhere (or on a file system without the exchange): two renames, with
/// [`recover`] for a build killed between them.
#[cfg(not(target_os = "linux"))]
fn swap(_a: &Path, _b: &Path) -> std::io::Result<()> {
    Err(std::io::ErrorKind::Unsupported.into())
}

/// Puts back an output folder that a build, killed between its two renames,
/// left set aside: without it the site would be gone.
pub fn recover(out: &Path) -> anyhow::Result<()> {
    let out = absolute(out)?;
    if out.exists() {
        return Ok(());
    }
    let (Some(parent), Some(name)) = (out.parent(), out.file_name()) else {
        return Ok(());
    };
    let prefix = format!(".{}.old-", name.to_string_lossy());
    let Ok(entries) = fs::read_dir(parent) else {
        return Ok(());
    };
    let newest = entries
        .flatten()
        .filter(|e| {
            e.file_name().to_string_lossy().starts_with(&prefix) && made_by_afspraak(&e.path())
        })
        .max_by_key(|e| e.metadata().and_then(|m| m.modified()).ok());
    if let Some(set_aside) = newest {
        fs::rename(set_aside.path(), &out).with_context(|| {
            format!(
                "restoring {} from {}",
                out.display(),
                set_aside.path().display()
            )
        })?;
    }
    Ok(())
}

/// Removes staging and set-aside folders that a killed build left behind.
/// The caller holds the output's lock, so no build of this version owns one;
/// a folder named after a process that still runs (a build without the lock)
/// is left alone all the same.
fn clean_leftovers(parent: &Path, name: &str) {
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    let staging = format!(".{name}.staging-");
    let old = format!(".{name}.old-");
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let pid = if let Some(pid) = file_name.strip_prefix(&staging) {
            pid
        } else if let Some(pid) = file_name.strip_prefix(&old) {
            if !made_by_afspraak(&entry.path()) {
                continue;
            }
            pid
        } else {
            continue;
        };
        if !process_is_alive(pid) {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
}

/// Whether the process with id `pid` (as written in a folder name) runs, other
/// than this one (whose own folders are from an earlier build in this process).
#[cfg(target_os = "linux")]
fn process_is_alive(pid: &str) -> bool {
    pid.parse::<u32>()
        .is_ok_and(|p| p != std::process::id() && Path::new("/proc").join(pid).exists())
}

#[cfg(not(target_os = "linux"))]
fn process_is_alive(_pid: &str) -> bool {
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recover_puts_a_set_aside_site_back() {
        let tmp = tempfile::TempDir::new().unwrap();
        let aside = tmp.path().join(".public.old-42");
        fs::create_dir_all(&aside).unwrap();
        let old = format!("<head>{GENERATOR}</head>oud");
        fs::write(aside.join("index.html"), &old).unwrap();
        let out = tmp.path().join("public");
        recover(&out).unwrap();
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), old);
        assert!(!aside.exists());
    }

    #[test]
    fn a_folder_without_the_generator_is_never_taken() {
        let tmp = tempfile::TempDir::new().unwrap();
        let aside = tmp.path().join(".public.old-42");
        fs::create_dir_all(&aside).unwrap();
        fs::write(
            aside.join("index.html"),
            "<head><meta name=\"generator\" content=\"Hugo\"></head>",
        )
        .unwrap();
        let out = tmp.path().join("public");
        recover(&out).unwrap();
        assert!(!out.exists());
    }

    #[test]
    fn our_output_is_known_by_its_pages_or_an_earlier_marker() {
        let tmp = tempfile::TempDir::new().unwrap();
        let dir = tmp.path();
        assert!(!made_by_afspraak(dir));
        fs::write(
            dir.join("index.html"),
            "<html><head><title>x</title></head>",
        )
        .unwrap();
        assert!(!made_by_afspraak(dir));
        fs::write(
            dir.join("atom.xml"),
            "<feed><generator>afspraak</generator></feed>",
        )
        .unwrap();
        assert!(made_by_afspraak(dir), "a theme without the meta tag");
        fs::remove_file(dir.join("atom.xml")).unwrap();
        fs::write(dir.join(LEGACY_MARKER), "").unwrap();
        assert!(made_by_afspraak(dir), "the marker of an earlier version");
        fs::remove_file(dir.join(LEGACY_MARKER)).unwrap();
        fs::write(dir.join("index.html"), format!("<html><head>{GENERATOR}")).unwrap();
        assert!(made_by_afspraak(dir));
    }

    #[test]
    fn writing_swaps_the_whole_site() {
        let tmp = tempfile::TempDir::new().unwrap();
        let out = tmp.path().join("public");
        let mut first = SiteOutput::new();
        first.insert("a/index.html".into(), b"een".to_vec());
        write_atomically(&out, &first).unwrap();
        let mut second = SiteOutput::new();
        second.insert("b/index.html".into(), b"twee".to_vec());
        write_atomically(&out, &second).unwrap();
        assert!(
            !out.join("a/index.html").exists(),
            "files of the old site are gone"
        );
        assert_eq!(
            fs::read_to_string(out.join("b/index.html")).unwrap(),
            "twee"
        );
        let left: Vec<_> = fs::read_dir(tmp.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(
            left,
            vec![std::ffi::OsString::from("public")],
            "no staging or old folders remain"
        );
    }

    #[test]
    fn a_second_build_into_the_same_output_refuses_and_leaves_the_first_alone() {
        let tmp = tempfile::TempDir::new().unwrap();
        let out = tmp.path().join("public");
        let lock = OutputLock::acquire(&out).unwrap();
        let first = Staging::create(&out, &lock).unwrap();
        first.put("a/index.html".into(), b"een".to_vec()).unwrap();

        // The second build, started while the first is writing.
        let mut second = SiteOutput::new();
        second.insert("b/index.html".into(), b"twee".to_vec());
        let refused = OutputLock::acquire_within(&out, Duration::from_millis(100))
            .err()
            .expect("the second build refuses");
        let said = refused.to_string();
        assert!(
            said.contains("another build is writing into")
                || said.contains("er schrijft al een andere build in"),
            "{refused}"
        );
        assert!(write_atomically_within(&out, &second, Duration::ZERO).is_err());

        first.put("c/index.html".into(), b"drie".to_vec()).unwrap();
        first.commit().unwrap();
        drop(lock);
        assert_eq!(fs::read_to_string(out.join("a/index.html")).unwrap(), "een");
        assert_eq!(
            fs::read_to_string(out.join("c/index.html")).unwrap(),
            "drie"
        );
        assert!(!out.join("b").exists());
        // Released: the next build goes ahead, and no lock file is left.
        write_atomically(&out, &second).unwrap();
        assert_eq!(
            fs::read_to_string(out.join("b/index.html")).unwrap(),
            "twee"
        );
        let left: Vec<_> = fs::read_dir(tmp.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(left, vec![std::ffi::OsString::from("public")]);
    }

    #[test]
    fn a_staging_folder_of_a_running_process_is_kept() {
        let tmp = tempfile::TempDir::new().unwrap();
        // Process 1 (init) always runs; a huge id never does.
        let live = tmp.path().join(".public.staging-1");
        let dead = tmp.path().join(".public.staging-4294967295");
        fs::create_dir_all(&live).unwrap();
        fs::create_dir_all(&dead).unwrap();
        clean_leftovers(tmp.path(), "public");
        assert!(!dead.exists());
        if cfg!(target_os = "linux") {
            assert!(live.exists());
        }
    }
}
