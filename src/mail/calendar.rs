//! Calendar entries (.ics, RFC 5545) attached to booking mails, so that a
//! phone's calendar adds, updates and removes the consultation in place.
//! The entries are published (`METHOD:PUBLISH`, RFC 5546), not invitations:
//! the person is told of a date, not asked to answer one, and a `REQUEST`
//! without an ATTENDEE is shown by some clients as a broken invitation.
//! One UID per booked slot; every change raises `SEQUENCE`, and a
//! cancellation is the same UID with `STATUS:CANCELLED`. The SUMMARY says
//! only 「相談会のご予約」: calendars are often shared.

use super::message::MailSlot;
use chrono::{DateTime, Utc};
use chrono_tz::Asia::Tokyo;

/// The product that writes the evening entries.
pub const EVENING_PRODID: &str = "-//Tsunagu//Evening consultations//JA";
/// The product that writes the health centre's entries.
pub const HEALTH_PRODID: &str = "-//Tsunagu//Health centre interviews//JA";

/// What the calendar entry of a mail says.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Calendar {
    /// What happened: `REQUEST` (booked or changed) or `CANCEL`; the entry
    /// itself is always published (see the module's note).
    pub method: String,
    /// One UID per slot, in the order of the mail's slots.
    pub uids: Vec<String>,
    /// Rises with every change (seconds since the epoch of the change).
    pub sequence: i64,
}

impl Calendar {
    pub fn request(uids: Vec<String>, at: DateTime<Utc>) -> Calendar {
        Calendar {
            method: "REQUEST".into(),
            uids,
            sequence: at.timestamp(),
        }
    }

    pub fn cancel(uids: Vec<String>, at: DateTime<Utc>) -> Calendar {
        Calendar {
            method: "CANCEL".into(),
            uids,
            sequence: at.timestamp(),
        }
    }

    pub fn cancelled(&self) -> bool {
        self.method == "CANCEL"
    }
}

/// The iTIP method the entries are sent with (and the `method` parameter
/// of their MIME type).
pub const METHOD: &str = "PUBLISH";

/// Who publishes the entry: the sender's name and address.
pub struct Organizer<'a> {
    pub name: &'a str,
    pub address: &'a str,
}

/// The UID of the n-th slot of a booking (or pair), from the hash of its
/// first manage token: stable across changes, meaningless to anyone else.
pub fn uid(group_hash: &str, n: usize, domain: &str) -> String {
    format!("{}-{n}@{domain}", &group_hash[..group_hash.len().min(20)])
}

fn escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace('\n', "\\n")
}

fn local(at: DateTime<Utc>) -> String {
    at.with_timezone(&Tokyo).format("%Y%m%dT%H%M%S").to_string()
}

/// Folds content lines at 75 octets, as RFC 5545 asks.
fn fold(line: &str) -> String {
    let mut out = String::new();
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
    out
}

/// A parameter value (RFC 5545 3.2): quoted, without the characters a
/// quoted value cannot hold.
fn param(text: &str) -> String {
    let clean: String = text
        .chars()
        .filter(|c| !matches!(c, '"' | '\r' | '\n') && !c.is_control())
        .collect();
    format!("\"{clean}\"")
}

/// The .ics text.
pub fn render(
    cal: &Calendar,
    prodid: &str,
    slots: &[MailSlot],
    summary: &str,
    location: &str,
    organizer: &Organizer,
    now: DateTime<Utc>,
) -> String {
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".into(),
        format!("PRODID:{prodid}"),
        "CALSCALE:GREGORIAN".into(),
        format!("METHOD:{METHOD}"),
    ];
    lines.extend(tokyo());
    for (slot, uid) in slots.iter().zip(&cal.uids) {
        lines.extend([
            "BEGIN:VEVENT".to_string(),
            format!("UID:{uid}"),
            format!("SEQUENCE:{}", cal.sequence),
            format!("DTSTAMP:{}", now.format("%Y%m%dT%H%M%SZ")),
            format!("DTSTART;TZID=Asia/Tokyo:{}", local(slot.starts_at)),
            format!("DTEND;TZID=Asia/Tokyo:{}", local(slot.ends_at)),
            format!("SUMMARY:{}", escape(summary)),
            format!("LOCATION:{}", escape(location)),
            format!(
                "ORGANIZER;CN={}:mailto:{}",
                param(organizer.name),
                organizer.address
            ),
            format!(
                "STATUS:{}",
                if cal.cancelled() {
                    "CANCELLED"
                } else {
                    "CONFIRMED"
                }
            ),
            "TRANSP:OPAQUE".into(),
            "END:VEVENT".into(),
        ]);
    }
    lines.push("END:VCALENDAR".into());
    lines.iter().map(|l| fold(l)).collect()
}

/// The product that writes the public calendar of the evenings.
pub const FEED_PRODID: &str = "-//Tsunagu//Evening calendar//JA";

/// One evening in the public calendar (`/calendar.ics`).
pub struct FeedEvent {
    /// Stable across moves and cancellation.
    pub uid: String,
    /// Rises with each move, cancellation or restoration.
    pub sequence: i64,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub summary: String,
    pub location: String,
    pub description: String,
    pub url: String,
    pub cancelled: bool,
}

/// The public calendar (a subscription, `METHOD:PUBLISH`): one VEVENT per
/// evening, in Tokyo time, without anyone's data.
pub fn feed(events: &[FeedEvent], name: &str, now: DateTime<Utc>) -> String {
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".into(),
        format!("PRODID:{FEED_PRODID}"),
        "CALSCALE:GREGORIAN".into(),
        format!("METHOD:{METHOD}"),
        format!("X-WR-CALNAME:{}", escape(name)),
        "X-WR-TIMEZONE:Asia/Tokyo".into(),
    ];
    lines.extend(tokyo());
    for e in events {
        lines.extend([
            "BEGIN:VEVENT".to_string(),
            format!("UID:{}", e.uid),
            format!("SEQUENCE:{}", e.sequence),
            format!("DTSTAMP:{}", now.format("%Y%m%dT%H%M%SZ")),
            format!("DTSTART;TZID=Asia/Tokyo:{}", local(e.starts_at)),
            format!("DTEND;TZID=Asia/Tokyo:{}", local(e.ends_at)),
            format!("SUMMARY:{}", escape(&e.summary)),
            format!("LOCATION:{}", escape(&e.location)),
            format!("DESCRIPTION:{}", escape(&e.description)),
            format!("URL:{}", e.url),
            format!(
                "STATUS:{}",
                if e.cancelled {
                    "CANCELLED"
                } else {
                    "CONFIRMED"
                }
            ),
            "TRANSP:TRANSPARENT".into(),
            "END:VEVENT".into(),
        ]);
    }
    lines.push("END:VCALENDAR".into());
    lines.iter().map(|l| fold(l)).collect()
}

/// The VTIMEZONE of Asia/Tokyo (no daylight saving time).
fn tokyo() -> Vec<String> {
    [
        "BEGIN:VTIMEZONE",
        "TZID:Asia/Tokyo",
        "BEGIN:STANDARD",
        "DTSTART:19700101T000000",
        "TZOFFSETFROM:+0900",
        "TZOFFSETTO:+0900",
        "TZNAME:JST",
        "END:STANDARD",
        "END:VTIMEZONE",
    ]
    .map(String::from)
    .to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::time::jst_instant;
    use crate::domain::Profession;
    use chrono::{NaiveDate, NaiveTime};

    #[test]
    fn an_entry_in_tokyo_time_that_reveals_nothing() {
        let date = NaiveDate::from_ymd_opt(2027, 1, 13).unwrap();
        let slot = MailSlot {
            profession: Profession::Psychologist,
            starts_at: jst_instant(date, NaiveTime::from_hms_opt(18, 30, 0).unwrap()),
            ends_at: jst_instant(date, NaiveTime::from_hms_opt(19, 20, 0).unwrap()),
        };
        let cal = Calendar::request(vec![uid("abcdef0123456789abcdef", 0, "x.jp")], Utc::now());
        let office = Organizer {
            name: "仙台市 相談窓口",
            address: "a@x.jp",
        };
        let ics = render(
            &cal,
            EVENING_PRODID,
            std::slice::from_ref(&slot),
            "相談会のご予約",
            "仙台市役所, 本庁舎",
            &office,
            Utc::now(),
        );
        assert!(ics.contains("DTSTART;TZID=Asia/Tokyo:20270113T183000\r\n"));
        assert!(ics.contains("UID:abcdef0123456789abcd-0@x.jp\r\n"));
        assert!(ics.contains("SUMMARY:相談会のご予約\r\n"));
        assert!(ics.contains("LOCATION:仙台市役所\\, 本庁舎"));
        assert!(!ics.contains("心理"));
        assert!(ics.lines().all(|l| l.len() <= 75));
    }

    fn unfolded(ics: &str) -> Vec<String> {
        ics.replace("\r\n ", "")
            .split("\r\n")
            .map(str::to_string)
            .collect()
    }

    /// RFC 5546 3.2.1: a published VEVENT has an ORGANIZER, a UID, a
    /// DTSTAMP, a DTSTART and a SEQUENCE, and no ATTENDEE; a cancellation
    /// is the same UID, a higher SEQUENCE and `STATUS:CANCELLED`.
    #[test]
    fn entries_are_published_and_a_cancellation_is_the_same_entry_cancelled() {
        let date = NaiveDate::from_ymd_opt(2027, 1, 13).unwrap();
        let slot = MailSlot {
            profession: Profession::Lawyer,
            starts_at: jst_instant(date, NaiveTime::from_hms_opt(18, 30, 0).unwrap()),
            ends_at: jst_instant(date, NaiveTime::from_hms_opt(19, 20, 0).unwrap()),
        };
        let office = Organizer {
            name: "仙台市 \"相談\" 窓口",
            address: "soudan@x.jp",
        };
        let booked_at = Utc::now();
        let uids = vec![uid("0123456789abcdef0123", 0, "x.jp")];
        let booked = render(
            &Calendar::request(uids.clone(), booked_at),
            EVENING_PRODID,
            std::slice::from_ref(&slot),
            "相談会のご予約",
            "x",
            &office,
            booked_at,
        );
        let later = booked_at + chrono::Duration::minutes(5);
        let cancelled = render(
            &Calendar::cancel(uids, later),
            HEALTH_PRODID,
            std::slice::from_ref(&slot),
            "相談会のご予約",
            "x",
            &office,
            later,
        );
        let field = |ics: &str, name: &str| -> Vec<String> {
            unfolded(ics)
                .iter()
                .filter_map(|l| l.strip_prefix(name).map(str::to_string))
                .collect()
        };
        for ics in [&booked, &cancelled] {
            assert_eq!(field(ics, "METHOD:"), ["PUBLISH"]);
            assert!(field(ics, "ATTENDEE").is_empty(), "PUBLISH has no ATTENDEE");
            assert_eq!(
                field(ics, "ORGANIZER;"),
                ["CN=\"仙台市 相談 窓口\":mailto:soudan@x.jp"]
            );
            for required in ["UID:", "DTSTAMP:", "DTSTART;", "SEQUENCE:"] {
                assert_eq!(field(ics, required).len(), 1, "{required} in {ics}");
            }
        }
        assert_eq!(field(&booked, "STATUS:"), ["CONFIRMED"]);
        assert_eq!(field(&cancelled, "STATUS:"), ["CANCELLED"]);
        assert_eq!(field(&booked, "UID:"), field(&cancelled, "UID:"));
        let seq = |ics: &str| field(ics, "SEQUENCE:")[0].parse::<i64>().unwrap();
        assert!(seq(&cancelled) > seq(&booked));
        assert_eq!(field(&booked, "PRODID:"), [EVENING_PRODID]);
        assert_eq!(field(&cancelled, "PRODID:"), [HEALTH_PRODID]);
    }
}
