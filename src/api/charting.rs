//! The façade for charting: sessions, findings, the finder, checks, notes,
//! amendments and snippets.

use super::*;

/// Charting: sessions, findings, the finder and the note.
impl Api {
    #[tracing::instrument(skip_all, fields(client = client.0))]
    pub async fn create_session(&self, client: ClientId, form: SessionForm) -> Result<Session> {
        logged(async move {
            let session = NewSession::try_from(form)?;
            Ok(self
                .store
                .insert_session(&self.actor, client, &session)
                .await?)
        })
        .await
    }

    /// A session with everything charting it needs: findings, amendments, the
    /// client's red flags and the cautions they raise, last session's findings for
    /// comparison, and the muscles still to check.
    pub async fn session(&self, id: SessionId) -> Result<SessionDetail> {
        let session = self.store.session(id).await?;
        let client = self.store.client(session.client_id).await?;
        let findings = self.store.findings(id).await?;
        Ok(SessionDetail {
            warnings: red_flag_warnings(&client),
            cautions: finding_cautions(&client, &findings, &self.plugins.atlas()),
            earlier_findings: self.store.earlier_findings(id).await?,
            checks: self.store.checks(id).await?,
            amendments: self.store.amendments(id).await?,
            kept: self.kept_note(id).await?,
            findings,
            session,
        })
    }

    #[tracing::instrument(skip_all, fields(session = session.0))]
    pub async fn add_finding(&self, session: SessionId, form: FindingForm) -> Result<Finding> {
        logged(async move {
            let finding = NewFinding::parse(form, &self.plugins.atlas())?;
            Ok(self
                .store
                .insert_finding(&self.actor, session, &finding)
                .await?)
        })
        .await
    }

    #[tracing::instrument(skip_all, fields(finding = id.0))]
    pub async fn move_finding(&self, id: FindingId, to: FindingMove) -> Result<Finding> {
        logged(async move {
            let at = ChartPoint::parse(to.x, to.y)
                .map_err(|message| Invalid::field("position", message))?;
            // Dragged clearly across the midline: the point is now on the other side.
            let side = match to.side {
                Some(side) => Some(
                    Side::checked(side, to.view, at.x())
                        .map_err(|message| Invalid::field("side", message))?,
                ),
                None => Side::required(to.view, at.x()),
            };
            Ok(self
                .store
                .move_finding(&self.actor, id, to.view, at, side)
                .await?)
        })
        .await
    }

    #[tracing::instrument(skip_all, fields(finding = id.0))]
    pub async fn remove_finding(&self, id: FindingId) -> Result<()> {
        logged(async move { Ok(self.store.remove_finding(&self.actor, id).await?) }).await
    }

    /// Undoes [`Api::remove_finding`].
    #[tracing::instrument(skip_all, fields(finding = id.0))]
    pub async fn restore_finding(&self, id: FindingId) -> Result<Finding> {
        logged(async move { Ok(self.store.restore_finding(&self.actor, id).await?) }).await
    }

    /// Adds muscles the finder suggested to the session's list to check.
    #[tracing::instrument(skip_all, fields(session = session.0))]
    pub async fn add_checks(
        &self,
        session: SessionId,
        forms: Vec<CheckForm>,
    ) -> Result<Vec<SessionCheck>> {
        logged(async move {
            let mut checks = Vec::with_capacity(forms.len());
            let atlas = self.plugins.atlas();
            for form in forms {
                let muscle = atlas.muscle(&form.muscle_id).ok_or_else(|| {
                    Invalid::field("muscleId", format!("unknown muscle \"{}\"", form.muscle_id))
                })?;
                checks.push((form.muscle_id, muscle.name.clone(), form.side));
            }
            Ok(self
                .store
                .insert_checks(&self.actor, session, &checks)
                .await?)
        })
        .await
    }

    /// Drops a muscle from the list to check.
    #[tracing::instrument(skip_all, fields(check = id.0))]
    pub async fn remove_check(&self, id: CheckId) -> Result<()> {
        logged(async move { Ok(self.store.delete_check(&self.actor, id).await?) }).await
    }

    /// The therapist's reusable text snippets.
    pub async fn snippets(&self) -> Result<Vec<Snippet>> {
        Ok(self.store.snippets().await?)
    }

    #[tracing::instrument(skip_all)]
    pub async fn create_snippet(&self, form: SnippetForm) -> Result<Snippet> {
        logged(async move {
            let snippet = NewSnippet::try_from(form)?;
            Ok(self.store.insert_snippet(&self.actor, &snippet).await?)
        })
        .await
    }

    #[tracing::instrument(skip_all, fields(snippet = id.0))]
    pub async fn delete_snippet(&self, id: SnippetId) -> Result<()> {
        logged(async move { Ok(self.store.delete_snippet(&self.actor, id).await?) }).await
    }

    /// Saves a draft's SOAP note and pain scores.
    #[tracing::instrument(skip_all, fields(session = session.0))]
    pub async fn write_note(&self, session: SessionId, form: NoteForm) -> Result<Session> {
        logged(async move {
            if let Some(kept) = &self.kept {
                return self.write_or_keep_note(kept, session, form).await;
            }
            let note = SessionNote::try_from(form)?;
            Ok(self.store.write_note(&self.actor, session, &note).await?)
        })
        .await
    }

    /// Signs a note: from now on it is only amended.
    #[tracing::instrument(skip_all, fields(session = session.0))]
    pub async fn sign_note(&self, session: SessionId) -> Result<Session> {
        logged(async move { Ok(self.store.sign_note(&self.actor, session).await?) }).await
    }

    #[tracing::instrument(skip_all, fields(session = session.0))]
    pub async fn amend_note(&self, session: SessionId, form: AmendmentForm) -> Result<Amendment> {
        logged(async move {
            let amendment = NewAmendment::try_from(form)?;
            Ok(self
                .store
                .insert_amendment(&self.actor, session, &amendment)
                .await?)
        })
        .await
    }

    /// The muscles whose referral zones cover the client's pain drawing (one or
    /// more spots, on any views), most likely first.
    pub fn find(&self, spots: &[Spot]) -> Result<Vec<FinderMatch>> {
        if spots.is_empty() {
            return Err(Invalid::field("spots", "Tap where the client feels the pain").into());
        }
        for spot in spots {
            ChartPoint::parse(spot.x.into(), spot.y.into())
                .map_err(|message| Invalid::field("spots", message))?;
        }
        Ok(finder::find(&self.plugins.atlas(), spots))
    }

    /// The trigger points nearest a tapped spot: what the therapist is most likely
    /// pressing on when charting a finding there.
    pub fn nearest_points(&self, view: View, x: f64, y: f64) -> Result<Vec<NearbyPoint>> {
        let at = ChartPoint::parse(x, y).map_err(|message| Invalid::field("position", message))?;
        Ok(finder::nearest_points(
            &self.plugins.atlas(),
            view,
            at.x(),
            at.y(),
        ))
    }
}
