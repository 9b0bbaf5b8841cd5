//! Words (ことば): every fixed phrase of the pages and mails, in every
//! language, from the message files in `locales/<lang>/*.ftl` (Fluent).
//!
//! The build (`build.rs`) reads the files, checks that every language has
//! every message of Japanese with the same variables, and writes [`Texts`]:
//! a field for each message without variables (`t.submit`) and a method for
//! each message with some (`t.booking_opens(date)`), so a message used in
//! code or a template and missing from the files fails the build. Plurals
//! and variables are Fluent's. A language may leave out the staff's files
//! (`language-staff = no`): its staff screens show Japanese.
//!
//! Readings of kanji (ふりがな) are written in the files as `｜漢字《かんじ》`
//! and become `<ruby>` on pages ([`ruby::html`]), 「漢字（かんじ）」 in the
//! text of a mail and the plain word in a subject ([`ruby::plain`]).
//!
//! This module sits above `domain` and below `mail` and `web`.

pub mod dates;
pub mod directory;
pub mod health;
pub mod messages;
pub mod referral;
pub mod ruby;
pub mod staff;

pub use health::*;
pub use messages::*;
pub use staff::*;

use crate::domain::Lang;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::sync::LazyLock;

include!(concat!(env!("OUT_DIR"), "/words.rs"));

/// A configured text (`config/`: the office, the centre, the crisis
/// contacts), which exists in Japanese and English only: the English one
/// for English (where one is given), the Japanese one otherwise (やさしい日本語
/// included).
pub fn configured<'a>(lang: Lang, ja: &'a str, en: &'a str) -> &'a str {
    if lang == Lang::En && !en.trim().is_empty() {
        en
    } else {
        ja
    }
}

/// One Fluent bundle per language, in the order of `Lang::ALL`.
struct Catalog {
    bundles: Vec<FluentBundle<FluentResource>>,
}

static CATALOG: LazyLock<Catalog> = LazyLock::new(|| Catalog {
    bundles: SOURCES.iter().map(|files| bundle(files)).collect(),
});

static TEXTS: LazyLock<Vec<Texts>> = LazyLock::new(|| {
    Lang::ALL
        .iter()
        .map(|&lang| {
            Texts::load(lang, |id| {
                Box::leak(format(lang, id, Vec::new()).into_boxed_str())
            })
        })
        .collect()
});

fn bundle(files: &[(&str, &'static str)]) -> FluentBundle<FluentResource> {
    let tag = files
        .iter()
        .flat_map(|(_, text)| text.lines())
        .find_map(|line| line.strip_prefix("language-tag = "))
        .unwrap_or("ja");
    let tag: unic_langid::LanguageIdentifier = tag.trim().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![tag]);
    // Plain text: no Unicode isolation marks around variables (the pages
    // and mails are left-to-right, and the marks would reach mail subjects).
    bundle.set_use_isolating(false);
    for (name, text) in files {
        let resource = FluentResource::try_new(text.to_string())
            .unwrap_or_else(|_| panic!("{name} parses (checked by the build)"));
        bundle
            .add_resource(resource)
            .unwrap_or_else(|e| panic!("{name}: {e:?}"));
    }
    bundle
}

fn index(lang: Lang) -> usize {
    Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0)
}

/// The words of `lang`.
pub fn texts(lang: Lang) -> &'static Texts {
    &TEXTS[index(lang)]
}

/// Formats message `id` in `lang`, or in Japanese where `lang` has no such
/// message (the staff's files of a language without staff screens).
fn format(lang: Lang, id: &str, args: Vec<(&str, FluentValue<'_>)>) -> String {
    let catalog = &*CATALOG;
    let own = &catalog.bundles[index(lang)];
    let bundle = if own.has_message(id) {
        own
    } else {
        &catalog.bundles[0]
    };
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        return id.to_string();
    };
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        fluent_args.set(name, value);
    }
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
    debug_assert!(errors.is_empty(), "{id} in {}: {errors:?}", lang.code());
    text.into_owned()
}

/// The languages offered, in the order of the chooser, each named in itself.
pub fn chooser() -> impl Iterator<Item = (Lang, &'static str)> {
    Lang::ALL.iter().map(|&l| (l, texts(l).language_name))
}

/// The tag for `<html lang>` (やさしい日本語 is Japanese).
pub fn html_tag(lang: Lang) -> &'static str {
    texts(lang).language_tag
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_formats_in_every_language_without_errors() {
        for &lang in Lang::ALL {
            let catalog = &*CATALOG;
            for id in MESSAGE_IDS {
                let own = &catalog.bundles[index(lang)];
                let bundle = if own.has_message(id) {
                    own
                } else {
                    assert_eq!(
                        texts(lang).language_staff,
                        "no",
                        "{id} is missing in {}",
                        lang.code()
                    );
                    &catalog.bundles[0]
                };
                let message = bundle.get_message(id).unwrap();
                assert!(message.value().is_some(), "{id}");
            }
        }
    }

    #[test]
    fn each_language_names_itself() {
        let names: Vec<_> = chooser().map(|(_, n)| n).collect();
        assert_eq!(names, ["日本語", "English", "やさしい日本語"]);
        assert_eq!(html_tag(Lang::Easy), "ja");
        assert_eq!(texts(Lang::En).submit, "Book");
    }
}
