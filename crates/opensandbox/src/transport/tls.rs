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
    /// [`Error::Config`](crate::Error::Config) for PEM that holds no certificate or one
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
    /// [`Error::Config`](crate::Error::Config) for a certificate chain or private key that
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

// ---------------------------------------------------------------------------------------
// The key-strength check.

/// Minimum RSA (and DSA) modulus length.
pub const MIN_RSA_BITS: usize = 2048;
/// Minimum elliptic-curve key length.
pub const MIN_EC_BITS: usize = 224;
/// Minimum signature hash length.
pub const MIN_HASH_BITS: usize = 224;

/// A certificate of the server's chain broke the key-strength policy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct WeakCertificate(String);

impl fmt::Display for WeakCertificate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl StdError for WeakCertificate {}

const HINT: &str =
    "TransportConfig::allow_weak_server_cert_key_lengths accepts it for legacy servers";

/// Checks the leaf and every intermediate the server presented.
pub(crate) fn check_chain(
    end_entity: &CertificateDer<'_>,
    intermediates: &[CertificateDer<'_>],
) -> std::result::Result<(), WeakCertificate> {
    let last = intermediates.len();
    std::iter::once(end_entity)
        .chain(intermediates)
        .enumerate()
        .try_for_each(|(i, der)| check_certificate(der, i, i == last))
}

fn check_certificate(
    der: &[u8],
    position: usize,
    last: bool,
) -> std::result::Result<(), WeakCertificate> {
    let what = if position == 0 {
        "server certificate".to_string()
    } else {
        format!("intermediate certificate #{position}")
    };
    let (_, cert) = x509_parser::parse_x509_certificate(der).map_err(|e| {
        WeakCertificate(format!(
            "{what} could not be parsed for the key-strength check: {e}"
        ))
    })?;
    let subject = cert.subject().to_string();
    let name = if subject.is_empty() {
        what
    } else {
        format!("{what} {subject}")
    };

    let spki = cert.public_key();
    match key_strength(spki) {
        KeyStrength::Rsa(bits) if bits < MIN_RSA_BITS => {
            return Err(WeakCertificate(format!(
                "{name} has a {bits}-bit RSA key; minimum is {MIN_RSA_BITS} ({HINT})"
            )));
        }
        KeyStrength::Dsa(bits) if bits < MIN_RSA_BITS => {
            return Err(WeakCertificate(format!(
                "{name} has a {bits}-bit DSA key; minimum is {MIN_RSA_BITS} ({HINT})"
            )));
        }
        KeyStrength::Ec(bits, curve) if bits < MIN_EC_BITS => {
            return Err(WeakCertificate(format!(
                "{name} has a {bits}-bit EC key ({curve}); minimum is {MIN_EC_BITS} ({HINT})"
            )));
        }
        _ => {}
    }

    // A self-signed certificate at the end of the chain is a root sent along: its own
    // signature is never verified, so its hash does not matter.
    let self_signed = cert.subject().as_raw() == cert.issuer().as_raw();
    if !(last && self_signed && position > 0)
        && let Some((hash, bits)) = weak_signature_hash(&cert.signature_algorithm)
    {
        return Err(WeakCertificate(format!(
            "{name} is signed with {hash} ({bits}-bit hash); minimum is SHA-224 ({HINT})"
        )));
    }
    Ok(())
}

#[derive(Debug, PartialEq, Eq)]
enum KeyStrength {
    Rsa(usize),
    Dsa(usize),
    Ec(usize, &'static str),
    Other,
}

fn key_strength(spki: &x509_parser::x509::SubjectPublicKeyInfo<'_>) -> KeyStrength {
    use x509_parser::public_key::PublicKey;
    match spki.parsed() {
        Ok(PublicKey::RSA(rsa)) => KeyStrength::Rsa(bit_length(rsa.modulus)),
        Ok(PublicKey::DSA(y)) => KeyStrength::Dsa(bit_length(y)),
        Ok(PublicKey::EC(point)) => {
            let curve = spki
                .algorithm
                .parameters
                .as_ref()
                .and_then(|p| p.as_oid().ok())
                .map(|oid| oid.to_id_string());
            match curve.as_deref().and_then(curve_bits) {
                Some((bits, name)) => KeyStrength::Ec(bits, name),
                None => KeyStrength::Ec(point_bits(point.data()), "unknown curve"),
            }
        }
        _ => KeyStrength::Other,
    }
}

/// Bits of a big-endian unsigned integer (leading zero bytes and bits skipped).
pub(crate) fn bit_length(bytes: &[u8]) -> usize {
    let bytes = match bytes.iter().position(|b| *b != 0) {
        Some(i) => &bytes[i..],
        None => return 0,
    };
    bytes.len() * 8 - bytes[0].leading_zeros() as usize
}

/// Field size of an EC point encoding (uncompressed `04 x y` or compressed `02/03 x`).
fn point_bits(point: &[u8]) -> usize {
    match point.first() {
        Some(0x04) => (point.len().saturating_sub(1) / 2) * 8,
        Some(0x02 | 0x03) => point.len().saturating_sub(1) * 8,
        _ => 0,
    }
}

/// Known named curves: (bits, name).
fn curve_bits(oid: &str) -> Option<(usize, &'static str)> {
    Some(match oid {
        "1.2.840.10045.3.1.1" => (192, "P-192"),
        "1.3.132.0.33" => (224, "P-224"),
        "1.2.840.10045.3.1.7" => (256, "P-256"),
        "1.3.132.0.34" => (384, "P-384"),
        "1.3.132.0.35" => (521, "P-521"),
        "1.3.132.0.10" => (256, "secp256k1"),
        "1.3.132.0.8" | "1.3.132.0.9" | "1.3.132.0.30" => (160, "secp160"),
        "1.3.132.0.31" => (192, "secp192k1"),
        "1.3.132.0.32" => (224, "secp224k1"),
        "1.3.36.3.3.2.8.1.1.1" => (160, "brainpoolP160r1"),
        "1.3.36.3.3.2.8.1.1.3" => (192, "brainpoolP192r1"),
        "1.3.36.3.3.2.8.1.1.5" => (224, "brainpoolP224r1"),
        "1.3.36.3.3.2.8.1.1.7" => (256, "brainpoolP256r1"),
        "1.3.36.3.3.2.8.1.1.9" => (320, "brainpoolP320r1"),
        "1.3.36.3.3.2.8.1.1.11" => (384, "brainpoolP384r1"),
        "1.3.36.3.3.2.8.1.1.13" => (512, "brainpoolP512r1"),
        _ => return None,
    })
}

/// The hash of a certificate signature algorithm when it is under 224 bits.
fn weak_signature_hash(
    alg: &x509_parser::x509::AlgorithmIdentifier<'_>,
) -> Option<(&'static str, usize)> {
    let oid = alg.algorithm.to_id_string();
    let hash_oid = match oid.as_str() {
        // RSASSA-PSS names its hash in the parameters (SHA-1 when absent).
        "1.2.840.113549.1.1.10" => {
            match x509_parser::signature_algorithm::SignatureAlgorithm::try_from(alg) {
                Ok(x509_parser::signature_algorithm::SignatureAlgorithm::RSASSA_PSS(p)) => {
                    p.hash_algorithm_oid().to_id_string()
                }
                _ => return Some(("RSASSA-PSS with unreadable parameters", 0)),
            }
        }
        other => other.to_string(),
    };
    match hash_oid.as_str() {
        "1.2.840.113549.1.1.2" | "1.2.840.113549.2.2" => Some(("MD2", 128)),
        "1.2.840.113549.1.1.3" | "1.2.840.113549.2.4" => Some(("MD4", 128)),
        "1.2.840.113549.1.1.4" | "1.2.840.113549.2.5" => Some(("MD5", 128)),
        "1.2.840.113549.1.1.5"
        | "1.3.14.3.2.29"
        | "1.3.14.3.2.26"
        | "1.2.840.10045.4.1"
        | "1.2.840.10040.4.3" => Some(("SHA-1", 160)),
        _ => None,
    }
}

// ---------------------------------------------------------------------------------------
// Legacy algorithms (only with `allow_weak_server_cert_key_lengths`).

/// RSA fallback through the RustCrypto `rsa` crate, for keys of 1024..2048 bits where
/// aws-lc-rs has no legacy variant (RSA-PSS, PKCS#1 v1.5 with SHA-384).
#[derive(Debug, Clone, Copy)]
enum RsaFallback {
    Pkcs1Sha384,
    PssSha256,
    PssSha384,
    PssSha512,
}

/// A signature algorithm of the legacy set: aws-lc-rs first, then the fallback.
#[derive(Debug)]
struct LegacyAlgorithm {
    public_key_alg_id: AlgorithmIdentifier,
    signature_alg_id: AlgorithmIdentifier,
    aws: &'static dyn aws_lc_rs::signature::VerificationAlgorithm,
    fallback: Option<RsaFallback>,
}

impl SignatureVerificationAlgorithm for LegacyAlgorithm {
    fn verify_signature(
        &self,
        public_key: &[u8],
        message: &[u8],
        signature: &[u8],
    ) -> std::result::Result<(), InvalidSignature> {
        if aws_lc_rs::signature::UnparsedPublicKey::new(self.aws, public_key)
            .verify(message, signature)
            .is_ok()
        {
            return Ok(());
        }
        match self.fallback {
            Some(f) => rsa_fallback(f, public_key, message, signature),
            None => Err(InvalidSignature),
        }
    }

    fn public_key_alg_id(&self) -> AlgorithmIdentifier {
        self.public_key_alg_id
    }

    fn signature_alg_id(&self) -> AlgorithmIdentifier {
        self.signature_alg_id
    }
}

/// Verifies with the `rsa` crate, only for 1024..2048-bit keys (larger ones are
/// aws-lc-rs's, and already failed there).
fn rsa_fallback(
    fallback: RsaFallback,
    public_key: &[u8],
    message: &[u8],
    signature: &[u8],
) -> std::result::Result<(), InvalidSignature> {
    use rsa::sha2::{Sha256, Sha384, Sha512};
    use rsa::signature::Verifier;
    use x509_parser::prelude::FromDer;

    let (_, key) = x509_parser::public_key::RSAPublicKey::from_der(public_key)
        .map_err(|_| InvalidSignature)?;
    let bits = bit_length(key.modulus);
    if !(1024..MIN_RSA_BITS).contains(&bits) {
        return Err(InvalidSignature);
    }
    let n = rsa::BoxedUint::from_be_slice_vartime(key.modulus);
    let e = rsa::BoxedUint::from_be_slice_vartime(key.exponent);
    let key = rsa::PublicKey::new(n, e).map_err(|_| InvalidSignature)?;
    let ok = match fallback {
        RsaFallback::Pkcs1Sha384 => {
            let sig =
                rsa::pkcs1v15::Signature::try_from(signature).map_err(|_| InvalidSignature)?;
            rsa::pkcs1v15::VerifyingKey::<Sha384>::new(key).verify(message, &sig)
        }
        RsaFallback::PssSha256 | RsaFallback::PssSha384 | RsaFallback::PssSha512 => {
            let sig = rsa::pss::Signature::try_from(signature).map_err(|_| InvalidSignature)?;
            match fallback {
                RsaFallback::PssSha256 => {
                    rsa::pss::VerifyingKey::<Sha256>::new(key).verify(message, &sig)
                }
                RsaFallback::PssSha384 => {
                    rsa::pss::VerifyingKey::<Sha384>::new(key).verify(message, &sig)
                }
                _ => rsa::pss::VerifyingKey::<Sha512>::new(key).verify(message, &sig),
            }
        }
    };
    ok.map_err(|_| InvalidSignature)
}

// sha1WithRSAEncryption, the PKCS#1 SHA-2 identifiers without their NULL parameter, and
// ecdsa-with-SHA1 (AlgorithmIdentifier contents).
const RSA_PKCS1_SHA1: AlgorithmIdentifier = AlgorithmIdentifier::from_slice(&[
    0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x05, 0x05, 0x00,
]);
const RSA_PKCS1_SHA256_ABSENT: AlgorithmIdentifier = AlgorithmIdentifier::from_slice(&[
    0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b,
]);
const RSA_PKCS1_SHA384_ABSENT: AlgorithmIdentifier = AlgorithmIdentifier::from_slice(&[
    0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0c,
]);
const RSA_PKCS1_SHA512_ABSENT: AlgorithmIdentifier = AlgorithmIdentifier::from_slice(&[
    0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0d,
]);
const ECDSA_SHA1: AlgorithmIdentifier =
    AlgorithmIdentifier::from_slice(&[0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x01]);

macro_rules! legacy {
    ($name:ident, $pk:expr, $sig:expr, $aws:expr, $fallback:expr) => {
        static $name: LegacyAlgorithm = LegacyAlgorithm {
            public_key_alg_id: $pk,
            signature_alg_id: $sig,
            aws: &$aws,
            fallback: $fallback,
        };
    };
}

use aws_lc_rs::signature as aws;

legacy!(
    L_RSA_PKCS1_SHA1,
    alg_id::RSA_ENCRYPTION,
    RSA_PKCS1_SHA1,
    aws::RSA_PKCS1_1024_8192_SHA1_FOR_LEGACY_USE_ONLY,
    None
);
legacy!(
    L_RSA_PKCS1_SHA256,
    alg_id::RSA_ENCRYPTION,
    alg_id::RSA_PKCS1_SHA256,
    aws::RSA_PKCS1_1024_8192_SHA256_FOR_LEGACY_USE_ONLY,
    None
);
legacy!(
    L_RSA_PKCS1_SHA384,
    alg_id::RSA_ENCRYPTION,
    alg_id::RSA_PKCS1_SHA384,
    aws::RSA_PKCS1_2048_8192_SHA384,
    Some(RsaFallback::Pkcs1Sha384)
);
legacy!(
    L_RSA_PKCS1_SHA512,
    alg_id::RSA_ENCRYPTION,
    alg_id::RSA_PKCS1_SHA512,
    aws::RSA_PKCS1_1024_8192_SHA512_FOR_LEGACY_USE_ONLY,
    None
);
legacy!(
    L_RSA_PKCS1_SHA256_ABSENT,
    alg_id::RSA_ENCRYPTION,
    RSA_PKCS1_SHA256_ABSENT,
    aws::RSA_PKCS1_1024_8192_SHA256_FOR_LEGACY_USE_ONLY,
    None
);
legacy!(
    L_RSA_PKCS1_SHA384_ABSENT,
    alg_id::RSA_ENCRYPTION,
    RSA_PKCS1_SHA384_ABSENT,
    aws::RSA_PKCS1_2048_8192_SHA384,
    Some(RsaFallback::Pkcs1Sha384)
);
legacy!(
    L_RSA_PKCS1_SHA512_ABSENT,
    alg_id::RSA_ENCRYPTION,
    RSA_PKCS1_SHA512_ABSENT,
    aws::RSA_PKCS1_1024_8192_SHA512_FOR_LEGACY_USE_ONLY,
    None
);
legacy!(
    L_RSA_PSS_SHA256,
    alg_id::RSA_ENCRYPTION,
    alg_id::RSA_PSS_SHA256,
    aws::RSA_PSS_2048_8192_SHA256,
    Some(RsaFallback::PssSha256)
);
legacy!(
    L_RSA_PSS_SHA384,
    alg_id::RSA_ENCRYPTION,
    alg_id::RSA_PSS_SHA384,
    aws::RSA_PSS_2048_8192_SHA384,
    Some(RsaFallback::PssSha384)
);
legacy!(
    L_RSA_PSS_SHA512,
    alg_id::RSA_ENCRYPTION,
    alg_id::RSA_PSS_SHA512,
    aws::RSA_PSS_2048_8192_SHA512,
    Some(RsaFallback::PssSha512)
);
legacy!(
    L_ECDSA_P256_SHA1,
    alg_id::ECDSA_P256,
    ECDSA_SHA1,
    aws::ECDSA_P256_SHA1_ASN1,
    None
);
legacy!(
    L_ECDSA_P521_SHA1,
    alg_id::ECDSA_P521,
    ECDSA_SHA1,
    aws::ECDSA_P521_SHA1_ASN1,
    None
);

type Algs = &'static [&'static dyn SignatureVerificationAlgorithm];

static M_PSS_SHA256: [&dyn SignatureVerificationAlgorithm; 1] = [&L_RSA_PSS_SHA256];
static M_PSS_SHA384: [&dyn SignatureVerificationAlgorithm; 1] = [&L_RSA_PSS_SHA384];
static M_PSS_SHA512: [&dyn SignatureVerificationAlgorithm; 1] = [&L_RSA_PSS_SHA512];
static M_PKCS1_SHA256: [&dyn SignatureVerificationAlgorithm; 1] = [&L_RSA_PKCS1_SHA256];
static M_PKCS1_SHA384: [&dyn SignatureVerificationAlgorithm; 1] = [&L_RSA_PKCS1_SHA384];
static M_PKCS1_SHA512: [&dyn SignatureVerificationAlgorithm; 1] = [&L_RSA_PKCS1_SHA512];

/// The provider's algorithms with every RSA entry replaced by a legacy one (replaced,
/// not added beside: webpki stops at the first algorithm whose identifiers match), and
/// SHA-1 certificate signatures added. Handshake schemes stay the provider's (no SHA-1).
static LEGACY_ALGORITHMS: LazyLock<WebPkiSupportedAlgorithms> = LazyLock::new(|| {
    let base = rustls::crypto::aws_lc_rs::default_provider().signature_verification_algorithms;
    let mut all: Vec<&'static dyn SignatureVerificationAlgorithm> = base
        .all
        .iter()
        .copied()
        .filter(|a| a.public_key_alg_id() != alg_id::RSA_ENCRYPTION)
        .collect();
    all.extend([
        &L_RSA_PKCS1_SHA1 as &dyn SignatureVerificationAlgorithm,
        &L_RSA_PKCS1_SHA256,
        &L_RSA_PKCS1_SHA384,
        &L_RSA_PKCS1_SHA512,
        &L_RSA_PKCS1_SHA256_ABSENT,
        &L_RSA_PKCS1_SHA384_ABSENT,
        &L_RSA_PKCS1_SHA512_ABSENT,
        &L_RSA_PSS_SHA256,
        &L_RSA_PSS_SHA384,
        &L_RSA_PSS_SHA512,
        &L_ECDSA_P256_SHA1,
        &L_ECDSA_P521_SHA1,
    ]);
    let mapping: Vec<(SignatureScheme, Algs)> = base
        .mapping
        .iter()
        .map(|(scheme, algs)| {
            let legacy: Algs = match *scheme {
                SignatureScheme::RSA_PSS_SHA256 => &M_PSS_SHA256,
                SignatureScheme::RSA_PSS_SHA384 => &M_PSS_SHA384,
                SignatureScheme::RSA_PSS_SHA512 => &M_PSS_SHA512,
                SignatureScheme::RSA_PKCS1_SHA256 => &M_PKCS1_SHA256,
                SignatureScheme::RSA_PKCS1_SHA384 => &M_PKCS1_SHA384,
                SignatureScheme::RSA_PKCS1_SHA512 => &M_PKCS1_SHA512,
                _ => algs,
            };
            (*scheme, legacy)
        })
        .collect();
    // Built once per process; the slices live as long as the provider needs them.
    WebPkiSupportedAlgorithms {
        all: Vec::leak(all),
        mapping: Vec::leak(mapping),
    }
});

// ---------------------------------------------------------------------------------------
// Recognising TLS failures under reqwest's error layers.

/// A readable message if `e` is a TLS or certificate failure.
pub(crate) fn tls_failure_message(e: &reqwest::Error) -> Option<String> {
    find_rustls_error(e).map(describe)
}

/// Walks an error chain for a `rustls::Error`, looking inside `io::Error`s (whose
/// `source()` skips the error they wrap).
pub(crate) fn find_rustls_error<'a>(e: &'a (dyn StdError + 'static)) -> Option<&'a rustls::Error> {
    let mut current: Option<&'a (dyn StdError + 'static)> = Some(e);
    let mut depth = 0;
    while let Some(err) = current {
        if let Some(r) = err.downcast_ref::<rustls::Error>() {
            return Some(r);
        }
        depth += 1;
        if depth > 32 {
            return None;
        }
        current = match err
            .downcast_ref::<std::io::Error>()
            .and_then(|io| io.get_ref())
        {
            Some(inner) => Some(inner as &(dyn StdError + 'static)),
            None => err.source(),
        };
    }
    None
}

fn describe(e: &rustls::Error) -> String {
    match e {
        rustls::Error::InvalidCertificate(CertificateError::Other(other)) => {
            match other.0.downcast_ref::<WeakCertificate>() {
                Some(w) => w.to_string(),
                None => format!("server certificate rejected: {other}"),
            }
        }
        rustls::Error::InvalidCertificate(CertificateError::UnknownIssuer) => {
            "server certificate rejected: it does not chain to a trusted root (unknown \
             issuer); add the CA with TransportConfig::add_root_certificate_pem"
                .to_string()
        }
        rustls::Error::InvalidCertificate(CertificateError::BadSignature) => {
            "server certificate rejected: a signature (in its chain or the handshake) does not verify".to_string()
        }
        other => format!("TLS handshake failed: {other}"),
    }
}

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
