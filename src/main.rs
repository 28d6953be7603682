#![deny(unsafe_code)]

use std::io::{self, Write};
use std::process::ExitCode;

use clap::{CommandFactory, Parser};

/// mimalloc, as jj uses: a load builds millions of small strings and vectors, and
/// mimalloc took a third off `show`'s CPU time at 10,000 people (docs/benchmarks.md,
/// "Session 8: reading"). Its version 2 (the crate's `v2` feature): as fast as version 3
/// or faster at every size measured, with half the memory at 1,000-2,000 people, so
/// fewer first touches of fresh pages ("Session 10").
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    // `COMPLETE=bash netweb -- netweb show wa`: the shell asking for candidates while
    // the user types (see `netweb completions`). Answers and exits; otherwise a no-op.
    clap_complete::CompleteEnv::with_factory(netweb::cli::Cli::command).complete();
    // Past the file size limit (`ulimit -f`) the kernel would kill netweb with SIGXFSZ and
    // no message; with a handler installed (signal-hook's safe flag, never read) the
    // write fails with EFBIG instead and the error says so.
    let _ = signal_hook::flag::register(
        signal_hook::consts::SIGXFSZ,
        std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false)),
    );
    let cli = netweb::cli::Cli::parse();
    match netweb::cmd::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        // `netweb list | head -1` closes the pipe early; that is not an error.
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            // Errors quote names, paths and the file's text: shown, not obeyed.
            let text = format!("{err:#}");
            let text = netweb::render::escape::escape_lines(&text);
            let _ = writeln!(io::stderr(), "netweb: error: {text}");
            // A bad value the user gave exits 2, as clap's usage errors do.
            if netweb::usage::is_bad_value(&err) {
                ExitCode::from(2)
            } else {
                ExitCode::FAILURE
            }
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        let kind = match e.downcast_ref::<io::Error>() {
            Some(io) => Some(io.kind()),
            // `--json` output is written by serde_json, which wraps the I/O error.
            None => e
                .downcast_ref::<serde_json::Error>()
                .and_then(|j| j.io_error_kind()),
        };
        kind == Some(io::ErrorKind::BrokenPipe)
    })
}
