//! Options of sandbox operations: connecting, resolving endpoints, snapshots.

use std::time::Duration;

use chrono::{DateTime, Utc};

use super::create::DEFAULT_READY_TIMEOUT;
use crate::api::lifecycle::types as lt;
use crate::error::{Error, Result};

/// Options for [`Sandbox::connect_with`](super::Sandbox::connect_with) and
/// [`Sandbox::resume_with`](super::Sandbox::resume_with).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ConnectOptions {
    /// Wait until the sandbox is `Running` and execd answers ping (default `true`).
    pub health_check: bool,
    /// How long to wait for that (default [`DEFAULT_READY_TIMEOUT`]).
    pub ready_timeout: Duration,
}

impl Default for ConnectOptions {
    fn default() -> Self {
        ConnectOptions {
            health_check: true,
            ready_timeout: DEFAULT_READY_TIMEOUT,
        }
    }
}

impl ConnectOptions {
    /// The defaults.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets whether to check health.
    #[must_use]
    pub fn health_check(mut self, enabled: bool) -> Self {
        self.health_check = enabled;
        self
    }

    /// Sets how long to wait for health.
    #[must_use]
    pub fn ready_timeout(mut self, timeout: Duration) -> Self {
        self.ready_timeout = timeout;
        self
    }
}

/// Options for [`Sandbox::endpoint_with`](super::Sandbox::endpoint_with).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct EndpointOptions {
    /// Route through the lifecycle server instead of the sandbox's own address;
    /// `None` follows the connection config.
    pub server_proxy: Option<bool>,
    /// Ask for a signed endpoint valid until this time (no headers needed to use it).
    pub signed_until: Option<DateTime<Utc>>,
}

impl EndpointOptions {
    /// The defaults: as the connection config says, unsigned.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Routes through the lifecycle server (`true`) or not (`false`).
    #[must_use]
    pub fn server_proxy(mut self, on: bool) -> Self {
        self.server_proxy = Some(on);
        self
    }

    /// Asks for a signed endpoint valid until `expires`.
    #[must_use]
    pub fn signed_until(mut self, expires: DateTime<Utc>) -> Self {
        self.signed_until = Some(expires);
        self
    }
}

/// Options for [`Sandbox::snapshot`](super::Sandbox::snapshot).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct SnapshotOptions {
    /// A name for the snapshot.
    pub name: Option<String>,
}

impl SnapshotOptions {
    /// No name.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Names the snapshot.
    #[must_use]
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// The lifecycle API's request; a name the API refuses is `InvalidInput`.
    pub(crate) fn to_request(&self) -> Result<lt::CreateSnapshotRequest> {
        let name = self
            .name
            .as_deref()
            .map(|n| {
                n.parse()
                    .map_err(|e| Error::InvalidInput(format!("snapshot name {n:?}: {e}")))
            })
            .transpose()?;
        Ok(lt::CreateSnapshotRequest { name })
    }
}
