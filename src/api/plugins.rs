//! The façade for plugins: listing, approving and enabling them, and their
//! assessments.

use super::*;

/// Plugins: the list, approval, and what they add.
impl Api {
    /// Every plugin found in the plugins folders, with its state.
    pub fn plugins(&self) -> Vec<PluginInfo> {
        self.plugins.plugins()
    }

    /// Approves a plugin's library as it is on disk now (its SHA-256), then
    /// probes it in a child process, loads it and adds its content. A plugin
    /// that fails to load comes back with state `failed` and the reason.
    #[tracing::instrument(skip_all, fields(plugin = id.0))]
    pub async fn approve_plugin(&self, id: PluginId) -> Result<PluginInfo> {
        logged(async move { self.plugins.approve(&self.store, &self.actor, id).await }).await
    }

    /// Shows an approved plugin's content, loading it if needed.
    #[tracing::instrument(skip_all, fields(plugin = id.0))]
    pub async fn enable_plugin(&self, id: PluginId) -> Result<PluginInfo> {
        logged(async move { self.plugins.enable(&self.store, &self.actor, id).await }).await
    }

    /// Hides a plugin's content. Its library stays loaded until the app
    /// restarts; findings charted on its muscles keep their labels.
    #[tracing::instrument(skip_all, fields(plugin = id.0))]
    pub async fn disable_plugin(&self, id: PluginId) -> Result<PluginInfo> {
        logged(async move { self.plugins.disable(&self.store, &self.actor, id).await }).await
    }

    /// The enabled plugins' assessments (forms scored by their plugin).
    pub fn assessments(&self) -> Vec<Assessment> {
        self.plugins.assessments()
    }

    /// Scores an assessment: `values` are the measured values by field id.
    pub async fn score_assessment(
        &self,
        id: &str,
        values: BTreeMap<String, f64>,
    ) -> Result<AssessmentScore> {
        self.plugins.score(id, &values).await
    }
}
