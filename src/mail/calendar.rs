//! Calendar entries (.ics, RFC 5545) attached to booking mails, so that a
//! phone's calendar adds, updates and removes the consultation in place:
//! one UID per booked slot, `METHOD:REQUEST` with a rising `SEQUENCE` for a
//! booking or a change, `METHOD:CANCEL` for a cancellation. The SUMMARY
//! says only 「相談会のご予約」: calendars are often shared.

use super::templates::MailSlot;
use chrono::{DateTime, Utc};
use chrono_tz::Asia::Tokyo;

/// What the calendar entry of a mail says.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Calendar {
    /// `REQUEST` (booked or changed) or `CANCEL`.
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

/// The .ics text.
pub fn render(
    cal: &Calendar,
    slots: &[MailSlot],
    summary: &str,
    location: &str,
    organizer: &str,
    now: DateTime<Utc>,
) -> String {
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".into(),
        "PRODID:-//Tsunagu//Evening consultations//JA".into(),
        "CALSCALE:GREGORIAN".into(),
        format!("METHOD:{}", cal.method),
        "BEGIN:VTIMEZONE".into(),
        "TZID:Asia/Tokyo".into(),
        "BEGIN:STANDARD".into(),
        "DTSTART:19700101T000000".into(),
        "TZOFFSETFROM:+0900".into(),
        "TZOFFSETTO:+0900".into(),
        "TZNAME:JST".into(),
        "END:STANDARD".into(),
        "END:VTIMEZONE".into(),
    ];
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
            format!("ORGANIZER:mailto:{organizer}"),
            format!(
                "STATUS:{}",
                if cal.method == "CANCEL" {
                    "CANCELLED"
                } else {
                    "CONFIRMED"
                }
            ),
            "END:VEVENT".into(),
        ]);
    }
    lines.push("END:VCALENDAR".into());
    lines.iter().map(|l| fold(l)).collect()
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
        let ics = render(
            &cal,
            std::slice::from_ref(&slot),
            "相談会のご予約",
            "仙台市役所, 本庁舎",
            "a@x.jp",
            Utc::now(),
        );
        assert!(ics.contains("METHOD:REQUEST\r\n"));
        assert!(ics.contains("DTSTART;TZID=Asia/Tokyo:20270113T183000\r\n"));
        assert!(ics.contains("UID:abcdef0123456789abcd-0@x.jp\r\n"));
        assert!(ics.contains("SUMMARY:相談会のご予約\r\n"));
        assert!(ics.contains("LOCATION:仙台市役所\\, 本庁舎"));
        assert!(!ics.contains("心理"));
        assert!(ics.lines().all(|l| l.len() <= 75));
        let cancel = render(
            &Calendar::cancel(cal.uids.clone(), Utc::now()),
            &[slot],
            "相談会のご予約",
            "x",
            "a@x.jp",
            Utc::now(),
        );
        assert!(cancel.contains("METHOD:CANCEL") && cancel.contains("STATUS:CANCELLED"));
    }
}
