//! `atlas regions|sheet`: the trigger-point atlas and its review sheets.

use myochart::api::{self, Api};

use crate::args::AtlasCommand;

pub async fn execute(api: &Api, command: AtlasCommand) -> api::Result<()> {
    match command {
        AtlasCommand::Regions => {
            for region in api.atlas().regions() {
                println!(
                    "{:<28} {:>3} muscles  {}",
                    region.id,
                    region.muscles.len(),
                    region.name
                );
            }
        }
        AtlasCommand::Sheet { region, out } => {
            let path = api.save_atlas_sheet(&region, &out).await?;
            println!("review sheet of {region} saved to {}", path.display());
        }
    }
    Ok(())
}
