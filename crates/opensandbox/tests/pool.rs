//! The warm pool with the in-memory store against the in-process devserver: hand-out,
//! refill, policies, health checks, a spec the server rejects, resize, destroy and bad
//! options.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use futures::TryStreamExt;
use opensandbox::pool::{
    AcquireOptions, AcquirePolicy, MAX_IDLE_LIMIT, Pool, PoolError, PoolOptions, PoolState,
    PoolStatus,
};
use opensandbox::sandbox::ListOptions;
use opensandbox::sandbox::SandboxManager;
use opensandbox::{ConnectionConfig, Error, SandboxCreateOptions};
use opensandbox_devserver::DevServer;

const KEY: &str = "pool-test-key";

async fn devserver() -> (DevServer, ConnectionConfig) {
    let server = DevServer::builder()
        .api_key(Some(KEY.to_string()))
        .start()
        .await
        .expect("devserver");
    let config = ConnectionConfig::new()
        .domain(server.domain())
        .api_key(KEY)
        .options(opensandbox::ClientOptions::new().use_env_proxy(false));
    (server, config)
}

fn spec() -> SandboxCreateOptions {
    SandboxCreateOptions::new("python:3.12")
}

/// Waits (at most 10 s: deletion ends asynchronously, through `Stopping`) until the
/// server holds no sandbox; fails naming those left.
async fn assert_no_sandboxes(config: &ConnectionConfig) {
    let manager = SandboxManager::new(config).unwrap();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    loop {
        let all: Vec<_> = manager
            .list_all(ListOptions::default())
            .try_collect()
            .await
            .unwrap();
        if all.is_empty() {
            return;
        }
        if tokio::time::Instant::now() > deadline {
            let left: Vec<_> = all.iter().map(|s| (&s.id, &s.state)).collect();
            panic!("sandboxes left on the server: {left:?}");
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Polls the pool's status until `done` holds, at most 20 s.
async fn wait_for(pool: &Pool, what: &str, done: impl Fn(&PoolStatus) -> bool) -> PoolStatus {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    loop {
        let status = pool.status().await.unwrap();
        if done(&status) {
            return status;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "timed out waiting for {what}: {status:?}"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

fn fast(name: &str, max_idle: usize) -> opensandbox::pool::PoolOptionsBuilder {
    PoolOptions::builder(name, spec())
        .max_idle(max_idle)
        .reconcile_interval(Duration::from_millis(50))
        .create_rate(100.0)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn warm_pool_hands_out_working_sandboxes_once_refills_and_destroys_to_nothing() {
    let (_server, config) = devserver().await;
    let pool = Pool::in_memory(&config, fast("warm", 3).build().unwrap())
        .await
        .unwrap();
    let status = wait_for(&pool, "3 idle", |s| s.idle == 3).await;
    assert!(status.primary && status.fencing_token.is_some());
    assert_eq!(status.state, PoolState::Healthy);

    let mut ids = std::collections::HashSet::new();
    let mut acquired = Vec::new();
    for _ in 0..6 {
        let sandbox = pool.acquire().await.unwrap();
        let run = sandbox.commands().run("echo ok").await.unwrap();
        assert_eq!(run.stdout, "ok\n");
        assert!(ids.insert(sandbox.id().to_string()), "handed out twice");
        acquired.push(sandbox);
    }
    let c = pool.counters();
    assert!(c.acquired_idle >= 3, "{c:?}");
    assert_eq!(c.acquired_idle + c.acquired_created, 6, "{c:?}");
    // The handed-out sandbox was renewed to the hand-out timeout (the spec's, 10 min).
    let info = acquired[0].info().await.unwrap();
    let left = info.expires_at.unwrap() - chrono::Utc::now();
    assert!(
        left > chrono::Duration::minutes(9),
        "expiry not renewed: {left}"
    );

    wait_for(&pool, "refilled", |s| s.idle == 3 && s.creating == 0).await;
    for s in &acquired {
        s.kill().await.unwrap();
    }
    let report = pool.destroy().await.unwrap();
    assert_eq!(report.killed_idle, 3, "{report:?}");
    assert!(report.kill_failures.is_empty());
    assert_no_sandboxes(&config).await;
    assert!(matches!(pool.acquire().await, Err(PoolError::Destroyed(_))));
    assert_eq!(pool.status().await.unwrap().state, PoolState::Stopped);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_spec_the_server_rejects_degrades_the_pool_with_its_message_and_backs_off() {
    let (_server, config) = devserver().await;
    // The devserver has no pre-provisioned pools: every create is answered with an error.
    let options = PoolOptions::builder("rejected", SandboxCreateOptions::from_pool("nope"))
        .max_idle(2)
        .reconcile_interval(Duration::from_millis(5))
        .create_rate(1000.0)
        .degraded_threshold(2)
        .backoff(Duration::from_millis(100), Duration::from_millis(400))
        .build()
        .unwrap();
    let pool = Pool::in_memory(&config, options).await.unwrap();
    tokio::time::sleep(Duration::from_secs(2)).await;
    let status = pool.status().await.unwrap();
    assert_eq!(status.state, PoolState::Degraded, "{status:?}");
    let message = status.last_error.clone().unwrap_or_default();
    assert!(
        message.contains("no pre-provisioned pools"),
        "the server's message is missing: {message}"
    );
    // Backoff 100, 200, 400, 400, … ms: a handful of attempts in 2 s, never a busy loop
    // (a 5 ms tick without backoff would make hundreds). Two run at once per round.
    let failed = status.counters.create_failed;
    assert!((2..=16).contains(&failed), "{failed} creations in 2 s");

    let empty = pool
        .acquire_with(AcquireOptions::new().policy(AcquirePolicy::FailFast))
        .await;
    assert!(
        matches!(empty, Err(PoolError::Exhausted { attempts: 0, .. })),
        "{empty:?}"
    );
    match pool.acquire().await {
        Err(PoolError::Sandbox(e)) => assert!(e.to_string().contains("no pre-provisioned pools")),
        other => panic!("direct create should fail with the server's error: {other:?}"),
    }
    pool.destroy().await.unwrap();
    assert_no_sandboxes(&config).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unhealthy_idle_sandboxes_are_skipped_killed_and_counted() {
    let (_server, config) = devserver().await;
    let healthy = Arc::new(AtomicBool::new(true));
    let flag = healthy.clone();
    let options = fast("unhealthy", 3)
        .policy(AcquirePolicy::RetryNextIdle)
        .max_acquire_attempts(3)
        .backoff(Duration::from_secs(5), Duration::from_secs(5))
        .health_check(move |sandbox| {
            let ok = flag.load(Ordering::SeqCst);
            async move {
                if ok {
                    sandbox.ping().await
                } else {
                    Err(Error::InvalidInput("marked unhealthy by the test".into()))
                }
            }
        })
        .build()
        .unwrap();
    let pool = Pool::in_memory(&config, options).await.unwrap();
    wait_for(&pool, "3 idle", |s| s.idle == 3).await;
    healthy.store(false, Ordering::SeqCst);
    match pool.acquire().await {
        Err(PoolError::Exhausted {
            attempts: 3,
            last_error: Some(e),
            ..
        }) => assert!(e.contains("marked unhealthy"), "{e}"),
        other => panic!("expected exhaustion after 3 unhealthy sandboxes: {other:?}"),
    }
    assert_eq!(pool.counters().unhealthy, 3);
    // The unhealthy ones are killed in the background; the refills fail the check too
    // and are killed as well.
    pool.resize(0).await.unwrap();
    wait_for(&pool, "refills stopped", |s| s.creating == 0).await;
    assert_no_sandboxes(&config).await;
    pool.destroy().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn resize_changes_the_target_at_run_time() {
    let (_server, config) = devserver().await;
    let pool = Pool::in_memory(&config, fast("resize", 1).build().unwrap())
        .await
        .unwrap();
    wait_for(&pool, "1 idle", |s| s.idle == 1).await;
    pool.resize(3).await.unwrap();
    wait_for(&pool, "3 idle", |s| s.idle == 3 && s.max_idle == 3).await;
    assert!(matches!(
        pool.resize(MAX_IDLE_LIMIT + 1).await,
        Err(PoolError::InvalidOptions(_))
    ));
    pool.destroy().await.unwrap();
    assert_no_sandboxes(&config).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_instances_on_one_store_have_one_primary_and_hand_over() {
    let (_server, config) = devserver().await;
    let store = opensandbox::InMemoryPoolStore::new();
    let opts = || {
        fast("shared", 2)
            .lease_ttl(Duration::from_millis(600))
            .build()
            .unwrap()
    };
    let a = Pool::start(&config, opts(), store.clone()).await.unwrap();
    let first = wait_for(&a, "a primary", |s| s.primary).await;
    let b = Pool::start(&config, opts(), store.clone()).await.unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(!b.status().await.unwrap().primary, "two primaries");
    a.shutdown().await;
    let second = wait_for(&b, "b primary", |s| s.primary).await;
    assert!(second.fencing_token > first.fencing_token);
    // Both see the same idle sandboxes.
    wait_for(&b, "2 idle", |s| s.idle == 2).await;
    let sandbox = a.acquire().await.unwrap();
    sandbox.kill().await.unwrap();
    b.destroy().await.unwrap();
    assert_no_sandboxes(&config).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn idle_sandboxes_near_their_idle_ttl_are_reaped_killed_and_replaced() {
    let (_server, config) = devserver().await;
    let options = fast("reap", 2)
        .idle_ttl(Duration::from_millis(1500))
        .min_remaining(Duration::from_millis(1000))
        .build()
        .unwrap();
    let pool = Pool::in_memory(&config, options).await.unwrap();
    wait_for(&pool, "2 idle", |s| s.idle == 2).await;
    // Each lasts 0.5 s before it is due: reaped (killed) and replaced, again and again.
    let status = wait_for(&pool, "4 reaped", |s| s.counters.reaped >= 4).await;
    assert!(
        status.counters.created >= status.counters.reaped,
        "{status:?}"
    );
    wait_for(&pool, "replacements idle", |s| s.idle == 2).await;
    // Reaped sandboxes are killed: the server holds at most the idle ones and those
    // being created or killed, never the whole history.
    let manager = SandboxManager::new(&config).unwrap();
    let live: Vec<_> = manager
        .list_all(ListOptions::default())
        .try_collect()
        .await
        .unwrap();
    let running = live
        .iter()
        .filter(|s| s.state == opensandbox::SandboxState::Running)
        .count();
    assert!(running <= 2 + 8, "{running} running after {status:?}");
    pool.destroy().await.unwrap();
    assert_no_sandboxes(&config).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_renewal_interval_close_to_the_lease_ttl_still_keeps_the_lease() {
    let (_server, config) = devserver().await;
    let store = opensandbox::InMemoryPoolStore::new();
    // Ticks every 500 ms; renewing only once 900 ms passed would happen at 1 s, when the
    // lease has lapsed and the other instance may take it.
    let opts = || {
        PoolOptions::builder("renew", spec())
            .max_idle(1)
            .lease_ttl(Duration::from_secs(1))
            .lease_renew_interval(Duration::from_millis(900))
            .reconcile_interval(Duration::from_millis(500))
            .build()
            .unwrap()
    };
    let a = Pool::start(&config, opts(), store.clone()).await.unwrap();
    wait_for(&a, "a primary", |s| s.primary).await;
    let b = Pool::start(&config, opts(), store.clone()).await.unwrap();
    let until = tokio::time::Instant::now() + Duration::from_secs(3);
    while tokio::time::Instant::now() < until {
        assert!(
            !b.status().await.unwrap().primary,
            "the lease lapsed and b took it"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(a.counters().primary_terms, 1);
    b.shutdown().await;
    a.destroy().await.unwrap();
    assert_no_sandboxes(&config).await;
}

#[test]
fn bad_options_are_refused_when_built() {
    let check = |b: opensandbox::pool::PoolOptionsBuilder, needle: &str| match b.build() {
        Err(PoolError::InvalidOptions(m)) => assert!(m.contains(needle), "{m}"),
        other => panic!("expected an invalid-options error about {needle}: {other:?}"),
    };
    let b = || PoolOptions::builder("p", spec());
    check(b().max_idle(0), "max_idle");
    check(b().max_idle(usize::MAX), "max_idle");
    check(b().idle_ttl(Duration::ZERO), "idle_ttl");
    check(b().lease_ttl(Duration::ZERO), "lease_ttl");
    check(b().reconcile_interval(Duration::ZERO), "reconcile_interval");
    check(
        b().lease_ttl(Duration::from_secs(1))
            .lease_renew_interval(Duration::from_secs(2)),
        "lease renewal interval",
    );
    check(
        b().idle_ttl(Duration::from_secs(60))
            .min_remaining(Duration::from_secs(60)),
        "min_remaining",
    );
    check(
        b().idle_ttl(Duration::from_secs(3600)),
        "longer than the sandboxes' timeout",
    );
    check(b().create_rate(f64::NAN), "create_rate");
    check(b().create_rate(0.0), "create_rate");
    check(b().create_concurrency(0), "create_concurrency");
    check(b().max_acquire_attempts(0), "max_acquire_attempts");
    check(PoolOptions::builder("  ", spec()), "blank");
    check(
        PoolOptions::builder("p", spec().timeout(Duration::from_secs(5))),
        "creation spec",
    );
    assert!(b().build().is_ok());
}
