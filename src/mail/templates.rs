//! Mail templates (`templates/mail/<kind>/`): subject, plain text and HTML.
//! The outbox keeps each mail as its kind and a JSON payload
//! ([`EveningMail`]); it is rendered when sent. Subjects never name the
//! profession or the topic: a mailbox may be shared.

use super::calendar::{self, Calendar};
use crate::config::Settings;
use crate::domain::time::{format_time, to_jst};
use crate::domain::token::Token;
use crate::domain::{Lang, Profession};
use crate::i18n::dates::{format_date, format_datetime};
use crate::i18n::profession_label;
use crate::store::OutgoingMail;
use askama::Template;
use chrono::{DateTime, Utc};

pub const BOOKING_CONFIRMED: &str = "booking_confirmed";
pub const BOOKING_CANCELLED: &str = "booking_cancelled";
pub const BOOKING_CHANGED: &str = "booking_changed";
pub const WAITLIST_JOINED: &str = "waitlist_joined";
pub const OFFER_MADE: &str = "offer_made";
pub const OFFER_EXPIRED: &str = "offer_expired";
pub const REMINDER: &str = "reminder";
pub const SESSION_CANCELLED: &str = "session_cancelled";

/// A place to turn to, in the mail's language.
pub struct ContactLine {
    pub name: String,
    pub phone: String,
    pub hours: String,
}

/// One slot as a mail shows it.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct MailSlot {
    pub profession: Profession,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
}

/// What an evening mail is written from: kept in the outbox as JSON.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct EveningMail {
    pub lang: Lang,
    pub name: String,
    pub slots: Vec<MailSlot>,
    pub venue: String,
    /// The manage-link token (booking or waitlist entry): in the outbox
    /// only until the mail is sent.
    pub token: Option<String>,
    /// The accept/decline link token of an offer.
    pub offer_token: Option<String>,
    pub expires_at: Option<DateTime<Utc>>,
    /// Place on the waitlist.
    pub position: Option<usize>,
    /// What a waitlist entry waits for: the profession, and the evening
    /// (`None`: the next evening with a free slot).
    #[serde(default)]
    pub waiting_for: Option<(Profession, Option<DateTime<Utc>>)>,
    /// The slot a booking was moved from.
    pub previous: Option<MailSlot>,
    /// The calendar entry to attach, if any.
    pub calendar: Option<Calendar>,
    /// Send only while this booking is still confirmed at this start time
    /// (a reminder of a booking since cancelled or moved is skipped).
    pub while_booked: Option<(i64, DateTime<Utc>)>,
}

#[allow(clippy::derivable_impls)]
impl Default for Lang {
    fn default() -> Lang {
        Lang::Ja
    }
}

#[allow(clippy::derivable_impls)]
impl Default for Profession {
    fn default() -> Profession {
        Profession::Lawyer
    }
}

/// A mail ready for the transport.
#[derive(Debug, Clone)]
pub struct Rendered {
    pub subject: String,
    pub text: String,
    pub html: String,
    /// A calendar entry: (method, .ics text).
    pub ics: Option<(String, String)>,
    /// The sender's name, when not the configured one.
    pub from_name: Option<String>,
}

/// A slot in words.
pub struct SlotWords {
    pub when: String,
    pub until: String,
    pub profession: String,
}

/// What the confirmation templates show.
pub struct ConfirmedFields {
    pub en: bool,
    pub subject: String,
    pub date: String,
    pub name: String,
    pub title: String,
    pub slots: Vec<SlotWords>,
    pub venue: String,
    pub bring: String,
    pub manage_url: String,
    pub office_name: String,
    pub office_phone: String,
    pub office_hours: String,
    pub contacts: Vec<ContactLine>,
}

/// What the notice templates show: a greeting, paragraphs, details, links.
pub struct NoticeFields {
    pub en: bool,
    pub subject: String,
    pub greeting: String,
    pub paragraphs: Vec<String>,
    pub details: Vec<(String, String)>,
    pub links: Vec<(String, String)>,
    pub office_name: String,
    pub office_phone: String,
    pub office_hours: String,
    pub contacts: Vec<ContactLine>,
}

#[derive(Template)]
#[template(path = "mail/booking_confirmed/subject.txt")]
struct ConfirmedSubject<'a> {
    v: &'a ConfirmedFields,
}

#[derive(Template)]
#[template(path = "mail/booking_confirmed/body.txt")]
struct ConfirmedText<'a> {
    v: &'a ConfirmedFields,
}

#[derive(Template)]
#[template(path = "mail/booking_confirmed/body.html")]
struct ConfirmedHtml<'a> {
    v: &'a ConfirmedFields,
}

#[derive(Template)]
#[template(path = "mail/notice/subject.txt")]
struct NoticeSubject<'a> {
    v: &'a NoticeFields,
}

#[derive(Template)]
#[template(path = "mail/notice/body.txt")]
struct NoticeText<'a> {
    v: &'a NoticeFields,
}

#[derive(Template)]
#[template(path = "mail/notice/body.html")]
struct NoticeHtml<'a> {
    v: &'a NoticeFields,
}

/// A Message-ID unique to one mail, so that receivers can tell a resend.
pub fn new_message_id(settings: &Settings) -> String {
    let domain = settings
        .mail
        .from_address
        .rsplit_once('@')
        .map(|(_, d)| d)
        .unwrap_or("tsunagu.invalid");
    format!("<{}@{}>", Token::generate().as_str(), domain)
}

/// The link a person manages their booking (or waitlist place) with.
pub fn manage_url(settings: &Settings, token: &str) -> String {
    format!("{}/manage/{}", settings.public_url(), token)
}

/// The link a person answers an offer with.
pub fn offer_url(settings: &Settings, token: &str) -> String {
    format!("{}/offers/{}", settings.public_url(), token)
}

impl EveningMail {
    /// Queues this mail, of `kind`, to `recipient`.
    pub fn queue(&self, kind: &'static str, recipient: &str, settings: &Settings) -> OutgoingMail {
        OutgoingMail {
            kind,
            message_id: new_message_id(settings),
            recipient: recipient.to_string(),
            payload: serde_json::to_string(self).expect("an evening mail serialises"),
        }
    }

    fn en(&self) -> bool {
        self.lang == Lang::En
    }

    fn pick(&self, ja: &str, en: &str) -> String {
        if self.en() { en } else { ja }.to_string()
    }

    fn words(&self, slot: &MailSlot) -> SlotWords {
        SlotWords {
            when: format_datetime(slot.starts_at, self.lang),
            until: format_time(slot.ends_at),
            profession: profession_label(slot.profession, self.lang).to_string(),
        }
    }

    fn date(&self) -> String {
        self.slots
            .first()
            .map(|s| format_date(to_jst(s.starts_at).date_naive(), self.lang))
            .unwrap_or_default()
    }

    fn contacts(&self, settings: &Settings) -> Vec<ContactLine> {
        settings
            .crisis_contacts
            .iter()
            .map(|c| ContactLine {
                name: self.pick(&c.name, &c.name_en),
                phone: c.phone.clone(),
                hours: self.pick(&c.hours, &c.hours_en),
            })
            .collect()
    }

    fn venue(&self, settings: &Settings) -> String {
        if self.en() {
            settings.evening.venue_en.clone()
        } else {
            self.venue.clone()
        }
    }

    fn render_confirmed(&self, settings: &Settings) -> Result<Rendered, String> {
        let (office, evening) = (&settings.office, &settings.evening);
        let mut v = ConfirmedFields {
            en: self.en(),
            subject: String::new(),
            date: self.date(),
            name: self.name.clone(),
            title: self.pick(&evening.title, &evening.title_en),
            slots: self.slots.iter().map(|s| self.words(s)).collect(),
            venue: self.venue(settings),
            bring: self.pick(&evening.bring, &evening.bring_en),
            manage_url: manage_url(settings, self.token.as_deref().ok_or("no manage token")?),
            office_name: self.pick(&office.name, &office.name_en),
            office_phone: office.phone.clone(),
            office_hours: self.pick(&office.hours, &office.hours_en),
            contacts: self.contacts(settings),
        };
        let err = |e: askama::Error| e.to_string();
        v.subject = ConfirmedSubject { v: &v }
            .render()
            .map_err(err)?
            .trim()
            .to_string();
        Ok(Rendered {
            text: ConfirmedText { v: &v }.render().map_err(err)?,
            html: ConfirmedHtml { v: &v }.render().map_err(err)?,
            subject: v.subject,
            ics: self.ics(settings),
            from_name: None,
        })
    }

    fn ics(&self, settings: &Settings) -> Option<(String, String)> {
        let cal = self.calendar.as_ref()?;
        let summary = self.pick("相談会のご予約", "Consultation booking");
        let text = calendar::render(
            cal,
            calendar::EVENING_PRODID,
            &self.slots,
            &summary,
            &self.venue(settings),
            &calendar::Organizer {
                name: &settings.mail.from_name,
                address: &settings.mail.from_address,
            },
            Utc::now(),
        );
        Some((calendar::METHOD.to_string(), text))
    }

    fn slot_details(&self, settings: &Settings) -> Vec<(String, String)> {
        let mut details = Vec::new();
        let to = if self.en() { "–" } else { "〜" };
        for slot in &self.slots {
            let w = self.words(slot);
            details.push((
                self.pick("日時", "Date and time"),
                format!("{}{to}{}", w.when, w.until),
            ));
            details.push((self.pick("相談員", "Consultant"), w.profession));
        }
        if !self.slots.is_empty() {
            details.push((self.pick("会場", "Venue"), self.venue(settings)));
        }
        details
    }

    /// The notice mails: cancelled, changed, waitlist joined, offer made, offer expired.
    fn render_notice(&self, kind: &str, settings: &Settings) -> Result<Rendered, String> {
        let date = self.date();
        let manage = self.token.as_deref().map(|t| manage_url(settings, t));
        let mut links = Vec::new();
        let mut details = self.slot_details(settings);
        let (subject, paragraphs) = match kind {
            BOOKING_CANCELLED => (
                self.pick(
                    &format!("【仙台市】相談会のご予約のキャンセルを承りました（{date}）"),
                    &format!("Your consultation booking is cancelled: {date} (Sendai City)"),
                ),
                vec![
                    self.pick("次のご予約のキャンセルを承りました。", "The following booking is cancelled."),
                    self.pick(
                        "またご相談が必要になったときは、いつでもお申し込みください。",
                        "Whenever you need to talk, you are welcome to book again.",
                    ),
                ],
            ),
            BOOKING_CHANGED => {
                if let Some(previous) = &self.previous {
                    let w = self.words(previous);
                    let to = if self.en() { "–" } else { "〜" };
                    details.insert(0, (self.pick("変更前", "Before"), format!("{}{to}{} {}", w.when, w.until, w.profession)));
                }
                if let Some(url) = &manage {
                    links.push((self.pick("ご予約の確認・変更・キャンセル", "See, change or cancel your booking"), url.clone()));
                }
                (
                    self.pick(
                        &format!("【仙台市】相談会のご予約の変更を承りました（{date}）"),
                        &format!("Your consultation booking has changed: {date} (Sendai City)"),
                    ),
                    vec![self.pick("ご予約を次のとおり変更しました。", "Your booking is now as follows.")],
                )
            }
            WAITLIST_JOINED => {
                let place = self.position.unwrap_or(1);
                if let Some((profession, evening)) = self.waiting_for {
                    let evening = match evening {
                        Some(at) => format_date(to_jst(at).date_naive(), self.lang),
                        None => self.pick("どの日でもよい（次に空きが出た回）", "Any evening (the next free slot)"),
                    };
                    details.push((self.pick("希望する相談会", "Evening"), evening));
                    details.push((self.pick("相談員", "Consultant"), profession_label(profession, self.lang).to_string()));
                }
                details.push((self.pick("現在の順番", "Your place"), self.pick(&format!("{place}番目"), &format!("{place}"))));
                if let Some(url) = &manage {
                    links.push((self.pick("順番の確認・登録の取り消し", "See your place or leave the waitlist"), url.clone()));
                }
                (
                    self.pick("【仙台市】相談会のキャンセル待ちに登録しました", "You are on the consultation waitlist (Sendai City)"),
                    vec![
                        self.pick(
                            "キャンセル待ちに登録しました。枠が空いたら、登録の順にメールでご案内します。",
                            "You are on the waitlist. When a slot is freed, we offer it by mail, in the order people joined.",
                        ),
                        self.pick(
                            "ご案内のメールには返事の期限があります。期限までにお返事がない場合は、次の方にご案内します。",
                            "An offer must be answered by its deadline; after that it goes to the next person.",
                        ),
                    ],
                )
            }
            OFFER_MADE => {
                let deadline = self.expires_at.map(|t| format_datetime(t, self.lang)).unwrap_or_default();
                details.push((self.pick("お返事の期限", "Answer by"), deadline.clone()));
                let url = offer_url(settings, self.offer_token.as_deref().ok_or("no offer token")?);
                links.push((self.pick("この枠を予約する・辞退する", "Accept or decline this slot"), url));
                (
                    self.pick(
                        &format!("【仙台市】相談会の枠が空きました（{date}）"),
                        &format!("A consultation slot is free for you: {date} (Sendai City)"),
                    ),
                    vec![
                        self.pick(
                            "キャンセル待ちにご登録いただいた相談会に空きが出ました。次の枠をお取りしています。",
                            "A slot you were waiting for has been freed, and we are holding it for you.",
                        ),
                        self.pick(
                            &format!("{deadline}までに、次のリンクから予約するか辞退するかをお選びください。期限を過ぎると、次の方にご案内します。"),
                            &format!("Please accept or decline it by {deadline} with the link below. After that it goes to the next person."),
                        ),
                    ],
                )
            }
            SESSION_CANCELLED => (
                self.pick(
                    &format!("【仙台市】相談会の中止のお知らせ（{date}）"),
                    &format!("The consultation evening on {date} is cancelled (Sendai City)"),
                ),
                vec![
                    self.pick(
                        "誠に申し訳ありませんが、ご予約いただいていた相談会は中止となりました。ご予約は取り消されています。",
                        "We are sorry: the consultation evening you booked has been cancelled, and so has your booking.",
                    ),
                    self.pick(
                        "別の日程をご希望の場合は、あらためてご予約ください。ご不明な点はお問い合わせください。",
                        "Please book another evening if you wish. Call us with any question.",
                    ),
                ],
            ),
            REMINDER => {
                if let Some(url) = &manage {
                    links.push((
                        self.pick("ご予約の確認・変更・キャンセル（来られなくなった場合）", "See, change or cancel your booking (if you cannot come)"),
                        url.clone(),
                    ));
                }
                (
                    self.pick(
                        &format!("【仙台市】相談会のご予約日が近づいています（{date}）"),
                        &format!("Reminder: your consultation on {date} (Sendai City)"),
                    ),
                    vec![
                        self.pick("ご予約の日時が近づいてまいりましたので、お知らせします。", "This is a reminder of your booking."),
                        self.pick(
                            "ご都合が悪くなった場合は、次のリンクからキャンセルしてください。空いた枠を次の方にご案内します。",
                            "If you cannot come, please cancel with the link below, so that the slot can go to someone else.",
                        ),
                    ],
                )
            }
            OFFER_EXPIRED => (
                self.pick("【仙台市】相談会の空き枠のご案内の期限が過ぎました", "Your consultation offer has expired (Sendai City)"),
                vec![
                    self.pick(
                        "お返事の期限が過ぎたため、お取りしていた枠は次の方にご案内しました。",
                        "The deadline has passed, so the slot we held for you has gone to the next person.",
                    ),
                    self.pick(
                        "引き続き相談を希望される場合は、空いている枠をご予約いただくか、もう一度キャンセル待ちにご登録ください。",
                        "If you still wish to talk to someone, please book a free slot or join the waitlist again.",
                    ),
                ],
            ),
            other => return Err(format!("unknown mail kind {other}")),
        };
        let office = &settings.office;
        let v = NoticeFields {
            en: self.en(),
            subject,
            greeting: self.pick(
                &format!("{} 様", self.name),
                &format!("Dear {},", self.name),
            ),
            paragraphs,
            details,
            links,
            office_name: self.pick(&office.name, &office.name_en),
            office_phone: office.phone.clone(),
            office_hours: self.pick(&office.hours, &office.hours_en),
            contacts: self.contacts(settings),
        };
        let mut rendered = v.render()?;
        rendered.ics = self.ics(settings);
        Ok(rendered)
    }
}

impl NoticeFields {
    /// Subject, text and HTML from the notice templates.
    pub fn render(&self) -> Result<Rendered, String> {
        let err = |e: askama::Error| e.to_string();
        Ok(Rendered {
            subject: NoticeSubject { v: self }
                .render()
                .map_err(err)?
                .trim()
                .to_string(),
            text: NoticeText { v: self }.render().map_err(err)?,
            html: NoticeHtml { v: self }.render().map_err(err)?,
            ics: None,
            from_name: None,
        })
    }
}

/// What a queued mail depends on: sent only while it still holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Guard {
    /// The booking is confirmed at this start.
    Booking(i64, DateTime<Utc>),
    /// The health interview is live at this start.
    Interview(i64, DateTime<Utc>),
}

/// What a queued mail depends on, if anything.
pub fn guard(kind: &str, payload: &str) -> Option<Guard> {
    if super::health::is_health(kind) {
        return super::health::guard(payload);
    }
    serde_json::from_str::<EveningMail>(payload)
        .ok()?
        .while_booked
        .map(|(id, at)| Guard::Booking(id, at))
}

/// Renders a queued mail from its kind and payload.
pub fn render(kind: &str, payload: &str, settings: &Settings) -> Result<Rendered, String> {
    if super::health::is_health(kind) {
        return super::health::render(kind, payload, settings);
    }
    let mail: EveningMail =
        serde_json::from_str(payload).map_err(|e| format!("payload of {kind}: {e}"))?;
    match kind {
        BOOKING_CONFIRMED => mail.render_confirmed(settings),
        other => mail.render_notice(other, settings),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::time::jst_instant;
    use chrono::{NaiveDate, NaiveTime};

    fn sample(lang: Lang, name: &str) -> EveningMail {
        let settings = Settings::built_in();
        let date = NaiveDate::from_ymd_opt(2027, 1, 13).unwrap();
        EveningMail {
            lang,
            name: name.to_string(),
            slots: vec![MailSlot {
                profession: Profession::Psychologist,
                starts_at: jst_instant(date, NaiveTime::from_hms_opt(18, 30, 0).unwrap()),
                ends_at: jst_instant(date, NaiveTime::from_hms_opt(19, 20, 0).unwrap()),
            }],
            venue: settings.evening.venue.clone(),
            token: Some(Token::generate().as_str().to_string()),
            offer_token: Some(Token::generate().as_str().to_string()),
            expires_at: Some(jst_instant(
                date - chrono::Duration::days(3),
                NaiveTime::from_hms_opt(12, 0, 0).unwrap(),
            )),
            position: Some(3),
            waiting_for: Some((Profession::Psychologist, None)),
            previous: None,
            calendar: None,
            while_booked: None,
        }
    }

    #[test]
    fn every_notice_renders_in_both_languages_without_naming_the_profession_in_the_subject() {
        let settings = Settings::built_in();
        for kind in [
            BOOKING_CANCELLED,
            BOOKING_CHANGED,
            WAITLIST_JOINED,
            OFFER_MADE,
            OFFER_EXPIRED,
        ] {
            for lang in [Lang::Ja, Lang::En] {
                let m = sample(lang, "仙台 花子");
                let r = render(
                    kind,
                    &m.queue(kind, "a@example.jp", &settings).payload,
                    &settings,
                )
                .unwrap();
                assert!(!r.subject.is_empty());
                for word in ["心理", "弁護", "psycholog", "lawyer"] {
                    assert!(
                        !r.subject.to_lowercase().contains(word),
                        "{kind}: {}",
                        r.subject
                    );
                }
                assert!(r.text.contains("仙台 花子"));
                assert!(r.html.contains("仙台 花子"));
            }
        }
        let offer = render(
            OFFER_MADE,
            &sample(Lang::Ja, "A")
                .queue(OFFER_MADE, "a@example.jp", &settings)
                .payload,
            &settings,
        )
        .unwrap();
        assert!(offer.text.contains("/offers/"), "{}", offer.text);
        assert!(
            offer.text.contains("2027年1月10日(日) 12:00"),
            "the deadline: {}",
            offer.text
        );
        let joined = render(
            WAITLIST_JOINED,
            &sample(Lang::Ja, "A")
                .queue(WAITLIST_JOINED, "a@example.jp", &settings)
                .payload,
            &settings,
        )
        .unwrap();
        assert!(joined.text.contains("3番目"));
    }

    fn mail(lang: Lang, name: &str) -> Rendered {
        let settings = Settings::built_in();
        let queued = sample(lang, name).queue(BOOKING_CONFIRMED, "hanako@example.jp", &settings);
        assert_eq!(queued.kind, BOOKING_CONFIRMED);
        render(queued.kind, &queued.payload, &settings).unwrap()
    }

    #[test]
    fn japanese_confirmation_says_when_where_and_how_to_cancel() {
        let m = mail(Lang::Ja, "仙台 花子");
        assert_eq!(
            m.subject,
            "【仙台市】相談会のご予約を受け付けました（2027年1月13日(水)）"
        );
        assert!(m.text.starts_with("仙台 花子 様"));
        assert!(m.text.contains("日時：2027年1月13日(水) 18:30〜19:20"));
        assert!(m.text.contains("相談員：臨床心理士"));
        assert!(m.text.contains("/manage/"));
        assert!(m.text.contains("022-718-4343"));
        assert!(m.html.contains("<html lang=\"ja\">"));
    }

    #[test]
    fn subjects_reveal_neither_profession_nor_topic() {
        for lang in [Lang::Ja, Lang::En] {
            let m = mail(lang, "A");
            for word in ["心理", "弁護", "psycholog", "lawyer", "mental", "こころ"] {
                assert!(
                    !m.subject.to_lowercase().contains(word),
                    "{word} in {}",
                    m.subject
                );
            }
        }
        assert_eq!(
            mail(Lang::En, "A").subject,
            "Your consultation booking: Wed 13 January 2027 (Sendai City)"
        );
    }

    #[test]
    fn unknown_kinds_and_bad_payloads_are_errors_not_panics() {
        let settings = Settings::built_in();
        assert!(render("no_such_kind", "{}", &settings).is_err());
        assert!(
            render(BOOKING_CONFIRMED, "{}", &settings).is_err(),
            "no manage token"
        );
        assert!(render(BOOKING_CONFIRMED, "[1]", &settings).is_err());
    }

    #[test]
    fn html_is_escaped_and_text_is_not() {
        let m = mail(Lang::Ja, "<b>&太郎</b>");
        assert!(m.html.contains("&#60;b&#62;&#38;太郎") || m.html.contains("&lt;b&gt;&amp;太郎"));
        assert!(!m.html.contains("<b>&太郎"));
        assert!(m.text.starts_with("<b>&太郎</b> 様"));
    }
}
