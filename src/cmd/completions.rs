use std::io::{self, Write};

use anyhow::Result;
use clap::CommandFactory;
use clap_complete::Shell;
use clap_complete::env::{Bash, Elvish, EnvCompleter, Fish, Powershell, Zsh};

use crate::cli::{Cli, CompletionsArgs};

/// The script a shell sources to complete netweb. For bash, zsh, fish, elvish and
/// PowerShell it is clap_complete's dynamic registration: at completion time the shell
/// runs `netweb` itself (with `COMPLETE` set), so PERSON arguments complete to the ids
/// in the data file, not only flags. Other shells get the static script.
pub fn completions(args: CompletionsArgs) -> Result<()> {
    // Into memory first: clap_complete panics when its writer fails, and a closed pipe
    // (`netweb completions zsh | head -1`) must end quietly, not with exit 101.
    let mut script = Vec::new();
    let dynamic: Option<&dyn EnvCompleter> = match args.shell {
        Shell::Bash => Some(&Bash),
        Shell::Zsh => Some(&Zsh),
        Shell::Fish => Some(&Fish),
        Shell::Elvish => Some(&Elvish),
        Shell::PowerShell => Some(&Powershell),
        _ => None,
    };
    match dynamic {
        Some(shell) => {
            shell.write_registration("COMPLETE", "netweb", "netweb", "netweb", &mut script)?
        }
        None => clap_complete::generate(args.shell, &mut Cli::command(), "netweb", &mut script),
    }
    let mut out = io::stdout().lock();
    out.write_all(&script)?;
    out.flush()?;
    Ok(())
}
