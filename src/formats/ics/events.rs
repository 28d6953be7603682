//! The VEVENTs of a calendar file, read with the `icalendar` crate into what netweb needs:
//! when, what, who, and whether it happened. Names of properties and parameters match
//! case-insensitively, as RFC 5545 says they do.

use std::collections::HashMap;

use icalendar::{Calendar, CalendarComponent, Component, Property};

use super::moment::{Moment, zone};

/// Someone on an event: an ATTENDEE, or the ORGANIZER.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attendee {
    /// The address, without `mailto:`; `None` when the value is no address.
    pub email: Option<String>,
    /// The CN parameter.
    pub name: Option<String>,
}

/// One VEVENT: a single event, a recurring one, or one changed occurrence of a series
/// (with `recurrence_id`).
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// Which VEVENT of the file this is (1-based), for messages.
    pub number: usize,
    pub uid: Option<String>,
    pub summary: Option<String>,
    pub start: Moment,
    pub cancelled: bool,
    pub recurrence_id: Option<Moment>,
    pub rrule: Option<String>,
    pub exdates: Vec<Moment>,
    pub rdates: Vec<Moment>,
    /// For a start in a zone that is no IANA name: how far its wall clock is ahead of UTC
    /// at most (seconds), from the file's VTIMEZONE, to read a UTC UNTIL by.
    pub wall_offset: Option<i32>,
    /// People who did not decline, rooms and other resources left out.
    pub attendees: Vec<Attendee>,
}

/// A VEVENT that could not be read, and why.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Skip {
    /// "event 3 \"Standup\" (uid 1234@example.org)".
    pub event: String,
    pub reason: String,
}

/// The events of a calendar, the ones that could not be read, and the calendar's zone.
#[derive(Debug, Clone, Default)]
pub struct Read {
    pub events: Vec<Event>,
    pub skipped: Vec<Skip>,
    /// `X-WR-TIMEZONE`: the zone a UTC time's day is counted in.
    pub zone: Option<chrono_tz::Tz>,
    /// `X-WR-CALNAME`, which Google sets to the owner's address.
    pub name: Option<String>,
    /// How many VEVENTs the file holds.
    pub total: usize,
}

/// The greatest UTC offset (seconds) of each VTIMEZONE, by TZID: Outlook names its
/// zones "W. Europe Standard Time" and defines them there.
fn offsets(calendar: &Calendar) -> HashMap<String, i32> {
    let mut out = HashMap::new();
    for c in &calendar.components {
        let CalendarComponent::Other(zone) = c else {
            continue;
        };
        let Some(tzid) = zone.property_value("TZID") else {
            continue;
        };
        if !zone.component_kind().eq_ignore_ascii_case("VTIMEZONE") {
            continue;
        }
        let most = zone
            .components()
            .iter()
            .filter_map(|part| offset(part.property_value("TZOFFSETTO")?))
            .max();
        if let Some(most) = most {
            out.insert(tzid.trim().to_string(), most);
        }
    }
    out
}

/// `+0100`, `-0530` or `+013000` in seconds.
fn offset(text: &str) -> Option<i32> {
    let text = text.trim();
    let (sign, digits) = match text.as_bytes().first()? {
        b'+' => (1, &text[1..]),
        b'-' => (-1, &text[1..]),
        _ => return None,
    };
    if !(digits.len() == 4 || digits.len() == 6) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n = |r: std::ops::Range<usize>| digits.get(r).and_then(|d| d.parse::<i32>().ok());
    let seconds = if digits.len() == 6 { n(4..6)? } else { 0 };
    Some(sign * (n(0..2)? * 3600 + n(2..4)? * 60 + seconds))
}

/// Reads the events of a parsed calendar.
pub fn read(calendar: &Calendar) -> Read {
    let top = |key: &str| {
        calendar
            .properties
            .iter()
            .find(|p| p.key().eq_ignore_ascii_case(key))
            .map(|p| p.value().trim().to_string())
    };
    let mut read = Read {
        zone: top("X-WR-TIMEZONE").as_deref().and_then(zone),
        name: top("X-WR-CALNAME"),
        ..Read::default()
    };
    let offsets = offsets(calendar);
    let events = calendar.components.iter().filter_map(|c| match c {
        CalendarComponent::Event(e) => Some(e),
        _ => None,
    });
    for (i, event) in events.enumerate() {
        read.total += 1;
        match one(i + 1, event, &offsets) {
            Ok(e) => read.events.push(e),
            Err(skip) => read.skipped.push(skip),
        }
    }
    read
}

fn one(
    number: usize,
    event: &icalendar::Event,
    offsets: &HashMap<String, i32>,
) -> Result<Event, Skip> {
    let props = |key: &str| all(event, key);
    let text = |key: &str| {
        props(key)
            .first()
            .map(|p| p.value().trim().to_string())
            .filter(|v| !v.is_empty())
    };
    let uid = text("UID");
    let summary = text("SUMMARY");
    let skip = |reason: String| Skip {
        event: describe(number, summary.as_deref(), uid.as_deref()),
        reason,
    };
    let moment = |p: &Property| -> Result<Vec<Moment>, String> {
        let tzid = param(p, "TZID");
        p.value()
            .split(',')
            .filter(|v| !v.trim().is_empty())
            .map(|v| {
                Moment::parse(v, tzid.as_deref()).ok_or_else(|| {
                    format!(
                        "its {} {v:?} is no date or date-time (write 20260302 or 20260302T100000Z)",
                        p.key().to_ascii_uppercase()
                    )
                })
            })
            .collect()
    };
    let first = |key: &str| -> Result<Option<Moment>, String> {
        match props(key).first() {
            None => Ok(None),
            Some(p) => Ok(moment(p)?.first().copied()),
        }
    };
    let start = match first("DTSTART").map_err(skip)? {
        Some(start) => start,
        None => return Err(skip("it has no DTSTART, so it has no date".into())),
    };
    let wall_offset = match start {
        Moment::Local(_, None) => props("DTSTART")
            .first()
            .and_then(|p| param(p, "TZID"))
            .and_then(|tzid| offsets.get(tzid.trim_matches('"')).copied()),
        _ => None,
    };
    let recurrence_id = first("RECURRENCE-ID").map_err(skip)?;
    let mut exdates = Vec::new();
    for p in props("EXDATE") {
        exdates.extend(moment(p).map_err(skip)?);
    }
    // An RDATE can also be a PERIOD (start/end); its start is the date.
    let mut rdates = Vec::new();
    for p in props("RDATE") {
        let tzid = param(p, "TZID");
        rdates.extend(
            p.value()
                .split(',')
                .filter_map(|v| Moment::parse(v.split('/').next()?, tzid.as_deref())),
        );
    }
    let mut attendees = Vec::new();
    for p in props("ORGANIZER").into_iter().chain(props("ATTENDEE")) {
        if let Some(a) = attendee(p) {
            attendees.push(a);
        }
    }
    Ok(Event {
        number,
        cancelled: text("STATUS").is_some_and(|s| s.eq_ignore_ascii_case("CANCELLED")),
        rrule: text("RRULE"),
        uid,
        summary,
        start,
        recurrence_id,
        exdates,
        rdates,
        wall_offset,
        attendees,
    })
}

/// An attendee, or `None` for one who declined or is not a person (a room, a projector,
/// a mailing list: CUTYPE ROOM, RESOURCE or GROUP).
fn attendee(p: &Property) -> Option<Attendee> {
    let is = |key: &str, values: &[&str]| {
        param(p, key).is_some_and(|v| values.iter().any(|x| v.eq_ignore_ascii_case(x)))
    };
    if is("PARTSTAT", &["DECLINED"]) || is("CUTYPE", &["ROOM", "RESOURCE", "GROUP"]) {
        return None;
    }
    let value = p.value().trim();
    let address = match value.get(..7) {
        Some(scheme) if scheme.eq_ignore_ascii_case("mailto:") => &value[7..],
        _ => value,
    };
    let email = Some(address.trim().to_string()).filter(|a| a.contains('@'));
    let name = param(p, "CN")
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty() && Some(n) != email.as_ref());
    (email.is_some() || name.is_some()).then_some(Attendee { email, name })
}

/// Every property of that name, single or repeated.
fn all<'a>(event: &'a icalendar::Event, key: &str) -> Vec<&'a Property> {
    let single = event
        .properties()
        .iter()
        .filter(|(k, _)| k.eq_ignore_ascii_case(key))
        .map(|(_, p)| p);
    let multi = event
        .multi_properties()
        .iter()
        .filter(|(k, _)| k.eq_ignore_ascii_case(key))
        .flat_map(|(_, ps)| ps);
    single.chain(multi).collect()
}

fn param(p: &Property, key: &str) -> Option<String> {
    p.params()
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(key))
        .map(|(_, v)| v.value().trim().to_string())
}

/// How a message names an event: `event 3 "Standup" (uid 1234@example.org)`.
pub fn describe(number: usize, summary: Option<&str>, uid: Option<&str>) -> String {
    let mut s = format!("event {number}");
    if let Some(summary) = summary {
        s.push_str(&format!(" {summary:?}"));
    }
    if let Some(uid) = uid {
        s.push_str(&format!(" (uid {uid})"));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn events(body: &str) -> Read {
        let text = format!("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n{body}END:VCALENDAR\r\n");
        read(&text.parse::<Calendar>().unwrap())
    }

    #[test]
    fn attendees_organizer_and_who_is_left_out() {
        let r = events(
            "BEGIN:VEVENT\r\nUID:u1\r\nDTSTART:20260302T100000Z\r\nSUMMARY:Plan\r\n\
             ORGANIZER;CN=Me:mailto:me@example.org\r\n\
             ATTENDEE;CN=\"Ada L\";PARTSTAT=ACCEPTED:mailto:Ada@Example.org\r\n\
             ATTENDEE;CN=Bob;PARTSTAT=DECLINED:mailto:bob@example.org\r\n\
             ATTENDEE;CN=Room 4;CUTYPE=ROOM:mailto:room4@example.org\r\n\
             attendee;cn=Cy:MAILTO:cy@example.org\r\n\
             ATTENDEE;CN=Dee:urn:uuid:1234\r\nEND:VEVENT\r\n",
        );
        let e = &r.events[0];
        let who: Vec<(Option<&str>, Option<&str>)> = e
            .attendees
            .iter()
            .map(|a| (a.email.as_deref(), a.name.as_deref()))
            .collect();
        assert_eq!(
            who,
            [
                (Some("me@example.org"), Some("Me")),
                // The lower-case name is no repeated property to the parser: it comes first.
                (Some("cy@example.org"), Some("Cy")),
                (Some("Ada@Example.org"), Some("Ada L")),
                (None, Some("Dee")),
            ]
        );
        assert_eq!(e.summary.as_deref(), Some("Plan"));
    }

    #[test]
    fn a_vtimezone_gives_its_greatest_offset() {
        let r = events(
            "BEGIN:VTIMEZONE\r\nTZID:W. Europe Standard Time\r\n\
             BEGIN:STANDARD\r\nDTSTART:16010101T030000\r\nTZOFFSETFROM:+0200\r\n\
             TZOFFSETTO:+0100\r\nEND:STANDARD\r\nBEGIN:DAYLIGHT\r\n\
             DTSTART:16010101T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n\
             END:DAYLIGHT\r\nEND:VTIMEZONE\r\n\
             BEGIN:VEVENT\r\nUID:o\r\nDTSTART;TZID=W. Europe Standard Time:20261103T233000\r\n\
             END:VEVENT\r\n",
        );
        assert_eq!(r.events[0].wall_offset, Some(7200));
        assert_eq!(offset("-0530"), Some(-19800));
        assert_eq!(offset("+013000"), Some(5400));
        assert_eq!(offset("0100"), None);
    }

    #[test]
    fn an_event_without_a_date_is_skipped_with_its_reason() {
        let r = events(
            "BEGIN:VEVENT\r\nUID:u1\r\nSUMMARY:Lost\r\nEND:VEVENT\r\n\
             BEGIN:VEVENT\r\nUID:u2\r\nDTSTART:tomorrow\r\nEND:VEVENT\r\n\
             BEGIN:VEVENT\r\nUID:u3\r\nDTSTART;VALUE=DATE:20260302\r\nSTATUS:CANCELLED\r\n\
             EXDATE;VALUE=DATE:20260309,20260316\r\nEND:VEVENT\r\n",
        );
        assert_eq!(r.total, 3);
        assert_eq!(
            r.skipped[0],
            Skip {
                event: "event 1 \"Lost\" (uid u1)".into(),
                reason: "it has no DTSTART, so it has no date".into()
            }
        );
        assert!(
            r.skipped[1].reason.contains("\"tomorrow\" is no date"),
            "{:?}",
            r.skipped
        );
        let e = &r.events[0];
        assert!(e.cancelled);
        assert_eq!(e.exdates.len(), 2);
    }
}
