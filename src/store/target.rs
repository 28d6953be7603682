//! What netweb agrees to read and replace: ordinary files only.
//!
//! A save renames a new file over its target and hard-links the old one as `.bak`; done
//! to a device node (`--file /dev/null` as root) that replaced the device with a
//! world-writable file holding the network. A FIFO blocked the read forever, with the
//! lock held, and `/dev/zero` grew memory until the machine ran out. So every existing
//! target (data file, backup, lock, export) must be a regular file or a symlink to one,
//! checked before anything is opened for writing, and files are opened with
//! `O_NONBLOCK` so a FIFO swapped in after the check cannot block either.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

/// The most `import` reads from one contact file: 512 MiB, four times the 100,000-person
/// network of the benchmarks. Past it the file is refused, not half read.
pub const MAX_IMPORT_BYTES: u64 = 512 << 20;

/// Opens a file for reading without blocking on a FIFO, close-on-exec.
pub(crate) fn open_nonblocking(path: &Path) -> io::Result<File> {
    let mut opts = OpenOptions::new();
    opts.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut opts, libc::O_NONBLOCK | libc::O_CLOEXEC);
    opts.open(path)
}

/// What kind of thing a path names, for a message: "a directory", "a named pipe (FIFO)".
fn kind(meta: &fs::Metadata) -> &'static str {
    let t = meta.file_type();
    if t.is_dir() {
        return "a directory";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if t.is_char_device() {
            return "a character device";
        }
        if t.is_block_device() {
            return "a block device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    "not a regular file"
}

pub(crate) fn not_regular(
    path: &Path,
    meta: &fs::Metadata,
    role: &str,
    hint: &str,
) -> anyhow::Error {
    anyhow::anyhow!(
        "{} is {}, not a regular file, so netweb will not use it as {role}; nothing was \
         changed\nhint: {hint}",
        path.display(),
        kind(meta)
    )
}

const DATA_HINT: &str = "give --file (or NETWEB_FILE) the path of an ordinary file, \
                         e.g. ~/network.json; it is created on the first change";

/// Refuses a data file path that exists and is not a regular file (following symlinks).
/// A missing file is fine: it is a new, empty network.
pub(crate) fn check_data_file(path: &Path) -> Result<()> {
    match fs::metadata(path) {
        Ok(meta) if meta.is_file() => Ok(()),
        Ok(meta) => Err(not_regular(path, &meta, "the data file", DATA_HINT)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e).with_context(|| format!("could not read {}", path.display())),
    }
}

/// Refuses an existing sidecar (`.bak`) or export target that is not a regular file: a
/// rename over it would replace the device or pipe that is there.
pub(crate) fn check_replaceable(path: &Path, role: &str, hint: &str) -> Result<()> {
    match fs::metadata(path) {
        Ok(meta) if !meta.is_file() => Err(not_regular(path, &meta, role, hint)),
        _ => Ok(()),
    }
}

/// The data file's bytes for a command that will write it, or `None` when it does not
/// exist yet. Read into memory rather than mapped: a map dies with SIGBUS when another
/// program truncates the file in place, and a writer must fail cleanly instead.
pub(crate) fn read_data(path: &Path) -> Result<Option<Vec<u8>>> {
    let failed =
        |e: io::Error| anyhow::Error::new(e).context(format!("could not read {}", path.display()));
    let file = match open_nonblocking(path) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(failed(e)),
    };
    let meta = file.metadata().map_err(failed)?;
    if !meta.is_file() {
        return Err(not_regular(path, &meta, "the data file", DATA_HINT));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize + 1);
    (&file).read_to_end(&mut bytes).map_err(failed)?;
    Ok(Some(bytes))
}

/// A contact file for `import`: a regular file (not `/dev/zero`, a pipe or a terminal)
/// of at most `MAX_IMPORT_BYTES`, read whole.
pub fn read_import(path: &Path) -> Result<Vec<u8>> {
    let shown = path.display();
    let file = open_nonblocking(path)
        .with_context(|| format!("could not read {shown}: check the path"))?;
    let meta = file
        .metadata()
        .with_context(|| format!("could not read {shown}"))?;
    if !meta.is_file() {
        bail!(
            "{shown} is {}, not a regular file, so netweb will not import from it\nhint: save \
             the contacts to a file first and import that file",
            kind(&meta)
        );
    }
    let too_big = || {
        anyhow::anyhow!(
            "{shown} is larger than {} MiB, the most netweb imports from one file; nothing was \
             changed\nhint: split the export into smaller files and import them one by one",
            MAX_IMPORT_BYTES >> 20
        )
    };
    if meta.len() > MAX_IMPORT_BYTES {
        return Err(too_big());
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize + 1);
    // `take`: a file that grows while it is read still stops at the cap.
    (&file)
        .take(MAX_IMPORT_BYTES + 1)
        .read_to_end(&mut bytes)
        .with_context(|| format!("could not read {shown}"))?;
    if bytes.len() as u64 > MAX_IMPORT_BYTES {
        return Err(too_big());
    }
    Ok(bytes)
}

/// An empty or whitespace-only data file is refused, not read as an empty network: it is
/// what `netweb export > network.json` leaves (the shell truncates the file before netweb
/// runs), and the next save would have made the empty file the backup.
pub(crate) fn refuse_blank(path: &Path, bytes: &[u8], backup: &Path) -> Result<()> {
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if !text.iter().all(u8::is_ascii_whitespace) {
        return Ok(());
    }
    let what = if bytes.is_empty() {
        "is empty (0 bytes)"
    } else {
        "holds only whitespace"
    };
    let restore = if fs::metadata(backup).is_ok_and(|m| m.len() > 0) {
        format!(
            "the previous version is in {bak}; if the file was emptied by mistake (for \
             example by `netweb export > {file}`, which empties it before netweb runs), \
             restore it with `cp {bak} {file}`. To start a new network instead, delete {file}",
            bak = backup.display(),
            file = path.display()
        )
    } else {
        format!(
            "there is no backup beside it; to start a new network, delete {}",
            path.display()
        )
    };
    bail!(
        "{} {what}, so it holds no network; it was left unchanged\nhint: {restore}",
        path.display()
    )
}

/// Whether two paths name the same file, following links (either may not exist yet).
pub fn same_file(a: &Path, b: &Path) -> bool {
    fn canonical(p: &Path) -> PathBuf {
        if let Ok(c) = fs::canonicalize(p) {
            return c;
        }
        let parent = match p.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        match (fs::canonicalize(parent), p.file_name()) {
            (Ok(dir), Some(name)) => dir.join(name),
            _ => p.to_path_buf(),
        }
    }
    canonical(a) == canonical(b)
}

/// Refuses an `export -o` target that is the data file, its backup or its lock (each
/// would be overwritten: the backup lost, or the lock replaced under a writer), or an
/// existing file that is not a regular file. Checked before anything is written.
pub fn check_export_target(out: &Path, data: &Path) -> Result<()> {
    let data = super::resolve_symlinks(data)?;
    let own = [
        (
            data.clone(),
            "the data file itself: exporting over it would replace the network",
        ),
        (
            super::sidecar(&data, "bak"),
            "the data file's backup: exporting over it would lose the previous version",
        ),
        (
            super::sidecar(&data, "lock"),
            "the data file's lock: exporting over it would let two writers in at once",
        ),
    ];
    for (path, what) in own {
        if same_file(out, &path) {
            bail!(
                "{} is {what}\nhint: write the export to another file",
                out.display()
            );
        }
    }
    check_replaceable(
        out,
        "an export file",
        "leave out -o to write the export to standard output, or name an ordinary file",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_files_are_refused_and_name_the_backup() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("n.json");
        let bak = dir.path().join("n.json.bak");
        assert!(refuse_blank(&file, b"{}", &bak).is_ok());
        let err = refuse_blank(&file, b"", &bak).unwrap_err().to_string();
        assert!(
            err.contains("is empty (0 bytes)") && err.contains("no backup"),
            "{err}"
        );
        fs::write(&bak, "{}\n").unwrap();
        let err = refuse_blank(&file, b" \n\t", &bak).unwrap_err().to_string();
        assert!(
            err.contains("only whitespace") && err.contains("cp "),
            "{err}"
        );
    }
}
