//! Clients of the hostile server: the SDK's defaults (or the options a case gives), with
//! environment proxies off so the loopback server is reached directly.

use opensandbox::ClientOptions;
use opensandbox::api::egress::EgressClient;
use opensandbox::api::execd::ExecdClient;
use opensandbox::api::lifecycle::LifecycleClient;
use opensandbox::transport::tls::TransportConfig;

use crate::hostile::Hostile;

/// Default options, environment proxies off.
pub fn options() -> ClientOptions {
    ClientOptions::new().transport(TransportConfig::new().use_env_proxy(false))
}

/// A lifecycle client of `s` (its `/v1`) with `options`.
pub fn lc_with(s: &Hostile, options: ClientOptions) -> LifecycleClient {
    LifecycleClient::with_options(&format!("{}/v1", s.url), "k", options).unwrap()
}

/// An execd client of `s` with `options`.
pub fn ex_with(s: &Hostile, options: ClientOptions) -> ExecdClient {
    ExecdClient::with_options(&s.url, "t", options).unwrap()
}

/// A lifecycle client of `s` with the default options.
pub fn lc(s: &Hostile) -> LifecycleClient {
    lc_with(s, options())
}

/// An execd client of `s` with the default options.
pub fn ex(s: &Hostile) -> ExecdClient {
    ex_with(s, options())
}

/// An egress client of `s` with the default options.
pub fn eg(s: &Hostile) -> EgressClient {
    EgressClient::with_options(&s.url, "t", options()).unwrap()
}
