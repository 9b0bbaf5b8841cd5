//! The fields the booking and waitlist forms share: who the person is
//! (name, フリガナ, phone, email), the questions for the consultant (age
//! band, main topic), 「何で知りましたか」 and the summary of what was
//! refused.

use super::{field_label, ChoiceField, ChoiceOption, ErrorLine, TextField};
use crate::domain::booking::reading_required;
use crate::domain::outreach::SourceInput;
use crate::domain::{AgeBand, FieldErrors, Lang, Topic};
use crate::i18n::{age_band_label, field_message, texts, topic_label};

/// Name, フリガナ, phone and email, with what was typed and each field's message.
pub(super) fn person_fields(
    lang: Lang,
    value: impl Fn(&str) -> String,
    errors: &FieldErrors,
) -> Vec<TextField> {
    let t = texts(lang);
    let field =
        |name: &'static str, label, hint, kind, autocomplete, inputmode, maxlength| TextField {
            name,
            label,
            hint,
            kind,
            autocomplete,
            inputmode,
            maxlength,
            value: value(name),
            error: errors.get(name).map(|e| field_message(name, e, lang)),
            optional: name == "name_kana" && !reading_required(lang),
        };
    vec![
        field("name", t.name, t.name_hint, "text", "name", "", 50),
        field(
            "name_kana",
            t.name_kana,
            t.name_kana_hint,
            "text",
            "off",
            "",
            60,
        ),
        field("phone", t.phone, t.phone_hint, "tel", "tel", "tel", 20),
        field(
            "email",
            t.email,
            t.email_hint,
            "email",
            "email",
            "email",
            254,
        ),
    ]
}

/// Age band and main topic, with the codes chosen so far.
pub(super) fn question_fields(
    lang: Lang,
    age_band: &str,
    topic: &str,
    errors: &FieldErrors,
) -> Vec<ChoiceField> {
    let t = texts(lang);
    let message = |name: &str| errors.get(name).map(|e| field_message(name, e, lang));
    vec![
        ChoiceField {
            name: "age_band",
            label: t.age_band,
            hint: "",
            options: AgeBand::ALL
                .iter()
                .map(|a| ChoiceOption {
                    code: a.code().to_string(),
                    label: age_band_label(*a, lang).to_string(),
                    checked: age_band == a.code(),
                })
                .collect(),
            error: message("age_band"),
        },
        ChoiceField {
            name: "topic",
            label: t.topic,
            hint: t.topic_hint,
            options: Topic::ALL
                .iter()
                .map(|x| ChoiceOption {
                    code: x.code().to_string(),
                    label: topic_label(*x, lang).to_string(),
                    checked: topic == x.code(),
                })
                .collect(),
            error: message("topic"),
        },
    ]
}

/// The error summary's lines, in the order the form asks its fields.
pub(super) fn error_lines(
    order: &[&'static str],
    errors: &FieldErrors,
    lang: Lang,
) -> Vec<ErrorLine> {
    let t = texts(lang);
    order
        .iter()
        .filter_map(|f| {
            errors.get(f).map(|e| ErrorLine {
                field: f,
                label: field_label(t, f),
                message: field_message(f, e, lang),
            })
        })
        .collect()
}

/// 「この相談会を何で知りましたか」, optional: the configured answers, in
/// the page's language (やさしい日本語 shows the Japanese).
pub(super) fn heard_from_field(
    settings: &crate::config::Settings,
    lang: Lang,
    question: &'static str,
    chosen: &str,
    errors: &FieldErrors,
) -> ChoiceField {
    let t = texts(lang);
    ChoiceField {
        name: "heard_from",
        label: question,
        hint: t.heard_from_hint,
        options: settings
            .outreach
            .heard_from
            .iter()
            .map(|c| ChoiceOption {
                code: c.code.clone(),
                label: crate::i18n::configured(lang, &c.name, &c.name_en).to_string(),
                checked: chosen == c.code,
            })
            .collect(),
        error: errors
            .get("heard_from")
            .map(|e| field_message("heard_from", e, lang)),
    }
}

/// Where a public form's request came from: its answer to 「何で知りました
/// か」, and the channel of its hidden field or of the link that led here.
pub(super) fn form_source(value: impl Fn(&str) -> String) -> SourceInput {
    let channel = value("src");
    SourceInput {
        heard_from: value("heard_from"),
        channel: if channel.is_empty() {
            super::RequestContext::current().channel.unwrap_or_default()
        } else {
            channel
        },
    }
}
