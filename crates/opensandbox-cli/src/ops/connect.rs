//! The connection: resolved settings turned into the SDK's configuration, and handles
//! to the lifecycle API and to one sandbox.

use std::time::Duration;

use opensandbox::{ClientOptions, ConnectOptions, ConnectionConfig, Sandbox, SandboxManager};

use super::OpResult;
use crate::settings::Resolved;

/// A configured connection to an OpenSandbox deployment.
#[derive(Clone)]
pub struct Conn {
    config: ConnectionConfig,
}

impl Conn {
    /// The connection the settings describe (checked: a bad domain or protocol is a
    /// usage error before anything is sent).
    pub fn new(settings: &Resolved) -> OpResult<Self> {
        let mut config = ConnectionConfig::new();
        if let Some(d) = &settings.domain.value {
            config = config.domain(d.clone());
        }
        if let Some(k) = &settings.api_key.value {
            config = config.api_key(k.clone());
        }
        if let Some(p) = &settings.protocol.value {
            config = config.protocol(p.clone());
        }
        if let Some(on) = settings.server_proxy.value {
            config = config.server_proxy(on);
        }
        if let Some(secs) = settings.request_timeout.value {
            config =
                config.options(ClientOptions::new().request_timeout(Duration::from_secs(secs)));
        }
        config.lifecycle_base_url()?;
        Ok(Conn { config })
    }

    /// The SDK configuration (for the adapters).
    pub(crate) fn config(&self) -> &ConnectionConfig {
        &self.config
    }

    /// A manager for lifecycle calls.
    pub(crate) fn manager(&self) -> OpResult<SandboxManager> {
        Ok(SandboxManager::new(&self.config)?)
    }

    /// A handle to sandbox `id` (its execd endpoint resolved; no readiness wait).
    pub(crate) async fn sandbox(&self, id: &str) -> OpResult<Sandbox> {
        let options = ConnectOptions::new().health_check(false);
        Ok(Sandbox::connect_with(&self.config, id, options).await?)
    }
}
