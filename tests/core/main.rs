//! Integration tests of the core through its public API, each on a throwaway
//! database.

mod api_validation;
mod atlas;
mod charting;
mod cli;
mod csv_import;
mod finder;
mod forms_fuzz;
mod handout;
mod helpers;
mod plugin_builds;
mod plugin_processes;
mod plugins;
mod private_files;
mod search;
mod store;
mod students;
