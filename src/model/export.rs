//! The export file: every row of every table, versioned, and the checks an
//! import runs on it before anything is written.
//!
//! # The format (version 1)
//!
//! One UTF-8 JSON object, indented, ending in a new line:
//!
//! ```json
//! {
//!   "format": "myochart-export",
//!   "version": 1,
//!   "tables": {
//!     "settings": [{ "id": 1, "clinic_name": "", ... }],
//!     "clients": [{ "id": 1, "first_name": "สมชาย", "date_of_birth": null, ... }],
//!     ...
//!   }
//! }
//! ```
//!
//! - `tables` holds every table the migrations create, in the order an import
//!   writes them: `settings`, `student_profile`, `clients`, `findings`,
//!   `session_checks`, `sessions`, `amendments`, `handouts`, `practice_log`,
//!   `snippets`, `plugins`, `audit_log` (findings come before their sessions
//!   because a signed note takes no new findings; see `store::export`).
//! - Each table is an array of rows, by id. A row is an object with every
//!   column of the table, named as in `migrations/`, in the table's column
//!   order: the ids as they were, soft-deleted rows (`deleted_at` set),
//!   signed notes, amendments and the whole audit log included, so a restore
//!   is exact. Derived columns (`clients.search_key`, `sort_key`) travel too.
//! - Values are as SQLite holds them: `INTEGER` columns whole numbers
//!   (booleans 0 or 1), `REAL` columns numbers (written to the bit),
//!   `TEXT` columns strings, a missing value `null`. Dates are
//!   `YYYY-MM-DD`, moments `2026-11-25T16:47:02.123Z` (UTC). Columns that
//!   hold JSON (`clients.red_flags`, `screened_flags`,
//!   `student_profile.supervisors`, `audit_log.changes`) hold it as a string.
//! - One client's record (for a client who asks for their data) is the same
//!   format holding only their rows: their `clients` row, sessions, findings,
//!   checks, amendments, handouts, practice-log sign-offs of their sessions
//!   and the audit entries about those records; the tables about the practice
//!   (`settings`, `student_profile`, `snippets`, `plugins`) are empty.
//! - The same database exported twice, or exported, imported and exported
//!   again, gives the same bytes.
//!
//! An import reads only this version, into a database that holds no records
//! (the one-row `settings` and `student_profile` are replaced). Before writing
//! anything it checks that every table and column is there and known, every
//! value has its column's type and is allowed there by the domain's own
//! parsers (names, phone numbers, e-mail addresses, dates, scores, chart
//! positions, the enumerations), ids are not repeated, and every reference
//! (`findings[2].session_id`) names a row the file holds. Each problem is
//! reported with its path, `clients[3].date_of_birth: "1984-02-30" is not a
//! date (YYYY-MM-DD)`; then everything is written in one transaction, or
//! nothing.
//!
//! A later format adds a version; this code refuses any version but its own.
//!
//! Which tables and columns there are, their SQL types and their references
//! come from the database's own schema ([`TableSchema`], read by the store),
//! so a column a migration adds is exported without anyone listing it here.

use std::collections::{HashMap, HashSet};

use serde::de::{DeserializeOwned, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

use super::Score;
use super::{Activity, Email, Invalid, IsoDate, Language, Name, Paper, Phone, PressureTolerance};
use super::{ChartPoint, SessionStatus};
use crate::atlas::{RedFlag, Side, View};

/// What an export file says it is.
pub const FORMAT: &str = "myochart-export";
/// The version of the format this code writes and reads.
pub const VERSION: u32 = 1;

/// A JSON object kept in the order it was written or read (serde_json's own
/// map sorts its keys): tables in the order they are restored, columns in the
/// database's order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Ordered<V>(pub Vec<(String, V)>);

/// One row: each column's name and value.
pub type Row = Ordered<Value>;

/// A whole export: everything, or one client's records.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Export {
    pub format: String,
    pub version: u32,
    /// Each table's rows, oldest (lowest id) first.
    pub tables: Ordered<Vec<Row>>,
}

/// A table as the database defines it.
#[derive(Debug, Clone, PartialEq)]
pub struct TableSchema {
    pub name: String,
    pub columns: Vec<Column>,
    /// Columns that hold the id of a row in another table: (column, table).
    pub references: Vec<(String, String)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub name: String,
    pub kind: Kind,
    /// `NOT NULL`.
    pub required: bool,
}

/// A column's declared SQL type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Integer,
    Real,
    Text,
}

impl Kind {
    /// The kind of a declared SQL type (`INTEGER`, `REAL`, `TEXT`).
    pub fn of_declared(declared: &str) -> Kind {
        match declared.to_ascii_uppercase().as_str() {
            "INTEGER" => Kind::Integer,
            "REAL" => Kind::Real,
            _ => Kind::Text,
        }
    }

    fn holds(self, value: &Value) -> bool {
        match self {
            Kind::Integer => value.is_i64(),
            Kind::Real => value.is_number(),
            Kind::Text => value.is_string(),
        }
    }

    fn name(self) -> &'static str {
        match self {
            Kind::Integer => "a whole number",
            Kind::Real => "a number",
            Kind::Text => "text",
        }
    }
}

impl Export {
    /// An export of `tables` in this version of the format.
    pub fn new(tables: Vec<(String, Vec<Row>)>) -> Export {
        Export {
            format: FORMAT.to_owned(),
            version: VERSION,
            tables: Ordered(tables),
        }
    }

    /// Reads an export file: JSON, this format, this version. Errors name
    /// where in the file they are.
    pub fn parse(bytes: &[u8]) -> Result<Export, Invalid> {
        let value: Value = serde_json::from_slice(bytes)
            .map_err(|error| problem("", format!("the file is not valid JSON: {error}")))?;
        if value.get("format").and_then(Value::as_str) != Some(FORMAT) {
            return Err(problem(
                "format",
                format!("this is not a Myochart export (it should say \"{FORMAT}\")"),
            ));
        }
        match value.get("version").and_then(Value::as_u64) {
            Some(version) if version == u64::from(VERSION) => {}
            Some(version) => {
                return Err(problem(
                    "version",
                    format!(
                        "this export is format version {version}; this Myochart reads \
                         version {VERSION}"
                    ),
                ))
            }
            None => return Err(problem("version", "the format version is missing")),
        }
        serde_json::from_value(value).map_err(|error| problem("", error.to_string()))
    }

    /// Every reason the rows can't be written to a database with `schema`:
    /// tables and columns missing or unknown, values of the wrong type or
    /// that the domain refuses, ids repeated, references to rows the file
    /// doesn't hold.
    pub fn check(&self, schema: &[TableSchema]) -> Result<(), Invalid> {
        let mut invalid = Invalid::default();
        let mut seen_tables = HashSet::new();
        for (name, _) in &self.tables.0 {
            if !seen_tables.insert(name.as_str()) {
                invalid.check::<()>(name, Err("the table appears twice".into()));
            } else if !schema.iter().any(|table| table.name == *name) {
                invalid.check::<()>(name, Err("there is no such table".into()));
            }
        }
        let ids = self.ids();
        for table in schema {
            match self.rows(&table.name) {
                Some(rows) => check_rows(table, rows, &ids, &mut invalid),
                None => {
                    invalid.check::<()>(&table.name, Err("the table is missing".into()));
                }
            }
        }
        located(invalid).finish(|| Some(()))
    }

    /// The rows of `table`, if the file has it.
    pub fn rows(&self, table: &str) -> Option<&[Row]> {
        self.tables
            .0
            .iter()
            .find(|(name, _)| name == table)
            .map(|(_, rows)| rows.as_slice())
    }

    /// How many rows the file holds.
    pub fn row_count(&self) -> usize {
        self.tables.0.iter().map(|(_, rows)| rows.len()).sum()
    }

    /// The ids each table holds.
    fn ids(&self) -> HashMap<&str, HashSet<i64>> {
        self.tables
            .0
            .iter()
            .map(|(name, rows)| {
                let ids = rows.iter().filter_map(|row| row.get("id")?.as_i64());
                (name.as_str(), ids.collect())
            })
            .collect()
    }
}

impl Row {
    pub fn get(&self, column: &str) -> Option<&Value> {
        self.0
            .iter()
            .find(|(name, _)| name == column)
            .map(|(_, value)| value)
    }
}

fn problem(path: &str, message: impl Into<String>) -> Invalid {
    located(Invalid::field(path, message))
}

/// Each message starts with where in the file it is
/// (`clients[3].date_of_birth: ...`), so a list of them reads on its own.
fn located(Invalid(errors): Invalid) -> Invalid {
    Invalid(
        errors
            .into_iter()
            .map(|mut error| {
                if !error.field.is_empty() {
                    error.message = format!("{}: {}", error.field, error.message);
                }
                error
            })
            .collect(),
    )
}

fn check_rows(
    table: &TableSchema,
    rows: &[Row],
    ids: &HashMap<&str, HashSet<i64>>,
    invalid: &mut Invalid,
) {
    let mut seen_ids = HashSet::new();
    for (index, row) in rows.iter().enumerate() {
        let at = |column: &str| format!("{}[{index}].{column}", table.name);
        for (name, _) in &row.0 {
            if !table.columns.iter().any(|column| column.name == *name) {
                invalid.check::<()>(&at(name), Err("there is no such column".into()));
            }
        }
        for column in &table.columns {
            let found = row.0.iter().filter(|(name, _)| *name == column.name);
            let value = match found.collect::<Vec<_>>().as_slice() {
                [] => Err("missing".to_owned()),
                [(_, value)] => check_column(table, column, value, row, ids),
                _ => Err("appears twice in the row".to_owned()),
            };
            invalid.check(&at(&column.name), value);
        }
        if let Some(id) = row.get("id").and_then(Value::as_i64) {
            if !seen_ids.insert(id) {
                invalid.check::<()>(&at("id"), Err(format!("id {id} appears twice")));
            }
        }
    }
}

/// The SQL type and nullness from the schema, the reference from its foreign
/// key, then the domain's rule.
fn check_column(
    table: &TableSchema,
    column: &Column,
    value: &Value,
    row: &Row,
    ids: &HashMap<&str, HashSet<i64>>,
) -> Result<(), String> {
    if value.is_null() {
        return match column.required {
            true => Err("is empty (null) but a value is required".into()),
            false => Ok(()),
        };
    }
    if !column.kind.holds(value) {
        return Err(format!("{value} is not {}", column.kind.name()));
    }
    let reference = table
        .references
        .iter()
        .find(|(from, _)| *from == column.name);
    if let (Some((_, target)), Some(id)) = (reference, value.as_i64()) {
        if !ids
            .get(target.as_str())
            .is_some_and(|ids| ids.contains(&id))
        {
            return Err(format!(
                "refers to {target} id {id}, which the file doesn't hold"
            ));
        }
    }
    check_value(&table.name, &column.name, value, row)
}

/// What the domain requires of a value of `table.column` (already known to
/// be of the column's SQL type), checked with the domain types' parsers:
/// names, phone numbers, dates, scores, chart positions, the enumerations.
/// Columns without a rule of their own pass.
fn check_value(table: &str, column: &str, value: &Value, row: &Row) -> Result<(), String> {
    if let Some(number) = value.as_f64() {
        return match (table, column) {
            ("sessions", "pain_before" | "pain_after") => score(value, "Pain"),
            ("findings", "tenderness") => score(value, "Tenderness"),
            // A position is the pair; its error is given once, at x.
            ("findings", "x") => {
                let y = row.get("y").and_then(Value::as_f64).unwrap_or(0.0);
                ChartPoint::parse(number, y).map(drop)
            }
            _ => Ok(()),
        };
    }
    let Some(text) = value.as_str() else {
        return Ok(());
    };
    match (table, column) {
        ("clients", "first_name") => Name::parse(text, "First name").map(drop),
        ("clients", "last_name") => optional(text, |t| Name::parse(t, "Last name")),
        ("clients", "consent_signed_by") => optional(text, |t| Name::parse(t, "Signed by")),
        ("clients", "phone") => optional(text, Phone::parse),
        ("clients", "email") => optional(text, Email::parse),
        ("clients", "date_of_birth") => IsoDate::parse_birth_date(text).map(drop),
        ("clients", "pressure_tolerance") => one_of::<PressureTolerance>(text),
        ("clients", "language") => Language::parse(text).map(drop),
        ("clients", "red_flags" | "screened_flags") => json::<Vec<RedFlag>>(text),
        ("sessions", "status") => one_of::<SessionStatus>(text),
        ("findings" | "session_checks", "side") => one_of::<Side>(text),
        ("findings", "view") => one_of::<View>(text),
        ("findings", "activity") => one_of::<Activity>(text),
        ("settings" | "handouts", "paper") => one_of::<Paper>(text),
        ("student_profile", "supervisors") => json::<Vec<String>>(text),
        ("audit_log", "changes") => json::<serde_json::Map<String, Value>>(text),
        (_, "session_date" | "consent_date" | "entry_date" | "signed_off_at") => {
            IsoDate::parse(text).map(drop)
        }
        (_, "at") => timestamp(text),
        (_, column) if column.ends_with("_at") => timestamp(text),
        _ => Ok(()),
    }
}

fn score(value: &Value, what: &str) -> Result<(), String> {
    let raw = value.as_i64().unwrap_or(-1);
    Score::parse(raw, what).map(drop)
}

fn optional<T>(text: &str, parse: impl FnOnce(&str) -> Result<T, String>) -> Result<(), String> {
    match text.is_empty() {
        true => Ok(()),
        false => parse(text).map(drop),
    }
}

/// One of an enumeration's values, as the app writes them.
fn one_of<T: DeserializeOwned>(text: &str) -> Result<(), String> {
    serde_json::from_value::<T>(Value::String(text.to_owned()))
        .map(drop)
        .map_err(|error| error.to_string())
}

/// JSON held in a text column.
fn json<T: DeserializeOwned>(text: &str) -> Result<(), String> {
    serde_json::from_str::<T>(text)
        .map(drop)
        .map_err(|error| format!("{text:?} is not what this column holds: {error}"))
}

/// A moment as the database writes them: `2026-11-25T16:47:02.123Z`.
fn timestamp(text: &str) -> Result<(), String> {
    chrono::DateTime::parse_from_rfc3339(text)
        .map(drop)
        .map_err(|_| format!("{text:?} is not a time (like 2026-11-25T16:47:02.123Z)"))
}

impl<V: Serialize> Serialize for Ordered<V> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (key, value) in &self.0 {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

impl<'de, V: Deserialize<'de>> Deserialize<'de> for Ordered<V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct InOrder<V>(std::marker::PhantomData<V>);
        impl<'de, V: Deserialize<'de>> Visitor<'de> for InOrder<V> {
            type Value = Ordered<V>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Ordered<V>, M::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    entries.push(entry);
                }
                Ok(Ordered(entries))
            }
        }
        deserializer.deserialize_map(InOrder(std::marker::PhantomData))
    }
}
