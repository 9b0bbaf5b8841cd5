//! Validated values parsed at the edge (名前, フリガナ, 電話番号, メールアドレス).
//! Once one of these exists it is valid; Japanese input is normal input:
//! full-width digits and letters, full-width spaces, hiragana for フリガナ.

use std::fmt;
use unicode_normalization::UnicodeNormalization;

/// Why a field was refused. The web layer words it in Japanese or English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldError {
    Required,
    TooLong {
        max: usize,
    },
    TooShort {
        min: usize,
    },
    ControlCharacters,
    KanaOnly,
    Phone,
    Email,
    Choice,
    ConsentRequired,
    NotANumber,
    WrongType,
    NoSuchSlot,
    /// Not a date (YYYY-MM-DD).
    Date,
    /// A date that has not come yet.
    FutureDate,
    /// A number outside `min..=max`.
    Range {
        min: u32,
        max: u32,
    },
    /// The same choice twice.
    Duplicate,
    /// 産業保健センター: the workplace is outside the area served.
    OutsideArea,
    /// 産業保健センター: the workplace has more than `max` workers.
    TooManyWorkers {
        max: u32,
    },
}

/// NFKC folds full-width ASCII (`０２２`, `ｔａｒｏ＠…`) and half-width katakana;
/// then runs of white space (including U+3000) collapse to one space.
pub fn normalize_text(raw: &str) -> String {
    let folded: String = raw.nfkc().collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Required text of at most `max` characters, normalised.
pub fn bounded(raw: &str, max: usize) -> Result<String, FieldError> {
    let value = normalize_text(raw);
    if value.is_empty() {
        return Err(FieldError::Required);
    }
    if value.chars().count() > max {
        return Err(FieldError::TooLong { max });
    }
    if value.chars().any(char::is_control) {
        return Err(FieldError::ControlCharacters);
    }
    Ok(value)
}

/// 氏名: what the person wants to be called; up to 50 characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonName(String);

impl PersonName {
    pub const MAX: usize = 50;
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        bounded(raw, Self::MAX).map(Self)
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// フリガナ in full-width katakana; hiragana is converted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameKana(String);

impl NameKana {
    pub const MAX: usize = 60;
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        let value: String = bounded(raw, Self::MAX)?
            .chars()
            .map(hiragana_to_katakana)
            .collect();
        let allowed = |c: char| {
            ('\u{30A1}'..='\u{30FA}').contains(&c) || matches!(c, 'ー' | '・' | 'ヽ' | 'ヾ' | ' ')
        };
        if value.chars().all(allowed) {
            Ok(Self(value))
        } else {
            Err(FieldError::KanaOnly)
        }
    }
    /// On English pages フリガナ is optional, and a reading in Latin letters
    /// (a foreign name as the person writes it) is accepted as it is.
    pub fn parse_optional_or_latin(raw: &str) -> Result<Self, FieldError> {
        if normalize_text(raw).is_empty() {
            return Ok(Self(String::new()));
        }
        Self::parse(raw).or_else(|kana| {
            let value = bounded(raw, Self::MAX)?;
            let latin = |c: char| {
                c.is_ascii_alphabetic()
                    || matches!(c, ' ' | '-' | '\'' | '.' | '’')
                    || ('\u{00C0}'..='\u{024F}').contains(&c)
            };
            if value.chars().all(latin) {
                Ok(Self(value))
            } else {
                Err(kana)
            }
        })
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

fn hiragana_to_katakana(c: char) -> char {
    match c {
        '\u{3041}'..='\u{3096}' | 'ゝ' | 'ゞ' => char::from_u32(c as u32 + 0x60).unwrap_or(c),
        _ => c,
    }
}

/// 電話番号: a Japanese number of 10 or 11 digits starting with 0, kept
/// with the hyphens the person wrote (`022-221-6870`), full-width folded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhoneNumber(String);

impl PhoneNumber {
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        let folded = normalize_text(raw);
        if folded.is_empty() {
            return Err(FieldError::Required);
        }
        let unified: String = folded
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| match c {
                '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' | 'ー' | '－' | 'ｰ' => {
                    '-'
                }
                other => other,
            })
            .collect();
        // +81 (Japan's country code) stands for the leading 0: +81 90-1234-5678.
        let unified = match unified.strip_prefix("+81") {
            Some(rest) => {
                let rest = rest.trim_start_matches('-');
                let rest = rest.strip_prefix("(0)").unwrap_or(rest);
                let rest = rest.trim_start_matches('-');
                format!("0{}", rest.strip_prefix('0').unwrap_or(rest))
            }
            None => unified,
        };
        let groups: Vec<&str> = unified.split('-').collect();
        let digits: String = groups.concat();
        let well_formed = groups
            .iter()
            .all(|g| !g.is_empty() && g.chars().all(|c| c.is_ascii_digit()));
        if !well_formed || !(10..=11).contains(&digits.len()) || !digits.starts_with('0') {
            return Err(FieldError::Phone);
        }
        Ok(Self(groups.join("-")))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
    /// Digits only, to compare two ways of writing one number.
    pub fn digits(&self) -> String {
        self.0.chars().filter(char::is_ascii_digit).collect()
    }
}

/// メールアドレス, validated by the mail library's own parser.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email(String);

impl Email {
    pub const MAX: usize = 254;
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        let value = normalize_text(raw);
        if value.is_empty() {
            return Err(FieldError::Required);
        }
        if value.len() > Self::MAX {
            return Err(FieldError::TooLong { max: Self::MAX });
        }
        let valid = !value.contains(' ')
            && value.parse::<lettre::Address>().is_ok()
            && value.rsplit_once('@').is_some_and(|(_, d)| d.contains('.'));
        if valid {
            Ok(Self(value))
        } else {
            Err(FieldError::Email)
        }
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// An optional free note, bounded; line breaks are kept.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Note(String);

impl Note {
    pub const MAX: usize = 400;
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        let folded: String = raw.nfkc().collect::<String>().replace("\r\n", "\n");
        let value = folded.trim().to_string();
        if value.chars().count() > Self::MAX {
            return Err(FieldError::TooLong { max: Self::MAX });
        }
        if value.chars().any(|c| c.is_control() && c != '\n') {
            return Err(FieldError::ControlCharacters);
        }
        Ok(Self(value))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

macro_rules! display_as_str {
    ($($t:ty),*) => {$(
        impl fmt::Display for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    )*};
}
display_as_str!(PersonName, NameKana, PhoneNumber, Email, Note);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reading_may_be_empty_or_latin_on_english_pages() {
        assert_eq!(NameKana::parse_optional_or_latin("").unwrap().as_str(), "");
        assert_eq!(
            NameKana::parse_optional_or_latin("せんだい")
                .unwrap()
                .as_str(),
            "センダイ"
        );
        assert_eq!(
            NameKana::parse_optional_or_latin("Nguyen Van An")
                .unwrap()
                .as_str(),
            "Nguyen Van An"
        );
        assert_eq!(
            NameKana::parse_optional_or_latin("José O'Neil-Pérez")
                .unwrap()
                .as_str(),
            "José O'Neil-Pérez"
        );
        assert_eq!(
            NameKana::parse_optional_or_latin("仙台"),
            Err(FieldError::KanaOnly)
        );
        assert_eq!(NameKana::parse(""), Err(FieldError::Required));
    }

    #[test]
    fn plus_81_stands_for_the_leading_zero() {
        for raw in [
            "+81 90-1234-5678",
            "+81-90-1234-5678",
            "+81 (0)90-1234-5678",
            "＋８１ ９０ １２３４ ５６７８",
            "+81 090-1234-5678",
        ] {
            assert_eq!(
                PhoneNumber::parse(raw).map(|p| p.digits()),
                Ok("09012345678".into()),
                "{raw}"
            );
        }
        assert_eq!(
            PhoneNumber::parse("+81 22-221-6870").unwrap().as_str(),
            "022-221-6870"
        );
        assert_eq!(PhoneNumber::parse("+1 555 0100"), Err(FieldError::Phone));
    }

    #[test]
    fn full_width_phone_is_normalised() {
        let p = PhoneNumber::parse("０２２－２２１－６８７０").unwrap();
        assert_eq!(p.as_str(), "022-221-6870");
        assert_eq!(
            PhoneNumber::parse("09012345678").unwrap().as_str(),
            "09012345678"
        );
        assert_eq!(
            PhoneNumber::parse(" 090 ‐ 1234 ‐ 5678 ").unwrap().as_str(),
            "090-1234-5678"
        );
        assert_eq!(
            PhoneNumber::parse("022ー221ー6870").unwrap().digits(),
            "0222216870"
        );
    }

    #[test]
    fn bad_phones_are_refused() {
        for bad in [
            "",
            "12345",
            "022-221-68700000",
            "1222216870",
            "022--221-6870",
            "０２２－abc",
        ] {
            assert!(PhoneNumber::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(PhoneNumber::parse("  "), Err(FieldError::Required));
    }

    #[test]
    fn hiragana_becomes_katakana() {
        assert_eq!(
            NameKana::parse("せんだい　たろう").unwrap().as_str(),
            "センダイ タロウ"
        );
        assert_eq!(
            NameKana::parse("ｾﾝﾀﾞｲ ﾀﾛｳ").unwrap().as_str(),
            "センダイ タロウ"
        );
        assert_eq!(
            NameKana::parse("ヴァーチャル・ゝ").unwrap().as_str(),
            "ヴァーチャル・ヽ"
        );
        assert_eq!(NameKana::parse("仙台"), Err(FieldError::KanaOnly));
        assert_eq!(NameKana::parse("Sendai"), Err(FieldError::KanaOnly));
    }

    #[test]
    fn names_are_bounded_and_trimmed() {
        assert_eq!(
            PersonName::parse("　仙台　 太郎 ").unwrap().as_str(),
            "仙台 太郎"
        );
        assert_eq!(
            PersonName::parse(&"長".repeat(50))
                .unwrap()
                .as_str()
                .chars()
                .count(),
            50
        );
        assert_eq!(
            PersonName::parse(&"長".repeat(51)),
            Err(FieldError::TooLong { max: 50 })
        );
        assert_eq!(PersonName::parse(""), Err(FieldError::Required));
    }

    #[test]
    fn emails() {
        assert_eq!(
            Email::parse("ｔａｒｏ＠example.jp").unwrap().as_str(),
            "taro@example.jp"
        );
        for bad in [
            "taro",
            "taro@",
            "@example.jp",
            "taro@localhost",
            "ta ro@example.jp",
        ] {
            assert_eq!(Email::parse(bad), Err(FieldError::Email), "{bad}");
        }
    }

    #[test]
    fn notes_keep_lines_and_refuse_controls() {
        assert_eq!(Note::parse(" a\r\nb ").unwrap().as_str(), "a\nb");
        assert_eq!(Note::parse("a\u{0007}"), Err(FieldError::ControlCharacters));
        assert!(Note::parse(&"x".repeat(401)).is_err());
    }
}
