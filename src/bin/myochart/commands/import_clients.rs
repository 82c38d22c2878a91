//! `import-clients`: clients from another system's CSV export, all or none.

use myochart::api::{self, Api};
use myochart::import_csv::{CsvImportOptions, CsvImportPreview, DuplicateOf, Field, MappingOrigin};
use myochart::model::Invalid;

use crate::args::ImportClientsArgs;
use crate::print;

/// Checks a CSV file and prints what importing it does, then (unless a dry
/// run) imports it: refused, with nothing written, while a row is bad.
pub async fn execute(api: &Api, args: ImportClientsArgs) -> api::Result<()> {
    let mut options = CsvImportOptions {
        columns: None,
        date_format: args.date_format,
        source: args.source,
        import_duplicates: args.import_duplicates,
    };
    let mut preview = api.preview_csv_import(&args.file, &options).await?;
    if let Some(map) = &args.map {
        options.columns = Some(remap(&preview, map)?);
        preview = api.preview_csv_import(&args.file, &options).await?;
    }
    print_preview(&preview, options.import_duplicates);
    if args.dry_run {
        return match preview.ready() {
            true => Ok(()),
            false => Err(Invalid::field("file", "the file can't be imported as it is").into()),
        };
    }
    let summary = api
        .import_csv(&args.file, &options, &mut print::progress)
        .await?;
    println!(
        "{} client(s) imported, {} duplicate(s) skipped",
        summary.imported, summary.skipped_duplicates
    );
    Ok(())
}

/// The preview's mapping with the columns `map` names ("Column=field,...")
/// set to their fields.
fn remap(preview: &CsvImportPreview, map: &str) -> api::Result<Vec<Option<Field>>> {
    let mut fields: Vec<Option<Field>> = preview.columns.iter().map(|c| c.field).collect();
    for pair in map.split(',').filter(|pair| !pair.trim().is_empty()) {
        let (column, field) = pair
            .rsplit_once('=')
            .ok_or_else(|| Invalid::field("map", format!("\"{pair}\" is not COLUMN=FIELD")))?;
        let index = preview
            .columns
            .iter()
            .position(|c| c.header.eq_ignore_ascii_case(column.trim()))
            .ok_or_else(|| {
                let headers: Vec<&str> =
                    preview.columns.iter().map(|c| c.header.as_str()).collect();
                Invalid::field(
                    "map",
                    format!(
                        "the file has no column \"{column}\"; its columns: {}",
                        headers.join(", ")
                    ),
                )
            })?;
        fields[index] = match field.trim() {
            "-" => None,
            name => Some(Field::named(name).ok_or_else(|| {
                Invalid::field(
                    "map",
                    format!("\"{name}\" is not a client field (see --help)"),
                )
            })?),
        };
    }
    Ok(fields)
}

fn print_preview(preview: &CsvImportPreview, import_duplicates: bool) {
    let origin = match preview.origin {
        MappingOrigin::Chosen => "chosen",
        MappingOrigin::Remembered => "remembered",
        MappingOrigin::Suggested => "suggested",
    };
    println!("columns ({origin} mapping):");
    for column in &preview.columns {
        let field = column.field.map_or("(not imported)", Field::label);
        println!(
            "  {:<24} -> {field:<18} e.g. {}",
            column.header,
            column.samples.join(" | ")
        );
    }
    if let Some(format) = preview.date_format {
        println!("dates: {}", format.label());
    }
    for problem in &preview.problems {
        println!("problem: {problem}");
    }
    if !preview.preview.is_empty() {
        println!(
            "preview (first {} of {} to import):",
            preview.preview.len(),
            preview.to_import
        );
    }
    for row in &preview.preview {
        let values: Vec<String> = preview
            .fields
            .iter()
            .zip(&row.values)
            .filter(|(_, value)| !value.is_empty())
            .map(|(field, value)| format!("{}: {}", field.label(), value.replace('\n', " / ")))
            .collect();
        println!("  line {}: {}", row.line, values.join("; "));
    }
    for error in &preview.errors {
        let column = match error.column.as_str() {
            "" => String::new(),
            column => format!(", {column}"),
        };
        println!("error: line {}{column}: {}", error.line, error.message);
    }
    let fate = if import_duplicates {
        "imported anyway"
    } else {
        "skipped"
    };
    for duplicate in &preview.duplicates {
        let of = match duplicate.of {
            DuplicateOf::Client { id } => format!("client {id}"),
            DuplicateOf::Line { line } => format!("line {line}"),
        };
        println!(
            "duplicate ({fate}): line {}: {} {} is the same as {of}",
            duplicate.line, duplicate.name, duplicate.date_of_birth
        );
    }
    println!(
        "{} row(s) read, {} error(s), {} duplicate(s), {} to import",
        preview.rows,
        preview.errors.len(),
        preview.duplicates.len(),
        preview.to_import
    );
}
