//! Sandbox endpoints: resolving a port to a base URL and headers, and the clients for
//! execd and the egress sidecar built from them.

use std::fmt;

use reqwest::header::{HeaderMap, HeaderName, HeaderValue};

use super::EndpointOptions;
use crate::config::ClientOptions;
use crate::connection::ConnectionConfig;
use crate::error::{Error, Result};
use crate::execd::ExecdClient;
use crate::lifecycle::{LifecycleClient, types as lt};

/// A resolved sandbox endpoint: the base URL (scheme added, path kept) and the headers
/// to send on every request to it. `Debug` shows header names only.
#[derive(Clone)]
#[non_exhaustive]
pub struct SandboxEndpoint {
    /// The base URL, e.g. `http://10.0.0.5:40123/proxy/44772` (no trailing slash).
    pub url: String,
    /// Headers to send on every request (values are marked sensitive).
    pub headers: HeaderMap,
}

impl fmt::Debug for SandboxEndpoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SandboxEndpoint")
            .field("url", &self.url)
            .field("headers", &self.headers.keys().collect::<Vec<_>>())
            .finish()
    }
}

/// The lifecycle client for a connection config.
pub(crate) fn lifecycle_client(config: &ConnectionConfig) -> Result<LifecycleClient> {
    config.lifecycle_client()
}

/// Options for clients of sandbox endpoints: the connection's options without anything
/// that carries the lifecycle API key.
pub(super) fn sandbox_options(config: &ConnectionConfig) -> Result<ClientOptions> {
    let mut options = config.client_options();
    // The config's headers are meant for the lifecycle server: keep the harmless ones
    // (tracing, routing), drop anything that looks like a credential.
    let headers = std::mem::take(&mut options.headers);
    options.headers = headers
        .iter()
        .filter(|(name, _)| {
            !crate::config::is_sensitive(name) && name.as_str() != "open-sandbox-api-key"
        })
        .map(|(n, v)| (n.clone(), v.clone()))
        .collect();
    options.auth_header = None;
    Ok(options)
}

/// The execd client for a resolved endpoint.
pub(super) fn execd_client(config: &ConnectionConfig, ep: &SandboxEndpoint) -> Result<ExecdClient> {
    ExecdClient::with_headers(
        &ep.url,
        config.execd_token(),
        ep.headers.clone(),
        sandbox_options(config)?,
    )
}

/// Resolves the endpoint of `port`: a signed one when the options ask for it, else
/// through the server proxy if the options (or, when they leave it open, the config)
/// say so.
pub(super) async fn resolve(
    lifecycle: &LifecycleClient,
    config: &ConnectionConfig,
    id: &str,
    port: u16,
    options: &EndpointOptions,
) -> Result<SandboxEndpoint> {
    let ep = match options.signed_until {
        Some(expires) => {
            let secs = u64::try_from(expires.timestamp())
                .map_err(|_| Error::InvalidInput(format!("expiry {expires} is before 1970")))?;
            lifecycle.get_signed_endpoint(id, port, secs).await?
        }
        None => {
            let proxy = options
                .server_proxy
                .unwrap_or_else(|| config.uses_server_proxy());
            lifecycle.get_endpoint(id, port, proxy).await?
        }
    };
    endpoint_from(config, &ep)
}

/// Turns the lifecycle API's endpoint (no scheme, maybe a path) into a base URL and a
/// header map, applying the config's host rewrite.
pub(super) fn endpoint_from(
    config: &ConnectionConfig,
    ep: &lt::Endpoint,
) -> Result<SandboxEndpoint> {
    let bad = |message: String| Error::Decode {
        status: reqwest::StatusCode::OK,
        message,
        snippet: crate::error::truncate(&ep.endpoint, 256),
    };
    let raw = ep.endpoint.trim();
    if raw.is_empty() {
        return Err(bad("the server returned an empty endpoint".into()));
    }
    let with_scheme = if raw.contains("://") {
        raw.to_string()
    } else {
        format!("{}://{}", config.effective_protocol(), raw)
    };
    let url = config.rewrite_endpoint_url(&with_scheme)?;
    let url = crate::transport::normalize_base(&url)
        .map_err(|e| bad(format!("the endpoint is not a valid base URL: {e}")))?;
    let mut headers = HeaderMap::new();
    for (name, value) in &ep.headers {
        let n = HeaderName::from_bytes(name.as_bytes())
            .map_err(|_| bad(format!("invalid endpoint header name {name:?}")))?;
        let mut v = HeaderValue::from_str(value)
            .map_err(|_| bad(format!("invalid value for endpoint header {name:?}")))?;
        v.set_sensitive(true);
        headers.insert(n, v);
    }
    Ok(SandboxEndpoint { url, headers })
}
