use std::io::{self, Write};

use anyhow::Result;
use clap::CommandFactory;

use crate::cli::{Cli, CompletionsArgs};

pub fn completions(args: CompletionsArgs) -> Result<()> {
    // Into memory first: clap_complete panics when its writer fails, and a closed pipe
    // (`netweb completions zsh | head -1`) must end quietly, not with exit 101.
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "netweb", &mut script);
    let mut out = io::stdout().lock();
    out.write_all(&script)?;
    out.flush()?;
    Ok(())
}
