//! `demo`: made-up clients for an empty database.

use myochart::api::{self, Api};

use crate::args::DemoArgs;

pub async fn execute(api: &Api, args: DemoArgs) -> api::Result<()> {
    if api.info().await?.client_count > 0 {
        return Err(api::Error::File {
            path: api.info().await?.path.into(),
            reason: "already holds clients; demo data goes into an empty database only".into(),
        });
    }
    myochart::demo::fill(api, args.clients).await?;
    println!("{} demo clients added", args.clients);
    Ok(())
}
