//! The warm pool on a real Redis server (started by the test on a loopback port from
//! `OPEN_SANDBOX_REDIS_SERVER`, which `cargo xtask test` sets) with real worker
//! processes (this test binary re-executed) against one in-process devserver:
//! - 3 processes × 200 acquires: no sandbox handed out twice, each works, counters add up;
//! - the primary killed mid-replenish is replaced within about one lease TTL, and a
//!   primary paused past its lease cannot write when resumed (fencing);
//! - Redis restarted during acquires: clear errors, no double hand-out afterwards;
//! - `destroy()` leaves no sandbox on the server and no key in Redis;
//! - store-level fencing, the key layout, unreachable and invalid Redis URLs.

#[cfg(not(feature = "redis"))]
#[test]
fn redis_pool_tests_need_the_redis_feature() {
    assert!(
        std::env::var_os("OPEN_SANDBOX_REDIS_SERVER").is_none(),
        "OPEN_SANDBOX_REDIS_SERVER is set but this test was built without the `redis` feature \
         (cargo test --features redis)"
    );
    // Straight to stderr: the test harness does not capture this, so it is seen.
    use std::io::Write;
    let _ = writeln!(
        std::io::stderr(),
        "SKIPPED: the Redis pool tests need `--features redis` (cargo xtask test enables it)"
    );
}

#[cfg(feature = "redis")]
mod pool_support;

#[cfg(feature = "redis")]
mod redis_tests {
    use std::collections::{HashMap, HashSet};
    use std::sync::{Arc, Mutex};
    use std::time::{Duration, Instant};

    use opensandbox::pool::{
        AcquirePolicy, Lease, Pool, PoolError, PoolOptions, PoolStore, PutOutcome, RedisPoolStore,
    };

    use super::pool_support::*;

    /// Entry point of the worker processes (does nothing unless started as a worker).
    #[test]
    fn pool_worker_entry() {
        if let Ok(role) = std::env::var(WORKER_ENV) {
            tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .unwrap()
                .block_on(run_worker(&role));
        }
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn three_processes_share_one_pool_without_double_hand_out() {
        let Some(redis) = RedisServer::start() else {
            return;
        };
        let (_server, config, domain) = devserver().await;
        let pool = "share3";
        let per_process = ACQUIRES_PER_PROCESS;
        let workers: Vec<_> = (0..3)
            .map(|_| {
                Worker::spawn(
                    "acquire",
                    &[
                        ("POOL_TEST_DOMAIN", domain.clone()),
                        ("POOL_TEST_REDIS", redis.url()),
                        ("POOL_TEST_NAME", pool.to_string()),
                        ("POOL_TEST_COUNT", per_process.to_string()),
                    ],
                )
            })
            .collect();
        let mut ids = HashSet::new();
        let mut totals: HashMap<String, u64> = HashMap::new();
        for w in workers {
            let lines = w.wait(Duration::from_secs(120));
            let mut got = 0;
            for l in &lines {
                match l.fields.as_slice() {
                    [kind, id] if kind == "ID" => {
                        assert!(ids.insert(id.clone()), "sandbox {id} handed out twice");
                        got += 1;
                    }
                    [kind, rest @ ..] if kind == "COUNTERS" => {
                        for kv in rest {
                            let (k, v) = kv.split_once('=').unwrap();
                            *totals.entry(k.to_string()).or_default() += v.parse::<u64>().unwrap();
                        }
                    }
                    _ => {}
                }
            }
            assert_eq!(got, per_process, "a worker did not report all its acquires");
        }
        let t = |k: &str| totals.get(k).copied().unwrap_or(0);
        assert_eq!(
            t("acquired_idle") + t("acquired_created"),
            3 * per_process as u64,
            "{totals:?}"
        );
        assert_eq!(t("acquire_failed"), 0, "{totals:?}");
        assert!(
            t("acquired_idle") > 0,
            "the pool never served from idle: {totals:?}"
        );
        // Every sandbox put idle was handed out, discarded, reaped, or is still idle.
        let store = RedisPoolStore::connect(&redis.url()).await.unwrap();
        let idle_left = store.idle_count(pool).await.unwrap() as u64;
        assert_eq!(
            t("created"),
            t("acquired_idle") + t("unhealthy") + t("discarded") + t("reaped") + idle_left,
            "counters do not add up: {totals:?}, {idle_left} idle left"
        );
        destroy_and_check_empty(&config, &store, &redis, pool).await;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_killed_primary_is_replaced_and_a_paused_one_is_fenced() {
        let Some(redis) = RedisServer::start() else {
            return;
        };
        let (_server, config, domain) = devserver().await;
        let pool = "fence";
        let env = vec![
            ("POOL_TEST_DOMAIN", domain.clone()),
            ("POOL_TEST_REDIS", redis.url()),
            ("POOL_TEST_NAME", pool.to_string()),
        ];
        let w1 = Worker::spawn("primary", &env);
        let s1 = w1.wait_for(Duration::from_secs(15), |s| s.primary);
        let w2 = Worker::spawn("primary", &env);
        w2.wait_for(Duration::from_secs(15), |_| true);
        // Let w1 get creations in flight (each takes over 400 ms), then kill it.
        w1.wait_for(Duration::from_secs(5), |s| s.creating > 0);
        w1.signal("KILL");
        let killed = Instant::now();
        let s2 = w2.wait_for(Duration::from_secs(10), |s| s.primary);
        let takeover = killed.elapsed();
        eprintln!("takeover {takeover:?} after SIGKILL (lease TTL {LEASE_TTL:?})");
        assert!(
            takeover <= LEASE_TTL + Duration::from_millis(1500),
            "took over after {takeover:?} (lease {LEASE_TTL:?})"
        );
        assert!(
            s2.token > s1.token,
            "the fencing token did not grow: {s1:?} {s2:?}"
        );

        // Pause w2 mid-replenish, past its lease; a successor takes over.
        let before = w2.wait_for(Duration::from_secs(5), |s| s.primary && s.creating > 0);
        w2.signal("STOP");
        let w3 = Worker::spawn("primary", &env);
        let s3 = w3.wait_for(Duration::from_secs(10), |s| s.primary);
        assert!(s3.token > s2.token);
        let resumed_at = unix_ms();
        w2.signal("CONT");
        let after = w2.wait_for(Duration::from_secs(10), |s| {
            !s.primary && s.fenced > before.fenced
        });
        // Every put w2 started after it resumed was refused by the store.
        for put in w2.puts() {
            if put.started_ms > resumed_at {
                assert_ne!(
                    put.outcome, "Added",
                    "the paused primary wrote after resuming: {put:?}"
                );
            }
        }
        assert!(after.fenced > before.fenced);
        assert!(w3.wait_for(Duration::from_secs(5), |s| s.primary).primary);
        w2.signal("KILL");
        w3.signal("KILL");
        let store = RedisPoolStore::connect(&redis.url()).await.unwrap();
        // The killed workers' creations in flight are orphans (they expire on the
        // server); remove them so the server is clean for the check below.
        kill_all(&config).await;
        destroy_and_check_empty(&config, &store, &redis, pool).await;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn redis_restarted_during_acquires_gives_clear_errors_and_no_double_hand_out() {
        let Some(mut redis) = RedisServer::start() else {
            return;
        };
        let (_server, config, _) = devserver().await;
        let store = RedisPoolStore::connect(&redis.url()).await.unwrap();
        let options = PoolOptions::builder("restart", spec())
            .max_idle(4)
            .policy(AcquirePolicy::RetryNextIdle)
            .reconcile_interval(Duration::from_millis(50))
            .lease_ttl(Duration::from_secs(1))
            .create_rate(100.0)
            .backoff(Duration::from_millis(50), Duration::from_millis(200))
            .build()
            .unwrap();
        let pool = Arc::new(Pool::start(&config, options, store.clone()).await.unwrap());
        let ids = Arc::new(Mutex::new(Vec::<String>::new()));
        let errors = Arc::new(Mutex::new(Vec::<String>::new()));
        let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let acquirer = {
            let (pool, ids, errors, stop) =
                (pool.clone(), ids.clone(), errors.clone(), stop.clone());
            tokio::spawn(async move {
                while !stop.load(std::sync::atomic::Ordering::SeqCst) {
                    match pool.acquire().await {
                        Ok(s) => {
                            ids.lock().unwrap().push(s.id().to_string());
                            let _ = s.kill().await;
                        }
                        Err(PoolError::Exhausted { .. }) => {}
                        Err(e) => errors.lock().unwrap().push(e.to_string()),
                    }
                    tokio::time::sleep(Duration::from_millis(10)).await;
                }
            })
        };
        let count = |v: &Arc<Mutex<Vec<String>>>| v.lock().unwrap().len();
        wait_until(
            Duration::from_secs(20),
            "acquires before the restart",
            || count(&ids) >= 10,
        )
        .await;
        let token_before = pool.status().await.unwrap().fencing_token.unwrap();
        redis.kill();
        wait_until(
            Duration::from_secs(10),
            "errors while Redis is down",
            || count(&errors) >= 3,
        )
        .await;
        let served_before = count(&ids);
        redis.restart();
        wait_until(
            Duration::from_secs(30),
            "acquires after the restart",
            || count(&ids) >= served_before + 10,
        )
        .await;
        stop.store(true, std::sync::atomic::Ordering::SeqCst);
        acquirer.await.unwrap();
        for e in errors.lock().unwrap().iter() {
            assert!(
                e.contains("pool store") && e.contains(&format!("127.0.0.1:{}", redis.port)),
                "not a clear store error: {e}"
            );
        }
        let all = ids.lock().unwrap().clone();
        let unique: HashSet<_> = all.iter().collect();
        assert_eq!(unique.len(), all.len(), "a sandbox was handed out twice");
        let token_after = pool.status().await.unwrap().fencing_token.unwrap_or(0);
        assert!(
            token_after > token_before,
            "the fencing token must keep growing after Redis lost its data: {token_before} → {token_after}"
        );
        pool.destroy().await.unwrap();
        // Idle sandboxes Redis forgot in the restart are orphans: they expire on the
        // server (their timeout) and carry the pool label.
        assert_eq!(redis_keys(&redis).await, Vec::<String>::new());
        kill_all(&config).await;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn destroy_leaves_no_sandbox_and_no_key() {
        let Some(redis) = RedisServer::start() else {
            return;
        };
        let (_server, config, _) = devserver().await;
        let store = RedisPoolStore::connect(&redis.url()).await.unwrap();
        let options = PoolOptions::builder("destroy-me", spec())
            .max_idle(4)
            .reconcile_interval(Duration::from_millis(50))
            .create_rate(100.0)
            .build()
            .unwrap();
        let pool = Pool::start(&config, options, store.clone()).await.unwrap();
        wait_idle(&pool, 4).await;
        let s = pool.acquire().await.unwrap();
        s.kill().await.unwrap();
        wait_idle(&pool, 4).await;
        assert!(!redis_keys(&redis).await.is_empty());
        let report = pool.destroy().await.unwrap();
        assert_eq!(report.killed_idle, 4, "{report:?}");
        assert_eq!(
            redis_keys(&redis).await,
            Vec::<String>::new(),
            "keys left in Redis"
        );
        assert_no_sandboxes(&config).await;
    }

    #[tokio::test]
    async fn store_fences_stale_leases_and_uses_the_documented_keys() {
        let Some(redis) = RedisServer::start() else {
            return;
        };
        let store = RedisPoolStore::connect(&redis.url()).await.unwrap();
        let ttl = Duration::from_secs(60);
        let a = store
            .acquire_lease("p", "a", Duration::from_millis(200))
            .await
            .unwrap()
            .unwrap();
        assert!(store.acquire_lease("p", "b", ttl).await.unwrap().is_none());
        assert_eq!(
            store
                .put_idle("p", &a, "s2", Duration::from_secs(2))
                .await
                .unwrap(),
            PutOutcome::Added
        );
        assert_eq!(
            store.put_idle("p", &a, "s1", ttl).await.unwrap(),
            PutOutcome::Added
        );
        let mut keys = redis_keys(&redis).await;
        keys.sort();
        assert_eq!(
            keys,
            ["fence", "idle:expires", "idle:list", "lock", "maxIdle"]
                .iter()
                .filter(|k| **k != "maxIdle")
                .map(|k| format!("opensandbox:pool:{{cA}}:{k}"))
                .collect::<Vec<_>>()
        );
        tokio::time::sleep(Duration::from_millis(300)).await;
        let b = store.acquire_lease("p", "b", ttl).await.unwrap().unwrap();
        assert!(b.token > a.token);
        assert_eq!(
            store.put_idle("p", &a, "s3", ttl).await.unwrap(),
            PutOutcome::Fenced
        );
        assert_eq!(store.reap_idle("p", &a, ttl).await.unwrap(), None);
        assert!(!store.renew_lease("p", &a, ttl).await.unwrap());
        // A forged lease with the right owner but an old token is refused too.
        let forged = Lease {
            owner: "b".into(),
            token: a.token,
        };
        assert_eq!(
            store.put_idle("p", &forged, "s4", ttl).await.unwrap(),
            PutOutcome::Fenced
        );
        // s2 (first in line) has less than 10 s left: skipped and reported; s1 handed
        // out, once.
        let t1 = store.take_idle("p", Duration::from_secs(10)).await.unwrap();
        assert_eq!(t1.sandbox_id.as_deref(), Some("s1"));
        assert_eq!(t1.discarded, vec!["s2".to_string()]);
        assert_eq!(
            store
                .take_idle("p", Duration::ZERO)
                .await
                .unwrap()
                .sandbox_id,
            None
        );
        store.set_max_idle("p", 7).await.unwrap();
        let view = store.view("p").await.unwrap();
        assert_eq!(
            (view.destroying, view.max_idle, view.idle),
            (false, Some(7), 0)
        );
        store.begin_destroy("p").await.unwrap();
        assert!(store.view("p").await.unwrap().destroying);
        assert_eq!(
            store.put_idle("p", &b, "s5", ttl).await.unwrap(),
            PutOutcome::Destroying
        );
        assert!(store.acquire_lease("p", "b", ttl).await.unwrap().is_none());
        store.clear("p").await.unwrap();
        assert_eq!(redis_keys(&redis).await, Vec::<String>::new());
    }

    #[tokio::test]
    async fn unreachable_and_invalid_redis_urls_fail_clearly() {
        let port = free_port();
        let t0 = Instant::now();
        match RedisPoolStore::connect(&format!("redis://127.0.0.1:{port}")).await {
            Err(PoolError::Store {
                operation: "connect",
                message,
            }) => {
                assert!(message.contains(&format!("127.0.0.1:{port}")), "{message}")
            }
            other => panic!("expected a store error: {other:?}"),
        }
        assert!(t0.elapsed() < Duration::from_secs(6), "{:?}", t0.elapsed());
        assert!(matches!(
            RedisPoolStore::connect("http://not-redis").await,
            Err(PoolError::InvalidOptions(_))
        ));
        match RedisPoolStore::connect("redis://user:secret@127.0.0.1:1").await {
            Err(e) => assert!(!e.to_string().contains("secret"), "{e}"),
            Ok(_) => panic!("port 1 answered"),
        }
    }
}
