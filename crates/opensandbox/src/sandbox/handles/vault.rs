//! [`Vault`]: the credential vault of a sandbox, through its egress sidecar.

use crate::error::Result;
use crate::model::{BindingInfo, CredentialInfo, VaultState};
use crate::sandbox::Sandbox;
use crate::vault::{self, CredentialVault, CredentialVaultPatch};

/// The credential vault of a sandbox ([`Sandbox::vault`]): credentials the sandbox
/// can use without seeing them, and bindings that say which requests get them. Values
/// go in and never come back out; what is read is metadata. See [`crate::vault`].
#[derive(Clone, Debug)]
pub struct Vault {
    sandbox: Sandbox,
}

impl Vault {
    pub(crate) fn new(sandbox: Sandbox) -> Self {
        Vault { sandbox }
    }

    /// Creates the vault; returns its state.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) for an invalid vault
    /// (nothing is sent), the sidecar's refusal (409 if a vault exists; a sandbox
    /// without the credential proxy has none), or a transport failure. Error messages
    /// never contain the credential values.
    pub async fn create(&self, vault: CredentialVault) -> Result<VaultState> {
        let request = vault.to_request()?;
        let secrets = vault.secrets();
        let egress = self.sandbox.egress_client().await?;
        egress
            .create_credential_vault(request)
            .await
            .map(Into::into)
            .map_err(|e| vault::scrub_write_error(e, &secrets))
    }

    /// The vault's revision and the metadata of every credential and binding.
    ///
    /// # Errors
    ///
    /// The sidecar's answer (404 without a vault) or a transport failure.
    pub async fn get(&self) -> Result<VaultState> {
        Ok(self
            .sandbox
            .egress_client()
            .await?
            .get_credential_vault()
            .await?
            .into())
    }

    /// Applies an atomic change; a stale expected revision is refused with 409
    /// ([`Error::is_conflict`](crate::Error::is_conflict)).
    ///
    /// # Errors
    ///
    /// As [`Vault::create`].
    pub async fn patch(&self, patch: CredentialVaultPatch) -> Result<VaultState> {
        let request = patch.to_request()?;
        let secrets = patch.secrets();
        let egress = self.sandbox.egress_client().await?;
        egress
            .patch_credential_vault(request)
            .await
            .map(Into::into)
            .map_err(|e| vault::scrub_write_error(e, &secrets))
    }

    /// Deletes the vault.
    ///
    /// # Errors
    ///
    /// As [`Vault::get`].
    pub async fn delete(&self) -> Result<()> {
        self.sandbox
            .egress_client()
            .await?
            .delete_credential_vault()
            .await
    }

    /// Metadata of every credential.
    ///
    /// # Errors
    ///
    /// As [`Vault::get`].
    pub async fn credentials(&self) -> Result<Vec<CredentialInfo>> {
        let list = self
            .sandbox
            .egress_client()
            .await?
            .list_credentials()
            .await?;
        Ok(list.credentials.into_iter().map(Into::into).collect())
    }

    /// Metadata of one credential.
    ///
    /// # Errors
    ///
    /// As [`Vault::get`] (404 for an unknown name).
    pub async fn credential(&self, name: &str) -> Result<CredentialInfo> {
        Ok(self
            .sandbox
            .egress_client()
            .await?
            .get_credential(name)
            .await?
            .into())
    }

    /// Every binding.
    ///
    /// # Errors
    ///
    /// As [`Vault::get`].
    pub async fn bindings(&self) -> Result<Vec<BindingInfo>> {
        let list = self.sandbox.egress_client().await?.list_bindings().await?;
        Ok(list.bindings.into_iter().map(Into::into).collect())
    }

    /// One binding.
    ///
    /// # Errors
    ///
    /// As [`Vault::get`] (404 for an unknown name).
    pub async fn binding(&self, name: &str) -> Result<BindingInfo> {
        Ok(self
            .sandbox
            .egress_client()
            .await?
            .get_binding(name)
            .await?
            .into())
    }
}
