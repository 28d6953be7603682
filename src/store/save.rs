//! Saving: the one way netweb replaces a file (the data file under its lock, or an
//! export), the backup it keeps, and the temp files a killed save leaves.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::Path;
use std::time::{Duration, SystemTime};

use anyhow::{Context, Result, bail};

use super::lock::{self, Lock};
use super::{encode, parent_dir, sidecar};
use crate::model::Network;

/// The bytes a network is saved as: pretty (as `encode` describes), stable key order, one
/// trailing newline.
pub fn to_bytes(net: &Network) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    encode::write(net, &mut out).context("could not serialise the network")?;
    Ok(out)
}

/// Replaces `target` atomically: write a temp file beside it, fsync, keep the old
/// version as `.bak`, rename over, fsync the directory so the rename itself is durable,
/// then clear temp files that killed saves left. A read-only file is refused, not replaced.
pub(super) fn save(target: &Path, lock: &Lock, net: &Network) -> Result<()> {
    save_with(target, lock, |file| {
        let mut out = io::BufWriter::with_capacity(1 << 20, file);
        encode::write(net, &mut out)?;
        out.flush()
    })
}

/// `save` for a file given as consecutive pieces of bytes.
pub(super) fn save_bytes(target: &Path, lock: &Lock, pieces: &[&[u8]]) -> Result<()> {
    save_with(target, lock, |mut file| {
        for piece in pieces {
            file.write_all(piece)?;
        }
        Ok(())
    })
}

/// `save` with the temp file's content written by `fill`.
fn save_with(target: &Path, lock: &Lock, fill: impl FnOnce(&File) -> io::Result<()>) -> Result<()> {
    write_atomically(target, Replacing::DataFile(lock), fill)
}

/// Writes an export (`export -o`): owner-only, since it holds contacts, and atomic like a
/// save, so a reader never sees half of one and a failed write leaves the old file.
pub fn write_export(path: &Path, bytes: &[u8]) -> Result<()> {
    write_atomically(path, Replacing::Export, |mut file| file.write_all(bytes))
}

/// Writes cards into a vdir (`sync`), each replaced atomically and owner-only, in two
/// steps: every card into a temp file beside its target, then, once all are written and
/// on disk, each renamed over its target. A failure in the first step (a full disk)
/// replaces no card at all. The disk is flushed once for all of them (`syncfs`), not
/// once per file: a first sync writes thousands of cards, and 5,000 `fsync`s took 30 s.
pub fn write_cards(dir: &Path, cards: &[(&str, &[u8])]) -> Result<()> {
    let mut written = Vec::with_capacity(cards.len());
    for (name, bytes) in cards {
        let target = dir.join(name);
        let fail = || format!("could not write {}", target.display());
        let mut tmp = tempfile::Builder::new()
            .prefix(".netweb-card-")
            .suffix(".tmp")
            .tempfile_in(dir)
            .with_context(fail)?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            tmp.as_file()
                .set_permissions(fs::Permissions::from_mode(0o600))
                .with_context(fail)?;
        }
        // Through the file itself: tempfile's own writer wraps the error, hiding EFBIG.
        tmp.as_file_mut()
            .write_all(bytes)
            .map_err(too_large_hint)
            .with_context(fail)?;
        // Closed, so thousands of cards do not hold thousands of descriptors open.
        written.push((tmp.into_temp_path(), target));
    }
    let folder = File::open(dir).with_context(|| format!("could not open {}", dir.display()))?;
    rustix::fs::syncfs(&folder)
        .map_err(io::Error::from)
        .with_context(|| format!("could not flush the cards in {} to disk", dir.display()))?;
    for (tmp, target) in written {
        tmp.persist(&target)
            .map_err(|e| e.error)
            .with_context(|| format!("could not replace {}", target.display()))?;
    }
    flush_dir(dir);
    Ok(())
}

/// Flushes a directory, so the renames and removals made in it are on disk; then
/// clears the temp files killed writes left there. Not every filesystem lets a
/// directory be synced; the files themselves are.
pub fn flush_dir(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    remove_stale_temps(dir);
}

/// What `write_atomically` replaces.
enum Replacing<'a> {
    /// The data file, under its lock: its owner and mode are kept, a read-only file is
    /// refused, and the old version becomes the `.bak`.
    DataFile(&'a Lock),
    /// An export: always owner-only, no lock and no backup.
    Export,
}

/// The one way netweb replaces a file: a temp file beside it, filled, flushed to disk,
/// renamed over the old one, the directory flushed so the rename itself is durable; then
/// temp files that killed writes left there are cleared.
fn write_atomically(
    target: &Path,
    replacing: Replacing,
    fill: impl FnOnce(&File) -> io::Result<()>,
) -> Result<()> {
    let dir = parent_dir(target);
    let old_meta = fs::metadata(target).ok();
    let data_file = matches!(replacing, Replacing::DataFile(_));
    let fail = |what: &str| {
        let unchanged = if data_file {
            "; the file was not changed"
        } else {
            ""
        };
        format!("could not {what} {}{unchanged}", target.display())
    };
    // A file the owner made read-only is a request not to change it; a rename would
    // replace it anyway (the directory, not the file, decides), so ask first.
    if data_file
        && old_meta
            .as_ref()
            .is_some_and(|m| m.permissions().readonly())
    {
        bail!(
            "{} is read-only; the file was not changed. Make it writable \
             (chmod u+w {}) to change it",
            target.display(),
            target.display()
        );
    }

    let tmp = tempfile::Builder::new()
        .prefix(if data_file {
            ".netweb-"
        } else {
            ".netweb-export-"
        })
        .suffix(".tmp")
        .tempfile_in(dir)
        .with_context(|| {
            fail(if data_file {
                "create a temporary file to save"
            } else {
                "create a temporary file beside"
            })
        })?;
    if !data_file {
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            tmp.as_file()
                .set_permissions(fs::Permissions::from_mode(0o600))
                .with_context(|| fail("make owner-only"))?;
        }
    }
    fill(tmp.as_file())
        .map_err(too_large_hint)
        .with_context(|| fail("write"))?;
    if let Replacing::DataFile(_) = replacing {
        match &old_meta {
            Some(meta) => keep_owner_and_mode(tmp.as_file(), meta),
            // A new file made by root (`sudo netweb`) goes to the directory's owner, as the
            // lock does, so the owner can still read it.
            None => lock::give_to_owner(tmp.as_file(), target),
        }
    }
    tmp.as_file().sync_all().with_context(|| fail("flush"))?;

    if let Replacing::DataFile(lock) = replacing {
        // The last moment to find that another writer got in (`Lock::still_held`).
        lock.still_held(target)?;
        if old_meta.is_some() {
            keep_backup(target)?;
        }
    }
    tmp.persist(target)
        .map_err(|e| e.error)
        .with_context(|| fail("replace"))?;
    flush_dir(dir);
    Ok(())
}

/// Temp files older than this were left by a save that was killed (a save takes well
/// under a second); younger ones may belong to a save of another file in progress.
const STALE_TEMP_AGE: Duration = Duration::from_secs(60);

/// Removes `.netweb-*.tmp` files that a killed save left beside the data file. They never
/// block or change anything, but they hold contacts and take space. Best effort: a file
/// that cannot be removed is left for the next save.
pub fn remove_stale_temps(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let now = SystemTime::now();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else {
            continue;
        };
        if !(name.starts_with(".netweb-") && name.ends_with(".tmp")) {
            continue;
        }
        let Ok(meta) = entry.metadata() else {
            continue;
        };
        let stale = meta
            .modified()
            .ok()
            .and_then(|m| now.duration_since(m).ok())
            .is_some_and(|age| age >= STALE_TEMP_AGE);
        if meta.is_file() && stale {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// The temp file starts owner-only (0600); an existing file's mode and owner win.
fn keep_owner_and_mode(file: &File, meta: &fs::Metadata) {
    let _ = file.set_permissions(meta.permissions());
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        // Only root can give a file away; for anyone else this is a no-op or refused.
        let _ = std::os::unix::fs::fchown(file, Some(meta.uid()), Some(meta.gid()));
    }
}

/// An error past the file size limit (`ulimit -f`) says so: netweb ignores SIGXFSZ
/// (`main`), which would otherwise have killed it without a word, and gets EFBIG.
pub fn too_large_hint(e: io::Error) -> anyhow::Error {
    let limit = e.raw_os_error() == Some(libc::EFBIG);
    let err = anyhow::Error::new(e);
    if limit {
        err.context("the file would pass the file size limit (see `ulimit -f`); raise it to save")
    } else {
        err
    }
}

/// Keeps the version about to be replaced as `network.json.bak`: hard-linked (atomic and
/// free; filesystems without links get a copy) to a temporary name, then renamed over
/// the old backup, so at every moment a backup exists. Removing the old one first left a
/// moment with none, which aimed kills hit every time.
///
/// A non-empty backup is never replaced by an empty file: the save checked what it read,
/// so a blank file here was emptied by someone else since, and the backup is what is left.
fn keep_backup(target: &Path) -> Result<()> {
    let bak = sidecar(target, "bak");
    let failed = || {
        format!(
            "could not keep a backup in {}; the file was not changed",
            bak.display()
        )
    };
    let blank_now = fs::metadata(target).is_ok_and(|m| m.len() == 0);
    if blank_now && fs::metadata(&bak).is_ok_and(|m| m.len() > 0) {
        return Ok(());
    }
    let dir = parent_dir(target);
    let temp = |b: &mut tempfile::Builder| {
        b.prefix(".netweb-").suffix(".tmp");
    };
    let mut builder = tempfile::Builder::new();
    temp(&mut builder);
    let linked = builder
        .make_in(dir, |name| fs::hard_link(target, name))
        .or_else(|_| {
            let mut builder = tempfile::Builder::new();
            temp(&mut builder);
            builder.make_in(dir, |name| fs::copy(target, name).map(drop))
        })
        .with_context(failed)?;
    linked
        .persist(&bak)
        .map_err(|e| e.error)
        .with_context(failed)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_backup_is_always_the_version_just_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("n.json");
        let bak = sidecar(&path, "bak");
        fs::write(&path, "one\n").unwrap();
        fs::write(&bak, "an older backup\n").unwrap();
        let lock = Lock::take(&path).unwrap();
        save_bytes(&path, &lock, &[b"two\n"]).unwrap();
        assert_eq!(fs::read_to_string(&bak).unwrap(), "one\n");
        assert_eq!(fs::read_to_string(&path).unwrap(), "two\n");
        save_bytes(&path, &lock, &[b"thr", b"ee\n"]).unwrap();
        assert_eq!(fs::read_to_string(&bak).unwrap(), "two\n");
        assert_eq!(fs::read_to_string(&path).unwrap(), "three\n");
        #[cfg(unix)]
        {
            // The backup was linked, not copied, and is now the old file's only name, so
            // nothing netweb writes next can change it.
            use std::os::unix::fs::MetadataExt;
            assert_eq!(fs::metadata(&bak).unwrap().nlink(), 1);
        }
        // No temp file is left of the two saves.
        let names: Vec<String> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".tmp"))
            .collect();
        assert!(names.is_empty(), "{names:?}");
    }
}
