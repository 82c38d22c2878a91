//! Everything the `myochart` command line prints for a user comes from
//! cli.ftl: a scan of its source for text written in the code, and a check
//! that the messages it uses and the files agree, variable by variable.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use myochart::i18n::{FluentValue, CLI};
use myochart::model::Language;

/// The macros whose text reaches the user.
const PRINTING: [&str; 7] = [
    "print", "println", "eprint", "eprintln", "write", "writeln", "format",
];

/// Text in printing macros that is not for a user to read, and why.
const ALLOWED: [(&str, &str); 2] = [
    // Part of a plugin child's JSON report, read by the app, whose other
    // errors come from the core in English.
    ("plugins.rs", "can't read the input: {e}"),
    // clap parses the arguments before the language is known, and wraps
    // this in its own English error, as it writes `--help` in English.
    (
        "args.rs",
        "{raw:?} is not VIEW:X,Y (for example front:0.47,0.05)",
    ),
];

#[derive(Debug, PartialEq)]
enum Token {
    Ident(String),
    Text(String),
    Punct(char),
}

/// Rust source as identifiers, string literals and punctuation, each with
/// its line; comments, numbers, chars and lifetimes left out.
fn tokens(source: &str) -> Vec<(Token, usize)> {
    let chars: Vec<char> = source.chars().collect();
    let (mut tokens, mut line, mut i) = (Vec::new(), 1, 0);
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '\n' {
            line += 1;
            i += 1;
        } else if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '"' {
            let start = line;
            let mut text = String::new();
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    text.push(chars[i]);
                    i += 1;
                }
                line += usize::from(chars[i] == '\n');
                text.push(chars[i]);
                i += 1;
            }
            tokens.push((Token::Text(text), start));
            i += 1;
        } else if c == '\'' {
            // A char ('x', '\n') or a lifetime ('a).
            i += match (next, chars.get(i + 2)) {
                (Some('\\'), _) => {
                    chars[i..]
                        .iter()
                        .skip(2)
                        .position(|&c| c == '\'')
                        .unwrap_or(0)
                        + 3
                }
                (_, Some('\'')) => 3,
                _ => 1,
            };
        } else if c.is_alphanumeric() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            tokens.push((Token::Ident(chars[start..i].iter().collect()), line));
        } else {
            if !c.is_whitespace() {
                tokens.push((Token::Punct(c), line));
            }
            i += 1;
        }
    }
    tokens
}

/// What a source file prints: the text written in printing macros outside
/// `t!` (as line and literal), and each `t!` message with its variables.
#[derive(Default)]
struct Printed {
    hard_coded: Vec<(usize, String)>,
    messages: Vec<(String, BTreeSet<String>)>,
}

fn printed(source: &str) -> Printed {
    let tokens = tokens(source);
    let mut printed = Printed::default();
    // The macro each open bracket belongs to, if any.
    let mut open: Vec<Option<&str>> = Vec::new();
    for (i, (token, line)) in tokens.iter().enumerate() {
        let ident = |at: usize| match tokens.get(at) {
            Some((Token::Ident(name), _)) => Some(name.as_str()),
            _ => None,
        };
        let punct = |at: usize| match tokens.get(at) {
            Some((Token::Punct(c), _)) => Some(*c),
            _ => None,
        };
        match token {
            Token::Punct('(' | '[' | '{') => {
                let called = (i >= 2 && punct(i - 1) == Some('!')).then(|| ident(i - 2));
                open.push(called.flatten());
                if let (Some(Some("t")), Some((Token::Text(id), _))) = (called, tokens.get(i + 1)) {
                    printed.messages.push((id.clone(), BTreeSet::new()));
                }
            }
            Token::Punct(')' | ']' | '}') => {
                open.pop();
            }
            // `name = value` directly inside a `t!`.
            Token::Ident(name)
                if open.last() == Some(&Some("t"))
                    && punct(i + 1) == Some('=')
                    && !matches!(punct(i + 2), Some('=' | '>')) =>
            {
                if let Some((_, variables)) = printed.messages.last_mut() {
                    variables.insert(name.clone());
                }
            }
            Token::Text(text) => {
                let innermost = open.iter().rev().find_map(|m| *m);
                let in_printing = open.iter().flatten().any(|m| PRINTING.contains(m));
                if in_printing && innermost != Some("t") && has_words(text) {
                    printed.hard_coded.push((*line, text.clone()));
                }
            }
            _ => {}
        }
    }
    printed
}

/// Whether a format string has letters besides its `{placeholders}` and
/// escapes (`\n`, `\t`).
fn has_words(text: &str) -> bool {
    let (mut depth, mut escaped) = (0, false);
    text.chars().any(|c| {
        let word = depth == 0 && !escaped && c.is_alphabetic();
        escaped = !escaped && c == '\\';
        match c {
            '{' => depth += 1,
            '}' => depth = depth.max(1) - 1,
            _ => {}
        }
        word
    })
}

fn rust_files(folder: &Path, files: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(folder).expect("a source folder") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            rust_files(&path, files);
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
}

fn cli_sources() -> Vec<(PathBuf, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src/bin/myochart"), &mut files);
    files.sort();
    assert!(files.len() > 10, "the CLI's source is where it was");
    files
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).expect("source");
            (
                path.strip_prefix(root).expect("in the crate").to_owned(),
                text,
            )
        })
        .collect()
}

/// Each message of a Fluent file with the variables it uses.
fn ftl_variables(language: &str) -> BTreeMap<String, BTreeSet<String>> {
    fn walk(pattern: &Pattern<&str>, found: &mut BTreeSet<String>) {
        for element in &pattern.elements {
            if let PatternElement::Placeable { expression } = element {
                expression_variables(expression, found);
            }
        }
    }
    fn inline_variables(expression: &InlineExpression<&str>, found: &mut BTreeSet<String>) {
        match expression {
            InlineExpression::VariableReference { id } => {
                found.insert(id.name.to_owned());
            }
            InlineExpression::FunctionReference { arguments, .. } => {
                for argument in &arguments.positional {
                    inline_variables(argument, found);
                }
            }
            InlineExpression::Placeable { expression } => expression_variables(expression, found),
            _ => {}
        }
    }
    fn expression_variables(expression: &Expression<&str>, found: &mut BTreeSet<String>) {
        match expression {
            Expression::Inline(inline) => inline_variables(inline, found),
            Expression::Select { selector, variants } => {
                inline_variables(selector, found);
                for variant in variants {
                    walk(&variant.value, found);
                }
            }
        }
    }
    let path = format!(
        "{}/assets/i18n/{language}/cli.ftl",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(path).expect("cli.ftl");
    let ast = fluent_syntax::parser::parse(text.as_str()).expect("cli.ftl parses");
    ast.body
        .iter()
        .filter_map(|entry| match entry {
            Entry::Message(message) => {
                let mut found = BTreeSet::new();
                walk(message.value.as_ref()?, &mut found);
                Some((message.id.name.to_owned(), found))
            }
            _ => None,
        })
        .collect()
}

#[test]
fn the_cli_prints_no_text_written_in_its_code() {
    let mut found = Vec::new();
    for (path, source) in cli_sources() {
        for (line, text) in printed(&source).hard_coded {
            let allowed = ALLOWED
                .iter()
                .any(|(file, allowed)| path.ends_with(file) && text == *allowed);
            if !allowed {
                found.push(format!("{}:{line}: {text:?}", path.display()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "text a user reads belongs in assets/i18n/en/cli.ftl, printed with t!:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_scan_finds_text_in_every_printing_macro_but_not_in_t() {
    let source = r#"
        fn f(n: u32, x: &str) {
            println!("{n} client(s)");
            eprintln!("{}", if n > 1 { "many" } else { "one" });
            let s = format!(
                "{:>6}  {x}\t{}", // a comment's "text" doesn't count
                t!("client-count", count = n, kind = if n > 1 { "many" } else { "one" }),
            );
            println!("{}", t!("no-sessions"));
            let c = '"';
        }
    "#;
    let printed = printed(source);
    assert_eq!(
        printed.hard_coded,
        [
            (3, "{n} client(s)".to_owned()),
            (4, "many".to_owned()),
            (4, "one".to_owned()),
        ]
    );
    let variables = |names: &[&str]| names.iter().map(|n| n.to_string()).collect();
    assert_eq!(
        printed.messages,
        [
            ("client-count".to_owned(), variables(&["count", "kind"])),
            ("no-sessions".to_owned(), variables(&[])),
        ]
    );
}

#[test]
fn every_message_the_cli_uses_is_in_cli_ftl_with_the_variables_it_passes() {
    let english = ftl_variables("en");
    let mut used = BTreeSet::new();
    for (path, source) in cli_sources() {
        for (id, variables) in printed(&source).messages {
            let expected = english.get(&id);
            assert_eq!(
                expected,
                Some(&variables),
                "{}: t!({id:?}) passes {variables:?}; en/cli.ftl has {expected:?}",
                path.display()
            );
            used.insert(id);
        }
    }
    let unused: Vec<&String> = english.keys().filter(|id| !used.contains(*id)).collect();
    assert!(
        unused.is_empty(),
        "en/cli.ftl messages no code uses: {unused:?}"
    );
}

#[test]
fn thai_has_every_cli_message_with_the_same_variables_and_each_formats() {
    let english = ftl_variables("en");
    assert_eq!(ftl_variables("th"), english);
    for tag in CLI.languages() {
        let messages = CLI.messages(&Language::parse(tag).expect("a tag"));
        assert!(
            messages.credits().is_some(),
            "{tag}/cli.ftl says who translated it"
        );
        for (id, variables) in &english {
            let args: Vec<(&str, FluentValue)> =
                variables.iter().map(|v| (v.as_str(), 2.into())).collect();
            let text = messages.text(id, &args);
            assert!(!text.is_empty() && text != *id, "{tag}: {id}");
            assert!(!text.contains('{'), "{tag}: {id}: {text}");
        }
    }
}
