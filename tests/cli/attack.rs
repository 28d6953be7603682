//! Issue 17, hardening's second round: the faults found by attacking the released binary
//! as a hostile user or a careless script would. One test (or a few) per fault; what each
//! shows is summarised in docs/reliability.md. Tests that need root check at run time and
//! print why they skipped; CI runs as root.

use std::fs::File;
use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant, SystemTime};

use crate::common::Env;

fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions.
    unsafe { libc::geteuid() == 0 }
}

fn skip(test: &str, reason: &str) {
    eprintln!("skipped {test}: {reason}");
}

fn mkfifo(path: &Path) {
    let ok = Command::new("mkfifo").arg(path).status().unwrap().success();
    assert!(ok, "mkfifo {}", path.display());
}

/// Runs a process to its end within `limit`, killing it past that.
fn finish(mut cmd: Command, limit: Duration) -> Output {
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > limit {
            let _ = child.kill();
            let out = child.wait_with_output().unwrap();
            panic!(
                "still running after {limit:?} (killed); stderr: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    child.wait_with_output().unwrap()
}

fn stderr_of(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn sidecar(env: &Env, ext: &str) -> PathBuf {
    env.file.with_file_name(format!("network.json.{ext}"))
}

fn names(env: &Env) -> Vec<String> {
    env.data()["people"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap().to_string())
        .collect()
}

// 1. Device nodes and FIFOs as targets.

#[test]
fn a_fifo_as_data_file_is_refused_at_once_and_left_alone() {
    let env = Env::new();
    std::fs::create_dir_all(env.file.parent().unwrap()).unwrap();
    mkfifo(&env.file);
    for args in [&["list"][..], &["add", "X"], &["show", "x"]] {
        let out = finish(env.process(args), Duration::from_secs(10));
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = stderr_of(&out);
        assert!(
            err.contains("is a named pipe (FIFO), not a regular file"),
            "{args:?}: {err}"
        );
        assert!(err.contains("nothing was changed"), "{err}");
    }
    let meta = std::fs::symlink_metadata(&env.file).unwrap();
    assert!(meta.file_type().is_fifo(), "the FIFO was replaced");
    assert!(!sidecar(&env, "bak").exists() && !sidecar(&env, "lock").exists());
}

#[test]
fn a_fifo_as_backup_lock_or_export_target_is_refused() {
    let env = Env::sample();
    let before = env.text();
    mkfifo(&sidecar(&env, "bak"));
    let err = env.fails(1, &["add", "X"]);
    assert!(err.contains("network.json.bak is a named pipe"), "{err}");
    std::fs::remove_file(sidecar(&env, "bak")).unwrap();
    mkfifo(&sidecar(&env, "lock"));
    let out = finish(env.process(&["add", "X"]), Duration::from_secs(10));
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr_of(&out).contains("network.json.lock is a named pipe"));
    assert_eq!(env.text(), before);

    let fifo = env.dir.path().join("out.fifo");
    mkfifo(&fifo);
    let out = finish(
        env.process(&["export", "-o", fifo.to_str().unwrap()]),
        Duration::from_secs(10),
    );
    assert_eq!(out.status.code(), Some(1));
    let err = stderr_of(&out);
    assert!(
        err.contains("is a named pipe") && err.contains("leave out -o"),
        "{err}"
    );
    assert!(
        std::fs::symlink_metadata(&fifo)
            .unwrap()
            .file_type()
            .is_fifo()
    );
}

#[test]
fn a_device_node_is_never_replaced_as_data_file_or_export() {
    if !is_root() {
        return skip(
            "a_device_node_is_never_replaced_as_data_file_or_export",
            "mknod needs root",
        );
    }
    let env = Env::new();
    let dev = env.dir.path().join("null");
    let made = Command::new("mknod")
        .args([dev.to_str().unwrap(), "c", "1", "3"])
        .status()
        .unwrap();
    assert!(made.success());
    let file = dev.to_str().unwrap();
    let err = env.fails(1, &["--file", file, "add", "X"]);
    assert!(
        err.contains("is a character device, not a regular file"),
        "{err}"
    );
    let err = env.fails(1, &["--file", file, "list"]);
    assert!(err.contains("character device"), "{err}");
    // A symlink to the device is the device.
    let link = env.dir.path().join("link.json");
    std::os::unix::fs::symlink(&dev, &link).unwrap();
    env.fails(1, &["--file", link.to_str().unwrap(), "add", "X"]);

    let env2 = Env::sample();
    let err = env2.fails(1, &["export", "-o", file]);
    assert!(err.contains("character device"), "{err}");
    let meta = std::fs::symlink_metadata(&dev).unwrap();
    assert!(meta.file_type().is_char_device(), "the device was replaced");
    assert!(!env.dir.path().join("null.bak").exists());
    assert!(!env.dir.path().join("null.lock").exists());
}

// 7. Unbounded input.

#[test]
fn endless_devices_and_oversized_files_are_refused() {
    let env = Env::sample();
    for dev in ["/dev/zero", "/dev/urandom"] {
        let out = finish(env.process(&["import", dev]), Duration::from_secs(10));
        assert_eq!(out.status.code(), Some(1), "import {dev}");
        let err = stderr_of(&out);
        assert!(
            err.contains("is a character device") && err.contains("import"),
            "{err}"
        );
    }
    let out = finish(
        env.process(&["--file", "/dev/zero", "list"]),
        Duration::from_secs(10),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr_of(&out).contains("character device"));
    // A sparse file just over the cap: refused by its size, without reading it.
    let big = env.dir.path().join("huge.csv");
    File::create(&big)
        .unwrap()
        .set_len(netweb::store::MAX_IMPORT_BYTES + 1)
        .unwrap();
    let out = finish(
        env.process(&["import", big.to_str().unwrap()]),
        Duration::from_secs(10),
    );
    assert_eq!(out.status.code(), Some(1));
    let err = stderr_of(&out);
    assert!(err.contains("larger than 512 MiB"), "{err}");
}

// 2. The lock file deleted or replaced.

/// Holds a flock on a file, as another netweb would.
fn hold(path: &Path) -> File {
    let f = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)
        .unwrap();
    f.lock().unwrap();
    f
}

#[test]
fn a_lock_replaced_while_waiting_is_taken_again_and_the_wait_is_explained() {
    let env = Env::sample();
    let lock = sidecar(&env, "lock");
    let first = hold(&lock);
    let log = env.dir.path().join("stderr.txt");
    let mut child = env
        .process(&["add", "Waiter"])
        .stdout(Stdio::null())
        .stderr(File::create(&log).unwrap())
        .spawn()
        .unwrap();
    // After a second, the waiter says whom it waits for: this test's process.
    let start = Instant::now();
    let said = loop {
        let text = std::fs::read_to_string(&log).unwrap();
        if text.contains("waiting for") || start.elapsed() > Duration::from_secs(10) {
            break text;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(
        said.contains(&format!(
            "waiting for another netweb (pid {})",
            std::process::id()
        )),
        "{said}"
    );
    assert!(start.elapsed() >= Duration::from_millis(500));
    // Someone deletes the lock file and another writer takes a new one; then the first
    // holder lets go. The waiter must notice its lock file is gone and queue on the new.
    std::fs::remove_file(&lock).unwrap();
    let second = hold(&lock);
    drop(first);
    std::thread::sleep(Duration::from_millis(500));
    assert!(
        child.try_wait().unwrap().is_none(),
        "the waiter went ahead on a deleted lock file"
    );
    drop(second);
    let status = child.wait().unwrap();
    assert!(
        status.success(),
        "{}",
        std::fs::read_to_string(&log).unwrap()
    );
    assert!(names(&env).contains(&"Waiter".to_string()));
}

/// A netweb file of `n` people, for an import that takes a while.
fn netweb_file(dir: &Path, n: usize) -> PathBuf {
    let net =
        netweb_test_support::synthetic::generate(&netweb_test_support::synthetic::Spec::scaled(n));
    let path = dir.join(format!("import-{n}.json"));
    std::fs::write(&path, netweb::store::to_bytes(&net).unwrap()).unwrap();
    path
}

fn lock_is_held(path: &Path) -> bool {
    let Ok(f) = File::open(path) else {
        return false;
    };
    match f.try_lock() {
        Ok(()) => false,
        Err(_) => true,
    }
}

#[test]
fn deleting_the_lock_mid_write_loses_no_edit() {
    let env = Env::sample();
    let import = netweb_file(env.dir.path(), 3000);
    let lock = sidecar(&env, "lock");
    let writer = env
        .process(&["import", import.to_str().unwrap()])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while !lock_is_held(&lock) {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "the import never locked"
        );
        std::thread::sleep(Duration::from_millis(1));
    }
    // Freeze the import inside its read-modify-write, delete its lock, edit.
    let pid = writer.id() as i32;
    // SAFETY: a signal to our own child.
    unsafe { libc::kill(pid, libc::SIGSTOP) };
    std::fs::remove_file(&lock).unwrap();
    env.ok(&["edit", "priya-raman", "--company", "Edited While Importing"]);
    unsafe { libc::kill(pid, libc::SIGCONT) };
    let out = writer.wait_with_output().unwrap();
    let err = stderr_of(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("was removed or replaced while this command ran")
            && err.contains("run the command again"),
        "{err}"
    );
    assert_eq!(
        env.person("priya-raman")["company"],
        "Edited While Importing"
    );
}

#[test]
fn export_refuses_the_backup_and_the_lock() {
    let env = Env::sample();
    env.ok(&["add", "Someone New"]);
    let bak = std::fs::read(sidecar(&env, "bak")).unwrap();
    for ext in ["bak", "lock"] {
        let target = sidecar(&env, ext);
        let err = env.fails(1, &["export", "-o", target.to_str().unwrap()]);
        assert!(err.contains("the data file's"), "{err}");
    }
    assert_eq!(std::fs::read(sidecar(&env, "bak")).unwrap(), bak);
}

// 3. An emptied data file.

#[test]
fn an_emptied_data_file_is_an_error_and_the_backup_survives() {
    let env = Env::sample();
    env.ok(&["add", "Someone New"]);
    let bak_path = sidecar(&env, "bak");
    let bak = std::fs::read(&bak_path).unwrap();
    assert!(!bak.is_empty());
    for blank in ["", "  \n\n\t "] {
        env.write(blank);
        for args in [
            &["list"][..],
            &["add", "X"],
            &["edit", "priya-raman", "--role", "r"],
        ] {
            let err = env.fails(1, args);
            assert!(err.contains("so it holds no network"), "{args:?}: {err}");
            assert!(
                err.contains(&format!("cp {}", bak_path.display())),
                "{args:?}: {err}"
            );
        }
        assert_eq!(std::fs::read(&bak_path).unwrap(), bak, "the backup changed");
        assert_eq!(env.text(), blank);
    }
    // The hint's command restores it.
    std::fs::copy(&bak_path, &env.file).unwrap();
    env.ok(&["list"]);
    // Without a backup the hint says how to start again.
    let fresh = Env::with_file("");
    let err = fresh.fails(1, &["add", "X"]);
    assert!(err.contains("no backup") && err.contains("delete"), "{err}");
}

// 8. The backup never vanishes.

#[test]
fn the_backup_is_replaced_by_a_rename_never_removed_first() {
    let env = Env::sample();
    env.ok(&["add", "First"]);
    let trace = env.dir.path().join("trace.txt");
    let mut cmd = Command::new("strace");
    cmd.args([
        "-f",
        "-qq",
        "-e",
        "trace=unlink,unlinkat,rename,renameat,renameat2,link,linkat",
        "-o",
    ])
    .arg(&trace)
    .arg(assert_cmd::cargo::cargo_bin!("netweb"))
    .args(["--file", env.file.to_str().unwrap(), "add", "Second"])
    .env("NETWEB_TODAY", crate::common::TODAY);
    let status = match cmd.output() {
        Ok(out) if out.status.success() => out,
        Ok(out) => {
            return skip(
                "the_backup_is_replaced_by_a_rename_never_removed_first",
                &format!("strace failed: {}", stderr_of(&out).trim()),
            );
        }
        Err(e) => {
            return skip(
                "the_backup_is_replaced_by_a_rename_never_removed_first",
                &format!("strace: {e}"),
            );
        }
    };
    assert!(status.status.success());
    let calls = std::fs::read_to_string(&trace).unwrap();
    let bak_calls: Vec<&str> = calls
        .lines()
        .filter(|l| l.contains("network.json.bak"))
        .collect();
    assert!(
        !bak_calls.iter().any(|l| l.contains("unlink")),
        "the backup was removed: {bak_calls:?}"
    );
    assert!(
        bak_calls
            .iter()
            .any(|l| l.contains("rename") && l.contains(".netweb-")),
        "the backup was not renamed into place: {bak_calls:?}"
    );
    assert!(names(&env).contains(&"Second".to_string()));
    let bak: serde_json::Value =
        serde_json::from_slice(&std::fs::read(sidecar(&env, "bak")).unwrap()).unwrap();
    assert!(
        bak["people"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["name"] == "First")
    );
    // No temp name is left behind.
    let left: Vec<_> = std::fs::read_dir(env.file.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

// 9. sudo.

/// A uid that is not root, for running netweb as the file's owner.
const OWNER: u32 = 4242;

fn chown_tree(path: &Path, uid: u32) {
    let ok = Command::new("chown")
        .args(["-R", &format!("{uid}:{uid}")])
        .arg(path)
        .status()
        .unwrap()
        .success();
    assert!(ok);
}

#[test]
fn sudo_netweb_does_not_lock_the_owner_out() {
    if !is_root() {
        return skip("sudo_netweb_does_not_lock_the_owner_out", "needs root");
    }
    let env = Env::sample();
    chown_tree(env.dir.path(), OWNER);
    // As root (sudo): a new lock file goes to the data file's owner.
    env.ok(&["add", "By Root"]);
    let lock = sidecar(&env, "lock");
    assert_eq!(std::fs::metadata(&lock).unwrap().uid(), OWNER);
    assert_eq!(std::fs::metadata(&env.file).unwrap().uid(), OWNER);
    // The owner can still write.
    let as_owner = |args: &[&str]| {
        let mut cmd = env.process(args);
        std::os::unix::process::CommandExt::uid(&mut cmd, OWNER);
        std::os::unix::process::CommandExt::gid(&mut cmd, OWNER);
        cmd.output().unwrap()
    };
    let out = as_owner(&["add", "By Owner"]);
    assert!(out.status.success(), "{}", stderr_of(&out));
    // An existing lock the owner may only read is enough: flock needs no write access.
    std::fs::set_permissions(&lock, std::fs::Permissions::from_mode(0o400)).unwrap();
    let out = as_owner(&["add", "Read Only Lock"]);
    assert!(out.status.success(), "{}", stderr_of(&out));
    // A root-owned 0600 lock (as an older netweb under sudo left it): a clear way out.
    std::fs::remove_file(&lock).unwrap();
    File::create(&lock).unwrap();
    std::fs::set_permissions(&lock, std::fs::Permissions::from_mode(0o600)).unwrap();
    let out = as_owner(&["add", "Locked Out"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr_of(&out);
    assert!(
        err.contains("rm ") && err.contains("network.json.lock"),
        "{err}"
    );
    let names = names(&env);
    for n in ["By Root", "By Owner", "Read Only Lock"] {
        assert!(names.contains(&n.to_string()), "{n}");
    }
    // A data file root creates goes to the directory's owner too.
    let fresh = env.dir.path().join("fresh").join("network.json");
    std::fs::create_dir_all(fresh.parent().unwrap()).unwrap();
    chown_tree(fresh.parent().unwrap(), OWNER);
    env.ok(&["--file", fresh.to_str().unwrap(), "add", "First"]);
    assert_eq!(std::fs::metadata(&fresh).unwrap().uid(), OWNER);
    let mut cmd = env.process(&["--file", fresh.to_str().unwrap(), "add", "Second"]);
    std::os::unix::process::CommandExt::uid(&mut cmd, OWNER);
    std::os::unix::process::CommandExt::gid(&mut cmd, OWNER);
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
}

// 11. The smaller ones.

#[test]
fn a_killed_exports_temp_file_is_cleaned_up() {
    let env = Env::sample();
    let out_dir = env.dir.path().join("exports");
    std::fs::create_dir_all(&out_dir).unwrap();
    let stale = out_dir.join(".netweb-export-AbC123.tmp");
    let fresh = out_dir.join(".netweb-export-DeF456.tmp");
    let other = out_dir.join("mine.tmp");
    for p in [&stale, &fresh, &other] {
        File::create(p).unwrap();
    }
    let old = SystemTime::now() - Duration::from_secs(3600);
    for p in [&stale, &other] {
        File::options()
            .write(true)
            .open(p)
            .unwrap()
            .set_modified(old)
            .unwrap();
    }
    let target = out_dir.join("contacts.csv");
    env.ok(&["export", "--format", "csv", "-o", target.to_str().unwrap()]);
    assert!(!stale.exists(), "a stale export temp was left");
    assert!(fresh.exists() && other.exists() && target.exists());
}

#[test]
fn the_file_size_limit_gives_a_message_not_a_silent_death() {
    let env = Env::sample();
    // The sample is ~10 kB; a 4 kB limit (ulimit -f counts 1024-byte blocks in bash, 512
    // in dash: either is too small).
    let before = env.text();
    assert!(before.len() > 8192);
    let out = Command::new("sh")
        .arg("-c")
        .arg("ulimit -f 4 && exec \"$0\" \"$@\"")
        .arg(assert_cmd::cargo::cargo_bin!("netweb"))
        .args(["--file", env.file.to_str().unwrap(), "add", "Too Big"])
        .env("NETWEB_TODAY", crate::common::TODAY)
        .output()
        .unwrap();
    let err = stderr_of(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("the file was not changed") && err.contains("ulimit -f"),
        "{err}"
    );
    assert_eq!(env.text(), before);
}

#[test]
fn a_directory_as_data_file_is_refused_without_a_stray_lock() {
    let env = Env::new();
    let dir = env.dir.path().join("work");
    std::fs::create_dir_all(&dir).unwrap();
    for file in [".", "./", "sub/.."] {
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        let mut cmd = env.process(&["--file", file, "add", "X"]);
        cmd.current_dir(&dir);
        let out = cmd.output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{file}");
        assert!(stderr_of(&out).contains("is a directory"), "{file}");
    }
    let mut left: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert_eq!(left, ["sub"]);
    assert!(!env.dir.path().join("..lock").exists());
}

// 4. Terminal injection.

const OSC52: &str = "Evil\u{1b}]52;c;aGk=\u{7}Clip";
const CLEAR: &str = "\u{1b}[2JWiped";
const CR: &str = "fine\roverwritten";
const RLO: &str = "abc\u{202e}fed";

/// No byte a terminal would act on: ESC, BEL, CR, the C1 range, and no bidi override.
fn inert(text: &str) -> bool {
    !text.chars().any(|c| {
        (c.is_control() && c != '\n')
            || ('\u{202a}'..='\u{202e}').contains(&c)
            || ('\u{2066}'..='\u{2069}').contains(&c)
    })
}

#[test]
fn hostile_text_is_shown_escaped_to_humans_and_exact_in_json() {
    let env = Env::new();
    env.ok(&[
        "add",
        OSC52,
        "--company",
        RLO,
        "--note",
        CR,
        "--interest",
        CLEAR,
    ]);
    env.ok(&["add", CLEAR, "--role", OSC52]);
    let id_of = |name: &str| {
        let list = env.json(&["list"]);
        let found = list.as_array().unwrap().iter().find(|p| p["name"] == name);
        found.unwrap()["id"].as_str().unwrap().to_string()
    };
    let (evil, wiped) = (id_of(OSC52), id_of(CLEAR));
    env.ok(&["link", &evil, &wiped, "--note", CR]);
    env.ok(&["log", &evil, "--kind", CLEAR, "--note", RLO]);
    env.ok(&["add", "Third Person", "--interest", CLEAR]);
    env.ok(&["intro", &wiped, "Third Person", "--note", OSC52]);
    let commands: Vec<Vec<&str>> = vec![
        vec!["list"],
        vec!["show", &evil],
        vec!["show", &wiped],
        vec!["due"],
        vec!["intros"],
        vec!["suggest"],
        vec!["stats"],
        vec!["interests"],
        vec!["path", &evil, "Third Person"],
        vec!["edit", &evil, "--location", CLEAR],
        vec!["add", RLO],
        vec!["log", &wiped, "--kind", OSC52],
        vec!["link", &evil, "Third Person"],
        vec!["unlink", &evil, "Third Person"],
    ];
    for args in &commands {
        let out = env.run(args);
        assert_eq!(out.code, 0, "{args:?}: {}", out.stderr);
        assert!(
            inert(&out.stdout),
            "{args:?} printed raw:\n{:?}",
            out.stdout
        );
        assert!(
            inert(&out.stderr),
            "{args:?} printed raw:\n{:?}",
            out.stderr
        );
    }
    let shown = env.ok(&["show", &evil]);
    assert!(shown.contains("Evil\\e]52;c;aGk=\\x07Clip"), "{shown}");
    assert!(shown.contains("abc\\u{202e}fed") && shown.contains("fine\\roverwritten"));
    // Errors quote what was typed: escaped too.
    let err = env.fails(1, &["show", "\u{1b}[2JNobody"]);
    assert!(inert(&err) && err.contains("[2JNobody"), "{err:?}");
    // --json is exact.
    let p = env.json(&["show", &evil]);
    assert_eq!(p["name"], OSC52, "{p}");
    assert_eq!(p["company"], RLO);
    assert_eq!(p["notes"], CR);
}

// 5. Linear work under the lock.

/// A netweb file of `n` people (`p0`..) and `m` distinct relationships.
fn netweb_ties(dir: &Path, n: usize, m: usize) -> PathBuf {
    let people: Vec<serde_json::Value> = (0..n)
        .map(|i| serde_json::json!({"id": format!("p{i}"), "name": format!("Person {i}")}))
        .collect();
    let mut rels = Vec::new();
    let mut k = 1;
    'outer: while rels.len() < m {
        for i in 0..n {
            let j = (i + k) % n;
            rels.push(serde_json::json!({"a": format!("p{i}"), "b": format!("p{j}")}));
            if rels.len() == m {
                break 'outer;
            }
        }
        k += 1;
    }
    let path = dir.join("ties.json");
    let doc = serde_json::json!({"version": 1, "people": people, "relationships": rels});
    std::fs::write(&path, doc.to_string()).unwrap();
    path
}

fn timed(env: &Env, args: &[&str]) -> (Duration, serde_json::Value) {
    let start = Instant::now();
    let doc = env.json(args);
    (start.elapsed(), doc)
}

// Bounds are wide (debug build, two shared cores); the quadratic code took minutes here.
const LINEAR_LIMIT: Duration = Duration::from_secs(30);

#[test]
fn importing_a_netweb_file_is_linear_in_its_relationships() {
    let env = Env::new();
    let file = netweb_ties(env.dir.path(), 4000, 30_000);
    let (took, report) = timed(&env, &["import", file.to_str().unwrap()]);
    assert_eq!(report["new"], 4000);
    assert_eq!(report["relationships"], 30_000);
    assert!(took < LINEAR_LIMIT, "took {took:?}");
    assert_eq!(
        env.data()["relationships"].as_array().unwrap().len(),
        30_000
    );
    // Again: nothing doubles.
    let (_, again) = timed(&env, &["import", file.to_str().unwrap()]);
    assert_eq!(
        (again["new"].as_u64(), again["relationships"].as_u64()),
        (Some(0), Some(0))
    );
}

#[test]
fn a_card_with_a_huge_number_of_emails_or_categories_imports_quickly() {
    let env = Env::new();
    let mut card = String::from("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Many Fields\r\n");
    for i in 0..50_000 {
        card.push_str(&format!("EMAIL:m{i}@example.org\r\nCATEGORIES:c{i}\r\n"));
    }
    // Repeats (case aside) are kept once.
    card.push_str("EMAIL:M7@EXAMPLE.ORG\r\nCATEGORIES:C7\r\nEND:VCARD\r\n");
    let file = env.dir.path().join("many.vcf");
    std::fs::write(&file, card).unwrap();
    let (took, report) = timed(&env, &["import", file.to_str().unwrap()]);
    assert_eq!(report["new"], 1);
    assert!(took < LINEAR_LIMIT, "took {took:?}");
    let p = &env.data()["people"][0];
    assert_eq!(p["emails"].as_array().unwrap().len(), 50_000);
    assert_eq!(p["tags"].as_array().unwrap().len(), 50_000);
}

#[test]
fn an_intro_of_more_than_fifty_people_is_refused_and_fifty_are_quick() {
    let people: Vec<serde_json::Value> = (0..60)
        .map(|i| serde_json::json!({"id": format!("p{i}"), "name": format!("Person {i}")}))
        .collect();
    let env = Env::with_file(&serde_json::json!({"version": 1, "people": people}).to_string());
    let before = env.text();
    let ids: Vec<String> = (0..51).map(|i| format!("p{i}")).collect();
    let mut args = vec!["intro"];
    args.extend(ids.iter().map(String::as_str));
    let err = env.fails(2, &args);
    assert!(
        err.contains("at most 50 people, and this one names 51"),
        "{err}"
    );
    assert_eq!(env.text(), before);
    args.pop();
    let (took, done) = timed(&env, &args);
    assert_eq!(done["new_relationships"], 50 * 49 / 2);
    assert!(took < LINEAR_LIMIT);
}

// 6. Limits checked where the arguments are read.

#[test]
fn suggest_limits_and_scores_are_checked_as_arguments() {
    let env = Env::sample();
    for bad in [
        "99999999999",
        "18446744073709551614",
        "0",
        "-1",
        "ten",
        "100001",
    ] {
        let err = env.fails(2, &["suggest", &format!("--limit={bad}")]);
        assert!(err.contains("--limit"), "{bad}: {err}");
    }
    for bad in ["NaN", "nan", "inf", "-inf", "x"] {
        let err = env.fails(2, &["suggest", &format!("--min-score={bad}")]);
        assert!(err.contains("finite number"), "{bad}: {err}");
    }
    let top = env.json(&["suggest", "--limit", "100000"]);
    assert!(!top.as_array().unwrap().is_empty());
    assert_eq!(
        env.json(&["suggest", "-n", "2"]).as_array().unwrap().len(),
        2
    );
    env.ok(&["suggest", "--min-score", "0.5"]);
}

// 10. Destructive commands need the full name or id.

#[test]
fn rm_and_merge_refuse_a_prefix_without_yes() {
    let env = Env::new();
    env.ok(&["add", "Yusuf Demir"]);
    env.ok(&["add", "Ada Larkwell"]);
    env.ok(&["add", "Ada Kell"]);
    let before = env.text();
    let err = env.fails(1, &["rm", "y"]);
    assert!(
        err.contains("did you mean Yusuf Demir (yusuf-demir)")
            && err.contains("give the full name or id"),
        "{err}"
    );
    let err = env.fails(1, &["merge", "ada l", "ada k"]);
    assert!(
        err.contains("did you mean Ada Larkwell (ada-larkwell)"),
        "{err}"
    );
    assert_eq!(env.text(), before);
    // Full names (any case) and ids work; --yes accepts a prefix that is one person.
    env.ok(&["merge", "ADA LARKWELL", "ada-kell"]);
    env.ok(&["rm", "y", "--yes"]);
    let left: Vec<String> = names(&env);
    assert_eq!(left, ["Ada Larkwell"]);
    // A full name typed without its accents is a full name, as everywhere else.
    env.ok(&["add", "Zoë Müller"]);
    env.ok(&["rm", "zoe muller"]);
    let left: Vec<String> = names(&env);
    assert_eq!(left, ["Ada Larkwell"]);
}

// 11. vCard and CSV faults.

#[test]
fn a_trailing_soft_break_does_not_swallow_the_end_of_the_card() {
    let env = Env::new();
    let file = env.dir.path().join("qp.vcf");
    std::fs::write(
        &file,
        "BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Zo=C3=AB=\r\nEND:VCARD\r\n\
         BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Next One\r\n\
         NOTE;ENCODING=QUOTED-PRINTABLE:soft=\r\nEND:VCARD\r\n\
         BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Plain\r\nNOTE:a=b=\r\nEND:VCARD\r\n",
    )
    .unwrap();
    let report = env.json(&["import", file.to_str().unwrap()]);
    assert_eq!(report["new"], 3, "{report}");
    assert_eq!(names(&env), ["Zoë", "Next One", "Plain"]);
    assert_eq!(env.person("next-one")["notes"], "soft");
    // In plain text a final `=` is text.
    assert_eq!(env.person("plain")["notes"], "a=b=");
}

#[test]
fn a_csv_header_naming_a_column_twice_is_refused() {
    let env = Env::new();
    let file = env.dir.path().join("dup.csv");
    std::fs::write(&file, "name,email,Email\nAda,ada@a.org,ada@b.org\n").unwrap();
    let err = env.fails(1, &["import", file.to_str().unwrap()]);
    assert!(
        err.contains("names the column \"email\" twice (columns 2 and 3)"),
        "{err}"
    );
    assert!(!env.file.exists());
}
