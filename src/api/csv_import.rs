//! The façade for bringing clients over from another system's CSV export.

use super::*;
use crate::import_csv::{CsvImportOptions, CsvImportPreview, CsvImportSummary, Plan};
use crate::report::Progress;
use crate::store::CsvImport;

/// Clients added between two progress reports: a 10,000-row file sends a
/// hundred reports, not ten thousand.
const PROGRESS_EVERY: usize = 100;

/// Larger than any client list: a file this big was picked by mistake.
const MAX_FILE_BYTES: u64 = 64 << 20;

/// Importing clients from CSV.
impl Api {
    /// What importing the CSV file at `path` with `options` would do: the
    /// mapping, the first rows as they will be imported, every bad row and
    /// every duplicate. Writes nothing.
    pub async fn preview_csv_import(
        &self,
        path: &Path,
        options: &CsvImportOptions,
    ) -> Result<CsvImportPreview> {
        Ok(self.plan_csv_import(path, options).await?.0.preview)
    }

    /// Adds the clients of the CSV file at `path` in one transaction, each
    /// as if created by hand (audit log included), and remembers the mapping
    /// for the next file from the same source. Refuses, writing nothing,
    /// while the mapping is incomplete or any row is bad.
    #[tracing::instrument(skip_all)]
    pub async fn import_csv(
        &self,
        path: &Path,
        options: &CsvImportOptions,
        on_progress: OnProgress<'_>,
    ) -> Result<CsvImportSummary> {
        logged(async move {
            let (plan, keys) = self.plan_csv_import(path, options).await?;
            let preview = &plan.preview;
            if !preview.problems.is_empty() {
                return Err(Invalid::field("mapping", preview.problems.join("; ")).into());
            }
            if !preview.errors.is_empty() {
                let rows: std::collections::BTreeSet<u32> =
                    preview.errors.iter().map(|error| error.line).collect();
                return Err(Invalid::field(
                    "rows",
                    format!(
                        "{} row(s) can't be imported (see the list), so nothing was imported: \
                     correct them in the file and import it again",
                        rows.len()
                    ),
                )
                .into());
            }
            let total = plan.clients.len();
            let mut report = |added: usize| {
                if added.is_multiple_of(PROGRESS_EVERY) || added == total {
                    on_progress(Progress {
                        step: u32::try_from(added).unwrap_or(u32::MAX),
                        total: preview.to_import,
                        label: "Adding clients".into(),
                    });
                }
            };
            report(0);
            let source = match options.source.trim() {
                "" => String::new(),
                source => format!(" from {source}"),
            };
            let detail = format!("{}: {total} client(s){source}", path.display());
            let import = CsvImport {
                clients: &plan.clients,
                detail: &detail,
                remembered: &plan.remembered,
                keys: &keys,
            };
            self.store
                .import_clients(&self.actor, import, &mut report)
                .await?;
            let skipped = if options.import_duplicates {
                0
            } else {
                preview.duplicates.len()
            };
            Ok(CsvImportSummary {
                imported: preview.to_import,
                skipped_duplicates: u32::try_from(skipped).unwrap_or(u32::MAX),
            })
        })
        .await
    }

    /// The file at `path` checked against the database, and the keys its
    /// mapping is remembered under.
    async fn plan_csv_import(
        &self,
        path: &Path,
        options: &CsvImportOptions,
    ) -> Result<(Plan, Vec<String>)> {
        let file_error = |reason: String| Error::File {
            path: path.to_owned(),
            reason,
        };
        let size = std::fs::metadata(path)
            .map_err(|error| file_error(format!("can't read it: {error}")))?
            .len();
        if size > MAX_FILE_BYTES {
            return Err(file_error(format!(
                "it is {} MB, too large for a client list: is it the right file?",
                size >> 20
            )));
        }
        let bytes =
            std::fs::read(path).map_err(|error| file_error(format!("can't read it: {error}")))?;
        let table = crate::import_csv::read(&bytes).map_err(file_error)?;
        let keys = crate::import_csv::keys(&options.source, &table.headers);
        let remembered = self.store.remembered_mapping(&keys).await?;
        let known = self.store.known_clients().await?;
        let plan = Plan::new(&table, options, remembered.as_ref(), &known);
        Ok((plan, keys))
    }
}
