//! Japanese first, English available: the words of the public pages and
//! messages. The language comes from `?lang=`, then the `lang` cookie,
//! then `Accept-Language`; Japanese otherwise.

use crate::domain::rules::RuleBroken;
use crate::domain::time::format_datetime;
use crate::domain::{AgeBand, FieldError, Lang, Profession, Topic};
use axum::http::HeaderMap;

pub fn lang_from_request(query: Option<&str>, headers: &HeaderMap) -> Lang {
    let from_query = query.and_then(|q| {
        url::form_urlencoded::parse(q.as_bytes())
            .find(|(k, _)| k == "lang")
            .and_then(|(_, v)| Lang::parse(&v).ok())
    });
    let header = |name| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    };
    let from_cookie = header("cookie").split(';').find_map(|kv| {
        let (k, v) = kv.trim().split_once('=')?;
        (k == "lang").then(|| Lang::parse(v).ok()).flatten()
    });
    let from_accept = header("accept-language")
        .split(',')
        .next()
        .map(|first| first.trim().to_ascii_lowercase())
        .filter(|first| first.starts_with("en"))
        .map(|_| Lang::En);
    from_query
        .or(from_cookie)
        .or(from_accept)
        .unwrap_or(Lang::Ja)
}

pub fn profession_label(p: Profession, lang: Lang) -> &'static str {
    match (p, lang) {
        (Profession::Lawyer, Lang::Ja) => "弁護士",
        (Profession::Lawyer, Lang::En) => "Lawyer",
        (Profession::Psychologist, Lang::Ja) => "臨床心理士",
        (Profession::Psychologist, Lang::En) => "Clinical psychologist",
    }
}

pub fn age_band_label(a: AgeBand, lang: Lang) -> &'static str {
    let en = lang == Lang::En;
    match a {
        AgeBand::Under20 => {
            if en {
                "Under 20"
            } else {
                "20歳未満"
            }
        }
        AgeBand::Twenties => {
            if en {
                "20s"
            } else {
                "20代"
            }
        }
        AgeBand::Thirties => {
            if en {
                "30s"
            } else {
                "30代"
            }
        }
        AgeBand::Forties => {
            if en {
                "40s"
            } else {
                "40代"
            }
        }
        AgeBand::Fifties => {
            if en {
                "50s"
            } else {
                "50代"
            }
        }
        AgeBand::Sixties => {
            if en {
                "60s"
            } else {
                "60代"
            }
        }
        AgeBand::SeventyPlus => {
            if en {
                "70 or older"
            } else {
                "70歳以上"
            }
        }
        AgeBand::NoAnswer => {
            if en {
                "Prefer not to say"
            } else {
                "答えたくない"
            }
        }
    }
}

pub fn topic_label(t: Topic, lang: Lang) -> &'static str {
    let en = lang == Lang::En;
    match t {
        Topic::Workplace => {
            if en {
                "Work and the workplace"
            } else {
                "仕事・職場のこと"
            }
        }
        Topic::Family => {
            if en {
                "Family"
            } else {
                "家族・家庭のこと"
            }
        }
        Topic::Money => {
            if en {
                "Money, debts, property"
            } else {
                "お金・借金・財産のこと"
            }
        }
        Topic::Relationships => {
            if en {
                "Relationships"
            } else {
                "人間関係のこと"
            }
        }
        Topic::Health => {
            if en {
                "Health, mind and body"
            } else {
                "心や体の健康のこと"
            }
        }
        Topic::Other => {
            if en {
                "Something else"
            } else {
                "その他"
            }
        }
    }
}

/// A stored answer to an optional question, in words: 「未回答」 when it
/// was not asked or not answered (never an answer chosen for the person).
pub fn age_band_answer(code: &str, lang: Lang) -> &'static str {
    AgeBand::parse(code)
        .map(|a| age_band_label(a, lang))
        .unwrap_or(unanswered(lang))
}

/// See [`age_band_answer`].
pub fn topic_answer(code: &str, lang: Lang) -> &'static str {
    Topic::parse(code)
        .map(|t| topic_label(t, lang))
        .unwrap_or(unanswered(lang))
}

fn unanswered(lang: Lang) -> &'static str {
    match lang {
        Lang::Ja => "未回答",
        Lang::En => "Not answered",
    }
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

/// Every fixed phrase of the public pages, in one language.
pub struct Texts {
    pub lang: &'static str,
    /// Between two times: `18:30〜19:20` / `18:30–19:20`.
    pub to: &'static str,
    /// After a label: `会場：` / `Venue: `.
    pub colon: &'static str,
    /// Brackets around an aside: `（…）` / ` (…)`.
    pub lparen: &'static str,
    pub rparen: &'static str,
    pub other_lang_label: &'static str,
    pub other_lang: &'static str,
    pub skip_to_content: &'static str,
    pub site_name: &'static str,
    pub footer_privacy: &'static str,
    pub intro: &'static str,
    pub free_and_confidential: &'static str,
    pub upcoming_heading: &'static str,
    pub no_sessions: &'static str,
    pub venue: &'static str,
    pub free_slots: &'static str,
    pub book_this: &'static str,
    pub taken: &'static str,
    pub both_hint: &'static str,
    /// The line near the top of every public page that leads to the list below.
    pub urgent_line: &'static str,
    pub urgent_line_link: &'static str,
    pub urgent_heading: &'static str,
    pub urgent_intro: &'static str,
    pub office_contact: &'static str,
    pub form_heading: &'static str,
    pub form_intro: &'static str,
    pub required: &'static str,
    pub optional: &'static str,
    pub name: &'static str,
    pub name_hint: &'static str,
    pub name_kana: &'static str,
    pub name_kana_hint: &'static str,
    pub phone: &'static str,
    pub phone_hint: &'static str,
    pub email: &'static str,
    pub email_hint: &'static str,
    pub age_band: &'static str,
    pub topic: &'static str,
    pub topic_hint: &'static str,
    pub note: &'static str,
    pub note_hint: &'static str,
    pub privacy_heading: &'static str,
    pub privacy_body: &'static str,
    pub consent: &'static str,
    pub submit: &'static str,
    pub errors_heading: &'static str,
    pub back_to_list: &'static str,
    pub slot_gone: &'static str,
    pub booked_heading: &'static str,
    pub booked_mail_sent: &'static str,
    pub allow_sender: &'static str,
    pub manage_heading: &'static str,
    pub status: &'static str,
    pub status_confirmed: &'static str,
    pub status_cancelled: &'static str,
    pub when: &'static str,
    pub consultant: &'static str,
    pub bring: &'static str,
    pub keep_link: &'static str,
    pub cancel_by_phone: &'static str,
    pub error_heading: &'static str,
    pub not_found: &'static str,
    pub internal_error: &'static str,
    pub request_id: &'static str,
    pub pair_question: &'static str,
    pub pair_hint: &'static str,
    pub pair_no: &'static str,
    /// After a pair slot's times: it comes before / after the chosen one.
    pub pair_before: &'static str,
    pub pair_after: &'static str,
    pub pair_none_left: &'static str,
    pub refused_heading: &'static str,
    /// Around a date: booking opens then (「12月12日(土)から予約できます」).
    pub opens_before: &'static str,
    pub opens_from: &'static str,
    pub not_yet_waitlist: &'static str,
    pub booking_closed_here: &'static str,
    pub choose_another: &'static str,
    pub join_waitlist: &'static str,
    pub next_waitlist_heading: &'static str,
    pub next_waitlist_intro: &'static str,
    pub move_heading: &'static str,
    pub move_submit: &'static str,
    pub move_choose: &'static str,
    pub cancel_this: &'static str,
    pub cancel_confirm_heading: &'static str,
    pub cancel_confirm_intro: &'static str,
    pub cancel_confirm_submit: &'static str,
    pub cancel_keep: &'static str,
    pub cancel_intro: &'static str,
    pub cancel_submit: &'static str,
    pub waiting_heading: &'static str,
    pub position: &'static str,
    /// Around a place in line: 「1番目」 / `No. 1`.
    pub position_before: &'static str,
    pub position_after: &'static str,
    pub withdraw_submit: &'static str,
    pub waitlist_heading: &'static str,
    pub waitlist_intro: &'static str,
    pub waitlist_submit: &'static str,
    pub waitlist_evening: &'static str,
    pub waitlist_profession: &'static str,
    pub waitlist_questions: &'static str,
    pub evening_any: &'static str,
    pub offer_heading: &'static str,
    pub offer_intro: &'static str,
    pub offer_deadline: &'static str,
    pub offer_accept: &'static str,
    pub offer_accepted_heading: &'static str,
    pub offer_accepted_intro: &'static str,
    pub offer_decline: &'static str,
    pub cancelled_heading: &'static str,
    pub cancelled_body: &'static str,
    pub moved_heading: &'static str,
    pub moved_body: &'static str,
    pub joined_heading: &'static str,
    pub joined_body: &'static str,
    pub declined_heading: &'static str,
    pub declined_body: &'static str,
    pub withdrawn_heading: &'static str,
    pub status_waiting: &'static str,
    pub status_offered: &'static str,
    pub status_booked: &'static str,
    pub status_closed: &'static str,
}

pub static JA: Texts = Texts {
    lang: "ja",
    to: "〜",
    colon: "：",
    lparen: "（",
    rparen: "）",
    other_lang_label: "English",
    other_lang: "en",
    skip_to_content: "本文へ移動",
    site_name: "仕事とこころの相談会（夜間）予約",
    footer_privacy: "入力された情報は、相談会の運営のためにのみ使用し、法令に基づく場合を除き第三者に提供しません。",
    intro: "仕事や暮らしの悩みについて、弁護士と臨床心理士に、平日の夜に無料で相談できます。法律的な問題と心の問題の両方を相談することもできます。",
    free_and_confidential: "相談は無料です。相談の内容が外部に漏れることはありません。",
    upcoming_heading: "今後の相談会と空き状況",
    no_sessions: "現在、予約を受け付けている相談会はありません。",
    venue: "会場",
    free_slots: "空き",
    book_this: "予約する",
    taken: "予約済み",
    both_hint: "弁護士と臨床心理士の両方に相談したい場合は、それぞれの枠を予約してください。",
    urgent_line: "今すぐ誰かと話したいときは：",
    urgent_line_link: "電話で話せる相談窓口",
    urgent_heading: "今すぐ誰かに話を聞いてほしいとき",
    urgent_intro: "相談会の日まで待てないときは、次の窓口をご利用ください。",
    office_contact: "お問い合わせ",
    form_heading: "相談会の予約",
    form_intro: "次の項目を入力して「予約する」を押してください。",
    required: "必須",
    optional: "任意",
    name: "お名前",
    name_hint: "通称でもかまいません。",
    name_kana: "フリガナ",
    name_kana_hint: "カタカナまたはひらがなで入力してください。",
    phone: "電話番号",
    phone_hint: "日中に連絡のとれる番号（例：090-1234-5678）。",
    email: "メールアドレス",
    email_hint: "予約確認のメールをお送りします。",
    age_band: "年代",
    topic: "主なご相談の内容",
    topic_hint: "当日の準備のためにお聞きします。詳しい内容は当日お話しください。",
    note: "相談員に事前に伝えたいこと",
    note_hint: "400文字以内。書かなくてもかまいません。",
    privacy_heading: "個人情報の取扱いについて",
    privacy_body: "ご入力いただいた情報は、相談会の予約の管理、ご連絡、および個人が特定されない形での統計のためにのみ使用します。相談の内容に関わる情報は、担当の職員と相談員だけが見ることができ、閲覧の記録を残します。法令に基づく場合を除き、ご本人の同意なく第三者に提供することはありません。",
    consent: "上記の個人情報の取扱いに同意します",
    submit: "予約する",
    errors_heading: "入力内容を確認してください",
    back_to_list: "相談会の一覧に戻る",
    slot_gone: "申し訳ありません。この枠は、ほかの方の予約が入ったか、受付を終了しました。別の枠をお選びください。",
    booked_heading: "ご予約を受け付けました",
    booked_mail_sent: "確認のメールを次のアドレスにお送りしました：",
    allow_sender: "メールが届かない場合は、迷惑メールフォルダをご確認いただくか、次のアドレスからのメールを受信できるよう設定してください：",
    manage_heading: "ご予約の内容",
    status: "状態",
    status_confirmed: "予約済み",
    status_cancelled: "キャンセル済み",
    when: "日時",
    consultant: "相談員",
    bring: "持ち物",
    keep_link: "このページのアドレスは、ご予約の確認用です。他の方には教えないでください。",
    cancel_by_phone: "キャンセルや日時の変更は、お電話でも承ります。",
    error_heading: "ページを表示できません",
    not_found: "お探しのページは見つかりませんでした。アドレスをご確認ください。",
    internal_error: "申し訳ありません。システムで問題が発生しました。時間をおいてもう一度お試しいただくか、お電話でお問い合わせください。",
    request_id: "お問い合わせ番号",
    pair_question: "弁護士と臨床心理士の両方に相談しますか",
    pair_hint: "同じ日に、もう一方の相談員の枠も一緒に予約できます。",
    pair_no: "いいえ（この枠だけ予約する）",
    refused_heading: "ご予約できませんでした",
    opens_before: "",
    opens_from: "から予約できます",
    not_yet_waitlist: "受付が始まる前に、キャンセル待ちに登録しておくこともできます。受付が始まったら、登録の順に空き枠をメールでご案内します。",
    booking_closed_here: "この回の予約受付は終了しました。お急ぎの場合は、お電話でお問い合わせください。",
    choose_another: "ほかの日時の空き枠を選ぶ",
    pair_before: "（この枠の前）",
    pair_after: "（この枠の後）",
    pair_none_left: "この日は、時間の重ならないもう一方の相談員の空き枠がありません。両方に相談したい場合は、別の日をお選びいただくか、キャンセル待ちにご登録ください。",
    join_waitlist: "キャンセル待ちに登録する",
    next_waitlist_heading: "空きが出た回のご案内を希望する",
    next_waitlist_intro: "どの日でもよい場合は、次に空きが出た相談会の枠を、登録の順にご案内します。",
    move_heading: "別の日時に変更する",
    move_submit: "この日時に変更する",
    move_choose: "変更先の日時を選んでから「この日時に変更する」を押してください。",
    cancel_this: "この枠だけキャンセルする",
    cancel_confirm_heading: "キャンセルの確認",
    cancel_confirm_intro: "次のご予約をキャンセルします。よろしければ「キャンセルする」を押してください。まだキャンセルされていません。",
    cancel_confirm_submit: "キャンセルする",
    cancel_keep: "キャンセルせずに戻る",
    cancel_intro: "ご都合が悪くなった場合は、キャンセルしてください。空いた枠はキャンセル待ちの方にご案内します。",
    cancel_submit: "予約をキャンセルする",
    waiting_heading: "キャンセル待ちの状況",
    position: "現在の順番",
    position_before: "",
    position_after: "番目",
    withdraw_submit: "キャンセル待ちの登録を取り消す",
    waitlist_heading: "キャンセル待ちの登録",
    waitlist_intro: "枠が空いたら、登録の順にメールでご案内します。ご案内には返事の期限があります。",
    waitlist_submit: "キャンセル待ちに登録する",
    waitlist_evening: "希望する相談会",
    waitlist_profession: "相談したい相談員",
    waitlist_questions: "次の質問は任意です。答えていただくと、枠が空いてご予約になったときに、当日の準備に役立てます。",
    evening_any: "どの日でもよい（次に空きが出た回）",
    offer_heading: "空き枠のご案内",
    offer_intro: "キャンセル待ちにご登録いただいた相談会の枠をお取りしています。期限までに、予約するか辞退するかをお選びください。",
    offer_deadline: "お返事の期限",
    offer_accept: "この枠を予約する",
    offer_accepted_heading: "この枠はご予約済みです",
    offer_accepted_intro: "このご案内の枠は、すでにあなたのご予約になっています。ご予約の確認・変更・キャンセルは、予約確定のメールにあるリンクから行えます。",
    offer_decline: "辞退する",
    cancelled_heading: "キャンセルを承りました",
    cancelled_body: "キャンセルの確認メールをお送りしました。またご相談が必要になったときは、いつでもお申し込みください。",
    moved_heading: "ご予約を変更しました",
    moved_body: "変更の確認メールをお送りしました。",
    joined_heading: "キャンセル待ちに登録しました",
    joined_body: "登録の確認メールをお送りしました。枠が空いたら、メールでご案内します。",
    declined_heading: "辞退を承りました",
    declined_body: "お取りしていた枠は、次の方にご案内します。",
    withdrawn_heading: "キャンセル待ちの登録を取り消しました",
    status_waiting: "キャンセル待ち中",
    status_offered: "空き枠をご案内中（メールをご確認ください）",
    status_booked: "予約済み",
    status_closed: "終了",
};

pub static EN: Texts = Texts {
    lang: "en",
    to: "–",
    colon: ": ",
    lparen: " (",
    rparen: ")",
    other_lang_label: "日本語",
    other_lang: "ja",
    skip_to_content: "Skip to content",
    site_name: "Evening Consultations on Work and Mental Health — Booking",
    footer_privacy: "What you enter is used only to run the consultations and is not given to others except where the law requires it.",
    intro: "On a weekday evening, talk to a lawyer or a clinical psychologist about troubles at work or in life, free of charge. You can consult both about a legal problem and how you feel.",
    free_and_confidential: "Consultations are free and confidential.",
    upcoming_heading: "Upcoming evenings and free slots",
    no_sessions: "No evening is open for booking at the moment.",
    venue: "Venue",
    free_slots: "free",
    book_this: "Book",
    taken: "Booked",
    both_hint: "To see both a lawyer and a psychologist, book one slot with each.",
    urgent_line: "If you need to talk to someone now: ",
    urgent_line_link: "lines you can call",
    urgent_heading: "If you need to talk to someone now",
    urgent_intro: "If you cannot wait for the evening, these lines are there for you.",
    office_contact: "Contact",
    form_heading: "Book a consultation",
    form_intro: "Fill in the form and press “Book”.",
    required: "required",
    optional: "optional",
    name: "Name",
    name_hint: "The name you go by is fine.",
    name_kana: "Reading of your name (フリガナ)",
    name_kana_hint: "In katakana or hiragana, or your name in Latin letters. You may leave this empty.",
    phone: "Phone number",
    phone_hint: "A number we can reach you on in the daytime (e.g. 090-1234-5678 or +81 90-1234-5678).",
    email: "Email address",
    email_hint: "We send the confirmation here.",
    age_band: "Age",
    topic: "What is it mainly about?",
    topic_hint: "So that we can prepare. Tell the details on the day.",
    note: "Anything the consultant should know beforehand",
    note_hint: "Up to 400 characters. You may leave this empty.",
    privacy_heading: "How we handle your personal information",
    privacy_body: "We use what you enter only to manage your booking, contact you, and count figures that identify no one. Only the staff in charge and the consultant can see what concerns your consultation, and each look is recorded. We give it to no one else without your consent, except where the law requires it.",
    consent: "I agree to how my personal information is handled",
    submit: "Book",
    errors_heading: "Please check what you entered",
    back_to_list: "Back to the list of evenings",
    slot_gone: "Sorry: this slot has just been booked by someone else, or is closed. Please choose another one.",
    booked_heading: "Your booking is confirmed",
    booked_mail_sent: "We have sent a confirmation to:",
    allow_sender: "If it does not arrive, look in your spam folder, or allow mail from this address:",
    manage_heading: "Your booking",
    status: "Status",
    status_confirmed: "Confirmed",
    status_cancelled: "Cancelled",
    when: "Date and time",
    consultant: "Consultant",
    bring: "What to bring",
    keep_link: "The address of this page is your key to the booking. Please keep it to yourself.",
    cancel_by_phone: "You can also cancel or change your booking by phone.",
    error_heading: "This page cannot be shown",
    not_found: "We could not find that page. Please check the address.",
    internal_error: "Sorry, something went wrong on our side. Please try again later, or call us.",
    request_id: "Reference number",
    pair_question: "Would you like to see both consultants?",
    pair_hint: "You can book a slot with the other consultant on the same evening, in one go.",
    pair_no: "No, just this slot",
    refused_heading: "The booking could not be made",
    opens_before: "Booking opens on ",
    opens_from: ".",
    not_yet_waitlist: "You can join the waitlist before booking opens: when it opens, we offer free slots by mail in the order people joined.",
    booking_closed_here: "Booking for this evening has closed. If it is urgent, please call the office.",
    choose_another: "Choose another free slot",
    pair_before: " (before this slot)",
    pair_after: " (after this slot)",
    pair_none_left: "On this evening no slot with the other consultant is free at another time. To see both, please choose another evening or join the waitlist.",
    join_waitlist: "Join the waitlist",
    next_waitlist_heading: "Be told of the next free slot",
    next_waitlist_intro: "If any evening will do, we offer the next freed slot, in the order people joined.",
    move_heading: "Change to another time",
    move_submit: "Change to this time",
    move_choose: "Please choose the new time first, then press “Change to this time”.",
    cancel_this: "Cancel only this slot",
    cancel_confirm_heading: "Cancel your booking?",
    cancel_confirm_intro: "This will cancel the booking below. Nothing has been cancelled yet: press “Cancel it” to go ahead.",
    cancel_confirm_submit: "Cancel it",
    cancel_keep: "Keep my booking",
    cancel_intro: "If you cannot come, please cancel: the slot goes to someone who is waiting.",
    cancel_submit: "Cancel the booking",
    waiting_heading: "Your place on the waitlist",
    position: "Your place",
    position_before: "No. ",
    position_after: "",
    withdraw_submit: "Leave the waitlist",
    waitlist_heading: "Join the waitlist",
    waitlist_intro: "When a slot is freed we offer it by mail, in the order people joined. An offer has a deadline to answer.",
    waitlist_submit: "Join the waitlist",
    waitlist_evening: "Which evening",
    waitlist_profession: "Which consultant",
    waitlist_questions: "The next questions are optional. If you answer them, they help us prepare when a slot becomes your booking.",
    evening_any: "Any evening (the next free slot)",
    offer_heading: "A slot is free for you",
    offer_intro: "We are holding this slot for you. Please accept or decline it before the deadline.",
    offer_deadline: "Answer by",
    offer_accept: "Book this slot",
    offer_accepted_heading: "This slot is booked for you",
    offer_accepted_intro: "You have already accepted this offer: the slot is your booking. To see, change or cancel it, use the link in your booking confirmation mail.",
    offer_decline: "Decline",
    cancelled_heading: "Your booking is cancelled",
    cancelled_body: "We have sent you a confirmation. You are welcome to book again whenever you need to.",
    moved_heading: "Your booking has changed",
    moved_body: "We have sent you a confirmation by mail.",
    joined_heading: "You are on the waitlist",
    joined_body: "We have sent you a confirmation. When a slot is freed, we will write to you.",
    declined_heading: "You have declined the offer",
    declined_body: "The slot goes to the next person.",
    withdrawn_heading: "You have left the waitlist",
    status_waiting: "Waiting",
    status_offered: "A slot is offered to you: see your mail",
    status_booked: "Booked",
    status_closed: "Closed",
};

pub fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::Ja => &JA,
        Lang::En => &EN,
    }
}

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
    to: &crate::service::health::Referral,
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
    use axum::http::HeaderValue;

    #[test]
    fn language_is_chosen_query_then_cookie_then_header() {
        let mut h = HeaderMap::new();
        assert_eq!(lang_from_request(None, &h), Lang::Ja);
        h.insert(
            "accept-language",
            HeaderValue::from_static("en-GB,en;q=0.9"),
        );
        assert_eq!(lang_from_request(None, &h), Lang::En);
        h.insert("cookie", HeaderValue::from_static("a=b; lang=ja"));
        assert_eq!(lang_from_request(None, &h), Lang::Ja);
        assert_eq!(lang_from_request(Some("x=1&lang=en"), &h), Lang::En);
        assert_eq!(lang_from_request(Some("lang=xx"), &h), Lang::Ja);
    }

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
