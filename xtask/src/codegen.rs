//! `cargo xtask codegen [--check]`: specs → converted 3.0 document → progenitor →
//! `crates/*/src/generated.rs`.

use std::path::{Path, PathBuf};

use progenitor_impl::{GenerationSettings, Generator, InterfaceStyle, TagStyle, TypeImpl};
use quote::quote;
use serde_json::Value;

use crate::{compat, convert, open_enum, operations, opid, redact, spec};

/// One generated crate and the spec documents it is generated from.
pub struct Target {
    /// Crate folder, relative to the workspace root.
    pub dir: &'static str,
    /// Spec files under `specs/`, merged in this order.
    pub specs: &'static [&'static str],
}

/// Every generated crate. Diagnostics share the lifecycle server, base path and key, so
/// they fold into the lifecycle crate.
pub const TARGETS: &[Target] = &[
    Target {
        dir: "crates/opensandbox-lifecycle-api",
        specs: &["sandbox-lifecycle.yml", "diagnostic-api.yml"],
    },
    Target {
        dir: "crates/opensandbox-execd-api",
        specs: &["execd-api.yaml"],
    },
    Target {
        dir: "crates/opensandbox-egress-api",
        specs: &["egress-api.yaml"],
    },
];

/// The generated crate's file name for the generated code.
pub const GENERATED_RS: &str = "src/generated.rs";
/// The generated crate's file name for the converted document.
pub const CONVERTED_DOC: &str = "openapi-3.0.json";

/// The outputs for one target.
pub struct Output {
    /// Text of `src/generated.rs`.
    pub generated: String,
    /// Text of the converted 3.0 document.
    pub converted: String,
    /// The operations of the target's documents.
    pub ops: Vec<operations::Op>,
}

/// What [`prepare`] makes of a target's documents.
pub struct Prepared {
    /// The converted, shaped 3.0 document.
    pub doc: Value,
    /// What shaping left out and replaced.
    pub shaped: compat::Shaped,
    /// Fields whose values are secret.
    pub secrets: redact::SecretFields,
    /// Every operation, with its idempotency (before shaping leaves any out).
    pub ops: Vec<operations::Op>,
}

/// Reads `specs/overlays/idempotency.yaml` (an absent file is an empty table).
pub fn load_idempotency(root: &Path) -> Result<operations::Overlay, String> {
    let path = root.join("specs").join(operations::OVERLAY);
    match std::fs::read_to_string(&path) {
        Ok(text) => operations::parse_overlay(&text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Default::default()),
        Err(e) => Err(format!("reading {}: {e}", path.display())),
    }
}

/// Loads, overlays, merges, converts and shapes the documents of a target.
pub fn prepare(root: &Path, target: &Target) -> Result<Prepared, String> {
    let specs_dir = root.join("specs");
    let mut merged: Option<Value> = None;
    for name in target.specs {
        let mut doc = spec::load(&specs_dir.join(name))?;
        let overlay = specs_dir.join("overlays").join(name);
        if overlay.exists() {
            spec::apply_overlay(&mut doc, &spec::load(&overlay)?);
        }
        match &mut merged {
            None => merged = Some(doc),
            Some(base) => spec::merge_document(base, &doc, name)?,
        }
    }
    let mut doc = merged.ok_or("a target with no spec")?;
    let secrets = redact::collect(&doc);
    convert::convert_document(&mut doc)
        .map_err(|e| format!("{}: {e}", target.specs.join(" + ")))?;
    let overrides_path = specs_dir.join("overlays").join("operation-ids.yaml");
    let overrides = match std::fs::read_to_string(&overrides_path) {
        Ok(text) => opid::parse_overrides(&text)?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Default::default(),
        Err(e) => return Err(format!("reading {}: {e}", overrides_path.display())),
    };
    opid::assign(&mut doc, &overrides)?;
    let ops = operations::collect(&doc, &load_idempotency(root)?);
    let shaped = compat::shape(&mut doc)?;
    Ok(Prepared {
        doc,
        shaped,
        secrets,
        ops,
    })
}

/// Produces the outputs for a target.
pub fn generate(root: &Path, target: &Target) -> Result<Output, String> {
    let Prepared {
        doc,
        shaped,
        secrets,
        ops,
    } = prepare(root, target)?;
    let converted = serde_json::to_string_pretty(&doc).map_err(|e| e.to_string())? + "\n";
    let api: openapiv3::OpenAPI = serde_json::from_value(doc)
        .map_err(|e| format!("converted document does not parse as OpenAPI 3.0: {e}"))?;

    let mut settings = GenerationSettings::default();
    settings
        .with_interface(InterfaceStyle::Builder)
        .with_tag(TagStyle::Merged)
        .with_inner_type(quote!(crate::hooks::RequestOptions))
        .with_pre_hook(quote!(crate::hooks::apply));
    for e in &shaped.open_enums {
        settings.with_replacement(
            &e.name,
            format!("crate::types::{}", e.name),
            [TypeImpl::Display, TypeImpl::FromStr].into_iter(),
        );
    }
    let tokens = run_progenitor(&settings, &api)?;

    let mut file: syn::File =
        syn::parse2(tokens).map_err(|e| format!("progenitor output does not parse: {e}"))?;
    let mut extra_types = Vec::new();
    for e in &shaped.open_enums {
        let items: syn::File = syn::parse2(open_enum::generate(e)?).map_err(|e| e.to_string())?;
        extra_types.extend(items.items);
    }
    patch_types_module(&mut file, extra_types)?;
    route_exec_through_hooks(&mut file)?;
    let patched = redact::patch(&mut file.items, &secrets);
    redact::patch_newtypes(&mut file.items, &secrets);
    if let Some(missing) = secrets.keys().find(|name| !patched.contains(*name)) {
        return Err(format!(
            "{missing} has fields marked {}, but no generated type of that name derives Debug",
            redact::EXTENSION
        ));
    }
    let table = operations::items(&ops, &operations::generated_names(&mut file))?;
    let support: syn::File =
        syn::parse2(support_items(&shaped.excluded, table)).map_err(|e| e.to_string())?;
    file.items.extend(support.items);

    let sources = target
        .specs
        .iter()
        .map(|s| format!("specs/{s}"))
        .collect::<Vec<_>>()
        .join(" + ");
    let generated = format!(
        "// @generated from {sources} by `cargo xtask codegen`. Do not edit: change the specs or xtask and regenerate.\n\n{}",
        prettyplease::unparse(&file)
    );
    Ok(Output {
        generated,
        converted,
        ops,
    })
}

/// Runs progenitor, turning its panics into errors.
fn run_progenitor(
    settings: &GenerationSettings,
    api: &openapiv3::OpenAPI,
) -> Result<proc_macro2::TokenStream, String> {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        Generator::new(settings).generate_tokens(api)
    }));
    std::panic::set_hook(previous);
    match result {
        Ok(Ok(tokens)) => Ok(tokens),
        Ok(Err(e)) => Err(format!("progenitor: {e}")),
        Err(panic) => {
            let msg = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_else(|| "unknown panic".into());
            Err(format!("progenitor panicked: {msg}"))
        }
    }
}

/// Adds the open enums to `mod types`, and a `schemars::JsonSchema` derive behind the
/// `schemars` feature to every type that derives a serde trait.
fn patch_types_module(file: &mut syn::File, extra: Vec<syn::Item>) -> Result<(), String> {
    let types = file
        .items
        .iter_mut()
        .find_map(|item| match item {
            syn::Item::Mod(m) if m.ident == "types" => Some(m),
            _ => None,
        })
        .ok_or("progenitor output has no `types` module")?;
    let content = &mut types
        .content
        .as_mut()
        .ok_or("`types` module has no body")?
        .1;
    let schemars_attr: syn::Attribute =
        syn::parse_quote!(#[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]);
    for item in content.iter_mut() {
        let attrs = match item {
            syn::Item::Struct(s) => &mut s.attrs,
            syn::Item::Enum(e) => &mut e.attrs,
            _ => continue,
        };
        let derives_serde = attrs.iter().any(|a| {
            a.path().is_ident("derive") && {
                let text = quote!(#a).to_string();
                text.contains("Serialize") || text.contains("Deserialize")
            }
        });
        if derives_serde {
            attrs.push(schemars_attr.clone());
        }
    }
    content.extend(extra);
    Ok(())
}

/// Makes the client's empty `ClientHooks` impl send through `crate::hooks::exec` with the
/// request's operation from the table (the executor retries and traces by it; without
/// one, response bodies are read through the configured size limit).
fn route_exec_through_hooks(file: &mut syn::File) -> Result<(), String> {
    for item in &mut file.items {
        if let syn::Item::Impl(imp) = item
            && imp
                .trait_
                .as_ref()
                .and_then(|(path, _)| path.segments.last())
                .is_some_and(|s| s.ident == "ClientHooks")
            && imp.items.is_empty()
        {
            imp.items.push(syn::parse_quote! {
                async fn exec(
                    &self,
                    request: reqwest::Request,
                    info: &OperationInfo,
                ) -> reqwest::Result<reqwest::Response> {
                    crate::hooks::exec(
                        ClientInfo::client(*self),
                        ClientInfo::inner(*self),
                        crate::operations::operation(info.operation_id),
                        request,
                    )
                    .await
                }
            });
            return Ok(());
        }
    }
    Err("progenitor output has no empty ClientHooks impl to route through hooks::exec".into())
}

/// Items every generated crate carries beside progenitor's output.
fn support_items(
    excluded: &[compat::Excluded],
    table: proc_macro2::TokenStream,
) -> proc_macro2::TokenStream {
    let rows = excluded.iter().map(|e| {
        let (id, method, path) = (&e.operation_id, &e.method, &e.path);
        quote!((#id, #method, #path))
    });
    quote! {
        /// Operations of the spec that are not generated (their request bodies are not
        /// JSON); the `opensandbox` facade implements them by hand.
        /// Each entry is `(operationId, method, path)`.
        pub const NOT_GENERATED: &[(&str, &str, &str)] = &[#(#rows),*];

        /// `Debug` for fields whose values may be secret (maps marked
        /// `x-opensandbox-secret: values`).
        pub mod redact {
            /// Prints a map's keys, each with `***` for its value.
            pub struct KeysOnly<'a, T: ?Sized>(pub &'a T);

            /// A map, possibly inside an `Option` or a builder's `Result`.
            pub trait MapKeys {
                /// The keys, sorted; `None` when there is no map.
                fn sorted_keys(&self) -> ::std::option::Option<::std::vec::Vec<&str>>;
            }

            impl<V> MapKeys for ::std::collections::HashMap<::std::string::String, V> {
                fn sorted_keys(&self) -> ::std::option::Option<::std::vec::Vec<&str>> {
                    let mut keys: ::std::vec::Vec<&str> = self.keys().map(|k| k.as_str()).collect();
                    keys.sort_unstable();
                    ::std::option::Option::Some(keys)
                }
            }

            impl<T: MapKeys> MapKeys for ::std::option::Option<T> {
                fn sorted_keys(&self) -> ::std::option::Option<::std::vec::Vec<&str>> {
                    self.as_ref().and_then(MapKeys::sorted_keys)
                }
            }

            impl<T: MapKeys, E> MapKeys for ::std::result::Result<T, E> {
                fn sorted_keys(&self) -> ::std::option::Option<::std::vec::Vec<&str>> {
                    self.as_ref().ok().and_then(MapKeys::sorted_keys)
                }
            }

            impl<T: MapKeys + ?Sized> ::std::fmt::Debug for KeysOnly<'_, T> {
                fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                    match self.0.sorted_keys() {
                        ::std::option::Option::Some(keys) => f
                            .debug_map()
                            .entries(keys.into_iter().map(|k| (k, "***")))
                            .finish(),
                        ::std::option::Option::None => f.write_str("None"),
                    }
                }
            }
        }

        /// What the generated clients share: request options, the operation entry type,
        /// the response-size limit and the executor hook.
        pub use ::opensandbox_hooks as hooks;

        #table
    }
}

/// Writes (or, with `check`, compares) every target's outputs. Returns the stale files.
pub fn run(root: &Path, check: bool) -> Result<Vec<PathBuf>, String> {
    let mut stale = Vec::new();
    let outputs = TARGETS
        .iter()
        .map(|t| generate(root, t))
        .collect::<Result<Vec<_>, _>>()?;
    operations::check_known(
        &load_idempotency(root)?,
        outputs.iter().flat_map(|o| &o.ops),
    )?;
    for (target, out) in TARGETS.iter().zip(outputs) {
        let dir = root.join(target.dir);
        for (rel, text) in [
            (GENERATED_RS, &out.generated),
            (CONVERTED_DOC, &out.converted),
        ] {
            let path = dir.join(rel);
            let current = std::fs::read_to_string(&path).ok();
            if current.as_deref() == Some(text.as_str()) {
                continue;
            }
            if check {
                stale.push(path);
            } else {
                if let Some(parent) = path.parent() {
                    std::fs::create_dir_all(parent).map_err(|e| e.to_string())?;
                }
                std::fs::write(&path, text)
                    .map_err(|e| format!("writing {}: {e}", path.display()))?;
                println!(
                    "wrote {}",
                    path.strip_prefix(root).unwrap_or(&path).display()
                );
            }
        }
    }
    Ok(stale)
}
