//! Fields the specs' overlays mark `x-opensandbox-secret` never show in `Debug`, neither
//! in generated types nor in their builders.

use opensandbox_egress_api::types as egress;
use opensandbox_lifecycle_api::types as lifecycle;
use serde_json::json;

#[test]
fn credential_values_and_registry_passwords_print_as_stars() {
    let source: egress::InlineCredentialSource =
        serde_json::from_value(json!({"type": "inline", "value": "tok-very-secret"})).unwrap();
    let shown = format!("{source:?}");
    assert!(!shown.contains("tok-very-secret"), "{shown}");
    assert!(shown.contains("***") && shown.contains("Inline"), "{shown}");
    let builder = egress::InlineCredentialSource::builder().value("tok-very-secret");
    assert!(!format!("{builder:?}").contains("tok-very-secret"));

    let image: lifecycle::ImageSpec = serde_json::from_value(json!({
        "uri": "registry.example/app:1",
        "auth": {"username": "ci", "password": "hunter2-registry"}
    }))
    .unwrap();
    let shown = format!("{image:?}");
    assert!(!shown.contains("hunter2-registry"), "{shown}");
    assert!(
        shown.contains("ci") && shown.contains("registry.example/app:1"),
        "{shown}"
    );
    // The value still goes on the wire.
    assert_eq!(
        serde_json::to_value(&image).unwrap()["auth"]["password"],
        "hunter2-registry"
    );
}
