//! OpenAPI 3.1 → 3.0.3 conversion, for generators (progenitor) that only read 3.0.
//!
//! The conversion works on the JSON value of the document and visits every place a
//! schema can stand. Each rule rewrites one 3.1 construct into its 3.0 equivalent; a
//! construct with no 3.0 equivalent is an error that names its JSON pointer. Nothing is
//! dropped silently except pure annotations (`$comment`).

use serde_json::{Map, Value, json};

use crate::walk::{Pointer, visit_document_schemas};

/// A construct the conversion cannot express in OpenAPI 3.0.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConvertError {
    /// JSON pointer of the offending schema or keyword.
    pub pointer: String,
    /// What is wrong there.
    pub reason: String,
}

impl std::fmt::Display for ConvertError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "cannot convert {}: {}", self.pointer, self.reason)
    }
}

impl std::error::Error for ConvertError {}

/// JSON Schema keywords of 3.1 that OpenAPI 3.0 has no way to express.
const UNSUPPORTED: &[&str] = &[
    "prefixItems",
    "if",
    "then",
    "else",
    "dependentSchemas",
    "dependentRequired",
    "patternProperties",
    "unevaluatedProperties",
    "unevaluatedItems",
    "propertyNames",
    "contains",
    "minContains",
    "maxContains",
    "$defs",
    "$dynamicRef",
    "$dynamicAnchor",
    "$anchor",
    "$id",
    "$schema",
    "$vocabulary",
];

/// Converts a whole OpenAPI 3.1 document to 3.0.3 in place.
pub fn convert_document(doc: &mut Value) -> Result<(), ConvertError> {
    let version = doc.get("openapi").and_then(Value::as_str).unwrap_or("");
    if !(version.starts_with("3.1") || version.starts_with("3.0")) {
        return Err(ConvertError {
            pointer: "/openapi".into(),
            reason: format!("unsupported OpenAPI version {version:?}"),
        });
    }
    let Some(root) = doc.as_object_mut() else {
        return Err(ConvertError {
            pointer: String::new(),
            reason: "document is not an object".into(),
        });
    };
    root.insert("openapi".into(), json!("3.0.3"));
    // 3.1-only document fields with no meaning for a client generator.
    root.remove("jsonSchemaDialect");
    if let Some(webhooks) = root.remove("webhooks")
        && webhooks.as_object().is_some_and(|w| !w.is_empty())
    {
        return Err(ConvertError {
            pointer: "/webhooks".into(),
            reason: "webhooks have no OpenAPI 3.0 equivalent".into(),
        });
    }
    if let Some(info) = root.get_mut("info").and_then(Value::as_object_mut) {
        info.remove("summary");
        if let Some(license) = info.get_mut("license").and_then(Value::as_object_mut) {
            license.remove("identifier");
        }
    }
    if let Some(components) = root.get_mut("components").and_then(Value::as_object_mut) {
        components.remove("pathItems");
    }
    visit_document_schemas(doc, &mut |schema, ptr| convert_schema(schema, ptr))?;
    Ok(())
}

/// Converts one schema node (not its children: the walker visits those).
pub fn convert_schema(node: &mut Value, ptr: &Pointer) -> Result<(), ConvertError> {
    if let Value::Bool(b) = node {
        if *b {
            *node = json!({});
            return Ok(());
        }
        return Err(err(ptr, "the schema `false` has no OpenAPI 3.0 equivalent"));
    }
    let Some(obj) = node.as_object_mut() else {
        return Err(err(ptr, "a schema must be an object or a boolean"));
    };
    for key in UNSUPPORTED {
        if obj.contains_key(*key) {
            return Err(err(
                &ptr.child(key),
                "keyword has no OpenAPI 3.0 equivalent",
            ));
        }
    }
    obj.remove("$comment");
    convert_type_array(obj, ptr)?;
    convert_const(obj, ptr)?;
    convert_null_in_enum(obj, ptr)?;
    convert_exclusive_bound(obj, "exclusiveMinimum", "minimum", ptr)?;
    convert_exclusive_bound(obj, "exclusiveMaximum", "maximum", ptr)?;
    convert_examples(obj, ptr)?;
    convert_content_keywords(obj);
    for key in ["oneOf", "anyOf"] {
        convert_nullable_union(obj, key, ptr)?;
    }
    convert_ref_siblings(obj);
    if let Some(items) = obj.get("items")
        && items.is_array()
    {
        return Err(err(
            &ptr.child("items"),
            "tuple `items` arrays have no OpenAPI 3.0 equivalent",
        ));
    }
    Ok(())
}

fn err(ptr: &Pointer, reason: &str) -> ConvertError {
    ConvertError {
        pointer: ptr.to_string(),
        reason: reason.to_string(),
    }
}

fn is_null_schema(v: &Value) -> bool {
    let Some(o) = v.as_object() else {
        return false;
    };
    let only_prose = |extra: &[&str]| {
        o.keys()
            .all(|k| extra.contains(&k.as_str()) || matches!(k.as_str(), "description" | "title"))
    };
    (o.get("type") == Some(&json!("null")) && only_prose(&["type"]))
        || (o.get("const") == Some(&Value::Null) && only_prose(&["const"]))
        || (o.get("enum") == Some(&json!([null])) && only_prose(&["enum"]))
}

/// `type: [T, "null"]` → `type: T, nullable: true`.
fn convert_type_array(obj: &mut Map<String, Value>, ptr: &Pointer) -> Result<(), ConvertError> {
    let Some(Value::Array(types)) = obj.get("type") else {
        return Ok(());
    };
    let nullable = types.iter().any(|t| t == "null");
    let rest: Vec<Value> = types.iter().filter(|t| *t != "null").cloned().collect();
    match rest.as_slice() {
        [single] => {
            obj.insert("type".into(), single.clone());
        }
        [] => return Err(err(&ptr.child("type"), "a schema whose only type is null")),
        _ => {
            return Err(err(
                &ptr.child("type"),
                "a type array with more than one non-null type",
            ));
        }
    }
    if nullable {
        obj.insert("nullable".into(), json!(true));
    }
    Ok(())
}

/// `const: v` → `enum: [v]`.
fn convert_const(obj: &mut Map<String, Value>, ptr: &Pointer) -> Result<(), ConvertError> {
    let Some(value) = obj.remove("const") else {
        return Ok(());
    };
    if value.is_null() {
        return Err(err(
            &ptr.child("const"),
            "`const: null` outside a nullable union",
        ));
    }
    obj.insert("enum".into(), json!([value]));
    Ok(())
}

/// `enum: [a, b, null]` → `enum: [a, b], nullable: true`.
fn convert_null_in_enum(obj: &mut Map<String, Value>, ptr: &Pointer) -> Result<(), ConvertError> {
    let Some(Value::Array(values)) = obj.get_mut("enum") else {
        return Ok(());
    };
    if !values.iter().any(Value::is_null) {
        return Ok(());
    }
    values.retain(|v| !v.is_null());
    if values.is_empty() {
        return Err(err(&ptr.child("enum"), "an enum whose only value is null"));
    }
    obj.insert("nullable".into(), json!(true));
    Ok(())
}

/// Numeric `exclusiveMinimum: n` → `minimum: n, exclusiveMinimum: true` (and maximum).
fn convert_exclusive_bound(
    obj: &mut Map<String, Value>,
    exclusive: &str,
    inclusive: &str,
    ptr: &Pointer,
) -> Result<(), ConvertError> {
    match obj.get(exclusive) {
        Some(Value::Number(n)) => {
            let n = n.clone();
            if obj.contains_key(inclusive) {
                return Err(err(
                    &ptr.child(exclusive),
                    &format!("both `{exclusive}` and `{inclusive}` are set"),
                ));
            }
            obj.insert(inclusive.into(), Value::Number(n));
            obj.insert(exclusive.into(), json!(true));
            Ok(())
        }
        Some(Value::Bool(_)) | None => Ok(()),
        Some(_) => Err(err(&ptr.child(exclusive), "must be a number")),
    }
}

/// Schema `examples: [a, …]` → `example: a`.
fn convert_examples(obj: &mut Map<String, Value>, ptr: &Pointer) -> Result<(), ConvertError> {
    match obj.remove("examples") {
        None => Ok(()),
        Some(Value::Array(values)) => {
            if let Some(first) = values.into_iter().next()
                && !obj.contains_key("example")
            {
                obj.insert("example".into(), first);
            }
            Ok(())
        }
        Some(_) => Err(err(
            &ptr.child("examples"),
            "schema `examples` must be an array",
        )),
    }
}

/// `contentEncoding: base64` → `format: byte`; `contentMediaType` of a binary type →
/// `format: binary`.
fn convert_content_keywords(obj: &mut Map<String, Value>) {
    let encoding = obj.remove("contentEncoding");
    let media = obj.remove("contentMediaType");
    if obj.contains_key("format") {
        return;
    }
    if encoding.as_ref().and_then(Value::as_str) == Some("base64") {
        obj.insert("format".into(), json!("byte"));
    } else if let Some(m) = media.as_ref().and_then(Value::as_str)
        && !m.starts_with("text/")
        && m != "application/json"
    {
        obj.insert("format".into(), json!("binary"));
    }
}

/// `oneOf`/`anyOf` with a null branch → the other branches, `nullable: true`.
fn convert_nullable_union(
    obj: &mut Map<String, Value>,
    key: &str,
    ptr: &Pointer,
) -> Result<(), ConvertError> {
    let Some(Value::Array(branches)) = obj.get(key) else {
        return Ok(());
    };
    if !branches.iter().any(is_null_schema) {
        return Ok(());
    }
    let rest: Vec<Value> = branches
        .iter()
        .filter(|b| !is_null_schema(b))
        .cloned()
        .collect();
    obj.insert("nullable".into(), json!(true));
    match rest.len() {
        0 => Err(err(&ptr.child(key), "a union whose only branch is null")),
        1 => {
            obj.remove(key);
            let branch = rest.into_iter().next().unwrap_or_default();
            let Value::Object(branch) = branch else {
                return Err(err(
                    &ptr.child(key),
                    "a union branch must be a schema object",
                ));
            };
            if branch.contains_key("$ref") {
                // 3.0 ignores siblings of `$ref`: wrap it so `nullable` counts.
                obj.insert("allOf".into(), json!([branch]));
            } else {
                for (k, v) in branch {
                    if k == "description" && obj.contains_key("description") {
                        continue;
                    }
                    if obj.contains_key(&k) {
                        return Err(err(
                            &ptr.child(key),
                            &format!("the non-null branch repeats keyword `{k}` of its parent"),
                        ));
                    }
                    obj.insert(k, v);
                }
            }
            Ok(())
        }
        _ => {
            obj.insert(key.into(), Value::Array(rest));
            Ok(())
        }
    }
}

/// `$ref` with sibling keywords: 3.0 ignores the siblings, so constraints move into an
/// `allOf` wrapper; pure annotations are dropped (the referenced schema documents itself).
fn convert_ref_siblings(obj: &mut Map<String, Value>) {
    if !obj.contains_key("$ref") || obj.len() == 1 {
        return;
    }
    const ANNOTATIONS: &[&str] = &["description", "summary", "title", "example", "deprecated"];
    let has_constraints = obj
        .keys()
        .any(|k| k != "$ref" && !ANNOTATIONS.contains(&k.as_str()));
    if !has_constraints {
        obj.retain(|k, _| k == "$ref");
        return;
    }
    let reference = obj.remove("$ref").unwrap_or_default();
    obj.insert("allOf".into(), json!([{ "$ref": reference }]));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn conv(v: Value) -> Result<Value, ConvertError> {
        let mut v = v;
        convert_schema(&mut v, &Pointer::root().child("s"))?;
        Ok(v)
    }

    #[test]
    fn type_array_with_null_becomes_nullable() {
        assert_eq!(
            conv(json!({"type": ["string", "null"]})).unwrap(),
            json!({"type": "string", "nullable": true})
        );
    }

    #[test]
    fn type_array_with_two_real_types_is_an_error_naming_the_pointer() {
        let e = conv(json!({"type": ["string", "integer"]})).unwrap_err();
        assert_eq!(e.pointer, "/s/type");
    }

    #[test]
    fn const_becomes_single_value_enum() {
        assert_eq!(
            conv(json!({"const": "inline"})).unwrap(),
            json!({"enum": ["inline"]})
        );
    }

    #[test]
    fn null_inside_enum_becomes_nullable() {
        assert_eq!(
            conv(json!({"type": ["string", "null"], "enum": ["a", null]})).unwrap(),
            json!({"type": "string", "enum": ["a"], "nullable": true})
        );
    }

    #[test]
    fn numeric_exclusive_bounds_become_boolean_form() {
        assert_eq!(
            conv(json!({"type": "integer", "exclusiveMinimum": 0, "exclusiveMaximum": 10}))
                .unwrap(),
            json!({"type": "integer", "minimum": 0, "exclusiveMinimum": true, "maximum": 10, "exclusiveMaximum": true})
        );
    }

    #[test]
    fn exclusive_bound_beside_inclusive_is_an_error() {
        let e = conv(json!({"exclusiveMinimum": 0, "minimum": 1})).unwrap_err();
        assert_eq!(e.pointer, "/s/exclusiveMinimum");
    }

    #[test]
    fn examples_array_becomes_example() {
        assert_eq!(
            conv(json!({"type": "string", "examples": ["x", "y"]})).unwrap(),
            json!({"type": "string", "example": "x"})
        );
    }

    #[test]
    fn one_of_ref_and_null_becomes_nullable_all_of() {
        assert_eq!(
            conv(json!({"oneOf": [{"$ref": "#/components/schemas/A"}, {"type": "null"}]})).unwrap(),
            json!({"nullable": true, "allOf": [{"$ref": "#/components/schemas/A"}]})
        );
    }

    #[test]
    fn any_of_inline_and_null_is_merged() {
        assert_eq!(
            conv(json!({"anyOf": [{"type": "integer", "format": "int64"}, {"type": "null"}]}))
                .unwrap(),
            json!({"nullable": true, "type": "integer", "format": "int64"})
        );
    }

    #[test]
    fn one_of_with_several_branches_keeps_them() {
        assert_eq!(
            conv(json!({"oneOf": [{"type": "integer"}, {"type": "string"}, {"const": null}]}))
                .unwrap(),
            json!({"oneOf": [{"type": "integer"}, {"type": "string"}], "nullable": true})
        );
    }

    #[test]
    fn ref_with_constraints_is_wrapped_and_with_prose_is_bare() {
        assert_eq!(
            conv(json!({"$ref": "#/x", "description": "d"})).unwrap(),
            json!({"$ref": "#/x"})
        );
        assert_eq!(
            conv(json!({"$ref": "#/x", "nullable": true})).unwrap(),
            json!({"nullable": true, "allOf": [{"$ref": "#/x"}]})
        );
    }

    #[test]
    fn content_keywords_become_formats() {
        assert_eq!(
            conv(json!({"type": "string", "contentMediaType": "application/octet-stream"}))
                .unwrap(),
            json!({"type": "string", "format": "binary"})
        );
        assert_eq!(
            conv(json!({"type": "string", "contentEncoding": "base64"})).unwrap(),
            json!({"type": "string", "format": "byte"})
        );
    }

    #[test]
    fn boolean_schemas() {
        assert_eq!(conv(json!(true)).unwrap(), json!({}));
        assert_eq!(conv(json!(false)).unwrap_err().pointer, "/s");
    }

    #[test]
    fn unsupported_keywords_are_errors_naming_the_pointer() {
        for key in UNSUPPORTED {
            let e = conv(json!({ *key: {} })).unwrap_err();
            assert_eq!(
                e.pointer,
                format!("/s/{}", key.replace('~', "~0").replace('/', "~1"))
            );
        }
        let e = conv(json!({"items": [{"type": "string"}]})).unwrap_err();
        assert_eq!(e.pointer, "/s/items");
    }

    #[test]
    fn whole_document_conversion_reaches_nested_schemas() {
        let mut doc = json!({
            "openapi": "3.1.0",
            "info": {"title": "t", "version": "1", "summary": "s", "license": {"name": "x", "identifier": "MIT"}},
            "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
            "paths": {"/a/{id}": {
                "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": ["string", "null"]}}],
                "get": {"responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {
                    "type": "object",
                    "properties": {"const": {"const": 1}, "n": {"type": "array", "items": {"type": ["integer", "null"]}}},
                    "additionalProperties": {"type": ["string", "null"]}
                }}}}}}
            }},
            "components": {"schemas": {"X": {"type": "object", "properties": {"y": {"oneOf": [{"$ref": "#/components/schemas/X"}, {"type": "null"}]}}}}}
        });
        convert_document(&mut doc).unwrap();
        assert_eq!(doc["openapi"], "3.0.3");
        assert!(doc.get("jsonSchemaDialect").is_none());
        assert!(doc["info"].get("summary").is_none());
        assert!(doc["info"]["license"].get("identifier").is_none());
        let p = &doc["paths"]["/a/{id}"];
        assert_eq!(
            p["parameters"][0]["schema"],
            json!({"type": "string", "nullable": true})
        );
        let s = &p["get"]["responses"]["200"]["content"]["application/json"]["schema"];
        assert_eq!(s["properties"]["const"], json!({"enum": [1]}));
        assert_eq!(
            s["properties"]["n"]["items"],
            json!({"type": "integer", "nullable": true})
        );
        assert_eq!(
            s["additionalProperties"],
            json!({"type": "string", "nullable": true})
        );
        assert_eq!(
            doc["components"]["schemas"]["X"]["properties"]["y"],
            json!({"nullable": true, "allOf": [{"$ref": "#/components/schemas/X"}]})
        );
    }

    #[test]
    fn error_in_a_nested_schema_names_its_full_pointer() {
        let mut doc = json!({
            "openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {},
            "components": {"schemas": {"A/B": {"type": "object", "properties": {"p": {"if": {}}}}}}
        });
        let e = convert_document(&mut doc).unwrap_err();
        assert_eq!(e.pointer, "/components/schemas/A~1B/properties/p/if");
    }

    #[test]
    fn other_openapi_versions_are_refused() {
        let mut doc = json!({"openapi": "2.0", "paths": {}});
        assert_eq!(convert_document(&mut doc).unwrap_err().pointer, "/openapi");
    }
}
