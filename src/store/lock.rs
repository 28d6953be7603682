//! The writers' lock: an exclusive `flock` on the sidecar `network.json.lock`, held for
//! the whole read-modify-write.
//!
//! What this guards against beyond taking the lock:
//! - The lock file deleted or replaced while a writer holds it (a user tidying up): the
//!   next writer would lock a new file and get in beside the first. So after taking the
//!   lock the path must still name the locked file (same device and inode), else it is
//!   taken again on what the path names now; and just before a save commits, a writer
//!   checks again and gives up without saving if its lock file is gone, because another
//!   writer may have saved meanwhile.
//! - `sudo netweb ...` leaving a root-owned 0600 lock that locks the owner out: an
//!   existing lock is opened read-only (`flock` needs no write access), and root creates
//!   a new one owned by the data file's owner.
//! - A writer that waits silently behind a stopped one: after a second it says who it is
//!   waiting for.

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use anyhow::{Context, Result, bail};

use super::target;

/// How long a writer waits quietly before saying what it is waiting for.
const QUIET_WAIT: Duration = Duration::from_secs(1);

/// A held lock; released when dropped, or by the kernel when the process ends in any
/// way, so a lock file left behind never blocks the next run.
pub(crate) struct Lock {
    _file: File,
    path: PathBuf,
    id: (u64, u64),
}

impl Lock {
    /// Takes the lock for `target` (the data file, symlinks resolved).
    pub(crate) fn take(target: &Path) -> Result<Lock> {
        let path = super::sidecar(target, "lock");
        // Each round loses only to someone replacing the lock file at that very moment.
        for _ in 0..20 {
            let file = open(&path, target)?;
            let id =
                file_id(&file).with_context(|| format!("could not lock {}", path.display()))?;
            wait_for(&file, &path, target, id)?;
            if path_id(&path) == Some(id) {
                return Ok(Lock {
                    _file: file,
                    path,
                    id,
                });
            }
        }
        bail!(
            "could not lock {}: the file keeps being removed or replaced\nhint: stop whatever \
             is deleting it; it holds nothing, but netweb needs it while it writes",
            path.display()
        )
    }

    /// Fails if the lock file was removed or replaced since the lock was taken: another
    /// netweb may then have locked the new file and saved, and saving now would undo
    /// that. Called just before a save commits.
    pub(crate) fn still_held(&self, target: &Path) -> Result<()> {
        if path_id(&self.path) == Some(self.id) {
            return Ok(());
        }
        bail!(
            "the lock file {} was removed or replaced while this command ran, so another \
             netweb may have changed {} meanwhile; this command's change was not saved\n\
             hint: run the command again (and leave the .lock file alone: it holds nothing, \
             but netweb needs it while it writes)",
            self.path.display(),
            target.display()
        )
    }
}

/// Device and inode: what names a file whatever path it is reached by.
fn file_id(file: &File) -> io::Result<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    let m = file.metadata()?;
    Ok((m.dev(), m.ino()))
}

fn path_id(path: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
}

/// Opens the lock file: an existing one read-only, else a new one (owner-only, and when
/// root, given to the data file's owner so a `sudo netweb` does not lock the owner out).
fn open(path: &Path, target: &Path) -> Result<File> {
    loop {
        match target::open_nonblocking(path) {
            Ok(file) => {
                let meta = file
                    .metadata()
                    .with_context(|| format!("could not open the lock file {}", path.display()))?;
                if !meta.is_file() {
                    return Err(target::not_regular(
                        path,
                        &meta,
                        "the lock file",
                        "remove it; netweb makes a new, empty lock file",
                    ));
                }
                return Ok(file);
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) if e.kind() == io::ErrorKind::PermissionDenied => {
                return Err(e).with_context(|| {
                    format!(
                        "could not open the lock file {}\nhint: it was probably made by \
                         another user (such as `sudo netweb`); it holds nothing, so remove \
                         it: rm {}",
                        path.display(),
                        path.display()
                    )
                });
            }
            Err(e) => {
                return Err(e)
                    .with_context(|| format!("could not open the lock file {}", path.display()));
            }
        }
        let mut opts = OpenOptions::new();
        opts.write(true).create_new(true);
        std::os::unix::fs::OpenOptionsExt::mode(&mut opts, 0o600);
        match opts.open(path) {
            Ok(file) => {
                give_to_owner(&file, target);
                return Ok(file);
            }
            // Another netweb made it first: open that one.
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => {
                return Err(e)
                    .with_context(|| format!("could not create the lock file {}", path.display()));
            }
        }
    }
}

/// Root's new lock (or data) file goes to whoever owns the data file (or, for a new one,
/// its directory). Best effort: a lock file root keeps is still opened read-only by others
/// when its mode allows, and the error says how to remove it when not.
pub(super) fn give_to_owner(file: &File, target: &Path) {
    use std::os::unix::fs::MetadataExt;
    if !rustix::process::geteuid().is_root() {
        return;
    }
    let owner = std::fs::metadata(target).or_else(|_| std::fs::metadata(super::parent_dir(target)));
    if let Ok(meta) = owner {
        let _ = std::os::unix::fs::fchown(file, Some(meta.uid()), Some(meta.gid()));
    }
}

/// Takes the lock, blocking; after `QUIET_WAIT` says on stderr who holds it.
fn wait_for(file: &File, path: &Path, target: &Path, id: (u64, u64)) -> Result<()> {
    match file.try_lock() {
        Ok(()) => return Ok(()),
        Err(std::fs::TryLockError::WouldBlock) => {}
        Err(std::fs::TryLockError::Error(e)) => {
            return Err(e).with_context(|| format!("could not lock {}", path.display()));
        }
    }
    let (done, waited) = mpsc::channel::<()>();
    let shown = target.display().to_string();
    let notice = std::thread::spawn(move || {
        if waited.recv_timeout(QUIET_WAIT) == Err(mpsc::RecvTimeoutError::Timeout) {
            let who = match holder(id) {
                Some(pid) => format!("another netweb (pid {pid})"),
                None => "another netweb".to_string(),
            };
            let _ = writeln!(
                io::stderr(),
                "netweb: waiting for {who} to finish with {shown} ..."
            );
        }
    });
    let locked = file.lock();
    drop(done);
    let _ = notice.join();
    locked.with_context(|| format!("could not lock {}", path.display()))
}

/// The pid holding a flock on this file, from /proc/locks (Linux; None elsewhere).
/// Lines look like `1: FLOCK  ADVISORY  WRITE 4242 08:01:1234567 0 EOF`; waiters'
/// lines have `->` and are skipped.
fn holder((dev, ino): (u64, u64)) -> Option<u32> {
    let text = std::fs::read_to_string("/proc/locks").ok()?;
    // Linux's encoding of a device number (glibc's gnu_dev_major/minor).
    let major = ((dev >> 8) & 0xfff) | ((dev >> 32) & !0xfff);
    let minor = (dev & 0xff) | ((dev >> 12) & !0xff);
    let want = format!("{major:02x}:{minor:02x}:{ino}");
    text.lines().filter(|l| !l.contains("->")).find_map(|line| {
        let fields: Vec<&str> = line.split_whitespace().collect();
        (fields.len() >= 6 && fields[1] == "FLOCK" && fields[5] == want)
            .then(|| fields[4].parse().ok())
            .flatten()
    })
}
