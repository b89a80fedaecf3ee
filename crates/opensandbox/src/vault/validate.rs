//! Checks run before anything is sent: names, hosts, ports, paths, methods, header
//! names, duplicates, and that every credential a binding uses is defined.

use std::collections::BTreeSet;

use super::MAX_NAME_LEN;
use super::builders::{Binding, BindingAuth, Credential, CredentialVault, CredentialVaultPatch};
use crate::error::{Error, Result};

impl Credential {
    pub(super) fn validate(&self) -> Result<()> {
        check_name("credential", &self.name)?;
        if self.value.is_empty() {
            return Err(Error::InvalidInput(format!(
                "credential {:?} has an empty value",
                self.name
            )));
        }
        Ok(())
    }
}

impl Binding {
    pub(super) fn validate(&self) -> Result<()> {
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
}

impl CredentialVault {
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
}

impl CredentialVaultPatch {
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
