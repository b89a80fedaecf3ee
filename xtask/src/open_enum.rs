//! Open enums: Rust enums for string enums a server may extend. Known values get
//! variants; any other value decodes into `Unknown(String)` and is sent back unchanged.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use crate::compat::OpenEnum;
use crate::names::pascal;

/// PascalCase variant name for an enum value (`"Running"` → `Running`, `"text/plain"` →
/// `TextPlain`, `"3rd"` → `V3rd`).
pub fn variant_name(value: &str) -> String {
    let mut out = pascal(value);
    if out.is_empty() || out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, 'V');
    }
    out
}

/// The Rust items for one open enum.
pub fn generate(e: &OpenEnum) -> Result<TokenStream, String> {
    let name = format_ident!("{}", e.name);
    let mut variants = Vec::new();
    for v in &e.values {
        let ident = variant_name(v);
        if ident == "Unknown"
            || variants
                .iter()
                .any(|(i, _): &(String, &String)| *i == ident)
        {
            return Err(format!(
                "enum {}: value {v:?} gives a clashing variant name {ident}",
                e.name
            ));
        }
        variants.push((ident, v));
    }
    let idents: Vec<_> = variants
        .iter()
        .map(|(i, _)| format_ident!("{}", i))
        .collect();
    let values: Vec<&String> = variants.iter().map(|(_, v)| *v).collect();
    let value_docs: Vec<String> = values.iter().map(|v| format!("`{v}`")).collect();
    let doc = match &e.description {
        Some(d) => format!(
            "{}\n\nOpen enum: values this SDK does not know decode into `Unknown`.",
            d.trim_end()
        ),
        None => "Open enum: values this SDK does not know decode into `Unknown`.".to_string(),
    };
    Ok(quote! {
        #[doc = #doc]
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum #name {
            #( #[doc = #value_docs] #idents, )*
            /// A value this version of the SDK does not know, kept as the server sent it.
            Unknown(::std::string::String),
        }

        impl #name {
            /// Every value this version of the SDK knows.
            pub const KNOWN: &'static [&'static str] = &[#(#values),*];

            /// The value as it appears on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    #( Self::#idents => #values, )*
                    Self::Unknown(other) => other.as_str(),
                }
            }

            /// Whether this is a value the SDK does not know.
            pub fn is_unknown(&self) -> bool {
                matches!(self, Self::Unknown(_))
            }
        }

        impl ::std::fmt::Display for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::std::convert::From<&str> for #name {
            fn from(value: &str) -> Self {
                match value {
                    #( #values => Self::#idents, )*
                    other => Self::Unknown(other.to_string()),
                }
            }
        }

        impl ::std::convert::From<::std::string::String> for #name {
            fn from(value: ::std::string::String) -> Self {
                match value.as_str() {
                    #( #values => Self::#idents, )*
                    _ => Self::Unknown(value),
                }
            }
        }

        impl ::std::str::FromStr for #name {
            type Err = ::std::convert::Infallible;
            fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
                Ok(Self::from(value))
            }
        }

        impl ::serde::Serialize for #name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                let value = <::std::string::String as ::serde::Deserialize>::deserialize(deserializer)?;
                Ok(Self::from(value))
            }
        }

        #[cfg(feature = "schemars")]
        impl ::schemars::JsonSchema for #name {
            fn schema_name() -> ::std::string::String {
                stringify!(#name).to_string()
            }
            fn json_schema(_: &mut ::schemars::r#gen::SchemaGenerator) -> ::schemars::schema::Schema {
                ::schemars::schema::SchemaObject {
                    instance_type: Some(::schemars::schema::InstanceType::String.into()),
                    enum_values: Some(vec![#( ::serde_json::Value::from(#values) ),*]),
                    ..Default::default()
                }
                .into()
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variant_names() {
        assert_eq!(variant_name("Running"), "Running");
        assert_eq!(variant_name("text/plain"), "TextPlain");
        assert_eq!(variant_name("custom_headers"), "CustomHeaders");
        assert_eq!(variant_name("3rd"), "V3rd");
    }

    #[test]
    fn clashing_variant_names_are_an_error() {
        let e = OpenEnum {
            name: "E".into(),
            values: vec!["a-b".into(), "a_b".into()],
            description: None,
        };
        assert!(generate(&e).unwrap_err().contains("clashing"));
        let e = OpenEnum {
            name: "E".into(),
            values: vec!["unknown".into()],
            description: None,
        };
        assert!(generate(&e).is_err());
    }
}
