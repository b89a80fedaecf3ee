//! [`LifecycleClient`]: sandboxes, snapshots, endpoints and diagnostics.

use std::collections::BTreeMap;
use std::num::NonZeroU64;

use reqwest::Method;
use reqwest::header::HeaderMap;

use crate::config::ClientOptions;
use crate::error::{Error, Result};
use crate::model::SandboxState;
use crate::secret::Secret;
use crate::transport::{Api, Idempotency, Transport};

pub use opensandbox_lifecycle_api::types;
use types::{
    CreateSandboxRequest, CreateSandboxResponse, CreateSnapshotRequest, DiagnosticContentResponse,
    Endpoint, ListSandboxesResponse, ListSnapshotsResponse, PatchSandboxMetadataRequest,
    RenewSandboxExpirationRequest, RenewSandboxExpirationResponse, Sandbox, Snapshot,
    SnapshotState,
};

/// The lifecycle API's authentication header.
pub const API_KEY_HEADER: &str = "OPEN-SANDBOX-API-KEY";

/// Filters and paging for listing sandboxes
/// ([`SandboxManager::list`](crate::SandboxManager::list)).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ListOptions {
    /// Only sandboxes in one of these states.
    pub states: Vec<SandboxState>,
    /// Only sandboxes whose metadata has all of these key/value pairs.
    pub metadata: BTreeMap<String, String>,
    /// Page number, from 1.
    pub page: Option<u64>,
    /// Items per page (the server allows at most 200).
    pub page_size: Option<u64>,
}

impl ListOptions {
    /// No filter, server-default paging.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a state filter (several widen the filter).
    #[must_use]
    pub fn state(mut self, state: SandboxState) -> Self {
        self.states.push(state);
        self
    }

    /// Adds a metadata filter.
    pub fn metadata(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.metadata.insert(key.into(), value.into());
        self
    }

    /// Sets the page (from 1).
    pub fn page(mut self, page: u64) -> Self {
        self.page = Some(page);
        self
    }

    /// Sets the page size (1 to [`MAX_PAGE_SIZE`]; anything else is refused before
    /// sending).
    pub fn page_size(mut self, size: u64) -> Self {
        self.page_size = Some(size);
        self
    }
}

/// Filters and paging for listing snapshots
/// ([`SandboxManager::list_snapshots`](crate::SandboxManager::list_snapshots)).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct SnapshotListOptions {
    /// Only snapshots of this sandbox.
    pub sandbox_id: Option<String>,
    /// Only snapshots in one of these states.
    pub states: Vec<crate::model::SnapshotState>,
    /// Page number, from 1.
    pub page: Option<u64>,
    /// Items per page (at most 200).
    pub page_size: Option<u64>,
}

impl SnapshotListOptions {
    /// No filter, server-default paging.
    pub fn new() -> Self {
        Self::default()
    }

    /// Only snapshots of `sandbox_id`.
    pub fn sandbox_id(mut self, sandbox_id: impl Into<String>) -> Self {
        self.sandbox_id = Some(sandbox_id.into());
        self
    }

    /// Adds a state filter (several widen the filter).
    #[must_use]
    pub fn state(mut self, state: crate::model::SnapshotState) -> Self {
        self.states.push(state);
        self
    }

    /// Sets the page (from 1).
    pub fn page(mut self, page: u64) -> Self {
        self.page = Some(page);
        self
    }

    /// Sets the page size.
    pub fn page_size(mut self, size: u64) -> Self {
        self.page_size = Some(size);
        self
    }
}

/// Which diagnostics to read ([`LifecycleClient::diagnostic_logs`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum DiagnosticScope {
    /// The sandbox container.
    Container,
    /// Lifecycle operations on the sandbox.
    Lifecycle,
    /// The container runtime.
    Runtime,
    /// Networking.
    Network,
    /// Processes inside the sandbox.
    Process,
    /// Everything.
    All,
}

impl DiagnosticScope {
    /// The wire value.
    pub fn as_str(self) -> &'static str {
        match self {
            DiagnosticScope::Container => "container",
            DiagnosticScope::Lifecycle => "lifecycle",
            DiagnosticScope::Runtime => "runtime",
            DiagnosticScope::Network => "network",
            DiagnosticScope::Process => "process",
            DiagnosticScope::All => "all",
        }
    }
}

/// Client of the lifecycle API (`http://host:8080/v1`): create, inspect and manage
/// sandboxes and snapshots, resolve endpoints, read diagnostics.
///
/// ```no_run
/// # async fn demo() -> opensandbox::Result<()> {
/// use opensandbox::LifecycleClient;
/// let lc = LifecycleClient::new("http://localhost:8080/v1", "api-key")?;
/// let page = lc.list_sandboxes(&Default::default()).await?;
/// println!("{} sandboxes", page.pagination.total_items);
/// # Ok(()) }
/// ```
#[derive(Clone, Debug)]
pub struct LifecycleClient {
    transport: Transport,
    api: opensandbox_lifecycle_api::Client,
}

impl LifecycleClient {
    /// A client for `base_url` (including `/v1`) authenticated with `api_key` (an empty
    /// key sends no header, for servers with authentication off).
    pub fn new(base_url: &str, api_key: impl Into<Secret>) -> Result<Self> {
        Self::with_options(base_url, api_key, ClientOptions::default())
    }

    /// Like [`LifecycleClient::new`], with options.
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
            opensandbox_lifecycle_api::hooks::RequestOptions {
                headers: transport.headers().clone(),
                timeout: Some(transport.options().request_timeout),
                max_body: Some(transport.options().max_response_body),
            },
        );
        Ok(LifecycleClient { transport, api })
    }

    /// The base URL this client talks to.
    pub fn base_url(&self) -> &str {
        self.transport.base()
    }

    /// The generated low-level client, for anything this facade does not wrap.
    pub fn raw(&self) -> &opensandbox_lifecycle_api::Client {
        &self.api
    }

    /// Creates a sandbox from an image or a snapshot (202: it starts asynchronously).
    /// Never retried automatically unless the request provably did not leave.
    pub async fn create_sandbox(
        &self,
        request: CreateSandboxRequest,
    ) -> Result<CreateSandboxResponse> {
        let r = self
            .transport
            .call("createSandbox", Method::POST, Idempotency::ByMethod, || {
                self.api.create_sandbox().body(request.clone()).send()
            })
            .await?;
        Ok(r.into_inner())
    }

    /// Gets a sandbox by id.
    pub async fn get_sandbox(&self, sandbox_id: &str) -> Result<Sandbox> {
        check_id("sandbox id", sandbox_id)?;
        let r = self
            .transport
            .call("getSandbox", Method::GET, Idempotency::ByMethod, || {
                self.api.get_sandbox().sandbox_id(sandbox_id).send()
            })
            .await?;
        Ok(r.into_inner())
    }

    /// Lists sandboxes. Metadata filters are escaped so that `&`, `=`, `%` and `+` in
    /// keys or values are matched literally.
    pub async fn list_sandboxes(&self, options: &ListOptions) -> Result<ListSandboxesResponse> {
        let page = nonzero("page", options.page)?;
        let page_size = page_size(options.page_size)?;
        let metadata = metadata_filter(&options.metadata);
        let r = self
            .transport
            .call("listSandboxes", Method::GET, Idempotency::ByMethod, || {
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
            .await?;
        Ok(r.into_inner())
    }

    /// Deletes a sandbox (204).
    pub async fn delete_sandbox(&self, sandbox_id: &str) -> Result<()> {
        check_id("sandbox id", sandbox_id)?;
        self.transport
            .call(
                "deleteSandbox",
                Method::DELETE,
                Idempotency::ByMethod,
                || self.api.delete_sandbox().sandbox_id(sandbox_id).send(),
            )
            .await?;
        Ok(())
    }

    /// Pauses a running sandbox (202: poll its state for `Paused`).
    pub async fn pause_sandbox(&self, sandbox_id: &str) -> Result<()> {
        check_id("sandbox id", sandbox_id)?;
        self.transport
            .call(
                "pauseSandbox",
                Method::POST,
                Idempotency::Idempotent,
                || self.api.pause_sandbox().sandbox_id(sandbox_id).send(),
            )
            .await?;
        Ok(())
    }

    /// Resumes a paused sandbox (202: poll its state for `Running`).
    pub async fn resume_sandbox(&self, sandbox_id: &str) -> Result<()> {
        check_id("sandbox id", sandbox_id)?;
        self.transport
            .call(
                "resumeSandbox",
                Method::POST,
                Idempotency::Idempotent,
                || self.api.resume_sandbox().sandbox_id(sandbox_id).send(),
            )
            .await?;
        Ok(())
    }

    /// Moves a sandbox's expiry to `expires_at`.
    pub async fn renew_expiration(
        &self,
        sandbox_id: &str,
        expires_at: chrono::DateTime<chrono::Utc>,
    ) -> Result<RenewSandboxExpirationResponse> {
        check_id("sandbox id", sandbox_id)?;
        let body = RenewSandboxExpirationRequest { expires_at };
        let r = self
            .transport
            .call(
                "renewSandboxExpiration",
                Method::POST,
                Idempotency::Idempotent,
                || {
                    self.api
                        .renew_sandbox_expiration()
                        .sandbox_id(sandbox_id)
                        .body(body.clone())
                        .send()
                },
            )
            .await?;
        Ok(r.into_inner())
    }

    /// Changes metadata as a JSON merge patch: `Some(v)` adds or replaces a key, `None`
    /// deletes it, keys not named are left alone.
    pub async fn patch_metadata(
        &self,
        sandbox_id: &str,
        patch: BTreeMap<String, Option<String>>,
    ) -> Result<Sandbox> {
        check_id("sandbox id", sandbox_id)?;
        let body = PatchSandboxMetadataRequest(patch.into_iter().collect());
        let r = self
            .transport
            .call(
                "patchSandboxMetadata",
                Method::PATCH,
                Idempotency::Idempotent,
                || {
                    self.api
                        .patch_sandbox_metadata()
                        .sandbox_id(sandbox_id)
                        .body(body.clone())
                        .send()
                },
            )
            .await?;
        Ok(r.into_inner())
    }

    /// Resolves the endpoint of `port` inside the sandbox. With `use_server_proxy` the
    /// address goes through the lifecycle server.
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
        let r = self
            .transport
            .call(
                "getSandboxEndpoint",
                Method::GET,
                Idempotency::ByMethod,
                || {
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
                },
            )
            .await?;
        Ok(r.into_inner())
    }

    /// Snapshots a sandbox (202: poll the snapshot for `Ready`).
    pub async fn create_snapshot(
        &self,
        sandbox_id: &str,
        request: CreateSnapshotRequest,
    ) -> Result<Snapshot> {
        check_id("sandbox id", sandbox_id)?;
        let r = self
            .transport
            .call(
                "createSnapshot",
                Method::POST,
                Idempotency::ByMethod,
                || {
                    self.api
                        .create_snapshot()
                        .sandbox_id(sandbox_id)
                        .body(request.clone())
                        .send()
                },
            )
            .await?;
        Ok(r.into_inner())
    }

    /// Gets a snapshot by id.
    pub async fn get_snapshot(&self, snapshot_id: &str) -> Result<Snapshot> {
        check_id("snapshot id", snapshot_id)?;
        let r = self
            .transport
            .call("getSnapshot", Method::GET, Idempotency::ByMethod, || {
                self.api.get_snapshot().snapshot_id(snapshot_id).send()
            })
            .await?;
        Ok(r.into_inner())
    }

    /// Lists snapshots.
    pub async fn list_snapshots(
        &self,
        options: &SnapshotListOptions,
    ) -> Result<ListSnapshotsResponse> {
        let page = nonzero("page", options.page)?;
        let page_size = page_size(options.page_size)?;
        let r = self
            .transport
            .call("listSnapshots", Method::GET, Idempotency::ByMethod, || {
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
            .await?;
        Ok(r.into_inner())
    }

    /// Deletes a snapshot (204).
    pub async fn delete_snapshot(&self, snapshot_id: &str) -> Result<()> {
        check_id("snapshot id", snapshot_id)?;
        self.transport
            .call(
                "deleteSnapshot",
                Method::DELETE,
                Idempotency::ByMethod,
                || self.api.delete_snapshot().snapshot_id(snapshot_id).send(),
            )
            .await?;
        Ok(())
    }

    /// Reads diagnostic logs of a sandbox.
    pub async fn diagnostic_logs(
        &self,
        sandbox_id: &str,
        scope: DiagnosticScope,
    ) -> Result<DiagnosticContentResponse> {
        check_id("sandbox id", sandbox_id)?;
        let r = self
            .transport
            .call(
                "getDiagnosticLogs",
                Method::GET,
                Idempotency::ByMethod,
                || {
                    self.api
                        .get_diagnostic_logs()
                        .sandbox_id(sandbox_id)
                        .scope(scope.as_str())
                        .send()
                },
            )
            .await?;
        Ok(r.into_inner())
    }

    /// Reads diagnostic events of a sandbox.
    pub async fn diagnostic_events(
        &self,
        sandbox_id: &str,
        scope: DiagnosticScope,
    ) -> Result<DiagnosticContentResponse> {
        check_id("sandbox id", sandbox_id)?;
        let r = self
            .transport
            .call(
                "getDiagnosticEvents",
                Method::GET,
                Idempotency::ByMethod,
                || {
                    self.api
                        .get_diagnostic_events()
                        .sandbox_id(sandbox_id)
                        .scope(scope.as_str())
                        .send()
                },
            )
            .await?;
        Ok(r.into_inner())
    }
}

/// The wire spelling of state filters.
fn wire_states(states: &[SandboxState]) -> Vec<String> {
    states.iter().map(|s| s.as_str().to_string()).collect()
}

/// Checks an id that becomes a URL path segment: not empty, and not `.` or `..`, which
/// URL parsing resolves away (`get_sandbox("..")` would send `GET /v1/`, and
/// `delete_sandbox(".")` `DELETE /v1/sandboxes/`), with or without percent-encoding.
pub(crate) fn check_id(what: &str, id: &str) -> Result<()> {
    check_path(what, id)?;
    if matches!(id, "." | "..") {
        return Err(Error::InvalidInput(format!(
            "{what} {id:?} is not an id: it would name another resource once in a URL"
        )));
    }
    Ok(())
}

/// Checks a value sent in a query or a body (a file path): not empty.
pub(crate) fn check_path(what: &str, value: &str) -> Result<()> {
    if value.trim().is_empty() {
        return Err(Error::InvalidInput(format!("{what} must not be empty")));
    }
    Ok(())
}

/// The largest page size the servers accept.
pub const MAX_PAGE_SIZE: u64 = 200;

/// A page size: 1 to [`MAX_PAGE_SIZE`].
fn page_size(v: Option<u64>) -> Result<Option<NonZeroU64>> {
    match v {
        Some(n) if n > MAX_PAGE_SIZE => Err(Error::InvalidInput(format!(
            "page size {n} is over the maximum of {MAX_PAGE_SIZE}"
        ))),
        v => nonzero("page size", v),
    }
}

fn nonzero(what: &str, v: Option<u64>) -> Result<Option<NonZeroU64>> {
    match v {
        None => Ok(None),
        Some(n) => NonZeroU64::new(n)
            .map(Some)
            .ok_or_else(|| Error::InvalidInput(format!("{what} must be at least 1"))),
    }
}

/// The `metadata` query value: `k=v&k2=v2` with `%`, `&`, `=` and `+` (and anything
/// not URL-safe) percent-encoded inside keys and values. The HTTP layer encodes the
/// whole string once more as the parameter value.
pub(crate) fn metadata_filter(metadata: &BTreeMap<String, String>) -> Option<String> {
    if metadata.is_empty() {
        return None;
    }
    let pairs: Vec<String> = metadata
        .iter()
        .map(|(k, v)| {
            format!(
                "{}={}",
                url::form_urlencoded::byte_serialize(k.as_bytes()).collect::<String>(),
                url::form_urlencoded::byte_serialize(v.as_bytes()).collect::<String>()
            )
        })
        .collect();
    Some(pairs.join("&"))
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
