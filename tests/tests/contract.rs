//! Contract tests: every operation of every SDK client, driven through Prism mocking the
//! project's own documents (`specs/`), with a recording proxy in between (see
//! `opensandbox_tests::contract`).
//!
//! - `every_operation_of_every_spec_is_exercised_without_violations` runs the full tour
//!   (lifecycle, diagnostics, execd, egress and the credential vault), fails on any request
//!   Prism finds invalid (naming the SDK call, the request, the operation and the
//!   violation), fails if any operation of the documents was not exercised, and prints the
//!   coverage table.
//! - The other tests are negative checks: requests Prism rejects surface as `ApiError`s.
//!
//! Prism must be installed: `cargo xtask test` does it (and sets `OPENSANDBOX_PRISM`);
//! without it these tests fail and say so.

use std::collections::{BTreeMap, HashMap};

use chrono::{Duration as ChronoDuration, Utc};
use opensandbox::lifecycle::types as lt;
use opensandbox::lifecycle::{DiagnosticScope, ListOptions, SnapshotListOptions};
use opensandbox::{ApiError, Error, LifecycleClient};
use opensandbox_tests::Contract;

const LIFECYCLE: &str = "sandbox-lifecycle.yml";
const DIAGNOSTICS: &str = "diagnostic-api.yml";

/// A create request with every part the lifecycle document describes filled in.
fn full_create_request() -> lt::CreateSandboxRequest {
    let volume: lt::Volume = serde_json::from_value(serde_json::json!({
        "name": "workspace",
        "mountPath": "/workspace",
        "readOnly": false,
        "pvc": {"claimName": "contract-data", "createIfNotExists": true, "storage": "5Gi"}
    }))
    .expect("a valid volume");
    let network_policy: lt::NetworkPolicy = serde_json::from_value(serde_json::json!({
        "defaultAction": "deny",
        "egress": [{"action": "allow", "target": "pypi.org"}, {"action": "allow", "target": "*.pythonhosted.org"}]
    }))
    .expect("a valid network policy");
    lt::CreateSandboxRequest {
        image: Some(lt::ImageSpec {
            uri: "python:3.12-slim".into(),
            auth: None,
        }),
        entrypoint: vec!["/bin/sh".into(), "-c".into(), "sleep infinity".into()],
        timeout: Some(3600),
        resource_limits: Some(lt::ResourceLimits(HashMap::from([
            ("cpu".to_string(), "500m".to_string()),
            ("memory".to_string(), "512Mi".to_string()),
        ]))),
        env: HashMap::from([("PYTHONUNBUFFERED".to_string(), "1".to_string())]),
        metadata: HashMap::from([("team".to_string(), "contract-tests".to_string())]),
        network_policy: Some(network_policy),
        volumes: vec![volume],
        extensions: HashMap::from([("access.renew.extend.seconds".to_string(), "600".to_string())]),
        ..Default::default()
    }
}

/// Every lifecycle operation, through `LifecycleClient`.
async fn lifecycle_tour(c: &Contract) {
    let lc = LifecycleClient::new(&c.base_url(LIFECYCLE), "contract-test-key")
        .expect("lifecycle client");

    let created = c
        .step(
            "LifecycleClient::create_sandbox",
            lc.create_sandbox(full_create_request()),
        )
        .await;
    let id = created
        .map(|s| s.id)
        .unwrap_or_else(|| "sbx-contract".into());

    // From a snapshot, without an image or entrypoint.
    c.step(
        "LifecycleClient::create_sandbox (from snapshot)",
        lc.create_sandbox(lt::CreateSandboxRequest {
            snapshot_id: Some("snap-contract".into()),
            timeout: None,
            resource_limits: Some(lt::ResourceLimits(HashMap::from([(
                "cpu".to_string(),
                "1".to_string(),
            )]))),
            ..Default::default()
        }),
    )
    .await;

    if let Some(sandbox) = c
        .step("LifecycleClient::get_sandbox", lc.get_sandbox(&id))
        .await
    {
        c.check(!sandbox.id.is_empty(), "get_sandbox: the sandbox has an id");
    }
    c.step(
        "LifecycleClient::list_sandboxes",
        lc.list_sandboxes(&ListOptions::new()),
    )
    .await;
    c.step(
        "LifecycleClient::list_sandboxes (filtered)",
        lc.list_sandboxes(
            &ListOptions::new()
                .state("Running")
                .state("Paused")
                .metadata("team", "a&b=c")
                .metadata("owner", "Ada Lovelace")
                .page(2)
                .page_size(200),
        ),
    )
    .await;
    c.step("LifecycleClient::pause_sandbox", lc.pause_sandbox(&id))
        .await;
    c.step("LifecycleClient::resume_sandbox", lc.resume_sandbox(&id))
        .await;
    c.step(
        "LifecycleClient::renew_expiration",
        lc.renew_expiration(&id, Utc::now() + ChronoDuration::hours(2)),
    )
    .await;
    c.step(
        "LifecycleClient::patch_metadata",
        lc.patch_metadata(
            &id,
            BTreeMap::from([
                ("stage".to_string(), Some("review".to_string())),
                ("team".to_string(), None),
            ]),
        ),
    )
    .await;
    c.step(
        "LifecycleClient::get_endpoint",
        lc.get_endpoint(&id, 44772, false),
    )
    .await;
    c.step(
        "LifecycleClient::get_endpoint (server proxy)",
        lc.get_endpoint(&id, 8080, true),
    )
    .await;
    let expires = (Utc::now() + ChronoDuration::minutes(10)).timestamp() as u64;
    c.step(
        "LifecycleClient::get_signed_endpoint",
        lc.get_signed_endpoint(&id, 44772, expires),
    )
    .await;

    let snapshot = c
        .step(
            "LifecycleClient::create_snapshot",
            lc.create_snapshot(
                &id,
                lt::CreateSnapshotRequest {
                    name: Some("before-upgrade".try_into().expect("a valid snapshot name")),
                },
            ),
        )
        .await;
    let snapshot_id = snapshot
        .map(|s| s.id)
        .unwrap_or_else(|| "snap-contract".into());
    c.step(
        "LifecycleClient::get_snapshot",
        lc.get_snapshot(&snapshot_id),
    )
    .await;
    c.step(
        "LifecycleClient::list_snapshots",
        lc.list_snapshots(
            &SnapshotListOptions::new()
                .sandbox_id(id.clone())
                .state(lt::SnapshotState::from("Ready".to_string()))
                .page(1)
                .page_size(20),
        ),
    )
    .await;
    c.step(
        "LifecycleClient::delete_snapshot",
        lc.delete_snapshot(&snapshot_id),
    )
    .await;
    c.step("LifecycleClient::delete_sandbox", lc.delete_sandbox(&id))
        .await;
}

/// Both diagnostics operations, through `LifecycleClient`.
async fn diagnostics_tour(c: &Contract) {
    let lc = LifecycleClient::new(&c.base_url(DIAGNOSTICS), "contract-test-key")
        .expect("lifecycle client");
    c.step(
        "LifecycleClient::diagnostic_logs",
        lc.diagnostic_logs("sbx-contract", DiagnosticScope::Container),
    )
    .await;
    c.step(
        "LifecycleClient::diagnostic_events",
        lc.diagnostic_events("sbx-contract", DiagnosticScope::All),
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_operation_of_every_spec_is_exercised_without_violations() {
    let c = Contract::start(&[]).await;
    lifecycle_tour(&c).await;
    diagnostics_tour(&c).await;
    c.finish(true);
}

// ---- negative checks ---------------------------------------------------------------------

/// An error answer of the generated client, decoded by the facade's error decoding.
async fn decode_unexpected<T: std::fmt::Debug>(
    result: Result<T, opensandbox_lifecycle_api::Error<()>>,
) -> ApiError {
    match result {
        Err(opensandbox_lifecycle_api::Error::UnexpectedResponse(resp)) => {
            let status = resp.status();
            let headers = resp.headers().clone();
            let body = resp.bytes().await.expect("the error body");
            ApiError::from_parts(status, &headers, body)
        }
        other => panic!("expected an error answer, got {other:?}"),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_invalid_request_through_the_generated_client_surfaces_as_api_error() {
    let c = Contract::start(&[LIFECYCLE]).await;
    let lc = LifecycleClient::new(&c.base_url(LIFECYCLE), "contract-test-key")
        .expect("lifecycle client");
    // No image, no snapshot, and a lifetime under the documented minimum of 60 seconds.
    let body = lt::CreateSandboxRequest {
        timeout: Some(30),
        ..Default::default()
    };
    c.label("raw create_sandbox (timeout 30)");
    let err = decode_unexpected(lc.raw().create_sandbox().body(body).send().await).await;
    assert_eq!(
        err.status.as_u16(),
        400,
        "Prism answers the documented 400: {err}"
    );
    assert!(
        !err.message.is_empty(),
        "the ApiError has a message: {err:?}"
    );
    assert!(
        err.code.is_some(),
        "the {{code, message}} body was decoded: {err:?}"
    );

    let ex = c
        .last_exchange()
        .expect("the request went through the proxy");
    assert_eq!(
        ex.operation.as_ref().map(|o| o.operation_id.as_str()),
        Some("createSandbox")
    );
    assert!(
        ex.violations
            .iter()
            .any(|v| v.location == ["request", "body", "timeout"] && v.message.contains(">= 60")),
        "Prism names the violation: {:?}",
        ex.violations
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_invalid_request_through_the_facade_surfaces_as_api_error() {
    let c = Contract::start(&[LIFECYCLE]).await;
    let lc = LifecycleClient::new(&c.base_url(LIFECYCLE), "contract-test-key")
        .expect("lifecycle client");
    let request = lt::CreateSandboxRequest {
        timeout: Some(30),
        ..full_create_request()
    };
    c.label("LifecycleClient::create_sandbox (timeout 30)");
    let err = lc
        .create_sandbox(request)
        .await
        .expect_err("Prism rejects the request");
    let api = err
        .api()
        .unwrap_or_else(|| panic!("an Error::Api, got {err:?}"));
    assert_eq!(api.status.as_u16(), 400);
    assert!(!api.message.is_empty());
    assert_eq!(err.status().map(|s| s.as_u16()), Some(400));

    let ex = c
        .last_exchange()
        .expect("the request went through the proxy");
    assert!(
        ex.violations
            .iter()
            .any(|v| v.location == ["request", "body", "timeout"]),
        "{:?}",
        ex.violations
    );
    assert_eq!(c.exchanges().len(), 1, "a rejected create is not retried");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_missing_api_key_is_rejected_by_the_spec_security() {
    let c = Contract::start(&[LIFECYCLE]).await;
    // An empty key sends no header (for servers with authentication off).
    let lc = LifecycleClient::new(&c.base_url(LIFECYCLE), "").expect("lifecycle client");
    c.label("LifecycleClient::get_sandbox (no key)");
    let err = lc
        .get_sandbox("sbx-1")
        .await
        .expect_err("Prism requires the key header");
    assert_eq!(err.status().map(|s| s.as_u16()), Some(401), "{err:?}");
    let ex = c
        .last_exchange()
        .expect("the request went through the proxy");
    assert!(ex.request_header("open-sandbox-api-key").is_none());
    assert!(
        ex.violations.iter().any(|v| v.code == "401"),
        "Prism reports the security violation: {:?}",
        ex.violations
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn invalid_input_is_refused_before_anything_is_sent() {
    let c = Contract::start(&[LIFECYCLE]).await;
    let lc = LifecycleClient::new(&c.base_url(LIFECYCLE), "contract-test-key")
        .expect("lifecycle client");
    let err = lc
        .list_sandboxes(&ListOptions::new().page_size(0))
        .await
        .expect_err("page size 0 is invalid");
    assert!(matches!(err, Error::InvalidInput(_)), "{err:?}");
    let err = lc
        .get_sandbox("  ")
        .await
        .expect_err("an empty id is invalid");
    assert!(matches!(err, Error::InvalidInput(_)), "{err:?}");
    assert!(
        c.exchanges().is_empty(),
        "nothing was sent: {:?}",
        c.exchanges()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_harness_flags_requests_outside_the_specs() {
    let c = Contract::start(&[LIFECYCLE]).await;
    let base = c.base_url(LIFECYCLE);
    let root = base.trim_end_matches("/v1");
    let http = reqwest::Client::new();
    c.label("outside the base path");
    let resp = http
        .get(format!("{root}/sandboxes"))
        .header("OPEN-SANDBOX-API-KEY", "k")
        .send()
        .await
        .expect("the proxy answers");
    assert!(resp.status().is_success(), "Prism still serves it");
    c.label("unknown operation");
    let resp = http
        .delete(format!("{base}/snapshots"))
        .header("OPEN-SANDBOX-API-KEY", "k")
        .send()
        .await
        .expect("the proxy answers");
    assert!(!resp.status().is_success());
    let v = c.violations();
    assert!(
        v.iter()
            .any(|l| l.contains("outside the base path") && l.contains("GET /sandboxes")),
        "{v:#?}"
    );
    assert!(
        v.iter()
            .any(|l| l.contains("unknown operation") && l.contains("DELETE /v1/snapshots")),
        "{v:#?}"
    );
}
