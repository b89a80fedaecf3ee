//! Secret fields: properties marked `x-opensandbox-secret: true` (in the specs or their
//! overlays) get generated types whose `Debug` prints `***` for them, in the types and in
//! their builders; maps marked `x-opensandbox-secret: values` (environment variables,
//! headers) print their keys with `***` for every value. Nothing else about the types
//! changes.

use std::collections::{BTreeMap, BTreeSet};

use quote::{format_ident, quote};
use serde_json::Value;

use crate::names::{pascal, snake};

/// The extension that marks a property as secret.
pub const EXTENSION: &str = "x-opensandbox-secret";

/// How much of a field is secret.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Secret {
    /// The whole value (`x-opensandbox-secret: true`): printed as `***`.
    Whole,
    /// A map's values (`x-opensandbox-secret: values`): its keys are printed.
    Values,
}

/// Generated type name → Rust field names that hold secrets, and how.
pub type SecretFields = BTreeMap<String, BTreeMap<String, Secret>>;

/// Collects marked properties of component schemas, and of the inline objects their
/// properties hold (typify names those `{Schema}{Property}`).
pub fn collect(doc: &Value) -> SecretFields {
    let mut out = SecretFields::new();
    let Some(schemas) = doc
        .pointer("/components/schemas")
        .and_then(Value::as_object)
    else {
        return out;
    };
    for (name, schema) in schemas {
        collect_object(name, schema, &mut out);
        if let Some(props) = schema.get("properties").and_then(Value::as_object) {
            for (prop, p) in props {
                if p.get("properties").is_some() {
                    collect_object(&format!("{name}{}", pascal(prop)), p, &mut out);
                }
            }
        }
    }
    out
}

fn collect_object(type_name: &str, schema: &Value, out: &mut SecretFields) {
    let Some(props) = schema.get("properties").and_then(Value::as_object) else {
        return;
    };
    for (prop, p) in props {
        let kind = match p.get(EXTENSION) {
            Some(Value::Bool(true)) => Secret::Whole,
            Some(Value::String(v)) if v == "values" => Secret::Values,
            _ => continue,
        };
        out.entry(type_name.to_string())
            .or_default()
            .insert(snake(prop), kind);
    }
}

/// Replaces the derived `Debug` of every struct named in `secrets` (in `items` and in
/// nested modules such as `builder`; names compared without case) with one that hides
/// the secret fields. Returns the schema names it patched.
pub fn patch(items: &mut Vec<syn::Item>, secrets: &SecretFields) -> BTreeSet<String> {
    replace_debug(items, &|s| {
        // Typify may respell a schema's name (`OSSFS` becomes `Ossfs`).
        let name = s.ident.to_string();
        let (schema, fields) = secrets
            .iter()
            .find(|(schema, _)| schema.eq_ignore_ascii_case(&name))?;
        Some((schema.clone(), debug_impl(s, fields)))
    })
}

/// Newtypes typify makes for constrained secret strings (`{Type}{Field}`, e.g.
/// `OssfsAccessKeySecret` for `OSSFS.accessKeySecret` with a `minLength`): their derived
/// `Debug` is replaced by one that prints `***`, so the value cannot show on its own.
/// A secret field without such a newtype is fine. Returns the newtypes patched.
pub fn patch_newtypes(items: &mut Vec<syn::Item>, secrets: &SecretFields) -> BTreeSet<String> {
    let names: Vec<String> = secrets
        .iter()
        .flat_map(|(ty, fields)| {
            fields
                .iter()
                .filter(|(_, kind)| **kind == Secret::Whole)
                .map(move |(field, _)| format!("{ty}{}", pascal(field)))
        })
        .collect();
    replace_debug(items, &|s| {
        let label = s.ident.to_string();
        if !matches!(s.fields, syn::Fields::Unnamed(_))
            || !names.iter().any(|n| n.eq_ignore_ascii_case(&label))
        {
            return None;
        }
        let name = &s.ident;
        let imp = syn::parse_quote! {
            impl ::std::fmt::Debug for #name {
                fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                    f.debug_tuple(#label).field(&"***").finish()
                }
            }
        };
        Some((label, imp))
    })
}

/// The walk both patches share: for every struct in `items` and nested modules that
/// `replace` answers for with `(label, impl)`, and whose `Debug` is derived, drops the
/// derive and appends the impl. Returns the labels of the structs replaced.
fn replace_debug(
    items: &mut Vec<syn::Item>,
    replace: &dyn Fn(&syn::ItemStruct) -> Option<(String, syn::Item)>,
) -> BTreeSet<String> {
    let mut patched = BTreeSet::new();
    let mut impls = Vec::new();
    for item in items.iter_mut() {
        match item {
            syn::Item::Struct(s) => {
                if let Some((label, imp)) = replace(s)
                    && remove_derived_debug(&mut s.attrs)
                {
                    impls.push(imp);
                    patched.insert(label);
                }
            }
            syn::Item::Mod(m) => {
                if let Some((_, content)) = m.content.as_mut() {
                    patched.extend(replace_debug(content, replace));
                }
            }
            _ => {}
        }
    }
    items.extend(impls);
    patched
}

/// Drops `Debug` from `#[derive(…)]`; whether it was there.
fn remove_derived_debug(attrs: &mut [syn::Attribute]) -> bool {
    let mut found = false;
    for attr in attrs.iter_mut() {
        if !attr.path().is_ident("derive") {
            continue;
        }
        let Ok(paths) = attr.parse_args_with(
            syn::punctuated::Punctuated::<syn::Path, syn::Token![,]>::parse_terminated,
        ) else {
            continue;
        };
        let kept: Vec<&syn::Path> = paths
            .iter()
            .filter(|p| p.segments.last().is_none_or(|s| s.ident != "Debug"))
            .collect();
        if kept.len() != paths.len() {
            found = true;
            *attr = syn::parse_quote!(#[derive(#(#kept),*)]);
        }
    }
    found
}

fn debug_impl(s: &syn::ItemStruct, secret: &BTreeMap<String, Secret>) -> syn::Item {
    let name = &s.ident;
    let label = name.to_string();
    let fields = s
        .fields
        .iter()
        .filter_map(|f| f.ident.as_ref())
        .map(|ident| {
            let shown = ident.to_string();
            let shown = shown.trim_start_matches("r#");
            let id = format_ident!("{}", ident);
            match secret
                .get(shown.trim_end_matches('_'))
                .or_else(|| secret.get(shown))
            {
                Some(Secret::Whole) => quote!(.field(#shown, &"***")),
                Some(Secret::Values) => {
                    quote!(.field(#shown, &crate::redact::KeysOnly(&self.#id)))
                }
                None => quote!(.field(#shown, &self.#id)),
            }
        });
    syn::parse_quote! {
        impl ::std::fmt::Debug for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct(#label) #(#fields)* .finish()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn marked_properties_are_collected_with_inline_objects() {
        let doc = json!({"components": {"schemas": {
            "Source": {"properties": {
                "value": {"type": "string", "x-opensandbox-secret": true},
                "type": {}
            }},
            "Image": {"properties": {"auth": {"type": "object", "properties": {
                "password": {"type": "string", "x-opensandbox-secret": true},
                "userName": {}
            }}}},
            "Request": {"properties": {"env": {"type": "object", "x-opensandbox-secret": "values"}}}
        }}});
        let found = collect(&doc);
        assert_eq!(
            found["Source"],
            BTreeMap::from([("value".to_string(), Secret::Whole)])
        );
        assert_eq!(
            found["ImageAuth"],
            BTreeMap::from([("password".to_string(), Secret::Whole)])
        );
        assert_eq!(found["Request"]["env"], Secret::Values);
        assert_eq!(found.len(), 3);
    }

    #[test]
    fn debug_is_replaced_in_types_and_builders() {
        let mut file: syn::File = syn::parse_quote! {
            #[derive(Clone, Debug, PartialEq)]
            pub struct Source { pub type_: String, pub value: String }
            #[derive(Clone, Debug)]
            pub struct Other { pub value: String }
            pub mod builder {
                #[derive(Clone, Debug)]
                pub struct Source { type_: Result<String, String>, value: Result<String, String> }
            }
        };
        let secrets = SecretFields::from([(
            "Source".to_string(),
            BTreeMap::from([("value".to_string(), Secret::Whole)]),
        )]);
        let patched = patch(&mut file.items, &secrets);
        assert_eq!(patched, BTreeSet::from(["Source".to_string()]));
        let text = quote!(#file).to_string();
        assert!(text.contains("derive (Clone , PartialEq)"), "{text}");
        assert!(
            text.contains("derive (Clone , Debug)"),
            "Other keeps its derive: {text}"
        );
        assert_eq!(
            text.matches("impl :: std :: fmt :: Debug for Source")
                .count(),
            2,
            "{text}"
        );
        assert!(text.contains(". field (\"value\" , & \"***\")"), "{text}");
        assert!(
            text.contains(". field (\"type_\" , & self . type_)"),
            "{text}"
        );
    }
}
