//! Just enough SQL reading for the catalogues: SQLite keeps a table's CHECKs
//! and an index's predicate only in the text of its `CREATE`, and the two
//! dialects write one expression differently (`status IN ('a', 'b')` on
//! SQLite, `(status = ANY (ARRAY['a'::text, 'b'::text]))` from PostgreSQL).
//! An expression is therefore compared by its *signature*: the columns it
//! names and the constants it allows, which is what drifts when one copy of
//! a migration is edited and the other is not.

use std::collections::BTreeSet;

#[derive(Debug, Clone, PartialEq)]
pub enum Token {
    /// A word or a quoted name, lower-cased when unquoted.
    Word(String),
    Text(String),
    Number(String),
    Punct(char),
}

/// Splits SQL into tokens, leaving out comments and white space.
pub fn tokens(sql: &str) -> Vec<Token> {
    let chars: Vec<char> = sql.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let until = |from: usize, end: char| {
        (from..chars.len())
            .find(|&j| chars[j] == end)
            .unwrap_or(chars.len())
    };
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c.is_whitespace() {
            i += 1;
        } else if c == '-' && next == Some('-') {
            i = until(i, '\n');
        } else if c == '/' && next == Some('*') {
            i = (i + 2..chars.len().saturating_sub(1))
                .find(|&j| chars[j] == '*' && chars[j + 1] == '/')
                .map_or(chars.len(), |j| j + 2);
        } else if c == '\'' {
            // '' inside a string is one quote.
            let mut text = String::new();
            i += 1;
            while i < chars.len() {
                if chars[i] == '\'' && chars.get(i + 1) == Some(&'\'') {
                    text.push('\'');
                    i += 2;
                } else if chars[i] == '\'' {
                    break;
                } else {
                    text.push(chars[i]);
                    i += 1;
                }
            }
            out.push(Token::Text(text));
            i += 1;
        } else if matches!(c, '"' | '`') {
            let end = until(i + 1, c);
            out.push(Token::Word(chars[i + 1..end].iter().collect()));
            i = end + 1;
        } else if c.is_ascii_digit() {
            let end = (i..chars.len())
                .find(|&j| !(chars[j].is_ascii_digit() || chars[j] == '.'))
                .unwrap_or(chars.len());
            out.push(Token::Number(chars[i..end].iter().collect()));
            i = end;
        } else if c.is_alphanumeric() || c == '_' {
            let end = (i..chars.len())
                .find(|&j| !(chars[j].is_alphanumeric() || chars[j] == '_' || chars[j] == '$'))
                .unwrap_or(chars.len());
            let word: String = chars[i..end].iter().collect();
            out.push(Token::Word(word.to_lowercase()));
            i = end;
        } else {
            out.push(Token::Punct(c));
            i += 1;
        }
    }
    out
}

pub fn is_word(token: Option<&Token>, word: &str) -> bool {
    matches!(token, Some(Token::Word(w)) if w == word)
}

/// The tokens inside the parenthesis that opens at `open`, and the index
/// just past its closing one.
pub fn group(tokens: &[Token], open: usize) -> (&[Token], usize) {
    let mut depth = 0;
    for (i, t) in tokens.iter().enumerate().skip(open) {
        match t {
            Token::Punct('(') => depth += 1,
            Token::Punct(')') => {
                depth -= 1;
                if depth == 0 {
                    return (&tokens[open + 1..i], i + 1);
                }
            }
            _ => {}
        }
    }
    (&tokens[(open + 1).min(tokens.len())..], tokens.len())
}

/// Splits a list at its commas outside parentheses.
pub fn items(tokens: &[Token]) -> Vec<&[Token]> {
    let mut out = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (i, t) in tokens.iter().enumerate() {
        match t {
            Token::Punct('(') => depth += 1,
            Token::Punct(')') => depth -= 1,
            Token::Punct(',') if depth == 0 => {
                out.push(&tokens[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(&tokens[start..]);
    out
}

/// The constants of an expression, in the form both dialects agree on.
fn constant(token: &Token) -> Option<String> {
    match token {
        Token::Text(t) => Some(format!("'{t}'")),
        Token::Number(n) => Some(n.clone()),
        Token::Word(w) if w == "true" || w == "false" => Some(w.clone()),
        _ => None,
    }
}

/// An expression's signature: `(capacity, used_interviews | 0)` for
/// `used_interviews BETWEEN 0 AND capacity` in either dialect. Words that
/// are not among `columns` (keywords, functions, casts) are left out.
pub fn signature(tokens: &[Token], columns: &BTreeSet<String>) -> String {
    let named: BTreeSet<&str> = tokens
        .iter()
        .filter_map(|t| match t {
            Token::Word(w) if columns.contains(w) => Some(w.as_str()),
            _ => None,
        })
        .collect();
    let constants: BTreeSet<String> = tokens.iter().filter_map(constant).collect();
    let named = named.into_iter().collect::<Vec<_>>().join(", ");
    if constants.is_empty() {
        format!("({named})")
    } else {
        let constants = constants.into_iter().collect::<Vec<_>>().join(", ");
        format!("({named} | {constants})")
    }
}

/// A default value as both dialects show it: its constants
/// (`'queued'::text` on PostgreSQL and `'queued'` on SQLite are `'queued'`).
pub fn default_value(sql: &str) -> String {
    let constants: Vec<String> = tokens(sql).iter().filter_map(constant).collect();
    if constants.is_empty() {
        sql.to_string()
    } else {
        constants.join(" ")
    }
}

/// One key part of an index: the column's name, or an expression's
/// signature (`expression (session_id | 0)` for `COALESCE(session_id, 0)`).
pub fn index_part(tokens: &[Token], columns: &BTreeSet<String>) -> String {
    match tokens {
        [Token::Word(name)] => name.clone(),
        _ => format!("expression {}", signature(tokens, columns)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn columns(names: &[&str]) -> BTreeSet<String> {
        names.iter().map(|n| n.to_string()).collect()
    }

    #[test]
    fn both_dialects_give_one_signature() {
        let cols = columns(&["status", "email", "capacity", "used_interviews"]);
        let sig = |sql: &str| signature(&tokens(sql), &cols);
        assert_eq!(
            sig("status IN ('confirmed', 'held') AND email <> ''"),
            sig(
                "((status = ANY (ARRAY['confirmed'::text, 'held'::text])) AND (email <> ''::text))"
            ),
        );
        assert_eq!(
            sig("used_interviews BETWEEN 0 AND capacity"),
            "(capacity, used_interviews | 0)"
        );
        assert_eq!(
            sig("CHECK (((used_interviews >= 0) AND (used_interviews <= capacity)))"),
            "(capacity, used_interviews | 0)"
        );
        assert_ne!(
            sig("status IN ('confirmed')"),
            sig("status IN ('confirmed', 'held')")
        );
    }

    #[test]
    fn comments_and_strings_are_not_words() {
        let t = tokens("a -- CHECK (x)\n/* CHECK */ 'it''s' \"Quoted\"");
        assert_eq!(
            t,
            [
                Token::Word("a".into()),
                Token::Text("it's".into()),
                Token::Word("Quoted".into())
            ]
        );
        assert_eq!(default_value("'queued'::text"), "'queued'");
        assert_eq!(default_value("TRUE"), "true");
    }
}
