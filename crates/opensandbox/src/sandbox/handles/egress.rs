//! [`Egress`]: the network policy of a sandbox, through its egress sidecar.

use crate::egress::EgressClient;
use crate::error::Result;
use crate::model::{EgressRule, PolicyStatus, check_target, to_egress_rules};
use crate::sandbox::Sandbox;

/// The network policy of a sandbox, through its egress sidecar
/// ([`Sandbox::egress`]). The sidecar's endpoint is resolved on first use, and again
/// after a resume.
#[derive(Clone, Debug)]
pub struct Egress {
    sandbox: Sandbox,
}

impl Egress {
    pub(crate) fn new(sandbox: Sandbox) -> Self {
        Egress { sandbox }
    }

    /// The policy being enforced, with its derived state.
    ///
    /// # Errors
    ///
    /// The sidecar could not be reached or refused (it exists only in sandboxes
    /// created with a network policy).
    pub async fn get(&self) -> Result<PolicyStatus> {
        Ok(self.client().await?.get_policy().await?.into())
    }

    /// Merges rules into the policy (a rule for a target already present replaces it;
    /// new rules are evaluated first).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) for an unknown action, an
    /// empty target or a URL instead of a domain (nothing is sent), and as
    /// [`Egress::get`].
    pub async fn patch(&self, rules: impl IntoIterator<Item = EgressRule>) -> Result<PolicyStatus> {
        let rules: Vec<EgressRule> = rules.into_iter().collect();
        let wire = to_egress_rules(&rules)?;
        Ok(self.client().await?.patch_policy(wire).await?.into())
    }

    /// Allows traffic to these targets (`api.example.com`, `*.example.com`).
    ///
    /// # Errors
    ///
    /// As [`Egress::patch`].
    pub async fn allow<T: Into<String>>(
        &self,
        targets: impl IntoIterator<Item = T>,
    ) -> Result<PolicyStatus> {
        self.patch(targets.into_iter().map(EgressRule::allow)).await
    }

    /// Denies traffic to these targets.
    ///
    /// # Errors
    ///
    /// As [`Egress::patch`].
    pub async fn deny<T: Into<String>>(
        &self,
        targets: impl IntoIterator<Item = T>,
    ) -> Result<PolicyStatus> {
        self.patch(targets.into_iter().map(EgressRule::deny)).await
    }

    /// Removes the rules for these targets.
    ///
    /// # Errors
    ///
    /// As [`Egress::patch`].
    pub async fn remove<T: Into<String>>(
        &self,
        targets: impl IntoIterator<Item = T>,
    ) -> Result<PolicyStatus> {
        let targets: Vec<String> = targets.into_iter().map(Into::into).collect();
        for t in &targets {
            check_target(t)?;
        }
        Ok(self
            .client()
            .await?
            .delete_policy_rules(targets)
            .await?
            .into())
    }

    /// The egress client, for anything else.
    ///
    /// # Errors
    ///
    /// As [`Sandbox::egress_client`].
    pub async fn client(&self) -> Result<EgressClient> {
        self.sandbox.egress_client().await
    }
}
