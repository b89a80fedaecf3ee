//! The generated request types the builders turn into (defaults filled in, validated).

use super::builders::{
    Binding, BindingAuth, Credential, CredentialVault, CredentialVaultPatch, Scheme,
};
use super::types;
use crate::error::{Error, Result};

impl Scheme {
    pub(super) fn to_wire(self) -> types::CredentialMatchSchemesItem {
        match self {
            Scheme::Https => types::CredentialMatchSchemesItem::Https,
            Scheme::Http => types::CredentialMatchSchemesItem::Http,
        }
    }
}

impl Credential {
    pub(super) fn to_wire(&self) -> types::Credential {
        types::Credential {
            name: self.name.clone(),
            source: types::InlineCredentialSource {
                type_: types::InlineCredentialSourceType::Inline,
                value: self.value.expose().to_string(),
            },
        }
    }
}

impl Binding {
    pub(super) fn to_wire(&self) -> Result<types::CredentialBinding> {
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

impl CredentialVault {
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
}

impl TryFrom<CredentialVault> for types::CredentialVaultCreateRequest {
    type Error = Error;

    fn try_from(value: CredentialVault) -> Result<Self> {
        value.to_request()
    }
}

impl CredentialVaultPatch {
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
}

impl TryFrom<CredentialVaultPatch> for types::CredentialVaultMutationRequest {
    type Error = Error;

    fn try_from(value: CredentialVaultPatch) -> Result<Self> {
        value.to_request()
    }
}
