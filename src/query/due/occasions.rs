//! Birthdays and anniversaries coming up: `due` lists those within its window, `show`
//! a person's next ones. `today` is passed in, as everywhere in the query layer.

use chrono::NaiveDate;
use serde::Serialize;

use crate::annual::AnnualDate;
use crate::extra_fields::{self as fields, ANNIVERSARY, BIRTHDAY};
use crate::model::{Network, Person, PersonId};

/// How far ahead `due` looks for birthdays and anniversaries without `--within`.
pub const DEFAULT_DAYS: u64 = 14;

/// Which yearly date it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Birthday,
    Anniversary,
}

impl Kind {
    pub fn key(self) -> &'static str {
        match self {
            Kind::Birthday => BIRTHDAY,
            Kind::Anniversary => ANNIVERSARY,
        }
    }
}

/// One birthday or anniversary as it next comes round.
#[derive(Debug, Clone, Serialize)]
pub struct Occasion<'a> {
    pub id: &'a PersonId,
    pub name: &'a str,
    #[serde(skip)]
    pub kind: Kind,
    /// As stored: `YYYY-MM-DD`, or `--MM-DD` without a year.
    pub date: String,
    /// The next time it comes round, today included.
    pub next: NaiveDate,
    pub days_until: i64,
    /// The years it will be on `next` (the age they turn, for a birthday); null when
    /// the year is not known.
    pub years: Option<i32>,
}

/// A person's birthday and anniversary, as they next come round after `today`.
pub fn of(p: &Person, today: NaiveDate) -> Vec<Occasion<'_>> {
    [Kind::Birthday, Kind::Anniversary]
        .into_iter()
        .filter_map(|kind| {
            let date = fields::annual(p, kind.key())?;
            Some(occasion(p, kind, date, today))
        })
        .collect()
}

fn occasion(p: &Person, kind: Kind, date: AnnualDate, today: NaiveDate) -> Occasion<'_> {
    let next = date.next(today);
    Occasion {
        id: &p.id,
        name: &p.name,
        kind,
        date: date.to_string(),
        next,
        days_until: (next - today).num_days(),
        years: date.years_on(next),
    }
}

/// Every birthday and anniversary from `today` to `horizon`, soonest first, among the
/// people `keep` accepts.
pub fn upcoming<'a>(
    net: &'a Network,
    today: NaiveDate,
    horizon: NaiveDate,
    keep: impl Fn(&Person) -> bool,
) -> Vec<Occasion<'a>> {
    let mut out: Vec<Occasion> = net
        .people
        .iter()
        .filter(|p| keep(p))
        .flat_map(|p| of(p, today))
        .filter(|o| o.next <= horizon)
        .collect();
    out.sort_by(|a, b| {
        a.next
            .cmp(&b.next)
            .then_with(|| super::by_name((a.name, a.id.as_str()), (b.name, b.id.as_str())))
    });
    out
}

#[cfg(test)]
mod tests;
