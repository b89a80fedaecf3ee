//! Shaping a converted document for generation:
//!
//! - operations progenitor cannot generate (non-JSON request bodies such as multipart
//!   uploads) are left out and recorded, so the facade knows what it writes by hand;
//! - only success responses are kept, and an operation's one documented success status
//!   becomes the range `2XX` (any 2xx is success); every error status reaches the caller as a raw
//!   `reqwest::Response`, which the facade decodes from whatever shape the server used
//!   (`{code,message}`, FastAPI's `{detail}`, execd's `{error}`, plain text);
//! - types reachable from responses are made forward compatible: `additionalProperties:
//!   false` is removed (no `deny_unknown_fields`), named string enums become open enums
//!   (see `open_enum`), inline string enums become plain strings. Request-only types keep
//!   their strictness.

use std::collections::BTreeSet;

use serde_json::{Value, json};

use crate::names::pascal;
use crate::walk::{METHODS, Pointer, visit_schema};

/// An operation left out of generation, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excluded {
    /// The operation's id.
    pub operation_id: String,
    /// HTTP method, upper case.
    pub method: String,
    /// Path template.
    pub path: String,
    /// Why progenitor cannot generate it.
    pub reason: String,
}

/// A named string enum that gets an open (forward-compatible) Rust enum.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenEnum {
    /// Component schema name.
    pub name: String,
    /// Known values, in document order.
    pub values: Vec<String>,
    /// The schema's description, if any.
    pub description: Option<String>,
}

/// What shaping did, for the generator and for the record.
#[derive(Debug, Default)]
pub struct Shaped {
    /// Operations left out.
    pub excluded: Vec<Excluded>,
    /// Named enums to replace with open enums.
    pub open_enums: Vec<OpenEnum>,
}

const GENERATABLE_BODIES: &[&str] = &["application/json", "application/octet-stream"];

/// Applies every shaping rule to a converted (3.0) document.
pub fn shape(doc: &mut Value) -> Result<Shaped, String> {
    let mut shaped = Shaped::default();
    exclude_ungeneratable(doc, &mut shaped.excluded);
    keep_success_responses(doc);
    let reachable = response_reachable(doc);
    let Some(schemas) = doc
        .pointer_mut("/components/schemas")
        .and_then(Value::as_object_mut)
    else {
        return Ok(shaped);
    };
    let mut hoisted = Vec::new();
    for name in &reachable {
        let Some(schema) = schemas.get_mut(name) else {
            return Err(format!("$ref to missing schema {name:?}"));
        };
        hoisted.extend(hoist_inline_enums(name, schema));
    }
    for (name, schema) in hoisted {
        if schemas.contains_key(&name) {
            return Err(format!(
                "hoisting an inline enum would create schema {name:?}, which already exists"
            ));
        }
        shaped.open_enums.extend(as_open_enum(&name, &schema));
        schemas.insert(name, schema);
    }
    for name in &reachable {
        let Some(schema) = schemas.get_mut(name) else {
            return Err(format!("$ref to missing schema {name:?}"));
        };
        if let Some(open) = as_open_enum(name, schema) {
            shaped.open_enums.push(open);
            continue;
        }
        relax(
            schema,
            &Pointer::root()
                .child("components")
                .child("schemas")
                .child(name),
        );
    }
    Ok(shaped)
}

/// The open enum for a named schema, if it is a string enum.
fn as_open_enum(name: &str, schema: &Value) -> Option<OpenEnum> {
    Some(OpenEnum {
        name: name.to_string(),
        values: string_enum_values(schema)?,
        description: schema
            .get("description")
            .and_then(Value::as_str)
            .map(str::to_owned),
    })
}

fn resolve<'a>(doc: &'a Value, v: &'a Value) -> &'a Value {
    match v.get("$ref").and_then(Value::as_str) {
        Some(r) => r
            .strip_prefix('#')
            .and_then(|p| doc.pointer(p))
            .unwrap_or(v),
        None => v,
    }
}

fn exclude_ungeneratable(doc: &mut Value, out: &mut Vec<Excluded>) {
    let snapshot = doc.clone();
    let Some(paths) = doc.get_mut("paths").and_then(Value::as_object_mut) else {
        return;
    };
    for (path, item) in paths.iter_mut() {
        let Some(item) = item.as_object_mut() else {
            continue;
        };
        for m in METHODS {
            let Some(op) = item.get(*m) else {
                continue;
            };
            let Some(body) = op.get("requestBody").map(|b| resolve(&snapshot, b)) else {
                continue;
            };
            let media: Vec<&String> = body
                .get("content")
                .and_then(Value::as_object)
                .map(|c| c.keys().collect())
                .unwrap_or_default();
            if media
                .iter()
                .any(|m| GENERATABLE_BODIES.contains(&m.as_str()))
            {
                continue;
            }
            out.push(Excluded {
                operation_id: op
                    .get("operationId")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_string(),
                method: m.to_ascii_uppercase(),
                path: path.clone(),
                reason: format!(
                    "request body media type {} is not generated",
                    media
                        .iter()
                        .map(|s| s.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            });
            item.remove(*m);
        }
    }
    paths.retain(|_, item| {
        item.as_object()
            .is_some_and(|o| METHODS.iter().any(|m| o.contains_key(*m)))
    });
}

fn keep_success_responses(doc: &mut Value) {
    let Some(paths) = doc.get_mut("paths").and_then(Value::as_object_mut) else {
        return;
    };
    for item in paths.values_mut() {
        for m in METHODS {
            if let Some(responses) = item
                .get_mut(*m)
                .and_then(|o| o.get_mut("responses"))
                .and_then(Value::as_object_mut)
            {
                responses.retain(|code, _| code.starts_with('2'));
                // Any 2xx is success: a server that answers 200 or 201 where the document
                // says 202 (or 204 where it says 200) did what was asked, and a caller that
                // sees an error then repeats it (a second sandbox). One documented success
                // becomes the range `2XX`, so the generated client accepts every 2xx and
                // decodes the body as the documented type.
                if responses.len() == 1
                    && let Some(code) = responses.keys().next().cloned()
                    && code != "2XX"
                    && let Some(r) = responses.remove(&code)
                {
                    responses.insert("2XX".into(), r);
                }
            }
        }
    }
}

/// Names of component schemas reachable from a success response, directly or through
/// other schemas.
pub fn response_reachable(doc: &Value) -> BTreeSet<String> {
    let mut roots = Vec::new();
    if let Some(paths) = doc.get("paths").and_then(Value::as_object) {
        for item in paths.values() {
            for m in METHODS {
                let Some(responses) = item
                    .get(*m)
                    .and_then(|o| o.get("responses"))
                    .and_then(Value::as_object)
                else {
                    continue;
                };
                for (code, r) in responses {
                    if !code.starts_with('2') {
                        continue;
                    }
                    let r = resolve(doc, r);
                    if let Some(content) = r.get("content").and_then(Value::as_object) {
                        roots.extend(content.values().filter_map(|m| m.get("schema")).cloned());
                    }
                }
            }
        }
    }
    let mut seen = BTreeSet::new();
    let mut queue = Vec::new();
    for root in &roots {
        collect_refs(root, &mut queue);
    }
    while let Some(name) = queue.pop() {
        if seen.insert(name.clone())
            && let Some(s) = doc.pointer(&format!(
                "/components/schemas/{}",
                name.replace('~', "~0").replace('/', "~1")
            ))
        {
            collect_refs(s, &mut queue);
        }
    }
    seen
}

fn collect_refs(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(o) => {
            if let Some(name) = o
                .get("$ref")
                .and_then(Value::as_str)
                .and_then(|r| r.strip_prefix("#/components/schemas/"))
            {
                out.push(name.replace("~1", "/").replace("~0", "~"));
            }
            o.values().for_each(|v| collect_refs(v, out));
        }
        Value::Array(a) => a.iter().for_each(|v| collect_refs(v, out)),
        _ => {}
    }
}

fn string_enum_values(schema: &Value) -> Option<Vec<String>> {
    if schema.get("type").and_then(Value::as_str) != Some("string") {
        return None;
    }
    let values = schema.get("enum")?.as_array()?;
    values
        .iter()
        .map(|v| v.as_str().map(str::to_owned))
        .collect()
}

/// Moves the inline string enums of a response schema's properties (and of array
/// properties' items) into named schemas, so they become open enums. The names are the
/// ones the type generator would give them anyway (`{Schema}{Property}`, `…Item` for
/// array items), so the Rust API does not change.
fn hoist_inline_enums(parent: &str, schema: &mut Value) -> Vec<(String, Value)> {
    let mut out = Vec::new();
    let Some(props) = schema.get_mut("properties").and_then(Value::as_object_mut) else {
        return out;
    };
    for (prop, p) in props.iter_mut() {
        let base = format!("{parent}{}", pascal(prop));
        if string_enum_values(p).is_some() {
            out.push((base.clone(), take_enum(p, &base)));
        } else if let Some(items) = p.get_mut("items")
            && string_enum_values(items).is_some()
        {
            let name = format!("{base}Item");
            out.push((name.clone(), take_enum(items, &name)));
        }
    }
    out
}

/// Replaces an inline enum with a `$ref` to `name` (keeping the property's own
/// description and nullability) and returns the enum schema.
fn take_enum(p: &mut Value, name: &str) -> Value {
    let mut enum_schema = serde_json::Map::new();
    let mut rest = serde_json::Map::new();
    if let Some(obj) = p.as_object() {
        for (k, v) in obj {
            match k.as_str() {
                "type" | "enum" | "default" => {
                    enum_schema.insert(k.clone(), v.clone());
                }
                _ => {
                    rest.insert(k.clone(), v.clone());
                }
            }
        }
    }
    let reference = json!({ "$ref": format!("#/components/schemas/{name}") });
    let keeps_constraints = rest
        .keys()
        .any(|k| !matches!(k.as_str(), "description" | "example" | "title"));
    *p = if keeps_constraints {
        rest.insert("allOf".into(), json!([reference]));
        Value::Object(rest)
    } else {
        let mut r = reference.as_object().cloned().unwrap_or_default();
        if let Some(d) = rest.get("description") {
            r.insert("description".into(), d.clone());
        }
        Value::Object(r)
    };
    Value::Object(enum_schema)
}

/// Removes `additionalProperties: false` and inline enums from a response schema (not
/// across `$ref`s: referenced schemas are handled by name).
fn relax(schema: &mut Value, ptr: &Pointer) {
    let _ = visit_schema(schema, ptr, &mut |s, _| -> Result<(), ()> {
        let Some(o) = s.as_object_mut() else {
            return Ok(());
        };
        if o.get("additionalProperties") == Some(&json!(false)) {
            o.remove("additionalProperties");
        }
        if o.get("type").and_then(Value::as_str) == Some("string")
            && let Some(Value::Array(values)) = o.remove("enum")
        {
            let known: Vec<String> = values
                .iter()
                .map(|v| format!("`{}`", v.as_str().unwrap_or_default()))
                .collect();
            let note = format!("Known values: {}.", known.join(", "));
            let description = match o.get("description").and_then(Value::as_str) {
                Some(d) => format!("{}\n\n{note}", d.trim_end()),
                None => note,
            };
            o.insert("description".into(), json!(description));
        }
        Ok(())
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc() -> Value {
        json!({
            "openapi": "3.0.3",
            "paths": {
                "/things": {
                    "get": {"operationId": "list", "responses": {
                        "200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ThingList"}}}},
                        "404": {"description": "no"}
                    }},
                    "post": {"operationId": "create",
                        "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/NewThing"}}}},
                        "responses": {"201": {"description": "ok"}, "default": {"description": "err"}}}
                },
                "/upload": {"post": {"operationId": "upload",
                    "requestBody": {"content": {"multipart/form-data": {"schema": {"type": "object"}}}},
                    "responses": {"200": {"description": "ok"}}}}
            },
            "components": {"schemas": {
                "ThingList": {"type": "object", "additionalProperties": false, "properties": {
                    "items": {"type": "array", "items": {"$ref": "#/components/schemas/Thing"}}}},
                "Thing": {"type": "object", "additionalProperties": false, "properties": {
                    "state": {"$ref": "#/components/schemas/State"},
                    "kind": {"type": "string", "enum": ["a", "b"]},
                    "deep": {"type": "object", "properties": {"mode": {"type": "string", "enum": ["x"]}}}}},
                "State": {"type": "string", "description": "s", "enum": ["On", "Off"]},
                "NewThing": {"type": "object", "additionalProperties": false, "properties": {
                    "kind": {"type": "string", "enum": ["a", "b"]}}}
            }}
        })
    }

    #[test]
    fn multipart_operations_are_excluded_and_recorded() {
        let mut d = doc();
        let s = shape(&mut d).unwrap();
        assert_eq!(s.excluded.len(), 1);
        assert_eq!(s.excluded[0].operation_id, "upload");
        assert_eq!(s.excluded[0].method, "POST");
        assert!(d["paths"].get("/upload").is_none());
    }

    #[test]
    fn only_success_responses_remain() {
        let mut d = doc();
        shape(&mut d).unwrap();
        let get = d["paths"]["/things"]["get"]["responses"]
            .as_object()
            .unwrap();
        assert_eq!(get.keys().collect::<Vec<_>>(), ["2XX"]);
        let post = d["paths"]["/things"]["post"]["responses"]
            .as_object()
            .unwrap();
        assert_eq!(post.keys().collect::<Vec<_>>(), ["2XX"]);
    }

    #[test]
    fn response_types_relax_and_request_types_stay_strict() {
        let mut d = doc();
        let s = shape(&mut d).unwrap();
        let schemas = &d["components"]["schemas"];
        assert!(schemas["ThingList"].get("additionalProperties").is_none());
        assert!(schemas["Thing"].get("additionalProperties").is_none());
        assert_eq!(
            schemas["Thing"]["properties"]["kind"],
            json!({"$ref": "#/components/schemas/ThingKind"})
        );
        assert_eq!(
            schemas["ThingKind"],
            json!({"type": "string", "enum": ["a", "b"]})
        );
        assert!(
            schemas["Thing"]["properties"]["deep"]["properties"]["mode"]
                .get("enum")
                .is_none()
        );
        assert!(
            schemas["Thing"]["properties"]["deep"]["properties"]["mode"]["description"]
                .as_str()
                .unwrap()
                .contains("`x`")
        );
        assert_eq!(schemas["NewThing"]["additionalProperties"], json!(false));
        assert_eq!(
            schemas["NewThing"]["properties"]["kind"]["enum"],
            json!(["a", "b"])
        );
        assert_eq!(
            s.open_enums,
            vec![
                OpenEnum {
                    name: "ThingKind".into(),
                    values: vec!["a".into(), "b".into()],
                    description: None
                },
                OpenEnum {
                    name: "State".into(),
                    values: vec!["On".into(), "Off".into()],
                    description: Some("s".into())
                },
            ]
        );
    }
}
