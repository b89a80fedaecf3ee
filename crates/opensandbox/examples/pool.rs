//! A warm pool: keep a few ready sandboxes, hand them out in milliseconds, watch the
//! pool's status, then destroy it (nothing is left behind).
//!
//! ```text
//! cargo run -p opensandbox --example pool
//! REDIS_URL=redis://127.0.0.1:6379 cargo run -p opensandbox --features redis --example pool
//! ```
//!
//! The pool's state lives in this process, or in Redis when `REDIS_URL` is set (then
//! several processes running this example share one pool). With `OPEN_SANDBOX_DOMAIN`
//! set it talks to that server; otherwise it starts the local devserver in-process (no
//! isolation: commands run on this machine). `OPEN_SANDBOX_IMAGE` picks the image.

use std::time::{Duration, Instant};

use opensandbox::pool::{Pool, PoolOptions};
use opensandbox::{ConnectionConfig, SandboxCreateOptions};

mod support;
use support::{BoxError, connection, image};

#[tokio::main]
async fn main() -> Result<(), BoxError> {
    let (config, _devserver) = connection().await?;
    let options = PoolOptions::builder("example-pool", SandboxCreateOptions::new(image()))
        .max_idle(3)
        .idle_ttl(Duration::from_secs(5 * 60))
        .preparer(|sandbox| async move {
            // Setup that every pooled sandbox gets before it counts as idle.
            sandbox
                .files()
                .write("/tmp/ready.txt", "warmed by the pool")
                .await
        })
        .build()?;
    let pool = start(&config, options).await?;

    // Wait until the pool is warm.
    let started = Instant::now();
    loop {
        let status = pool.status().await?;
        if status.idle >= status.max_idle {
            println!(
                "{} idle sandboxes after {:.1?}",
                status.idle,
                started.elapsed()
            );
            break;
        }
        if started.elapsed() > Duration::from_secs(60) {
            return Err(format!("the pool did not warm up: {status:?}").into());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }

    for _ in 0..3 {
        let t = Instant::now();
        let sandbox = pool.acquire().await?;
        let took = t.elapsed();
        let marker = sandbox.files().read_to_string("/tmp/ready.txt").await?;
        let run = sandbox.commands().run("echo hello from the pool").await?;
        println!(
            "acquired {} in {took:.2?}: {:?}, {:?}",
            sandbox.id(),
            marker,
            run.stdout.trim()
        );
        sandbox.kill().await?;
    }

    let status = pool.status().await?;
    println!(
        "status: {:?}, primary {}, idle {}/{}, counters {:?}",
        status.state, status.primary, status.idle, status.max_idle, status.counters
    );
    let report = pool.destroy().await?;
    println!("destroyed: {} idle sandboxes killed", report.killed_idle);
    Ok(())
}

/// The pool, on Redis when `REDIS_URL` is set.
async fn start(config: &ConnectionConfig, options: PoolOptions) -> Result<Pool, BoxError> {
    match std::env::var("REDIS_URL") {
        #[cfg(feature = "redis")]
        Ok(url) => {
            let store = opensandbox::pool::RedisPoolStore::connect(&url).await?;
            println!("pool state in Redis ({store:?})");
            Ok(Pool::start(config, options, store).await?)
        }
        #[cfg(not(feature = "redis"))]
        Ok(_) => Err("REDIS_URL is set: build with `--features redis` to use it".into()),
        Err(_) => {
            println!("pool state in this process (set REDIS_URL to share it through Redis)");
            Ok(Pool::in_memory(config, options).await?)
        }
    }
}
