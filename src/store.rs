//! Where the data file lives and how it is read and written without ever losing it.
//!
//! Reads never lock and never create anything: a missing file is an empty network, and a
//! save replaces the file atomically, so a reader sees the old or the new version whole.
//! Writes take an exclusive lock on a sidecar `network.json.lock` for the whole
//! read-modify-write, so concurrent commands from scripts serialise instead of losing
//! each other's changes. The lock is on a sidecar because the rename swaps in a new inode.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::mem::ManuallyDrop;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use anyhow::{Context, Result, bail};

use crate::fasthash::Interned;
use crate::graph::Resolved;
use crate::model::{FORMAT_VERSION, Network, Relationship, SkipRelationshipsAt, fast};
use crate::validate;

mod append;
pub mod history;
mod layout;

pub use append::{Appended, SPLICE_FROM_BYTES, append};

/// The default data file: `network.json` in the platform data directory
/// (on Linux `~/.local/share/netweb/network.json`).
pub fn default_path() -> Result<PathBuf> {
    let dirs = directories::ProjectDirs::from("", "", "netweb").context(
        "could not find a home directory for the data file: pass --file PATH or set NETWEB_FILE",
    )?;
    Ok(dirs.data_dir().join("network.json"))
}

/// Reads the network for a command that only looks. A missing file is an empty network.
///
/// The network is never freed: a command is one short process, and the operating system
/// takes back its memory at exit at once, where freeing a large network one allocation at
/// a time took half a second at 100,000 people. Use `parse` where that does not hold.
pub fn load(path: &Path) -> Result<ManuallyDrop<Network>> {
    Ok(load_resolved(path)?.0)
}

/// `load`, with every relationship's ends as people[] indices (validation looks them up
/// anyway), for a command that builds a graph next (`Graph::build_resolved`).
pub fn load_resolved(path: &Path) -> Result<(ManuallyDrop<Network>, Resolved)> {
    let (net, ends) = match read_bytes(path)? {
        None => (Network::default(), Resolved::default()),
        Some(bytes) => parse_owned(path, bytes)?,
    };
    Ok((ManuallyDrop::new(net), ends))
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
    let target = resolve_symlinks(path)?;
    let dir = parent_dir(&target);
    create_private_dir(dir)?;
    let _lock = lock(&target)?;
    // For `netweb undo`: the file as it was, to record what this change does to it.
    let was = history::Before::read(&target);

    let mut net = match read_bytes(&target)? {
        None => Network::default(),
        Some(bytes) => parse_owned(&target, bytes)?.0,
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
    save(&target, &net)?;
    was.record(&target);
    // Not freed, for the reason `load` gives.
    std::mem::forget(net);
    Ok((value, true))
}

/// A file's bytes: read into memory, or for a large file mapped (see `read_bytes`).
enum Bytes {
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

/// From this size a file is mapped instead of read.
const MAP_FROM_BYTES: u64 = 4 << 20;

/// The file's bytes, or `None` when it does not exist yet.
///
/// A large file is mapped: reading 134 MB into a buffer (fresh zeroed pages, then a copy)
/// took 0.3 s where the map, which uses the page cache's own pages, takes 0.04 s. A map
/// is only safe while nobody changes the file in place. netweb never does: every save
/// writes a new file and renames it over the old one, so a mapped inode never changes
/// under a reader or under a writer holding the lock. Another program truncating the
/// file in place at this moment would end this process with SIGBUS; a reader has
/// nothing to lose, and a writer (`update`, `append`) has not replaced anything yet.
/// ripgrep maps large files on the same terms.
fn read_bytes(path: &Path) -> Result<Option<Bytes>> {
    let failed =
        |e: io::Error| anyhow::Error::new(e).context(format!("could not read {}", path.display()));
    let file = match File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(failed(e)),
    };
    let meta = file.metadata().map_err(failed)?;
    if meta.is_file() && meta.len() >= MAP_FROM_BYTES {
        // SAFETY: see above: no writer changes the file in place.
        let map = unsafe { memmap2::Mmap::map(&file) }.map_err(failed)?;
        return Ok(Some(Bytes::Mapped(map)));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize + 1);
    io::Read::read_to_end(&mut &file, &mut bytes).map_err(failed)?;
    Ok(Some(Bytes::Read(bytes)))
}

/// Parses and checks a file. Errors name the file, line and column, and how to fix it.
pub fn parse(path: &Path, bytes: &[u8]) -> Result<Network> {
    let (net, interned) = decode(path, bytes)?;
    Ok(check(path, net, interned)?.0)
}

/// Reads a file's bytes into a network, then frees the bytes before the checks run, so a
/// large file's text and the checks' working memory are never held at the same time.
fn parse_owned(path: &Path, bytes: Bytes) -> Result<(Network, Resolved)> {
    let (net, interned) = decode(path, &bytes)?;
    drop(bytes);
    check(path, net, interned)
}

/// The JSON part: a syntax or type error names its line and column. A large file also
/// gives its relationships' ends numbered (`Interned`), done on the second thread.
fn decode(path: &Path, bytes: &[u8]) -> Result<(Network, Option<Interned>)> {
    // Editors on some systems add a byte-order mark; it carries no meaning in JSON.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok((Network::default(), None));
    }
    // One pass over the whole text (fast for ASCII) instead of a check of every string
    // as serde_json decodes it, which was a tenth of decoding.
    let text = std::str::from_utf8(bytes).map_err(|e| not_utf8(path, bytes, e.valid_up_to()))?;
    // The fast reader first, then serde_json's general one, which alone gives the
    // messages for a broken file.
    if text.len() >= SPLIT_FROM_BYTES {
        if let Some(found) = decode_fast_split(text).or_else(|| decode_split(text)) {
            return Ok(found);
        }
    } else if let Some((net, _)) = fast::network(text, None) {
        return Ok((net, None));
    }
    let net = serde_json::from_str(text).map_err(|e| located(path, &e, e.line(), e.column()))?;
    Ok((net, None))
}

/// Files at least this large are decoded on two threads (`decode_fast_split`, else
/// `decode_split`); below it the second thread costs more than it saves.
pub const SPLIT_FROM_BYTES: usize = 4 << 20;

/// Where the value of the top-level "relationships" key starts (its `[`), if the file is
/// laid out as netweb writes it: the key at the start of a line, two spaces in, which a
/// fast search finds. A literal line break cannot be inside a JSON string, so the search
/// never matches text inside one. Only a guess: each split decode proves it.
fn relationships_start(text: &str) -> Option<usize> {
    const KEY: &str = "\n  \"relationships\": [";
    let found = memchr::memmem::find(text.as_bytes(), KEY.as_bytes())?;
    Some(found + KEY.len() - 1)
}

/// A split decode's two halves as one network: `rest`, and if it skipped its
/// relationships, those the second thread decoded and numbered (None if that failed).
fn joined(
    rest: Option<(Network, bool)>,
    relationships: Option<(Vec<Relationship>, Interned)>,
) -> Option<(Network, Option<Interned>)> {
    let (mut net, skipped) = rest?;
    if !skipped {
        return Some((net, None));
    }
    let (list, interned) = relationships?;
    net.relationships = list;
    Some((net, Some(interned)))
}

/// `decode_split` with netweb's own reader (`model::fast`), which also skips the
/// relationships without reading them: netweb writes their closing bracket alone on a
/// line, two spaces in, and a fast search finds it. Both guesses are proved: the first
/// thread skips only the top-level value that starts where the second thread started,
/// and the skip counts only if the second thread, reading the array, ended where the
/// search did.
fn decode_fast_split(text: &str) -> Option<(Network, Option<Interned>)> {
    let value_at = relationships_start(text)?;
    let close = memchr::memmem::find(&text.as_bytes()[value_at..], b"\n  ]")?;
    let end = value_at + close + "\n  ]".len();
    let (rest, relationships) = std::thread::scope(|s| {
        let relationships = s.spawn(|| {
            let (list, ends_at) = fast::relationships(text, value_at)?;
            (ends_at == end).then(|| {
                let interned = Interned::new(&list);
                (list, interned)
            })
        });
        let rest = fast::network(text, Some((value_at, end)));
        (rest, relationships.join().ok().flatten())
    });
    joined(rest, relationships)
}

/// serde_json's decoder split the same way, for a large file the fast reader declines
/// (one with a `null`, say): the relationships (a third to a half of the file) are
/// decoded on a second thread while this one decodes the rest. Where the value starts
/// (`relationships_start`) is proved by the main decoder: it skips the value only if
/// the top-level key it meets is the one found (the same bytes, by address).
///
/// The second thread then numbers the relationships' ends (`Interned`) while the first
/// still reads the people.
///
/// None means "decode in one pass instead": for a file laid out otherwise, and for every
/// file with an error, so that messages are exactly those of one pass.
fn decode_split(text: &str) -> Option<(Network, Option<Interned>)> {
    use serde::Deserialize;
    use serde::de::DeserializeSeed;
    let value_at = relationships_start(text)?;
    // The key's text starts after its opening quote: `relationships": ` before the
    // value's bracket.
    let key_at = text[value_at - "relationships\": ".len()..].as_ptr() as usize;
    let (rest, relationships) = std::thread::scope(|s| {
        let relationships = s.spawn(|| {
            let mut de = serde_json::Deserializer::from_str(&text[value_at..]);
            let relationships = Vec::<Relationship>::deserialize(&mut de).ok()?;
            let interned = Interned::new(&relationships);
            Some((relationships, interned))
        });
        let mut de = serde_json::Deserializer::from_str(text);
        let rest = SkipRelationshipsAt(key_at)
            .deserialize(&mut de)
            .and_then(|v| de.end().map(|()| v))
            .ok();
        (rest, relationships.join().ok().flatten())
    });
    joined(rest, relationships)
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
fn check(path: &Path, net: Network, interned: Option<Interned>) -> Result<(Network, Resolved)> {
    let (found, ends) = validate::examine_interned(&net, interned);
    refuse(path, found)?;
    Ok((net, Resolved::new(ends)))
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

fn private_options() -> OpenOptions {
    let mut opts = OpenOptions::new();
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut opts, 0o600);
    opts
}

/// Takes the exclusive lock; it is released when the returned file is dropped, including
/// when the process dies, so a stale lock file never blocks the next run.
fn lock(target: &Path) -> Result<File> {
    let path = sidecar(target, "lock");
    let file = private_options()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)
        .with_context(|| format!("could not open the lock file {}", path.display()))?;
    file.lock()
        .with_context(|| format!("could not lock {}", path.display()))?;
    Ok(file)
}

/// The bytes a network is saved as: pretty (as `layout` describes), stable key order, one
/// trailing newline.
pub fn to_bytes(net: &Network) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    layout::write(net, &mut out).context("could not serialise the network")?;
    Ok(out)
}

/// Replaces `target` atomically: write a temp file beside it, fsync, keep the old
/// version as `.bak`, rename over, fsync the directory so the rename itself is durable,
/// then clear temp files that killed saves left. A read-only file is refused, not replaced.
fn save(target: &Path, net: &Network) -> Result<()> {
    save_with(target, |file| {
        let mut out = io::BufWriter::with_capacity(1 << 20, file);
        layout::write(net, &mut out)?;
        out.flush()
    })
}

/// `save` for a file given as consecutive pieces of bytes.
fn save_bytes(target: &Path, pieces: &[&[u8]]) -> Result<()> {
    save_with(target, |mut file| {
        for piece in pieces {
            file.write_all(piece)?;
        }
        Ok(())
    })
}

/// `save` with the temp file's content written by `fill`.
fn save_with(target: &Path, fill: impl FnOnce(&File) -> io::Result<()>) -> Result<()> {
    let dir = parent_dir(target);
    let old_meta = fs::metadata(target).ok();
    let fail = |what: &str| {
        format!(
            "could not {what} {}; the file was not changed",
            target.display()
        )
    };
    // A file the owner made read-only is a request not to change it; a rename would
    // replace it anyway (the directory, not the file, decides), so ask first.
    if old_meta
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
        .prefix(".netweb-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .with_context(|| fail("create a temporary file to save"))?;
    fill(tmp.as_file()).with_context(|| fail("write"))?;
    if let Some(meta) = &old_meta {
        keep_owner_and_mode(tmp.as_file(), meta);
    }
    tmp.as_file().sync_all().with_context(|| fail("flush"))?;

    if old_meta.is_some() {
        keep_backup(target)?;
    }
    tmp.persist(target)
        .map_err(|e| e.error)
        .with_context(|| fail("replace"))?;
    if let Ok(d) = File::open(dir) {
        // Not every filesystem lets a directory be synced; the data itself is on disk.
        let _ = d.sync_all();
    }
    remove_stale_temps(dir);
    Ok(())
}

/// Temp files older than this were left by a save that was killed (a save takes well
/// under a second); younger ones may belong to a save of another file in progress.
const STALE_TEMP_AGE: Duration = Duration::from_secs(60);

/// Removes `.netweb-*.tmp` files that a killed save left beside the data file. They never
/// block or change anything, but they hold contacts and take space. Best effort: a file
/// that cannot be removed is left for the next save.
fn remove_stale_temps(dir: &Path) {
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

/// Keeps the version about to be replaced as `network.json.bak`. A hard link costs
/// nothing and is atomic; filesystems without links get a copy.
fn keep_backup(target: &Path) -> Result<()> {
    let bak = sidecar(target, "bak");
    match fs::remove_file(&bak) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => {
            return Err(e)
                .with_context(|| format!("could not replace the backup {}", bak.display()));
        }
    }
    if fs::hard_link(target, &bak).is_err() {
        fs::copy(target, &bak).with_context(|| {
            format!(
                "could not keep a backup in {}; the file was not changed",
                bak.display()
            )
        })?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn laid_out(net: &Network) -> String {
        let mut out = Vec::new();
        layout::write(net, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn the_split_decode_reads_what_one_pass_reads() {
        let net = crate::synthetic::generate(&crate::synthetic::Spec::scaled(300));
        let text = laid_out(&net);
        // The guess is right for netweb's own layout: the value really is skipped...
        let key_at = text.find("\n  \"relationships\": [").unwrap() + 4;
        let mut de = serde_json::Deserializer::from_str(&text);
        let (rest, skipped) = serde::de::DeserializeSeed::deserialize(
            SkipRelationshipsAt(text[key_at..].as_ptr() as usize),
            &mut de,
        )
        .unwrap();
        assert!(skipped && rest.relationships.is_empty());
        // ...and decoded on the side, the whole equals one pass.
        let one_pass: Network = serde_json::from_str(&text).unwrap();
        assert_eq!(one_pass.relationships.len(), net.relationships.len());
        for (split, interned) in [decode_split(&text), decode_fast_split(&text)].map(Option::unwrap)
        {
            assert_eq!(split, one_pass);
            // The ends numbered on the side resolve as looking them up does.
            let interned = interned.expect("relationships decoded on the side are numbered");
            let looked_up = validate::examine(&split);
            assert_eq!(
                validate::examine_interned(&split, Some(interned)),
                looked_up
            );
            assert!(looked_up.0.is_empty() && looked_up.1.len() == net.relationships.len());
        }
    }

    #[test]
    fn terms_are_normalised_as_people_are_decoded_on_one_thread_or_two() {
        let net = crate::synthetic::generate(&crate::synthetic::Spec::scaled(300));
        let text = laid_out(&net).replacen(
            "\"interests\": [",
            "\"interests\": [\"Chess \", \" chess\", \"GO\", \"\", ",
            1,
        );
        let (split, _) = decode_split(&text).unwrap();
        let one_pass: Network = serde_json::from_str(&text).unwrap();
        assert_eq!(split, one_pass);
        let first = &one_pass.people[0].interests;
        assert_eq!(first[..2], ["chess", "go"]);
        assert_eq!(first[2..], net.people[0].interests[..]);
        // The checks still see every person: a repeated id is refused.
        let mut dup = one_pass.clone();
        dup.people[5].id = dup.people[4].id.clone();
        let err = check(Path::new("x.json"), dup, None)
            .unwrap_err()
            .to_string();
        assert!(err.contains("already used by people[4]"), "{err}");
    }

    #[test]
    fn a_wrong_guess_or_an_error_falls_back() {
        // The pattern, but inside a person: not skipped, and still read right.
        let nested = "{\"people\": [{\"id\": \"a\", \"name\": \"A\", \"x\": {\n  \"relationships\": [1\n  ]}}],\n\"relationships\": []}";
        let one_pass: Network = serde_json::from_str(nested).unwrap();
        for (split, interned) in
            [decode_split(nested), decode_fast_split(nested)].map(Option::unwrap)
        {
            assert!(split == one_pass && interned.is_none());
        }
        // The relationships' closing bracket not alone on its line: the fast search finds
        // a later one, which the second thread's reading disproves.
        let net = crate::synthetic::generate(&crate::synthetic::Spec::scaled(50));
        let text = laid_out(&net);
        let joined = text.replacen(
            " }\n  ],\n  \"interactions\"",
            " }],\n  \"interactions\"",
            1,
        );
        assert_ne!(joined, text);
        assert!(decode_fast_split(&joined).is_none());
        assert_eq!(
            decode_split(&joined).unwrap().0,
            serde_json::from_str(&joined).unwrap()
        );
        // An error in the relationships, or before or after them: no result, so the one
        // pass reports it with its own line and column.
        assert!(decode_split(&text).is_some() && decode_fast_split(&text).is_some());
        let breakages = [
            text.replacen("\"strength\": 2", "\"strength\": \"two\"", 1),
            text.replacen("\"name\": ", "\"name\": 7, \"n\": ", 1),
            format!("{text} x"),
            text.replacen(
                "\n  \"relationships\": [",
                "\n  \"relationships\": [],\n  \"relationships\": [",
                1,
            ),
        ];
        for broken in &breakages {
            assert_ne!(broken, &text);
            assert!(serde_json::from_str::<Network>(broken).is_err());
            assert!(decode_split(broken).is_none());
            assert!(decode_fast_split(broken).is_none());
        }
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
    fn a_byte_order_mark_is_ignored() {
        let net = parse(Path::new("x.json"), b"\xEF\xBB\xBF{\"version\": 1}").unwrap();
        assert!(net.people.is_empty());
    }
}
