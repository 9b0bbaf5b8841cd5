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
    // The limit holds for the name as sent, spaces to be trimmed included.
    assert_eq!(
        PersonName::parse(&format!(" {}", "長".repeat(50))),
        Err(FieldError::TooLong { max: 50 })
    );
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
