//! What a pool reports for monitoring: [`PoolStatus`] and its [`PoolCounters`].

use std::sync::atomic::{AtomicU64, Ordering};

/// The state of a pool.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum PoolState {
    /// Replenishing normally (or waiting to become primary).
    Healthy,
    /// Creation failed `degraded_threshold` times in a row; the pool backs off and
    /// [`PoolStatus::last_error`] says why.
    Degraded,
    /// `destroy` is running.
    Draining,
    /// Destroyed (here or by another process); acquire fails.
    Stopped,
}

/// Counters of this pool instance since it started (each process counts its own).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct PoolCounters {
    /// Acquires served from an idle sandbox.
    pub acquired_idle: u64,
    /// Acquires served by creating a sandbox directly.
    pub acquired_created: u64,
    /// Acquires that failed.
    pub acquire_failed: u64,
    /// Idle sandboxes taken but unusable (connect, health check or renewal failed);
    /// they were killed.
    pub unhealthy: u64,
    /// Idle sandboxes removed with too little remaining life; they were killed.
    pub discarded: u64,
    /// Sandboxes this instance created and put idle.
    pub created: u64,
    /// Creations (with preparer and health check) that failed.
    pub create_failed: u64,
    /// Expired idle sandboxes this instance reaped and killed.
    pub reaped: u64,
    /// Puts the store refused (lease no longer current, or the pool being destroyed);
    /// those sandboxes were killed.
    pub fenced: u64,
    /// Kills that failed (the sandbox lives until its timeout).
    pub kill_failed: u64,
    /// How many times this instance became primary.
    pub primary_terms: u64,
    /// Store calls that failed.
    pub store_errors: u64,
}

/// A snapshot of a pool for monitoring.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct PoolStatus {
    /// The pool's name.
    pub name: String,
    /// The state.
    pub state: PoolState,
    /// Whether this instance holds the primary lease.
    pub primary: bool,
    /// The fencing token of this instance's lease, when it holds one.
    pub fencing_token: Option<u64>,
    /// Idle sandboxes in the store (all processes).
    pub idle: usize,
    /// The idle target.
    pub max_idle: usize,
    /// Creations this instance has in flight.
    pub creating: usize,
    /// Creation failures in a row.
    pub consecutive_failures: u32,
    /// The last creation or store error, as text.
    pub last_error: Option<String>,
    /// This instance's counters.
    pub counters: PoolCounters,
}

#[derive(Debug, Default)]
pub(crate) struct Counters {
    pub acquired_idle: AtomicU64,
    pub acquired_created: AtomicU64,
    pub acquire_failed: AtomicU64,
    pub unhealthy: AtomicU64,
    pub discarded: AtomicU64,
    pub created: AtomicU64,
    pub create_failed: AtomicU64,
    pub reaped: AtomicU64,
    pub fenced: AtomicU64,
    pub kill_failed: AtomicU64,
    pub primary_terms: AtomicU64,
    pub store_errors: AtomicU64,
}

pub(crate) fn bump(c: &AtomicU64) {
    c.fetch_add(1, Ordering::Relaxed);
}

impl Counters {
    pub fn snapshot(&self) -> PoolCounters {
        let g = |c: &AtomicU64| c.load(Ordering::Relaxed);
        PoolCounters {
            acquired_idle: g(&self.acquired_idle),
            acquired_created: g(&self.acquired_created),
            acquire_failed: g(&self.acquire_failed),
            unhealthy: g(&self.unhealthy),
            discarded: g(&self.discarded),
            created: g(&self.created),
            create_failed: g(&self.create_failed),
            reaped: g(&self.reaped),
            fenced: g(&self.fenced),
            kill_failed: g(&self.kill_failed),
            primary_terms: g(&self.primary_terms),
            store_errors: g(&self.store_errors),
        }
    }
}
