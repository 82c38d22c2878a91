//! Bringing clients over from another system's CSV export.
//!
//! A file is read ([`read`]), its columns mapped to client fields (suggested
//! from the header names, remembered per source, or chosen), and every row
//! checked by the client form's own rules ([`NewClient::try_from`]). The
//! result is a [`Plan`]: what would be imported, shown as a
//! [`CsvImportPreview`] with every bad row and every duplicate. Nothing is
//! written while a row is bad; the API writes a plan in one transaction.

mod dates;
mod mapping;
mod read;

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use unicode_normalization::UnicodeNormalization;

pub use dates::DateFormat;
pub use mapping::{keys, Field, Remembered};
pub use read::{read, Table};

use crate::model::{ClientForm, ClientId, NewClient};

/// How many of the rows to be imported the preview shows.
pub const PREVIEW_ROWS: usize = 10;

/// How to read a file: all optional, so a first preview asks for nothing.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct CsvImportOptions {
    /// The field each column fills, in the file's column order (`null`: not
    /// imported). Left out: remembered for this source, or suggested.
    pub columns: Option<Vec<Option<Field>>>,
    /// The order of the dates. Left out: remembered, or what the dates prove.
    pub date_format: Option<DateFormat>,
    /// The system the file comes from, e.g. "ClinicPro": its mapping is
    /// remembered under this name.
    pub source: String,
    /// Import rows with the same name and date of birth as a client already
    /// here (or an earlier row) too; by default they are skipped.
    pub import_duplicates: bool,
}

/// Where the mapping shown came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, export_to = "../ui/src/bindings/")]
pub enum MappingOrigin {
    Chosen,
    /// Kept from the last import from this source.
    Remembered,
    /// From the header names.
    Suggested,
}

/// One column of the file, the field it fills and a few of its values.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct CsvColumn {
    pub header: String,
    pub field: Option<Field>,
    pub samples: Vec<String>,
}

/// A row as it will be imported: the values of the preview's fields.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct PreviewRow {
    pub line: u32,
    pub values: Vec<String>,
}

/// Why a row can't be imported: `column` names the file's column(s), or is
/// empty when the whole row is wrong.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct RowError {
    pub line: u32,
    pub column: String,
    pub message: String,
}

/// A row with the same name and date of birth as someone already known.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct Duplicate {
    pub line: u32,
    pub name: String,
    /// `YYYY-MM-DD`, or empty when neither has one.
    pub date_of_birth: String,
    pub of: DuplicateOf,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
#[ts(export, export_to = "../ui/src/bindings/")]
pub enum DuplicateOf {
    /// A client already in the database.
    Client { id: ClientId },
    /// An earlier row of the same file.
    Line { line: u32 },
}

/// What importing the file would do.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct CsvImportPreview {
    pub columns: Vec<CsvColumn>,
    pub origin: MappingOrigin,
    pub date_format: Option<DateFormat>,
    /// What to settle in the mapping before rows can be checked.
    pub problems: Vec<String>,
    /// Data rows in the file (blank ones left out).
    pub rows: u32,
    /// The fields [`PreviewRow::values`] hold, in the client form's order.
    pub fields: Vec<Field>,
    pub preview: Vec<PreviewRow>,
    pub errors: Vec<RowError>,
    pub duplicates: Vec<Duplicate>,
    /// How many clients importing adds now.
    pub to_import: u32,
}

impl CsvImportPreview {
    /// Nothing stands in the way of importing.
    pub fn ready(&self) -> bool {
        self.problems.is_empty() && self.errors.is_empty()
    }
}

/// What an import did.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct CsvImportSummary {
    pub imported: u32,
    pub skipped_duplicates: u32,
}

/// A client already in the database, as duplicates are spotted.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct KnownClient {
    pub id: ClientId,
    pub first_name: String,
    pub last_name: String,
    pub date_of_birth: Option<String>,
}

/// A file checked against the database: the preview, and the clients it
/// would add with the mapping to remember.
#[derive(Debug)]
pub struct Plan {
    pub preview: CsvImportPreview,
    pub clients: Vec<NewClient>,
    pub remembered: Remembered,
}

impl Plan {
    pub fn new(
        table: &Table,
        options: &CsvImportOptions,
        remembered: Option<&Remembered>,
        known: &[KnownClient],
    ) -> Plan {
        let (fields, origin) = match (&options.columns, remembered) {
            (Some(chosen), _) => (chosen.clone(), MappingOrigin::Chosen),
            (None, Some(_)) => (
                mapping::suggest(&table.headers, remembered),
                MappingOrigin::Remembered,
            ),
            (None, None) => (
                mapping::suggest(&table.headers, None),
                MappingOrigin::Suggested,
            ),
        };
        let mut problems = mapping_problems(&table.headers, &fields);
        let date_format = options
            .date_format
            .or(remembered.and_then(|r| r.date_format))
            .map_or_else(
                || evident_date_format(table, &fields),
                |chosen| Ok(Some(chosen)),
            )
            .unwrap_or_else(|problem| {
                problems.push(problem);
                None
            });
        let mut preview = CsvImportPreview {
            columns: columns(table, &fields),
            origin,
            date_format,
            problems,
            rows: count(table.rows.len()),
            fields: Field::ALL
                .into_iter()
                .filter(|field| fields.contains(&Some(*field)))
                .collect(),
            preview: Vec::new(),
            errors: Vec::new(),
            duplicates: Vec::new(),
            to_import: 0,
        };
        let remembered = Remembered::new(&table.headers, &fields, date_format);
        if !preview.problems.is_empty() {
            return Plan {
                preview,
                clients: Vec::new(),
                remembered,
            };
        }
        let columns = Columns {
            headers: &table.headers,
            fields: &fields,
            date_format,
        };
        let mut identities = Identities::of(known);
        let mut clients = Vec::new();
        for row in &table.rows {
            let values = match &row.fields {
                Ok(values) => values,
                Err(message) => {
                    preview.errors.push(RowError {
                        line: row.line,
                        column: String::new(),
                        message: message.clone(),
                    });
                    continue;
                }
            };
            let client = match columns.client(row.line, values) {
                Ok(client) => client,
                Err(errors) => {
                    preview.errors.extend(errors);
                    continue;
                }
            };
            if let Some(duplicate) = identities.duplicate(row.line, &client) {
                preview.duplicates.push(duplicate);
                if !options.import_duplicates {
                    continue;
                }
            }
            if preview.preview.len() < PREVIEW_ROWS {
                preview.preview.push(PreviewRow {
                    line: row.line,
                    values: preview
                        .fields
                        .iter()
                        .map(|field| value(&client, *field))
                        .collect(),
                });
            }
            clients.push(client);
        }
        preview.to_import = count(clients.len());
        Plan {
            preview,
            clients,
            remembered,
        }
    }
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// What stops a mapping from being used, in words for the user.
fn mapping_problems(headers: &[String], fields: &[Option<Field>]) -> Vec<String> {
    if fields.len() != headers.len() {
        return vec![format!(
            "The mapping has {} columns but the file has {}: choose a field for each column again",
            fields.len(),
            headers.len()
        )];
    }
    let mut problems = Vec::new();
    if !fields.contains(&Some(Field::FirstName)) {
        problems.push("Choose the column that holds the first name".to_owned());
    }
    for field in Field::ALL
        .into_iter()
        .filter(|field| !field.gathers_columns())
    {
        let columns: Vec<&str> = headers
            .iter()
            .zip(fields)
            .filter(|(_, chosen)| **chosen == Some(field))
            .map(|(header, _)| header.as_str())
            .collect();
        if columns.len() > 1 {
            problems.push(format!(
                "{} is chosen for {} columns ({}): choose it for one only",
                field.label(),
                columns.len(),
                columns.join(", ")
            ));
        }
    }
    problems
}

/// The date order the file's dates of birth prove, or why the user must choose.
fn evident_date_format(
    table: &Table,
    fields: &[Option<Field>],
) -> Result<Option<DateFormat>, String> {
    let Some(column) = fields
        .iter()
        .position(|field| *field == Some(Field::DateOfBirth))
    else {
        return Ok(None);
    };
    let dates = table
        .rows
        .iter()
        .filter_map(|row| row.fields.as_ref().ok()?.get(column).map(String::as_str));
    DateFormat::evident(dates).map_err(|either| {
        let example = either
            .map(|date| format!(" (\"{date}\" could be either)"))
            .unwrap_or_default();
        format!(
            "Choose how the dates of birth are written: day/month/year or month/day/year{example}"
        )
    })
}

fn columns(table: &Table, fields: &[Option<Field>]) -> Vec<CsvColumn> {
    table
        .headers
        .iter()
        .enumerate()
        .map(|(index, header)| CsvColumn {
            header: header.clone(),
            field: fields.get(index).copied().flatten(),
            samples: table
                .rows
                .iter()
                .filter_map(|row| row.fields.as_ref().ok()?.get(index))
                .filter(|value| !value.trim().is_empty())
                .take(3)
                .cloned()
                .collect(),
        })
        .collect()
}

/// A usable mapping: the file's headers, the field of each and the date order.
struct Columns<'a> {
    headers: &'a [String],
    fields: &'a [Option<Field>],
    date_format: Option<DateFormat>,
}

impl Columns<'_> {
    /// The client a row holds, by the client form's rules, or every reason it
    /// can't be one.
    fn client(&self, line: u32, values: &[String]) -> Result<NewClient, Vec<RowError>> {
        let mut errors = Vec::new();
        let mut form = ClientForm::default();
        for field in Field::ALL {
            let mut text = self.text(field, values);
            if field == Field::DateOfBirth && !text.trim().is_empty() {
                // Without a known order only year-first dates are read.
                let format = self.date_format.unwrap_or(DateFormat::Ymd);
                text = format.read(&text).unwrap_or_else(|message| {
                    errors.push(RowError {
                        line,
                        column: self.header_of(field),
                        message,
                    });
                    String::new()
                });
            }
            *form_field(&mut form, field) = text;
        }
        match NewClient::try_from(form) {
            Ok(client) if errors.is_empty() => Ok(client),
            Ok(_) => Err(errors),
            Err(invalid) => {
                errors.extend(invalid.0.into_iter().map(|error| {
                    RowError {
                        line,
                        column: Field::ALL
                            .into_iter()
                            .find(|field| field.form_name() == error.field)
                            .map(|field| self.header_of(field))
                            .unwrap_or_default(),
                        message: error.message,
                    }
                }));
                Err(errors)
            }
        }
    }

    /// The text a row gives `field`: its column's value, or for free text
    /// fed by several columns each non-empty one as "Header: value" on a line.
    fn text(&self, field: Field, values: &[String]) -> String {
        let sources: Vec<(&String, &String)> = self
            .headers
            .iter()
            .zip(values)
            .zip(self.fields)
            .filter(|(_, chosen)| **chosen == Some(field))
            .map(|(column, _)| column)
            .collect();
        let text = match sources[..] {
            [(_, value)] => value.trim().to_owned(),
            _ => sources
                .iter()
                .filter(|(_, value)| !value.trim().is_empty())
                .map(|(header, value)| format!("{header}: {}", value.trim()))
                .collect::<Vec<_>>()
                .join("\n"),
        };
        // Text typed into the app has bare line feeds; so will imported text.
        text.replace("\r\n", "\n").replace('\r', "\n")
    }

    /// The header(s) of the columns that fill `field`.
    fn header_of(&self, field: Field) -> String {
        self.headers
            .iter()
            .zip(self.fields)
            .filter(|(_, chosen)| **chosen == Some(field))
            .map(|(header, _)| header.as_str())
            .collect::<Vec<_>>()
            .join(" + ")
    }
}

fn form_field(form: &mut ClientForm, field: Field) -> &mut String {
    match field {
        Field::FirstName => &mut form.first_name,
        Field::LastName => &mut form.last_name,
        Field::DateOfBirth => &mut form.date_of_birth,
        Field::Phone => &mut form.phone,
        Field::Email => &mut form.email,
        Field::Notes => &mut form.notes,
        Field::HealthHistory => &mut form.health_history,
        Field::Medications => &mut form.medications,
        Field::Contraindications => &mut form.contraindications,
        Field::AreasToAvoid => &mut form.areas_to_avoid,
    }
}

/// A field of a client as it will be stored.
fn value(client: &NewClient, field: Field) -> String {
    let text = |value: Option<&str>| value.unwrap_or_default().to_owned();
    match field {
        Field::FirstName => client.first_name.as_str().to_owned(),
        Field::LastName => text(client.last_name.as_ref().map(|name| name.as_str())),
        Field::DateOfBirth => client
            .date_of_birth
            .map(|date| date.to_string())
            .unwrap_or_default(),
        Field::Phone => text(client.phone.as_ref().map(|phone| phone.as_str())),
        Field::Email => text(client.email.as_ref().map(|email| email.as_str())),
        Field::Notes => client.notes.clone(),
        Field::HealthHistory => client.intake.health_history.clone(),
        Field::Medications => client.intake.medications.clone(),
        Field::Contraindications => client.intake.contraindications.clone(),
        Field::AreasToAvoid => client.intake.areas_to_avoid.clone(),
    }
}

/// The clients known so far by who they are: those in the database, then
/// each row of the file as it is read.
struct Identities(HashMap<String, DuplicateOf>);

impl Identities {
    fn of(known: &[KnownClient]) -> Identities {
        Identities(
            known
                .iter()
                .map(|client| {
                    let key = identity(
                        &client.first_name,
                        &client.last_name,
                        client.date_of_birth.as_deref(),
                    );
                    (key, DuplicateOf::Client { id: client.id })
                })
                .collect(),
        )
    }

    /// Who `client` (on `line`) duplicates, if anyone; else it is known
    /// from now on.
    fn duplicate(&mut self, line: u32, client: &NewClient) -> Option<Duplicate> {
        let date_of_birth = value(client, Field::DateOfBirth);
        let last_name = value(client, Field::LastName);
        let first_name = client.first_name.as_str();
        let key = identity(first_name, &last_name, Some(&date_of_birth));
        match self.0.get(&key) {
            Some(of) => Some(Duplicate {
                line,
                name: format!("{first_name} {last_name}").trim().to_owned(),
                date_of_birth,
                of: of.clone(),
            }),
            None => {
                self.0.insert(key, DuplicateOf::Line { line });
                None
            }
        }
    }
}

/// Who a client is for spotting duplicates: name and date of birth, in one
/// Unicode normal form (`Zoë` typed either way), case and spacing ignored. A
/// missing date of birth matches a missing one.
fn identity(first: &str, last: &str, date_of_birth: Option<&str>) -> String {
    let name: String = format!("{first} {last}")
        .nfkc()
        .flat_map(char::to_lowercase)
        // Greek final sigma is the same letter as sigma.
        .map(|c| if c == 'ς' { 'σ' } else { c })
        .collect();
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    format!("{name}\u{1f}{}", date_of_birth.unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identities_ignore_case_spacing_and_normal_form_but_not_accents() {
        let composed = identity("Zo\u{eb}", "ÅNGSTRÖM", Some("1990-01-02"));
        assert_eq!(
            composed,
            identity(" zoe\u{308}", "ångström ", Some("1990-01-02"))
        );
        assert_ne!(composed, identity("Zoe", "Angstrom", Some("1990-01-02")));
        assert_eq!(identity("ΝΙΚΟΣ", "", None), identity("νικος", "", None));
        assert_ne!(
            identity("Anna", "", Some("1990-01-02")),
            identity("Anna", "", None)
        );
    }

    #[test]
    fn every_field_has_its_form_name() {
        let mut form = ClientForm::default();
        for field in Field::ALL {
            *form_field(&mut form, field) = field.form_name().into();
        }
        let json = serde_json::to_value(Field::ALL).expect("json");
        let names: Vec<&str> = Field::ALL.iter().map(|field| field.form_name()).collect();
        assert_eq!(json, serde_json::json!(names));
        assert_eq!(form.areas_to_avoid, "areasToAvoid");
    }
}
