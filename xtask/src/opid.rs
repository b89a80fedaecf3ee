//! operationId assignment: the document's own, else an override from the table in
//! `specs/overlays/operation-ids.yaml`, else a deterministic name from method and path.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use crate::names::snake;
use crate::walk::METHODS;

/// Deterministic operationId from method and path: `get /sandboxes/{sandboxId}/endpoints/{port}`
/// → `get_sandboxes_by_sandbox_id_endpoints_by_port`.
pub fn synthesize(method: &str, path: &str) -> String {
    let mut out = method.to_ascii_lowercase();
    for segment in path.split('/').filter(|s| !s.is_empty()) {
        out.push('_');
        if let Some(param) = segment.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
            out.push_str("by_");
            out.push_str(&snake(param));
        } else {
            out.push_str(&snake(segment));
        }
    }
    out
}

/// Parses the override table: a YAML map from `"METHOD /path"` to an operationId.
pub fn parse_overrides(text: &str) -> Result<BTreeMap<(String, String), String>, String> {
    let value: Value = serde_yaml::from_str(text).map_err(|e| format!("override table: {e}"))?;
    let mut out = BTreeMap::new();
    let Some(map) = value.as_object() else {
        if value.is_null() {
            return Ok(out);
        }
        return Err("override table: expected a map of \"METHOD /path\": operationId".into());
    };
    for (key, id) in map {
        let key_parts = parse_key("override table", key)?;
        let id = id
            .as_str()
            .ok_or_else(|| format!("override table: value for {key:?} is not a string"))?;
        out.insert(key_parts, id.to_string());
    }
    Ok(out)
}

/// Parses a table key `"METHOD /path"` into `(lower-case method, path)`; `table` names
/// the table in errors.
pub fn parse_key(table: &str, key: &str) -> Result<(String, String), String> {
    let (method, path) = key
        .split_once(' ')
        .ok_or_else(|| format!("{table}: key {key:?} is not \"METHOD /path\""))?;
    let method = method.to_ascii_lowercase();
    if !METHODS.contains(&method.as_str()) {
        return Err(format!("{table}: unknown method in {key:?}"));
    }
    Ok((method, path.trim().to_string()))
}

/// Gives every operation of `doc` an operationId; returns an error if two operations end
/// up with the same one.
pub fn assign(
    doc: &mut Value,
    overrides: &BTreeMap<(String, String), String>,
) -> Result<(), String> {
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    let Some(paths) = doc.get_mut("paths").and_then(Value::as_object_mut) else {
        return Ok(());
    };
    for (path, item) in paths.iter_mut() {
        for m in METHODS {
            let Some(op) = item.get_mut(*m).and_then(Value::as_object_mut) else {
                continue;
            };
            let id = match op.get("operationId").and_then(Value::as_str) {
                Some(own) => own.to_string(),
                None => overrides
                    .get(&(m.to_string(), path.clone()))
                    .cloned()
                    .unwrap_or_else(|| synthesize(m, path)),
            };
            let here = format!("{} {path}", m.to_ascii_uppercase());
            if let Some(other) = seen.insert(id.clone(), here.clone()) {
                return Err(format!(
                    "operationId {id:?} is used by both {other} and {here}"
                ));
            }
            op.insert("operationId".into(), json!(id));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn synthesized_names_follow_method_and_path() {
        assert_eq!(synthesize("get", "/sandboxes"), "get_sandboxes");
        assert_eq!(
            synthesize("GET", "/sandboxes/{sandboxId}/endpoints/{port}"),
            "get_sandboxes_by_sandbox_id_endpoints_by_port"
        );
        assert_eq!(
            synthesize("post", "/sandboxes/{sandboxId}/renew-expiration"),
            "post_sandboxes_by_sandbox_id_renew_expiration"
        );
        assert_eq!(
            synthesize("get", "/credential-vault/credentials/{credential_name}"),
            "get_credential_vault_credentials_by_credential_name"
        );
    }

    #[test]
    fn own_ids_win_then_overrides_then_synthesis() {
        let mut doc = json!({"paths": {
            "/a": {"get": {"operationId": "mine"}, "post": {}},
            "/a/{id}": {"delete": {}}
        }});
        let overrides = parse_overrides("POST /a: createA\nGET /a: ignored\n").unwrap();
        assign(&mut doc, &overrides).unwrap();
        assert_eq!(doc["paths"]["/a"]["get"]["operationId"], "mine");
        assert_eq!(doc["paths"]["/a"]["post"]["operationId"], "createA");
        assert_eq!(
            doc["paths"]["/a/{id}"]["delete"]["operationId"],
            "delete_a_by_id"
        );
    }

    #[test]
    fn duplicate_ids_are_an_error() {
        let mut doc = json!({"paths": {"/a": {"get": {}, "post": {}}}});
        let overrides = parse_overrides("GET /a: same\nPOST /a: same").unwrap();
        let e = assign(&mut doc, &overrides).unwrap_err();
        assert!(e.contains("\"same\""), "{e}");
    }

    #[test]
    fn malformed_override_keys_are_errors() {
        assert!(parse_overrides("nomethod: x").is_err());
        assert!(parse_overrides("FETCH /a: x").is_err());
        assert!(parse_overrides("GET /a: [1]").is_err());
        assert!(parse_overrides("").unwrap().is_empty());
    }
}
