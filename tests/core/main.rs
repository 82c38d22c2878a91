//! Integration tests of the core through its public API, each on a throwaway
//! database.

// First, so its macros are seen by the modules below.
#[macro_use]
mod helpers;

mod api_validation;
mod atlas;
mod backups;
mod charting;
mod cli;
mod cli_text;
mod clinic;
mod clinic_import;
mod clinic_load;
mod clinic_offline;
#[cfg(unix)]
mod crash;
mod csv_import;
mod export;
mod finder;
mod forms_fuzz;
mod handout;
mod history;
mod logs;
mod plugin_builds;
mod plugin_processes;
mod plugins;
mod private_files;
mod protection;
mod scripts;
mod search;
mod store;
mod students;
