//! 予約 (an evening booking) and the choices its form offers.

use super::values::{Email, FieldError, NameKana, Note, PersonName, PhoneNumber};
use std::collections::BTreeMap;

/// Defines a closed set of choices stored and exchanged as a short code.
macro_rules! choice {
    ($(#[$m:meta])* $name:ident { $($variant:ident = $code:literal),* $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($variant),* }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),*];
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),* }
            }
            pub fn parse(code: &str) -> Result<Self, $crate::domain::FieldError> {
                match code.trim() {
                    $($code => Ok($name::$variant),)*
                    "" => Err($crate::domain::FieldError::Required),
                    _ => Err($crate::domain::FieldError::Choice),
                }
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.code())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let code = String::deserialize(d)?;
                $name::parse(&code).map_err(|_| serde::de::Error::custom(format!("unknown code {code}")))
            }
        }
    };
}
pub(crate) use choice;

choice!(
    /// 相談員の職種: 弁護士 or 臨床心理士.
    Profession { Lawyer = "lawyer", Psychologist = "psychologist" }
);
choice!(
    /// 年代: asked only in bands, for the city's yearly figures.
    AgeBand {
        Under20 = "under_20",
        Twenties = "20s",
        Thirties = "30s",
        Forties = "40s",
        Fifties = "50s",
        Sixties = "60s",
        SeventyPlus = "70_plus",
        NoAnswer = "no_answer",
    }
);
choice!(
    /// 相談内容の分類 (what the trouble is mainly about).
    Topic {
        Workplace = "workplace",
        Family = "family",
        Money = "money",
        Relationships = "relationships",
        Health = "health",
        Other = "other",
    }
);
// `Lang`: one variant per folder of `locales/` (written by `build.rs`).
include!(concat!(env!("OUT_DIR"), "/lang.rs"));

/// The form as received, every field still text.
#[derive(Debug, Default, Clone, serde::Deserialize)]
#[serde(default)]
pub struct BookingInput {
    pub name: String,
    pub name_kana: String,
    pub phone: String,
    pub email: String,
    pub age_band: String,
    pub topic: String,
    pub note: String,
    pub consent: bool,
}

/// What a booking says about the person, every field valid.
#[derive(Debug, Clone)]
pub struct BookingDetails {
    pub name: PersonName,
    pub name_kana: NameKana,
    pub phone: PhoneNumber,
    /// None for a caller reached only by phone (電話連絡): no mail is sent.
    pub email: Option<Email>,
    pub age_band: AgeBand,
    pub topic: Topic,
    pub note: Note,
}

/// Field name → why it was refused.
pub type FieldErrors = BTreeMap<&'static str, FieldError>;

impl BookingInput {
    /// Checks every field and reports all problems at once.
    /// Every field checked at once. On English pages フリガナ is optional
    /// and may be in Latin letters.
    pub fn validate(&self, lang: Lang) -> Result<BookingDetails, FieldErrors> {
        self.check(lang, false)
    }

    /// As [`validate`](Self::validate), for a booking staff take by phone: a
    /// caller without an email address (電話連絡) may leave it empty.
    pub fn validate_by_phone(&self, lang: Lang) -> Result<BookingDetails, FieldErrors> {
        self.check(lang, true)
    }

    fn check(&self, lang: Lang, email_optional: bool) -> Result<BookingDetails, FieldErrors> {
        let mut errors = FieldErrors::new();
        let name = keep(&mut errors, "name", PersonName::parse(&self.name));
        let name_kana = keep(
            &mut errors,
            "name_kana",
            name_reading(&self.name_kana, lang),
        );
        let phone = keep(&mut errors, "phone", PhoneNumber::parse(&self.phone));
        let email = if email_optional && self.email.trim().is_empty() {
            Some(None)
        } else {
            keep(&mut errors, "email", Email::parse(&self.email)).map(Some)
        };
        let age_band = keep(&mut errors, "age_band", AgeBand::parse(&self.age_band));
        let topic = keep(&mut errors, "topic", Topic::parse(&self.topic));
        let note = keep(&mut errors, "note", Note::parse(&self.note));
        if !self.consent {
            errors.insert("consent", FieldError::ConsentRequired);
        }
        match (name, name_kana, phone, email, age_band, topic, note) {
            (
                Some(name),
                Some(name_kana),
                Some(phone),
                Some(email),
                Some(age_band),
                Some(topic),
                Some(note),
            ) if errors.is_empty() => Ok(BookingDetails {
                name,
                name_kana,
                phone,
                email,
                age_band,
                topic,
                note,
            }),
            _ => Err(errors),
        }
    }
}

/// Records the error of a field, if any, and passes the value on.
/// Whether フリガナ must be given: on Japanese pages it must (in kana); on
/// English pages it may be left empty or written in Latin letters.
pub fn reading_required(lang: Lang) -> bool {
    lang == Lang::Ja
}

/// フリガナ as the page's language asks for it.
pub fn name_reading(raw: &str, lang: Lang) -> Result<NameKana, FieldError> {
    if reading_required(lang) {
        NameKana::parse(raw)
    } else {
        NameKana::parse_optional_or_latin(raw)
    }
}

pub fn keep<T>(
    errors: &mut FieldErrors,
    field: &'static str,
    result: Result<T, FieldError>,
) -> Option<T> {
    result.map_err(|e| errors.insert(field, e)).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> BookingInput {
        BookingInput {
            name: "仙台 花子".into(),
            name_kana: "せんだい はなこ".into(),
            phone: "０９０－１２３４－５６７８".into(),
            email: "hanako@example.jp".into(),
            age_band: "30s".into(),
            topic: "workplace".into(),
            note: String::new(),
            consent: true,
        }
    }

    #[test]
    fn a_good_form_is_accepted_and_normalised() {
        let d = input().validate(Lang::Ja).unwrap();
        assert_eq!(d.name_kana.as_str(), "センダイ ハナコ");
        assert_eq!(d.phone.as_str(), "090-1234-5678");
        assert_eq!(d.topic, Topic::Workplace);
    }

    #[test]
    fn every_bad_field_is_reported() {
        let bad = BookingInput {
            consent: false,
            ..Default::default()
        };
        let errors = bad.validate(Lang::Ja).unwrap_err();
        let fields: Vec<_> = errors.keys().copied().collect();
        assert_eq!(
            fields,
            [
                "age_band",
                "consent",
                "email",
                "name",
                "name_kana",
                "phone",
                "topic"
            ]
        );
        let odd = BookingInput {
            topic: "gossip".into(),
            ..input()
        };
        assert_eq!(
            odd.validate(Lang::Ja).unwrap_err()["topic"],
            FieldError::Choice
        );
    }
}
