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
//! Everything is validated before anything is sent ([`Error::InvalidInput`]): names,
//! hosts, ports, paths, header names, and every credential a binding uses must be
//! defined in the same request. Values are [`Secret`]s: they never appear in `Debug`
//! output, logs or error messages (a server error that echoes a value has it replaced
//! by `***`). Reads return the sanitized metadata the server gives
//! ([`types::CredentialVaultState`]), never values.
//!
//! Changes go through [`CredentialVaultPatch`], which carries the revision the change
//! was prepared against: if someone else changed the vault in between, the server
//! answers 409 and [`Error::is_conflict`] is true. Vault writes need TLS or a loopback
//! peer; the server's 426 comes back as an [`Error::Api`] that says so.

use std::collections::BTreeSet;
use std::fmt;

use crate::error::{Error, Result};
use crate::secret::Secret;

pub use opensandbox_egress_api::types;

/// The most bytes a credential or binding name may have.
pub const MAX_NAME_LEN: usize = 253;

/// A URL scheme a [`Binding`] matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Scheme {
    /// `https` (the server's default).
    Https,
    /// Plain `http`.
    Http,
}

impl Scheme {
    /// The wire value.
    pub fn as_str(self) -> &'static str {
        match self {
            Scheme::Https => "https",
            Scheme::Http => "http",
        }
    }

    /// The port requests of this scheme use unless told otherwise.
    pub fn default_port(self) -> u16 {
        match self {
            Scheme::Https => 443,
            Scheme::Http => 80,
        }
    }

    fn to_wire(self) -> types::CredentialMatchSchemesItem {
        match self {
            Scheme::Https => types::CredentialMatchSchemesItem::Https,
            Scheme::Http => types::CredentialMatchSchemesItem::Http,
        }
    }
}

impl fmt::Display for Scheme {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A named secret kept in the vault. `Debug` never shows the value.
///
/// ```
/// use opensandbox::vault::Credential;
/// let c = Credential::inline("api-token", "s3cr3t");
/// assert_eq!(format!("{c:?}"), r#"Credential { name: "api-token", source: "inline", value: *** }"#);
/// ```
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Credential {
    /// Unique name; bindings refer to the credential by it.
    pub name: String,
    /// The secret value, sent inline.
    pub value: Secret,
}

impl fmt::Debug for Credential {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credential")
            .field("name", &self.name)
            .field("source", &"inline")
            .field("value", &self.value)
            .finish()
    }
}

impl Credential {
    /// A credential whose value is given in the request (the only source the server
    /// has today).
    pub fn inline(name: impl Into<String>, value: impl Into<Secret>) -> Self {
        Credential {
            name: name.into(),
            value: value.into(),
        }
    }

    /// A credential for [`Binding::basic`]: the value is `base64(username:password)`,
    /// which is what the sidecar expects (it does not encode it itself).
    pub fn basic(name: impl Into<String>, username: &str, password: impl Into<Secret>) -> Self {
        let password = password.into();
        let mut raw = String::with_capacity(username.len() + 1 + password.expose().len());
        raw.push_str(username);
        raw.push(':');
        raw.push_str(password.expose());
        Credential {
            name: name.into(),
            value: Secret::new(base64(raw.as_bytes())),
        }
    }

    fn validate(&self) -> Result<()> {
        check_name("credential", &self.name)?;
        if self.value.is_empty() {
            return Err(Error::InvalidInput(format!(
                "credential {:?} has an empty value",
                self.name
            )));
        }
        Ok(())
    }

    fn to_wire(&self) -> types::Credential {
        types::Credential {
            name: self.name.clone(),
            source: types::InlineCredentialSource {
                type_: types::InlineCredentialSourceType::Inline,
                value: self.value.expose().to_string(),
            },
        }
    }
}

/// How a [`Binding`] puts a credential on a matching request.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum BindingAuth {
    /// `Authorization: Bearer <value>`.
    Bearer,
    /// `Authorization: Basic <value>`; the value must already be base64 of
    /// `username:password` (see [`Credential::basic`]).
    Basic,
    /// The value as the value of one header.
    ApiKey {
        /// The header to set, e.g. `x-api-key`.
        header: String,
    },
    /// Several headers, each filled from its own credential.
    CustomHeaders(Vec<HeaderFromCredential>),
}

impl BindingAuth {
    /// The wire name of the auth type (`bearer`, `basic`, `apiKey`, `customHeaders`).
    pub fn kind(&self) -> &'static str {
        match self {
            BindingAuth::Bearer => "bearer",
            BindingAuth::Basic => "basic",
            BindingAuth::ApiKey { .. } => "apiKey",
            BindingAuth::CustomHeaders(_) => "customHeaders",
        }
    }
}

/// One header of a custom-headers binding ([`Binding::header`]).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct HeaderFromCredential {
    /// The header to set.
    pub header: String,
    /// The credential whose value fills it.
    pub credential: String,
}

/// A rule that attaches a credential to the outbound requests it matches.
///
/// A request must match every list: scheme, port, host, method and path. Only hosts
/// are mandatory; an empty list means the default:
///
/// | list | default |
/// |---|---|
/// | schemes | `https` |
/// | ports | the default port of each scheme (`443` for https, `80` for http) |
/// | methods | `GET`, `POST`, `PUT`, `PATCH`, `DELETE` |
/// | paths | `/*` |
///
/// The credential used by bearer, basic and API-key auth is the one named like the
/// binding, unless [`Binding::credential`] names another.
///
/// ```
/// use opensandbox::vault::Binding;
/// let github = Binding::new("github-api")
///     .credential("github-token")
///     .host("api.github.com")
///     .bearer();
/// let openai = Binding::new("openai-key")
///     .host("api.openai.com")
///     .method("POST")
///     .path("/v1/*")
///     .api_key_header("Authorization");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Binding {
    /// Unique name of the binding.
    pub name: String,
    /// The credential for bearer, basic and API-key auth (`None`: the binding's name).
    pub credential: Option<String>,
    /// Schemes to match.
    pub schemes: Vec<Scheme>,
    /// Destination ports to match.
    pub ports: Vec<u16>,
    /// Host names to match (`api.example.com`, `*.example.com`).
    pub hosts: Vec<String>,
    /// HTTP methods to match (upper case).
    pub methods: Vec<String>,
    /// Path patterns to match; `*` is a wildcard.
    pub paths: Vec<String>,
    /// How the credential is sent; required.
    pub auth: Option<BindingAuth>,
}

impl Binding {
    /// A binding named `name` (which is also the credential it uses unless
    /// [`Binding::credential`] says otherwise).
    pub fn new(name: impl Into<String>) -> Self {
        Binding {
            name: name.into(),
            credential: None,
            schemes: Vec::new(),
            ports: Vec::new(),
            hosts: Vec::new(),
            methods: Vec::new(),
            paths: Vec::new(),
            auth: None,
        }
    }

    /// Uses the credential `name` for bearer, basic or API-key auth.
    pub fn credential(mut self, name: impl Into<String>) -> Self {
        self.credential = Some(name.into());
        self
    }

    /// Matches `https` requests.
    pub fn https(self) -> Self {
        self.scheme(Scheme::Https)
    }

    /// Matches plain `http` requests.
    pub fn http(self) -> Self {
        self.scheme(Scheme::Http)
    }

    /// Matches requests of `scheme`.
    pub fn scheme(mut self, scheme: Scheme) -> Self {
        if !self.schemes.contains(&scheme) {
            self.schemes.push(scheme);
        }
        self
    }

    /// Matches requests to `host` (an exact name or a `*.` wildcard).
    pub fn host(mut self, host: impl Into<String>) -> Self {
        self.hosts.push(host.into());
        self
    }

    /// Matches requests to any of `hosts`.
    pub fn hosts<S: Into<String>>(mut self, hosts: impl IntoIterator<Item = S>) -> Self {
        self.hosts.extend(hosts.into_iter().map(Into::into));
        self
    }

    /// Matches requests to `port`.
    pub fn port(mut self, port: u16) -> Self {
        if !self.ports.contains(&port) {
            self.ports.push(port);
        }
        self
    }

    /// Matches requests with `method` (upper-cased).
    pub fn method(mut self, method: impl Into<String>) -> Self {
        self.methods.push(method.into().to_ascii_uppercase());
        self
    }

    /// Matches requests whose path matches `pattern` (`/v1/*`).
    pub fn path(mut self, pattern: impl Into<String>) -> Self {
        self.paths.push(pattern.into());
        self
    }

    /// Sends the credential as `Authorization: Bearer <value>`.
    pub fn bearer(mut self) -> Self {
        self.auth = Some(BindingAuth::Bearer);
        self
    }

    /// Sends the credential as `Authorization: Basic <value>` (create the credential
    /// with [`Credential::basic`]).
    pub fn basic(mut self) -> Self {
        self.auth = Some(BindingAuth::Basic);
        self
    }

    /// Sends the credential as the value of the header `header` (e.g. `x-api-key`).
    pub fn api_key_header(mut self, header: impl Into<String>) -> Self {
        self.auth = Some(BindingAuth::ApiKey {
            header: header.into(),
        });
        self
    }

    /// Sets the header `header` to the value of the credential `credential`; call it
    /// once per header (custom-headers auth).
    pub fn header(mut self, header: impl Into<String>, credential: impl Into<String>) -> Self {
        let entry = HeaderFromCredential {
            header: header.into(),
            credential: credential.into(),
        };
        match &mut self.auth {
            Some(BindingAuth::CustomHeaders(headers)) => headers.push(entry),
            _ => self.auth = Some(BindingAuth::CustomHeaders(vec![entry])),
        }
        self
    }

    /// The credentials this binding uses.
    pub fn credentials_used(&self) -> Vec<&str> {
        match &self.auth {
            Some(BindingAuth::CustomHeaders(headers)) => {
                headers.iter().map(|h| h.credential.as_str()).collect()
            }
            _ => vec![self.credential.as_deref().unwrap_or(&self.name)],
        }
    }

    fn validate(&self) -> Result<()> {
        check_name("binding", &self.name)?;
        let bad = |msg: String| Error::InvalidInput(format!("binding {:?}: {msg}", self.name));
        if self.hosts.is_empty() {
            return Err(bad("needs at least one host (Binding::host)".into()));
        }
        for host in &self.hosts {
            check_host(host).map_err(bad)?;
        }
        if self.ports.contains(&0) {
            return Err(bad("port 0 is not a valid port".into()));
        }
        for method in &self.methods {
            if method.is_empty() || !method.bytes().all(is_token_byte) {
                return Err(bad(format!("{method:?} is not an HTTP method")));
            }
        }
        for path in &self.paths {
            if !path.starts_with('/') {
                return Err(bad(format!("path pattern {path:?} must start with '/'")));
            }
            if path.chars().any(|c| c.is_whitespace() || c.is_control()) {
                return Err(bad(format!("path pattern {path:?} contains whitespace")));
            }
        }
        match &self.auth {
            None => {
                return Err(bad(
                    "has no auth: call bearer(), basic(), api_key_header(..) or header(..)".into(),
                ));
            }
            Some(BindingAuth::ApiKey { header }) => check_header(header).map_err(bad)?,
            Some(BindingAuth::CustomHeaders(headers)) => {
                if headers.is_empty() {
                    return Err(bad("custom-headers auth needs at least one header".into()));
                }
                if self.credential.is_some() {
                    return Err(bad(
                        "credential(..) applies to bearer, basic and API-key auth; with \
                         custom headers each header(..) names its credential"
                            .into(),
                    ));
                }
                let mut seen = BTreeSet::new();
                for h in headers {
                    check_header(&h.header).map_err(bad)?;
                    if !seen.insert(h.header.to_ascii_lowercase()) {
                        return Err(bad(format!("header {:?} is set twice", h.header)));
                    }
                }
            }
            Some(BindingAuth::Bearer | BindingAuth::Basic) => {}
        }
        for c in self.credentials_used() {
            check_name("credential", c).map_err(|e| bad(e.to_string()))?;
        }
        Ok(())
    }

    fn to_wire(&self) -> Result<types::CredentialBinding> {
        self.validate()?;
        let credential = self.credential.clone().unwrap_or_else(|| self.name.clone());
        let invalid_header = |h: &str| {
            Error::InvalidInput(format!(
                "binding {:?}: {h:?} is not a valid header name",
                self.name
            ))
        };
        let auth = match &self.auth {
            Some(BindingAuth::Bearer) => {
                types::CredentialAuth::BearerCredentialAuth(types::BearerCredentialAuth {
                    credential,
                    type_: types::BearerCredentialAuthType::Bearer,
                })
            }
            Some(BindingAuth::Basic) => {
                types::CredentialAuth::BasicCredentialAuth(types::BasicCredentialAuth {
                    credential,
                    type_: types::BasicCredentialAuthType::Basic,
                })
            }
            Some(BindingAuth::ApiKey { header }) => {
                types::CredentialAuth::ApiKeyCredentialAuth(types::ApiKeyCredentialAuth {
                    credential,
                    name: header.parse().map_err(|_| invalid_header(header))?,
                    type_: types::ApiKeyCredentialAuthType::ApiKey,
                })
            }
            Some(BindingAuth::CustomHeaders(headers)) => {
                let headers = headers
                    .iter()
                    .map(|h| {
                        Ok(types::CustomHeaderEntry {
                            credential: h.credential.clone(),
                            name: h.header.parse().map_err(|_| invalid_header(&h.header))?,
                        })
                    })
                    .collect::<Result<Vec<_>>>()?;
                types::CredentialAuth::CustomHeadersCredentialAuth(
                    types::CustomHeadersCredentialAuth {
                        headers,
                        type_: types::CustomHeadersCredentialAuthType::CustomHeaders,
                    },
                )
            }
            None => {
                return Err(Error::InvalidInput(format!(
                    "binding {:?} has no auth",
                    self.name
                )));
            }
        };
        let schemes = if self.schemes.is_empty() {
            vec![Scheme::Https]
        } else {
            self.schemes.clone()
        };
        let ports: Vec<u16> = if self.ports.is_empty() {
            let mut p: Vec<u16> = schemes.iter().map(|s| s.default_port()).collect();
            p.dedup();
            p
        } else {
            self.ports.clone()
        };
        let methods = if self.methods.is_empty() {
            ["GET", "POST", "PUT", "PATCH", "DELETE"]
                .iter()
                .map(|m| m.to_string())
                .collect()
        } else {
            self.methods.clone()
        };
        let paths = if self.paths.is_empty() {
            vec!["/*".to_string()]
        } else {
            self.paths.clone()
        };
        Ok(types::CredentialBinding {
            auth,
            match_: types::CredentialMatch {
                hosts: self.hosts.clone(),
                methods,
                paths,
                ports: ports.into_iter().map(i64::from).collect(),
                schemes: schemes.into_iter().map(Scheme::to_wire).collect(),
            },
            name: self.name.clone(),
        })
    }
}

/// The first contents of a credential vault
/// ([`Sandbox::create_credential_vault`](crate::Sandbox::create_credential_vault)).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct CredentialVault {
    /// Secrets to store.
    pub credentials: Vec<Credential>,
    /// Rules that attach them to outbound requests.
    pub bindings: Vec<Binding>,
}

impl CredentialVault {
    /// An empty vault.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a credential.
    pub fn credential(mut self, credential: Credential) -> Self {
        self.credentials.push(credential);
        self
    }

    /// Adds a binding.
    pub fn binding(mut self, binding: Binding) -> Self {
        self.bindings.push(binding);
        self
    }

    /// Checks names, matchers, auth, and that every credential a binding uses is
    /// defined here.
    pub fn validate(&self) -> Result<()> {
        let names = unique_names(
            "credential",
            self.credentials.iter().map(|c| c.name.as_str()),
        )?;
        unique_names("binding", self.bindings.iter().map(|b| b.name.as_str()))?;
        for c in &self.credentials {
            c.validate()?;
        }
        for b in &self.bindings {
            b.validate()?;
            for used in b.credentials_used() {
                if !names.contains(used) {
                    return Err(Error::InvalidInput(format!(
                        "binding {:?} uses credential {used:?}, which is not defined (defined: {})",
                        b.name,
                        list(&names)
                    )));
                }
            }
        }
        Ok(())
    }

    /// The generated request, validated. It holds the secret values in clear: do not
    /// log it.
    pub fn to_request(&self) -> Result<types::CredentialVaultCreateRequest> {
        self.validate()?;
        Ok(types::CredentialVaultCreateRequest {
            bindings: self
                .bindings
                .iter()
                .map(Binding::to_wire)
                .collect::<Result<_>>()?,
            credentials: self.credentials.iter().map(Credential::to_wire).collect(),
        })
    }

    /// The secret values, for scrubbing error messages.
    pub(crate) fn secrets(&self) -> Vec<Secret> {
        self.credentials.iter().map(|c| c.value.clone()).collect()
    }
}

impl TryFrom<CredentialVault> for types::CredentialVaultCreateRequest {
    type Error = Error;

    fn try_from(value: CredentialVault) -> Result<Self> {
        value.to_request()
    }
}

/// An atomic change to a credential vault
/// ([`Sandbox::patch_credential_vault`](crate::Sandbox::patch_credential_vault)):
/// additions, replacements and deletions of credentials and bindings that produce one
/// new revision, or nothing.
///
/// Build it against the revision you read ([`CredentialVaultPatch::at_revision`]): if
/// the vault has moved on, the server refuses with 409 ([`Error::is_conflict`]); read
/// it again and retry. [`CredentialVaultPatch::unconditional`] applies the change
/// whatever the revision.
///
/// ```no_run
/// # async fn demo(sandbox: &opensandbox::Sandbox) -> opensandbox::Result<()> {
/// use opensandbox::vault::{Credential, CredentialVaultPatch};
/// let state = sandbox.credential_vault().await?;
/// let patch = CredentialVaultPatch::at_revision(state.revision)
///     .replace_credential(Credential::inline("api-token", "rotated"));
/// match sandbox.patch_credential_vault(patch).await {
///     Err(e) if e.is_conflict() => println!("changed meanwhile; read and retry"),
///     other => { other?; }
/// }
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct CredentialVaultPatch {
    /// The revision the change was prepared against (`None`: unconditional).
    pub expected_revision: Option<i64>,
    /// Credentials to add.
    pub add_credentials: Vec<Credential>,
    /// New values for existing credentials.
    pub replace_credentials: Vec<Credential>,
    /// Names of credentials to delete.
    pub delete_credentials: Vec<String>,
    /// Bindings to add.
    pub add_bindings: Vec<Binding>,
    /// New definitions of existing bindings.
    pub replace_bindings: Vec<Binding>,
    /// Names of bindings to delete.
    pub delete_bindings: Vec<String>,
}

impl CredentialVaultPatch {
    /// A change that applies only if the vault is still at `revision` (else 409).
    pub fn at_revision(revision: i64) -> Self {
        Self::with_revision(Some(revision))
    }

    /// A change that applies whatever the vault's revision.
    pub fn unconditional() -> Self {
        Self::with_revision(None)
    }

    fn with_revision(expected_revision: Option<i64>) -> Self {
        CredentialVaultPatch {
            expected_revision,
            add_credentials: Vec::new(),
            replace_credentials: Vec::new(),
            delete_credentials: Vec::new(),
            add_bindings: Vec::new(),
            replace_bindings: Vec::new(),
            delete_bindings: Vec::new(),
        }
    }

    /// Adds a credential.
    pub fn add_credential(mut self, credential: Credential) -> Self {
        self.add_credentials.push(credential);
        self
    }

    /// Replaces the value of an existing credential (rotation).
    pub fn replace_credential(mut self, credential: Credential) -> Self {
        self.replace_credentials.push(credential);
        self
    }

    /// Deletes a credential.
    pub fn delete_credential(mut self, name: impl Into<String>) -> Self {
        self.delete_credentials.push(name.into());
        self
    }

    /// Adds a binding.
    pub fn add_binding(mut self, binding: Binding) -> Self {
        self.add_bindings.push(binding);
        self
    }

    /// Replaces the definition of an existing binding.
    pub fn replace_binding(mut self, binding: Binding) -> Self {
        self.replace_bindings.push(binding);
        self
    }

    /// Deletes a binding.
    pub fn delete_binding(mut self, name: impl Into<String>) -> Self {
        self.delete_bindings.push(name.into());
        self
    }

    /// Whether the patch changes nothing.
    pub fn is_empty(&self) -> bool {
        self.add_credentials.is_empty()
            && self.replace_credentials.is_empty()
            && self.delete_credentials.is_empty()
            && self.add_bindings.is_empty()
            && self.replace_bindings.is_empty()
            && self.delete_bindings.is_empty()
    }

    /// Checks every part, that no name appears twice, and that no binding written here
    /// uses a credential deleted here. (Bindings may use credentials already in the
    /// vault: the server checks those.)
    pub fn validate(&self) -> Result<()> {
        if self.is_empty() {
            return Err(Error::InvalidInput(
                "the vault patch changes nothing".into(),
            ));
        }
        if let Some(r) = self.expected_revision
            && r < 0
        {
            return Err(Error::InvalidInput(format!(
                "expected revision {r} is negative"
            )));
        }
        let written = self.add_credentials.iter().chain(&self.replace_credentials);
        unique_names(
            "credential",
            written
                .clone()
                .map(|c| c.name.as_str())
                .chain(self.delete_credentials.iter().map(String::as_str)),
        )?;
        let bindings = self.add_bindings.iter().chain(&self.replace_bindings);
        unique_names(
            "binding",
            bindings
                .clone()
                .map(|b| b.name.as_str())
                .chain(self.delete_bindings.iter().map(String::as_str)),
        )?;
        for c in written {
            c.validate()?;
        }
        for name in &self.delete_credentials {
            check_name("credential", name)?;
        }
        for name in &self.delete_bindings {
            check_name("binding", name)?;
        }
        let deleted: BTreeSet<&str> = self.delete_credentials.iter().map(String::as_str).collect();
        for b in bindings {
            b.validate()?;
            for used in b.credentials_used() {
                if deleted.contains(used) {
                    return Err(Error::InvalidInput(format!(
                        "binding {:?} uses credential {used:?}, which this patch deletes",
                        b.name
                    )));
                }
            }
        }
        Ok(())
    }

    /// The generated request, validated. It holds the secret values in clear: do not
    /// log it.
    pub fn to_request(&self) -> Result<types::CredentialVaultMutationRequest> {
        self.validate()?;
        let credentials = types::CredentialMutationSet {
            add: self
                .add_credentials
                .iter()
                .map(Credential::to_wire)
                .collect(),
            delete: self.delete_credentials.clone(),
            replace: self
                .replace_credentials
                .iter()
                .map(Credential::to_wire)
                .collect(),
        };
        let bindings = types::CredentialBindingMutationSet {
            add: self
                .add_bindings
                .iter()
                .map(Binding::to_wire)
                .collect::<Result<_>>()?,
            delete: self.delete_bindings.clone(),
            replace: self
                .replace_bindings
                .iter()
                .map(Binding::to_wire)
                .collect::<Result<_>>()?,
        };
        let credentials_empty = credentials.add.is_empty()
            && credentials.delete.is_empty()
            && credentials.replace.is_empty();
        let bindings_empty =
            bindings.add.is_empty() && bindings.delete.is_empty() && bindings.replace.is_empty();
        Ok(types::CredentialVaultMutationRequest {
            bindings: (!bindings_empty).then_some(bindings),
            credentials: (!credentials_empty).then_some(credentials),
            expected_revision: self.expected_revision,
        })
    }

    /// The secret values, for scrubbing error messages.
    pub(crate) fn secrets(&self) -> Vec<Secret> {
        self.add_credentials
            .iter()
            .chain(&self.replace_credentials)
            .map(|c| c.value.clone())
            .collect()
    }
}

impl TryFrom<CredentialVaultPatch> for types::CredentialVaultMutationRequest {
    type Error = Error;

    fn try_from(value: CredentialVaultPatch) -> Result<Self> {
        value.to_request()
    }
}

/// Makes a vault write's error safe: secret values the server may have echoed become
/// `***` (the 426 explanation is added by [`crate::EgressClient`]).
pub(crate) fn scrub_write_error(err: Error, secrets: &[Secret]) -> Error {
    let Error::Api(mut api) = err else {
        return scrub_other(err, secrets);
    };
    api.message = scrub(&api.message, secrets);
    let body = scrub(&String::from_utf8_lossy(&api.body), secrets);
    if body.as_bytes() != api.body.as_ref() {
        api.body = bytes::Bytes::from(body);
    }
    Error::Api(api)
}

fn scrub_other(err: Error, secrets: &[Secret]) -> Error {
    match err {
        Error::Decode {
            status,
            message,
            snippet,
        } => Error::Decode {
            status,
            message: scrub(&message, secrets),
            snippet: scrub(&snippet, secrets),
        },
        Error::InvalidInput(m) => Error::InvalidInput(scrub(&m, secrets)),
        other => other,
    }
}

fn scrub(text: &str, secrets: &[Secret]) -> String {
    let mut out = text.to_string();
    for s in secrets {
        // Values of a few bytes would turn ordinary words into `***`: they cannot be
        // recognised reliably, and the server does not echo values anyway.
        if s.expose().len() >= 4 {
            out = out.replace(s.expose(), "***");
        }
    }
    out
}

/// Names: non-empty, at most [`MAX_NAME_LEN`] bytes, no surrounding whitespace, no
/// control characters or `/`.
fn check_name(what: &str, name: &str) -> Result<()> {
    if name.is_empty() {
        return Err(Error::InvalidInput(format!(
            "a {what} name must not be empty"
        )));
    }
    if name.len() > MAX_NAME_LEN {
        return Err(Error::InvalidInput(format!(
            "{what} name {name:?} is longer than {MAX_NAME_LEN} bytes"
        )));
    }
    if name.trim() != name {
        return Err(Error::InvalidInput(format!(
            "{what} name {name:?} has leading or trailing whitespace"
        )));
    }
    if name.chars().any(|c| c.is_control() || c == '/') {
        return Err(Error::InvalidInput(format!(
            "{what} name {name:?} contains a control character or '/'"
        )));
    }
    Ok(())
}

fn check_host(host: &str) -> std::result::Result<(), String> {
    if host.is_empty() {
        return Err("a host must not be empty".into());
    }
    if host.contains("://") {
        return Err(format!(
            "host {host:?} must be a bare host name, not a URL (use https()/http() and path(..))"
        ));
    }
    if host.contains('/') {
        return Err(format!(
            "host {host:?} must not contain a path (use path(..))"
        ));
    }
    if host.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(format!("host {host:?} contains whitespace"));
    }
    if let Some((_, port)) = host.rsplit_once(':')
        && !host.starts_with('[')
        && port.bytes().all(|b| b.is_ascii_digit())
    {
        return Err(format!(
            "host {host:?} must not carry a port (use port(..))"
        ));
    }
    Ok(())
}

fn check_header(name: &str) -> std::result::Result<(), String> {
    if name.is_empty() || !name.bytes().all(is_token_byte) {
        return Err(format!("{name:?} is not a valid header name"));
    }
    Ok(())
}

/// RFC 9110 `tchar`.
fn is_token_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}

fn unique_names<'a>(what: &str, names: impl Iterator<Item = &'a str>) -> Result<BTreeSet<&'a str>> {
    let mut seen = BTreeSet::new();
    for n in names {
        if !seen.insert(n) {
            return Err(Error::InvalidInput(format!(
                "{what} {n:?} appears more than once"
            )));
        }
    }
    Ok(seen)
}

fn list(names: &BTreeSet<&str>) -> String {
    if names.is_empty() {
        return "none".into();
    }
    names
        .iter()
        .map(|n| format!("{n:?}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Standard base64 with padding.
pub(crate) fn base64(input: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(input.len().div_ceil(3) * 4);
    for chunk in input.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        let sextet = |shift: u32| char::from(ALPHABET[((n >> shift) & 0x3f) as usize]);
        out.push(sextet(18));
        out.push(sextet(12));
        out.push(if chunk.len() > 1 { sextet(6) } else { '=' });
        out.push(if chunk.len() > 2 { sextet(0) } else { '=' });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn write_errors_are_scrubbed() {
        let secrets = vec![Secret::new("tok-123456")];
        let api = crate::error::ApiError::from_parts(
            reqwest::StatusCode::BAD_REQUEST,
            &reqwest::header::HeaderMap::new(),
            bytes::Bytes::from_static(b"invalid value tok-123456 for credential"),
        );
        let e = scrub_write_error(Error::from(api), &secrets);
        assert!(!e.to_string().contains("tok-123456"), "{e}");
        assert!(!e.api().unwrap().body_text().contains("tok-123456"));
        assert_eq!(e.status(), Some(reqwest::StatusCode::BAD_REQUEST));
    }

    #[test]
    fn base64_matches_rfc4648() {
        for (i, o) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(i.as_bytes()), o);
        }
    }
}
