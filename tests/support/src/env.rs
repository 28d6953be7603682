//! An isolated environment per test: a temp dir holding the data file, the clock pinned,
//! no inherited environment, so tests never touch a real network or depend on the date.
//!
//! Cargo tells only the netweb package's own test targets where its binary is (at compile
//! time, `CARGO_BIN_EXE_netweb`), so the caller passes that path in: tests/cli/common.rs
//! binds it once for every CLI test.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

pub const TODAY: &str = "2026-11-25";

pub struct Env {
    pub dir: TempDir,
    pub file: PathBuf,
    bin: PathBuf,
}

pub struct Output {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Env {
    /// An empty environment that runs the netweb binary at `bin`.
    pub fn new(bin: impl Into<PathBuf>) -> Env {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("data").join("network.json");
        Env {
            dir,
            file,
            bin: bin.into(),
        }
    }

    /// An environment whose data file starts as the shipped sample network.
    pub fn sample(bin: impl Into<PathBuf>) -> Env {
        let env = Env::new(bin);
        let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/network.json");
        env.write(&std::fs::read_to_string(sample).unwrap());
        env
    }

    /// An environment whose data file holds exactly this text.
    pub fn with_file(bin: impl Into<PathBuf>, text: &str) -> Env {
        let env = Env::new(bin);
        env.write(text);
        env
    }

    pub fn write(&self, text: &str) {
        std::fs::create_dir_all(self.file.parent().unwrap()).unwrap();
        std::fs::write(&self.file, text).unwrap();
    }

    /// The command with only what netweb needs in its environment.
    pub fn cmd(&self, args: &[&str]) -> Command {
        Command::from_std(self.process(args))
    }

    /// The same, as a plain process for tests that need to spawn and wait themselves.
    pub fn process(&self, args: &[&str]) -> std::process::Command {
        let mut cmd = std::process::Command::new(&self.bin);
        cmd.env_clear()
            .env("NETWEB_FILE", &self.file)
            .env("NETWEB_TODAY", TODAY)
            .env("HOME", self.dir.path())
            .args(args);
        cmd
    }

    /// Runs netweb as `netweb ARGS | head -c BYTES` would: reads that much of its output,
    /// closes the pipe, and returns how it ended and what it wrote to stderr.
    pub fn with_pipe_closed_after(&self, args: &[&str], bytes: usize) -> (Option<i32>, String) {
        use std::io::Read;
        use std::process::Stdio;
        let mut child = self
            .process(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("netweb starts");
        let mut first = vec![0u8; bytes];
        child
            .stdout
            .as_mut()
            .expect("piped")
            .read_exact(&mut first)
            .expect("netweb writes that much");
        drop(child.stdout.take());
        let out = child.wait_with_output().expect("netweb ends");
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }

    pub fn run(&self, args: &[&str]) -> Output {
        let out = self.cmd(args).output().unwrap();
        Output {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8(out.stdout).unwrap(),
            stderr: String::from_utf8(out.stderr).unwrap(),
        }
    }

    /// Runs a command that must succeed and returns its stdout.
    #[track_caller]
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert_eq!(out.code, 0, "netweb {args:?} failed:\n{}", out.stderr);
        out.stdout
    }

    /// Runs a command with --json that must succeed and parses its one document.
    #[track_caller]
    pub fn json(&self, args: &[&str]) -> Value {
        let mut all = vec!["--json"];
        all.extend_from_slice(args);
        let stdout = self.ok(&all);
        serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("not JSON ({e}):\n{stdout}"))
    }

    /// Runs a command that must fail with this exit code and returns its stderr.
    #[track_caller]
    pub fn fails(&self, code: i32, args: &[&str]) -> String {
        let out = self.run(args);
        assert_eq!(
            out.code, code,
            "netweb {args:?}: stdout {}\nstderr {}",
            out.stdout, out.stderr
        );
        assert!(
            out.stdout.is_empty(),
            "a failure printed on stdout: {}",
            out.stdout
        );
        out.stderr
    }

    /// The data file, parsed.
    pub fn data(&self) -> Value {
        serde_json::from_str(&self.text()).unwrap()
    }

    pub fn text(&self) -> String {
        std::fs::read_to_string(&self.file).unwrap()
    }

    pub fn person(&self, id: &str) -> Value {
        self.data()["people"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["id"] == id)
            .cloned()
            .unwrap_or_else(|| panic!("no person {id}"))
    }
}

/// The strings of a JSON array.
pub fn strings(v: &Value) -> Vec<&str> {
    v.as_array()
        .map(|a| a.iter().map(|s| s.as_str().unwrap()).collect())
        .unwrap_or_default()
}
