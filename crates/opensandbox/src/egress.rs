//! [`EgressClient`]: the network policy and the credential vault of one sandbox.
//!
//! The egress sidecar listens on port 18080 inside the sandbox network. Reach it through
//! the endpoint the lifecycle API returns for that port, and pass the endpoint's headers
//! along ([`EgressClient::with_headers`]). The lifecycle API key is never sent here.
//!
//! The sidecar answers errors in plain text; they arrive as [`Error::Api`] with the text
//! as the message. Statuses worth matching: 409 (stale `expectedRevision`:
//! [`Error::is_conflict`]), 412 (the proxy is not ready yet: retry later), 413 (too many
//! rules) and 426 (vault writes need TLS or a loopback peer).

use reqwest::StatusCode;
use reqwest::header::HeaderMap;

use crate::config::ClientOptions;
use crate::error::{Error, Result};
use crate::secret::Secret;
use crate::transport::{Api, Transport};

pub use opensandbox_egress_api::types;
use types::{
    CredentialBindingListResponse, CredentialBindingMetadata, CredentialListResponse,
    CredentialMetadata, CredentialVaultCreateRequest, CredentialVaultMutationRequest,
    CredentialVaultState, NetworkRule, PolicyStatusResponse,
};

/// The egress sidecar's authentication header.
pub const AUTH_HEADER: &str = "OPENSANDBOX-EGRESS-AUTH";

/// Client of one sandbox's egress sidecar.
///
/// ```no_run
/// # async fn demo() -> opensandbox::Result<()> {
/// use opensandbox::api::egress::EgressClient;
/// use opensandbox::api::egress::types::NetworkRule;
/// let egress = EgressClient::new("http://127.0.0.1:18080", "egress-token")?;
/// let status = egress.get_policy().await?;
/// println!("mode {:?}", status.mode);
/// egress
///     .patch_policy(vec![NetworkRule { action: "allow".into(), target: "pypi.org".into() }])
///     .await?;
/// # Ok(()) }
/// ```
///
/// # Errors
///
/// Every call fails the same ways: [`Error::InvalidInput`](crate::Error::InvalidInput)
/// for an argument that cannot be sent (nothing is sent); [`Error::Api`](crate::Error::Api)
/// for an error status; [`Error::Redirect`](crate::Error::Redirect) for a 3xx (never
/// followed); [`Error::Transport`](crate::Error::Transport) or
/// [`Error::Timeout`](crate::Error::Timeout) when the server cannot be reached or stops
/// answering; [`Error::Decode`](crate::Error::Decode) for an answer that is not the
/// documented shape. Methods that can fail otherwise say so.
#[derive(Clone, Debug)]
pub struct EgressClient {
    transport: Transport,
    api: opensandbox_egress_api::Client,
}

impl EgressClient {
    /// A client for the sidecar at `base_url` (a scheme, a host, and any path prefix
    /// the endpoint carries), authenticated with `auth_token` (an empty token sends no
    /// header).
    ///
    /// # Errors
    ///
    /// As every call of [`EgressClient`]: see [its errors](EgressClient#errors).
    pub fn new(base_url: &str, auth_token: impl Into<Secret>) -> Result<Self> {
        Self::with_options(base_url, auth_token, ClientOptions::default())
    }

    /// Like [`EgressClient::new`], with options.
    ///
    /// # Errors
    ///
    /// As every call of [`EgressClient`]: see [its errors](EgressClient#errors).
    pub fn with_options(
        base_url: &str,
        auth_token: impl Into<Secret>,
        options: ClientOptions,
    ) -> Result<Self> {
        Self::with_headers(base_url, auth_token, HeaderMap::new(), options)
    }

    /// Like [`EgressClient::with_options`], sending `headers` on every request: pass the
    /// headers the lifecycle API returned with the endpoint here.
    ///
    /// # Errors
    ///
    /// As every call of [`EgressClient`]: see [its errors](EgressClient#errors).
    pub fn with_headers(
        base_url: &str,
        auth_token: impl Into<Secret>,
        headers: HeaderMap,
        options: ClientOptions,
    ) -> Result<Self> {
        let token = auth_token.into();
        let transport = Transport::new(
            Api::Egress,
            base_url,
            Some((AUTH_HEADER, token.expose())),
            headers,
            options,
        )?;
        let api = opensandbox_egress_api::Client::new_with_client(
            transport.base(),
            transport.http().clone(),
            transport.request_options(),
        );
        Ok(EgressClient { transport, api })
    }

    /// The base URL this client talks to.
    #[must_use]
    pub fn base_url(&self) -> &str {
        self.transport.base()
    }

    /// The generated low-level client, for anything this facade does not wrap.
    #[must_use]
    pub fn raw(&self) -> &opensandbox_egress_api::Client {
        &self.api
    }

    /// The policy being enforced, with its derived state: `mode`, `enforcementMode`,
    /// `reason` and the `policy` itself.
    ///
    /// # Errors
    ///
    /// As every call of [`EgressClient`]: see [its errors](EgressClient#errors).
    pub async fn get_policy(&self) -> Result<PolicyStatusResponse> {
        self.transport.run(self.api.get_policy().send()).await
    }

    /// Merges `rules` into the policy: a rule for a target already present replaces it,
    /// and the new rules are evaluated first. Returns the resulting state.
    ///
    /// # Errors
    ///
    /// As every call of [`EgressClient`]: see [its errors](EgressClient#errors).
    pub async fn patch_policy(&self, rules: Vec<NetworkRule>) -> Result<PolicyStatusResponse> {
        if rules.is_empty() {
            return Err(Error::InvalidInput("no rule given".into()));
        }
        for r in &rules {
            if r.target.trim().is_empty() {
                return Err(Error::InvalidInput(
                    "a rule's target must not be empty".into(),
                ));
            }
            if r.action.is_unknown() {
                return Err(Error::InvalidInput(format!(
                    "rule for {}: unknown action {:?} (one of {:?}, lower case)",
                    r.target,
                    r.action.as_str(),
                    crate::egress::types::NetworkRuleAction::KNOWN
                )));
            }
        }
        self.transport
            .run(self.api.patch_policy().body(rules).send())
            .await
    }

    /// Removes the rules for these targets (targets without a rule are skipped).
    /// Returns the resulting state.
    ///
    /// # Errors
    ///
    /// As every call of [`EgressClient`]: see [its errors](EgressClient#errors).
    pub async fn delete_policy_rules<T: Into<String>>(
        &self,
        targets: impl IntoIterator<Item = T>,
    ) -> Result<PolicyStatusResponse> {
        let targets: Vec<String> = targets.into_iter().map(Into::into).collect();
        if targets.is_empty() {
            return Err(Error::InvalidInput("no target given".into()));
        }
        self.transport
            .run(self.api.delete_policy_rules().body(targets).send())
            .await
    }

    /// Creates the credential vault with its first credentials and bindings (201).
    /// Secret values can never be read back. Needs TLS or a loopback connection (426
    /// otherwise); 409 if a vault exists.
    ///
    /// # Errors
    ///
    /// As every call of [`EgressClient`]: see [its errors](EgressClient#errors).
    pub async fn create_credential_vault(
        &self,
        request: CredentialVaultCreateRequest,
    ) -> Result<CredentialVaultState> {
        let r = self
            .transport
            .run(self.api.create_credential_vault().body(request).send())
            .await
            .map_err(vault_write_error)?;
        Ok(r)
    }

    /// The vault's revision and metadata of every credential and binding (no secrets).
    ///
    /// # Errors
    ///
    /// As every call of [`EgressClient`]: see [its errors](EgressClient#errors).
    pub async fn get_credential_vault(&self) -> Result<CredentialVaultState> {
        self.transport
            .run(self.api.get_credential_vault().send())
            .await
    }

    /// Adds, replaces and deletes credentials and bindings in one atomic change. With
    /// `expected_revision` set, a vault changed meanwhile is refused with 409
    /// ([`Error::is_conflict`]): read it again and retry. Needs TLS or a loopback
    /// connection (426 otherwise).
    ///
    /// # Errors
    ///
    /// As every call of [`EgressClient`]: see [its errors](EgressClient#errors).
    pub async fn patch_credential_vault(
        &self,
        request: CredentialVaultMutationRequest,
    ) -> Result<CredentialVaultState> {
        let r = self
            .transport
            .run(self.api.patch_credential_vault().body(request).send())
            .await
            .map_err(vault_write_error)?;
        Ok(r)
    }

    /// [`EgressClient::patch_credential_vault`] guarded by `expected_revision` (sets
    /// `expectedRevision`, replacing any value in `request`).
    ///
    /// # Errors
    ///
    /// As every call of [`EgressClient`]: see [its errors](EgressClient#errors).
    pub async fn patch_credential_vault_at(
        &self,
        expected_revision: i64,
        mut request: CredentialVaultMutationRequest,
    ) -> Result<CredentialVaultState> {
        request.expected_revision = Some(expected_revision);
        self.patch_credential_vault(request).await
    }

    /// Deletes the vault (204): outbound requests no longer get credentials injected.
    ///
    /// # Errors
    ///
    /// As every call of [`EgressClient`]: see [its errors](EgressClient#errors).
    pub async fn delete_credential_vault(&self) -> Result<()> {
        self.transport
            .run(self.api.delete_credential_vault().send())
            .await
    }

    /// Metadata of every stored credential (never the value).
    ///
    /// # Errors
    ///
    /// As every call of [`EgressClient`]: see [its errors](EgressClient#errors).
    pub async fn list_credentials(&self) -> Result<CredentialListResponse> {
        self.transport
            .run(self.api.list_credential_vault_credentials().send())
            .await
    }

    /// Metadata of one credential (never the value).
    ///
    /// # Errors
    ///
    /// As every call of [`EgressClient`]: see [its errors](EgressClient#errors).
    pub async fn get_credential(&self, name: &str) -> Result<CredentialMetadata> {
        crate::lifecycle::check_id("credential name", name)?;
        self.transport
            .run(
                self.api
                    .get_credential_vault_credential()
                    .credential_name(name)
                    .send(),
            )
            .await
    }

    /// Every binding with its matcher and kind of authentication.
    ///
    /// # Errors
    ///
    /// As every call of [`EgressClient`]: see [its errors](EgressClient#errors).
    pub async fn list_bindings(&self) -> Result<CredentialBindingListResponse> {
        self.transport
            .run(self.api.list_credential_vault_bindings().send())
            .await
    }

    /// One binding's matcher and kind of authentication.
    ///
    /// # Errors
    ///
    /// As every call of [`EgressClient`]: see [its errors](EgressClient#errors).
    pub async fn get_binding(&self, name: &str) -> Result<CredentialBindingMetadata> {
        crate::lifecycle::check_id("binding name", name)?;
        self.transport
            .run(
                self.api
                    .get_credential_vault_binding()
                    .binding_name(name)
                    .send(),
            )
            .await
    }
}

/// Explains a 426 on a vault write; keeps status, body and everything else.
fn vault_write_error(e: Error) -> Error {
    match e {
        Error::Api(mut api) if api.status == StatusCode::UPGRADE_REQUIRED => {
            api.message = format!(
                "the egress sidecar accepts credential-vault writes only over TLS or from a \
                 loopback address; use an https endpoint, or call it from inside the sandbox \
                 (server said: {})",
                api.message
            );
            Error::Api(api)
        }
        other => other,
    }
}
