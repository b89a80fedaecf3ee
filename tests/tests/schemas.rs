//! With the `schemars` feature, generated types describe themselves as JSON Schemas
//! (what agent frameworks need for tool inputs).

use opensandbox_egress_api::types as egress;
use opensandbox_execd_api::types as execd;

#[test]
fn request_types_have_json_schemas() {
    let schema = serde_json::to_value(schemars::schema_for!(execd::RunCommandRequest)).unwrap();
    let props = &schema["properties"];
    assert!(props.get("command").is_some(), "{schema}");
    assert!(
        schema["required"]
            .as_array()
            .is_some_and(|r| r.iter().any(|v| v == "command")),
        "{schema}"
    );

    let vault =
        serde_json::to_value(schemars::schema_for!(egress::CredentialVaultCreateRequest)).unwrap();
    assert!(vault["properties"].get("credentials").is_some(), "{vault}");
}

#[test]
fn open_enums_describe_their_known_values() {
    let schema = serde_json::to_value(schemars::schema_for!(execd::FileInfoType)).unwrap();
    let values = schema["enum"].as_array().expect("an enum schema");
    assert!(values.iter().any(|v| v == "directory"), "{schema}");
}
