//! What a new sandbox looks like ([`SandboxCreateOptions`]) and how long to wait for it.

use std::collections::BTreeMap;
use std::fmt;
use std::time::Duration;

use crate::error::{Error, Result};
use crate::lifecycle::types as lt;
use crate::model::NetworkPolicy;
use crate::secret::Secret;

use super::volume::{Platform, Volume};

/// The entrypoint of image-based sandboxes when none is given: keeps the sandbox alive
/// and idle.
pub const DEFAULT_ENTRYPOINT: [&str; 3] = ["tail", "-f", "/dev/null"];

/// The resource limits of a new sandbox when none are set (and no pool supplies them).
pub const DEFAULT_RESOURCE_LIMITS: [(&str, &str); 2] = [("cpu", "1"), ("memory", "2Gi")];

/// The extension key naming a pre-provisioned pool.
pub const POOL_REF_EXTENSION: &str = "poolRef";

/// The default lifetime of a new sandbox (after which the server deletes it).
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10 * 60);

/// The shortest lifetime the server accepts.
pub const MIN_TIMEOUT: Duration = Duration::from_secs(60);

/// The default limit on waiting for a sandbox to become ready.
pub const DEFAULT_READY_TIMEOUT: Duration = Duration::from_secs(30);

/// The first delay between readiness polls; each next delay is 1.5× longer, up to 2 s.
/// Starting small keeps a fast start fast at the price of a few cheap requests.
pub const DEFAULT_POLL_INTERVAL: Duration = Duration::from_millis(50);

/// Where a new sandbox comes from.
#[derive(Clone, PartialEq, Eq)]
enum Source {
    Image {
        uri: String,
        auth: Option<(String, Secret)>,
    },
    Snapshot(String),
    Pool(String),
}

/// A new sandbox ([`Sandbox::create`](super::Sandbox::create)): what to run, with which
/// limits and policies, and how long to wait for it to be ready.
///
/// Defaults: lifetime [`DEFAULT_TIMEOUT`] (10 minutes; [`manual_cleanup`] keeps it until
/// killed), entrypoint [`DEFAULT_ENTRYPOINT`] for images, resource limits
/// [`DEFAULT_RESOURCE_LIMITS`] (1 CPU, 2 GiB; not for pools, whose template supplies
/// them), readiness checked (state
/// `Running`, then execd answers ping) for up to [`DEFAULT_READY_TIMEOUT`], and a
/// sandbox that does not become ready is deleted.
///
/// `Debug` shows neither the registry password nor environment values nor volume
/// details (they may hold secrets).
///
/// [`manual_cleanup`]: SandboxCreateOptions::manual_cleanup
///
/// ```
/// use std::time::Duration;
/// use opensandbox::{NetworkPolicy, SandboxCreateOptions};
/// let options = SandboxCreateOptions::new("python:3.12")
///     .env("MODE", "test")
///     .cpu("500m")
///     .memory("512Mi")
///     .metadata("team", "ml")
///     .timeout(Duration::from_secs(30 * 60))
///     .network_policy(NetworkPolicy::deny_by_default().allow("pypi.org"))
///     .credential_proxy(true);
/// ```
#[derive(Clone)]
#[non_exhaustive]
pub struct SandboxCreateOptions {
    source: Source,
    /// The main process as an argument vector (`[program, arg, …]`).
    pub entrypoint: Vec<String>,
    /// Environment variables.
    pub env: BTreeMap<String, String>,
    /// Resource limits (`cpu`, `memory`, `gpu`, …) as Kubernetes quantities.
    pub resource_limits: BTreeMap<String, String>,
    /// Labels for organising and filtering.
    pub metadata: BTreeMap<String, String>,
    /// Lifetime; `None` keeps the sandbox until it is killed.
    pub timeout: Option<Duration>,
    /// Outbound network policy.
    pub network_policy: Option<NetworkPolicy>,
    /// Start the egress sidecar with the credential proxy (needs a network policy).
    pub credential_proxy: bool,
    /// Protect the sandbox's endpoints with an access token.
    pub secure_access: bool,
    /// Storage to mount.
    pub volumes: Vec<Volume>,
    /// Provider-specific settings passed through unchanged.
    pub extensions: BTreeMap<String, String>,
    /// The platform to run on.
    pub platform: Option<Platform>,
    /// How long to wait for the sandbox to be ready.
    pub ready_timeout: Duration,
    /// Whether readiness includes execd answering ping (default `true`).
    pub health_check: bool,
    /// Whether a sandbox that does not become ready is deleted (default `true`).
    pub delete_on_failure: bool,
    /// The first delay between state polls (default 50 ms; it grows 1.5× per poll to 2 s).
    pub poll_interval: Duration,
}

impl fmt::Debug for SandboxCreateOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut d = f.debug_struct("SandboxCreateOptions");
        match &self.source {
            Source::Image { uri, auth } => {
                d.field("image", uri);
                d.field("image_auth", &auth.as_ref().map(|(user, _)| (user, "***")));
            }
            Source::Snapshot(id) => {
                d.field("snapshot", id);
            }
            Source::Pool(name) => {
                d.field("pool", name);
            }
        }
        d.field("entrypoint", &self.entrypoint)
            .field("env", &self.env.keys().collect::<Vec<_>>())
            .field("resource_limits", &self.resource_limits)
            .field("metadata", &self.metadata)
            .field("timeout", &self.timeout)
            .field("network_policy", &self.network_policy)
            .field("credential_proxy", &self.credential_proxy)
            .field("secure_access", &self.secure_access)
            .field("volumes", &self.volumes)
            .field("extensions", &self.extensions)
            .field("platform", &self.platform)
            .field("ready_timeout", &self.ready_timeout)
            .field("health_check", &self.health_check)
            .field("delete_on_failure", &self.delete_on_failure)
            .field("poll_interval", &self.poll_interval)
            .finish()
    }
}

impl SandboxCreateOptions {
    /// A sandbox from the container image `image` (as for `docker pull`).
    pub fn new(image: impl Into<String>) -> Self {
        Self::with_source(Source::Image {
            uri: image.into(),
            auth: None,
        })
    }

    /// A sandbox restored from the snapshot `snapshot_id`.
    pub fn from_snapshot(snapshot_id: impl Into<String>) -> Self {
        Self::with_source(Source::Snapshot(snapshot_id.into()))
    }

    /// A sandbox from the pre-provisioned pool `pool_ref` (the `poolRef` extension): the
    /// pool's template supplies image, entrypoint and resource limits.
    pub fn from_pool(pool_ref: impl Into<String>) -> Self {
        Self::with_source(Source::Pool(pool_ref.into()))
    }

    fn with_source(source: Source) -> Self {
        SandboxCreateOptions {
            source,
            entrypoint: Vec::new(),
            env: BTreeMap::new(),
            resource_limits: BTreeMap::new(),
            metadata: BTreeMap::new(),
            timeout: Some(DEFAULT_TIMEOUT),
            network_policy: None,
            credential_proxy: false,
            secure_access: false,
            volumes: Vec::new(),
            extensions: BTreeMap::new(),
            platform: None,
            ready_timeout: DEFAULT_READY_TIMEOUT,
            health_check: true,
            delete_on_failure: true,
            poll_interval: DEFAULT_POLL_INTERVAL,
        }
    }

    /// Pulls the image with these registry credentials.
    pub fn image_auth(mut self, username: impl Into<String>, password: impl Into<Secret>) -> Self {
        if let Source::Image { auth, .. } = &mut self.source {
            *auth = Some((username.into(), password.into()));
        }
        self
    }

    /// Sets the main process (`["python", "-m", "http.server"]`).
    pub fn entrypoint<S: Into<String>>(mut self, argv: impl IntoIterator<Item = S>) -> Self {
        self.entrypoint = argv.into_iter().map(Into::into).collect();
        self
    }

    /// Adds an environment variable.
    pub fn env(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.env.insert(name.into(), value.into());
        self
    }

    /// Adds environment variables.
    pub fn envs<K: Into<String>, V: Into<String>>(
        mut self,
        vars: impl IntoIterator<Item = (K, V)>,
    ) -> Self {
        self.env
            .extend(vars.into_iter().map(|(k, v)| (k.into(), v.into())));
        self
    }

    /// Sets a resource limit (`"cpu"`, `"memory"`, `"gpu"`, …).
    pub fn resource_limit(mut self, name: impl Into<String>, quantity: impl Into<String>) -> Self {
        self.resource_limits.insert(name.into(), quantity.into());
        self
    }

    /// Limits CPU (`"500m"`, `"2"`).
    pub fn cpu(self, quantity: impl Into<String>) -> Self {
        self.resource_limit("cpu", quantity)
    }

    /// Limits memory (`"512Mi"`, `"2Gi"`).
    pub fn memory(self, quantity: impl Into<String>) -> Self {
        self.resource_limit("memory", quantity)
    }

    /// Adds a metadata label.
    pub fn metadata(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.metadata.insert(key.into(), value.into());
        self
    }

    /// Deletes the sandbox automatically after `timeout` (at least 60 s; whole seconds).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// Keeps the sandbox until it is killed (no automatic deletion; some Kubernetes
    /// providers refuse this).
    pub fn manual_cleanup(mut self) -> Self {
        self.timeout = None;
        self
    }

    /// Sets the outbound network policy.
    pub fn network_policy(mut self, policy: NetworkPolicy) -> Self {
        self.network_policy = Some(policy);
        self
    }

    /// Starts the egress sidecar with the credential proxy, so that a credential vault
    /// can inject secrets into outbound requests (needs a network policy).
    pub fn credential_proxy(mut self, enabled: bool) -> Self {
        self.credential_proxy = enabled;
        self
    }

    /// Protects the sandbox's endpoints with an access token (the endpoint headers then
    /// carry it; the SDK sends them on every request).
    pub fn secure_access(mut self, enabled: bool) -> Self {
        self.secure_access = enabled;
        self
    }

    /// Mounts a volume.
    pub fn volume(mut self, volume: Volume) -> Self {
        self.volumes.push(volume);
        self
    }

    /// Sets a provider-specific extension (`poolRef`, `access.renew.extend.seconds`, …).
    pub fn extension(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.extensions.insert(key.into(), value.into());
        self
    }

    /// Sets the platform (OS and architecture).
    pub fn platform(mut self, platform: Platform) -> Self {
        self.platform = Some(platform);
        self
    }

    /// Sets how long [`Sandbox::create`](super::Sandbox::create) waits for readiness.
    pub fn ready_timeout(mut self, timeout: Duration) -> Self {
        self.ready_timeout = timeout;
        self
    }

    /// Sets whether readiness includes execd answering ping (default `true`).
    pub fn health_check(mut self, enabled: bool) -> Self {
        self.health_check = enabled;
        self
    }

    /// Sets whether a sandbox that does not become ready is deleted (default `true`).
    pub fn delete_on_failure(mut self, enabled: bool) -> Self {
        self.delete_on_failure = enabled;
        self
    }

    /// Sets the first delay between state polls while waiting (it grows to 2 s).
    pub fn poll_interval(mut self, interval: Duration) -> Self {
        self.poll_interval = interval;
        self
    }

    /// The readiness settings.
    pub(crate) fn readiness(&self) -> super::Readiness {
        super::Readiness {
            timeout: self.ready_timeout,
            health_check: self.health_check,
            poll_interval: self.poll_interval,
        }
    }

    /// The lifecycle API request, validated. It may hold secrets (registry password,
    /// environment): do not log it.
    pub(crate) fn to_request(&self) -> Result<lt::CreateSandboxRequest> {
        let (image, snapshot_id) = match &self.source {
            Source::Image { uri, auth } => {
                if uri.trim().is_empty() {
                    return Err(Error::InvalidInput("the image must not be empty".into()));
                }
                let auth = auth.as_ref().map(|(username, password)| lt::ImageSpecAuth {
                    username: Some(username.clone()),
                    password: Some(password.expose().to_string()),
                });
                (
                    Some(lt::ImageSpec {
                        auth,
                        uri: uri.trim().to_string(),
                    }),
                    None,
                )
            }
            Source::Snapshot(id) => {
                crate::lifecycle::check_id("snapshot id", id)?;
                (None, Some(id.clone()))
            }
            Source::Pool(name) => {
                crate::lifecycle::check_id("pool name", name)?;
                (None, None)
            }
        };
        let mut extensions = self.extensions.clone();
        if let Source::Pool(name) = &self.source {
            extensions.insert(POOL_REF_EXTENSION.to_string(), name.clone());
        }
        let pooled = extensions.contains_key(POOL_REF_EXTENSION);
        if pooled && snapshot_id.is_some() {
            return Err(Error::InvalidInput(
                "a sandbox cannot come from both a snapshot and a pool".into(),
            ));
        }
        let resource_limits = if self.resource_limits.is_empty() && !pooled {
            DEFAULT_RESOURCE_LIMITS
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect()
        } else {
            self.resource_limits.clone()
        };
        let entrypoint = if self.entrypoint.is_empty() && image.is_some() && !pooled {
            DEFAULT_ENTRYPOINT.iter().map(|s| s.to_string()).collect()
        } else {
            self.entrypoint.clone()
        };
        if entrypoint.first().is_some_and(|p| p.trim().is_empty()) {
            return Err(Error::InvalidInput(
                "the entrypoint's program must not be empty".into(),
            ));
        }
        let timeout = match self.timeout {
            None => None,
            Some(t) if t < MIN_TIMEOUT => {
                return Err(Error::InvalidInput(format!(
                    "the sandbox timeout must be at least {MIN_TIMEOUT:?} (got {t:?}); use \
                     manual_cleanup() for no timeout"
                )));
            }
            Some(t) => Some(i64::try_from(t.as_secs()).map_err(|_| {
                Error::InvalidInput(format!("the sandbox timeout {t:?} is too large"))
            })?),
        };
        if self.credential_proxy && self.network_policy.is_none() {
            return Err(Error::InvalidInput(
                "the credential proxy needs a network policy (network_policy(..))".into(),
            ));
        }
        let network_policy = self
            .network_policy
            .as_ref()
            .map(NetworkPolicy::to_lifecycle)
            .transpose()?;
        let volumes = self
            .volumes
            .iter()
            .map(Volume::to_wire)
            .collect::<Result<Vec<_>>>()?;
        let platform = self.platform.as_ref().map(Platform::to_wire).transpose()?;
        for key in self.env.keys() {
            if key.is_empty() || key.contains('=') || key.contains('\0') {
                return Err(Error::InvalidInput(format!(
                    "invalid environment variable name {key:?}"
                )));
            }
        }
        for (k, v) in &resource_limits {
            if k.trim().is_empty() || v.trim().is_empty() {
                return Err(Error::InvalidInput(format!(
                    "invalid resource limit {k:?} = {v:?}"
                )));
            }
        }
        Ok(lt::CreateSandboxRequest {
            credential_proxy: self
                .credential_proxy
                .then_some(lt::CredentialProxyConfig { enabled: true }),
            entrypoint,
            env: self.env.clone().into_iter().collect(),
            extensions: extensions.into_iter().collect(),
            image,
            metadata: self.metadata.clone().into_iter().collect(),
            network_policy,
            platform,
            resource_limits: (!resource_limits.is_empty())
                .then(|| lt::ResourceLimits(resource_limits.into_iter().collect())),
            secure_access: self.secure_access,
            snapshot_id,
            timeout,
            volumes,
        })
    }
}

/// The lifecycle API's request for these options (validated), for callers of the
/// wire layer ([`LifecycleClient::create_sandbox`](crate::api::lifecycle::LifecycleClient::create_sandbox)).
/// It may hold secrets (registry password, environment): do not log it.
impl TryFrom<&SandboxCreateOptions> for lt::CreateSandboxRequest {
    type Error = Error;

    fn try_from(options: &SandboxCreateOptions) -> Result<Self> {
        options.to_request()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_and_wire_shape() {
        let req = SandboxCreateOptions::new("python:3.11")
            .cpu("500m")
            .memory("512Mi")
            .env("A", "1")
            .metadata("team", "ml")
            .network_policy(NetworkPolicy::deny_by_default().allow("api.example.com"))
            .credential_proxy(true)
            .to_request()
            .unwrap();
        let json = serde_json::to_value(&req).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "image": {"uri": "python:3.11"},
                "entrypoint": ["tail", "-f", "/dev/null"],
                "env": {"A": "1"},
                "metadata": {"team": "ml"},
                "resourceLimits": {"cpu": "500m", "memory": "512Mi"},
                "timeout": 600,
                "networkPolicy": {"defaultAction": "deny", "egress": [{"action": "allow", "target": "api.example.com"}]},
                "credentialProxy": {"enabled": true},
                "secureAccess": false
            })
        );
    }

    #[test]
    fn snapshots_manual_cleanup_and_validation() {
        let req = SandboxCreateOptions::from_snapshot("snap-1")
            .manual_cleanup()
            .to_request()
            .unwrap();
        assert_eq!(req.snapshot_id.as_deref(), Some("snap-1"));
        assert!(req.image.is_none());
        assert!(req.entrypoint.is_empty());
        assert_eq!(req.timeout, None);
        assert_eq!(
            serde_json::to_value(&req.resource_limits).unwrap(),
            serde_json::json!({"cpu": "1", "memory": "2Gi"})
        );
        let pooled = SandboxCreateOptions::from_pool("warm")
            .to_request()
            .unwrap();
        assert!(pooled.image.is_none() && pooled.resource_limits.is_none());
        assert!(pooled.entrypoint.is_empty());
        assert_eq!(
            pooled.extensions.get("poolRef").map(String::as_str),
            Some("warm")
        );
        for (opts, msg) in [
            (SandboxCreateOptions::new(" "), "image"),
            (
                SandboxCreateOptions::new("x").timeout(Duration::from_secs(5)),
                "at least",
            ),
            (
                SandboxCreateOptions::new("x").credential_proxy(true),
                "network policy",
            ),
            (
                SandboxCreateOptions::new("x")
                    .network_policy(NetworkPolicy::deny_by_default().allow("https://x.example/")),
                "not a URL",
            ),
        ] {
            let err = opts.to_request().unwrap_err();
            assert!(err.to_string().contains(msg), "{err}");
        }
    }

    #[test]
    fn debug_hides_secrets() {
        let o = SandboxCreateOptions::new("registry.example/private:1")
            .image_auth("bot", "hunter22")
            .env("OPENAI_API_KEY", "sk-very-secret");
        let dbg = format!("{o:?}");
        assert!(
            !dbg.contains("hunter22") && !dbg.contains("sk-very-secret"),
            "{dbg}"
        );
        assert!(dbg.contains("OPENAI_API_KEY"));
    }
}
