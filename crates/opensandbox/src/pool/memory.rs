//! [`InMemoryPoolStore`]: the pool state of one process.

use std::collections::{HashMap, VecDeque};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use super::error::{PoolError, PoolResult};
use super::store::{Lease, PoolStore, PutOutcome, StoreFuture, Taken};

/// A [`PoolStore`] in this process's memory: the default; pools sharing one value of it
/// (clones share) share their state. Expiry uses the monotonic clock.
#[derive(Debug, Clone, Default)]
pub struct InMemoryPoolStore {
    state: std::sync::Arc<Mutex<State>>,
}

#[derive(Debug, Default)]
struct State {
    pools: HashMap<String, PoolState>,
    /// Last fencing token per pool; kept across `clear` so tokens never repeat.
    fences: HashMap<String, u64>,
}

#[derive(Debug, Default)]
struct PoolState {
    idle: VecDeque<(String, Instant)>,
    lease: Option<(Lease, Instant)>,
    max_idle: Option<usize>,
    destroying: bool,
}

impl PoolState {
    fn current(&self, lease: &Lease, now: Instant) -> bool {
        matches!(&self.lease, Some((l, until)) if l == lease && *until > now)
    }
}

fn ready<'a, T: Send + 'a>(value: PoolResult<T>) -> StoreFuture<'a, T> {
    Box::pin(std::future::ready(value))
}

fn after(now: Instant, d: Duration) -> Instant {
    // A huge TTL saturates instead of overflowing (about a century is plenty).
    now.checked_add(d)
        .unwrap_or_else(|| now + Duration::from_secs(100 * 365 * 24 * 3600))
}

impl InMemoryPoolStore {
    /// An empty store.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn with<T>(&self, pool: &str, f: impl FnOnce(&mut PoolState, Instant) -> T) -> T {
        let mut state = self.lock();
        let p = state.pools.entry(pool.to_string()).or_default();
        f(p, Instant::now())
    }
}

impl PoolStore for InMemoryPoolStore {
    fn take_idle<'a>(&'a self, pool: &'a str, min_remaining: Duration) -> StoreFuture<'a, Taken> {
        ready(Ok(self.with(pool, |p, now| {
            let cutoff = after(now, min_remaining);
            let mut taken = Taken::default();
            while let Some((id, expires)) = p.idle.pop_front() {
                if expires > cutoff {
                    taken.sandbox_id = Some(id);
                    break;
                }
                if expires > now {
                    taken.discarded.push(id);
                }
            }
            taken
        })))
    }

    fn put_idle<'a>(
        &'a self,
        pool: &'a str,
        lease: &'a Lease,
        sandbox_id: &'a str,
        ttl: Duration,
    ) -> StoreFuture<'a, PutOutcome> {
        ready(Ok(self.with(pool, |p, now| {
            if p.destroying {
                return PutOutcome::Destroying;
            }
            if !p.current(lease, now) {
                return PutOutcome::Fenced;
            }
            if !p.idle.iter().any(|(id, _)| id == sandbox_id) {
                p.idle.push_back((sandbox_id.to_string(), after(now, ttl)));
            }
            PutOutcome::Added
        })))
    }

    fn reap_idle<'a>(
        &'a self,
        pool: &'a str,
        lease: &'a Lease,
        min_remaining: Duration,
    ) -> StoreFuture<'a, Option<Vec<String>>> {
        ready(Ok(self.with(pool, |p, now| {
            if !p.current(lease, now) {
                return None;
            }
            let cutoff = after(now, min_remaining);
            let mut reaped = Vec::new();
            p.idle.retain(|(id, expires)| {
                let keep = *expires > cutoff;
                if !keep {
                    reaped.push(id.clone());
                }
                keep
            });
            Some(reaped)
        })))
    }

    fn acquire_lease<'a>(
        &'a self,
        pool: &'a str,
        owner: &'a str,
        ttl: Duration,
    ) -> StoreFuture<'a, Option<Lease>> {
        let mut state = self.lock();
        let State { pools, fences } = &mut *state;
        let p = pools.entry(pool.to_string()).or_default();
        let now = Instant::now();
        if p.destroying {
            return ready(Ok(None));
        }
        let lease = match &mut p.lease {
            Some((l, until)) if *until > now => {
                if l.owner != owner {
                    return ready(Ok(None));
                }
                *until = after(now, ttl);
                l.clone()
            }
            _ => {
                let fence = fences.entry(pool.to_string()).or_default();
                *fence += 1;
                let l = Lease {
                    owner: owner.to_string(),
                    token: *fence,
                };
                p.lease = Some((l.clone(), after(now, ttl)));
                l
            }
        };
        ready(Ok(Some(lease)))
    }

    fn renew_lease<'a>(
        &'a self,
        pool: &'a str,
        lease: &'a Lease,
        ttl: Duration,
    ) -> StoreFuture<'a, bool> {
        ready(Ok(self.with(pool, |p, now| {
            if p.destroying || !p.current(lease, now) {
                return false;
            }
            p.lease = Some((lease.clone(), after(now, ttl)));
            true
        })))
    }

    fn release_lease<'a>(&'a self, pool: &'a str, lease: &'a Lease) -> StoreFuture<'a, ()> {
        self.with(pool, |p, _| {
            if matches!(&p.lease, Some((l, _)) if l == lease) {
                p.lease = None;
            }
        });
        ready(Ok(()))
    }

    fn idle_count<'a>(&'a self, pool: &'a str) -> StoreFuture<'a, usize> {
        ready(Ok(self.with(pool, |p, _| p.idle.len())))
    }

    fn max_idle<'a>(&'a self, pool: &'a str) -> StoreFuture<'a, Option<usize>> {
        ready(Ok(self.with(pool, |p, _| p.max_idle)))
    }

    fn set_max_idle<'a>(&'a self, pool: &'a str, max_idle: usize) -> StoreFuture<'a, ()> {
        ready(self.with(pool, |p, _| {
            if p.destroying {
                return Err(PoolError::Destroyed(pool.to_string()));
            }
            p.max_idle = Some(max_idle);
            Ok(())
        }))
    }

    fn begin_destroy<'a>(&'a self, pool: &'a str) -> StoreFuture<'a, ()> {
        self.with(pool, |p, _| {
            p.destroying = true;
            p.lease = None;
        });
        ready(Ok(()))
    }

    fn is_destroying<'a>(&'a self, pool: &'a str) -> StoreFuture<'a, bool> {
        ready(Ok(self.with(pool, |p, _| p.destroying)))
    }

    fn drain_idle<'a>(&'a self, pool: &'a str) -> StoreFuture<'a, Vec<String>> {
        ready(Ok(self.with(pool, |p, _| {
            p.idle.drain(..).map(|(id, _)| id).collect()
        })))
    }

    fn clear<'a>(&'a self, pool: &'a str) -> StoreFuture<'a, ()> {
        self.lock().pools.remove(pool);
        ready(Ok(()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TTL: Duration = Duration::from_secs(60);

    #[tokio::test]
    async fn fencing_token_grows_and_stale_leases_cannot_write() {
        let store = InMemoryPoolStore::new();
        let a = store
            .acquire_lease("p", "a", Duration::from_millis(30))
            .await
            .unwrap()
            .unwrap();
        assert!(store.acquire_lease("p", "b", TTL).await.unwrap().is_none());
        assert_eq!(
            store.put_idle("p", &a, "s1", TTL).await.unwrap(),
            PutOutcome::Added
        );
        tokio::time::sleep(Duration::from_millis(60)).await;
        let b = store.acquire_lease("p", "b", TTL).await.unwrap().unwrap();
        assert!(b.token > a.token);
        assert_eq!(
            store.put_idle("p", &a, "s2", TTL).await.unwrap(),
            PutOutcome::Fenced
        );
        assert_eq!(store.reap_idle("p", &a, TTL).await.unwrap(), None);
        assert!(!store.renew_lease("p", &a, TTL).await.unwrap());
        assert_eq!(store.idle_count("p").await.unwrap(), 1);
    }

    #[tokio::test]
    async fn take_skips_entries_near_expiry_and_hands_out_once() {
        let store = InMemoryPoolStore::new();
        let l = store.acquire_lease("p", "a", TTL).await.unwrap().unwrap();
        store
            .put_idle("p", &l, "short", Duration::from_secs(5))
            .await
            .unwrap();
        store.put_idle("p", &l, "long", TTL).await.unwrap();
        let t = store.take_idle("p", Duration::from_secs(10)).await.unwrap();
        assert_eq!(t.sandbox_id.as_deref(), Some("long"));
        assert_eq!(t.discarded, vec!["short".to_string()]);
        assert_eq!(
            store.take_idle("p", Duration::ZERO).await.unwrap(),
            Taken::default()
        );
    }

    #[tokio::test]
    async fn destroy_refuses_puts_and_leases() {
        let store = InMemoryPoolStore::new();
        let l = store.acquire_lease("p", "a", TTL).await.unwrap().unwrap();
        store.begin_destroy("p").await.unwrap();
        assert_eq!(
            store.put_idle("p", &l, "s", TTL).await.unwrap(),
            PutOutcome::Destroying
        );
        assert!(store.acquire_lease("p", "a", TTL).await.unwrap().is_none());
        assert!(matches!(
            store.set_max_idle("p", 3).await,
            Err(PoolError::Destroyed(_))
        ));
        store.clear("p").await.unwrap();
        let again = store.acquire_lease("p", "a", TTL).await.unwrap().unwrap();
        assert!(
            again.token > l.token,
            "tokens never repeat, even after clear"
        );
    }
}
