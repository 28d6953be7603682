//! Arguments of the commands that record ties and contact, and correct what was recorded.

use clap::Args;

#[derive(Debug, Args)]
pub struct LinkArgs {
    /// One of the two
    #[arg(add = clap_complete::ArgValueCandidates::new(crate::complete::people))]
    pub a: String,
    /// The other
    #[arg(add = clap_complete::ArgValueCandidates::new(crate::complete::people))]
    pub b: String,
    /// How they know each other: friend, colleague, family, ...
    #[arg(long, value_name = "KIND")]
    pub kind: Option<String>,
    /// How close they are, from 1 (acquaintances) to 5 (very close)
    #[arg(long, value_name = "1-5", value_parser = clap::value_parser!(u8).range(1..=5))]
    pub strength: Option<u8>,
    /// Since when: YYYY-MM-DD, yesterday, 2 weeks ago, last friday, ...
    #[arg(long, value_name = "DATE", value_parser = crate::dates::check)]
    pub since: Option<String>,
    /// A note about the relationship
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
}

#[derive(Debug, Args)]
pub struct UnlinkArgs {
    /// One of the two
    #[arg(add = clap_complete::ArgValueCandidates::new(crate::complete::people))]
    pub a: String,
    /// The other
    #[arg(add = clap_complete::ArgValueCandidates::new(crate::complete::people))]
    pub b: String,
}

#[derive(Debug, Args)]
pub struct IntroArgs {
    /// The people you introduced (two or more)
    #[arg(required = true, num_args = 2.., value_name = "PERSON", add = clap_complete::ArgValueCandidates::new(crate::complete::people))]
    pub people: Vec<String>,
    /// What the introduction was about
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// When: YYYY-MM-DD, yesterday, 3 days ago, last friday, ... [default: today]
    #[arg(long, value_name = "DATE", value_parser = crate::dates::check)]
    pub date: Option<String>,
}

#[derive(Debug, Args)]
pub struct LogArgs {
    /// Who you were in touch with (one or more)
    #[arg(required = true, num_args = 1.., value_name = "PERSON", add = clap_complete::ArgValueCandidates::new(crate::complete::people))]
    pub people: Vec<String>,
    /// What it was: coffee, call, message, meeting, dinner, ...
    #[arg(long, value_name = "KIND")]
    pub kind: Option<String>,
    /// What you talked about
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// When: YYYY-MM-DD, yesterday, 3 days ago, last friday, ... [default: today]
    #[arg(long, value_name = "DATE", value_parser = crate::dates::check)]
    pub date: Option<String>,
}

#[derive(Debug, Args)]
pub struct UndoArgs {
    /// Take back this many changes, newest first (the history keeps the last 10)
    #[arg(value_name = "N", value_parser = clap::value_parser!(u8).range(1..=10))]
    pub steps: Option<u8>,
    /// List the changes that can be undone, newest first, and change nothing
    #[arg(long, conflicts_with = "steps")]
    pub list: bool,
}

#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// Whose timeline
    #[arg(add = clap_complete::ArgValueCandidates::new(crate::complete::people))]
    pub person: String,
}

#[derive(Debug, Args)]
pub struct ForgetArgs {
    /// The short id of the interaction (l...) or introduction (i...)
    #[arg(value_name = "ID")]
    pub id: String,
}

#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("how").args(["duration", "until", "off"]).multiple(false))]
pub struct SnoozeArgs {
    /// Whom `due` should leave out for a while; without PERSON, the snoozed people are listed
    #[arg(requires = "how", add = clap_complete::ArgValueCandidates::new(crate::complete::people))]
    pub person: Option<String>,
    /// For how long: 10d, 2w, 3m, 1y (they are back in `due` on the day it ends)
    #[arg(value_name = "FOR", value_parser = crate::cadence::check)]
    pub duration: Option<String>,
    /// Until this day instead: YYYY-MM-DD, friday (the next one), next monday, in 3 weeks, 5 jan, ...
    #[arg(long, value_name = "DATE", value_parser = crate::dates::check, requires = "person")]
    pub until: Option<String>,
    /// End the person's snooze now
    #[arg(long, requires = "person")]
    pub off: bool,
}

#[derive(Debug, Args)]
pub struct RemindArgs {
    /// Whom the reminder is about; without arguments, every reminder is listed
    #[arg(requires_all = ["date", "text"], add = clap_complete::ArgValueCandidates::new(crate::complete::people))]
    pub person: Option<String>,
    /// The day `due` starts showing it: YYYY-MM-DD, tomorrow, friday (the next one), in 2 weeks, 5 jan, ...
    #[arg(value_name = "DATE", value_parser = crate::dates::check)]
    pub date: Option<String>,
    /// What to remember (several words are joined with spaces)
    #[arg(value_name = "TEXT", num_args = 1..)]
    pub text: Vec<String>,
    /// List every reminder by date, and change nothing (as without arguments)
    #[arg(long, conflicts_with_all = ["person", "done"])]
    pub list: bool,
    /// Remove the reminder with this short id (`remind --list` and `due` print it)
    #[arg(long, value_name = "REF", conflicts_with = "person")]
    pub done: Option<String>,
}
