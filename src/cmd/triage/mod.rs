//! `netweb triage`: at a terminal, walk the contacts whose details would most improve
//! suggestions (`query::triage::order`), show what is known, and ask one line each for
//! interests, offers, seeks and whom they know. Enter skips a question, `q` (or Ctrl-D,
//! Ctrl-C) stops; each answer is saved at once (`answer::save`).

mod answer;
mod prompt;

use std::io::{IsTerminal, Write};

use anyhow::Result;
use rustyline::error::ReadlineError;
use rustyline::history::DefaultHistory;
use rustyline::{Behavior, CompletionType, Config, Editor};

use crate::cli::TriageArgs;
use crate::cmd::Ctx;
use crate::query::triage;
use crate::render::escape::{escape, escape_lines};
use crate::{render, store, text, usage};
use answer::Question;

pub fn run(ctx: &Ctx, args: TriageArgs) -> Result<()> {
    let net = store::load(&ctx.file)?;
    let order = triage::order(&net, ctx.today);
    if !std::io::stdin().is_terminal() {
        let first: Vec<&str> = order.iter().take(3).map(|c| c.name.as_str()).collect();
        let start = if first.is_empty() {
            String::new()
        } else {
            format!(", starting with {}", text::join_names(&first))
        };
        return Err(usage::bad(format!(
            "triage asks its questions at a terminal, and standard input is not one\nhint: \
             give details with `netweb edit NAME --interest TERM --offer TERM --seek TERM` and \
             whom someone knows with `netweb link NAME OTHER`{start}"
        )));
    }
    // With --json the conversation goes to stderr and stdout gets the summary alone.
    let mut out: Box<dyn Write> = if ctx.json {
        Box::new(anstream::AutoStream::auto(std::io::stderr().lock()))
    } else {
        Box::new(ctx.stdout())
    };
    if order.is_empty() {
        writeln!(
            out,
            "everyone has interests, offers or seeks already: nothing to ask (see `netweb suggest`)"
        )?;
        return finish(ctx, &mut out, 0, 0);
    }
    let total = order.len().min(args.limit);
    writeln!(
        out,
        "{} whose details would help suggestions most. For each: comma-separated answers \
         (Tab completes), Enter skips a question, q stops. Each answer is saved at once.",
        text::count(total, "contact", "contacts")
    )?;
    // With --json the prompts are read and written on the terminal itself (/dev/tty),
    // so stdout holds nothing but the summary.
    let behavior = if ctx.json {
        Behavior::PreferTerm
    } else {
        Behavior::Stdio
    };
    let config = Config::builder()
        .completion_type(CompletionType::List)
        .auto_add_history(false)
        .behavior(behavior)
        .build();
    let mut editor: Editor<prompt::Words, DefaultHistory> = Editor::with_config(config)?;
    let (mut asked, mut saved) = (0, 0);
    'people: for (i, c) in order.iter().take(total).enumerate() {
        // Read afresh: what was answered (and anything changed meanwhile) shows.
        let net = store::load(&ctx.file)?;
        let Some(p) = net.person(&c.id) else {
            continue;
        };
        render::triage::card(&mut out, &net, p, c, (i + 1, total))?;
        out.flush()?;
        asked += 1;
        for q in Question::ALL {
            editor.set_helper(Some(prompt::Words {
                words: q.words(&net, &c.id),
            }));
            loop {
                let line = match editor.readline(q.prompt()) {
                    Ok(line) => line,
                    Err(ReadlineError::Interrupted | ReadlineError::Eof) => break 'people,
                    Err(e) => return Err(e.into()),
                };
                let line = line.trim();
                if line.eq_ignore_ascii_case("q") {
                    break 'people;
                }
                if line.is_empty() {
                    break;
                }
                match answer::save(&ctx.file, &c.id, q, line) {
                    Ok(said) => {
                        saved += 1;
                        writeln!(
                            out,
                            "  {}saved{:#} {}",
                            render::GOOD,
                            render::GOOD,
                            escape(&said)
                        )?;
                        break;
                    }
                    // A name that fits no one or several: say so and ask again.
                    Err(e) => {
                        let message = format!("{e:#}").replace('\n', "\n  ");
                        writeln!(out, "  netweb: {}", escape_lines(&message))?;
                        if q != Question::Knows {
                            break;
                        }
                    }
                }
            }
        }
    }
    finish(ctx, &mut out, asked, saved)
}

#[derive(serde::Serialize)]
struct Summary {
    asked: usize,
    saved: usize,
}

fn finish(ctx: &Ctx, out: &mut impl Write, asked: usize, saved: usize) -> Result<()> {
    if ctx.json {
        return ctx.print_json(&Summary { asked, saved });
    }
    Ok(render::triage::summary(out, asked, saved)?)
}
