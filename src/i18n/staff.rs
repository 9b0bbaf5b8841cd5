//! The staff's words for codes (事務局の画面): roles, attendance, the audit
//! log's actions, unusual days and refused steps, from `locales/<lang>/staff*.ftl`.
//!
//! A language without staff screens (`language-staff = no`, as
//! やさしい日本語) shows them in Japanese: [`staff_lang`] says which.

use super::texts;
use crate::domain::health::ServiceKind;
use crate::domain::series::UnusualDay;
use crate::domain::staff::Role;
use crate::domain::Lang;

/// The language the staff screens are shown in when `lang` is chosen:
/// itself when its staff screens exist, Japanese (the reference) otherwise.
pub fn staff_lang(lang: Lang) -> Lang {
    if has_staff_screens(lang) {
        lang
    } else {
        Lang::Ja
    }
}

/// Whether the staff screens exist in `lang` (its `language-staff`).
pub fn has_staff_screens(lang: Lang) -> bool {
    texts(lang).language_staff.trim() == "yes"
}

/// A role as the staff screens name it (管理者, 事務局, 相談員).
pub fn role_label(role: Role, lang: Lang) -> &'static str {
    let t = texts(lang);
    match role {
        Role::Admin => t.staff_role_admin,
        Role::Coordinator => t.staff_role_coordinator,
        Role::Professional => t.staff_role_professional,
    }
}

/// A recorded attendance (`attended`, `no_show`, `late_cancel`) in words;
/// nothing for none or an unknown code.
pub fn attendance_label(code: &str, lang: Lang) -> &'static str {
    let t = texts(lang);
    match code {
        "attended" => t.staff_attended,
        "no_show" => t.staff_no_show,
        "late_cancel" => t.staff_late_cancel,
        _ => "",
    }
}

/// The attendance choices of the day sheet, as (code, words).
pub fn attendance_choices(lang: Lang) -> Vec<(&'static str, &'static str)> {
    ["attended", "no_show", "late_cancel"]
        .into_iter()
        .map(|code| (code, attendance_label(code, lang)))
        .collect()
}

/// A kind of the health centre's service, short as the staff's tables
/// write it (①相談 … ④高ストレス).
pub fn service_kind_short(kind: ServiceKind, lang: Lang) -> &'static str {
    let t = texts(lang);
    match kind {
        ServiceKind::Consultation => t.staff_health_kind_consultation,
        ServiceKind::CheckupOpinion => t.staff_health_kind_checkup_opinion,
        ServiceKind::LongHours => t.staff_health_kind_long_hours,
        ServiceKind::HighStress => t.staff_health_kind_high_stress,
    }
}

/// What an audit-log line's action code means, in words; an unknown code is shown as it is.
pub fn audit_action_label(code: &str, lang: Lang) -> String {
    let t = texts(lang);
    let words = match code {
        "sign_in" => t.staff_action_sign_in,
        "view_roster" => t.staff_action_view_roster,
        "view_day_sheet" => t.staff_action_view_day_sheet,
        "view_call_list" => t.staff_action_view_call_list,
        "view_mail_states" => t.staff_action_view_mail_states,
        "export" => t.staff_action_export,
        "attendance" => t.staff_action_attendance,
        "book_for_caller" => t.staff_action_book_for_caller,
        "cancel_for_caller" => t.staff_action_cancel_for_caller,
        "move_for_caller" => t.staff_action_move_for_caller,
        "add_session" => t.staff_action_add_session,
        "move_session" => t.staff_action_move_session,
        "cancel_session" => t.staff_action_cancel_session,
        "restore_session" => t.staff_action_restore_session,
        "assign" => t.staff_action_assign,
        "generate" => t.staff_action_generate,
        "set_series" => t.staff_action_set_series,
        "add_professional" => t.staff_action_add_professional,
        "professional_active" => t.staff_action_professional_active,
        "add_staff" => t.staff_action_add_staff,
        "staff_active" => t.staff_action_staff_active,
        "view_health_queue" => t.staff_action_view_health_queue,
        "view_health_roster" => t.staff_action_view_health_roster,
        "health_move" => t.staff_action_health_move,
        "health_block" => t.staff_action_health_block,
        "health_propose" => t.staff_action_health_propose,
        "health_accept_for" => t.staff_action_health_accept_for,
        "health_decline_for" => t.staff_action_health_decline_for,
        "health_attendance" => t.staff_action_health_attendance,
        "health_requeue" => t.staff_action_health_requeue,
        "health_close" => t.staff_action_health_close,
        "directory_service_added" => t.staff_action_directory_added,
        "directory_service_changed" => t.staff_action_directory_changed,
        "directory_service_confirmed" => t.staff_action_directory_confirmed,
        "directory_imported" => t.staff_action_directory_imported,
        "referral_made" => t.staff_action_referral_made,
        "referral_viewed" => t.staff_action_referral_viewed,
        "referral_updated" => t.staff_action_referral_updated,
        "referral_closed" => t.staff_action_referral_closed,
        "view_referrals" => t.staff_action_view_referrals,
        "view_referral_figures" => t.staff_action_view_referral_figures,
        "outreach_partner" => t.staff_action_outreach_partner,
        "view_outreach" => t.staff_action_view_outreach,
        "view_figures" => t.staff_action_view_figures,
        "figures_by_hand" => t.staff_action_figures_by_hand,
        other => other,
    };
    words.to_string()
}

/// An audit line's detail in words: the codes the office records (the
/// oral consent and phone-only mark of a booking taken by phone) become
/// the reader's words; a detail that is not made of these codes alone is
/// shown as it was written.
pub fn audit_detail(action: &str, detail: &str, lang: Lang) -> String {
    if action != "book_for_caller" {
        return detail.to_string();
    }
    let t = texts(lang);
    let words: Option<Vec<&str>> = detail
        .split(' ')
        .map(|code| match code {
            "consent=oral" => Some(t.staff_audit_consent_oral),
            "phone_only" => Some(t.staff_audit_phone_only),
            _ => None,
        })
        .collect();
    let Some(words) = words else {
        return detail.to_string();
    };
    words.join(t.staff_audit_detail_separator)
}

/// What makes a day unusual for an evening, in words (「日曜日」「祝日（元日）」「休館日」).
pub fn unusual_day_words(why: &UnusualDay, lang: Lang) -> String {
    let t = texts(lang);
    match why {
        UnusualDay::Weekend(chrono::Weekday::Sat) => t.staff_unusual_saturday.to_string(),
        UnusualDay::Weekend(_) => t.staff_unusual_sunday.to_string(),
        UnusualDay::Holiday(name) => t.staff_unusual_holiday(*name),
        UnusualDay::Closure => t.staff_unusual_closure.to_string(),
    }
}

/// Everything unusual about a day, as one phrase (「土曜日・祝日（…）」).
pub fn unusual_day_list(why: &[UnusualDay], lang: Lang) -> String {
    let words: Vec<String> = why.iter().map(|w| unusual_day_words(w, lang)).collect();
    words.join(texts(lang).staff_list_and)
}

/// Why an evening on an unusual day needs a second confirmation (the staff API's answer).
pub fn unusual_day_message(why: &[UnusualDay], lang: Lang) -> String {
    texts(lang).staff_unusual_day_message(unusual_day_list(why, lang))
}

/// Why the office's step on the evening schedule was refused.
pub fn staff_conflict(code: &str, lang: Lang) -> String {
    let t = texts(lang);
    match code {
        "attendance_too_early" => t.staff_conflict_attendance_too_early,
        "session_not_scheduled" => t.staff_conflict_session_not_scheduled,
        "session_not_movable" => t.staff_conflict_session_not_movable,
        "session_not_restorable" => t.staff_conflict_session_not_restorable,
        "cannot_close_own_account" => t.staff_conflict_cannot_close_own_account,
        _ => t.staff_conflict_other,
    }
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn staff_screens_without_their_own_language_are_japanese() {
        for &lang in Lang::ALL {
            let shown = staff_lang(lang);
            assert!(has_staff_screens(shown), "{}", lang.code());
        }
        assert_eq!(staff_lang(Lang::En), Lang::En);
        assert_eq!(staff_lang(Lang::Easy), Lang::Ja);
        // The staff's words of a language without staff screens are Japanese.
        assert_eq!(
            role_label(Role::Admin, Lang::Easy),
            role_label(Role::Admin, Lang::Ja)
        );
    }

    #[test]
    fn codes_read_in_words_in_each_language() {
        assert_eq!(audit_action_label("sign_in", Lang::Ja), "ログイン");
        assert_eq!(audit_action_label("sign_in", Lang::En), "Signed in");
        assert_eq!(audit_action_label("unknown_code", Lang::En), "unknown_code");
        let (phone, typed) = ("book_for_caller", "session 3");
        assert_eq!(
            audit_detail(phone, "consent=oral", Lang::Ja),
            "同意：電話で口頭により同意を得た"
        );
        assert_eq!(
            audit_detail(phone, "consent=oral phone_only", Lang::En),
            "Consent: given orally by phone; Reached by phone (no email)"
        );
        assert_eq!(audit_detail("assign", "phone_only", Lang::En), "phone_only");
        assert_eq!(audit_detail(phone, typed, Lang::En), "session 3");
        let why = [
            UnusualDay::Weekend(chrono::Weekday::Sat),
            UnusualDay::Holiday("元日"),
        ];
        assert_eq!(unusual_day_list(&why, Lang::Ja), "土曜日・祝日（元日）");
        assert_eq!(
            unusual_day_list(&why, Lang::En),
            "a Saturday and a national holiday (元日)"
        );
        assert!(staff_conflict("session_not_movable", Lang::En).is_ascii());
        assert!(staff_conflict("anything", Lang::En).starts_with("This clashed"));
    }
}
