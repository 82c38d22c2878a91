//! The façade for clients: records, search, intake and import.

use super::*;

/// Clients: their records, search, intake and import.
impl Api {
    #[tracing::instrument(skip_all)]
    pub async fn create_client(&self, form: ClientForm) -> Result<Client> {
        logged(async move {
            let client = NewClient::try_from(form)?;
            Ok(self.store.insert_client(&self.actor, &client).await?)
        })
        .await
    }

    /// Adds many clients at once. Every form is checked first; if any is invalid
    /// nothing is added and the error names the form (`clients[3].email`).
    #[tracing::instrument(skip_all, fields(count = forms.len()))]
    pub async fn import_clients(&self, forms: Vec<ClientForm>) -> Result<Vec<Client>> {
        logged(async move {
            let mut clients = Vec::with_capacity(forms.len());
            let mut invalid = Invalid::default();
            for (index, form) in forms.into_iter().enumerate() {
                match NewClient::try_from(form) {
                    Ok(client) => clients.push(client),
                    Err(errors) => invalid.0.extend(errors.0.into_iter().map(|mut error| {
                        error.field = format!("clients[{index}].{}", error.field);
                        error
                    })),
                }
            }
            if !invalid.0.is_empty() {
                return Err(invalid.into());
            }
            Ok(self.store.insert_clients(&self.actor, &clients).await?)
        })
        .await
    }

    #[tracing::instrument(skip_all, fields(client = id.0))]
    pub async fn update_client(&self, id: ClientId, form: ClientForm) -> Result<Client> {
        logged(async move {
            let client = NewClient::try_from(form)?;
            Ok(self.store.update_client(&self.actor, id, &client).await?)
        })
        .await
    }

    /// Removes a client from the list; the record is kept (soft delete).
    #[tracing::instrument(skip_all, fields(client = id.0))]
    pub async fn delete_client(&self, id: ClientId) -> Result<()> {
        logged(async move { Ok(self.store.soft_delete_client(&self.actor, id).await?) }).await
    }

    /// Clients whose name, phone or e-mail contains every word of `query`,
    /// ignoring case and (Latin, Greek, Cyrillic) accents.
    pub async fn search_clients(&self, query: &str) -> Result<Vec<ClientSummary>> {
        let folded = crate::search::fold(query);
        Ok(self.store.search_clients(&folded, SEARCH_LIMIT).await?)
    }

    /// A client's contact details and consent: what a clinic's front desk
    /// sees (see [`DatabaseInfo::contact_only`]).
    pub async fn client_contact(&self, id: ClientId) -> Result<ClientContact> {
        Ok(self.store.client_contact(id).await?)
    }

    /// A client with its red-flag warnings and its sessions, newest first.
    pub async fn client_record(&self, id: ClientId) -> Result<ClientRecord> {
        let client = self.store.client(id).await?;
        Ok(ClientRecord {
            warnings: red_flag_warnings(&client),
            unasked_red_flags: client.unasked_red_flags(),
            sessions: self.store.sessions_of_client(id).await?,
            client,
        })
    }

    /// The red-flag questions of the intake form, in order.
    pub fn red_flag_questions(&self) -> Vec<RedFlagQuestion> {
        RedFlag::ALL
            .iter()
            .map(|&flag| RedFlagQuestion {
                flag,
                question: flag.question().to_owned(),
            })
            .collect()
    }
}
