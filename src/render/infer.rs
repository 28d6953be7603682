//! `infer`: the proposed ties by reason and group, or what `--apply`/`--undo` did.

use std::io::{self, Write};

use crate::model::{Network, PersonId};
use crate::ops::infer::{ByReason, Group, Proposal};
use crate::render::escape::escape;
use crate::render::{DIM, NAME, Table, count, join_names};

/// How many members a group line names before "and N more".
const NAMED: usize = 4;

/// The listing without `--apply`: every reason with its groups.
pub fn proposal(out: &mut impl Write, net: &Network, p: &Proposal) -> io::Result<()> {
    if p.ties.is_empty() {
        writeln!(
            out,
            "your records imply no new ties: no company, organisation email domain, relation \
             or small label is shared by two people who are not already linked"
        )?;
        return Ok(());
    }
    writeln!(
        out,
        "{} your records imply; nothing was changed:",
        count(p.ties.len(), "tie", "ties")
    )?;
    for by in p.reasons.iter().filter(|b| !b.groups.is_empty()) {
        writeln!(out)?;
        heading(out, by)?;
        let mut table = Table::bare(3, 2).shrink(&[2, 0]);
        for g in &by.groups {
            table.row(group_row(net, by, g));
        }
        table.write(out)?;
    }
    writeln!(
        out,
        "\n`netweb infer --apply` records them (marked inferred; `netweb infer --undo` takes \
         them back, `netweb link A B` confirms one)"
    )
}

/// The summary after `--apply`: how many were recorded, by reason.
pub fn applied(out: &mut impl Write, p: &Proposal, added: usize) -> io::Result<()> {
    if added == 0 {
        return writeln!(out, "no new ties to record: nothing changed");
    }
    writeln!(
        out,
        "recorded {}, each marked with its reason:",
        count(added, "inferred tie", "inferred ties")
    )?;
    for by in p.reasons.iter().filter(|b| b.ties > 0) {
        write!(out, "  ")?;
        heading(out, by)?;
    }
    writeln!(
        out,
        "`netweb infer --undo` takes back those no `netweb link` has confirmed"
    )
}

/// The summary after `--undo`.
pub fn undone(out: &mut impl Write, removed: usize) -> io::Result<()> {
    if removed == 0 {
        return writeln!(out, "no inferred ties to take back: nothing changed");
    }
    writeln!(
        out,
        "removed {} (those confirmed with `netweb link` were kept)",
        count(removed, "inferred tie", "inferred ties")
    )
}

fn heading(out: &mut impl Write, by: &ByReason) -> io::Result<()> {
    let groups = by.groups.iter().filter(|g| g.skipped.is_none()).count();
    let what = match by.reason {
        crate::ops::infer::Reason::Related => String::new(),
        _ => format!(" from {}", count(groups, "group", "groups")),
    };
    writeln!(
        out,
        "{NAME}{}{NAME:#}: {}{what}",
        by.label,
        count(by.ties, "tie", "ties")
    )
}

fn group_row(net: &Network, by: &ByReason, g: &Group) -> Vec<(String, anstyle::Style)> {
    let names = |ids: &[PersonId]| -> Vec<String> {
        ids.iter()
            .map(|id| escape(net.name_of(id)).into_owned())
            .collect()
    };
    if let Some(why) = &g.skipped {
        return vec![
            (g.name.clone(), NAME),
            (String::new(), DIM),
            (format!("no ties: {why}"), DIM),
        ];
    }
    if by.reason == crate::ops::infer::Reason::Related {
        return vec![
            (g.name.clone(), NAME),
            (join_names(&names(&g.people)), anstyle::Style::new()),
        ];
    }
    let size = format!(
        "{}, {}",
        count(g.people.len(), "person", "people"),
        count(g.ties, "tie", "ties")
    );
    let who = if g.anchors.is_empty() {
        let mut shown = names(&g.people[..g.people.len().min(NAMED)]);
        if g.people.len() > NAMED {
            shown.push(format!("{} more", g.people.len() - NAMED));
        }
        join_names(&shown)
    } else {
        format!(
            "too many to all know each other: each tied to {}",
            join_names(&names(&g.anchors))
        )
    };
    vec![
        (g.name.clone(), NAME),
        (size, DIM),
        (who, anstyle::Style::new()),
    ]
}
