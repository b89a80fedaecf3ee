//! The state a pool shares between its processes: [`PoolStore`].
//!
//! A store keeps, per pool name: the idle sandbox ids with their expiry (handed out in
//! the order they were put), the primary lease with its fencing token, the shared
//! `max_idle` target and a destroy marker. Every method is one atomic step, so any number
//! of processes may call it at once.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use super::error::PoolResult;

/// The future every [`PoolStore`] method returns.
pub type StoreFuture<'a, T> = Pin<Box<dyn Future<Output = PoolResult<T>> + Send + 'a>>;

/// The primary lease a process holds: who, and the fencing token of this tenure.
///
/// The token grows with every change of primary; a store refuses every primary write
/// whose lease is not the current one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lease {
    /// The holder (unique per pool instance).
    pub owner: String,
    /// The fencing token of this tenure.
    pub token: u64,
}

/// What [`PoolStore::take_idle`] found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Taken {
    /// The sandbox now owned by the caller, removed from the idle set for good.
    pub sandbox_id: Option<String>,
    /// Still-alive sandboxes removed on the way because they had less than the minimum
    /// remaining lifetime; the caller kills them.
    pub discarded: Vec<String>,
}

/// What [`PoolStore::put_idle`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum PutOutcome {
    /// The sandbox is idle now.
    Added,
    /// The lease is not the current one (a successor took over, or it lapsed): nothing
    /// was written.
    Fenced,
    /// The pool is being destroyed: nothing was written.
    Destroying,
}

/// What [`PoolStore::view`] reads in one step.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct PoolView {
    /// Whether the pool is marked as being destroyed.
    pub destroying: bool,
    /// The shared `max_idle` target, when one was set.
    pub max_idle: Option<usize>,
    /// How many idle entries there are.
    pub idle: usize,
}

/// Where a pool keeps the state its processes share: per pool name, the idle sandbox
/// ids with their expiry (handed out in the order they were put), the primary lease with
/// its fencing token, the shared `max_idle` target and a destroy marker. Every method is
/// one atomic step, so any number of processes may call it at once.
///
/// Implementations: [`InMemoryPoolStore`](super::InMemoryPoolStore) (one process) and,
/// with the `redis` feature, `RedisPoolStore` (any number of processes and machines).
pub trait PoolStore: Send + Sync + fmt::Debug + 'static {
    /// Removes and returns the oldest idle sandbox whose expiry is more than
    /// `min_remaining` away; entries on the way with less are removed too (expired ones
    /// silently, alive ones in [`Taken::discarded`]). A sandbox id is returned to at
    /// most one caller, ever.
    fn take_idle<'a>(&'a self, pool: &'a str, min_remaining: Duration) -> StoreFuture<'a, Taken>;

    /// Adds `sandbox_id` as idle until `ttl` from now (store clock), if `lease` is the
    /// current primary lease and the pool is not being destroyed.
    fn put_idle<'a>(
        &'a self,
        pool: &'a str,
        lease: &'a Lease,
        sandbox_id: &'a str,
        ttl: Duration,
    ) -> StoreFuture<'a, PutOutcome>;

    /// Removes the idle entries whose expiry is `min_remaining` away or less and returns
    /// their ids, if `lease` is current (`None` when fenced).
    fn reap_idle<'a>(
        &'a self,
        pool: &'a str,
        lease: &'a Lease,
        min_remaining: Duration,
    ) -> StoreFuture<'a, Option<Vec<String>>>;

    /// Takes the primary lease for `ttl`, or extends it when `owner` holds it already.
    /// `None` when another owner holds it or the pool is being destroyed.
    fn acquire_lease<'a>(
        &'a self,
        pool: &'a str,
        owner: &'a str,
        ttl: Duration,
    ) -> StoreFuture<'a, Option<Lease>>;

    /// Extends `lease` by `ttl`; `false` when it is no longer the current lease.
    fn renew_lease<'a>(
        &'a self,
        pool: &'a str,
        lease: &'a Lease,
        ttl: Duration,
    ) -> StoreFuture<'a, bool>;

    /// Gives `lease` up (nothing happens when it is no longer current).
    fn release_lease<'a>(&'a self, pool: &'a str, lease: &'a Lease) -> StoreFuture<'a, ()>;

    /// How many idle entries there are (expired ones not yet reaped included).
    fn idle_count<'a>(&'a self, pool: &'a str) -> StoreFuture<'a, usize>;

    /// The shared `max_idle` target, when one was set.
    fn max_idle<'a>(&'a self, pool: &'a str) -> StoreFuture<'a, Option<usize>>;

    /// Sets the shared `max_idle` target (refused with
    /// [`PoolError::Destroyed`](super::PoolError::Destroyed) while destroying).
    fn set_max_idle<'a>(&'a self, pool: &'a str, max_idle: usize) -> StoreFuture<'a, ()>;

    /// Marks the pool as being destroyed: from now on no lease is granted and nothing is
    /// put.
    fn begin_destroy<'a>(&'a self, pool: &'a str) -> StoreFuture<'a, ()>;

    /// Whether the pool is marked as being destroyed.
    fn is_destroying<'a>(&'a self, pool: &'a str) -> StoreFuture<'a, bool>;

    /// Removes every idle entry and returns the ids.
    fn drain_idle<'a>(&'a self, pool: &'a str) -> StoreFuture<'a, Vec<String>>;

    /// Removes everything the store holds about the pool (the destroy marker included).
    fn clear<'a>(&'a self, pool: &'a str) -> StoreFuture<'a, ()>;

    /// The destroy marker, the shared target and the idle count, read at once (the
    /// replenisher reads them on every round). The default makes three calls; a store
    /// may answer in one round trip.
    fn view<'a>(&'a self, pool: &'a str) -> StoreFuture<'a, PoolView> {
        Box::pin(async move {
            Ok(PoolView {
                destroying: self.is_destroying(pool).await?,
                max_idle: self.max_idle(pool).await?,
                idle: self.idle_count(pool).await?,
            })
        })
    }
}
