//! The operation table of a generated crate: one `opensandbox_hooks::Operation` per
//! operation of the spec (generated or not), with idempotency by HTTP method unless
//! `specs/overlays/idempotency.yaml` says otherwise, and the lookup the client's hook
//! uses to find a request's operation.

use std::collections::{BTreeMap, BTreeSet};

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use serde_json::Value;

use crate::names::snake;
use crate::opid::parse_key;
use crate::walk::METHODS;

/// The idempotency overlay, relative to `specs/`.
pub const OVERLAY: &str = "overlays/idempotency.yaml";

/// `(lower-case method, path)` → idempotent.
pub type Overlay = BTreeMap<(String, String), bool>;

/// One operation of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Op {
    /// The operationId.
    pub id: String,
    /// Lower-case HTTP method.
    pub method: String,
    /// Path template.
    pub path: String,
    /// Whether repeating it is harmless.
    pub idempotent: bool,
    /// Whether a success answer is a byte stream rather than JSON.
    pub streamed: bool,
}

/// Parses the overlay: a YAML map from `"METHOD /path"` to `true` or `false`.
pub fn parse_overlay(text: &str) -> Result<Overlay, String> {
    const TABLE: &str = "idempotency overlay";
    let value: Value = serde_yaml::from_str(text).map_err(|e| format!("{TABLE}: {e}"))?;
    let mut out = BTreeMap::new();
    let Some(map) = value.as_object() else {
        if value.is_null() {
            return Ok(out);
        }
        return Err(format!(
            "{TABLE}: expected a map of \"METHOD /path\": true|false"
        ));
    };
    for (key, v) in map {
        let flag = v
            .as_bool()
            .ok_or_else(|| format!("{TABLE}: value for {key:?} is not true or false"))?;
        out.insert(parse_key(TABLE, key)?, flag);
    }
    Ok(out)
}

/// Whether `method` (lower case) is idempotent by HTTP semantics.
fn idempotent_method(method: &str) -> bool {
    matches!(method, "get" | "head" | "put" | "delete" | "options")
}

/// Whether a media type is JSON.
fn is_json(media: &str) -> bool {
    let media = media.split(';').next().unwrap_or("").trim();
    media == "application/json" || media.ends_with("+json")
}

/// Every operation of `doc` (after operationIds are assigned), in document order.
pub fn collect(doc: &Value, overlay: &Overlay) -> Vec<Op> {
    let mut out = Vec::new();
    let Some(paths) = doc.get("paths").and_then(Value::as_object) else {
        return out;
    };
    for (path, item) in paths {
        for m in METHODS {
            let Some(op) = item.get(*m) else { continue };
            let Some(id) = op.get("operationId").and_then(Value::as_str) else {
                continue;
            };
            let streamed = op
                .get("responses")
                .and_then(Value::as_object)
                .into_iter()
                .flatten()
                .filter(|(code, _)| code.starts_with('2'))
                .filter_map(|(_, r)| r.get("content").and_then(Value::as_object))
                .any(|content| !content.is_empty() && !content.keys().any(|k| is_json(k)));
            let idempotent = overlay
                .get(&(m.to_string(), path.clone()))
                .copied()
                .unwrap_or_else(|| idempotent_method(m));
            out.push(Op {
                id: id.to_string(),
                method: m.to_string(),
                path: path.clone(),
                idempotent,
                streamed,
            });
        }
    }
    out
}

/// Fails when the overlay names an operation none of the documents has.
pub fn check_known<'a>(
    overlay: &Overlay,
    known: impl IntoIterator<Item = &'a Op>,
) -> Result<(), String> {
    let known: BTreeSet<(&str, &str)> = known
        .into_iter()
        .map(|o| (o.method.as_str(), o.path.as_str()))
        .collect();
    let unknown: Vec<String> = overlay
        .keys()
        .filter(|(m, p)| !known.contains(&(m.as_str(), p.as_str())))
        .map(|(m, p)| format!("{} {p}", m.to_ascii_uppercase()))
        .collect();
    if unknown.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "specs/{OVERLAY} names operations the specs do not have: {}",
            unknown.join(", ")
        ))
    }
}

/// The names progenitor gave the operations it generated (`OperationInfo::operation_id`
/// in the generated code). Reads `file` only.
pub fn generated_names(file: &mut syn::File) -> BTreeSet<String> {
    use syn::visit_mut::VisitMut;
    struct Names(BTreeSet<String>);
    impl VisitMut for Names {
        fn visit_expr_struct_mut(&mut self, e: &mut syn::ExprStruct) {
            if e.path.is_ident("OperationInfo") {
                for field in &e.fields {
                    if let (syn::Member::Named(n), syn::Expr::Lit(lit)) =
                        (&field.member, &field.expr)
                        && n == "operation_id"
                        && let syn::Lit::Str(s) = &lit.lit
                    {
                        self.0.insert(s.value());
                    }
                }
            }
            syn::visit_mut::visit_expr_struct_mut(self, e);
        }
    }
    let mut names = Names(BTreeSet::new());
    names.visit_file_mut(file);
    names.0
}

/// The `operations` module: one `static` per operation, `OPERATIONS` and `operation`.
/// Fails when progenitor generated a method no operation of the table is named after,
/// so the table and the client cannot drift apart.
pub fn items(ops: &[Op], generated: &BTreeSet<String>) -> Result<TokenStream, String> {
    let names: BTreeSet<String> = ops.iter().map(|o| snake(&o.id)).collect();
    if let Some(stray) = generated.iter().find(|g| !names.contains(*g)) {
        return Err(format!(
            "progenitor generated `{stray}`, which no operation of the table is named after"
        ));
    }
    let mut statics = Vec::new();
    let mut refs = Vec::new();
    let mut arms = Vec::new();
    for op in ops {
        let name = snake(&op.id);
        let ident = format_ident!("{}", name.to_ascii_uppercase());
        let method = format_ident!("{}", op.method.to_ascii_uppercase());
        let (id, path, idempotent, streamed) = (&op.id, &op.path, op.idempotent, op.streamed);
        let doc = format!(
            "`{id}`: `{} {path}`{}.",
            op.method.to_ascii_uppercase(),
            if idempotent { ", idempotent" } else { "" }
        );
        statics.push(quote! {
            #[doc = #doc]
            pub static #ident: Operation = Operation::new(
                #id, #name, ::http::Method::#method, #path, #idempotent, #streamed,
            );
        });
        refs.push(quote!(&#ident));
        arms.push(if *id == name {
            quote!(#id => ::std::option::Option::Some(&#ident),)
        } else {
            quote!(#id | #name => ::std::option::Option::Some(&#ident),)
        });
    }
    Ok(quote! {
        /// Every operation of the spec (those in [`NOT_GENERATED`] included): its
        /// operationId, generated method name, method, path and whether repeating it is
        /// harmless.
        pub mod operations {
            use crate::hooks::Operation;

            #(#statics)*

            /// Every operation, in the order of the spec.
            pub static OPERATIONS: &[&Operation] = &[#(#refs),*];

            /// The operation with this operationId (`getSandbox`) or generated method
            /// name (`get_sandbox`).
            pub fn operation(key: &str) -> ::std::option::Option<&'static Operation> {
                match key {
                    #(#arms)*
                    _ => ::std::option::Option::None,
                }
            }
        }

        pub use operations::{OPERATIONS, operation};
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn doc() -> Value {
        json!({"paths": {
            "/a": {
                "get": {"operationId": "getA"},
                "post": {"operationId": "createA", "responses": {
                    "200": {"content": {"application/json": {}}}}},
            },
            "/a/{id}/pause": {"post": {"operationId": "pauseA"}},
            "/a/{id}/logs": {"get": {"operationId": "aLogs", "responses": {
                "200": {"content": {"text/plain": {}}}}}},
        }})
    }

    #[test]
    fn idempotency_is_by_method_unless_the_overlay_says_otherwise() {
        let overlay = parse_overlay("POST /a/{id}/pause: true\nGET /a: false\n").unwrap();
        let ops = collect(&doc(), &overlay);
        let by_id = |id: &str| ops.iter().find(|o| o.id == id).unwrap().clone();
        assert!(by_id("pauseA").idempotent);
        assert!(!by_id("createA").idempotent);
        assert!(!by_id("getA").idempotent);
        assert!(by_id("aLogs").idempotent);
        assert!(by_id("aLogs").streamed);
        assert!(!by_id("createA").streamed);
        check_known(&overlay, &ops).unwrap();
    }

    #[test]
    fn an_overlay_naming_an_unknown_operation_is_an_error() {
        let overlay = parse_overlay("POST /a/{id}/pause: true\nPOST /nowhere: true\n").unwrap();
        let ops = collect(&doc(), &overlay);
        let e = check_known(&overlay, &ops).unwrap_err();
        assert!(e.contains("POST /nowhere"), "{e}");
        assert!(!e.contains("/pause"), "{e}");
    }

    #[test]
    fn malformed_overlays_are_errors() {
        assert!(parse_overlay("POST /a: yes please").is_err());
        assert!(parse_overlay("FETCH /a: true").is_err());
        assert!(parse_overlay("/a: true").is_err());
        assert!(parse_overlay("[1]").is_err());
        assert!(parse_overlay("").unwrap().is_empty());
    }

    #[test]
    fn a_generated_method_outside_the_table_is_an_error() {
        let ops = collect(&doc(), &Overlay::new());
        let mut generated: BTreeSet<String> = ["get_a", "create_a"].map(String::from).into();
        items(&ops, &generated).unwrap();
        generated.insert("invented".into());
        let e = items(&ops, &generated).unwrap_err();
        assert!(e.contains("invented"), "{e}");
    }
}
