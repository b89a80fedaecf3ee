//! TLS policy of the HTTP clients the SDK builds.
//!
//! Every `reqwest::Client` the SDK builds speaks TLS through rustls (aws-lc-rs provider,
//! TLS 1.2 minimum) with a certificate verifier that wraps the normal verification
//! (chain to a trusted root, host name, validity) and first applies the **NIST 2030
//! key-strength minimums** to the chain the server presents (its leaf and every
//! intermediate):
//!
//! - RSA keys of at least 2048 bits,
//! - elliptic-curve keys of at least 224 bits,
//! - signature hashes of at least 224 bits (no SHA-1, MD5, MD2 or MD4).
//!
//! A certificate that breaks the policy fails the handshake with a message naming it,
//! e.g. `server certificate CN=api.example.com has a 1024-bit RSA key; minimum is 2048`,
//! surfaced as `Error::Tls` and never retried. Trust anchors are
//! not checked (nobody verifies a root's self-signature), but a root the server sends
//! along still needs a strong key.
//!
//! [`TransportConfig::allow_weak_server_cert_key_lengths`] turns the check off **and**
//! widens what the verifier itself accepts, so that a legacy server really works:
//! RSA keys from 1024 bits, SHA-1-signed certificates (RSA PKCS#1 v1.5 and ECDSA), and
//! handshake signatures by a 1024-bit RSA key over TLS 1.2 (PKCS#1 v1.5 or RSA-PSS) and
//! TLS 1.3 (RSA-PSS, verified with the RustCrypto `rsa` crate because aws-lc-rs refuses
//! PSS with keys under 2048 bits). What stays refused even then: RSA keys under 1024 bits,
//! MD5/MD2-signed certificates, SHA-1 *handshake* signatures (never offered), TLS below
//! 1.2, and of course chains that do not lead to a trusted root.
//!
//! Roots come from the platform (default), from Mozilla's bundled list, or only from
//! certificates you add ([`RootCertificates`]). With platform roots on macOS and Windows
//! the operating system verifies the chain and applies its own algorithm rules, which
//! the flag cannot relax; use [`RootCertificates::Bundled`] or
//! [`RootCertificates::ExtraOnly`] to reach a legacy server there.
//!
//! A `reqwest::Client` passed in with
//! [`ClientOptions::http_client`](crate::ClientOptions::http_client) keeps its own TLS
//! configuration: none of this applies to it.

use std::error::Error as StdError;
use std::fmt;
use std::sync::{Arc, LazyLock};

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::{CryptoProvider, WebPkiSupportedAlgorithms};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{
    AlgorithmIdentifier, CertificateDer, InvalidSignature, PrivateKeyDer, ServerName,
    SignatureVerificationAlgorithm, UnixTime, alg_id,
};
use rustls::{CertificateError, DigitallySignedStruct, OtherError, SignatureScheme};

use crate::error::{Error, Result};

/// Where trusted root certificates come from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum RootCertificates {
    /// The operating system's trust store (through `rustls-platform-verifier`), plus any
    /// added roots. The default.
    #[default]
    Platform,
    /// Mozilla's root program, compiled into the binary (`webpki-roots`), plus any added
    /// roots. Useful in minimal containers without a CA bundle.
    Bundled,
    /// Only the roots added with [`TransportConfig::add_root_certificate_pem`] or
    /// [`TransportConfig::add_root_certificate_der`] (e.g. a private CA).
    ExtraOnly,
}

/// Connection settings of the HTTP clients the SDK builds: TLS key-strength policy,
/// trusted roots, an optional client certificate, and proxies.
///
/// ```no_run
/// # fn demo() -> Result<(), Box<dyn std::error::Error>> {
/// use opensandbox::{ClientOptions, TransportConfig}; use opensandbox::api::lifecycle::LifecycleClient;
/// let transport = TransportConfig::new()
///     .add_root_certificate_pem(std::fs::read("private-ca.pem")?)?
///     .use_env_proxy(false);
/// let lc = LifecycleClient::with_options(
///     "https://sandbox.internal/v1",
///     "api-key",
///     ClientOptions::new().transport(transport),
/// )?;
/// # Ok(()) }
/// ```
#[derive(Clone)]
#[non_exhaustive]
pub struct TransportConfig {
    /// Accept server certificates whose keys or signatures are below the NIST 2030
    /// minimums (RSA < 2048 bits, EC < 224 bits, SHA-1/MD5 signatures), for legacy
    /// servers. Off by default; see the [module docs](self) for exactly what it allows.
    pub allow_weak_server_cert_key_lengths: bool,
    /// Where trusted roots come from (default: the platform's store).
    pub roots: RootCertificates,
    /// Use HTTP(S) proxies from the environment (`HTTPS_PROXY`, `HTTP_PROXY`,
    /// `ALL_PROXY`, `NO_PROXY`, read when a client is built). On by default.
    pub use_env_proxy: bool,
    pub(crate) extra_roots: Vec<CertificateDer<'static>>,
    pub(crate) client_identity: Option<ClientIdentity>,
}

impl Default for TransportConfig {
    fn default() -> Self {
        TransportConfig {
            allow_weak_server_cert_key_lengths: false,
            roots: RootCertificates::Platform,
            use_env_proxy: true,
            extra_roots: Vec::new(),
            client_identity: None,
        }
    }
}

impl fmt::Debug for TransportConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TransportConfig")
            .field(
                "allow_weak_server_cert_key_lengths",
                &self.allow_weak_server_cert_key_lengths,
            )
            .field("roots", &self.roots)
            .field("extra_roots", &self.extra_roots.len())
            .field("client_identity", &self.client_identity)
            .field("use_env_proxy", &self.use_env_proxy)
            .finish()
    }
}

/// A client certificate chain and its private key (the key never appears in `Debug`).
#[derive(Clone)]
pub(crate) struct ClientIdentity {
    chain: Vec<CertificateDer<'static>>,
    key: Arc<PrivateKeyDer<'static>>,
}

impl fmt::Debug for ClientIdentity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientIdentity")
            .field("certificates", &self.chain.len())
            .field("key", &"***")
            .finish()
    }
}

impl TransportConfig {
    /// The default: NIST 2030 minimums enforced, platform roots, proxies from the
    /// environment, no client certificate.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Accepts (`true`) or refuses (`false`, the default) server certificates below the
    /// NIST 2030 minimums. See the [module docs](self).
    #[must_use]
    pub fn allow_weak_server_cert_key_lengths(mut self, allow: bool) -> Self {
        self.allow_weak_server_cert_key_lengths = allow;
        self
    }

    /// Chooses where trusted roots come from.
    #[must_use]
    pub fn roots(mut self, roots: RootCertificates) -> Self {
        self.roots = roots;
        self
    }

    /// Trusts the CA certificates in `pem` (one or more `CERTIFICATE` blocks) besides
    /// the configured roots.
    ///
    /// # Errors
    ///
    /// [`Error::Config`] for PEM that holds no certificate or one
    /// that cannot be parsed.
    pub fn add_root_certificate_pem(mut self, pem: impl AsRef<[u8]>) -> Result<Self> {
        let certs = CertificateDer::pem_slice_iter(pem.as_ref())
            .collect::<std::result::Result<Vec<_>, _>>()
            .map_err(|e| Error::Config(format!("invalid root certificate PEM: {e}")))?;
        if certs.is_empty() {
            return Err(Error::Config(
                "no CERTIFICATE block in the root certificate PEM".into(),
            ));
        }
        self.extra_roots.extend(certs);
        Ok(self)
    }

    /// Trusts the DER-encoded CA certificate `der` besides the configured roots.
    pub fn add_root_certificate_der(mut self, der: impl Into<Vec<u8>>) -> Self {
        self.extra_roots.push(CertificateDer::from(der.into()));
        self
    }

    /// Presents a client certificate: `cert_chain_pem` holds the leaf first, then any
    /// intermediates; `key_pem` holds its private key (PKCS#8, PKCS#1 or SEC1).
    ///
    /// # Errors
    ///
    /// [`Error::Config`] for a certificate chain or private key that
    /// cannot be parsed.
    pub fn client_identity_pem(
        mut self,
        cert_chain_pem: impl AsRef<[u8]>,
        key_pem: impl AsRef<[u8]>,
    ) -> Result<Self> {
        let chain = CertificateDer::pem_slice_iter(cert_chain_pem.as_ref())
            .collect::<std::result::Result<Vec<_>, _>>()
            .map_err(|e| Error::Config(format!("invalid client certificate PEM: {e}")))?;
        if chain.is_empty() {
            return Err(Error::Config(
                "no CERTIFICATE block in the client certificate PEM".into(),
            ));
        }
        let key = PrivateKeyDer::from_pem_slice(key_pem.as_ref())
            .map_err(|_| Error::Config("no usable private key in the client key PEM".into()))?;
        self.client_identity = Some(ClientIdentity {
            chain,
            key: Arc::new(key),
        });
        Ok(self)
    }

    /// Uses (`true`, the default) or ignores HTTP(S) proxies from the environment.
    #[must_use]
    pub fn use_env_proxy(mut self, use_it: bool) -> Self {
        self.use_env_proxy = use_it;
        self
    }

    /// The number of roots added on top of [`TransportConfig::roots`].
    #[must_use]
    pub fn extra_root_count(&self) -> usize {
        self.extra_roots.len()
    }
}

/// Applies the TLS policy to a client builder.
pub(crate) fn apply(
    builder: reqwest::ClientBuilder,
    config: &TransportConfig,
) -> Result<reqwest::ClientBuilder> {
    Ok(builder.tls_backend_preconfigured(client_config(config)?))
}

/// The rustls configuration for `config`.
pub(crate) fn client_config(config: &TransportConfig) -> Result<rustls::ClientConfig> {
    let mut provider = rustls::crypto::aws_lc_rs::default_provider();
    if config.allow_weak_server_cert_key_lengths {
        provider.signature_verification_algorithms = *LEGACY_ALGORITHMS;
    }
    let algorithms = provider.signature_verification_algorithms;
    let provider = Arc::new(provider);
    let inner = inner_verifier(config, provider.clone())?;
    let verifier = PolicyVerifier {
        inner,
        algorithms,
        enforce: !config.allow_weak_server_cert_key_lengths,
    };
    let builder = rustls::ClientConfig::builder_with_provider(provider)
        .with_protocol_versions(&[&rustls::version::TLS13, &rustls::version::TLS12])
        .map_err(|e| Error::Config(format!("TLS configuration: {e}")))?
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(verifier));
    let mut tls = match &config.client_identity {
        None => builder.with_no_client_auth(),
        Some(id) => builder
            .with_client_auth_cert(id.chain.clone(), id.key.clone_key())
            .map_err(|e| Error::Config(format!("client certificate: {e}")))?,
    };
    tls.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
    Ok(tls)
}

/// The standard verifier (chain, name, validity) for the configured roots.
fn inner_verifier(
    config: &TransportConfig,
    provider: Arc<CryptoProvider>,
) -> Result<Arc<dyn ServerCertVerifier>> {
    match config.roots {
        RootCertificates::Platform => platform_verifier(config, provider),
        RootCertificates::Bundled | RootCertificates::ExtraOnly => {
            let mut store = rustls::RootCertStore::empty();
            if config.roots == RootCertificates::Bundled {
                store.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
            }
            for cert in &config.extra_roots {
                store
                    .add(cert.clone())
                    .map_err(|e| Error::Config(format!("invalid root certificate: {e}")))?;
            }
            if store.is_empty() {
                return Err(Error::Config(
                    "RootCertificates::ExtraOnly needs at least one root certificate".into(),
                ));
            }
            let v = rustls::client::WebPkiServerVerifier::builder_with_provider(
                Arc::new(store),
                provider,
            )
            .build()
            .map_err(|e| Error::Config(format!("TLS verifier: {e}")))?;
            Ok(v)
        }
    }
}

/// Platform verifiers, by (legacy algorithms?, extra roots). Building one reads the
/// system's trust store (milliseconds); clients are built often (one per sandbox
/// endpoint), so the verifier is shared. A changed system store is seen by clients built
/// after the cache was last cleared (it holds a handful of entries).
type PlatformKey = (bool, Vec<Vec<u8>>);
static PLATFORM_VERIFIERS: std::sync::Mutex<Vec<(PlatformKey, Arc<dyn ServerCertVerifier>)>> =
    std::sync::Mutex::new(Vec::new());

fn platform_verifier(
    config: &TransportConfig,
    provider: Arc<CryptoProvider>,
) -> Result<Arc<dyn ServerCertVerifier>> {
    let key: PlatformKey = (
        config.allow_weak_server_cert_key_lengths,
        config.extra_roots.iter().map(|c| c.to_vec()).collect(),
    );
    let mut cache = PLATFORM_VERIFIERS.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((_, v)) = cache.iter().find(|(k, _)| *k == key) {
        return Ok(v.clone());
    }
    let v: Arc<dyn ServerCertVerifier> = Arc::new(
        rustls_platform_verifier::Verifier::new_with_extra_roots(
            config.extra_roots.iter().cloned(),
            provider,
        )
        .map_err(|e| {
            Error::Config(format!(
                "could not load the platform's root certificates ({e}); use \
                 RootCertificates::Bundled or add roots"
            ))
        })?,
    );
    if cache.len() >= 8 {
        cache.clear();
    }
    cache.push((key, v.clone()));
    Ok(v)
}

/// Wraps the standard verifier: applies the key-strength policy to the presented chain
/// first (so the error is precise), then the standard verification.
#[derive(Debug)]
struct PolicyVerifier {
    inner: Arc<dyn ServerCertVerifier>,
    algorithms: WebPkiSupportedAlgorithms,
    enforce: bool,
}

impl ServerCertVerifier for PolicyVerifier {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> std::result::Result<ServerCertVerified, rustls::Error> {
        if self.enforce {
            check_chain(end_entity, intermediates).map_err(|w| {
                rustls::Error::InvalidCertificate(CertificateError::Other(OtherError(Arc::new(w))))
            })?;
        }
        self.inner
            .verify_server_cert(end_entity, intermediates, server_name, ocsp_response, now)
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(message, cert, dss, &self.algorithms)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(message, cert, dss, &self.algorithms)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.algorithms.supported_schemes()
    }
}

mod errors;
mod legacy;
mod strength;

pub(crate) use errors::tls_failure_message;
#[cfg(test)]
use errors::*;
use legacy::*;
use strength::*;
pub use strength::{MIN_EC_BITS, MIN_HASH_BITS, MIN_RSA_BITS};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bit_lengths() {
        assert_eq!(bit_length(&[0x00, 0x80, 0x00]), 16);
        assert_eq!(bit_length(&[0x01, 0xff]), 9);
        assert_eq!(bit_length(&[0, 0]), 0);
        assert_eq!(point_bits(&[0x04; 65]), 256);
        assert_eq!(point_bits(&[0x04; 49]), 192);
        assert_eq!(point_bits(&[0x02; 29]), 224);
    }

    #[test]
    fn rustls_errors_are_found_under_io_layers() {
        let weak = WeakCertificate("server certificate CN=x has a 1024-bit RSA key".into());
        let rustls_err =
            rustls::Error::InvalidCertificate(CertificateError::Other(OtherError(Arc::new(weak))));
        let io1 = std::io::Error::new(std::io::ErrorKind::InvalidData, rustls_err);
        let io2 = std::io::Error::other(io1);
        let found = find_rustls_error(&io2).map(describe);
        assert_eq!(
            found.as_deref(),
            Some("server certificate CN=x has a 1024-bit RSA key")
        );
        let plain = std::io::Error::other("connection refused");
        assert!(find_rustls_error(&plain).is_none());
    }

    #[test]
    fn weak_hashes() {
        use x509_parser::prelude::FromDer;
        // AlgorithmIdentifier SEQUENCE { sha1WithRSAEncryption, NULL }
        let der = [
            0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x05, 0x05,
            0x00,
        ];
        let (_, alg) = x509_parser::x509::AlgorithmIdentifier::from_der(&der).unwrap();
        assert_eq!(weak_signature_hash(&alg), Some(("SHA-1", 160)));
        let der256 = [
            0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b, 0x05,
            0x00,
        ];
        let (_, alg) = x509_parser::x509::AlgorithmIdentifier::from_der(&der256).unwrap();
        assert_eq!(weak_signature_hash(&alg), None);
        let md5 = [
            0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x04, 0x05,
            0x00,
        ];
        let (_, alg) = x509_parser::x509::AlgorithmIdentifier::from_der(&md5).unwrap();
        assert_eq!(weak_signature_hash(&alg), Some(("MD5", 128)));
    }

    #[test]
    fn legacy_set_replaces_every_rsa_algorithm() {
        let legacy = *LEGACY_ALGORITHMS;
        let standard =
            rustls::crypto::aws_lc_rs::default_provider().signature_verification_algorithms;
        assert_eq!(legacy.supported_schemes(), standard.supported_schemes());
        for a in legacy.all {
            if a.public_key_alg_id() == alg_id::RSA_ENCRYPTION {
                assert!(format!("{a:?}").starts_with("LegacyAlgorithm"), "{a:?}");
            }
        }
    }

    #[test]
    fn debug_hides_the_client_key() {
        let cfg = TransportConfig {
            client_identity: Some(ClientIdentity {
                chain: vec![CertificateDer::from(vec![1, 2, 3])],
                key: Arc::new(PrivateKeyDer::Pkcs8(vec![9u8, 9, 9].into())),
            }),
            ..TransportConfig::default()
        };
        let s = format!("{cfg:?}");
        assert!(s.contains("***") && !s.contains("9, 9"), "{s}");
    }
}
