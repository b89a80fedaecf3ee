// @generated from specs/sandbox-lifecycle.yml + specs/diagnostic-api.yml by `cargo xtask codegen`. Do not edit: change the specs or xtask and regenerate.

#[allow(unused_imports)]
pub use progenitor_client::{ByteStream, ClientInfo, Error, ResponseValue};
#[allow(unused_imports)]
use progenitor_client::{encode_path, ClientHooks, OperationInfo, RequestBuilderExt};
/// Types used as operation parameters and responses.
#[allow(clippy::all)]
pub mod types {
    /**Everything needed to start a sandbox.

Normally exactly one of `image` and `snapshotId` is set and
`resourceLimits` is mandatory. With `image`, `entrypoint` is mandatory
too; with `snapshotId` it is optional and defaults to
`["tail", "-f", "/dev/null"]`.

When `extensions.poolRef` names a pre-provisioned pool, the pool's
template supplies the image, entry process and resource limits, so
all three become optional; `snapshotId` cannot be combined with a
pool.

Invalid bodies are answered with 422 and a FastAPI `{"detail": [...]}`
body by the reference server.
*/
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Default)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct CreateSandboxRequest {
        #[serde(
            rename = "credentialProxy",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub credential_proxy: ::std::option::Option<CredentialProxyConfig>,
        /**Main process of the sandbox as an argument vector
(`[program, arg, ...]`), e.g. `["/bin/sh", "-c", "sleep infinity"]`.
Mandatory with `image`; optional with `snapshotId`, where it
defaults to `["tail", "-f", "/dev/null"]`. Naming the main process
lets the server launch its own helper processes first.
*/
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub entrypoint: ::std::vec::Vec<::std::string::String>,
        ///Environment variables set for processes in the sandbox.
        #[serde(
            default,
            skip_serializing_if = ":: std :: collections :: HashMap::is_empty"
        )]
        pub env: ::std::collections::HashMap<
            ::std::string::String,
            ::std::string::String,
        >,
        /**Free-form string settings for provider-specific or experimental
features that are not part of the core API. Clients should pass
them through unchanged; prefix your own keys (e.g. `acme.zone`)
to avoid clashes.

Keys with a known meaning:
- `poolRef`: create the sandbox from the named pre-provisioned pool.
- `access.renew.extend.seconds`: enables renew-on-access
  (OSEP-0009); each access pushes the expiry out by this many
  seconds. Must be a whole number from 300 to 86400, otherwise
  creation fails with 400.
*/
        #[serde(
            default,
            skip_serializing_if = ":: std :: collections :: HashMap::is_empty"
        )]
        pub extensions: ::std::collections::HashMap<
            ::std::string::String,
            ::std::string::String,
        >,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub image: ::std::option::Option<ImageSpec>,
        /**Labels for organising and filtering sandboxes. By convention the
`name` key holds a display name. Keys and values follow Kubernetes
label syntax.
*/
        #[serde(
            default,
            skip_serializing_if = ":: std :: collections :: HashMap::is_empty"
        )]
        pub metadata: ::std::collections::HashMap<
            ::std::string::String,
            ::std::string::String,
        >,
        #[serde(
            rename = "networkPolicy",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub network_policy: ::std::option::Option<NetworkPolicy>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub platform: ::std::option::Option<PlatformSpec>,
        #[serde(
            rename = "resourceLimits",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub resource_limits: ::std::option::Option<ResourceLimits>,
        /**Protect the sandbox's endpoints with an access token. At present
this only works for Kubernetes sandboxes published through the
ingress gateway. When on, the endpoint lookup returns the extra
headers (such as `OpenSandbox-Secure-Access`) that every request
to the sandbox must carry. When off, endpoints need no token.
*/
        #[serde(rename = "secureAccess", default)]
        pub secure_access: bool,
        ///Snapshot to restore from. Cannot be combined with `image`.
        #[serde(
            rename = "snapshotId",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub snapshot_id: ::std::option::Option<::std::string::String>,
        /**Lifetime in seconds after which the sandbox is deleted
automatically. Must be at least 60; the server also enforces its
own upper limit. Send `null` or leave it out to keep the sandbox
until it is deleted explicitly. Some Kubernetes providers cannot
run non-expiring sandboxes and will reject a missing timeout.
*/
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub timeout: ::std::option::Option<i64>,
        /**Storage to mount into the sandbox. Each entry names exactly one
backend (`host`, `pvc` or `ossfs`) plus where and how to mount it.
*/
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub volumes: ::std::vec::Vec<Volume>,
    }
    impl CreateSandboxRequest {
        pub fn builder() -> builder::CreateSandboxRequest {
            Default::default()
        }
    }
    /**Reduced sandbox record returned by the create call. It omits the
startup source (`image` / `snapshotId`) and `updatedAt`; fetch the
sandbox to see everything.
*/
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct CreateSandboxResponse {
        ///When the sandbox was created (RFC 3339).
        #[serde(
            rename = "createdAt",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub created_at: ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
        /**The sandbox's main process command line: the one from the request
for image-based sandboxes, or the one stored in the snapshot for
restored ones.
*/
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub entrypoint: ::std::vec::Vec<::std::string::String>,
        /**When the sandbox will be removed automatically (RFC 3339). Missing
for sandboxes created without a timeout, which must be deleted by
hand.
*/
        #[serde(
            rename = "expiresAt",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub expires_at: ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
        ///Identifier of the new sandbox; use it for every later call.
        pub id: ::std::string::String,
        ///The metadata supplied in the create request.
        #[serde(
            default,
            skip_serializing_if = ":: std :: collections :: HashMap::is_empty"
        )]
        pub metadata: ::std::collections::HashMap<
            ::std::string::String,
            ::std::string::String,
        >,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub platform: ::std::option::Option<PlatformSpec>,
        pub status: SandboxStatus,
    }
    impl CreateSandboxResponse {
        pub fn builder() -> builder::CreateSandboxResponse {
            Default::default()
        }
    }
    ///Optional settings for a new snapshot. An empty object is valid.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default)]
    #[serde(deny_unknown_fields)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct CreateSnapshotRequest {
        ///Friendly label for the snapshot; it need not be unique.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub name: ::std::option::Option<CreateSnapshotRequestName>,
    }
    impl CreateSnapshotRequest {
        pub fn builder() -> builder::CreateSnapshotRequest {
            Default::default()
        }
    }
    ///Friendly label for the snapshot; it need not be unique.
    #[derive(::serde::Serialize, Clone, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
    #[serde(transparent)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct CreateSnapshotRequestName(::std::string::String);
    impl ::std::ops::Deref for CreateSnapshotRequestName {
        type Target = ::std::string::String;
        fn deref(&self) -> &::std::string::String {
            &self.0
        }
    }
    impl ::std::convert::From<CreateSnapshotRequestName> for ::std::string::String {
        fn from(value: CreateSnapshotRequestName) -> Self {
            value.0
        }
    }
    impl ::std::str::FromStr for CreateSnapshotRequestName {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            if value.chars().count() < 1usize {
                return Err("shorter than 1 characters".into());
            }
            Ok(Self(value.to_string()))
        }
    }
    impl ::std::convert::TryFrom<&str> for CreateSnapshotRequestName {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for CreateSnapshotRequestName {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl<'de> ::serde::Deserialize<'de> for CreateSnapshotRequestName {
        fn deserialize<D>(deserializer: D) -> ::std::result::Result<Self, D::Error>
        where
            D: ::serde::Deserializer<'de>,
        {
            ::std::string::String::deserialize(deserializer)?
                .parse()
                .map_err(|e: self::error::ConversionError| {
                    <D::Error as ::serde::de::Error>::custom(e.to_string())
                })
        }
    }
    /**Opt-in switch for the credential vault proxy, which intercepts TLS
traffic so credentials can be injected. Without it the egress sidecar
only filters by domain name.
*/
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default)]
    #[serde(deny_unknown_fields)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct CredentialProxyConfig {
        /**Start the egress sidecar with TLS interception and trust its CA
inside the sandbox. Needs `networkPolicy` to be set as well.
*/
        #[serde(default)]
        pub enabled: bool,
    }
    impl CredentialProxyConfig {
        pub fn builder() -> builder::CredentialProxyConfig {
            Default::default()
        }
    }
    /**Envelope around a piece of diagnostic text.

- `delivery: inline`: the text is in `content`; `contentUrl` and
  `expiresAt` are absent.
- `delivery: url`: the text must be downloaded from `contentUrl`
  before `expiresAt`; `content` is absent.
*/
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct DiagnosticContentResponse {
        ///The text itself; only set for inline delivery.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub content: ::std::option::Option<::std::string::String>,
        ///Size of the text in bytes, if the server knows it.
        #[serde(
            rename = "contentLength",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub content_length: ::std::option::Option<u64>,
        ///Media type of the text, normally `text/plain; charset=utf-8`.
        #[serde(rename = "contentType")]
        pub content_type: ::std::string::String,
        ///Temporary download link for the text; only set for URL delivery.
        #[serde(
            rename = "contentUrl",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub content_url: ::std::option::Option<::std::string::String>,
        pub delivery: crate::types::DiagnosticContentResponseDelivery,
        ///Moment after which `contentUrl` stops working; only set for URL delivery.
        #[serde(
            rename = "expiresAt",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub expires_at: ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
        pub kind: crate::types::DiagnosticContentResponseKind,
        ///The sandbox the text belongs to.
        #[serde(rename = "sandboxId")]
        pub sandbox_id: ::std::string::String,
        ///The scope the server actually used to build the payload.
        pub scope: ::std::string::String,
        /**True when the server deliberately cut the text short (for size).
It does not report data the backend had already discarded, such
as aged-out Kubernetes events; such gaps show up in `warnings`.
*/
        pub truncated: bool,
        ///Notes about missing or partial data that did not prevent a response.
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub warnings: ::std::vec::Vec<::std::string::String>,
    }
    impl DiagnosticContentResponse {
        pub fn builder() -> builder::DiagnosticContentResponse {
            Default::default()
        }
    }
    /**How to reach a port inside a sandbox: a base address plus headers that
must accompany every request to it.
*/
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct Endpoint {
        /**Base address **without a scheme**; add the lifecycle server's
scheme in front. It is `host[:port]` optionally followed by a path,
for example `10.0.0.5:44772`, `10.0.0.5:40123/proxy/44772`,
`lifecycle.example:8080/sandboxes/sbx-1/proxy/44772` or
`sbx-1-44772.sandbox.example.com`. Append API paths after any path
it already has rather than replacing it.
*/
        pub endpoint: ::std::string::String,
        /**Headers to send on every request to `endpoint`, e.g.
`OpenSandbox-Ingress-To` for gateway routing or
`OpenSandbox-Secure-Access` for secured sandboxes. Never add the
lifecycle API key to these requests.
*/
        #[serde(
            default,
            skip_serializing_if = ":: std :: collections :: HashMap::is_empty"
        )]
        pub headers: ::std::collections::HashMap<
            ::std::string::String,
            ::std::string::String,
        >,
    }
    impl Endpoint {
        pub fn builder() -> builder::Endpoint {
            Default::default()
        }
    }
    /**Error body used by the lifecycle server for non-2xx answers. The HTTP
status gives the category and `code` the specific cause. Request
validation failures are the exception: they arrive as 422 with
FastAPI's `{"detail": [...]}` body instead of this shape.
*/
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    #[serde(deny_unknown_fields)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct ErrorResponse {
        /**Stable identifier to branch on. Lifecycle codes carry a subsystem
prefix, e.g. `SANDBOX::NOT_FOUND`, `DOCKER::SANDBOX_NOT_FOUND`,
`GENERAL::UNKNOWN_ERROR`; authentication failures use
`MISSING_API_KEY` / `INVALID_API_KEY`.
*/
        pub code: ::std::string::String,
        ///Explanation for people; do not parse it.
        pub message: ::std::string::String,
    }
    impl ErrorResponse {
        pub fn builder() -> builder::ErrorResponse {
            Default::default()
        }
    }
    ///`GetSandboxEndpointExpires`
    #[derive(::serde::Serialize, Clone, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
    #[serde(transparent)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct GetSandboxEndpointExpires(::std::string::String);
    impl ::std::ops::Deref for GetSandboxEndpointExpires {
        type Target = ::std::string::String;
        fn deref(&self) -> &::std::string::String {
            &self.0
        }
    }
    impl ::std::convert::From<GetSandboxEndpointExpires> for ::std::string::String {
        fn from(value: GetSandboxEndpointExpires) -> Self {
            value.0
        }
    }
    impl ::std::str::FromStr for GetSandboxEndpointExpires {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            if value.chars().count() > 20usize {
                return Err("longer than 20 characters".into());
            }
            if value.chars().count() < 1usize {
                return Err("shorter than 1 characters".into());
            }
            static PATTERN: ::std::sync::LazyLock<::regress::Regex> = ::std::sync::LazyLock::new(||
            { ::regress::Regex::new("^(0|[1-9][0-9]*)$").unwrap() });
            if PATTERN.find(value).is_none() {
                return Err("doesn't match pattern \"^(0|[1-9][0-9]*)$\"".into());
            }
            Ok(Self(value.to_string()))
        }
    }
    impl ::std::convert::TryFrom<&str> for GetSandboxEndpointExpires {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for GetSandboxEndpointExpires {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl<'de> ::serde::Deserialize<'de> for GetSandboxEndpointExpires {
        fn deserialize<D>(deserializer: D) -> ::std::result::Result<Self, D::Error>
        where
            D: ::serde::Deserializer<'de>,
        {
            ::std::string::String::deserialize(deserializer)?
                .parse()
                .map_err(|e: self::error::ConversionError| {
                    <D::Error as ::serde::de::Error>::custom(e.to_string())
                })
        }
    }
    /**Bind-mounts a directory of the machine running the sandbox. Only works
where the runtime allows host mounts, and only below the prefixes the
server operator has allow-listed.
*/
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    #[serde(deny_unknown_fields)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct Host {
        /**Absolute directory on the host: starting with `/` on Unix or with a
drive such as `D:\` or `D:/` on Windows. Must fall under an
allow-listed prefix.
*/
        pub path: HostPath,
    }
    impl Host {
        pub fn builder() -> builder::Host {
            Default::default()
        }
    }
    /**Absolute directory on the host: starting with `/` on Unix or with a
drive such as `D:\` or `D:/` on Windows. Must fall under an
allow-listed prefix.
*/
    #[derive(::serde::Serialize, Clone, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
    #[serde(transparent)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct HostPath(::std::string::String);
    impl ::std::ops::Deref for HostPath {
        type Target = ::std::string::String;
        fn deref(&self) -> &::std::string::String {
            &self.0
        }
    }
    impl ::std::convert::From<HostPath> for ::std::string::String {
        fn from(value: HostPath) -> Self {
            value.0
        }
    }
    impl ::std::str::FromStr for HostPath {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            static PATTERN: ::std::sync::LazyLock<::regress::Regex> = ::std::sync::LazyLock::new(||
            { ::regress::Regex::new("^(/|[A-Za-z]:[\\\\/])").unwrap() });
            if PATTERN.find(value).is_none() {
                return Err("doesn't match pattern \"^(/|[A-Za-z]:[\\\\/])\"".into());
            }
            Ok(Self(value.to_string()))
        }
    }
    impl ::std::convert::TryFrom<&str> for HostPath {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for HostPath {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl<'de> ::serde::Deserialize<'de> for HostPath {
        fn deserialize<D>(deserializer: D) -> ::std::result::Result<Self, D::Error>
        where
            D: ::serde::Deserializer<'de>,
        {
            ::std::string::String::deserialize(deserializer)?
                .parse()
                .map_err(|e: self::error::ConversionError| {
                    <D::Error as ::serde::de::Error>::custom(e.to_string())
                })
        }
    }
    ///OCI image to boot the sandbox from, with optional registry credentials.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct ImageSpec {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub auth: ::std::option::Option<ImageSpecAuth>,
        /**Image reference as you would pass it to `docker pull`, e.g.
`alpine:3.20`, `ghcr.io/acme/worker:1.4.2` or
`registry.internal:5000/tools/runner@sha256:...`.
*/
        pub uri: ::std::string::String,
    }
    impl ImageSpec {
        pub fn builder() -> builder::ImageSpec {
            Default::default()
        }
    }
    ///Credentials for pulling from a registry that needs login.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Default)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct ImageSpecAuth {
        ///Registry password or access token.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub password: ::std::option::Option<::std::string::String>,
        ///Registry user name (or service account).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub username: ::std::option::Option<::std::string::String>,
    }
    impl ImageSpecAuth {
        pub fn builder() -> builder::ImageSpecAuth {
            Default::default()
        }
    }
    ///One page of sandboxes.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct ListSandboxesResponse {
        ///Sandboxes on this page.
        pub items: ::std::vec::Vec<Sandbox>,
        pub pagination: PaginationInfo,
    }
    impl ListSandboxesResponse {
        pub fn builder() -> builder::ListSandboxesResponse {
            Default::default()
        }
    }
    ///One page of snapshots.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct ListSnapshotsResponse {
        ///Snapshots on this page.
        pub items: ::std::vec::Vec<Snapshot>,
        pub pagination: PaginationInfo,
    }
    impl ListSnapshotsResponse {
        pub fn builder() -> builder::ListSnapshotsResponse {
            Default::default()
        }
    }
    /**Outbound traffic policy, identical in shape to the egress sidecar's
`/policy` body. Without `defaultAction` the sidecar denies anything not
matched; an empty or null policy at creation means everything is
allowed.
*/
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default)]
    #[serde(deny_unknown_fields)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct NetworkPolicy {
        ///What happens to traffic no rule matches (`deny` if omitted).
        #[serde(
            rename = "defaultAction",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub default_action: ::std::option::Option<NetworkPolicyDefaultAction>,
        ///Rules checked top to bottom; the first match decides.
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub egress: ::std::vec::Vec<NetworkRule>,
    }
    impl NetworkPolicy {
        pub fn builder() -> builder::NetworkPolicy {
            Default::default()
        }
    }
    ///What happens to traffic no rule matches (`deny` if omitted).
    #[derive(
        ::serde::Deserialize,
        ::serde::Serialize,
        Clone,
        Copy,
        Debug,
        Eq,
        Hash,
        Ord,
        PartialEq,
        PartialOrd
    )]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub enum NetworkPolicyDefaultAction {
        #[serde(rename = "allow")]
        Allow,
        #[serde(rename = "deny")]
        Deny,
    }
    impl ::std::fmt::Display for NetworkPolicyDefaultAction {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            match *self {
                Self::Allow => f.write_str("allow"),
                Self::Deny => f.write_str("deny"),
            }
        }
    }
    impl ::std::str::FromStr for NetworkPolicyDefaultAction {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            match value {
                "allow" => Ok(Self::Allow),
                "deny" => Ok(Self::Deny),
                _ => Err("invalid value".into()),
            }
        }
    }
    impl ::std::convert::TryFrom<&str> for NetworkPolicyDefaultAction {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for NetworkPolicyDefaultAction {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    ///One outbound rule.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    #[serde(deny_unknown_fields)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct NetworkRule {
        ///Verdict for traffic that matches `target`.
        pub action: NetworkRuleAction,
        /**Domain to match, either exact (`api.github.com`) or with a leading
wildcard (`*.github.com`). IP addresses and CIDR ranges are not
supported yet.
*/
        pub target: ::std::string::String,
    }
    impl NetworkRule {
        pub fn builder() -> builder::NetworkRule {
            Default::default()
        }
    }
    ///Verdict for traffic that matches `target`.
    #[derive(
        ::serde::Deserialize,
        ::serde::Serialize,
        Clone,
        Copy,
        Debug,
        Eq,
        Hash,
        Ord,
        PartialEq,
        PartialOrd
    )]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub enum NetworkRuleAction {
        #[serde(rename = "allow")]
        Allow,
        #[serde(rename = "deny")]
        Deny,
    }
    impl ::std::fmt::Display for NetworkRuleAction {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            match *self {
                Self::Allow => f.write_str("allow"),
                Self::Deny => f.write_str("deny"),
            }
        }
    }
    impl ::std::str::FromStr for NetworkRuleAction {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            match value {
                "allow" => Ok(Self::Allow),
                "deny" => Ok(Self::Deny),
                _ => Err("invalid value".into()),
            }
        }
    }
    impl ::std::convert::TryFrom<&str> for NetworkRuleAction {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for NetworkRuleAction {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    /**Mounts an Alibaba Cloud OSS bucket with ossfs. The bucket is first
mounted on the host (under the directory configured as
`storage.ossfs_mount_root`), and that host directory is then exposed
inside the sandbox through a bind mount; `Volume.subPath` picks the
prefix. With the Docker runtime the server must run on Linux with FUSE.
*/
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone)]
    #[serde(deny_unknown_fields)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct Ossfs {
        ///AccessKey ID used to mount the bucket.
        #[serde(rename = "accessKeyId")]
        pub access_key_id: OssfsAccessKeyId,
        ///AccessKey secret paired with `accessKeyId`.
        #[serde(rename = "accessKeySecret")]
        pub access_key_secret: OssfsAccessKeySecret,
        ///Bucket to mount.
        pub bucket: OssfsBucket,
        ///OSS service host, e.g. `oss-eu-central-1.aliyuncs.com`.
        pub endpoint: OssfsEndpoint,
        /**Extra ossfs mount options, given without leading dashes. With
`1.0` each becomes an `-o <option>` argument; with `2.0` each is
written as a `--<option>` line in the generated ossfs2 config file.
*/
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub options: ::std::vec::Vec<::std::string::String>,
        ///Which ossfs generation the server uses to mount.
        #[serde(default = "defaults::ossfs_version")]
        pub version: OssfsVersion,
    }
    impl Ossfs {
        pub fn builder() -> builder::Ossfs {
            Default::default()
        }
    }
    ///AccessKey ID used to mount the bucket.
    #[derive(::serde::Serialize, Clone, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
    #[serde(transparent)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct OssfsAccessKeyId(::std::string::String);
    impl ::std::ops::Deref for OssfsAccessKeyId {
        type Target = ::std::string::String;
        fn deref(&self) -> &::std::string::String {
            &self.0
        }
    }
    impl ::std::convert::From<OssfsAccessKeyId> for ::std::string::String {
        fn from(value: OssfsAccessKeyId) -> Self {
            value.0
        }
    }
    impl ::std::str::FromStr for OssfsAccessKeyId {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            if value.chars().count() < 1usize {
                return Err("shorter than 1 characters".into());
            }
            Ok(Self(value.to_string()))
        }
    }
    impl ::std::convert::TryFrom<&str> for OssfsAccessKeyId {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for OssfsAccessKeyId {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl<'de> ::serde::Deserialize<'de> for OssfsAccessKeyId {
        fn deserialize<D>(deserializer: D) -> ::std::result::Result<Self, D::Error>
        where
            D: ::serde::Deserializer<'de>,
        {
            ::std::string::String::deserialize(deserializer)?
                .parse()
                .map_err(|e: self::error::ConversionError| {
                    <D::Error as ::serde::de::Error>::custom(e.to_string())
                })
        }
    }
    ///AccessKey secret paired with `accessKeyId`.
    #[derive(::serde::Serialize, Clone, Eq, Hash, Ord, PartialEq, PartialOrd)]
    #[serde(transparent)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct OssfsAccessKeySecret(::std::string::String);
    impl ::std::ops::Deref for OssfsAccessKeySecret {
        type Target = ::std::string::String;
        fn deref(&self) -> &::std::string::String {
            &self.0
        }
    }
    impl ::std::convert::From<OssfsAccessKeySecret> for ::std::string::String {
        fn from(value: OssfsAccessKeySecret) -> Self {
            value.0
        }
    }
    impl ::std::str::FromStr for OssfsAccessKeySecret {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            if value.chars().count() < 1usize {
                return Err("shorter than 1 characters".into());
            }
            Ok(Self(value.to_string()))
        }
    }
    impl ::std::convert::TryFrom<&str> for OssfsAccessKeySecret {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for OssfsAccessKeySecret {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl<'de> ::serde::Deserialize<'de> for OssfsAccessKeySecret {
        fn deserialize<D>(deserializer: D) -> ::std::result::Result<Self, D::Error>
        where
            D: ::serde::Deserializer<'de>,
        {
            ::std::string::String::deserialize(deserializer)?
                .parse()
                .map_err(|e: self::error::ConversionError| {
                    <D::Error as ::serde::de::Error>::custom(e.to_string())
                })
        }
    }
    ///Bucket to mount.
    #[derive(::serde::Serialize, Clone, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
    #[serde(transparent)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct OssfsBucket(::std::string::String);
    impl ::std::ops::Deref for OssfsBucket {
        type Target = ::std::string::String;
        fn deref(&self) -> &::std::string::String {
            &self.0
        }
    }
    impl ::std::convert::From<OssfsBucket> for ::std::string::String {
        fn from(value: OssfsBucket) -> Self {
            value.0
        }
    }
    impl ::std::str::FromStr for OssfsBucket {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            if value.chars().count() > 63usize {
                return Err("longer than 63 characters".into());
            }
            if value.chars().count() < 3usize {
                return Err("shorter than 3 characters".into());
            }
            Ok(Self(value.to_string()))
        }
    }
    impl ::std::convert::TryFrom<&str> for OssfsBucket {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for OssfsBucket {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl<'de> ::serde::Deserialize<'de> for OssfsBucket {
        fn deserialize<D>(deserializer: D) -> ::std::result::Result<Self, D::Error>
        where
            D: ::serde::Deserializer<'de>,
        {
            ::std::string::String::deserialize(deserializer)?
                .parse()
                .map_err(|e: self::error::ConversionError| {
                    <D::Error as ::serde::de::Error>::custom(e.to_string())
                })
        }
    }
    ///OSS service host, e.g. `oss-eu-central-1.aliyuncs.com`.
    #[derive(::serde::Serialize, Clone, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
    #[serde(transparent)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct OssfsEndpoint(::std::string::String);
    impl ::std::ops::Deref for OssfsEndpoint {
        type Target = ::std::string::String;
        fn deref(&self) -> &::std::string::String {
            &self.0
        }
    }
    impl ::std::convert::From<OssfsEndpoint> for ::std::string::String {
        fn from(value: OssfsEndpoint) -> Self {
            value.0
        }
    }
    impl ::std::str::FromStr for OssfsEndpoint {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            if value.chars().count() < 1usize {
                return Err("shorter than 1 characters".into());
            }
            Ok(Self(value.to_string()))
        }
    }
    impl ::std::convert::TryFrom<&str> for OssfsEndpoint {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for OssfsEndpoint {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl<'de> ::serde::Deserialize<'de> for OssfsEndpoint {
        fn deserialize<D>(deserializer: D) -> ::std::result::Result<Self, D::Error>
        where
            D: ::serde::Deserializer<'de>,
        {
            ::std::string::String::deserialize(deserializer)?
                .parse()
                .map_err(|e: self::error::ConversionError| {
                    <D::Error as ::serde::de::Error>::custom(e.to_string())
                })
        }
    }
    ///Which ossfs generation the server uses to mount.
    #[derive(
        ::serde::Deserialize,
        ::serde::Serialize,
        Clone,
        Copy,
        Debug,
        Eq,
        Hash,
        Ord,
        PartialEq,
        PartialOrd
    )]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub enum OssfsVersion {
        #[serde(rename = "1.0")]
        X10,
        #[serde(rename = "2.0")]
        X20,
    }
    impl ::std::fmt::Display for OssfsVersion {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            match *self {
                Self::X10 => f.write_str("1.0"),
                Self::X20 => f.write_str("2.0"),
            }
        }
    }
    impl ::std::str::FromStr for OssfsVersion {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            match value {
                "1.0" => Ok(Self::X10),
                "2.0" => Ok(Self::X20),
                _ => Err("invalid value".into()),
            }
        }
    }
    impl ::std::convert::TryFrom<&str> for OssfsVersion {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for OssfsVersion {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::default::Default for OssfsVersion {
        fn default() -> Self {
            OssfsVersion::X20
        }
    }
    ///Counters that describe where this page sits in the full result.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct PaginationInfo {
        ///True when a further page can be requested.
        #[serde(rename = "hasNextPage")]
        pub has_next_page: bool,
        ///One-based index of this page.
        pub page: ::std::num::NonZeroU64,
        ///Page size that was applied (at most 200 on the reference server).
        #[serde(rename = "pageSize")]
        pub page_size: ::std::num::NonZeroU64,
        ///Number of matching entries across all pages.
        #[serde(rename = "totalItems")]
        pub total_items: u64,
        ///Number of pages available at this page size.
        #[serde(rename = "totalPages")]
        pub total_pages: u64,
    }
    impl PaginationInfo {
        pub fn builder() -> builder::PaginationInfo {
            Default::default()
        }
    }
    /**Merge-patch document for sandbox metadata: each key maps to a new
string value, or to `null` to remove that key. Keys not mentioned are
kept. The `opensandbox.io/` key prefix is reserved.
*/
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    #[serde(transparent)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct PatchSandboxMetadataRequest(
        pub ::std::collections::HashMap<
            ::std::string::String,
            ::std::option::Option<::std::string::String>,
        >,
    );
    impl ::std::ops::Deref for PatchSandboxMetadataRequest {
        type Target = ::std::collections::HashMap<
            ::std::string::String,
            ::std::option::Option<::std::string::String>,
        >;
        fn deref(
            &self,
        ) -> &::std::collections::HashMap<
            ::std::string::String,
            ::std::option::Option<::std::string::String>,
        > {
            &self.0
        }
    }
    impl ::std::convert::From<PatchSandboxMetadataRequest>
    for ::std::collections::HashMap<
        ::std::string::String,
        ::std::option::Option<::std::string::String>,
    > {
        fn from(value: PatchSandboxMetadataRequest) -> Self {
            value.0
        }
    }
    impl ::std::convert::From<
        ::std::collections::HashMap<
            ::std::string::String,
            ::std::option::Option<::std::string::String>,
        >,
    > for PatchSandboxMetadataRequest {
        fn from(
            value: ::std::collections::HashMap<
                ::std::string::String,
                ::std::option::Option<::std::string::String>,
            >,
        ) -> Self {
            Self(value)
        }
    }
    /**Operating system and CPU architecture the sandbox must run on. It is
separate from the image reference.

When omitted, each runtime picks as it normally would: Docker sets no
platform override, and on Kubernetes the pod gets neither an OS nor an
architecture node selector unless a workload template adds one. When
given, a runtime that cannot honour it must fail the request instead of
silently ignoring it.
*/
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct PlatformSpec {
        pub arch: crate::types::PlatformSpecArch,
        pub os: crate::types::PlatformSpecOs,
    }
    impl PlatformSpec {
        pub fn builder() -> builder::PlatformSpec {
            Default::default()
        }
    }
    /**Named volume managed by the platform: a PersistentVolumeClaim in the
sandbox's namespace on Kubernetes, a `docker volume` on Docker. By
default a missing volume is created using the sizing hints below.
*/
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    #[serde(deny_unknown_fields)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct Pvc {
        /**Access modes for a PVC the server creates, e.g. `["ReadWriteMany"]`;
`["ReadWriteOnce"]` when unset. Docker ignores it.
*/
        #[serde(
            rename = "accessModes",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub access_modes: ::std::option::Option<::std::vec::Vec<::std::string::String>>,
        ///PVC name on Kubernetes, volume name on Docker; a DNS label.
        #[serde(rename = "claimName")]
        pub claim_name: PvcClaimName,
        ///Create the volume if it is missing; when false a missing volume is an error.
        #[serde(
            rename = "createIfNotExists",
            default = "defaults::default_bool::<true>"
        )]
        pub create_if_not_exists: bool,
        /**Docker only: remove the volume with the sandbox, but only if the
server created it. Volumes that already existed are kept, and on
Kubernetes the StorageClass reclaim policy decides instead.
*/
        #[serde(rename = "deleteOnSandboxTermination", default)]
        pub delete_on_sandbox_termination: bool,
        /**Requested size of a PVC the server creates, as a Kubernetes
quantity such as `5Gi`. Falls back to the server's configured
default size. Docker ignores it.
*/
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub storage: ::std::option::Option<PvcStorage>,
        ///StorageClass for a PVC the server creates; unset means the cluster default. Docker ignores it.
        #[serde(
            rename = "storageClass",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub storage_class: ::std::option::Option<::std::string::String>,
    }
    impl Pvc {
        pub fn builder() -> builder::Pvc {
            Default::default()
        }
    }
    ///PVC name on Kubernetes, volume name on Docker; a DNS label.
    #[derive(::serde::Serialize, Clone, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
    #[serde(transparent)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct PvcClaimName(::std::string::String);
    impl ::std::ops::Deref for PvcClaimName {
        type Target = ::std::string::String;
        fn deref(&self) -> &::std::string::String {
            &self.0
        }
    }
    impl ::std::convert::From<PvcClaimName> for ::std::string::String {
        fn from(value: PvcClaimName) -> Self {
            value.0
        }
    }
    impl ::std::str::FromStr for PvcClaimName {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            if value.chars().count() > 253usize {
                return Err("longer than 253 characters".into());
            }
            static PATTERN: ::std::sync::LazyLock<::regress::Regex> = ::std::sync::LazyLock::new(||
            { ::regress::Regex::new("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$").unwrap() });
            if PATTERN.find(value).is_none() {
                return Err(
                    "doesn't match pattern \"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$\"".into(),
                );
            }
            Ok(Self(value.to_string()))
        }
    }
    impl ::std::convert::TryFrom<&str> for PvcClaimName {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for PvcClaimName {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl<'de> ::serde::Deserialize<'de> for PvcClaimName {
        fn deserialize<D>(deserializer: D) -> ::std::result::Result<Self, D::Error>
        where
            D: ::serde::Deserializer<'de>,
        {
            ::std::string::String::deserialize(deserializer)?
                .parse()
                .map_err(|e: self::error::ConversionError| {
                    <D::Error as ::serde::de::Error>::custom(e.to_string())
                })
        }
    }
    /**Requested size of a PVC the server creates, as a Kubernetes
quantity such as `5Gi`. Falls back to the server's configured
default size. Docker ignores it.
*/
    #[derive(::serde::Serialize, Clone, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
    #[serde(transparent)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct PvcStorage(::std::string::String);
    impl ::std::ops::Deref for PvcStorage {
        type Target = ::std::string::String;
        fn deref(&self) -> &::std::string::String {
            &self.0
        }
    }
    impl ::std::convert::From<PvcStorage> for ::std::string::String {
        fn from(value: PvcStorage) -> Self {
            value.0
        }
    }
    impl ::std::str::FromStr for PvcStorage {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            static PATTERN: ::std::sync::LazyLock<::regress::Regex> = ::std::sync::LazyLock::new(||
            { ::regress::Regex::new("^\\d+(\\.\\d+)?(Ki|Mi|Gi|Ti|Pi|Ei)?$").unwrap() });
            if PATTERN.find(value).is_none() {
                return Err(
                    "doesn't match pattern \"^\\d+(\\.\\d+)?(Ki|Mi|Gi|Ti|Pi|Ei)?$\""
                        .into(),
                );
            }
            Ok(Self(value.to_string()))
        }
    }
    impl ::std::convert::TryFrom<&str> for PvcStorage {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for PvcStorage {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl<'de> ::serde::Deserialize<'de> for PvcStorage {
        fn deserialize<D>(deserializer: D) -> ::std::result::Result<Self, D::Error>
        where
            D: ::serde::Deserializer<'de>,
        {
            ::std::string::String::deserialize(deserializer)?
                .parse()
                .map_err(|e: self::error::ConversionError| {
                    <D::Error as ::serde::de::Error>::custom(e.to_string())
                })
        }
    }
    ///`RenewSandboxExpirationRequest`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    #[serde(deny_unknown_fields)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct RenewSandboxExpirationRequest {
        /**New termination time as an RFC 3339 UTC timestamp, e.g.
`2026-05-04T18:00:00Z`. It has to lie in the future and later than
the current `expiresAt`.
*/
        #[serde(rename = "expiresAt")]
        pub expires_at: ::chrono::DateTime<::chrono::offset::Utc>,
    }
    impl RenewSandboxExpirationRequest {
        pub fn builder() -> builder::RenewSandboxExpirationRequest {
            Default::default()
        }
    }
    ///`RenewSandboxExpirationResponse`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct RenewSandboxExpirationResponse {
        ///The termination time now in force (RFC 3339, UTC).
        #[serde(rename = "expiresAt")]
        pub expires_at: ::chrono::DateTime<::chrono::offset::Utc>,
    }
    impl RenewSandboxExpirationResponse {
        pub fn builder() -> builder::RenewSandboxExpirationResponse {
            Default::default()
        }
    }
    /**Resource caps as a string-to-string map, in the spirit of Kubernetes
resource quantities. Well-known keys are `cpu` (cores or millicores,
e.g. `"2"` or `"750m"`), `memory` (e.g. `"768Mi"`, `"2Gi"`) and `gpu`
(device count). Other keys may be understood by particular runtimes.
*/
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    #[serde(transparent)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct ResourceLimits(
        pub ::std::collections::HashMap<::std::string::String, ::std::string::String>,
    );
    impl ::std::ops::Deref for ResourceLimits {
        type Target = ::std::collections::HashMap<
            ::std::string::String,
            ::std::string::String,
        >;
        fn deref(
            &self,
        ) -> &::std::collections::HashMap<::std::string::String, ::std::string::String> {
            &self.0
        }
    }
    impl ::std::convert::From<ResourceLimits>
    for ::std::collections::HashMap<::std::string::String, ::std::string::String> {
        fn from(value: ResourceLimits) -> Self {
            value.0
        }
    }
    impl ::std::convert::From<
        ::std::collections::HashMap<::std::string::String, ::std::string::String>,
    > for ResourceLimits {
        fn from(
            value: ::std::collections::HashMap<
                ::std::string::String,
                ::std::string::String,
            >,
        ) -> Self {
            Self(value)
        }
    }
    ///Full record of a sandbox, started either from an image or from a snapshot.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct Sandbox {
        ///When the sandbox was created (RFC 3339).
        #[serde(
            rename = "createdAt",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub created_at: ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
        /**The sandbox's main process command line. Always returned: copied
from the request for image-based sandboxes, or taken from the
snapshot for restored ones.
*/
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub entrypoint: ::std::vec::Vec<::std::string::String>,
        /**When the sandbox will be removed automatically (RFC 3339). Missing
for sandboxes without a timeout, which must be deleted by hand.
*/
        #[serde(
            rename = "expiresAt",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub expires_at: ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
        ///Identifier of the sandbox.
        pub id: ::std::string::String,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub image: ::std::option::Option<ImageSpec>,
        ///User-defined labels attached to the sandbox.
        #[serde(
            default,
            skip_serializing_if = ":: std :: collections :: HashMap::is_empty"
        )]
        pub metadata: ::std::collections::HashMap<
            ::std::string::String,
            ::std::string::String,
        >,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub platform: ::std::option::Option<PlatformSpec>,
        /**The snapshot the sandbox was restored from. Only set for restored
sandboxes, and never part of the create response.
*/
        #[serde(
            rename = "snapshotId",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub snapshot_id: ::std::option::Option<::std::string::String>,
        pub status: SandboxStatus,
    }
    impl Sandbox {
        pub fn builder() -> builder::Sandbox {
            Default::default()
        }
    }
    /**Coarse lifecycle state of a sandbox. Values seen today:

- `Pending` – being provisioned or restored.
- `Running` – up and accepting work.
- `Pausing` / `Paused` – being frozen / frozen with state kept.
- `Resuming` – waking up from `Paused`.
- `Stopping` / `Terminated` – shutting down / gone.
- `Failed` – stopped by an unrecoverable error.

Typical flow: `Pending` -> `Running`; `Running` -> `Pausing` ->
`Paused` -> `Resuming` -> `Running`; `Running` or `Paused` ->
`Stopping` -> `Terminated` on delete or expiry. `Pending`, `Running`,
`Paused` and `Resuming` can fall into `Failed`.

This is an open set: treat any other string as a valid, unknown state
instead of failing to decode it.
*/
    #[derive(
        ::serde::Deserialize,
        ::serde::Serialize,
        Clone,
        Debug,
        Eq,
        Hash,
        Ord,
        PartialEq,
        PartialOrd
    )]
    #[serde(transparent)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct SandboxState(pub ::std::string::String);
    impl ::std::ops::Deref for SandboxState {
        type Target = ::std::string::String;
        fn deref(&self) -> &::std::string::String {
            &self.0
        }
    }
    impl ::std::convert::From<SandboxState> for ::std::string::String {
        fn from(value: SandboxState) -> Self {
            value.0
        }
    }
    impl ::std::convert::From<::std::string::String> for SandboxState {
        fn from(value: ::std::string::String) -> Self {
            Self(value)
        }
    }
    impl ::std::fmt::Display for SandboxState {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            self.0.fmt(f)
        }
    }
    impl ::std::str::FromStr for SandboxState {
        type Err = ::std::convert::Infallible;
        fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
            Ok(Self(value.to_string()))
        }
    }
    ///Current sandbox state plus an explanation of how it got there.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct SandboxStatus {
        ///When `state` last changed (RFC 3339).
        #[serde(
            rename = "lastTransitionAt",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub last_transition_at: ::std::option::Option<
            ::chrono::DateTime<::chrono::offset::Utc>,
        >,
        ///Free-text explanation meant for people.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub message: ::std::option::Option<::std::string::String>,
        /**Short, machine-friendly cause of the current state, such as
`ttl_expiry`, `user_delete` or `runtime_error`.
*/
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub reason: ::std::option::Option<::std::string::String>,
        pub state: SandboxState,
    }
    impl SandboxStatus {
        pub fn builder() -> builder::SandboxStatus {
            Default::default()
        }
    }
    ///A saved copy of a sandbox's state that new sandboxes can start from.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct Snapshot {
        ///When the capture was requested (RFC 3339).
        #[serde(rename = "createdAt")]
        pub created_at: ::chrono::DateTime<::chrono::offset::Utc>,
        ///Identifier of the snapshot; pass it as `snapshotId` to restore.
        pub id: ::std::string::String,
        ///Friendly label given at capture time, if any.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub name: ::std::option::Option<::std::string::String>,
        ///The sandbox this snapshot was taken from (it may no longer exist).
        #[serde(rename = "sandboxId")]
        pub sandbox_id: ::std::string::String,
        pub status: SnapshotStatus,
    }
    impl Snapshot {
        pub fn builder() -> builder::Snapshot {
            Default::default()
        }
    }
    /**Coarse state of a snapshot. Values seen today:

- `Creating` – the runtime is still capturing the sandbox.
- `Ready` – the snapshot can be used to start sandboxes.
- `Failed` – the capture did not succeed.
- `Deleting` – removal has been requested and is under way.

This is an open set: treat any other string as a valid, unknown state
instead of failing to decode it.
*/
    #[derive(
        ::serde::Deserialize,
        ::serde::Serialize,
        Clone,
        Debug,
        Eq,
        Hash,
        Ord,
        PartialEq,
        PartialOrd
    )]
    #[serde(transparent)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct SnapshotState(pub ::std::string::String);
    impl ::std::ops::Deref for SnapshotState {
        type Target = ::std::string::String;
        fn deref(&self) -> &::std::string::String {
            &self.0
        }
    }
    impl ::std::convert::From<SnapshotState> for ::std::string::String {
        fn from(value: SnapshotState) -> Self {
            value.0
        }
    }
    impl ::std::convert::From<::std::string::String> for SnapshotState {
        fn from(value: ::std::string::String) -> Self {
            Self(value)
        }
    }
    impl ::std::fmt::Display for SnapshotState {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            self.0.fmt(f)
        }
    }
    impl ::std::str::FromStr for SnapshotState {
        type Err = ::std::convert::Infallible;
        fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
            Ok(Self(value.to_string()))
        }
    }
    ///Current snapshot state plus an explanation of how it got there.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct SnapshotStatus {
        ///When `state` last changed (RFC 3339).
        #[serde(
            rename = "lastTransitionAt",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub last_transition_at: ::std::option::Option<
            ::chrono::DateTime<::chrono::offset::Utc>,
        >,
        ///Free-text explanation meant for people, e.g. the reason a capture failed.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub message: ::std::option::Option<::std::string::String>,
        /**Short, machine-friendly cause of the current state, such as
`snapshot_ready` or `snapshot_capture_failed`.
*/
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub reason: ::std::option::Option<::std::string::String>,
        pub state: SnapshotState,
    }
    impl SnapshotStatus {
        pub fn builder() -> builder::SnapshotStatus {
            Default::default()
        }
    }
    /**One storage mount: a name, exactly one backend (`host`, `pvc` or
`ossfs`), and the mount options shared by all backends.
*/
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    #[serde(deny_unknown_fields)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct Volume {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub host: ::std::option::Option<Host>,
        ///Absolute directory inside the sandbox to mount at.
        #[serde(rename = "mountPath")]
        pub mount_path: VolumeMountPath,
        ///Name of the mount, unique in the sandbox; a DNS label of up to 63 characters.
        pub name: VolumeName,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub ossfs: ::std::option::Option<Ossfs>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub pvc: ::std::option::Option<Pvc>,
        ///Mount without write access. Off by default.
        #[serde(rename = "readOnly", default)]
        pub read_only: bool,
        /**Relative directory within the backend to mount instead of its root
(no `..` allowed). For `ossfs` it selects the bucket prefix.
*/
        #[serde(
            rename = "subPath",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub sub_path: ::std::option::Option<::std::string::String>,
    }
    impl Volume {
        pub fn builder() -> builder::Volume {
            Default::default()
        }
    }
    ///Absolute directory inside the sandbox to mount at.
    #[derive(::serde::Serialize, Clone, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
    #[serde(transparent)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct VolumeMountPath(::std::string::String);
    impl ::std::ops::Deref for VolumeMountPath {
        type Target = ::std::string::String;
        fn deref(&self) -> &::std::string::String {
            &self.0
        }
    }
    impl ::std::convert::From<VolumeMountPath> for ::std::string::String {
        fn from(value: VolumeMountPath) -> Self {
            value.0
        }
    }
    impl ::std::str::FromStr for VolumeMountPath {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            static PATTERN: ::std::sync::LazyLock<::regress::Regex> = ::std::sync::LazyLock::new(||
            { ::regress::Regex::new("^/.*").unwrap() });
            if PATTERN.find(value).is_none() {
                return Err("doesn't match pattern \"^/.*\"".into());
            }
            Ok(Self(value.to_string()))
        }
    }
    impl ::std::convert::TryFrom<&str> for VolumeMountPath {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for VolumeMountPath {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl<'de> ::serde::Deserialize<'de> for VolumeMountPath {
        fn deserialize<D>(deserializer: D) -> ::std::result::Result<Self, D::Error>
        where
            D: ::serde::Deserializer<'de>,
        {
            ::std::string::String::deserialize(deserializer)?
                .parse()
                .map_err(|e: self::error::ConversionError| {
                    <D::Error as ::serde::de::Error>::custom(e.to_string())
                })
        }
    }
    ///Name of the mount, unique in the sandbox; a DNS label of up to 63 characters.
    #[derive(::serde::Serialize, Clone, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
    #[serde(transparent)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct VolumeName(::std::string::String);
    impl ::std::ops::Deref for VolumeName {
        type Target = ::std::string::String;
        fn deref(&self) -> &::std::string::String {
            &self.0
        }
    }
    impl ::std::convert::From<VolumeName> for ::std::string::String {
        fn from(value: VolumeName) -> Self {
            value.0
        }
    }
    impl ::std::str::FromStr for VolumeName {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            if value.chars().count() > 63usize {
                return Err("longer than 63 characters".into());
            }
            static PATTERN: ::std::sync::LazyLock<::regress::Regex> = ::std::sync::LazyLock::new(||
            { ::regress::Regex::new("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$").unwrap() });
            if PATTERN.find(value).is_none() {
                return Err(
                    "doesn't match pattern \"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$\"".into(),
                );
            }
            Ok(Self(value.to_string()))
        }
    }
    impl ::std::convert::TryFrom<&str> for VolumeName {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for VolumeName {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl<'de> ::serde::Deserialize<'de> for VolumeName {
        fn deserialize<D>(deserializer: D) -> ::std::result::Result<Self, D::Error>
        where
            D: ::serde::Deserializer<'de>,
        {
            ::std::string::String::deserialize(deserializer)?
                .parse()
                .map_err(|e: self::error::ConversionError| {
                    <D::Error as ::serde::de::Error>::custom(e.to_string())
                })
        }
    }
    /// Types for composing complex structures.
    pub mod builder {
        #[derive(Clone)]
        pub struct CreateSandboxRequest {
            credential_proxy: ::std::result::Result<
                ::std::option::Option<super::CredentialProxyConfig>,
                ::std::string::String,
            >,
            entrypoint: ::std::result::Result<
                ::std::vec::Vec<::std::string::String>,
                ::std::string::String,
            >,
            env: ::std::result::Result<
                ::std::collections::HashMap<
                    ::std::string::String,
                    ::std::string::String,
                >,
                ::std::string::String,
            >,
            extensions: ::std::result::Result<
                ::std::collections::HashMap<
                    ::std::string::String,
                    ::std::string::String,
                >,
                ::std::string::String,
            >,
            image: ::std::result::Result<
                ::std::option::Option<super::ImageSpec>,
                ::std::string::String,
            >,
            metadata: ::std::result::Result<
                ::std::collections::HashMap<
                    ::std::string::String,
                    ::std::string::String,
                >,
                ::std::string::String,
            >,
            network_policy: ::std::result::Result<
                ::std::option::Option<super::NetworkPolicy>,
                ::std::string::String,
            >,
            platform: ::std::result::Result<
                ::std::option::Option<super::PlatformSpec>,
                ::std::string::String,
            >,
            resource_limits: ::std::result::Result<
                ::std::option::Option<super::ResourceLimits>,
                ::std::string::String,
            >,
            secure_access: ::std::result::Result<bool, ::std::string::String>,
            snapshot_id: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            timeout: ::std::result::Result<
                ::std::option::Option<i64>,
                ::std::string::String,
            >,
            volumes: ::std::result::Result<
                ::std::vec::Vec<super::Volume>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for CreateSandboxRequest {
            fn default() -> Self {
                Self {
                    credential_proxy: Ok(Default::default()),
                    entrypoint: Ok(Default::default()),
                    env: Ok(Default::default()),
                    extensions: Ok(Default::default()),
                    image: Ok(Default::default()),
                    metadata: Ok(Default::default()),
                    network_policy: Ok(Default::default()),
                    platform: Ok(Default::default()),
                    resource_limits: Ok(Default::default()),
                    secure_access: Ok(Default::default()),
                    snapshot_id: Ok(Default::default()),
                    timeout: Ok(Default::default()),
                    volumes: Ok(Default::default()),
                }
            }
        }
        impl CreateSandboxRequest {
            pub fn credential_proxy<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<super::CredentialProxyConfig>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.credential_proxy = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for credential_proxy: {e}"
                        )
                    });
                self
            }
            pub fn entrypoint<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::vec::Vec<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.entrypoint = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for entrypoint: {e}")
                    });
                self
            }
            pub fn env<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::collections::HashMap<
                        ::std::string::String,
                        ::std::string::String,
                    >,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.env = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for env: {e}")
                    });
                self
            }
            pub fn extensions<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::collections::HashMap<
                        ::std::string::String,
                        ::std::string::String,
                    >,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.extensions = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for extensions: {e}")
                    });
                self
            }
            pub fn image<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<super::ImageSpec>>,
                T::Error: ::std::fmt::Display,
            {
                self.image = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for image: {e}")
                    });
                self
            }
            pub fn metadata<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::collections::HashMap<
                        ::std::string::String,
                        ::std::string::String,
                    >,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.metadata = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for metadata: {e}")
                    });
                self
            }
            pub fn network_policy<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<super::NetworkPolicy>>,
                T::Error: ::std::fmt::Display,
            {
                self.network_policy = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for network_policy: {e}"
                        )
                    });
                self
            }
            pub fn platform<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<super::PlatformSpec>>,
                T::Error: ::std::fmt::Display,
            {
                self.platform = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for platform: {e}")
                    });
                self
            }
            pub fn resource_limits<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<super::ResourceLimits>>,
                T::Error: ::std::fmt::Display,
            {
                self.resource_limits = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for resource_limits: {e}"
                        )
                    });
                self
            }
            pub fn secure_access<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<bool>,
                T::Error: ::std::fmt::Display,
            {
                self.secure_access = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for secure_access: {e}")
                    });
                self
            }
            pub fn snapshot_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.snapshot_id = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for snapshot_id: {e}")
                    });
                self
            }
            pub fn timeout<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<i64>>,
                T::Error: ::std::fmt::Display,
            {
                self.timeout = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for timeout: {e}")
                    });
                self
            }
            pub fn volumes<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::vec::Vec<super::Volume>>,
                T::Error: ::std::fmt::Display,
            {
                self.volumes = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for volumes: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<CreateSandboxRequest>
        for super::CreateSandboxRequest {
            type Error = super::error::ConversionError;
            fn try_from(
                value: CreateSandboxRequest,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    credential_proxy: value.credential_proxy?,
                    entrypoint: value.entrypoint?,
                    env: value.env?,
                    extensions: value.extensions?,
                    image: value.image?,
                    metadata: value.metadata?,
                    network_policy: value.network_policy?,
                    platform: value.platform?,
                    resource_limits: value.resource_limits?,
                    secure_access: value.secure_access?,
                    snapshot_id: value.snapshot_id?,
                    timeout: value.timeout?,
                    volumes: value.volumes?,
                })
            }
        }
        impl ::std::convert::From<super::CreateSandboxRequest> for CreateSandboxRequest {
            fn from(value: super::CreateSandboxRequest) -> Self {
                Self {
                    credential_proxy: Ok(value.credential_proxy),
                    entrypoint: Ok(value.entrypoint),
                    env: Ok(value.env),
                    extensions: Ok(value.extensions),
                    image: Ok(value.image),
                    metadata: Ok(value.metadata),
                    network_policy: Ok(value.network_policy),
                    platform: Ok(value.platform),
                    resource_limits: Ok(value.resource_limits),
                    secure_access: Ok(value.secure_access),
                    snapshot_id: Ok(value.snapshot_id),
                    timeout: Ok(value.timeout),
                    volumes: Ok(value.volumes),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct CreateSandboxResponse {
            created_at: ::std::result::Result<
                ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
                ::std::string::String,
            >,
            entrypoint: ::std::result::Result<
                ::std::vec::Vec<::std::string::String>,
                ::std::string::String,
            >,
            expires_at: ::std::result::Result<
                ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
                ::std::string::String,
            >,
            id: ::std::result::Result<::std::string::String, ::std::string::String>,
            metadata: ::std::result::Result<
                ::std::collections::HashMap<
                    ::std::string::String,
                    ::std::string::String,
                >,
                ::std::string::String,
            >,
            platform: ::std::result::Result<
                ::std::option::Option<super::PlatformSpec>,
                ::std::string::String,
            >,
            status: ::std::result::Result<super::SandboxStatus, ::std::string::String>,
        }
        impl ::std::default::Default for CreateSandboxResponse {
            fn default() -> Self {
                Self {
                    created_at: Ok(Default::default()),
                    entrypoint: Ok(Default::default()),
                    expires_at: Ok(Default::default()),
                    id: Err("no value supplied for id".to_string()),
                    metadata: Ok(Default::default()),
                    platform: Ok(Default::default()),
                    status: Err("no value supplied for status".to_string()),
                }
            }
        }
        impl CreateSandboxResponse {
            pub fn created_at<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.created_at = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for created_at: {e}")
                    });
                self
            }
            pub fn entrypoint<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::vec::Vec<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.entrypoint = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for entrypoint: {e}")
                    });
                self
            }
            pub fn expires_at<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.expires_at = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for expires_at: {e}")
                    });
                self
            }
            pub fn id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.id = value
                    .try_into()
                    .map_err(|e| format!("error converting supplied value for id: {e}"));
                self
            }
            pub fn metadata<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::collections::HashMap<
                        ::std::string::String,
                        ::std::string::String,
                    >,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.metadata = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for metadata: {e}")
                    });
                self
            }
            pub fn platform<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<super::PlatformSpec>>,
                T::Error: ::std::fmt::Display,
            {
                self.platform = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for platform: {e}")
                    });
                self
            }
            pub fn status<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::SandboxStatus>,
                T::Error: ::std::fmt::Display,
            {
                self.status = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for status: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<CreateSandboxResponse>
        for super::CreateSandboxResponse {
            type Error = super::error::ConversionError;
            fn try_from(
                value: CreateSandboxResponse,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    created_at: value.created_at?,
                    entrypoint: value.entrypoint?,
                    expires_at: value.expires_at?,
                    id: value.id?,
                    metadata: value.metadata?,
                    platform: value.platform?,
                    status: value.status?,
                })
            }
        }
        impl ::std::convert::From<super::CreateSandboxResponse>
        for CreateSandboxResponse {
            fn from(value: super::CreateSandboxResponse) -> Self {
                Self {
                    created_at: Ok(value.created_at),
                    entrypoint: Ok(value.entrypoint),
                    expires_at: Ok(value.expires_at),
                    id: Ok(value.id),
                    metadata: Ok(value.metadata),
                    platform: Ok(value.platform),
                    status: Ok(value.status),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct CreateSnapshotRequest {
            name: ::std::result::Result<
                ::std::option::Option<super::CreateSnapshotRequestName>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for CreateSnapshotRequest {
            fn default() -> Self {
                Self {
                    name: Ok(Default::default()),
                }
            }
        }
        impl CreateSnapshotRequest {
            pub fn name<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<super::CreateSnapshotRequestName>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.name = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for name: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<CreateSnapshotRequest>
        for super::CreateSnapshotRequest {
            type Error = super::error::ConversionError;
            fn try_from(
                value: CreateSnapshotRequest,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self { name: value.name? })
            }
        }
        impl ::std::convert::From<super::CreateSnapshotRequest>
        for CreateSnapshotRequest {
            fn from(value: super::CreateSnapshotRequest) -> Self {
                Self { name: Ok(value.name) }
            }
        }
        #[derive(Clone, Debug)]
        pub struct CredentialProxyConfig {
            enabled: ::std::result::Result<bool, ::std::string::String>,
        }
        impl ::std::default::Default for CredentialProxyConfig {
            fn default() -> Self {
                Self {
                    enabled: Ok(Default::default()),
                }
            }
        }
        impl CredentialProxyConfig {
            pub fn enabled<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<bool>,
                T::Error: ::std::fmt::Display,
            {
                self.enabled = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for enabled: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<CredentialProxyConfig>
        for super::CredentialProxyConfig {
            type Error = super::error::ConversionError;
            fn try_from(
                value: CredentialProxyConfig,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self { enabled: value.enabled? })
            }
        }
        impl ::std::convert::From<super::CredentialProxyConfig>
        for CredentialProxyConfig {
            fn from(value: super::CredentialProxyConfig) -> Self {
                Self { enabled: Ok(value.enabled) }
            }
        }
        #[derive(Clone, Debug)]
        pub struct DiagnosticContentResponse {
            content: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            content_length: ::std::result::Result<
                ::std::option::Option<u64>,
                ::std::string::String,
            >,
            content_type: ::std::result::Result<
                ::std::string::String,
                ::std::string::String,
            >,
            content_url: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            delivery: ::std::result::Result<
                crate::types::DiagnosticContentResponseDelivery,
                ::std::string::String,
            >,
            expires_at: ::std::result::Result<
                ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
                ::std::string::String,
            >,
            kind: ::std::result::Result<
                crate::types::DiagnosticContentResponseKind,
                ::std::string::String,
            >,
            sandbox_id: ::std::result::Result<
                ::std::string::String,
                ::std::string::String,
            >,
            scope: ::std::result::Result<::std::string::String, ::std::string::String>,
            truncated: ::std::result::Result<bool, ::std::string::String>,
            warnings: ::std::result::Result<
                ::std::vec::Vec<::std::string::String>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for DiagnosticContentResponse {
            fn default() -> Self {
                Self {
                    content: Ok(Default::default()),
                    content_length: Ok(Default::default()),
                    content_type: Err("no value supplied for content_type".to_string()),
                    content_url: Ok(Default::default()),
                    delivery: Err("no value supplied for delivery".to_string()),
                    expires_at: Ok(Default::default()),
                    kind: Err("no value supplied for kind".to_string()),
                    sandbox_id: Err("no value supplied for sandbox_id".to_string()),
                    scope: Err("no value supplied for scope".to_string()),
                    truncated: Err("no value supplied for truncated".to_string()),
                    warnings: Ok(Default::default()),
                }
            }
        }
        impl DiagnosticContentResponse {
            pub fn content<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.content = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for content: {e}")
                    });
                self
            }
            pub fn content_length<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<u64>>,
                T::Error: ::std::fmt::Display,
            {
                self.content_length = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for content_length: {e}"
                        )
                    });
                self
            }
            pub fn content_type<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.content_type = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for content_type: {e}")
                    });
                self
            }
            pub fn content_url<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.content_url = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for content_url: {e}")
                    });
                self
            }
            pub fn delivery<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    crate::types::DiagnosticContentResponseDelivery,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.delivery = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for delivery: {e}")
                    });
                self
            }
            pub fn expires_at<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.expires_at = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for expires_at: {e}")
                    });
                self
            }
            pub fn kind<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<crate::types::DiagnosticContentResponseKind>,
                T::Error: ::std::fmt::Display,
            {
                self.kind = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for kind: {e}")
                    });
                self
            }
            pub fn sandbox_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.sandbox_id = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for sandbox_id: {e}")
                    });
                self
            }
            pub fn scope<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.scope = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for scope: {e}")
                    });
                self
            }
            pub fn truncated<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<bool>,
                T::Error: ::std::fmt::Display,
            {
                self.truncated = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for truncated: {e}")
                    });
                self
            }
            pub fn warnings<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::vec::Vec<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.warnings = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for warnings: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<DiagnosticContentResponse>
        for super::DiagnosticContentResponse {
            type Error = super::error::ConversionError;
            fn try_from(
                value: DiagnosticContentResponse,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    content: value.content?,
                    content_length: value.content_length?,
                    content_type: value.content_type?,
                    content_url: value.content_url?,
                    delivery: value.delivery?,
                    expires_at: value.expires_at?,
                    kind: value.kind?,
                    sandbox_id: value.sandbox_id?,
                    scope: value.scope?,
                    truncated: value.truncated?,
                    warnings: value.warnings?,
                })
            }
        }
        impl ::std::convert::From<super::DiagnosticContentResponse>
        for DiagnosticContentResponse {
            fn from(value: super::DiagnosticContentResponse) -> Self {
                Self {
                    content: Ok(value.content),
                    content_length: Ok(value.content_length),
                    content_type: Ok(value.content_type),
                    content_url: Ok(value.content_url),
                    delivery: Ok(value.delivery),
                    expires_at: Ok(value.expires_at),
                    kind: Ok(value.kind),
                    sandbox_id: Ok(value.sandbox_id),
                    scope: Ok(value.scope),
                    truncated: Ok(value.truncated),
                    warnings: Ok(value.warnings),
                }
            }
        }
        #[derive(Clone)]
        pub struct Endpoint {
            endpoint: ::std::result::Result<
                ::std::string::String,
                ::std::string::String,
            >,
            headers: ::std::result::Result<
                ::std::collections::HashMap<
                    ::std::string::String,
                    ::std::string::String,
                >,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for Endpoint {
            fn default() -> Self {
                Self {
                    endpoint: Err("no value supplied for endpoint".to_string()),
                    headers: Ok(Default::default()),
                }
            }
        }
        impl Endpoint {
            pub fn endpoint<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.endpoint = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for endpoint: {e}")
                    });
                self
            }
            pub fn headers<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::collections::HashMap<
                        ::std::string::String,
                        ::std::string::String,
                    >,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.headers = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for headers: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<Endpoint> for super::Endpoint {
            type Error = super::error::ConversionError;
            fn try_from(
                value: Endpoint,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    endpoint: value.endpoint?,
                    headers: value.headers?,
                })
            }
        }
        impl ::std::convert::From<super::Endpoint> for Endpoint {
            fn from(value: super::Endpoint) -> Self {
                Self {
                    endpoint: Ok(value.endpoint),
                    headers: Ok(value.headers),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct ErrorResponse {
            code: ::std::result::Result<::std::string::String, ::std::string::String>,
            message: ::std::result::Result<::std::string::String, ::std::string::String>,
        }
        impl ::std::default::Default for ErrorResponse {
            fn default() -> Self {
                Self {
                    code: Err("no value supplied for code".to_string()),
                    message: Err("no value supplied for message".to_string()),
                }
            }
        }
        impl ErrorResponse {
            pub fn code<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.code = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for code: {e}")
                    });
                self
            }
            pub fn message<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.message = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for message: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<ErrorResponse> for super::ErrorResponse {
            type Error = super::error::ConversionError;
            fn try_from(
                value: ErrorResponse,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    code: value.code?,
                    message: value.message?,
                })
            }
        }
        impl ::std::convert::From<super::ErrorResponse> for ErrorResponse {
            fn from(value: super::ErrorResponse) -> Self {
                Self {
                    code: Ok(value.code),
                    message: Ok(value.message),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct Host {
            path: ::std::result::Result<super::HostPath, ::std::string::String>,
        }
        impl ::std::default::Default for Host {
            fn default() -> Self {
                Self {
                    path: Err("no value supplied for path".to_string()),
                }
            }
        }
        impl Host {
            pub fn path<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::HostPath>,
                T::Error: ::std::fmt::Display,
            {
                self.path = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for path: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<Host> for super::Host {
            type Error = super::error::ConversionError;
            fn try_from(
                value: Host,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self { path: value.path? })
            }
        }
        impl ::std::convert::From<super::Host> for Host {
            fn from(value: super::Host) -> Self {
                Self { path: Ok(value.path) }
            }
        }
        #[derive(Clone, Debug)]
        pub struct ImageSpec {
            auth: ::std::result::Result<
                ::std::option::Option<super::ImageSpecAuth>,
                ::std::string::String,
            >,
            uri: ::std::result::Result<::std::string::String, ::std::string::String>,
        }
        impl ::std::default::Default for ImageSpec {
            fn default() -> Self {
                Self {
                    auth: Ok(Default::default()),
                    uri: Err("no value supplied for uri".to_string()),
                }
            }
        }
        impl ImageSpec {
            pub fn auth<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<super::ImageSpecAuth>>,
                T::Error: ::std::fmt::Display,
            {
                self.auth = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for auth: {e}")
                    });
                self
            }
            pub fn uri<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.uri = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for uri: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<ImageSpec> for super::ImageSpec {
            type Error = super::error::ConversionError;
            fn try_from(
                value: ImageSpec,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    auth: value.auth?,
                    uri: value.uri?,
                })
            }
        }
        impl ::std::convert::From<super::ImageSpec> for ImageSpec {
            fn from(value: super::ImageSpec) -> Self {
                Self {
                    auth: Ok(value.auth),
                    uri: Ok(value.uri),
                }
            }
        }
        #[derive(Clone)]
        pub struct ImageSpecAuth {
            password: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            username: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for ImageSpecAuth {
            fn default() -> Self {
                Self {
                    password: Ok(Default::default()),
                    username: Ok(Default::default()),
                }
            }
        }
        impl ImageSpecAuth {
            pub fn password<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.password = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for password: {e}")
                    });
                self
            }
            pub fn username<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.username = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for username: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<ImageSpecAuth> for super::ImageSpecAuth {
            type Error = super::error::ConversionError;
            fn try_from(
                value: ImageSpecAuth,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    password: value.password?,
                    username: value.username?,
                })
            }
        }
        impl ::std::convert::From<super::ImageSpecAuth> for ImageSpecAuth {
            fn from(value: super::ImageSpecAuth) -> Self {
                Self {
                    password: Ok(value.password),
                    username: Ok(value.username),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct ListSandboxesResponse {
            items: ::std::result::Result<
                ::std::vec::Vec<super::Sandbox>,
                ::std::string::String,
            >,
            pagination: ::std::result::Result<
                super::PaginationInfo,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for ListSandboxesResponse {
            fn default() -> Self {
                Self {
                    items: Err("no value supplied for items".to_string()),
                    pagination: Err("no value supplied for pagination".to_string()),
                }
            }
        }
        impl ListSandboxesResponse {
            pub fn items<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::vec::Vec<super::Sandbox>>,
                T::Error: ::std::fmt::Display,
            {
                self.items = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for items: {e}")
                    });
                self
            }
            pub fn pagination<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::PaginationInfo>,
                T::Error: ::std::fmt::Display,
            {
                self.pagination = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for pagination: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<ListSandboxesResponse>
        for super::ListSandboxesResponse {
            type Error = super::error::ConversionError;
            fn try_from(
                value: ListSandboxesResponse,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    items: value.items?,
                    pagination: value.pagination?,
                })
            }
        }
        impl ::std::convert::From<super::ListSandboxesResponse>
        for ListSandboxesResponse {
            fn from(value: super::ListSandboxesResponse) -> Self {
                Self {
                    items: Ok(value.items),
                    pagination: Ok(value.pagination),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct ListSnapshotsResponse {
            items: ::std::result::Result<
                ::std::vec::Vec<super::Snapshot>,
                ::std::string::String,
            >,
            pagination: ::std::result::Result<
                super::PaginationInfo,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for ListSnapshotsResponse {
            fn default() -> Self {
                Self {
                    items: Err("no value supplied for items".to_string()),
                    pagination: Err("no value supplied for pagination".to_string()),
                }
            }
        }
        impl ListSnapshotsResponse {
            pub fn items<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::vec::Vec<super::Snapshot>>,
                T::Error: ::std::fmt::Display,
            {
                self.items = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for items: {e}")
                    });
                self
            }
            pub fn pagination<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::PaginationInfo>,
                T::Error: ::std::fmt::Display,
            {
                self.pagination = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for pagination: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<ListSnapshotsResponse>
        for super::ListSnapshotsResponse {
            type Error = super::error::ConversionError;
            fn try_from(
                value: ListSnapshotsResponse,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    items: value.items?,
                    pagination: value.pagination?,
                })
            }
        }
        impl ::std::convert::From<super::ListSnapshotsResponse>
        for ListSnapshotsResponse {
            fn from(value: super::ListSnapshotsResponse) -> Self {
                Self {
                    items: Ok(value.items),
                    pagination: Ok(value.pagination),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct NetworkPolicy {
            default_action: ::std::result::Result<
                ::std::option::Option<super::NetworkPolicyDefaultAction>,
                ::std::string::String,
            >,
            egress: ::std::result::Result<
                ::std::vec::Vec<super::NetworkRule>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for NetworkPolicy {
            fn default() -> Self {
                Self {
                    default_action: Ok(Default::default()),
                    egress: Ok(Default::default()),
                }
            }
        }
        impl NetworkPolicy {
            pub fn default_action<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<super::NetworkPolicyDefaultAction>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.default_action = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for default_action: {e}"
                        )
                    });
                self
            }
            pub fn egress<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::vec::Vec<super::NetworkRule>>,
                T::Error: ::std::fmt::Display,
            {
                self.egress = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for egress: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<NetworkPolicy> for super::NetworkPolicy {
            type Error = super::error::ConversionError;
            fn try_from(
                value: NetworkPolicy,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    default_action: value.default_action?,
                    egress: value.egress?,
                })
            }
        }
        impl ::std::convert::From<super::NetworkPolicy> for NetworkPolicy {
            fn from(value: super::NetworkPolicy) -> Self {
                Self {
                    default_action: Ok(value.default_action),
                    egress: Ok(value.egress),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct NetworkRule {
            action: ::std::result::Result<
                super::NetworkRuleAction,
                ::std::string::String,
            >,
            target: ::std::result::Result<::std::string::String, ::std::string::String>,
        }
        impl ::std::default::Default for NetworkRule {
            fn default() -> Self {
                Self {
                    action: Err("no value supplied for action".to_string()),
                    target: Err("no value supplied for target".to_string()),
                }
            }
        }
        impl NetworkRule {
            pub fn action<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::NetworkRuleAction>,
                T::Error: ::std::fmt::Display,
            {
                self.action = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for action: {e}")
                    });
                self
            }
            pub fn target<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.target = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for target: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<NetworkRule> for super::NetworkRule {
            type Error = super::error::ConversionError;
            fn try_from(
                value: NetworkRule,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    action: value.action?,
                    target: value.target?,
                })
            }
        }
        impl ::std::convert::From<super::NetworkRule> for NetworkRule {
            fn from(value: super::NetworkRule) -> Self {
                Self {
                    action: Ok(value.action),
                    target: Ok(value.target),
                }
            }
        }
        #[derive(Clone)]
        pub struct Ossfs {
            access_key_id: ::std::result::Result<
                super::OssfsAccessKeyId,
                ::std::string::String,
            >,
            access_key_secret: ::std::result::Result<
                super::OssfsAccessKeySecret,
                ::std::string::String,
            >,
            bucket: ::std::result::Result<super::OssfsBucket, ::std::string::String>,
            endpoint: ::std::result::Result<super::OssfsEndpoint, ::std::string::String>,
            options: ::std::result::Result<
                ::std::vec::Vec<::std::string::String>,
                ::std::string::String,
            >,
            version: ::std::result::Result<super::OssfsVersion, ::std::string::String>,
        }
        impl ::std::default::Default for Ossfs {
            fn default() -> Self {
                Self {
                    access_key_id: Err(
                        "no value supplied for access_key_id".to_string(),
                    ),
                    access_key_secret: Err(
                        "no value supplied for access_key_secret".to_string(),
                    ),
                    bucket: Err("no value supplied for bucket".to_string()),
                    endpoint: Err("no value supplied for endpoint".to_string()),
                    options: Ok(Default::default()),
                    version: Ok(super::defaults::ossfs_version()),
                }
            }
        }
        impl Ossfs {
            pub fn access_key_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::OssfsAccessKeyId>,
                T::Error: ::std::fmt::Display,
            {
                self.access_key_id = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for access_key_id: {e}")
                    });
                self
            }
            pub fn access_key_secret<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::OssfsAccessKeySecret>,
                T::Error: ::std::fmt::Display,
            {
                self.access_key_secret = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for access_key_secret: {e}"
                        )
                    });
                self
            }
            pub fn bucket<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::OssfsBucket>,
                T::Error: ::std::fmt::Display,
            {
                self.bucket = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for bucket: {e}")
                    });
                self
            }
            pub fn endpoint<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::OssfsEndpoint>,
                T::Error: ::std::fmt::Display,
            {
                self.endpoint = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for endpoint: {e}")
                    });
                self
            }
            pub fn options<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::vec::Vec<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.options = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for options: {e}")
                    });
                self
            }
            pub fn version<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::OssfsVersion>,
                T::Error: ::std::fmt::Display,
            {
                self.version = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for version: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<Ossfs> for super::Ossfs {
            type Error = super::error::ConversionError;
            fn try_from(
                value: Ossfs,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    access_key_id: value.access_key_id?,
                    access_key_secret: value.access_key_secret?,
                    bucket: value.bucket?,
                    endpoint: value.endpoint?,
                    options: value.options?,
                    version: value.version?,
                })
            }
        }
        impl ::std::convert::From<super::Ossfs> for Ossfs {
            fn from(value: super::Ossfs) -> Self {
                Self {
                    access_key_id: Ok(value.access_key_id),
                    access_key_secret: Ok(value.access_key_secret),
                    bucket: Ok(value.bucket),
                    endpoint: Ok(value.endpoint),
                    options: Ok(value.options),
                    version: Ok(value.version),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct PaginationInfo {
            has_next_page: ::std::result::Result<bool, ::std::string::String>,
            page: ::std::result::Result<::std::num::NonZeroU64, ::std::string::String>,
            page_size: ::std::result::Result<
                ::std::num::NonZeroU64,
                ::std::string::String,
            >,
            total_items: ::std::result::Result<u64, ::std::string::String>,
            total_pages: ::std::result::Result<u64, ::std::string::String>,
        }
        impl ::std::default::Default for PaginationInfo {
            fn default() -> Self {
                Self {
                    has_next_page: Err(
                        "no value supplied for has_next_page".to_string(),
                    ),
                    page: Err("no value supplied for page".to_string()),
                    page_size: Err("no value supplied for page_size".to_string()),
                    total_items: Err("no value supplied for total_items".to_string()),
                    total_pages: Err("no value supplied for total_pages".to_string()),
                }
            }
        }
        impl PaginationInfo {
            pub fn has_next_page<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<bool>,
                T::Error: ::std::fmt::Display,
            {
                self.has_next_page = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for has_next_page: {e}")
                    });
                self
            }
            pub fn page<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::num::NonZeroU64>,
                T::Error: ::std::fmt::Display,
            {
                self.page = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for page: {e}")
                    });
                self
            }
            pub fn page_size<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::num::NonZeroU64>,
                T::Error: ::std::fmt::Display,
            {
                self.page_size = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for page_size: {e}")
                    });
                self
            }
            pub fn total_items<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<u64>,
                T::Error: ::std::fmt::Display,
            {
                self.total_items = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for total_items: {e}")
                    });
                self
            }
            pub fn total_pages<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<u64>,
                T::Error: ::std::fmt::Display,
            {
                self.total_pages = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for total_pages: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<PaginationInfo> for super::PaginationInfo {
            type Error = super::error::ConversionError;
            fn try_from(
                value: PaginationInfo,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    has_next_page: value.has_next_page?,
                    page: value.page?,
                    page_size: value.page_size?,
                    total_items: value.total_items?,
                    total_pages: value.total_pages?,
                })
            }
        }
        impl ::std::convert::From<super::PaginationInfo> for PaginationInfo {
            fn from(value: super::PaginationInfo) -> Self {
                Self {
                    has_next_page: Ok(value.has_next_page),
                    page: Ok(value.page),
                    page_size: Ok(value.page_size),
                    total_items: Ok(value.total_items),
                    total_pages: Ok(value.total_pages),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct PlatformSpec {
            arch: ::std::result::Result<
                crate::types::PlatformSpecArch,
                ::std::string::String,
            >,
            os: ::std::result::Result<
                crate::types::PlatformSpecOs,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for PlatformSpec {
            fn default() -> Self {
                Self {
                    arch: Err("no value supplied for arch".to_string()),
                    os: Err("no value supplied for os".to_string()),
                }
            }
        }
        impl PlatformSpec {
            pub fn arch<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<crate::types::PlatformSpecArch>,
                T::Error: ::std::fmt::Display,
            {
                self.arch = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for arch: {e}")
                    });
                self
            }
            pub fn os<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<crate::types::PlatformSpecOs>,
                T::Error: ::std::fmt::Display,
            {
                self.os = value
                    .try_into()
                    .map_err(|e| format!("error converting supplied value for os: {e}"));
                self
            }
        }
        impl ::std::convert::TryFrom<PlatformSpec> for super::PlatformSpec {
            type Error = super::error::ConversionError;
            fn try_from(
                value: PlatformSpec,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    arch: value.arch?,
                    os: value.os?,
                })
            }
        }
        impl ::std::convert::From<super::PlatformSpec> for PlatformSpec {
            fn from(value: super::PlatformSpec) -> Self {
                Self {
                    arch: Ok(value.arch),
                    os: Ok(value.os),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct Pvc {
            access_modes: ::std::result::Result<
                ::std::option::Option<::std::vec::Vec<::std::string::String>>,
                ::std::string::String,
            >,
            claim_name: ::std::result::Result<
                super::PvcClaimName,
                ::std::string::String,
            >,
            create_if_not_exists: ::std::result::Result<bool, ::std::string::String>,
            delete_on_sandbox_termination: ::std::result::Result<
                bool,
                ::std::string::String,
            >,
            storage: ::std::result::Result<
                ::std::option::Option<super::PvcStorage>,
                ::std::string::String,
            >,
            storage_class: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for Pvc {
            fn default() -> Self {
                Self {
                    access_modes: Ok(Default::default()),
                    claim_name: Err("no value supplied for claim_name".to_string()),
                    create_if_not_exists: Ok(super::defaults::default_bool::<true>()),
                    delete_on_sandbox_termination: Ok(Default::default()),
                    storage: Ok(Default::default()),
                    storage_class: Ok(Default::default()),
                }
            }
        }
        impl Pvc {
            pub fn access_modes<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<::std::vec::Vec<::std::string::String>>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.access_modes = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for access_modes: {e}")
                    });
                self
            }
            pub fn claim_name<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::PvcClaimName>,
                T::Error: ::std::fmt::Display,
            {
                self.claim_name = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for claim_name: {e}")
                    });
                self
            }
            pub fn create_if_not_exists<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<bool>,
                T::Error: ::std::fmt::Display,
            {
                self.create_if_not_exists = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for create_if_not_exists: {e}"
                        )
                    });
                self
            }
            pub fn delete_on_sandbox_termination<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<bool>,
                T::Error: ::std::fmt::Display,
            {
                self.delete_on_sandbox_termination = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for delete_on_sandbox_termination: {e}"
                        )
                    });
                self
            }
            pub fn storage<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<super::PvcStorage>>,
                T::Error: ::std::fmt::Display,
            {
                self.storage = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for storage: {e}")
                    });
                self
            }
            pub fn storage_class<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.storage_class = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for storage_class: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<Pvc> for super::Pvc {
            type Error = super::error::ConversionError;
            fn try_from(
                value: Pvc,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    access_modes: value.access_modes?,
                    claim_name: value.claim_name?,
                    create_if_not_exists: value.create_if_not_exists?,
                    delete_on_sandbox_termination: value.delete_on_sandbox_termination?,
                    storage: value.storage?,
                    storage_class: value.storage_class?,
                })
            }
        }
        impl ::std::convert::From<super::Pvc> for Pvc {
            fn from(value: super::Pvc) -> Self {
                Self {
                    access_modes: Ok(value.access_modes),
                    claim_name: Ok(value.claim_name),
                    create_if_not_exists: Ok(value.create_if_not_exists),
                    delete_on_sandbox_termination: Ok(
                        value.delete_on_sandbox_termination,
                    ),
                    storage: Ok(value.storage),
                    storage_class: Ok(value.storage_class),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct RenewSandboxExpirationRequest {
            expires_at: ::std::result::Result<
                ::chrono::DateTime<::chrono::offset::Utc>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for RenewSandboxExpirationRequest {
            fn default() -> Self {
                Self {
                    expires_at: Err("no value supplied for expires_at".to_string()),
                }
            }
        }
        impl RenewSandboxExpirationRequest {
            pub fn expires_at<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::chrono::DateTime<::chrono::offset::Utc>>,
                T::Error: ::std::fmt::Display,
            {
                self.expires_at = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for expires_at: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<RenewSandboxExpirationRequest>
        for super::RenewSandboxExpirationRequest {
            type Error = super::error::ConversionError;
            fn try_from(
                value: RenewSandboxExpirationRequest,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    expires_at: value.expires_at?,
                })
            }
        }
        impl ::std::convert::From<super::RenewSandboxExpirationRequest>
        for RenewSandboxExpirationRequest {
            fn from(value: super::RenewSandboxExpirationRequest) -> Self {
                Self {
                    expires_at: Ok(value.expires_at),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct RenewSandboxExpirationResponse {
            expires_at: ::std::result::Result<
                ::chrono::DateTime<::chrono::offset::Utc>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for RenewSandboxExpirationResponse {
            fn default() -> Self {
                Self {
                    expires_at: Err("no value supplied for expires_at".to_string()),
                }
            }
        }
        impl RenewSandboxExpirationResponse {
            pub fn expires_at<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::chrono::DateTime<::chrono::offset::Utc>>,
                T::Error: ::std::fmt::Display,
            {
                self.expires_at = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for expires_at: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<RenewSandboxExpirationResponse>
        for super::RenewSandboxExpirationResponse {
            type Error = super::error::ConversionError;
            fn try_from(
                value: RenewSandboxExpirationResponse,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    expires_at: value.expires_at?,
                })
            }
        }
        impl ::std::convert::From<super::RenewSandboxExpirationResponse>
        for RenewSandboxExpirationResponse {
            fn from(value: super::RenewSandboxExpirationResponse) -> Self {
                Self {
                    expires_at: Ok(value.expires_at),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct Sandbox {
            created_at: ::std::result::Result<
                ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
                ::std::string::String,
            >,
            entrypoint: ::std::result::Result<
                ::std::vec::Vec<::std::string::String>,
                ::std::string::String,
            >,
            expires_at: ::std::result::Result<
                ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
                ::std::string::String,
            >,
            id: ::std::result::Result<::std::string::String, ::std::string::String>,
            image: ::std::result::Result<
                ::std::option::Option<super::ImageSpec>,
                ::std::string::String,
            >,
            metadata: ::std::result::Result<
                ::std::collections::HashMap<
                    ::std::string::String,
                    ::std::string::String,
                >,
                ::std::string::String,
            >,
            platform: ::std::result::Result<
                ::std::option::Option<super::PlatformSpec>,
                ::std::string::String,
            >,
            snapshot_id: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            status: ::std::result::Result<super::SandboxStatus, ::std::string::String>,
        }
        impl ::std::default::Default for Sandbox {
            fn default() -> Self {
                Self {
                    created_at: Ok(Default::default()),
                    entrypoint: Ok(Default::default()),
                    expires_at: Ok(Default::default()),
                    id: Err("no value supplied for id".to_string()),
                    image: Ok(Default::default()),
                    metadata: Ok(Default::default()),
                    platform: Ok(Default::default()),
                    snapshot_id: Ok(Default::default()),
                    status: Err("no value supplied for status".to_string()),
                }
            }
        }
        impl Sandbox {
            pub fn created_at<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.created_at = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for created_at: {e}")
                    });
                self
            }
            pub fn entrypoint<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::vec::Vec<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.entrypoint = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for entrypoint: {e}")
                    });
                self
            }
            pub fn expires_at<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.expires_at = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for expires_at: {e}")
                    });
                self
            }
            pub fn id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.id = value
                    .try_into()
                    .map_err(|e| format!("error converting supplied value for id: {e}"));
                self
            }
            pub fn image<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<super::ImageSpec>>,
                T::Error: ::std::fmt::Display,
            {
                self.image = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for image: {e}")
                    });
                self
            }
            pub fn metadata<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::collections::HashMap<
                        ::std::string::String,
                        ::std::string::String,
                    >,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.metadata = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for metadata: {e}")
                    });
                self
            }
            pub fn platform<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<super::PlatformSpec>>,
                T::Error: ::std::fmt::Display,
            {
                self.platform = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for platform: {e}")
                    });
                self
            }
            pub fn snapshot_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.snapshot_id = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for snapshot_id: {e}")
                    });
                self
            }
            pub fn status<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::SandboxStatus>,
                T::Error: ::std::fmt::Display,
            {
                self.status = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for status: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<Sandbox> for super::Sandbox {
            type Error = super::error::ConversionError;
            fn try_from(
                value: Sandbox,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    created_at: value.created_at?,
                    entrypoint: value.entrypoint?,
                    expires_at: value.expires_at?,
                    id: value.id?,
                    image: value.image?,
                    metadata: value.metadata?,
                    platform: value.platform?,
                    snapshot_id: value.snapshot_id?,
                    status: value.status?,
                })
            }
        }
        impl ::std::convert::From<super::Sandbox> for Sandbox {
            fn from(value: super::Sandbox) -> Self {
                Self {
                    created_at: Ok(value.created_at),
                    entrypoint: Ok(value.entrypoint),
                    expires_at: Ok(value.expires_at),
                    id: Ok(value.id),
                    image: Ok(value.image),
                    metadata: Ok(value.metadata),
                    platform: Ok(value.platform),
                    snapshot_id: Ok(value.snapshot_id),
                    status: Ok(value.status),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct SandboxStatus {
            last_transition_at: ::std::result::Result<
                ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
                ::std::string::String,
            >,
            message: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            reason: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            state: ::std::result::Result<super::SandboxState, ::std::string::String>,
        }
        impl ::std::default::Default for SandboxStatus {
            fn default() -> Self {
                Self {
                    last_transition_at: Ok(Default::default()),
                    message: Ok(Default::default()),
                    reason: Ok(Default::default()),
                    state: Err("no value supplied for state".to_string()),
                }
            }
        }
        impl SandboxStatus {
            pub fn last_transition_at<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.last_transition_at = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for last_transition_at: {e}"
                        )
                    });
                self
            }
            pub fn message<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.message = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for message: {e}")
                    });
                self
            }
            pub fn reason<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.reason = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for reason: {e}")
                    });
                self
            }
            pub fn state<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::SandboxState>,
                T::Error: ::std::fmt::Display,
            {
                self.state = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for state: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<SandboxStatus> for super::SandboxStatus {
            type Error = super::error::ConversionError;
            fn try_from(
                value: SandboxStatus,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    last_transition_at: value.last_transition_at?,
                    message: value.message?,
                    reason: value.reason?,
                    state: value.state?,
                })
            }
        }
        impl ::std::convert::From<super::SandboxStatus> for SandboxStatus {
            fn from(value: super::SandboxStatus) -> Self {
                Self {
                    last_transition_at: Ok(value.last_transition_at),
                    message: Ok(value.message),
                    reason: Ok(value.reason),
                    state: Ok(value.state),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct Snapshot {
            created_at: ::std::result::Result<
                ::chrono::DateTime<::chrono::offset::Utc>,
                ::std::string::String,
            >,
            id: ::std::result::Result<::std::string::String, ::std::string::String>,
            name: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            sandbox_id: ::std::result::Result<
                ::std::string::String,
                ::std::string::String,
            >,
            status: ::std::result::Result<super::SnapshotStatus, ::std::string::String>,
        }
        impl ::std::default::Default for Snapshot {
            fn default() -> Self {
                Self {
                    created_at: Err("no value supplied for created_at".to_string()),
                    id: Err("no value supplied for id".to_string()),
                    name: Ok(Default::default()),
                    sandbox_id: Err("no value supplied for sandbox_id".to_string()),
                    status: Err("no value supplied for status".to_string()),
                }
            }
        }
        impl Snapshot {
            pub fn created_at<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::chrono::DateTime<::chrono::offset::Utc>>,
                T::Error: ::std::fmt::Display,
            {
                self.created_at = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for created_at: {e}")
                    });
                self
            }
            pub fn id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.id = value
                    .try_into()
                    .map_err(|e| format!("error converting supplied value for id: {e}"));
                self
            }
            pub fn name<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.name = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for name: {e}")
                    });
                self
            }
            pub fn sandbox_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.sandbox_id = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for sandbox_id: {e}")
                    });
                self
            }
            pub fn status<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::SnapshotStatus>,
                T::Error: ::std::fmt::Display,
            {
                self.status = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for status: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<Snapshot> for super::Snapshot {
            type Error = super::error::ConversionError;
            fn try_from(
                value: Snapshot,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    created_at: value.created_at?,
                    id: value.id?,
                    name: value.name?,
                    sandbox_id: value.sandbox_id?,
                    status: value.status?,
                })
            }
        }
        impl ::std::convert::From<super::Snapshot> for Snapshot {
            fn from(value: super::Snapshot) -> Self {
                Self {
                    created_at: Ok(value.created_at),
                    id: Ok(value.id),
                    name: Ok(value.name),
                    sandbox_id: Ok(value.sandbox_id),
                    status: Ok(value.status),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct SnapshotStatus {
            last_transition_at: ::std::result::Result<
                ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
                ::std::string::String,
            >,
            message: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            reason: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            state: ::std::result::Result<super::SnapshotState, ::std::string::String>,
        }
        impl ::std::default::Default for SnapshotStatus {
            fn default() -> Self {
                Self {
                    last_transition_at: Ok(Default::default()),
                    message: Ok(Default::default()),
                    reason: Ok(Default::default()),
                    state: Err("no value supplied for state".to_string()),
                }
            }
        }
        impl SnapshotStatus {
            pub fn last_transition_at<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.last_transition_at = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for last_transition_at: {e}"
                        )
                    });
                self
            }
            pub fn message<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.message = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for message: {e}")
                    });
                self
            }
            pub fn reason<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.reason = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for reason: {e}")
                    });
                self
            }
            pub fn state<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::SnapshotState>,
                T::Error: ::std::fmt::Display,
            {
                self.state = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for state: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<SnapshotStatus> for super::SnapshotStatus {
            type Error = super::error::ConversionError;
            fn try_from(
                value: SnapshotStatus,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    last_transition_at: value.last_transition_at?,
                    message: value.message?,
                    reason: value.reason?,
                    state: value.state?,
                })
            }
        }
        impl ::std::convert::From<super::SnapshotStatus> for SnapshotStatus {
            fn from(value: super::SnapshotStatus) -> Self {
                Self {
                    last_transition_at: Ok(value.last_transition_at),
                    message: Ok(value.message),
                    reason: Ok(value.reason),
                    state: Ok(value.state),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct Volume {
            host: ::std::result::Result<
                ::std::option::Option<super::Host>,
                ::std::string::String,
            >,
            mount_path: ::std::result::Result<
                super::VolumeMountPath,
                ::std::string::String,
            >,
            name: ::std::result::Result<super::VolumeName, ::std::string::String>,
            ossfs: ::std::result::Result<
                ::std::option::Option<super::Ossfs>,
                ::std::string::String,
            >,
            pvc: ::std::result::Result<
                ::std::option::Option<super::Pvc>,
                ::std::string::String,
            >,
            read_only: ::std::result::Result<bool, ::std::string::String>,
            sub_path: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for Volume {
            fn default() -> Self {
                Self {
                    host: Ok(Default::default()),
                    mount_path: Err("no value supplied for mount_path".to_string()),
                    name: Err("no value supplied for name".to_string()),
                    ossfs: Ok(Default::default()),
                    pvc: Ok(Default::default()),
                    read_only: Ok(Default::default()),
                    sub_path: Ok(Default::default()),
                }
            }
        }
        impl Volume {
            pub fn host<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<super::Host>>,
                T::Error: ::std::fmt::Display,
            {
                self.host = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for host: {e}")
                    });
                self
            }
            pub fn mount_path<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::VolumeMountPath>,
                T::Error: ::std::fmt::Display,
            {
                self.mount_path = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for mount_path: {e}")
                    });
                self
            }
            pub fn name<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::VolumeName>,
                T::Error: ::std::fmt::Display,
            {
                self.name = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for name: {e}")
                    });
                self
            }
            pub fn ossfs<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<super::Ossfs>>,
                T::Error: ::std::fmt::Display,
            {
                self.ossfs = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for ossfs: {e}")
                    });
                self
            }
            pub fn pvc<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<super::Pvc>>,
                T::Error: ::std::fmt::Display,
            {
                self.pvc = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for pvc: {e}")
                    });
                self
            }
            pub fn read_only<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<bool>,
                T::Error: ::std::fmt::Display,
            {
                self.read_only = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for read_only: {e}")
                    });
                self
            }
            pub fn sub_path<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.sub_path = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for sub_path: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<Volume> for super::Volume {
            type Error = super::error::ConversionError;
            fn try_from(
                value: Volume,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    host: value.host?,
                    mount_path: value.mount_path?,
                    name: value.name?,
                    ossfs: value.ossfs?,
                    pvc: value.pvc?,
                    read_only: value.read_only?,
                    sub_path: value.sub_path?,
                })
            }
        }
        impl ::std::convert::From<super::Volume> for Volume {
            fn from(value: super::Volume) -> Self {
                Self {
                    host: Ok(value.host),
                    mount_path: Ok(value.mount_path),
                    name: Ok(value.name),
                    ossfs: Ok(value.ossfs),
                    pvc: Ok(value.pvc),
                    read_only: Ok(value.read_only),
                    sub_path: Ok(value.sub_path),
                }
            }
        }
        impl ::std::fmt::Debug for CreateSandboxRequest {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct("CreateSandboxRequest")
                    .field("credential_proxy", &self.credential_proxy)
                    .field("entrypoint", &self.entrypoint)
                    .field("env", &crate::redact::KeysOnly(&self.env))
                    .field("extensions", &self.extensions)
                    .field("image", &self.image)
                    .field("metadata", &self.metadata)
                    .field("network_policy", &self.network_policy)
                    .field("platform", &self.platform)
                    .field("resource_limits", &self.resource_limits)
                    .field("secure_access", &self.secure_access)
                    .field("snapshot_id", &self.snapshot_id)
                    .field("timeout", &self.timeout)
                    .field("volumes", &self.volumes)
                    .finish()
            }
        }
        impl ::std::fmt::Debug for Endpoint {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct("Endpoint")
                    .field("endpoint", &self.endpoint)
                    .field("headers", &crate::redact::KeysOnly(&self.headers))
                    .finish()
            }
        }
        impl ::std::fmt::Debug for ImageSpecAuth {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct("ImageSpecAuth")
                    .field("password", &"***")
                    .field("username", &self.username)
                    .finish()
            }
        }
        impl ::std::fmt::Debug for Ossfs {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct("Ossfs")
                    .field("access_key_id", &self.access_key_id)
                    .field("access_key_secret", &"***")
                    .field("bucket", &self.bucket)
                    .field("endpoint", &self.endpoint)
                    .field("options", &self.options)
                    .field("version", &self.version)
                    .finish()
            }
        }
    }
    /// Generation of default values for serde.
    pub mod defaults {
        pub(super) fn default_bool<const V: bool>() -> bool {
            V
        }
        pub(super) fn ossfs_version() -> super::OssfsVersion {
            super::OssfsVersion::X20
        }
    }
    /// Error types.
    pub mod error {
        /// Error from a `TryFrom` or `FromStr` implementation.
        pub struct ConversionError(::std::borrow::Cow<'static, str>);
        impl ::std::error::Error for ConversionError {}
        impl ::std::fmt::Display for ConversionError {
            fn fmt(
                &self,
                f: &mut ::std::fmt::Formatter<'_>,
            ) -> Result<(), ::std::fmt::Error> {
                ::std::fmt::Display::fmt(&self.0, f)
            }
        }
        impl ::std::fmt::Debug for ConversionError {
            fn fmt(
                &self,
                f: &mut ::std::fmt::Formatter<'_>,
            ) -> Result<(), ::std::fmt::Error> {
                ::std::fmt::Debug::fmt(&self.0, f)
            }
        }
        impl From<&'static str> for ConversionError {
            fn from(value: &'static str) -> Self {
                Self(value.into())
            }
        }
        impl From<String> for ConversionError {
            fn from(value: String) -> Self {
                Self(value.into())
            }
        }
    }
    ///Open enum: values this SDK does not know decode into `Unknown`.
    #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum DiagnosticContentResponseKind {
        ///`logs`
        Logs,
        ///`events`
        Events,
        /// A value this version of the SDK does not know, kept as the server sent it.
        Unknown(::std::string::String),
    }
    impl DiagnosticContentResponseKind {
        /// Every value this version of the SDK knows.
        pub const KNOWN: &'static [&'static str] = &["logs", "events"];
        /// The value as it appears on the wire.
        pub fn as_str(&self) -> &str {
            match self {
                Self::Logs => "logs",
                Self::Events => "events",
                Self::Unknown(other) => other.as_str(),
            }
        }
        /// Whether this is a value the SDK does not know.
        pub fn is_unknown(&self) -> bool {
            matches!(self, Self::Unknown(_))
        }
    }
    impl ::std::fmt::Display for DiagnosticContentResponseKind {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            f.write_str(self.as_str())
        }
    }
    impl ::std::convert::From<&str> for DiagnosticContentResponseKind {
        fn from(value: &str) -> Self {
            match value {
                "logs" => Self::Logs,
                "events" => Self::Events,
                other => Self::Unknown(other.to_string()),
            }
        }
    }
    impl ::std::convert::From<::std::string::String> for DiagnosticContentResponseKind {
        fn from(value: ::std::string::String) -> Self {
            match value.as_str() {
                "logs" => Self::Logs,
                "events" => Self::Events,
                _ => Self::Unknown(value),
            }
        }
    }
    impl ::std::str::FromStr for DiagnosticContentResponseKind {
        type Err = ::std::convert::Infallible;
        fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
            Ok(Self::from(value))
        }
    }
    impl ::serde::Serialize for DiagnosticContentResponseKind {
        fn serialize<S: ::serde::Serializer>(
            &self,
            serializer: S,
        ) -> ::std::result::Result<S::Ok, S::Error> {
            serializer.serialize_str(self.as_str())
        }
    }
    impl<'de> ::serde::Deserialize<'de> for DiagnosticContentResponseKind {
        fn deserialize<D: ::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> ::std::result::Result<Self, D::Error> {
            let value = <::std::string::String as ::serde::Deserialize>::deserialize(
                deserializer,
            )?;
            Ok(Self::from(value))
        }
    }
    #[cfg(feature = "schemars")]
    impl ::schemars::JsonSchema for DiagnosticContentResponseKind {
        fn schema_name() -> ::std::string::String {
            stringify!(DiagnosticContentResponseKind).to_string()
        }
        fn json_schema(
            _: &mut ::schemars::r#gen::SchemaGenerator,
        ) -> ::schemars::schema::Schema {
            ::schemars::schema::SchemaObject {
                instance_type: Some(::schemars::schema::InstanceType::String.into()),
                enum_values: Some(
                    vec![
                        ::serde_json::Value::from("logs"),
                        ::serde_json::Value::from("events")
                    ],
                ),
                ..Default::default()
            }
                .into()
        }
    }
    ///Open enum: values this SDK does not know decode into `Unknown`.
    #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum DiagnosticContentResponseDelivery {
        ///`inline`
        Inline,
        ///`url`
        Url,
        /// A value this version of the SDK does not know, kept as the server sent it.
        Unknown(::std::string::String),
    }
    impl DiagnosticContentResponseDelivery {
        /// Every value this version of the SDK knows.
        pub const KNOWN: &'static [&'static str] = &["inline", "url"];
        /// The value as it appears on the wire.
        pub fn as_str(&self) -> &str {
            match self {
                Self::Inline => "inline",
                Self::Url => "url",
                Self::Unknown(other) => other.as_str(),
            }
        }
        /// Whether this is a value the SDK does not know.
        pub fn is_unknown(&self) -> bool {
            matches!(self, Self::Unknown(_))
        }
    }
    impl ::std::fmt::Display for DiagnosticContentResponseDelivery {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            f.write_str(self.as_str())
        }
    }
    impl ::std::convert::From<&str> for DiagnosticContentResponseDelivery {
        fn from(value: &str) -> Self {
            match value {
                "inline" => Self::Inline,
                "url" => Self::Url,
                other => Self::Unknown(other.to_string()),
            }
        }
    }
    impl ::std::convert::From<::std::string::String>
    for DiagnosticContentResponseDelivery {
        fn from(value: ::std::string::String) -> Self {
            match value.as_str() {
                "inline" => Self::Inline,
                "url" => Self::Url,
                _ => Self::Unknown(value),
            }
        }
    }
    impl ::std::str::FromStr for DiagnosticContentResponseDelivery {
        type Err = ::std::convert::Infallible;
        fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
            Ok(Self::from(value))
        }
    }
    impl ::serde::Serialize for DiagnosticContentResponseDelivery {
        fn serialize<S: ::serde::Serializer>(
            &self,
            serializer: S,
        ) -> ::std::result::Result<S::Ok, S::Error> {
            serializer.serialize_str(self.as_str())
        }
    }
    impl<'de> ::serde::Deserialize<'de> for DiagnosticContentResponseDelivery {
        fn deserialize<D: ::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> ::std::result::Result<Self, D::Error> {
            let value = <::std::string::String as ::serde::Deserialize>::deserialize(
                deserializer,
            )?;
            Ok(Self::from(value))
        }
    }
    #[cfg(feature = "schemars")]
    impl ::schemars::JsonSchema for DiagnosticContentResponseDelivery {
        fn schema_name() -> ::std::string::String {
            stringify!(DiagnosticContentResponseDelivery).to_string()
        }
        fn json_schema(
            _: &mut ::schemars::r#gen::SchemaGenerator,
        ) -> ::schemars::schema::Schema {
            ::schemars::schema::SchemaObject {
                instance_type: Some(::schemars::schema::InstanceType::String.into()),
                enum_values: Some(
                    vec![
                        ::serde_json::Value::from("inline"),
                        ::serde_json::Value::from("url")
                    ],
                ),
                ..Default::default()
            }
                .into()
        }
    }
    ///Open enum: values this SDK does not know decode into `Unknown`.
    #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum PlatformSpecOs {
        ///`linux`
        Linux,
        ///`windows`
        Windows,
        /// A value this version of the SDK does not know, kept as the server sent it.
        Unknown(::std::string::String),
    }
    impl PlatformSpecOs {
        /// Every value this version of the SDK knows.
        pub const KNOWN: &'static [&'static str] = &["linux", "windows"];
        /// The value as it appears on the wire.
        pub fn as_str(&self) -> &str {
            match self {
                Self::Linux => "linux",
                Self::Windows => "windows",
                Self::Unknown(other) => other.as_str(),
            }
        }
        /// Whether this is a value the SDK does not know.
        pub fn is_unknown(&self) -> bool {
            matches!(self, Self::Unknown(_))
        }
    }
    impl ::std::fmt::Display for PlatformSpecOs {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            f.write_str(self.as_str())
        }
    }
    impl ::std::convert::From<&str> for PlatformSpecOs {
        fn from(value: &str) -> Self {
            match value {
                "linux" => Self::Linux,
                "windows" => Self::Windows,
                other => Self::Unknown(other.to_string()),
            }
        }
    }
    impl ::std::convert::From<::std::string::String> for PlatformSpecOs {
        fn from(value: ::std::string::String) -> Self {
            match value.as_str() {
                "linux" => Self::Linux,
                "windows" => Self::Windows,
                _ => Self::Unknown(value),
            }
        }
    }
    impl ::std::str::FromStr for PlatformSpecOs {
        type Err = ::std::convert::Infallible;
        fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
            Ok(Self::from(value))
        }
    }
    impl ::serde::Serialize for PlatformSpecOs {
        fn serialize<S: ::serde::Serializer>(
            &self,
            serializer: S,
        ) -> ::std::result::Result<S::Ok, S::Error> {
            serializer.serialize_str(self.as_str())
        }
    }
    impl<'de> ::serde::Deserialize<'de> for PlatformSpecOs {
        fn deserialize<D: ::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> ::std::result::Result<Self, D::Error> {
            let value = <::std::string::String as ::serde::Deserialize>::deserialize(
                deserializer,
            )?;
            Ok(Self::from(value))
        }
    }
    #[cfg(feature = "schemars")]
    impl ::schemars::JsonSchema for PlatformSpecOs {
        fn schema_name() -> ::std::string::String {
            stringify!(PlatformSpecOs).to_string()
        }
        fn json_schema(
            _: &mut ::schemars::r#gen::SchemaGenerator,
        ) -> ::schemars::schema::Schema {
            ::schemars::schema::SchemaObject {
                instance_type: Some(::schemars::schema::InstanceType::String.into()),
                enum_values: Some(
                    vec![
                        ::serde_json::Value::from("linux"),
                        ::serde_json::Value::from("windows")
                    ],
                ),
                ..Default::default()
            }
                .into()
        }
    }
    ///Open enum: values this SDK does not know decode into `Unknown`.
    #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum PlatformSpecArch {
        ///`amd64`
        Amd64,
        ///`arm64`
        Arm64,
        /// A value this version of the SDK does not know, kept as the server sent it.
        Unknown(::std::string::String),
    }
    impl PlatformSpecArch {
        /// Every value this version of the SDK knows.
        pub const KNOWN: &'static [&'static str] = &["amd64", "arm64"];
        /// The value as it appears on the wire.
        pub fn as_str(&self) -> &str {
            match self {
                Self::Amd64 => "amd64",
                Self::Arm64 => "arm64",
                Self::Unknown(other) => other.as_str(),
            }
        }
        /// Whether this is a value the SDK does not know.
        pub fn is_unknown(&self) -> bool {
            matches!(self, Self::Unknown(_))
        }
    }
    impl ::std::fmt::Display for PlatformSpecArch {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            f.write_str(self.as_str())
        }
    }
    impl ::std::convert::From<&str> for PlatformSpecArch {
        fn from(value: &str) -> Self {
            match value {
                "amd64" => Self::Amd64,
                "arm64" => Self::Arm64,
                other => Self::Unknown(other.to_string()),
            }
        }
    }
    impl ::std::convert::From<::std::string::String> for PlatformSpecArch {
        fn from(value: ::std::string::String) -> Self {
            match value.as_str() {
                "amd64" => Self::Amd64,
                "arm64" => Self::Arm64,
                _ => Self::Unknown(value),
            }
        }
    }
    impl ::std::str::FromStr for PlatformSpecArch {
        type Err = ::std::convert::Infallible;
        fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
            Ok(Self::from(value))
        }
    }
    impl ::serde::Serialize for PlatformSpecArch {
        fn serialize<S: ::serde::Serializer>(
            &self,
            serializer: S,
        ) -> ::std::result::Result<S::Ok, S::Error> {
            serializer.serialize_str(self.as_str())
        }
    }
    impl<'de> ::serde::Deserialize<'de> for PlatformSpecArch {
        fn deserialize<D: ::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> ::std::result::Result<Self, D::Error> {
            let value = <::std::string::String as ::serde::Deserialize>::deserialize(
                deserializer,
            )?;
            Ok(Self::from(value))
        }
    }
    #[cfg(feature = "schemars")]
    impl ::schemars::JsonSchema for PlatformSpecArch {
        fn schema_name() -> ::std::string::String {
            stringify!(PlatformSpecArch).to_string()
        }
        fn json_schema(
            _: &mut ::schemars::r#gen::SchemaGenerator,
        ) -> ::schemars::schema::Schema {
            ::schemars::schema::SchemaObject {
                instance_type: Some(::schemars::schema::InstanceType::String.into()),
                enum_values: Some(
                    vec![
                        ::serde_json::Value::from("amd64"),
                        ::serde_json::Value::from("arm64")
                    ],
                ),
                ..Default::default()
            }
                .into()
        }
    }
    impl ::std::fmt::Debug for CreateSandboxRequest {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            f.debug_struct("CreateSandboxRequest")
                .field("credential_proxy", &self.credential_proxy)
                .field("entrypoint", &self.entrypoint)
                .field("env", &crate::redact::KeysOnly(&self.env))
                .field("extensions", &self.extensions)
                .field("image", &self.image)
                .field("metadata", &self.metadata)
                .field("network_policy", &self.network_policy)
                .field("platform", &self.platform)
                .field("resource_limits", &self.resource_limits)
                .field("secure_access", &self.secure_access)
                .field("snapshot_id", &self.snapshot_id)
                .field("timeout", &self.timeout)
                .field("volumes", &self.volumes)
                .finish()
        }
    }
    impl ::std::fmt::Debug for Endpoint {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            f.debug_struct("Endpoint")
                .field("endpoint", &self.endpoint)
                .field("headers", &crate::redact::KeysOnly(&self.headers))
                .finish()
        }
    }
    impl ::std::fmt::Debug for ImageSpecAuth {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            f.debug_struct("ImageSpecAuth")
                .field("password", &"***")
                .field("username", &self.username)
                .finish()
        }
    }
    impl ::std::fmt::Debug for Ossfs {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            f.debug_struct("Ossfs")
                .field("access_key_id", &self.access_key_id)
                .field("access_key_secret", &"***")
                .field("bucket", &self.bucket)
                .field("endpoint", &self.endpoint)
                .field("options", &self.options)
                .field("version", &self.version)
                .finish()
        }
    }
    impl ::std::fmt::Debug for OssfsAccessKeySecret {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            f.debug_tuple("OssfsAccessKeySecret").field(&"***").finish()
        }
    }
}
#[derive(Clone, Debug)]
/**Client for OpenSandbox Lifecycle API (Rust SDK edition)

Control plane for OpenSandbox. Use it to start isolated sandboxes (from a
container image or from a saved snapshot), look them up, suspend and wake
them, extend their lifetime, capture snapshots, resolve the network address
of a port inside a sandbox, and finally tear them down.

## State machine

A freshly created sandbox reports `Pending` and starts on its own. Once the
runtime has it up it reports `Running`. Pausing goes `Pausing` -> `Paused`,
resuming goes `Resuming` -> `Running`; both happen in the background, so
poll the sandbox to see them finish. Deletion, TTL expiry or a fatal error
drive it through `Stopping` to `Terminated`; a critical fault from any state
ends in `Failed`. `status.reason` and `status.message` explain the current
state in more detail.

## Authentication

Send the key in the `OPEN-SANDBOX-API-KEY` request header. The Rust SDK
reads `OPEN_SANDBOX_API_KEY` from the environment when no key is set in
code. A server started without a configured key does not check it. Rejected
credentials produce 401 with `code` set to `MISSING_API_KEY` or
`INVALID_API_KEY`.

This key belongs to the lifecycle server only. Never forward it to a
sandbox endpoint (execd, egress sidecar, or any other in-sandbox service).

## How the server really behaves

The reference server deviates from, or adds to, this contract in a few
places. Clients should be ready for all of them:

- Body, path and query validation errors are produced by FastAPI and come
  back as HTTP **422** with a body shaped like `{"detail": [ ... ]}`, not
  as 400 with `{code, message}`. Handle both shapes.
- Error `code` values are namespaced by subsystem, for example
  `SANDBOX::NOT_FOUND`, `DOCKER::SANDBOX_NOT_FOUND` or
  `GENERAL::UNKNOWN_ERROR`. Do not match on a bare `NOT_FOUND`.
- Every response, success or error, includes an `X-Request-ID` header.
  If the request carried one it is echoed back; otherwise the server
  mints a new one. Log it when reporting problems.
- Create, pause, resume and snapshot creation reply **202 Accepted**;
  sandbox deletion and snapshot deletion reply **204 No Content**.
- `pageSize` is capped at 200 by the server.
- The server mounts its routes both at `/` and under `/v1`; SDK clients
  use the `/v1` prefix.


Version: 0.1.0*/
pub struct Client {
    pub(crate) baseurl: String,
    pub(crate) client: reqwest::Client,
    pub(crate) inner: crate::hooks::RequestOptions,
}
impl Client {
    /// Create a new client.
    ///
    /// `baseurl` is the base URL provided to the internal
    /// `reqwest::Client`, and should include a scheme and hostname,
    /// as well as port and a path stem if applicable.
    pub fn new(baseurl: &str, inner: crate::hooks::RequestOptions) -> Self {
        #[cfg(not(target_arch = "wasm32"))]
        let client = {
            let dur = ::std::time::Duration::from_secs(15u64);
            reqwest::ClientBuilder::new().connect_timeout(dur).timeout(dur)
        };
        #[cfg(target_arch = "wasm32")]
        let client = reqwest::ClientBuilder::new();
        Self::new_with_client(baseurl, client.build().unwrap(), inner)
    }
    /// Construct a new client with an existing `reqwest::Client`,
    /// allowing more control over its configuration.
    ///
    /// `baseurl` is the base URL provided to the internal
    /// `reqwest::Client`, and should include a scheme and hostname,
    /// as well as port and a path stem if applicable.
    pub fn new_with_client(
        baseurl: &str,
        client: reqwest::Client,
        inner: crate::hooks::RequestOptions,
    ) -> Self {
        Self {
            baseurl: baseurl.to_string(),
            client,
            inner,
        }
    }
}
impl ClientInfo<crate::hooks::RequestOptions> for Client {
    fn api_version() -> &'static str {
        "0.1.0"
    }
    fn baseurl(&self) -> &str {
        self.baseurl.as_str()
    }
    fn client(&self) -> &reqwest::Client {
        &self.client
    }
    fn inner(&self) -> &crate::hooks::RequestOptions {
        &self.inner
    }
}
impl ClientHooks<crate::hooks::RequestOptions> for &Client {
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
}
impl Client {
    /**Page through sandboxes

Returns one page of sandboxes visible to the caller. Every supplied
filter must match (they are combined with AND); repeating `state`
widens the state filter (those values are combined with OR).


Sends a `GET` request to `/sandboxes`

Arguments:
- `metadata`: Metadata filter written as a URL-encoded `key=value&key=value`
string, sent as a single query value. Percent-encode `&`, `=`,
`%` and `+` inside keys and values before joining them, then encode
the whole string again as the parameter value. For instance
`env=prod` and `owner=Ada Lovelace` become
`?metadata=env%3Dprod%26owner%3DAda%252520Lovelace`.

- `page`: One-based index of the page to return.
- `page_size`: How many sandboxes to put on a page. The server refuses values
above 200, even though this document sets no upper bound.

- `state`: Lifecycle state to keep, such as `Running`. Repeat the parameter
to accept several states, e.g. `?state=Pending&state=Running`.

```ignore
let response = client.list_sandboxes()
    .metadata(metadata)
    .page(page)
    .page_size(page_size)
    .state(state)
    .send()
    .await;
```*/
    pub fn list_sandboxes(&self) -> builder::ListSandboxes<'_> {
        builder::ListSandboxes::new(self)
    }
    /**Start a new sandbox

Asks the server to provision a sandbox. Choose exactly one source:

- `image` boots a fresh container from an OCI image; `entrypoint`
  must then be given as well.
- `snapshotId` rebuilds the sandbox from a snapshot taken earlier;
  `entrypoint` may be left out, in which case the server runs
  `["tail", "-f", "/dev/null"]` to keep the sandbox alive.

Resource limits, environment variables, metadata, a network policy,
volumes and provider extensions can be supplied alongside the source.

The call returns as soon as the work is queued (HTTP 202). The
sandbox is not usable yet: poll `GET /sandboxes/{sandboxId}` until it
reports `Running`. Do not retry this request blindly on gateway
errors, since it is not idempotent and may already have created a
sandbox.

Malformed bodies are rejected by the reference server with 422 and a
FastAPI `{"detail": [...]}` body rather than the documented 400.


Sends a `POST` request to `/sandboxes`

```ignore
let response = client.create_sandbox()
    .body(body)
    .send()
    .await;
```*/
    pub fn create_sandbox(&self) -> builder::CreateSandbox<'_> {
        builder::CreateSandbox::new(self)
    }
    /**Page through snapshots

Returns one page of snapshots. A snapshot is kept independently of
the sandbox it came from, so it can still be listed (and restored)
after that sandbox is gone. Filters are combined with AND.


Sends a `GET` request to `/snapshots`

Arguments:
- `page`: One-based index of the page to return.
- `page_size`: How many snapshots to put on a page. The server refuses values
above 200.

- `sandbox_id`: Keep only snapshots taken from this sandbox.
- `state`: Snapshot state to keep. Repeat to accept several, e.g.
`?state=Creating&state=Ready`.

```ignore
let response = client.list_snapshots()
    .page(page)
    .page_size(page_size)
    .sandbox_id(sandbox_id)
    .state(state)
    .send()
    .await;
```*/
    pub fn list_snapshots(&self) -> builder::ListSnapshots<'_> {
        builder::ListSnapshots::new(self)
    }
    /**Look up one snapshot

Reads the current state and details of a single snapshot.

Sends a `GET` request to `/snapshots/{snapshotId}`

Arguments:
- `snapshot_id`: Identifier of the snapshot, as returned when it was captured.
```ignore
let response = client.get_snapshot()
    .snapshot_id(snapshot_id)
    .send()
    .await;
```*/
    pub fn get_snapshot(&self) -> builder::GetSnapshot<'_> {
        builder::GetSnapshot::new(self)
    }
    /**Remove a snapshot

Deletes a snapshot. A snapshot whose capture is still in progress
(`Creating`) cannot be removed yet; the server answers 409.

On Kubernetes this cleans up OpenSandbox's own records and
coordination objects only. Any image already pushed to the OCI
registry may stay there; rely on the registry's retention or garbage
collection to reclaim that space.


Sends a `DELETE` request to `/snapshots/{snapshotId}`

Arguments:
- `snapshot_id`: Identifier of the snapshot, as returned when it was captured.
```ignore
let response = client.delete_snapshot()
    .snapshot_id(snapshot_id)
    .send()
    .await;
```*/
    pub fn delete_snapshot(&self) -> builder::DeleteSnapshot<'_> {
        builder::DeleteSnapshot::new(self)
    }
    /**Look up one sandbox

Reads the full record of a sandbox: identity, status, metadata,
timestamps, the entry process, and where it was started from
(`image` or `snapshotId`). Use this to follow a sandbox through
asynchronous transitions such as provisioning, pause and resume.


Sends a `GET` request to `/sandboxes/{sandboxId}`

Arguments:
- `sandbox_id`: Identifier of the sandbox, as returned when it was created.
```ignore
let response = client.get_sandbox()
    .sandbox_id(sandbox_id)
    .send()
    .await;
```*/
    pub fn get_sandbox(&self) -> builder::GetSandbox<'_> {
        builder::GetSandbox::new(self)
    }
    /**Tear down a sandbox

Stops the sandbox and releases its resources. The shutdown happens in
the background: the sandbox passes through `Stopping` before it
settles in `Terminated`.


Sends a `DELETE` request to `/sandboxes/{sandboxId}`

Arguments:
- `sandbox_id`: Identifier of the sandbox, as returned when it was created.
```ignore
let response = client.delete_sandbox()
    .sandbox_id(sandbox_id)
    .send()
    .await;
```*/
    pub fn delete_sandbox(&self) -> builder::DeleteSandbox<'_> {
        builder::DeleteSandbox::new(self)
    }
    /**Edit sandbox metadata

Changes a sandbox's metadata in place following JSON Merge Patch
(RFC 7396). The body is a flat object of metadata keys:

- a string value sets or overwrites that key;
- `null` removes the key (removing a key that is not there is fine);
- keys you leave out are untouched;
- `{}` changes nothing and simply returns the current record.

Keys and values follow Kubernetes label syntax. Keys are DNS labels,
optionally prefixed by a DNS subdomain and `/`; the `opensandbox.io/`
prefix is reserved and will be refused. Values are at most 63
characters of letters, digits, `-`, `_` and `.`, starting and ending
with a letter or digit.

The sandbox keeps running; nothing is restarted.

There is no optimistic locking. Two PATCH calls racing on the same
sandbox can overwrite each other's changes, so keep a single writer
per sandbox or coordinate elsewhere.


Sends a `PATCH` request to `/sandboxes/{sandboxId}/metadata`

Arguments:
- `sandbox_id`: Identifier of the sandbox, as returned when it was created.
- `body`
```ignore
let response = client.patch_sandbox_metadata()
    .sandbox_id(sandbox_id)
    .body(body)
    .send()
    .await;
```*/
    pub fn patch_sandbox_metadata(&self) -> builder::PatchSandboxMetadata<'_> {
        builder::PatchSandboxMetadata::new(self)
    }
    /**Capture a snapshot of a sandbox

Saves the current state of a `Running` sandbox as a persistent
snapshot that can later seed new sandboxes. Depending on the runtime
the sandbox may be frozen briefly while its state is captured; it goes
back to running afterwards. The body is optional.


Sends a `POST` request to `/sandboxes/{sandboxId}/snapshots`

Arguments:
- `sandbox_id`: Identifier of the sandbox, as returned when it was created.
- `body`
```ignore
let response = client.create_snapshot()
    .sandbox_id(sandbox_id)
    .body(body)
    .send()
    .await;
```*/
    pub fn create_snapshot(&self) -> builder::CreateSnapshot<'_> {
        builder::CreateSnapshot::new(self)
    }
    /**Suspend a running sandbox

Freezes a `Running` sandbox without losing its memory or files. The
sandbox reports `Pausing` and then `Paused`; poll the sandbox to see
when that has happened.


Sends a `POST` request to `/sandboxes/{sandboxId}/pause`

Arguments:
- `sandbox_id`: Identifier of the sandbox, as returned when it was created.
```ignore
let response = client.pause_sandbox()
    .sandbox_id(sandbox_id)
    .send()
    .await;
```*/
    pub fn pause_sandbox(&self) -> builder::PauseSandbox<'_> {
        builder::PauseSandbox::new(self)
    }
    /**Wake a paused sandbox

Restarts a `Paused` sandbox where it left off. The sandbox reports
`Resuming` and then `Running`; poll the sandbox to see when it is
usable again.


Sends a `POST` request to `/sandboxes/{sandboxId}/resume`

Arguments:
- `sandbox_id`: Identifier of the sandbox, as returned when it was created.
```ignore
let response = client.resume_sandbox()
    .sandbox_id(sandbox_id)
    .send()
    .await;
```*/
    pub fn resume_sandbox(&self) -> builder::ResumeSandbox<'_> {
        builder::ResumeSandbox::new(self)
    }
    /**Push back a sandbox's expiry

Replaces the sandbox's automatic termination time with a later one.
The new value is an absolute instant, not a duration to add.


Sends a `POST` request to `/sandboxes/{sandboxId}/renew-expiration`

Arguments:
- `sandbox_id`: Identifier of the sandbox, as returned when it was created.
- `body`
```ignore
let response = client.renew_sandbox_expiration()
    .sandbox_id(sandbox_id)
    .body(body)
    .send()
    .await;
```*/
    pub fn renew_sandbox_expiration(&self) -> builder::RenewSandboxExpiration<'_> {
        builder::RenewSandboxExpiration::new(self)
    }
    /**Resolve the address of a sandbox port

Tells the client how to reach a service listening on `port` inside
the sandbox (for instance execd on 44772 or the egress sidecar on
18080). Nothing is returned usefully unless something is actually
listening on that port.

How to use the answer:

- `endpoint` has **no scheme**. Prefix it with the scheme used to
  talk to the lifecycle server (`http://` or `https://`).
- `endpoint` may include a **path**, e.g. `10.0.0.5:40123/proxy/44772`
  in Docker bridge mode or `lifecycle.example:8080/sandboxes/<id>/proxy/44772`
  in server-proxy mode. Append API paths to that base; never let URL
  resolution replace its last segment.
- Every entry of `headers` must be attached to **every** request sent
  to that endpoint (ingress routing, secure-access tokens and so on).
- Do not send `OPEN-SANDBOX-API-KEY` to the endpoint.

Passing `use_server_proxy=true` together with `expires` is rejected
with 400.


Sends a `GET` request to `/sandboxes/{sandboxId}/endpoints/{port}`

Arguments:
- `sandbox_id`: Identifier of the sandbox, as returned when it was created.
- `port`: TCP port inside the sandbox that the service listens on.
- `expires`: Ask for a signed, time-limited route (OSEP-0011) valid until this
moment, written as a decimal count of Unix seconds (not
milliseconds), e.g. `1767225600`. The server turns it into a route
token that may show up in the host, the path or a header of the
answer. Leave it out for an ordinary unsigned endpoint. Must not
be combined with `use_server_proxy=true`.

- `use_server_proxy`: When true, return an address that routes through the lifecycle
server itself instead of a direct one. Must not be combined with
`expires` (the server answers 400).

```ignore
let response = client.get_sandbox_endpoint()
    .sandbox_id(sandbox_id)
    .port(port)
    .expires(expires)
    .use_server_proxy(use_server_proxy)
    .send()
    .await;
```*/
    pub fn get_sandbox_endpoint(&self) -> builder::GetSandboxEndpoint<'_> {
        builder::GetSandboxEndpoint::new(self)
    }
    /**Fetch sandbox log text

Collects log output for the sandbox in the chosen `scope` and returns
it as an envelope. Depending on scope and deployment this can be the
container's stdout/stderr, lifecycle server messages about the
sandbox, network diagnostics, or other material the server finds
useful.

You get what is available at the moment of the call, possibly cut
short (see `truncated`). Small payloads are usually embedded as
`content`; large ones are offered through `contentUrl`.

May answer 501 when the server does not implement diagnostics.


Sends a `GET` request to `/sandboxes/{sandboxId}/diagnostics/logs`

Arguments:
- `sandbox_id`: Identifier of the sandbox, as returned when it was created.
- `scope`: Which source of diagnostics to read. Common values are `container`,
`lifecycle`, `runtime`, `network`, `process` and `all`, but the set
depends on the server and can grow, so pass other strings through
unchanged.

Always send it. Older deployments that still serve the former
plain-text DevOps output on these paths fall back to that legacy
behaviour when `scope` is missing and reply with `text/plain`
instead of the JSON envelope.

```ignore
let response = client.get_diagnostic_logs()
    .sandbox_id(sandbox_id)
    .scope(scope)
    .send()
    .await;
```*/
    pub fn get_diagnostic_logs(&self) -> builder::GetDiagnosticLogs<'_> {
        builder::GetDiagnosticLogs::new(self)
    }
    /**Fetch sandbox event text

Collects events that concern the sandbox in the chosen `scope`,
rendered as text. Depending on scope and runtime this can cover state
changes, Kubernetes or other platform events, network events, process
activity, or anything else the server tracks.

The events are text, not a typed model, and reflect what the server
still holds at the moment of the call. Small payloads are usually
embedded as `content`; large ones are offered through `contentUrl`.

May answer 501 when the server does not implement diagnostics.


Sends a `GET` request to `/sandboxes/{sandboxId}/diagnostics/events`

Arguments:
- `sandbox_id`: Identifier of the sandbox, as returned when it was created.
- `scope`: Which source of diagnostics to read. Common values are `container`,
`lifecycle`, `runtime`, `network`, `process` and `all`, but the set
depends on the server and can grow, so pass other strings through
unchanged.

Always send it. Older deployments that still serve the former
plain-text DevOps output on these paths fall back to that legacy
behaviour when `scope` is missing and reply with `text/plain`
instead of the JSON envelope.

```ignore
let response = client.get_diagnostic_events()
    .sandbox_id(sandbox_id)
    .scope(scope)
    .send()
    .await;
```*/
    pub fn get_diagnostic_events(&self) -> builder::GetDiagnosticEvents<'_> {
        builder::GetDiagnosticEvents::new(self)
    }
}
/// Types for composing operation parameters.
#[allow(clippy::all)]
pub mod builder {
    use super::types;
    #[allow(unused_imports)]
    use super::{
        encode_path, ByteStream, ClientInfo, ClientHooks, Error, OperationInfo,
        RequestBuilderExt, ResponseValue,
    };
    /**Builder for [`Client::list_sandboxes`]

[`Client::list_sandboxes`]: super::Client::list_sandboxes*/
    #[derive(Debug, Clone)]
    pub struct ListSandboxes<'a> {
        client: &'a super::Client,
        metadata: Result<Option<::std::string::String>, String>,
        page: Result<Option<::std::num::NonZeroU64>, String>,
        page_size: Result<Option<::std::num::NonZeroU64>, String>,
        state: Result<Option<::std::vec::Vec<::std::string::String>>, String>,
    }
    impl<'a> ListSandboxes<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                metadata: Ok(None),
                page: Ok(None),
                page_size: Ok(None),
                state: Ok(None),
            }
        }
        pub fn metadata<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.metadata = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for metadata failed"
                        .to_string()
                });
            self
        }
        pub fn page<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::num::NonZeroU64>,
        {
            self.page = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: num :: NonZeroU64` for page failed"
                        .to_string()
                });
            self
        }
        pub fn page_size<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::num::NonZeroU64>,
        {
            self.page_size = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: num :: NonZeroU64` for page_size failed"
                        .to_string()
                });
            self
        }
        pub fn state<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::vec::Vec<::std::string::String>>,
        {
            self.state = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: vec :: Vec < :: std :: string :: String >` for state failed"
                        .to_string()
                });
            self
        }
        ///Sends a `GET` request to `/sandboxes`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<types::ListSandboxesResponse>, Error<()>> {
            let Self { client, metadata, page, page_size, state } = self;
            let metadata = metadata.map_err(Error::InvalidRequest)?;
            let page = page.map_err(Error::InvalidRequest)?;
            let page_size = page_size.map_err(Error::InvalidRequest)?;
            let state = state.map_err(Error::InvalidRequest)?;
            let url = format!("{}/sandboxes", client.baseurl,);
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .get(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .query(&progenitor_client::QueryParam::new("metadata", &metadata))
                .query(&progenitor_client::QueryParam::new("page", &page))
                .query(&progenitor_client::QueryParam::new("pageSize", &page_size))
                .query(&progenitor_client::QueryParam::new("state", &state))
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "list_sandboxes",
            };
            (crate::hooks::apply)(&client.inner, &mut request);
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200..=299 => ResponseValue::from_response(response).await,
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::create_sandbox`]

[`Client::create_sandbox`]: super::Client::create_sandbox*/
    #[derive(Debug, Clone)]
    pub struct CreateSandbox<'a> {
        client: &'a super::Client,
        body: Result<types::builder::CreateSandboxRequest, String>,
    }
    impl<'a> CreateSandbox<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                body: Ok(::std::default::Default::default()),
            }
        }
        pub fn body<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<types::CreateSandboxRequest>,
            <V as std::convert::TryInto<
                types::CreateSandboxRequest,
            >>::Error: std::fmt::Display,
        {
            self.body = value
                .try_into()
                .map(From::from)
                .map_err(|s| {
                    format!(
                        "conversion to `CreateSandboxRequest` for body failed: {}", s
                    )
                });
            self
        }
        pub fn body_map<F>(mut self, f: F) -> Self
        where
            F: std::ops::FnOnce(
                types::builder::CreateSandboxRequest,
            ) -> types::builder::CreateSandboxRequest,
        {
            self.body = self.body.map(f);
            self
        }
        ///Sends a `POST` request to `/sandboxes`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<types::CreateSandboxResponse>, Error<()>> {
            let Self { client, body } = self;
            let body = body
                .and_then(|v| {
                    types::CreateSandboxRequest::try_from(v).map_err(|e| e.to_string())
                })
                .map_err(Error::InvalidRequest)?;
            let url = format!("{}/sandboxes", client.baseurl,);
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .post(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .json(&body)
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "create_sandbox",
            };
            (crate::hooks::apply)(&client.inner, &mut request);
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200..=299 => ResponseValue::from_response(response).await,
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::list_snapshots`]

[`Client::list_snapshots`]: super::Client::list_snapshots*/
    #[derive(Debug, Clone)]
    pub struct ListSnapshots<'a> {
        client: &'a super::Client,
        page: Result<Option<::std::num::NonZeroU64>, String>,
        page_size: Result<Option<::std::num::NonZeroU64>, String>,
        sandbox_id: Result<Option<::std::string::String>, String>,
        state: Result<Option<::std::vec::Vec<types::SnapshotState>>, String>,
    }
    impl<'a> ListSnapshots<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                page: Ok(None),
                page_size: Ok(None),
                sandbox_id: Ok(None),
                state: Ok(None),
            }
        }
        pub fn page<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::num::NonZeroU64>,
        {
            self.page = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: num :: NonZeroU64` for page failed"
                        .to_string()
                });
            self
        }
        pub fn page_size<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::num::NonZeroU64>,
        {
            self.page_size = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: num :: NonZeroU64` for page_size failed"
                        .to_string()
                });
            self
        }
        pub fn sandbox_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.sandbox_id = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for sandbox_id failed"
                        .to_string()
                });
            self
        }
        pub fn state<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::vec::Vec<types::SnapshotState>>,
        {
            self.state = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: vec :: Vec < SnapshotState >` for state failed"
                        .to_string()
                });
            self
        }
        ///Sends a `GET` request to `/snapshots`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<types::ListSnapshotsResponse>, Error<()>> {
            let Self { client, page, page_size, sandbox_id, state } = self;
            let page = page.map_err(Error::InvalidRequest)?;
            let page_size = page_size.map_err(Error::InvalidRequest)?;
            let sandbox_id = sandbox_id.map_err(Error::InvalidRequest)?;
            let state = state.map_err(Error::InvalidRequest)?;
            let url = format!("{}/snapshots", client.baseurl,);
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .get(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .query(&progenitor_client::QueryParam::new("page", &page))
                .query(&progenitor_client::QueryParam::new("pageSize", &page_size))
                .query(&progenitor_client::QueryParam::new("sandboxId", &sandbox_id))
                .query(&progenitor_client::QueryParam::new("state", &state))
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "list_snapshots",
            };
            (crate::hooks::apply)(&client.inner, &mut request);
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200..=299 => ResponseValue::from_response(response).await,
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::get_snapshot`]

[`Client::get_snapshot`]: super::Client::get_snapshot*/
    #[derive(Debug, Clone)]
    pub struct GetSnapshot<'a> {
        client: &'a super::Client,
        snapshot_id: Result<::std::string::String, String>,
    }
    impl<'a> GetSnapshot<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                snapshot_id: Err("snapshot_id was not initialized".to_string()),
            }
        }
        pub fn snapshot_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.snapshot_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for snapshot_id failed"
                        .to_string()
                });
            self
        }
        ///Sends a `GET` request to `/snapshots/{snapshotId}`
        pub async fn send(self) -> Result<ResponseValue<types::Snapshot>, Error<()>> {
            let Self { client, snapshot_id } = self;
            let snapshot_id = snapshot_id.map_err(Error::InvalidRequest)?;
            let url = format!(
                "{}/snapshots/{}", client.baseurl, encode_path(& snapshot_id
                .to_string()),
            );
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .get(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "get_snapshot",
            };
            (crate::hooks::apply)(&client.inner, &mut request);
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200..=299 => ResponseValue::from_response(response).await,
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::delete_snapshot`]

[`Client::delete_snapshot`]: super::Client::delete_snapshot*/
    #[derive(Debug, Clone)]
    pub struct DeleteSnapshot<'a> {
        client: &'a super::Client,
        snapshot_id: Result<::std::string::String, String>,
    }
    impl<'a> DeleteSnapshot<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                snapshot_id: Err("snapshot_id was not initialized".to_string()),
            }
        }
        pub fn snapshot_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.snapshot_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for snapshot_id failed"
                        .to_string()
                });
            self
        }
        ///Sends a `DELETE` request to `/snapshots/{snapshotId}`
        pub async fn send(self) -> Result<ResponseValue<()>, Error<()>> {
            let Self { client, snapshot_id } = self;
            let snapshot_id = snapshot_id.map_err(Error::InvalidRequest)?;
            let url = format!(
                "{}/snapshots/{}", client.baseurl, encode_path(& snapshot_id
                .to_string()),
            );
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            #[allow(unused_mut)]
            let mut request = client.client.delete(url).headers(header_map).build()?;
            let info = OperationInfo {
                operation_id: "delete_snapshot",
            };
            (crate::hooks::apply)(&client.inner, &mut request);
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200..=299 => Ok(ResponseValue::empty(response)),
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::get_sandbox`]

[`Client::get_sandbox`]: super::Client::get_sandbox*/
    #[derive(Debug, Clone)]
    pub struct GetSandbox<'a> {
        client: &'a super::Client,
        sandbox_id: Result<::std::string::String, String>,
    }
    impl<'a> GetSandbox<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                sandbox_id: Err("sandbox_id was not initialized".to_string()),
            }
        }
        pub fn sandbox_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.sandbox_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for sandbox_id failed"
                        .to_string()
                });
            self
        }
        ///Sends a `GET` request to `/sandboxes/{sandboxId}`
        pub async fn send(self) -> Result<ResponseValue<types::Sandbox>, Error<()>> {
            let Self { client, sandbox_id } = self;
            let sandbox_id = sandbox_id.map_err(Error::InvalidRequest)?;
            let url = format!(
                "{}/sandboxes/{}", client.baseurl, encode_path(& sandbox_id.to_string()),
            );
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .get(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "get_sandbox",
            };
            (crate::hooks::apply)(&client.inner, &mut request);
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200..=299 => ResponseValue::from_response(response).await,
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::delete_sandbox`]

[`Client::delete_sandbox`]: super::Client::delete_sandbox*/
    #[derive(Debug, Clone)]
    pub struct DeleteSandbox<'a> {
        client: &'a super::Client,
        sandbox_id: Result<::std::string::String, String>,
    }
    impl<'a> DeleteSandbox<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                sandbox_id: Err("sandbox_id was not initialized".to_string()),
            }
        }
        pub fn sandbox_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.sandbox_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for sandbox_id failed"
                        .to_string()
                });
            self
        }
        ///Sends a `DELETE` request to `/sandboxes/{sandboxId}`
        pub async fn send(self) -> Result<ResponseValue<()>, Error<()>> {
            let Self { client, sandbox_id } = self;
            let sandbox_id = sandbox_id.map_err(Error::InvalidRequest)?;
            let url = format!(
                "{}/sandboxes/{}", client.baseurl, encode_path(& sandbox_id.to_string()),
            );
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            #[allow(unused_mut)]
            let mut request = client.client.delete(url).headers(header_map).build()?;
            let info = OperationInfo {
                operation_id: "delete_sandbox",
            };
            (crate::hooks::apply)(&client.inner, &mut request);
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200..=299 => Ok(ResponseValue::empty(response)),
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::patch_sandbox_metadata`]

[`Client::patch_sandbox_metadata`]: super::Client::patch_sandbox_metadata*/
    #[derive(Debug, Clone)]
    pub struct PatchSandboxMetadata<'a> {
        client: &'a super::Client,
        sandbox_id: Result<::std::string::String, String>,
        body: Result<types::PatchSandboxMetadataRequest, String>,
    }
    impl<'a> PatchSandboxMetadata<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                sandbox_id: Err("sandbox_id was not initialized".to_string()),
                body: Err("body was not initialized".to_string()),
            }
        }
        pub fn sandbox_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.sandbox_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for sandbox_id failed"
                        .to_string()
                });
            self
        }
        pub fn body<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<types::PatchSandboxMetadataRequest>,
        {
            self.body = value
                .try_into()
                .map_err(|_| {
                    "conversion to `PatchSandboxMetadataRequest` for body failed"
                        .to_string()
                });
            self
        }
        ///Sends a `PATCH` request to `/sandboxes/{sandboxId}/metadata`
        pub async fn send(self) -> Result<ResponseValue<types::Sandbox>, Error<()>> {
            let Self { client, sandbox_id, body } = self;
            let sandbox_id = sandbox_id.map_err(Error::InvalidRequest)?;
            let body = body.map_err(Error::InvalidRequest)?;
            let url = format!(
                "{}/sandboxes/{}/metadata", client.baseurl, encode_path(& sandbox_id
                .to_string()),
            );
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .patch(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .json(&body)
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "patch_sandbox_metadata",
            };
            (crate::hooks::apply)(&client.inner, &mut request);
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200..=299 => ResponseValue::from_response(response).await,
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::create_snapshot`]

[`Client::create_snapshot`]: super::Client::create_snapshot*/
    #[derive(Debug, Clone)]
    pub struct CreateSnapshot<'a> {
        client: &'a super::Client,
        sandbox_id: Result<::std::string::String, String>,
        body: Result<types::builder::CreateSnapshotRequest, String>,
    }
    impl<'a> CreateSnapshot<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                sandbox_id: Err("sandbox_id was not initialized".to_string()),
                body: Ok(::std::default::Default::default()),
            }
        }
        pub fn sandbox_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.sandbox_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for sandbox_id failed"
                        .to_string()
                });
            self
        }
        pub fn body<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<types::CreateSnapshotRequest>,
            <V as std::convert::TryInto<
                types::CreateSnapshotRequest,
            >>::Error: std::fmt::Display,
        {
            self.body = value
                .try_into()
                .map(From::from)
                .map_err(|s| {
                    format!(
                        "conversion to `CreateSnapshotRequest` for body failed: {}", s
                    )
                });
            self
        }
        pub fn body_map<F>(mut self, f: F) -> Self
        where
            F: std::ops::FnOnce(
                types::builder::CreateSnapshotRequest,
            ) -> types::builder::CreateSnapshotRequest,
        {
            self.body = self.body.map(f);
            self
        }
        ///Sends a `POST` request to `/sandboxes/{sandboxId}/snapshots`
        pub async fn send(self) -> Result<ResponseValue<types::Snapshot>, Error<()>> {
            let Self { client, sandbox_id, body } = self;
            let sandbox_id = sandbox_id.map_err(Error::InvalidRequest)?;
            let body = body
                .and_then(|v| {
                    types::CreateSnapshotRequest::try_from(v).map_err(|e| e.to_string())
                })
                .map_err(Error::InvalidRequest)?;
            let url = format!(
                "{}/sandboxes/{}/snapshots", client.baseurl, encode_path(& sandbox_id
                .to_string()),
            );
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .post(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .json(&body)
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "create_snapshot",
            };
            (crate::hooks::apply)(&client.inner, &mut request);
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200..=299 => ResponseValue::from_response(response).await,
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::pause_sandbox`]

[`Client::pause_sandbox`]: super::Client::pause_sandbox*/
    #[derive(Debug, Clone)]
    pub struct PauseSandbox<'a> {
        client: &'a super::Client,
        sandbox_id: Result<::std::string::String, String>,
    }
    impl<'a> PauseSandbox<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                sandbox_id: Err("sandbox_id was not initialized".to_string()),
            }
        }
        pub fn sandbox_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.sandbox_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for sandbox_id failed"
                        .to_string()
                });
            self
        }
        ///Sends a `POST` request to `/sandboxes/{sandboxId}/pause`
        pub async fn send(self) -> Result<ResponseValue<()>, Error<()>> {
            let Self { client, sandbox_id } = self;
            let sandbox_id = sandbox_id.map_err(Error::InvalidRequest)?;
            let url = format!(
                "{}/sandboxes/{}/pause", client.baseurl, encode_path(& sandbox_id
                .to_string()),
            );
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            #[allow(unused_mut)]
            let mut request = client.client.post(url).headers(header_map).build()?;
            let info = OperationInfo {
                operation_id: "pause_sandbox",
            };
            (crate::hooks::apply)(&client.inner, &mut request);
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200..=299 => Ok(ResponseValue::empty(response)),
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::resume_sandbox`]

[`Client::resume_sandbox`]: super::Client::resume_sandbox*/
    #[derive(Debug, Clone)]
    pub struct ResumeSandbox<'a> {
        client: &'a super::Client,
        sandbox_id: Result<::std::string::String, String>,
    }
    impl<'a> ResumeSandbox<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                sandbox_id: Err("sandbox_id was not initialized".to_string()),
            }
        }
        pub fn sandbox_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.sandbox_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for sandbox_id failed"
                        .to_string()
                });
            self
        }
        ///Sends a `POST` request to `/sandboxes/{sandboxId}/resume`
        pub async fn send(self) -> Result<ResponseValue<()>, Error<()>> {
            let Self { client, sandbox_id } = self;
            let sandbox_id = sandbox_id.map_err(Error::InvalidRequest)?;
            let url = format!(
                "{}/sandboxes/{}/resume", client.baseurl, encode_path(& sandbox_id
                .to_string()),
            );
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            #[allow(unused_mut)]
            let mut request = client.client.post(url).headers(header_map).build()?;
            let info = OperationInfo {
                operation_id: "resume_sandbox",
            };
            (crate::hooks::apply)(&client.inner, &mut request);
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200..=299 => Ok(ResponseValue::empty(response)),
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::renew_sandbox_expiration`]

[`Client::renew_sandbox_expiration`]: super::Client::renew_sandbox_expiration*/
    #[derive(Debug, Clone)]
    pub struct RenewSandboxExpiration<'a> {
        client: &'a super::Client,
        sandbox_id: Result<::std::string::String, String>,
        body: Result<types::builder::RenewSandboxExpirationRequest, String>,
    }
    impl<'a> RenewSandboxExpiration<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                sandbox_id: Err("sandbox_id was not initialized".to_string()),
                body: Ok(::std::default::Default::default()),
            }
        }
        pub fn sandbox_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.sandbox_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for sandbox_id failed"
                        .to_string()
                });
            self
        }
        pub fn body<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<types::RenewSandboxExpirationRequest>,
            <V as std::convert::TryInto<
                types::RenewSandboxExpirationRequest,
            >>::Error: std::fmt::Display,
        {
            self.body = value
                .try_into()
                .map(From::from)
                .map_err(|s| {
                    format!(
                        "conversion to `RenewSandboxExpirationRequest` for body failed: {}",
                        s
                    )
                });
            self
        }
        pub fn body_map<F>(mut self, f: F) -> Self
        where
            F: std::ops::FnOnce(
                types::builder::RenewSandboxExpirationRequest,
            ) -> types::builder::RenewSandboxExpirationRequest,
        {
            self.body = self.body.map(f);
            self
        }
        ///Sends a `POST` request to `/sandboxes/{sandboxId}/renew-expiration`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<types::RenewSandboxExpirationResponse>, Error<()>> {
            let Self { client, sandbox_id, body } = self;
            let sandbox_id = sandbox_id.map_err(Error::InvalidRequest)?;
            let body = body
                .and_then(|v| {
                    types::RenewSandboxExpirationRequest::try_from(v)
                        .map_err(|e| e.to_string())
                })
                .map_err(Error::InvalidRequest)?;
            let url = format!(
                "{}/sandboxes/{}/renew-expiration", client.baseurl, encode_path(&
                sandbox_id.to_string()),
            );
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .post(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .json(&body)
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "renew_sandbox_expiration",
            };
            (crate::hooks::apply)(&client.inner, &mut request);
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200..=299 => ResponseValue::from_response(response).await,
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::get_sandbox_endpoint`]

[`Client::get_sandbox_endpoint`]: super::Client::get_sandbox_endpoint*/
    #[derive(Debug, Clone)]
    pub struct GetSandboxEndpoint<'a> {
        client: &'a super::Client,
        sandbox_id: Result<::std::string::String, String>,
        port: Result<::std::num::NonZeroU64, String>,
        expires: Result<Option<types::GetSandboxEndpointExpires>, String>,
        use_server_proxy: Result<Option<bool>, String>,
    }
    impl<'a> GetSandboxEndpoint<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                sandbox_id: Err("sandbox_id was not initialized".to_string()),
                port: Err("port was not initialized".to_string()),
                expires: Ok(None),
                use_server_proxy: Ok(None),
            }
        }
        pub fn sandbox_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.sandbox_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for sandbox_id failed"
                        .to_string()
                });
            self
        }
        pub fn port<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::num::NonZeroU64>,
        {
            self.port = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: num :: NonZeroU64` for port failed"
                        .to_string()
                });
            self
        }
        pub fn expires<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<types::GetSandboxEndpointExpires>,
        {
            self.expires = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `GetSandboxEndpointExpires` for expires failed"
                        .to_string()
                });
            self
        }
        pub fn use_server_proxy<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<bool>,
        {
            self.use_server_proxy = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `bool` for use_server_proxy failed".to_string()
                });
            self
        }
        ///Sends a `GET` request to `/sandboxes/{sandboxId}/endpoints/{port}`
        pub async fn send(self) -> Result<ResponseValue<types::Endpoint>, Error<()>> {
            let Self { client, sandbox_id, port, expires, use_server_proxy } = self;
            let sandbox_id = sandbox_id.map_err(Error::InvalidRequest)?;
            let port = port.map_err(Error::InvalidRequest)?;
            let expires = expires.map_err(Error::InvalidRequest)?;
            let use_server_proxy = use_server_proxy.map_err(Error::InvalidRequest)?;
            let url = format!(
                "{}/sandboxes/{}/endpoints/{}", client.baseurl, encode_path(& sandbox_id
                .to_string()), encode_path(& port.to_string()),
            );
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .get(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .query(&progenitor_client::QueryParam::new("expires", &expires))
                .query(
                    &progenitor_client::QueryParam::new(
                        "use_server_proxy",
                        &use_server_proxy,
                    ),
                )
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "get_sandbox_endpoint",
            };
            (crate::hooks::apply)(&client.inner, &mut request);
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200..=299 => ResponseValue::from_response(response).await,
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::get_diagnostic_logs`]

[`Client::get_diagnostic_logs`]: super::Client::get_diagnostic_logs*/
    #[derive(Debug, Clone)]
    pub struct GetDiagnosticLogs<'a> {
        client: &'a super::Client,
        sandbox_id: Result<::std::string::String, String>,
        scope: Result<::std::string::String, String>,
    }
    impl<'a> GetDiagnosticLogs<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                sandbox_id: Err("sandbox_id was not initialized".to_string()),
                scope: Err("scope was not initialized".to_string()),
            }
        }
        pub fn sandbox_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.sandbox_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for sandbox_id failed"
                        .to_string()
                });
            self
        }
        pub fn scope<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.scope = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for scope failed"
                        .to_string()
                });
            self
        }
        ///Sends a `GET` request to `/sandboxes/{sandboxId}/diagnostics/logs`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<types::DiagnosticContentResponse>, Error<()>> {
            let Self { client, sandbox_id, scope } = self;
            let sandbox_id = sandbox_id.map_err(Error::InvalidRequest)?;
            let scope = scope.map_err(Error::InvalidRequest)?;
            let url = format!(
                "{}/sandboxes/{}/diagnostics/logs", client.baseurl, encode_path(&
                sandbox_id.to_string()),
            );
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .get(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .query(&progenitor_client::QueryParam::new("scope", &scope))
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "get_diagnostic_logs",
            };
            (crate::hooks::apply)(&client.inner, &mut request);
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200..=299 => ResponseValue::from_response(response).await,
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::get_diagnostic_events`]

[`Client::get_diagnostic_events`]: super::Client::get_diagnostic_events*/
    #[derive(Debug, Clone)]
    pub struct GetDiagnosticEvents<'a> {
        client: &'a super::Client,
        sandbox_id: Result<::std::string::String, String>,
        scope: Result<::std::string::String, String>,
    }
    impl<'a> GetDiagnosticEvents<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                sandbox_id: Err("sandbox_id was not initialized".to_string()),
                scope: Err("scope was not initialized".to_string()),
            }
        }
        pub fn sandbox_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.sandbox_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for sandbox_id failed"
                        .to_string()
                });
            self
        }
        pub fn scope<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.scope = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for scope failed"
                        .to_string()
                });
            self
        }
        ///Sends a `GET` request to `/sandboxes/{sandboxId}/diagnostics/events`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<types::DiagnosticContentResponse>, Error<()>> {
            let Self { client, sandbox_id, scope } = self;
            let sandbox_id = sandbox_id.map_err(Error::InvalidRequest)?;
            let scope = scope.map_err(Error::InvalidRequest)?;
            let url = format!(
                "{}/sandboxes/{}/diagnostics/events", client.baseurl, encode_path(&
                sandbox_id.to_string()),
            );
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .get(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .query(&progenitor_client::QueryParam::new("scope", &scope))
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "get_diagnostic_events",
            };
            (crate::hooks::apply)(&client.inner, &mut request);
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200..=299 => ResponseValue::from_response(response).await,
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
}
/// Items consumers will typically use such as the Client.
pub mod prelude {
    pub use self::super::Client;
}
/// Operations of the spec that are not generated (their request bodies are not
/// JSON); the `opensandbox` facade implements them by hand.
/// Each entry is `(operationId, method, path)`.
pub const NOT_GENERATED: &[(&str, &str, &str)] = &[];
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
            let mut keys: ::std::vec::Vec<&str> = self
                .keys()
                .map(|k| k.as_str())
                .collect();
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
                ::std::option::Option::Some(keys) => {
                    f.debug_map().entries(keys.into_iter().map(|k| (k, "***"))).finish()
                }
                ::std::option::Option::None => f.write_str("None"),
            }
        }
    }
}
/// What the generated clients share: request options, the operation entry type,
/// the response-size limit and the executor hook.
pub use ::opensandbox_hooks as hooks;
/// Every operation of the spec (those in [`NOT_GENERATED`] included): its
/// operationId, generated method name, method, path and whether repeating it is
/// harmless.
pub mod operations {
    use crate::hooks::Operation;
    ///`listSandboxes`: `GET /sandboxes`, idempotent.
    pub static LIST_SANDBOXES: Operation = Operation::new(
        "listSandboxes",
        "list_sandboxes",
        ::http::Method::GET,
        "/sandboxes",
        true,
        false,
    );
    ///`createSandbox`: `POST /sandboxes`.
    pub static CREATE_SANDBOX: Operation = Operation::new(
        "createSandbox",
        "create_sandbox",
        ::http::Method::POST,
        "/sandboxes",
        false,
        false,
    );
    ///`listSnapshots`: `GET /snapshots`, idempotent.
    pub static LIST_SNAPSHOTS: Operation = Operation::new(
        "listSnapshots",
        "list_snapshots",
        ::http::Method::GET,
        "/snapshots",
        true,
        false,
    );
    ///`getSnapshot`: `GET /snapshots/{snapshotId}`, idempotent.
    pub static GET_SNAPSHOT: Operation = Operation::new(
        "getSnapshot",
        "get_snapshot",
        ::http::Method::GET,
        "/snapshots/{snapshotId}",
        true,
        false,
    );
    ///`deleteSnapshot`: `DELETE /snapshots/{snapshotId}`, idempotent.
    pub static DELETE_SNAPSHOT: Operation = Operation::new(
        "deleteSnapshot",
        "delete_snapshot",
        ::http::Method::DELETE,
        "/snapshots/{snapshotId}",
        true,
        false,
    );
    ///`getSandbox`: `GET /sandboxes/{sandboxId}`, idempotent.
    pub static GET_SANDBOX: Operation = Operation::new(
        "getSandbox",
        "get_sandbox",
        ::http::Method::GET,
        "/sandboxes/{sandboxId}",
        true,
        false,
    );
    ///`deleteSandbox`: `DELETE /sandboxes/{sandboxId}`, idempotent.
    pub static DELETE_SANDBOX: Operation = Operation::new(
        "deleteSandbox",
        "delete_sandbox",
        ::http::Method::DELETE,
        "/sandboxes/{sandboxId}",
        true,
        false,
    );
    ///`patchSandboxMetadata`: `PATCH /sandboxes/{sandboxId}/metadata`, idempotent.
    pub static PATCH_SANDBOX_METADATA: Operation = Operation::new(
        "patchSandboxMetadata",
        "patch_sandbox_metadata",
        ::http::Method::PATCH,
        "/sandboxes/{sandboxId}/metadata",
        true,
        false,
    );
    ///`createSnapshot`: `POST /sandboxes/{sandboxId}/snapshots`.
    pub static CREATE_SNAPSHOT: Operation = Operation::new(
        "createSnapshot",
        "create_snapshot",
        ::http::Method::POST,
        "/sandboxes/{sandboxId}/snapshots",
        false,
        false,
    );
    ///`pauseSandbox`: `POST /sandboxes/{sandboxId}/pause`, idempotent.
    pub static PAUSE_SANDBOX: Operation = Operation::new(
        "pauseSandbox",
        "pause_sandbox",
        ::http::Method::POST,
        "/sandboxes/{sandboxId}/pause",
        true,
        false,
    );
    ///`resumeSandbox`: `POST /sandboxes/{sandboxId}/resume`, idempotent.
    pub static RESUME_SANDBOX: Operation = Operation::new(
        "resumeSandbox",
        "resume_sandbox",
        ::http::Method::POST,
        "/sandboxes/{sandboxId}/resume",
        true,
        false,
    );
    ///`renewSandboxExpiration`: `POST /sandboxes/{sandboxId}/renew-expiration`, idempotent.
    pub static RENEW_SANDBOX_EXPIRATION: Operation = Operation::new(
        "renewSandboxExpiration",
        "renew_sandbox_expiration",
        ::http::Method::POST,
        "/sandboxes/{sandboxId}/renew-expiration",
        true,
        false,
    );
    ///`getSandboxEndpoint`: `GET /sandboxes/{sandboxId}/endpoints/{port}`, idempotent.
    pub static GET_SANDBOX_ENDPOINT: Operation = Operation::new(
        "getSandboxEndpoint",
        "get_sandbox_endpoint",
        ::http::Method::GET,
        "/sandboxes/{sandboxId}/endpoints/{port}",
        true,
        false,
    );
    ///`getDiagnosticLogs`: `GET /sandboxes/{sandboxId}/diagnostics/logs`, idempotent.
    pub static GET_DIAGNOSTIC_LOGS: Operation = Operation::new(
        "getDiagnosticLogs",
        "get_diagnostic_logs",
        ::http::Method::GET,
        "/sandboxes/{sandboxId}/diagnostics/logs",
        true,
        false,
    );
    ///`getDiagnosticEvents`: `GET /sandboxes/{sandboxId}/diagnostics/events`, idempotent.
    pub static GET_DIAGNOSTIC_EVENTS: Operation = Operation::new(
        "getDiagnosticEvents",
        "get_diagnostic_events",
        ::http::Method::GET,
        "/sandboxes/{sandboxId}/diagnostics/events",
        true,
        false,
    );
    /// Every operation, in the order of the spec.
    pub static OPERATIONS: &[&Operation] = &[
        &LIST_SANDBOXES,
        &CREATE_SANDBOX,
        &LIST_SNAPSHOTS,
        &GET_SNAPSHOT,
        &DELETE_SNAPSHOT,
        &GET_SANDBOX,
        &DELETE_SANDBOX,
        &PATCH_SANDBOX_METADATA,
        &CREATE_SNAPSHOT,
        &PAUSE_SANDBOX,
        &RESUME_SANDBOX,
        &RENEW_SANDBOX_EXPIRATION,
        &GET_SANDBOX_ENDPOINT,
        &GET_DIAGNOSTIC_LOGS,
        &GET_DIAGNOSTIC_EVENTS,
    ];
    /// The operation with this operationId (`getSandbox`) or generated method
    /// name (`get_sandbox`).
    pub fn operation(key: &str) -> ::std::option::Option<&'static Operation> {
        match key {
            "listSandboxes" | "list_sandboxes" => {
                ::std::option::Option::Some(&LIST_SANDBOXES)
            }
            "createSandbox" | "create_sandbox" => {
                ::std::option::Option::Some(&CREATE_SANDBOX)
            }
            "listSnapshots" | "list_snapshots" => {
                ::std::option::Option::Some(&LIST_SNAPSHOTS)
            }
            "getSnapshot" | "get_snapshot" => ::std::option::Option::Some(&GET_SNAPSHOT),
            "deleteSnapshot" | "delete_snapshot" => {
                ::std::option::Option::Some(&DELETE_SNAPSHOT)
            }
            "getSandbox" | "get_sandbox" => ::std::option::Option::Some(&GET_SANDBOX),
            "deleteSandbox" | "delete_sandbox" => {
                ::std::option::Option::Some(&DELETE_SANDBOX)
            }
            "patchSandboxMetadata" | "patch_sandbox_metadata" => {
                ::std::option::Option::Some(&PATCH_SANDBOX_METADATA)
            }
            "createSnapshot" | "create_snapshot" => {
                ::std::option::Option::Some(&CREATE_SNAPSHOT)
            }
            "pauseSandbox" | "pause_sandbox" => {
                ::std::option::Option::Some(&PAUSE_SANDBOX)
            }
            "resumeSandbox" | "resume_sandbox" => {
                ::std::option::Option::Some(&RESUME_SANDBOX)
            }
            "renewSandboxExpiration" | "renew_sandbox_expiration" => {
                ::std::option::Option::Some(&RENEW_SANDBOX_EXPIRATION)
            }
            "getSandboxEndpoint" | "get_sandbox_endpoint" => {
                ::std::option::Option::Some(&GET_SANDBOX_ENDPOINT)
            }
            "getDiagnosticLogs" | "get_diagnostic_logs" => {
                ::std::option::Option::Some(&GET_DIAGNOSTIC_LOGS)
            }
            "getDiagnosticEvents" | "get_diagnostic_events" => {
                ::std::option::Option::Some(&GET_DIAGNOSTIC_EVENTS)
            }
            _ => ::std::option::Option::None,
        }
    }
}
pub use operations::{OPERATIONS, operation};
