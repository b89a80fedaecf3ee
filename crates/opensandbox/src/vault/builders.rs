//! The builders users construct: [`Credential`], [`Binding`], [`CredentialVault`] and
//! [`CredentialVaultPatch`]. Checks live in `validate`, the wire form in `wire`.

use std::fmt;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;

use crate::secret::Secret;

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
            value: Secret::new(STANDARD.encode(raw.as_bytes())),
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

    /// The secret values, for scrubbing error messages.
    pub(crate) fn secrets(&self) -> Vec<Secret> {
        self.credentials.iter().map(|c| c.value.clone()).collect()
    }
}

/// An atomic change to a credential vault
/// ([`Sandbox::patch_credential_vault`](crate::Sandbox::patch_credential_vault)):
/// additions, replacements and deletions of credentials and bindings that produce one
/// new revision, or nothing.
///
/// Build it against the revision you read ([`CredentialVaultPatch::at_revision`]): if
/// the vault has moved on, the server refuses with 409
/// ([`Error::is_conflict`](crate::Error::is_conflict)); read it again and retry.
/// [`CredentialVaultPatch::unconditional`] applies the change whatever the revision.
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

    /// The secret values, for scrubbing error messages.
    pub(crate) fn secrets(&self) -> Vec<Secret> {
        self.add_credentials
            .iter()
            .chain(&self.replace_credentials)
            .map(|c| c.value.clone())
            .collect()
    }
}
