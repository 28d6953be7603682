//! Where the data file lives and how it is read and written without ever losing it.
//!
//! Reads never lock and never create anything: a missing file is an empty network, and a
//! save replaces the file atomically, so a reader sees the old or the new version whole.
//! Writes take an exclusive lock on a sidecar `network.json.lock` for the whole
//! read-modify-write, so concurrent commands from scripts serialise instead of losing
//! each other's changes. The lock is on a sidecar because the rename swaps in a new inode.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use crate::ids::Resolved;
use crate::model::{FORMAT_VERSION, Network};
use crate::validate;

mod append;
mod encode;
pub mod history;
mod lock;
mod parts;
mod save;
mod target;

pub use append::{Appended, SPLICE_FROM_BYTES, append};
use lock::Lock;
pub use save::{
    flush_dir, remove_stale_temps, to_bytes, too_large_hint, write_cards, write_export,
};
use save::{save, save_bytes};
pub use target::{MAX_IMPORT_BYTES, check_export_target, read_import};

/// The default data file: `network.json` in the platform data directory
/// (on Linux `~/.local/share/netweb/network.json`).
pub fn default_path() -> Result<PathBuf> {
    let dirs = directories::ProjectDirs::from("", "", "netweb").context(
        "could not find a home directory for the data file: pass --file PATH or set NETWEB_FILE",
    )?;
    Ok(dirs.data_dir().join("network.json"))
}

/// Reads the network for a command that only looks. A missing file is an empty network.
pub fn load(path: &Path) -> Result<Network> {
    Ok(load_resolved(path)?.0)
}

/// `load`, with every relationship's ends as people[] indices (validation looks them up
/// anyway), for a command that builds a graph next (`Graph::build_resolved`).
pub fn load_resolved(path: &Path) -> Result<(Network, Resolved)> {
    target::check_data_file(path)?;
    match read_bytes(path)? {
        None => Ok((Network::default(), Resolved::default())),
        Some(bytes) => {
            target::refuse_blank(path, &bytes, &sidecar(path, "bak"))?;
            parse_owned(path, bytes)
        }
    }
}

/// Runs a change under the lock: load, apply `change`, and save if it changed anything.
/// `change` returns its result and whether it changed the network; `update` returns that
/// result and whether the file was written.
///
/// Each command says itself whether it changed something, because detecting it by
/// comparing against a copy of the whole network doubled the memory of every write
/// (a 180 MB file peaked above 1 GB). Debug builds, which is what the tests run, still
/// keep the copy and check every command's claim, so a command that changes the network
/// while saying it did not fails the test suite instead of losing the change.
pub fn update<T>(
    path: &Path,
    change: impl FnOnce(&mut Network) -> Result<(T, bool)>,
) -> Result<(T, bool)> {
    let (target, lock) = lock_for_writing(path)?;
    // Read into memory, not mapped: see `target::read_data`. Kept until the change is
    // recorded for `netweb undo`, so the file is read once, not again for the history.
    let bytes = target::read_data(&target)?;
    let mut net = match &bytes {
        None => Network::default(),
        Some(bytes) => {
            target::refuse_blank(&target, bytes, &sidecar(&target, "bak"))?;
            parse(&target, bytes)?
        }
    };
    refuse_newer(&target, net.version)?;
    #[cfg(debug_assertions)]
    let before = net.clone();
    let (value, changed) = change(&mut net)?;
    #[cfg(debug_assertions)]
    assert!(
        changed || net == before,
        "internal error: a command changed the network but reported no change"
    );
    if !changed {
        return Ok((value, false));
    }
    // A change that breaks the rules is a bug in netweb, never something to save. The
    // tests (debug builds) check every command's result; release builds skip the second
    // full validation, which cost as much as the first (0.5 s at 1,000,000 relationships).
    #[cfg(debug_assertions)]
    {
        let found = validate::problems(&net);
        if !found.is_empty() {
            bail!(
                "internal error: refusing to save an invalid network:\n{}",
                validate::describe(&found)
            );
        }
    }
    save(&target, &lock, &net)?;
    // Freed first: the history compares the two files' bytes.
    drop(net);
    history::record(
        &target,
        bytes.as_deref().unwrap_or_default(),
        history::After::Saved,
    );
    Ok((value, true))
}

/// A file's bytes: read into memory, or for a large file mapped (see `read_bytes`).
pub(crate) enum Bytes {
    Read(Vec<u8>),
    Mapped(memmap2::Mmap),
}

impl std::ops::Deref for Bytes {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        match self {
            Bytes::Read(v) => v,
            Bytes::Mapped(m) => m,
        }
    }
}

/// From this size a file that is only looked at is mapped instead of read.
const MAP_FROM_BYTES: u64 = 4 << 20;

/// The file's bytes for a command that only looks, or `None` when it does not exist yet.
/// (A writer reads with `target::read_data`, always into memory.)
///
/// A large file is mapped: reading 134 MB into a buffer (fresh zeroed pages, then a copy)
/// took 0.3 s where the map, which uses the page cache's own pages, takes 0.04 s. A map
/// is only safe while nobody changes the file in place. netweb never does (every save
/// writes a new file and renames it over the old one), but an editor or a sync tool
/// might: this reading process then at worst ends with SIGBUS having changed nothing, as
/// ripgrep accepts on the same terms. Opened without blocking, so a FIFO cannot hang it.
fn read_bytes(path: &Path) -> Result<Option<Bytes>> {
    let failed =
        |e: io::Error| anyhow::Error::new(e).context(format!("could not read {}", path.display()));
    let file = match target::open_nonblocking(path) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(failed(e)),
    };
    let meta = file.metadata().map_err(failed)?;
    if meta.is_file() && meta.len() >= MAP_FROM_BYTES {
        // SAFETY: see above: a change made in place by another program can only end
        // this reading process, which has nothing to save.
        #[allow(unsafe_code)]
        let map = unsafe { memmap2::Mmap::map(&file) }.map_err(failed)?;
        return Ok(Some(Bytes::Mapped(map)));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize + 1);
    io::Read::read_to_end(&mut &file, &mut bytes).map_err(failed)?;
    Ok(Some(Bytes::Read(bytes)))
}

/// Parses and checks a file. Errors name the file, line and column, and how to fix it.
pub fn parse(path: &Path, bytes: &[u8]) -> Result<Network> {
    Ok(check(path, decode(path, bytes)?)?.0)
}

/// Reads a file's bytes into a network, then frees the bytes before the checks run, so a
/// large file's text and the checks' working memory are never held at the same time.
fn parse_owned(path: &Path, bytes: Bytes) -> Result<(Network, Resolved)> {
    let net = decode(path, &bytes)?;
    drop(bytes);
    check(path, net)
}

/// The JSON part: a syntax or type error names its line and column.
fn decode(path: &Path, bytes: &[u8]) -> Result<Network> {
    // Editors on some systems add a byte-order mark; it carries no meaning in JSON.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(Network::default());
    }
    // One pass over the whole text (fast for ASCII) instead of a check of every string
    // as serde_json decodes it, which was a tenth of decoding; it also lets a bad byte
    // be reported with its line and column.
    let text = std::str::from_utf8(bytes).map_err(|e| not_utf8(path, bytes, e.valid_up_to()))?;
    if text.len() >= parts::IN_PARTS_FROM
        && let Some(net) = parts::decode_in_parts(text)
    {
        return Ok(net);
    }
    serde_json::from_str(text).map_err(|e| located(path, &e, e.line(), e.column()))
}

/// Bytes that are not UTF-8 at `at`, as `FILE:LINE:COLUMN: reason` and a hint.
fn not_utf8(path: &Path, bytes: &[u8], at: usize) -> anyhow::Error {
    let before = &bytes[..at];
    let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    // Columns count characters, as serde_json's do.
    let column = 1 + String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count();
    anyhow::anyhow!(
        "{}:{line}:{column}: the file is not valid UTF-8 text here\nhint: save it as UTF-8, or fix it by hand{}",
        path.display(),
        backup_hint(path)
    )
}

/// A decoding error as `FILE:LINE:COLUMN: reason` and a hint, at the given place (which
/// is not `e`'s own when only part of the file was decoded).
fn located(path: &Path, e: &serde_json::Error, line: usize, column: usize) -> anyhow::Error {
    let text = e.to_string();
    let reason = text.split(" at line ").next().unwrap_or(&text);
    anyhow::anyhow!(
        "{}:{line}:{column}: {reason}\nhint: fix the file by hand{}",
        path.display(),
        backup_hint(path)
    )
}

/// What JSON cannot see: ids that do not resolve, repeats, ranges. (Terms were brought
/// to their stored form as each person was decoded.)
fn check(path: &Path, net: Network) -> Result<(Network, Resolved)> {
    let (found, ends) = validate::examine(&net);
    refuse(path, found)?;
    Ok((net, Resolved(ends)))
}

/// The problems `validate` finds, all listed, as the error that leaves the file alone.
fn refuse_problems(path: &Path, net: &Network) -> Result<()> {
    refuse(path, validate::problems(net))
}

fn refuse(path: &Path, found: Vec<String>) -> Result<()> {
    if !found.is_empty() {
        bail!(
            "{} has {} problem{}:\n{}\nhint: fix the file by hand{}",
            path.display(),
            found.len(),
            if found.len() == 1 { "" } else { "s" },
            validate::describe(&found),
            backup_hint(path)
        );
    }
    Ok(())
}

/// A file written by a newer netweb is never overwritten: it may hold what this build
/// cannot represent.
fn refuse_newer(target: &Path, version: u32) -> Result<()> {
    if version > FORMAT_VERSION {
        bail!(
            "{} is format version {version}, but this netweb only knows up to version \
             {FORMAT_VERSION}; it was left unchanged so a newer netweb's data is not lost. \
             Upgrade netweb to change it",
            target.display()
        );
    }
    Ok(())
}

fn backup_hint(path: &Path) -> String {
    let bak = sidecar(path, "bak");
    if bak.exists() {
        format!(" (the previous version is in {})", bak.display())
    } else {
        String::new()
    }
}

/// `network.json` -> `network.json.<ext>`, beside it.
fn sidecar(path: &Path, ext: &str) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".");
    name.push(ext);
    path.with_file_name(name)
}

fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// A data file kept as a symlink (into a synced folder or a git checkout) is written
/// through: the link stays, the file it points at is replaced.
fn resolve_symlinks(path: &Path) -> Result<PathBuf> {
    let mut current = path.to_path_buf();
    for _ in 0..40 {
        match fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let link = fs::read_link(&current)
                    .with_context(|| format!("could not read the link {}", current.display()))?;
                current = parent_dir(&current).join(link);
            }
            _ => return Ok(current),
        }
    }
    bail!("{} is a loop of symbolic links", path.display())
}

fn create_private_dir(dir: &Path) -> Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder
        .create(dir)
        .with_context(|| format!("could not create the directory {}", dir.display()))
}

/// The checks every writer makes before it reads: the data file (symlinks resolved) and
/// its backup are regular files or absent, its directory exists, and the lock is held.
/// Returns the resolved data file and the lock.
fn lock_for_writing(path: &Path) -> Result<(PathBuf, Lock)> {
    let target = resolve_symlinks(path)?;
    target::check_data_file(&target)?;
    if target.file_name().is_none() {
        bail!(
            "{} names no file\nhint: give --file (or NETWEB_FILE) a file path, e.g. ~/network.json",
            path.display()
        );
    }
    target::check_replaceable(
        &sidecar(&target, "bak"),
        "the backup",
        "remove it or move it away; netweb keeps the previous version there",
    )?;
    create_private_dir(parent_dir(&target))?;
    let lock = Lock::take(&target)?;
    Ok((target, lock))
}

#[cfg(test)]
mod tests {
    use std::fs::File;
    use std::time::{Duration, SystemTime};

    use super::*;

    fn laid_out(net: &Network) -> String {
        let mut out = Vec::new();
        encode::write(net, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn terms_are_normalised_as_people_are_decoded_and_every_person_is_checked() {
        let net = crate::synthetic::generate(&crate::synthetic::Spec::scaled(300));
        let text = laid_out(&net).replacen(
            "\"interests\": [",
            "\"interests\": [\"Chess \", \" chess\", \"GO\", \"\", ",
            1,
        );
        let decoded = parse(Path::new("x.json"), text.as_bytes()).unwrap();
        let first = &decoded.people[0].interests;
        assert_eq!(first[..2], ["chess", "go"]);
        assert_eq!(first[2..], net.people[0].interests[..]);
        assert_eq!(decoded.relationships, net.relationships);
        // A repeated id is refused.
        let mut dup = decoded.clone();
        dup.people[5].id = dup.people[4].id.clone();
        let err = check(Path::new("x.json"), dup).unwrap_err().to_string();
        assert!(err.contains("already used by people[4]"), "{err}");
    }

    #[test]
    fn sidecars_sit_beside_the_file() {
        assert_eq!(
            sidecar(Path::new("/d/network.json"), "lock"),
            Path::new("/d/network.json.lock")
        );
        assert_eq!(sidecar(Path::new("n.json"), "bak"), Path::new("n.json.bak"));
    }

    #[test]
    fn parse_errors_name_line_and_column() {
        let err = parse(Path::new("x.json"), b"{\n  \"people\": [,]\n}").unwrap_err();
        assert!(err.to_string().starts_with("x.json:2:14: "), "{err}");
    }

    #[test]
    fn bytes_that_are_not_utf8_are_located() {
        // "é" before the bad byte: columns count characters, not bytes.
        let text = b"{\"people\": [\n  {\"id\": \"a\", \"name\": \"\xC3\xA9\xFF\"}]}";
        let err = parse(Path::new("x.json"), text).unwrap_err().to_string();
        assert!(err.starts_with("x.json:2:25: "), "{err}");
        assert!(err.contains("not valid UTF-8"), "{err}");
    }

    #[test]
    fn only_old_netweb_temp_files_are_cleaned_up() {
        let dir = tempfile::tempdir().unwrap();
        let old = SystemTime::now() - Duration::from_secs(3600);
        let make = |name: &str, aged: bool| {
            let path = dir.path().join(name);
            let file = File::create(&path).unwrap();
            if aged {
                file.set_modified(old).unwrap();
            }
            path
        };
        let stale = make(".netweb-abc.tmp", true);
        let fresh = make(".netweb-def.tmp", false);
        let other = make("notes.tmp", true);
        let data = make("network.json", true);
        remove_stale_temps(dir.path());
        assert!(!stale.exists());
        assert!(fresh.exists() && other.exists() && data.exists());
    }

    #[test]
    fn sections_in_any_order_unknown_keys_and_escapes_survive_and_errors_are_refused() {
        let odd = parts::tests::ODD;
        let net = parse(Path::new("x.json"), odd.as_bytes()).unwrap();
        assert_eq!(net.people[0].name, "P\u{e9}");
        assert_eq!(net.relationships[0].extra["x\"y"], 1);
        assert_eq!(net.extra["zz"], serde_json::json!([1.5e-300]));
        for refused in parts::tests::REFUSED {
            let err = parse(Path::new("x.json"), refused.as_bytes()).unwrap_err();
            assert!(err.to_string().starts_with("x.json:1:"), "{refused}: {err}");
        }
    }

    #[test]
    fn a_byte_order_mark_is_ignored() {
        let net = parse(Path::new("x.json"), b"\xEF\xBB\xBF{\"version\": 1}").unwrap();
        assert!(net.people.is_empty());
    }
}
