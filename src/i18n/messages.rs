//! Words built in code from domain values: labels of choices, the messages
//! of refused fields and rules, and the staff's words for codes. Being
//! moved into the message files (`locales/`), one area at a time.

use crate::domain::rules::RuleBroken;
use crate::domain::{AgeBand, FieldError, Lang, Profession, Topic};
use crate::i18n::dates::format_datetime;

pub fn profession_label(p: Profession, lang: Lang) -> &'static str {
    let t = texts(lang);
    match p {
        Profession::Lawyer => t.profession_lawyer,
        Profession::Psychologist => t.profession_psychologist,
    }
}

pub fn age_band_label(a: AgeBand, lang: Lang) -> &'static str {
    let t = texts(lang);
    match a {
        AgeBand::Under20 => t.age_band_under_20,
        AgeBand::Twenties => t.age_band_20s,
        AgeBand::Thirties => t.age_band_30s,
        AgeBand::Forties => t.age_band_40s,
        AgeBand::Fifties => t.age_band_50s,
        AgeBand::Sixties => t.age_band_60s,
        AgeBand::SeventyPlus => t.age_band_70_plus,
        AgeBand::NoAnswer => t.age_band_no_answer,
    }
}

pub fn topic_label(topic: Topic, lang: Lang) -> &'static str {
    let t = texts(lang);
    match topic {
        Topic::Workplace => t.topic_workplace,
        Topic::Family => t.topic_family,
        Topic::Money => t.topic_money,
        Topic::Relationships => t.topic_relationships,
        Topic::Health => t.topic_health,
        Topic::Other => t.topic_other,
    }
}

/// A stored answer to an optional question, in words: 「未回答」 when it
/// was not asked or not answered (never an answer chosen for the person).
pub fn age_band_answer(code: &str, lang: Lang) -> &'static str {
    AgeBand::parse(code)
        .map(|a| age_band_label(a, lang))
        .unwrap_or(texts(lang).unanswered)
}

/// See [`age_band_answer`].
pub fn topic_answer(code: &str, lang: Lang) -> &'static str {
    Topic::parse(code)
        .map(|t| topic_label(t, lang))
        .unwrap_or(texts(lang).unanswered)
}

/// The message shown beside a refused field.
pub fn field_message(field: &str, error: &FieldError, lang: Lang) -> String {
    let t = texts(lang);
    let choice_field = matches!(
        field,
        "age_band"
            | "topic"
            | "profession"
            | "slot_id"
            | "slot_ids"
            | "place"
            | "services"
            | "preferred.time"
            | "doctor_id"
    );
    let s = match error {
        FieldError::Required if choice_field => t.field_required_choice,
        FieldError::Required => t.field_required,
        FieldError::TooLong { max } => return t.field_too_long(*max),
        FieldError::TooShort { min } => return t.field_too_short(*min),
        FieldError::ControlCharacters => t.field_control_characters,
        FieldError::InvisibleCharacters => t.field_invisible_characters,
        FieldError::KanaOnly => t.field_kana_only,
        FieldError::Phone => t.field_phone,
        FieldError::Email => t.field_email,
        FieldError::Choice => t.field_choice,
        FieldError::ConsentRequired => t.field_consent_required,
        FieldError::NotANumber => t.field_not_a_number,
        FieldError::WrongType => t.field_wrong_type,
        FieldError::NoSuchSlot => t.field_no_such_slot,
        FieldError::Date => t.field_date,
        FieldError::FutureDate => t.field_future_date,
        FieldError::Range { min, max } => return t.field_range(*max, *min),
        FieldError::Duplicate => t.field_duplicate,
        FieldError::OutsideArea => t.field_outside_area,
        FieldError::TooManyWorkers { max } => return t.field_too_many_workers(*max, *max + 1),
    };
    s.to_string()
}

/// Which rule refused a request, and what to do instead.
pub fn rule_message(rule: &RuleBroken, lang: Lang) -> String {
    let t = texts(lang);
    let s = match rule {
        RuleBroken::NotYetOpen { opens_at } => {
            return t.rule_not_yet_open(format_datetime(*opens_at, lang))
        }
        RuleBroken::Closed { closed_at } => {
            return t.rule_closed(format_datetime(*closed_at, lang))
        }
        RuleBroken::OneBookingPerPerson => t.rule_one_booking_per_person,
        RuleBroken::NotAPair => t.rule_not_a_pair,
        RuleBroken::AlreadyWaiting => t.rule_already_waiting,
        RuleBroken::SlotsAvailable => t.rule_slots_available,
        RuleBroken::OfferGone => t.rule_offer_gone,
        RuleBroken::BookingCancelled => t.rule_booking_cancelled,
        RuleBroken::OverlappingSlots => t.rule_overlapping_slots,
    };
    s.to_string()
}

fn pick(en: bool, ja: &str, english: &str) -> String {
    if en { english } else { ja }.to_string()
}

use super::texts;

/// What an audit-log line's action code means, in words; an unknown code is shown as it is.
pub fn audit_action_label(code: &str, lang: Lang) -> String {
    let (ja, en) = match code {
        "sign_in" => ("ログイン", "Signed in"),
        "view_roster" => ("月の一覧を表示", "Viewed the month's roster"),
        "view_day_sheet" => ("当日名簿を表示", "Viewed a day sheet"),
        "view_call_list" => ("電話連絡の一覧を表示", "Viewed the call list"),
        "view_mail_states" => ("予約のメールの状況を表示", "Viewed a booking's mails"),
        "export" => ("予約をCSVで書き出し", "Exported bookings as CSV"),
        "attendance" => ("出欠を記録", "Recorded attendance"),
        "book_for_caller" => ("電話予約を入力", "Booked for a caller"),
        "cancel_for_caller" => ("予約を取消し（電話）", "Cancelled a booking for a caller"),
        "move_for_caller" => ("予約を変更（電話）", "Moved a booking for a caller"),
        "add_session" => ("相談会を追加", "Added an evening"),
        "move_session" => ("相談会の日時を変更", "Moved an evening"),
        "cancel_session" => ("相談会を中止", "Cancelled an evening"),
        "restore_session" => ("相談会の中止を取消し", "Restored an evening"),
        "assign" => ("相談員を担当に決定", "Assigned a professional"),
        "generate" => ("定例の相談会を作成", "Created the series' evenings"),
        "set_series" => ("開催ルールを変更", "Changed the series rule"),
        "add_professional" => ("相談員を追加", "Added a professional"),
        "professional_active" => ("相談員の休止・再開", "Rested or restored a professional"),
        "add_staff" => ("職員アカウントを追加", "Added a staff account"),
        "staff_active" => (
            "職員アカウントの停止・再開",
            "Closed or reopened a staff account",
        ),
        "view_health_queue" => ("産業保健の申込み一覧を表示", "Viewed the health queue"),
        "view_health_roster" => ("医師の日程を表示", "Viewed the doctors' roster"),
        "health_move" => ("申込みの順番を変更", "Moved a health request"),
        "health_block" => ("医師の枠を追加", "Added a doctor's block"),
        "health_propose" => ("面接の日程を提案", "Proposed interview dates"),
        "health_accept_for" => ("日程を承諾（代理）", "Accepted a date for a business"),
        "health_decline_for" => (
            "別の日程を希望（代理）",
            "Asked for another date for a business",
        ),
        "health_attendance" => ("面接の実施を記録", "Recorded an interview's outcome"),
        "health_requeue" => (
            "実施されなかった申込みを待機に戻す",
            "Put a request back in the queue after a no-show",
        ),
        "health_close" => (
            "実施されなかった申込みを終了",
            "Closed a request after a no-show",
        ),
        other => return other.to_string(),
    };
    pick(lang == Lang::En, ja, en)
}

/// What makes a day unusual for an evening, in words (「日曜日」「祝日（元日）」「休館日」).
pub fn unusual_day_words(why: &crate::domain::series::UnusualDay, lang: Lang) -> String {
    use crate::domain::series::UnusualDay;
    let en = lang == Lang::En;
    match why {
        UnusualDay::Weekend(chrono::Weekday::Sat) => pick(en, "土曜日", "a Saturday"),
        UnusualDay::Weekend(_) => pick(en, "日曜日", "a Sunday"),
        UnusualDay::Holiday(name) if en => format!("a national holiday ({name})"),
        UnusualDay::Holiday(name) => format!("祝日（{name}）"),
        UnusualDay::Closure => pick(
            en,
            "休館日（年末年始など）",
            "a day the office is closed (such as the New Year holidays)",
        ),
    }
}

/// Why an evening on an unusual day needs a second confirmation.
pub fn unusual_day_message(why: &[crate::domain::series::UnusualDay], lang: Lang) -> String {
    let words: Vec<String> = why.iter().map(|w| unusual_day_words(w, lang)).collect();
    if lang == Lang::En {
        format!(
            "This day is {}. An evening on it goes public at once: to hold it all the same, send again with \"confirm_unusual_day\": true.",
            words.join(" and ")
        )
    } else {
        format!(
            "この日は{}です。この日の相談会はすぐに公開されます。それでも開く場合は、確認のうえもう一度送信してください（\"confirm_unusual_day\": true）。",
            words.join("・")
        )
    }
}

/// Why the office's step on the evening schedule was refused.
pub fn staff_conflict(code: &str, lang: Lang) -> String {
    let en = lang == Lang::En;
    match code {
        "attendance_too_early" => pick(
            en,
            "出欠は、相談会が始まってから記録できます。",
            "Attendance can be recorded once the evening has started.",
        ),
        "session_not_scheduled" => pick(
            en,
            "この相談会は、すでに中止されています。",
            "This evening has already been cancelled.",
        ),
        "session_not_movable" => pick(
            en,
            "この相談会は移動できません（中止済みか、移動先の日時が過ぎています）。",
            "This evening cannot be moved (it is cancelled, or the new time has passed).",
        ),
        "session_not_restorable" => pick(
            en,
            "この相談会の中止は取り消せません（開始時刻を過ぎたか、同じ時間に別の相談会があります）。",
            "This evening cannot be restored (its time has passed, or another evening is at the same time).",
        ),
        "cannot_close_own_account" => pick(
            en,
            "ご自分のアカウントは閉じられません。",
            "You cannot close your own account.",
        ),
        _ => pick(
            en,
            "ほかの操作と重なったため、処理できませんでした。もう一度お試しください。",
            "This clashed with another change. Please try again.",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_error_has_words_in_both_languages() {
        let errors = [
            FieldError::Required,
            FieldError::TooLong { max: 50 },
            FieldError::ControlCharacters,
            FieldError::InvisibleCharacters,
            FieldError::KanaOnly,
            FieldError::Phone,
            FieldError::Email,
            FieldError::ConsentRequired,
        ];
        for e in errors {
            assert!(!field_message("name", &e, Lang::Ja).is_ascii());
            assert!(field_message("name", &e, Lang::En).is_ascii());
        }
    }
}
