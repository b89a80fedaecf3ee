//! [`LifecycleClient`]: sandboxes, snapshots, endpoints and diagnostics.

use std::collections::BTreeMap;
use std::num::NonZeroU64;

use reqwest::header::HeaderMap;

use crate::config::ClientOptions;
use crate::error::{Error, Result};
use crate::secret::Secret;
use crate::transport::{Api, Transport};

mod checks;
mod options;

pub use checks::MAX_PAGE_SIZE;
pub(crate) use checks::{check_id, check_path, metadata_filter};
use checks::{nonzero, page_size, wire_states};
pub use opensandbox_lifecycle_api::types;
pub use options::{DiagnosticScope, ListOptions, SnapshotListOptions};
use types::{
    CreateSandboxRequest, CreateSandboxResponse, CreateSnapshotRequest, DiagnosticContentResponse,
    Endpoint, ListSandboxesResponse, ListSnapshotsResponse, PatchSandboxMetadataRequest,
    RenewSandboxExpirationRequest, RenewSandboxExpirationResponse, Sandbox, Snapshot,
    SnapshotState,
};

/// The lifecycle API's authentication header.
pub const API_KEY_HEADER: &str = "OPEN-SANDBOX-API-KEY";

/// Client of the lifecycle API (`http://host:8080/v1`): create, inspect and manage
/// sandboxes and snapshots, resolve endpoints, read diagnostics.
///
/// ```no_run
/// # async fn demo() -> opensandbox::Result<()> {
/// use opensandbox::api::lifecycle::LifecycleClient;
/// let lc = LifecycleClient::new("http://localhost:8080/v1", "api-key")?;
/// let page = lc.list_sandboxes(&Default::default()).await?;
/// println!("{} sandboxes", page.pagination.total_items);
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
pub struct LifecycleClient {
    transport: Transport,
    api: opensandbox_lifecycle_api::Client,
}

impl LifecycleClient {
    /// A client for `base_url` (including `/v1`) authenticated with `api_key` (an empty
    /// key sends no header, for servers with authentication off).
    ///
    /// # Errors
    ///
    /// As every call of [`LifecycleClient`]: see [its errors](LifecycleClient#errors).
    pub fn new(base_url: &str, api_key: impl Into<Secret>) -> Result<Self> {
        Self::with_options(base_url, api_key, ClientOptions::default())
    }

    /// Like [`LifecycleClient::new`], with options.
    ///
    /// # Errors
    ///
    /// As every call of [`LifecycleClient`]: see [its errors](LifecycleClient#errors).
    pub fn with_options(
        base_url: &str,
        api_key: impl Into<Secret>,
        options: ClientOptions,
    ) -> Result<Self> {
        let key = api_key.into();
        let transport = Transport::new(
            Api::Lifecycle,
            base_url,
            Some((API_KEY_HEADER, key.expose())),
            HeaderMap::new(),
            options,
        )?;
        let api = opensandbox_lifecycle_api::Client::new_with_client(
            transport.base(),
            transport.http().clone(),
            transport.request_options(),
        );
        Ok(LifecycleClient { transport, api })
    }

    /// The base URL this client talks to.
    #[must_use]
    pub fn base_url(&self) -> &str {
        self.transport.base()
    }

    /// The generated low-level client, for anything this facade does not wrap.
    #[must_use]
    pub fn raw(&self) -> &opensandbox_lifecycle_api::Client {
        &self.api
    }

    /// Creates a sandbox from an image or a snapshot (202: it starts asynchronously).
    /// Never retried automatically unless the request provably did not leave.
    ///
    /// # Errors
    ///
    /// As every call of [`LifecycleClient`]: see [its errors](LifecycleClient#errors).
    pub async fn create_sandbox(
        &self,
        request: CreateSandboxRequest,
    ) -> Result<CreateSandboxResponse> {
        self.transport
            .run(self.api.create_sandbox().body(request).send())
            .await
    }

    /// Gets a sandbox by id.
    ///
    /// # Errors
    ///
    /// As every call of [`LifecycleClient`]: see [its errors](LifecycleClient#errors).
    pub async fn get_sandbox(&self, sandbox_id: &str) -> Result<Sandbox> {
        check_id("sandbox id", sandbox_id)?;
        self.transport
            .run(self.api.get_sandbox().sandbox_id(sandbox_id).send())
            .await
    }

    /// Lists sandboxes. Metadata filters are escaped so that `&`, `=`, `%` and `+` in
    /// keys or values are matched literally.
    ///
    /// # Errors
    ///
    /// As every call of [`LifecycleClient`]: see [its errors](LifecycleClient#errors).
    pub async fn list_sandboxes(&self, options: &ListOptions) -> Result<ListSandboxesResponse> {
        let page = nonzero("page", options.page)?;
        let page_size = page_size(options.page_size)?;
        let metadata = metadata_filter(&options.metadata);
        self.transport
            .run({
                let mut b = self.api.list_sandboxes();
                if !options.states.is_empty() {
                    b = b.state(wire_states(&options.states));
                }
                if let Some(m) = &metadata {
                    b = b.metadata(m.clone());
                }
                if let Some(p) = page {
                    b = b.page(p);
                }
                if let Some(p) = page_size {
                    b = b.page_size(p);
                }
                b.send()
            })
            .await
    }

    /// Deletes a sandbox (204).
    ///
    /// # Errors
    ///
    /// As every call of [`LifecycleClient`]: see [its errors](LifecycleClient#errors).
    pub async fn delete_sandbox(&self, sandbox_id: &str) -> Result<()> {
        check_id("sandbox id", sandbox_id)?;
        self.transport
            .run(self.api.delete_sandbox().sandbox_id(sandbox_id).send())
            .await
    }

    /// Pauses a running sandbox (202: poll its state for `Paused`).
    ///
    /// # Errors
    ///
    /// As every call of [`LifecycleClient`]: see [its errors](LifecycleClient#errors).
    pub async fn pause_sandbox(&self, sandbox_id: &str) -> Result<()> {
        check_id("sandbox id", sandbox_id)?;
        self.transport
            .run(self.api.pause_sandbox().sandbox_id(sandbox_id).send())
            .await
    }

    /// Resumes a paused sandbox (202: poll its state for `Running`).
    ///
    /// # Errors
    ///
    /// As every call of [`LifecycleClient`]: see [its errors](LifecycleClient#errors).
    pub async fn resume_sandbox(&self, sandbox_id: &str) -> Result<()> {
        check_id("sandbox id", sandbox_id)?;
        self.transport
            .run(self.api.resume_sandbox().sandbox_id(sandbox_id).send())
            .await
    }

    /// Moves a sandbox's expiry to `expires_at`.
    ///
    /// # Errors
    ///
    /// As every call of [`LifecycleClient`]: see [its errors](LifecycleClient#errors).
    pub async fn renew_expiration(
        &self,
        sandbox_id: &str,
        expires_at: chrono::DateTime<chrono::Utc>,
    ) -> Result<RenewSandboxExpirationResponse> {
        check_id("sandbox id", sandbox_id)?;
        let body = RenewSandboxExpirationRequest { expires_at };
        self.transport
            .run(
                self.api
                    .renew_sandbox_expiration()
                    .sandbox_id(sandbox_id)
                    .body(body)
                    .send(),
            )
            .await
    }

    /// Changes metadata as a JSON merge patch: `Some(v)` adds or replaces a key, `None`
    /// deletes it, keys not named are left alone.
    ///
    /// # Errors
    ///
    /// As every call of [`LifecycleClient`]: see [its errors](LifecycleClient#errors).
    pub async fn patch_metadata(
        &self,
        sandbox_id: &str,
        patch: BTreeMap<String, Option<String>>,
    ) -> Result<Sandbox> {
        check_id("sandbox id", sandbox_id)?;
        let body = PatchSandboxMetadataRequest(patch.into_iter().collect());
        self.transport
            .run(
                self.api
                    .patch_sandbox_metadata()
                    .sandbox_id(sandbox_id)
                    .body(body)
                    .send(),
            )
            .await
    }

    /// Resolves the endpoint of `port` inside the sandbox. With `use_server_proxy` the
    /// address goes through the lifecycle server.
    ///
    /// # Errors
    ///
    /// As every call of [`LifecycleClient`]: see [its errors](LifecycleClient#errors).
    pub async fn get_endpoint(
        &self,
        sandbox_id: &str,
        port: u16,
        use_server_proxy: bool,
    ) -> Result<Endpoint> {
        self.endpoint(sandbox_id, port, Some(use_server_proxy), None)
            .await
    }

    /// Resolves a signed endpoint of `port`, valid until `expires` (Unix seconds).
    ///
    /// # Errors
    ///
    /// As every call of [`LifecycleClient`]: see [its errors](LifecycleClient#errors).
    pub async fn get_signed_endpoint(
        &self,
        sandbox_id: &str,
        port: u16,
        expires: u64,
    ) -> Result<Endpoint> {
        let expires = types::GetSandboxEndpointExpires::try_from(expires.to_string())
            .map_err(|e| Error::InvalidInput(format!("expires: {e}")))?;
        self.endpoint(sandbox_id, port, None, Some(expires)).await
    }

    async fn endpoint(
        &self,
        sandbox_id: &str,
        port: u16,
        use_server_proxy: Option<bool>,
        expires: Option<types::GetSandboxEndpointExpires>,
    ) -> Result<Endpoint> {
        check_id("sandbox id", sandbox_id)?;
        let port = NonZeroU64::new(port.into())
            .ok_or_else(|| Error::InvalidInput("port must not be 0".into()))?;
        self.transport
            .run({
                let mut b = self
                    .api
                    .get_sandbox_endpoint()
                    .sandbox_id(sandbox_id)
                    .port(port);
                if let Some(p) = use_server_proxy {
                    b = b.use_server_proxy(p);
                }
                if let Some(e) = &expires {
                    b = b.expires(e.clone());
                }
                b.send()
            })
            .await
    }

    /// Snapshots a sandbox (202: poll the snapshot for `Ready`).
    ///
    /// # Errors
    ///
    /// As every call of [`LifecycleClient`]: see [its errors](LifecycleClient#errors).
    pub async fn create_snapshot(
        &self,
        sandbox_id: &str,
        request: CreateSnapshotRequest,
    ) -> Result<Snapshot> {
        check_id("sandbox id", sandbox_id)?;
        self.transport
            .run(
                self.api
                    .create_snapshot()
                    .sandbox_id(sandbox_id)
                    .body(request)
                    .send(),
            )
            .await
    }

    /// Gets a snapshot by id.
    ///
    /// # Errors
    ///
    /// As every call of [`LifecycleClient`]: see [its errors](LifecycleClient#errors).
    pub async fn get_snapshot(&self, snapshot_id: &str) -> Result<Snapshot> {
        check_id("snapshot id", snapshot_id)?;
        self.transport
            .run(self.api.get_snapshot().snapshot_id(snapshot_id).send())
            .await
    }

    /// Lists snapshots.
    ///
    /// # Errors
    ///
    /// As every call of [`LifecycleClient`]: see [its errors](LifecycleClient#errors).
    pub async fn list_snapshots(
        &self,
        options: &SnapshotListOptions,
    ) -> Result<ListSnapshotsResponse> {
        let page = nonzero("page", options.page)?;
        let page_size = page_size(options.page_size)?;
        self.transport
            .run({
                let mut b = self.api.list_snapshots();
                if let Some(id) = &options.sandbox_id {
                    b = b.sandbox_id(id.clone());
                }
                if !options.states.is_empty() {
                    b = b.state(
                        options
                            .states
                            .iter()
                            .map(|s| SnapshotState(s.as_str().to_string()))
                            .collect::<Vec<_>>(),
                    );
                }
                if let Some(p) = page {
                    b = b.page(p);
                }
                if let Some(p) = page_size {
                    b = b.page_size(p);
                }
                b.send()
            })
            .await
    }

    /// Deletes a snapshot (204).
    ///
    /// # Errors
    ///
    /// As every call of [`LifecycleClient`]: see [its errors](LifecycleClient#errors).
    pub async fn delete_snapshot(&self, snapshot_id: &str) -> Result<()> {
        check_id("snapshot id", snapshot_id)?;
        self.transport
            .run(self.api.delete_snapshot().snapshot_id(snapshot_id).send())
            .await
    }

    /// Reads diagnostic logs of a sandbox.
    ///
    /// # Errors
    ///
    /// As every call of [`LifecycleClient`]: see [its errors](LifecycleClient#errors).
    pub async fn diagnostic_logs(
        &self,
        sandbox_id: &str,
        scope: DiagnosticScope,
    ) -> Result<DiagnosticContentResponse> {
        check_id("sandbox id", sandbox_id)?;
        self.transport
            .run(
                self.api
                    .get_diagnostic_logs()
                    .sandbox_id(sandbox_id)
                    .scope(scope.as_str())
                    .send(),
            )
            .await
    }

    /// Reads diagnostic events of a sandbox.
    ///
    /// # Errors
    ///
    /// As every call of [`LifecycleClient`]: see [its errors](LifecycleClient#errors).
    pub async fn diagnostic_events(
        &self,
        sandbox_id: &str,
        scope: DiagnosticScope,
    ) -> Result<DiagnosticContentResponse> {
        check_id("sandbox id", sandbox_id)?;
        self.transport
            .run(
                self.api
                    .get_diagnostic_events()
                    .sandbox_id(sandbox_id)
                    .scope(scope.as_str())
                    .send(),
            )
            .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metadata_filter_escapes_separators() {
        let mut m = BTreeMap::new();
        m.insert("team".to_string(), "a&b=c".to_string());
        m.insert("p%".to_string(), "x+y z".to_string());
        assert_eq!(metadata_filter(&m).unwrap(), "p%25=x%2By+z&team=a%26b%3Dc");
        assert_eq!(metadata_filter(&BTreeMap::new()), None);
    }
}
