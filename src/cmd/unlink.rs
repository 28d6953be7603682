use anyhow::{Result, bail};

use crate::cli::UnlinkArgs;
use crate::cmd::Ctx;
use crate::{resolve, store};

pub fn run(ctx: &Ctx, args: UnlinkArgs) -> Result<()> {
    let ((removed, names), _) = store::update(&ctx.file, |net| {
        let a = resolve::person(net, &args.a)?;
        let b = resolve::person(net, &args.b)?;
        let names = (net.name_of(&a).to_string(), net.name_of(&b).to_string());
        let Some(at) = net.relationship_index(&a, &b) else {
            bail!(
                "{} and {} are not linked, so there is nothing to unlink",
                names.0,
                names.1
            );
        };
        Ok(((net.relationships.remove(at), names), true))
    })?;
    if ctx.json {
        return ctx.print_json(&removed);
    }
    ctx.say(format!("unlinked {} and {}", names.0, names.1))?;
    Ok(())
}
