//! `EgressClient` against a local server: the exact requests of every operation, the
//! decoding of realistic answers, and the sidecar's plain-text errors (409, 412, 413,
//! 426).

use opensandbox::api::egress::EgressClient;
use opensandbox::api::egress::types::{
    CredentialVaultCreateRequest, CredentialVaultMutationRequest, NetworkRule,
};
use opensandbox::api::lifecycle::LifecycleClient;
use opensandbox::{ClientOptions, Error};
use reqwest::header::{HeaderMap, HeaderValue};
use serde_json::json;
use wiremock::matchers::{body_json, header, method, path};
use wiremock::{Match, Mock, MockBuilder, MockServer, Request, ResponseTemplate};

const TOKEN: &str = "egress-secret-token";
const ROUTE_HEADER: &str = "opensandbox-secure-access";
const ROUTE_VALUE: &str = "signed-route-token";

struct NoLifecycleKeyNoQuery;

impl Match for NoLifecycleKeyNoQuery {
    fn matches(&self, request: &Request) -> bool {
        !request.headers.contains_key("open-sandbox-api-key") && request.url.query().is_none()
    }
}

fn on(verb: &str, full_path: &str) -> MockBuilder {
    Mock::given(method(verb))
        .and(path(full_path))
        .and(header("opensandbox-egress-auth", TOKEN))
        .and(header(ROUTE_HEADER, ROUTE_VALUE))
        .and(NoLifecycleKeyNoQuery)
}

fn client_at(base: &str) -> EgressClient {
    let mut headers = HeaderMap::new();
    headers.insert(ROUTE_HEADER, HeaderValue::from_static(ROUTE_VALUE));
    EgressClient::with_headers(base, TOKEN, headers, ClientOptions::new()).unwrap()
}

async fn setup() -> (MockServer, EgressClient) {
    let server = MockServer::start().await;
    let client = client_at(&server.uri());
    (server, client)
}

fn text(status: u16, body: &str) -> ResponseTemplate {
    ResponseTemplate::new(status)
        .set_body_raw(body.as_bytes().to_vec(), "text/plain; charset=utf-8")
}

fn vault_state() -> serde_json::Value {
    json!({
        "revision": 3,
        "credentials": [
            {"name": "github-token", "sourceType": "inline", "revision": 1},
            {"name": "openai-key", "sourceType": "inline", "revision": 3}
        ],
        "bindings": [
            {"name": "github-api", "revision": 1,
             "match": {"schemes": ["https"], "ports": [443], "hosts": ["api.github.com"],
                       "methods": ["GET", "POST", "PUT", "PATCH", "DELETE"], "paths": ["/*"]},
             "auth": {"type": "bearer"}},
            {"name": "openai", "revision": 3,
             "match": {"schemes": ["https"], "ports": [443], "hosts": ["api.openai.com"],
                       "methods": ["POST"], "paths": ["/v1/*"]},
             "auth": {"type": "apiKey", "name": "Authorization"}}
        ]
    })
}

fn create_body() -> serde_json::Value {
    json!({
        "credentials": [
            {"name": "github-token", "source": {"type": "inline", "value": "ghp_example0000"}}
        ],
        "bindings": [
            {"name": "github-api", "match": {"hosts": ["api.github.com"]},
             "auth": {"type": "bearer", "credential": "github-token"}}
        ]
    })
}

/// What the SDK sends for `match` objects: the generated type fills in the spec's defaults
/// (the same values the sidecar would assume).
fn with_match_defaults(mut body: serde_json::Value) -> serde_json::Value {
    fn walk(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(m) => {
                if let Some(serde_json::Value::Object(mat)) = m.get_mut("match") {
                    mat.entry("schemes").or_insert(json!(["https"]));
                    mat.entry("ports").or_insert(json!([443]));
                    mat.entry("methods")
                        .or_insert(json!(["GET", "POST", "PUT", "PATCH", "DELETE"]));
                    mat.entry("paths").or_insert(json!(["/*"]));
                }
                m.values_mut().for_each(walk);
            }
            serde_json::Value::Array(a) => a.iter_mut().for_each(walk),
            _ => {}
        }
    }
    walk(&mut body);
    body
}

fn mutation_body() -> serde_json::Value {
    json!({
        "credentials": {
            "replace": [{"name": "github-token", "source": {"type": "inline", "value": "ghp_rotated0000"}}],
            "delete": ["old-key"]
        },
        "bindings": {
            "add": [{"name": "openai", "match": {"hosts": ["api.openai.com"], "methods": ["POST"], "paths": ["/v1/*"]},
                     "auth": {"type": "apiKey", "name": "Authorization", "credential": "openai-key"}}]
        }
    })
}

#[tokio::test]
async fn get_policy_returns_the_full_status() {
    let (server, egress) = setup().await;
    on("GET", "/policy")
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "status": "ok", "mode": "deny_all", "enforcementMode": "dns",
            "reason": "policy loaded from sandbox spec",
            "policy": {"defaultAction": "deny", "egress": [
                {"action": "allow", "target": "pypi.org"},
                {"action": "allow", "target": "*.github.com"}
            ]}
        })))
        .expect(1)
        .mount(&server)
        .await;
    let s = egress.get_policy().await.unwrap();
    assert_eq!(s.status.as_deref(), Some("ok"));
    assert_eq!(s.mode.as_deref(), Some("deny_all"));
    assert_eq!(s.enforcement_mode.as_deref(), Some("dns"));
    assert_eq!(s.reason.as_deref(), Some("policy loaded from sandbox spec"));
    let policy = s.policy.unwrap();
    assert_eq!(
        policy.default_action.map(|a| a.to_string()).as_deref(),
        Some("deny")
    );
    assert_eq!(policy.egress.len(), 2);
    assert_eq!(policy.egress[1].target, "*.github.com");
}

#[tokio::test]
async fn patch_and_delete_policy_rules() {
    let (server, egress) = setup().await;
    on("PATCH", "/policy")
        .and(header("content-type", "application/json"))
        .and(body_json(json!([
            {"action": "allow", "target": "registry.npmjs.org"},
            {"action": "deny", "target": "*.tracking.example"}
        ])))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(
                json!({"status": "ok", "mode": "deny_all", "enforcementMode": "dns"}),
            ),
        )
        .expect(1)
        .mount(&server)
        .await;
    on("DELETE", "/policy")
        .and(body_json(json!([
            "registry.npmjs.org",
            "*.tracking.example"
        ])))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!({"status": "ok", "mode": "deny_all"})),
        )
        .expect(1)
        .mount(&server)
        .await;
    let rules: Vec<NetworkRule> = serde_json::from_value(json!([
        {"action": "allow", "target": "registry.npmjs.org"},
        {"action": "deny", "target": "*.tracking.example"}
    ]))
    .unwrap();
    let s = egress.patch_policy(rules).await.unwrap();
    assert_eq!(s.mode.as_deref(), Some("deny_all"));
    let s = egress
        .delete_policy_rules(["registry.npmjs.org", "*.tracking.example"])
        .await
        .unwrap();
    assert_eq!(s.status.as_deref(), Some("ok"));
    assert!(matches!(
        egress.patch_policy(vec![]).await,
        Err(Error::InvalidInput(_))
    ));
}

#[tokio::test]
async fn policy_errors_are_plain_text() {
    let (server, egress) = setup().await;
    on("PATCH", "/policy")
        .respond_with(text(413, "too many rules: limit is 1024\n"))
        .expect(1)
        .mount(&server)
        .await;
    on("GET", "/policy")
        .respond_with(text(412, "proxy not ready"))
        .expect(1)
        .mount(&server)
        .await;
    let rules: Vec<NetworkRule> =
        serde_json::from_value(json!([{"action": "allow", "target": "a.example"}])).unwrap();
    let err = egress.patch_policy(rules).await.unwrap_err();
    let api = err.api().unwrap();
    assert_eq!(api.status.as_u16(), 413);
    assert_eq!(api.message, "too many rules: limit is 1024");
    assert_eq!(api.body_text(), "too many rules: limit is 1024\n");
    let err = egress.get_policy().await.unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(412));
    assert_eq!(err.api().unwrap().message, "proxy not ready");
}

#[tokio::test]
async fn credential_vault_create_get_delete() {
    let (server, egress) = setup().await;
    on("POST", "/credential-vault")
        .and(body_json(with_match_defaults(create_body())))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({
            "revision": 1,
            "credentials": [{"name": "github-token", "sourceType": "inline", "revision": 1}],
            "bindings": [{"name": "github-api", "revision": 1,
                          "match": {"schemes": ["https"], "ports": [443], "hosts": ["api.github.com"],
                                    "methods": ["GET", "POST", "PUT", "PATCH", "DELETE"], "paths": ["/*"]},
                          "auth": {"type": "bearer"}}]
        })))
        .expect(1)
        .mount(&server)
        .await;
    on("GET", "/credential-vault")
        .respond_with(ResponseTemplate::new(200).set_body_json(vault_state()))
        .expect(1)
        .mount(&server)
        .await;
    on("DELETE", "/credential-vault")
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    let req: CredentialVaultCreateRequest = serde_json::from_value(create_body()).unwrap();
    let created = egress.create_credential_vault(req).await.unwrap();
    assert_eq!(created.revision, 1);
    assert_eq!(created.bindings[0].match_.as_ref().unwrap().ports, [443]);
    let state = egress.get_credential_vault().await.unwrap();
    assert_eq!(state.revision, 3);
    assert_eq!(state.credentials[1].name, "openai-key");
    assert_eq!(state.credentials[1].source_type, "inline");
    let openai = &state.bindings[1];
    let auth = openai.auth.as_ref().unwrap();
    assert_eq!(
        (auth.type_.as_str(), auth.name.as_deref()),
        ("apiKey", Some("Authorization"))
    );
    egress.delete_credential_vault().await.unwrap();
}

#[tokio::test]
async fn credential_vault_patch_with_expected_revision_and_conflict() {
    let (server, egress) = setup().await;
    let mut expected = with_match_defaults(mutation_body());
    expected["expectedRevision"] = json!(2);
    on("PATCH", "/credential-vault")
        .and(body_json(expected))
        .respond_with(ResponseTemplate::new(200).set_body_json(vault_state()))
        .expect(1)
        .mount(&server)
        .await;
    let mut stale = with_match_defaults(mutation_body());
    stale["expectedRevision"] = json!(1);
    on("PATCH", "/credential-vault")
        .and(body_json(stale))
        .respond_with(text(409, "revision conflict: expected 1, current 3"))
        .expect(1)
        .mount(&server)
        .await;
    let req: CredentialVaultMutationRequest = serde_json::from_value(mutation_body()).unwrap();
    let state = egress
        .patch_credential_vault_at(2, req.clone())
        .await
        .unwrap();
    assert_eq!(state.revision, 3);
    let err = egress.patch_credential_vault_at(1, req).await.unwrap_err();
    assert!(err.is_conflict(), "{err:?}");
    assert_eq!(
        err.api().unwrap().message,
        "revision conflict: expected 1, current 3"
    );
}

#[tokio::test]
async fn vault_writes_over_plain_http_explain_426() {
    let (server, egress) = setup().await;
    on("POST", "/credential-vault")
        .respond_with(text(426, "TLS required"))
        .mount(&server)
        .await;
    on("PATCH", "/credential-vault")
        .respond_with(text(426, "TLS required"))
        .mount(&server)
        .await;
    let req: CredentialVaultCreateRequest = serde_json::from_value(create_body()).unwrap();
    for err in [
        egress.create_credential_vault(req).await.unwrap_err(),
        egress
            .patch_credential_vault(CredentialVaultMutationRequest::default())
            .await
            .unwrap_err(),
    ] {
        let api = err.api().unwrap();
        assert_eq!(api.status.as_u16(), 426);
        assert!(
            api.message.contains("TLS") && api.message.contains("loopback"),
            "{}",
            api.message
        );
        assert!(api.message.contains("TLS required"));
        assert_eq!(api.body_text(), "TLS required");
    }
}

#[tokio::test]
async fn credentials_and_bindings() {
    let (server, egress) = setup().await;
    on("GET", "/credential-vault/credentials")
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "revision": 3,
            "credentials": [{"name": "github-token", "sourceType": "inline", "revision": 1}]
        })))
        .expect(1)
        .mount(&server)
        .await;
    on("GET", "/credential-vault/credentials/github-token")
        .respond_with(
            ResponseTemplate::new(200).set_body_json(
                json!({"name": "github-token", "sourceType": "inline", "revision": 1}),
            ),
        )
        .expect(1)
        .mount(&server)
        .await;
    on("GET", "/credential-vault/credentials/a%20b%2Fc")
        .respond_with(text(404, "credential not found"))
        .expect(1)
        .mount(&server)
        .await;
    on("GET", "/credential-vault/bindings")
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "revision": 1,
            "bindings": [{"name": "github-api", "revision": 1,
                          "match": {"hosts": ["api.github.com"]}, "auth": {"type": "bearer"}}]
        })))
        .expect(1)
        .mount(&server)
        .await;
    on("GET", "/credential-vault/bindings/github-api")
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "name": "github-api", "revision": 1,
            "match": {"schemes": ["https"], "ports": [443], "hosts": ["api.github.com"],
                      "methods": ["GET"], "paths": ["/*"]},
            "auth": {"type": "bearer"}
        })))
        .expect(1)
        .mount(&server)
        .await;
    let list = egress.list_credentials().await.unwrap();
    assert_eq!(
        (list.revision, list.credentials[0].name.as_str()),
        (3, "github-token")
    );
    assert_eq!(
        egress
            .get_credential("github-token")
            .await
            .unwrap()
            .revision,
        1
    );
    let err = egress.get_credential("a b/c").await.unwrap_err();
    assert!(err.is_not_found());
    assert_eq!(err.api().unwrap().message, "credential not found");
    let bindings = egress.list_bindings().await.unwrap();
    assert_eq!(bindings.bindings[0].auth.as_ref().unwrap().type_, "bearer");
    let b = egress.get_binding("github-api").await.unwrap();
    assert_eq!(b.match_.unwrap().hosts, ["api.github.com"]);
    assert!(matches!(
        egress.get_binding("").await,
        Err(Error::InvalidInput(_))
    ));
}

#[tokio::test]
async fn a_base_with_a_path_prefix_and_no_lifecycle_key() {
    let server = MockServer::start().await;
    let lifecycle = LifecycleClient::new(&format!("{}/v1", server.uri()), "lifecycle-key").unwrap();
    Mock::given(method("GET"))
        .and(path("/v1/sandboxes/sbx-1/endpoints/18080"))
        .and(header("open-sandbox-api-key", "lifecycle-key"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "endpoint": "127.0.0.1/sandboxes/sbx-1/proxy/18080",
            "headers": {"OpenSandbox-Secure-Access": ROUTE_VALUE}
        })))
        .expect(1)
        .mount(&server)
        .await;
    on("GET", "/sandboxes/sbx-1/proxy/18080/policy")
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!({"status": "ok", "mode": "allow_all"})),
        )
        .expect(1)
        .mount(&server)
        .await;
    on("GET", "/sandboxes/sbx-1/proxy/18080/credential-vault")
        .respond_with(ResponseTemplate::new(200).set_body_json(vault_state()))
        .expect(1)
        .mount(&server)
        .await;
    let ep = lifecycle.get_endpoint("sbx-1", 18080, true).await.unwrap();
    assert_eq!(ep.endpoint, "127.0.0.1/sandboxes/sbx-1/proxy/18080");
    let egress = client_at(&format!("{}/sandboxes/sbx-1/proxy/18080", server.uri()));
    assert_eq!(
        egress.get_policy().await.unwrap().mode.as_deref(),
        Some("allow_all")
    );
    assert_eq!(egress.get_credential_vault().await.unwrap().revision, 3);
    let reqs = server.received_requests().await.unwrap();
    assert_eq!(reqs.len(), 3);
    for r in reqs.iter().filter(|r| !r.url.path().starts_with("/v1/")) {
        assert!(!r.headers.contains_key("open-sandbox-api-key"));
        assert_eq!(r.headers["opensandbox-egress-auth"], TOKEN);
    }
}

#[tokio::test]
async fn an_empty_token_sends_no_header() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/policy"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({})))
        .expect(1)
        .mount(&server)
        .await;
    EgressClient::new(&server.uri(), "")
        .unwrap()
        .get_policy()
        .await
        .unwrap();
    let reqs = server.received_requests().await.unwrap();
    assert!(!reqs[0].headers.contains_key("opensandbox-egress-auth"));
}
