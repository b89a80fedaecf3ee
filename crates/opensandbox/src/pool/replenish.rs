//! The replenisher: one background task per pool instance that holds (or waits for) the
//! primary lease and, while primary, reaps expired idle sandboxes and creates new ones.

use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use tokio::sync::watch;
use tracing::Instrument;

use super::error::PoolResult;
use super::status::bump;
use super::store::PutOutcome;
use super::{STOPPED, Shared, lock, sandboxes};

/// Runs until `stop` turns true (or the sender is dropped); then waits (up to the drain
/// timeout) for the creations in flight to be put idle, and gives the lease up.
pub(crate) async fn run(shared: Arc<Shared>, mut stop: watch::Receiver<bool>) {
    let tick = shared
        .options
        .reconcile_interval
        .min(shared.options.lease_renew);
    let mut term = Term::default();
    loop {
        if *stop.borrow() {
            break;
        }
        let span = tracing::debug_span!("pool.reconcile", pool = %shared.name());
        match reconcile(&shared, &mut term).instrument(span).await {
            Ok(Continue::Yes) => {}
            Ok(Continue::No) => break,
            Err(e) => {
                shared.store_error(&e);
                tracing::warn!(pool = %shared.name(), error = %e, "pool reconcile failed; retrying");
            }
        }
        tokio::select! {
            _ = tokio::time::sleep(tick) => {}
            _ = shared.wake.notified() => {}
            r = stop.changed() => if r.is_err() { break },
        }
    }
    wait_drained(&shared).await;
    let lease = lock(&shared.lease).take();
    if let Some(lease) = lease
        && let Err(e) = shared.store.release_lease(shared.name(), &lease).await
    {
        tracing::debug!(pool = %shared.name(), error = %e, "could not release the lease");
    }
}

/// Waits until no creation is in flight, at most the drain timeout; returns how many
/// still are.
pub(crate) async fn wait_drained(s: &Shared) -> usize {
    let deadline = tokio::time::Instant::now() + s.options.drain_timeout;
    loop {
        let notified = s.drained.notified();
        let n = s.in_flight.load(Ordering::Acquire);
        if n == 0 || tokio::time::timeout_at(deadline, notified).await.is_err() {
            return s.in_flight.load(Ordering::Acquire);
        }
    }
}

enum Continue {
    Yes,
    No,
}

/// This instance's view of its primary term.
#[derive(Default)]
struct Term {
    renewed_at: Option<Instant>,
    /// Reaping reads every idle entry: at most once per reconcile interval, however
    /// often acquires wake the replenisher.
    reaped_at: Option<Instant>,
    next_slot: Option<Instant>,
}

async fn reconcile(shared: &Arc<Shared>, term: &mut Term) -> PoolResult<Continue> {
    let s = shared;
    let name = s.name();
    let view = s.store.view(name).await?;
    if view.destroying {
        tracing::info!(pool = %name, "the pool is being destroyed elsewhere; stopping");
        *lock(&s.lease) = None;
        s.state.store(STOPPED, Ordering::Release);
        return Ok(Continue::No);
    }
    // Hold, renew or try to take the lease.
    let held = s.current_lease();
    // Renew at the first tick that would otherwise pass the renewal interval.
    let tick = s.options.reconcile_interval.min(s.options.lease_renew);
    let fresh = term
        .renewed_at
        .is_some_and(|t| t.elapsed() + tick < s.options.lease_renew);
    let lease = match held {
        Some(l) if fresh => l,
        _ => {
            let got = s
                .store
                .acquire_lease(name, &s.options.owner, s.options.lease_ttl)
                .await;
            let got = match got {
                Ok(g) => g,
                Err(e) => {
                    // Unknown whether we still hold it: stop acting as primary.
                    *lock(&s.lease) = None;
                    term.renewed_at = None;
                    return Err(e);
                }
            };
            let previous = lock(&s.lease).clone();
            *lock(&s.lease) = got.clone();
            match got {
                None => {
                    if previous.is_some() {
                        tracing::info!(pool = %name, "lost the primary lease");
                    }
                    term.renewed_at = None;
                    return Ok(Continue::Yes);
                }
                Some(l) => {
                    term.renewed_at = Some(Instant::now());
                    if previous.as_ref().map(|p| p.token) != Some(l.token) {
                        bump(&s.counters.primary_terms);
                        tracing::info!(pool = %name, token = l.token, "became the pool's primary");
                    }
                    l
                }
            }
        }
    };
    if let Some(target) = view.max_idle {
        s.max_idle.store(target, Ordering::Release);
    }
    // Reap what expired (or is about to).
    let reap_due = term
        .reaped_at
        .is_none_or(|t| t.elapsed() >= s.options.reconcile_interval);
    let reaped = if reap_due {
        term.reaped_at = Some(Instant::now());
        s.store
            .reap_idle(name, &lease, s.options.min_remaining)
            .await?
    } else {
        Some(Vec::new())
    };
    let reaped_count = match reaped {
        None => {
            tracing::info!(pool = %name, token = lease.token, "fenced: the lease is no longer current");
            *lock(&s.lease) = None;
            term.renewed_at = None;
            return Ok(Continue::Yes);
        }
        Some(reaped) => {
            let n = reaped.len();
            for _ in &reaped {
                bump(&s.counters.reaped);
            }
            s.kill_later(reaped);
            n
        }
    };
    // Top up, within the rate, the concurrency limit and the backoff.
    if lock(&s.health)
        .backoff_until
        .is_some_and(|t| t > Instant::now())
    {
        return Ok(Continue::Yes);
    }
    // Reaping may have removed some since the view was read.
    let idle = view.idle.saturating_sub(reaped_count);
    let target = s.max_idle.load(Ordering::Acquire);
    let in_flight = s.in_flight.load(Ordering::Acquire);
    let wanted = target.saturating_sub(idle + in_flight);
    let room = s.options.create_concurrency.saturating_sub(in_flight);
    let gap = Duration::from_secs_f64(1.0 / s.options.create_rate);
    for _ in 0..wanted.min(room) {
        let now = Instant::now();
        let slot = term.next_slot.map_or(now, |t| t.max(now));
        term.next_slot = Some(slot + gap);
        s.in_flight.fetch_add(1, Ordering::AcqRel);
        let shared = shared.clone();
        let span = tracing::info_span!("pool.create", pool = %name);
        tokio::spawn(create_one(shared, slot).instrument(span));
    }
    Ok(Continue::Yes)
}

/// Decrements the in-flight count when a creation ends, however it ends.
struct InFlight(Arc<Shared>);

impl Drop for InFlight {
    fn drop(&mut self) {
        if self.0.in_flight.fetch_sub(1, Ordering::AcqRel) == 1 {
            self.0.drained.notify_waiters();
        }
        self.0.wake.notify_one();
    }
}

async fn create_one(shared: Arc<Shared>, slot: Instant) {
    let guard = InFlight(shared);
    let s = &guard.0;
    tokio::time::sleep_until(slot.into()).await;
    if s.state.load(Ordering::Acquire) == STOPPED {
        return;
    }
    let spec = sandboxes::warm_spec(&s.options.spec, s.name());
    let sandbox = match sandboxes::create(&s.config, spec).await {
        Ok(sb) => sb,
        Err(e) => return failed(s, format!("create: {e}")),
    };
    let ready = async {
        if let Some(prepare) = &s.options.preparer {
            prepare(sandbox.clone())
                .await
                .map_err(|e| format!("preparer: {e}"))?;
        }
        match &s.options.health_check {
            Some(check) => check(sandbox.clone()).await,
            None => sandboxes::ping(&sandbox).await,
        }
        .map_err(|e| format!("health check: {e}"))
    }
    .await;
    if let Err(message) = ready {
        kill(s, &sandbox).await;
        return failed(s, format!("sandbox {}: {message}", sandbox.id()));
    }
    let outcome = match s.current_lease() {
        None => Ok(PutOutcome::Fenced),
        Some(lease) => {
            s.store
                .put_idle(s.name(), &lease, sandbox.id(), s.options.idle_ttl)
                .await
        }
    };
    match outcome {
        Ok(PutOutcome::Added) => {
            bump(&s.counters.created);
            let mut h = lock(&s.health);
            h.consecutive_failures = 0;
            h.backoff_until = None;
            tracing::debug!(sandbox = %sandbox.id(), "sandbox warmed and idle");
        }
        Ok(other) => {
            bump(&s.counters.fenced);
            tracing::info!(sandbox = %sandbox.id(), outcome = ?other, "the store refused the idle sandbox; killing it");
            kill(s, &sandbox).await;
        }
        Err(e) => {
            s.store_error(&e);
            tracing::warn!(sandbox = %sandbox.id(), error = %e, "could not record the idle sandbox; killing it");
            kill(s, &sandbox).await;
        }
    }
}

async fn kill(s: &Arc<Shared>, sandbox: &crate::Sandbox) {
    if let Err(e) = sandboxes::kill(sandbox).await {
        bump(&s.counters.kill_failed);
        tracing::warn!(sandbox = %sandbox.id(), error = %e, "could not kill a sandbox");
    }
}

fn failed(s: &Arc<Shared>, message: String) {
    bump(&s.counters.create_failed);
    let mut h = lock(&s.health);
    h.consecutive_failures = h.consecutive_failures.saturating_add(1);
    let exp = (h.consecutive_failures - 1).min(20);
    let backoff = s
        .options
        .backoff_base
        .saturating_mul(1u32 << exp)
        .min(s.options.backoff_max);
    h.backoff_until = Some(Instant::now() + backoff);
    tracing::warn!(pool = %s.name(), failures = h.consecutive_failures, ?backoff, error = %message, "pool creation failed; backing off");
    h.last_error = Some(message);
}
