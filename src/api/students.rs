//! The façade for students: the profile, the practice log and the reports.

use super::*;

/// Students: the profile, the practice log and the reports.
impl Api {
    /// The student mode of the settings.
    pub async fn student_profile(&self) -> Result<StudentProfile> {
        Ok(self.store.student_profile().await?)
    }

    #[tracing::instrument(skip_all)]
    pub async fn save_student_profile(&self, form: StudentProfile) -> Result<StudentProfile> {
        logged(async move {
            let profile = StudentProfile::parse(form)?;
            Ok(self
                .store
                .save_student_profile(&self.actor, &profile)
                .await?)
        })
        .await
    }

    /// The practice log, oldest first: charted sessions (a signed note or at
    /// least one finding) count by themselves, with the entries added by hand,
    /// and the totals against the profile's requirement.
    pub async fn practice_log(&self) -> Result<PracticeLog> {
        let profile = self.store.student_profile().await?;
        let rows = self.store.log_rows().await?;
        let charted = self.store.charted_sessions().await?;
        Ok(crate::report::practice_log(
            profile,
            rows,
            charted,
            &self.plugins.atlas(),
        ))
    }

    /// Adds practice that was not charted here.
    #[tracing::instrument(skip_all)]
    pub async fn add_log_entry(&self, form: LogEntryForm) -> Result<LogEntry> {
        logged(async move {
            let entry = NewLogEntry::try_from(form)?;
            Ok(self.store.insert_log_entry(&self.actor, &entry).await?)
        })
        .await
    }

    /// Changes an entry added by hand; a signed-off one is locked
    /// ([`Code::SignedEntry`]).
    #[tracing::instrument(skip_all, fields(entry = id.0))]
    pub async fn update_log_entry(&self, id: LogEntryId, form: LogEntryForm) -> Result<LogEntry> {
        logged(async move {
            let entry = NewLogEntry::try_from(form)?;
            Ok(self.store.update_log_entry(&self.actor, id, &entry).await?)
        })
        .await
    }

    /// Removes an entry added by hand (soft delete); not a signed-off one.
    #[tracing::instrument(skip_all, fields(entry = id.0))]
    pub async fn delete_log_entry(&self, id: LogEntryId) -> Result<()> {
        logged(async move { Ok(self.store.delete_log_entry(&self.actor, id).await?) }).await
    }

    /// A supervisor signs an entry off; from then on it is locked. A charted
    /// session is signed off as the log shows it now.
    #[tracing::instrument(skip_all, fields(entry = ?entry))]
    pub async fn sign_off_log_entry(
        &self,
        entry: LogEntryRef,
        form: SignOffForm,
    ) -> Result<LogEntry> {
        logged(async move {
            let sign_off = SignOff::try_from(form)?;
            let session = match entry {
                LogEntryRef::Entry(id) => {
                    return Ok(self
                        .store
                        .sign_off_log_entry(&self.actor, id, &sign_off)
                        .await?)
                }
                LogEntryRef::Session(id) => id,
            };
            let log = self.practice_log().await?;
            match log.entries.iter().find(|e| e.session_id == Some(session)) {
                Some(signed) if signed.is_signed_off() => {
                    Err(crate::store::Error::SignedEntry.into())
                }
                Some(entry) => Ok(self
                    .store
                    .sign_off_session(&self.actor, entry, &sign_off)
                    .await?),
                None => {
                    self.store.session(session).await?;
                    Err(Invalid::field(
                        "session",
                        format!(
                            "session {session} has nothing charted yet; chart a finding or \
                         sign its note before it counts as practice"
                        ),
                    )
                    .into())
                }
            }
        })
        .await
    }

    /// The practice log as CSV (RFC 4180, UTF-8).
    pub async fn practice_log_csv(&self) -> Result<String> {
        Ok(crate::report::log_csv(&self.practice_log().await?))
    }

    /// Saves the practice log as CSV at `path`; the file appears whole or not
    /// at all.
    #[tracing::instrument(skip_all)]
    pub async fn save_practice_log_csv(&self, path: &Path) -> Result<PathBuf> {
        logged(async move {
            let csv = self.practice_log_csv().await?;
            let path = save_file(path, csv.as_bytes())?;
            self.record_copy(PRACTICE_LOG_EXPORT, ("database", 0), &path)
                .await?;
            Ok(path)
        })
        .await
    }

    /// Saves the review sheet of one atlas region (`core:leg`) at `path`: each
    /// muscle with its points and zones drawn, for a clinician to check.
    #[tracing::instrument(skip_all)]
    pub async fn save_atlas_sheet(&self, region: &str, path: &Path) -> Result<PathBuf> {
        logged(async move {
            let atlas = self.plugins.atlas();
            let Some(found) = atlas.region(region) else {
                let known: Vec<&str> = atlas.regions().map(|r| r.id.as_str()).collect();
                return Err(Invalid::field(
                    "region",
                    format!("no region {region:?}; the regions are {}", known.join(", ")),
                )
                .into());
            };
            let paper = self.store.settings().await?.paper;
            save_file(path, &crate::report::atlas_sheet(&atlas, found, paper)?)
        })
        .await
    }

    /// Saves the practice log as a PDF for the school at `path`.
    #[tracing::instrument(skip_all)]
    pub async fn save_practice_log_pdf(&self, path: &Path) -> Result<PathBuf> {
        logged(async move {
            let log = self.practice_log().await?;
            let paper = self.store.settings().await?.paper;
            let path = save_file(path, &crate::report::log_pdf(&log, paper)?)?;
            self.record_copy(PRACTICE_LOG_EXPORT, ("database", 0), &path)
                .await?;
            Ok(path)
        })
        .await
    }

    /// Where a case study's free text names the client (it would print their
    /// code instead), so the student can reword it before saving.
    pub async fn case_study_warnings(&self, form: CaseStudyForm) -> Result<Vec<AnonymityWarning>> {
        Ok(self.case_study(form).await?.warnings)
    }

    /// Saves the practice log into `folder` (the reports folder), as a PDF or
    /// a CSV: `"Practice log <stamp>.pdf"`.
    #[tracing::instrument(skip_all)]
    pub async fn save_practice_log_in(&self, folder: &Path, pdf: bool) -> Result<PathBuf> {
        logged(async move {
            if pdf {
                let path = paths::stamped_file(folder, "Practice log", "pdf")?;
                self.save_practice_log_pdf(&path).await
            } else {
                let path = paths::stamped_file(folder, "Practice log", "csv")?;
                self.save_practice_log_csv(&path).await
            }
        })
        .await
    }

    /// Saves a case study into `folder`, named by the client's code (a name
    /// in a file name would show in any folder listing).
    #[tracing::instrument(skip_all)]
    pub async fn save_case_study_in(
        &self,
        form: CaseStudyForm,
        folder: &Path,
        on_progress: OnProgress<'_>,
    ) -> Result<SavedReport> {
        logged(async move {
            let name = format!("Case study {}", crate::model::client_code(form.client_id));
            let path = paths::stamped_file(folder, &name, "pdf")?;
            self.save_case_study(form, &path, on_progress).await
        })
        .await
    }

    /// Saves a class report (or its slides) into `folder`.
    #[tracing::instrument(skip_all)]
    pub async fn save_class_report_in(
        &self,
        form: ClassReportForm,
        folder: &Path,
        on_progress: OnProgress<'_>,
    ) -> Result<SavedReport> {
        logged(async move {
            let name = if form.slides {
                "Class slides"
            } else {
                "Class report"
            };
            let path = paths::stamped_file(folder, name, "pdf")?;
            self.save_class_report(form, &path, on_progress).await
        })
        .await
    }

    /// Saves an anonymised case-study report at `path`, telling `on_progress`
    /// how far it is. Its warnings list where the client's identity was found
    /// and replaced.
    #[tracing::instrument(skip_all)]
    pub async fn save_case_study(
        &self,
        form: CaseStudyForm,
        path: &Path,
        on_progress: OnProgress<'_>,
    ) -> Result<SavedReport> {
        logged(async move {
            let client = form.client_id;
            let study = self.case_study(form).await?;
            let mut steps = Steps::start(study.steps() + 1, "Gathering the sessions", on_progress);
            let pdf = study.render(&mut steps)?;
            steps.next("Saving the file");
            let path = save_file(path, &pdf)?;
            self.record_copy("export.case-study", ("client", client.0), &path)
                .await?;
            steps.finish("Saved");
            Ok(SavedReport {
                path: path.display().to_string(),
                warnings: study.warnings,
            })
        })
        .await
    }

    /// Saves a class report over several clients at `path`: portrait pages, or
    /// landscape slides.
    #[tracing::instrument(skip_all)]
    pub async fn save_class_report(
        &self,
        form: ClassReportForm,
        path: &Path,
        on_progress: OnProgress<'_>,
    ) -> Result<SavedReport> {
        logged(async move {
            // Each client once, in the order chosen.
            let mut ids = form.client_ids;
            let mut seen = std::collections::HashSet::new();
            ids.retain(|id| seen.insert(*id));
            if ids.is_empty() {
                return Err(Invalid::field("clientIds", "Choose at least one client").into());
            }
            let (from, to) = (open_range("1900-01-01"), open_range("9999-12-31"));
            let mut clients = Vec::with_capacity(ids.len());
            for id in ids {
                let sessions = self.store.sessions_between(id, from, to).await?;
                clients.push(ClientSessions {
                    client_id: id,
                    sessions: self.session_records(sessions).await?,
                });
            }
            if clients.iter().all(|c| c.sessions.is_empty()) {
                return Err(Invalid::field(
                    "clientIds",
                    "none of these clients has a session yet; a class report needs at least one",
                )
                .into());
            }
            let profile = self.store.student_profile().await?;
            let paper = self.store.settings().await?.paper;
            let report = ClassReport::new(&clients, &profile, &self.plugins.atlas(), paper);
            let mut steps = Steps::start(report.steps() + 1, "Gathering the sessions", on_progress);
            let pdf = report.render(form.slides, &mut steps)?;
            steps.next("Saving the file");
            let path = save_file(path, &pdf)?;
            for client in &clients {
                self.record_copy("export.class-report", ("client", client.client_id.0), &path)
                    .await?;
            }
            steps.finish("Saved");
            Ok(SavedReport {
                path: path.display().to_string(),
                warnings: Vec::new(),
            })
        })
        .await
    }

    /// A case study gathered and anonymised, ready to render.
    async fn case_study(&self, form: CaseStudyForm) -> Result<CaseStudy> {
        let request = CaseStudyRequest::try_from(form)?;
        let client = self.store.client(request.client_id).await?;
        let sessions = self
            .store
            .sessions_between(client.id, request.from, request.to)
            .await?;
        if sessions.is_empty() {
            return Err(Invalid::field(
                "from",
                format!(
                    "client {} has no sessions from {} to {}; choose another range",
                    crate::model::client_code(client.id),
                    request.from,
                    request.to
                ),
            )
            .into());
        }
        let records = self.session_records(sessions).await?;
        let profile = self.store.student_profile().await?;
        let paper = self.store.settings().await?.paper;
        Ok(CaseStudy::new(
            &client,
            &records,
            &request.reflection,
            &profile,
            &self.plugins.atlas(),
            paper,
            self.client_names().await?,
        ))
    }

    /// Every client's full name, read again only when something was written
    /// since (here, in another window or by the CLI).
    async fn client_names(&self) -> Result<Arc<ClientNames>> {
        let latest = self.store.latest_change().await?;
        let mut cached = self.client_names.lock().await;
        if let Some((seen, names)) = cached.as_ref() {
            if *seen == latest {
                return Ok(names.clone());
            }
        }
        let rows = self.store.client_names().await?;
        let names = Arc::new(ClientNames::new(
            rows.iter()
                .map(|(first, last)| (first.as_str(), last.as_str())),
        ));
        *cached = Some((latest, names.clone()));
        Ok(names)
    }

    pub(super) async fn session_records(
        &self,
        sessions: Vec<crate::model::Session>,
    ) -> Result<Vec<SessionRecord>> {
        let mut records = Vec::with_capacity(sessions.len());
        for session in sessions {
            records.push(SessionRecord {
                findings: self.store.findings(session.id).await?,
                amendments: self.store.amendments(session.id).await?,
                session,
            });
        }
        Ok(records)
    }
}
