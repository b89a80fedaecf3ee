//! The TLS key-strength policy against real TLS servers on loopback.
//!
//! Every test generates its certificates, starts a tokio-rustls server that answers one
//! JSON sandbox per connection, and calls `LifecycleClient::get_sandbox` through the SDK
//! with the test root trusted. The 1024-bit RSA server signs with the RustCrypto `rsa`
//! crate (rustls's own key loader refuses such keys); the SHA-1 intermediate is made by
//! re-signing an rcgen certificate.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use opensandbox::api::lifecycle::LifecycleClient;
use opensandbox::{ClientOptions, Error, RetryPolicy, RootCertificates, TransportConfig};
use rcgen::{
    BasicConstraints, CertificateParams, DistinguishedName, DnType, IsCa, Issuer, KeyPair,
    KeyUsagePurpose, PublicKeyData, RsaKeySize,
};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;
use tokio_rustls::TlsAcceptor;
use tokio_rustls::rustls::crypto::aws_lc_rs;
use tokio_rustls::rustls::pki_types::{CertificateDer, PrivateKeyDer};
use tokio_rustls::rustls::server::{ClientHello, ResolvesServerCert};
use tokio_rustls::rustls::sign::{CertifiedKey, Signer, SigningKey};
use tokio_rustls::rustls::{
    self, ProtocolVersion, ServerConfig, SignatureAlgorithm, SignatureScheme,
    SupportedProtocolVersion,
};

/// A 1024-bit RSA test key (generated once with `openssl genpkey`; it protects nothing).
const RSA_1024_PEM: &str = "-----BEGIN PRIVATE KEY-----
MIICdQIBADANBgkqhkiG9w0BAQEFAASCAl8wggJbAgEAAoGBAJmLEdp3t78rkQNi
zUIRgLxRb4vGTlgSnJOawvhXy3biKWb6gl6Dx+pQk79ljAtv8h3tn2IfxD2JAlje
fFjXqPjIQSU5S8JIM2T4e/GUvvmcmkzYISHiA6ouyfifBDrkydeLf/rZ9fQOHeWT
njzNXbhsto2vGdT36Pud6syXerHrAgMBAAECgYBgrN+g3qAjDhtQNnVmk/6qk9vX
9hR9/7n2dgssspq5T80hubk8KV1Ge1WLvTRgPywDDAq+jaHR3OJNckh459DLWhVo
YM3DD87kPaoRxGGwcfVYxRsQNa87cJvEQuj00qAjKgSRo5Gg5lQv5BgkXnG3J93n
lv7Py2t+KjrM/IGZAQJBAMoVPFnXPZBvSvUMIUidNE9Vj8EfcWAQELDs/5/402Wd
86fuIwgs6LdxZh3SfjC8hu18QiVTr3Fg1DVMmY8Yl5kCQQDCgnO0I2V3CMRFdRQB
KqypcrrwxDZovf2MzqYFN1R3Mxm51MYAOGPVASGBdYgTT5But/c7tp6QMItUzxdk
aLgjAkAGjWu4igcgAMvQaEVIAnjovaB8pZVahQrVgcnEGSBZoiZ9YnZWVIZzNEUY
YHPhBqvlVWsbpLwClB4tYD92aVi5AkBbM6Ge4E3uD11AGBJmLaVB2nrO86FzYUom
oKp1najsLzirypmAdvBQarRUKFDChTb6wyWYiRs2Dpz2Chg0y2kzAkAC9HWR1gVd
u66IDcLFD0N+aN/LMo3L7XlL+eoa96yLtnp9Sq85eSkQt4jw24H3Lm0ds2iDg3Nd
drtoG+gq+osT
-----END PRIVATE KEY-----
";

const SANDBOX_JSON: &str = r#"{"id":"sbx-1","createdAt":"2025-01-01T00:00:00Z","entrypoint":["/bin/sh"],"status":{"state":"Running"}}"#;

const TLS12_ONLY: &[&SupportedProtocolVersion] = &[&rustls::version::TLS12];
const TLS13_ONLY: &[&SupportedProtocolVersion] = &[&rustls::version::TLS13];
const BOTH: &[&SupportedProtocolVersion] = &[&rustls::version::TLS13, &rustls::version::TLS12];

// ---------------------------------------------------------------------------------------
// Certificates.

fn dn(cn: &str) -> DistinguishedName {
    let mut dn = DistinguishedName::new();
    dn.push(DnType::CommonName, cn);
    dn
}

fn ca_params(cn: &str) -> CertificateParams {
    let mut p = CertificateParams::new(Vec::<String>::new()).unwrap();
    p.distinguished_name = dn(cn);
    p.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    p.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
    p
}

fn leaf_params(cn: &str) -> CertificateParams {
    let mut p = CertificateParams::new(vec!["127.0.0.1".to_string()]).unwrap();
    p.distinguished_name = dn(cn);
    p.is_ca = IsCa::NoCa;
    p
}

/// A certificate authority: its certificate and an issuer to sign with.
struct Ca {
    cert: CertificateDer<'static>,
    pem: String,
    issuer: Issuer<'static, KeyPair>,
}

fn root_ca(cn: &str, key: KeyPair) -> Ca {
    let params = ca_params(cn);
    let cert = params.self_signed(&key).unwrap();
    Ca {
        pem: cert.pem(),
        cert: cert.der().clone(),
        issuer: Issuer::new(params, key),
    }
}

fn p256() -> KeyPair {
    KeyPair::generate_for(&rcgen::PKCS_ECDSA_P256_SHA256).unwrap()
}

fn rsa2048() -> KeyPair {
    KeyPair::generate_rsa_for(&rcgen::PKCS_RSA_SHA256, RsaKeySize::_2048).unwrap()
}

/// rustls's own signing key for an rcgen key pair.
fn signing_key(key: &KeyPair) -> Arc<dyn SigningKey> {
    aws_lc_rs::sign::any_supported_type(&PrivateKeyDer::Pkcs8(key.serialize_der().into())).unwrap()
}

/// The 1024-bit key's public half, for rcgen.
struct WeakRsaPublic(Vec<u8>);

impl PublicKeyData for WeakRsaPublic {
    fn der_bytes(&self) -> &[u8] {
        &self.0
    }
    fn algorithm(&self) -> &'static rcgen::SignatureAlgorithm {
        &rcgen::PKCS_RSA_SHA256
    }
}

fn weak_rsa_key() -> rsa::PrivateKey {
    use rsa::pkcs8::DecodePrivateKey;
    rsa::PrivateKey::from_pkcs8_pem(RSA_1024_PEM).unwrap()
}

fn weak_rsa_public(key: &rsa::PrivateKey) -> WeakRsaPublic {
    use rsa::pkcs1::EncodeRsaPublicKey;
    WeakRsaPublic(
        key.to_public_key()
            .to_pkcs1_der()
            .unwrap()
            .as_bytes()
            .to_vec(),
    )
}

/// A rustls signing key backed by the `rsa` crate, offering `schemes` in that order.
#[derive(Debug)]
struct WeakRsaSigningKey {
    key: rsa::PrivateKey,
    schemes: Vec<SignatureScheme>,
}

#[derive(Debug)]
struct WeakRsaSigner {
    key: rsa::PrivateKey,
    scheme: SignatureScheme,
}

impl SigningKey for WeakRsaSigningKey {
    fn choose_scheme(&self, offered: &[SignatureScheme]) -> Option<Box<dyn Signer>> {
        let scheme = *self.schemes.iter().find(|s| offered.contains(s))?;
        Some(Box::new(WeakRsaSigner {
            key: self.key.clone(),
            scheme,
        }))
    }

    fn algorithm(&self) -> SignatureAlgorithm {
        SignatureAlgorithm::RSA
    }
}

impl Signer for WeakRsaSigner {
    fn sign(&self, message: &[u8]) -> Result<Vec<u8>, rustls::Error> {
        use rsa::sha2::Sha256;
        use rsa::signature::{SignatureEncoding, Signer as _};
        let err = |e: rsa::signature::Error| rustls::Error::General(e.to_string());
        match self.scheme {
            SignatureScheme::RSA_PKCS1_SHA256 => {
                Ok(rsa::pkcs1v15::SigningKey::<Sha256>::new(self.key.clone())
                    .try_sign(message)
                    .map_err(err)?
                    .to_vec())
            }
            SignatureScheme::RSA_PSS_SHA256 => {
                Ok(rsa::pss::SigningKey::<Sha256>::new(self.key.clone())
                    .try_sign(message)
                    .map_err(err)?
                    .to_vec())
            }
            other => Err(rustls::Error::General(format!("unsupported {other:?}"))),
        }
    }

    fn scheme(&self) -> SignatureScheme {
        self.scheme
    }
}

/// Re-signs an rcgen certificate signed with sha256WithRSAEncryption by `issuer_key`
/// (an RSA key) as sha1WithRSAEncryption. The identifiers have the same length and the
/// signature keeps its size, so only bytes change.
fn resign_with_sha1(der: &[u8], issuer_key: &KeyPair) -> CertificateDer<'static> {
    use rsa::pkcs8::DecodePrivateKey;
    use rsa::traits::PublicKeyParts;
    let key = rsa::PrivateKey::from_pkcs8_der(&issuer_key.serialize_der()).unwrap();
    let sig_len = key.size();
    let mut der = der.to_vec();
    let body_end = der.len() - sig_len;
    const SHA256_RSA: [u8; 9] = [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b];
    let mut patched = 0;
    for i in 0..body_end - SHA256_RSA.len() {
        if der[i..i + SHA256_RSA.len()] == SHA256_RSA {
            der[i + SHA256_RSA.len() - 1] = 0x05;
            patched += 1;
        }
    }
    assert_eq!(patched, 2, "signature algorithm in the TBS and outside it");
    // Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm, signatureValue }
    let (outer_header, _) = tlv(&der, 0);
    let (tbs_header, tbs_len) = tlv(&der, outer_header);
    let tbs = &der[outer_header..outer_header + tbs_header + tbs_len];
    let digest = aws_lc_rs_digest_sha1(tbs);
    let mut digest_info = vec![
        0x30, 0x21, 0x30, 0x09, 0x06, 0x05, 0x2b, 0x0e, 0x03, 0x02, 0x1a, 0x05, 0x00, 0x04, 0x14,
    ];
    digest_info.extend_from_slice(&digest);
    let sig = key
        .sign(rsa::Pkcs1v15Sign::new_unprefixed(), &digest_info)
        .unwrap();
    assert_eq!(sig.len(), sig_len);
    der[body_end..].copy_from_slice(&sig);
    CertificateDer::from(der)
}

fn aws_lc_rs_digest_sha1(data: &[u8]) -> Vec<u8> {
    ::aws_lc_rs::digest::digest(&::aws_lc_rs::digest::SHA1_FOR_LEGACY_USE_ONLY, data)
        .as_ref()
        .to_vec()
}

/// (header length, content length) of the DER element at `at`.
fn tlv(der: &[u8], at: usize) -> (usize, usize) {
    let first = der[at + 1] as usize;
    if first < 0x80 {
        return (2, first);
    }
    let n = first & 0x7f;
    let len = der[at + 2..at + 2 + n]
        .iter()
        .fold(0usize, |acc, b| (acc << 8) | *b as usize);
    (2 + n, len)
}

// ---------------------------------------------------------------------------------------
// The server.

#[derive(Debug)]
struct Fixed(Arc<CertifiedKey>);

impl ResolvesServerCert for Fixed {
    fn resolve(&self, _hello: ClientHello<'_>) -> Option<Arc<CertifiedKey>> {
        Some(self.0.clone())
    }
}

struct Server {
    addr: SocketAddr,
    connections: Arc<AtomicUsize>,
    versions: Arc<Mutex<Vec<ProtocolVersion>>>,
}

impl Server {
    fn url(&self) -> String {
        format!("https://{}/v1", self.addr)
    }

    fn connections(&self) -> usize {
        self.connections.load(Ordering::SeqCst)
    }

    fn negotiated(&self) -> Vec<ProtocolVersion> {
        self.versions.lock().unwrap().clone()
    }
}

async fn serve(
    chain: Vec<CertificateDer<'static>>,
    key: Arc<dyn SigningKey>,
    versions: &'static [&'static SupportedProtocolVersion],
) -> Server {
    serve_with_client_auth(chain, key, versions, None).await
}

/// Like [`serve`]; with `client_ca`, client certificates issued by it are required.
async fn serve_with_client_auth(
    chain: Vec<CertificateDer<'static>>,
    key: Arc<dyn SigningKey>,
    versions: &'static [&'static SupportedProtocolVersion],
    client_ca: Option<CertificateDer<'static>>,
) -> Server {
    let provider = Arc::new(aws_lc_rs::default_provider());
    let builder = ServerConfig::builder_with_provider(provider.clone())
        .with_protocol_versions(versions)
        .unwrap();
    let builder = match client_ca {
        None => builder.with_no_client_auth(),
        Some(ca) => {
            let mut roots = rustls::RootCertStore::empty();
            roots.add(ca).unwrap();
            let verifier = rustls::server::WebPkiClientVerifier::builder_with_provider(
                Arc::new(roots),
                provider,
            )
            .build()
            .unwrap();
            builder.with_client_cert_verifier(verifier)
        }
    };
    let mut config =
        builder.with_cert_resolver(Arc::new(Fixed(Arc::new(CertifiedKey::new(chain, key)))));
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    let acceptor = TlsAcceptor::from(Arc::new(config));
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let connections = Arc::new(AtomicUsize::new(0));
    let negotiated = Arc::new(Mutex::new(Vec::new()));
    let (c, n) = (connections.clone(), negotiated.clone());
    tokio::spawn(async move {
        while let Ok((tcp, _)) = listener.accept().await {
            c.fetch_add(1, Ordering::SeqCst);
            let acceptor = acceptor.clone();
            let n = n.clone();
            tokio::spawn(async move {
                let Ok(mut tls) = acceptor.accept(tcp).await else {
                    return;
                };
                if let Some(v) = tls.get_ref().1.protocol_version() {
                    n.lock().unwrap().push(v);
                }
                let mut head = Vec::new();
                let mut buf = [0u8; 4096];
                while !head.windows(4).any(|w| w == b"\r\n\r\n") {
                    match tls.read(&mut buf).await {
                        Ok(0) | Err(_) => return,
                        Ok(k) => head.extend_from_slice(&buf[..k]),
                    }
                }
                let response = format!(
                    "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{SANDBOX_JSON}",
                    SANDBOX_JSON.len()
                );
                let _ = tls.write_all(response.as_bytes()).await;
                let _ = tls.shutdown().await;
            });
        }
    });
    Server {
        addr,
        connections,
        versions: negotiated,
    }
}

// ---------------------------------------------------------------------------------------
// The client.

fn trusting(root_pem: &str) -> TransportConfig {
    TransportConfig::new()
        .add_root_certificate_pem(root_pem)
        .unwrap()
        .use_env_proxy(false)
}

async fn get_sandbox(server: &Server, transport: TransportConfig) -> opensandbox::Result<String> {
    let lc = LifecycleClient::with_options(
        &server.url(),
        "test-key",
        ClientOptions::new().transport(transport),
    )?;
    Ok(lc.get_sandbox("sbx-1").await?.id)
}

fn tls_message(result: opensandbox::Result<String>) -> String {
    match result {
        Err(Error::Tls(msg)) => msg,
        other => panic!("expected a TLS error, got {other:?}"),
    }
}

/// A P-256 root and a leaf with `leaf_key`'s public key.
struct Pki {
    root: Ca,
}

impl Pki {
    fn new(root_name: &str) -> Self {
        Pki {
            root: root_ca(root_name, p256()),
        }
    }

    fn leaf(&self, cn: &str, key: &impl PublicKeyData) -> CertificateDer<'static> {
        leaf_params(cn)
            .signed_by(key, &self.root.issuer)
            .unwrap()
            .der()
            .clone()
    }
}

// ---------------------------------------------------------------------------------------
// Tests.

#[tokio::test]
async fn rsa_2048_sha256_is_accepted_with_platform_roots_plus_the_test_root() {
    let root_key = rsa2048();
    let root = root_ca("RSA Root", root_key);
    let key = rsa2048();
    let leaf = leaf_params("rsa2048.test")
        .signed_by(&key, &root.issuer)
        .unwrap();
    let server = serve(vec![leaf.der().clone()], signing_key(&key), BOTH).await;
    // Default roots (the platform's) plus the test root.
    let cfg = trusting(&root.pem);
    assert_eq!(cfg.roots, RootCertificates::Platform);
    assert_eq!(get_sandbox(&server, cfg).await.unwrap(), "sbx-1");
    assert_eq!(server.negotiated(), vec![ProtocolVersion::TLSv1_3]);
}

#[tokio::test]
async fn p256_is_accepted_over_tls12_and_tls13() {
    let pki = Pki::new("Test Root CA");
    let key = p256();
    let leaf = pki.leaf("p256.test", &key);
    for versions in [TLS12_ONLY, TLS13_ONLY] {
        let server = serve(vec![leaf.clone()], signing_key(&key), versions).await;
        let cfg = trusting(&pki.root.pem).roots(RootCertificates::ExtraOnly);
        assert_eq!(get_sandbox(&server, cfg).await.unwrap(), "sbx-1");
        assert_eq!(server.negotiated().len(), 1);
    }
}

#[tokio::test]
async fn rsa_1024_leaf_is_rejected_by_default_with_a_clear_message_and_not_retried() {
    let pki = Pki::new("Test Root CA");
    let weak = weak_rsa_key();
    let leaf = pki.leaf("legacy.test", &weak_rsa_public(&weak));
    let key = Arc::new(WeakRsaSigningKey {
        key: weak,
        schemes: vec![
            SignatureScheme::RSA_PSS_SHA256,
            SignatureScheme::RSA_PKCS1_SHA256,
        ],
    });
    let server = serve(vec![leaf], key, BOTH).await;

    let lc = LifecycleClient::with_options(
        &server.url(),
        "test-key",
        ClientOptions::new()
            .transport(trusting(&pki.root.pem))
            .retry(
                RetryPolicy::new()
                    .max_attempts(4)
                    .initial_backoff(std::time::Duration::from_millis(10)),
            ),
    )
    .unwrap();
    let msg = tls_message(lc.get_sandbox("sbx-1").await.map(|s| s.id));
    assert!(
        msg.contains("server certificate CN=legacy.test has a 1024-bit RSA key; minimum is 2048"),
        "{msg}"
    );
    assert_eq!(server.connections(), 1, "TLS failures are never retried");
}

#[tokio::test]
async fn rsa_1024_leaf_is_accepted_with_the_flag_over_tls13_pss() {
    let pki = Pki::new("Test Root CA");
    let weak = weak_rsa_key();
    let leaf = pki.leaf("legacy.test", &weak_rsa_public(&weak));
    let key = Arc::new(WeakRsaSigningKey {
        key: weak,
        schemes: vec![SignatureScheme::RSA_PSS_SHA256],
    });
    let server = serve(vec![leaf], key, TLS13_ONLY).await;
    let cfg = trusting(&pki.root.pem).allow_weak_server_cert_key_lengths(true);
    assert_eq!(get_sandbox(&server, cfg).await.unwrap(), "sbx-1");
    assert_eq!(server.negotiated(), vec![ProtocolVersion::TLSv1_3]);
}

#[tokio::test]
async fn rsa_1024_leaf_is_accepted_with_the_flag_over_tls12_pkcs1_and_pss() {
    let pki = Pki::new("Test Root CA");
    let weak = weak_rsa_key();
    let leaf = pki.leaf("legacy.test", &weak_rsa_public(&weak));
    for scheme in [
        SignatureScheme::RSA_PKCS1_SHA256,
        SignatureScheme::RSA_PSS_SHA256,
    ] {
        let key = Arc::new(WeakRsaSigningKey {
            key: weak.clone(),
            schemes: vec![scheme],
        });
        let server = serve(vec![leaf.clone()], key, TLS12_ONLY).await;
        let cfg = trusting(&pki.root.pem)
            .roots(RootCertificates::ExtraOnly)
            .allow_weak_server_cert_key_lengths(true);
        assert_eq!(
            get_sandbox(&server, cfg).await.unwrap(),
            "sbx-1",
            "{scheme:?}"
        );
        assert_eq!(server.negotiated(), vec![ProtocolVersion::TLSv1_2]);
    }
}

/// Root (RSA-2048) → intermediate signed with SHA-1 → P-256 leaf.
fn sha1_intermediate_chain() -> (String, Vec<CertificateDer<'static>>, KeyPair) {
    let root_key = rsa2048();
    let root_params = ca_params("SHA-1 Test Root");
    let root_cert = root_params.self_signed(&root_key).unwrap();
    let root_pem = root_cert.pem();
    let root_issuer = Issuer::from_params(&root_params, &root_key);

    let mid_key = p256();
    let mid_params = ca_params("SHA-1 Intermediate");
    let mid = mid_params.signed_by(&mid_key, &root_issuer).unwrap();
    let mid_der = resign_with_sha1(mid.der(), &root_key);
    let mid_issuer = Issuer::new(mid_params, mid_key);

    let leaf_key = p256();
    let leaf = leaf_params("behind-sha1.test")
        .signed_by(&leaf_key, &mid_issuer)
        .unwrap();
    (root_pem, vec![leaf.der().clone(), mid_der], leaf_key)
}

#[tokio::test]
async fn sha1_signed_intermediate_is_rejected_by_default() {
    let (root_pem, chain, leaf_key) = sha1_intermediate_chain();
    let server = serve(chain, signing_key(&leaf_key), BOTH).await;
    let msg = tls_message(get_sandbox(&server, trusting(&root_pem)).await);
    assert!(
        msg.contains("intermediate certificate #1 CN=SHA-1 Intermediate is signed with SHA-1"),
        "{msg}"
    );
}

#[tokio::test]
async fn sha1_signed_intermediate_is_accepted_with_the_flag() {
    let (root_pem, chain, leaf_key) = sha1_intermediate_chain();
    let server = serve(chain, signing_key(&leaf_key), BOTH).await;
    let cfg = trusting(&root_pem)
        .roots(RootCertificates::ExtraOnly)
        .allow_weak_server_cert_key_lengths(true);
    assert_eq!(get_sandbox(&server, cfg).await.unwrap(), "sbx-1");
}

#[tokio::test]
async fn unknown_root_is_rejected_regardless_of_the_flag() {
    let trusted = Pki::new("Trusted Root CA");
    let stranger = Pki::new("Stranger Root CA");
    let key = p256();
    let leaf = stranger.leaf("stranger.test", &key);
    let server = serve(vec![leaf], signing_key(&key), BOTH).await;
    for allow_weak in [false, true] {
        let cfg = trusting(&trusted.root.pem).allow_weak_server_cert_key_lengths(allow_weak);
        let msg = tls_message(get_sandbox(&server, cfg).await);
        assert!(msg.contains("unknown issuer"), "{msg}");
    }
}

#[tokio::test]
async fn weak_leaf_under_an_unknown_root_is_rejected_even_with_the_flag() {
    let trusted = Pki::new("Trusted Root CA");
    let stranger = Pki::new("Stranger Root CA");
    let weak = weak_rsa_key();
    let leaf = stranger.leaf("legacy.test", &weak_rsa_public(&weak));
    let key = Arc::new(WeakRsaSigningKey {
        key: weak,
        schemes: vec![SignatureScheme::RSA_PSS_SHA256],
    });
    let server = serve(vec![leaf], key, BOTH).await;
    let cfg = trusting(&trusted.root.pem).allow_weak_server_cert_key_lengths(true);
    let msg = tls_message(get_sandbox(&server, cfg).await);
    assert!(msg.contains("unknown issuer"), "{msg}");
}

#[test]
fn bad_root_pem_is_a_configuration_error() {
    assert!(matches!(
        TransportConfig::new().add_root_certificate_pem("not a certificate"),
        Err(Error::Config(_))
    ));
    let cfg = TransportConfig::new().roots(RootCertificates::ExtraOnly);
    assert!(matches!(
        LifecycleClient::with_options(
            "https://127.0.0.1:1/v1",
            "k",
            ClientOptions::new().transport(cfg)
        ),
        Err(Error::Config(_))
    ));
}

#[tokio::test]
async fn client_certificate_is_presented_when_configured() {
    let pki = Pki::new("mTLS Root CA");
    let server_key = p256();
    let leaf = pki.leaf("mtls.test", &server_key);
    let server = serve_with_client_auth(
        vec![leaf],
        signing_key(&server_key),
        BOTH,
        Some(pki.root.cert.clone()),
    )
    .await;

    let client_key = p256();
    let mut params = CertificateParams::new(Vec::<String>::new()).unwrap();
    params.distinguished_name = dn("sdk-client");
    let client_cert = params.signed_by(&client_key, &pki.root.issuer).unwrap();
    let with_identity = trusting(&pki.root.pem)
        .client_identity_pem(client_cert.pem(), client_key.serialize_pem())
        .unwrap();
    assert_eq!(get_sandbox(&server, with_identity).await.unwrap(), "sbx-1");

    // Without one, the server refuses (the client learns it during or right after the
    // handshake, depending on the TLS version).
    assert!(get_sandbox(&server, trusting(&pki.root.pem)).await.is_err());
}
