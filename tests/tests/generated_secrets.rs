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

#[test]
fn env_values_endpoint_headers_and_storage_keys_do_not_print() {
    let req: lifecycle::CreateSandboxRequest = serde_json::from_value(json!({
        "image": {"uri": "python:3.12"},
        "entrypoint": ["/bin/sh"],
        "env": {"OPENAI_API_KEY": "sk-env-secret", "DEBUG": "1"}
    }))
    .unwrap();
    let shown = format!("{req:?}");
    assert!(!shown.contains("sk-env-secret"), "{shown}");
    assert!(
        shown.contains("OPENAI_API_KEY") && shown.contains("DEBUG"),
        "{shown}"
    );
    let builder = lifecycle::CreateSandboxRequest::builder().env(std::collections::HashMap::from(
        [("TOKEN".to_string(), "builder-env-secret".to_string())],
    ));
    let shown = format!("{builder:?}");
    assert!(
        !shown.contains("builder-env-secret") && shown.contains("TOKEN"),
        "{shown}"
    );

    let ep: lifecycle::Endpoint = serde_json::from_value(json!({
        "endpoint": "10.0.0.5:44772",
        "headers": {"X-EXECD-ACCESS-TOKEN": "execd-token-secret"}
    }))
    .unwrap();
    let shown = format!("{ep:?}");
    assert!(!shown.contains("execd-token-secret"), "{shown}");
    assert!(
        shown.contains("X-EXECD-ACCESS-TOKEN") && shown.contains("10.0.0.5:44772"),
        "{shown}"
    );
    // Still on the wire.
    assert_eq!(
        serde_json::to_value(&ep).unwrap()["headers"]["X-EXECD-ACCESS-TOKEN"],
        "execd-token-secret"
    );

    let ossfs: lifecycle::Ossfs = serde_json::from_value(json!({
        "bucket": "bucket-1", "endpoint": "oss.example", "accessKeyId": "AKID",
        "accessKeySecret": "oss-secret-value"
    }))
    .unwrap();
    let shown = format!("{ossfs:?}");
    assert!(
        !shown.contains("oss-secret-value") && shown.contains("AKID"),
        "{shown}"
    );
    // The constrained-string newtype hides it on its own too.
    let alone = format!("{:?}", ossfs.access_key_secret);
    assert!(
        !alone.contains("oss-secret-value") && alone.contains("***"),
        "{alone}"
    );
    assert_eq!(ossfs.access_key_secret.as_str(), "oss-secret-value");
}
