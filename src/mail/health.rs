//! The health centre's mails to a business: request received, interview
//! proposed, accepted, another date asked for, withdrawn, reminder, and
//! after a no-show: back in the queue, or closed. Kept in
//! the outbox as [`HealthMail`] JSON and rendered with the notice templates
//! when sent. Subjects name the centre and the request number, never the
//! kinds of interview (a mailbox may be shared).

use super::calendar::{self, Calendar};
use super::templates::{new_message_id, Guard, MailSlot, NoticeFields, Rendered};
use crate::config::Settings;
use crate::domain::time::format_time;
use crate::domain::Lang;
use crate::i18n::dates::{format_date, format_datetime};
use crate::store::OutgoingMail;
use chrono::{DateTime, NaiveDate, Utc};

pub const HEALTH_RECEIVED: &str = "health_received";
pub const HEALTH_PROPOSED: &str = "health_proposed";
pub const HEALTH_ACCEPTED: &str = "health_accepted";
pub const HEALTH_DECLINED: &str = "health_declined";
pub const HEALTH_WITHDRAWN: &str = "health_withdrawn";
pub const HEALTH_REMINDER: &str = "health_reminder";
/// After a no-show: back in the queue at its place.
pub const HEALTH_REQUEUED: &str = "health_requeued";
/// After a no-show: closed by the centre, with the reason.
pub const HEALTH_CLOSED: &str = "health_closed";

pub fn is_health(kind: &str) -> bool {
    kind.starts_with("health_")
}

/// An interview as a mail shows it.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct MailInterview {
    pub id: i64,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub visit: bool,
    pub doctor: String,
    /// Still to be answered by the business.
    pub proposed: bool,
}

/// What a health-centre mail is written from.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct HealthMail {
    pub lang: Lang,
    pub business_name: String,
    pub contact_name: String,
    pub number: String,
    /// The status-page token: in the outbox only until the mail is sent.
    pub token: Option<String>,
    pub position: Option<usize>,
    /// `YYYY-MM`.
    pub estimated_month: Option<String>,
    /// The legal due date (法令上の期限), if the request has one.
    #[serde(default)]
    pub due_on: Option<NaiveDate>,
    /// The expected month is later than the due date: the mail says so.
    #[serde(default)]
    pub estimate_late: bool,
    pub interview: Option<MailInterview>,
    /// A reminder is sent only while its interview is live at this start.
    pub while_interview: Option<(i64, DateTime<Utc>)>,
    /// The interview that did not take place (requeued or closed).
    #[serde(default)]
    pub missed: Option<DateTime<Utc>>,
    /// Why the centre closed the request.
    #[serde(default)]
    pub closed_reason: Option<String>,
    /// The calendar entry of the interview (accepted: REQUEST; withdrawn: CANCEL).
    #[serde(default)]
    pub calendar: Option<Calendar>,
}

/// The link a business follows to its request's status page.
pub fn status_url(settings: &Settings, token: &str) -> String {
    format!("{}/health/manage/{}", settings.public_url(), token)
}

/// `2027-02` → 「2027年2月」 / "February 2027".
pub fn month_words(month: &str, lang: Lang) -> String {
    let Some((y, m)) = month.split_once('-') else {
        return month.to_string();
    };
    let m: u32 = m.parse().unwrap_or(1);
    if lang == Lang::En {
        const NAMES: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        format!("{} {y}", NAMES[(m.clamp(1, 12) - 1) as usize])
    } else {
        format!("{y}年{m}月")
    }
}

/// What a business is told when the month it can expect is later than
/// its legal due date: honestly, and that the centre knows and will call.
pub fn late_notice(lang: Lang) -> String {
    if lang == Lang::En {
        "The expected month is later than the legal due date. The centre has been told and will contact you about the date.".into()
    } else {
        "実施の見込みが、法令上の期限より後になっています。センターはこのことを把握しており、日程についてご連絡します。".into()
    }
}

pub fn guard(payload: &str) -> Option<Guard> {
    serde_json::from_str::<HealthMail>(payload)
        .ok()?
        .while_interview
        .map(|(id, at)| Guard::Interview(id, at))
}

impl HealthMail {
    pub fn queue(&self, kind: &'static str, recipient: &str, settings: &Settings) -> OutgoingMail {
        OutgoingMail {
            kind,
            message_id: new_message_id(settings),
            recipient: recipient.to_string(),
            payload: serde_json::to_string(self).expect("a health mail serialises"),
        }
    }

    fn pick(&self, ja: &str, en: &str) -> String {
        if self.lang == Lang::En { en } else { ja }.to_string()
    }

    fn interview_details(&self, settings: &Settings) -> Vec<(String, String)> {
        let Some(i) = &self.interview else {
            return Vec::new();
        };
        let h = &settings.health;
        let to = self.pick("〜", "–");
        vec![
            (
                self.pick("日時", "Date and time"),
                format!(
                    "{}{to}{}",
                    format_datetime(i.starts_at, self.lang),
                    format_time(i.ends_at)
                ),
            ),
            (
                self.pick("場所", "Place"),
                if i.visit {
                    self.pick(
                        "医師が事業場を訪問します",
                        "The doctor visits your workplace",
                    )
                } else {
                    self.pick(&h.centre_address, &h.centre_address_en)
                },
            ),
            (self.pick("担当医師", "Doctor"), i.doctor.clone()),
        ]
    }

    /// The interview that did not take place, in words.
    fn missed_words(&self) -> String {
        self.missed
            .map(|at| format_datetime(at, self.lang))
            .unwrap_or_else(|| self.pick("ご予定の日", "the planned day"))
    }

    /// The .ics of the interview, if the mail carries one. Its SUMMARY
    /// names the centre only, never the kind of interview.
    fn ics(&self, settings: &Settings) -> Option<(String, String)> {
        let (cal, i) = (self.calendar.as_ref()?, self.interview.as_ref()?);
        let h = &settings.health;
        let location = if i.visit {
            self.pick("事業場（医師が訪問）", "Your workplace (the doctor visits)")
        } else {
            self.pick(&h.centre_address, &h.centre_address_en)
        };
        let slot = MailSlot {
            profession: Default::default(),
            starts_at: i.starts_at,
            ends_at: i.ends_at,
        };
        let text = calendar::render(
            cal,
            calendar::HEALTH_PRODID,
            &[slot],
            &self.pick(
                "産業保健センター 医師との面談",
                "Occupational health centre: appointment with the doctor",
            ),
            &location,
            &calendar::Organizer {
                name: &self.pick(&h.centre_name, &h.centre_name_en),
                address: &settings.mail.from_address,
            },
            Utc::now(),
        );
        Some((calendar::METHOD.to_string(), text))
    }

    fn render(&self, kind: &str, settings: &Settings) -> Result<Rendered, String> {
        let h = &settings.health;
        let number = &self.number;
        let mut details = vec![(self.pick("受付番号", "Request number"), number.clone())];
        let mut links = Vec::new();
        if let Some(token) = &self.token {
            links.push((
                self.pick(
                    "お申込みの状況の確認・連絡先の変更・取下げ",
                    "See your request, change contact details or withdraw",
                ),
                status_url(settings, token),
            ));
        }
        let centre = self.pick(&h.centre_name, &h.centre_name_en);
        let (subject, paragraphs) = match kind {
            HEALTH_RECEIVED => {
                if let Some(p) = self.position {
                    details.push((
                        self.pick("現在の順番", "Your place in the queue"),
                        self.pick(&format!("{p}番目"), &p.to_string()),
                    ));
                }
                if let Some(m) = &self.estimated_month {
                    details.push((
                        self.pick("実施の見込み", "Expected"),
                        self.pick(
                            &format!("{}ごろ", month_words(m, self.lang)),
                            &format!("around {}", month_words(m, self.lang)),
                        ),
                    ));
                }
                if let Some(d) = self.due_on {
                    details.push((
                        self.pick("法令上の期限", "Legal due date"),
                        format_date(d, self.lang),
                    ));
                }
                let mut paragraphs = vec![
                    self.pick(
                        "産業保健サービスのお申込みを受け付けました。法令上の期限が近いものから順に、日程を調整してご連絡します。",
                        "We have received your request. Requests are scheduled in the order of their legal due dates, and we will write to you with a date.",
                    ),
                    self.pick(
                        "順番と実施の見込みは、現在の状況からの目安です。",
                        "Your place and the expected month are estimates from the current queue.",
                    ),
                ];
                if self.estimate_late {
                    paragraphs.push(late_notice(self.lang));
                }
                (
                    self.pick(
                        &format!("【{centre}】お申込みを受け付けました（受付番号 {number}）"),
                        &format!("Request received ({number}) — {centre}"),
                    ),
                    paragraphs,
                )
            }
            HEALTH_PROPOSED => {
                details.extend(self.interview_details(settings));
                (
                    self.pick(
                        &format!("【{centre}】日程のご提案（受付番号 {number}）"),
                        &format!("A proposed date for your request ({number}) — {centre}"),
                    ),
                    vec![
                        self.pick(
                            "お申込みについて、次の日程をご提案します。",
                            "We propose the following date for your request.",
                        ),
                        self.pick(
                            "下のリンクから、この日程でよいか、別の日程を希望されるかをお知らせください。別の日程を希望されても、順番はそのままです。",
                            "Please tell us with the link below whether this date suits you or you would like another. Asking for another keeps your place.",
                        ),
                    ],
                )
            }
            HEALTH_ACCEPTED => {
                details.extend(self.interview_details(settings));
                (
                    self.pick(
                        &format!("【{centre}】日程が確定しました（受付番号 {number}）"),
                        &format!("Your date is confirmed ({number}) — {centre}"),
                    ),
                    vec![self.pick(
                        "次の日程で確定しました。対象の方の健康診断結果や勤務状況の資料があればご用意ください。",
                        "The following date is confirmed. Please have the health-check results and working-hours records of the workers concerned at hand.",
                    )],
                )
            }
            HEALTH_DECLINED => (
                self.pick(
                    &format!("【{centre}】別の日程を調整します（受付番号 {number}）"),
                    &format!("We will find another date ({number}) — {centre}"),
                ),
                vec![self.pick(
                    "ご提案した日程は取り消しました。順番はそのままで、別の日程をあらためてご提案します。",
                    "The proposed date is released. You keep your place, and we will propose another date.",
                )],
            ),
            HEALTH_WITHDRAWN => {
                links.clear();
                (
                    self.pick(
                        &format!("【{centre}】お申込みの取下げを承りました（受付番号 {number}）"),
                        &format!("Your request is withdrawn ({number}) — {centre}"),
                    ),
                    vec![self.pick(
                        "お申込みの取下げを承りました。あらためてご利用の際は、もう一度お申し込みください。",
                        "Your request is withdrawn. You are welcome to apply again at any time.",
                    )],
                )
            }
            HEALTH_REQUEUED => {
                let when = self.missed_words();
                (
                    self.pick(
                        &format!("【{centre}】日程をあらためて調整します（受付番号 {number}）"),
                        &format!("We will find a new date ({number}) — {centre}"),
                    ),
                    vec![self.pick(
                        &format!("{when}の予定は実施されませんでした。お申込みは元の順番のまま待機に戻しましたので、あらためて日程をご提案します。"),
                        &format!("The appointment on {when} did not take place. Your request is back in the queue at its original place, and we will propose a new date."),
                    )],
                )
            }
            HEALTH_CLOSED => {
                let when = self.missed_words();
                if let Some(reason) = &self.closed_reason {
                    details.push((self.pick("理由", "Reason"), reason.clone()));
                }
                (
                    self.pick(
                        &format!("【{centre}】お申込みを終了しました（受付番号 {number}）"),
                        &format!("Your request is closed ({number}) — {centre}"),
                    ),
                    vec![self.pick(
                        &format!("{when}の予定が実施されなかったため、お申込みを終了しました。あらためてご利用の際は、もう一度お申し込みいただくか、センターにお電話ください。"),
                        &format!("As the appointment on {when} did not take place, your request is closed. To use the centre again, please send a new request or call the centre."),
                    )],
                )
            }
            HEALTH_REMINDER => {
                details.extend(self.interview_details(settings));
                // Only an accepted date is reminded of.
                let paragraphs = vec![self.pick(
                    "ご予定の日が近づいてまいりましたので、お知らせします。",
                    "This is a reminder of your appointment.",
                )];
                (
                    self.pick(
                        &format!("【{centre}】実施日が近づいています（受付番号 {number}）"),
                        &format!("Reminder: your appointment ({number}) — {centre}"),
                    ),
                    paragraphs,
                )
            }
            other => return Err(format!("unknown mail kind {other}")),
        };
        let greeting = if self.lang == Lang::En {
            format!("Dear {} ({}),", self.contact_name, self.business_name)
        } else {
            format!("{}\n{} 様", self.business_name, self.contact_name)
        };
        let v = NoticeFields {
            en: self.lang == Lang::En,
            subject,
            greeting,
            paragraphs,
            details,
            links,
            office_name: centre.clone(),
            office_phone: h.centre_phone.clone(),
            office_hours: self.pick(&h.centre_hours, &h.centre_hours_en),
            contacts: Vec::new(),
        };
        let mut rendered = v.render()?;
        rendered.ics = self.ics(settings);
        rendered.from_name = Some(centre);
        Ok(rendered)
    }
}

/// Renders a queued health mail from its kind and payload.
pub fn render(kind: &str, payload: &str, settings: &Settings) -> Result<Rendered, String> {
    let mail: HealthMail =
        serde_json::from_str(payload).map_err(|e| format!("payload of {kind}: {e}"))?;
    mail.render(kind, settings)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_health_mail_renders_in_both_languages_without_the_kinds_in_the_subject() {
        let settings = Settings::built_in();
        let now = Utc::now();
        for kind in [
            HEALTH_RECEIVED,
            HEALTH_PROPOSED,
            HEALTH_ACCEPTED,
            HEALTH_DECLINED,
            HEALTH_WITHDRAWN,
            HEALTH_REMINDER,
            HEALTH_REQUEUED,
            HEALTH_CLOSED,
        ] {
            for lang in [Lang::Ja, Lang::En] {
                let m = HealthMail {
                    lang,
                    business_name: "株式会社 青葉製作所".into(),
                    contact_name: "青葉 太郎".into(),
                    number: "H2026-00012".into(),
                    token: Some("abc".into()),
                    position: Some(4),
                    estimated_month: Some("2027-02".into()),
                    due_on: NaiveDate::from_ymd_opt(2026, 12, 20),
                    estimate_late: true,
                    interview: Some(MailInterview {
                        id: 1,
                        starts_at: now,
                        ends_at: now,
                        visit: false,
                        doctor: "仙台 一郎".into(),
                        proposed: true,
                    }),
                    while_interview: None,
                    missed: Some(now),
                    closed_reason: Some("ご連絡がつかないため".into()),
                    calendar: Some(Calendar::request(vec!["uid-1@example.jp".into()], now)),
                };
                let payload = serde_json::to_string(&m).unwrap();
                let r = render(kind, &payload, &settings).unwrap();
                assert!(r.subject.contains("H2026-00012"), "{kind}: {}", r.subject);
                for word in ["ストレス", "長時間", "stress", "hours", "面接指導"] {
                    assert!(!r.subject.contains(word), "{kind}: {}", r.subject);
                }
                assert!(!r.text.contains("今すぐ誰かに"), "{kind}");
                let (method, ics) = r.ics.expect("a calendar entry");
                assert_eq!(method, "PUBLISH");
                assert!(ics.contains(crate::mail::calendar::HEALTH_PRODID));
                assert!(
                    !ics.contains("ストレス") && !ics.contains("stress"),
                    "{ics}"
                );
                assert!(r.from_name.is_some());
            }
        }
    }

    #[test]
    fn the_received_mail_gives_the_due_date_and_says_when_the_estimate_is_later() {
        let settings = Settings::built_in();
        let mut m = HealthMail {
            lang: Lang::Ja,
            business_name: "株式会社 青葉製作所".into(),
            contact_name: "青葉 太郎".into(),
            number: "H2026-00012".into(),
            estimated_month: Some("2027-02".into()),
            due_on: NaiveDate::from_ymd_opt(2026, 12, 20),
            estimate_late: true,
            ..Default::default()
        };
        let r = m.render(HEALTH_RECEIVED, &settings).unwrap();
        assert!(r.text.contains("法令上の期限"), "{}", r.text);
        assert!(r.text.contains("2026年12月20日"), "{}", r.text);
        assert!(
            r.text.contains("センターはこのことを把握しており"),
            "{}",
            r.text
        );
        // The business and the person each on a line of their own.
        assert!(
            r.html.contains("株式会社 青葉製作所<br>青葉 太郎 様"),
            "{}",
            r.html
        );
        m.estimate_late = false;
        m.lang = Lang::En;
        let r = m.render(HEALTH_RECEIVED, &settings).unwrap();
        assert!(r.text.contains("Legal due date"), "{}", r.text);
        assert!(!r.text.contains("has been told"), "{}", r.text);
    }

    #[test]
    fn months_in_words() {
        assert_eq!(month_words("2027-02", Lang::Ja), "2027年2月");
        assert_eq!(month_words("2027-02", Lang::En), "February 2027");
    }
}
