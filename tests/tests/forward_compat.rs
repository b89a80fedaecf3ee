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

/// Liberal in what is accepted: response fields real servers leave out or send as
/// `null` decode as absent, where absence can be represented (overlays relax them).
#[test]
fn missing_and_null_response_fields_decode_where_absence_is_representable() {
    let info: execd::FileInfo = serde_json::from_value(json!({"path": "/tmp/only-a-path"}))
        .expect("a FileInfo with only its path decodes");
    assert_eq!(info.path, "/tmp/only-a-path");
    assert_eq!(
        (info.size, info.mode, info.owner.as_deref()),
        (None, None, None)
    );
    let info: execd::FileInfo = serde_json::from_value(json!({
        "path": "/tmp/x", "size": null, "mode": null, "owner": null, "group": null,
        "created_at": null, "modified_at": null
    }))
    .expect("nulls in FileInfo decode as absent");
    assert_eq!(info.modified_at, None);

    for body in [
        json!({"id": "sbx-1", "status": {"state": "Running"}}),
        json!({"id": "sbx-1", "status": {"state": "Running"}, "createdAt": null}),
    ] {
        let sandbox: lifecycle::Sandbox = serde_json::from_value(body.clone())
            .expect("a sandbox without entrypoint or createdAt");
        assert!(sandbox.entrypoint.is_empty());
        assert_eq!(sandbox.created_at, None);
        let created: lifecycle::CreateSandboxResponse =
            serde_json::from_value(body).expect("a create answer without them");
        assert_eq!(created.id, "sbx-1");
    }
    // What a sandbox cannot be used without is still required.
    assert!(
        serde_json::from_value::<lifecycle::Sandbox>(json!({"status": {"state": "Running"}}))
            .is_err()
    );
    assert!(serde_json::from_value::<execd::FileInfo>(json!({"size": 1})).is_err());
    // Types the requests use keep every required field (`uri` of an image).
    assert!(serde_json::from_value::<lifecycle::ImageSpec>(json!({})).is_err());
}
