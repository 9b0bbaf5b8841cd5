//! The directory's choices in words (`directory.ftl`).

use super::{texts, Texts};
use crate::domain::directory::{Audience, BookableHere, Freq, Method, Need, PhoneKind, Status};
use crate::domain::Lang;

pub fn need_label(need: Need, lang: Lang) -> &'static str {
    let t: &Texts = texts(lang);
    match need {
        Need::Harassment => t.need_harassment,
        Need::Overwork => t.need_overwork,
        Need::Dismissal => t.need_dismissal,
        Need::UnpaidWages => t.need_unpaid_wages,
        Need::Debt => t.need_debt,
        Need::Family => t.need_family,
        Need::MentalHealth => t.need_mental_health,
        Need::PhysicalHealth => t.need_physical_health,
        Need::Suicidal => t.need_suicidal,
        Need::WorkplaceHealth => t.need_workplace_health,
        Need::ReturnToWork => t.need_return_to_work,
        Need::Legal => t.need_legal,
    }
}

pub fn audience_label(audience: Audience, lang: Lang) -> &'static str {
    let t = texts(lang);
    match audience {
        Audience::Worker => t.audience_worker,
        Audience::Employer => t.audience_employer,
        Audience::Family => t.audience_family,
    }
}

pub fn method_label(method: Method, lang: Lang) -> &'static str {
    let t = texts(lang);
    match method {
        Method::Phone => t.method_phone,
        Method::InPerson => t.method_in_person,
        Method::Mail => t.method_mail,
        Method::Chat => t.method_chat,
    }
}

/// 受付中・一時休止・休止・廃止 (staff screens).
pub fn status_label(status: Status, lang: Lang) -> &'static str {
    let t = texts(lang);
    match status {
        Status::Active => t.staff_directory_status_active,
        Status::TemporarilyClosed => t.staff_directory_status_temporarily_closed,
        Status::Inactive => t.staff_directory_status_inactive,
        Status::Defunct => t.staff_directory_status_defunct,
    }
}

/// What kind of number a phone is (staff screens).
pub fn phone_kind_label(kind: PhoneKind, lang: Lang) -> &'static str {
    let t = texts(lang);
    match kind {
        PhoneKind::Voice => t.staff_directory_phone_voice,
        PhoneKind::Text => t.staff_directory_phone_text,
        PhoneKind::Fax => t.staff_directory_phone_fax,
        PhoneKind::Cell => t.staff_directory_phone_cell,
    }
}

/// 毎日・毎週・毎月 (staff screens).
pub fn freq_label(freq: Freq, lang: Lang) -> &'static str {
    let t = texts(lang);
    match freq {
        Freq::Daily => t.staff_directory_freq_daily,
        Freq::Weekly => t.staff_directory_freq_weekly,
        Freq::Monthly => t.staff_directory_freq_monthly,
    }
}

/// Which booking on this site a service leads to (staff screens).
pub fn bookable_label(bookable: Option<BookableHere>, lang: Lang) -> &'static str {
    let t = texts(lang);
    match bookable {
        None => t.staff_directory_bookable_none,
        Some(BookableHere::Evening) => t.staff_directory_bookable_evening,
        Some(BookableHere::Health) => t.staff_directory_bookable_health,
    }
}
