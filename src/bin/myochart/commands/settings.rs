//! `settings show|set`: the clinic details printed on handouts.

use myochart::api::{self, Api};
use myochart::model::Settings;

use crate::args::SettingsCommand;
use crate::print;

pub async fn execute(api: &Api, command: SettingsCommand) -> api::Result<()> {
    match command {
        SettingsCommand::Show => print::settings(&api.settings().await?),
        SettingsCommand::Set {
            clinic,
            therapist,
            contact,
            paper,
            auto_lock_minutes,
        } => {
            let current = api.settings().await?;
            let saved = api
                .save_settings(Settings {
                    clinic_name: clinic.unwrap_or(current.clinic_name),
                    therapist_name: therapist.unwrap_or(current.therapist_name),
                    contact: contact.unwrap_or(current.contact),
                    paper: paper.unwrap_or(current.paper),
                    auto_lock_minutes: auto_lock_minutes.unwrap_or(current.auto_lock_minutes),
                })
                .await?;
            print::settings(&saved);
        }
    }
    Ok(())
}
