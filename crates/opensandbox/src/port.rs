//! Ports inside a sandbox, through execd's reverse proxy (`/proxy/{port}/…`, HTTP and
//! WebSocket), so a client can talk to a server in the sandbox without exposing it.
//!
//! ```no_run
//! # async fn demo(sandbox: opensandbox::Sandbox) -> opensandbox::Result<()> {
//! let port = sandbox.port(8000);
//! let page = port.client()?.get(port.url("/index.html")).send().await;
//! # Ok(()) }
//! ```

use reqwest::header::HeaderMap;

use crate::error::{Error, Result};
use crate::execd::ExecdClient;
use crate::pty::WebSocket;
use crate::sandbox::ExecdSource;

/// One port inside a sandbox (from [`crate::Sandbox::port`] or [`SandboxPort::new`]).
/// Taken from a sandbox, it follows the sandbox's current execd endpoint (which changes
/// on resume); an HTTP client built with [`SandboxPort::client`] keeps the endpoint of
/// the moment it was built.
#[derive(Clone)]
pub struct SandboxPort {
    source: ExecdSource,
    port: u16,
}

impl std::fmt::Debug for SandboxPort {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SandboxPort")
            .field("port", &self.port)
            .field("base_url", &self.base_url())
            .finish()
    }
}

impl SandboxPort {
    /// Port `port` behind `execd`.
    #[must_use]
    pub fn new(execd: ExecdClient, port: u16) -> Self {
        Self::from_source(ExecdSource::Fixed(execd), port)
    }

    pub(crate) fn from_source(source: ExecdSource, port: u16) -> Self {
        SandboxPort { source, port }
    }

    /// The port number inside the sandbox.
    #[must_use]
    pub fn port(&self) -> u16 {
        self.port
    }

    /// The base URL (`…/proxy/{port}`, no trailing slash): append paths starting with `/`.
    #[must_use]
    pub fn base_url(&self) -> String {
        self.source
            .get()
            .transport
            .url(&format!("/proxy/{}", self.port))
    }

    /// `base_url + path` (a `/` is added when `path` lacks one).
    #[must_use]
    pub fn url(&self, path: &str) -> String {
        let base = self.base_url();
        if path.starts_with('/') {
            format!("{base}{path}")
        } else {
            format!("{base}/{path}")
        }
    }

    /// Headers every request must carry (execd's token and the endpoint's headers).
    /// Values are marked sensitive: they are credentials.
    #[must_use]
    pub fn headers(&self) -> HeaderMap {
        self.source.get().transport.headers().clone()
    }

    /// An HTTP client with [`SandboxPort::headers`] as default headers and the SDK's
    /// TLS policy, proxy setting and connect timeout. Redirects are followed only within
    /// the same origin (scheme, host and port), so the execd token never goes elsewhere.
    /// Build it once and reuse it.
    ///
    /// # Errors
    ///
    /// [`Error::Config`] when the HTTP client cannot be built from
    /// the TLS settings.
    pub fn client(&self) -> Result<reqwest::Client> {
        let execd = self.source.get();
        let options = execd.transport.options();
        let same_origin = reqwest::redirect::Policy::custom(|attempt| {
            let same = attempt.previous().last().is_some_and(|prev| {
                prev.scheme() == attempt.url().scheme()
                    && prev.host_str() == attempt.url().host_str()
                    && prev.port_or_known_default() == attempt.url().port_or_known_default()
            });
            if same && attempt.previous().len() < 10 {
                attempt.follow()
            } else {
                attempt.stop()
            }
        });
        let mut builder = reqwest::Client::builder()
            .connect_timeout(options.connect_timeout)
            .tcp_nodelay(true)
            .redirect(same_origin)
            .default_headers(execd.transport.headers().clone());
        if !options.transport.use_env_proxy {
            builder = builder.no_proxy();
        }
        crate::transport::tls::apply(builder, &options.transport)?
            .build()
            .map_err(|e| Error::Config(format!("could not build the HTTP client: {e}")))
    }

    /// Opens a WebSocket to `path` on the port (with the headers, the SDK's TLS policy
    /// and the environment's proxy). Use
    /// [`tokio_tungstenite::tungstenite::Message`] with it.
    ///
    /// # Errors
    ///
    /// A connection, TLS or handshake failure (the port refused, or answered with an error
    /// status).
    pub async fn websocket(&self, path: &str) -> Result<WebSocket> {
        self.source.get().websocket(&self.url(path)).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_keep_the_endpoint_path() {
        let execd = ExecdClient::new("http://h:1/proxy/sb/44772", "").unwrap();
        let p = SandboxPort::new(execd, 8080);
        assert_eq!(p.base_url(), "http://h:1/proxy/sb/44772/proxy/8080");
        assert_eq!(
            p.url("/a?b=1"),
            "http://h:1/proxy/sb/44772/proxy/8080/a?b=1"
        );
        assert_eq!(p.url("a"), "http://h:1/proxy/sb/44772/proxy/8080/a");
    }
}
