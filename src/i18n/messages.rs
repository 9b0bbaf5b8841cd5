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
    let en = lang == Lang::En;
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
    match error {
        FieldError::Required if choice_field => pick(en, "選択してください。", "Please choose one."),
        FieldError::Required => pick(en, "入力してください。", "Please fill this in."),
        FieldError::TooLong { max } => {
            if en {
                format!("Please use at most {max} characters.")
            } else {
                format!("{max}文字以内で入力してください。")
            }
        }
        FieldError::TooShort { min } => {
            if en {
                format!("Please use at least {min} characters.")
            } else {
                format!("{min}文字以上で入力してください。")
            }
        }
        FieldError::ControlCharacters => pick(
            en,
            "改行や制御文字など、入力できない文字が含まれています。",
            "This contains characters that cannot be used here (control characters or line breaks).",
        ),
        FieldError::InvisibleCharacters => pick(
            en,
            "目に見えない文字（文字の向きを変える記号やゼロ幅の文字など）が含まれています。貼り付けた場合は、手で入力し直してください。",
            "This contains invisible characters (such as direction marks or zero-width characters). If you pasted it, please type it instead.",
        ),
        FieldError::KanaOnly => pick(en, "カタカナまたはひらがなで入力してください。", "Please write this in katakana or hiragana, or in Latin letters."),
        FieldError::Phone => pick(
            en,
            "電話番号を0から始まる10桁または11桁の数字で入力してください（例：090-1234-5678）。",
            "Please enter a Japanese phone number: 10 or 11 digits starting with 0, or +81 instead of the 0 (e.g. 090-1234-5678 or +81 90-1234-5678).",
        ),
        FieldError::Email => pick(en, "メールアドレスの形式が正しくありません（例：taro@example.jp）。", "This is not a valid email address (e.g. taro@example.jp)."),
        FieldError::Choice => pick(en, "選択肢の中から選んでください。", "Please choose one of the options."),
        FieldError::ConsentRequired => pick(
            en,
            "ご予約には、個人情報の取扱いへの同意が必要です。",
            "To book, please agree to how we handle your personal information.",
        ),
        FieldError::NotANumber => pick(en, "数値で指定してください。", "Please give a number."),
        FieldError::WrongType => pick(en, "文字列で指定してください。", "Please give text."),
        FieldError::NoSuchSlot => pick(en, "指定された相談枠はありません。", "There is no such slot."),
        FieldError::Date => pick(en, "日付を「2027-01-13」の形で入力してください。", "Please give a date as 2027-01-13."),
        FieldError::FutureDate => pick(en, "今日より後の日付は指定できません。", "This date cannot be later than today."),
        FieldError::Range { min, max } => {
            if en {
                format!("Please give a number from {min} to {max}.")
            } else {
                format!("{min}から{max}までの数で入力してください。")
            }
        }
        FieldError::Duplicate => pick(en, "同じものが2回指定されています。", "The same choice is given twice."),
        FieldError::OutsideArea => pick(
            en,
            "所在地がセンターの対象地域にありません。所在地は市町村名から入力してください。",
            "The address is outside the area the centre serves. Please give it including the city.",
        ),
        FieldError::TooManyWorkers { max } => {
            if en {
                format!("The centre serves workplaces of at most {max} workers. A workplace of {} or more must appoint its own occupational physician.", max + 1)
            } else {
                format!("このセンターの対象は、労働者数{max}人以下の事業場です。{}人以上の事業場は、産業医の選任が義務付けられています。", max + 1)
            }
        }
    }
}

/// Which rule refused a request, and what to do instead.
pub fn rule_message(rule: &RuleBroken, lang: Lang) -> String {
    let en = lang == Lang::En;
    match rule {
        RuleBroken::NotYetOpen { opens_at } => {
            let when = format_datetime(*opens_at, lang);
            if en {
                format!("Booking for this evening opens on {when}. Please come back then, or choose an earlier evening.")
            } else {
                format!("この相談会の予約受付は{when}からです。受付開始後にお申し込みいただくか、より早い日程をお選びください。")
            }
        }
        RuleBroken::Closed { closed_at } => {
            let when = format_datetime(*closed_at, lang);
            if en {
                format!("Booking for this evening closed on {when}. Please choose a later evening, or call the office.")
            } else {
                format!("この相談会の予約受付は{when}に締め切りました。別の日程をお選びいただくか、お電話でご相談ください。")
            }
        }
        RuleBroken::OneBookingPerPerson => pick(
            en,
            "同じ方（同じメールアドレスまたは電話番号）が、同じ日に同じ相談員の枠を2つ予約することはできません。ご予約の変更は、確認メールのリンクから行えます。",
            "One person (same email or phone) can book one slot per consultant per evening. To change your booking, use the link in your confirmation mail.",
        ),
        RuleBroken::NotAPair => pick(
            en,
            "両方の相談員に相談する場合は、同じ日の弁護士の枠と臨床心理士の枠を1つずつ選んでください。",
            "To see both consultants, choose one lawyer slot and one psychologist slot on the same evening.",
        ),
        RuleBroken::AlreadyWaiting => pick(
            en,
            "すでにこのキャンセル待ちに登録されています。順番は登録時のメールのリンクから確認できます。",
            "You are already on this waitlist. The link in your mail shows your place.",
        ),
        RuleBroken::SlotsAvailable => pick(
            en,
            "空いている枠があります。キャンセル待ちではなく、空いている枠をご予約ください。",
            "There are free slots: please book one of them instead of waiting.",
        ),
        RuleBroken::OfferGone => pick(
            en,
            "このご案内は、期限が過ぎたか、すでにお返事をいただいています。空いている枠をご予約いただくか、もう一度キャンセル待ちにご登録ください。",
            "This offer has expired or has already been answered. Please book a free slot, or join the waitlist again.",
        ),
        RuleBroken::BookingCancelled => pick(
            en,
            "このご予約はキャンセルされています。新しく予約してください。",
            "This booking is cancelled. Please make a new booking.",
        ),
        RuleBroken::OverlappingSlots => pick(
            en,
            "弁護士と臨床心理士の相談は、同じ時間に受けることはできません。時間の重ならない枠を選んでください。",
            "You cannot see both consultants at the same time. Please choose slots that do not overlap.",
        ),
    }
}

fn pick(en: bool, ja: &str, english: &str) -> String {
    if en { english } else { ja }.to_string()
}

use super::texts;

/// Why the health centre's queue or schedule refused a step.
pub fn health_conflict(code: &str, lang: Lang) -> String {
    let en = lang == Lang::En;
    match code {
        "request_not_waiting" => pick(
            en,
            "この申込みは待機中ではありません（日程の提案済み、確定済み、または取下げ済みです）。",
            "This request is not waiting (a date is proposed or confirmed, or it is withdrawn).",
        ),
        "block_full" => pick(
            en,
            "この枠には、もう入りません。",
            "This block has no room left for it.",
        ),
        "doctor_busy" => pick(
            en,
            "この医師は、その時間にすでに予定があります。",
            "The doctor already has something at that time.",
        ),
        "place_mismatch" => pick(
            en,
            "実施場所（センター・訪問）が申込みと枠で異なります。",
            "The block's place (centre or visit) differs from the request's.",
        ),
        "block_past" => pick(
            en,
            "過去の枠は指定できません。",
            "This block is in the past.",
        ),
        "withdrawn" => pick(
            en,
            "このお申込みは取り下げられています。",
            "This request has been withdrawn.",
        ),
        "no_proposal" => pick(
            en,
            "お返事をいただく日程の提案はありません。",
            "There is no proposed date to answer.",
        ),
        "no_show_not_recorded" => pick(
            en,
            "この申込みには「実施されなかった」と記録された確定済みの面接がありません。",
            "This request has no confirmed interview recorded as not having taken place.",
        ),
        _ => pick(
            en,
            "ほかの操作と重なったため、処理できませんでした。もう一度お試しください。",
            "This clashed with another change. Please try again.",
        ),
    }
}

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

/// The message beside a refused field of the health centre's forms: the
/// same as [`field_message`], but a business requests, it does not book.
pub fn health_field_message(field: &str, error: &FieldError, lang: Lang) -> String {
    match error {
        FieldError::ConsentRequired => pick(
            lang == Lang::En,
            "お申込みには、個人情報の取扱いへの同意が必要です。",
            "To send the request, please agree to how we handle this information.",
        ),
        other => field_message(field, other, lang),
    }
}

/// Why a workplace cannot ask the health centre, and where it can go instead.
pub fn ineligible_reason(
    why: crate::domain::health::request::Ineligible,
    to: &crate::domain::health::Referral,
    lang: Lang,
) -> String {
    use crate::domain::health::request::Ineligible;
    let en = lang == Lang::En;
    match why {
        Ineligible::TooManyWorkers => {
            if en {
                format!("Workplaces of 50 workers or more must appoint an occupational physician of their own (Industrial Safety and Health Act, art. 13) and are not served by the regional centre. For advice on occupational health, please contact the {} (phone {}).", to.name_en, to.phone)
            } else {
                format!("常時50人以上の労働者を使用する事業場は、産業医の選任が義務付けられており（労働安全衛生法第13条）、地域産業保健センターの対象ではありません。産業保健に関するご相談は、{}（電話 {}）へお問い合わせください。", to.name, to.phone)
            }
        }
        Ineligible::OutsideArea => {
            if en {
                format!("This centre serves workplaces in its own area only. Workplaces elsewhere in Miyagi are served by the regional centre of their area; the {} (phone {}) can tell you which.", to.name_en, to.phone)
            } else {
                format!("このセンターは、担当地域内の事業場を対象としています。ほかの地域の事業場は、その地域を担当する地域産業保健センターをご利用ください。担当のセンターは{}（電話 {}）でご案内しています。", to.name, to.phone)
            }
        }
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
