//! Words on a page, for the checks that a page speaks the language asked
//! for: its visible text and the runs of Japanese in it.

/// The text a reader meets: the text between tags and the attributes a
/// browser or a screen reader shows (`aria-label`, `placeholder`, `title`,
/// `alt`), without the language chooser (each language is named there in
/// itself).
pub fn visible_text(html: &str) -> String {
    let mut html = html.to_string();
    while let Some(start) = html.find("<nav aria-label=") {
        let Some(len) = html[start..].find("</nav>") else {
            break;
        };
        if html[start..start + len].contains("class=\"languages\"") {
            html.replace_range(start..start + len + "</nav>".len(), " ");
        } else {
            // Another navigation: its words stay, its tag is renamed so
            // that the search goes on past it.
            html.replace_range(start..start + "<nav".len(), "<na_");
        }
    }
    let mut out = String::new();
    let mut rest = html.as_str();
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        out.push(' ');
        let close = rest[open..].find('>').map_or(rest.len(), |i| open + i);
        let tag = &rest[open..close];
        for name in ["aria-label", "placeholder", "title", "alt"] {
            if let Some(value) = tag
                .split(&format!(" {name}=\""))
                .nth(1)
                .and_then(|v| v.split('"').next())
            {
                out.push_str(value);
                out.push(' ');
            }
        }
        rest = rest.get(close + 1..).unwrap_or("");
    }
    out.push_str(rest);
    out
}

/// Hiragana, katakana, kanji and the full-width forms (「」、。（）：…).
pub fn is_japanese(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{FF01}'..='\u{FF60}')
}

/// Runs of Japanese in the visible text of `html`, each with a little
/// context, once the `allowed` strings (what the test itself typed:
/// names, addresses) are taken out.
pub fn japanese_in(html: &str, allowed: &[&str]) -> Vec<String> {
    let mut text = visible_text(html);
    for a in allowed {
        text = text.replace(a, " ");
    }
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if is_japanese(chars[i]) {
            let start = i.saturating_sub(20);
            while i < chars.len() && is_japanese(chars[i]) {
                i += 1;
            }
            found.push(chars[start..(i + 20).min(chars.len())].iter().collect());
        }
        i += 1;
    }
    found
}
