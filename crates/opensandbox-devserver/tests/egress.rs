//! Egress sidecar through the proxy: policy and credential vault.

mod common;

use common::start;
use reqwest::Method;
use serde_json::{Value, json};

#[tokio::test(flavor = "multi_thread")]
async fn policy_is_reported_as_not_enforced_and_merges_rules() {
    let h = start().await;
    let id = h
        .create(json!({
            "image": {"uri": "x"},
            "entrypoint": ["sleep", "3600"],
            "resourceLimits": {},
            "networkPolicy": {"defaultAction": "deny", "egress": [{"action": "allow", "target": "pypi.org"}]},
        }))
        .await;
    let egress = h.endpoint(&id, 18080).await;
    let resp = h.http.get(egress.url("/policy")).send().await.unwrap();
    assert_eq!(resp.status(), 401);
    assert!(
        resp.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/plain")
    );

    let v: Value = egress
        .req(&h.http, Method::GET, "/policy")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(v["mode"], "unenforced");
    assert_eq!(v["enforcementMode"], "none");
    assert!(v["reason"].as_str().unwrap().contains("NOT enforce"), "{v}");
    assert_eq!(v["policy"]["egress"][0]["target"], "pypi.org");

    let v: Value = egress
        .req(&h.http, Method::PATCH, "/policy")
        .json(&json!([
            {"action": "deny", "target": "pypi.org"},
            {"action": "allow", "target": "*.github.com"},
            {"action": "allow", "target": "*.github.com"},
        ]))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        v["policy"]["egress"],
        json!([{"action": "deny", "target": "pypi.org"}, {"action": "allow", "target": "*.github.com"}])
    );
    let v: Value = egress
        .req(&h.http, Method::DELETE, "/policy")
        .json(&json!(["pypi.org", "not-there.example"]))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(v["policy"]["egress"].as_array().unwrap().len(), 1);
    let resp = egress
        .req(&h.http, Method::PATCH, "/policy")
        .json(&json!([{"action": "maybe", "target": "x.com"}]))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 400);
    assert!(
        resp.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/plain")
    );
    h.server.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn credential_vault_revisions_and_validation() {
    let h = start().await;
    // Without the credential proxy the sidecar is not ready for a vault.
    let plain_id = h.sandbox().await;
    let egress = h.endpoint(&plain_id, 18080).await;
    let resp = egress
        .req(&h.http, Method::POST, "/credential-vault")
        .json(&json!({"credentials": [], "bindings": []}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 412);

    let id = h
        .create(json!({
            "image": {"uri": "x"},
            "entrypoint": ["sleep", "3600"],
            "resourceLimits": {},
            "credentialProxy": {"enabled": true},
            "networkPolicy": {"defaultAction": "deny", "egress": [
                {"action": "allow", "target": "api.github.com"},
                {"action": "allow", "target": "api.openai.com"},
            ]},
        }))
        .await;
    let egress = h.endpoint(&id, 18080).await;
    let resp = egress
        .req(&h.http, Method::GET, "/credential-vault")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 404);

    // A binding must point at a known credential.
    let resp = egress
        .req(&h.http, Method::POST, "/credential-vault")
        .json(&json!({
            "credentials": [],
            "bindings": [{"name": "gh", "match": {"hosts": ["api.github.com"]}, "auth": {"type": "bearer", "credential": "missing"}}],
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 400);
    assert!(resp.text().await.unwrap().contains("unknown credential"));
    // Hosts must be allowed explicitly by the policy.
    let resp = egress
        .req(&h.http, Method::POST, "/credential-vault")
        .json(&json!({
            "credentials": [{"name": "t", "source": {"type": "inline", "value": "s3cr3t-value"}}],
            "bindings": [{"name": "x", "match": {"hosts": ["example.com"]}, "auth": {"type": "bearer", "credential": "t"}}],
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 400);
    // Unknown auth type.
    let resp = egress
        .req(&h.http, Method::POST, "/credential-vault")
        .json(&json!({
            "credentials": [{"name": "t", "source": {"type": "inline", "value": "s3cr3t-value"}}],
            "bindings": [{"name": "x", "match": {"hosts": ["api.github.com"]}, "auth": {"type": "digest", "credential": "t"}}],
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 400);

    let resp = egress
        .req(&h.http, Method::POST, "/credential-vault")
        .json(&json!({
            "credentials": [{"name": "github-token", "source": {"type": "inline", "value": "ghp_secretsecret"}}],
            "bindings": [{"name": "github-api", "match": {"hosts": ["api.github.com"]}, "auth": {"type": "bearer", "credential": "github-token"}}],
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 201);
    let text = resp.text().await.unwrap();
    assert!(
        !text.contains("ghp_secretsecret"),
        "secrets are never returned"
    );
    let state: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(state["revision"], 1);
    assert_eq!(state["bindings"][0]["match"]["ports"], json!([443]));
    assert_eq!(state["bindings"][0]["auth"], json!({"type": "bearer"}));

    let resp = egress
        .req(&h.http, Method::POST, "/credential-vault")
        .json(&json!({"credentials": [], "bindings": []}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 409, "the vault exists already");

    let patch = json!({
        "expectedRevision": 1,
        "credentials": {
            "replace": [{"name": "github-token", "source": {"type": "inline", "value": "ghp_rotated"}}],
            "add": [{"name": "openai-key", "source": {"type": "inline", "value": "sk-secret"}}],
        },
        "bindings": {"add": [{
            "name": "openai",
            "match": {"hosts": ["api.openai.com"], "methods": ["post"], "paths": ["/v1/*"]},
            "auth": {"type": "apiKey", "name": "authorization", "credential": "openai-key"},
        }]},
    });
    let resp = egress
        .req(&h.http, Method::PATCH, "/credential-vault")
        .json(&patch)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let state: Value = resp.json().await.unwrap();
    assert_eq!(state["revision"], 2);
    let openai = state["bindings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["name"] == "openai")
        .unwrap();
    assert_eq!(
        openai["auth"],
        json!({"type": "apiKey", "name": "Authorization"})
    );
    assert_eq!(openai["match"]["methods"], json!(["POST"]));

    // Stale revision: 409, plain text.
    let resp = egress
        .req(&h.http, Method::PATCH, "/credential-vault")
        .json(&patch)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 409);
    assert!(
        resp.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/plain")
    );
    assert!(resp.text().await.unwrap().contains("expectedRevision"));

    let creds = egress
        .req(&h.http, Method::GET, "/credential-vault/credentials")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!creds.contains("sk-secret") && !creds.contains("ghp_rotated"));
    let creds: Value = serde_json::from_str(&creds).unwrap();
    assert_eq!(creds["revision"], 2);
    let resp = egress
        .req(
            &h.http,
            Method::GET,
            "/credential-vault/credentials/github-token",
        )
        .send()
        .await
        .unwrap();
    let status = resp.status();
    let text = resp.text().await.unwrap();
    assert_eq!(status, 200, "{text}");
    let one: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        one,
        json!({"name": "github-token", "revision": 2, "sourceType": "inline"})
    );
    let resp = egress
        .req(&h.http, Method::GET, "/credential-vault/bindings/nope")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 404);

    let resp = egress
        .req(&h.http, Method::DELETE, "/credential-vault")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 204);
    h.server.shutdown().await;
}
