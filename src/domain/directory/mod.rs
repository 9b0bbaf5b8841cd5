//! 相談先の一覧 (the directory of consultation services): what troubles a
//! service helps with (困りごと), for whom (立場) and how one reaches it,
//! with its opening hours in the shape of Open Referral HSDS 3 schedules.
//!
//! The evening consultation and the health centre are two entries among
//! many; the crisis lines shown on every page are the entries marked
//! [`ServiceEntry::crisis`], in the order staff chose.

pub mod hsds;
pub mod input;
pub mod review;
mod schedule;
mod search;

pub use input::{PhoneInput, ScheduleInput, ServiceInput};

pub use schedule::{parse_time, year_end, ByDay, Freq, Schedule};
pub use search::{follow_ups, follow_ups_for_business, search, Hit, Paging, Query};

use super::booking::{choice, Topic};
use chrono::{DateTime, NaiveDate, Utc};

choice!(
    /// 困りごと: what the person is troubled by. The codes are stable: other
    /// systems and the API's `need=` use them.
    Need {
        Harassment = "harassment",
        Overwork = "overwork",
        Dismissal = "dismissal",
        UnpaidWages = "unpaid_wages",
        Debt = "debt",
        Family = "family",
        MentalHealth = "mental_health",
        PhysicalHealth = "physical_health",
        Suicidal = "suicidal",
        WorkplaceHealth = "workplace_health",
        ReturnToWork = "return_to_work",
        Legal = "legal",
    }
);
choice!(
    /// 立場: who is asking.
    Audience { Worker = "worker", Employer = "employer", Family = "family" }
);
choice!(
    /// How one can talk to the service (相談の方法).
    Method { Phone = "phone", InPerson = "in_person", Mail = "mail", Chat = "chat" }
);
choice!(
    /// HSDS `service.status`: 受付中, 一時休止, 休止, 廃止.
    Status {
        Active = "active",
        TemporarilyClosed = "temporarily closed",
        Inactive = "inactive",
        Defunct = "defunct",
    }
);
choice!(
    /// HSDS `phone.type`.
    PhoneKind { Voice = "voice", Text = "text", Fax = "fax", Cell = "cell" }
);
choice!(
    /// Whether the service can be booked or requested on this site.
    BookableHere { Evening = "evening", Health = "health" }
);

/// The organisation that runs a service (HSDS `organization`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Organization {
    pub id: String,
    pub name: String,
    pub url: String,
}

/// A phone number of a service (HSDS `phone`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phone {
    pub number: String,
    pub kind: PhoneKind,
    /// What the number is for (「面談の予約」), may be empty.
    pub description: String,
}

impl Phone {
    /// The number as a `tel:` link: digits (full-width ones read as
    /// digits) and `+` only.
    pub fn tel_href(&self) -> String {
        use unicode_normalization::UnicodeNormalization;
        let digits: String = self
            .number
            .nfkc()
            .filter(|c| c.is_ascii_digit() || *c == '+')
            .collect();
        format!("tel:{digits}")
    }
}

/// When the entry was last confirmed with the organisation, and by whom.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Confirmation {
    pub on: NaiveDate,
    pub by: String,
}

/// One service of the directory (HSDS `service`, with its organisation,
/// phones, schedules and taxonomy terms).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceEntry {
    /// HSDS id (a UUID); the entries a new database starts with have fixed ones.
    pub id: String,
    pub organization: Organization,
    pub name: String,
    /// The name in English, where staff gave one.
    pub name_en: String,
    pub description: String,
    pub description_en: String,
    /// HSDS `eligibility_description` (対象: 「労働者数50人未満の事業場」).
    pub eligibility: String,
    /// HSDS `fees_description`; [`ServiceEntry::free`] says whether it costs nothing.
    pub fees: String,
    pub free: bool,
    pub needs: Vec<Need>,
    /// Empty: anyone.
    pub audiences: Vec<Audience>,
    pub methods: Vec<Method>,
    pub phones: Vec<Phone>,
    pub email: String,
    pub url: String,
    pub address: String,
    pub schedules: Vec<Schedule>,
    /// Hours as the organisation words them (「月・水・金（祝日を除く）13:30〜16:30」).
    pub hours_note: String,
    pub hours_note_en: String,
    pub closed_on_holidays: bool,
    /// Closed 12/29–1/3 (年末年始), as public offices are.
    pub closed_year_end: bool,
    /// A line to turn to when one cannot wait; shown on every page.
    pub crisis: bool,
    /// Order among the crisis lines and in lists (smaller first).
    pub rank: i32,
    pub bookable_here: Option<BookableHere>,
    pub status: Status,
    pub confirmed: Option<Confirmation>,
}

impl ServiceEntry {
    /// Whether the service is open at `at`: `None` when its hours are not
    /// known as schedules; never open when it is not active.
    pub fn open_at(&self, at: DateTime<Utc>) -> Option<bool> {
        if self.status != Status::Active {
            return Some(false);
        }
        schedule::open_at(self, at)
    }

    /// Open in the evening (from 18:00), at night or on a weekend.
    pub fn open_outside_office_hours(&self) -> bool {
        self.schedules.iter().any(Schedule::outside_office_hours)
    }

    /// Shown to the public (受付中のもの).
    pub fn listed(&self) -> bool {
        self.status == Status::Active
    }

    /// Not confirmed with the organisation since `since` (or never).
    pub fn stale(&self, since: NaiveDate) -> bool {
        self.confirmed.as_ref().is_none_or(|c| c.on < since)
    }
}

/// The troubles an evening booking's topic points to, for the other doors
/// shown after booking.
pub fn needs_for_topic(topic: Topic) -> &'static [Need] {
    match topic {
        Topic::Workplace => &[
            Need::Harassment,
            Need::Overwork,
            Need::Dismissal,
            Need::UnpaidWages,
        ],
        Topic::Family => &[Need::Family],
        Topic::Money => &[Need::Debt, Need::Legal],
        Topic::Relationships => &[Need::MentalHealth, Need::Family],
        Topic::Health => &[Need::MentalHealth, Need::PhysicalHealth],
        Topic::Other => &[Need::Legal, Need::MentalHealth],
    }
}

#[cfg(test)]
pub(crate) mod tests;
