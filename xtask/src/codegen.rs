//! `cargo xtask codegen [--check]`: specs → converted 3.0 document → progenitor →
//! `crates/*/src/generated.rs`.

use std::path::{Path, PathBuf};

use progenitor_impl::{GenerationSettings, Generator, InterfaceStyle, TagStyle, TypeImpl};
use quote::quote;
use serde_json::Value;

use crate::{compat, convert, open_enum, opid, redact, spec};

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
}

/// Loads, overlays, merges, converts and shapes the documents of a target.
pub fn prepare(
    root: &Path,
    target: &Target,
) -> Result<(Value, compat::Shaped, redact::SecretFields), String> {
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
    let shaped = compat::shape(&mut doc)?;
    Ok((doc, shaped, secrets))
}

/// Produces the outputs for a target.
pub fn generate(root: &Path, target: &Target) -> Result<Output, String> {
    let (doc, shaped, secrets) = prepare(root, target)?;
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
    let support: syn::File =
        syn::parse2(support_items(&shaped.excluded)).map_err(|e| e.to_string())?;
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

/// Makes the client's empty `ClientHooks` impl send through `crate::hooks::exec` (which
/// reads response bodies through the configured size limit).
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
                    _info: &OperationInfo,
                ) -> reqwest::Result<reqwest::Response> {
                    crate::hooks::exec(
                        ClientInfo::client(*self),
                        ClientInfo::inner(*self),
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
fn support_items(excluded: &[compat::Excluded]) -> proc_macro2::TokenStream {
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

        /// The hook the generated client runs on every request.
        pub mod hooks {
            /// What the client adds to every request it sends: headers (authentication,
            /// headers an endpoint requires) and a whole-request timeout. `Debug` lists
            /// header names only: values may be secrets.
            #[derive(Clone, Default)]
            pub struct RequestOptions {
                /// Headers set on every request, replacing values of the same name.
                pub headers: ::reqwest::header::HeaderMap,
                /// Whole-request timeout; `None` leaves the `reqwest::Client`'s own.
                pub timeout: ::std::option::Option<::std::time::Duration>,
                /// The largest response body read; a larger one fails while it is read
                /// (with [`BodyTooLarge`] as the cause), before it is held in memory.
                pub max_body: ::std::option::Option<u64>,
            }

            /// Why a response body was not read to its end: it is larger than
            /// [`RequestOptions::max_body`].
            #[derive(Debug, Clone, Copy, PartialEq, Eq)]
            pub struct BodyTooLarge {
                /// The limit in bytes.
                pub limit: u64,
            }

            impl ::std::fmt::Display for BodyTooLarge {
                fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                    write!(f, "the response body is larger than the limit of {} bytes", self.limit)
                }
            }

            impl ::std::error::Error for BodyTooLarge {}

            /// A body stream that fails once more than `limit` bytes arrived (at once when
            /// `Content-Length` already says so).
            struct Limited<S> {
                inner: ::std::pin::Pin<::std::boxed::Box<S>>,
                seen: u64,
                limit: u64,
                done: bool,
            }

            impl<S, B, E> ::futures_core::Stream for Limited<S>
            where
                S: ::futures_core::Stream<Item = ::std::result::Result<B, E>>,
                B: AsRef<[u8]>,
                E: ::std::error::Error + Send + Sync + 'static,
            {
                type Item = ::std::result::Result<
                    B,
                    ::std::boxed::Box<dyn ::std::error::Error + Send + Sync>,
                >;

                fn poll_next(
                    mut self: ::std::pin::Pin<&mut Self>,
                    cx: &mut ::std::task::Context<'_>,
                ) -> ::std::task::Poll<::std::option::Option<Self::Item>> {
                    use ::std::task::Poll;
                    if self.done {
                        return Poll::Ready(None);
                    }
                    if self.seen > self.limit {
                        self.done = true;
                        let limit = self.limit;
                        return Poll::Ready(Some(Err(::std::boxed::Box::new(BodyTooLarge { limit }))));
                    }
                    match self.inner.as_mut().poll_next(cx) {
                        Poll::Ready(Some(Ok(chunk))) => {
                            let n = chunk.as_ref().len() as u64;
                            self.seen = self.seen.saturating_add(n);
                            if self.seen > self.limit {
                                self.done = true;
                                let limit = self.limit;
                                return Poll::Ready(Some(Err(::std::boxed::Box::new(BodyTooLarge { limit }))));
                            }
                            Poll::Ready(Some(Ok(chunk)))
                        }
                        Poll::Ready(Some(Err(e))) => Poll::Ready(Some(Err(::std::boxed::Box::new(e)))),
                        Poll::Ready(None) => Poll::Ready(None),
                        Poll::Pending => Poll::Pending,
                    }
                }
            }

            /// Sends `request`; with [`RequestOptions::max_body`] a success answer's body is
            /// read through that limit.
            pub async fn exec(
                client: &::reqwest::Client,
                options: &RequestOptions,
                request: ::reqwest::Request,
            ) -> ::reqwest::Result<::reqwest::Response> {
                let response = client.execute(request).await?;
                // Error answers are read by the caller, which keeps only a prefix.
                let ::std::option::Option::Some(limit) = options.max_body else {
                    return Ok(response);
                };
                if !response.status().is_success() {
                    return Ok(response);
                }
                let declared = response.content_length().unwrap_or(0);
                let status = response.status();
                let version = response.version();
                let headers = response.headers().clone();
                let limited = Limited {
                    inner: ::std::boxed::Box::pin(response.bytes_stream()),
                    // A declared length over the limit fails on the first read.
                    seen: if declared > limit { declared } else { 0 },
                    limit,
                    done: false,
                };
                let mut limited = ::http::Response::new(::reqwest::Body::wrap_stream(limited));
                *limited.status_mut() = status;
                *limited.version_mut() = version;
                *limited.headers_mut() = headers;
                Ok(::reqwest::Response::from(limited))
            }

            impl ::std::fmt::Debug for RequestOptions {
                fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                    f.debug_struct("RequestOptions")
                        .field("headers", &self.headers.keys().collect::<::std::vec::Vec<_>>())
                        .field("timeout", &self.timeout)
                        .field("max_body", &self.max_body)
                        .finish()
                }
            }

            /// Applies `options` to `request`.
            pub fn apply(options: &RequestOptions, request: &mut ::reqwest::Request) {
                let target = request.headers_mut();
                for name in options.headers.keys() {
                    target.remove(name);
                }
                for (name, value) in options.headers.iter() {
                    target.append(name.clone(), value.clone());
                }
                if let Some(timeout) = options.timeout {
                    *request.timeout_mut() = Some(timeout);
                }
            }
        }
    }
}

/// Writes (or, with `check`, compares) every target's outputs. Returns the stale files.
pub fn run(root: &Path, check: bool) -> Result<Vec<PathBuf>, String> {
    let mut stale = Vec::new();
    for target in TARGETS {
        let out = generate(root, target)?;
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
