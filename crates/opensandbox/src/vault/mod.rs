//! Typed builders for the credential vault of a sandbox.
//!
//! The egress sidecar of a sandbox created with a credential proxy
//! ([`SandboxCreateOptions::credential_proxy`](crate::sandbox::SandboxCreateOptions::credential_proxy))
//! keeps named secrets ([`Credential`]) and rules ([`Binding`]) that say which outbound
//! requests get which secret, and how (bearer token, basic auth, an API-key header or
//! custom headers). The sandbox itself never sees the secret values.
//!
//! ```no_run
//! # async fn demo(sandbox: &opensandbox::Sandbox, token: String) -> opensandbox::Result<()> {
//! use opensandbox::vault::{Binding, Credential, CredentialVault};
//!
//! let state = sandbox
//!     .create_credential_vault(
//!         CredentialVault::new()
//!             .credential(Credential::inline("api-token", token))
//!             .binding(
//!                 Binding::new("api-token")
//!                     .https()
//!                     .host("api.example.com")
//!                     .port(443)
//!                     .path("/v1/*")
//!                     .api_key_header("x-api-key"),
//!             ),
//!     )
//!     .await?;
//! println!("vault at revision {}", state.revision);
//! # Ok(()) }
//! ```
//!
//! Everything is validated before anything is sent
//! ([`Error::InvalidInput`](crate::Error::InvalidInput)): names, hosts, ports, paths,
//! header names, and every credential a binding uses must be defined in the same
//! request. Values are [`Secret`](crate::Secret)s: they never appear in `Debug` output,
//! logs or error messages (a server error that echoes a value has it replaced by `***`).
//! Reads return the sanitized metadata the server gives
//! ([`types::CredentialVaultState`]), never values.
//!
//! Changes go through [`CredentialVaultPatch`], which carries the revision the change
//! was prepared against: if someone else changed the vault in between, the server
//! answers 409 and [`Error::is_conflict`](crate::Error::is_conflict) is true. Vault
//! writes need TLS or a loopback peer; the server's 426 comes back as an
//! [`Error::Api`](crate::Error::Api) that says so.

mod builders;
mod scrub;
mod validate;
mod wire;

pub use builders::{
    Binding, BindingAuth, Credential, CredentialVault, CredentialVaultPatch, HeaderFromCredential,
    Scheme,
};
pub(crate) use opensandbox_egress_api::types;

pub(crate) use scrub::scrub_write_error;

/// The most bytes a credential or binding name may have.
pub const MAX_NAME_LEN: usize = 253;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Error;

    fn overview() -> CredentialVault {
        CredentialVault::new()
            .credential(Credential::inline("api-token", "tok-123456"))
            .binding(
                Binding::new("api-token")
                    .https()
                    .host("api.example.com")
                    .port(443)
                    .path("/v1/*")
                    .api_key_header("x-api-key"),
            )
    }

    #[test]
    fn overview_example_serializes_like_the_go_sdk() {
        let req = overview().to_request().unwrap();
        let json = serde_json::to_value(&req).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "credentials": [{"name": "api-token", "source": {"type": "inline", "value": "tok-123456"}}],
                "bindings": [{
                    "name": "api-token",
                    "match": {
                        "schemes": ["https"], "ports": [443], "hosts": ["api.example.com"],
                        "methods": ["GET", "POST", "PUT", "PATCH", "DELETE"], "paths": ["/v1/*"]
                    },
                    "auth": {"type": "apiKey", "name": "x-api-key", "credential": "api-token"}
                }]
            })
        );
    }

    #[test]
    fn debug_never_shows_values() {
        let v = overview();
        let dbg = format!("{v:?}");
        assert!(!dbg.contains("tok-123456"), "{dbg}");
        let patch = CredentialVaultPatch::at_revision(1)
            .replace_credential(Credential::inline("api-token", "tok-rotated"));
        assert!(!format!("{patch:?}").contains("tok-rotated"));
    }

    #[test]
    fn binding_to_unknown_credential_is_refused() {
        let v = CredentialVault::new()
            .credential(Credential::inline("a", "value"))
            .binding(Binding::new("b").host("h.example").bearer());
        let err = v.validate().unwrap_err().to_string();
        assert!(err.contains("binding \"b\" uses credential \"b\""), "{err}");
        assert!(err.contains("\"a\""), "{err}");
        let ok = CredentialVault::new()
            .credential(Credential::inline("a", "value"))
            .binding(Binding::new("b").credential("a").host("h.example").bearer());
        ok.validate().unwrap();
    }

    #[test]
    fn invalid_parts_are_refused_before_sending() {
        let cases: Vec<(CredentialVault, &str)> = vec![
            (
                CredentialVault::new().credential(Credential::inline("", "v")),
                "must not be empty",
            ),
            (
                CredentialVault::new().credential(Credential::inline("x", "")),
                "empty value",
            ),
            (
                CredentialVault::new()
                    .credential(Credential::inline("x", "v"))
                    .credential(Credential::inline("x", "w")),
                "more than once",
            ),
            (
                CredentialVault::new()
                    .credential(Credential::inline("x", "v"))
                    .binding(Binding::new("x").bearer()),
                "at least one host",
            ),
            (
                CredentialVault::new()
                    .credential(Credential::inline("x", "v"))
                    .binding(Binding::new("x").host("https://api.example.com").bearer()),
                "not a URL",
            ),
            (
                CredentialVault::new()
                    .credential(Credential::inline("x", "v"))
                    .binding(Binding::new("x").host("api.example.com:443").bearer()),
                "port(..)",
            ),
            (
                CredentialVault::new()
                    .credential(Credential::inline("x", "v"))
                    .binding(Binding::new("x").host("h").api_key_header("bad header")),
                "not a valid header name",
            ),
            (
                CredentialVault::new()
                    .credential(Credential::inline("x", "v"))
                    .binding(Binding::new("x").host("h")),
                "has no auth",
            ),
            (
                CredentialVault::new()
                    .credential(Credential::inline("x", "v"))
                    .binding(Binding::new("x").host("h").path("v1/*").bearer()),
                "must start with '/'",
            ),
            (
                CredentialVault::new()
                    .credential(Credential::inline("x", "v"))
                    .binding(Binding::new("x").host("h").port(0).bearer()),
                "port 0",
            ),
        ];
        for (vault, expected) in cases {
            let err = vault.to_request().unwrap_err();
            assert!(matches!(err, Error::InvalidInput(_)));
            assert!(err.to_string().contains(expected), "{err} !~ {expected}");
        }
    }

    #[test]
    fn every_auth_type_converts() {
        let v = CredentialVault::new()
            .credential(Credential::inline("tok", "t0ken"))
            .credential(Credential::basic("user", "alice", "pw"))
            .credential(Credential::inline("org", "org-1"))
            .binding(
                Binding::new("b1")
                    .credential("tok")
                    .host("a.example")
                    .bearer(),
            )
            .binding(
                Binding::new("b2")
                    .credential("user")
                    .http()
                    .host("b.example")
                    .basic(),
            )
            .binding(
                Binding::new("b3")
                    .host("*.c.example")
                    .header("X-Token", "tok")
                    .header("X-Org", "org"),
            );
        let json = serde_json::to_value(v.to_request().unwrap()).unwrap();
        let b = &json["bindings"];
        assert_eq!(
            b[0]["auth"],
            serde_json::json!({"type": "bearer", "credential": "tok"})
        );
        assert_eq!(
            b[1]["auth"],
            serde_json::json!({"type": "basic", "credential": "user"})
        );
        assert_eq!(b[1]["match"]["schemes"], serde_json::json!(["http"]));
        assert_eq!(b[1]["match"]["ports"], serde_json::json!([80]));
        assert_eq!(
            b[2]["auth"],
            serde_json::json!({"type": "customHeaders", "headers": [
                {"name": "X-Token", "credential": "tok"},
                {"name": "X-Org", "credential": "org"}
            ]})
        );
        assert_eq!(json["credentials"][1]["source"]["value"], "YWxpY2U6cHc=");
    }

    #[test]
    fn patches_carry_the_revision_and_omit_empty_sections() {
        let p = CredentialVaultPatch::at_revision(7)
            .replace_credential(Credential::inline("api-token", "rotated"))
            .delete_binding("old");
        let json = serde_json::to_value(p.to_request().unwrap()).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "expectedRevision": 7,
                "credentials": {"replace": [{"name": "api-token", "source": {"type": "inline", "value": "rotated"}}]},
                "bindings": {"delete": ["old"]}
            })
        );
        let json = serde_json::to_value(
            CredentialVaultPatch::unconditional()
                .delete_credential("x")
                .to_request()
                .unwrap(),
        )
        .unwrap();
        assert_eq!(json, serde_json::json!({"credentials": {"delete": ["x"]}}));
        assert!(CredentialVaultPatch::unconditional().validate().is_err());
        let err = CredentialVaultPatch::at_revision(1)
            .delete_credential("k")
            .add_binding(Binding::new("k").host("h").bearer())
            .validate()
            .unwrap_err();
        assert!(
            err.to_string().contains("which this patch deletes"),
            "{err}"
        );
    }

    #[test]
    fn basic_credentials_are_base64_of_user_and_password() {
        for (user, password, value) in [
            ("", "", "Og=="),
            ("f", "oo", "Zjpvbw=="),
            ("us@er", "p:ss", "dXNAZXI6cDpzcw=="),
            ("aladdin", "opensesame", "YWxhZGRpbjpvcGVuc2VzYW1l"),
        ] {
            let c = Credential::basic("b", user, password);
            assert_eq!(c.value.expose(), value, "{user}:{password}");
        }
    }
}
