//! Warm-pool acquire against the in-process devserver:
//! - acquire latency p50/p99 from a warm pool (connect, health check, renewal included),
//!   with the in-memory store and with Redis, against `Sandbox::create`;
//! - acquires per second with 8 concurrent acquirers across 2 processes (Redis store).
//!
//! Redis: `OPEN_SANDBOX_REDIS_SERVER` (a `redis-server` the bench starts on a loopback
//! port; `cargo xtask redis` prints one) or `REDIS_URL` (a running server; the bench's
//! keys use their own pool names and are removed). Without either, the Redis parts are
//! skipped, saying so.
//!
//! ```text
//! OPEN_SANDBOX_REDIS_SERVER=$(cargo xtask redis | tail -1) \
//!     cargo bench -p opensandbox --features redis --bench pool
//! ```

use std::time::{Duration, Instant};

use opensandbox::pool::{Pool, PoolOptions};
use opensandbox::{ConnectionConfig, Sandbox, SandboxCreateOptions};

type BoxError = Box<dyn std::error::Error + Send + Sync>;

const CREATE_ROUNDS: usize = 30;
const WARM: usize = 25;
const BATCHES: usize = 20;
const WORKER_ENV: &str = "OPEN_SANDBOX_POOL_BENCH_WORKER";
#[cfg(feature = "redis")]
const THROUGHPUT_PER_PROCESS: usize = 100;

fn spec() -> SandboxCreateOptions {
    SandboxCreateOptions::new("python:3.12")
}

fn main() -> Result<(), BoxError> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    if std::env::var_os(WORKER_ENV).is_some() {
        return rt.block_on(worker());
    }
    rt.block_on(bench())
}

/// Runs the devserver on a runtime (and threads) of its own, as a server process would
/// be, so its work does not queue behind the client's; stops it when `stop` is sent.
fn devserver_thread() -> Result<(String, std::sync::mpsc::Sender<()>), BoxError> {
    let (ready_tx, ready_rx) = std::sync::mpsc::channel();
    let (stop_tx, stop_rx) = std::sync::mpsc::channel::<()>();
    std::thread::spawn(move || {
        let rt = match tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
        {
            Ok(rt) => rt,
            Err(e) => return drop(ready_tx.send(Err(e.to_string()))),
        };
        rt.block_on(async move {
            match opensandbox_devserver::DevServer::builder().start().await {
                Ok(server) => {
                    let _ = ready_tx.send(Ok(server.domain()));
                    let _ = tokio::task::spawn_blocking(move || stop_rx.recv()).await;
                    server.shutdown().await;
                }
                Err(e) => drop(ready_tx.send(Err(e.to_string()))),
            }
        });
    });
    let domain = ready_rx.recv()??;
    Ok((domain, stop_tx))
}

async fn bench() -> Result<(), BoxError> {
    let (domain, stop) = devserver_thread()?;
    let config = ConnectionConfig::new()
        .domain(&domain)
        .api_key("")
        .options(opensandbox::ClientOptions::new().use_env_proxy(false));

    let mut create = Vec::new();
    for _ in 0..CREATE_ROUNDS {
        let t = Instant::now();
        let sandbox = Sandbox::create(&config, spec()).await?;
        create.push(t.elapsed());
        sandbox.kill().await?;
    }
    report(
        "Sandbox::create (until Running and execd answers)",
        &mut create,
    );

    let memory = Pool::in_memory(&config, options("bench-memory")?).await?;
    let mut lat = warm_acquires(&memory).await?;
    report("pool acquire, in-memory store (warm)", &mut lat);
    memory.destroy().await?;

    #[cfg(feature = "redis")]
    redis_benches(&config, &domain).await?;
    #[cfg(not(feature = "redis"))]
    println!("Redis benches skipped: built without the `redis` feature (--features redis)");

    let _ = stop.send(());
    Ok(())
}

fn options(name: &str) -> Result<PoolOptions, BoxError> {
    Ok(PoolOptions::builder(name, spec())
        .max_idle(WARM)
        .reconcile_interval(Duration::from_millis(50))
        .create_rate(200.0)
        .build()?)
}

/// Acquires `WARM - 5` sandboxes from a full pool per batch (timed), then kills them
/// and lets the pool refill (not timed).
async fn warm_acquires(pool: &Pool) -> Result<Vec<Duration>, BoxError> {
    let mut lat = Vec::new();
    for _ in 0..BATCHES {
        wait_full(pool).await?;
        let mut taken = Vec::new();
        for _ in 0..WARM - 5 {
            let t = Instant::now();
            let sandbox = pool.acquire().await?;
            lat.push(t.elapsed());
            taken.push(sandbox);
        }
        for s in taken {
            s.kill().await?;
        }
    }
    let c = pool.counters();
    assert_eq!(c.acquired_created, 0, "a bench acquire was not served warm");
    Ok(lat)
}

async fn wait_full(pool: &Pool) -> Result<(), BoxError> {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let s = pool.status().await?;
        if s.idle >= s.max_idle && s.creating == 0 {
            return Ok(());
        }
        if Instant::now() > deadline {
            return Err(format!("the pool did not fill: {s:?}").into());
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

#[cfg(feature = "redis")]
async fn redis_benches(config: &ConnectionConfig, domain: &str) -> Result<(), BoxError> {
    use opensandbox::pool::{PoolStore, RedisPoolStore};
    use std::io::{BufRead, BufReader, Write};
    use std::process::{Command, Stdio};

    let mut child = None;
    let url = match (
        std::env::var_os("OPEN_SANDBOX_REDIS_SERVER"),
        std::env::var("REDIS_URL"),
    ) {
        (Some(bin), _) => {
            let port = std::net::TcpListener::bind("127.0.0.1:0")?
                .local_addr()?
                .port();
            child = Some(
                Command::new(bin)
                    .args(["--port", &port.to_string(), "--bind", "127.0.0.1"])
                    .args(["--save", "", "--appendonly", "no"])
                    .stdout(Stdio::null())
                    .spawn()?,
            );
            tokio::time::sleep(Duration::from_millis(300)).await;
            format!("redis://127.0.0.1:{port}")
        }
        (None, Ok(url)) => url,
        (None, Err(_)) => {
            println!("Redis benches skipped: set OPEN_SANDBOX_REDIS_SERVER or REDIS_URL");
            return Ok(());
        }
    };
    let result = async {
        let store = RedisPoolStore::connect(&url).await?;
        let pool = Pool::start(config, options("bench-redis")?, store.clone()).await?;
        let mut lat = warm_acquires(&pool).await?;
        report("pool acquire, Redis store (warm)", &mut lat);
        pool.destroy().await?;

        // Throughput: 2 worker processes × 4 acquirers on one warm Redis pool.
        let total = 2 * THROUGHPUT_PER_PROCESS;
        let options = PoolOptions::builder("bench-throughput", spec())
            .max_idle(total + 10)
            .reconcile_interval(Duration::from_millis(50))
            .create_rate(500.0)
            .create_concurrency(16)
            .build()?;
        let pool = Pool::start(config, options, store.clone()).await?;
        wait_full(&pool).await?;
        let exe = std::env::current_exe()?;
        let mut workers = Vec::new();
        for _ in 0..2 {
            workers.push(
                Command::new(&exe)
                    .env(WORKER_ENV, "1")
                    .env("POOL_BENCH_DOMAIN", domain)
                    .env("POOL_BENCH_REDIS", &url)
                    .stdin(Stdio::piped())
                    .stdout(Stdio::piped())
                    .spawn()?,
            );
        }
        let mut readers = Vec::new();
        for w in &mut workers {
            let mut out = BufReader::new(w.stdout.take().ok_or("no stdout")?);
            let mut line = String::new();
            out.read_line(&mut line)?; // "ready"
            readers.push(out);
        }
        let t0 = Instant::now();
        for w in &mut workers {
            writeln!(w.stdin.as_mut().ok_or("no stdin")?, "go")?;
        }
        let mut ids = Vec::new();
        for out in readers {
            for line in out.lines() {
                let line = line?;
                if let Some(id) = line.strip_prefix("ID ") {
                    ids.push(id.to_string());
                }
            }
        }
        let elapsed = t0.elapsed();
        for mut w in workers {
            if !w.wait()?.success() {
                return Err("a bench worker failed".into());
            }
        }
        println!(
            "8 concurrent acquirers across 2 processes (Redis store, warm): {} acquires in {elapsed:.2?} = {:.0} acquires/s",
            ids.len(),
            ids.len() as f64 / elapsed.as_secs_f64()
        );
        let unique: std::collections::HashSet<_> = ids.iter().collect();
        assert_eq!(unique.len(), ids.len(), "a sandbox was handed out twice");
        for id in &ids {
            let _ = opensandbox::SandboxManager::new(config)?.kill(id).await;
        }
        pool.destroy().await?;
        let _ = store.idle_count("bench-throughput").await?;
        Ok::<(), BoxError>(())
    }
    .await;
    if let Some(mut c) = child {
        let _ = c.kill();
        let _ = c.wait();
    }
    result
}

/// A throughput worker: 4 acquirers on the shared Redis pool, started by a `go` line.
async fn worker() -> Result<(), BoxError> {
    #[cfg(feature = "redis")]
    {
        use opensandbox::pool::{AcquirePolicy, RedisPoolStore};
        let domain = std::env::var("POOL_BENCH_DOMAIN")?;
        let config = ConnectionConfig::new()
            .domain(domain)
            .api_key("")
            .options(opensandbox::ClientOptions::new().use_env_proxy(false));
        let store = RedisPoolStore::connect(&std::env::var("POOL_BENCH_REDIS")?).await?;
        let options = PoolOptions::builder("bench-throughput", spec())
            .max_idle(1)
            .policy(AcquirePolicy::RetryNextIdleThenCreate)
            .build()?;
        let pool = std::sync::Arc::new(Pool::start(&config, options, store).await?);
        println!("ready");
        let mut go = String::new();
        std::io::stdin().read_line(&mut go)?;
        let tasks: Vec<_> = (0..4)
            .map(|_| {
                let pool = pool.clone();
                tokio::spawn(async move {
                    let mut ids = Vec::new();
                    for _ in 0..THROUGHPUT_PER_PROCESS / 4 {
                        ids.push(pool.acquire().await?.id().to_string());
                    }
                    Ok::<_, opensandbox::pool::PoolError>(ids)
                })
            })
            .collect();
        for t in tasks {
            for id in t.await?? {
                println!("ID {id}");
            }
        }
        let c = pool.counters();
        eprintln!(
            "worker {}: {} from idle, {} created",
            std::process::id(),
            c.acquired_idle,
            c.acquired_created
        );
    }
    Ok(())
}

fn report(what: &str, samples: &mut [Duration]) {
    samples.sort();
    let pct = |p: f64| samples[((samples.len() as f64 * p) as usize).min(samples.len() - 1)];
    println!(
        "{what}: p50 {:.2?}, p99 {:.2?}, max {:.2?} ({} samples)",
        pct(0.50),
        pct(0.99),
        samples[samples.len() - 1],
        samples.len()
    );
}
