//! `demo`: made-up clients for an empty database.

use myochart::api::{self, Api};

use crate::args::DemoArgs;

pub async fn execute(api: &Api, args: DemoArgs) -> api::Result<()> {
    if api.info().await?.client_count > 0 {
        return Err(api::Error::File {
            path: api.info().await?.path.into(),
            reason: t!("demo-needs-empty-database"),
        });
    }
    myochart::demo::fill(api, args.clients).await?;
    println!("{}", t!("demo-added", count = args.clients));
    Ok(())
}
