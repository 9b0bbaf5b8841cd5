//! Reads the message files in `locales/` (one folder per language, Fluent
//! syntax) and writes two pieces of Rust into `OUT_DIR`:
//!
//! - `lang.rs`: the `Lang` choice, one variant per folder;
//! - `words.rs`: `Texts`, one field per message without variables and one
//!   method per message with variables, so that a message used in code or a
//!   template and missing from the files fails the build.
//!
//! It also fails the build when a file does not parse, when a language lacks
//! a message of the reference language (Japanese, `ja`) or has one that
//! Japanese lacks, or when a translation uses a variable that the Japanese message lacks.
//! A language whose `language.ftl` says `language-staff = no` may leave out
//! the staff's files (`staff*.ftl`): the staff screens then show Japanese.

use fluent_syntax::ast;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;
use std::path::Path;

struct Message {
    file: String,
    variables: BTreeSet<String>,
    /// The text, for messages without variables (a comment for the reader).
    text: String,
}

struct Language {
    code: String,
    files: Vec<(String, String)>,
    messages: BTreeMap<String, Message>,
}

fn main() {
    // `sqlx::migrate!` embeds migrations/: a new file there must rebuild the crate.
    println!("cargo:rerun-if-changed=migrations");
    println!("cargo:rerun-if-changed=locales");
    let root = Path::new("locales");
    let mut codes: Vec<String> = std::fs::read_dir(root)
        .expect("locales/ holds one folder per language")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    codes.sort_by_key(|c| (c != "ja", c != "en", c.clone()));
    assert_eq!(
        codes.first().map(String::as_str),
        Some("ja"),
        "locales/ja is the reference language"
    );
    let mut problems = Vec::new();
    let languages: Vec<Language> = codes
        .iter()
        .map(|code| read_language(root, code, &mut problems))
        .collect();
    let reference = &languages[0];
    for lang in &languages[1..] {
        let staff_optional = lang
            .messages
            .get("language-staff")
            .is_some_and(|m| m.text.trim() == "no");
        for (id, m) in &reference.messages {
            match lang.messages.get(id) {
                None if staff_optional && m.file.starts_with("staff") => {}
                None => problems.push(format!(
                    "locales/{}/{}: message `{id}` is missing (it is in locales/ja/{})",
                    lang.code, m.file, m.file
                )),
                Some(t) if !t.variables.is_subset(&m.variables) => problems.push(format!(
                    "locales/{}/{}: `{id}` uses {:?}, Japanese only {:?}",
                    lang.code, t.file, t.variables, m.variables
                )),
                Some(_) => {}
            }
        }
        for (id, t) in &lang.messages {
            if !reference.messages.contains_key(id) {
                problems.push(format!(
                    "locales/{}/{}: `{id}` is not in Japanese (locales/ja): a message is added there first",
                    lang.code, t.file
                ));
            }
        }
    }
    if !problems.is_empty() {
        panic!("the message files disagree:\n{}", problems.join("\n"));
    }
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").unwrap());
    std::fs::write(out.join("lang.rs"), lang_rs(&codes)).unwrap();
    std::fs::write(out.join("words.rs"), words_rs(&languages)).unwrap();
}

fn read_language(root: &Path, code: &str, problems: &mut Vec<String>) -> Language {
    let dir = root.join(code);
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".ftl"))
        .collect();
    names.sort();
    let mut files = Vec::new();
    let mut messages = BTreeMap::new();
    for name in names {
        let path = dir.join(&name);
        println!("cargo:rerun-if-changed={}", path.display());
        let source = std::fs::read_to_string(&path).unwrap();
        let resource = match fluent_syntax::parser::parse(source.as_str()) {
            Ok(r) => r,
            Err((r, errors)) => {
                for e in errors {
                    let line = source[..e.pos.start.min(source.len())].lines().count();
                    problems.push(format!("{}:{line}: {:?}", path.display(), e.kind));
                }
                r
            }
        };
        for entry in &resource.body {
            if let ast::Entry::Message(m) = entry {
                let id = m.id.name.to_string();
                let mut variables = BTreeSet::new();
                if let Some(p) = &m.value {
                    pattern_variables(p, &mut variables);
                }
                if m.value.is_none() {
                    problems.push(format!("{}: `{id}` has no value", path.display()));
                }
                let text = m
                    .value
                    .as_ref()
                    .map(|p| {
                        p.elements
                            .iter()
                            .map(|e| match e {
                                ast::PatternElement::TextElement { value } => value.to_string(),
                                ast::PatternElement::Placeable { .. } => "{…}".into(),
                            })
                            .collect::<String>()
                    })
                    .unwrap_or_default();
                let previous = messages.insert(
                    id.clone(),
                    Message {
                        file: name.clone(),
                        variables,
                        text,
                    },
                );
                if previous.is_some() {
                    problems.push(format!("{}: `{id}` is defined twice", path.display()));
                }
            }
        }
        files.push((name, path.display().to_string()));
    }
    Language {
        code: code.to_string(),
        files,
        messages,
    }
}

fn pattern_variables(p: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for e in &p.elements {
        if let ast::PatternElement::Placeable { expression } = e {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables(e: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for v in variants {
                pattern_variables(&v.value, out);
            }
        }
        ast::Expression::Inline(i) => inline_variables(i, out),
    }
}

fn inline_variables(i: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_variables(a, out);
            }
            for a in &arguments.named {
                inline_variables(&a.value, out);
            }
        }
        ast::InlineExpression::Placeable { expression } => expression_variables(expression, out),
        _ => {}
    }
}

fn variant(code: &str) -> String {
    code.split(['-', '_'])
        .map(|part| {
            let mut c = part.chars();
            c.next()
                .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                .unwrap_or_default()
        })
        .collect()
}

fn lang_rs(codes: &[String]) -> String {
    let variants: Vec<String> = codes
        .iter()
        .map(|c| format!("{} = \"{c}\"", variant(c)))
        .collect();
    format!(
        "choice!(\n    /// A language of the pages and mails: one for each folder of `locales/`\n    /// (日本語, English, やさしい日本語, …). A person's mails keep the language\n    /// they booked in.\n    Lang {{ {} }}\n);\n",
        variants.join(", ")
    )
}

fn field(id: &str) -> String {
    let name = id.replace('-', "_");
    match name.as_str() {
        "type" | "match" | "ref" | "move" | "loop" | "where" | "in" | "as" | "use" | "to" => {
            format!("r#{name}")
        }
        _ => name,
    }
}

fn words_rs(languages: &[Language]) -> String {
    let reference = &languages[0];
    let mut s = String::new();
    s.push_str("/// The message files, by language (as `Lang::ALL`): (file, text).\n");
    s.push_str("pub(super) static SOURCES: &[&[(&str, &str)]] = &[\n");
    for lang in languages {
        s.push_str("    &[\n");
        for (name, path) in &lang.files {
            let full = std::fs::canonicalize(path).unwrap();
            writeln!(s, "        ({name:?}, include_str!({:?})),", full.display()).unwrap();
        }
        s.push_str("    ],\n");
    }
    s.push_str("];\n\n");
    s.push_str("/// Every message id, for the checks that each one formats in every language.\n");
    s.push_str("pub const MESSAGE_IDS: &[&str] = &[\n");
    for id in reference.messages.keys() {
        writeln!(s, "    {id:?},").unwrap();
    }
    s.push_str("];\n\n");
    s.push_str("/// The words of one language, from `locales/<lang>/*.ftl`: a field for each\n");
    s.push_str("/// message without variables, a method for each message with some.\n");
    s.push_str("#[derive(Debug)]\npub struct Texts {\n    pub language: Lang,\n");
    for (id, m) in &reference.messages {
        if m.variables.is_empty() {
            let text: String = m.text.chars().take(60).collect();
            let text = text.replace('\n', " ");
            writeln!(s, "    /// `{id}`: {}", text.trim()).unwrap();
            writeln!(s, "    pub {}: &'static str,", field(id)).unwrap();
        }
    }
    s.push_str("}\n\nimpl Texts {\n");
    s.push_str(
        "    fn load(language: Lang, text: impl Fn(&'static str) -> &'static str) -> Texts {\n",
    );
    s.push_str("        Texts {\n            language,\n");
    for (id, m) in &reference.messages {
        if m.variables.is_empty() {
            writeln!(s, "            {}: text({id:?}),", field(id)).unwrap();
        }
    }
    s.push_str("        }\n    }\n");
    for (id, m) in &reference.messages {
        if m.variables.is_empty() {
            continue;
        }
        let params: Vec<String> = m
            .variables
            .iter()
            .map(|v| format!("{}: impl Into<FluentValue<'a>>", field(v)))
            .collect();
        let args: Vec<String> = m
            .variables
            .iter()
            .map(|v| format!("({v:?}, {}.into())", field(v)))
            .collect();
        writeln!(s, "\n    /// `{id}`: {}", m.text.replace('\n', " ").trim()).unwrap();
        writeln!(
            s,
            "    pub fn {}<'a>(&self, {}) -> String {{\n        format(self.language, {id:?}, vec![{}])\n    }}",
            field(id),
            params.join(", "),
            args.join(", ")
        )
        .unwrap();
    }
    s.push_str("}\n");
    s
}
