// @generated from specs/egress-api.yaml by `cargo xtask codegen`. Do not edit: change the specs or xtask and regenerate.

#[allow(unused_imports)]
pub use progenitor_client::{ByteStream, ClientInfo, Error, ResponseValue};
#[allow(unused_imports)]
use progenitor_client::{encode_path, ClientHooks, OperationInfo, RequestBuilderExt};
/// Types used as operation parameters and responses.
#[allow(clippy::all)]
pub mod types {
    ///Sends the secret as the value of one named header.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    #[serde(deny_unknown_fields)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct ApiKeyCredentialAuth {
        ///Name of the stored credential holding the key.
        pub credential: ::std::string::String,
        ///Header to set, for example `X-Api-Key`. Must be a valid HTTP header token.
        pub name: ApiKeyCredentialAuthName,
        #[serde(rename = "type")]
        pub type_: ApiKeyCredentialAuthType,
    }
    impl ApiKeyCredentialAuth {
        pub fn builder() -> builder::ApiKeyCredentialAuth {
            Default::default()
        }
    }
    ///Header to set, for example `X-Api-Key`. Must be a valid HTTP header token.
    #[derive(::serde::Serialize, Clone, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
    #[serde(transparent)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct ApiKeyCredentialAuthName(::std::string::String);
    impl ::std::ops::Deref for ApiKeyCredentialAuthName {
        type Target = ::std::string::String;
        fn deref(&self) -> &::std::string::String {
            &self.0
        }
    }
    impl ::std::convert::From<ApiKeyCredentialAuthName> for ::std::string::String {
        fn from(value: ApiKeyCredentialAuthName) -> Self {
            value.0
        }
    }
    impl ::std::str::FromStr for ApiKeyCredentialAuthName {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            static PATTERN: ::std::sync::LazyLock<::regress::Regex> = ::std::sync::LazyLock::new(||
            { ::regress::Regex::new("^[A-Za-z0-9!#$%&'*+\\-.^_`|~]+$").unwrap() });
            if PATTERN.find(value).is_none() {
                return Err(
                    "doesn't match pattern \"^[A-Za-z0-9!#$%&'*+\\-.^_`|~]+$\"".into(),
                );
            }
            Ok(Self(value.to_string()))
        }
    }
    impl ::std::convert::TryFrom<&str> for ApiKeyCredentialAuthName {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for ApiKeyCredentialAuthName {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl<'de> ::serde::Deserialize<'de> for ApiKeyCredentialAuthName {
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
    ///`ApiKeyCredentialAuthType`
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
    pub enum ApiKeyCredentialAuthType {
        #[serde(rename = "apiKey")]
        ApiKey,
    }
    impl ::std::fmt::Display for ApiKeyCredentialAuthType {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            match *self {
                Self::ApiKey => f.write_str("apiKey"),
            }
        }
    }
    impl ::std::str::FromStr for ApiKeyCredentialAuthType {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            match value {
                "apiKey" => Ok(Self::ApiKey),
                _ => Err("invalid value".into()),
            }
        }
    }
    impl ::std::convert::TryFrom<&str> for ApiKeyCredentialAuthType {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for ApiKeyCredentialAuthType {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    ///Sends `Authorization: Basic <secret>`, taking the value from the named credential.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    #[serde(deny_unknown_fields)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct BasicCredentialAuth {
        /**Name of the stored credential. Its value must already be the base64
encoding of `username:password`; the sidecar does not encode it.
*/
        pub credential: ::std::string::String,
        #[serde(rename = "type")]
        pub type_: BasicCredentialAuthType,
    }
    impl BasicCredentialAuth {
        pub fn builder() -> builder::BasicCredentialAuth {
            Default::default()
        }
    }
    ///`BasicCredentialAuthType`
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
    pub enum BasicCredentialAuthType {
        #[serde(rename = "basic")]
        Basic,
    }
    impl ::std::fmt::Display for BasicCredentialAuthType {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            match *self {
                Self::Basic => f.write_str("basic"),
            }
        }
    }
    impl ::std::str::FromStr for BasicCredentialAuthType {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            match value {
                "basic" => Ok(Self::Basic),
                _ => Err("invalid value".into()),
            }
        }
    }
    impl ::std::convert::TryFrom<&str> for BasicCredentialAuthType {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for BasicCredentialAuthType {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    ///Sends `Authorization: Bearer <secret>`, taking the token from the named credential.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    #[serde(deny_unknown_fields)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct BearerCredentialAuth {
        ///Name of the stored credential holding the token.
        pub credential: ::std::string::String,
        #[serde(rename = "type")]
        pub type_: BearerCredentialAuthType,
    }
    impl BearerCredentialAuth {
        pub fn builder() -> builder::BearerCredentialAuth {
            Default::default()
        }
    }
    ///`BearerCredentialAuthType`
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
    pub enum BearerCredentialAuthType {
        #[serde(rename = "bearer")]
        Bearer,
    }
    impl ::std::fmt::Display for BearerCredentialAuthType {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            match *self {
                Self::Bearer => f.write_str("bearer"),
            }
        }
    }
    impl ::std::str::FromStr for BearerCredentialAuthType {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            match value {
                "bearer" => Ok(Self::Bearer),
                _ => Err("invalid value".into()),
            }
        }
    }
    impl ::std::convert::TryFrom<&str> for BearerCredentialAuthType {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for BearerCredentialAuthType {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    ///A named secret to keep in the vault.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    #[serde(deny_unknown_fields)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct Credential {
        ///Unique name, used by bindings to refer to this secret.
        pub name: ::std::string::String,
        pub source: InlineCredentialSource,
    }
    impl Credential {
        pub fn builder() -> builder::Credential {
            Default::default()
        }
    }
    /**How the credential is placed on a matching request. The `type` field
selects the variant.
*/
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    #[serde(untagged)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub enum CredentialAuth {
        BearerCredentialAuth(BearerCredentialAuth),
        BasicCredentialAuth(BasicCredentialAuth),
        ApiKeyCredentialAuth(ApiKeyCredentialAuth),
        CustomHeadersCredentialAuth(CustomHeadersCredentialAuth),
    }
    impl ::std::convert::From<BearerCredentialAuth> for CredentialAuth {
        fn from(value: BearerCredentialAuth) -> Self {
            Self::BearerCredentialAuth(value)
        }
    }
    impl ::std::convert::From<BasicCredentialAuth> for CredentialAuth {
        fn from(value: BasicCredentialAuth) -> Self {
            Self::BasicCredentialAuth(value)
        }
    }
    impl ::std::convert::From<ApiKeyCredentialAuth> for CredentialAuth {
        fn from(value: ApiKeyCredentialAuth) -> Self {
            Self::ApiKeyCredentialAuth(value)
        }
    }
    impl ::std::convert::From<CustomHeadersCredentialAuth> for CredentialAuth {
        fn from(value: CustomHeadersCredentialAuth) -> Self {
            Self::CustomHeadersCredentialAuth(value)
        }
    }
    ///Kind of authentication a binding adds, without the credential it uses.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct CredentialAuthMetadata {
        ///Header name, reported for `apiKey` bindings.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub name: ::std::option::Option<::std::string::String>,
        ///One of `bearer`, `basic`, `apiKey` or `customHeaders`.
        #[serde(rename = "type")]
        pub type_: ::std::string::String,
    }
    impl CredentialAuthMetadata {
        pub fn builder() -> builder::CredentialAuthMetadata {
            Default::default()
        }
    }
    ///Attaches a credential to outbound requests that satisfy a matcher.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    #[serde(deny_unknown_fields)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct CredentialBinding {
        pub auth: CredentialAuth,
        #[serde(rename = "match")]
        pub match_: CredentialMatch,
        ///Unique name of the binding.
        pub name: ::std::string::String,
    }
    impl CredentialBinding {
        pub fn builder() -> builder::CredentialBinding {
            Default::default()
        }
    }
    ///Binding metadata together with the vault revision it was read at.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct CredentialBindingListResponse {
        pub bindings: ::std::vec::Vec<CredentialBindingMetadata>,
        ///Vault revision at the time of the read.
        pub revision: i64,
    }
    impl CredentialBindingListResponse {
        pub fn builder() -> builder::CredentialBindingListResponse {
            Default::default()
        }
    }
    ///What the server reveals about a binding; the credential reference is withheld.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct CredentialBindingMetadata {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub auth: ::std::option::Option<CredentialAuthMetadata>,
        #[serde(
            rename = "match",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub match_: ::std::option::Option<CredentialMatch>,
        ///Unique name of the binding.
        pub name: ::std::string::String,
        ///Vault revision in which this binding was last written.
        pub revision: i64,
    }
    impl CredentialBindingMetadata {
        pub fn builder() -> builder::CredentialBindingMetadata {
            Default::default()
        }
    }
    ///Binding changes within a vault mutation.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default)]
    #[serde(deny_unknown_fields)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct CredentialBindingMutationSet {
        ///Bindings to add to the vault.
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub add: ::std::vec::Vec<CredentialBinding>,
        ///Names of bindings to remove.
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub delete: ::std::vec::Vec<::std::string::String>,
        ///New definitions for bindings that already exist, matched by name.
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub replace: ::std::vec::Vec<CredentialBinding>,
    }
    impl CredentialBindingMutationSet {
        pub fn builder() -> builder::CredentialBindingMutationSet {
            Default::default()
        }
    }
    ///Credential metadata together with the vault revision it was read at.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct CredentialListResponse {
        pub credentials: ::std::vec::Vec<CredentialMetadata>,
        ///Vault revision at the time of the read.
        pub revision: i64,
    }
    impl CredentialListResponse {
        pub fn builder() -> builder::CredentialListResponse {
            Default::default()
        }
    }
    /**Selects the outbound requests a binding applies to. A request must satisfy
every list. Only `hosts` is mandatory; the other lists have defaults.
*/
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct CredentialMatch {
        ///Host names to match.
        pub hosts: ::std::vec::Vec<::std::string::String>,
        ///HTTP methods to match.
        #[serde(default = "defaults::credential_match_methods")]
        pub methods: ::std::vec::Vec<::std::string::String>,
        ///Request path patterns to match; `*` acts as a wildcard.
        #[serde(default = "defaults::credential_match_paths")]
        pub paths: ::std::vec::Vec<::std::string::String>,
        ///Destination ports to match.
        #[serde(default = "defaults::credential_match_ports")]
        pub ports: ::std::vec::Vec<i64>,
        ///URL schemes to match.
        #[serde(default = "defaults::credential_match_schemes")]
        pub schemes: ::std::vec::Vec<crate::types::CredentialMatchSchemesItem>,
    }
    impl CredentialMatch {
        pub fn builder() -> builder::CredentialMatch {
            Default::default()
        }
    }
    ///What the server reveals about a stored credential.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct CredentialMetadata {
        ///Unique name of the credential.
        pub name: ::std::string::String,
        ///Vault revision in which this credential was last written.
        pub revision: i64,
        ///Where the secret came from; currently always `inline`.
        #[serde(rename = "sourceType")]
        pub source_type: ::std::string::String,
    }
    impl CredentialMetadata {
        pub fn builder() -> builder::CredentialMetadata {
            Default::default()
        }
    }
    ///Credential changes within a vault mutation.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default)]
    #[serde(deny_unknown_fields)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct CredentialMutationSet {
        ///Credentials to add to the vault.
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub add: ::std::vec::Vec<Credential>,
        ///Names of credentials to remove.
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub delete: ::std::vec::Vec<::std::string::String>,
        ///New values for credentials that already exist, matched by name.
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub replace: ::std::vec::Vec<Credential>,
    }
    impl CredentialMutationSet {
        pub fn builder() -> builder::CredentialMutationSet {
            Default::default()
        }
    }
    ///Initial contents of a new Credential Vault.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    #[serde(deny_unknown_fields)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct CredentialVaultCreateRequest {
        ///Rules that attach stored credentials to outbound requests.
        pub bindings: ::std::vec::Vec<CredentialBinding>,
        ///Secrets to store. Each is referred to by name from bindings.
        pub credentials: ::std::vec::Vec<Credential>,
    }
    impl CredentialVaultCreateRequest {
        pub fn builder() -> builder::CredentialVaultCreateRequest {
            Default::default()
        }
    }
    /**A batch of changes applied atomically. Omitted sections are left untouched.
*/
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default)]
    #[serde(deny_unknown_fields)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct CredentialVaultMutationRequest {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub bindings: ::std::option::Option<CredentialBindingMutationSet>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub credentials: ::std::option::Option<CredentialMutationSet>,
        /**Revision the caller believes is current. If given and the vault has
moved on, the server rejects the change with `409`. Omit it to apply
the change unconditionally.
*/
        #[serde(
            rename = "expectedRevision",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub expected_revision: ::std::option::Option<i64>,
    }
    impl CredentialVaultMutationRequest {
        pub fn builder() -> builder::CredentialVaultMutationRequest {
            Default::default()
        }
    }
    ///Everything in the vault except secret values.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct CredentialVaultState {
        pub bindings: ::std::vec::Vec<CredentialBindingMetadata>,
        pub credentials: ::std::vec::Vec<CredentialMetadata>,
        ///Version counter of the vault, raised by every successful change.
        pub revision: i64,
    }
    impl CredentialVaultState {
        pub fn builder() -> builder::CredentialVaultState {
            Default::default()
        }
    }
    ///One header set by a `customHeaders` binding.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    #[serde(deny_unknown_fields)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct CustomHeaderEntry {
        ///Name of the stored credential whose value fills the header.
        pub credential: ::std::string::String,
        ///Header to set. Must be a valid HTTP header token.
        pub name: CustomHeaderEntryName,
    }
    impl CustomHeaderEntry {
        pub fn builder() -> builder::CustomHeaderEntry {
            Default::default()
        }
    }
    ///Header to set. Must be a valid HTTP header token.
    #[derive(::serde::Serialize, Clone, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
    #[serde(transparent)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct CustomHeaderEntryName(::std::string::String);
    impl ::std::ops::Deref for CustomHeaderEntryName {
        type Target = ::std::string::String;
        fn deref(&self) -> &::std::string::String {
            &self.0
        }
    }
    impl ::std::convert::From<CustomHeaderEntryName> for ::std::string::String {
        fn from(value: CustomHeaderEntryName) -> Self {
            value.0
        }
    }
    impl ::std::str::FromStr for CustomHeaderEntryName {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            static PATTERN: ::std::sync::LazyLock<::regress::Regex> = ::std::sync::LazyLock::new(||
            { ::regress::Regex::new("^[A-Za-z0-9!#$%&'*+\\-.^_`|~]+$").unwrap() });
            if PATTERN.find(value).is_none() {
                return Err(
                    "doesn't match pattern \"^[A-Za-z0-9!#$%&'*+\\-.^_`|~]+$\"".into(),
                );
            }
            Ok(Self(value.to_string()))
        }
    }
    impl ::std::convert::TryFrom<&str> for CustomHeaderEntryName {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for CustomHeaderEntryName {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl<'de> ::serde::Deserialize<'de> for CustomHeaderEntryName {
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
    ///Sets one or more headers, each filled from its own stored credential.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    #[serde(deny_unknown_fields)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct CustomHeadersCredentialAuth {
        pub headers: ::std::vec::Vec<CustomHeaderEntry>,
        #[serde(rename = "type")]
        pub type_: CustomHeadersCredentialAuthType,
    }
    impl CustomHeadersCredentialAuth {
        pub fn builder() -> builder::CustomHeadersCredentialAuth {
            Default::default()
        }
    }
    ///`CustomHeadersCredentialAuthType`
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
    pub enum CustomHeadersCredentialAuthType {
        #[serde(rename = "customHeaders")]
        CustomHeaders,
    }
    impl ::std::fmt::Display for CustomHeadersCredentialAuthType {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            match *self {
                Self::CustomHeaders => f.write_str("customHeaders"),
            }
        }
    }
    impl ::std::str::FromStr for CustomHeadersCredentialAuthType {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            match value {
                "customHeaders" => Ok(Self::CustomHeaders),
                _ => Err("invalid value".into()),
            }
        }
    }
    impl ::std::convert::TryFrom<&str> for CustomHeadersCredentialAuthType {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String>
    for CustomHeadersCredentialAuthType {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    ///A secret supplied directly in the request body.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone)]
    #[serde(deny_unknown_fields)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct InlineCredentialSource {
        ///Kind of source; only `inline` exists today.
        #[serde(rename = "type")]
        pub type_: InlineCredentialSourceType,
        ///The secret itself. It is stored but never appears in any response.
        pub value: ::std::string::String,
    }
    impl InlineCredentialSource {
        pub fn builder() -> builder::InlineCredentialSource {
            Default::default()
        }
    }
    ///Kind of source; only `inline` exists today.
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
    pub enum InlineCredentialSourceType {
        #[serde(rename = "inline")]
        Inline,
    }
    impl ::std::fmt::Display for InlineCredentialSourceType {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            match *self {
                Self::Inline => f.write_str("inline"),
            }
        }
    }
    impl ::std::str::FromStr for InlineCredentialSourceType {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            match value {
                "inline" => Ok(Self::Inline),
                _ => Err("invalid value".into()),
            }
        }
    }
    impl ::std::convert::TryFrom<&str> for InlineCredentialSourceType {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for InlineCredentialSourceType {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    /**Complete outbound policy: a fallback action plus an ordered list of rules.
Same shape as the `networkPolicy` accepted when creating a sandbox. A missing
`defaultAction` counts as `deny`. Note that a sidecar started with no policy
at all (empty or null) lets all traffic through.
*/
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct NetworkPolicy {
        #[serde(
            rename = "defaultAction",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub default_action: ::std::option::Option<
            crate::types::NetworkPolicyDefaultAction,
        >,
        ///Rules checked in list order; the first matching rule decides.
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub egress: ::std::vec::Vec<NetworkRule>,
    }
    impl NetworkPolicy {
        pub fn builder() -> builder::NetworkPolicy {
            Default::default()
        }
    }
    ///One allow or deny decision for a domain.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct NetworkRule {
        pub action: crate::types::NetworkRuleAction,
        /**Domain the rule applies to: an exact name like `pypi.org` or a wildcard
like `*.pypi.org`. IP addresses and CIDR ranges are not supported yet.
*/
        pub target: ::std::string::String,
    }
    impl NetworkRule {
        pub fn builder() -> builder::NetworkRule {
            Default::default()
        }
    }
    ///State of the sidecar's policy as reported after a read or a change.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct PolicyStatusResponse {
        ///Mechanism the sidecar uses to enforce the policy, for example `dns`.
        #[serde(
            rename = "enforcementMode",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub enforcement_mode: ::std::option::Option<::std::string::String>,
        ///Runtime mode the sidecar derives from the policy, such as `deny_all`.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub mode: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub policy: ::std::option::Option<NetworkPolicy>,
        ///Free-form explanation, present only when the sidecar has something to add.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub reason: ::std::option::Option<::std::string::String>,
        ///Outcome of the call; `ok` on success.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub status: ::std::option::Option<::std::string::String>,
    }
    impl PolicyStatusResponse {
        pub fn builder() -> builder::PolicyStatusResponse {
            Default::default()
        }
    }
    /// Types for composing complex structures.
    pub mod builder {
        #[derive(Clone, Debug)]
        pub struct ApiKeyCredentialAuth {
            credential: ::std::result::Result<
                ::std::string::String,
                ::std::string::String,
            >,
            name: ::std::result::Result<
                super::ApiKeyCredentialAuthName,
                ::std::string::String,
            >,
            type_: ::std::result::Result<
                super::ApiKeyCredentialAuthType,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for ApiKeyCredentialAuth {
            fn default() -> Self {
                Self {
                    credential: Err("no value supplied for credential".to_string()),
                    name: Err("no value supplied for name".to_string()),
                    type_: Err("no value supplied for type_".to_string()),
                }
            }
        }
        impl ApiKeyCredentialAuth {
            pub fn credential<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.credential = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for credential: {e}")
                    });
                self
            }
            pub fn name<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::ApiKeyCredentialAuthName>,
                T::Error: ::std::fmt::Display,
            {
                self.name = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for name: {e}")
                    });
                self
            }
            pub fn type_<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::ApiKeyCredentialAuthType>,
                T::Error: ::std::fmt::Display,
            {
                self.type_ = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for type_: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<ApiKeyCredentialAuth>
        for super::ApiKeyCredentialAuth {
            type Error = super::error::ConversionError;
            fn try_from(
                value: ApiKeyCredentialAuth,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    credential: value.credential?,
                    name: value.name?,
                    type_: value.type_?,
                })
            }
        }
        impl ::std::convert::From<super::ApiKeyCredentialAuth> for ApiKeyCredentialAuth {
            fn from(value: super::ApiKeyCredentialAuth) -> Self {
                Self {
                    credential: Ok(value.credential),
                    name: Ok(value.name),
                    type_: Ok(value.type_),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct BasicCredentialAuth {
            credential: ::std::result::Result<
                ::std::string::String,
                ::std::string::String,
            >,
            type_: ::std::result::Result<
                super::BasicCredentialAuthType,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for BasicCredentialAuth {
            fn default() -> Self {
                Self {
                    credential: Err("no value supplied for credential".to_string()),
                    type_: Err("no value supplied for type_".to_string()),
                }
            }
        }
        impl BasicCredentialAuth {
            pub fn credential<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.credential = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for credential: {e}")
                    });
                self
            }
            pub fn type_<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::BasicCredentialAuthType>,
                T::Error: ::std::fmt::Display,
            {
                self.type_ = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for type_: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<BasicCredentialAuth>
        for super::BasicCredentialAuth {
            type Error = super::error::ConversionError;
            fn try_from(
                value: BasicCredentialAuth,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    credential: value.credential?,
                    type_: value.type_?,
                })
            }
        }
        impl ::std::convert::From<super::BasicCredentialAuth> for BasicCredentialAuth {
            fn from(value: super::BasicCredentialAuth) -> Self {
                Self {
                    credential: Ok(value.credential),
                    type_: Ok(value.type_),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct BearerCredentialAuth {
            credential: ::std::result::Result<
                ::std::string::String,
                ::std::string::String,
            >,
            type_: ::std::result::Result<
                super::BearerCredentialAuthType,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for BearerCredentialAuth {
            fn default() -> Self {
                Self {
                    credential: Err("no value supplied for credential".to_string()),
                    type_: Err("no value supplied for type_".to_string()),
                }
            }
        }
        impl BearerCredentialAuth {
            pub fn credential<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.credential = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for credential: {e}")
                    });
                self
            }
            pub fn type_<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::BearerCredentialAuthType>,
                T::Error: ::std::fmt::Display,
            {
                self.type_ = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for type_: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<BearerCredentialAuth>
        for super::BearerCredentialAuth {
            type Error = super::error::ConversionError;
            fn try_from(
                value: BearerCredentialAuth,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    credential: value.credential?,
                    type_: value.type_?,
                })
            }
        }
        impl ::std::convert::From<super::BearerCredentialAuth> for BearerCredentialAuth {
            fn from(value: super::BearerCredentialAuth) -> Self {
                Self {
                    credential: Ok(value.credential),
                    type_: Ok(value.type_),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct Credential {
            name: ::std::result::Result<::std::string::String, ::std::string::String>,
            source: ::std::result::Result<
                super::InlineCredentialSource,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for Credential {
            fn default() -> Self {
                Self {
                    name: Err("no value supplied for name".to_string()),
                    source: Err("no value supplied for source".to_string()),
                }
            }
        }
        impl Credential {
            pub fn name<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.name = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for name: {e}")
                    });
                self
            }
            pub fn source<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::InlineCredentialSource>,
                T::Error: ::std::fmt::Display,
            {
                self.source = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for source: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<Credential> for super::Credential {
            type Error = super::error::ConversionError;
            fn try_from(
                value: Credential,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    name: value.name?,
                    source: value.source?,
                })
            }
        }
        impl ::std::convert::From<super::Credential> for Credential {
            fn from(value: super::Credential) -> Self {
                Self {
                    name: Ok(value.name),
                    source: Ok(value.source),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct CredentialAuthMetadata {
            name: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            type_: ::std::result::Result<::std::string::String, ::std::string::String>,
        }
        impl ::std::default::Default for CredentialAuthMetadata {
            fn default() -> Self {
                Self {
                    name: Ok(Default::default()),
                    type_: Err("no value supplied for type_".to_string()),
                }
            }
        }
        impl CredentialAuthMetadata {
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
            pub fn type_<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.type_ = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for type_: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<CredentialAuthMetadata>
        for super::CredentialAuthMetadata {
            type Error = super::error::ConversionError;
            fn try_from(
                value: CredentialAuthMetadata,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    name: value.name?,
                    type_: value.type_?,
                })
            }
        }
        impl ::std::convert::From<super::CredentialAuthMetadata>
        for CredentialAuthMetadata {
            fn from(value: super::CredentialAuthMetadata) -> Self {
                Self {
                    name: Ok(value.name),
                    type_: Ok(value.type_),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct CredentialBinding {
            auth: ::std::result::Result<super::CredentialAuth, ::std::string::String>,
            match_: ::std::result::Result<super::CredentialMatch, ::std::string::String>,
            name: ::std::result::Result<::std::string::String, ::std::string::String>,
        }
        impl ::std::default::Default for CredentialBinding {
            fn default() -> Self {
                Self {
                    auth: Err("no value supplied for auth".to_string()),
                    match_: Err("no value supplied for match_".to_string()),
                    name: Err("no value supplied for name".to_string()),
                }
            }
        }
        impl CredentialBinding {
            pub fn auth<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::CredentialAuth>,
                T::Error: ::std::fmt::Display,
            {
                self.auth = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for auth: {e}")
                    });
                self
            }
            pub fn match_<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::CredentialMatch>,
                T::Error: ::std::fmt::Display,
            {
                self.match_ = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for match_: {e}")
                    });
                self
            }
            pub fn name<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
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
        impl ::std::convert::TryFrom<CredentialBinding> for super::CredentialBinding {
            type Error = super::error::ConversionError;
            fn try_from(
                value: CredentialBinding,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    auth: value.auth?,
                    match_: value.match_?,
                    name: value.name?,
                })
            }
        }
        impl ::std::convert::From<super::CredentialBinding> for CredentialBinding {
            fn from(value: super::CredentialBinding) -> Self {
                Self {
                    auth: Ok(value.auth),
                    match_: Ok(value.match_),
                    name: Ok(value.name),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct CredentialBindingListResponse {
            bindings: ::std::result::Result<
                ::std::vec::Vec<super::CredentialBindingMetadata>,
                ::std::string::String,
            >,
            revision: ::std::result::Result<i64, ::std::string::String>,
        }
        impl ::std::default::Default for CredentialBindingListResponse {
            fn default() -> Self {
                Self {
                    bindings: Err("no value supplied for bindings".to_string()),
                    revision: Err("no value supplied for revision".to_string()),
                }
            }
        }
        impl CredentialBindingListResponse {
            pub fn bindings<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::vec::Vec<super::CredentialBindingMetadata>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.bindings = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for bindings: {e}")
                    });
                self
            }
            pub fn revision<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<i64>,
                T::Error: ::std::fmt::Display,
            {
                self.revision = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for revision: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<CredentialBindingListResponse>
        for super::CredentialBindingListResponse {
            type Error = super::error::ConversionError;
            fn try_from(
                value: CredentialBindingListResponse,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    bindings: value.bindings?,
                    revision: value.revision?,
                })
            }
        }
        impl ::std::convert::From<super::CredentialBindingListResponse>
        for CredentialBindingListResponse {
            fn from(value: super::CredentialBindingListResponse) -> Self {
                Self {
                    bindings: Ok(value.bindings),
                    revision: Ok(value.revision),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct CredentialBindingMetadata {
            auth: ::std::result::Result<
                ::std::option::Option<super::CredentialAuthMetadata>,
                ::std::string::String,
            >,
            match_: ::std::result::Result<
                ::std::option::Option<super::CredentialMatch>,
                ::std::string::String,
            >,
            name: ::std::result::Result<::std::string::String, ::std::string::String>,
            revision: ::std::result::Result<i64, ::std::string::String>,
        }
        impl ::std::default::Default for CredentialBindingMetadata {
            fn default() -> Self {
                Self {
                    auth: Ok(Default::default()),
                    match_: Ok(Default::default()),
                    name: Err("no value supplied for name".to_string()),
                    revision: Err("no value supplied for revision".to_string()),
                }
            }
        }
        impl CredentialBindingMetadata {
            pub fn auth<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<super::CredentialAuthMetadata>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.auth = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for auth: {e}")
                    });
                self
            }
            pub fn match_<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<super::CredentialMatch>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.match_ = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for match_: {e}")
                    });
                self
            }
            pub fn name<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.name = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for name: {e}")
                    });
                self
            }
            pub fn revision<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<i64>,
                T::Error: ::std::fmt::Display,
            {
                self.revision = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for revision: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<CredentialBindingMetadata>
        for super::CredentialBindingMetadata {
            type Error = super::error::ConversionError;
            fn try_from(
                value: CredentialBindingMetadata,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    auth: value.auth?,
                    match_: value.match_?,
                    name: value.name?,
                    revision: value.revision?,
                })
            }
        }
        impl ::std::convert::From<super::CredentialBindingMetadata>
        for CredentialBindingMetadata {
            fn from(value: super::CredentialBindingMetadata) -> Self {
                Self {
                    auth: Ok(value.auth),
                    match_: Ok(value.match_),
                    name: Ok(value.name),
                    revision: Ok(value.revision),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct CredentialBindingMutationSet {
            add: ::std::result::Result<
                ::std::vec::Vec<super::CredentialBinding>,
                ::std::string::String,
            >,
            delete: ::std::result::Result<
                ::std::vec::Vec<::std::string::String>,
                ::std::string::String,
            >,
            replace: ::std::result::Result<
                ::std::vec::Vec<super::CredentialBinding>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for CredentialBindingMutationSet {
            fn default() -> Self {
                Self {
                    add: Ok(Default::default()),
                    delete: Ok(Default::default()),
                    replace: Ok(Default::default()),
                }
            }
        }
        impl CredentialBindingMutationSet {
            pub fn add<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::vec::Vec<super::CredentialBinding>>,
                T::Error: ::std::fmt::Display,
            {
                self.add = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for add: {e}")
                    });
                self
            }
            pub fn delete<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::vec::Vec<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.delete = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for delete: {e}")
                    });
                self
            }
            pub fn replace<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::vec::Vec<super::CredentialBinding>>,
                T::Error: ::std::fmt::Display,
            {
                self.replace = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for replace: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<CredentialBindingMutationSet>
        for super::CredentialBindingMutationSet {
            type Error = super::error::ConversionError;
            fn try_from(
                value: CredentialBindingMutationSet,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    add: value.add?,
                    delete: value.delete?,
                    replace: value.replace?,
                })
            }
        }
        impl ::std::convert::From<super::CredentialBindingMutationSet>
        for CredentialBindingMutationSet {
            fn from(value: super::CredentialBindingMutationSet) -> Self {
                Self {
                    add: Ok(value.add),
                    delete: Ok(value.delete),
                    replace: Ok(value.replace),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct CredentialListResponse {
            credentials: ::std::result::Result<
                ::std::vec::Vec<super::CredentialMetadata>,
                ::std::string::String,
            >,
            revision: ::std::result::Result<i64, ::std::string::String>,
        }
        impl ::std::default::Default for CredentialListResponse {
            fn default() -> Self {
                Self {
                    credentials: Err("no value supplied for credentials".to_string()),
                    revision: Err("no value supplied for revision".to_string()),
                }
            }
        }
        impl CredentialListResponse {
            pub fn credentials<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::vec::Vec<super::CredentialMetadata>>,
                T::Error: ::std::fmt::Display,
            {
                self.credentials = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for credentials: {e}")
                    });
                self
            }
            pub fn revision<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<i64>,
                T::Error: ::std::fmt::Display,
            {
                self.revision = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for revision: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<CredentialListResponse>
        for super::CredentialListResponse {
            type Error = super::error::ConversionError;
            fn try_from(
                value: CredentialListResponse,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    credentials: value.credentials?,
                    revision: value.revision?,
                })
            }
        }
        impl ::std::convert::From<super::CredentialListResponse>
        for CredentialListResponse {
            fn from(value: super::CredentialListResponse) -> Self {
                Self {
                    credentials: Ok(value.credentials),
                    revision: Ok(value.revision),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct CredentialMatch {
            hosts: ::std::result::Result<
                ::std::vec::Vec<::std::string::String>,
                ::std::string::String,
            >,
            methods: ::std::result::Result<
                ::std::vec::Vec<::std::string::String>,
                ::std::string::String,
            >,
            paths: ::std::result::Result<
                ::std::vec::Vec<::std::string::String>,
                ::std::string::String,
            >,
            ports: ::std::result::Result<::std::vec::Vec<i64>, ::std::string::String>,
            schemes: ::std::result::Result<
                ::std::vec::Vec<crate::types::CredentialMatchSchemesItem>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for CredentialMatch {
            fn default() -> Self {
                Self {
                    hosts: Err("no value supplied for hosts".to_string()),
                    methods: Ok(super::defaults::credential_match_methods()),
                    paths: Ok(super::defaults::credential_match_paths()),
                    ports: Ok(super::defaults::credential_match_ports()),
                    schemes: Ok(super::defaults::credential_match_schemes()),
                }
            }
        }
        impl CredentialMatch {
            pub fn hosts<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::vec::Vec<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.hosts = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for hosts: {e}")
                    });
                self
            }
            pub fn methods<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::vec::Vec<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.methods = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for methods: {e}")
                    });
                self
            }
            pub fn paths<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::vec::Vec<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.paths = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for paths: {e}")
                    });
                self
            }
            pub fn ports<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::vec::Vec<i64>>,
                T::Error: ::std::fmt::Display,
            {
                self.ports = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for ports: {e}")
                    });
                self
            }
            pub fn schemes<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::vec::Vec<crate::types::CredentialMatchSchemesItem>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.schemes = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for schemes: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<CredentialMatch> for super::CredentialMatch {
            type Error = super::error::ConversionError;
            fn try_from(
                value: CredentialMatch,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    hosts: value.hosts?,
                    methods: value.methods?,
                    paths: value.paths?,
                    ports: value.ports?,
                    schemes: value.schemes?,
                })
            }
        }
        impl ::std::convert::From<super::CredentialMatch> for CredentialMatch {
            fn from(value: super::CredentialMatch) -> Self {
                Self {
                    hosts: Ok(value.hosts),
                    methods: Ok(value.methods),
                    paths: Ok(value.paths),
                    ports: Ok(value.ports),
                    schemes: Ok(value.schemes),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct CredentialMetadata {
            name: ::std::result::Result<::std::string::String, ::std::string::String>,
            revision: ::std::result::Result<i64, ::std::string::String>,
            source_type: ::std::result::Result<
                ::std::string::String,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for CredentialMetadata {
            fn default() -> Self {
                Self {
                    name: Err("no value supplied for name".to_string()),
                    revision: Err("no value supplied for revision".to_string()),
                    source_type: Err("no value supplied for source_type".to_string()),
                }
            }
        }
        impl CredentialMetadata {
            pub fn name<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.name = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for name: {e}")
                    });
                self
            }
            pub fn revision<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<i64>,
                T::Error: ::std::fmt::Display,
            {
                self.revision = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for revision: {e}")
                    });
                self
            }
            pub fn source_type<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.source_type = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for source_type: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<CredentialMetadata> for super::CredentialMetadata {
            type Error = super::error::ConversionError;
            fn try_from(
                value: CredentialMetadata,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    name: value.name?,
                    revision: value.revision?,
                    source_type: value.source_type?,
                })
            }
        }
        impl ::std::convert::From<super::CredentialMetadata> for CredentialMetadata {
            fn from(value: super::CredentialMetadata) -> Self {
                Self {
                    name: Ok(value.name),
                    revision: Ok(value.revision),
                    source_type: Ok(value.source_type),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct CredentialMutationSet {
            add: ::std::result::Result<
                ::std::vec::Vec<super::Credential>,
                ::std::string::String,
            >,
            delete: ::std::result::Result<
                ::std::vec::Vec<::std::string::String>,
                ::std::string::String,
            >,
            replace: ::std::result::Result<
                ::std::vec::Vec<super::Credential>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for CredentialMutationSet {
            fn default() -> Self {
                Self {
                    add: Ok(Default::default()),
                    delete: Ok(Default::default()),
                    replace: Ok(Default::default()),
                }
            }
        }
        impl CredentialMutationSet {
            pub fn add<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::vec::Vec<super::Credential>>,
                T::Error: ::std::fmt::Display,
            {
                self.add = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for add: {e}")
                    });
                self
            }
            pub fn delete<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::vec::Vec<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.delete = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for delete: {e}")
                    });
                self
            }
            pub fn replace<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::vec::Vec<super::Credential>>,
                T::Error: ::std::fmt::Display,
            {
                self.replace = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for replace: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<CredentialMutationSet>
        for super::CredentialMutationSet {
            type Error = super::error::ConversionError;
            fn try_from(
                value: CredentialMutationSet,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    add: value.add?,
                    delete: value.delete?,
                    replace: value.replace?,
                })
            }
        }
        impl ::std::convert::From<super::CredentialMutationSet>
        for CredentialMutationSet {
            fn from(value: super::CredentialMutationSet) -> Self {
                Self {
                    add: Ok(value.add),
                    delete: Ok(value.delete),
                    replace: Ok(value.replace),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct CredentialVaultCreateRequest {
            bindings: ::std::result::Result<
                ::std::vec::Vec<super::CredentialBinding>,
                ::std::string::String,
            >,
            credentials: ::std::result::Result<
                ::std::vec::Vec<super::Credential>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for CredentialVaultCreateRequest {
            fn default() -> Self {
                Self {
                    bindings: Err("no value supplied for bindings".to_string()),
                    credentials: Err("no value supplied for credentials".to_string()),
                }
            }
        }
        impl CredentialVaultCreateRequest {
            pub fn bindings<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::vec::Vec<super::CredentialBinding>>,
                T::Error: ::std::fmt::Display,
            {
                self.bindings = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for bindings: {e}")
                    });
                self
            }
            pub fn credentials<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::vec::Vec<super::Credential>>,
                T::Error: ::std::fmt::Display,
            {
                self.credentials = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for credentials: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<CredentialVaultCreateRequest>
        for super::CredentialVaultCreateRequest {
            type Error = super::error::ConversionError;
            fn try_from(
                value: CredentialVaultCreateRequest,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    bindings: value.bindings?,
                    credentials: value.credentials?,
                })
            }
        }
        impl ::std::convert::From<super::CredentialVaultCreateRequest>
        for CredentialVaultCreateRequest {
            fn from(value: super::CredentialVaultCreateRequest) -> Self {
                Self {
                    bindings: Ok(value.bindings),
                    credentials: Ok(value.credentials),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct CredentialVaultMutationRequest {
            bindings: ::std::result::Result<
                ::std::option::Option<super::CredentialBindingMutationSet>,
                ::std::string::String,
            >,
            credentials: ::std::result::Result<
                ::std::option::Option<super::CredentialMutationSet>,
                ::std::string::String,
            >,
            expected_revision: ::std::result::Result<
                ::std::option::Option<i64>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for CredentialVaultMutationRequest {
            fn default() -> Self {
                Self {
                    bindings: Ok(Default::default()),
                    credentials: Ok(Default::default()),
                    expected_revision: Ok(Default::default()),
                }
            }
        }
        impl CredentialVaultMutationRequest {
            pub fn bindings<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<super::CredentialBindingMutationSet>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.bindings = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for bindings: {e}")
                    });
                self
            }
            pub fn credentials<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<super::CredentialMutationSet>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.credentials = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for credentials: {e}")
                    });
                self
            }
            pub fn expected_revision<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<i64>>,
                T::Error: ::std::fmt::Display,
            {
                self.expected_revision = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for expected_revision: {e}"
                        )
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<CredentialVaultMutationRequest>
        for super::CredentialVaultMutationRequest {
            type Error = super::error::ConversionError;
            fn try_from(
                value: CredentialVaultMutationRequest,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    bindings: value.bindings?,
                    credentials: value.credentials?,
                    expected_revision: value.expected_revision?,
                })
            }
        }
        impl ::std::convert::From<super::CredentialVaultMutationRequest>
        for CredentialVaultMutationRequest {
            fn from(value: super::CredentialVaultMutationRequest) -> Self {
                Self {
                    bindings: Ok(value.bindings),
                    credentials: Ok(value.credentials),
                    expected_revision: Ok(value.expected_revision),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct CredentialVaultState {
            bindings: ::std::result::Result<
                ::std::vec::Vec<super::CredentialBindingMetadata>,
                ::std::string::String,
            >,
            credentials: ::std::result::Result<
                ::std::vec::Vec<super::CredentialMetadata>,
                ::std::string::String,
            >,
            revision: ::std::result::Result<i64, ::std::string::String>,
        }
        impl ::std::default::Default for CredentialVaultState {
            fn default() -> Self {
                Self {
                    bindings: Err("no value supplied for bindings".to_string()),
                    credentials: Err("no value supplied for credentials".to_string()),
                    revision: Err("no value supplied for revision".to_string()),
                }
            }
        }
        impl CredentialVaultState {
            pub fn bindings<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::vec::Vec<super::CredentialBindingMetadata>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.bindings = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for bindings: {e}")
                    });
                self
            }
            pub fn credentials<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::vec::Vec<super::CredentialMetadata>>,
                T::Error: ::std::fmt::Display,
            {
                self.credentials = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for credentials: {e}")
                    });
                self
            }
            pub fn revision<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<i64>,
                T::Error: ::std::fmt::Display,
            {
                self.revision = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for revision: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<CredentialVaultState>
        for super::CredentialVaultState {
            type Error = super::error::ConversionError;
            fn try_from(
                value: CredentialVaultState,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    bindings: value.bindings?,
                    credentials: value.credentials?,
                    revision: value.revision?,
                })
            }
        }
        impl ::std::convert::From<super::CredentialVaultState> for CredentialVaultState {
            fn from(value: super::CredentialVaultState) -> Self {
                Self {
                    bindings: Ok(value.bindings),
                    credentials: Ok(value.credentials),
                    revision: Ok(value.revision),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct CustomHeaderEntry {
            credential: ::std::result::Result<
                ::std::string::String,
                ::std::string::String,
            >,
            name: ::std::result::Result<
                super::CustomHeaderEntryName,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for CustomHeaderEntry {
            fn default() -> Self {
                Self {
                    credential: Err("no value supplied for credential".to_string()),
                    name: Err("no value supplied for name".to_string()),
                }
            }
        }
        impl CustomHeaderEntry {
            pub fn credential<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.credential = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for credential: {e}")
                    });
                self
            }
            pub fn name<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::CustomHeaderEntryName>,
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
        impl ::std::convert::TryFrom<CustomHeaderEntry> for super::CustomHeaderEntry {
            type Error = super::error::ConversionError;
            fn try_from(
                value: CustomHeaderEntry,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    credential: value.credential?,
                    name: value.name?,
                })
            }
        }
        impl ::std::convert::From<super::CustomHeaderEntry> for CustomHeaderEntry {
            fn from(value: super::CustomHeaderEntry) -> Self {
                Self {
                    credential: Ok(value.credential),
                    name: Ok(value.name),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct CustomHeadersCredentialAuth {
            headers: ::std::result::Result<
                ::std::vec::Vec<super::CustomHeaderEntry>,
                ::std::string::String,
            >,
            type_: ::std::result::Result<
                super::CustomHeadersCredentialAuthType,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for CustomHeadersCredentialAuth {
            fn default() -> Self {
                Self {
                    headers: Err("no value supplied for headers".to_string()),
                    type_: Err("no value supplied for type_".to_string()),
                }
            }
        }
        impl CustomHeadersCredentialAuth {
            pub fn headers<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::vec::Vec<super::CustomHeaderEntry>>,
                T::Error: ::std::fmt::Display,
            {
                self.headers = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for headers: {e}")
                    });
                self
            }
            pub fn type_<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::CustomHeadersCredentialAuthType>,
                T::Error: ::std::fmt::Display,
            {
                self.type_ = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for type_: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<CustomHeadersCredentialAuth>
        for super::CustomHeadersCredentialAuth {
            type Error = super::error::ConversionError;
            fn try_from(
                value: CustomHeadersCredentialAuth,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    headers: value.headers?,
                    type_: value.type_?,
                })
            }
        }
        impl ::std::convert::From<super::CustomHeadersCredentialAuth>
        for CustomHeadersCredentialAuth {
            fn from(value: super::CustomHeadersCredentialAuth) -> Self {
                Self {
                    headers: Ok(value.headers),
                    type_: Ok(value.type_),
                }
            }
        }
        #[derive(Clone)]
        pub struct InlineCredentialSource {
            type_: ::std::result::Result<
                super::InlineCredentialSourceType,
                ::std::string::String,
            >,
            value: ::std::result::Result<::std::string::String, ::std::string::String>,
        }
        impl ::std::default::Default for InlineCredentialSource {
            fn default() -> Self {
                Self {
                    type_: Err("no value supplied for type_".to_string()),
                    value: Err("no value supplied for value".to_string()),
                }
            }
        }
        impl InlineCredentialSource {
            pub fn type_<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::InlineCredentialSourceType>,
                T::Error: ::std::fmt::Display,
            {
                self.type_ = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for type_: {e}")
                    });
                self
            }
            pub fn value<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.value = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for value: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<InlineCredentialSource>
        for super::InlineCredentialSource {
            type Error = super::error::ConversionError;
            fn try_from(
                value: InlineCredentialSource,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    type_: value.type_?,
                    value: value.value?,
                })
            }
        }
        impl ::std::convert::From<super::InlineCredentialSource>
        for InlineCredentialSource {
            fn from(value: super::InlineCredentialSource) -> Self {
                Self {
                    type_: Ok(value.type_),
                    value: Ok(value.value),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct NetworkPolicy {
            default_action: ::std::result::Result<
                ::std::option::Option<crate::types::NetworkPolicyDefaultAction>,
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
                    ::std::option::Option<crate::types::NetworkPolicyDefaultAction>,
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
                crate::types::NetworkRuleAction,
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
                T: ::std::convert::TryInto<crate::types::NetworkRuleAction>,
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
        #[derive(Clone, Debug)]
        pub struct PolicyStatusResponse {
            enforcement_mode: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            mode: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            policy: ::std::result::Result<
                ::std::option::Option<super::NetworkPolicy>,
                ::std::string::String,
            >,
            reason: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            status: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for PolicyStatusResponse {
            fn default() -> Self {
                Self {
                    enforcement_mode: Ok(Default::default()),
                    mode: Ok(Default::default()),
                    policy: Ok(Default::default()),
                    reason: Ok(Default::default()),
                    status: Ok(Default::default()),
                }
            }
        }
        impl PolicyStatusResponse {
            pub fn enforcement_mode<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.enforcement_mode = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for enforcement_mode: {e}"
                        )
                    });
                self
            }
            pub fn mode<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.mode = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for mode: {e}")
                    });
                self
            }
            pub fn policy<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<super::NetworkPolicy>>,
                T::Error: ::std::fmt::Display,
            {
                self.policy = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for policy: {e}")
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
            pub fn status<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
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
        impl ::std::convert::TryFrom<PolicyStatusResponse>
        for super::PolicyStatusResponse {
            type Error = super::error::ConversionError;
            fn try_from(
                value: PolicyStatusResponse,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    enforcement_mode: value.enforcement_mode?,
                    mode: value.mode?,
                    policy: value.policy?,
                    reason: value.reason?,
                    status: value.status?,
                })
            }
        }
        impl ::std::convert::From<super::PolicyStatusResponse> for PolicyStatusResponse {
            fn from(value: super::PolicyStatusResponse) -> Self {
                Self {
                    enforcement_mode: Ok(value.enforcement_mode),
                    mode: Ok(value.mode),
                    policy: Ok(value.policy),
                    reason: Ok(value.reason),
                    status: Ok(value.status),
                }
            }
        }
        impl ::std::fmt::Debug for InlineCredentialSource {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct("InlineCredentialSource")
                    .field("type_", &self.type_)
                    .field("value", &"***")
                    .finish()
            }
        }
    }
    /// Generation of default values for serde.
    pub mod defaults {
        pub(super) fn credential_match_methods() -> ::std::vec::Vec<
            ::std::string::String,
        > {
            vec![
                "GET".to_string(), "POST".to_string(), "PUT".to_string(), "PATCH"
                .to_string(), "DELETE".to_string()
            ]
        }
        pub(super) fn credential_match_paths() -> ::std::vec::Vec<
            ::std::string::String,
        > {
            vec!["/*".to_string()]
        }
        pub(super) fn credential_match_ports() -> ::std::vec::Vec<i64> {
            vec![443_i64]
        }
        pub(super) fn credential_match_schemes() -> ::std::vec::Vec<
            crate::types::CredentialMatchSchemesItem,
        > {
            vec![
                ::serde_json::from_str:: < crate ::types::CredentialMatchSchemesItem >
                ("\"https\"").unwrap()
            ]
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
    pub enum CredentialMatchSchemesItem {
        ///`https`
        Https,
        ///`http`
        Http,
        /// A value this version of the SDK does not know, kept as the server sent it.
        Unknown(::std::string::String),
    }
    impl CredentialMatchSchemesItem {
        /// Every value this version of the SDK knows.
        pub const KNOWN: &'static [&'static str] = &["https", "http"];
        /// The value as it appears on the wire.
        pub fn as_str(&self) -> &str {
            match self {
                Self::Https => "https",
                Self::Http => "http",
                Self::Unknown(other) => other.as_str(),
            }
        }
        /// Whether this is a value the SDK does not know.
        pub fn is_unknown(&self) -> bool {
            matches!(self, Self::Unknown(_))
        }
    }
    impl ::std::fmt::Display for CredentialMatchSchemesItem {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            f.write_str(self.as_str())
        }
    }
    impl ::std::convert::From<&str> for CredentialMatchSchemesItem {
        fn from(value: &str) -> Self {
            match value {
                "https" => Self::Https,
                "http" => Self::Http,
                other => Self::Unknown(other.to_string()),
            }
        }
    }
    impl ::std::convert::From<::std::string::String> for CredentialMatchSchemesItem {
        fn from(value: ::std::string::String) -> Self {
            match value.as_str() {
                "https" => Self::Https,
                "http" => Self::Http,
                _ => Self::Unknown(value),
            }
        }
    }
    impl ::std::str::FromStr for CredentialMatchSchemesItem {
        type Err = ::std::convert::Infallible;
        fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
            Ok(Self::from(value))
        }
    }
    impl ::serde::Serialize for CredentialMatchSchemesItem {
        fn serialize<S: ::serde::Serializer>(
            &self,
            serializer: S,
        ) -> ::std::result::Result<S::Ok, S::Error> {
            serializer.serialize_str(self.as_str())
        }
    }
    impl<'de> ::serde::Deserialize<'de> for CredentialMatchSchemesItem {
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
    impl ::schemars::JsonSchema for CredentialMatchSchemesItem {
        fn schema_name() -> ::std::string::String {
            stringify!(CredentialMatchSchemesItem).to_string()
        }
        fn json_schema(
            _: &mut ::schemars::r#gen::SchemaGenerator,
        ) -> ::schemars::schema::Schema {
            ::schemars::schema::SchemaObject {
                instance_type: Some(::schemars::schema::InstanceType::String.into()),
                enum_values: Some(
                    vec![
                        ::serde_json::Value::from("https"),
                        ::serde_json::Value::from("http")
                    ],
                ),
                ..Default::default()
            }
                .into()
        }
    }
    ///Open enum: values this SDK does not know decode into `Unknown`.
    #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum NetworkPolicyDefaultAction {
        ///`allow`
        Allow,
        ///`deny`
        Deny,
        /// A value this version of the SDK does not know, kept as the server sent it.
        Unknown(::std::string::String),
    }
    impl NetworkPolicyDefaultAction {
        /// Every value this version of the SDK knows.
        pub const KNOWN: &'static [&'static str] = &["allow", "deny"];
        /// The value as it appears on the wire.
        pub fn as_str(&self) -> &str {
            match self {
                Self::Allow => "allow",
                Self::Deny => "deny",
                Self::Unknown(other) => other.as_str(),
            }
        }
        /// Whether this is a value the SDK does not know.
        pub fn is_unknown(&self) -> bool {
            matches!(self, Self::Unknown(_))
        }
    }
    impl ::std::fmt::Display for NetworkPolicyDefaultAction {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            f.write_str(self.as_str())
        }
    }
    impl ::std::convert::From<&str> for NetworkPolicyDefaultAction {
        fn from(value: &str) -> Self {
            match value {
                "allow" => Self::Allow,
                "deny" => Self::Deny,
                other => Self::Unknown(other.to_string()),
            }
        }
    }
    impl ::std::convert::From<::std::string::String> for NetworkPolicyDefaultAction {
        fn from(value: ::std::string::String) -> Self {
            match value.as_str() {
                "allow" => Self::Allow,
                "deny" => Self::Deny,
                _ => Self::Unknown(value),
            }
        }
    }
    impl ::std::str::FromStr for NetworkPolicyDefaultAction {
        type Err = ::std::convert::Infallible;
        fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
            Ok(Self::from(value))
        }
    }
    impl ::serde::Serialize for NetworkPolicyDefaultAction {
        fn serialize<S: ::serde::Serializer>(
            &self,
            serializer: S,
        ) -> ::std::result::Result<S::Ok, S::Error> {
            serializer.serialize_str(self.as_str())
        }
    }
    impl<'de> ::serde::Deserialize<'de> for NetworkPolicyDefaultAction {
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
    impl ::schemars::JsonSchema for NetworkPolicyDefaultAction {
        fn schema_name() -> ::std::string::String {
            stringify!(NetworkPolicyDefaultAction).to_string()
        }
        fn json_schema(
            _: &mut ::schemars::r#gen::SchemaGenerator,
        ) -> ::schemars::schema::Schema {
            ::schemars::schema::SchemaObject {
                instance_type: Some(::schemars::schema::InstanceType::String.into()),
                enum_values: Some(
                    vec![
                        ::serde_json::Value::from("allow"),
                        ::serde_json::Value::from("deny")
                    ],
                ),
                ..Default::default()
            }
                .into()
        }
    }
    ///Open enum: values this SDK does not know decode into `Unknown`.
    #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum NetworkRuleAction {
        ///`allow`
        Allow,
        ///`deny`
        Deny,
        /// A value this version of the SDK does not know, kept as the server sent it.
        Unknown(::std::string::String),
    }
    impl NetworkRuleAction {
        /// Every value this version of the SDK knows.
        pub const KNOWN: &'static [&'static str] = &["allow", "deny"];
        /// The value as it appears on the wire.
        pub fn as_str(&self) -> &str {
            match self {
                Self::Allow => "allow",
                Self::Deny => "deny",
                Self::Unknown(other) => other.as_str(),
            }
        }
        /// Whether this is a value the SDK does not know.
        pub fn is_unknown(&self) -> bool {
            matches!(self, Self::Unknown(_))
        }
    }
    impl ::std::fmt::Display for NetworkRuleAction {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            f.write_str(self.as_str())
        }
    }
    impl ::std::convert::From<&str> for NetworkRuleAction {
        fn from(value: &str) -> Self {
            match value {
                "allow" => Self::Allow,
                "deny" => Self::Deny,
                other => Self::Unknown(other.to_string()),
            }
        }
    }
    impl ::std::convert::From<::std::string::String> for NetworkRuleAction {
        fn from(value: ::std::string::String) -> Self {
            match value.as_str() {
                "allow" => Self::Allow,
                "deny" => Self::Deny,
                _ => Self::Unknown(value),
            }
        }
    }
    impl ::std::str::FromStr for NetworkRuleAction {
        type Err = ::std::convert::Infallible;
        fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
            Ok(Self::from(value))
        }
    }
    impl ::serde::Serialize for NetworkRuleAction {
        fn serialize<S: ::serde::Serializer>(
            &self,
            serializer: S,
        ) -> ::std::result::Result<S::Ok, S::Error> {
            serializer.serialize_str(self.as_str())
        }
    }
    impl<'de> ::serde::Deserialize<'de> for NetworkRuleAction {
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
    impl ::schemars::JsonSchema for NetworkRuleAction {
        fn schema_name() -> ::std::string::String {
            stringify!(NetworkRuleAction).to_string()
        }
        fn json_schema(
            _: &mut ::schemars::r#gen::SchemaGenerator,
        ) -> ::schemars::schema::Schema {
            ::schemars::schema::SchemaObject {
                instance_type: Some(::schemars::schema::InstanceType::String.into()),
                enum_values: Some(
                    vec![
                        ::serde_json::Value::from("allow"),
                        ::serde_json::Value::from("deny")
                    ],
                ),
                ..Default::default()
            }
                .into()
        }
    }
    impl ::std::fmt::Debug for InlineCredentialSource {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            f.debug_struct("InlineCredentialSource")
                .field("type_", &self.type_)
                .field("value", &"***")
                .finish()
        }
    }
}
#[derive(Clone, Debug)]
/**Client for OpenSandbox Egress API

Runtime control of a sandbox's outbound traffic. Every sandbox runs an egress
sidecar (listening on port 18080 inside the sandbox network namespace) that
enforces a network policy and hosts an optional Credential Vault. This document
describes the HTTP interface of that sidecar.

The policy a sandbox starts with is chosen when the sandbox is created through
the lifecycle API. The operations here let a client read and adjust that policy
afterwards, and manage credentials that the sidecar's Credential Proxy injects
into matching outbound requests.

## Reaching the sidecar

The sidecar is not served by the lifecycle server. A client first asks the
lifecycle API for the sandbox endpoint of port 18080
(`GET /v1/sandboxes/{id}/endpoints/18080`). The returned endpoint has no scheme
and may already contain a path (for example `.../proxy/18080`); append the paths
below to it rather than replacing its path. Any `headers` returned alongside
the endpoint must be sent with every call to the sidecar.

## Authentication

When the sidecar was started with an access token, each request must carry it
in the `OPENSANDBOX-EGRESS-AUTH` header, otherwise the sidecar answers 401.
Without a configured token the header is ignored. Never send the lifecycle API
key to this endpoint.

## Errors

Error responses from the sidecar are plain text (`text/plain`), not JSON. Besides
the status codes listed per operation, the real server may also answer:

- `409` when a Credential Vault mutation names a stale `expectedRevision`;
- `412` when the proxy that enforces policy or injects credentials is not ready;
- `413` when a change would exceed the sidecar's limit on the number of rules;
- `426` on Credential Vault `POST` and `PATCH` when the call arrives over plain
  HTTP from a non-loopback peer (secret values are only accepted over TLS or
  from localhost).

The server additionally accepts `POST`/`PUT /policy` with a complete
`NetworkPolicy` to replace the policy wholesale (an empty body resets it to
deny-all); that operation is not part of this document.


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
    /**Read the active egress policy

Reports the policy the sidecar is enforcing right now, together with the
runtime mode derived from it and the enforcement backend in use.


Sends a `GET` request to `/policy`

```ignore
let response = client.get_policy()
    .send()
    .await;
```*/
    pub fn get_policy(&self) -> builder::GetPolicy<'_> {
        builder::GetPolicy::new(self)
    }
    /**Remove egress rules by target

Drops every rule of the active policy whose `target` appears in the
submitted list. The body is a JSON array of domain names or wildcard
patterns. Targets that have no rule are skipped without error, so
repeating the call is harmless.


Sends a `DELETE` request to `/policy`

```ignore
let response = client.delete_policy_rules()
    .body(body)
    .send()
    .await;
```*/
    pub fn delete_policy_rules(&self) -> builder::DeletePolicyRules<'_> {
        builder::DeletePolicyRules::new(self)
    }
    /**Add or override egress rules

Merges the given rules into the active policy without replacing it.

- Rules already in the policy stay in place unless a submitted rule has
  the same `target`, in which case the submitted rule takes over.
- Submitted rules are evaluated ahead of the rules that were already there.
- When the submitted list names one `target` more than once, only its
  earliest entry is used.

The real server may also answer `412` (proxy not ready) or `413` (the
result would hold too many rules). Error bodies are plain text.


Sends a `PATCH` request to `/policy`

```ignore
let response = client.patch_policy()
    .body(body)
    .send()
    .await;
```*/
    pub fn patch_policy(&self) -> builder::PatchPolicy<'_> {
        builder::PatchPolicy::new(self)
    }
    /**Read the Credential Vault

Returns the current revision together with metadata about every
credential and binding. Secret values are never included.


Sends a `GET` request to `/credential-vault`

```ignore
let response = client.get_credential_vault()
    .send()
    .await;
```*/
    pub fn get_credential_vault(&self) -> builder::GetCredentialVault<'_> {
        builder::GetCredentialVault::new(self)
    }
    /**Create the Credential Vault

Initialises the sandbox's Credential Vault with a first set of credentials
and bindings, and hands it to the Credential Proxy. The call returns once
the proxy has taken the new revision into use. Secret values sent here can
never be read back; responses carry metadata only.

The real server refuses this call with `426` unless it arrives over TLS
or from a loopback address. `409` reports a clash with the vault's current
state and `412` means the Credential Proxy is not ready. Error bodies are
plain text.


Sends a `POST` request to `/credential-vault`

```ignore
let response = client.create_credential_vault()
    .body(body)
    .send()
    .await;
```*/
    pub fn create_credential_vault(&self) -> builder::CreateCredentialVault<'_> {
        builder::CreateCredentialVault::new(self)
    }
    /**Remove the Credential Vault

Discards every stored credential and binding. Outbound requests are no
longer given injected authentication afterwards.


Sends a `DELETE` request to `/credential-vault`

```ignore
let response = client.delete_credential_vault()
    .send()
    .await;
```*/
    pub fn delete_credential_vault(&self) -> builder::DeleteCredentialVault<'_> {
        builder::DeleteCredentialVault::new(self)
    }
    /**Change credentials and bindings in one step

Adds, replaces and deletes credentials and bindings as a single atomic
change that produces one new revision; either all of it is applied or
none of it. Pass `expectedRevision` to make the call fail with `409` if
somebody else changed the vault since you last read it.

The real server refuses this call with `426` unless it arrives over TLS
or from a loopback address. `412` means the Credential Proxy is not
ready. Error bodies are plain text.


Sends a `PATCH` request to `/credential-vault`

```ignore
let response = client.patch_credential_vault()
    .body(body)
    .send()
    .await;
```*/
    pub fn patch_credential_vault(&self) -> builder::PatchCredentialVault<'_> {
        builder::PatchCredentialVault::new(self)
    }
    /**List credentials

Returns the name, source kind and revision of each stored credential, never its value.

Sends a `GET` request to `/credential-vault/credentials`

```ignore
let response = client.list_credential_vault_credentials()
    .send()
    .await;
```*/
    pub fn list_credential_vault_credentials(
        &self,
    ) -> builder::ListCredentialVaultCredentials<'_> {
        builder::ListCredentialVaultCredentials::new(self)
    }
    /**Read one credential

Returns metadata for a single credential. The secret value is never returned.

Sends a `GET` request to `/credential-vault/credentials/{credential_name}`

Arguments:
- `credential_name`: Name the credential was stored under.
```ignore
let response = client.get_credential_vault_credential()
    .credential_name(credential_name)
    .send()
    .await;
```*/
    pub fn get_credential_vault_credential(
        &self,
    ) -> builder::GetCredentialVaultCredential<'_> {
        builder::GetCredentialVaultCredential::new(self)
    }
    /**List bindings

Returns each binding with its request matcher and the kind of authentication it adds.

Sends a `GET` request to `/credential-vault/bindings`

```ignore
let response = client.list_credential_vault_bindings()
    .send()
    .await;
```*/
    pub fn list_credential_vault_bindings(
        &self,
    ) -> builder::ListCredentialVaultBindings<'_> {
        builder::ListCredentialVaultBindings::new(self)
    }
    /**Read one binding

Returns the matcher and authentication kind of a single binding, without any secret.

Sends a `GET` request to `/credential-vault/bindings/{binding_name}`

Arguments:
- `binding_name`: Name the binding was stored under.
```ignore
let response = client.get_credential_vault_binding()
    .binding_name(binding_name)
    .send()
    .await;
```*/
    pub fn get_credential_vault_binding(
        &self,
    ) -> builder::GetCredentialVaultBinding<'_> {
        builder::GetCredentialVaultBinding::new(self)
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
    /**Builder for [`Client::get_policy`]

[`Client::get_policy`]: super::Client::get_policy*/
    #[derive(Debug, Clone)]
    pub struct GetPolicy<'a> {
        client: &'a super::Client,
    }
    impl<'a> GetPolicy<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self { client: client }
        }
        ///Sends a `GET` request to `/policy`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<types::PolicyStatusResponse>, Error<()>> {
            let Self { client } = self;
            let url = format!("{}/policy", client.baseurl,);
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
                operation_id: "get_policy",
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
    /**Builder for [`Client::delete_policy_rules`]

[`Client::delete_policy_rules`]: super::Client::delete_policy_rules*/
    #[derive(Debug, Clone)]
    pub struct DeletePolicyRules<'a> {
        client: &'a super::Client,
        body: Result<::std::vec::Vec<::std::string::String>, String>,
    }
    impl<'a> DeletePolicyRules<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                body: Err("body was not initialized".to_string()),
            }
        }
        pub fn body<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::vec::Vec<::std::string::String>>,
        {
            self.body = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: vec :: Vec < :: std :: string :: String >` for body failed"
                        .to_string()
                });
            self
        }
        ///Sends a `DELETE` request to `/policy`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<types::PolicyStatusResponse>, Error<()>> {
            let Self { client, body } = self;
            let body = body.map_err(Error::InvalidRequest)?;
            let url = format!("{}/policy", client.baseurl,);
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
                .delete(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .json(&body)
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "delete_policy_rules",
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
    /**Builder for [`Client::patch_policy`]

[`Client::patch_policy`]: super::Client::patch_policy*/
    #[derive(Debug, Clone)]
    pub struct PatchPolicy<'a> {
        client: &'a super::Client,
        body: Result<::std::vec::Vec<types::NetworkRule>, String>,
    }
    impl<'a> PatchPolicy<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                body: Err("body was not initialized".to_string()),
            }
        }
        pub fn body<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::vec::Vec<types::NetworkRule>>,
        {
            self.body = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: vec :: Vec < NetworkRule >` for body failed"
                        .to_string()
                });
            self
        }
        ///Sends a `PATCH` request to `/policy`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<types::PolicyStatusResponse>, Error<()>> {
            let Self { client, body } = self;
            let body = body.map_err(Error::InvalidRequest)?;
            let url = format!("{}/policy", client.baseurl,);
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
                operation_id: "patch_policy",
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
    /**Builder for [`Client::get_credential_vault`]

[`Client::get_credential_vault`]: super::Client::get_credential_vault*/
    #[derive(Debug, Clone)]
    pub struct GetCredentialVault<'a> {
        client: &'a super::Client,
    }
    impl<'a> GetCredentialVault<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self { client: client }
        }
        ///Sends a `GET` request to `/credential-vault`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<types::CredentialVaultState>, Error<()>> {
            let Self { client } = self;
            let url = format!("{}/credential-vault", client.baseurl,);
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
                operation_id: "get_credential_vault",
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
    /**Builder for [`Client::create_credential_vault`]

[`Client::create_credential_vault`]: super::Client::create_credential_vault*/
    #[derive(Debug, Clone)]
    pub struct CreateCredentialVault<'a> {
        client: &'a super::Client,
        body: Result<types::builder::CredentialVaultCreateRequest, String>,
    }
    impl<'a> CreateCredentialVault<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                body: Ok(::std::default::Default::default()),
            }
        }
        pub fn body<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<types::CredentialVaultCreateRequest>,
            <V as std::convert::TryInto<
                types::CredentialVaultCreateRequest,
            >>::Error: std::fmt::Display,
        {
            self.body = value
                .try_into()
                .map(From::from)
                .map_err(|s| {
                    format!(
                        "conversion to `CredentialVaultCreateRequest` for body failed: {}",
                        s
                    )
                });
            self
        }
        pub fn body_map<F>(mut self, f: F) -> Self
        where
            F: std::ops::FnOnce(
                types::builder::CredentialVaultCreateRequest,
            ) -> types::builder::CredentialVaultCreateRequest,
        {
            self.body = self.body.map(f);
            self
        }
        ///Sends a `POST` request to `/credential-vault`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<types::CredentialVaultState>, Error<()>> {
            let Self { client, body } = self;
            let body = body
                .and_then(|v| {
                    types::CredentialVaultCreateRequest::try_from(v)
                        .map_err(|e| e.to_string())
                })
                .map_err(Error::InvalidRequest)?;
            let url = format!("{}/credential-vault", client.baseurl,);
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
                operation_id: "create_credential_vault",
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
    /**Builder for [`Client::delete_credential_vault`]

[`Client::delete_credential_vault`]: super::Client::delete_credential_vault*/
    #[derive(Debug, Clone)]
    pub struct DeleteCredentialVault<'a> {
        client: &'a super::Client,
    }
    impl<'a> DeleteCredentialVault<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self { client: client }
        }
        ///Sends a `DELETE` request to `/credential-vault`
        pub async fn send(self) -> Result<ResponseValue<()>, Error<()>> {
            let Self { client } = self;
            let url = format!("{}/credential-vault", client.baseurl,);
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
                operation_id: "delete_credential_vault",
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
    /**Builder for [`Client::patch_credential_vault`]

[`Client::patch_credential_vault`]: super::Client::patch_credential_vault*/
    #[derive(Debug, Clone)]
    pub struct PatchCredentialVault<'a> {
        client: &'a super::Client,
        body: Result<types::builder::CredentialVaultMutationRequest, String>,
    }
    impl<'a> PatchCredentialVault<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                body: Ok(::std::default::Default::default()),
            }
        }
        pub fn body<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<types::CredentialVaultMutationRequest>,
            <V as std::convert::TryInto<
                types::CredentialVaultMutationRequest,
            >>::Error: std::fmt::Display,
        {
            self.body = value
                .try_into()
                .map(From::from)
                .map_err(|s| {
                    format!(
                        "conversion to `CredentialVaultMutationRequest` for body failed: {}",
                        s
                    )
                });
            self
        }
        pub fn body_map<F>(mut self, f: F) -> Self
        where
            F: std::ops::FnOnce(
                types::builder::CredentialVaultMutationRequest,
            ) -> types::builder::CredentialVaultMutationRequest,
        {
            self.body = self.body.map(f);
            self
        }
        ///Sends a `PATCH` request to `/credential-vault`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<types::CredentialVaultState>, Error<()>> {
            let Self { client, body } = self;
            let body = body
                .and_then(|v| {
                    types::CredentialVaultMutationRequest::try_from(v)
                        .map_err(|e| e.to_string())
                })
                .map_err(Error::InvalidRequest)?;
            let url = format!("{}/credential-vault", client.baseurl,);
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
                operation_id: "patch_credential_vault",
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
    /**Builder for [`Client::list_credential_vault_credentials`]

[`Client::list_credential_vault_credentials`]: super::Client::list_credential_vault_credentials*/
    #[derive(Debug, Clone)]
    pub struct ListCredentialVaultCredentials<'a> {
        client: &'a super::Client,
    }
    impl<'a> ListCredentialVaultCredentials<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self { client: client }
        }
        ///Sends a `GET` request to `/credential-vault/credentials`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<types::CredentialListResponse>, Error<()>> {
            let Self { client } = self;
            let url = format!("{}/credential-vault/credentials", client.baseurl,);
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
                operation_id: "list_credential_vault_credentials",
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
    /**Builder for [`Client::get_credential_vault_credential`]

[`Client::get_credential_vault_credential`]: super::Client::get_credential_vault_credential*/
    #[derive(Debug, Clone)]
    pub struct GetCredentialVaultCredential<'a> {
        client: &'a super::Client,
        credential_name: Result<::std::string::String, String>,
    }
    impl<'a> GetCredentialVaultCredential<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                credential_name: Err("credential_name was not initialized".to_string()),
            }
        }
        pub fn credential_name<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.credential_name = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for credential_name failed"
                        .to_string()
                });
            self
        }
        ///Sends a `GET` request to `/credential-vault/credentials/{credential_name}`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<types::CredentialMetadata>, Error<()>> {
            let Self { client, credential_name } = self;
            let credential_name = credential_name.map_err(Error::InvalidRequest)?;
            let url = format!(
                "{}/credential-vault/credentials/{}", client.baseurl, encode_path(&
                credential_name.to_string()),
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
                operation_id: "get_credential_vault_credential",
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
    /**Builder for [`Client::list_credential_vault_bindings`]

[`Client::list_credential_vault_bindings`]: super::Client::list_credential_vault_bindings*/
    #[derive(Debug, Clone)]
    pub struct ListCredentialVaultBindings<'a> {
        client: &'a super::Client,
    }
    impl<'a> ListCredentialVaultBindings<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self { client: client }
        }
        ///Sends a `GET` request to `/credential-vault/bindings`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<types::CredentialBindingListResponse>, Error<()>> {
            let Self { client } = self;
            let url = format!("{}/credential-vault/bindings", client.baseurl,);
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
                operation_id: "list_credential_vault_bindings",
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
    /**Builder for [`Client::get_credential_vault_binding`]

[`Client::get_credential_vault_binding`]: super::Client::get_credential_vault_binding*/
    #[derive(Debug, Clone)]
    pub struct GetCredentialVaultBinding<'a> {
        client: &'a super::Client,
        binding_name: Result<::std::string::String, String>,
    }
    impl<'a> GetCredentialVaultBinding<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                binding_name: Err("binding_name was not initialized".to_string()),
            }
        }
        pub fn binding_name<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.binding_name = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for binding_name failed"
                        .to_string()
                });
            self
        }
        ///Sends a `GET` request to `/credential-vault/bindings/{binding_name}`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<types::CredentialBindingMetadata>, Error<()>> {
            let Self { client, binding_name } = self;
            let binding_name = binding_name.map_err(Error::InvalidRequest)?;
            let url = format!(
                "{}/credential-vault/bindings/{}", client.baseurl, encode_path(&
                binding_name.to_string()),
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
                operation_id: "get_credential_vault_binding",
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
    ///`getPolicy`: `GET /policy`, idempotent.
    pub static GET_POLICY: Operation = Operation::new(
        "getPolicy",
        "get_policy",
        ::http::Method::GET,
        "/policy",
        true,
        false,
    );
    ///`deletePolicyRules`: `DELETE /policy`, idempotent.
    pub static DELETE_POLICY_RULES: Operation = Operation::new(
        "deletePolicyRules",
        "delete_policy_rules",
        ::http::Method::DELETE,
        "/policy",
        true,
        false,
    );
    ///`patchPolicy`: `PATCH /policy`, idempotent.
    pub static PATCH_POLICY: Operation = Operation::new(
        "patchPolicy",
        "patch_policy",
        ::http::Method::PATCH,
        "/policy",
        true,
        false,
    );
    ///`getCredentialVault`: `GET /credential-vault`, idempotent.
    pub static GET_CREDENTIAL_VAULT: Operation = Operation::new(
        "getCredentialVault",
        "get_credential_vault",
        ::http::Method::GET,
        "/credential-vault",
        true,
        false,
    );
    ///`createCredentialVault`: `POST /credential-vault`.
    pub static CREATE_CREDENTIAL_VAULT: Operation = Operation::new(
        "createCredentialVault",
        "create_credential_vault",
        ::http::Method::POST,
        "/credential-vault",
        false,
        false,
    );
    ///`deleteCredentialVault`: `DELETE /credential-vault`, idempotent.
    pub static DELETE_CREDENTIAL_VAULT: Operation = Operation::new(
        "deleteCredentialVault",
        "delete_credential_vault",
        ::http::Method::DELETE,
        "/credential-vault",
        true,
        false,
    );
    ///`patchCredentialVault`: `PATCH /credential-vault`.
    pub static PATCH_CREDENTIAL_VAULT: Operation = Operation::new(
        "patchCredentialVault",
        "patch_credential_vault",
        ::http::Method::PATCH,
        "/credential-vault",
        false,
        false,
    );
    ///`listCredentialVaultCredentials`: `GET /credential-vault/credentials`, idempotent.
    pub static LIST_CREDENTIAL_VAULT_CREDENTIALS: Operation = Operation::new(
        "listCredentialVaultCredentials",
        "list_credential_vault_credentials",
        ::http::Method::GET,
        "/credential-vault/credentials",
        true,
        false,
    );
    ///`getCredentialVaultCredential`: `GET /credential-vault/credentials/{credential_name}`, idempotent.
    pub static GET_CREDENTIAL_VAULT_CREDENTIAL: Operation = Operation::new(
        "getCredentialVaultCredential",
        "get_credential_vault_credential",
        ::http::Method::GET,
        "/credential-vault/credentials/{credential_name}",
        true,
        false,
    );
    ///`listCredentialVaultBindings`: `GET /credential-vault/bindings`, idempotent.
    pub static LIST_CREDENTIAL_VAULT_BINDINGS: Operation = Operation::new(
        "listCredentialVaultBindings",
        "list_credential_vault_bindings",
        ::http::Method::GET,
        "/credential-vault/bindings",
        true,
        false,
    );
    ///`getCredentialVaultBinding`: `GET /credential-vault/bindings/{binding_name}`, idempotent.
    pub static GET_CREDENTIAL_VAULT_BINDING: Operation = Operation::new(
        "getCredentialVaultBinding",
        "get_credential_vault_binding",
        ::http::Method::GET,
        "/credential-vault/bindings/{binding_name}",
        true,
        false,
    );
    /// Every operation, in the order of the spec.
    pub static OPERATIONS: &[&Operation] = &[
        &GET_POLICY,
        &DELETE_POLICY_RULES,
        &PATCH_POLICY,
        &GET_CREDENTIAL_VAULT,
        &CREATE_CREDENTIAL_VAULT,
        &DELETE_CREDENTIAL_VAULT,
        &PATCH_CREDENTIAL_VAULT,
        &LIST_CREDENTIAL_VAULT_CREDENTIALS,
        &GET_CREDENTIAL_VAULT_CREDENTIAL,
        &LIST_CREDENTIAL_VAULT_BINDINGS,
        &GET_CREDENTIAL_VAULT_BINDING,
    ];
    /// The operation with this operationId (`getSandbox`) or generated method
    /// name (`get_sandbox`).
    pub fn operation(key: &str) -> ::std::option::Option<&'static Operation> {
        match key {
            "getPolicy" | "get_policy" => ::std::option::Option::Some(&GET_POLICY),
            "deletePolicyRules" | "delete_policy_rules" => {
                ::std::option::Option::Some(&DELETE_POLICY_RULES)
            }
            "patchPolicy" | "patch_policy" => ::std::option::Option::Some(&PATCH_POLICY),
            "getCredentialVault" | "get_credential_vault" => {
                ::std::option::Option::Some(&GET_CREDENTIAL_VAULT)
            }
            "createCredentialVault" | "create_credential_vault" => {
                ::std::option::Option::Some(&CREATE_CREDENTIAL_VAULT)
            }
            "deleteCredentialVault" | "delete_credential_vault" => {
                ::std::option::Option::Some(&DELETE_CREDENTIAL_VAULT)
            }
            "patchCredentialVault" | "patch_credential_vault" => {
                ::std::option::Option::Some(&PATCH_CREDENTIAL_VAULT)
            }
            "listCredentialVaultCredentials" | "list_credential_vault_credentials" => {
                ::std::option::Option::Some(&LIST_CREDENTIAL_VAULT_CREDENTIALS)
            }
            "getCredentialVaultCredential" | "get_credential_vault_credential" => {
                ::std::option::Option::Some(&GET_CREDENTIAL_VAULT_CREDENTIAL)
            }
            "listCredentialVaultBindings" | "list_credential_vault_bindings" => {
                ::std::option::Option::Some(&LIST_CREDENTIAL_VAULT_BINDINGS)
            }
            "getCredentialVaultBinding" | "get_credential_vault_binding" => {
                ::std::option::Option::Some(&GET_CREDENTIAL_VAULT_BINDING)
            }
            _ => ::std::option::Option::None,
        }
    }
}
pub use operations::{OPERATIONS, operation};
