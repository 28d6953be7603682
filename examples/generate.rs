//! Writes a synthetic network (see `netweb_test_support::synthetic`) to stdout, for
//! benchmarks and trying commands at scale:
//!
//!     cargo run --release --example generate -- PEOPLE [RELATIONSHIPS] [SEED] > network.json
//!
//! RELATIONSHIPS defaults to ten per person, SEED to 42; the same arguments always give
//! the same file. A summary goes to stderr.

use std::io::{self, Write};
use std::process::ExitCode;
use std::time::Instant;

use netweb::store;
use netweb_test_support::synthetic;

const USAGE: &str = "usage: generate PEOPLE [RELATIONSHIPS] [SEED] > network.json";

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("generate: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.is_empty() || args.len() > 3 || args.iter().any(|a| a == "-h" || a == "--help") {
        return Err(USAGE.to_string());
    }
    let number = |i: usize, what: &str| -> Result<Option<u64>, String> {
        args.get(i)
            .map(|a| {
                a.replace('_', "")
                    .parse::<u64>()
                    .map_err(|_| format!("{what} must be a whole number, not {a:?}\n{USAGE}"))
            })
            .transpose()
    };
    let people = number(0, "PEOPLE")?.unwrap_or(0) as usize;
    let mut spec = synthetic::Spec::scaled(people);
    if let Some(r) = number(1, "RELATIONSHIPS")? {
        spec.relationships = r as usize;
    }
    if let Some(seed) = number(2, "SEED")? {
        spec.seed = seed;
    }

    let start = Instant::now();
    let net = synthetic::generate(&spec);
    let generated = start.elapsed();
    let bytes = store::to_bytes(&net).map_err(|e| format!("{e:#}"))?;
    let serialised = start.elapsed() - generated;

    let mut out = io::stdout().lock();
    match out.write_all(&bytes).and_then(|()| out.flush()) {
        Ok(()) => {}
        // `generate 100000 | head` is fine: the reader has all it wanted.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return Ok(()),
        Err(e) => return Err(format!("could not write the network: {e}")),
    }
    eprintln!(
        "generate: {} people, {} relationships, {} interactions, {} introductions (seed {}): \
         {:.1} MB; generated in {:.2} s, serialised in {:.2} s",
        net.people.len(),
        net.relationships.len(),
        net.interactions.len(),
        net.introductions.len(),
        spec.seed,
        bytes.len() as f64 / 1e6,
        generated.as_secs_f64(),
        serialised.as_secs_f64(),
    );
    Ok(())
}
