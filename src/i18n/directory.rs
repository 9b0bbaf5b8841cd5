//! The directory's choices in words (`directory.ftl`).

use super::{texts, Texts};
use crate::domain::directory::{Audience, Method, Need};
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
