//! `export` (the database or one client's record, as JSON or PDF) and
//! `import` (an export, into an empty database).

use myochart::api::{self, Api};
use myochart::model::ClientId;

use crate::args::{ExportArgs, ImportArgs};

pub async fn export(api: &Api, args: ExportArgs) -> api::Result<()> {
    let ExportArgs { out, client, pdf } = args;
    if let Some(out) = out {
        let path = match client {
            Some(id) => api.export_client(ClientId(id), &out).await?,
            None => api.export_all(&out).await?,
        };
        println!(
            "{}",
            t!("export-written", path = path.display().to_string())
        );
    }
    if let (Some(pdf), Some(id)) = (pdf, client) {
        let path = api.export_client_pdf(ClientId(id), &pdf).await?;
        println!(
            "{}",
            t!("client-record-written", path = path.display().to_string())
        );
    }
    Ok(())
}

pub async fn import(api: &Api, args: ImportArgs) -> api::Result<()> {
    let imported = api.import(&args.file).await?;
    println!(
        "{}",
        t!(
            "imported",
            records = imported.rows,
            clients = imported.clients,
            path = args.file.display().to_string(),
        )
    );
    Ok(())
}
