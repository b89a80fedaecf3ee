//! A pool of warm, ready sandboxes: [`Pool`].
//!
//! A named pool keeps up to `max_idle` idle sandboxes made from one creation spec, so
//! [`Pool::acquire`] hands one out in milliseconds instead of waiting for a create. Its
//! state lives in a [`PoolStore`]: [`InMemoryPoolStore`] for one process, or (feature
//! `redis`) `RedisPoolStore` for any number of processes and machines sharing one pool.
//!
//! - **At most once.** Taking an idle sandbox is one atomic store step that removes it,
//!   so it is handed to one caller, ever, across every process.
//! - **One primary.** One instance at a time holds the pool's lease and replenishes:
//!   it reaps expired idle sandboxes (killing them) and creates new ones up to
//!   `max_idle`, bounded by a creation rate and a concurrency limit, backing off when
//!   creation keeps failing ([`PoolState::Degraded`], with the server's message in
//!   [`PoolStatus::last_error`]). When the primary dies, another instance takes the lease
//!   over once it lapses.
//! - **Fencing.** Every lease carries a token that grows with every change of primary;
//!   the store refuses every put and reap made under a lease that is not the current
//!   one, so a primary that was paused past its lease cannot write after a successor
//!   took over. Sandboxes whose put was refused are killed.
//! - **Destroy** stops replenishing, waits for creations in flight (up to the drain
//!   timeout), kills every idle sandbox and removes the pool's state from the store.
//!
//! Tracing: spans `pool.acquire`, `pool.create` and `pool.reconcile`; counters in
//! [`Pool::status`] and [`Pool::counters`] (per instance) to export.
//!
//! Not covered: an idle sandbox the store forgets (Redis restarted without persistence,
//! or a process killed between creating a sandbox and recording it) is not killed by the
//! pool; it lives until its server-side timeout (the creation spec's) and carries the
//! [`POOL_LABEL`] metadata label (when the pool name is a valid label value) so it can be
//! found.
//!
//! ```no_run
//! use std::time::Duration;
//! use opensandbox::pool::{Pool, PoolOptions};
//! use opensandbox::{ConnectionConfig, SandboxCreateOptions};
//!
//! # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
//! let config = ConnectionConfig::from_env()?;
//! let options = PoolOptions::builder("agents", SandboxCreateOptions::new("python:3.12"))
//!     .max_idle(4)
//!     .build()?;
//! let pool = Pool::in_memory(&config, options).await?;
//! let sandbox = pool.acquire().await?;
//! sandbox.commands().run("echo hi").await?;
//! sandbox.kill().await?;
//! pool.destroy().await?;
//! # Ok(()) }
//! ```

mod error;
mod memory;
mod options;
#[cfg(feature = "redis")]
mod redis_scripts;
#[cfg(feature = "redis")]
mod redis_store;
mod replenish;
mod sandboxes;
mod status;
mod store;

use std::sync::atomic::{AtomicU8, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use tokio::sync::{Notify, watch};
use tracing::Instrument;

use crate::connection::ConnectionConfig;
use crate::sandbox::Sandbox;

pub use error::{PoolError, PoolResult};
pub use memory::InMemoryPoolStore;
pub use options::{
    AcquireOptions, AcquirePolicy, MAX_ACQUIRE_ATTEMPTS, MAX_IDLE_LIMIT, PoolOptions,
    PoolOptionsBuilder, SandboxHook,
};
#[cfg(feature = "redis")]
pub use redis_store::{DEFAULT_KEY_PREFIX, RedisPoolStore};
pub use sandboxes::POOL_LABEL;
pub use status::{PoolCounters, PoolState, PoolStatus};
pub use store::{Lease, PoolStore, PoolView, PutOutcome, StoreFuture, Taken};

use status::{Counters, bump};

const RUNNING: u8 = 0;
const DRAINING: u8 = 1;
const STOPPED: u8 = 2;

/// A warm pool of sandboxes. See the [module documentation](self).
///
/// Dropping it stops its replenisher (and gives up the lease); idle sandboxes stay in
/// the store for other instances. [`Pool::destroy`] removes everything.
#[derive(Debug)]
pub struct Pool {
    shared: Arc<Shared>,
    stop: watch::Sender<bool>,
    task: Mutex<Option<tokio::task::JoinHandle<()>>>,
}

/// What [`Pool::destroy`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct DestroyReport {
    /// Idle sandboxes killed.
    pub killed_idle: usize,
    /// Idle sandboxes whose kill failed (id and error); they live until their timeout.
    pub kill_failures: Vec<(String, String)>,
    /// Creations still running when the drain timeout passed; each kills its sandbox
    /// when it finishes, since the store refuses it.
    pub still_creating: usize,
}

#[derive(Debug)]
pub(crate) struct Shared {
    config: ConnectionConfig,
    options: PoolOptions,
    store: Arc<dyn PoolStore>,
    lease: Mutex<Option<Lease>>,
    max_idle: AtomicUsize,
    in_flight: AtomicUsize,
    state: AtomicU8,
    health: Mutex<Health>,
    counters: Counters,
    wake: Notify,
    drained: Notify,
}

#[derive(Debug, Default)]
struct Health {
    consecutive_failures: u32,
    last_error: Option<String>,
    backoff_until: Option<Instant>,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl Shared {
    fn name(&self) -> &str {
        &self.options.name
    }

    fn current_lease(&self) -> Option<Lease> {
        lock(&self.lease).clone()
    }

    fn store_error(&self, e: &PoolError) {
        bump(&self.counters.store_errors);
        lock(&self.health).last_error = Some(e.to_string());
    }

    /// Kills sandboxes in the background, counting failures.
    fn kill_later(self: &Arc<Self>, ids: Vec<String>) {
        if ids.is_empty() {
            return;
        }
        let shared = self.clone();
        tokio::spawn(async move {
            for id in ids {
                if let Err(e) = sandboxes::kill_id(&shared.config, &id).await {
                    bump(&shared.counters.kill_failed);
                    tracing::warn!(pool = %shared.name(), sandbox = %id, error = %e, "could not kill a pooled sandbox");
                }
            }
        });
    }
}

impl Pool {
    /// Starts a pool whose state lives in `store`: checks that the store answers, and
    /// starts the replenisher in the background (a Tokio runtime is needed).
    ///
    /// When the store has no `max_idle` for the pool yet, this instance's is written;
    /// otherwise the stored one (set by another instance or by [`Pool::resize`]) rules.
    ///
    /// # Errors
    ///
    /// [`PoolError::Store`] when the store cannot be reached, [`PoolError::Destroyed`]
    /// when the store says the pool is being destroyed, [`PoolError::Sandbox`] when the
    /// HTTP client cannot be built from `config`.
    pub async fn start(
        config: &ConnectionConfig,
        options: PoolOptions,
        store: impl PoolStore,
    ) -> PoolResult<Pool> {
        let store: Arc<dyn PoolStore> = Arc::new(store);
        let name = options.name.clone();
        if store.is_destroying(&name).await? {
            return Err(PoolError::Destroyed(name));
        }
        let max_idle = match store.max_idle(&name).await? {
            Some(n) => n,
            None => {
                store.set_max_idle(&name, options.max_idle).await?;
                options.max_idle
            }
        };
        let config = sandboxes::shared_config(config)?;
        let shared = Arc::new(Shared {
            config,
            max_idle: AtomicUsize::new(max_idle),
            options,
            store,
            lease: Mutex::new(None),
            in_flight: AtomicUsize::new(0),
            state: AtomicU8::new(RUNNING),
            health: Mutex::new(Health::default()),
            counters: Counters::default(),
            wake: Notify::new(),
            drained: Notify::new(),
        });
        let (stop, stopped) = watch::channel(false);
        let task = tokio::spawn(replenish::run(shared.clone(), stopped));
        Ok(Pool {
            shared,
            stop,
            task: Mutex::new(Some(task)),
        })
    }

    /// [`Pool::start`] with a new [`InMemoryPoolStore`].
    ///
    /// # Errors
    ///
    /// As [`Pool::start`] (an in-memory store always answers).
    pub async fn in_memory(config: &ConnectionConfig, options: PoolOptions) -> PoolResult<Pool> {
        Self::start(config, options, InMemoryPoolStore::new()).await
    }

    /// The pool's name.
    pub fn name(&self) -> &str {
        self.shared.name()
    }

    /// Hands out a ready sandbox with the pool's [`AcquirePolicy`]: an idle one (checked
    /// and renewed to the hand-out timeout) or, as the policy allows, a new one. The
    /// caller owns it: kill it when done.
    ///
    /// # Errors
    ///
    /// [`PoolError::Exhausted`] when the policy does not create and no idle sandbox
    /// could be used; [`PoolError::Store`] when the store cannot be reached;
    /// [`PoolError::Sandbox`] when creating directly fails; [`PoolError::Destroyed`].
    pub async fn acquire(&self) -> PoolResult<Sandbox> {
        self.acquire_with(AcquireOptions::default()).await
    }

    /// [`Pool::acquire`] with a per-call policy or hand-out timeout.
    ///
    /// # Errors
    ///
    /// As [`Pool::acquire`]; [`PoolError::InvalidOptions`] for a zero timeout.
    pub async fn acquire_with(&self, options: AcquireOptions) -> PoolResult<Sandbox> {
        let span = tracing::info_span!("pool.acquire", pool = %self.name());
        let result = self.acquire_inner(options).instrument(span).await;
        if result.is_err() {
            bump(&self.shared.counters.acquire_failed);
        }
        result
    }

    async fn acquire_inner(&self, options: AcquireOptions) -> PoolResult<Sandbox> {
        let s = &self.shared;
        if s.state.load(Ordering::Acquire) != RUNNING {
            return Err(PoolError::Destroyed(s.name().to_string()));
        }
        if options.timeout.is_some_and(|t| t.is_zero()) {
            return Err(PoolError::InvalidOptions(
                "the acquire timeout must not be zero".into(),
            ));
        }
        let policy = options.policy.unwrap_or(s.options.policy);
        let timeout = options.timeout.or(s.options.handout_timeout);
        let mut attempts = 0;
        let mut last_error = None;
        for _ in 0..policy.attempts(s.options.max_attempts) {
            let taken = match s.store.take_idle(s.name(), s.options.min_remaining).await {
                Ok(t) => t,
                Err(e) => {
                    s.store_error(&e);
                    return Err(e);
                }
            };
            s.wake.notify_one();
            for _ in &taken.discarded {
                bump(&s.counters.discarded);
            }
            s.kill_later(taken.discarded);
            let Some(id) = taken.sandbox_id else { break };
            attempts += 1;
            match self.checkout(&id, timeout).await {
                Ok(sandbox) => {
                    bump(&s.counters.acquired_idle);
                    tracing::debug!(sandbox = %id, "handed out an idle sandbox");
                    return Ok(sandbox);
                }
                Err(e) => {
                    bump(&s.counters.unhealthy);
                    tracing::warn!(sandbox = %id, error = %e, "idle sandbox unusable; killing it");
                    last_error = Some(format!("sandbox {id}: {e}"));
                    s.kill_later(vec![id]);
                }
            }
        }
        if policy.creates() {
            let spec = sandboxes::direct_spec(&s.options.spec, timeout);
            let sandbox = sandboxes::create(&s.config, spec).await?;
            bump(&s.counters.acquired_created);
            return Ok(sandbox);
        }
        Err(PoolError::Exhausted {
            pool: s.name().to_string(),
            attempts,
            last_error,
        })
    }

    /// Connects to an idle sandbox, checks its health and renews it.
    async fn checkout(&self, id: &str, timeout: Option<Duration>) -> crate::Result<Sandbox> {
        let s = &self.shared;
        let sandbox = sandboxes::connect(&s.config, id).await?;
        // The check and the renewal at once (one round trip less); when the check fails,
        // the renewed sandbox is killed all the same.
        let check = async {
            match &s.options.health_check {
                Some(check) => check(sandbox.clone()).await,
                None => sandboxes::ping(&sandbox).await,
            }
        };
        let renew = async {
            match timeout {
                Some(t) => sandboxes::renew(&sandbox, t).await,
                None => Ok(()),
            }
        };
        let (checked, renewed) = tokio::join!(check, renew);
        checked?;
        renewed?;
        Ok(sandbox)
    }

    /// Changes the idle target of the pool (for every instance sharing the store) to
    /// `max_idle`, 0 to [`MAX_IDLE_LIMIT`]; 0 stops warming. Extra idle sandboxes are
    /// not killed: acquires use them up, and they expire.
    ///
    /// # Errors
    ///
    /// [`PoolError::InvalidOptions`] over the limit; [`PoolError::Store`];
    /// [`PoolError::Destroyed`].
    pub async fn resize(&self, max_idle: usize) -> PoolResult<()> {
        if max_idle > MAX_IDLE_LIMIT {
            return Err(PoolError::InvalidOptions(format!(
                "max_idle must be 0 to {MAX_IDLE_LIMIT}, not {max_idle}"
            )));
        }
        let s = &self.shared;
        if s.state.load(Ordering::Acquire) != RUNNING {
            return Err(PoolError::Destroyed(s.name().to_string()));
        }
        s.store.set_max_idle(s.name(), max_idle).await?;
        s.max_idle.store(max_idle, Ordering::Release);
        s.wake.notify_one();
        Ok(())
    }

    /// This instance's counters (no store call).
    pub fn counters(&self) -> PoolCounters {
        self.shared.counters.snapshot()
    }

    /// A snapshot of the pool: state, lease, idle count (from the store), counters.
    ///
    /// # Errors
    ///
    /// [`PoolError::Store`] when the store cannot be reached.
    pub async fn status(&self) -> PoolResult<PoolStatus> {
        let s = &self.shared;
        let idle = s.store.idle_count(s.name()).await?;
        let lease = s.current_lease();
        let health = lock(&s.health);
        let state = match s.state.load(Ordering::Acquire) {
            DRAINING => PoolState::Draining,
            STOPPED => PoolState::Stopped,
            _ if health.consecutive_failures >= s.options.degraded_threshold => PoolState::Degraded,
            _ => PoolState::Healthy,
        };
        Ok(PoolStatus {
            name: s.name().to_string(),
            state,
            primary: lease.is_some(),
            fencing_token: lease.map(|l| l.token),
            idle,
            max_idle: s.max_idle.load(Ordering::Acquire),
            creating: s.in_flight.load(Ordering::Acquire),
            consecutive_failures: health.consecutive_failures,
            last_error: health.last_error.clone(),
            counters: s.counters.snapshot(),
        })
    }

    /// Stops this instance without touching the shared pool: replenishing stops, the
    /// creations in flight are waited for (up to the drain timeout) and put idle, and the
    /// lease is given up so another instance takes over. Acquire keeps working.
    pub async fn shutdown(&self) {
        let _ = self.stop.send(true);
        let task = lock(&self.task).take();
        if let Some(task) = task {
            let _ = task.await;
        }
    }

    /// Destroys the pool: stops replenishing, marks it destroyed in the store, waits up
    /// to the drain timeout for creations in flight, kills every idle sandbox and removes
    /// every key of the pool from the store. Sandboxes already handed out are the
    /// callers' and stay.
    ///
    /// Other instances stop when they see the mark during the drain; one that does not
    /// (the mark is removed at the end) keeps serving the pool name as a new pool, so
    /// shut the others down first ([`Pool::shutdown`]).
    ///
    /// # Errors
    ///
    /// [`PoolError::Store`] when the store cannot be reached (call again); idle
    /// sandboxes that could not be killed are listed in the report instead.
    pub async fn destroy(&self) -> PoolResult<DestroyReport> {
        let s = &self.shared;
        s.state.store(DRAINING, Ordering::Release);
        self.shutdown().await;
        s.store.begin_destroy(s.name()).await?;
        let still_creating = replenish::wait_drained(s).await;
        let ids = s.store.drain_idle(s.name()).await?;
        let mut report = DestroyReport {
            still_creating,
            ..DestroyReport::default()
        };
        use futures::StreamExt;
        let results: Vec<_> = futures::stream::iter(ids)
            .map(|id| async move {
                let r = sandboxes::kill_id(&s.config, &id).await;
                (id, r)
            })
            .buffer_unordered(8)
            .collect()
            .await;
        for (id, r) in results {
            match r {
                Ok(()) => report.killed_idle += 1,
                Err(e) => {
                    bump(&s.counters.kill_failed);
                    report.kill_failures.push((id, e.to_string()));
                }
            }
        }
        s.store.clear(s.name()).await?;
        *lock(&s.lease) = None;
        s.state.store(STOPPED, Ordering::Release);
        tracing::info!(pool = %s.name(), killed = report.killed_idle, "pool destroyed");
        Ok(report)
    }
}

impl Drop for Pool {
    fn drop(&mut self) {
        let _ = self.stop.send(true);
    }
}
