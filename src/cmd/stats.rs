use anyhow::Result;

use crate::cmd::{Ctx, kept_until_exit};
use crate::query::stats;
use crate::{render, store};

pub fn run(ctx: &Ctx) -> Result<()> {
    let net = kept_until_exit(store::load(&ctx.file)?);
    let found = stats::stats(net, ctx.today);
    if ctx.json {
        return ctx.print_json(&found);
    }
    if net.people.is_empty() {
        ctx.note("netweb: no contacts yet; `netweb add NAME` records one");
        return Ok(());
    }
    render::stats::write(&mut ctx.stdout(), &found)?;
    Ok(())
}
