//! Generated response types must survive a newer server: unknown fields are ignored and
//! unknown enum values are kept, while request types stay strict.

use opensandbox_egress_api::types as egress;
use opensandbox_execd_api::types as execd;
use opensandbox_lifecycle_api::types as lifecycle;
use serde_json::json;

#[test]
fn unknown_fields_and_enum_values_decode_in_responses() {
    let info: execd::FileInfo = serde_json::from_value(json!({
        "path": "/tmp/s", "size": 0, "mode": 755, "owner": "root", "group": "root",
        "created_at": "2026-11-27T08:00:00Z", "modified_at": "2026-11-27T08:00:00Z",
        "type": "socket",
        "inode": 42
    }))
    .expect("FileInfo with an unknown type and field decodes");
    assert_eq!(
        info.type_,
        Some(execd::FileInfoType::Unknown("socket".into()))
    );
    assert_eq!(info.type_.as_ref().map(|t| t.as_str()), Some("socket"));
    // Known values still map to their variants, and unknown ones round-trip unchanged.
    assert_eq!(
        execd::FileInfoType::from("directory"),
        execd::FileInfoType::Directory
    );
    assert_eq!(serde_json::to_value(&info.type_).unwrap(), json!("socket"));

    let event: execd::ServerStreamEvent =
        serde_json::from_value(json!({"type": "progress", "text": "50%", "future_field": [1, 2]}))
            .expect("an event of an unknown type decodes");
    assert!(event.type_.as_ref().is_some_and(|t| t.is_unknown()));

    let policy: egress::PolicyStatusResponse = serde_json::from_value(json!({
        "status": "ok", "mode": "dns", "enforcementMode": "dns", "reason": "x",
        "policy": {"defaultAction": "quarantine", "egress": [{"action": "log", "target": "example.com", "ttl": 3}]},
        "sidecarVersion": "9.9"
    }))
    .expect("a policy with unknown actions and fields decodes");
    let policy = policy.policy.expect("policy present");
    assert_eq!(
        policy.default_action.as_ref().map(|a| a.as_str()),
        Some("quarantine")
    );

    let diag: lifecycle::DiagnosticContentResponse = serde_json::from_value(json!({
        "sandboxId": "sbx-1", "kind": "traces", "scope": "all", "delivery": "stream",
        "contentType": "text/plain", "truncated": false, "shard": 3
    }))
    .expect("diagnostics with unknown kind and delivery decode");
    assert_eq!(
        diag.kind,
        lifecycle::DiagnosticContentResponseKind::Unknown("traces".into())
    );
}

#[test]
fn request_types_stay_strict() {
    let err = serde_json::from_value::<egress::CredentialVaultCreateRequest>(json!({
        "credentials": [], "bindings": [], "surprise": true
    }));
    assert!(err.is_err(), "request types keep deny_unknown_fields");
}
