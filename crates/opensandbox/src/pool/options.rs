//! How a pool behaves: [`PoolOptions`] (built and checked by [`PoolOptionsBuilder`]),
//! [`AcquirePolicy`] and [`AcquireOptions`].

use std::fmt;
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use futures::future::BoxFuture;

use super::error::{PoolError, PoolResult};
use super::sandboxes;
use crate::sandbox::{Sandbox, SandboxCreateOptions};

/// The largest `max_idle` a pool accepts.
pub const MAX_IDLE_LIMIT: usize = 10_000;

/// The most idle sandboxes one acquire may try.
pub const MAX_ACQUIRE_ATTEMPTS: usize = 100;

/// A step run on a sandbox: the preparer (setup in a new sandbox) or the health check.
pub type SandboxHook = Arc<dyn Fn(Sandbox) -> BoxFuture<'static, crate::Result<()>> + Send + Sync>;

/// What `acquire` does when no idle sandbox is there, or the one taken is unhealthy or
/// about to expire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum AcquirePolicy {
    /// Try one idle sandbox; fail when there is none or it is unusable.
    FailFast,
    /// Try one idle sandbox; create a new one when there is none or it is unusable.
    #[default]
    DirectCreate,
    /// Try up to [`PoolOptionsBuilder::max_acquire_attempts`] idle sandboxes, then fail.
    RetryNextIdle,
    /// Try up to [`PoolOptionsBuilder::max_acquire_attempts`] idle sandboxes, then create.
    RetryNextIdleThenCreate,
}

impl AcquirePolicy {
    pub(crate) fn attempts(self, max: usize) -> usize {
        match self {
            AcquirePolicy::RetryNextIdle | AcquirePolicy::RetryNextIdleThenCreate => max,
            _ => 1,
        }
    }

    pub(crate) fn creates(self) -> bool {
        matches!(
            self,
            AcquirePolicy::DirectCreate | AcquirePolicy::RetryNextIdleThenCreate
        )
    }
}

/// Per-call settings of [`Pool::acquire_with`](super::Pool::acquire_with).
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct AcquireOptions {
    /// The policy of this call (default: the pool's).
    pub policy: Option<AcquirePolicy>,
    /// The lifetime the handed-out sandbox is renewed to (default: the pool's).
    pub timeout: Option<Duration>,
}

impl AcquireOptions {
    /// The pool's defaults.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Uses `policy` for this call.
    #[must_use]
    pub fn policy(mut self, policy: AcquirePolicy) -> Self {
        self.policy = Some(policy);
        self
    }

    /// Renews the handed-out sandbox to live `timeout` from now.
    #[must_use]
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }
}

/// The checked settings of a pool; make one with [`PoolOptions::builder`].
#[derive(Clone)]
#[non_exhaustive]
pub struct PoolOptions {
    pub(crate) name: String,
    pub(crate) spec: SandboxCreateOptions,
    pub(crate) max_idle: usize,
    pub(crate) idle_ttl: Duration,
    pub(crate) min_remaining: Duration,
    pub(crate) policy: AcquirePolicy,
    pub(crate) max_attempts: usize,
    pub(crate) handout_timeout: Option<Duration>,
    pub(crate) lease_ttl: Duration,
    pub(crate) lease_renew: Duration,
    pub(crate) reconcile_interval: Duration,
    pub(crate) create_rate: f64,
    pub(crate) create_concurrency: usize,
    pub(crate) degraded_threshold: u32,
    pub(crate) backoff_base: Duration,
    pub(crate) backoff_max: Duration,
    pub(crate) drain_timeout: Duration,
    pub(crate) owner: String,
    pub(crate) preparer: Option<SandboxHook>,
    pub(crate) health_check: Option<SandboxHook>,
}

impl fmt::Debug for PoolOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PoolOptions")
            .field("name", &self.name)
            .field("spec", &self.spec)
            .field("max_idle", &self.max_idle)
            .field("idle_ttl", &self.idle_ttl)
            .field("min_remaining", &self.min_remaining)
            .field("policy", &self.policy)
            .field("max_attempts", &self.max_attempts)
            .field("handout_timeout", &self.handout_timeout)
            .field("lease_ttl", &self.lease_ttl)
            .field("lease_renew", &self.lease_renew)
            .field("reconcile_interval", &self.reconcile_interval)
            .field("create_rate", &self.create_rate)
            .field("create_concurrency", &self.create_concurrency)
            .field("degraded_threshold", &self.degraded_threshold)
            .field("backoff", &(self.backoff_base, self.backoff_max))
            .field("drain_timeout", &self.drain_timeout)
            .field("owner", &self.owner)
            .field("preparer", &self.preparer.is_some())
            .field("health_check", &self.health_check.is_some())
            .finish()
    }
}

impl PoolOptions {
    /// Starts the settings of pool `name`, whose idle sandboxes are made from `spec`.
    pub fn builder(name: impl Into<String>, spec: SandboxCreateOptions) -> PoolOptionsBuilder {
        PoolOptionsBuilder {
            name: name.into(),
            spec,
            max_idle: 4,
            idle_ttl: None,
            min_remaining: None,
            policy: AcquirePolicy::default(),
            max_attempts: 3,
            handout_timeout: None,
            lease_ttl: Duration::from_secs(30),
            lease_renew: None,
            reconcile_interval: Duration::from_secs(1),
            create_rate: 10.0,
            create_concurrency: 8,
            degraded_threshold: 3,
            backoff_base: Duration::from_millis(500),
            backoff_max: Duration::from_secs(30),
            drain_timeout: Duration::from_secs(30),
            owner: None,
            preparer: None,
            health_check: None,
        }
    }

    /// The pool's name.
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The idle target at start.
    #[must_use]
    pub fn max_idle(&self) -> usize {
        self.max_idle
    }

    /// This instance's owner id (in leases).
    #[must_use]
    pub fn owner(&self) -> &str {
        &self.owner
    }
}

/// Builds [`PoolOptions`]; [`build`](Self::build) checks every value.
#[must_use]
pub struct PoolOptionsBuilder {
    name: String,
    spec: SandboxCreateOptions,
    max_idle: usize,
    idle_ttl: Option<Duration>,
    min_remaining: Option<Duration>,
    policy: AcquirePolicy,
    max_attempts: usize,
    handout_timeout: Option<Duration>,
    lease_ttl: Duration,
    lease_renew: Option<Duration>,
    reconcile_interval: Duration,
    create_rate: f64,
    create_concurrency: usize,
    degraded_threshold: u32,
    backoff_base: Duration,
    backoff_max: Duration,
    drain_timeout: Duration,
    owner: Option<String>,
    preparer: Option<SandboxHook>,
    health_check: Option<SandboxHook>,
}

impl fmt::Debug for PoolOptionsBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PoolOptionsBuilder")
            .field("name", &self.name)
            .finish_non_exhaustive()
    }
}

fn hook<F, Fut>(f: F) -> SandboxHook
where
    F: Fn(Sandbox) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = crate::Result<()>> + Send + 'static,
{
    Arc::new(move |s| Box::pin(f(s)))
}

impl PoolOptionsBuilder {
    /// How many idle, ready sandboxes to keep (1 to [`MAX_IDLE_LIMIT`]; default 4).
    pub fn max_idle(mut self, n: usize) -> Self {
        self.max_idle = n;
        self
    }

    /// How long a sandbox stays idle before it is reaped (default: the spec's timeout,
    /// or 24 h without one). At most the spec's timeout.
    pub fn idle_ttl(mut self, ttl: Duration) -> Self {
        self.idle_ttl = Some(ttl);
        self
    }

    /// Idle sandboxes with less remaining idle life than this are not handed out
    /// (default: the smaller of 60 s and half the idle TTL). Below the idle TTL.
    pub fn min_remaining(mut self, d: Duration) -> Self {
        self.min_remaining = Some(d);
        self
    }

    /// The default acquire policy (default [`AcquirePolicy::DirectCreate`]).
    pub fn policy(mut self, policy: AcquirePolicy) -> Self {
        self.policy = policy;
        self
    }

    /// How many idle sandboxes the retrying policies try (1 to
    /// [`MAX_ACQUIRE_ATTEMPTS`]; default 3).
    pub fn max_acquire_attempts(mut self, n: usize) -> Self {
        self.max_attempts = n;
        self
    }

    /// The lifetime a handed-out sandbox is renewed to (default: the spec's timeout; no
    /// renewal when the spec has none).
    pub fn handout_timeout(mut self, timeout: Duration) -> Self {
        self.handout_timeout = Some(timeout);
        self
    }

    /// How long the primary lease lasts without renewal (default 30 s).
    pub fn lease_ttl(mut self, ttl: Duration) -> Self {
        self.lease_ttl = ttl;
        self
    }

    /// How often the primary renews its lease (default a third of the lease TTL; must
    /// be shorter than it).
    pub fn lease_renew_interval(mut self, interval: Duration) -> Self {
        self.lease_renew = Some(interval);
        self
    }

    /// How often the pool reconciles (reap, top up) when nothing wakes it (default 1 s).
    pub fn reconcile_interval(mut self, interval: Duration) -> Self {
        self.reconcile_interval = interval;
        self
    }

    /// At most this many creations start per second (default 10).
    pub fn create_rate(mut self, per_second: f64) -> Self {
        self.create_rate = per_second;
        self
    }

    /// At most this many creations run at once (1 to 1024; default 8).
    pub fn create_concurrency(mut self, n: usize) -> Self {
        self.create_concurrency = n;
        self
    }

    /// After this many creation failures in a row the pool is degraded (default 3).
    pub fn degraded_threshold(mut self, n: u32) -> Self {
        self.degraded_threshold = n;
        self
    }

    /// The backoff after failed creations: `base` doubled per failure in a row, at most
    /// `max` (defaults 500 ms and 30 s).
    pub fn backoff(mut self, base: Duration, max: Duration) -> Self {
        self.backoff_base = base;
        self.backoff_max = max;
        self
    }

    /// How long `destroy` waits for creations in flight (default 30 s).
    pub fn drain_timeout(mut self, timeout: Duration) -> Self {
        self.drain_timeout = timeout;
        self
    }

    /// The owner id in leases (default: host, process id and a random part).
    pub fn owner(mut self, owner: impl Into<String>) -> Self {
        self.owner = Some(owner.into());
        self
    }

    /// Setup run in each new sandbox before it counts as idle.
    pub fn preparer<F, Fut>(mut self, f: F) -> Self
    where
        F: Fn(Sandbox) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = crate::Result<()>> + Send + 'static,
    {
        self.preparer = Some(hook(f));
        self
    }

    /// The health check run before a sandbox counts as idle and before it is handed out
    /// (default: execd answers ping).
    pub fn health_check<F, Fut>(mut self, f: F) -> Self
    where
        F: Fn(Sandbox) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = crate::Result<()>> + Send + 'static,
    {
        self.health_check = Some(hook(f));
        self
    }

    /// Checks the settings.
    ///
    /// # Errors
    ///
    /// [`PoolError::InvalidOptions`] naming the setting: a blank name, `max_idle` 0 or
    /// over [`MAX_IDLE_LIMIT`], a zero or non-finite duration or rate, an idle TTL over
    /// the spec's timeout, a minimum remaining life not below the idle TTL, a lease
    /// renewal interval not below the lease TTL, a creation spec that cannot be sent.
    pub fn build(self) -> PoolResult<PoolOptions> {
        let bad = |m: String| Err(PoolError::InvalidOptions(m));
        if self.name.trim().is_empty() {
            return bad("the pool name is blank".into());
        }
        if self.name.len() > 256 || self.name.chars().any(char::is_control) {
            return bad(
                "the pool name must be at most 256 bytes without control characters".into(),
            );
        }
        if self.max_idle == 0 || self.max_idle > MAX_IDLE_LIMIT {
            return bad(format!(
                "max_idle must be 1 to {MAX_IDLE_LIMIT}, not {}",
                self.max_idle
            ));
        }
        if self.max_attempts == 0 || self.max_attempts > MAX_ACQUIRE_ATTEMPTS {
            return bad(format!(
                "max_acquire_attempts must be 1 to {MAX_ACQUIRE_ATTEMPTS}, not {}",
                self.max_attempts
            ));
        }
        sandboxes::check_spec(&self.spec)
            .map_err(|e| PoolError::InvalidOptions(format!("the creation spec: {e}")))?;
        let spec_timeout = sandboxes::spec_timeout(&self.spec);
        let idle_ttl = self
            .idle_ttl
            .unwrap_or(spec_timeout.unwrap_or(Duration::from_secs(24 * 3600)));
        for (what, d) in [
            ("idle_ttl", idle_ttl),
            ("lease_ttl", self.lease_ttl),
            ("reconcile_interval", self.reconcile_interval),
            ("drain_timeout", self.drain_timeout),
            ("backoff base", self.backoff_base),
        ] {
            if d.is_zero() {
                return bad(format!("{what} must not be zero"));
            }
        }
        if self.backoff_max < self.backoff_base {
            return bad("the backoff maximum is below its base".into());
        }
        if let Some(t) = spec_timeout
            && idle_ttl > t
        {
            return bad(format!(
                "idle_ttl {idle_ttl:?} is longer than the sandboxes' timeout {t:?}: they would die while idle"
            ));
        }
        let min_remaining = self
            .min_remaining
            .unwrap_or_else(|| (idle_ttl / 2).min(Duration::from_secs(60)));
        if min_remaining >= idle_ttl {
            return bad(format!(
                "min_remaining {min_remaining:?} must be below idle_ttl {idle_ttl:?}, or no idle sandbox could be handed out"
            ));
        }
        let lease_renew = self.lease_renew.unwrap_or(self.lease_ttl / 3);
        if lease_renew.is_zero() || lease_renew >= self.lease_ttl {
            return bad(format!(
                "the lease renewal interval {lease_renew:?} must be above zero and below the lease TTL {:?}",
                self.lease_ttl
            ));
        }
        if !(self.create_rate.is_finite() && self.create_rate > 0.0) {
            return bad(format!(
                "create_rate must be a positive number, not {}",
                self.create_rate
            ));
        }
        if self.create_concurrency == 0 || self.create_concurrency > 1024 {
            return bad(format!(
                "create_concurrency must be 1 to 1024, not {}",
                self.create_concurrency
            ));
        }
        if self.degraded_threshold == 0 {
            return bad("degraded_threshold must be at least 1".into());
        }
        if let Some(t) = self.handout_timeout
            && t.is_zero()
        {
            return bad("handout_timeout must not be zero".into());
        }
        let owner = match self.owner {
            Some(o) if o.trim().is_empty() => return bad("the owner id is blank".into()),
            Some(o) => o,
            None => default_owner(),
        };
        Ok(PoolOptions {
            handout_timeout: self.handout_timeout.or(spec_timeout),
            name: self.name,
            spec: self.spec,
            max_idle: self.max_idle,
            idle_ttl,
            min_remaining,
            policy: self.policy,
            max_attempts: self.max_attempts,
            lease_ttl: self.lease_ttl,
            lease_renew,
            reconcile_interval: self.reconcile_interval,
            create_rate: self.create_rate,
            create_concurrency: self.create_concurrency,
            degraded_threshold: self.degraded_threshold,
            backoff_base: self.backoff_base,
            backoff_max: self.backoff_max,
            drain_timeout: self.drain_timeout,
            owner,
            preparer: self.preparer,
            health_check: self.health_check,
        })
    }
}

fn default_owner() -> String {
    let host = std::env::var("HOSTNAME").unwrap_or_else(|_| "host".into());
    format!("{host}-{}-{:016x}", std::process::id(), fastrand::u64(..))
}
