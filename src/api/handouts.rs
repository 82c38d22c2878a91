//! The façade for home-care handouts: preview, save, list.

use super::*;

/// Handouts: the client's own points on paper.
impl Api {
    /// The home-care handout of a session as PDF bytes, for a preview.
    pub async fn handout_pdf(
        &self,
        session: SessionId,
        options: HandoutOptions,
    ) -> Result<Vec<u8>> {
        let (sheet, _, _) = self.handout_sheet(session, options).await?;
        Ok(handout::render(&sheet)?)
    }

    /// The texts of a session's handout that would print in English, for
    /// want of a translation into its language: for the therapist to see
    /// before printing.
    pub async fn handout_untranslated(
        &self,
        session: SessionId,
        options: HandoutOptions,
    ) -> Result<Vec<Untranslated>> {
        let (sheet, _, _) = self.handout_sheet(session, options).await?;
        Ok(sheet.untranslated())
    }

    /// Writes a session's handout for a look in the system's PDF viewer, not
    /// recorded as given: into a folder beside the database that only this
    /// user can open (not the shared temp folder, where other accounts could
    /// read a client's name and points), named after the database file so it
    /// is the app's own. Earlier previews are removed, and nothing else.
    #[tracing::instrument(skip_all, fields(session = session.0))]
    pub async fn write_handout_preview(
        &self,
        session: SessionId,
        options: HandoutOptions,
    ) -> Result<PathBuf> {
        logged(async move {
            let pdf = self.handout_pdf(session, options).await?;
            let folder = crate::store::sibling(self.store.path(), "-previews");
            let fail = |error: std::io::Error| Error::File {
                path: folder.clone(),
                reason: format!("can't prepare the previews folder: {error}"),
            };
            crate::private::create_folder(&folder).map_err(fail)?;
            crate::private::restrict(&folder).map_err(fail)?;
            for entry in std::fs::read_dir(&folder).map_err(fail)? {
                let path = entry.map_err(fail)?.path();
                let ours = path
                    .file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with(PREVIEW_PREFIX) && n.ends_with(".pdf"));
                if ours && path.is_file() {
                    std::fs::remove_file(&path).map_err(fail)?;
                }
            }
            let path = folder.join(format!("{PREVIEW_PREFIX}{session}.pdf"));
            save_bytes(&path, &pdf)?;
            Ok(path)
        })
        .await
    }

    /// Saves a session's handout as a PDF at `path` and records that the client
    /// was given it. The file appears whole or not at all.
    #[tracing::instrument(skip_all, fields(session = session.0))]
    pub async fn save_handout(
        &self,
        session: SessionId,
        options: HandoutOptions,
        path: &Path,
    ) -> Result<Handout> {
        logged(async move {
            let (sheet, client, options) = self.handout_sheet(session, options).await?;
            let path = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
            save_bytes(&path, &handout::render(&sheet)?)?;
            let file_path = path.display().to_string();
            let recorded = self
                .store
                .insert_handout(
                    &self.actor,
                    NewHandout {
                        session,
                        client,
                        paper: sheet.paper,
                        file_path: &file_path,
                        options: &options,
                    },
                )
                .await;
            // A handout on disk that the record doesn't list would look like it was
            // never given: keep the two in step.
            if recorded.is_err() {
                let _ = std::fs::remove_file(&path);
            }
            Ok(recorded?)
        })
        .await
    }

    /// Saves a session's handout into `folder` (created if needed) under a name a
    /// person can find again: `"Home care - <first name> - <date>.pdf"`, with
    /// " (2)", " (3)"... when that name is taken.
    #[tracing::instrument(skip_all, fields(session = session.0))]
    pub async fn save_handout_in(
        &self,
        session: SessionId,
        options: HandoutOptions,
        folder: &Path,
    ) -> Result<Handout> {
        logged(async move {
            paths::create_folder(folder)?;
            let detail = self.store.session(session).await?;
            let client = self.store.client(detail.client_id).await?;
            let stem = format!(
                "Home care - {} - {}",
                client.first_name, detail.session_date
            );
            // Keep the name a name on every system: no folder separators, control
            // characters or what Windows reserves.
            let stem: String = stem
                .chars()
                .map(|c| {
                    if c.is_control() || r#"/\:*?"<>|"#.contains(c) {
                        '-'
                    } else {
                        c
                    }
                })
                .collect();
            let path = (1..)
                .map(|n| match n {
                    1 => folder.join(format!("{stem}.pdf")),
                    n => folder.join(format!("{stem} ({n}).pdf")),
                })
                .find(|path| !path.exists())
                .unwrap_or_else(|| folder.join(format!("{stem}.pdf")));
            self.save_handout(session, options, &path).await
        })
        .await
    }

    /// The file of a handout `client` was given, to open it again.
    pub async fn handout_file(
        &self,
        client: ClientId,
        id: crate::model::HandoutId,
    ) -> Result<PathBuf> {
        let handouts = self.handouts_of_client(client).await?;
        let handout = handouts.into_iter().find(|h| h.id == id);
        let found = handout.ok_or(crate::store::Error::NotFound {
            entity: "handout",
            id: id.0,
        })?;
        Ok(PathBuf::from(found.file_path))
    }

    /// The handouts a client was given, newest first.
    pub async fn handouts_of_client(&self, client: ClientId) -> Result<Vec<Handout>> {
        self.store.client(client).await?;
        Ok(self.store.handouts_of_client(client).await?)
    }

    /// What a session's handout says, its client, and the checked options
    /// (with the language settled: the options', or else the client's).
    async fn handout_sheet(
        &self,
        session: SessionId,
        options: HandoutOptions,
    ) -> Result<(Sheet, ClientId, HandoutOptions)> {
        let options = options.parse()?;
        let session = self.store.session(session).await?;
        let findings = self.store.findings(session.id).await?;
        if findings.is_empty() {
            return Err(Invalid::field(
                "findings",
                format!(
                    "session {} has no charted trigger points yet; chart at least one \
                     before printing a handout",
                    session.id
                ),
            )
            .into());
        }
        let client = self.store.client(session.client_id).await?;
        let options = HandoutOptions {
            language: Some(options.language.unwrap_or(client.language)),
            ..options
        };
        let settings = self.store.settings().await?;
        let sheet = Sheet::new(
            &settings,
            &client.first_name,
            &session,
            &findings,
            &self.plugins.atlas(),
            &options,
        );
        Ok((sheet, client.id, options))
    }
}
