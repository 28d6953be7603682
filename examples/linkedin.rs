//! Writes a generated LinkedIn `Connections.csv` (see `netweb_test_support::linkedin`) to
//! stdout, for measuring `import`, `infer` and `suggest` on a LinkedIn-only network:
//!
//!     cargo run --release --example linkedin -- PEOPLE [SEED] > Connections.csv
//!
//! SEED defaults to 42; the same arguments always give the same file.

use std::io::Write;
use std::process::ExitCode;

use netweb_test_support::linkedin;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let number = |i: usize| args.get(i).map(|a| a.replace('_', "").parse::<u64>());
    let (Some(Ok(people)), None | Some(Ok(_))) = (number(0), number(1)) else {
        eprintln!("usage: linkedin PEOPLE [SEED] > Connections.csv");
        return ExitCode::FAILURE;
    };
    let seed = number(1).and_then(Result::ok).unwrap_or(42);
    let text = linkedin::connections_csv(people as usize, seed);
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("linkedin: {e}");
            ExitCode::FAILURE
        }
    }
}
