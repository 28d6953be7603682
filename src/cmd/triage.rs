use anyhow::{Result, bail};

use crate::cli::TriageArgs;
use crate::cmd::Ctx;

pub fn run(_ctx: &Ctx, _args: TriageArgs) -> Result<()> {
    bail!("triage is not built yet")
}
