//! Arguments of the commands that add, change, remove and show people.

use clap::{Args, ValueEnum};

/// Fields a person can be given, shared by `add` and `edit`.
/// List options are repeatable and also take comma-separated values.
#[derive(Debug, Default, Args)]
pub struct PersonFields {
    /// Email address
    #[arg(long = "email", value_name = "EMAIL", value_delimiter = ',')]
    pub emails: Vec<String>,
    /// Phone number
    #[arg(long = "phone", value_name = "PHONE")]
    pub phones: Vec<String>,
    /// Company or organisation
    #[arg(long, value_name = "TEXT")]
    pub company: Option<String>,
    /// Role or job title
    #[arg(long, value_name = "TEXT")]
    pub role: Option<String>,
    /// Where they live or work
    #[arg(long, value_name = "TEXT")]
    pub location: Option<String>,
    /// Something they care about, e.g. --interest climbing,rust
    #[arg(long = "interest", value_name = "TERM", value_delimiter = ',')]
    pub interests: Vec<String>,
    /// Something they can give others, e.g. --offer "rust mentoring"
    #[arg(long = "offer", value_name = "TERM", value_delimiter = ',')]
    pub offers: Vec<String>,
    /// Something they are looking for, e.g. --seek funding
    #[arg(long = "seek", value_name = "TERM", value_delimiter = ',')]
    pub seeks: Vec<String>,
    /// A tag, e.g. --tag work
    #[arg(long = "tag", value_name = "TAG", value_delimiter = ',')]
    pub tags: Vec<String>,
    /// Free-form notes (replaces the notes on edit)
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// When you met: YYYY-MM-DD, yesterday, 3 weeks ago, last friday, ...
    #[arg(long, value_name = "DATE", value_parser = crate::dates::check)]
    pub met: Option<String>,
    /// How often to be in touch: 14d, 2w, 3m, 1y (none clears it; overrides tag cadences)
    #[arg(long, value_name = "CADENCE", value_parser = crate::cadence::check_or_none)]
    pub every: Option<String>,
    /// Their birthday: YYYY-MM-DD, or --MM-DD when you do not know the year
    #[arg(long, value_name = "DATE", value_parser = annual_date, allow_hyphen_values = true)]
    pub birthday: Option<String>,
    /// Their (wedding or work) anniversary: YYYY-MM-DD or --MM-DD
    #[arg(long, value_name = "DATE", value_parser = annual_date, allow_hyphen_values = true)]
    pub anniversary: Option<String>,
    /// What they like to be called
    #[arg(long, value_name = "TEXT")]
    pub nickname: Option<String>,
    /// They do not want to be introduced: `suggest` leaves them out
    #[arg(long)]
    pub no_intros: bool,
}

#[derive(Debug, Args)]
pub struct AddArgs {
    /// Their full name
    pub name: String,
    #[command(flatten)]
    pub fields: PersonFields,
    /// Someone in your network they already know (creates a relationship)
    #[arg(long = "knows", value_name = "PERSON", add = clap_complete::ArgValueCandidates::new(crate::complete::people))]
    pub knows: Vec<String>,
    /// Add even if someone with this name exists: it is a different person
    #[arg(long)]
    pub distinct: bool,
}

#[derive(Debug, Args)]
pub struct EditArgs {
    /// Who to change
    #[arg(add = clap_complete::ArgValueCandidates::new(crate::complete::people))]
    pub person: String,
    /// A new name (the id stays the same)
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
    #[command(flatten)]
    pub fields: PersonFields,
    /// They are open to introductions again
    #[arg(long, conflicts_with = "no_intros")]
    pub open_to_intros: bool,
    /// Remove an email address
    #[arg(long = "rm-email", value_name = "EMAIL", value_delimiter = ',')]
    pub rm_emails: Vec<String>,
    /// Remove a phone number
    #[arg(long = "rm-phone", value_name = "PHONE")]
    pub rm_phones: Vec<String>,
    /// Remove an interest
    #[arg(long = "rm-interest", value_name = "TERM", value_delimiter = ',')]
    pub rm_interests: Vec<String>,
    /// Remove an offer
    #[arg(long = "rm-offer", value_name = "TERM", value_delimiter = ',')]
    pub rm_offers: Vec<String>,
    /// Remove a seek
    #[arg(long = "rm-seek", value_name = "TERM", value_delimiter = ',')]
    pub rm_seeks: Vec<String>,
    /// Remove a tag
    #[arg(long = "rm-tag", value_name = "TAG", value_delimiter = ',')]
    pub rm_tags: Vec<String>,
    /// Empty a field entirely
    #[arg(
        long = "clear",
        value_enum,
        value_name = "FIELD",
        value_delimiter = ','
    )]
    pub clear: Vec<ClearField>,
}

/// Fields `edit --clear` can empty.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ClearField {
    Emails,
    Phones,
    Company,
    Role,
    Location,
    Interests,
    Offers,
    Seeks,
    Tags,
    Notes,
    Met,
    Every,
    Birthday,
    Anniversary,
    Nickname,
}

/// Checks a birthday or anniversary and gives it in its stored form.
fn annual_date(text: &str) -> Result<String, String> {
    crate::annual::AnnualDate::parse(text).map(|d| d.to_string())
}

#[derive(Debug, Args)]
pub struct RmArgs {
    /// Who to remove: their id or full name
    #[arg(add = clap_complete::ArgValueCandidates::new(crate::complete::people))]
    pub person: String,
    /// Accept the start of a name if it matches one person only
    #[arg(long)]
    pub yes: bool,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Who to show
    #[arg(add = clap_complete::ArgValueCandidates::new(crate::complete::people))]
    pub person: String,
}

#[derive(Debug, Args)]
pub struct MergeArgs {
    /// The record to keep (its id, and its value wherever the two differ)
    #[arg(add = clap_complete::ArgValueCandidates::new(crate::complete::people))]
    pub a: String,
    /// The duplicate to merge into it and remove
    #[arg(add = clap_complete::ArgValueCandidates::new(crate::complete::people))]
    pub b: String,
    /// Accept the start of a name if it matches one person only
    #[arg(long)]
    pub yes: bool,
}

#[derive(Debug, Args)]
pub struct TriageArgs {
    /// How many contacts to ask about at most
    #[arg(long, short = 'n', value_name = "N", default_value_t = 10)]
    pub limit: usize,
}
