use std::io::{self, Write};

use crate::query::path::Answer;
use crate::render::escape::escape;
use crate::render::{DIM, NAME, join_names};

pub fn write(out: &mut impl Write, found: &Answer, from: &str, to: &str) -> io::Result<()> {
    let (from, to) = (&*escape(from), &*escape(to));
    if found.found {
        let hops = found.hops.unwrap_or(0);
        if hops == 1 {
            writeln!(
                out,
                "{NAME}{from}{NAME:#} and {NAME}{to}{NAME:#} already know each other"
            )?;
        }
        let mut line = String::new();
        for (i, s) in found.steps.iter().enumerate() {
            if i > 0 {
                let strength = s
                    .strength
                    .map_or(String::new(), |x| format!("{DIM}({x}){DIM:#}"));
                line.push_str(&format!(" —{strength}— "));
            }
            line.push_str(&format!("{NAME}{}{NAME:#}", escape(&s.name)));
        }
        writeln!(out, "{line}")?;
        if hops >= 2 {
            let steps = &found.steps;
            writeln!(
                out,
                "{DIM}{} step{} ((strength) on each link); {} could introduce {} to {}{DIM:#}",
                hops,
                if hops == 1 { "" } else { "s" },
                escape(&steps[1].name),
                escape(&steps[0].name),
                escape(&steps[2].name)
            )?;
        }
        return Ok(());
    }
    writeln!(
        out,
        "no chain of people connects {NAME}{from}{NAME:#} and {NAME}{to}{NAME:#}"
    )?;
    for (who, g) in [(from, &found.from_group), (to, &found.to_group)] {
        if let Some(g) = g {
            let names: Vec<&str> = g.names.iter().map(String::as_str).collect();
            let more = g.size - g.names.len();
            let tail = if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            };
            writeln!(
                out,
                "  {who}'s group ({}): {}{tail}",
                g.size,
                escape(&names.join(", "))
            )?;
        }
    }
    if let Some(s) = &found.suggestion {
        writeln!(
            out,
            "best first introduction: {NAME}{}{NAME:#}\n  {DIM}{}{DIM:#}",
            escape(&join_names(&s.names)),
            escape(&s.why)
        )?;
    } else if let Some([a, b]) = &found.fallback {
        writeln!(
            out,
            "best first introduction: {NAME}{} and {}{NAME:#}\n  {DIM}no shared reason recorded: the best-connected in each group{DIM:#}",
            escape(&a.name),
            escape(&b.name)
        )?;
    }
    Ok(())
}
