//! Building the SDK's `reqwest::Client`: the one place one is built.

use crate::config::ClientOptions;
use crate::error::{Error, Result};

/// Builds the HTTP client for `options`:
///
/// - a connect timeout, and **no** whole-request timeout (unary calls set theirs per
///   request; streams use an idle watchdog instead, so long commands and downloads live);
/// - HTTP/2 when the server offers it through ALPN, HTTP/1.1 otherwise;
/// - HTTP(S) proxies from the environment (`HTTPS_PROXY`, `HTTP_PROXY`, `ALL_PROXY`,
///   `NO_PROXY`), unless [`TransportConfig::use_env_proxy`](super::tls::TransportConfig::use_env_proxy)
///   is off;
/// - rustls with the key-strength policy of [`super::tls`];
/// - **no** redirects followed: a redirect would carry the API key, the execd token and
///   a replayed body (registry passwords) to wherever the server points; a 3xx answer is
///   [`Error::Redirect`] naming the `Location` instead.
///
/// A client passed with [`ClientOptions::http_client`] is used as it is instead.
pub(crate) fn build_client(options: &ClientOptions) -> Result<reqwest::Client> {
    let mut builder = reqwest::Client::builder()
        .connect_timeout(options.connect_timeout)
        .tcp_nodelay(true)
        .redirect(reqwest::redirect::Policy::none())
        .pool_idle_timeout(std::time::Duration::from_secs(60));
    if !options.transport.use_env_proxy {
        builder = builder.no_proxy();
    }
    let builder = super::tls::apply(builder, &options.transport)?;
    builder
        .build()
        .map_err(|e| Error::Config(format!("could not build the HTTP client: {e}")))
}
