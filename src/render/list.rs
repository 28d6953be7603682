use std::io::{self, Write};

use anstyle::Style;
use chrono::NaiveDate;

use crate::dates::relative;
use crate::query::list::Row;
use crate::render::{DIM, ID, NAME, Table};

/// With `last_contact`, a LAST CONTACT column ("2026-11-04 (3 weeks ago)") comes before
/// the interests.
pub fn write(
    out: &mut impl Write,
    rows: &[Row],
    last_contact: bool,
    today: NaiveDate,
) -> io::Result<()> {
    let mut headers = vec!["NAME", "ID", "COMPANY", "KNOWS"];
    if last_contact {
        headers.push("LAST CONTACT");
    }
    headers.push("INTERESTS");
    // To fit the terminal, interests give way first (and go, rather than be cut to a
    // stub), then the company, the last contact and the name; ids and counts never.
    let interests = headers.len() - 1;
    let mut order = vec![interests, 2];
    if last_contact {
        order.push(4);
    }
    order.push(0);
    let mut table = Table::new(&headers).shrink(&order).optional(&[interests]);
    for row in rows {
        let p = row.person;
        let mut cells = vec![
            (p.name.to_string(), NAME),
            (p.id.to_string(), ID),
            (
                p.company.as_deref().unwrap_or_default().to_string(),
                Style::new(),
            ),
            (row.degree.to_string(), Style::new()),
        ];
        if last_contact {
            let when = match row.last_contact {
                Some(d) => format!("{d} ({})", relative(d, today)),
                None => "never".to_string(),
            };
            cells.push((when, Style::new()));
        }
        cells.push((p.interests.join(", "), DIM));
        table.row(cells);
    }
    table.write(out)
}
