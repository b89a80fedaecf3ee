//! What the Redis pool tests share: a `redis-server` child on a loopback port, the
//! devserver, worker processes (this test binary re-executed) and their line protocol.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use futures::TryStreamExt;
use opensandbox::pool::{
    AcquirePolicy, Lease, Pool, PoolOptions, PoolResult, PoolStore, PutOutcome, RedisPoolStore,
    StoreFuture, Taken,
};
use opensandbox::sandbox::ListOptions;
use opensandbox::sandbox::SandboxManager;
use opensandbox::{ConnectionConfig, SandboxCreateOptions};
use opensandbox_devserver::DevServer;

/// The variable naming the `redis-server` to run (set by `cargo xtask test`).
pub const REDIS_ENV: &str = "OPEN_SANDBOX_REDIS_SERVER";
/// Set in worker processes: their role.
pub const WORKER_ENV: &str = "OPEN_SANDBOX_POOL_TEST_WORKER";
/// Acquires per worker process in the three-process test.
pub const ACQUIRES_PER_PROCESS: usize = 200;
/// The lease TTL of the fencing test's workers.
pub const LEASE_TTL: Duration = Duration::from_secs(1);

const KEY: &str = "pool-redis-test-key";

pub fn spec() -> SandboxCreateOptions {
    SandboxCreateOptions::new("python:3.12")
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

pub fn unix_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_millis() as u64
}

/// A `redis-server` child on a loopback port, without persistence; killed on drop.
pub struct RedisServer {
    bin: PathBuf,
    pub port: u16,
    child: Option<Child>,
}

impl RedisServer {
    /// Starts one, or returns `None` (saying so) when `OPEN_SANDBOX_REDIS_SERVER` is unset.
    /// Panics when it is set and the server does not start: CI must not skip these.
    pub fn start() -> Option<RedisServer> {
        let Some(bin) = std::env::var_os(REDIS_ENV).filter(|v| !v.is_empty()) else {
            // Straight to stderr: the test harness does not capture this, so it is seen.
            use std::io::Write;
            let _ = writeln!(
                std::io::stderr(),
                "SKIPPED: {REDIS_ENV} is not set, so this Redis pool test did not run \
                 (`cargo xtask test` provides a redis-server)"
            );
            return None;
        };
        let bin = PathBuf::from(bin);
        assert!(bin.exists(), "{REDIS_ENV}={} does not exist", bin.display());
        let mut server = RedisServer {
            bin,
            port: free_port(),
            child: None,
        };
        server.restart();
        Some(server)
    }

    pub fn url(&self) -> String {
        format!("redis://127.0.0.1:{}", self.port)
    }

    /// Starts the server (again) on the same port and waits until it answers.
    pub fn restart(&mut self) {
        let child = Command::new(&self.bin)
            .args(["--port", &self.port.to_string(), "--bind", "127.0.0.1"])
            .args(["--save", "", "--appendonly", "no"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("starting {}: {e}", self.bin.display()));
        self.child = Some(child);
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if let Ok(mut s) = std::net::TcpStream::connect(("127.0.0.1", self.port)) {
                use std::io::{Read, Write};
                let mut buf = [0u8; 7];
                if s.write_all(b"PING\r\n").is_ok()
                    && s.read_exact(&mut buf).is_ok()
                    && &buf == b"+PONG\r\n"
                {
                    return;
                }
            }
            if let Some(Ok(Some(status))) = self.child.as_mut().map(|c| c.try_wait()) {
                panic!("redis-server exited: {status}");
            }
            assert!(
                Instant::now() < deadline,
                "redis-server did not answer on port {}",
                self.port
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Kills the server (SIGKILL) and reaps it.
    pub fn kill(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}

impl Drop for RedisServer {
    fn drop(&mut self) {
        self.kill();
    }
}

/// Every key in the Redis server.
pub async fn redis_keys(redis: &RedisServer) -> Vec<String> {
    let client = redis::Client::open(redis.url()).unwrap();
    let mut conn = client.get_multiplexed_async_connection().await.unwrap();
    redis::cmd("KEYS")
        .arg("*")
        .query_async(&mut conn)
        .await
        .unwrap()
}

/// A devserver with an API key, its client config and its domain.
pub async fn devserver() -> (DevServer, ConnectionConfig, String) {
    let server = DevServer::builder()
        .api_key(Some(KEY.to_string()))
        .start()
        .await
        .expect("devserver");
    let domain = server.domain();
    (server, config_for(&domain), domain)
}

fn config_for(domain: &str) -> ConnectionConfig {
    ConnectionConfig::new()
        .domain(domain)
        .api_key(KEY)
        .options(opensandbox::ClientOptions::new().use_env_proxy(false))
}

pub async fn wait_until(limit: Duration, what: &str, done: impl Fn() -> bool) {
    let deadline = Instant::now() + limit;
    while !done() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

pub async fn wait_idle(pool: &Pool, n: usize) {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let s = pool.status().await.unwrap();
        if s.idle == n && s.creating == 0 {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "pool never reached {n} idle: {s:?}"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Waits (at most 10 s: deletion ends asynchronously) until the server holds no sandbox.
pub async fn assert_no_sandboxes(config: &ConnectionConfig) {
    let manager = SandboxManager::new(config).unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let all: Vec<_> = manager
            .list_all(ListOptions::default())
            .try_collect()
            .await
            .unwrap();
        if all.is_empty() {
            return;
        }
        if Instant::now() > deadline {
            let left: Vec<_> = all.iter().map(|s| (&s.id, &s.state)).collect();
            panic!("sandboxes left on the server: {left:?}");
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Kills every sandbox on the server and waits until they are gone.
pub async fn kill_all(config: &ConnectionConfig) {
    let manager = SandboxManager::new(config).unwrap();
    let all: Vec<_> = manager
        .list_all(ListOptions::default())
        .try_collect()
        .await
        .unwrap();
    for s in all {
        let _ = manager.kill(&s.id).await;
    }
    assert_no_sandboxes(config).await;
}

/// Destroys pool `name` through a new instance, then checks that nothing is left.
pub async fn destroy_and_check_empty(
    config: &ConnectionConfig,
    store: &RedisPoolStore,
    redis: &RedisServer,
    name: &str,
) {
    let options = PoolOptions::builder(name, spec()).build().unwrap();
    let pool = Pool::start(config, options, store.clone()).await.unwrap();
    pool.destroy().await.unwrap();
    assert_eq!(
        redis_keys(redis).await,
        Vec::<String>::new(),
        "keys left in Redis"
    );
    assert_no_sandboxes(config).await;
}

/// One `POOL|…` line a worker printed.
#[derive(Debug, Clone)]
pub struct Line {
    pub fields: Vec<String>,
}

/// A worker's `STATUS` line.
#[derive(Debug, Clone, Copy)]
pub struct Status {
    pub primary: bool,
    pub token: u64,
    pub creating: u64,
    pub fenced: u64,
}

/// A worker's `PUT` line: when the put was started (Unix ms) and what the store said.
#[derive(Debug, Clone)]
pub struct Put {
    pub started_ms: u64,
    pub outcome: String,
}

/// A worker process: this test binary running only `pool_worker_entry`.
pub struct Worker {
    child: Child,
    lines: Arc<(Mutex<Vec<Line>>, Condvar)>,
}

impl Worker {
    pub fn spawn(role: &str, env: &[(&str, String)]) -> Worker {
        let exe = std::env::current_exe().unwrap();
        let mut cmd = Command::new(exe);
        cmd.args([
            "--exact",
            "redis_tests::pool_worker_entry",
            "--nocapture",
            "--test-threads",
            "1",
        ])
        .env(WORKER_ENV, role)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit());
        for (k, v) in env {
            cmd.env(k, v);
        }
        let mut child = cmd.spawn().unwrap();
        let stdout = child.stdout.take().unwrap();
        let lines = Arc::new((Mutex::new(Vec::new()), Condvar::new()));
        let sink = lines.clone();
        std::thread::spawn(move || {
            for l in BufReader::new(stdout).lines() {
                let Ok(l) = l else { break };
                // libtest may print "test … ... " on the same line first.
                if let Some(rest) = l.find("POOL|").map(|i| &l[i + 5..]) {
                    let (m, cv) = &*sink;
                    m.lock().unwrap().push(Line {
                        fields: rest.split('|').map(str::to_string).collect(),
                    });
                    cv.notify_all();
                }
            }
        });
        Worker { child, lines }
    }

    /// Waits for the worker to exit successfully; returns its lines.
    pub fn wait(mut self, limit: Duration) -> Vec<Line> {
        let deadline = Instant::now() + limit;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                assert!(status.success(), "worker failed: {status}");
                std::thread::sleep(Duration::from_millis(50));
                return self.lines.0.lock().unwrap().clone();
            }
            assert!(
                Instant::now() < deadline,
                "worker still running after {limit:?}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits for a `STATUS` line printed from now on that satisfies `pred`.
    pub fn wait_for(&self, limit: Duration, pred: impl Fn(&Status) -> bool) -> Status {
        let (m, cv) = &*self.lines;
        let mut lines = m.lock().unwrap();
        let mut seen = lines.len();
        let deadline = Instant::now() + limit;
        loop {
            for l in &lines[seen..] {
                if let Some(s) = parse_status(l)
                    && pred(&s)
                {
                    return s;
                }
            }
            seen = lines.len();
            let now = Instant::now();
            assert!(
                now < deadline,
                "no matching status within {limit:?}; last lines: {:?}",
                &lines[lines.len().saturating_sub(5)..]
            );
            lines = cv.wait_timeout(lines, deadline - now).unwrap().0;
        }
    }

    /// The `PUT` lines so far.
    pub fn puts(&self) -> Vec<Put> {
        self.lines
            .0
            .lock()
            .unwrap()
            .iter()
            .filter_map(|l| match l.fields.as_slice() {
                [k, ms, _token, outcome] if k == "PUT" => Some(Put {
                    started_ms: ms.parse().ok()?,
                    outcome: outcome.clone(),
                }),
                _ => None,
            })
            .collect()
    }

    /// Sends a signal (`STOP`, `CONT`, `KILL`).
    pub fn signal(&self, name: &str) {
        let ok = Command::new("kill")
            .args(["-s", name, &self.child.id().to_string()])
            .status()
            .unwrap()
            .success();
        assert!(ok, "kill -s {name} failed");
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn parse_status(l: &Line) -> Option<Status> {
    match l.fields.as_slice() {
        [k, primary, token, creating, fenced] if k == "STATUS" => Some(Status {
            primary: primary == "true",
            token: token.parse().ok()?,
            creating: creating.parse().ok()?,
            fenced: fenced.parse().ok()?,
        }),
        _ => None,
    }
}

/// A store that prints every put (`POOL|PUT|started ms|token|outcome`).
#[derive(Debug)]
struct LoggingStore(RedisPoolStore);

impl PoolStore for LoggingStore {
    fn take_idle<'a>(&'a self, pool: &'a str, min: Duration) -> StoreFuture<'a, Taken> {
        self.0.take_idle(pool, min)
    }
    fn put_idle<'a>(
        &'a self,
        pool: &'a str,
        lease: &'a Lease,
        id: &'a str,
        ttl: Duration,
    ) -> StoreFuture<'a, PutOutcome> {
        Box::pin(async move {
            let started = unix_ms();
            let r = self.0.put_idle(pool, lease, id, ttl).await;
            let outcome = match &r {
                Ok(o) => format!("{o:?}"),
                Err(_) => "Error".into(),
            };
            println!("POOL|PUT|{started}|{}|{outcome}", lease.token);
            r
        })
    }
    fn reap_idle<'a>(
        &'a self,
        pool: &'a str,
        lease: &'a Lease,
        min: Duration,
    ) -> StoreFuture<'a, Option<Vec<String>>> {
        self.0.reap_idle(pool, lease, min)
    }
    fn acquire_lease<'a>(
        &'a self,
        pool: &'a str,
        owner: &'a str,
        ttl: Duration,
    ) -> StoreFuture<'a, Option<Lease>> {
        self.0.acquire_lease(pool, owner, ttl)
    }
    fn renew_lease<'a>(
        &'a self,
        pool: &'a str,
        lease: &'a Lease,
        ttl: Duration,
    ) -> StoreFuture<'a, bool> {
        self.0.renew_lease(pool, lease, ttl)
    }
    fn release_lease<'a>(&'a self, pool: &'a str, lease: &'a Lease) -> StoreFuture<'a, ()> {
        self.0.release_lease(pool, lease)
    }
    fn idle_count<'a>(&'a self, pool: &'a str) -> StoreFuture<'a, usize> {
        self.0.idle_count(pool)
    }
    fn max_idle<'a>(&'a self, pool: &'a str) -> StoreFuture<'a, Option<usize>> {
        self.0.max_idle(pool)
    }
    fn set_max_idle<'a>(&'a self, pool: &'a str, n: usize) -> StoreFuture<'a, ()> {
        self.0.set_max_idle(pool, n)
    }
    fn begin_destroy<'a>(&'a self, pool: &'a str) -> StoreFuture<'a, ()> {
        self.0.begin_destroy(pool)
    }
    fn is_destroying<'a>(&'a self, pool: &'a str) -> StoreFuture<'a, bool> {
        self.0.is_destroying(pool)
    }
    fn drain_idle<'a>(&'a self, pool: &'a str) -> StoreFuture<'a, Vec<String>> {
        self.0.drain_idle(pool)
    }
    fn clear<'a>(&'a self, pool: &'a str) -> StoreFuture<'a, ()> {
        self.0.clear(pool)
    }
}

fn env(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| panic!("worker without {name}"))
}

/// The body of a worker process.
pub async fn run_worker(role: &str) {
    let config = config_for(&env("POOL_TEST_DOMAIN"));
    let redis = RedisPoolStore::connect(&env("POOL_TEST_REDIS"))
        .await
        .unwrap();
    let name = env("POOL_TEST_NAME");
    match role {
        "acquire" => acquire_worker(config, redis, &name).await.unwrap(),
        "primary" => primary_worker(config, redis, &name).await.unwrap(),
        other => panic!("unknown worker role {other}"),
    }
}

async fn acquire_worker(
    config: ConnectionConfig,
    store: RedisPoolStore,
    name: &str,
) -> PoolResult<()> {
    let count: usize = env("POOL_TEST_COUNT").parse().unwrap();
    let options = PoolOptions::builder(name, spec())
        .max_idle(10)
        .policy(AcquirePolicy::RetryNextIdleThenCreate)
        .reconcile_interval(Duration::from_millis(50))
        .lease_ttl(Duration::from_secs(2))
        .create_rate(100.0)
        .create_concurrency(4)
        .build()?;
    let pool = Arc::new(Pool::start(&config, options, store).await?);
    let tasks: Vec<_> = (0..2)
        .map(|i| {
            let pool = pool.clone();
            let n = count / 2 + usize::from(i < count % 2);
            tokio::spawn(async move {
                for _ in 0..n {
                    let sandbox = pool.acquire().await.unwrap();
                    let run = sandbox.commands().run("echo ok").await.unwrap();
                    assert_eq!(run.stdout, "ok\n", "an acquired sandbox does not work");
                    println!("POOL|ID|{}", sandbox.id());
                    sandbox.kill().await.unwrap();
                }
            })
        })
        .collect();
    for t in tasks {
        t.await.unwrap();
    }
    pool.shutdown().await;
    let c = pool.counters();
    println!(
        "POOL|COUNTERS|acquired_idle={}|acquired_created={}|acquire_failed={}|created={}|unhealthy={}|discarded={}|reaped={}|fenced={}",
        c.acquired_idle,
        c.acquired_created,
        c.acquire_failed,
        c.created,
        c.unhealthy,
        c.discarded,
        c.reaped,
        c.fenced
    );
    Ok(())
}

async fn primary_worker(
    config: ConnectionConfig,
    store: RedisPoolStore,
    name: &str,
) -> PoolResult<()> {
    let options = PoolOptions::builder(name, spec())
        .max_idle(40)
        .lease_ttl(LEASE_TTL)
        .lease_renew_interval(Duration::from_millis(250))
        .reconcile_interval(Duration::from_millis(50))
        .create_rate(20.0)
        .create_concurrency(4)
        .preparer(|_sandbox| async {
            tokio::time::sleep(Duration::from_millis(400)).await;
            Ok(())
        })
        .build()?;
    let pool = Pool::start(&config, options, LoggingStore(store)).await?;
    let until = Instant::now() + Duration::from_secs(60);
    while Instant::now() < until {
        match pool.status().await {
            Ok(s) => println!(
                "POOL|STATUS|{}|{}|{}|{}",
                s.primary,
                s.fencing_token.unwrap_or(0),
                s.creating,
                s.counters.fenced
            ),
            Err(e) => println!("POOL|ERROR|{e}"),
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    Ok(())
}
