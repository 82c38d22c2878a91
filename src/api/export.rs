//! The façade for taking records out and bringing them back: the whole
//! database as one JSON file (the format: [`crate::model::export`]), one client's record
//! as JSON and as a readable PDF, and the import of an export into an empty
//! database.

use super::*;
use crate::model::export::Export;

/// What an import brought in.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    /// Every row of every table.
    pub rows: u32,
    pub clients: u32,
}

/// Export and import.
impl Api {
    /// Writes everything the database holds to `path` as an export file (all
    /// tables, deleted rows and the audit log included); the file appears
    /// whole or not at all.
    #[tracing::instrument(skip_all)]
    pub async fn export_all(&self, path: &Path) -> Result<PathBuf> {
        logged(async move {
            let export = self.store.export(None).await?;
            let path = save_file(path, &export_json(&export, path)?)?;
            self.record_copy("export.all", ("database", 0), &path)
                .await?;
            Ok(path)
        })
        .await
    }

    /// Everything the database holds, for moving it into a clinic
    /// (`myochart clinic import`): in memory, never a file of its own.
    pub async fn export_records(&self) -> Result<crate::model::export::Export> {
        Ok(self.store.export(None).await?)
    }

    /// Writes everything into `folder` (the exports folder): "Myochart export
    /// `<stamp>`.json".
    #[tracing::instrument(skip_all)]
    pub async fn export_all_in(&self, folder: &Path) -> Result<PathBuf> {
        logged(async move {
            self.export_all(&paths::stamped_file(folder, "Myochart export", "json")?)
                .await
        })
        .await
    }

    /// Writes one client's record into `folder` as JSON and as a PDF, named by
    /// their client code (a name in a file name would show in any folder
    /// listing); returns both paths.
    #[tracing::instrument(skip_all, fields(client = client.0))]
    pub async fn export_client_in(&self, client: ClientId, folder: &Path) -> Result<[PathBuf; 2]> {
        logged(async move {
            let name = format!("Client record {}", crate::model::client_code(client));
            let json = self
                .export_client(client, &paths::stamped_file(folder, &name, "json")?)
                .await?;
            let pdf = self
                .export_client_pdf(client, &paths::stamped_file(folder, &name, "pdf")?)
                .await?;
            Ok([json, pdf])
        })
        .await
    }

    /// Writes one client's record to `path`, for a client who asks for their
    /// data: the export format, holding only their rows.
    #[tracing::instrument(skip_all, fields(client = client.0))]
    pub async fn export_client(&self, client: ClientId, path: &Path) -> Result<PathBuf> {
        logged(async move {
            self.store.client(client).await?;
            let export = self.store.export(Some(client)).await?;
            let path = save_file(path, &export_json(&export, path)?)?;
            self.record_copy("export.client", ("client", client.0), &path)
                .await?;
            Ok(path)
        })
        .await
    }

    /// Saves one client's whole record as a readable PDF at `path`: their
    /// details, health history, consent and screening, every session with its
    /// SOAP note, pain scores, findings and amendments, and pain over time.
    #[tracing::instrument(skip_all, fields(client = client.0))]
    pub async fn export_client_pdf(&self, client: ClientId, path: &Path) -> Result<PathBuf> {
        logged(async move {
            let client = self.store.client(client).await?;
            let (from, to) = (open_range("1900-01-01"), open_range("9999-12-31"));
            let sessions = self.store.sessions_between(client.id, from, to).await?;
            let sessions = self.session_records(sessions).await?;
            let settings = self.store.settings().await?;
            let pdf =
                crate::report::client_record(&client, &sessions, &settings, &self.plugins.atlas())?;
            let path = save_file(path, &pdf)?;
            self.record_copy("export.client-pdf", ("client", client.id.0), &path)
                .await?;
            Ok(path)
        })
        .await
    }

    /// Reads the export file at `path` and writes all of it into this
    /// database, which must hold no records. Everything is checked first
    /// (the format version, every value, every reference between records):
    /// any problem, all of them listed with where they are in the file, and
    /// nothing is written.
    #[tracing::instrument(skip_all)]
    pub async fn import(&self, path: &Path) -> Result<Imported> {
        logged(async move {
            if self.store.holds_records().await? {
                return Err(self.not_empty());
            }
            let bytes = std::fs::read(path).map_err(|error| Error::File {
                path: path.to_owned(),
                reason: format!("can't read it: {error}"),
            })?;
            let export = Export::parse(&bytes)?;
            export.check(&self.store.export_schema().await?)?;
            if !self.store.import(&export).await? {
                return Err(self.not_empty());
            }
            let count = |rows: usize| u32::try_from(rows).unwrap_or(u32::MAX);
            Ok(Imported {
                rows: count(export.row_count()),
                clients: count(export.rows("clients").map_or(0, <[_]>::len)),
            })
        })
        .await
    }

    fn not_empty(&self) -> Error {
        Error::File {
            path: self.store.path().to_owned(),
            reason: "this database already holds records; an export is imported into an \
                     empty database only (start one with --db NEW-FILE)"
                .into(),
        }
    }
}

/// The file's bytes: indented JSON, ending in a new line.
fn export_json(export: &Export, path: &Path) -> Result<Vec<u8>> {
    let mut json = serde_json::to_vec_pretty(export).map_err(|error| Error::File {
        path: path.to_owned(),
        reason: format!("can't write the export: {error}"),
    })?;
    json.push(b'\n');
    Ok(json)
}
