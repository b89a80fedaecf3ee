//! Loading spec documents, merging documents that share a server, and applying overlays.

use std::path::Path;

use serde_json::{Map, Value};

/// Reads a YAML or JSON document into a JSON value (key order kept).
pub fn load(path: &Path) -> Result<Value, String> {
    let text =
        std::fs::read_to_string(path).map_err(|e| format!("reading {}: {e}", path.display()))?;
    serde_yaml::from_str(&text).map_err(|e| format!("parsing {}: {e}", path.display()))
}

/// Merges `other` into `base`: paths and component entries are added; an entry present in
/// both must be identical on the wire (prose may differ), else it is an error.
pub fn merge_document(base: &mut Value, other: &Value, label: &str) -> Result<(), String> {
    merge_section(base, other, &["paths"], label)?;
    if let Some(components) = other.get("components").and_then(Value::as_object) {
        for kind in components.keys() {
            merge_section(base, other, &["components", kind], label)?;
        }
    }
    Ok(())
}

fn merge_section(
    base: &mut Value,
    other: &Value,
    keys: &[&str],
    label: &str,
) -> Result<(), String> {
    let Some(src) = keys
        .iter()
        .try_fold(other, |v, k| v.get(*k))
        .and_then(Value::as_object)
    else {
        return Ok(());
    };
    let mut dst = &mut *base;
    for k in keys {
        let obj = dst
            .as_object_mut()
            .ok_or_else(|| format!("{label}: /{} is not an object", keys.join("/")))?;
        dst = obj
            .entry(k.to_string())
            .or_insert_with(|| Value::Object(Map::new()));
    }
    let dst = dst
        .as_object_mut()
        .ok_or_else(|| format!("{label}: /{} is not an object", keys.join("/")))?;
    for (name, value) in src {
        match dst.get(name) {
            None => {
                dst.insert(name.clone(), value.clone());
            }
            Some(existing) if strip_prose(existing) == strip_prose(value) => {}
            Some(_) => {
                return Err(format!(
                    "{label}: /{}/{name} differs between the merged documents",
                    keys.join("/")
                ));
            }
        }
    }
    Ok(())
}

/// A copy of `v` without prose and examples, for wire-level comparison.
pub fn strip_prose(v: &Value) -> Value {
    match v {
        Value::Object(o) => Value::Object(
            o.iter()
                .filter(|(k, _)| {
                    !matches!(
                        k.as_str(),
                        "description" | "summary" | "example" | "examples" | "externalDocs"
                    )
                })
                .map(|(k, v)| (k.clone(), strip_prose(v)))
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.iter().map(strip_prose).collect()),
        other => other.clone(),
    }
}

/// Applies an overlay: objects merge key by key, anything else in the overlay replaces
/// what the base had. An overlay value of `null` removes the key.
pub fn apply_overlay(base: &mut Value, overlay: &Value) {
    match (base, overlay) {
        (Value::Object(b), Value::Object(o)) => {
            for (k, v) in o {
                if v.is_null() {
                    b.remove(k);
                } else if let Some(existing) = b.get_mut(k) {
                    apply_overlay(existing, v);
                } else {
                    b.insert(k.clone(), v.clone());
                }
            }
        }
        (b, o) => *b = o.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn merge_adds_paths_and_tolerates_identical_components() {
        let mut a = json!({"paths": {"/a": {}}, "components": {"schemas": {"E": {"type": "object", "description": "one"}}}});
        let b = json!({"paths": {"/b": {}}, "components": {"schemas": {"E": {"type": "object", "description": "two"}, "F": {}}}});
        merge_document(&mut a, &b, "t").unwrap();
        assert!(a["paths"].get("/b").is_some());
        assert!(a["components"]["schemas"].get("F").is_some());
        assert_eq!(a["components"]["schemas"]["E"]["description"], "one");
    }

    #[test]
    fn merge_refuses_conflicting_components() {
        let mut a = json!({"components": {"schemas": {"E": {"type": "object"}}}});
        let b = json!({"components": {"schemas": {"E": {"type": "string"}}}});
        assert!(
            merge_document(&mut a, &b, "t")
                .unwrap_err()
                .contains("/components/schemas/E")
        );
    }

    #[test]
    fn overlay_merges_objects_replaces_scalars_and_deletes_nulls() {
        let mut base = json!({"a": {"b": 1, "c": 2}, "d": [1]});
        apply_overlay(
            &mut base,
            &json!({"a": {"b": 5, "c": null, "e": 3}, "d": [2]}),
        );
        assert_eq!(base, json!({"a": {"b": 5, "e": 3}, "d": [2]}));
    }
}
