//! TLS policy of SDK-built clients (placeholder: the key-strength verifier lands here).

/// TLS settings of HTTP clients the SDK builds.
#[derive(Clone, Debug, Default)]
#[non_exhaustive]
pub struct TransportConfig {
    /// Accept server certificates whose keys or signatures are below the NIST 2030
    /// minimums (RSA < 2048 bits, EC < 224 bits, SHA-1/MD5 signatures).
    pub allow_weak_server_cert_key_lengths: bool,
}

/// Applies the TLS policy to a client builder.
pub(crate) fn apply(
    builder: reqwest::ClientBuilder,
    _config: &TransportConfig,
) -> crate::error::Result<reqwest::ClientBuilder> {
    Ok(builder)
}

/// A readable message if `e` is a TLS or certificate failure.
pub(crate) fn tls_failure_message(_e: &reqwest::Error) -> Option<String> {
    None
}
