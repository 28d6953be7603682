//! Writes a synthetic calendar (ICS) of meetings with the people of a network to stdout,
//! for timing `netweb import FILE.ics`:
//!
//!     cargo run --release --example calendar -- network.json [EVENTS] [SERIES] > cal.ics
//!     netweb --file network.json import cal.ics --me owner@home.example
//!
//! EVENTS one-off meetings (default 4,000) spread over the two years before 2026-12-01,
//! and SERIES weekly series (default 40) of up to 130 occurrences each, every one with
//! 1-6 of the network's people (by their first email) and now and then a stranger. The
//! same arguments always give the same file; a summary goes to stderr.

use std::fmt::Write as _;
use std::io::{self, Write};
use std::process::ExitCode;

use chrono::{Duration, NaiveDate};

const USAGE: &str = "usage: calendar NETWORK.json [EVENTS] [SERIES] > calendar.ics";
const OWNER: &str = "owner@home.example";

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("calendar: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.is_empty() || args.len() > 3 || args.iter().any(|a| a == "-h" || a == "--help") {
        return Err(USAGE.to_string());
    }
    let number = |i: usize, default: usize| -> Result<usize, String> {
        args.get(i).map_or(Ok(default), |a| {
            a.replace('_', "")
                .parse()
                .map_err(|_| format!("{a:?} is not a whole number\n{USAGE}"))
        })
    };
    let (events, series) = (number(1, 4_000)?, number(2, 40)?);
    let net = netweb::store::load(std::path::Path::new(&args[0])).map_err(|e| format!("{e:#}"))?;
    let people: Vec<(&str, &str)> = net
        .people
        .iter()
        .filter_map(|p| Some((p.name.as_str(), p.emails.first()?.as_str())))
        .collect();
    if people.is_empty() {
        return Err(format!("{} has nobody with an email", args[0]));
    }
    let mut rng = 0x6361_6C65_6E64_6172_u64;
    let mut below = |n: usize| {
        // xorshift64*: small, fixed, enough for test data.
        rng ^= rng >> 12;
        rng ^= rng << 25;
        rng ^= rng >> 27;
        (rng.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) as usize % n
    };
    let first = NaiveDate::from_ymd_opt(2024, 12, 1).unwrap();
    let mut out = String::from(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//netweb examples//calendar//EN\r\n",
    );
    for i in 0..events + series {
        let weekly = i >= events;
        let day = first + Duration::days(below(if weekly { 60 } else { 730 }) as i64);
        let hour = 8 + below(10);
        let _ = write!(
            out,
            "BEGIN:VEVENT\r\nUID:gen-{i}@cal.example\r\nDTSTAMP:20261201T120000Z\r\n\
             SUMMARY:{} {i}\r\nDTSTART:{}T{hour:02}0000Z\r\n",
            if weekly { "Weekly sync" } else { "Meeting" },
            day.format("%Y%m%d")
        );
        if weekly {
            out.push_str("RRULE:FREQ=WEEKLY;COUNT=130\r\n");
        }
        let _ = write!(out, "ORGANIZER;CN=Owen Owner:mailto:{OWNER}\r\n");
        for _ in 0..1 + below(6) {
            let (name, email) = people[below(people.len())];
            let _ = write!(
                out,
                "ATTENDEE;CN={name};PARTSTAT=ACCEPTED:mailto:{email}\r\n"
            );
        }
        if below(10) == 0 {
            let _ = write!(
                out,
                "ATTENDEE;CN=Stranger {s};PARTSTAT=ACCEPTED:mailto:stranger{s}@else.example\r\n",
                s = below(50)
            );
        }
        out.push_str("END:VEVENT\r\n");
    }
    out.push_str("END:VCALENDAR\r\n");
    io::stdout()
        .write_all(out.as_bytes())
        .map_err(|e| e.to_string())?;
    eprintln!(
        "calendar: {events} meetings and {series} weekly series with {} people ({} bytes); \
         import with --me {OWNER}",
        people.len(),
        out.len()
    );
    Ok(())
}
