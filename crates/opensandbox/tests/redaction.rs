//! No secret ever shows up in `Debug`, `Display`, errors or tracing output.
//!
//! Every configuration and client is built with recognisable secrets (API key, access
//! tokens, credential-like headers, a client private key) and formatted; the output
//! must not contain any of them. A real request is traced with a recording subscriber
//! to check the same of spans and events, while the server sees the secrets (so they
//! were really in play).

use opensandbox::api::egress::EgressClient;
use opensandbox::api::execd::ExecdClient;
use opensandbox::api::lifecycle::LifecycleClient;
use opensandbox::{ClientOptions, ConnectionConfig, RetryPolicy, Secret, TransportConfig};
use reqwest::header::{HeaderMap, HeaderValue};
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

#[path = "transport_support/recorder.rs"]
mod recorder;
use recorder::Recorder;

const LIFECYCLE_KEY: &str = "lc-key-S3CR3T-1";
const EXECD_TOKEN: &str = "execd-tok-S3CR3T-2";
const EGRESS_TOKEN: &str = "egress-tok-S3CR3T-3";
const BEARER: &str = "bearer-S3CR3T-4";
const API_KEY_HEADER: &str = "x-api-key-S3CR3T-5";
const ROUTE_TOKEN: &str = "route-S3CR3T-6";
const SECURE_ACCESS: &str = "secure-S3CR3T-7";

const SECRETS: &[&str] = &[
    LIFECYCLE_KEY,
    EXECD_TOKEN,
    EGRESS_TOKEN,
    BEARER,
    API_KEY_HEADER,
    ROUTE_TOKEN,
    SECURE_ACCESS,
];

fn assert_clean(what: &str, text: &str) {
    for s in SECRETS {
        assert!(!text.contains(s), "{what} shows {s:?}:\n{text}");
    }
}

fn options() -> ClientOptions {
    ClientOptions::new()
        .header("Authorization", &format!("Bearer {BEARER}"))
        .header("X-Api-Key", API_KEY_HEADER)
        .header("X-Team", "platform")
        .retry(RetryPolicy::new())
        .transport(TransportConfig::new().use_env_proxy(false))
}

/// Headers as the lifecycle API returns them with an endpoint.
fn endpoint_headers() -> HeaderMap {
    let mut h = HeaderMap::new();
    h.insert(
        "opensandbox-ingress-to",
        HeaderValue::from_static(ROUTE_TOKEN),
    );
    h.insert(
        "opensandbox-secure-access",
        HeaderValue::from_static(SECURE_ACCESS),
    );
    h
}

#[test]
fn secret_prints_stars() {
    let s = Secret::new(LIFECYCLE_KEY);
    assert_eq!(format!("{s:?}"), "***");
    assert_eq!(format!("{:?}", Some(&s)), "Some(***)");
}

#[test]
fn client_options_with_headers() {
    let o = options();
    assert_clean("ClientOptions", &format!("{o:?}"));
    assert!(
        format!("{o:?}").contains("x-team"),
        "header names stay visible"
    );
}

#[test]
fn transport_config_with_a_client_key() {
    let key = rcgen::KeyPair::generate_for(&rcgen::PKCS_ECDSA_P256_SHA256).unwrap();
    let cert = rcgen::CertificateParams::new(vec!["client".to_string()])
        .unwrap()
        .self_signed(&key)
        .unwrap();
    let key_pem = key.serialize_pem();
    let cfg = TransportConfig::new()
        .client_identity_pem(cert.pem(), &key_pem)
        .unwrap();
    let text = format!("{cfg:?}");
    // No line of the key's PEM body, and not its DER bytes either.
    for line in key_pem.lines().filter(|l| !l.starts_with("-----")) {
        assert!(
            !text.contains(line),
            "TransportConfig shows the key: {text}"
        );
    }
    let der = key.serialize_der();
    assert!(!text.contains(&format!("{:?}", &der[..8])), "{text}");
    assert!(text.contains("***"), "{text}");
}

#[test]
fn connection_config() {
    let c = ConnectionConfig::new()
        .domain("sandbox.example.com:8443")
        .protocol("https")
        .api_key(LIFECYCLE_KEY)
        .options(
            ClientOptions::new()
                .header("Authorization", &format!("Bearer {BEARER}"))
                .retry(RetryPolicy::new()),
        )
        .endpoint_host_rewrite(|h| h.to_string());
    let text = format!("{c:?}");
    assert_clean("ConnectionConfig", &text);
    assert!(text.contains("<fn>"), "{text}");
    assert_clean(
        "ConnectionConfig options",
        &format!("{:?}", c.client_options()),
    );
    assert_clean(
        "lifecycle client from ConnectionConfig",
        &format!("{:?}", c.lifecycle_client().unwrap()),
    );
}

#[test]
fn lifecycle_client() {
    let lc =
        LifecycleClient::with_options("https://h.example/v1", LIFECYCLE_KEY, options()).unwrap();
    assert_clean("LifecycleClient", &format!("{lc:?}"));
}

#[test]
fn execd_client() {
    let c = ExecdClient::with_headers(
        "http://10.0.0.1:44772",
        EXECD_TOKEN,
        endpoint_headers(),
        options(),
    )
    .unwrap();
    assert_clean("ExecdClient", &format!("{c:?}"));
}

#[test]
fn egress_client() {
    let c = EgressClient::with_headers(
        "http://10.0.0.1:18080",
        EGRESS_TOKEN,
        endpoint_headers(),
        options(),
    )
    .unwrap();
    assert_clean("EgressClient", &format!("{c:?}"));
}

#[test]
fn vault_credentials() {
    let c = opensandbox::vault::Credential::inline("api-token", EGRESS_TOKEN);
    assert_clean("Credential", &format!("{c:?}"));
}

#[test]
fn credentials_in_urls_are_refused_without_echoing_them() {
    let err =
        LifecycleClient::new("http://admin:pw-S3CR3T@h.example/v1", LIFECYCLE_KEY).unwrap_err();
    let text = format!("{err} {err:?}");
    assert!(!text.contains("pw-S3CR3T"), "{text}");
    let c = ConnectionConfig::new().domain("https://admin:pw-S3CR3T@h.example");
    let text = format!("{c:?} {:?}", c.lifecycle_base_url());
    assert!(!text.contains("pw-S3CR3T"), "{text}");
}

#[tokio::test]
async fn errors_of_failed_requests() {
    // A refused port: a transport error.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    let lc = LifecycleClient::with_options(
        &format!("http://127.0.0.1:{port}/v1"),
        LIFECYCLE_KEY,
        options().retry(RetryPolicy::new().max_attempts(1)),
    )
    .unwrap();
    let err = lc.get_sandbox("sbx-1").await.unwrap_err();
    assert_clean("transport error", &format!("{err} {err:?}"));

    // An API error.
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(401).set_body_raw(
            r#"{"code":"INVALID_API_KEY","message":"bad key"}"#,
            "application/json",
        ))
        .mount(&server)
        .await;
    let lc =
        LifecycleClient::with_options(&format!("{}/v1", server.uri()), LIFECYCLE_KEY, options())
            .unwrap();
    let err = lc.get_sandbox("sbx-1").await.unwrap_err();
    assert_clean("API error", &format!("{err} {err:?}"));
}

#[test]
fn tracing_output_of_a_real_request() {
    let (rec, _installed) = Recorder::install();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let server = MockServer::start().await;
        Mock::given(method("GET"))
            .and(path("/v1/sandboxes/sbx-1"))
            .and(header("open-sandbox-api-key", LIFECYCLE_KEY))
            .and(header("authorization", format!("Bearer {BEARER}").as_str()))
            .respond_with(
                ResponseTemplate::new(200)
                    .insert_header("x-request-id", "req-7")
                    .set_body_raw(
                        r#"{"id":"sbx-1","createdAt":"2025-01-01T00:00:00Z","entrypoint":["/bin/sh"],"status":{"state":"Running"}}"#,
                        "application/json",
                    ),
            )
            .expect(1)
            .mount(&server)
            .await;
        let lc =
            LifecycleClient::with_options(&format!("{}/v1", server.uri()), LIFECYCLE_KEY, options())
                .unwrap();
        // The mock only answers when the secrets were sent.
        assert_eq!(lc.get_sandbox("sbx-1").await.unwrap().id, "sbx-1");
        let text = rec.text();
        assert!(
            text.contains("getSandbox") && text.contains("req-7"),
            "{text}"
        );
        assert_clean("tracing output", &text);
    });
}
