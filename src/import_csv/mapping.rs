//! Which client field each column fills: suggested from the header's name,
//! remembered from the last import from the same system, or chosen.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::DateFormat;

/// A client field a column can fill. The rest of the client (pressure,
/// consent, red-flag screening) is asked at the first visit, never assumed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, export_to = "../ui/src/bindings/")]
pub enum Field {
    FirstName,
    LastName,
    DateOfBirth,
    Phone,
    Email,
    Notes,
    HealthHistory,
    Medications,
    Contraindications,
    AreasToAvoid,
}

impl Field {
    /// In the client form's order.
    pub const ALL: [Field; 10] = [
        Field::FirstName,
        Field::LastName,
        Field::DateOfBirth,
        Field::Phone,
        Field::Email,
        Field::Notes,
        Field::HealthHistory,
        Field::Medications,
        Field::Contraindications,
        Field::AreasToAvoid,
    ];

    /// The field's name in the client form (and in its errors).
    pub fn form_name(self) -> &'static str {
        match self {
            Field::FirstName => "firstName",
            Field::LastName => "lastName",
            Field::DateOfBirth => "dateOfBirth",
            Field::Phone => "phone",
            Field::Email => "email",
            Field::Notes => "notes",
            Field::HealthHistory => "healthHistory",
            Field::Medications => "medications",
            Field::Contraindications => "contraindications",
            Field::AreasToAvoid => "areasToAvoid",
        }
    }

    /// As the client form labels it.
    pub fn label(self) -> &'static str {
        match self {
            Field::FirstName => "First name",
            Field::LastName => "Last name",
            Field::DateOfBirth => "Date of birth",
            Field::Phone => "Phone",
            Field::Email => "E-mail",
            Field::Notes => "Notes",
            Field::HealthHistory => "Health history",
            Field::Medications => "Medications",
            Field::Contraindications => "Contraindications",
            Field::AreasToAvoid => "Areas to avoid",
        }
    }

    /// Free text can gather several columns (an address and an emergency
    /// contact into the notes); a name, a date or a phone number can't.
    pub fn gathers_columns(self) -> bool {
        matches!(
            self,
            Field::Notes
                | Field::HealthHistory
                | Field::Medications
                | Field::Contraindications
                | Field::AreasToAvoid
        )
    }

    /// The field named `name` in any spelling: `firstName`, `first-name`,
    /// `First name`.
    pub fn named(name: &str) -> Option<Field> {
        let name = compact(name);
        Field::ALL
            .into_iter()
            .find(|field| compact(field.form_name()) == name || compact(field.label()) == name)
    }

    /// Header names other systems use for the field, compacted.
    fn headers(self) -> &'static [&'static str] {
        match self {
            Field::FirstName => &["firstname", "givenname", "givennames", "forename", "first"],
            Field::LastName => &["lastname", "surname", "familyname", "last"],
            Field::DateOfBirth => &["dateofbirth", "dob", "birthdate", "birthday", "born"],
            Field::Phone => &[
                "phone",
                "mobile",
                "mobilephone",
                "mobilenumber",
                "phonenumber",
                "cell",
                "cellphone",
                "telephone",
                "tel",
                "homephone",
            ],
            Field::Email => &["email", "emailaddress", "mail"],
            Field::Notes => &["notes", "note", "comments", "comment", "clientnotes"],
            Field::HealthHistory => &[
                "healthhistory",
                "medicalhistory",
                "medicalconditions",
                "conditions",
                "medicalnotes",
            ],
            Field::Medications => &["medications", "medication", "medicines", "medicine"],
            Field::Contraindications => &["contraindications", "contraindication"],
            Field::AreasToAvoid => &["areastoavoid", "avoid"],
        }
    }
}

/// Lower-case letters and digits only: "E-mail Address" is "emailaddress".
fn compact(name: &str) -> String {
    crate::search::fold(name)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// A mapping as kept for the next file from the same system: by header
/// name, so a column moved or added in the next export still finds its field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Remembered {
    pub columns: Vec<(String, Option<Field>)>,
    pub date_format: Option<DateFormat>,
}

impl Remembered {
    pub fn new(
        headers: &[String],
        fields: &[Option<Field>],
        date_format: Option<DateFormat>,
    ) -> Self {
        Remembered {
            columns: headers
                .iter()
                .cloned()
                .zip(fields.iter().copied())
                .collect(),
            date_format,
        }
    }

    fn field_of(&self, header: &str) -> Option<Option<Field>> {
        let header = compact(header);
        self.columns
            .iter()
            .find(|(known, _)| compact(known) == header)
            .map(|(_, field)| *field)
    }
}

/// Where a file's mapping is remembered: under the name the user gave the
/// source, if any, and under the file's header row, so a file from the same
/// system is recognised without a name too.
pub fn keys(source: &str, headers: &[String]) -> Vec<String> {
    let folded = crate::search::fold(source);
    let mut keys = vec![format!(
        "header:{}",
        crate::search::fold(&headers.join("\u{1f}"))
    )];
    if !folded.is_empty() {
        keys.insert(0, format!("source:{folded}"));
    }
    keys
}

/// A field for each header: the remembered one where the header is known,
/// else one its name suggests and no other column has taken.
pub fn suggest(headers: &[String], remembered: Option<&Remembered>) -> Vec<Option<Field>> {
    let known: Vec<Option<Option<Field>>> = headers
        .iter()
        .map(|header| remembered.and_then(|r| r.field_of(header)))
        .collect();
    let mut taken: Vec<Field> = known.iter().flatten().flatten().copied().collect();
    headers
        .iter()
        .zip(known)
        .map(|(header, known)| {
            known.unwrap_or_else(|| {
                let name = compact(header);
                let field = Field::ALL.into_iter().find(|field| {
                    field.headers().contains(&name.as_str())
                        && (field.gathers_columns() || !taken.contains(field))
                })?;
                taken.push(field);
                Some(field)
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(names: &[&str]) -> Vec<String> {
        names.iter().map(|name| name.to_string()).collect()
    }

    #[test]
    fn header_names_suggest_fields_once_each() {
        let file = headers(&[
            "First Name",
            "Last Name",
            "DOB",
            "E-mail",
            "Mobile",
            "Home Phone",
            "Medical history",
            "Address",
        ]);
        assert_eq!(
            suggest(&file, None),
            [
                Some(Field::FirstName),
                Some(Field::LastName),
                Some(Field::DateOfBirth),
                Some(Field::Email),
                Some(Field::Phone),
                None,
                Some(Field::HealthHistory),
                None
            ]
        );
    }

    #[test]
    fn a_remembered_mapping_wins_and_follows_columns_that_moved() {
        let before = Remembered::new(
            &headers(&["Name", "Surname", "Address"]),
            &[
                Some(Field::FirstName),
                Some(Field::LastName),
                Some(Field::Notes),
            ],
            Some(DateFormat::Dmy),
        );
        let now = headers(&["Address", "Name", "Mobile", "surname"]);
        assert_eq!(
            suggest(&now, Some(&before)),
            [
                Some(Field::Notes),
                Some(Field::FirstName),
                Some(Field::Phone),
                Some(Field::LastName)
            ]
        );
    }

    #[test]
    fn fields_are_named_in_any_spelling() {
        assert_eq!(Field::named("first-name"), Some(Field::FirstName));
        assert_eq!(Field::named("dateOfBirth"), Some(Field::DateOfBirth));
        assert_eq!(Field::named("E-mail"), Some(Field::Email));
        assert_eq!(Field::named("address"), None);
    }

    #[test]
    fn a_source_name_is_a_key_of_its_own() {
        let file = headers(&["A", "B"]);
        assert_eq!(keys(" ", &file).len(), 1);
        assert_eq!(keys("Clinic Pro", &file)[0], "source:clinic pro");
    }
}
