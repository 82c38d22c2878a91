//! Each command's name is written in five places: its function (in
//! `src/commands.rs` or beside it), the handler list in `src/main.rs`, the permission list in
//! `build.rs`, the grant in `capabilities/main.json`, and the call in the
//! front end's `ui/src/lib/api.ts`. A name missing from one of them fails only
//! when that command is used; this test fails at once instead.

use std::collections::BTreeSet;
use std::path::Path;

fn read(path: &str) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(root.join(path)).unwrap_or_else(|error| panic!("{path}: {error}"))
}

/// The words that follow `marker` in `text`, up to the first character that
/// can't be in a command name.
fn names_after(text: &str, marker: &str) -> BTreeSet<String> {
    text.split(marker)
        .skip(1)
        .map(|rest| {
            rest.chars()
                .take_while(|c| {
                    c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_' || *c == '-'
                })
                .collect::<String>()
                .replace('-', "_")
        })
        .collect()
}

/// The part of `text` between `start` and the next `end`.
fn between<'a>(text: &'a str, start: &str, end: &str) -> &'a str {
    let from = text.find(start).unwrap_or_else(|| panic!("no {start}")) + start.len();
    let to = text[from..]
        .find(end)
        .unwrap_or_else(|| panic!("no {end} after {start}"));
    &text[from..from + to]
}

#[test]
fn every_command_is_defined_handled_permitted_granted_and_called_alike() {
    let sources = std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("src"))
        .expect("src/")
        .map(|entry| std::fs::read_to_string(entry.expect("entry").path()).expect("source"));
    let defined: BTreeSet<String> = sources
        .flat_map(|source| {
            source
                .split("#[tauri::command]")
                .skip(1)
                .flat_map(|rest| names_after(rest.split('(').next().unwrap_or_default(), "fn "))
                .collect::<Vec<_>>()
        })
        .collect();
    let main = read("src/main.rs");
    let handled = names_after(between(&main, "generate_handler![", "]"), "::");
    let build = read("build.rs");
    let permitted = names_after(between(&build, "const COMMANDS", "];"), "\"");
    let permitted: BTreeSet<String> = permitted.into_iter().filter(|n| !n.is_empty()).collect();
    let granted = names_after(&read("capabilities/main.json"), "\"allow-");
    let api = read("../ui/src/lib/api.ts");
    let called: BTreeSet<String> = ["call(\"", ">(\""]
        .iter()
        .flat_map(|marker| names_after(&api, marker))
        .collect();

    assert!(defined.len() > 50, "{defined:?}");
    for (place, names) in [
        ("src/main.rs's handler list", &handled),
        ("build.rs's COMMANDS", &permitted),
        ("capabilities/main.json", &granted),
        ("ui/src/lib/api.ts", &called),
    ] {
        let missing: Vec<_> = defined.difference(names).collect();
        let unknown: Vec<_> = names.difference(&defined).collect();
        assert!(
            missing.is_empty() && unknown.is_empty(),
            "{place}: missing {missing:?}, not a command {unknown:?}"
        );
    }
}
