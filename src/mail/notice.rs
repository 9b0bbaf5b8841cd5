//! The notice mails (`templates/mail/notice/`): a greeting, paragraphs,
//! details and links, then whom to ask. Every evening mail but the
//! confirmation is one, and so is every health centre mail.

use super::message::{Detail, Rendered};
use crate::domain::Lang;
use crate::i18n::{html_tag, texts, Texts};
use askama::Template;

/// What the notice templates show, in the mail's language.
pub struct NoticeFields {
    pub lang: Lang,
    pub subject: String,
    /// A line each: 「株式会社 青葉製作所」「青葉 太郎 様」.
    pub greeting: String,
    pub paragraphs: Vec<String>,
    pub details: Vec<Detail>,
    /// (words, address).
    pub links: Vec<(String, String)>,
    /// Whom to ask: 「お問い合わせ：…　電話 …（…）」.
    pub questions: String,
    /// Places to turn to now, a line each (none in the health centre's mails).
    pub contacts: Vec<String>,
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
    t: &'static Texts,
}

#[derive(Template)]
#[template(path = "mail/notice/body.html")]
struct NoticeHtml<'a> {
    v: &'a NoticeFields,
    t: &'static Texts,
    html_lang: &'static str,
}

impl NoticeFields {
    /// Subject, text and HTML from the notice templates.
    pub fn render(&self) -> Result<Rendered, String> {
        let err = |e: askama::Error| e.to_string();
        let t = texts(self.lang);
        let subject = NoticeSubject { v: self }.render().map_err(err)?;
        let text = NoticeText { v: self, t }.render().map_err(err)?;
        let html = NoticeHtml {
            v: self,
            t,
            html_lang: html_tag(self.lang),
        }
        .render()
        .map_err(err)?;
        Ok(Rendered::with_readings(&subject, &text, &html))
    }
}
