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
    /// Control characters (NUL, ESC, BEL, DEL, …); a line break outside a
    /// multi-line note.
    ControlCharacters,
    /// Characters that are not seen but change what is shown: direction
    /// overrides (U+202E), zero-width characters, a BOM.
    InvisibleCharacters,
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

/// Characters that reorder the text around them when shown (bidirectional
/// embeddings, overrides and isolates): refused in every text field, since
/// they make a day sheet or a CSV line read otherwise than it is.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Characters that are not seen (direction marks, zero-width characters,
/// the BOM, the soft hyphen, tag characters): refused in names and other
/// one-line text, where two names that look alike must be alike.
pub fn is_invisible(c: char) -> bool {
    is_bidi_control(c)
        || matches!(
            c,
            '\u{00AD}'
                | '\u{034F}'
                | '\u{061C}'
                | '\u{115F}'
                | '\u{1160}'
                | '\u{17B4}'
                | '\u{17B5}'
                | '\u{180B}'..='\u{180F}'
                | '\u{200B}'..='\u{200F}'
                | '\u{2060}'..='\u{2064}'
                | '\u{206A}'..='\u{206F}'
                | '\u{3164}'
                | '\u{FEFF}'
                | '\u{FFA0}'
                | '\u{FFF9}'..='\u{FFFB}'
                | '\u{E0000}'..='\u{E007F}'
        )
}

/// Refuses what no text field takes, before anything is folded: control
/// characters (a line break only where `multiline`) and direction overrides.
pub fn check_characters(raw: &str, multiline: bool) -> Result<(), FieldError> {
    if raw
        .chars()
        .any(|c| c.is_control() && !(multiline && matches!(c, '\n' | '\r')))
    {
        return Err(FieldError::ControlCharacters);
    }
    if raw.chars().any(is_bidi_control) {
        return Err(FieldError::InvisibleCharacters);
    }
    Ok(())
}

/// Required one-line text of at most `max` characters, normalised.
pub fn bounded(raw: &str, max: usize) -> Result<String, FieldError> {
    let value = optional_text(raw, max)?;
    if value.is_empty() {
        return Err(FieldError::Required);
    }
    Ok(value)
}

/// One-line text that may be left empty, at most `max` characters, normalised.
pub fn optional_text(raw: &str, max: usize) -> Result<String, FieldError> {
    check_characters(raw, false)?;
    if raw.chars().any(is_invisible) {
        return Err(FieldError::InvisibleCharacters);
    }
    let value = normalize_text(raw);
    if value.chars().count() > max {
        return Err(FieldError::TooLong { max });
    }
    Ok(value)
}

/// Text typed in a box of several lines, its line breaks folded into
/// spaces; empty is allowed.
pub fn folded_lines(raw: &str, max: usize) -> Result<String, FieldError> {
    check_characters(raw, true)?;
    let value = normalize_text(raw);
    if value.chars().count() > max {
        return Err(FieldError::TooLong { max });
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

/// メールアドレス, validated by the mail library's own parser. Older
/// docomo and au addresses whose local part has two dots in a row or ends
/// in a dot (`yamada..taro@docomo.ne.jp`, `taro.@ezweb.ne.jp`) are
/// deliverable and accepted: they are kept as typed, and sent with the local
/// part quoted (see [`Email::wire`]), as RFC 5322 allows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email(String);

impl Email {
    pub const MAX: usize = 254;
    /// The longest local part SMTP carries (RFC 5321).
    pub const LOCAL_MAX: usize = 64;
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        check_characters(raw, false)?;
        let value = normalize_text(raw);
        if value.is_empty() {
            return Err(FieldError::Required);
        }
        if value.len() > Self::MAX {
            return Err(FieldError::TooLong { max: Self::MAX });
        }
        let valid = !value.contains(' ')
            && value.rsplit_once('@').is_some_and(|(local, domain)| {
                local.len() <= Self::LOCAL_MAX && domain.contains('.')
            })
            && wire_address(&value).is_some();
        if valid {
            Ok(Self(value))
        } else {
            Err(FieldError::Email)
        }
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
    /// The address as written on the wire: as typed, or with its local
    /// part quoted when it is not a plain dot-atom.
    pub fn wire(&self) -> String {
        wire_address(&self.0).unwrap_or_else(|| self.0.clone())
    }
}

/// An address as the mail library takes it: `taro@example.jp` as it is,
/// `yamada..taro@docomo.ne.jp` as `"yamada..taro"@docomo.ne.jp`. `None`
/// when it cannot be delivered either way. Quoting is offered only to local
/// parts of the characters a mail address may hold unquoted (letters,
/// digits, dots, `!#$%&'*+-/=?^_`{|}~`): a space, a quote or `@` stays refused.
pub fn wire_address(address: &str) -> Option<String> {
    if address.parse::<lettre::Address>().is_ok() {
        return Some(address.to_string());
    }
    let (local, domain) = address.rsplit_once('@')?;
    let atext = |c: char| c.is_ascii_alphanumeric() || "!#$%&'*+-/=?^_`{|}~.".contains(c);
    if local.is_empty() || !local.chars().all(atext) {
        return None;
    }
    let quoted = format!("\"{local}\"@{domain}");
    quoted.parse::<lettre::Address>().ok().map(|_| quoted)
}

/// An optional free note, bounded; line breaks are kept.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Note(String);

impl Note {
    pub const MAX: usize = 400;
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        check_characters(raw, true)?;
        let folded: String = raw
            .nfkc()
            .collect::<String>()
            .replace("\r\n", "\n")
            .replace('\r', "\n");
        let value = folded.trim().to_string();
        if value.chars().count() > Self::MAX {
            return Err(FieldError::TooLong { max: Self::MAX });
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
            "ta\"ro@example.jp",
            "taro@@example.jp",
            "taro@exa mple.jp",
            "taro@example..jp",
            "taro@-example.jp",
            "(taro)@example.jp",
            "日本@example.jp\u{202E}",
        ] {
            assert!(Email::parse(bad).is_err(), "{bad}");
        }
        let long_local = format!("{}@example.jp", "a".repeat(65));
        assert_eq!(Email::parse(&long_local), Err(FieldError::Email));
    }

    #[test]
    fn older_carrier_addresses_are_accepted_and_quoted_on_the_wire() {
        for (typed, wire) in [
            ("yamada..taro@docomo.ne.jp", "\"yamada..taro\"@docomo.ne.jp"),
            ("taro.@ezweb.ne.jp", "\"taro.\"@ezweb.ne.jp"),
            (".taro@docomo.ne.jp", "\".taro\"@docomo.ne.jp"),
            ("taro@example.jp", "taro@example.jp"),
        ] {
            let e = Email::parse(typed).unwrap();
            assert_eq!(e.as_str(), typed);
            assert_eq!(e.wire(), wire);
            assert!(e.wire().parse::<lettre::Address>().is_ok());
        }
    }

    #[test]
    fn controls_are_refused_in_every_text() {
        for c in ['\0', '\u{1b}', '\u{7}', '\u{7f}', '\u{85}', '\t'] {
            let raw = format!("仙台{c}太郎");
            assert_eq!(PersonName::parse(&raw), Err(FieldError::ControlCharacters));
            assert_eq!(bounded(&raw, 50), Err(FieldError::ControlCharacters));
            assert_eq!(Note::parse(&raw), Err(FieldError::ControlCharacters));
            assert_eq!(folded_lines(&raw, 50), Err(FieldError::ControlCharacters));
        }
        // A line break only in a box of several lines.
        assert_eq!(
            PersonName::parse("仙台\n太郎"),
            Err(FieldError::ControlCharacters)
        );
        assert_eq!(folded_lines("月曜\r\n午後", 50).unwrap(), "月曜 午後");
        assert_eq!(Note::parse("a\rb").unwrap().as_str(), "a\nb");
    }

    #[test]
    fn invisible_characters_are_refused_in_names() {
        for c in [
            '\u{202E}', '\u{202A}', '\u{2066}', '\u{200B}', '\u{200D}', '\u{200F}', '\u{FEFF}',
            '\u{2060}', '\u{00AD}',
        ] {
            let raw = format!("仙台{c}太郎");
            assert_eq!(
                PersonName::parse(&raw),
                Err(FieldError::InvisibleCharacters),
                "{:04X}",
                c as u32
            );
            assert_eq!(
                NameKana::parse(&format!("センダイ{c}")),
                Err(FieldError::InvisibleCharacters)
            );
            assert_eq!(
                optional_text(&raw, 100),
                Err(FieldError::InvisibleCharacters)
            );
        }
        // Direction overrides in a note too; a joined emoji may stay there.
        assert_eq!(
            Note::parse("abc\u{202E}def"),
            Err(FieldError::InvisibleCharacters)
        );
        assert!(Note::parse("家族 \u{1F468}\u{200D}\u{1F469}").is_ok());
        // Variation selectors of kanji (異体字) are part of a name.
        assert!(PersonName::parse("辻\u{E0100} 太郎").is_ok());
    }

    #[test]
    fn notes_keep_lines_and_refuse_controls() {
        assert_eq!(Note::parse(" a\r\nb ").unwrap().as_str(), "a\nb");
        assert_eq!(Note::parse("a\u{0007}"), Err(FieldError::ControlCharacters));
        assert!(Note::parse(&"x".repeat(401)).is_err());
    }
}
