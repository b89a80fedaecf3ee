//! Building the SDK's `reqwest::Client`.

use crate::config::ClientOptions;
use crate::error::{Error, Result};

/// Builds the HTTP client for `options`: connect timeout, no whole-request timeout
/// (unary calls set theirs per request; streams use an idle watchdog), HTTP(S) proxies
/// from the environment, and the TLS policy of [`super::tls`].
pub(crate) fn build_client(options: &ClientOptions) -> Result<reqwest::Client> {
    let builder = reqwest::Client::builder()
        .connect_timeout(options.connect_timeout)
        .tcp_nodelay(true)
        .pool_idle_timeout(std::time::Duration::from_secs(60));
    let builder = super::tls::apply(builder, &options.transport)?;
    builder
        .build()
        .map_err(|e| Error::Config(format!("could not build the HTTP client: {e}")))
}
