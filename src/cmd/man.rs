//! Man pages from the clap definition (clap_mangen): `netweb(1)` with FILES,
//! ENVIRONMENT, EXIT STATUS and EXAMPLES, and one page per subcommand (`netweb-add(1)`,
//! `netweb-interests-rename(1)`, ...), each with its options and EXIT STATUS.

use std::io::{self, Write};
use std::path::Path;

use anyhow::{Context, Result};
use clap::CommandFactory;

use crate::cli::{Cli, ManArgs};
use crate::cmd::Ctx;

pub fn run(ctx: &Ctx, args: ManArgs) -> Result<()> {
    let mut cmd = Cli::command().disable_help_subcommand(true);
    cmd.build();
    let Some(dir) = args.dir else {
        let mut page = Vec::new();
        render(&cmd, true, &mut page)?;
        let mut out = io::stdout().lock();
        out.write_all(&page)?;
        out.flush()?;
        return Ok(());
    };
    std::fs::create_dir_all(&dir)
        .with_context(|| format!("could not create the directory {}", dir.display()))?;
    let mut written = Vec::new();
    write_all(&cmd, true, &dir, &mut written)?;
    if ctx.json {
        return ctx.print_json(&written);
    }
    let mut out = io::stdout().lock();
    for path in &written {
        writeln!(out, "{path}")?;
    }
    Ok(())
}

fn write_all(cmd: &clap::Command, main: bool, dir: &Path, written: &mut Vec<String>) -> Result<()> {
    let name = format!("{}.1", page_name(cmd));
    let path = dir.join(&name);
    let mut page = Vec::new();
    render(cmd, main, &mut page)?;
    std::fs::write(&path, page).with_context(|| format!("could not write {}", path.display()))?;
    written.push(path.display().to_string());
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        write_all(sub, false, dir, written)?;
    }
    Ok(())
}

/// `netweb`, `netweb-add`, `netweb-interests-rename`.
fn page_name(cmd: &clap::Command) -> String {
    cmd.get_display_name()
        .unwrap_or_else(|| cmd.get_name())
        .to_string()
}

fn render(cmd: &clap::Command, main: bool, w: &mut Vec<u8>) -> io::Result<()> {
    let man = clap_mangen::Man::new(cmd.clone()).title(page_name(cmd).to_uppercase());
    man.render_title(w)?;
    man.render_name_section(w)?;
    man.render_synopsis_section(w)?;
    man.render_description_section(w)?;
    if cmd.get_arguments().any(|a| !a.is_hide_set()) {
        man.render_options_section(w)?;
    }
    if cmd.has_subcommands() {
        man.render_subcommands_section(w)?;
    }
    if main {
        w.extend_from_slice(MAIN_SECTIONS.as_bytes());
    }
    w.extend_from_slice(EXIT_STATUS.as_bytes());
    let see_also: Vec<String> = if main {
        cmd.get_subcommands()
            .filter(|s| !s.is_hide_set())
            .map(|s| format!("\\fB{}\\fR(1)", page_name(s)))
            .collect()
    } else {
        vec!["\\fBnetweb\\fR(1)".to_string()]
    };
    writeln!(w, ".SH \"SEE ALSO\"\n{}", see_also.join(", "))?;
    if main {
        man.render_version_section(w)?;
    }
    Ok(())
}

const EXIT_STATUS: &str = r#".SH "EXIT STATUS"
.TP
\fB0\fR
Success. A closed pipe (\fBnetweb list | head \-1\fR) also exits 0.
.TP
\fB1\fR
An error at run time: a person not found or ambiguous, a file that cannot be read or
written, a hand-edited file with a mistake. The message on standard error says what is
wrong and how to fix it, and nothing was changed.
.TP
\fB2\fR
A usage error: an unknown command or option, or a bad value (a date, cadence or number
netweb does not read, a future date for something that happened). Nothing was changed.
"#;

const MAIN_SECTIONS: &str = r#".SH FILES
.TP
\fI~/.local/share/netweb/network.json\fR
The data file (the platform data directory; on macOS \fI~/Library/Application Support/netweb\fR).
One pretty-printed JSON document, created owner-only on the first change.
.TP
\fInetwork.json.bak\fR
The previous version, kept beside the file by every change.
.TP
\fInetwork.json.history\fR
The last 10 changes, as what each did to the file's lines, for \fBnetweb undo\fR.
.TP
\fInetwork.json.lock\fR
Locked during every change, so commands run at the same time wait for each other.
.SH ENVIRONMENT
.TP
\fBNETWEB_FILE\fR
The data file, as \fB\-\-file\fR gives it.
.TP
\fBNETWEB_TODAY\fR
A date (YYYY\-MM\-DD) netweb takes as today instead of the clock, for scripts and tests.
.TP
\fBNO_COLOR\fR
When set, \fB\-\-color auto\fR does not colour.
.TP
\fBCOLUMNS\fR
The width tables and text fit when standard output is not a terminal; without it, output
to a pipe or file is neither wrapped nor cut.
.SH EXAMPLES
.TP
\fBnetweb add "Ada Larkwell" \-\-interest mathematics \-\-knows grace\fR
Record a contact who knows someone already there.
.TP
\fBnetweb suggest \-n 5\fR
The five introductions most worth making, with the reasons.
.TP
\fBnetweb infer \-\-apply\fR
Record the ties your records imply (same company, email domain, relations, small labels).
.TP
\fBnetweb log ada \-\-kind call \-\-date yesterday\fR
Record that you were in touch.
.TP
\fBnetweb due \-\-within 2w\fR
Who is overdue for contact, or due within two weeks.
.TP
\fBnetweb remind ada friday "ask how the interview went"\fR
A one-off reminder that \fBnetweb due\fR shows from Friday on.
.TP
\fBnetweb export \-\-format ics \-o ~/calendars/netweb.ics\fR
What \fBdue\fR knows as a calendar feed (re-export it daily from cron; the UIDs stay the same).
.TP
\fBnetweb undo\fR
Take back the last change (again: redo it).
.TP
\fBnetweb \-\-json list \-\-tag work | jq \-r '.[].name'\fR
Names of everyone tagged work, for a script.
"#;
