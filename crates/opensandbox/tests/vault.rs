//! The credential vault through a `Sandbox`, against a programmable local server
//! (wiremock) playing the lifecycle API and the egress sidecar (`/proxy/18080`).

use opensandbox::sandbox::ConnectOptions;
use opensandbox::vault::{Binding, Credential, CredentialVault, CredentialVaultPatch};
use opensandbox::{ConnectionConfig, Error, Sandbox};
use serde_json::{Value, json};
use wiremock::matchers::{body_json, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const KEY: &str = "lifecycle-key-123";
const EGRESS_TOKEN: &str = "egress-tok";
const TOKEN: &str = "tok-SECRET-value-42";

fn state(revision: i64) -> Value {
    json!({
        "revision": revision,
        "credentials": [{"name": "api-token", "sourceType": "inline", "revision": revision}],
        "bindings": [{
            "name": "api-token", "revision": revision,
            "match": {"schemes": ["https"], "ports": [443], "hosts": ["api.example.com"],
                      "methods": ["GET", "POST", "PUT", "PATCH", "DELETE"], "paths": ["/v1/*"]},
            "auth": {"type": "apiKey", "name": "x-api-key"}
        }]
    })
}

async fn sandbox(server: &MockServer) -> Sandbox {
    let host = server.uri().trim_start_matches("http://").to_string();
    for port in [44772, 18080] {
        Mock::given(method("GET"))
            .and(path(format!("/v1/sandboxes/sbx-1/endpoints/{port}")))
            .and(header("OPEN-SANDBOX-API-KEY", KEY))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({
                "endpoint": format!("{host}/proxy/{port}"),
                "headers": {"OPENSANDBOX-EGRESS-AUTH": EGRESS_TOKEN}
            })))
            .mount(server)
            .await;
    }
    let config = ConnectionConfig::new()
        .domain(host)
        .protocol("http")
        .api_key(KEY)
        .options(opensandbox::ClientOptions::new().use_env_proxy(false));
    Sandbox::connect_with(&config, "sbx-1", ConnectOptions::new().health_check(false))
        .await
        .unwrap()
}

fn overview_vault() -> CredentialVault {
    CredentialVault::new()
        .credential(Credential::inline("api-token", TOKEN))
        .binding(
            Binding::new("api-token")
                .https()
                .host("api.example.com")
                .port(443)
                .path("/v1/*")
                .api_key_header("x-api-key"),
        )
}

/// No vault request carried the lifecycle key; all carried the sidecar's token.
async fn assert_clean(server: &MockServer) {
    for r in server.received_requests().await.unwrap() {
        if r.url.path().starts_with("/proxy/") {
            assert!(r.headers.get("open-sandbox-api-key").is_none(), "{}", r.url);
            assert_eq!(
                r.headers.get("opensandbox-egress-auth").unwrap(),
                EGRESS_TOKEN
            );
        }
    }
}

#[tokio::test]
async fn the_overview_flow_creates_the_vault() {
    let server = MockServer::start().await;
    let sb = sandbox(&server).await;
    Mock::given(method("POST"))
        .and(path("/proxy/18080/credential-vault"))
        .and(body_json(json!({
            "credentials": [{"name": "api-token", "source": {"type": "inline", "value": TOKEN}}],
            "bindings": [{
                "name": "api-token",
                "match": {"schemes": ["https"], "ports": [443], "hosts": ["api.example.com"],
                          "methods": ["GET", "POST", "PUT", "PATCH", "DELETE"], "paths": ["/v1/*"]},
                "auth": {"type": "apiKey", "name": "x-api-key", "credential": "api-token"}
            }]
        })))
        .respond_with(ResponseTemplate::new(201).set_body_json(state(1)))
        .expect(1)
        .mount(&server)
        .await;
    let created = sb.vault().create(overview_vault()).await.unwrap();
    assert_eq!(created.revision, 1);
    assert_eq!(created.credentials[0].source_type, "inline");
    assert!(!format!("{created:?}").contains(TOKEN));
    assert_clean(&server).await;
    server.verify().await;
}

#[tokio::test]
async fn a_stale_revision_is_a_matchable_conflict() {
    let server = MockServer::start().await;
    let sb = sandbox(&server).await;
    Mock::given(method("PATCH"))
        .and(path("/proxy/18080/credential-vault"))
        .and(body_json(json!({
            "expectedRevision": 1,
            "credentials": {"replace": [{"name": "api-token", "source": {"type": "inline", "value": TOKEN}}]}
        })))
        .respond_with(
            ResponseTemplate::new(409).set_body_raw("revision conflict: expected 1, have 2", "text/plain"),
        )
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("PATCH"))
        .and(path("/proxy/18080/credential-vault"))
        .and(body_json(
            json!({"expectedRevision": 2, "bindings": {"delete": ["api-token"]}}),
        ))
        .respond_with(ResponseTemplate::new(200).set_body_json(state(3)))
        .expect(1)
        .mount(&server)
        .await;
    let err = sb
        .vault()
        .patch(
            CredentialVaultPatch::at_revision(1)
                .replace_credential(Credential::inline("api-token", TOKEN)),
        )
        .await
        .unwrap_err();
    assert!(err.is_conflict(), "{err:?}");
    assert!(err.to_string().contains("revision conflict"), "{err}");
    assert!(!format!("{err} {err:?}").contains(TOKEN));
    let st = sb
        .vault()
        .patch(CredentialVaultPatch::at_revision(2).delete_binding("api-token"))
        .await
        .unwrap();
    assert_eq!(st.revision, 3);
    assert_clean(&server).await;
    server.verify().await;
}

#[tokio::test]
async fn upgrade_required_is_explained() {
    let server = MockServer::start().await;
    let sb = sandbox(&server).await;
    Mock::given(method("POST"))
        .and(path("/proxy/18080/credential-vault"))
        .respond_with(ResponseTemplate::new(426).set_body_raw("tls required", "text/plain"))
        .expect(1)
        .mount(&server)
        .await;
    let err = sb.vault().create(overview_vault()).await.unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(426));
    let msg = err.to_string();
    assert!(msg.contains("TLS") && msg.contains("loopback"), "{msg}");
    assert!(msg.contains("tls required"), "{msg}");
    server.verify().await;
}

#[tokio::test]
async fn secrets_echoed_by_the_server_are_scrubbed() {
    let server = MockServer::start().await;
    let sb = sandbox(&server).await;
    Mock::given(method("POST"))
        .and(path("/proxy/18080/credential-vault"))
        .respond_with(
            ResponseTemplate::new(400)
                .set_body_raw(format!("invalid credential value {TOKEN:?}"), "text/plain"),
        )
        .mount(&server)
        .await;
    let err = sb.vault().create(overview_vault()).await.unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(400));
    let shown = format!("{err} {err:?} {}", err.api().unwrap().body_text());
    assert!(!shown.contains(TOKEN), "{shown}");
    assert!(shown.contains("***"), "{shown}");
}

#[tokio::test]
async fn invalid_vaults_are_refused_before_anything_is_sent() {
    let server = MockServer::start().await;
    let sb = sandbox(&server).await;
    Mock::given(wiremock::matchers::path_regex("^/proxy/"))
        .respond_with(ResponseTemplate::new(500))
        .expect(0)
        .mount(&server)
        .await;
    let unknown = CredentialVault::new()
        .credential(Credential::inline("api-token", TOKEN))
        .binding(Binding::new("github").host("api.github.com").bearer());
    let err = sb.vault().create(unknown).await.unwrap_err();
    let msg = err.to_string();
    assert!(matches!(err, Error::InvalidInput(_)), "{err:?}");
    assert!(
        msg.contains("binding \"github\" uses credential \"github\", which is not defined"),
        "{msg}"
    );
    assert!(!msg.contains(TOKEN));
    let err = sb
        .vault()
        .patch(CredentialVaultPatch::unconditional())
        .await
        .unwrap_err();
    assert!(matches!(err, Error::InvalidInput(_)));
    server.verify().await;
}

#[tokio::test]
async fn reads_and_delete_return_sanitized_metadata() {
    let server = MockServer::start().await;
    let sb = sandbox(&server).await;
    Mock::given(method("GET"))
        .and(path("/proxy/18080/credential-vault"))
        .respond_with(ResponseTemplate::new(200).set_body_json(state(4)))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/proxy/18080/credential-vault/credentials"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "revision": 4, "credentials": [{"name": "api-token", "sourceType": "inline", "revision": 4}]
        })))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/proxy/18080/credential-vault/credentials/api-token"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"name": "api-token", "sourceType": "inline", "revision": 4})),
        )
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/proxy/18080/credential-vault/bindings"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "revision": 4, "bindings": state(4)["bindings"].clone()
        })))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/proxy/18080/credential-vault/bindings/api-token"))
        .respond_with(ResponseTemplate::new(200).set_body_json(state(4)["bindings"][0].clone()))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/proxy/18080/credential-vault/bindings/missing"))
        .respond_with(ResponseTemplate::new(404).set_body_raw("binding not found", "text/plain"))
        .mount(&server)
        .await;
    Mock::given(method("DELETE"))
        .and(path("/proxy/18080/credential-vault"))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    assert_eq!(sb.vault().get().await.unwrap().revision, 4);
    assert_eq!(sb.vault().credentials().await.unwrap().len(), 1);
    assert_eq!(
        sb.vault().credential("api-token").await.unwrap().revision,
        4
    );
    let bindings = sb.vault().bindings().await.unwrap();
    assert_eq!(bindings[0].auth_kind.as_deref(), Some("apiKey"));
    let b = sb.vault().binding("api-token").await.unwrap();
    assert_eq!(b.auth_header.as_deref(), Some("x-api-key"));
    assert!(
        sb.vault()
            .binding("missing")
            .await
            .unwrap_err()
            .is_not_found()
    );
    sb.vault().delete().await.unwrap();
    assert_clean(&server).await;
    server.verify().await;
}
