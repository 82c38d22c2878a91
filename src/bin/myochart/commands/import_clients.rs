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
            false => Err(Invalid::field("file", t!("import-refused")).into()),
        };
    }
    let summary = api
        .import_csv(&args.file, &options, &mut print::progress)
        .await?;
    println!(
        "{}",
        t!(
            "clients-imported",
            imported = summary.imported,
            skipped = summary.skipped_duplicates,
        )
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
            .ok_or_else(|| Invalid::field("map", t!("map-not-a-pair", pair = pair)))?;
        let index = preview
            .columns
            .iter()
            .position(|c| c.header.eq_ignore_ascii_case(column.trim()))
            .ok_or_else(|| {
                let headers: Vec<&str> =
                    preview.columns.iter().map(|c| c.header.as_str()).collect();
                Invalid::field(
                    "map",
                    t!(
                        "map-no-such-column",
                        column = column,
                        columns = headers.join(", ")
                    ),
                )
            })?;
        fields[index] = match field.trim() {
            "-" => None,
            name => Some(
                Field::named(name)
                    .ok_or_else(|| Invalid::field("map", t!("map-not-a-field", field = name)))?,
            ),
        };
    }
    Ok(fields)
}

fn print_preview(preview: &CsvImportPreview, import_duplicates: bool) {
    println!(
        "{}",
        t!(
            "import-columns",
            origin = match preview.origin {
                MappingOrigin::Chosen => "chosen",
                MappingOrigin::Remembered => "remembered",
                MappingOrigin::Suggested => "suggested",
            }
        )
    );
    for column in &preview.columns {
        let field = column
            .field
            .map_or_else(|| t!("import-column-skipped"), |f| f.label().to_owned());
        println!(
            "  {:<24} -> {field:<18} {}",
            column.header,
            t!("import-samples", samples = column.samples.join(" | "))
        );
    }
    if let Some(format) = preview.date_format {
        println!("{}", t!("import-dates", format = format.label()));
    }
    for problem in &preview.problems {
        println!("{}", t!("import-problem", problem = problem.as_str()));
    }
    if !preview.preview.is_empty() {
        println!(
            "{}",
            t!(
                "import-preview",
                shown = preview.preview.len(),
                count = preview.to_import
            )
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
        println!(
            "  {}",
            t!("import-line", line = row.line, values = values.join("; "))
        );
    }
    for error in &preview.errors {
        let line = match error.column.as_str() {
            "" => t!(
                "import-error",
                line = error.line,
                message = error.message.as_str()
            ),
            column => t!(
                "import-error-in-column",
                line = error.line,
                column = column,
                message = error.message.as_str(),
            ),
        };
        println!("{line}");
    }
    for duplicate in &preview.duplicates {
        let of = match duplicate.of {
            DuplicateOf::Client { id } => t!("duplicate-of-client", id = id.to_string()),
            DuplicateOf::Line { line } => t!("duplicate-of-line", line = line),
        };
        println!(
            "{}",
            t!(
                "import-duplicate",
                imported = if import_duplicates { "yes" } else { "no" },
                line = duplicate.line,
                name = duplicate.name.as_str(),
                born = duplicate.date_of_birth.as_str(),
                of = of,
            )
        );
    }
    println!(
        "{}",
        t!(
            "import-summary",
            rows = preview.rows,
            errors = preview.errors.len(),
            duplicates = preview.duplicates.len(),
            count = preview.to_import,
        )
    );
}
