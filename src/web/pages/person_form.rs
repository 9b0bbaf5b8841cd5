//! The fields the booking and waitlist forms share: who the person is
//! (name, フリガナ, phone, email), the questions for the consultant (age
//! band, main topic) and the summary of what was refused.

use super::{field_label, ChoiceField, ChoiceOption, ErrorLine, TextField};
use crate::domain::booking::reading_required;
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
