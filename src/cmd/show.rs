use anyhow::Result;

use crate::cli::ShowArgs;
use crate::cmd::{Ctx, kept_until_exit};
use crate::query::profile;
use crate::{render, resolve, store};

pub fn run(ctx: &Ctx, args: ShowArgs) -> Result<()> {
    let net = kept_until_exit(store::load(&ctx.file)?);
    let id = resolve::person(net, &args.person)?;
    let profile = profile::profile(net, &id, ctx.today);
    if ctx.json {
        return ctx.print_json(&profile);
    }
    render::profile::write(&mut ctx.stdout(), &profile, ctx.today)?;
    Ok(())
}
