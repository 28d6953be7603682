use anyhow::Result;

use crate::cmd::Ctx;
use crate::query::intros;
use crate::{render, store};

pub fn run(ctx: &Ctx) -> Result<()> {
    let net = store::load(&ctx.file)?;
    let list = intros::intros(&net);
    if ctx.json {
        return ctx.print_json(&list);
    }
    if list.is_empty() {
        ctx.note("netweb: no introductions yet; `netweb suggest` has ideas, `netweb intro A B` records one");
        return Ok(());
    }
    render::intros::write(&mut ctx.stdout(), &list)?;
    Ok(())
}
