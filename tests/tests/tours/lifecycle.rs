//! Every lifecycle and diagnostics operation, through `LifecycleClient`.

use std::collections::{BTreeMap, HashMap};

use chrono::{Duration as ChronoDuration, Utc};
use opensandbox::api::lifecycle::LifecycleClient;
use opensandbox::api::lifecycle::types as lt;
use opensandbox::api::lifecycle::{DiagnosticScope, ListOptions, SnapshotListOptions};
use opensandbox_tests::Contract;

use super::{DIAGNOSTICS, LIFECYCLE};

/// A create request with every part the lifecycle document describes filled in.
pub fn full_create_request() -> lt::CreateSandboxRequest {
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
pub async fn lifecycle_tour(c: &Contract) {
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
                .state(opensandbox::SandboxState::Running)
                .state(opensandbox::SandboxState::Paused)
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
                .state(opensandbox::SnapshotState::Ready)
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
pub async fn diagnostics_tour(c: &Contract) {
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
