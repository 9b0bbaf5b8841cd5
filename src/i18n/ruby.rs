//! Readings of kanji (ふりがな) for やさしい日本語, written in the message
//! files as `｜漢字《かんじ》` (or `漢字《かんじ》`, the reading then covering
//! the kanji just before it, as in Aozora Bunko's notation).

use std::borrow::Cow;

/// A run of text with its reading, found in `s`: (start of the base, the
/// base, the reading, the end of the notation).
fn next_reading(s: &str) -> Option<(usize, &str, &str, usize)> {
    let open = s.find('《')?;
    let close = open + s[open..].find('》')?;
    let reading = &s[open + '《'.len_utf8()..close];
    let before = &s[..open];
    let start = match before.rfind('｜') {
        Some(bar) if !before[bar..].contains(['《', '》']) => bar,
        _ => {
            let base_len: usize = before
                .chars()
                .rev()
                .take_while(|c| is_kanji(*c))
                .map(char::len_utf8)
                .sum();
            open - base_len
        }
    };
    let base = before[start..].trim_start_matches('｜');
    Some((start, base, reading, close + '》'.len_utf8()))
}

fn is_kanji(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '々' | '〆' | 'ヶ')
}

/// Replaces each reading by what `with(base, reading)` writes.
fn rewrite(s: &str, with: impl Fn(&mut String, &str, &str)) -> Cow<'_, str> {
    if !s.contains('《') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 32);
    let mut rest = s;
    while let Some((start, base, reading, end)) = next_reading(rest) {
        out.push_str(&rest[..start]);
        if base.is_empty() {
            out.push_str(&rest[start..end]);
        } else {
            with(&mut out, base, reading);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The word without its reading, for a mail subject or a page title.
pub fn base(s: &str) -> Cow<'_, str> {
    rewrite(s, |out, base, _| out.push_str(base))
}

/// 「漢字（かんじ）」, for the text of a mail.
pub fn plain(s: &str) -> Cow<'_, str> {
    rewrite(s, |out, base, reading| {
        out.push_str(base);
        out.push('（');
        out.push_str(reading);
        out.push('）');
    })
}

/// A rendered HTML page or mail with each reading as `<ruby>` in its text.
/// Inside tags (attributes), `<title>` and `<textarea>` the reading is left
/// out, since markup cannot stand there; what a person typed into a
/// `<textarea>` is left exactly as it was.
pub fn html(page: &str) -> Cow<'_, str> {
    if !page.contains('《') {
        return Cow::Borrowed(page);
    }
    enum Inside {
        Text,
        Title,
        Textarea,
    }
    let mut inside = Inside::Text;
    let mut out = String::with_capacity(page.len() + 256);
    let mut rest = page;
    while !rest.is_empty() {
        let (text, tag, after) = match rest.find('<') {
            Some(lt) => {
                let gt = rest[lt..].find('>').map_or(rest.len(), |g| lt + g + 1);
                (&rest[..lt], &rest[lt..gt], &rest[gt..])
            }
            None => (rest, "", ""),
        };
        match inside {
            Inside::Text => out.push_str(&rewrite(text, |out, base, reading| {
                out.push_str("<ruby>");
                out.push_str(base);
                out.push_str("<rp>（</rp><rt>");
                out.push_str(reading);
                out.push_str("</rt><rp>）</rp></ruby>");
            })),
            Inside::Title => out.push_str(&base(text)),
            Inside::Textarea => out.push_str(text),
        }
        out.push_str(&base(tag));
        let name = tag.trim_start_matches('<').to_ascii_lowercase();
        inside = if name.starts_with("title") {
            Inside::Title
        } else if name.starts_with("textarea") {
            Inside::Textarea
        } else if name.starts_with("/title") || name.starts_with("/textarea") {
            Inside::Text
        } else {
            inside
        };
        rest = after;
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readings_become_ruby_in_text_and_plain_words_elsewhere() {
        let page = "<title>｜相談《そうだん》</title><p title=\"｜予約《よやく》\">｜相談《そうだん》します。電話《でんわ》</p>";
        assert_eq!(
            html(page),
            "<title>相談</title><p title=\"予約\"><ruby>相談<rp>（</rp><rt>そうだん</rt><rp>）</rp></ruby>します。<ruby>電話<rp>（</rp><rt>でんわ</rt><rp>）</rp></ruby></p>"
        );
        assert_eq!(plain("｜相談《そうだん》します"), "相談（そうだん）します");
        assert_eq!(base("｜相談《そうだん》します"), "相談します");
        assert_eq!(plain("ふつうの文"), "ふつうの文");
    }

    #[test]
    fn what_a_person_typed_into_a_textarea_is_kept() {
        let page = "<textarea name=note>私の《メモ》</textarea><p>｜予約《よやく》</p>";
        let out = html(page);
        assert!(
            out.starts_with("<textarea name=note>私の《メモ》</textarea>"),
            "{out}"
        );
        assert!(out.contains("<ruby>予約"));
    }
}
