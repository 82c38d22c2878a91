//! `atlas regions|sheet`: the trigger-point atlas and its review sheets.

use myochart::api::{self, Api};

use crate::args::AtlasCommand;

pub async fn execute(api: &Api, command: AtlasCommand) -> api::Result<()> {
    match command {
        AtlasCommand::Regions => {
            for region in api.atlas().regions() {
                println!(
                    "{:<28} {}",
                    region.id,
                    t!(
                        "region",
                        muscles = region.muscles.len(),
                        name = region.name.as_str()
                    )
                );
            }
        }
        AtlasCommand::Sheet { region, out } => {
            let path = api.save_atlas_sheet(&region, &out).await?;
            println!(
                "{}",
                t!(
                    "review-sheet-saved",
                    region = region,
                    path = path.display().to_string()
                )
            );
        }
    }
    Ok(())
}
