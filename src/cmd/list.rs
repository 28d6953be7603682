use anyhow::Result;

use crate::cli::{ListArgs, SortKey};
use crate::cmd::Ctx;
use crate::query::list::{self, Filter, Sort};
use crate::{render, store};

pub fn run(ctx: &Ctx, args: ListArgs) -> Result<()> {
    let net = store::load(&ctx.file)?;
    let filter = Filter::from(args.filter);
    let sort = match args.sort {
        SortKey::Name => Sort::Name,
        SortKey::Id => Sort::Id,
        SortKey::Company => Sort::Company,
        SortKey::Degree => Sort::Degree,
        SortKey::Added => Sort::Added,
        SortKey::Met => Sort::Met,
        SortKey::LastContact => Sort::LastContact,
    };
    let rows = list::list(&net, &filter, sort, args.reverse);
    if ctx.json {
        return ctx.print_json(&rows);
    }
    if rows.is_empty() {
        let why = if net.people.is_empty() {
            "the network is empty; add someone with `netweb add NAME`"
        } else {
            "no one matches"
        };
        ctx.note(format!("netweb: {why}"));
        return Ok(());
    }
    let with_last_contact = sort == Sort::LastContact;
    render::list::write(&mut ctx.stdout(), &rows, with_last_contact, ctx.today)?;
    Ok(())
}
