//! Walking an OpenAPI document: JSON pointers and a visitor over every schema.

use serde_json::Value;

/// A JSON pointer (RFC 6901) under construction.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Pointer(Vec<String>);

impl Pointer {
    /// The document root.
    pub fn root() -> Self {
        Self::default()
    }

    /// This pointer extended by one reference token.
    pub fn child(&self, token: &str) -> Self {
        let mut tokens = self.0.clone();
        tokens.push(token.to_string());
        Self(tokens)
    }
}

impl std::fmt::Display for Pointer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for t in &self.0 {
            write!(f, "/{}", t.replace('~', "~0").replace('/', "~1"))?;
        }
        Ok(())
    }
}

/// HTTP methods an OpenAPI path item can hold.
pub const METHODS: &[&str] = &[
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// Calls `f` on every schema of the document, parents before children. `f` may rewrite
/// the node; the walker then descends into the rewritten node.
pub fn visit_document_schemas<E>(
    doc: &mut Value,
    f: &mut dyn FnMut(&mut Value, &Pointer) -> Result<(), E>,
) -> Result<(), E> {
    let root = Pointer::root();
    if let Some(paths) = doc.get_mut("paths").and_then(Value::as_object_mut) {
        let pp = root.child("paths");
        for (path, item) in paths.iter_mut() {
            let ip = pp.child(path);
            visit_parameters(item, &ip, f)?;
            for m in METHODS {
                if let Some(op) = item.get_mut(*m) {
                    let op_ptr = ip.child(m);
                    visit_parameters(op, &op_ptr, f)?;
                    if let Some(body) = op.get_mut("requestBody") {
                        visit_content(body, &op_ptr.child("requestBody"), f)?;
                    }
                    if let Some(responses) = op.get_mut("responses").and_then(Value::as_object_mut)
                    {
                        for (code, r) in responses.iter_mut() {
                            visit_response(r, &op_ptr.child("responses").child(code), f)?;
                        }
                    }
                }
            }
        }
    }
    if let Some(components) = doc.get_mut("components").and_then(Value::as_object_mut) {
        let cp = root.child("components");
        if let Some(schemas) = components.get_mut("schemas").and_then(Value::as_object_mut) {
            for (name, s) in schemas.iter_mut() {
                visit_schema(s, &cp.child("schemas").child(name), f)?;
            }
        }
        if let Some(params) = components
            .get_mut("parameters")
            .and_then(Value::as_object_mut)
        {
            for (name, p) in params.iter_mut() {
                visit_parameter(p, &cp.child("parameters").child(name), f)?;
            }
        }
        if let Some(responses) = components
            .get_mut("responses")
            .and_then(Value::as_object_mut)
        {
            for (name, r) in responses.iter_mut() {
                visit_response(r, &cp.child("responses").child(name), f)?;
            }
        }
        if let Some(bodies) = components
            .get_mut("requestBodies")
            .and_then(Value::as_object_mut)
        {
            for (name, b) in bodies.iter_mut() {
                visit_content(b, &cp.child("requestBodies").child(name), f)?;
            }
        }
        if let Some(headers) = components.get_mut("headers").and_then(Value::as_object_mut) {
            for (name, h) in headers.iter_mut() {
                visit_parameter(h, &cp.child("headers").child(name), f)?;
            }
        }
    }
    Ok(())
}

fn visit_parameters<E>(
    holder: &mut Value,
    ptr: &Pointer,
    f: &mut dyn FnMut(&mut Value, &Pointer) -> Result<(), E>,
) -> Result<(), E> {
    if let Some(params) = holder.get_mut("parameters").and_then(Value::as_array_mut) {
        for (i, p) in params.iter_mut().enumerate() {
            visit_parameter(p, &ptr.child("parameters").child(&i.to_string()), f)?;
        }
    }
    Ok(())
}

fn visit_parameter<E>(
    p: &mut Value,
    ptr: &Pointer,
    f: &mut dyn FnMut(&mut Value, &Pointer) -> Result<(), E>,
) -> Result<(), E> {
    if let Some(s) = p.get_mut("schema") {
        visit_schema(s, &ptr.child("schema"), f)?;
    }
    visit_content(p, ptr, f)
}

fn visit_response<E>(
    r: &mut Value,
    ptr: &Pointer,
    f: &mut dyn FnMut(&mut Value, &Pointer) -> Result<(), E>,
) -> Result<(), E> {
    visit_content(r, ptr, f)?;
    if let Some(headers) = r.get_mut("headers").and_then(Value::as_object_mut) {
        for (name, h) in headers.iter_mut() {
            visit_parameter(h, &ptr.child("headers").child(name), f)?;
        }
    }
    Ok(())
}

fn visit_content<E>(
    holder: &mut Value,
    ptr: &Pointer,
    f: &mut dyn FnMut(&mut Value, &Pointer) -> Result<(), E>,
) -> Result<(), E> {
    if let Some(content) = holder.get_mut("content").and_then(Value::as_object_mut) {
        for (media, m) in content.iter_mut() {
            if let Some(s) = m.get_mut("schema") {
                visit_schema(s, &ptr.child("content").child(media).child("schema"), f)?;
            }
        }
    }
    Ok(())
}

/// Visits a schema and, recursively, every subschema it holds.
pub fn visit_schema<E>(
    s: &mut Value,
    ptr: &Pointer,
    f: &mut dyn FnMut(&mut Value, &Pointer) -> Result<(), E>,
) -> Result<(), E> {
    f(s, ptr)?;
    let Some(obj) = s.as_object_mut() else {
        return Ok(());
    };
    if let Some(props) = obj.get_mut("properties").and_then(Value::as_object_mut) {
        for (name, p) in props.iter_mut() {
            visit_schema(p, &ptr.child("properties").child(name), f)?;
        }
    }
    for key in ["items", "additionalProperties", "not"] {
        if let Some(sub) = obj.get_mut(key)
            && sub.is_object()
        {
            visit_schema(sub, &ptr.child(key), f)?;
        }
    }
    for key in ["allOf", "anyOf", "oneOf"] {
        if let Some(list) = obj.get_mut(key).and_then(Value::as_array_mut) {
            for (i, sub) in list.iter_mut().enumerate() {
                visit_schema(sub, &ptr.child(key).child(&i.to_string()), f)?;
            }
        }
    }
    Ok(())
}
