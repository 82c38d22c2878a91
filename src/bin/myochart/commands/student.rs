//! `student profile`: show the student profile, changing fields first.

use myochart::api::{self, Api};
use myochart::model::StudentProfile;

use crate::args::StudentCommand;

pub async fn execute(api: &Api, command: StudentCommand) -> api::Result<()> {
    let StudentCommand::Profile {
        name,
        programme,
        required_sessions,
        required_hours,
        session_minutes,
        supervisors,
        student_mode,
    } = command;
    let current = api.student_profile().await?;
    let changed = name.is_some()
        || programme.is_some()
        || required_sessions.is_some()
        || required_hours.is_some()
        || session_minutes.is_some()
        || !supervisors.is_empty()
        || student_mode.is_some();
    let profile = if changed {
        api.save_student_profile(StudentProfile {
            // Setting up a profile from the command line means being a student.
            student_mode: student_mode.unwrap_or(true),
            student_name: name.unwrap_or(current.student_name),
            programme: programme.unwrap_or(current.programme),
            required_sessions: required_sessions.unwrap_or(current.required_sessions),
            required_hours: required_hours.unwrap_or(current.required_hours),
            session_minutes: session_minutes.unwrap_or(current.session_minutes),
            supervisors: if supervisors.is_empty() {
                current.supervisors
            } else {
                supervisors
            },
        })
        .await?
    } else {
        current
    };
    println!(
        "{}",
        t!(
            "student-profile",
            on = if profile.student_mode { "yes" } else { "no" },
            name = profile.student_name.as_str(),
            programme = profile.programme.as_str(),
            sessions = profile.required_sessions,
            hours = profile.required_hours,
            minutes = profile.session_minutes,
            supervisors = profile.supervisors.join(", "),
        )
    );
    Ok(())
}
