//! What the credential vault reports: revisions and metadata, never values.

use crate::api::egress::types as gt;

/// The vault's revision and the metadata of its credentials and bindings.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
pub struct VaultState {
    /// The revision; a conditional change names it
    /// ([`CredentialVaultPatch::at_revision`](crate::vault::CredentialVaultPatch::at_revision)).
    pub revision: i64,
    /// Every credential.
    pub credentials: Vec<CredentialInfo>,
    /// Every binding.
    pub bindings: Vec<BindingInfo>,
}

/// A credential's metadata (its value never leaves the vault).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
pub struct CredentialInfo {
    /// Its name.
    pub name: String,
    /// The revision it was last changed in.
    pub revision: i64,
    /// Where its value comes from (`inline`, …).
    pub source_type: String,
}

/// A binding's metadata: which requests it matches and how it authenticates them.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
pub struct BindingInfo {
    /// Its name.
    pub name: String,
    /// The revision it was last changed in.
    pub revision: i64,
    /// The kind of authentication (`bearer`, `basic`, `apiKey`, …), when known.
    pub auth_kind: Option<String>,
    /// The header the authentication goes in, for kinds that name one.
    pub auth_header: Option<String>,
    /// Hosts it matches.
    pub hosts: Vec<String>,
    /// Ports it matches (empty: the scheme's default).
    pub ports: Vec<i64>,
    /// Schemes it matches.
    pub schemes: Vec<String>,
    /// Methods it matches (empty: any).
    pub methods: Vec<String>,
    /// Path patterns it matches (empty: any).
    pub paths: Vec<String>,
}

impl From<gt::CredentialMetadata> for CredentialInfo {
    fn from(c: gt::CredentialMetadata) -> Self {
        CredentialInfo {
            name: c.name,
            revision: c.revision,
            source_type: c.source_type,
        }
    }
}

impl From<gt::CredentialBindingMetadata> for BindingInfo {
    fn from(b: gt::CredentialBindingMetadata) -> Self {
        let mut info = BindingInfo {
            name: b.name,
            revision: b.revision,
            auth_kind: b.auth.as_ref().map(|a| a.type_.clone()),
            auth_header: b.auth.and_then(|a| a.name),
            hosts: Vec::new(),
            ports: Vec::new(),
            schemes: Vec::new(),
            methods: Vec::new(),
            paths: Vec::new(),
        };
        if let Some(m) = b.match_ {
            info.hosts = m.hosts;
            info.ports = m.ports;
            info.schemes = m.schemes.into_iter().map(|s| s.to_string()).collect();
            info.methods = m.methods;
            info.paths = m.paths;
        }
        info
    }
}

impl From<gt::CredentialVaultState> for VaultState {
    fn from(v: gt::CredentialVaultState) -> Self {
        VaultState {
            revision: v.revision,
            credentials: v.credentials.into_iter().map(Into::into).collect(),
            bindings: v.bindings.into_iter().map(Into::into).collect(),
        }
    }
}
